/* view — panes, selection anchored to ids, sort, filter and search. */
#include "charterdash/report/view.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/report/progress.h"
#include "charterdash/report/report.h"
#include "charterdash/core/strutil.h"
#include "charterdash/core/text.h"

static const char *const sort_labels[] = { "attention", "file order", "due date", "status" };

const char *view_sort_label(enum view_sort s)
{
	return (unsigned)s < VIEW_SORT_COUNT ? sort_labels[s] : "?";
}

/* Replaces an owned string; false when the copy fails. */
static bool set_string(char **dst, const char *src)
{
	char *copy = NULL;
	if (src && !(copy = strdup(src)))
		return false;
	free(*dst);
	*dst = copy;
	return true;
}

/* --- sorting ------------------------------------------------------------ */

/* Status order for "sort by status": what needs attention first. */
static int status_rank(enum status s)
{
	switch (s) {
	case STATUS_BLOCKED: return 0;
	case STATUS_IN_PROGRESS: return 1;
	case STATUS_NOT_STARTED: return 2;
	default: return 3;
	}
}

/* Rank for "attention" order: what a facilitator looks at first. */
static int attention_rank(const struct charter *c, const struct milestone *m, struct date today)
{
	if (m->status == STATUS_DONE)
		return 4;
	enum attention a = progress_attention(c, m, today);
	return a == ATTENTION_NONE ? 3 : (int)a - ATTENTION_OVERDUE; /* overdue 0, blocked 1, due soon 2 */
}

/* A row's place in `sort` as one number, computed once per row before
 * sorting (not in every comparison): the rank in its high bits, then the
 * due date (no date yet after every date); file order breaks ties. */
static long long sort_key(const struct view *v, enum view_sort sort, size_t m)
{
	const struct charter *c = v->c;
	const struct milestone *ms = &c->milestones[m];
	if (sort == VIEW_SORT_FILE)
		return 0;
	long long rank = sort == VIEW_SORT_STATUS ? status_rank(ms->status)
	                 : sort == VIEW_SORT_ATTENTION ? attention_rank(c, ms, v->today)
	                                               : 0;
	/* serials of years 1..9999 fit in 2^30 either side of 0 */
	long long day = milestone_has_date(ms) ? date_to_serial(milestone_due(c, ms)) + (1LL << 30) : (1LL << 40) - 1;
	return rank << 40 | day;
}

/* Stable merge sort of n rows (milestone indices of a group starting at
 * `first`) by keys[row - first]; tmp holds n. */
static void sort_rows(const long long *keys, size_t first, size_t *rows, size_t *tmp, size_t n)
{
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = keys[rows[i] - first] <= keys[rows[j] - first] ? rows[i++] : rows[j++];
			while (i < mid)
				tmp[k++] = rows[i++];
			while (j < hi)
				tmp[k++] = rows[j++];
		}
		memcpy(rows, tmp, n * sizeof *rows);
	}
}

void view_due_short(const struct charter *c, const struct milestone *m, struct date today, char *buf,
                    size_t size)
{
	if (!size)
		return;
	if (!milestone_has_date(m)) {
		snprintf(buf, size, "no date");
		return;
	}
	struct date due = milestone_due(c, m);
	long days = date_days_between(today, due);
	if (m->status == STATUS_DONE || days > 999 || days < -999) {
		char d[DATE_TEXT_SIZE];
		date_format(due, d);
		snprintf(buf, size, "%s", d);
	} else if (days == 0) {
		snprintf(buf, size, "today");
	} else if (days < 0) {
		snprintf(buf, size, "%ld d late", -days);
	} else {
		snprintf(buf, size, "in %ld d", days);
	}
}

void view_done_short(const struct charter *c, const struct milestone *m, int room, char *buf, size_t size)
{
	char forms[3][48];
	long late;
	if (!m->has_completed) {
		snprintf(forms[0], sizeof forms[0], "done (date not recorded)");
		snprintf(forms[1], sizeof forms[1], "date unknown");
		snprintf(forms[2], sizeof forms[2], "no date");
	} else {
		report_done_words(c, m, true, forms[0], sizeof forms[0]);
		bool dated = milestone_late_days(c, m, &late);
		snprintf(forms[1], sizeof forms[1], "%.40s", !dated ? forms[0] + 5 : late <= 0 ? "on time" : forms[0] + 5);
		if (dated && late > 0)
			snprintf(forms[2], sizeof forms[2], "%ld d late", late);
		else
			snprintf(forms[2], sizeof forms[2], "%.40s", forms[1]);
	}
	int i = 0;
	while (i < 2 && (int)strlen(forms[i]) > room) /* ASCII: bytes are columns */
		i++;
	snprintf(buf, size, "%s", forms[i]);
}

/* --- rows and anchors --------------------------------------------------- */

void view_due_compact(const struct charter *c, const struct milestone *m, struct date today, char *buf,
                      size_t size)
{
	if (!size)
		return;
	if (!milestone_has_date(m)) {
		snprintf(buf, size, "-");
		return;
	}
	long days = date_days_between(today, milestone_due(c, m));
	long n = days < 0 ? -days : days;
	const char *unit = n > 999 ? "y" : "d";
	if (n > 999)
		n /= 365;
	if (m->status == STATUS_DONE) {
		/* when it was done, not when it was due (that would read as "on
		 * time"): the completion date's MM-DD, "?" when not recorded */
		char d[DATE_TEXT_SIZE];
		if (m->has_completed)
			date_format(m->completed, d);
		snprintf(buf, size, "%s", m->has_completed ? d + 5 : "?");
	} else if (days == 0) {
		snprintf(buf, size, "today");
	} else {
		snprintf(buf, size, "%s%ld%s", days < 0 ? "!" : "+", n, unit);
	}
}

bool view_filter_accepts(const struct view *v, size_t m)
{
	const struct milestone *ms = &v->c->milestones[m];
	if (!(v->filter.statuses & (1u << ms->status)))
		return false;
	if (v->filter.overdue_only && !progress_is_overdue(v->c, ms, v->today))
		return false;
	if (v->filter.owner && (!ms->owner || strcmp(ms->owner, v->filter.owner) != 0))
		return false;
	return true;
}

/* Recomputes pane p's rows for group g and puts the selection back on its
 * milestone id (or on the row that took its place). */
static bool build_rows(struct view *v, size_t p, size_t g)
{
	struct view_pane *pane = &v->panes[p];
	const struct group *grp = &v->c->groups[g];
	size_t *rows = malloc((grp->count ? grp->count : 1) * sizeof *rows);
	size_t *tmp = malloc((grp->count ? grp->count : 1) * sizeof *tmp);
	long long *keys = malloc((grp->count ? grp->count : 1) * sizeof *keys);
	if (!rows || !tmp || !keys) {
		free(rows);
		free(tmp);
		free(keys);
		return false;
	}
	size_t n = 0;
	for (size_t m = grp->first; m < grp->first + grp->count; m++)
		if (view_filter_accepts(v, m)) {
			keys[m - grp->first] = sort_key(v, pane->sort, m);
			rows[n++] = m;
		}
	if (pane->sort != VIEW_SORT_FILE) /* rows are in file order already */
		sort_rows(keys, grp->first, rows, tmp, n);
	free(tmp);
	free(keys);
	free(pane->rows);
	pane->rows = rows;
	pane->row_count = n;

	size_t sel = pane->sel;
	bool found = false;
	if (pane->selected_id) {
		for (size_t r = 0; r < n; r++) {
			const char *id = v->c->milestones[rows[r]].id;
			if (id && strcmp(id, pane->selected_id) == 0) {
				sel = r;
				found = true;
				break;
			}
		}
	}
	if (n == 0) {
		pane->sel = 0;
		pane->top = 0;
		return set_string(&pane->selected_id, NULL);
	}
	if (!found && sel >= n)
		sel = n - 1;
	pane->sel = sel;
	return found || set_string(&pane->selected_id, v->c->milestones[rows[sel]].id);
}

static void recount_matches(struct view *v)
{
	v->match_count = 0;
	if (!v->query || !v->match)
		return;
	for (size_t p = 0; p < v->pane_count; p++)
		for (size_t r = 0; r < v->panes[p].row_count; r++)
			v->match_count += v->match[v->panes[p].rows[r]];
}

static bool build_all(struct view *v)
{
	bool ok = true;
	for (size_t p = 0; p < v->pane_count; p++)
		ok = build_rows(v, p, p) && ok;
	recount_matches(v);
	return ok;
}

static void pane_fini(struct view_pane *p)
{
	free(p->group_id);
	free(p->selected_id);
	free(p->rows);
	memset(p, 0, sizeof *p);
}

bool view_init(struct view *v, const struct charter *c, struct date today)
{
	memset(v, 0, sizeof *v);
	v->c = c;
	v->today = today;
	v->filter.statuses = VIEW_ALL_STATUSES;
	if (c->group_count == 0)
		return true;
	v->panes = calloc(c->group_count, sizeof *v->panes);
	if (!v->panes)
		return false;
	v->pane_count = c->group_count;
	bool ok = true;
	for (size_t g = 0; g < c->group_count; g++) {
		struct view_pane *p = &v->panes[g];
		p->group_id = str_dup_opt(c->groups[g].id, &ok);
		/* no anchor yet: build_rows selects the first row shown */
		if (!build_rows(v, g, g))
			ok = false;
	}
	return ok;
}

void view_fini(struct view *v)
{
	for (size_t p = 0; p < v->pane_count; p++)
		pane_fini(&v->panes[p]);
	free(v->panes);
	free(v->filter.owner);
	free(v->query);
	free(v->match);
	free(v->progress);
	memset(v, 0, sizeof *v);
}

static void forget_progress(struct view *v)
{
	free(v->progress);
	v->progress = NULL;
}

/* All groups' progress and the charter's, counted at once: NULL when
 * memory runs out (callers then count what they need each time). */
static const struct progress *progress_table(struct view *v)
{
	if (v->progress)
		return v->progress;
	v->progress = malloc((v->c->group_count + 1) * sizeof *v->progress);
	if (!v->progress)
		return NULL;
	for (size_t g = 0; g < v->c->group_count; g++)
		progress_group(v->c, g, v->today, &v->progress[g]);
	progress_charter(v->c, v->today, &v->progress[v->c->group_count]);
	return v->progress;
}

const struct progress *view_group_progress(struct view *v, size_t g)
{
	const struct progress *t = progress_table(v);
	if (t)
		return &t[g];
	progress_group(v->c, g, v->today, &v->progress_scratch);
	return &v->progress_scratch;
}

const struct progress *view_charter_progress(struct view *v)
{
	const struct progress *t = progress_table(v);
	if (t)
		return &t[v->c->group_count];
	progress_charter(v->c, v->today, &v->progress_scratch);
	return &v->progress_scratch;
}

static bool compute_matches(struct view *v)
{
	free(v->match);
	v->match = NULL;
	v->match_count = 0;
	if (!v->query)
		return true;
	v->match = calloc(v->c->milestone_count ? v->c->milestone_count : 1, sizeof *v->match);
	if (!v->match)
		return false;
	for (size_t m = 0; m < v->c->milestone_count; m++)
		v->match[m] = view_milestone_matches(&v->c->milestones[m], v->query);
	recount_matches(v);
	return true;
}

bool view_rebind(struct view *v, const struct charter *c)
{
	struct view_pane *old = v->panes;
	size_t old_count = v->pane_count;
	const char *focus_id = old_count ? old[v->focus].group_id : NULL;
	size_t focus = v->focus;

	struct view_pane *panes = c->group_count ? calloc(c->group_count, sizeof *panes) : NULL;
	if (c->group_count && !panes)
		return false;
	bool ok = true;
	for (size_t g = 0; g < c->group_count; g++) {
		struct view_pane *p = &panes[g];
		const char *gid = c->groups[g].id;
		struct view_pane *prev = NULL;
		for (size_t k = 0; gid && k < old_count; k++)
			if (old[k].group_id && strcmp(old[k].group_id, gid) == 0) {
				prev = &old[k];
				break;
			}
		if (prev) { /* take over the anchors */
			p->group_id = prev->group_id;
			p->selected_id = prev->selected_id;
			p->sort = prev->sort;
			p->sel = prev->sel;
			p->top = prev->top;
			p->shown = prev->shown;
			prev->group_id = prev->selected_id = NULL;
		} else {
			p->group_id = str_dup_opt(gid, &ok);
		}
	}
	/* the focus follows its group id; a vanished group leaves it in place */
	size_t new_focus = focus < c->group_count ? focus : (c->group_count ? c->group_count - 1 : 0);
	if (focus_id)
		for (size_t g = 0; g < c->group_count; g++)
			if (panes[g].group_id && strcmp(panes[g].group_id, focus_id) == 0) {
				new_focus = g;
				break;
			}
	for (size_t k = 0; k < old_count; k++)
		pane_fini(&old[k]);
	free(old);

	forget_progress(v);
	v->c = c;
	v->panes = panes;
	v->pane_count = c->group_count;
	v->focus = new_focus;
	if (!v->pane_count)
		v->zoom = false;
	ok = compute_matches(v) && ok;
	return build_all(v) && ok;
}

bool view_set_today(struct view *v, struct date today)
{
	v->today = today;
	forget_progress(v);
	return build_all(v);
}

struct view_pane *view_focused(struct view *v)
{
	return v->pane_count ? &v->panes[v->focus] : NULL;
}

long view_selected(const struct view *v)
{
	if (!v->pane_count)
		return -1;
	const struct view_pane *p = &v->panes[v->focus];
	return p->row_count ? (long)p->rows[p->sel] : -1;
}

static bool select_row(struct view *v, struct view_pane *p, size_t row)
{
	if (!p->row_count)
		return false;
	if (row >= p->row_count)
		row = p->row_count - 1;
	bool changed = row != p->sel;
	p->sel = row;
	/* out of memory keeps the old anchor: the row still shows right */
	set_string(&p->selected_id, v->c->milestones[p->rows[row]].id);
	return changed;
}

bool view_move(struct view *v, long delta)
{
	struct view_pane *p = view_focused(v);
	if (!p || !p->row_count)
		return false;
	long row = (long)p->sel + delta;
	if (row < 0)
		row = 0;
	return select_row(v, p, (size_t)row);
}

bool view_move_to(struct view *v, size_t row)
{
	struct view_pane *p = view_focused(v);
	return p && select_row(v, p, row);
}

bool view_step(struct view *v, int dir, int cols)
{
	struct view_pane *p = view_focused(v);
	if (!p)
		return false;
	if (cols < 1)
		cols = 1;
	if (dir > 0 && p->row_count && p->sel + 1 < p->row_count)
		return view_move(v, 1);
	if (dir < 0 && p->row_count && p->sel > 0)
		return view_move(v, -1);
	/* at an edge (or an empty pane): the pane below or above */
	size_t target;
	if (dir > 0) {
		target = v->focus + (size_t)cols;
		if (target >= v->pane_count)
			return false;
	} else {
		if (v->focus < (size_t)cols)
			return false;
		target = v->focus - (size_t)cols;
	}
	view_focus(v, target);
	struct view_pane *t = &v->panes[target];
	size_t last = t->shown && t->shown < t->row_count ? t->shown : t->row_count;
	if (t->row_count)
		select_row(v, t, dir > 0 ? 0 : last - 1);
	return true;
}

bool view_focus(struct view *v, size_t pane)
{
	if (!v->pane_count)
		return false;
	if (pane >= v->pane_count)
		pane = v->pane_count - 1;
	bool changed = pane != v->focus;
	if (changed)
		v->panes[v->focus].top = 0;
	v->focus = pane;
	return changed;
}

bool view_focus_step(struct view *v, long delta, bool wrap)
{
	if (!v->pane_count)
		return false;
	long n = (long)v->pane_count;
	long target = (long)v->focus + delta;
	if (wrap)
		target = ((target % n) + n) % n;
	else if (target < 0)
		target = 0;
	else if (target >= n)
		target = n - 1;
	return view_focus(v, (size_t)target);
}

bool view_change_pane(struct view *v, long delta, bool wrap)
{
	if (!v->pane_count)
		return false;
	const struct view_pane *old = &v->panes[v->focus];
	size_t screen_row = old->sel >= old->top ? old->sel - old->top : 0;
	if (!view_focus_step(v, delta, wrap))
		return false;
	struct view_pane *p = &v->panes[v->focus];
	p->top = 0;
	bool on_first_screen = screen_row < p->row_count && (!p->shown || screen_row < p->shown);
	select_row(v, p, on_first_screen ? screen_row : 0);
	return true;
}

long view_keep_row(struct view *v, size_t row)
{
	struct view_pane *p = view_focused(v);
	if (!p || !p->row_count)
		return -1;
	size_t went = p->sel;
	if (row >= p->row_count)
		row = p->row_count - 1;
	if (went == row)
		return -1;
	select_row(v, p, row);
	return (long)went;
}

long view_row_of(const struct view *v, size_t pane, size_t m)
{
	if (pane >= v->pane_count)
		return -1;
	const struct view_pane *p = &v->panes[pane];
	for (size_t r = 0; r < p->row_count; r++)
		if (p->rows[r] == m)
			return (long)r;
	return -1;
}

bool view_select_milestone(struct view *v, size_t m)
{
	if (m >= v->c->milestone_count)
		return false;
	size_t pane = v->c->milestones[m].group;
	long row = view_row_of(v, pane, m);
	if (row < 0)
		return false;
	v->focus = pane;
	select_row(v, &v->panes[pane], (size_t)row);
	return true;
}

bool view_set_sort(struct view *v, size_t pane, enum view_sort sort)
{
	if (pane >= v->pane_count || (unsigned)sort >= VIEW_SORT_COUNT)
		return false;
	v->panes[pane].sort = sort;
	return build_rows(v, pane, pane);
}

enum view_sort view_cycle_sort(struct view *v)
{
	struct view_pane *p = view_focused(v);
	if (!p)
		return VIEW_SORT_ATTENTION;
	view_set_sort(v, v->focus, (enum view_sort)((p->sort + 1) % VIEW_SORT_COUNT));
	return p->sort;
}

/* --- filter ------------------------------------------------------------- */

bool view_set_filter(struct view *v, const struct view_filter *f)
{
	char *owner = NULL;
	if (f->owner && !(owner = strdup(f->owner)))
		return false;
	free(v->filter.owner);
	v->filter.statuses = f->statuses & VIEW_ALL_STATUSES;
	v->filter.overdue_only = f->overdue_only;
	v->filter.owner = owner;
	return build_all(v);
}

void view_clear_filter(struct view *v)
{
	struct view_filter none = { VIEW_ALL_STATUSES, false, NULL };
	view_set_filter(v, &none);
}

bool view_filter_active(const struct view *v)
{
	return v->filter.statuses != VIEW_ALL_STATUSES || v->filter.overdue_only || v->filter.owner;
}

void view_filter_describe(const struct view *v, char *buf, size_t size)
{
	if (!size)
		return;
	buf[0] = '\0';
	size_t used = 0;
#define ADD(...) \
	do { \
		if (used < size) { \
			int n_ = snprintf(buf + used, size - used, __VA_ARGS__); \
			if (n_ > 0) \
				used += (size_t)n_; \
		} \
	} while (0)
	if (v->filter.statuses != VIEW_ALL_STATUSES) {
		static const enum status order[] = { STATUS_NOT_STARTED, STATUS_IN_PROGRESS, STATUS_BLOCKED,
		                                     STATUS_DONE };
		bool first = true;
		for (size_t i = 0; i < STATUS_COUNT; i++) {
			if (!(v->filter.statuses & (1u << order[i])))
				continue;
			ADD("%s%s", first ? "" : ", ", status_label(order[i]));
			first = false;
		}
		if (first)
			ADD("no status");
	}
	if (v->filter.overdue_only)
		ADD("%soverdue", used ? " \xc2\xb7 " : "");
	if (v->filter.owner)
		ADD("%sowner %s", used ? " \xc2\xb7 " : "", v->filter.owner);
#undef ADD
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **view_owners(const struct charter *c, size_t *count)
{
	*count = 0;
	const char **list = malloc((c->milestone_count ? c->milestone_count : 1) * sizeof *list);
	if (!list)
		return NULL;
	size_t n = 0;
	for (size_t m = 0; m < c->milestone_count; m++)
		if (c->milestones[m].owner && *c->milestones[m].owner)
			list[n++] = c->milestones[m].owner;
	qsort(list, n, sizeof *list, compare_strings);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (u == 0 || strcmp(list[u - 1], list[i]) != 0)
			list[u++] = list[i];
	if (u == 0) {
		free(list);
		return NULL;
	}
	*count = u;
	return list;
}

/* --- search ------------------------------------------------------------- */

bool view_milestone_matches(const struct milestone *m, const char *query)
{
	return text_find(m->title, query, NULL, NULL) || text_find(m->owner, query, NULL, NULL) ||
	       text_find(m->notes, query, NULL, NULL);
}

size_t view_search(struct view *v, const char *query)
{
	free(v->query);
	v->query = NULL;
	if (query && *query)
		v->query = strdup(query);
	if (!compute_matches(v)) {
		free(v->query);
		v->query = NULL;
	}
	return v->match_count;
}

bool view_is_match(const struct view *v, size_t m)
{
	return v->match && m < v->c->milestone_count && v->match[m];
}

bool view_search_next(struct view *v, int dir)
{
	if (!v->match_count || !v->pane_count)
		return false;
	/* walk the shown rows in display order, starting after the selection */
	size_t total = 0;
	for (size_t p = 0; p < v->pane_count; p++)
		total += v->panes[p].row_count;
	if (!total)
		return false;
	size_t pos = 0; /* the selection's position in display order */
	for (size_t p = 0; p < v->focus; p++)
		pos += v->panes[p].row_count;
	pos += v->panes[v->focus].row_count ? v->panes[v->focus].sel : 0;
	bool on_row = v->panes[v->focus].row_count != 0;
	for (size_t step = 1; step <= total; step++) {
		size_t at;
		if (dir > 0)
			at = (pos + step - (on_row ? 0 : 1)) % total;
		else
			at = (pos + total - step) % total;
		size_t p = 0;
		while (at >= v->panes[p].row_count) {
			at -= v->panes[p].row_count;
			p++;
		}
		size_t m = v->panes[p].rows[at];
		if (v->match[m]) {
			v->focus = p;
			select_row(v, &v->panes[p], at);
			return true;
		}
	}
	return false;
}

size_t view_match_position(const struct view *v)
{
	long sel = view_selected(v);
	if (sel < 0 || !view_is_match(v, (size_t)sel))
		return 0;
	size_t pos = 0;
	for (size_t p = 0; p < v->pane_count; p++)
		for (size_t r = 0; r < v->panes[p].row_count; r++) {
			size_t m = v->panes[p].rows[r];
			if (v->match[m])
				pos++;
			if (p == v->focus && r == v->panes[p].sel)
				return pos;
		}
	return 0;
}
