/* Tests of the line editor's buffer: UTF-8 movement and deletion by
 * character, wide characters, horizontal scrolling, a 10,000-character
 * paste, the length limit. No terminal. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "charterdash/core/lineedit.h"
#include "charterdash/core/text.h"

static void test_init_and_insert(void **state)
{
	(void)state;
	struct lineedit le;
	assert_true(lineedit_init(&le, "abc"));
	assert_string_equal(lineedit_text(&le), "abc");
	assert_int_equal(le.cur, 3);
	assert_true(lineedit_insert_char(&le, L'd'));
	assert_true(lineedit_insert_char(&le, 0x00E9)); /* é */
	assert_true(lineedit_insert_char(&le, 0x4E2D)); /* 中 */
	assert_true(lineedit_insert_char(&le, 0x1F600));
	assert_string_equal(lineedit_text(&le), "abcd\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80");
	assert_false(lineedit_insert_char(&le, 0xD800)); /* a lone surrogate */
	lineedit_fini(&le);
	assert_true(lineedit_init(&le, NULL));
	assert_string_equal(lineedit_text(&le), "");
	lineedit_fini(&le);
}

static void test_movement_by_character(void **state)
{
	(void)state;
	struct lineedit le;
	/* a é(2 bytes) 中(3) e+combining acute(1+2) z */
	assert_true(lineedit_init(&le, "a\xc3\xa9\xe4\xb8\xad" "e\xcc\x81z"));
	size_t end = le.len;
	assert_true(lineedit_left(&le));
	assert_int_equal(le.cur, end - 1);
	assert_true(lineedit_left(&le)); /* over e + the combining mark together */
	assert_int_equal(le.cur, 6);
	assert_true(lineedit_left(&le));
	assert_int_equal(le.cur, 3);
	assert_true(lineedit_left(&le));
	assert_int_equal(le.cur, 1);
	assert_true(lineedit_left(&le));
	assert_int_equal(le.cur, 0);
	assert_false(lineedit_left(&le));
	assert_true(lineedit_right(&le));
	assert_true(lineedit_right(&le));
	assert_int_equal(le.cur, 3);
	assert_true(lineedit_right(&le));
	assert_true(lineedit_right(&le)); /* e + mark */
	assert_int_equal(le.cur, 9);
	assert_true(lineedit_end(&le));
	assert_false(lineedit_right(&le));
	assert_false(lineedit_end(&le));
	assert_true(lineedit_home(&le));
	assert_false(lineedit_home(&le));
	lineedit_fini(&le);
}

static void test_deletion(void **state)
{
	(void)state;
	struct lineedit le;
	assert_true(lineedit_init(&le, "Zürich \xe4\xb8\xad\xe6\x96\x87 text"));
	assert_true(lineedit_backspace(&le));
	assert_string_equal(lineedit_text(&le), "Zürich \xe4\xb8\xad\xe6\x96\x87 tex");
	assert_true(lineedit_kill_word(&le)); /* "tex" */
	assert_string_equal(lineedit_text(&le), "Zürich \xe4\xb8\xad\xe6\x96\x87 ");
	assert_true(lineedit_kill_word(&le)); /* the space, then 中文 */
	assert_string_equal(lineedit_text(&le), "Zürich ");
	assert_true(lineedit_home(&le));
	assert_false(lineedit_backspace(&le));
	assert_false(lineedit_kill_start(&le));
	assert_true(lineedit_right(&le));
	assert_true(lineedit_delete(&le)); /* ü, both bytes */
	assert_string_equal(lineedit_text(&le), "Zrich ");
	assert_true(lineedit_kill_end(&le));
	assert_string_equal(lineedit_text(&le), "Z");
	assert_false(lineedit_delete(&le));
	assert_true(lineedit_kill_start(&le));
	assert_string_equal(lineedit_text(&le), "");
	assert_int_equal(le.cur, 0);
	assert_false(lineedit_kill_word(&le));
	/* Ctrl-U keeps what is after the cursor */
	assert_true(lineedit_set(&le, "abc def"));
	assert_true(lineedit_left(&le));
	assert_true(lineedit_left(&le));
	assert_true(lineedit_kill_start(&le));
	assert_string_equal(lineedit_text(&le), "ef");
	assert_int_equal(le.cur, 0);
	lineedit_fini(&le);
}

static void test_invalid_bytes(void **state)
{
	(void)state;
	struct lineedit le;
	assert_true(lineedit_init(&le, "a\xff\xc3z"));
	assert_true(lineedit_backspace(&le));
	assert_true(lineedit_backspace(&le)); /* \xc3 alone */
	assert_true(lineedit_backspace(&le)); /* \xff alone */
	assert_string_equal(lineedit_text(&le), "a");
	lineedit_fini(&le);
}

/* The window's text fits, and the cursor is inside it. */
static void check_window(struct lineedit *le, size_t cols)
{
	struct lineedit_window w;
	lineedit_window(le, cols, &w);
	assert_true(w.start <= le->cur);
	assert_true(w.start + w.len <= le->len);
	assert_true(text_width_n(le->buf + w.start, w.len) <= cols);
	assert_int_equal(w.cursor_col, text_width_n(le->buf + w.start, le->cur - w.start));
	assert_true(w.cursor_col < cols);
	assert_int_equal(w.more_left, w.start > 0);
	assert_int_equal(w.more_right, w.start + w.len < le->len);
}

static void test_window_scrolls(void **state)
{
	(void)state;
	struct lineedit le;
	assert_true(lineedit_init(&le, "short"));
	struct lineedit_window w;
	lineedit_window(&le, 20, &w);
	assert_int_equal(w.start, 0);
	assert_int_equal(w.len, 5);
	assert_int_equal(w.cursor_col, 5);
	assert_false(w.more_left);
	assert_false(w.more_right);
	/* wide characters: 30 of them, 60 columns, in 11 columns */
	lineedit_set(&le, "");
	for (int i = 0; i < 30; i++)
		assert_true(lineedit_insert_char(&le, 0x4E2D));
	check_window(&le, 11);
	lineedit_window(&le, 11, &w);
	assert_true(w.more_left);
	assert_false(w.more_right);
	for (int i = 0; i < 30; i++) {
		lineedit_left(&le);
		check_window(&le, 11);
	}
	lineedit_window(&le, 11, &w);
	assert_int_equal(w.start, 0);
	assert_true(w.more_right);
	for (int i = 0; i < 30; i++) {
		lineedit_right(&le);
		check_window(&le, 11);
	}
	for (size_t cols = 1; cols < 5; cols++)
		check_window(&le, cols);
	/* deleting before the window keeps it valid */
	lineedit_kill_start(&le);
	check_window(&le, 11);
	lineedit_fini(&le);
}

static void test_paste_10000(void **state)
{
	(void)state;
	struct lineedit le;
	assert_true(lineedit_init(&le, ""));
	clock_t t0 = clock();
	for (int i = 0; i < 10000; i++) {
		assert_true(lineedit_insert_char(&le, i % 3 ? L'x' : 0x00E9));
		check_window(&le, 60); /* redrawn after every key */
	}
	for (int i = 0; i < 5000; i++) {
		lineedit_left(&le);
		check_window(&le, 60);
	}
	lineedit_home(&le);
	check_window(&le, 60);
	lineedit_end(&le);
	check_window(&le, 60);
	/* linear work takes milliseconds; quadratic would take seconds (under
	 * valgrind everything is ~50x slower) */
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	const char *vg = getenv("VALGRIND");
	assert_true(secs < (vg && *vg == '1' ? 60.0 : 2.0));
	assert_int_equal(le.len, 10000 + 3334);
	lineedit_fini(&le);
}

static void test_limit(void **state)
{
	(void)state;
	struct lineedit le;
	assert_true(lineedit_init(&le, ""));
	char chunk[1024];
	memset(chunk, 'a', sizeof chunk);
	size_t n = 0;
	while (lineedit_insert(&le, chunk, sizeof chunk))
		n++;
	assert_int_equal(n, LINEEDIT_MAX / sizeof chunk);
	assert_int_equal(le.len, LINEEDIT_MAX);
	assert_false(lineedit_insert_char(&le, L'b'));
	assert_true(lineedit_backspace(&le));
	assert_true(lineedit_insert_char(&le, L'b'));
	lineedit_fini(&le);
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "C.utf8")) {
		fprintf(stderr, "test_lineedit: no UTF-8 locale\n");
		return 1;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_and_insert),
		cmocka_unit_test(test_movement_by_character),
		cmocka_unit_test(test_deletion),
		cmocka_unit_test(test_invalid_bytes),
		cmocka_unit_test(test_window_scrolls),
		cmocka_unit_test(test_paste_10000),
		cmocka_unit_test(test_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
