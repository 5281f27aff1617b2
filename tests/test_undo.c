/* Tests of the undo stack: plans that reverse and replay saved edits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "charterdash/store/undo.h"

static void test_set_undo_redo(void **state)
{
	(void)state;
	struct undo u;
	struct undo_plan plan;
	undo_init(&u);
	assert_false(undo_can_undo(&u));
	assert_true(undo_record_set(&u, "m1", FIELD_STATUS, "in_progress", "done"));
	assert_true(undo_can_undo(&u));
	assert_false(undo_can_redo(&u));

	undo_plan_undo(&u, &plan);
	assert_int_equal(plan.count, 1);
	assert_int_equal(plan.edits[0].kind, EDIT_SET);
	assert_string_equal(plan.edits[0].milestone_id, "m1");
	assert_int_equal(plan.edits[0].field, FIELD_STATUS);
	/* The undo expects the value this user wrote: a later change by
	 * someone else is a conflict, not overwritten. */
	assert_true(plan.edits[0].check_seen);
	assert_string_equal(plan.edits[0].seen, "done");
	assert_string_equal(plan.edits[0].value, "in_progress");
	undo_done(&u);
	assert_false(undo_can_undo(&u));
	assert_true(undo_can_redo(&u));

	undo_plan_redo(&u, &plan);
	assert_int_equal(plan.count, 1);
	assert_string_equal(plan.edits[0].seen, "in_progress");
	assert_string_equal(plan.edits[0].value, "done");
	redo_done(&u);
	assert_true(undo_can_undo(&u));
	assert_false(undo_can_redo(&u));
	undo_fini(&u);
}

static void test_absent_values(void **state)
{
	(void)state;
	struct undo u;
	struct undo_plan plan;
	undo_init(&u);
	assert_true(undo_record_set(&u, "m1", FIELD_OWNER, NULL, "Amina"));
	undo_plan_undo(&u, &plan);
	assert_string_equal(plan.edits[0].seen, "Amina");
	assert_null(plan.edits[0].value); /* clears the owner again */
	undo_fini(&u);
}

static void test_new_change_drops_redo(void **state)
{
	(void)state;
	struct undo u;
	undo_init(&u);
	undo_record_set(&u, "a", FIELD_STATUS, "not_started", "done");
	undo_record_set(&u, "b", FIELD_STATUS, "not_started", "blocked");
	undo_done(&u);
	assert_true(undo_can_redo(&u));
	undo_record_set(&u, "c", FIELD_TITLE, "x", "y");
	assert_false(undo_can_redo(&u));
	assert_int_equal(u.count, 2);
	struct undo_plan plan;
	undo_plan_undo(&u, &plan);
	assert_string_equal(plan.edits[0].milestone_id, "c");
	undo_done(&u);
	undo_plan_undo(&u, &plan);
	assert_string_equal(plan.edits[0].milestone_id, "a");
	undo_fini(&u);
}

static void test_remove_comes_back_whole(void **state)
{
	(void)state;
	struct undo u;
	struct undo_plan plan;
	undo_init(&u);
	const char *fields[FIELD_COUNT] = { [FIELD_TITLE] = "Adopt roadmap", [FIELD_STATUS] = "blocked",
	                                    [FIELD_DUE] = "2026-05-09", [FIELD_OWNER] = "Co-chairs" };
	assert_true(undo_record_milestone(&u, EDIT_REMOVE, "m9", "energy", fields));
	undo_plan_undo(&u, &plan);
	assert_int_equal(plan.count, 4); /* add + status + due + owner */
	assert_int_equal(plan.edits[0].kind, EDIT_ADD);
	assert_string_equal(plan.edits[0].group_id, "energy");
	assert_string_equal(plan.edits[0].value, "Adopt roadmap");
	assert_int_equal(plan.edits[1].field, FIELD_STATUS);
	assert_string_equal(plan.edits[1].seen, "not_started");
	assert_string_equal(plan.edits[1].value, "blocked");
	assert_int_equal(plan.edits[2].field, FIELD_DUE);
	assert_int_equal(plan.edits[3].field, FIELD_OWNER);
	undo_done(&u);
	undo_plan_redo(&u, &plan);
	assert_int_equal(plan.count, 1);
	assert_int_equal(plan.edits[0].kind, EDIT_REMOVE);
	assert_string_equal(plan.edits[0].milestone_id, "m9");
	undo_fini(&u);
}

static void test_add_undone_by_remove(void **state)
{
	(void)state;
	struct undo u;
	struct undo_plan plan;
	undo_init(&u);
	const char *fields[FIELD_COUNT] = { [FIELD_TITLE] = "New", [FIELD_STATUS] = "not_started" };
	undo_record_milestone(&u, EDIT_ADD, "n1", "energy", fields);
	undo_plan_undo(&u, &plan);
	assert_int_equal(plan.count, 1);
	assert_int_equal(plan.edits[0].kind, EDIT_REMOVE);
	undo_done(&u);
	undo_plan_redo(&u, &plan);
	assert_int_equal(plan.count, 1); /* not_started needs no extra set */
	assert_int_equal(plan.edits[0].kind, EDIT_ADD);
	undo_fini(&u);
}

/* The removed bytes go back at the one place the text around them is
 * found now; none or two such places: refused (the caller asks). */
static void test_restore_finds_its_place(void **state)
{
	(void)state;
	const char old[] = "x: 1\ny: 2\n- id: b\n  t: B\nz: 3\nw: 4\n";
	struct text_edit removal = { .start = 10, .end = 25, .text = NULL, .len = 0 };
	struct undo u;
	undo_init(&u);
	const char *fields[FIELD_COUNT] = { [FIELD_TITLE] = "B" };
	assert_true(undo_record_milestone(&u, EDIT_REMOVE, "b", "g", fields));
	assert_true(undo_attach_removed(&u, old, sizeof old - 1, &removal));
	struct undo_plan plan;
	undo_plan_undo(&u, &plan);
	assert_true(plan.has_restore);
	assert_int_equal(plan.restore.bytes_len, 15);
	assert_memory_equal(plan.restore.bytes, "- id: b\n  t: B\n", 15);
	assert_memory_equal(plan.restore.before, "x: 1\ny: 2\n", plan.restore.before_len);
	assert_memory_equal(plan.restore.after, "z: 3\nw: 4\n", plan.restore.after_len);

	/* the file since: a line added at the top, the neighbourhood intact */
	const char now[] = "top: 0\nx: 1\ny: 2\nz: 3\nw: 4\n";
	struct text_edit out;
	char why[200];
	assert_true(undo_restore_plan(&plan.restore, now, sizeof now - 1, &out, why, sizeof why));
	assert_int_equal(out.start, 17);
	assert_int_equal(out.end, 17);
	assert_int_equal(out.len, 15);
	text_edit_fini(&out);
	const char changed[] = "x: 1\ny: 9\nz: 3\nw: 4\n";
	assert_false(undo_restore_plan(&plan.restore, changed, sizeof changed - 1, &out, why, sizeof why));
	assert_string_equal(why, "the lines around 'b' changed since it was deleted");
	const char twice[] = "x: 1\ny: 2\nz: 3\nw: 4\nx: 1\ny: 2\nz: 3\nw: 4\n";
	assert_false(undo_restore_plan(&plan.restore, twice, sizeof twice - 1, &out, why, sizeof why));

	/* after "anyway", the fields alone */
	undo_answer_anyway(&u);
	undo_plan_undo(&u, &plan);
	assert_false(plan.has_restore);
	assert_int_equal(plan.edits[0].kind, EDIT_ADD);
	undo_fini(&u);
}

/* One `e` that changed two fields is one undo step, and one redo. */
static void test_group_undoes_together(void **state)
{
	(void)state;
	struct undo u;
	undo_init(&u);
	assert_true(undo_record_set(&u, "m1", FIELD_STATUS, "in_progress", "done"));
	assert_true(undo_record_set(&u, "m2", FIELD_OWNER, "amina", "bob"));
	assert_true(undo_record_set(&u, "m2", FIELD_DUE, "2026-12-01", "2026-12-09"));
	undo_join_previous(&u);
	assert_int_equal(undo_group_size(&u, false), 2);
	assert_int_equal(undo_group_size(&u, true), 0);
	undo_done(&u);
	assert_int_equal(undo_group_size(&u, false), 1); /* what is left of the group */
	undo_done(&u);
	assert_int_equal(undo_group_size(&u, false), 1); /* m1's step, on its own */
	assert_int_equal(undo_group_size(&u, true), 2);
	redo_done(&u);
	redo_done(&u);
	assert_int_equal(undo_group_size(&u, false), 2);
	assert_int_equal(undo_group_size(&u, true), 0);
	undo_fini(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_undo_redo),
		cmocka_unit_test(test_group_undoes_together),
		cmocka_unit_test(test_absent_values),
		cmocka_unit_test(test_new_change_drops_redo),
		cmocka_unit_test(test_remove_comes_back_whole),
		cmocka_unit_test(test_add_undone_by_remove),
		cmocka_unit_test(test_restore_finds_its_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
