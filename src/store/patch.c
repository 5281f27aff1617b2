/* patch — minimal text edits of a charter file. */
#include "charterdash/store/patch.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void text_edit_fini(struct text_edit *e)
{
	free(e->text);
	memset(e, 0, sizeof *e);
}

/* ---- scalar rendering -------------------------------------------------- */

/* C1 controls (U+0080..U+009F) and the non-characters U+FFFE, U+FFFF may
 * not appear raw in a YAML stream, even inside quotes. */
static bool is_c1(const unsigned char *p)
{
	return p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F;
}

static bool is_nonchar(const unsigned char *p)
{
	return p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF);
}

/* Characters only a double-quoted scalar carries exactly. */
static bool needs_double_quotes(const unsigned char *p)
{
	if (*p < 0x20 || *p == 0x7F)
		return true; /* controls, tab and newline included */
	if (is_c1(p) || is_nonchar(p))
		return true; /* NEXT LINE (U+0085) is a C1 control too */
	if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
		return true; /* LINE / PARAGRAPH SEPARATOR: line breaks to YAML 1.1 */
	if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		return true; /* BYTE ORDER MARK */
	return false;
}

static bool any_needs_double(const char *value)
{
	for (const unsigned char *p = (const unsigned char *)value; *p; p++)
		if (needs_double_quotes(p))
			return true;
	return false;
}

static bool strcasecmp_ascii_equal(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a + 32) : *a;
		char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b + 32) : *b;
		if (x != y)
			return false;
	}
	return *a == *b;
}

static bool is_special_word(const char *v)
{
	/* YAML 1.1 booleans and nulls, in any case: PyYAML and others turn them
	 * into true/false/None. */
	static const char *const words[] = { "y", "yes", "n", "no", "true", "false", "on", "off",
	                                     "null", "~", "=", "<<" };
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp_ascii_equal(v, words[i]))
			return true;
	return false;
}

static bool looks_like_number_or_date(const char *v)
{
	static const char number_chars[] = "0123456789+-._:eExXoObBaAcCdDfF";
	if (!((*v >= '0' && *v <= '9') || ((*v == '+' || *v == '-' || *v == '.') &&
	                                    ((v[1] >= '0' && v[1] <= '9') || v[1] == '.'))))
		return strcasecmp_ascii_equal(v, ".inf") || strcasecmp_ascii_equal(v, "-.inf") ||
		       strcasecmp_ascii_equal(v, "+.inf") || strcasecmp_ascii_equal(v, ".nan");
	/* Timestamps also allow T, Z, spaces: "2026-02-09 10:00:00Z". */
	for (const char *p = v; *p; p++)
		if (!strchr(number_chars, *p) && *p != 'T' && *p != 't' && *p != 'Z' && *p != ' ')
			return false;
	return true;
}

bool patch_plain_safe(const char *v, bool flow)
{
	size_t n = strlen(v);
	if (n == 0 || strchr("-?:,[]{}#&*!|>'\"%@`", v[0]))
		return false;
	if (v[0] == ' ' || v[n - 1] == ' ' || v[n - 1] == ':')
		return false;
	if (strstr(v, ": ") || strstr(v, " #") || any_needs_double(v))
		return false;
	/* In flow context PyYAML also ends a plain scalar at '?'. */
	if (flow && strpbrk(v, ",[]{}?"))
		return false;
	return !is_special_word(v) && !looks_like_number_or_date(v);
}

static void render_single(struct buf *out, const char *v)
{
	buf_putc(out, '\'');
	for (const char *p = v; *p; p++) {
		if (*p == '\'')
			buf_putc(out, '\'');
		buf_putc(out, *p);
	}
	buf_putc(out, '\'');
}

static void render_double(struct buf *out, const char *v)
{
	buf_putc(out, '"');
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		char esc[8];
		switch (*p) {
		case '"': buf_puts(out, "\\\""); continue;
		case '\\': buf_puts(out, "\\\\"); continue;
		case '\n': buf_puts(out, "\\n"); continue;
		case '\t': buf_puts(out, "\\t"); continue;
		case '\r': buf_puts(out, "\\r"); continue;
		default: break;
		}
		if (*p < 0x20 || *p == 0x7F) {
			snprintf(esc, sizeof esc, "\\x%02X", *p);
			buf_puts(out, esc);
		} else if (p[0] == 0xC2 && p[1] == 0x85) {
			buf_puts(out, "\\N");
			p += 1;
		} else if (is_c1(p)) {
			snprintf(esc, sizeof esc, "\\x%02X", p[1]); /* the code point is the second byte */
			buf_puts(out, esc);
			p += 1;
		} else if (is_nonchar(p)) {
			buf_puts(out, p[2] == 0xBE ? "\\uFFFE" : "\\uFFFF");
			p += 2;
		} else if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xA8) {
			buf_puts(out, "\\L");
			p += 2;
		} else if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xA9) {
			buf_puts(out, "\\P");
			p += 2;
		} else if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
			buf_puts(out, "\\uFEFF");
			p += 2;
		} else {
			buf_putc(out, (char)*p);
		}
	}
	buf_putc(out, '"');
}

void patch_render_scalar(struct buf *out, const char *value, enum doc_style prefer, bool flow)
{
	bool single_ok = !any_needs_double(value);
	if (prefer == DOC_STYLE_DOUBLE || !single_ok)
		render_double(out, value);
	else if (prefer == DOC_STYLE_SINGLE || !patch_plain_safe(value, flow))
		render_single(out, value);
	else
		buf_puts(out, value);
}

/* ---- positions in the source ------------------------------------------ */

struct source {
	const char *s;
	size_t len;
	const char *eol; /* the file's own line ending */
};

static size_t line_start(const struct source *src, size_t off)
{
	while (off > 0 && src->s[off - 1] != '\n' && src->s[off - 1] != '\r')
		off--;
	return off;
}

/* Offset of the line break ending the line that holds `off` (or len). */
static size_t line_break(const struct source *src, size_t off)
{
	while (off < src->len && src->s[off] != '\n' && src->s[off] != '\r')
		off++;
	return off;
}

static size_t after_break(const struct source *src, size_t off)
{
	if (off < src->len && src->s[off] == '\r')
		off++;
	if (off < src->len && src->s[off] == '\n')
		off++;
	return off;
}

static size_t column(const struct source *src, size_t off)
{
	return off - line_start(src, off);
}

static bool blank_between(const struct source *src, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (src->s[i] != ' ' && src->s[i] != '\t' && src->s[i] != '\r' && src->s[i] != '\n')
			return false;
	return true;
}

static bool is_block_scalar(const struct doc_node *n)
{
	return n->kind == DOC_SCALAR && (n->style == DOC_STYLE_LITERAL || n->style == DOC_STYLE_FOLDED);
}

/* A block scalar's header: the offset of its indicator (past an anchor or
 * tag), of the first byte after the indicators, and the indentation and
 * chomping indicators (0 when absent). */
struct block_header {
	size_t indicator, after;
	char indent, chomp;
};

static struct block_header block_header(const struct source *src, const struct doc_node *n)
{
	struct block_header h = { .indicator = n->start };
	while (src->s[h.indicator] != '|' && src->s[h.indicator] != '>')
		h.indicator++;
	for (h.after = h.indicator + 1; h.after < src->len && src->s[h.after] && strchr("+-123456789", src->s[h.after]);
	     h.after++) {
		if (src->s[h.after] == '+' || src->s[h.after] == '-')
			h.chomp = src->s[h.after];
		else
			h.indent = src->s[h.after];
	}
	return h;
}

/* A block scalar's span runs on over trailing blank lines; its content
 * ends at the start of the line after its last non-blank line. */
static size_t block_content_end(const struct source *src, const struct doc_node *n)
{
	size_t p = n->end;
	if (p < src->len && p > 0 && src->s[p - 1] != '\n' && src->s[p - 1] != '\r')
		p = line_start(src, p); /* stopped inside a line: the next key's indentation */
	while (p > n->start) {
		size_t prev = line_start(src, p - 1 - (p >= 2 && src->s[p - 1] == '\n' && src->s[p - 2] == '\r'));
		if (prev <= n->start || !blank_between(src, prev, p))
			break;
		p = prev;
	}
	return p;
}

/* Where a block scalar's span ends, trailing blank lines included: with
 * keep chomping (|+) those are part of its value. */
static size_t block_span_end(const struct source *src, const struct doc_node *n)
{
	size_t p = n->end;
	if (p < src->len && p > 0 && src->s[p - 1] != '\n' && src->s[p - 1] != '\r')
		p = line_start(src, p); /* stopped inside a line: the next key's indentation */
	return p;
}

static size_t drop_final_break(const struct source *src, size_t p)
{
	if (p > 0 && src->s[p - 1] == '\n')
		p--;
	if (p > 0 && src->s[p - 1] == '\r')
		p--;
	return p;
}

/* The last child of a collection, or DOC_NONE. */
static uint32_t last_child(const struct doc *doc, uint32_t n)
{
	uint32_t last = doc->nodes[n].first;
	while (last != DOC_NONE && doc->nodes[last].next != DOC_NONE)
		last = doc->nodes[last].next;
	return last;
}

/* The innermost last node of a block collection: where its text ends. */
static uint32_t last_leaf(const struct doc *doc, uint32_t n)
{
	for (;;) {
		const struct doc_node *node = &doc->nodes[n];
		if (node->kind == DOC_ALIAS || node->kind == DOC_SCALAR || node->style == DOC_STYLE_FLOW ||
		    node->first == DOC_NONE)
			return n;
		n = last_child(doc, n);
	}
}

/* Where a new line goes after the block content ending with node n. */
static size_t end_of_entry(const struct source *src, const struct doc *doc, uint32_t n)
{
	const struct doc_node *leaf = &doc->nodes[last_leaf(doc, n)];
	if (is_block_scalar(leaf))
		return block_header(src, leaf).chomp == '+' ? block_span_end(src, leaf) : block_content_end(src, leaf);
	return after_break(src, line_break(src, leaf->end));
}

/* The comment on a line, from its '#' to the line break ("" if none);
 * only comments after `from` count. */
static void line_comment(const struct source *src, size_t from, size_t *start, size_t *end)
{
	size_t stop = line_break(src, from);
	*start = *end = stop;
	for (size_t i = from; i < stop; i++) {
		if (src->s[i] == '#' && (i == 0 || src->s[i - 1] == ' ' || src->s[i - 1] == '\t')) {
			*start = i;
			return;
		}
	}
}

/* ---- building edits ---------------------------------------------------- */

struct planner {
	const struct charter *c;
	const struct doc *doc;
	struct source src;
	struct text_edit *out;
	char *why;
	size_t why_size;
};

static bool fail(struct planner *p, const char *fmt, ...) DIAG_PRINTF(2, 3);
static bool fail(struct planner *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->why, p->why_size, fmt, ap);
	va_end(ap);
	return false;
}

static bool set_edit(struct planner *p, size_t start, size_t end, struct buf *text)
{
	p->out->start = start;
	p->out->end = end;
	p->out->text = buf_take(text, &p->out->len);
	if (!p->out->text)
		return fail(p, "%s", "out of memory");
	return true;
}

/* ---- removing an entry of a flow collection ---------------------------- */

/* One entry of [ ] or { }: an item, or a key with its value. */
struct flow_entry {
	size_t start, end;
	bool has_prev, has_next;
	size_t prev_end, next_start; /* the entries around it */
	size_t collection_end;
};

static size_t skip_blanks(const struct source *src, size_t i)
{
	while (i < src->len && (src->s[i] == ' ' || src->s[i] == '\t'))
		i++;
	return i;
}

static bool has_break(const struct source *src, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (src->s[i] == '\n' || src->s[i] == '\r')
			return true;
	return false;
}

/* Nothing but a comma and a comment after `end` on its line. */
static bool ends_its_line(const struct source *src, size_t end, bool *comma)
{
	size_t i = skip_blanks(src, end);
	*comma = i < src->len && src->s[i] == ',';
	if (*comma)
		i = skip_blanks(src, i + 1);
	return i >= src->len || strchr("#\r\n", src->s[i]);
}

/* An entry that has its lines to itself goes with them, its comment
 * included: comments belong to the line they are on. One that shares a
 * line with the entry before it goes with the comma before it, and the
 * line's comment stays. Otherwise it takes the comma after it, or, being
 * the last, the comma before it (that line's comment stays). */
static bool plan_flow_removal(struct planner *p, const struct flow_entry *fe)
{
	const struct source *src = &p->src;
	struct buf text;
	buf_init(&text);
	bool comma_after;
	bool own_lines = blank_between(src, line_start(src, fe->start), fe->start) && ends_its_line(src, fe->end, &comma_after);
	size_t start = own_lines ? line_start(src, fe->start) : fe->start;
	size_t end = own_lines ? after_break(src, line_break(src, fe->end)) : fe->end;
	if (own_lines && (fe->has_next || comma_after || !fe->has_prev))
		return set_edit(p, start, end, &text);
	if (fe->has_prev && !has_break(src, fe->prev_end, fe->start))
		return set_edit(p, fe->prev_end, fe->end, &text);
	if (fe->has_next)
		return set_edit(p, fe->start, fe->next_start, &text);
	if (fe->has_prev) { /* the last, on a line after the entry before */
		size_t comma = skip_blanks(src, fe->prev_end);
		if (comma < src->len && src->s[comma] == ',') {
			buf_append(&text, src->s + comma + 1, start - comma - 1);
			return set_edit(p, fe->prev_end, end, &text);
		}
		return set_edit(p, start, end, &text); /* its comma stays: `[a, ]` reads as [a] */
	}
	/* The only entry: a comma after it would be left alone, `[,]`. */
	size_t after = end;
	while (after < fe->collection_end && strchr(" \t\r\n", src->s[after]))
		after++;
	if (after < fe->collection_end && src->s[after] == ',')
		end = after + 1;
	return set_edit(p, start, end, &text);
}

/* True when an alias outside [start, end) refers to a node inside it:
 * removing those bytes would leave the alias pointing at nothing. */
static bool anchor_used_outside(const struct doc *doc, size_t start, size_t end)
{
	for (uint32_t i = 0; i < doc->count; i++) {
		const struct doc_node *n = &doc->nodes[i];
		if (n->kind != DOC_ALIAS || (n->start >= start && n->end <= end))
			continue;
		size_t target = doc->nodes[n->first].start;
		if (target >= start && target < end)
			return true;
	}
	return false;
}

/* A block scalar representation of value, or false when only a quoted
 * scalar can carry it exactly. Writes "HEADER[ comment]" then each line as
 * EOL + indentation + text: no final line break. A folded block turns
 * literal for a value of several lines, which folding would join. */
static bool render_block(struct buf *out, const char *value, bool folded, size_t indent,
                         const char *eol, const char *comment, size_t comment_len)
{
	size_t n = strlen(value);
	size_t body = n;
	while (body > 0 && value[body - 1] == '\n')
		body--;
	if (body == 0 || n - body > 1 || value[0] == ' ' || value[0] == '\n')
		return false;
	for (const unsigned char *q = (const unsigned char *)value; *q; q++) {
		if (*q != '\n' && needs_double_quotes(q))
			return false; /* tabs and controls: only double quotes are exact */
		if (*q == '\n' && q[1] == ' ')
			return false; /* a more-indented line would need an indentation indicator */
	}
	if (memchr(value, '\n', body))
		folded = false;
	buf_putc(out, folded ? '>' : '|');
	if (n == body)
		buf_putc(out, '-'); /* strip: no final newline in the value */
	if (comment_len) {
		buf_putc(out, ' ');
		buf_append(out, comment, comment_len);
	}
	const char *line = value;
	while (line < value + body) {
		const char *nl = memchr(line, '\n', (size_t)(value + body - line));
		size_t len = nl ? (size_t)(nl - line) : (size_t)(value + body - line);
		buf_puts(out, eol);
		if (len) {
			buf_repeat(out, ' ', indent);
			buf_append(out, line, len);
		}
		line += len + 1;
	}
	return true;
}

/* The value as it is written for `field`: dates and statuses plain unless
 * the old value was quoted; text quoted as needed. */
static void render_inline(struct buf *out, enum field field, const char *value, enum doc_style prefer, bool flow)
{
	if (field == FIELD_DUE && strcmp(value, EDIT_NO_DATE) == 0)
		buf_puts(out, value); /* a YAML null, never quoted: '~' would be text */
	else if ((field == FIELD_DUE || field == FIELD_STATUS || field == FIELD_COMPLETED) &&
	         prefer != DOC_STYLE_SINGLE && prefer != DOC_STYLE_DOUBLE)
		buf_puts(out, value); /* validated: a date or a status key */
	else
		patch_render_scalar(out, value, prefer == DOC_STYLE_LITERAL || prefer == DOC_STYLE_FOLDED ? DOC_STYLE_ANY : prefer, flow);
}

static bool plan_replace_value(struct planner *p, enum field field, uint32_t key, uint32_t value_node,
                               const char *value, bool flow)
{
	const struct doc_node *v = &p->doc->nodes[value_node];
	struct source *src = &p->src;
	if (v->kind != DOC_SCALAR && v->kind != DOC_ALIAS)
		return fail(p, "the %s is not a single value in the file; change it in the file itself", field_name(field));

	size_t start = v->start, end = v->end;
	size_t comment = 0, comment_end = 0;
	bool was_block = is_block_scalar(v);
	if (was_block) {
		end = drop_final_break(src, block_content_end(src, v));
		line_comment(src, start, &comment, &comment_end);
	}
	/* `key:` with no value at all: the value must not touch the colon. */
	const char *lead = start == end && start > 0 && src->s[start - 1] == ':' ? " " : "";
	struct buf text;
	buf_init(&text);
	bool multiline = strchr(value, '\n') != NULL;
	bool want_block = !flow && (was_block || (field == FIELD_NOTES && multiline));
	size_t indent = column(src, p->doc->nodes[key].start) + 2;
	if (want_block) {
		/* Going from one line to a block, the line's comment moves to the header. */
		size_t c0 = comment, c1 = comment_end;
		if (!was_block)
			line_comment(src, v->end, &c0, &c1);
		buf_puts(&text, lead);
		if (render_block(&text, value, v->style == DOC_STYLE_FOLDED, indent, src->eol, src->s + c0, c1 - c0)) {
			if (!was_block)
				end = line_break(src, v->end);
			/* A file ending right after the block: a final newline in the
			 * value needs a line break to end on. */
			if (end == src->len && value[strlen(value) - 1] == '\n')
				buf_puts(&text, src->eol);
			return set_edit(p, start, end, &text);
		}
	}
	buf_fini(&text);
	buf_init(&text);
	buf_puts(&text, lead);
	render_inline(&text, field, value, (enum doc_style)v->style, flow);
	if (was_block && comment_end > comment) { /* keep the header's comment */
		buf_putc(&text, ' ');
		buf_append(&text, src->s + comment, comment_end - comment);
	}
	return set_edit(p, start, end, &text);
}

/* Removes `key: value` from its mapping. */
static bool plan_remove_pair(struct planner *p, uint32_t map, uint32_t key, uint32_t value)
{
	const struct doc *doc = p->doc;
	struct source *src = &p->src;
	struct buf none;
	buf_init(&none);
	uint32_t prev_value = DOC_NONE;
	for (uint32_t k = doc->nodes[map].first; k != key; k = doc->nodes[doc->nodes[k].next].next)
		prev_value = doc->nodes[k].next;
	uint32_t next_key = doc->nodes[value].next;

	if (doc->nodes[map].style == DOC_STYLE_FLOW) {
		struct flow_entry fe = {
			.start = doc->nodes[key].start, .end = doc->nodes[value].end,
			.has_prev = prev_value != DOC_NONE, .has_next = next_key != DOC_NONE,
			.prev_end = prev_value != DOC_NONE ? doc->nodes[prev_value].end : 0,
			.next_start = next_key != DOC_NONE ? doc->nodes[next_key].start : 0,
			.collection_end = doc->nodes[map].end,
		};
		return plan_flow_removal(p, &fe);
	}
	size_t ls = line_start(src, doc->nodes[key].start);
	if (blank_between(src, ls, doc->nodes[key].start))
		return set_edit(p, ls, end_of_entry(src, doc, value), &none);
	/* First key after "- ": pull the next key up onto the dash line. */
	if (next_key != DOC_NONE)
		return set_edit(p, doc->nodes[key].start, doc->nodes[next_key].start, &none);
	return fail(p, "%s", "this milestone would be left empty");
}

/* Text for `key: value` as a new entry of a block mapping at `indent`. */
static bool render_pair(struct buf *out, enum field field, const char *value, size_t indent, const char *eol)
{
	buf_repeat(out, ' ', indent);
	buf_puts(out, field_name(field));
	buf_putc(out, ':');
	struct buf block;
	buf_init(&block);
	if (field == FIELD_NOTES && strchr(value, '\n') &&
	    render_block(&block, value, false, indent + 2, eol, NULL, 0)) {
		buf_putc(out, ' ');
		buf_append(out, block.data, block.len);
	} else {
		buf_putc(out, ' ');
		render_inline(out, field, value, DOC_STYLE_ANY, false);
	}
	buf_fini(&block);
	buf_puts(out, eol);
	return !out->failed;
}

/* Where an entry is appended inside a flow collection: after its last
 * child (writing ", " first), or just inside the opening bracket. */
static size_t flow_append_at(struct planner *p, uint32_t coll, struct buf *text)
{
	const struct doc_node *c = &p->doc->nodes[coll];
	uint32_t last = last_child(p->doc, coll);
	if (last != DOC_NONE) {
		buf_puts(text, ", ");
		return p->doc->nodes[last].end;
	}
	size_t at = c->start; /* an anchor or tag may come first */
	while (at < c->end && p->src.s[at] != '[' && p->src.s[at] != '{')
		at++;
	return at + 1;
}

/* Starts new lines at `at`, the end of the block entry whose last node is
 * `last`; returns where the edit starts (usually `at`). A file without a
 * final line break needs one first. If the text then ends inside a block
 * scalar that does not strip its final break, that break would join its
 * value: the edit starts at the scalar's header and makes it strip (-),
 * which keeps the value as it was. */
static size_t begin_lines(struct planner *p, uint32_t last, size_t at, struct buf *text)
{
	const struct source *src = &p->src;
	if (at < src->len || at == 0 || src->s[at - 1] == '\n' || src->s[at - 1] == '\r')
		return at;
	const struct doc_node *leaf = &p->doc->nodes[last_leaf(p->doc, last)];
	size_t start = at;
	if (is_block_scalar(leaf)) {
		struct block_header h = block_header(src, leaf);
		if (h.chomp != '-') {
			start = h.indicator + 1;
			if (h.indent)
				buf_putc(text, h.indent);
			buf_putc(text, '-');
			buf_append(text, src->s + h.after, src->len - h.after);
		}
	}
	buf_puts(text, src->eol);
	return start;
}

/* A new pair goes at the end of the mapping, but `completed` goes right
 * after `status`, where a reader looks for it (patch_insert_after). */
static bool plan_insert_pair(struct planner *p, uint32_t map, enum field field, const char *value)
{
	const struct doc_node *m = &p->doc->nodes[map];
	uint32_t after = patch_insert_after(p->doc, map, field);
	uint32_t after_value = after != DOC_NONE ? p->doc->nodes[after].next : DOC_NONE;
	struct buf text;
	buf_init(&text);
	if (m->style == DOC_STYLE_FLOW) {
		size_t at = after_value != DOC_NONE ? p->doc->nodes[after_value].end : flow_append_at(p, map, &text);
		if (after_value != DOC_NONE)
			buf_puts(&text, ", ");
		buf_puts(&text, field_name(field));
		buf_puts(&text, ": ");
		render_inline(&text, field, value, DOC_STYLE_ANY, true);
		return set_edit(p, at, at, &text);
	}
	uint32_t last = after_value != DOC_NONE ? after_value : map;
	size_t at = end_of_entry(&p->src, p->doc, last);
	size_t start = begin_lines(p, last, at, &text);
	size_t indent = column(&p->src, after != DOC_NONE ? p->doc->nodes[after].start : m->start);
	render_pair(&text, field, value, indent, p->src.eol);
	return set_edit(p, start, at, &text);
}

uint32_t patch_insert_after(const struct doc *doc, uint32_t map, enum field field)
{
	if (field != FIELD_COMPLETED)
		return DOC_NONE;
	uint32_t key, value = doc_map_get(doc, map, field_name(FIELD_STATUS), &key);
	if (value == DOC_NONE || doc->nodes[value].kind == DOC_MAPPING || doc->nodes[value].kind == DOC_SEQUENCE)
		return DOC_NONE;
	return key;
}

static bool plan_set(struct planner *p, const struct edit *e)
{
	long index = charter_find_milestone(p->c, e->milestone_id);
	if (index < 0)
		return fail(p, "no milestone with id '%s'", e->milestone_id);
	const struct milestone *ms = &p->c->milestones[index];
	const char *value = e->value && *e->value ? e->value : NULL;
	if (!edit_check_value(e->field, value, p->why, p->why_size))
		return false;
	uint32_t key;
	uint32_t v = doc_map_get(p->doc, ms->node, field_name(e->field), &key);
	bool flow = p->doc->nodes[ms->node].style == DOC_STYLE_FLOW;
	/* Aliases of the value would change too, or be left pointing at nothing. */
	if (v != DOC_NONE && (p->doc->nodes[v].flags & DOC_FLAG_ANCHOR) &&
	    anchor_used_outside(p->doc, p->doc->nodes[v].start, p->doc->nodes[v].end))
		return fail(p, "the %s is shared with other places through an anchor (&); change it in the file itself",
		            field_name(e->field));
	if (v == DOC_NONE || doc_is_null(p->doc, v)) {
		if (!value && v != DOC_NONE && e->field == FIELD_DUE) /* `due: ~` -> no key: the deadline */
			return plan_remove_pair(p, ms->node, key, v);
		if (!value)
			return fail(p, "the %s is already empty", field_name(e->field));
		if (v == DOC_NONE)
			return plan_insert_pair(p, ms->node, e->field, value);
		return plan_replace_value(p, e->field, key, v, value, flow);
	}
	if (!value)
		return plan_remove_pair(p, ms->node, key, v);
	return plan_replace_value(p, e->field, key, v, value, flow);
}

/* The '-' that introduces a block sequence item starting at `item` (which
 * may stand on the next line). */
static size_t dash_before(const struct source *src, size_t item)
{
	size_t i = item;
	while (i > 0 && strchr(" \t\r\n", src->s[i - 1]))
		i--;
	return i > 0 && src->s[i - 1] == '-' ? i - 1 : item;
}

static void render_new_item(struct buf *out, const struct edit *e, bool flow_item, size_t dash_col,
                            size_t key_col, const char *eol)
{
	if (flow_item) {
		buf_puts(out, "{id: ");
		patch_render_scalar(out, e->milestone_id, DOC_STYLE_ANY, true);
		buf_puts(out, ", title: ");
		patch_render_scalar(out, e->value, DOC_STYLE_ANY, true);
		buf_puts(out, ", status: not_started}");
		return;
	}
	buf_repeat(out, ' ', dash_col);
	buf_puts(out, "- ");
	buf_repeat(out, ' ', key_col > dash_col + 2 ? key_col - dash_col - 2 : 0);
	buf_puts(out, "id: ");
	patch_render_scalar(out, e->milestone_id, DOC_STYLE_ANY, false);
	buf_puts(out, eol);
	buf_repeat(out, ' ', key_col);
	buf_puts(out, "title: ");
	patch_render_scalar(out, e->value, DOC_STYLE_ANY, false);
	buf_puts(out, eol);
	buf_repeat(out, ' ', key_col);
	buf_puts(out, "status: not_started");
	buf_puts(out, eol);
}

static bool plan_add(struct planner *p, const struct edit *e)
{
	const struct doc *doc = p->doc;
	struct source *src = &p->src;
	long gi = charter_find_group(p->c, e->group_id);
	if (gi < 0)
		return fail(p, "no working group with id '%s'", e->group_id);
	if (!edit_check_id(e->milestone_id, p->why, p->why_size) ||
	    !edit_check_value(FIELD_TITLE, e->value, p->why, p->why_size))
		return false;
	if (charter_find_milestone(p->c, e->milestone_id) >= 0)
		return fail(p, "a milestone with id '%s' already exists", e->milestone_id);

	uint32_t gmap = p->c->groups[gi].node, key;
	uint32_t list = doc_map_get(doc, gmap, "milestones", &key);
	const struct doc_node *l = list == DOC_NONE ? NULL : &doc->nodes[list];
	struct buf text;
	buf_init(&text);

	if (l && l->kind == DOC_SEQUENCE && l->style == DOC_STYLE_FLOW) {
		size_t at = flow_append_at(p, list, &text);
		render_new_item(&text, e, true, 0, 0, src->eol);
		return set_edit(p, at, at, &text);
	}
	if (l && l->kind == DOC_SEQUENCE) { /* a block list: never empty */
		uint32_t last = last_child(doc, list);
		size_t item = doc->nodes[last].start, dash = dash_before(src, item);
		size_t at = end_of_entry(src, doc, last);
		size_t start = begin_lines(p, last, at, &text);
		if (doc->nodes[last].style == DOC_STYLE_FLOW) {
			buf_repeat(&text, ' ', column(src, dash));
			buf_puts(&text, "- ");
			render_new_item(&text, e, true, 0, 0, src->eol);
			buf_puts(&text, src->eol);
		} else {
			render_new_item(&text, e, false, column(src, dash), column(src, item), src->eol);
		}
		return set_edit(p, start, at, &text);
	}
	if (doc->nodes[gmap].style == DOC_STYLE_FLOW) { /* {id: g, name: G}: a flow list */
		size_t at, end;
		if (l) { /* `milestones: ~` or `milestones:` */
			at = l->start;
			end = l->end;
			if (at == end && at > 0 && src->s[at - 1] == ':')
				buf_putc(&text, ' ');
		} else {
			at = end = flow_append_at(p, gmap, &text);
			buf_puts(&text, "milestones: ");
		}
		buf_putc(&text, '[');
		render_new_item(&text, e, true, 0, 0, src->eol);
		buf_putc(&text, ']');
		return set_edit(p, at, end, &text);
	}
	size_t key_col = column(src, doc->nodes[gmap].start);
	if (l) { /* `milestones:` or `milestones: ~`: the list starts on the next line */
		size_t after_colon = l->start;
		while (after_colon > doc->nodes[key].end && src->s[after_colon - 1] != ':')
			after_colon--;
		size_t line_end = line_break(src, l->end);
		/* The null word goes; what follows it (spaces, a comment) stays. */
		buf_append(&text, src->s + l->end, line_end - l->end);
		buf_puts(&text, src->eol);
		render_new_item(&text, e, false, key_col + 2, key_col + 4, src->eol);
		if (!text.failed) { /* the line's own break follows */
			text.len -= strlen(src->eol);
			text.data[text.len] = '\0';
		}
		return set_edit(p, after_colon, line_end, &text);
	}
	size_t at = end_of_entry(src, doc, gmap);
	size_t start = begin_lines(p, gmap, at, &text);
	buf_repeat(&text, ' ', key_col);
	buf_puts(&text, "milestones:");
	buf_puts(&text, src->eol);
	render_new_item(&text, e, false, key_col + 2, key_col + 4, src->eol);
	return set_edit(p, start, at, &text);
}

/* The only item of a tagged block list (`milestones: !!seq`) goes: without
 * items the tag would stand on an empty value, so the list is written []
 * after it. [start, end) are the item's lines. */
static bool plan_empty_tagged_list(struct planner *p, uint32_t key, size_t start, size_t end)
{
	const struct source *src = &p->src;
	size_t at = p->doc->nodes[key].end;
	while (at < start && src->s[at] != ':')
		at++;
	at = skip_blanks(src, at + 1);
	while (at < start && (src->s[at] == '!' || src->s[at] == '&')) { /* the tag and an anchor */
		while (at < start && !strchr(" \t\r\n", src->s[at]))
			at++;
		at = skip_blanks(src, at);
	}
	if (at >= start)
		return fail(p, "%s", "the milestone list is laid out in a way charterdash cannot edit safely");
	struct buf text;
	buf_init(&text);
	size_t props_end = at;
	while (props_end > 0 && (src->s[props_end - 1] == ' ' || src->s[props_end - 1] == '\t'))
		props_end--;
	buf_puts(&text, " []");
	buf_append(&text, src->s + props_end, start - props_end);
	return set_edit(p, props_end, end, &text);
}

static bool plan_remove(struct planner *p, const struct edit *e)
{
	const struct doc *doc = p->doc;
	struct source *src = &p->src;
	long index = charter_find_milestone(p->c, e->milestone_id);
	if (index < 0)
		return fail(p, "no milestone with id '%s'", e->milestone_id);
	const struct milestone *ms = &p->c->milestones[index];
	uint32_t key;
	uint32_t list = doc_map_get(doc, p->c->groups[ms->group].node, "milestones", &key);
	bool aliased = doc->nodes[list].kind == DOC_ALIAS;
	list = doc_resolve(doc, list);
	uint32_t prev = DOC_NONE, item = doc->nodes[list].first;
	while (item != DOC_NONE && doc_resolve(doc, item) != ms->node) {
		prev = item;
		item = doc->nodes[item].next;
	}
	if (item == DOC_NONE || item != ms->node)
		return fail(p, "milestone '%s' is written through an alias; remove it in the file itself", e->milestone_id);
	uint32_t next = doc->nodes[item].next;
	if (doc->nodes[list].style == DOC_STYLE_FLOW) {
		struct flow_entry fe = {
			.start = doc->nodes[item].start, .end = doc->nodes[item].end,
			.has_prev = prev != DOC_NONE, .has_next = next != DOC_NONE,
			.prev_end = prev != DOC_NONE ? doc->nodes[prev].end : 0,
			.next_start = next != DOC_NONE ? doc->nodes[next].start : 0,
			.collection_end = doc->nodes[list].end,
		};
		if (anchor_used_outside(doc, fe.start, fe.end))
			return fail(p, "milestone '%s' holds an anchor (&) used elsewhere in the file; remove it in the file itself",
			            e->milestone_id);
		return plan_flow_removal(p, &fe);
	}
	size_t dash = dash_before(src, doc->nodes[item].start);
	size_t start = line_start(src, dash), end = end_of_entry(src, doc, item);
	if (!blank_between(src, start, dash))
		return fail(p, "%s", "the milestone list is laid out in a way charterdash cannot edit safely");
	if (anchor_used_outside(doc, start, end))
		return fail(p, "milestone '%s' holds an anchor (&) used elsewhere in the file; remove it in the file itself",
		            e->milestone_id);
	struct buf text;
	buf_init(&text);
	if (prev == DOC_NONE && next == DOC_NONE && !aliased && (doc->nodes[list].flags & DOC_FLAG_TAG))
		return plan_empty_tagged_list(p, key, start, end);
	return set_edit(p, start, end, &text);
}

/* The file's own line ending: that of its first line (LF, CRLF or CR). */
static const char *detect_eol(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			return "\n";
		if (s[i] == '\r')
			return i + 1 < len && s[i + 1] == '\n' ? "\r\n" : "\r";
	}
	return "\n";
}

bool patch_plan(const struct charter *c, const struct edit *e, struct text_edit *out, char *why, size_t why_size)
{
	memset(out, 0, sizeof *out);
	struct planner p = {
		.c = c, .doc = &c->doc, .out = out, .why = why, .why_size = why_size,
		.src = { .s = c->text, .len = c->text_len, .eol = detect_eol(c->text, c->text_len) },
	};
	switch (e->kind) {
	case EDIT_SET: return plan_set(&p, e);
	case EDIT_ADD: return plan_add(&p, e);
	case EDIT_REMOVE: return plan_remove(&p, e);
	}
	return fail(&p, "%s", "unknown kind of change");
}

char *patch_apply(const char *src, size_t len, const struct text_edit *e, size_t *out_len)
{
	size_t n = len - (e->end - e->start) + e->len;
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	memcpy(out, src, e->start);
	memcpy(out + e->start, e->text, e->len);
	memcpy(out + e->start + e->len, src + e->end, len - e->end);
	out[n] = '\0';
	*out_len = n;
	return out;
}
