/* history — the append-only change log beside a charter file
 * (FILE.history): one JSON object per line, newest last:
 *   {"time":"2026-11-26T19:00:00Z","user":"amina","host":"srv1",
 *    "id":"energy-roadmap","group":"energy","field":"status",
 *    "old":"in_progress","new":"done"}
 * A status change that also wrote or removed `completed` says so on the same
 * line: "completed_old":null,"completed_new":"2026-11-26".
 * Adding a milestone logs field "milestone" with old null and new = title;
 * removing one logs old = title and new null. Git merges such files
 * without conflicts with `*.history merge=union` in .gitattributes. */
#ifndef CHARTERDASH_HISTORY_H
#define CHARTERDASH_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* The entry that marks the start of a meeting (`m` in the dashboard,
 * `charterdash mark`): id "*", field "meeting", no values. `minutes
 * --since meeting` starts there. */
#define MEETING_ID "*"
#define MEETING_FIELD "meeting"

struct history_entry {
	char time[24]; /* ISO 8601 UTC, "YYYY-MM-DDTHH:MM:SSZ" */
	const char *user, *host, *id, *group, *field, *old_value, *new_value;
	bool has_completed; /* the change also set `completed` from ..._old to ..._new */
	const char *completed_old, *completed_new;
};

/* True when e is a meeting mark (MEETING_ID / MEETING_FIELD). */
bool history_is_meeting(const struct history_entry *e);

/* "charter.yaml" → "charter.yaml.history" (malloc'd). */
char *history_path(const char *data_path);

/* Formats `when` as the entry's time. */
void history_format_time(time_t when, char out[24]);

/* Appends one line (O_APPEND, one write, so concurrent appenders never
 * interleave). `mode` is the permission the file gets when created. */
bool history_append(const char *path, const struct history_entry *e, unsigned mode, char *why, size_t why_size);

struct buf;
/* Adds the entry's line (with its newline) to `line`; false when out of memory. */
bool history_format_entry(struct buf *line, const struct history_entry *e);

/* Appends lines already formatted, in one write (as history_append). */
bool history_append_text(const char *path, const char *text, size_t len, unsigned mode, char *why, size_t why_size);

/* Whether the file at `path` ends with exactly `text` (a repair after a
 * kill must not append the same lines twice). */
bool history_ends_with(const char *path, const char *text, size_t len);

struct history {
	struct history_entry *entries;
	size_t count;
	char *text; /* the file, parsed in place */
	size_t skipped; /* lines that were not history entries */
};

/* The index of the latest meeting mark in h, or -1 (also for NULL). */
long history_last_meeting(const struct history *h);

/* Reads the whole history; a missing file is an empty history. */
bool history_load(struct history *h, const char *path, char *why, size_t why_size);
void history_fini(struct history *h);

#endif
