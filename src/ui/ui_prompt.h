/* ui_prompt — the dialogs, each described as data by whoever opens it:
 * a form (the line editor of e and a: its fields, their hints, what Enter
 * does) or a question (its title, text, and the answers with what each
 * does). ui_prompt.c draws them and turns keys into lineedit's calls; it
 * knows nothing of saving. The state (drafts, the question) is its own
 * (struct ui_prompt, opaque). */
#ifndef CHARTERDASH_UI_PROMPT_H
#define CHARTERDASH_UI_PROMPT_H

#include <stdbool.h>

#include "charterdash/core/diag.h"
#include "charterdash/core/lineedit.h"
#include "ui_requests.h"

/* What a dialog's Enter or answer does. Returns UI_* flags. */
typedef unsigned (*ui_answer)(struct ui *ui);

/* A form's fields, in Tab order: at most this many. */
#define UI_FORM_FIELDS 5

struct ui_form {
	int count;                         /* the fields it has */
	const char *labels[UI_FORM_FIELDS];
	const char *hints[UI_FORM_FIELDS]; /* under the text: what an empty value means */
	const char *keys;                  /* the last line: what Enter, Esc ... do */
	bool counts_changes;               /* "Owner*" and "2 fields changed" */
	bool external;                     /* Ctrl-O: the owner edits a field in $EDITOR */
	ui_answer on_enter;
	void (*on_leave)(struct ui *ui, int slot); /* Tab leaves field `slot`; NULL: nothing */
};

/* A question's answer: the request its key makes (UI_MODE_CONFIRM's
 * bindings), what it does in words and in a word for a short screen
 * ("t keep theirs", "t theirs"; NULL: the key alone), and its action. */
struct ui_choice {
	enum ui_request req;
	const char *says, *brief;
	ui_answer fn;
	bool on_esc; /* Esc answers this one */
};

#define UI_CHOICES 2

struct ui_question {
	const char *title;                    /* the box's: "Delete?", "Stop following?" */
	char text[600];
	struct ui_choice choices[UI_CHOICES]; /* in the order shown */
};

bool ui_prompt_init(struct ui *ui);
void ui_prompt_fini(struct ui *ui);

/* The form: fields set with ui_prompt_set (after ui_prompt_clear), then
 * opened under `title` on field `slot`. */
void ui_prompt_clear(struct ui *ui);
void ui_prompt_set(struct ui *ui, int i, const char *value);
void ui_prompt_open(struct ui *ui, const struct ui_form *form, const char *title, int slot);
/* The draft of field i, the value it had when set (NULL: none; `owned`
 * replaces it, malloc'd), and whether the draft differs from it (an
 * absent value counts as ""). */
struct lineedit *ui_prompt_line(struct ui *ui, int i);
const char *ui_prompt_orig(const struct ui *ui, int i);
void ui_prompt_set_orig(struct ui *ui, int i, char *owned);
bool ui_prompt_changed(const struct ui *ui, int i);
/* The field the cursor is in, moving it there, and an error shown in
 * place until the next key that edits. */
int ui_prompt_slot(const struct ui *ui);
void ui_prompt_focus(struct ui *ui, int i);
void ui_prompt_error(struct ui *ui, const char *fmt, ...) DIAG_PRINTF(2, 3);
/* The form open (or last opened), NULL before any. */
const struct ui_form *ui_prompt_form(const struct ui *ui);

/* The line editor's requests (a character left ... the word before) on
 * `le`: -1 when req is none of them, 1 when the text changed, 0 when only
 * the cursor moved. */
int ui_line_request(struct lineedit *le, enum ui_request req);
/* The form's Enter, Esc and Tab (its typing and line editing are its
 * ops'). */
unsigned ui_prompt_enter(struct ui *ui, enum ui_request req);
unsigned ui_prompt_cancel(struct ui *ui, enum ui_request req);
unsigned ui_prompt_tab(struct ui *ui, enum ui_request req);

/* Asks `q` (copied). An answer closes the question, then runs its fn;
 * keys that are no answer do nothing. */
void ui_confirm_open(struct ui *ui, const struct ui_question *q);
unsigned ui_confirm_answer(struct ui *ui, enum ui_request req);

#endif
