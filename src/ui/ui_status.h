/* ui_status — the status menu: Space, then 1-4 or n i b d. */
#ifndef CHARTERDASH_UI_STATUS_H
#define CHARTERDASH_UI_STATUS_H

#include "ui_requests.h"

/* Space: the status menu on the footer. */
unsigned ui_act_status_menu(struct ui *ui, enum ui_request req);

#endif
