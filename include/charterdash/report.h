/* report — the charter's state as text for people and programs.
 * Writes to any FILE *; computes nothing the progress module does not. */
#ifndef CHARTERDASH_REPORT_H
#define CHARTERDASH_REPORT_H

#include <stdio.h>

#include "charterdash/charter.h"

struct report_options {
	struct date today;
	long group; /* index of the only group to show, or -1 for all */
};

/* Plain text: the overall line, then one block per group. */
void report_text(FILE *out, const struct charter *c, const struct report_options *opt);

/* "N days left", "N days past", "due today" for a day difference. */
void report_days(long days_left, char *buf, size_t size);

/* An ASCII bar of `width` cells, `filled` of `total` proportion '#'. */
void report_bar(char *buf, size_t width, size_t filled, size_t total);

#endif
