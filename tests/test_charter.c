/* test_charter — building the model from YAML and validating it: every
 * error class of the data format, located at line:col (1-based, counted in
 * characters), and the shipped charter. Run from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "charterdash/core/charter.h"
#include "charterdash/core/diag.h"

/* --- helpers -------------------------------------------------------------- */

struct loaded {
	struct charter c;
	struct diag_list diags;
	bool ok;
};

static bool load_file(struct loaded *l, const char *path)
{
	diag_init(&l->diags, DIAG_DEFAULT_LIMIT);
	l->ok = charter_load_file(&l->c, path, &l->diags);
	assert_int_equal(l->ok, l->diags.errors == 0);
	return l->ok;
}

static bool load_text_n(struct loaded *l, const char *text, size_t len)
{
	char *copy = malloc(len + 1);
	assert_non_null(copy);
	memcpy(copy, text, len);
	copy[len] = '\0';
	diag_init(&l->diags, DIAG_DEFAULT_LIMIT);
	l->ok = charter_load_text(&l->c, "t.yaml", copy, len, &l->diags);
	assert_int_equal(l->ok, l->diags.errors == 0);
	return l->ok;
}

#define LOAD_TEXT(l, lit) load_text_n((l), (lit), sizeof(lit) - 1)

static void done(struct loaded *l)
{
	charter_fini(&l->c);
	diag_fini(&l->diags);
}

static void dump_diags(const struct diag_list *d)
{
	char buf[1024];
	for (size_t i = 0; i < d->count; i++) {
		diag_format(&d->items[i], buf, sizeof buf);
		print_message("  %s\n", buf);
	}
}

static void assert_no_diags(const struct loaded *l)
{
	if (l->diags.count != 0 || !l->ok) {
		print_message("expected no diagnostics, got:\n");
		dump_diags(&l->diags);
		fail();
	}
}

/* Diagnostic i is an error at line:col whose message contains `needle`. */
static void assert_diag_at(const struct diag_list *d, size_t i, unsigned line, unsigned col,
                           const char *needle)
{
	if (i >= d->count || d->items[i].severity != DIAG_ERROR || d->items[i].line != line ||
	    d->items[i].col != col || !strstr(d->items[i].message, needle)) {
		print_message("diagnostic %zu is not %u:%u \"%s\"; got:\n", i, line, col, needle);
		dump_diags(d);
		fail();
	}
}

static void assert_diag_count(const struct diag_list *d, size_t n)
{
	if (d->count != n || d->errors != n) {
		print_message("expected %zu errors, got %zu:\n", n, d->count);
		dump_diags(d);
		fail();
	}
}

/* The one error the text produces. */
static void expect_one_error(const char *text, unsigned line, unsigned col, const char *needle)
{
	struct loaded l;
	assert_false(load_text_n(&l, text, strlen(text)));
	assert_diag_count(&l.diags, 1);
	assert_diag_at(&l.diags, 0, line, col, needle);
	done(&l);
}

static void assert_date(struct date d, int y, int m, int day)
{
	assert_int_equal(d.year, y);
	assert_int_equal(d.month, m);
	assert_int_equal(d.day, day);
}

#define HEAD "charter:\n  title: T\n  signed: 2026-01-01\n"

/* --- valid files ---------------------------------------------------------- */

static void test_shipped_charter(void **state)
{
	(void)state;
	struct loaded l;
	load_file(&l, "data/charter.yaml");
	assert_no_diags(&l);
	assert_int_equal(l.diags.warnings, 0);
	const struct charter *c = &l.c;
	assert_non_null(c->title);
	assert_non_null(strstr(c->title, "Azerbaijan"));
	assert_true(date_is_valid(c->signed_on.year, c->signed_on.month, c->signed_on.day));
	assert_true(date_compare(c->deadline, c->signed_on) > 0);
	if (!c->explicit_deadline)
		assert_int_equal(date_compare(c->deadline, date_add_months(c->signed_on, c->roadmap_months)), 0);

	static const char *const ids[] = { "economy", "energy", "connectivity", "ai-digital", "security" };
	assert_int_equal(c->group_count, 5);
	size_t total = 0;
	for (size_t g = 0; g < 5; g++) {
		const struct group *grp = &c->groups[g];
		assert_string_equal(grp->id, ids[g]);
		assert_non_null(grp->name);
		assert_true(grp->count >= 5);
		assert_int_equal(grp->first, total);
		total += grp->count;
		for (size_t i = grp->first; i < grp->first + grp->count; i++) {
			const struct milestone *m = &c->milestones[i];
			assert_non_null(m->id);
			assert_true(m->id[0] != '\0');
			assert_non_null(m->title);
			assert_true(m->title[0] != '\0');
			assert_true((unsigned)m->status < STATUS_COUNT);
			assert_int_equal(m->group, g);
			/* ids are unique: the first with this id is this one */
			assert_int_equal(charter_find_milestone(c, m->id), (long)i);
		}
	}
	assert_int_equal(c->milestone_count, total);
	assert_int_equal(charter_find_group(c, "security"), 4);
	done(&l);
}

static void test_valid_file(void **state)
{
	(void)state;
	struct loaded l;
	load_file(&l, "tests/data/valid.yaml");
	assert_no_diags(&l);
	const struct charter *c = &l.c;
	assert_string_equal(c->path, "tests/data/valid.yaml");
	assert_string_equal(c->title, "Test Charter — ə");
	assert_date(c->signed_on, 2025, 11, 30);
	assert_int_equal(c->roadmap_months, CHARTER_DEFAULT_ROADMAP_MONTHS);
	assert_false(c->explicit_deadline);
	assert_date(c->deadline, 2026, 2, 28); /* 30 Nov + 3 months, clamped */

	assert_int_equal(c->group_count, 3);
	const struct group *econ = &c->groups[0];
	assert_string_equal(econ->id, "econ");
	assert_string_equal(econ->name, "Economy and trade");
	assert_string_equal(econ->description, "Trade and investment.");
	assert_int_equal(econ->lead_count, 2);
	assert_string_equal(econ->leads[0], "Ministry A");
	assert_string_equal(econ->leads[1], "Ministry B");
	assert_int_equal(econ->first, 0);
	assert_int_equal(econ->count, 2);

	assert_int_equal(c->groups[1].count, 0);
	assert_null(c->groups[1].description);
	assert_int_equal(c->groups[1].lead_count, 0);
	assert_string_equal(c->groups[2].id, "əlaqə"); /* UTF-8 ids */
	assert_int_equal(c->groups[2].first, 2);
	assert_int_equal(c->groups[2].count, 2);

	assert_int_equal(c->milestone_count, 4);
	const struct milestone *m = &c->milestones[0];
	assert_string_equal(m->id, "econ-1");
	assert_string_equal(m->title, "Constitute the group");
	assert_int_equal(m->status, STATUS_DONE);
	assert_true(m->has_due);
	assert_date(m->due, 2026, 1, 15);
	assert_string_equal(m->owner, "Secretariat");
	assert_string_equal(m->notes, "First meeting held.\n");

	m = &c->milestones[1];
	assert_string_equal(m->title, "Adopt the roadmap");
	assert_int_equal(m->status, STATUS_IN_PROGRESS);
	assert_false(m->has_due);
	assert_date(milestone_due(c, m), 2026, 2, 28);
	assert_string_equal(m->owner, "Secretariat"); /* through the alias */
	assert_null(m->notes);

	assert_int_equal(c->milestones[2].status, STATUS_BLOCKED);
	assert_int_equal(c->milestones[2].group, 2);
	assert_int_equal(c->milestones[3].status, STATUS_NOT_STARTED);

	assert_int_equal(charter_find_milestone(c, "con-2"), 3);
	assert_int_equal(charter_find_milestone(c, "con-3"), -1);
	assert_int_equal(charter_find_group(c, "energy"), 1);
	assert_int_equal(charter_find_group(c, "nope"), -1);
	done(&l);
}

static void test_explicit_deadline(void **state)
{
	(void)state;
	struct loaded l;
	load_file(&l, "tests/data/deadline.yaml");
	assert_no_diags(&l);
	assert_int_equal(l.c.roadmap_months, 6);
	assert_true(l.c.explicit_deadline);
	assert_date(l.c.deadline, 2026, 4, 30); /* wins over signed + 6 months */
	assert_int_equal(l.c.group_count, 0);
	done(&l);

	/* A deadline on the signing day is not before it. */
	assert_true(LOAD_TEXT(&l, HEAD "  roadmap_deadline: 2026-01-01\nworking_groups: []\n"));
	done(&l);
	/* working_groups may be empty, even as a null. */
	assert_true(LOAD_TEXT(&l, HEAD "working_groups:\n"));
	done(&l);
}

/* A UTF-8 BOM and CRLF line endings load like any other file, and errors
 * in such a file are located as in any other. */
static void test_bom_and_crlf(void **state)
{
	(void)state;
	static const char text[] =
		"\xEF\xBB\xBF" "charter:\r\n"
		"  title: \"CRLF — ə\"\r\n"
		"  signed: 2026-02-09\r\n"
		"working_groups:\r\n"
		"  - id: g\r\n"
		"    name: G\r\n"
		"    milestones:\r\n"
		"      - id: m\r\n"
		"        title: |\r\n"
		"          two\r\n"
		"          lines\r\n"
		"        status: done\r\n";
	struct loaded l;
	assert_true(LOAD_TEXT(&l, text));
	assert_string_equal(l.c.title, "CRLF — ə");
	assert_date(l.c.deadline, 2026, 5, 9);
	assert_int_equal(l.c.milestone_count, 1);
	assert_string_equal(l.c.milestones[0].title, "two\nlines\n");
	assert_int_equal(l.c.milestones[0].status, STATUS_DONE);
	/* Spans into the CRLF source are byte-exact. */
	uint32_t st = doc_map_get(&l.c.doc, l.c.milestones[0].node, "status", NULL);
	const struct doc_node *n = doc_node(&l.c.doc, st);
	assert_int_equal(n->end - n->start, 4);
	assert_memory_equal(l.c.text + n->start, "done", 4);
	done(&l);

	expect_one_error("\xEF\xBB\xBF" "charter:\r\n  title: T\r\n  signed: 2026-02-30\r\nworking_groups: []\r\n",
	                 3, 11, "February 2026 has 28 days");
}

/* Columns count characters: multi-byte text before a bad value. */
static void test_utf8_before_errors(void **state)
{
	(void)state;
	expect_one_error("charter: {title: \"ə—😀\", x: ə, signed: 2026-02-30}\nworking_groups: []\n",
	                 1, 39, "signed '2026-02-30' is not a valid date");
	expect_one_error("# ə — 😀\ncharter:\n  title: əəə😀😀—\n  signed: 2026-01-01\n"
	                 "working_groups:\n  - {id: ə😀, name: —, milestones: [{id: x, title: 😀, status: finished}]}\n",
	                 6, 62, "status 'finished'");
}

/* --- each error class ----------------------------------------------------- */

static void test_syntax_error_file(void **state)
{
	(void)state;
	struct loaded l;
	assert_false(load_file(&l, "tests/data/syntax_error.yaml"));
	assert_diag_count(&l.diags, 1);
	assert_diag_at(&l.diags, 0, 4, 2, "check its indentation");
	assert_string_equal(l.diags.items[0].file, "tests/data/syntax_error.yaml");
	done(&l);
}

static void test_tab_indentation(void **state)
{
	(void)state;
	struct loaded l;
	assert_false(load_file(&l, "tests/data/tab_indent.yaml"));
	assert_diag_count(&l.diags, 1);
	assert_diag_at(&l.diags, 0, 3, 1, "tab character used for indentation");
	done(&l);
}

/* The second document is an error; the first, complete, is still checked. */
static void test_two_documents(void **state)
{
	(void)state;
	struct loaded l;
	assert_false(load_file(&l, "tests/data/two_docs.yaml"));
	assert_diag_count(&l.diags, 1);
	assert_diag_at(&l.diags, 0, 5, 1, "a second YAML document starts here");
	done(&l);

	assert_false(LOAD_TEXT(&l, "charter:\n  title: T\n---\nx: 1\n"));
	assert_diag_count(&l.diags, 3);
	assert_diag_at(&l.diags, 0, 3, 1, "a second YAML document");
	assert_diag_at(&l.diags, 1, 2, 3, "the charter has no 'signed'");
	assert_diag_at(&l.diags, 2, 1, 1, "the file has no 'working_groups'");
	done(&l);
}

static void test_wrong_types(void **state)
{
	(void)state;
	struct loaded l;
	assert_false(load_file(&l, "tests/data/bad_types.yaml"));
	assert_diag_count(&l.diags, 10);
	assert_diag_at(&l.diags, 0, 2, 10, "the charter: 'title' should be text, not a mapping");
	assert_diag_at(&l.diags, 1, 3, 11, "the charter: 'signed' should be text, not a list");
	assert_diag_at(&l.diags, 2, 7, 7, "working group 'g': 'name' should be text, not a list");
	assert_diag_at(&l.diags, 3, 9, 18, "'description' should be text, not a mapping");
	assert_diag_at(&l.diags, 4, 8, 12, "working group 'g': 'leads' should be a list, not text");
	assert_diag_at(&l.diags, 5, 10, 17, "working group 'g': 'milestones' should be a list, not text");
	assert_diag_at(&l.diags, 6, 11, 5, "working group 2 should be a mapping (key: value pairs), not text");
	assert_diag_at(&l.diags, 7, 15, 9, "working group 'h', milestone 1 should be a mapping");
	assert_diag_at(&l.diags, 8, 16, 9, "working group 'h', milestone 2 should be a mapping (key: value pairs), not a list");
	assert_diag_at(&l.diags, 9, 18, 16, "milestone 'ok': 'title' should be text, not a list");
	done(&l);

	expect_one_error(HEAD "working_groups: none\n", 4, 17, "'working_groups' should be a list, not text");
	expect_one_error(HEAD "working_groups: {a: b}\n", 4, 17, "'working_groups' should be a list, not a mapping");
	expect_one_error("charter: [a]\nworking_groups: []\n", 1, 10, "the charter should be a mapping (key: value pairs), not a list");
	expect_one_error("- a\n- b\n", 1, 1, "should be a mapping with 'charter' and 'working_groups', not a list");
	expect_one_error(HEAD "working_groups:\n  - id: g\n    name: G\n    leads: [a, {b: c}, '']\n",
	                 7, 16, "each of 'leads' should be a name, not a mapping");
}

static void test_duplicate_keys(void **state)
{
	(void)state;
	expect_one_error("charter:\n  title: T\n  signed: 2026-01-01\n  title: U\nworking_groups: []\n",
	                 4, 3, "duplicate key 'title' (first given at line 2)");

	/* A milestone mapping with more than 16 keys: the hashed path. */
	char text[2048];
	size_t len = (size_t)snprintf(text, sizeof text, HEAD "working_groups:\n  - id: g\n    name: G\n"
	                              "    milestones:\n      - id: m\n        title: M\n        status: done\n");
	for (int i = 0; i < 20; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "        extra%d: x\n", i);
	len += (size_t)snprintf(text + len, sizeof text - len, "        status: blocked\n");
	assert_true(len < sizeof text);
	/* line 31: 7 header lines, 3 keys, 20 extras */
	expect_one_error(text, 31, 9, "duplicate key 'status' (first given at line 10)");
}

/* A merge key is refused where it stands, and the keys it would have
 * merged (here the required status) are not reported missing. A quoted
 * '<<' is an ordinary key. */
static void test_merge_key_refused(void **state)
{
	(void)state;
	expect_one_error(HEAD "working_groups:\n  - id: g\n    name: G\n    milestones:\n"
	                 "      - &m\n        id: a\n        title: A\n        status: done\n"
	                 "      - <<: *m\n        id: b\n        title: B\n",
	                 12, 9, "merge keys ('<<') are not supported: write the merged keys out in full");
	struct loaded l;
	if (!LOAD_TEXT(&l, HEAD "working_groups:\n  - id: g\n    name: G\n    milestones:\n"
	                      "      - id: a\n        title: A\n        status: done\n        '<<': x\n"))
		dump_diags(&l.diags);
	assert_true(l.ok);
	done(&l);
}

static void test_duplicate_ids(void **state)
{
	(void)state;
	struct loaded l;
	assert_false(load_file(&l, "tests/data/dup_ids.yaml"));
	assert_diag_count(&l.diags, 2);
	/* Across groups; "first at" names the first id's own line. */
	assert_diag_at(&l.diags, 0, 15, 13, "milestone id 'm' is used twice (first at line 8); ids must be unique in the file");
	assert_diag_at(&l.diags, 1, 18, 9, "working group id 'g' is used twice (first at line 5)");
	done(&l);

	/* The first id on a later line than its mapping's first key. */
	expect_one_error(HEAD "working_groups:\n  - name: A\n    id: g\n  - id: g\n    name: B\n",
	                 7, 9, "working group id 'g' is used twice (first at line 6)");
}

static void test_unknown_status(void **state)
{
	(void)state;
	struct loaded l;
	assert_false(load_file(&l, "tests/data/bad_status.yaml"));
	assert_diag_count(&l.diags, 2);
	assert_diag_at(&l.diags, 0, 10, 17, "status 'finished' is not one of: not_started, in_progress, blocked, done");
	assert_string_equal(l.diags.items[0].message,
	                    "status 'finished' is not one of: not_started, in_progress, blocked, done");
	assert_diag_at(&l.diags, 1, 13, 17, "status 'Done' is not one of");
	done(&l);
}

static void test_impossible_dates(void **state)
{
	(void)state;
	struct loaded l;
	assert_false(load_file(&l, "tests/data/bad_dates.yaml"));
	assert_diag_count(&l.diags, 3);
	assert_diag_at(&l.diags, 0, 3, 11, "signed '2026-02-30' is not a valid date");
	assert_diag_at(&l.diags, 1, 11, 14, "due '2025-02-29' is not a valid date");
	assert_diag_at(&l.diags, 2, 15, 14, "due 'next week' is not a valid date");
	done(&l);
}

/* A missing key is located at the mapping that lacks it; an empty value at
 * the value. */
static void test_missing_keys(void **state)
{
	(void)state;
	struct loaded l;
	assert_false(load_file(&l, "tests/data/missing_keys.yaml"));
	assert_diag_count(&l.diags, 8);
	assert_diag_at(&l.diags, 0, 2, 3, "the charter has no 'title' (it is required)");
	assert_diag_at(&l.diags, 1, 4, 5, "working group 1 has no 'id'");
	assert_diag_at(&l.diags, 2, 5, 5, "working group 'g' has no 'name'");
	assert_diag_at(&l.diags, 3, 7, 9, "working group 'g', milestone 1 has no 'id'");
	assert_diag_at(&l.diags, 4, 7, 9, "working group 'g', milestone 1 has no 'status'");
	assert_diag_at(&l.diags, 5, 8, 9, "milestone 'm' has no 'title'");
	assert_diag_at(&l.diags, 6, 11, 15, "milestone 'n': 'title' is empty (it is required)");
	assert_diag_at(&l.diags, 7, 12, 17, "milestone 'n': 'status' is empty");
	done(&l);

	expect_one_error("charter:\n  title: T\nworking_groups: []\n", 2, 3, "the charter has no 'signed'");
	expect_one_error("charter:\n  title: T\n  signed: 2026-01-01\n", 1, 1, "the file has no 'working_groups'");
	/* Quoted empty text is empty too, and so is a blank id. */
	expect_one_error("charter:\n  title: ''\n  signed: 2026-01-01\nworking_groups: []\n",
	                 2, 10, "'title' is empty (it is required)");
	expect_one_error(HEAD "working_groups:\n  - id: \"\"\n    name: G\n", 5, 9, "working group 1: 'id' is empty");
	expect_one_error(HEAD "working_groups:\n  - id: a b\n    name: G\n", 5, 9, "id 'a b' contains whitespace");
	/* Only spaces, of any kind, is empty too; a no-break space splits an id. */
	expect_one_error("charter:\n  title: \"  \\u00A0 \"\n  signed: 2026-01-01\nworking_groups: []\n",
	                 2, 10, "'title' is empty (it is required)");
	expect_one_error(HEAD "working_groups:\n  - id: \"a\\u00A0b\"\n    name: G\n", 5, 9, "contains whitespace");
}

static void test_deadline_before_signed(void **state)
{
	(void)state;
	expect_one_error(HEAD "  roadmap_deadline: 2025-12-31\nworking_groups: []\n",
	                 4, 21, "roadmap_deadline is before the signing date (2026-01-01)");
	expect_one_error(HEAD "  roadmap_deadline: 2025-02-29\nworking_groups: []\n",
	                 4, 21, "roadmap_deadline '2025-02-29' is not a valid date");
}

static void test_roadmap_months(void **state)
{
	(void)state;
	static const char *const bad[] = { "0", "-1", "three", "\"3 \"", "1201", "2.5", "99999999999999999999" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char text[256];
		snprintf(text, sizeof text, HEAD "  roadmap_months: %s\nworking_groups: []\n", bad[i]);
		expect_one_error(text, 4, 19, "should be a whole number of months from 1 to 1200");
	}
	expect_one_error(HEAD "  roadmap_months: 0\nworking_groups: []\n", 4, 19, "roadmap_months '0'");
	expect_one_error(HEAD "  roadmap_months: -1\nworking_groups: []\n", 4, 19, "roadmap_months '-1'");
	expect_one_error(HEAD "  roadmap_months: three\nworking_groups: []\n", 4, 19, "roadmap_months 'three'");

	struct loaded l;
	assert_true(LOAD_TEXT(&l, HEAD "  roadmap_months: 1\nworking_groups: []\n"));
	assert_date(l.c.deadline, 2026, 2, 1);
	done(&l);
}

static void test_attention_days(void **state)
{
	(void)state;
	static const char *const bad[] = { "0", "-3", "two weeks", "\"14 \"", "3661", "1.5", "99999999999999999999" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char text[256];
		snprintf(text, sizeof text, HEAD "  attention_days: %s\nworking_groups: []\n", bad[i]);
		expect_one_error(text, 4, 19, "should be a whole number of days from 1 to 3660");
	}
	expect_one_error(HEAD "  attention_days: 0\nworking_groups: []\n", 4, 19, "the charter: attention_days '0'");

	struct loaded l;
	assert_true(LOAD_TEXT(&l, HEAD "working_groups: []\n"));
	assert_int_equal(l.c.attention_days, CHARTER_DEFAULT_ATTENTION_DAYS);
	done(&l);
	assert_true(LOAD_TEXT(&l, HEAD "  attention_days: 1\nworking_groups: []\n"));
	assert_int_equal(l.c.attention_days, 1);
	done(&l);
}

static void test_reviews(void **state)
{
	(void)state;
	expect_one_error(HEAD "  reviews: [2025-12-31]\nworking_groups: []\n", 4, 13,
	                 "the charter: review 2025-12-31 is before the signing date (2026-01-01)");
	expect_one_error(HEAD "  reviews:\n    - 2027-01-01\n    - 2026-06-01\nworking_groups: []\n", 6, 7,
	                 "review 2026-06-01 is not after the one listed before it (2027-01-01); list reviews in order");
	expect_one_error(HEAD "  reviews: [2027-01-01, 2027-01-01]\nworking_groups: []\n", 4, 25,
	                 "is not after the one listed before it");
	expect_one_error(HEAD "  reviews: [2027-02-29]\nworking_groups: []\n", 4, 13,
	                 "the charter: review '2027-02-29' is not a valid date: February 2027 has 28 days");
	expect_one_error(HEAD "  reviews: [2027-01-01, ~]\nworking_groups: []\n", 4, 25,
	                 "each of 'reviews' should be a date, not empty");
	expect_one_error(HEAD "  reviews: [[2027-01-01]]\nworking_groups: []\n", 4, 13,
	                 "each of 'reviews' should be a date, not a list");
	expect_one_error(HEAD "  reviews: 2027-01-01\nworking_groups: []\n", 4, 12,
	                 "the charter: 'reviews' should be a list, not text");

	struct loaded l;
	assert_true(LOAD_TEXT(&l, HEAD "  reviews: [2026-01-01, 2026-12-01]\nworking_groups: []\n"));
	assert_true(l.c.explicit_reviews);
	assert_int_equal(l.c.review_count, 2);
	assert_date(l.c.reviews[1], 2026, 12, 1);
	done(&l);
}

static void test_undefined_alias(void **state)
{
	(void)state;
	/* Reported once: the empty value it leaves is not reported again. */
	struct loaded l;
	assert_false(load_file(&l, "tests/data/undefined_alias.yaml"));
	assert_diag_count(&l.diags, 1);
	assert_diag_at(&l.diags, 0, 2, 10, "alias '*title' refers to no anchor '&title' before it");
	done(&l);
}

static void test_empty_and_no_charter(void **state)
{
	(void)state;
	struct loaded l;
	assert_false(load_file(&l, "tests/data/empty.yaml"));
	assert_diag_count(&l.diags, 1);
	assert_diag_at(&l.diags, 0, 1, 1, "the file is empty");
	done(&l);

	expect_one_error("# nothing but comments\n\n", 1, 1, "the file is empty");
	expect_one_error("~\n", 1, 1, "the file is empty");

	assert_false(load_file(&l, "tests/data/no_charter.yaml"));
	assert_diag_count(&l.diags, 1);
	assert_diag_at(&l.diags, 0, 2, 1, "the file has no 'charter' section");
	done(&l);
}

static void test_unclosed_quote(void **state)
{
	(void)state;
	struct loaded l;
	assert_false(load_file(&l, "tests/data/unclosed_quote.yaml"));
	assert_diag_count(&l.diags, 1);
	assert_diag_at(&l.diags, 0, 2, 10, "unclosed quote");
	done(&l);
}

/* An alias to a mapping is never followed (that is how alias bombs work). */
static void test_alias_to_collection(void **state)
{
	(void)state;
	struct loaded l;
	assert_false(load_file(&l, "tests/data/alias_milestone.yaml"));
	assert_diag_count(&l.diags, 1);
	assert_diag_at(&l.diags, 0, 10, 9, "working group 'g', milestone 1 is an alias to a list or mapping");
	done(&l);

	expect_one_error("charter:\n  title: &t [a]\n  signed: 2026-01-01\n  x: *t\nworking_groups: []\n",
	                 2, 10, "'title' should be text, not a list");
	expect_one_error("x: &l [a]\ncharter:\n  title: *l\n  signed: 2026-01-01\nworking_groups: []\n",
	                 3, 10, "the charter: 'title' uses an alias to a list or mapping");
	expect_one_error("x: &g {id: g, name: G}\ncharter:\n  title: T\n  signed: 2026-01-01\nworking_groups: [*g]\n",
	                 5, 18, "working group 1 is an alias to a list or mapping");

	/* Aliases to text are fine anywhere. */
	assert_true(LOAD_TEXT(&l, "charter:\n  title: &t T\n  signed: &d 2026-01-01\nworking_groups:\n"
	                          "  - {id: *t, name: *t, milestones: [{id: m, title: *t, status: done, due: *d}]}\n"));
	assert_string_equal(l.c.groups[0].id, "T");
	assert_date(l.c.milestones[0].due, 2026, 1, 1);
	done(&l);
}

static void test_nul_in_value(void **state)
{
	(void)state;
	expect_one_error("charter:\n  title: \"a\\0b\"\n  signed: 2026-01-01\nworking_groups: []\n",
	                 2, 10, "'title' contains a NUL character");
	/* Even first: a NUL is not an empty value. */
	expect_one_error("charter:\n  title: \"\\0b\"\n  signed: 2026-01-01\nworking_groups: []\n",
	                 2, 10, "'title' contains a NUL character");
}

/* --- several errors, and the cap ------------------------------------------ */

static void test_all_errors_reported(void **state)
{
	(void)state;
	struct loaded l;
	assert_false(load_file(&l, "tests/data/many_errors.yaml"));
	assert_diag_count(&l.diags, 7);
	/* A YAML-level error does not hide the model's errors. */
	assert_diag_at(&l.diags, 0, 3, 3, "duplicate key 'title' (first given at line 2)");
	assert_diag_at(&l.diags, 1, 4, 11, "signed '2026-13-01' is not a valid date");
	assert_diag_at(&l.diags, 2, 5, 19, "roadmap_months 'three'");
	assert_diag_at(&l.diags, 3, 12, 17, "status 'finished' is not one of");
	assert_diag_at(&l.diags, 4, 13, 9, "milestone 'b' has no 'title'");
	assert_diag_at(&l.diags, 5, 15, 13, "milestone id 'a' is used twice (first at line 10)");
	assert_diag_at(&l.diags, 6, 18, 14, "due '2026-02-30' is not a valid date");
	assert_false(l.diags.truncated);
	done(&l);
}

static void test_error_cap(void **state)
{
	(void)state;
	enum { N = 5000 };
	size_t cap = 256 + (size_t)N * 64;
	char *text = malloc(cap);
	assert_non_null(text);
	size_t len = (size_t)snprintf(text, cap, HEAD "working_groups:\n  - id: g\n    name: G\n    milestones:\n");
	for (int i = 0; i < N; i++)
		len += (size_t)snprintf(text + len, cap - len, "      - {id: m%d, title: M, status: bad}\n", i);
	assert_true(len < cap);
	struct loaded l;
	assert_false(load_text_n(&l, text, len));
	free(text);
	assert_int_equal(l.diags.count, DIAG_DEFAULT_LIMIT);
	assert_true(l.diags.truncated);
	assert_true(l.diags.errors >= DIAG_DEFAULT_LIMIT);
	assert_diag_at(&l.diags, 0, 8, 36, "status 'bad'");
	assert_diag_at(&l.diags, DIAG_DEFAULT_LIMIT - 1, 8 + DIAG_DEFAULT_LIMIT - 1, 37, "status 'bad'");

	static char out[16384];
	FILE *f = fmemopen(out, sizeof out - 1, "w");
	assert_non_null(f);
	diag_print(&l.diags, f);
	fclose(f);
	assert_non_null(strstr(out, "note: stopped after 50 problems"));
	done(&l);
}

/* --- files and output ----------------------------------------------------- */

static void test_file_problems(void **state)
{
	(void)state;
	struct loaded l;
	assert_false(load_file(&l, "tests/data/does-not-exist.yaml"));
	assert_diag_count(&l.diags, 1);
	assert_int_equal(l.diags.items[0].line, 0);
	assert_non_null(strstr(l.diags.items[0].message, "cannot open"));
	done(&l);

	assert_false(load_file(&l, "tests/data"));
	assert_diag_count(&l.diags, 1);
	assert_non_null(strstr(l.diags.items[0].message, "is a directory"));
	done(&l);
}

/* FILE:LINE:COL: error: MESSAGE, the form editors jump to. */
static void test_diag_format(void **state)
{
	(void)state;
	struct loaded l;
	assert_false(load_file(&l, "tests/data/bad_status.yaml"));
	char buf[256];
	diag_format(&l.diags.items[0], buf, sizeof buf);
	assert_string_equal(buf, "tests/data/bad_status.yaml:10:17: error: status 'finished' is not one of: "
	                         "not_started, in_progress, blocked, done");

	char out[1024] = "";
	FILE *f = fmemopen(out, sizeof out - 1, "w");
	assert_non_null(f);
	diag_print(&l.diags, f);
	fclose(f);
	assert_string_equal(out,
	                    "tests/data/bad_status.yaml:10:17: error: status 'finished' is not one of: "
	                    "not_started, in_progress, blocked, done\n"
	                    "tests/data/bad_status.yaml:13:17: error: status 'Done' is not one of: "
	                    "not_started, in_progress, blocked, done\n");
	done(&l);

	struct diag_list d;
	diag_init(&d, 2);
	diag_add(&d, DIAG_ERROR, "f.yaml", 0, 0, "no place %d", 1);
	diag_add(&d, DIAG_WARNING, NULL, 0, 0, "no file");
	diag_add(&d, DIAG_ERROR, "f.yaml", 3, 4, "dropped");
	assert_int_equal(d.count, 2);
	assert_int_equal(d.errors, 2);
	assert_int_equal(d.warnings, 1);
	assert_true(d.truncated);
	diag_format(&d.items[0], buf, sizeof buf);
	assert_string_equal(buf, "f.yaml: error: no place 1");
	diag_format(&d.items[1], buf, sizeof buf);
	assert_string_equal(buf, "warning: no file");
	diag_clear(&d);
	assert_int_equal(d.count, 0);
	assert_false(d.truncated);
	diag_fini(&d);
}


/* --- completion dates ----------------------------------------------------- */

#define COMPLETED_FILE HEAD "  roadmap_deadline: 2026-03-01\n" \
	"working_groups:\n" \
	"  - id: g\n" \
	"    name: G\n" \
	"    milestones:\n" \
	"      - {id: a, title: A, status: done, due: 2026-02-01, completed: 2026-02-04}\n" \
	"      - id: b\n" \
	"        title: B\n" \
	"        status: done\n" \
	"        completed: 2026-02-20\n" \
	"      - id: c\n" \
	"        title: C\n" \
	"        status: done\n" \
	"      - id: d\n" \
	"        title: D\n" \
	"        status: in_progress\n" \
	"        completed: 2026-06-01\n" \
	"      - {id: e, title: E, status: done, due: ~, completed: 2026-01-05}\n"

static void test_completed_dates(void **state)
{
	(void)state;
	struct loaded l;
	LOAD_TEXT(&l, COMPLETED_FILE);
	assert_no_diags(&l);
	const struct milestone *m = l.c.milestones;
	long late;
	assert_true(m[0].has_completed);
	assert_date(m[0].completed, 2026, 2, 4);
	assert_true(milestone_late_days(&l.c, &m[0], &late));
	assert_int_equal(late, 3);
	/* no due: the roadmap deadline, 2026-03-01, so early */
	assert_true(milestone_late_days(&l.c, &m[1], &late));
	assert_int_equal(late, -9);
	assert_false(m[2].has_completed); /* done, date unknown: no lateness */
	assert_false(milestone_late_days(&l.c, &m[2], &late));
	assert_true(m[3].has_completed); /* not done: loads, no lateness */
	assert_false(milestone_late_days(&l.c, &m[3], &late));
	assert_false(milestone_late_days(&l.c, &m[4], &late)); /* due: ~ */

	/* the warnings that need today: d is not done, and after today */
	struct diag_list w;
	diag_init(&w, DIAG_DEFAULT_LIMIT);
	assert_int_equal(charter_check_completed(&l.c, (struct date){ 2026, 3, 1 }, DIAG_WARNING, &w), 2);
	assert_int_equal(w.warnings, 2);
	assert_int_equal(w.errors, 0);
	assert_int_equal(w.items[0].line, 20);
	assert_int_equal(w.items[0].col, 20);
	assert_non_null(strstr(w.items[0].message, "milestone 'd': completed 2026-06-01, but its status is in_progress"));
	assert_non_null(strstr(w.items[1].message, "milestone 'd': completed 2026-06-01 is after today (2026-03-01)"));
	diag_clear(&w);
	/* --strict: the same as errors; a later today leaves only the status */
	assert_int_equal(charter_check_completed(&l.c, (struct date){ 2026, 7, 1 }, DIAG_ERROR, &w), 1);
	assert_int_equal(w.errors, 1);
	diag_fini(&w);
	done(&l);
}

static void test_completed_errors(void **state)
{
	(void)state;
	expect_one_error(HEAD "working_groups:\n  - id: g\n    name: G\n    milestones:\n"
	                 "      - {id: a, title: A, status: done, completed: 2025-12-31}\n",
	                 8, 52, "milestone 'a': completed 2025-12-31 is before the signing date (2026-01-01)");
	expect_one_error(HEAD "working_groups:\n  - id: g\n    name: G\n    milestones:\n"
	                 "      - {id: a, title: A, status: done, completed: 2026-02-30}\n",
	                 8, 52, "milestone 'a': completed '2026-02-30' is not a valid date");
	expect_one_error(HEAD "working_groups:\n  - id: g\n    name: G\n    milestones:\n"
	                 "      - {id: a, title: A, status: done, completed: [2026-02-03]}\n",
	                 8, 52, "'completed' should be text, not a list");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_charter),
		cmocka_unit_test(test_valid_file),
		cmocka_unit_test(test_explicit_deadline),
		cmocka_unit_test(test_bom_and_crlf),
		cmocka_unit_test(test_utf8_before_errors),
		cmocka_unit_test(test_syntax_error_file),
		cmocka_unit_test(test_tab_indentation),
		cmocka_unit_test(test_two_documents),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_merge_key_refused),
		cmocka_unit_test(test_duplicate_ids),
		cmocka_unit_test(test_unknown_status),
		cmocka_unit_test(test_impossible_dates),
		cmocka_unit_test(test_missing_keys),
		cmocka_unit_test(test_deadline_before_signed),
		cmocka_unit_test(test_roadmap_months),
		cmocka_unit_test(test_attention_days),
		cmocka_unit_test(test_reviews),
		cmocka_unit_test(test_undefined_alias),
		cmocka_unit_test(test_empty_and_no_charter),
		cmocka_unit_test(test_unclosed_quote),
		cmocka_unit_test(test_alias_to_collection),
		cmocka_unit_test(test_nul_in_value),
		cmocka_unit_test(test_all_errors_reported),
		cmocka_unit_test(test_error_cap),
		cmocka_unit_test(test_file_problems),
		cmocka_unit_test(test_diag_format),
		cmocka_unit_test(test_completed_dates),
		cmocka_unit_test(test_completed_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
