/* test_agenda — the four sections of the agenda: membership, order, the
 * window, and "done recently" read from completion dates and a history. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/report/agenda.h"
#include "charterdash/core/charter.h"

#include "support.h"

static const char yaml[] =
	"charter:\n  title: T\n  signed: 2026-02-09\n"
	"working_groups:\n"
	"  - id: a\n    name: A\n    milestones:\n"
	"      - {id: late-new, title: L1, status: in_progress, due: 2026-11-20}\n"
	"      - {id: late-blocked, title: L2, status: blocked, due: 2026-10-30}\n"
	"      - {id: deadline, title: L3, status: not_started}\n"
	"      - {id: blocked-far, title: B1, status: blocked, due: 2027-06-01}\n"
	"      - {id: blocked-undated, title: B2, status: blocked, due: ~}\n"
	"      - {id: soon-edge, title: S1, status: not_started, due: 2026-12-16}\n"
	"      - {id: soon-today, title: S2, status: in_progress, due: 2026-12-02}\n"
	"      - {id: too-far, title: F, status: in_progress, due: 2026-12-17}\n"
	"      - {id: done-soon, title: D1, status: done, due: 2026-12-05}\n"
	"  - id: b\n    name: B\n    milestones:\n"
	"      - {id: late-same-day, title: L4, status: not_started, due: 2026-11-20}\n"
	"      - {id: soon-blocked, title: S3, status: blocked, due: 2026-12-03}\n"
	"      - {id: undated, title: U, status: not_started, due: ~}\n"
	"      - {id: done-old, title: D2, status: done}\n"
	"      - {id: done-new, title: D3, status: done}\n"
	"      - {id: reopened, title: R, status: in_progress, due: 2027-01-01}\n";

static const char *id_at(const struct charter *c, const struct agenda *a, enum agenda_section s, size_t i)
{
	assert_true(i < a->count[s]);
	return c->milestones[a->entries[s][i].milestone].id;
}

static void test_sections_and_order(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, yaml);
	struct agenda a;
	assert_true(agenda_build(&a, &c, D(2026, 12, 2), 14, NULL));

	/* Oldest due first; the same day in file order; blocked and late is overdue. */
	assert_int_equal(a.count[AGENDA_OVERDUE], 4);
	assert_string_equal(id_at(&c, &a, AGENDA_OVERDUE, 0), "deadline");
	assert_string_equal(id_at(&c, &a, AGENDA_OVERDUE, 1), "late-blocked");
	assert_string_equal(id_at(&c, &a, AGENDA_OVERDUE, 2), "late-new");
	assert_string_equal(id_at(&c, &a, AGENDA_OVERDUE, 3), "late-same-day");

	/* Blocked, not overdue: by due date, the undated one last. */
	assert_int_equal(a.count[AGENDA_BLOCKED], 3);
	assert_string_equal(id_at(&c, &a, AGENDA_BLOCKED, 0), "soon-blocked");
	assert_string_equal(id_at(&c, &a, AGENDA_BLOCKED, 1), "blocked-far");
	assert_string_equal(id_at(&c, &a, AGENDA_BLOCKED, 2), "blocked-undated");

	/* Due soon: today through today + 14, not blocked, not done. */
	assert_int_equal(a.count[AGENDA_DUE_SOON], 2);
	assert_string_equal(id_at(&c, &a, AGENDA_DUE_SOON, 0), "soon-today");
	assert_string_equal(id_at(&c, &a, AGENDA_DUE_SOON, 1), "soon-edge");
	assert_int_equal(a.count[AGENDA_DONE_RECENTLY], 0);
	agenda_fini(&a);

	/* A wider window takes in too-far; a window of 0 only today. */
	assert_true(agenda_build(&a, &c, D(2026, 12, 2), 15, NULL));
	assert_int_equal(a.count[AGENDA_DUE_SOON], 3);
	assert_string_equal(id_at(&c, &a, AGENDA_DUE_SOON, 2), "too-far");
	agenda_fini(&a);
	assert_true(agenda_build(&a, &c, D(2026, 12, 2), 0, NULL));
	assert_int_equal(a.count[AGENDA_DUE_SOON], 1);
	assert_string_equal(id_at(&c, &a, AGENDA_DUE_SOON, 0), "soon-today");
	agenda_fini(&a);
	charter_fini(&c);
}

static struct history_entry change(const char *time, const char *id, const char *field, const char *new_value)
{
	struct history_entry e = { .user = "u", .host = "h", .id = id, .group = "b", .field = field,
	                           .old_value = "in_progress", .new_value = new_value };
	snprintf(e.time, sizeof e.time, "%s", time);
	return e;
}

static void test_done_recently(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, yaml);
	struct history_entry entries[] = {
		change("2026-11-17T23:59:59Z", "done-old", "status", "done"),  /* a day before the window */
		change("2026-11-18T00:00:00Z", "done-soon", "status", "done"), /* its first day */
		change("2026-11-25T10:00:00Z", "done-new", "status", "done"),
		change("2026-11-26T10:00:00Z", "reopened", "status", "done"),  /* not done any more */
		change("2026-11-27T10:00:00Z", "done-new", "owner", "done"),   /* not a status change */
		change("2026-12-01T09:00:00Z", "gone", "status", "done"),      /* no such milestone now */
		change("2026-12-02T08:00:00Z", "done-new", "status", "done"),  /* done again: the last counts */
		change("2026-12-03T08:00:00Z", "done-old", "status", "done"),  /* after today */
	};
	struct history h = { .entries = entries, .count = sizeof entries / sizeof entries[0] };
	struct agenda a;
	assert_true(agenda_build(&a, &c, D(2026, 12, 2), 14, &h));
	assert_int_equal(a.count[AGENDA_DONE_RECENTLY], 2);
	assert_string_equal(id_at(&c, &a, AGENDA_DONE_RECENTLY, 0), "done-new");
	assert_string_equal(a.entries[AGENDA_DONE_RECENTLY][0].when, "2026-12-02T08:00:00Z");
	assert_string_equal(id_at(&c, &a, AGENDA_DONE_RECENTLY, 1), "done-soon");
	agenda_fini(&a);

	/* An empty history: nothing done recently. */
	struct history none = { 0 };
	assert_true(agenda_build(&a, &c, D(2026, 12, 2), 14, &none));
	assert_int_equal(a.count[AGENDA_DONE_RECENTLY], 0);
	agenda_fini(&a);
	charter_fini(&c);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(agenda_section_key(AGENDA_DUE_SOON), "due_soon");
	assert_string_equal(agenda_section_key(AGENDA_DONE_RECENTLY), "done_recently");
	assert_string_equal(agenda_section_title(AGENDA_OVERDUE), "Overdue");
	assert_string_equal(agenda_section_title(AGENDA_DONE_RECENTLY), "Done recently");
}

/* "Done recently" from the file's completion dates, without any history;
 * the history speaks only for a done milestone that has no date. */
static void test_done_recently_from_completed(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, "charter:\n  title: T\n  signed: 2026-02-09\n"
	         "working_groups:\n  - id: g\n    name: G\n    milestones:\n"
	         "      - {id: old, title: O, status: done, completed: 2026-11-17}\n"    /* a day before the window */
	         "      - {id: first, title: F, status: done, completed: 2026-11-18}\n"  /* its first day */
	         "      - {id: today, title: T, status: done, completed: 2026-12-02}\n"
	         "      - {id: open, title: P, status: in_progress, completed: 2026-12-01}\n" /* not done */
	         "      - {id: nodate, title: N, status: done}\n"
	         "      - {id: dated, title: D, status: done, completed: 2026-11-20}\n");
	struct agenda a;
	assert_true(agenda_build(&a, &c, D(2026, 12, 2), 14, NULL));
	assert_int_equal(a.count[AGENDA_DONE_RECENTLY], 3);
	assert_string_equal(id_at(&c, &a, AGENDA_DONE_RECENTLY, 0), "today");
	assert_string_equal(a.entries[AGENDA_DONE_RECENTLY][0].when, "2026-12-02");
	assert_string_equal(id_at(&c, &a, AGENDA_DONE_RECENTLY, 1), "dated");
	assert_string_equal(id_at(&c, &a, AGENDA_DONE_RECENTLY, 2), "first");
	agenda_fini(&a);
	/* the history: for `nodate` only (`dated` has its date in the file) */
	struct history_entry entries[] = {
		change("2026-11-30T10:00:00Z", "nodate", "status", "done"),
		change("2026-12-01T10:00:00Z", "dated", "status", "done"),
	};
	struct history h = { .entries = entries, .count = 2 };
	assert_true(agenda_build(&a, &c, D(2026, 12, 2), 14, &h));
	assert_int_equal(a.count[AGENDA_DONE_RECENTLY], 4);
	assert_string_equal(id_at(&c, &a, AGENDA_DONE_RECENTLY, 1), "nodate");
	assert_string_equal(a.entries[AGENDA_DONE_RECENTLY][1].when, "2026-11-30T10:00:00Z");
	assert_string_equal(id_at(&c, &a, AGENDA_DONE_RECENTLY, 2), "dated");
	assert_string_equal(a.entries[AGENDA_DONE_RECENTLY][2].when, "2026-11-20");
	agenda_fini(&a);
	charter_fini(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sections_and_order),
		cmocka_unit_test(test_done_recently),
		cmocka_unit_test(test_done_recently_from_completed),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
