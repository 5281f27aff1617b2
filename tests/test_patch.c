/* test_patch — the text edits of the edit transaction, over a corpus of
 * tricky files. For every edit: the bytes outside [start, end) are kept,
 * the result loads and patch_verify accepts it, a CRLF file stays CRLF,
 * a CR-only file stays CR-only, and PyYAML (tests/e2e/edit_oracle.py, run
 * once at the end) reads the whole result as the input with exactly that
 * change, key order and value types included. Representative cases also
 * compare the whole output. Run from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "charterdash/core/buf.h"
#include "charterdash/core/charter.h"
#include "charterdash/core/json.h"
#include "charterdash/store/patch.h"

/* --- harness --------------------------------------------------------------- */

#define HEAD "charter:\n  title: T\n  signed: 2026-02-09\nworking_groups:\n  - id: g\n    name: G\n"
#define MS HEAD "    milestones:\n"

static struct edit SET(const char *id, enum field f, const char *value)
{
	return (struct edit){ .kind = EDIT_SET, .milestone_id = id, .field = f, .value = value };
}

static struct edit ADD(const char *group, const char *id, const char *title)
{
	return (struct edit){ .kind = EDIT_ADD, .group_id = group, .milestone_id = id, .value = title };
}

static struct edit RM(const char *id)
{
	return (struct edit){ .kind = EDIT_REMOVE, .milestone_id = id };
}

/* Where results go for the PyYAML oracle. */
static char scratch[64];
static FILE *records;
static unsigned record_count;

static void load_n(struct charter *c, const char *text, size_t len)
{
	char *copy = malloc(len + 1);
	assert_non_null(copy);
	memcpy(copy, text, len);
	copy[len] = '\0';
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	bool ok = charter_load_text(c, "t.yaml", copy, len, &diags);
	if (!ok) {
		char line[512];
		for (size_t i = 0; i < diags.count; i++) {
			diag_format(&diags.items[i], line, sizeof line);
			print_message("  %s\n", line);
		}
		print_message("--- text ---\n%.*s\n------------\n", (int)len, text);
	}
	diag_fini(&diags);
	if (!ok)
		charter_fini(c);
	assert_true(ok);
}

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Hands the edit to the oracle. PyYAML rejects some tabs libyaml accepts
 * (`key:<TAB>value`, a tab before a comment): for files with tabs the
 * oracle accepts a rejection, as long as the result is rejected too. */
static void record(const char *before, size_t before_len, const char *after, size_t after_len, const struct edit *e)
{
	if (!records)
		return;
	char b[128], a[128];
	snprintf(b, sizeof b, "%s/%u.before.yaml", scratch, record_count);
	snprintf(a, sizeof a, "%s/%u.after.yaml", scratch, record_count);
	record_count++;
	write_file(b, before, before_len);
	write_file(a, after, after_len);
	static const char *const kinds[] = { "set", "add", "rm" };
	struct buf line;
	buf_init(&line);
	buf_puts(&line, "{\"before\":");
	json_put_string(&line, b);
	buf_puts(&line, ",\"after\":");
	json_put_string(&line, a);
	buf_puts(&line, ",\"kind\":");
	json_put_string(&line, kinds[e->kind]);
	buf_puts(&line, ",\"id\":");
	json_put_string(&line, e->milestone_id);
	buf_puts(&line, ",\"group\":");
	json_put_string(&line, e->group_id);
	buf_puts(&line, ",\"field\":");
	json_put_string(&line, field_name(e->field));
	buf_puts(&line, ",\"value\":");
	json_put_string(&line, e->value ? e->value : "");
	buf_puts(&line, ",\"pyyaml\":");
	buf_puts(&line, memchr(before, '\t', before_len) ? "false" : "true");
	buf_puts(&line, "}\n");
	assert_false(line.failed);
	fputs(line.data, records);
	buf_fini(&line);
}

static bool is_crlf(const char *s, size_t len)
{
	const char *nl = memchr(s, '\n', len);
	return nl && nl > s && nl[-1] == '\r';
}

static bool is_cr_only(const char *s, size_t len)
{
	return memchr(s, '\r', len) && !memchr(s, '\n', len);
}

/* Plans and applies `e` to `input` and checks everything that holds for
 * any edit. Returns the new text (caller frees); *te receives the edit. */
static char *apply_n(const char *input, size_t len, const struct edit *e, size_t *out_len, struct text_edit *te)
{
	struct charter before, after;
	load_n(&before, input, len);
	char why[512] = "";
	bool planned = patch_plan(&before, e, te, why, sizeof why);
	if (!planned)
		print_message("refused: %s\n", why);
	assert_true(planned);
	size_t n;
	char *out = patch_apply(before.text, before.text_len, te, &n);
	assert_non_null(out);

	/* (a) every byte outside the edit is the original's */
	assert_true(te->start <= te->end && te->end <= len);
	assert_memory_equal(out, input, te->start);
	assert_int_equal(n - te->start - te->len, len - te->end);
	assert_memory_equal(out + te->start + te->len, input + te->end, len - te->end);
	assert_int_equal(strlen(out), n);

	/* (b) it loads, to exactly the intended model */
	load_n(&after, out, n);
	bool verified = patch_verify(&before, &after, e, why, sizeof why);
	if (!verified)
		print_message("verify: %s\n--- result ---\n%s\n---\n", why, out);
	assert_true(verified);

	/* (c) a CRLF file gets CRLF in what was inserted too */
	if (is_crlf(input, len)) {
		for (size_t i = 0; i < n; i++) {
			if (out[i] == '\n')
				assert_true(i > 0 && out[i - 1] == '\r');
			if (out[i] == '\r')
				assert_true(i + 1 < n && out[i + 1] == '\n');
		}
	}
	/* (d) so does a file with CR alone (old Mac style) */
	if (is_cr_only(input, len))
		assert_null(memchr(out, '\n', n));
	record(input, len, out, n, e);
	charter_fini(&before);
	charter_fini(&after);
	*out_len = n;
	return out;
}

static char *apply_edit(const char *input, const struct edit *e)
{
	size_t n;
	struct text_edit te;
	char *out = apply_n(input, strlen(input), e, &n, &te);
	text_edit_fini(&te);
	return out;
}

static void expect_edit(const char *input, struct edit e, const char *expected)
{
	char *out = apply_edit(input, &e);
	if (expected)
		assert_string_equal(out, expected);
	free(out);
}

/* The bytes the edit replaced in the original. */
static void expect_span(const char *input, struct edit e, const char *replaced)
{
	size_t n;
	struct text_edit te;
	char *out = apply_n(input, strlen(input), &e, &n, &te);
	assert_int_equal(te.end - te.start, strlen(replaced));
	assert_memory_equal(input + te.start, replaced, strlen(replaced));
	text_edit_fini(&te);
	free(out);
}

static void expect_refused(const char *input, struct edit e, const char *because)
{
	struct charter c;
	load_n(&c, input, strlen(input));
	struct text_edit te;
	char why[512] = "";
	bool planned = patch_plan(&c, &e, &te, why, sizeof why);
	if (planned)
		text_edit_fini(&te);
	charter_fini(&c);
	assert_false(planned);
	if (!strstr(why, because))
		print_message("why: %s\n", why);
	assert_non_null(strstr(why, because));
}

/* --- rendering scalars ------------------------------------------------------ */

static void test_plain_safe(void **state)
{
	(void)state;
	static const char *const plain[] = {
		"Alpha", "Adopt the energy roadmap", "a:b", "a#b", "C++", "50%", "1st step", "2026 plan",
		"Azərbaycan — ümumi", "e-mail",
	};
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		if (!patch_plain_safe(plain[i], false))
			print_message("should be plain: '%s'\n", plain[i]);
		assert_true(patch_plain_safe(plain[i], false));
	}
	static const char *const quoted[] = {
		"", "yes", "No", "ON", "off", "y", "n", "true", "False", "null", "Null", "~", "=", "<<",
		"a: b", "a #b", "*x", "&a", "!tag", "-", "- item", "'q'", "\"q\"", "? k", ": v", ",a", "[a]",
		"{a}", "#c", "|", ">", "%x", "@x", "`x", "2026", "2026-02-30", "2026-02-09", "1.5", "-1",
		"+1", ".5", "1e5", "0x1F", "0o17", "1_000", "1:30", ".inf", "-.Inf", ".NaN",
		"2026-02-09 10:00:00Z", " lead", "trail ", "tab\there", "ends:", "line\nbreak",
		"cr\rhere", "sep\xe2\x80\xa8here", "para\xe2\x80\xa9", "nel\xc2\x85", "bom\xef\xbb\xbf",
		"bell\x07", "del\x7f", "c1\xc2\x80", "nonchar\xef\xbf\xbe",
	};
	for (size_t i = 0; i < sizeof quoted / sizeof quoted[0]; i++) {
		if (patch_plain_safe(quoted[i], false))
			print_message("should be quoted: '%s'\n", quoted[i]);
		assert_false(patch_plain_safe(quoted[i], false));
	}
	/* Inside [ ] or { } the flow indicators, and '?' for PyYAML, end a plain scalar. */
	static const char *const flow_quoted[] = { "a, b", "a]", "a}", "a[b", "a?b", "why?" };
	for (size_t i = 0; i < sizeof flow_quoted / sizeof flow_quoted[0]; i++) {
		assert_true(patch_plain_safe(flow_quoted[i], false));
		if (patch_plain_safe(flow_quoted[i], true))
			print_message("should be quoted in flow: '%s'\n", flow_quoted[i]);
		assert_false(patch_plain_safe(flow_quoted[i], true));
	}
	assert_true(patch_plain_safe("a:b", true));
}

static void expect_render(const char *value, enum doc_style prefer, bool flow, const char *want)
{
	struct buf b;
	buf_init(&b);
	patch_render_scalar(&b, value, prefer, flow);
	assert_false(b.failed);
	assert_string_equal(b.data, want);
	buf_fini(&b);
}

static void test_render_scalar(void **state)
{
	(void)state;
	expect_render("Alpha", DOC_STYLE_ANY, false, "Alpha");
	expect_render("Alpha", DOC_STYLE_PLAIN, false, "Alpha");
	expect_render("Alpha", DOC_STYLE_SINGLE, false, "'Alpha'");
	expect_render("Alpha", DOC_STYLE_DOUBLE, false, "\"Alpha\"");
	expect_render("yes", DOC_STYLE_PLAIN, false, "'yes'");
	expect_render("it's", DOC_STYLE_SINGLE, false, "'it''s'");
	expect_render("'", DOC_STYLE_ANY, false, "''''");
	expect_render("\"", DOC_STYLE_ANY, false, "'\"'");
	expect_render("a \"b\" \\c", DOC_STYLE_DOUBLE, false, "\"a \\\"b\\\" \\\\c\"");
	expect_render("a, b", DOC_STYLE_ANY, true, "'a, b'");
	expect_render("a, b", DOC_STYLE_ANY, false, "a, b");
	expect_render(" x ", DOC_STYLE_ANY, false, "' x '");
	/* Only double quotes carry line breaks, tabs and controls exactly. */
	expect_render("a\nb", DOC_STYLE_SINGLE, false, "\"a\\nb\"");
	expect_render("a\tb", DOC_STYLE_PLAIN, false, "\"a\\tb\"");
	expect_render("a\rb\x01", DOC_STYLE_ANY, false, "\"a\\rb\\x01\"");
	expect_render("x\x7f", DOC_STYLE_ANY, false, "\"x\\x7F\"");
	expect_render("l\xe2\x80\xa8p\xe2\x80\xa9", DOC_STYLE_ANY, false, "\"l\\Lp\\P\"");
	expect_render("n\xc2\x85", DOC_STYLE_ANY, false, "\"n\\N\"");
	expect_render("\xef\xbb\xbf" "b", DOC_STYLE_ANY, false, "\"\\uFEFFb\"");
	/* C1 controls and non-characters may not appear raw in a YAML stream. */
	expect_render("c\xc2\x80\xc2\x9f", DOC_STYLE_ANY, false, "\"c\\x80\\x9F\"");
	expect_render("\xef\xbf\xbe\xef\xbf\xbf", DOC_STYLE_ANY, false, "\"\\uFFFE\\uFFFF\"");
	/* Other non-ASCII text is written as it is. */
	expect_render("Azərbaycan", DOC_STYLE_ANY, false, "Azərbaycan");
	expect_render("ü: x", DOC_STYLE_ANY, false, "'ü: x'");
}

/* --- replacing a value -------------------------------------------------------- */

static const char comments[] =
	"# top\n" MS
	"      - id: a   # first\n"
	"        title: Alpha   # comment after\n"
	"        status: done # done since May\n"
	"        owner: Co-chairs\t# tab before the comment\n"
	"        notes: a#b # only the second is a comment\n";

static void test_comment_after_value(void **state)
{
	(void)state;
	expect_edit(comments, SET("a", FIELD_TITLE, "Beta"),
	            "# top\n" MS
	            "      - id: a   # first\n"
	            "        title: Beta   # comment after\n"
	            "        status: done # done since May\n"
	            "        owner: Co-chairs\t# tab before the comment\n"
	            "        notes: a#b # only the second is a comment\n");
	expect_span(comments, SET("a", FIELD_STATUS, "blocked"), "done");
	expect_span(comments, SET("a", FIELD_OWNER, "Secretariat"), "Co-chairs");
	expect_span(comments, SET("a", FIELD_TITLE, "a # b"), "Alpha");
	expect_span(comments, SET("a", FIELD_NOTES, "c#d"), "a#b");
	expect_edit(comments, SET("a", FIELD_TITLE, "a # b"),
	            "# top\n" MS
	            "      - id: a   # first\n"
	            "        title: 'a # b'   # comment after\n"
	            "        status: done # done since May\n"
	            "        owner: Co-chairs\t# tab before the comment\n"
	            "        notes: a#b # only the second is a comment\n");
}

static const char styles[] = MS
	"      - id: p\n"
	"        title: Plain title\n"
	"        status: done\n"
	"      - id: s\n"
	"        title: 'Single ''quoted'''\n"
	"        status: 'done'\n"
	"      - id: d\n"
	"        title: \"Double \\\"quoted\\\"\"\n"
	"        status: \"done\"\n"
	"      - id: f\n"
	"        title: >\n"
	"          Folded\n"
	"          title\n"
	"        status: done\n"
	"      - id: l\n"
	"        title: Literal\n"
	"        status: done\n"
	"        notes: |\n"
	"          line one\n"
	"          line two\n"
	"\n"
	"\n"
	"        # about l\n"
	"        owner: X\n";

static void test_scalar_styles(void **state)
{
	(void)state;
	/* Each style is kept for a one-line value... */
	expect_span(styles, SET("p", FIELD_TITLE, "New"), "Plain title");
	expect_edit(styles, SET("s", FIELD_TITLE, "It's new"), NULL);
	expect_span(styles, SET("s", FIELD_TITLE, "It's new"), "'Single ''quoted'''");
	expect_span(styles, SET("s", FIELD_STATUS, "blocked"), "'done'");
	expect_span(styles, SET("d", FIELD_STATUS, "blocked"), "\"done\"");
	expect_span(styles, SET("d", FIELD_TITLE, "Say \"hi\""), "\"Double \\\"quoted\\\"\"");

	char *out = apply_edit(styles, &(struct edit){ .kind = EDIT_SET, .milestone_id = "s", .field = FIELD_TITLE, .value = "It's new" });
	assert_non_null(strstr(out, "        title: 'It''s new'\n"));
	free(out);
	out = apply_edit(styles, &(struct edit){ .kind = EDIT_SET, .milestone_id = "s", .field = FIELD_STATUS, .value = "blocked" });
	assert_non_null(strstr(out, "        status: 'blocked'\n"));
	free(out);
	out = apply_edit(styles, &(struct edit){ .kind = EDIT_SET, .milestone_id = "d", .field = FIELD_TITLE, .value = "Say \"hi\"" });
	assert_non_null(strstr(out, "        title: \"Say \\\"hi\\\"\"\n"));
	free(out);

	/* ...and for several lines: quoted styles escape, blocks stay blocks. */
	out = apply_edit(styles, &(struct edit){ .kind = EDIT_SET, .milestone_id = "p", .field = FIELD_TITLE, .value = "two\nlines" });
	assert_non_null(strstr(out, "        title: \"two\\nlines\"\n"));
	free(out);
	out = apply_edit(styles, &(struct edit){ .kind = EDIT_SET, .milestone_id = "s", .field = FIELD_TITLE, .value = "two\nlines" });
	assert_non_null(strstr(out, "        title: \"two\\nlines\"\n"));
	free(out);
	expect_edit(styles, SET("f", FIELD_TITLE, "New folded"),
	            MS
	            "      - id: p\n"
	            "        title: Plain title\n"
	            "        status: done\n"
	            "      - id: s\n"
	            "        title: 'Single ''quoted'''\n"
	            "        status: 'done'\n"
	            "      - id: d\n"
	            "        title: \"Double \\\"quoted\\\"\"\n"
	            "        status: \"done\"\n"
	            "      - id: f\n"
	            "        title: >-\n"
	            "          New folded\n"
	            "        status: done\n"
	            "      - id: l\n"
	            "        title: Literal\n"
	            "        status: done\n"
	            "        notes: |\n"
	            "          line one\n"
	            "          line two\n"
	            "\n"
	            "\n"
	            "        # about l\n"
	            "        owner: X\n");
	/* Folding would join lines: a multi-line value goes literal. */
	out = apply_edit(styles, &(struct edit){ .kind = EDIT_SET, .milestone_id = "f", .field = FIELD_TITLE, .value = "one\ntwo" });
	assert_non_null(strstr(out, "      - id: f\n        title: |-\n          one\n          two\n        status: done\n"));
	free(out);

	/* A literal block followed by blank lines, a comment and the next key:
	 * only its content changes. */
	static const char tail[] = "\n\n        # about l\n        owner: X\n";
	out = apply_edit(styles, &(struct edit){ .kind = EDIT_SET, .milestone_id = "l", .field = FIELD_NOTES, .value = "just one" });
	assert_non_null(strstr(out, "        notes: |-\n          just one\n\n\n        # about l\n        owner: X\n"));
	free(out);
	out = apply_edit(styles, &(struct edit){ .kind = EDIT_SET, .milestone_id = "l", .field = FIELD_NOTES, .value = "one\n\nthree\n" });
	assert_non_null(strstr(out, "        notes: |\n          one\n\n          three\n\n\n        # about l\n        owner: X\n"));
	free(out);
	/* A value a block cannot carry exactly (leading space) goes quoted. */
	out = apply_edit(styles, &(struct edit){ .kind = EDIT_SET, .milestone_id = "l", .field = FIELD_NOTES, .value = " indented\nnext" });
	assert_non_null(strstr(out, "        notes: \" indented\\nnext\"\n"));
	assert_non_null(strstr(out, tail));
	free(out);
	/* Plain notes becoming several lines turn into a literal block. */
	static const char plain_notes[] = MS "      - id: a\n        title: A\n        status: done\n        notes: short # keep\n        owner: O\n";
	expect_edit(plain_notes, SET("a", FIELD_NOTES, "first\nsecond"),
	            MS "      - id: a\n        title: A\n        status: done\n        notes: |- # keep\n"
	            "          first\n          second\n        owner: O\n");
}

static const char flow_map[] = MS
	"      - {id: a, title: b, status: done}\n"
	"      - {id: c, title: 'd', status: in_progress, owner: \"E\", due: 2026-04-01}\n";

static void test_flow_mapping(void **state)
{
	(void)state;
	expect_edit(flow_map, SET("a", FIELD_STATUS, "blocked"),
	            MS "      - {id: a, title: b, status: blocked}\n"
	            "      - {id: c, title: 'd', status: in_progress, owner: \"E\", due: 2026-04-01}\n");
	expect_edit(flow_map, SET("a", FIELD_TITLE, "x, y"),
	            MS "      - {id: a, title: 'x, y', status: done}\n"
	            "      - {id: c, title: 'd', status: in_progress, owner: \"E\", due: 2026-04-01}\n");
	expect_edit(flow_map, SET("a", FIELD_TITLE, "why?"), NULL);
	expect_edit(flow_map, SET("a", FIELD_TITLE, "two\nlines"),
	            MS "      - {id: a, title: \"two\\nlines\", status: done}\n"
	            "      - {id: c, title: 'd', status: in_progress, owner: \"E\", due: 2026-04-01}\n");
	expect_edit(flow_map, SET("a", FIELD_OWNER, "Zed"),
	            MS "      - {id: a, title: b, status: done, owner: Zed}\n"
	            "      - {id: c, title: 'd', status: in_progress, owner: \"E\", due: 2026-04-01}\n");
	expect_edit(flow_map, SET("a", FIELD_NOTES, "n1\nn2"), NULL);
	expect_edit(flow_map, SET("c", FIELD_OWNER, ""),
	            MS "      - {id: a, title: b, status: done}\n"
	            "      - {id: c, title: 'd', status: in_progress, due: 2026-04-01}\n");
	expect_edit(flow_map, SET("c", FIELD_DUE, ""),
	            MS "      - {id: a, title: b, status: done}\n"
	            "      - {id: c, title: 'd', status: in_progress, owner: \"E\"}\n");
	expect_edit(flow_map, SET("c", FIELD_TITLE, "D2"),
	            MS "      - {id: a, title: b, status: done}\n"
	            "      - {id: c, title: 'D2', status: in_progress, owner: \"E\", due: 2026-04-01}\n");
}

static const char flow_seq[] = HEAD
	"    milestones: [{id: a, title: A, status: done}, {id: b, title: B, status: blocked},\n"
	"                 {id: c, title: C, status: done}]   # three\n"
	"  - id: h\n    name: H\n    milestones: []\n"
	"  - id: k\n    name: K\n    milestones: [ {id: only, title: O, status: done} ]\n";

static void test_flow_sequence(void **state)
{
	(void)state;
	expect_span(flow_seq, SET("b", FIELD_STATUS, "done"), "blocked");
	expect_edit(flow_seq, SET("c", FIELD_OWNER, "Zed"), NULL);
	expect_edit(flow_seq, ADD("g", "d", "New, one"),
	            HEAD
	            "    milestones: [{id: a, title: A, status: done}, {id: b, title: B, status: blocked},\n"
	            "                 {id: c, title: C, status: done}, {id: d, title: 'New, one', status: not_started}]   # three\n"
	            "  - id: h\n    name: H\n    milestones: []\n"
	            "  - id: k\n    name: K\n    milestones: [ {id: only, title: O, status: done} ]\n");
	expect_edit(flow_seq, ADD("h", "new", "Nu"),
	            HEAD
	            "    milestones: [{id: a, title: A, status: done}, {id: b, title: B, status: blocked},\n"
	            "                 {id: c, title: C, status: done}]   # three\n"
	            "  - id: h\n    name: H\n    milestones: [{id: new, title: Nu, status: not_started}]\n"
	            "  - id: k\n    name: K\n    milestones: [ {id: only, title: O, status: done} ]\n");
	expect_edit(flow_seq, RM("a"),
	            HEAD
	            "    milestones: [{id: b, title: B, status: blocked},\n"
	            "                 {id: c, title: C, status: done}]   # three\n"
	            "  - id: h\n    name: H\n    milestones: []\n"
	            "  - id: k\n    name: K\n    milestones: [ {id: only, title: O, status: done} ]\n");
	expect_edit(flow_seq, RM("b"),
	            HEAD
	            "    milestones: [{id: a, title: A, status: done},\n"
	            "                 {id: c, title: C, status: done}]   # three\n"
	            "  - id: h\n    name: H\n    milestones: []\n"
	            "  - id: k\n    name: K\n    milestones: [ {id: only, title: O, status: done} ]\n");
	/* the closing bracket and the comment stay on their line (issue 12, item 7) */
	expect_edit(flow_seq, RM("c"),
	            HEAD
	            "    milestones: [{id: a, title: A, status: done}, {id: b, title: B, status: blocked}\n"
	            "                 ]   # three\n"
	            "  - id: h\n    name: H\n    milestones: []\n"
	            "  - id: k\n    name: K\n    milestones: [ {id: only, title: O, status: done} ]\n");
	expect_edit(flow_seq, RM("only"),
	            HEAD
	            "    milestones: [{id: a, title: A, status: done}, {id: b, title: B, status: blocked},\n"
	            "                 {id: c, title: C, status: done}]   # three\n"
	            "  - id: h\n    name: H\n    milestones: []\n"
	            "  - id: k\n    name: K\n    milestones: [  ]\n");
}

static void test_utf8_before_value(void **state)
{
	(void)state;
	static const char text[] =
		"charter:\n  title: Azərbaycan–ABŞ Xartiyası\n  signed: 2026-02-09\n"
		"working_groups:\n  - id: enerji\n    name: Enerji — ümumi\n    milestones:\n"
		"      - {id: yol-xəritəsi, title: Yol xəritəsini qəbul et, status: in_progress}   # şərh\n"
		"      - id: ə2   # ğüşıöç\n"
		"        title: «İkinci» mərhələ   # başlıq\n"
		"        status: done\n"
		"        owner: Nazirlik 🏛️\n";
	expect_edit(text, SET("yol-xəritəsi", FIELD_STATUS, "done"),
	            "charter:\n  title: Azərbaycan–ABŞ Xartiyası\n  signed: 2026-02-09\n"
	            "working_groups:\n  - id: enerji\n    name: Enerji — ümumi\n    milestones:\n"
	            "      - {id: yol-xəritəsi, title: Yol xəritəsini qəbul et, status: done}   # şərh\n"
	            "      - id: ə2   # ğüşıöç\n"
	            "        title: «İkinci» mərhələ   # başlıq\n"
	            "        status: done\n"
	            "        owner: Nazirlik 🏛️\n");
	expect_span(text, SET("ə2", FIELD_TITLE, "Üçüncü"), "«İkinci» mərhələ");
	expect_span(text, SET("ə2", FIELD_OWNER, "Şura"), "Nazirlik 🏛️");
	expect_edit(text, SET("yol-xəritəsi", FIELD_OWNER, "Şura"), NULL);
	expect_edit(text, ADD("enerji", "ə3", "Üç"), NULL);
	expect_edit(text, RM("ə2"), NULL);
}

static const char crlf[] =
	"charter:\r\n  title: T\r\n  signed: 2026-02-09\r\nworking_groups:\r\n  - id: g\r\n    name: G\r\n"
	"    milestones:\r\n"
	"      - id: a\r\n        title: A   # c\r\n        status: done\r\n"
	"        notes: |\r\n          one\r\n          two\r\n\r\n"
	"      - id: b\r\n        title: B\r\n        status: blocked\r\n        owner: O\r\n";

static void test_crlf(void **state)
{
	(void)state;
	expect_edit(crlf, SET("a", FIELD_STATUS, "in_progress"),
	            "charter:\r\n  title: T\r\n  signed: 2026-02-09\r\nworking_groups:\r\n  - id: g\r\n    name: G\r\n"
	            "    milestones:\r\n"
	            "      - id: a\r\n        title: A   # c\r\n        status: in_progress\r\n"
	            "        notes: |\r\n          one\r\n          two\r\n\r\n"
	            "      - id: b\r\n        title: B\r\n        status: blocked\r\n        owner: O\r\n");
	expect_edit(crlf, SET("a", FIELD_OWNER, "Zed"),
	            "charter:\r\n  title: T\r\n  signed: 2026-02-09\r\nworking_groups:\r\n  - id: g\r\n    name: G\r\n"
	            "    milestones:\r\n"
	            "      - id: a\r\n        title: A   # c\r\n        status: done\r\n"
	            "        notes: |\r\n          one\r\n          two\r\n        owner: Zed\r\n\r\n"
	            "      - id: b\r\n        title: B\r\n        status: blocked\r\n        owner: O\r\n");
	expect_edit(crlf, SET("a", FIELD_NOTES, "x\ny"),
	            "charter:\r\n  title: T\r\n  signed: 2026-02-09\r\nworking_groups:\r\n  - id: g\r\n    name: G\r\n"
	            "    milestones:\r\n"
	            "      - id: a\r\n        title: A   # c\r\n        status: done\r\n"
	            "        notes: |-\r\n          x\r\n          y\r\n\r\n"
	            "      - id: b\r\n        title: B\r\n        status: blocked\r\n        owner: O\r\n");
	expect_edit(crlf, SET("b", FIELD_NOTES, "p\nq\n"), NULL);
	expect_edit(crlf, SET("b", FIELD_OWNER, ""), NULL);
	expect_edit(crlf, SET("a", FIELD_NOTES, ""), NULL);
	expect_edit(crlf, ADD("g", "c", "C"),
	            "charter:\r\n  title: T\r\n  signed: 2026-02-09\r\nworking_groups:\r\n  - id: g\r\n    name: G\r\n"
	            "    milestones:\r\n"
	            "      - id: a\r\n        title: A   # c\r\n        status: done\r\n"
	            "        notes: |\r\n          one\r\n          two\r\n\r\n"
	            "      - id: b\r\n        title: B\r\n        status: blocked\r\n        owner: O\r\n"
	            "      - id: c\r\n        title: C\r\n        status: not_started\r\n");
	expect_edit(crlf, RM("a"), NULL);
	expect_edit(crlf, RM("b"), NULL);
}

static void test_bom(void **state)
{
	(void)state;
	static const char bom[] = "\xef\xbb\xbf" MS "      - id: a\n        title: A\n        status: done\n";
	expect_edit(bom, SET("a", FIELD_STATUS, "blocked"),
	            "\xef\xbb\xbf" MS "      - id: a\n        title: A\n        status: blocked\n");
	expect_edit(bom, SET("a", FIELD_OWNER, "O"), NULL);
	expect_edit(bom, ADD("g", "b", "B"), NULL);
	expect_edit(bom, RM("a"), "\xef\xbb\xbf" MS);
	static const char bom_flow[] = "\xef\xbb\xbf" "charter: {title: T, signed: 2026-02-09}\n"
	                               "working_groups: [{id: g, name: G, milestones: [{id: a, title: A, status: done}]}]\n";
	expect_edit(bom_flow, SET("a", FIELD_TITLE, "Ä"),
	            "\xef\xbb\xbf" "charter: {title: T, signed: 2026-02-09}\n"
	            "working_groups: [{id: g, name: G, milestones: [{id: a, title: Ä, status: done}]}]\n");
	expect_edit(bom_flow, ADD("g", "b", "B"), NULL);
	expect_edit(bom_flow, SET("a", FIELD_DUE, "2026-05-01"), NULL);
}

/* Unknown keys everywhere: before, between and after the known ones, nested. */
static const char unknown[] =
	"x-top: 1\n"
	"charter:\n  title: T\n  signed: 2026-02-09\n  place: Baku\n"
	"working_groups:\n  - id: g\n    x-before: {a: [1, 2]}\n    name: G\n"
	"    milestones:\n"
	"      - x-first: yes\n"
	"        id: a\n"
	"        x-mid:\n"
	"          deep: [1, 2]\n"
	"          list:\n"
	"            - one\n"
	"        title: A\n"
	"        status: done\n"
	"        x-last:\n"
	"          k: v\n"
	"    x-after: true\n"
	"x-end: ~\n";

static void test_unknown_keys(void **state)
{
	(void)state;
	expect_span(unknown, SET("a", FIELD_TITLE, "B"), "A");
	expect_edit(unknown, SET("a", FIELD_OWNER, "O"),
	            "x-top: 1\n"
	            "charter:\n  title: T\n  signed: 2026-02-09\n  place: Baku\n"
	            "working_groups:\n  - id: g\n    x-before: {a: [1, 2]}\n    name: G\n"
	            "    milestones:\n"
	            "      - x-first: yes\n"
	            "        id: a\n"
	            "        x-mid:\n"
	            "          deep: [1, 2]\n"
	            "          list:\n"
	            "            - one\n"
	            "        title: A\n"
	            "        status: done\n"
	            "        x-last:\n"
	            "          k: v\n"
	            "        owner: O\n"
	            "    x-after: true\n"
	            "x-end: ~\n");
	expect_edit(unknown, ADD("g", "b", "B"),
	            "x-top: 1\n"
	            "charter:\n  title: T\n  signed: 2026-02-09\n  place: Baku\n"
	            "working_groups:\n  - id: g\n    x-before: {a: [1, 2]}\n    name: G\n"
	            "    milestones:\n"
	            "      - x-first: yes\n"
	            "        id: a\n"
	            "        x-mid:\n"
	            "          deep: [1, 2]\n"
	            "          list:\n"
	            "            - one\n"
	            "        title: A\n"
	            "        status: done\n"
	            "        x-last:\n"
	            "          k: v\n"
	            "      - id: b\n"
	            "        title: B\n"
	            "        status: not_started\n"
	            "    x-after: true\n"
	            "x-end: ~\n");
	expect_edit(unknown, RM("a"),
	            "x-top: 1\n"
	            "charter:\n  title: T\n  signed: 2026-02-09\n  place: Baku\n"
	            "working_groups:\n  - id: g\n    x-before: {a: [1, 2]}\n    name: G\n"
	            "    milestones:\n"
	            "    x-after: true\n"
	            "x-end: ~\n");
}

/* Values that a plain scalar would turn into something else. */
static void test_values_that_need_quotes(void **state)
{
	(void)state;
	static const char text[] = MS
		"      - id: a\n        title: Alpha  # c\n        status: done\n        owner: Bob\n"
		"      - {id: f, title: Flow, status: done, owner: Ann}\n";
	static const char *const values[] = {
		"yes", "no", "on", "off", "Y", "null", "~", "true", "a: b", "a #b", "*star", "&amp", "!bang",
		"-", "- dash", "'", "\"", "'quoted'", "2026", "2026-02-09", "1.0", "0x10", "1:30",
		" leading", "trailing ", "tab\tinside", "line\xe2\x80\xa8sep", "bell\x07", "c1\xc2\x81",
		"[x]", "{x}", "a, b", "? q", "%p", "@a", "`b", "|", ">", "#", "a:", "<<", "=", "why?",
		"back\\slash", "ü: ä", "\xef\xbb\xbf\x62om", /* a BOM, then "bom" */
	};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		expect_edit(text, SET("a", FIELD_TITLE, values[i]), NULL);
		expect_edit(text, SET("a", FIELD_OWNER, values[i]), NULL);
		expect_edit(text, SET("f", FIELD_TITLE, values[i]), NULL);
		expect_edit(text, SET("f", FIELD_NOTES, values[i]), NULL);
	}
	expect_edit(text, SET("a", FIELD_OWNER, "yes"),
	            MS "      - id: a\n        title: Alpha  # c\n        status: done\n        owner: 'yes'\n"
	            "      - {id: f, title: Flow, status: done, owner: Ann}\n");
	expect_edit(text, SET("a", FIELD_TITLE, "2026"),
	            MS "      - id: a\n        title: '2026'  # c\n        status: done\n        owner: Bob\n"
	            "      - {id: f, title: Flow, status: done, owner: Ann}\n");
	expect_edit(text, SET("a", FIELD_TITLE, "tab\there"),
	            MS "      - id: a\n        title: \"tab\\there\"  # c\n        status: done\n        owner: Bob\n"
	            "      - {id: f, title: Flow, status: done, owner: Ann}\n");
	expect_edit(text, SET("a", FIELD_TITLE, "u\xe2\x80\xa8"),
	            MS "      - id: a\n        title: \"u\\L\"  # c\n        status: done\n        owner: Bob\n"
	            "      - {id: f, title: Flow, status: done, owner: Ann}\n");
}

static const char anchors[] = MS
	"      - id: a\n        title: A\n        status: done\n        owner: &lead Secretariat\n"
	"      - id: b\n        title: B\n        status: done\n        owner: *lead\n"
	"      - id: c\n        title: C\n        status: done\n        owner: *lead   # same\n";

static void test_anchor_and_alias(void **state)
{
	(void)state;
	expect_refused(anchors, SET("a", FIELD_OWNER, "Other"), "anchor");
	expect_refused(anchors, SET("a", FIELD_OWNER, ""), "anchor");
	/* An alias is one place: replacing it leaves the anchor and other aliases. */
	expect_edit(anchors, SET("b", FIELD_OWNER, "Other"),
	            MS
	            "      - id: a\n        title: A\n        status: done\n        owner: &lead Secretariat\n"
	            "      - id: b\n        title: B\n        status: done\n        owner: Other\n"
	            "      - id: c\n        title: C\n        status: done\n        owner: *lead   # same\n");
	expect_span(anchors, SET("c", FIELD_OWNER, "yes"), "*lead");
	expect_edit(anchors, SET("c", FIELD_OWNER, ""), NULL);
	/* Removing the anchor's milestone would leave the aliases dangling. */
	expect_refused(anchors, RM("a"), "anchor");
	expect_edit(anchors, RM("b"), NULL);
	/* An anchor nothing refers to is no obstacle. */
	static const char unused[] = MS "      - id: a\n        title: &t A\n        status: done\n";
	expect_edit(unused, SET("a", FIELD_TITLE, "B"), MS "      - id: a\n        title: B\n        status: done\n");
	expect_edit(unused, RM("a"), MS);
}

/* Values on their own line, over several lines, tagged, under quoted keys. */
static void test_value_layouts(void **state)
{
	(void)state;
	static const char text[] = MS
		"      - id: a\n"
		"        title:\n          Alpha on the next line\n"
		"        status: !!str done\n"
		"        \"owner\": plain over\n          two lines   # c\n"
		"        notes: \"quoted over\n          two lines\"   # d\n"
		"      - owner: |\n          first key, a block\n\n        id: b\n        title: B\n        status: done\n";
	expect_span(text, SET("a", FIELD_TITLE, "T"), "Alpha on the next line");
	expect_span(text, SET("a", FIELD_STATUS, "blocked"), "!!str done");
	expect_span(text, SET("a", FIELD_OWNER, "O"), "plain over\n          two lines");
	expect_span(text, SET("a", FIELD_NOTES, "N"), "\"quoted over\n          two lines\"");
	expect_edit(text, SET("a", FIELD_NOTES, "one\ntwo"),
	            MS
	            "      - id: a\n"
	            "        title:\n          Alpha on the next line\n"
	            "        status: !!str done\n"
	            "        \"owner\": plain over\n          two lines   # c\n"
	            "        notes: |- # d\n          one\n          two\n"
	            "      - owner: |\n          first key, a block\n\n        id: b\n        title: B\n        status: done\n");
	expect_edit(text, SET("a", FIELD_OWNER, ""),
	            MS
	            "      - id: a\n"
	            "        title:\n          Alpha on the next line\n"
	            "        status: !!str done\n"
	            "        notes: \"quoted over\n          two lines\"   # d\n"
	            "      - owner: |\n          first key, a block\n\n        id: b\n        title: B\n        status: done\n");
	expect_edit(text, SET("b", FIELD_OWNER, ""),
	            MS
	            "      - id: a\n"
	            "        title:\n          Alpha on the next line\n"
	            "        status: !!str done\n"
	            "        \"owner\": plain over\n          two lines   # c\n"
	            "        notes: \"quoted over\n          two lines\"   # d\n"
	            "      - id: b\n        title: B\n        status: done\n");
	expect_edit(text, SET("b", FIELD_OWNER, "X"),
	            MS
	            "      - id: a\n"
	            "        title:\n          Alpha on the next line\n"
	            "        status: !!str done\n"
	            "        \"owner\": plain over\n          two lines   # c\n"
	            "        notes: \"quoted over\n          two lines\"   # d\n"
	            "      - owner: |-\n          X\n\n        id: b\n        title: B\n        status: done\n");
	expect_edit(text, ADD("g", "c", "C"), NULL);
	expect_edit(text, RM("a"), NULL);
}

static void test_tab_after_colon(void **state)
{
	(void)state;
	static const char text[] = MS "      - id: a\n        title:\tA\n        status:\tdone\n";
	expect_edit(text, SET("a", FIELD_STATUS, "blocked"), MS "      - id: a\n        title:\tA\n        status:\tblocked\n");
	expect_edit(text, SET("a", FIELD_TITLE, "yes"), MS "      - id: a\n        title:\t'yes'\n        status:\tdone\n");
	expect_edit(text, SET("a", FIELD_OWNER, "O"), NULL);
}

static void test_no_final_newline(void **state)
{
	(void)state;
	static const char text[] = MS "      - id: a\n        title: A\n        status: done";
	expect_edit(text, SET("a", FIELD_STATUS, "blocked"), MS "      - id: a\n        title: A\n        status: blocked");
	expect_edit(text, SET("a", FIELD_OWNER, "O"),
	            MS "      - id: a\n        title: A\n        status: done\n        owner: O\n");
	expect_edit(text, ADD("g", "b", "B"),
	            MS "      - id: a\n        title: A\n        status: done\n"
	            "      - id: b\n        title: B\n        status: not_started\n");
	expect_edit(text, RM("a"), MS);
	static const char two[] = MS "      - id: a\n        title: A\n        status: done\n"
	                          "      - id: b\n        title: B\n        status: done   # end";
	expect_edit(two, RM("b"), MS "      - id: a\n        title: A\n        status: done\n");
	expect_edit(two, SET("b", FIELD_TITLE, "Bee"), NULL);
	static const char block_end[] = MS "      - id: a\n        title: A\n        status: done\n        notes: |\n          n";
	/* The file ends inside a block scalar: the break added after it would
	 * join the value ("n" becoming "n\n"), unless the block strips it. */
	expect_edit(block_end, SET("a", FIELD_OWNER, "O"),
	            MS "      - id: a\n        title: A\n        status: done\n        notes: |-\n          n\n        owner: O\n");
	static const char keep_end[] = MS "      - id: a\n        title: A\n        status: done\n        notes: |2+ # k\n          n";
	expect_edit(keep_end, ADD("g", "b", "B"),
	            MS "      - id: a\n        title: A\n        status: done\n        notes: |2- # k\n          n\n"
	            "      - id: b\n        title: B\n        status: not_started\n");
	expect_edit(block_end, SET("a", FIELD_NOTES, "m"),
	            MS "      - id: a\n        title: A\n        status: done\n        notes: |-\n          m");
	expect_edit(block_end, SET("a", FIELD_NOTES, "m\n\nn\n"),
	            MS "      - id: a\n        title: A\n        status: done\n        notes: |\n          m\n\n          n\n");
	static const char plain_end[] = MS "      - id: a\n        title: A\n        status: done\n        notes: n   # c";
	expect_edit(plain_end, SET("a", FIELD_NOTES, "m\nn\n"),
	            MS "      - id: a\n        title: A\n        status: done\n        notes: | # c\n          m\n          n\n");
	expect_edit(block_end, ADD("g", "b", "B"), NULL);
}

static const char optional[] = MS
	"      - id: a\n        title: A\n        status: done\n"
	"      - id: b   # with notes last\n        title: B\n        status: done\n"
	"        notes: >\n          folded\n          notes\n\n        # trailing comment\n\n"
	"      - id: c\n        title: C\n        status: done\n        owner: O   # keep me\n"
	"        due: 2026-04-01\n        notes: N\n";

static void test_set_missing_field(void **state)
{
	(void)state;
	expect_edit(optional, SET("a", FIELD_OWNER, "Owner"),
	            MS
	            "      - id: a\n        title: A\n        status: done\n        owner: Owner\n"
	            "      - id: b   # with notes last\n        title: B\n        status: done\n"
	            "        notes: >\n          folded\n          notes\n\n        # trailing comment\n\n"
	            "      - id: c\n        title: C\n        status: done\n        owner: O   # keep me\n"
	            "        due: 2026-04-01\n        notes: N\n");
	expect_edit(optional, SET("a", FIELD_DUE, "2026-06-30"), NULL);
	expect_edit(optional, SET("a", FIELD_NOTES, "two\nlines"),
	            MS
	            "      - id: a\n        title: A\n        status: done\n        notes: |-\n          two\n          lines\n"
	            "      - id: b   # with notes last\n        title: B\n        status: done\n"
	            "        notes: >\n          folded\n          notes\n\n        # trailing comment\n\n"
	            "      - id: c\n        title: C\n        status: done\n        owner: O   # keep me\n"
	            "        due: 2026-04-01\n        notes: N\n");
	/* After a block scalar: before its trailing blank lines and comment. */
	expect_edit(optional, SET("b", FIELD_DUE, "2026-07-01"),
	            MS
	            "      - id: a\n        title: A\n        status: done\n"
	            "      - id: b   # with notes last\n        title: B\n        status: done\n"
	            "        notes: >\n          folded\n          notes\n        due: 2026-07-01\n\n        # trailing comment\n\n"
	            "      - id: c\n        title: C\n        status: done\n        owner: O   # keep me\n"
	            "        due: 2026-04-01\n        notes: N\n");
	/* An empty value (`owner:`) and a null (`owner: ~`) are filled in place. */
	static const char empty[] = MS "      - id: a\n        title: A\n        owner:\n        status: done\n        due: ~ # later\n";
	expect_edit(empty, SET("a", FIELD_OWNER, "O"), MS "      - id: a\n        title: A\n        owner: O\n        status: done\n        due: ~ # later\n");
	expect_edit(empty, SET("a", FIELD_DUE, "2026-03-03"), MS "      - id: a\n        title: A\n        owner:\n        status: done\n        due: 2026-03-03 # later\n");
	static const char empty_notes[] = MS "      - id: a\n        title: A\n        status: done\n        notes:   # later\n        owner:\n";
	expect_edit(empty_notes, SET("a", FIELD_NOTES, "one\ntwo"),
	            MS "      - id: a\n        title: A\n        status: done\n        notes: |- # later\n"
	            "          one\n          two\n        owner:\n");
	expect_edit(empty_notes, SET("a", FIELD_OWNER, "O"),
	            MS "      - id: a\n        title: A\n        status: done\n        notes:   # later\n        owner: O\n");
	expect_edit(empty_notes, SET("a", FIELD_NOTES, "x"),
	            MS "      - id: a\n        title: A\n        status: done\n        notes: x   # later\n        owner:\n");
}

static void test_clear_field(void **state)
{
	(void)state;
	expect_edit(optional, SET("c", FIELD_OWNER, ""),
	            MS
	            "      - id: a\n        title: A\n        status: done\n"
	            "      - id: b   # with notes last\n        title: B\n        status: done\n"
	            "        notes: >\n          folded\n          notes\n\n        # trailing comment\n\n"
	            "      - id: c\n        title: C\n        status: done\n"
	            "        due: 2026-04-01\n        notes: N\n");
	expect_edit(optional, SET("c", FIELD_NOTES, ""),
	            MS
	            "      - id: a\n        title: A\n        status: done\n"
	            "      - id: b   # with notes last\n        title: B\n        status: done\n"
	            "        notes: >\n          folded\n          notes\n\n        # trailing comment\n\n"
	            "      - id: c\n        title: C\n        status: done\n        owner: O   # keep me\n"
	            "        due: 2026-04-01\n");
	/* A block scalar goes with its lines; the blank lines and comment after it stay. */
	expect_edit(optional, SET("b", FIELD_NOTES, ""),
	            MS
	            "      - id: a\n        title: A\n        status: done\n"
	            "      - id: b   # with notes last\n        title: B\n        status: done\n"
	            "\n        # trailing comment\n\n"
	            "      - id: c\n        title: C\n        status: done\n        owner: O   # keep me\n"
	            "        due: 2026-04-01\n        notes: N\n");
	expect_refused(optional, SET("a", FIELD_OWNER, ""), "already empty");
	expect_refused(optional, SET("a", FIELD_TITLE, ""), "title cannot be empty");
	/* The first key on the dash line: the next key moves up. */
	static const char first[] = MS "      - owner: O\n        id: a\n        title: A\n        status: done\n";
	expect_edit(first, SET("a", FIELD_OWNER, ""), MS "      - id: a\n        title: A\n        status: done\n");
}

/* `due: ~` is "no date yet", an absent due the roadmap deadline: the edit
 * path writes and removes the null as such, never as the text '~'. */
static void test_due_no_date(void **state)
{
	(void)state;
	static const char dated[] = MS "      - id: a\n        title: A\n        status: done\n        due: \"2026-03-01\"\n"
	                            "      - {id: b, title: B, status: done}\n";
	expect_edit(dated, SET("a", FIELD_DUE, EDIT_NO_DATE),
	            MS "      - id: a\n        title: A\n        status: done\n        due: ~\n"
	            "      - {id: b, title: B, status: done}\n");
	expect_edit(dated, SET("b", FIELD_DUE, EDIT_NO_DATE),
	            MS "      - id: a\n        title: A\n        status: done\n        due: \"2026-03-01\"\n"
	            "      - {id: b, title: B, status: done, due: ~}\n");
	static const char unset[] = MS "      - id: a\n        title: A\n        status: done\n        due: ~ # later\n";
	expect_edit(unset, SET("a", FIELD_DUE, "2027-01-01"),
	            MS "      - id: a\n        title: A\n        status: done\n        due: 2027-01-01 # later\n");
	/* Clearing `due: ~` removes the key: back to the roadmap deadline. */
	expect_edit(unset, SET("a", FIELD_DUE, ""), MS "      - id: a\n        title: A\n        status: done\n");
	/* Read back as "~" so a form or --expect can tell the two apart. */
	struct charter c;
	load_n(&c, unset, strlen(unset));
	char buf[DATE_TEXT_SIZE];
	assert_string_equal(milestone_field(&c.milestones[0], FIELD_DUE, buf), EDIT_NO_DATE);
	charter_fini(&c);
	char why[128];
	assert_true(edit_check_value(FIELD_DUE, EDIT_NO_DATE, why, sizeof why));
	assert_false(edit_check_value(FIELD_DUE, "none", why, sizeof why));
}

static void test_add_milestone(void **state)
{
	(void)state;
	static const char block[] = MS
		"      - id: a\n        title: A\n        status: done\n\n    # the next group\n"
		"  - id: h\n    name: H\n    milestones:   # none yet\n"
		"  - id: k\n    name: K\n"
		"  - id: m\n    name: M\n    milestones: ~\n";
	expect_edit(block, ADD("g", "b", "New: one"),
	            MS
	            "      - id: a\n        title: A\n        status: done\n"
	            "      - id: b\n        title: 'New: one'\n        status: not_started\n\n    # the next group\n"
	            "  - id: h\n    name: H\n    milestones:   # none yet\n"
	            "  - id: k\n    name: K\n"
	            "  - id: m\n    name: M\n    milestones: ~\n");
	expect_edit(block, ADD("h", "b", "B"),
	            MS
	            "      - id: a\n        title: A\n        status: done\n\n    # the next group\n"
	            "  - id: h\n    name: H\n    milestones:   # none yet\n"
	            "      - id: b\n        title: B\n        status: not_started\n"
	            "  - id: k\n    name: K\n"
	            "  - id: m\n    name: M\n    milestones: ~\n");
	expect_edit(block, ADD("k", "b", "B"),
	            MS
	            "      - id: a\n        title: A\n        status: done\n\n    # the next group\n"
	            "  - id: h\n    name: H\n    milestones:   # none yet\n"
	            "  - id: k\n    name: K\n"
	            "    milestones:\n      - id: b\n        title: B\n        status: not_started\n"
	            "  - id: m\n    name: M\n    milestones: ~\n");
	expect_edit(block, ADD("m", "b", "B"),
	            MS
	            "      - id: a\n        title: A\n        status: done\n\n    # the next group\n"
	            "  - id: h\n    name: H\n    milestones:   # none yet\n"
	            "  - id: k\n    name: K\n"
	            "  - id: m\n    name: M\n    milestones:\n      - id: b\n        title: B\n        status: not_started\n");
	expect_refused(block, ADD("g", "a", "Again"), "already exists");
	expect_refused(block, ADD("nope", "z", "Z"), "no working group");
	expect_refused(block, ADD("g", "has space", "Z"), "whitespace");

	/* The last item ends with a block scalar: the new one goes after its content. */
	static const char notes_last[] = MS
		"    - id: a\n      title: A\n      status: done\n      notes: |\n        n1\n\n        n3\n\n    # c\n";
	expect_edit(notes_last, ADD("g", "b", "B"),
	            MS
	            "    - id: a\n      title: A\n      status: done\n      notes: |\n        n1\n\n        n3\n"
	            "    - id: b\n      title: B\n      status: not_started\n\n    # c\n");
	/* Flow items in a block list get a flow item. */
	expect_edit(flow_map, ADD("g", "new", "Nu"),
	            MS "      - {id: a, title: b, status: done}\n"
	            "      - {id: c, title: 'd', status: in_progress, owner: \"E\", due: 2026-04-01}\n"
	            "      - {id: new, title: Nu, status: not_started}\n");
	/* A flow group without milestones. */
	static const char flow_group[] = "charter: {title: T, signed: 2026-02-09}\nworking_groups:\n  - {id: g, name: G}\n";
	expect_edit(flow_group, ADD("g", "new", "Nu"),
	            "charter: {title: T, signed: 2026-02-09}\nworking_groups:\n"
	            "  - {id: g, name: G, milestones: [{id: new, title: Nu, status: not_started}]}\n");
	/* An indentless list, and a dash alone on its line. */
	static const char indentless[] = MS "    - id: a\n      title: A\n      status: done\n";
	expect_edit(indentless, ADD("g", "new", "Nu"),
	            MS "    - id: a\n      title: A\n      status: done\n    - id: new\n      title: Nu\n      status: not_started\n");
	static const char lone_dash[] = MS "      -\n        id: a\n        title: A\n        status: done\n";
	expect_edit(lone_dash, ADD("g", "new", "Nu"),
	            MS "      -\n        id: a\n        title: A\n        status: done\n"
	            "      - id: new\n        title: Nu\n        status: not_started\n");
	expect_edit(lone_dash, RM("a"), MS);
}

static void test_remove_milestone(void **state)
{
	(void)state;
	static const char three[] = MS
		"      # first one\n"
		"      - id: a\n        title: A\n        status: done\n"
		"      - id: b   # middle\n        title: B\n        status: done\n        notes: |\n          nb\n\n"
		"      - id: c\n        title: C\n        status: done\n"
		"  - id: h\n    name: H\n    milestones:\n      - {id: only, title: O, status: done}\n";
	expect_edit(three, RM("a"),
	            MS
	            "      # first one\n"
	            "      - id: b   # middle\n        title: B\n        status: done\n        notes: |\n          nb\n\n"
	            "      - id: c\n        title: C\n        status: done\n"
	            "  - id: h\n    name: H\n    milestones:\n      - {id: only, title: O, status: done}\n");
	expect_edit(three, RM("b"),
	            MS
	            "      # first one\n"
	            "      - id: a\n        title: A\n        status: done\n"
	            "\n"
	            "      - id: c\n        title: C\n        status: done\n"
	            "  - id: h\n    name: H\n    milestones:\n      - {id: only, title: O, status: done}\n");
	expect_edit(three, RM("c"),
	            MS
	            "      # first one\n"
	            "      - id: a\n        title: A\n        status: done\n"
	            "      - id: b   # middle\n        title: B\n        status: done\n        notes: |\n          nb\n\n"
	            "  - id: h\n    name: H\n    milestones:\n      - {id: only, title: O, status: done}\n");
	expect_edit(three, RM("only"),
	            MS
	            "      # first one\n"
	            "      - id: a\n        title: A\n        status: done\n"
	            "      - id: b   # middle\n        title: B\n        status: done\n        notes: |\n          nb\n\n"
	            "      - id: c\n        title: C\n        status: done\n"
	            "  - id: h\n    name: H\n    milestones:\n");
	expect_refused(three, RM("zzz"), "no milestone");
	static const char trailing_comma[] = HEAD "    milestones: [{id: a, title: A, status: done}, ]\n";
	expect_edit(trailing_comma, RM("a"), HEAD "    milestones: [ ]\n");
	static const char two_commas[] = HEAD "    milestones: [{id: a, title: A, status: done}, {id: b, title: B, status: done},]\n";
	expect_edit(two_commas, RM("b"), HEAD "    milestones: [{id: a, title: A, status: done},]\n");
	/* Removing and adding back gives a file that still loads. */
	expect_edit(flow_map, RM("a"), NULL);
	expect_edit(flow_map, RM("c"), MS "      - {id: a, title: b, status: done}\n");
}

static void test_refusals(void **state)
{
	(void)state;
	expect_refused(optional, SET("zzz", FIELD_STATUS, "done"), "no milestone");
	expect_refused(optional, SET("a", FIELD_STATUS, "finished"), "not one of");
	expect_refused(optional, SET("a", FIELD_DUE, "2026-02-30"), "February 2026 has 28 days");
	expect_refused(optional, SET("a", FIELD_DUE, "soon"), "YYYY-MM-DD");
	expect_refused(optional, SET("a", FIELD_OWNER, "bad \xff utf-8"), "UTF-8");
	/* A value written as a list is not a single value. */
	static const char list_owner[] = MS "      - id: a\n        title: A\n        status: done\n        x: [1]\n";
	expect_edit(list_owner, SET("a", FIELD_OWNER, "O"), NULL);
}

/* Comments in a multi-line flow collection stay on their lines; a removed
 * entry takes only its own (issue 12, item 7). */
static void test_flow_comments(void **state)
{
	(void)state;
	static const char list[] = MS "      - id: z\n        title: Z\n        status: done\n"
	                           "  - id: h\n    name: H\n    milestones: [\n"
	                           "     {id: a, title: A, status: done},  # first\n"
	                           "     {id: b, title: B, status: done}   # second\n"
	                           "    ]\n";
	expect_edit(list, RM("b"), MS "      - id: z\n        title: Z\n        status: done\n"
	            "  - id: h\n    name: H\n    milestones: [\n     {id: a, title: A, status: done}  # first\n    ]\n");
	expect_edit(list, RM("a"), MS "      - id: z\n        title: Z\n        status: done\n"
	            "  - id: h\n    name: H\n    milestones: [\n     {id: b, title: B, status: done}   # second\n    ]\n");
	expect_edit(list, SET("a", FIELD_OWNER, "Bob"), NULL);
	/* the first item on the bracket's line, the next one below */
	static const char bracket[] = MS "      - id: z\n        title: Z\n        status: done\n"
	                              "  - id: h\n    name: H\n    milestones: [{id: a, title: A, status: done},  # first\n"
	                              "     {id: b, title: B, status: done}]  # second\n";
	expect_edit(bracket, RM("a"), MS "      - id: z\n        title: Z\n        status: done\n"
	                              "  - id: h\n    name: H\n    milestones: [{id: b, title: B, status: done}]  # second\n");
	expect_edit(bracket, RM("b"), MS "      - id: z\n        title: Z\n        status: done\n"
	                              "  - id: h\n    name: H\n    milestones: [{id: a, title: A, status: done}  # first\n"
	                              "     ]  # second\n");
	/* two items on one line, a comment after the second */
	static const char shared[] = MS "      - id: z\n        title: Z\n        status: done\n"
	                             "  - id: h\n    name: H\n    milestones: [{id: a, title: A, status: done}, {id: b, title: B, status: done},  # ab\n"
	                             "     {id: c, title: C, status: done}]\n";
	expect_edit(shared, RM("b"), MS "      - id: z\n        title: Z\n        status: done\n"
	                             "  - id: h\n    name: H\n    milestones: [{id: a, title: A, status: done},  # ab\n"
	                             "     {id: c, title: C, status: done}]\n");
	/* a multi-line flow mapping: clearing a field keeps every comment on its line */
	static const char map[] = MS "      - {id: a, title: A,   # first\n"
	                          "         status: done,      # s\n"
	                          "         owner: X}          # o\n"
	                          "      - {id: b,\n"
	                          "         owner: Y,  # y\n"
	                          "         title: B, status: done}\n";
	expect_edit(map, SET("a", FIELD_OWNER, ""), MS "      - {id: a, title: A,   # first\n"
	                                           "         status: done      # s\n"
	                                           "         }          # o\n"
	                                           "      - {id: b,\n"
	                                           "         owner: Y,  # y\n"
	                                           "         title: B, status: done}\n");
	expect_edit(map, SET("b", FIELD_OWNER, ""), MS "      - {id: a, title: A,   # first\n"
	                                           "         status: done,      # s\n"
	                                           "         owner: X}          # o\n"
	                                           "      - {id: b,\n"
	                                           "         title: B, status: done}\n");
	expect_edit(map, SET("a", FIELD_STATUS, "blocked"), NULL);
	expect_edit(map, SET("a", FIELD_NOTES, "N"), NULL);
	expect_edit(map, RM("a"), MS "      - {id: b,\n         owner: Y,  # y\n         title: B, status: done}\n");
}

/* A file whose lines end in CR alone gets CR in what is inserted too
 * (issue 12, "Also"). */
static void test_cr_only(void **state)
{
	(void)state;
	static const char cr[] = "charter:\r  title: T\r  signed: 2026-02-09\rworking_groups:\r  - id: g\r    name: G\r"
	                         "    milestones:\r      - id: a\r        title: A\r        status: done\r"
	                         "        notes: |\r          two\r          lines\r";
	expect_edit(cr, ADD("g", "c", "New"),
	            "charter:\r  title: T\r  signed: 2026-02-09\rworking_groups:\r  - id: g\r    name: G\r"
	            "    milestones:\r      - id: a\r        title: A\r        status: done\r"
	            "        notes: |\r          two\r          lines\r"
	            "      - id: c\r        title: New\r        status: not_started\r");
	expect_edit(cr, SET("a", FIELD_OWNER, "Bob"), NULL);
	expect_edit(cr, SET("a", FIELD_NOTES, "one\ntwo\n"), NULL);
	expect_edit(cr, RM("a"), NULL);
	static const char no_list[] = "charter:\r  title: T\r  signed: 2026-02-09\rworking_groups:\r  - id: g\r    name: G\r"
	                              "  - id: h\r    name: H\r    milestones: [{id: z, title: Z, status: done}]\r";
	expect_edit(no_list, ADD("g", "c", "New"), NULL);
}

/* The only item of a tagged list goes: the list is written [] after its
 * tag, which could not stand on an empty value (issue 12, "Also"). */
static void test_remove_only_item_of_tagged_list(void **state)
{
	(void)state;
	expect_edit(HEAD "    milestones: !!seq\n      - id: a\n        title: A\n        status: done\n", RM("a"),
	            HEAD "    milestones: !!seq []\n");
	expect_edit(HEAD "    milestones: &l !!seq   # the list\n\n      - id: a\n        title: A\n        status: done\n"
	                 "    x: 1\n",
	            RM("a"), HEAD "    milestones: &l !!seq []   # the list\n\n    x: 1\n");
	/* untagged, it is left `milestones:` as before */
	expect_edit(HEAD "    milestones:\n      - id: a\n        title: A\n        status: done\n", RM("a"),
	            HEAD "    milestones:\n");
}

/* --- the whole-document verification ---------------------------------------- */

/* patch_verify(before, after-text, e) with a hand-made result. */
static bool verify_text(const char *before_text, const char *after_text, struct edit e, char *why, size_t size)
{
	struct charter before, after;
	load_n(&before, before_text, strlen(before_text));
	load_n(&after, after_text, strlen(after_text));
	why[0] = '\0';
	bool ok = patch_verify(&before, &after, &e, why, size);
	charter_fini(&before);
	charter_fini(&after);
	return ok;
}

static void expect_verify_refuses(const char *before, const char *after, struct edit e, const char *because)
{
	char why[512];
	bool ok = verify_text(before, after, e, why, sizeof why);
	if (ok || !strstr(why, because))
		print_message("why: %s\n", why);
	assert_false(ok);
	assert_non_null(strstr(why, because));
}

/* Values the model does not hold are compared too: a change to any of
 * them, or to key order, structure, style or a tag, is refused. */
static void test_verify_whole_document(void **state)
{
	(void)state;
	static const char base[] = MS "      - id: a\n        title: A\n        status: done\n"
	                              "        x-log: |+\n          text\n\n\n"
	                              "        x-list: [1, 2]\n        x-tag: !!str 3\n"
	                              "      - id: b\n        title: B\n        status: done\n"
	                              "    description: keep\n";
	char why[512];
	/* the intended change alone passes */
	assert_true(verify_text(base, MS "      - id: a\n        title: A\n        status: done\n"
	                                 "        x-log: |+\n          text\n\n\n"
	                                 "        x-list: [1, 2]\n        x-tag: !!str 3\n"
	                                 "        owner: Bob\n"
	                                 "      - id: b\n        title: B\n        status: done\n"
	                                 "    description: keep\n",
	                        SET("a", FIELD_OWNER, "Bob"), why, sizeof why));
	/* keep-chomped block losing its trailing lines (issue 12, item 2) */
	expect_verify_refuses(base, MS "      - id: a\n        title: A\n        status: done\n"
	                               "        x-log: |+\n          text\n"
	                               "        owner: Bob\n\n\n"
	                               "        x-list: [1, 2]\n        x-tag: !!str 3\n"
	                               "      - id: b\n        title: B\n        status: done\n"
	                               "    description: keep\n",
	                      SET("a", FIELD_OWNER, "Bob"), "line 11 of the original: a value would change");
	/* an unknown list, a tag, an unmodelled key of a group, key order */
	static const char *const wrong[] = {
		MS "      - id: a\n        title: A\n        status: done\n        x-log: |+\n          text\n\n\n"
		   "        x-list: [1, 3]\n        x-tag: !!str 3\n        owner: Bob\n"
		   "      - id: b\n        title: B\n        status: done\n    description: keep\n",
		MS "      - id: a\n        title: A\n        status: done\n        x-log: |+\n          text\n\n\n"
		   "        x-list: [1, 2]\n        x-tag: !!int 3\n        owner: Bob\n"
		   "      - id: b\n        title: B\n        status: done\n    description: keep\n",
		MS "      - id: a\n        title: A\n        status: done\n        x-log: |+\n          text\n\n\n"
		   "        x-list: [1, 2]\n        x-tag: !!str 3\n        owner: Bob\n"
		   "      - id: b\n        title: B\n        status: done\n    description: 'keep'\n",
		MS "      - id: a\n        title: A\n        status: done\n        x-log: |+\n          text\n\n\n"
		   "        x-tag: !!str 3\n        x-list: [1, 2]\n        owner: Bob\n"
		   "      - id: b\n        title: B\n        status: done\n    description: keep\n",
		MS "      - id: a\n        title: A\n        status: done\n        x-log: |+\n          text\n\n\n"
		   "        x-list: [1, 2]\n        x-tag: !!str 3\n        owner: Bob\n        x-new: 1\n"
		   "      - id: b\n        title: B\n        status: done\n    description: keep\n",
	};
	for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++)
		expect_verify_refuses(base, wrong[i], SET("a", FIELD_OWNER, "Bob"), "the change would alter the document");
	/* an added milestone with a key too many; a removal that takes two */
	expect_verify_refuses(base, MS "      - id: a\n        title: A\n        status: done\n"
	                               "        x-log: |+\n          text\n\n\n"
	                               "        x-list: [1, 2]\n        x-tag: !!str 3\n"
	                               "      - id: b\n        title: B\n        status: done\n"
	                               "      - id: c\n        title: C\n        status: not_started\n        x: 1\n"
	                               "    description: keep\n",
	                      ADD("g", "c", "C"), "the changed value is not what was meant");
	expect_verify_refuses(base, MS "      - id: a\n        title: A\n        status: done\n"
	                               "        x-log: |+\n          text\n\n\n"
	                               "        x-list: [1, 2]\n"
	                               "    description: keep\n",
	                      RM("b"), "the change would alter the document");
}

/* The bytes outside the edited span are checked against the edit itself. */
static void test_verify_splice(void **state)
{
	(void)state;
	static const char before_text[] = MS "      - id: a # one\n        title: A\n        status: done\n";
	static const char after_text[] = MS "      - id: a # two\n        title: A\n        status: done\n        owner: B\n";
	struct charter before, after;
	load_n(&before, before_text, strlen(before_text));
	load_n(&after, after_text, strlen(after_text));
	struct edit e = SET("a", FIELD_OWNER, "B");
	char why[512] = "";
	assert_true(patch_verify(&before, &after, &e, why, sizeof why)); /* comments are not in the tree */
	struct text_edit te;
	assert_true(patch_plan(&before, &e, &te, why, sizeof why));
	assert_false(patch_verify_splice(&before, &after, &e, &te, why, sizeof why));
	assert_non_null(strstr(why, "outside the edited span"));
	text_edit_fini(&te);
	charter_fini(&before);
	charter_fini(&after);
}

/* Keep chomping (|+, >+): the trailing blank lines are the value's own, and
 * whatever is added after it goes after them (issue 12, item 2). */
static void test_keep_chomped_block(void **state)
{
	(void)state;
	static const char log[] = MS "      - id: a\n        title: A\n        status: done\n"
	                             "        x-log: |+\n          text\n\n\n"
	                             "      - id: b\n        title: B\n        status: done\n";
	expect_edit(log, SET("a", FIELD_OWNER, "Bob"),
	            MS "      - id: a\n        title: A\n        status: done\n"
	               "        x-log: |+\n          text\n\n\n        owner: Bob\n"
	               "      - id: b\n        title: B\n        status: done\n");
	expect_edit(log, ADD("g", "c", "C"), NULL);
	expect_edit(log, RM("a"), MS "      - id: b\n        title: B\n        status: done\n");
	expect_edit(log, RM("b"), NULL);
	static const char described[] = HEAD "    description: >+\n      text\n\n\n"
	                                      "  - id: h\n    name: H\n    milestones: [{id: z, title: Z, status: done}]\n";
	expect_edit(described, ADD("g", "c", "C"),
	            HEAD "    description: >+\n      text\n\n\n    milestones:\n"
	                 "      - id: c\n        title: C\n        status: not_started\n"
	                 "  - id: h\n    name: H\n    milestones: [{id: z, title: Z, status: done}]\n");
	/* the last thing in the file, with a comment after the blank lines */
	static const char last[] = MS "      - id: a\n        title: A\n        status: done\n"
	                              "        x-log: |+\n          text\n\n"
	                              "# end\n";
	expect_edit(last, SET("a", FIELD_OWNER, "Bob"), NULL);
	expect_edit(last, ADD("g", "c", "C"), NULL);
	static const char no_final_break[] = MS "      - id: a\n        title: A\n        status: done\n"
	                                        "        x-log: |+\n          text";
	expect_edit(no_final_break, SET("a", FIELD_OWNER, "Bob"), NULL);
}

/* --- the independent reading ------------------------------------------------ */

static int group_setup(void **state)
{
	(void)state;
	snprintf(scratch, sizeof scratch, "%s", "/tmp/test_patch.XXXXXX");
	if (!mkdtemp(scratch))
		return -1;
	char path[128];
	snprintf(path, sizeof path, "%s/records.jsonl", scratch);
	records = fopen(path, "w");
	return records ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	if (records)
		fclose(records);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
	return system(cmd) == 0 ? 0 : -1;
}

/* Runs last: PyYAML reads every result of the tests above. */
static void test_pyyaml_reads_every_result(void **state)
{
	(void)state;
	static const char oracle[] = "tests/e2e/edit_oracle.py";
	if (access("/usr/bin/python3", X_OK) != 0 || access(oracle, R_OK) != 0 ||
	    system("/usr/bin/python3 -c 'import yaml' 2>/dev/null") != 0) {
		print_message("skipped: needs /usr/bin/python3 with PyYAML, run from the repository root\n");
		skip();
	}
	assert_int_equal(fflush(records), 0);
	assert_true(record_count > 150);
	char cmd[256];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s %s/records.jsonl", oracle, scratch);
	assert_int_equal(system(cmd), 0);
}


/* `completed` goes right after `status` (its line's comment stays on it),
 * in block and flow mappings, and comes out as it went in. */
static void test_completed_after_status(void **state)
{
	(void)state;
	static const char block[] = MS "      - id: a\n        title: A\n        status: done  # said so\n"
	                            "        owner: O\n";
	expect_edit(block, SET("a", FIELD_COMPLETED, "2026-05-12"),
	            MS "      - id: a\n        title: A\n        status: done  # said so\n        completed: 2026-05-12\n"
	            "        owner: O\n");
	static const char dashed[] = MS "      - status: done\n        id: a\n        title: A\n";
	expect_edit(dashed, SET("a", FIELD_COMPLETED, "2026-05-12"),
	            MS "      - status: done\n        completed: 2026-05-12\n        id: a\n        title: A\n");
	static const char last_no_newline[] = MS "      - id: a\n        title: A\n        status: done";
	expect_edit(last_no_newline, SET("a", FIELD_COMPLETED, "2026-05-12"),
	            MS "      - id: a\n        title: A\n        status: done\n        completed: 2026-05-12\n");
	expect_edit(flow_map, SET("c", FIELD_COMPLETED, "2026-05-12"),
	            MS "      - {id: a, title: b, status: done}\n"
	            "      - {id: c, title: 'd', status: in_progress, completed: 2026-05-12, owner: \"E\", due: 2026-04-01}\n");
	static const char has[] = MS "      - {id: a, title: A, status: done, completed: 2026-05-12, owner: O}\n"
	                          "      - id: b\n        title: B\n        status: done\n        completed: '2026-05-12'\n";
	expect_edit(has, SET("a", FIELD_COMPLETED, ""),
	            MS "      - {id: a, title: A, status: done, owner: O}\n"
	            "      - id: b\n        title: B\n        status: done\n        completed: '2026-05-12'\n");
	expect_edit(has, SET("b", FIELD_COMPLETED, "2026-06-01"),
	            MS "      - {id: a, title: A, status: done, completed: 2026-05-12, owner: O}\n"
	            "      - id: b\n        title: B\n        status: done\n        completed: '2026-06-01'\n");
	expect_edit(has, SET("b", FIELD_COMPLETED, ""),
	            MS "      - {id: a, title: A, status: done, completed: 2026-05-12, owner: O}\n"
	            "      - id: b\n        title: B\n        status: done\n");
	expect_refused(has, SET("b", FIELD_COMPLETED, "2026-06-31"), "not a valid date");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_safe),
		cmocka_unit_test(test_render_scalar),
		cmocka_unit_test(test_comment_after_value),
		cmocka_unit_test(test_scalar_styles),
		cmocka_unit_test(test_flow_mapping),
		cmocka_unit_test(test_completed_after_status),
		cmocka_unit_test(test_flow_sequence),
		cmocka_unit_test(test_utf8_before_value),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_unknown_keys),
		cmocka_unit_test(test_values_that_need_quotes),
		cmocka_unit_test(test_anchor_and_alias),
		cmocka_unit_test(test_value_layouts),
		cmocka_unit_test(test_tab_after_colon),
		cmocka_unit_test(test_no_final_newline),
		cmocka_unit_test(test_set_missing_field),
		cmocka_unit_test(test_clear_field),
		cmocka_unit_test(test_due_no_date),
		cmocka_unit_test(test_add_milestone),
		cmocka_unit_test(test_remove_milestone),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_verify_whole_document),
		cmocka_unit_test(test_verify_splice),
		cmocka_unit_test(test_keep_chomped_block),
		cmocka_unit_test(test_flow_comments),
		cmocka_unit_test(test_cr_only),
		cmocka_unit_test(test_remove_only_item_of_tagged_list),
		cmocka_unit_test(test_pyyaml_reads_every_result),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
