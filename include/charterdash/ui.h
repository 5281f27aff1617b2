/* ui — the full-screen dashboard (ncursesw).
 *
 * This header is curses-free so that main.c and other modules can include
 * it; the curses side lives in src/ui_*.c behind src/ui_internal.h (the
 * only files that include <curses.h>).
 *
 * Shape (docs/ARCHITECTURE.md): a struct ui owns the loaded charter and
 * the view state (include/charterdash/view.h); the screens (main, detail,
 * help, search, filter, edit, confirm, changes: enum ui_mode) are stacked;
 * a key is looked up in ONE table of bindings {contexts, key, request}
 * (src/ui_keys.c), and each request (UI_REQUESTS in src/ui_internal.h,
 * with its help text and footer word) has a handler that returns flags:
 * UI_HANDLED, UI_REDRAW, UI_RELAYOUT, UI_QUIT. The help overlay and the
 * footer are generated from the same two tables.
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

#include "charterdash/charter.h"
#include "charterdash/date.h"
#include "charterdash/diag.h"
#include "charterdash/view.h"

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

struct ui;

enum ui_message_kind { UI_MSG_INFO, UI_MSG_ERROR };

struct ui_options {
	struct date today;
	bool mouse;    /* --mouse */
	bool no_color; /* --no-color or NO_COLOR */
	bool ascii;    /* --ascii or a locale that is not UTF-8 */
	bool read_only; /* --read-only */
	bool thin_cursor; /* --thin-cursor: the selection marked at the row's left edge */
};

struct ui_screen; /* curses state, private to ui_*.c */
struct ui_live;   /* watch, presence, history, marks: ui_live.c */
struct ui_edit;   /* editor, dialogs, undo: ui_edit.c, ui_prompt.c */

/* How long the event loop waits for a key before looking at signal flags
 * and calling on_tick. */
#define UI_TICK_MS 400

struct ui {
	struct charter charter; /* owned: the loaded file */
	struct view view;       /* over `charter` */
	struct ui_options opt;
	char *path;             /* owned: the file shown */

	enum ui_mode modes[8];  /* a small stack: main, then overlays and dialogs */
	size_t depth;           /* modes[depth - 1] is on top */

	char message[512];
	enum ui_message_kind message_kind;
	unsigned message_serial; /* counts messages set, so a repeated one still counts as new */

	/* search prompt: what is being typed, and the query before it */
	char prompt[256];
	char *query_before;

	/* scroll positions of the overlays and the filter menu's cursor */
	size_t detail_top, detail_lines, help_top, help_lines, changes_top, changes_lines;
	size_t menu_sel, menu_top;
	const char **owners; /* view_owners(), for the filter menu */
	size_t owner_count;

	/* Called when no key came for UI_TICK_MS (the loop wakes that often to
	 * notice signals): a place to poll for a changed file. Returns UI_*
	 * flags; NULL: nothing to do. It must not draw. */
	unsigned (*on_tick)(struct ui *ui);

	/* Editing is off when read_only_why[0] (--read-only, or the file or
	 * its directory is not writable), or while the file on disk does not
	 * load (the live module's banner). */
	char read_only_why[256];
	struct ui_live *live;
	struct ui_edit *edit;

	int first_row;        /* the grid's first visible row */
	bool mouse;           /* mouse reporting on */
	unsigned dirty;       /* UI_DIRTY_* */
	bool bell;            /* an error since the last draw: ring once */
	struct ui_screen *scr;
};

enum {
	UI_DIRTY_HEADER = 1u << 0,
	UI_DIRTY_BODY = 1u << 1,
	UI_DIRTY_FOOTER = 1u << 2,
	UI_DIRTY_OVERLAY = 1u << 3,
	UI_DIRTY_LAYOUT = 1u << 4,
	UI_DIRTY_DIALOG = 1u << 5,
	UI_DIRTY_ALL = 0x3fu,
};

/* `charterdash [--today D] [--mouse] [--no-color] [--ascii] [--thin-cursor] [--read-only] [FILE]`.
 * Exit codes as the CLI: 0, 1 (bad data, unusable terminal), 2 (usage). */
int ui_main(int argc, char **argv);

/* The dashboard's lines for the top-level --help. */
void ui_print_usage(FILE *out);

/* Sets the message line (printf-style); redrawn with the footer. */
void ui_message(struct ui *ui, const char *fmt, ...) DIAG_PRINTF(2, 3);
void ui_error(struct ui *ui, const char *fmt, ...) DIAG_PRINTF(2, 3);

/* Takes ownership of `fresh` (a loaded charter of the same file, usually
 * after an edit or a change on disk), frees the old one, re-anchors the
 * view (view_rebind) and schedules a full redraw. On false (out of memory)
 * the old charter stays and `fresh` is finished. */
bool ui_replace_charter(struct ui *ui, struct charter *fresh);

/* The milestone under the cursor (index into ui->charter.milestones), or
 * -1 when the focused pane shows none. */
long ui_selected(const struct ui *ui);

/* The mode on top, and pushing/popping overlays. */
enum ui_mode ui_mode(const struct ui *ui);
void ui_push(struct ui *ui, enum ui_mode mode);
void ui_pop(struct ui *ui);

#endif
