/* ui_edit — the editing requests (status, edit, add, delete, undo, $EDITOR)
 * and the save path through the store: conflicts, read-only. */
#ifndef CHARTERDASH_UI_EDIT_H
#define CHARTERDASH_UI_EDIT_H

#include <stdbool.h>

#include "charterdash/core/edit.h"
#include "charterdash/core/lineedit.h"
#include "charterdash/store/undo.h"
#include "ui_requests.h"

enum ui_prompt_kind { PROMPT_FIELD, PROMPT_ADD };
/* The add dialog's fields (its lines), in Tab order. */
enum { UI_ADD_TITLE, UI_ADD_ID, UI_ADD_DUE, UI_ADD_OWNER };
enum ui_confirm_kind { CONFIRM_DELETE, CONFIRM_CONFLICT, CONFIRM_UNDO, CONFIRM_FOLLOW };

/* What a dialog's Enter or answer does, given by whoever opens it (the
 * dialogs in ui_prompt.c know nothing of saving). Returns UI_* flags. */
typedef unsigned (*ui_answer)(struct ui *ui);

/* The fields `e` edits, in Tab order. */
#define UI_EDIT_FIELDS 4

struct ui_edit {
	struct undo undo;
	/* the line editor */
	enum ui_prompt_kind prompt;
	char *id;                        /* the milestone edited */
	int slot;                        /* index into ui_edit_fields */
	struct lineedit line[UI_EDIT_FIELDS]; /* drafts (add: line[0]) */
	char *orig[UI_EDIT_FIELDS];      /* the values shown when it opened */
	char *add_group;                 /* the add dialog's group (line[UI_ADD_*]: its fields) */
	char error[300];                 /* shown in place */
	ui_answer on_enter;              /* what Enter does (ui_prompt_open) */
	/* the yes/no dialog */
	enum ui_confirm_kind confirm;
	char question[600];
	ui_answer on_yes, on_no;         /* the answers (ui_confirm_open) */
	/* the edit a conflict dialog would force ("use mine") */
	struct edit pending;
	char *p_id, *p_seen, *p_value;
	bool p_had_seen, p_had_value;
	const struct undo_plan *undo_plan; /* during an undo's save: its checks */
};

extern const enum field ui_edit_fields[UI_EDIT_FIELDS];

bool ui_edit_init(struct ui *ui);
void ui_edit_fini(struct ui *ui);
/* What a save did: the store's status (enum store_status) and, unless
 * STORE_OK, why in words (the message line says "Not saved: " and why). */
struct ui_saved {
	int status;
	char why[600];
};
/* Runs an edit through the store and shows the result (selection kept,
 * others' changes marked, conflicts asked about). `undoable`: record it
 * for u. */
struct ui_saved ui_edit_save(struct ui *ui, const struct edit *e, bool undoable, bool ask_on_conflict);
/* Notes in $EDITOR. */
unsigned ui_edit_external(struct ui *ui, enum ui_request req);

/* Handlers of requests (UI_REQUESTS). */
unsigned ui_act_status(struct ui *ui, enum ui_request req);
unsigned ui_act_edit(struct ui *ui, enum ui_request req);
unsigned ui_act_add(struct ui *ui, enum ui_request req);
unsigned ui_act_delete(struct ui *ui, enum ui_request req);
unsigned ui_act_undo(struct ui *ui, enum ui_request req);

/* A relative due date in the draft (+7d, friday, eom) made absolute, and
 * said in the dialog ("due '+7d' is 2026-12-09: Enter saves it"): true
 * when it was one (then nothing is saved yet). */
bool ui_edit_resolve_date(struct ui *ui, struct lineedit *line);
/* The add dialog: proposes the id from the title unless one was typed. */
void ui_edit_add_propose(struct ui *ui);
/* True when field i's draft differs from the value shown at the start
 * (an absent value counts as ""). */
bool ui_draft_changed(const struct ui_edit *e, int i);

#endif
