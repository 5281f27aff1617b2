/* ui_prompt — the dialogs: the line editor (edit a field; a new
 * milestone's title, id, due date and owner) and the yes/no question (delete, conflict, follow).
 * The text being edited lives in lineedit (pure, unit-tested); this file
 * turns keys into its calls and draws it, scrolled so the cursor shows. */
#include "ui_prompt.h"
#include "ui_edit.h"
#include "ui_requests.h"
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/text.h"

#define PROMPT_W 76
#define PROMPT_H 6

static const char *const field_labels[UI_EDIT_FIELDS] = { "Title", "Owner", "Due", "Notes" };
static const char *const add_labels[UI_EDIT_FIELDS] = { "Title", "Id", "Due", "Owner" };

void ui_prompt_open(struct ui *ui, enum ui_prompt_kind kind, ui_answer on_enter)
{
	ui->edit->prompt = kind;
	ui->edit->on_enter = on_enter;
	ui->edit->error[0] = '\0';
	ui_push(ui, UI_MODE_EDIT);
}

static struct lineedit *current(struct ui *ui)
{
	struct ui_edit *e = ui->edit;
	return &e->line[e->slot];
}

unsigned ui_prompt_request(struct ui *ui, enum ui_request req)
{
	struct lineedit *le = current(ui);
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
	default: return 0;
	}
	if (edited)
		ui->edit->error[0] = '\0';
	return UI_HANDLED | UI_REDRAW;
}

unsigned ui_prompt_type(struct ui *ui, int key)
{
	if ((key & UI_KEY_FN) || key < 32 || key == 127)
		return UI_HANDLED; /* other keys do nothing while typing */
	if (!lineedit_insert_char(current(ui), (wchar_t)key)) {
		snprintf(ui->edit->error, sizeof ui->edit->error, "The text is as long as it can be (%d bytes)",
		         LINEEDIT_MAX);
		return UI_HANDLED | UI_REDRAW;
	}
	ui->edit->error[0] = '\0';
	return UI_HANDLED | UI_REDRAW;
}

unsigned ui_prompt_enter(struct ui *ui, enum ui_request req)
{
	(void)req;
	return ui->edit->on_enter ? ui->edit->on_enter(ui) : UI_HANDLED;
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
	struct ui_edit *e = ui->edit;
	if (e->prompt == PROMPT_ADD && e->slot == UI_ADD_TITLE)
		ui_edit_add_propose(ui); /* leaving the title: the id follows it */
	int d = req == UI_REQ_FIELD_PREV ? UI_EDIT_FIELDS - 1 : 1;
	e->slot = (e->slot + d) % UI_EDIT_FIELDS;
	e->error[0] = '\0';
	return UI_HANDLED | UI_REDRAW;
}

static struct rect prompt_rect(struct ui *ui)
{
	struct rect body = ui->scr->regions.body;
	int w = body.w - 2 < PROMPT_W ? body.w - 2 : PROMPT_W;
	return layout_center(body, w, PROMPT_H);
}

/* The hint under the field: what an empty value means, or the error. */
static const char *field_hint(const struct ui_edit *e)
{
	if (e->prompt == PROMPT_ADD) {
		switch (e->slot) {
		case UI_ADD_TITLE: return "The new milestone's title; Enter: its id, Tab: the other fields";
		case UI_ADD_ID: return "A unique word; proposed from the title, change it if you like";
		case UI_ADD_DUE: return "YYYY-MM-DD, +7d, friday, eom...; empty: no date yet (due: ~), never overdue";
		default: return "Empty: no owner";
		}
	}
	switch (ui_edit_fields[e->slot]) {
	case FIELD_DUE: return "YYYY-MM-DD; empty: due on the roadmap deadline";
	case FIELD_OWNER: return "Empty removes the owner";
	case FIELD_NOTES: return "Empty removes the notes; Ctrl-O edits them in $EDITOR";
	default: return "";
	}
}

bool ui_draft_changed(const struct ui_edit *e, int i)
{
	return strcmp(lineedit_text(&e->line[i]), e->orig[i] ? e->orig[i] : "") != 0;
}

static int changed_count(const struct ui_edit *e)
{
	int n = 0;
	for (int i = 0; i < UI_EDIT_FIELDS; i++)
		n += ui_draft_changed(e, i);
	return n;
}

/* Line 1: the fields (Tab moves) with a count of those changed, or what
 * is asked. */
static void draw_fields(struct ui *ui, WINDOW *w, struct rect r)
{
	struct ui_edit *e = ui->edit;
	bool add = e->prompt == PROMPT_ADD;
	int x = 2;
	for (int i = 0; i < UI_EDIT_FIELDS && x < r.w - 2; i++) {
		bool on = i == e->slot;
		char label[32];
		snprintf(label, sizeof label, " %s%s ", add ? add_labels[i] : field_labels[i],
		         !add && ui_draft_changed(e, i) ? "*" : "");
		x += ui_put(ui, w, 1, x, label, r.w - 2 - x, on ? ROLE_SELECTED : ROLE_LABEL, false) + 1;
	}
	int n = add ? 0 : changed_count(e);
	char info[64];
	if (n > 1)
		snprintf(info, sizeof info, "%d fields changed", n);
	else
		snprintf(info, sizeof info, "Tab: next field");
	int iw = (int)text_width(info);
	if (x + 2 + iw <= r.w - 2)
		ui_put(ui, w, 1, r.w - 2 - iw, info, iw, ROLE_DIM, false);
}

static void prompt_draw(struct ui *ui)
{
	struct ui_screen *scr = ui->scr;
	struct ui_edit *e = ui->edit;
	WINDOW *w = scr->dialog;
	struct rect r = scr->dialog_rect;
	if (!w)
		return;
	werase(w);
	char title[200];
	const char *group = e->add_group ? e->add_group : "";
	long gi = e->add_group ? charter_find_group(&ui->charter, e->add_group) : -1;
	if (gi >= 0 && ui->charter.groups[gi].name)
		group = ui->charter.groups[gi].name;
	if (e->prompt == PROMPT_FIELD)
		snprintf(title, sizeof title, "Edit %s", e->id ? e->id : "");
	else
		snprintf(title, sizeof title, "New milestone in %s", group);
	ui_box(ui, w, (struct rect){ 0, 0, r.w, r.h }, true, title);
	int inner = r.w - 4;
	if (inner < 4)
		return;

	draw_fields(ui, w, r);

	/* line 2: the text, scrolled; ‹ › say there is more */
	struct lineedit *le = current(ui);
	struct lineedit_window win;
	lineedit_window(le, (size_t)inner, &win);
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

	/* lines 3-4: the error in place (wrapped), or a hint and the keys */
	if (e->error[0]) {
		struct text_span lines[2];
		size_t n = text_wrap(e->error, (size_t)inner, lines, 2);
		for (size_t i = 0; i < n && i < 2; i++) {
			char buf[sizeof e->error];
			size_t len = i == 1 ? strlen(e->error) - lines[i].start : lines[i].len;
			memcpy(buf, e->error + lines[i].start, len);
			buf[len] = '\0';
			ui_put(ui, w, 3 + (int)i, 2, buf, inner, ROLE_ERROR, true);
		}
		wmove(w, 2, 2 + (int)win.cursor_col);
		return;
	}
	ui_put(ui, w, 3, 2, field_hint(e), inner, ROLE_DIM, true);
	ui_put(ui, w, 4, 2,
	       e->prompt == PROMPT_FIELD ? "Enter saves \xc2\xb7 Esc cancels \xc2\xb7 Tab next field \xc2\xb7 Ctrl-O notes in $EDITOR"
	                                 : "Enter: next \xc2\xb7 Esc cancels",
	       inner, ROLE_DIM, true);
	wmove(w, 2, 2 + (int)win.cursor_col);
}

/* --- yes / no ------------------------------------------------------------- */

void ui_confirm_open(struct ui *ui, enum ui_confirm_kind kind, ui_answer on_yes, ui_answer on_no)
{
	ui->edit->confirm = kind;
	ui->edit->on_yes = on_yes;
	ui->edit->on_no = on_no;
	ui_push(ui, UI_MODE_CONFIRM);
}

unsigned ui_confirm_answer(struct ui *ui, enum ui_request req)
{
	bool del = ui->edit->confirm == CONFIRM_DELETE || ui->edit->confirm == CONFIRM_FOLLOW; /* y / n */
	if (req == (del ? UI_REQ_ANSWER_YES : UI_REQ_ANSWER_MINE))
		return ui->edit->on_yes(ui);
	if (req == UI_REQ_ANSWER_CANCEL || req == (del ? UI_REQ_ANSWER_NO : UI_REQ_ANSWER_THEIRS))
		return ui->edit->on_no(ui);
	return UI_HANDLED; /* only the answers count */
}

static const char *confirm_keys(const struct ui *ui)
{
	if (ui->edit->confirm == CONFIRM_UNDO)
		return "t keep it as it is \xc2\xb7 m undo anyway";
	if (ui->edit->confirm == CONFIRM_FOLLOW)
		return "y stops following \xc2\xb7 n keeps following";
	return ui->edit->confirm == CONFIRM_DELETE ? "y deletes \xc2\xb7 n keeps it"
	                                           : "t keep theirs \xc2\xb7 m use mine (overwrite theirs)";
}

static struct rect confirm_rect(struct ui *ui)
{
	struct rect body = ui->scr->regions.body;
	int want = (int)text_width(ui->edit->question) + 4;
	int kw = (int)text_width(confirm_keys(ui)) + 4;
	if (kw > want)
		want = kw;
	if (want < 30)
		want = 30;
	int maxw = body.w - 2 < 72 ? body.w - 2 : 72;
	if (want > maxw)
		want = maxw;
	size_t lines = text_wrap(ui->edit->question, (size_t)(want > 4 ? want - 4 : 1), NULL, 0);
	if (lines > 4)
		lines = 4;
	return layout_center(body, want, (int)lines + 4);
}

static void confirm_draw(struct ui *ui)
{
	WINDOW *w = ui->scr->dialog;
	struct rect r = ui->scr->dialog_rect;
	if (!w)
		return;
	werase(w);
	bool del = ui->edit->confirm == CONFIRM_DELETE;
	ui_box(ui, w, (struct rect){ 0, 0, r.w, r.h }, true, del ? "Delete?" : "Changed meanwhile");
	int inner = r.w - 4;
	if (inner < 1)
		return;
	struct text_span lines[4];
	size_t n = text_wrap(ui->edit->question, (size_t)inner, lines, 4);
	if (n > 4)
		n = 4;
	if (r.h - 2 < (int)n + 1) { /* a short screen: the answer keys first, on one line */
		char line[700];
		snprintf(line, sizeof line, "%s %s", del ? "y/n:" : "t theirs/m mine:", ui->edit->question);
		ui_put(ui, w, 1, 2, line, inner, ROLE_KEY, true);
		return;
	}
	for (size_t i = 0; i < n && (int)i + 1 < r.h - 1; i++) {
		char buf[512];
		size_t len = lines[i].len < sizeof buf - 1 ? lines[i].len : sizeof buf - 1;
		memcpy(buf, ui->edit->question + lines[i].start, len);
		buf[len] = '\0';
		ui_put(ui, w, 1 + (int)i, 2, buf, inner, ROLE_TITLE, true);
	}
	if (r.h >= 4)
		ui_put(ui, w, r.h - 2, 2, confirm_keys(ui), inner, ROLE_KEY, true);
}

const struct ui_screen_ops ui_screen_edit = {
	.layer = UI_LAYER_DIALOG,
	.help_title = "Editing a field (e) or a new milestone (a)",
	.help_typing = "type or paste the text (UTF-8; wide characters take two columns)",
	.rect = prompt_rect,
	.draw = prompt_draw,
	.type = ui_prompt_type,
};

const struct ui_screen_ops ui_screen_confirm = {
	.layer = UI_LAYER_DIALOG,
	.help_title = "Questions (delete, changed meanwhile)",
	.rect = confirm_rect,
	.draw = confirm_draw,
	.answer_only = true,
};
