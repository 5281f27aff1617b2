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

void report_done_words(const struct charter *c, const struct milestone *m, char *buf, size_t size)
{
	buf[0] = '\0';
	if (m->status != STATUS_DONE)
		return;
	if (!m->has_completed) {
		snprintf(buf, size, "done (date not recorded)");
		return;
	}
	char on[DATE_TEXT_SIZE];
	date_format(m->completed, on);
	long late;
	if (!milestone_late_days(c, m, &late))
		snprintf(buf, size, "done %s", on);
	else if (late > 0)
		snprintf(buf, size, "done %s, %ld day%s late", on, late, late == 1 ? "" : "s");
	else if (late == 0)
		snprintf(buf, size, "done %s, on time", on);
	else
		snprintf(buf, size, "done %s, on time (%ld day%s early)", on, -late, late == -1 ? "" : "s");
}

void report_roadmap_words(const struct charter *c, struct date today, const struct progress *all, char *buf,
                          size_t size)
{
	char deadline[DATE_TEXT_SIZE], days[32];
	date_format(c->deadline, deadline);
	long left = progress_days_left(c, today);
	report_days(left, days, sizeof days);
	if (left < 0)
		snprintf(buf, size, "Roadmap phase closed %s: %zu/%zu done", deadline, all->roadmap_done,
		         all->roadmap_total);
	else
		snprintf(buf, size, "Roadmap phase to %s: %zu/%zu done (%s)", deadline, all->roadmap_done,
		         all->roadmap_total, days);
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
	} else {
		fprintf(out, "Overall: no milestones yet\n");
	}
	for (size_t gi = 0; gi < c->group_count; gi++)
		if (opt->group < 0 || (size_t)opt->group == gi)
			print_group(out, &pass, gi, opt->today);
	report_pass_fini(&pass);
}
