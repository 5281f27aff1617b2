/* fsio — small file helpers shared by the core and the UI. */
#include "charterdash/core/fsio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
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
