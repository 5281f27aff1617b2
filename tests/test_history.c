/* test_history — the history file's JSON lines: string escaping, the flat
 * object parser (hostile input included), appending and loading back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "charterdash/core/buf.h"
#include "charterdash/store/history.h"
#include "charterdash/core/json.h"

static void expect_json(const char *value, const char *want)
{
	struct buf b;
	buf_init(&b);
	json_put_string(&b, value);
	assert_false(b.failed);
	assert_string_equal(b.data, want);
	buf_fini(&b);
}

static void test_put_string(void **state)
{
	(void)state;
	expect_json(NULL, "null");
	expect_json("", "\"\"");
	expect_json("plain", "\"plain\"");
	expect_json("q\"b\\s/", "\"q\\\"b\\\\s/\"");
	expect_json("n\nr\rt\t", "\"n\\nr\\rt\\t\"");
	expect_json("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
	/* UTF-8 passes through, but LINE SEPARATOR ends a line in JavaScript
	 * and C1 controls reach terminals through `jq -r`: escaped. */
	expect_json("Azərbaycan 🚀 \xe2\x80\xa8", "\"Azərbaycan 🚀 \\u2028\"");
	expect_json("\xc2\x85\xc2\x9b", "\"\\u0085\\u009b\"");
	/* Bytes that are not UTF-8 become U+FFFD: the line stays valid JSON. */
	expect_json("a\xff" "b\xc3", "\"a\\ufffdb\\ufffd\"");
	expect_json("\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\"");
}

/* Parses `text` from a buffer of exactly its size, so that reading past
 * its end is an error valgrind sees. */
static int parse(const char *text, const char **keys, const char **values, int max, char **owned)
{
	size_t n = strlen(text) + 1;
	*owned = malloc(n);
	assert_non_null(*owned);
	memcpy(*owned, text, n);
	return json_parse_flat(*owned, keys, values, max);
}

static void test_parse_flat(void **state)
{
	(void)state;
	const char *k[8], *v[8];
	char *line;
	assert_int_equal(parse(" { \"a\" : \"x\" , \"b\":null,\"c\":\"\\u00e9\\ud83d\\ude80\\n\\\"\\/\"}", k, v, 8, &line), 3);
	assert_string_equal(k[0], "a");
	assert_string_equal(v[0], "x");
	assert_null(v[1]);
	assert_string_equal(v[2], "é🚀\n\"/");
	free(line);
	assert_int_equal(parse("{}", k, v, 8, &line), 0);
	free(line);
	/* More pairs than room: the first `max` are returned. */
	assert_int_equal(parse("{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}", k, v, 2, &line), 2);
	assert_string_equal(v[1], "2");
	free(line);
	/* \u0000 and lone surrogates become U+FFFD, never a cut string or bad UTF-8. */
	assert_int_equal(parse("{\"a\":\"x\\u0000y\",\"b\":\"\\ud800z\",\"c\":\"\\udc00\"}", k, v, 8, &line), 3);
	assert_string_equal(v[0], "x\xef\xbf\xbdy");
	assert_string_equal(v[1], "\xef\xbf\xbdz");
	assert_string_equal(v[2], "\xef\xbf\xbd");
	free(line);
	static const char *const bad[] = {
		"", "[]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1}", "{\"a\":\"x\"", "{\"a\":\"x\",}", "{a:\"x\"}",
		"{\"a\":\"\\q\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u", "{\"a\":\"\\u1", "{\"a\":\"\\", "{\"a\":\"x",
		"{\"a\":nul}", "{\"a\":\"x\" \"b\":\"y\"}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int n = parse(bad[i], k, v, 8, &line);
		if (n != -1)
			print_message("accepted: %s\n", bad[i]);
		assert_int_equal(n, -1);
		free(line);
	}
}

static void test_format_time(void **state)
{
	(void)state;
	char t[24];
	history_format_time(0, t);
	assert_string_equal(t, "1970-01-01T00:00:00Z");
	history_format_time(1795720800, t); /* 2026-11-26 19:20:00 UTC */
	assert_string_equal(t, "2026-11-26T19:20:00Z");
}

static void test_append_and_load(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_history.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char data[64], path[80];
	snprintf(data, sizeof data, "%s/c.yaml", dir);
	char *hist = history_path(data);
	assert_non_null(hist);
	snprintf(path, sizeof path, "%s.history", data);
	assert_string_equal(hist, path);

	struct history h;
	char why[256];
	assert_true(history_load(&h, hist, why, sizeof why)); /* missing: empty */
	assert_int_equal(h.count, 0);
	history_fini(&h);

	struct history_entry e = { .user = "amina", .host = "srv1", .id = "energy-roadmap", .group = "energy",
	                           .field = "status", .old_value = "in_progress", .new_value = "done" };
	history_format_time(1795720800, e.time);
	struct stat data_st = { .st_mode = 0640, .st_uid = geteuid(), .st_gid = getegid() };
	mode_t old_umask = umask(0);
	assert_true(history_append(hist, &e, &data_st, why, sizeof why));
	umask(old_umask);
	struct stat st;
	assert_int_equal(stat(hist, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	struct history_entry odd = { .user = "böb \"q\"", .host = "h", .id = "m-ə", .group = NULL,
	                             .field = "notes", .old_value = NULL, .new_value = "two\nlines\twith \\ and \x01" };
	history_format_time(1795720860, odd.time);
	assert_true(history_append(hist, &odd, &data_st, why, sizeof why));
	/* A line that is not an entry is counted and skipped, not fatal. */
	FILE *f = fopen(hist, "a");
	assert_non_null(f);
	fputs("not json\n\n{\"time\":\"x\"}\n", f);
	fclose(f);
	assert_true(history_append(hist, &e, &data_st, why, sizeof why));

	assert_true(history_load(&h, hist, why, sizeof why));
	assert_int_equal(h.count, 3);
	assert_int_equal(h.skipped, 2);
	assert_string_equal(h.entries[0].time, "2026-11-26T19:20:00Z");
	assert_string_equal(h.entries[0].user, "amina");
	assert_string_equal(h.entries[0].group, "energy");
	assert_string_equal(h.entries[0].old_value, "in_progress");
	assert_string_equal(h.entries[1].user, "böb \"q\"");
	assert_string_equal(h.entries[1].id, "m-ə");
	assert_null(h.entries[1].group);
	assert_null(h.entries[1].old_value);
	assert_string_equal(h.entries[1].new_value, "two\nlines\twith \\ and \x01");
	assert_string_equal(h.entries[2].new_value, "done");
	history_fini(&h);

	/* A symlink at the history's name is not followed. */
	assert_int_equal(unlink(hist), 0);
	assert_int_equal(symlink("elsewhere", hist), 0);
	assert_false(history_append(hist, &e, &data_st, why, sizeof why));
	assert_non_null(strstr(why, "cannot append"));
	snprintf(path, sizeof path, "%s/elsewhere", dir);
	assert_int_not_equal(access(path, F_OK), 0);

	char cmd[96];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(hist);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_string),
		cmocka_unit_test(test_parse_flat),
		cmocka_unit_test(test_format_time),
		cmocka_unit_test(test_append_and_load),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
