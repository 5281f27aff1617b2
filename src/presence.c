/* presence — one small file per open dashboard. */
#include "charterdash/presence.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charterdash/store.h"

bool presence_join(struct presence *p, const char *data_path, const char *user, const char *host,
                   unsigned mode)
{
	memset(p, 0, sizeof *p);
	char *real = store_real_path(data_path);
	p->dir = real ? store_sidecar_path(real, ".", ".presence") : NULL;
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
