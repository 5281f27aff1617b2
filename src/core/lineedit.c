/* lineedit — a one-line editor's buffer and cursor, by character. */
#include "charterdash/core/lineedit.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/text.h"

static bool reserve(struct lineedit *le, size_t need)
{
	if (need + 1 <= le->cap)
		return true;
	size_t cap = le->cap ? le->cap : 64;
	while (cap < need + 1)
		cap *= 2;
	char *b = realloc(le->buf, cap);
	if (!b)
		return false;
	le->buf = b;
	le->cap = cap;
	return true;
}

bool lineedit_init(struct lineedit *le, const char *text)
{
	memset(le, 0, sizeof *le);
	if (!reserve(le, 0))
		return false;
	le->buf[0] = '\0';
	return lineedit_set(le, text);
}

void lineedit_fini(struct lineedit *le)
{
	free(le->buf);
	memset(le, 0, sizeof *le);
}

bool lineedit_set(struct lineedit *le, const char *text)
{
	size_t n = text ? strlen(text) : 0;
	if (n > LINEEDIT_MAX)
		n = text_prefix(text, LINEEDIT_MAX, SIZE_MAX, NULL);
	le->len = le->cur = le->scroll = 0;
	if (le->buf)
		le->buf[0] = '\0';
	if (!reserve(le, n))
		return false;
	if (n)
		memcpy(le->buf, text, n);
	le->buf[n] = '\0';
	le->len = le->cur = n;
	return true;
}

const char *lineedit_text(const struct lineedit *le)
{
	return le->buf ? le->buf : "";
}

bool lineedit_insert(struct lineedit *le, const char *s, size_t n)
{
	if (n == 0)
		return true;
	if (le->len + n > LINEEDIT_MAX || !reserve(le, le->len + n))
		return false;
	memmove(le->buf + le->cur + n, le->buf + le->cur, le->len - le->cur + 1);
	memcpy(le->buf + le->cur, s, n);
	le->len += n;
	le->cur += n;
	return true;
}

bool lineedit_insert_char(struct lineedit *le, wchar_t wc)
{
	/* UTF-8 by hand: independent of the locale's codeset */
	unsigned long c = (unsigned long)wc;
	char b[4];
	size_t n;
	if (c < 0x80) {
		b[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = (char)(0xC0 | (c >> 6));
		b[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		if (c >= 0xD800 && c <= 0xDFFF)
			return false; /* a lone surrogate is not a character */
		b[0] = (char)(0xE0 | (c >> 12));
		b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else if (c < 0x110000) {
		b[0] = (char)(0xF0 | (c >> 18));
		b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	} else {
		return false;
	}
	return lineedit_insert(le, b, n);
}

/* --- characters ---------------------------------------------------------- */

static struct text_char char_at(const struct lineedit *le, size_t at)
{
	return text_decode(le->buf + at, le->len - at);
}

/* Start of the code point that ends at `at` (an invalid byte alone). */
static size_t prev_codepoint(const struct lineedit *le, size_t at)
{
	if (at == 0)
		return 0;
	for (size_t back = 1; back <= 4 && back <= at; back++) {
		unsigned char b = (unsigned char)le->buf[at - back];
		if ((b & 0xC0) == 0x80)
			continue; /* a continuation byte: look further back */
		if (char_at(le, at - back).len == back)
			return at - back;
		break;
	}
	return at - 1;
}

/* The character (base + zero-width marks) before / after a boundary. */
static size_t prev_char(const struct lineedit *le, size_t at)
{
	size_t p = prev_codepoint(le, at);
	while (p > 0) {
		struct text_char c = char_at(le, p);
		if (c.width != 0 || c.bad)
			break;
		p = prev_codepoint(le, p);
	}
	return p;
}

static size_t next_char(const struct lineedit *le, size_t at)
{
	if (at >= le->len)
		return le->len;
	at += char_at(le, at).len;
	while (at < le->len) {
		struct text_char c = char_at(le, at);
		if (c.width != 0 || c.bad)
			break;
		at += c.len;
	}
	return at;
}

static int char_width(const struct lineedit *le, size_t from, size_t to)
{
	int w = 0;
	while (from < to) {
		struct text_char c = char_at(le, from);
		w += c.width;
		from += c.len;
	}
	return w;
}

/* --- movement ------------------------------------------------------------ */

bool lineedit_left(struct lineedit *le)
{
	if (le->cur == 0)
		return false;
	le->cur = prev_char(le, le->cur);
	return true;
}

bool lineedit_right(struct lineedit *le)
{
	if (le->cur >= le->len)
		return false;
	le->cur = next_char(le, le->cur);
	return true;
}

bool lineedit_home(struct lineedit *le)
{
	bool moved = le->cur != 0;
	le->cur = 0;
	return moved;
}

bool lineedit_end(struct lineedit *le)
{
	bool moved = le->cur != le->len;
	le->cur = le->len;
	return moved;
}

/* --- deletion ------------------------------------------------------------ */

static bool delete_range(struct lineedit *le, size_t a, size_t b)
{
	if (a >= b)
		return false;
	memmove(le->buf + a, le->buf + b, le->len - b + 1);
	le->len -= b - a;
	if (le->cur >= b)
		le->cur -= b - a;
	else if (le->cur > a)
		le->cur = a;
	if (le->scroll >= b)
		le->scroll -= b - a;
	else if (le->scroll > a)
		le->scroll = a;
	return true;
}

bool lineedit_backspace(struct lineedit *le)
{
	return delete_range(le, prev_char(le, le->cur), le->cur);
}

bool lineedit_delete(struct lineedit *le)
{
	return delete_range(le, le->cur, next_char(le, le->cur));
}

bool lineedit_kill_start(struct lineedit *le)
{
	return delete_range(le, 0, le->cur);
}

bool lineedit_kill_end(struct lineedit *le)
{
	return delete_range(le, le->cur, le->len);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

bool lineedit_kill_word(struct lineedit *le)
{
	size_t a = le->cur;
	while (a > 0 && is_space(le->buf[a - 1]))
		a--;
	while (a > 0 && !is_space(le->buf[a - 1]))
		a = prev_char(le, a);
	return delete_range(le, a, le->cur);
}

/* --- horizontal scrolling ------------------------------------------------ */

/* The boundary before `at` that keeps at most `cols` columns in between. */
static size_t back_cols(const struct lineedit *le, size_t at, size_t cols)
{
	size_t w = 0;
	while (at > 0) {
		size_t p = prev_char(le, at);
		size_t cw = (size_t)char_width(le, p, at);
		if (w + cw > cols)
			break;
		w += cw;
		at = p;
	}
	return at;
}

void lineedit_window(struct lineedit *le, size_t cols, struct lineedit_window *w)
{
	if (cols < 1)
		cols = 1;
	size_t room = cols - 1; /* columns left of the cursor's cell */
	if (le->scroll > le->len)
		le->scroll = le->len;
	if (le->scroll > le->cur) /* moved left past the edge: show some context */
		le->scroll = back_cols(le, le->cur, room / 4);
	/* is the cursor within `room` columns of scroll? (walks at most that far) */
	size_t at = le->scroll, width = 0;
	bool fits = true;
	while (at < le->cur) {
		struct text_char c = char_at(le, at);
		if (width + (size_t)c.width > room) {
			fits = false;
			break;
		}
		width += (size_t)c.width;
		at += c.len;
	}
	if (!fits) { /* moved right past the edge: keep context on the left */
		le->scroll = back_cols(le, le->cur, room - room / 4);
		width = (size_t)char_width(le, le->scroll, le->cur);
	}
	/* le->scroll may sit inside a cluster after edits; it still decodes */
	w->start = le->scroll;
	w->cursor_col = width;
	at = le->scroll;
	size_t shown = 0;
	while (at < le->len) {
		struct text_char c = char_at(le, at);
		if (shown + (size_t)c.width > cols)
			break;
		shown += (size_t)c.width;
		at += c.len;
	}
	w->len = at - le->scroll;
	w->more_left = le->scroll > 0;
	w->more_right = at < le->len;
}
