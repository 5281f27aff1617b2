/* failio — an LD_PRELOAD shim for tests/e2e/test_errors.sh: makes one
 * kind of system call fail on the files a save writes, as a full or broken
 * disk would, on any machine (no mount needed).
 *
 *   FAILIO=write:ENOSPC | fsync:EIO | close:EIO | rename:EIO
 *   FAILIO_MATCH=TEXT   only files whose name (for rename: the old name)
 *                       contains TEXT; default ".charter.yaml." (the
 *                       temporary file beside charter.yaml)
 *   FAILIO_SWAP_IN=FILE just before the first rename of a matching file,
 *                       FILE is renamed over the rename's target: an editor
 *                       saving at the last instant before a save's rename
 *   FAILIO_KILL=before-rename | after-rename
 *                       the process kills itself (SIGKILL) just before or
 *                       just after the first rename of a matching file
 *
 * Everything else, the terminal and standard error included, works as
 * usual. Built by the test: cc -shared -fPIC -o failio.so failio.c -ldl */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int matching(const char *name)
{
	const char *match = getenv("FAILIO_MATCH");
	return name && strstr(name, match && *match ? match : ".charter.yaml.") != NULL;
}

static int failing(const char *call, const char *name)
{
	const char *spec = getenv("FAILIO");
	size_t n = strlen(call);
	if (!spec || strncmp(spec, call, n) != 0 || spec[n] != ':' || !matching(name))
		return 0;
	const char *err = spec + n + 1;
	return !strcmp(err, "ENOSPC") ? ENOSPC : !strcmp(err, "EIO") ? EIO : EPERM;
}

/* The file behind a descriptor, from /proc (NULL for anything unnamed). */
static const char *fd_name(int fd, char *buf, size_t size)
{
	char link[64];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, buf, size - 1);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	return buf;
}

#define REAL(type, name, ...) ((type (*)(__VA_ARGS__))dlsym(RTLD_NEXT, name))

ssize_t write(int fd, const void *data, size_t len)
{
	char buf[PATH_MAX];
	int e = fd > 2 ? failing("write", fd_name(fd, buf, sizeof buf)) : 0;
	if (e) {
		errno = e;
		return -1;
	}
	return REAL(ssize_t, "write", int, const void *, size_t)(fd, data, len);
}

int fsync(int fd)
{
	char buf[PATH_MAX];
	int e = failing("fsync", fd_name(fd, buf, sizeof buf));
	if (e) {
		errno = e;
		return -1;
	}
	return REAL(int, "fsync", int)(fd);
}

int close(int fd)
{
	char buf[PATH_MAX];
	int e = fd > 2 ? failing("close", fd_name(fd, buf, sizeof buf)) : 0;
	int r = REAL(int, "close", int)(fd); /* closed either way, as the kernel does */
	if (e) {
		errno = e;
		return -1;
	}
	return r;
}

static void kill_at(const char *moment, const char *from)
{
	const char *when = getenv("FAILIO_KILL");
	if (when && !strcmp(when, moment) && matching(from))
		raise(SIGKILL);
}

static void swap_in(const char *from, const char *to)
{
	static int done;
	const char *file = getenv("FAILIO_SWAP_IN");
	if (done || !file || !*file || !matching(from))
		return;
	done = 1;
	REAL(int, "rename", const char *, const char *)(file, to);
}

int rename(const char *from, const char *to)
{
	int e = failing("rename", from);
	if (e) {
		errno = e;
		return -1;
	}
	swap_in(from, to);
	kill_at("before-rename", from);
	int r = REAL(int, "rename", const char *, const char *)(from, to);
	if (r == 0)
		kill_at("after-rename", from);
	return r;
}

/* The same for renameat2 (RENAME_EXCHANGE), with "rename" in FAILIO. */
int renameat2(int from_dir, const char *from, int to_dir, const char *to, unsigned flags)
{
	int e = failing("rename", from);
	if (e) {
		errno = e;
		return -1;
	}
	swap_in(from, to);
	int (*real)(int, const char *, int, const char *, unsigned) =
		REAL(int, "renameat2", int, const char *, int, const char *, unsigned);
	if (!real) {
		errno = ENOSYS;
		return -1;
	}
	kill_at("before-rename", from);
	int r = real(from_dir, from, to_dir, to, flags);
	if (r == 0)
		kill_at("after-rename", from);
	return r;
}
