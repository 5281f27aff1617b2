/* report — plain-text summary of a charter. */
#include "charterdash/report/report.h"

#include <ctype.h>
#include <string.h>

#include "charterdash/report/progress.h"
#include "charterdash/report/report_pass.h"

#define BAR_WIDTH 30

bool report_shows_group(const struct report_options *opt, size_t gi)
{
	return opt->group < 0 || (size_t)opt->group == gi;
}

void report_days(long days_left, char *buf, size_t size)
{
	if (days_left == 0)
		snprintf(buf, size, "due today");
	else if (days_left > 0)
		snprintf(buf, size, "%ld day%s left", days_left, days_left == 1 ? "" : "s");
	else
		snprintf(buf, size, "%ld day%s past", -days_left, days_left == -1 ? "" : "s");
}

void report_bar(char *buf, size_t width, size_t filled, size_t total)
{
	size_t cells = total ? (filled * width) / total : 0;
	buf[0] = '[';
	for (size_t i = 0; i < width; i++)
		buf[1 + i] = i < cells ? '#' : '.';
	buf[width + 1] = ']';
	buf[width + 2] = '\0';
}

void report_count_words(const struct progress *p, char *buf, size_t size)
{
	static const enum status order[] = { STATUS_DONE, STATUS_IN_PROGRESS, STATUS_BLOCKED, STATUS_NOT_STARTED };
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < 4 && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s %zu", i ? ", " : "", status_label(order[i]),
		                         p->counts[order[i]]);
}

/* What became of the roadmap phase (`p`; NULL: said elsewhere) and the
 * delivery record, in words. */
static void print_record(FILE *out, const struct charter *c, size_t first, size_t count, const struct progress *p,
                         const char *lead)
{
	char words[200];
	if (p && p->roadmap_total) {
		report_outcome_words(p, ", ", false, words, sizeof words);
		fprintf(out, "%s%s; ", lead, words);
		lead = "";
	}
	report_delivery_words(c, first, count, words, sizeof words);
	fprintf(out, "%sdelivery: %s\n", lead, words);
}

void report_attention_words(const struct progress *p, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int a = ATTENTION_OVERDUE; a < ATTENTION_COUNT && used < size; a++)
		if (p->attention[a])
			used += (size_t)snprintf(buf + used, size - used, "%s%zu %s", used ? ", " : "", p->attention[a],
			                         attention_label((enum attention)a));
}

void report_put_counts(FILE *out, const struct progress *p, bool markdown)
{
	char counts[128], need[128];
	report_count_words(p, counts, sizeof counts);
	report_attention_words(p, need, sizeof need);
	if (markdown) {
		counts[0] = (char)toupper((unsigned char)counts[0]);
		fprintf(out, need[0] ? "%s. Needs attention: %s.\n" : "%s.\n", counts, need);
	} else {
		fprintf(out, need[0] ? "  %s\n  needs attention: %s\n" : "  %s\n", counts, need);
	}
}

void report_due_words(const struct charter *c, const struct milestone *m, struct date today, char *buf,
                      size_t size)
{
	if (!milestone_has_date(m)) {
		snprintf(buf, size, "no date yet");
		return;
	}
	char due[DATE_TEXT_SIZE], days[32];
	date_format(milestone_due(c, m), due);
	report_days(date_days_between(today, milestone_due(c, m)), days, sizeof days);
	snprintf(buf, size, "due %s, %s", due, days);
}

void report_roadmap_words(const struct charter *c, struct date today, const struct progress *all, char *buf,
                          size_t size)
{
	char deadline[DATE_TEXT_SIZE], days[32];
	date_format(c->deadline, deadline);
	long left = progress_days_left(c, today);
	report_days(left, days, sizeof days);
	char outcome[160];
	report_outcome_words(all, " \xc2\xb7 ", false, outcome, sizeof outcome);
	if (left < 0)
		snprintf(buf, size, "Roadmap phase closed %s: %s", deadline, outcome);
	else
		snprintf(buf, size, "Roadmap phase to %s: %zu/%zu done (%s)", deadline, all->roadmap_done,
		         all->roadmap_total, days);
}

void report_outcome_words(const struct progress *p, const char *sep, bool brief, char *buf, size_t size)
{
	char last[DATE_TEXT_SIZE + 8] = "";
	if (p->has_last_late && !brief) {
		char d[DATE_TEXT_SIZE];
		date_format(p->last_late, d);
		snprintf(last, sizeof last, " (last %s)", d);
	}
	int n = snprintf(buf, size, "%zu on time%s%zu late%s%s%zu open", p->roadmap_on_time, sep, p->roadmap_late, last,
	                 sep, p->roadmap_total - p->roadmap_done);
	if (p->roadmap_undated && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, "%s%zu undated", sep, p->roadmap_undated);
}

void report_delivery_words(const struct charter *c, size_t first, size_t count, char *buf, size_t size)
{
	struct delivery d;
	if (!progress_delivery(c, first, count, &d) || !d.done_with_date) {
		snprintf(buf, size, "no completion dates recorded");
		return;
	}
	long h = d.median_half_days < 0 ? -d.median_half_days : d.median_half_days;
	char median[48];
	if (h == 0)
		snprintf(median, sizeof median, "median on the due date");
	else
		snprintf(median, sizeof median, "median %ld%s day%s %s", h / 2, h % 2 ? ".5" : "", h == 2 ? "" : "s",
		         d.median_half_days < 0 ? "early" : "late");
	snprintf(buf, size, "%zu done with a completion date, %zu on time, %s", d.done_with_date, d.on_time, median);
}

void report_done_words(const struct charter *c, const struct milestone *m, bool brief, char *buf, size_t size)
{
	if (!m->has_completed) {
		snprintf(buf, size, "done (date not recorded)");
		return;
	}
	char d[DATE_TEXT_SIZE];
	date_format(m->completed, d);
	long late;
	if (!milestone_late_days(c, m, &late)) /* no due date to be late against */
		snprintf(buf, size, "done %s", brief ? d + 5 : d);
	else if (late <= 0)
		snprintf(buf, size, brief ? "done on time" : "done %s, on time", d);
	else if (brief)
		snprintf(buf, size, "done %s, %ld d late", d + 5, late);
	else
		snprintf(buf, size, "done %s, %ld day%s late", d, late, late == 1 ? "" : "s");
}

void report_review_words(const struct charter *c, struct date today, char *buf, size_t size)
{
	struct date review;
	if (!progress_find_next_review(c, today, &review, NULL)) {
		snprintf(buf, size, "No review planned");
		return;
	}
	char d[DATE_TEXT_SIZE];
	date_format(review, d);
	long until = date_days_between(today, review);
	if (until == 0)
		snprintf(buf, size, "Next review %s (today)", d);
	else
		snprintf(buf, size, "Next review %s (in %ld day%s)", d, until, until == 1 ? "" : "s");
}

/* The group's overdue, then blocked, then due-soon milestones, file order in each. */
static void print_attention(FILE *out, const struct report_pass *pass, const struct group *g, struct date today)
{
	const struct charter *c = pass->c;
	for (int kind = ATTENTION_OVERDUE; kind <= ATTENTION_DUE_SOON; kind++) {
		for (size_t i = g->first; i < g->first + g->count; i++) {
			const struct milestone *m = &c->milestones[i];
			if ((int)report_pass_attention(pass, i) != kind)
				continue;
			char when[64];
			report_due_words(c, m, today, when, sizeof when);
			fprintf(out, "  %s: ", attention_label((enum attention)kind));
			report_plain_text(out, m->id);
			fputs("  ", out);
			report_plain_text(out, m->title);
			fprintf(out, "  (%s, %s)\n", when, status_label(m->status));
		}
	}
}

static void print_group(FILE *out, const struct report_pass *pass, size_t gi, struct date today)
{
	const struct charter *c = pass->c;
	const struct group *g = &c->groups[gi];
	struct progress scratch;
	const struct progress *p = report_pass_group(pass, gi, &scratch);
	fputc('\n', out);
	report_plain_text(out, g->name);
	fputs(" (", out);
	report_plain_text(out, g->id);
	fputs(")\n", out);
	if (p->total == 0) {
		fprintf(out, "  no milestones yet\n");
		return;
	}
	char bar[BAR_WIDTH + 3];
	report_bar(bar, BAR_WIDTH, p->counts[STATUS_DONE], p->total);
	fprintf(out, "  %s %zu/%zu  %d%%  %s\n", bar, p->counts[STATUS_DONE], p->total, p->percent,
	        state_label(p->state));
	report_put_counts(out, p, false);
	print_record(out, c, g->first, g->count, p, "  roadmap phase: ");
	print_attention(out, pass, g, today);
}

void report_text(FILE *out, const struct charter *c, const struct report_options *opt)
{
	char signed_on[DATE_TEXT_SIZE], deadline[DATE_TEXT_SIZE], today[DATE_TEXT_SIZE], days[32];
	date_format(c->signed_on, signed_on);
	date_format(c->deadline, deadline);
	date_format(opt->today, today);
	report_days(progress_days_left(c, opt->today), days, sizeof days);

	report_plain_text(out, c->title);
	fputc('\n', out);
	fprintf(out, "Signed %s; roadmap deadline %s (%s); today %s\n", signed_on, deadline, days, today);

	struct report_pass pass;
	report_pass_init(&pass, c, opt->today);
	const struct progress *p = &pass.all;
	char line[160];
	report_roadmap_words(c, opt->today, p, line, sizeof line);
	fprintf(out, "%s\n", line);
	report_review_words(c, opt->today, line, sizeof line);
	fprintf(out, "%s\n", line);
	if (p->total) {
		char bar[BAR_WIDTH + 3];
		report_bar(bar, BAR_WIDTH, p->counts[STATUS_DONE], p->total);
		fprintf(out, "Overall %s %zu/%zu  %d%%  %s\n", bar, p->counts[STATUS_DONE], p->total,
		        p->percent, state_label(p->state));
		report_put_counts(out, p, false);
		print_record(out, c, 0, c->milestone_count, NULL, "  ");
	} else {
		fprintf(out, "Overall: no milestones yet\n");
	}
	for (size_t gi = 0; gi < c->group_count; gi++)
		if (opt->group < 0 || (size_t)opt->group == gi)
			print_group(out, &pass, gi, opt->today);
	report_pass_fini(&pass);
}
