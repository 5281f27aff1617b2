/* buf — a growable byte buffer. An allocation failure sets `failed` and
 * makes later appends no-ops, so callers check once at the end. */
#ifndef CHARTERDASH_BUF_H
#define CHARTERDASH_BUF_H

#include <stdbool.h>
#include <stddef.h>

struct buf {
	char *data; /* NUL-terminated when not NULL */
	size_t len, cap;
	bool failed;
};

void buf_init(struct buf *b);
void buf_fini(struct buf *b);
void buf_append(struct buf *b, const char *bytes, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_repeat(struct buf *b, char c, size_t n);
/* Hands the bytes to the caller (NULL after a failure) and resets b. */
char *buf_take(struct buf *b, size_t *len);

#endif
