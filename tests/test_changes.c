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

#include "charterdash/store/changes.h"

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

/* --- changes_net ----------------------------------------------------------- */

#define E(t, u, id_, field_, old_, new_) \
	{ .time = "2026-12-02T10:00:" t "Z", .user = u, .host = "h", .id = id_, .group = "energy", \
	  .field = field_, .old_value = old_, .new_value = new_ }
#define MARK(t) { .time = "2026-12-02T10:00:" t "Z", .user = "amina", .id = MEETING_ID, .field = MEETING_FIELD }

static struct net_changes net(const struct history_entry *e, size_t n)
{
	struct net_changes out;
	assert_true(changes_net(e, n, &out));
	return out;
}

static void test_net_reverted_is_nothing(void **state)
{
	(void)state;
	const struct history_entry e[] = {
		MARK("00"),
		E("01", "amina", "m1", "status", "in_progress", "done"),
		E("02", "amina", "m1", "status", "done", "in_progress"),
		/* set, undo, redo, undo */
		E("03", "john", "m2", "owner", NULL, "X"),
		E("04", "john", "m2", "owner", "X", NULL),
		E("05", "john", "m2", "owner", NULL, "X"),
		E("06", "john", "m2", "owner", "X", NULL),
	};
	struct net_changes n = net(e, sizeof e / sizeof e[0]);
	assert_int_equal(n.count, 0);
	changes_net_fini(&n);
}

static void test_net_first_old_last_new(void **state)
{
	(void)state;
	const struct history_entry e[] = {
		E("01", "amina", "m1", "status", "not_started", "in_progress"),
		E("02", "john", "m2", "due", "2026-05-09", "2027-01-01"),
		E("03", "rashad", "m1", "status", "in_progress", "blocked"),
		E("04", "amina", "m1", "owner", "A", "B"),
		E("05", "amina", "m1", "owner", "B", "A"), /* back: not in the minutes, nor is its user */
		E("06", "john", "m1", "status", "blocked", "done"),
	};
	struct net_changes n = net(e, sizeof e / sizeof e[0]);
	assert_int_equal(n.count, 2);
	const struct net_change *c = &n.items[0];
	assert_string_equal(c->id, "m1");
	assert_int_equal(c->kind, NET_CHANGED);
	assert_int_equal(c->field_count, 1);
	assert_string_equal(c->fields[0].field, "status");
	assert_string_equal(c->fields[0].old_value, "not_started");
	assert_string_equal(c->fields[0].new_value, "done");
	assert_int_equal(c->user_count, 3);
	assert_string_equal(c->users[0], "amina");
	assert_string_equal(c->users[1], "rashad");
	assert_string_equal(c->users[2], "john");
	assert_string_equal(c->last_time, "2026-12-02T10:00:06Z");
	assert_string_equal(n.items[1].id, "m2");
	assert_string_equal(n.items[1].group, "energy");
	assert_string_equal(n.items[1].fields[0].new_value, "2027-01-01");
	changes_net_fini(&n);
}

static void test_net_added_and_removed(void **state)
{
	(void)state;
	const struct history_entry e[] = {
		E("01", "john", "new", "milestone", NULL, "Joint LNG study"),
		E("01", "john", "new", "due", NULL, "2027-03-01"),
		E("02", "amina", "new", "owner", NULL, "Amina"),
		E("03", "amina", "old", "status", "in_progress", "done"),
		E("04", "amina", "old", "milestone", "Old study", NULL),
		E("05", "john", "brief", "milestone", NULL, "Brief"), /* added and removed again */
		E("06", "john", "brief", "due", NULL, "2027-01-01"),
		E("07", "john", "brief", "milestone", "Brief", NULL),
	};
	struct net_changes n = net(e, sizeof e / sizeof e[0]);
	assert_int_equal(n.count, 2);
	const struct net_change *a = &n.items[0], *r = &n.items[1];
	assert_int_equal(a->kind, NET_ADDED);
	assert_string_equal(a->title, "Joint LNG study");
	assert_int_equal(a->field_count, 2);
	assert_string_equal(a->fields[0].field, "due");
	assert_string_equal(a->fields[1].new_value, "Amina");
	assert_int_equal(a->user_count, 2);
	assert_int_equal(r->kind, NET_REMOVED);
	assert_string_equal(r->title, "Old study");
	assert_int_equal(r->field_count, 0);
	changes_net_fini(&n);
}

static void test_net_undone_removal_is_nothing(void **state)
{
	(void)state;
	const struct history_entry e[] = {
		E("01", "amina", "m1", "milestone", "Study", NULL),
		E("02", "amina", "m1", "milestone", NULL, "Study"), /* undo: added back, then its values */
		E("02", "amina", "m1", "status", "not_started", "in_progress"),
		E("02", "amina", "m1", "due", NULL, "2026-05-09"),
	};
	struct net_changes n = net(e, sizeof e / sizeof e[0]);
	assert_int_equal(n.count, 0);
	changes_net_fini(&n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical),
		cmocka_unit_test(test_each_field),
		cmocka_unit_test(test_added_removed_moved),
		cmocka_unit_test(test_several_in_file_order),
		cmocka_unit_test(test_net_reverted_is_nothing),
		cmocka_unit_test(test_net_first_old_last_new),
		cmocka_unit_test(test_net_added_and_removed),
		cmocka_unit_test(test_net_undone_removal_is_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
