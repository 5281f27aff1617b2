/* changes — milestones that differ between two versions of a charter. */
#include "charterdash/store/changes.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/buf.h"
#include "charterdash/core/strmap.h"
#include "charterdash/core/strutil.h"

bool changes_same_fields(const struct milestone *ma, const struct milestone *mb)
{
	if (ma->status != mb->status || ma->has_due != mb->has_due || ma->due_unset != mb->due_unset)
		return false;
	if (ma->has_due && date_compare(ma->due, mb->due) != 0)
		return false;
	return str_same(ma->title, mb->title) && str_same(ma->owner, mb->owner) && str_same(ma->notes, mb->notes);
}

bool changes_same_milestone(const struct charter *a, const struct milestone *ma, const struct charter *b,
                            const struct milestone *mb)
{
	return changes_same_fields(ma, mb) && str_same(a->groups[ma->group].id, b->groups[mb->group].id);
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

/* --- net changes over history entries ----------------------------------- */

static bool is_existence(const struct history_entry *e)
{
	return !strcmp(e->field, "milestone");
}

/* A field given back right after its milestone was added back (an undone
 * removal): same second, same user, from the value a new milestone has. */
static bool is_restoring(const struct history_entry *e, const struct history_entry *readded)
{
	return readded && !strcmp(e->time, readded->time) && str_same(e->user, readded->user) &&
	       (!e->old_value || !strcmp(e->old_value, "not_started"));
}

/* Folds one field entry into the fields seen so far. */
static bool fold_field(struct net_change *c, size_t *cap, const struct history_entry *e,
                       const struct history_entry *readded)
{
	for (size_t k = 0; k < c->field_count; k++) {
		if (!strcmp(c->fields[k].field, e->field)) {
			c->fields[k].new_value = e->new_value;
			return true;
		}
	}
	struct net_field *fields = buf_grow_array(c->fields, cap, c->field_count, sizeof *c->fields, 8);
	if (!fields)
		return false;
	c->fields = fields;
	const char *old = is_restoring(e, readded) ? e->new_value : e->old_value;
	c->fields[c->field_count++] = (struct net_field){ e->field, old, e->new_value };
	return true;
}

/* Keeps the fields that tell something: a changed value, or for a new
 * milestone any value at all. */
static void keep_telling_fields(struct net_change *c)
{
	size_t kept = 0;
	for (size_t k = 0; k < c->field_count; k++) {
		const struct net_field *f = &c->fields[k];
		if (c->kind == NET_ADDED ? f->new_value != NULL : !str_same(f->old_value, f->new_value))
			c->fields[kept++] = *f;
	}
	c->field_count = c->kind == NET_REMOVED ? 0 : kept;
}

static bool counts_for(const struct net_change *c, const struct history_entry *e)
{
	if (c->kind != NET_CHANGED)
		return true;
	for (size_t k = 0; k < c->field_count; k++)
		if (!strcmp(c->fields[k].field, e->field))
			return true;
	return false;
}

/* Who made the changes that count, each once, and when the last was. */
static bool collect_users(struct net_change *c, const struct history_entry *entries, size_t count)
{
	size_t cap = 0;
	for (size_t i = 0; i < count; i++) {
		const struct history_entry *e = &entries[i];
		if (history_is_meeting(e) || strcmp(e->id, c->id) || !counts_for(c, e))
			continue;
		c->last_time = e->time;
		const char *who = e->user ? e->user : "?";
		bool known = false;
		for (size_t u = 0; u < c->user_count && !known; u++)
			known = !strcmp(c->users[u], who);
		if (known)
			continue;
		const char **users = buf_grow_array(c->users, &cap, c->user_count, sizeof *c->users, 8);
		if (!users)
			return false;
		c->users = users;
		c->users[c->user_count++] = who;
	}
	return true;
}

/* The net change of milestone `id`; *any false when there is none. */
static bool net_of(const struct history_entry *entries, size_t count, const char *id, struct net_change *c,
                   bool *any)
{
	const struct history_entry *first = NULL, *last = NULL, *readded = NULL;
	size_t cap = 0;
	*c = (struct net_change){ .id = id };
	for (size_t i = 0; i < count; i++) {
		const struct history_entry *e = &entries[i];
		if (history_is_meeting(e) || strcmp(e->id, id))
			continue;
		c->group = e->group ? e->group : c->group;
		if (is_existence(e)) {
			first = first ? first : e;
			last = e;
			readded = e->new_value ? e : NULL;
		} else if (!fold_field(c, &cap, e, readded)) {
			return false;
		}
	}
	bool existed = !first || first->old_value, exists = !last || last->new_value;
	c->kind = !existed ? NET_ADDED : !exists ? NET_REMOVED : NET_CHANGED;
	c->title = c->kind == NET_ADDED ? last->new_value : c->kind == NET_REMOVED ? last->old_value : NULL;
	keep_telling_fields(c);
	*any = (existed || exists) && (c->kind != NET_CHANGED || c->field_count > 0);
	return !*any || collect_users(c, entries, count);
}

static void net_change_fini(struct net_change *c)
{
	free(c->fields);
	free(c->users);
}

bool changes_net(const struct history_entry *entries, size_t count, struct net_changes *out)
{
	size_t cap = 0;
	struct strmap seen; /* the milestones done: each is computed at its first entry */
	uint32_t unused;
	*out = (struct net_changes){ 0 };
	strmap_init(&seen);
	for (size_t i = 0; i < count; i++) {
		const struct history_entry *e = &entries[i];
		if (history_is_meeting(e) || strmap_get(&seen, e->id, &unused))
			continue;
		struct net_change c = { 0 };
		bool any;
		struct net_change *items = NULL;
		if (!strmap_put(&seen, e->id, 1) || !net_of(entries, count, e->id, &c, &any) ||
		    (any && !(items = buf_grow_array(out->items, &cap, out->count, sizeof *out->items, 8)))) {
			net_change_fini(&c);
			changes_net_fini(out);
			strmap_fini(&seen);
			return false;
		}
		if (any) {
			out->items = items;
			out->items[out->count++] = c;
		} else {
			net_change_fini(&c);
		}
	}
	strmap_fini(&seen);
	return true;
}

void changes_net_fini(struct net_changes *n)
{
	for (size_t i = 0; i < n->count; i++)
		net_change_fini(&n->items[i]);
	free(n->items);
	*n = (struct net_changes){ 0 };
}
