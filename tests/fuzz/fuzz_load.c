/* libFuzzer target: any bytes → a model or located errors, never a crash,
 * a leak or undefined behaviour. Every diagnostic must carry a place. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/charter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	struct charter c;
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	bool ok = charter_load_text(&c, "fuzz.yaml", text, size, &diags);
	if (ok && diags.errors)
		abort(); /* success must mean no errors */
	if (!ok && diags.errors == 0)
		abort(); /* failure must say why */
	for (size_t i = 0; i < diags.count; i++)
		if (!diags.items[i].message || !diags.items[i].file)
			abort();
	if (ok) {
		for (size_t i = 0; i < c.milestone_count; i++)
			if (!c.milestones[i].id || !c.milestones[i].title || c.milestones[i].group >= c.group_count)
				abort();
	}
	charter_fini(&c);
	diag_fini(&diags);
	return 0;
}
