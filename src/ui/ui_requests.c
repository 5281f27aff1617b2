/* ui_requests — the requests' table (from UI_REQUESTS in ui_requests.h:
 * flags, help text, footer word, rank; the handlers are ui_keys.c's), the
 * key bindings and the keys' names: data that the dispatch, the help and
 * the footer read, below every screen.
 *
 * To add a key: add a request to UI_REQUESTS (its handler, flags, help
 * text, footer word and rank) and its keys to ui_bindings[] below. */
#include "ui_requests.h"
#include "ui_modes.h"
#include "ui_state.h"
#include "ui_term.h"

#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

struct request_info {
	unsigned flags;
	const char *help, *hint;
	int rank;
};

#define UI_REQ_INFO(name, fn, fl, h, w, r) [UI_REQ_##name] = { fl, h, w, r },
static const struct request_info requests[UI_REQ_COUNT] = { UI_REQUESTS(UI_REQ_INFO) };
#undef UI_REQ_INFO

const char *ui_request_help(enum ui_request req)
{
	return req < UI_REQ_COUNT ? requests[req].help : NULL;
}

unsigned ui_request_flags(enum ui_request req)
{
	return req < UI_REQ_COUNT ? requests[req].flags : 0;
}

/* The words of req in the first of the modes in ctx that has its own. */
static const struct ui_req_text *own_words(enum ui_request req, unsigned ctx)
{
	for (int m = 0; m < UI_MODE_COUNT; m++) {
		if (!(ctx & UI_CTX(m)) || !ui_modes[m].texts)
			continue;
		for (const struct ui_req_text *t = ui_modes[m].texts; t->req != UI_REQ_COUNT; t++)
			if (t->req == req)
				return t;
	}
	return NULL;
}

const char *ui_request_help_in(enum ui_request req, unsigned ctx)
{
	const struct ui_req_text *t = own_words(req, ctx);
	if (t && t->help)
		return t->help[0] ? t->help : NULL;
	return ui_request_help(req);
}

const char *ui_request_hint_in(enum ui_request req, unsigned ctx, int *rank)
{
	const struct ui_req_text *t = own_words(req, ctx);
	if (t && t->hint) {
		*rank = t->rank;
		return t->hint;
	}
	return ui_request_hint(req, rank);
}

const char *ui_request_hint(enum ui_request req, int *rank)
{
	if (req >= UI_REQ_COUNT)
		return NULL;
	*rank = requests[req].rank;
	return requests[req].hint;
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
#define LINE (EDIT | SEARCH) /* the line editor: the dialog's and the search's */
#define MOVES (MAIN | OVERLAYS | FILTER | AGENDA | TIMELINE) /* up and down */
#define PAGES (MAIN | OVERLAYS | FILTER)                     /* a page, the ends */
#define OPENS (MAIN | AGENDA | TIMELINE)                     /* Enter: a milestone's details */
#define B(ctx, key, req) { ctx, key, UI_REQ_##req }

/* The first row matching the mode and the key wins; the help lists a
 * line's keys in this order. */
const struct ui_binding ui_bindings[] = {
	/* the moves, one set for every screen that moves or scrolls: what they
	 * move is the screen's (its ops' request, ui_screen_request) */
	B(MOVES, UI_FN(KEY_UP), MOVE_UP), B(MOVES, 'k', MOVE_UP),
	B(MOVES, UI_FN(KEY_DOWN), MOVE_DOWN), B(MOVES, 'j', MOVE_DOWN),
	B(MAIN | TIMELINE, UI_FN(KEY_LEFT), PANE_PREV), B(MAIN | TIMELINE, 'h', PANE_PREV),
	B(MAIN | TIMELINE, UI_FN(KEY_RIGHT), PANE_NEXT), B(MAIN | TIMELINE, 'l', PANE_NEXT),
	B(MAIN, '\t', PANE_CYCLE), B(MAIN, UI_FN(KEY_BTAB), PANE_CYCLE_BACK),
	B(PAGES, UI_FN(KEY_PPAGE), PAGE_UP), B(PAGES, UI_FN(KEY_NPAGE), PAGE_DOWN),
	B(PAGES | AGENDA, UI_FN(KEY_HOME), FIRST), B(MAIN | OVERLAYS | AGENDA, 'g', FIRST),
	B(PAGES | AGENDA, UI_FN(KEY_END), LAST), B(MAIN | OVERLAYS | AGENDA, 'G', LAST),
	B(OPENS, '\r', DETAIL), B(OPENS, '\n', DETAIL), B(OPENS, UI_FN(KEY_ENTER), DETAIL),
	/* the dashboard */
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
	B(MAIN, UI_FN(KEY_F(10)), QUIT),
	B(UI_CTX_ALL & ~SEARCH, UI_CTRL('l'), REDRAW),
	B(UI_CTX_ALL, UI_FN(KEY_MOUSE), MOUSE),
	/* the detail view, the help and the changes */
	B(OVERLAYS, ' ', PAGE_DOWN),
	B(OVERLAYS, UI_ESC, BACK), B(OVERLAYS, 'q', BACK), B(OVERLAYS, '\r', BACK),
	B(OVERLAYS, UI_FN(KEY_BACKSPACE), BACK),
	B(HELP, '?', HELP_CLOSE), B(HELP, UI_FN(KEY_F(1)), HELP_CLOSE),
	B(HELP, '/', HELP_SEARCH), B(HELP, 'n', HELP_MATCH_NEXT), B(HELP, 'N', HELP_MATCH_PREV),
	B(CHANGES, 'w', CHANGES_CLOSE),
	B(CHANGES, 's', MINUTES_SAVE), B(CHANGES, 'p', MINUTES_PAGE),
	/* the line editor; 127 and Ctrl-H are Backspace on some terminals */
	B(EDIT, '\r', PROMPT_ENTER), B(EDIT, '\n', PROMPT_ENTER), B(EDIT, UI_FN(KEY_ENTER), PROMPT_ENTER),
	B(EDIT, UI_ESC, PROMPT_CANCEL),
	B(EDIT, '\t', FIELD_NEXT), B(EDIT, UI_FN(KEY_BTAB), FIELD_PREV),
	B(EDIT, UI_CTRL('o'), PROMPT_EDITOR),
	B(LINE, UI_FN(KEY_LEFT), CHAR_LEFT), B(LINE, UI_FN(KEY_RIGHT), CHAR_RIGHT),
	B(LINE, UI_FN(KEY_HOME), TEXT_START), B(LINE, UI_FN(KEY_END), TEXT_END),
	B(LINE, UI_CTRL('a'), TEXT_START), B(LINE, UI_CTRL('e'), TEXT_END),
	B(LINE, UI_FN(KEY_BACKSPACE), DELETE_BEFORE), B(LINE, UI_FN(KEY_DC), DELETE_UNDER),
	B(LINE, 127, DELETE_BEFORE), B(LINE, UI_CTRL('h'), DELETE_BEFORE),
	B(LINE, UI_CTRL('u'), KILL_START), B(LINE, UI_CTRL('k'), KILL_END), B(LINE, UI_CTRL('w'), KILL_WORD),
	/* questions */
	B(CONFIRM, 'y', ANSWER_YES), B(CONFIRM, 'm', ANSWER_MINE),
	B(CONFIRM, 'n', ANSWER_NO), B(CONFIRM, 't', ANSWER_THEIRS), B(CONFIRM, UI_ESC, ANSWER_CANCEL),
	/* the search prompt */
	B(SEARCH, '\r', SEARCH_ACCEPT), B(SEARCH, '\n', SEARCH_ACCEPT), B(SEARCH, UI_FN(KEY_ENTER), SEARCH_ACCEPT),
	B(SEARCH, UI_ESC, SEARCH_CANCEL),
	/* the filter menu */
	B(FILTER, ' ', MENU_TOGGLE), B(FILTER, '\r', MENU_TOGGLE), B(FILTER, '\n', MENU_TOGGLE),
	B(FILTER, UI_FN(KEY_ENTER), MENU_TOGGLE),
	B(FILTER, 'c', MENU_CLEAR),
	B(FILTER, UI_ESC, MENU_CLOSE), B(FILTER, 'q', MENU_CLOSE), B(FILTER, 'f', MENU_CLOSE),
	/* the views */
	B(MAIN, 'H', HIDE_DONE),
	B(MAIN, 'A', AGENDA),
	B(AGENDA, ' ', AGENDA_STATUS),
	B(AGENDA, UI_ESC, AGENDA_CLOSE), B(AGENDA, 'q', AGENDA_CLOSE), B(AGENDA, 'A', AGENDA_CLOSE),
	B(AGENDA, '?', HELP),
	B(MAIN, 'T', TIMELINE),
	B(TIMELINE, '+', TIMELINE_ZOOM_IN), B(TIMELINE, '=', TIMELINE_ZOOM_IN),
	B(TIMELINE, '-', TIMELINE_ZOOM_OUT),
	B(TIMELINE, 'b', TIMELINE_BURNUP),
	B(TIMELINE, UI_ESC, TIMELINE_CLOSE), B(TIMELINE, 'q', TIMELINE_CLOSE), B(TIMELINE, 'T', TIMELINE_CLOSE),
	B(TIMELINE, '?', HELP),
	/* F1 too, as in htop (after every ?: the footer names the first key bound) */
	B(MAIN | DETAIL | FILTER | AGENDA | TIMELINE | CHANGES, UI_FN(KEY_F(1)), HELP),
	/* counts and the status menu: a digit never writes */
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


int ui_request_key(enum ui_request req, unsigned ctx)
{
	for (const struct ui_binding *b = ui_bindings; b->key; b++)
		if (b->req == req && (b->contexts & ctx))
			return b->key;
	return 0;
}

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

