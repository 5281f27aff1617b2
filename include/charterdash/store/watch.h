/* watch — notice when a charter file changes on disk.
 *
 * Savers (charterdash, vim, git) replace the file by renaming a new one
 * over it, which gives it a new inode: so the *directory* is watched with
 * inotify, filtered to the file's name. Where inotify is unavailable,
 * watch_changed falls back to comparing stat results. Either way a change
 * is only a hint: callers re-read the file and compare its content with
 * what they last loaded (watch_same_content), since touch or a save of
 * identical bytes changes nothing that matters. */
#ifndef CHARTERDASH_WATCH_H
#define CHARTERDASH_WATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

/* 1 where the kernel has inotify (Linux); elsewhere, or built with
 * `make HAVE_INOTIFY=0`, 0: the polling below is all there is. */
#ifndef HAVE_INOTIFY
#ifdef __linux__
#define HAVE_INOTIFY 1
#else
#define HAVE_INOTIFY 0
#endif
#endif

struct watch {
	char *path; /* the real file (symlinks resolved) */
	char *name; /* its base name, for filtering events */
	int fd;     /* inotify descriptor, or -1 when polling */
	dev_t dev;  /* last stat of the file, for the polling fallback */
	ino_t ino;
	off_t size;
	struct timespec mtime;
	uint64_t hash; /* of the content last loaded */
	size_t len;
};

/* Starts watching; false only when memory runs out. */
bool watch_open(struct watch *w, const char *path);
void watch_close(struct watch *w);

/* The descriptor to poll(2) for readability, or -1 (then call
 * watch_changed every second or so). */
int watch_fd(const struct watch *w);

/* Drains pending events (never blocks). True when the file may have
 * changed since the last call. */
bool watch_changed(struct watch *w);

/* Records the content now shown; watch_same_content compares with it. */
void watch_set_content(struct watch *w, const char *text, size_t len);
bool watch_same_content(const struct watch *w, const char *text, size_t len);

uint64_t watch_hash(const char *text, size_t len);

#endif
