/* fsio — small file helpers shared by the core and the UI. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* realpath */
#endif
#include "charterdash/core/fsio.h"

#include <errno.h>
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
