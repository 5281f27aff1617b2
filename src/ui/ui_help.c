/* ui_help — the help overlay, generated from the requests and the key
 * table (so it cannot disagree with what the keys do), and a legend of the
 * glyphs and words the dashboard uses. */
#include "ui_internal.h"

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
		const struct ui_screen_ops *ops = ui_screens[m];
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

/* Calls emit(line, keys, text, role) for every help line in order;
 * returns the number of lines. */
typedef void (*emit_fn)(struct ui *ui, int line, const char *keys, const char *text, enum ui_role role,
                        void *ctx);

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
	while (end < UI_REQ_COUNT && !ui_request_help((enum ui_request)end))
		end++;
	char name[32];
	size_t used = 0;
	keys[0] = '\0';
	for (const struct ui_binding *b = ui_bindings; b->key && used < size; b++) {
		if ((int)b->req < head || (int)b->req >= end || !(b->contexts & sec->ctx))
			continue;
		if (sec != first && (b->contexts & first->ctx) && contexts_of(b->contexts) >= 4)
			continue;
		ui_key_name(ui, b->key, name, sizeof name);
		if (strstr(keys, name))
			continue;
		used += (size_t)snprintf(keys + used, size - used, "%s%s", used ? " " : "", name);
	}
}

static int build(struct ui *ui, emit_fn emit, void *ctx)
{
	int line = 0;
	char keys[96], text[160];
	struct section sections[UI_MODE_COUNT];
	size_t count = sections_of(sections);
	for (size_t s = 0; s < count; s++) {
		if (line)
			emit(ui, line++, "", "", ROLE_NORMAL, ctx);
		emit(ui, line++, sections[s].title, "", ROLE_LABEL, ctx);
		for (int r = 0; r < UI_REQ_COUNT; r++) {
			const char *help = ui_request_help((enum ui_request)r);
			if (!help)
				continue;
			line_keys(ui, r, &sections[s], &sections[0], keys, sizeof keys);
			if (keys[0])
				emit(ui, line++, keys, help, ROLE_NORMAL, ctx);
		}
		if (sections[s].typing)
			emit(ui, line++, "(letters)", sections[s].typing, ROLE_NORMAL, ctx);
	}

	const struct ui_glyphs *g = ui->scr->g;
	emit(ui, line++, "", "", ROLE_NORMAL, ctx);
	emit(ui, line++, "What you see", "", ROLE_LABEL, ctx);
	static const enum status order[] = { STATUS_DONE, STATUS_IN_PROGRESS, STATUS_BLOCKED, STATUS_NOT_STARTED };
	for (int i = 0; i < 4; i++) {
		snprintf(keys, sizeof keys, "%s  %s", g->status[order[i]], g->bar[order[i]]);
		snprintf(text, sizeof text, "%s (milestone glyph, bar cells)", status_label(order[i]));
		emit(ui, line++, keys, text, ui_status_role(order[i]), ctx);
	}
	snprintf(keys, sizeof keys, "%s%s%s%s", g->time_elapsed, g->time_elapsed, g->marker, g->time_left);
	emit(ui, line++, keys, "time bar: the roadmap window, today marked (full after the deadline)", ROLE_NORMAL,
	     ctx);
	emit(ui, line++, "! date", "overdue: past its due date and not done", ROLE_OVERDUE, ctx);
	emit(ui, line++, "grey date", "no due date of its own: due on the roadmap deadline", ROLE_NORMAL, ctx);
	snprintf(keys, sizeof keys, "%s", g->match);
	emit(ui, line++, keys, "matches the search", ROLE_NORMAL, ctx);
	emit(ui, line++, "3/8  37%", "done / total and percent done (rounded down), as in `charterdash report`",
	     ROLE_NORMAL, ctx);
	/* the rule every count uses, in the words README.md's table states */
	static const enum ui_role rule_role[] = { ROLE_OVERDUE, ROLE_BLOCKED, ROLE_AT_RISK };
	for (size_t i = 0; i < progress_rule_count; i++)
		emit(ui, line++, progress_rules[i].word, progress_rules[i].meaning, i < 3 ? rule_role[i] : ROLE_NORMAL, ctx);
	snprintf(keys, sizeof keys, "%s by NAME", g->changed);
	emit(ui, line++, keys, "someone else changed it in the last minute (details say when)", ROLE_AT_RISK, ctx);
	emit(ui, line++, "read-only", "in the header: this file cannot be changed from here (the reason when you try)",
	     ROLE_NORMAL, ctx);
	emit(ui, line++, "also here:", "in the header: who else has this file open in charterdash", ROLE_NORMAL, ctx);
	return line;
}

struct draw_ctx {
	WINDOW *w;
	int width, top, height;
};

static void draw_line(struct ui *ui, int line, const char *keys, const char *text, enum ui_role role, void *p)
{
	struct draw_ctx *d = p;
	int y = line - d->top;
	if (y < 0 || y >= d->height)
		return;
	if (!*text) { /* a heading or a blank line */
		ui_put(ui, d->w, 1 + y, 2, keys, d->width, role, true);
		return;
	}
	ui_put(ui, d->w, 1 + y, 3, keys, KEYS_W - 1, role == ROLE_NORMAL ? ROLE_KEY : role, true);
	ui_put(ui, d->w, 1 + y, 3 + KEYS_W, text, d->width - KEYS_W - 1, ROLE_NORMAL, true);
}

static void count_line(struct ui *ui, int line, const char *keys, const char *text, enum ui_role role, void *p)
{
	(void)ui;
	(void)line;
	(void)keys;
	(void)text;
	(void)role;
	(void)p;
}

static struct rect help_rect(struct ui *ui)
{
	int lines = build(ui, count_line, NULL);
	return layout_center(ui->scr->regions.body, 96, lines + 2);
}

static size_t *help_scroll(struct ui *ui, size_t *lines)
{
	*lines = ui->help.lines;
	return &ui->help.top;
}

static void help_measure(struct ui *ui)
{
	ui->help.lines = (size_t)build(ui, count_line, NULL);
	ui_scroll_clamp(&ui->help.top, ui->help.lines, ui->scr->overlay_rect.h - 2);
}

static void help_draw(struct ui *ui)
{
	WINDOW *w = ui->scr->overlay;
	struct rect r = ui->scr->overlay_rect;
	werase(w);
	struct rect box = { 0, 0, r.w, r.h };
	ui_box(ui, w, box, true, "Help: keys (Esc closes)");
	int height = r.h - 2;
	struct draw_ctx d = { w, r.w - 4, (int)ui->help.top, height };
	build(ui, draw_line, &d);
	ui_scroll_mark(ui, w, r, ui->help.top, height, ui->help.lines, false);
}

const struct ui_screen_ops ui_screen_help = {
	.layer = UI_LAYER_PANEL,
	.rect = help_rect,
	.measure = help_measure,
	.draw = help_draw,
	.scroll_at = help_scroll,
};
