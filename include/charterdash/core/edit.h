/* edit — a change to a charter as a value. Every change, from the
 * dashboard, undo or the command line, is one of these; the store module
 * applies it to the file's current text under a lock.
 *
 * `seen` is the value the user saw before deciding (NULL: the field was
 * absent). When the file now holds something else, someone changed it
 * meanwhile: a conflict, unless `force`. */
#ifndef CHARTERDASH_EDIT_H
#define CHARTERDASH_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/core/charter.h"

enum field { FIELD_TITLE, FIELD_STATUS, FIELD_DUE, FIELD_OWNER, FIELD_NOTES, FIELD_COMPLETED, FIELD_COUNT };

enum edit_kind {
	EDIT_SET,    /* milestone_id.field = value (NULL value clears an optional field) */
	EDIT_ADD,    /* a new milestone in group_id: milestone_id, title=value, status not_started */
	EDIT_REMOVE, /* delete milestone_id */
};

struct edit {
	enum edit_kind kind;
	const char *milestone_id;
	const char *group_id;  /* EDIT_ADD only */
	enum field field;      /* EDIT_SET only */
	bool check_seen;       /* compare `seen` with the file before writing */
	const char *seen;
	const char *value;
	bool force;            /* overwrite even if the value changed meanwhile */
	/* A status change also keeps `completed` true, in the same save: made
	 * done (and no completion date yet), the milestone gets `completed:
	 * done_on` (NULL: the local date of the save); taken out of done, its
	 * `completed` goes. With `completed_exact` (undo, redo, `set
	 * status=done completed=D`) `completed` becomes exactly done_on
	 * (NULL: absent) whatever the change. */
	const char *done_on;
	bool completed_exact;
};

/* "title", "status", "due", "owner", "notes", "completed". */
const char *field_name(enum field f);
bool field_parse(const char *name, enum field *out);
bool field_is_required(enum field f);

/* The value of due that means "no date yet" (written `due: ~`); an absent
 * due means the roadmap deadline. */
#define EDIT_NO_DATE "~"

/* The field's current value as text (NULL when absent). `scratch` holds a
 * formatted date for FIELD_DUE and FIELD_COMPLETED; a due of `~`/null reads as EDIT_NO_DATE. */
const char *milestone_field(const struct milestone *m, enum field f, char scratch[DATE_TEXT_SIZE]);

/* Checks a new value for a field: a known status, a real date, no empty
 * required text, no whitespace in ids. On failure explains in `why`. */
bool edit_check_value(enum field f, const char *value, char *why, size_t why_size);
bool edit_check_id(const char *id, char *why, size_t why_size);

/* A date typed in a relative form (+7d, friday, -3d, yesterday ...: see
 * date_parse_relative) as the absolute date it means, in `out`; false for
 * empty, EDIT_NO_DATE, a YYYY-MM-DD date, or a form that does not parse
 * (edit_check_value then explains). */
bool edit_resolve_relative(const char *value, struct date today, char out[DATE_TEXT_SIZE]);

/* A readable id for a new milestone in the group, unique in the charter:
 * "energy-adopt-the-roadmap", or "conn-..." when the group's ids start so
 * (the prefix most of them share), whole words of the title up to 40
 * characters. Caller frees (NULL: out of memory). */
char *edit_propose_id(const struct charter *c, const char *group_id, const char *title);

#endif
