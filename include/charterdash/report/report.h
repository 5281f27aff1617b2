/* report — the charter's state as text for people and programs.
 * Writes to any FILE *; computes nothing the progress module does not. */
#ifndef CHARTERDASH_REPORT_H
#define CHARTERDASH_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "charterdash/core/charter.h"
#include "charterdash/report/progress.h"

struct report_options {
	struct date today;
	long group; /* index of the only group to show, or -1 for all */
};

/* Plain text: the overall line, then one block per group. */
void report_text(FILE *out, const struct charter *c, const struct report_options *opt);

/* Markdown: headings and pipe tables with a progress column. */
void report_markdown(FILE *out, const struct charter *c, const struct report_options *opt);

/* JSON: one object, {charter: {...}, groups: [...]}; fields in README.md
 * ("JSON report"). Charter-wide numbers even when opt->group is set. */
void report_json(FILE *out, const struct charter *c, const struct report_options *opt);

/* CSV (RFC 4180, CRLF line ends): a header row, then one row per milestone. */
void report_csv(FILE *out, const struct charter *c, const struct report_options *opt);

/* iCalendar (RFC 5545, CRLF, folded at 75 octets): an all-day event per
 * dated milestone on its effective due date, the roadmap deadline and the
 * reviews up to the next one; UIDs stable across exports. */
void report_ics(FILE *out, const struct charter *c, const struct report_options *opt);

enum report_format { REPORT_TEXT, REPORT_MARKDOWN, REPORT_JSON, REPORT_CSV, REPORT_ICS };

/* "text", "markdown", "json", "csv", "ics"; false for anything else. */
bool report_format_parse(const char *name, enum report_format *out);
const char *report_format_name(enum report_format f);

/* Writes the report in the given format. */
void report_write(FILE *out, enum report_format f, const struct charter *c,
                  const struct report_options *opt);

/* True when group index gi is in the report (all, or the one asked for). */
bool report_shows_group(const struct report_options *opt, size_t gi);

/* Escaping for the writers (src/report/report_escape.c). Invalid UTF-8 becomes
 * U+FFFD everywhere, so every output is valid UTF-8.
 *   json: a quoted string; control characters (C0, DEL, C1), U+2028/2029,
 *     quote and backslash escaped, other UTF-8 passed through;
 *   csv: a field, quoted when it holds a comma, quote, CR or LF (quotes
 *     doubled); other control characters become U+FFFD;
 *   md: text for a table cell (line breaks become <br>) or a heading (line
 *     breaks become spaces); Markdown punctuation backslash-escaped; other
 *     control characters become U+FFFD, so no terminal codes get through. */
void report_json_string(FILE *out, const char *s);
/* Text for a terminal or a plain-text pipe: line breaks and tabs become
 * spaces, other control characters (which terminals would act on) and
 * invalid UTF-8 become U+FFFD. */
void report_plain_text(FILE *out, const char *s);
void report_csv_field(FILE *out, const char *s);
enum report_md_context { REPORT_MD_CELL, REPORT_MD_HEADING };
void report_md_text(FILE *out, const char *s, enum report_md_context where);

/* "done 3, in progress 2, blocked 1, not started 1": the status counts. */
void report_count_words(const struct progress *p, char *buf, size_t size);
/* "1 overdue, 1 blocked, 2 due soon": the attention buckets that are not
 * empty (progress.h's rule), in that order; "" when none is. */
void report_attention_words(const struct progress *p, char *buf, size_t size);
/* Both on the text report's lines ("  done 3, ...\n  needs attention: 1
 * overdue\n") or as the Markdown report's sentences ("Done 3, .... Needs
 * attention: 1 overdue.\n"); no attention line when nothing needs it. */
void report_put_counts(FILE *out, const struct progress *p, bool markdown);

/* "due 2026-12-04, 2 days left", or "no date yet" for `due: ~`. */
void report_due_words(const struct charter *c, const struct milestone *m, struct date today, char *buf,
                      size_t size);
/* "Roadmap phase to 2026-05-09: 3/15 done (12 days left)", or after the
 * deadline its outcome: "Roadmap phase closed 2026-05-09: 11 on time ·
 * 3 late (last 2026-06-02) · 1 open". */
void report_roadmap_words(const struct charter *c, struct date today, const struct progress *all, char *buf,
                          size_t size);
/* The roadmap phase's outcome from completion dates: "11 on time`sep`3 late
 * (last 2026-06-02)`sep`1 open", then "`sep`2 undated" when done ones have
 * no date; `brief` leaves out "(last ...)". */
void report_outcome_words(const struct progress *p, const char *sep, bool brief, char *buf, size_t size);
/* Delivery over milestones [first, first + count): "11 done with a
 * completion date, 9 on time, median 2 days late" (or "... early", "median
 * on the due date"); "no completion dates recorded" when none has one. */
void report_delivery_words(const struct charter *c, size_t first, size_t count, char *buf, size_t size);
/* A done milestone: "done 2026-05-12, 3 days late", "done 2026-05-12, on
 * time", or "done (date not recorded)"; `brief`: "done 05-12, 3 d late",
 * "done on time". */
void report_done_words(const struct charter *c, const struct milestone *m, bool brief, char *buf, size_t size);
/* "Next review 2027-02-09 (in 69 days)", "(today)", or "No review planned". */
void report_review_words(const struct charter *c, struct date today, char *buf, size_t size);

/* "N days left", "N days past", "due today" for a day difference. */
void report_days(long days_left, char *buf, size_t size);

/* An ASCII bar of `width` cells, `filled` of `total` proportion '#'. */
void report_bar(char *buf, size_t width, size_t filled, size_t total);

#endif
