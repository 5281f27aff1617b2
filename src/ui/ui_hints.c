/* ui_hints — the footer's hint line: the keys of the mode on top with
 * their words from the requests' table, the most important that fit. */
#include "ui_hints.h"
#include "ui_live.h"
#include "ui_requests.h"
#include "ui_state.h"
#include "ui_term.h"

#include <stdio.h>
#include <string.h>

#include "charterdash/core/text.h"

struct hint {
	char keys[48];
	const char *word;
	int width, rank;
	bool shown;
};

/* Adds the key of a UI_HINT_PAIR request to its hint: "↑↓", "1-4", "a/b". */
static void join_key(const struct ui *ui, struct hint *h, int key)
{
	char name[24];
	ui_key_name(ui, key, name, sizeof name);
	size_t l = strlen(h->keys);
	/* arrows pair up as "↑↓"; words as "Up/Down"; "1-4" for digits */
	const char *join = text_width(h->keys) == 1 ? "" : "/";
	if (h->keys[0] >= '0' && h->keys[0] <= '9' && !h->keys[1] && name[0] >= '0' && name[0] <= '9')
		join = "-";
	snprintf(h->keys + l, sizeof h->keys - l, "%s%s", join, name);
}

/* The hints of the requests bound in `ctx`, in UI_REQUESTS order. */
static size_t collect_hints(struct ui *ui, unsigned ctx, struct hint *hints, size_t cap)
{
	size_t n = 0;
	struct hint *open = NULL; /* the hint a UI_HINT_PAIR joins */
	bool blocked = ui_live_blocked(ui) != NULL;
	for (int r = 0; r < UI_REQ_COUNT; r++) {
		int rank = 0;
		const char *hint = ui_request_hint_in((enum ui_request)r, ctx, &rank);
		/* nothing that writes while nothing can be written (--read-only,
		 * a file nobody may write, a file on disk that does not load) */
		if (!hint || (blocked && (ui_request_flags((enum ui_request)r) & UI_RF_WRITES)))
			continue;
		int key = ui_request_key((enum ui_request)r, ctx);
		bool pair = strcmp(hint, UI_HINT_PAIR) == 0;
		if (pair) {
			if (open && key)
				join_key(ui, open, key);
			continue;
		}
		open = NULL;
		if (!key || n == cap)
			continue;
		struct hint *h = &hints[n++];
		ui_key_name(ui, key, h->keys, sizeof h->keys);
		h->word = hint;
		h->rank = r == UI_REQ_CHANGES && ui_meeting_today(ui) ? UI_MEETING_RANK : rank;
		h->shown = false;
		open = h;
	}
	for (size_t i = 0; i < n; i++)
		hints[i].width = (int)(text_width(hints[i].keys) + 1 + strlen(hints[i].word));
	return n;
}

void ui_draw_hints(struct ui *ui, WINDOW *w, int y, int width)
{
	struct hint hints[24];
	size_t n = collect_hints(ui, UI_CTX(ui_mode(ui)), hints, 24);
	/* keep the most important that fit, draw in table order */
	int used = 0;
	for (int rank = 0; rank <= 100; rank++)
		for (size_t i = 0; i < n; i++)
			if (hints[i].rank == rank && !hints[i].shown && used + hints[i].width + (used ? 2 : 0) <= width) {
				hints[i].shown = true;
				used += hints[i].width + (used ? 2 : 0);
			}
	int x = 0;
	for (size_t i = 0; i < n; i++) {
		if (!hints[i].shown)
			continue;
		if (x)
			x += 2;
		x += ui_put(ui, w, y, x, hints[i].keys, width - x, ROLE_KEY, false);
		x += 1;
		x += ui_put(ui, w, y, x, hints[i].word, width - x, ROLE_STATUSBAR, false);
	}
}

