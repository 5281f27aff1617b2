/* cli — subcommands for scripts and terminals: runs one by its name (what
 * each is for: cli_help.c; what they share: cli_args.c). */
#include <stdio.h>
#include <string.h>

#include "charterdash/cli/cli.h"

#ifndef CHARTERDASH_VERSION
#define CHARTERDASH_VERSION "dev"
#endif

/* The commands (cli_help.c has what each is for and its --help). */
struct command {
	const char *name;
	int (*run)(int argc, char **argv);
};

static const struct command commands[] = {
	{ "check", cmd_check },
	{ "report", cmd_report },
	{ "agenda", cmd_agenda },
	{ "set", cmd_set },
	{ "add", cmd_add },
	{ "rm", cmd_rm },
	{ "log", cmd_log },
	{ "mark", cmd_mark },
	{ "minutes", cmd_minutes },
	{ "diff", cmd_diff },
	{ "git-setup", cmd_git_setup },
	{ "merge", cmd_merge },
	{ "ids", cmd_ids },
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

bool cli_is_command(const char *name)
{
	return find_command(name) != NULL;
}

void cli_print_version(FILE *out)
{
	fprintf(out, "charterdash %s\n", CHARTERDASH_VERSION);
}

int cli_run(int argc, char **argv)
{
	const struct command *cmd = find_command(argv[0]);
	if (!cmd) {
		fprintf(stderr, "charterdash: unknown command '%s'\n", argv[0]);
		return EXIT_USAGE;
	}
	return cmd->run(argc, argv);
}
