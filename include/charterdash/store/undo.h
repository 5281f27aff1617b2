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

#include "charterdash/core/charter.h"
#include "charterdash/core/edit.h"
#include "charterdash/store/patch.h"

/* A deleted milestone's exact bytes, to put back where they were: the text
 * the deletion left there (`replacement`, often empty) between `before`
 * and `after`, the lines around it, is found in the file as it is now
 * and `bytes` go back in its place. */
struct text_restore {
	const char *id, *group;
	const char *bytes, *replacement, *before, *after;
	size_t bytes_len, replacement_len, before_len, after_len;
	const char *const *fields; /* the milestone's values, FIELD_COUNT of them */
};

struct undo_step {
	enum edit_kind kind;
	char *id, *group;
	enum field field;             /* EDIT_SET */
	char *old_value, *new_value;  /* EDIT_SET: before and after */
	/* EDIT_SET of status that also wrote or removed `completed`: what it
	 * was and became (undo and redo put exactly that back). */
	bool completed_changed;
	char *completed_old, *completed_new;
	char *fields[FIELD_COUNT];    /* EDIT_ADD / EDIT_REMOVE: the milestone's values */
	/* EDIT_REMOVE: the bytes removed and what replaced them, and the text
	 * around them (undo_attach_removed); EDIT_ADD: the milestone's bytes
	 * as created (undo_attach_created). NULL: not known (fields only). */
	char *bytes, *replacement, *before, *after;
	size_t bytes_len, replacement_len, before_len, after_len;
	/* The user answered "anyway" after undo asked: the next undo of this
	 * step re-creates it from its fields / removes it whatever it holds. */
	bool anyway;
	/* Saved by the same action as the step before (one `e` that changed
	 * the owner and the due date): undone and redone with it. */
	bool with_previous;
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
	/* Undo of a delete: the exact bytes go back (edits[0] is the add it
	 * amounts to, for the history). */
	bool has_restore;
	struct text_restore restore;
	/* Undo of an add: the removal is a conflict unless the milestone's
	 * bytes are still these (NULL: no such check). */
	const char *expect_bytes;
	size_t expect_len;
};

void undo_init(struct undo *u);
void undo_fini(struct undo *u);

/* Records a saved edit (dropping anything that could be redone). For
 * EDIT_SET give old and new; for EDIT_ADD and EDIT_REMOVE give the
 * milestone's field values (fields[f] may be NULL). */
bool undo_record_set(struct undo *u, const char *id, enum field f, const char *old_value, const char *new_value);
bool undo_record_milestone(struct undo *u, enum edit_kind kind, const char *id, const char *group,
                           const char *const fields[FIELD_COUNT]);
/* The status change just recorded also changed `completed` (store_result's
 * completed_old / completed_new). False when out of memory or the last
 * step is not a change of a field. */
bool undo_record_completion(struct undo *u, const char *old_value, const char *new_value);

/* Keeps the text of the step just recorded: for a removal, the old text
 * and the edit that removed it (the bytes removed and a few lines around
 * them); for an add, the new milestone's bytes. False when out of memory
 * (the step then undoes from its fields alone). */
bool undo_attach_removed(struct undo *u, const char *old_text, size_t old_len, const struct text_edit *removal);
bool undo_attach_created(struct undo *u, const char *bytes, size_t len);

/* After undo asked (the text around a deleted milestone changed, or an
 * added one was changed by someone): the next undo goes ahead anyway. */
void undo_answer_anyway(struct undo *u);

/* Where `r->bytes` go back in `text` (the file now): `out` replaces the
 * deletion's replacement there. False with a reason when the text around
 * it is not found exactly once (it changed since the delete). */
bool undo_restore_plan(const struct text_restore *r, const char *text, size_t len, struct text_edit *out, char *why,
                       size_t why_size);

/* True when `after` is `before` with the milestone put back: one more
 * milestone, `r->id` in `r->group` with exactly r->fields, every other
 * milestone unchanged and in the same order. */
bool undo_restore_verify(const struct charter *before, const struct charter *after, const struct text_restore *r,
                         char *why, size_t why_size);

/* Joins the step just recorded to the one before it: one undo takes
 * both (no effect on the first step). */
void undo_join_previous(struct undo *u);
/* How many steps the next undo (redo: redo) takes: a step and those
 * joined to it; 0 when there is none. Plan and finish them one by one. */
size_t undo_group_size(const struct undo *u, bool redo);

bool undo_can_undo(const struct undo *u);
bool undo_can_redo(const struct undo *u);

/* Fills `plan` with the edits that undo (or redo) the next step. Call
 * undo_done / redo_done once they are all saved. */
void undo_plan_undo(const struct undo *u, struct undo_plan *plan);
void undo_plan_redo(const struct undo *u, struct undo_plan *plan);
void undo_done(struct undo *u);
void redo_done(struct undo *u);

#endif
