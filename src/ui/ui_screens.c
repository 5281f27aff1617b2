/* ui_screens — the screens' operations indexed by mode: the one place where
 * a mode leads to what it does (each screen's file gives its own struct
 * ui_screen_ops), above every screen; and the scroll requests, which act on
 * the screen on top. */
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"

const struct ui_screen_ops *const ui_screens[UI_MODE_COUNT] = {
	[UI_MODE_MAIN] = &ui_screen_main,
	[UI_MODE_DETAIL] = &ui_screen_detail,
	[UI_MODE_HELP] = &ui_screen_help,
	[UI_MODE_SEARCH] = &ui_screen_search,
	[UI_MODE_FILTER] = &ui_screen_filter,
	[UI_MODE_EDIT] = &ui_screen_edit,
	[UI_MODE_CONFIRM] = &ui_screen_confirm,
	[UI_MODE_CHANGES] = &ui_screen_changes,
	[UI_MODE_AGENDA] = &ui_screen_agenda,
	[UI_MODE_TIMELINE] = &ui_screen_timeline,
	[UI_MODE_STATUS] = &ui_screen_status,
};

const struct ui_screen_ops *ui_screen_of(const struct ui *ui)
{
	return ui_screens[ui_mode(ui)];
}

unsigned ui_screen_request(struct ui *ui, enum ui_request req)
{
	const struct ui_screen_ops *ops = ui_screen_of(ui);
	unsigned flags = ops->request ? ops->request(ui, req) : 0;
	return flags ? flags : ui_screen_scroll(ui, req); /* a panel that scrolls: its lines */
}

/* The scroll requests, on the screen on top (detail, help, changes). */
unsigned ui_screen_scroll(struct ui *ui, enum ui_request req)
{
	const struct ui_screen_ops *ops = ui_screen_of(ui);
	if (!ops->scroll_at)
		return 0;
	size_t lines, *top = ops->scroll_at(ui, &lines);
	struct rect r = ui->scr->overlay_rect; /* as laid out (ui_relayout) */
	size_t view_h = r.h > 2 ? (size_t)(r.h - 2) : 1;
	size_t max = lines > view_h ? lines - view_h : 0;
	size_t old = *top;
	long page = (long)(view_h > 1 ? view_h - 1 : 1);
	long t = (long)*top;
	switch (req) {
	case UI_REQ_MOVE_UP: t--; break;
	case UI_REQ_MOVE_DOWN: t++; break;
	case UI_REQ_PAGE_UP: t -= page; break;
	case UI_REQ_PAGE_DOWN: t += page; break;
	case UI_REQ_FIRST: t = 0; break;
	case UI_REQ_LAST: t = (long)max; break;
	default: return 0;
	}
	if (t < 0)
		t = 0;
	if ((size_t)t > max)
		t = (long)max;
	*top = (size_t)t;
	return UI_HANDLED | (*top != old ? UI_REDRAW : 0);
}
