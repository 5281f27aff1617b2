/* lineedit — the text of a one-line editor, apart from how it is drawn.
 *
 * A byte buffer of UTF-8 and a cursor (a byte offset, always at a
 * character boundary). Movement and deletion go by character: a base
 * character together with the zero-width (combining) characters after it;
 * an invalid byte is a character of its own. Widths come from text.h
 * (wide characters take two columns). lineedit_window scrolls the text
 * horizontally so the cursor stays in view, in time proportional to the
 * width shown (not to the text's length), so a pasted flood of characters
 * stays fast. Pure: no curses, no I/O. */
#ifndef CHARTERDASH_LINEEDIT_H
#define CHARTERDASH_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* Longest text accepted, in bytes: typing or pasting beyond it is refused. */
#define LINEEDIT_MAX 65536

struct lineedit {
	char *buf;     /* owned, NUL-terminated */
	size_t len;    /* bytes */
	size_t cap;
	size_t cur;    /* cursor, byte offset */
	size_t scroll; /* first byte shown (kept by lineedit_window) */
};

/* Starts with `text` (NULL: empty), the cursor at its end. False when
 * memory runs out (the editor is then empty but usable). */
bool lineedit_init(struct lineedit *le, const char *text);
void lineedit_fini(struct lineedit *le);
/* Replaces the text, the cursor at its end. */
bool lineedit_set(struct lineedit *le, const char *text);

const char *lineedit_text(const struct lineedit *le);

/* Inserts bytes (or one character) at the cursor and moves past them.
 * False (nothing inserted) beyond LINEEDIT_MAX or out of memory. */
bool lineedit_insert(struct lineedit *le, const char *s, size_t n);
bool lineedit_insert_char(struct lineedit *le, wchar_t wc);

/* Movement; each returns true when the cursor moved. */
bool lineedit_left(struct lineedit *le);
bool lineedit_right(struct lineedit *le);
bool lineedit_home(struct lineedit *le);
bool lineedit_end(struct lineedit *le);

/* Deletion; each returns true when the text changed. */
bool lineedit_backspace(struct lineedit *le);   /* the character before the cursor */
bool lineedit_delete(struct lineedit *le);      /* the character under the cursor */
bool lineedit_kill_start(struct lineedit *le);  /* Ctrl-U: from the start to the cursor */
bool lineedit_kill_end(struct lineedit *le);    /* Ctrl-K: from the cursor to the end */
bool lineedit_kill_word(struct lineedit *le);   /* Ctrl-W: spaces, then the word before the cursor */

/* What to show in `cols` columns (>= 1): bytes [start, start + len), the
 * cursor's column in it, and whether text is hidden on either side. The
 * cursor cell itself always fits (a cursor at the end needs one column). */
struct lineedit_window {
	size_t start, len;
	size_t cursor_col;
	bool more_left, more_right;
};
void lineedit_window(struct lineedit *le, size_t cols, struct lineedit_window *w);

#endif
