/* undo — this user's own changes, undone and redone as new changes.
 *
 * Each step remembers what one saved edit did. Undoing it produces the
 * edits that reverse it, which go through the store like any other change
 * (so others see the undo, and a value someone else changed meanwhile is
 * a conflict, not a silent overwrite). Pure: no I/O. */
#ifndef CHARTERDASH_UNDO_H
#define CHARTERDASH_UNDO_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/edit.h"

struct undo_step {
	enum edit_kind kind;
	char *id, *group;
	enum field field;             /* EDIT_SET */
	char *old_value, *new_value;  /* EDIT_SET: before and after */
	char *fields[FIELD_COUNT];    /* EDIT_ADD / EDIT_REMOVE: the milestone's values */
};

struct undo {
	struct undo_step *steps;
	size_t done;  /* steps[0 .. done) can be undone */
	size_t count; /* steps[done .. count) can be redone */
	size_t cap;
};

/* The edits one undo or redo makes, in order (a removed milestone comes
 * back as an add followed by sets). Strings point into the undo stack. */
#define UNDO_MAX_EDITS (FIELD_COUNT + 1)
struct undo_plan {
	struct edit edits[UNDO_MAX_EDITS];
	size_t count;
};

void undo_init(struct undo *u);
void undo_fini(struct undo *u);

/* Records a saved edit (dropping anything that could be redone). For
 * EDIT_SET give old and new; for EDIT_ADD and EDIT_REMOVE give the
 * milestone's field values (fields[f] may be NULL). */
bool undo_record_set(struct undo *u, const char *id, enum field f, const char *old_value, const char *new_value);
bool undo_record_milestone(struct undo *u, enum edit_kind kind, const char *id, const char *group,
                           const char *const fields[FIELD_COUNT]);

bool undo_can_undo(const struct undo *u);
bool undo_can_redo(const struct undo *u);

/* Fills `plan` with the edits that undo (or redo) the next step. Call
 * undo_done / redo_done once they are all saved. */
void undo_plan_undo(const struct undo *u, struct undo_plan *plan);
void undo_plan_redo(const struct undo *u, struct undo_plan *plan);
void undo_done(struct undo *u);
void redo_done(struct undo *u);

#endif
