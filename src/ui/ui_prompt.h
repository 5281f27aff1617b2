/* ui_prompt — the dialogs: the line editor (e, a) and the yes/no question. */
#ifndef CHARTERDASH_UI_PROMPT_H
#define CHARTERDASH_UI_PROMPT_H

#include "ui_edit.h"
#include "ui_requests.h"

/* The line editor dialog (Enter runs on_enter) and the yes/no dialog. */
void ui_prompt_open(struct ui *ui, enum ui_prompt_kind kind, ui_answer on_enter);
/* The line editor's requests (a character left ...), and typed or pasted
 * text (other keys do nothing while typing). */
unsigned ui_prompt_request(struct ui *ui, enum ui_request req);
unsigned ui_prompt_type(struct ui *ui, int key);
unsigned ui_prompt_enter(struct ui *ui, enum ui_request req);
unsigned ui_prompt_cancel(struct ui *ui, enum ui_request req);
unsigned ui_prompt_tab(struct ui *ui, enum ui_request req);
void ui_confirm_open(struct ui *ui, enum ui_confirm_kind kind, ui_answer on_yes, ui_answer on_no);
/* The answers: y/n for a delete, m/t for a conflict, Esc no; the others
 * do nothing. */
unsigned ui_confirm_answer(struct ui *ui, enum ui_request req);

#endif
