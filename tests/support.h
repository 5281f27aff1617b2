/* support — helpers shared by the cmocka tests (include after <cmocka.h>). */
#ifndef CHARTERDASH_TESTS_SUPPORT_H
#define CHARTERDASH_TESTS_SUPPORT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/core/charter.h"

static inline struct date D(int y, int m, int d)
{
	return (struct date){ y, m, d };
}

#define assert_date_equal(got, y, m, d) \
	do { \
		struct date g_ = (got); \
		assert_int_equal(g_.year, (y)); \
		assert_int_equal(g_.month, (m)); \
		assert_int_equal(g_.day, (d)); \
	} while (0)

/* Loads `yaml` as inline.yaml, failing the test (after printing the
 * loader's complaints) unless it is a valid charter. */
static inline void test_load(struct charter *c, const char *yaml)
{
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	char *text = strdup(yaml);
	assert_non_null(text);
	bool ok = charter_load_text(c, "inline.yaml", text, strlen(text), &diags);
	if (!ok) {
		diag_print(&diags, stderr);
		charter_fini(c);
	}
	diag_fini(&diags);
	assert_true(ok);
}

#endif
