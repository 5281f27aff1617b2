/* libFuzzer target: the field-level merge. A base charter and two random
 * edit scripts, one per side, that touch different fields (sets, removals
 * of milestones the other side leaves alone, additions with ids of their
 * own, moves to another working group of milestones the other side does not
 * remove or move): the merge must succeed without a conflict and read back
 * as both scripts applied.
 *
 * Input layout: byte 0 = number of ours' edits (low nibble) and theirs'
 * (high nibble); then 3 bytes per edit (milestone, kind and field, value);
 * then the YAML text of the base. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/store/merge.h"
#include "charterdash/store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_EDITS 8

struct script {
	struct edit e[MAX_EDITS]; /* a move is kept as its EDIT_ADD */
	char values[MAX_EDITS][24];
	char ids[MAX_EDITS][24];
	size_t n;
};

/* True when the other side's script touches milestone `id` (field f, or
 * any field when f < 0, or removes it). A move counts only for f < 0: the
 * other side may change the fields of a milestone this side moves. */
static bool touched(const struct script *s, const char *id, int f)
{
	for (size_t j = 0; s && j < s->n; j++)
		if (!strcmp(s->e[j].milestone_id, id) &&
		    (f < 0 || s->e[j].kind == EDIT_REMOVE || (s->e[j].kind == EDIT_SET && (int)s->e[j].field == f)))
			return true;
	return false;
}

/* True when a script removes or moves milestone `id`. */
static bool removed_or_moved(const struct script *s, const char *id)
{
	for (size_t j = 0; s && j < s->n; j++)
		if (!strcmp(s->e[j].milestone_id, id) && s->e[j].kind != EDIT_SET)
			return true;
	return false;
}

static bool plan(struct charter *cur, const struct edit *e)
{
	struct store_result r;
	store_result_init(&r);
	bool changed = store_plan(cur, e, &r) == STORE_OK && r.changed;
	if (changed) {
		charter_fini(cur);
		*cur = r.after;
		r.have_after = false;
	}
	store_result_fini(&r);
	return changed;
}

/* Moves base's milestone m to group g of `cur`: removed, added there with
 * its id and title, its other fields set as they were. */
static bool move(struct charter *cur, const struct charter *base, const struct milestone *m, size_t g)
{
	struct edit rm = { .kind = EDIT_REMOVE, .milestone_id = m->id };
	struct edit add = { .kind = EDIT_ADD, .milestone_id = m->id, .group_id = base->groups[g].id, .value = m->title };
	if (!plan(cur, &rm) || !plan(cur, &add))
		return false;
	for (int f = 0; f < FIELD_COUNT; f++) {
		char scratch[DATE_TEXT_SIZE];
		struct edit set = { .kind = EDIT_SET, .milestone_id = m->id, .field = (enum field)f,
			            .value = milestone_field(m, (enum field)f, scratch) };
		if (f != FIELD_TITLE && set.value)
			plan(cur, &set);
	}
	return true;
}

static const char *pick_value(enum field f, uint8_t v, const char *side, char out[24])
{
	static const char *const texts[] = { "x", "a: b", "'quoted'", "# not a comment", "两个", "- item", "" };
	switch (f) {
	case FIELD_STATUS: return status_key((enum status)(v % STATUS_COUNT));
	case FIELD_DUE: snprintf(out, 24, "2027-%02d-%02d", v % 12 + 1, v % 28 + 1); return out;
	case FIELD_TITLE: snprintf(out, 24, "%s %s%u", texts[v % 6], side, v); return out;
	default: snprintf(out, 24, "%s%s", side, texts[v % 7]); return *texts[v % 7] ? out : "";
	}
}

/* Applies a script to a copy of `base`'s text; the result in *text. */
static bool run_script(const struct charter *base, const uint8_t *p, size_t count, const char *side,
                       const struct script *avoid, struct script *s, char **text, size_t *len)
{
	struct charter cur = { 0 };
	char *copy = malloc(base->text_len + 1);
	struct diag_list diags;
	diag_init(&diags, 4);
	if (!copy)
		return false;
	memcpy(copy, base->text, base->text_len + 1);
	bool ok = charter_load_text(&cur, "fuzz.yaml", copy, base->text_len, &diags);
	for (size_t i = 0; ok && i < count; i++, p += 3) {
		const struct milestone *m = &base->milestones[p[0] % base->milestone_count];
		struct edit e = { .kind = EDIT_SET, .milestone_id = m->id, .field = (enum field)(p[1] % FIELD_COUNT) };
		if (p[1] >= 0xD0 && p[1] < 0xE0) { /* move one the other side does not remove or move */
			size_t g = p[2] % base->group_count;
			if (g == m->group || removed_or_moved(avoid, m->id) || removed_or_moved(s, m->id) ||
			    touched(s, m->id, -1) || !move(&cur, base, m, g))
				continue;
			s->e[s->n++] = (struct edit){ .kind = EDIT_ADD, .milestone_id = m->id, .group_id = base->groups[g].id };
			continue;
		}
		if (p[1] >= 0xF0) { /* remove a milestone the other side leaves alone */
			e.kind = EDIT_REMOVE;
			if (touched(avoid, m->id, -1))
				continue;
		} else if (p[1] >= 0xE0) { /* add one, with an id of this side's own */
			e.kind = EDIT_ADD;
			e.group_id = base->groups[m->group].id;
			snprintf(s->ids[s->n], sizeof s->ids[s->n], "%s-new-%zu", side, i);
			e.milestone_id = s->ids[s->n];
			e.value = pick_value(FIELD_TITLE, p[2], side, s->values[s->n]);
		} else if (touched(avoid, m->id, (int)e.field) || touched(s, m->id, (int)e.field)) {
			/* "different fields": leave the other side's alone; and each field
			 * once, since clearing one and setting it again moves its key to
			 * the end, a reordering the line merge rightly calls a conflict
			 * when the other side changed the lines around */
			continue;
		} else {
			e.value = pick_value(e.field, p[2], side, s->values[s->n]);
		}
		struct store_result r;
		store_result_init(&r);
		if (store_plan(&cur, &e, &r) == STORE_OK && r.changed) {
			charter_fini(&cur);
			cur = r.after;
			r.have_after = false;
			s->e[s->n++] = e;
		}
		store_result_fini(&r);
	}
	*len = cur.text_len;
	*text = ok ? malloc(cur.text_len + 1) : NULL;
	if (*text)
		memcpy(*text, cur.text, cur.text_len + 1);
	charter_fini(&cur);
	diag_fini(&diags);
	return *text != NULL;
}

/* The merged file must hold, for every field, theirs' value where theirs
 * changed it and ours' elsewhere. */
static void check_merged(const char *text, size_t len, const char *ours, size_t olen, const char *theirs,
                         size_t tlen, const struct charter *base)
{
	struct charter m = { 0 }, o = { 0 }, t = { 0 };
	struct diag_list diags;
	diag_init(&diags, 4);
	char *a = strndup(text, len), *b = strndup(ours, olen), *c = strndup(theirs, tlen);
	bool loaded = charter_load_text(&m, "m", a, len, &diags);
	loaded = charter_load_text(&o, "o", b, olen, &diags) && loaded;
	loaded = charter_load_text(&t, "t", c, tlen, &diags) && loaded;
	if (!loaded)
		abort();
	for (size_t i = 0; i < base->milestone_count; i++) {
		const struct milestone *mb = &base->milestones[i];
		long im = charter_find_milestone(&m, mb->id), io = charter_find_milestone(&o, mb->id),
		     it = charter_find_milestone(&t, mb->id);
		if ((im >= 0) != (io >= 0 && it >= 0))
			abort(); /* kept unless a side removed it */
		if (im < 0)
			continue;
		const char *gb = base->groups[mb->group].id, *gt = t.groups[t.milestones[it].group].id;
		const char *want_group = strcmp(gb, gt) ? gt : o.groups[o.milestones[io].group].id;
		if (strcmp(m.groups[m.milestones[im].group].id, want_group))
			abort(); /* in the group the side that moved it chose */
		for (int f = 0; f < FIELD_COUNT; f++) {
			char s1[DATE_TEXT_SIZE], s2[DATE_TEXT_SIZE], s3[DATE_TEXT_SIZE], s4[DATE_TEXT_SIZE];
			const char *vb = milestone_field(mb, (enum field)f, s1);
			const char *vt = milestone_field(&t.milestones[it], (enum field)f, s2);
			const char *vo = milestone_field(&o.milestones[io], (enum field)f, s3);
			const char *vm = milestone_field(&m.milestones[im], (enum field)f, s4);
			bool theirs_changed = !vb != !vt || (vb && strcmp(vb, vt));
			const char *want = theirs_changed ? vt : vo;
			if (!want != !vm || (vm && strcmp(want, vm)))
				abort();
		}
	}
	const struct charter *sides[] = { &o, &t };
	for (size_t k = 0; k < 2; k++) /* every addition, in its group, with its title */
		for (size_t i = 0; i < sides[k]->milestone_count; i++) {
			const struct milestone *added = &sides[k]->milestones[i];
			if (charter_find_milestone(base, added->id) >= 0)
				continue;
			long im = charter_find_milestone(&m, added->id);
			if (im < 0 || strcmp(m.milestones[im].title, added->title) ||
			    strcmp(m.groups[m.milestones[im].group].id, sides[k]->groups[added->group].id))
				abort();
		}
	charter_fini(&m), charter_fini(&o), charter_fini(&t);
	diag_fini(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n_ours = size ? data[0] % 16 % (MAX_EDITS + 1) : 0, n_theirs = size ? data[0] / 16 % (MAX_EDITS + 1) : 0;
	size_t head = 1 + 3 * (n_ours + n_theirs);
	if (size < head)
		return 0;
	char *text = strndup((const char *)data + head, size - head);
	struct charter base = { 0 };
	struct diag_list diags;
	diag_init(&diags, 4);
	static struct script so, st;
	so.n = st.n = 0;
	char *ours = NULL, *theirs = NULL;
	size_t olen = 0, tlen = 0;
	if (text && charter_load_text(&base, "fuzz.yaml", text, strlen(text), &diags) && base.milestone_count > 0 &&
	    run_script(&base, data + 1, n_ours, "o", NULL, &so, &ours, &olen) &&
	    run_script(&base, data + 1 + 3 * n_ours, n_theirs, "t", &so, &st, &theirs, &tlen)) {
		struct merge_result r;
		/* only running out of memory may fail; different fields never conflict */
		bool ok = merge_texts("fuzz.yaml", base.text, base.text_len, ours, olen, theirs, tlen, 0, &r);
		if (!ok || r.conflict_count != 0) {
			fprintf(stderr, "merge: %s %s\n--- base\n%s\n--- ours\n%s\n--- theirs\n%s\n", ok ? "conflict" : r.why,
			        ok ? r.conflicts[0].message : "", base.text, ours, theirs);
			abort();
		}
		check_merged(r.text, r.len, ours, olen, theirs, tlen, &base);
		merge_fini(&r);
	} else if (!text) {
		return 0;
	}
	free(ours);
	free(theirs);
	charter_fini(&base);
	diag_fini(&diags);
	return 0;
}
