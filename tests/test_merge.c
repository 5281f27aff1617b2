/* test_merge — the field-level three-way merge of charter files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "charterdash/store/merge.h"

#include "support.h"

static const char base[] =
	"charter:\n"
	"  title: Merge charter   # the test one\n"
	"  signed: 2026-02-09\n"
	"working_groups:\n"
	"  - id: energy\n"
	"    name: Energy\n"
	"    milestones:\n"
	"      - id: e-road   # adopted first\n"
	"        title: Adopt the roadmap\n"
	"        status: in_progress\n"
	"        owner: Ministry\n"
	"      - id: e-lng\n"
	"        title: LNG study\n"
	"        status: not_started\n"
	"  - id: trade\n"
	"    name: Trade\n"
	"    milestones:\n"
	"      - id: t-fta\n"
	"        title: Free-trade talks\n"
	"        status: blocked\n";

/* `text` with the first `from` replaced by `to`. */
static char *edited(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	assert_non_null(at);
	size_t n = strlen(text) - strlen(from) + strlen(to);
	char *out = malloc(n + 1);
	assert_non_null(out);
	size_t head = (size_t)(at - text);
	memcpy(out, text, head);
	strcpy(out + head, to);
	strcat(out, at + strlen(from));
	return out;
}

static void merge(const char *b, const char *o, const char *t, struct merge_result *r)
{
	assert_true(merge_texts("c.yaml", b, strlen(b), o, strlen(o), t, strlen(t), 0, r));
}

static void expect_clean(const char *b, const char *o, const char *t, const char *want)
{
	struct merge_result r;
	merge(b, o, t, &r);
	assert_int_equal(r.conflict_count, 0);
	assert_true(r.by_field);
	assert_string_equal(r.text, want);
	merge_fini(&r);
}

static void test_two_fields_of_one_milestone(void **state)
{
	(void)state;
	char *o = edited(base, "status: in_progress", "status: done");
	char *t = edited(base, "owner: Ministry", "owner: \"Elvin H.\"");
	char *want = edited(o, "owner: Ministry", "owner: \"Elvin H.\"");
	expect_clean(base, o, t, want);
	expect_clean(base, t, o, want); /* either way round */
	free(o), free(t), free(want);
}

static void test_additions_to_one_group_keep_both(void **state)
{
	(void)state;
	const char *after = "        status: not_started\n  - id: trade";
	char *o = edited(base, after,
	                 "        status: not_started\n      - id: e-h2\n        title: Hydrogen\n"
	                 "        status: in_progress\n  - id: trade");
	char *t = edited(base, after,
	                 "        status: not_started\n      - id: e-grid   # theirs' comment\n"
	                 "        title: Grid link\n        status: not_started\n        x-budget: [1, 2]\n"
	                 "  - id: trade");
	char *want = edited(o, "  - id: trade",
	                    "      - id: e-grid   # theirs' comment\n        title: Grid link\n"
	                    "        status: not_started\n        x-budget: [1, 2]\n  - id: trade");
	expect_clean(base, o, t, want);
	free(o), free(t), free(want);
}

static void test_same_field_two_ways_conflicts_on_its_line(void **state)
{
	(void)state;
	char *o = edited(base, "status: blocked", "status: in_progress");
	char *t = edited(base, "status: blocked", "status: done");
	struct merge_result r;
	merge(base, o, t, &r);
	assert_int_equal(r.conflict_count, 1);
	char *want = edited(base, "        status: blocked\n",
	                    "<<<<<<< ours\n        status: in_progress\n=======\n        status: done\n>>>>>>> theirs\n");
	assert_string_equal(r.text, want);
	assert_int_equal(r.conflicts[0].line, 20);
	assert_non_null(strstr(r.conflicts[0].message, "'t-fta'"));
	assert_non_null(strstr(r.conflicts[0].message, "'in_progress' here and 'done'"));
	merge_fini(&r);
	free(o), free(t), free(want);
}

static void test_removal_against_an_edit(void **state)
{
	(void)state;
	const char *lng = "      - id: e-lng\n        title: LNG study\n        status: not_started\n";
	char *removed = edited(base, lng, "");
	char *changed = edited(base, "title: LNG study", "title: LNG feasibility");
	struct merge_result r;
	merge(base, changed, removed, &r); /* changed here, removed there */
	assert_int_equal(r.conflict_count, 1);
	assert_non_null(strstr(r.text, "<<<<<<< ours\n      - id: e-lng\n        title: LNG feasibility\n"
	                               "        status: not_started\n=======\n>>>>>>> theirs\n"));
	assert_non_null(strstr(r.conflicts[0].message, "removed on the other side"));
	merge_fini(&r);
	merge(base, removed, changed, &r); /* removed here, changed there */
	assert_int_equal(r.conflict_count, 1);
	assert_non_null(strstr(r.text, "<<<<<<< ours\n=======\n      - id: e-lng\n        title: LNG feasibility\n"));
	assert_non_null(strstr(r.conflicts[0].message, "removed here"));
	merge_fini(&r);
	/* removed on one side, untouched on the other: removed */
	char *other = edited(base, "status: blocked", "status: done");
	char *want = edited(removed, "status: blocked", "status: done");
	expect_clean(base, other, removed, want);
	free(removed), free(changed), free(other), free(want);
}

static void test_same_id_added_twice(void **state)
{
	(void)state;
	const char *end = "        status: blocked\n";
	char *o = edited(base, end, "        status: blocked\n      - id: t-new\n        title: New A\n        status: done\n");
	char *t = edited(base, end, "        status: blocked\n      - id: t-new\n        title: New B\n        status: done\n");
	struct merge_result r;
	merge(base, o, t, &r);
	assert_int_equal(r.conflict_count, 1);
	assert_non_null(strstr(r.conflicts[0].message, "added on both sides"));
	merge_fini(&r);
	expect_clean(base, o, o, o); /* added alike: once */
	free(o), free(t);
}

static void test_no_date_yet_is_a_field_change(void **state)
{
	(void)state;
	char *o = edited(base, "status: in_progress", "status: done");
	char *t = edited(base, "        owner: Ministry\n", "        owner: Ministry\n        due: ~\n");
	char *want = edited(o, "        owner: Ministry\n", "        owner: Ministry\n        due: ~\n");
	expect_clean(base, o, t, want);
	char *o2 = edited(base, "        owner: Ministry\n", "        owner: Ministry\n        due: 2027-01-01\n");
	struct merge_result r;
	merge(base, o2, t, &r); /* a date here, "no date yet" there */
	assert_int_equal(r.conflict_count, 1);
	assert_non_null(strstr(r.conflicts[0].message, "the due of 'e-road' is '2027-01-01' here and '~'"));
	merge_fini(&r);
	free(o), free(t), free(want), free(o2);
}

static void test_a_move_keeps_ours_field_changes(void **state)
{
	(void)state;
	const char *lng = "      - id: e-lng\n        title: LNG study\n        status: not_started\n";
	char *gone = edited(base, lng, "");
	char *t = edited(gone, "        status: blocked\n",
	                 "        status: blocked\n      - id: e-lng\n        title: LNG study\n        status: not_started\n");
	char *o = edited(base, "        status: not_started\n", "        status: done   # ours\n");
	char *want = edited(gone, "        status: blocked\n",
	                    "        status: blocked\n      - id: e-lng\n        title: LNG study\n        status: done   # ours\n");
	expect_clean(base, o, t, want);
	free(gone), free(t), free(o), free(want);
}

static void test_hand_edits_merge_by_line(void **state)
{
	(void)state;
	char *o = edited(base, "status: in_progress", "status: done");
	char *t1 = edited(base, "# the test one", "# renamed by hand"), *w1 = edited(o, "# the test one", "# renamed by hand");
	char *t = edited(t1, "name: Trade", "name: Trade and Investment");
	char *want = edited(w1, "name: Trade", "name: Trade and Investment");
	free(t1), free(w1);
	expect_clean(base, o, t, want);
	/* the same comment line edited two ways: a line conflict */
	char *o2 = edited(o, "# the test one", "# ours");
	struct merge_result r;
	merge(base, o2, t, &r);
	assert_int_equal(r.conflict_count, 1);
	assert_int_equal(r.conflicts[0].line, 2);
	merge_fini(&r);
	free(o), free(t), free(want), free(o2);
}

static char *crlf(const char *text)
{
	char *out = malloc(2 * strlen(text) + 1), *p = out;
	assert_non_null(out);
	for (; *text; text++) {
		if (*text == '\n')
			*p++ = '\r';
		*p++ = *text;
	}
	*p = '\0';
	return out;
}

static void test_crlf_files_stay_crlf(void **state)
{
	(void)state;
	char *b = crlf(base);
	char *o = edited(b, "status: in_progress", "status: done");
	char *t = edited(b, "        status: blocked\r\n",
	                 "        status: blocked\r\n      - id: t-x\r\n        title: X\r\n        status: done\r\n");
	char *want = edited(o, "        status: blocked\r\n",
	                    "        status: blocked\r\n      - id: t-x\r\n        title: X\r\n        status: done\r\n");
	expect_clean(b, o, t, want);
	free(b), free(o), free(t), free(want);
}

static void test_not_a_charter_merges_by_line(void **state)
{
	(void)state;
	const char *b = "a: 1\nb: 2\n", *o = "a: 10\nb: 2\n", *t = "a: 1\nb: 20\n";
	struct merge_result r;
	merge(b, o, t, &r);
	assert_false(r.by_field);
	assert_int_equal(r.conflict_count, 0);
	assert_string_equal(r.text, "a: 10\nb: 20\n");
	merge_fini(&r);
}

static void test_loader_refuses_markers(void **state)
{
	(void)state;
	char *o = edited(base, "status: blocked", "status: in_progress");
	char *t = edited(base, "status: blocked", "status: done");
	struct merge_result r;
	merge(base, o, t, &r);
	struct diag_list diags;
	diag_init(&diags, 10);
	struct charter c;
	char *text = strdup(r.text);
	assert_false(charter_load_text(&c, "c.yaml", text, strlen(text), &diags));
	assert_int_equal(diags.count, 1);
	assert_int_equal(diags.items[0].line, r.conflicts[0].line);
	assert_non_null(strstr(diags.items[0].message, "unresolved merge conflict"));
	charter_fini(&c);
	diag_fini(&diags);
	merge_fini(&r);
	free(o), free(t);
}

/* Both sides load, and the lines merge cleanly into a file that does not
 * (one unknown key added twice): a conflict with markers, never a failed
 * merge (git would stop with no markers at all). */
static void test_lines_that_do_not_check_conflict(void **state)
{
	(void)state;
	char *o = edited(base, "        title: Adopt the roadmap\n", "        title: Adopt the roadmap\n        risk: low\n");
	char *t = edited(base, "        owner: Ministry\n", "        owner: Ministry\n        risk: high\n");
	struct merge_result r;
	merge(base, o, t, &r);
	assert_int_equal(r.conflict_count, 1);
	assert_non_null(strstr(r.conflicts[0].message, "would not check (the merged file would not load)"));
	char *want = edited(o, "        title: Adopt the roadmap\n        risk: low\n        status: in_progress\n"
	                                      "        owner: Ministry\n",
	                                   "        title: Adopt the roadmap\n<<<<<<< ours\n        risk: low\n"
	                                   "        status: in_progress\n        owner: Ministry\n=======\n"
	                                   "        status: in_progress\n        owner: Ministry\n        risk: high\n"
	                                   ">>>>>>> theirs\n");
	assert_string_equal(r.text, want);
	assert_int_equal(r.conflicts[0].line, 10);
	merge_fini(&r);
	free(o), free(t), free(want);
}

/* Ours removes a milestone, theirs adds a key as its last line: the line
 * merge alone would hand the key to the milestone before it. */
static void test_a_key_stays_with_its_milestone(void **state)
{
	(void)state;
	char *o = edited(base, "      - id: e-lng\n        title: LNG study\n        status: not_started\n", "");
	char *t = edited(base, "        status: not_started\n", "        status: not_started\n        risk: high\n");
	struct merge_result r;
	merge(base, o, t, &r);
	assert_int_equal(r.conflict_count, 1);
	assert_non_null(strstr(r.conflicts[0].message, "the key 'risk' of 'e-road' would come from another milestone"));
	assert_non_null(strstr(r.text, "        owner: Ministry\n<<<<<<< ours\n=======\n      - id: e-lng\n"
	                                "        title: LNG study\n        status: not_started\n        risk: high\n"
	                                ">>>>>>> theirs\n  - id: trade\n"));
	merge_fini(&r);
	free(o), free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_fields_of_one_milestone),
		cmocka_unit_test(test_additions_to_one_group_keep_both),
		cmocka_unit_test(test_same_field_two_ways_conflicts_on_its_line),
		cmocka_unit_test(test_removal_against_an_edit),
		cmocka_unit_test(test_same_id_added_twice),
		cmocka_unit_test(test_no_date_yet_is_a_field_change),
		cmocka_unit_test(test_a_move_keeps_ours_field_changes),
		cmocka_unit_test(test_hand_edits_merge_by_line),
		cmocka_unit_test(test_crlf_files_stay_crlf),
		cmocka_unit_test(test_not_a_charter_merges_by_line),
		cmocka_unit_test(test_loader_refuses_markers),
		cmocka_unit_test(test_lines_that_do_not_check_conflict),
		cmocka_unit_test(test_a_key_stays_with_its_milestone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
