/* diff — a unified diff of two versions of a file, for --dry-run. Pure. */
#ifndef CHARTERDASH_DIFF_H
#define CHARTERDASH_DIFF_H

#include <stddef.h>
#include <stdio.h>

/* Prints `--- a/NAME`, `+++ b/NAME` and one hunk, with up to 3 lines of
 * context, covering the whole lines between the texts' common beginning
 * and end (so several nearby edits make one hunk). Prints nothing when the
 * texts are equal. */
void diff_print_texts(FILE *out, const char *name, const char *old_text, size_t old_len,
                      const char *new_text, size_t new_len);

#endif
