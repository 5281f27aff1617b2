/* timeline — the date axis of the timeline view, and the burn-up series. */
#include "charterdash/report/timeline.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/strmap.h"
#include "charterdash/report/progress.h"

static const char *const zoom_labels[] = { "weeks", "months", "quarters" };
static const int zoom_days[] = { 1, 4, 12 };

const char *timeline_zoom_label(enum timeline_zoom z)
{
	return (unsigned)z < TIMELINE_ZOOMS ? zoom_labels[z] : "?";
}

int timeline_days_per_cell(enum timeline_zoom z)
{
	return (unsigned)z < TIMELINE_ZOOMS ? zoom_days[z] : 1;
}

void timeline_span(const struct charter *c, struct date today, struct date *start, struct date *end)
{
	*start = c->signed_on;
	struct date last = c->deadline;
	struct date review = progress_next_review(c, today);
	if (date_compare(review, last) > 0)
		last = review;
	for (size_t m = 0; m < c->milestone_count; m++) {
		const struct milestone *ms = &c->milestones[m];
		if (milestone_has_date(ms) && date_compare(milestone_due(c, ms), last) > 0)
			last = milestone_due(c, ms);
	}
	if (date_compare(last, *start) < 0)
		last = *start;
	*end = last;
}

long timeline_axis_days(const struct timeline_axis *a)
{
	if (a->zoom != TIMELINE_QUARTERS || a->width < 1)
		return timeline_days_per_cell(a->zoom);
	/* the whole span across the width */
	long days = date_days_between(a->start, a->end) + 1;
	long per = (days + a->width - 1) / a->width;
	return per < 1 ? 1 : per;
}

long timeline_cells(const struct timeline_axis *a)
{
	long days = date_days_between(a->start, a->end) + 1;
	long per = timeline_axis_days(a);
	long cells = (days + per - 1) / per;
	return cells < 1 ? 1 : cells;
}

/* floor division: days before the start fall in negative cells */
static long floor_div(long a, long b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

long timeline_cell_of(const struct timeline_axis *a, struct date d)
{
	return floor_div(date_days_between(a->start, d), timeline_axis_days(a)) - a->scroll;
}

struct date timeline_date_at(const struct timeline_axis *a, long cell)
{
	long day = (cell + a->scroll) * timeline_axis_days(a);
	return date_from_serial(date_to_serial(a->start) + day);
}

/* The largest scroll that still fills the screen (0 when all fits). */
static long max_scroll(const struct timeline_axis *a)
{
	long over = timeline_cells(a) - (a->width > 0 ? a->width : 1);
	return over > 0 ? over : 0;
}

bool timeline_scroll(struct timeline_axis *a, long cells)
{
	long old = a->scroll, s = a->scroll + cells, max = max_scroll(a);
	a->scroll = s < 0 ? 0 : s > max ? max : s;
	return a->scroll != old;
}

void timeline_show(struct timeline_axis *a, struct date d)
{
	long margin = a->width > 12 ? 4 : 0;
	long cell = timeline_cell_of(a, d);
	if (cell < margin)
		timeline_scroll(a, cell - margin);
	else if (cell >= a->width - margin)
		timeline_scroll(a, cell - (a->width - margin) + 1);
	else
		timeline_scroll(a, 0); /* clamps after a resize */
}

void timeline_set_zoom(struct timeline_axis *a, enum timeline_zoom z)
{
	if ((unsigned)z >= TIMELINE_ZOOMS)
		return;
	struct date middle = timeline_date_at(a, a->width / 2);
	a->zoom = z;
	a->scroll = 0;
	long cell = timeline_cell_of(a, middle);
	timeline_scroll(a, cell - a->width / 2);
}

size_t timeline_gantt(const struct charter *c, const size_t *by_date, size_t n, size_t *rows)
{
	size_t k = 0;
	for (size_t g = 0; g < c->group_count; g++)
		for (size_t i = 0; i < n; i++)
			if (c->milestones[by_date[i]].group == g)
				rows[k++] = by_date[i];
	return k;
}

static const char *const month_names[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* Whether day d starts a tick at this zoom, and its label. */
static bool tick_at(enum timeline_zoom z, struct date d, char text[16])
{
	switch (z) {
	case TIMELINE_WEEKS:
		/* Mondays: 1970-01-05 (serial 4) was one */
		if (((date_to_serial(d) - 4) % 7 + 7) % 7 != 0)
			return false;
		snprintf(text, 16, "%02d-%02d", d.month, d.day);
		return true;
	case TIMELINE_MONTHS:
		if (d.day != 1)
			return false;
		if (d.month == 1)
			snprintf(text, 16, "Jan %02d", d.year % 100);
		else
			snprintf(text, 16, "%s", month_names[d.month - 1]);
		return true;
	default:
		if (d.day != 1 || (d.month - 1) % 3 != 0)
			return false;
		snprintf(text, 16, "Q%d %02d", (d.month - 1) / 3 + 1, d.year % 100);
		return true;
	}
}

size_t timeline_ticks(const struct timeline_axis *a, struct timeline_tick *out, size_t cap)
{
	size_t n = 0;
	long per = timeline_axis_days(a);
	for (int cell = 0; cell < a->width && n < cap; cell++) {
		struct date first = timeline_date_at(a, cell);
		if (date_compare(first, a->end) > 0)
			break;
		/* the cell holds days first .. first + per - 1: a tick on any of them */
		for (long k = 0; k < per; k++) {
			struct date d = date_from_serial(date_to_serial(first) + k);
			if (tick_at(a->zoom, d, out[n].text)) {
				out[n++].cell = cell;
				break;
			}
		}
	}
	return n;
}

/* --- burn-up ------------------------------------------------------------ */

static bool is_status_change(const struct history_entry *e)
{
	return e->field && e->id && strcmp(e->field, "status") == 0;
}

/* The day of a history entry ("2026-11-30T..."), false when unreadable. */
static bool entry_day(const struct history_entry *e, struct date *out)
{
	char day[DATE_TEXT_SIZE];
	memcpy(day, e->time, DATE_TEXT_SIZE - 1);
	day[DATE_TEXT_SIZE - 1] = '\0';
	return date_parse(day, out);
}

static size_t due_by(const struct charter *c, struct date d)
{
	size_t n = 0;
	for (size_t m = 0; m < c->milestone_count; m++) {
		const struct milestone *ms = &c->milestones[m];
		n += milestone_has_date(ms) && date_compare(milestone_due(c, ms), d) <= 0;
	}
	return n;
}

/* For done milestones without `completed`: the day of the history's last
 * change of their status to done, in day[m] (serial; LONG_MIN: unknown). */
static bool days_from_history(const struct charter *c, const struct history *h, long *day)
{
	struct strmap index; /* id -> milestone, of those that need the history */
	strmap_init(&index);
	bool ok = true;
	for (size_t m = 0; ok && m < c->milestone_count; m++)
		if (day[m] == LONG_MIN && c->milestones[m].id)
			ok = strmap_put(&index, c->milestones[m].id, (uint32_t)m);
	for (size_t i = 0; ok && h && index.count && i < h->count; i++) {
		const struct history_entry *e = &h->entries[i];
		uint32_t m;
		struct date d;
		if (is_status_change(e) && e->new_value && !strcmp(e->new_value, "done") && strmap_get(&index, e->id, &m) &&
		    entry_day(e, &d))
			day[m] = date_to_serial(d); /* the last one wins: the history is in time order */
	}
	strmap_fini(&index);
	return ok;
}

static int by_serial(const void *pa, const void *pb)
{
	long a = *(const long *)pa, b = *(const long *)pb;
	return (a > b) - (a < b);
}

bool timeline_burnup(const struct charter *c, const struct history *h, struct date from, struct date to, size_t n,
                     size_t *done, size_t *planned, struct date *dates, size_t *undated)
{
	*undated = 0;
	if (n == 0)
		return false;
	long *day = malloc((c->milestone_count ? c->milestone_count : 1) * sizeof *day);
	if (!day)
		return false;
	size_t count = 0, need_history = 0;
	for (size_t m = 0; m < c->milestone_count; m++) {
		const struct milestone *ms = &c->milestones[m];
		day[m] = ms->has_completed ? date_to_serial(ms->completed) : LONG_MIN;
		need_history += ms->status == STATUS_DONE && !ms->has_completed;
	}
	if (need_history && !days_from_history(c, h, day)) {
		free(day);
		return false;
	}
	for (size_t m = 0; m < c->milestone_count; m++) { /* the done ones, by day */
		if (c->milestones[m].status != STATUS_DONE)
			continue;
		*undated += day[m] == LONG_MIN;
		day[count++] = day[m]; /* unknown: LONG_MIN, done from the start */
	}
	qsort(day, count, sizeof *day, by_serial);
	long span = date_days_between(from, to);
	if (span < 0)
		span = 0;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		long off = n > 1 ? (long)((long long)span * (long long)i / (long long)(n - 1)) : span;
		long serial = date_to_serial(from) + off;
		dates[i] = date_from_serial(serial);
		while (k < count && day[k] <= serial)
			k++;
		done[i] = k;
		planned[i] = due_by(c, dates[i]);
	}
	free(day);
	return true;
}
