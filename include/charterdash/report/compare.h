/* compare — what changed between two versions of a charter, milestone by
 * milestone and field by field, for `charterdash diff` and git's textconv.
 * Pure: compares models. */
#ifndef CHARTERDASH_COMPARE_H
#define CHARTERDASH_COMPARE_H

#include <stddef.h>
#include <stdio.h>

#include "charterdash/core/charter.h"

enum compare_kind {
	COMPARE_CHANGED, /* one field: old_m's value -> new_m's */
	COMPARE_MOVED,   /* to another working group */
	COMPARE_ADDED,   /* new_m only */
	COMPARE_REMOVED, /* old_m only */
	COMPARE_GROUP_RENAMED, /* old_g's name -> new_g's */
	COMPARE_GROUP_ADDED,   /* new_g only */
	COMPARE_GROUP_REMOVED, /* old_g only */
};

struct compare_item {
	enum compare_kind kind;
	const struct milestone *old_m, *new_m; /* borrowed; NULL when absent */
	int field;                             /* COMPARE_CHANGED: an enum field */
	const struct group *old_g, *new_g;     /* COMPARE_GROUP_*: borrowed */
};

/* The changes: working groups renamed, added or removed, then new's
 * milestones in file order, then the removed ones in old's order; *items is a new array (free it). Returns the count, or
 * (size_t)-1 when memory runs out. */
size_t compare_charters(const struct charter *old_c, const struct charter *new_c, struct compare_item **items);

/* "Energy · Adopt the roadmap: status in_progress → done", one line per
 * item, values made safe for a terminal. */
void compare_print_text(FILE *out, const struct charter *old_c, const struct charter *new_c,
                        const struct compare_item *items, size_t count);

/* [{"change": "changed", "id", "group", "title", "field", "old", "new"}, ...];
 * for a group's change, id and title are null and old/new are its names. */
void compare_print_json(FILE *out, const struct charter *old_c, const struct charter *new_c,
                        const struct compare_item *items, size_t count);

/* git's textconv: the file's text where each line of a milestone names
 * it, so a line diff reads as a field diff and hides no byte that changed.
 * A field line `status: done` becomes "Energy · Adopt the roadmap
 * [energy-roadmap]: status done" (the id's own line left out); any other
 * line of a milestone (a comment, an unknown key, block notes, a value
 * with a comment or trailing space) is "Energy · Adopt the roadmap
 * [energy-roadmap]: " and the line as written; every line outside the
 * milestones (charter fields, groups, comments) is as written. Only the
 * indentation of field lines is not shown. */
void compare_print_textconv(FILE *out, const struct charter *c);

#endif
