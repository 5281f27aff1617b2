/* test_date — calendar parsing, formatting and arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "charterdash/core/date.h"

#include "support.h"

/* Parses `text`, expecting success and the given date. */
static void parses_to(const char *text, int y, int m, int d)
{
	struct date out = D(-1, -1, -1);
	if (!date_parse(text, &out))
		fail_msg("'%s' should parse", text);
	assert_date_equal(out, y, m, d);
}

/* Expects a failure that leaves *out alone. */
static void rejects(const char *text)
{
	struct date out = D(7, 7, 7);
	if (date_parse(text, &out))
		fail_msg("'%s' should be rejected", text);
	assert_date_equal(out, 7, 7, 7);
}

static void test_leap_years(void **state)
{
	(void)state;
	assert_true(date_is_leap_year(2024));
	assert_true(date_is_leap_year(2000));
	assert_true(date_is_leap_year(1600));
	assert_false(date_is_leap_year(2025));
	assert_false(date_is_leap_year(1900));
	assert_false(date_is_leap_year(2100));
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2026, 2), 28);
	assert_int_equal(date_days_in_month(2026, 4), 30);
	assert_int_equal(date_days_in_month(2026, 12), 31);
	assert_int_equal(date_days_in_month(2026, 0), 0);
	assert_int_equal(date_days_in_month(2026, 13), 0);
}

static void test_parse_real_dates(void **state)
{
	(void)state;
	parses_to("2026-02-09", 2026, 2, 9);
	parses_to("2024-02-29", 2024, 2, 29);
	parses_to("2000-02-29", 2000, 2, 29);
	parses_to("0001-01-01", 1, 1, 1);
	parses_to("9999-12-31", 9999, 12, 31);
	parses_to("2026-12-31", 2026, 12, 31);
	parses_to("2026-04-30", 2026, 4, 30);
}

static void test_parse_rejects_unreal_dates(void **state)
{
	(void)state;
	rejects("2025-02-29");
	rejects("1900-02-29");
	rejects("2100-02-29");
	rejects("2026-02-30");
	rejects("2026-04-31");
	rejects("2026-13-01");
	rejects("2026-00-10");
	rejects("2026-01-00");
	rejects("2026-01-32");
	rejects("0000-01-01");
}

static void test_parse_rejects_wrong_forms(void **state)
{
	(void)state;
	rejects("");
	rejects("2026-2-9");
	rejects("2026-02-9");
	rejects("2026-02-09x");
	rejects(" 2026-02-09");
	rejects("2026-02-09 ");
	rejects("2026/02/09");
	rejects("20260209");
	rejects("2026-02-0a");
	rejects("+026-02-09");
	rejects("-026-02-09");
	rejects("2026--2-09");
	rejects("12026-02-09");
	rejects("2026-02");
}

static void explains(const char *text, const char *expected)
{
	struct date out = D(7, 7, 7);
	char why[96];
	memset(why, 'X', sizeof why);
	assert_false(date_parse_explain(text, &out, why, sizeof why));
	assert_string_equal(why, expected);
	assert_date_equal(out, 7, 7, 7);
}

static void test_parse_explain_messages(void **state)
{
	(void)state;
	explains("2026-02-30", "February 2026 has 28 days");
	explains("2024-02-30", "February 2024 has 29 days");
	explains("1900-02-29", "February 1900 has 28 days");
	explains("2026-04-31", "April 2026 has 30 days");
	explains("2026-13-01", "there is no month 13");
	explains("2026-00-01", "there is no month 00");
	explains("2026-01-00", "there is no day 00");
	explains("0000-01-01", "there is no year 0000");
	explains("2026-2-9", "expected a date in the form YYYY-MM-DD");
	explains("", "expected a date in the form YYYY-MM-DD");
	explains("2026-02-09x", "expected a date in the form YYYY-MM-DD");

	/* A small buffer gets a truncated, terminated message. */
	char small[9];
	struct date out;
	assert_false(date_parse_explain("2026-02-30", &out, small, sizeof small));
	assert_string_equal(small, "February");

	char why[8] = "unused";
	assert_true(date_parse_explain("2026-02-09", &out, why, sizeof why));
	assert_date_equal(out, 2026, 2, 9);
}

static void test_format(void **state)
{
	(void)state;
	char buf[DATE_TEXT_SIZE];
	date_format(D(2026, 2, 9), buf);
	assert_string_equal(buf, "2026-02-09");
	date_format(D(1, 1, 1), buf);
	assert_string_equal(buf, "0001-01-01");
	date_format(D(9999, 12, 31), buf);
	assert_string_equal(buf, "9999-12-31");
	/* Out-of-range values must not overflow the buffer. */
	date_format(D(123456, 123, -5), buf);
	assert_int_equal(strlen(buf), 10);

	struct date back;
	date_format(D(2024, 2, 29), buf);
	assert_true(date_parse(buf, &back));
	assert_date_equal(back, 2024, 2, 29);
}

static void test_serial_anchors(void **state)
{
	(void)state;
	assert_int_equal(date_to_serial(D(1970, 1, 1)), 0);
	assert_int_equal(date_to_serial(D(1969, 12, 31)), -1);
	assert_int_equal(date_to_serial(D(2000, 1, 1)), 10957);
	assert_int_equal(date_to_serial(D(2000, 3, 1)), 11017);
	assert_int_equal(date_to_serial(D(1900, 1, 1)), -25567);
	assert_int_equal(date_to_serial(D(2026, 2, 9)), 20493);
	assert_int_equal(date_to_serial(D(1, 1, 1)), -719162);
	assert_int_equal(date_to_serial(D(9999, 12, 31)), 2932896);
	assert_date_equal(date_from_serial(0), 1970, 1, 1);
	assert_date_equal(date_from_serial(-1), 1969, 12, 31);
	assert_date_equal(date_from_serial(-719162), 1, 1, 1);
	assert_date_equal(date_from_serial(2932896), 9999, 12, 31);
	/* 2026-02-09 was a Monday; 1970-01-01 a Thursday (serial 0 = day 3 from Monday). */
	assert_int_equal((date_to_serial(D(2026, 2, 9)) % 7 + 7 + 3) % 7, 0);
}

/* The next day, counted by hand so the walk below checks the serial code
 * against an independent calendar. */
static struct date next_day(struct date d)
{
	if (++d.day > date_days_in_month(d.year, d.month)) {
		d.day = 1;
		if (++d.month > 12) {
			d.month = 1;
			d.year++;
		}
	}
	return d;
}

static void test_serial_walk_1900_2100(void **state)
{
	(void)state;
	struct date d = D(1900, 1, 1);
	long serial = date_to_serial(d);
	long days = 0;
	while (d.year <= 2100) {
		assert_true(date_is_valid(d.year, d.month, d.day));
		assert_int_equal(date_to_serial(d), serial);
		struct date back = date_from_serial(serial);
		assert_date_equal(back, d.year, d.month, d.day);
		char text[DATE_TEXT_SIZE];
		date_format(d, text);
		struct date parsed;
		assert_true(date_parse(text, &parsed));
		assert_int_equal(date_compare(parsed, d), 0);
		d = next_day(d);
		serial++;
		days++;
	}
	/* 201 years: 49 leap years (1900 and 2100 are not, 2000 is). */
	assert_int_equal(days, 201 * 365 + 49);
	assert_int_equal(date_days_between(D(1900, 1, 1), D(2101, 1, 1)), days);
}

static void test_add_months_clamps(void **state)
{
	(void)state;
	assert_date_equal(date_add_months(D(2026, 1, 31), 1), 2026, 2, 28);
	assert_date_equal(date_add_months(D(2024, 1, 31), 1), 2024, 2, 29);
	assert_date_equal(date_add_months(D(2026, 3, 31), -1), 2026, 2, 28);
	assert_date_equal(date_add_months(D(2026, 1, 31), 3), 2026, 4, 30);
	assert_date_equal(date_add_months(D(2026, 8, 31), 1), 2026, 9, 30);
	assert_date_equal(date_add_months(D(2024, 2, 29), 12), 2025, 2, 28);
	assert_date_equal(date_add_months(D(2024, 2, 29), 48), 2028, 2, 29);
	assert_date_equal(date_add_months(D(2024, 2, 29), -12), 2023, 2, 28);
	assert_date_equal(date_add_months(D(1900, 1, 31), 1), 1900, 2, 28);
	assert_date_equal(date_add_months(D(2000, 1, 31), 1), 2000, 2, 29);
}

static void test_add_months_across_years(void **state)
{
	(void)state;
	assert_date_equal(date_add_months(D(2026, 2, 9), 0), 2026, 2, 9);
	assert_date_equal(date_add_months(D(2026, 2, 9), 3), 2026, 5, 9);
	assert_date_equal(date_add_months(D(2026, 2, 9), 12), 2027, 2, 9);
	assert_date_equal(date_add_months(D(2026, 2, 9), 24), 2028, 2, 9);
	assert_date_equal(date_add_months(D(2026, 11, 15), 2), 2027, 1, 15);
	assert_date_equal(date_add_months(D(2026, 12, 31), 1), 2027, 1, 31);
	assert_date_equal(date_add_months(D(2026, 1, 15), -1), 2025, 12, 15);
	assert_date_equal(date_add_months(D(2026, 1, 15), -13), 2024, 12, 15);
	assert_date_equal(date_add_months(D(2026, 1, 15), -12), 2025, 1, 15);
	assert_date_equal(date_add_months(D(2026, 3, 15), -27), 2023, 12, 15);
	assert_date_equal(date_add_months(D(2026, 2, 9), 1200), 2126, 2, 9);
}

static void test_days_between_and_compare(void **state)
{
	(void)state;
	assert_int_equal(date_days_between(D(2026, 2, 9), D(2026, 5, 9)), 89);
	assert_int_equal(date_days_between(D(2026, 5, 9), D(2026, 2, 9)), -89);
	assert_int_equal(date_days_between(D(2026, 5, 9), D(2026, 11, 26)), 201);
	assert_int_equal(date_days_between(D(2026, 2, 9), D(2026, 2, 9)), 0);
	assert_int_equal(date_days_between(D(2024, 1, 1), D(2025, 1, 1)), 366);
	assert_int_equal(date_days_between(D(2025, 1, 1), D(2026, 1, 1)), 365);
	assert_int_equal(date_days_between(D(1900, 1, 1), D(1901, 1, 1)), 365);
	assert_int_equal(date_days_between(D(2000, 1, 1), D(2001, 1, 1)), 366);
	assert_int_equal(date_days_between(D(2024, 2, 28), D(2024, 3, 1)), 2);
	assert_int_equal(date_days_between(D(2026, 2, 28), D(2026, 3, 1)), 1);
	assert_int_equal(date_days_between(D(2026, 12, 31), D(2027, 1, 1)), 1);

	assert_int_equal(date_compare(D(2026, 2, 9), D(2026, 2, 9)), 0);
	assert_true(date_compare(D(2026, 2, 9), D(2026, 2, 10)) < 0);
	assert_true(date_compare(D(2026, 2, 10), D(2026, 2, 9)) > 0);
	assert_true(date_compare(D(2025, 12, 31), D(2026, 1, 1)) < 0);
	assert_true(date_compare(D(2026, 3, 1), D(2026, 2, 28)) > 0);
	assert_true(date_compare(D(1, 1, 1), D(9999, 12, 31)) < 0);
}

/* Resolves `text` relative to `today`, expecting success and the given date. */
static void relative_is(const char *text, struct date today, int y, int m, int d)
{
	struct date out = D(-1, -1, -1);
	char why[128] = "";
	if (!date_parse_relative(text, today, &out, why, sizeof why))
		fail_msg("'%s' should resolve (%s)", text, why);
	assert_date_equal(out, y, m, d);
}

static void test_relative_offsets(void **state)
{
	(void)state;
	struct date today = D(2026, 12, 2);
	relative_is("+7d", today, 2026, 12, 9);
	relative_is("+0d", today, 2026, 12, 2);
	relative_is("+30d", today, 2027, 1, 1);
	relative_is("+2w", today, 2026, 12, 16);
	relative_is("+1m", today, 2027, 1, 2);
	relative_is("+1M", today, 2027, 1, 2);
	relative_is("+14m", today, 2028, 2, 2);
	/* a month later is clamped to the month's last day */
	relative_is("+1m", D(2027, 1, 31), 2027, 2, 28);
	relative_is("+1m", D(2028, 1, 31), 2028, 2, 29);
	relative_is("+3m", D(2026, 11, 30), 2027, 2, 28);
	relative_is("+1d", D(2024, 2, 28), 2024, 2, 29);
}

static void test_relative_words(void **state)
{
	(void)state;
	struct date wednesday = D(2026, 12, 2);
	relative_is("today", wednesday, 2026, 12, 2);
	relative_is("Today", wednesday, 2026, 12, 2);
	relative_is("tomorrow", wednesday, 2026, 12, 3);
	relative_is("tomorrow", D(2026, 12, 31), 2027, 1, 1);
	relative_is("eom", wednesday, 2026, 12, 31);
	relative_is("eom", D(2028, 2, 3), 2028, 2, 29);
	relative_is("EOY", D(2026, 1, 1), 2026, 12, 31);
	/* the next such day, strictly after today */
	relative_is("thursday", wednesday, 2026, 12, 3);
	relative_is("fri", wednesday, 2026, 12, 4);
	relative_is("Sun", wednesday, 2026, 12, 6);
	relative_is("monday", wednesday, 2026, 12, 7);
	relative_is("tue", wednesday, 2026, 12, 8);
	relative_is("wednesday", wednesday, 2026, 12, 9);
	relative_is("wed", wednesday, 2026, 12, 9);
	relative_is("sat", D(2026, 12, 31), 2027, 1, 2);
	/* back-dating a completion: that long ago */
	relative_is("yesterday", D(2026, 3, 1), 2026, 2, 28);
	relative_is("-3d", D(2026, 12, 2), 2026, 11, 29);
	relative_is("-1w", D(2026, 12, 2), 2026, 11, 25);
	relative_is("-1m", D(2026, 3, 31), 2026, 2, 28);
	/* the absolute form still works, with its own explanations */
	relative_is("2027-03-01", wednesday, 2027, 3, 1);
}

static void test_relative_rejects(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"+7", "+d", "7d", "--7d", "-d", "+7x", "+7dd", "+ 7d", "next week", "mo", "fridays",
		"tom", "+99999999d", "", "eom ", "+1w2d",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct date out = D(7, 7, 7);
		char why[128] = "";
		if (date_parse_relative(bad[i], D(2026, 12, 2), &out, why, sizeof why))
			fail_msg("'%s' should be rejected", bad[i]);
		assert_date_equal(out, 7, 7, 7);
		assert_true(why[0] != '\0');
	}
	char why[128];
	struct date out;
	assert_false(date_parse_relative("+7x", D(2026, 12, 2), &out, why, sizeof why));
	assert_string_equal(why, "expected YYYY-MM-DD, +Nd, +Nw, +Nm (-N: ago), today, tomorrow, yesterday, a weekday, eom or eoy");
	assert_false(date_parse_relative("2026-02-30", D(2026, 12, 2), &out, why, sizeof why));
	assert_string_equal(why, "February 2026 has 28 days");
	assert_false(date_parse_relative("+2m", D(9999, 11, 30), &out, why, sizeof why));
	assert_string_equal(why, "it falls after 9999-12-31");
	assert_false(date_parse_relative("tomorrow", D(9999, 12, 31), &out, why, sizeof why));
	assert_false(date_parse_relative("-1m", D(1, 1, 15), &out, why, sizeof why));
	assert_string_equal(why, "it falls before 0001-01-01");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_parse_real_dates),
		cmocka_unit_test(test_parse_rejects_unreal_dates),
		cmocka_unit_test(test_parse_rejects_wrong_forms),
		cmocka_unit_test(test_parse_explain_messages),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_serial_anchors),
		cmocka_unit_test(test_serial_walk_1900_2100),
		cmocka_unit_test(test_add_months_clamps),
		cmocka_unit_test(test_add_months_across_years),
		cmocka_unit_test(test_days_between_and_compare),
		cmocka_unit_test(test_relative_offsets),
		cmocka_unit_test(test_relative_words),
		cmocka_unit_test(test_relative_rejects),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
