/* ui_search — the search prompt on the footer line. */
#ifndef CHARTERDASH_UI_SEARCH_H
#define CHARTERDASH_UI_SEARCH_H

#include "ui_requests.h"

unsigned ui_search_key(struct ui *ui, int key);
unsigned ui_search_accept(struct ui *ui, enum ui_request req);
unsigned ui_search_cancel(struct ui *ui, enum ui_request req);

#endif
