/* fsio — small file helpers shared by the core and the UI. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* realpath, getgrouplist */
#endif
#include "charterdash/core/fsio.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *fsio_read_all(FILE *f, size_t size_hint, size_t max, size_t *len)
{
	/* one byte more than the hint: the NUL, and room to find the end */
	size_t cap = size_hint > 0 && size_hint < max ? size_hint + 1 : 4096, n = 0, got;
	char *text = malloc(cap);
	while (text && (got = fread(text + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) { /* full: there may be more */
			char *grown = n > max ? NULL : realloc(text, cap * 2);
			if (!grown) {
				free(text);
				errno = n > max ? EFBIG : ENOMEM;
				return NULL;
			}
			text = grown;
			cap *= 2;
		}
	}
	if (!text) {
		errno = ENOMEM;
		return NULL;
	}
	if (ferror(f) || n > max) {
		int err = n > max ? EFBIG : errno ? errno : EIO;
		free(text);
		errno = err;
		return NULL;
	}
	text[n] = '\0';
	*len = n;
	return text;
}

bool fsio_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	while (len) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return false;
		}
		p += w;
		len -= (size_t)w;
	}
	return true;
}

char *fsio_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

char *fsio_real_path(const char *path)
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
char *fsio_sidecar_path(const char *data_path, const char *prefix, const char *suffix)
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

mode_t fsio_umask(void)
{
	mode_t mask = umask(077); /* the only way to read it; put back at once */
	umask(mask);
	return mask;
}

bool fsio_dir_shared(const struct stat *dir)
{
	return (dir->st_mode & (S_ISVTX | S_IWGRP | S_IWOTH)) != 0;
}

/* True when the account `uid` is in group `gid`. */
static bool in_group(uid_t uid, gid_t gid)
{
	struct passwd *pw = getpwuid(uid);
	gid_t groups[256];
	int n = (int)(sizeof groups / sizeof *groups);
	if (!pw || pw->pw_gid == gid)
		return pw != NULL;
	if (getgrouplist(pw->pw_name, pw->pw_gid, groups, &n) < 0)
		return false;
	for (int i = 0; i < n; i++)
		if (groups[i] == gid)
			return true;
	return false;
}

bool fsio_may_write_data(uid_t uid, const struct stat *data)
{
	return uid == 0 || uid == geteuid() || uid == data->st_uid || (data->st_mode & S_IWOTH) ||
	       ((data->st_mode & S_IWGRP) && in_group(uid, data->st_gid));
}

/* The directory NAME is in, looked at. */
static bool stat_dir_of(int dirfd, const char *name, struct stat *dir)
{
	char *d = fsio_dir_of(name);
	bool ok = d && fstatat(dirfd, d, dir, 0) == 0;
	free(d);
	return ok;
}

int fsio_open_beside(int dirfd, const char *name, int flags, mode_t mode, const struct stat *data)
{
	flags |= O_NOFOLLOW | O_CLOEXEC;
	if (flags & O_CREAT) {
		int fd = openat(dirfd, name, flags | O_EXCL, mode & 07777); /* the umask applies */
		if (fd >= 0) {
			if (fchown(fd, (uid_t)-1, data->st_gid) != 0) {
				/* not in the data file's group: the file keeps ours */
			}
			return fd;
		}
		if (errno != EEXIST)
			return -1;
	}
	/* O_NONBLOCK: a FIFO planted at the name must not block the open */
	int fd = openat(dirfd, name, (flags & ~(O_CREAT | O_EXCL | O_TRUNC)) | O_NONBLOCK);
	struct stat st, dir;
	if (fd < 0)
		return -1;
	int err = fstat(fd, &st) != 0 ? errno : !S_ISREG(st.st_mode) ? EPERM : 0;
	if (!err && !stat_dir_of(dirfd, name, &dir))
		err = errno;
	if (!err && fsio_dir_shared(&dir) && !fsio_may_write_data(st.st_uid, data))
		err = EPERM;
	if (!err && fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0)
		err = errno;
	if (err) {
		close(fd);
		errno = err;
		return -1;
	}
	return fd;
}
