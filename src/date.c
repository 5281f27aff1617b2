/* date — Gregorian calendar arithmetic on plain values. */
#include "charterdash/date.h"

#include <stdio.h>
#include <string.h>

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
};

bool date_is_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && date_is_leap_year(year));
}

bool date_is_valid(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
	       day >= 1 && day <= date_days_in_month(year, month);
}

static bool digits(const char *s, int n, int *value)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*value = v;
	return true;
}

bool date_parse_explain(const char *text, struct date *out, char *why, size_t why_size)
{
	int y, m, d;
	if (strlen(text) != 10 || text[4] != '-' || text[7] != '-' ||
	    !digits(text, 4, &y) || !digits(text + 5, 2, &m) || !digits(text + 8, 2, &d)) {
		snprintf(why, why_size, "expected a date in the form YYYY-MM-DD");
		return false;
	}
	if (y < 1) {
		snprintf(why, why_size, "there is no year 0000");
		return false;
	}
	if (m < 1 || m > 12) {
		snprintf(why, why_size, "there is no month %02d", m);
		return false;
	}
	if (d < 1) { /* "February 2026 has 28 days" would not explain day 00 */
		snprintf(why, why_size, "there is no day 00");
		return false;
	}
	if (d > date_days_in_month(y, m)) {
		snprintf(why, why_size, "%s %04d has %d days", month_names[m - 1], y,
		         date_days_in_month(y, m));
		return false;
	}
	out->year = y;
	out->month = m;
	out->day = d;
	return true;
}

bool date_parse(const char *text, struct date *out)
{
	char why[64];
	return date_parse_explain(text, out, why, sizeof why);
}

static void put_digits(char *out, int value, int width)
{
	for (int i = width - 1; i >= 0; i--) {
		out[i] = (char)('0' + value % 10);
		value /= 10;
	}
}

/* By hand rather than snprintf: reports format a date per milestone. */
void date_format(struct date d, char out[DATE_TEXT_SIZE])
{
	/* Years are bounded to 1..9999 by construction; clamp for safety. */
	int y = d.year < 0 ? 0 : d.year > 9999 ? 9999 : d.year;
	int m = d.month < 0 ? 0 : d.month > 99 ? 99 : d.month;
	int dd = d.day < 0 ? 0 : d.day > 99 ? 99 : d.day;
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, dd, 2);
	out[10] = '\0';
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
long date_to_serial(struct date d)
{
	long y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d.month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct date date_from_serial(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct date d;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

struct date date_add_months(struct date d, int months)
{
	long index = (long)d.year * 12 + (d.month - 1) + months;
	struct date r;
	r.year = (int)(index >= 0 ? index / 12 : (index - 11) / 12);
	r.month = (int)(index - (long)r.year * 12) + 1;
	int last = date_days_in_month(r.year, r.month);
	r.day = d.day > last ? last : d.day;
	return r;
}

long date_days_between(struct date from, struct date to)
{
	return date_to_serial(to) - date_to_serial(from);
}

int date_compare(struct date a, struct date b)
{
	long x = date_to_serial(a), y = date_to_serial(b);
	return (x > y) - (x < y);
}
