/* progress — the arithmetic of the dashboard and reports: counts, percent
 * done, the roadmap window and phase, reviews, the attention buckets and
 * each group's state. Pure functions of the model and a `today` passed in.
 *
 * The attention bucket of a milestone, the one rule every view counts by
 * (header, agenda, minutes, reports): none when done; else overdue when
 * it is dated and due before today; else blocked when it is blocked; else
 * due soon when dated and today <= due <= today + attention_days.
 *
 * The state, by due dates: none without milestones; done when all are
 * done; else overdue when any is overdue (not done, due before today);
 * else at risk when any is blocked or any not started one is due soon
 * (today <= due <= today + attention_days); else on track. A milestone
 * with no date yet (`due: ~`) is never overdue or due soon. */
#ifndef CHARTERDASH_PROGRESS_H
#define CHARTERDASH_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/core/charter.h"

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

enum attention { ATTENTION_NONE, ATTENTION_OVERDUE, ATTENTION_BLOCKED, ATTENTION_DUE_SOON, ATTENTION_COUNT };

/* "overdue", "blocked", "due soon"; "" for NONE. */
const char *attention_label(enum attention a);
/* "overdue", "blocked", "due_soon" for machine formats; NULL for NONE. */
const char *attention_key(enum attention a);

/* The rule itself on serial days (date_to_serial): `dated` false for
 * `due: ~`, when `due` is not looked at; `days` is the due-soon window. */
enum attention progress_attention_rule(enum status s, bool dated, long due, long now, long days);
/* Milestone m's bucket on `today`, due soon within `days` (the agenda's
 * --days) or within the charter's attention_days. */
enum attention progress_attention_within(const struct charter *c, const struct milestone *m, struct date today,
                                         long days);
enum attention progress_attention(const struct charter *c, const struct milestone *m, struct date today);

/* The rules in words, as the help screen lists them and README.md's
 * "In the dashboard" table states them (test_ui_session holds them
 * against both). */
struct progress_rule {
	const char *word, *meaning;
};
extern const struct progress_rule progress_rules[];
extern const size_t progress_rule_count;

struct progress {
	size_t total;
	size_t counts[STATUS_COUNT];
	/* Milestones per attention bucket (attention_days): they add up to the
	 * milestones needing attention; [ATTENTION_NONE] holds the rest. */
	size_t attention[ATTENTION_COUNT];
	size_t due_soon_not_started; /* of the due soon, not started (the state's "at risk") */
	size_t roadmap_done;      /* of the roadmap phase (due on or before the deadline) */
	size_t roadmap_total;
	/* What became of the roadmap phase's done milestones: done on or
	 * before their due date (on time), after it (late), or on an unknown
	 * date (undated: no `completed`); the rest of roadmap_total is open.
	 * After the deadline this is the phase's outcome: closing an open one
	 * later makes it late, never on time. */
	size_t roadmap_on_time, roadmap_late, roadmap_undated;
	bool has_last_late;
	struct date last_late;    /* the latest completion among the late */
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

/* Not done, dated, and today <= due <= today + days. */
bool progress_is_due_within(const struct charter *c, const struct milestone *m, struct date today, long days);
/* progress_is_due_within the charter's attention_days. */
bool progress_is_due_soon(const struct charter *c, const struct milestone *m, struct date today);
/* Its effective due date is on or before the roadmap deadline. */
bool progress_in_roadmap(const struct charter *c, const struct milestone *m);

/* Counts and state over milestones [first, first + count). */
void progress_range(const struct charter *c, size_t first, size_t count, struct date today,
                    struct progress *out);

/* What progress_range counts a milestone as: its enum attention in the
 * low bits (progress_fact_attention), and whether it is in the roadmap phase. */
enum progress_fact { PROGRESS_ATTENTION_BITS = 3u, PROGRESS_IN_ROADMAP = 1u << 2 };
enum attention progress_fact_attention(unsigned facts);

/* progress_range that also writes milestone first + i's facts to facts[i]
 * (NULL: it does not), so a report needs no second walk for them. */
void progress_range_facts(const struct charter *c, size_t first, size_t count, struct date today,
                          struct progress *out, unsigned char *facts);
/* One milestone's facts (the same rule, without a walk). */
unsigned progress_facts(const struct charter *c, const struct milestone *m, struct date today);

/* Adds part's counts to sum and judges sum's percent and state anew: the
 * charter's progress is the sum of its groups'. */
void progress_add(struct progress *sum, const struct progress *part);
void progress_group(const struct charter *c, size_t group, struct date today, struct progress *out);
void progress_charter(const struct charter *c, struct date today, struct progress *out);

/* Delivery over the done milestones whose lateness is known (a
 * `completed` and a due date): how many, how many on time (lateness <= 0),
 * and the median lateness in half days (so 2.5 days is 5); no median when
 * there are none. */
struct delivery {
	size_t done_with_date, on_time;
	bool has_median;
	long median_half_days;
};

/* false when out of memory (the median needs a copy of the lateness). */
bool progress_delivery(const struct charter *c, size_t first, size_t count, struct delivery *out);

/* Review k (0 = the first): charter.reviews[k], or without that key the
 * (k+1)th anniversary of signing (clamped: 29 February becomes the 28th).
 * False when the list has no review k. */
bool progress_review(const struct charter *c, size_t k, struct date *out);

/* The first review on or after today; false when none is planned (every
 * review of an explicit list is past). *index is its k (may be NULL). */
bool progress_find_next_review(const struct charter *c, struct date today, struct date *out, size_t *index);

/* progress_find_next_review for callers that always want a date: when none
 * is planned, the last review listed (or signing if there is none). */
struct date progress_next_review(const struct charter *c, struct date today);

#endif
