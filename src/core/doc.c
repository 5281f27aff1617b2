/* doc — libyaml events → compact node tree with byte spans. */
#include "charterdash/core/doc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "charterdash/core/strmap.h"

/* libyaml's marks count characters; spans need bytes. Events arrive in
 * source order, so one cursor that walks forward (and, rarely, a little
 * back) converts every mark in O(file size) overall. */
struct cursor {
	const unsigned char *src;
	size_t len;
	size_t chars, bytes;
};

static size_t utf8_length(unsigned char lead)
{
	if (lead < 0x80)
		return 1;
	if ((lead & 0xE0) == 0xC0)
		return 2;
	if ((lead & 0xF0) == 0xE0)
		return 3;
	if ((lead & 0xF8) == 0xF0)
		return 4;
	return 1; /* not reached on input libyaml accepted */
}

/* How many of the eight bytes loaded in w, from the first, are ASCII. */
static inline size_t ascii_prefix(uint64_t w)
{
	uint64_t high = w & 0x8080808080808080u;
	if (!high)
		return 8;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (size_t)__builtin_ctzll(high) / 8; /* the first byte is the lowest */
#else
	return 0;
#endif
}

static size_t cursor_byte(struct cursor *c, size_t char_index)
{
	/* Locals, not c->...: the byte loads below may alias the struct, which
	 * would make the compiler store and reload the counters each step. */
	const unsigned char *src = c->src;
	size_t bytes = c->bytes, chars = c->chars, len = c->len;
	if (chars < char_index) {
		size_t need = char_index - chars;
		while (need && bytes < len) {
			/* Eight ASCII bytes are eight characters: most of a file is.
			 * Most marks are a few characters apart, so a shorter step
			 * is taken whole from an ASCII word too. */
			if (len - bytes >= 8) {
				uint64_t w;
				memcpy(&w, src + bytes, sizeof w);
				size_t ascii = ascii_prefix(w);
				if (ascii) {
					size_t step = need < ascii ? need : ascii;
					bytes += step;
					need -= step;
					continue;
				}
			}
			unsigned char lead = src[bytes];
			bytes += lead < 0x80 ? 1 : utf8_length(lead);
			need--;
		}
		chars = char_index - need;
	} else {
		while (chars > char_index && bytes > 0) {
			do
				bytes--;
			while (bytes > 0 && (src[bytes] & 0xC0) == 0x80);
			chars--;
		}
	}
	c->bytes = bytes;
	c->chars = chars;
	return bytes > len ? len : bytes;
}

/* One open collection while building. */
struct frame {
	uint32_t node;
	uint32_t last;  /* last child so far, DOC_NONE if none */
	uint32_t count; /* children so far */
};

/* Repeated short values (every key, statuses, dates, owners) are stored
 * once: a small direct-mapped cache of recent ones, where an entry that
 * was reused gets a second chance before a newcomer replaces it. Values
 * seen once (ids) only churn the unprotected entries. */
enum { INTERN_SLOTS = 8192, INTERN_MAX_LEN = 40 };

struct intern_slot {
	uint32_t offset; /* in doc.strings */
	uint32_t len;    /* UINT32_MAX: empty slot */
	bool hot;        /* reused since it was stored */
};

struct builder {
	struct doc *doc;
	struct intern_slot *intern; /* NULL: store every value (no memory) */
	struct diag_list *diags;
	struct cursor cursor;
	struct frame *stack;
	size_t depth, stack_cap;
	struct strmap anchors;
	bool failed; /* out of memory or a fatal structural error */
	int documents;
	bool first_ended; /* the first document was read to its end */
};

static void add_error_at(struct builder *b, size_t offset, const char *fmt, ...) DIAG_PRINTF(3, 4);

static void add_error_at(struct builder *b, size_t offset, const char *fmt, ...)
{
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	/* Past the cap the entry is only counted: skip the position, which
	 * costs O(line length) and made 8M duplicate keys on one line hang. */
	unsigned line = 0, col = 0;
	if (!diag_full(b->diags))
		doc_position(b->doc, offset, &line, &col);
	diag_add(b->diags, DIAG_ERROR, b->doc->file, line, col, "%s", message);
}

static uint32_t new_node(struct builder *b, enum doc_kind kind, const yaml_event_t *ev)
{
	struct doc *doc = b->doc;
	/* Real charters spend well over ten bytes per node; a file past a
	 * million nodes at under four bytes each is a flood of empty values
	 * ([a,a,a,...]) that would only burn time and memory. */
	size_t read_so_far = cursor_byte(&b->cursor, ev->start_mark.index);
	if (doc->count >= DOC_DENSE_NODES && (size_t)doc->count * 4 > read_so_far) {
		add_error_at(b, read_so_far,
		             "the file holds over %u values averaging under 4 bytes each; this is not a charter file",
		             DOC_DENSE_NODES);
		b->failed = true;
		return DOC_NONE;
	}
	if (doc->count == doc->cap) {
		if (doc->cap >= DOC_NONE / 2) {
			b->failed = true;
			return DOC_NONE;
		}
		/* doc_parse sized the array from the file; past that, grow by
		 * half (a large block is moved by remapping, not copied) */
		uint32_t cap = doc->cap ? doc->cap + doc->cap / 2 : 256;
		struct doc_node *nodes = realloc(doc->nodes, (size_t)cap * sizeof *nodes);
		if (!nodes) {
			b->failed = true;
			return DOC_NONE;
		}
		doc->nodes = nodes;
		doc->cap = cap;
	}
	uint32_t n = doc->count++;
	struct doc_node *node = &doc->nodes[n];
	memset(node, 0, sizeof *node);
	node->kind = (uint8_t)kind;
	node->start = (uint32_t)read_so_far;
	node->end = (uint32_t)cursor_byte(&b->cursor, ev->end_mark.index);
	node->next = DOC_NONE;
	node->first = DOC_NONE;
	return n;
}

static uint32_t intern_hash(const unsigned char *text, size_t len)
{
	uint32_t h = 2166136261u ^ (uint32_t)len;
	for (size_t i = 0; i < len; i++)
		h = (h ^ text[i]) * 16777619u;
	return h ^ (h >> 15);
}

/* Appends text and a NUL to the arena, or finds it there when `share`. */
static bool store_string(struct builder *b, const unsigned char *text, size_t len, bool share, uint32_t *offset)
{
	struct doc *doc = b->doc;
	struct intern_slot *slot = NULL;
	if (share && b->intern && len <= INTERN_MAX_LEN) {
		slot = &b->intern[intern_hash(text, len) & (INTERN_SLOTS - 1)];
		if (slot->len == len && memcmp(doc->strings + slot->offset, text, len) == 0) {
			slot->hot = true;
			*offset = slot->offset;
			return true;
		}
		if (slot->hot) { /* a second chance; the next newcomer here wins */
			slot->hot = false;
			slot = NULL;
		}
	}
	if (doc->strings_len + len + 1 > doc->strings_cap) {
		size_t cap = doc->strings_cap ? doc->strings_cap : 4096;
		while (cap < doc->strings_len + len + 1)
			cap += cap / 2;
		if (cap > DOC_NONE)
			cap = DOC_NONE; /* offsets go in doc_node.first */
		if (doc->strings_len + len + 1 > cap) {
			b->failed = true;
			return false;
		}
		char *strings = realloc(doc->strings, cap);
		if (!strings) {
			b->failed = true;
			return false;
		}
		doc->strings = strings;
		doc->strings_cap = cap;
	}
	*offset = (uint32_t)doc->strings_len;
	memcpy(doc->strings + doc->strings_len, text, len);
	doc->strings[doc->strings_len + len] = '\0';
	doc->strings_len += len + 1;
	if (slot) {
		slot->offset = *offset;
		slot->len = (uint32_t)len;
	}
	return true;
}

/* A scalar's value. One holding a NUL (only a double-quoted "\0" can)
 * has its length in the 8 bytes before it: see doc_scalar_len. */
static bool store_value(struct builder *b, const unsigned char *text, size_t len, uint32_t n)
{
	struct doc *doc = b->doc;
	uint32_t offset;
	if (!memchr(text, '\0', len)) {
		if (!store_string(b, text, len, true, &offset))
			return false;
		doc->nodes[n].first = offset;
		return true;
	}
	uint64_t size = len;
	unsigned char header[sizeof size];
	memcpy(header, &size, sizeof size);
	/* 7 bytes and store_string's NUL: the length's top byte, always 0 */
	if (!store_string(b, header, sizeof header - 1, false, &offset) || !store_string(b, text, len, false, &offset))
		return false;
	doc->nodes[n].first = offset;
	doc->nodes[n].sized = 1;
	return true;
}

/* Links a finished node into the open collection (or makes it the root). */
static void attach(struct builder *b, uint32_t n)
{
	struct doc *doc = b->doc;
	if (b->depth == 0) {
		if (doc->root == DOC_NONE)
			doc->root = n;
		return;
	}
	struct frame *f = &b->stack[b->depth - 1];
	struct doc_node *parent = &doc->nodes[f->node];
	if (f->last == DOC_NONE)
		parent->first = n;
	else
		doc->nodes[f->last].next = n;
	f->last = n;
	f->count++;
}

static void register_anchor(struct builder *b, const yaml_char_t *anchor, uint32_t n)
{
	if (!anchor)
		return;
	b->doc->nodes[n].flags |= DOC_FLAG_ANCHOR;
	if (!strmap_put(&b->anchors, (const char *)anchor, n))
		b->failed = true;
}

static bool push(struct builder *b, uint32_t n)
{
	if (b->depth == DOC_MAX_DEPTH) {
		add_error_at(b, b->doc->nodes[n].start,
		             "nesting is deeper than %d levels; charterdash does not read such files",
		             DOC_MAX_DEPTH);
		b->failed = true;
		return false;
	}
	if (b->depth == b->stack_cap) {
		size_t cap = b->stack_cap ? b->stack_cap * 2 : 16;
		struct frame *stack = realloc(b->stack, cap * sizeof *stack);
		if (!stack) {
			b->failed = true;
			return false;
		}
		b->stack = stack;
		b->stack_cap = cap;
	}
	b->stack[b->depth].node = n;
	b->stack[b->depth].last = DOC_NONE;
	b->stack[b->depth].count = 0;
	b->depth++;
	return true;
}

/* Duplicate keys are legal to libyaml but ambiguous to people: the second
 * one would silently win in most loaders. Report each repeat. */
static void check_duplicate_keys(struct builder *b, uint32_t map, size_t items)
{
	struct doc *doc = b->doc;
	const struct doc_node *m = &doc->nodes[map];
	size_t keys = items / 2;
	if (keys < 2)
		return;
	if (keys <= 16) {
		for (uint32_t k = m->first; k != DOC_NONE; k = doc->nodes[doc->nodes[k].next].next) {
			const char *key = doc_scalar(doc, k);
			if (!key)
				continue;
			for (uint32_t j = m->first; j != k; j = doc->nodes[doc->nodes[j].next].next) {
				const char *other = doc_scalar(doc, j);
				if (other && strcmp(key, other) == 0) {
					unsigned line = 0, col;
					if (!diag_full(b->diags)) /* past the cap: counted only */
						doc_position(doc, doc->nodes[j].start, &line, &col);
					add_error_at(b, doc->nodes[k].start,
					             "duplicate key '%s' (first given at line %u)", key, line);
					break;
				}
			}
			if (doc->nodes[k].next == DOC_NONE)
				break;
		}
		return;
	}
	struct strmap seen;
	strmap_init(&seen);
	for (uint32_t k = m->first; k != DOC_NONE; k = doc->nodes[doc->nodes[k].next].next) {
		const char *key = doc_scalar(doc, k);
		uint32_t first;
		if (key && strmap_get(&seen, key, &first)) {
			unsigned line = 0, col;
			if (!diag_full(b->diags)) /* past the cap: counted only */
				doc_position(doc, doc->nodes[first].start, &line, &col);
			add_error_at(b, doc->nodes[k].start, "duplicate key '%s' (first given at line %u)",
			             key, line);
		} else if (key && !strmap_put(&seen, key, k)) {
			b->failed = true;
			break;
		}
		if (doc->nodes[k].next == DOC_NONE)
			break;
	}
	strmap_fini(&seen);
}

/* A plain `<<` key is YAML 1.1's merge key: other loaders (PyYAML) copy the
 * aliased mapping's keys in, libyaml and this tree do not. Rather than read
 * such a file differently from everyone else, refuse it, saying why. */
static void check_merge_keys(struct builder *b, uint32_t map)
{
	struct doc *doc = b->doc;
	for (uint32_t k = doc->nodes[map].first; k != DOC_NONE; k = doc->nodes[doc->nodes[k].next].next) {
		const char *key = doc_scalar(doc, k);
		if (key && doc->nodes[k].style == DOC_STYLE_PLAIN && strcmp(key, "<<") == 0)
			add_error_at(b, doc->nodes[k].start,
			             "merge keys ('<<') are not supported: write the merged keys out in full");
		if (doc->nodes[k].next == DOC_NONE)
			break;
	}
}

static void pop(struct builder *b, const yaml_event_t *ev)
{
	struct doc *doc = b->doc;
	struct frame f = b->stack[--b->depth];
	struct doc_node *node = &doc->nodes[f.node];
	if (node->style == DOC_STYLE_FLOW)
		node->end = (uint32_t)cursor_byte(&b->cursor, ev->end_mark.index);
	else if (f.last != DOC_NONE)
		node->end = doc->nodes[f.last].end;
	if (node->kind == DOC_MAPPING) {
		check_duplicate_keys(b, f.node, f.count);
		check_merge_keys(b, f.node);
	}
	attach(b, f.node);
}

static enum doc_style scalar_style(yaml_scalar_style_t s)
{
	switch (s) {
	case YAML_PLAIN_SCALAR_STYLE: return DOC_STYLE_PLAIN;
	case YAML_SINGLE_QUOTED_SCALAR_STYLE: return DOC_STYLE_SINGLE;
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return DOC_STYLE_DOUBLE;
	case YAML_LITERAL_SCALAR_STYLE: return DOC_STYLE_LITERAL;
	case YAML_FOLDED_SCALAR_STYLE: return DOC_STYLE_FOLDED;
	default: return DOC_STYLE_ANY;
	}
}

static void on_event(struct builder *b, const yaml_event_t *ev)
{
	uint32_t n;
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->documents > 1) {
			add_error_at(b, cursor_byte(&b->cursor, ev->start_mark.index),
			             "a second YAML document starts here; a charter file holds exactly one");
			b->failed = true;
		}
		break;
	case YAML_DOCUMENT_END_EVENT:
		if (b->documents == 1)
			b->first_ended = true;
		break;
	case YAML_SCALAR_EVENT:
		n = new_node(b, DOC_SCALAR, ev);
		if (n == DOC_NONE)
			return;
		b->doc->nodes[n].style = (uint8_t)scalar_style(ev->data.scalar.style);
		if (ev->data.scalar.tag)
			b->doc->nodes[n].flags |= DOC_FLAG_TAG;
		if (!store_value(b, ev->data.scalar.value, ev->data.scalar.length, n))
			return;
		register_anchor(b, ev->data.scalar.anchor, n);
		attach(b, n);
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
		n = new_node(b, seq ? DOC_SEQUENCE : DOC_MAPPING, ev);
		if (n == DOC_NONE)
			return;
		bool flow = seq ? ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
		                : ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
		const yaml_char_t *anchor = seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor;
		const yaml_char_t *tag = seq ? ev->data.sequence_start.tag : ev->data.mapping_start.tag;
		b->doc->nodes[n].style = flow ? DOC_STYLE_FLOW : DOC_STYLE_BLOCK;
		if (tag)
			b->doc->nodes[n].flags |= DOC_FLAG_TAG;
		register_anchor(b, anchor, n);
		push(b, n);
		break;
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (b->depth > 0)
			pop(b, ev);
		break;
	case YAML_ALIAS_EVENT: {
		n = new_node(b, DOC_ALIAS, ev);
		if (n == DOC_NONE)
			return;
		uint32_t target;
		const char *name = (const char *)ev->data.alias.anchor;
		if (!strmap_get(&b->anchors, name, &target)) {
			add_error_at(b, b->doc->nodes[n].start, "alias '*%s' refers to no anchor '&%s' before it",
			             name, name);
			/* Keep the tree well-formed: an undefined alias reads as null. */
			uint32_t empty;
			if (!store_string(b, (const unsigned char *)"", 0, true, &empty))
				return;
			b->doc->nodes[n].kind = DOC_SCALAR;
			b->doc->nodes[n].style = DOC_STYLE_PLAIN;
			b->doc->nodes[n].first = empty;
		} else {
			b->doc->nodes[n].first = target;
		}
		attach(b, n);
		break;
	}
	default:
		break;
	}
}

/* A located error at the byte offset of a libyaml mark. Lines are counted
 * by doc_position (LF, CR, CRLF) rather than taken from the mark: libyaml
 * also breaks lines at U+0085/U+2028/U+2029, which editors do not, and
 * syntax errors must agree with every other error in the same file. */
static void add_error_at_mark(struct builder *b, yaml_mark_t mark, const char *fmt, ...)
	DIAG_PRINTF(3, 4);
static void add_error_at_mark(struct builder *b, yaml_mark_t mark, const char *fmt, ...)
{
	char message[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	add_error_at(b, cursor_byte(&b->cursor, mark.index), "%s", message);
}

/* libyaml's wording is for programmers; say what it means for the file. */
static void report_parser_error(struct builder *b, const yaml_parser_t *p)
{
	struct doc *doc = b->doc;
	if (p->error == YAML_READER_ERROR) {
		/* problem_offset is a byte offset that already counts a BOM. */
		size_t offset = p->problem_offset;
		if (offset > doc->src_len)
			offset = doc->src_len;
		if (p->problem && strstr(p->problem, "control characters")) {
			add_error_at(b, offset, "control character U+%04X is not allowed in a YAML file",
			             (unsigned)p->problem_value);
			return;
		}
		/* Every other reader error is bad UTF-8 (a bad octet, a truncated
		 * or overlong sequence, a surrogate or a code point past U+10FFFF);
		 * problem_value may be -1 or a code point, so name the byte from
		 * the source. For a bad trailing octet, point at the sequence's
		 * first byte, where the broken character starts. */
		const unsigned char *u = (const unsigned char *)doc->src;
		if (p->problem && strstr(p->problem, "trailing") && offset > doc->src_start) {
			while (offset - 1 > doc->src_start && (u[offset - 1] & 0xC0) == 0x80)
				offset--;
			offset--; /* the lead byte */
		}
		if (offset < doc->src_len)
			add_error_at(b, offset, "the file is not valid UTF-8 (byte 0x%02X); save it as UTF-8",
			             u[offset]);
		else
			add_error_at(b, offset, "the file is not valid UTF-8 (it ends inside a character); save it as UTF-8");
		return;
	}
	if (p->error == YAML_MEMORY_ERROR) {
		diag_add(b->diags, DIAG_ERROR, doc->file, 0, 0, "out of memory while reading the file");
		return;
	}
	const char *problem = p->problem ? p->problem : "syntax error";
	const char *context = p->context;
	size_t at = cursor_byte(&b->cursor, p->problem_mark.index);
	bool at_end = strstr(problem, "end of stream") || at >= doc->src_len;

	if (context && strstr(context, "quoted scalar") && at_end) {
		add_error_at_mark(b, p->context_mark, "unclosed quote: the quoted text that starts here never ends");
		return;
	}
	/* libyaml reports a missing ] or } at the end of the file, far from
	 * the bracket that was left open: point at the bracket. */
	if (context && strstr(context, "flow") && at_end) {
		add_error_at_mark(b, p->context_mark, "unclosed bracket: the [ or { that starts here is never closed");
		return;
	}
	if (context && strstr(context, "flow") && strstr(problem, "did not find expected ','")) {
		unsigned line, col;
		doc_position(doc, cursor_byte(&b->cursor, p->context_mark.index), &line, &col);
		add_error_at_mark(b, p->problem_mark,
		                  "expected ',' or a closing bracket here; the [ or { at line %u, column %u is still open",
		                  line, col);
		return;
	}
	if ((strstr(problem, "cannot start any token") && at < doc->src_len && doc->src[at] == '\t') ||
	    strstr(problem, "tab character")) {
		add_error_at_mark(b, p->problem_mark,
		                  "tab character used for indentation; YAML indents with spaces only");
		return;
	}
	if (strstr(problem, "mapping values are not allowed")) {
		add_error_at_mark(b, p->problem_mark,
		                  "unexpected ':' here; put text containing ': ' in quotes, or check the indentation");
		return;
	}
	if (strstr(problem, "did not find expected key") || strstr(problem, "did not find expected '-'")) {
		add_error_at_mark(b, p->problem_mark,
		                  "this line does not fit the structure above it; check its indentation");
		return;
	}
	if (context)
		add_error_at_mark(b, p->problem_mark, "%s %s", problem, context);
	else
		add_error_at_mark(b, p->problem_mark, "%s", problem);
}

static bool has_utf16_or_32_bom(const unsigned char *s, size_t len)
{
	return (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) ||
	       (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF);
}

bool doc_parse(struct doc *doc, const char *file, const char *src, size_t len,
               struct diag_list *diags)
{
	memset(doc, 0, sizeof *doc);
	doc->src = src;
	doc->src_len = len;
	doc->file = file;
	doc->root = DOC_NONE;
	const unsigned char *u = (const unsigned char *)src;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		doc->src_start = 3; /* libyaml skips a UTF-8 BOM and does not count it */

	size_t errors_before = diags->errors;
	if (len >= DOC_MAX_SOURCE) {
		diag_add(diags, DIAG_ERROR, file, 0, 0, "file is larger than 512 MiB; charterdash cannot read it");
		return false;
	}
	if (has_utf16_or_32_bom(u, len)) {
		diag_add(diags, DIAG_ERROR, file, 1, 1, "the file is UTF-16 or UTF-32 encoded; save it as UTF-8");
		return false;
	}

	struct builder b = { .doc = doc, .diags = diags };
	/* Sized once from the file: a real charter spends about 15 bytes per
	 * node, and the values take at most the file's bytes plus a NUL each
	 * (fewer once shared). Pages never written to cost no memory. */
	if (len > 4096) {
		size_t nodes = len / 12 + 256;
		doc->nodes = malloc(nodes * sizeof *doc->nodes);
		doc->cap = doc->nodes ? (uint32_t)nodes : 0;
		size_t strings = len + len / 8 + 4096;
		if (strings > DOC_NONE)
			strings = DOC_NONE;
		doc->strings = malloc(strings);
		doc->strings_cap = doc->strings ? strings : 0;
		b.intern = malloc(INTERN_SLOTS * sizeof *b.intern);
		for (size_t i = 0; b.intern && i < INTERN_SLOTS; i++)
			b.intern[i] = (struct intern_slot){ .len = UINT32_MAX };
	}
	b.cursor.src = u;
	b.cursor.len = len;
	b.cursor.bytes = doc->src_start;
	strmap_init(&b.anchors);

	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		diag_add(diags, DIAG_ERROR, file, 0, 0, "out of memory while reading the file");
		return false;
	}
	yaml_parser_set_input_string(&parser, u, len);

	bool done = false;
	while (!done && !b.failed) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			report_parser_error(&b, &parser);
			b.failed = true;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		on_event(&b, &ev);
		yaml_event_delete(&ev);
	}
	if (b.failed && diags->errors == errors_before)
		diag_add(diags, DIAG_ERROR, file, 0, 0, "out of memory while reading the file");
	/* A root is only kept for a document read to its end, so that a caller
	 * given false can still validate a complete tree (duplicate keys and
	 * undefined aliases leave it whole) and report those errors too. */
	if (!b.first_ended)
		doc->root = DOC_NONE;

	yaml_parser_delete(&parser);
	strmap_fini(&b.anchors);
	free(b.stack);
	free(b.intern);
	return diags->errors == errors_before;
}

void doc_fini(struct doc *doc)
{
	free(doc->nodes);
	free(doc->strings);
	free(doc->line_starts);
	memset(doc, 0, sizeof *doc);
	doc->root = DOC_NONE;
}

uint32_t doc_resolve(const struct doc *doc, uint32_t n)
{
	/* Aliases always point at an earlier, non-alias node: one step. */
	if (n != DOC_NONE && doc->nodes[n].kind == DOC_ALIAS)
		return doc->nodes[n].first;
	return n;
}

const char *doc_scalar(const struct doc *doc, uint32_t n)
{
	n = doc_resolve(doc, n);
	if (n == DOC_NONE || doc->nodes[n].kind != DOC_SCALAR)
		return NULL;
	return doc->strings + doc->nodes[n].first;
}

size_t doc_scalar_len(const struct doc *doc, uint32_t n)
{
	n = doc_resolve(doc, n);
	if (n == DOC_NONE || doc->nodes[n].kind != DOC_SCALAR)
		return 0;
	const char *s = doc->strings + doc->nodes[n].first;
	if (!doc->nodes[n].sized)
		return strlen(s);
	uint64_t size;
	memcpy(&size, s - sizeof size, sizeof size);
	return (size_t)size;
}

size_t doc_count(const struct doc *doc, uint32_t n)
{
	if (n == DOC_NONE || (doc->nodes[n].kind != DOC_SEQUENCE && doc->nodes[n].kind != DOC_MAPPING))
		return 0;
	size_t count = 0;
	for (uint32_t it = doc->nodes[n].first; it != DOC_NONE; it = doc->nodes[it].next)
		count++;
	return count;
}

bool doc_is_null(const struct doc *doc, uint32_t n)
{
	n = doc_resolve(doc, n);
	if (n == DOC_NONE)
		return true;
	const struct doc_node *node = &doc->nodes[n];
	if (node->kind != DOC_SCALAR || node->style != DOC_STYLE_PLAIN || (node->flags & DOC_FLAG_TAG))
		return false;
	/* A plain scalar holds no NUL (the reader refuses one) */
	const char *s = doc->strings + node->first;
	switch (s[0]) {
	case '\0': return true;
	case '~': return !s[1];
	case 'n': case 'N': return !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL");
	default: return false;
	}
}

uint32_t doc_map_get(const struct doc *doc, uint32_t map, const char *key, uint32_t *key_out)
{
	map = doc_resolve(doc, map);
	if (map == DOC_NONE || doc->nodes[map].kind != DOC_MAPPING)
		return DOC_NONE;
	for (uint32_t k = doc->nodes[map].first; k != DOC_NONE;) {
		uint32_t v = doc->nodes[k].next;
		const char *text = doc_scalar(doc, k);
		if (text && strcmp(text, key) == 0) {
			if (key_out)
				*key_out = k;
			return v;
		}
		if (v == DOC_NONE)
			break;
		k = doc->nodes[v].next;
	}
	return DOC_NONE;
}

static bool build_line_index(struct doc *doc)
{
	size_t cap = 1024, count = 0;
	uint32_t *starts = malloc(cap * sizeof *starts);
	if (!starts)
		return false;
	starts[count++] = 0;
	/* Without a CR anywhere, memchr finds the line ends far faster than a
	 * loop over every byte (a detail view asks this of a 16 MB file). */
	bool lf_only = !memchr(doc->src, '\r', doc->src_len);
	for (size_t i = 0; i < doc->src_len; i++) {
		if (lf_only) {
			const char *lf = memchr(doc->src + i, '\n', doc->src_len - i);
			if (!lf)
				break;
			i = (size_t)(lf - doc->src);
		} else {
			char ch = doc->src[i];
			if (ch == '\r' && i + 1 < doc->src_len && doc->src[i + 1] == '\n')
				continue; /* CRLF: the line starts after the LF */
			if (ch != '\n' && ch != '\r')
				continue;
		}
		if (count == cap) {
			uint32_t *grown = realloc(starts, cap * 2 * sizeof *starts);
			if (!grown) {
				free(starts);
				return false;
			}
			starts = grown;
			cap *= 2;
		}
		starts[count++] = (uint32_t)(i + 1);
	}
	doc->line_starts = starts;
	doc->line_count = count;
	return true;
}

void doc_position(struct doc *doc, size_t offset, unsigned *line, unsigned *col)
{
	if (offset > doc->src_len)
		offset = doc->src_len;
	*line = 1;
	*col = 1;
	if (!doc->line_starts && !build_line_index(doc))
		return;
	size_t lo = 0, hi = doc->line_count; /* last start <= offset */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	size_t start = doc->line_starts[lo];
	if (lo == 0 && start < doc->src_start)
		start = doc->src_start; /* the BOM is not a column */
	unsigned chars = 0;
	for (size_t i = start; i < offset; i++)
		if (((unsigned char)doc->src[i] & 0xC0) != 0x80)
			chars++;
	*line = (unsigned)lo + 1;
	*col = chars + 1;
}

static void vreport(struct doc *doc, struct diag_list *diags, enum diag_severity sev, uint32_t n,
                    const char *fmt, va_list ap) DIAG_PRINTF(5, 0); /* callers' formats are checked */
static void vreport(struct doc *doc, struct diag_list *diags, enum diag_severity sev, uint32_t n,
                    const char *fmt, va_list ap)
{
	char message[1024];
	vsnprintf(message, sizeof message, fmt, ap);
	unsigned line = 0, col = 0;
	if (n != DOC_NONE && !diag_full(diags)) /* past the cap: counted only */
		doc_position(doc, doc->nodes[n].start, &line, &col);
	diag_add(diags, sev, doc->file, line, col, "%s", message);
}

void doc_error(struct doc *doc, struct diag_list *diags, uint32_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(doc, diags, DIAG_ERROR, n, fmt, ap);
	va_end(ap);
}

void doc_warning(struct doc *doc, struct diag_list *diags, uint32_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(doc, diags, DIAG_WARNING, n, fmt, ap);
	va_end(ap);
}

void doc_report(struct doc *doc, struct diag_list *diags, enum diag_severity sev, uint32_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(doc, diags, sev, n, fmt, ap);
	va_end(ap);
}
