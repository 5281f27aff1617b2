/* agenda — the four sections a meeting goes through. */
#include "charterdash/report/agenda.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/report/progress.h"
#include "charterdash/core/strmap.h"

/* sort_open_work puts each bucket in its section by this correspondence */
_Static_assert(AGENDA_OVERDUE == ATTENTION_OVERDUE - ATTENTION_OVERDUE &&
                   AGENDA_BLOCKED == ATTENTION_BLOCKED - ATTENTION_OVERDUE &&
                   AGENDA_DUE_SOON == ATTENTION_DUE_SOON - ATTENTION_OVERDUE,
               "the agenda's open sections are the attention buckets");

static const char *const section_keys[] = { "overdue", "blocked", "due_soon", "done_recently" };
static const char *const section_titles[] = { "Overdue", "Blocked", "Due soon", "Done recently" };

const char *agenda_section_key(enum agenda_section s)
{
	return (unsigned)s < AGENDA_SECTIONS ? section_keys[s] : "?";
}

const char *agenda_section_title(enum agenda_section s)
{
	return (unsigned)s < AGENDA_SECTIONS ? section_titles[s] : "?";
}

/* By due date (none last), then file order. */
static int by_due(const void *a, const void *b)
{
	const struct agenda_entry *x = a, *y = b;
	if (x->sort_due != y->sort_due)
		return x->sort_due < y->sort_due ? -1 : 1;
	return x->milestone < y->milestone ? -1 : x->milestone > y->milestone;
}

/* Newest first, then file order. */
static int by_time_desc(const void *a, const void *b)
{
	const struct agenda_entry *x = a, *y = b;
	int r = strcmp(y->when, x->when);
	if (r)
		return r;
	return x->milestone < y->milestone ? -1 : x->milestone > y->milestone;
}

static bool open_section(const struct charter *c, struct agenda *a)
{
	for (int s = 0; s < AGENDA_SECTIONS; s++) {
		a->entries[s] = calloc(c->milestone_count ? c->milestone_count : 1, sizeof *a->entries[s]);
		if (!a->entries[s])
			return false;
	}
	return true;
}

static void sort_open_work(const struct charter *c, struct agenda *a)
{
	for (size_t i = 0; i < c->milestone_count; i++) {
		const struct milestone *m = &c->milestones[i];
		enum attention att = progress_attention_within(c, m, a->today, a->days);
		if (att == ATTENTION_NONE)
			continue;
		/* the first three sections are the attention buckets, in the same order */
		enum agenda_section s = (enum agenda_section)(att - ATTENTION_OVERDUE);
		struct agenda_entry *e = &a->entries[s][a->count[s]++];
		e->milestone = i;
		e->sort_due = milestone_has_date(m) ? date_to_serial(milestone_due(c, m)) : LONG_MAX;
	}
	for (int s = AGENDA_OVERDUE; s <= AGENDA_DUE_SOON; s++)
		qsort(a->entries[s], a->count[s], sizeof *a->entries[s], by_due);
}

static bool in_window(const struct history_entry *he, const char *from, const char *to)
{
	return he->id && he->field && he->new_value && !strcmp(he->field, "status") &&
	       !strcmp(he->new_value, "done") && strncmp(he->time, from, 10) >= 0 && strncmp(he->time, to, 10) <= 0;
}

/* Done now with a completion date in the window: the file's record. */
static void find_completed(const struct charter *c, struct agenda *a)
{
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
	date_format(date_from_serial(date_to_serial(a->today) - a->days), from);
	date_format(a->today, to);
	struct agenda_entry *out = a->entries[AGENDA_DONE_RECENTLY];
	for (size_t i = 0; i < c->milestone_count; i++) {
		const struct milestone *m = &c->milestones[i];
		char d[DATE_TEXT_SIZE];
		if (m->status != STATUS_DONE || !m->has_completed)
			continue;
		date_format(m->completed, d);
		if (strcmp(d, from) < 0 || strcmp(d, to) > 0)
			continue;
		struct agenda_entry *e = &out[a->count[AGENDA_DONE_RECENTLY]++];
		*e = (struct agenda_entry){ .milestone = i };
		memcpy(e->when, d, sizeof d);
	}
}

/* The last change to done within the window, for each milestone done now
 * that has no completion date in the file (the history is the fallback). */
static bool find_done_recently(const struct charter *c, struct agenda *a, const struct history *h)
{
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
	date_format(date_from_serial(date_to_serial(a->today) - a->days), from);
	date_format(a->today, to);
	struct strmap index; /* milestone id -> its index, built only when the history has entries */
	strmap_init(&index);
	size_t *slot = h->count ? calloc(c->milestone_count + 1, sizeof *slot) : NULL; /* entry + 1, 0: none */
	bool ok = !h->count || slot;
	for (size_t i = 0; ok && h->count && i < c->milestone_count; i++)
		ok = !c->milestones[i].id || strmap_put(&index, c->milestones[i].id, (uint32_t)i);
	struct agenda_entry *out = a->entries[AGENDA_DONE_RECENTLY];
	for (size_t i = 0; ok && i < h->count; i++) {
		const struct history_entry *he = &h->entries[i];
		uint32_t m;
		if (!in_window(he, from, to) || !strmap_get(&index, he->id, &m) ||
		    c->milestones[m].status != STATUS_DONE || c->milestones[m].has_completed)
			continue;
		if (!slot[m]) {
			out[a->count[AGENDA_DONE_RECENTLY]++] = (struct agenda_entry){ .milestone = m };
			slot[m] = a->count[AGENDA_DONE_RECENTLY];
		}
		char *when = out[slot[m] - 1].when;
		if (strcmp(he->time, when) >= 0)
			snprintf(when, sizeof out->when, "%s", he->time);
	}
	free(slot);
	strmap_fini(&index);
	return ok;
}

bool agenda_build(struct agenda *a, const struct charter *c, struct date today, long days,
                  const struct history *history)
{
	memset(a, 0, sizeof *a);
	a->today = today;
	a->days = days;
	if (!open_section(c, a)) {
		agenda_fini(a);
		return false;
	}
	sort_open_work(c, a);
	find_completed(c, a);
	if (history && !find_done_recently(c, a, history)) {
		agenda_fini(a);
		a->today = today;
		a->days = days;
		return false;
	}
	struct agenda_entry *done = a->entries[AGENDA_DONE_RECENTLY];
	qsort(done, a->count[AGENDA_DONE_RECENTLY], sizeof *done, by_time_desc);
	return true;
}

void agenda_fini(struct agenda *a)
{
	for (int s = 0; s < AGENDA_SECTIONS; s++)
		free(a->entries[s]);
	memset(a, 0, sizeof *a);
}
