/* ui_timeline — the timeline (T): a lane per group on a date axis, the burn-up. */
#ifndef CHARTERDASH_UI_TIMELINE_H
#define CHARTERDASH_UI_TIMELINE_H

#include "ui_requests.h"

unsigned ui_act_timeline(struct ui *ui, enum ui_request req);
unsigned ui_timeline_request(struct ui *ui, enum ui_request req);
void ui_timeline_fini(struct ui *ui);

#endif
