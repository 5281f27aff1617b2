/* text — UTF-8 width, truncation, padding, wrapping and search by columns. */
/* wcwidth is XSI: the core is built as POSIX.1-2008 only */
#define _XOPEN_SOURCE 700
#include "charterdash/core/text.h"

#include <langinfo.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <wctype.h>

#include "charterdash/core/utf8.h"

/* Characters an ASCII terminal can be given instead: Latin letters without
 * their accents (Azerbaijani ə ş ğ ı first among them), dashes, quotes,
 * the ellipsis. In a `pairs` range upper and lower case alternate, the
 * upper first; `ascii` is the upper case. Sorted by code point. */
struct transliteration {
	uint32_t from, to;
	bool pairs;
	const char *ascii;
};

static const struct transliteration transliterations[] = {
	{ 0x00A0, 0x00A0, false, " " }, { 0x00A9, 0x00A9, false, "(c)" }, { 0x00AB, 0x00AB, false, "<<" },
	{ 0x00AD, 0x00AD, false, "" }, { 0x00B7, 0x00B7, false, "." }, { 0x00BB, 0x00BB, false, ">>" },
	{ 0x00C0, 0x00C5, false, "A" }, { 0x00C6, 0x00C6, false, "AE" }, { 0x00C7, 0x00C7, false, "C" },
	{ 0x00C8, 0x00CB, false, "E" }, { 0x00CC, 0x00CF, false, "I" }, { 0x00D0, 0x00D0, false, "D" },
	{ 0x00D1, 0x00D1, false, "N" }, { 0x00D2, 0x00D6, false, "O" }, { 0x00D7, 0x00D7, false, "x" },
	{ 0x00D8, 0x00D8, false, "O" }, { 0x00D9, 0x00DC, false, "U" }, { 0x00DD, 0x00DD, false, "Y" },
	{ 0x00DF, 0x00DF, false, "ss" }, { 0x00E0, 0x00E5, false, "a" }, { 0x00E6, 0x00E6, false, "ae" },
	{ 0x00E7, 0x00E7, false, "c" }, { 0x00E8, 0x00EB, false, "e" }, { 0x00EC, 0x00EF, false, "i" },
	{ 0x00F1, 0x00F1, false, "n" }, { 0x00F2, 0x00F6, false, "o" }, { 0x00F8, 0x00F8, false, "o" },
	{ 0x00F9, 0x00FC, false, "u" }, { 0x00FD, 0x00FD, false, "y" }, { 0x00FF, 0x00FF, false, "y" },
	{ 0x0100, 0x0105, true, "A" }, { 0x0106, 0x010D, true, "C" }, { 0x010E, 0x0111, true, "D" },
	{ 0x0112, 0x011B, true, "E" }, { 0x011C, 0x0123, true, "G" }, { 0x0124, 0x0127, true, "H" },
	{ 0x0128, 0x0131, true, "I" }, { 0x0132, 0x0133, true, "IJ" }, { 0x0134, 0x0135, true, "J" },
	{ 0x0136, 0x0137, true, "K" }, { 0x0139, 0x0142, true, "L" }, { 0x0143, 0x0148, true, "N" },
	{ 0x014A, 0x014B, true, "N" }, { 0x014C, 0x0151, true, "O" }, { 0x0152, 0x0153, true, "OE" },
	{ 0x0154, 0x0159, true, "R" }, { 0x015A, 0x0161, true, "S" }, { 0x0162, 0x0167, true, "T" },
	{ 0x0168, 0x0173, true, "U" }, { 0x0174, 0x0175, true, "W" }, { 0x0176, 0x0177, true, "Y" },
	{ 0x0178, 0x0178, false, "Y" }, { 0x0179, 0x017E, true, "Z" }, { 0x018F, 0x018F, false, "E" },
	{ 0x0259, 0x0259, false, "e" }, { 0x0300, 0x036F, false, "" }, /* combining accents */
	{ 0x2010, 0x2013, false, "-" }, { 0x2014, 0x2015, false, "--" }, { 0x2018, 0x201B, false, "'" },
	{ 0x201C, 0x201F, false, "\"" }, { 0x2022, 0x2022, false, "*" }, { 0x2026, 0x2026, false, "..." },
	{ 0x2039, 0x2039, false, "<" }, { 0x203A, 0x203A, false, ">" }, { 0x20AC, 0x20AC, false, "EUR" },
	{ 0x2122, 0x2122, false, "TM" }, { 0x2190, 0x2190, false, "<-" }, { 0x2192, 0x2192, false, "->" },
	{ 0x2212, 0x2212, false, "-" },
};

/* The ASCII `cp` is drawn as: its transliteration, or "\u{hex}". */
static void ascii_for(uint32_t cp, char out[12])
{
	size_t lo = 0, hi = sizeof transliterations / sizeof transliterations[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct transliteration *t = &transliterations[mid];
		if (cp < t->from) {
			hi = mid;
		} else if (cp > t->to) {
			lo = mid + 1;
		} else {
			size_t n = strlen(t->ascii);
			bool lower = t->pairs && (cp - t->from) % 2 == 1;
			for (size_t i = 0; i <= n; i++) /* with the NUL */
				out[i] = lower && t->ascii[i] >= 'A' && t->ascii[i] <= 'Z' ? (char)(t->ascii[i] - 'A' + 'a')
				                                                           : t->ascii[i];
			return;
		}
	}
	snprintf(out, 12, "\\u{%x}", (unsigned)cp);
}

static bool locale_is_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);
	return codeset && (!strcasecmp(codeset, "UTF-8") || !strcasecmp(codeset, "utf8"));
}

/* A non-ASCII byte outside a UTF-8 locale: the data is still UTF-8. The
 * character is drawn as itself when the locale has it (é in Latin-1), as
 * ASCII otherwise. */
static struct text_char decode_foreign(const char *s, size_t len)
{
	struct text_char c = { 1, L'?', 1, true, false, "" };
	unsigned char buf[5] = { 0 };
	memcpy(buf, s, len < 4 ? len : 4);
	uint32_t cp;
	size_t n = utf8_next(buf, &cp);
	if (cp == UTF8_REPLACEMENT && n == 1) /* not UTF-8: one bad byte, as in any locale */
		return c;
	c.len = n;
	c.bad = false;
	c.wc = (wchar_t)cp;
	if (utf8_is_control(cp)) { /* C1: one column, drawn as a space */
		c.wc = L' ';
		return c;
	}
	char mb[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	int w = wcwidth((wchar_t)cp);
	if (!utf8_is_bidi_control(cp) && w >= 0 && wcrtomb(mb, (wchar_t)cp, &st) != (size_t)-1) {
		c.width = w > 2 ? 2 : w;
		return c;
	}
	c.substitute = true;
	ascii_for(cp, c.ascii);
	c.width = (int)strlen(c.ascii);
	return c;
}

struct text_char text_decode(const char *s, size_t len)
{
	struct text_char c = { 1, L'?', 1, true, false, "" };
	unsigned char b = len ? (unsigned char)s[0] : 0;
	if (b >= 0x20 && b < 0x7f) { /* printable ASCII, most text: the same in every locale */
		c.wc = (wchar_t)b;
		c.bad = false;
		return c;
	}
	if (b >= 0x80 && len && !locale_is_utf8())
		return decode_foreign(s, len);
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
