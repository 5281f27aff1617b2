/* json — the small pieces of JSON charterdash writes and reads back:
 * string escaping, and flat one-line objects of strings (history lines). */
#ifndef CHARTERDASH_JSON_H
#define CHARTERDASH_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/core/buf.h"

/* Appends "value" with every control character, quote and backslash
 * escaped; NULL is written as null. Bytes that are not valid UTF-8 become
 * U+FFFD so the output is always valid JSON. */
void json_put_string(struct buf *out, const char *value);

/* One flat object {"k": "v" | null, ...} parsed in place from `line`
 * (which is modified). Returns the number of pairs (at most max), or -1 when
 * the line is not such an object. Null values come back as NULL. */
int json_parse_flat(char *line, const char **keys, const char **values, int max);

#endif
