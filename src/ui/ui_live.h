/* ui_live — following the file: watch, reloads, marks of others' changes,
 * the invalid-file banner, presence, the history cache. */
#ifndef CHARTERDASH_UI_LIVE_H
#define CHARTERDASH_UI_LIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "charterdash/store/history.h"
#include "charterdash/store/presence.h"

struct ui;

/* How long a milestone someone else changed stays marked. */
#define UI_MARK_SECONDS 60

struct ui_mark {
	char *id;
	char *who;   /* NULL until the history names them */
	time_t when; /* noticed */
};


/* Starts watching the file, joins the presence records. Never fatal. */
void ui_live_start(struct ui *ui);
/* The session's tick: reloads on a real change, refreshes presence, ages marks. */
unsigned ui_live_tick(struct ui *ui);
/* Looks at the file now (after a failed save, "keep theirs"). */
unsigned ui_live_check(struct ui *ui);
/* Our own save: its text is not an outside change. */
void ui_live_saved(struct ui *ui, const char *text, size_t len);
/* Marks milestones changed by someone else (ids borrowed). */
void ui_live_mark(struct ui *ui, const char *const *ids, size_t n);
/* The mark on milestone `id` still showing, or NULL. */
const struct ui_mark *ui_live_mark_of(const struct ui *ui, const char *id);
/* "changed by amina 12 s ago" for a mark. */
void ui_live_mark_text(const struct ui *ui, const struct ui_mark *m, char *buf, size_t size);
/* The history, reloaded when FILE.history changed (it stats the file: for
 * handlers, ticks and measure steps); NULL when unreadable. */
const struct history *ui_live_history(struct ui *ui);
/* The history as last loaded, without looking at the file: what a draw
 * shows (the measure step before it reloaded what changed). */
const struct history *ui_live_history_loaded(const struct ui *ui);
/* True while a meeting is on: the latest mark is of today (the dashboard's
 * day or the clock's, in UTC), in the history as loaded. */
bool ui_meeting_today(const struct ui *ui);
/* Who last changed id.field per the history (NULL: unknown). */
const char *ui_live_who(struct ui *ui, const char *id, const char *field);
/* Presence off (idempotent): every exit path. */
void ui_live_leave(struct ui *ui);
void ui_live_fini(struct ui *ui);
/* Why nothing can be written now, or NULL. */
const char *ui_live_blocked(const struct ui *ui);
/* True (and says why on the message line) when nothing may be written. */
bool ui_live_refused(struct ui *ui);
/* The first error while the file on disk does not load, or NULL. */
const char *ui_live_invalid(const struct ui *ui);
/* Who and where we are (for the history and presence), NULL before the
 * screen opened. */
const char *ui_live_user(const struct ui *ui);
const char *ui_live_host(const struct ui *ui);
/* The others here ("amina@srv1, bob@srv2") and how many. */
const char *ui_live_others(const struct ui *ui, size_t *count);
/* FILE.history's path, or NULL. */
const char *ui_live_history_path(const struct ui *ui);
/* The presence records joined (NULL: none), for ui_follow.c; a record
 * written through it counts as refreshed at `now`. */
struct presence *ui_live_presence(struct ui *ui);
void ui_live_refreshed(struct ui *ui, time_t now);

#endif
