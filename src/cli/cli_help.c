/* cli_help — what each command is for and its --help text: the data the
 * top-level --help and every command's -h print (cli.c runs the commands). */
#include <stdio.h>
#include <string.h>

#include "charterdash/cli/cli.h"

/* What each command is for and its --help text, in the order the
 * top-level --help lists them (cli.c runs them). */
struct command_help {
	const char *name;
	const char *summary;
	const char *usage; /* the whole --help text */
};

static const struct command_help commands[] = {
	{ "check", "validate charter files and print a one-line summary of each",
	  "usage: charterdash check [--strict] [--today YYYY-MM-DD] [FILE...]\n"
	  "\n"
	  "Validates each FILE (default: $CHARTERDASH_FILE, else ./charter.yaml) against\n"
	  "the charter format. Prints one line per valid file; prints every problem as\n"
	  "FILE:LINE:COL: error: MESSAGE on stderr, and warns about a completion date on\n"
	  "a milestone that is not done or after today.\n"
	  "\n"
	  "Options:\n"
	  "  --strict     also warn about unknown keys (typos such as 'stauts') in\n"
	  "               working groups and milestones, and about misspelt keys at\n"
	  "               the top and in 'charter'; keys starting with x- are never\n"
	  "               warned about. Those warnings do not change the exit status;\n"
	  "               the completion-date warnings become errors.\n"
	  "  --today DATE judge completion dates as if today were DATE\n"
	  "  -h, --help   this help\n"
	  "\n"
	  "Exit status: 0 all files valid, 1 a file has errors, 2 usage error.\n"
	  "\n"
	  "Examples:\n"
	  "  charterdash check data/charter.yaml\n"
	  "  charterdash check --strict data/*.yaml\n" },
	{ "report", "print the charter's progress as text, Markdown, JSON, CSV or iCalendar",
	  "usage: charterdash report [--format text|markdown|json|csv|ics] [--group ID]\n"
	  "                          [--today YYYY-MM-DD] [FILE]\n"
	  "\n"
	  "Prints the charter, its roadmap window and phase, the next review, and each\n"
	  "working group's done/total, percent, state (by due dates) and its overdue,\n"
	  "blocked and due-soon milestones.\n"
	  "\n"
	  "Formats:\n"
	  "  text       for people: an overall line and one block per group (default)\n"
	  "  markdown   headings and tables to paste into an issue, a wiki or an email\n"
	  "  json       one object with the charter and every group and milestone\n"
	  "  csv        a header row, then one row per milestone (RFC 4180, CRLF)\n"
	  "  ics        an iCalendar file (RFC 5545) to import into a calendar: an\n"
	  "             all-day event per milestone on its due date, the roadmap\n"
	  "             deadline and the reviews up to the next one\n"
	  "\n"
	  "Options:\n"
	  "  --format FORMAT  text, markdown, json, csv or ics\n"
	  "  --group ID       only this working group (the overall numbers stay\n"
	  "                   those of the whole charter)\n"
	  "  --today DATE     compute as if today were DATE (default: the local date)\n"
	  "  -h, --help       this help\n"
	  "\n"
	  "Exit status: 0 ok, 1 invalid file, unknown group or output not written,\n"
	  "2 usage error.\n"
	  "\n"
	  "Examples:\n"
	  "  charterdash report --today 2026-05-01 data/charter.yaml\n"
	  "  charterdash report --format markdown data/charter.yaml > status.md\n"
	  "  charterdash report --format json data/charter.yaml | jq '.groups[].percent'\n"
	  "  charterdash report --format csv --group energy data/charter.yaml > energy.csv\n"
	  "  charterdash report --format ics data/charter.yaml > charter.ics\n" },
	{ "agenda", "what needs attention: overdue, blocked, due soon, done recently",
	  "usage: charterdash agenda [--today YYYY-MM-DD] [--days N] [--format text|markdown|json] [FILE]\n"
	  "\n"
	  "Lists, across all working groups and in this order: overdue milestones\n"
	  "(oldest due date first), blocked ones, those due within N days (not\n"
	  "blocked), each milestone in at most one of these; then those whose status\n"
	  "became done within the last N days (from FILE.history, newest first).\n"
	  "\n"
	  "Options:\n"
	  "  --days N         the window for due soon and done recently (default: the\n"
	  "                   charter's attention_days, 14 unless set)\n"
	  "  --format FORMAT  text (default), markdown (to paste into an agenda email)\n"
	  "                   or json\n"
	  "  --today DATE     compute as if today were DATE (default: the local date)\n"
	  "  -h, --help       this help\n"
	  "\n"
	  "Exit status: 0 ok, 1 invalid file, unreadable history or output not written,\n"
	  "2 usage error.\n"
	  "\n"
	  "Examples:\n"
	  "  charterdash agenda data/charter.yaml\n"
	  "  charterdash agenda --days 7 --format markdown data/charter.yaml > agenda.md\n"
	  "  charterdash agenda --format json data/charter.yaml | jq '.overdue[].id'\n" },
	{ "set", "change fields of a milestone, keeping the rest of the file byte for byte",
	  "usage: charterdash set [--dry-run] [--force] [--expect FIELD=OLD] [--today D] [FILE] ID FIELD=VALUE...\n"
	  "\n"
	  "Sets each FIELD (title, status, due, owner, notes, completed) of milestone ID through\n"
	  "the edit transaction: lock, re-read, replace only the value's bytes, check,\n"
	  "write atomically, log to FILE.history. An empty VALUE clears owner, due or notes;\n"
	  "without a due a milestone is due on the roadmap deadline, while due='~' (quoted:\n"
	  "the shell expands ~) writes due: ~, \"no date yet\".\n"
	  "A due date is YYYY-MM-DD or relative: +7d, +2w, +1m (days, weeks, months later),\n"
	  "-3d, -1w, -1m (that long ago), today, tomorrow, yesterday, a weekday (mon..sun:\n"
	  "the next one), eom, eoy (end of month, of year); the date it means is shown on\n"
	  "stderr, and stored. status=done also writes completed: today (from --today),\n"
	  "or the completed=DATE given with it (a back-dated completion); leaving done\n"
	  "removes completed. Both are one change: one history line, one undo.\n"
	  "\n"
	  "Options:\n"
	  "  -n, --dry-run         print the diff the change would make; write nothing\n"
	  "  -e, --expect F=OLD    refuse (exit 1) if F no longer holds OLD: someone changed it\n"
	  "  -f, --force           overwrite even when --expect does not match, and change\n"
	  "                        a file nobody may write (mode 0444; root or its owner)\n"
	  "  -u, --user NAME       name recorded in the history (default: login name)\n"
	  "  -q, --quiet           print nothing on success\n"
	  "  --today DATE          count relative dates, and date a completion, from DATE\n"
	  "                        (default: the local date)\n"
	  "\n"
	  "Exit status: 0 done, 1 unknown id, bad value, conflict or invalid file, 2 usage.\n"
	  "\n"
	  "Examples:\n"
	  "  charterdash set data/charter.yaml energy-roadmap status=done\n"
	  "  charterdash set energy-roadmap due=+2w        # in ./charter.yaml\n"
	  "  charterdash set econ-roadmap status=done completed=2026-06-02\n"
	  "  charterdash set --expect status=in_progress charter.yaml sec-roadmap status=done owner='Co-chairs'\n" },
	{ "add", "add a milestone to a working group",
	  "usage: charterdash add [--dry-run] [--force] [--id ID] [--today D] [FILE] GROUP-ID --title TITLE [FIELD=VALUE...]\n"
	  "\n"
	  "Adds a not_started milestone at the end of the group's list, in the list's own\n"
	  "style and indentation, then sets any FIELD=VALUE given. Without --id a readable\n"
	  "unique id is made from the group and the title. Due dates as for set.\n"
	  "\n"
	  "Options:\n"
	  "  -t, --title TITLE     the new milestone's title\n"
	  "  -i, --id ID           its id (default: made from the group and the title)\n"
	  "  -n, --dry-run         print the diff the change would make; write nothing\n"
	  "  -f, --force           change a file nobody may write (mode 0444; root or its owner)\n"
	  "\n"
	  "Example:\n"
	  "  charterdash add data/charter.yaml energy --title 'Joint LNG study' due=2027-03-01\n" },
	{ "rm", "remove a milestone",
	  "usage: charterdash rm [--dry-run] [--force] [FILE] ID\n"
	  "\n"
	  "Removes the milestone's lines (and only them) from the file.\n"
	  "\n"
	  "Options:\n"
	  "  -n, --dry-run         print the diff the change would make; write nothing\n"
	  "  -f, --force           change a file nobody may write (mode 0444; root or its owner)\n"
	  "\n"
	  "Example:\n"
	  "  charterdash rm --dry-run data/charter.yaml energy-joint-lng-study\n" },
	{ "log", "print the change history, oldest first",
	  "usage: charterdash log [--since WHEN] [--id ID] [FILE]\n"
	  "\n"
	  "Prints FILE.history one change per line: UTC time, user@host, milestone,\n"
	  "field, old -> new. WHEN is YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS][Z] (local time\n"
	  "unless Z) or 'meeting' (the last meeting mark).\n"
	  "\n"
	  "Example:\n"
	  "  charterdash log --since 2026-11-01 --id energy-roadmap data/charter.yaml\n" },
	{ "mark", "mark the start of a meeting (for minutes --since meeting)",
	  "usage: charterdash mark [FILE]\n"
	  "\n"
	  "Appends a meeting mark to FILE.history, as the dashboard's m key does.\n"
	  "\n"
	  "Example:\n"
	  "  charterdash mark data/charter.yaml\n" },
	{ "minutes", "what changed since a time, grouped by working group, and the state now",
	  "usage: charterdash minutes [--since WHEN] [--format markdown|text] [--today D] [FILE]\n"
	  "\n"
	  "Tells what changed since WHEN (a date, a time, or 'meeting': the latest meeting\n"
	  "mark, the default), by working group: per milestone the net effect, first old\n"
	  "value -> last new value of each field (a change made and reverted is left out),\n"
	  "and who made the changes; a milestone added with its fields, a removed one by\n"
	  "its title. Then each group's current state.\n"
	  "\n"
	  "Example:\n"
	  "  charterdash minutes data/charter.yaml > minutes.md\n" },
	{ "diff", "show what changed between two versions, field by field",
	  "usage: charterdash diff [--format text|json] OLD NEW\n"
	  "       charterdash diff --textconv FILE\n"
	  "\n"
	  "Prints one line per change between two versions of a charter file:\n"
	  "  Energy \u00b7 Adopt the roadmap: status in_progress \u2192 done\n"
	  "and milestones added, removed or moved to another group. With --format json,\n"
	  "an array of {change, id, group, title, field, old, new}.\n"
	  "\n"
	  "For git (`charterdash git-setup` configures it): --textconv prints FILE so\n"
	  "that `git diff` and `git log -p` show every change: each line of a milestone\n"
	  "starts with its group, title and id, a field line reads as the field and its\n"
	  "value, and every other line (charter fields, groups, comments, unknown keys)\n"
	  "is as written; a file that does not load (conflict markers) is shown raw.\n"
	  "Called with git's seven external-diff arguments it prints the changes of\n"
	  "that file.\n"
	  "\n"
	  "Options:\n"
	  "  --format F   text (default) or json\n"
	  "  --textconv   print FILE with each milestone line named (for git)\n"
	  "  -h, --help   this help\n"
	  "\n"
	  "Exit status: 0 ok, 1 a file does not load, 2 usage error.\n"
	  "\n"
	  "Examples:\n"
	  "  git show HEAD~1:charter.yaml > old.yaml; charterdash diff old.yaml charter.yaml\n"
	  "  charterdash diff --format json old.yaml charter.yaml\n" },
	{ "git-setup", "set up a git repository to merge and diff charter files by field",
	  "usage: charterdash git-setup [DIR]\n"
	  "\n"
	  "Prepares the git repository at DIR (default: the current directory):\n"
	  "  .gitattributes   /charter.yaml merge=charterdash diff=charterdash\n"
	  "                   /charter.yaml.history merge=union\n"
	  "                   for each charter file found under DIR (a .yaml or .yml\n"
	  "                   file with working_groups), not for every YAML file\n"
	  "  .gitignore       .*.lock, .*.presence/ and killed saves' .*.charterdash-tmp.*\n"
	  "  .git/config      merge.charterdash.driver = charterdash merge ... %O %A %B\n"
	  "                   diff.charterdash.textconv = charterdash diff --textconv\n"
	  "git runs `charterdash` by name when it is on PATH (so the clone and the build\n"
	  "may move), else this program's absolute path; git-setup says which. Lines\n"
	  "already there are kept (an older version's *.yaml line is replaced); running\n"
	  "it again changes nothing. Each clone runs it once (git does not copy the\n"
	  "config), and again after adding a charter file.\n"
	  "\n"
	  "Options:\n"
	  "  -h, --help   this help\n"
	  "\n"
	  "Exit status: 0 ok, 1 not a git repository or a file cannot be written,\n"
	  "2 usage error.\n"
	  "\n"
	  "Example:\n"
	  "  git init charter && cd charter && charterdash git-setup\n" },
	{ "merge", "merge two versions of a charter field by field (git's merge driver)",
	  "usage: charterdash merge [--marker-size N] [--path NAME] BASE OURS THEIRS\n"
	  "\n"
	  "A three-way merge for git (`charterdash git-setup` configures it): what\n"
	  "THEIRS changed since BASE, milestone by milestone and field by field, is\n"
	  "applied to OURS's text with the same minimal edits as a save, so changes to\n"
	  "different fields of one milestone merge even on adjacent lines. Comments,\n"
	  "unknown keys and other hand edits are merged line by line. The result\n"
	  "replaces OURS. A true conflict (one field set two ways, a milestone removed\n"
	  "on one side and changed on the other, an id added twice differently) is\n"
	  "left between <<<<<<< and >>>>>>> markers around just its lines and named\n"
	  "on stderr as NAME:LINE:1: conflict: MESSAGE. A result that does not check\n"
	  "(the file would not load, a key would change milestone) is a conflict too:\n"
	  "the lines where the two sides differ, between markers.\n"
	  "\n"
	  "Options:\n"
	  "  --marker-size N   length of the conflict markers (git's %L; default 7)\n"
	  "  --path NAME       the file's name in messages (git's %P; default OURS)\n"
	  "  -h, --help        this help\n"
	  "\n"
	  "Exit status: 0 merged cleanly, 1 conflicts left marked, 2 usage error, a\n"
	  "file that cannot be read or written, or out of memory (OURS left as it was).\n"
	  "\n"
	  "Examples:\n"
	  "  charterdash git-setup         # makes git run, for a conflicting charter.yaml:\n"
	  "  charterdash merge --marker-size 7 --path charter.yaml BASE OURS THEIRS\n" },
	{ "ids", "list milestone or group ids, one per line (for completion)",
	  "usage: charterdash ids [--groups] [FILE]\n"
	  "\n"
	  "Prints the id of every milestone (or, with --groups, every working group)\n"
	  "in file order, one per line. The bash completion uses it. A file with errors\n"
	  "still gives the ids that could be read, and exit status 1.\n"
	  "\n"
	  "Options:\n"
	  "  --groups     working group ids instead of milestone ids\n"
	  "  -h, --help   this help\n"
	  "\n"
	  "Exit status: 0 ok, 1 invalid file, 2 usage error.\n"
	  "\n"
	  "Examples:\n"
	  "  charterdash ids data/charter.yaml\n"
	  "  charterdash ids --groups data/charter.yaml\n" },
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static const struct command_help *find_help(const char *name)
{
	for (size_t i = 0; name && i < COMMAND_COUNT; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

void cli_print_usage(FILE *out)
{
	fprintf(out, "usage: charterdash COMMAND [OPTIONS] [FILE] [ARGUMENTS]\n"
	             "       charterdash --help | --version\n\n"
	             "Follow the implementation of a strategic partnership charter.\n\n"
	             "Commands:\n");
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\nFILE, when given, comes first after the command (options may go anywhere);\n"
	             "without it every command uses $CHARTERDASH_FILE, else ./charter.yaml.\n"
	             "Run 'charterdash COMMAND --help' for a command's options and examples.\n");
}

int cli_print_help(const char *name)
{
	const struct command_help *h = find_help(name);
	if (h)
		fputs(h->usage, stdout);
	return EXIT_OK;
}
