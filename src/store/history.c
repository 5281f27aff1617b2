/* history — append-only JSON-lines change log. */
#include "charterdash/store/history.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charterdash/core/buf.h"
#include "charterdash/core/json.h"
#include "charterdash/core/fsio.h"

char *history_path(const char *data_path)
{
	size_t n = strlen(data_path);
	char *p = malloc(n + sizeof ".history");
	if (p) {
		memcpy(p, data_path, n);
		memcpy(p + n, ".history", sizeof ".history");
	}
	return p;
}

bool history_is_meeting(const struct history_entry *e)
{
	return e->id && e->field && strcmp(e->id, MEETING_ID) == 0 && strcmp(e->field, MEETING_FIELD) == 0;
}

void history_format_time(time_t when, char out[24])
{
	struct tm tm;
	gmtime_r(&when, &tm);
	strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void put_pair(struct buf *b, const char *key, const char *value, bool first)
{
	if (!first)
		buf_putc(b, ',');
	json_put_string(b, key);
	buf_putc(b, ':');
	json_put_string(b, value);
}

bool history_format_entry(struct buf *line, const struct history_entry *e)
{
	buf_putc(line, '{');
	put_pair(line, "time", e->time, true);
	put_pair(line, "user", e->user, false);
	put_pair(line, "host", e->host, false);
	put_pair(line, "id", e->id, false);
	put_pair(line, "group", e->group, false);
	put_pair(line, "field", e->field, false);
	put_pair(line, "old", e->old_value, false);
	put_pair(line, "new", e->new_value, false);
	if (e->has_completed) {
		put_pair(line, "completed_old", e->completed_old, false);
		put_pair(line, "completed_new", e->completed_new, false);
	}
	buf_puts(line, "}\n");
	return !line->failed;
}

bool history_append_text(const char *path, const char *text, size_t len, unsigned mode, char *why, size_t why_size)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, (mode_t)mode);
	const char *problem = fd < 0 ? strerror(errno) : NULL;
	if (fd >= 0) {
		/* One write(2) with O_APPEND: lines from several writers never mix. */
		ssize_t n = write(fd, text, len);
		if (n < 0)
			problem = strerror(errno);
		else if ((size_t)n != len)
			problem = "only part of the line was written (is the disk full?)";
		if (close(fd) != 0 && !problem)
			problem = strerror(errno);
	}
	if (problem)
		snprintf(why, why_size, "cannot append to %s: %s", path, problem);
	return problem == NULL;
}

bool history_append(const char *path, const struct history_entry *e, unsigned mode, char *why, size_t why_size)
{
	struct buf line;
	buf_init(&line);
	if (!history_format_entry(&line, e)) {
		buf_fini(&line);
		snprintf(why, why_size, "out of memory");
		return false;
	}
	bool ok = history_append_text(path, line.data, line.len, mode, why, why_size);
	buf_fini(&line);
	return ok;
}

bool history_ends_with(const char *path, const char *text, size_t len)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	bool same = false;
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size >= len) {
		char *tail = malloc(len ? len : 1);
		same = tail && pread(fd, tail, len, st.st_size - (off_t)len) == (ssize_t)len && memcmp(tail, text, len) == 0;
		free(tail);
	}
	if (fd >= 0)
		close(fd);
	return same;
}

static bool parse_line(char *line, struct history_entry *e)
{
	const char *keys[16], *values[16];
	int n = json_parse_flat(line, keys, values, 16);
	if (n < 0)
		return false;
	memset(e, 0, sizeof *e);
	bool have_time = false;
	for (int i = 0; i < n; i++) {
		const char *k = keys[i], *v = values[i];
		if (!strcmp(k, "time") && v) {
			snprintf(e->time, sizeof e->time, "%s", v);
			have_time = true;
		} else if (!strcmp(k, "user")) e->user = v;
		else if (!strcmp(k, "host")) e->host = v;
		else if (!strcmp(k, "id")) e->id = v;
		else if (!strcmp(k, "group")) e->group = v;
		else if (!strcmp(k, "field")) e->field = v;
		else if (!strcmp(k, "old")) e->old_value = v;
		else if (!strcmp(k, "new")) e->new_value = v;
		else if (!strcmp(k, "completed_old") || !strcmp(k, "completed_new")) {
			e->has_completed = true;
			*(k[10] == 'o' ? &e->completed_old : &e->completed_new) = v;
		}
	}
	return have_time && e->id && e->field;
}

bool history_load(struct history *h, const char *path, char *why, size_t why_size)
{
	memset(h, 0, sizeof *h);
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (errno == ENOENT)
			return true;
		snprintf(why, why_size, "cannot open %s: %s", path, strerror(errno));
		return false;
	}
	size_t len;
	h->text = fsio_read_all(f, 0, (size_t)-1, &len);
	fclose(f);
	if (!h->text) {
		snprintf(why, why_size, "cannot read %s", path);
		history_fini(h);
		return false;
	}
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += h->text[i] == '\n';
	h->entries = calloc(lines + 1, sizeof *h->entries);
	if (!h->entries) {
		snprintf(why, why_size, "out of memory");
		history_fini(h);
		return false;
	}
	for (char *line = h->text, *end; line < h->text + len; line = end + 1) {
		end = memchr(line, '\n', (size_t)(h->text + len - line));
		if (!end)
			end = h->text + len;
		*end = '\0';
		if (line == end)
			continue;
		if (parse_line(line, &h->entries[h->count]))
			h->count++;
		else
			h->skipped++;
	}
	return true;
}

long history_last_meeting(const struct history *h)
{
	for (size_t i = h ? h->count : 0; i-- > 0;)
		if (history_is_meeting(&h->entries[i]))
			return (long)i;
	return -1;
}

void history_fini(struct history *h)
{
	free(h->entries);
	free(h->text);
	memset(h, 0, sizeof *h);
}
