/* charterdash agenda — what needs attention before a meeting: overdue,
 * blocked, due soon, done recently, across all working groups. The lists
 * come from agenda.c; this file reads the options and writes them. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* getopt_long */
#endif
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/report/agenda.h"
#include "charterdash/core/buf.h"
#include "charterdash/core/charter.h"
#include "charterdash/cli/cli.h"
#include "charterdash/store/history.h"
#include "charterdash/core/json.h"
#include "charterdash/report/report.h"

enum agenda_format { AGENDA_TEXT, AGENDA_MARKDOWN, AGENDA_JSON };

struct agenda_out {
	FILE *out;
	const struct charter *c;
	const struct agenda *a;
};

static void put_json_item(const struct agenda_out *o, const struct agenda_entry *e, bool done_list)
{
	const struct milestone *m = &o->c->milestones[e->milestone];
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "{\"id\": ");
	json_put_string(&b, m->id);
	buf_puts(&b, ", \"group\": ");
	json_put_string(&b, o->c->groups[m->group].id);
	buf_puts(&b, ", \"title\": ");
	json_put_string(&b, m->title);
	buf_puts(&b, ", \"status\": \"");
	buf_puts(&b, status_key(m->status));
	char num[64] = "null", due[DATE_TEXT_SIZE + 2] = "null";
	if (milestone_has_date(m)) {
		snprintf(num, sizeof num, "%ld", date_days_between(o->a->today, milestone_due(o->c, m)));
		due[0] = '"';
		date_format(milestone_due(o->c, m), due + 1);
		strcat(due, "\"");
	}
	buf_puts(&b, "\", \"due\": ");
	buf_puts(&b, due);
	buf_puts(&b, ", \"owner\": ");
	json_put_string(&b, m->owner);
	buf_puts(&b, ", \"days\": ");
	buf_puts(&b, num);
	if (done_list) {
		buf_puts(&b, ", \"done_at\": ");
		json_put_string(&b, e->when);
	}
	buf_putc(&b, '}');
	if (b.data)
		fputs(b.data, o->out);
	buf_fini(&b);
}

static void write_json(const struct agenda_out *o)
{
	char today[DATE_TEXT_SIZE];
	date_format(o->a->today, today);
	fprintf(o->out, "{\n  \"today\": \"%s\",\n  \"days\": %ld", today, o->a->days);
	for (int s = 0; s < AGENDA_SECTIONS; s++) {
		fprintf(o->out, ",\n  \"%s\": [", agenda_section_key((enum agenda_section)s));
		for (size_t i = 0; i < o->a->count[s]; i++) {
			fputs(i ? ",\n    " : "\n    ", o->out);
			put_json_item(o, &o->a->entries[s][i], s == AGENDA_DONE_RECENTLY);
		}
		fputs(o->a->count[s] ? "\n  ]" : "]", o->out);
	}
	fputs("\n}\n", o->out);
}

/* "due 2026-12-04, 2 days left, in progress" or "done 2026-11-30". */
static void item_words(const struct agenda_out *o, const struct agenda_entry *e, bool done_list, char *buf,
                       size_t size)
{
	const struct milestone *m = &o->c->milestones[e->milestone];
	if (done_list) {
		snprintf(buf, size, "done %.10s", e->when);
		return;
	}
	char when[64];
	report_due_words(o->c, m, o->a->today, when, sizeof when);
	snprintf(buf, size, "%s, %s", when, status_label(m->status));
}

static void write_text(const struct agenda_out *o)
{
	char today[DATE_TEXT_SIZE];
	date_format(o->a->today, today);
	fputs("Agenda: ", o->out);
	report_plain_text(o->out, o->c->title);
	fprintf(o->out, "\nToday %s; due soon and done recently: within %ld day%s\n", today, o->a->days,
	        o->a->days == 1 ? "" : "s");
	for (int s = 0; s < AGENDA_SECTIONS; s++) {
		fprintf(o->out, "\n%s (%zu)\n", agenda_section_title((enum agenda_section)s), o->a->count[s]);
		if (!o->a->count[s])
			fputs("  nothing\n", o->out);
		for (size_t i = 0; i < o->a->count[s]; i++) {
			const struct milestone *m = &o->c->milestones[o->a->entries[s][i].milestone];
			char words[128];
			item_words(o, &o->a->entries[s][i], s == AGENDA_DONE_RECENTLY, words, sizeof words);
			fputs("  ", o->out);
			report_plain_text(o->out, m->id);
			fputs("  ", o->out);
			report_plain_text(o->out, m->title);
			fputs("  [", o->out);
			report_plain_text(o->out, o->c->groups[m->group].name);
			fprintf(o->out, "]  (%s", words);
			if (m->owner) {
				fputs("; owner ", o->out);
				report_plain_text(o->out, m->owner);
			}
			fputs(")\n", o->out);
		}
	}
}

/* A list ready to paste into an agenda email. */
static void write_markdown(const struct agenda_out *o)
{
	char today[DATE_TEXT_SIZE];
	date_format(o->a->today, today);
	fputs("# Agenda: ", o->out);
	report_md_text(o->out, o->c->title, REPORT_MD_HEADING);
	fprintf(o->out, "\n\n%s. Due soon and done recently: within %ld day%s.\n", today, o->a->days,
	        o->a->days == 1 ? "" : "s");
	for (int s = 0; s < AGENDA_SECTIONS; s++) {
		fprintf(o->out, "\n## %s (%zu)\n\n", agenda_section_title((enum agenda_section)s), o->a->count[s]);
		if (!o->a->count[s])
			fputs("Nothing.\n", o->out);
		for (size_t i = 0; i < o->a->count[s]; i++) {
			const struct milestone *m = &o->c->milestones[o->a->entries[s][i].milestone];
			char words[128];
			item_words(o, &o->a->entries[s][i], s == AGENDA_DONE_RECENTLY, words, sizeof words);
			fputs("- **", o->out);
			report_md_text(o->out, m->title, REPORT_MD_HEADING);
			fputs("** (", o->out);
			report_md_text(o->out, o->c->groups[m->group].name, REPORT_MD_HEADING);
			fputs(", ", o->out);
			report_md_text(o->out, m->id, REPORT_MD_HEADING);
			fprintf(o->out, "): %s", words);
			if (m->owner) {
				fputs("; owner: ", o->out);
				report_md_text(o->out, m->owner, REPORT_MD_HEADING);
			}
			fputs("\n", o->out);
		}
	}
}

static bool parse_days(const char *text, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (*text < '0' || *text > '9' || *end || errno || v > CHARTER_MAX_ATTENTION_DAYS)
		return false;
	*out = v;
	return true;
}

static bool parse_format(const char *name, enum agenda_format *out)
{
	static const char *const names[] = { "text", "markdown", "json" };
	for (int i = 0; i < 3; i++) {
		if (strcmp(name, names[i]) == 0) {
			*out = (enum agenda_format)i;
			return true;
		}
	}
	return false;
}

/* Builds and writes the agenda of a loaded charter; the exit status. */
static int write_agenda(const struct charter *c, const char *path, struct date today, long days,
                        enum agenda_format format)
{
	char *hist = history_path(path);
	struct history h;
	char why[300];
	if (!hist || !history_load(&h, hist, why, sizeof why)) {
		fprintf(stderr, "%s: error: %s\n", path, hist ? why : "out of memory");
		free(hist);
		return EXIT_DATA;
	}
	free(hist);
	struct agenda a;
	int status = EXIT_OK;
	if (!agenda_build(&a, c, today, days < 0 ? c->attention_days : days, &h)) {
		fprintf(stderr, "%s: error: out of memory\n", path);
		status = EXIT_DATA;
	} else {
		struct agenda_out o = { stdout, c, &a };
		if (format == AGENDA_JSON)
			write_json(&o);
		else if (format == AGENDA_MARKDOWN)
			write_markdown(&o);
		else
			write_text(&o);
		/* A full disk or a closed pipe must not look like success to a script. */
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "charterdash agenda: cannot write the agenda: %s\n", strerror(errno));
			status = EXIT_DATA;
		}
	}
	agenda_fini(&a);
	history_fini(&h);
	return status;
}

int cmd_agenda(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "today", required_argument, NULL, 't' },
		{ "days", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct date today = cli_local_today();
	long days = -1; /* the charter's attention_days */
	enum agenda_format format = AGENDA_TEXT;
	int opt, status;
	for (bool first = true; (opt = cli_next_option("agenda", argc, argv, "", longopts, first, &status)) >= 0;
	     first = false) {
		switch (opt) {
		case 't':
			if (!cli_parse_today(optarg, &today))
				return EXIT_USAGE;
			break;
		case 'd':
			if (!parse_days(optarg, &days))
				return cli_usage_error("agenda", "--days '%s' should be a whole number of days from 0 to 3660",
				                       optarg);
			break;
		case 'f':
			if (!parse_format(optarg, &format))
				return cli_usage_error("agenda", "unknown format '%s'; use text, markdown or json", optarg);
			break;
		}
	}
	if (opt == CLI_OPTIONS_EXIT)
		return status;
	const char *path = cli_one_file("agenda", argc, argv, optind);
	if (!path)
		return EXIT_USAGE;

	struct diag_list diags;
	struct charter c;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	if (!charter_load_file(&c, path, &diags))
		status = EXIT_DATA;
	else
		status = write_agenda(&c, path, today, days, format);
	diag_print(&diags, stderr);
	charter_fini(&c);
	diag_fini(&diags);
	return status;
}
