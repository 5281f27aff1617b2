/* ui_live — following the file: watch, reloads, marks of others' changes,
 * the invalid-file banner, presence, the history cache. */
#ifndef CHARTERDASH_UI_LIVE_H
#define CHARTERDASH_UI_LIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "charterdash/store/history.h"
#include "charterdash/store/presence.h"
#include "charterdash/store/watch.h"

struct ui;

/* How long a milestone someone else changed stays marked. */
#define UI_MARK_SECONDS 60

struct ui_mark {
	char *id;
	char *who;   /* NULL until the history names them */
	time_t when; /* noticed */
};

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
	/* following (ui_follow.c) */
	char leader[64];          /* the user followed, "" none (yet) */
	char leader_seen[512];    /* their focus as last applied */
	char published[512];      /* our focus as last written */
	char follow_note[96];     /* the header's "following amina" / "2 following" */
	time_t counted;           /* followers last counted */
};

/* Starts watching the file, joins the presence records. Never fatal. */
void ui_live_start(struct ui *ui);
/* The on_tick hook: reloads on a real change, refreshes presence, ages marks. */
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
/* The history, reloaded when the file changed; NULL when unreadable. */
const struct history *ui_live_history(struct ui *ui);
/* Who last changed id.field per the history (NULL: unknown). */
const char *ui_live_who(struct ui *ui, const char *id, const char *field);
/* Presence off (idempotent): every exit path. */
void ui_live_leave(struct ui *ui);
void ui_live_fini(struct ui *ui);
/* Why nothing can be written now, or NULL. */
const char *ui_live_blocked(const struct ui *ui);

#endif
