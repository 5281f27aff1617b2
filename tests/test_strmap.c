/* test_strmap — the string → uint32 map behind anchors and id checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "charterdash/core/strmap.h"

static void test_empty_map_finds_nothing(void **state)
{
	(void)state;
	struct strmap map;
	strmap_init(&map);
	uint32_t v = 7;
	assert_false(strmap_get(&map, "", &v));
	assert_false(strmap_get(&map, "missing", &v));
	assert_int_equal(v, 7); /* untouched on a miss */
	strmap_fini(&map);
	strmap_fini(&map); /* fini leaves an empty map: a second call is safe */
}

static void test_put_get_replace(void **state)
{
	(void)state;
	struct strmap map;
	strmap_init(&map);
	assert_true(strmap_put(&map, "economy", 1));
	assert_true(strmap_put(&map, "energy", 2));
	assert_true(strmap_put(&map, "", 3)); /* the empty key is a key */
	assert_int_equal(map.count, 3);

	uint32_t v = 0;
	assert_true(strmap_get(&map, "economy", &v));
	assert_int_equal(v, 1);
	assert_true(strmap_get(&map, "energy", &v));
	assert_int_equal(v, 2);
	assert_true(strmap_get(&map, "", &v));
	assert_int_equal(v, 3);
	assert_false(strmap_get(&map, "econom", &v));
	assert_false(strmap_get(&map, "economy ", &v));
	assert_true(strmap_get(&map, "energy", NULL)); /* value pointer optional */

	/* Replacing keeps one entry and changes the value. */
	assert_true(strmap_put(&map, "economy", 42));
	assert_int_equal(map.count, 3);
	assert_true(strmap_get(&map, "economy", &v));
	assert_int_equal(v, 42);
	strmap_fini(&map);
}

static void test_utf8_keys(void **state)
{
	(void)state;
	struct strmap map;
	strmap_init(&map);
	assert_true(strmap_put(&map, "İlham", 1));
	assert_true(strmap_put(&map, "ilham", 2));
	assert_true(strmap_put(&map, "😀", 3));
	uint32_t v;
	assert_true(strmap_get(&map, "İlham", &v));
	assert_int_equal(v, 1);
	assert_true(strmap_get(&map, "ilham", &v));
	assert_int_equal(v, 2);
	assert_true(strmap_get(&map, "😀", &v));
	assert_int_equal(v, 3);
	strmap_fini(&map);
}

/* The map copies keys: a caller may reuse (or free) its buffer. */
static void test_keys_are_copied(void **state)
{
	(void)state;
	struct strmap map;
	strmap_init(&map);
	char buf[32];
	for (uint32_t i = 0; i < 100; i++) {
		snprintf(buf, sizeof buf, "key-%u", i);
		assert_true(strmap_put(&map, buf, i));
	}
	memset(buf, 'x', sizeof buf - 1);
	buf[sizeof buf - 1] = '\0';
	assert_false(strmap_get(&map, buf, NULL));
	for (uint32_t i = 0; i < 100; i++) {
		char key[32];
		uint32_t v;
		snprintf(key, sizeof key, "key-%u", i);
		assert_true(strmap_get(&map, key, &v));
		assert_int_equal(v, i);
	}
	strmap_fini(&map);
}

/* Many thousands of keys: the table grows several times and key storage
 * spans many chunks (long keys force chunks bigger than the default). */
static void test_growth(void **state)
{
	(void)state;
	enum { N = 50000 };
	struct strmap map;
	strmap_init(&map);
	char key[64];
	for (uint32_t i = 0; i < N; i++) {
		snprintf(key, sizeof key, "milestone-%u-%u", i, i * 2654435761u);
		assert_true(strmap_put(&map, key, i));
	}
	assert_int_equal(map.count, N);
	assert_true(map.cap >= N);
	assert_true(map.count * 4 <= map.cap * 3); /* load factor kept */

	/* A key longer than a storage chunk. */
	static char huge[100 * 1024];
	memset(huge, 'k', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	assert_true(strmap_put(&map, huge, 123));

	for (uint32_t i = 0; i < N; i++) {
		uint32_t v = UINT32_MAX;
		snprintf(key, sizeof key, "milestone-%u-%u", i, i * 2654435761u);
		assert_true(strmap_get(&map, key, &v));
		assert_int_equal(v, i);
	}
	uint32_t v;
	assert_true(strmap_get(&map, huge, &v));
	assert_int_equal(v, 123);
	huge[sizeof huge - 2] = 'j';
	assert_false(strmap_get(&map, huge, &v));
	assert_false(strmap_get(&map, "milestone-50000-0", &v));
	strmap_fini(&map);
}

/* Keys whose hashes collide in the low bits still probe correctly: with
 * sequential short keys some share a slot in a 16-slot table. */
static void test_collisions_before_growth(void **state)
{
	(void)state;
	struct strmap map;
	strmap_init(&map);
	const char *keys[] = { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l" };
	for (uint32_t i = 0; i < 12; i++)
		assert_true(strmap_put(&map, keys[i], i));
	for (uint32_t i = 0; i < 12; i++) {
		uint32_t v;
		assert_true(strmap_get(&map, keys[i], &v));
		assert_int_equal(v, i);
	}
	assert_false(strmap_get(&map, "m", NULL));
	strmap_fini(&map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_map_finds_nothing),
		cmocka_unit_test(test_put_get_replace),
		cmocka_unit_test(test_utf8_keys),
		cmocka_unit_test(test_keys_are_copied),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_collisions_before_growth),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
