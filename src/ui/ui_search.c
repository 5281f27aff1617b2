/* ui_search — the search prompt on the message line: incremental, matches
 * highlighted as you type, Enter keeps the search, Esc restores the one
 * before. The text is a lineedit with the dialog's editing keys
 * (ui_line_request), so the help lists them from the bindings. */
#include "ui_search.h"
#include "ui_help.h"
#include "ui_prompt.h"

#include <curses.h>

#include "ui_requests.h"
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Moves to a match when the selection is not one. */
static void follow_matches(struct ui *ui)
{
	long sel = view_selected(&ui->view);
	if (ui->view.match_count && (sel < 0 || !view_is_match(&ui->view, (size_t)sel)))
		view_search_next(&ui->view, 1);
}

/* The part of the text the footer shows ("/" then the text), the cursor in it. */
static unsigned shown(struct ui *ui)
{
	int cols = ui->scr && ui->scr->regions.footer.w > 3 ? ui->scr->regions.footer.w - 2 : 1;
	lineedit_window(&ui->search.line, (size_t)cols, &ui->search.win);
	return UI_HANDLED | UI_REDRAW;
}

/* The text changed: the matches follow it (in the help, the help's). */
static unsigned changed(struct ui *ui)
{
	shown(ui);
	const char *text = lineedit_text(&ui->search.line);
	if (ui_panel_mode(ui) == UI_MODE_HELP) { /* `/` in the help searches it */
		ui_help_find(ui, text, 0);
		return UI_HANDLED | UI_REDRAW;
	}
	view_search(&ui->view, text);
	follow_matches(ui);
	return UI_HANDLED | UI_REDRAW;
}

static unsigned ui_search_key(struct ui *ui, int key)
{
	if ((key & UI_KEY_FN) || key < 32 || key == 127)
		return UI_HANDLED; /* other keys do nothing while typing */
	if (!lineedit_insert_char(&ui->search.line, (wchar_t)key))
		return UI_HANDLED; /* as long as it can be */
	return changed(ui);
}

static unsigned ui_search_request(struct ui *ui, enum ui_request req)
{
	if (req == UI_REQ_DELETE_BEFORE && !*lineedit_text(&ui->search.line))
		return ui_search_cancel(ui, UI_REQ_SEARCH_CANCEL); /* Bksp on nothing leaves */
	int r = ui_line_request(&ui->search.line, req);
	if (r < 0)
		return 0;
	return r ? changed(ui) : shown(ui);
}

unsigned ui_search_accept(struct ui *ui, enum ui_request req)
{
	(void)req;
	ui_pop(ui);
	free(ui->search.before);
	ui->search.before = NULL;
	if (ui_mode(ui) == UI_MODE_HELP) {
		if (lineedit_text(&ui->search.line)[0] && !ui_help_find(ui, lineedit_text(&ui->search.line), 0))
			ui_error(ui, "No match for \"%s\"", lineedit_text(&ui->search.line));
		else if (lineedit_text(&ui->search.line)[0])
			ui_message(ui, "n next, N previous match of \"%s\" in the help", lineedit_text(&ui->search.line));
	} else if (!lineedit_text(&ui->search.line)[0]) {
		view_search(&ui->view, NULL);
		ui_message(ui, "Search cleared");
	} else if (!ui->view.match_count) {
		ui_error(ui, "No match for \"%s\"", lineedit_text(&ui->search.line));
	} else {
		follow_matches(ui);
		ui_message(ui, "%zu match%s: n next, N previous, Esc clears", ui->view.match_count,
		           ui->view.match_count == 1 ? "" : "es");
	}
	return UI_HANDLED | UI_REDRAW;
}

unsigned ui_search_cancel(struct ui *ui, enum ui_request req)
{
	(void)req;
	ui_pop(ui);
	if (ui_mode(ui) == UI_MODE_HELP) { /* the help stays where the search took it */
		free(ui->search.before);
		ui->search.before = NULL;
		ui->message[0] = '\0';
		return UI_HANDLED | UI_REDRAW;
	}
	view_search(&ui->view, ui->search.before);
	free(ui->search.before);
	ui->search.before = NULL;
	ui->message[0] = '\0';
	return UI_HANDLED | UI_REDRAW;
}

/* Drawn by the footer (ui_dash.c), on the message line. */
const struct ui_screen_ops ui_screen_search = {
	.type = ui_search_key,
	.request = ui_search_request,
};
