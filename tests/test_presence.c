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
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* The presence directory swapped for a symlink after the dashboard joined
 * (anyone who may write where the data file is can do that): the records
 * are still read, and stale ones removed, in the directory joined, never
 * in the one the symlink names. */
static void swapped_directory_leads_nowhere(void **state)
{
	(void)state;
	char dir[] = "/tmp/presence-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[64], pdir[96], moved[96], victim[96], file[128], cmd[128];
	snprintf(path, sizeof path, "%s/charter.yaml", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
	struct presence amina;
	assert_true(presence_join(&amina, path, "amina", "srv1", 0644));
	snprintf(pdir, sizeof pdir, "%s/.charter.yaml.presence", dir);
	snprintf(moved, sizeof moved, "%s/moved", dir);
	snprintf(victim, sizeof victim, "%s/victim", dir);
	snprintf(file, sizeof file, "%s/old@report.1", victim);
	assert_int_equal(mkdir(victim, 0755), 0);
	f = fopen(file, "w"); /* looks like a stale record: an hour old */
	assert_non_null(f);
	fclose(f);
	struct timespec old[2] = { { time(NULL) - 3600, 0 }, { time(NULL) - 3600, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, file, old, 0), 0);
	assert_int_equal(rename(pdir, moved), 0);
	assert_int_equal(symlink(victim, pdir), 0);
	char others[128];
	assert_int_equal(presence_others(&amina, time(NULL), others, sizeof others), 0);
	assert_int_equal(access(file, F_OK), 0); /* not unlinked through the symlink */
	presence_refresh(&amina);
	presence_leave(&amina);
	assert_int_equal(access(file, F_OK), 0);
	snprintf(cmd, sizeof cmd, "%s/amina@srv1.%ld", moved, (long)getpid());
	assert_int_not_equal(access(cmd, F_OK), 0); /* our record went from the joined directory */
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* In a directory others can write to, a presence directory planted by a
 * user who may not change the data file is not used. */
static void planted_directory_refused(void **state)
{
	(void)state;
	if (geteuid() != 0) {
		skip(); /* needs another user to plant it: root gives it away with chown */
	}
	char dir[] = "/tmp/presence-XXXXXX";
	assert_non_null(mkdtemp(dir));
	assert_int_equal(chmod(dir, 01777), 0);
	char path[64], pdir[96], cmd[128];
	snprintf(path, sizeof path, "%s/charter.yaml", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(chmod(path, 0644), 0);
	snprintf(pdir, sizeof pdir, "%s/.charter.yaml.presence", dir);
	assert_int_equal(mkdir(pdir, 0777), 0);
	assert_int_equal(chown(pdir, 65534, 65534), 0); /* nobody's */
	struct presence amina;
	assert_false(presence_join(&amina, path, "amina", "srv1", 0644));
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(focus_text_both_ways),
		cmocka_unit_test(follow_through_records),
		cmocka_unit_test(swapped_directory_leads_nowhere),
		cmocka_unit_test(planted_directory_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
