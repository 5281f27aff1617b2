/* ui_edit — the editing requests (status, edit, add, delete, undo, $EDITOR)
 * and the save path through the store: conflicts, read-only. What it
 * keeps (the milestone edited, undo, the edit a conflict would force) is
 * its own: struct ui_edit is opaque. */
#ifndef CHARTERDASH_UI_EDIT_H
#define CHARTERDASH_UI_EDIT_H

#include <stdbool.h>

#include "charterdash/core/edit.h"
#include "ui_requests.h"

bool ui_edit_init(struct ui *ui);
void ui_edit_fini(struct ui *ui);
/* Notes in $EDITOR. */
unsigned ui_edit_external(struct ui *ui, enum ui_request req);

/* Handlers of requests (UI_REQUESTS). */
unsigned ui_act_status(struct ui *ui, enum ui_request req);
unsigned ui_act_edit(struct ui *ui, enum ui_request req);
unsigned ui_act_add(struct ui *ui, enum ui_request req);
unsigned ui_act_delete(struct ui *ui, enum ui_request req);
unsigned ui_act_undo(struct ui *ui, enum ui_request req);


#endif
