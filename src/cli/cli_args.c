/* cli_args — what every command shares: its options (cli_next_option),
 * its FILE (cli_file), --today, usage errors. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* getopt_long */
#endif
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "charterdash/cli/cli.h"

int cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (command)
		fprintf(stderr, "charterdash %s: ", command);
	else
		fprintf(stderr, "charterdash: ");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (command)
		fprintf(stderr, "\nTry 'charterdash %s --help'.\n", command);
	else
		fprintf(stderr, "\nusage: charterdash " CLI_DASHBOARD_OPTIONS " [FILE]\n"
		                "Try 'charterdash --help'.\n");
	return EXIT_USAGE;
}

/* The option getopt_long has just refused (returning '?' or ':'), as the
 * user wrote it: "-x" (also inside a cluster such as -nx) or "--name"
 * without any "=value". True when it is a long option that takes no value
 * and was given one (--strict=yes). */
static bool cli_option_name(char **argv, const struct option *longopts, char *out, size_t size)
{
	/* A long option is always the argument just passed (optind has moved
	 * on); glibc then sets optopt to its val, or 0 when it is unknown. A
	 * short one may sit inside a cluster that optind has not left yet
	 * (-zn), so argv[optind - 1] can be an earlier argument: name it from
	 * optopt. */
	const char *arg = argv[optind - 1];
	if (strncmp(arg, "--", 2) == 0) {
		size_t len = strcspn(arg, "=");
		const struct option *o = longopts;
		while (o->name && strncmp(o->name, arg + 2, len - 2) != 0) /* --stri: an abbreviation */
			o++;
		bool given = arg[len] == '=' && o->name && o->has_arg == no_argument;
		if (optopt == 0 || (o->name && o->val == optopt && (given || o->has_arg == required_argument))) {
			snprintf(out, size, "%.*s", (int)len, arg);
			return given;
		}
	}
	snprintf(out, size, "-%c", optopt);
	return false;
}

int cli_next_option(const char *command, int argc, char **argv, const char *shortopts,
                    const struct option *longopts, bool first, int *status)
{
	char spec[32];
	snprintf(spec, sizeof spec, ":h%s", shortopts); /* ':' reports a missing value as ':' */
	if (first) {
		optind = 0; /* 0, not 1: glibc also resets its internal state */
		opterr = 0;
	}
	int opt = getopt_long(argc, argv, spec, longopts, NULL);
	switch (opt) {
	case -1:
		return CLI_OPTIONS_END;
	case 'h':
		if (!command)
			return 'h';
		*status = cli_print_help(command);
		return CLI_OPTIONS_EXIT;
	default:
		if (opt != ':' && opt != '?')
			return opt;
		char name[64];
		bool given = cli_option_name(argv, longopts, name, sizeof name);
		if (opt == ':')
			*status = cli_usage_error(command, "option '%s' needs a value", name);
		else if (given)
			*status = cli_usage_error(command, "option '%s' takes no value", name);
		else
			*status = cli_usage_error(command, "unknown option '%s'", name);
		return CLI_OPTIONS_EXIT;
	}
}

bool cli_parse_today(const char *text, struct date *out)
{
	char why[96];
	if (date_parse_explain(text, out, why, sizeof why))
		return true;
	fprintf(stderr, "charterdash: --today '%s' is not a valid date: %s\n", text, why);
	return false;
}

const char *cli_default_file(void)
{
	const char *env = getenv("CHARTERDASH_FILE");
	return env && *env ? env : CLI_DEFAULT_FILE;
}

/* A word that can only mean the FILE: an existing *.yaml or *.yml (so that
 * `add charter.yaml --title T` says the GROUP-ID is missing, rather than
 * looking for a group named charter.yaml). */
static bool names_a_charter_file(const char *word)
{
	size_t n = strlen(word);
	bool yaml = (n > 5 && !strcmp(word + n - 5, ".yaml")) || (n > 4 && !strcmp(word + n - 4, ".yml"));
	return yaml && access(word, F_OK) == 0;
}

const char *cli_file(const char *command, int argc, char **argv, int from, int operands, int *next)
{
	int words = 0;
	for (int i = from; i < argc && !strchr(argv[i], '='); i++)
		words++;
	if (operands == 0 ? from < argc : words > operands || (words > 0 && names_a_charter_file(argv[from]))) {
		*next = from + 1;
		return argv[from];
	}
	*next = from;
	const char *file = cli_default_file();
	const char *env = getenv("CHARTERDASH_FILE");
	if (!(env && *env) && access(file, F_OK) != 0) { /* a named file's absence is the loader's to say */
		cli_usage_error(command, "no FILE given and no ./charter.yaml here (name the file, or set CHARTERDASH_FILE)");
		return NULL;
	}
	return file;
}

const char *cli_one_file(const char *command, int argc, char **argv, int from)
{
	int next;
	const char *path = cli_file(command, argc, argv, from, 0, &next);
	if (path && next != argc) {
		cli_usage_error(command, "give one FILE at most");
		return NULL;
	}
	return path;
}

struct date cli_local_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return (struct date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
}
