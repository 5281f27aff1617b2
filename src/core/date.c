/* date — Gregorian calendar arithmetic on plain values. */
#include "charterdash/core/date.h"

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

/* ASCII case-insensitive equality (words like "Friday", "EOM"). */
static bool same_word(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		if (x != *b)
			return false;
	}
	return *a == *b;
}

static const char *const weekday_names[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* 0 for Monday .. 6 for Sunday, or -1: "fri" and "friday" both name Friday. */
static int weekday_of_word(const char *text)
{
	for (int i = 0; i < 7; i++) {
		char shortname[4];
		memcpy(shortname, weekday_names[i], 3);
		shortname[3] = '\0';
		if (same_word(text, weekday_names[i]) || same_word(text, shortname))
			return i;
	}
	return -1;
}

/* 0 for Monday .. 6 for Sunday (1970-01-01, serial 0, was a Thursday). */
static int weekday(struct date d)
{
	long r = (date_to_serial(d) + 3) % 7;
	return (int)(r < 0 ? r + 7 : r);
}

/* "+Nd", "+Nw", "+Nm" (or "-N...", that long ago: a back-dated completion)
 * → the date; false when it is not one of them. */
static bool parse_offset(const char *text, struct date today, struct date *out)
{
	long n = 0;
	const char *p = text + 1;
	if ((text[0] != '+' && text[0] != '-') || *p < '0' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9'; p++) {
		n = n * 10 + (*p - '0');
		if (n > 4000000) /* far past 9999-12-31 from any today: refused below */
			return false;
	}
	if (*p == '\0' || p[1] != '\0')
		return false;
	if (text[0] == '-')
		n = -n;
	switch (*p | 0x20) { /* ASCII lower case */
	case 'd': *out = date_from_serial(date_to_serial(today) + n); return true;
	case 'w': *out = date_from_serial(date_to_serial(today) + 7 * n); return true;
	case 'm': *out = date_add_months(today, (int)n); return true;
	default: return false;
	}
}

/* The relative forms; false when text is none of them. */
static bool parse_words(const char *text, struct date today, struct date *out)
{
	int wd = weekday_of_word(text);
	if (wd >= 0) {
		int ahead = (wd - weekday(today) + 7) % 7;
		*out = date_from_serial(date_to_serial(today) + (ahead ? ahead : 7));
	} else if (same_word(text, "today")) {
		*out = today;
	} else if (same_word(text, "tomorrow")) {
		*out = date_from_serial(date_to_serial(today) + 1);
	} else if (same_word(text, "yesterday")) {
		*out = date_from_serial(date_to_serial(today) - 1);
	} else if (same_word(text, "eom")) {
		*out = (struct date){ today.year, today.month, date_days_in_month(today.year, today.month) };
	} else if (same_word(text, "eoy")) {
		*out = (struct date){ today.year, 12, 31 };
	} else {
		return parse_offset(text, today, out);
	}
	return true;
}

bool date_parse_relative(const char *text, struct date today, struct date *out, char *why, size_t why_size)
{
	struct date d;
	if (!text || !*text || (text[0] >= '0' && text[0] <= '9'))
		return date_parse_explain(text ? text : "", out, why, why_size);
	if (!parse_words(text, today, &d)) {
		snprintf(why, why_size, "expected YYYY-MM-DD, +Nd, +Nw, +Nm (-N: ago), today, tomorrow, yesterday, a weekday, eom or eoy");
		return false;
	}
	if (!date_is_valid(d.year, d.month, d.day)) {
		if (d.year < 1)
			snprintf(why, why_size, "it falls before 0001-01-01");
		else
			snprintf(why, why_size, "it falls after 9999-12-31");
		return false;
	}
	*out = d;
	return true;
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
