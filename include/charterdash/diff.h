/* diff — a unified diff of one text edit, for --dry-run. Pure. */
#ifndef CHARTERDASH_DIFF_H
#define CHARTERDASH_DIFF_H

#include <stdio.h>

#include "charterdash/patch.h"

/* Prints `--- a/NAME`, `+++ b/NAME` and one hunk with up to 3 lines of
 * context around the edit (which turned old into new). */
void diff_print_edit(FILE *out, const char *name, const char *old_text, size_t old_len,
                     const char *new_text, size_t new_len, const struct text_edit *edit);

#endif
