/* diag — located errors and warnings, printed the way compilers print them.
 *
 * Every problem charterdash finds in a file is a value with a place:
 * FILE:LINE:COL: error: MESSAGE. Lines and columns are 1-based; columns
 * count characters, not bytes. A list keeps at most `limit` entries so a
 * hostile file cannot flood the terminal; past it `truncated` is set. */
#ifndef CHARTERDASH_DIAG_H
#define CHARTERDASH_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag {
	enum diag_severity severity;
	char *file;          /* owned copy; may be NULL (no file, e.g. a usage error) */
	unsigned line, col;  /* 1-based; 0 when the problem has no place */
	char *message;       /* owned */
};

struct diag_list {
	struct diag *items;
	size_t count, cap;
	size_t errors, warnings; /* counted even past the limit */
	size_t limit;
	bool truncated;
};

#define DIAG_DEFAULT_LIMIT 50

void diag_init(struct diag_list *list, size_t limit);
void diag_fini(struct diag_list *list);
void diag_clear(struct diag_list *list);

#if defined(__GNUC__)
#define DIAG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DIAG_PRINTF(a, b)
#endif

/* Adds one entry; `line`/`col` 0 means no place. Never fails visibly:
 * on allocation failure the entry is counted but not stored. */
void diag_add(struct diag_list *list, enum diag_severity severity,
              const char *file, unsigned line, unsigned col,
              const char *fmt, ...) DIAG_PRINTF(6, 7);

/* True once the list is full: callers may stop looking for more. */
bool diag_full(const struct diag_list *list);

/* "FILE:LINE:COL: error: MESSAGE" per entry, then a note if truncated. */
void diag_print(const struct diag_list *list, FILE *out);

/* One entry formatted as above, without a newline, into buf. */
void diag_format(const struct diag *d, char *buf, size_t size);

#endif
