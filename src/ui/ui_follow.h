/* ui_follow — --follow: our focus published, the leader's followed. */
#ifndef CHARTERDASH_UI_FOLLOW_H
#define CHARTERDASH_UI_FOLLOW_H

#include <stdbool.h>
#include <time.h>

struct ui;

/* Publishes our focus, follows the leader's (the session's tick, after
 * ui_live_tick); UI_* flags. */
unsigned ui_follow_tick(struct ui *ui, time_t now);
/* True while following someone. */
bool ui_following(const struct ui *ui);
/* The question a key other than navigation asks then. */
unsigned ui_follow_ask(struct ui *ui);
/* The header's words ("following amina", "2 following"), or NULL. */
const char *ui_follow_note(const struct ui *ui);
void ui_follow_fini(struct ui *ui);

#endif
