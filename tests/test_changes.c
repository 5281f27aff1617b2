/* Tests of changes_between: which milestones differ between two versions
 * of a charter (the dashboard marks those someone else changed). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/changes.h"

#include "support.h"

static const char base[] =
	"charter:\n"
	"  title: T\n"
	"  signed: 2026-01-01\n"
	"working_groups:\n"
	"  - id: g1\n"
	"    name: One\n"
	"    milestones:\n"
	"      - id: a\n"
	"        title: Alpha\n"
	"        status: done\n"
	"      - id: b\n"
	"        title: Beta\n"
	"        status: not_started\n"
	"        due: 2026-03-01\n"
	"        owner: Amina\n"
	"  - id: g2\n"
	"    name: Two\n"
	"    milestones:\n"
	"      - id: c\n"
	"        title: Gamma\n"
	"        status: blocked\n"
	"        notes: some notes\n";

/* `base` with the first `from` replaced by `to`. */
static char *edited(const char *from, const char *to)
{
	const char *at = strstr(base, from);
	assert_non_null(at);
	size_t n = strlen(base) - strlen(from) + strlen(to) + 1;
	char *out = malloc(n);
	assert_non_null(out);
	snprintf(out, n, "%.*s%s%s", (int)(at - base), base, to, at + strlen(from));
	return out;
}

static size_t diff_of(const char *from, const char *to, const char ***ids, struct charter *after)
{
	struct charter before;
	test_load(&before, base);
	char *text = edited(from, to);
	test_load(after, text);
	free(text);
	size_t n = changes_between(&before, after, ids);
	charter_fini(&before);
	return n;
}

static void expect_one(const char *from, const char *to, const char *id)
{
	const char **ids;
	struct charter after;
	size_t n = diff_of(from, to, &ids, &after);
	assert_int_equal(n, 1);
	assert_string_equal(ids[0], id);
	free(ids);
	charter_fini(&after);
}

static void test_identical(void **state)
{
	(void)state;
	const char **ids = (const char **)1;
	struct charter after;
	/* a comment changes the text, not the model */
	size_t n = diff_of("working_groups:\n", "# hi\nworking_groups:\n", &ids, &after);
	assert_int_equal(n, 0);
	assert_null(ids);
	charter_fini(&after);
}

static void test_each_field(void **state)
{
	(void)state;
	expect_one("status: done", "status: in_progress", "a");
	expect_one("title: Beta", "title: Beta 2", "b");
	expect_one("due: 2026-03-01", "due: 2026-03-02", "b");
	expect_one("        due: 2026-03-01\n", "", "b"); /* due removed */
	expect_one("owner: Amina", "owner: Bob", "b");
	expect_one("notes: some notes", "notes: other", "c");
	expect_one("        status: done\n", "        status: done\n        owner: X\n", "a"); /* owner added */
	/* `due: ~` (no date yet) is not the same as no due (the deadline) */
	expect_one("        status: done\n", "        status: done\n        due: ~\n", "a");
	expect_one("due: 2026-03-01", "due: ~", "b");
}

static void test_added_removed_moved(void **state)
{
	(void)state;
	/* a new milestone is listed; a removed one is not */
	expect_one("      - id: c\n", "      - id: d\n        title: New\n        status: done\n      - id: c\n", "d");
	const char **ids;
	struct charter after;
	size_t n = diff_of("      - id: a\n        title: Alpha\n        status: done\n", "", &ids, &after);
	assert_int_equal(n, 0);
	free(ids);
	charter_fini(&after);
	/* a milestone moved to another group changed */
	struct charter before;
	test_load(&before, base);
	const char *c_item = "      - id: c\n        title: Gamma\n        status: blocked\n        notes: some notes\n";
	char *t1 = edited(c_item, "");
	size_t len = strlen(t1) + strlen(c_item) + 1;
	char *t2 = malloc(len);
	assert_non_null(t2);
	const char *at = strstr(t1, "      - id: b\n");
	snprintf(t2, len, "%.*s%s%s", (int)(at - t1), t1, c_item, at);
	test_load(&after, t2);
	n = changes_between(&before, &after, &ids);
	assert_int_equal(n, 1);
	assert_string_equal(ids[0], "c");
	free(ids);
	free(t1);
	free(t2);
	charter_fini(&before);
	charter_fini(&after);
}

static void test_several_in_file_order(void **state)
{
	(void)state;
	struct charter before, after;
	test_load(&before, base);
	char *t1 = edited("status: blocked", "status: done");
	const char *at = strstr(t1, "title: Alpha");
	size_t len = strlen(t1) + 8;
	char *t2 = malloc(len);
	assert_non_null(t2);
	snprintf(t2, len, "%.*stitle: Alpha!%s", (int)(at - t1), t1, at + strlen("title: Alpha"));
	test_load(&after, t2);
	const char **ids;
	size_t n = changes_between(&before, &after, &ids);
	assert_int_equal(n, 2);
	assert_string_equal(ids[0], "a");
	assert_string_equal(ids[1], "c");
	/* and the reverse direction gives the same ids */
	const char **back;
	assert_int_equal(changes_between(&after, &before, &back), 2);
	free(back);
	free(ids);
	free(t1);
	free(t2);
	charter_fini(&before);
	charter_fini(&after);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical),
		cmocka_unit_test(test_each_field),
		cmocka_unit_test(test_added_removed_moved),
		cmocka_unit_test(test_several_in_file_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
