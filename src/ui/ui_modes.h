/* ui_modes — what each screen is, as data: its name in presence records,
 * where it is drawn, its section of the help. The state below the screens,
 * the help, the footer and following read this table; what a screen does
 * (draw, measure, typing ...) is its struct ui_screen_ops (ui_screens.h),
 * which sits above every screen. */
#ifndef CHARTERDASH_UI_MODES_H
#define CHARTERDASH_UI_MODES_H

#include <stdbool.h>

#include "charterdash/ui/ui.h"
#include "ui_requests.h"

/* A request's words in one screen where they differ from its own
 * (UI_REQUESTS): what the generic moves move there. help: NULL the
 * request's own, UI_HELP_JOIN listed on the line above; hint: NULL the
 * request's own (and rank unused). Ended by req == UI_REQ_COUNT. */
#define UI_HELP_JOIN ""
struct ui_req_text {
	enum ui_request req;
	const char *help, *hint;
	int rank;
};

/* Where a screen is drawn, which decides what is under it and which window
 * shows the cursor. */
enum ui_layer {
	UI_LAYER_BASE,   /* the dashboard: header, panes, footer */
	UI_LAYER_LINE,   /* typed on the footer's line (search) */
	UI_LAYER_PANEL,  /* an overlay over the body (detail, help, filter, changes, agenda, timeline) */
	UI_LAYER_DIALOG, /* a box over everything, answered or typed in (edit, confirm, status) */
};

struct ui_mode_info {
	const char *name;        /* what a presence record says: "main", "detail" ... */
	enum ui_layer layer;
	const char *help_title;  /* its section of the help (modes with the same title share one) */
	const char *help_typing; /* the help's line for typed text, or NULL */
	bool answer_only;        /* keys no binding took do nothing (a question waits) */
	bool shows_history;      /* redrawn when FILE.history changes */
	const struct ui_req_text *texts; /* its words for the generic requests, or NULL */
};

/* By mode (ui_modes.c). */
extern const struct ui_mode_info ui_modes[UI_MODE_COUNT];

/* A screen's name and the mode of a name (UI_MODE_MAIN for one not known). */
const char *ui_screen_name(enum ui_mode mode);
enum ui_mode ui_screen_by_name(const char *name);

#endif
