/* test_fsio — the shared file and string helpers (fsio.h, strutil.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "charterdash/core/fsio.h"
#include "charterdash/core/strutil.h"

/* A stream holding `text` (a temporary file, already unlinked). */
static FILE *stream_of(const char *text, size_t len)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	rewind(f);
	return f;
}

static void read_all_whatever_the_hint(void **state)
{
	(void)state;
	const char text[] = "charter:\n  title: T\n";
	size_t hints[] = { 0, 1, sizeof text - 1, sizeof text, 1000 };
	for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++) {
		FILE *f = stream_of(text, sizeof text - 1);
		size_t len = 99;
		char *got = fsio_read_all(f, hints[i], 1 << 20, &len);
		fclose(f);
		assert_non_null(got);
		assert_int_equal(len, sizeof text - 1);
		assert_string_equal(got, text);
		free(got);
	}
}

static void read_all_grows_past_4096(void **state)
{
	(void)state;
	size_t n = 10000;
	char *text = malloc(n);
	assert_non_null(text);
	for (size_t i = 0; i < n; i++)
		text[i] = (char)('a' + i % 26);
	FILE *f = stream_of(text, n);
	size_t len;
	char *got = fsio_read_all(f, 0, 1 << 20, &len);
	fclose(f);
	assert_non_null(got);
	assert_int_equal(len, n);
	assert_memory_equal(got, text, n);
	assert_int_equal(got[n], '\0');
	free(got);
	free(text);
}

static void read_all_keeps_nul_bytes_and_empty_files(void **state)
{
	(void)state;
	FILE *f = stream_of("a\0b", 3);
	size_t len;
	char *got = fsio_read_all(f, 3, 100, &len);
	fclose(f);
	assert_non_null(got);
	assert_int_equal(len, 3);
	assert_memory_equal(got, "a\0b", 4);
	free(got);
	f = stream_of("", 0);
	got = fsio_read_all(f, 0, 100, &len);
	fclose(f);
	assert_non_null(got);
	assert_int_equal(len, 0);
	assert_string_equal(got, "");
	free(got);
}

static void read_all_refuses_more_than_max(void **state)
{
	(void)state;
	char text[9000];
	memset(text, 'x', sizeof text);
	FILE *f = stream_of(text, sizeof text);
	size_t len = 7;
	errno = 0;
	assert_null(fsio_read_all(f, 0, 5000, &len));
	assert_int_equal(errno, EFBIG);
	assert_int_equal(len, 7);
	fclose(f);
}

static void write_all_writes_everything(void **state)
{
	(void)state;
	FILE *f = tmpfile();
	assert_non_null(f);
	char text[100000];
	for (size_t i = 0; i < sizeof text; i++)
		text[i] = (char)i;
	assert_true(fsio_write_all(fileno(f), text, sizeof text));
	rewind(f);
	size_t len;
	char *got = fsio_read_all(f, 0, 1 << 20, &len);
	assert_non_null(got);
	assert_int_equal(len, sizeof text);
	assert_memory_equal(got, text, sizeof text);
	free(got);
	fclose(f);
	errno = 0;
	assert_false(fsio_write_all(-1, "x", 1));
	assert_int_equal(errno, EBADF);
}

static void dir_of_paths(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "charter.yaml", "." }, { "/charter.yaml", "/" }, { "data/charter.yaml", "data" },
		{ "/srv/a/charter.yaml", "/srv/a" }, { "./c", "." },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *dir = fsio_dir_of(cases[i][0]);
		assert_non_null(dir);
		assert_string_equal(dir, cases[i][1]);
		free(dir);
	}
}

static void strings_that_may_be_absent(void **state)
{
	(void)state;
	assert_true(str_same(NULL, NULL));
	assert_true(str_same("a", "a"));
	assert_false(str_same(NULL, ""));
	assert_false(str_same("", NULL));
	assert_false(str_same("a", "b"));
	bool ok = true;
	assert_null(str_dup_opt(NULL, &ok));
	char *d = str_dup_opt("text", &ok);
	assert_true(ok);
	assert_string_equal(d, "text");
	free(d);
}

/* An editor's or pager's command split into an argument vector. */
static void command_words(void **state)
{
	(void)state;
	char cmd[] = "  vim -u  NONE ", one[] = "less", none[] = "   ";
	char *argv[4];
	assert_int_equal(str_split_words(cmd, argv, 4), 3);
	assert_string_equal(argv[0], "vim");
	assert_string_equal(argv[1], "-u");
	assert_string_equal(argv[2], "NONE");
	assert_null(argv[3]);
	char *small[3];
	char more[] = "a b c d";
	assert_int_equal(str_split_words(more, small, 3), 2); /* room for the NULL */
	assert_null(small[2]);
	assert_int_equal(str_split_words(one, argv, 4), 1);
	assert_string_equal(argv[0], "less");
	assert_int_equal(str_split_words(none, argv, 4), 0);
	assert_null(argv[0]);
}

/* str_short: a value on one line for a message, cut at a character. */
static void short_values(void **state)
{
	(void)state;
	char out[64];
	str_short("plain", 40, out, sizeof out);
	assert_string_equal(out, "plain");
	str_short("two\nlines\tand a tab", 40, out, sizeof out);
	assert_string_equal(out, "two lines and a tab");
	str_short("abcdefghij", 4, out, sizeof out);
	assert_string_equal(out, "abcd\xe2\x80\xa6");
	/* "é" is two bytes: a cut at 2 would split it, so it keeps one byte */
	str_short("a\xc3\xa9" "b", 2, out, sizeof out);
	assert_string_equal(out, "a\xe2\x80\xa6");
	char small[8]; /* room for 4 bytes and the ellipsis */
	str_short("abcdefghij", 40, small, sizeof small);
	assert_string_equal(small, "abcd\xe2\x80\xa6");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(read_all_whatever_the_hint),
		cmocka_unit_test(read_all_grows_past_4096),
		cmocka_unit_test(read_all_keeps_nul_bytes_and_empty_files),
		cmocka_unit_test(read_all_refuses_more_than_max),
		cmocka_unit_test(write_all_writes_everything),
		cmocka_unit_test(dir_of_paths),
		cmocka_unit_test(strings_that_may_be_absent),
		cmocka_unit_test(command_words),
		cmocka_unit_test(short_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
