/* strutil — string helpers for values that may be absent (NULL). */
#ifndef CHARTERDASH_STRUTIL_H
#define CHARTERDASH_STRUTIL_H

#include <stdbool.h>
#include <stddef.h>

/* True when both are NULL or both hold the same text ("" is not NULL). */
bool str_same(const char *a, const char *b);

/* A copy of s (caller frees), NULL for NULL. Out of memory: NULL with
 * *ok set to false (left alone otherwise), so that several copies can be
 * checked once. */
char *str_dup_opt(const char *s, bool *ok);

/* Splits `cmd` in place at spaces into words ("vim -u NONE" -> "vim",
 * "-u", "NONE"), at most max - 1 of them, and ends argv with NULL: an
 * argument vector for execvp, no shell. Returns the number of words. */
size_t str_split_words(char *cmd, char **argv, size_t max);

/* s as a char *, for an interface that takes one and never writes through
 * it (execvp's argv, a borrowed field of a struct that elsewhere owns its
 * copy): the one place a const is dropped, visibly, without a cast. */
char *str_unconst(const char *s);

/* s on one line for a message: at most `max` bytes of it (and what fits in
 * `size` with room for an ellipsis), whole UTF-8 characters, control
 * characters as spaces, "…" when cut. */
void str_short(const char *s, size_t max, char *out, size_t size);

#endif
