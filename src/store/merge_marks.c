/* merge_marks — lines and conflict markers (see merge_marks.h). */
#include "charterdash/store/merge_marks.h"

#include <stdio.h>
#include <stdlib.h>

#include "charterdash/core/merge3.h"

bool merge_ends_line(const char *s, size_t len, size_t i)
{
	return s[i] == '\n' || (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'));
}

size_t merge_line_start(const char *s, size_t off)
{
	while (off > 0 && s[off - 1] != '\n' && s[off - 1] != '\r')
		off--;
	return off;
}

size_t merge_count_lines(const char *s, size_t n)
{
	size_t lines = 0;
	for (size_t i = 0; i < n; i++)
		lines += merge_ends_line(s, n, i);
	return lines;
}

void merge_put_marker(struct buf *out, char c, int size, const char *label, const char *eol)
{
	if (out->len > 0 && !merge_ends_line(out->data, out->len, out->len - 1))
		buf_puts(out, eol);
	buf_repeat(out, c, (size_t)size);
	if (label) {
		buf_putc(out, ' ');
		buf_puts(out, label);
	}
	buf_puts(out, eol);
}

bool merge_has_markers(const char *s, size_t len, int size)
{
	for (size_t i = 0; i + (size_t)size <= len; i = merge3_line_end(s, len, i)) {
		size_t n = 0;
		while (n < (size_t)size && s[i + n] == '<')
			n++;
		if (n == (size_t)size)
			return true;
	}
	return false;
}

struct merge_conflict *merge_add_conflict(struct merge_result *r, size_t line)
{
	struct merge_conflict *v = realloc(r->conflicts, (r->conflict_count + 1) * sizeof *v);
	if (!v)
		return NULL;
	r->conflicts = v;
	struct merge_conflict *p = &v[r->conflict_count++];
	p->line = line;
	p->message[0] = '\0';
	return p;
}

/* [p, *oe) of ours and [p, *te) of theirs: the whole lines where the two
 * differ, between their longest common start and end. */
static size_t differing(const char *o, size_t olen, const char *t, size_t tlen, size_t *oe, size_t *te)
{
	size_t p = 0, q = 0, min = olen < tlen ? olen : tlen;
	while (p < min && o[p] == t[p])
		p++;
	p = merge_line_start(o, p);
	while (q < min - p && o[olen - 1 - q] == t[tlen - 1 - q])
		q++;
	*oe = olen - q;
	if (*oe > p && merge_line_start(o, *oe) != *oe) /* to the end of the line cut */
		*oe = merge3_line_end(o, olen, *oe);
	*te = tlen - (olen - *oe);
	return p;
}

bool merge_mark_differing(const char *ours, size_t olen, const char *theirs, size_t tlen, const char *eol, int size,
                          const char *why, struct merge_result *out)
{
	size_t oe, te, p = differing(ours, olen, theirs, tlen, &oe, &te);
	struct buf b;
	buf_init(&b);
	buf_append(&b, ours, p);
	merge_put_marker(&b, '<', size, "ours", eol);
	buf_append(&b, ours + p, oe - p);
	merge_put_marker(&b, '=', size, NULL, eol);
	buf_append(&b, theirs + p, te - p);
	merge_put_marker(&b, '>', size, "theirs", eol);
	buf_append(&b, ours + oe, olen - oe);
	struct merge_conflict *c = merge_add_conflict(out, merge_count_lines(ours, p) + 1);
	if (c)
		snprintf(c->message, sizeof c->message, "merged, these lines would not check (%.300s): keep one side",
		         why);
	out->len = b.len;
	out->text = c && !b.failed ? buf_take(&b, &out->len) : NULL;
	buf_fini(&b);
	return out->text != NULL;
}
