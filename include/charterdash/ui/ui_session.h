/* ui_session — one dashboard session, step by step: what `charterdash FILE`
 * does between its options and its exit, for the event loop (src/ui/ui_main.c)
 * and for anything else that drives the dashboard without a person at the
 * keyboard (the key fuzzer, tests), so that both run the same code:
 *
 *   struct ui *ui = ui_open(path, &opt);        the file, view, editing state
 *   ui_open_screen(ui, out, in, own_signals);   curses on out/in, live state
 *   for each key:  if (ui_handle_key(ui, key) & UI_QUIT) break;
 *                  if (ui_needs_draw(ui)) ui_draw(ui);
 *   now and then:  ui_tick(ui);                 the file watched, presence, marks
 *   ui_close(ui);
 *
 * A headless screen is newterm on /dev/null (or a pipe); its size changes
 * with resizeterm() followed by the key UI_FN(KEY_RESIZE), as the terminal's
 * SIGWINCH would deliver it (tests/test_ui_session.c does so). */
#ifndef CHARTERDASH_UI_SESSION_H
#define CHARTERDASH_UI_SESSION_H

#include <stdbool.h>
#include <stdio.h>

#include "charterdash/ui/ui.h"

/* Loads the charter at `path` and sets up the view (at opt->today), the
 * editing state and read-only (asked for, or the file or its directory not
 * writable). NULL after printing why on stderr (FILE:LINE:COL for data). */
struct ui *ui_open(const char *path, const struct ui_options *opt);

/* Opens the screen on out/in (TERM names the terminal), then follows the
 * file (watch, presence; ui_tick). `own_signals`: the program's handlers for
 * SIGINT/SIGTERM/SIGHUP (quit), SIGTSTP (suspend) and crashes (restore the
 * terminal) — for a program on a real terminal, not for a screen inside a
 * program with handlers of its own. False after printing why on stderr. */
bool ui_open_screen(struct ui *ui, FILE *out, FILE *in, bool own_signals);

/* One key as the event loop handles it (needs the screen): a resize
 * relayouts, a screen too small takes only q and Ctrl-C, every other key
 * goes to the current mode's bindings; the message line is cleared by the
 * next key that says nothing new; what changed is marked for ui_draw.
 * Returns the binding's UI_* flags: UI_QUIT when the key leaves. */
unsigned ui_handle_key(struct ui *ui, int key);

/* The loop's tick (every UI_TICK_MS): reloads a file changed on disk,
 * refreshes presence, ages marks; marks what changed for ui_draw. */
void ui_tick(struct ui *ui);

/* Draws what changed and updates the terminal. */
void ui_draw(struct ui *ui);
/* True when something changed since the last ui_draw. */
bool ui_needs_draw(const struct ui *ui);

/* What a driver may look at (borrowed, valid until the next step): the
 * charter shown, and the message line ("" when empty; *is_error: an
 * error's). The mode and the selection: ui_mode(), ui_selected(). */
const struct charter *ui_charter(const struct ui *ui);
const char *ui_message_text(const struct ui *ui, bool *is_error);
/* Pane `pane` (one per group, in file order) as last drawn: false when it
 * is not on screen; *top is the row of its list on its first line (0: it
 * shows its first rows), *first the milestone of its list's first row (-1:
 * the list is empty), *focused whether it has the focus. */
bool ui_pane_shown(const struct ui *ui, size_t pane, size_t *top, long *first, bool *focused);

/* Closes the screen (restoring the terminal), leaves presence and frees
 * everything. NULL is fine. */
void ui_close(struct ui *ui);

#endif
