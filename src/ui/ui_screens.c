/* ui_screens — the screens' operations indexed by mode: the one place where
 * a mode's name leads to what it does (each screen's file gives its own
 * struct ui_screen_ops). */
#include "ui_screens.h"
#include "ui_state.h"

#include <stdio.h>
#include <string.h>

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

/* What presence records call the screens (a mode without a name here is
 * called by its number, the same in every session of one build). */
static const char *const names[UI_MODE_COUNT] = {
	[UI_MODE_MAIN] = "main",       [UI_MODE_DETAIL] = "detail", [UI_MODE_HELP] = "help",
	[UI_MODE_SEARCH] = "search",   [UI_MODE_FILTER] = "filter", [UI_MODE_EDIT] = "edit",
	[UI_MODE_CONFIRM] = "confirm", [UI_MODE_CHANGES] = "changes", [UI_MODE_STATUS] = "status",
	[UI_MODE_AGENDA] = "agenda", [UI_MODE_TIMELINE] = "timeline",
};

const char *ui_screen_name(enum ui_mode mode)
{
	static char number[UI_MODE_COUNT][12];
	if ((unsigned)mode >= UI_MODE_COUNT)
		return "main";
	if (names[mode])
		return names[mode];
	snprintf(number[mode], sizeof number[mode], "screen-%d", (int)mode);
	return number[mode];
}

enum ui_mode ui_screen_by_name(const char *name)
{
	for (int m = 0; m < UI_MODE_COUNT; m++)
		if (strcmp(ui_screen_name((enum ui_mode)m), name) == 0)
			return (enum ui_mode)m;
	return UI_MODE_MAIN;
}

const struct ui_screen_ops *ui_screen_of(const struct ui *ui)
{
	return ui_screens[ui_mode(ui)];
}
