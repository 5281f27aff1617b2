/* report_markdown — headings and pipe tables to paste into an issue, a
 * wiki page or an email. GitHub-flavoured tables; every value from the
 * file goes through report_md_text so a '|' or a line break in a title
 * cannot break a table. */
#include "charterdash/report/report.h"

#include "charterdash/report/progress.h"
#include "charterdash/report/report_pass.h"

#define MD_BAR_WIDTH 10

/* The progress cell: a bar in a code span (monospaced wherever it lands). */
static void put_progress(FILE *out, const struct progress *p)
{
	if (!p->total) {
		fputs("no milestones", out);
		return;
	}
	char bar[MD_BAR_WIDTH + 3];
	report_bar(bar, MD_BAR_WIDTH, p->counts[STATUS_DONE], p->total);
	fprintf(out, "`%s` %d%%", bar, p->percent);
}

/* The roadmap phase's outcome (`p`; NULL: said above) and delivery, as a
 * sentence of their own. */
static void put_record(FILE *out, const struct charter *c, size_t first, size_t count, const struct progress *p)
{
	char words[200];
	if (p && p->roadmap_total) {
		report_outcome_words(p, ", ", false, words, sizeof words);
		fprintf(out, "Roadmap phase: %s. ", words);
	}
	report_delivery_words(c, first, count, words, sizeof words);
	fprintf(out, "Delivery: %s.\n", words);
}

static void put_summary_table(FILE *out, const struct report_pass *pass, const struct report_options *opt)
{
	const struct charter *c = pass->c;
	fputs("| Working group | Done | Progress | State | Overdue | Blocked | Due soon | Roadmap phase |\n"
	      "| :-- | --: | :-- | :-- | --: | --: | --: | --: |\n", out);
	for (size_t gi = 0; gi < c->group_count; gi++) {
		if (!report_shows_group(opt, gi))
			continue;
		struct progress scratch;
		const struct progress *p = report_pass_group(pass, gi, &scratch);
		fputs("| ", out);
		report_md_text(out, c->groups[gi].name, REPORT_MD_CELL);
		fprintf(out, " | %zu/%zu | ", p->counts[STATUS_DONE], p->total);
		put_progress(out, p);
		fprintf(out, " | %s | %zu | %zu | %zu | %zu/%zu |\n", p->total ? state_label(p->state) : "",
		        p->attention[ATTENTION_OVERDUE], p->attention[ATTENTION_BLOCKED], p->attention[ATTENTION_DUE_SOON],
		        p->roadmap_done, p->roadmap_total);
	}
}

static void put_group(FILE *out, const struct report_pass *pass, size_t gi)
{
	const struct charter *c = pass->c;
	const struct group *g = &c->groups[gi];
	struct progress scratch;
	const struct progress *p = report_pass_group(pass, gi, &scratch);
	fputs("\n## ", out);
	report_md_text(out, g->name, REPORT_MD_HEADING);
	fputs(" (", out);
	report_md_text(out, g->id, REPORT_MD_HEADING);
	fputs(")\n\n", out);
	if (!p->total) {
		fputs("No milestones yet.\n", out);
		return;
	}
	fprintf(out, "%zu/%zu done (%d%%), %s. ", p->counts[STATUS_DONE], p->total, p->percent,
	        state_label(p->state));
	report_put_counts(out, p, true);
	put_record(out, c, g->first, g->count, p);
	fputs("\n| Id | Milestone | Status | Due | Owner |\n"
	      "| :-- | :-- | :-- | :-- | :-- |\n", out);
	for (size_t i = g->first; i < g->first + g->count; i++) {
		const struct milestone *m = &c->milestones[i];
		char due[sizeof "no date yet"] = "no date yet"; /* longer than a date: DATE_TEXT_SIZE left no NUL */
		if (milestone_has_date(m))
			date_format(milestone_due(c, m), due);
		fputs("| ", out);
		report_md_text(out, m->id, REPORT_MD_CELL);
		fputs(" | ", out);
		report_md_text(out, m->title, REPORT_MD_CELL);
		char done[64];
		enum attention a = report_pass_attention(pass, i);
		if (m->status == STATUS_DONE)
			report_done_words(c, m, false, done, sizeof done);
		if (m->status == STATUS_DONE)
			fprintf(out, " | %s | %s | ", done, due);
		else if (a == ATTENTION_OVERDUE)
			fprintf(out, " | **%s, overdue** | %s | ", status_label(m->status), due);
		else if (a == ATTENTION_DUE_SOON)
			fprintf(out, " | %s, *due soon* | %s | ", status_label(m->status), due);
		else
			fprintf(out, " | %s | %s | ", status_label(m->status), due);
		report_md_text(out, m->owner, REPORT_MD_CELL);
		fputs(" |\n", out);
	}
}

void report_markdown(FILE *out, const struct charter *c, const struct report_options *opt)
{
	char signed_on[DATE_TEXT_SIZE], deadline[DATE_TEXT_SIZE], today[DATE_TEXT_SIZE], days[32];
	date_format(c->signed_on, signed_on);
	date_format(c->deadline, deadline);
	date_format(opt->today, today);
	report_days(progress_days_left(c, opt->today), days, sizeof days);

	fputs("# ", out);
	report_md_text(out, c->title, REPORT_MD_HEADING);
	fprintf(out, "\n\nSigned %s; roadmap deadline %s (%s); today %s.\n\n", signed_on, deadline,
	        days, today);

	struct report_pass pass;
	report_pass_init(&pass, c, opt->today);
	const struct progress *p = &pass.all;
	char line[160];
	report_roadmap_words(c, opt->today, p, line, sizeof line);
	fprintf(out, "%s.  \n", line);
	report_review_words(c, opt->today, line, sizeof line);
	fprintf(out, "%s.\n\n", line);
	if (p->total) {
		fprintf(out, "**Overall:** %zu/%zu milestones done (%d%%), %s. ", p->counts[STATUS_DONE],
		        p->total, p->percent, state_label(p->state));
		report_put_counts(out, p, true);
		put_record(out, c, 0, c->milestone_count, NULL);
	} else {
		fputs("**Overall:** no milestones yet.\n", out);
	}
	if (c->group_count) {
		fputc('\n', out);
		put_summary_table(out, &pass, opt);
		for (size_t gi = 0; gi < c->group_count; gi++)
			if (report_shows_group(opt, gi))
				put_group(out, &pass, gi);
	}
	report_pass_fini(&pass);
}
