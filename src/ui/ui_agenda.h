/* ui_agenda — the agenda (A): overdue, blocked, due soon, done recently. */
#ifndef CHARTERDASH_UI_AGENDA_H
#define CHARTERDASH_UI_AGENDA_H

#include "ui_requests.h"

unsigned ui_act_agenda(struct ui *ui, enum ui_request req);
unsigned ui_agenda_request(struct ui *ui, enum ui_request req);
/* Frees the agenda's lists (the session's close). */
void ui_agenda_fini(struct ui *ui);

#endif
