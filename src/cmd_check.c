/* charterdash check — validate files. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* getopt_long */
#endif
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/charter.h"
#include "charterdash/cli.h"
#include "charterdash/progress.h"

int cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (opt == 'h')
			return cli_print_help("check");
		return cli_usage_error("check", "unknown option '%s'", argv[optind - 1]);
	}
	if (optind >= argc)
		return cli_usage_error("check", "no file given");

	int status = EXIT_OK;
	for (int i = optind; i < argc; i++) {
		struct diag_list diags;
		struct charter c;
		diag_init(&diags, DIAG_DEFAULT_LIMIT);
		if (charter_load_file(&c, argv[i], &diags)) {
			struct progress p;
			progress_charter(&c, cli_local_today(), &p);
			printf("%s: ok: %zu working group%s, %zu milestone%s (%zu done)\n", argv[i],
			       c.group_count, c.group_count == 1 ? "" : "s", c.milestone_count,
			       c.milestone_count == 1 ? "" : "s", p.counts[STATUS_DONE]);
		} else {
			status = EXIT_DATA;
		}
		diag_print(&diags, stderr);
		charter_fini(&c);
		diag_fini(&diags);
	}
	return status;
}
