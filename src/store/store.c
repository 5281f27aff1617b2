/* store — lock, re-read, patch, verify, write atomically, log. */
/* renameat2(RENAME_EXCHANGE), where the C library has it */
#define _GNU_SOURCE
#include "charterdash/store/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charterdash/core/buf.h"
#include "charterdash/store/history.h"
#include "charterdash/core/fsio.h"
#include "charterdash/core/strutil.h"

void store_result_init(struct store_result *r)
{
	memset(r, 0, sizeof *r);
}

void store_result_fini(struct store_result *r)
{
	free(r->current);
	free(r->old_value);
	free(r->group);
	free(r->completed_old);
	free(r->completed_new);
	text_edit_fini(&r->edit);
	free(r->old_text);
	free(r->new_text);
	if (r->have_after)
		charter_fini(&r->after);
	memset(r, 0, sizeof *r);
}

const char *store_user_name(void)
{
	const char *name = getenv("LOGNAME");
	if (!name || !*name)
		name = getenv("USER");
	if (!name || !*name) {
		struct passwd *pw = getpwuid(getuid());
		name = pw ? pw->pw_name : "unknown";
	}
	return name;
}

/* Two looks at a file that show no change between them. */
static bool same_file_state(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	       a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* A temporary's name: `.NAME.charterdash-tmp.PID.` and mkstemp's six
 * characters, a shape no user or other tool gives a file by accident. */
#define TEMP_MARKER ".charterdash-tmp."

enum write_result { WRITE_DONE, WRITE_FAILED, WRITE_RACED };

/* A transaction on one file: what it holds while it runs. */
struct txn {
	const char *user_path, *path;
	const struct store_options *opt;
	int lock;       /* the flock'd .NAME.lock, -1 for a dry run */
	struct stat st; /* the data file as this attempt read it */
	int pin;        /* that file, kept open: its inode cannot be reused meanwhile */
	const char *base; /* its text, which the change was made on */
	size_t base_len;
	struct buf lines; /* the history lines of this attempt's changes */
};

static bool keep_lock(struct txn *t, char *why, size_t why_size);

/* Puts `tmp` at `path`. With `exchange`, where the system can, the two
 * swap in one step (*exchanged), so that what was replaced stays at `tmp`
 * to be looked at; elsewhere a plain rename. */
static int install(const char *tmp, const char *path, bool exchange, bool *exchanged)
{
#ifdef RENAME_EXCHANGE
	if (exchange) {
		if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_EXCHANGE) == 0) {
			*exchanged = true;
			return 0;
		}
		if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP && errno != EOPNOTSUPP)
			return -1;
	}
#endif
	(void)exchange;
	return rename(tmp, path);
}

/* Whether the file at `name` holds exactly `text`. */
static bool file_holds(const char *name, const char *text, size_t len)
{
	int fd = open(name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	bool same = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len;
	char chunk[65536];
	for (size_t at = 0; same && at < len;) {
		ssize_t n = read(fd, chunk, len - at < sizeof chunk ? len - at : sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		same = n > 0 && memcmp(chunk, text + at, (size_t)n) == 0;
		at += n > 0 ? (size_t)n : 0;
	}
	if (fd >= 0)
		close(fd);
	return same;
}

/* After the exchange, the file replaced is at `tmp`: if it is not the text
 * the change was made on, someone saved in the last instant before the
 * swap. Their file is swapped back and the change is made again on it
 * (WRITE_RACED), as for a save seen before the rename. */
static enum write_result check_replaced(const char *tmp, const char *path, struct txn *t, char *why,
                                        size_t why_size)
{
	if (file_holds(tmp, t->base, t->base_len)) {
		unlink(tmp);
		return WRITE_DONE;
	}
	if (install(tmp, path, true, &(bool){ false }) != 0) {
		snprintf(why, why_size, "%s was saved by someone else while this change was being written, and "
		         "putting their version back failed (%s): it is in %s", t->user_path, strerror(errno), tmp);
		return WRITE_FAILED;
	}
	unlink(tmp);
	return WRITE_RACED;
}

/* --- the journal: a change's history lines, kept until they are logged ---
 *
 * Between the rename and the history append a writer may be killed; the
 * change is then saved with no history line. So just before the rename the
 * lines go to the lock file (which only the lock holder touches), with the
 * temporary file's name and the new text's size and hash; once they are in
 * the history the lock file is emptied again. The next holder of the lock
 * that finds it not empty settles it: if the temporary still holds the new
 * text, the rename never happened and the lines are dropped; otherwise the
 * change is in place and the lines are appended (unless the history already
 * ends with them). The history's format is unchanged. */
#define JOURNAL_HEADER "charterdash-journal 1\n"

static bool create_sidecar(const char *name, const struct stat *data);

static uint64_t text_hash(const char *text, size_t len)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)text[i]) * 1099511628211u;
	return h;
}

static void journal_clear(struct txn *t)
{
	if (t && t->lock >= 0 && ftruncate(t->lock, 0) != 0) {
		/* a lock opened read-only keeps no journal */
	}
}

static void journal_write(struct txn *t, const char *tmp, const char *text, size_t len)
{
	const char *slash = strrchr(tmp, '/');
	const char *name = slash ? slash + 1 : tmp;
	if (t->lock < 0 || !t->lines.len || strchr(name, '\n'))
		return;
	struct buf j;
	buf_init(&j);
	char head[160];
	snprintf(head, sizeof head, "size %zu\nfnv1a %016llx\n", len, (unsigned long long)text_hash(text, len));
	buf_puts(&j, JOURNAL_HEADER "temp ");
	buf_puts(&j, name);
	buf_putc(&j, '\n');
	buf_puts(&j, head);
	buf_append(&j, t->lines.data, t->lines.len);
	if (!j.failed && ftruncate(t->lock, 0) == 0 && pwrite(t->lock, j.data, j.len, 0) != (ssize_t)j.len)
		journal_clear(t); /* a partial journal would only mislead */
	buf_fini(&j);
}

/* Whether `name` holds text of this size and hash. */
static bool file_hashes_to(const char *name, size_t size, unsigned long long hash)
{
	size_t len;
	struct diag_list quiet;
	diag_init(&quiet, 1);
	char *text = charter_read_file(name, &len, &quiet);
	diag_fini(&quiet);
	bool same = text && len == size && text_hash(text, len) == hash;
	free(text);
	return same;
}

/* A journal's parts: the temporary's name, the new text's size and hash,
 * and the history lines (pointing into `j`, which is changed). False when
 * `j` is not a journal. */
static bool journal_parse(char *j, char **name, size_t *size, unsigned long long *hash, char **lines)
{
	static const char lead[] = JOURNAL_HEADER "temp ";
	if (strncmp(j, lead, sizeof lead - 1) != 0)
		return false;
	char *nl = strchr(j + sizeof lead - 1, '\n');
	int used = 0;
	if (!nl || sscanf(nl + 1, "size %zu\nfnv1a %llx\n%n", size, hash, &used) != 2 || used == 0)
		return false;
	*nl = '\0';
	*name = j + sizeof lead - 1;
	*lines = nl + 1 + used;
	return true;
}

/* Appends a killed writer's lines if its change is in place (see above),
 * then empties the journal. */
static void journal_settle(const char *path, int lock, const struct stat *data)
{
	struct stat st;
	if (lock < 0 || fstat(lock, &st) != 0 || st.st_size == 0 || st.st_size > (1 << 26))
		return;
	char *j = malloc((size_t)st.st_size + 1);
	char *name, *lines;
	size_t size;
	unsigned long long hash;
	if (j && pread(lock, j, (size_t)st.st_size, 0) == st.st_size) {
		j[st.st_size] = '\0';
		char *dir = journal_parse(j, &name, &size, &hash, &lines) ? fsio_dir_of(path) : NULL;
		size_t n = dir ? strlen(dir) + strlen(name) + 2 : 0;
		char *tmp = n ? malloc(n) : NULL;
		char *hist = tmp ? history_path(path) : NULL;
		size_t len = hist ? strlen(lines) : 0;
		char why[256];
		if (len) {
			snprintf(tmp, n, "%s/%s", dir, name);
			if (!file_hashes_to(tmp, size, hash) && !history_ends_with(hist, lines, len)) {
				create_sidecar(hist, data);
				history_append_text(hist, lines, len, data->st_mode & 0666, why, sizeof why);
			}
		}
		free(hist);
		free(tmp);
		free(dir);
	}
	free(j);
	if (ftruncate(lock, 0) != 0) {
		/* read-only lock: nothing was written to it either */
	}
}

/* The new version in a fresh temporary `tmp` (a mkstemp template) with
 * the original's owner, group and mode, written and fsynced; *hold keeps
 * its flock. False with `why`, and no file left. */
static bool write_temp(char *tmp, const char *dir, const char *path, const struct stat *st, const char *text,
                       size_t len, int *hold, char *why, size_t why_size)
{
	/* mkstemp creates with O_EXCL and mode 0600: a planted file or symlink
	 * at the name makes it pick another name, never follow it. */
	int fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(why, why_size, "cannot create a temporary file in %s: %s", dir, strerror(errno));
		return false;
	}
	/* Held until the rename: while it is, no clean-up removes the file. */
	if (flock(fd, LOCK_EX) == 0)
		*hold = dup(fd);
	/* Owner and group first (may fail for a non-root user: then the file
	 * stays the writer's, as with any editor), then the original mode. */
	if (fchown(fd, st->st_uid, st->st_gid) != 0 && fchown(fd, (uid_t)-1, st->st_gid) != 0) {
		/* keep going: the mode still applies */
	}
	bool ok = fchmod(fd, st->st_mode & 07777) == 0 && fsio_write_all(fd, text, len) && fsync(fd) == 0;
	int err = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		err = errno;
	}
	if (!ok) {
		snprintf(why, why_size, "cannot write the new version of %s: %s; the file is unchanged", path,
		         strerror(err));
		unlink(tmp);
	}
	return ok;
}

/* store_write_atomic; with `expect`, the file must still be as `expect`
 * saw it just before the rename, or nothing is written (WRITE_RACED): an
 * editor that takes no lock saved it meanwhile. */
static enum write_result replace_file(const char *path, const char *text, size_t len, struct txn *t, char *why,
                                      size_t why_size)
{
	const struct stat *expect = t ? &t->st : NULL;
	const struct store_options *opt = t ? t->opt : NULL;
	struct stat st;
	if (expect) {
		st = *expect;
	} else if (stat(path, &st) != 0) {
		snprintf(why, why_size, "cannot read the file's permissions: %s", strerror(errno));
		return WRITE_FAILED;
	}
	char suffix[64];
	snprintf(suffix, sizeof suffix, TEMP_MARKER "%ld.XXXXXX", (long)getpid());
	char *tmp = fsio_sidecar_path(path, ".", suffix);
	char *dir = fsio_dir_of(path);
	if (!tmp || !dir) {
		free(tmp);
		free(dir);
		snprintf(why, why_size, "out of memory");
		return WRITE_FAILED;
	}
	enum write_result result = WRITE_FAILED;
	int hold = -1;
	if (!write_temp(tmp, dir, path, &st, text, len, &hold, why, why_size))
		goto out;
	if (opt && opt->before_rename)
		opt->before_rename(opt->before_rename_arg);
	if (t && !keep_lock(t, why, why_size)) {
		unlink(tmp);
		goto out;
	}
	struct stat now;
	if (expect && (stat(path, &now) != 0 || !same_file_state(expect, &now))) {
		unlink(tmp);
		result = WRITE_RACED;
		goto out;
	}
	if (t)
		journal_write(t, tmp, text, len);
	if (opt && opt->at_rename)
		opt->at_rename(opt->at_rename_arg);
	bool exchanged = false;
	if (install(tmp, path, t != NULL, &exchanged) != 0) {
		snprintf(why, why_size, "cannot replace %s: %s; the file is unchanged", path, strerror(errno));
		unlink(tmp);
		journal_clear(t);
		goto out;
	}
	if (exchanged && (result = check_replaced(tmp, path, t, why, why_size)) != WRITE_DONE) {
		if (result == WRITE_RACED)
			journal_clear(t);
		goto out;
	}
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd); /* makes the rename itself durable */
		close(dfd);
	}
	result = WRITE_DONE;
out:
	if (hold >= 0)
		close(hold);
	free(tmp);
	free(dir);
	return result;
}

bool store_write_atomic(const char *path, const char *text, size_t len, char *why, size_t why_size)
{
	return replace_file(path, text, len, NULL, why, why_size) == WRITE_DONE;
}

/* Whether `name` is one of our temporaries beside `base`; *pid is its writer. */
static bool is_temp_name(const char *name, const char *base, long *pid)
{
	size_t n = strlen(base), m = strlen(TEMP_MARKER);
	if (name[0] != '.' || strncmp(name + 1, base, n) != 0 || strncmp(name + 1 + n, TEMP_MARKER, m) != 0)
		return false;
	const char *x = name + 1 + n + m;
	if (*x < '1' || *x > '9')
		return false;
	for (*pid = 0; *x >= '0' && *x <= '9' && *pid < 100000000; x++)
		*pid = *pid * 10 + (*x - '0');
	if (*x++ != '.' || strlen(x) != 6)
		return false;
	for (; *x; x++)
		if (!((*x >= 'a' && *x <= 'z') || (*x >= 'A' && *x <= 'Z') || (*x >= '0' && *x <= '9')))
			return false;
	return true;
}

/* A writer holds an flock on its temporary from just after creating it
 * to the rename, so one whose flock can be taken while its writer's pid is
 * gone belongs to a writer that died (the kernel drops a dead process's
 * locks; the pid covers the instant between create and flock). Anything
 * else is left alone. */
static void remove_if_dead_writers(int dfd, const char *name, long pid)
{
	struct stat st, held;
	if (pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
		return;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
		return;
	int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0 && fstat(fd, &held) == 0 && held.st_ino == st.st_ino &&
	    held.st_dev == st.st_dev)
		unlinkat(dfd, name, 0); /* best effort: another user's may stay */
	close(fd);
}

static void remove_stale_temps(const char *path)
{
	char *dir = fsio_dir_of(path);
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	DIR *d = dir ? opendir(dir) : NULL;
	if (d) {
		struct dirent *ent;
		long pid;
		while ((ent = readdir(d)) != NULL)
			if (is_temp_name(ent->d_name, base, &pid))
				remove_if_dead_writers(dirfd(d), ent->d_name, pid);
		closedir(d);
	}
	free(dir);
}

/* Creates a file that lives beside the data file (lock, history) when it
 * is missing, with the data file's group and read/write permissions: no
 * wider, and not narrowed by the umask either, so that everyone who may
 * change the data file can lock and log too. O_EXCL never follows a
 * symlink at the name. False with errno on failure. */
static bool create_sidecar(const char *name, const struct stat *data)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, data->st_mode & 0666);
	if (fd < 0)
		return errno == EEXIST;
	if (fchown(fd, (uid_t)-1, data->st_gid) != 0) {
		/* not a member of the data file's group: the mode still applies */
	}
	bool ok = fchmod(fd, data->st_mode & 0666) == 0;
	close(fd);
	return ok;
}

/* flock with a deadline: LOCK_NB retried every 20 ms until wait_ms have
 * passed (wait_ms 0: block until the lock is free). */
static bool lock_within(int fd, int wait_ms)
{
	if (wait_ms <= 0) {
		while (flock(fd, LOCK_EX) != 0)
			if (errno != EINTR)
				return false;
		return true;
	}
	for (int waited = 0;; waited += 20) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return true;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return false;
		if (waited >= wait_ms) {
			errno = ETIMEDOUT;
			return false;
		}
		nanosleep(&(struct timespec){ .tv_nsec = 20 * 1000000L }, NULL);
	}
}

/* Opens the lock file, creating it when missing. -1 with `why`, or with
 * errno ENOENT and no `why` when it vanished between create and open. */
static int open_lock_file(const char *lock, const struct stat *data, char *why, size_t why_size)
{
	/* O_NOFOLLOW: a symlink planted at the lock's name is never followed,
	 * so it cannot make us create or truncate a file elsewhere. flock
	 * needs no write access: reading is enough to take the lock; writing
	 * is for the journal. */
	bool exists = create_sidecar(lock, data);
	int fd = exists ? open(lock, O_RDWR | O_NOFOLLOW | O_CLOEXEC) : -1;
	if (exists && fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
		fd = open(lock, O_RDONLY | O_NOFOLLOW | O_CLOEXEC); /* locks, but keeps no journal */
	if (fd >= 0 || (exists && errno == ENOENT))
		return fd;
	if (errno == ELOOP)
		snprintf(why, why_size, "the lock file %s is a symbolic link; not following it (remove it if nobody "
		         "placed it there on purpose)", lock);
	else
		snprintf(why, why_size, "cannot create the lock file %s: %s", lock, strerror(errno));
	return -1;
}

/* The locked descriptor is still the file at the lock's name: a lock file
 * deleted (git clean -X) or replaced meanwhile locks out nobody. */
static bool lock_is_current(int fd, const char *lock)
{
	struct stat held, named;
	return fstat(fd, &held) == 0 && lstat(lock, &named) == 0 && held.st_dev == named.st_dev &&
	       held.st_ino == named.st_ino;
}

/* Whether `fd` still locks the lock file of data file `path`. */
static bool holds_lock(int fd, const char *path)
{
	char *lock = fsio_sidecar_path(path, ".", ".lock");
	bool current = lock && lock_is_current(fd, lock);
	free(lock);
	return current;
}

/* The lock: an flock on .NAME.lock, taken again on a fresh open whenever
 * the file locked is no longer the one at that name. */
static int take_lock(const char *path, const struct stat *data, int wait_ms, char *why, size_t why_size)
{
	char *lock = fsio_sidecar_path(path, ".", ".lock");
	if (!lock) {
		snprintf(why, why_size, "out of memory");
		return -1;
	}
	int fd = -1;
	for (int tries = 0; fd < 0; tries++) {
		if (tries == 1000) {
			snprintf(why, why_size, "cannot lock %s: it keeps being deleted or replaced", lock);
			break;
		}
		*why = '\0';
		if ((fd = open_lock_file(lock, data, why, why_size)) < 0) {
			if (*why)
				break;
			continue; /* deleted between create and open */
		}
		if (!lock_within(fd, wait_ms)) {
			if (errno == ETIMEDOUT)
				snprintf(why, why_size, "another change still holds %s after %d s; try again", lock,
				         (wait_ms + 999) / 1000);
			else
				snprintf(why, why_size, "cannot lock %s: %s", lock, strerror(errno));
			close(fd);
			fd = -1;
			break;
		}
		if (!lock_is_current(fd, lock)) {
			close(fd);
			fd = -1;
		}
	}
	free(lock);
	return fd;
}

/* Just before the rename: the lock held is still the lock file's (else
 * it is taken again: someone deleted the file, and another writer may
 * have been in meanwhile, which the check of the data file that follows
 * sees). */
static bool keep_lock(struct txn *t, char *why, size_t why_size)
{
	for (int tries = 0; !holds_lock(t->lock, t->path); tries++) {
		close(t->lock);
		t->lock = -1;
		if (tries == 100) {
			char *lock = fsio_sidecar_path(t->path, ".", ".lock");
			snprintf(why, why_size, "cannot lock %s: it keeps being deleted or replaced", lock ? lock : t->path);
			free(lock);
			return false;
		}
		if ((t->lock = take_lock(t->path, &t->st, t->opt->lock_wait_ms, why, why_size)) < 0)
			return false;
	}
	return true;
}

/* The value an edit writes: an empty value clears the field. */
static const char *new_value(const struct edit *e)
{
	return e->value && *e->value ? e->value : NULL;
}

/* The history lines of the edits that changed something, into t->lines. */
static void format_changes(struct txn *t, const struct edit *edits, size_t count, const struct store_result *r)
{
	const struct store_options *opt = t->opt;
	char host[256] = "";
	if (!opt->host)
		gethostname(host, sizeof host - 1);
	t->lines.len = 0;
	for (size_t i = 0; i < count; i++) {
		const struct edit *e = &edits[i];
		if (!r[i].changed)
			continue;
		struct history_entry h = {
			.user = opt->user ? opt->user : store_user_name(),
			.host = opt->host ? opt->host : host,
			.id = e->milestone_id,
			.group = r[i].group,
			.field = e->kind == EDIT_SET ? field_name(e->field) : "milestone",
			.old_value = e->kind == EDIT_ADD ? NULL : r[i].old_value,
			.new_value = e->kind == EDIT_REMOVE ? NULL : new_value(e),
			.has_completed = r[i].completed_changed,
			.completed_old = r[i].completed_old,
			.completed_new = r[i].completed_new,
		};
		history_format_time(opt->now ? opt->now : time(NULL), h.time);
		history_format_entry(&t->lines, &h);
	}
}

/* The saved change's lines, in one write; then the journal is done with.
 * The change itself is saved already: a history failure is a warning for
 * the caller to show (the core never prints: a dashboard may own the
 * terminal). */
static void log_changes(struct txn *t, char *warning, size_t warning_size)
{
	char *hist = history_path(t->path);
	char why[256] = "out of memory";
	if (hist)
		create_sidecar(hist, &t->st);
	if (t->lines.failed || !hist ||
	    !history_append_text(hist, t->lines.data, t->lines.len, t->st.st_mode & 0666, why, sizeof why))
		snprintf(warning, warning_size, "the change is saved, but not in the history: %s", why);
	journal_clear(t);
	free(hist);
}

/* Opening a FIFO or a device could block, and a directory is no file:
 * only regular files are read or replaced. */
static bool stat_regular(const char *user_path, const char *path, struct stat *st, char *why, size_t why_size)
{
	if (stat(path, st) != 0) {
		snprintf(why, why_size, "cannot open %s: %s", user_path, strerror(errno));
		return false;
	}
	if (S_ISDIR(st->st_mode)) {
		snprintf(why, why_size, "%s is a directory, not a charter file", user_path);
		return false;
	}
	if (!S_ISREG(st->st_mode)) {
		snprintf(why, why_size, "%s is not a regular file", user_path);
		return false;
	}
	/* Said before the lock is taken: a lock made beside a file the user
	 * cannot read would not be readable either, and stay behind. */
	if (access(path, R_OK) != 0) {
		snprintf(why, why_size, "cannot read %s: %s", user_path, strerror(errno));
		return false;
	}
	return true;
}

enum store_status store_load(const char *path, struct charter *c, struct diag_list *diags, char *why,
                             size_t why_size)
{
	struct stat st;
	memset(c, 0, sizeof *c);
	if (!stat_regular(path, path, &st, why, why_size))
		return STORE_IO;
	if (!charter_load_file(c, path, diags)) {
		snprintf(why, why_size, "%s has errors; fix them before changing it", path);
		return STORE_INVALID;
	}
	return STORE_OK;
}

/* r->edit applied to the text of `before` (r->new_text), loaded into
 * r->after. STORE_REFUSED when the result does not load. */
static enum store_status apply_and_load(const struct charter *before, struct store_result *r)
{
	r->new_text = patch_apply(before->text, before->text_len, &r->edit, &r->new_len);
	char *copy = r->new_text ? malloc(r->new_len + 1) : NULL;
	if (!copy) {
		snprintf(r->why, sizeof r->why, "out of memory");
		return STORE_IO;
	}
	memcpy(copy, r->new_text, r->new_len + 1);
	struct diag_list check;
	diag_init(&check, 4);
	r->have_after = true;
	/* Only the lines the splice can affect are parsed again (doc_reparse);
	 * patch_verify then compares the whole of both trees. */
	bool valid = charter_load_spliced(&r->after, before, before->path, copy, r->new_len, r->edit.start,
	                                  r->edit.end, r->edit.len, &check);
	if (!valid) {
		char first[400] = "out of memory";
		if (check.count)
			diag_format(&check.items[0], first, sizeof first);
		snprintf(r->why, sizeof r->why, "the change was not written: the edited file would not load (%s)", first);
	}
	diag_fini(&check);
	return valid ? STORE_OK : STORE_REFUSED;
}

static enum store_status plan_one(const struct charter *before, const struct edit *e, struct store_result *r,
                                  const char *today);

/* What `completed` must become after the status change `e` (edit.h):
 * false when it stays as it is. */
static bool completion_wanted(const struct charter *before, const struct store_result *r, const struct edit *e,
                              const char **want, const char *today)
{
	long i = charter_find_milestone(before, e->milestone_id), j = charter_find_milestone(&r->after, e->milestone_id);
	if (e->kind != EDIT_SET || e->field != FIELD_STATUS || i < 0 || j < 0)
		return false;
	const struct milestone *was = &before->milestones[i], *now = &r->after.milestones[j];
	char scratch[DATE_TEXT_SIZE];
	const char *has = milestone_field(now, FIELD_COMPLETED, scratch);
	*want = e->done_on && *e->done_on ? e->done_on : NULL;
	if (e->completed_exact)
		return !str_same(has, *want);
	if (was->status != STATUS_DONE && now->status == STATUS_DONE && !has) {
		if (!*want)
			*want = today;
		return true;
	}
	*want = NULL;
	return was->status == STATUS_DONE && now->status != STATUS_DONE && has;
}

/* The second half of a status change's save: `completed` planned on the
 * text the status change made, and r then holds both (its edit the span
 * covering them, in `before`'s text). */
static enum store_status plan_completion(const struct charter *before, const struct edit *e, struct store_result *r,
                                         const char *today)
{
	const char *want;
	if (!completion_wanted(before, r, e, &want, today))
		return STORE_OK;
	struct edit ce = { .kind = EDIT_SET, .milestone_id = e->milestone_id, .field = FIELD_COMPLETED, .value = want };
	struct store_result sub;
	store_result_init(&sub);
	enum store_status status = plan_one(&r->after, &ce, &sub, today);
	if (status != STORE_OK) {
		snprintf(r->why, sizeof r->why, "%s", sub.why);
		store_result_fini(&sub);
		return status;
	}
	bool copied = true;
	r->completed_changed = true;
	r->completed_old = sub.old_value;
	sub.old_value = NULL;
	r->completed_new = str_dup_opt(want, &copied);
	/* the one span from the first changed byte to the last */
	size_t a = 0, z = 0;
	while (a < before->text_len && a < sub.new_len && before->text[a] == sub.new_text[a])
		a++;
	while (z < before->text_len - a && z < sub.new_len - a &&
	       before->text[before->text_len - 1 - z] == sub.new_text[sub.new_len - 1 - z])
		z++;
	text_edit_fini(&r->edit);
	r->edit.start = a;
	r->edit.end = before->text_len - z;
	r->edit.len = sub.new_len - z - a;
	r->edit.text = malloc(r->edit.len + 1);
	if (r->edit.text) {
		memcpy(r->edit.text, sub.new_text + a, r->edit.len);
		r->edit.text[r->edit.len] = '\0';
	}
	charter_fini(&r->after);
	free(r->new_text);
	r->after = sub.after;
	r->new_text = sub.new_text;
	r->new_len = sub.new_len;
	sub.have_after = false;
	sub.new_text = NULL;
	store_result_fini(&sub);
	if (!copied || !r->edit.text) {
		snprintf(r->why, sizeof r->why, "out of memory");
		return STORE_IO;
	}
	return STORE_OK;
}

/* The local date of `now` (0: the current time), as done_on's default. */
static void local_date(time_t now, char out[DATE_TEXT_SIZE])
{
	time_t t = now ? now : time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	date_format((struct date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday }, out);
}

enum store_status store_plan(const struct charter *before, const struct edit *e, struct store_result *r)
{
	char today[DATE_TEXT_SIZE];
	local_date(0, today);
	return plan_one(before, e, r, today);
}

/* store_plan, with the date a milestone made done gets by default. */
static enum store_status plan_one(const struct charter *before, const struct edit *e, struct store_result *r,
                                  const char *today)
{
	long index = e->kind == EDIT_ADD ? -1 : charter_find_milestone(before, e->milestone_id);
	if (e->kind != EDIT_ADD && index < 0) {
		snprintf(r->why, sizeof r->why, "no milestone with id '%s'", e->milestone_id);
		return STORE_REFUSED;
	}
	r->group = strdup(index >= 0 ? before->groups[before->milestones[index].group].id : e->group_id);
	if (!r->group) {
		snprintf(r->why, sizeof r->why, "out of memory");
		return STORE_IO;
	}
	if (index >= 0) {
		const struct milestone *m = &before->milestones[index];
		char scratch[DATE_TEXT_SIZE];
		const char *now = e->kind == EDIT_SET ? milestone_field(m, e->field, scratch) : m->title;
		bool copied = true;
		r->old_value = str_dup_opt(now, &copied);
		if (!copied) {
			snprintf(r->why, sizeof r->why, "out of memory");
			return STORE_IO;
		}
		if (e->kind == EDIT_SET && e->check_seen && !e->force && !str_same(now, e->seen)) {
			r->current = str_dup_opt(now, &copied);
			snprintf(r->why, sizeof r->why, "the %s of '%s' was changed meanwhile: it is now %s%s%s",
			         field_name(e->field), e->milestone_id, now ? "'" : "", now ? now : "empty", now ? "'" : "");
			return STORE_CONFLICT;
		}
		if (e->kind == EDIT_SET && str_same(now, new_value(e))) {
			r->changed = false;
			return STORE_OK;
		}
	}
	if (!patch_plan(before, e, &r->edit, r->why, sizeof r->why))
		return STORE_REFUSED;
	/* The edited text must load, and load to exactly what was meant. */
	enum store_status status = apply_and_load(before, r);
	if (status != STORE_OK)
		return status;
	if (!patch_verify_splice(before, &r->after, e, &r->edit, r->why, sizeof r->why))
		return STORE_REFUSED;
	r->changed = true;
	return plan_completion(before, e, r, today);
}

/* Undo of a delete: the milestone's exact bytes back where they were. A
 * conflict when the text around that place changed, or the id is taken. */
static enum store_status plan_restore(const struct charter *before, const struct text_restore *tr,
                                      struct store_result *r)
{
	if (charter_find_milestone(before, tr->id) >= 0) {
		snprintf(r->why, sizeof r->why, "there is a milestone '%s' again", tr->id);
		return STORE_CONFLICT;
	}
	if (!undo_restore_plan(tr, before->text, before->text_len, &r->edit, r->why, sizeof r->why))
		return STORE_CONFLICT;
	r->group = strdup(tr->group ? tr->group : "");
	if (!r->group) {
		snprintf(r->why, sizeof r->why, "out of memory");
		return STORE_IO;
	}
	enum store_status status = apply_and_load(before, r);
	if (status != STORE_OK)
		return status;
	if (!undo_restore_verify(before, &r->after, tr, r->why, sizeof r->why))
		return STORE_REFUSED;
	r->changed = true;
	return STORE_OK;
}

/* Undo of an add: the milestone must still be the bytes this session
 * created, or removing it would take others' changes with it. */
static enum store_status check_created(const struct charter *before, const struct edit *e,
                                       const struct store_options *opt, struct store_result *r)
{
	long m = e->kind == EDIT_REMOVE ? charter_find_milestone(before, e->milestone_id) : -1;
	if (!opt->expect_bytes || m < 0)
		return STORE_OK;
	const struct doc_node *node = doc_node(&before->doc, before->milestones[m].node);
	if ((size_t)(node->end - node->start) == opt->expect_len &&
	    memcmp(before->text + node->start, opt->expect_bytes, opt->expect_len) == 0)
		return STORE_OK;
	snprintf(r->why, sizeof r->why, "'%s' was changed by someone else since you added it", e->milestone_id);
	return STORE_CONFLICT;
}

/* The charter as the file holds it now: `known` when the file's text is
 * byte for byte the one it was loaded from (the dashboard's model: one
 * full load saved per change), else a fresh load into *fresh. The text
 * read is in *text, or owned by *fresh once loaded. NULL: the file could
 * not be read or has errors (in diags). */
static const struct charter *read_base(const char *path, const struct charter *known, struct charter *fresh,
                                       char **text, size_t *len, struct diag_list *diags)
{
	memset(fresh, 0, sizeof *fresh);
	*text = charter_read_file(path, len, diags);
	if (!*text)
		return NULL;
	if (known && known->text && known->text_len == *len && memcmp(known->text, *text, *len) == 0)
		return known;
	char *owned = *text;
	*text = NULL; /* the charter owns it now, even on failure */
	return charter_load_text(fresh, path, owned, *len, diags) ? fresh : NULL;
}

static void drop_base(struct charter *fresh, char **text)
{
	charter_fini(fresh);
	free(*text);
	*text = NULL;
}

/* Plans edits[0..count) each on the result of the ones before. Returns
 * the first failure; *last is the index of the last result that changed
 * (-1: none), the only one still holding a text and model: the others'
 * are dropped once the next edit is planned. */
static enum store_status plan_all(const struct charter *before, const struct edit *edits, size_t count,
                                  struct store_result *r, long *last, time_t when)
{
	const struct charter *now = before;
	char today[DATE_TEXT_SIZE];
	local_date(when, today);
	*last = -1;
	for (size_t i = 0; i < count; i++) {
		enum store_status status = plan_one(now, &edits[i], &r[i], today);
		if (status != STORE_OK)
			return status;
		if (!r[i].changed)
			continue;
		if (*last >= 0) { /* planned on it: no longer needed */
			charter_fini(&r[*last].after);
			r[*last].have_after = false;
			free(r[*last].new_text);
			r[*last].new_text = NULL;
		}
		now = &r[i].after;
		*last = (long)i;
	}
	return STORE_OK;
}

/* The rename would replace even a read-only file, and root may write
 * any: the mode is respected as such. No write bit for anyone means "do
 * not change", whoever asks, unless forced (by root or the owner). */
static bool may_replace(const struct txn *t, char *why, size_t why_size)
{
	if ((t->st.st_mode & 0222) == 0) {
		if (!t->opt->force_read_only) {
			snprintf(why, why_size, "%s is read-only for everyone (mode %04o); --force changes it anyway",
			         t->user_path, (unsigned)(t->st.st_mode & 07777));
			return false;
		}
		if (geteuid() == 0 || geteuid() == t->st.st_uid)
			return true;
		errno = EACCES;
	} else if (access(t->path, W_OK) == 0) {
		return true;
	}
	snprintf(why, why_size, "cannot change %s: %s", t->user_path, strerror(errno));
	return false;
}

/* Checks before anything is locked, then the lock and the clean-up of
 * killed writers' leftovers. */
static enum store_status txn_begin(struct txn *t, char *why, size_t why_size)
{
	if (!stat_regular(t->user_path, t->path, &t->st, why, why_size))
		return STORE_IO;
	if (t->opt->dry_run)
		return STORE_OK;
	if (!may_replace(t, why, why_size))
		return (t->st.st_mode & 0222) == 0 && !t->opt->force_read_only ? STORE_REFUSED : STORE_IO;
	if ((t->lock = take_lock(t->path, &t->st, t->opt->lock_wait_ms, why, why_size)) < 0)
		return STORE_IO;
	journal_settle(t->path, t->lock, &t->st); /* before the clean-up: it looks at the temporary */
	remove_stale_temps(t->path);
	return STORE_OK;
}

/* The file's state before it is read: pinned open, so that a later look
 * at the same inode number is the same file. */
static bool txn_look(struct txn *t, char *why, size_t why_size)
{
	if (t->lock >= 0 && !keep_lock(t, why, why_size))
		return false;
	if (t->pin >= 0)
		close(t->pin);
	t->pin = open(t->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	return stat_regular(t->user_path, t->path, &t->st, why, why_size);
}

static void reset_results(struct store_result *r, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		store_result_fini(&r[i]);
		store_result_init(&r[i]);
	}
}

/* One attempt of steps 2-6 on the file as it is now. `before`/`text`
 * receive what was read (for the caller to hand on or drop). */
static enum write_result txn_attempt(struct txn *t, const struct edit *edits, size_t count, struct store_result *r,
                                     struct charter *before, char **text, size_t *len, struct diag_list *diags,
                                     enum store_status *status)
{
	*status = STORE_IO;
	if (!txn_look(t, r->why, sizeof r->why))
		return WRITE_FAILED;
	const struct charter *base = read_base(t->path, t->opt->known, before, text, len, diags);
	if (!base) {
		snprintf(r->why, sizeof r->why, "%s has errors; fix them before changing it", t->path);
		*status = STORE_INVALID;
		return WRITE_FAILED;
	}
	long last = -1;
	if (t->opt->restore) {
		if ((*status = plan_restore(base, t->opt->restore, r)) == STORE_OK)
			last = 0;
	} else if ((*status = check_created(base, edits, t->opt, r)) == STORE_OK) {
		*status = plan_all(base, edits, count, r, &last, t->opt->now);
	}
	if (*status != STORE_OK || last < 0 || t->opt->dry_run)
		return WRITE_DONE;
	*status = STORE_IO;
	t->base = base->text;
	t->base_len = base->text_len;
	format_changes(t, edits, count, r);
	enum write_result w = replace_file(t->path, r[last].new_text, r[last].new_len, t, r->why, sizeof r->why);
	if (w == WRITE_DONE)
		*status = STORE_OK;
	return w;
}

/* Under the lock, the file as it is now: other writers have finished.
 * Editors take no lock, though: if one saves the file while the change is
 * being made, it is made again on what it saved (3 times at most). */
static enum store_status txn_run(struct txn *t, const struct edit *edits, size_t count, struct store_result *r,
                                 struct charter *before, char **text, size_t *len, struct diag_list *diags)
{
	enum store_status status;
	for (unsigned attempt = 1;; attempt++) {
		r->attempts = attempt;
		enum write_result w = txn_attempt(t, edits, count, r, before, text, len, diags, &status);
		if (w == WRITE_DONE || w == WRITE_FAILED)
			return status;
		if (attempt == 3) {
			snprintf(r->why, sizeof r->why, "%s kept changing on disk while the change was being saved; "
			         "nothing was written, try again", t->user_path);
			return STORE_IO;
		}
		drop_base(before, text);
		reset_results(r, count);
	}
}

enum store_status store_apply_all(const char *user_path, const struct edit *edits, size_t count,
                                  const struct store_options *opt, struct store_result *r, struct diag_list *diags)
{
	static const struct store_options defaults;
	struct txn t = { .user_path = user_path, .opt = opt ? opt : &defaults, .lock = -1, .pin = -1 };
	char *path = fsio_real_path(user_path);
	if (!path) {
		snprintf(r->why, sizeof r->why, "out of memory");
		return STORE_IO;
	}
	t.path = path;
	struct charter before;
	memset(&before, 0, sizeof before);
	char *text = NULL;
	size_t len = 0;
	enum store_status status = txn_begin(&t, r->why, sizeof r->why);
	if (status == STORE_OK)
		status = txn_run(&t, edits, count, r, &before, &text, &len, diags);
	if (status == STORE_OK && !t.opt->dry_run && t.lines.len)
		log_changes(&t, r->warning, sizeof r->warning);
	buf_fini(&t.lines);
	/* hand the original text to the caller: the fresh model's, or the one read */
	r->old_text = before.text ? before.text : text;
	r->old_len = r->old_text ? len : 0;
	before.text = NULL;
	charter_fini(&before);
	if (t.pin >= 0)
		close(t.pin);
	if (t.lock >= 0)
		close(t.lock); /* releases the flock */
	free(path);
	return status;
}

enum store_status store_apply(const char *path, const struct edit *e, const struct store_options *opt,
                              struct store_result *r, struct diag_list *diags)
{
	return store_apply_all(path, e, 1, opt, r, diags);
}

bool store_mark_meeting(const char *user_path, const char *user, const char *host, char when[24], char *why,
                        size_t why_size)
{
	char *path = fsio_real_path(user_path);
	char *hist = path ? history_path(path) : NULL;
	struct stat st;
	bool ok = false;
	int lock = -1;
	if (!hist) {
		snprintf(why, why_size, "out of memory");
		goto out;
	}
	if (!stat_regular(user_path, path, &st, why, why_size) ||
	    (lock = take_lock(path, &st, 0, why, why_size)) < 0)
		goto out;
	journal_settle(path, lock, &st); /* a killed writer's lines go before the mark */
	char name[256] = "";
	if (!host)
		gethostname(name, sizeof name - 1);
	struct history_entry e = {
		.user = user ? user : store_user_name(),
		.host = host ? host : name,
		.id = MEETING_ID,
		.field = MEETING_FIELD,
	};
	history_format_time(time(NULL), e.time);
	create_sidecar(hist, &st);
	ok = history_append(hist, &e, st.st_mode & 0666, why, why_size);
	if (ok)
		memcpy(when, e.time, 24);
out:
	if (lock >= 0)
		close(lock);
	free(hist);
	free(path);
	return ok;
}

void store_settle_history(const char *user_path)
{
	char *path = fsio_real_path(user_path);
	char *lock_path = path ? fsio_sidecar_path(path, ".", ".lock") : NULL;
	struct stat st, lock_st;
	/* Only a lock file with something in it needs the lock: readers never
	 * wait otherwise. One that is not ours to write stays as it is. */
	if (lock_path && lstat(lock_path, &lock_st) == 0 && S_ISREG(lock_st.st_mode) && lock_st.st_size > 0 &&
	    access(lock_path, W_OK) == 0 && stat_regular(user_path, path, &st, (char[8]){ 0 }, 8)) {
		char why[512];
		int lock = take_lock(path, &st, 3000, why, sizeof why);
		if (lock >= 0) {
			journal_settle(path, lock, &st);
			close(lock);
		}
	}
	free(lock_path);
	free(path);
}

bool store_undo_attach(struct undo *u, const struct edit *e, const struct store_result *r)
{
	if (e->kind == EDIT_REMOVE)
		return r->old_text && undo_attach_removed(u, r->old_text, r->old_len, &r->edit);
	long m = e->kind == EDIT_ADD && r->have_after ? charter_find_milestone(&r->after, e->milestone_id) : -1;
	if (m < 0)
		return false;
	const struct doc_node *node = doc_node(&r->after.doc, r->after.milestones[m].node);
	return undo_attach_created(u, r->after.text + node->start, node->end - node->start);
}

void store_options_for_undo(struct store_options *opt, const struct undo_plan *plan)
{
	opt->restore = plan && plan->has_restore ? &plan->restore : NULL;
	opt->expect_bytes = plan ? plan->expect_bytes : NULL;
	opt->expect_len = plan ? plan->expect_len : 0;
}
