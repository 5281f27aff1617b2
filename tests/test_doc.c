/* test_doc — the YAML loader: byte spans, positions, YAML-level errors and
 * hostile input. Spans must be exact: later edits replace exactly a node's
 * bytes. Columns are 1-based and count characters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "charterdash/core/diag.h"
#include "charterdash/core/doc.h"

/* --- helpers -------------------------------------------------------------- */

struct parsed {
	struct doc doc;
	struct diag_list diags;
	bool ok;
};

static bool parse_n(struct parsed *p, const char *src, size_t len)
{
	diag_init(&p->diags, DIAG_DEFAULT_LIMIT);
	p->ok = doc_parse(&p->doc, "t.yaml", src, len, &p->diags);
	/* The result and the list agree: true exactly when nothing was wrong. */
	assert_int_equal(p->ok, p->diags.errors == 0);
	return p->ok;
}

#define PARSE(p, lit) parse_n((p), (lit), sizeof(lit) - 1)

static void done(struct parsed *p)
{
	doc_fini(&p->doc);
	diag_fini(&p->diags);
}

static void dump_diags(const struct diag_list *d)
{
	char buf[1024];
	for (size_t i = 0; i < d->count; i++) {
		diag_format(&d->items[i], buf, sizeof buf);
		print_message("  %s\n", buf);
	}
}

/* Some stored entry is at line:col and its message contains `needle`. */
static void assert_diag(const struct diag_list *d, unsigned line, unsigned col, const char *needle)
{
	for (size_t i = 0; i < d->count; i++)
		if (d->items[i].line == line && d->items[i].col == col && strstr(d->items[i].message, needle))
			return;
	print_message("no diagnostic %u:%u containing \"%s\"; got:\n", line, col, needle);
	dump_diags(d);
	fail();
}

/* Exactly one error, at line:col, containing `needle`. */
static void assert_only_error(const struct diag_list *d, unsigned line, unsigned col, const char *needle)
{
	if (d->count != 1 || d->errors != 1) {
		print_message("expected one error, got %zu:\n", d->count);
		dump_diags(d);
		fail();
	}
	assert_diag(d, line, col, needle);
	assert_string_equal(d->items[0].file, "t.yaml");
}

static void assert_span(const struct doc *doc, uint32_t n, const char *expected)
{
	assert_int_not_equal(n, DOC_NONE);
	const struct doc_node *node = doc_node(doc, n);
	size_t len = strlen(expected);
	assert_true(node->start <= node->end);
	assert_true(node->end <= doc->src_len);
	if ((size_t)(node->end - node->start) != len || memcmp(doc->src + node->start, expected, len) != 0) {
		print_message("span [%u,%u) is \"%.*s\", expected \"%s\"\n", node->start, node->end,
		              (int)(node->end - node->start), doc->src + node->start, expected);
		fail();
	}
}

static uint32_t get(const struct doc *doc, uint32_t map, const char *key)
{
	uint32_t n = doc_map_get(doc, map, key, NULL);
	if (n == DOC_NONE) {
		print_message("no key '%s'\n", key);
		fail();
	}
	return n;
}

/* The n-th (0-based) child of a collection. */
static uint32_t child(const struct doc *doc, uint32_t coll, unsigned index)
{
	uint32_t it = doc_node(doc, coll)->first;
	while (index-- > 0 && it != DOC_NONE)
		it = doc_node(doc, it)->next;
	assert_int_not_equal(it, DOC_NONE);
	return it;
}

static void assert_pos(struct doc *doc, size_t offset, unsigned line, unsigned col)
{
	unsigned l = 0, c = 0;
	doc_position(doc, offset, &l, &c);
	if (l != line || c != col) {
		print_message("offset %zu is at %u:%u, expected %u:%u\n", offset, l, c, line, col);
		fail();
	}
}

static void assert_node_pos(struct doc *doc, uint32_t n, unsigned line, unsigned col)
{
	assert_pos(doc, doc_node(doc, n)->start, line, col);
}

/* --- spans ---------------------------------------------------------------- */

static const char STYLES[] =
	"a: plain text\n"
	"b: 'single ''q'''\n"
	"c: \"double \\\"q\\\"\"\n"
	"d: |\n"
	"  line1\n"
	"  line2\n"
	"\n"
	"e: >-\n"
	"  folded\n"
	"  more\n"
	"f: done   # a comment\n"
	"g: &a todo\n"
	"h:\n"
	"k: *a\n"
	"l: !!str tagged\n"
	"m: 'it''s' # quoted, then a comment\n";

static void test_spans_scalar_styles(void **state)
{
	(void)state;
	struct parsed p;
	assert_true(PARSE(&p, STYLES));
	struct doc *doc = &p.doc;
	uint32_t root = doc->root;
	assert_int_equal(doc_node(doc, root)->kind, DOC_MAPPING);
	assert_int_equal(doc_count(doc, root), 2 * 11);

	uint32_t n = get(doc, root, "a");
	assert_span(doc, n, "plain text");
	assert_int_equal(doc_node(doc, n)->style, DOC_STYLE_PLAIN);
	assert_string_equal(doc_scalar(doc, n), "plain text");

	n = get(doc, root, "b");
	assert_span(doc, n, "'single ''q'''");
	assert_int_equal(doc_node(doc, n)->style, DOC_STYLE_SINGLE);
	assert_string_equal(doc_scalar(doc, n), "single 'q'");

	n = get(doc, root, "c");
	assert_span(doc, n, "\"double \\\"q\\\"\"");
	assert_int_equal(doc_node(doc, n)->style, DOC_STYLE_DOUBLE);
	assert_string_equal(doc_scalar(doc, n), "double \"q\"");

	/* Block scalars run to column 0 of the next content line, trailing
	 * blank lines included. */
	n = get(doc, root, "d");
	assert_span(doc, n, "|\n  line1\n  line2\n\n");
	assert_int_equal(doc_node(doc, n)->style, DOC_STYLE_LITERAL);
	assert_string_equal(doc_scalar(doc, n), "line1\nline2\n");

	n = get(doc, root, "e");
	assert_span(doc, n, ">-\n  folded\n  more\n");
	assert_int_equal(doc_node(doc, n)->style, DOC_STYLE_FOLDED);
	assert_string_equal(doc_scalar(doc, n), "folded more");

	/* A trailing comment (and the spaces before it) is not the value. */
	n = get(doc, root, "f");
	assert_span(doc, n, "done");
	n = get(doc, root, "m");
	assert_span(doc, n, "'it''s'");

	/* An anchor is inside the span; the node is flagged. */
	n = get(doc, root, "g");
	assert_span(doc, n, "&a todo");
	assert_true(doc_node(doc, n)->flags & DOC_FLAG_ANCHOR);
	assert_string_equal(doc_scalar(doc, n), "todo");

	/* `h:` with nothing after: zero width, right after the colon. */
	n = get(doc, root, "h");
	const char *h = strstr(STYLES, "h:\n");
	assert_int_equal(doc_node(doc, n)->start, (uint32_t)(h - STYLES) + 2);
	assert_int_equal(doc_node(doc, n)->end, doc_node(doc, n)->start);
	assert_true(doc_is_null(doc, n));
	assert_node_pos(doc, n, 13, 3);

	/* An alias spans its `*name`, resolves to the anchored node. */
	n = get(doc, root, "k");
	assert_span(doc, n, "*a");
	assert_int_equal(doc_node(doc, n)->kind, DOC_ALIAS);
	assert_int_equal(doc_resolve(doc, n), get(doc, root, "g"));
	assert_string_equal(doc_scalar(doc, n), "todo");

	n = get(doc, root, "l");
	assert_span(doc, n, "!!str tagged");
	assert_true(doc_node(doc, n)->flags & DOC_FLAG_TAG);

	/* The root block mapping: first key to the end of the last value. */
	assert_int_equal(doc_node(doc, root)->start, 0);
	const char *last = strstr(STYLES, "'it''s'");
	assert_int_equal(doc_node(doc, root)->end, (uint32_t)(last - STYLES) + 7);
	done(&p);
}

static void test_span_empty_value_at_end(void **state)
{
	(void)state;
	struct parsed p;
	/* No newline at the end of the file, and a value missing in a flow
	 * mapping and a sequence item. */
	assert_true(PARSE(&p, "x: {a: , b: 1}\ny:\n  -\n  - 2\nstatus:"));
	struct doc *doc = &p.doc;
	uint32_t st = get(doc, doc->root, "status");
	assert_int_equal(doc_node(doc, st)->start, strlen("x: {a: , b: 1}\ny:\n  -\n  - 2\nstatus:"));
	assert_int_equal(doc_node(doc, st)->end, doc_node(doc, st)->start);
	assert_node_pos(doc, st, 5, 8);

	uint32_t a = get(doc, get(doc, doc->root, "x"), "a");
	assert_true(doc_is_null(doc, a));
	assert_int_equal(doc_node(doc, a)->end - doc_node(doc, a)->start, 0);

	uint32_t item = child(doc, get(doc, doc->root, "y"), 0);
	assert_true(doc_is_null(doc, item));
	assert_int_equal(doc_node(doc, item)->start, strlen("x: {a: , b: 1}\ny:\n  -"));
	assert_int_equal(doc_node(doc, item)->end, doc_node(doc, item)->start);
	done(&p);
}

static void test_spans_collections(void **state)
{
	(void)state;
	static const char src[] =
		"flow: [x, {y: z}, []]   # trailing\n"
		"block:\n"
		"  - p\n"
		"  - k: v\n"
		"    k2: [1, 2]\n"
		"\n"
		"# a comment after the list\n"
		"map:\n"
		"  one: 1\n"
		"  two: {}\n";
	struct parsed p;
	assert_true(PARSE(&p, src));
	struct doc *doc = &p.doc;

	uint32_t flow = get(doc, doc->root, "flow");
	assert_span(doc, flow, "[x, {y: z}, []]");
	assert_int_equal(doc_node(doc, flow)->kind, DOC_SEQUENCE);
	assert_int_equal(doc_node(doc, flow)->style, DOC_STYLE_FLOW);
	assert_int_equal(doc_count(doc, flow), 3);
	assert_span(doc, child(doc, flow, 1), "{y: z}");
	assert_int_equal(doc_node(doc, child(doc, flow, 1))->kind, DOC_MAPPING);
	uint32_t empty = child(doc, flow, 2);
	assert_span(doc, empty, "[]");
	assert_int_equal(doc_count(doc, empty), 0);
	assert_int_equal(doc_node(doc, empty)->first, DOC_NONE);

	/* A block collection ends with its last child, not at the comment or
	 * blank lines where libyaml ends it. */
	uint32_t block = get(doc, doc->root, "block");
	assert_span(doc, block, "- p\n  - k: v\n    k2: [1, 2]");
	assert_int_equal(doc_node(doc, block)->style, DOC_STYLE_BLOCK);
	assert_int_equal(doc_count(doc, block), 2);
	uint32_t inner = child(doc, block, 1);
	assert_span(doc, inner, "k: v\n    k2: [1, 2]");
	assert_node_pos(doc, inner, 4, 5);

	uint32_t map = get(doc, doc->root, "map");
	assert_span(doc, map, "one: 1\n  two: {}");
	assert_span(doc, get(doc, map, "two"), "{}");

	uint32_t key;
	assert_int_equal(doc_map_get(doc, map, "two", &key), get(doc, map, "two"));
	assert_span(doc, key, "two");
	assert_int_equal(doc_map_get(doc, map, "three", NULL), DOC_NONE);
	assert_int_equal(doc_map_get(doc, flow, "x", NULL), DOC_NONE); /* not a mapping */
	done(&p);
}

/* Multi-byte characters (2, 3 and 4 bytes) before values on the same and
 * earlier lines, in comments, keys and values: libyaml counts characters,
 * spans must count bytes. */
static void test_spans_utf8(void **state)
{
	(void)state;
	static const char src[] =
		"# ə — 😀 in a comment\n"
		"ə: \"—😀\"\n"
		"x: ə😀— tail # 😀\n"
		"y: [😀, ə, —]\n"
		"z: |\n"
		"  😀ə—\n"
		"😀😀: {ə: after}\n"
		"w: 'ə''😀'\n";
	struct parsed p;
	assert_true(PARSE(&p, src));
	struct doc *doc = &p.doc;

	uint32_t n = get(doc, doc->root, "ə");
	assert_span(doc, n, "\"—😀\"");
	assert_string_equal(doc_scalar(doc, n), "—😀");
	assert_node_pos(doc, n, 2, 4);

	n = get(doc, doc->root, "x");
	assert_span(doc, n, "ə😀— tail");
	assert_node_pos(doc, n, 3, 4);

	n = get(doc, doc->root, "y");
	assert_span(doc, n, "[😀, ə, —]");
	assert_span(doc, child(doc, n, 0), "😀");
	assert_span(doc, child(doc, n, 1), "ə");
	assert_span(doc, child(doc, n, 2), "—");
	assert_node_pos(doc, child(doc, n, 1), 4, 8);
	assert_node_pos(doc, child(doc, n, 2), 4, 11);

	n = get(doc, doc->root, "z");
	assert_span(doc, n, "|\n  😀ə—\n");
	assert_string_equal(doc_scalar(doc, n), "😀ə—\n");

	uint32_t key;
	n = doc_map_get(doc, doc->root, "😀😀", &key);
	assert_span(doc, key, "😀😀");
	assert_span(doc, n, "{ə: after}");
	assert_span(doc, get(doc, n, "ə"), "after");
	assert_node_pos(doc, get(doc, n, "ə"), 7, 9);

	n = get(doc, doc->root, "w");
	assert_span(doc, n, "'ə''😀'");
	assert_string_equal(doc_scalar(doc, n), "ə'😀");
	assert_node_pos(doc, n, 8, 4);
	done(&p);
}

/* A UTF-8 BOM: skipped by libyaml and not counted; spans stay byte offsets
 * into the whole source (BOM included), columns do not count it. */
static void test_bom(void **state)
{
	(void)state;
	static const char src[] = "\xEF\xBB\xBF" "a: b\nc: 'ə'\n";
	struct parsed p;
	assert_true(PARSE(&p, src));
	struct doc *doc = &p.doc;
	assert_int_equal(doc->src_start, 3);
	uint32_t a_key;
	uint32_t b = doc_map_get(doc, doc->root, "a", &a_key);
	assert_int_equal(doc_node(doc, a_key)->start, 3);
	assert_int_equal(doc_node(doc, b)->start, 6);
	assert_span(doc, b, "b");
	assert_node_pos(doc, a_key, 1, 1);
	assert_node_pos(doc, b, 1, 4);
	uint32_t c = get(doc, doc->root, "c");
	assert_span(doc, c, "'ə'");
	assert_node_pos(doc, c, 2, 4);
	assert_pos(doc, 0, 1, 1); /* inside the BOM: still the first column */
	done(&p);

	/* A BOM and nothing else is an empty document. */
	assert_true(PARSE(&p, "\xEF\xBB\xBF"));
	assert_int_equal(p.doc.root, DOC_NONE);
	done(&p);
}

static void test_crlf(void **state)
{
	(void)state;
	static const char src[] =
		"a: x\r\n"
		"b: 'q r'   # c\r\n"
		"c: |\r\n"
		"  lit\r\n"
		"\r\n"
		"d: [e, ə]\r\n"
		"f:\r\n"
		"  - g\r\n"
		"  - \"h\"\r\n";
	struct parsed p;
	assert_true(PARSE(&p, src));
	struct doc *doc = &p.doc;
	const char *s = src;

	uint32_t n = get(doc, doc->root, "a");
	assert_int_equal(doc_node(doc, n)->start, 3);
	assert_memory_equal(s + doc_node(doc, n)->start, "x", 1);
	assert_int_equal(doc_node(doc, n)->end, 4);

	n = get(doc, doc->root, "b");
	assert_span(doc, n, "'q r'");
	assert_node_pos(doc, n, 2, 4);

	n = get(doc, doc->root, "c");
	assert_span(doc, n, "|\r\n  lit\r\n\r\n");
	assert_string_equal(doc_scalar(doc, n), "lit\n"); /* breaks normalised */
	assert_node_pos(doc, n, 3, 4);

	n = get(doc, doc->root, "d");
	assert_span(doc, n, "[e, ə]");
	assert_node_pos(doc, n, 6, 4);
	assert_node_pos(doc, child(doc, n, 1), 6, 8);

	n = get(doc, doc->root, "f");
	assert_span(doc, n, "- g\r\n  - \"h\"");
	assert_span(doc, child(doc, n, 1), "\"h\"");
	assert_node_pos(doc, child(doc, n, 1), 9, 5);
	done(&p);
}

/* doc_position: lines split at LF, CRLF and a lone CR; columns count
 * characters; offsets past the end clamp. */
static void test_position(void **state)
{
	(void)state;
	static const char src[] = "ab\r\nəx\rc😀d\n\nz";
	struct parsed p;
	PARSE(&p, src); /* the content does not matter here */
	struct doc *doc = &p.doc;
	assert_pos(doc, 0, 1, 1);
	assert_pos(doc, 1, 1, 2);
	assert_pos(doc, 2, 1, 3);  /* the CR */
	assert_pos(doc, 4, 2, 1);  /* after CRLF */
	assert_pos(doc, 6, 2, 2);  /* x, after a 2-byte ə */
	assert_pos(doc, 8, 3, 1);  /* after a lone CR */
	assert_pos(doc, 9, 3, 2);  /* the 4-byte emoji */
	assert_pos(doc, 13, 3, 3); /* d */
	assert_pos(doc, 15, 4, 1); /* the empty line */
	assert_pos(doc, 16, 5, 1); /* z */
	assert_pos(doc, 17, 5, 2); /* the end */
	assert_pos(doc, 1000, 5, 2);
	done(&p);
}

/* U+2028 is a line break to libyaml (YAML 1.1) but not to editors: every
 * position, syntax errors included, counts lines the editor's way. */
static void test_line_separator_positions(void **state)
{
	(void)state;
	struct parsed p;
	assert_false(PARSE(&p, "a: \"x\xE2\x80\xA8y\"\nb: [\nc: ]]\n"));
	assert_int_equal(p.diags.count, 1);
	assert_int_equal(p.diags.items[0].line, 3);
	done(&p);
}

static void test_values_and_nulls(void **state)
{
	(void)state;
	static const char src[] =
		"e1:\n"
		"e2: ~\n"
		"e3: null\n"
		"e4: Null\n"
		"e5: NULL\n"
		"q1: ''\n"
		"q2: \"null\"\n"
		"t1: !!str\n"
		"v: nullable\n"
		"esc: \"tab\\there \\u00e9 \\x41\"\n"
		"fold: >\n"
		"  one\n"
		"  two\n"
		"\n"
		"  three\n";
	struct parsed p;
	assert_true(PARSE(&p, src));
	struct doc *doc = &p.doc;
	const char *nulls[] = { "e1", "e2", "e3", "e4", "e5" };
	for (size_t i = 0; i < 5; i++)
		assert_true(doc_is_null(doc, get(doc, doc->root, nulls[i])));
	assert_false(doc_is_null(doc, get(doc, doc->root, "q1"))); /* quoted: text */
	assert_false(doc_is_null(doc, get(doc, doc->root, "q2")));
	assert_false(doc_is_null(doc, get(doc, doc->root, "t1"))); /* tagged str */
	assert_false(doc_is_null(doc, get(doc, doc->root, "v")));
	assert_false(doc_is_null(doc, doc->root)); /* a mapping */
	assert_true(doc_is_null(doc, DOC_NONE));
	assert_null(doc_scalar(doc, doc->root));
	assert_string_equal(doc_scalar(doc, get(doc, doc->root, "esc")), "tab\there \xC3\xA9 A");
	assert_string_equal(doc_scalar(doc, get(doc, doc->root, "fold")), "one two\nthree\n");
	assert_int_equal(doc_scalar_len(doc, get(doc, doc->root, "q1")), 0);
	done(&p);
}

static void test_empty_documents(void **state)
{
	(void)state;
	struct parsed p;
	assert_true(PARSE(&p, ""));
	assert_int_equal(p.doc.root, DOC_NONE);
	assert_int_equal(p.doc.count, 0);
	done(&p);

	assert_true(PARSE(&p, "# only a comment\n\n"));
	assert_int_equal(p.doc.root, DOC_NONE);
	done(&p);

	assert_true(PARSE(&p, "---\n...\n"));
	assert_true(doc_is_null(&p.doc, p.doc.root));
	done(&p);
}

/* --- YAML-level errors ---------------------------------------------------- */

static void test_syntax_errors(void **state)
{
	(void)state;
	struct parsed p;
	/* A line indented less than its siblings. */
	assert_false(PARSE(&p, "charter:\n  title: x\n signed: y\n"));
	assert_only_error(&p.diags, 3, 2, "check its indentation");
	done(&p);

	/* Text with ': ' in it, unquoted. */
	assert_false(PARSE(&p, "charter:\n  title: a: b\n"));
	assert_only_error(&p.diags, 2, 11, "unexpected ':'");
	done(&p);

	/* A bad alias name. */
	assert_false(PARSE(&p, "a: *\n"));
	assert_only_error(&p.diags, 1, 5, "alias");
	done(&p);

	/* A ] closing a { ... */
	assert_false(PARSE(&p, "a: {b: 1, c: 2]\n"));
	assert_only_error(&p.diags, 1, 15, "the [ or { at line 1, column 4 is still open");
	done(&p);

	/* ... and a { left open before more lines: the error names it. */
	assert_false(PARSE(&p, "a: {b: 1, c: 2\nd: []\n"));
	assert_only_error(&p.diags, 2, 2, "the [ or { at line 1, column 4 is still open");
	done(&p);
}

static void test_tab_indentation(void **state)
{
	(void)state;
	struct parsed p;
	assert_false(PARSE(&p, "charter:\n\ttitle: x\n"));
	assert_only_error(&p.diags, 2, 1, "tab character used for indentation");
	done(&p);

	assert_false(PARSE(&p, "charter:\n  title: x\n\t  signed: 2026-01-01\n"));
	assert_only_error(&p.diags, 3, 1, "tab character used for indentation");
	done(&p);

	/* A tab after `key:` separates, it does not indent: libyaml accepts. */
	assert_true(PARSE(&p, "a:\tb\n"));
	assert_string_equal(doc_scalar(&p.doc, get(&p.doc, p.doc.root, "a")), "b");
	done(&p);
}

static void test_second_document(void **state)
{
	(void)state;
	struct parsed p;
	assert_false(PARSE(&p, "charter:\n  title: x\n---\nmore: 1\n"));
	assert_only_error(&p.diags, 3, 1, "a second YAML document starts here");
	/* The first document was complete: its tree is kept for validation. */
	assert_int_not_equal(p.doc.root, DOC_NONE);
	done(&p);

	assert_false(PARSE(&p, "--- a\n...\n--- b\n"));
	assert_only_error(&p.diags, 3, 1, "a second YAML document");
	done(&p);
}

static void test_duplicate_keys_small(void **state)
{
	(void)state;
	struct parsed p;
	assert_false(PARSE(&p, "a: 1\nb: 2\n'a': 3\nc: {x: 1, y: 2, x: 3}\n"));
	assert_int_equal(p.diags.count, 2);
	assert_diag(&p.diags, 3, 1, "duplicate key 'a' (first given at line 1)");
	assert_diag(&p.diags, 4, 17, "duplicate key 'x' (first given at line 4)");
	/* The tree is whole; lookups see the first key. */
	assert_int_not_equal(p.doc.root, DOC_NONE);
	assert_string_equal(doc_scalar(&p.doc, get(&p.doc, p.doc.root, "a")), "1");
	done(&p);

	/* Same key text in different mappings is fine. */
	assert_true(PARSE(&p, "a: {id: 1}\nb: {id: 2}\n"));
	done(&p);
}

/* Past 16 keys the check switches from pairwise compares to a hash map. */
static void test_duplicate_keys_large(void **state)
{
	(void)state;
	char src[2048];
	size_t len = 0;
	for (int i = 0; i < 40; i++)
		len += (size_t)snprintf(src + len, sizeof src - len, "key%d: %d\n", i, i);
	len += (size_t)snprintf(src + len, sizeof src - len, "key7: again\nkey39: again\n");
	struct parsed p;
	assert_false(parse_n(&p, src, len));
	assert_int_equal(p.diags.count, 2);
	assert_diag(&p.diags, 41, 1, "duplicate key 'key7' (first given at line 8)");
	assert_diag(&p.diags, 42, 1, "duplicate key 'key39' (first given at line 40)");
	done(&p);
}

/* Duplicates past the cap are counted, and cheaply: locating each one on
 * a long line used to cost O(line length), so this took minutes. */
static void test_many_duplicate_keys_one_line(void **state)
{
	(void)state;
	enum { N = 100000 };
	char *src = malloc(N * 6 + 8);
	assert_non_null(src);
	size_t len = 0;
	src[len++] = '{';
	for (int i = 0; i < N; i++) {
		memcpy(src + len, "k: 1, ", 6);
		len += 6;
	}
	src[len++] = '}';
	clock_t t0 = clock();
	struct parsed p;
	assert_false(parse_n(&p, src, len));
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_int_equal(p.diags.count, DIAG_DEFAULT_LIMIT);
	assert_true(p.diags.truncated);
	assert_int_equal(p.diags.errors, N - 1);
	assert_diag(&p.diags, 1, 8, "duplicate key 'k' (first given at line 1)");
	assert_true(secs < 10.0); /* generous: valgrind included */
	done(&p);
	free(src);
}

static void test_undefined_alias(void **state)
{
	(void)state;
	struct parsed p;
	assert_false(PARSE(&p, "a: 1\nb: *nope\nc: &later 2\nd: [*later, *ghost]\n"));
	assert_int_equal(p.diags.count, 2);
	assert_diag(&p.diags, 2, 4, "alias '*nope' refers to no anchor '&nope' before it");
	assert_diag(&p.diags, 4, 13, "alias '*ghost'");
	/* It reads as null, so the tree stays usable. */
	assert_true(doc_is_null(&p.doc, get(&p.doc, p.doc.root, "b")));
	done(&p);

	/* An alias before its anchor is undefined too. */
	assert_false(PARSE(&p, "a: *x\nb: &x 1\n"));
	assert_only_error(&p.diags, 1, 4, "alias '*x'");
	done(&p);
}

static void test_unclosed_quotes(void **state)
{
	(void)state;
	struct parsed p;
	assert_false(PARSE(&p, "charter:\n  title: \"abc\n  signed: 2026-01-01\nworking_groups: []\n"));
	assert_only_error(&p.diags, 2, 10, "unclosed quote");
	done(&p);

	assert_false(PARSE(&p, "charter:\n  title: 'ə abc\n  signed: 2026-01-01\n"));
	assert_only_error(&p.diags, 2, 10, "unclosed quote");
	done(&p);

	/* After multi-byte text on the same line. */
	assert_false(PARSE(&p, "ə: [😀, \"—x\n"));
	assert_only_error(&p.diags, 1, 8, "unclosed quote");
	done(&p);
}

static void test_unclosed_bracket(void **state)
{
	(void)state;
	struct parsed p;
	assert_false(PARSE(&p, "charter:\n  title: T\n  signed: [2026-01-01\n"));
	assert_only_error(&p.diags, 3, 11, "unclosed bracket");
	done(&p);

	assert_false(PARSE(&p, "a: {b: [1, 2]"));
	assert_only_error(&p.diags, 1, 4, "unclosed bracket");
	done(&p);
}

/* --- hostile input -------------------------------------------------------- */

static void test_invalid_utf8(void **state)
{
	(void)state;
	static const struct {
		const char *src;
		size_t len;
		unsigned line, col;
		const char *needle;
	} cases[] = {
#define C(s, l, c, n) { s, sizeof(s) - 1, l, c, n }
		C("a: x\nb: a\xFF\n", 2, 5, "not valid UTF-8 (byte 0xFF)"),
		C("a: x\nb: ab\x80\n", 2, 6, "(byte 0x80)"),          /* stray continuation */
		C("a: x\nb: ab\xC3\n", 2, 6, "(byte 0xC3)"),          /* truncated before LF */
		C("a: x\nb: ab\xE2\x80", 2, 6, "(byte 0xE2)"),        /* truncated at the end */
		C("a: x\nb: ab\xC0\x80\n", 2, 6, "(byte 0xC0)"),      /* overlong NUL */
		C("a: x\nb: ab\xED\xA0\x80\n", 2, 6, "(byte 0xED)"),  /* a surrogate */
		C("a: x\nb: ab\xF4\x90\x80\x80\n", 2, 6, "(byte 0xF4)"), /* past U+10FFFF */
		C("a: əə\xFF\n", 1, 6, "(byte 0xFF)"),                /* after multi-byte */
		/* libyaml counts the BOM in its byte offset: not again. */
		C("\xEF\xBB\xBF" "a: x\nb: a\xFF\n", 2, 5, "(byte 0xFF)"),
#undef C
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct parsed p;
		assert_false(parse_n(&p, cases[i].src, cases[i].len));
		assert_only_error(&p.diags, cases[i].line, cases[i].col, cases[i].needle);
		assert_int_equal(p.doc.root, DOC_NONE);
		done(&p);
	}
}

static void test_nul_and_control_bytes(void **state)
{
	(void)state;
	struct parsed p;
	assert_false(PARSE(&p, "a: x\nb: a\0b\n"));
	assert_only_error(&p.diags, 2, 5, "control character U+0000");
	done(&p);

	assert_false(PARSE(&p, "\0\0\0\0"));
	assert_only_error(&p.diags, 1, 1, "control character U+0000");
	done(&p);

	assert_false(PARSE(&p, "a: ə\x01\n"));
	assert_only_error(&p.diags, 1, 5, "control character U+0001");
	done(&p);

	/* Escaped in double quotes a NUL is legal YAML: the value keeps it,
	 * and its length says so (the model rejects it). */
	assert_true(PARSE(&p, "a: \"x\\0y\"\n"));
	uint32_t a = get(&p.doc, p.doc.root, "a");
	assert_int_equal(doc_scalar_len(&p.doc, a), 3);
	assert_int_equal(strlen(doc_scalar(&p.doc, a)), 1);
	done(&p);
}

static void test_utf16_and_utf32(void **state)
{
	(void)state;
	static const struct {
		const char *src;
		size_t len;
	} cases[] = {
		{ "\xFF\xFE" "a\0:\0 \0b\0", 10 },  /* UTF-16LE */
		{ "\xFE\xFF" "\0a\0:\0 \0b", 10 },  /* UTF-16BE */
		{ "\xFF\xFE\0\0" "a\0\0\0", 8 },    /* UTF-32LE */
		{ "\0\0\xFE\xFF" "\0\0\0a", 8 },    /* UTF-32BE */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct parsed p;
		assert_false(parse_n(&p, cases[i].src, cases[i].len));
		assert_only_error(&p.diags, 1, 1, "UTF-16 or UTF-32");
		done(&p);
	}
}

/* Billion laughs: aliases are never expanded, so the doc stays small. */
static void test_alias_bomb(void **state)
{
	(void)state;
	char src[8192];
	size_t len = (size_t)snprintf(src, sizeof src, "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (int i = 1; i < 40; i++) {
		len += (size_t)snprintf(src + len, sizeof src - len, "a%d: &a%d [", i, i);
		for (int j = 0; j < 9; j++)
			len += (size_t)snprintf(src + len, sizeof src - len, "%s*a%d", j ? ", " : "", i - 1);
		len += (size_t)snprintf(src + len, sizeof src - len, "]\n");
	}
	assert_true(len < sizeof src - 1);
	struct parsed p;
	assert_true(parse_n(&p, src, len));
	/* 40 keys, 40 lists, 9 items each, the root: under 500 nodes. */
	assert_true(p.doc.count < 500);
	uint32_t last = get(&p.doc, p.doc.root, "a39");
	assert_int_equal(doc_node(&p.doc, child(&p.doc, last, 0))->kind, DOC_ALIAS);
	assert_int_equal(doc_resolve(&p.doc, child(&p.doc, last, 0)), get(&p.doc, p.doc.root, "a38"));
	done(&p);
}

static void test_deep_flow_nesting(void **state)
{
	(void)state;
	enum { DEPTH = 200000 };
	char *src = malloc(2 * DEPTH + 1);
	assert_non_null(src);
	memset(src, '[', DEPTH);
	memset(src + DEPTH, ']', DEPTH);
	struct parsed p;
	assert_false(parse_n(&p, src, 2 * DEPTH));
	assert_only_error(&p.diags, 1, DOC_MAX_DEPTH + 1, "nesting is deeper than 256 levels");
	assert_int_equal(p.doc.root, DOC_NONE);
	assert_true(p.doc.count <= DOC_MAX_DEPTH + 1);
	done(&p);

	/* Unclosed, and mappings. */
	assert_false(parse_n(&p, src, DEPTH));
	assert_only_error(&p.diags, 1, DOC_MAX_DEPTH + 1, "nesting is deeper");
	done(&p);
	for (size_t i = 0; i < DEPTH / 4; i++)
		memcpy(src + 4 * i, "{a: ", 4);
	assert_false(parse_n(&p, src, DEPTH));
	assert_only_error(&p.diags, 1, 4 * DOC_MAX_DEPTH + 1, "nesting is deeper");
	done(&p);
	free(src);
}

static void test_deep_block_nesting(void **state)
{
	(void)state;
	/* `- - - - ... x` on one line, and a staircase of mappings. */
	enum { DEPTH = 100000 };
	char *src = malloc(2 * DEPTH + 3);
	assert_non_null(src);
	for (size_t i = 0; i < DEPTH; i++)
		memcpy(src + 2 * i, "- ", 2);
	memcpy(src + 2 * DEPTH, "x\n", 2);
	struct parsed p;
	assert_false(parse_n(&p, src, 2 * DEPTH + 2));
	assert_only_error(&p.diags, 1, 2 * DOC_MAX_DEPTH + 1, "nesting is deeper");
	done(&p);
	free(src);

	enum { LINES = 2000 };
	size_t cap = (size_t)LINES * (LINES + 4) / 2 + LINES * 4;
	src = malloc(cap);
	assert_non_null(src);
	size_t len = 0;
	for (int i = 0; i < LINES; i++) {
		memset(src + len, ' ', (size_t)i);
		len += (size_t)i;
		memcpy(src + len, "a:\n", 3);
		len += 3;
	}
	assert_true(len <= cap);
	assert_false(parse_n(&p, src, len));
	assert_only_error(&p.diags, DOC_MAX_DEPTH + 1, DOC_MAX_DEPTH + 1, "nesting is deeper");
	done(&p);
	free(src);
}

/* xorshift32: deterministic across platforms, unlike rand(). */
static uint32_t next_random(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Whatever the bytes, parsing ends: either well-formed, or with located
 * errors and no root; valgrind/ASan check the rest. */
static void check_fuzz_case(const char *src, size_t len)
{
	struct parsed p;
	bool ok = parse_n(&p, src, len);
	if (!ok) {
		assert_true(p.diags.count >= 1);
		for (size_t i = 0; i < p.diags.count; i++) {
			assert_true(p.diags.items[i].line >= 1);
			assert_true(p.diags.items[i].col >= 1);
		}
	}
	for (uint32_t n = 0; n < p.doc.count; n++) {
		assert_true(p.doc.nodes[n].start <= p.doc.nodes[n].end);
		assert_true(p.doc.nodes[n].end <= len);
	}
	done(&p);
}

static void test_random_bytes(void **state)
{
	(void)state;
	uint32_t seed = 12345;
	char buf[512];
	for (int iter = 0; iter < 300; iter++) {
		size_t len = next_random(&seed) % sizeof buf;
		for (size_t i = 0; i < len; i++)
			buf[i] = (char)(next_random(&seed) & 0xFF);
		check_fuzz_case(buf, len);
	}
}

/* Random bytes rarely get past the UTF-8 check; YAML punctuation and
 * multi-byte text reach deeper into the parser and the span code. */
static void test_random_yaml_like(void **state)
{
	(void)state;
	static const char *const atoms[] = {
		"- ", ": ", "[", "]", "{", "}", ",", "'", "\"", "&a", "*a", "!!str ", "|", ">-", "#",
		"\n", "\r\n", "  ", "\t", "key", "ə", "—", "😀", "---", "...", "?", "%YAML 1.1", "\\",
		"id", "done", "\xEF\xBB\xBF",
	};
	enum { NATOMS = sizeof atoms / sizeof atoms[0] };
	uint32_t seed = 0xC0FFEE;
	char buf[1024];
	int loaded = 0;
	for (int iter = 0; iter < 400; iter++) {
		size_t len = 0;
		size_t count = next_random(&seed) % 60;
		for (size_t i = 0; i < count; i++) {
			const char *a = atoms[next_random(&seed) % NATOMS];
			size_t n = strlen(a);
			if (len + n > sizeof buf)
				break;
			memcpy(buf + len, a, n);
			len += n;
		}
		struct parsed p;
		loaded += parse_n(&p, buf, len);
		done(&p);
		check_fuzz_case(buf, len);
	}
	/* Some cases must parse, or this would only test the error path. */
	assert_true(loaded > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spans_scalar_styles),
		cmocka_unit_test(test_span_empty_value_at_end),
		cmocka_unit_test(test_spans_collections),
		cmocka_unit_test(test_spans_utf8),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_position),
		cmocka_unit_test(test_line_separator_positions),
		cmocka_unit_test(test_values_and_nulls),
		cmocka_unit_test(test_empty_documents),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_tab_indentation),
		cmocka_unit_test(test_second_document),
		cmocka_unit_test(test_duplicate_keys_small),
		cmocka_unit_test(test_duplicate_keys_large),
		cmocka_unit_test(test_many_duplicate_keys_one_line),
		cmocka_unit_test(test_undefined_alias),
		cmocka_unit_test(test_unclosed_quotes),
		cmocka_unit_test(test_unclosed_bracket),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_nul_and_control_bytes),
		cmocka_unit_test(test_utf16_and_utf32),
		cmocka_unit_test(test_alias_bomb),
		cmocka_unit_test(test_deep_flow_nesting),
		cmocka_unit_test(test_deep_block_nesting),
		cmocka_unit_test(test_random_bytes),
		cmocka_unit_test(test_random_yaml_like),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
