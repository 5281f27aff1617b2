/* changes — milestones that differ between two versions of a charter. */
#include "charterdash/changes.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/strmap.h"
#include "charterdash/strutil.h"

bool changes_same_milestone(const struct charter *a, const struct milestone *ma, const struct charter *b,
                            const struct milestone *mb)
{
	if (ma->status != mb->status || ma->has_due != mb->has_due)
		return false;
	if (ma->has_due && date_compare(ma->due, mb->due) != 0)
		return false;
	return str_same(ma->title, mb->title) && str_same(ma->owner, mb->owner) &&
	       str_same(ma->notes, mb->notes) && str_same(a->groups[ma->group].id, b->groups[mb->group].id);
}

size_t changes_between(const struct charter *before, const struct charter *after, const char ***ids)
{
	*ids = NULL;
	struct strmap index;
	strmap_init(&index);
	for (size_t i = 0; i < before->milestone_count; i++)
		if (before->milestones[i].id && !strmap_put(&index, before->milestones[i].id, (uint32_t)i)) {
			strmap_fini(&index);
			return (size_t)-1;
		}
	size_t n = 0;
	const char **out = NULL;
	for (size_t i = 0; i < after->milestone_count; i++) {
		const struct milestone *m = &after->milestones[i];
		if (!m->id)
			continue;
		uint32_t at;
		if (strmap_get(&index, m->id, &at) && changes_same_milestone(before, &before->milestones[at], after, m))
			continue;
		if (!out) { /* at most every milestone */
			out = malloc(after->milestone_count * sizeof *out);
			if (!out) {
				strmap_fini(&index);
				return (size_t)-1;
			}
		}
		out[n++] = m->id;
	}
	strmap_fini(&index);
	*ids = out;
	return n;
}
