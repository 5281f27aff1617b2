/* report_escape — quoting for the JSON, CSV and Markdown writers.
 *
 * All three walk the text one UTF-8 character at a time. The loader only
 * accepts valid UTF-8, but a double-quoted YAML string can still hold any
 * control character ("\e[31m"), so nothing here trusts the bytes: invalid
 * sequences become U+FFFD and control characters are escaped or replaced,
 * never written raw where a terminal might interpret them. */
#include "charterdash/report/report.h"

#include <stdint.h>
#include <string.h>

#include "charterdash/core/buf.h"
#include "charterdash/core/json.h"
#include "charterdash/core/utf8.h"

/* Writes the character at s (n bytes, code point cp): U+FFFD when it was
 * invalid, a bidi control by its name so that it cannot reorder the line. */
static void put_char(FILE *out, const unsigned char *s, size_t n, uint32_t cp)
{
	if (cp == UTF8_REPLACEMENT && n == 1)
		fputs(UTF8_REPLACEMENT_TEXT, out);
	else if (utf8_is_bidi_control(cp))
		fprintf(out, "<U+%04X>", (unsigned)cp);
	else
		fwrite(s, 1, n, out);
}

void report_json_string(FILE *out, const char *text)
{
	struct buf b;
	buf_init(&b);
	json_put_string(&b, text ? text : "");
	if (b.data)
		fwrite(b.data, 1, b.len, out);
	buf_fini(&b);
}

void report_plain_text(FILE *out, const char *text)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	while (*s) {
		uint32_t cp;
		size_t n = utf8_next(s, &cp);
		if (cp == '\n' || cp == '\r' || cp == '\t')
			fputc(' ', out);
		else if (utf8_is_control(cp))
			fputs(UTF8_REPLACEMENT_TEXT, out);
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
		size_t n = utf8_next(s, &cp);
		if (cp == '"')
			fputs("\"\"", out);
		else if (utf8_is_control(cp) && cp != '\t' && cp != '\r' && cp != '\n')
			fputs(UTF8_REPLACEMENT_TEXT, out);
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
		size_t n = utf8_next(s, &cp);
		if (cp == '\r' || cp == '\n') {
			if (cp == '\r' && s[1] == '\n')
				n = 2; /* CRLF is one break */
			if (!only_breaks_left(s))
				fputs(where == REPORT_MD_CELL ? "<br>" : " ", out);
			else
				break;
		} else if (cp == '\t') {
			fputc(' ', out);
		} else if (utf8_is_control(cp)) {
			fputs(UTF8_REPLACEMENT_TEXT, out);
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
