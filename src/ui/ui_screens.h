/* ui_screens — the screens' operations (struct ui_screen_ops), indexed
 * by mode in ui_screens[] (ui_screens.c). */
#ifndef CHARTERDASH_UI_SCREENS_H
#define CHARTERDASH_UI_SCREENS_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/report/layout.h"
#include "charterdash/ui/ui.h"

/* Where a screen is drawn, which decides what is under it and which window
 * shows the cursor. */
enum ui_layer {
	UI_LAYER_BASE,   /* the dashboard: header, panes, footer */
	UI_LAYER_LINE,   /* typed on the footer's line (search) */
	UI_LAYER_PANEL,  /* an overlay over the body (detail, help, filter, changes) */
	UI_LAYER_DIALOG, /* a box over everything, answered or typed in (edit, confirm) */
};

/* What the session does with a screen, each screen's file giving its own
 * (ui_screen_<name>); NULL members do nothing. Looked up by mode in
 * ui_screens[] (src/ui/ui_screens.c), the one place modes are told apart. */
struct ui_screen_ops {
	enum ui_layer layer;
	const char *help_title;  /* its section of the help (screens with the same title share one) */
	const char *help_typing; /* the help's line for typed text, or NULL */
	struct rect (*rect)(struct ui *ui);  /* a panel's or dialog's window, at relayout */
	void (*measure)(struct ui *ui);      /* before each draw: lines, scroll kept in the window */
	void (*draw)(struct ui *ui);         /* draws; writes no state */
	/* the position the scroll requests and the wheel move (lines: how many) */
	size_t *(*scroll_at)(struct ui *ui, size_t *lines);
	unsigned (*type)(struct ui *ui, int key); /* keys no binding took, pasted text */
	bool answer_only;     /* keys no binding took do nothing (a question waits) */
	bool shows_history;   /* redrawn when FILE.history changes */
};

extern const struct ui_screen_ops ui_screen_main, ui_screen_detail, ui_screen_help, ui_screen_search,
	ui_screen_filter, ui_screen_edit, ui_screen_confirm, ui_screen_changes, ui_screen_agenda,
	ui_screen_timeline, ui_screen_status;
extern const struct ui_screen_ops *const ui_screens[UI_MODE_COUNT];
/* A screen's name ("main", "detail" ...: what a presence record says) and
 * the mode of a name (UI_MODE_MAIN for one not known). */
const char *ui_screen_name(enum ui_mode mode);
enum ui_mode ui_screen_by_name(const char *name);
/* The operations of the screen on top. */
const struct ui_screen_ops *ui_screen_of(const struct ui *ui);

#endif
