/* merge3 — line-level three-way merge (see merge3.h). */
#include "charterdash/core/merge3.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/buf.h"
#include "charterdash/core/diag.h"

/* Past this many differences between two versions the diff stops looking
 * for the shortest script and calls the rest one change (bounded memory:
 * the search keeps MAX_EDITS^2 positions). */
#define MAX_EDITS 2048

struct line {
	const char *p;
	size_t len; /* with its line ending */
	uint32_t hash;
};

struct lines {
	struct line *v;
	size_t n;
};

struct hunk { /* base lines [a0, a1) became side lines [b0, b1) */
	size_t a0, a1, b0, b1;
};

struct hunks {
	struct hunk *v;
	size_t n, cap;
	bool failed;
};

static uint32_t hash_bytes(const char *p, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 16777619u;
	return h;
}

size_t merge3_line_end(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] != '\n' && s[i] != '\r')
		i++;
	if (i < len && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
		i++;
	return i < len ? i + 1 : len;
}

static bool split_lines(const char *s, size_t len, struct lines *out)
{
	size_t n = 0;
	for (size_t i = 0; i < len; n++)
		i = merge3_line_end(s, len, i);
	out->n = 0;
	out->v = calloc(n ? n : 1, sizeof *out->v);
	if (!out->v)
		return false;
	for (size_t i = 0; i < len;) {
		size_t j = merge3_line_end(s, len, i);
		out->v[out->n++] = (struct line){ s + i, j - i, hash_bytes(s + i, j - i) };
		i = j;
	}
	return true;
}

static bool same_line(const struct line *a, const struct line *b)
{
	return a->hash == b->hash && a->len == b->len && memcmp(a->p, b->p, a->len) == 0;
}

/* Appends a hunk, or widens the previous one when they touch (the
 * backtrack produces single-line steps). */
static void hunks_add(struct hunks *h, size_t a0, size_t a1, size_t b0, size_t b1)
{
	if (h->n > 0) {
		struct hunk *last = &h->v[h->n - 1];
		if (last->a0 == a1 && last->b0 == b1) { /* found backwards: extend down */
			last->a0 = a0;
			last->b0 = b0;
			return;
		}
	}
	struct hunk *v = buf_grow_array(h->v, &h->cap, h->n, sizeof *v, 16);
	if (!v) {
		h->failed = true;
		return;
	}
	h->v = v;
	h->v[h->n++] = (struct hunk){ a0, a1, b0, b1 };
}

/* ---- Myers' shortest edit script --------------------------------------- */

struct search {
	const struct line *a, *b;
	long n, m;
	long *trace; /* row d holds V[-d..d]: trace[d*d + k + d] */
};

#define NO_X (-1L)

static long *row(const struct search *s, long d)
{
	return s->trace + d * d + d; /* index with k in [-d, d] */
}

/* The x a path on diagonal k reaches before its snake at step d, choosing
 * between an insertion from k+1 and a deletion from k-1; NO_X when neither
 * stays inside the grid. *from_down tells which was taken. */
static long step_start(const struct search *s, long d, long k, bool *from_down)
{
	if (d == 0) {
		*from_down = false;
		return 0;
	}
	long *prev = row(s, d - 1), down = NO_X, right = NO_X;
	if (k + 1 <= d - 1 && prev[k + 1] != NO_X && prev[k + 1] - k <= s->m)
		down = prev[k + 1]; /* insertion: x stays, y grows */
	if (k - 1 >= -(d - 1) && prev[k - 1] != NO_X && prev[k - 1] + 1 <= s->n)
		right = prev[k - 1] + 1; /* deletion */
	*from_down = down != NO_X && down >= right;
	return *from_down ? down : right;
}

/* Runs the search; returns the number of edits, or -1 past MAX_EDITS. */
static long search_run(struct search *s)
{
	for (long d = 0; d <= s->n + s->m && d <= MAX_EDITS; d++) {
		long *v = row(s, d);
		for (long k = -d; k <= d; k += 2) {
			bool down;
			long x = (k < -s->m || k > s->n) ? NO_X : step_start(s, d, k, &down);
			if (x != NO_X) {
				while (x < s->n && x - k < s->m && same_line(&s->a[x], &s->b[x - k]))
					x++;
				if (x >= s->n && x - k >= s->m) {
					v[k] = x;
					return d;
				}
			}
			v[k] = x;
		}
	}
	return -1;
}

/* Walks the found path back from (n, m), adding one hunk per run of edits. */
static void search_backtrack(const struct search *s, long d, size_t a_off, size_t b_off, struct hunks *out)
{
	long x = s->n, y = s->m;
	for (; d > 0; d--) {
		long k = x - y;
		bool down;
		long start = step_start(s, d, k, &down);
		long px = down ? start : start - 1, py = px - (down ? k + 1 : k - 1);
		/* (px, py) -> one edit -> (start, start - k) -> snake -> (x, y) */
		hunks_add(out, a_off + (size_t)px, a_off + (size_t)start, b_off + (size_t)py,
		          b_off + (size_t)(start - k));
		x = px;
		y = py;
	}
}

/* Hunks turning a[0, n) into b[0, m), in base order. */
static bool diff_lines(const struct lines *a, const struct lines *b, struct hunks *out)
{
	size_t pre = 0, n = a->n, m = b->n;
	while (pre < n && pre < m && same_line(&a->v[pre], &b->v[pre]))
		pre++;
	while (n > pre && m > pre && same_line(&a->v[n - 1], &b->v[m - 1]))
		n--, m--;
	if (n == pre && m == pre)
		return true;
	struct search s = { a->v + pre, b->v + pre, (long)(n - pre), (long)(m - pre), NULL };
	long depth = s.n + s.m < MAX_EDITS ? s.n + s.m : MAX_EDITS;
	s.trace = malloc((size_t)(depth + 1) * (size_t)(depth + 1) * sizeof *s.trace);
	if (!s.trace)
		return false;
	long d = search_run(&s);
	if (d < 0)
		hunks_add(out, pre, n, pre, m); /* too different: one change */
	else
		search_backtrack(&s, d, pre, pre, out);
	free(s.trace);
	/* the backtrack found them last to first */
	for (size_t i = 0, j = out->n; i + 1 < j; i++, j--) {
		struct hunk t = out->v[i];
		out->v[i] = out->v[j - 1];
		out->v[j - 1] = t;
	}
	return !out->failed;
}

/* ---- the merge --------------------------------------------------------- */

struct merger {
	const struct lines *base, *ours, *theirs;
	const struct hunks *ho, *ht;
	size_t io, it;  /* next hunk of each side */
	size_t oi;      /* next ours line not yet mapped */
	size_t out_lines;
	const char *eol;
	int marker_size;
	struct merge3_result *r;
	bool failed;
};

static bool overlaps(const struct hunk *h, size_t g0, size_t g1)
{
	if (h->a0 < g1 && g0 < h->a1)
		return true;
	return h->a0 == h->a1 && g0 == g1 && h->a0 == g0; /* two insertions at one place */
}

static void put_line(struct merger *m, const struct line *l)
{
	buf_append(&m->r->text, l->p, l->len);
	m->out_lines++;
}

static void put_ours_line(struct merger *m, size_t i)
{
	m->r->ours_line_map[i] = m->out_lines;
	put_line(m, &m->ours->v[i]);
}

static void put_marker(struct merger *m, char c, const char *label)
{
	struct buf *t = &m->r->text;
	if (t->len > 0 && t->data[t->len - 1] != '\n' && t->data[t->len - 1] != '\r')
		buf_puts(t, m->eol); /* a last line without an ending */
	buf_repeat(t, c, (size_t)m->marker_size);
	if (label) {
		buf_putc(t, ' ');
		buf_puts(t, label);
	}
	buf_puts(t, m->eol);
	m->out_lines++;
}

/* One side's version of base lines [g0, g1): its hunks [first, last)
 * applied. Emits ours' lines with their mapping when `is_ours`. */
static void put_side(struct merger *m, const struct lines *side, const struct hunks *h, size_t first,
                     size_t last, size_t g0, size_t g1, bool is_ours)
{
	size_t a = g0;
	for (size_t i = first; i <= last; i++) {
		size_t upto = i < last ? h->v[i].a0 : g1;
		for (; a < upto; a++) /* base lines the side kept */
			is_ours ? put_ours_line(m, m->oi++) : put_line(m, &m->base->v[a]);
		if (i == last)
			break;
		for (size_t b = h->v[i].b0; b < h->v[i].b1; b++)
			is_ours ? put_ours_line(m, m->oi++) : put_line(m, &side->v[b]);
		a = h->v[i].a1;
	}
}

/* True when both sides turn [g0, g1) into the same lines. */
static bool same_result(const struct merger *m, size_t o0, size_t o1, size_t t0, size_t t1, size_t g0,
                        size_t g1)
{
	/* the ours lines of the group are contiguous, and so are theirs */
	size_t ob = o0 < o1 ? m->ho->v[o0].b0 - (m->ho->v[o0].a0 - g0) : 0;
	size_t oe = o0 < o1 ? m->ho->v[o1 - 1].b1 + (g1 - m->ho->v[o1 - 1].a1) : 0;
	size_t tb = t0 < t1 ? m->ht->v[t0].b0 - (m->ht->v[t0].a0 - g0) : 0;
	size_t te = t0 < t1 ? m->ht->v[t1 - 1].b1 + (g1 - m->ht->v[t1 - 1].a1) : 0;
	if (oe - ob != te - tb)
		return false;
	for (size_t i = 0; i < oe - ob; i++)
		if (!same_line(&m->ours->v[ob + i], &m->theirs->v[tb + i]))
			return false;
	return true;
}

static void put_conflict(struct merger *m, size_t o0, size_t o1, size_t t0, size_t t1, size_t g0, size_t g1)
{
	struct merge3_result *r = m->r;
	struct merge3_conflict *v = realloc(r->conflicts, (r->conflict_count + 1) * sizeof *v);
	if (!v) {
		m->failed = true;
		return;
	}
	r->conflicts = v;
	v[r->conflict_count++] = (struct merge3_conflict){ m->out_lines + 1, m->oi + 1 };
	put_marker(m, '<', "ours");
	put_side(m, m->ours, m->ho, o0, o1, g0, g1, true);
	put_marker(m, '=', NULL);
	put_side(m, m->theirs, m->ht, t0, t1, g0, g1, false);
	put_marker(m, '>', "theirs");
}

/* Emits the next group of overlapping hunks; `pos` is the first base line
 * not yet emitted. Returns the base line after the group. */
static size_t merge_group(struct merger *m, size_t pos)
{
	const struct hunk *first;
	bool ours_first = m->io < m->ho->n &&
	                  (m->it >= m->ht->n || m->ho->v[m->io].a0 < m->ht->v[m->it].a0 ||
	                   (m->ho->v[m->io].a0 == m->ht->v[m->it].a0 && m->ho->v[m->io].a1 <= m->ht->v[m->it].a1));
	first = ours_first ? &m->ho->v[m->io] : &m->ht->v[m->it];
	size_t g0 = first->a0, g1 = first->a1, o0 = m->io, t0 = m->it;
	for (bool grew = true; grew;) {
		grew = false;
		while (m->io < m->ho->n && overlaps(&m->ho->v[m->io], g0, g1)) {
			g1 = m->ho->v[m->io].a1 > g1 ? m->ho->v[m->io].a1 : g1;
			m->io++, grew = true;
		}
		while (m->it < m->ht->n && overlaps(&m->ht->v[m->it], g0, g1)) {
			g1 = m->ht->v[m->it].a1 > g1 ? m->ht->v[m->it].a1 : g1;
			m->it++, grew = true;
		}
	}
	for (; pos < g0; pos++) /* unchanged lines before the group */
		put_ours_line(m, m->oi++);
	bool has_o = m->io > o0, has_t = m->it > t0;
	if (has_o && (!has_t || same_result(m, o0, m->io, t0, m->it, g0, g1))) {
		put_side(m, m->ours, m->ho, o0, m->io, g0, g1, true); /* theirs: none or the same */
	} else if (!has_o) {
		for (size_t i = g0; i < g1; i++) /* ours kept these base lines; theirs replace them */
			m->r->ours_line_map[m->oi++] = (size_t)-1;
		put_side(m, m->theirs, m->ht, t0, m->it, g0, g1, false);
	} else {
		put_conflict(m, o0, m->io, t0, m->it, g0, g1);
	}
	return g1;
}

static const char *line_ending_of(const struct lines *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct line *x = &l->v[i];
		if (x->len >= 2 && x->p[x->len - 2] == '\r' && x->p[x->len - 1] == '\n')
			return "\r\n";
		if (x->len >= 1 && (x->p[x->len - 1] == '\n' || x->p[x->len - 1] == '\r'))
			return x->p[x->len - 1] == '\n' ? "\n" : "\r";
	}
	return "\n";
}

bool merge3(const char *base, size_t base_len, const char *ours, size_t ours_len, const char *theirs,
            size_t theirs_len, int marker_size, struct merge3_result *out)
{
	memset(out, 0, sizeof *out);
	buf_init(&out->text);
	/* Both sides ending the last line where base did not is one change they
	 * agree on, not two edits of that line. */
	char *base_nl = NULL;
	if (base_len > 0 && base[base_len - 1] != '\n' && base[base_len - 1] != '\r' && ours_len > 0 &&
	    ours[ours_len - 1] == '\n' && theirs_len > 0 && theirs[theirs_len - 1] == '\n') {
		if (!(base_nl = malloc(base_len + 1)))
			return false;
		memcpy(base_nl, base, base_len);
		base_nl[base_len++] = '\n';
		base = base_nl;
	}
	struct lines lb = { 0 }, lo = { 0 }, lt = { 0 };
	struct hunks ho = { 0 }, ht = { 0 };
	bool ok = split_lines(base, base_len, &lb) && split_lines(ours, ours_len, &lo) &&
	          split_lines(theirs, theirs_len, &lt) && diff_lines(&lb, &lo, &ho) && diff_lines(&lb, &lt, &ht);
	if (ok) {
		out->ours_lines = lo.n;
		out->ours_line_map = malloc((lo.n ? lo.n : 1) * sizeof *out->ours_line_map);
		ok = out->ours_line_map != NULL;
	}
	if (ok) {
		struct merger m = { &lb, &lo, &lt, &ho, &ht, 0, 0, 0, 0, line_ending_of(&lo),
			            marker_size > 0 ? marker_size : 7, out, false };
		size_t pos = 0;
		while (m.io < ho.n || m.it < ht.n)
			pos = merge_group(&m, pos);
		for (; pos < lb.n; pos++)
			put_ours_line(&m, m.oi++);
		ok = !m.failed && !out->text.failed;
	}
	free(lb.v), free(lo.v), free(lt.v), free(ho.v), free(ht.v);
	free(base_nl);
	if (!ok)
		merge3_fini(out);
	return ok;
}

void merge3_fini(struct merge3_result *r)
{
	buf_fini(&r->text);
	free(r->conflicts);
	free(r->ours_line_map);
	memset(r, 0, sizeof *r);
}

bool merge3_is_marker(const char *line, size_t len)
{
	if (len < 7 || !strchr("<=>|", line[0]))
		return false;
	size_t n = 0;
	while (n < len && line[n] == line[0])
		n++;
	return n >= 7 && (n == len || line[n] == ' ' || line[n] == '\n' || line[n] == '\r');
}

size_t merge3_report_markers(const char *path, const char *text, size_t len, struct diag_list *diags)
{
	/* Every load asks this of the whole file: look only at the '<'s (rare
	 * in a charter) instead of walking every line; count lines only for a
	 * marker found. */
	size_t found = 0, counted = 0;
	unsigned line = 1;
	for (const char *p = text; len && (p = memchr(p, '<', len - (size_t)(p - text))); p++) {
		size_t i = (size_t)(p - text);
		if (i > 0 && text[i - 1] != '\n')
			continue;
		const char *lf = memchr(p, '\n', len - i);
		if (!merge3_is_marker(p, (lf ? (size_t)(lf - text) : len) - i))
			continue;
		for (; counted < i; counted++)
			line += text[counted] == '\n';
		diag_add(diags, DIAG_ERROR, path, line, 1,
		         "unresolved merge conflict: keep one side (the lines between <<<<<<< and =======, "
		         "or between ======= and >>>>>>>) and delete the markers");
		found++;
		if (!lf)
			break;
	}
	return found;
}
