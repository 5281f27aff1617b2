/* doc — a YAML document as a compact node tree that remembers where every
 * node stands in the source bytes.
 *
 * Built from libyaml's event stream in one pass. Spans are byte offsets
 * into the source (libyaml counts characters; the conversion happens here,
 * once). Editing code replaces exactly a node's bytes, so spans must be
 * exact:
 *   - plain scalar: its text, without a trailing comment;
 *   - quoted scalar: including its quotes;
 *   - an anchor or tag is included at the start (`&a todo`);
 *   - a missing value (`key:`) is zero-width, right after the colon;
 *   - block scalar (`|`, `>`): from the indicator to the start of the next
 *     content line (trailing blank lines included);
 *   - flow collection: from the bracket to the closing bracket;
 *   - block collection: from its first child to the end of its last child.
 *
 * The doc borrows the source text: it must outlive the doc for spans and
 * positions to mean anything. Scalar values are decoded, NUL-terminated
 * copies owned by the doc.
 *
 * Hostile input is bounded: nesting deeper than DOC_MAX_DEPTH, a second
 * document, more than DOC_DENSE_NODES nodes averaging under 4 source bytes
 * each, or a source over DOC_MAX_SOURCE (512 MiB) are errors; aliases are
 * never expanded.
 *
 * Memory: the nodes, plus the decoded values in one arena where repeated
 * short values (keys, statuses, dates, owners) are stored once and shared:
 * about 1.6x the source for a typical charter. */
#ifndef CHARTERDASH_DOC_H
#define CHARTERDASH_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "charterdash/core/diag.h"

#define DOC_NONE ((1u << 30) - 1) /* fits doc_node.next and .first */
#define DOC_MAX_DEPTH 256
#define DOC_DENSE_NODES 1000000u /* see doc_parse */
#define DOC_MAX_SOURCE ((size_t)1 << 29) /* 512 MiB: see doc_node.start */

enum doc_kind { DOC_SCALAR, DOC_SEQUENCE, DOC_MAPPING, DOC_ALIAS };

enum doc_style {
	DOC_STYLE_ANY,
	DOC_STYLE_PLAIN,
	DOC_STYLE_SINGLE,
	DOC_STYLE_DOUBLE,
	DOC_STYLE_LITERAL,
	DOC_STYLE_FOLDED,
	DOC_STYLE_BLOCK, /* collections */
	DOC_STYLE_FLOW
};

enum doc_flag {
	DOC_FLAG_ANCHOR = 1u << 0, /* the node defines an anchor (&name) */
	DOC_FLAG_TAG = 1u << 1,    /* the node has an explicit tag (!!str) */
};

/* 16 bytes: a 100k-milestone file has well over a million of these, and
 * they are most of a loaded file's memory. Read the fields as usual; a
 * scalar's length is doc_scalar_len, a collection's size doc_count. */
struct doc_node {
	uint32_t start : 29; /* byte span in the source (DOC_MAX_SOURCE) */
	uint32_t style : 3;  /* enum doc_style */
	uint32_t end : 30;
	uint32_t kind : 2;   /* enum doc_kind */
	uint32_t next : 30;  /* next sibling in the parent, or DOC_NONE */
	uint32_t flags : 2;  /* enum doc_flag */
	uint32_t first : 30; /* scalar: offset of its value in doc.strings;
	                        collection: first child (DOC_NONE if empty);
	                        alias: the anchored node it refers to */
	uint32_t sized : 1;  /* scalar: its value's length is in the 8 bytes
	                        before it (the value holds a NUL) */
	uint32_t unused : 1;
};

struct doc {
	const char *src; /* borrowed */
	size_t src_len;
	size_t src_start; /* 3 when the source starts with a UTF-8 BOM, else 0 */
	const char *file; /* borrowed; used in diagnostics */

	struct doc_node *nodes;
	uint32_t count, cap;
	uint32_t root; /* DOC_NONE for an empty document, and for one whose
	                  parse stopped early (a syntax error): only a document
	                  read to its end is worth validating */

	char *strings; /* scalar values, each NUL-terminated; nodes with equal
	                  short values may share one (never written to) */
	size_t strings_len, strings_cap;

	uint32_t *line_starts; /* built on the first position query */
	size_t line_count;
};

/* Parses src into doc. Problems go to diags (all the syntax allows, up to
 * the list's limit). Returns true when the document is well-formed YAML;
 * on false the doc holds whatever was built and must still be finished. */
bool doc_parse(struct doc *doc, const char *file, const char *src, size_t len,
               struct diag_list *diags);
void doc_fini(struct doc *doc);

static inline const struct doc_node *doc_node(const struct doc *doc, uint32_t n)
{
	return &doc->nodes[n];
}

/* Follows an alias to the node it names (any other node: itself). */
uint32_t doc_resolve(const struct doc *doc, uint32_t n);

/* The decoded text of a scalar (after alias resolution), else NULL. */
const char *doc_scalar(const struct doc *doc, uint32_t n);

/* The length in bytes of a scalar's decoded text (which may hold NULs),
 * else 0. */
size_t doc_scalar_len(const struct doc *doc, uint32_t n);

/* The number of items of a list, of keys and values of a mapping (not
 * following an alias), else 0. Walks them: O(items). */
size_t doc_count(const struct doc *doc, uint32_t n);

/* True for a plain scalar meaning "nothing": empty, ~, null, Null, NULL. */
bool doc_is_null(const struct doc *doc, uint32_t n);

/* In a mapping: the value node of the first scalar key equal to `key`, or
 * DOC_NONE. `key_out`, when not NULL, receives the key node. */
uint32_t doc_map_get(const struct doc *doc, uint32_t map, const char *key, uint32_t *key_out);

/* 1-based line and column (in characters) of a byte offset. */
void doc_position(struct doc *doc, size_t offset, unsigned *line, unsigned *col);

/* Adds a located diagnostic at node n's start. */
void doc_error(struct doc *doc, struct diag_list *diags, uint32_t n, const char *fmt, ...)
	DIAG_PRINTF(4, 5);
void doc_warning(struct doc *doc, struct diag_list *diags, uint32_t n, const char *fmt, ...)
	DIAG_PRINTF(4, 5);
/* Either, as `sev` says (a warning that --strict makes an error). */
void doc_report(struct doc *doc, struct diag_list *diags, enum diag_severity sev, uint32_t n, const char *fmt, ...)
	DIAG_PRINTF(5, 6);

#endif
