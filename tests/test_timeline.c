/* test_timeline — the timeline's axis (span, zoom, cells, scrolling,
 * ticks) and the burn-up series replayed from a history. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "charterdash/core/charter.h"
#include "charterdash/report/timeline.h"

#include "support.h"

#define HEAD "charter:\n  title: T\n  signed: 2026-02-09\nworking_groups:\n"
static const char *const YAML =
	HEAD "  - id: g\n    name: G\n    milestones:\n"
	"      - {id: a, title: A, status: done, due: 2026-03-01}\n"
	"      - {id: b, title: B, status: done, due: 2026-06-01}\n"
	"      - {id: c, title: C, status: in_progress, due: 2027-04-30}\n"
	"      - {id: d, title: D, status: not_started, due: ~}\n";

static void test_span(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, YAML);
	struct date s, e;
	/* the last due date (2027-04-30) is after the next review (2027-02-09) */
	timeline_span(&c, D(2026, 12, 2), &s, &e);
	assert_int_equal(date_compare(s, D(2026, 2, 9)), 0);
	assert_int_equal(date_compare(e, D(2027, 4, 30)), 0);
	charter_fini(&c);
	test_load(&c, HEAD "  - id: g\n    name: G\n    milestones:\n"
	              "      - {id: a, title: A, status: done, due: 2026-03-01}\n");
	timeline_span(&c, D(2026, 12, 2), &s, &e); /* the next review is later */
	assert_int_equal(date_compare(e, D(2027, 2, 9)), 0);
	charter_fini(&c);
}

static void test_cells_scroll_zoom(void **state)
{
	(void)state;
	struct timeline_axis a = { D(2026, 2, 9), D(2027, 2, 9), TIMELINE_WEEKS, 0, 60 };
	assert_int_equal(timeline_cells(&a), 366);
	assert_int_equal(timeline_cell_of(&a, D(2026, 2, 9)), 0);
	assert_int_equal(timeline_cell_of(&a, D(2026, 2, 16)), 7);
	assert_int_equal(timeline_cell_of(&a, D(2026, 2, 1)), -8);
	/* scrolling is clamped to the span */
	assert_false(timeline_scroll(&a, -5));
	assert_true(timeline_scroll(&a, 1000));
	assert_int_equal(a.scroll, 366 - 60);
	/* showing a date puts it four cells in from the edge */
	timeline_show(&a, D(2026, 3, 1));
	assert_int_equal(timeline_cell_of(&a, D(2026, 3, 1)), 4);
	timeline_show(&a, D(2026, 12, 2));
	assert_int_equal(timeline_cell_of(&a, D(2026, 12, 2)), 60 - 4 - 1);
	assert_int_equal(date_compare(timeline_date_at(&a, timeline_cell_of(&a, D(2026, 12, 2))), D(2026, 12, 2)), 0);
	/* months: 4 days a cell; the middle date stays in the middle */
	a.scroll = 100;
	struct date mid = timeline_date_at(&a, 30);
	timeline_set_zoom(&a, TIMELINE_MONTHS);
	assert_int_equal(timeline_cells(&a), 92);
	long cell = timeline_cell_of(&a, mid);
	assert_true(cell >= 29 && cell <= 31);
	timeline_set_zoom(&a, TIMELINE_QUARTERS);
	/* quarters: the whole span across the 60 cells (7 days a cell) */
	assert_int_equal(timeline_axis_days(&a), 7);
	assert_int_equal(timeline_cells(&a), 53);
	assert_int_equal(timeline_cell_of(&a, D(2027, 2, 9)), 52);
	assert_int_equal(a.scroll, 0); /* all fits */
	a.width = 20; /* narrower: more days a cell, still the whole span */
	assert_int_equal(timeline_axis_days(&a), 19);
	assert_true(timeline_cells(&a) <= 20);
	assert_false(timeline_scroll(&a, 5));
	assert_string_equal(timeline_zoom_label(TIMELINE_QUARTERS), "quarters");
}

/* The Gantt's rows: by group in file order, each group's by due date. */
static void test_gantt_rows(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, HEAD "  - id: g\n    name: G\n    milestones:\n"
	              "      - {id: a, title: A, status: done, due: 2026-05-01}\n"
	              "      - {id: b, title: B, status: done, due: 2026-03-01}\n"
	              "  - id: h\n    name: H\n    milestones:\n"
	              "      - {id: c, title: C, status: done, due: 2026-01-01}\n");
	size_t by_date[] = { 2, 1, 0 }, rows[3];
	assert_int_equal(timeline_gantt(&c, by_date, 3, rows), 3);
	assert_int_equal(rows[0], 1); /* g: b (March), a (May); then h: c */
	assert_int_equal(rows[1], 0);
	assert_int_equal(rows[2], 2);
	charter_fini(&c);
}

static void test_ticks(void **state)
{
	(void)state;
	struct timeline_axis a = { D(2026, 2, 9), D(2027, 2, 9), TIMELINE_WEEKS, 0, 20 };
	struct timeline_tick t[16];
	size_t n = timeline_ticks(&a, t, 16);
	assert_int_equal(n, 3); /* 2026-02-09 was a Monday, then 16th, 23rd */
	assert_int_equal(t[0].cell, 0);
	assert_string_equal(t[0].text, "02-09");
	assert_int_equal(t[1].cell, 7);
	timeline_set_zoom(&a, TIMELINE_MONTHS);
	a.scroll = 0;
	a.width = 100;
	n = timeline_ticks(&a, t, 16);
	assert_int_equal(n, 12); /* March 2026 .. February 2027 */
	assert_string_equal(t[0].text, "Mar");
	assert_int_equal(t[0].cell, 20 / 4); /* 1 March is day 20 of the span */
	assert_string_equal(t[10].text, "Jan 27");
	timeline_set_zoom(&a, TIMELINE_QUARTERS);
	a.scroll = 0;
	n = timeline_ticks(&a, t, 16);
	assert_int_equal(n, 4);
	assert_string_equal(t[0].text, "Q2 26");
	assert_string_equal(t[3].text, "Q1 27");
}

static struct history_entry change(const char *when, const char *id, const char *old, const char *new_value)
{
	struct history_entry e;
	memset(&e, 0, sizeof e);
	snprintf(e.time, sizeof e.time, "%s", when);
	e.id = id;
	e.field = "status";
	e.old_value = old;
	e.new_value = new_value;
	return e;
}

/* a and b are done with no completion date in the file: the history says
 * when (or, with none, nobody knows: counted from the start). */
static void test_burnup_from_history(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, YAML);
	size_t done[4], planned[4], undated;
	struct date dates[4];
	struct history none = { 0 };
	assert_true(timeline_burnup(&c, &none, D(2026, 2, 9), D(2026, 12, 2), 4, done, planned, dates, &undated));
	assert_int_equal(undated, 2);
	assert_int_equal(done[0], 2);
	assert_int_equal(done[3], 2);
	assert_true(timeline_burnup(&c, NULL, D(2026, 2, 9), D(2026, 12, 2), 4, done, planned, dates, &undated));
	assert_int_equal(undated, 2);
	struct history_entry entries[] = {
		change("2026-03-02T10:00:00Z", "a", "in_progress", "done"),
		change("2026-05-20T10:00:00Z", "b", "not_started", "done"),
		change("2026-05-21T10:00:00Z", "b", "done", "blocked"),
		change("2026-09-01T10:00:00Z", "b", "blocked", "done"), /* the last change to done counts */
		change("2026-10-01T10:00:00Z", "zz", "done", "not_started"), /* gone since */
		change("2026-10-02T10:00:00Z", "c", "not_started", "done"), /* and reopened: not done now */
	};
	struct history h = { .entries = entries, .count = sizeof entries / sizeof entries[0] };
	/* 2026-02-09, 2026-05-19, 2026-08-26, 2026-12-02 */
	assert_true(timeline_burnup(&c, &h, D(2026, 2, 9), D(2026, 12, 2), 4, done, planned, dates, &undated));
	assert_int_equal(undated, 0);
	assert_int_equal(date_compare(dates[0], D(2026, 2, 9)), 0);
	assert_int_equal(date_compare(dates[3], D(2026, 12, 2)), 0);
	assert_int_equal(done[0], 0);
	assert_int_equal(done[1], 1); /* a since 2 March */
	assert_int_equal(done[2], 1); /* b done again only in September */
	assert_int_equal(done[3], 2);
	assert_int_equal(planned[0], 0);
	assert_int_equal(planned[1], 1); /* a (1 March) */
	assert_int_equal(planned[2], 2); /* and b (1 June) */
	assert_int_equal(planned[3], 2); /* c is due in 2027; d has no date */
	/* a change on the day itself counts at its end */
	assert_true(timeline_burnup(&c, &h, D(2026, 3, 2), D(2026, 3, 2), 1, done, planned, dates, &undated));
	assert_int_equal(done[0], 1);
	assert_false(timeline_burnup(&c, &h, D(2026, 3, 2), D(2026, 3, 2), 0, done, planned, dates, &undated));
	charter_fini(&c);
}

/* The file's completion dates win over the history: the shipped charter
 * draws its curve with no history at all. */
static void test_burnup_from_completed(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, HEAD "  - id: g\n    name: G\n    milestones:\n"
	              "      - {id: a, title: A, status: done, due: 2026-03-01, completed: 2026-03-05}\n"
	              "      - {id: b, title: B, status: done, due: 2026-06-01, completed: 2026-05-20}\n"
	              "      - {id: e, title: E, status: in_progress, due: 2026-06-01, completed: 2026-04-01}\n");
	struct history_entry entries[] = { change("2026-02-10T10:00:00Z", "a", "in_progress", "done") };
	struct history h = { .entries = entries, .count = 1 };
	size_t done[3], planned[3], undated;
	struct date dates[3];
	/* 2026-03-04, 2026-03-05, 2026-03-06 */
	assert_true(timeline_burnup(&c, &h, D(2026, 3, 4), D(2026, 3, 6), 3, done, planned, dates, &undated));
	assert_int_equal(undated, 0);
	assert_int_equal(done[0], 0); /* the history's 10 February does not count: the file says 5 March */
	assert_int_equal(done[1], 1);
	assert_int_equal(done[2], 1); /* e has a date but is not done: not counted */
	assert_true(timeline_burnup(&c, NULL, D(2026, 5, 19), D(2026, 5, 20), 2, done, planned, dates, &undated));
	assert_int_equal(done[0], 1);
	assert_int_equal(done[1], 2);
	assert_int_equal(planned[1], 1);
	charter_fini(&c);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_span),
		cmocka_unit_test(test_cells_scroll_zoom),
		cmocka_unit_test(test_ticks),
		cmocka_unit_test(test_gantt_rows),
		cmocka_unit_test(test_burnup_from_history),
		cmocka_unit_test(test_burnup_from_completed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
