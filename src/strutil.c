/* strutil — string helpers for values that may be absent (NULL). */
#include "charterdash/strutil.h"

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
