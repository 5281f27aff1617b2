/* charter — the model: a charter, its working groups and their milestones,
 * built from a parsed YAML document and validated against the data format
 * documented in README.md ("Data file").
 *
 * A struct charter owns its source text and the doc parsed from it; every
 * string in the model points into the doc and lives as long as the charter.
 * Milestones are stored flat, group by group, in file order: group g owns
 * milestones[g.first .. g.first + g.count). */
#ifndef CHARTERDASH_CHARTER_H
#define CHARTERDASH_CHARTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "charterdash/core/date.h"
#include "charterdash/core/diag.h"
#include "charterdash/core/doc.h"

enum status { STATUS_NOT_STARTED, STATUS_IN_PROGRESS, STATUS_BLOCKED, STATUS_DONE, STATUS_COUNT };

/* "not_started" ... as written in files. */
const char *status_key(enum status s);
/* "not started" ... for people. */
const char *status_label(enum status s);
/* Parses a file key; false when it is not one of the four. */
bool status_parse(const char *text, enum status *out);

#define CHARTER_DEFAULT_ROADMAP_MONTHS 3
#define CHARTER_DEFAULT_ATTENTION_DAYS 14
#define CHARTER_MAX_ATTENTION_DAYS 3660 /* ten years; the messages say 3660 */

struct milestone {
	const char *id;
	const char *title;
	const char *owner; /* NULL when absent */
	const char *notes; /* NULL when absent */
	enum status status;
	/* the flags side by side: 100k milestones are most of a report's
	 * memory after the file and its nodes (peak RSS <= 3x the file) */
	bool has_due;      /* false: due on the roadmap deadline (or no date, below) */
	bool due_unset;    /* `due: ~` / `due:` written: no date yet (never overdue,
	                    * not in the roadmap phase); an absent key is the deadline */
	bool has_completed; /* `completed: DATE` given: when it was done */
	struct date due;
	struct date completed;
	uint32_t group;    /* index into charter.groups */
	uint32_t node;     /* its mapping in the doc */
};

struct group {
	const char *id;
	const char *name;
	const char *short_name;  /* `short:`, for narrow panes; NULL when absent */
	const char *description; /* NULL when absent */
	const char **leads;      /* owned array of borrowed strings */
	size_t lead_count;
	size_t first, count;     /* its milestones in charter.milestones */
	uint32_t node;           /* its mapping in the doc */
};

struct charter {
	char *text; /* the source, owned */
	size_t text_len;
	char *path; /* owned copy of the file name */
	struct doc doc;

	const char *title;
	struct date signed_on;
	int roadmap_months;
	bool explicit_deadline; /* roadmap_deadline given in the file */
	struct date deadline;
	int attention_days;     /* the due-soon window, default 14 */
	struct date *reviews;   /* owned; charter.reviews in file order, ascending */
	size_t review_count;
	bool explicit_reviews;  /* reviews given in the file; else anniversaries of signing */

	struct group *groups;
	size_t group_count;
	struct milestone *milestones;
	size_t milestone_count;
};

/* Parses and validates `text` (ownership moves to the charter, even on
 * failure). `path` names the file in diagnostics. Returns true and a
 * complete model when there are no errors; on false every problem found is
 * in diags and the charter must still be finished with charter_fini. */
bool charter_load_text(struct charter *c, const char *path, char *text, size_t len,
                       struct diag_list *diags);

/* charter_load_text for `text`, which is before's text with bytes
 * [start, end) replaced by piece_len bytes (a save's splice): only the
 * lines the splice can affect are parsed again when doc_reparse can show
 * that is enough, else the whole text is. The same result either way. */
bool charter_load_spliced(struct charter *c, const struct charter *before, const char *path, char *text,
                          size_t len, size_t start, size_t end, size_t piece_len, struct diag_list *diags);

/* Reads the whole regular file, NUL-terminated (the caller frees it); NULL
 * with the problem in diags ("FILE: error: cannot open: ..."). */
char *charter_read_file(const char *path, size_t *len, struct diag_list *diags);

/* Reads the whole file, then as charter_load_text. I/O problems are
 * reported in diags too ("FILE: error: cannot open: ..."). */
bool charter_load_file(struct charter *c, const char *path, struct diag_list *diags);

void charter_fini(struct charter *c);

/* Index of the milestone/group with this id, or -1. Linear: callers with
 * many lookups build their own index. */
long charter_find_milestone(const struct charter *c, const char *id);
long charter_find_group(const struct charter *c, const char *id);

/* The milestone's effective due date: its own, or the roadmap deadline.
 * Also the deadline for a milestone with no date yet (due_unset): callers
 * that judge time ask milestone_has_date first. */
struct date milestone_due(const struct charter *c, const struct milestone *m);

/* False for `due: ~` (no date yet); true for a date or an absent due. */
bool milestone_has_date(const struct milestone *m);

/* Lateness of a done milestone with a completion date and a due date:
 * completed - effective due, in days (negative: early). False when it has
 * no meaning (not done, no `completed`, or `due: ~`). */
bool milestone_late_days(const struct charter *c, const struct milestone *m, long *days);

/* The checks on `completed` that need today or are advice rather than
 * errors: a completion date on a milestone that is not done, or after
 * `today`. Added with `severity` (DIAG_WARNING for `check`, DIAG_ERROR
 * for `check --strict`) at the value's place; returns how many. */
size_t charter_check_completed(struct charter *c, struct date today, enum diag_severity severity,
                               struct diag_list *diags);

#endif
