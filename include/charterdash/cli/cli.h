/* cli — the subcommands (check, report, ...) and their options.
 * Exit codes: 0 ok, 1 a data problem, 2 a usage error. */
#ifndef CHARTERDASH_CLI_H
#define CHARTERDASH_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "charterdash/core/date.h"
#include "charterdash/core/diag.h"

enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_USAGE = 2 };

/* True when `name` is a subcommand cli_run knows. */
bool cli_is_command(const char *name);

/* Runs argv[0] as a subcommand: argv = { "report", "--today", ... }. */
int cli_run(int argc, char **argv);

/* Top-level --help / --version text. */
void cli_print_usage(FILE *out);
void cli_print_version(FILE *out);

/* The dashboard's options (`charterdash [OPTIONS] [FILE]`), as its usage
 * lines show them. */
#define CLI_DASHBOARD_OPTIONS "[--today YYYY-MM-DD] [--mouse] [--no-color] [--ascii] [--thin-cursor] [--read-only] [--force] [--follow [USER]]"

/* Prints "charterdash CMD: MESSAGE" and a hint to stderr; returns EXIT_USAGE.
 * A NULL command is the dashboard: "charterdash: MESSAGE", then its usage
 * line and the hint. */
int cli_usage_error(const char *command, const char *fmt, ...) DIAG_PRINTF(2, 3);

/* Prints the command's --help text to stdout; returns EXIT_OK. */
int cli_print_help(const char *command);

/* The next option of a command, as getopt_long with the cases every
 * command shares handled here: -h/--help prints the help (for the
 * dashboard, command NULL, it is returned as 'h': its help is the UI's to
 * print); an unknown option or a missing value prints a usage error.
 * Returns the option's value, CLI_OPTIONS_END when there are no more, or
 * CLI_OPTIONS_EXIT with *status set (EXIT_OK after --help, EXIT_USAGE
 * otherwise). `shortopts` lists the command's own short options (getopt
 * syntax, without "h"). The first call for an argv starts from its
 * beginning when `first` is true. */
struct option;
enum { CLI_OPTIONS_END = -1, CLI_OPTIONS_EXIT = -2 };
int cli_next_option(const char *command, int argc, char **argv, const char *shortopts,
                    const struct option *longopts, bool first, int *status);


/* Parses --today's argument; on failure prints a usage error and returns false. */
bool cli_parse_today(const char *text, struct date *out);

/* The charter file a command works on when no FILE is given:
 * $CHARTERDASH_FILE when set and not empty, else CLI_DEFAULT_FILE. */
#define CLI_DEFAULT_FILE "charter.yaml"
const char *cli_default_file(void);

/* Every command's argument order: [OPTIONS] [FILE] [OPERANDS] [FIELD=VALUE...].
 * Returns the FILE of argv[from..argc) and sets *next to the index of the
 * first word after it. `operands` is how many words the command takes
 * after FILE before any FIELD=VALUE (1 for set's ID, 0 for report): FILE
 * is taken to be given when there are more such words than that (with 0,
 * when there is any word at all), or when the first is an existing *.yaml
 * or *.yml file. Otherwise it is cli_default_file();
 * when that is ./charter.yaml and there is none, prints a usage error and
 * returns NULL. */
const char *cli_file(const char *command, int argc, char **argv, int from, int operands, int *next);

/* The FILE of a command that takes one and nothing after it (agenda, ids,
 * log, report): cli_file's, or NULL after a usage error (exit EXIT_USAGE). */
const char *cli_one_file(const char *command, int argc, char **argv, int from);

/* The local calendar date. */
struct date cli_local_today(void);

/* The subcommands, one source file each (src/cmd_NAME.c). */
int cmd_check(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_ids(int argc, char **argv);
int cmd_set(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_rm(int argc, char **argv);
int cmd_log(int argc, char **argv);
int cmd_mark(int argc, char **argv);
int cmd_minutes(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_git_setup(int argc, char **argv);
int cmd_agenda(int argc, char **argv);

#endif
