/* ui_keys — running requests: a key through the bindings of the mode on
 * top to its request's handler (the handlers' table is ui_keys.c's). */
#ifndef CHARTERDASH_UI_KEYS_H
#define CHARTERDASH_UI_KEYS_H

#include "ui_requests.h"

/* Runs the requests bound to key in the current mode; falls back to the
 * typing of the search prompt and the line editor. */
unsigned ui_dispatch(struct ui *ui, int key);

#endif
