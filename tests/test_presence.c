/* test_presence — the focus in a presence record: its text both ways, old
 * (empty) records, and following another session through the records. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* mkdtemp */
#endif
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "charterdash/store/presence.h"

static void focus_text_both_ways(void **state)
{
	(void)state;
	struct presence_focus f = { "detail", true, "energy", "energy-lng", "amina" }, back;
	char text[512];
	presence_focus_format(&f, text, sizeof text);
	assert_true(presence_focus_parse(text, &back));
	assert_string_equal(back.view, "detail");
	assert_true(back.zoom);
	assert_string_equal(back.group, "energy");
	assert_string_equal(back.milestone, "energy-lng");
	assert_string_equal(back.following, "amina");
	/* an old record is empty: no focus, not an error */
	assert_false(presence_focus_parse("", &back));
	/* later versions may add keys: ignored */
	assert_true(presence_focus_parse("charterdash-focus 1\nview help\ncolour red\nmilestone m\x01x\n", &back));
	assert_string_equal(back.view, "help");
	assert_string_equal(back.milestone, "mx"); /* control characters dropped */
	assert_string_equal(back.group, "");
}

static void follow_through_records(void **state)
{
	(void)state;
	char dir[] = "/tmp/presence-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[64], cmd[96];
	snprintf(path, sizeof path, "%s/charter.yaml", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
	struct presence amina, bob;
	assert_true(presence_join(&amina, path, "amina", "srv1", 0644));
	assert_true(presence_join(&bob, path, "bob", "srv2", 0644));
	struct presence_focus got;
	time_t now = time(NULL);
	/* joined, nothing published yet: an empty record, no focus */
	assert_false(presence_focus_of(&bob, "amina", now, &got));
	struct presence_focus lead = { "main", false, "energy", "energy-lng", "" };
	assert_true(presence_publish(&amina, &lead));
	assert_true(presence_focus_of(&bob, "amina", now, &got));
	assert_string_equal(got.milestone, "energy-lng");
	assert_false(presence_focus_of(&amina, "amina", now, &got)); /* never our own record */
	assert_int_equal(presence_followers(&amina, "amina", now), 0);
	struct presence_focus follow = { "main", false, "energy", "energy-lng", "amina" };
	assert_true(presence_publish(&bob, &follow));
	assert_int_equal(presence_followers(&amina, "amina", now), 1);
	/* the others' list still names each session once */
	char others[128];
	assert_int_equal(presence_others(&amina, now, others, sizeof others), 1);
	assert_string_equal(others, "bob@srv2");
	presence_leave(&bob);
	presence_leave(&amina);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(focus_text_both_ways),
		cmocka_unit_test(follow_through_records),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
