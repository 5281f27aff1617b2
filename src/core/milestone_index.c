/* milestone_index — milestones by id (see milestone_index.h). */
#include "charterdash/core/milestone_index.h"

#include <stdint.h>

void milestone_index_reset(struct milestone_index *x)
{
	if (x->built)
		strmap_fini(&x->ids);
	x->built = false;
}

void milestone_index_watch(struct milestone_index *x, const struct charter *c)
{
	milestone_index_reset(x);
	x->c = c;
}

static bool build(struct milestone_index *x)
{
	strmap_init(&x->ids);
	x->built = true;
	for (size_t i = 0; i < x->c->milestone_count; i++)
		if (x->c->milestones[i].id && !strmap_put(&x->ids, x->c->milestones[i].id, (uint32_t)i)) {
			milestone_index_reset(x);
			return false;
		}
	return true;
}

const struct milestone *milestone_index_find(struct milestone_index *x, const char *id, bool *failed)
{
	uint32_t i;
	if (x->built || build(x))
		return strmap_get(&x->ids, id, &i) ? &x->c->milestones[i] : NULL;
	*failed = true;
	long at = charter_find_milestone(x->c, id);
	return at < 0 ? NULL : &x->c->milestones[at];
}
