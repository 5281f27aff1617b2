/* progress — the arithmetic of the dashboard and reports: counts, percent
 * done, the roadmap window, overdue milestones and each group's state.
 * Pure functions of the model and a `today` passed in. */
#ifndef CHARTERDASH_PROGRESS_H
#define CHARTERDASH_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/charter.h"

enum group_state {
	STATE_EMPTY,    /* no milestones: no percent, no state */
	STATE_ON_TRACK,
	STATE_AT_RISK,
	STATE_OVERDUE,
	STATE_DONE
};

/* "on track", "at risk", "overdue", "done"; "no milestones" for EMPTY. */
const char *state_label(enum group_state s);
/* "on_track", ... for machine formats; NULL for EMPTY. */
const char *state_key(enum group_state s);

struct progress {
	size_t total;
	size_t counts[STATUS_COUNT];
	size_t overdue;           /* milestones past due and not done */
	int percent;              /* floor(100 * done / total); -1 when total is 0 */
	enum group_state state;
};

/* How far `today` is through the roadmap window (signing to deadline),
 * as a fraction num/den clamped to [0, 1]; den is never 0. */
struct window_fraction {
	long num, den;
};

struct window_fraction progress_elapsed(const struct charter *c, struct date today);
double progress_elapsed_ratio(const struct charter *c, struct date today);

/* Deadline - today: positive = days left, negative = days past. */
long progress_days_left(const struct charter *c, struct date today);

bool progress_is_overdue(const struct charter *c, const struct milestone *m, struct date today);

/* Counts and state over milestones [first, first + count). */
void progress_range(const struct charter *c, size_t first, size_t count, struct date today,
                    struct progress *out);
void progress_group(const struct charter *c, size_t group, struct date today, struct progress *out);
void progress_charter(const struct charter *c, struct date today, struct progress *out);

/* The first anniversary of signing strictly after today (the charter's
 * governments meet at least annually). */
struct date progress_next_review(const struct charter *c, struct date today);

#endif
