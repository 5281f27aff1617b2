/* test_doc_reparse — the doc of an edited text from the changed lines only.
 * Whenever doc_reparse answers, its doc must be node for node, byte for
 * byte, the doc a full parse of the edited text gives; it must answer for
 * the edits a save makes in a block-style charter, and decline where the
 * change could make the text around it read differently. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "charterdash/core/diag.h"
#include "charterdash/core/doc.h"
#include "charterdash/core/doc_reparse.h"

static const char CHARTER[] =
	"# A charter\n"
	"charter:\n"
	"  title: T\n"
	"  signed: 2026-02-09\n"
	"working_groups:\n"
	"  - id: a\n"
	"    name: A\n"
	"    milestones:\n"
	"      - id: a1\n"
	"        title: First\n"
	"        status: done  # checked\n"
	"      - id: a2\n"
	"        title: \"Second: two\"\n"
	"        notes: |\n"
	"          kept\n"
	"\n"
	"      # between\n"
	"      - id: a3\n"
	"        title: Third\n"
	"  - id: b\n"
	"    name: B\n"
	"    milestones:\n"
	"    - id: b1\n"
	"      title: Indentless\n"
	"    - id: b2\n"
	"      title: Last\n";

static void same_doc(const struct doc *got, const struct doc *want)
{
	assert_int_equal(got->count, want->count);
	assert_int_equal(got->root, want->root);
	assert_int_equal(got->src_len, want->src_len);
	for (uint32_t i = 0; i < want->count; i++) {
		const struct doc_node *p = &got->nodes[i], *q = &want->nodes[i];
		assert_int_equal(p->kind, q->kind);
		assert_int_equal(p->style, q->style);
		assert_int_equal(p->flags, q->flags);
		assert_int_equal(p->start, q->start);
		assert_int_equal(p->end, q->end);
		assert_int_equal(p->next, q->next);
		if (q->kind == DOC_SCALAR) {
			assert_int_equal(doc_scalar_len(got, i), doc_scalar_len(want, i));
			assert_memory_equal(doc_scalar(got, i), doc_scalar(want, i), doc_scalar_len(want, i));
		} else {
			assert_int_equal(p->first, q->first);
		}
	}
}

/* Replaces [start, end) of `text` by `piece`; true when doc_reparse
 * answered, after checking its doc against a full parse. */
static bool try_edit(const char *text, size_t start, size_t end, const char *piece)
{
	size_t len = strlen(text), plen = strlen(piece), new_len = len - (end - start) + plen;
	char *edited = malloc(new_len + 1);
	assert_non_null(edited);
	memcpy(edited, text, start);
	memcpy(edited + start, piece, plen);
	memcpy(edited + start + plen, text + end, len - end + 1);

	struct diag_list diags;
	diag_init(&diags, 8);
	struct doc before, full, got;
	assert_true(doc_parse(&before, "t.yaml", text, len, &diags));
	bool answered = doc_reparse(&got, &before, "t.yaml", edited, new_len, start, end, plen);
	bool parsed = doc_parse(&full, "t.yaml", edited, new_len, &diags);
	if (answered && getenv("REPARSE_DEBUG"))
		fprintf(stderr, "answered: [%zu, %zu) -> '%s'\n", start, end, piece);
	if (answered) {
		assert_true(parsed);
		same_doc(&got, &full);
		doc_fini(&got);
	}
	doc_fini(&full);
	doc_fini(&before);
	diag_fini(&diags);
	free(edited);
	return answered;
}

static size_t at(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);
	assert_non_null(p);
	return (size_t)(p - text);
}

static bool replace(const char *needle, const char *piece)
{
	size_t s = at(CHARTER, needle);
	return try_edit(CHARTER, s, s + strlen(needle), piece);
}

static bool insert_before(const char *needle, const char *piece)
{
	size_t s = at(CHARTER, needle);
	return try_edit(CHARTER, s, s, piece);
}

static void test_edits_a_save_makes(void **state)
{
	(void)state;
	assert_true(replace("done", "blocked"));                          /* a value */
	assert_true(replace("First", "\"A: quoted\""));
	assert_true(replace("kept\n", "kept\n          and more\n"));       /* in a block scalar */
	assert_true(insert_before("      - id: a2", "        owner: Bo\n")); /* a key added */
	assert_true(replace("        title: Third\n", ""));                 /* a key removed */
	assert_true(replace("      - id: a1\n        title: First\n        status: done  # checked\n", ""));
	assert_true(replace("      - id: a3\n        title: Third\n", "")); /* the last of a list */
	assert_true(insert_before("  - id: b\n", "      - id: a4\n        title: New\n        status: not_started\n"));
	assert_true(replace("Indentless", "Changed"));                     /* an indentless list */
	assert_true(replace("Last", "Changed"));                           /* to the end of the file */
	assert_true(try_edit(CHARTER, strlen(CHARTER), strlen(CHARTER), "    - id: b3\n      title: New\n"));
}

static void test_declines_what_could_reach_further(void **state)
{
	(void)state;
	assert_false(replace("T\n", "U\n"));                         /* no list around it */
	assert_false(replace("First", "\"First"));                   /* an open quote */
	assert_false(replace("First", "First\n...\n"));              /* a document end */
	assert_false(replace("First", "First\n---\n"));
	assert_false(replace("First", "&x First"));                  /* an anchor */
	assert_false(replace("First", "[First"));                    /* an open bracket */
	assert_false(replace("        title: Third\n", "  title: Third\n")); /* out of the list */
	assert_false(replace("Third", "|\n  Third"));                /* a block scalar below its key */
	assert_false(replace("      - id: a2", "      id: a2"));     /* no longer an entry */

	static const char flow[] = "charter:\n  title: T\nworking_groups: [\n"
	                           "  {id: a, milestones: [{id: a1, title: F}, {id: a2, title: G}]}]\n";
	size_t s = at(flow, "F}");
	assert_false(try_edit(flow, s, s + 1, "H"));
	static const char alias[] = "x: &t Shared\nlist:\n  - id: a1\n    title: *t\n  - id: a2\n    title: Own\n";
	s = at(alias, "Own");
	assert_false(try_edit(alias, s, s + 3, "Mine"));             /* an alias in the lines */
}

/* Random splices from YAML's own punctuation at every kind of place:
 * whatever doc_reparse answers must be what a full parse says. */
static void test_random_splices_agree_with_a_full_parse(void **state)
{
	(void)state;
	static const char *const pieces[] = { "x", ": ", "\n", "- ", "  ", "# c", "|", ">-\n", "\"", "'", "[", "]",
	                                      "{", "}", "&a ", "*a", "...", "---", "\t", "? ", "\n      - id: n\n",
	                                      "\n        k: v", "\n  k: v\n", "%", "\xc3\xa9", ",", "!!str ", "\r\n" };
	size_t len = strlen(CHARTER), answered = 0;
	uint32_t seed = 12345;
	for (int round = 0; round < 20000; round++) {
		seed = seed * 1103515245u + 12345u;
		size_t s = (seed >> 8) % (len + 1);
		seed = seed * 1103515245u + 12345u;
		size_t e = s + (seed >> 8) % 8;
		if (e > len)
			e = len;
		seed = seed * 1103515245u + 12345u;
		answered += try_edit(CHARTER, s, e, pieces[(seed >> 8) % (sizeof pieces / sizeof pieces[0])]);
	}
	assert_true(answered > 2000); /* the fast path was taken, and checked, often */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edits_a_save_makes),
		cmocka_unit_test(test_declines_what_could_reach_further),
		cmocka_unit_test(test_random_splices_agree_with_a_full_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
