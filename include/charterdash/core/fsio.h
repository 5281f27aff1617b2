/* fsio — small file helpers shared by the core and the UI: a whole stream
 * read into memory, a buffer written in full, the directory of a path, the
 * file a symlink names and the files kept beside a data file. */
#ifndef CHARTERDASH_FSIO_H
#define CHARTERDASH_FSIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>

/* Reads f to its end into a NUL-terminated buffer (caller frees), *len
 * bytes without the NUL. `size_hint`: the expected size (0: unknown);
 * `max`: more bytes than this fail. NULL with errno set: ENOMEM, EFBIG
 * (over max) or the read's error. */
char *fsio_read_all(FILE *f, size_t size_hint, size_t max, size_t *len);

/* Writes all `len` bytes to fd, again after EINTR and short writes. False
 * with errno set on an error. */
bool fsio_write_all(int fd, const void *buf, size_t len);

/* The directory part of `path` (caller frees): "a/b" for "a/b/c", "/" for
 * "/c", "." for "c". NULL: out of memory. */
char *fsio_dir_of(const char *path);

/* Resolves a symlinked data file to the file that is really written (caller
 * frees); any other path is copied as it is. NULL: out of memory. */
char *fsio_real_path(const char *path);

/* DIR/PREFIXBASESUFFIX for a file DIR/BASE (caller frees): the lock,
 * history and presence files that live beside a data file. */
char *fsio_sidecar_path(const char *data_path, const char *prefix, const char *suffix);

/* The process's umask. */
mode_t fsio_umask(void);

/* True when users other than the owner may create files in the directory
 * `dir` (group- or world-writable, or sticky like /tmp): a name found there
 * may have been planted. */
bool fsio_dir_shared(const struct stat *dir);

/* True when user `uid` may write the data file `data` (or is root, or us):
 * whose lock, history and presence files beside it are trusted. */
bool fsio_may_write_data(uid_t uid, const struct stat *data);

/* Opens NAME (relative to dirfd, or AT_FDCWD), a file kept beside the data
 * file `data`: the lock, the history, a presence record. Never through a
 * symlink, and only a regular file. With O_CREAT a missing file is created
 * with O_EXCL and `mode` less the umask, in the data file's group. In a
 * shared directory (fsio_dir_shared) a file owned by a user who may not
 * write the data file is refused with EPERM: anyone could have planted it.
 * The descriptor (O_CLOEXEC), or -1 with errno. */
int fsio_open_beside(int dirfd, const char *name, int flags, mode_t mode, const struct stat *data);

#endif
