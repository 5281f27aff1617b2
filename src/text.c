/* text — UTF-8 width, truncation, padding, wrapping and search by columns. */
#include "charterdash/text.h"

#include <string.h>
#include <wctype.h>

#include "charterdash/utf8.h"

struct text_char text_decode(const char *s, size_t len)
{
	struct text_char c = { 1, L'?', 1, true };
	unsigned char b = len ? (unsigned char)s[0] : 0;
	if (b >= 0x20 && b < 0x7f) { /* printable ASCII, most text: the same in every locale */
		c.wc = (wchar_t)b;
		c.bad = false;
		return c;
	}
	mbstate_t st;
	memset(&st, 0, sizeof st);
	wchar_t wc;
	size_t n = mbrtowc(&wc, s, len, &st);
	if (n == (size_t)-1 || n == (size_t)-2) /* invalid or cut short: one bad byte */
		return c;
	if (n == 0) { /* an embedded NUL: treat like a control */
		n = 1;
		wc = L'\0';
	}
	c.len = n;
	c.bad = false;
	if (utf8_is_bidi_control((uint32_t)wc)) { /* would reorder the line: a visible mark */
		c.wc = (wchar_t)UTF8_REPLACEMENT;
		c.width = 1;
		return c;
	}
	int w = wcwidth(wc);
	if (w < 0) { /* control or unassigned: one column, drawn as a space */
		c.wc = L' ';
		c.width = 1;
	} else {
		c.wc = wc;
		c.width = w > 2 ? 2 : w;
	}
	return c;
}

size_t text_width_n(const char *s, size_t len)
{
	size_t w = 0;
	while (len > 0) {
		struct text_char c = text_decode(s, len);
		w += (size_t)c.width;
		s += c.len;
		len -= c.len;
	}
	return w;
}

size_t text_width(const char *s)
{
	return s ? text_width_n(s, strlen(s)) : 0;
}

size_t text_prefix(const char *s, size_t len, size_t cols, size_t *width)
{
	size_t at = 0, w = 0;
	while (at < len) {
		struct text_char c = text_decode(s + at, len - at);
		if (w + (size_t)c.width > cols)
			break;
		w += (size_t)c.width;
		at += c.len;
	}
	if (width)
		*width = w;
	return at;
}

const char *text_ellipsis(bool ascii)
{
	return ascii ? TEXT_ELLIPSIS_ASCII : TEXT_ELLIPSIS_UTF8;
}

size_t text_ellipsis_width(bool ascii)
{
	return ascii ? 3 : 1;
}

/* Appends len bytes to out (capacity size, *used so far) without splitting
 * a character: stops at the last whole character that fits. */
static void append(char *out, size_t size, size_t *used, const char *s, size_t len, size_t *width)
{
	size_t at = 0;
	while (at < len) {
		struct text_char c = text_decode(s + at, len - at);
		if (*used + c.len + 1 > size)
			break;
		memcpy(out + *used, s + at, c.len);
		*used += c.len;
		at += c.len;
		if (width)
			*width += (size_t)c.width;
	}
	out[*used] = '\0';
}

size_t text_truncate(char *out, size_t out_size, const char *s, size_t cols, bool ascii)
{
	if (out_size == 0)
		return 0;
	out[0] = '\0';
	if (!s)
		s = "";
	size_t len = strlen(s), used = 0, width = 0;
	size_t full = text_width_n(s, len);
	if (full <= cols) {
		append(out, out_size, &used, s, len, &width);
		return width;
	}
	size_t ew = text_ellipsis_width(ascii);
	if (cols < ew) { /* not even room for the ellipsis: dots */
		for (size_t i = 0; i < cols && used + 2 <= out_size; i++) {
			out[used++] = '.';
			width++;
		}
		out[used] = '\0';
		return width;
	}
	size_t keep = text_prefix(s, len, cols - ew, NULL);
	append(out, out_size, &used, s, keep, &width);
	const char *e = text_ellipsis(ascii);
	size_t before = used;
	append(out, out_size, &used, e, strlen(e), NULL);
	if (used - before == strlen(e))
		width += ew;
	return width;
}

size_t text_pad(char *out, size_t out_size, const char *s, size_t cols, bool ascii, bool right)
{
	if (out_size == 0)
		return 0;
	size_t w = text_truncate(out, out_size, s, cols, ascii);
	size_t used = strlen(out);
	size_t pad = cols > w ? cols - w : 0;
	if (pad > out_size - 1 - used)
		pad = out_size - 1 - used;
	if (right) {
		memmove(out + pad, out, used + 1);
		memset(out, ' ', pad);
	} else {
		memset(out + used, ' ', pad);
		out[used + pad] = '\0';
	}
	return w + pad;
}

static void emit(struct text_span *lines, size_t max, size_t *n, size_t start, size_t len)
{
	if (*n < max) {
		lines[*n].start = start;
		lines[*n].len = len;
	}
	(*n)++;
}

/* Wraps one paragraph (no '\n') of s[start, end). */
static void wrap_paragraph(const char *s, size_t start, size_t end, size_t cols, struct text_span *lines,
                           size_t max, size_t *n)
{
	size_t at = start;
	if (at == end) { /* an empty paragraph is an empty line */
		emit(lines, max, n, start, 0);
		return;
	}
	while (at < end) {
		size_t line_start = at, w = 0, p = at, brk = 0;
		bool have_brk = false; /* brk: where the text before the last space run ends */
		for (;;) {
			if (p == end) {
				at = end;
				break;
			}
			struct text_char c = text_decode(s + p, end - p);
			if (!c.bad && s[p] == ' ') {
				if (p > line_start && s[p - 1] != ' ') {
					brk = p;
					have_brk = true;
				}
				w++; /* spaces may overflow: they vanish at the break */
				p++;
				continue;
			}
			if (w + (size_t)c.width <= cols) {
				w += (size_t)c.width;
				p += c.len;
				continue;
			}
			if (have_brk) { /* break after the last word that fitted */
				p = brk;
			} else if (p == line_start) { /* a character wider than the line: alone */
				p += c.len;
				while (p < end) { /* with its combining marks */
					struct text_char z = text_decode(s + p, end - p);
					if (z.bad || z.width != 0)
						break;
					p += z.len;
				}
			} /* else: a word longer than the line, split here */
			at = p;
			break;
		}
		size_t e = at;
		while (e > line_start && s[e - 1] == ' ')
			e--;
		emit(lines, max, n, line_start, e - line_start);
		while (at < end && s[at] == ' ')
			at++;
	}
}

size_t text_wrap(const char *s, size_t cols, struct text_span *lines, size_t max)
{
	size_t n = 0;
	if (!s || cols == 0)
		return 0;
	size_t len = strlen(s), at = 0;
	while (at < len) {
		const char *nl = memchr(s + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - s) : len;
		wrap_paragraph(s, at, end, cols, lines, max, &n);
		at = nl ? end + 1 : len;
	}
	return n;
}

/* The case-folded key of a character for matching: bad bytes match only
 * themselves. */
static unsigned long fold_key(const char *s, size_t len, size_t *adv)
{
	unsigned char b = len ? (unsigned char)s[0] : 0;
	if (b >= 0x20 && b < 0x7f) { /* ASCII folds alike in every locale: no decoding */
		*adv = 1;
		return b >= 'A' && b <= 'Z' ? (unsigned long)(b - 'A' + 'a') : b;
	}
	struct text_char c = text_decode(s, len);
	*adv = c.len;
	if (c.bad)
		return 0x80000000UL | (unsigned char)s[0];
	if (c.wc == L' ')
		return (unsigned char)s[0] == '\t' ? ' ' : (unsigned long)L' ';
	return (unsigned long)towlower((wint_t)c.wc);
}

bool text_find(const char *hay, const char *needle, size_t *at, size_t *len)
{
	if (!hay || !needle || !*needle)
		return false;
	size_t hlen = strlen(hay), nlen = strlen(needle);
	for (size_t start = 0; start < hlen;) {
		size_t h = start, k = 0;
		while (k < nlen && h < hlen) {
			size_t ha, na;
			if (fold_key(hay + h, hlen - h, &ha) != fold_key(needle + k, nlen - k, &na))
				break;
			h += ha;
			k += na;
		}
		if (k >= nlen) {
			if (at)
				*at = start;
			if (len)
				*len = h - start;
			return true;
		}
		size_t adv;
		fold_key(hay + start, hlen - start, &adv);
		start += adv;
	}
	return false;
}
