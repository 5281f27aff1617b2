/* utf8 — decoding that never trusts its input. */
#ifndef CHARTERDASH_UTF8_H
#define CHARTERDASH_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu
#define UTF8_REPLACEMENT_TEXT "\xEF\xBF\xBD"

/* The code point at s and its length in bytes (0 only at the final NUL).
 * Invalid or truncated sequences (overlong, surrogates, past U+10FFFF)
 * read as U+FFFD of length 1, so a walk always advances and resynchronises
 * on the next byte. */
size_t utf8_next(const unsigned char *s, uint32_t *cp);

/* C0, DEL and C1: the characters terminals act on. */
bool utf8_is_control(uint32_t cp);

/* The bidirectional embedding, override and isolate controls (U+202A..E,
 * U+2066..9): invisible, yet they reorder what a terminal shows around them
 * ("Trojan source"), so they are shown as <U+XXXX> or escaped, never raw. */
bool utf8_is_bidi_control(uint32_t cp);

/* Byte length of the whitespace character at s (ASCII space and controls
 * \t..\r, NO-BREAK SPACE, NEXT LINE, the EN QUAD..HAIR SPACE block, LINE
 * and PARAGRAPH SEPARATOR, NARROW NO-BREAK SPACE, IDEOGRAPHIC SPACE), or 0. */
size_t utf8_space_length(const char *s);

/* True when s holds nothing but whitespace (or nothing at all). */
bool utf8_is_blank(const char *s);

#endif
