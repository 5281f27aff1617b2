/* ui_moves — the dashboard's moves (the main screen's request op). */
#ifndef CHARTERDASH_UI_MOVES_H
#define CHARTERDASH_UI_MOVES_H

#include "ui_requests.h"

/* The generic moves and Enter on the dashboard; 0 for any other request. */
unsigned ui_moves_request(struct ui *ui, enum ui_request req);

#endif
