/* strutil — string helpers for values that may be absent (NULL). */
#include "charterdash/core/strutil.h"

#include <stdlib.h>
#include <string.h>

bool str_same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

char *str_dup_opt(const char *s, bool *ok)
{
	if (!s)
		return NULL;
	char *d = strdup(s);
	if (!d)
		*ok = false;
	return d;
}

size_t str_split_words(char *cmd, char **argv, size_t max)
{
	size_t n = 0;
	for (char *p = cmd; *p;) {
		while (*p == ' ')
			p++;
		if (!*p || n + 1 >= max)
			break;
		argv[n++] = p;
		while (*p && *p != ' ')
			p++;
		if (*p) /* end the word here */
			*p++ = '\0';
	}
	argv[n] = NULL;
	return n;
}

char *str_unconst(const char *s)
{
	union {
		const char *in;
		char *out;
	} u = { s };
	return u.out;
}

void str_short(const char *s, size_t max, char *out, size_t size)
{
	if (!size)
		return;
	size_t limit = size > 4 ? size - 4 : 0, n = 0;
	if (max < limit)
		limit = max;
	while (s[n] && n < limit)
		n++;
	while (n > 0 && s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--; /* never cut a character */
	for (size_t i = 0; i < n; i++)
		out[i] = (unsigned char)s[i] < 32 ? ' ' : s[i];
	out[n] = '\0';
	if (s[n] && size - n > 3)
		memcpy(out + n, "\xe2\x80\xa6", 4);
}
