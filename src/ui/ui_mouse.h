/* ui_mouse — clicks and the wheel. */
#ifndef CHARTERDASH_UI_MOUSE_H
#define CHARTERDASH_UI_MOUSE_H

#include "ui_requests.h"

/* The mouse event just read (KEY_MOUSE). */
unsigned ui_mouse_event(struct ui *ui, enum ui_request req);

#endif
