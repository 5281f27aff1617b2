/* test_progress — counts, percent, the roadmap window and group states,
 * on small charters loaded from inline YAML. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/charter.h"
#include "charterdash/progress.h"

#include "support.h"

/* One group "g" whose milestones m1, m2, ... have the statuses spelled by
 * `statuses` (d done, i in progress, b blocked, n not started) and no due
 * date, under a charter header given as YAML lines. */
static void load_statuses(struct charter *c, const char *header, const char *statuses)
{
	char yaml[8192];
	size_t len = (size_t)snprintf(yaml, sizeof yaml,
	                              "charter:\n  title: T\n%sworking_groups:\n  - id: g\n    name: G\n"
	                              "    milestones:\n", header);
	for (size_t i = 0; statuses[i]; i++) {
		const char *s = statuses[i] == 'd' ? "done" : statuses[i] == 'i' ? "in_progress"
		              : statuses[i] == 'b' ? "blocked" : "not_started";
		len += (size_t)snprintf(yaml + len, sizeof yaml - len,
		                        "      - id: m%zu\n        title: M%zu\n        status: %s\n",
		                        i + 1, i + 1, s);
		assert_true(len < sizeof yaml);
	}
	test_load(c, yaml);
}

/* Signed 2026-01-01 with a 10-day window: elapsed = days since signing / 10. */
#define TEN_DAYS "  signed: 2026-01-01\n  roadmap_deadline: 2026-01-11\n"

static struct progress group_at(const struct charter *c, size_t g, struct date today)
{
	struct progress p;
	memset(&p, 0xA5, sizeof p); /* every field must be written */
	progress_group(c, g, today, &p);
	return p;
}

static void test_labels(void **state)
{
	(void)state;
	assert_string_equal(state_label(STATE_EMPTY), "no milestones");
	assert_string_equal(state_label(STATE_ON_TRACK), "on track");
	assert_string_equal(state_label(STATE_AT_RISK), "at risk");
	assert_string_equal(state_label(STATE_OVERDUE), "overdue");
	assert_string_equal(state_label(STATE_DONE), "done");
	assert_null(state_key(STATE_EMPTY));
	assert_string_equal(state_key(STATE_ON_TRACK), "on_track");
	assert_string_equal(state_key(STATE_AT_RISK), "at_risk");
	assert_string_equal(state_key(STATE_OVERDUE), "overdue");
	assert_string_equal(state_key(STATE_DONE), "done");
}

static void test_no_milestones(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, "charter:\n  title: T\n  signed: 2026-02-09\n"
	         "working_groups:\n"
	         "  - id: empty\n    name: Empty\n"
	         "  - id: also-empty\n    name: Also empty\n    milestones: []\n");
	assert_int_equal(c.group_count, 2);
	for (size_t g = 0; g < 2; g++) {
		struct progress p = group_at(&c, g, D(2026, 12, 1));
		assert_int_equal(p.total, 0);
		assert_int_equal(p.percent, -1);
		assert_int_equal(p.overdue, 0);
		assert_int_equal(p.state, STATE_EMPTY);
		for (int s = 0; s < STATUS_COUNT; s++)
			assert_int_equal(p.counts[s], 0);
	}
	struct progress all;
	progress_charter(&c, D(2026, 12, 1), &all);
	assert_int_equal(all.total, 0);
	assert_int_equal(all.percent, -1);
	assert_int_equal(all.state, STATE_EMPTY);
	charter_fini(&c);

	test_load(&c, "charter:\n  title: T\n  signed: 2026-02-09\nworking_groups: []\n");
	progress_charter(&c, D(2026, 3, 1), &all);
	assert_int_equal(all.total, 0);
	assert_int_equal(all.state, STATE_EMPTY);
	charter_fini(&c);
}

static void test_all_done(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, "charter:\n  title: T\n  signed: 2026-02-09\n"
	         "working_groups:\n  - id: g\n    name: G\n    milestones:\n"
	         "      - {id: a, title: A, status: done, due: 2026-02-20}\n"
	         "      - {id: b, title: B, status: done}\n");
	/* Long after every due date: done late is still done, not overdue. */
	struct progress p = group_at(&c, 0, D(2027, 1, 1));
	assert_int_equal(p.total, 2);
	assert_int_equal(p.counts[STATUS_DONE], 2);
	assert_int_equal(p.percent, 100);
	assert_int_equal(p.overdue, 0);
	assert_int_equal(p.state, STATE_DONE);
	/* And before signing. */
	p = group_at(&c, 0, D(2026, 1, 1));
	assert_int_equal(p.state, STATE_DONE);
	charter_fini(&c);
}

static void test_percent_floors(void **state)
{
	(void)state;
	struct charter c;
	static const struct {
		const char *statuses;
		int percent;
	} cases[] = {
		{ "dnn", 33 }, { "ddn", 66 }, { "dnnnnnn", 14 }, { "dddddd" "n", 85 },
		{ "n", 0 }, { "d", 100 }, { "ddddddddd" "ddddddddd" "ddddddddd" "ddddddddd"
		  "ddddddddd" "ddddddddd" "ddddddddd" "ddddddddd" "ddddddddd" "ddddddddd"
		  "ddddddddd" "n", 99 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		load_statuses(&c, "  signed: 2026-02-09\n", cases[i].statuses);
		struct progress p = group_at(&c, 0, D(2026, 2, 10));
		assert_int_equal(p.total, strlen(cases[i].statuses));
		assert_int_equal(p.percent, cases[i].percent);
		charter_fini(&c);
	}
}

static void test_counts_per_status(void **state)
{
	(void)state;
	struct charter c;
	load_statuses(&c, "  signed: 2026-02-09\n", "dibnnbid" "n");
	struct progress p = group_at(&c, 0, D(2026, 2, 10));
	assert_int_equal(p.total, 9);
	assert_int_equal(p.counts[STATUS_DONE], 2);
	assert_int_equal(p.counts[STATUS_IN_PROGRESS], 2);
	assert_int_equal(p.counts[STATUS_BLOCKED], 2);
	assert_int_equal(p.counts[STATUS_NOT_STARTED], 3);
	assert_int_equal(p.percent, 22);
	charter_fini(&c);
}

static const char overdue_yaml[] =
	"charter:\n  title: T\n  signed: 2026-02-09\n"
	"working_groups:\n  - id: g\n    name: G\n    milestones:\n"
	"      - {id: late, title: L, status: in_progress, due: 2026-03-01}\n"
	"      - {id: done-late, title: DL, status: done, due: 2026-02-20}\n"
	"      - {id: blocked-late, title: BL, status: blocked, due: 2026-03-01}\n"
	"      - {id: default, title: Def, status: not_started}\n";

static void test_overdue_milestones(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, overdue_yaml);
	const struct milestone *late = &c.milestones[0], *done_late = &c.milestones[1];
	const struct milestone *blocked_late = &c.milestones[2], *def = &c.milestones[3];

	/* Due today is not overdue yet; the day after is. */
	assert_false(progress_is_overdue(&c, late, D(2026, 2, 28)));
	assert_false(progress_is_overdue(&c, late, D(2026, 3, 1)));
	assert_true(progress_is_overdue(&c, late, D(2026, 3, 2)));
	assert_true(progress_is_overdue(&c, blocked_late, D(2026, 3, 2)));
	/* Done counts as done whenever it happened. */
	assert_false(progress_is_overdue(&c, done_late, D(2026, 2, 21)));
	assert_false(progress_is_overdue(&c, done_late, D(2030, 1, 1)));
	/* No due: the deadline, 2026-02-09 + 3 months. */
	assert_date_equal(milestone_due(&c, def), 2026, 5, 9);
	assert_false(progress_is_overdue(&c, def, D(2026, 5, 9)));
	assert_true(progress_is_overdue(&c, def, D(2026, 5, 10)));

	struct progress p = group_at(&c, 0, D(2026, 3, 1));
	assert_int_equal(p.overdue, 0);
	assert_int_equal(p.state, STATE_AT_RISK); /* blocked, not yet overdue */
	p = group_at(&c, 0, D(2026, 3, 2));
	assert_int_equal(p.overdue, 2);
	assert_int_equal(p.state, STATE_OVERDUE); /* overdue wins over blocked */
	p = group_at(&c, 0, D(2026, 5, 10));
	assert_int_equal(p.overdue, 3);
	assert_int_equal(p.state, STATE_OVERDUE);
	charter_fini(&c);
}

static void test_blocked_is_at_risk(void **state)
{
	(void)state;
	struct charter c;
	/* Day one of the window: nothing trails, only the block matters. */
	load_statuses(&c, "  signed: 2026-02-09\n", "nib");
	assert_int_equal(group_at(&c, 0, D(2026, 2, 9)).state, STATE_AT_RISK);
	charter_fini(&c);
	load_statuses(&c, "  signed: 2026-02-09\n", "nii");
	assert_int_equal(group_at(&c, 0, D(2026, 2, 9)).state, STATE_ON_TRACK);
	charter_fini(&c);
}

static void test_exactly_ten_points_behind(void **state)
{
	(void)state;
	struct charter c;
	/* Five milestones over ten days: each done one is 20 points, each day 10. */
	load_statuses(&c, TEN_DAYS, "dnnnn");
	assert_int_equal(group_at(&c, 0, D(2026, 1, 3)).state, STATE_ON_TRACK); /* 20 vs 20 */
	assert_int_equal(group_at(&c, 0, D(2026, 1, 4)).state, STATE_ON_TRACK); /* 30 vs 20: exactly 10 */
	assert_int_equal(group_at(&c, 0, D(2026, 1, 5)).state, STATE_AT_RISK);  /* 40 vs 20 */
	charter_fini(&c);

	load_statuses(&c, TEN_DAYS, "ddnnn");
	assert_int_equal(group_at(&c, 0, D(2026, 1, 6)).state, STATE_ON_TRACK); /* 50 vs 40 */
	assert_int_equal(group_at(&c, 0, D(2026, 1, 7)).state, STATE_AT_RISK);  /* 60 vs 40 */
	charter_fini(&c);

	/* 40 vs 30: in doubles 0.4 - 0.3 is 0.10000000000000003, still exactly 10. */
	load_statuses(&c, TEN_DAYS, "dddnnnnnnn");
	assert_int_equal(group_at(&c, 0, D(2026, 1, 5)).state, STATE_ON_TRACK);
	assert_int_equal(group_at(&c, 0, D(2026, 1, 6)).state, STATE_AT_RISK);
	charter_fini(&c);

	/* Four milestones over 40 days: 35 vs 25 is exactly 10 behind, one more day is not. */
	load_statuses(&c, "  signed: 2026-01-01\n  roadmap_deadline: 2026-02-10\n", "dnnn");
	assert_int_equal(group_at(&c, 0, D(2026, 1, 15)).state, STATE_ON_TRACK);
	assert_int_equal(group_at(&c, 0, D(2026, 1, 16)).state, STATE_AT_RISK);
	charter_fini(&c);
}

static void test_elapsed_window(void **state)
{
	(void)state;
	struct charter c;
	load_statuses(&c, TEN_DAYS, "nnnnn");
	struct window_fraction f;

	/* Before signing: nothing has elapsed, so nothing trails. */
	f = progress_elapsed(&c, D(2025, 12, 1));
	assert_int_equal(f.num, 0);
	assert_int_equal(f.den, 10);
	assert_true(progress_elapsed_ratio(&c, D(2025, 12, 1)) == 0.0);
	assert_int_equal(group_at(&c, 0, D(2025, 12, 1)).state, STATE_ON_TRACK);

	f = progress_elapsed(&c, D(2026, 1, 1));
	assert_int_equal(f.num, 0);
	f = progress_elapsed(&c, D(2026, 1, 2));
	assert_int_equal(f.num, 1);
	assert_int_equal(f.den, 10);
	assert_int_equal(group_at(&c, 0, D(2026, 1, 2)).state, STATE_ON_TRACK); /* 10 behind */
	assert_int_equal(group_at(&c, 0, D(2026, 1, 3)).state, STATE_AT_RISK);  /* 20 behind */
	f = progress_elapsed(&c, D(2026, 1, 11));
	assert_int_equal(f.num, 10);
	assert_true(progress_elapsed_ratio(&c, D(2026, 1, 11)) == 1.0);

	/* After the deadline the fraction stays at 1. */
	f = progress_elapsed(&c, D(2027, 6, 1));
	assert_int_equal(f.num, 10);
	assert_int_equal(f.den, 10);
	assert_true(progress_elapsed_ratio(&c, D(2027, 6, 1)) == 1.0);
	charter_fini(&c);

	/* A deadline on the signing day: all or nothing, never a zero denominator. */
	load_statuses(&c, "  signed: 2026-01-01\n  roadmap_deadline: 2026-01-01\n", "n");
	f = progress_elapsed(&c, D(2025, 12, 31));
	assert_int_equal(f.num, 0);
	assert_int_equal(f.den, 1);
	f = progress_elapsed(&c, D(2026, 1, 1));
	assert_int_equal(f.num, 1);
	assert_int_equal(f.den, 1);
	charter_fini(&c);
}

static void test_deadline_sources(void **state)
{
	(void)state;
	struct charter c;
	load_statuses(&c, "  signed: 2026-02-09\n", "n");
	assert_int_equal(c.roadmap_months, 3);
	assert_false(c.explicit_deadline);
	assert_date_equal(c.deadline, 2026, 5, 9);
	assert_int_equal(progress_elapsed(&c, D(2026, 3, 1)).den, 89);
	charter_fini(&c);

	load_statuses(&c, "  signed: 2026-02-09\n  roadmap_months: 6\n", "n");
	assert_date_equal(c.deadline, 2026, 8, 9);
	assert_int_equal(progress_elapsed(&c, D(2026, 3, 1)).den, 181);
	charter_fini(&c);

	/* Month ends clamp: 31 Jan + 1 month is the last day of February. */
	load_statuses(&c, "  signed: 2026-01-31\n  roadmap_months: 1\n", "n");
	assert_date_equal(c.deadline, 2026, 2, 28);
	charter_fini(&c);

	/* An explicit deadline wins over signed + months. */
	load_statuses(&c, "  signed: 2026-02-09\n  roadmap_months: 3\n  roadmap_deadline: 2026-06-30\n", "n");
	assert_true(c.explicit_deadline);
	assert_date_equal(c.deadline, 2026, 6, 30);
	assert_int_equal(progress_elapsed(&c, D(2026, 3, 1)).den, 141);
	assert_int_equal(progress_days_left(&c, D(2026, 6, 1)), 29);
	/* And is the default due date. */
	assert_date_equal(milestone_due(&c, &c.milestones[0]), 2026, 6, 30);
	assert_false(progress_is_overdue(&c, &c.milestones[0], D(2026, 6, 30)));
	assert_true(progress_is_overdue(&c, &c.milestones[0], D(2026, 7, 1)));
	charter_fini(&c);
}

static void test_days_left(void **state)
{
	(void)state;
	struct charter c;
	load_statuses(&c, "  signed: 2026-02-09\n", "n");
	assert_int_equal(progress_days_left(&c, D(2026, 2, 9)), 89);
	assert_int_equal(progress_days_left(&c, D(2026, 5, 8)), 1);
	assert_int_equal(progress_days_left(&c, D(2026, 5, 9)), 0);
	assert_int_equal(progress_days_left(&c, D(2026, 5, 10)), -1);
	assert_int_equal(progress_days_left(&c, D(2026, 11, 26)), -201);
	charter_fini(&c);
}

static void test_next_review(void **state)
{
	(void)state;
	struct charter c;
	load_statuses(&c, "  signed: 2026-02-09\n", "n");
	assert_date_equal(progress_next_review(&c, D(2020, 1, 1)), 2027, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2026, 2, 8)), 2027, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2026, 2, 9)), 2027, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2026, 11, 26)), 2027, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2027, 2, 8)), 2027, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2027, 2, 9)), 2028, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2027, 2, 10)), 2028, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2027, 12, 31)), 2028, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2035, 6, 1)), 2036, 2, 9);
	charter_fini(&c);

	/* Signed on 29 Feb: the anniversary is 28 Feb in common years, 29 in leap ones. */
	load_statuses(&c, "  signed: 2024-02-29\n", "n");
	assert_date_equal(progress_next_review(&c, D(2024, 2, 29)), 2025, 2, 28);
	assert_date_equal(progress_next_review(&c, D(2025, 2, 27)), 2025, 2, 28);
	assert_date_equal(progress_next_review(&c, D(2025, 2, 28)), 2026, 2, 28);
	assert_date_equal(progress_next_review(&c, D(2027, 3, 1)), 2028, 2, 29);
	assert_date_equal(progress_next_review(&c, D(2028, 2, 28)), 2028, 2, 29);
	assert_date_equal(progress_next_review(&c, D(2028, 2, 29)), 2029, 2, 28);
	charter_fini(&c);
}

static void test_charter_overall(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, "charter:\n  title: T\n  signed: 2026-02-09\n"
	         "working_groups:\n"
	         "  - id: a\n    name: A\n    milestones:\n"
	         "      - {id: a1, title: A1, status: done, due: 2026-03-01}\n"
	         "      - {id: a2, title: A2, status: done}\n"
	         "  - id: none\n    name: None\n"
	         "  - id: b\n    name: B\n    milestones:\n"
	         "      - {id: b1, title: B1, status: in_progress, due: 2026-04-01}\n"
	         "      - {id: b2, title: B2, status: blocked, due: 2026-12-01}\n"
	         "      - {id: b3, title: B3, status: not_started, due: 2026-12-01}\n");
	assert_int_equal(c.groups[0].first, 0);
	assert_int_equal(c.groups[0].count, 2);
	assert_int_equal(c.groups[1].count, 0);
	assert_int_equal(c.groups[2].first, 2);
	assert_int_equal(c.groups[2].count, 3);

	struct date today = D(2026, 4, 2);
	assert_int_equal(group_at(&c, 0, today).state, STATE_DONE);
	assert_int_equal(group_at(&c, 1, today).state, STATE_EMPTY);
	struct progress b = group_at(&c, 2, today);
	assert_int_equal(b.overdue, 1);
	assert_int_equal(b.percent, 0);
	assert_int_equal(b.state, STATE_OVERDUE);

	struct progress all;
	progress_charter(&c, today, &all);
	assert_int_equal(all.total, 5);
	assert_int_equal(all.counts[STATUS_DONE], 2);
	assert_int_equal(all.counts[STATUS_IN_PROGRESS], 1);
	assert_int_equal(all.counts[STATUS_BLOCKED], 1);
	assert_int_equal(all.counts[STATUS_NOT_STARTED], 1);
	assert_int_equal(all.overdue, 1);
	assert_int_equal(all.percent, 40);
	assert_int_equal(all.state, STATE_OVERDUE);

	/* Before b1 falls due, the block makes the whole charter at risk. */
	progress_charter(&c, D(2026, 3, 15), &all);
	assert_int_equal(all.overdue, 0);
	assert_int_equal(all.state, STATE_AT_RISK);
	charter_fini(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_no_milestones),
		cmocka_unit_test(test_all_done),
		cmocka_unit_test(test_percent_floors),
		cmocka_unit_test(test_counts_per_status),
		cmocka_unit_test(test_overdue_milestones),
		cmocka_unit_test(test_blocked_is_at_risk),
		cmocka_unit_test(test_exactly_ten_points_behind),
		cmocka_unit_test(test_elapsed_window),
		cmocka_unit_test(test_deadline_sources),
		cmocka_unit_test(test_days_left),
		cmocka_unit_test(test_next_review),
		cmocka_unit_test(test_charter_overall),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
