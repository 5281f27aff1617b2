/* minutes — the minutes of a meeting: net changes, the state now and the
 * agenda (include/charterdash/minutes.h). */
#include "charterdash/report/minutes.h"

#include <stdlib.h>
#include <string.h>

#include "charterdash/report/agenda.h"
#include "charterdash/core/edit.h"
#include "charterdash/store/changes.h"
#include "charterdash/report/progress.h"
#include "charterdash/report/report.h"

/* Text in the minutes: Markdown-escaped, or plain and terminal-safe. */
void minutes_text(FILE *out, const char *s, bool md)
{
	if (md)
		report_md_text(out, s, REPORT_MD_HEADING);
	else
		report_plain_text(out, s);
}

/* A value on one line, safe for a terminal (history lines are written by
 * anyone who can write the file). */
void minutes_value(FILE *out, const char *v, bool md)
{
	if (!v) {
		fputs("(none)", out);
		return;
	}
	fputc('\'', out);
	minutes_text(out, v, md);
	fputc('\'', out);
}

/* A history time, "2026-12-02T10:05:07Z", as "2026-12-02 10:05" (or with
 * `between` " at " instead of the space). */
static void minutes_time(FILE *out, const char *time, const char *between)
{
	fprintf(out, "%.10s%s%.5s", time ? time : "", between, time && strlen(time) > 11 ? time + 11 : "");
}

/* A field's value in the dashboard's words: a status by its name ("in
 * progress"), a date as a date, `~` as "no date yet", an absent due as the
 * roadmap deadline; any other text quoted (minutes_value). */
static void minutes_field_value(FILE *out, const char *field, const char *v, bool md)
{
	enum status s;
	struct date d;
	bool dates = !strcmp(field, "due") || !strcmp(field, "completed");
	if (v && !strcmp(field, "status") && status_parse(v, &s))
		fputs(status_label(s), out);
	else if (dates && !v && !strcmp(field, "due"))
		fputs("the roadmap deadline", out);
	else if (dates && v && (!*v || !strcmp(v, EDIT_NO_DATE)))
		fputs("no date yet", out);
	else if (dates && v && date_parse(v, &d))
		fputs(v, out); /* date_parse took it whole: digits and dashes only */
	else
		minutes_value(out, v, md);
}

/* One milestone's net change: "- **ID** (Title): status in progress →
 * done; owner (none) → 'X' — amina, john, 2026-12-02 10:05". */
static void minutes_change(FILE *out, const struct net_change *n, const struct charter *c, bool md)
{
	long mi = charter_find_milestone(c, n->id);
	const char *title = n->kind == NET_REMOVED ? n->title : mi >= 0 ? c->milestones[mi].title : n->title;
	fputs(md ? "- **" : "  * ", out);
	minutes_text(out, n->id, md);
	fputs(md ? "**" : "", out);
	if (title) {
		fputs(" (", out);
		minutes_text(out, title, md);
		fputc(')', out);
	}
	fputs(n->kind == NET_ADDED ? ": added" : n->kind == NET_REMOVED ? ": removed" : ":", out);
	for (size_t k = 0; k < n->field_count; k++) {
		const struct net_field *f = &n->fields[k];
		fputs(k == 0 ? (n->kind == NET_ADDED ? " with " : " ") : n->kind == NET_ADDED ? ", " : "; ", out);
		minutes_text(out, f->field, md);
		fputc(' ', out);
		if (n->kind != NET_ADDED) {
			minutes_field_value(out, f->field, f->old_value, md);
			fputs(" → ", out);
		}
		minutes_field_value(out, f->field, f->new_value, md);
	}
	fputs(" — ", out);
	for (size_t u = 0; u < n->user_count; u++) {
		fputs(u ? ", " : "", out);
		minutes_text(out, n->users[u], md);
	}
	fputs(", ", out);
	minutes_time(out, n->last_time, " ");
	fputc('\n', out);
}

/* The net changes by working group, in the file's group order; those of
 * groups that no longer exist come last, under "Other". */
static void minutes_changes(FILE *out, const struct net_changes *net, const struct charter *c, bool md)
{
	for (size_t g = 0; g <= c->group_count; g++) {
		bool heading = false;
		for (size_t i = 0; i < net->count; i++) {
			const struct net_change *n = &net->items[i];
			long gi = n->group ? charter_find_group(c, n->group) : -1;
			if ((g < c->group_count && gi != (long)g) || (g == c->group_count && gi >= 0))
				continue;
			if (!heading) {
				fputs(md ? "\n## " : "\n", out);
				minutes_text(out, g < c->group_count ? c->groups[g].name : "Other", md);
				fputs(md ? "\n\n" : "\n", out);
				heading = true;
			}
			minutes_change(out, n, c, md);
		}
	}
}

/* Each working group's state now, as a table (Markdown) or lines. */
static void minutes_state(FILE *out, const struct charter *c, struct date today, bool md)
{
	fprintf(out, md ? "\n## Current state (%04d-%02d-%02d)\n\n| Working group | Done | Progress | State |\n|---|---|---|---|\n"
	                : "\nCurrent state (%04d-%02d-%02d)\n", today.year, today.month, today.day);
	for (size_t g = 0; g < c->group_count; g++) {
		struct progress p;
		progress_group(c, g, today, &p);
		char pct[16] = "-";
		if (p.percent >= 0)
			snprintf(pct, sizeof pct, "%d%%", p.percent);
		fputs(md ? "| " : "  ", out);
		if (md)
			report_md_text(out, c->groups[g].name, REPORT_MD_CELL);
		else
			report_plain_text(out, c->groups[g].name);
		fprintf(out, md ? " | %zu/%zu | %s | %s |\n" : ": %zu/%zu  %s  %s\n", p.counts[STATUS_DONE], p.total, pct,
		        state_label(p.state));
	}
}

/* "# Minutes: TITLE", a heading with the meeting's date, time and who
 * marked it (or the time the minutes start from, without a meeting), and
 * how many milestones changed since. */
static void minutes_header(FILE *out, const struct charter *c, const char *since, const char *who, size_t count,
                           bool md)
{
	fputs(md ? "# Minutes: " : "Minutes: ", out);
	minutes_text(out, c->title, md);
	fputs(md ? "\n\n## " : "\n\n", out);
	fputs(who ? "Meeting of " : "Minutes from ", out);
	minutes_time(out, since, " at ");
	fputs(" UTC", out);
	if (who) { /* a history line is anyone's to write: never raw to a terminal */
		fputs(", marked by ", out);
		minutes_text(out, who, md);
	}
	fprintf(out, md ? "\n\nChanges since %s: %zu\n" : "\nChanges since %s: %zu\n",
	        who ? "the meeting started" : "then", count);
}

/* What needs attention now: overdue, blocked, due soon (the agenda's
 * first three sections), so the minutes can be mailed as they are. */
static bool minutes_agenda(FILE *out, const struct minutes_request *r)
{
	struct agenda a;
	bool ok = agenda_build(&a, r->c, r->today, r->c->attention_days, r->h);
	if (ok) {
		fprintf(out, r->markdown ? "\n## Agenda (due soon: within %d day%s)\n" : "\nAgenda (due soon: within %d day%s)\n",
		        r->c->attention_days, r->c->attention_days == 1 ? "" : "s");
		for (int s = AGENDA_OVERDUE; s <= AGENDA_DUE_SOON; s++) {
			fprintf(out, r->markdown ? "\n### %s (%zu)\n\n" : "\n%s (%zu)\n", agenda_section_title((enum agenda_section)s),
			        a.count[s]);
			if (!a.count[s])
				fputs(r->markdown ? "- nothing\n" : "  nothing\n", out);
			for (size_t i = 0; i < a.count[s]; i++) {
				const struct milestone *m = &r->c->milestones[a.entries[s][i].milestone];
				char due[sizeof "no date yet"] = "no date yet"; /* longer than a date: DATE_TEXT_SIZE left no NUL */
				if (!m->due_unset)
					date_format(milestone_due(r->c, m), due);
				fputs(r->markdown ? "- **" : "  * ", out);
				minutes_text(out, m->id, r->markdown);
				fputs(r->markdown ? "** (" : " (", out);
				minutes_text(out, m->title, r->markdown);
				fprintf(out, "): due %s", due);
				if (m->owner) {
					fputs(", owner ", out);
					minutes_text(out, m->owner, r->markdown);
				}
				fputc('\n', out);
			}
		}
	}
	agenda_fini(&a);
	return ok;
}

bool minutes_write(FILE *out, const struct minutes_request *r)
{
	size_t from = 0;
	while (from < r->h->count && strcmp(r->h->entries[from].time, r->since) < 0)
		from++;
	struct net_changes net = { 0 };
	if (!changes_net(r->h->entries + from, r->h->count - from, &net))
		return false;
	minutes_header(out, r->c, r->since, r->who, net.count, r->markdown);
	minutes_changes(out, &net, r->c, r->markdown);
	minutes_state(out, r->c, r->today, r->markdown);
	changes_net_fini(&net);
	return minutes_agenda(out, r);
}
