/* Tests of the UTF-8 helpers every writer and checker shares. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "charterdash/core/utf8.h"

static void test_next(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(utf8_next((const unsigned char *)"a", &cp), 1);
	assert_int_equal(cp, 'a');
	assert_int_equal(utf8_next((const unsigned char *)"\xC9\x99", &cp), 2); /* ə */
	assert_int_equal(cp, 0x259);
	assert_int_equal(utf8_next((const unsigned char *)"\xE2\x80\x94", &cp), 3); /* — */
	assert_int_equal(cp, 0x2014);
	assert_int_equal(utf8_next((const unsigned char *)"\xF0\x9F\x98\x80", &cp), 4); /* 😀 */
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(utf8_next((const unsigned char *)"", &cp), 0);
	/* Invalid forms read as one U+FFFD byte, so walks resynchronise. */
	static const char *const bad[] = {
		"\xFF", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC3", "\xE2\x80",
		"\x80",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(utf8_next((const unsigned char *)bad[i], &cp), 1);
		assert_int_equal(cp, UTF8_REPLACEMENT);
	}
	/* A real U+FFFD is three valid bytes. */
	assert_int_equal(utf8_next((const unsigned char *)UTF8_REPLACEMENT_TEXT, &cp), 3);
	assert_int_equal(cp, UTF8_REPLACEMENT);
}

static void test_control(void **state)
{
	(void)state;
	assert_true(utf8_is_control(0));
	assert_true(utf8_is_control(0x1B));
	assert_true(utf8_is_control(0x7F));
	assert_true(utf8_is_control(0x85));
	assert_true(utf8_is_control(0x9F));
	assert_false(utf8_is_control(' '));
	assert_false(utf8_is_control(0xA0));
	assert_false(utf8_is_control(0x259));
}

static void test_spaces(void **state)
{
	(void)state;
	assert_int_equal(utf8_space_length(" "), 1);
	assert_int_equal(utf8_space_length("\t"), 1);
	assert_int_equal(utf8_space_length("\xC2\xA0"), 2);     /* NO-BREAK SPACE */
	assert_int_equal(utf8_space_length("\xE2\x80\x83"), 3); /* EM SPACE */
	assert_int_equal(utf8_space_length("\xE2\x80\xA8"), 3); /* LINE SEPARATOR */
	assert_int_equal(utf8_space_length("\xE3\x80\x80"), 3); /* IDEOGRAPHIC SPACE */
	assert_int_equal(utf8_space_length("a"), 0);
	assert_int_equal(utf8_space_length("\xE2\x80\x94"), 0); /* EM DASH is no space */
	assert_true(utf8_is_blank(""));
	assert_true(utf8_is_blank(" \t\xC2\xA0 "));
	assert_false(utf8_is_blank("  x "));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next),
		cmocka_unit_test(test_control),
		cmocka_unit_test(test_spaces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
