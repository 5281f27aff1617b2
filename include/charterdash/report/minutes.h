/* minutes — the minutes of a meeting, ready to mail: the net changes
 * since a time (changes_net: per milestone and field, first old value to
 * last new one) by working group, each group's state now, and the agenda
 * (overdue, blocked, due soon). Written as Markdown or as plain text safe
 * for a terminal; the command line (`charterdash minutes`) and the
 * dashboard's minutes screen write the same text. `today` is a parameter. */
#ifndef CHARTERDASH_MINUTES_H
#define CHARTERDASH_MINUTES_H

#include <stdbool.h>
#include <stdio.h>

#include "charterdash/core/charter.h"
#include "charterdash/store/history.h"

struct minutes_request {
	const struct charter *c;
	const struct history *h; /* sorted by time */
	const char *since;       /* history time text: entries from it on count */
	const char *who;         /* who marked the meeting, or NULL */
	struct date today;
	bool markdown;
};

/* Writes the minutes to `out`. False when memory runs out (nothing
 * written then). They open with a header of MINUTES_HEADER_LINES lines in
 * the plain text: the title, a blank line, "Meeting of DATE at HH:MM UTC,
 * marked by WHO" (or "Minutes from ..." without a meeting) and "Changes
 * since the meeting started: N" (the dashboard's list shows its own). */
#define MINUTES_HEADER_LINES 4
bool minutes_write(FILE *out, const struct minutes_request *r);

/* Text from the file or its history, Markdown-escaped or plain and
 * terminal-safe; a value in quotes, "(none)" for NULL. */
void minutes_text(FILE *out, const char *s, bool md);
void minutes_value(FILE *out, const char *v, bool md);

#endif
