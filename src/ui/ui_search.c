/* ui_search — the search prompt on the message line: incremental, matches
 * highlighted as you type, Enter keeps the search, Esc restores the one
 * before. */
#include "ui_search.h"
#include "ui_help.h"

#include <curses.h>

#include "ui_requests.h"
#include "ui_screens.h"
#include "ui_state.h"

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

unsigned ui_search_key(struct ui *ui, int key)
{
	size_t len = strlen(ui->search.text);
	if (key == UI_FN(KEY_BACKSPACE) || key == 127 || key == 8) {
		if (len == 0)
			return ui_search_cancel(ui, UI_REQ_SEARCH_CANCEL);
		/* drop the last character, not the last byte */
		while (len > 0 && ((unsigned char)ui->search.text[len - 1] & 0xC0) == 0x80)
			len--;
		if (len > 0)
			len--;
		ui->search.text[len] = '\0';
	} else if (key == UI_CTRL('u')) {
		ui->search.text[0] = '\0';
	} else if (!(key & UI_KEY_FN) && key >= 32 && key != 127) {
		char mb[MB_LEN_MAX];
		mbstate_t st;
		memset(&st, 0, sizeof st);
		size_t n = wcrtomb(mb, (wchar_t)key, &st);
		if (n == (size_t)-1 || len + n + 1 > sizeof ui->search.text)
			return UI_HANDLED;
		memcpy(ui->search.text + len, mb, n);
		ui->search.text[len + n] = '\0';
	} else {
		return UI_HANDLED; /* other keys do nothing while typing */
	}
	if (ui_panel_mode(ui) == UI_MODE_HELP) { /* `/` in the help searches it */
		ui_help_find(ui, ui->search.text, 0);
		return UI_HANDLED | UI_REDRAW;
	}
	view_search(&ui->view, ui->search.text);
	follow_matches(ui);
	return UI_HANDLED | UI_REDRAW;
}

unsigned ui_search_accept(struct ui *ui, enum ui_request req)
{
	(void)req;
	ui_pop(ui);
	free(ui->search.before);
	ui->search.before = NULL;
	if (ui_mode(ui) == UI_MODE_HELP) {
		if (ui->search.text[0] && !ui_help_find(ui, ui->search.text, 0))
			ui_error(ui, "No match for \"%s\"", ui->search.text);
		else if (ui->search.text[0])
			ui_message(ui, "n next, N previous match of \"%s\" in the help", ui->search.text);
	} else if (!ui->search.text[0]) {
		view_search(&ui->view, NULL);
		ui_message(ui, "Search cleared");
	} else if (!ui->view.match_count) {
		ui_error(ui, "No match for \"%s\"", ui->search.text);
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
};
