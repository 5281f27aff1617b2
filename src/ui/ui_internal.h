/* ui_internal — the curses side of the dashboard, shared by src/ui_*.c only.
 *
 * Files:
 *   ui_main.c    options and the event loop, nothing the screens call
 *   ui_session.c the session's steps (ui_session.h): open, key, tick,
 *                relayout, draw, close (the teardown order)
 *   ui_state.c   below the screens, no drawing: the message line, the
 *                mode stack, the selection, replacing the charter
 *   ui_term.c    terminal lifecycle (start, end), signals, colour
 *                roles, glyph sets, drawing primitives
 *   ui_keys.c    the requests (UI_REQUESTS below) and the key bindings,
 *                key names, dispatch, the footer hints
 *   ui_screens.c the screens' operations (struct ui_screen_ops) by mode
 *   ui_dash.c    the main view: header, pane grid, footer, too-small
 *   ui_detail.c  the milestone detail overlay
 *   ui_help.c    the help overlay, generated from the requests and keys
 *   ui_panel.c   the scrolling panel of wrapped lines of the help and the
 *                minutes (ui_panel.h)
 *   ui_search.c  the search prompt
 *   ui_filter.c  the filter menu
 *   ui_mouse.c   mouse events
 *   ui_paste.c   bracketed paste: pasted text is text, never commands
 *   ui_edit.c    editing keys: status, edit, add, delete, undo, the save
 *                path through the store, conflicts, read-only, $EDITOR
 *   ui_prompt.c  the line editor and yes/no dialogs (drawing, typing)
 *   ui_live.c    watching the file, reloads, marks of others' changes,
 *                the invalid-file banner, presence, the history cache
 *   ui_changes.c the meeting mark and the minutes since it (w)
 *   ui_agenda.c  the agenda: overdue, blocked, due soon, done recently
 *   ui_timeline.c the timeline (a lane per group on a date axis), burn-up
 *   ui_minutes.c the minutes' text, saved beside the file (s), in $PAGER (p)
 *   ui_status.c  the status menu: Space, then 1-4 or n i b d
 *   ui_follow.c  --follow: our focus published, the leader's followed
 * The layers, a key press and a save: docs/ARCHITECTURE.md. */
#ifndef CHARTERDASH_UI_INTERNAL_H
#define CHARTERDASH_UI_INTERNAL_H

#include <curses.h>
#include <time.h>

#include "charterdash/report/agenda.h"
#include "charterdash/core/edit.h"
#include "charterdash/store/history.h"
#include "charterdash/report/layout.h"
#include "charterdash/core/lineedit.h"
#include "charterdash/store/presence.h"
#include "charterdash/report/timeline.h"
#include "charterdash/ui/ui.h"
#include "charterdash/ui/ui_session.h"
#include "charterdash/store/undo.h"
#include "charterdash/store/watch.h"

struct ui_screen; /* curses state: below */
struct ui_live;   /* watch, presence, history, marks: ui_live.c */
struct ui_edit;   /* editor, dialogs, undo: ui_edit.c, ui_prompt.c */

/* A scrolling overlay's position: set by its measure step. */
struct ui_scroll {
	size_t top;   /* the first line shown */
	size_t lines; /* how many there are */
};

/* The session (public as an opaque struct ui). */
struct ui {
	struct charter charter; /* owned: the loaded file */
	unsigned charter_serial; /* counts ui_replace_charter, for caches of it */
	struct view view;       /* over `charter` */
	struct ui_options opt;
	char *path;             /* owned: the file shown */

	enum ui_mode modes[8];  /* a small stack: main, then overlays and dialogs */
	size_t depth;           /* modes[depth - 1] is on top */

	char message[512];
	enum ui_message_kind message_kind;
	unsigned message_serial; /* counts messages set, so a repeated one still counts as new */

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

	unsigned count;       /* a count typed before a move (3j), 0: none */
	/* The last change this session saved, shown on the message line
	 * (when nothing else is) until the next one: what u would undo. */
	char saved_note[512];
	bool mouse;           /* mouse reporting on */
	unsigned dirty;       /* UI_DIRTY_* */
	bool bell;            /* an error since the last draw: ring once */
	struct ui_screen *scr;

	/* the screens' own state (ui_search.c, ui_detail.c, ui_help.c,
	 * ui_changes.c, ui_filter.c) */
	struct {
		char text[256];     /* what is being typed */
		char *before;       /* the query before it, restored by Esc */
	} search;
	int first_row;        /* the dashboard's first visible grid row */
	struct ui_scroll detail, help, changes;
	size_t help_search_from; /* the help's line when `/` opened its search */
	struct {
		char *text;       /* the minutes' plain text (ui_minutes_text), or NULL */
		unsigned serial;  /* charter_serial it was made for */
		size_t entries;   /* history entries it was made from */
	} minutes;
	struct {
		size_t sel, top;     /* the cursor (counts items) and the first line shown */
		const char **owners; /* view_owners(), for the owner items */
		size_t owner_count;
		unsigned serial;     /* charter_serial when owners was made */
	} menu;
	struct {
		struct agenda list;  /* rebuilt by the measure step (ui_agenda.c) */
		size_t sel, top;     /* the selected item (counts items), first line shown */
	} agenda;
	struct {
		struct timeline_axis axis; /* zoom and scroll (timeline.h) */
		size_t sel;          /* among the dated milestones, by due date */
		bool follow;         /* scroll the selection into view at the next measure */
		bool burnup;         /* b: the burn-up chart instead of the lanes */
		size_t *order, count; /* the dated milestones by due date (owned) */
		unsigned serial;     /* charter_serial when order was made */
	} timeline;
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
	const char *changed;                            /* a row someone else just changed */
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
	WINDOW *header, *body, *footer, *overlay, *dialog;
	struct rect dialog_rect;
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
	bool paste_on;        /* bracketed paste asked of the terminal */
	bool pasting;         /* between its begin and end markers */
	bool paste_ignored;   /* pasted where no text goes */
	int paste_state;      /* inside an escape sequence of the paste */
};

/* Screens: one table of operations per mode ------------------------------ */

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

/* ui_keys.c: requests and bindings ---------------------------------------- */

/* What a key asks for, declared once: R(NAME, handler, help, hint, rank).
 *   help  the help overlay's text; NULL: listed on the line of the request
 *         above (its keys join that line: "1 2 3 4", "↑ k ↓ j")
 *   hint  the footer's word; NULL: not in the footer; UI_HINT_PAIR: its key
 *         joins the hint above ("↑↓ move", "1-4 status")
 *   rank  the footer's order of importance: lower stays on a short line
 *         (at 80 columns: help, quit, move, status, agenda, timeline, and
 *         during a meeting the minutes: UI_MEETING_RANK)
 * A key reaches a request through ui_bindings[] (src/ui/ui_keys.c); the
 * handler gets the request, never the key, so help, footer and behaviour
 * come from the same place. Order matters: the help lists lines in it. */
#define UI_HINT_PAIR "+"
/* w's rank while a meeting is on (a mark today): before edit and search */
#define UI_MEETING_RANK 7
#define UI_REQUESTS(R) \
	/* the dashboard */ \
	R(MOVE_UP, ui_req_move, "previous milestone (into the pane above at the top)", "move", 5) \
	R(MOVE_DOWN, ui_req_move, "next milestone (into the pane below at the bottom)", UI_HINT_PAIR, 0) \
	R(PANE_PREV, ui_req_move, "previous pane", "pane", 15) \
	R(PANE_NEXT, ui_req_move, "next pane", UI_HINT_PAIR, 0) \
	R(PANE_CYCLE, ui_req_move, "next / previous pane (Shift-Tab), wrapping", NULL, 0) \
	R(PANE_CYCLE_BACK, ui_req_move, NULL, NULL, 0) \
	R(PAGE_UP, ui_req_move, "a page up / down in the pane", NULL, 0) \
	R(PAGE_DOWN, ui_req_move, NULL, NULL, 0) \
	R(FIRST, ui_req_move, "first milestone of the pane", NULL, 0) \
	R(LAST, ui_req_move, "last milestone of the pane", NULL, 0) \
	R(DETAIL, ui_act_detail, "open the milestone's details", "details", 12) \
	R(ZOOM, ui_req_view, "zoom the pane to the whole screen and back", "zoom", 16) \
	R(SEARCH, ui_req_view, "search titles, owners and notes in all groups", "search", 10) \
	R(MATCH_NEXT, ui_req_view, "next / previous match", NULL, 0) \
	R(MATCH_PREV, ui_req_view, NULL, NULL, 0) \
	R(FILTER, ui_req_view, "filter: by status, overdue only, by owner", "filter", 11) \
	R(CLEAR, ui_req_view, "clear the filter and the search", NULL, 0) \
	R(ESCAPE, ui_req_view, "clear the search, then the filter", NULL, 0) \
	R(SORT, ui_req_view, "sort the pane: attention (the default), file order, due date, status", "sort", 17) \
	R(MOUSE_TOGGLE, ui_req_view, "mouse on/off (off keeps the terminal's text selection)", NULL, 0) \
	/* editing: every change is saved at once, for everyone */ \
	R(EDIT, ui_act_edit, "edit the title, owner, due date or notes", "edit", 9) \
	R(EDIT_NOTES, ui_edit_external, "edit the notes in $EDITOR (vi when unset)", NULL, 0) \
	R(ADD, ui_act_add, "add a milestone to the focused group", "add", 19) \
	R(DELETE, ui_act_delete, "delete the milestone (asks first)", NULL, 0) \
	R(UNDO, ui_act_undo, "undo your last change (saved as a new change)", "undo", 18) \
	R(REDO, ui_act_undo, "redo what you undid", NULL, 0) \
	R(MEETING, ui_act_meeting, "mark the start of a meeting (as `charterdash mark`)", NULL, 0) \
	R(CHANGES, ui_act_changes, "what changed since the meeting started: the minutes", "minutes", 20) \
	R(HELP, ui_req_view, "this help", "help", 0) \
	R(QUIT, ui_req_view, "quit", "quit", 1) \
	R(REDRAW, ui_req_view, "redraw the screen", NULL, 0) \
	R(MOUSE, ui_mouse_event, "mouse: click selects, double click opens, wheel scrolls", NULL, 0) \
	/* the detail view, the help and the changes */ \
	R(SCROLL_UP, ui_req_scroll, "scroll a line", "scroll", 22) \
	R(SCROLL_DOWN, ui_req_scroll, NULL, UI_HINT_PAIR, 0) \
	R(SCROLL_PAGE_UP, ui_req_scroll, "scroll a page", NULL, 0) \
	R(SCROLL_PAGE_DOWN, ui_req_scroll, NULL, NULL, 0) \
	R(SCROLL_TOP, ui_req_scroll, "top / bottom", NULL, 0) \
	R(SCROLL_BOTTOM, ui_req_scroll, NULL, NULL, 0) \
	R(BACK, ui_act_close, "back", "back", 2) \
	R(HELP_CLOSE, ui_act_close, "close the help", NULL, 0) \
	R(HELP_SEARCH, ui_help_request, "search the help; n / N the next / previous match", "search", 10) \
	R(HELP_MATCH_NEXT, ui_help_request, NULL, NULL, 0) \
	R(HELP_MATCH_PREV, ui_help_request, NULL, NULL, 0) \
	R(CHANGES_CLOSE, ui_act_close, "close the list", NULL, 0) \
	/* the line editor (e, a) */ \
	R(PROMPT_ENTER, ui_prompt_enter, "save (a bad value is explained here; nothing is written)", "save", 3) \
	R(PROMPT_CANCEL, ui_prompt_cancel, "cancel: nothing is written", "cancel", 4) \
	R(FIELD_NEXT, ui_prompt_tab, "next / previous field (e: title, owner, due, notes; a: title, id, due, owner)", "field", 9) \
	R(FIELD_PREV, ui_prompt_tab, NULL, NULL, 0) \
	R(PROMPT_EDITOR, ui_edit_external, "edit the notes in $EDITOR, then save", "$EDITOR", 21) \
	R(CHAR_LEFT, ui_prompt_request, "a character left / right", NULL, 0) \
	R(CHAR_RIGHT, ui_prompt_request, NULL, NULL, 0) \
	R(TEXT_START, ui_prompt_request, "start / end of the text", NULL, 0) \
	R(TEXT_END, ui_prompt_request, NULL, NULL, 0) \
	R(DELETE_BEFORE, ui_prompt_request, "delete the character before / under the cursor", NULL, 0) \
	R(DELETE_UNDER, ui_prompt_request, NULL, NULL, 0) \
	R(KILL_START, ui_prompt_request, "delete to the start / to the end / the word before", NULL, 0) \
	R(KILL_END, ui_prompt_request, NULL, NULL, 0) \
	R(KILL_WORD, ui_prompt_request, NULL, NULL, 0) \
	/* questions: delete, conflict */ \
	R(ANSWER_YES, ui_confirm_answer, "delete: yes \xc2\xb7 changed meanwhile: use mine (overwrites theirs)", NULL, 0) \
	R(ANSWER_MINE, ui_confirm_answer, NULL, NULL, 0) \
	R(ANSWER_NO, ui_confirm_answer, "delete: no \xc2\xb7 changed meanwhile: keep theirs", NULL, 0) \
	R(ANSWER_THEIRS, ui_confirm_answer, NULL, NULL, 0) \
	R(ANSWER_CANCEL, ui_confirm_answer, NULL, "cancel", 4) \
	/* the search prompt (typing goes to the prompt) */ \
	R(SEARCH_ACCEPT, ui_search_accept, "keep the search and go to the first match", "search", 10) \
	R(SEARCH_CANCEL, ui_search_cancel, "cancel the search", "cancel", 4) \
	/* the filter menu */ \
	R(MENU_UP, ui_filter_request, "move in the menu", "move", 5) \
	R(MENU_DOWN, ui_filter_request, NULL, UI_HINT_PAIR, 0) \
	R(MENU_TOGGLE, ui_filter_request, "turn the option under the cursor on/off", "toggle", 12) \
	R(MENU_PAGE_UP, ui_filter_request, "page / ends of the menu", NULL, 0) \
	R(MENU_PAGE_DOWN, ui_filter_request, NULL, NULL, 0) \
	R(MENU_FIRST, ui_filter_request, NULL, NULL, 0) \
	R(MENU_LAST, ui_filter_request, NULL, NULL, 0) \
	R(MENU_CLEAR, ui_filter_request, "clear the filter", "clear", 14) \
	R(MENU_CLOSE, ui_act_close, "close the menu (the filter stays)", "close", 13) \
	/* the views: what needs attention */ \
	R(HIDE_DONE, ui_act_hide_done, "hide / show the done milestones", NULL, 0) \
	R(AGENDA, ui_act_agenda, "agenda: overdue, blocked, due soon, done recently, across groups", "agenda", 7) \
	R(AGENDA_UP, ui_agenda_request, "previous / next milestone of the agenda", "move", 5) \
	R(AGENDA_DOWN, ui_agenda_request, NULL, UI_HINT_PAIR, 0) \
	R(AGENDA_FIRST, ui_agenda_request, "first / last milestone of the agenda", NULL, 0) \
	R(AGENDA_LAST, ui_agenda_request, NULL, NULL, 0) \
	R(AGENDA_DETAIL, ui_agenda_request, "open the milestone's details", "details", 8) \
	R(AGENDA_STATUS, ui_agenda_request, \
	  "set the selected milestone's status: Space, then 1-4 or n i b d (saved at once)", "status", 6) \
	R(AGENDA_CLOSE, ui_act_close, "close the agenda", "back", 2) \
	R(TIMELINE, ui_act_timeline, "timeline: each group's milestones on a date axis", "timeline", 8) \
	R(TIMELINE_EARLIER, ui_timeline_request, "scroll to earlier / later dates", "scroll", 9) \
	R(TIMELINE_LATER, ui_timeline_request, NULL, UI_HINT_PAIR, 0) \
	R(TIMELINE_PREV, ui_timeline_request, "previous / next milestone by due date", "move", 5) \
	R(TIMELINE_NEXT, ui_timeline_request, NULL, UI_HINT_PAIR, 0) \
	R(TIMELINE_ZOOM_IN, ui_timeline_request, "zoom in / out: weeks, months, quarters", "zoom", 10) \
	R(TIMELINE_ZOOM_OUT, ui_timeline_request, NULL, UI_HINT_PAIR, 0) \
	R(TIMELINE_BURNUP, ui_timeline_request, "burn-up: done over time against the plan, and back", "burn-up", 11) \
	R(TIMELINE_DETAIL, ui_timeline_request, "open the selected milestone's details", "details", 8) \
	R(TIMELINE_CLOSE, ui_act_close, "close the timeline", "back", 2) \
	UI_MEETING_REQUESTS(R)

/* Keys that cannot misfire (issue 13): digits are counts for the moves,
 * a status takes Space and then its choice. */
#define UI_MEETING_REQUESTS(R) \
	R(STATUS_MENU, ui_act_status_menu, "set the status: Space, then 1-4 or n i b d (saved at once)", "status", 6) \
	R(STATUS_NOT_STARTED, ui_act_status, "status: 1 or n not started, 2 or i in progress, 3 or b blocked, 4 or d done", \
	  "not started", 5) \
	R(STATUS_IN_PROGRESS, ui_act_status, NULL, "in progress", 5) \
	R(STATUS_BLOCKED, ui_act_status, NULL, "blocked", 5) \
	R(STATUS_DONE, ui_act_status, NULL, "done", 5) \
	R(STATUS_CANCEL, ui_act_status, "cancel: nothing is written", "cancel", 4) \
	R(COUNT_0, ui_req_count, "a count for the next move: 3j three down, 2l two panes right, 5G the fifth", NULL, 0) \
	R(COUNT_1, ui_req_count, NULL, NULL, 0) \
	R(COUNT_2, ui_req_count, NULL, NULL, 0) \
	R(COUNT_3, ui_req_count, NULL, NULL, 0) \
	R(COUNT_4, ui_req_count, NULL, NULL, 0) \
	R(COUNT_5, ui_req_count, NULL, NULL, 0) \
	R(COUNT_6, ui_req_count, NULL, NULL, 0) \
	R(COUNT_7, ui_req_count, NULL, NULL, 0) \
	R(COUNT_8, ui_req_count, NULL, NULL, 0) \
	R(COUNT_9, ui_req_count, NULL, NULL, 0) \
	R(MINUTES_SAVE, ui_act_minutes, "save the minutes as Markdown beside the file (NAME.minutes-DATE.md)", "save", 6) \
	R(MINUTES_PAGE, ui_act_minutes, "the minutes in $PAGER (less when unset)", "pager", 7)

#define UI_REQ_ENUM(name, fn, help, hint, rank) UI_REQ_##name,
enum ui_request { UI_REQUESTS(UI_REQ_ENUM) UI_REQ_COUNT };
#undef UI_REQ_ENUM

/* A request's handler: UI_* flags; 0: not mine (the next binding of the
 * key is tried). */
typedef unsigned (*ui_request_fn)(struct ui *ui, enum ui_request req);

/* A key in the contexts (UI_CTX(mode) mask) where it asks for `req`. */
struct ui_binding {
	unsigned contexts;
	int key;
	enum ui_request req;
};

/* The key table, ended by an entry with key == 0; first match wins. */
extern const struct ui_binding ui_bindings[];

/* A request's help text (NULL: listed on the line above). */
const char *ui_request_help(enum ui_request req);

/* Runs the handler of `req` (the mouse wheel scrolls an overlay so). */
unsigned ui_run_request(struct ui *ui, enum ui_request req);

/* ui_live.c ------------------------------------------------------------- */

/* How long a milestone someone else changed stays marked. */
#define UI_MARK_SECONDS 60

struct ui_mark {
	char *id;
	char *who;   /* NULL until the history names them */
	time_t when; /* noticed */
};

struct ui_live {
	struct watch watch;
	bool watching;
	bool recheck;             /* the last read failed: look again next tick */
	struct presence presence;
	bool present;
	char others[512];         /* "amina@srv1, bob@srv2" */
	size_t other_count;
	time_t refreshed, looked; /* presence record touched, others listed */
	char user[64], host[128];
	struct ui_mark *marks;
	size_t mark_count;
	time_t marks_second;      /* the second the marks were last drawn for */
	char invalid[512];        /* the first error while the file on disk does not load */
	char *hist_path;
	struct history hist;      /* FILE.history, reloaded when it changes */
	bool hist_loaded;
	long long hist_size;
	struct timespec hist_mtime;
	unsigned long hist_ino;
	struct timespec last_tick;
	/* following (ui_follow.c) */
	char leader[64];          /* the user followed, "" none (yet) */
	char leader_seen[512];    /* their focus as last applied */
	char published[512];      /* our focus as last written */
	char follow_note[640];    /* the header's "following amina" / "2 following" */
	time_t counted;           /* followers last counted */
};

/* Starts watching the file, joins the presence records. Never fatal. */
void ui_live_start(struct ui *ui);
/* The on_tick hook: reloads on a real change, refreshes presence, ages marks. */
unsigned ui_live_tick(struct ui *ui);
/* Looks at the file now (after a failed save, "keep theirs"). */
unsigned ui_live_check(struct ui *ui);
/* Our own save: its text is not an outside change. */
void ui_live_saved(struct ui *ui, const char *text, size_t len);
/* Marks milestones changed by someone else (ids borrowed). */
void ui_live_mark(struct ui *ui, const char *const *ids, size_t n);
/* The mark on milestone `id` still showing, or NULL. */
const struct ui_mark *ui_live_mark_of(const struct ui *ui, const char *id);
/* "changed by amina 12 s ago" for a mark. */
void ui_live_mark_text(const struct ui *ui, const struct ui_mark *m, char *buf, size_t size);
/* The history, reloaded when the file changed; NULL when unreadable. */
const struct history *ui_live_history(struct ui *ui);
/* Who last changed id.field per the history (NULL: unknown). */
const char *ui_live_who(struct ui *ui, const char *id, const char *field);
/* Presence off (idempotent): every exit path. */
void ui_live_leave(struct ui *ui);
void ui_live_fini(struct ui *ui);
/* Why nothing can be written now, or NULL. */
const char *ui_live_blocked(const struct ui *ui);
/* ui_follow.c: publishes our focus, follows the leader's (from
 * ui_live_tick); true while following someone; the question a key other
 * than navigation asks then. */
unsigned ui_follow_tick(struct ui *ui, time_t now);
bool ui_following(const struct ui *ui);
unsigned ui_follow_ask(struct ui *ui);
/* ui_session.c: read-only again from the options and the file's permissions. */
void ui_recheck_writable(struct ui *ui);

/* ui_edit.c / ui_prompt.c ------------------------------------------------- */

enum ui_prompt_kind { PROMPT_FIELD, PROMPT_ADD };
/* The add dialog's fields (its lines), in Tab order. */
enum { UI_ADD_TITLE, UI_ADD_ID, UI_ADD_DUE, UI_ADD_OWNER };
enum ui_confirm_kind { CONFIRM_DELETE, CONFIRM_CONFLICT, CONFIRM_UNDO, CONFIRM_FOLLOW };

/* What a dialog's Enter or answer does, given by whoever opens it (the
 * dialogs in ui_prompt.c know nothing of saving). Returns UI_* flags. */
typedef unsigned (*ui_answer)(struct ui *ui);

/* The fields `e` edits, in Tab order. */
#define UI_EDIT_FIELDS 4

struct ui_edit {
	struct undo undo;
	/* the line editor */
	enum ui_prompt_kind prompt;
	char *id;                        /* the milestone edited */
	int slot;                        /* index into ui_edit_fields */
	struct lineedit line[UI_EDIT_FIELDS]; /* drafts (add: line[0]) */
	char *orig[UI_EDIT_FIELDS];      /* the values shown when it opened */
	char *add_group;                 /* the add dialog's group (line[UI_ADD_*]: its fields) */
	char error[300];                 /* shown in place */
	ui_answer on_enter;              /* what Enter does (ui_prompt_open) */
	/* the yes/no dialog */
	enum ui_confirm_kind confirm;
	char question[600];
	ui_answer on_yes, on_no;         /* the answers (ui_confirm_open) */
	/* the edit a conflict dialog would force ("use mine") */
	struct edit pending;
	char *p_id, *p_seen, *p_value;
	bool p_had_seen, p_had_value;
	const struct undo_plan *undo_plan; /* during an undo's save: its checks */
};

extern const enum field ui_edit_fields[UI_EDIT_FIELDS];

bool ui_edit_init(struct ui *ui);
void ui_edit_fini(struct ui *ui);
/* What a save did: the store's status (enum store_status) and, unless
 * STORE_OK, why in words (the message line says "Not saved: " and why). */
struct ui_saved {
	int status;
	char why[600];
};
/* Runs an edit through the store and shows the result (selection kept,
 * others' changes marked, conflicts asked about). `undoable`: record it
 * for u. */
struct ui_saved ui_edit_save(struct ui *ui, const struct edit *e, bool undoable, bool ask_on_conflict);
/* Notes in $EDITOR. */
unsigned ui_edit_external(struct ui *ui, enum ui_request req);

/* Handlers of requests (UI_REQUESTS). */
unsigned ui_act_status(struct ui *ui, enum ui_request req);
unsigned ui_act_status_menu(struct ui *ui, enum ui_request req);
unsigned ui_act_edit(struct ui *ui, enum ui_request req);
unsigned ui_act_add(struct ui *ui, enum ui_request req);
unsigned ui_act_delete(struct ui *ui, enum ui_request req);
unsigned ui_act_undo(struct ui *ui, enum ui_request req);
unsigned ui_act_meeting(struct ui *ui, enum ui_request req);
unsigned ui_act_changes(struct ui *ui, enum ui_request req);

/* A relative due date in the draft (+7d, friday, eom) made absolute, and
 * said in the dialog ("due '+7d' is 2026-12-09: Enter saves it"): true
 * when it was one (then nothing is saved yet). */
bool ui_edit_resolve_date(struct ui *ui, struct lineedit *line);
/* The add dialog: proposes the id from the title unless one was typed. */
void ui_edit_add_propose(struct ui *ui);
/* True when field i's draft differs from the value shown at the start
 * (an absent value counts as ""). */
bool ui_draft_changed(const struct ui_edit *e, int i);
/* The line editor dialog (Enter runs on_enter) and the yes/no dialog. */
void ui_prompt_open(struct ui *ui, enum ui_prompt_kind kind, ui_answer on_enter);
/* The line editor's requests (a character left ...), and typed or pasted
 * text (other keys do nothing while typing). */
unsigned ui_prompt_request(struct ui *ui, enum ui_request req);
unsigned ui_prompt_type(struct ui *ui, int key);
unsigned ui_prompt_enter(struct ui *ui, enum ui_request req);
unsigned ui_prompt_cancel(struct ui *ui, enum ui_request req);
unsigned ui_prompt_tab(struct ui *ui, enum ui_request req);
void ui_confirm_open(struct ui *ui, enum ui_confirm_kind kind, ui_answer on_yes, ui_answer on_no);
/* The answers: y/n for a delete, m/t for a conflict, Esc no; the others
 * do nothing. */
unsigned ui_confirm_answer(struct ui *ui, enum ui_request req);

/* ui_changes.c ------------------------------------------------------------ */
/* The latest meeting mark in h, or -1. */
long ui_last_meeting(const struct history *h);
/* True while a meeting is on: the latest mark is of today (the dashboard's
 * day or the clock's, in UTC). */
bool ui_meeting_today(struct ui *ui);
/* ui_minutes.c: the minutes since the latest meeting mark, as Markdown or
 * plain text (malloc'd; NULL when no meeting is marked or memory runs
 * out), and the minutes panel's s and p. */
char *ui_minutes_text(struct ui *ui, bool markdown, size_t *len);
unsigned ui_act_minutes(struct ui *ui, enum ui_request req);
/* Lines of a history entry for people: "19:02 amina  status: a → b". */
void ui_history_line(const struct history_entry *e, bool with_id, char *buf, size_t size);

/* ui_term.c ------------------------------------------------------------- */
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
/* A scrolling overlay showing `lines` lines, `height` at a time from *top:
 * ui_scroll_clamp keeps the last screen full and returns the largest top;
 * ui_scroll_mark writes " 12/40 " (with `arrow`, " v 12/40 " while more
 * follows) on the bottom border of window w (rect r) when it scrolls. */
size_t ui_scroll_clamp(size_t *top, size_t lines, int height);
void ui_scroll_mark(struct ui *ui, WINDOW *w, struct rect r, size_t top, int height, size_t lines, bool arrow);

/* ui_paste.c ------------------------------------------------------------ */
/* Asks the terminal for bracketed paste when its terminfo can (BE, BD,
 * PS, PE), after keypad(): its markers become keys. */
void ui_paste_start(struct ui *ui);
/* Off while another program has the terminal (and before endwin), on again. */
void ui_paste_pause(struct ui *ui);
void ui_paste_resume(struct ui *ui);
/* True when `key` belongs to a paste: its begin marker, or anything up to
 * the end marker. ui_paste_key then takes it instead of the bindings. */
bool ui_paste_wants(const struct ui *ui, int key);
/* After an Esc read as a key: when a control sequence's introducer came
 * with it ("\e[", "\e]", "\eO"...: a colour code pasted where the terminal
 * has no paste marks), the sequence is read to its end with the same
 * grammar as a paste's and dropped (true), so its Esc does not cancel the
 * editor and the rest does not run as commands. A pressed Esc comes alone,
 * or before another key, which is left for the next read (false). */
bool ui_paste_drop_sequence(struct ui *ui);
unsigned ui_paste_key(struct ui *ui, int key);

/* ui_session.c ---------------------------------------------------------- */
/* (ui_draw and the other steps of a session: charterdash/ui/ui_session.h) */
void ui_relayout(struct ui *ui);

/* ui_keys.c ------------------------------------------------------------- */
/* Runs the requests bound to key in the current mode; falls back to the
 * typing of the search prompt and the line editor. */
unsigned ui_dispatch(struct ui *ui, int key);
/* "↓", "PgDn", "Enter", "x", "Ctrl-L" ... */
void ui_key_name(const struct ui *ui, int key, char *buf, size_t size);
/* The footer hint line for the current mode. */
void ui_draw_hints(struct ui *ui, WINDOW *w, int y, int width);

/* the modes' draw functions (their handlers are in UI_REQUESTS) */
void ui_dash_draw_header(struct ui *ui);
void ui_dash_draw_footer(struct ui *ui);
void ui_dash_draw_too_small(struct ui *ui);
/* Pane geometry of the current view, into scr->panes. */
void ui_dash_layout(struct ui *ui);
/* Header lines needed at this size. */
int ui_dash_header_lines(struct ui *ui, int width, int height);
/* Lines of milestones pane `pane` would show (at least 1): its wanted height. */
int ui_dash_list_lines(const struct ui *ui, size_t pane);

unsigned ui_search_key(struct ui *ui, int key);
/* ui_help.c: `/` `n` `N` in the help; the prompt's text found in the help
 * from the line it showed when the prompt opened (dir 0) or the next /
 * previous match (false: none, nothing moved). */
unsigned ui_help_request(struct ui *ui, enum ui_request req);
bool ui_help_find(struct ui *ui, const char *query, int dir);
unsigned ui_search_accept(struct ui *ui, enum ui_request req);
unsigned ui_search_cancel(struct ui *ui, enum ui_request req);
unsigned ui_filter_request(struct ui *ui, enum ui_request req);
unsigned ui_act_hide_done(struct ui *ui, enum ui_request req);
unsigned ui_act_agenda(struct ui *ui, enum ui_request req);
unsigned ui_agenda_request(struct ui *ui, enum ui_request req);
unsigned ui_act_timeline(struct ui *ui, enum ui_request req);
unsigned ui_timeline_request(struct ui *ui, enum ui_request req);
void ui_timeline_fini(struct ui *ui);
/* Frees the agenda's lists (the session's close). */
void ui_agenda_fini(struct ui *ui);

/* A digit typed before a move; the moves take it (ui_take_count). */
unsigned ui_req_count(struct ui *ui, enum ui_request req);
/* The count typed (at least 1), forgotten as it is taken. */
unsigned ui_take_count(struct ui *ui);

/* Handlers shared between files. */
unsigned ui_act_detail(struct ui *ui, enum ui_request req);
unsigned ui_act_close(struct ui *ui, enum ui_request req);
unsigned ui_mouse_event(struct ui *ui, enum ui_request req);


/* ui_state.c (with ui_message, ui_push ... in charterdash/ui/ui.h) ---------- */
/* A copy of s, NULL for NULL. Out of memory aborts: a save is all or
 * nothing (temp file, rename), so no half-written state is left, and the
 * crash handler restores the terminal. The UI's small strings use it, so
 * none goes unchecked. */
char *ui_strdup(const char *s);
/* The panel shown under any dialog (detail, help, filter, changes) or
 * UI_MODE_MAIN; the dialog on top (edit, confirm) or UI_MODE_MAIN. */
enum ui_mode ui_panel_mode(const struct ui *ui);
enum ui_mode ui_dialog_mode(const struct ui *ui);


#endif
