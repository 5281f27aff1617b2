/* test_merge3 — the line-level three-way merge. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "charterdash/core/diag.h"
#include "charterdash/core/merge3.h"

#include "support.h"

/* Merges and checks the text and the number of conflicts. */
static void merges_to(const char *base, const char *ours, const char *theirs, const char *want, size_t conflicts)
{
	struct merge3_result r;
	assert_true(merge3(base, strlen(base), ours, strlen(ours), theirs, strlen(theirs), 7, &r));
	assert_string_equal(r.text.data ? r.text.data : "", want);
	assert_int_equal(r.conflict_count, conflicts);
	merge3_fini(&r);
}

static void test_disjoint_and_adjacent_changes_merge(void **state)
{
	(void)state;
	merges_to("a\nb\nc\nd\ne\n", "A\nb\nc\nd\ne\n", "a\nb\nc\nd\nE\n", "A\nb\nc\nd\nE\n", 0);
	/* adjacent lines: git's merge calls this a conflict, a YAML file does not */
	merges_to("a\nstatus: x\nowner: y\nz\n", "a\nstatus: done\nowner: y\nz\n", "a\nstatus: x\nowner: Elvin\nz\n",
	          "a\nstatus: done\nowner: Elvin\nz\n", 0);
	/* the same change on both sides is taken once */
	merges_to("a\nb\n", "a\nB\n", "a\nB\n", "a\nB\n", 0);
	/* one side only */
	merges_to("a\nb\n", "a\nb\n", "x\na\nb\n", "x\na\nb\n", 0);
	merges_to("a\nb\n", "a\n", "a\nb\n", "a\n", 0);
}

static void test_insertion_next_to_a_change_merges(void **state)
{
	(void)state;
	/* theirs inserts before the line ours changes: both kept, in order */
	merges_to("a\nb\nc\n", "a\nB\nc\n", "a\nnew\nb\nc\n", "a\nnew\nB\nc\n", 0);
	/* and after it */
	merges_to("a\nb\nc\n", "a\nB\nc\n", "a\nb\nnew\nc\n", "a\nB\nnew\nc\n", 0);
}

static void test_overlapping_changes_conflict(void **state)
{
	(void)state;
	merges_to("a\nb\nc\n", "a\nours\nc\n", "a\ntheirs\nc\n",
	          "a\n<<<<<<< ours\nours\n=======\ntheirs\n>>>>>>> theirs\nc\n", 1);
	/* two different insertions at one place */
	merges_to("a\nc\n", "a\nx\nc\n", "a\ny\nc\n", "a\n<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\nc\n", 1);
	/* a removal against an edit */
	merges_to("a\nb\nc\n", "a\nc\n", "a\nB\nc\n", "a\n<<<<<<< ours\n=======\nB\n>>>>>>> theirs\nc\n", 1);
}

static void test_markers_use_ours_line_ending_and_size(void **state)
{
	(void)state;
	struct merge3_result r;
	const char *b = "a\r\nb\r\n", *o = "a\r\nO\r\n", *t = "a\r\nT\r\n";
	assert_true(merge3(b, strlen(b), o, strlen(o), t, strlen(t), 3, &r));
	assert_string_equal(r.text.data, "a\r\n<<< ours\r\nO\r\n===\r\nT\r\n>>> theirs\r\n");
	assert_int_equal(r.conflicts[0].line, 2);
	assert_int_equal(r.conflicts[0].ours_first, 2);
	merge3_fini(&r);
	/* a last line without an ending still gets its own marker line */
	merges_to("a\nb", "a\nO", "a\nT", "a\n<<<<<<< ours\nO\n=======\nT\n>>>>>>> theirs\n", 1);
	/* lone CRs end lines too (old Mac files) */
	merges_to("a\rb\rc\r", "A\rb\rc\r", "a\rb\rC\r", "A\rb\rC\r", 0);
	merges_to("a\rb\r", "a\rO\r", "a\rT\r", "a\r<<<<<<< ours\rO\r=======\rT\r>>>>>>> theirs\r", 1);
	/* both ending the last line is one change, whatever else ours added */
	merges_to("a\nb", "a\nb\nc\n", "a\nb\n", "a\nb\nc\n", 0);
}

static void test_ours_line_map(void **state)
{
	(void)state;
	struct merge3_result r;
	const char *b = "1\n2\n3\n4\n", *o = "1\nX\n2\n3\n4\n", *t = "1\n2\n3\nY\n";
	assert_true(merge3(b, strlen(b), o, strlen(o), t, strlen(t), 7, &r));
	assert_string_equal(r.text.data, "1\nX\n2\n3\nY\n");
	assert_int_equal(r.ours_lines, 5);
	size_t want[] = { 0, 1, 2, 3, (size_t)-1 }; /* ours' "4" was replaced by theirs' "Y" */
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(r.ours_line_map[i], want[i]);
	merge3_fini(&r);
}

static void test_far_apart_changes_in_a_long_file(void **state)
{
	(void)state;
	struct buf b, o, t, want;
	buf_init(&b), buf_init(&o), buf_init(&t), buf_init(&want);
	for (int i = 0; i < 5000; i++) {
		char line[32];
		snprintf(line, sizeof line, "line %d\n", i);
		buf_puts(&b, line);
		buf_puts(&o, i % 1000 == 7 ? "ours\n" : line);
		buf_puts(&t, i % 1000 == 500 ? "theirs\n" : line);
		buf_puts(&want, i % 1000 == 7 ? "ours\n" : i % 1000 == 500 ? "theirs\n" : line);
	}
	merges_to(b.data, o.data, t.data, want.data, 0);
	buf_fini(&b), buf_fini(&o), buf_fini(&t), buf_fini(&want);
}

static void test_marker_lines(void **state)
{
	(void)state;
	assert_true(merge3_is_marker("<<<<<<< ours", 12));
	assert_true(merge3_is_marker("=======", 7));
	assert_true(merge3_is_marker(">>>>>>>>>> theirs\n", 18));
	assert_false(merge3_is_marker("<<<<<<", 6));
	assert_false(merge3_is_marker("<<<<<<<x", 8));
	assert_false(merge3_is_marker("  <<<<<<< ours", 14));

	struct diag_list diags;
	diag_init(&diags, 10);
	const char *text = "a: 1\n<<<<<<< ours\nb: 2\n=======\nb: 3\n>>>>>>> theirs\n  <<<<<<< no\n";
	assert_int_equal(merge3_report_markers("f.yaml", text, strlen(text), &diags), 1);
	assert_int_equal(diags.items[0].line, 2);
	assert_int_equal(diags.items[0].col, 1);
	assert_non_null(strstr(diags.items[0].message, "unresolved merge conflict"));
	diag_fini(&diags);

	/* '<' inside lines is skipped; each marker gets its own line, the last
	 * one without a line end. */
	diag_init(&diags, 10);
	text = "a: x < y\n<b: <<<<<<<\n\n<<<<<<< one\r\nc: 1\n<<<<<<<";
	assert_int_equal(merge3_report_markers("f.yaml", text, strlen(text), &diags), 2);
	assert_int_equal(diags.items[0].line, 4);
	assert_int_equal(diags.items[1].line, 6);
	assert_int_equal(merge3_report_markers("f.yaml", "", 0, &diags), 0);
	diag_fini(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_disjoint_and_adjacent_changes_merge),
		cmocka_unit_test(test_insertion_next_to_a_change_merges),
		cmocka_unit_test(test_overlapping_changes_conflict),
		cmocka_unit_test(test_markers_use_ours_line_ending_and_size),
		cmocka_unit_test(test_ours_line_map),
		cmocka_unit_test(test_far_apart_changes_in_a_long_file),
		cmocka_unit_test(test_marker_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
