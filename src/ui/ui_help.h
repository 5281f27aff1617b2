/* ui_help — the help overlay, generated from the requests and the keys. */
#ifndef CHARTERDASH_UI_HELP_H
#define CHARTERDASH_UI_HELP_H

#include <stdbool.h>

#include "ui_requests.h"

/* `/` `n` `N` in the help; the prompt's text found in the help from the
 * line it showed when the prompt opened (dir 0) or the next / previous
 * match (false: none, nothing moved). */
unsigned ui_help_request(struct ui *ui, enum ui_request req);
bool ui_help_find(struct ui *ui, const char *query, int dir);

#endif
