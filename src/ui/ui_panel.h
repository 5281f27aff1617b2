/* ui_panel — a scrolling panel of wrapped lines, the one skeleton of the
 * help (ui_help.c) and the minutes since the meeting (ui_changes.c). A
 * screen says what its panel is (title, width, an optional keys column)
 * and emits its lines from a build function; the panel wraps each line at
 * the window's width (never cuts), counts the wrapped lines for the
 * measure step, draws those in view and finds text in them (`/` in the
 * help). Nothing here keeps state: the position is the screen's
 * struct ui_scroll. */
#ifndef CHARTERDASH_UI_PANEL_H
#define CHARTERDASH_UI_PANEL_H

#include <stdbool.h>

#include "ui_state.h"
#include "ui_term.h"

struct ui_panel_out; /* where the lines go: counted, drawn or searched */

struct ui_panel {
	const char *title; /* on the top border */
	int max_w;         /* the widest the panel gets (narrower screens: their width) */
	int keys_w;        /* a keys column's width (the help), 0: none */
	/* Emits the lines in order with ui_panel_line. */
	void (*build)(struct ui *ui, struct ui_panel_out *out);
};

/* One line: with `keys` and a keys column, keys on the left and `text`
 * wrapped beside them; a line with no text is a heading (`keys` across the
 * width, in `role`); without a keys column, `text` wrapped across the
 * width, its continuation lines indented two columns past its own leading
 * spaces. */
void ui_panel_line(struct ui_panel_out *out, const char *keys, const char *text, enum ui_role role);

/* The panel's window at relayout: centred, as high as its wrapped lines. */
struct rect ui_panel_rect(struct ui *ui, const struct ui_panel *p);
/* The measure step: counts the wrapped lines, keeps the last screen full. */
void ui_panel_measure(struct ui *ui, const struct ui_panel *p, struct ui_scroll *s);
/* Draws the box, its title, the lines from s->top and the position mark. */
void ui_panel_draw(struct ui *ui, const struct ui_panel *p, const struct ui_scroll *s);
/* The next wrapped line after s->top (dir > 0; before it: dir < 0) that
 * shows `query` (case-insensitive), wrapping around; true with s->top on
 * it, false when no line shows it. */
bool ui_panel_find(struct ui *ui, const struct ui_panel *p, struct ui_scroll *s, const char *query, int dir);

#endif
