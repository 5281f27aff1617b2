/* report_pass — the reports' figures in one walk over the milestones. */
#include "charterdash/report/report_pass.h"

#include <stdlib.h>

void report_pass_init(struct report_pass *p, const struct charter *c, struct date today)
{
	*p = (struct report_pass){ .c = c, .today = today };
	p->all = (struct progress){ .percent = -1, .state = STATE_EMPTY };
	p->groups = malloc((c->group_count ? c->group_count : 1) * sizeof *p->groups);
	p->facts = malloc(c->milestone_count ? c->milestone_count : 1);
	if (!p->groups || !p->facts) {
		report_pass_fini(p);
		progress_charter(c, today, &p->all);
		return;
	}
	for (size_t gi = 0; gi < c->group_count; gi++) {
		const struct group *g = &c->groups[gi];
		progress_range_facts(c, g->first, g->count, today, &p->groups[gi], p->facts + g->first);
		progress_add(&p->all, &p->groups[gi]);
	}
}

void report_pass_fini(struct report_pass *p)
{
	free(p->groups);
	free(p->facts);
	p->groups = NULL;
	p->facts = NULL;
}

const struct progress *report_pass_group(const struct report_pass *p, size_t gi, struct progress *scratch)
{
	if (p->groups)
		return &p->groups[gi];
	progress_group(p->c, gi, p->today, scratch);
	return scratch;
}

unsigned report_pass_facts(const struct report_pass *p, size_t i)
{
	return p->facts ? p->facts[i] : progress_facts(p->c, &p->c->milestones[i], p->today);
}

enum attention report_pass_attention(const struct report_pass *p, size_t i)
{
	return progress_fact_attention(report_pass_facts(p, i));
}
