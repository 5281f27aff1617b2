/* merge_marks — lines and conflict markers in the merge's texts: where a
 * line ends, git's <<<<<<< / ======= / >>>>>>> markers written and found,
 * and the conflicts listed in a merge_result. Pure text. */
#ifndef CHARTERDASH_MERGE_MARKS_H
#define CHARTERDASH_MERGE_MARKS_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/core/buf.h"
#include "charterdash/store/merge.h"

/* True when byte i ends a line: LF, or a CR not followed by LF (the
 * breaks merge3_line_end knows). */
bool merge_ends_line(const char *s, size_t len, size_t i);

/* The start of the line that holds byte `off`. */
size_t merge_line_start(const char *s, size_t off);

/* The number of line breaks in s[0, n). */
size_t merge_count_lines(const char *s, size_t n);

/* A marker line of `size` `c`s and the label (NULL: none), on a line of its own. */
void merge_put_marker(struct buf *out, char c, int size, const char *label, const char *eol);

/* True when a line of the text starts with `size` '<'s. */
bool merge_has_markers(const char *s, size_t len, int size);

/* A new conflict at `line` of the result (message empty); NULL when memory
 * runs out. */
struct merge_conflict *merge_add_conflict(struct merge_result *r, size_t line);

/* Fills the empty `out` with ours' text and one conflict over the lines
 * where ours and theirs differ, `why` in its message: for a merge of two
 * charters that load whose result does not check, so git stops with
 * markers instead of a failed driver. False when memory runs out. */
bool merge_mark_differing(const char *ours, size_t olen, const char *theirs, size_t tlen, const char *eol, int size,
                          const char *why, struct merge_result *out);

#endif
