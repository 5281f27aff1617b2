/* json — string escaping and flat-object parsing. */
#include "charterdash/core/json.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "charterdash/core/utf8.h"

void json_put_string(struct buf *out, const char *value)
{
	if (!value) {
		buf_puts(out, "null");
		return;
	}
	buf_putc(out, '"');
	const unsigned char *p = (const unsigned char *)value;
	for (;;) {
		/* most text is printable ASCII: copy each such run at once */
		const unsigned char *run = p;
		while (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\')
			p++;
		if (p > run)
			buf_append(out, (const char *)run, (size_t)(p - run));
		if (!*p)
			break;
		uint32_t cp;
		size_t n = utf8_next(p, &cp);
		char esc[8];
		switch (cp) {
		case '"': buf_puts(out, "\\\""); break;
		case '\\': buf_puts(out, "\\\\"); break;
		case '\b': buf_puts(out, "\\b"); break;
		case '\f': buf_puts(out, "\\f"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\r': buf_puts(out, "\\r"); break;
		case '\t': buf_puts(out, "\\t"); break;
		default:
			/* Controls (C0, DEL, C1) would reach terminals through `jq -r`;
			 * U+2028/2029 are valid JSON but end a line in JavaScript;
			 * bidi controls reorder a line shown raw ("Trojan source");
			 * invalid bytes become U+FFFD so the output is always JSON. */
			if (utf8_is_control(cp) || utf8_is_bidi_control(cp) || cp == 0x2028 || cp == 0x2029 ||
			    (cp == UTF8_REPLACEMENT && n == 1)) {
				snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
				buf_puts(out, esc);
			} else {
				buf_append(out, (const char *)p, n);
			}
		}
		p += n;
	}
	buf_putc(out, '"');
}

static void skip_space(char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

/* Four hex digits; stops at the first other character (the string's NUL
 * included: nothing past it is read). */
static unsigned hex4(const char *s, bool *ok)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else {
			*ok = false;
			return 0;
		}
	}
	return v;
}

static char *put_utf8(char *w, unsigned cp)
{
	if (cp < 0x80) {
		*w++ = (char)cp;
	} else if (cp < 0x800) {
		*w++ = (char)(0xC0 | (cp >> 6));
		*w++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*w++ = (char)(0xE0 | (cp >> 12));
		*w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*w++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*w++ = (char)(0xF0 | (cp >> 18));
		*w++ = (char)(0x80 | ((cp >> 12) & 0x3F));
		*w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*w++ = (char)(0x80 | (cp & 0x3F));
	}
	return w;
}

/* Decodes a string starting at the opening quote, in place; the decoded
 * text never grows, so it fits where the escaped text was. */
static char *parse_string(char **p)
{
	char *r = *p + 1, *w = *p + 1, *start = w;
	while (*r && *r != '"') {
		if (*r != '\\') {
			*w++ = *r++;
			continue;
		}
		r++;
		bool ok = true;
		switch (*r) {
		case '"': case '\\': case '/': *w++ = *r++; break;
		case 'n': *w++ = '\n'; r++; break;
		case 'r': *w++ = '\r'; r++; break;
		case 't': *w++ = '\t'; r++; break;
		case 'b': *w++ = '\b'; r++; break;
		case 'f': *w++ = '\f'; r++; break;
		case 'u': {
			unsigned cp = hex4(r + 1, &ok);
			if (!ok)
				return NULL;
			r += 5;
			if (cp >= 0xD800 && cp <= 0xDBFF && r[0] == '\\' && r[1] == 'u') {
				unsigned lo = hex4(r + 2, &ok);
				if (ok && lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					r += 6;
				}
			}
			/* NUL would cut the C string; a lone surrogate is no character. */
			if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
				cp = 0xFFFD;
			w = put_utf8(w, cp);
			break;
		}
		default:
			return NULL;
		}
	}
	if (*r != '"')
		return NULL;
	*w = '\0';
	*p = r + 1;
	return start;
}

int json_parse_flat(char *line, const char **keys, const char **values, int max)
{
	char *p = line;
	int n = 0;
	skip_space(&p);
	if (*p++ != '{')
		return -1;
	skip_space(&p);
	if (*p == '}')
		return 0;
	for (;;) {
		skip_space(&p);
		if (*p != '"')
			return -1;
		char *key = parse_string(&p);
		if (!key)
			return -1;
		skip_space(&p);
		if (*p++ != ':')
			return -1;
		skip_space(&p);
		char *value;
		if (*p == '"') {
			value = parse_string(&p);
			if (!value)
				return -1;
		} else if (strncmp(p, "null", 4) == 0) {
			value = NULL;
			p += 4;
		} else {
			return -1;
		}
		if (n < max) {
			keys[n] = key;
			values[n] = value;
			n++;
		}
		skip_space(&p);
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p == '}')
			return n;
		return -1;
	}
}
