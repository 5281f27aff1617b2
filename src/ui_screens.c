/* ui_screens — the screens' operations indexed by mode: the one place where
 * a mode's name leads to what it does (each screen's file gives its own
 * struct ui_screen_ops). */
#include "ui_internal.h"

const struct ui_screen_ops *const ui_screens[UI_MODE_COUNT] = {
	[UI_MODE_MAIN] = &ui_screen_main,
	[UI_MODE_DETAIL] = &ui_screen_detail,
	[UI_MODE_HELP] = &ui_screen_help,
	[UI_MODE_SEARCH] = &ui_screen_search,
	[UI_MODE_FILTER] = &ui_screen_filter,
	[UI_MODE_EDIT] = &ui_screen_edit,
	[UI_MODE_CONFIRM] = &ui_screen_confirm,
	[UI_MODE_CHANGES] = &ui_screen_changes,
	[UI_MODE_STATUS] = &ui_screen_status,
};

const struct ui_screen_ops *ui_screen_of(const struct ui *ui)
{
	return ui_screens[ui_mode(ui)];
}
