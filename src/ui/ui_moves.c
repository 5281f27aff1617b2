/* ui_moves — the generic moves on the dashboard (its ops' request): up and
 * down the rows and the grid, left and right through the panes, a page,
 * the first and last rows (with a count: 3j, 5G), and Enter's details. */
#include "ui_moves.h"
#include "ui_detail.h"
#include "ui_pane.h"
#include "ui_state.h"
#include "ui_term.h"

#include <stdint.h>

static int grid_cols(const struct ui *ui)
{
	return ui->view.zoom ? 1 : ui->scr->grid.cols > 0 ? ui->scr->grid.cols : 1;
}

/* Lines of milestones the focused pane shows now. */
static long page_lines(const struct ui *ui)
{
	const struct ui_screen *scr = ui->scr;
	if (!ui->view.pane_count || !scr->panes)
		return 1;
	struct layout_pane lp;
	ui_pane_lines(ui, scr->panes[ui->view.focus], 0, &lp);
	return lp.list_h > 1 ? lp.list_h - 1 : 1;
}

/* One step of a move; true when something moved. */
static bool move_once(struct ui *ui, enum ui_request req)
{
	struct view *v = &ui->view;
	switch (req) {
	case UI_REQ_MOVE_UP:
	case UI_REQ_MOVE_DOWN: {
		int d = req == UI_REQ_MOVE_UP ? -1 : 1;
		/* zoomed: stay in the pane */
		return v->zoom ? view_move(v, d) : view_step(v, d, grid_cols(ui));
	}
	/* the same screen row when the new pane shows it, else its first */
	case UI_REQ_PANE_PREV: return view_change_pane(v, -1, false);
	case UI_REQ_PANE_NEXT: return view_change_pane(v, 1, false);
	case UI_REQ_PANE_CYCLE: return view_change_pane(v, 1, true);
	case UI_REQ_PANE_CYCLE_BACK: return view_change_pane(v, -1, true);
	case UI_REQ_PAGE_UP: return view_move(v, -page_lines(ui));
	case UI_REQ_PAGE_DOWN: return view_move(v, page_lines(ui));
	default: return false;
	}
}

/* Moving the selection and the focus, `count` times (3j); with a count,
 * g and G go to that row (5G: the fifth). A redraw when something moved. */
static unsigned move_by(struct ui *ui, enum ui_request req)
{
	bool counted = ui->count != 0;
	unsigned n = ui_take_count(ui);
	bool changed = false;
	switch (req) {
	case UI_REQ_FIRST:
	case UI_REQ_LAST:
		if (counted)
			changed = view_move_to(&ui->view, n - 1);
		else
			changed = view_move_to(&ui->view, req == UI_REQ_FIRST ? 0 : SIZE_MAX);
		break;
	default:
		for (unsigned i = 0; i < n && move_once(ui, req); i++)
			changed = true;
		break;
	}
	return UI_HANDLED | (changed ? UI_REDRAW : 0);
}

unsigned ui_moves_request(struct ui *ui, enum ui_request req)
{
	switch (req) {
	case UI_REQ_MOVE_UP: case UI_REQ_MOVE_DOWN: case UI_REQ_PANE_PREV: case UI_REQ_PANE_NEXT:
	case UI_REQ_PANE_CYCLE: case UI_REQ_PANE_CYCLE_BACK: case UI_REQ_PAGE_UP: case UI_REQ_PAGE_DOWN:
	case UI_REQ_FIRST: case UI_REQ_LAST: return move_by(ui, req);
	case UI_REQ_DETAIL: return ui_act_detail(ui, req);
	default: return 0;
	}
}
