/* ui_state — the session (struct ui) and the state below the screens: the
 * message line (ui_message in charterdash/ui/ui.h), the mode stack, the
 * selection, replacing the charter, read-only. Every UI file includes it. */
#ifndef CHARTERDASH_UI_STATE_H
#define CHARTERDASH_UI_STATE_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>

#include "charterdash/core/lineedit.h"
#include "charterdash/report/agenda.h"
#include "charterdash/report/timeline.h"
#include "charterdash/ui/ui.h"

struct ui_screen; /* curses state: below */
struct ui_live;   /* watch, presence, history, marks: ui_live.c */
struct ui_edit;   /* what is being edited, undo: ui_edit.c */
struct ui_follow; /* --follow: ui_follow.c */
struct ui_prompt; /* the dialogs' drafts and question: ui_prompt.c */

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
	struct ui_follow *follow;
	struct ui_prompt *prompt;

	unsigned count;       /* a count typed before a move (3j), 0: none */
	/* The last change this session saved, shown on the message line
	 * (when nothing else is) until the next one: what u would undo. */
	char saved_note[512];
	bool mouse;           /* mouse reporting on */
	unsigned dirty;       /* UI_DIRTY_* */
	bool bell;            /* an error since the last draw: ring once */
	bool drawing;         /* inside a screen's draw, which writes nothing (UI_NOT_DRAWING) */
	struct ui_screen *scr;

	/* the screens' own state (ui_search.c, ui_detail.c, ui_help.c,
	 * ui_changes.c, ui_filter.c) */
	struct {
		struct lineedit line;       /* what is being typed (the line editor's keys) */
		struct lineedit_window win; /* the part the footer shows (set by ui_search.c) */
		char *before;               /* the query before it, restored by Esc */
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
		size_t *rows;        /* the same by group, then due date: the Gantt's rows (owned) */
		size_t top;          /* the Gantt's first row shown */
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

/* Drawing writes nothing: what changes the session's state says so in a
 * debug build (and ui_draw compares the session before and after each
 * draw). */
#define UI_NOT_DRAWING(ui) assert(!(ui)->drawing)

/* A copy of s, NULL for NULL. Out of memory aborts: a save is all or
 * nothing (temp file, rename), so no half-written state is left, and the
 * crash handler restores the terminal. The UI's small strings use it, so
 * none goes unchecked. */
char *ui_strdup(const char *s);
/* The panel shown under any dialog (detail, help, filter, changes) or
 * UI_MODE_MAIN; the dialog on top (edit, confirm) or UI_MODE_MAIN. */
enum ui_mode ui_panel_mode(const struct ui *ui);
enum ui_mode ui_dialog_mode(const struct ui *ui);
/* The count typed before a move (at least 1: 3j), forgotten as it is taken. */
unsigned ui_take_count(struct ui *ui);
/* The mode stack with the dashboard alone on it. */
void ui_reset_modes(struct ui *ui);
/* Opens the search prompt, empty (`/` on the dashboard and in the help;
 * ui_search.c takes it from there). */
void ui_search_open(struct ui *ui);
/* Read-only again from the options and the file's permissions. */
void ui_recheck_writable(struct ui *ui);

#endif
