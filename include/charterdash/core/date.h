/* date — calendar dates in the proleptic Gregorian calendar.
 *
 * Pure arithmetic: no clock is read here; "today" is always passed in. */
#ifndef CHARTERDASH_DATE_H
#define CHARTERDASH_DATE_H

#include <stdbool.h>
#include <stddef.h>

struct date {
	int year, month, day; /* month 1..12, day 1..31 */
};

#define DATE_TEXT_SIZE 11 /* "YYYY-MM-DD" and a NUL */

bool date_is_leap_year(int year);
int date_days_in_month(int year, int month);
bool date_is_valid(int year, int month, int day);

/* Parses exactly "YYYY-MM-DD" (years 0001..9999) naming a real day.
 * On failure returns false and leaves *out untouched. */
bool date_parse(const char *text, struct date *out);

/* Like date_parse, but explains a failure in `why` ("February 2026 has
 * 28 days", "expected the form YYYY-MM-DD"). */
bool date_parse_explain(const char *text, struct date *out, char *why, size_t why_size);

/* A date as people type it when setting a due date: YYYY-MM-DD, or one
 * relative to `today`:
 *   +Nd +Nw +Nm     N days, weeks or months later (a month later is clamped
 *                   to the month's last day: 01-31 +1m = 02-28); -Nd -Nw -Nm
 *                   as long ago;
 *   today, tomorrow, yesterday;
 *   monday..sunday, mon..sun   the next such day, strictly after today;
 *   eom, eoy        the last day of this month, of this year.
 * Words ignore ASCII case. On failure explains in `why` and leaves *out
 * untouched. */
bool date_parse_relative(const char *text, struct date today, struct date *out, char *why, size_t why_size);

void date_format(struct date d, char out[DATE_TEXT_SIZE]);

/* Days since 1970-01-01 (negative before it). */
long date_to_serial(struct date d);
struct date date_from_serial(long serial);

/* Calendar months later (or earlier, for negative n), clamped to the last
 * day of the target month: 2026-01-31 + 1 month = 2026-02-28. */
struct date date_add_months(struct date d, int months);

/* to - from, in days. */
long date_days_between(struct date from, struct date to);

/* <0, 0, >0 like strcmp. */
int date_compare(struct date a, struct date b);

#endif
