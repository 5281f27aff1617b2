/* timeline — the arithmetic of the timeline view and its burn-up chart:
 * the date axis (its span, a zoom of days per cell, scrolling, tick
 * labels), where a date falls on it, and the burn-up series (milestones
 * done by each date, from completion dates and the history, against the
 * plan: how many were due by then). Pure: `today` and the history are passed in; nothing
 * here knows about curses. */
#ifndef CHARTERDASH_TIMELINE_H
#define CHARTERDASH_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/core/charter.h"
#include "charterdash/store/history.h"

enum timeline_zoom { TIMELINE_WEEKS, TIMELINE_MONTHS, TIMELINE_QUARTERS, TIMELINE_ZOOMS };

/* "weeks", "months", "quarters". */
const char *timeline_zoom_label(enum timeline_zoom z);
/* Days one cell of the axis stands for: 1, 4, 12 (a week is 7 cells, a
 * month about 8, a quarter about 8); an axis at quarters fits its span
 * to its width instead (timeline_axis_days). */
int timeline_days_per_cell(enum timeline_zoom z);

/* The span: from signing to the later of the next review and the last due
 * date (a milestone with no date yet does not count); never shorter than
 * the roadmap window. */
void timeline_span(const struct charter *c, struct date today, struct date *start, struct date *end);

struct timeline_axis {
	struct date start, end;
	enum timeline_zoom zoom;
	long scroll; /* the first cell shown */
	int width;   /* cells shown */
};

/* Days one cell stands for on this axis: the zoom's, but at quarters as
 * many as spread the whole span across the width (nothing scrolls). */
long timeline_axis_days(const struct timeline_axis *a);
/* Total cells of the span at the axis's zoom (at least 1). */
long timeline_cells(const struct timeline_axis *a);
/* The cell of date d relative to the first shown (may be < 0 or >= width:
 * off screen). */
long timeline_cell_of(const struct timeline_axis *a, struct date d);
/* The first date cell `cell` (relative to the first shown) stands for. */
struct date timeline_date_at(const struct timeline_axis *a, long cell);
/* Scrolls by `cells` (clamped to the span); true when it moved. */
bool timeline_scroll(struct timeline_axis *a, long cells);
/* Scrolls as little as possible so that d shows, a few cells in from the
 * edges when there is room. */
void timeline_show(struct timeline_axis *a, struct date d);
/* Changes the zoom keeping the date at the middle of the screen there. */
void timeline_set_zoom(struct timeline_axis *a, enum timeline_zoom z);

/* Tick labels of the shown cells: the first day of each week (weeks:
 * "12-07"), month ("Mar", "Jan 27" in January) or quarter ("Q1 27"). */
struct timeline_tick {
	int cell;
	char text[16];
};
size_t timeline_ticks(const struct timeline_axis *a, struct timeline_tick *out, size_t cap);

/* The rows of the labelled Gantt view: the n milestones of by_date (in
 * due-date order) grouped by working group in file order, each group's in
 * due-date order, into rows (n entries). Returns n. */
size_t timeline_gantt(const struct charter *c, const size_t *by_date, size_t n, size_t *rows);

/* Burn-up: for each of n dates from `from` to `to` (evenly spread, the
 * last one `to`), how many milestones were done at the end of that day and
 * how many were due by then (dated milestones, by their effective due
 * date). A milestone done now counts from its `completed` date; without
 * one, from the day the history last made it done; with neither, from an
 * unknown date: from the start, and counted in *undated for the legend to
 * name. A milestone not done now is not counted (reopened: no longer done).
 * False when n is 0 or memory runs out. */
bool timeline_burnup(const struct charter *c, const struct history *h, struct date from, struct date to, size_t n,
                     size_t *done, size_t *planned, struct date *dates, size_t *undated);

#endif
