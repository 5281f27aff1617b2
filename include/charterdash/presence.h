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
};

/* Creates our record; false when the directory is not writable (then the
 * dashboard simply shows no presence). `mode` is the data file's mode:
 * the records are no more readable than it. */
bool presence_join(struct presence *p, const char *data_path, const char *user, const char *host,
                   unsigned mode);
/* Refreshes our record's time. */
void presence_refresh(struct presence *p);
void presence_leave(struct presence *p);

/* Names ("amina@srv1") of the other live sessions, in directory order, written
 * into out as a comma-separated list; returns how many there are. */
size_t presence_others(const struct presence *p, time_t now, char *out, size_t out_size);

#endif
