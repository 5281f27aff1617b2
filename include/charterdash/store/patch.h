/* patch — change a charter file's text by editing only the bytes that
 * hold the changed value.
 *
 * Given a charter loaded from the text (so the doc's spans are valid), each
 * function computes one text_edit: replace [start, end) with `text`. The
 * rest of the file — comments, blank lines, key order, quoting, unknown
 * keys — is untouched by construction. Values are written in the style
 * around them (a quoted value stays quoted, a block stays a block) and
 * quoted whenever a plain scalar would read back as something else.
 *
 * patch_verify then checks that the edited text loads to exactly the
 * intended document (src/store/patch_verify.c). Pure: no I/O. */
#ifndef CHARTERDASH_PATCH_H
#define CHARTERDASH_PATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/core/buf.h"
#include "charterdash/core/charter.h"
#include "charterdash/core/edit.h"

struct text_edit {
	size_t start, end; /* bytes replaced in the original */
	char *text;        /* owned replacement */
	size_t len;
};

void text_edit_fini(struct text_edit *e);

/* Computes the text edit for `e` against the charter (which must have been
 * loaded from the current text). False with a reason when the change cannot
 * be made safely (unknown id, anchored value, bad value...). */
bool patch_plan(const struct charter *c, const struct edit *e, struct text_edit *out, char *why, size_t why_size);

/* The key a new `field` pair follows in mapping `map`: `status` for
 * `completed` (when it is a single value), else DOC_NONE (the pair goes
 * at the end). patch_plan and patch_verify agree through it. */
uint32_t patch_insert_after(const struct doc *doc, uint32_t map, enum field field);

/* The original with the edit applied; NULL when memory runs out. */
char *patch_apply(const char *src, size_t len, const struct text_edit *e, size_t *out_len);

/* True when `after` equals `before` with exactly the change `e` made: in
 * the model, and in the whole document (both node trees compared: every
 * key, scalar value, style, tag and alias, in order, the same except the
 * one node the change names, which must be exactly what was meant). */
bool patch_verify(const struct charter *before, const struct charter *after, const struct edit *e,
                  char *why, size_t why_size);

/* patch_verify, and first: `after`'s text is `before`'s with the edit `te`
 * spliced in, every byte outside [te->start, te->end) unchanged. */
bool patch_verify_splice(const struct charter *before, const struct charter *after, const struct edit *e,
                         const struct text_edit *te, char *why, size_t why_size);

/* How a value is written as a YAML scalar. `prefer` is the style of the
 * value being replaced (DOC_STYLE_ANY for none); `flow` when inside [ ] or
 * { }. Appends to out. Exposed for tests. */
void patch_render_scalar(struct buf *out, const char *value, enum doc_style prefer, bool flow);

/* True when `value` may be written as a plain scalar and read back as the
 * same string by any YAML 1.1 or 1.2 loader. */
bool patch_plain_safe(const char *value, bool flow);

#endif
