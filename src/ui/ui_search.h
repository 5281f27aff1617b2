/* ui_search — the search prompt on the footer line. */
#ifndef CHARTERDASH_UI_SEARCH_H
#define CHARTERDASH_UI_SEARCH_H

#include "ui_requests.h"

/* (typed text and the line editor's requests on it: its ops') */
unsigned ui_search_accept(struct ui *ui, enum ui_request req);
unsigned ui_search_cancel(struct ui *ui, enum ui_request req);

#endif
