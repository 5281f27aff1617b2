/* ui_screens — the screens' operations (struct ui_screen_ops), indexed
 * by mode in ui_screens[] (ui_screens.c). */
#ifndef CHARTERDASH_UI_SCREENS_H
#define CHARTERDASH_UI_SCREENS_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/report/layout.h"
#include "charterdash/ui/ui.h"
#include "ui_requests.h"

/* What the session does with a screen, each screen's file giving its own
 * (ui_screen_<name>); NULL members do nothing. Looked up by mode in
 * ui_screens[] (src/ui/ui_screens.c); what a screen is (its name, layer,
 * help section) is data in ui_modes[] (ui_modes.h), below the screens. */
struct ui_screen_ops {
	struct rect (*rect)(struct ui *ui);  /* a panel's or dialog's window, at relayout */
	void (*measure)(struct ui *ui);      /* before each draw: lines, scroll kept in the window */
	void (*draw)(struct ui *ui);         /* draws; writes no state */
	/* the position the scroll requests and the wheel move (lines: how many) */
	size_t *(*scroll_at)(struct ui *ui, size_t *lines);
	unsigned (*type)(struct ui *ui, int key); /* keys no binding took, pasted text */
	/* the requests each screen interprets (as tig's view_ops->request):
	 * the line editor's on the text typed; 0: not mine */
	unsigned (*request)(struct ui *ui, enum ui_request req);
};

extern const struct ui_screen_ops ui_screen_main, ui_screen_detail, ui_screen_help, ui_screen_search,
	ui_screen_filter, ui_screen_edit, ui_screen_confirm, ui_screen_changes, ui_screen_agenda,
	ui_screen_timeline, ui_screen_status;
extern const struct ui_screen_ops *const ui_screens[UI_MODE_COUNT];
/* The operations of the screen on top. */
const struct ui_screen_ops *ui_screen_of(const struct ui *ui);
/* A request the screen on top interprets (its ops' request; the moves
 * scroll a panel without one), 0 when it does not. */
unsigned ui_screen_request(struct ui *ui, enum ui_request req);
/* The moves (a line, a page, top, bottom) as scrolling of the screen on
 * top, when it scrolls (scroll_at); 0 otherwise. */
unsigned ui_screen_scroll(struct ui *ui, enum ui_request req);

#endif
