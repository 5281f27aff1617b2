/* libFuzzer target: a charter + a random edit. Whenever the planner
 * accepts an edit, the result must load, equal the intended model
 * (store_plan checks with patch_verify), and leave every byte outside the
 * replaced span unchanged.
 *
 * Input layout: byte 0 picks the kind and field, byte 1 the milestone,
 * then a value up to the first NUL, then the YAML text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	const uint8_t *nul = memchr(data + 2, 0, size - 2);
	if (!nul)
		return 0;
	size_t value_len = (size_t)(nul - (data + 2));
	char *value = malloc(value_len + 1);
	size_t text_len = size - (size_t)(nul + 1 - data);
	char *text = malloc(text_len + 1);
	if (!value || !text) {
		free(value);
		free(text);
		return 0;
	}
	memcpy(value, data + 2, value_len);
	value[value_len] = '\0';
	memcpy(text, nul + 1, text_len);
	text[text_len] = '\0';

	struct charter c;
	struct diag_list diags;
	diag_init(&diags, 8);
	if (charter_load_text(&c, "fuzz.yaml", text, text_len, &diags) && c.milestone_count > 0) {
		const struct milestone *m = &c.milestones[data[1] % c.milestone_count];
		struct edit e = { .milestone_id = m->id, .value = value };
		switch (data[0] % 4) {
		case 0: e.kind = EDIT_SET; e.field = (enum field)(data[0] / 4 % FIELD_COUNT); break;
		case 1: e.kind = EDIT_ADD; e.group_id = c.groups[m->group].id; e.milestone_id = "fuzz-new"; break;
		case 2: e.kind = EDIT_REMOVE; break;
		default: e.kind = EDIT_SET; e.field = FIELD_STATUS; e.value = status_key((enum status)(data[0] / 4 % 4)); break;
		}
		struct store_result r;
		store_result_init(&r);
		if (store_plan(&c, &e, &r) == STORE_OK && r.changed) {
			/* Outside the edit, the bytes are the original's. */
			const struct text_edit *t = &r.edit;
			if (t->start > t->end || t->end > c.text_len)
				abort();
			if (memcmp(r.new_text, c.text, t->start) != 0)
				abort();
			size_t tail = c.text_len - t->end;
			if (r.new_len != t->start + t->len + tail ||
			    memcmp(r.new_text + t->start + t->len, c.text + t->end, tail) != 0)
				abort();
			if (!r.have_after)
				abort();
		}
		store_result_fini(&r);
	}
	charter_fini(&c);
	diag_fini(&diags);
	free(value);
	return 0;
}
