/* report_csv — one row per milestone, for spreadsheets.
 *
 * RFC 4180: CRLF after every row (the header included), fields quoted only
 * when they hold a comma, quote, CR or LF. UTF-8 without a byte-order mark.
 * Values are written as they are: a title starting with '=' is not
 * defused, since the file is data and a prefix would change it. */
#include "charterdash/report/report.h"

#include "charterdash/report/progress.h"
#include "charterdash/report/report_pass.h"

void report_csv(FILE *out, const struct charter *c, const struct report_options *opt)
{
	struct report_pass pass;
	report_pass_init(&pass, c, opt->today);
	fputs("group_id,group_name,milestone_id,title,status,due,owner,overdue\r\n", out);
	for (size_t gi = 0; gi < c->group_count; gi++) {
		if (!report_shows_group(opt, gi))
			continue;
		const struct group *g = &c->groups[gi];
		for (size_t i = g->first; i < g->first + g->count; i++) {
			const struct milestone *m = &c->milestones[i];
			char due[DATE_TEXT_SIZE] = ""; /* empty: no date yet */
			if (milestone_has_date(m))
				date_format(milestone_due(c, m), due);
			report_csv_field(out, g->id);
			fputc(',', out);
			report_csv_field(out, g->name);
			fputc(',', out);
			report_csv_field(out, m->id);
			fputc(',', out);
			report_csv_field(out, m->title);
			fprintf(out, ",%s,%s,", status_key(m->status), due);
			report_csv_field(out, m->owner);
			fprintf(out, ",%s\r\n", report_pass_attention(&pass, i) == ATTENTION_OVERDUE ? "true" : "false");
		}
	}
	report_pass_fini(&pass);
}
