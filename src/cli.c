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
	const char *usage; /* the full --help text after the "usage:" line */
};

static int cmd_check(int argc, char **argv);
static int cmd_report(int argc, char **argv);

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
	{ "report", cmd_report, "print a plain-text summary of a charter",
	  "usage: charterdash report [--today YYYY-MM-DD] [--group ID] FILE\n"
	  "\n"
	  "Prints the charter, its roadmap window, days left or past the deadline,\n"
	  "and each working group's done/total, percent, state and overdue milestones.\n"
	  "\n"
	  "Options:\n"
	  "  --today DATE   compute as if today were DATE (default: the local date)\n"
	  "  --group ID     only this working group\n"
	  "  -h, --help     this help\n"
	  "\n"
	  "Example:\n"
	  "  charterdash report --today 2026-05-01 data/charter.yaml\n" },
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

static int usage_error(const char *command, const char *fmt, ...) DIAG_PRINTF(2, 3);
static int usage_error(const char *command, const char *fmt, ...)
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

static int print_help(const char *name)
{
	fputs(find_command(name)->usage, stdout);
	return EXIT_OK;
}

static int cmd_check(int argc, char **argv)
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
			return print_help("check");
		return usage_error("check", "unknown option '%s'", argv[optind - 1]);
	}
	if (optind >= argc)
		return usage_error("check", "no file given");

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

static int cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "today", required_argument, NULL, 't' },
		{ "group", required_argument, NULL, 'g' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct report_options ro = { .today = cli_local_today(), .group = -1 };
	const char *group = NULL;
	int opt;
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			return print_help("report");
		case 't':
			if (!cli_parse_today(optarg, &ro.today))
				return EXIT_USAGE;
			break;
		case 'g':
			group = optarg;
			break;
		case ':':
			return usage_error("report", "option '%s' needs a value", argv[optind - 1]);
		default:
			return usage_error("report", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind != argc - 1)
		return usage_error("report", "%s", optind >= argc ? "no file given" : "give exactly one FILE");

	struct diag_list diags;
	struct charter c;
	int status = EXIT_OK;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	if (!charter_load_file(&c, argv[optind], &diags)) {
		status = EXIT_DATA;
	} else if (group && (ro.group = charter_find_group(&c, group)) < 0) {
		fprintf(stderr, "%s: error: no working group with id '%s'\n", argv[optind], group);
		status = EXIT_DATA;
	} else {
		report_text(stdout, &c, &ro);
	}
	diag_print(&diags, stderr);
	charter_fini(&c);
	diag_fini(&diags);
	return status;
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
