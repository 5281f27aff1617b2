/* report_json — the charter's state as one JSON object for programs.
 * The fields are documented in README.md ("JSON report"); keep both in step. */
#include "charterdash/report/report.h"

#include <string.h>

#include "charterdash/core/buf.h"
#include "charterdash/core/json.h"
#include "charterdash/report/progress.h"
#include "charterdash/report/report_pass.h"

static void put_date(FILE *out, struct date d)
{
	char text[DATE_TEXT_SIZE];
	date_format(d, text);
	fprintf(out, "\"%s\"", text);
}

/* percent and state are null when there is nothing to count. */
static void put_numbers(FILE *out, const struct progress *p, const char *indent)
{
	fprintf(out, "%s\"done\": %zu,\n%s\"total\": %zu,\n", indent, p->counts[STATUS_DONE], indent,
	        p->total);
	if (p->total)
		fprintf(out, "%s\"percent\": %d,\n%s\"state\": \"%s\"", indent, p->percent, indent,
		        state_key(p->state));
	else
		fprintf(out, "%s\"percent\": null,\n%s\"state\": null", indent, indent);
	fprintf(out, ",\n%s\"blocked\": %zu,\n%s\"overdue\": %zu,\n%s\"due_soon\": %zu,\n"
	             "%s\"roadmap\": {\"done\": %zu, \"total\": %zu, \"on_time\": %zu, \"late\": %zu, "
	             "\"open\": %zu, \"undated\": %zu}",
	        indent, p->attention[ATTENTION_BLOCKED], indent, p->attention[ATTENTION_OVERDUE], indent,
	        p->attention[ATTENTION_DUE_SOON], indent,
	        p->roadmap_done, p->roadmap_total, p->roadmap_on_time, p->roadmap_late,
	        p->roadmap_total - p->roadmap_done, p->roadmap_undated);
}

/* "delivery": over the done milestones whose lateness is known; the
 * median is a whole number of days, or a half. */
static void put_delivery(FILE *out, const struct charter *c, size_t first, size_t count, const char *indent)
{
	struct delivery d;
	if (!progress_delivery(c, first, count, &d))
		d = (struct delivery){ 0 };
	fprintf(out, ",\n%s\"delivery\": {\"done_with_date\": %zu, \"on_time\": %zu, \"median_late_days\": ", indent,
	        d.done_with_date, d.on_time);
	if (!d.has_median)
		fputs("null}", out);
	else if (d.median_half_days % 2 == 0)
		fprintf(out, "%ld}", d.median_half_days / 2);
	else
		fprintf(out, "%.1f}", (double)d.median_half_days / 2.0);
}

/* A milestone's line is built in memory and written with one fwrite: at
 * 100k milestones, a stdio call per field was a fifth of the report. */
static void put_milestone(struct buf *b, const struct charter *c, const struct milestone *m, unsigned facts)
{
	char due[DATE_TEXT_SIZE + 2] = "null"; /* no date yet: null */
	if (milestone_has_date(m)) {
		due[0] = '"';
		date_format(milestone_due(c, m), due + 1);
		strcat(due, "\"");
	}
	buf_puts(b, "{\"id\": ");
	json_put_string(b, m->id ? m->id : "");
	buf_puts(b, ", \"title\": ");
	json_put_string(b, m->title ? m->title : "");
	buf_puts(b, ", \"status\": \"");
	buf_puts(b, status_key(m->status));
	buf_puts(b, "\", \"due\": ");
	buf_puts(b, due);
	buf_puts(b, ", \"owner\": ");
	json_put_string(b, m->owner); /* null when there is none */
	char completed[DATE_TEXT_SIZE + 2] = "null", late[24] = "null";
	long days;
	if (m->has_completed) {
		completed[0] = '"';
		date_format(m->completed, completed + 1);
		strcat(completed, "\"");
	}
	if (milestone_late_days(c, m, &days))
		snprintf(late, sizeof late, "%ld", days);
	buf_puts(b, ", \"completed\": ");
	buf_puts(b, completed);
	buf_puts(b, ", \"late_days\": ");
	buf_puts(b, late);
	enum attention a = progress_fact_attention(facts);
	buf_puts(b, a == ATTENTION_OVERDUE ? ", \"overdue\": true" : ", \"overdue\": false");
	buf_puts(b, a == ATTENTION_DUE_SOON ? ", \"due_soon\": true" : ", \"due_soon\": false");
	buf_puts(b, ", \"attention\": ");
	if (a == ATTENTION_NONE) {
		buf_puts(b, "null}");
	} else {
		buf_puts(b, "\"");
		buf_puts(b, attention_key(a));
		buf_puts(b, "\"}");
	}
}

static void put_group(FILE *out, const struct report_pass *pass, size_t gi)
{
	const struct charter *c = pass->c;
	const struct group *g = &c->groups[gi];
	struct progress scratch;
	const struct progress *p = report_pass_group(pass, gi, &scratch);
	fputs("    {\n      \"id\": ", out);
	report_json_string(out, g->id);
	fputs(",\n      \"name\": ", out);
	report_json_string(out, g->name);
	fputs(",\n", out);
	put_numbers(out, p, "      ");
	put_delivery(out, c, g->first, g->count, "      ");
	fprintf(out, ",\n      \"counts\": {\"not_started\": %zu, \"in_progress\": %zu, "
	             "\"blocked\": %zu, \"done\": %zu},\n",
	        p->counts[STATUS_NOT_STARTED], p->counts[STATUS_IN_PROGRESS], p->counts[STATUS_BLOCKED],
	        p->counts[STATUS_DONE]);
	fputs("      \"milestones\": [", out);
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < g->count; i++) {
		b.len = 0;
		buf_puts(&b, i ? ",\n        " : "\n        ");
		put_milestone(&b, c, &c->milestones[g->first + i], report_pass_facts(pass, g->first + i));
		if (b.data)
			fwrite(b.data, 1, b.len, out);
	}
	buf_fini(&b);
	fputs(g->count ? "\n      ]\n    }" : "]\n    }", out);
}

void report_json(FILE *out, const struct charter *c, const struct report_options *opt)
{
	struct report_pass pass;
	report_pass_init(&pass, c, opt->today);
	fputs("{\n  \"charter\": {\n    \"title\": ", out);
	report_json_string(out, c->title);
	fputs(",\n    \"signed\": ", out);
	put_date(out, c->signed_on);
	fputs(",\n    \"deadline\": ", out);
	put_date(out, c->deadline);
	fputs(",\n    \"today\": ", out);
	put_date(out, opt->today);
	fprintf(out, ",\n    \"days_left\": %ld,\n    \"next_review\": ", progress_days_left(c, opt->today));
	struct date review;
	if (progress_find_next_review(c, opt->today, &review, NULL))
		put_date(out, review);
	else
		fputs("null", out);
	fputs(",\n", out);
	put_numbers(out, &pass.all, "    ");
	put_delivery(out, c, 0, c->milestone_count, "    ");
	fputs("\n  },\n  \"groups\": [", out);
	bool first = true;
	for (size_t gi = 0; gi < c->group_count; gi++) {
		if (!report_shows_group(opt, gi))
			continue;
		fputs(first ? "\n" : ",\n", out);
		put_group(out, &pass, gi);
		first = false;
	}
	fputs(first ? "]\n}\n" : "\n  ]\n}\n", out);
	report_pass_fini(&pass);
}
