/* store — the edit transaction: the one path by which any change reaches a
 * charter file.
 *
 *   1. take an exclusive lock on .NAME.lock beside the file (readers never lock);
 *   2. read and load the file as it is on disk now;
 *   3. if the field no longer holds the value the user saw: a conflict;
 *   4. plan a text edit that replaces only the changed bytes (patch);
 *   5. load the edited text and check it is exactly the intended model;
 *   6. write a temporary file in the same directory (O_EXCL, the original's
 *      mode, owner and group), fsync, rename over the original, fsync the
 *      directory — a crash leaves the old or the new file, never a mix.
 *      Editors take no lock: if the file changed on disk since step 2, it
 *      is not replaced; steps 2-6 run again on what is there now (3 times
 *      at most). The rename is an exchange (renameat2 RENAME_EXCHANGE,
 *      where the file system has it): if the file it replaced is not the
 *      text of step 2 (an editor saved in the last instant), that file is
 *      swapped back and steps 2-6 run again on it;
 *   7. append a line to NAME.history; release the lock. Just before the
 *      rename, the lines go to a journal in the lock file, emptied once
 *      they are in the history: the next transaction (or `log`) appends
 *      them if the writer was killed in between and its change is saved.
 * A symlinked data file is written through to its target. The lock and
 * history files get the data file's group and permissions, so everyone who
 * may change the data file may lock and log too. */
#ifndef CHARTERDASH_STORE_H
#define CHARTERDASH_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "charterdash/core/charter.h"
#include "charterdash/core/diag.h"
#include "charterdash/core/edit.h"
#include "charterdash/store/patch.h"
#include "charterdash/store/undo.h"

enum store_status {
	STORE_OK,        /* applied (or nothing to change: see `changed`) */
	STORE_CONFLICT,  /* the value changed since the user saw it */
	STORE_REFUSED,   /* the change is not valid or not safe: see `why` */
	STORE_INVALID,   /* the file on disk does not load: see the diagnostics */
	STORE_IO,        /* lock, read or write failed, or editors kept saving the
	                    file meanwhile: see `why`; file untouched */
};

struct store_options {
	bool dry_run;     /* plan and verify, write nothing */
	/* A file with no write permission for anyone (0444) is refused, root
	 * or not; true changes it anyway (--force), if the user is root or
	 * its owner, keeping its mode. */
	bool force_read_only;
	const char *user; /* for the history; NULL: the login name */
	const char *host; /* NULL: this host's name */
	time_t now;       /* 0: the current time */
	/* Called when the new text is in the temporary file, just before the
	 * check that the data file did not change and the rename: lets tests
	 * play an editor saving at that moment. NULL: nothing. */
	void (*before_rename)(void *arg);
	void *before_rename_arg;
	/* Called after every check, right before the rename: an editor saving
	 * then is seen only afterwards, in the file the rename replaced. */
	void (*at_rename)(void *arg);
	void *at_rename_arg;
	/* How long to wait for another writer's lock, in milliseconds; 0
	 * waits as long as it takes. The dashboard gives up after a few
	 * seconds rather than freeze behind a stuck writer. */
	int lock_wait_ms;
	/* A model the caller already holds (the dashboard's): when the file
	 * under the lock is byte for byte the text it was loaded from, the
	 * change is planned on it instead of on a fresh load. The edited text
	 * is still loaded and checked in full. NULL: always load. */
	const struct charter *known;
	/* Undo of a delete (one edit: the EDIT_ADD it amounts to, for the
	 * history): the milestone's exact bytes go back where they were,
	 * instead of the edit. STORE_CONFLICT when the text around that place
	 * changed since (undo_restore_plan). NULL: the edits as they are. */
	const struct text_restore *restore;
	/* Undo of an add (one EDIT_REMOVE): STORE_CONFLICT unless the
	 * milestone's bytes are still exactly these. NULL: no check. */
	const char *expect_bytes;
	size_t expect_len;
};

struct store_result {
	bool changed;          /* false when the field already held the value */
	char *current;         /* on conflict: what the file holds now (NULL: absent) */
	char *old_value;       /* what was replaced (SET), the title (REMOVE) */
	char *group;           /* the milestone's working group id (for the history) */
	/* A status change that also wrote or removed `completed` (edit.h):
	 * what it was and is now (NULL: absent). */
	bool completed_changed;
	char *completed_old, *completed_new;
	struct text_edit edit; /* the bytes replaced, in the old text */
	char *old_text;        /* the file before and after (for diffs); owned */
	size_t old_len;
	char *new_text;
	size_t new_len;
	struct charter after;  /* the verified new model (valid when STORE_OK and changed) */
	bool have_after;
	unsigned attempts;     /* times steps 2-6 ran: more than 1 when an editor saved meanwhile */
	char why[512];
	char warning[320];     /* on STORE_OK: a problem after the save (history); "" if none */
};

void store_result_init(struct store_result *r);
void store_result_fini(struct store_result *r);

enum store_status store_apply(const char *path, const struct edit *e, const struct store_options *opt,
                              struct store_result *r, struct diag_list *diags);

/* Several edits as one transaction (set ID status=done owner=X): each is
 * planned on the text the ones before produced, all are checked before
 * anything is written, the file is written once and each edit that
 * changed something gets its history line. r[i] is edits[i]'s result
 * (each initialised by the caller); the whole transaction's old_text,
 * attempts and warning are in r[0], and the new text and model in the
 * last result that changed. On failure nothing is written, and the edit
 * that failed is the first whose `why` is not empty. */
enum store_status store_apply_all(const char *path, const struct edit *edits, size_t count,
                                  const struct store_options *opt, struct store_result *r, struct diag_list *diags);

/* Steps 3 to 5 of the transaction on a charter loaded from the file's
 * current text: the conflict check, the text edit, and the check that the
 * edited text loads to exactly the intended model (r->after, r->new_text).
 * Touches no file: the fuzzer and store_apply_all both plan with it. */
enum store_status store_plan(const struct charter *before, const struct edit *e, struct store_result *r);

/* Loads the charter at `path` as it is on disk, refusing a directory, FIFO
 * or device before opening it (which could block). STORE_IO: see `why`;
 * STORE_INVALID: see diags. Either way `c` must be finished. */
enum store_status store_load(const char *path, struct charter *c, struct diag_list *diags, char *why,
                             size_t why_size);

/* Writes `text` to `path` atomically (temp file
 * .NAME.charterdash-tmp.PID.XXXXXX in the same directory, held with an
 * flock until the rename; fsync, rename, fsync of the directory), keeping
 * `path`'s mode, owner and group. On failure nothing at `path` changes and
 * no temporary file is left. Only a process killed between create and
 * rename leaves one; the next store_apply removes it under the lock, and
 * only a file of that exact shape whose flock is free (its writer is dead):
 * a user's `.NAME.backup` is never touched. */
bool store_write_atomic(const char *path, const char *text, size_t len, char *why, size_t why_size);

/* Appends a meeting mark (MEETING_ID / MEETING_FIELD) to the file's
 * history under the lock, with the same permissions as a change's line;
 * `when` receives its time. False with a reason. */
bool store_mark_meeting(const char *path, const char *user, const char *host, char when[24], char *why,
                        size_t why_size);

/* Completes the history after a writer was killed between its rename and
 * its history line (the journal in the lock file: see store.c), under the
 * lock; does nothing (and takes no lock) when no save was cut short, or
 * when the lock file is not the caller's to write. `log` and `minutes`
 * call it before reading the history; every change does it too. */
void store_settle_history(const char *path);

/* Keeps with the undo step just recorded for `e` (an add or a delete that
 * `r` saved) the text undo needs: the bytes deleted and the lines around
 * them, or the milestone as added. False: not kept (undo then works from
 * the fields alone). */
bool store_undo_attach(struct undo *u, const struct edit *e, const struct store_result *r);

/* The options an undo plan needs (restore, expected bytes); NULL clears them. */
void store_options_for_undo(struct store_options *opt, const struct undo_plan *plan);

/* The user's login name, for history and presence. */
const char *store_user_name(void);

#endif
