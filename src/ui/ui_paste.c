/* ui_paste — text pasted into the terminal, told apart from keys.
 *
 * Without help a paste arrives as keys: an Esc in it (a colour code copied
 * along with the text) closes the line editor, and what follows runs as
 * commands ("3" sets a status, "m" marks a meeting). Terminals that say so
 * in terminfo (BE/BD/PS/PE: xterm, tmux, and most emulators) can wrap a
 * paste in ESC[200~ ... ESC[201~ once asked to (bracketed paste). Between
 * the two everything is text: the line editor and the search prompt take
 * it, with tabs and line breaks as spaces and control characters and
 * terminal escape sequences dropped, so none reaches the file; elsewhere a
 * paste is ignored, and the message line says so. */
#include "ui_paste.h"
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"

#include <stdio.h>

enum {
	PASTE_TEXT,
	PASTE_ESC,        /* after ESC */
	PASTE_ESC_INTER,  /* ESC and intermediate bytes (0x20-0x2f) */
	PASTE_SS3,        /* ESC O: one more character (F1-F4 and keypad keys) */
	PASTE_CSI,        /* ESC [ and parameters */
	PASTE_STRING,     /* OSC, DCS, APC, PM, SOS: up to BEL or ESC \ */
	PASTE_STRING_ESC, /* an ESC inside such a string */
};

/* The character a pasted key stands for in the text, or -1: dropped. */
static int paste_char(struct ui_screen *scr, int key)
{
	if (key & UI_KEY_FN) { /* a sequence in the paste that looked like a key */
		scr->paste_state = PASTE_TEXT;
		return -1;
	}
	switch (scr->paste_state) {
	case PASTE_ESC:
		scr->paste_state = PASTE_TEXT;
		if (key == '[') {
			scr->paste_state = PASTE_CSI;
			return -1;
		}
		if (key == 'O') {
			scr->paste_state = PASTE_SS3;
			return -1;
		}
		if (key == ']' || key == 'P' || key == '_' || key == '^' || key == 'X') {
			scr->paste_state = PASTE_STRING;
			return -1;
		}
		if (key >= 0x20 && key <= 0x2f) {
			scr->paste_state = PASTE_ESC_INTER;
			return -1;
		}
		if (key >= 0x30 && key <= 0x7e) /* a two-byte sequence, e.g. ESC c */
			return -1;
		break; /* not a sequence after all: the key stands for itself */
	case PASTE_SS3:
		scr->paste_state = PASTE_TEXT;
		return -1;
	case PASTE_ESC_INTER:
		if (key >= 0x20 && key <= 0x2f)
			return -1;
		scr->paste_state = PASTE_TEXT;
		if (key >= 0x30 && key <= 0x7e)
			return -1;
		break;
	case PASTE_CSI:
		if (key >= 0x20 && key <= 0x3f)
			return -1;
		scr->paste_state = PASTE_TEXT;
		if (key >= 0x40 && key <= 0x7e)
			return -1;
		break;
	case PASTE_STRING:
		if (key == 7)
			scr->paste_state = PASTE_TEXT;
		else if (key == UI_ESC)
			scr->paste_state = PASTE_STRING_ESC;
		return -1;
	case PASTE_STRING_ESC:
		scr->paste_state = PASTE_TEXT;
		if (key == '\\')
			return -1;
		scr->paste_state = PASTE_ESC; /* the string ended; a new sequence begins */
		return paste_char(scr, key);
	default:
		break;
	}
	if (key == UI_ESC) {
		scr->paste_state = PASTE_ESC;
		return -1;
	}
	if (key == '\t' || key == '\r' || key == '\n')
		return ' '; /* one line of text */
	if (key < 0x20 || key == 0x7f || (key >= 0x80 && key < 0xa0))
		return -1;
	return key;
}

bool ui_paste_drop_sequence(struct ui *ui)
{
	struct ui_screen *scr = ui->scr;
	wint_t wch;
	wtimeout(stdscr, 0); /* only what arrived with the Esc */
	int r = wget_wch(stdscr, &wch);
	bool sequence = r == OK && (wch == '[' || wch == ']' || wch == 'O' || wch == 'P' || wch == '_' ||
	                            wch == '^' || wch == 'X');
	if (sequence) { /* read to its end with the paste's own grammar, and drop it */
		scr->paste_state = PASTE_ESC;
		int key = (int)wch;
		while (paste_char(scr, key), scr->paste_state != PASTE_TEXT) {
			if ((r = wget_wch(stdscr, &wch)) == ERR)
				break; /* cut short: nothing more came */
			key = r == KEY_CODE_YES ? UI_FN((int)wch) : (int)wch;
		}
		scr->paste_state = PASTE_TEXT;
	} else if (r == KEY_CODE_YES) { /* not ours to take: left for the next read */
		ungetch((int)wch);
	} else if (r == OK) {
		unget_wch(wch);
	}
	wtimeout(stdscr, UI_TICK_MS);
	return sequence;
}

bool ui_paste_wants(const struct ui *ui, int key)
{
	return key == UI_FN(UI_PASTE_BEGIN) || (ui->scr && ui->scr->pasting);
}

unsigned ui_paste_key(struct ui *ui, int key)
{
	struct ui_screen *scr = ui->scr;
	if (key == UI_FN(UI_PASTE_BEGIN)) {
		scr->pasting = true;
		scr->paste_state = PASTE_TEXT;
		scr->paste_ignored = false;
		return UI_HANDLED;
	}
	if (key == UI_FN(UI_PASTE_END)) {
		scr->pasting = false;
		if (!scr->paste_ignored)
			return UI_HANDLED;
		ui_message(ui, "Pasted text is ignored here: e edits a milestone's fields, / searches");
		return UI_HANDLED | UI_REDRAW;
	}
	int ch = paste_char(scr, key);
	if (ch < 0)
		return UI_HANDLED;
	const struct ui_screen_ops *ops = ui_screen_of(ui);
	if (ops->type) /* a screen that takes text */
		return ops->type(ui, ch);
	scr->paste_ignored = true;
	return UI_HANDLED;
}
