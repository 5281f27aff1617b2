/* ui_term — the terminal: its lifecycle (start, end, pause, suspend),
 * signals, colour roles, glyph sets and the drawing primitives. */
#ifndef CHARTERDASH_UI_TERM_H
#define CHARTERDASH_UI_TERM_H

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>

#include "charterdash/core/charter.h"
#include "charterdash/report/layout.h"

struct ui;

/* Colour roles: what a thing is, mapped to colours or attributes for 256,
 * 8 or no colours when the terminal starts (role_colors[] in ui_term.c). */
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
	const char *changed;                            /* a row someone else just changed */
	const char *sep;                                /* " · " */
	const char *up, *down, *left, *right;           /* key names */
	const char *more_up, *more_down;
	const char *pane_focus;                         /* before a meter pane's name: it has the focus */
	const char *check_on, *check_off, *radio_on, *radio_off;
};

struct ui_screen {
	SCREEN *sp;
	FILE *out, *in;
	int w, h;
	bool too_small;
	WINDOW *header, *body, *footer, *overlay, *dialog;
	struct rect dialog_rect;
	struct rect overlay_rect;
	struct layout_screen regions;
	int header_lines;
	struct rect *panes;   /* one per group, h == 0 when off screen */
	bool meter;           /* panes drawn as meters (no box): where boxes would cut milestones */
	size_t pane_cap;
	struct layout_grid grid;
	attr_t role[ROLE_COUNT];
	int colors;           /* 0, 8 or 256 */
	const struct ui_glyphs *g;
	int click_pane;       /* last click, for double clicks */
	bool paste_on;        /* bracketed paste asked of the terminal */
	bool pasting;         /* between its begin and end markers */
	bool paste_ignored;   /* pasted where no text goes */
	int paste_state;      /* inside an escape sequence of the paste */
};

/* Opens the screen (newterm on out/in), sets modes, colours, glyphs and,
 * with `own_signals`, the signal handlers. On failure prints why on stderr
 * and returns false with nothing left to undo. */
bool ui_term_start(struct ui *ui, FILE *out, FILE *in, bool own_signals);
/* Restores the terminal and frees the screen (ui_close calls it after
 * presence is left): quit, signals, errors. Safe to call twice. */
void ui_term_end(struct ui *ui);
/* The presence record the crash handler removes (copied; NULL: none). */
void ui_term_presence(const char *record, const char *dir);
/* Deletes the screen's windows (a relayout makes them again). */
void ui_term_drop_windows(struct ui_screen *scr);
/* Leaves curses for a child program (the editor) and comes back. */
void ui_term_pause(struct ui *ui);
void ui_term_resume(struct ui *ui);
/* Runs argv (no shell) with the terminal, curses paused: its standard
 * input is `input` (len bytes, through a pipe) or the terminal's (NULL);
 * a Ctrl-Z it took is not ours. Its wait status, or -1 with errno set when
 * it could not start. */
int ui_term_run(struct ui *ui, char **argv, const char *input, size_t len);
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

/* Codes for the two markers: far above the codes ncurses hands out to
 * terminfo's extended keys (from KEY_MAX up), within its 16 bits. */
#define UI_PASTE_BEGIN 0x7f00
#define UI_PASTE_END 0x7f01

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
/* A scrolling overlay showing `lines` lines, `height` at a time from *top:
 * ui_scroll_clamp keeps the last screen full and returns the largest top;
 * ui_scroll_mark writes " 12/40 " (with `arrow`, " v 12/40 " while more
 * follows) on the bottom border of window w (rect r) when it scrolls. */
size_t ui_scroll_clamp(size_t *top, size_t lines, int height);
void ui_scroll_mark(struct ui *ui, WINDOW *w, struct rect r, size_t top, int height, size_t lines, bool arrow);

#endif
