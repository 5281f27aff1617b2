/* ui_panel — the help's and the minutes' scrolling panel of wrapped lines
 * (ui_panel.h). */
#include "ui_panel.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/text.h"

enum panel_job { PANEL_COUNT, PANEL_DRAW, PANEL_FIND };

struct ui_panel_out {
	struct ui *ui;
	const struct ui_panel *p;
	enum panel_job job;
	int width;          /* the text's columns inside the border */
	size_t line;        /* wrapped lines so far */
	/* drawing */
	WINDOW *w;
	size_t top;
	int height;
	/* finding: the lines showing the query, around the one at `top` */
	const char *query;
	size_t first, last, next, prev; /* SIZE_MAX: none */
};

/* One wrapped line of `len` bytes of s at column x of the text. */
static void put(struct ui_panel_out *o, int x, const char *s, size_t len, enum ui_role role)
{
	size_t at = o->line++;
	if (o->job == PANEL_FIND) {
		char buf[512];
		size_t n = len < sizeof buf - 1 ? len : sizeof buf - 1, pos, mlen;
		memcpy(buf, s, n);
		buf[n] = '\0';
		if (!text_find(buf, o->query, &pos, &mlen))
			return;
		if (o->first == SIZE_MAX)
			o->first = at;
		o->last = at;
		if (at > o->top && o->next == SIZE_MAX)
			o->next = at;
		if (at < o->top)
			o->prev = at;
		return;
	}
	if (o->job != PANEL_DRAW || at < o->top || at >= o->top + (size_t)o->height)
		return;
	char buf[512];
	size_t n = len < sizeof buf - 1 ? len : sizeof buf - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	ui_put(o->ui, o->w, 1 + (int)(at - o->top), 2 + x, buf, o->width - x, role, true);
}

/* `text` wrapped into `cols` columns at column x (continuations at x2). */
static void wrapped(struct ui_panel_out *o, int x, int x2, const char *text, enum ui_role role)
{
	int cols = o->width - x2;
	if (cols < 1)
		cols = 1;
	struct text_span stack[16], *lines = stack;
	size_t n = text_wrap(text, (size_t)cols, NULL, 0);
	if (n > 16 && !(lines = malloc(n * sizeof *lines)))
		return;
	text_wrap(text, (size_t)cols, lines, n);
	if (!n)
		put(o, x, "", 0, role);
	for (size_t i = 0; i < n; i++)
		put(o, i ? x2 : x, text + lines[i].start, lines[i].len, role);
	if (lines != stack)
		free(lines);
}

void ui_panel_line(struct ui_panel_out *o, const char *keys, const char *text, enum ui_role role)
{
	if (!*text) { /* a heading or a blank line */
		wrapped(o, 0, 2, keys, role);
		return;
	}
	int kw = o->p->keys_w;
	if (kw && keys) {
		/* the keys cut in their column: they are short by design */
		if (o->job == PANEL_DRAW && o->line >= o->top && o->line < o->top + (size_t)o->height)
			ui_put(o->ui, o->w, 1 + (int)(o->line - o->top), 3, keys, kw - 1,
			       role == ROLE_NORMAL ? ROLE_KEY : role, true);
		wrapped(o, kw + 1, kw + 1, text, ROLE_NORMAL);
		return;
	}
	int indent = (int)strspn(text, " ");
	wrapped(o, indent, indent + 2, text + indent, role);
}

static int panel_width(struct ui *ui, const struct ui_panel *p)
{
	int w = ui->scr->regions.body.w;
	return p->max_w < w ? p->max_w : w;
}

static size_t count(struct ui *ui, const struct ui_panel *p, int outer_w)
{
	struct ui_panel_out o = { .ui = ui, .p = p, .job = PANEL_COUNT, .width = outer_w - 4 };
	p->build(ui, &o);
	return o.line;
}

struct rect ui_panel_rect(struct ui *ui, const struct ui_panel *p)
{
	int w = panel_width(ui, p);
	size_t lines = count(ui, p, w);
	return layout_center(ui->scr->regions.body, w, lines > 10000 ? 10000 : (int)lines + 2);
}

void ui_panel_measure(struct ui *ui, const struct ui_panel *p, struct ui_scroll *s)
{
	s->lines = count(ui, p, ui->scr->overlay_rect.w);
	ui_scroll_clamp(&s->top, s->lines, ui->scr->overlay_rect.h - 2);
}

void ui_panel_draw(struct ui *ui, const struct ui_panel *p, const struct ui_scroll *s)
{
	WINDOW *w = ui->scr->overlay;
	struct rect r = ui->scr->overlay_rect;
	werase(w);
	ui_box(ui, w, (struct rect){ 0, 0, r.w, r.h }, true, p->title);
	struct ui_panel_out o = {
		.ui = ui, .p = p, .job = PANEL_DRAW, .width = r.w - 4, .w = w, .top = s->top, .height = r.h - 2,
	};
	p->build(ui, &o);
	ui_scroll_mark(ui, w, r, s->top, r.h - 2, s->lines, true);
}

bool ui_panel_find(struct ui *ui, const struct ui_panel *p, struct ui_scroll *s, const char *query, int dir)
{
	if (!query || !*query)
		return false;
	struct ui_panel_out o = {
		.ui = ui, .p = p, .job = PANEL_FIND, .width = ui->scr->overlay_rect.w - 4, .top = s->top,
		.query = query, .first = SIZE_MAX, .last = SIZE_MAX, .next = SIZE_MAX, .prev = SIZE_MAX,
	};
	p->build(ui, &o);
	if (o.first == SIZE_MAX)
		return false;
	/* past either end, around to the other */
	if (dir > 0)
		s->top = o.next != SIZE_MAX ? o.next : o.first;
	else
		s->top = o.prev != SIZE_MAX ? o.prev : o.last;
	return true;
}
