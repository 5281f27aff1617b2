/* ui_pane — one pane of the dashboard's grid, a box or a meter (ui_pane.c),
 * and the pieces the header's overall line shares with it. */
#ifndef CHARTERDASH_UI_PANE_H
#define CHARTERDASH_UI_PANE_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "charterdash/report/layout.h"
#include "charterdash/report/progress.h"
#include "charterdash/report/view.h"
#include "ui_term.h"

struct ui;

/* The lines inside pane rectangle r in the style of the grid (a box or a
 * meter); label_w as layout_pane's. */
void ui_pane_lines(const struct ui *ui, struct rect r, int label_w, struct layout_pane *lp);
/* Pane `pi` in rectangle r: a box or a meter, as scr->meter says. */
void ui_pane_draw(struct ui *ui, size_t pi, struct rect r, bool focus);
/* The columns of a pane's milestone lines: a narrow meter's, or sized to
 * the titles and owners of its `lines` rows from vp->top. */
void ui_pane_columns(const struct ui *ui, const struct view_pane *vp, int lines, int inner_w, struct layout_row *out);
/* The stacked bar of counts, a state's colour role, "3/8  37%". */
void ui_pane_bar(struct ui *ui, WINDOW *w, int y, int x, int width, const struct progress *p);
enum ui_role ui_pane_state_role(enum group_state s);
void ui_pane_label(const struct progress *p, char *buf, size_t size);

#endif
