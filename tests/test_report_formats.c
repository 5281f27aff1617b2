/* Tests for the Markdown, JSON and CSV report writers and their escaping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "charterdash/core/charter.h"
#include "charterdash/report/report.h"

#include "support.h"

/* Output of one writer call, as a NUL-terminated string the test frees. */
struct capture {
	char *buf;
	size_t len;
	FILE *f;
};

static FILE *capture_start(struct capture *cap)
{
	cap->buf = NULL;
	cap->len = 0;
	cap->f = open_memstream(&cap->buf, &cap->len);
	assert_non_null(cap->f);
	return cap->f;
}

static char *capture_end(struct capture *cap)
{
	fclose(cap->f);
	return cap->buf;
}

#define ESCAPED(fn, input, expected)                   \
	do {                                               \
		struct capture cap_;                           \
		fn(capture_start(&cap_), input);               \
		char *got_ = capture_end(&cap_);               \
		assert_string_equal(got_, expected);           \
		free(got_);                                    \
	} while (0)

static void md_cell(FILE *out, const char *s)
{
	report_md_text(out, s, REPORT_MD_CELL);
}

static void md_heading(FILE *out, const char *s)
{
	report_md_text(out, s, REPORT_MD_HEADING);
}

static void json_quotes_backslashes_and_short_escapes(void **state)
{
	(void)state;
	ESCAPED(report_json_string, "plain", "\"plain\"");
	ESCAPED(report_json_string, "", "\"\"");
	ESCAPED(report_json_string, NULL, "\"\"");
	ESCAPED(report_json_string, "say \"hi\"", "\"say \\\"hi\\\"\"");
	ESCAPED(report_json_string, "C:\\dir\\", "\"C:\\\\dir\\\\\"");
	ESCAPED(report_json_string, "a/b", "\"a/b\"");
	ESCAPED(report_json_string, "\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"");
}

static void json_every_control_character_escaped(void **state)
{
	(void)state;
	for (unsigned c = 1; c < 0x20; c++) {
		char in[2] = { (char)c, 0 };
		struct capture cap;
		report_json_string(capture_start(&cap), in);
		char *got = capture_end(&cap);
		/* Never the raw byte; either a short escape or \u00XX. */
		assert_null(memchr(got, (int)c, strlen(got)));
		if (!strchr("\b\f\n\r\t", (int)c)) {
			char want[16];
			snprintf(want, sizeof want, "\"\\u%04x\"", c);
			assert_string_equal(got, want);
		}
		free(got);
	}
	ESCAPED(report_json_string, "\x1b[31mred", "\"\\u001b[31mred\"");
	ESCAPED(report_json_string, "del\x7f", "\"del\\u007f\"");
	ESCAPED(report_json_string, "nel\xc2\x85", "\"nel\\u0085\"");          /* C1 */
	ESCAPED(report_json_string, "ls\xe2\x80\xa8ps\xe2\x80\xa9", "\"ls\\u2028ps\\u2029\"");
}

static void json_utf8_passes_through(void **state)
{
	(void)state;
	ESCAPED(report_json_string, "\xc4\xb0lham \xc6\x8fliyev", "\"\xc4\xb0lham \xc6\x8fliyev\"");
	ESCAPED(report_json_string, "public\xe2\x80\x93private", "\"public\xe2\x80\x93private\"");
	ESCAPED(report_json_string, "\xf0\x9f\x87\xa6\xf0\x9f\x87\xbf", "\"\xf0\x9f\x87\xa6\xf0\x9f\x87\xbf\"");
	ESCAPED(report_json_string, "\xef\xbf\xbd", "\"\xef\xbf\xbd\""); /* a real U+FFFD */
}

static void json_invalid_utf8_becomes_replacement(void **state)
{
	(void)state;
	ESCAPED(report_json_string, "a\xff" "b", "\"a\\ufffdb\"");
	ESCAPED(report_json_string, "\xc0\xaf", "\"\\ufffd\\ufffd\"");         /* overlong '/' */
	ESCAPED(report_json_string, "\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\""); /* surrogate */
	ESCAPED(report_json_string, "x\xe2\x82", "\"x\\ufffd\\ufffd\"");       /* truncated */
	ESCAPED(report_json_string, "\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\""); /* > U+10FFFF */
}

static void csv_quotes_only_when_needed(void **state)
{
	(void)state;
	ESCAPED(report_csv_field, "plain text", "plain text");
	ESCAPED(report_csv_field, "", "");
	ESCAPED(report_csv_field, NULL, "");
	ESCAPED(report_csv_field, " padded ", " padded ");
	ESCAPED(report_csv_field, "oil, gas", "\"oil, gas\"");
	ESCAPED(report_csv_field, "the \"TRIPP\" route", "\"the \"\"TRIPP\"\" route\"");
	ESCAPED(report_csv_field, "\"", "\"\"\"\"");
	ESCAPED(report_csv_field, "two\nlines", "\"two\nlines\"");
	ESCAPED(report_csv_field, "cr\rlf\r\n", "\"cr\rlf\r\n\"");
	ESCAPED(report_csv_field, "tab\there", "tab\there");
	ESCAPED(report_csv_field, "B\xc9\x99k\xc4\xb1", "B\xc9\x99k\xc4\xb1");
}

/* "Trojan source": RLO, LRE, PDF and the isolates reorder a line shown raw. */
static void bidi_controls_shown_by_name(void **state)
{
	(void)state;
	ESCAPED(report_plain_text, "a\xe2\x80\xae" "cba", "a<U+202E>cba");
	ESCAPED(report_plain_text, "\xe2\x80\xaax\xe2\x80\xac", "<U+202A>x<U+202C>");
	ESCAPED(report_plain_text, "\xe2\x81\xa6" "y\xe2\x81\xa9", "<U+2066>y<U+2069>");
	ESCAPED(report_csv_field, "x\xe2\x80\xaey", "x<U+202E>y");
	ESCAPED(md_cell, "x\xe2\x81\xa7y", "x<U+2067>y");
	ESCAPED(report_json_string, "x\xe2\x80\xaey\xe2\x81\xa8", "\"x\\u202ey\\u2068\"");
	/* the neighbours are ordinary text: U+2029 aside, LRM and U+2070 pass */
	ESCAPED(report_plain_text, "\xe2\x80\x8e\xe2\x81\xb0", "\xe2\x80\x8e\xe2\x81\xb0");
}

static void csv_control_characters_replaced(void **state)
{
	(void)state;
	ESCAPED(report_csv_field, "\x1b[2J", "\xef\xbf\xbd[2J");
	ESCAPED(report_csv_field, "bad\xff", "bad\xef\xbf\xbd");
	ESCAPED(report_csv_field, "\x1b,\"", "\"\xef\xbf\xbd,\"\"\"");
}

static void markdown_cells(void **state)
{
	(void)state;
	ESCAPED(md_cell, "a | b", "a \\| b");
	ESCAPED(md_cell, "one\ntwo", "one<br>two");
	ESCAPED(md_cell, "one\r\ntwo\rthree", "one<br>two<br>three");
	ESCAPED(md_cell, "literal block\n", "literal block");
	ESCAPED(md_cell, "kept\n\n", "kept");
	ESCAPED(md_cell, "para\n\nnext", "para<br><br>next");
	ESCAPED(md_cell, "*bold* `code` [link](x) <b> ~s~ \\", "\\*bold\\* \\`code\\` \\[link\\](x) \\<b> \\~s\\~ \\\\");
	ESCAPED(md_cell, "snake_case_id", "snake_case_id");
	ESCAPED(md_cell, "_em_ a_ _b", "\\_em\\_ a\\_ \\_b");
	ESCAPED(md_cell, "tab\there", "tab here");
	ESCAPED(md_cell, "\x1b[31m", "\xef\xbf\xbd\\[31m");
	ESCAPED(md_cell, "C# #1", "C# #1");
	ESCAPED(md_cell, "R&D \xe2\x80\x93 \xc4\xb0", "R&D \xe2\x80\x93 \xc4\xb0");
	ESCAPED(md_cell, NULL, "");
}

static void markdown_headings(void **state)
{
	(void)state;
	ESCAPED(md_heading, "Title on\ntwo lines\n", "Title on two lines");
	ESCAPED(md_heading, "Issue #", "Issue \\#");
	ESCAPED(md_heading, "a|b", "a\\|b");
}

static void format_names(void **state)
{
	(void)state;
	enum report_format f = REPORT_TEXT;
	assert_true(report_format_parse("markdown", &f));
	assert_int_equal(f, REPORT_MARKDOWN);
	assert_true(report_format_parse("json", &f));
	assert_int_equal(f, REPORT_JSON);
	assert_true(report_format_parse("csv", &f));
	assert_int_equal(f, REPORT_CSV);
	assert_true(report_format_parse("text", &f));
	assert_int_equal(f, REPORT_TEXT);
	assert_false(report_format_parse("JSON", &f));
	assert_false(report_format_parse("bogus", &f));
	assert_false(report_format_parse("", &f));
	assert_int_equal(f, REPORT_TEXT);
	assert_string_equal(report_format_name(REPORT_CSV), "csv");
}

/* Two groups: one with awkward text, one without milestones. */
static const char sample_yaml[] =
	"charter:\n"
	"  title: \"Pipes | \\\"quotes\\\" and \\e escapes\"\n"
	"  signed: 2026-02-09\n"
	"working_groups:\n"
	"  - id: econ\n"
	"    name: \"Economy, Trade\"\n"
	"    milestones:\n"
	"      - id: m1\n"
	"        title: \"Line one\\nline two, with \\\"quotes\\\"\"\n"
	"        status: done\n"
	"        completed: 2026-03-03\n"
	"        due: 2026-03-01\n"
	"        owner: \"\\u0130lham | \\u018fliyev\"\n"
	"      - id: m2\n"
	"        title: Late one\n"
	"        status: blocked\n"
	"        due: 2026-04-01\n"
	"  - id: empty\n"
	"    name: Empty group\n";

struct fixture {
	struct charter c;
	struct report_options opt;
};

static int sample_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	if (!fx)
		return -1;
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	char *text = strdup(sample_yaml);
	bool ok = text && charter_load_text(&fx->c, "sample.yaml", text, strlen(sample_yaml), &diags);
	if (!ok)
		diag_print(&diags, stderr);
	diag_fini(&diags);
	fx->opt.today = (struct date){ 2026, 4, 15 };
	fx->opt.group = -1;
	*state = fx;
	return ok ? 0 : -1;
}

static int sample_teardown(void **state)
{
	struct fixture *fx = *state;
	charter_fini(&fx->c);
	free(fx);
	return 0;
}

static char *run_writer(void (*writer)(FILE *, const struct charter *, const struct report_options *),
                        const struct fixture *fx)
{
	struct capture cap;
	writer(capture_start(&cap), &fx->c, &fx->opt);
	return capture_end(&cap);
}

static void json_document(void **state)
{
	struct fixture *fx = *state;
	char *got = run_writer(report_json, fx);
	const char *want =
		"{\n"
		"  \"charter\": {\n"
		"    \"title\": \"Pipes | \\\"quotes\\\" and \\u001b escapes\",\n"
		"    \"signed\": \"2026-02-09\",\n"
		"    \"deadline\": \"2026-05-09\",\n"
		"    \"today\": \"2026-04-15\",\n"
		"    \"days_left\": 24,\n"
		"    \"next_review\": \"2027-02-09\",\n"
		"    \"done\": 1,\n"
		"    \"total\": 2,\n"
		"    \"percent\": 50,\n"
		"    \"state\": \"overdue\",\n"
		"    \"blocked\": 0,\n"
		"    \"overdue\": 1,\n"
		"    \"due_soon\": 0,\n"
		"    \"roadmap\": {\"done\": 1, \"total\": 2, \"on_time\": 0, \"late\": 1, \"open\": 1, \"undated\": 0},\n"
		"    \"delivery\": {\"done_with_date\": 1, \"on_time\": 0, \"median_late_days\": 2}\n"
		"  },\n"
		"  \"groups\": [\n"
		"    {\n"
		"      \"id\": \"econ\",\n"
		"      \"name\": \"Economy, Trade\",\n"
		"      \"done\": 1,\n"
		"      \"total\": 2,\n"
		"      \"percent\": 50,\n"
		"      \"state\": \"overdue\",\n"
		"      \"blocked\": 0,\n"
		"      \"overdue\": 1,\n"
		"      \"due_soon\": 0,\n"
		"      \"roadmap\": {\"done\": 1, \"total\": 2, \"on_time\": 0, \"late\": 1, \"open\": 1, \"undated\": 0},\n"
		"      \"delivery\": {\"done_with_date\": 1, \"on_time\": 0, \"median_late_days\": 2},\n"
		"      \"counts\": {\"not_started\": 0, \"in_progress\": 0, \"blocked\": 1, \"done\": 1},\n"
		"      \"milestones\": [\n"
		"        {\"id\": \"m1\", \"title\": \"Line one\\nline two, with \\\"quotes\\\"\", \"status\": \"done\", "
		"\"due\": \"2026-03-01\", \"owner\": \"\xc4\xb0lham | \xc6\x8fliyev\", \"completed\": \"2026-03-03\", \"late_days\": 2, "
		"\"overdue\": false, \"due_soon\": false, \"attention\": null},\n"
		"        {\"id\": \"m2\", \"title\": \"Late one\", \"status\": \"blocked\", "
		"\"due\": \"2026-04-01\", \"owner\": null, \"completed\": null, \"late_days\": null, \"overdue\": true, "
		"\"due_soon\": false, \"attention\": \"overdue\"}\n"
		"      ]\n"
		"    },\n"
		"    {\n"
		"      \"id\": \"empty\",\n"
		"      \"name\": \"Empty group\",\n"
		"      \"done\": 0,\n"
		"      \"total\": 0,\n"
		"      \"percent\": null,\n"
		"      \"state\": null,\n"
		"      \"blocked\": 0,\n"
		"      \"overdue\": 0,\n"
		"      \"due_soon\": 0,\n"
		"      \"roadmap\": {\"done\": 0, \"total\": 0, \"on_time\": 0, \"late\": 0, \"open\": 0, \"undated\": 0},\n"
		"      \"delivery\": {\"done_with_date\": 0, \"on_time\": 0, \"median_late_days\": null},\n"
		"      \"counts\": {\"not_started\": 0, \"in_progress\": 0, \"blocked\": 0, \"done\": 0},\n"
		"      \"milestones\": []\n"
		"    }\n"
		"  ]\n"
		"}\n";
	assert_string_equal(got, want);
	free(got);
}

static void json_one_group_keeps_charter_totals(void **state)
{
	struct fixture *fx = *state;
	fx->opt.group = 1;
	char *got = run_writer(report_json, fx);
	fx->opt.group = -1;
	assert_non_null(strstr(got, "    \"total\": 2,\n"));
	assert_null(strstr(got, "\"econ\""));
	assert_non_null(strstr(got, "\"groups\": [\n    {\n      \"id\": \"empty\""));
	free(got);
}

static void json_no_groups(void **state)
{
	(void)state;
	static const char yaml[] = "charter: {title: T, signed: 2026-01-31}\nworking_groups: []\n";
	struct charter c;
	struct diag_list diags;
	diag_init(&diags, 4);
	char *text = strdup(yaml);
	assert_non_null(text);
	assert_true(charter_load_text(&c, "t.yaml", text, strlen(yaml), &diags));
	struct report_options opt = { .today = { 2026, 2, 1 }, .group = -1 };
	struct capture cap;
	report_json(capture_start(&cap), &c, &opt);
	char *got = capture_end(&cap);
	assert_non_null(strstr(got, "\"deadline\": \"2026-04-30\""));
	assert_non_null(strstr(got, "\"percent\": null,\n    \"state\": null,\n    \"blocked\": 0,\n"
	                            "    \"overdue\": 0,\n    \"due_soon\": 0,\n    \"roadmap\": {\"done\": 0, \"total\": 0, "
	                            "\"on_time\": 0, \"late\": 0, \"open\": 0, \"undated\": 0},\n    \"delivery\": "
	                            "{\"done_with_date\": 0, \"on_time\": 0, \"median_late_days\": null}\n"
	                            "  },\n  \"groups\": []\n}\n"));
	free(got);
	charter_fini(&c);
	diag_fini(&diags);
}

static void csv_document(void **state)
{
	struct fixture *fx = *state;
	char *got = run_writer(report_csv, fx);
	const char *want =
		"group_id,group_name,milestone_id,title,status,due,owner,overdue\r\n"
		"econ,\"Economy, Trade\",m1,\"Line one\nline two, with \"\"quotes\"\"\",done,2026-03-01,"
		"\xc4\xb0lham | \xc6\x8fliyev,false\r\n"
		"econ,\"Economy, Trade\",m2,Late one,blocked,2026-04-01,,true\r\n";
	assert_string_equal(got, want);
	free(got);
}

static void csv_one_group(void **state)
{
	struct fixture *fx = *state;
	fx->opt.group = 1;
	char *got = run_writer(report_csv, fx);
	fx->opt.group = -1;
	assert_string_equal(got, "group_id,group_name,milestone_id,title,status,due,owner,overdue\r\n");
	free(got);
}

static void markdown_document(void **state)
{
	struct fixture *fx = *state;
	char *got = run_writer(report_markdown, fx);
	const char *want =
		"# Pipes \\| \"quotes\" and \xef\xbf\xbd escapes\n"
		"\n"
		"Signed 2026-02-09; roadmap deadline 2026-05-09 (24 days left); today 2026-04-15.\n"
		"\n"
		"Roadmap phase to 2026-05-09: 1/2 done (24 days left).  \n"
		"Next review 2027-02-09 (in 300 days).\n"
		"\n"
		"**Overall:** 1/2 milestones done (50%), overdue. Done 1, in progress 0, blocked 1, not started 0. Needs attention: 1 overdue.\n"
		"Delivery: 1 done with a completion date, 0 on time, median 2 days late.\n"
		"\n"
		"| Working group | Done | Progress | State | Overdue | Blocked | Due soon | Roadmap phase |\n"
		"| :-- | --: | :-- | :-- | --: | --: | --: | --: |\n"
		"| Economy, Trade | 1/2 | `[#####.....]` 50% | overdue | 1 | 0 | 0 | 1/2 |\n"
		"| Empty group | 0/0 | no milestones |  | 0 | 0 | 0 | 0/0 |\n"
		"\n"
		"## Economy, Trade (econ)\n"
		"\n"
		"1/2 done (50%), overdue. Done 1, in progress 0, blocked 1, not started 0. Needs attention: 1 overdue.\n"
		"Roadmap phase: 0 on time, 1 late (last 2026-03-03), 1 open. Delivery: 1 done with a completion date, 0 on "
		"time, median 2 days late.\n"
		"\n"
		"| Id | Milestone | Status | Due | Owner |\n"
		"| :-- | :-- | :-- | :-- | :-- |\n"
		"| m1 | Line one<br>line two, with \"quotes\" | done 2026-03-03, 2 days late | 2026-03-01 | \xc4\xb0lham \\| \xc6\x8fliyev |\n"
		"| m2 | Late one | **blocked, overdue** | 2026-04-01 |  |\n"
		"\n"
		"## Empty group (empty)\n"
		"\n"
		"No milestones yet.\n";
	assert_string_equal(got, want);
	free(got);
}

/* `due: ~` in a table cell: the words whole, then the cell's end (the
 * buffer was once one byte short of the text's NUL). */
static void markdown_no_date_yet(void **state)
{
	(void)state;
	struct charter c;
	test_load(&c, "charter: {title: T, signed: 2026-01-31}\nworking_groups:\n  - id: g\n    name: G\n"
	              "    milestones:\n      - {id: m, title: M, status: in_progress, due: ~}\n");
	struct report_options opt = { .today = { 2026, 2, 1 }, .group = -1 };
	struct capture cap;
	report_markdown(capture_start(&cap), &c, &opt);
	char *got = capture_end(&cap);
	assert_non_null(strstr(got, "| m | M | in progress | no date yet |  |\n"));
	free(got);
	charter_fini(&c);
}

static void markdown_no_terminal_codes(void **state)
{
	struct fixture *fx = *state;
	char *got = run_writer(report_markdown, fx);
	for (const char *p = got; *p; p++)
		assert_true(*p == '\n' || (unsigned char)*p >= 0x20);
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_quotes_backslashes_and_short_escapes),
		cmocka_unit_test(json_every_control_character_escaped),
		cmocka_unit_test(json_utf8_passes_through),
		cmocka_unit_test(json_invalid_utf8_becomes_replacement),
		cmocka_unit_test(csv_quotes_only_when_needed),
		cmocka_unit_test(csv_control_characters_replaced),
		cmocka_unit_test(bidi_controls_shown_by_name),
		cmocka_unit_test(markdown_cells),
		cmocka_unit_test(markdown_headings),
		cmocka_unit_test(format_names),
		cmocka_unit_test(json_no_groups),
		cmocka_unit_test(markdown_no_date_yet),
		cmocka_unit_test_setup_teardown(json_document, sample_setup, sample_teardown),
		cmocka_unit_test_setup_teardown(json_one_group_keeps_charter_totals, sample_setup, sample_teardown),
		cmocka_unit_test_setup_teardown(csv_document, sample_setup, sample_teardown),
		cmocka_unit_test_setup_teardown(csv_one_group, sample_setup, sample_teardown),
		cmocka_unit_test_setup_teardown(markdown_document, sample_setup, sample_teardown),
		cmocka_unit_test_setup_teardown(markdown_no_terminal_codes, sample_setup, sample_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
