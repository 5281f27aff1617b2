/* changes — which milestones differ between two loads of the same charter
 * (before and after someone else saved it), so the dashboard can mark
 * them. Pure: compares models, no I/O. */
#ifndef CHARTERDASH_CHANGES_H
#define CHARTERDASH_CHANGES_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/charter.h"

/* Ids of the milestones of `after` that are new or whose title, status,
 * due date, owner, notes or group differ from the milestone with the same
 * id in `before`, in `after`'s file order. Removed milestones are not
 * listed (nothing is left to mark). *ids is a new array (free it) of
 * strings borrowed from `after`; NULL when there are none. Returns the
 * count, or (size_t)-1 when memory runs out (*ids NULL). */
size_t changes_between(const struct charter *before, const struct charter *after, const char ***ids);

/* True when two milestones show the same values (their group compared by id). */
bool changes_same_milestone(const struct charter *a, const struct milestone *ma, const struct charter *b,
                            const struct milestone *mb);

#endif
