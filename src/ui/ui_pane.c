/* ui_pane — one working group's pane of the dashboard: a box (its name
 * and state on the top border, the bar, the milestones, what is off screen
 * on the bottom border) or a meter (htop's: one line with the name, bar,
 * count and state, then the milestones), and the shared pieces the
 * header's overall line uses too (the bar, the state's colour, the count).
 * Positions from layout.h; ui_dash.c chooses the style for the grid. */
#include "ui_pane.h"
#include "ui_live.h"
#include "ui_state.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "charterdash/report/progress.h"
#include "charterdash/core/text.h"

void ui_pane_lines(const struct ui *ui, struct rect r, int label_w, struct layout_pane *lp)
{
	if (ui->scr->meter)
		layout_pane_meter(r, lp);
	else
		layout_pane(r, label_w, lp);
}

/* The stacked bar of counts (done, in progress, blocked, not started). */
void ui_pane_bar(struct ui *ui, WINDOW *w, int y, int x, int width, const struct progress *p)
{
	static const enum status order[] = { STATUS_DONE, STATUS_IN_PROGRESS, STATUS_BLOCKED, STATUS_NOT_STARTED };
	size_t counts[4];
	int cells[4];
	for (int i = 0; i < 4; i++)
		counts[i] = p->counts[order[i]];
	layout_bar(counts, 4, width, cells);
	for (int i = 0; i < 4; i++) {
		ui_fill(ui, w, y, x, ui->scr->g->bar[order[i]], cells[i], ui_attr(ui, ui_status_role(order[i])));
		x += cells[i];
	}
	if (p->total == 0) /* nothing to show: an empty track */
		ui_fill(ui, w, y, x, ui->scr->g->bar[STATUS_NOT_STARTED], width, ui_attr(ui, ROLE_DIM));
}

enum ui_role ui_pane_state_role(enum group_state s)
{
	switch (s) {
	case STATE_ON_TRACK: return ROLE_ON_TRACK;
	case STATE_AT_RISK: return ROLE_AT_RISK;
	case STATE_OVERDUE: return ROLE_OVERDUE;
	case STATE_DONE: return ROLE_DONE;
	default: return ROLE_DIM;
	}
}

/* "3/8  37%", the form `charterdash report` prints. */
void ui_pane_label(const struct progress *p, char *buf, size_t size)
{
	if (p->total)
		snprintf(buf, size, "%zu/%zu  %d%%", p->counts[STATUS_DONE], p->total, p->percent);
	else
		snprintf(buf, size, "0/0");
}

/* A done row says when it was done ("done 05-12, 3 d late"), in room its
 * date column takes from the title; "" for other rows, narrow meters and
 * the zoom (which shows every due date). */
static void done_words(const struct ui *ui, const struct milestone *ms, struct layout_row *row,
                       char out[VIEW_DONE_COLUMNS + 1])
{
	out[0] = '\0';
	if (ms->status != STATUS_DONE || ui->view.zoom || row->date_x < 0 || row->date_w < VIEW_DUE_COLUMNS)
		return;
	view_done_short(&ui->charter, ms, VIEW_DONE_COLUMNS, out, VIEW_DONE_COLUMNS + 1);
	layout_row_widen_date(row, (int)strlen(out)); /* ASCII: bytes are columns */
	if (row->date_w < (int)strlen(out))
		view_done_short(&ui->charter, ms, row->date_w, out, VIEW_DONE_COLUMNS + 1);
}

/* The date column's colour: late work (open, or done after its due date)
 * red, due soon amber, a done row without a date and the deadline's dim. */
static enum ui_role date_role(const struct ui *ui, const struct milestone *ms, bool overdue, bool done_shown)
{
	long late = 0;
	if (overdue || (done_shown && milestone_late_days(&ui->charter, ms, &late) && late > 0))
		return ROLE_OVERDUE;
	if (progress_is_due_soon(&ui->charter, ms, ui->opt.today))
		return ROLE_AT_RISK;
	if (done_shown)
		return ms->has_completed ? ROLE_NORMAL : ROLE_DIM;
	return ms->has_due ? ROLE_NORMAL : ROLE_DIM;
}

/* One milestone line; `selected` reverses it, or with --thin-cursor only
 * its first two cells (the mark column and the status glyph): a move then
 * rewrites a few cells instead of two whole rows, for slow links. */
static void draw_row(struct ui *ui, WINDOW *w, int y, int x0, int inner_w, const struct layout_row *rowp, size_t m,
                     bool selected)
{
	const struct charter *c = &ui->charter;
	const struct milestone *ms = &c->milestones[m];
	const struct ui_glyphs *g = ui->scr->g;
	struct layout_row row = *rowp;
	char done[VIEW_DONE_COLUMNS + 1];
	done_words(ui, ms, &row, done);
	bool thin = selected && ui->opt.thin_cursor;
	attr_t rev = selected && !thin ? ui_attr(ui, ROLE_SELECTED) : 0;
	attr_t edge = selected ? ui_attr(ui, ROLE_SELECTED) : 0; /* the first two cells */
	bool overdue = progress_is_overdue(c, ms, ui->opt.today);
	bool match = view_is_match(&ui->view, m);

	if (selected)
		ui_fill(ui, w, y, x0, " ", thin ? row.glyph_x : inner_w, edge);
	if (match)
		ui_put_attr(ui, w, y, x0, g->match, 1, ui_attr(ui, ROLE_MATCH) | edge, false);
	ui_put_attr(ui, w, y, x0 + row.glyph_x, g->status[ms->status], 1,
	            ui_attr(ui, ui_status_role(ms->status)) | edge, false);

	/* the title, with the search match highlighted */
	attr_t ta = (overdue ? ui_attr(ui, ROLE_OVERDUE) : ui_attr(ui, ROLE_NORMAL)) | rev;
	char title[1024];
	text_truncate(title, sizeof title, ms->title ? ms->title : "", (size_t)row.title_w, ui->opt.ascii);
	size_t at, len;
	if (match && ui->view.query && text_find(title, ui->view.query, &at, &len)) {
		int x = x0 + row.title_x;
		char part[1024];
		memcpy(part, title, at);
		part[at] = '\0';
		x += ui_put_attr(ui, w, y, x, part, row.title_w, ta, false);
		memcpy(part, title + at, len);
		part[len] = '\0';
		x += ui_put_attr(ui, w, y, x, part, row.title_w, ui_attr(ui, ROLE_MATCH), false);
		ui_put_attr(ui, w, y, x, title + at + len, row.title_w, ta, false);
	} else {
		ui_put_attr(ui, w, y, x0 + row.title_x, title, row.title_w, ta, false);
	}
	/* someone else changed it a moment ago: say who instead of the owner */
	const struct ui_mark *mark = ui_live_mark_of(ui, ms->id);
	if (mark && !match)
		ui_put_attr(ui, w, y, x0, g->changed, 1, ui_attr(ui, ROLE_AT_RISK) | edge, false);
	if (mark && row.owner_x >= 0) {
		char who[160];
		long age = (long)(time(NULL) - mark->when);
		snprintf(who, sizeof who, "%s %s %lds", g->changed, mark->who ? mark->who : "changed", age < 0 ? 0 : age);
		ui_put_attr(ui, w, y, x0 + row.owner_x, who, row.owner_w, ui_attr(ui, ROLE_AT_RISK) | rev, true);
	} else if (row.owner_x >= 0 && ms->owner) {
		ui_put_attr(ui, w, y, x0 + row.owner_x, ms->owner, row.owner_w, ui_attr(ui, ROLE_DIM) | rev, true);
	}
	if (overdue && row.mark_x >= 0)
		ui_put_attr(ui, w, y, x0 + row.mark_x, "!", 1, ui_attr(ui, ROLE_OVERDUE) | rev, false);
	if (row.date_x >= 0) {
		/* open work in days ("12 d late", "in 2 d"), done work by its
		 * date; zoomed, every date (the zoom is for reading) */
		char due[VIEW_DONE_COLUMNS + 1], cell[VIEW_DONE_COLUMNS + 1];
		if (done[0])
			snprintf(due, sizeof due, "%s", done);
		else if (ui->view.zoom && milestone_has_date(ms))
			date_format(milestone_due(c, ms), due);
		else if (row.date_w < VIEW_DUE_COLUMNS) /* a narrow meter: "!12d", "+3d" */
			view_due_compact(c, ms, ui->opt.today, due, sizeof due);
		else
			view_due_short(c, ms, ui->opt.today, due, sizeof due);
		snprintf(cell, sizeof cell, "%*s", row.date_w, due);
		enum ui_role dr = date_role(ui, ms, overdue, done[0] != '\0');
		ui_put_attr(ui, w, y, x0 + row.date_x, cell, row.date_w, ui_attr(ui, dr) | rev, false);
	}
}

/* The top border: " Name " on the left, " state " on the right. */
static void draw_pane_top(struct ui *ui, struct rect r, size_t pi, const struct progress *p, bool focus, attr_t ba)
{
	WINDOW *w = ui->scr->body;
	const struct group *grp = &ui->charter.groups[pi];
	const char *state = p->total ? state_label(p->state) : "no milestones";
	int sw = (int)text_width(state) + 2;
	int name_room = r.w - 4 - 2 - sw - 1;
	if (name_room < 4) { /* too narrow for both: the name wins */
		sw = 0;
		name_room = r.w - 6;
	}
	if (name_room > 0) {
		int x = r.x + 2;
		ui_put_attr(ui, w, r.y, x, " ", 1, ba, false);
		attr_t na = focus ? ui_attr(ui, ROLE_FOCUS) | A_BOLD : ui_attr(ui, ROLE_TITLE);
		x += 1 + ui_put_attr(ui, w, r.y, x + 1, grp->name ? grp->name : grp->id, name_room, na, true);
		ui_put_attr(ui, w, r.y, x, " ", 1, ba, false);
	}
	if (sw) {
		int x = r.x + r.w - 2 - sw;
		ui_put_attr(ui, w, r.y, x, " ", 1, ba, false);
		ui_put(ui, w, r.y, x + 1, state, sw - 2, ui_pane_state_role(p->state), false);
		ui_put_attr(ui, w, r.y, x + sw - 1, " ", 1, ba, false);
	}
}

/* The progress bar with its label when it fits (the time bar is the
 * header's: every group shares the roadmap window). */
static void draw_pane_bars(struct ui *ui, struct rect r, const struct progress *p)
{
	WINDOW *w = ui->scr->body;
	char plabel[64], buf[64];
	ui_pane_label(p, plabel, sizeof plabel);
	int label_w = (int)text_width(plabel);
	struct layout_pane lp;
	layout_pane(r, label_w, &lp);
	int bx = r.x + lp.inner_x + 1;
	if (lp.bar_w > 0 && r.h > lp.bar_y + 1) {
		ui_pane_bar(ui, w, r.y + lp.bar_y, bx, lp.bar_w, p);
		if (lp.label_w) {
			text_pad(buf, sizeof buf, plabel, (size_t)lp.label_w, ui->opt.ascii, true);
			ui_put(ui, w, r.y + lp.bar_y, bx + lp.bar_w + 1, buf, lp.label_w, ROLE_TITLE, false);
		}
	}
}

/* The columns of a pane's milestone lines: a meter's, or a box's sized to
 * the longest title and owner on screen (titles first, owners whole when
 * the line has room). */
void ui_pane_columns(const struct ui *ui, const struct view_pane *vp, int lines, int inner_w,
                        struct layout_row *out)
{
	if (ui->scr->meter && inner_w < LAYOUT_METER_WIDE) {
		layout_row_meter(inner_w, out);
		return;
	}
	int title_max = 0, owner_max = 0;
	for (int i = 0; inner_w >= LAYOUT_OWNER_FROM && i < lines && vp->top + (size_t)i < vp->row_count; i++) {
		const struct milestone *ms = &ui->charter.milestones[vp->rows[vp->top + (size_t)i]];
		int tw = (int)text_width(ms->title ? ms->title : ""), ow = (int)text_width(ms->owner ? ms->owner : "");
		title_max = tw > title_max ? tw : title_max;
		owner_max = ow > owner_max ? ow : owner_max;
	}
	layout_row_fit(inner_w, title_max, owner_max, out);
}

/* The milestones from the pane's first row (dash_measure scrolled it). */
static void draw_pane_rows(struct ui *ui, struct rect r, size_t pi, bool focus)
{
	const struct view_pane *vp = &ui->view.panes[pi];
	struct layout_pane lp;
	ui_pane_lines(ui, r, 0, &lp);
	if (lp.list_h <= 0)
		return;
	if (vp->row_count == 0) {
		const char *why = ui->charter.groups[pi].count == 0 ? "no milestones yet" : "none match the filter";
		ui_put(ui, ui->scr->body, r.y + lp.list_y, r.x + lp.inner_x + 1, why, lp.inner_w - 2, ROLE_DIM, true);
		return;
	}
	struct layout_row cols;
	ui_pane_columns(ui, vp, lp.list_h, lp.inner_w, &cols);
	for (int i = 0; i < lp.list_h && vp->top + (size_t)i < vp->row_count; i++) {
		size_t row = vp->top + (size_t)i;
		draw_row(ui, ui->scr->body, r.y + lp.list_y + i, r.x + lp.inner_x, lp.inner_w, &cols, vp->rows[row],
		         focus && row == vp->sel);
	}
}

/* What a pane says about its list: the sort, the filter's share, rows off
 * screen ("by due date · ▼ 3 more"); returns its length. */
static size_t pane_info(struct ui *ui, struct rect r, size_t pi, char *info, size_t size)
{
	const struct view_pane *vp = &ui->view.panes[pi];
	const struct ui_glyphs *g = ui->scr->g;
	struct layout_pane lp;
	ui_pane_lines(ui, r, 0, &lp);
	int list_h = lp.list_h;
	size_t used = 0;
	info[0] = '\0';
	if (vp->sort != VIEW_SORT_ATTENTION)
		used += (size_t)snprintf(info + used, size - used, "by %s", view_sort_label(vp->sort));
	if (view_filter_active(&ui->view) && used < size)
		used += (size_t)snprintf(info + used, size - used, "%s%zu of %zu shown", used ? g->sep : "",
		                         vp->row_count, ui->charter.groups[pi].count);
	size_t above = vp->top, below = 0;
	if (list_h > 0 && vp->row_count > vp->top + (size_t)list_h)
		below = vp->row_count - vp->top - (size_t)list_h;
	if (list_h <= 0)
		above = 0, below = vp->row_count;
	if (above && used < size)
		used += (size_t)snprintf(info + used, size - used, "%s%s %zu more", used ? g->sep : "", g->more_up, above);
	if (below && used < size)
		used += (size_t)snprintf(info + used, size - used, "%s%s %zu more", used ? g->sep : "", g->more_down,
		                         below);
	return used < size ? used : size - 1;
}

/* The bottom border: pane_info. */
static void draw_pane_info(struct ui *ui, struct rect r, size_t pi, bool focus, attr_t ba)
{
	char info[160];
	size_t used = pane_info(ui, r, pi, info, sizeof info);
	if (used && r.w > 8 && r.h >= 2) {
		WINDOW *w = ui->scr->body;
		int y = r.y + r.h - 1;
		ui_put_attr(ui, w, y, r.x + 2, " ", 1, ba, false);
		int iw = ui_put(ui, w, y, r.x + 3, info, r.w - 6, focus ? ROLE_FOCUS : ROLE_DIM, true);
		ui_put_attr(ui, w, y, r.x + 3 + iw, " ", 1, ba, false);
	}
}

/* A pane the filter empties, collapsed to one line: its name, that
 * nothing matches, its numbers on the right when they fit. */
static void draw_pane_collapsed(struct ui *ui, size_t pi, struct rect r, bool focus)
{
	WINDOW *w = ui->scr->body;
	const struct ui_glyphs *g = ui->scr->g;
	const struct group *grp = &ui->charter.groups[pi];
	bool heavy = focus && !ui->opt.thin_cursor;
	attr_t ba = ui_attr(ui, heavy ? ROLE_FOCUS : ROLE_BORDER);
	ui_fill(ui, w, r.y, r.x, heavy ? g->fh : g->h, r.w, ba);
	char text[300], label[64];
	snprintf(text, sizeof text, "%s%snone match the filter", grp->name ? grp->name : grp->id, g->sep);
	ui_pane_label(view_group_progress(&ui->view, pi), label, sizeof label);
	int lw = (int)text_width(label) + 2;
	int room = r.w - 6 - (r.w - 8 - lw >= (int)text_width(text) ? lw + 1 : 0);
	int x = r.x + 2;
	ui_put_attr(ui, w, r.y, x, " ", 1, ba, false);
	x += 1 + ui_put(ui, w, r.y, x + 1, text, room, focus ? ROLE_FOCUS : ROLE_DIM, true);
	ui_put_attr(ui, w, r.y, x, " ", 1, ba, false);
	if (room < r.w - 6) {
		int lx = r.x + r.w - 2 - lw;
		ui_put_attr(ui, w, r.y, lx, " ", 1, ba, false);
		ui_put(ui, w, r.y, lx + 1, label, lw - 2, ROLE_DIM, false);
		ui_put_attr(ui, w, r.y, lx + lw - 1, " ", 1, ba, false);
	}
}

/* Rows off screen in short: "▲2▼3" (a narrow meter's pane_info). */
static void more_short(const struct ui *ui, struct rect r, size_t pi, char *buf, size_t size)
{
	const struct view_pane *vp = &ui->view.panes[pi];
	struct layout_pane lp;
	ui_pane_lines(ui, r, 0, &lp);
	size_t shown = lp.list_h > 0 ? (size_t)lp.list_h : 0;
	size_t below = vp->row_count > vp->top + shown ? vp->row_count - vp->top - shown : 0;
	const struct ui_glyphs *g = ui->scr->g;
	int n = 0;
	buf[0] = '\0';
	if (vp->top)
		n = snprintf(buf, size, "%s%zu", g->more_up, vp->top);
	if (below && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, "%s%zu", g->more_down, below);
}

/* A meter's line (htop's meters): the focus mark, the name (the group's
 * short name when the whole one leaves no room for the bar), the bar, the
 * count (and percent when it fits), the state, then what pane_info says
 * while there is room (else the rows off screen in short, "▼3"). */
static void draw_meter_top(struct ui *ui, struct rect r, size_t pi, const struct progress *p, bool focus)
{
	WINDOW *w = ui->scr->body;
	const struct group *grp = &ui->charter.groups[pi];
	const char *state = p->total ? state_label(p->state) : "no milestones";
	char label[64], info[160];
	ui_pane_label(p, label, sizeof label);
	size_t info_len = pane_info(ui, r, pi, info, sizeof info);
	int W = r.w - 1, sw = (int)text_width(state), iw = info_len ? (int)text_width(info) + 1 : 0;
	const char *name = grp->name ? grp->name : grp->id;
	if (grp->short_name && (int)text_width(name) > W - 2 - 1 - 4 - 1 - (int)strlen(label) - 1 - sw)
		name = grp->short_name;
	int nw = (int)text_width(name);
	if (W - 2 - nw - 1 - 4 - 1 - (int)strlen(label) - 1 - sw < 0 && p->total) /* no room: the count alone */
		snprintf(label, sizeof label, "%zu/%zu", p->counts[STATUS_DONE], p->total);
	int right = 1 + (int)strlen(label) + 1 + sw;
	if (W - 2 - nw - 1 - 4 - right - iw < 0) { /* no room to say it whole: "▼3" */
		more_short(ui, r, pi, info, sizeof info);
		iw = info[0] ? (int)text_width(info) + 1 : 0;
	}
	if (W - 2 - nw - 1 - 4 - right - iw < 0)
		iw = 0;
	int name_room = W - 2 - right - iw - 1;
	if (focus)
		ui_put(ui, w, r.y, r.x, ui->scr->g->pane_focus, 1, ROLE_FOCUS, false);
	attr_t na = focus ? ui_attr(ui, ROLE_FOCUS) | A_BOLD : ui_attr(ui, ROLE_TITLE);
	int x = r.x + 2;
	x += ui_put_attr(ui, w, r.y, x, name, name_room > 0 ? name_room : 0, na, true) + 1;
	int bar = r.x + W - right - iw - x;
	if (bar > 0)
		ui_pane_bar(ui, w, r.y, x, bar, p);
	x += bar > 0 ? bar : 0;
	x += 1 + ui_put(ui, w, r.y, x + 1, label, r.x + W - x - 1, ROLE_TITLE, false);
	x += 1 + ui_put(ui, w, r.y, x + 1, state, r.x + W - x - 1, ui_pane_state_role(p->state), false);
	if (iw)
		ui_put(ui, w, r.y, x + 1, info, r.x + W - x - 1, focus ? ROLE_FOCUS : ROLE_DIM, true);
}

void ui_pane_draw(struct ui *ui, size_t pi, struct rect r, bool focus)
{
	if (r.h == 1 && ui->view.panes[pi].row_count == 0) {
		draw_pane_collapsed(ui, pi, r, focus);
		return;
	}
	const struct progress p = *view_group_progress(&ui->view, pi);
	if (ui->scr->meter) {
		draw_meter_top(ui, r, pi, &p, focus);
		draw_pane_rows(ui, r, pi, focus);
		return;
	}
	/* --thin-cursor keeps every border light: the focus then shows in the
	 * name and the cursor, and moving between panes redraws no border */
	bool heavy = focus && !ui->opt.thin_cursor;
	ui_box(ui, ui->scr->body, r, heavy, NULL);
	attr_t ba = ui_attr(ui, heavy ? ROLE_FOCUS : ROLE_BORDER);
	draw_pane_top(ui, r, pi, &p, focus, ba);
	draw_pane_bars(ui, r, &p);
	draw_pane_rows(ui, r, pi, focus);
	draw_pane_info(ui, r, pi, focus, ba);
}

