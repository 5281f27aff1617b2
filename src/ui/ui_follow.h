/* ui_follow — --follow: our focus published, the leader's followed. */
#ifndef CHARTERDASH_UI_FOLLOW_H
#define CHARTERDASH_UI_FOLLOW_H

#include <stdbool.h>
#include <time.h>

struct ui;

/* ui_follow.c: publishes our focus, follows the leader's (from
 * ui_live_tick); true while following someone; the question a key other
 * than navigation asks then. */
unsigned ui_follow_tick(struct ui *ui, time_t now);
bool ui_following(const struct ui *ui);
unsigned ui_follow_ask(struct ui *ui);

#endif
