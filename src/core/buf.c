/* buf — growable byte buffer. */
#include "charterdash/core/buf.h"

#include <stdlib.h>
#include <string.h>

void buf_init(struct buf *b)
{
	memset(b, 0, sizeof *b);
}

void buf_fini(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

static bool reserve(struct buf *b, size_t n)
{
	if (b->failed)
		return false;
	if (b->len + n + 1 <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + n + 1) {
		if (cap > (size_t)-1 / 2) {
			b->failed = true;
			return false;
		}
		cap *= 2;
	}
	char *data = realloc(b->data, cap);
	if (!data) {
		b->failed = true;
		return false;
	}
	b->data = data;
	b->cap = cap;
	return true;
}

void buf_append(struct buf *b, const char *bytes, size_t n)
{
	if (!reserve(b, n))
		return;
	memcpy(b->data + b->len, bytes, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
	buf_append(b, &c, 1);
}

void buf_repeat(struct buf *b, char c, size_t n)
{
	if (!reserve(b, n))
		return;
	memset(b->data + b->len, c, n);
	b->len += n;
	b->data[b->len] = '\0';
}

char *buf_take(struct buf *b, size_t *len)
{
	char *data = b->failed ? NULL : b->data;
	if (len)
		*len = data ? b->len : 0;
	if (!data) {
		free(b->data);
		if (!b->failed) { /* an empty buffer is an empty string */
			data = malloc(1);
			if (data)
				data[0] = '\0';
		}
	}
	buf_init(b);
	return data;
}

void *buf_grow_array(void *items, size_t *cap, size_t count, size_t size, size_t first)
{
	if (count < *cap)
		return items;
	size_t n = *cap ? *cap : first ? first : 1;
	if (*cap) {
		if (n > (size_t)-1 / 2)
			return NULL;
		n *= 2;
	}
	if (size && n > (size_t)-1 / size)
		return NULL;
	void *grown = realloc(items, n * size);
	if (grown)
		*cap = n;
	return grown;
}
