/* edit — fields, values and their checks. */
#include "charterdash/edit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/utf8.h"

/* Text goes into a UTF-8 file: bytes that are not UTF-8 would make it
 * unreadable. */
static bool utf8_ok(const char *what, const char *s, char *why, size_t why_size)
{
	for (const char *p = s; *p;) {
		uint32_t cp;
		size_t n = utf8_next((const unsigned char *)p, &cp);
		if (cp == UTF8_REPLACEMENT && n == 1) {
			snprintf(why, why_size, "%s is not valid UTF-8 (byte 0x%02X at byte %zu)", what,
			         (unsigned char)*p, (size_t)(p - s) + 1);
			return false;
		}
		p += n;
	}
	return true;
}

static const char *const field_names[FIELD_COUNT] = { "title", "status", "due", "owner", "notes" };

const char *field_name(enum field f)
{
	return (unsigned)f < FIELD_COUNT ? field_names[f] : "?";
}

bool field_parse(const char *name, enum field *out)
{
	for (int i = 0; i < FIELD_COUNT; i++) {
		if (strcmp(name, field_names[i]) == 0) {
			*out = (enum field)i;
			return true;
		}
	}
	return false;
}

bool field_is_required(enum field f)
{
	return f == FIELD_TITLE || f == FIELD_STATUS;
}

const char *milestone_field(const struct milestone *m, enum field f, char scratch[DATE_TEXT_SIZE])
{
	switch (f) {
	case FIELD_TITLE: return m->title;
	case FIELD_STATUS: return status_key(m->status);
	case FIELD_OWNER: return m->owner;
	case FIELD_NOTES: return m->notes;
	case FIELD_DUE:
		if (m->due_unset)
			return EDIT_NO_DATE;
		if (!m->has_due)
			return NULL;
		date_format(m->due, scratch);
		return scratch;
	default: return NULL;
	}
}

bool edit_check_id(const char *id, char *why, size_t why_size)
{
	if (!*id) {
		snprintf(why, why_size, "an id cannot be empty");
		return false;
	}
	for (const char *p = id; *p; p++) {
		if (utf8_space_length(p)) {
			snprintf(why, why_size, "id '%s' contains whitespace; ids are single words such as econ-roadmap", id);
			return false;
		}
	}
	return utf8_ok("the id", id, why, why_size);
}

bool edit_check_value(enum field f, const char *value, char *why, size_t why_size)
{
	if (!value || utf8_is_blank(value)) {
		if (field_is_required(f)) {
			snprintf(why, why_size, "%s cannot be empty", field_name(f));
			return false;
		}
		return true;
	}
	enum status s;
	struct date d;
	char reason[96];
	switch (f) {
	case FIELD_STATUS:
		if (!status_parse(value, &s)) {
			snprintf(why, why_size, "status '%s' is not one of: not_started, in_progress, blocked, done", value);
			return false;
		}
		return true;
	case FIELD_DUE:
		if (strcmp(value, EDIT_NO_DATE) == 0)
			return true;
		if (!date_parse_explain(value, &d, reason, sizeof reason)) {
			snprintf(why, why_size, "due '%s' is not a valid date: %s", value, reason);
			return false;
		}
		return true;
	default:
		if (strlen(value) > 1u << 20) {
			snprintf(why, why_size, "%s is longer than 1 MiB", field_name(f));
			return false;
		}
		return utf8_ok(field_name(f), value, why, why_size);
	}
}

char *edit_propose_id(const struct charter *c, const char *group_id, const char *title)
{
	/* group-first-words-of-title, ASCII letters and digits only, made
	 * unique with -2, -3, ... */
	char base[48];
	size_t n = (size_t)snprintf(base, sizeof base, "%s-", group_id);
	if (n >= sizeof base - 8) { /* cut a long group id between characters */
		n = sizeof base - 8;
		while (n > 0 && ((unsigned char)base[n] & 0xC0) == 0x80)
			n--;
	}
	bool dash = true;
	for (const char *p = title; *p && n < sizeof base - 8; p++) {
		char ch = *p;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
			base[n++] = ch;
			dash = false;
		} else if (!dash) {
			base[n++] = '-';
			dash = true;
		}
	}
	while (n > 0 && base[n - 1] == '-')
		n--;
	if (n == 0)
		base[n++] = 'm';
	base[n] = '\0';
	char *id = malloc(n + 12);
	if (!id)
		return NULL;
	strcpy(id, base);
	for (unsigned k = 2; charter_find_milestone(c, id) >= 0; k++)
		snprintf(id, n + 12, "%s-%u", base, k);
	return id;
}
