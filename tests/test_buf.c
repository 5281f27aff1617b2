/* test_buf — the growable byte buffer and buf_grow_array (the one
 * grow-by-doubling step of the arrays in the core, the store and the UI). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "charterdash/core/buf.h"

static void test_buf_appends_and_takes(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "abc");
	buf_putc(&b, '-');
	buf_repeat(&b, 'x', 3);
	buf_append(&b, "yz!", 2);
	size_t len = 0;
	char *text = buf_take(&b, &len);
	assert_string_equal(text, "abc-xxxyz");
	assert_int_equal(len, 9);
	assert_null(b.data); /* taken: b is empty again */
	free(text);
	buf_fini(&b);
}

/* Room for one more each time: the first growth to `first`, then doubling;
 * the items stay where they were put. */
static void test_grow_array_doubles(void **state)
{
	(void)state;
	int *v = NULL;
	size_t cap = 0, n = 0, caps[6], k = 0;
	for (int i = 0; i < 40; i++) {
		int *grown = buf_grow_array(v, &cap, n, sizeof *v, 4);
		assert_non_null(grown);
		v = grown;
		if (k == 0 || caps[k - 1] != cap)
			caps[k++] = cap;
		v[n++] = i;
	}
	assert_int_equal(k, 5);
	assert_int_equal(caps[0], 4);
	assert_int_equal(caps[1], 8);
	assert_int_equal(caps[4], 64);
	for (int i = 0; i < 40; i++)
		assert_int_equal(v[i], i);
	/* with room left, the array itself, capacity unchanged */
	assert_ptr_equal(buf_grow_array(v, &cap, 41, sizeof *v, 4), v);
	assert_int_equal(cap, 64);
	free(v);
}

/* A size that would overflow: NULL, and the array and capacity as they were. */
static void test_grow_array_refuses_overflow(void **state)
{
	(void)state;
	char *v = malloc(4);
	assert_non_null(v);
	memcpy(v, "abc", 4);
	size_t cap = 4;
	assert_null(buf_grow_array(v, &cap, 4, (size_t)-1 / 4, 4));
	assert_int_equal(cap, 4);
	assert_string_equal(v, "abc");
	size_t huge = (size_t)-1 / 2 + 1;
	assert_null(buf_grow_array(v, &huge, huge, 1, 4));
	assert_int_equal(huge, (size_t)-1 / 2 + 1);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_appends_and_takes),
		cmocka_unit_test(test_grow_array_doubles),
		cmocka_unit_test(test_grow_array_refuses_overflow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
