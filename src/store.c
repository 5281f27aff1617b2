/* store — lock, re-read, patch, verify, write atomically, log. */
#include "charterdash/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charterdash/history.h"

void store_result_init(struct store_result *r)
{
	memset(r, 0, sizeof *r);
}

void store_result_fini(struct store_result *r)
{
	free(r->current);
	free(r->old_value);
	free(r->group);
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

char *store_real_path(const char *path)
{
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		char *real = realpath(path, NULL);
		if (real)
			return real;
	}
	return strdup(path);
}

/* DIR/PREFIXBASESUFFIX for a file DIR/BASE. */
char *store_sidecar_path(const char *data_path, const char *prefix, const char *suffix)
{
	const char *slash = strrchr(data_path, '/');
	size_t dir_len = slash ? (size_t)(slash - data_path) + 1 : 0;
	const char *base = data_path + dir_len;
	size_t n = dir_len + strlen(prefix) + strlen(base) + strlen(suffix) + 1;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%.*s%s%s%s", (int)dir_len, data_path, prefix, base, suffix);
	return p;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

static bool write_all(int fd, const char *text, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, text, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		text += n;
		len -= (size_t)n;
	}
	return true;
}

/* Two looks at a file that show no change between them. */
static bool same_file_state(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	       a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

enum write_result { WRITE_DONE, WRITE_FAILED, WRITE_RACED };

/* store_write_atomic; with `expect`, the file must still be as `expect`
 * saw it just before the rename, or nothing is written (WRITE_RACED): an
 * editor that takes no lock saved it meanwhile. */
static enum write_result replace_file(const char *path, const char *text, size_t len, const struct stat *expect,
                                      const struct store_options *opt, char *why, size_t why_size)
{
	struct stat st;
	if (expect) {
		st = *expect;
	} else if (stat(path, &st) != 0) {
		snprintf(why, why_size, "cannot read the file's permissions: %s", strerror(errno));
		return WRITE_FAILED;
	}
	char *tmp = store_sidecar_path(path, ".", ".XXXXXX");
	char *dir = dir_of(path);
	if (!tmp || !dir) {
		free(tmp);
		free(dir);
		snprintf(why, why_size, "out of memory");
		return WRITE_FAILED;
	}
	enum write_result result = WRITE_FAILED;
	/* mkstemp creates with O_EXCL and mode 0600: a planted file or symlink
	 * at the name makes it pick another name, never follow it. */
	int fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(why, why_size, "cannot create a temporary file in %s: %s", dir, strerror(errno));
		goto out;
	}
	/* Owner and group first (may fail for a non-root user: then the file
	 * stays the writer's, as with any editor), then the original mode. */
	if (fchown(fd, st.st_uid, st.st_gid) != 0 && fchown(fd, (uid_t)-1, st.st_gid) != 0) {
		/* keep going: the mode still applies */
	}
	if (fchmod(fd, st.st_mode & 07777) != 0 || !write_all(fd, text, len) || fsync(fd) != 0) {
		snprintf(why, why_size, "cannot write the new version of %s: %s; the file is unchanged", path,
		         strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (close(fd) != 0) {
		snprintf(why, why_size, "cannot write the new version of %s: %s; the file is unchanged", path,
		         strerror(errno));
		unlink(tmp);
		goto out;
	}
	if (opt && opt->before_rename)
		opt->before_rename(opt->before_rename_arg);
	struct stat now;
	if (expect && (stat(path, &now) != 0 || !same_file_state(expect, &now))) {
		unlink(tmp);
		result = WRITE_RACED;
		goto out;
	}
	if (rename(tmp, path) != 0) {
		snprintf(why, why_size, "cannot replace %s: %s; the file is unchanged", path, strerror(errno));
		unlink(tmp);
		goto out;
	}
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd); /* makes the rename itself durable */
		close(dfd);
	}
	result = WRITE_DONE;
out:
	free(tmp);
	free(dir);
	return result;
}

bool store_write_atomic(const char *path, const char *text, size_t len, char *why, size_t why_size)
{
	return replace_file(path, text, len, NULL, NULL, why, why_size) == WRITE_DONE;
}

/* Temporary files are created only under the lock (store_apply), so one
 * found while holding it is a leftover of a writer killed between create
 * and rename: `.NAME.` and mkstemp's six characters. */
static bool is_temp_name(const char *name, const char *base)
{
	size_t n = strlen(base);
	if (name[0] != '.' || strncmp(name + 1, base, n) != 0 || name[n + 1] != '.')
		return false;
	const char *x = name + n + 2;
	if (strlen(x) != 6)
		return false;
	for (; *x; x++)
		if (!((*x >= 'a' && *x <= 'z') || (*x >= 'A' && *x <= 'Z') || (*x >= '0' && *x <= '9')))
			return false;
	return true;
}

static void remove_stale_temps(const char *path)
{
	char *dir = dir_of(path);
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	DIR *d = dir ? opendir(dir) : NULL;
	if (d) {
		int dfd = dirfd(d);
		struct dirent *ent;
		while ((ent = readdir(d)) != NULL) {
			struct stat st;
			if (is_temp_name(ent->d_name, base) && fstatat(dfd, ent->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
			    S_ISREG(st.st_mode))
				unlinkat(dfd, ent->d_name, 0); /* best effort: another user's may stay */
		}
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

static int take_lock(const char *path, const struct stat *data, int wait_ms, char *why, size_t why_size)
{
	char *lock = store_sidecar_path(path, ".", ".lock");
	if (!lock) {
		snprintf(why, why_size, "out of memory");
		return -1;
	}
	/* O_NOFOLLOW: a symlink planted at the lock's name is never followed,
	 * so it cannot make us create or truncate a file elsewhere. flock
	 * needs no write access: reading is enough to take the lock. */
	int fd = create_sidecar(lock, data) ? open(lock, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) : -1;
	if (fd < 0) {
		if (errno == ELOOP)
			snprintf(why, why_size, "the lock file %s is a symbolic link; not following it (remove it if nobody "
			         "placed it there on purpose)", lock);
		else
			snprintf(why, why_size, "cannot create the lock file %s: %s", lock, strerror(errno));
		free(lock);
		return -1;
	}
	if (!lock_within(fd, wait_ms)) {
		if (errno == ETIMEDOUT)
			snprintf(why, why_size, "another change still holds %s after %d s; try again", lock,
			         (wait_ms + 999) / 1000);
		else
			snprintf(why, why_size, "cannot lock %s: %s", lock, strerror(errno));
		close(fd);
		free(lock);
		return -1;
	}
	free(lock);
	return fd;
}

static bool same_value(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* The value an edit writes: an empty value clears the field. */
static const char *new_value(const struct edit *e)
{
	return e->value && *e->value ? e->value : NULL;
}

/* One history line for a change that was saved; a failure becomes `warning`. */
static void log_change(const char *path, const struct edit *e, const struct store_options *opt,
                       const struct store_result *r, char *warning, size_t warning_size, const struct stat *data)
{
	char host[256] = "";
	if (!opt->host)
		gethostname(host, sizeof host - 1);
	struct history_entry h = {
		.user = opt->user ? opt->user : store_user_name(),
		.host = opt->host ? opt->host : host,
		.id = e->milestone_id,
		.group = r->group,
		.field = e->kind == EDIT_SET ? field_name(e->field) : "milestone",
		.old_value = e->kind == EDIT_ADD ? NULL : r->old_value,
		.new_value = e->kind == EDIT_REMOVE ? NULL : new_value(e),
	};
	history_format_time(opt->now ? opt->now : time(NULL), h.time);
	char *hist = history_path(path);
	/* The change itself is saved already: a history failure is a warning
	 * for the caller to show (the core never prints: a dashboard may own
	 * the terminal). */
	char why[256];
	if (hist)
		create_sidecar(hist, data);
	if ((!hist || !history_append(hist, &h, data->st_mode & 0666, why, sizeof why)) && !*warning)
		snprintf(warning, warning_size, "the change is saved, but not in the history: %s",
		         hist ? why : "out of memory");
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

enum store_status store_plan(const struct charter *before, const struct edit *e, struct store_result *r)
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
		r->old_value = dup_or_null(now);
		if (e->kind == EDIT_SET && e->check_seen && !e->force && !same_value(now, e->seen)) {
			r->current = dup_or_null(now);
			snprintf(r->why, sizeof r->why, "the %s of '%s' was changed meanwhile: it is now %s%s%s",
			         field_name(e->field), e->milestone_id, now ? "'" : "", now ? now : "empty", now ? "'" : "");
			return STORE_CONFLICT;
		}
		if (e->kind == EDIT_SET && same_value(now, new_value(e))) {
			r->changed = false;
			return STORE_OK;
		}
	}
	if (!patch_plan(before, e, &r->edit, r->why, sizeof r->why))
		return STORE_REFUSED;
	r->new_text = patch_apply(before->text, before->text_len, &r->edit, &r->new_len);
	char *copy = r->new_text ? malloc(r->new_len + 1) : NULL;
	if (!copy) {
		snprintf(r->why, sizeof r->why, "out of memory");
		return STORE_IO;
	}
	memcpy(copy, r->new_text, r->new_len + 1);
	/* The edited text must load, and load to exactly what was meant. */
	struct diag_list check;
	diag_init(&check, 4);
	r->have_after = true;
	bool valid = charter_load_text(&r->after, before->path, copy, r->new_len, &check);
	if (!valid) {
		char first[400] = "out of memory";
		if (check.count)
			diag_format(&check.items[0], first, sizeof first);
		snprintf(r->why, sizeof r->why, "the change was not written: the edited file would not load (%s)", first);
	} else if (!patch_verify_splice(before, &r->after, e, &r->edit, r->why, sizeof r->why)) {
		valid = false;
	}
	diag_fini(&check);
	if (!valid)
		return STORE_REFUSED;
	r->changed = true;
	return STORE_OK;
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
                                  struct store_result *r, long *last)
{
	const struct charter *now = before;
	*last = -1;
	for (size_t i = 0; i < count; i++) {
		enum store_status status = store_plan(now, &edits[i], &r[i]);
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

enum store_status store_apply_all(const char *user_path, const struct edit *edits, size_t count,
                                  const struct store_options *opt, struct store_result *r, struct diag_list *diags)
{
	static const struct store_options defaults;
	if (!opt)
		opt = &defaults;
	enum store_status status = STORE_IO;
	struct charter before;
	char *text = NULL;
	size_t len = 0;
	bool loaded = false;
	int lock = -1;
	char *path = store_real_path(user_path);
	if (!path) {
		snprintf(r->why, sizeof r->why, "out of memory");
		return STORE_IO;
	}
	struct stat st;
	if (!stat_regular(user_path, path, &st, r->why, sizeof r->why))
		goto out;
	/* The rename would replace even a read-only file: respect the mode. */
	if (!opt->dry_run && access(path, W_OK) != 0) {
		snprintf(r->why, sizeof r->why, "cannot change %s: %s", user_path, strerror(errno));
		goto out;
	}
	if (!opt->dry_run) {
		if ((lock = take_lock(path, &st, opt->lock_wait_ms, r->why, sizeof r->why)) < 0)
			goto out;
		remove_stale_temps(path);
	}

	/* Under the lock, the file as it is now: other writers have finished.
	 * Editors take no lock, though: if one saves the file while the change
	 * is being made, it is made again on what it saved. */
	long last;
	for (unsigned attempt = 1;; attempt++) {
		r->attempts = attempt;
		if (!stat_regular(user_path, path, &st, r->why, sizeof r->why))
			goto out;
		const struct charter *base = read_base(path, opt->known, &before, &text, &len, diags);
		loaded = true;
		if (!base) {
			snprintf(r->why, sizeof r->why, "%s has errors; fix them before changing it", path);
			status = STORE_INVALID;
			goto out;
		}
		status = plan_all(base, edits, count, r, &last);
		if (status != STORE_OK || last < 0 || opt->dry_run)
			goto out;
		enum write_result w = replace_file(path, r[last].new_text, r[last].new_len, &st, opt, r->why,
		                                   sizeof r->why);
		if (w == WRITE_DONE)
			break;
		status = STORE_IO;
		if (w == WRITE_FAILED)
			goto out;
		if (attempt == 3) {
			snprintf(r->why, sizeof r->why, "%s kept changing on disk while the change was being saved; "
			         "nothing was written, try again", user_path);
			goto out;
		}
		drop_base(&before, &text);
		loaded = false;
		for (size_t i = 0; i < count; i++) {
			store_result_fini(&r[i]);
			store_result_init(&r[i]);
		}
	}
	for (size_t i = 0; i < count; i++)
		if (r[i].changed)
			log_change(path, &edits[i], opt, &r[i], r->warning, sizeof r->warning, &st);
	status = STORE_OK;
out:
	if (loaded) { /* hand the original text to the caller: the fresh model's, or the one read */
		r->old_text = before.text ? before.text : text;
		r->old_len = len;
		before.text = NULL;
		charter_fini(&before);
	}
	if (lock >= 0)
		close(lock); /* releases the flock */
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
	char *path = store_real_path(user_path);
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
