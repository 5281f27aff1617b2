/* ui_status — the status menu: Space, then the status (1-4 or n i b d),
 * drawn over the footer so that the panes and the detail stay in view.
 * Two keys at most, and a digit alone never writes (it is a count). */
#include "ui_status.h"
#include "ui_hints.h"
#include "ui_live.h"
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"

#include <stdio.h>

unsigned ui_act_status_menu(struct ui *ui, enum ui_request req)
{
	(void)req;
	if (ui_selected(ui) < 0) {
		ui_message(ui, "No milestone selected here");
		return UI_HANDLED | UI_REDRAW;
	}
	if (ui_live_refused(ui)) /* say it now, not after the second key */
		return UI_HANDLED | UI_REDRAW;
	ui_push(ui, UI_MODE_STATUS);
	return UI_HANDLED | UI_RELAYOUT;
}

/* The footer's two lines. */
static struct rect status_rect(struct ui *ui)
{
	return ui->scr->regions.footer;
}

static void status_draw(struct ui *ui)
{
	WINDOW *w = ui->scr->dialog;
	struct rect r = ui->scr->dialog_rect;
	werase(w);
	ui_draw_hints(ui, w, 0, r.w);
	long m = ui_selected(ui);
	if (m < 0 || r.h < 2)
		return;
	const struct milestone *ms = &ui->charter.milestones[m];
	char line[400];
	snprintf(line, sizeof line, "Status of %s (now %s): 1/n not started%s2/i in progress%s3/b blocked%s4/d done",
	         ms->id, status_label(ms->status), ui->scr->g->sep, ui->scr->g->sep, ui->scr->g->sep);
	ui_put(ui, w, 1, 0, line, r.w - 1, ROLE_MESSAGE, true);
}

const struct ui_screen_ops ui_screen_status = {
	.rect = status_rect,
	.draw = status_draw,
};
