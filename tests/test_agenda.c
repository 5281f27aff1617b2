/* test_agenda — the four sections of the agenda: membership, order, the
 * window, and "done recently" read from completion dates and a history;
 * and the one attention rule (progress.h) that the agenda, the progress
 * counts and the reports share, on generated charters at several dates. */
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
#include "charterdash/report/progress.h"
#include "charterdash/report/report.h"

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

/* The rule, case by case: overdue before blocked before due soon. */
static void test_attention_rule(void **state)
{
	(void)state;
	const long now = 1000;
	/* done is never in a bucket, however late */
	assert_int_equal(progress_attention_rule(STATUS_DONE, true, now - 5, now, 14), ATTENTION_NONE);
	/* late and blocked: overdue only */
	assert_int_equal(progress_attention_rule(STATUS_BLOCKED, true, now - 1, now, 14), ATTENTION_OVERDUE);
	assert_int_equal(progress_attention_rule(STATUS_IN_PROGRESS, true, now - 1, now, 14), ATTENTION_OVERDUE);
	/* blocked and due soon: blocked only; blocked far away or undated: blocked */
	assert_int_equal(progress_attention_rule(STATUS_BLOCKED, true, now + 3, now, 14), ATTENTION_BLOCKED);
	assert_int_equal(progress_attention_rule(STATUS_BLOCKED, true, now + 900, now, 14), ATTENTION_BLOCKED);
	assert_int_equal(progress_attention_rule(STATUS_BLOCKED, false, 0, now, 14), ATTENTION_BLOCKED);
	/* due soon: today to today + days, both ends included */
	assert_int_equal(progress_attention_rule(STATUS_NOT_STARTED, true, now, now, 14), ATTENTION_DUE_SOON);
	assert_int_equal(progress_attention_rule(STATUS_NOT_STARTED, true, now + 14, now, 14), ATTENTION_DUE_SOON);
	assert_int_equal(progress_attention_rule(STATUS_NOT_STARTED, true, now + 15, now, 14), ATTENTION_NONE);
	assert_int_equal(progress_attention_rule(STATUS_IN_PROGRESS, true, now, now, 0), ATTENTION_DUE_SOON);
	/* no date yet: never overdue or due soon */
	assert_int_equal(progress_attention_rule(STATUS_IN_PROGRESS, false, now - 100, now, 14), ATTENTION_NONE);
	assert_string_equal(attention_label(ATTENTION_DUE_SOON), "due soon");
	assert_string_equal(attention_key(ATTENTION_DUE_SOON), "due_soon");
	assert_null(attention_key(ATTENTION_NONE));
}

/* A small linear congruential generator: the same charters on every run. */
static unsigned next(unsigned *r, unsigned n)
{
	*r = *r * 1103515245u + 12345u;
	return (*r >> 8) % n;
}

/* A charter nobody wrote by hand: seed picks groups, statuses, dates
 * (some `due: ~`, some without `due`) and attention_days. */
static char *generated_charter(unsigned seed)
{
	static const char *const statuses[] = { "not_started", "in_progress", "blocked", "done" };
	size_t size = 1 << 16, used = 0;
	char *y = malloc(size);
	assert_non_null(y);
	unsigned r = seed * 2654435761u + 1;
	unsigned month = 1 + next(&r, 9), day = next(&r, 10), days = 1 + next(&r, 30);
	used += (size_t)snprintf(y + used, size - used,
	                         "charter:\n  title: G\n  signed: 2026-0%u-1%u\n  attention_days: %u\nworking_groups:\n",
	                         month, day, days);
	unsigned groups = 1 + next(&r, 4), n = 0;
	for (unsigned g = 0; g < groups; g++) {
		used += (size_t)snprintf(y + used, size - used, "  - id: g%u\n    name: G%u\n    milestones:\n", g, g);
		for (unsigned k = next(&r, 9); k > 0; k--, n++) {
			unsigned kind = next(&r, 10), m = 1 + next(&r, 12), d = 1 + next(&r, 28);
			char due[32] = "";
			if (kind == 0)
				snprintf(due, sizeof due, ", due: ~");
			else if (kind > 2)
				snprintf(due, sizeof due, ", due: 2026-%02u-%02u", m, d);
			used += (size_t)snprintf(y + used, size - used, "      - {id: m%u, title: T, status: %s%s}\n", n,
			                         statuses[next(&r, 4)], due);
		}
	}
	assert_true(used < size);
	return y;
}

/* Every count made by the one rule agrees: the charter's buckets, the sum
 * of its groups', one progress_attention per milestone, the agenda's
 * section sizes, and the words the reports print. */
static void check_numbers(const struct charter *c, struct date today)
{
	size_t each[ATTENTION_COUNT] = { 0 }, groups[ATTENTION_COUNT] = { 0 };
	for (size_t i = 0; i < c->milestone_count; i++)
		each[progress_attention(c, &c->milestones[i], today)]++;
	for (size_t g = 0; g < c->group_count; g++) {
		struct progress p;
		progress_group(c, g, today, &p);
		for (int a = 0; a < ATTENTION_COUNT; a++)
			groups[a] += p.attention[a];
	}
	struct progress all;
	progress_charter(c, today, &all);
	struct agenda ag;
	assert_true(agenda_build(&ag, c, today, c->attention_days, NULL));
	size_t sum = 0;
	for (int a = ATTENTION_OVERDUE; a < ATTENTION_COUNT; a++) {
		assert_int_equal(all.attention[a], each[a]);
		assert_int_equal(all.attention[a], groups[a]);
		assert_int_equal(all.attention[a], ag.count[a - ATTENTION_OVERDUE]);
		sum += all.attention[a];
	}
	assert_int_equal(sum + all.attention[ATTENTION_NONE], all.total);
	agenda_fini(&ag);

	char words[128], want[128] = "";
	size_t used = 0;
	report_attention_words(&all, words, sizeof words);
	for (int a = ATTENTION_OVERDUE; a < ATTENTION_COUNT; a++)
		if (all.attention[a])
			used += (size_t)snprintf(want + used, sizeof want - used, "%s%zu %s", used ? ", " : "",
			                         all.attention[a], attention_label((enum attention)a));
	assert_string_equal(words, want);
}

static void test_one_set_of_numbers(void **state)
{
	(void)state;
	static const struct date dates[] = { { 2025, 12, 31 }, { 2026, 3, 1 }, { 2026, 6, 15 },
		                             { 2026, 9, 30 }, { 2026, 12, 7 }, { 2027, 2, 1 } };
	size_t buckets_seen[ATTENTION_COUNT] = { 0 };
	for (unsigned seed = 1; seed <= 40; seed++) {
		char *yaml_text = generated_charter(seed);
		struct charter c;
		test_load(&c, yaml_text);
		size_t count = sizeof dates / sizeof dates[0];
		struct date at[sizeof dates / sizeof dates[0] + 4];
		memcpy(at, dates, sizeof dates);
		/* and the edges of one milestone's window: where a rule off by a day shows */
		for (size_t i = 0; i < c.milestone_count && count == sizeof dates / sizeof dates[0]; i++) {
			if (!milestone_has_date(&c.milestones[i]))
				continue;
			long due = date_to_serial(milestone_due(&c, &c.milestones[i]));
			const long edge[] = { due - c.attention_days - 1, due - c.attention_days, due, due + 1 };
			for (int e = 0; e < 4; e++)
				at[count++] = date_from_serial(edge[e]);
		}
		for (size_t d = 0; d < count; d++) {
			check_numbers(&c, at[d]);
			for (size_t i = 0; i < c.milestone_count; i++)
				buckets_seen[progress_attention(&c, &c.milestones[i], at[d])]++;
		}
		charter_fini(&c);
		free(yaml_text);
	}
	/* the charters are varied enough to fill every bucket */
	for (int a = 0; a < ATTENTION_COUNT; a++)
		assert_true(buckets_seen[a] > 0);
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
		cmocka_unit_test(test_attention_rule),
		cmocka_unit_test(test_one_set_of_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
