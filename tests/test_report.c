/* test_report — the plain-text report, word for word. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/charter.h"
#include "charterdash/report/report.h"
#include "charterdash/report/report_pass.h"

#include "support.h"

static void days(long n, const char *expected)
{
	char buf[32];
	report_days(n, buf, sizeof buf);
	assert_string_equal(buf, expected);
}

static void test_days_wording(void **state)
{
	(void)state;
	days(0, "due today");
	days(1, "1 day left");
	days(2, "2 days left");
	days(89, "89 days left");
	days(-1, "1 day past");
	days(-2, "2 days past");
	days(-201, "201 days past");

	/* A short buffer truncates, never overflows. */
	char small[5];
	memset(small, 'X', sizeof small);
	report_days(-201, small, sizeof small);
	assert_string_equal(small, "201 ");
}

static void bar(size_t width, size_t filled, size_t total, const char *expected)
{
	char buf[64];
	memset(buf, 'X', sizeof buf);
	report_bar(buf, width, filled, total);
	assert_string_equal(buf, expected);
	assert_int_equal(buf[width + 3], 'X'); /* nothing written past the NUL */
}

static void test_bar_fills(void **state)
{
	(void)state;
	bar(10, 0, 4, "[..........]");
	bar(10, 1, 4, "[##........]"); /* 2.5 cells round down */
	bar(10, 2, 4, "[#####.....]");
	bar(10, 4, 4, "[##########]");
	bar(10, 1, 3, "[###.......]");
	bar(10, 2, 3, "[######....]");
	bar(10, 0, 0, "[..........]"); /* nothing to count: empty, no division by zero */
	bar(30, 14, 39, "[##########....................]");
	bar(0, 1, 2, "[]");
	bar(1, 1, 1, "[#]");
	bar(3, 5, 4, "[###]"); /* more done than total never spills */
}

/* report_text into memory; the caller frees. */
static char *render(const struct charter *c, struct date today, long group)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_non_null(out);
	struct report_options opt = { .today = today, .group = group };
	report_text(out, c, &opt);
	assert_int_equal(fclose(out), 0);
	assert_int_equal(strlen(buf), len); /* no stray NULs */
	return buf;
}

static const char small_charter[] =
	"charter:\n"
	"  title: Small Charter\n"
	"  signed: 2026-02-09\n"
	"working_groups:\n"
	"  - id: trade\n"
	"    name: Trade\n"
	"    milestones:\n"
	"      - {id: t1, title: Set up, status: done, due: 2026-03-01, completed: 2026-03-04}\n"
	"      - {id: t2, title: Customs plan, status: in_progress, due: 2026-04-01}\n"
	"      - {id: t3, title: Roadmap, status: not_started}\n"
	"  - id: empty\n"
	"    name: Nothing Yet\n"
	"  - id: energy\n"
	"    name: Energy\n"
	"    milestones:\n"
	"      - {id: e1, title: Set up, status: done, due: 2026-03-01, completed: 2026-02-20}\n"
	"      - {id: e2, title: Pipeline review, status: blocked, due: 2026-06-01}\n";

static void test_text_report(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, small_charter);

	/* 2026-04-03: t2 is 2 days late, so trade is overdue; energy is
	 * blocked (at risk, listed as blocked). Overall 2/5; the roadmap phase
	 * holds the four milestones due by 2026-05-09 (e2 is due after it). */
	char *got = render(&c, (struct date){ 2026, 4, 3 }, -1);
	assert_string_equal(got,
		"Small Charter\n"
		"Signed 2026-02-09; roadmap deadline 2026-05-09 (36 days left); today 2026-04-03\n"
		"Roadmap phase to 2026-05-09: 2/4 done (36 days left)\n"
		"Next review 2027-02-09 (in 312 days)\n"
		"Overall [############..................] 2/5  40%  overdue\n"
		"  done 2, in progress 1, blocked 1, not started 1\n"
		"  needs attention: 1 overdue, 1 blocked\n"
		"  delivery: 2 done with a completion date, 1 on time, median 3 days early\n"
		"\n"
		"Trade (trade)\n"
		"  [##########....................] 1/3  33%  overdue\n"
		"  done 1, in progress 1, blocked 0, not started 1\n"
		"  needs attention: 1 overdue\n"
		"  roadmap phase: 0 on time, 1 late (last 2026-03-04), 2 open; delivery: 1 done with a completion date, 0 on time, median 3 days late\n"
		"  overdue: t2  Customs plan  (due 2026-04-01, 2 days past, in progress)\n"
		"\n"
		"Nothing Yet (empty)\n"
		"  no milestones yet\n"
		"\n"
		"Energy (energy)\n"
		"  [###############...............] 1/2  50%  at risk\n"
		"  done 1, in progress 0, blocked 1, not started 0\n"
		"  needs attention: 1 blocked\n"
		"  roadmap phase: 1 on time, 0 late, 0 open; delivery: 1 done with a completion date, 1 on time, median 9 days early\n"
		"  blocked: e2  Pipeline review  (due 2026-06-01, 59 days left, blocked)\n");
	free(got);

	/* The deadline day itself: nothing new overdue, "due today"; t3, due on
	 * the deadline and not started, is due soon. */
	got = render(&c, (struct date){ 2026, 5, 9 }, 0);
	assert_string_equal(got,
		"Small Charter\n"
		"Signed 2026-02-09; roadmap deadline 2026-05-09 (due today); today 2026-05-09\n"
		"Roadmap phase to 2026-05-09: 2/4 done (due today)\n"
		"Next review 2027-02-09 (in 276 days)\n"
		"Overall [############..................] 2/5  40%  overdue\n"
		"  done 2, in progress 1, blocked 1, not started 1\n"
		"  needs attention: 1 overdue, 1 blocked, 1 due soon\n"
		"  delivery: 2 done with a completion date, 1 on time, median 3 days early\n"
		"\n"
		"Trade (trade)\n"
		"  [##########....................] 1/3  33%  overdue\n"
		"  done 1, in progress 1, blocked 0, not started 1\n"
		"  needs attention: 1 overdue, 1 due soon\n"
		"  roadmap phase: 0 on time, 1 late (last 2026-03-04), 2 open; delivery: 1 done with a completion date, 0 on time, median 3 days late\n"
		"  overdue: t2  Customs plan  (due 2026-04-01, 38 days past, in progress)\n"
		"  due soon: t3  Roadmap  (due 2026-05-09, due today, not started)\n");
	free(got);

	/* One day past: t3 defaults to the deadline and is now overdue too. */
	got = render(&c, (struct date){ 2026, 5, 10 }, 2);
	assert_string_equal(got,
		"Small Charter\n"
		"Signed 2026-02-09; roadmap deadline 2026-05-09 (1 day past); today 2026-05-10\n"
		"Roadmap phase closed 2026-05-09: 1 on time · 1 late (last 2026-03-04) · 2 open\n"
		"Next review 2027-02-09 (in 275 days)\n"
		"Overall [############..................] 2/5  40%  overdue\n"
		"  done 2, in progress 1, blocked 1, not started 1\n"
		"  needs attention: 2 overdue, 1 blocked\n"
		"  delivery: 2 done with a completion date, 1 on time, median 3 days early\n"
		"\n"
		"Energy (energy)\n"
		"  [###############...............] 1/2  50%  at risk\n"
		"  done 1, in progress 0, blocked 1, not started 0\n"
		"  needs attention: 1 blocked\n"
		"  roadmap phase: 1 on time, 0 late, 0 open; delivery: 1 done with a completion date, 1 on time, median 9 days early\n"
		"  blocked: e2  Pipeline review  (due 2026-06-01, 22 days left, blocked)\n");
	free(got);

	/* e2 is blocked and due within attention_days: one bucket, blocked;
	 * past its date it is overdue only (the agenda's rule). */
	got = render(&c, (struct date){ 2026, 5, 25 }, 2);
	assert_non_null(strstr(got, "  needs attention: 1 blocked\n"));
	assert_non_null(strstr(got, "  blocked: e2  Pipeline review  (due 2026-06-01, 7 days left, blocked)\n"));
	assert_null(strstr(got, "due soon"));
	free(got);
	got = render(&c, (struct date){ 2026, 6, 2 }, 2);
	assert_non_null(strstr(got, "  needs attention: 1 overdue\n"));
	assert_non_null(strstr(got, "  overdue: e2  Pipeline review  (due 2026-06-01, 1 day past, blocked)\n"));
	assert_null(strstr(got, "blocked:"));
	free(got);
	charter_fini(&c);
}

/* When a done milestone was done, in the words the calendar export uses
 * (report_done_words, not brief). */
static void test_done_words(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, "charter:\n  title: T\n  signed: 2026-02-09\nworking_groups:\n  - id: g\n    name: G\n"
	              "    milestones:\n"
	              "      - {id: a, title: A, status: done, due: 2026-03-01, completed: 2026-03-02}\n"
	              "      - {id: b, title: B, status: done, due: 2026-03-01, completed: 2026-02-28}\n"
	              "      - {id: c, title: C, status: done, due: 2026-03-01, completed: 2026-03-01}\n"
	              "      - {id: d, title: D, status: done, completed: 2026-05-12}\n"
	              "      - {id: e, title: E, status: done, due: ~, completed: 2026-03-01}\n"
	              "      - {id: f, title: F, status: done, due: 2026-03-01}\n");
	static const char *const want[] = {
		"done 2026-03-02, 1 day late", "done 2026-02-28, on time", "done 2026-03-01, on time",
		"done 2026-05-12, 3 days late", /* against the deadline, its effective due */
		"done 2026-03-01", "done (date not recorded)",
	};
	char buf[96];
	for (size_t i = 0; i < c.milestone_count; i++) {
		report_done_words(&c, &c.milestones[i], false, buf, sizeof buf);
		assert_string_equal(buf, want[i]);
	}
	charter_fini(&c);
}

static void test_text_report_empty_and_done(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, "charter:\n  title: Empty\n  signed: 2026-02-09\n  roadmap_deadline: 2026-02-10\n"
	         "working_groups: []\n");
	char *got = render(&c, (struct date){ 2026, 2, 9 }, -1);
	assert_string_equal(got,
		"Empty\n"
		"Signed 2026-02-09; roadmap deadline 2026-02-10 (1 day left); today 2026-02-09\n"
		"Roadmap phase to 2026-02-10: 0/0 done (1 day left)\n"
		"Next review 2027-02-09 (in 365 days)\n"
		"Overall: no milestones yet\n");
	free(got);
	charter_fini(&c);

	test_load(&c, "charter:\n  title: Done\n  signed: 2026-02-09\n"
	         "working_groups:\n  - id: g\n    name: G\n    milestones:\n"
	         "      - {id: a, title: A, status: done, due: 2026-02-10, completed: 2026-02-12}\n");
	got = render(&c, (struct date){ 2027, 1, 1 }, -1);
	assert_string_equal(got,
		"Done\n"
		"Signed 2026-02-09; roadmap deadline 2026-05-09 (237 days past); today 2027-01-01\n"
		"Roadmap phase closed 2026-05-09: 0 on time · 1 late (last 2026-02-12) · 0 open\n"
		"Next review 2027-02-09 (in 39 days)\n"
		"Overall [##############################] 1/1  100%  done\n"
		"  done 1, in progress 0, blocked 0, not started 0\n"
		"  delivery: 1 done with a completion date, 0 on time, median 2 days late\n"
		"\n"
		"G (g)\n"
		"  [##############################] 1/1  100%  done\n"
		"  done 1, in progress 0, blocked 0, not started 0\n"
		"  roadmap phase: 0 on time, 1 late (last 2026-02-12), 0 open; delivery: 1 done with a completion date, 0 on time, median 2 days late\n");
	free(got);
	charter_fini(&c);
}

static void same_progress(const struct progress *a, const struct progress *b)
{
	assert_int_equal(a->total, b->total);
	for (int s = 0; s < STATUS_COUNT; s++)
		assert_int_equal(a->counts[s], b->counts[s]);
	for (int k = 0; k < ATTENTION_COUNT; k++)
		assert_int_equal(a->attention[k], b->attention[k]);
	assert_int_equal(a->due_soon_not_started, b->due_soon_not_started);
	assert_int_equal(a->roadmap_done, b->roadmap_done);
	assert_int_equal(a->roadmap_total, b->roadmap_total);
	assert_int_equal(a->percent, b->percent);
	assert_int_equal(a->state, b->state);
}

/* The one walk gives what the per-group and per-milestone rules give, on
 * every day from before signing to past the deadline. */
static void test_pass_matches_the_rules(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, "charter:\n  title: T\n  signed: 2026-02-09\n  roadmap_deadline: 2026-03-31\n"
	         "working_groups:\n"
	         "  - id: a\n    name: A\n    milestones:\n"
	         "      - {id: a1, title: A1, status: done, due: 2026-03-01}\n"
	         "      - {id: a2, title: A2, status: not_started}\n"
	         "      - {id: a3, title: A3, status: blocked, due: ~}\n"
	         "  - id: none\n    name: None\n"
	         "  - id: b\n    name: B\n    milestones:\n"
	         "      - {id: b1, title: B1, status: in_progress, due: 2026-04-01}\n"
	         "      - {id: b2, title: B2, status: blocked, due: 2026-03-20}\n"
	         "      - {id: b3, title: B3, status: not_started, due: 2026-03-25}\n"
	         "      - {id: b4, title: B4, status: done, due: 2026-05-01}\n");
	size_t kinds_seen = 0;
	for (long day = date_to_serial(D(2026, 1, 1)); day <= date_to_serial(D(2026, 6, 1)); day++) {
		struct date today = date_from_serial(day);
		struct report_pass pass;
		report_pass_init(&pass, &c, today);
		struct progress want, scratch;
		progress_charter(&c, today, &want);
		same_progress(&pass.all, &want);
		for (size_t g = 0; g < c.group_count; g++) {
			progress_group(&c, g, today, &want);
			same_progress(report_pass_group(&pass, g, &scratch), &want);
		}
		for (size_t i = 0; i < c.milestone_count; i++) {
			const struct milestone *m = &c.milestones[i];
			unsigned f = report_pass_facts(&pass, i);
			enum attention a = progress_fact_attention(f);
			assert_int_equal(a == ATTENTION_OVERDUE, progress_is_overdue(&c, m, today));
			/* due soon is the bucket: a blocked milestone due soon is blocked */
			assert_int_equal(a == ATTENTION_DUE_SOON,
			                 progress_is_due_soon(&c, m, today) && m->status != STATUS_BLOCKED);
			assert_int_equal((f & PROGRESS_IN_ROADMAP) != 0, progress_in_roadmap(&c, m));
			assert_int_equal(report_pass_attention(&pass, i), progress_attention(&c, m, today));
			kinds_seen |= 1u << report_pass_attention(&pass, i);
		}
		report_pass_fini(&pass);
	}
	assert_int_equal(kinds_seen, 0xF); /* none, overdue, blocked and due soon all came up */
	charter_fini(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_wording),
		cmocka_unit_test(test_bar_fills),
		cmocka_unit_test(test_text_report),
		cmocka_unit_test(test_text_report_empty_and_done),
		cmocka_unit_test(test_done_words),
		cmocka_unit_test(test_pass_matches_the_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
