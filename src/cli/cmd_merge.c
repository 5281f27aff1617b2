/* charterdash merge — git's merge driver for charter files:
 *   [merge "charterdash"] driver = charterdash merge --marker-size %L --path %P %O %A %B
 * Merges field by field (merge.h), writes the result over OURS (git's %A)
 * and exits 0 when clean, 1 when conflict markers were left. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* getopt_long */
#endif
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/charter.h"
#include "charterdash/cli/cli.h"
#include "charterdash/store/merge.h"
#include "charterdash/store/store.h"

struct merge_args {
	const char *name; /* the file's name in the repository, for messages */
	int marker_size;
	const char *base, *ours, *theirs;
};

static int parse_merge_args(int argc, char **argv, struct merge_args *a)
{
	static const struct option longopts[] = {
		{ "marker-size", required_argument, NULL, 'm' },
		{ "path", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt, status;
	for (bool first = true; (opt = cli_next_option("merge", argc, argv, "", longopts, first, &status)) >= 0;
	     first = false) {
		if (opt == 'p') {
			a->name = optarg;
		} else if (opt == 'm') {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 1 || n > 64)
				return cli_usage_error("merge", "--marker-size takes a number from 1 to 64, not '%s'",
				                       optarg);
			a->marker_size = (int)n;
		}
	}
	if (opt == CLI_OPTIONS_EXIT)
		return status;
	if (argc - optind != 3)
		return cli_usage_error("merge", "give three files: BASE OURS THEIRS");
	a->base = argv[optind];
	a->ours = argv[optind + 1];
	a->theirs = argv[optind + 2];
	if (!a->name)
		a->name = a->ours;
	return -1;
}

/* Reads the three versions; false (after printing the problem) when one
 * cannot be read. */
static bool read_versions(const struct merge_args *a, char *text[3], size_t len[3])
{
	const char *paths[3] = { a->base, a->ours, a->theirs };
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	bool ok = true;
	for (int i = 0; i < 3 && ok; i++)
		ok = (text[i] = charter_read_file(paths[i], &len[i], &diags)) != NULL;
	diag_print(&diags, stderr);
	diag_fini(&diags);
	return ok;
}

int cmd_merge(int argc, char **argv)
{
	struct merge_args a = { 0 };
	int usage = parse_merge_args(argc, argv, &a);
	if (usage >= 0)
		return usage;
	char *text[3] = { NULL, NULL, NULL };
	size_t len[3] = { 0, 0, 0 };
	int rc = EXIT_USAGE;
	struct merge_result r = { 0 };
	char why[512];
	if (!read_versions(&a, text, len)) {
		/* printed; OURS is left as it is */
	} else if (!merge_texts(a.name, text[0], len[0], text[1], len[1], text[2], len[2], a.marker_size, &r)) {
		fprintf(stderr, "%s: error: cannot merge: %s; the file is left as it was\n", a.name, r.why);
	} else if (!store_write_atomic(a.ours, r.text, r.len, why, sizeof why)) {
		fprintf(stderr, "%s: error: cannot write the merged file: %s\n", a.ours, why);
	} else {
		for (size_t i = 0; i < r.conflict_count; i++)
			fprintf(stderr, "%s:%zu:1: conflict: %s\n", a.name, r.conflicts[i].line, r.conflicts[i].message);
		if (r.conflict_count > 0)
			fprintf(stderr, "%s: %zu conflict%s left marked with <<<<<<< and >>>>>>>: keep one side of "
			                "each, then `charterdash check`\n",
			        a.name, r.conflict_count, r.conflict_count == 1 ? "" : "s");
		rc = r.conflict_count > 0 ? EXIT_DATA : EXIT_OK;
	}
	merge_fini(&r);
	for (int i = 0; i < 3; i++)
		free(text[i]);
	return rc;
}
