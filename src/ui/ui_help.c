/* ui_help — the help overlay, generated from the requests and the key
 * table (so it cannot disagree with what the keys do), and a legend of the
 * glyphs and words the dashboard uses. */
#include "ui_help.h"
#include "ui_requests.h"
#include "ui_modes.h"
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"
#include "ui_panel.h"

#include <stdio.h>
#include <string.h>

#include "charterdash/core/text.h"

#define KEYS_W 18

/* A section of the help: the screens with the same help_title. */
struct section {
	unsigned ctx;
	const char *title, *typing;
};

/* The sections in the order of the modes; returns how many. */
static size_t sections_of(struct section *out)
{
	size_t n = 0;
	for (int m = 0; m < UI_MODE_COUNT; m++) {
		const struct ui_mode_info *ops = &ui_modes[m];
		if (!ops->help_title)
			continue;
		size_t i = 0;
		while (i < n && strcmp(out[i].title, ops->help_title) != 0)
			i++;
		if (i == n)
			out[n++] = (struct section){ 0, ops->help_title, NULL };
		out[i].ctx |= UI_CTX(m);
		if (ops->help_typing)
			out[i].typing = ops->help_typing;
	}
	return n;
}

static int contexts_of(unsigned mask)
{
	int n = 0;
	for (; mask; mask &= mask - 1)
		n++;
	return n;
}

/* The keys of the help line that request `head` starts (it and the
 * requests after it without help text) in section sec, "" when none is
 * bound there. Keys shared by every mode are listed once, in the first
 * section (the dashboard's); Enter is listed once although several codes
 * mean it. */
static void line_keys(const struct ui *ui, int head, const struct section *sec, const struct section *first,
                      char *keys, size_t size)
{
	int end = head + 1;
	while (end < UI_REQ_COUNT && !ui_request_help_in((enum ui_request)end, sec->ctx))
		end++;
	/* the same words as in the first section: its keys are listed there */
	const char *here = ui_request_help_in((enum ui_request)head, sec->ctx);
	const char *there = ui_request_help_in((enum ui_request)head, first->ctx);
	bool listed = sec != first && here && there && strcmp(here, there) == 0;
	char name[32];
	size_t used = 0;
	keys[0] = '\0';
	for (const struct ui_binding *b = ui_bindings; b->key && used < size; b++) {
		if ((int)b->req < head || (int)b->req >= end || !(b->contexts & sec->ctx))
			continue;
		if (listed && (b->contexts & first->ctx) && contexts_of(b->contexts) >= 4)
			continue;
		ui_key_name(ui, b->key, name, sizeof name);
		if (strstr(keys, name))
			continue;
		used += (size_t)snprintf(keys + used, size - used, "%s%s", used ? " " : "", name);
	}
}

/* Every help line in order: the keys of each screen, then the legend. */
static void build(struct ui *ui, struct ui_panel_out *out)
{
	char keys[96], text[160];
	struct section sections[UI_MODE_COUNT];
	size_t count = sections_of(sections);
	for (size_t s = 0; s < count; s++) {
		if (s)
			ui_panel_line(out, "", "", ROLE_NORMAL);
		ui_panel_line(out, sections[s].title, "", ROLE_LABEL);
		for (int r = 0; r < UI_REQ_COUNT; r++) {
			const char *help = ui_request_help_in((enum ui_request)r, sections[s].ctx);
			if (!help)
				continue;
			line_keys(ui, r, &sections[s], &sections[0], keys, sizeof keys);
			if (keys[0])
				ui_panel_line(out, keys, help, ROLE_NORMAL);
		}
		if (sections[s].typing)
			ui_panel_line(out, "(letters)", sections[s].typing, ROLE_NORMAL);
	}

	const struct ui_glyphs *g = ui->scr->g;
	ui_panel_line(out, "", "", ROLE_NORMAL);
	ui_panel_line(out, "What you see", "", ROLE_LABEL);
	static const enum status order[] = { STATUS_DONE, STATUS_IN_PROGRESS, STATUS_BLOCKED, STATUS_NOT_STARTED };
	for (int i = 0; i < 4; i++) {
		snprintf(keys, sizeof keys, "%s  %s", g->status[order[i]], g->bar[order[i]]);
		snprintf(text, sizeof text, "%s (milestone glyph, bar cells)", status_label(order[i]));
		ui_panel_line(out, keys, text, ui_status_role(order[i]));
	}
	snprintf(keys, sizeof keys, "%s%s%s%s", g->time_elapsed, g->time_elapsed, g->marker, g->time_left);
	ui_panel_line(out, keys, "time bar: the roadmap window, today marked (full after the deadline)", ROLE_NORMAL);
	ui_panel_line(out, "! date", "overdue: past its due date and not done", ROLE_OVERDUE);
	ui_panel_line(out, "!3d  +8d  03-13", "the dates of narrow panes: 3 days late, due in 8 days, done (its date)",
	              ROLE_NORMAL);
	ui_panel_line(out, "grey date", "no due date of its own: due on the roadmap deadline", ROLE_NORMAL);
	snprintf(keys, sizeof keys, "%s", g->match);
	ui_panel_line(out, keys, "matches the search", ROLE_NORMAL);
	ui_panel_line(out, "3/8  37%", "done / total and percent done (rounded down), as in `charterdash report`",
	              ROLE_NORMAL);
	/* the rule every count uses, in the words README.md's table states */
	static const enum ui_role rule_role[] = { ROLE_OVERDUE, ROLE_BLOCKED, ROLE_AT_RISK };
	for (size_t i = 0; i < progress_rule_count; i++)
		ui_panel_line(out, progress_rules[i].word, progress_rules[i].meaning, i < 3 ? rule_role[i] : ROLE_NORMAL);
	snprintf(keys, sizeof keys, "%s by NAME", g->changed);
	ui_panel_line(out, keys, "someone else changed it in the last minute (details say when)", ROLE_AT_RISK);
	ui_panel_line(out, "read-only", "in the header: this file cannot be changed from here (the reason when you try)",
	              ROLE_NORMAL);
	ui_panel_line(out, "also here:", "in the header: who else has this file open in charterdash", ROLE_NORMAL);
}

static const struct ui_panel help_panel = { "Help: keys (Esc closes)", 96, KEYS_W, build };

static struct rect help_rect(struct ui *ui)
{
	return ui_panel_rect(ui, &help_panel);
}

static size_t *help_scroll(struct ui *ui, size_t *lines)
{
	*lines = ui->help.lines;
	return &ui->help.top;
}

static void help_measure(struct ui *ui)
{
	ui_panel_measure(ui, &help_panel, &ui->help);
}

static void help_draw(struct ui *ui)
{
	ui_panel_draw(ui, &help_panel, &ui->help);
}

bool ui_help_find(struct ui *ui, const char *query, int dir)
{
	struct ui_scroll at = ui->help;
	if (dir == 0) {
		at.top = ui->help_search_from;
		if (at.top > 0) { /* a match on that very line counts */
			at.top--;
			dir = 1;
		} else {
			dir = 1;
			at.top = (size_t)-1;
		}
	}
	if (!ui_panel_find(ui, &help_panel, &at, query, dir))
		return false;
	ui->help.top = at.top;
	return true;
}

unsigned ui_help_request(struct ui *ui, enum ui_request req)
{
	if (req == UI_REQ_HELP_SEARCH) {
		ui->help_search_from = ui->help.top;
		ui_search_open(ui); /* search.before stays NULL: the view's query is not touched */
		return UI_HANDLED | UI_REDRAW;
	}
	if (!lineedit_text(&ui->search.line)[0]) {
		ui_message(ui, "No search yet: press / to search the help");
		return UI_HANDLED | UI_REDRAW;
	}
	if (!ui_help_find(ui, lineedit_text(&ui->search.line), req == UI_REQ_HELP_MATCH_NEXT ? 1 : -1))
		ui_error(ui, "No match for \"%s\"", lineedit_text(&ui->search.line));
	return UI_HANDLED | UI_REDRAW;
}

const struct ui_screen_ops ui_screen_help = {
	.rect = help_rect,
	.measure = help_measure,
	.draw = help_draw,
	.scroll_at = help_scroll,
};
