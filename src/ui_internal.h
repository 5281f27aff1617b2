/* ui_internal — the curses side of the dashboard, shared by src/ui_*.c only.
 *
 * Files:
 *   ui_main.c    options, loading, the event loop, messages, mode stack
 *   ui_term.c    terminal lifecycle (one teardown path), signals, colour
 *                roles, glyph sets, drawing primitives
 *   ui_keys.c    the key table, key names, dispatch, the footer hints
 *   ui_dash.c    the main view: header, pane grid, footer, too-small
 *   ui_detail.c  the milestone detail overlay
 *   ui_help.c    the help overlay, generated from the key table
 *   ui_search.c  the search prompt
 *   ui_filter.c  the filter menu
 *   ui_mouse.c   mouse events */
#ifndef CHARTERDASH_UI_INTERNAL_H
#define CHARTERDASH_UI_INTERNAL_H

#include <curses.h>

#include "charterdash/layout.h"
#include "charterdash/ui.h"

/* Colour roles: what a thing is, mapped to colours or attributes by
 * ui_term_colors() for 256, 8 or no colours. */
enum ui_role {
	ROLE_NORMAL,
	ROLE_TITLE,       /* the charter title */
	ROLE_DIM,         /* secondary text */
	ROLE_LABEL,       /* field names in the detail view */
	ROLE_DONE,        /* status colours, also the bar segments */
	ROLE_PROGRESS,
	ROLE_BLOCKED,
	ROLE_NOT_STARTED,
	ROLE_OVERDUE,     /* overdue rows and the overdue state */
	ROLE_ON_TRACK,    /* group states */
	ROLE_AT_RISK,
	ROLE_BORDER,      /* an unfocused pane */
	ROLE_FOCUS,       /* the focused pane's border and name */
	ROLE_SELECTED,    /* the selected row */
	ROLE_MATCH,       /* search matches */
	ROLE_TIME_ELAPSED,
	ROLE_TIME_LEFT,
	ROLE_MARKER,      /* today on the time bar */
	ROLE_KEY,         /* key names in the footer and help */
	ROLE_MESSAGE,
	ROLE_ERROR,
	ROLE_STATUSBAR,   /* the footer's hint line */
	ROLE_COUNT
};

/* Everything drawn that is not text from the file: UTF-8 or ASCII. */
struct ui_glyphs {
	const char *status[STATUS_COUNT]; /* a milestone's status, one column */
	const char *bar[STATUS_COUNT];    /* stacked bar cells */
	const char *time_elapsed, *time_left, *marker;
	const char *h, *v, *tl, *tr, *bl, *br;         /* a pane's border */
	const char *fh, *fv, *ftl, *ftr, *fbl, *fbr;   /* the focused pane's */
	const char *match;                              /* a row that matches the search */
	const char *sep;                                /* " · " */
	const char *up, *down, *left, *right;           /* key names */
	const char *more_up, *more_down;
	const char *check_on, *check_off, *radio_on, *radio_off;
};

struct ui_screen {
	SCREEN *sp;
	FILE *out, *in;
	int w, h;
	bool too_small;
	WINDOW *header, *body, *footer, *overlay;
	struct rect overlay_rect;
	struct layout_screen regions;
	int header_lines;
	struct rect *panes;   /* one per group, h == 0 when off screen */
	size_t pane_cap;
	struct layout_grid grid;
	attr_t role[ROLE_COUNT];
	int colors;           /* 0, 8 or 256 */
	const struct ui_glyphs *g;
	int click_pane;       /* last click, for double clicks */
};

/* ui_term.c ------------------------------------------------------------- */
/* Opens the screen (newterm on out/in), sets modes, colours, glyphs and
 * the signal handlers. On failure prints why on stderr and returns false
 * with nothing left to undo. */
bool ui_term_start(struct ui *ui, FILE *out, FILE *in);
/* The one teardown path: quit, signals, errors. Safe to call twice. */
void ui_term_end(struct ui *ui);
/* Ctrl-Z: restores the terminal, stops, and comes back redrawn. */
void ui_term_suspend(struct ui *ui);
/* The signal that asked us to quit (SIGINT, SIGTERM, SIGHUP) or 0. */
int ui_term_quit_signal(void);
/* A SIGTSTP arrived: suspend at the next turn of the loop. */
bool ui_term_take_suspend(void);
/* Mouse reporting on/off. */
void ui_term_mouse(struct ui *ui, bool on);
/* Why the terminal cannot run the dashboard, or NULL: TERM unset/dumb,
 * not a terminal. */
const char *ui_term_unusable(FILE *out, FILE *in);

extern const struct ui_glyphs ui_glyphs_utf8, ui_glyphs_ascii;

/* Draws UTF-8 text at (y, x) in at most `cols` columns (truncated with an
 * ellipsis when `ellipsis`, else cut) with role attributes; invalid bytes
 * show as a replacement character. Returns the columns drawn. */
int ui_put(struct ui *ui, WINDOW *w, int y, int x, const char *s, int cols, enum ui_role role, bool ellipsis);
/* Like ui_put with explicit attributes. */
int ui_put_attr(struct ui *ui, WINDOW *w, int y, int x, const char *s, int cols, attr_t attr, bool ellipsis);
/* `n` copies of a one-column glyph. */
void ui_fill(struct ui *ui, WINDOW *w, int y, int x, const char *glyph, int n, attr_t attr);
attr_t ui_attr(const struct ui *ui, enum ui_role role);
enum ui_role ui_status_role(enum status s);
/* A box with an optional title in the top border. */
void ui_box(struct ui *ui, WINDOW *w, struct rect r, bool focus, const char *title);

/* ui_main.c ------------------------------------------------------------- */
void ui_relayout(struct ui *ui);
void ui_draw(struct ui *ui);

/* ui_keys.c ------------------------------------------------------------- */
/* Runs the bindings of the current mode for key; falls back to the mode's
 * own key function (the search prompt's typing). */
unsigned ui_dispatch(struct ui *ui, int key);
/* "↓", "PgDn", "Enter", "x", "Ctrl-L" ... */
void ui_key_name(const struct ui *ui, int key, char *buf, size_t size);
/* The footer hint line for the current mode. */
void ui_draw_hints(struct ui *ui, WINDOW *w, int y, int width);

/* the modes' draw functions (the key functions are in the table) */
void ui_dash_draw_header(struct ui *ui);
void ui_dash_draw_body(struct ui *ui);
void ui_dash_draw_footer(struct ui *ui);
void ui_dash_draw_too_small(struct ui *ui);
/* Pane geometry of the current view, into scr->panes. */
void ui_dash_layout(struct ui *ui);
/* Header lines needed at this size. */
int ui_dash_header_lines(struct ui *ui, int width, int height);
/* Lines a pane shows and the pane's first visible row, after layout. */
int ui_dash_list_lines(const struct ui *ui, size_t pane);

void ui_detail_draw(struct ui *ui);
void ui_help_draw(struct ui *ui);
void ui_filter_draw(struct ui *ui);
unsigned ui_search_key(struct ui *ui, int key);
unsigned ui_search_accept(struct ui *ui, int key);
unsigned ui_search_cancel(struct ui *ui, int key);
unsigned ui_filter_key(struct ui *ui, int key);
struct rect ui_filter_rect(struct ui *ui);
struct rect ui_help_rect(struct ui *ui);

/* Handlers shared between files. */
unsigned ui_act_detail(struct ui *ui, int key);
unsigned ui_act_close(struct ui *ui, int key);
unsigned ui_mouse_event(struct ui *ui, int key);

/* The overlay's rectangle for the current mode (recomputed on relayout). */
struct rect ui_overlay_rect(struct ui *ui);

#endif
