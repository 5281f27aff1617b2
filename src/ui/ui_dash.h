/* ui_dash — the main view: header, pane grid, footer, too-small. */
#ifndef CHARTERDASH_UI_DASH_H
#define CHARTERDASH_UI_DASH_H

#include <stddef.h>

struct ui;

void ui_dash_draw_header(struct ui *ui);
void ui_dash_draw_footer(struct ui *ui);
void ui_dash_draw_too_small(struct ui *ui);
/* Pane geometry of the current view, into scr->panes. */
void ui_dash_layout(struct ui *ui);
/* Header lines needed at this size. */
int ui_dash_header_lines(struct ui *ui, int width, int height);

#endif
