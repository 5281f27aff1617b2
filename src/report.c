/* report — plain-text summary of a charter. */
#include "charterdash/report.h"

#include <string.h>

#include "charterdash/progress.h"

#define BAR_WIDTH 30

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

static void print_counts(FILE *out, const struct progress *p)
{
	fprintf(out, "  done %zu, in progress %zu, blocked %zu, not started %zu",
	        p->counts[STATUS_DONE], p->counts[STATUS_IN_PROGRESS], p->counts[STATUS_BLOCKED],
	        p->counts[STATUS_NOT_STARTED]);
	if (p->overdue)
		fprintf(out, "; %zu overdue", p->overdue);
	fputc('\n', out);
}

static void print_group(FILE *out, const struct charter *c, size_t gi, struct date today)
{
	const struct group *g = &c->groups[gi];
	struct progress p;
	progress_group(c, gi, today, &p);
	fputc('\n', out);
	report_plain_text(out, g->name);
	fputs(" (", out);
	report_plain_text(out, g->id);
	fputs(")\n", out);
	if (p.total == 0) {
		fprintf(out, "  no milestones yet\n");
		return;
	}
	char bar[BAR_WIDTH + 3];
	report_bar(bar, BAR_WIDTH, p.counts[STATUS_DONE], p.total);
	fprintf(out, "  %s %zu/%zu  %d%%  %s\n", bar, p.counts[STATUS_DONE], p.total, p.percent,
	        state_label(p.state));
	print_counts(out, &p);
	for (size_t i = g->first; i < g->first + g->count; i++) {
		const struct milestone *m = &c->milestones[i];
		if (!progress_is_overdue(c, m, today))
			continue;
		char due[DATE_TEXT_SIZE], days[32];
		date_format(milestone_due(c, m), due);
		report_days(date_days_between(today, milestone_due(c, m)), days, sizeof days);
		fputs("  overdue: ", out);
		report_plain_text(out, m->id);
		fputs("  ", out);
		report_plain_text(out, m->title);
		fprintf(out, "  (due %s, %s, %s)\n", due, days,
		        status_label(m->status));
	}
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

	struct progress p;
	progress_charter(c, opt->today, &p);
	if (p.total) {
		char bar[BAR_WIDTH + 3];
		report_bar(bar, BAR_WIDTH, p.counts[STATUS_DONE], p.total);
		fprintf(out, "Overall %s %zu/%zu  %d%%  %s\n", bar, p.counts[STATUS_DONE], p.total,
		        p.percent, state_label(p.state));
		print_counts(out, &p);
	} else {
		fprintf(out, "Overall: no milestones yet\n");
	}
	for (size_t gi = 0; gi < c->group_count; gi++)
		if (opt->group < 0 || (size_t)opt->group == gi)
			print_group(out, c, gi, opt->today);
}
