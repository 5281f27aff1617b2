/* ui_minutes — the minutes' text, saved beside the file (s), in $PAGER (p). */
#ifndef CHARTERDASH_UI_MINUTES_H
#define CHARTERDASH_UI_MINUTES_H

#include <stdbool.h>
#include <stddef.h>

#include "ui_requests.h"

/* ui_minutes.c: the minutes since the latest meeting mark, as Markdown or
 * plain text (malloc'd; NULL when no meeting is marked or memory runs
 * out), and the minutes panel's s and p. */
char *ui_minutes_text(struct ui *ui, bool markdown, size_t *len);
unsigned ui_act_minutes(struct ui *ui, enum ui_request req);

#endif
