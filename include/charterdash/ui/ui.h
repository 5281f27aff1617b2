/* ui — the full-screen dashboard (ncursesw).
 *
 * This header is curses-free so that main.c and other modules can include
 * it; the curses side lives in src/ui/ui_*.c, each file with its private
 * header beside it (src/ui/ui_<module>.h; only src/ui/ includes <curses.h>).
 *
 * Shape (docs/ARCHITECTURE.md): a struct ui owns the loaded charter and
 * the view state (charterdash/report/view.h); the screens (enum ui_mode
 * below) are stacked; a key is looked up in ONE table of bindings
 * {contexts, key, request} (src/ui/ui_keys.c), and each request
 * (UI_REQUESTS in src/ui/ui_requests.h, with its help text, footer word
 * and properties) has a handler that returns flags: UI_HANDLED, UI_REDRAW,
 * UI_RELAYOUT, UI_QUIT. The help overlay and the footer are generated from
 * the same two tables.
 *
 * For code that changes the data under the dashboard (editing keys, live
 * reload):
 *   - add a request to UI_REQUESTS and its keys to ui_bindings[] (handlers
 *     get the ui and the request; ui_selected() names the milestone under
 *     the cursor);
 *   - after writing the file, load it into a fresh struct charter and hand
 *     it over with ui_replace_charter(): the view re-anchors the selection
 *     to the same milestone id and everything is redrawn;
 *   - say what happened with ui_message() / ui_error() (the message line).
 */
#ifndef CHARTERDASH_UI_H
#define CHARTERDASH_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "charterdash/core/charter.h"
#include "charterdash/core/date.h"
#include "charterdash/core/diag.h"
#include "charterdash/report/view.h"

/* What a key handler did. 0 means "not mine": the key goes on to the next
 * binding that matches, and is otherwise ignored. */
enum ui_flags {
	UI_HANDLED = 1u << 0,
	UI_REDRAW = 1u << 1,   /* contents changed: redraw (only changed cells reach the terminal) */
	UI_RELAYOUT = 1u << 2, /* geometry changed: recompute the layout, then redraw */
	UI_QUIT = 1u << 3,
};

/* Screens and overlays; also the contexts of key bindings. */
enum ui_mode {
	UI_MODE_MAIN,
	UI_MODE_DETAIL,
	UI_MODE_HELP,
	UI_MODE_SEARCH, /* the search prompt on the message line */
	UI_MODE_FILTER,
	UI_MODE_EDIT,    /* the line editor dialog (e, a) */
	UI_MODE_CONFIRM, /* a yes/no dialog: delete, a conflict */
	UI_MODE_CHANGES, /* the changes since the meeting started (m, w) */
	UI_MODE_AGENDA,  /* overdue, blocked, due soon, done recently (A) */
	UI_MODE_TIMELINE, /* the groups' milestones on a date axis, the burn-up (T) */
	UI_MODE_STATUS,  /* Space: the status menu on the footer (1-4, n i b d) */
	UI_MODE_COUNT
};
#define UI_CTX(mode) (1u << (mode))
#define UI_CTX_ALL ((1u << UI_MODE_COUNT) - 1u)

/* Keys are Unicode characters (as typed) or curses function keys offset by
 * UI_KEY_FN, so that KEY_DOWN cannot be mistaken for U+0102:
 * UI_FN(KEY_DOWN). Control keys are characters: UI_CTRL('l'). */
#define UI_KEY_FN 0x200000
#define UI_FN(k) (UI_KEY_FN | (k))
#define UI_CTRL(c) ((c) & 0x1f)
#define UI_ESC 27

enum ui_message_kind { UI_MSG_INFO, UI_MSG_ERROR };

struct ui_options {
	struct date today;
	bool mouse;    /* --mouse */
	bool no_color; /* --no-color or NO_COLOR */
	bool ascii;    /* --ascii or a locale that is not UTF-8 */
	bool read_only; /* --read-only */
	bool force;     /* --force: edit even a file nobody may write (0444) */
	bool thin_cursor; /* --thin-cursor: the selection marked at the row's left edge */
	bool follow;      /* --follow [USER]: read-only, showing USER's focus */
	const char *follow_user; /* borrowed; NULL: who marked the latest meeting */
};

/* A dashboard session: its members are private to src/ui/ui_*.c
 * (src/ui/ui_state.h); drivers use charterdash/ui/ui_session.h. */
struct ui;

/* How long the event loop waits for a key before looking at signal flags
 * and ticking (ui_tick). */
#define UI_TICK_MS 400

/* `charterdash [--today D] [--mouse] [--no-color] [--ascii] [--thin-cursor] [--read-only] [FILE]`.
 * Exit codes as the CLI: 0, 1 (bad data, unusable terminal), 2 (usage). */
int ui_main(int argc, char **argv);

/* The dashboard's lines for the top-level --help. */
void ui_print_usage(FILE *out);

/* The state below the screens (src/ui/ui_state.c). Sets the message line
 * (printf-style; redrawn with the footer); an error also rings the bell,
 * once, with the next draw. */
void ui_message(struct ui *ui, const char *fmt, ...) DIAG_PRINTF(2, 3);
void ui_error(struct ui *ui, const char *fmt, ...) DIAG_PRINTF(2, 3);

/* Takes ownership of `fresh` (a loaded charter of the same file, usually
 * after an edit or a change on disk), frees the old one, re-anchors the
 * view (view_rebind) and schedules a full redraw. On false (out of memory)
 * the old charter stays and `fresh` is finished. */
bool ui_replace_charter(struct ui *ui, struct charter *fresh);

/* The milestone under the cursor (index into ui_charter(ui)->milestones), or
 * -1 when the focused pane shows none. */
long ui_selected(const struct ui *ui);

/* The mode on top, and pushing/popping overlays. */
enum ui_mode ui_mode(const struct ui *ui);
void ui_push(struct ui *ui, enum ui_mode mode);
void ui_pop(struct ui *ui);

#endif
