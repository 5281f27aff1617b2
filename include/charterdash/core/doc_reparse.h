/* doc_reparse — the doc of an edited text without parsing all of it again.
 *
 * A save replaces a few bytes of a file whose doc is already built. Only
 * the entries of the innermost block list around the change can read
 * differently, and only if the change itself makes them: so those lines
 * are parsed again by themselves, and the rest of the doc is the old one
 * with its byte offsets moved. That is done only where it provably gives
 * what a full parse would:
 *   - the list and everything around it are block collections (no flow
 *     context crosses the lines), and the lines are whole list entries:
 *     from the line of an entry's '-' to the line of the next token at the
 *     list's column or less (comments and blank lines in between included);
 *   - the old lines, parsed by themselves, give exactly the nodes the full
 *     parse gave them (so nothing before them shaped how they read), and
 *     the new lines parse by themselves, without any problem, to a block
 *     list at the same column: a block scalar, a plain scalar or a key
 *     cannot reach past the last line, and the token after it finds the
 *     parser as the old lines left it;
 *   - no anchor or alias in the old or new lines (an alias after them could
 *     change its target), no line starting a document marker or directive,
 *     and the nesting and density limits of doc_parse still hold.
 * Anything else returns false and the caller parses the whole text (which
 * also reports whatever problem the new text has, with its location). */
#ifndef CHARTERDASH_DOC_REPARSE_H
#define CHARTERDASH_DOC_REPARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "charterdash/core/doc.h"

/* src[0, len) is before's source with bytes [start, end) replaced by
 * piece_len bytes. On true, *out is that text's doc (borrowing src, file
 * for diagnostics) and owns its arrays; on false *out is empty. */
bool doc_reparse(struct doc *out, const struct doc *before, const char *file, const char *src, size_t len,
                 size_t start, size_t end, size_t piece_len);

#endif
