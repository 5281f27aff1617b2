/* ui_changes — meetings: `m` writes the meeting mark (the entry
 * `charterdash mark` writes) and `w` lists every change since the latest
 * mark, from FILE.history, live (the list follows the file). Also the
 * one-line form of a history entry the detail view uses. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "ui_changes.h"
#include "ui_live.h"
#include "ui_minutes.h"
#include "ui_panel.h"
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "charterdash/report/minutes.h"
#include "charterdash/store/changes.h"
#include "charterdash/store/store.h"
#include "charterdash/core/text.h"

#define CHANGES_W 100
#define VALUE_BYTES 48

/* A value on one line, cut at a character boundary. */
static void value_text(const char *v, char *out, size_t size)
{
	if (!v) {
		snprintf(out, size, "(none)");
		return;
	}
	size_t n = 0;
	while (v[n] && n < VALUE_BYTES && n + 5 < size)
		n++;
	while (n > 0 && v[n] && ((unsigned char)v[n] & 0xC0) == 0x80)
		n--;
	out[0] = '\'';
	for (size_t i = 0; i < n; i++)
		out[1 + i] = (unsigned char)v[i] < 32 ? ' ' : v[i];
	snprintf(out + 1 + n, size - 1 - n, "%s'", v[n] ? "\xe2\x80\xa6" : "");
}

void ui_history_line(const struct history_entry *e, bool with_id, char *buf, size_t size)
{
	/* "2026-11-26 19:02" of "2026-11-26T19:02:33Z" */
	char when[20];
	snprintf(when, sizeof when, "%.10s %.5s", e->time, strlen(e->time) > 11 ? e->time + 11 : "");
	char a[VALUE_BYTES + 16], b[VALUE_BYTES + 16];
	const char *user = e->user ? e->user : "?";
	const char *id = with_id ? e->id : "";
	const char *sp = with_id ? " " : "";
	if (e->field && strcmp(e->field, "milestone") == 0) {
		value_text(e->old_value ? e->old_value : e->new_value, a, sizeof a);
		snprintf(buf, size, "%s  %s  %s%s%s %s", when, user, id, sp, e->old_value ? "removed" : "added", a);
		return;
	}
	value_text(e->old_value, a, sizeof a);
	value_text(e->new_value, b, sizeof b);
	snprintf(buf, size, "%s  %s  %s%s%s: %s -> %s", when, user, id, sp, e->field ? e->field : "?", a, b);
}

unsigned ui_act_meeting(struct ui *ui, enum ui_request req)
{
	(void)req;
	const char *why = ui_live_blocked(ui);
	if (ui->read_only_why[0]) {
		ui_error(ui, "Read-only: %s; no meeting mark written", why);
		return UI_HANDLED | UI_REDRAW;
	}
	char when[24], err[300] = "";
	bool ok = store_mark_meeting(ui->path, ui_live_user(ui), ui_live_host(ui), when, err, sizeof err);
	if (!ok) {
		ui_error(ui, "Cannot mark the meeting: %s", err);
		return UI_HANDLED | UI_REDRAW;
	}
	ui_message(ui, "Meeting started at %.5s UTC: w lists the changes since then", when + 11);
	(void)ui_live_history(ui); /* the footer's "a meeting is on" reads it as loaded */
	return UI_HANDLED | UI_REDRAW;
}

unsigned ui_act_changes(struct ui *ui, enum ui_request req)
{
	(void)req;
	ui->changes.top = 0;
	ui_push(ui, UI_MODE_CHANGES);
	return UI_HANDLED | UI_RELAYOUT;
}

/* The minutes' plain text, made again only when the file or its history
 * changed: by the relayout and the measure step, never by a draw (build
 * runs at all three and reads ui->minutes.text). */
static void refresh_minutes(struct ui *ui)
{
	const struct history *h = ui_live_history(ui);
	size_t entries = h ? h->count : 0;
	if (ui->minutes.text && ui->minutes.serial == ui->charter_serial && ui->minutes.entries == entries)
		return;
	UI_NOT_DRAWING(ui);
	free(ui->minutes.text);
	ui->minutes.text = ui_minutes_text(ui, false, NULL);
	ui->minutes.serial = ui->charter_serial;
	ui->minutes.entries = entries;
}

/* The lines of the list: a heading, then the minutes (net changes by
 * group, the state now, the agenda). */
static void build(struct ui *ui, struct ui_panel_out *out)
{
	const struct history *h = ui_live_history_loaded(ui);
	long at = history_last_meeting(h);
	char buf[512];
	if (!h) {
		ui_panel_line(out, NULL, "The history file cannot be read.", ROLE_ERROR);
		return;
	}
	if (at < 0) {
		ui_panel_line(out, NULL, "No meeting marked yet: press m when it starts, then w lists what changed.",
		              ROLE_DIM);
		return;
	}
	const struct history_entry *m = &h->entries[at];
	struct net_changes net = { 0 };
	size_t n = changes_net(h->entries + at, h->count - (size_t)at, &net) ? net.count : 0;
	changes_net_fini(&net);
	snprintf(buf, sizeof buf, "Meeting started %.10s %.5s UTC by %s: %zu change%s since (net: a change undone is none)",
	         m->time, m->time + 11, m->user ? m->user : "?", n, n == 1 ? "" : "s");
	ui_panel_line(out, NULL, buf, ROLE_LABEL);
	if (!n)
		ui_panel_line(out, NULL, "Nothing has changed yet; this list follows the file.", ROLE_DIM);
	/* the minutes as `charterdash minutes` writes them, after their header */
	const char *p = ui->minutes.text;
	for (int skip = 0; p && skip < MINUTES_HEADER_LINES; skip++) {
		const char *nl = strchr(p, '\n');
		p = nl ? nl + 1 : NULL;
	}
	while (p && *p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		snprintf(buf, sizeof buf, "%.*s", (int)len, p);
		bool heading = len && p[0] != ' ';
		ui_panel_line(out, NULL, buf, heading ? ROLE_LABEL : ROLE_NORMAL);
		p = end ? end + 1 : p + len;
	}
}

static const struct ui_panel changes_panel = {
	"Changes since the meeting started (s saves, p pager, Esc closes)", CHANGES_W, 0, build,
};

static struct rect changes_rect(struct ui *ui)
{
	refresh_minutes(ui);
	return ui_panel_rect(ui, &changes_panel);
}

static size_t *changes_scroll(struct ui *ui, size_t *lines)
{
	*lines = ui->changes.lines;
	return &ui->changes.top;
}

static void changes_measure(struct ui *ui)
{
	refresh_minutes(ui);
	ui_panel_measure(ui, &changes_panel, &ui->changes);
}

static void changes_draw(struct ui *ui)
{
	ui_panel_draw(ui, &changes_panel, &ui->changes);
}

const struct ui_screen_ops ui_screen_changes = {
	.rect = changes_rect,
	.measure = changes_measure,
	.draw = changes_draw,
	.scroll_at = changes_scroll,
};
