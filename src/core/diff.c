/* diff — one-hunk unified diff of two texts. */
#include "charterdash/core/diff.h"

#include <stdbool.h>

#define CONTEXT 3

static size_t line_of(const char *s, size_t off)
{
	size_t line = 0;
	for (size_t i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

/* Offset of the start of line `n` (0-based), or len. */
static size_t start_of_line(const char *s, size_t len, size_t n)
{
	size_t i = 0;
	while (n > 0 && i < len) {
		if (s[i++] == '\n')
			n--;
	}
	return i;
}

static size_t count_lines(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	return n + (len > 0 && s[len - 1] != '\n');
}

static void print_lines(FILE *out, char mark, const char *s, size_t len, size_t from, size_t to)
{
	size_t i = start_of_line(s, len, from);
	for (size_t line = from; line < to && i < len; line++) {
		fputc(mark, out);
		while (i < len && s[i] != '\n')
			fputc(s[i++], out);
		fputc('\n', out);
		if (i < len)
			i++;
		else
			fputs("\\ No newline at end of file\n", out);
	}
}

/* The hunk for old[start, end) having become new[start, new_end). */
static void print_hunk(FILE *out, const char *name, const char *old_text, size_t old_len, const char *new_text,
                       size_t new_len, size_t start, size_t end, size_t new_end)
{
	/* Changed lines: whole lines when the edit starts and ends at line
	 * starts (insertions and deletions of entries); otherwise the lines
	 * holding its start and end. */
	size_t first = line_of(old_text, start);
	bool at_start = start == 0 || old_text[start - 1] == '\n';
	bool at_end = end == 0 || old_text[end - 1] == '\n';
	size_t whole = at_start && at_end ? 0 : 1;
	size_t old_last = line_of(old_text, end) + whole;
	size_t new_last = line_of(new_text, new_end) + whole;
	size_t old_total = count_lines(old_text, old_len), new_total = count_lines(new_text, new_len);
	if (old_last > old_total)
		old_last = old_total;
	if (new_last > new_total)
		new_last = new_total;
	size_t from = first > CONTEXT ? first - CONTEXT : 0;
	size_t after = old_total - old_last < CONTEXT ? old_total - old_last : CONTEXT;
	size_t old_count = old_last - from + after, new_count = new_last - from + after;

	while (*name == '/')
		name++; /* a/ and b/ prefixes as git writes them */
	fprintf(out, "--- a/%s\n+++ b/%s\n", name, name);
	fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n", old_count ? from + 1 : from, old_count,
	        new_count ? from + 1 : from, new_count);
	print_lines(out, ' ', old_text, old_len, from, first);
	print_lines(out, '-', old_text, old_len, first, old_last);
	print_lines(out, '+', new_text, new_len, first, new_last);
	print_lines(out, ' ', old_text, old_len, old_last, old_last + after);
}

void diff_print_texts(FILE *out, const char *name, const char *old_text, size_t old_len,
                      const char *new_text, size_t new_len)
{
	size_t prefix = 0, suffix = 0;
	while (prefix < old_len && prefix < new_len && old_text[prefix] == new_text[prefix])
		prefix++;
	if (prefix == old_len && prefix == new_len)
		return;
	/* Whole lines on both sides, so the hunk shows only changed lines. */
	while (prefix > 0 && old_text[prefix - 1] != '\n')
		prefix--;
	while (suffix < old_len - prefix && suffix < new_len - prefix &&
	       old_text[old_len - 1 - suffix] == new_text[new_len - 1 - suffix])
		suffix++;
	while (suffix > 0 && !(old_text[old_len - 1 - suffix] == '\n' && new_text[new_len - 1 - suffix] == '\n'))
		suffix--;
	print_hunk(out, name, old_text, old_len, new_text, new_len, prefix, old_len - suffix, new_len - suffix);
}
