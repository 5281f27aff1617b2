/* undo — reversible history of this user's own edits. */
#include "charterdash/undo.h"

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
	for (int f = 0; f < FIELD_COUNT; f++)
		free(s->fields[f]);
	memset(s, 0, sizeof *s);
}

void undo_fini(struct undo *u)
{
	for (size_t i = 0; i < u->count; i++)
		step_fini(&u->steps[i]);
	free(u->steps);
	undo_init(u);
}

static char *dup_or_null(const char *s, bool *ok)
{
	if (!s)
		return NULL;
	char *d = strdup(s);
	if (!d)
		*ok = false;
	return d;
}

/* A new step at `done`, after dropping the redo tail. */
static struct undo_step *new_step(struct undo *u)
{
	while (u->count > u->done)
		step_fini(&u->steps[--u->count]);
	if (u->count == u->cap) {
		size_t cap = u->cap ? u->cap * 2 : 16;
		struct undo_step *steps = realloc(u->steps, cap * sizeof *steps);
		if (!steps)
			return NULL;
		u->steps = steps;
		u->cap = cap;
	}
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
	s->id = dup_or_null(id, &ok);
	s->old_value = dup_or_null(old_value, &ok);
	s->new_value = dup_or_null(new_value, &ok);
	return commit_step(u, s, ok);
}

bool undo_record_milestone(struct undo *u, enum edit_kind kind, const char *id, const char *group,
                           const char *const fields[FIELD_COUNT])
{
	struct undo_step *s = new_step(u);
	if (!s)
		return false;
	bool ok = true;
	s->kind = kind;
	s->id = dup_or_null(id, &ok);
	s->group = dup_or_null(group, &ok);
	for (int f = 0; f < FIELD_COUNT; f++)
		s->fields[f] = dup_or_null(fields[f], &ok);
	return commit_step(u, s, ok);
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
	for (int f = 0; f < FIELD_COUNT; f++) {
		if (f == FIELD_TITLE || !s->fields[f])
			continue;
		if (f == FIELD_STATUS && strcmp(s->fields[f], "not_started") == 0)
			continue;
		plan_set(plan, s->id, (enum field)f, f == FIELD_STATUS ? "not_started" : NULL, s->fields[f]);
	}
}

static void plan_step(const struct undo_step *s, bool reverse, struct undo_plan *plan)
{
	plan->count = 0;
	switch (s->kind) {
	case EDIT_SET:
		if (reverse)
			plan_set(plan, s->id, s->field, s->new_value, s->old_value);
		else
			plan_set(plan, s->id, s->field, s->old_value, s->new_value);
		break;
	case EDIT_ADD:
	case EDIT_REMOVE:
		/* Undoing an add and redoing a remove both remove it again. */
		if ((s->kind == EDIT_ADD) == reverse)
			plan->edits[plan->count++] = (struct edit){ .kind = EDIT_REMOVE, .milestone_id = s->id };
		else
			plan_recreate(plan, s);
		break;
	}
}

void undo_plan_undo(const struct undo *u, struct undo_plan *plan)
{
	plan->count = 0;
	if (undo_can_undo(u))
		plan_step(&u->steps[u->done - 1], true, plan);
}

void undo_plan_redo(const struct undo *u, struct undo_plan *plan)
{
	plan->count = 0;
	if (undo_can_redo(u))
		plan_step(&u->steps[u->done], false, plan);
}

void undo_done(struct undo *u)
{
	if (u->done > 0)
		u->done--;
}

void redo_done(struct undo *u)
{
	if (u->done < u->count)
		u->done++;
}
