/* test_compare — field-level differences between two charters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "charterdash/report/compare.h"

#include "support.h"

static const char old_yaml[] =
	"charter:\n  title: T\n  signed: 2026-02-09\n"
	"working_groups:\n"
	"  - id: energy\n    name: Energy\n    milestones:\n"
	"      - {id: e1, title: Roadmap, status: in_progress, owner: Ministry}\n"
	"      - {id: e2, title: LNG study, status: not_started}\n"
	"  - id: trade\n    name: Trade\n    milestones:\n"
	"      - {id: t1, title: Talks, status: blocked}\n"
	"  - id: old\n    name: Old group\n    milestones: []\n";

static const char new_yaml[] =
	"charter:\n  title: T\n  signed: 2026-02-09\n"
	"working_groups:\n"
	"  - id: energy\n    name: Energy and Climate\n    milestones:\n"
	"      - {id: e1, title: Roadmap, status: done, due: 2026-06-01}\n"
	"      - {id: t1, title: Talks, status: blocked}\n"
	"  - id: trade\n    name: Trade\n    milestones:\n"
	"      - {id: t2, title: \"Forum\\u001b[31m\", status: done, owner: Co-chairs}\n";

/* What print_text prints for the two, via a memory stream. */
static char *printed(void (*print)(FILE *, const struct charter *, const struct charter *,
                                   const struct compare_item *, size_t),
                     const struct charter *a, const struct charter *b)
{
	struct compare_item *items;
	size_t n = compare_charters(a, b, &items);
	assert_int_not_equal(n, (size_t)-1);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_non_null(out);
	print(out, a, b, items, n);
	fclose(out);
	free(items);
	return text;
}

static void test_every_kind_of_change(void **state)
{
	(void)state;
	struct charter a, b;
	test_load(&a, old_yaml);
	test_load(&b, new_yaml);
	char *text = printed(compare_print_text, &a, &b);
	assert_string_equal(text,
	                    "Working group Energy: renamed to Energy and Climate\n"
	                    "Working group Old group: removed\n"
	                    "Energy \u00b7 Roadmap: status in_progress \u2192 done\n"
	                    "Energy \u00b7 Roadmap: due (none) \u2192 2026-06-01\n"
	                    "Energy \u00b7 Roadmap: owner Ministry \u2192 (none)\n"
	                    "Trade \u00b7 Talks: moved to Energy and Climate\n"
	                    "Trade \u00b7 Forum\xef\xbf\xbd[31m: added (done, owner Co-chairs)\n"
	                    "Energy \u00b7 LNG study: removed\n");
	free(text);
	text = printed(compare_print_json, &a, &b);
	assert_non_null(strstr(text, "{\"change\": \"changed\", \"id\": \"e1\", \"group\": \"energy\", \"title\": "
	                             "\"Roadmap\", \"field\": \"status\", \"old\": \"in_progress\", \"new\": \"done\"}"));
	assert_non_null(strstr(text, "\"title\": \"Forum\\u001b[31m\""));
	assert_non_null(strstr(text, "{\"change\": \"group_renamed\", \"id\": null, \"group\": \"energy\""));
	free(text);
	charter_fini(&a);
	charter_fini(&b);
}

static void test_same_charter_no_changes(void **state)
{
	(void)state;
	struct charter a, b;
	test_load(&a, old_yaml);
	test_load(&b, old_yaml);
	struct compare_item *items;
	assert_int_equal(compare_charters(&a, &b, &items), 0);
	free(items);
	charter_fini(&a);
	charter_fini(&b);
}

static char *textconv(const char *yaml)
{
	struct charter a;
	test_load(&a, yaml);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	compare_print_textconv(out, &a);
	fclose(out);
	charter_fini(&a);
	return text;
}

/* Field lines name their milestone; every other line is there as written,
 * inside a milestone after its name. */
static void test_textconv_every_line(void **state)
{
	(void)state;
	char *text = textconv("# top\n"
	                      "charter:\n  title: T\n  signed: 2026-02-09\n  place: Baku  # city\n"
	                      "working_groups:\n"
	                      "  - id: energy\n    name: Energy\n    milestones:\n"
	                      "      - id: e1   # first\n"
	                      "        title: Roadmap\n"
	                      "        # a comment\n"
	                      "        status: done  # checked\n"
	                      "        risk: high\n"
	                      "        owner: 'Ministry'\n"
	                      "        notes: |\n          line one\n          line two\n"
	                      "\n"
	                      "      - id: e2\n        title: LNG\n        status: blocked \n"
	                      "      - {id: e3, title: Flow, status: done}\n");
	assert_string_equal(text, "# top\n"
	                          "charter:\n  title: T\n  signed: 2026-02-09\n  place: Baku  # city\n"
	                          "working_groups:\n"
	                          "  - id: energy\n    name: Energy\n    milestones:\n"
	                          "Energy \u00b7 Roadmap [e1]:       - id: e1   # first\n"
	                          "Energy \u00b7 Roadmap [e1]: title Roadmap\n"
	                          "Energy \u00b7 Roadmap [e1]:         # a comment\n"
	                          "Energy \u00b7 Roadmap [e1]:         status: done  # checked\n"
	                          "Energy \u00b7 Roadmap [e1]:         risk: high\n"
	                          "Energy \u00b7 Roadmap [e1]: owner 'Ministry'\n"
	                          "Energy \u00b7 Roadmap [e1]:         notes: |\n"
	                          "Energy \u00b7 Roadmap [e1]:           line one\n"
	                          "Energy \u00b7 Roadmap [e1]:           line two\n"
	                          "\n"
	                          "Energy \u00b7 LNG [e2]: title LNG\n"
	                          "Energy \u00b7 LNG [e2]:         status: blocked \n"
	                          "Energy \u00b7 Flow [e3]:       - {id: e3, title: Flow, status: done}\n");
	free(text);
}

/* The old form for a file written the usual way: one line per field. */
static void test_textconv_fields_one_per_line(void **state)
{
	(void)state;
	char *text = textconv("charter:\n  title: T\n  signed: 2026-02-09\n"
	                      "working_groups:\n"
	                      "  - id: energy\n    name: Energy\n    milestones:\n"
	                      "      - id: e1\n        title: Roadmap\n        status: in_progress\n"
	                      "        due: 2026-06-01\n        owner: Ministry\n");
	assert_string_equal(text, "charter:\n  title: T\n  signed: 2026-02-09\n"
	                          "working_groups:\n"
	                          "  - id: energy\n    name: Energy\n    milestones:\n"
	                          "Energy \u00b7 Roadmap [e1]: title Roadmap\n"
	                          "Energy \u00b7 Roadmap [e1]: status in_progress\n"
	                          "Energy \u00b7 Roadmap [e1]: due 2026-06-01\n"
	                          "Energy \u00b7 Roadmap [e1]: owner Ministry\n");
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_of_change),
		cmocka_unit_test(test_same_charter_no_changes),
		cmocka_unit_test(test_textconv_every_line),
		cmocka_unit_test(test_textconv_fields_one_per_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
