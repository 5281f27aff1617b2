/* changes — which milestones differ between two loads of the same charter
 * (before and after someone else saved it), so the dashboard can mark
 * them. Pure: compares models, no I/O. */
#ifndef CHARTERDASH_CHANGES_H
#define CHARTERDASH_CHANGES_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/core/charter.h"
#include "charterdash/store/history.h"

/* Ids of the milestones of `after` that are new or whose title, status,
 * due date, owner, notes or group differ from the milestone with the same
 * id in `before`, in `after`'s file order. Removed milestones are not
 * listed (nothing is left to mark). *ids is a new array (free it) of
 * strings borrowed from `after`; NULL when there are none. Returns the
 * count, or (size_t)-1 when memory runs out (*ids NULL). */
size_t changes_between(const struct charter *before, const struct charter *after, const char ***ids);

/* True when two milestones hold the same title, status, due date (an
 * explicit `due: ~` is not the same as none), owner and notes. */
bool changes_same_fields(const struct milestone *ma, const struct milestone *mb);

/* The same fields, and the same group (compared by id). */
bool changes_same_milestone(const struct charter *a, const struct milestone *ma, const struct charter *b,
                            const struct milestone *mb);

/* The net effect of a run of history entries (the minutes of a meeting):
 * per milestone and field, the value before the first change and after
 * the last, so that a change made and reverted (or set, undone, redone,
 * undone) leaves nothing. */
struct net_field {
	const char *field;             /* "status", "due", ... */
	const char *old_value;         /* before the first change (NULL: absent) */
	const char *new_value;         /* after the last one */
};

enum net_kind {
	NET_CHANGED,                   /* there before and after: the fields that differ */
	NET_ADDED,                     /* new: the fields it was given, in one entry */
	NET_REMOVED,                   /* gone: named by the title it had */
};

struct net_change {
	const char *id, *group;        /* group: the last one the entries name (NULL: none) */
	enum net_kind kind;
	const char *title;             /* ADDED: as added; REMOVED: when removed */
	struct net_field *fields;      /* CHANGED: those that differ; ADDED: those with a value */
	size_t field_count;
	const char **users;            /* who made these changes, each once, first first */
	size_t user_count;
	const char *last_time;         /* of the last entry that counts */
};

struct net_changes {
	struct net_change *items;      /* in the order of each milestone's first entry */
	size_t count;
};

/* Computes the net changes of entries[0..count) (oldest first; meeting
 * marks are skipped). A milestone added and removed again leaves nothing;
 * so does one removed and put back as it was (an undone removal: the
 * values it is given back in the same second count as what it had).
 * Every string is borrowed from the entries. False when memory runs out
 * (*out then empty). */
bool changes_net(const struct history_entry *entries, size_t count, struct net_changes *out);
void changes_net_fini(struct net_changes *n);

#endif
