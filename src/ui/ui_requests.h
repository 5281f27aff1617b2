/* ui_requests — what a key asks for (UI_REQUESTS), the key bindings and
 * the keys' names: the tables the dispatch, the help and the footer read. */
#ifndef CHARTERDASH_UI_REQUESTS_H
#define CHARTERDASH_UI_REQUESTS_H

#include <stddef.h>

#include "charterdash/ui/ui.h"

/* A request's properties (the flags of UI_REQUESTS). */
enum ui_request_flag {
	UI_RF_WRITES = 1u << 0, /* writes the file or its history: not in the footer while nothing can be */
	UI_RF_NAV = 1u << 1,    /* moves, scrolls or leaves a view: a follower is not asked to stop */
	UI_RF_COUNT = 1u << 2,  /* a digit of a count (3j): the count stays for the next key */
};

/* What a key asks for, declared once: R(NAME, handler, flags, help, hint, rank).
 *   flags UI_RF_* (enum ui_request_flag), 0 for none
 *   help  the help overlay's text; NULL: listed on the line of the request
 *         above (its keys join that line: "1 2 3 4", "↑ k ↓ j")
 *   hint  the footer's word; NULL: not in the footer; UI_HINT_PAIR: its key
 *         joins the hint above ("↑↓ move", "1-4 status")
 *   rank  the footer's order of importance: lower stays on a short line
 *         (at 80 columns: help, quit, move, status, agenda, timeline, and
 *         during a meeting the minutes: UI_MEETING_RANK)
 * A key reaches a request through ui_bindings[] (src/ui/ui_requests.c); the
 * handler gets the request, never the key, so help, footer and behaviour
 * come from the same place. Order matters: the help lists lines in it. */
#define UI_HINT_PAIR "+"
/* w's rank while a meeting is on (a mark today): before edit and search */
#define UI_MEETING_RANK 7
#define UI_REQUESTS(R) \
	/* moving: each screen's ops say what they move there (ui_screen_request:
	 * the dashboard's milestones and panes, a panel's lines, the menu's
	 * items, the agenda's, the timeline's milestones and dates) */ \
	R(MOVE_UP, ui_screen_request, UI_RF_NAV, "previous milestone (into the pane above at the top)", "move", 5) \
	R(MOVE_DOWN, ui_screen_request, UI_RF_NAV, "next milestone (into the pane below at the bottom)", UI_HINT_PAIR, 0) \
	R(PANE_PREV, ui_screen_request, UI_RF_NAV, "previous pane", "pane", 15) \
	R(PANE_NEXT, ui_screen_request, UI_RF_NAV, "next pane", UI_HINT_PAIR, 0) \
	R(PANE_CYCLE, ui_screen_request, UI_RF_NAV, "next / previous pane (Shift-Tab), wrapping", NULL, 0) \
	R(PANE_CYCLE_BACK, ui_screen_request, UI_RF_NAV, NULL, NULL, 0) \
	R(PAGE_UP, ui_screen_request, UI_RF_NAV, "a page up / down in the pane", NULL, 0) \
	R(PAGE_DOWN, ui_screen_request, UI_RF_NAV, NULL, NULL, 0) \
	R(FIRST, ui_screen_request, UI_RF_NAV, "first milestone of the pane", NULL, 0) \
	R(LAST, ui_screen_request, UI_RF_NAV, "last milestone of the pane", NULL, 0) \
	R(DETAIL, ui_screen_request, 0, "open the milestone's details", "details", 12) \
	R(ZOOM, ui_req_view, 0, "zoom the pane to the whole screen and back", "zoom", 16) \
	R(SEARCH, ui_req_view, 0, "search titles, owners and notes in all groups", "search", 10) \
	R(MATCH_NEXT, ui_req_view, 0, "next / previous match", NULL, 0) \
	R(MATCH_PREV, ui_req_view, 0, NULL, NULL, 0) \
	R(FILTER, ui_req_view, 0, "filter: by status, overdue only, by owner", "filter", 11) \
	R(CLEAR, ui_req_view, 0, "clear the filter and the search", NULL, 0) \
	R(ESCAPE, ui_req_view, 0, "clear the search, then the filter", NULL, 0) \
	R(SORT, ui_req_view, 0, "sort the pane: attention (the default), file order, due date, status", "sort", 17) \
	R(MOUSE_TOGGLE, ui_req_view, 0, "mouse on/off (off keeps the terminal's text selection)", NULL, 0) \
	/* editing: every change is saved at once, for everyone */ \
	R(EDIT, ui_act_edit, UI_RF_WRITES, "edit the title, owner, due date or notes", "edit", 9) \
	R(EDIT_NOTES, ui_edit_external, UI_RF_WRITES, "edit the notes in $EDITOR (vi when unset)", NULL, 0) \
	R(ADD, ui_act_add, UI_RF_WRITES, "add a milestone to the focused group", "add", 19) \
	R(DELETE, ui_act_delete, UI_RF_WRITES, "delete the milestone (asks first)", NULL, 0) \
	R(UNDO, ui_act_undo, UI_RF_WRITES, "undo your last change (saved as a new change)", "undo", 18) \
	R(REDO, ui_act_undo, UI_RF_WRITES, "redo what you undid", NULL, 0) \
	R(MEETING, ui_act_meeting, UI_RF_WRITES, "mark the start of a meeting (as `charterdash mark`)", NULL, 0) \
	R(CHANGES, ui_act_changes, 0, "what changed since the meeting started: the minutes", "minutes", 20) \
	R(HELP, ui_req_view, 0, "this help", "help", 0) \
	R(QUIT, ui_req_view, UI_RF_NAV, "quit", "quit", 1) \
	R(REDRAW, ui_req_view, UI_RF_NAV, "redraw the screen", NULL, 0) \
	R(MOUSE, ui_mouse_event, UI_RF_NAV, "mouse: click selects, double click opens, wheel scrolls", NULL, 0) \
	/* the detail view, the help and the changes (they scroll with the moves) */ \
	R(BACK, ui_act_close, UI_RF_NAV, "back", "back", 2) \
	R(HELP_CLOSE, ui_act_close, UI_RF_NAV, "close the help", NULL, 0) \
	R(HELP_SEARCH, ui_help_request, UI_RF_NAV, "search the help; n / N the next / previous match", "search", 10) \
	R(HELP_MATCH_NEXT, ui_help_request, UI_RF_NAV, NULL, NULL, 0) \
	R(HELP_MATCH_PREV, ui_help_request, UI_RF_NAV, NULL, NULL, 0) \
	R(CHANGES_CLOSE, ui_act_close, UI_RF_NAV, "close the list", NULL, 0) \
	/* the line editor (e, a; the search's line takes the same keys) */ \
	R(PROMPT_ENTER, ui_prompt_enter, 0, "save (a bad value is explained here; nothing is written)", "save", 3) \
	R(PROMPT_CANCEL, ui_prompt_cancel, 0, "cancel: nothing is written", "cancel", 4) \
	R(FIELD_NEXT, ui_prompt_tab, 0, "next / previous field (e: title, owner, due, notes; a: title, id, due, owner)", "field", 9) \
	R(FIELD_PREV, ui_prompt_tab, 0, NULL, NULL, 0) \
	R(PROMPT_EDITOR, ui_edit_external, UI_RF_WRITES, "edit the notes in $EDITOR, then save", "$EDITOR", 21) \
	R(CHAR_LEFT, ui_screen_request, 0, "a character left / right", NULL, 0) \
	R(CHAR_RIGHT, ui_screen_request, 0, NULL, NULL, 0) \
	R(TEXT_START, ui_screen_request, 0, "start / end of the text", NULL, 0) \
	R(TEXT_END, ui_screen_request, 0, NULL, NULL, 0) \
	R(DELETE_BEFORE, ui_screen_request, 0, "delete the character before / under the cursor", NULL, 0) \
	R(DELETE_UNDER, ui_screen_request, 0, NULL, NULL, 0) \
	R(KILL_START, ui_screen_request, 0, "delete to the start / to the end / the word before", NULL, 0) \
	R(KILL_END, ui_screen_request, 0, NULL, NULL, 0) \
	R(KILL_WORD, ui_screen_request, 0, NULL, NULL, 0) \
	/* questions: delete, conflict */ \
	R(ANSWER_YES, ui_confirm_answer, 0, "delete: yes \xc2\xb7 changed meanwhile: use mine (overwrites theirs)", NULL, 0) \
	R(ANSWER_MINE, ui_confirm_answer, 0, NULL, NULL, 0) \
	R(ANSWER_NO, ui_confirm_answer, 0, "delete: no \xc2\xb7 changed meanwhile: keep theirs", NULL, 0) \
	R(ANSWER_THEIRS, ui_confirm_answer, 0, NULL, NULL, 0) \
	R(ANSWER_CANCEL, ui_confirm_answer, 0, NULL, "cancel", 4) \
	/* the search prompt (typing goes to the prompt) */ \
	R(SEARCH_ACCEPT, ui_search_accept, 0, "keep the search and go to the first match", "search", 10) \
	R(SEARCH_CANCEL, ui_search_cancel, 0, "cancel the search", "cancel", 4) \
	/* the filter menu */ \
	R(MENU_TOGGLE, ui_filter_request, 0, "turn the option under the cursor on/off", "toggle", 12) \
	R(MENU_CLEAR, ui_filter_request, 0, "clear the filter", "clear", 14) \
	R(MENU_CLOSE, ui_act_close, UI_RF_NAV, "close the menu (the filter stays)", "close", 13) \
	/* the views: what needs attention */ \
	R(HIDE_DONE, ui_act_hide_done, 0, "hide / show the done milestones", NULL, 0) \
	R(AGENDA, ui_act_agenda, 0, "agenda: overdue, blocked, due soon, done recently, across groups", "agenda", 7) \
	R(AGENDA_STATUS, ui_agenda_request, UI_RF_WRITES, \
	  "set the selected milestone's status: Space, then 1-4 or n i b d (saved at once)", "status", 6) \
	R(AGENDA_CLOSE, ui_act_close, UI_RF_NAV, "close the agenda", "back", 2) \
	R(TIMELINE, ui_act_timeline, 0, "timeline: each group's milestones on a date axis", "timeline", 8) \
	R(TIMELINE_ZOOM_IN, ui_timeline_request, UI_RF_NAV, "zoom in / out: weeks, months, quarters", "zoom", 10) \
	R(TIMELINE_ZOOM_OUT, ui_timeline_request, UI_RF_NAV, NULL, UI_HINT_PAIR, 0) \
	R(TIMELINE_BURNUP, ui_timeline_request, 0, "burn-up: done over time against the plan, and back", "burn-up", 11) \
	R(TIMELINE_CLOSE, ui_act_close, UI_RF_NAV, "close the timeline", "back", 2) \
	UI_STATUS_COUNT_MINUTES_REQUESTS(R)

/* The status menu (Space, then its choice: a digit alone never writes),
 * the counts before a move (3j) and the minutes' s and p. */
#define UI_STATUS_COUNT_MINUTES_REQUESTS(R) \
	/* the status menu */ \
	R(STATUS_MENU, ui_act_status_menu, UI_RF_WRITES, "set the status: Space, then 1-4 or n i b d (saved at once)", "status", 6) \
	R(STATUS_NOT_STARTED, ui_act_status, UI_RF_WRITES, "status: 1 or n not started, 2 or i in progress, 3 or b blocked, 4 or d done", \
	  "not started", 5) \
	R(STATUS_IN_PROGRESS, ui_act_status, UI_RF_WRITES, NULL, "in progress", 5) \
	R(STATUS_BLOCKED, ui_act_status, UI_RF_WRITES, NULL, "blocked", 5) \
	R(STATUS_DONE, ui_act_status, UI_RF_WRITES, NULL, "done", 5) \
	R(STATUS_CANCEL, ui_act_status, 0, "cancel: nothing is written", "cancel", 4) \
	/* counts */ \
	R(COUNT_0, ui_req_count, UI_RF_NAV | UI_RF_COUNT, "a count for the next move: 3j three down, 2l two panes right, 5G the fifth", NULL, 0) \
	R(COUNT_1, ui_req_count, UI_RF_NAV | UI_RF_COUNT, NULL, NULL, 0) \
	R(COUNT_2, ui_req_count, UI_RF_NAV | UI_RF_COUNT, NULL, NULL, 0) \
	R(COUNT_3, ui_req_count, UI_RF_NAV | UI_RF_COUNT, NULL, NULL, 0) \
	R(COUNT_4, ui_req_count, UI_RF_NAV | UI_RF_COUNT, NULL, NULL, 0) \
	R(COUNT_5, ui_req_count, UI_RF_NAV | UI_RF_COUNT, NULL, NULL, 0) \
	R(COUNT_6, ui_req_count, UI_RF_NAV | UI_RF_COUNT, NULL, NULL, 0) \
	R(COUNT_7, ui_req_count, UI_RF_NAV | UI_RF_COUNT, NULL, NULL, 0) \
	R(COUNT_8, ui_req_count, UI_RF_NAV | UI_RF_COUNT, NULL, NULL, 0) \
	R(COUNT_9, ui_req_count, UI_RF_NAV | UI_RF_COUNT, NULL, NULL, 0) \
	/* the minutes (w) */ \
	R(MINUTES_SAVE, ui_act_minutes, 0, "save the minutes as Markdown beside the file (NAME.minutes-DATE.md)", "save", 6) \
	R(MINUTES_PAGE, ui_act_minutes, 0, "the minutes in $PAGER (less when unset)", "pager", 7)

#define UI_REQ_ENUM(name, fn, flags, help, hint, rank) UI_REQ_##name,
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

/* A request's help text (NULL: listed on the line above), flags, and its
 * footer word (NULL: none) with the word's rank. */
const char *ui_request_help(enum ui_request req);
unsigned ui_request_flags(enum ui_request req);
const char *ui_request_hint(enum ui_request req, int *rank);
/* The same in the modes of ctx (UI_CTX masks): a screen's own words for
 * the generic requests (ui_modes[]'s texts), else the request's. */
const char *ui_request_help_in(enum ui_request req, unsigned ctx);
const char *ui_request_hint_in(enum ui_request req, unsigned ctx, int *rank);

/* The first key bound to `req` in the contexts `ctx` (UI_CTX masks), or 0. */
int ui_request_key(enum ui_request req, unsigned ctx);

/* "↓", "PgDn", "Enter", "x", "Ctrl-L" ... */
void ui_key_name(const struct ui *ui, int key, char *buf, size_t size);

#endif
