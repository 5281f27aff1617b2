/* ui_follow — following the facilitator (`charterdash --follow [USER]`):
 * every dashboard writes what it looks at into its presence record (the
 * screen, zoom, the focused pane, the selected milestone); a follower,
 * read-only, reads its leader's record at every tick (400 ms) and shows
 * the same. The leader's header counts its followers ("2 following"); a
 * follower's says whom it follows. Navigation stays the follower's own
 * until the leader moves again; any other key asks whether to stop. */
#include "ui_follow.h"
#include "ui_changes.h"
#include "ui_live.h"
#include "ui_prompt.h"
#include "ui_modes.h"
#include "ui_state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/store/presence.h"

/* Following and being followed (ui->follow, made at the first tick). */
struct ui_follow {
	char leader[64];          /* the user followed, "" none (yet) */
	char leader_seen[512];    /* their focus as last applied */
	char published[512];      /* our focus as last written */
	char note[640];           /* the header's "following amina" / "2 following" */
	time_t counted;           /* followers last counted */
};

/* What this session looks at now. */
static void own_focus(const struct ui *ui, struct presence_focus *f)
{
	memset(f, 0, sizeof *f);
	snprintf(f->view, sizeof f->view, "%s", ui_screen_name(ui_panel_mode(ui)));
	f->zoom = ui->view.zoom;
	if (ui->view.pane_count && ui->charter.groups[ui->view.focus].id)
		snprintf(f->group, sizeof f->group, "%s", ui->charter.groups[ui->view.focus].id);
	long m = ui_selected(ui);
	if (m >= 0)
		snprintf(f->milestone, sizeof f->milestone, "%s", ui->charter.milestones[m].id);
	if (ui->follow->leader[0])
		snprintf(f->following, sizeof f->following, "%s", ui->follow->leader);
}

/* Whom --follow without USER follows: who marked the latest meeting. */
static void find_leader(struct ui *ui)
{
	struct ui_follow *l = ui->follow;
	if (l->leader[0] || !ui->opt.follow)
		return;
	if (ui->opt.follow_user && *ui->opt.follow_user) {
		snprintf(l->leader, sizeof l->leader, "%s", ui->opt.follow_user);
		return;
	}
	const struct history *h = ui_live_history(ui);
	long at = history_last_meeting(h);
	if (at >= 0 && h->entries[at].user)
		snprintf(l->leader, sizeof l->leader, "%s", h->entries[at].user);
}

/* Shows the leader's focus: its pane and milestone, zoom, and the panel
 * it has open (detail, help, the minutes ... any panel in the screen
 * table). A dialog of ours (the question to stop) is left alone. */
static void apply_focus(struct ui *ui, const struct presence_focus *f)
{
	if (ui_dialog_mode(ui) != UI_MODE_MAIN)
		return;
	long g = f->group[0] ? charter_find_group(&ui->charter, f->group) : -1;
	if (g >= 0)
		view_focus(&ui->view, (size_t)g);
	long m = f->milestone[0] ? charter_find_milestone(&ui->charter, f->milestone) : -1;
	if (m >= 0)
		view_select_milestone(&ui->view, (size_t)m);
	ui->view.zoom = f->zoom && ui->view.pane_count;
	enum ui_mode want = ui_screen_by_name(f->view);
	if (want != UI_MODE_MAIN && ui_modes[want].layer != UI_LAYER_PANEL)
		want = UI_MODE_MAIN; /* only the panels are shown as theirs */
	if (ui_panel_mode(ui) != want) {
		ui_reset_modes(ui);
		if (want != UI_MODE_MAIN) {
			ui->detail.top = ui->help.top = ui->changes.top = 0;
			ui_push(ui, want);
		}
	}
	ui->dirty |= UI_DIRTY_ALL;
}

/* The header's words: "following amina", or "2 following". */
static bool set_note(struct ui_follow *l, const char *note)
{
	if (strcmp(l->note, note) == 0)
		return false;
	snprintf(l->note, sizeof l->note, "%s", note);
	return true;
}

const char *ui_follow_note(const struct ui *ui)
{
	return ui->follow && ui->follow->note[0] ? ui->follow->note : NULL;
}

void ui_follow_fini(struct ui *ui)
{
	free(ui->follow);
	ui->follow = NULL;
}

/* --follow NAME with nobody of that name here: the header says so and
 * names who is; the message line once, when it starts. */
static void not_here(struct ui *ui, char *note, size_t size)
{
	struct ui_follow *l = ui->follow;
	size_t n;
	const char *others = ui_live_others(ui, &n);
	const char *who = n ? others : "nobody else";
	snprintf(note, size, "%s is not here (here: %s)", l->leader, who);
	if (strcmp(note, l->note) != 0 && strncmp(l->note, l->leader, strlen(l->leader)) != 0)
		ui_message(ui, "Nobody named %s has this file open; here: %s. Following %s when they come", l->leader,
		           who, l->leader);
}

unsigned ui_follow_tick(struct ui *ui, time_t now)
{
	struct presence *p = ui_live_presence(ui);
	if (!p)
		return 0;
	if (!ui->follow && !(ui->follow = calloc(1, sizeof *ui->follow)))
		return 0;
	struct ui_follow *l = ui->follow;
	unsigned flags = 0;
	find_leader(ui);
	struct presence_focus mine, theirs;
	bool here = l->leader[0] && presence_focus_of(p, l->leader, now, &theirs);
	if (here) {
		char text[512];
		presence_focus_format(&theirs, text, sizeof text);
		if (strcmp(text, l->leader_seen) != 0) { /* they moved: so do we */
			snprintf(l->leader_seen, sizeof l->leader_seen, "%s", text);
			apply_focus(ui, &theirs);
			flags |= UI_RELAYOUT;
		}
	}
	own_focus(ui, &mine);
	char text[512];
	presence_focus_format(&mine, text, sizeof text);
	if (strcmp(text, l->published) != 0 && presence_publish(p, &mine)) {
		snprintf(l->published, sizeof l->published, "%s", text);
		ui_live_refreshed(ui, now);
	}
	char note[sizeof l->note] = "";
	if (l->leader[0] && !here)
		not_here(ui, note, sizeof note);
	else if (l->leader[0])
		snprintf(note, sizeof note, "following %s", l->leader);
	else if (ui->opt.follow)
		snprintf(note, sizeof note, "following nobody yet (no meeting marked)");
	else if (now - l->counted >= 1) {
		size_t n = presence_followers(p, ui_live_user(ui) ? ui_live_user(ui) : "", now);
		l->counted = now;
		if (n)
			snprintf(note, sizeof note, "%zu following", n);
	} else {
		snprintf(note, sizeof note, "%s", l->note);
	}
	if (set_note(l, note))
		ui->dirty |= UI_DIRTY_HEADER;
	return flags;
}

bool ui_following(const struct ui *ui)
{
	return ui->opt.follow && ui->follow && ui->follow->leader[0];
}

static unsigned stop_following(struct ui *ui)
{
	struct ui_follow *l = ui->follow;
	ui_message(ui, "Stopped following %s", l->leader);
	ui->opt.follow = false;
	l->leader[0] = '\0';
	l->leader_seen[0] = '\0';
	ui_recheck_writable(ui); /* --read-only and the file's permissions still count */
	return UI_HANDLED | UI_RELAYOUT;
}

static unsigned keep_following(struct ui *ui)
{
	ui_message(ui, "Still following %s", ui->follow->leader);
	return UI_HANDLED | UI_RELAYOUT;
}

unsigned ui_follow_ask(struct ui *ui)
{
	struct ui_question q = {
		.title = "Stop following?",
		.choices = { { UI_REQ_ANSWER_YES, "stops following", NULL, stop_following, false },
		             { UI_REQ_ANSWER_NO, "keeps following", NULL, keep_following, true } },
	};
	snprintf(q.text, sizeof q.text, "You are following %s. Stop following (and look around on your own)?",
	         ui->follow->leader);
	ui_confirm_open(ui, &q);
	return UI_HANDLED | UI_RELAYOUT;
}
