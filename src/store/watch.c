/* watch — inotify on the directory (where HAVE_INOTIFY), with a
 * stat-polling fallback compiled everywhere. */
#include "charterdash/store/watch.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charterdash/core/fsio.h"

#if HAVE_INOTIFY
#include <sys/inotify.h>
#endif

uint64_t watch_hash(const char *text, size_t len)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a, 64 bits */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)text[i]) * 1099511628211ull;
	return h;
}

static void remember_stat(struct watch *w)
{
	struct stat st;
	if (stat(w->path, &st) != 0) {
		w->ino = 0;
		w->size = -1;
		return;
	}
	w->dev = st.st_dev;
	w->ino = st.st_ino;
	w->size = st.st_size;
	w->mtime = st.st_mtim;
}

#if HAVE_INOTIFY
/* An inotify descriptor on directory dir, or -1 (then watch_changed polls). */
static int events_open(const char *dir)
{
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd >= 0 && inotify_add_watch(fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MODIFY) < 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* Drains w's events: true when one names the file (or some were lost). */
static bool events_changed(struct watch *w)
{
	bool changed = false;
	char events[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	for (;;) {
		ssize_t n = read(w->fd, events, sizeof events);
		if (n <= 0)
			break;
		for (char *p = events; p < events + n;) {
			const struct inotify_event *ev = (const struct inotify_event *)p;
			if (ev->mask & IN_Q_OVERFLOW)
				changed = true; /* lost events: assume the worst */
			else if (ev->len && strcmp(ev->name, w->name) == 0)
				changed = true;
			p += sizeof *ev + ev->len;
		}
	}
	return changed;
}
#else
static int events_open(const char *dir)
{
	(void)dir;
	return -1;
}

static bool events_changed(struct watch *w)
{
	(void)w;
	return false; /* never called: fd is -1 */
}
#endif

bool watch_open(struct watch *w, const char *path)
{
	memset(w, 0, sizeof *w);
	w->fd = -1;
	w->path = fsio_real_path(path);
	if (!w->path)
		return false;
	const char *slash = strrchr(w->path, '/');
	w->name = strdup(slash ? slash + 1 : w->path);
	char *dir = fsio_dir_of(w->path);
	if (!w->name || !dir) {
		free(dir);
		watch_close(w);
		return false;
	}
	w->fd = events_open(dir);
	free(dir);
	remember_stat(w);
	return true;
}

void watch_close(struct watch *w)
{
	if (w->fd >= 0)
		close(w->fd);
	free(w->path);
	free(w->name);
	memset(w, 0, sizeof *w);
	w->fd = -1;
}

int watch_fd(const struct watch *w)
{
	return w->fd;
}

static bool stat_changed(struct watch *w)
{
	struct watch before = *w;
	remember_stat(w);
	return before.ino != w->ino || before.dev != w->dev || before.size != w->size ||
	       before.mtime.tv_sec != w->mtime.tv_sec || before.mtime.tv_nsec != w->mtime.tv_nsec;
}

bool watch_changed(struct watch *w)
{
	if (w->fd < 0)
		return stat_changed(w);
	bool changed = events_changed(w);
	if (changed)
		remember_stat(w);
	return changed;
}

void watch_set_content(struct watch *w, const char *text, size_t len)
{
	w->hash = watch_hash(text, len);
	w->len = len;
}

bool watch_same_content(const struct watch *w, const char *text, size_t len)
{
	return w->len == len && w->hash == watch_hash(text, len);
}
