/* fsio — small file helpers shared by the core and the UI: a whole stream
 * read into memory, a buffer written in full, the directory of a path, the
 * file a symlink names and the files kept beside a data file. */
#ifndef CHARTERDASH_FSIO_H
#define CHARTERDASH_FSIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

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

#endif
