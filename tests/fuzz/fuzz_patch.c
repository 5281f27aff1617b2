/* libFuzzer target: a charter + a random edit. Whenever the planner
 * accepts an edit, the result must load, equal the intended model
 * (store_plan checks with patch_verify), leave every byte outside the
 * replaced span unchanged, and — an oracle of its own, not patch_verify's
 * — parse to the original document with exactly one change: the two node
 * trees, compared generically, differ in one place only (one value
 * replaced, or one entry added or removed), and that place holds the edit.
 * The edited text is loaded here in full, independently of the save (which
 * parses only the lines the splice can affect, doc_reparse): the save's doc
 * must be that full parse node for node, and the oracle reads the full one.
 *
 * Input layout: byte 0 picks the kind and field, byte 1 the milestone,
 * then a value up to the first NUL, then the YAML text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- the one-change oracle ---------------------------------------------- */

struct diff {
	const struct doc *a, *b;
	unsigned changes;
	uint32_t old_node, new_node; /* the one place: DOC_NONE for "no node" */
	uint32_t new_key;            /* an added pair's key, else DOC_NONE */
};

/* Aliases are not followed (a nest of them is exponential): two aliases are
 * equal when the nodes they name have the same kind and size, or value. */
static bool alias_equal(const struct doc *a, uint32_t x, const struct doc *b, uint32_t y)
{
	uint32_t tx = a->nodes[x].first, ty = b->nodes[y].first;
	if (a->nodes[tx].kind != b->nodes[ty].kind || doc_count(a, tx) != doc_count(b, ty))
		return false;
	return a->nodes[tx].kind != DOC_SCALAR ||
	       (doc_scalar_len(a, tx) == doc_scalar_len(b, ty) &&
	        memcmp(doc_scalar(a, tx), doc_scalar(b, ty), doc_scalar_len(a, tx)) == 0);
}

static bool deep_equal(const struct doc *a, uint32_t x, const struct doc *b, uint32_t y)
{
	const struct doc_node *p = &a->nodes[x], *q = &b->nodes[y];
	if (p->kind != q->kind || (p->style == DOC_STYLE_PLAIN) != (q->style == DOC_STYLE_PLAIN) ||
	    p->flags != q->flags)
		return false;
	if (p->kind == DOC_ALIAS)
		return alias_equal(a, x, b, y);
	if (p->kind == DOC_SCALAR)
		return doc_scalar_len(a, x) == doc_scalar_len(b, y) &&
		       memcmp(doc_scalar(a, x), doc_scalar(b, y), doc_scalar_len(a, x)) == 0;
	uint32_t i = p->first, j = q->first;
	for (; i != DOC_NONE && j != DOC_NONE; i = a->nodes[i].next, j = b->nodes[j].next)
		if (!deep_equal(a, i, b, j))
			return false;
	return i == DOC_NONE && j == DOC_NONE;
}

/* A collection's children as entries: a mapping's are pairs. */
static size_t entries(const struct doc *doc, uint32_t n, uint32_t *out, size_t cap)
{
	bool pairs = doc->nodes[n].kind == DOC_MAPPING;
	size_t count = 0;
	for (uint32_t c = doc->nodes[n].first; c != DOC_NONE; c = doc->nodes[c].next) {
		if (count < cap)
			out[count] = c;
		count++;
		if (pairs)
			c = doc->nodes[c].next;
	}
	return count;
}

static bool entry_equal(const struct diff *d, uint32_t x, uint32_t y, bool pairs)
{
	if (!deep_equal(d->a, x, d->b, y))
		return false;
	return !pairs || deep_equal(d->a, d->a->nodes[x].next, d->b, d->b->nodes[y].next);
}

static void record(struct diff *d, uint32_t old_node, uint32_t new_node, uint32_t new_key)
{
	d->changes++;
	d->old_node = old_node;
	d->new_node = new_node;
	d->new_key = new_key;
}

static void compare(struct diff *d, uint32_t x, uint32_t y);

/* Children of two collections of the same kind: a common head and tail,
 * and between them at most one entry on either side. */
static void compare_children(struct diff *d, uint32_t x, uint32_t y)
{
	bool pairs = d->a->nodes[x].kind == DOC_MAPPING;
	size_t na = entries(d->a, x, NULL, 0), nb = entries(d->b, y, NULL, 0);
	uint32_t *ea = malloc((na + 1) * sizeof *ea), *eb = malloc((nb + 1) * sizeof *eb);
	if (!ea || !eb)
		abort();
	entries(d->a, x, ea, na);
	entries(d->b, y, eb, nb);
	size_t head = 0, tail = 0;
	while (head < na && head < nb && entry_equal(d, ea[head], eb[head], pairs))
		head++;
	while (tail < na - head && tail < nb - head && entry_equal(d, ea[na - 1 - tail], eb[nb - 1 - tail], pairs))
		tail++;
	size_t ma = na - head - tail, mb = nb - head - tail;
	if (ma == 1 && mb == 1) {
		uint32_t i = ea[head], j = eb[head];
		if (!pairs)
			compare(d, i, j);
		else if (deep_equal(d->a, i, d->b, j))
			compare(d, d->a->nodes[i].next, d->b->nodes[j].next);
		else
			record(d, d->a->nodes[i].next, d->b->nodes[j].next, DOC_NONE);
	} else if (ma == 1 && mb == 0) {
		record(d, ea[head], DOC_NONE, DOC_NONE);
	} else if (ma == 0 && mb == 1) {
		record(d, DOC_NONE, pairs ? d->b->nodes[eb[head]].next : eb[head], pairs ? eb[head] : DOC_NONE);
	} else if (ma || mb) {
		d->changes += 2; /* more than one place */
	}
	free(ea);
	free(eb);
}

static void compare(struct diff *d, uint32_t x, uint32_t y)
{
	if (deep_equal(d->a, x, d->b, y))
		return;
	const struct doc_node *p = &d->a->nodes[x], *q = &d->b->nodes[y];
	if (p->kind != q->kind || p->kind == DOC_SCALAR || p->kind == DOC_ALIAS || p->flags != q->flags ||
	    p->style != q->style) {
		record(d, x, y, DOC_NONE);
		return;
	}
	compare_children(d, x, y);
}

/* A node of doc holds `text` as a scalar somewhere (itself included);
 * aliases are not followed (`&a [*a]` names itself). */
static bool holds_scalar(const struct doc *doc, uint32_t n, const char *text)
{
	const struct doc_node *node = &doc->nodes[n];
	if (node->kind == DOC_ALIAS)
		return false;
	if (node->kind == DOC_SCALAR)
		return doc_scalar_len(doc, n) == strlen(text) && strcmp(doc_scalar(doc, n), text) == 0;
	for (uint32_t c = node->first; c != DOC_NONE; c = doc->nodes[c].next)
		if (holds_scalar(doc, c, text))
			return true;
	return false;
}

/* The edited document differs from the original in exactly one place,
 * and that place is the edit's. */
static void check_one_change(const struct charter *before, const struct charter *after, const struct edit *e)
{
	struct diff d = { .a = &before->doc, .b = &after->doc, .old_node = DOC_NONE, .new_node = DOC_NONE,
	                  .new_key = DOC_NONE };
	compare(&d, before->doc.root, after->doc.root);
	if (d.changes != 1)
		abort();
	bool clear = e->kind == EDIT_SET && (!e->value || !*e->value);
	if (e->kind == EDIT_SET && !clear && !(d.new_node != DOC_NONE && holds_scalar(d.b, d.new_node, e->value)))
		abort();
	if (e->kind == EDIT_SET && d.new_key != DOC_NONE && !holds_scalar(d.b, d.new_key, field_name(e->field)))
		abort();
	if (e->kind == EDIT_ADD && !(d.new_node != DOC_NONE && holds_scalar(d.b, d.new_node, e->milestone_id)))
		abort();
	if (e->kind == EDIT_REMOVE && !(d.old_node != DOC_NONE && holds_scalar(d.a, d.old_node, e->milestone_id)))
		abort();
}

/* ---- the save's doc is the full parse's ----------------------------------- */

static void check_same_doc(const struct doc *got, const struct doc *want)
{
	if (got->count != want->count || got->root != want->root || got->src_len != want->src_len)
		abort();
	for (uint32_t i = 0; i < want->count; i++) {
		const struct doc_node *p = &got->nodes[i], *q = &want->nodes[i];
		if (p->kind != q->kind || p->style != q->style || p->flags != q->flags || p->start != q->start ||
		    p->end != q->end || p->next != q->next)
			abort();
		if (q->kind != DOC_SCALAR ? p->first != q->first
		                          : doc_scalar_len(got, i) != doc_scalar_len(want, i) ||
		                                memcmp(doc_scalar(got, i), doc_scalar(want, i), doc_scalar_len(want, i)))
			abort();
	}
}

/* The edited text loaded from scratch: it must load (the save accepted it)
 * and give the save's doc. The caller finishes *full. */
static void load_in_full(const struct store_result *r, struct charter *full)
{
	char *copy = malloc(r->new_len + 1);
	if (!copy)
		abort();
	memcpy(copy, r->new_text, r->new_len + 1);
	struct diag_list diags;
	diag_init(&diags, 8);
	if (!charter_load_text(full, "fuzz.yaml", copy, r->new_len, &diags))
		abort();
	diag_fini(&diags);
	check_same_doc(&r->after.doc, &full->doc);
	if (full->milestone_count != r->after.milestone_count || full->group_count != r->after.group_count)
		abort();
}

/* ---- the target ------------------------------------------------------------ */

static void check_splice(const struct charter *c, const struct store_result *r)
{
	const struct text_edit *t = &r->edit;
	if (t->start > t->end || t->end > c->text_len)
		abort();
	if (memcmp(r->new_text, c->text, t->start) != 0)
		abort();
	size_t tail = c->text_len - t->end;
	if (r->new_len != t->start + t->len + tail || memcmp(r->new_text + t->start + t->len, c->text + t->end, tail) != 0)
		abort();
	if (!r->have_after)
		abort();
}

static void fuzz_edit(const struct charter *c, const uint8_t *data, char *value)
{
	const struct milestone *m = &c->milestones[data[1] % c->milestone_count];
	struct edit e = { .milestone_id = m->id, .value = value };
	switch (data[0] % 4) {
	case 0: e.kind = EDIT_SET; e.field = (enum field)(data[0] / 4 % FIELD_COUNT); break;
	case 1: e.kind = EDIT_ADD; e.group_id = c->groups[m->group].id; e.milestone_id = "fuzz-new"; break;
	case 2: e.kind = EDIT_REMOVE; break;
	default: e.kind = EDIT_SET; e.field = FIELD_STATUS; e.value = status_key((enum status)(data[0] / 4 % 4)); break;
	}
	struct store_result r;
	store_result_init(&r);
	if (store_plan(c, &e, &r) == STORE_OK && r.changed) {
		check_splice(c, &r);
		struct charter full;
		load_in_full(&r, &full);
		check_one_change(c, &full, &e);
		charter_fini(&full);
	}
	store_result_fini(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	const uint8_t *nul = memchr(data + 2, 0, size - 2);
	if (!nul)
		return 0;
	size_t value_len = (size_t)(nul - (data + 2));
	char *value = malloc(value_len + 1);
	size_t text_len = size - (size_t)(nul + 1 - data);
	char *text = malloc(text_len + 1);
	if (!value || !text) {
		free(value);
		free(text);
		return 0;
	}
	memcpy(value, data + 2, value_len);
	value[value_len] = '\0';
	memcpy(text, nul + 1, text_len);
	text[text_len] = '\0';

	struct charter c;
	struct diag_list diags;
	diag_init(&diags, 8);
	if (charter_load_text(&c, "fuzz.yaml", text, text_len, &diags) && c.milestone_count > 0)
		fuzz_edit(&c, data, value);
	charter_fini(&c);
	diag_fini(&diags);
	free(value);
	return 0;
}
