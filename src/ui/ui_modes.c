/* ui_modes — each screen described as data (ui_modes.h). */
#include "ui_modes.h"

#include <stdio.h>
#include <string.h>

#define DETAILS "Details, help and the changes since the meeting (w)"

const struct ui_mode_info ui_modes[UI_MODE_COUNT] = {
	[UI_MODE_MAIN] = { "main", UI_LAYER_BASE, "Dashboard", NULL, false, false },
	[UI_MODE_DETAIL] = { "detail", UI_LAYER_PANEL, DETAILS, NULL, false, true },
	[UI_MODE_HELP] = { "help", UI_LAYER_PANEL, DETAILS, NULL, false, false },
	[UI_MODE_SEARCH] = { "search", UI_LAYER_LINE, "Typing a search (/)", "type the text: the matches show as you type",
	                     false, false },
	[UI_MODE_FILTER] = { "filter", UI_LAYER_PANEL, "Filter menu (f)", NULL, false, false },
	[UI_MODE_EDIT] = { "edit", UI_LAYER_DIALOG, "Editing a field (e) or a new milestone (a)",
	                   "type or paste the text (UTF-8; wide characters take two columns)", false, false },
	[UI_MODE_CONFIRM] = { "confirm", UI_LAYER_DIALOG,
	                      "Questions (delete, changed meanwhile, undo anyway, stop following)", NULL, true, false },
	[UI_MODE_CHANGES] = { "changes", UI_LAYER_PANEL, DETAILS, NULL, false, true },
	[UI_MODE_AGENDA] = { "agenda", UI_LAYER_PANEL, "Agenda (A)", NULL, false, true },
	[UI_MODE_TIMELINE] = { "timeline", UI_LAYER_PANEL, "Timeline (T)", NULL, false, true },
	[UI_MODE_STATUS] = { "status", UI_LAYER_DIALOG, "The status menu (Space)", NULL, true, false },
};

const char *ui_screen_name(enum ui_mode mode)
{
	static char number[UI_MODE_COUNT][12];
	if ((unsigned)mode >= UI_MODE_COUNT)
		return "main";
	if (ui_modes[mode].name) /* a mode without one is called by its number, the same in every session of a build */
		return ui_modes[mode].name;
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
