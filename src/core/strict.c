/* strict — warnings about unknown keys (check --strict). */
#include "charterdash/core/strict.h"

#include <stdio.h>
#include <string.h>

#define KEY_MAX 64 /* longer keys are never a typo of ours; keeps the work bounded */

static const char *const top_keys[] = { "charter", "working_groups" };
static const char *const charter_keys[] = {
	"title", "signed", "roadmap_months", "roadmap_deadline", "attention_days", "reviews",
	"parties", "place", "signatories", "source", "memorandum",
};
static const char *const group_keys[] = { "id", "name", "short", "leads", "description", "milestones" };
static const char *const milestone_keys[] = { "id", "title", "status", "due", "owner", "notes", "completed" };

#define COUNT(a) (sizeof a / sizeof a[0])

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Optimal string alignment distance: insertions, deletions, substitutions
 * and swaps of neighbours, each one edit. */
size_t strict_distance(const char *a, const char *b, size_t max)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > KEY_MAX || lb > KEY_MAX || (la > lb ? la - lb : lb - la) > max)
		return max + 1;
	unsigned char d[KEY_MAX + 1][KEY_MAX + 1];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (unsigned char)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (unsigned char)j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			unsigned char ca = lower((unsigned char)a[i - 1]), cb = lower((unsigned char)b[j - 1]);
			unsigned best = d[i - 1][j - 1] + (ca != cb);
			if (d[i - 1][j] + 1u < best)
				best = d[i - 1][j] + 1u;
			if (d[i][j - 1] + 1u < best)
				best = d[i][j - 1] + 1u;
			if (i > 1 && j > 1 && ca == lower((unsigned char)b[j - 2]) &&
			    lower((unsigned char)a[i - 2]) == cb && d[i - 2][j - 2] + 1u < best)
				best = d[i - 2][j - 2] + 1u;
			d[i][j] = (unsigned char)best;
		}
	}
	return d[la][lb];
}

size_t strict_nearest(const char *key, const char *const *known, size_t count, const char **out, size_t max)
{
	size_t found = 0, best_distance = 0;
	for (size_t i = 0; i < count && max > 0; i++) {
		size_t allowed = strlen(known[i]) <= 5 ? 1 : 2;
		size_t d = strict_distance(key, known[i], allowed);
		if (d > allowed || (found && d > best_distance))
			continue;
		if (!found || d < best_distance) { /* closer than all before: start again */
			found = 0;
			best_distance = d;
		}
		if (found < max)
			out[found++] = known[i];
	}
	return found;
}

const char *strict_suggest(const char *key, const char *const *known, size_t count)
{
	const char *best;
	return strict_nearest(key, known, count, &best, 1) ? best : NULL;
}

static bool is_known(const char *key, const char *const *known, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(key, known[i]) == 0)
			return true;
	return false;
}

/* A key as it may appear in a message: cut short at a character
 * boundary, control characters shown as '?'. */
static void printable_key(const char *key, char *out, size_t size)
{
	size_t n = 0, len = strlen(key), limit = size - 4;
	if (len > limit) {
		len = limit;
		while (len > 0 && ((unsigned char)key[len] & 0xC0) == 0x80)
			len--;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)key[i];
		out[n++] = c < 0x20 || c == 0x7F ? '?' : (char)c;
	}
	if (len < strlen(key)) {
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
}

/* What is being walked, for the messages and for "belongs elsewhere". */
struct level {
	const char *const *known;
	size_t known_count;
	const char *const *other; /* keys of the neighbouring level */
	size_t other_count;
	const char *other_name;   /* "a milestone", "a working group" */
	bool free_form;           /* warn only about near misses */
};

static const struct level top_level = { top_keys, COUNT(top_keys), NULL, 0, NULL, true };
static const struct level charter_level = { charter_keys, COUNT(charter_keys), NULL, 0, NULL, true };
static const struct level group_level = { group_keys, COUNT(group_keys), milestone_keys,
	                                  COUNT(milestone_keys), "a milestone", false };
static const struct level milestone_level = { milestone_keys, COUNT(milestone_keys), group_keys,
	                                      COUNT(group_keys), "a working group", false };

static void known_list(const struct level *lv, char *out, size_t size)
{
	size_t n = 0;
	out[0] = '\0';
	for (size_t i = 0; i < lv->known_count && n < size; i++)
		n += (size_t)snprintf(out + n, size - n, "%s%s", i ? ", " : "", lv->known[i]);
}

static void check_mapping(struct doc *doc, struct diag_list *diags, uint32_t map,
                          const struct level *lv, const char *where, size_t *added)
{
	for (uint32_t k = doc->nodes[map].first; k != DOC_NONE && !diag_full(diags);) {
		uint32_t v = doc->nodes[k].next;
		const char *key = doc->nodes[k].kind == DOC_SCALAR ? doc_scalar(doc, k) : NULL;
		if (key && !is_known(key, lv->known, lv->known_count) && strncmp(key, "x-", 2) != 0 &&
		    strncmp(key, "x_", 2) != 0) {
			char shown[48], list[96];
			printable_key(key, shown, sizeof shown);
			const char *near = strict_suggest(key, lv->known, lv->known_count);
			if (lv->other && is_known(key, lv->other, lv->other_count)) {
				doc_warning(doc, diags, k,
				            "unknown key '%s' %s ('%s' belongs in %s; check the indentation)",
				            shown, where, shown, lv->other_name);
				++*added;
			} else if (near) {
				doc_warning(doc, diags, k, "unknown key '%s' %s (did you mean '%s'?)", shown,
				            where, near);
				++*added;
			} else if (!lv->free_form) {
				known_list(lv, list, sizeof list);
				doc_warning(doc, diags, k, "unknown key '%s' %s (known keys: %s)", shown, where,
				            list);
				++*added;
			}
		}
		if (v == DOC_NONE)
			break;
		k = doc->nodes[v].next;
	}
}

/* The node when it is a collection of this kind written in place; aliases
 * are not followed (the loader rejects aliased collections, and following
 * them is how alias bombs multiply work). */
static uint32_t collection(const struct doc *doc, uint32_t n, enum doc_kind kind)
{
	return n != DOC_NONE && doc->nodes[n].kind == kind ? n : DOC_NONE;
}

/* The id of a group or milestone mapping, when it has a usable one. */
static const char *id_of(const struct doc *doc, uint32_t map)
{
	uint32_t n = doc_map_get(doc, map, "id", NULL);
	if (n == DOC_NONE || doc->nodes[doc_resolve(doc, n)].kind != DOC_SCALAR || doc_is_null(doc, n))
		return NULL;
	return doc_scalar(doc, n);
}

static void check_group(struct doc *doc, struct diag_list *diags, uint32_t map, size_t index,
                        size_t *added)
{
	char where[96], shown[48];
	const char *gid = id_of(doc, map);
	if (gid) {
		printable_key(gid, shown, sizeof shown);
		snprintf(where, sizeof where, "in working group '%s'", shown);
	} else {
		snprintf(where, sizeof where, "in working group %zu", index + 1);
	}
	check_mapping(doc, diags, map, &group_level, where, added);

	uint32_t list = collection(doc, doc_map_get(doc, map, "milestones", NULL), DOC_SEQUENCE);
	if (list == DOC_NONE)
		return;
	size_t i = 0;
	for (uint32_t it = doc->nodes[list].first; it != DOC_NONE && !diag_full(diags);
	     it = doc->nodes[it].next, i++) {
		uint32_t m = collection(doc, it, DOC_MAPPING);
		if (m == DOC_NONE)
			continue;
		char mwhere[160];
		const char *mid = id_of(doc, m);
		if (mid) {
			printable_key(mid, shown, sizeof shown);
			snprintf(mwhere, sizeof mwhere, "in milestone '%s'", shown);
		} else {
			snprintf(mwhere, sizeof mwhere, "in milestone %zu %s", i + 1, where);
		}
		check_mapping(doc, diags, m, &milestone_level, mwhere, added);
	}
}

size_t strict_check(struct doc *doc, struct diag_list *diags)
{
	size_t added = 0;
	/* A doc whose parse failed early has no root (or a zeroed one). */
	if (!doc->nodes || doc->root >= doc->count)
		return 0;
	uint32_t root = collection(doc, doc->root, DOC_MAPPING);
	if (root == DOC_NONE)
		return 0;
	check_mapping(doc, diags, root, &top_level, "at the top of the file", &added);

	uint32_t head = collection(doc, doc_map_get(doc, root, "charter", NULL), DOC_MAPPING);
	if (head != DOC_NONE)
		check_mapping(doc, diags, head, &charter_level, "in the charter", &added);

	uint32_t groups = collection(doc, doc_map_get(doc, root, "working_groups", NULL), DOC_SEQUENCE);
	if (groups == DOC_NONE)
		return added;
	size_t index = 0;
	for (uint32_t it = doc->nodes[groups].first; it != DOC_NONE && !diag_full(diags);
	     it = doc->nodes[it].next, index++) {
		uint32_t g = collection(doc, it, DOC_MAPPING);
		if (g != DOC_NONE)
			check_group(doc, diags, g, index, &added);
	}
	return added;
}
