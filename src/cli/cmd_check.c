/* charterdash check — validate files. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* getopt_long */
#endif
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/charter.h"
#include "charterdash/cli/cli.h"
#include "charterdash/report/progress.h"
#include "charterdash/core/strict.h"

/* Errors and --strict warnings come from two walks; print them in file
 * order, as a compiler would. Entries without a place go first; equal
 * places keep their order (qsort is not stable, so the index decides). */
struct ordered {
	struct diag d;
	size_t index;
};

static int by_place(const void *pa, const void *pb)
{
	const struct ordered *a = pa, *b = pb;
	if (a->d.line != b->d.line)
		return a->d.line < b->d.line ? -1 : 1;
	if (a->d.col != b->d.col)
		return a->d.col < b->d.col ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

static void sort_by_place(struct diag_list *diags)
{
	if (diags->count < 2)
		return;
	struct ordered *tmp = malloc(diags->count * sizeof *tmp);
	if (!tmp)
		return; /* unsorted is still correct */
	for (size_t i = 0; i < diags->count; i++)
		tmp[i] = (struct ordered){ diags->items[i], i };
	qsort(tmp, diags->count, sizeof *tmp, by_place);
	for (size_t i = 0; i < diags->count; i++)
		diags->items[i] = tmp[i].d;
	free(tmp);
}

int cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "strict", no_argument, NULL, 's' },
		{ "today", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool strict = false;
	struct date today = cli_local_today();
	int opt, exit_status;
	for (bool first = true; (opt = cli_next_option("check", argc, argv, "", longopts, first, &exit_status)) >= 0;
	     first = false) {
		if (opt == 's')
			strict = true;
		else if (opt == 'T' && !cli_parse_today(optarg, &today))
			return EXIT_USAGE;
	}
	if (opt == CLI_OPTIONS_EXIT)
		return exit_status;
	int next;
	const char *only = optind < argc ? NULL : cli_file("check", argc, argv, optind, 0, &next);
	if (optind >= argc && !only)
		return EXIT_USAGE;
	int file_count = only ? 1 : argc - optind;

	int status = EXIT_OK;
	for (int i = 0; i < file_count; i++) {
		const char *file = only ? only : argv[optind + i];
		struct diag_list diags;
		struct charter c;
		diag_init(&diags, DIAG_DEFAULT_LIMIT);
		bool ok = charter_load_file(&c, file, &diags);
		/* Completion dates on open milestones or in the future: advice,
		 * which --strict makes errors. */
		if (ok && charter_check_completed(&c, today, strict ? DIAG_ERROR : DIAG_WARNING, &diags) &&
		    strict)
			ok = false;
		/* Also on a file with errors: a misspelt `stauts` explains the
		 * "no 'status'" error right next to it. */
		if (strict)
			strict_check(&c.doc, &diags);
		sort_by_place(&diags);
		if (ok) {
			struct progress p;
			progress_charter(&c, cli_local_today(), &p);
			printf("%s: ok: %zu working group%s, %zu milestone%s (%zu done)", file,
			       c.group_count, c.group_count == 1 ? "" : "s", c.milestone_count,
			       c.milestone_count == 1 ? "" : "s", p.counts[STATUS_DONE]);
			if (diags.warnings)
				printf("; %zu warning%s", diags.warnings, diags.warnings == 1 ? "" : "s");
			putchar('\n');
		} else {
			status = EXIT_DATA;
		}
		diag_print(&diags, stderr);
		charter_fini(&c);
		diag_fini(&diags);
	}
	return status;
}
