/* charterdash report — a summary for people and programs. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* getopt_long */
#endif
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/charter.h"
#include "charterdash/cli/cli.h"
#include "charterdash/report/progress.h"
#include "charterdash/report/report.h"

int cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "today", required_argument, NULL, 't' },
		{ "group", required_argument, NULL, 'g' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct report_options ro = { .today = cli_local_today(), .group = -1 };
	enum report_format format = REPORT_TEXT;
	const char *group = NULL;
	int opt, status;
	for (bool first = true; (opt = cli_next_option("report", argc, argv, "", longopts, first, &status)) >= 0;
	     first = false) {
		switch (opt) {
		case 't':
			if (!cli_parse_today(optarg, &ro.today))
				return EXIT_USAGE;
			break;
		case 'g':
			group = optarg;
			break;
		case 'f':
			if (!report_format_parse(optarg, &format))
				return cli_usage_error("report", "unknown format '%s'; use text, markdown, json, csv or ics",
				                       optarg);
			break;
		}
	}
	if (opt == CLI_OPTIONS_EXIT)
		return status;
	const char *path = cli_one_file("report", argc, argv, optind);
	if (!path)
		return EXIT_USAGE;

	struct diag_list diags;
	struct charter c;
	status = EXIT_OK;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	if (!charter_load_file(&c, path, &diags)) {
		status = EXIT_DATA;
	} else if (group && (ro.group = charter_find_group(&c, group)) < 0) {
		fprintf(stderr, "%s: error: no working group with id '%s'\n", path, group);
		status = EXIT_DATA;
	} else {
		report_write(stdout, format, &c, &ro);
		/* A full disk or a closed pipe must not look like success to a script. */
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "charterdash report: cannot write the report: %s\n", strerror(errno));
			status = EXIT_DATA;
		}
	}
	diag_print(&diags, stderr);
	charter_fini(&c);
	diag_fini(&diags);
	return status;
}
