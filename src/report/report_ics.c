/* report_ics — the milestones, the roadmap deadline and the reviews as an
 * iCalendar file (RFC 5545) to import into Outlook, Google or Apple
 * calendars. One all-day event per dated milestone on its effective due
 * date; each event's UID is made from the ids, so a re-import updates the
 * events instead of adding copies. Lines end in CRLF and are folded at 75
 * octets, never inside a UTF-8 character; TEXT values are escaped. */
#include "charterdash/report/report.h"

#include <stdint.h>
#include <string.h>

#include "charterdash/core/buf.h"
#include "charterdash/report/progress.h"
#include "charterdash/core/utf8.h"

#ifndef CHARTERDASH_VERSION
#define CHARTERDASH_VERSION "dev"
#endif

#define ICS_LINE_OCTETS 75

/* Writes one content line, folded: a CRLF and a space before the octet
 * that would make a line longer than 75, moved back to a character start. */
static void put_folded(FILE *out, const struct buf *line)
{
	const char *s = line->data ? line->data : "";
	size_t len = line->data ? line->len : 0, at = 0, room = ICS_LINE_OCTETS;
	while (len - at > room) {
		size_t cut = at + room;
		while (cut > at + 1 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		fwrite(s + at, 1, cut - at, out);
		fputs("\r\n ", out);
		at = cut;
		room = ICS_LINE_OCTETS - 1; /* the leading space counts */
	}
	fwrite(s + at, 1, len - at, out);
	fputs("\r\n", out);
}

/* A TEXT value: backslash, semicolon and comma escaped, line breaks as \n,
 * other control characters and invalid bytes as U+FFFD, bidi controls by name. */
static void put_text(struct buf *b, const char *text)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	while (*s) {
		uint32_t cp;
		size_t n = utf8_next(s, &cp);
		if (cp == '\r' && s[1] == '\n')
			n = 2; /* CRLF is one break */
		if (cp == '\\' || cp == ';' || cp == ',') {
			buf_putc(b, '\\');
			buf_putc(b, (char)cp);
		} else if (cp == '\n' || cp == '\r') {
			buf_puts(b, "\\n");
		} else if (cp == '\t') {
			buf_putc(b, ' ');
		} else if (utf8_is_control(cp) || (cp == UTF8_REPLACEMENT && n == 1)) {
			buf_puts(b, UTF8_REPLACEMENT_TEXT);
		} else if (utf8_is_bidi_control(cp)) {
			char name[16];
			snprintf(name, sizeof name, "<U+%04X>", (unsigned)cp);
			buf_puts(b, name);
		} else {
			buf_append(b, (const char *)s, n);
		}
		s += n;
	}
}

/* Id text safe in a UID: letters, digits, '-' and '_' as they are,
 * every other octet as %XX, so different ids never make the same UID. */
static void put_uid_part(struct buf *b, const char *id)
{
	for (const unsigned char *s = (const unsigned char *)(id ? id : ""); *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		    *s == '-' || *s == '_') {
			buf_putc(b, (char)*s);
		} else {
			char hex[4];
			snprintf(hex, sizeof hex, "%%%02X", *s);
			buf_puts(b, hex);
		}
	}
}

struct ics {
	FILE *out;
	const struct charter *c;
	char stamp[24];  /* DTSTAMP: today at midnight UTC, so the same --today gives the same file */
	char suffix[32]; /* the charter's part of every UID */
	struct buf line;
};

static void emit(struct ics *x)
{
	put_folded(x->out, &x->line);
	x->line.len = 0;
	if (x->line.data)
		x->line.data[0] = '\0';
}

static void put_date_value(struct buf *b, struct date d)
{
	char v[16];
	snprintf(v, sizeof v, "%04d%02d%02d", d.year, d.month, d.day);
	buf_puts(b, v);
}

/* BEGIN:VEVENT through SUMMARY; the caller adds DESCRIPTION and the end. */
static void begin_event(struct ics *x, const char *uid_kind, const char *uid_a, const char *uid_b,
                        struct date day)
{
	buf_puts(&x->line, "BEGIN:VEVENT");
	emit(x);
	buf_puts(&x->line, "UID:");
	buf_puts(&x->line, uid_kind);
	put_uid_part(&x->line, uid_a);
	if (uid_b) {
		buf_putc(&x->line, '.');
		put_uid_part(&x->line, uid_b);
	}
	buf_puts(&x->line, x->suffix);
	emit(x);
	buf_puts(&x->line, "DTSTAMP:");
	buf_puts(&x->line, x->stamp);
	emit(x);
	buf_puts(&x->line, "DTSTART;VALUE=DATE:");
	put_date_value(&x->line, day);
	emit(x);
	buf_puts(&x->line, "DTEND;VALUE=DATE:"); /* all-day: the end is exclusive */
	put_date_value(&x->line, date_from_serial(date_to_serial(day) + 1));
	emit(x);
	buf_puts(&x->line, "TRANSP:TRANSPARENT");
	emit(x);
}

static void end_event(struct ics *x)
{
	buf_puts(&x->line, "END:VEVENT");
	emit(x);
}

/* The summary starts with the title, which is what a month view's cell
 * has room for; done and overdue work says so after it. */
static void milestone_event(struct ics *x, const struct milestone *m, struct date today)
{
	const struct group *g = &x->c->groups[m->group];
	bool overdue = progress_attention(x->c, m, today) == ATTENTION_OVERDUE;
	begin_event(x, "m-", g->id, m->id, milestone_due(x->c, m));
	buf_puts(&x->line, "SUMMARY:");
	put_text(&x->line, m->title);
	if (m->status == STATUS_DONE)
		buf_puts(&x->line, " (done)");
	else if (overdue)
		buf_puts(&x->line, " (overdue)");
	emit(x);
	buf_puts(&x->line, "DESCRIPTION:Working group: ");
	put_text(&x->line, g->name);
	buf_puts(&x->line, "\\nStatus: ");
	if (m->status == STATUS_DONE) { /* when, and whether on time */
		char done[96];
		report_done_words(x->c, m, false, done, sizeof done);
		buf_puts(&x->line, done);
	} else {
		buf_puts(&x->line, status_label(m->status));
	}
	if (overdue)
		buf_puts(&x->line, " (overdue)");
	if (!m->has_due)
		buf_puts(&x->line, "\\nDue on the roadmap deadline");
	if (m->owner) {
		buf_puts(&x->line, "\\nOwner: ");
		put_text(&x->line, m->owner);
	}
	if (m->notes) {
		buf_puts(&x->line, "\\n\\n");
		put_text(&x->line, m->notes);
	}
	emit(x);
	buf_puts(&x->line, "CATEGORIES:");
	put_text(&x->line, g->name);
	emit(x);
	end_event(x);
}

static void marker_event(struct ics *x, const char *uid_kind, const char *uid_a, struct date day,
                         const char *summary)
{
	begin_event(x, uid_kind, uid_a, NULL, day);
	buf_puts(&x->line, "SUMMARY:");
	buf_puts(&x->line, summary);
	buf_puts(&x->line, ": ");
	put_text(&x->line, x->c->title);
	emit(x);
	end_event(x);
}

/* The reviews from the first up to the next one (all of a list whose
 * reviews are all past). */
static void review_events(struct ics *x, struct date today)
{
	struct date next, r;
	size_t last = (size_t)-1;
	if (progress_find_next_review(x->c, today, &next, &last))
		last++;
	for (size_t k = 0; k < last && progress_review(x->c, k, &r); k++) {
		char day[DATE_TEXT_SIZE];
		date_format(r, day);
		marker_event(x, "review-", day, r, x->c->explicit_reviews ? "Review" : "Annual review");
	}
}

/* FNV-1a of the charter's title and signing date: the charter's part of a UID. */
static void charter_suffix(const struct charter *c, char out[32])
{
	uint64_t h = 14695981039346656037ull;
	char signed_on[DATE_TEXT_SIZE];
	date_format(c->signed_on, signed_on);
	for (const unsigned char *s = (const unsigned char *)(c->title ? c->title : ""); *s; s++)
		h = (h ^ *s) * 1099511628211ull;
	for (const unsigned char *s = (const unsigned char *)signed_on; *s; s++)
		h = (h ^ *s) * 1099511628211ull;
	snprintf(out, 32, ".%016llx@charterdash", (unsigned long long)h);
}

void report_ics(FILE *out, const struct charter *c, const struct report_options *opt)
{
	struct ics x = { .out = out, .c = c };
	buf_init(&x.line);
	snprintf(x.stamp, sizeof x.stamp, "%04d%02d%02dT000000Z", opt->today.year, opt->today.month, opt->today.day);
	charter_suffix(c, x.suffix);
	buf_puts(&x.line, "BEGIN:VCALENDAR");
	emit(&x);
	buf_puts(&x.line, "VERSION:2.0");
	emit(&x);
	buf_puts(&x.line, "PRODID:-//charterdash//charterdash " CHARTERDASH_VERSION "//EN");
	emit(&x);
	buf_puts(&x.line, "CALSCALE:GREGORIAN");
	emit(&x);
	buf_puts(&x.line, "METHOD:PUBLISH");
	emit(&x);
	buf_puts(&x.line, "X-WR-CALNAME:");
	put_text(&x.line, c->title);
	emit(&x);
	marker_event(&x, "deadline", NULL, c->deadline, "Roadmap deadline");
	review_events(&x, opt->today);
	for (size_t gi = 0; gi < c->group_count; gi++) {
		if (!report_shows_group(opt, gi))
			continue;
		const struct group *g = &c->groups[gi];
		for (size_t i = g->first; i < g->first + g->count; i++)
			if (milestone_has_date(&c->milestones[i])) /* no date yet: nothing to put on a calendar */
				milestone_event(&x, &c->milestones[i], opt->today);
	}
	buf_puts(&x.line, "END:VCALENDAR");
	emit(&x);
	buf_fini(&x.line);
}
