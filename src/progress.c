/* progress — counts, percent, roadmap window and group state. */
#include "charterdash/progress.h"

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
	return m->status != STATUS_DONE && date_compare(milestone_due(c, m), today) < 0;
}

void progress_range(const struct charter *c, size_t first, size_t count, struct date today,
                    struct progress *out)
{
	*out = (struct progress){ .total = count, .percent = -1, .state = STATE_EMPTY };
	for (size_t i = first; i < first + count; i++) {
		const struct milestone *m = &c->milestones[i];
		out->counts[m->status]++;
		if (progress_is_overdue(c, m, today))
			out->overdue++;
	}
	if (count == 0)
		return;
	size_t done = out->counts[STATUS_DONE];
	out->percent = (int)(100 * done / count);

	/* "Trails by more than 0.10": elapsed - done/total > 1/10, in integers
	 * (10 * (num * total - done * den) > den * total) so that exactly ten
	 * points behind is not at risk whatever the rounding. */
	struct window_fraction f = progress_elapsed(c, today);
	long long lag = 10LL * ((long long)f.num * (long long)count - (long long)done * f.den);
	bool trailing = lag > (long long)f.den * (long long)count;

	if (done == count)
		out->state = STATE_DONE;
	else if (out->overdue)
		out->state = STATE_OVERDUE;
	else if (out->counts[STATUS_BLOCKED] || trailing)
		out->state = STATE_AT_RISK;
	else
		out->state = STATE_ON_TRACK;
}

void progress_group(const struct charter *c, size_t group, struct date today, struct progress *out)
{
	progress_range(c, c->groups[group].first, c->groups[group].count, today, out);
}

void progress_charter(const struct charter *c, struct date today, struct progress *out)
{
	progress_range(c, 0, c->milestone_count, today, out);
}

struct date progress_next_review(const struct charter *c, struct date today)
{
	int years = today.year - c->signed_on.year;
	if (years < 1)
		years = 1;
	struct date review = date_add_months(c->signed_on, 12 * years);
	while (date_compare(review, today) <= 0)
		review = date_add_months(c->signed_on, 12 * ++years);
	return review;
}
