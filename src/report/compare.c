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

void compare_print_fields(FILE *out, const struct charter *c)
{
	for (size_t i = 0; i < c->milestone_count; i++) {
		const struct milestone *m = &c->milestones[i];
		for (int f = 0; f < FIELD_COUNT; f++) {
			char scratch[DATE_TEXT_SIZE];
			const char *v = milestone_field(m, (enum field)f, scratch);
			if (!v)
				continue;
			put_name(out, c, m);
			fprintf(out, " [%s]: %s ", m->id, field_name((enum field)f));
			report_plain_text(out, v);
			fputc('\n', out);
		}
	}
}
