/* merge — a three-way merge of a charter file, field by field, for git's
 * merge driver (`charterdash merge BASE OURS THEIRS`).
 *
 * What THEIRS changed relative to BASE — each milestone field set or
 * cleared, each milestone added or removed — is applied to OURS's text
 * through the same minimal patcher as every save (store_plan), so two
 * sides that changed different fields of one milestone merge cleanly
 * however close the lines are. Everything the model does not cover
 * (comments, unknown keys, group and charter fields, moves) is merged line
 * by line afterwards (merge3.h), with BASE-plus-theirs'-field-changes as
 * the base so only those other changes are in play.
 *
 * A true conflict — one field set to two different values, a milestone
 * removed on one side and changed on the other, an id added on both sides
 * with different content — leaves git-style markers around exactly the
 * lines of the conflicting value (or milestone) and is listed with its
 * line in the result. Pure: texts in, text out. */
#ifndef CHARTERDASH_MERGE_H
#define CHARTERDASH_MERGE_H

#include <stdbool.h>
#include <stddef.h>

struct merge_conflict {
	size_t line;       /* 1-based line of its "<<<<<<<" marker in the result */
	char message[400]; /* "the status of 'energy-lng' is 'done' here and 'blocked' on the other side" */
};

struct merge_result {
	char *text; /* the merged text, owned */
	size_t len;
	struct merge_conflict *conflicts; /* owned, in line order */
	size_t conflict_count;
	bool by_field; /* false: a side did not load as a charter, merged by lines only */
	char why[512]; /* on false from merge_texts: what went wrong */
};

/* Merges; `path` names the file in messages, `marker_size` is git's %L (7
 * when 0). False when memory runs out or the clean merge does not read
 * back as both sides' changes (why says which); then OURS must be left as
 * it was. Free the result with merge_fini. */
bool merge_texts(const char *path, const char *base, size_t base_len, const char *ours, size_t ours_len,
                 const char *theirs, size_t theirs_len, int marker_size, struct merge_result *out);

void merge_fini(struct merge_result *r);

#endif
