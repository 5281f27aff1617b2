/* ui_state — the session's state below the screens: the message line, the
 * mode stack, the selection, replacing the charter, read-only. Nothing
 * here draws: every screen file and the session steps call in, this file
 * calls none of them (the bell of an error waits for the next ui_draw). */
#include "ui_state.h"
#include "ui_modes.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charterdash/core/fsio.h"
#include "charterdash/store/store.h"

/* --- the message line ----------------------------------------------------- */

static void set_message(struct ui *ui, enum ui_message_kind kind, const char *fmt, va_list ap)
	DIAG_PRINTF(3, 0);
static void set_message(struct ui *ui, enum ui_message_kind kind, const char *fmt, va_list ap)
{
	UI_NOT_DRAWING(ui);
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	/* one line: newlines from error texts would break the footer */
	for (char *p = ui->message; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	ui->message_kind = kind;
	ui->message_serial++;
	ui->dirty |= UI_DIRTY_FOOTER;
}

void ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(ui, UI_MSG_INFO, fmt, ap);
	va_end(ap);
}

void ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(ui, UI_MSG_ERROR, fmt, ap);
	va_end(ap);
	ui->bell = true; /* rung by the next ui_draw, which owns the terminal */
}

/* --- the mode stack ------------------------------------------------------- */

enum ui_mode ui_mode(const struct ui *ui)
{
	return ui->depth ? ui->modes[ui->depth - 1] : UI_MODE_MAIN;
}

void ui_push(struct ui *ui, enum ui_mode mode)
{
	UI_NOT_DRAWING(ui);
	if (ui->depth < sizeof ui->modes / sizeof ui->modes[0])
		ui->modes[ui->depth++] = mode;
	ui->dirty |= UI_DIRTY_LAYOUT;
}

void ui_reset_modes(struct ui *ui)
{
	UI_NOT_DRAWING(ui);
	ui->modes[0] = UI_MODE_MAIN;
	ui->depth = 1;
	ui->dirty |= UI_DIRTY_LAYOUT;
}

void ui_pop(struct ui *ui)
{
	UI_NOT_DRAWING(ui);
	if (ui->depth > 1)
		ui->depth--;
	ui->dirty |= UI_DIRTY_LAYOUT;
}

static bool is_dialog(enum ui_mode m)
{
	return ui_modes[m].layer == UI_LAYER_DIALOG;
}

static bool is_panel(enum ui_mode m)
{
	return ui_modes[m].layer == UI_LAYER_PANEL;
}

enum ui_mode ui_panel_mode(const struct ui *ui)
{
	for (size_t i = ui->depth; i-- > 0;) {
		if (is_panel(ui->modes[i]))
			return ui->modes[i];
		/* a dialog, or the search prompt (`/` in the help), over a panel */
		if (!is_dialog(ui->modes[i]) && ui_modes[ui->modes[i]].layer != UI_LAYER_LINE)
			break;
	}
	return UI_MODE_MAIN;
}

enum ui_mode ui_dialog_mode(const struct ui *ui)
{
	enum ui_mode m = ui_mode(ui);
	return is_dialog(m) ? m : UI_MODE_MAIN;
}

void ui_search_open(struct ui *ui)
{
	lineedit_set(&ui->search.line, NULL);
	ui->search.win = (struct lineedit_window){ 0 };
	ui_push(ui, UI_MODE_SEARCH);
}

/* --- counts: 3j ----------------------------------------------------------- */

unsigned ui_take_count(struct ui *ui)
{
	unsigned n = ui->count ? ui->count : 1;
	ui->count = 0;
	ui->dirty |= UI_DIRTY_FOOTER;
	return n;
}


/* --- the data under the screens ------------------------------------------ */

long ui_selected(const struct ui *ui)
{
	return view_selected(&ui->view);
}

bool ui_replace_charter(struct ui *ui, struct charter *fresh)
{
	UI_NOT_DRAWING(ui);
	struct charter old = ui->charter;
	ui->charter = *fresh;
	memset(fresh, 0, sizeof *fresh);
	if (!view_rebind(&ui->view, &ui->charter)) {
		/* out of memory: the view may be partial; keep the old model */
		charter_fini(&ui->charter);
		ui->charter = old;
		view_rebind(&ui->view, &ui->charter);
		ui_error(ui, "Out of memory: the new version of the file was not loaded");
		return false;
	}
	charter_fini(&old);
	ui->charter_serial++; /* caches of the old one (the filter's owners) are stale */
	ui->dirty |= UI_DIRTY_ALL;
	return true;
}

/* --- read-only ----------------------------------------------------------- */

/* Read-only: asked for (--read-only, --follow), or the file or its directory (the lock, the new
 * version and the history go there) cannot be written by this user. */
void ui_recheck_writable(struct ui *ui)
{
	ui->read_only_why[0] = '\0';
	if (ui->opt.read_only) {
		snprintf(ui->read_only_why, sizeof ui->read_only_why, "started with --read-only");
		return;
	}
	if (ui->opt.follow) {
		snprintf(ui->read_only_why, sizeof ui->read_only_why, "following another dashboard (--follow)");
		return;
	}
	char *real = fsio_real_path(ui->path);
	const char *file = real ? real : ui->path;
	char *dir = fsio_dir_of(file);
	struct stat st;
	bool known = stat(file, &st) == 0, nobody_writes = known && (st.st_mode & 0222) == 0;
	if (nobody_writes && !ui->opt.force)
		snprintf(ui->read_only_why, sizeof ui->read_only_why,
		         "%.180s is read-only for everyone (start with --force to edit it anyway)", file);
	else if (access(file, W_OK) != 0 && !(nobody_writes && st.st_uid == geteuid()))
		snprintf(ui->read_only_why, sizeof ui->read_only_why, "you cannot write %.230s", file);
	else if (!dir || access(dir, W_OK | X_OK) != 0)
		snprintf(ui->read_only_why, sizeof ui->read_only_why,
		         "you cannot create files in %.180s (its lock and new version go there)", dir ? dir : file);
	free(dir);
	free(real);
}

/* --- memory ----------------------------------------------------------------- */

char *ui_strdup(const char *s)
{
	if (!s)
		return NULL;
	char *d = strdup(s);
	if (!d) {
		/* SIGABRT's handler restores the terminal and leaves presence */
		fprintf(stderr, "charterdash: out of memory\n");
		abort();
	}
	return d;
}
