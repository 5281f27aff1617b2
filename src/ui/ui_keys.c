/* ui_keys — the requests' table (from UI_REQUESTS in ui_internal.h), the
 * key bindings, the handlers of the dashboard's moves and views and of the
 * overlays' scrolling, key names, dispatch and the footer hints.
 *
 * To add a key: add a request to UI_REQUESTS (its handler, help text,
 * footer word and rank) and its keys to ui_bindings[] below. The handler
 * `unsigned fn(struct ui *, enum ui_request)` returns UI_* flags (0: not
 * mine). The help overlay and the footer pick it up. */
#include "ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/text.h"

/* --- the dashboard's requests -------------------------------------------- */

static int grid_cols(const struct ui *ui)
{
	return ui->view.zoom ? 1 : ui->scr->grid.cols > 0 ? ui->scr->grid.cols : 1;
}

/* Lines of milestones the focused pane shows now. */
static long page_lines(const struct ui *ui)
{
	const struct ui_screen *scr = ui->scr;
	if (!ui->view.pane_count || !scr->panes)
		return 1;
	long h = scr->panes[ui->view.focus].h - LAYOUT_PANE_CHROME;
	return h > 1 ? h - 1 : 1;
}

/* --- counts: 3j ----------------------------------------------------------- */

/* The largest count kept: more is a slip, and the moves clamp anyway. */
#define COUNT_MAX 9999u

unsigned ui_req_count(struct ui *ui, enum ui_request req)
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

unsigned ui_take_count(struct ui *ui)
{
	unsigned n = ui->count ? ui->count : 1;
	ui->count = 0;
	ui->dirty |= UI_DIRTY_FOOTER;
	return n;
}

static bool is_count(enum ui_request req)
{
	return req >= UI_REQ_COUNT_0 && req <= UI_REQ_COUNT_9;
}

/* One step of a move; true when something moved. */
static bool move_once(struct ui *ui, enum ui_request req)
{
	struct view *v = &ui->view;
	switch (req) {
	case UI_REQ_MOVE_UP:
	case UI_REQ_MOVE_DOWN: {
		int d = req == UI_REQ_MOVE_UP ? -1 : 1;
		/* zoomed: stay in the pane */
		return v->zoom ? view_move(v, d) : view_step(v, d, grid_cols(ui));
	}
	/* the same screen row when the new pane shows it, else its first */
	case UI_REQ_PANE_PREV: return view_change_pane(v, -1, false);
	case UI_REQ_PANE_NEXT: return view_change_pane(v, 1, false);
	case UI_REQ_PANE_CYCLE: return view_change_pane(v, 1, true);
	case UI_REQ_PANE_CYCLE_BACK: return view_change_pane(v, -1, true);
	case UI_REQ_PAGE_UP: return view_move(v, -page_lines(ui));
	case UI_REQ_PAGE_DOWN: return view_move(v, page_lines(ui));
	default: return false;
	}
}

/* Moving the selection and the focus, `count` times (3j); with a count,
 * g and G go to that row (5G: the fifth). A redraw when something moved. */
static unsigned ui_req_move(struct ui *ui, enum ui_request req)
{
	bool counted = ui->count != 0;
	unsigned n = ui_take_count(ui);
	bool changed = false;
	switch (req) {
	case UI_REQ_FIRST:
	case UI_REQ_LAST:
		if (counted)
			changed = view_move_to(&ui->view, n - 1);
		else
			changed = view_move_to(&ui->view, req == UI_REQ_FIRST ? 0 : SIZE_MAX);
		break;
	default:
		for (unsigned i = 0; i < n && move_once(ui, req); i++)
			changed = true;
		break;
	}
	return UI_HANDLED | (changed ? UI_REDRAW : 0);
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
	ui->search.text[0] = '\0';
	ui_push(ui, UI_MODE_SEARCH);
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
	ui_message(ui, "%s: sorted by %s (s: next order)", name ? name : "", view_sort_label(s));
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

/* --- overlay scrolling (detail, help, changes) --------------------------- */

static unsigned ui_req_scroll(struct ui *ui, enum ui_request req)
{
	const struct ui_screen_ops *ops = ui_screen_of(ui);
	if (!ops->scroll_at)
		return 0;
	size_t lines, *top = ops->scroll_at(ui, &lines);
	struct rect r = ui->scr->overlay_rect; /* as laid out (ui_relayout) */
	size_t view_h = r.h > 2 ? (size_t)(r.h - 2) : 1;
	size_t max = lines > view_h ? lines - view_h : 0;
	size_t old = *top;
	long page = (long)(view_h > 1 ? view_h - 1 : 1);
	long t = (long)*top;
	switch (req) {
	case UI_REQ_SCROLL_UP: t--; break;
	case UI_REQ_SCROLL_DOWN: t++; break;
	case UI_REQ_SCROLL_PAGE_UP: t -= page; break;
	case UI_REQ_SCROLL_PAGE_DOWN: t += page; break;
	case UI_REQ_SCROLL_TOP: t = 0; break;
	case UI_REQ_SCROLL_BOTTOM: t = (long)max; break;
	default: return 0;
	}
	if (t < 0)
		t = 0;
	if ((size_t)t > max)
		t = (long)max;
	*top = (size_t)t;
	return UI_HANDLED | (*top != old ? UI_REDRAW : 0);
}

unsigned ui_act_close(struct ui *ui, enum ui_request req)
{
	(void)req;
	ui_pop(ui);
	return UI_HANDLED | UI_RELAYOUT;
}

/* --- the requests --------------------------------------------------------- */

struct request_info {
	ui_request_fn fn;
	const char *help, *hint;
	int rank;
};

#define UI_REQ_INFO(name, f, h, w, r) [UI_REQ_##name] = { f, h, w, r },
static const struct request_info requests[UI_REQ_COUNT] = { UI_REQUESTS(UI_REQ_INFO) };
#undef UI_REQ_INFO

const char *ui_request_help(enum ui_request req)
{
	return req < UI_REQ_COUNT ? requests[req].help : NULL;
}

unsigned ui_run_request(struct ui *ui, enum ui_request req)
{
	return req < UI_REQ_COUNT ? requests[req].fn(ui, req) : 0;
}

/* --- the keys ------------------------------------------------------------- */

#define MAIN UI_CTX(UI_MODE_MAIN)
#define DETAIL UI_CTX(UI_MODE_DETAIL)
#define HELP UI_CTX(UI_MODE_HELP)
#define SEARCH UI_CTX(UI_MODE_SEARCH)
#define FILTER UI_CTX(UI_MODE_FILTER)
#define EDIT UI_CTX(UI_MODE_EDIT)
#define CONFIRM UI_CTX(UI_MODE_CONFIRM)
#define CHANGES UI_CTX(UI_MODE_CHANGES)
#define AGENDA UI_CTX(UI_MODE_AGENDA)
#define TIMELINE UI_CTX(UI_MODE_TIMELINE)
#define STATUS UI_CTX(UI_MODE_STATUS)
#define OVERLAYS (DETAIL | HELP | CHANGES)
#define B(ctx, key, req) { ctx, key, UI_REQ_##req }

/* The first row matching the mode and the key wins; the help lists a
 * line's keys in this order. */
const struct ui_binding ui_bindings[] = {
	/* the dashboard */
	B(MAIN, UI_FN(KEY_UP), MOVE_UP), B(MAIN, 'k', MOVE_UP),
	B(MAIN, UI_FN(KEY_DOWN), MOVE_DOWN), B(MAIN, 'j', MOVE_DOWN),
	B(MAIN, UI_FN(KEY_LEFT), PANE_PREV), B(MAIN, 'h', PANE_PREV),
	B(MAIN, UI_FN(KEY_RIGHT), PANE_NEXT), B(MAIN, 'l', PANE_NEXT),
	B(MAIN, '\t', PANE_CYCLE), B(MAIN, UI_FN(KEY_BTAB), PANE_CYCLE_BACK),
	B(MAIN, UI_FN(KEY_PPAGE), PAGE_UP), B(MAIN, UI_FN(KEY_NPAGE), PAGE_DOWN),
	B(MAIN, UI_FN(KEY_HOME), FIRST), B(MAIN, 'g', FIRST),
	B(MAIN, UI_FN(KEY_END), LAST), B(MAIN, 'G', LAST),
	B(MAIN, '\r', DETAIL), B(MAIN, '\n', DETAIL), B(MAIN, UI_FN(KEY_ENTER), DETAIL),
	B(MAIN, 'z', ZOOM),
	B(MAIN, '/', SEARCH),
	B(MAIN, 'n', MATCH_NEXT), B(MAIN, 'N', MATCH_PREV),
	B(MAIN, 'f', FILTER),
	B(MAIN, 'c', CLEAR),
	B(MAIN, UI_ESC, ESCAPE),
	B(MAIN, 's', SORT),
	B(MAIN, 'M', MOUSE_TOGGLE),
	/* editing */
	B(MAIN | DETAIL, ' ', STATUS_MENU),
	B(MAIN | DETAIL, 'e', EDIT),
	B(MAIN | DETAIL, 'E', EDIT_NOTES),
	B(MAIN, 'a', ADD),
	B(MAIN | DETAIL, 'D', DELETE),
	B(MAIN | DETAIL, 'u', UNDO),
	B(MAIN | DETAIL, UI_CTRL('r'), REDO),
	B(MAIN, 'm', MEETING),
	B(MAIN, 'w', CHANGES),
	B(MAIN | DETAIL | FILTER, '?', HELP),
	B(MAIN, 'q', QUIT),
	B(UI_CTX_ALL & ~SEARCH, UI_CTRL('l'), REDRAW),
	B(UI_CTX_ALL, UI_FN(KEY_MOUSE), MOUSE),
	/* the detail view, the help and the changes */
	B(OVERLAYS, UI_FN(KEY_UP), SCROLL_UP), B(OVERLAYS, 'k', SCROLL_UP),
	B(OVERLAYS, UI_FN(KEY_DOWN), SCROLL_DOWN), B(OVERLAYS, 'j', SCROLL_DOWN),
	B(OVERLAYS, UI_FN(KEY_PPAGE), SCROLL_PAGE_UP), B(OVERLAYS, UI_FN(KEY_NPAGE), SCROLL_PAGE_DOWN),
	B(OVERLAYS, ' ', SCROLL_PAGE_DOWN),
	B(OVERLAYS, UI_FN(KEY_HOME), SCROLL_TOP), B(OVERLAYS, 'g', SCROLL_TOP),
	B(OVERLAYS, UI_FN(KEY_END), SCROLL_BOTTOM), B(OVERLAYS, 'G', SCROLL_BOTTOM),
	B(OVERLAYS, UI_ESC, BACK), B(OVERLAYS, 'q', BACK), B(OVERLAYS, '\r', BACK),
	B(OVERLAYS, UI_FN(KEY_BACKSPACE), BACK),
	B(HELP, '?', HELP_CLOSE),
	B(HELP, '/', HELP_SEARCH), B(HELP, 'n', HELP_MATCH_NEXT), B(HELP, 'N', HELP_MATCH_PREV),
	B(CHANGES, 'w', CHANGES_CLOSE),
	B(CHANGES, 's', MINUTES_SAVE), B(CHANGES, 'p', MINUTES_PAGE),
	/* the line editor; 127 and Ctrl-H are Backspace on some terminals */
	B(EDIT, '\r', PROMPT_ENTER), B(EDIT, '\n', PROMPT_ENTER), B(EDIT, UI_FN(KEY_ENTER), PROMPT_ENTER),
	B(EDIT, UI_ESC, PROMPT_CANCEL),
	B(EDIT, '\t', FIELD_NEXT), B(EDIT, UI_FN(KEY_BTAB), FIELD_PREV),
	B(EDIT, UI_CTRL('o'), PROMPT_EDITOR),
	B(EDIT, UI_FN(KEY_LEFT), CHAR_LEFT), B(EDIT, UI_FN(KEY_RIGHT), CHAR_RIGHT),
	B(EDIT, UI_FN(KEY_HOME), TEXT_START), B(EDIT, UI_FN(KEY_END), TEXT_END),
	B(EDIT, UI_CTRL('a'), TEXT_START), B(EDIT, UI_CTRL('e'), TEXT_END),
	B(EDIT, UI_FN(KEY_BACKSPACE), DELETE_BEFORE), B(EDIT, UI_FN(KEY_DC), DELETE_UNDER),
	B(EDIT, 127, DELETE_BEFORE), B(EDIT, UI_CTRL('h'), DELETE_BEFORE),
	B(EDIT, UI_CTRL('u'), KILL_START), B(EDIT, UI_CTRL('k'), KILL_END), B(EDIT, UI_CTRL('w'), KILL_WORD),
	/* questions */
	B(CONFIRM, 'y', ANSWER_YES), B(CONFIRM, 'm', ANSWER_MINE),
	B(CONFIRM, 'n', ANSWER_NO), B(CONFIRM, 't', ANSWER_THEIRS), B(CONFIRM, UI_ESC, ANSWER_CANCEL),
	/* the search prompt */
	B(SEARCH, '\r', SEARCH_ACCEPT), B(SEARCH, '\n', SEARCH_ACCEPT), B(SEARCH, UI_FN(KEY_ENTER), SEARCH_ACCEPT),
	B(SEARCH, UI_ESC, SEARCH_CANCEL),
	/* the filter menu */
	B(FILTER, UI_FN(KEY_UP), MENU_UP), B(FILTER, 'k', MENU_UP),
	B(FILTER, UI_FN(KEY_DOWN), MENU_DOWN), B(FILTER, 'j', MENU_DOWN),
	B(FILTER, ' ', MENU_TOGGLE), B(FILTER, '\r', MENU_TOGGLE), B(FILTER, '\n', MENU_TOGGLE),
	B(FILTER, UI_FN(KEY_ENTER), MENU_TOGGLE),
	B(FILTER, UI_FN(KEY_PPAGE), MENU_PAGE_UP), B(FILTER, UI_FN(KEY_NPAGE), MENU_PAGE_DOWN),
	B(FILTER, UI_FN(KEY_HOME), MENU_FIRST), B(FILTER, UI_FN(KEY_END), MENU_LAST),
	B(FILTER, 'c', MENU_CLEAR),
	B(FILTER, UI_ESC, MENU_CLOSE), B(FILTER, 'q', MENU_CLOSE), B(FILTER, 'f', MENU_CLOSE),
	/* the views */
	B(MAIN, 'H', HIDE_DONE),
	B(MAIN, 'A', AGENDA),
	B(AGENDA, UI_FN(KEY_UP), AGENDA_UP), B(AGENDA, 'k', AGENDA_UP),
	B(AGENDA, UI_FN(KEY_DOWN), AGENDA_DOWN), B(AGENDA, 'j', AGENDA_DOWN),
	B(AGENDA, UI_FN(KEY_HOME), AGENDA_FIRST), B(AGENDA, 'g', AGENDA_FIRST),
	B(AGENDA, UI_FN(KEY_END), AGENDA_LAST), B(AGENDA, 'G', AGENDA_LAST),
	B(AGENDA, '\r', AGENDA_DETAIL), B(AGENDA, '\n', AGENDA_DETAIL), B(AGENDA, UI_FN(KEY_ENTER), AGENDA_DETAIL),
	B(AGENDA, ' ', AGENDA_STATUS),
	B(AGENDA, UI_ESC, AGENDA_CLOSE), B(AGENDA, 'q', AGENDA_CLOSE), B(AGENDA, 'A', AGENDA_CLOSE),
	B(AGENDA, '?', HELP),
	B(MAIN, 'T', TIMELINE),
	B(TIMELINE, UI_FN(KEY_LEFT), TIMELINE_EARLIER), B(TIMELINE, 'h', TIMELINE_EARLIER),
	B(TIMELINE, UI_FN(KEY_RIGHT), TIMELINE_LATER), B(TIMELINE, 'l', TIMELINE_LATER),
	B(TIMELINE, UI_FN(KEY_UP), TIMELINE_PREV), B(TIMELINE, 'k', TIMELINE_PREV),
	B(TIMELINE, UI_FN(KEY_DOWN), TIMELINE_NEXT), B(TIMELINE, 'j', TIMELINE_NEXT),
	B(TIMELINE, '+', TIMELINE_ZOOM_IN), B(TIMELINE, '=', TIMELINE_ZOOM_IN),
	B(TIMELINE, '-', TIMELINE_ZOOM_OUT),
	B(TIMELINE, 'b', TIMELINE_BURNUP),
	B(TIMELINE, '\r', TIMELINE_DETAIL), B(TIMELINE, '\n', TIMELINE_DETAIL),
	B(TIMELINE, UI_FN(KEY_ENTER), TIMELINE_DETAIL),
	B(TIMELINE, UI_ESC, TIMELINE_CLOSE), B(TIMELINE, 'q', TIMELINE_CLOSE), B(TIMELINE, 'T', TIMELINE_CLOSE),
	B(TIMELINE, '?', HELP),
	/* counts and the status menu (issue 13): a digit never writes */
	B(MAIN, '0', COUNT_0), B(MAIN, '1', COUNT_1), B(MAIN, '2', COUNT_2), B(MAIN, '3', COUNT_3),
	B(MAIN, '4', COUNT_4), B(MAIN, '5', COUNT_5), B(MAIN, '6', COUNT_6), B(MAIN, '7', COUNT_7),
	B(MAIN, '8', COUNT_8), B(MAIN, '9', COUNT_9),
	B(STATUS, '1', STATUS_NOT_STARTED), B(STATUS, 'n', STATUS_NOT_STARTED),
	B(STATUS, '2', STATUS_IN_PROGRESS), B(STATUS, 'i', STATUS_IN_PROGRESS),
	B(STATUS, '3', STATUS_BLOCKED), B(STATUS, 'b', STATUS_BLOCKED),
	B(STATUS, '4', STATUS_DONE), B(STATUS, 'd', STATUS_DONE),
	B(STATUS, UI_ESC, STATUS_CANCEL), B(STATUS, ' ', STATUS_CANCEL), B(STATUS, 'q', STATUS_CANCEL),
	{ 0, 0, UI_REQ_COUNT },
};

/* --- key names ---------------------------------------------------------- */

void ui_key_name(const struct ui *ui, int key, char *buf, size_t size)
{
	const struct ui_glyphs *g = ui->scr ? ui->scr->g : ui->opt.ascii ? &ui_glyphs_ascii : &ui_glyphs_utf8;
	const char *name = NULL;
	switch (key) {
	case UI_FN(KEY_UP): name = g->up; break;
	case UI_FN(KEY_DOWN): name = g->down; break;
	case UI_FN(KEY_LEFT): name = g->left; break;
	case UI_FN(KEY_RIGHT): name = g->right; break;
	case UI_FN(KEY_PPAGE): name = "PgUp"; break;
	case UI_FN(KEY_NPAGE): name = "PgDn"; break;
	case UI_FN(KEY_HOME): name = "Home"; break;
	case UI_FN(KEY_END): name = "End"; break;
	case UI_FN(KEY_BTAB): name = "S-Tab"; break;
	case UI_FN(KEY_ENTER): case '\r': case '\n': name = "Enter"; break;
	case UI_FN(KEY_BACKSPACE): case 127: case UI_CTRL('h'): name = "Bksp"; break;
	case UI_FN(KEY_DC): name = "Del"; break;
	case UI_FN(KEY_MOUSE): name = "mouse"; break;
	case '\t': name = "Tab"; break;
	case ' ': name = "Space"; break;
	case UI_ESC: name = "Esc"; break;
	default: break;
	}
	if (name) {
		snprintf(buf, size, "%s", name);
	} else if (key > 0 && key < 32) {
		snprintf(buf, size, "Ctrl-%c", 'A' + key - 1);
	} else if (key & UI_KEY_FN) {
		snprintf(buf, size, "F%d", (key & ~UI_KEY_FN) - KEY_F0);
	} else {
		wchar_t wc[2] = { (wchar_t)key, 0 };
		if (wcstombs(buf, wc, size) == (size_t)-1)
			snprintf(buf, size, "?");
	}
}

/* --- dispatch ----------------------------------------------------------- */

/* Keys a follower may press without being asked to stop following: they
 * move the selection or scroll (until the leader moves again), or leave. */
static bool is_navigation(enum ui_request req)
{
	switch (req) {
	case UI_REQ_MOVE_UP: case UI_REQ_MOVE_DOWN: case UI_REQ_PANE_PREV: case UI_REQ_PANE_NEXT:
	case UI_REQ_PANE_CYCLE: case UI_REQ_PANE_CYCLE_BACK: case UI_REQ_PAGE_UP: case UI_REQ_PAGE_DOWN:
	case UI_REQ_FIRST: case UI_REQ_LAST: case UI_REQ_SCROLL_UP: case UI_REQ_SCROLL_DOWN:
	case UI_REQ_SCROLL_PAGE_UP: case UI_REQ_SCROLL_PAGE_DOWN: case UI_REQ_SCROLL_TOP: case UI_REQ_SCROLL_BOTTOM:
	case UI_REQ_QUIT: case UI_REQ_REDRAW: case UI_REQ_MOUSE: return true;
	default: return is_count(req);
	}
}

unsigned ui_dispatch(struct ui *ui, int key)
{
	if (ui_paste_wants(ui, key)) /* pasted text is never a command */
		return ui_paste_key(ui, key);
	unsigned ctx = UI_CTX(ui_mode(ui));
	bool ask = ui_following(ui) && ui_dialog_mode(ui) == UI_MODE_MAIN;
	for (const struct ui_binding *b = ui_bindings; b->key; b++) {
		if (b->key != key || !(b->contexts & ctx))
			continue;
		if (ask && !is_navigation(b->req))
			return ui_follow_ask(ui);
		unsigned flags = ui_run_request(ui, b->req);
		if (flags) {
			if (!is_count(b->req) && ui->count) /* a count is for the next key only */
				ui_take_count(ui);
			return flags;
		}
	}
	if (ui->count)
		ui_take_count(ui);
	const struct ui_screen_ops *ops = ui_screen_of(ui);
	if (ops->type)
		return ops->type(ui, key);
	return ops->answer_only ? UI_HANDLED : 0;
}

/* --- footer hints ------------------------------------------------------- */

struct hint {
	char keys[48];
	const char *word;
	int width, rank;
	bool shown;
};

/* The first key bound to `req` in the contexts `ctx`, or 0. */
static int first_key(enum ui_request req, unsigned ctx)
{
	for (const struct ui_binding *b = ui_bindings; b->key; b++)
		if (b->req == req && (b->contexts & ctx))
			return b->key;
	return 0;
}

/* Adds the key of a UI_HINT_PAIR request to its hint: "↑↓", "1-4", "a/b". */
static void join_key(const struct ui *ui, struct hint *h, int key)
{
	char name[24];
	ui_key_name(ui, key, name, sizeof name);
	size_t l = strlen(h->keys);
	/* arrows pair up as "↑↓"; words as "Up/Down"; "1-4" for digits */
	const char *join = text_width(h->keys) == 1 ? "" : "/";
	if (h->keys[0] >= '0' && h->keys[0] <= '9' && !h->keys[1] && name[0] >= '0' && name[0] <= '9')
		join = "-";
	snprintf(h->keys + l, sizeof h->keys - l, "%s%s", join, name);
}

/* Requests that write the file: not offered while nothing can be written
 * (--read-only, a file nobody may write, a file on disk that does not load). */
static bool writes(enum ui_request req)
{
	switch (req) {
	case UI_REQ_STATUS_MENU:
	case UI_REQ_EDIT:
	case UI_REQ_EDIT_NOTES:
	case UI_REQ_ADD:
	case UI_REQ_DELETE:
	case UI_REQ_UNDO:
	case UI_REQ_REDO: return true;
	default: return false;
	}
}

/* The hints of the requests bound in `ctx`, in UI_REQUESTS order. */
static size_t collect_hints(struct ui *ui, unsigned ctx, struct hint *hints, size_t cap)
{
	size_t n = 0;
	struct hint *open = NULL; /* the hint a UI_HINT_PAIR joins */
	bool blocked = ui_live_blocked(ui) != NULL;
	for (int r = 0; r < UI_REQ_COUNT; r++) {
		const struct request_info *ri = &requests[r];
		if (!ri->hint || (blocked && writes((enum ui_request)r)))
			continue;
		int key = first_key((enum ui_request)r, ctx);
		bool pair = strcmp(ri->hint, UI_HINT_PAIR) == 0;
		if (pair) {
			if (open && key)
				join_key(ui, open, key);
			continue;
		}
		open = NULL;
		if (!key || n == cap)
			continue;
		struct hint *h = &hints[n++];
		ui_key_name(ui, key, h->keys, sizeof h->keys);
		h->word = ri->hint;
		h->rank = r == UI_REQ_CHANGES && ui_meeting_today(ui) ? UI_MEETING_RANK : ri->rank;
		h->shown = false;
		open = h;
	}
	for (size_t i = 0; i < n; i++)
		hints[i].width = (int)(text_width(hints[i].keys) + 1 + strlen(hints[i].word));
	return n;
}

void ui_draw_hints(struct ui *ui, WINDOW *w, int y, int width)
{
	struct hint hints[24];
	size_t n = collect_hints(ui, UI_CTX(ui_mode(ui)), hints, 24);
	/* keep the most important that fit, draw in table order */
	int used = 0;
	for (int rank = 0; rank <= 100; rank++)
		for (size_t i = 0; i < n; i++)
			if (hints[i].rank == rank && !hints[i].shown && used + hints[i].width + (used ? 2 : 0) <= width) {
				hints[i].shown = true;
				used += hints[i].width + (used ? 2 : 0);
			}
	int x = 0;
	for (size_t i = 0; i < n; i++) {
		if (!hints[i].shown)
			continue;
		if (x)
			x += 2;
		x += ui_put(ui, w, y, x, hints[i].keys, width - x, ROLE_KEY, false);
		x += 1;
		x += ui_put(ui, w, y, x, hints[i].word, width - x, ROLE_STATUSBAR, false);
	}
}
