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

#include "charterdash/core/charter.h"
#include "charterdash/report/progress.h"

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
		assert_int_equal(p.attention[ATTENTION_OVERDUE], 0);
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
	assert_int_equal(p.attention[ATTENTION_OVERDUE], 0);
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
	assert_int_equal(p.attention[ATTENTION_OVERDUE], 0);
	assert_int_equal(p.state, STATE_AT_RISK); /* blocked, not yet overdue */
	p = group_at(&c, 0, D(2026, 3, 2));
	assert_int_equal(p.attention[ATTENTION_OVERDUE], 2);
	assert_int_equal(p.state, STATE_OVERDUE); /* overdue wins over blocked */
	p = group_at(&c, 0, D(2026, 5, 10));
	assert_int_equal(p.attention[ATTENTION_OVERDUE], 3);
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

/* Issue 11 replaced issue 2's rule (at risk when the share done trails the
 * share of the window elapsed by more than 10 points): the same charters
 * that used to turn "at risk" on these days now follow their due dates. */
static void test_elapsed_share_no_longer_judges(void **state)
{
	(void)state;
	struct charter c;
	/* Five milestones over ten days, 40 points "behind" on 2026-01-05: in
	 * progress work due on the deadline is on track until it is late. */
	load_statuses(&c, TEN_DAYS, "diiii");
	assert_int_equal(group_at(&c, 0, D(2026, 1, 5)).state, STATE_ON_TRACK);
	assert_int_equal(group_at(&c, 0, D(2026, 1, 11)).state, STATE_ON_TRACK);
	assert_int_equal(group_at(&c, 0, D(2026, 1, 12)).state, STATE_OVERDUE);
	charter_fini(&c);

	/* Not started work due within the window is at risk, however little time passed. */
	load_statuses(&c, TEN_DAYS, "ddnnn");
	assert_int_equal(group_at(&c, 0, D(2026, 1, 1)).state, STATE_AT_RISK);
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
	/* 41 days before the deadline, outside the 14-day attention window. */
	assert_int_equal(group_at(&c, 0, D(2025, 12, 1)).state, STATE_ON_TRACK);

	f = progress_elapsed(&c, D(2026, 1, 1));
	assert_int_equal(f.num, 0);
	f = progress_elapsed(&c, D(2026, 1, 2));
	assert_int_equal(f.num, 1);
	assert_int_equal(f.den, 10);
	/* The elapsed share is only for the time bar now; not started work
	 * due on the deadline (within 14 days) is what makes this at risk. */
	assert_int_equal(group_at(&c, 0, D(2026, 1, 2)).state, STATE_AT_RISK);
	assert_int_equal(group_at(&c, 0, D(2026, 1, 3)).state, STATE_AT_RISK);
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
	/* The first review on or after today: on the anniversary itself it is that day. */
	load_statuses(&c, "  signed: 2026-02-09\n", "n");
	assert_date_equal(progress_next_review(&c, D(2020, 1, 1)), 2027, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2026, 2, 8)), 2027, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2026, 2, 9)), 2027, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2026, 11, 26)), 2027, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2027, 2, 8)), 2027, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2027, 2, 9)), 2027, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2027, 2, 10)), 2028, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2027, 12, 31)), 2028, 2, 9);
	assert_date_equal(progress_next_review(&c, D(2035, 6, 1)), 2036, 2, 9);
	size_t k = 99;
	struct date r;
	assert_true(progress_find_next_review(&c, D(2027, 2, 10), &r, &k));
	assert_int_equal(k, 1);
	charter_fini(&c);

	/* Signed on 29 Feb: the anniversary is 28 Feb in common years, 29 in leap ones. */
	load_statuses(&c, "  signed: 2024-02-29\n", "n");
	assert_date_equal(progress_next_review(&c, D(2024, 2, 29)), 2025, 2, 28);
	assert_date_equal(progress_next_review(&c, D(2025, 2, 27)), 2025, 2, 28);
	assert_date_equal(progress_next_review(&c, D(2025, 2, 28)), 2025, 2, 28);
	assert_date_equal(progress_next_review(&c, D(2025, 3, 1)), 2026, 2, 28);
	assert_date_equal(progress_next_review(&c, D(2027, 3, 1)), 2028, 2, 29);
	assert_date_equal(progress_next_review(&c, D(2028, 2, 28)), 2028, 2, 29);
	assert_date_equal(progress_next_review(&c, D(2028, 2, 29)), 2028, 2, 29);
	assert_date_equal(progress_next_review(&c, D(2028, 3, 1)), 2029, 2, 28);
	assert_true(progress_review(&c, 3, &r)); /* counted from signing, not from the clamped 28th */
	assert_date_equal(r, 2028, 2, 29);
	charter_fini(&c);

	/* Signed on the 31st: every anniversary is the 31st again. */
	load_statuses(&c, "  signed: 2026-12-31\n", "n");
	assert_date_equal(progress_next_review(&c, D(2028, 1, 1)), 2028, 12, 31);
	charter_fini(&c);
}

static void test_explicit_reviews(void **state)
{
	(void)state;
	struct charter c;
	load_statuses(&c, "  signed: 2026-02-09\n  reviews: [2026-02-09, 2026-11-30, 2027-03-01]\n", "n");
	assert_true(c.explicit_reviews);
	assert_int_equal(c.review_count, 3);
	struct date r;
	size_t k;
	assert_true(progress_find_next_review(&c, D(2026, 1, 1), &r, &k));
	assert_date_equal(r, 2026, 2, 9);
	assert_true(progress_find_next_review(&c, D(2026, 11, 30), &r, &k));
	assert_date_equal(r, 2026, 11, 30);
	assert_int_equal(k, 1);
	assert_true(progress_find_next_review(&c, D(2026, 12, 2), &r, &k));
	assert_date_equal(r, 2027, 3, 1);
	assert_int_equal(k, 2);
	/* After the last one: none planned (the dashboard shows the last). */
	assert_false(progress_find_next_review(&c, D(2027, 3, 2), &r, &k));
	assert_date_equal(progress_next_review(&c, D(2027, 3, 2)), 2027, 3, 1);
	assert_false(progress_review(&c, 3, &r));
	charter_fini(&c);

	/* An empty list: no reviews at all, not the anniversaries. */
	load_statuses(&c, "  signed: 2026-02-09\n  reviews: []\n", "n");
	assert_true(c.explicit_reviews);
	assert_false(progress_find_next_review(&c, D(2026, 3, 1), &r, &k));
	charter_fini(&c);

	/* `reviews: ~` is as good as absent. */
	load_statuses(&c, "  signed: 2026-02-09\n  reviews: ~\n", "n");
	assert_false(c.explicit_reviews);
	assert_true(progress_find_next_review(&c, D(2026, 3, 1), &r, &k));
	assert_date_equal(r, 2027, 2, 9);
	charter_fini(&c);
}

static const char due_soon_yaml[] =
	"charter:\n  title: T\n  signed: 2026-01-01\n%s"
	"working_groups:\n  - id: g\n    name: G\n    milestones:\n"
	"      - {id: m, title: M, status: %s, due: 2026-06-15}\n";

static void load_one(struct charter *c, const char *header, const char *status)
{
	char yaml[512];
	snprintf(yaml, sizeof yaml, due_soon_yaml, header, status);
	test_load(c, yaml);
}

static void test_due_soon_boundaries(void **state)
{
	(void)state;
	struct charter c;
	load_one(&c, "", "not_started");
	const struct milestone *m = &c.milestones[0];
	assert_int_equal(c.attention_days, 14);
	/* today + 14 == due: due soon; one day earlier it is not yet. */
	assert_false(progress_is_due_soon(&c, m, D(2026, 5, 31)));
	assert_true(progress_is_due_soon(&c, m, D(2026, 6, 1)));
	/* due == today: due soon, not overdue; the day after: overdue, not due soon. */
	assert_true(progress_is_due_soon(&c, m, D(2026, 6, 15)));
	assert_false(progress_is_overdue(&c, m, D(2026, 6, 15)));
	assert_false(progress_is_due_soon(&c, m, D(2026, 6, 16)));
	assert_true(progress_is_overdue(&c, m, D(2026, 6, 16)));

	struct progress p = group_at(&c, 0, D(2026, 5, 31));
	assert_int_equal(p.attention[ATTENTION_DUE_SOON], 0);
	assert_int_equal(p.state, STATE_ON_TRACK);
	p = group_at(&c, 0, D(2026, 6, 1));
	assert_int_equal(p.attention[ATTENTION_DUE_SOON], 1);
	assert_int_equal(p.state, STATE_AT_RISK);
	p = group_at(&c, 0, D(2026, 6, 15));
	assert_int_equal(p.attention[ATTENTION_DUE_SOON], 1);
	assert_int_equal(p.attention[ATTENTION_OVERDUE], 0);
	assert_int_equal(p.state, STATE_AT_RISK);
	p = group_at(&c, 0, D(2026, 6, 16));
	assert_int_equal(p.attention[ATTENTION_DUE_SOON], 0);
	assert_int_equal(p.attention[ATTENTION_OVERDUE], 1);
	assert_int_equal(p.state, STATE_OVERDUE);
	charter_fini(&c);

	/* In progress and due soon: counted, but only not started work is at risk for it. */
	load_one(&c, "", "in_progress");
	p = group_at(&c, 0, D(2026, 6, 10));
	assert_int_equal(p.attention[ATTENTION_DUE_SOON], 1);
	assert_int_equal(p.state, STATE_ON_TRACK);
	charter_fini(&c);

	/* Done is never due soon. */
	load_one(&c, "", "done");
	assert_false(progress_is_due_soon(&c, &c.milestones[0], D(2026, 6, 10)));
	assert_int_equal(group_at(&c, 0, D(2026, 6, 10)).attention[ATTENTION_DUE_SOON], 0);
	charter_fini(&c);

	/* Blocked: at risk however far away its due date is. */
	load_one(&c, "", "blocked");
	assert_int_equal(group_at(&c, 0, D(2026, 1, 2)).state, STATE_AT_RISK);
	charter_fini(&c);

	/* attention_days sets the window. */
	load_one(&c, "  attention_days: 3\n", "not_started");
	assert_int_equal(c.attention_days, 3);
	assert_false(progress_is_due_soon(&c, &c.milestones[0], D(2026, 6, 11)));
	assert_true(progress_is_due_soon(&c, &c.milestones[0], D(2026, 6, 12)));
	assert_int_equal(group_at(&c, 0, D(2026, 6, 11)).state, STATE_ON_TRACK);
	assert_int_equal(group_at(&c, 0, D(2026, 6, 12)).state, STATE_AT_RISK);
	assert_true(progress_is_due_within(&c, &c.milestones[0], D(2026, 6, 1), 14));
	assert_false(progress_is_due_within(&c, &c.milestones[0], D(2026, 6, 1), 13));
	charter_fini(&c);
}

/* `due: ~`, `due: null` and a bare `due:` say "no date yet"; no key says
 * "the roadmap deadline". */
static void test_due_unset(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, "charter:\n  title: T\n  signed: 2026-02-09\n"
	         "working_groups:\n  - id: g\n    name: G\n    milestones:\n"
	         "      - {id: tilde, title: A, status: not_started, due: ~}\n"
	         "      - {id: word, title: B, status: blocked, due: null}\n"
	         "      - id: bare\n        title: C\n        status: in_progress\n        due:\n"
	         "      - {id: absent, title: D, status: not_started}\n");
	for (size_t i = 0; i < 3; i++) {
		const struct milestone *m = &c.milestones[i];
		assert_true(m->due_unset);
		assert_false(milestone_has_date(m));
		assert_false(progress_is_overdue(&c, m, D(2030, 1, 1)));
		assert_false(progress_is_due_soon(&c, m, D(2026, 5, 1)));
		assert_false(progress_in_roadmap(&c, m));
	}
	const struct milestone *absent = &c.milestones[3];
	assert_false(absent->due_unset);
	assert_true(milestone_has_date(absent));
	assert_true(progress_in_roadmap(&c, absent));
	assert_true(progress_is_overdue(&c, absent, D(2026, 5, 10)));

	struct progress p = group_at(&c, 0, D(2026, 12, 2));
	assert_int_equal(p.attention[ATTENTION_OVERDUE], 1); /* only the one due on the deadline */
	assert_int_equal(p.roadmap_total, 1);
	assert_int_equal(p.state, STATE_OVERDUE);
	charter_fini(&c);
}

static void test_roadmap_phase(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, "charter:\n  title: T\n  signed: 2026-02-09\n"
	         "working_groups:\n  - id: g\n    name: G\n    milestones:\n"
	         "      - {id: a, title: A, status: done, due: 2026-03-01}\n"
	         "      - {id: b, title: B, status: done}\n"
	         "      - {id: c, title: C, status: in_progress, due: 2026-05-09}\n"
	         "      - {id: d, title: D, status: done, due: 2026-05-10}\n"
	         "      - {id: e, title: E, status: not_started, due: 2027-01-01}\n"
	         "  - id: h\n    name: H\n    milestones:\n"
	         "      - {id: f, title: F, status: done, due: 2026-04-01}\n");
	/* a, b (the deadline itself) and c (due on it) are in; d is a day late for it. */
	struct progress p = group_at(&c, 0, D(2026, 4, 1));
	assert_int_equal(p.roadmap_total, 3);
	assert_int_equal(p.roadmap_done, 2);
	/* The same after the deadline: the phase's outcome. */
	p = group_at(&c, 0, D(2026, 12, 2));
	assert_int_equal(p.roadmap_total, 3);
	assert_int_equal(p.roadmap_done, 2);
	struct progress all;
	progress_charter(&c, D(2026, 12, 2), &all);
	assert_int_equal(all.roadmap_total, 4);
	assert_int_equal(all.roadmap_done, 3);
	charter_fini(&c);
}

/* The shipped charter on the date: exactly three overdue. */
static void test_shipped_charter(void **state)
{
	(void)state;
	struct charter c;
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	assert_true(charter_load_file(&c, "data/charter.yaml", &diags));
	diag_fini(&diags);
	const char *overdue[3];
	size_t n = 0;
	for (size_t i = 0; i < c.milestone_count; i++)
		if (progress_is_overdue(&c, &c.milestones[i], D(2026, 12, 2)) && n < 3)
			overdue[n++] = c.milestones[i].id;
	struct progress all;
	progress_charter(&c, D(2026, 12, 2), &all);
	assert_int_equal(all.attention[ATTENTION_OVERDUE], 3);
	assert_int_equal(n, 3);
	assert_string_equal(overdue[0], "conn-customs");
	assert_string_equal(overdue[1], "sec-roadmap");
	assert_string_equal(overdue[2], "sec-defence-sales");
	/* Economy and Trade has nothing overdue or blocked: not "at risk" any more. */
	assert_int_equal(group_at(&c, (size_t)charter_find_group(&c, "economy"), D(2026, 12, 2)).state,
	                 STATE_ON_TRACK);
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
	assert_int_equal(b.attention[ATTENTION_OVERDUE], 1);
	assert_int_equal(b.percent, 0);
	assert_int_equal(b.state, STATE_OVERDUE);

	struct progress all;
	progress_charter(&c, today, &all);
	assert_int_equal(all.total, 5);
	assert_int_equal(all.counts[STATUS_DONE], 2);
	assert_int_equal(all.counts[STATUS_IN_PROGRESS], 1);
	assert_int_equal(all.counts[STATUS_BLOCKED], 1);
	assert_int_equal(all.counts[STATUS_NOT_STARTED], 1);
	assert_int_equal(all.attention[ATTENTION_OVERDUE], 1);
	assert_int_equal(all.percent, 40);
	assert_int_equal(all.state, STATE_OVERDUE);

	/* Before b1 falls due, the block makes the whole charter at risk. */
	progress_charter(&c, D(2026, 3, 15), &all);
	assert_int_equal(all.attention[ATTENTION_OVERDUE], 0);
	assert_int_equal(all.state, STATE_AT_RISK);
	charter_fini(&c);
}

/* The roadmap phase's outcome from completion dates, and delivery over
 * every done milestone whose lateness is known. */
static void test_roadmap_outcome_and_delivery(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, "charter:\n  title: T\n  signed: 2026-02-09\n"
	         "working_groups:\n  - id: g\n    name: G\n    milestones:\n"
	         "      - {id: a, title: A, status: done, due: 2026-03-01, completed: 2026-03-01}\n" /* on time */
	         "      - {id: b, title: B, status: done, completed: 2026-06-02}\n"                 /* deadline: 24 d late */
	         "      - {id: c, title: C, status: done, due: 2026-04-01, completed: 2026-04-04}\n" /* 3 d late */
	         "      - {id: d, title: D, status: done}\n"                                       /* undated */
	         "      - {id: e, title: E, status: in_progress}\n"                                /* open */
	         "      - {id: f, title: F, status: done, due: 2026-09-01, completed: 2026-08-20}\n" /* after the phase */
	         "      - {id: h, title: H, status: done, due: ~, completed: 2026-08-20}\n");      /* no due: no lateness */
	struct progress p = group_at(&c, 0, D(2026, 12, 7));
	assert_int_equal(p.roadmap_total, 5);
	assert_int_equal(p.roadmap_done, 4);
	assert_int_equal(p.roadmap_on_time, 1);
	assert_int_equal(p.roadmap_late, 2);
	assert_int_equal(p.roadmap_undated, 1);
	assert_true(p.has_last_late);
	assert_int_equal(date_compare(p.last_late, D(2026, 6, 2)), 0);
	struct delivery d;
	assert_true(progress_delivery(&c, 0, c.milestone_count, &d));
	assert_int_equal(d.done_with_date, 4); /* a, b, c, f */
	assert_int_equal(d.on_time, 2);        /* a (0), f (-12) */
	assert_true(d.has_median);
	assert_int_equal(d.median_half_days, 3); /* of -12, 0, 3, 24: (0 + 3) / 2 = 1.5 days */
	assert_true(progress_delivery(&c, 0, 1, &d));
	assert_int_equal(d.median_half_days, 0);
	assert_true(progress_delivery(&c, 3, 2, &d)); /* d and e: nothing known */
	assert_int_equal(d.done_with_date, 0);
	assert_false(d.has_median);
	charter_fini(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_no_milestones),
		cmocka_unit_test(test_all_done),
		cmocka_unit_test(test_roadmap_outcome_and_delivery),
		cmocka_unit_test(test_percent_floors),
		cmocka_unit_test(test_counts_per_status),
		cmocka_unit_test(test_overdue_milestones),
		cmocka_unit_test(test_blocked_is_at_risk),
		cmocka_unit_test(test_elapsed_share_no_longer_judges),
		cmocka_unit_test(test_elapsed_window),
		cmocka_unit_test(test_deadline_sources),
		cmocka_unit_test(test_days_left),
		cmocka_unit_test(test_next_review),
		cmocka_unit_test(test_explicit_reviews),
		cmocka_unit_test(test_due_soon_boundaries),
		cmocka_unit_test(test_due_unset),
		cmocka_unit_test(test_roadmap_phase),
		cmocka_unit_test(test_shipped_charter),
		cmocka_unit_test(test_charter_overall),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
