/* main — dispatch to a subcommand; nothing else lives here. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "charterdash/cli.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc < 2) {
		cli_print_usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		cli_print_usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
		cli_print_version(stdout);
		return EXIT_OK;
	}
	if (cli_is_command(argv[1]))
		return cli_run(argc - 1, argv + 1);
	fprintf(stderr, "charterdash: unknown command '%s'\n", argv[1]);
	cli_print_usage(stderr);
	return EXIT_USAGE;
}
