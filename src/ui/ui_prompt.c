/* ui_prompt — the dialogs (ui_prompt.h): a form, the line editor of e
 * and a, and a question with its answers, each described as data by the
 * code that opens it. The text being edited lives in lineedit (pure,
 * unit-tested); this file turns keys into its calls and draws it, scrolled
 * so the cursor shows. */
#include "ui_prompt.h"
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/text.h"

#define PROMPT_W 76
#define PROMPT_H 6

/* The dialogs' state (ui->prompt). */
struct ui_prompt {
	const struct ui_form *form;           /* the form open or last opened */
	char title[200];
	struct lineedit line[UI_FORM_FIELDS]; /* the drafts */
	char *orig[UI_FORM_FIELDS];           /* the values set before it opened */
	int slot;                             /* the field the cursor is in */
	char error[300];                      /* shown in place */
	struct lineedit_window win;           /* the part of the text shown (the measure step's) */
	struct ui_question question;
};

bool ui_prompt_init(struct ui *ui)
{
	struct ui_prompt *p = calloc(1, sizeof *p);
	if (!p)
		return false;
	for (int i = 0; i < UI_FORM_FIELDS; i++)
		lineedit_init(&p->line[i], NULL);
	ui->prompt = p;
	return true;
}

void ui_prompt_clear(struct ui *ui)
{
	struct ui_prompt *p = ui->prompt;
	for (int i = 0; i < UI_FORM_FIELDS; i++) {
		free(p->orig[i]);
		p->orig[i] = NULL;
		lineedit_set(&p->line[i], NULL);
	}
	p->error[0] = '\0';
}

void ui_prompt_fini(struct ui *ui)
{
	struct ui_prompt *p = ui->prompt;
	if (!p)
		return;
	ui_prompt_clear(ui);
	for (int i = 0; i < UI_FORM_FIELDS; i++)
		lineedit_fini(&p->line[i]);
	free(p);
	ui->prompt = NULL;
}

void ui_prompt_set(struct ui *ui, int i, const char *value)
{
	struct ui_prompt *p = ui->prompt;
	free(p->orig[i]);
	p->orig[i] = ui_strdup(value);
	lineedit_set(&p->line[i], value);
}

void ui_prompt_open(struct ui *ui, const struct ui_form *form, const char *title, int slot)
{
	struct ui_prompt *p = ui->prompt;
	p->form = form;
	snprintf(p->title, sizeof p->title, "%s", title);
	p->slot = slot;
	p->error[0] = '\0';
	ui_push(ui, UI_MODE_EDIT);
}

struct lineedit *ui_prompt_line(struct ui *ui, int i)
{
	return &ui->prompt->line[i];
}

const char *ui_prompt_orig(const struct ui *ui, int i)
{
	return ui->prompt->orig[i];
}

void ui_prompt_set_orig(struct ui *ui, int i, char *owned)
{
	free(ui->prompt->orig[i]);
	ui->prompt->orig[i] = owned;
}

bool ui_prompt_changed(const struct ui *ui, int i)
{
	const struct ui_prompt *p = ui->prompt;
	return strcmp(lineedit_text(&p->line[i]), p->orig[i] ? p->orig[i] : "") != 0;
}

int ui_prompt_slot(const struct ui *ui)
{
	return ui->prompt->slot;
}

void ui_prompt_focus(struct ui *ui, int i)
{
	ui->prompt->slot = i;
}

void ui_prompt_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->prompt->error, sizeof ui->prompt->error, fmt, ap);
	va_end(ap);
}

const struct ui_form *ui_prompt_form(const struct ui *ui)
{
	return ui->prompt->form;
}

static struct lineedit *current(struct ui *ui)
{
	struct ui_prompt *p = ui->prompt;
	return &p->line[p->slot];
}

int ui_line_request(struct lineedit *le, enum ui_request req)
{
	bool edited = false;
	switch (req) {
	case UI_REQ_CHAR_LEFT: lineedit_left(le); break;
	case UI_REQ_CHAR_RIGHT: lineedit_right(le); break;
	case UI_REQ_TEXT_START: lineedit_home(le); break;
	case UI_REQ_TEXT_END: lineedit_end(le); break;
	case UI_REQ_DELETE_BEFORE: edited = lineedit_backspace(le); break;
	case UI_REQ_DELETE_UNDER: edited = lineedit_delete(le); break;
	case UI_REQ_KILL_START: edited = lineedit_kill_start(le); break;
	case UI_REQ_KILL_END: edited = lineedit_kill_end(le); break;
	case UI_REQ_KILL_WORD: edited = lineedit_kill_word(le); break;
	default: return -1;
	}
	return edited;
}

static unsigned ui_prompt_request(struct ui *ui, enum ui_request req)
{
	int r = ui_line_request(current(ui), req);
	if (r < 0)
		return 0;
	if (r)
		ui->prompt->error[0] = '\0';
	return UI_HANDLED | UI_REDRAW;
}

static unsigned ui_prompt_type(struct ui *ui, int key)
{
	if ((key & UI_KEY_FN) || key < 32 || key == 127)
		return UI_HANDLED; /* other keys do nothing while typing */
	if (!lineedit_insert_char(current(ui), (wchar_t)key)) {
		ui_prompt_error(ui, "The text is as long as it can be (%d bytes)", LINEEDIT_MAX);
		return UI_HANDLED | UI_REDRAW;
	}
	ui->prompt->error[0] = '\0';
	return UI_HANDLED | UI_REDRAW;
}

unsigned ui_prompt_enter(struct ui *ui, enum ui_request req)
{
	(void)req;
	const struct ui_form *f = ui->prompt->form;
	return f && f->on_enter ? f->on_enter(ui) : UI_HANDLED;
}

unsigned ui_prompt_cancel(struct ui *ui, enum ui_request req)
{
	(void)req;
	ui_pop(ui);
	ui_message(ui, "Cancelled: nothing was written");
	return UI_HANDLED | UI_RELAYOUT;
}

unsigned ui_prompt_tab(struct ui *ui, enum ui_request req)
{
	struct ui_prompt *p = ui->prompt;
	if (p->form && p->form->on_leave)
		p->form->on_leave(ui, p->slot);
	int d = req == UI_REQ_FIELD_PREV ? p->form->count - 1 : 1;
	p->slot = (p->slot + d) % p->form->count;
	p->error[0] = '\0';
	return UI_HANDLED | UI_REDRAW;
}

static struct rect prompt_rect(struct ui *ui)
{
	struct rect body = ui->scr->regions.body;
	int w = body.w - 2 < PROMPT_W ? body.w - 2 : PROMPT_W;
	return layout_center(body, w, PROMPT_H);
}

static int changed_count(const struct ui *ui)
{
	int n = 0;
	for (int i = 0; i < ui->prompt->form->count; i++)
		n += ui_prompt_changed(ui, i);
	return n;
}

/* Line 1: the fields (Tab moves) with a count of those changed, or what
 * is asked. */
static void draw_fields(struct ui *ui, WINDOW *w, struct rect r)
{
	const struct ui_prompt *p = ui->prompt;
	bool marks = p->form->counts_changes;
	int x = 2;
	for (int i = 0; i < p->form->count && x < r.w - 2; i++) {
		bool on = i == p->slot;
		char label[32];
		snprintf(label, sizeof label, " %s%s ", p->form->labels[i], marks && ui_prompt_changed(ui, i) ? "*" : "");
		x += ui_put(ui, w, 1, x, label, r.w - 2 - x, on ? ROLE_SELECTED : ROLE_LABEL, false) + 1;
	}
	int n = marks ? changed_count(ui) : 0;
	char info[64];
	if (n > 1)
		snprintf(info, sizeof info, "%d fields changed", n);
	else
		snprintf(info, sizeof info, "Tab: next field");
	int iw = (int)text_width(info);
	if (x + 2 + iw <= r.w - 2)
		ui_put(ui, w, 1, r.w - 2 - iw, info, iw, ROLE_DIM, false);
}

/* Line 2: the text, scrolled; ‹ › say there is more. Returns the cursor's column. */
/* The measure step: the part of the text the field shows, the cursor in
 * view (lineedit keeps its scroll: a draw must not). */
static void prompt_measure(struct ui *ui)
{
	int inner = ui->scr->dialog_rect.w - 4;
	if (ui->prompt->form && inner >= 4)
		lineedit_window(current(ui), (size_t)inner, &ui->prompt->win);
}

static int draw_text(struct ui *ui, WINDOW *w, struct rect r, int inner)
{
	const struct lineedit *le = current(ui);
	struct lineedit_window win = ui->prompt->win;
	size_t len = le->len;
	if (win.start > len)
		win.start = len;
	if (win.len > len - win.start)
		win.len = len - win.start;
	attr_t field = ui_attr(ui, ROLE_SELECTED);
	ui_fill(ui, w, 2, 2, " ", inner, field);
	char *part = malloc(win.len + 1);
	if (part) {
		memcpy(part, le->buf + win.start, win.len);
		part[win.len] = '\0';
		ui_put_attr(ui, w, 2, 2, part, inner, field, false);
		free(part);
	}
	if (win.more_left)
		ui_put(ui, w, 2, 1, ui->opt.ascii ? "<" : "\xe2\x80\xb9", 1, ROLE_FOCUS, false);
	if (win.more_right)
		ui_put(ui, w, 2, r.w - 2, ui->opt.ascii ? ">" : "\xe2\x80\xba", 1, ROLE_FOCUS, false);
	return 2 + (int)win.cursor_col;
}

static void prompt_draw(struct ui *ui)
{
	struct ui_screen *scr = ui->scr;
	const struct ui_prompt *p = ui->prompt;
	WINDOW *w = scr->dialog;
	struct rect r = scr->dialog_rect;
	if (!w || !p->form)
		return;
	werase(w);
	ui_box(ui, w, (struct rect){ 0, 0, r.w, r.h }, true, p->title);
	int inner = r.w - 4;
	if (inner < 4)
		return;
	draw_fields(ui, w, r);
	int cursor = draw_text(ui, w, r, inner);
	/* lines 3-4: the error in place (wrapped), or a hint and the keys */
	if (p->error[0]) {
		struct text_span lines[2];
		size_t n = text_wrap(p->error, (size_t)inner, lines, 2);
		for (size_t i = 0; i < n && i < 2; i++) {
			char buf[sizeof p->error];
			size_t len = i == 1 ? strlen(p->error) - lines[i].start : lines[i].len;
			memcpy(buf, p->error + lines[i].start, len);
			buf[len] = '\0';
			ui_put(ui, w, 3 + (int)i, 2, buf, inner, ROLE_ERROR, true);
		}
	} else {
		const char *hint = p->form->hints[p->slot];
		ui_put(ui, w, 3, 2, hint ? hint : "", inner, ROLE_DIM, true);
		ui_put(ui, w, 4, 2, p->form->keys, inner, ROLE_DIM, true);
	}
	wmove(w, 2, cursor);
}

/* --- the question --------------------------------------------------------- */

void ui_confirm_open(struct ui *ui, const struct ui_question *q)
{
	ui->prompt->question = *q;
	ui_push(ui, UI_MODE_CONFIRM);
}

unsigned ui_confirm_answer(struct ui *ui, enum ui_request req)
{
	const struct ui_question *q = &ui->prompt->question;
	for (int i = 0; i < UI_CHOICES; i++) {
		const struct ui_choice *c = &q->choices[i];
		if (c->fn && (c->req == req || (req == UI_REQ_ANSWER_CANCEL && c->on_esc))) {
			ui_answer fn = c->fn;
			ui_pop(ui); /* the question closes first: the answer may open another */
			return fn(ui);
		}
	}
	return UI_HANDLED; /* only the answers count */
}

/* The answers' line, "y deletes · n keeps it", or with `brief` the short
 * screen's "t theirs/m mine:". */
static void answers_line(const struct ui *ui, bool brief, char *out, size_t size)
{
	const struct ui_question *q = &ui->prompt->question;
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < UI_CHOICES && used < size; i++) {
		const struct ui_choice *c = &q->choices[i];
		if (!c->fn)
			continue;
		char key[24];
		ui_key_name(ui, ui_request_key(c->req, UI_CTX(UI_MODE_CONFIRM)), key, sizeof key);
		const char *words = brief ? c->brief : c->says;
		used += (size_t)snprintf(out + used, size - used, "%s%s%s%s", used ? (brief ? "/" : " \xc2\xb7 ") : "",
		                         key, words ? " " : "", words ? words : "");
	}
	if (brief && used < size)
		snprintf(out + used, size - used, ":");
}

static struct rect confirm_rect(struct ui *ui)
{
	struct rect body = ui->scr->regions.body;
	const char *text = ui->prompt->question.text;
	char keys[200];
	answers_line(ui, false, keys, sizeof keys);
	int want = (int)text_width(text) + 4;
	int kw = (int)text_width(keys) + 4;
	if (kw > want)
		want = kw;
	if (want < 30)
		want = 30;
	int maxw = body.w - 2 < 72 ? body.w - 2 : 72;
	if (want > maxw)
		want = maxw;
	size_t lines = text_wrap(text, (size_t)(want > 4 ? want - 4 : 1), NULL, 0);
	if (lines > 4)
		lines = 4;
	return layout_center(body, want, (int)lines + 4);
}

static void confirm_draw(struct ui *ui)
{
	WINDOW *w = ui->scr->dialog;
	struct rect r = ui->scr->dialog_rect;
	const struct ui_question *q = &ui->prompt->question;
	if (!w)
		return;
	werase(w);
	ui_box(ui, w, (struct rect){ 0, 0, r.w, r.h }, true, q->title);
	int inner = r.w - 4;
	if (inner < 1)
		return;
	struct text_span lines[4];
	size_t n = text_wrap(q->text, (size_t)inner, lines, 4);
	if (n > 4)
		n = 4;
	char keys[200];
	if (r.h - 2 < (int)n + 1) { /* a short screen: the answer keys first, on one line */
		char line[sizeof q->text + sizeof keys + 2];
		answers_line(ui, true, keys, sizeof keys);
		snprintf(line, sizeof line, "%s %s", keys, q->text);
		ui_put(ui, w, 1, 2, line, inner, ROLE_KEY, true);
		return;
	}
	for (size_t i = 0; i < n && (int)i + 1 < r.h - 1; i++) {
		char buf[512];
		size_t len = lines[i].len < sizeof buf - 1 ? lines[i].len : sizeof buf - 1;
		memcpy(buf, q->text + lines[i].start, len);
		buf[len] = '\0';
		ui_put(ui, w, 1 + (int)i, 2, buf, inner, ROLE_TITLE, true);
	}
	answers_line(ui, false, keys, sizeof keys);
	if (r.h >= 4)
		ui_put(ui, w, r.h - 2, 2, keys, inner, ROLE_KEY, true);
}

const struct ui_screen_ops ui_screen_edit = {
	.rect = prompt_rect,
	.measure = prompt_measure,
	.draw = prompt_draw,
	.type = ui_prompt_type,
	.request = ui_prompt_request,
};

const struct ui_screen_ops ui_screen_confirm = {
	.rect = confirm_rect,
	.draw = confirm_draw,
};
