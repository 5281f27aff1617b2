/* charter — build the model from a doc, checking it against the format. */
#include "charterdash/core/charter.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charterdash/core/fsio.h"
#include "charterdash/core/doc_reparse.h"
#include "charterdash/core/merge3.h"
#include "charterdash/core/strmap.h"
#include "charterdash/core/utf8.h"

static const char *const status_keys[STATUS_COUNT] = { "not_started", "in_progress", "blocked", "done" };
static const char *const status_labels[STATUS_COUNT] = { "not started", "in progress", "blocked", "done" };

const char *status_key(enum status s)
{
	return (unsigned)s < STATUS_COUNT ? status_keys[s] : "?";
}

const char *status_label(enum status s)
{
	return (unsigned)s < STATUS_COUNT ? status_labels[s] : "?";
}

bool status_parse(const char *text, enum status *out)
{
	for (int i = 0; i < STATUS_COUNT; i++) {
		if (strcmp(text, status_keys[i]) == 0) {
			*out = (enum status)i;
			return true;
		}
	}
	return false;
}

/* Validation context: the doc, where problems go, and what is being read
 * ("milestone 'x'") so messages can say where in the charter they are.
 * The place is kept as its parts and only put into words for a message:
 * a 100k-milestone file would otherwise format 200k texts nobody reads. */
enum where_kind { WHERE_TEXT, WHERE_GROUP_N, WHERE_GROUP, WHERE_MILESTONE_N, WHERE_MILESTONE };

/* The keys read from groups and milestones: each mapping's keys are walked
 * once to find them all (doc_map_get per key walks them once per key). */
static const char *const known_keys[] = { "id", "title", "owner", "notes", "due", "status",
                                          "completed", "name", "short", "description", "leads", "milestones" };
#define KNOWN_KEYS (sizeof known_keys / sizeof known_keys[0])

struct loader {
	struct charter *c;
	struct doc *doc;
	struct diag_list *diags;
	enum where_kind where_kind;
	const char *where_text; /* WHERE_TEXT: the words; else the id */
	size_t where_n;
	bool where_ready;
	char where[160];
	uint32_t keys_map; /* the mapping key_values belong to, or DOC_NONE */
	uint32_t key_values[KNOWN_KEYS];
};

static void set_where_text(struct loader *l, const char *text)
{
	l->where_kind = WHERE_TEXT;
	l->where_text = text;
	l->where_ready = false;
}

static void set_where_item(struct loader *l, enum where_kind kind, const char *id, size_t n)
{
	l->where_kind = kind;
	l->where_text = id;
	l->where_n = n;
	l->where_ready = false;
}

/* What is being read, in words: "working group 'x', milestone 3". */
static const char *where(struct loader *l)
{
	if (l->where_ready)
		return l->where;
	switch (l->where_kind) {
	case WHERE_TEXT: snprintf(l->where, sizeof l->where, "%s", l->where_text); break;
	case WHERE_GROUP_N: snprintf(l->where, sizeof l->where, "working group %zu", l->where_n); break;
	case WHERE_GROUP: snprintf(l->where, sizeof l->where, "working group '%s'", l->where_text); break;
	case WHERE_MILESTONE_N:
		snprintf(l->where, sizeof l->where, "working group '%s', milestone %zu", l->where_text, l->where_n);
		break;
	case WHERE_MILESTONE: snprintf(l->where, sizeof l->where, "milestone '%s'", l->where_text); break;
	}
	l->where_ready = true;
	return l->where;
}

/* Finds the known keys of mapping `map` in one walk (the first of each,
 * as doc_map_get does). */
static void index_keys(struct loader *l, uint32_t map)
{
	const struct doc *doc = l->doc;
	for (size_t i = 0; i < KNOWN_KEYS; i++)
		l->key_values[i] = DOC_NONE;
	l->keys_map = map;
	for (uint32_t k = doc->nodes[map].first; k != DOC_NONE;) {
		uint32_t v = doc->nodes[k].next;
		const char *text = doc_scalar(doc, k);
		for (size_t i = 0; text && i < KNOWN_KEYS; i++) {
			if (known_keys[i][0] == text[0] && l->key_values[i] == DOC_NONE &&
			    strcmp(known_keys[i], text) == 0) {
				l->key_values[i] = v;
				break;
			}
		}
		if (v == DOC_NONE)
			break;
		k = doc->nodes[v].next;
	}
}

/* doc_map_get, from the one walk when `map` was indexed. */
static uint32_t map_get(const struct loader *l, uint32_t map, const char *key)
{
	if (map == l->keys_map) {
		for (size_t i = 0; i < KNOWN_KEYS; i++)
			if (known_keys[i] == key) /* the same literal, usually */
				return l->key_values[i];
		for (size_t i = 0; i < KNOWN_KEYS; i++)
			if (strcmp(known_keys[i], key) == 0)
				return l->key_values[i];
	}
	return doc_map_get(l->doc, map, key, NULL);
}

static const char *kind_name(const struct doc *doc, uint32_t n)
{
	n = doc_resolve(doc, n);
	switch (doc->nodes[n].kind) {
	case DOC_SEQUENCE: return "a list";
	case DOC_MAPPING: return "a mapping (key: value pairs)";
	default: return "text";
	}
}

/* The node, or DOC_NONE for an alias to a collection (which the model never
 * follows: it could multiply the work, as alias bombs do). `key` names the
 * value in the message; NULL when the node is the item where(l) names. */
static uint32_t follow(struct loader *l, uint32_t n, const char *key)
{
	if (n == DOC_NONE)
		return DOC_NONE;
	uint32_t r = doc_resolve(l->doc, n);
	if (r != n && l->doc->nodes[r].kind != DOC_SCALAR) {
		if (key)
			doc_error(l->doc, l->diags, n,
			          "%s: '%s' uses an alias to a list or mapping; only single values may be aliased here",
			          where(l), key);
		else
			doc_error(l->doc, l->diags, n,
			          "%s is an alias to a list or mapping; write it out here (only single values may be aliased)",
			          where(l));
		return DOC_NONE;
	}
	return r;
}

/* doc turns an alias to no anchor into an empty plain scalar after
 * reporting it; a plain scalar cannot start with '*', so this spots one
 * and spares the user a second "is empty" error at the same place. */
static bool is_undefined_alias(const struct doc *doc, uint32_t n)
{
	const struct doc_node *node = &doc->nodes[n];
	return node->kind == DOC_SCALAR && node->start < doc->src_len && doc->src[node->start] == '*';
}

/* A required key is missing from `map`. Not said when the mapping has a
 * merge key: the loader has refused that already, and the key may well be
 * among the merged ones. */
static void missing_key(struct loader *l, uint32_t map, const char *key)
{
	uint32_t merge;
	if (doc_map_get(l->doc, map, "<<", &merge) != DOC_NONE && l->doc->nodes[merge].style == DOC_STYLE_PLAIN)
		return;
	doc_error(l->doc, l->diags, map, "%s has no '%s' (it is required)", where(l), key);
}

/* Text value of `key` in `map`. Missing or null: NULL (and an error if
 * required). A list or mapping: an error and NULL. */
static const char *get_text(struct loader *l, uint32_t map, const char *key, bool required)
{
	uint32_t n = map_get(l, map, key);
	if (n == DOC_NONE) {
		if (required)
			missing_key(l, map, key);
		return NULL;
	}
	uint32_t r = follow(l, n, key);
	if (r == DOC_NONE)
		return NULL;
	if (l->doc->nodes[r].kind != DOC_SCALAR) {
		doc_error(l->doc, l->diags, n, "%s: '%s' should be text, not %s", where(l), key,
		          kind_name(l->doc, r));
		return NULL;
	}
	if (doc_is_null(l->doc, r)) {
		if (required && !is_undefined_alias(l->doc, r))
			doc_error(l->doc, l->diags, n, "%s: '%s' is empty (it is required)", where(l), key);
		return NULL;
	}
	const char *text = doc_scalar(l->doc, r);
	if (strlen(text) != doc_scalar_len(l->doc, r)) {
		doc_error(l->doc, l->diags, n, "%s: '%s' contains a NUL character", where(l), key);
		return NULL;
	}
	if (required && utf8_is_blank(text)) {
		/* `title: ""` or `title: "  "` is as empty as `title:`. */
		doc_error(l->doc, l->diags, n, "%s: '%s' is empty (it is required)", where(l), key);
		return NULL;
	}
	return text;
}

static bool get_date(struct loader *l, uint32_t map, const char *key, bool required, struct date *out)
{
	const char *text = get_text(l, map, key, required);
	if (!text)
		return false;
	char why[96];
	if (!date_parse_explain(text, out, why, sizeof why)) {
		doc_error(l->doc, l->diags, map_get(l, map, key),
		          "%s: %s '%s' is not a valid date: %s", where(l), key, text, why);
		return false;
	}
	return true;
}

/* Ids are any non-blank text without whitespace. */
static const char *get_id(struct loader *l, uint32_t map)
{
	const char *id = get_text(l, map, "id", true);
	if (!id)
		return NULL;
	for (const char *p = id; *p; p++) {
		if (utf8_space_length(p)) {
			doc_error(l->doc, l->diags, map_get(l, map, "id"),
			          "%s: id '%s' contains whitespace; ids are single words such as econ-roadmap",
			          where(l), id);
			return NULL;
		}
	}
	return id;
}

/* A list value, or DOC_NONE when missing/null (fine when optional). Sets
 * *ok false after reporting a wrong type. */
static uint32_t get_list(struct loader *l, uint32_t map, const char *key, bool required, bool *ok)
{
	uint32_t n = map_get(l, map, key);
	if (n == DOC_NONE) {
		if (required) {
			missing_key(l, map, key);
			*ok = false;
		}
		return DOC_NONE;
	}
	uint32_t r = follow(l, n, key);
	if (r == DOC_NONE || doc_is_null(l->doc, r))
		return DOC_NONE;
	if (l->doc->nodes[r].kind != DOC_SEQUENCE) {
		doc_error(l->doc, l->diags, n, "%s: '%s' should be a list, not %s", where(l), key,
		          kind_name(l->doc, r));
		*ok = false;
		return DOC_NONE;
	}
	return r;
}

/* The item where(l) names, as a mapping (messages say which item:
 * "working group 2 should be ...", not "a working group should be ..."). */
static uint32_t get_mapping(struct loader *l, uint32_t n)
{
	uint32_t r = follow(l, n, NULL);
	if (r == DOC_NONE)
		return DOC_NONE;
	if (l->doc->nodes[r].kind != DOC_MAPPING) {
		doc_error(l->doc, l->diags, n, "%s should be a mapping (key: value pairs), not %s", where(l),
		          kind_name(l->doc, r));
		return DOC_NONE;
	}
	return r;
}

static void load_attention_days(struct loader *l, uint32_t head)
{
	l->c->attention_days = CHARTER_DEFAULT_ATTENTION_DAYS;
	const char *days = get_text(l, head, "attention_days", false);
	if (!days)
		return;
	char *end;
	errno = 0;
	long v = strtol(days, &end, 10);
	if (*days < '0' || *days > '9' || *end || errno || v < 1 || v > CHARTER_MAX_ATTENTION_DAYS)
		doc_error(l->doc, l->diags, map_get(l, head, "attention_days"),
		          "the charter: attention_days '%s' should be a whole number of days from 1 to 3660", days);
	else
		l->c->attention_days = (int)v;
}

/* One item of charter.reviews; false (reported) when it is not a date. */
static bool review_date(struct loader *l, uint32_t item, struct date *out)
{
	uint32_t r = follow(l, item, "reviews");
	if (r == DOC_NONE)
		return false;
	if (l->doc->nodes[r].kind != DOC_SCALAR || doc_is_null(l->doc, r)) {
		doc_error(l->doc, l->diags, item, "the charter: each of 'reviews' should be a date, not %s",
		          doc_is_null(l->doc, r) ? "empty" : kind_name(l->doc, r));
		return false;
	}
	const char *text = doc_scalar(l->doc, r);
	char why[96];
	if (!date_parse_explain(text, out, why, sizeof why)) {
		doc_error(l->doc, l->diags, item, "the charter: review '%s' is not a valid date: %s", text, why);
		return false;
	}
	return true;
}

/* charter.reviews: dates on or after signing, each after the one before.
 * Absent: the anniversaries of signing (progress.c computes them). */
static void load_reviews(struct loader *l, uint32_t head, bool have_signed)
{
	struct charter *c = l->c;
	bool ok = true;
	uint32_t list = get_list(l, head, "reviews", false, &ok);
	if (list == DOC_NONE)
		return;
	c->explicit_reviews = true;
	size_t n = doc_count(l->doc, list);
	c->reviews = calloc(n ? n : 1, sizeof *c->reviews);
	if (!c->reviews) {
		diag_add(l->diags, DIAG_ERROR, c->path, 0, 0, "out of memory");
		return;
	}
	for (uint32_t it = l->doc->nodes[list].first; it != DOC_NONE; it = l->doc->nodes[it].next) {
		struct date d;
		if (!review_date(l, it, &d))
			continue;
		char before[DATE_TEXT_SIZE];
		if (have_signed && date_compare(d, c->signed_on) < 0) {
			date_format(c->signed_on, before);
			doc_error(l->doc, l->diags, it, "the charter: review %s is before the signing date (%s)",
			          doc_scalar(l->doc, doc_resolve(l->doc, it)), before);
		} else if (c->review_count && date_compare(d, c->reviews[c->review_count - 1]) <= 0) {
			date_format(c->reviews[c->review_count - 1], before);
			doc_error(l->doc, l->diags, it,
			          "the charter: review %s is not after the one listed before it (%s); list reviews in order",
			          doc_scalar(l->doc, doc_resolve(l->doc, it)), before);
		} else {
			c->reviews[c->review_count++] = d;
		}
	}
}

static void load_header(struct loader *l, uint32_t root)
{
	struct charter *c = l->c;
	uint32_t key;
	uint32_t n = doc_map_get(l->doc, root, "charter", &key);
	if (n == DOC_NONE) {
		doc_error(l->doc, l->diags, root, "the file has no 'charter' section (title, signing date)");
		return;
	}
	set_where_text(l, "the charter"); /* before get_mapping, whose messages use it */
	uint32_t head = get_mapping(l, n);
	if (head == DOC_NONE)
		return;
	c->title = get_text(l, head, "title", true);
	bool have_signed = get_date(l, head, "signed", true, &c->signed_on);

	c->roadmap_months = CHARTER_DEFAULT_ROADMAP_MONTHS;
	const char *months = get_text(l, head, "roadmap_months", false);
	if (months) {
		char *end;
		errno = 0;
		long v = strtol(months, &end, 10);
		if (*months < '0' || *months > '9' || *end || errno || v < 1 || v > 1200) {
			doc_error(l->doc, l->diags, map_get(l, head, "roadmap_months"),
			          "the charter: roadmap_months '%s' should be a whole number of months from 1 to 1200",
			          months);
		} else {
			c->roadmap_months = (int)v;
		}
	}

	load_attention_days(l, head);
	load_reviews(l, head, have_signed);

	struct date deadline;
	if (get_date(l, head, "roadmap_deadline", false, &deadline)) {
		c->explicit_deadline = true;
		c->deadline = deadline;
		if (have_signed && date_compare(deadline, c->signed_on) < 0) {
			char s[DATE_TEXT_SIZE];
			date_format(c->signed_on, s);
			doc_error(l->doc, l->diags, map_get(l, head, "roadmap_deadline"),
			          "the charter: roadmap_deadline is before the signing date (%s)", s);
		}
	} else if (have_signed) {
		c->deadline = date_add_months(c->signed_on, c->roadmap_months);
	}
}

/* Milestone ids seen so far: an open-addressing table of milestone
 * indices (plus one; 0 is empty), compared through the milestones' own id
 * strings, so it holds no copies: 4 bytes a slot, at most half full. */
struct id_index {
	uint32_t *slots;
	size_t mask;
};

static bool id_index_init(struct id_index *ix, size_t count)
{
	size_t cap = 16;
	while (cap < count * 2)
		cap *= 2;
	ix->slots = calloc(cap, sizeof *ix->slots);
	ix->mask = cap - 1;
	return ix->slots != NULL;
}

/* The index of the milestone first given `id` (true), or false after
 * recording `index` as its first. */
static bool id_index_add(struct id_index *ix, const struct milestone *ms, const char *id, uint32_t index,
                         uint32_t *first)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 16777619u;
	size_t i = (h ^ (h >> 15)) & ix->mask;
	for (; ix->slots[i]; i = (i + 1) & ix->mask) {
		if (strcmp(ms[ix->slots[i] - 1].id, id) == 0) {
			*first = ix->slots[i] - 1;
			return true;
		}
	}
	ix->slots[i] = index + 1;
	return false;
}

/* `completed: DATE`: when the milestone was done. Before the charter was
 * signed it cannot be; the checks that need today are in
 * charter_check_completed. */
static void load_completed(struct loader *l, uint32_t map, struct milestone *m)
{
	const struct charter *c = l->c;
	m->has_completed = get_date(l, map, "completed", false, &m->completed);
	if (m->has_completed && c->signed_on.year && date_compare(m->completed, c->signed_on) < 0) {
		char d[DATE_TEXT_SIZE], s[DATE_TEXT_SIZE];
		date_format(m->completed, d);
		date_format(c->signed_on, s);
		doc_error(l->doc, l->diags, map_get(l, map, "completed"),
		          "%s: completed %s is before the signing date (%s)", where(l), d, s);
		m->has_completed = false;
	}
}

/* `ordinal`: 1-based place in the group's list, counting items that are not
 * mappings too, so the message matches what the user sees in the file. */
static void load_milestone(struct loader *l, uint32_t node, size_t group, size_t ordinal,
                           struct id_index *ids)
{
	struct charter *c = l->c;
	const char *gid = c->groups[group].id ? c->groups[group].id : "?";
	size_t index = c->milestone_count;
	set_where_item(l, WHERE_MILESTONE_N, gid, ordinal);
	uint32_t map = get_mapping(l, node);
	if (map == DOC_NONE)
		return;
	index_keys(l, map);

	struct milestone *m = &c->milestones[c->milestone_count++];
	memset(m, 0, sizeof *m);
	m->group = (uint32_t)group;
	m->node = map;
	m->id = get_id(l, map);
	if (m->id) {
		uint32_t first;
		if (id_index_add(ids, c->milestones, m->id, (uint32_t)index, &first)) {
			unsigned line, col;
			/* the first id's own line: its mapping may start earlier */
			uint32_t first_id = doc_map_get(l->doc, c->milestones[first].node, "id", NULL);
			doc_position(l->doc, c->doc.nodes[first_id].start, &line, &col);
			doc_error(l->doc, l->diags, map_get(l, map, "id"),
			          "milestone id '%s' is used twice (first at line %u); ids must be unique in the file",
			          m->id, line);
		}
		set_where_item(l, WHERE_MILESTONE, m->id, 0);
	}
	m->title = get_text(l, map, "title", true);
	m->owner = get_text(l, map, "owner", false);
	m->notes = get_text(l, map, "notes", false);
	m->has_due = get_date(l, map, "due", false, &m->due);
	if (!m->has_due) { /* `due: ~` says "no date yet"; no key says "the deadline" */
		uint32_t due = map_get(l, map, "due");
		m->due_unset = due != DOC_NONE && doc_is_null(l->doc, doc_resolve(l->doc, due));
	}

	const char *status = get_text(l, map, "status", true);
	if (status && !status_parse(status, &m->status))
		doc_error(l->doc, l->diags, map_get(l, map, "status"),
		          "status '%s' is not one of: not_started, in_progress, blocked, done", status);
	load_completed(l, map, m);
}

static void load_group(struct loader *l, uint32_t node, struct strmap *group_ids, struct id_index *ids)
{
	struct charter *c = l->c;
	size_t index = c->group_count;
	set_where_item(l, WHERE_GROUP_N, NULL, index + 1);
	uint32_t map = get_mapping(l, node);
	if (map == DOC_NONE)
		return;
	index_keys(l, map);
	struct group *g = &c->groups[c->group_count++];
	memset(g, 0, sizeof *g);
	g->node = map;
	g->first = c->milestone_count;
	g->id = get_id(l, map);
	if (g->id) {
		uint32_t first;
		if (strmap_get(group_ids, g->id, &first)) {
			unsigned line, col;
			uint32_t first_id = doc_map_get(l->doc, c->groups[first].node, "id", NULL);
			doc_position(l->doc, c->doc.nodes[first_id].start, &line, &col);
			doc_error(l->doc, l->diags, map_get(l, map, "id"),
			          "working group id '%s' is used twice (first at line %u)", g->id, line);
		} else {
			strmap_put(group_ids, g->id, (uint32_t)index);
		}
		set_where_item(l, WHERE_GROUP, g->id, 0);
	}
	g->name = get_text(l, map, "name", true);
	g->short_name = get_text(l, map, "short", false);
	g->description = get_text(l, map, "description", false);

	bool ok = true;
	uint32_t leads = get_list(l, map, "leads", false, &ok);
	size_t nleads = doc_count(l->doc, leads);
	if (leads != DOC_NONE && nleads) {
		g->leads = calloc(nleads, sizeof *g->leads);
		for (uint32_t it = l->doc->nodes[leads].first; g->leads && it != DOC_NONE; it = l->doc->nodes[it].next) {
			uint32_t r = follow(l, it, "leads");
			if (r == DOC_NONE)
				continue;
			if (l->doc->nodes[r].kind != DOC_SCALAR || doc_is_null(l->doc, r))
				doc_error(l->doc, l->diags, it, "%s: each of 'leads' should be a name, not %s",
				          where(l), doc_is_null(l->doc, r) ? "empty" : kind_name(l->doc, r));
			else
				g->leads[g->lead_count++] = doc_scalar(l->doc, r);
		}
	}

	uint32_t list = get_list(l, map, "milestones", false, &ok);
	if (list == DOC_NONE)
		return;
	size_t ordinal = 0;
	for (uint32_t it = l->doc->nodes[list].first; it != DOC_NONE; it = l->doc->nodes[it].next) {
		if (diag_full(l->diags)) {
			l->diags->truncated = true; /* items left unchecked: say so */
			break;
		}
		load_milestone(l, it, index, ++ordinal, ids);
	}
	g = &c->groups[index];
	g->count = c->milestone_count - g->first;
}

/* Upper bounds for the arrays, so they are allocated once. */
static void count_items(const struct doc *doc, uint32_t groups, size_t *ngroups, size_t *nmilestones)
{
	*ngroups = doc_count(doc, groups);
	*nmilestones = 0;
	for (uint32_t g = doc->nodes[groups].first; g != DOC_NONE; g = doc->nodes[g].next) {
		uint32_t list = doc_map_get(doc, g, "milestones", NULL);
		if (list != DOC_NONE && doc->nodes[list].kind == DOC_SEQUENCE)
			*nmilestones += doc_count(doc, list);
	}
}

/* The model from c->doc; `parsed` is doc_parse's answer. */
static bool load_model(struct charter *c, bool parsed, size_t errors_before, struct diag_list *diags)
{
	struct loader l = { .c = c, .doc = &c->doc, .diags = diags, .keys_map = DOC_NONE };
	uint32_t root = c->doc.root;
	if (root == DOC_NONE || doc_is_null(&c->doc, root)) {
		if (parsed) /* else the doc's own error says more */
			diag_add(diags, DIAG_ERROR, c->path, 1, 1,
			         "the file is empty; a charter file starts with a 'charter:' section");
		return false;
	}
	if (c->doc.nodes[root].kind != DOC_MAPPING) {
		doc_error(&c->doc, diags, root,
		          "the file should be a mapping with 'charter' and 'working_groups', not %s",
		          kind_name(&c->doc, root));
		return false;
	}
	load_header(&l, root);

	set_where_text(&l, "the file");
	bool ok = true;
	uint32_t groups = get_list(&l, root, "working_groups", true, &ok);
	if (groups != DOC_NONE) {
		size_t ngroups, nmilestones;
		count_items(&c->doc, groups, &ngroups, &nmilestones);
		c->groups = calloc(ngroups ? ngroups : 1, sizeof *c->groups);
		c->milestones = calloc(nmilestones ? nmilestones : 1, sizeof *c->milestones);
		if (!c->groups || !c->milestones) {
			diag_add(diags, DIAG_ERROR, c->path, 0, 0, "out of memory");
			return false;
		}
		struct strmap group_ids;
		struct id_index ids;
		if (!id_index_init(&ids, nmilestones)) {
			diag_add(diags, DIAG_ERROR, c->path, 0, 0, "out of memory");
			return false;
		}
		strmap_init(&group_ids);
		for (uint32_t it = c->doc.nodes[groups].first; it != DOC_NONE; it = c->doc.nodes[it].next) {
			if (diag_full(diags)) {
				diags->truncated = true; /* items left unchecked: say so */
				break;
			}
			load_group(&l, it, &group_ids, &ids);
		}
		strmap_fini(&group_ids);
		free(ids.slots);
	}
	return diags->errors == errors_before;
}

static bool start_load(struct charter *c, const char *path, char *text, size_t len, struct diag_list *diags)
{
	memset(c, 0, sizeof *c);
	c->text = text;
	c->text_len = len;
	c->path = strdup(path ? path : "<input>");
	if (!c->path)
		diag_add(diags, DIAG_ERROR, path, 0, 0, "out of memory");
	return c->path != NULL;
}

bool charter_load_text(struct charter *c, const char *path, char *text, size_t len,
                       struct diag_list *diags)
{
	size_t errors_before = diags->errors;
	if (!start_load(c, path, text, len, diags))
		return false;
	if (merge3_report_markers(c->path, text, len, diags) > 0)
		return false; /* git's markers: not YAML, and the parse errors would only confuse */
	/* On false with a root, the tree is complete and its problems (duplicate
	 * keys, undefined aliases, a second document) are reported: validate
	 * it anyway so one run shows every error. */
	bool parsed = doc_parse(&c->doc, c->path, text, len, diags);
	if (!parsed && c->doc.root == DOC_NONE)
		return false;
	return load_model(c, parsed, errors_before, diags);
}

/* The lines around a splice: a merge marker there is new (before loaded). */
static bool markers_near(const char *text, size_t len, size_t start, size_t piece_len)
{
	size_t from = start, to = start + piece_len;
	while (from > 0 && text[from - 1] != '\n')
		from--;
	const char *lf = to < len ? memchr(text + to, '\n', len - to) : NULL;
	to = lf ? (size_t)(lf - text) : len;
	struct diag_list scratch;
	diag_init(&scratch, 1);
	size_t found = merge3_report_markers("", text + from, to - from, &scratch);
	diag_fini(&scratch);
	return found > 0;
}

bool charter_load_spliced(struct charter *c, const struct charter *before, const char *path, char *text,
                          size_t len, size_t start, size_t end, size_t piece_len, struct diag_list *diags)
{
	size_t errors_before = diags->errors;
	if (markers_near(text, len, start, piece_len))
		return charter_load_text(c, path, text, len, diags);
	if (!start_load(c, path, text, len, diags))
		return false;
	if (!doc_reparse(&c->doc, &before->doc, c->path, text, len, start, end, piece_len)) {
		char *owned = c->text;
		free(c->path);
		return charter_load_text(c, path, owned, len, diags);
	}
	return load_model(c, true, errors_before, diags);
}

char *charter_read_file(const char *path, size_t *out_len, struct diag_list *diags)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; for the
	 * regular files we go on to read it changes nothing. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
	if (!f) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	struct stat st;
	if (fstat(fileno(f), &st) != 0) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
		fclose(f);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "%s",
		         S_ISDIR(st.st_mode) ? "is a directory, not a charter file" : "is not a regular file");
		fclose(f);
		return NULL;
	}
	/* said before reading: a huge file must not cost its size in memory */
	if (st.st_size >= (off_t)DOC_MAX_SOURCE) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "file is larger than 512 MiB; charterdash cannot read it");
		fclose(f);
		return NULL;
	}
	size_t len;
	char *text = fsio_read_all(f, (size_t)st.st_size, DOC_MAX_SOURCE, &len);
	int err = errno;
	fclose(f);
	if (!text) {
		if (err == EFBIG) /* it grew while we read */
			diag_add(diags, DIAG_ERROR, path, 0, 0, "file is larger than 512 MiB; charterdash cannot read it");
		else
			diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read: %s", err == ENOMEM ? "out of memory" : strerror(err));
		return NULL;
	}
	*out_len = len;
	return text;
}

bool charter_load_file(struct charter *c, const char *path, struct diag_list *diags)
{
	memset(c, 0, sizeof *c);
	size_t len;
	char *text = charter_read_file(path, &len, diags);
	return text && charter_load_text(c, path, text, len, diags);
}

void charter_fini(struct charter *c)
{
	for (size_t i = 0; i < c->group_count; i++)
		free(c->groups[i].leads);
	free(c->groups);
	free(c->milestones);
	free(c->reviews);
	doc_fini(&c->doc);
	free(c->text);
	free(c->path);
	memset(c, 0, sizeof *c);
}

long charter_find_milestone(const struct charter *c, const char *id)
{
	for (size_t i = 0; i < c->milestone_count; i++)
		if (c->milestones[i].id && strcmp(c->milestones[i].id, id) == 0)
			return (long)i;
	return -1;
}

long charter_find_group(const struct charter *c, const char *id)
{
	for (size_t i = 0; i < c->group_count; i++)
		if (c->groups[i].id && strcmp(c->groups[i].id, id) == 0)
			return (long)i;
	return -1;
}

struct date milestone_due(const struct charter *c, const struct milestone *m)
{
	return m->has_due ? m->due : c->deadline;
}

bool milestone_has_date(const struct milestone *m)
{
	return !m->due_unset;
}

bool milestone_late_days(const struct charter *c, const struct milestone *m, long *days)
{
	if (m->status != STATUS_DONE || !m->has_completed || !milestone_has_date(m))
		return false;
	*days = date_days_between(milestone_due(c, m), m->completed);
	return true;
}

size_t charter_check_completed(struct charter *c, struct date today, enum diag_severity severity,
                               struct diag_list *diags)
{
	size_t added = 0;
	for (size_t i = 0; i < c->milestone_count; i++) {
		const struct milestone *m = &c->milestones[i];
		if (!m->has_completed)
			continue;
		uint32_t at = doc_map_get(&c->doc, m->node, "completed", NULL);
		char d[DATE_TEXT_SIZE], t[DATE_TEXT_SIZE];
		date_format(m->completed, d);
		date_format(today, t);
		if (m->status != STATUS_DONE) {
			doc_report(&c->doc, diags, severity, at,
			           "milestone '%s': completed %s, but its status is %s (only a done milestone has a completion date)",
			           m->id, d, status_key(m->status));
			added++;
		}
		if (date_compare(m->completed, today) > 0) {
			doc_report(&c->doc, diags, severity, at, "milestone '%s': completed %s is after today (%s)", m->id, d, t);
			added++;
		}
	}
	return added;
}
