/* report_format — choosing a report writer by name. */
#include "charterdash/report/report.h"

#include <string.h>

static const char *const format_names[] = { "text", "markdown", "json", "csv", "ics" };

bool report_format_parse(const char *name, enum report_format *out)
{
	for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++) {
		if (strcmp(name, format_names[i]) == 0) {
			*out = (enum report_format)i;
			return true;
		}
	}
	return false;
}

const char *report_format_name(enum report_format f)
{
	return (unsigned)f < sizeof format_names / sizeof format_names[0] ? format_names[f] : "?";
}

void report_write(FILE *out, enum report_format f, const struct charter *c,
                  const struct report_options *opt)
{
	switch (f) {
	case REPORT_TEXT: report_text(out, c, opt); break;
	case REPORT_MARKDOWN: report_markdown(out, c, opt); break;
	case REPORT_JSON: report_json(out, c, opt); break;
	case REPORT_CSV: report_csv(out, c, opt); break;
	case REPORT_ICS: report_ics(out, c, opt); break;
	}
}
