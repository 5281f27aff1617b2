/* merge3 — a line-level three-way merge of texts, as `git merge-file` does,
 * for what the field-level merge (merge.h) does not model: comments, keys
 * charterdash does not know, hand formatting.
 *
 * Each side's changes to BASE are found with a line diff (Myers). Changes
 * whose base lines do not overlap are both applied, even when they touch
 * (adjacent lines changed on each side merge cleanly: in a YAML file each
 * line is its own key). Two insertions at the same place, or overlapping
 * changes that differ, become a conflict:
 *
 *   <<<<<<< ours
 *   (ours' lines)
 *   =======
 *   (theirs' lines)
 *   >>>>>>> theirs
 *
 * Pure: no I/O. */
#ifndef CHARTERDASH_MERGE3_H
#define CHARTERDASH_MERGE3_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/core/buf.h"

struct merge3_conflict {
	size_t line;       /* 1-based line of the "<<<<<<<" marker in the result */
	size_t ours_first; /* 1-based line in OURS where the conflict starts */
};

struct merge3_result {
	struct buf text;                   /* the merged text */
	struct merge3_conflict *conflicts; /* owned */
	size_t conflict_count;
	/* For every line of OURS (0-based), the 0-based line of the result it
	 * was copied to, or (size_t)-1 when theirs' change replaced it. */
	size_t *ours_line_map; /* owned, ours' line count entries */
	size_t ours_lines;
};

/* Merges; `marker_size` is the length of the marker runs (7 as git's
 * default). Markers end with the line ending OURS uses. False only when
 * memory runs out. Free the result with merge3_fini. */
bool merge3(const char *base, size_t base_len, const char *ours, size_t ours_len, const char *theirs,
            size_t theirs_len, int marker_size, struct merge3_result *out);

void merge3_fini(struct merge3_result *r);

/* Where the line starting at byte i of s ends, past its break: LF, CRLF,
 * or a lone CR (old Mac files, which YAML reads as a break too). Both
 * merges split lines with it, so they agree on what a line is. */
size_t merge3_line_end(const char *s, size_t len, size_t i);

/* True when `line` (of `len` bytes, its line ending excluded or not) is a
 * conflict marker line: 7 or more '<', '=', '>' or '|' at its start, alone
 * or followed by a space ("<<<<<<< ours"). */
bool merge3_is_marker(const char *line, size_t len);

/* Adds "unresolved merge conflict" errors to diags for every line of
 * `text` that starts a conflict ("<<<<<<< ", at the start of a line);
 * returns how many. The loader calls it first: a file with markers is not
 * parsed as YAML (the errors would only confuse). */
struct diag_list;
size_t merge3_report_markers(const char *path, const char *text, size_t len, struct diag_list *diags);

#endif
