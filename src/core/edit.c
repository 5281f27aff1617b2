/* edit — fields, values and their checks. */
#include "charterdash/core/edit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/utf8.h"

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

static const char *const field_names[FIELD_COUNT] = { "title", "status", "due", "owner", "notes",
                                                            "completed" };

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
	case FIELD_COMPLETED:
		if (!m->has_completed)
			return NULL;
		date_format(m->completed, scratch);
		return scratch;
	default: return NULL;
	}
}

bool edit_resolve_relative(const char *value, struct date today, char out[DATE_TEXT_SIZE])
{
	struct date d;
	char why[160];
	if (!*value || strcmp(value, EDIT_NO_DATE) == 0 || date_parse(value, &d) ||
	    !date_parse_relative(value, today, &d, why, sizeof why))
		return false;
	date_format(d, out);
	return true;
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
	case FIELD_COMPLETED:
		if (f == FIELD_DUE && strcmp(value, EDIT_NO_DATE) == 0)
			return true;
		if (!date_parse_explain(value, &d, reason, sizeof reason)) {
			snprintf(why, why_size, "%s '%s' is not a valid date: %s", field_name(f), value, reason);
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

/* The prefix the group's milestone ids share most ("conn" for conn-tripp,
 * conn-constitute ...), into out; the group id when they share none. */
static void group_id_prefix(const struct charter *c, const char *group_id, char *out, size_t size)
{
	snprintf(out, size, "%s", group_id);
	long g = charter_find_group(c, group_id);
	if (g < 0)
		return;
	size_t best = 0;
	for (size_t i = 0; i < c->milestone_count; i++) {
		const char *id = c->milestones[i].id, *dash = id ? strchr(id, '-') : NULL;
		if (c->milestones[i].group != (size_t)g || !dash || dash == id || (size_t)(dash - id) >= size)
			continue;
		size_t len = (size_t)(dash - id), count = 0;
		for (size_t j = 0; j < c->milestone_count; j++) {
			const char *other = c->milestones[j].id;
			if (c->milestones[j].group == (size_t)g && other && strncmp(other, id, len) == 0 && other[len] == '-')
				count++;
		}
		if (count > best) {
			best = count;
			snprintf(out, size, "%.*s", (int)len, id);
		}
	}
}

/* Longest proposed id before its "-2" (a few words read at a glance). */
#define PROPOSED_ID_MAX 40

char *edit_propose_id(const struct charter *c, const char *group_id, const char *title)
{
	/* prefix-words-of-the-title, ASCII letters and digits only, cut at a
	 * word boundary, made unique with -2, -3, ... */
	char base[PROPOSED_ID_MAX + 8];
	group_id_prefix(c, group_id, base, sizeof base);
	size_t n = strlen(base);
	if (n > PROPOSED_ID_MAX - 8) { /* cut a long prefix between characters */
		n = PROPOSED_ID_MAX - 8;
		while (n > 0 && ((unsigned char)base[n] & 0xC0) == 0x80)
			n--;
	}
	size_t words = 0;
	for (const char *p = title; *p;) {
		char word[PROPOSED_ID_MAX + 1];
		size_t w = 0;
		for (; *p; p++) { /* one word: a run of ASCII letters and digits */
			char ch = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
			bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
			if (!alnum && w)
				break;
			if (alnum && w < PROPOSED_ID_MAX)
				word[w++] = ch;
		}
		if (!w)
			break;
		if (n + 1 + w > PROPOSED_ID_MAX) {
			if (words)
				break; /* a whole word or none */
			w = PROPOSED_ID_MAX - n - 1; /* the first word: cut, as some is needed */
		}
		words++;
		if (n)
			base[n++] = '-';
		memcpy(base + n, word, w);
		n += w;
	}
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
