/* ui_keys — the one key table, its handlers for the main view and the
 * overlays' scrolling, key names, dispatch and the footer hints.
 *
 * To add a key: write a handler `unsigned fn(struct ui *, int key)` that
 * returns UI_* flags (0: not mine), and add a row below. The help overlay
 * and the footer pick it up. */
#include "ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/text.h"

/* --- main view handlers ------------------------------------------------- */

static int grid_cols(const struct ui *ui)
{
	return ui->view.zoom ? 1 : ui->scr->grid.cols > 0 ? ui->scr->grid.cols : 1;
}

static unsigned moved(bool changed)
{
	return UI_HANDLED | (changed ? UI_REDRAW : 0);
}

static unsigned act_up(struct ui *ui, int key)
{
	(void)key;
	/* zoomed: stay in the pane */
	if (ui->view.zoom)
		return moved(view_move(&ui->view, -1));
	return moved(view_step(&ui->view, -1, grid_cols(ui)));
}

static unsigned act_down(struct ui *ui, int key)
{
	(void)key;
	if (ui->view.zoom)
		return moved(view_move(&ui->view, 1));
	return moved(view_step(&ui->view, 1, grid_cols(ui)));
}

static unsigned act_left(struct ui *ui, int key)
{
	(void)key;
	return moved(view_focus_step(&ui->view, -1, false));
}

static unsigned act_right(struct ui *ui, int key)
{
	(void)key;
	return moved(view_focus_step(&ui->view, 1, false));
}

static unsigned act_tab(struct ui *ui, int key)
{
	return moved(view_focus_step(&ui->view, key == UI_FN(KEY_BTAB) ? -1 : 1, true));
}

/* Lines of milestones the focused pane shows now. */
static long page_lines(const struct ui *ui)
{
	const struct ui_screen *scr = ui->scr;
	if (!ui->view.pane_count || !scr->panes)
		return 1;
	long h = scr->panes[ui->view.focus].h - LAYOUT_PANE_CHROME;
	return h > 1 ? h - 1 : 1;
}

static unsigned act_page(struct ui *ui, int key)
{
	long n = page_lines(ui);
	return moved(view_move(&ui->view, key == UI_FN(KEY_PPAGE) ? -n : n));
}

static unsigned act_home(struct ui *ui, int key)
{
	(void)key;
	return moved(view_move_to(&ui->view, 0));
}

static unsigned act_end(struct ui *ui, int key)
{
	(void)key;
	return moved(view_move_to(&ui->view, SIZE_MAX));
}

static unsigned act_zoom(struct ui *ui, int key)
{
	(void)key;
	if (!ui->view.pane_count)
		return UI_HANDLED;
	ui->view.zoom = !ui->view.zoom;
	return UI_HANDLED | UI_RELAYOUT;
}

static unsigned act_search_open(struct ui *ui, int key)
{
	(void)key;
	free(ui->query_before);
	ui->query_before = ui->view.query ? strdup(ui->view.query) : NULL;
	ui->prompt[0] = '\0';
	ui_push(ui, UI_MODE_SEARCH);
	return UI_HANDLED | UI_REDRAW;
}

static unsigned act_search_next(struct ui *ui, int key)
{
	if (!ui->view.query) {
		ui_message(ui, "No search yet: press / to search titles, owners and notes");
		return UI_HANDLED | UI_REDRAW;
	}
	if (!view_search_next(&ui->view, key == 'N' ? -1 : 1))
		ui_error(ui, "No match for \"%s\"", ui->view.query);
	else
		ui->message[0] = '\0';
	return UI_HANDLED | UI_REDRAW;
}

static unsigned act_filter_open(struct ui *ui, int key)
{
	(void)key;
	ui->menu_sel = 0;
	ui->menu_top = 0;
	ui_push(ui, UI_MODE_FILTER);
	return UI_HANDLED | UI_RELAYOUT;
}

static unsigned act_clear(struct ui *ui, int key)
{
	(void)key;
	bool any = view_filter_active(&ui->view) || ui->view.query;
	view_clear_filter(&ui->view);
	view_search(&ui->view, NULL);
	ui_message(ui, any ? "Filter and search cleared" : "No filter or search to clear");
	return UI_HANDLED | UI_RELAYOUT;
}

static unsigned act_sort(struct ui *ui, int key)
{
	(void)key;
	if (!ui->view.pane_count)
		return UI_HANDLED;
	enum view_sort s = view_cycle_sort(&ui->view);
	const char *name = ui->charter.groups[ui->view.focus].name;
	ui_message(ui, "%s: sorted by %s (s: next order)", name ? name : "", view_sort_label(s));
	return UI_HANDLED | UI_REDRAW;
}

static unsigned act_mouse(struct ui *ui, int key)
{
	(void)key;
	ui_term_mouse(ui, !ui->mouse);
	ui_message(ui, ui->mouse ? "Mouse on: click selects, double click opens, wheel scrolls (M: off, "
	                           "and text selection works again)"
	                         : "Mouse off (M: on)");
	return UI_HANDLED | UI_REDRAW;
}

static unsigned act_help(struct ui *ui, int key)
{
	(void)key;
	if (ui_mode(ui) == UI_MODE_HELP)
		return ui_act_close(ui, key);
	ui->help_top = 0;
	ui_push(ui, UI_MODE_HELP);
	return UI_HANDLED | UI_RELAYOUT;
}

static unsigned act_quit(struct ui *ui, int key)
{
	(void)ui;
	(void)key;
	return UI_HANDLED | UI_QUIT;
}

static unsigned act_escape(struct ui *ui, int key)
{
	/* Esc on the main view: clear a search, then a filter */
	if (ui->view.query) {
		view_search(&ui->view, NULL);
		ui_message(ui, "Search cleared");
		return UI_HANDLED | UI_REDRAW;
	}
	if (view_filter_active(&ui->view))
		return act_clear(ui, key);
	return UI_HANDLED;
}

static unsigned act_redraw(struct ui *ui, int key)
{
	(void)key;
	clearok(curscr, TRUE);
	ui->dirty = UI_DIRTY_ALL;
	return UI_HANDLED | UI_RELAYOUT;
}

/* --- overlay scrolling (detail, help) ----------------------------------- */

static size_t *overlay_top(struct ui *ui, size_t *lines)
{
	if (ui_mode(ui) == UI_MODE_HELP) {
		*lines = ui->help_lines;
		return &ui->help_top;
	}
	if (ui_mode(ui) == UI_MODE_CHANGES) {
		*lines = ui->changes_lines;
		return &ui->changes_top;
	}
	*lines = ui->detail_lines;
	return &ui->detail_top;
}

static unsigned act_scroll(struct ui *ui, int key)
{
	size_t lines, *top = overlay_top(ui, &lines);
	struct rect r = ui_overlay_rect(ui);
	size_t view_h = r.h > 2 ? (size_t)(r.h - 2) : 1;
	size_t max = lines > view_h ? lines - view_h : 0;
	size_t old = *top;
	long page = (long)(view_h > 1 ? view_h - 1 : 1);
	long t = (long)*top;
	switch (key) {
	case UI_FN(KEY_UP): case 'k': t--; break;
	case UI_FN(KEY_DOWN): case 'j': t++; break;
	case UI_FN(KEY_PPAGE): t -= page; break;
	case UI_FN(KEY_NPAGE): case ' ': t += page; break;
	case UI_FN(KEY_HOME): case 'g': t = 0; break;
	case UI_FN(KEY_END): case 'G': t = (long)max; break;
	default: return 0;
	}
	if (t < 0)
		t = 0;
	if ((size_t)t > max)
		t = (long)max;
	*top = (size_t)t;
	return UI_HANDLED | (*top != old ? UI_REDRAW : 0);
}

unsigned ui_act_close(struct ui *ui, int key)
{
	(void)key;
	ui_pop(ui);
	return UI_HANDLED | UI_RELAYOUT;
}


/* --- the table ---------------------------------------------------------- */

#define MAIN UI_CTX(UI_MODE_MAIN)
#define DETAIL UI_CTX(UI_MODE_DETAIL)
#define HELP UI_CTX(UI_MODE_HELP)
#define SEARCH UI_CTX(UI_MODE_SEARCH)
#define FILTER UI_CTX(UI_MODE_FILTER)
#define EDIT UI_CTX(UI_MODE_EDIT)
#define CONFIRM UI_CTX(UI_MODE_CONFIRM)
#define CHANGES UI_CTX(UI_MODE_CHANGES)
#define OVERLAYS (DETAIL | HELP | CHANGES)

/* Order matters twice: the first matching row wins, and the help overlay
 * lists rows in this order. `rank` in the footer: lower stays longer when
 * the line is short. */
const struct ui_binding ui_bindings[] = {
	/* main view */
	{ MAIN, { UI_FN(KEY_UP), 'k' }, "previous milestone (into the pane above at the top)", "move",
	  { UI_FN(KEY_UP), UI_FN(KEY_DOWN) }, act_up },
	{ MAIN, { UI_FN(KEY_DOWN), 'j' }, "next milestone (into the pane below at the bottom)", NULL, { 0 },
	  act_down },
	{ MAIN, { UI_FN(KEY_LEFT), 'h' }, "previous pane", "pane", { UI_FN(KEY_LEFT), UI_FN(KEY_RIGHT) },
	  act_left },
	{ MAIN, { UI_FN(KEY_RIGHT), 'l' }, "next pane", NULL, { 0 }, act_right },
	{ MAIN, { '\t', UI_FN(KEY_BTAB) }, "next / previous pane (Shift-Tab), wrapping", NULL, { 0 }, act_tab },
	{ MAIN, { UI_FN(KEY_PPAGE), UI_FN(KEY_NPAGE) }, "a page up / down in the pane", NULL, { 0 }, act_page },
	{ MAIN, { UI_FN(KEY_HOME), 'g' }, "first milestone of the pane", NULL, { 0 }, act_home },
	{ MAIN, { UI_FN(KEY_END), 'G' }, "last milestone of the pane", NULL, { 0 }, act_end },
	{ MAIN, { '\r', '\n', UI_FN(KEY_ENTER) }, "open the milestone's details", "details", { '\r' }, ui_act_detail },
	{ MAIN, { 'z' }, "zoom the pane to the whole screen and back", "zoom", { 0 }, act_zoom },
	{ MAIN, { '/' }, "search titles, owners and notes in all groups", "search", { 0 }, act_search_open },
	{ MAIN, { 'n', 'N' }, "next / previous match", NULL, { 0 }, act_search_next },
	{ MAIN, { 'f' }, "filter: by status, overdue only, by owner", "filter", { 0 }, act_filter_open },
	{ MAIN, { 'c' }, "clear the filter and the search", NULL, { 0 }, act_clear },
	{ MAIN, { UI_ESC }, "clear the search, then the filter", NULL, { 0 }, act_escape },
	{ MAIN, { 's' }, "sort the pane: file order, due date, status", "sort", { 0 }, act_sort },
	{ MAIN, { 'M' }, "mouse on/off (off keeps the terminal's text selection)", NULL, { 0 }, act_mouse },

	/* editing: every change is saved at once, for everyone */
	{ MAIN | DETAIL, { '1', '2', '3', '4' }, "status: 1 not started, 2 in progress, 3 blocked, 4 done (saved at once)",
	  "status", { '1', '4' }, ui_act_status },
	{ MAIN, { ' ' }, "next status (not started, in progress, blocked, done)", NULL, { 0 }, ui_act_status },
	{ MAIN | DETAIL, { 'e' }, "edit the title, owner, due date or notes", "edit", { 0 }, ui_act_edit },
	{ MAIN | DETAIL, { 'E' }, "edit the notes in $EDITOR (vi when unset)", NULL, { 0 }, ui_edit_external },
	{ MAIN, { 'a' }, "add a milestone to the focused group", "add", { 0 }, ui_act_add },
	{ MAIN | DETAIL, { 'D' }, "delete the milestone (asks first)", NULL, { 0 }, ui_act_delete },
	{ MAIN | DETAIL, { 'u' }, "undo your last change (saved as a new change)", "undo", { 0 }, ui_act_undo },
	{ MAIN | DETAIL, { UI_CTRL('r') }, "redo what you undid", NULL, { 0 }, ui_act_undo },
	{ MAIN, { 'm' }, "mark the start of a meeting (as `charterdash mark`)", NULL, { 0 }, ui_act_meeting },
	{ MAIN, { 'w' }, "what changed since the meeting started", "changes", { 0 }, ui_act_changes },
	{ MAIN | DETAIL | FILTER, { '?' }, "this help", "help", { 0 }, act_help },
	{ MAIN, { 'q' }, "quit", "quit", { 0 }, act_quit },
	{ UI_CTX_ALL & ~SEARCH, { UI_CTRL('l') }, "redraw the screen", NULL, { 0 }, act_redraw },
	{ UI_CTX_ALL, { UI_FN(KEY_MOUSE) }, "mouse: click selects, double click opens, wheel scrolls", NULL, { 0 },
	  ui_mouse_event },

	/* detail view and help */
	{ OVERLAYS, { UI_FN(KEY_UP), 'k', UI_FN(KEY_DOWN), 'j' }, "scroll a line", "scroll",
	  { UI_FN(KEY_UP), UI_FN(KEY_DOWN) }, act_scroll },
	{ OVERLAYS, { UI_FN(KEY_PPAGE), UI_FN(KEY_NPAGE), ' ' }, "scroll a page", NULL, { 0 }, act_scroll },
	{ OVERLAYS, { UI_FN(KEY_HOME), 'g', UI_FN(KEY_END), 'G' }, "top / bottom", NULL, { 0 }, act_scroll },
	{ OVERLAYS, { UI_ESC, 'q', '\r', UI_FN(KEY_BACKSPACE) }, "back", "back", { UI_ESC }, ui_act_close },
	{ HELP, { '?' }, "close the help", NULL, { 0 }, ui_act_close },
	{ CHANGES, { 'w' }, "close the list", NULL, { 0 }, ui_act_close },

	/* the line editor (e, a) */
	{ EDIT, { '\r', '\n', UI_FN(KEY_ENTER) }, "save (a bad value is explained here; nothing is written)", "save",
	  { '\r' }, ui_prompt_enter },
	{ EDIT, { UI_ESC }, "cancel: nothing is written", "cancel", { 0 }, ui_prompt_cancel },
	{ EDIT, { '\t', UI_FN(KEY_BTAB) }, "next / previous field: title, owner, due, notes", "field", { '\t' },
	  ui_prompt_tab },
	{ EDIT, { UI_CTRL('o') }, "edit the notes in $EDITOR, then save", "$EDITOR", { 0 }, ui_edit_external },
	{ EDIT, { UI_FN(KEY_LEFT), UI_FN(KEY_RIGHT) }, "a character left / right", NULL, { 0 }, ui_prompt_key },
	{ EDIT, { UI_FN(KEY_HOME), UI_FN(KEY_END), UI_CTRL('a'), UI_CTRL('e') }, "start / end of the text", NULL,
	  { 0 }, ui_prompt_key },
	{ EDIT, { UI_FN(KEY_BACKSPACE), UI_FN(KEY_DC) }, "delete the character before / under the cursor", NULL,
	  { 0 }, ui_prompt_key },
	{ EDIT, { UI_CTRL('u'), UI_CTRL('k'), UI_CTRL('w') }, "delete to the start / to the end / the word before",
	  NULL, { 0 }, ui_prompt_key },

	/* questions: delete, conflict */
	{ CONFIRM, { 'y', 'm' }, "delete: yes \xc2\xb7 changed meanwhile: use mine (overwrites theirs)", NULL,
	  { 0 }, ui_confirm_key },
	{ CONFIRM, { 'n', 't', UI_ESC }, "delete: no \xc2\xb7 changed meanwhile: keep theirs", "cancel",
	  { UI_ESC }, ui_confirm_key },

	/* search prompt (typing goes to the prompt) */
	{ SEARCH, { '\r', '\n', UI_FN(KEY_ENTER) }, "keep the search and go to the first match", "search",
	  { '\r' }, ui_search_accept },
	{ SEARCH, { UI_ESC }, "cancel the search", "cancel", { 0 }, ui_search_cancel },

	/* filter menu */
	{ FILTER, { UI_FN(KEY_UP), 'k', UI_FN(KEY_DOWN), 'j' }, "move in the menu", "move",
	  { UI_FN(KEY_UP), UI_FN(KEY_DOWN) }, ui_filter_key },
	{ FILTER, { ' ', '\r', '\n', UI_FN(KEY_ENTER) }, "turn the option under the cursor on/off", "toggle",
	  { ' ' }, ui_filter_key },
	{ FILTER, { UI_FN(KEY_PPAGE), UI_FN(KEY_NPAGE), UI_FN(KEY_HOME), UI_FN(KEY_END) }, "page / ends of the menu",
	  NULL, { 0 }, ui_filter_key },
	{ FILTER, { 'c' }, "clear the filter", "clear", { 0 }, ui_filter_key },
	{ FILTER, { UI_ESC, 'q', 'f' }, "close the menu (the filter stays)", "close", { UI_ESC }, ui_act_close },

	{ 0, { 0 }, NULL, NULL, { 0 }, NULL },
};

/* Footer ranks per hint word: lower survives on narrow terminals. */
static int hint_rank(const char *hint)
{
	static const char *const order[] = { "help", "quit", "back", "save", "cancel", "move", "status", "edit",
	                                     "details", "field", "search", "filter", "toggle", "close", "clear",
	                                     "pane", "zoom", "sort", "undo", "add", "changes", "$EDITOR", "scroll" };
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (strcmp(order[i], hint) == 0)
			return (int)i;
	return 100;
}

/* --- key names ---------------------------------------------------------- */

void ui_key_name(const struct ui *ui, int key, char *buf, size_t size)
{
	const struct ui_glyphs *g = ui->scr ? ui->scr->g : ui->opt.ascii ? &ui_glyphs_ascii : &ui_glyphs_utf8;
	const char *name = NULL;
	switch (key) {
	case UI_FN(KEY_UP): name = g->up; break;
	case UI_FN(KEY_DOWN): name = g->down; break;
	case UI_FN(KEY_LEFT): name = g->left; break;
	case UI_FN(KEY_RIGHT): name = g->right; break;
	case UI_FN(KEY_PPAGE): name = "PgUp"; break;
	case UI_FN(KEY_NPAGE): name = "PgDn"; break;
	case UI_FN(KEY_HOME): name = "Home"; break;
	case UI_FN(KEY_END): name = "End"; break;
	case UI_FN(KEY_BTAB): name = "S-Tab"; break;
	case UI_FN(KEY_ENTER): case '\r': case '\n': name = "Enter"; break;
	case UI_FN(KEY_BACKSPACE): name = "Bksp"; break;
	case UI_FN(KEY_DC): name = "Del"; break;
	case UI_FN(KEY_MOUSE): name = "mouse"; break;
	case '\t': name = "Tab"; break;
	case ' ': name = "Space"; break;
	case UI_ESC: name = "Esc"; break;
	default: break;
	}
	if (name) {
		snprintf(buf, size, "%s", name);
	} else if (key > 0 && key < 32) {
		snprintf(buf, size, "Ctrl-%c", 'A' + key - 1);
	} else if (key & UI_KEY_FN) {
		snprintf(buf, size, "F%d", (key & ~UI_KEY_FN) - KEY_F0);
	} else {
		wchar_t wc[2] = { (wchar_t)key, 0 };
		if (wcstombs(buf, wc, size) == (size_t)-1)
			snprintf(buf, size, "?");
	}
}

/* --- dispatch ----------------------------------------------------------- */

unsigned ui_dispatch(struct ui *ui, int key)
{
	if (ui_paste_wants(ui, key)) /* pasted text is never a command */
		return ui_paste_key(ui, key);
	unsigned ctx = UI_CTX(ui_mode(ui));
	for (const struct ui_binding *b = ui_bindings; b->fn; b++) {
		if (!(b->contexts & ctx))
			continue;
		for (int k = 0; k < UI_MAX_KEYS && b->keys[k]; k++) {
			if (b->keys[k] != key)
				continue;
			unsigned flags = b->fn(ui, key);
			if (flags)
				return flags;
		}
	}
	if (ui_mode(ui) == UI_MODE_SEARCH)
		return ui_search_key(ui, key);
	if (ui_mode(ui) == UI_MODE_EDIT)
		return ui_prompt_key(ui, key);
	if (ui_mode(ui) == UI_MODE_CONFIRM)
		return UI_HANDLED; /* only the answers count */
	return 0;
}

/* --- footer hints ------------------------------------------------------- */

struct hint {
	char keys[48];
	const char *word;
	int width, rank;
	bool shown;
};

void ui_draw_hints(struct ui *ui, WINDOW *w, int y, int width)
{
	unsigned ctx = UI_CTX(ui_mode(ui));
	struct hint hints[24];
	size_t n = 0;
	for (const struct ui_binding *b = ui_bindings; b->fn && n < 24; b++) {
		if (!(b->contexts & ctx) || !b->hint)
			continue;
		struct hint *h = &hints[n++];
		h->word = b->hint;
		h->keys[0] = '\0';
		int k0 = b->hint_keys[0] ? b->hint_keys[0] : b->keys[0];
		char name[24];
		ui_key_name(ui, k0, name, sizeof name);
		snprintf(h->keys, sizeof h->keys, "%s", name);
		if (b->hint_keys[1]) {
			ui_key_name(ui, b->hint_keys[1], name, sizeof name);
			size_t l = strlen(h->keys);
			/* arrows pair up as "↑↓"; words as "Up/Down" */
			/* "1-4" for a range of digits */
			const char *join = text_width(h->keys) == 1 ? "" : "/";
			if (h->keys[0] >= '0' && h->keys[0] <= '9' && !h->keys[1] && name[0] >= '0' && name[0] <= '9')
				join = "-";
			snprintf(h->keys + l, sizeof h->keys - l, "%s%s", join, name);
		}
		h->width = (int)(text_width(h->keys) + 1 + strlen(h->word));
		h->rank = hint_rank(h->word);
		h->shown = false;
	}
	/* keep the most important that fit, draw in table order */
	int used = 0;
	for (int rank = 0; rank <= 100; rank++)
		for (size_t i = 0; i < n; i++)
			if (hints[i].rank == rank && !hints[i].shown && used + hints[i].width + (used ? 2 : 0) <= width) {
				hints[i].shown = true;
				used += hints[i].width + (used ? 2 : 0);
			}
	int x = 0;
	for (size_t i = 0; i < n; i++) {
		if (!hints[i].shown)
			continue;
		if (x)
			x += 2;
		x += ui_put(ui, w, y, x, hints[i].keys, width - x, ROLE_KEY, false);
		x += 1;
		x += ui_put(ui, w, y, x, hints[i].word, width - x, ROLE_STATUSBAR, false);
	}
}
