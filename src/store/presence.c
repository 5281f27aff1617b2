/* presence — one small file per open dashboard. */
#include "charterdash/store/presence.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charterdash/core/fsio.h"

bool presence_join(struct presence *p, const char *data_path, const char *user, const char *host,
                   unsigned mode)
{
	memset(p, 0, sizeof *p);
	char *real = fsio_real_path(data_path);
	p->dir = real ? fsio_sidecar_path(real, ".", ".presence") : NULL;
	free(real);
	if (!p->dir)
		return false;
	/* A directory needs x wherever the file has r. */
	mode_t dmode = (mode_t)(mode & 0666);
	dmode |= (dmode & 0444) >> 2;
	if (mkdir(p->dir, dmode) != 0 && errno != EEXIST) {
		presence_leave(p);
		return false;
	}
	struct stat st;
	if (lstat(p->dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		presence_leave(p); /* a planted file or symlink: no presence */
		return false;
	}
	size_t n = strlen(p->dir) + strlen(user) + strlen(host) + 32;
	p->self = malloc(n);
	if (!p->self) {
		presence_leave(p);
		return false;
	}
	snprintf(p->self, n, "%s/%s@%s.%ld", p->dir, user, host, (long)getpid());
	int fd = open(p->self, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode & 0666);
	if (fd < 0) {
		free(p->self);
		p->self = NULL;
		presence_leave(p);
		return false;
	}
	close(fd);
	return true;
}

void presence_refresh(struct presence *p)
{
	if (p->self)
		utimensat(AT_FDCWD, p->self, NULL, AT_SYMLINK_NOFOLLOW);
}

void presence_leave(struct presence *p)
{
	if (p->self)
		unlink(p->self);
	if (p->dir)
		rmdir(p->dir); /* only succeeds when we were the last one */
	free(p->self);
	free(p->dir);
	memset(p, 0, sizeof *p);
}

size_t presence_others(const struct presence *p, time_t now, char *out, size_t out_size)
{
	if (out_size)
		out[0] = '\0';
	if (!p->dir)
		return 0;
	DIR *d = opendir(p->dir);
	if (!d)
		return 0;
	const char *self_name = p->self ? strrchr(p->self, '/') + 1 : "";
	size_t count = 0, used = 0;
	struct dirent *ent;
	while ((ent = readdir(d)) != NULL) {
		if (ent->d_name[0] == '.' || strcmp(ent->d_name, self_name) == 0)
			continue;
		struct stat st;
		if (fstatat(dirfd(d), ent->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (now - st.st_mtime > PRESENCE_STALE) {
			unlinkat(dirfd(d), ent->d_name, 0); /* a session that died */
			continue;
		}
		/* USER@HOST.PID → USER@HOST */
		const char *dot = strrchr(ent->d_name, '.');
		int len = dot ? (int)(dot - ent->d_name) : (int)strlen(ent->d_name);
		if (out_size > used) {
			int w = snprintf(out + used, out_size - used, "%s%.*s", count ? ", " : "", len, ent->d_name);
			used += w > 0 ? (size_t)w : 0;
			if (used >= out_size)
				used = out_size - 1;
		}
		count++;
	}
	closedir(d);
	return count;
}

/* --- the focus ---------------------------------------------------------- */

#define FOCUS_MAGIC "charterdash-focus 1"

void presence_focus_format(const struct presence_focus *f, char *out, size_t size)
{
	snprintf(out, size, FOCUS_MAGIC "\nview %s\nzoom %d\ngroup %s\nmilestone %s\nfollowing %s\n", f->view, f->zoom ? 1 : 0,
	         f->group, f->milestone, f->following);
}

/* Copies a value up to the end of its line, control characters dropped. */
static void copy_value(char *dst, size_t size, const char *v)
{
	size_t n = 0;
	for (; *v && *v != '\n' && n + 1 < size; v++)
		if ((unsigned char)*v >= 32)
			dst[n++] = *v;
	dst[n] = '\0';
}

bool presence_focus_parse(const char *text, struct presence_focus *f)
{
	memset(f, 0, sizeof *f);
	if (strncmp(text, FOCUS_MAGIC "\n", sizeof FOCUS_MAGIC) != 0)
		return false;
	for (const char *line = text; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		if (!strncmp(line, "view ", 5))
			copy_value(f->view, sizeof f->view, line + 5);
		else if (!strncmp(line, "zoom ", 5))
			f->zoom = line[5] == '1';
		else if (!strncmp(line, "group ", 6))
			copy_value(f->group, sizeof f->group, line + 6);
		else if (!strncmp(line, "milestone ", 10))
			copy_value(f->milestone, sizeof f->milestone, line + 10);
		else if (!strncmp(line, "following ", 10))
			copy_value(f->following, sizeof f->following, line + 10);
	}
	return true;
}

bool presence_publish(struct presence *p, const struct presence_focus *f)
{
	if (!p->self || !p->dir)
		return false;
	char text[512];
	presence_focus_format(f, text, sizeof text);
	struct stat st;
	mode_t mode = stat(p->self, &st) == 0 ? st.st_mode & 0666 : 0600;
	/* a name starting with '.': readers skip it while it is being written */
	size_t n = strlen(p->dir) + 32;
	char *tmp = malloc(n);
	if (!tmp)
		return false;
	snprintf(tmp, n, "%s/.focus.%ld", p->dir, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode);
	bool ok = fd >= 0;
	size_t len = strlen(text);
	if (ok)
		ok = write(fd, text, len) == (ssize_t)len;
	if (fd >= 0 && close(fd) != 0)
		ok = false;
	if (ok)
		ok = rename(tmp, p->self) == 0;
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok;
}

/* Calls fn for each other live record: its name's user, its text. */
typedef void (*record_fn)(const char *user, time_t mtime, const char *text, void *ctx);

static void each_record(const struct presence *p, time_t now, record_fn fn, void *ctx)
{
	DIR *d = p->dir ? opendir(p->dir) : NULL;
	if (!d)
		return;
	const char *self_name = p->self ? strrchr(p->self, '/') + 1 : "";
	struct dirent *ent;
	while ((ent = readdir(d)) != NULL) {
		struct stat st;
		if (ent->d_name[0] == '.' || strcmp(ent->d_name, self_name) == 0 ||
		    fstatat(dirfd(d), ent->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
		    now - st.st_mtime > PRESENCE_STALE)
			continue;
		char user[64];
		const char *at = strchr(ent->d_name, '@');
		snprintf(user, sizeof user, "%.*s", at ? (int)(at - ent->d_name) : 0, ent->d_name);
		char text[512] = "";
		int fd = openat(dirfd(d), ent->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (fd >= 0) {
			ssize_t r = read(fd, text, sizeof text - 1);
			text[r > 0 ? r : 0] = '\0';
			close(fd);
		}
		fn(user, st.st_mtime, text, ctx);
	}
	closedir(d);
}

struct focus_search {
	const char *user;
	time_t newest;
	bool found;
	struct presence_focus *out;
};

static void take_focus(const char *user, time_t mtime, const char *text, void *ctx)
{
	struct focus_search *s = ctx;
	struct presence_focus f;
	if (strcmp(user, s->user) != 0 || (s->found && mtime < s->newest) || !presence_focus_parse(text, &f))
		return;
	*s->out = f;
	s->newest = mtime;
	s->found = true;
}

bool presence_focus_of(const struct presence *p, const char *user, time_t now, struct presence_focus *f)
{
	struct focus_search s = { user, 0, false, f };
	each_record(p, now, take_focus, &s);
	return s.found;
}

struct follower_count {
	const char *user;
	size_t n;
};

static void count_follower(const char *user, time_t mtime, const char *text, void *ctx)
{
	(void)user, (void)mtime;
	struct follower_count *c = ctx;
	struct presence_focus f;
	if (presence_focus_parse(text, &f) && strcmp(f.following, c->user) == 0)
		c->n++;
}

size_t presence_followers(const struct presence *p, const char *user, time_t now)
{
	struct follower_count c = { user, 0 };
	each_record(p, now, count_follower, &c);
	return c.n;
}
