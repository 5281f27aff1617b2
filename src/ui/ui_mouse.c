/* ui_mouse — clicks and the wheel (only when mouse reporting is on: --mouse
 * or M). A click focuses a pane and selects the milestone under it, a
 * double click opens its details, the wheel scrolls the pane under the
 * pointer (or the overlay). */
#include "ui_mouse.h"
#include "ui_pane.h"
#include "ui_detail.h"
#include "ui_requests.h"
#include "ui_modes.h"
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"

#define WHEEL_LINES 3

#ifndef BUTTON5_PRESSED /* ncurses built with the old mouse protocol */
#define BUTTON5_PRESSED 0
#endif

/* The pane under body coordinates (x, y) and the row under it, -1 if none. */
static long pane_at(struct ui *ui, int x, int y, long *row)
{
	struct ui_screen *scr = ui->scr;
	*row = -1;
	if (!scr->panes || !ui->view.pane_count)
		return -1;
	long p = layout_hit(scr->panes, ui->view.pane_count, x, y);
	if (p < 0)
		return -1;
	struct rect r = scr->panes[p];
	struct layout_pane lp;
	ui_pane_lines(ui, r, 0, &lp);
	int line = y - r.y - lp.list_y;
	const struct view_pane *vp = &ui->view.panes[p];
	if (line >= 0 && line < lp.list_h && vp->top + (size_t)line < vp->row_count)
		*row = (long)(vp->top + (size_t)line);
	return p;
}

unsigned ui_mouse_event(struct ui *ui, enum ui_request req)
{
	(void)req;
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return UI_HANDLED;
	const struct ui_screen_ops *ops = ui_screen_of(ui);
	bool wheel_up = (ev.bstate & BUTTON4_PRESSED) != 0;
	bool wheel_down = BUTTON5_PRESSED != 0 && (ev.bstate & BUTTON5_PRESSED) != 0;

	if (ops->scroll_at) { /* the wheel scrolls an overlay; clicks do nothing there */
		if (!wheel_up && !wheel_down)
			return UI_HANDLED;
		unsigned flags = 0;
		for (int i = 0; i < WHEEL_LINES; i++)
			flags |= ui_screen_scroll(ui, wheel_up ? UI_REQ_MOVE_UP : UI_REQ_MOVE_DOWN);
		return UI_HANDLED | flags;
	}
	if (ui_modes[ui_mode(ui)].layer != UI_LAYER_BASE)
		return UI_HANDLED;

	struct rect body = ui->scr->regions.body;
	int x = ev.x - body.x, y = ev.y - body.y;
	long row;
	long p = pane_at(ui, x, y, &row);
	if (p < 0)
		return UI_HANDLED;
	struct view *v = &ui->view;
	if (wheel_up || wheel_down) {
		view_focus(v, (size_t)p);
		view_move(v, wheel_up ? -WHEEL_LINES : WHEEL_LINES);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_DOUBLE_CLICKED)) {
		view_focus(v, (size_t)p);
		if (row >= 0)
			view_move_to(v, (size_t)row);
		if ((ev.bstate & BUTTON1_DOUBLE_CLICKED) && row >= 0)
			return ui_act_detail(ui, UI_REQ_DETAIL) | UI_REDRAW;
		return UI_HANDLED | UI_REDRAW;
	}
	return UI_HANDLED;
}
