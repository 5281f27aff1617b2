/* merge — field-level three-way merge of charter files (see merge.h). */
#include "charterdash/store/merge.h"
#include "charterdash/store/merge_marks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/buf.h"
#include "charterdash/store/changes.h"
#include "charterdash/core/charter.h"
#include "charterdash/core/edit.h"
#include "charterdash/core/merge3.h"
#include "charterdash/core/milestone_index.h"
#include "charterdash/store/patch.h"
#include "charterdash/store/store.h"
#include "charterdash/core/strutil.h"

/* A conflict found while applying theirs' changes; its markers go in once
 * every clean change has landed (markers make the text unloadable). */
struct pending {
	char *id;          /* the milestone */
	int field;         /* an enum field, or -1 for the whole milestone */
	char *theirs;      /* theirs' lines for the region ("" when theirs has none) */
	size_t start, end; /* ours' region in the final field-merged text */
	char message[400];
};

#define MERGE_INDEXED 6 /* base, ours, theirs, cur, bprime, the merged result */

struct merging {
	struct milestone_index ids[MERGE_INDEXED]; /* lookups by id in O(1): see find */
	const char *path;
	struct charter base, ours, theirs; /* as given */
	struct charter cur;                /* ours as theirs' changes land */
	struct charter bprime;             /* base as the same changes land */
	struct pending *pend;
	size_t npend;
	bool failed;
};

static bool load_copy(struct charter *c, const char *path, const char *text, size_t len)
{
	struct diag_list diags;
	diag_init(&diags, 1);
	char *copy = malloc(len + 1);
	if (copy) {
		memcpy(copy, text, len);
		copy[len] = '\0';
	}
	bool ok = copy && charter_load_text(c, path, copy, len, &diags);
	if (!copy)
		memset(c, 0, sizeof *c);
	diag_fini(&diags);
	return ok;
}

/* The index the merge keeps for `c`, or NULL. */
static struct milestone_index *ids_of(struct merging *mg, const struct charter *c)
{
	for (size_t i = 0; c && i < MERGE_INDEXED; i++)
		if (mg->ids[i].c == c)
			return &mg->ids[i];
	return NULL;
}

/* `c` now holds another text: its index is built again on the next lookup. */
static void ids_changed(struct merging *mg, const struct charter *c)
{
	struct milestone_index *x = ids_of(mg, c);
	if (x)
		milestone_index_reset(x);
}

/* Milestone `id` of `c`: through c's index when the merge keeps one, else
 * a scan (for the short-lived copies an edit makes). */
static const struct milestone *find(struct merging *mg, const struct charter *c, const char *id)
{
	struct milestone_index *x = ids_of(mg, c);
	if (x)
		return milestone_index_find(x, id, &mg->failed);
	long at = charter_find_milestone(c, id);
	return at < 0 ? NULL : &c->milestones[at];
}

/* The field's value as text, in `scratch` for a date; EDIT_NO_DATE for an
 * explicit `due: ~` (no date yet, not the same as no due); NULL when absent. */
static const char *value_of(const struct milestone *m, int f, char scratch[DATE_TEXT_SIZE])
{
	return m ? milestone_field(m, (enum field)f, scratch) : NULL;
}

/* Applies one change to `c` through the patcher; false when it was
 * refused (then `c` is unchanged). */
static bool apply_edit(struct merging *mg, struct charter *c, const struct edit *e)
{
	struct store_result r;
	store_result_init(&r);
	bool ok = store_plan(c, e, &r) == STORE_OK;
	if (ok && r.changed) {
		charter_fini(c);
		*c = r.after;
		ids_changed(mg, c);
		r.have_after = false;
	}
	store_result_fini(&r);
	return ok;
}

static bool apply_set(struct merging *mg, struct charter *c, const char *id, int f, const char *value)
{
	struct edit e = { .kind = EDIT_SET, .milestone_id = id, .field = (enum field)f, .value = value };
	return apply_edit(mg, c, &e);
}

static bool apply_remove(struct merging *mg, struct charter *c, const char *id)
{
	struct edit e = { .kind = EDIT_REMOVE, .milestone_id = id };
	return apply_edit(mg, c, &e);
}

/* ---- regions of text --------------------------------------------------- */

/* The end of the line that holds the byte before `end` (past its break). */
static size_t line_end(const char *s, size_t len, size_t end)
{
	return end > 0 && merge_ends_line(s, len, end - 1) ? end : merge3_line_end(s, len, end);
}

/* The whole lines of a milestone's mapping. */
static void item_lines(const struct charter *c, const struct milestone *m, size_t *start, size_t *end)
{
	const struct doc_node *n = doc_node(&c->doc, m->node);
	*start = merge_line_start(c->text, n->start);
	*end = line_end(c->text, c->text_len, n->end);
}

/* The whole lines of a field (key and value); empty at the item's end
 * when the milestone has no such field. */
static void field_lines(const struct charter *c, const struct milestone *m, int f, size_t *start, size_t *end)
{
	uint32_t key, value = doc_map_get(&c->doc, m->node, field_name((enum field)f), &key);
	if (value == DOC_NONE) {
		item_lines(c, m, start, end);
		*start = *end;
		return;
	}
	*start = merge_line_start(c->text, doc_node(&c->doc, key)->start);
	*end = line_end(c->text, c->text_len, doc_node(&c->doc, value)->end);
}

static char *copy_region(const char *s, size_t start, size_t end)
{
	char *out = malloc(end - start + 1);
	if (out) {
		memcpy(out, s + start, end - start);
		out[end - start] = '\0';
	}
	return out;
}

/* ---- conflicts --------------------------------------------------------- */

static struct pending *add_pending(struct merging *mg, const char *id, int field, char *theirs)
{
	struct pending *v = realloc(mg->pend, (mg->npend + 1) * sizeof *v);
	char *id_copy = strdup(id);
	if (!v || !id_copy || !theirs) {
		if (v)
			mg->pend = v;
		free(id_copy);
		free(theirs);
		mg->failed = true;
		return NULL;
	}
	mg->pend = v;
	struct pending *p = &v[mg->npend++];
	*p = (struct pending){ .id = id_copy, .field = field, .theirs = theirs };
	return p;
}

/* 'VALUE', or "absent" */
static void quoted(const char *v, char *out, size_t size)
{
	if (v)
		snprintf(out, size, "'%s'", v);
	else
		snprintf(out, size, "absent");
}

static void field_conflict(struct merging *mg, const struct milestone *mt, int f, const char *vo, const char *vt)
{
	size_t s, e;
	field_lines(&mg->theirs, mt, f, &s, &e);
	struct pending *p = add_pending(mg, mt->id, f, copy_region(mg->theirs.text, s, e));
	char here[160], there[160];
	quoted(vo, here, sizeof here);
	quoted(vt, there, sizeof there);
	if (p)
		snprintf(p->message, sizeof p->message, "the %s of '%s' is %s here and %s on the other side",
		         field_name((enum field)f), mt->id, here, there);
}

enum milestone_clash { CHANGED_HERE_REMOVED_THERE, REMOVED_HERE_CHANGED_THERE, ADDED_TWICE };

/* A conflict over a whole milestone; `mt` is theirs' version or NULL. */
static void milestone_conflict(struct merging *mg, const char *id, const struct milestone *mt,
                               enum milestone_clash clash)
{
	size_t s = 0, e = 0;
	if (mt)
		item_lines(&mg->theirs, mt, &s, &e);
	struct pending *p = add_pending(mg, id, -1, copy_region(mg->theirs.text, s, e));
	if (!p)
		return;
	switch (clash) {
	case CHANGED_HERE_REMOVED_THERE:
		snprintf(p->message, sizeof p->message, "milestone '%s' was changed here and removed on the other side", id);
		break;
	case REMOVED_HERE_CHANGED_THERE:
		snprintf(p->message, sizeof p->message, "milestone '%s' was removed here and changed on the other side", id);
		break;
	case ADDED_TWICE:
		snprintf(p->message, sizeof p->message, "milestone '%s' was added on both sides with different content", id);
		break;
	}
}

/* ---- theirs' changes, one kind at a time ------------------------------- */

/* Theirs' field changes to a milestone that base has. The base-side copy
 * (bprime) always takes theirs' value, so the line merge sees it done. */
/* Replaces the value of field f in `c` with theirs' very bytes for it
 * (quoting and all), when both have the key and the result reads back as
 * exactly that change. */
static bool copy_theirs_bytes(struct merging *mg, struct charter *c, const struct charter *t,
                              const struct milestone *mt, int f, const char *vt)
{
	const struct milestone *m = find(mg, c, mt->id);
	const char *key = field_name((enum field)f);
	uint32_t cv = m ? doc_map_get(&c->doc, m->node, key, NULL) : DOC_NONE;
	uint32_t tv = doc_map_get(&t->doc, mt->node, key, NULL);
	if (cv == DOC_NONE || tv == DOC_NONE)
		return false;
	const struct doc_node *cn = doc_node(&c->doc, cv), *tn = doc_node(&t->doc, tv);
	struct buf text;
	buf_init(&text);
	buf_append(&text, c->text, cn->start);
	buf_append(&text, t->text + tn->start, tn->end - tn->start);
	buf_append(&text, c->text + cn->end, c->text_len - cn->end);
	struct charter next = { 0 };
	struct edit e = { .kind = EDIT_SET, .milestone_id = mt->id, .field = (enum field)f, .value = vt };
	char why[256];
	bool ok = !text.failed && load_copy(&next, c->path, text.data, text.len) &&
	          patch_verify(c, &next, &e, why, sizeof why);
	buf_fini(&text);
	if (ok) {
		charter_fini(c);
		*c = next;
		ids_changed(mg, c);
	} else {
		charter_fini(&next);
	}
	return ok;
}

/* Sets field f of theirs' milestone `mt` in `c` to theirs' value, written
 * as theirs writes it where that can be done safely, so the line reads as
 * theirs does and the line merge finds nothing left to do there. False
 * when the change cannot be made. */
static bool take_theirs(struct merging *mg, struct charter *c, const struct charter *t, const struct milestone *mt,
                        int f, const char *vt)
{
	if (copy_theirs_bytes(mg, c, t, mt, f, vt))
		return true;
	if (!apply_set(mg, c, mt->id, f, vt))
		return false;
	if (vt) /* a key the patcher just added: now in theirs' style too */
		(void)copy_theirs_bytes(mg, c, t, mt, f, vt);
	return true;
}

/* The fields in the order theirs' file has their keys (absent ones first):
 * keys the patcher adds go after the others, so applying them in this
 * order writes them as theirs has them, and the line merge sees no
 * difference left. */
static void theirs_order(const struct charter *t, const struct milestone *mt, int order[FIELD_COUNT])
{
	size_t at[FIELD_COUNT];
	for (int f = 0; f < FIELD_COUNT; f++) {
		uint32_t key, value = doc_map_get(&t->doc, mt->node, field_name((enum field)f), &key);
		at[f] = value == DOC_NONE ? 0 : doc_node(&t->doc, key)->start + 1u;
		order[f] = f;
	}
	for (int i = 1; i < FIELD_COUNT; i++) /* insertion sort of five */
		for (int j = i; j > 0 && at[order[j - 1]] > at[order[j]]; j--) {
			int x = order[j];
			order[j] = order[j - 1];
			order[j - 1] = x;
		}
}

static void merge_fields(struct merging *mg, const struct milestone *mb, const struct milestone *mt)
{
	bool removed_here = false;
	int order[FIELD_COUNT];
	theirs_order(&mg->theirs, mt, order);
	for (int i = 0; i < FIELD_COUNT; i++) {
		int f = order[i];
		char sb[DATE_TEXT_SIZE], st[DATE_TEXT_SIZE], so[DATE_TEXT_SIZE];
		const char *vb = value_of(mb, f, sb), *vt = value_of(mt, f, st);
		if (str_same(vb, vt))
			continue;
		const struct milestone *mo = find(mg, &mg->cur, mt->id);
		if (!mo) {
			if (!removed_here)
				milestone_conflict(mg, mt->id, mt, REMOVED_HERE_CHANGED_THERE);
			removed_here = true;
			take_theirs(mg, &mg->bprime, &mg->theirs, mt, f, vt);
			continue;
		}
		const char *vo = value_of(mo, f, so);
		if (str_same(vo, vt)) {
			take_theirs(mg, &mg->bprime, &mg->theirs, mt, f, vt); /* both made the same change */
		} else if (str_same(vo, vb)) {
			if (take_theirs(mg, &mg->cur, &mg->theirs, mt, f, vt)) /* else the line merge carries it */
				take_theirs(mg, &mg->bprime, &mg->theirs, mt, f, vt);
		} else {
			field_conflict(mg, mt, f, vo, vt);
			take_theirs(mg, &mg->bprime, &mg->theirs, mt, f, vt);
		}
	}
}

static void merge_removals(struct merging *mg)
{
	for (size_t i = 0; i < mg->base.milestone_count; i++) {
		const struct milestone *mb = &mg->base.milestones[i];
		if (find(mg, &mg->theirs, mb->id))
			continue;
		const struct milestone *mo = find(mg, &mg->cur, mb->id);
		if (!mo)
			continue; /* removed on both sides */
		if (changes_same_milestone(&mg->base, mb, &mg->cur, mo)) {
			if (apply_remove(mg, &mg->cur, mb->id))
				apply_remove(mg, &mg->bprime, mb->id);
		} else {
			milestone_conflict(mg, mb->id, NULL, CHANGED_HERE_REMOVED_THERE);
			apply_remove(mg, &mg->bprime, mb->id);
		}
	}
}

static bool insert_item(struct merging *mg, struct charter *c, const struct milestone *mt);
static bool move_item(struct merging *mg, struct charter *c, const struct milestone *mt, bool theirs_lines);

static const char *group_of(const struct charter *c, const struct milestone *m)
{
	return c->groups[m->group].id;
}

/* Milestones theirs moved to another working group (and ours did not):
 * ours' lines, with the fields already merged, go where theirs put them. */
static void merge_moves(struct merging *mg)
{
	for (size_t i = 0; i < mg->theirs.milestone_count; i++) {
		const struct milestone *mt = &mg->theirs.milestones[i];
		const struct milestone *mb = find(mg, &mg->base, mt->id), *mo = find(mg, &mg->cur, mt->id);
		if (!mb || !mo || !strcmp(group_of(&mg->base, mb), group_of(&mg->theirs, mt)) ||
		    strcmp(group_of(&mg->cur, mo), group_of(&mg->base, mb)))
			continue;
		if (move_item(mg, &mg->cur, mt, false)) /* else the line merge carries it */
			move_item(mg, &mg->bprime, mt, true);
	}
}

static void merge_additions(struct merging *mg)
{
	for (size_t i = 0; i < mg->theirs.milestone_count; i++) {
		const struct milestone *mt = &mg->theirs.milestones[i];
		if (find(mg, &mg->base, mt->id))
			continue;
		const struct milestone *mo = find(mg, &mg->cur, mt->id);
		if (!mo) {
			if (insert_item(mg, &mg->cur, mt)) /* else: a new group; lines */
				insert_item(mg, &mg->bprime, mt);
		} else if (changes_same_milestone(&mg->theirs, mt, &mg->cur, mo)) {
			insert_item(mg, &mg->bprime, mt); /* added alike on both sides */
		} else {
			milestone_conflict(mg, mt->id, mt, ADDED_TWICE);
			insert_item(mg, &mg->bprime, mt);
		}
	}
}

static void merge_by_field(struct merging *mg)
{
	merge_removals(mg);
	for (size_t i = 0; i < mg->theirs.milestone_count && !mg->failed; i++) {
		const struct milestone *mt = &mg->theirs.milestones[i];
		const struct milestone *mb = find(mg, &mg->base, mt->id);
		if (mb)
			merge_fields(mg, mb, mt);
	}
	merge_moves(mg);
	merge_additions(mg);
}

/* ---- a milestone of theirs, inserted whole ----------------------------- */

static const char *line_ending(const struct charter *c)
{
	for (size_t i = 0; i < c->text_len; i++)
		if (c->text[i] == '\n' || c->text[i] == '\r')
			return c->text[i] == '\n' ? "\n" : i + 1 < c->text_len && c->text[i + 1] == '\n' ? "\r\n" : "\r";
	return "\n";
}

/* The column of a block sequence item's dash, or -1 when the mapping is
 * not written as `- key: ...` on its own line (a flow list, say). */
static long dash_column(const struct charter *c, const struct milestone *m)
{
	size_t start = doc_node(&c->doc, m->node)->start, ls = merge_line_start(c->text, start);
	long dash = -1;
	for (size_t i = ls; i < start; i++) {
		if (c->text[i] == '-' && dash < 0)
			dash = (long)(i - ls);
		else if (c->text[i] != ' ')
			return -1;
	}
	return dash;
}

/* Theirs' lines for `m`, re-indented by `shift` columns and written with
 * `eol`; false when a line has too little indentation to shift left. */
static bool reindent(struct buf *out, const struct charter *from, const struct milestone *m, long shift,
                     const char *eol)
{
	size_t s, e;
	item_lines(from, m, &s, &e);
	while (s < e) {
		size_t next = merge3_line_end(from->text, e, s), content_end = next;
		while (content_end > s && (from->text[content_end - 1] == '\n' || from->text[content_end - 1] == '\r'))
			content_end--;
		size_t skip = 0;
		if (shift < 0) {
			while (skip < (size_t)-shift && s + skip < content_end && from->text[s + skip] == ' ')
				skip++;
			if (skip < (size_t)-shift && s + skip < content_end)
				return false;
		} else if (s < content_end) {
			buf_repeat(out, ' ', (size_t)shift);
		}
		buf_append(out, from->text + s + skip, content_end - s - skip);
		buf_puts(out, eol);
		s = next;
	}
	return !out->failed;
}

/* Where theirs' milestone goes in `c`: after the nearest milestone before
 * it in theirs' group that `c` has, past any of ours' additions there (so
 * both sides' additions are kept, ours first); else before the group's
 * first milestone. *ref is the milestone whose indentation it takes. */
static size_t insert_position(struct merging *mg, const struct charter *c, size_t g, const struct charter *from,
                              const struct milestone *m, const struct charter *base, const struct milestone **ref)
{
	const struct group *tg = &from->groups[m->group];
	const struct group *cg = &c->groups[g];
	for (size_t i = (size_t)(m - from->milestones); i-- > tg->first;) {
		const struct milestone *p = find(mg, c, from->milestones[i].id);
		if (!p || p->group != g)
			continue;
		size_t at = (size_t)(p - c->milestones);
		while (at + 1 < cg->first + cg->count && !find(mg, base, c->milestones[at + 1].id))
			at++;
		size_t s, e;
		*ref = &c->milestones[at];
		item_lines(c, *ref, &s, &e);
		return e;
	}
	size_t s, e;
	*ref = &c->milestones[cg->first];
	item_lines(c, *ref, &s, &e);
	return s;
}

/* The same milestone added with the patcher's own add, field by field: for
 * lists written in flow style, where whole lines cannot be moved. */
static bool add_by_fields(struct merging *mg, struct charter *c, const char *group_id, const struct milestone *m)
{
	struct edit add = { .kind = EDIT_ADD, .milestone_id = m->id, .group_id = group_id, .value = m->title };
	if (!apply_edit(mg, c, &add))
		return false;
	for (int f = 0; f < FIELD_COUNT; f++) {
		char scratch[DATE_TEXT_SIZE];
		const char *v = value_of(m, f, scratch);
		if (f != FIELD_TITLE && v && !(f == FIELD_STATUS && m->status == STATUS_NOT_STARTED))
			apply_set(mg, c, m->id, f, v);
	}
	return true;
}

/* True when `after` is `before` plus exactly milestone `m`, in group g. */
static bool inserted_exactly(struct merging *mg, const struct charter *before, const struct charter *after,
                             const struct milestone *m, long g)
{
	const char **ids = NULL;
	size_t n = changes_between(before, after, &ids);
	bool ok = n == 1 && strcmp(ids[0], m->id) == 0 && after->milestone_count == before->milestone_count + 1;
	free(ids);
	const struct milestone *got = ok ? find(mg, after, m->id) : NULL;
	return got && changes_same_fields(m, got) && strcmp(after->groups[got->group].id, before->groups[g].id) == 0;
}

/* Inserts milestone `ms` of `src` into `c` with its own lines (comments,
 * unknown keys and quoting kept), where theirs has milestone `mt`: in its
 * group, after the same neighbour. False when `c` has no such group (a
 * group theirs added: the line merge brings it whole). */
static bool insert_from(struct merging *mg, struct charter *c, const struct milestone *mt,
                        const struct charter *src, const struct milestone *ms)
{
	const char *group_id = mg->theirs.groups[mt->group].id;
	long g = charter_find_group(c, group_id);
	if (g < 0)
		return false;
	const struct milestone *ref = NULL;
	long sdash = dash_column(src, ms);
	if (c->groups[g].count == 0 || sdash < 0)
		return add_by_fields(mg, c, group_id, ms);
	size_t pos = insert_position(mg, c, (size_t)g, &mg->theirs, mt, &mg->base, &ref);
	long cdash = dash_column(c, ref);
	if (cdash < 0)
		return add_by_fields(mg, c, group_id, ms);
	struct buf text;
	buf_init(&text);
	buf_append(&text, c->text, pos);
	if (pos > 0 && !merge_ends_line(c->text, c->text_len, pos - 1))
		buf_puts(&text, line_ending(c));
	bool ok = reindent(&text, src, ms, cdash - sdash, line_ending(c));
	buf_append(&text, c->text + pos, c->text_len - pos);
	size_t len = text.len;
	char *joined = ok ? buf_take(&text, &len) : NULL;
	buf_fini(&text);
	struct charter next = { 0 };
	ok = joined && load_copy(&next, c->path, joined, len) && inserted_exactly(mg, c, &next, ms, g);
	free(joined);
	if (!ok) {
		charter_fini(&next);
		return add_by_fields(mg, c, group_id, ms);
	}
	charter_fini(c);
	*c = next;
	ids_changed(mg, c);
	return true;
}

static bool insert_item(struct merging *mg, struct charter *c, const struct milestone *mt)
{
	return insert_from(mg, c, mt, &mg->theirs, mt);
}

/* Moves milestone `mt`'s lines in `c` to where theirs has it; `src` gives
 * the lines (NULL: c's own). `c` is unchanged when that fails. */
static bool move_item(struct merging *mg, struct charter *c, const struct milestone *mt, bool theirs_lines)
{
	struct charter before = { 0 };
	if (!load_copy(&before, c->path, c->text, c->text_len) || !apply_remove(mg, c, mt->id)) {
		charter_fini(&before);
		return false;
	}
	const struct charter *src = theirs_lines ? &mg->theirs : &before;
	const struct milestone *ms = theirs_lines ? mt : find(mg, &before, mt->id);
	bool ok = ms && insert_from(mg, c, mt, src, ms);
	if (!ok) {
		charter_fini(c);
		*c = before;
		ids_changed(mg, c);
	} else {
		charter_fini(&before);
	}
	return ok;
}

/* ---- markers ----------------------------------------------------------- */

/* Ours' region for a conflict in the field-merged text. */
static void pending_region(struct merging *mg, struct pending *p)
{
	const struct charter *c = &mg->cur;
	const struct milestone *mo = find(mg, c, p->id);
	if (mo && p->field >= 0) {
		field_lines(c, mo, p->field, &p->start, &p->end);
	} else if (mo) {
		item_lines(c, mo, &p->start, &p->end);
	} else { /* removed here: theirs' version goes after the group's last milestone */
		const struct milestone *mt = find(mg, &mg->theirs, p->id);
		long g = mt ? charter_find_group(c, mg->theirs.groups[mt->group].id) : -1;
		p->start = p->end = c->text_len;
		if (g >= 0 && c->groups[g].count > 0) {
			size_t s;
			item_lines(c, &c->milestones[c->groups[g].first + c->groups[g].count - 1], &s, &p->end);
			p->start = p->end;
		}
	}
}

static int by_start(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

/* The field-merged text with every conflict's markers; line[i] receives
 * the 0-based line of conflict i's first marker. */
static void put_conflicts(struct merging *mg, int size, struct buf *out, size_t *line)
{
	const struct charter *c = &mg->cur;
	const char *eol = line_ending(c);
	for (size_t i = 0; i < mg->npend; i++)
		pending_region(mg, &mg->pend[i]);
	if (mg->npend > 1)
		qsort(mg->pend, mg->npend, sizeof *mg->pend, by_start);
	size_t at = 0;
	for (size_t i = 0; i < mg->npend; i++) {
		struct pending *p = &mg->pend[i];
		size_t start = p->start > at ? p->start : at, end = p->end > start ? p->end : start;
		buf_append(out, c->text + at, start - at);
		merge_put_marker(out, '<', size, "ours", eol);
		line[i] = merge_count_lines(out->data, out->len) - 1;
		buf_append(out, c->text + start, end - start);
		merge_put_marker(out, '=', size, NULL, eol);
		buf_puts(out, p->theirs);
		merge_put_marker(out, '>', size, "theirs", eol);
		at = end;
	}
	buf_append(out, c->text + at, c->text_len - at);
}

/* ---- the result -------------------------------------------------------- */

/* A conflict the field merge found, at `line`. */
static bool add_pending_conflict(struct merge_result *r, size_t line, const struct pending *pend)
{
	struct merge_conflict *p = merge_add_conflict(r, line);
	if (p)
		memcpy(p->message, pend->message, sizeof p->message);
	return p != NULL;
}

static int by_line(const void *a, const void *b)
{
	const struct merge_conflict *x = a, *y = b;
	return (x->line > y->line) - (x->line < y->line);
}

/* The line merge of `base`, `ours`, `theirs` into out; ours' lines listed
 * in `marks` (0-based, with their messages in pend) are mapped through it. */
static bool merge_lines(const char *base, size_t blen, const char *ours, size_t olen, const char *theirs,
                        size_t tlen, int size, const struct pending *pend, const size_t *marks, size_t nmarks,
                        struct merge_result *out)
{
	struct merge3_result m3;
	if (!merge3(base, blen, ours, olen, theirs, tlen, size, &m3))
		return false;
	bool ok = true;
	for (size_t i = 0; i < nmarks && ok; i++) {
		size_t to = marks[i] < m3.ours_lines ? m3.ours_line_map[marks[i]] : (size_t)-1;
		if (to != (size_t)-1)
			ok = add_pending_conflict(out, to + 1, &pend[i]);
	}
	for (size_t i = 0; i < m3.conflict_count && ok; i++) {
		struct merge_conflict *p = merge_add_conflict(out, m3.conflicts[i].line);
		if (p)
			snprintf(p->message, sizeof p->message, "both sides changed these lines: keep one side");
		ok = p != NULL;
	}
	size_t len = m3.text.len;
	out->text = ok ? buf_take(&m3.text, &len) : NULL;
	out->len = len;
	merge3_fini(&m3);
	return ok && out->text;
}

/* What a milestone field should be after a clean merge: theirs' value
 * where theirs changed it, else ours'. */
static bool expected_present(struct merging *mg, const char *id)
{
	bool pb = find(mg, &mg->base, id), po = find(mg, &mg->ours, id), pt = find(mg, &mg->theirs, id);
	return po == pb ? pt : po;
}

/* A clean merge must read back as both sides' changes, field by field. */
static bool verify(struct merging *mg, const struct charter *merged, char *why, size_t why_size)
{
	const struct charter *all[] = { &mg->base, &mg->ours, &mg->theirs };
	for (size_t k = 0; k < 3; k++)
		for (size_t i = 0; i < all[k]->milestone_count; i++) {
			const char *id = all[k]->milestones[i].id;
			const struct milestone *got = find(mg, merged, id);
			if (!got != !expected_present(mg, id)) {
				snprintf(why, why_size, "milestone '%s' would be %s", id, got ? "kept" : "lost");
				return false;
			}
			const struct milestone *mb = find(mg, &mg->base, id), *mo = find(mg, &mg->ours, id),
					       *mt = find(mg, &mg->theirs, id);
			const char *gb = mb ? group_of(&mg->base, mb) : NULL, *gt = mt ? group_of(&mg->theirs, mt) : NULL;
			const char *want_group = str_same(gb, gt) ? (mo ? group_of(&mg->ours, mo) : NULL) : gt;
			if (got && want_group && !str_same(group_of(merged, got), want_group)) {
				snprintf(why, why_size, "milestone '%s' would be in the wrong working group", id);
				return false;
			}
			for (int f = 0; got && f < FIELD_COUNT; f++) {
				char sb[DATE_TEXT_SIZE], so[DATE_TEXT_SIZE], st[DATE_TEXT_SIZE], sg[DATE_TEXT_SIZE];
				const char *vb = value_of(mb, f, sb), *vt = value_of(mt, f, st);
				const char *want = str_same(vb, vt) ? value_of(mo, f, so) : vt;
				if (!str_same(value_of(got, f, sg), want)) {
					snprintf(why, why_size, "the %s of '%s' would not read back as merged",
					         field_name((enum field)f), id);
					return false;
				}
			}
		}
	return true;
}

static bool finish_by_field(struct merging *mg, int size, struct merge_result *out)
{
	struct buf fielded;
	buf_init(&fielded);
	size_t *marks = calloc(mg->npend + 1, sizeof *marks);
	if (marks)
		put_conflicts(mg, size, &fielded, marks);
	bool ok = marks && !fielded.failed;
	const struct charter *b = &mg->bprime, *t = &mg->theirs;
	if (ok && b->text_len == t->text_len && memcmp(b->text, t->text, t->text_len) == 0) {
		for (size_t i = 0; i < mg->npend && ok; i++) /* theirs has nothing else */
			ok = add_pending_conflict(out, marks[i] + 1, &mg->pend[i]);
		out->len = fielded.len;
		out->text = ok ? buf_take(&fielded, &out->len) : NULL;
		ok = ok && out->text;
	} else if (ok) {
		ok = merge_lines(b->text, b->text_len, fielded.data, fielded.len, t->text, t->text_len, size, mg->pend,
		                 marks, mg->npend, out);
	}
	free(marks);
	buf_fini(&fielded);
	if (!ok)
		snprintf(out->why, sizeof out->why, "out of memory");
	return ok;
}

static void merging_fini(struct merging *mg)
{
	struct charter *all[] = { &mg->base, &mg->ours, &mg->theirs, &mg->cur, &mg->bprime };
	for (size_t i = 0; i < 5; i++) {
		ids_changed(mg, all[i]);
		charter_fini(all[i]);
	}
	for (size_t i = 0; i < mg->npend; i++) {
		free(mg->pend[i].id);
		free(mg->pend[i].theirs);
	}
	free(mg->pend);
}

/* True when milestone m of c has a key named like node k of `from`. */
static bool has_key(const struct charter *c, const struct milestone *m, const struct charter *from, uint32_t k)
{
	const char *key = doc_scalar(&from->doc, k);
	return m && key && doc_map_get(&c->doc, m->node, key, NULL) != DOC_NONE;
}

/* Every key of a merged milestone is one ours' or theirs' milestone of that
 * id has: the line merge must not hand a key (a comment-free line under a
 * removed milestone, say) to its neighbour. */
static bool keys_stay(struct merging *mg, const struct charter *merged, char *why, size_t why_size)
{
	for (size_t i = 0; i < merged->milestone_count; i++) {
		const struct milestone *m = &merged->milestones[i];
		const struct milestone *mo = find(mg, &mg->ours, m->id), *mt = find(mg, &mg->theirs, m->id);
		const struct doc_node *map = doc_node(&merged->doc, m->node);
		for (uint32_t k = map->kind == DOC_MAPPING ? map->first : DOC_NONE; k != DOC_NONE;) {
			if (!has_key(&mg->ours, mo, merged, k) && !has_key(&mg->theirs, mt, merged, k)) {
				snprintf(why, why_size, "the key '%.100s' of '%.100s' would come from another milestone",
				         doc_scalar(&merged->doc, k) ? doc_scalar(&merged->doc, k) : "?", m->id);
				return false;
			}
			uint32_t v = doc_node(&merged->doc, k)->next;
			k = v == DOC_NONE ? DOC_NONE : doc_node(&merged->doc, v)->next;
		}
	}
	return true;
}

/* Checks a clean field-level merge the way a save is checked. */
static bool check_clean(struct merging *mg, struct merge_result *out)
{
	if (out->conflict_count > 0)
		return true;
	struct charter merged = { 0 };
	bool ok = load_copy(&merged, mg->path, out->text, out->len);
	if (!ok)
		snprintf(out->why, sizeof out->why, "the merged file would not load");
	else {
		milestone_index_watch(&mg->ids[MERGE_INDEXED - 1], &merged);
		ok = verify(mg, &merged, out->why, sizeof out->why) && keys_stay(mg, &merged, out->why, sizeof out->why);
		milestone_index_watch(&mg->ids[MERGE_INDEXED - 1], NULL);
	}
	charter_fini(&merged);
	return ok;
}

bool merge_texts(const char *path, const char *base, size_t base_len, const char *ours, size_t ours_len,
                 const char *theirs, size_t theirs_len, int marker_size, struct merge_result *out)
{
	memset(out, 0, sizeof *out);
	int size = marker_size > 0 ? marker_size : 7;
	struct merging mg = { .path = path };
	bool loaded = load_copy(&mg.base, path, base, base_len) && load_copy(&mg.ours, path, ours, ours_len) &&
	              load_copy(&mg.theirs, path, theirs, theirs_len) && load_copy(&mg.cur, path, ours, ours_len) &&
	              load_copy(&mg.bprime, path, base, base_len);
	const struct charter *indexed[] = { &mg.base, &mg.ours, &mg.theirs, &mg.cur, &mg.bprime };
	for (size_t i = 0; i < 5; i++)
		milestone_index_watch(&mg.ids[i], indexed[i]);
	bool ok;
	if (!loaded) { /* not a charter on some side: lines only */
		ok = merge_lines(base, base_len, ours, ours_len, theirs, theirs_len, size, NULL, NULL, 0, out);
		if (!ok)
			snprintf(out->why, sizeof out->why, "out of memory");
	} else {
		out->by_field = true;
		merge_by_field(&mg);
		ok = !mg.failed && finish_by_field(&mg, size, out);
		if (ok && (!check_clean(&mg, out) || (out->conflict_count > 0 && !merge_has_markers(out->text, out->len, size)))) {
			char why[sizeof out->why];
			snprintf(why, sizeof why, "%s", *out->why ? out->why : "its conflicts would leave no markers");
			merge_fini(out);
			ok = merge_mark_differing(mg.ours.text, mg.ours.text_len, mg.theirs.text, mg.theirs.text_len,
			                          line_ending(&mg.ours), size, why, out);
		}
		if (mg.failed)
			snprintf(out->why, sizeof out->why, "out of memory");
	}
	merging_fini(&mg);
	if (!ok)
		merge_fini(out);
	else if (out->conflict_count > 1)
		qsort(out->conflicts, out->conflict_count, sizeof *out->conflicts, by_line);
	return ok;
}

void merge_fini(struct merge_result *r)
{
	free(r->text);
	free(r->conflicts);
	r->text = NULL;
	r->conflicts = NULL;
	r->conflict_count = 0;
}
