/* ui_keys — running requests: a key through the bindings of the mode on
 * top to its request's handler, counts typed before a move. */
#ifndef CHARTERDASH_UI_KEYS_H
#define CHARTERDASH_UI_KEYS_H

#include "ui_requests.h"

/* Runs the handler of `req` (the mouse wheel scrolls an overlay so). */
unsigned ui_run_request(struct ui *ui, enum ui_request req);

/* Runs the requests bound to key in the current mode; falls back to the
 * typing of the search prompt and the line editor. */
unsigned ui_dispatch(struct ui *ui, int key);

/* A digit typed before a move; the moves take it (ui_take_count). */
unsigned ui_req_count(struct ui *ui, enum ui_request req);
/* The count typed (at least 1), forgotten as it is taken. */
unsigned ui_take_count(struct ui *ui);

/* Pops the screen on top (its close request). */
unsigned ui_act_close(struct ui *ui, enum ui_request req);

#endif
