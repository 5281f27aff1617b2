/* ui_edit — the editing keys: status (1-4, Space), the field editor (e),
 * add (a), delete (D), undo (u) and redo (Ctrl-R), notes in $EDITOR. Every
 * change is an edit value run through store_apply (the one path, shared
 * with the command line): nothing here touches the model or the file
 * directly. The verified new model the store returns is shown at once;
 * a conflict asks "keep theirs / use mine"; read-only and an invalid file
 * on disk refuse with the reason on the message line. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "ui_edit.h"
#include "ui_live.h"
#include "ui_prompt.h"
#include "ui_requests.h"
#include "ui_state.h"
#include "ui_term.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "charterdash/store/changes.h"
#include "charterdash/core/fsio.h"
#include "charterdash/store/store.h"
#include "charterdash/store/undo.h"
#include "charterdash/core/strutil.h"

/* What is being edited (ui->edit); the drafts are the form's (ui_prompt.c). */
struct ui_edit {
	struct undo undo;
	char *id;                        /* the milestone e edits */
	char *add_group;                 /* the group a adds to */
	/* the edit a conflict's "use mine" would force, the milestone D deletes */
	struct edit pending;
	char *p_id, *p_seen, *p_value;
	const struct undo_plan *undo_plan; /* during an undo's save: its checks */
};

/* The fields e edits in Tab order (a done milestone's completion date last), and a's. */
static const enum field edit_fields[UI_FORM_FIELDS] = { FIELD_TITLE, FIELD_OWNER, FIELD_DUE, FIELD_NOTES,
                                                        FIELD_COMPLETED };
enum { ADD_TITLE, ADD_ID, ADD_DUE, ADD_OWNER };

static unsigned commit_edit(struct ui *ui);
static unsigned add_enter(struct ui *ui);
static void add_leave(struct ui *ui, int slot);

#define EDIT_FORM(n) { \
	.count = (n), \
	.labels = { "Title", "Owner", "Due", "Notes", "Completed" }, \
	.hints = { "", "Empty removes the owner", "YYYY-MM-DD; empty: due on the roadmap deadline", \
	           "Empty removes the notes; Ctrl-O edits them in $EDITOR", \
	           "When it was done: YYYY-MM-DD, -3d, yesterday...; empty: not recorded" }, \
	.keys = "Enter saves \xc2\xb7 Esc cancels \xc2\xb7 Tab next field \xc2\xb7 Ctrl-O notes in $EDITOR", \
	.counts_changes = true, .external = true, .on_enter = commit_edit, }
static const struct ui_form edit_form = EDIT_FORM(4), done_form = EDIT_FORM(5);

static const struct ui_form add_form = {
	.count = 4,
	.labels = { "Title", "Id", "Due", "Owner" },
	.hints = { "The new milestone's title; Enter: its id, Tab: the other fields",
	           "A unique word; proposed from the title, change it if you like",
	           "YYYY-MM-DD, +7d, friday, eom...; empty: no date yet (due: ~), never overdue", "Empty: no owner" },
	.keys = "Enter: next \xc2\xb7 Esc cancels",
	.on_enter = add_enter,
	.on_leave = add_leave,
};

bool ui_edit_init(struct ui *ui)
{
	struct ui_edit *e = calloc(1, sizeof *e);
	if (!e)
		return false;
	undo_init(&e->undo);
	ui->edit = e;
	return true;
}

static void clear_pending(struct ui_edit *e)
{
	free(e->p_id);
	free(e->p_seen);
	free(e->p_value);
	e->p_id = e->p_seen = e->p_value = NULL;
	memset(&e->pending, 0, sizeof e->pending);
}

static void clear_drafts(struct ui *ui)
{
	struct ui_edit *e = ui->edit;
	ui_prompt_clear(ui);
	free(e->id);
	free(e->add_group);
	e->id = e->add_group = NULL;
}

void ui_edit_fini(struct ui *ui)
{
	struct ui_edit *e = ui->edit;
	if (!e)
		return;
	free(e->id);
	free(e->add_group);
	clear_pending(e);
	undo_fini(&e->undo);
	free(e);
	ui->edit = NULL;
}

/* --- guards --------------------------------------------------------------- */

static const struct milestone *selected(struct ui *ui)
{
	long m = ui_selected(ui);
	if (m < 0) {
		ui_message(ui, "No milestone selected here");
		return NULL;
	}
	return &ui->charter.milestones[m];
}

/* --- the save path -------------------------------------------------------- */

static void record_undo(struct ui *ui, const struct edit *e, const struct store_result *r)
{
	struct undo *u = &ui->edit->undo;
	const char *fields[FIELD_COUNT] = { NULL };
	char scratch[DATE_TEXT_SIZE];
	if (e->kind == EDIT_SET) {
		if (undo_record_set(u, e->milestone_id, e->field, r->old_value, e->value && *e->value ? e->value : NULL) &&
		    r->completed_changed)
			undo_record_completion(u, r->completed_old, r->completed_new);
		return;
	}
	/* the milestone as it is after an add, or was before a remove */
	const struct charter *c = e->kind == EDIT_ADD ? &r->after : &ui->charter;
	long m = charter_find_milestone(c, e->milestone_id);
	if (m < 0)
		return;
	const struct milestone *ms = &c->milestones[m];
	for (int f = 0; f < FIELD_COUNT; f++)
		fields[f] = milestone_field(ms, (enum field)f, scratch);
	char due[DATE_TEXT_SIZE];
	if (fields[FIELD_DUE]) { /* scratch is shared: keep the date apart (or "~", no date yet) */
		snprintf(due, sizeof due, "%s", fields[FIELD_DUE]);
		fields[FIELD_DUE] = due;
	}
	if (undo_record_milestone(u, e->kind, e->milestone_id, c->groups[ms->group].id, fields))
		store_undo_attach(u, e, r); /* the exact bytes, for undo */
}

/* A value for the message line: one line, not too long. */
static void short_value(const char *v, char *out, size_t size)
{
	if (!v || !*v) {
		snprintf(out, size, "(none)");
		return;
	}
	str_short(v, 60, out, size);
}

/* Keeps the edit "use mine" would force; the question's text says why. */
static void keep_pending(struct ui *ui, const struct edit *e, const char *theirs, char *text, size_t size)
{
	struct ui_edit *ed = ui->edit;
	clear_pending(ed);
	ed->pending = *e;
	ed->p_id = ui_strdup(e->milestone_id);
	ed->p_seen = ui_strdup(e->seen);
	ed->p_value = ui_strdup(e->value);
	ed->pending.milestone_id = ed->p_id;
	ed->pending.seen = ed->p_seen;
	ed->pending.value = ed->p_value;
	ed->pending.group_id = NULL;
	const char *who = e->kind == EDIT_SET ? ui_live_who(ui, e->milestone_id, field_name(e->field)) : NULL;
	char t[96];
	short_value(theirs, t, sizeof t);
	snprintf(text, size, "%s changed %s of %s to '%s' since you looked.", who ? who : "Someone", field_name(e->field),
	         e->milestone_id, t);
}

static unsigned conflict_mine(struct ui *ui);
static unsigned conflict_theirs(struct ui *ui);

/* A save that found the value changed since it was seen asks what wins. */
static void ask_conflict(struct ui *ui, const struct edit *e, const char *theirs)
{
	struct ui_question q = {
		.title = "Changed meanwhile",
		.choices = { { UI_REQ_ANSWER_THEIRS, "keep theirs", "theirs", conflict_theirs, true },
		             { UI_REQ_ANSWER_MINE, "use mine (overwrite theirs)", "mine", conflict_mine, false } },
	};
	keep_pending(ui, e, theirs, q.text, sizeof q.text);
	ui_confirm_open(ui, &q);
}

/* The row of the dashboard's selection when it is milestone `id` (a
 * change made from the panes), else -1: after the save, the selection
 * stays on that row (README: selection and scrolling). */
static long row_to_keep(struct ui *ui, const struct edit *e, const char *id)
{
	long m = ui_selected(ui);
	if (e->kind != EDIT_SET || ui_panel_mode(ui) != UI_MODE_MAIN || m < 0 || ui->view.zoom)
		return -1;
	const char *sel = ui->charter.milestones[m].id;
	return sel && strcmp(sel, id) == 0 ? (long)ui->view.panes[ui->view.focus].sel : -1;
}

/* The selection back on `row` after the re-sort, and the message line says
 * where the changed milestone went. */
static void keep_row(struct ui *ui, long row, const char *id)
{
	if (row < 0)
		return;
	size_t pane = ui->view.focus;
	long went = view_keep_row(&ui->view, (size_t)row);
	long m = charter_find_milestone(&ui->charter, id);
	char msg[sizeof ui->message];
	memcpy(msg, ui->message, sizeof msg);
	if (m >= 0 && view_row_of(&ui->view, pane, (size_t)m) < 0)
		ui_message(ui, "%s; the filter hides it now", msg);
	else if (went >= 0)
		ui_message(ui, "%s; now row %ld of %zu", msg, went + 1, ui->view.panes[pane].row_count);
}

/* A save that wrote: the message, the undo step, the new model (others'
 * changes that came with it marked). `id`: the milestone's, copied. */
static void show_saved(struct ui *ui, const struct edit *e, bool undoable, struct store_result *r, const char *id)
{
	long row = undoable ? row_to_keep(ui, e, id) : -1;
	char v[96], old[96];
	if (undoable)
		record_undo(ui, e, r);
	short_value(r->old_value, old, sizeof old);
	short_value(e->value, v, sizeof v);
	if (e->kind == EDIT_SET)
		ui_message(ui, "Saved: %s %s '%s' %s '%s' (u undoes)", id, field_name(e->field), old,
		           ui->opt.ascii ? "->" : "\xe2\x86\x92", v); /* not g->right: "Right" in ASCII */
	else if (e->kind == EDIT_ADD)
		ui_message(ui, "Added %s (u undoes)", id);
	else
		ui_message(ui, "Deleted %s '%s' (u undoes)", id, old);
	/* changes others made just before ours came along: mark them */
	const char **ids = NULL;
	size_t n = changes_between(&ui->charter, &r->after, &ids), k = 0;
	for (size_t i = 0; n != (size_t)-1 && i < n; i++)
		if (strcmp(ids[i], id) != 0)
			ids[k++] = ids[i];
	ui_live_saved(ui, r->new_text, r->new_len);
	struct charter after = r->after;
	r->have_after = false;
	memset(&r->after, 0, sizeof r->after);
	if (ui_replace_charter(ui, &after) && n != (size_t)-1)
		ui_live_mark(ui, ids, k);
	free(ids);
	keep_row(ui, row, id);
	snprintf(ui->saved_note, sizeof ui->saved_note, "%s", ui->message);
	if (r->warning[0]) { /* saved, but the history line is missing: say so */
		char msg[sizeof ui->message];
		memcpy(msg, ui->message, sizeof msg);
		ui_error(ui, "%s; but %s", msg, r->warning);
	}
}

/* What a save did: the store's status (enum store_status) and, unless
 * STORE_OK, why in words (the message line says "Not saved: " and why). */
struct ui_saved {
	int status;
	char why[600];
};
/* Runs an edit through the store and shows the result (selection kept,
 * others' changes marked, conflicts asked about). `undoable`: record it
 * for u. */
static struct ui_saved ui_edit_save(struct ui *ui, const struct edit *e, bool undoable, bool ask_on_conflict);

/* A failed save's reason as a value: the message just set, without its
 * "Not saved: " (the messages stay whole at their ui_error calls, where
 * docs/errors.md finds them). */
static void keep_why(struct ui *ui, struct ui_saved *out)
{
	static const char prefix[] = "Not saved: ";
	const char *why = ui->message;
	if (strncmp(why, prefix, sizeof prefix - 1) == 0)
		why += sizeof prefix - 1;
	snprintf(out->why, sizeof out->why, "%s", why);
}

static struct ui_saved ui_edit_save(struct ui *ui, const struct edit *e, bool undoable, bool ask_on_conflict)
{
	struct ui_saved out = { STORE_REFUSED, "" };
	const char *blocked = ui_live_blocked(ui);
	if (ui_live_refused(ui)) {
		snprintf(out.why, sizeof out.why, "%s", blocked ? blocked : "");
		return out;
	}
	/* Never freeze the screen behind a stuck writer. The model on screen
	 * spares the transaction one full load while the file is still exactly
	 * what it was loaded from. */
	struct store_options so = { .lock_wait_ms = 3000, .known = &ui->charter, .force_read_only = ui->opt.force };
	store_options_for_undo(&so, ui->edit->undo_plan);
	so.user = ui_live_user(ui);
	so.host = ui_live_host(ui);
	struct store_result r;
	struct diag_list diags;
	store_result_init(&r);
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	/* marked done on the dashboard's today (--today), unless undo says exactly */
	struct edit dated = *e;
	char today[DATE_TEXT_SIZE];
	date_format(ui->opt.today, today);
	if (!dated.completed_exact && !dated.done_on)
		dated.done_on = today;
	out.status = store_apply(ui->path, &dated, &so, &r, &diags);
	/* the id outlives the model it may point into (replaced below) */
	char id[256], v[96], first[300] = "";
	snprintf(id, sizeof id, "%s", e->milestone_id ? e->milestone_id : "");
	switch (out.status) {
	case STORE_OK:
		if (r.changed) {
			show_saved(ui, e, undoable, &r, id);
		} else if (e->kind == EDIT_SET) {
			short_value(e->value, v, sizeof v);
			ui_message(ui, "%s: %s is already '%s'", id, field_name(e->field), v);
		}
		break;
	case STORE_CONFLICT:
		if (ask_on_conflict && e->kind == EDIT_SET) {
			snprintf(out.why, sizeof out.why, "%s", r.why);
			ask_conflict(ui, e, r.current);
		} else {
			ui_error(ui, "Not saved: %s", r.why);
			keep_why(ui, &out);
		}
		break;
	case STORE_INVALID:
		if (diags.count)
			diag_format(&diags.items[0], first, sizeof first);
		ui_error(ui, "Not saved: the file on disk does not load: %s", first[0] ? first : r.why);
		keep_why(ui, &out);
		ui->dirty |= UI_DIRTY_LAYOUT;
		ui_live_check(ui);
		break;
	default:
		ui_error(ui, "Not saved: %s", r.why[0] ? r.why : "the change could not be made");
		keep_why(ui, &out);
		break;
	}
	store_result_fini(&r);
	diag_fini(&diags);
	return out;
}

/* --- status ----------------------------------------------------------------- */

/* The status menu's answers (ui_status.c opens it). */
unsigned ui_act_status(struct ui *ui, enum ui_request req)
{
	if (ui_mode(ui) == UI_MODE_STATUS)
		ui_pop(ui);
	if (req == UI_REQ_STATUS_CANCEL) {
		ui_message(ui, "Status not changed");
		return UI_HANDLED | UI_RELAYOUT;
	}
	const struct milestone *ms = selected(ui);
	if (!ms || ui_live_refused(ui))
		return UI_HANDLED | UI_RELAYOUT;
	enum status want;
	switch (req) {
	case UI_REQ_STATUS_NOT_STARTED: want = STATUS_NOT_STARTED; break;
	case UI_REQ_STATUS_IN_PROGRESS: want = STATUS_IN_PROGRESS; break;
	case UI_REQ_STATUS_BLOCKED: want = STATUS_BLOCKED; break;
	default: want = STATUS_DONE; break;
	}
	struct edit e = {
		.kind = EDIT_SET, .milestone_id = ms->id, .field = FIELD_STATUS,
		.check_seen = true, .seen = status_key(ms->status), .value = status_key(want),
	};
	ui_edit_save(ui, &e, true, true);
	return UI_HANDLED | UI_RELAYOUT;
}

/* --- the field editor ------------------------------------------------------ */

unsigned ui_act_edit(struct ui *ui, enum ui_request req)
{
	(void)req;
	const struct milestone *ms = selected(ui);
	if (!ms || ui_live_refused(ui))
		return UI_HANDLED | UI_REDRAW;
	struct ui_edit *e = ui->edit;
	clear_drafts(ui);
	e->id = ui_strdup(ms->id);
	char scratch[DATE_TEXT_SIZE];
	const struct ui_form *form = ms->status == STATUS_DONE ? &done_form : &edit_form;
	for (int i = 0; i < form->count; i++)
		ui_prompt_set(ui, i, milestone_field(ms, edit_fields[i], scratch));
	char title[200];
	snprintf(title, sizeof title, "Edit %s", ms->id);
	ui_prompt_open(ui, form, title, 0);
	return UI_HANDLED | UI_RELAYOUT;
}

/* A due or completion date typed in a relative form (+7d, friday, eom,
 * -3d ...) becomes the absolute date in the draft, shown before anything
 * is saved: true when it did (the dialog stays open, Enter again saves). */
static bool resolve_date(struct ui *ui, enum field f, struct lineedit *line)
{
	const char *v = lineedit_text(line);
	char text[DATE_TEXT_SIZE];
	if (!edit_resolve_relative(v, ui->opt.today, text))
		return false; /* not relative, or the check that follows explains it */
	ui_prompt_error(ui, "%s '%s' is %s: Enter saves it", field_name(f), v, text);
	lineedit_set(line, text);
	return true;
}

static unsigned commit_edit(struct ui *ui)
{
	struct ui_edit *e = ui->edit;
	int changed[UI_FORM_FIELDS], n = 0;
	for (int i = 0; i < ui_prompt_form(ui)->count; i++) {
		if ((edit_fields[i] == FIELD_DUE || edit_fields[i] == FIELD_COMPLETED) &&
		    resolve_date(ui, edit_fields[i], ui_prompt_line(ui, i))) {
			ui_prompt_focus(ui, i);
			return UI_HANDLED | UI_REDRAW;
		}
		if (!ui_prompt_changed(ui, i))
			continue;
		const char *v = lineedit_text(ui_prompt_line(ui, i));
		char why[256];
		if (!edit_check_value(edit_fields[i], *v ? v : NULL, why, sizeof why)) {
			/* in place: the editor stays open on that field */
			ui_prompt_focus(ui, i);
			ui_prompt_error(ui, "Not saved: %s", why);
			return UI_HANDLED | UI_REDRAW;
		}
		changed[n++] = i;
	}
	/* the drafts outlive the editor for the saves below */
	char *id = ui_strdup(e->id ? e->id : "");
	char *seen[UI_FORM_FIELDS] = { NULL }, *value[UI_FORM_FIELDS] = { NULL };
	for (int k = 0; k < n; k++) {
		seen[k] = ui_strdup(ui_prompt_orig(ui, changed[k]));
		value[k] = ui_strdup(lineedit_text(ui_prompt_line(ui, changed[k])));
	}
	ui_pop(ui);
	clear_drafts(ui);
	if (n == 0)
		ui_message(ui, "Nothing changed");
	size_t recorded = 0; /* undo steps this save made */
	for (int k = 0; k < n && id; k++) {
		struct edit ed = {
			.kind = EDIT_SET, .milestone_id = id, .field = edit_fields[changed[k]],
			.check_seen = true, .seen = seen[k], .value = value[k] && *value[k] ? value[k] : NULL,
		};
		size_t steps = e->undo.done;
		struct ui_saved saved = ui_edit_save(ui, &ed, true, true);
		if (e->undo.done > steps && recorded++) /* one e, one undo */
			undo_join_previous(&e->undo);
		if (saved.status != STORE_OK) {
			if (k + 1 < n) {
				char msg[sizeof ui->message];
				memcpy(msg, ui->message, sizeof msg);
				enum ui_message_kind kind = ui->message_kind;
				ui_message(ui, "%s (the other fields were not saved)", msg);
				ui->message_kind = kind;
			}
			break;
		}
	}
	for (int k = 0; k < n; k++) {
		free(seen[k]);
		free(value[k]);
	}
	free(id);
	return UI_HANDLED | UI_RELAYOUT;
}

/* --- add and delete ------------------------------------------------------- */

/* Saves a new milestone and then its due date and owner, joined into one
 * undo step; the message says it was added. */
static void add_milestone(struct ui *ui, const char *group, char *const v[UI_FORM_FIELDS])
{
	const char *mid = v[ADD_ID];
	struct edit ed = { .kind = EDIT_ADD, .milestone_id = mid, .group_id = group, .value = v[ADD_TITLE] };
	if (ui_edit_save(ui, &ed, true, false).status != STORE_OK)
		return;
	char added[sizeof ui->message];
	memcpy(added, ui->message, sizeof added);
	const struct { enum field f; const char *value; } sets[] = {
		{ FIELD_DUE, *v[ADD_DUE] ? v[ADD_DUE] : EDIT_NO_DATE },
		{ FIELD_OWNER, *v[ADD_OWNER] ? v[ADD_OWNER] : NULL },
	};
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
		if (!sets[i].value)
			continue;
		struct edit set = { .kind = EDIT_SET, .milestone_id = mid, .field = sets[i].f, .value = sets[i].value };
		size_t steps = ui->edit->undo.done;
		if (ui_edit_save(ui, &set, true, false).status != STORE_OK)
			return; /* its message says why */
		if (ui->edit->undo.done > steps)
			undo_join_previous(&ui->edit->undo);
	}
	ui_message(ui, "%s", added);
	snprintf(ui->saved_note, sizeof ui->saved_note, "%s", added);
	long m = charter_find_milestone(&ui->charter, mid);
	if (m >= 0 && !view_select_milestone(&ui->view, (size_t)m))
		ui_message(ui, "Added %s; the filter hides it (c clears the filter)", mid);
}

unsigned ui_act_add(struct ui *ui, enum ui_request req)
{
	(void)req;
	if (ui_live_refused(ui))
		return UI_HANDLED | UI_REDRAW;
	if (!ui->view.pane_count) {
		ui_error(ui, "This charter has no working groups to add a milestone to");
		return UI_HANDLED | UI_REDRAW;
	}
	struct ui_edit *e = ui->edit;
	clear_drafts(ui);
	const struct group *g = &ui->charter.groups[ui->view.focus];
	e->add_group = ui_strdup(g->id);
	char title[200];
	snprintf(title, sizeof title, "New milestone in %s", g->name ? g->name : g->id ? g->id : "");
	ui_prompt_open(ui, &add_form, title, ADD_TITLE);
	return UI_HANDLED | UI_RELAYOUT;
}

/* The add dialog: proposes the id from the title unless one was typed. */
static void propose_id(struct ui *ui)
{
	struct ui_edit *e = ui->edit;
	const char *id = lineedit_text(ui_prompt_line(ui, ADD_ID));
	const char *before = ui_prompt_orig(ui, ADD_ID);
	/* only an id nobody typed: empty, or the one proposed before */
	if (*id && (!before || strcmp(id, before) != 0))
		return;
	const char *title = lineedit_text(ui_prompt_line(ui, ADD_TITLE));
	char *proposed = e->add_group ? edit_propose_id(&ui->charter, e->add_group, title) : NULL;
	lineedit_set(ui_prompt_line(ui, ADD_ID), proposed);
	ui_prompt_set_orig(ui, ADD_ID, proposed);
}

/* Leaving the title: the id follows it. */
static void add_leave(struct ui *ui, int slot)
{
	if (slot == ADD_TITLE)
		propose_id(ui);
}

/* The add dialog's fields checked, each in place: false when one is not
 * right (the dialog shows why, on that field). */
static bool add_fields_ok(struct ui *ui)
{
	char why[256];
	const char *title = lineedit_text(ui_prompt_line(ui, ADD_TITLE)), *id = lineedit_text(ui_prompt_line(ui, ADD_ID));
	const char *due = lineedit_text(ui_prompt_line(ui, ADD_DUE));
	const char *owner = lineedit_text(ui_prompt_line(ui, ADD_OWNER));
	int slot;
	if (!edit_check_value(FIELD_TITLE, title, why, sizeof why)) {
		slot = ADD_TITLE;
		ui_prompt_error(ui, "A new milestone needs a title");
	} else if (!edit_check_id(id, why, sizeof why)) {
		slot = ADD_ID;
		ui_prompt_error(ui, "%s", why);
	} else if (charter_find_milestone(&ui->charter, id) >= 0) {
		slot = ADD_ID;
		ui_prompt_error(ui, "The id '%s' is taken: ids are unique in the file", id);
	} else if (*due && !edit_check_value(FIELD_DUE, due, why, sizeof why)) {
		slot = ADD_DUE;
		ui_prompt_error(ui, "Not saved: %s", why);
	} else if (*owner && !edit_check_value(FIELD_OWNER, owner, why, sizeof why)) {
		slot = ADD_OWNER;
		ui_prompt_error(ui, "Not saved: %s", why);
	} else {
		return true;
	}
	ui_prompt_focus(ui, slot);
	return false;
}

/* Enter: on the title, on to the proposed id; elsewhere the milestone is
 * added with its due date (empty: `due: ~`, no date yet, so never
 * overdue) and owner, one undo step. */
static unsigned add_enter(struct ui *ui)
{
	struct ui_edit *e = ui->edit;
	propose_id(ui);
	char why[300];
	if (ui_prompt_slot(ui) == ADD_TITLE) {
		if (!edit_check_value(FIELD_TITLE, lineedit_text(ui_prompt_line(ui, ADD_TITLE)), why, sizeof why))
			ui_prompt_error(ui, "A new milestone needs a title");
		else
			ui_prompt_focus(ui, ADD_ID);
		return UI_HANDLED | UI_REDRAW;
	}
	if (resolve_date(ui, FIELD_DUE, ui_prompt_line(ui, ADD_DUE))) {
		ui_prompt_focus(ui, ADD_DUE); /* the absolute date, shown before it is saved */
		return UI_HANDLED | UI_REDRAW;
	}
	if (!add_fields_ok(ui))
		return UI_HANDLED | UI_REDRAW;
	char *v[UI_FORM_FIELDS];
	for (int i = 0; i < UI_FORM_FIELDS; i++)
		v[i] = ui_strdup(lineedit_text(ui_prompt_line(ui, i)));
	char *group = e->add_group;
	e->add_group = NULL;
	ui_pop(ui);
	clear_drafts(ui);
	add_milestone(ui, group, v);
	for (int i = 0; i < UI_FORM_FIELDS; i++)
		free(v[i]);
	free(group);
	return UI_HANDLED | UI_RELAYOUT;
}

static unsigned delete_yes(struct ui *ui)
{
	struct ui_edit *e = ui->edit;
	if (e->p_id) {
		struct edit ed = { .kind = EDIT_REMOVE, .milestone_id = e->p_id };
		ui_edit_save(ui, &ed, true, false);
	}
	clear_pending(e);
	return UI_HANDLED | UI_RELAYOUT;
}

static unsigned delete_no(struct ui *ui)
{
	ui_message(ui, "Not deleted");
	clear_pending(ui->edit);
	return UI_HANDLED | UI_RELAYOUT;
}

unsigned ui_act_delete(struct ui *ui, enum ui_request req)
{
	(void)req;
	const struct milestone *ms = selected(ui);
	if (!ms || ui_live_refused(ui))
		return UI_HANDLED | UI_REDRAW;
	struct ui_edit *e = ui->edit;
	clear_pending(e);
	e->p_id = ui_strdup(ms->id);
	char t[96];
	short_value(ms->title, t, sizeof t);
	struct ui_question q = {
		.title = "Delete?",
		.choices = { { UI_REQ_ANSWER_YES, "deletes", NULL, delete_yes, false },
		             { UI_REQ_ANSWER_NO, "keeps it", NULL, delete_no, true } },
	};
	snprintf(q.text, sizeof q.text, "Delete '%s' (%s)?", t, ms->id);
	ui_confirm_open(ui, &q);
	return UI_HANDLED | UI_RELAYOUT;
}

/* "use mine": the pending edit again, forced. */
static unsigned conflict_mine(struct ui *ui)
{
	struct ui_edit *e = ui->edit;
	if (e->p_id) {
		struct edit ed = e->pending;
		ed.force = true;
		ui_edit_save(ui, &ed, true, false);
	}
	clear_pending(e);
	return UI_HANDLED | UI_RELAYOUT;
}

static unsigned conflict_theirs(struct ui *ui)
{
	struct ui_edit *e = ui->edit;
	ui_live_check(ui); /* show theirs now */
	ui_message(ui, "Kept their value of %s; nothing was written", e->p_id ? e->p_id : "the milestone");
	clear_pending(e);
	return UI_HANDLED | UI_RELAYOUT;
}

/* --- undo and redo ------------------------------------------------------- */

/* The text around a deleted milestone changed, or someone changed one this
 * session added: undo asks before going ahead. */
static unsigned undo_anyway(struct ui *ui)
{
	undo_answer_anyway(&ui->edit->undo);
	return ui_act_undo(ui, UI_REQ_UNDO);
}

static unsigned undo_keep(struct ui *ui)
{
	ui_live_check(ui); /* show theirs now */
	ui_message(ui, "Not undone; nothing was written");
	clear_pending(ui->edit);
	return UI_HANDLED | UI_RELAYOUT;
}

static void ask_undo_anyway(struct ui *ui, const struct undo_plan *plan)
{
	const char *id = plan->edits[0].milestone_id;
	struct ui_question q = {
		.title = "Undo anyway?",
		.choices = { { UI_REQ_ANSWER_THEIRS, "keep it as it is", "keep", undo_keep, true },
		             { UI_REQ_ANSWER_MINE, "undo anyway", "undo", undo_anyway, false } },
	};
	if (plan->has_restore)
		snprintf(q.text, sizeof q.text,
		         "The lines around %s changed since you deleted it. Put it back from its fields at the end "
		         "of its group (its comments and other keys stay lost)?", id);
	else
		snprintf(q.text, sizeof q.text, "Someone changed %s since you added it. Remove it anyway, with their changes?",
		         id);
	ui_confirm_open(ui, &q);
}

/* Undoes (redoes) one step: false after saying why it could not. */
static bool undo_step(struct ui *ui, bool redo)
{
	struct undo *u = &ui->edit->undo;
	struct undo_plan plan;
	if (redo)
		undo_plan_redo(u, &plan);
	else
		undo_plan_undo(u, &plan);
	for (size_t i = 0; i < plan.count; i++) {
		ui->edit->undo_plan = i == 0 ? &plan : NULL; /* its checks go with the first edit */
		struct ui_saved saved = ui_edit_save(ui, &plan.edits[i], false, false);
		ui->edit->undo_plan = NULL;
		if (saved.status != STORE_OK) {
			ui_error(ui, "%s %s", redo ? "Not redone:" : "Not undone:", saved.why);
			if (saved.status == STORE_CONFLICT && (plan.has_restore || plan.expect_bytes))
				ask_undo_anyway(ui, &plan);
			return false;
		}
	}
	if (redo)
		redo_done(u);
	else
		undo_done(u);
	if (plan.count && plan.edits[0].kind != EDIT_REMOVE) {
		long m = charter_find_milestone(&ui->charter, plan.edits[0].milestone_id);
		if (m >= 0)
			view_select_milestone(&ui->view, (size_t)m);
	}
	return true;
}

/* u and Ctrl-R: a step and the steps saved with it (one `e`). */
unsigned ui_act_undo(struct ui *ui, enum ui_request req)
{
	bool redo = req == UI_REQ_REDO;
	struct undo *u = &ui->edit->undo;
	if (redo ? !undo_can_redo(u) : !undo_can_undo(u)) {
		ui_message(ui, redo ? "Nothing to redo" : "Nothing to undo (only your own changes in this session)");
		return UI_HANDLED | UI_REDRAW;
	}
	if (ui_live_refused(ui))
		return UI_HANDLED | UI_REDRAW;
	size_t n = undo_group_size(u, redo);
	/* the message names the group's first field: "status and 1 more" */
	const struct undo_step *first = &u->steps[redo ? u->done : u->done - n];
	char what[64];
	snprintf(what, sizeof what, "%s", first->kind == EDIT_SET ? field_name(first->field)
	                                  : first->kind == EDIT_ADD ? "adding" : "deleting");
	char id[256];
	snprintf(id, sizeof id, "%s", first->id ? first->id : "");
	for (size_t k = 0; k < n; k++)
		if (!undo_step(ui, redo))
			return UI_HANDLED | UI_RELAYOUT;
	if (n > 1 && first->kind == EDIT_SET) /* an add's fields are the add's */
		ui_message(ui, "%s %s and %zu more of %s (%s)", redo ? "Redone:" : "Undone:", what, n - 1, id,
		           redo ? "u undoes again" : "Ctrl-R redoes");
	else
		ui_message(ui, "%s %s of %s (%s)", redo ? "Redone:" : "Undone:", what, id,
		           redo ? "u undoes again" : "Ctrl-R redoes");
	snprintf(ui->saved_note, sizeof ui->saved_note, "%s", ui->message);
	return UI_HANDLED | UI_RELAYOUT;
}

/* --- notes in $EDITOR ------------------------------------------------------- */

/* The edited file, whole (notes are small: 4 MiB at most). */
static char *read_back(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t len;
	char *text = fsio_read_all(f, 0, (size_t)4 << 20, &len);
	fclose(f);
	return text;
}

/* Runs the editor on `text`; the edited text (caller frees) or NULL with
 * the reason on the message line. The temporary file lives beside the
 * data file (never /tmp: notes may be private) and is always removed. */
static char *run_editor(struct ui *ui, const char *text)
{
	char *real = fsio_real_path(ui->path);
	const char *file = real ? real : ui->path;
	const char *slash = strrchr(file, '/');
	char *dir = fsio_dir_of(file);
	char tmpl[4200];
	snprintf(tmpl, sizeof tmpl, "%s/.%s.notes.XXXXXX", dir ? dir : ".", slash ? slash + 1 : file);
	free(dir);
	free(real);
	int fd = mkstemp(tmpl);
	if (fd < 0) {
		ui_error(ui, "Cannot create a temporary file beside the data file: %s", strerror(errno));
		return NULL;
	}
	bool ok = fsio_write_all(fd, text, strlen(text));
	ok = close(fd) == 0 && ok;
	if (!ok) {
		unlink(tmpl);
		ui_error(ui, "Cannot write the notes to %s", tmpl);
		return NULL;
	}
	const char *env = getenv("VISUAL"); /* the full-screen editor, as the convention goes */
	if (!env || !*env)
		env = getenv("EDITOR");
	char *cmd = ui_strdup(env && *env ? env : "vi");
	char *argv[34];
	size_t argc = cmd ? str_split_words(cmd, argv, 33) : 0; /* room for the file */
	if (argc == 0) {
		free(cmd);
		unlink(tmpl);
		ui_error(ui, "EDITOR is empty");
		return NULL;
	}
	argv[argc++] = tmpl;
	argv[argc] = NULL;
	int status = ui_term_run(ui, argv, NULL, 0);
	char *out = NULL;
	if (status < 0)
		ui_error(ui, "Cannot start the editor: %s", strerror(errno));
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		ui_error(ui, "The editor (%s) did not finish cleanly (status %d); notes not saved", argv[0],
		         WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	else if (!(out = read_back(tmpl)))
		ui_error(ui, "Cannot read the edited notes back");
	unlink(tmpl);
	free(cmd);
	return out;
}

unsigned ui_edit_external(struct ui *ui, enum ui_request req)
{
	bool in_editor = req == UI_REQ_PROMPT_EDITOR; /* Ctrl-O in the editor, else E */
	if (in_editor && !(ui_prompt_form(ui) && ui_prompt_form(ui)->external))
		return UI_HANDLED;
	const int notes = 3; /* edit_fields' */
	char *seen = NULL, *id = NULL;
	const char *text;
	if (in_editor) {
		text = lineedit_text(ui_prompt_line(ui, notes));
	} else {
		const struct milestone *ms = selected(ui);
		if (!ms || ui_live_refused(ui))
			return UI_HANDLED | UI_REDRAW;
		text = ms->notes ? ms->notes : "";
		seen = ui_strdup(ms->notes);
		id = ui_strdup(ms->id);
	}
	char *start = ui_strdup(text);
	char *out = start ? run_editor(ui, start) : NULL;
	if (out) {
		/* editors end the last line with a newline: drop it unless the
		 * notes had one (a literal block keeps its own) */
		size_t n = strlen(out), s = strlen(start);
		if (n && out[n - 1] == '\n' && !(s && start[s - 1] == '\n'))
			out[--n] = '\0';
		if (in_editor) {
			lineedit_set(ui_prompt_line(ui, notes), out);
			ui_prompt_focus(ui, notes);
			free(out);
			free(start);
			return commit_edit(ui);
		}
		if (strcmp(out, start) == 0) {
			ui_message(ui, "Notes unchanged");
		} else {
			struct edit ed = {
				.kind = EDIT_SET, .milestone_id = id, .field = FIELD_NOTES,
				.check_seen = true, .seen = seen, .value = *out ? out : NULL,
			};
			ui_edit_save(ui, &ed, true, true);
		}
	}
	free(out);
	free(start);
	free(seen);
	free(id);
	return UI_HANDLED | UI_RELAYOUT;
}
