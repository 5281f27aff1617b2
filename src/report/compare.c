/* compare — field-level differences between two charters (see compare.h). */
#include "charterdash/report/compare.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/buf.h"
#include "charterdash/core/edit.h"
#include "charterdash/report/report.h"
#include "charterdash/core/strmap.h"
#include "charterdash/core/strutil.h"

struct items {
	struct compare_item *v;
	size_t n, cap;
	bool failed;
};

static void push(struct items *it, struct compare_item item)
{
	struct compare_item *v = buf_grow_array(it->v, &it->cap, it->n, sizeof *v, 16);
	if (!v) {
		it->failed = true;
		return;
	}
	it->v = v;
	it->v[it->n++] = item;
}

static bool index_ids(const struct charter *c, struct strmap *map)
{
	strmap_init(map);
	for (size_t i = 0; i < c->milestone_count; i++)
		if (c->milestones[i].id && !strmap_put(map, c->milestones[i].id, (uint32_t)i))
			return false;
	return true;
}

static void compare_one(struct items *it, const struct charter *oc, const struct milestone *o,
                        const struct charter *nc, const struct milestone *n)
{
	if (strcmp(oc->groups[o->group].id, nc->groups[n->group].id) != 0)
		push(it, (struct compare_item){ .kind = COMPARE_MOVED, .old_m = o, .new_m = n, .field = -1 });
	for (int f = 0; f < FIELD_COUNT; f++) {
		char so[DATE_TEXT_SIZE], sn[DATE_TEXT_SIZE];
		if (!str_same(milestone_field(o, (enum field)f, so), milestone_field(n, (enum field)f, sn)))
			push(it, (struct compare_item){ .kind = COMPARE_CHANGED, .old_m = o, .new_m = n, .field = f });
	}
}

static void compare_groups(struct items *it, const struct charter *oc, const struct charter *nc)
{
	for (size_t i = 0; i < nc->group_count; i++) {
		const struct group *n = &nc->groups[i];
		long at = n->id ? charter_find_group(oc, n->id) : -1;
		if (at < 0)
			push(it, (struct compare_item){ .kind = COMPARE_GROUP_ADDED, .new_g = n, .field = -1 });
		else if (!str_same(oc->groups[at].name, n->name))
			push(it, (struct compare_item){ .kind = COMPARE_GROUP_RENAMED, .old_g = &oc->groups[at], .new_g = n,
			                                .field = -1 });
	}
	for (size_t i = 0; i < oc->group_count; i++)
		if (!oc->groups[i].id || charter_find_group(nc, oc->groups[i].id) < 0)
			push(it, (struct compare_item){ .kind = COMPARE_GROUP_REMOVED, .old_g = &oc->groups[i], .field = -1 });
}

size_t compare_charters(const struct charter *old_c, const struct charter *new_c, struct compare_item **items)
{
	struct items it = { 0 };
	compare_groups(&it, old_c, new_c);
	struct strmap old_ids, new_ids;
	bool ok = index_ids(old_c, &old_ids);
	ok = index_ids(new_c, &new_ids) && ok; /* both maps are set up, to be finished */
	for (size_t i = 0; ok && i < new_c->milestone_count; i++) {
		const struct milestone *n = &new_c->milestones[i];
		uint32_t at;
		if (n->id && strmap_get(&old_ids, n->id, &at))
			compare_one(&it, old_c, &old_c->milestones[at], new_c, n);
		else
			push(&it, (struct compare_item){ .kind = COMPARE_ADDED, .new_m = n, .field = -1 });
	}
	for (size_t i = 0; ok && i < old_c->milestone_count; i++) {
		const struct milestone *o = &old_c->milestones[i];
		uint32_t at;
		if (!o->id || !strmap_get(&new_ids, o->id, &at))
			push(&it, (struct compare_item){ .kind = COMPARE_REMOVED, .old_m = o, .field = -1 });
	}
	strmap_fini(&old_ids);
	strmap_fini(&new_ids);
	if (!ok || it.failed) {
		free(it.v);
		*items = NULL;
		return (size_t)-1;
	}
	*items = it.v;
	return it.n;
}

/* "Energy · Adopt the roadmap" */
static void put_name(FILE *out, const struct charter *c, const struct milestone *m)
{
	report_plain_text(out, c->groups[m->group].name ? c->groups[m->group].name : c->groups[m->group].id);
	fputs(" \u00b7 ", out);
	report_plain_text(out, m->title ? m->title : m->id);
}

static void put_value(FILE *out, const char *v)
{
	if (v)
		report_plain_text(out, v);
	else
		fputs("(none)", out);
}

static void print_item(FILE *out, const struct charter *oc, const struct charter *nc, const struct compare_item *x)
{
	char so[DATE_TEXT_SIZE], sn[DATE_TEXT_SIZE];
	switch (x->kind) {
	case COMPARE_CHANGED:
		put_name(out, oc, x->old_m);
		fprintf(out, ": %s ", field_name((enum field)x->field));
		put_value(out, milestone_field(x->old_m, (enum field)x->field, so));
		fputs(" \u2192 ", out);
		put_value(out, milestone_field(x->new_m, (enum field)x->field, sn));
		break;
	case COMPARE_MOVED:
		put_name(out, oc, x->old_m);
		fputs(": moved to ", out);
		report_plain_text(out, nc->groups[x->new_m->group].name);
		break;
	case COMPARE_ADDED:
		put_name(out, nc, x->new_m);
		fprintf(out, ": added (%s", status_key(x->new_m->status));
		for (int f = FIELD_DUE; f < FIELD_COUNT; f++) {
			const char *v = milestone_field(x->new_m, (enum field)f, sn);
			if (v) {
				fprintf(out, ", %s ", field_name((enum field)f));
				report_plain_text(out, v);
			}
		}
		fputc(')', out);
		break;
	case COMPARE_REMOVED:
		put_name(out, oc, x->old_m);
		fputs(": removed", out);
		break;
	case COMPARE_GROUP_RENAMED:
	case COMPARE_GROUP_ADDED:
	case COMPARE_GROUP_REMOVED: {
		const struct group *g = x->old_g ? x->old_g : x->new_g;
		fputs("Working group ", out);
		report_plain_text(out, g->name ? g->name : g->id);
		if (x->kind == COMPARE_GROUP_RENAMED) {
			fputs(": renamed to ", out);
			report_plain_text(out, x->new_g->name);
		} else {
			fputs(x->kind == COMPARE_GROUP_ADDED ? ": added" : ": removed", out);
		}
		break;
	}
	}
	fputc('\n', out);
}

void compare_print_text(FILE *out, const struct charter *old_c, const struct charter *new_c,
                        const struct compare_item *items, size_t count)
{
	for (size_t i = 0; i < count; i++)
		print_item(out, old_c, new_c, &items[i]);
}

static const char *kind_key(enum compare_kind k)
{
	static const char *const keys[] = { "changed", "moved", "added", "removed",
		                            "group_renamed", "group_added", "group_removed" };
	return keys[k];
}

static void put_json_field(FILE *out, const char *key, const char *value, bool last)
{
	fprintf(out, "\"%s\": ", key);
	if (value)
		report_json_string(out, value);
	else
		fputs("null", out);
	fputs(last ? "" : ", ", out);
}

static void put_milestone_json(FILE *out, const struct charter *old_c, const struct charter *new_c,
                               const struct compare_item *x)
{
	const struct charter *c = x->new_m ? new_c : old_c;
	const struct milestone *m = x->new_m ? x->new_m : x->old_m;
	char so[DATE_TEXT_SIZE], sn[DATE_TEXT_SIZE];
	bool field = x->kind == COMPARE_CHANGED;
	put_json_field(out, "id", m->id, false);
	put_json_field(out, "group", c->groups[m->group].id, false);
	put_json_field(out, "title", m->title, false);
	put_json_field(out, "field", field ? field_name((enum field)x->field) : NULL, false);
	put_json_field(out, "old", field ? milestone_field(x->old_m, (enum field)x->field, so) : NULL, false);
	put_json_field(out, "new", field ? milestone_field(x->new_m, (enum field)x->field, sn) : NULL, true);
}

void compare_print_json(FILE *out, const struct charter *old_c, const struct charter *new_c,
                        const struct compare_item *items, size_t count)
{
	fputs("[", out);
	for (size_t i = 0; i < count; i++) {
		const struct compare_item *x = &items[i];
		fputs(i ? ",\n  {" : "\n  {", out);
		put_json_field(out, "change", kind_key(x->kind), false);
		if (x->kind >= COMPARE_GROUP_RENAMED) {
			const struct group *g = x->old_g ? x->old_g : x->new_g;
			put_json_field(out, "id", NULL, false);
			put_json_field(out, "group", g->id, false);
			put_json_field(out, "title", NULL, false);
			put_json_field(out, "field", x->kind == COMPARE_GROUP_RENAMED ? "name" : NULL, false);
			put_json_field(out, "old", x->old_g ? x->old_g->name : NULL, false);
			put_json_field(out, "new", x->new_g ? x->new_g->name : NULL, true);
		} else {
			put_milestone_json(out, old_c, new_c, x);
		}
		fputs("}", out);
	}
	fputs(count ? "\n]\n" : "]\n", out);
}

/* ---- git's textconv ----------------------------------------------------- */

#define TEXTCONV_KEYS 16 /* field lines looked for per milestone; more are shown raw */

struct field_line {
	size_t line;              /* where the line starts */
	const char *key;          /* the field's name */
	size_t value, value_end;  /* its value's bytes */
};

static size_t line_start_of(const char *s, size_t off)
{
	while (off > 0 && s[off - 1] != '\n')
		off--;
	return off;
}

static size_t next_line(const char *s, size_t len, size_t off)
{
	const char *nl = memchr(s + off, '\n', len - off);
	return nl ? (size_t)(nl - s) + 1 : len;
}

/* True when the line holding key node k reads exactly `INDENT[- ]KEY: VALUE`
 * and ends there (no comment, no trailing space, LF), so the field line
 * shows every byte of it but the indentation. */
static bool canonical(const struct charter *c, uint32_t k, uint32_t v, const char *key)
{
	const struct doc_node *kn = doc_node(&c->doc, k), *vn = doc_node(&c->doc, v);
	size_t ls = line_start_of(c->text, kn->start), i = ls, n = strlen(key);
	while (i < kn->start && c->text[i] == ' ')
		i++;
	if (i < kn->start && c->text[i] == '-')
		for (i++; i < kn->start && c->text[i] == ' ';)
			i++;
	bool single = vn->style != DOC_STYLE_LITERAL && vn->style != DOC_STYLE_FOLDED && vn->kind == DOC_SCALAR &&
	              !memchr(c->text + kn->start, '\n', vn->end - kn->start);
	return i == kn->start && single && (size_t)(kn->end - kn->start) == n && memcmp(c->text + kn->start, key, n) == 0 &&
	       vn->start == kn->end + 2 && c->text[kn->end] == ':' && c->text[kn->end + 1] == ' ' &&
	       vn->end > vn->start && (vn->end == c->text_len || c->text[vn->end] == '\n');
}

/* The milestone's lines that are one field in the canonical form. */
static size_t field_lines(const struct charter *c, const struct milestone *m, struct field_line *out)
{
	size_t n = 0;
	const struct doc_node *map = doc_node(&c->doc, m->node);
	if (map->kind != DOC_MAPPING)
		return 0;
	for (uint32_t k = map->first; k != DOC_NONE && n < TEXTCONV_KEYS; k = doc_node(&c->doc, k)->next) {
		uint32_t v = doc_node(&c->doc, k)->next;
		if (v == DOC_NONE)
			break;
		const char *key = doc_scalar(&c->doc, k);
		enum field f;
		if (key && (strcmp(key, "id") == 0 || field_parse(key, &f)) && canonical(c, k, v, key))
			out[n++] = (struct field_line){ line_start_of(c->text, doc_node(&c->doc, k)->start), key,
				                        doc_node(&c->doc, v)->start, doc_node(&c->doc, v)->end };
		k = v;
	}
	return n;
}

/* "Energy · Adopt the roadmap [energy-roadmap]:" */
static void put_context(FILE *out, const struct charter *c, const struct milestone *m)
{
	put_name(out, c, m);
	fputs(" [", out);
	report_plain_text(out, m->id);
	fputs("]:", out);
}

/* True when the line that ends at `end` holds nothing but spaces. */
static bool blank_before(const char *s, size_t end)
{
	size_t i = end - 1; /* its '\n' */
	while (i > 0 && s[i - 1] == ' ')
		i--;
	return s[end - 1] == '\n' && (i == 0 || s[i - 1] == '\n');
}

/* A milestone's lines [s, e): its field lines as "CONTEXT FIELD VALUE" (the
 * id's left out: it is in every line's context), any other line (comments,
 * unknown keys, block notes, odd layout) as "CONTEXT LINE", raw. */
static void put_milestone(FILE *out, const struct charter *c, const struct milestone *m, size_t s, size_t e)
{
	struct field_line lines[TEXTCONV_KEYS];
	size_t n = field_lines(c, m, lines), at = 0;
	while (s < e) {
		size_t next = next_line(c->text, e, s);
		while (at < n && lines[at].line < s)
			at++;
		if (at < n && lines[at].line == s && strcmp(lines[at].key, "id") != 0) {
			put_context(out, c, m);
			fprintf(out, " %s ", lines[at].key);
			fwrite(c->text + lines[at].value, 1, lines[at].value_end - lines[at].value, out);
			fputc('\n', out);
		} else if (!(at < n && lines[at].line == s)) {
			put_context(out, c, m);
			fputc(' ', out);
			fwrite(c->text + s, 1, next - s, out);
			if (next == s || c->text[next - 1] != '\n')
				fputc('\n', out);
		}
		s = next;
	}
}

void compare_print_textconv(FILE *out, const struct charter *c)
{
	size_t pos = 0;
	for (size_t i = 0; i < c->milestone_count; i++) {
		const struct milestone *m = &c->milestones[i];
		const struct doc_node *n = doc_node(&c->doc, m->node);
		size_t s = line_start_of(c->text, n->start);
		size_t e = n->end > 0 && c->text[n->end - 1] == '\n' ? n->end : next_line(c->text, c->text_len, n->end);
		while (e > s && blank_before(c->text, e)) /* a block scalar's trailing blank lines */
			e = line_start_of(c->text, e - 1);
		if (s < pos) /* on a line already shown (a flow list): its bytes are there */
			continue;
		fwrite(c->text + pos, 1, s - pos, out);
		put_milestone(out, c, m, s, e);
		pos = e;
	}
	fwrite(c->text + pos, 1, c->text_len - pos, out);
}
