/* test_edit — fields, value checks and proposed ids. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "charterdash/core/edit.h"
#include "charterdash/core/utf8.h"

#include "support.h"

static void test_fields(void **state)
{
	(void)state;
	for (int f = 0; f < FIELD_COUNT; f++) {
		enum field back;
		assert_true(field_parse(field_name((enum field)f), &back));
		assert_int_equal(back, f);
	}
	enum field f;
	assert_false(field_parse("Status", &f));
	assert_false(field_parse("", &f));
	assert_true(field_is_required(FIELD_TITLE) && field_is_required(FIELD_STATUS));
	assert_false(field_is_required(FIELD_OWNER) || field_is_required(FIELD_DUE) || field_is_required(FIELD_NOTES));
}

static void expect_bad(enum field f, const char *value, const char *because)
{
	char why[256] = "";
	assert_false(edit_check_value(f, value, why, sizeof why));
	if (!strstr(why, because))
		print_message("why: %s\n", why);
	assert_non_null(strstr(why, because));
}

static void test_check_value(void **state)
{
	(void)state;
	char why[256];
	assert_true(edit_check_value(FIELD_STATUS, "blocked", why, sizeof why));
	assert_true(edit_check_value(FIELD_DUE, "2028-02-29", why, sizeof why));
	assert_true(edit_check_value(FIELD_OWNER, NULL, why, sizeof why));
	assert_true(edit_check_value(FIELD_NOTES, "", why, sizeof why));
	assert_true(edit_check_value(FIELD_TITLE, "Azərbaycan 🚀\ttab\nline", why, sizeof why));
	expect_bad(FIELD_STATUS, "Done", "not one of: not_started, in_progress, blocked, done");
	expect_bad(FIELD_STATUS, "", "status cannot be empty");
	expect_bad(FIELD_TITLE, NULL, "title cannot be empty");
	expect_bad(FIELD_TITLE, " \t\xC2\xA0 ", "title cannot be empty");
	expect_bad(FIELD_DUE, "2026-02-30", "February 2026 has 28 days");
	expect_bad(FIELD_DUE, "2026-2-3", "YYYY-MM-DD");
	expect_bad(FIELD_OWNER, "ok\xff", "owner is not valid UTF-8 (byte 0xFF at byte 3)");
	expect_bad(FIELD_NOTES, "\xed\xa0\x80", "not valid UTF-8");
	char *big = malloc((1u << 20) + 2);
	assert_non_null(big);
	memset(big, 'x', (1u << 20) + 1);
	big[(1u << 20) + 1] = '\0';
	expect_bad(FIELD_NOTES, big, "longer than 1 MiB");
	free(big);
}

static void test_check_id(void **state)
{
	(void)state;
	char why[256];
	assert_true(edit_check_id("energy-roadmap", why, sizeof why));
	assert_true(edit_check_id("yol-xəritəsi", why, sizeof why));
	assert_false(edit_check_id("", why, sizeof why));
	assert_false(edit_check_id("two words", why, sizeof why));
	assert_false(edit_check_id("tab\there", why, sizeof why));
	assert_false(edit_check_id("no\xC2\xA0" "break", why, sizeof why)); /* a NO-BREAK SPACE splits an id too */
	assert_false(edit_check_id("bad\xc3", why, sizeof why));
	assert_non_null(strstr(why, "UTF-8"));
}

static bool valid_utf8(const char *s)
{
	uint32_t cp;
	for (size_t n; *s; s += n)
		if ((n = utf8_next((const unsigned char *)s, &cp)) == 1 && cp == UTF8_REPLACEMENT)
			return false;
	return true;
}

static void test_propose_id(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, "charter: {title: T, signed: 2026-02-09}\n"
	         "working_groups:\n  - id: energy\n    name: E\n    milestones:\n"
	         "      - {id: energy-adopt-the-roadmap, title: A, status: done}\n"
	         "      - {id: energy-adopt-the-roadmap-2, title: A, status: done}\n");
	char *id = edit_propose_id(&c, "energy", "Adopt the roadmap!");
	assert_string_equal(id, "energy-adopt-the-roadmap-3");
	free(id);
	id = edit_propose_id(&c, "energy", "  LNG — Ümumi study 2027 ");
	assert_string_equal(id, "energy-lng-mumi-study-2027");
	free(id);
	id = edit_propose_id(&c, "energy", "—");
	assert_string_equal(id, "energy");
	free(id);
	/* A long group id is cut between characters, never inside one. */
	for (int pad = 0; pad < 4; pad++) {
		char group[80];
		snprintf(group, sizeof group, "%.*sxəxəxəxəxəxəxəxəxəxəxəxəxəxəxəxə", pad, "aaa");
		id = edit_propose_id(&c, group, "Title");
		assert_non_null(id);
		assert_true(valid_utf8(id));
		char why[128];
		assert_true(edit_check_id(id, why, sizeof why));
		free(id);
	}
	charter_fini(&c);
}

/* The group's own prefix, and a long title cut between words. */
static void test_propose_id_prefix(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, "charter: {title: T, signed: 2026-02-09}\n"
	         "working_groups:\n  - id: connectivity\n    name: C\n    milestones:\n"
	         "      - {id: conn-constitute, title: A, status: done}\n"
	         "      - {id: conn-tripp, title: B, status: done}\n"
	         "      - {id: x-other, title: C, status: done}\n"
	         "  - id: energy\n    name: E\n    milestones: []\n");
	char *id = edit_propose_id(&c, "connectivity", "Harmonise customs procedures along the Middle Corridor");
	assert_string_equal(id, "conn-harmonise-customs-procedures-along");
	assert_true(strlen(id) <= 40);
	free(id);
	id = edit_propose_id(&c, "energy", "Grid study");
	assert_string_equal(id, "energy-grid-study");
	free(id);
	/* a first word longer than the room left is cut (an id is needed) */
	id = edit_propose_id(&c, "energy", "Supercalifragilisticexpialidocious-and-more");
	assert_string_equal(id, "energy-supercalifragilisticexpialidociou");
	free(id);
	charter_fini(&c);
}

/* The editor's relative dates: resolved against today, the rest left be. */
static void test_resolve_relative(void **state)
{
	(void)state;
	char out[DATE_TEXT_SIZE] = "";
	struct date today = { 2026, 12, 2 };
	assert_true(edit_resolve_relative("+2w", today, out));
	assert_string_equal(out, "2026-12-16");
	assert_true(edit_resolve_relative("yesterday", today, out));
	assert_string_equal(out, "2026-12-01");
	assert_true(edit_resolve_relative("-1m", today, out));
	assert_string_equal(out, "2026-11-02");
	assert_false(edit_resolve_relative("2026-05-12", today, out)); /* absolute: as typed */
	assert_false(edit_resolve_relative("", today, out));
	assert_false(edit_resolve_relative(EDIT_NO_DATE, today, out));
	assert_false(edit_resolve_relative("soon", today, out)); /* edit_check_value explains */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve_relative),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_check_value),
		cmocka_unit_test(test_check_id),
		cmocka_unit_test(test_propose_id),
		cmocka_unit_test(test_propose_id_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
