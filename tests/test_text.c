/* test_text — display widths, truncation, padding, wrapping and search in
 * terminal columns, under a UTF-8 locale (and the C locale for the ASCII
 * fallback). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "charterdash/core/text.h"

#define WIDE "\xe4\xb8\xad"   /* 中: two columns */
#define ACUTE "\xcc\x81"      /* combining acute accent: zero columns */
#define SCHWA "\xc9\x99"      /* ə: one column, two bytes */

static void test_width_ascii_and_utf8(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_width("Baku"), 4);
	assert_int_equal(text_width("Bak\xc4\xb1"), 4); /* Bakı */
	assert_int_equal(text_width("\xc6\x8f" "li" SCHWA "v"), 5);
	assert_int_equal(text_width(WIDE WIDE), 4);
	assert_int_equal(text_width("e" ACUTE), 1);
	assert_int_equal(text_width("a\tb"), 3); /* control: one column */
	assert_int_equal(text_width(TEXT_ELLIPSIS_UTF8), 1);
}

static void test_width_invalid_bytes(void **state)
{
	(void)state;
	assert_int_equal(text_width("\xff"), 1);
	assert_int_equal(text_width("a\xff\xfe" "b"), 4);
	assert_int_equal(text_width("\xe4\xb8"), 2); /* truncated sequence: two bad bytes */
	struct text_char c = text_decode("\xc3(", 2);
	assert_true(c.bad);
	assert_int_equal(c.len, 1);
	assert_int_equal(c.width, 1);
	c = text_decode(WIDE, 3);
	assert_false(c.bad);
	assert_int_equal(c.len, 3);
	assert_int_equal(c.width, 2);
}

/* A bidi control would reorder the line on the terminal: a visible mark. */
static void test_bidi_control_visible(void **state)
{
	(void)state;
	struct text_char c = text_decode("\xe2\x80\xae" "abc", 6);
	assert_false(c.bad);
	assert_int_equal(c.len, 3);
	assert_int_equal(c.width, 1);
	assert_int_equal(c.wc, 0xFFFD);
	c = text_decode("\xe2\x81\xa9", 3);
	assert_int_equal(c.wc, 0xFFFD);
	assert_int_equal(text_width("a\xe2\x81\xa6" "b"), 3);
	c = text_decode("\xe2\x80\x8e", 3); /* LRM is not one of them */
	assert_int_equal(c.wc, 0x200E);
}

static void test_prefix(void **state)
{
	(void)state;
	size_t w;
	assert_int_equal(text_prefix("abcdef", 6, 3, &w), 3);
	assert_int_equal(w, 3);
	/* never splits a double-width character: 3 columns hold one 中 */
	assert_int_equal(text_prefix(WIDE WIDE, 6, 3, &w), 3);
	assert_int_equal(w, 2);
	assert_int_equal(text_prefix(SCHWA SCHWA, 4, 1, &w), 2);
	assert_int_equal(text_prefix("abc", 3, 0, &w), 0);
	assert_int_equal(w, 0);
	/* a combining mark stays with its base */
	assert_int_equal(text_prefix("e" ACUTE "x", 4, 1, &w), 3);
}

static void test_truncate(void **state)
{
	(void)state;
	char out[64];
	assert_int_equal(text_truncate(out, sizeof out, "short", 10, false), 5);
	assert_string_equal(out, "short");
	assert_int_equal(text_truncate(out, sizeof out, "exactly10!", 10, false), 10);
	assert_string_equal(out, "exactly10!");
	assert_int_equal(text_truncate(out, sizeof out, "Constitute the group", 10, false), 10);
	assert_string_equal(out, "Constitut" TEXT_ELLIPSIS_UTF8);
	assert_int_equal(text_truncate(out, sizeof out, "Constitute the group", 10, true), 10);
	assert_string_equal(out, "Constit...");
	/* a double-width character at the edge is dropped whole */
	assert_int_equal(text_truncate(out, sizeof out, "ab" WIDE WIDE, 4, false), 3);
	assert_string_equal(out, "ab" TEXT_ELLIPSIS_UTF8);
	assert_int_equal(text_truncate(out, sizeof out, WIDE WIDE WIDE, 4, false), 3);
	assert_string_equal(out, WIDE TEXT_ELLIPSIS_UTF8);
	/* invalid bytes are kept whole, one column each */
	assert_int_equal(text_truncate(out, sizeof out, "a\xff\xfe\xfd\xfc", 3, false), 3);
	assert_string_equal(out, "a\xff" TEXT_ELLIPSIS_UTF8);
	/* narrower than the ellipsis */
	assert_int_equal(text_truncate(out, sizeof out, "abcdef", 2, true), 2);
	assert_string_equal(out, "..");
	assert_int_equal(text_truncate(out, sizeof out, "abcdef", 0, false), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_truncate(out, sizeof out, "abcdef", 1, false), 1);
	assert_string_equal(out, TEXT_ELLIPSIS_UTF8);
	assert_int_equal(text_truncate(out, sizeof out, NULL, 5, false), 0);
}

static void test_truncate_small_buffer(void **state)
{
	(void)state;
	char out[5];
	/* "ə" is 2 bytes: 4 bytes of room hold two of them, never one and a half */
	text_truncate(out, sizeof out, SCHWA SCHWA SCHWA, 10, false);
	assert_string_equal(out, SCHWA SCHWA);
	char one[1];
	assert_int_equal(text_truncate(one, sizeof one, "abc", 3, false), 0);
	assert_string_equal(one, "");
}

static void test_pad(void **state)
{
	(void)state;
	char out[64];
	assert_int_equal(text_pad(out, sizeof out, "ab", 5, false, false), 5);
	assert_string_equal(out, "ab   ");
	assert_int_equal(text_pad(out, sizeof out, "ab", 5, false, true), 5);
	assert_string_equal(out, "   ab");
	assert_int_equal(text_pad(out, sizeof out, WIDE WIDE WIDE, 4, false, false), 4);
	assert_string_equal(out, WIDE TEXT_ELLIPSIS_UTF8 " ");
	assert_int_equal(text_width(out), 4);
	assert_int_equal(text_pad(out, sizeof out, "Bak\xc4\xb1", 6, false, false), 6);
	assert_string_equal(out, "Bak\xc4\xb1  ");
	assert_int_equal(text_pad(out, sizeof out, "", 3, false, false), 3);
	assert_string_equal(out, "   ");
}

/* Wraps and returns the lines joined with '|'. */
static const char *wrap(const char *s, size_t cols)
{
	static char buf[512];
	struct text_span lines[32];
	size_t n = text_wrap(s, cols, lines, 32);
	assert_true(n <= 32);
	size_t at = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf[at++] = '|';
		memcpy(buf + at, s + lines[i].start, lines[i].len);
		at += lines[i].len;
		buf[at] = '\0';
		/* every line fits, unless it is a single too-wide character */
		char line[256];
		memcpy(line, s + lines[i].start, lines[i].len);
		line[lines[i].len] = '\0';
		assert_true(text_width(line) <= cols || text_width(line) <= 2);
	}
	return buf;
}

static void test_wrap(void **state)
{
	(void)state;
	assert_string_equal(wrap("the quick brown fox", 10), "the quick|brown fox");
	assert_string_equal(wrap("the quick brown fox", 9), "the quick|brown fox");
	assert_string_equal(wrap("the quick brown fox", 8), "the|quick|brown|fox");
	assert_string_equal(wrap("the quick brown fox", 80), "the quick brown fox");
	assert_string_equal(wrap("abcdefghij", 4), "abcd|efgh|ij");
	assert_string_equal(wrap("a  b", 2), "a|b");
	assert_string_equal(wrap("one\ntwo three", 5), "one|two|three");
	assert_string_equal(wrap("one\n\ntwo\n", 10), "one||two");
	assert_string_equal(wrap("trailing   ", 8), "trailing");
	assert_string_equal(wrap(WIDE WIDE WIDE, 4), WIDE WIDE "|" WIDE);
	assert_string_equal(wrap(WIDE WIDE, 1), WIDE "|" WIDE);
	assert_string_equal(wrap("Bak\xc4\xb1 \xc6\x8fliyev", 5), "Bak\xc4\xb1|\xc6\x8fliye|v");
	assert_int_equal(text_wrap("anything", 0, NULL, 0), 0);
	assert_int_equal(text_wrap(NULL, 10, NULL, 0), 0);
	/* counting only */
	assert_int_equal(text_wrap("the quick brown fox", 8, NULL, 0), 4);
	struct text_span one[1];
	assert_int_equal(text_wrap("the quick brown fox", 8, one, 1), 4);
	assert_int_equal(one[0].len, 3);
}

static void test_wrap_sizes(void **state)
{
	(void)state;
	const char *notes = "Adopted about two weeks after the deadline, following a second drafting round.";
	size_t widths[] = { 1, 7, 38, 76, 196 };
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		struct text_span lines[128];
		size_t n = text_wrap(notes, widths[i], lines, 128);
		size_t chars = 0;
		for (size_t k = 0; k < n; k++) {
			char line[256];
			memcpy(line, notes + lines[k].start, lines[k].len);
			line[lines[k].len] = '\0';
			assert_true(text_width(line) <= widths[i]);
			for (size_t j = 0; j < lines[k].len; j++)
				chars += line[j] != ' ';
		}
		size_t expect = 0;
		for (const char *p = notes; *p; p++)
			expect += *p != ' ';
		assert_int_equal(chars, expect); /* no word lost */
	}
}

static void test_find(void **state)
{
	(void)state;
	size_t at, len;
	assert_true(text_find("Adopt the Roadmap", "roadmap", &at, &len));
	assert_int_equal(at, 10);
	assert_int_equal(len, 7);
	assert_true(text_find("Adopt the Roadmap", "ADOPT", &at, &len));
	assert_int_equal(at, 0);
	assert_false(text_find("Adopt the Roadmap", "roads", NULL, NULL));
	assert_false(text_find("abc", "", NULL, NULL));
	assert_false(text_find(NULL, "a", NULL, NULL));
	/* UTF-8: case folding beyond ASCII, offsets in bytes */
	assert_true(text_find("in Bak\xc4\xb1 today", "bak\xc4\xb1", &at, &len));
	assert_int_equal(at, 3);
	assert_int_equal(len, 5);
	assert_true(text_find("\xc6\x8fliyev", "\xc9\x99li", &at, &len)); /* Ə vs ə */
	assert_int_equal(at, 0);
	assert_int_equal(len, 4);
	assert_true(text_find("x" WIDE "y", WIDE, &at, &len));
	assert_int_equal(at, 1);
	assert_int_equal(len, 3);
	/* invalid bytes match only themselves */
	assert_true(text_find("a\xff" "b", "\xff" "B", &at, &len));
	assert_int_equal(at, 1);
	assert_false(text_find("a\xfe" "b", "\xff", NULL, NULL));
}

static void test_c_locale_fallback(void **state)
{
	(void)state;
	/* In the C locale UTF-8 data is measured as the ASCII it is drawn as:
	 * transliterated (ı -> i, – -> -, … -> ...) or an escape per character,
	 * never one '?' per byte. */
	setlocale(LC_ALL, "C");
	assert_int_equal(text_width("Bak\xc4\xb1"), 4);
	assert_int_equal(text_width("\xc6\x8f" "li" SCHWA "v"), 5);              /* Əliəv */
	assert_int_equal(text_width("Na\xc3\xa7\xc4\xb1" "van"), 7);           /* Naçıvan */
	assert_int_equal(text_width("US\xe2\x80\x93" "AZ"), 5);                 /* US–AZ */
	assert_int_equal(text_width("wait" TEXT_ELLIPSIS_UTF8), 7);
	assert_int_equal(text_width(WIDE), 8);                                   /* \u{4e2d} */
	assert_int_equal(text_width("e" ACUTE), 1);                              /* the accent drops */
	struct text_char c = text_decode(SCHWA, 2);
	assert_false(c.bad);
	assert_true(c.substitute);
	assert_int_equal(c.len, 2);
	assert_string_equal(c.ascii, "e");
	assert_int_equal(c.wc, 0x259); /* still the character, for search */
	c = text_decode("\xc4\x9e", 2);
	assert_string_equal(c.ascii, "G"); /* Ğ */
	c = text_decode("\xc4\x9f", 2);
	assert_string_equal(c.ascii, "g"); /* ğ */
	c = text_decode("\xc5\x9f", 2);
	assert_string_equal(c.ascii, "s"); /* ş */
	c = text_decode("\xc4\xb0", 2);
	assert_string_equal(c.ascii, "I"); /* İ */
	c = text_decode(WIDE, 3);
	assert_string_equal(c.ascii, "\\u{4e2d}");
	assert_int_equal(c.width, 8);
	c = text_decode("\xe2\x80\xae", 3); /* a bidi control is escaped too */
	assert_string_equal(c.ascii, "\\u{202e}");
	c = text_decode("\xf0\x9f\x98\x80", 4);
	assert_int_equal(c.len, 4);
	assert_string_equal(c.ascii, "\\u{1f600}");
	/* bytes that are not UTF-8 are still one bad byte each */
	assert_int_equal(text_width("a\xff\xfe" "b"), 4);
	c = text_decode("\xe4\xb8", 2);
	assert_true(c.bad);
	assert_int_equal(c.len, 1);
	char out[32];
	assert_int_equal(text_truncate(out, sizeof out, "Bak\xc4\xb1 city", 7, true), 7);
	assert_string_equal(out, "Bak\xc4\xb1...");
	assert_int_equal(text_truncate(out, sizeof out, WIDE "x", 6, true), 3);
	assert_string_equal(out, "...");
	setlocale(LC_ALL, "C.UTF-8");
	c = text_decode(SCHWA, 2); /* in a UTF-8 locale: itself */
	assert_false(c.substitute);
	assert_int_equal(c.width, 1);
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "C.utf8")) {
		fprintf(stderr, "test_text: no C.UTF-8 locale\n");
		return 1;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_ascii_and_utf8),
		cmocka_unit_test(test_width_invalid_bytes),
		cmocka_unit_test(test_bidi_control_visible),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_truncate),
		cmocka_unit_test(test_truncate_small_buffer),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_wrap_sizes),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_c_locale_fallback),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
