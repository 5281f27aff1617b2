/* presence — who else has a charter open in charterdash.
 *
 * Each open dashboard keeps a small record in the directory
 * .NAME.presence/ beside the data file: one file per session,
 * named USER@HOST.PID, refreshed (touched) every PRESENCE_REFRESH seconds
 * and removed on exit. A record not refreshed for PRESENCE_STALE seconds
 * (a killed session, a dropped SSH link) is ignored, and removed by the
 * next reader. Nothing in it is private: user and host names only. */
#ifndef CHARTERDASH_PRESENCE_H
#define CHARTERDASH_PRESENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define PRESENCE_REFRESH 10
#define PRESENCE_STALE 45

struct presence {
	char *dir;  /* .NAME.presence */
	char *self; /* our record's path */
	int dfd;    /* the directory, opened once (never through a symlink):
	               every record is reached through it, so a directory
	               swapped for a symlink later leads nowhere else */
};

/* Creates our record; false when the directory is not writable (then the
 * dashboard simply shows no presence), is a symlink, or, in a directory
 * others can write to, belongs to a user who may not change the data file.
 * `mode` is the data file's mode: the records are no more readable than
 * it (and the umask narrows them). */
bool presence_join(struct presence *p, const char *data_path, const char *user, const char *host,
                   unsigned mode);
/* Refreshes our record's time. */
void presence_refresh(struct presence *p);
void presence_leave(struct presence *p);

/* Names ("amina@srv1") of the other live sessions, in directory order, written
 * into out as a comma-separated list; returns how many there are. */
size_t presence_others(const struct presence *p, time_t now, char *out, size_t out_size);

/* What a session looks at, kept in its record so that others can follow
 * it (`charterdash --follow USER`). The record holds "key value" lines;
 * an empty record (from before the focus was kept) reads as no focus. */
struct presence_focus {
	char view[24];       /* the screen shown: "main", "detail", "help" ... */
	bool zoom;           /* the focused pane fills the screen */
	char group[128];     /* the focused pane's group id, "" none */
	char milestone[128]; /* the selected milestone's id, "" none */
	char following[64];  /* the user this session follows, "" none */
};

/* The record's text for a focus, and back; parsing ignores unknown keys
 * and lines (records of later versions) and is false when no focus is in
 * it (an old, empty record). */
void presence_focus_format(const struct presence_focus *f, char *out, size_t size);
bool presence_focus_parse(const char *text, struct presence_focus *f);

/* Writes our focus into our record (whole: a temporary file renamed over
 * it, which also refreshes its time). False when it could not. */
bool presence_publish(struct presence *p, const struct presence_focus *f);

/* The focus of `user`'s live session (the most recently refreshed one that
 * is not ours): false when there is none or it keeps no focus. */
bool presence_focus_of(const struct presence *p, const char *user, time_t now, struct presence_focus *f);

/* How many other live sessions follow `user`. */
size_t presence_followers(const struct presence *p, const char *user, time_t now);

#endif
