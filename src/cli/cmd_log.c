/* charterdash log / minutes / mark — the change history, read back. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* getopt_long, timegm */
#endif
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "charterdash/store/changes.h"
#include "charterdash/cli/cli.h"
#include "charterdash/store/history.h"
#include "charterdash/report/minutes.h"
#include "charterdash/report/progress.h"
#include "charterdash/report/report.h"
#include "charterdash/store/store.h"

/* WHEN → the UTC time text history entries are compared with. Accepts
 * YYYY-MM-DD (local midnight), YYYY-MM-DDTHH:MM[:SS] (local) and the same
 * with a final Z (UTC). */
static bool parse_when(const char *when, char out[24])
{
	struct tm tm = { 0 };
	int y, mo, d, h = 0, mi = 0, s = 0, n = 0;
	size_t len = strlen(when);
	bool utc = len > 0 && when[len - 1] == 'Z';
	if (sscanf(when, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10 || !date_is_valid(y, mo, d))
		return false;
	if (when[10]) {
		int m = 0;
		if ((when[10] != 'T' && when[10] != ' ') ||
		    (sscanf(when + 11, "%2d:%2d%n:%2d%n", &h, &mi, &m, &s, &m) < 2) || h > 23 || mi > 59 || s > 60)
			return false;
		if (when[11 + m] && !(utc && when[11 + m] == 'Z' && !when[12 + m]))
			return false;
	} else if (utc) {
		return false;
	}
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	tm.tm_isdst = -1;
	time_t t = utc ? timegm(&tm) : mktime(&tm);
	history_format_time(t, out);
	return true;
}

static const char *last_meeting(const struct history *h, const char **who)
{
	long at = history_last_meeting(h);
	if (at < 0)
		return NULL;
	*who = h->entries[at].user;
	return h->entries[at].time;
}

static int compare_time(const void *a, const void *b)
{
	const struct history_entry *x = a, *y = b;
	return strcmp(x->time, y->time);
}

/* Loads FILE.history sorted by time (merged histories may interleave). */
static bool load_history(const char *path, struct history *h)
{
	store_settle_history(path); /* a change whose writer was killed before logging it */
	char *hist = history_path(path);
	char why[300];
	bool ok = hist && history_load(h, hist, why, sizeof why);
	if (!ok)
		fprintf(stderr, "%s: error: %s\n", path, hist ? why : "out of memory");
	free(hist);
	if (ok && h->count > 1) {
		/* qsort is not stable; equal times keep file order via the index. */
		for (size_t i = 0; i < h->count; i++)
			snprintf(h->entries[i].time + 20, 4, "%03zu", i % 1000);
		qsort(h->entries, h->count, sizeof *h->entries, compare_time);
		for (size_t i = 0; i < h->count; i++)
			h->entries[i].time[20] = '\0';
	}
	return ok;
}

static void print_entry(FILE *out, const struct history_entry *e)
{
	fprintf(out, "%s  ", e->time);
	report_plain_text(out, e->user ? e->user : "?");
	fputc('@', out);
	report_plain_text(out, e->host ? e->host : "?");
	fputs("  ", out);
	if (history_is_meeting(e)) {
		fputs("meeting started\n", out);
		return;
	}
	if (!strcmp(e->field, "milestone")) {
		report_plain_text(out, e->id);
		fprintf(out, " %s ", e->old_value ? "removed" : "added");
		minutes_value(out, e->old_value ? e->old_value : e->new_value, false);
		fputc('\n', out);
		return;
	}
	report_plain_text(out, e->id);
	fputc(' ', out);
	report_plain_text(out, e->field);
	fputs(": ", out);
	minutes_value(out, e->old_value, false);
	fputs(" -> ", out);
	minutes_value(out, e->new_value, false);
	fputc('\n', out);
}

struct log_options {
	const char *path; /* FILE, or the default one */
	const char *since, *id, *format;
	struct date today;
	bool today_set;
};

static int parse_log_options(const char *command, int argc, char **argv, struct log_options *o)
{
	static const struct option longopts[] = {
		{ "since", required_argument, NULL, 's' },
		{ "id", required_argument, NULL, 'i' },
		{ "format", required_argument, NULL, 'F' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt, status;
	for (bool first = true; (opt = cli_next_option(command, argc, argv, "", longopts, first, &status)) >= 0;
	     first = false) {
		switch (opt) {
		case 's': o->since = optarg; break;
		case 'i': o->id = optarg; break;
		case 'F': o->format = optarg; break;
		case 't':
			if (!cli_parse_today(optarg, &o->today))
				return EXIT_USAGE;
			o->today_set = true;
			break;
		}
	}
	if (opt == CLI_OPTIONS_EXIT)
		return status == EXIT_OK ? -1 : status; /* -1: --help was shown */
	if (!(o->path = cli_one_file(command, argc, argv, optind)))
		return EXIT_USAGE;
	return EXIT_OK;
}

/* Resolves --since (a time, a date or "meeting") to a UTC time text. */
static bool resolve_since(const char *command, const char *since, const struct history *h, char out[24],
                          const char **who)
{
	*who = NULL;
	if (!strcmp(since, "meeting")) {
		const char *t = last_meeting(h, who);
		if (!t) {
			fprintf(stderr, "charterdash %s: error: no meeting has been marked (press m in the dashboard, "
			                "or run 'charterdash mark FILE')\n", command);
			return false;
		}
		snprintf(out, 24, "%s", t);
		return true;
	}
	if (!parse_when(since, out)) {
		cli_usage_error(command, "--since '%s' is not a date (YYYY-MM-DD), a time (YYYY-MM-DDTHH:MM[:SS][Z]) "
		                "or 'meeting'", since);
		return false;
	}
	return true;
}

/* log reads FILE.history alone, but a mistyped FILE must not pass for a
 * file without changes: it is looked at as the loader would. */
static bool is_charter_file(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		fprintf(stderr, "%s: error: cannot open: %s\n", path, strerror(errno));
	else if (S_ISDIR(st.st_mode))
		fprintf(stderr, "%s: error: is a directory, not a charter file\n", path);
	else if (!S_ISREG(st.st_mode))
		fprintf(stderr, "%s: error: is not a regular file\n", path);
	else
		return true;
	return false;
}

int cmd_log(int argc, char **argv)
{
	struct log_options o = { 0 };
	int status = parse_log_options("log", argc, argv, &o);
	if (status)
		return status < 0 ? EXIT_OK : status;
	const char *path = o.path;
	struct history h;
	if (!is_charter_file(path) || !load_history(path, &h))
		return EXIT_DATA;
	char since[24] = "";
	const char *who;
	if (o.since && !resolve_since("log", o.since, &h, since, &who)) {
		history_fini(&h);
		return strcmp(o.since, "meeting") ? EXIT_USAGE : EXIT_DATA;
	}
	for (size_t i = 0; i < h.count; i++) {
		const struct history_entry *e = &h.entries[i];
		if (strcmp(e->time, since) < 0 || (o.id && strcmp(e->id, o.id)))
			continue;
		print_entry(stdout, e);
	}
	history_fini(&h);
	return EXIT_OK;
}

int cmd_mark(int argc, char **argv)
{
	struct log_options o = { 0 };
	int status = parse_log_options("mark", argc, argv, &o);
	if (status)
		return status < 0 ? EXIT_OK : status;
	const char *path = o.path;
	char when[24], why[300];
	bool ok = store_mark_meeting(path, NULL, NULL, when, why, sizeof why);
	if (!ok)
		fprintf(stderr, "%s: error: %s\n", path, why);
	else
		printf("%s: meeting started at %s\n", path, when);
	return ok ? EXIT_OK : EXIT_DATA;
}

/* The charter and its history (sorted by time), or false with the reason said. */
static bool load_charter_and_history(const char *path, struct charter *c, struct history *h)
{
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	bool ok = charter_load_file(c, path, &diags);
	if (!ok)
		diag_print(&diags, stderr);
	diag_fini(&diags);
	if (ok && !load_history(path, h))
		ok = false;
	if (!ok)
		charter_fini(c);
	return ok;
}

int cmd_minutes(int argc, char **argv)
{
	struct log_options o = { 0 };
	int status = parse_log_options("minutes", argc, argv, &o);
	if (status)
		return status < 0 ? EXIT_OK : status;
	const char *since_arg = o.since ? o.since : "meeting";
	bool md = !o.format || !strcmp(o.format, "markdown");
	if (!md && strcmp(o.format, "text"))
		return cli_usage_error("minutes", "--format '%s' is not markdown or text", o.format);
	struct charter c;
	struct history h;
	if (!load_charter_and_history(o.path, &c, &h))
		return EXIT_DATA;
	char since[24];
	const char *who;
	if (!resolve_since("minutes", since_arg, &h, since, &who)) {
		status = strcmp(since_arg, "meeting") ? EXIT_USAGE : EXIT_DATA;
	} else {
		struct minutes_request r = { &c, &h, since, who, o.today_set ? o.today : cli_local_today(), md };
		if (!minutes_write(stdout, &r)) {
			fprintf(stderr, "charterdash minutes: error: out of memory\n");
			status = EXIT_DATA;
		}
	}
	history_fini(&h);
	charter_fini(&c);
	return status;
}
