/* main — dispatch: a subcommand, or the dashboard; nothing else lives here. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "charterdash/cli/cli.h"
#include "charterdash/ui/ui.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		cli_print_usage(stdout);
		ui_print_usage(stdout);
		return EXIT_OK;
	}
	if (argc >= 2 && (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version"))) {
		cli_print_version(stdout);
		return EXIT_OK;
	}
	if (argc >= 2 && cli_is_command(argv[1]))
		return cli_run(argc - 1, argv + 1);
	/* anything else (an option like --today, a FILE, nothing) opens the dashboard */
	return ui_main(argc, argv);
}
