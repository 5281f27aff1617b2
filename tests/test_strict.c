/* Tests for check --strict: unknown keys, their places and suggestions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "charterdash/core/doc.h"
#include "charterdash/core/strict.h"

static void distances(void **state)
{
	(void)state;
	assert_int_equal(strict_distance("status", "status", 2), 0);
	assert_int_equal(strict_distance("stauts", "status", 2), 1); /* a swap is one edit */
	assert_int_equal(strict_distance("Status", "status", 2), 0); /* case ignored */
	assert_int_equal(strict_distance("statu", "status", 2), 1);
	assert_int_equal(strict_distance("kitten", "sitting", 5), 3);
	assert_int_equal(strict_distance("", "due", 5), 3);
	assert_true(strict_distance("a", "abcdef", 2) > 2); /* length gap alone exceeds max */
	char longkey[200];
	memset(longkey, 'a', sizeof longkey - 1);
	longkey[sizeof longkey - 1] = '\0';
	assert_true(strict_distance(longkey, longkey, 2) > 2); /* never compared in full */
}

static void suggestions(void **state)
{
	(void)state;
	static const char *const ms[] = { "id", "title", "status", "due", "owner", "notes" };
	static const char *const ch[] = { "title", "signed", "roadmap_months", "roadmap_deadline" };
	assert_string_equal(strict_suggest("stauts", ms, 6), "status");
	assert_string_equal(strict_suggest("onwer", ms, 6), "owner");
	assert_string_equal(strict_suggest("tilte", ms, 6), "title");
	assert_string_equal(strict_suggest("note", ms, 6), "notes");
	assert_string_equal(strict_suggest("deu", ms, 6), "due");
	assert_string_equal(strict_suggest("ID", ms, 6), "id");
	assert_string_equal(strict_suggest("stat", ms, 6), "status");
	assert_null(strict_suggest("date", ms, 6));   /* two edits from "due": too far for 3 letters */
	assert_null(strict_suggest("colour", ms, 6));
	assert_null(strict_suggest("", ms, 6));
	assert_string_equal(strict_suggest("roadmap_month", ch, 4), "roadmap_months");
	assert_string_equal(strict_suggest("roadmap_dedline", ch, 4), "roadmap_deadline");
	assert_string_equal(strict_suggest("signd", ch, 4), "signed");
	assert_null(strict_suggest("annual_meetings", ch, 4));
}

/* All the nearest, in the list's order; a closer one replaces farther ones. */
static void nearest_ids(void **state)
{
	(void)state;
	static const char *const ids[] = { "energy-lng", "energy-roadmap", "energy-lnh", "econ-lng", "energy-ln" };
	const char *out[3];
	assert_int_equal(strict_nearest("energy-lng", ids, 5, out, 3), 1); /* itself, at 0 */
	assert_string_equal(out[0], "energy-lng");
	assert_int_equal(strict_nearest("energy-lnx", ids, 5, out, 3), 3); /* lng, lnh and ln at 1 */
	assert_string_equal(out[0], "energy-lng");
	assert_string_equal(out[1], "energy-lnh");
	assert_string_equal(out[2], "energy-ln");
	assert_int_equal(strict_nearest("energy-lnx", ids, 5, out, 2), 2);
	assert_int_equal(strict_nearest("energy-lgn", ids, 5, out, 3), 2); /* a swap, a deletion */
	assert_string_equal(out[0], "energy-lng");
	assert_string_equal(out[1], "energy-ln");
	assert_int_equal(strict_nearest("energy-lnx", ids, 5, out, 1), 1); /* at most max */
	assert_string_equal(out[0], "energy-lng");
	assert_int_equal(strict_nearest("trade-forum", ids, 5, out, 3), 0);
	assert_int_equal(strict_nearest("x", ids, 0, out, 3), 0);
}

/* Parses yaml, runs the strict walk, returns the warnings as one string of
 * "LINE:COL: MESSAGE\n" lines (caller frees). */
static char *warnings_of(const char *yaml, size_t limit, size_t *added)
{
	struct doc doc;
	struct diag_list diags;
	diag_init(&diags, limit);
	doc_parse(&doc, "t.yaml", yaml, strlen(yaml), &diags);
	size_t errors = diags.errors;
	*added = strict_check(&doc, &diags);
	assert_int_equal(diags.errors, errors); /* warnings only */
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	for (size_t i = 0; i < diags.count; i++)
		if (diags.items[i].severity == DIAG_WARNING)
			fprintf(f, "%u:%u: %s\n", diags.items[i].line, diags.items[i].col, diags.items[i].message);
	fclose(f);
	doc_fini(&doc);
	diag_fini(&diags);
	return buf;
}

static void typos_with_places(void **state)
{
	(void)state;
	static const char yaml[] =
		"charter:\n"
		"  title: T\n"
		"  signed: 2026-02-09\n"
		"  roadmap_month: 4\n"              /* 4:3 near miss in the charter */
		"  parties: [A, B]\n"
		"  annual_meetings: yearly\n"       /* free-form metadata: fine */
		"working_groups:\n"
		"  - id: econ\n"
		"    name: Economy\n"
		"    x-budget: 12\n"                /* the user's own key */
		"    colour: blue\n"                /* 11:5 */
		"    milestones:\n"
		"      - id: m1\n"
		"        title: Tilte\n"
		"        stauts: done\n"            /* 15:9 */
		"      - {id: \"\xc9\x99\xc9\x99\", onwer: X, status: done}\n" /* 16:20 (22 in bytes) */
		"      - title: No id\n"
		"        notes: n\n"
		"        milestones: []\n"         /* 19:9 a group key in a milestone */
		"  - name: No id either\n"
		"    due: 2026-03-01\n"             /* 21:5 a milestone key in a group */
		"meta: {owner: me}\n"               /* top level: not a near miss, fine */
		"charters: x\n";                    /* 23:1 near miss at the top */
	size_t added;
	char *got = warnings_of(yaml, 50, &added);
	/* In walk order: the top level, the charter, then group by group
	 * (check sorts them by place before printing). */
	const char *want =
		"23:1: unknown key 'charters' at the top of the file (did you mean 'charter'?)\n"
		"4:3: unknown key 'roadmap_month' in the charter (did you mean 'roadmap_months'?)\n"
		"11:5: unknown key 'colour' in working group 'econ' (known keys: id, name, short, leads, description, milestones)\n"
		"15:9: unknown key 'stauts' in milestone 'm1' (did you mean 'status'?)\n"
		"16:20: unknown key 'onwer' in milestone '\xc9\x99\xc9\x99' (did you mean 'owner'?)\n"
		"19:9: unknown key 'milestones' in milestone 3 in working group 'econ' ('milestones' belongs in a working group; check the indentation)\n"
		"21:5: unknown key 'due' in working group 2 ('due' belongs in a milestone; check the indentation)\n";
	assert_string_equal(got, want);
	assert_int_equal(added, 7);
	free(got);
}

static void valid_file_has_no_warnings(void **state)
{
	(void)state;
	static const char yaml[] =
		"charter:\n"
		"  title: T\n"
		"  signed: 2026-02-09\n"
		"  roadmap_deadline: 2026-06-01\n"
		"  attention_days: 7\n"
		"  reviews: [2027-02-09]\n"
		"  place: Baku\n"
		"  signatories: [{name: A, role: B, office: C}]\n"
		"  source: {publisher: P}\n"
		"  memorandum: {signed: 2025-08-08}\n"
		"working_groups:\n"
		"  - id: g\n"
		"    name: G\n"
		"    leads: [L]\n"
		"    description: D\n"
		"    x_colour: red\n"
		"    milestones:\n"
		"      - {id: m, title: M, status: done, due: 2026-03-01, owner: O, notes: N, x-url: u}\n";
	size_t added;
	char *got = warnings_of(yaml, 50, &added);
	assert_string_equal(got, "");
	assert_int_equal(added, 0);
	free(got);
}

static void stops_at_the_limit(void **state)
{
	(void)state;
	size_t cap = 64 + 20000 * 16;
	char *yaml = malloc(cap);
	assert_non_null(yaml);
	size_t n = (size_t)snprintf(yaml, cap, "working_groups:\n  - id: g\n");
	for (int i = 0; i < 20000; i++)
		n += (size_t)snprintf(yaml + n, cap - n, "    k%05d: v\n", i);
	size_t added;
	char *got = warnings_of(yaml, 10, &added);
	assert_true(added >= 10 && added <= 11);
	free(got);
	free(yaml);
}

static void aliases_and_odd_shapes(void **state)
{
	(void)state;
	/* An aliased milestone list is not followed (the loader rejects it);
	 * non-scalar keys, scalars where mappings should be, an empty file and
	 * a zeroed doc are all walked without complaint or crash. */
	static const char yaml[] =
		"base: &ms [{id: a, title: A, status: done, bogus: 1}]\n"
		"working_groups:\n"
		"  - id: g\n"
		"    name: G\n"
		"    milestones: *ms\n"
		"  - just text\n"
		"  - ? [complex, key]\n"
		"    : value\n";
	size_t added;
	char *got = warnings_of(yaml, 50, &added);
	assert_string_equal(got, "");
	free(got);

	got = warnings_of("", 50, &added);
	assert_string_equal(got, "");
	free(got);
	got = warnings_of("- a list\n", 50, &added);
	assert_string_equal(got, "");
	free(got);

	struct doc zero;
	struct diag_list diags;
	memset(&zero, 0, sizeof zero);
	diag_init(&diags, 5);
	assert_int_equal(strict_check(&zero, &diags), 0);
	diag_fini(&diags);
}

static void long_and_control_keys_are_shown_safely(void **state)
{
	(void)state;
	char yaml[512];
	char key[301];
	memset(key, 'q', 300);
	key[300] = '\0';
	snprintf(yaml, sizeof yaml, "working_groups:\n  - id: g\n    %s: 1\n    \"a\\eb\": 2\n", key);
	size_t added;
	char *got = warnings_of(yaml, 50, &added);
	assert_int_equal(added, 2);
	assert_non_null(strstr(got, "unknown key 'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq...' in"));
	assert_non_null(strstr(got, "unknown key 'a?b' in"));
	assert_null(strchr(got, '\x1b'));
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(distances),
		cmocka_unit_test(suggestions),
		cmocka_unit_test(nearest_ids),
		cmocka_unit_test(typos_with_places),
		cmocka_unit_test(valid_file_has_no_warnings),
		cmocka_unit_test(stops_at_the_limit),
		cmocka_unit_test(aliases_and_odd_shapes),
		cmocka_unit_test(long_and_control_keys_are_shown_safely),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
