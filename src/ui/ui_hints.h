/* ui_hints — the footer's hint line, from the requests' table. */
#ifndef CHARTERDASH_UI_HINTS_H
#define CHARTERDASH_UI_HINTS_H

#include <curses.h>

struct ui;

/* The footer hint line for the current mode. */
void ui_draw_hints(struct ui *ui, WINDOW *w, int y, int width);

#endif
