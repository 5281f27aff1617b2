/* ui_agenda — the agenda view (A): the four sections of `charterdash
 * agenda` across every group (agenda.h), over the dashboard's body. A
 * cursor walks the milestones; Enter opens the details, Space then 1-4
 * (or n i b d) sets the status of the one under the cursor. The lists are rebuilt by the
 * measure step, so a save or a change on disk shows at once. */
#include "ui_agenda.h"
#include "ui_detail.h"
#include "ui_live.h"
#include "ui_requests.h"
#include "ui_screens.h"
#include "ui_status.h"
#include "ui_state.h"
#include "ui_term.h"

#include <stdio.h>
#include <string.h>

#include "charterdash/report/progress.h"
#include "charterdash/core/text.h"
#include "charterdash/report/view.h"

void ui_agenda_fini(struct ui *ui)
{
	agenda_fini(&ui->agenda.list);
}

static size_t item_count(const struct ui *ui)
{
	size_t n = 0;
	for (int s = 0; s < AGENDA_SECTIONS; s++)
		n += ui->agenda.list.count[s];
	return n;
}

/* The milestone of item i (in section order), or -1. */
static long item_milestone(const struct ui *ui, size_t i)
{
	const struct agenda *a = &ui->agenda.list;
	for (int s = 0; s < AGENDA_SECTIONS; s++) {
		if (i < a->count[s])
			return (long)a->entries[s][i].milestone;
		i -= a->count[s];
	}
	return -1;
}

static void rebuild(struct ui *ui)
{
	agenda_fini(&ui->agenda.list);
	if (!agenda_build(&ui->agenda.list, &ui->charter, ui->opt.today, ui->charter.attention_days,
	                  ui_live_history(ui)))
		ui_error(ui, "Out of memory: the agenda is incomplete");
	size_t n = item_count(ui);
	if (ui->agenda.sel >= n)
		ui->agenda.sel = n ? n - 1 : 0;
}

/* The milestone under the cursor, made the dashboard's selection too (so
 * the status keys and the details act on it); -1 when there is none or
 * the dashboard does not show it (a filter hides it). */
static long sync_selection(struct ui *ui)
{
	long m = item_milestone(ui, ui->agenda.sel);
	if (m < 0)
		return -1;
	if (!view_select_milestone(&ui->view, (size_t)m)) {
		ui_error(ui, "%s is hidden by the filter: c clears it", ui->charter.milestones[m].id);
		return -1;
	}
	return m;
}

unsigned ui_act_agenda(struct ui *ui, enum ui_request req)
{
	(void)req;
	ui->agenda.sel = 0;
	ui->agenda.top = 0;
	rebuild(ui);
	ui_push(ui, UI_MODE_AGENDA);
	return UI_HANDLED | UI_RELAYOUT;
}

/* Space: the status menu, for the milestone under the agenda's cursor
 * (its choice is saved by the same action as on the dashboard). */
static unsigned open_status_menu(struct ui *ui)
{
	if (sync_selection(ui) < 0)
		return UI_HANDLED | UI_REDRAW;
	return ui_act_status_menu(ui, UI_REQ_STATUS_MENU) | UI_REDRAW;
}

unsigned ui_agenda_request(struct ui *ui, enum ui_request req)
{
	size_t n = item_count(ui), old = ui->agenda.sel;
	switch (req) {
	case UI_REQ_MOVE_UP:
		if (ui->agenda.sel > 0)
			ui->agenda.sel--;
		break;
	case UI_REQ_MOVE_DOWN:
		if (ui->agenda.sel + 1 < n)
			ui->agenda.sel++;
		break;
	case UI_REQ_FIRST: ui->agenda.sel = 0; break;
	case UI_REQ_LAST: ui->agenda.sel = n ? n - 1 : 0; break;
	case UI_REQ_DETAIL:
		if (!n) {
			ui_message(ui, "Nothing on the agenda");
			return UI_HANDLED | UI_REDRAW;
		}
		if (sync_selection(ui) < 0)
			return UI_HANDLED | UI_REDRAW;
		return ui_act_detail(ui, UI_REQ_DETAIL);
	case UI_REQ_AGENDA_STATUS:
		if (!n) {
			ui_message(ui, "Nothing on the agenda");
			return UI_HANDLED | UI_REDRAW;
		}
		return open_status_menu(ui);
	default: return 0;
	}
	return UI_HANDLED | (ui->agenda.sel != old ? UI_REDRAW : 0);
}

/* --- lines ------------------------------------------------------------- */

/* The lines: per section a heading, its items (or "nothing"), a blank. */
struct line {
	int section;  /* heading when item < 0 */
	long item;    /* index among all items, -1 for a heading or a blank */
	bool blank, empty;
};

/* Line k of the agenda; false past the end. */
static bool line_at(const struct ui *ui, size_t k, struct line *out)
{
	const struct agenda *a = &ui->agenda.list;
	size_t item = 0;
	for (int s = 0; s < AGENDA_SECTIONS; s++) {
		size_t body = a->count[s] ? a->count[s] : 1;
		if (k == 0) {
			*out = (struct line){ s, -1, false, false };
			return true;
		}
		if (k <= body) {
			bool empty = a->count[s] == 0;
			*out = (struct line){ s, empty ? -1 : (long)(item + k - 1), false, empty };
			return true;
		}
		k -= body + 1;
		if (k == 0) {
			*out = (struct line){ s, -1, true, false };
			return true;
		}
		k--;
		item += a->count[s];
	}
	return false;
}

static size_t line_count(const struct ui *ui)
{
	size_t n = 0;
	for (int s = 0; s < AGENDA_SECTIONS; s++)
		n += 2 + (ui->agenda.list.count[s] ? ui->agenda.list.count[s] : 1);
	return n;
}

/* The line of the selected item. */
static size_t selected_line(const struct ui *ui)
{
	struct line l;
	for (size_t k = 0; line_at(ui, k, &l); k++)
		if (l.item >= 0 && (size_t)l.item == ui->agenda.sel)
			return k;
	return 0;
}

static struct rect agenda_rect(struct ui *ui)
{
	return ui->scr->regions.body;
}

static void agenda_measure(struct ui *ui)
{
	rebuild(ui);
	int height = ui->scr->overlay_rect.h - 2;
	size_t lines = line_count(ui);
	ui->agenda.top = layout_scroll(ui->agenda.top, selected_line(ui), lines, height > 0 ? (size_t)height : 1);
}

static const char *section_heading(enum agenda_section s, long days)
{
	static char buf[64];
	switch (s) {
	case AGENDA_DUE_SOON: snprintf(buf, sizeof buf, "Due soon, the next %ld days", days); break;
	case AGENDA_DONE_RECENTLY: snprintf(buf, sizeof buf, "Done recently, the last %ld days", days); break;
	default: snprintf(buf, sizeof buf, "%s", agenda_section_title(s)); break;
	}
	return buf;
}

/* "12 d late", "in 2 d", "done 2026-11-30" for the right column. */
static void item_when(const struct ui *ui, int section, size_t item_in_section, size_t m, char *buf, size_t size)
{
	const struct milestone *ms = &ui->charter.milestones[m];
	if (section == AGENDA_DONE_RECENTLY) {
		snprintf(buf, size, "done %.10s", ui->agenda.list.entries[section][item_in_section].when);
		return;
	}
	view_due_short(&ui->charter, ms, ui->opt.today, buf, size);
}

static void draw_item(struct ui *ui, WINDOW *w, int y, int width, const struct line *l)
{
	const struct agenda *a = &ui->agenda.list;
	size_t in_section = (size_t)l->item;
	for (int s = 0; s < l->section; s++)
		in_section -= a->count[s];
	size_t m = a->entries[l->section][in_section].milestone;
	const struct milestone *ms = &ui->charter.milestones[m];
	const struct group *g = &ui->charter.groups[ms->group];
	bool sel = (size_t)l->item == ui->agenda.sel;
	attr_t rev = sel ? ui_attr(ui, ROLE_SELECTED) : 0;
	if (sel)
		ui_fill(ui, w, y, 1, " ", width, rev);
	char when[32], text[1200];
	item_when(ui, l->section, in_section, m, when, sizeof when);
	int when_w = (int)text_width(when);
	ui_put_attr(ui, w, y, 2, ui->scr->g->status[ms->status], 1, ui_attr(ui, ui_status_role(ms->status)) | rev, false);
	snprintf(text, sizeof text, "%s: %s", g->name ? g->name : g->id, ms->title ? ms->title : ms->id);
	int owner_room = width - 4 - when_w - 2;
	int x = 4 + ui_put_attr(ui, w, y, 4, text, owner_room, ui_attr(ui, ROLE_NORMAL) | rev, true);
	if (ms->owner && owner_room - (x - 4) > 12) {
		char owner[300];
		snprintf(owner, sizeof owner, "%s%s", ui->scr->g->sep, ms->owner);
		ui_put_attr(ui, w, y, x, owner, owner_room - (x - 4), ui_attr(ui, ROLE_DIM) | rev, true);
	}
	enum ui_role wr = l->section == AGENDA_OVERDUE ? ROLE_OVERDUE : l->section == AGENDA_DONE_RECENTLY ? ROLE_DONE
	                                                                                                  : ROLE_NORMAL;
	ui_put_attr(ui, w, y, width - when_w, when, when_w, ui_attr(ui, wr) | rev, false);
}

static void agenda_draw(struct ui *ui)
{
	WINDOW *w = ui->scr->overlay;
	struct rect r = ui->scr->overlay_rect;
	werase(w);
	char title[128], today[DATE_TEXT_SIZE];
	date_format(ui->opt.today, today);
	snprintf(title, sizeof title, "Agenda for %s (Esc closes)", today);
	ui_box(ui, w, (struct rect){ 0, 0, r.w, r.h }, true, title);
	int height = r.h - 2, width = r.w - 3;
	struct line l;
	for (int y = 0; y < height && line_at(ui, ui->agenda.top + (size_t)y, &l); y++) {
		if (l.blank)
			continue;
		if (l.item < 0 && !l.empty) {
			char head[96];
			snprintf(head, sizeof head, "%s (%zu)", section_heading((enum agenda_section)l.section,
			         ui->agenda.list.days), ui->agenda.list.count[l.section]);
			ui_put(ui, w, 1 + y, 2, head, width - 1, l.section == AGENDA_OVERDUE ? ROLE_OVERDUE : ROLE_LABEL, true);
		} else if (l.empty) {
			ui_put(ui, w, 1 + y, 4, "nothing", width - 3, ROLE_DIM, false);
		} else {
			draw_item(ui, w, 1 + y, width, &l);
		}
	}
	ui_scroll_mark(ui, w, r, ui->agenda.top, height, line_count(ui), false);
}

const struct ui_screen_ops ui_screen_agenda = {
	.request = ui_agenda_request,
	.rect = agenda_rect,
	.measure = agenda_measure,
	.draw = agenda_draw,
};
