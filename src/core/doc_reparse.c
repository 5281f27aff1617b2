/* doc_reparse — an edited text's doc from the old doc and its changed lines.
 * The conditions, and why they are enough, are in doc_reparse.h. */
#include "charterdash/core/doc_reparse.h"

#include <stdlib.h>
#include <string.h>

/* The lines parsed again: entries [first, last] of block list `list`. */
struct region {
	uint32_t list;
	size_t depth;       /* the list's nesting level (the root's is 1) */
	uint32_t first, last;
	uint32_t after;     /* the entry after `last`, or DOC_NONE */
	uint32_t nodes_end; /* the first node after `last`'s subtree */
	size_t from, to;    /* bytes: the line of first's '-' to the line of the next token */
	size_t column;      /* of the entries' '-' */
	uint32_t path[DOC_MAX_DEPTH]; /* the root, ..., the list */
};

static size_t line_start(const char *s, size_t at)
{
	while (at > 0 && s[at - 1] != '\n')
		at--;
	return at;
}

/* The line of the '-' that starts list entry n: only spaces before the
 * dash and between it and the entry. False for any other layout. */
static bool entry_line(const struct doc *d, uint32_t n, size_t *line, size_t *column)
{
	const char *s = d->src;
	size_t i = d->nodes[n].start;
	while (i > 0 && s[i - 1] == ' ')
		i--;
	if (i == 0 || s[i - 1] != '-')
		return false;
	size_t dash = --i;
	while (i > 0 && s[i - 1] == ' ')
		i--;
	if (i > 0 && s[i - 1] != '\n')
		return false;
	*line = i;
	*column = dash - i;
	return true;
}

/* Where the token after node path[depth - 1]'s subtree is: the node that
 * follows it in the array (nodes are in document order). */
static uint32_t subtree_end(const struct doc *d, const uint32_t *path, size_t depth)
{
	for (size_t lvl = depth; lvl-- > 0;)
		if (d->nodes[path[lvl]].next != DOC_NONE)
			return d->nodes[path[lvl]].next;
	return d->count;
}

/* The end of the lines of a list's last entry: the start of the line of
 * the next token, which must stand at the list's column or left of it. */
static bool lines_end(const struct doc *d, uint32_t next, size_t column, size_t *to)
{
	if (next >= d->count) {
		*to = d->src_len;
		return true;
	}
	*to = line_start(d->src, d->nodes[next].start);
	size_t i = *to;
	while (i < d->src_len && d->src[i] == ' ')
		i++;
	return i - *to <= column;
}

/* The entries of block list path[depth - 1] whose lines hold bytes
 * [s, e), with one more on each side where there is one (a removed or
 * added entry then still leaves a list to parse). */
static bool list_region(const struct doc *d, const uint32_t *path, size_t depth, size_t s, size_t e,
                        struct region *r)
{
	uint32_t list = path[depth - 1], a = DOC_NONE, a_prev = DOC_NONE, b = DOC_NONE, prev = DOC_NONE;
	size_t column = 0, line, col;
	if (d->nodes[list].first == DOC_NONE || !entry_line(d, d->nodes[list].first, &line, &column))
		return false;
	for (uint32_t it = d->nodes[list].first; it != DOC_NONE; prev = it, it = d->nodes[it].next) {
		if (!entry_line(d, it, &line, &col) || col != column)
			return false;
		if (line > e)
			break;
		if (line <= s) {
			a = it;
			a_prev = prev;
		}
		b = it;
	}
	if (a == DOC_NONE)
		return false;
	*r = (struct region){ .list = list, .depth = depth, .column = column };
	r->first = a_prev != DOC_NONE ? a_prev : a;
	r->last = d->nodes[b].next != DOC_NONE ? d->nodes[b].next : b;
	r->after = d->nodes[r->last].next;
	entry_line(d, r->first, &r->from, &col);
	if (r->after != DOC_NONE) {
		r->nodes_end = r->after;
		if (!entry_line(d, r->after, &r->to, &col) || col != column)
			return false;
	} else {
		r->nodes_end = subtree_end(d, path, depth);
		if (!lines_end(d, r->nodes_end, column, &r->to))
			return false;
	}
	return r->from <= s && e <= r->to;
}

/* The innermost block list around [s, e) with only block collections
 * above it. */
static bool find_region(const struct doc *d, size_t s, size_t e, struct region *r)
{
	uint32_t path[DOC_MAX_DEPTH];
	size_t depth = 0;
	bool found = false;
	for (uint32_t n = d->root; n != DOC_NONE && depth < DOC_MAX_DEPTH;) {
		const struct doc_node *node = &d->nodes[n];
		if ((node->kind != DOC_SEQUENCE && node->kind != DOC_MAPPING) || node->style != DOC_STYLE_BLOCK)
			break;
		path[depth++] = n;
		struct region here;
		if (node->kind == DOC_SEQUENCE && list_region(d, path, depth, s, e, &here)) {
			*r = here;
			memcpy(r->path, path, depth * sizeof *path);
			found = true;
		}
		/* into the last child starting at or before the change (an entry
		 * added at a list's end is past every span) */
		uint32_t inner = DOC_NONE;
		for (uint32_t ch = node->first; ch != DOC_NONE && d->nodes[ch].start <= s; ch = d->nodes[ch].next)
			inner = ch;
		n = inner;
	}
	return found;
}

/* Lines the region's new text must not have: a document marker, a
 * directive (they end or start documents whatever the indentation). */
static bool has_marker_line(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		const char *p = s + i;
		if (*p == '%' || (len - i >= 3 && (!memcmp(p, "---", 3) || !memcmp(p, "...", 3))))
			return true;
		const char *lf = memchr(p, '\n', len - i);
		i = lf ? (size_t)(lf - s) + 1 : len;
	}
	return false;
}

/* Parses src[from, to) by itself: true when it is one block list, without
 * a problem, an anchor, an alias or an empty value at its end. */
static bool parse_lines(struct doc *frag, const char *file, const char *src, size_t from, size_t to)
{
	struct diag_list diags;
	diag_init(&diags, 1);
	bool ok = doc_parse(frag, file, src + from, to - from, &diags) && frag->root == 0 && frag->src_start == 0;
	diag_fini(&diags);
	if (ok) {
		const struct doc_node *root = &frag->nodes[0];
		ok = root->kind == DOC_SEQUENCE && root->style == DOC_STYLE_BLOCK && !root->flags && root->first == 1;
	}
	/* An empty value at the very end stands where the next token is (`? k`
	 * with no value): outside these lines, so not known here. */
	for (uint32_t n = 0; ok && n < frag->count; n++) {
		const struct doc_node *node = &frag->nodes[n];
		ok = node->kind != DOC_ALIAS && !(node->flags & DOC_FLAG_ANCHOR) &&
		     !(node->start == node->end && node->end == to - from);
	}
	return ok;
}

/* frag's node f (f >= 1) is old's node lo + f - 1. */
static uint32_t mapped(uint32_t f, uint32_t lo)
{
	return f == DOC_NONE ? DOC_NONE : lo + f - 1;
}

static bool same_node(const struct doc *old, uint32_t i, const struct doc *frag, uint32_t f, const struct region *r,
                      uint32_t last_entry)
{
	const struct doc_node *p = &old->nodes[i], *q = &frag->nodes[f];
	if (p->kind != q->kind || p->style != q->style || p->flags != q->flags || p->sized != q->sized ||
	    p->start != q->start + r->from || p->end != q->end + r->from)
		return false;
	uint32_t next = f == last_entry ? r->after : mapped(q->next, r->first);
	if (p->next != next)
		return false;
	if (p->kind == DOC_SCALAR)
		return doc_scalar_len(old, i) == doc_scalar_len(frag, f) &&
		       memcmp(doc_scalar(old, i), doc_scalar(frag, f), doc_scalar_len(old, i)) == 0;
	return p->first == mapped(q->first, r->first);
}

/* The old lines, parsed by themselves, give the nodes the full parse
 * gave them: nothing before the lines changes how they read. */
static bool reads_alone(const struct doc *old, const char *file, const struct region *r)
{
	struct doc frag;
	bool ok = parse_lines(&frag, file, old->src, r->from, r->to) && frag.count - 1 == r->nodes_end - r->first;
	uint32_t last_entry = 1;
	for (uint32_t f = 1; ok && frag.nodes[f].next != DOC_NONE; f = frag.nodes[f].next)
		last_entry = frag.nodes[f].next;
	for (uint32_t f = 1; ok && f < frag.count; f++)
		ok = same_node(old, r->first + f - 1, &frag, f, r, last_entry);
	doc_fini(&frag);
	return ok;
}

static size_t levels(const struct doc *d, uint32_t n)
{
	size_t deepest = 0;
	if (d->nodes[n].kind == DOC_SEQUENCE || d->nodes[n].kind == DOC_MAPPING)
		for (uint32_t ch = d->nodes[n].first; ch != DOC_NONE; ch = d->nodes[ch].next) {
			size_t l = levels(d, ch);
			deepest = l > deepest ? l : deepest;
		}
	return deepest + 1;
}

/* The new lines' list continues the old one: its '-' at the same column,
 * and the nesting limit holds where it stands. */
static bool fits(const struct doc *frag, const struct region *r)
{
	size_t line, column;
	return entry_line(frag, 1, &line, &column) && column == r->column &&
	       r->depth - 1 + levels(frag, 0) <= DOC_MAX_DEPTH;
}

/* A node moved from old to out: its offsets by `delta` bytes, its links
 * past the region by `dk` nodes. */
static void shift_links(struct doc_node *n, uint32_t from_node, uint32_t dk)
{
	if (n->next != DOC_NONE && n->next >= from_node)
		n->next += dk;
	if ((n->kind == DOC_SEQUENCE || n->kind == DOC_MAPPING || n->kind == DOC_ALIAS) && n->first != DOC_NONE &&
	    n->first >= from_node)
		n->first += dk;
}

/* The node doc_parse would refuse as too dense (see new_node). */
static bool too_dense(const struct doc_node *n, uint32_t index)
{
	return index >= DOC_DENSE_NODES && (size_t)index * 4 > n->start;
}

/* out's nodes: old's before the region, the new lines' (frag), then old's
 * after it, moved; the lists holding the region get their new ends. */
static bool splice_nodes(struct doc *out, const struct doc *old, const struct doc *frag, const struct region *r,
                         size_t delta, uint32_t strings_base)
{
	uint32_t lo = r->first, hi = r->nodes_end, added = frag->count - 1;
	uint32_t dk = added - (hi - lo); /* modulo 2^32, as the links are */
	uint64_t count = (uint64_t)old->count - (hi - lo) + added;
	if (count >= DOC_NONE / 2 || !(out->nodes = malloc((size_t)count * sizeof *out->nodes)))
		return false;
	out->count = out->cap = (uint32_t)count;
	memcpy(out->nodes, old->nodes, (size_t)lo * sizeof *out->nodes);
	for (uint32_t i = 0; i < lo; i++)
		shift_links(&out->nodes[i], hi, dk);
	for (uint32_t f = 1; f < frag->count; f++) {
		struct doc_node *n = &out->nodes[lo + f - 1];
		*n = frag->nodes[f];
		n->start += (uint32_t)r->from;
		n->end += (uint32_t)r->from;
		n->next = n->next == DOC_NONE ? DOC_NONE : lo + n->next - 1;
		if (n->kind == DOC_SCALAR)
			n->first += strings_base;
		else if (n->first != DOC_NONE)
			n->first = lo + n->first - 1;
		if (too_dense(n, lo + f - 1))
			return false;
	}
	uint32_t last = lo; /* the new lines' last entry: it links to the entry after them */
	while (out->nodes[last].next != DOC_NONE)
		last = out->nodes[last].next;
	out->nodes[last].next = r->after == DOC_NONE ? DOC_NONE : r->after + dk;
	for (uint32_t i = hi; i < old->count; i++) {
		struct doc_node *n = &out->nodes[i + dk];
		*n = old->nodes[i];
		n->start += (uint32_t)delta;
		n->end += (uint32_t)delta;
		shift_links(n, hi, dk);
		if (too_dense(n, i + dk))
			return false;
	}
	/* The list starts at its first '-' (when that is in the new lines), and
	 * a block collection ends where its last child does. */
	if (out->nodes[r->list].start >= r->from)
		out->nodes[r->list].start = (uint32_t)(r->from + frag->nodes[0].start);
	for (size_t lvl = r->depth; lvl-- > 0;) {
		struct doc_node *n = &out->nodes[r->path[lvl]];
		uint32_t child = n->first;
		while (out->nodes[child].next != DOC_NONE)
			child = out->nodes[child].next;
		n->end = out->nodes[child].end;
	}
	return true;
}

static bool splice_strings(struct doc *out, const struct doc *old, const struct doc *frag)
{
	size_t len = old->strings_len + frag->strings_len;
	if (len > DOC_NONE || !(out->strings = malloc(len ? len : 1)))
		return false;
	if (old->strings_len)
		memcpy(out->strings, old->strings, old->strings_len);
	if (frag->strings_len)
		memcpy(out->strings + old->strings_len, frag->strings, frag->strings_len);
	out->strings_len = out->strings_cap = len;
	return true;
}

bool doc_reparse(struct doc *out, const struct doc *before, const char *file, const char *src, size_t len,
                 size_t start, size_t end, size_t piece_len)
{
	memset(out, 0, sizeof *out);
	out->root = DOC_NONE;
	struct region *r = malloc(sizeof *r);
	if (!r || before->root == DOC_NONE || start > end || end > before->src_len || len >= DOC_MAX_SOURCE ||
	    len != before->src_len - (end - start) + piece_len || !find_region(before, start, end, r) ||
	    !reads_alone(before, file, r)) {
		free(r);
		return false;
	}
	size_t delta = piece_len - (end - start); /* modulo 2^64, as the offsets are */
	size_t to = r->to + delta;
	struct doc frag;
	memset(&frag, 0, sizeof frag);
	/* the next token's line must still start a line */
	bool ok = (to == len || src[to - 1] == '\n') && !has_marker_line(src + r->from, to - r->from) &&
	          parse_lines(&frag, file, src, r->from, to) &&
	          fits(&frag, r);
	out->src = src;
	out->src_len = len;
	out->src_start = before->src_start;
	out->file = file;
	out->root = before->root;
	ok = ok && splice_strings(out, before, &frag) &&
	     splice_nodes(out, before, &frag, r, delta, (uint32_t)before->strings_len);
	doc_fini(&frag);
	free(r);
	if (!ok)
		doc_fini(out);
	return ok;
}
