/* Tests of change detection (watch) and presence records, in a scratch
 * directory under the build tree (never /tmp). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charterdash/store/presence.h"
#include "charterdash/store/watch.h"

static char scratch[256];

static int make_scratch(void **state)
{
	(void)state;
	snprintf(scratch, sizeof scratch, "build-test-watch.%ld", (long)getpid());
	return mkdir(scratch, 0755);
}

static int remove_scratch(void **state)
{
	(void)state;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "%s/data.yaml", scratch);
	unlink(cmd);
	snprintf(cmd, sizeof cmd, "%s/other.yaml", scratch);
	unlink(cmd);
	return rmdir(scratch);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* Waits (bounded) for the watch descriptor to become readable. */
static bool wait_readable(const struct watch *w)
{
	if (watch_fd(w) < 0)
		return true; /* a polling build: nothing to wait for */
	struct pollfd pfd = { .fd = watch_fd(w), .events = POLLIN };
	return poll(&pfd, 1, 5000) == 1;
}

static void test_rename_over_is_seen(void **state)
{
	(void)state;
	char path[300], tmp[300];
	snprintf(path, sizeof path, "%s/data.yaml", scratch);
	snprintf(tmp, sizeof tmp, "%s/.data.yaml.new", scratch);
	write_file(path, "a: 1\n");
	struct watch w;
	assert_true(watch_open(&w, path));
#if HAVE_INOTIFY
	assert_true(watch_fd(&w) >= 0);
#else
	assert_int_equal(watch_fd(&w), -1); /* this build polls: the same must hold */
#endif
	assert_false(watch_changed(&w));

	/* Another file in the directory is not our change. */
	char other[300];
	snprintf(other, sizeof other, "%s/other.yaml", scratch);
	write_file(other, "x");
	assert_true(wait_readable(&w));
	assert_false(watch_changed(&w));

	/* A save by rename, as charterdash, vim and git do. */
	write_file(tmp, "a: 2\n");
	assert_int_equal(rename(tmp, path), 0);
	assert_true(wait_readable(&w));
	assert_true(watch_changed(&w));
	assert_false(watch_changed(&w)); /* drained */
	watch_close(&w);
}

static void test_content_comparison(void **state)
{
	(void)state;
	struct watch w;
	char path[300];
	snprintf(path, sizeof path, "%s/data.yaml", scratch);
	write_file(path, "a: 1\n");
	assert_true(watch_open(&w, path));
	watch_set_content(&w, "a: 1\n", 5);
	assert_true(watch_same_content(&w, "a: 1\n", 5));
	assert_false(watch_same_content(&w, "a: 2\n", 5));
	assert_false(watch_same_content(&w, "a: 1\n\n", 6));
	watch_close(&w);
}

static void test_polling_fallback(void **state)
{
	(void)state;
	struct watch w;
	char path[300];
	snprintf(path, sizeof path, "%s/data.yaml", scratch);
	write_file(path, "a: 1\n");
	assert_true(watch_open(&w, path));
	if (w.fd >= 0)
		close(w.fd); /* as if inotify were unavailable */
	w.fd = -1;
	assert_false(watch_changed(&w));
	write_file(path, "a: 22\n"); /* size differs: seen whatever the clock */
	assert_true(watch_changed(&w));
	assert_false(watch_changed(&w));
	/* a save by rename: the same size, a new inode */
	char tmp[300];
	snprintf(tmp, sizeof tmp, "%s/.data.yaml.new", scratch);
	write_file(tmp, "a: 33\n");
	assert_int_equal(rename(tmp, path), 0);
	assert_true(watch_changed(&w));
	assert_false(watch_changed(&w));
	watch_close(&w);
}

static void test_presence(void **state)
{
	(void)state;
	char path[300];
	snprintf(path, sizeof path, "%s/data.yaml", scratch);
	write_file(path, "a: 1\n");
	struct presence a, b;
	char names[256];
	assert_true(presence_join(&a, path, "amina", "srv1", 0640));
	assert_int_equal(presence_others(&a, time(NULL), names, sizeof names), 0);
	assert_true(presence_join(&b, path, "john", "srv2", 0640));
	assert_int_equal(presence_others(&a, time(NULL), names, sizeof names), 1);
	assert_string_equal(names, "john@srv2");
	assert_int_equal(presence_others(&b, time(NULL), names, sizeof names), 1);
	assert_string_equal(names, "amina@srv1");

	/* Records are no more permissive than the data file. */
	struct stat st;
	assert_int_equal(stat(b.self, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	assert_int_equal(stat(b.dir, &st), 0);
	assert_int_equal(st.st_mode & 0002, 0);

	/* A stale record (a dropped session) is ignored and cleaned up. */
	assert_int_equal(presence_others(&a, time(NULL) + PRESENCE_STALE + 5, names, sizeof names), 0);
	assert_int_equal(access(b.self, F_OK), -1);
	presence_leave(&b);
	presence_leave(&a);
	char dir[300];
	snprintf(dir, sizeof dir, "%s/.data.yaml.presence", scratch);
	assert_int_equal(access(dir, F_OK), -1); /* the last one out removes it */
}

int main(void)
{
	umask(022);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rename_over_is_seen),
		cmocka_unit_test(test_content_comparison),
		cmocka_unit_test(test_polling_fallback),
		cmocka_unit_test(test_presence),
	};
	return cmocka_run_group_tests(tests, make_scratch, remove_scratch);
}
