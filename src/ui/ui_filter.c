/* ui_filter — the filter menu: statuses, overdue only, one owner. Changes
 * apply at once (the panes behind update); the menu closes with Esc and the
 * filter stays, shown in the footer until `c` clears it. */
#include "ui_filter.h"
#include "ui_requests.h"
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/report/progress.h"
#include "charterdash/core/text.h"
#include "charterdash/core/strutil.h"

/* Menu lines: headings and items; the cursor visits items only. */
enum item_kind { ITEM_HEADING, ITEM_STATUS, ITEM_OVERDUE, ITEM_OWNER_ANY, ITEM_OWNER };

struct item {
	enum item_kind kind;
	size_t arg; /* status, or owner index */
};

static const enum status status_order[] = { STATUS_NOT_STARTED, STATUS_IN_PROGRESS, STATUS_BLOCKED, STATUS_DONE };

/* The i-th line of the menu; returns false past the end. */
static bool menu_line(const struct ui *ui, size_t i, struct item *it)
{
	if (i == 0) {
		*it = (struct item){ ITEM_HEADING, 0 };
		return true;
	}
	if (i <= STATUS_COUNT) {
		*it = (struct item){ ITEM_STATUS, (size_t)status_order[i - 1] };
		return true;
	}
	i -= STATUS_COUNT + 1;
	if (i == 0) {
		*it = (struct item){ ITEM_HEADING, 1 };
		return true;
	}
	if (i == 1) {
		*it = (struct item){ ITEM_OVERDUE, 0 };
		return true;
	}
	i -= 2;
	if (i == 0) {
		*it = (struct item){ ITEM_HEADING, 2 };
		return true;
	}
	if (i == 1) {
		*it = (struct item){ ITEM_OWNER_ANY, 0 };
		return true;
	}
	i -= 2;
	if (i < ui->menu.owner_count) {
		*it = (struct item){ ITEM_OWNER, i };
		return true;
	}
	return false;
}

static size_t menu_lines(const struct ui *ui)
{
	return STATUS_COUNT + 1 + 2 + 2 + ui->menu.owner_count;
}

/* The owners of the charter shown (made again after it was replaced:
 * the names point into it). */
static void owners_ready(struct ui *ui)
{
	if (ui->menu.owners && ui->menu.serial == ui->charter_serial)
		return;
	free(ui->menu.owners);
	ui->menu.owner_count = 0;
	ui->menu.owners = view_owners(&ui->charter, &ui->menu.owner_count);
	ui->menu.serial = ui->charter_serial;
}

/* The menu line of the cursor (menu_sel counts items, not headings). */
static size_t cursor_line(const struct ui *ui)
{
	size_t items = 0;
	struct item it;
	for (size_t i = 0; menu_line(ui, i, &it); i++) {
		if (it.kind == ITEM_HEADING)
			continue;
		if (items++ == ui->menu.sel)
			return i;
	}
	return 1;
}

static size_t item_count(const struct ui *ui)
{
	return STATUS_COUNT + 2 + ui->menu.owner_count;
}

static void label_of(const struct ui *ui, const struct item *it, char *buf, size_t size)
{
	const struct ui_glyphs *g = ui->scr->g;
	const struct view_filter *f = &ui->view.filter;
	switch (it->kind) {
	case ITEM_HEADING: {
		static const char *const h[] = { "Show milestones that are", "Only", "Owner" };
		snprintf(buf, size, "%s", h[it->arg]);
		break;
	}
	case ITEM_STATUS:
		snprintf(buf, size, "%s %s %s", f->statuses & (1u << it->arg) ? g->check_on : g->check_off,
		         g->status[it->arg], status_label((enum status)it->arg));
		break;
	case ITEM_OVERDUE:
		snprintf(buf, size, "%s overdue (past due, not done)", f->overdue_only ? g->check_on : g->check_off);
		break;
	case ITEM_OWNER_ANY:
		snprintf(buf, size, "%s any owner", f->owner ? g->radio_off : g->radio_on);
		break;
	case ITEM_OWNER: {
		const char *o = ui->menu.owners[it->arg];
		snprintf(buf, size, "%s %s", f->owner && strcmp(f->owner, o) == 0 ? g->radio_on : g->radio_off, o);
		break;
	}
	}
}

static int menu_width(const struct ui *ui)
{
	int w = 36;
	struct item it;
	char buf[512];
	for (size_t i = 0; menu_line(ui, i, &it); i++) {
		label_of(ui, &it, buf, sizeof buf);
		int lw = (int)text_width(buf) + 6;
		if (lw > w)
			w = lw;
	}
	return w;
}

static struct rect filter_rect(struct ui *ui)
{
	owners_ready(ui);
	struct rect body = ui->scr->regions.body;
	return layout_center(body, menu_width(ui), (int)menu_lines(ui) + 2);
}

/* Scrolls the menu so that the cursor shows, and the heading above it
 * when possible. */
static void filter_measure(struct ui *ui)
{
	owners_ready(ui);
	int view_h = ui->scr->overlay_rect.h - 2;
	size_t lines = menu_lines(ui);
	size_t cur = cursor_line(ui);
	size_t want = cur > 0 ? cur - 1 : 0;
	ui->menu.top = layout_scroll(ui->menu.top, cur, lines, (size_t)(view_h > 0 ? view_h : 1));
	if (want < ui->menu.top)
		ui->menu.top = want;
}

static void filter_draw(struct ui *ui)
{
	WINDOW *w = ui->scr->overlay;
	struct rect r = ui->scr->overlay_rect;
	werase(w);
	struct rect box = { 0, 0, r.w, r.h };
	ui_box(ui, w, box, true, "Filter");
	int view_h = r.h - 2;
	size_t cur = cursor_line(ui);
	struct item it;
	char buf[512];
	for (int y = 0; y < view_h; y++) {
		size_t i = ui->menu.top + (size_t)y;
		if (!menu_line(ui, i, &it))
			break;
		label_of(ui, &it, buf, sizeof buf);
		if (it.kind == ITEM_HEADING) {
			ui_put(ui, w, 1 + y, 2, buf, r.w - 4, ROLE_LABEL, true);
			continue;
		}
		bool sel = i == cur;
		if (sel)
			ui_fill(ui, w, 1 + y, 1, " ", r.w - 2, ui_attr(ui, ROLE_SELECTED));
		attr_t a = sel ? ui_attr(ui, ROLE_SELECTED) : ui_attr(ui, ROLE_NORMAL);
		if (it.kind == ITEM_STATUS && !sel)
			a = ui_attr(ui, ROLE_NORMAL);
		ui_put_attr(ui, w, 1 + y, 4, buf, r.w - 6, a, true);
	}
}

static unsigned toggle(struct ui *ui)
{
	struct item it;
	if (!menu_line(ui, cursor_line(ui), &it))
		return UI_HANDLED;
	struct view_filter f = ui->view.filter; /* shallow: owner copied by view_set_filter */
	switch (it.kind) {
	case ITEM_STATUS:
		f.statuses ^= 1u << it.arg;
		break;
	case ITEM_OVERDUE:
		f.overdue_only = !f.overdue_only;
		break;
	case ITEM_OWNER_ANY:
		f.owner = NULL;
		break;
	case ITEM_OWNER:
		f.owner = str_unconst(ui->menu.owners[it.arg]); /* view_set_filter copies it */
		break;
	default:
		return UI_HANDLED;
	}
	if (!view_set_filter(&ui->view, &f))
		ui_error(ui, "Out of memory: the filter was not applied");
	ui->dirty |= UI_DIRTY_ALL;
	return UI_HANDLED | UI_REDRAW;
}

unsigned ui_filter_request(struct ui *ui, enum ui_request req)
{
	owners_ready(ui);
	size_t n = item_count(ui);
	size_t old = ui->menu.sel;
	size_t page = ui->scr->overlay_rect.h > 4 ? (size_t)ui->scr->overlay_rect.h - 4 : 1;
	switch (req) {
	case UI_REQ_MOVE_UP:
		if (ui->menu.sel > 0)
			ui->menu.sel--;
		break;
	case UI_REQ_MOVE_DOWN:
		if (ui->menu.sel + 1 < n)
			ui->menu.sel++;
		break;
	case UI_REQ_PAGE_UP:
		ui->menu.sel = ui->menu.sel > page ? ui->menu.sel - page : 0;
		break;
	case UI_REQ_PAGE_DOWN:
		ui->menu.sel = ui->menu.sel + page < n ? ui->menu.sel + page : n - 1;
		break;
	case UI_REQ_FIRST:
		ui->menu.sel = 0;
		break;
	case UI_REQ_LAST:
		ui->menu.sel = n - 1;
		break;
	case UI_REQ_MENU_TOGGLE:
		return toggle(ui);
	case UI_REQ_MENU_CLEAR:
		view_clear_filter(&ui->view);
		ui_message(ui, "Filter cleared");
		ui->dirty |= UI_DIRTY_ALL;
		return UI_HANDLED | UI_REDRAW;
	default:
		return 0;
	}
	return UI_HANDLED | (ui->menu.sel != old ? UI_REDRAW : 0);
}

const struct ui_screen_ops ui_screen_filter = {
	.request = ui_filter_request,
	.rect = filter_rect,
	.measure = filter_measure,
	.draw = filter_draw,
};

/* H: the done milestones out of the panes and back (the status filter's
 * "done", so the footer names it and c clears it). */
unsigned ui_act_hide_done(struct ui *ui, enum ui_request req)
{
	(void)req;
	struct view_filter f = ui->view.filter;
	f.statuses ^= 1u << STATUS_DONE;
	if (!view_set_filter(&ui->view, &f)) {
		ui_error(ui, "Out of memory: the filter was not applied");
		return UI_HANDLED | UI_REDRAW;
	}
	bool hidden = !(ui->view.filter.statuses & (1u << STATUS_DONE));
	ui_message(ui, hidden ? "Done milestones hidden (H shows them)" : "Done milestones shown (H hides them)");
	return UI_HANDLED | UI_RELAYOUT;
}
