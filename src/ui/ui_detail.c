/* ui_detail — one milestone in full: title and notes wrapped to the width,
 * status, owner, due date with days to or past it, its group, where it is
 * in the file, and every other key the milestone has (read-only), so
 * nothing in the file is hidden from the user. */
#include "ui_detail.h"
#include "ui_changes.h"
#include "ui_live.h"
#include "ui_screens.h"
#include "ui_state.h"
#include "ui_term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/report/progress.h"
#include "charterdash/report/report.h"
#include "charterdash/core/text.h"
#include "charterdash/core/buf.h"

#define LABEL_W 10 /* "Status    " */
#define HISTORY_LINES 50

struct dline {
	char *label; /* NULL: a continuation */
	char *text;
	enum ui_role role;
	bool heading;
};

struct dlines {
	struct dline *v;
	size_t n, cap;
	int width; /* of the value column */
};

static void add(struct dlines *d, const char *label, const char *text, size_t len, enum ui_role role)
{
	struct dline *v = buf_grow_array(d->v, &d->cap, d->n, sizeof *v, 32);
	if (!v)
		return;
	d->v = v;
	struct dline *l = &d->v[d->n];
	l->label = label ? strdup(label) : NULL;
	l->text = malloc(len + 1);
	if (!l->text || (label && !l->label)) {
		free(l->label);
		free(l->text);
		return;
	}
	memcpy(l->text, text, len);
	l->text[len] = '\0';
	l->role = role;
	l->heading = false;
	d->n++;
}

/* Adds `text` wrapped to the value column, the label on its first line. */
static void add_wrapped(struct dlines *d, const char *label, const char *text, enum ui_role role)
{
	if (!text || !*text) {
		add(d, label, "", 0, role);
		return;
	}
	size_t n = text_wrap(text, (size_t)(d->width > 0 ? d->width : 1), NULL, 0);
	struct text_span *lines = malloc((n ? n : 1) * sizeof *lines);
	if (!lines)
		return;
	text_wrap(text, (size_t)(d->width > 0 ? d->width : 1), lines, n);
	for (size_t i = 0; i < n; i++)
		add(d, i == 0 ? label : NULL, text + lines[i].start, lines[i].len, role);
	free(lines);
}

/* A line across the whole width (no label column), wrapped there: a
 * history line is never cut. */
static void add_full(struct dlines *d, const char *text, enum ui_role role)
{
	size_t cols = (size_t)(d->width + LABEL_W > 0 ? d->width + LABEL_W : 1);
	struct text_span stack[8], *lines = stack;
	size_t n = text_wrap(text, cols, NULL, 0);
	if (n > 8 && !(lines = malloc(n * sizeof *lines)))
		return;
	text_wrap(text, cols, lines, n);
	for (size_t i = 0; i < (n ? n : 1); i++) {
		size_t before = d->n;
		if (n)
			add(d, NULL, text + lines[i].start, lines[i].len, role);
		else
			add(d, NULL, "", 0, role);
		if (d->n > before)
			d->v[d->n - 1].heading = true;
	}
	if (lines != stack)
		free(lines);
}

static void add_heading(struct dlines *d, const char *text)
{
	add_full(d, text, ROLE_LABEL);
}

static void free_lines(struct dlines *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].label);
		free(d->v[i].text);
	}
	free(d->v);
}

static bool known_key(const char *k)
{
	static const char *const keys[] = { "id", "title", "status", "due", "owner", "notes", "completed" };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(keys[i], k) == 0)
			return true;
	return false;
}

/* A collection as it is written in the file, dedented. */
static void add_source_block(struct dlines *d, struct doc *doc, uint32_t node)
{
	const struct doc_node *nd = doc_node(doc, node);
	const char *src = doc->src + nd->start;
	size_t len = nd->end - nd->start;
	/* the first line starts at the node; later ones carry the indentation
	 * of the file: remove the smallest */
	size_t indent = SIZE_MAX;
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(src + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - src) : len;
		if (at > 0) {
			size_t sp = 0;
			while (at + sp < end && src[at + sp] == ' ')
				sp++;
			if (at + sp < end && sp < indent)
				indent = sp;
		}
		at = nl ? end + 1 : len;
	}
	if (indent == SIZE_MAX)
		indent = 0;
	int shown = 0;
	for (size_t at = 0; at < len && shown < 200; shown++) {
		const char *nl = memchr(src + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - src) : len;
		size_t from = at;
		if (at > 0)
			for (size_t k = 0; k < indent && from < end && src[from] == ' '; k++)
				from++;
		while (end > from && (src[end - 1] == '\r' || src[end - 1] == ' '))
			end--;
		if (end > from || at == 0)
			add(d, NULL, src + from, end - from, ROLE_DIM);
		at = nl ? (size_t)(nl - src) + 1 : len;
	}
}

/* The title, the fields, the group and where it is in the file. */
static void add_fields(struct ui *ui, const struct milestone *ms, struct dlines *d)
{
	struct charter *c = &ui->charter;
	const struct group *g = &c->groups[ms->group];
	struct date today = ui->opt.today;
	char buf[512], date[DATE_TEXT_SIZE], days[48];

	int full = d->width;
	d->width = full + LABEL_W; /* the title spans the label column too */
	add_wrapped(d, NULL, ms->title, ROLE_TITLE);
	d->width = full;
	add(d, NULL, "", 0, ROLE_NORMAL);

	snprintf(buf, sizeof buf, "%s %s", ui->scr->g->status[ms->status], status_label(ms->status));
	add(d, "Status", buf, strlen(buf), ui_status_role(ms->status));
	const struct ui_mark *mark = ui_live_mark_of(ui, ms->id);
	if (mark) { /* someone else, a moment ago */
		ui_live_mark_text(ui, mark, buf, sizeof buf);
		add_wrapped(d, "", buf, ROLE_AT_RISK);
	}

	struct date due = milestone_due(c, ms);
	long left = date_days_between(today, due);
	bool overdue = progress_is_overdue(c, ms, today);
	date_format(due, date);
	report_days(left, days, sizeof days);
	if (!milestone_has_date(ms))
		snprintf(buf, sizeof buf, "no date yet");
	else
		snprintf(buf, sizeof buf, "%s%s, %s%s", date,
		         ms->has_due ? "" : " (the roadmap deadline: no due date of its own)", days,
		         overdue ? " - OVERDUE" : "");
	add_wrapped(d, "Due", buf, overdue ? ROLE_OVERDUE : ROLE_NORMAL);
	if (ms->status == STATUS_DONE || ms->has_completed) { /* when it was done, beside when it was due */
		if (ms->status == STATUS_DONE) {
			report_done_words(c, ms, false, buf, sizeof buf);
		} else {
			date_format(ms->completed, date);
			snprintf(buf, sizeof buf, "%s, but it is not done", date);
		}
		add_wrapped(d, "Completed", buf, ms->has_completed ? ROLE_NORMAL : ROLE_DIM);
	}

	add_wrapped(d, "Owner", ms->owner ? ms->owner : "(none)", ms->owner ? ROLE_NORMAL : ROLE_DIM);

	const struct progress p = *view_group_progress(&ui->view, ms->group);
	snprintf(buf, sizeof buf, "%s (%s): %zu/%zu  %d%%, %s", g->name ? g->name : "", g->id ? g->id : "",
	         p.counts[STATUS_DONE], p.total, p.percent, state_label(p.state));
	add_wrapped(d, "Group", buf, ROLE_NORMAL);

	add_wrapped(d, "Id", ms->id ? ms->id : "", ROLE_NORMAL);

	unsigned line, col;
	doc_position(&c->doc, doc_node(&c->doc, ms->node)->start, &line, &col);
	snprintf(buf, sizeof buf, "%s, line %u", c->path ? c->path : "", line);
	add_wrapped(d, "File", buf, ROLE_DIM);

	add(d, NULL, "", 0, ROLE_NORMAL);
	if (ms->notes && *ms->notes)
		add_wrapped(d, "Notes", ms->notes, ROLE_NORMAL);
	else
		add(d, "Notes", "(none)", 6, ROLE_DIM);
}

/* One key the dashboard does not know, with its value. */
static void add_other_key(struct dlines *d, struct doc *doc, const char *key, uint32_t v)
{
	uint32_t val = v == DOC_NONE ? DOC_NONE : doc_resolve(doc, v);
	const char *label = key;
	if (text_width(key) >= LABEL_W) { /* a long key gets a line of its own */
		add(d, key, "", 0, ROLE_NORMAL);
		label = NULL;
	}
	if (val == DOC_NONE || doc_is_null(doc, val)) {
		add(d, label, "(empty)", 7, ROLE_DIM);
	} else if (doc_node(doc, val)->kind == DOC_SCALAR) {
		add_wrapped(d, label, doc_scalar(doc, val), ROLE_NORMAL);
	} else {
		if (label)
			add(d, label, "", 0, ROLE_NORMAL);
		add_source_block(d, doc, val);
	}
}

/* Every other key of the milestone, in file order. */
static void add_other_keys(struct ui *ui, const struct milestone *ms, struct dlines *d)
{
	struct doc *doc = &ui->charter.doc;
	uint32_t map = doc_resolve(doc, ms->node);
	bool heading = false;
	for (uint32_t k = doc_node(doc, map)->first; k != DOC_NONE;) {
		uint32_t v = doc_node(doc, k)->next;
		const char *key = doc_scalar(doc, k);
		if (key && !known_key(key)) {
			if (!heading) {
				add(d, NULL, "", 0, ROLE_NORMAL);
				add_heading(d, "Other keys in the file");
				heading = true;
			}
			add_other_key(d, doc, key, v);
		}
		if (v == DOC_NONE)
			break;
		k = doc_node(doc, v)->next;
	}
}

/* Its history, newest first (FILE.history). */
static void add_history(struct ui *ui, const struct milestone *ms, struct dlines *d)
{
	char buf[512];
	add(d, NULL, "", 0, ROLE_NORMAL);
	add_heading(d, "History (newest first, times in UTC)");
	const struct history *h = ui_live_history_loaded(ui);
	size_t shown = 0, total = 0;
	for (size_t i = h ? h->count : 0; i-- > 0;) {
		const struct history_entry *e = &h->entries[i];
		if (!e->id || !ms->id || strcmp(e->id, ms->id) != 0)
			continue;
		total++;
		if (shown == HISTORY_LINES)
			continue;
		ui_history_line(e, false, buf, sizeof buf);
		add_full(d, buf, ROLE_NORMAL);
		shown++;
	}
	if (!h)
		add_full(d, "(the history file cannot be read)", ROLE_DIM);
	else if (!total)
		add_full(d, "(no changes recorded)", ROLE_DIM);
	else if (total > shown) {
		snprintf(buf, sizeof buf, "(%zu older: charterdash log --id %s FILE)", total - shown, ms->id);
		add_full(d, buf, ROLE_DIM);
	}
}

static void build(struct ui *ui, size_t m, struct dlines *d)
{
	const struct milestone *ms = &ui->charter.milestones[m];
	add_fields(ui, ms, d);
	add_other_keys(ui, ms, d);
	add_history(ui, ms, d);
}

unsigned ui_act_detail(struct ui *ui, enum ui_request req)
{
	(void)req;
	if (ui_selected(ui) < 0) {
		ui_message(ui, "No milestone selected here");
		return UI_HANDLED | UI_REDRAW;
	}
	ui->detail.top = 0;
	ui_push(ui, UI_MODE_DETAIL);
	return UI_HANDLED | UI_RELAYOUT;
}

static struct rect detail_rect(struct ui *ui)
{
	return ui->scr->regions.body;
}

static size_t *detail_scroll(struct ui *ui, size_t *lines)
{
	*lines = ui->detail.lines;
	return &ui->detail.top;
}

/* The lines the detail of the selected milestone takes in its window. */
static void detail_measure(struct ui *ui)
{
	(void)ui_live_history(ui); /* reloaded here, if it changed: the draw shows it */
	long m = ui_selected(ui);
	struct rect r = ui->scr->overlay_rect;
	if (m < 0)
		return; /* gone: the position waits for it to come back */
	struct dlines d = { NULL, 0, 0, r.w - 4 - LABEL_W };
	build(ui, (size_t)m, &d);
	ui->detail.lines = d.n;
	free_lines(&d);
	ui_scroll_clamp(&ui->detail.top, ui->detail.lines, r.h - 2);
}

static void detail_draw(struct ui *ui)
{
	WINDOW *w = ui->scr->overlay;
	struct rect r = ui->scr->overlay_rect;
	werase(w);
	long m = ui_selected(ui);
	char title[160];
	snprintf(title, sizeof title, "Milestone %s", m >= 0 && ui->charter.milestones[m].id ? ui->charter.milestones[m].id : "");
	struct rect box = { 0, 0, r.w, r.h };
	ui_box(ui, w, box, true, title);
	if (m < 0) {
		ui_put(ui, w, 1, 2, "The milestone is gone (the file changed).", r.w - 4, ROLE_DIM, true);
		return;
	}
	int inner = r.w - 4;
	struct dlines d = { NULL, 0, 0, inner - LABEL_W };
	build(ui, (size_t)m, &d);
	int height = r.h - 2;
	for (int y = 0; y < height && ui->detail.top + (size_t)y < d.n; y++) {
		const struct dline *l = &d.v[ui->detail.top + (size_t)y];
		if (l->heading) {
			ui_put(ui, w, 1 + y, 2, l->text, inner, l->role, true);
			continue;
		}
		int x = 2;
		if (l->label) {
			ui_put(ui, w, 1 + y, x, l->label, LABEL_W - 1, ROLE_LABEL, true);
			x += LABEL_W;
		} else if (l->role != ROLE_TITLE) {
			x += LABEL_W;
		}
		ui_put(ui, w, 1 + y, x, l->text, inner - (x - 2), l->role, true);
	}
	ui_scroll_mark(ui, w, r, ui->detail.top, height, d.n, true);
	free_lines(&d);
}

const struct ui_screen_ops ui_screen_detail = {
	.rect = detail_rect,
	.measure = detail_measure,
	.draw = detail_draw,
	.scroll_at = detail_scroll,
};
