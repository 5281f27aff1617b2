/* ui_session — one dashboard session's steps (charterdash/ui/ui_session.h):
 * open, one key, a tick, draw, close; the layout of the windows and the
 * drawing order. The event loop (ui_main.c) and any other driver (the key
 * fuzzer, tests/test_ui_session.c) run these same steps. */
#include "charterdash/ui/ui_session.h"
#include "ui_agenda.h"
#include "ui_dash.h"
#include "ui_edit.h"
#include "ui_follow.h"
#include "ui_keys.h"
#include "ui_live.h"
#include "ui_paste.h"
#include "ui_prompt.h"
#include "ui_modes.h"
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"
#include "ui_timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


/* --- layout and drawing ------------------------------------------------- */

/* The overlay's rectangle for the panel shown (none: 0 x 0). */
static struct rect overlay_rect(struct ui *ui)
{
	const struct ui_screen_ops *panel = ui_screens[ui_panel_mode(ui)];
	return panel->rect ? panel->rect(ui) : (struct rect){ 0, 0, 0, 0 };
}

static WINDOW *window_for(struct rect r)
{
	if (r.w <= 0 || r.h <= 0) /* newwin(0, ...) would mean "to the edge" */
		return NULL;
	WINDOW *w = newwin(r.h, r.w, r.y, r.x);
	if (w) /* a hidden cursor stays where the last write left it (see ui_draw) */
		leaveok(w, TRUE);
	return w;
}

static void ui_relayout(struct ui *ui)
{
	struct ui_screen *scr = ui->scr;
	int h, w;
	getmaxyx(stdscr, h, w);
	scr->w = w;
	scr->h = h;
	ui_term_drop_windows(scr);
	ui->dirty = UI_DIRTY_ALL & ~UI_DIRTY_LAYOUT;
	scr->too_small = layout_too_small(w, h);
	if (scr->too_small)
		return;
	scr->header_lines = ui_dash_header_lines(ui, w, h);
	layout_screen(w, h, scr->header_lines, &scr->regions);
	scr->header = window_for(scr->regions.header);
	scr->body = window_for(scr->regions.body);
	scr->footer = window_for(scr->regions.footer);
	if (!scr->header || !scr->body || !scr->footer) {
		ui_term_drop_windows(scr);
		scr->too_small = true;
		return;
	}
	ui_dash_layout(ui);
	if (ui_panel_mode(ui) != UI_MODE_MAIN) {
		scr->overlay_rect = overlay_rect(ui);
		scr->overlay = window_for(scr->overlay_rect);
	}
	enum ui_mode dialog = ui_dialog_mode(ui);
	if (dialog != UI_MODE_MAIN) {
		scr->dialog_rect = ui_screens[dialog]->rect(ui);
		scr->dialog = window_for(scr->dialog_rect);
	}
}

/* A draw, which writes nothing: a debug build checks that the session is
 * byte for byte what it was (and UI_NOT_DRAWING catches a write's call). */
static void draw_only(struct ui *ui, void (*draw)(struct ui *ui))
{
#ifndef NDEBUG
	struct ui before;
	memcpy(&before, ui, sizeof before);
#endif
	ui->drawing = true;
	draw(ui);
	ui->drawing = false;
#ifndef NDEBUG
	assert(memcmp(&before, ui, sizeof before) == 0 && "a draw changed the session's state");
#endif
}

/* A screen's draw, after its measure step (which may scroll it). */
static void draw_screen(struct ui *ui, const struct ui_screen_ops *ops)
{
	if (ops->measure)
		ops->measure(ui);
	if (ops->draw)
		draw_only(ui, ops->draw);
}

/* An error's bell (ui_error), rung once with the draw that shows it. */
static void ring_bell(struct ui *ui)
{
	if (ui->bell)
		beep();
	ui->bell = false;
}

void ui_draw(struct ui *ui)
{
	struct ui_screen *scr = ui->scr;
	if (ui->dirty & UI_DIRTY_LAYOUT)
		ui_relayout(ui);
	if (scr->too_small) {
		ring_bell(ui);
		curs_set(0);
		draw_only(ui, ui_dash_draw_too_small);
		wnoutrefresh(stdscr);
		doupdate();
		ui->dirty = 0;
		return;
	}
	/* stdscr is never drawn on here: this only settles it, so that reading
	 * a key (which refreshes a changed stdscr) cannot blank the screen */
	leaveok(stdscr, TRUE);
	wnoutrefresh(stdscr);
	ring_bell(ui);
	const struct ui_screen_ops *top = ui_screen_of(ui), *panel = ui_screens[ui_panel_mode(ui)];
	const struct ui_screen_ops *dialog = ui_screens[ui_dialog_mode(ui)];
	unsigned d = ui->dirty;
	if (d & UI_DIRTY_HEADER) {
		draw_only(ui, ui_dash_draw_header);
		wnoutrefresh(scr->header);
	}
	if (d & UI_DIRTY_BODY) {
		draw_screen(ui, ui_screens[ui->modes[0]]); /* the base of the stack */
		wnoutrefresh(scr->body);
	}
	if (scr->overlay && (d & (UI_DIRTY_OVERLAY | UI_DIRTY_BODY | UI_DIRTY_HEADER))) {
		draw_screen(ui, panel);
		touchwin(scr->overlay);
		wnoutrefresh(scr->overlay);
	}
	if (d & (UI_DIRTY_FOOTER | UI_DIRTY_BODY)) {
		draw_only(ui, ui_dash_draw_footer);
		wnoutrefresh(scr->footer);
	}
	/* the dialog goes last, over everything: its cursor is the one shown */
	if (scr->dialog && d) {
		draw_screen(ui, dialog);
		touchwin(scr->dialog);
		wnoutrefresh(scr->dialog);
	}
	/* The cursor shows only while typing, and the window typed in goes
	 * last: the last window refreshed places it. Hidden, it is not parked
	 * anywhere (every window is leaveok), which saves a move per key. */
	WINDOW *typing = !top->type ? NULL : ui_modes[ui_mode(ui)].layer == UI_LAYER_DIALOG ? scr->dialog : scr->footer;
	if (typing) {
		leaveok(typing, FALSE);
		wnoutrefresh(typing);
		leaveok(typing, TRUE);
	}
	curs_set(typing ? 1 : 0);
	doupdate();
	ui->dirty = 0;
}

/* --- one key, one tick: the steps the loop and other drivers share ---- */

static void apply_flags(struct ui *ui, unsigned flags)
{
	if (flags & UI_RELAYOUT)
		ui->dirty |= UI_DIRTY_LAYOUT;
	if (flags & UI_REDRAW) {
		if (ui_dialog_mode(ui) != UI_MODE_MAIN)
			ui->dirty |= UI_DIRTY_DIALOG | UI_DIRTY_FOOTER;
		else if (ui_panel_mode(ui) != UI_MODE_MAIN)
			ui->dirty |= UI_DIRTY_OVERLAY | UI_DIRTY_FOOTER;
		else
			ui->dirty |= UI_DIRTY_BODY | UI_DIRTY_FOOTER;
	}
}

unsigned ui_handle_key(struct ui *ui, int key)
{
	if (key == UI_FN(KEY_RESIZE)) {
		/* what was drawn for the old size may have wrapped or scrolled
		 * on the new one: repaint everything once */
		clearok(curscr, TRUE);
		ui->dirty |= UI_DIRTY_LAYOUT;
		return UI_HANDLED | UI_RELAYOUT;
	}
	/* too small, only q and Ctrl-C count; a paste still goes to the editor
	 * it was meant for (its q is text, not quit) */
	if (ui->scr->too_small && !ui_paste_wants(ui, key))
		return key == 'q' || key == UI_CTRL('c') ? UI_QUIT : 0;
	unsigned before = ui->message_serial;
	unsigned flags = ui_dispatch(ui, key);
	if (flags & UI_QUIT)
		return flags;
	/* a message lasts until the next key that says nothing new (a count
	 * typed is not yet a key that did something) */
	if (ui->message[0] && before == ui->message_serial && flags && !ui->count) {
		ui->message[0] = '\0';
		ui->dirty |= UI_DIRTY_FOOTER;
	}
	apply_flags(ui, flags);
	return flags;
}

void ui_tick(struct ui *ui)
{
	if (ui->on_tick)
		apply_flags(ui, ui->on_tick(ui));
}

/* The live session's tick: the file, presence and marks, then following. */
static unsigned live_tick(struct ui *ui)
{
	unsigned flags = ui_live_tick(ui);
	return flags | ui_follow_tick(ui, time(NULL));
}

bool ui_needs_draw(const struct ui *ui)
{
	return ui->dirty != 0;
}

const struct charter *ui_charter(const struct ui *ui)
{
	return &ui->charter;
}

bool ui_pane_shown(const struct ui *ui, size_t pane, size_t *top, long *first, bool *focused)
{
	const struct view *v = &ui->view;
	if (pane >= v->pane_count || !ui->scr || !ui->scr->panes || ui->scr->too_small || ui->scr->panes[pane].h <= 0)
		return false;
	const struct view_pane *p = &v->panes[pane];
	*top = p->top;
	*first = p->row_count ? (long)p->rows[0] : -1;
	*focused = pane == v->focus;
	return true;
}

const char *ui_message_text(const struct ui *ui, bool *is_error)
{
	if (is_error)
		*is_error = ui->message[0] && ui->message_kind == UI_MSG_ERROR;
	return ui->message;
}

/* --- a session's state -------------------------------------------------- */

static void ui_fini(struct ui *ui)
{
	ui_live_fini(ui);
	ui_follow_fini(ui);
	ui_edit_fini(ui);
	ui_prompt_fini(ui);
	view_fini(&ui->view);
	charter_fini(&ui->charter);
	free(ui->path);
	free(ui->search.before);
	lineedit_fini(&ui->search.line);
	free(ui->minutes.text);
	free(ui->menu.owners);
	ui_agenda_fini(ui);
	ui_timeline_fini(ui);
}

/* --- a session ---------------------------------------------------------- */

struct ui *ui_open(const char *path, const struct ui_options *opt)
{
	struct ui *ui = calloc(1, sizeof *ui);
	if (!ui) {
		fprintf(stderr, "charterdash: out of memory\n");
		return NULL;
	}
	ui->opt = *opt;
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	if (!charter_load_file(&ui->charter, path, &diags)) {
		diag_print(&diags, stderr);
		diag_fini(&diags);
		charter_fini(&ui->charter);
		free(ui);
		return NULL;
	}
	if (diags.warnings && diags.count) {
		char first[400];
		diag_format(&diags.items[0], first, sizeof first);
		ui_message(ui, "%zu warning%s: %s", diags.warnings, diags.warnings == 1 ? "" : "s", first);
	}
	diag_fini(&diags);
	ui_reset_modes(ui);
	lineedit_init(&ui->search.line, NULL);
	ui->path = strdup(path);
	if (!ui->path || !view_init(&ui->view, &ui->charter, ui->opt.today) || !ui_edit_init(ui) ||
	    !ui_prompt_init(ui)) {
		fprintf(stderr, "charterdash: out of memory\n");
		ui_fini(ui);
		free(ui);
		return NULL;
	}
	ui_recheck_writable(ui);
	return ui;
}

bool ui_open_screen(struct ui *ui, FILE *out, FILE *in, bool own_signals)
{
	if (!ui_term_start(ui, out, in, own_signals))
		return false;
	ui_live_start(ui);
	ui->on_tick = live_tick;
	ui->dirty = UI_DIRTY_ALL;
	return true;
}

void ui_close(struct ui *ui)
{
	if (!ui)
		return;
	/* others stop seeing us first, whatever the way out; then the
	 * terminal is restored; then the memory goes */
	ui_live_leave(ui);
	ui_term_end(ui); /* nothing to do without a screen */
	ui_fini(ui);
	free(ui);
}

