/* ui_timeline — the timeline view (T): one lane per working group on a
 * date axis from signing to the later of the next review and the last due
 * date (timeline.h does the arithmetic); today, the roadmap deadline and
 * the reviews marked; each milestone at its due date by its status glyph.
 * The cursor walks the milestones by due date, the status line names the
 * one under it, Enter opens its details; b shows the burn-up chart. */
#include "ui_timeline.h"
#include "ui_detail.h"
#include "ui_live.h"
#include "ui_requests.h"
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/report/progress.h"
#include "charterdash/report/report.h"
#include "charterdash/core/text.h"

#define LANE_LABEL 16 /* columns of the group names left of the axis */
#define MAX_TICKS 128
#define GANTT_MIN_ROWS 24 /* the lanes' rows from which each milestone gets its own */

/* Rows for the lanes in a window h high: the borders, the axis (2), the
 * status line and the legend. */
static int lanes_height(int h)
{
	return h - 6;
}

/* Where there is height, a row per milestone (a labelled Gantt). */
static bool gantt_fits(const struct ui *ui, int rows)
{
	return rows >= GANTT_MIN_ROWS && ui->charter.group_count;
}

struct by_date {
	long day;
	size_t m;
};

static int compare_by_date(const void *pa, const void *pb)
{
	const struct by_date *a = pa, *b = pb;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return a->m < b->m ? -1 : a->m > b->m;
}

/* The dated milestones by due date, then file order, into
 * ui->timeline.order (rebuilt when the charter changed). */
static void sort_by_date(struct ui *ui)
{
	if (ui->timeline.order && ui->timeline.serial == ui->charter_serial)
		return;
	const struct charter *c = &ui->charter;
	free(ui->timeline.order);
	ui->timeline.order = NULL;
	ui->timeline.count = 0;
	struct by_date *tmp = malloc((c->milestone_count ? c->milestone_count : 1) * sizeof *tmp);
	size_t *order = malloc((c->milestone_count ? c->milestone_count : 1) * sizeof *order);
	if (!tmp || !order) {
		free(tmp);
		free(order);
		ui_error(ui, "Out of memory: the timeline is empty");
		return;
	}
	size_t n = 0;
	for (size_t m = 0; m < c->milestone_count; m++)
		if (milestone_has_date(&c->milestones[m]))
			tmp[n++] = (struct by_date){ date_to_serial(milestone_due(c, &c->milestones[m])), m };
	qsort(tmp, n, sizeof *tmp, compare_by_date);
	for (size_t i = 0; i < n; i++)
		order[i] = tmp[i].m;
	free(tmp);
	free(ui->timeline.rows);
	ui->timeline.rows = malloc((n ? n : 1) * sizeof *ui->timeline.rows);
	if (ui->timeline.rows)
		timeline_gantt(c, order, n, ui->timeline.rows);
	ui->timeline.order = order;
	ui->timeline.count = n;
	ui->timeline.serial = ui->charter_serial;
}

/* The k-th dated milestone by due date, or -1. */
static long nth_by_date(const struct ui *ui, size_t k)
{
	return k < ui->timeline.count ? (long)ui->timeline.order[k] : -1;
}

static size_t dated_count(const struct ui *ui)
{
	return ui->timeline.count;
}

void ui_timeline_fini(struct ui *ui)
{
	free(ui->timeline.order);
	free(ui->timeline.rows);
	ui->timeline.order = ui->timeline.rows = NULL;
	ui->timeline.count = 0;
}

unsigned ui_act_timeline(struct ui *ui, enum ui_request req)
{
	(void)req;
	struct timeline_axis *a = &ui->timeline.axis;
	timeline_span(&ui->charter, ui->opt.today, &a->start, &a->end);
	a->zoom = TIMELINE_MONTHS;
	a->scroll = 0;
	sort_by_date(ui);
	/* start on the first milestone due today or later */
	size_t n = dated_count(ui), k = 0;
	while (k + 1 < n && date_compare(milestone_due(&ui->charter, &ui->charter.milestones[nth_by_date(ui, k)]),
	                                 ui->opt.today) < 0)
		k++;
	ui->timeline.sel = k;
	ui->timeline.follow = true;
	ui->timeline.burnup = false;
	ui_push(ui, UI_MODE_TIMELINE);
	return UI_HANDLED | UI_RELAYOUT;
}

/* A zoom keeps the selected milestone (else today) in view: the measure
 * step scrolls to it. */
static unsigned zoom(struct ui *ui, int step)
{
	int z = (int)ui->timeline.axis.zoom + step;
	if (z < 0 || z >= TIMELINE_ZOOMS)
		return UI_HANDLED;
	timeline_set_zoom(&ui->timeline.axis, (enum timeline_zoom)z);
	ui->timeline.follow = true;
	ui_message(ui, "Timeline by %s", timeline_zoom_label((enum timeline_zoom)z));
	return UI_HANDLED | UI_REDRAW;
}

unsigned ui_timeline_request(struct ui *ui, enum ui_request req)
{
	struct timeline_axis *a = &ui->timeline.axis;
	size_t n = dated_count(ui);
	long page = a->width > 8 ? a->width / 4 : 1;
	switch (req) {
	case UI_REQ_PANE_PREV: return UI_HANDLED | (timeline_scroll(a, -page) ? UI_REDRAW : 0);
	case UI_REQ_PANE_NEXT: return UI_HANDLED | (timeline_scroll(a, page) ? UI_REDRAW : 0);
	case UI_REQ_MOVE_UP:
	case UI_REQ_MOVE_DOWN:
		if (req == UI_REQ_MOVE_UP && ui->timeline.sel > 0)
			ui->timeline.sel--;
		else if (req == UI_REQ_MOVE_DOWN && ui->timeline.sel + 1 < n)
			ui->timeline.sel++;
		ui->timeline.follow = true;
		return UI_HANDLED | UI_REDRAW;
	case UI_REQ_TIMELINE_ZOOM_IN: return zoom(ui, -1);
	case UI_REQ_TIMELINE_ZOOM_OUT: return zoom(ui, 1);
	case UI_REQ_TIMELINE_BURNUP: ui->timeline.burnup = !ui->timeline.burnup; return UI_HANDLED | UI_REDRAW;
	case UI_REQ_DETAIL: {
		long m = nth_by_date(ui, ui->timeline.sel);
		if (m < 0 || !view_select_milestone(&ui->view, (size_t)m)) {
			ui_error(ui, "%s is hidden by the filter: c clears it", m >= 0 ? ui->charter.milestones[m].id : "?");
			return UI_HANDLED | UI_REDRAW;
		}
		return ui_act_detail(ui, UI_REQ_DETAIL);
	}
	default: return 0;
	}
}

static struct rect timeline_rect(struct ui *ui)
{
	return ui->scr->regions.body;
}

static void timeline_measure(struct ui *ui)
{
	(void)ui_live_history(ui); /* the burn-up's, reloaded here if it changed */
	struct timeline_axis *a = &ui->timeline.axis;
	struct date keep = a->start;
	timeline_span(&ui->charter, ui->opt.today, &a->start, &a->end);
	if (date_compare(keep, a->start) != 0)
		a->scroll = 0;
	sort_by_date(ui);
	int w = ui->scr->overlay_rect.w - 4 - LANE_LABEL;
	a->width = w > 1 ? w : 1;
	size_t n = dated_count(ui);
	if (ui->timeline.sel >= n)
		ui->timeline.sel = n ? n - 1 : 0;
	long m = nth_by_date(ui, ui->timeline.sel);
	if (ui->timeline.follow)
		timeline_show(a, m >= 0 ? milestone_due(&ui->charter, &ui->charter.milestones[m]) : ui->opt.today);
	else
		timeline_scroll(a, 0);
	ui->timeline.follow = false;
	/* the Gantt's rows, scrolled so that the selection's shows */
	int rows = lanes_height(ui->scr->overlay_rect.h);
	if (gantt_fits(ui, rows) && ui->timeline.rows) {
		size_t at = 0;
		while (at < n && (long)ui->timeline.rows[at] != m)
			at++;
		ui->timeline.top = layout_scroll(ui->timeline.top, at < n ? at : 0, n, (size_t)rows);
	} else {
		ui->timeline.top = 0;
	}
}

/* --- drawing ------------------------------------------------------------ */

/* A marker at date d on line y, when it is on screen. */
static void mark(struct ui *ui, WINDOW *w, int y, int x0, struct date d, const char *glyph, enum ui_role role)
{
	long cell = timeline_cell_of(&ui->timeline.axis, d);
	if (cell >= 0 && cell < ui->timeline.axis.width)
		ui_put(ui, w, y, x0 + (int)cell, glyph, 1, role, false);
}

/* The tick labels, the axis line with today (T), the roadmap deadline (D)
 * and the reviews (R) on it. */
static void draw_axis(struct ui *ui, WINDOW *w, int y, int x0)
{
	const struct timeline_axis *a = &ui->timeline.axis;
	struct timeline_tick ticks[MAX_TICKS];
	size_t n = timeline_ticks(a, ticks, MAX_TICKS);
	int next_free = 0;
	for (size_t i = 0; i < n; i++) {
		if (ticks[i].cell < next_free)
			continue;
		ui_put(ui, w, y, x0 + ticks[i].cell, ticks[i].text, a->width - ticks[i].cell, ROLE_DIM, false);
		next_free = ticks[i].cell + (int)strlen(ticks[i].text) + 1;
	}
	long left = timeline_cells(a) - a->scroll; /* the span may end before the screen */
	ui_fill(ui, w, y + 1, x0, ui->scr->g->h, left < a->width ? (int)left : a->width, ui_attr(ui, ROLE_BORDER));
	for (size_t i = 0; i < n; i++)
		ui_put(ui, w, y + 1, x0 + ticks[i].cell, ui->opt.ascii ? "+" : "\xe2\x94\xbc", 1, ROLE_BORDER, false);
	struct date r;
	for (size_t k = 0; progress_review(&ui->charter, k, &r) && date_compare(r, a->end) <= 0; k++)
		mark(ui, w, y + 1, x0, r, "R", ROLE_LABEL);
	mark(ui, w, y + 1, x0, ui->charter.deadline, "D", ROLE_AT_RISK);
	mark(ui, w, y + 1, x0, ui->opt.today, "T", ROLE_MARKER);
}

/* A milestone's glyph: red when late, reversed when selected. */
static attr_t glyph_attr(struct ui *ui, size_t m, long selected)
{
	const struct milestone *ms = &ui->charter.milestones[m];
	if ((long)m == selected)
		return ui_attr(ui, ROLE_SELECTED);
	bool late = progress_is_overdue(&ui->charter, ms, ui->opt.today);
	return ui_attr(ui, late ? ROLE_OVERDUE : ui_status_role(ms->status));
}

/* A lane's label: the group's name, its short name when the name does not fit. */
static const char *lane_name(const struct group *grp)
{
	const char *name = grp->name ? grp->name : grp->id;
	return grp->short_name && text_width(name) >= LANE_LABEL ? grp->short_name : name;
}

/* Group g's lane, `k` rows from y: its name, today's column, its
 * milestones by due date spread over the rows (the i-th on row i % k), so
 * that close dates do not hide each other. */
static void draw_lane(struct ui *ui, WINDOW *w, int y, int x0, size_t g, long selected, int k)
{
	const struct charter *c = &ui->charter;
	const struct group *grp = &c->groups[g];
	ui_put(ui, w, y, 2, lane_name(grp), LANE_LABEL - 1, ROLE_TITLE, true);
	for (int r = 0; r < k; r++)
		mark(ui, w, y + r, x0, ui->opt.today, ui->opt.ascii ? ":" : "\xe2\x94\x8a", ROLE_DIM);
	size_t i = 0;
	for (size_t j = 0; ui->timeline.rows && j < dated_count(ui); j++) {
		size_t m = ui->timeline.rows[j];
		if (c->milestones[m].group != g)
			continue;
		long cell = timeline_cell_of(&ui->timeline.axis, milestone_due(c, &c->milestones[m]));
		int row = (int)(i++ % (size_t)k);
		if (cell >= 0 && cell < ui->timeline.axis.width)
			ui_put_attr(ui, w, y + row, x0 + (int)cell, ui->scr->g->status[c->milestones[m].status], 1,
			            glyph_attr(ui, m, selected), false);
	}
}

/* The lanes in `height` rows from `top`: each group as many rows as share
 * out evenly (at least one). */
static void draw_lanes(struct ui *ui, WINDOW *w, int top, int height, int x0, long selected)
{
	int groups = (int)ui->charter.group_count;
	int k = groups && height / groups > 1 ? height / groups : 1;
	for (int g = 0; g < groups && g * k < height; g++)
		draw_lane(ui, w, top + g * k, x0, (size_t)g, selected, height - g * k < k ? height - g * k : k);
}

/* The labelled Gantt: a row per milestone, by group, then due date, its
 * title beside its glyph (left of it near the right edge); the group's
 * name on its first row shown; scrolled to keep the selection in view. */
static void draw_gantt(struct ui *ui, WINDOW *w, int top, int height, int x0, long selected)
{
	const struct charter *c = &ui->charter;
	const int width = ui->timeline.axis.width;
	size_t prev = SIZE_MAX;
	for (int y = 0; y < height && ui->timeline.top + (size_t)y < dated_count(ui); y++) {
		size_t m = ui->timeline.rows[ui->timeline.top + (size_t)y];
		const struct milestone *ms = &c->milestones[m];
		if (ms->group != prev) {
			ui_put(ui, w, top + y, 2, lane_name(&c->groups[ms->group]), LANE_LABEL - 1, ROLE_TITLE, true);
			prev = ms->group;
		}
		mark(ui, w, top + y, x0, ui->opt.today, ui->opt.ascii ? ":" : "\xe2\x94\x8a", ROLE_DIM);
		long cell = timeline_cell_of(&ui->timeline.axis, milestone_due(c, ms));
		if (cell < 0 || cell >= width)
			continue;
		attr_t at = glyph_attr(ui, m, selected);
		ui_put_attr(ui, w, top + y, x0 + (int)cell, ui->scr->g->status[ms->status], 1, at, false);
		const char *title = ms->title ? ms->title : "";
		int right = width - (int)cell - 2, tw = (int)text_width(title);
		attr_t ta = (long)m == selected ? at : ui_attr(ui, ROLE_NORMAL);
		if (right >= tw || right >= (int)cell - 1) /* beside it, on the side with room */
			ui_put_attr(ui, w, top + y, x0 + (int)cell + 2, title, right, ta, true);
		else
			ui_put_attr(ui, w, top + y, x0 + (int)cell - 1 - (tw < (int)cell - 1 ? tw : (int)cell - 1), title,
			            (int)cell - 1, ta, true);
	}
}

/* "conn-customs · due 2026-11-20, 12 days past · in progress · Harmonise … (Connectivity)" */
static void draw_status_line(struct ui *ui, WINDOW *w, int y, int width, long m)
{
	if (m < 0) {
		ui_put(ui, w, y, 2, "No milestone has a due date yet.", width, ROLE_DIM, false);
		return;
	}
	const struct milestone *ms = &ui->charter.milestones[m];
	const struct group *g = &ui->charter.groups[ms->group];
	char due[64], line[1200];
	report_due_words(&ui->charter, ms, ui->opt.today, due, sizeof due);
	const char *sep = ui->scr->g->sep;
	/* what the facilitator asks first: when, then how far, then what */
	snprintf(line, sizeof line, "%s%s%s%s%s%s%s (%s)", ms->id, sep, due, sep, status_label(ms->status), sep,
	         ms->title ? ms->title : "", g->name ? g->name : g->id);
	bool late = progress_is_overdue(&ui->charter, ms, ui->opt.today);
	ui_put(ui, w, y, 2, line, width, late ? ROLE_OVERDUE : ROLE_NORMAL, true);
}

/* The burn-up: per column, the milestones done by then (bars, up to and
 * including today) and the plan (a dot at the number due by then).
 * Returns how many done milestones have no known completion date. */
static size_t draw_burnup(struct ui *ui, WINDOW *w, int top, int height, int x0)
{
	const struct timeline_axis *a = &ui->timeline.axis;
	size_t n = (size_t)a->width, total = ui->charter.milestone_count, undated = 0;
	size_t *done = calloc(n, sizeof *done), *plan = calloc(n, sizeof *plan);
	struct date *dates = calloc(n, sizeof *dates);
	bool ok = done && plan && dates && height > 1 && total &&
	          timeline_burnup(&ui->charter, ui_live_history_loaded(ui), timeline_date_at(a, 0),
	                          timeline_date_at(a, (long)n - 1), n, done, plan, dates, &undated);
	if (!ok) {
		ui_put(ui, w, top + height / 2, x0, total ? "Out of memory: the burn-up cannot be drawn." : "No milestones yet.",
		       a->width, ROLE_DIM, true);
	} else {
		const char *bar = ui->opt.ascii ? "#" : "\xe2\x96\x88", *dot = ui->opt.ascii ? "*" : "\xe2\x80\xa2";
		for (size_t i = 0; i < n; i++) {
			if (date_compare(dates[i], a->end) > 0)
				break;
			int p = (int)((plan[i] * (size_t)(height - 1) + total / 2) / total);
			/* a cell is its first day: it shows once that day has come */
			if (date_compare(dates[i], ui->opt.today) <= 0) {
				int h = (int)((done[i] * (size_t)(height - 1) + total / 2) / total);
				for (int k = 0; k < h; k++)
					ui_put(ui, w, top + height - 1 - k, x0 + (int)i, bar, 1, ROLE_DONE, false);
			}
			ui_put(ui, w, top + height - 1 - p, x0 + (int)i, dot, 1, ROLE_AT_RISK, false);
		}
		char scale[64];
		snprintf(scale, sizeof scale, "%zu", total);
		ui_put(ui, w, top, 2, scale, LANE_LABEL - 2, ROLE_DIM, false);
		ui_put(ui, w, top + height - 1, 2, "0", 1, ROLE_DIM, false);
	}
	free(done);
	free(plan);
	free(dates);
	return undated;
}

static void timeline_draw(struct ui *ui)
{
	WINDOW *w = ui->scr->overlay;
	struct rect r = ui->scr->overlay_rect;
	werase(w);
	char title[128];
	snprintf(title, sizeof title, "%s by %s (Esc closes)", ui->timeline.burnup ? "Burn-up" : "Timeline",
	         timeline_zoom_label(ui->timeline.axis.zoom));
	ui_box(ui, w, (struct rect){ 0, 0, r.w, r.h }, true, title);
	int x0 = 2 + LANE_LABEL, inner = r.w - 4;
	long sel = nth_by_date(ui, ui->timeline.sel);
	draw_axis(ui, w, 1, x0);
	int lanes_top = 3, lanes_h = lanes_height(r.h);
	size_t undated = 0;
	if (ui->timeline.burnup)
		undated = draw_burnup(ui, w, lanes_top, lanes_h, x0);
	else if (gantt_fits(ui, lanes_h) && ui->timeline.rows) {
		draw_gantt(ui, w, lanes_top, lanes_h, x0, sel);
		ui_scroll_mark(ui, w, r, ui->timeline.top, lanes_h, dated_count(ui), true);
	}
	else
		draw_lanes(ui, w, lanes_top, lanes_h, x0, sel);
	draw_status_line(ui, w, r.h - 3, inner, sel);
	const char *sep = ui->scr->g->sep;
	char legend[256];
	char unknown[96] = ""; /* said first: the bars count them from the start */
	if (undated)
		snprintf(unknown, sizeof unknown, "%zu done milestone%s no completion date%s", undated,
		         undated == 1 ? " has" : "s have", sep);
	if (ui->timeline.burnup)
		snprintf(legend, sizeof legend, "%sbars: done%sdots: due by then (the plan)%sb: the lanes", unknown, sep, sep);
	else
		snprintf(legend, sizeof legend, "T today%sD roadmap deadline%sR review%sb: burn-up", sep, sep, sep);
	ui_put(ui, w, r.h - 2, 2, legend, inner, ROLE_DIM, true);
}

const struct ui_screen_ops ui_screen_timeline = {
	.request = ui_timeline_request,
	.rect = timeline_rect,
	.measure = timeline_measure,
	.draw = timeline_draw,
};
