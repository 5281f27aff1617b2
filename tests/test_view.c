/* test_view — selection anchored to ids, moving between panes, sort,
 * filter, search and re-anchoring after a reload, on small inline
 * charters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/charter.h"
#include "charterdash/core/strutil.h"
#include "charterdash/report/view.h"

#include "support.h"

static const struct date TODAY = { 2026, 11, 26 };

#define HEAD "charter:\n  title: T\n  signed: 2026-02-09\nworking_groups:\n"
#define MS(id, title, status, due, owner) \
	"      - id: " id "\n        title: " title "\n        status: " status "\n" \
	"        due: " due "\n        owner: " owner "\n"

static const char *const THREE =
	HEAD
	"  - id: econ\n    name: Economy\n    milestones:\n"
	MS("e1", "Constitute the group", "done", "2026-03-13", "Co-chairs")
	MS("e2", "Customs for the Middle Corridor", "in_progress", "2026-12-15", "Customs sub-group")
	MS("e3", "Trade facilitation", "not_started", "2026-01-29", "Trade sub-group")
	MS("e4", "Investment pipeline", "blocked", "2027-01-15", "Co-chairs")
	"  - id: empty\n    name: Nothing yet\n"
	"  - id: energy\n    name: Energy\n    milestones:\n"
	MS("n1", "Roadmap", "done", "2026-05-08", "Co-chairs")
	MS("n2", "Civil nuclear dialogue", "not_started", "2026-11-01", "Nuclear sub-group")
	"        notes: Opened with the roadmap in Bak\xc4\xb1.\n";

struct fixture {
	struct charter c;
	struct view v;
};

/* Every pane in file order, its first row selected, pane 0 focused: the
 * moves below are easier to follow in the order of the fixture's text
 * (the default, attention order, has tests of its own). */
static void in_file_order(struct view *v)
{
	for (size_t p = 0; p < v->pane_count; p++) {
		assert_true(view_set_sort(v, p, VIEW_SORT_FILE));
		view_focus(v, p);
		view_move_to(v, 0);
	}
	view_focus(v, 0);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	test_load(&f->c, THREE);
	assert_true(view_init(&f->v, &f->c, TODAY));
	in_file_order(&f->v);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	view_fini(&f->v);
	charter_fini(&f->c);
	free(f);
	return 0;
}

static const char *selected_id(const struct view *v)
{
	long m = view_selected(v);
	return m < 0 ? "(none)" : v->c->milestones[m].id;
}

/* The default: overdue (by due date), blocked, due soon, the rest by due
 * date, done last; the first row selected. */
static void test_attention_order_is_default(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, HEAD "  - id: g\n    name: G\n    milestones:\n"
	              "      - {id: done-old, title: A, status: done, due: 2026-01-10}\n"
	              "      - {id: later, title: B, status: in_progress, due: 2027-03-01}\n"
	              "      - {id: soon, title: C, status: not_started, due: 2026-12-01}\n"
	              "      - {id: blocked, title: D, status: blocked, due: 2027-02-01}\n"
	              "      - {id: late2, title: E, status: in_progress, due: 2026-11-01}\n"
	              "      - {id: undated, title: F, status: not_started, due: ~}\n"
	              "      - {id: late1, title: G, status: blocked, due: 2026-10-01}\n"
	              "      - {id: soon-ip, title: H, status: in_progress, due: 2026-11-30}\n"
	              "      - {id: next, title: I, status: not_started, due: 2027-01-10}\n");
	struct view v;
	assert_true(view_init(&v, &c, TODAY));
	assert_int_equal(v.panes[0].sort, VIEW_SORT_ATTENTION);
	static const char *const want[] = { "late1", "late2", "blocked", "soon-ip", "soon",
	                                    "next", "later", "undated", "done-old" };
	assert_int_equal(v.panes[0].row_count, 9);
	for (size_t i = 0; i < 9; i++)
		assert_string_equal(c.milestones[v.panes[0].rows[i]].id, want[i]);
	assert_string_equal(selected_id(&v), "late1");
	/* a later day moves `soon` into the overdue rank */
	assert_true(view_set_today(&v, D(2026, 12, 5)));
	assert_string_equal(c.milestones[v.panes[0].rows[2]].id, "soon-ip");
	assert_string_equal(c.milestones[v.panes[0].rows[3]].id, "soon");
	assert_string_equal(view_sort_label(VIEW_SORT_ATTENTION), "attention");
	view_fini(&v);
	charter_fini(&c);
}

static void test_due_short(void **state)
{
	struct fixture *f = *state;
	char buf[VIEW_DUE_COLUMNS + 1];
	const struct milestone *ms = f->c.milestones; /* e1..e4, n1, n2 */
	view_due_short(&f->c, &ms[0], TODAY, buf, sizeof buf); /* done: the date */
	assert_string_equal(buf, "2026-03-13");
	view_due_short(&f->c, &ms[1], TODAY, buf, sizeof buf);
	assert_string_equal(buf, "in 19 d");
	view_due_short(&f->c, &ms[2], TODAY, buf, sizeof buf);
	assert_string_equal(buf, "301 d late");
	view_due_short(&f->c, &ms[1], D(2026, 12, 15), buf, sizeof buf);
	assert_string_equal(buf, "today");
	view_due_short(&f->c, &ms[2], D(2029, 1, 1), buf, sizeof buf); /* far: the date */
	assert_string_equal(buf, "2026-01-29");
	struct milestone undated = ms[1];
	undated.has_due = false;
	undated.due_unset = true;
	view_due_short(&f->c, &undated, TODAY, buf, sizeof buf);
	assert_string_equal(buf, "no date");
}

/* The short date of narrow panes: five columns at most. */
static void test_due_compact(void **state)
{
	struct fixture *f = *state;
	char buf[16];
	const struct charter *c = &f->c;
	view_due_compact(c, &c->milestones[2], TODAY, buf, sizeof buf); /* e3, due 2026-01-29 */
	assert_string_equal(buf, "!301d");
	view_due_compact(c, &c->milestones[1], TODAY, buf, sizeof buf); /* e2, due 2026-12-15 */
	assert_string_equal(buf, "+19d");
	/* a done row says when it was done, never its due date */
	view_due_compact(c, &c->milestones[0], TODAY, buf, sizeof buf); /* e1, done, due 2026-03-13 */
	assert_string_equal(buf, "?");
	struct milestone completed = c->milestones[0];
	completed.has_completed = true;
	completed.completed = D(2026, 3, 20);
	view_due_compact(c, &completed, TODAY, buf, sizeof buf);
	assert_string_equal(buf, "03-20");
	view_due_compact(c, &c->milestones[1], D(2026, 12, 15), buf, sizeof buf);
	assert_string_equal(buf, "today");
	view_due_compact(c, &c->milestones[1], D(2020, 1, 1), buf, sizeof buf);
	assert_string_equal(buf, "+6y");
}

static void test_init_selects_first(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(f->v.pane_count, 3);
	assert_int_equal(f->v.focus, 0);
	assert_string_equal(selected_id(&f->v), "e1");
	assert_int_equal(f->v.panes[1].row_count, 0);
	assert_null(f->v.panes[1].selected_id);
	assert_string_equal(f->v.panes[2].selected_id, "n1");
	assert_false(view_filter_active(&f->v));
}

static void test_move_and_step(void **state)
{
	struct fixture *f = *state;
	struct view *v = &f->v;
	assert_true(view_move(v, 2));
	assert_string_equal(selected_id(v), "e3");
	assert_true(view_move(v, 10)); /* clamped */
	assert_string_equal(selected_id(v), "e4");
	assert_false(view_move(v, 1));
	assert_true(view_move_to(v, 0));
	assert_string_equal(selected_id(v), "e1");
	assert_true(view_move_to(v, SIZE_MAX));
	assert_string_equal(selected_id(v), "e4");

	/* one column: down past the last row goes into the (empty) next pane,
	 * then into the one after, selecting its first row */
	assert_true(view_step(v, 1, 1));
	assert_int_equal(v->focus, 1);
	assert_int_equal(view_selected(v), -1);
	assert_true(view_step(v, 1, 1));
	assert_int_equal(v->focus, 2);
	assert_string_equal(selected_id(v), "n1");
	assert_true(view_step(v, 1, 1));
	assert_string_equal(selected_id(v), "n2");
	assert_false(view_step(v, 1, 1)); /* the end */
	/* and back up: the pane above's last row */
	assert_true(view_step(v, -1, 1));
	assert_true(view_step(v, -1, 1));
	assert_int_equal(v->focus, 1);
	assert_true(view_step(v, -1, 1));
	assert_int_equal(v->focus, 0);
	assert_string_equal(selected_id(v), "e4");

	/* two columns: pane 0's bottom leads to pane 2 (below it) */
	assert_true(view_step(v, 1, 2));
	assert_int_equal(v->focus, 2);
	assert_string_equal(selected_id(v), "n1");
}

static void test_focus_keeps_each_pane_selection(void **state)
{
	struct fixture *f = *state;
	struct view *v = &f->v;
	view_move(v, 1); /* e2 */
	assert_true(view_focus_step(v, 2, false));
	assert_string_equal(selected_id(v), "n1");
	view_move(v, 1);
	assert_false(view_focus_step(v, 1, false)); /* no wrap for h/l */
	assert_true(view_focus_step(v, 1, true));   /* Tab wraps */
	assert_int_equal(v->focus, 0);
	assert_string_equal(selected_id(v), "e2");
	assert_true(view_focus_step(v, -1, true));
	assert_int_equal(v->focus, 2);
	assert_string_equal(selected_id(v), "n2");
	view_focus(v, 0);
	assert_true(view_focus(v, 99)); /* clamped */
	assert_int_equal(v->focus, 2);
	assert_false(view_focus(v, 2));
	assert_true(view_select_milestone(v, 3)); /* e4 */
	assert_int_equal(v->focus, 0);
	assert_string_equal(selected_id(v), "e4");
	assert_int_equal(view_row_of(v, 0, 3), 3);
	assert_int_equal(view_row_of(v, 2, 3), -1);
}

static void test_sort(void **state)
{
	struct fixture *f = *state;
	struct view *v = &f->v;
	view_move(v, 1); /* e2 */
	assert_int_equal(view_cycle_sort(v), VIEW_SORT_DUE);
	/* e3 2026-01-29, e1 03-13, e2 12-15, e4 2027-01-15 */
	const size_t *r = v->panes[0].rows;
	assert_string_equal(f->c.milestones[r[0]].id, "e3");
	assert_string_equal(f->c.milestones[r[1]].id, "e1");
	assert_string_equal(f->c.milestones[r[2]].id, "e2");
	assert_string_equal(f->c.milestones[r[3]].id, "e4");
	assert_string_equal(selected_id(v), "e2"); /* followed its milestone */
	assert_int_equal(v->panes[0].sel, 2);
	assert_int_equal(view_cycle_sort(v), VIEW_SORT_STATUS);
	r = v->panes[0].rows; /* blocked, in progress, not started, done */
	assert_string_equal(f->c.milestones[r[0]].id, "e4");
	assert_string_equal(f->c.milestones[r[1]].id, "e2");
	assert_string_equal(f->c.milestones[r[2]].id, "e3");
	assert_string_equal(f->c.milestones[r[3]].id, "e1");
	assert_string_equal(selected_id(v), "e2");
	assert_int_equal(view_cycle_sort(v), VIEW_SORT_ATTENTION);
	r = v->panes[0].rows; /* overdue e3, blocked e4, e2, done e1 */
	assert_string_equal(f->c.milestones[r[0]].id, "e3");
	assert_string_equal(f->c.milestones[r[1]].id, "e4");
	assert_string_equal(f->c.milestones[r[2]].id, "e2");
	assert_string_equal(f->c.milestones[r[3]].id, "e1");
	assert_int_equal(view_cycle_sort(v), VIEW_SORT_FILE);
	assert_string_equal(f->c.milestones[v->panes[0].rows[0]].id, "e1");
	/* other panes keep their own order */
	assert_int_equal(v->panes[2].sort, VIEW_SORT_FILE);
	assert_string_equal(view_sort_label(VIEW_SORT_DUE), "due date");
}

/* `due: ~` (no date yet) sorts after every dated milestone; an absent due
 * sorts as the roadmap deadline. */
static void test_sort_no_date_last(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, HEAD "  - id: g\n    name: G\n    milestones:\n"
	              "      - {id: none, title: A, status: not_started, due: ~}\n"
	              "      - {id: late, title: B, status: not_started, due: 2027-01-01}\n"
	              "      - {id: deadline, title: C, status: not_started}\n"
	              "      - {id: early, title: D, status: not_started, due: 2026-03-01}\n");
	struct view v;
	assert_true(view_init(&v, &c, TODAY));
	assert_true(view_set_sort(&v, 0, VIEW_SORT_FILE));
	assert_int_equal(view_cycle_sort(&v), VIEW_SORT_DUE);
	static const char *const want[] = { "early", "deadline", "late", "none" };
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(c.milestones[v.panes[0].rows[i]].id, want[i]);
	view_fini(&v);
	charter_fini(&c);
}

static void test_filter_status_and_overdue(void **state)
{
	struct fixture *f = *state;
	struct view *v = &f->v;
	view_move(v, 1); /* e2, in progress */
	struct view_filter flt = { 1u << STATUS_BLOCKED | 1u << STATUS_NOT_STARTED, false, NULL };
	assert_true(view_set_filter(v, &flt));
	assert_true(view_filter_active(v));
	assert_int_equal(v->panes[0].row_count, 2); /* e3, e4 */
	assert_int_equal(v->panes[2].row_count, 1); /* n2 */
	/* e2 is hidden: the row that took its place is selected */
	assert_string_equal(selected_id(v), "e4");
	char desc[128];
	view_filter_describe(v, desc, sizeof desc);
	assert_string_equal(desc, "not started, blocked");

	/* overdue only: e3 (2026-01-29, not started) and n2 (2026-11-01) */
	struct view_filter od = { VIEW_ALL_STATUSES, true, NULL };
	view_set_filter(v, &od);
	assert_int_equal(v->panes[0].row_count, 1);
	assert_string_equal(selected_id(v), "e3");
	assert_int_equal(v->panes[2].row_count, 1);
	view_filter_describe(v, desc, sizeof desc);
	assert_string_equal(desc, "overdue");
	/* a later today makes more overdue */
	view_set_today(v, (struct date){ 2027, 6, 1 });
	assert_int_equal(v->panes[0].row_count, 3);
	view_set_today(v, TODAY);

	view_clear_filter(v);
	assert_false(view_filter_active(v));
	assert_int_equal(v->panes[0].row_count, 4);
	assert_string_equal(selected_id(v), "e3");
	view_filter_describe(v, desc, sizeof desc);
	assert_string_equal(desc, "");
}

static void test_filter_owner(void **state)
{
	struct fixture *f = *state;
	struct view *v = &f->v;
	size_t n;
	const char **owners = view_owners(&f->c, &n);
	assert_non_null(owners);
	assert_int_equal(n, 4);
	assert_string_equal(owners[0], "Co-chairs");
	assert_string_equal(owners[1], "Customs sub-group");
	assert_string_equal(owners[3], "Trade sub-group");
	struct view_filter flt = { VIEW_ALL_STATUSES, false, str_unconst(owners[0]) };
	view_set_filter(v, &flt);
	free(owners);
	assert_int_equal(v->panes[0].row_count, 2); /* e1, e4 */
	assert_int_equal(v->panes[2].row_count, 1); /* n1 */
	char desc[128];
	view_filter_describe(v, desc, sizeof desc);
	assert_string_equal(desc, "owner Co-chairs");
	struct view_filter both = { 1u << STATUS_DONE, true, "Co-chairs" };
	view_set_filter(v, &both);
	view_filter_describe(v, desc, sizeof desc);
	assert_string_equal(desc, "done \xc2\xb7 overdue \xc2\xb7 owner Co-chairs");
	assert_int_equal(v->panes[0].row_count, 0); /* done is never overdue */
	assert_int_equal(view_selected(v), -1);
	struct view_filter nothing = { 0, false, NULL };
	view_set_filter(v, &nothing);
	view_filter_describe(v, desc, sizeof desc);
	assert_string_equal(desc, "no status");
}

static void test_search(void **state)
{
	struct fixture *f = *state;
	struct view *v = &f->v;
	/* "co" is in: e1 owner, e2 title (Corridor) + Customs, e4 owner, n1 owner */
	assert_int_equal(view_search(v, "CO-CHAIRS"), 3);
	assert_true(view_is_match(v, 0));
	assert_false(view_is_match(v, 1));
	assert_string_equal(selected_id(v), "e1");
	assert_int_equal(view_match_position(v), 1);
	assert_true(view_search_next(v, 1));
	assert_string_equal(selected_id(v), "e4");
	assert_int_equal(view_match_position(v), 2);
	assert_true(view_search_next(v, 1));
	assert_string_equal(selected_id(v), "n1");
	assert_int_equal(v->focus, 2);
	assert_true(view_search_next(v, 1)); /* wraps */
	assert_string_equal(selected_id(v), "e1");
	assert_true(view_search_next(v, -1)); /* and back */
	assert_string_equal(selected_id(v), "n1");

	/* notes and UTF-8 */
	assert_int_equal(view_search(v, "BAK\xc4\xb1"), 1);
	assert_true(view_search_next(v, 1));
	assert_string_equal(selected_id(v), "n2");
	assert_int_equal(view_match_position(v), 1);

	/* from an unmatched selection, next finds the following match */
	view_search(v, "trade");
	view_focus(v, 0);
	view_move_to(v, 0);
	assert_int_equal(view_match_position(v), 0);
	assert_true(view_search_next(v, 1));
	assert_string_equal(selected_id(v), "e3");

	/* the filter hides matches from the count */
	struct view_filter done = { 1u << STATUS_DONE, false, NULL };
	view_search(v, "co-chairs");
	view_set_filter(v, &done);
	assert_int_equal(v->match_count, 2); /* e1, n1 */
	view_clear_filter(v);
	assert_int_equal(v->match_count, 3);

	assert_int_equal(view_search(v, "no such thing"), 0);
	assert_false(view_search_next(v, 1));
	assert_int_equal(view_search(v, ""), 0);
	assert_null(v->query);
	assert_false(view_is_match(v, 0));
}

static void test_search_from_empty_pane(void **state)
{
	struct fixture *f = *state;
	struct view *v = &f->v;
	view_search(v, "roadmap"); /* n1 title, n2 notes */
	view_focus(v, 1);          /* the empty group */
	assert_true(view_search_next(v, 1));
	assert_string_equal(selected_id(v), "n1");
	view_focus(v, 1);
	assert_true(view_search_next(v, -1));
	assert_string_equal(selected_id(v), "n2"); /* wraps backwards from pane 1 */
}

/* The same file after an edit: a group inserted first, econ's milestones
 * reordered with e2 deleted, energy renamed but same id. */
/* h/l and Tab land on the screen row the selection had when the new pane
 * shows that row on its first screen, else on its first row; the pane left
 * shows its first rows again. */
static void test_change_pane_lands_on_first_screen(void **state)
{
	struct fixture *f = *state;
	struct view *v = &f->v;
	v->panes[0].shown = 2;
	v->panes[2].shown = 2;
	view_move_to(v, 1); /* e2, screen row 1 */
	assert_true(view_change_pane(v, 2, false));
	assert_int_equal(v->focus, 2);
	assert_string_equal(selected_id(v), "n2");
	assert_true(view_change_pane(v, -2, false));
	view_move_to(v, 3); /* e4, the pane scrolled by 2: screen row 1 */
	v->panes[0].top = 2;
	assert_true(view_change_pane(v, 1, true)); /* the empty pane */
	assert_int_equal(v->panes[0].top, 0);
	assert_int_equal(view_selected(v), -1);
	view_focus(v, 0);
	view_move_to(v, 3);
	v->panes[0].top = 2;
	assert_true(view_change_pane(v, -1, true)); /* wraps to energy: row 1 */
	assert_string_equal(selected_id(v), "n2");
	assert_int_equal(v->panes[0].top, 0);
	/* a screen row past the new pane's first screen: its first row */
	view_focus(v, 0);
	v->panes[0].shown = 4;
	view_move_to(v, 3);
	assert_true(view_change_pane(v, 2, false));
	assert_string_equal(selected_id(v), "n1");
	/* up from the top of a pane: the last row of the first screen above */
	v->panes[0].shown = 2;
	view_focus(v, 1);
	assert_true(view_step(v, -1, 1));
	assert_int_equal(v->focus, 0);
	assert_string_equal(selected_id(v), "e2");
}

/* After a change re-sorted the pane, the selection goes back to its row. */
static void test_keep_row_after_a_resort(void **state)
{
	struct fixture *f = *state;
	struct view *v = &f->v;
	view_move_to(v, 2); /* e3 in file order */
	assert_true(view_set_sort(v, 0, VIEW_SORT_DUE)); /* e3 e1 e2 e4 */
	assert_string_equal(selected_id(v), "e3");
	assert_int_equal(view_keep_row(v, 2), 0); /* e3 went to row 0 */
	assert_string_equal(selected_id(v), "e2");
	assert_int_equal(view_keep_row(v, 2), -1);
	assert_int_equal(view_keep_row(v, 99), 2); /* e2 was on row 2; clamped to the last row */
	assert_string_equal(selected_id(v), "e4");
}

static const char *const EDITED =
	HEAD
	"  - id: new\n    name: New group\n    milestones:\n"
	MS("x1", "New thing", "not_started", "2027-03-01", "Someone")
	"  - id: econ\n    name: Economy\n    milestones:\n"
	MS("e4", "Investment pipeline", "in_progress", "2027-01-15", "Co-chairs")
	MS("e1", "Constitute the group", "done", "2026-03-13", "Co-chairs")
	MS("e3", "Trade facilitation", "not_started", "2026-01-29", "Trade sub-group")
	"  - id: energy\n    name: Energy and power\n    milestones:\n"
	MS("n1", "Roadmap", "done", "2026-05-08", "Co-chairs")
	MS("n2", "Civil nuclear dialogue", "done", "2026-11-01", "Nuclear sub-group");

/* The file changed on disk: the view follows the fresh charter, which
 * then takes the fixture's place (the view is pointed at its new home). */
static void reload(struct fixture *f, const char *yaml)
{
	struct charter fresh;
	test_load(&fresh, yaml);
	assert_true(view_rebind(&f->v, &fresh));
	charter_fini(&f->c);
	f->c = fresh;
	f->v.c = &f->c;
}

static void test_rebind_keeps_anchors(void **state)
{
	struct fixture *f = *state;
	struct view *v = &f->v;
	view_move(v, 3); /* e4 in econ */
	view_set_sort(v, 2, VIEW_SORT_STATUS);
	view_search(v, "co-chairs");

	reload(f, EDITED);

	assert_int_equal(v->pane_count, 3);
	assert_int_equal(v->focus, 1); /* still econ */
	assert_string_equal(v->panes[1].group_id, "econ");
	assert_string_equal(selected_id(v), "e4");
	assert_int_equal(v->panes[1].sel, 0);
	assert_int_equal(v->panes[2].sort, VIEW_SORT_STATUS); /* energy kept its sort */
	assert_int_equal(v->panes[0].sort, VIEW_SORT_ATTENTION); /* a new group: the default */
	assert_string_equal(v->panes[0].selected_id, "x1");
	assert_int_equal(v->match_count, 3); /* e4, e1, n1: the search was re-applied */
}

/* The cached counts follow the charter and the day: after a rebind they
 * are the new file's, after view_set_today the new day's. */
static void test_progress_cache(void **state)
{
	struct fixture *f = *state;
	struct view *v = &f->v;
	assert_int_equal(view_group_progress(v, 0)->total, 4);
	assert_int_equal(view_group_progress(v, 0)->counts[STATUS_DONE], 1);
	assert_int_equal(view_group_progress(v, 2)->counts[STATUS_DONE], 1);
	assert_int_equal(view_charter_progress(v)->total, 6);
	assert_int_equal(view_charter_progress(v)->counts[STATUS_DONE], 2);
	assert_int_equal(view_charter_progress(v)->attention[ATTENTION_OVERDUE], 2); /* e3 and n2 on 26 Nov */

	assert_true(view_set_today(v, D(2026, 10, 1)));
	assert_int_equal(view_charter_progress(v)->attention[ATTENTION_OVERDUE], 1); /* n2 not yet due */

	reload(f, EDITED);
	assert_int_equal(view_group_progress(v, 0)->total, 1);      /* "new" */
	assert_int_equal(view_group_progress(v, 2)->counts[STATUS_DONE], 2); /* energy: n2 done now */
	assert_int_equal(view_charter_progress(v)->total, 6);
	assert_int_equal(view_charter_progress(v)->counts[STATUS_DONE], 3);
	for (size_t g = 0; g < f->c.group_count; g++) {
		struct progress p;
		progress_group(&f->c, g, v->today, &p);
		assert_memory_equal(view_group_progress(v, g), &p, sizeof p);
	}
}

static void test_rebind_deleted_selection(void **state)
{
	struct fixture *f = *state;
	struct view *v = &f->v;
	view_move(v, 1); /* e2, which the edit deletes */
	reload(f, EDITED);
	/* row 1 of econ now holds e1 */
	assert_string_equal(selected_id(v), "e1");
}

static void test_rebind_group_removed(void **state)
{
	struct fixture *f = *state;
	struct view *v = &f->v;
	view_focus(v, 2); /* energy */
	reload(f, HEAD "  - id: econ\n    name: Economy\n");
	assert_int_equal(v->pane_count, 1);
	assert_int_equal(v->focus, 0);
	assert_int_equal(view_selected(v), -1);

	struct charter none;
	test_load(&none, HEAD "  []\n");
	assert_true(view_rebind(v, &none));
	charter_fini(&f->c);
	f->c = none;
	v->c = &f->c;
	assert_int_equal(v->pane_count, 0);
	assert_null(view_focused(v));
	assert_int_equal(view_selected(v), -1);
	assert_false(view_move(v, 1));
	assert_false(view_step(v, 1, 1));
	assert_false(view_focus_step(v, 1, true));
	assert_int_equal(view_cycle_sort(v), VIEW_SORT_ATTENTION);
	assert_int_equal(view_search(v, "x"), 0);
	assert_false(view_search_next(v, 1));
}

static void test_many_milestones_sorted_stably(void **state)
{
	(void)state;
	/* 300 milestones with 3 distinct due dates: sort must be stable */
	size_t cap = 300 * 160 + 256, len = 0;
	char *yaml = malloc(cap);
	len += (size_t)snprintf(yaml, cap, HEAD "  - id: big\n    name: Big\n    milestones:\n");
	for (int i = 0; i < 300; i++)
		len += (size_t)snprintf(yaml + len, cap - len,
		                        "      - id: m%d\n        title: M%d\n        status: %s\n        due: 2026-0%d-01\n",
		                        i, i, i % 2 ? "done" : "blocked", 1 + (i * 7) % 3);
	struct charter c;
	test_load(&c, yaml);
	free(yaml);
	struct view v;
	assert_true(view_init(&v, &c, TODAY));
	view_set_sort(&v, 0, VIEW_SORT_DUE);
	for (size_t r = 1; r < v.panes[0].row_count; r++) {
		const struct milestone *a = &c.milestones[v.panes[0].rows[r - 1]];
		const struct milestone *b = &c.milestones[v.panes[0].rows[r]];
		int cmp = date_compare(a->due, b->due);
		assert_true(cmp < 0 || (cmp == 0 && v.panes[0].rows[r - 1] < v.panes[0].rows[r]));
	}
	view_set_sort(&v, 0, VIEW_SORT_STATUS);
	assert_int_equal(c.milestones[v.panes[0].rows[0]].status, STATUS_BLOCKED);
	assert_int_equal(c.milestones[v.panes[0].rows[299]].status, STATUS_DONE);
	assert_string_equal(selected_id(&v), "m0");
	view_fini(&v);
	charter_fini(&c);
}

/* A done row says when it was done, as much as fits. */
static void test_done_short(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, "charter:\n  title: T\n  signed: 2026-02-09\n"
	         "working_groups:\n  - id: g\n    name: G\n    milestones:\n"
	         "      - {id: a, title: A, status: done, due: 2026-05-09, completed: 2026-05-12}\n"
	         "      - {id: b, title: B, status: done, due: 2026-05-09, completed: 2026-05-01}\n"
	         "      - {id: c, title: C, status: done}\n"
	         "      - {id: d, title: D, status: done, due: ~, completed: 2026-05-01}\n");
	char buf[VIEW_DONE_COLUMNS + 1];
	static const struct { size_t m; int room; const char *want; } cases[] = {
		{ 0, 24, "done 05-12, 3 d late" }, { 0, 16, "05-12, 3 d late" }, { 0, 10, "3 d late" },
		{ 1, 24, "done on time" }, { 1, 10, "on time" },
		{ 2, 24, "done (date not recorded)" }, { 2, 16, "date unknown" }, { 2, 10, "no date" },
		{ 3, 24, "done 05-01" }, { 3, 6, "05-01" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		view_done_short(&c, &c.milestones[cases[i].m], cases[i].room, buf, sizeof buf);
		assert_string_equal(buf, cases[i].want);
	}
	charter_fini(&c);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attention_order_is_default),
		T(test_due_short),
		cmocka_unit_test(test_done_short),
		T(test_due_compact),
		T(test_init_selects_first),
		T(test_move_and_step),
		T(test_focus_keeps_each_pane_selection),
		T(test_change_pane_lands_on_first_screen),
		T(test_keep_row_after_a_resort),
		T(test_sort),
		cmocka_unit_test(test_sort_no_date_last),
		T(test_filter_status_and_overdue),
		T(test_filter_owner),
		T(test_search),
		T(test_search_from_empty_pane),
		T(test_rebind_keeps_anchors),
		T(test_progress_cache),
		T(test_rebind_deleted_selection),
		T(test_rebind_group_removed),
		cmocka_unit_test(test_many_milestones_sorted_stably),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
