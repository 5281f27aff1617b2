/* text — UTF-8 text measured in terminal columns.
 *
 * Pure functions over NUL-terminated or length-delimited byte strings,
 * decoded with the current locale (mbrtowc + wcwidth): call
 * setlocale(LC_ALL, "") first. The rules every function shares:
 *   - a double-width character counts two columns, a combining one zero;
 *   - a byte that does not start a valid character in the locale's codeset
 *     counts one column and is never split from or merged with its
 *     neighbours (it is drawn as a replacement character);
 *   - a control character (tab, newline...) counts one column (drawn as a
 *     space);
 *   - data text is UTF-8: in a locale whose codeset is not UTF-8 (LANG=C), a
 *     character the locale cannot show counts as the ASCII it is drawn as
 *     (struct text_char's `ascii`), never as one '?' per byte.
 * Nothing here allocates; outputs go to caller buffers and are always
 * NUL-terminated when their size is not 0. */
#ifndef CHARTERDASH_TEXT_H
#define CHARTERDASH_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#define TEXT_ELLIPSIS_UTF8 "\xe2\x80\xa6" /* U+2026 "…", one column */
#define TEXT_ELLIPSIS_ASCII "..."

/* One decoded character. */
struct text_char {
	size_t len;  /* bytes consumed, >= 1 */
	wchar_t wc;  /* the character to draw: L'?' for an invalid byte, L' ' for a control,
	              * U+FFFD for a bidi control (it would reorder the line) */
	int width;   /* columns: 0, 1 or 2; with `substitute`, strlen(ascii) */
	bool bad;    /* an invalid byte (or a truncated sequence) */
	/* Outside a UTF-8 locale, a UTF-8 character the locale cannot show is
	 * drawn as `ascii` instead: a transliteration ("e" for ə, "s" for ş,
	 * "..." for …, "" for a combining accent) or else an escape of its code
	 * point ("\u{4e2d}"). wc is still the character (for searching). */
	bool substitute;
	char ascii[12];
};

/* Decodes the character at s; len (> 0) bytes are available. */
struct text_char text_decode(const char *s, size_t len);

/* Display width in columns of len bytes at s / of a NUL-terminated string. */
size_t text_width_n(const char *s, size_t len);
size_t text_width(const char *s);

/* Bytes of the longest prefix of s (len bytes) that fits in `cols`
 * columns, ending at a character boundary; *width (when not NULL)
 * receives its width. Zero-width characters following the prefix's last
 * character stay with it. */
size_t text_prefix(const char *s, size_t len, size_t cols, size_t *width);

/* The ellipsis in use and its width: "…" (1) or "..." (3) when ascii. */
const char *text_ellipsis(bool ascii);
size_t text_ellipsis_width(bool ascii);

/* Writes s into out when it fits in `cols` columns; otherwise the longest
 * prefix that fits in cols minus the ellipsis, then the ellipsis (when
 * cols is narrower than the ellipsis itself, as many dots as fit). The
 * result's width can be one less than cols when a double-width character
 * would straddle the edge. Returns the result's width. Truncates safely
 * (at a character boundary) when out_size is too small. */
size_t text_truncate(char *out, size_t out_size, const char *s, size_t cols, bool ascii);

/* text_truncate, then spaces up to exactly `cols` columns: after the text
 * (left aligned) or before it (right). Returns cols (or less when out_size
 * is too small). */
size_t text_pad(char *out, size_t out_size, const char *s, size_t cols, bool ascii, bool right);

/* A line of wrapped text: bytes [start, start + len) of the source. */
struct text_span {
	size_t start, len;
};

/* Wraps s into lines of at most `cols` columns: breaks after spaces, keeps
 * each '\n' as a hard break (a final newline does not add an empty line),
 * drops the spaces where a line breaks, and splits a word longer than a
 * line at a character boundary. Fills at most `max` spans and returns the
 * number of lines the whole text needs (call with max 0 to count). A
 * character wider than cols gets a line of its own. cols 0 gives 0 lines. */
size_t text_wrap(const char *s, size_t cols, struct text_span *lines, size_t max);

/* Case-insensitive search (towlower on decoded characters) of needle in
 * hay. On a match returns true with the byte offset and byte length of the
 * matched text in hay; an empty needle or a NULL hay never matches. */
bool text_find(const char *hay, const char *needle, size_t *at, size_t *len);

#endif
