/* patch_verify — proves that an edited text holds exactly the change that
 * was meant.
 *
 * Three checks, all linear: the bytes outside the replaced span are the
 * original's; the model (the fields charterdash knows) reads back as
 * intended; and the whole document does: the node trees of both loads are
 * walked in step, and every node — keys, scalar values as decoded (after
 * chomping and folding), styles, tags, anchors, aliases, order — must be
 * the same, except at the one place the change names, where the new node
 * must have exactly the intended shape. A value charterdash does not model
 * (an `x-log: |+` block, a list of leads) is covered too. */
#include "charterdash/store/patch.h"
#include "charterdash/core/strutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the model --------------------------------------------------------- */

static bool same_milestone(const struct milestone *a, const struct milestone *b, int skip_field)
{
	char da[DATE_TEXT_SIZE], db[DATE_TEXT_SIZE];
	for (int f = 0; f < FIELD_COUNT; f++)
		if (f != skip_field && !str_same(milestone_field(a, (enum field)f, da), milestone_field(b, (enum field)f, db)))
			return false;
	if (skip_field != FIELD_DUE && a->due_unset != b->due_unset) /* `due: ~` vs no due */
		return false;
	return str_same(a->id, b->id) && a->group == b->group;
}

static bool same_header(const struct charter *before, const struct charter *after, char *why, size_t why_size)
{
	if (!str_same(before->title, after->title) || date_compare(before->signed_on, after->signed_on) ||
	    date_compare(before->deadline, after->deadline) || before->group_count != after->group_count) {
		snprintf(why, why_size, "the change would alter the charter's header or groups");
		return false;
	}
	for (size_t g = 0; g < before->group_count; g++) {
		if (!str_same(before->groups[g].id, after->groups[g].id) ||
		    !str_same(before->groups[g].name, after->groups[g].name)) {
			snprintf(why, why_size, "the change would alter working group '%s'", before->groups[g].id);
			return false;
		}
	}
	return true;
}

static bool target_reads_back(const struct milestone *b, const struct edit *e, char *why, size_t why_size)
{
	char scratch[DATE_TEXT_SIZE];
	const char *now = milestone_field(b, e->field, scratch);
	const char *want = e->value && *e->value ? e->value : NULL;
	if (!str_same(now, want)) {
		snprintf(why, why_size, "the new %s would not read back as typed", field_name(e->field));
		return false;
	}
	return true;
}

static bool model_verify(const struct charter *before, const struct charter *after, const struct edit *e,
                         char *why, size_t why_size)
{
	if (!same_header(before, after, why, why_size))
		return false;
	long target = e->kind == EDIT_ADD ? charter_find_milestone(after, e->milestone_id)
	                                  : charter_find_milestone(before, e->milestone_id);
	size_t expect = before->milestone_count + (e->kind == EDIT_ADD) - (e->kind == EDIT_REMOVE);
	if (target < 0 || after->milestone_count != expect) {
		snprintf(why, why_size, "the change would add or remove the wrong milestones");
		return false;
	}
	/* Walk both lists in step, skipping the added or removed one. */
	for (size_t i = 0, j = 0; i < before->milestone_count || j < after->milestone_count;) {
		if (e->kind == EDIT_ADD && j == (size_t)target) {
			const struct milestone *m = &after->milestones[j++];
			if (!str_same(m->title, e->value) || m->status != STATUS_NOT_STARTED ||
			    charter_find_group(after, e->group_id) != (long)m->group) {
				snprintf(why, why_size, "the new milestone would not read back as written");
				return false;
			}
			continue;
		}
		if (e->kind == EDIT_REMOVE && i == (size_t)target) {
			i++;
			continue;
		}
		if (i >= before->milestone_count || j >= after->milestone_count)
			break;
		const struct milestone *a = &before->milestones[i++], *b = &after->milestones[j++];
		bool is_target = e->kind == EDIT_SET && (long)(i - 1) == target;
		if (!same_milestone(a, b, is_target ? (int)e->field : -1)) {
			snprintf(why, why_size, "the change would also alter milestone '%s'", a->id);
			return false;
		}
		if (is_target && !target_reads_back(b, e, why, why_size))
			return false;
	}
	return true;
}

/* ---- the whole document ------------------------------------------------ */

/* Where the two trees may differ: one node of the original. */
enum change_op {
	CHANGE_REPLACE, /* the value or item `target` becomes a new node */
	CHANGE_REMOVE,  /* the pair whose key is `target`, or the item `target`, goes */
	CHANGE_APPEND,  /* the collection `target` gains an entry at its end */
};

/* What the new node must be. */
enum new_shape {
	SHAPE_VALUE,          /* a scalar holding the value typed */
	SHAPE_MILESTONE,      /* {id: ID, title: TITLE, status: not_started} */
	SHAPE_LIST_OF_ONE,    /* a list of that one milestone */
	SHAPE_EMPTY_LIST,     /* nothing: a null or [] */
};

struct tree_check {
	const struct doc *a, *b; /* before, after */
	const struct edit *e;
	enum change_op op;
	uint32_t target;
	const char *new_key; /* CHANGE_APPEND to a mapping: the key added */
	uint32_t after;      /* CHANGE_APPEND: the key it follows; DOC_NONE: at the end */
	enum new_shape shape;
	uint32_t *map; /* node of a -> its node in b, for aliases */
	size_t at;     /* where in a they differ */
	const char *what;
};

static bool differ(struct tree_check *t, size_t at, const char *what)
{
	t->at = at;
	t->what = what;
	return false;
}

/* The tag of a node (`!!str`, `!x`), read from its span's properties;
 * zero-length when it has none. */
static const char *tag_of(const struct doc *doc, uint32_t n, size_t *len)
{
	const char *s = doc->src;
	size_t i = doc->nodes[n].start, end = doc->nodes[n].end;
	*len = 0;
	while (i < end && (s[i] == '!' || s[i] == '&')) {
		size_t from = i;
		while (i < end && !strchr(" \t\r\n", s[i]))
			i++;
		if (s[from] == '!') {
			*len = i - from;
			return s + from;
		}
		while (i < end && strchr(" \t\r\n", s[i]))
			i++;
	}
	return s + i;
}

static bool same_scalar_text(const struct doc *a, uint32_t x, const struct doc *b, uint32_t y)
{
	size_t n = doc_scalar_len(a, x);
	return n == doc_scalar_len(b, y) && memcmp(doc_scalar(a, x), doc_scalar(b, y), n) == 0;
}

static bool scalar_is(const struct doc *doc, uint32_t n, const char *text)
{
	const struct doc_node *node = &doc->nodes[n];
	return node->kind == DOC_SCALAR && !node->flags && doc_scalar_len(doc, n) == strlen(text) &&
	       strcmp(doc_scalar(doc, n), text) == 0;
}

static bool same_node(struct tree_check *t, uint32_t x, uint32_t y);

/* A new milestone as `add` writes it: three pairs, in order. */
static bool is_new_milestone(const struct tree_check *t, uint32_t n)
{
	const struct doc *b = t->b;
	const char *const want[] = { "id", t->e->milestone_id, "title", t->e->value, "status", "not_started" };
	if (b->nodes[n].kind != DOC_MAPPING || b->nodes[n].flags)
		return false;
	uint32_t k = b->nodes[n].first;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++, k = b->nodes[k].next)
		if (k == DOC_NONE || !scalar_is(b, k, want[i]))
			return false;
	return k == DOC_NONE;
}

static bool has_new_shape(struct tree_check *t, uint32_t at_a, uint32_t n)
{
	const struct doc *b = t->b;
	const struct doc_node *node = &b->nodes[n];
	bool ok = false;
	switch (t->shape) {
	case SHAPE_VALUE:
		ok = scalar_is(b, n, t->e->value);
		break;
	case SHAPE_MILESTONE:
		ok = is_new_milestone(t, n);
		break;
	case SHAPE_LIST_OF_ONE:
		ok = node->kind == DOC_SEQUENCE && !node->flags && node->first != DOC_NONE &&
		     b->nodes[node->first].next == DOC_NONE && is_new_milestone(t, node->first);
		break;
	case SHAPE_EMPTY_LIST:
		ok = (node->kind == DOC_SEQUENCE && node->first == DOC_NONE) ||
		     (node->kind == DOC_SCALAR && doc_is_null(b, n));
		break;
	}
	return ok || differ(t, at_a, "the changed value is not what was meant");
}

/* The next entry of a collection's children: a mapping's go by pairs. */
static uint32_t next_entry(const struct doc *doc, uint32_t n, bool pairs)
{
	return pairs ? doc->nodes[doc->nodes[n].next].next : doc->nodes[n].next;
}

/* One entry of a: a key and its value, or an item (value == entry). */
static bool same_entry(struct tree_check *t, uint32_t x, uint32_t y, bool pairs)
{
	if (pairs && !same_node(t, x, y))
		return false;
	uint32_t xv = pairs ? t->a->nodes[x].next : x, yv = pairs ? t->b->nodes[y].next : y;
	if (t->op == CHANGE_REPLACE && xv == t->target)
		return has_new_shape(t, t->a->nodes[xv].start, yv);
	return same_node(t, xv, yv);
}

/* The entry appended to collection x of a: at y in b. */
static bool appended_entry(struct tree_check *t, uint32_t x, uint32_t y, bool pairs)
{
	if (y == DOC_NONE)
		return differ(t, t->a->nodes[x].end, "the new entry is missing");
	if (pairs && !scalar_is(t->b, y, t->new_key))
		return differ(t, t->a->nodes[x].end, "the new key is not what was meant");
	return has_new_shape(t, t->a->nodes[x].end, pairs ? t->b->nodes[y].next : y);
}

static bool same_children(struct tree_check *t, uint32_t x, uint32_t y)
{
	bool pairs = t->a->nodes[x].kind == DOC_MAPPING;
	uint32_t i = t->a->nodes[x].first, j = t->b->nodes[y].first;
	for (; i != DOC_NONE; i = next_entry(t->a, i, pairs)) {
		if (t->op == CHANGE_REMOVE && i == t->target)
			continue;
		if (j == DOC_NONE)
			return differ(t, t->a->nodes[i].start, "an entry would be lost");
		if (!same_entry(t, i, j, pairs))
			return false;
		j = next_entry(t->b, j, pairs);
		if (t->op == CHANGE_APPEND && x == t->target && i == t->after) {
			if (!appended_entry(t, x, j, pairs))
				return false;
			j = next_entry(t->b, j, pairs);
		}
	}
	if (t->op == CHANGE_APPEND && x == t->target && t->after == DOC_NONE) {
		if (!appended_entry(t, x, j, pairs))
			return false;
		j = next_entry(t->b, j, pairs);
	}
	return j == DOC_NONE || differ(t, t->a->nodes[x].end, "an entry would be added");
}

static bool same_node(struct tree_check *t, uint32_t x, uint32_t y)
{
	const struct doc_node *p = &t->a->nodes[x], *q = &t->b->nodes[y];
	t->map[x] = y;
	if (p->kind != q->kind || p->style != q->style || p->flags != q->flags)
		return differ(t, p->start, "a value would change its kind or style");
	if (p->flags & DOC_FLAG_TAG) {
		size_t la, lb;
		const char *ta = tag_of(t->a, x, &la), *tb = tag_of(t->b, y, &lb);
		if (la != lb || memcmp(ta, tb, la) != 0)
			return differ(t, p->start, "a tag would change");
	}
	switch ((enum doc_kind)p->kind) {
	case DOC_SCALAR:
		return same_scalar_text(t->a, x, t->b, y) || differ(t, p->start, "a value would change");
	case DOC_ALIAS:
		return t->map[p->first] == q->first || differ(t, p->start, "an alias would change");
	case DOC_SEQUENCE:
	case DOC_MAPPING:
		break;
	}
	return same_children(t, x, y);
}

/* Which node of the original the edit changes, and into what. */
static bool plan_expected(const struct charter *c, const struct edit *e, struct tree_check *t)
{
	const struct doc *doc = &c->doc;
	uint32_t key;
	if (e->kind == EDIT_SET) {
		long m = charter_find_milestone(c, e->milestone_id);
		if (m < 0)
			return false;
		uint32_t map = c->milestones[m].node;
		uint32_t v = doc_map_get(doc, map, field_name(e->field), &key);
		bool clear = !e->value || !*e->value;
		if (v == DOC_NONE)
			*t = (struct tree_check){ .op = CHANGE_APPEND, .target = map, .new_key = field_name(e->field),
			                          .after = patch_insert_after(doc, map, e->field) };
		else if (clear)
			*t = (struct tree_check){ .op = CHANGE_REMOVE, .target = key };
		else
			*t = (struct tree_check){ .op = CHANGE_REPLACE, .target = v };
		t->shape = SHAPE_VALUE;
		return v != DOC_NONE || !clear;
	}
	if (e->kind == EDIT_ADD) {
		long g = charter_find_group(c, e->group_id);
		if (g < 0)
			return false;
		uint32_t list = doc_map_get(doc, c->groups[g].node, "milestones", &key);
		if (list == DOC_NONE)
			*t = (struct tree_check){ .op = CHANGE_APPEND, .target = c->groups[g].node,
			                          .new_key = "milestones", .shape = SHAPE_LIST_OF_ONE, .after = DOC_NONE };
		else if (doc->nodes[doc_resolve(doc, list)].kind == DOC_SEQUENCE)
			*t = (struct tree_check){ .op = CHANGE_APPEND, .target = doc_resolve(doc, list),
			                          .shape = SHAPE_MILESTONE, .after = DOC_NONE };
		else
			*t = (struct tree_check){ .op = CHANGE_REPLACE, .target = list, .shape = SHAPE_LIST_OF_ONE };
		return true;
	}
	long m = charter_find_milestone(c, e->milestone_id);
	if (m < 0)
		return false;
	uint32_t list = doc_map_get(doc, c->groups[c->milestones[m].group].node, "milestones", &key);
	if (list == DOC_NONE)
		return false;
	if (doc_count(doc, doc_resolve(doc, list)) == 1) /* the list empties: `milestones:` or [] */
		*t = (struct tree_check){ .op = CHANGE_REPLACE, .target = list, .shape = SHAPE_EMPTY_LIST };
	else
		*t = (struct tree_check){ .op = CHANGE_REMOVE, .target = c->milestones[m].node };
	return true;
}

static unsigned line_of(const char *s, size_t at)
{
	unsigned line = 1;
	for (size_t i = 0; i < at; i++)
		if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n'))
			line++;
	return line;
}

static bool document_verify(const struct charter *before, const struct charter *after, const struct edit *e,
                            char *why, size_t why_size)
{
	struct tree_check t;
	if (!plan_expected(before, e, &t)) {
		snprintf(why, why_size, "the change would add or remove the wrong milestones");
		return false;
	}
	t.a = &before->doc;
	t.b = &after->doc;
	t.e = e;
	if (t.a->root == DOC_NONE || t.b->root == DOC_NONE) {
		snprintf(why, why_size, "the change would alter the charter's header or groups");
		return false;
	}
	t.map = malloc((size_t)t.a->count * sizeof *t.map);
	if (!t.map) {
		snprintf(why, why_size, "out of memory");
		return false;
	}
	memset(t.map, 0xFF, (size_t)t.a->count * sizeof *t.map); /* DOC_NONE never matches a node */
	bool same = same_node(&t, t.a->root, t.b->root);
	free(t.map);
	if (!same)
		snprintf(why, why_size, "the change would alter the document at line %u of the original: %s",
		         line_of(before->text, t.at), t.what);
	return same;
}

bool patch_verify(const struct charter *before, const struct charter *after, const struct edit *e,
                  char *why, size_t why_size)
{
	return model_verify(before, after, e, why, why_size) && document_verify(before, after, e, why, why_size);
}

bool patch_verify_splice(const struct charter *before, const struct charter *after, const struct edit *e,
                         const struct text_edit *te, char *why, size_t why_size)
{
	size_t tail = before->text_len - te->end;
	if (te->start > te->end || te->end > before->text_len || after->text_len != te->start + te->len + tail ||
	    memcmp(after->text, before->text, te->start) != 0 ||
	    memcmp(after->text + te->start, te->text, te->len) != 0 ||
	    memcmp(after->text + te->start + te->len, before->text + te->end, tail) != 0) {
		snprintf(why, why_size, "the change would alter bytes outside the edited span");
		return false;
	}
	return patch_verify(before, after, e, why, why_size);
}
