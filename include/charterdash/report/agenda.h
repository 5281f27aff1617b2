/* agenda — what a meeting should look at, across all working groups:
 * overdue work, blocked work, work due soon and work done recently.
 *
 * Each milestone is in at most one of the first three sections (overdue
 * wins over blocked, blocked over due soon). Those three are ordered by
 * due date, then file order; a milestone with no date yet comes after the
 * dated ones. "Done recently": milestones done now whose `completed` date
 * is within the last `days` days (today included); for one without a
 * completion date, the change history says when its status last became
 * done (by the UTC date of the change). Newest first.
 * Pure: `today` and the history are passed in. */
#ifndef CHARTERDASH_AGENDA_H
#define CHARTERDASH_AGENDA_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/core/charter.h"
#include "charterdash/store/history.h"

enum agenda_section { AGENDA_OVERDUE, AGENDA_BLOCKED, AGENDA_DUE_SOON, AGENDA_DONE_RECENTLY, AGENDA_SECTIONS };

struct agenda_entry {
	size_t milestone;  /* index into charter.milestones */
	long sort_due;     /* serial day of the due date; LONG_MAX when there is none */
	char when[24];     /* done recently: the completion date, or the history entry's time */
};

struct agenda {
	struct date today;
	long days;
	struct agenda_entry *entries[AGENDA_SECTIONS]; /* owned */
	size_t count[AGENDA_SECTIONS];
};

/* "overdue", "blocked", "due_soon", "done_recently" (the JSON keys). */
const char *agenda_section_key(enum agenda_section s);
/* "Overdue", "Blocked", "Due soon", "Done recently". */
const char *agenda_section_title(enum agenda_section s);

/* Fills the four sections. `days` (>= 0) is the window for due soon and
 * done recently; `history` may be NULL (completion dates only). False when
 * memory runs out (the agenda is then empty but must still be finished). */
bool agenda_build(struct agenda *a, const struct charter *c, struct date today, long days,
                  const struct history *history);
void agenda_fini(struct agenda *a);

#endif
