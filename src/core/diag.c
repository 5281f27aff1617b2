/* diag — located errors and warnings. */
#include "charterdash/core/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/buf.h"

void diag_init(struct diag_list *list, size_t limit)
{
	memset(list, 0, sizeof *list);
	list->limit = limit ? limit : DIAG_DEFAULT_LIMIT;
}

void diag_clear(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].file);
		free(list->items[i].message);
	}
	list->count = 0;
	list->errors = list->warnings = 0;
	list->truncated = false;
}

void diag_fini(struct diag_list *list)
{
	diag_clear(list);
	free(list->items);
	list->items = NULL;
	list->cap = 0;
}

bool diag_full(const struct diag_list *list)
{
	return list->count >= list->limit;
}

/* The attribute lets compilers check callers' formats instead of warning
 * (-Wformat-nonliteral) that this one is not a literal. */
static char *vformat(const char *fmt, va_list ap) DIAG_PRINTF(1, 0);
static char *vformat(const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

void diag_add(struct diag_list *list, enum diag_severity severity, const char *file,
              unsigned line, unsigned col, const char *fmt, ...)
{
	if (severity == DIAG_ERROR)
		list->errors++;
	else
		list->warnings++;
	if (diag_full(list)) {
		list->truncated = true;
		return;
	}
	struct diag *items = buf_grow_array(list->items, &list->cap, list->count, sizeof *items, 8);
	if (!items)
		return;
	list->items = items;
	va_list ap;
	va_start(ap, fmt);
	char *message = vformat(fmt, ap);
	va_end(ap);
	if (!message)
		return;
	struct diag *d = &list->items[list->count++];
	d->severity = severity;
	d->file = file ? strdup(file) : NULL;
	d->line = line;
	d->col = col;
	d->message = message;
}

void diag_format(const struct diag *d, char *buf, size_t size)
{
	const char *kind = d->severity == DIAG_ERROR ? "error" : "warning";
	if (d->file && d->line)
		snprintf(buf, size, "%s:%u:%u: %s: %s", d->file, d->line, d->col, kind, d->message);
	else if (d->file)
		snprintf(buf, size, "%s: %s: %s", d->file, kind, d->message);
	else
		snprintf(buf, size, "%s: %s", kind, d->message);
}

void diag_print(const struct diag_list *list, FILE *out)
{
	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];
		const char *kind = d->severity == DIAG_ERROR ? "error" : "warning";
		if (d->file && d->line)
			fprintf(out, "%s:%u:%u: %s: %s\n", d->file, d->line, d->col, kind, d->message);
		else if (d->file)
			fprintf(out, "%s: %s: %s\n", d->file, kind, d->message);
		else
			fprintf(out, "%s: %s\n", kind, d->message);
	}
	if (list->truncated)
		/* "so far": the loader stops looking once the list is full */
		fprintf(out, "note: stopped after %zu problems (%zu errors and %zu warnings so far); "
		             "fix these and run again\n", list->count, list->errors, list->warnings);
}
