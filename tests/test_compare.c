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

static void test_fields_one_per_line(void **state)
{
	(void)state;
	struct charter a;
	test_load(&a, old_yaml);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	compare_print_fields(out, &a);
	fclose(out);
	assert_string_equal(text, "Energy \u00b7 Roadmap [e1]: title Roadmap\n"
	                          "Energy \u00b7 Roadmap [e1]: status in_progress\n"
	                          "Energy \u00b7 Roadmap [e1]: owner Ministry\n"
	                          "Energy \u00b7 LNG study [e2]: title LNG study\n"
	                          "Energy \u00b7 LNG study [e2]: status not_started\n"
	                          "Trade \u00b7 Talks [t1]: title Talks\n"
	                          "Trade \u00b7 Talks [t1]: status blocked\n");
	free(text);
	charter_fini(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_of_change),
		cmocka_unit_test(test_same_charter_no_changes),
		cmocka_unit_test(test_fields_one_per_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
