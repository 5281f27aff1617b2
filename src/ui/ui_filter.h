/* ui_filter — the filter menu (f) and hiding the done (H). */
#ifndef CHARTERDASH_UI_FILTER_H
#define CHARTERDASH_UI_FILTER_H

#include "ui_requests.h"

unsigned ui_filter_request(struct ui *ui, enum ui_request req);
unsigned ui_act_hide_done(struct ui *ui, enum ui_request req);

#endif
