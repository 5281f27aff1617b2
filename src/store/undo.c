/* undo — reversible history of this user's own edits. */
#include "charterdash/store/undo.h"
#include "charterdash/core/buf.h"
#include "charterdash/core/strutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void undo_init(struct undo *u)
{
	memset(u, 0, sizeof *u);
}

static void step_fini(struct undo_step *s)
{
	free(s->id);
	free(s->group);
	free(s->old_value);
	free(s->new_value);
	free(s->completed_old);
	free(s->completed_new);
	for (int f = 0; f < FIELD_COUNT; f++)
		free(s->fields[f]);
	free(s->bytes);
	free(s->replacement);
	free(s->before);
	free(s->after);
	memset(s, 0, sizeof *s);
}

void undo_fini(struct undo *u)
{
	for (size_t i = 0; i < u->count; i++)
		step_fini(&u->steps[i]);
	free(u->steps);
	undo_init(u);
}

/* A new step at `done`, after dropping the redo tail. */
static struct undo_step *new_step(struct undo *u)
{
	while (u->count > u->done)
		step_fini(&u->steps[--u->count]);
	struct undo_step *steps = buf_grow_array(u->steps, &u->cap, u->count, sizeof *steps, 16);
	if (!steps)
		return NULL;
	u->steps = steps;
	struct undo_step *s = &u->steps[u->count];
	memset(s, 0, sizeof *s);
	return s;
}

static bool commit_step(struct undo *u, struct undo_step *s, bool ok)
{
	if (!ok) {
		step_fini(s);
		return false;
	}
	u->count++;
	u->done = u->count;
	return true;
}

bool undo_record_set(struct undo *u, const char *id, enum field f, const char *old_value, const char *new_value)
{
	struct undo_step *s = new_step(u);
	if (!s)
		return false;
	bool ok = true;
	s->kind = EDIT_SET;
	s->field = f;
	s->id = str_dup_opt(id, &ok);
	s->old_value = str_dup_opt(old_value, &ok);
	s->new_value = str_dup_opt(new_value, &ok);
	return commit_step(u, s, ok);
}

bool undo_record_completion(struct undo *u, const char *old_value, const char *new_value)
{
	if (u->done == 0 || u->steps[u->done - 1].kind != EDIT_SET)
		return false;
	struct undo_step *s = &u->steps[u->done - 1];
	bool ok = true;
	s->completed_old = str_dup_opt(old_value, &ok);
	s->completed_new = str_dup_opt(new_value, &ok);
	s->completed_changed = ok;
	return ok;
}

bool undo_record_milestone(struct undo *u, enum edit_kind kind, const char *id, const char *group,
                           const char *const fields[FIELD_COUNT])
{
	struct undo_step *s = new_step(u);
	if (!s)
		return false;
	bool ok = true;
	s->kind = kind;
	s->id = str_dup_opt(id, &ok);
	s->group = str_dup_opt(group, &ok);
	for (int f = 0; f < FIELD_COUNT; f++)
		s->fields[f] = str_dup_opt(fields[f], &ok);
	return commit_step(u, s, ok);
}

static char *copy_bytes(const char *bytes, size_t len, size_t *out_len, bool *ok)
{
	char *d = malloc(len + 1);
	if (!d) {
		*ok = false;
		return NULL;
	}
	memcpy(d, bytes, len);
	d[len] = '\0';
	*out_len = len;
	return d;
}

/* How far `lines` lines (or `cap` bytes) reach back from `at`, or forward. */
static size_t lines_back(const char *text, size_t at, int lines, size_t cap)
{
	size_t b = at;
	for (int seen = 0; b > 0 && at - b < cap; b--)
		if (text[b - 1] == '\n' && ++seen > lines)
			break;
	return b;
}

static size_t lines_forward(const char *text, size_t len, size_t at, int lines, size_t cap)
{
	size_t e = at;
	for (int seen = 0; e < len && e - at < cap && seen < lines; e++)
		seen += text[e] == '\n';
	return e;
}

#define CONTEXT_LINES 2
#define CONTEXT_CAP 400

bool undo_attach_removed(struct undo *u, const char *old_text, size_t old_len, const struct text_edit *removal)
{
	if (!u->count || removal->start > removal->end || removal->end > old_len)
		return false;
	struct undo_step *s = &u->steps[u->count - 1];
	size_t b = lines_back(old_text, removal->start, CONTEXT_LINES, CONTEXT_CAP);
	size_t e = lines_forward(old_text, old_len, removal->end, CONTEXT_LINES, CONTEXT_CAP);
	bool ok = true;
	s->bytes = copy_bytes(old_text + removal->start, removal->end - removal->start, &s->bytes_len, &ok);
	s->replacement = copy_bytes(removal->text ? removal->text : "", removal->len, &s->replacement_len, &ok);
	s->before = copy_bytes(old_text + b, removal->start - b, &s->before_len, &ok);
	s->after = copy_bytes(old_text + removal->end, e - removal->end, &s->after_len, &ok);
	if (!ok) { /* all or nothing: the fields alone still undo it */
		free(s->bytes);
		free(s->replacement);
		free(s->before);
		free(s->after);
		s->bytes = s->replacement = s->before = s->after = NULL;
	}
	return ok;
}

bool undo_attach_created(struct undo *u, const char *bytes, size_t len)
{
	if (!u->count)
		return false;
	bool ok = true;
	struct undo_step *s = &u->steps[u->count - 1];
	s->bytes = copy_bytes(bytes, len, &s->bytes_len, &ok);
	return ok;
}

void undo_answer_anyway(struct undo *u)
{
	if (u->done > 0)
		u->steps[u->done - 1].anyway = true;
}

/* The one place `needle` occurs in `text`; (size_t)-1 when none or several. */
static size_t find_once(const char *text, size_t len, const char *needle, size_t n)
{
	size_t found = (size_t)-1;
	for (size_t i = 0; n <= len && i <= len - n; i++) {
		if (text[i] != needle[0] || memcmp(text + i, needle, n) != 0)
			continue;
		if (found != (size_t)-1)
			return (size_t)-1;
		found = i;
	}
	return found;
}

bool undo_restore_plan(const struct text_restore *r, const char *text, size_t len, struct text_edit *out, char *why,
                       size_t why_size)
{
	size_t n = r->before_len + r->replacement_len + r->after_len;
	char *needle = malloc(n + 1);
	if (!needle) {
		snprintf(why, why_size, "out of memory");
		return false;
	}
	memcpy(needle, r->before, r->before_len);
	memcpy(needle + r->before_len, r->replacement, r->replacement_len);
	memcpy(needle + r->before_len + r->replacement_len, r->after, r->after_len);
	size_t at = n ? find_once(text, len, needle, n) : (size_t)-1;
	free(needle);
	if (at == (size_t)-1) {
		snprintf(why, why_size, "the lines around '%s' changed since it was deleted", r->id);
		return false;
	}
	memset(out, 0, sizeof *out);
	out->start = at + r->before_len;
	out->end = out->start + r->replacement_len;
	out->text = malloc(r->bytes_len + 1);
	if (!out->text) {
		snprintf(why, why_size, "out of memory");
		return false;
	}
	memcpy(out->text, r->bytes, r->bytes_len);
	out->text[r->bytes_len] = '\0';
	out->len = r->bytes_len;
	return true;
}

/* Whether milestone `m` of `c` holds exactly `fields` (and is in `group`). */
static bool holds_fields(const struct charter *c, const struct milestone *m, const char *group,
                         const char *const fields[FIELD_COUNT])
{
	if (group && strcmp(c->groups[m->group].id, group) != 0)
		return false;
	char scratch[DATE_TEXT_SIZE];
	for (int f = 0; f < FIELD_COUNT; f++)
		if (!str_same(milestone_field(m, (enum field)f, scratch), fields[f]))
			return false;
	return true;
}

bool undo_restore_verify(const struct charter *before, const struct charter *after, const struct text_restore *r,
                         char *why, size_t why_size)
{
	long back = charter_find_milestone(after, r->id);
	bool ok = back >= 0 && after->milestone_count == before->milestone_count + 1 &&
	          after->group_count == before->group_count &&
	          holds_fields(after, &after->milestones[back], r->group, r->fields);
	for (size_t i = 0, j = 0; ok && i < after->milestone_count; i++) {
		if ((long)i == back)
			continue;
		const struct milestone *m = &before->milestones[j++];
		const char *fields[FIELD_COUNT];
		char scratch[FIELD_COUNT][DATE_TEXT_SIZE];
		for (int f = 0; f < FIELD_COUNT; f++)
			fields[f] = milestone_field(m, (enum field)f, scratch[f]);
		ok = strcmp(after->milestones[i].id, m->id) == 0 &&
		     holds_fields(after, &after->milestones[i], before->groups[m->group].id, fields);
	}
	if (!ok)
		snprintf(why, why_size, "putting '%s' back would not give the file it had before the delete", r->id);
	return ok;
}

bool undo_can_undo(const struct undo *u)
{
	return u->done > 0;
}

bool undo_can_redo(const struct undo *u)
{
	return u->done < u->count;
}

static void plan_set(struct undo_plan *plan, const char *id, enum field f, const char *seen, const char *value)
{
	plan->edits[plan->count++] = (struct edit){
		.kind = EDIT_SET, .milestone_id = id, .field = f, .check_seen = true, .seen = seen, .value = value,
	};
}

/* Re-creating a milestone: add it with its title, then every other field
 * it had (status included: a new milestone starts not_started). */
static void plan_recreate(struct undo_plan *plan, const struct undo_step *s)
{
	plan->edits[plan->count++] = (struct edit){
		.kind = EDIT_ADD, .milestone_id = s->id, .group_id = s->group, .value = s->fields[FIELD_TITLE],
	};
	/* a status change writes `completed` with it, exactly as it was */
	bool with_status = s->fields[FIELD_STATUS] && strcmp(s->fields[FIELD_STATUS], "not_started") != 0;
	for (int f = 0; f < FIELD_COUNT; f++) {
		if (f == FIELD_TITLE || !s->fields[f] || (f == FIELD_COMPLETED && with_status))
			continue;
		if (f == FIELD_STATUS && !with_status)
			continue;
		plan_set(plan, s->id, (enum field)f, f == FIELD_STATUS ? "not_started" : NULL, s->fields[f]);
		if (f == FIELD_STATUS) {
			plan->edits[plan->count - 1].completed_exact = true;
			plan->edits[plan->count - 1].done_on = s->fields[FIELD_COMPLETED];
		}
	}
}

/* Undoing a delete: the exact bytes go back, unless they are not known or
 * the user chose to re-create it from its fields. */
static void plan_restore(struct undo_plan *plan, const struct undo_step *s)
{
	if (!s->bytes || s->anyway) {
		plan_recreate(plan, s);
		return;
	}
	plan->edits[plan->count++] = (struct edit){
		.kind = EDIT_ADD, .milestone_id = s->id, .group_id = s->group, .value = s->fields[FIELD_TITLE],
	};
	plan->has_restore = true;
	plan->restore = (struct text_restore){
		.id = s->id, .group = s->group,
		.bytes = s->bytes, .bytes_len = s->bytes_len,
		.replacement = s->replacement, .replacement_len = s->replacement_len,
		.before = s->before, .before_len = s->before_len,
		.after = s->after, .after_len = s->after_len,
		.fields = (const char *const *)s->fields,
	};
}

static void plan_step(const struct undo_step *s, bool reverse, struct undo_plan *plan)
{
	plan->count = 0;
	plan->has_restore = false;
	plan->expect_bytes = NULL;
	plan->expect_len = 0;
	switch (s->kind) {
	case EDIT_SET:
		if (reverse)
			plan_set(plan, s->id, s->field, s->new_value, s->old_value);
		else
			plan_set(plan, s->id, s->field, s->old_value, s->new_value);
		if (s->completed_changed) { /* `completed` back to exactly what it was */
			plan->edits[0].completed_exact = true;
			plan->edits[0].done_on = reverse ? s->completed_old : s->completed_new;
		}
		break;
	case EDIT_ADD:
	case EDIT_REMOVE:
		/* Undoing an add and redoing a remove both remove it again; an
		 * undone add only if it is still as this session created it. */
		if ((s->kind == EDIT_ADD) == reverse) {
			plan->edits[plan->count++] = (struct edit){ .kind = EDIT_REMOVE, .milestone_id = s->id };
			if (s->kind == EDIT_ADD && s->bytes && !s->anyway) {
				plan->expect_bytes = s->bytes;
				plan->expect_len = s->bytes_len;
			}
		} else if (s->kind == EDIT_REMOVE) {
			plan_restore(plan, s);
		} else {
			plan_recreate(plan, s);
		}
		break;
	}
}

void undo_plan_undo(const struct undo *u, struct undo_plan *plan)
{
	memset(plan, 0, sizeof *plan);
	if (undo_can_undo(u))
		plan_step(&u->steps[u->done - 1], true, plan);
}

void undo_plan_redo(const struct undo *u, struct undo_plan *plan)
{
	memset(plan, 0, sizeof *plan);
	if (undo_can_redo(u))
		plan_step(&u->steps[u->done], false, plan);
}

void undo_join_previous(struct undo *u)
{
	if (u->done >= 2 && u->done == u->count)
		u->steps[u->done - 1].with_previous = true;
}

size_t undo_group_size(const struct undo *u, bool redo)
{
	size_t n = 0;
	if (redo) {
		if (u->done < u->count)
			for (n = 1; u->done + n < u->count && u->steps[u->done + n].with_previous; n++)
				;
	} else if (u->done > 0) {
		for (n = 1; n < u->done && u->steps[u->done - n].with_previous; n++)
			;
	}
	return n;
}

void undo_done(struct undo *u)
{
	if (u->done > 0)
		u->steps[--u->done].anyway = false;
}

void redo_done(struct undo *u)
{
	if (u->done < u->count)
		u->done++;
}
