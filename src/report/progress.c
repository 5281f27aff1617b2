/* progress — counts, percent, roadmap window and group state. */
#include "charterdash/report/progress.h"

#include <stdlib.h>

static const char *const state_labels[] = { "no milestones", "on track", "at risk", "overdue", "done" };
static const char *const state_keys[] = { NULL, "on_track", "at_risk", "overdue", "done" };

const char *state_label(enum group_state s)
{
	return state_labels[s];
}

const char *state_key(enum group_state s)
{
	return state_keys[s];
}

static const char *const attention_labels[] = { "", "overdue", "blocked", "due soon" };
static const char *const attention_keys[] = { NULL, "overdue", "blocked", "due_soon" };

const char *attention_label(enum attention a)
{
	return attention_labels[a];
}

const char *attention_key(enum attention a)
{
	return attention_keys[a];
}

const struct progress_rule progress_rules[] = {
	{ "overdue", "not done, and due before today" },
	{ "blocked", "else, when it is blocked" },
	{ "due soon", "else, when due within attention_days of today" },
	{ "group done", "it has milestones and all are done" },
	{ "group overdue", "else, when any milestone is overdue" },
	{ "group at risk", "else, when any is blocked, or not started and due soon" },
	{ "group on track", "any other group with milestones" },
};
const size_t progress_rule_count = sizeof progress_rules / sizeof progress_rules[0];

enum attention progress_attention_rule(enum status s, bool dated, long due, long now, long days)
{
	if (s == STATUS_DONE)
		return ATTENTION_NONE;
	if (dated && due < now)
		return ATTENTION_OVERDUE;
	if (s == STATUS_BLOCKED)
		return ATTENTION_BLOCKED;
	return dated && due - now <= days ? ATTENTION_DUE_SOON : ATTENTION_NONE;
}

enum attention progress_attention_within(const struct charter *c, const struct milestone *m, struct date today,
                                         long days)
{
	bool dated = milestone_has_date(m);
	long due = dated ? date_to_serial(milestone_due(c, m)) : 0;
	return progress_attention_rule(m->status, dated, due, date_to_serial(today), days);
}

enum attention progress_attention(const struct charter *c, const struct milestone *m, struct date today)
{
	return progress_attention_within(c, m, today, c->attention_days);
}

struct window_fraction progress_elapsed(const struct charter *c, struct date today)
{
	long window = date_days_between(c->signed_on, c->deadline);
	long elapsed = date_days_between(c->signed_on, today);
	struct window_fraction f;
	if (window <= 0) { /* deadline on the signing day: all or nothing */
		f.num = elapsed >= 0 ? 1 : 0;
		f.den = 1;
		return f;
	}
	f.num = elapsed < 0 ? 0 : elapsed > window ? window : elapsed;
	f.den = window;
	return f;
}

double progress_elapsed_ratio(const struct charter *c, struct date today)
{
	struct window_fraction f = progress_elapsed(c, today);
	return (double)f.num / (double)f.den;
}

long progress_days_left(const struct charter *c, struct date today)
{
	return date_days_between(today, c->deadline);
}

bool progress_is_overdue(const struct charter *c, const struct milestone *m, struct date today)
{
	return m->status != STATUS_DONE && milestone_has_date(m) && date_compare(milestone_due(c, m), today) < 0;
}

bool progress_is_due_within(const struct charter *c, const struct milestone *m, struct date today, long days)
{
	if (m->status == STATUS_DONE || !milestone_has_date(m))
		return false;
	long left = date_days_between(today, milestone_due(c, m));
	return left >= 0 && left <= days;
}

bool progress_is_due_soon(const struct charter *c, const struct milestone *m, struct date today)
{
	return progress_is_due_within(c, m, today, c->attention_days);
}

bool progress_in_roadmap(const struct charter *c, const struct milestone *m)
{
	return milestone_has_date(m) && date_compare(milestone_due(c, m), c->deadline) <= 0;
}

/* The state rule over counts already made (see progress.h). */
static enum group_state judge(const struct progress *p, bool not_started_due_soon)
{
	if (p->total == 0)
		return STATE_EMPTY;
	if (p->counts[STATUS_DONE] == p->total)
		return STATE_DONE;
	if (p->attention[ATTENTION_OVERDUE])
		return STATE_OVERDUE;
	if (p->counts[STATUS_BLOCKED] || not_started_due_soon)
		return STATE_AT_RISK;
	return STATE_ON_TRACK;
}

_Static_assert(ATTENTION_COUNT - 1 <= PROGRESS_ATTENTION_BITS, "an enum attention fits in a fact's low bits");

/* The facts of a milestone on serial day `now` (see progress_range). */
static unsigned facts_of(const struct charter *c, const struct milestone *m, long now, long deadline)
{
	long due = m->due_unset ? 0 : m->has_due ? date_to_serial(m->due) : deadline;
	unsigned f = !m->due_unset && due <= deadline ? PROGRESS_IN_ROADMAP : 0;
	return f | progress_attention_rule(m->status, !m->due_unset, due, now, c->attention_days);
}

enum attention progress_fact_attention(unsigned facts)
{
	return (enum attention)(facts & PROGRESS_ATTENTION_BITS);
}

unsigned progress_facts(const struct charter *c, const struct milestone *m, struct date today)
{
	return facts_of(c, m, date_to_serial(today), date_to_serial(c->deadline));
}

/* A done roadmap milestone: on time, late or undated. */
static void count_outcome(struct progress *out, const struct milestone *m, long deadline)
{
	long due = m->has_due ? date_to_serial(m->due) : deadline;
	if (!m->has_completed) {
		out->roadmap_undated++;
	} else if (date_to_serial(m->completed) <= due) {
		out->roadmap_on_time++;
	} else {
		out->roadmap_late++;
		if (!out->has_last_late || date_compare(m->completed, out->last_late) > 0)
			out->last_late = m->completed;
		out->has_last_late = true;
	}
}

static void judge_all(struct progress *p)
{
	p->percent = p->total ? (int)(100 * p->counts[STATUS_DONE] / p->total) : -1;
	p->state = judge(p, p->due_soon_not_started > 0);
}

void progress_range_facts(const struct charter *c, size_t first, size_t count, struct date today,
                          struct progress *out, unsigned char *facts)
{
	*out = (struct progress){ .total = count, .percent = -1, .state = STATE_EMPTY };
	/* Serial days: one subtraction per milestone instead of date arithmetic. */
	long now = date_to_serial(today), deadline = date_to_serial(c->deadline);
	for (size_t i = 0; i < count; i++) {
		const struct milestone *m = &c->milestones[first + i];
		unsigned f = facts_of(c, m, now, deadline);
		out->counts[m->status]++;
		out->roadmap_total += (f & PROGRESS_IN_ROADMAP) != 0;
		out->roadmap_done += (f & PROGRESS_IN_ROADMAP) && m->status == STATUS_DONE;
		if ((f & PROGRESS_IN_ROADMAP) && m->status == STATUS_DONE)
			count_outcome(out, m, deadline);
		enum attention a = progress_fact_attention(f);
		out->attention[a]++;
		out->due_soon_not_started += a == ATTENTION_DUE_SOON && m->status == STATUS_NOT_STARTED;
		if (facts)
			facts[i] = (unsigned char)f;
	}
	judge_all(out);
}

void progress_range(const struct charter *c, size_t first, size_t count, struct date today,
                    struct progress *out)
{
	progress_range_facts(c, first, count, today, out, NULL);
}

void progress_add(struct progress *sum, const struct progress *part)
{
	sum->total += part->total;
	for (int s = 0; s < STATUS_COUNT; s++)
		sum->counts[s] += part->counts[s];
	for (int a = 0; a < ATTENTION_COUNT; a++)
		sum->attention[a] += part->attention[a];
	sum->due_soon_not_started += part->due_soon_not_started;
	sum->roadmap_done += part->roadmap_done;
	sum->roadmap_total += part->roadmap_total;
	sum->roadmap_on_time += part->roadmap_on_time;
	sum->roadmap_late += part->roadmap_late;
	sum->roadmap_undated += part->roadmap_undated;
	if (part->has_last_late && (!sum->has_last_late || date_compare(part->last_late, sum->last_late) > 0))
		sum->last_late = part->last_late;
	sum->has_last_late |= part->has_last_late;
	judge_all(sum);
}

void progress_group(const struct charter *c, size_t group, struct date today, struct progress *out)
{
	progress_range(c, c->groups[group].first, c->groups[group].count, today, out);
}

void progress_charter(const struct charter *c, struct date today, struct progress *out)
{
	progress_range(c, 0, c->milestone_count, today, out);
}

bool progress_review(const struct charter *c, size_t k, struct date *out)
{
	if (c->explicit_reviews) {
		if (k >= c->review_count)
			return false;
		*out = c->reviews[k];
		return true;
	}
	if (k >= (size_t)(9999 - c->signed_on.year)) /* past year 9999: no calendar to count in */
		return false;
	*out = date_add_months(c->signed_on, 12 * ((int)k + 1));
	return true;
}

bool progress_find_next_review(const struct charter *c, struct date today, struct date *out, size_t *index)
{
	size_t k = 0;
	if (!c->explicit_reviews && today.year - c->signed_on.year > 1)
		k = (size_t)(today.year - c->signed_on.year - 1); /* the anniversary a year before today's */
	struct date r;
	for (; progress_review(c, k, &r); k++) {
		if (date_compare(r, today) >= 0) {
			*out = r;
			if (index)
				*index = k;
			return true;
		}
	}
	return false;
}

struct date progress_next_review(const struct charter *c, struct date today)
{
	struct date r = c->signed_on;
	if (!progress_find_next_review(c, today, &r, NULL) && c->review_count)
		r = c->reviews[c->review_count - 1];
	return r;
}

static int by_value(const void *pa, const void *pb)
{
	long a = *(const long *)pa, b = *(const long *)pb;
	return (a > b) - (a < b);
}

bool progress_delivery(const struct charter *c, size_t first, size_t count, struct delivery *out)
{
	*out = (struct delivery){ 0 };
	long *late = malloc((count ? count : 1) * sizeof *late);
	if (!late)
		return false;
	for (size_t i = first; i < first + count; i++) {
		long d;
		if (!milestone_late_days(c, &c->milestones[i], &d))
			continue;
		late[out->done_with_date++] = d;
		out->on_time += d <= 0;
	}
	size_t n = out->done_with_date;
	if (n) {
		qsort(late, n, sizeof *late, by_value);
		out->has_median = true;
		out->median_half_days = n % 2 ? 2 * late[n / 2] : late[n / 2 - 1] + late[n / 2];
	}
	free(late);
	return true;
}
