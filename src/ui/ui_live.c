/* ui_live — everyone sees the current state: the file is watched (watch.h),
 * re-read on a hint and compared by content; a real change is loaded and
 * swapped in (selection, scroll and open dialogs stay), the milestones it
 * changed are marked for UI_MARK_SECONDS with who did it (from the
 * history); a file that does not load keeps the last good state under a
 * banner; presence records say who else is here. Called from the event
 * loop's tick: nothing here draws, it returns what needs redrawing. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "ui_live.h"
#include "ui_follow.h"
#include "ui_modes.h"
#include "ui_state.h"
#include "ui_term.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charterdash/core/strutil.h"
#include "charterdash/store/changes.h"
#include "charterdash/store/store.h"
#include "charterdash/store/watch.h"

/* The live state (ui->live). */
struct ui_live {
	struct watch watch;
	bool watching;
	bool recheck;             /* the last read failed: look again next tick */
	struct presence presence;
	bool present;
	char others[512];         /* "amina@srv1, bob@srv2" */
	size_t other_count;
	time_t refreshed, looked; /* presence record touched, others listed */
	char user[64], host[128];
	struct ui_mark *marks;
	size_t mark_count;
	time_t marks_second;      /* the second the marks were last drawn for */
	char invalid[512];        /* the first error while the file on disk does not load */
	char *hist_path;
	struct history hist;      /* FILE.history, reloaded when it changes */
	bool hist_loaded;
	long long hist_size;
	struct timespec hist_mtime;
	unsigned long hist_ino;
	struct timespec last_tick;
};

/* How often the list of others is read again. */
#define OTHERS_SECONDS 2

static struct ui_live *live_of(struct ui *ui)
{
	if (!ui->live)
		ui->live = calloc(1, sizeof *ui->live);
	return ui->live;
}

void ui_live_start(struct ui *ui)
{
	struct ui_live *l = live_of(ui);
	if (!l)
		return;
	snprintf(l->user, sizeof l->user, "%s", store_user_name());
	if (gethostname(l->host, sizeof l->host - 1) != 0 || !l->host[0])
		snprintf(l->host, sizeof l->host, "localhost");
	l->hist_path = history_path(ui->path);
	l->watching = watch_open(&l->watch, ui->path);
	if (l->watching)
		watch_set_content(&l->watch, ui->charter.text, ui->charter.text_len);
	struct stat st;
	unsigned mode = stat(ui->path, &st) == 0 ? (unsigned)st.st_mode : 0644u;
	l->present = presence_join(&l->presence, ui->path, l->user, l->host, mode);
	if (l->present) {
		ui_term_presence(l->presence.self, l->presence.dir);
		l->refreshed = l->looked = time(NULL);
		l->other_count = presence_others(&l->presence, l->refreshed, l->others, sizeof l->others);
	}
	(void)ui_live_history(ui); /* loaded now: the draws read it as loaded, the tick follows it */
}

void ui_live_leave(struct ui *ui)
{
	struct ui_live *l = ui->live;
	if (!l || !l->present)
		return;
	ui_term_presence(NULL, NULL);
	presence_leave(&l->presence);
	l->present = false;
}

static void drop_mark(struct ui_mark *m)
{
	free(m->id);
	free(m->who);
}

void ui_live_fini(struct ui *ui)
{
	struct ui_live *l = ui->live;
	if (!l)
		return;
	ui_live_leave(ui);
	if (l->watching)
		watch_close(&l->watch);
	for (size_t i = 0; i < l->mark_count; i++)
		drop_mark(&l->marks[i]);
	free(l->marks);
	if (l->hist_loaded)
		history_fini(&l->hist);
	free(l->hist_path);
	free(l);
	ui->live = NULL;
}

const char *ui_live_blocked(const struct ui *ui)
{
	if (ui->read_only_why[0])
		return ui->read_only_why;
	if (ui->live && ui->live->invalid[0])
		return "the file on disk is invalid (see the top line); fix it first";
	return NULL;
}

const char *ui_live_invalid(const struct ui *ui)
{
	return ui->live && ui->live->invalid[0] ? ui->live->invalid : NULL;
}

const char *ui_live_user(const struct ui *ui)
{
	return ui->live && ui->live->user[0] ? ui->live->user : NULL;
}

const char *ui_live_host(const struct ui *ui)
{
	return ui->live && ui->live->host[0] ? ui->live->host : NULL;
}

const char *ui_live_others(const struct ui *ui, size_t *count)
{
	*count = ui->live ? ui->live->other_count : 0;
	return *count ? ui->live->others : "";
}

const char *ui_live_history_path(const struct ui *ui)
{
	return ui->live ? ui->live->hist_path : NULL;
}

struct presence *ui_live_presence(struct ui *ui)
{
	return ui->live && ui->live->present ? &ui->live->presence : NULL;
}

void ui_live_refreshed(struct ui *ui, time_t now)
{
	if (ui->live)
		ui->live->refreshed = now;
}

bool ui_live_refused(struct ui *ui)
{
	const char *why = ui_live_blocked(ui);
	if (!why)
		return false;
	if (ui->read_only_why[0])
		ui_error(ui, "Read-only: %s; nothing was changed", why);
	else
		ui_error(ui, "Not saved: %s", why);
	return true;
}

/* --- history ------------------------------------------------------------ */

const struct history *ui_live_history(struct ui *ui)
{
	struct ui_live *l = live_of(ui);
	if (!l || !l->hist_path)
		return NULL;
	struct stat st;
	bool exists = stat(l->hist_path, &st) == 0;
	if (l->hist_loaded && exists && (long long)st.st_size == l->hist_size &&
	    st.st_mtim.tv_sec == l->hist_mtime.tv_sec && st.st_mtim.tv_nsec == l->hist_mtime.tv_nsec &&
	    (unsigned long)st.st_ino == l->hist_ino)
		return &l->hist;
	if (l->hist_loaded && !exists && l->hist_size == 0)
		return &l->hist;
	UI_NOT_DRAWING(ui); /* a reload belongs to the measure step or the tick */
	if (l->hist_loaded)
		history_fini(&l->hist);
	l->hist_loaded = false;
	char why[300];
	if (!history_load(&l->hist, l->hist_path, why, sizeof why))
		return NULL;
	l->hist_loaded = true;
	l->hist_size = exists ? (long long)st.st_size : 0;
	l->hist_mtime = exists ? st.st_mtim : (struct timespec){ 0, 0 };
	l->hist_ino = exists ? (unsigned long)st.st_ino : 0;
	return &l->hist;
}

bool ui_meeting_today(const struct ui *ui)
{
	const struct history *h = ui_live_history_loaded(ui);
	long at = history_last_meeting(h);
	if (at < 0)
		return false;
	char today[DATE_TEXT_SIZE], now[16];
	date_format(ui->opt.today, today);
	time_t t = time(NULL);
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(now, sizeof now, "%Y-%m-%d", &tm))
		now[0] = '\0';
	const char *when = h->entries[at].time;
	return strncmp(when, today, 10) == 0 || (now[0] && strncmp(when, now, 10) == 0);
}

const struct history *ui_live_history_loaded(const struct ui *ui)
{
	return ui->live && ui->live->hist_loaded ? &ui->live->hist : NULL;
}

static const struct history_entry *newest_for(const struct history *h, const char *id, const char *field,
                                              const char *since)
{
	if (!h)
		return NULL;
	for (size_t i = h->count; i-- > 0;) {
		const struct history_entry *e = &h->entries[i];
		if (!e->id || strcmp(e->id, id) != 0)
			continue;
		if (field && (!e->field || strcmp(e->field, field) != 0))
			continue;
		if (since && strcmp(e->time, since) < 0)
			return NULL; /* the file is in time order: nothing newer below */
		return e;
	}
	return NULL;
}

const char *ui_live_who(struct ui *ui, const char *id, const char *field)
{
	const struct history_entry *e = newest_for(ui_live_history(ui), id, field, NULL);
	return e ? e->user : NULL;
}

/* --- marks -------------------------------------------------------------- */

/* The fields `newest`'s author changed in milestone `id` since `since`,
 * in the order they did ("status blocked, notes": the status and the due
 * date with their new values). */
static void fields_changed(struct ui *ui, const char *id, const struct history_entry *newest, const char *since,
                           char *out, size_t size)
{
	const struct history *h = ui_live_history(ui);
	const struct history_entry *fields[16]; /* newest first, one per field */
	size_t n = 0, used = 0;
	out[0] = '\0';
	for (size_t i = h ? h->count : 0; i-- > 0 && n < 16;) {
		const struct history_entry *e = &h->entries[i];
		if (strcmp(e->time, since) < 0)
			break; /* in time order: nothing newer below */
		if (!e->id || !e->field || !e->user || strcmp(e->id, id) != 0 || strcmp(e->user, newest->user) != 0)
			continue;
		size_t k = 0;
		while (k < n && strcmp(fields[k]->field, e->field) != 0)
			k++;
		if (k == n) /* the newest value of each field is the one to name */
			fields[n++] = e;
	}
	for (size_t k = n; k-- > 0 && used < size;) {
		const struct history_entry *e = fields[k];
		char v[64] = "";
		if (strcmp(e->field, "status") == 0 || strcmp(e->field, "due") == 0)
			str_short(e->new_value ? e->new_value : "~", 40, v, sizeof v);
		used += (size_t)snprintf(out + used, size - used, "%s%s%s%s", k + 1 < n ? ", " : "", e->field,
		                         v[0] ? " " : "", v);
	}
}

/* "amina changed Harmonise customs … — status blocked, notes": who, the
 * milestone's title and every field they changed in it. */
static void say_mark(struct ui *ui, const char *id, const struct history_entry *newest, const char *since)
{
	long m = charter_find_milestone(&ui->charter, id);
	char title[160];
	str_short(m >= 0 && ui->charter.milestones[m].title ? ui->charter.milestones[m].title : id, 40, title, sizeof title);
	if (newest->field && strcmp(newest->field, "milestone") == 0) {
		if (newest->new_value)
			ui_message(ui, "%s added: %s", newest->user, title);
		else
			ui_message(ui, "%s removed: %s", newest->user, title);
		return;
	}
	char changes[256];
	fields_changed(ui, id, newest, since, changes, sizeof changes);
	ui_message(ui, "%s changed %s %s %s", newest->user, title, ui->opt.ascii ? "-" : "\xe2\x80\x94", changes);
}

/* The change's author: the newest history line for the id from around the
 * time it was noticed. The writer appends it just after renaming the new
 * file in, so it may not be there yet: tried again on later ticks. */
static bool resolve_who(struct ui *ui, struct ui_mark *m)
{
	if (m->who)
		return false;
	char since[24];
	history_format_time(m->when - 10, since);
	const struct history_entry *e = newest_for(ui_live_history(ui), m->id, NULL, since);
	if (!e || !e->user)
		return false;
	m->who = strdup(e->user);
	/* say it on the message line too: rows on a narrow screen show only a mark */
	say_mark(ui, m->id, e, since);
	return m->who != NULL;
}

void ui_live_mark(struct ui *ui, const char *const *ids, size_t n)
{
	struct ui_live *l = live_of(ui);
	if (!l || !n)
		return;
	time_t now = time(NULL);
	for (size_t i = 0; i < n; i++) {
		struct ui_mark *m = NULL;
		for (size_t j = 0; j < l->mark_count; j++)
			if (strcmp(l->marks[j].id, ids[i]) == 0)
				m = &l->marks[j];
		if (!m) {
			struct ui_mark *v = realloc(l->marks, (l->mark_count + 1) * sizeof *v);
			if (!v)
				return;
			l->marks = v;
			m = &l->marks[l->mark_count];
			memset(m, 0, sizeof *m);
			m->id = strdup(ids[i]);
			if (!m->id)
				return;
			l->mark_count++;
		}
		free(m->who);
		m->who = NULL;
		m->when = now;
		resolve_who(ui, m);
	}
}

const struct ui_mark *ui_live_mark_of(const struct ui *ui, const char *id)
{
	const struct ui_live *l = ui->live;
	if (!l || !id)
		return NULL;
	time_t now = time(NULL);
	for (size_t i = 0; i < l->mark_count; i++)
		if (now - l->marks[i].when < UI_MARK_SECONDS && strcmp(l->marks[i].id, id) == 0)
			return &l->marks[i];
	return NULL;
}

void ui_live_mark_text(const struct ui *ui, const struct ui_mark *m, char *buf, size_t size)
{
	(void)ui;
	long age = (long)(time(NULL) - m->when);
	if (age < 0)
		age = 0;
	if (m->who)
		snprintf(buf, size, "changed by %s %ld s ago", m->who, age);
	else
		snprintf(buf, size, "changed %ld s ago", age);
}

/* Ages the marks: true when what they show changed. */
static bool tick_marks(struct ui *ui, time_t now)
{
	struct ui_live *l = ui->live;
	bool changed = false;
	size_t kept = 0;
	for (size_t i = 0; i < l->mark_count; i++) {
		if (now - l->marks[i].when >= UI_MARK_SECONDS) {
			drop_mark(&l->marks[i]);
			changed = true;
			continue;
		}
		if (resolve_who(ui, &l->marks[i]))
			changed = true;
		l->marks[kept++] = l->marks[i];
	}
	l->mark_count = kept;
	/* the ages ("12 s ago") move once a second */
	if (kept && now != l->marks_second) {
		l->marks_second = now;
		changed = true;
	}
	return changed;
}

/* --- reloading ---------------------------------------------------------- */

void ui_live_saved(struct ui *ui, const char *text, size_t len)
{
	struct ui_live *l = live_of(ui);
	if (l && l->watching)
		watch_set_content(&l->watch, text, len);
}

unsigned ui_live_check(struct ui *ui)
{
	struct ui_live *l = live_of(ui);
	if (!l)
		return 0;
	size_t len = 0;
	struct diag_list quiet; /* a vanished file is looked at again, not reported */
	diag_init(&quiet, 1);
	char *text = charter_read_file(ui->path, &len, &quiet);
	diag_fini(&quiet);
	if (!text) { /* replaced just now, or gone: look again on the next tick */
		l->recheck = true;
		return 0;
	}
	l->recheck = false;
	if (l->watching && watch_same_content(&l->watch, text, len)) {
		free(text);
		return 0;
	}
	if (l->watching)
		watch_set_content(&l->watch, text, len);
	struct charter fresh;
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	bool ok = charter_load_text(&fresh, ui->path, text, len, &diags);
	if (!ok) {
		char first[sizeof l->invalid];
		snprintf(first, sizeof first, "%s: the file could not be read", ui->path);
		for (size_t i = 0; i < diags.count; i++)
			if (diags.items[i].severity == DIAG_ERROR) {
				diag_format(&diags.items[i], first, sizeof first);
				break;
			}
		diag_fini(&diags);
		charter_fini(&fresh);
		bool was = l->invalid[0] != '\0';
		if (strcmp(first, l->invalid) == 0)
			return 0;
		snprintf(l->invalid, sizeof l->invalid, "%s", first);
		/* the banner is the header's: a new error redraws it there, or
		 * it would keep showing the first one (issue 13) */
		ui->dirty |= UI_DIRTY_HEADER | UI_DIRTY_FOOTER;
		return was ? UI_REDRAW : UI_RELAYOUT; /* the banner takes a line */
	}
	diag_fini(&diags);
	l->invalid[0] = '\0';
	const char **ids = NULL;
	size_t n = changes_between(&ui->charter, &fresh, &ids);
	bool bad_count = n == (size_t)-1;
	if (!ui_replace_charter(ui, &fresh)) {
		charter_fini(&fresh);
		free(ids);
		return UI_REDRAW;
	}
	/* ids point into fresh, now ui->charter */
	if (!bad_count)
		ui_live_mark(ui, ids, n);
	free(ids);
	return UI_RELAYOUT | UI_REDRAW;
}

/* --- the tick ------------------------------------------------------------- */

unsigned ui_live_tick(struct ui *ui)
{
	struct ui_live *l = ui->live;
	if (!l)
		return 0;
	unsigned flags = 0;
	time_t now = time(NULL);
	if (l->recheck || (l->watching && watch_changed(&l->watch)))
		flags |= ui_live_check(ui);
	if (l->present) {
		if (now - l->refreshed >= PRESENCE_REFRESH) {
			presence_refresh(&l->presence);
			l->refreshed = now;
		}
		if (now - l->looked >= OTHERS_SECONDS) {
			char others[sizeof l->others];
			size_t n = presence_others(&l->presence, now, others, sizeof others);
			l->looked = now;
			if (n != l->other_count || strcmp(others, l->others) != 0) {
				memcpy(l->others, others, sizeof others);
				l->other_count = n;
				ui->dirty |= UI_DIRTY_HEADER;
			}
		}
	}
	/* the history, reloaded here when it grew (the draws show it as
	 * loaded): the footer knows a meeting is on, and the panels that show
	 * it (details, the minutes) follow it */
	if (l->hist_path && l->hist_loaded) {
		struct stat st;
		long long size = stat(l->hist_path, &st) == 0 ? (long long)st.st_size : 0;
		if (size != l->hist_size) {
			(void)ui_live_history(ui);
			ui->dirty |= UI_DIRTY_FOOTER;
			if (ui_modes[ui_panel_mode(ui)].shows_history)
				flags |= UI_RELAYOUT;
		}
	}
	if (tick_marks(ui, now)) {
		flags |= UI_REDRAW;
		ui->dirty |= UI_DIRTY_OVERLAY | UI_DIRTY_BODY;
	}
	return flags;
}
