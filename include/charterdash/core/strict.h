/* strict — `check --strict`: warnings about keys charterdash does not
 * know, so that a typo (`stauts`, `onwer`, `roadmap_month`) is not silently
 * ignored. The data format allows any other key anywhere, so this is opt-in
 * and only warns; it never changes what loads.
 *
 * Where it warns:
 *   - in a working group and in a milestone: every key that is not part of
 *     the format, except keys starting with "x-" or "x_" (the user's own);
 *   - at the top of the file and in `charter`, where free-form metadata
 *     (parties, place, signatories, ...) is expected: only keys that look
 *     like a misspelt known key.
 * A key that belongs one level up or down (a milestone's `status` written in
 * a group) is pointed out as a likely indentation mistake.
 *
 * Pure: walks a parsed doc, adds warnings at each key's position. */
#ifndef CHARTERDASH_STRICT_H
#define CHARTERDASH_STRICT_H

#include <stddef.h>

#include "charterdash/core/diag.h"
#include "charterdash/core/doc.h"

/* Walks doc (which may be one the charter loader rejected, as long as it
 * parsed) and adds a warning per unknown key. Returns how many it added. */
size_t strict_check(struct doc *doc, struct diag_list *diags);

/* The entry of `known` closest to `key` (ASCII case ignored, a swap of two
 * neighbouring letters counting as one edit), if close enough to be a
 * likely typo: one edit for names of up to five letters, two for longer
 * ones. NULL when none is. */
const char *strict_suggest(const char *key, const char *const *known, size_t count);

/* Every entry of `known` as close to `key` as the closest, when that is
 * close enough by the rule above (so "energy-lgn" finds "energy-lng"),
 * in `known`'s order: at most `max` of them in `out`. Returns how many. */
size_t strict_nearest(const char *key, const char *const *known, size_t count, const char **out, size_t max);

/* The edit distance used above, or a number > max when it exceeds max
 * (long keys are not compared in full). */
size_t strict_distance(const char *a, const char *b, size_t max);

#endif
