/* ui_minutes — the meeting's minutes in the dashboard (w): the same text
 * as `charterdash minutes` (minutes.h: net changes since the latest
 * meeting mark, the state now, the agenda), shown in the changes panel,
 * saved beside the data file as NAME.minutes-YYYY-MM-DD.md (s) or piped
 * to $PAGER (p, run directly: no shell). */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* open_memstream */
#endif
#include "ui_minutes.h"
#include "ui_changes.h"
#include "ui_live.h"
#include "ui_requests.h"
#include "ui_state.h"
#include "ui_term.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "charterdash/core/fsio.h"
#include "charterdash/report/minutes.h"
#include "charterdash/core/strutil.h"

char *ui_minutes_text(struct ui *ui, bool markdown, size_t *len)
{
	const struct history *h = ui_live_history(ui);
	long at = history_last_meeting(h);
	if (at < 0)
		return NULL;
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	if (!f)
		return NULL;
	const struct history_entry *m = &h->entries[at];
	struct minutes_request r = { &ui->charter, h, m->time, m->user, ui->opt.today, markdown };
	bool ok = minutes_write(f, &r);
	if (fclose(f) != 0 || !ok) {
		free(text);
		return NULL;
	}
	if (len)
		*len = size;
	return text;
}

/* The mode the history has (else the data file's), for a file beside it. */
static mode_t mode_like_history(struct ui *ui)
{
	struct stat st;
	const char *hist = ui_live_history_path(ui);
	if (hist && stat(hist, &st) == 0)
		return st.st_mode & 0666;
	return stat(ui->path, &st) == 0 ? st.st_mode & 0666 : 0644;
}

/* Writes text to path through a temporary file and a rename: a reader
 * never sees half of it. False with errno set. */
static bool write_whole(const char *path, const char *text, size_t len, mode_t mode)
{
	size_t n = strlen(path) + 16;
	char *tmp = malloc(n);
	if (!tmp)
		return false;
	snprintf(tmp, n, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	bool ok = fd >= 0 && fchmod(fd, mode) == 0 && fsio_write_all(fd, text, len) && fsync(fd) == 0;
	int err = errno;
	if (fd >= 0 && close(fd) != 0 && ok) {
		ok = false;
		err = errno;
	}
	if (ok && rename(tmp, path) != 0) {
		ok = false;
		err = errno;
	}
	if (!ok && fd >= 0)
		unlink(tmp);
	free(tmp);
	errno = err;
	return ok;
}

static unsigned save_minutes(struct ui *ui)
{
	size_t len = 0;
	char *text = ui_minutes_text(ui, true, &len);
	if (!text) {
		ui_error(ui, "No minutes to save: mark the meeting with m first");
		return UI_HANDLED | UI_REDRAW;
	}
	char day[DATE_TEXT_SIZE];
	date_format(ui->opt.today, day);
	size_t n = strlen(ui->path) + 32;
	char *path = malloc(n);
	if (!path) {
		free(text);
		ui_error(ui, "Out of memory: the minutes were not saved");
		return UI_HANDLED | UI_REDRAW;
	}
	snprintf(path, n, "%s.minutes-%s.md", ui->path, day);
	if (write_whole(path, text, len, mode_like_history(ui)))
		ui_message(ui, "Minutes saved to %s", path);
	else
		ui_error(ui, "Cannot save the minutes to %s: %s", path, strerror(errno));
	free(path);
	free(text);
	return UI_HANDLED | UI_REDRAW;
}

static unsigned page_minutes(struct ui *ui)
{
	size_t len = 0;
	char *text = ui_minutes_text(ui, false, &len);
	if (!text) {
		ui_error(ui, "No minutes to show: mark the meeting with m first");
		return UI_HANDLED | UI_REDRAW;
	}
	const char *env = getenv("PAGER");
	char *cmd = ui_strdup(env && *env ? env : "less");
	char *argv[34];
	if (str_split_words(cmd, argv, 34) == 0) { /* $PAGER's words, no shell */
		ui_error(ui, "PAGER is empty");
	} else {
		int status = ui_term_run(ui, argv, text, len);
		if (status < 0)
			ui_error(ui, "Cannot start the pager: %s", strerror(errno));
		else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			ui_error(ui, "The pager (%s) did not finish cleanly (status %d)", argv[0],
			         WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	}
	free(cmd);
	free(text);
	return UI_HANDLED | UI_RELAYOUT;
}

unsigned ui_act_minutes(struct ui *ui, enum ui_request req)
{
	switch (req) {
	case UI_REQ_MINUTES_SAVE: return save_minutes(ui);
	case UI_REQ_MINUTES_PAGE: return page_minutes(ui);
	default: return 0;
	}
}
