/* cli — subcommands for scripts and terminals. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* getopt_long */
#endif
#include <stdarg.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "charterdash/charter.h"
#include "charterdash/cli.h"
#include "charterdash/progress.h"
#include "charterdash/report.h"

#ifndef CHARTERDASH_VERSION
#define CHARTERDASH_VERSION "dev"
#endif

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
	const char *usage; /* the whole --help text */
};

static const struct command commands[] = {
	{ "check", cmd_check, "validate charter files and print a one-line summary of each",
	  "usage: charterdash check FILE...\n"
	  "\n"
	  "Validates each FILE against the charter format. Prints one line per valid\n"
	  "file; prints every problem as FILE:LINE:COL: error: MESSAGE on stderr.\n"
	  "\n"
	  "Exit status: 0 all files valid, 1 a file has errors, 2 usage error.\n"
	  "\n"
	  "Example:\n"
	  "  charterdash check data/charter.yaml\n" },
	{ "report", cmd_report, "print the charter's progress as text, Markdown, JSON or CSV",
	  "usage: charterdash report [--format text|markdown|json|csv] [--group ID]\n"
	  "                          [--today YYYY-MM-DD] FILE\n"
	  "\n"
	  "Prints the charter, its roadmap window, days left or past the deadline,\n"
	  "and each working group's done/total, percent, state and overdue milestones.\n"
	  "\n"
	  "Formats:\n"
	  "  text       for people: an overall line and one block per group (default)\n"
	  "  markdown   headings and tables to paste into an issue, a wiki or an email\n"
	  "  json       one object with the charter and every group and milestone\n"
	  "  csv        a header row, then one row per milestone (RFC 4180, CRLF)\n"
	  "\n"
	  "Options:\n"
	  "  --format FORMAT  text, markdown, json or csv\n"
	  "  --group ID       only this working group (the overall numbers stay\n"
	  "                   those of the whole charter)\n"
	  "  --today DATE     compute as if today were DATE (default: the local date)\n"
	  "  -h, --help       this help\n"
	  "\n"
	  "Exit status: 0 ok, 1 invalid file or unknown group, 2 usage error.\n"
	  "\n"
	  "Examples:\n"
	  "  charterdash report --today 2026-05-01 data/charter.yaml\n"
	  "  charterdash report --format markdown data/charter.yaml > status.md\n"
	  "  charterdash report --format json data/charter.yaml | jq '.groups[].percent'\n"
	  "  charterdash report --format csv --group energy data/charter.yaml > energy.csv\n" },
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

void cli_print_usage(FILE *out)
{
	fprintf(out, "usage: charterdash COMMAND [OPTIONS] FILE...\n"
	             "       charterdash --help | --version\n\n"
	             "Follow the implementation of a strategic partnership charter.\n\n"
	             "Commands:\n");
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\nRun 'charterdash COMMAND --help' for a command's options and examples.\n");
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "charterdash %s: ", command);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'charterdash %s --help'.\n", command);
	return EXIT_USAGE;
}

bool cli_parse_today(const char *text, struct date *out)
{
	char why[96];
	if (date_parse_explain(text, out, why, sizeof why))
		return true;
	fprintf(stderr, "charterdash: --today '%s' is not a valid date: %s\n", text, why);
	return false;
}

struct date cli_local_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return (struct date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
}

int cli_print_help(const char *name)
{
	fputs(find_command(name)->usage, stdout);
	return EXIT_OK;
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
