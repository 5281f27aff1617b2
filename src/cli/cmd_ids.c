/* charterdash ids — milestone or group ids, one per line, for shell
 * completion and scripts (`for id in $(charterdash ids f.yaml)`). */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* getopt_long */
#endif
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "charterdash/core/charter.h"
#include "charterdash/cli/cli.h"

/* An id with a control character cannot be typed at a prompt and must not
 * reach a terminal: leave it out. */
static void put_id(const char *id)
{
	if (!id)
		return;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		if (*p < 0x20 || *p == 0x7F)
			return;
	puts(id);
}

int cmd_ids(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "groups", no_argument, NULL, 'g' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool groups = false;
	int opt, status;
	for (bool first = true; (opt = cli_next_option("ids", argc, argv, "", longopts, first, &status)) >= 0;
	     first = false)
		if (opt == 'g')
			groups = true;
	if (opt == CLI_OPTIONS_EXIT)
		return status;
	const char *path = cli_one_file("ids", argc, argv, optind);
	if (!path)
		return EXIT_USAGE;

	struct diag_list diags;
	struct charter c;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	bool ok = charter_load_file(&c, path, &diags);
	/* A file with errors still yields the ids the loader got to, so that
	 * completion keeps working while the file is being fixed. */
	if (groups) {
		for (size_t i = 0; i < c.group_count; i++)
			put_id(c.groups[i].id);
	} else {
		for (size_t i = 0; i < c.milestone_count; i++)
			put_id(c.milestones[i].id);
	}
	diag_print(&diags, stderr);
	charter_fini(&c);
	diag_fini(&diags);
	return ok ? EXIT_OK : EXIT_DATA;
}
