/* charterdash diff — field-level changes between two versions of a
 * charter, for people and for git:
 *   charterdash diff [--format text|json] OLD NEW
 *   charterdash diff --textconv FILE      (git's diff.charterdash.textconv)
 *   charterdash diff PATH OLD HEX MODE NEW HEX MODE   (GIT_EXTERNAL_DIFF) */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* getopt_long */
#endif
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/charter.h"
#include "charterdash/cli/cli.h"
#include "charterdash/report/compare.h"

/* git hands /dev/null for the side of an added or deleted file: no
 * milestones. */
static bool load_version(struct charter *c, const char *path, struct diag_list *diags)
{
	if (strcmp(path, "/dev/null") == 0) {
		memset(c, 0, sizeof *c);
		return true;
	}
	return charter_load_file(c, path, diags);
}

static int print_changes(const char *old_path, const char *new_path, bool json, const char *header)
{
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	struct charter a = { 0 }, b = { 0 };
	bool ok = load_version(&a, old_path, &diags);
	ok = load_version(&b, new_path, &diags) && ok;
	int rc = EXIT_DATA;
	struct compare_item *items = NULL;
	size_t n = ok ? compare_charters(&a, &b, &items) : 0;
	if (!ok) {
		diag_print(&diags, stderr);
	} else if (n == (size_t)-1) {
		fprintf(stderr, "charterdash diff: out of memory\n");
	} else {
		if (header)
			printf("%s\n", header);
		if (json)
			compare_print_json(stdout, &a, &b, items, n);
		else if (n == 0 && (a.text_len != b.text_len || (a.text && memcmp(a.text, b.text, a.text_len))))
			printf("no milestone changed (only comments, layout or keys charterdash does not model)\n");
		else
			compare_print_text(stdout, &a, &b, items, n);
		rc = EXIT_OK;
	}
	free(items);
	charter_fini(&a);
	charter_fini(&b);
	diag_fini(&diags);
	return rc;
}

/* textconv: the fields one per line; a file that does not load is shown
 * as it is, so `git diff` still says something. */
static int print_fields(const char *path)
{
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	struct charter c = { 0 };
	if (load_version(&c, path, &diags))
		compare_print_textconv(stdout, &c);
	else if (c.text)
		fwrite(c.text, 1, c.text_len, stdout);
	int rc = c.text || strcmp(path, "/dev/null") == 0 ? EXIT_OK : EXIT_DATA;
	if (rc != EXIT_OK)
		diag_print(&diags, stderr);
	charter_fini(&c);
	diag_fini(&diags);
	return rc;
}

int cmd_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "textconv", no_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool json = false, textconv = false;
	int opt, status;
	for (bool first = true; (opt = cli_next_option("diff", argc, argv, "", longopts, first, &status)) >= 0;
	     first = false) {
		if (opt == 't')
			textconv = true;
		else if (opt == 'f' && (strcmp(optarg, "json") == 0 || strcmp(optarg, "text") == 0))
			json = strcmp(optarg, "json") == 0;
		else if (opt == 'f')
			return cli_usage_error("diff", "unknown format '%s' (use text or json)", optarg);
	}
	if (opt == CLI_OPTIONS_EXIT)
		return status;
	int files = argc - optind;
	if (textconv)
		return files == 1 ? print_fields(argv[optind]) : cli_usage_error("diff", "--textconv takes one FILE");
	if (files == 7) { /* git's external diff: PATH OLD HEX MODE NEW HEX MODE */
		char header[512];
		snprintf(header, sizeof header, "charterdash diff a/%s b/%s", argv[optind], argv[optind]);
		print_changes(argv[optind + 1], argv[optind + 4], json, header);
		return EXIT_OK; /* git stops at a failing external diff */
	}
	if (files != 2)
		return cli_usage_error("diff", "give two files: OLD NEW");
	return print_changes(argv[optind], argv[optind + 1], json, NULL);
}
