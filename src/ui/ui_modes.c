/* ui_modes — each screen described as data (ui_modes.h). */
#include "ui_modes.h"

#include <stdio.h>
#include <string.h>

#define DETAILS "Details, help and the changes since the meeting (w)"
#define END { UI_REQ_COUNT, NULL, NULL, 0 }
#define J UI_HELP_JOIN

/* What the moves do in each screen (the dashboard's are the requests' own). */
static const struct ui_req_text scrolling[] = {
	{ UI_REQ_MOVE_UP, "scroll a line", "scroll", 22 }, { UI_REQ_MOVE_DOWN, J, NULL, 0 },
	{ UI_REQ_PAGE_UP, "scroll a page", NULL, 0 }, { UI_REQ_FIRST, "top / bottom", NULL, 0 },
	{ UI_REQ_LAST, J, NULL, 0 }, END,
};
static const struct ui_req_text menu[] = {
	{ UI_REQ_MOVE_UP, "move in the menu", "move", 5 }, { UI_REQ_MOVE_DOWN, J, NULL, 0 },
	{ UI_REQ_PAGE_UP, "page / ends of the menu", NULL, 0 }, { UI_REQ_FIRST, J, NULL, 0 },
	{ UI_REQ_LAST, J, NULL, 0 }, END,
};
static const struct ui_req_text agenda[] = {
	{ UI_REQ_MOVE_UP, "previous / next milestone of the agenda", "move", 5 }, { UI_REQ_MOVE_DOWN, J, NULL, 0 },
	{ UI_REQ_FIRST, "first / last milestone of the agenda", NULL, 0 }, { UI_REQ_LAST, J, NULL, 0 },
	{ UI_REQ_DETAIL, "open the milestone's details", "details", 8 }, END,
};
static const struct ui_req_text timeline[] = {
	{ UI_REQ_MOVE_UP, "previous / next milestone by due date", "move", 5 }, { UI_REQ_MOVE_DOWN, J, NULL, 0 },
	{ UI_REQ_PANE_PREV, "scroll to earlier / later dates", "scroll", 9 }, { UI_REQ_PANE_NEXT, J, NULL, 0 },
	{ UI_REQ_DETAIL, "open the selected milestone's details", "details", 8 }, END,
};

const struct ui_mode_info ui_modes[UI_MODE_COUNT] = {
	[UI_MODE_MAIN] = { "main", UI_LAYER_BASE, "Dashboard", NULL, false, false, NULL },
	[UI_MODE_DETAIL] = { "detail", UI_LAYER_PANEL, DETAILS, NULL, false, true, scrolling },
	[UI_MODE_HELP] = { "help", UI_LAYER_PANEL, DETAILS, NULL, false, false, scrolling },
	[UI_MODE_SEARCH] = { "search", UI_LAYER_LINE, "Typing a search (/)", "type the text: the matches show as you type",
	                     false, false, NULL },
	[UI_MODE_FILTER] = { "filter", UI_LAYER_PANEL, "Filter menu (f)", NULL, false, false, menu },
	[UI_MODE_EDIT] = { "edit", UI_LAYER_DIALOG, "Editing a field (e) or a new milestone (a)",
	                   "type or paste the text (UTF-8; wide characters take two columns)", false, false, NULL },
	[UI_MODE_CONFIRM] = { "confirm", UI_LAYER_DIALOG, "Questions (delete, changed meanwhile, undo anyway, stop following)",
	                      NULL, true, false, NULL },
	[UI_MODE_CHANGES] = { "changes", UI_LAYER_PANEL, DETAILS, NULL, false, true, scrolling },
	[UI_MODE_AGENDA] = { "agenda", UI_LAYER_PANEL, "Agenda (A)", NULL, false, true, agenda },
	[UI_MODE_TIMELINE] = { "timeline", UI_LAYER_PANEL, "Timeline (T)", NULL, false, true, timeline },
	[UI_MODE_STATUS] = { "status", UI_LAYER_DIALOG, "The status menu (Space)", NULL, true, false, NULL },
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
