/* ui_paste — bracketed paste: pasted text is text, never commands. */
#ifndef CHARTERDASH_UI_PASTE_H
#define CHARTERDASH_UI_PASTE_H

#include <stdbool.h>

struct ui;

/* True when `key` belongs to a paste: its begin marker, or anything up to
 * the end marker. ui_paste_key then takes it instead of the bindings. */
bool ui_paste_wants(const struct ui *ui, int key);
/* After an Esc read as a key: when a control sequence's introducer came
 * with it ("\e[", "\e]", "\eO"...: a colour code pasted where the terminal
 * has no paste marks), the sequence is read to its end with the same
 * grammar as a paste's and dropped (true), so its Esc does not cancel the
 * editor and the rest does not run as commands. A pressed Esc comes alone,
 * or before another key, which is left for the next read (false). */
bool ui_paste_drop_sequence(struct ui *ui);
unsigned ui_paste_key(struct ui *ui, int key);

#endif
