/* ui_keys — running requests: a key through the bindings of the mode on
 * top (ui_requests.c) to its request's handler, the table of handlers (the
 * one place that names every screen's), and the handlers of the
 * dashboard's moves and views and of the overlays' scrolling.
 *
 * A handler `unsigned fn(struct ui *, enum ui_request)` returns UI_* flags
 * (0: not mine: the next binding of the key is tried). */
#include "ui_keys.h"
/* the handlers the request table names */
#include "ui_agenda.h"
#include "ui_changes.h"
#include "ui_pane.h"
#include "ui_detail.h"
#include "ui_edit.h"
#include "ui_filter.h"
#include "ui_help.h"
#include "ui_minutes.h"
#include "ui_mouse.h"
#include "ui_prompt.h"
#include "ui_search.h"
#include "ui_status.h"
#include "ui_timeline.h"
/* and what it uses */
#include "ui_follow.h"
#include "ui_live.h"
#include "ui_modes.h"
#include "ui_paste.h"
#include "ui_requests.h"
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/text.h"

/* --- counts: 3j ----------------------------------------------------------- */

/* The largest count kept: more is a slip, and the moves clamp anyway. */
#define COUNT_MAX 9999u

/* A digit typed before a move; the moves take it (take_count). */
static unsigned ui_req_count(struct ui *ui, enum ui_request req)
{
	unsigned digit = (unsigned)(req - UI_REQ_COUNT_0);
	if (digit == 0 && ui->count == 0)
		return UI_HANDLED; /* a lone 0 counts nothing */
	ui->count = ui->count * 10 + digit;
	if (ui->count > COUNT_MAX)
		ui->count = COUNT_MAX;
	ui->dirty |= UI_DIRTY_FOOTER;
	return UI_HANDLED;
}

static unsigned act_zoom(struct ui *ui)
{
	if (!ui->view.pane_count)
		return UI_HANDLED;
	ui->view.zoom = !ui->view.zoom;
	return UI_HANDLED | UI_RELAYOUT;
}

static unsigned act_search_open(struct ui *ui)
{
	free(ui->search.before);
	ui->search.before = ui_strdup(ui->view.query);
	ui_search_open(ui);
	return UI_HANDLED | UI_REDRAW;
}

static unsigned act_search_next(struct ui *ui, int direction)
{
	if (!ui->view.query) {
		ui_message(ui, "No search yet: press / to search titles, owners and notes");
		return UI_HANDLED | UI_REDRAW;
	}
	if (!view_search_next(&ui->view, direction))
		ui_error(ui, "No match for \"%s\"", ui->view.query);
	else
		ui->message[0] = '\0';
	return UI_HANDLED | UI_REDRAW;
}

static unsigned act_filter_open(struct ui *ui)
{
	ui->menu.sel = 0;
	ui->menu.top = 0;
	ui_push(ui, UI_MODE_FILTER);
	return UI_HANDLED | UI_RELAYOUT;
}

static unsigned act_clear(struct ui *ui)
{
	bool any = view_filter_active(&ui->view) || ui->view.query;
	view_clear_filter(&ui->view);
	view_search(&ui->view, NULL);
	ui_message(ui, any ? "Filter and search cleared" : "No filter or search to clear");
	return UI_HANDLED | UI_RELAYOUT;
}

static unsigned act_sort(struct ui *ui)
{
	if (!ui->view.pane_count)
		return UI_HANDLED;
	enum view_sort s = view_cycle_sort(&ui->view);
	const char *name = ui->charter.groups[ui->view.focus].name;
	/* the order first: a narrow meter pane has no room to show it */
	ui_message(ui, "Now sorted by %s: %s (s: next order)", view_sort_label(s), name ? name : "");
	return UI_HANDLED | UI_REDRAW;
}

static unsigned act_mouse(struct ui *ui)
{
	ui_term_mouse(ui, !ui->mouse);
	ui_message(ui, ui->mouse ? "Mouse on: click selects, double click opens, wheel scrolls (M: off, "
	                           "and text selection works again)"
	                         : "Mouse off (M: on)");
	return UI_HANDLED | UI_REDRAW;
}

static unsigned act_help(struct ui *ui)
{
	ui->help.top = 0;
	ui_push(ui, UI_MODE_HELP);
	return UI_HANDLED | UI_RELAYOUT;
}

static unsigned act_escape(struct ui *ui)
{
	/* Esc on the main view: clear a search, then a filter */
	if (ui->view.query) {
		view_search(&ui->view, NULL);
		ui_message(ui, "Search cleared");
		return UI_HANDLED | UI_REDRAW;
	}
	if (view_filter_active(&ui->view))
		return act_clear(ui);
	return UI_HANDLED;
}

static unsigned act_redraw(struct ui *ui)
{
	clearok(curscr, TRUE);
	ui->dirty = UI_DIRTY_ALL;
	return UI_HANDLED | UI_RELAYOUT;
}

/* What is shown and how: zoom, search, filter, sort, help, quit ... */
static unsigned ui_req_view(struct ui *ui, enum ui_request req)
{
	switch (req) {
	case UI_REQ_ZOOM: return act_zoom(ui);
	case UI_REQ_SEARCH: return act_search_open(ui);
	case UI_REQ_MATCH_NEXT: return act_search_next(ui, 1);
	case UI_REQ_MATCH_PREV: return act_search_next(ui, -1);
	case UI_REQ_FILTER: return act_filter_open(ui);
	case UI_REQ_CLEAR: return act_clear(ui);
	case UI_REQ_ESCAPE: return act_escape(ui);
	case UI_REQ_SORT: return act_sort(ui);
	case UI_REQ_MOUSE_TOGGLE: return act_mouse(ui);
	case UI_REQ_HELP: return act_help(ui);
	case UI_REQ_QUIT: return UI_HANDLED | UI_QUIT;
	case UI_REQ_REDRAW: return act_redraw(ui);
	default: return 0;
	}
}

/* Pops the screen on top (its close request). */
static unsigned ui_act_close(struct ui *ui, enum ui_request req)
{
	(void)req;
	ui_pop(ui);
	return UI_HANDLED | UI_RELAYOUT;
}

/* --- the handlers --------------------------------------------------------- */

#define UI_REQ_FN(name, fn, flags, help, hint, rank) [UI_REQ_##name] = fn,
static const ui_request_fn handlers[UI_REQ_COUNT] = { UI_REQUESTS(UI_REQ_FN) };
#undef UI_REQ_FN

/* Runs the handler of `req`. */
static unsigned ui_run_request(struct ui *ui, enum ui_request req)
{
	return req < UI_REQ_COUNT ? handlers[req](ui, req) : 0;
}

/* --- dispatch ----------------------------------------------------------- */

unsigned ui_dispatch(struct ui *ui, int key)
{
	if (ui_paste_wants(ui, key)) /* pasted text is never a command */
		return ui_paste_key(ui, key);
	unsigned ctx = UI_CTX(ui_mode(ui));
	bool ask = ui_following(ui) && ui_dialog_mode(ui) == UI_MODE_MAIN;
	for (const struct ui_binding *b = ui_bindings; b->key; b++) {
		if (b->key != key || !(b->contexts & ctx))
			continue;
		unsigned props = ui_request_flags(b->req);
		/* a follower moves, scrolls and leaves on their own (until the
		 * leader moves again); anything else asks to stop following */
		if (ask && !(props & UI_RF_NAV))
			return ui_follow_ask(ui);
		unsigned flags = ui_run_request(ui, b->req);
		if (flags) {
			if (!(props & UI_RF_COUNT) && ui->count) /* a count is for the next key only */
				ui_take_count(ui);
			return flags;
		}
	}
	if (ui->count)
		ui_take_count(ui);
	const struct ui_screen_ops *ops = ui_screen_of(ui);
	if (ops->type)
		return ops->type(ui, key);
	return ui_modes[ui_mode(ui)].answer_only ? UI_HANDLED : 0;
}

