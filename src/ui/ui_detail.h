/* ui_detail — the milestone detail overlay. */
#ifndef CHARTERDASH_UI_DETAIL_H
#define CHARTERDASH_UI_DETAIL_H

#include "ui_requests.h"

/* Opens the details of the milestone under the cursor. */
unsigned ui_act_detail(struct ui *ui, enum ui_request req);

#endif
