/* report_escape — quoting for the JSON, CSV and Markdown writers.
 *
 * All three walk the text one UTF-8 character at a time. The loader only
 * accepts valid UTF-8, but a double-quoted YAML string can still hold any
 * control character ("\e[31m"), so nothing here trusts the bytes: invalid
 * sequences become U+FFFD and control characters are escaped or replaced,
 * never written raw where a terminal might interpret them. */
#include "charterdash/report.h"

#include <stdint.h>
#include <string.h>

#define REPLACEMENT 0xFFFDu
#define REPLACEMENT_UTF8 "\xEF\xBF\xBD"

/* The code point at s and its length in bytes. Invalid or truncated
 * sequences (overlong, surrogates, past U+10FFFF) read as U+FFFD of length
 * 1, so the walk always advances and resynchronises on the next byte. */
static size_t next_char(const unsigned char *s, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t n;
	uint32_t v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2, v = c & 0x1Fu, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3, v = c & 0x0Fu, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4, v = c & 0x07u, min = 0x10000;
	} else {
		*cp = REPLACEMENT;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) { /* also stops at the terminating NUL */
			*cp = REPLACEMENT;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3Fu);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = REPLACEMENT;
		return 1;
	}
	*cp = v;
	return n;
}

/* C0, DEL and C1: the characters terminals act on. */
static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* Writes the character at s (n bytes, code point cp), or U+FFFD when it
 * was invalid. */
static void put_char(FILE *out, const unsigned char *s, size_t n, uint32_t cp)
{
	if (cp == REPLACEMENT && n == 1)
		fputs(REPLACEMENT_UTF8, out);
	else
		fwrite(s, 1, n, out);
}

void report_json_string(FILE *out, const char *text)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	fputc('"', out);
	while (*s) {
		uint32_t cp;
		size_t n = next_char(s, &cp);
		switch (cp) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\b': fputs("\\b", out); break;
		case '\f': fputs("\\f", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			/* U+2028/2029 are valid JSON but end a line in JavaScript. */
			if (is_control(cp) || cp == 0x2028 || cp == 0x2029)
				fprintf(out, "\\u%04x", (unsigned)cp);
			else if (cp == REPLACEMENT && n == 1)
				fputs("\\ufffd", out);
			else
				fwrite(s, 1, n, out);
		}
		s += n;
	}
	fputc('"', out);
}

void report_plain_text(FILE *out, const char *text)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	while (*s) {
		uint32_t cp;
		size_t n = next_char(s, &cp);
		if (cp == '\n' || cp == '\r' || cp == '\t')
			fputc(' ', out);
		else if (is_control(cp))
			fputs(REPLACEMENT_UTF8, out);
		else
			put_char(out, s, n, cp);
		s += n;
	}
}

void report_csv_field(FILE *out, const char *text)
{
	const char *t = text ? text : "";
	bool quote = strpbrk(t, ",\"\r\n") != NULL;
	const unsigned char *s = (const unsigned char *)t;
	if (quote)
		fputc('"', out);
	while (*s) {
		uint32_t cp;
		size_t n = next_char(s, &cp);
		if (cp == '"')
			fputs("\"\"", out);
		else if (is_control(cp) && cp != '\t' && cp != '\r' && cp != '\n')
			fputs(REPLACEMENT_UTF8, out);
		else
			put_char(out, s, n, cp);
		s += n;
	}
	if (quote)
		fputc('"', out);
}

static bool is_alnum_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

/* True when only line breaks remain: a literal block scalar's final
 * newline should not become a trailing <br>. */
static bool only_breaks_left(const unsigned char *s)
{
	while (*s == '\n' || *s == '\r')
		s++;
	return *s == '\0';
}

void report_md_text(FILE *out, const char *text, enum report_md_context where)
{
	const unsigned char *start = (const unsigned char *)(text ? text : "");
	const unsigned char *s = start;
	while (*s) {
		uint32_t cp;
		size_t n = next_char(s, &cp);
		if (cp == '\r' || cp == '\n') {
			if (cp == '\r' && s[1] == '\n')
				n = 2; /* CRLF is one break */
			if (!only_breaks_left(s))
				fputs(where == REPORT_MD_CELL ? "<br>" : " ", out);
			else
				break;
		} else if (cp == '\t') {
			fputc(' ', out);
		} else if (is_control(cp)) {
			fputs(REPLACEMENT_UTF8, out);
		} else if (cp == '_') {
			/* An underscore inside a word never starts emphasis
			 * (CommonMark), so snake_case stays readable. */
			bool inside = s > start && is_alnum_byte(s[-1]) && is_alnum_byte(s[1]);
			fputs(inside ? "_" : "\\_", out);
		} else if (cp < 0x80 && strchr("\\`*[]<|~", (int)cp)) {
			fputc('\\', out);
			fputc((int)cp, out);
		} else if (cp == '#' && where == REPORT_MD_HEADING) {
			fputs("\\#", out); /* a trailing " #" would close the heading */
		} else {
			put_char(out, s, n, cp);
		}
		s += n;
	}
}
