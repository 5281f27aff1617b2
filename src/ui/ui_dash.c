/* ui_dash — the main view: header, the grid of working-group panes, the
 * footer, and the "terminal too small" screen (a pane's drawing:
 * ui_pane.c). Every number comes from
 * progress.h (the same functions `charterdash report` uses); every
 * position from layout.h. */
#include "ui_dash.h"
#include "ui_moves.h"
#include "ui_pane.h"
#include "ui_hints.h"
#include "ui_follow.h"
#include "ui_live.h"
#include "ui_modes.h"
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "charterdash/report/progress.h"
#include "charterdash/report/report.h"
#include "charterdash/core/text.h"

/* --- header ------------------------------------------------------------- */

#define SEGMENTS 3

struct segment {
	char text[96];     /* plain part */
	char emph[96];     /* emphasised part after it */
	enum ui_role role; /* of the emphasised part */
};

/* In display order: signing date first, unless the dates get only one
 * line (a short terminal), where the deadline and the review matter more. */
static void header_segments(struct ui *ui, struct segment seg[SEGMENTS], bool one_line, int width)
{
	const struct charter *c = &ui->charter;
	struct date today = ui->opt.today;
	char d[DATE_TEXT_SIZE], days[48];

	date_format(c->signed_on, d);
	snprintf(seg[0].text, sizeof seg[0].text, "Signed %s", d);
	seg[0].emph[0] = '\0';
	seg[0].role = ROLE_NORMAL;

	/* the roadmap phase: progress toward its deadline, after it its outcome */
	const struct progress *all = view_charter_progress(&ui->view);
	long left = progress_days_left(c, today);
	date_format(c->deadline, d);
	report_days(left, days, sizeof days);
	if (left < 0) {
		/* the outcome is longer than the progress was: words go first */
		snprintf(seg[1].text, sizeof seg[1].text, "%s %s: ", width < 110 ? "Roadmap closed" : "Roadmap phase closed",
		         d);
		/* its outcome from completion dates: a late close stays late */
		report_outcome_words(all, ui->scr->g->sep, width < 110, seg[1].emph, sizeof seg[1].emph);
		seg[1].role = all->roadmap_on_time == all->roadmap_total ? ROLE_DONE : ROLE_AT_RISK;
	} else {
		snprintf(seg[1].text, sizeof seg[1].text, "%s %s: %zu/%zu done ", width < 80 ? "Roadmap" : "Roadmap deadline",
		         d, all->roadmap_done, all->roadmap_total);
		snprintf(seg[1].emph, sizeof seg[1].emph, "(%s)", days);
		seg[1].role = left <= 14 ? ROLE_AT_RISK : ROLE_NORMAL;
	}

	struct date review;
	if (progress_find_next_review(c, today, &review, NULL)) {
		long until = date_days_between(today, review);
		date_format(review, d);
		snprintf(seg[2].text, sizeof seg[2].text, "%s %s ", width < 80 ? "Review" : c->explicit_reviews ? "Next review" : "Next annual review", d);
		snprintf(seg[2].emph, sizeof seg[2].emph, "(in %ld day%s)", until, until == 1 ? "" : "s");
	} else {
		snprintf(seg[2].text, sizeof seg[2].text, "No review planned");
		seg[2].emph[0] = '\0';
	}
	seg[2].role = ROLE_NORMAL;

	if (one_line) { /* rotate: deadline, review, signed */
		struct segment first = seg[0];
		seg[0] = seg[1];
		seg[1] = seg[2];
		seg[2] = first;
	}
}

static int segment_width(const struct segment *s)
{
	return (int)(text_width(s->text) + text_width(s->emph));
}

static int pack_header(struct ui *ui, int width, int height, int *line_of)
{
	struct segment seg[SEGMENTS];
	header_segments(ui, seg, layout_header_info_lines(height) == 1, width);
	int widths[SEGMENTS];
	for (int i = 0; i < SEGMENTS; i++)
		widths[i] = segment_width(&seg[i]);
	int sep = (int)text_width(ui->opt.ascii ? ui_glyphs_ascii.sep : ui_glyphs_utf8.sep);
	return layout_pack(widths, SEGMENTS, width, sep, layout_header_info_lines(height), line_of);
}

static bool has_banner(const struct ui *ui)
{
	return ui_live_invalid(ui) != NULL;
}

int ui_dash_header_lines(struct ui *ui, int width, int height)
{
	int line_of[SEGMENTS];
	return 2 + pack_header(ui, width, height, line_of) + (has_banner(ui) ? 1 : 0);
}

/* The title line's right side: "read-only · also here: amina@srv1 · Today
 * 2026-11-26", shortened until the title keeps `keep` columns. */
static void header_right(const struct ui *ui, const char *today, int width, int keep, char *out, size_t size)
{
	const char *sep = ui->scr->g->sep;
	const char *ro = ui->read_only_why[0] ? "read-only" : NULL;
	size_t n;
	const char *others = ui_live_others(ui, &n);
	char here[600] = "";
	for (int step = 0; step < 4; step++) {
		here[0] = '\0';
		if (n && step == 0)
			snprintf(here, sizeof here, "also here: %s", others);
		else if (n && step == 1)
			snprintf(here, sizeof here, "also here: %zu other%s", n, n == 1 ? "" : "s");
		else if (n)
			snprintf(here, sizeof here, "+%zu here", n);
		const char *follow = ui_follow_note(ui);
		const char *parts[4] = { ro, follow, here[0] ? here : NULL, step < 3 ? today : NULL };
		size_t used = 0;
		out[0] = '\0';
		for (int i = 0; i < 4; i++)
			if (parts[i] && used < size)
				used += (size_t)snprintf(out + used, size - used, "%s%s", used ? sep : "", parts[i]);
		if ((int)text_width(out) + 2 + keep <= width)
			return;
	}
}

/* A banner while the file on disk does not load; returns the lines used. */
static int draw_banner(struct ui *ui, WINDOW *w, int width)
{
	if (!has_banner(ui))
		return 0;
	char banner[700];
	const char *err = ui_live_invalid(ui);
	snprintf(banner, sizeof banner, "%s (file on disk invalid: last good version shown, editing off)", err);
	if ((int)text_width(banner) > width) {
		/* shorter, so that the place and the reason stay whole: without
		 * the "error: " the colour says, and a shorter note */
		char place[512];
		snprintf(place, sizeof place, "%s", err);
		char *e = strstr(place, ": error: ");
		if (e)
			memmove(e + 2, e + 9, strlen(e + 9) + 1);
		snprintf(banner, sizeof banner, "%s (file on disk invalid)", place);
	}
	ui_fill(ui, w, 0, 0, " ", width, ui_attr(ui, ROLE_ERROR) | A_REVERSE);
	ui_put_attr(ui, w, 0, 0, banner, width, ui_attr(ui, ROLE_ERROR) | A_REVERSE, true);
	return 1;
}

/* The title; read-only, who else is here and today on the right. */
static void draw_title(struct ui *ui, WINDOW *w, int y, int width)
{
	const struct charter *c = &ui->charter;
	char today[DATE_TEXT_SIZE], today_text[32], right[700];
	date_format(ui->opt.today, today);
	snprintf(today_text, sizeof today_text, "Today %s", today);
	int title_w = c->title ? (int)text_width(c->title) : 18;
	header_right(ui, today_text, width, title_w < 24 ? title_w : 24, right, sizeof right);
	int rw = (int)text_width(right);
	int title_room = width - rw - 2;
	if (title_room < 10) { /* narrow: the title matters more */
		title_room = width;
		rw = 0;
	}
	ui_put(ui, w, y, 0, c->title ? c->title : "(untitled charter)", title_room, ROLE_TITLE, true);
	if (!rw)
		return;
	/* "read-only" stands out; the rest is plain */
	int x = width - rw;
	if (ui->read_only_why[0] && strncmp(right, "read-only", 9) == 0) {
		x += ui_put(ui, w, y, x, "read-only", rw, ROLE_AT_RISK, false);
		ui_put(ui, w, y, x, right + 9, width - x, ROLE_NORMAL, false);
	} else {
		ui_put(ui, w, y, x, right, rw, ROLE_NORMAL, false);
	}
}

/* The dates, packed on one or two lines from `top`; returns the lines. */
static int draw_dates(struct ui *ui, WINDOW *w, int top, int width)
{
	struct ui_screen *scr = ui->scr;
	struct segment seg[SEGMENTS];
	header_segments(ui, seg, layout_header_info_lines(scr->h) == 1, width);
	int line_of[SEGMENTS];
	int lines = pack_header(ui, width, scr->h, line_of);
	int x = 0, line = -1;
	for (int i = 0; i < SEGMENTS; i++) {
		if (line_of[i] != line) {
			line = line_of[i];
			x = 0;
		} else {
			int sw = (int)text_width(scr->g->sep);
			/* a segment that would show only a stub is left out */
			if (x + sw + segment_width(&seg[i]) > width && width - x - sw < 16)
				continue;
			x += ui_put(ui, w, top + line, x, scr->g->sep, width - x, ROLE_DIM, false);
		}
		if (x >= width)
			continue;
		x += ui_put(ui, w, top + line, x, seg[i].text, width - x, ROLE_NORMAL, true);
		if (x + 1 < width)
			x += ui_put(ui, w, top + line, x, seg[i].emph, width - x, seg[i].role, true);
	}
	return lines;
}

static void draw_time_bar(struct ui *ui, WINDOW *w, int y, int x, int width)
{
	const struct ui_glyphs *g = ui->scr->g;
	struct window_fraction f = progress_elapsed(&ui->charter, ui->opt.today);
	int m = layout_marker(f.num, f.den, width);
	if (m < 0)
		return;
	ui_fill(ui, w, y, x, g->time_elapsed, m, ui_attr(ui, ROLE_TIME_ELAPSED));
	ui_put(ui, w, y, x + m, g->marker, 1, ROLE_MARKER, false);
	ui_fill(ui, w, y, x + m + 1, g->time_left, width - m - 1, ui_attr(ui, ROLE_TIME_LEFT));
}

/* The counts with the bar's glyphs as a legend ("█ 14 done  ▓ 13 ..."). */
static int legend_items(const struct progress *p, char items[4][48], int *width)
{
	static const enum status order[] = { STATUS_DONE, STATUS_IN_PROGRESS, STATUS_BLOCKED, STATUS_NOT_STARTED };
	int n = 0;
	*width = 0;
	for (int i = 0; i < 4 && p->total; i++) {
		snprintf(items[n], 48, "%zu %s", p->counts[order[i]], status_label(order[i]));
		*width += 2 + (int)text_width(items[n++]) + 2;
	}
	return n;
}

/* What needs attention: "3 overdue", "2 blocked", "4 due soon", the
 * non-empty buckets (progress.h's rule) in order; returns how many. */
static int attention_items(const struct progress *p, char items[ATTENTION_COUNT][48],
                           enum attention kind[ATTENTION_COUNT])
{
	int n = 0;
	for (int a = ATTENTION_OVERDUE; a < ATTENTION_COUNT; a++) {
		if (!p->attention[a])
			continue;
		kind[n] = (enum attention)a;
		snprintf(items[n++], 48, "%zu %s", p->attention[a], attention_label((enum attention)a));
	}
	return n;
}

/* Columns the items take, separated as draw_attention separates them. */
static int attention_width(const struct ui *ui, char items[][48], int n)
{
	int wdt = 0;
	for (int i = 0; i < n; i++)
		wdt += (int)text_width(items[i]) + (i ? (int)text_width(ui->scr->g->sep) : 0);
	return wdt;
}

/* The items, each in its bucket's colour; returns the columns used. */
static int draw_attention(struct ui *ui, WINDOW *w, int y, int x, int width, char items[][48],
                          const enum attention *kind, int n)
{
	static const enum ui_role role[ATTENTION_COUNT] = { ROLE_NORMAL, ROLE_OVERDUE, ROLE_BLOCKED, ROLE_AT_RISK };
	int x0 = x;
	for (int i = 0; i < n && x < width; i++) {
		if (i)
			x += ui_put(ui, w, y, x, ui->scr->g->sep, width - x, ROLE_DIM, false);
		x += ui_put(ui, w, y, x, items[i], width - x, role[kind[i]], true);
	}
	return x - x0;
}

/* Before the roadmap deadline, how far through its window today is: the
 * one time bar (every group shares the window). */
static int draw_header_time(struct ui *ui, WINDOW *w, int y, int x, int width)
{
	long left = progress_days_left(&ui->charter, ui->opt.today);
	if (left < 0 || width - x < 24)
		return 0;
	char label[32];
	snprintf(label, sizeof label, " %ld d left", left);
	int bar_w = width - x - 1 - (int)strlen(label);
	if (bar_w > 20)
		bar_w = 20;
	draw_time_bar(ui, w, y, x + 1, bar_w);
	ui_put(ui, w, y, x + 1 + bar_w, label, width - x - 1 - bar_w, left <= 14 ? ROLE_AT_RISK : ROLE_NORMAL, false);
	return 1 + bar_w + (int)strlen(label);
}

/* The overall bar, its numbers, state, what needs attention, then (when
 * they fit) the time bar and the legend. */
static void draw_overall(struct ui *ui, WINDOW *w, int y, int width)
{
	static const enum status order[] = { STATUS_DONE, STATUS_IN_PROGRESS, STATUS_BLOCKED, STATUS_NOT_STARTED };
	const struct progress p = *view_charter_progress(&ui->view);
	char label[64];
	ui_pane_label(&p, label, sizeof label);
	const char *state = p.total ? state_label(p.state) : "no milestones yet";
	int x = ui_put(ui, w, y, 0, "Overall ", width, ROLE_TITLE, false);
	char items[4][48];
	int legend_w;
	int nitems = legend_items(&p, items, &legend_w);
	char att[ATTENTION_COUNT][48];
	enum attention att_kind[ATTENTION_COUNT];
	int natt = attention_items(&p, att, att_kind);
	int att_w = attention_width(ui, att, natt);
	/* before the deadline the time bar needs room too: the overall bar gives it */
	int time_w = progress_days_left(&ui->charter, ui->opt.today) >= 0 ? 2 + 24 : 0;
	int need = (int)(text_width(label) + 2 + text_width(state)) + (att_w ? 3 + att_w : 0) + time_w;
	if (time_w && width - x - 1 - need < 5) { /* too narrow for both bars: the overall one stays */
		need -= time_w;
		time_w = 0;
	}
	int bar_w = width - x - 1 - need - 3 - legend_w;
	bool legend = bar_w >= 12;
	if (!legend)
		bar_w = width - x - 1 - need;
	if (bar_w > 40)
		bar_w = 40;
	if (bar_w >= 5) {
		ui_pane_bar(ui, w, y, x, bar_w, &p);
		x += bar_w + 1;
	}
	x += ui_put(ui, w, y, x, label, width - x, ROLE_TITLE, true);
	x += 2;
	if (x < width)
		x += ui_put(ui, w, y, x, state, width - x, ui_pane_state_role(p.state), true);
	if (att_w && x + 3 < width)
		x += 3 + draw_attention(ui, w, y, x + 3, width, att, att_kind, natt);
	int tw = time_w ? draw_header_time(ui, w, y, x + 2, width) : 0;
	if (tw)
		x += 2 + tw;
	if (!legend)
		return;
	x += 3;
	for (int i = 0; i < nitems && x < width; i++) {
		x += ui_put(ui, w, y, x, ui->scr->g->bar[order[i]], 1, ui_status_role(order[i]), false) + 1;
		x += ui_put(ui, w, y, x, items[i], width - x, ROLE_NORMAL, false) + 2;
	}
}

void ui_dash_draw_header(struct ui *ui)
{
	WINDOW *w = ui->scr->header;
	int width = ui->scr->regions.header.w;
	werase(w);
	int top = draw_banner(ui, w, width);
	draw_title(ui, w, top, width);
	int lines = draw_dates(ui, w, top + 1, width);
	draw_overall(ui, w, top + 1 + lines, width);
}

/* --- panes -------------------------------------------------------------- */

/* Lines of milestones pane `pane` would show (at least 1): its wanted height. */
static int ui_dash_list_lines(const struct ui *ui, size_t pane)
{
	const struct view_pane *p = &ui->view.panes[pane];
	if (p->row_count)
		return (int)p->row_count;
	/* emptied by the filter: its top line says so */
	return ui->charter.groups[pane].count ? LAYOUT_COLLAPSED : 0;
}

/* True when every pane on screen shows the titles of its first rows whole
 * (the rows an unfocused pane shows), and at least `floor` rows (or all). */
static bool titles_whole(struct ui *ui, const int *list, size_t n, int floor)
{
	for (size_t i = 0; i < n; i++) {
		struct layout_pane lp;
		struct layout_row row;
		ui_pane_lines(ui, ui->scr->panes[i], 0, &lp);
		if (ui->scr->panes[i].h == 0 || lp.list_h < (list[i] < floor ? list[i] : floor))
			return false;
		struct view_pane first = ui->view.panes[i];
		first.top = 0;
		ui_pane_columns(ui, &first, lp.list_h, lp.inner_w, &row);
		for (int k = 0; k < lp.list_h && (size_t)k < first.row_count; k++) {
			const char *t = ui->charter.milestones[first.rows[k]].title;
			if ((int)text_width(t ? t : "") > row.title_w)
				return false;
		}
	}
	return true;
}

/* The grid: boxes when they show every milestone with its title whole;
 * else one column of meters when it shows every title whole and at least
 * 3 rows of each pane (120x40, 200x60); else boxes or meters, whichever
 * cuts fewer milestone lines (meters at 80x24). README: space. */
static void grid_styled(struct ui *ui, struct rect body, const int *list, size_t n)
{
	struct ui_screen *scr = ui->scr;
	struct view *v = &ui->view;
	size_t panes, lines, mpanes, mlines;
	scr->meter = false;
	layout_grid(body, list, n, v->focus, ui->first_row, scr->panes, &scr->grid);
	layout_hidden(list, n, LAYOUT_PANE_CHROME, scr->panes, &panes, &lines);
	if (!panes && !lines && titles_whole(ui, list, n, 0))
		return;
	scr->meter = true;
	layout_grid_cols(body, list, n, v->focus, ui->first_row, LAYOUT_METER_CHROME, 1, scr->panes, &scr->grid);
	if (titles_whole(ui, list, n, 3))
		return;
	layout_grid_styled(body, list, n, v->focus, ui->first_row, LAYOUT_METER_CHROME, scr->panes, &scr->grid);
	layout_hidden(list, n, LAYOUT_METER_CHROME, scr->panes, &mpanes, &mlines);
	scr->meter = false;
	layout_grid(body, list, n, v->focus, ui->first_row, scr->panes, &scr->grid);
	layout_hidden(list, n, LAYOUT_PANE_CHROME, scr->panes, &panes, &lines);
	if (mpanes < panes || (mpanes == panes && mlines < lines)) {
		scr->meter = true;
		layout_grid_styled(body, list, n, v->focus, ui->first_row, LAYOUT_METER_CHROME, scr->panes, &scr->grid);
	}
}

void ui_dash_layout(struct ui *ui)
{
	struct ui_screen *scr = ui->scr;
	struct view *v = &ui->view;
	size_t n = v->pane_count;
	if (n > scr->pane_cap) {
		struct rect *r = realloc(scr->panes, n * sizeof *r);
		if (!r)
			return;
		scr->panes = r;
		scr->pane_cap = n;
	}
	memset(&scr->grid, 0, sizeof scr->grid);
	scr->meter = false;
	if (!n)
		return;
	struct rect body = { 0, 0, scr->regions.body.w, scr->regions.body.h }; /* window coordinates */
	if (v->zoom) {
		for (size_t i = 0; i < n; i++)
			scr->panes[i] = (struct rect){ 0, 0, 0, 0 };
		scr->panes[v->focus] = body;
		scr->grid.cols = 1;
		scr->grid.rows = 1;
		scr->grid.visible_rows = 1;
		return;
	}
	int stack[64];
	int *list = n <= 64 ? stack : malloc(n * sizeof *list);
	if (!list)
		return;
	for (size_t i = 0; i < n; i++)
		list[i] = ui_dash_list_lines(ui, i);
	grid_styled(ui, body, list, n);
	ui->first_row = scr->grid.first_row;
	if (list != stack)
		free(list);
}

/* Before the body is drawn: the panes' places and sizes (for the view's
 * pane changes), the focused pane scrolled so that its selection shows,
 * every other pane at its first rows (README: selection and scrolling). */
static void dash_measure(struct ui *ui)
{
	ui_dash_layout(ui);
	for (size_t i = 0; i < ui->view.pane_count && ui->scr->panes; i++) {
		struct view_pane *vp = &ui->view.panes[i];
		struct layout_pane lp;
		vp->shown = 0;
		if (i != ui->view.focus)
			vp->top = 0;
		if (ui->scr->panes[i].h <= 0)
			continue;
		ui_pane_lines(ui, ui->scr->panes[i], 0, &lp);
		vp->shown = lp.list_h > 0 ? (size_t)lp.list_h : 0;
		if (i == ui->view.focus && lp.list_h > 0 && vp->row_count)
			vp->top = layout_scroll(vp->top, vp->sel, vp->row_count, (size_t)lp.list_h);
	}
}

static void dash_draw_body(struct ui *ui)
{
	struct ui_screen *scr = ui->scr;
	WINDOW *w = scr->body;
	werase(w);
	if (ui->view.pane_count == 0) {
		ui_put(ui, w, 1, 2, "This charter has no working groups yet.", scr->regions.body.w - 4, ROLE_DIM, true);
		return;
	}
	for (size_t i = 0; i < ui->view.pane_count; i++)
		if (scr->panes[i].h > 0)
			ui_pane_draw(ui, i, scr->panes[i], i == ui->view.focus);
}

/* --- footer ------------------------------------------------------------- */

void ui_dash_draw_footer(struct ui *ui)
{
	struct ui_screen *scr = ui->scr;
	WINDOW *w = scr->footer;
	int width = scr->regions.footer.w;
	werase(w);
	ui_draw_hints(ui, w, 0, width);

	/* right: what shapes the view (filter, search, grid position) */
	char right[384] = "";
	size_t used = 0;
	const struct ui_glyphs *g = scr->g;
	struct view *v = &ui->view;
	if (view_filter_active(v)) {
		char desc[256];
		view_filter_describe(v, desc, sizeof desc);
		used += (size_t)snprintf(right + used, sizeof right - used, "Filter: %s (c clears)", desc);
	}
	if (v->query && ui_modes[ui_mode(ui)].layer != UI_LAYER_LINE && used < sizeof right) {
		size_t pos = view_match_position(v);
		if (pos)
			used += (size_t)snprintf(right + used, sizeof right - used, "%s/%s: %zu of %zu", used ? g->sep : "",
			                         v->query, pos, v->match_count);
		else
			used += (size_t)snprintf(right + used, sizeof right - used, "%s/%s: %zu match%s", used ? g->sep : "",
			                         v->query, v->match_count, v->match_count == 1 ? "" : "es");
	}
	if (!v->zoom && (scr->grid.more_above || scr->grid.more_below) && used < sizeof right) {
		size_t first = (size_t)scr->grid.first_row * (size_t)scr->grid.cols + 1;
		size_t last = (size_t)(scr->grid.first_row + scr->grid.visible_rows) * (size_t)scr->grid.cols;
		if (last > v->pane_count)
			last = v->pane_count;
		used += (size_t)snprintf(right + used, sizeof right - used, "%sgroups %zu-%zu of %zu %s%s", used ? g->sep : "",
		                         first, last, v->pane_count, scr->grid.more_above ? g->more_up : "",
		                         scr->grid.more_below ? g->more_down : "");
	}
	if (v->zoom && used < sizeof right)
		used += (size_t)snprintf(right + used, sizeof right - used, "%szoomed (z)", used ? g->sep : "");
	if (ui->count && used < sizeof right) /* a count typed, waiting for its move */
		used += (size_t)snprintf(right + used, sizeof right - used, "%s%u_", used ? g->sep : "", ui->count);

	int rw = (int)text_width(right);
	if (ui_modes[ui_mode(ui)].layer == UI_LAYER_LINE) {
		const char *text = lineedit_text(&ui->search.line);
		const struct lineedit_window *sw = &ui->search.win; /* as ui_search.c placed it */
		size_t len = strlen(text), start = sw->start < len ? sw->start : len;
		size_t n = sw->len < len - start ? sw->len : len - start;
		char line[300];
		snprintf(line, sizeof line, "/%.*s", (int)n, text + start);
		int x = ui_put(ui, w, 1, 0, line, width - 1, ROLE_NORMAL, false);
		char count[64];
		snprintf(count, sizeof count, "%zu match%s", v->match_count, v->match_count == 1 ? "" : "es");
		if (text[0] && x + 2 < width && ui_panel_mode(ui) != UI_MODE_HELP) /* the help's: no count */
			ui_put(ui, w, 1, x + 2, count, width - x - 2, ROLE_DIM, false);
		int cursor = 1 + (int)sw->cursor_col;
		wmove(w, 1, cursor < width ? cursor : width - 1);
		return;
	}
	int left_room = width;
	if (rw) {
		int cap = ui->message[0] || ui->saved_note[0] ? width * 2 / 3 : width;
		if (rw > cap)
			rw = cap;
		left_room = width - rw - 2;
		ui_put(ui, w, 1, width - rw, right, rw, ROLE_LABEL, true);
	}
	if (ui->message[0] && left_room > 0)
		ui_put(ui, w, 1, 0, ui->message, left_room, ui->message_kind == UI_MSG_ERROR ? ROLE_ERROR : ROLE_MESSAGE,
		       true);
	else if (ui->saved_note[0] && left_room > 0) /* the last change, until the next */
		ui_put(ui, w, 1, 0, ui->saved_note, left_room, ROLE_MESSAGE, true);
}

void ui_dash_draw_too_small(struct ui *ui)
{
	struct ui_screen *scr = ui->scr;
	WINDOW *w = stdscr;
	werase(w);
	/* three phrases, packed on as few lines as the width allows */
	char phrase[3][40];
	snprintf(phrase[0], sizeof phrase[0], "terminal too small:");
	snprintf(phrase[1], sizeof phrase[1], "need %d x %d", LAYOUT_MIN_WIDTH, LAYOUT_MIN_HEIGHT);
	snprintf(phrase[2], sizeof phrase[2], "(now %d x %d)", scr->w, scr->h);
	int widths[3], line_of[3];
	for (int i = 0; i < 3; i++)
		widths[i] = (int)strlen(phrase[i]);
	int lines = layout_pack(widths, 3, scr->w, 1, 3, line_of);
	int top = scr->h > lines ? (scr->h - lines) / 2 : 0;
	for (int l = 0; l < lines && top + l < scr->h; l++) {
		char text[128] = "";
		for (int i = 0; i < 3; i++)
			if (line_of[i] == l) {
				if (text[0])
					strcat(text, " ");
				strcat(text, phrase[i]);
			}
		int lw = (int)strlen(text);
		int x = scr->w > lw ? (scr->w - lw) / 2 : 0;
		/* the bottom-right cell cannot be written without scrolling */
		int room = scr->w - x - ((top + l == scr->h - 1) ? 1 : 0);
		ui_put(ui, w, top + l, x, text, room, ROLE_ERROR, false);
	}
}

/* The base of every other screen: ui_draw draws its header and footer
 * (ui_dash_draw_*) and, through these, its body. */
const struct ui_screen_ops ui_screen_main = {
	.request = ui_moves_request,
	.measure = dash_measure,
	.draw = dash_draw_body,
};
