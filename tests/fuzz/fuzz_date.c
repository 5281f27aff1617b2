/* libFuzzer target: the date parser accepts exactly the real calendar
 * dates written YYYY-MM-DD, and its arithmetic round-trips. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[32];
	if (size >= sizeof text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	struct date d;
	char why[96];
	if (!date_parse_explain(text, &d, why, sizeof why)) {
		if (!why[0])
			abort();
		return 0;
	}
	if (!date_is_valid(d.year, d.month, d.day))
		abort();
	char back[DATE_TEXT_SIZE];
	date_format(d, back);
	if (strcmp(back, text) != 0)
		abort(); /* only the canonical form is accepted */
	struct date r = date_from_serial(date_to_serial(d));
	if (date_compare(r, d) != 0 || r.year != d.year || r.month != d.month || r.day != d.day)
		abort();
	int months = (int)(size * 7 % 400) - 200;
	struct date m = date_add_months(d, months);
	if (m.year >= 1 && m.year <= 9999 && !date_is_valid(m.year, m.month, m.day))
		abort();
	return 0;
}
