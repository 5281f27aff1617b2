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

/* An array of `count` items of `size` bytes, with room for one more: the
 * array itself while *cap > count, else grown by doubling (to `first`
 * items at the start) with *cap updated; NULL when memory runs out or the
 * size would overflow (the array is then as it was, still the caller's).
 * git's ALLOC_GROW:  v = buf_grow_array(a->v, &a->cap, a->n, sizeof *v, 16); */
void *buf_grow_array(void *items, size_t *cap, size_t count, size_t size, size_t first);

#endif
