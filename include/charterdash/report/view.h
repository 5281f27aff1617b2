/* view — what the dashboard shows, apart from how it is drawn: one pane per
 * working group with its visible milestones (filtered, sorted), the focused
 * pane, each pane's selected milestone, and the search.
 *
 * Anchors are ids, not row numbers: a pane remembers its group's id and its
 * selected milestone's id (owned copies), so the selection survives a
 * re-sort, a new filter, a reflow of the grid, and a reload of the file
 * (view_rebind). Pure: no curses, no clock; `today` is given.
 *
 * The view borrows the charter: after replacing it (a reload, an edit),
 * call view_rebind with the new one before touching the view again. */
#ifndef CHARTERDASH_VIEW_H
#define CHARTERDASH_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/core/charter.h"
#include "charterdash/core/date.h"
#include "charterdash/report/progress.h"

/* Attention order (the default): overdue, blocked, due soon, the rest not
 * done, done last; by due date within each (no date yet after the dated),
 * then file order. */
enum view_sort { VIEW_SORT_ATTENTION, VIEW_SORT_FILE, VIEW_SORT_DUE, VIEW_SORT_STATUS, VIEW_SORT_COUNT };

/* "attention", "file order", "due date", "status". */
const char *view_sort_label(enum view_sort s);

#define VIEW_ALL_STATUSES ((1u << STATUS_COUNT) - 1u)

struct view_filter {
	unsigned statuses; /* bit (1u << status) set: shown */
	bool overdue_only; /* only milestones past due and not done */
	char *owner;       /* owned; NULL: any owner. Exact match. */
};

struct view_pane {
	char *group_id;     /* owned: the anchor across reloads */
	enum view_sort sort;
	char *selected_id;  /* owned; NULL when the pane shows no milestone */
	size_t sel;         /* the selection's row in rows (0 when empty) */
	size_t top;         /* first row on screen: the UI keeps it with layout_scroll,
	                     * 0 for every pane but the focused one */
	size_t shown;       /* rows on its screen, set by the UI's layout (0: off screen) */
	size_t *rows;       /* owned: indices into charter.milestones, as shown */
	size_t row_count;
};

struct view {
	const struct charter *c; /* borrowed */
	struct date today;
	struct view_pane *panes; /* one per group, in file order */
	size_t pane_count;
	size_t focus;            /* the focused pane (0 when there are none) */
	struct view_filter filter;
	char *query;             /* owned; NULL: no search */
	bool *match;             /* per milestone: it matches the query */
	size_t match_count;      /* matching milestones among the shown rows */
	bool zoom;               /* the focused pane fills the body */
	/* Each group's progress, then the charter's: counted once per charter
	 * and day, not on every redraw (a header walks every milestone). */
	struct progress *progress;
	struct progress progress_scratch; /* when there was no memory for the cache */
};

/* Builds the view of c with no filter, attention order everywhere, the first
 * milestone of the first group selected. False when memory runs out (the
 * view must still be finished). */
bool view_init(struct view *v, const struct charter *c, struct date today);
void view_fini(struct view *v);

/* Points the view at a freshly loaded charter (same file, maybe edited):
 * panes follow their group ids (sort and selection kept; new groups come
 * with defaults), the focus stays on the same group, each selection on the
 * same milestone id; a milestone that disappeared (or is now filtered out)
 * hands the selection to the row that took its place. Filter and search
 * are re-applied. False when memory runs out. */
bool view_rebind(struct view *v, const struct charter *c);

/* Group g's progress and the whole charter's on v->today, kept until the
 * next view_rebind or view_set_today. */
const struct progress *view_group_progress(struct view *v, size_t g);
const struct progress *view_charter_progress(struct view *v);

/* Changes today (the overdue filter depends on it). */
bool view_set_today(struct view *v, struct date today);

/* The focused pane, or NULL when the charter has no groups. */
struct view_pane *view_focused(struct view *v);

/* The selected milestone (index into charter.milestones) or -1. */
long view_selected(const struct view *v);

/* Moves the selection in the focused pane by delta rows, clamped. True
 * when it moved. */
bool view_move(struct view *v, long delta);
/* Selects row `row` (clamped; SIZE_MAX selects the last) in the focused pane. */
bool view_move_to(struct view *v, size_t row);

/* Up/down as a person expects in a grid of `cols` columns: within the
 * pane, and past its first/last row into the pane above/below (selecting
 * the last row of its first screen / its first row: the pane is not
 * scrolled). True when anything changed. */
bool view_step(struct view *v, int dir, int cols);

/* Focuses pane `pane` (clamped). True when the focus changed. The pane
 * left shows its first rows again (top 0): only the focused pane scrolls. */
bool view_focus(struct view *v, size_t pane);
/* Focus delta panes away in reading order; with wrap, past the last comes
 * the first (Tab); without, it stops at the ends (h/l). */
bool view_focus_step(struct view *v, long delta, bool wrap);
/* A pane change (h/l, Tab): focuses delta panes away and lands on the
 * screen row the selection had in the old pane when that row is on the new
 * pane's first screen (its `shown` rows, and it has the row), else on its
 * first row; the new pane is shown from its top either way. */
bool view_change_pane(struct view *v, long delta, bool wrap);
/* After a change re-sorted the focused pane (a status set in a meeting):
 * the selection goes back to row `row` (clamped), so the next milestone
 * moves up into its place rather than the pane scrolling after the changed
 * one. Returns the row the selected milestone went to, or -1 when it did
 * not move. */
long view_keep_row(struct view *v, size_t row);

/* Focuses milestone m's pane and selects it. False when m is not shown. */
bool view_select_milestone(struct view *v, size_t m);

/* The row of milestone m in pane p, or -1 when not shown there. */
long view_row_of(const struct view *v, size_t pane, size_t m);

/* Sorting the focused pane. view_cycle_sort goes attention → file → due →
 * status → attention and returns the new order. The selection stays on its milestone. */
bool view_set_sort(struct view *v, size_t pane, enum view_sort sort);
enum view_sort view_cycle_sort(struct view *v);

/* Filtering all panes (copied). False when memory runs out. */
bool view_set_filter(struct view *v, const struct view_filter *f);
void view_clear_filter(struct view *v);
bool view_filter_active(const struct view *v);
/* "blocked, in progress · overdue · owner Trade sub-group", or "" when
 * none; always NUL-terminated. */
void view_filter_describe(const struct view *v, char *buf, size_t size);
/* True when milestone m passes the filter. */
bool view_filter_accepts(const struct view *v, size_t m);

/* The distinct owners of the charter, sorted (strcmp), borrowed from it,
 * in a new array (free it) of *count entries. NULL when there are none or
 * memory runs out. */
const char **view_owners(const struct charter *c, size_t *count);

/* Searches titles, owners and notes, case-insensitively, in every group.
 * An empty or NULL query clears the search. Returns the number of
 * matching shown milestones. The selection does not move. */
size_t view_search(struct view *v, const char *query);
/* Selects the next (dir > 0) or previous match after the selection, in
 * display order (pane by pane, row by row), wrapping. False when there is
 * no match. */
bool view_search_next(struct view *v, int dir);
/* 1-based position of the selection among the matches, 0 when the
 * selection is not a match. */
size_t view_match_position(const struct view *v);
bool view_is_match(const struct view *v, size_t m);

/* A pane row's due column, at most VIEW_DUE_COLUMNS wide: for an open
 * milestone the days that matter ("12 d late", "today", "in 2 d"), for a
 * done one (or one more than 999 days away) the date, "no date" for
 * `due: ~`. Always NUL-terminated. */
#define VIEW_DUE_COLUMNS 10
void view_due_short(const struct charter *c, const struct milestone *m, struct date today, char *buf,
                    size_t size);
/* A done row's column: when it was done, the longest of these that fits
 * `room` columns: "done 05-12, 3 d late" / "05-12, 3 d late" / "3 d late",
 * "done on time" / "on time", "done (date not recorded)" / "date unknown" /
 * "no date"; "done 05-12" when there is no due date to be late against. */
#define VIEW_DONE_COLUMNS 24
void view_done_short(const struct charter *c, const struct milestone *m, int room, char *buf, size_t size);

/* The same in at most LAYOUT_SHORT_DATE (5) columns, for narrow panes:
 * "!12d" late, "today", "+3d" to go ("!2y" / "+2y" past 999 days), the
 * MM-DD a done milestone was completed ("?" when `completed` is not
 * recorded), "-" for `due: ~`. Always NUL-terminated. */
void view_due_compact(const struct charter *c, const struct milestone *m, struct date today, char *buf,
                      size_t size);

/* True when milestone m's title, owner or notes contain query. */
bool view_milestone_matches(const struct milestone *m, const char *query);

#endif
