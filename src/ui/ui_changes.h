/* ui_changes — the meeting mark (m) and the changes since it (w). */
#ifndef CHARTERDASH_UI_CHANGES_H
#define CHARTERDASH_UI_CHANGES_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/store/history.h"
#include "ui_requests.h"

/* Lines of a history entry for people: "19:02 amina  status: a → b". */
void ui_history_line(const struct history_entry *e, bool with_id, char *buf, size_t size);
/* m and w. */
unsigned ui_act_meeting(struct ui *ui, enum ui_request req);
unsigned ui_act_changes(struct ui *ui, enum ui_request req);

#endif
