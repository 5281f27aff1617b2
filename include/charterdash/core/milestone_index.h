/* milestone_index — a charter's milestones by id in O(1), for callers that
 * look up many ids (the merge): built on the first lookup, dropped when the
 * charter changes. The index borrows the charter. */
#ifndef CHARTERDASH_MILESTONE_INDEX_H
#define CHARTERDASH_MILESTONE_INDEX_H

#include <stdbool.h>

#include "charterdash/core/charter.h"
#include "charterdash/core/strmap.h"

struct milestone_index {
	const struct charter *c; /* borrowed; NULL: indexes nothing */
	struct strmap ids;       /* id -> index in c->milestones, when built */
	bool built;
};

/* Indexes `c` (NULL: nothing) from now on; the old index goes. */
void milestone_index_watch(struct milestone_index *x, const struct charter *c);

/* The charter's text changed: build the index again on the next lookup. */
void milestone_index_reset(struct milestone_index *x);

/* Milestone `id`, or NULL. When memory runs out for the index, a scan
 * gives the answer and *failed is set. */
const struct milestone *milestone_index_find(struct milestone_index *x, const char *id, bool *failed);

#endif
