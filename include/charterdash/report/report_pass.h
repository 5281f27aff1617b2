/* report_pass — what the reports say about the milestones, counted in one
 * walk: each group's progress, the charter's (the sum of the groups') and
 * each milestone's facts (its attention bucket, in the roadmap phase).
 * Writers read these instead of walking the milestones again: a new
 * per-milestone or per-group figure belongs in this walk, not in another.
 *
 * The caller owns the pass; report_pass_fini frees it. Without memory for
 * the arrays the accessors work it out per call instead (slower, same
 * answers), so a writer never has to fail. */
#ifndef CHARTERDASH_REPORT_PASS_H
#define CHARTERDASH_REPORT_PASS_H

#include <stddef.h>

#include "charterdash/core/charter.h"
#include "charterdash/report/progress.h"
#include "charterdash/report/report.h"

struct report_pass {
	const struct charter *c;
	struct date today;
	struct progress all;     /* the whole charter */
	struct progress *groups; /* [group_count], or NULL (out of memory) */
	unsigned char *facts;    /* [milestone_count] enum progress_fact bits, or NULL */
};

void report_pass_init(struct report_pass *p, const struct charter *c, struct date today);
void report_pass_fini(struct report_pass *p);

/* Group gi's progress. */
const struct progress *report_pass_group(const struct report_pass *p, size_t gi, struct progress *scratch);
/* Milestone i's enum progress_fact bits. */
unsigned report_pass_facts(const struct report_pass *p, size_t i);
/* Milestone i's attention bucket (progress_attention, from its facts). */
enum attention report_pass_attention(const struct report_pass *p, size_t i);

#endif
