/* layout — screen regions, the pane grid, bars and scroll windows. */
#include "charterdash/report/layout.h"

#include <stdint.h>
#include <string.h>

bool layout_too_small(int width, int height)
{
	return width < LAYOUT_MIN_WIDTH || height < LAYOUT_MIN_HEIGHT;
}

int layout_columns(int width)
{
	int cols = width / LAYOUT_PANE_MIN_WIDTH;
	if (cols < 1)
		cols = 1;
	if (cols > LAYOUT_MAX_COLUMNS)
		cols = LAYOUT_MAX_COLUMNS;
	return cols;
}

int layout_header_info_lines(int height)
{
	return height >= 20 ? 2 : 1;
}

int layout_pack(const int *widths, size_t n, int width, int sep, int max_lines, int *line_of)
{
	if (n == 0)
		return 0;
	if (max_lines < 1)
		max_lines = 1;
	int line = 0, used = 0;
	for (size_t i = 0; i < n; i++) {
		int need = used ? sep + widths[i] : widths[i];
		if (used && used + need > width && line + 1 < max_lines) {
			line++;
			used = 0;
			need = widths[i];
		}
		line_of[i] = line;
		used += need;
	}
	return line + 1;
}

void layout_screen(int width, int height, int header_lines, struct layout_screen *out)
{
	if (header_lines < 0)
		header_lines = 0;
	int body_h = height - header_lines - LAYOUT_FOOTER_LINES;
	if (body_h < 0)
		body_h = 0;
	out->header = (struct rect){ 0, 0, width, header_lines };
	out->body = (struct rect){ 0, header_lines, width, body_h };
	out->footer = (struct rect){ 0, header_lines + body_h, width, LAYOUT_FOOTER_LINES };
}

/* Gives `space` lines to rows [0, k) (heights start at min) one at a time
 * to the shortest row still below its want: even shares, tallest last. */
static void water_fill(int *h, const int *want, int k, int space)
{
	while (space > 0) {
		int best = -1;
		for (int r = 0; r < k; r++)
			if (h[r] < want[r] && (best < 0 || h[r] < h[best]))
				best = r;
		if (best < 0)
			return;
		h[best]++;
		space--;
	}
}

#define MAX_ROWS_STACK 64

/* The height row r of the grid wants: its longest list, and the chrome;
 * one line when every pane in it is collapsed. */
static int row_want(const int *list, size_t n, int cols, int r, int chrome)
{
	int w = 0;
	bool collapsed = true;
	for (int c = 0; c < cols; c++) {
		size_t i = (size_t)r * (size_t)cols + (size_t)c;
		if (i < n && list[i] != LAYOUT_COLLAPSED)
			collapsed = false;
		if (i < n && list[i] > w)
			w = list[i];
	}
	if (collapsed)
		return 1;
	return (w < 1 ? 1 : w) + chrome;
}

/* The least a row shows before the grid scrolls (less if it wants less). */
static int row_min(int want, int chrome)
{
	int m = chrome + LAYOUT_PANE_MIN_LIST;
	return m > want ? want : m;
}

/* The rows shown, [*top, *top + *count): all when their minimum heights
 * fit (and the buffers hold them), else as many whole rows of the minimum
 * height as fit, scrolled so that the focused row shows. */
static void visible_rows(struct rect body, const int *list, size_t n, int cols, int rows, int focus_row,
                         int first_row, int chrome, int *top, int *count)
{
	int total_min = 0;
	for (int r = 0; r < rows; r++)
		total_min += row_min(row_want(list, n, cols, r, chrome), chrome);
	if (total_min <= body.h && rows <= MAX_ROWS_STACK) {
		*top = 0;
		*count = rows;
		return;
	}
	int fit = body.h / (chrome + LAYOUT_PANE_MIN_LIST);
	if (fit < 1)
		fit = 1;
	if (fit > MAX_ROWS_STACK)
		fit = MAX_ROWS_STACK;
	if (fit > rows)
		fit = rows;
	*top = (int)layout_scroll(first_row < 0 ? 0 : (size_t)first_row, (size_t)focus_row, (size_t)rows,
	                          (size_t)fit);
	*count = fit;
}

/* Heights of the visible rows (from `want` down to their minimum, the
 * space shared out evenly); returns how many rows show (1 when a single
 * row is taller than the body: it is clipped). */
static int row_heights(int body_h, const int *want, const int *minh, int count, int *h)
{
	int total_want = 0, used = 0;
	for (int k = 0; k < count; k++)
		total_want += want[k];
	if (total_want <= body_h) {
		for (int k = 0; k < count; k++)
			h[k] = want[k];
		return count;
	}
	for (int k = 0; k < count; k++) {
		h[k] = minh[k];
		used += minh[k];
	}
	if (used > body_h) {
		h[0] = body_h;
		return 1;
	}
	water_fill(h, want, count, body_h - used);
	return count;
}

/* The grid with exactly `cols` columns. */
static void grid_for(struct rect body, const int *list, size_t n, size_t focus, int first_row, int cols,
                     int chrome, struct rect *out, struct layout_grid *grid)
{
	memset(grid, 0, sizeof *grid);
	for (size_t i = 0; i < n; i++)
		out[i] = (struct rect){ 0, 0, 0, 0 };
	int rows = (int)((n + (size_t)cols - 1) / (size_t)cols);
	grid->cols = cols;
	grid->rows = rows;
	if (focus >= n)
		focus = n - 1;
	int top, count;
	visible_rows(body, list, n, cols, rows, (int)(focus / (size_t)cols), first_row, chrome, &top, &count);

	/* each visible row's wanted and minimum height, computed once */
	int want[MAX_ROWS_STACK], minh[MAX_ROWS_STACK], h[MAX_ROWS_STACK];
	for (int k = 0; k < count; k++) {
		want[k] = row_want(list, n, cols, top + k, chrome);
		minh[k] = row_min(want[k], chrome);
	}
	count = row_heights(body.h, want, minh, count, h);

	grid->first_row = top;
	grid->visible_rows = count;
	grid->more_above = top > 0;
	grid->more_below = top + count < rows;

	int y = body.y;
	for (int k = 0; k < count; k++) {
		/* a last row with fewer panes shares the whole width among them */
		size_t first = (size_t)(top + k) * (size_t)cols;
		int in_row = n - first < (size_t)cols ? (int)(n - first) : cols;
		int base = body.w / in_row, extra = body.w % in_row;
		int x = body.x;
		for (int c = 0; c < in_row; c++) {
			int w = base + (c < extra ? 1 : 0);
			size_t i = (size_t)(top + k) * (size_t)cols + (size_t)c;
			if (i < n)
				out[i] = (struct rect){ x, y, w, h[k] };
			x += w;
		}
		y += h[k];
	}
}

void layout_grid(struct rect body, const int *list, size_t n, size_t focus, int first_row,
                 struct rect *out, struct layout_grid *grid)
{
	layout_grid_styled(body, list, n, focus, first_row, LAYOUT_PANE_CHROME, out, grid);
}

void layout_grid_styled(struct rect body, const int *list, size_t n, size_t focus, int first_row, int chrome,
                        struct rect *out, struct layout_grid *grid)
{
	memset(grid, 0, sizeof *grid);
	for (size_t i = 0; i < n; i++)
		out[i] = (struct rect){ 0, 0, 0, 0 };
	if (n == 0 || body.w <= 0 || body.h <= 0)
		return;
	int max = layout_columns(body.w);
	if ((size_t)max > n)
		max = (int)n;
	/* Fewest panes off screen, then fewest milestone lines cut, then the
	 * widest panes (fewest columns). */
	int best = max;
	size_t best_panes = SIZE_MAX, best_lines = SIZE_MAX;
	for (int cols = 1; cols <= max; cols++) {
		grid_for(body, list, n, focus, first_row, cols, chrome, out, grid);
		size_t hidden_panes, hidden_lines;
		layout_hidden(list, n, chrome, out, &hidden_panes, &hidden_lines);
		if (hidden_panes < best_panes || (hidden_panes == best_panes && hidden_lines < best_lines)) {
			best = cols;
			best_panes = hidden_panes;
			best_lines = hidden_lines;
		}
	}
	grid_for(body, list, n, focus, first_row, best, chrome, out, grid);
}

void layout_grid_cols(struct rect body, const int *list, size_t n, size_t focus, int first_row, int chrome, int cols,
                      struct rect *out, struct layout_grid *grid)
{
	memset(grid, 0, sizeof *grid);
	for (size_t i = 0; i < n; i++)
		out[i] = (struct rect){ 0, 0, 0, 0 };
	if (n == 0 || body.w <= 0 || body.h <= 0 || cols < 1)
		return;
	grid_for(body, list, n, focus, first_row, (size_t)cols > n ? (int)n : cols, chrome, out, grid);
}

void layout_hidden(const int *list, size_t n, int chrome, const struct rect *out, size_t *panes, size_t *lines)
{
	*panes = *lines = 0;
	for (size_t i = 0; i < n; i++) {
		int want = list[i] > 0 ? list[i] : list[i] == LAYOUT_COLLAPSED ? 0 : 1;
		int shown = out[i].h > chrome ? out[i].h - chrome : 0;
		if (out[i].h == 0)
			(*panes)++;
		if (want > shown)
			*lines += (size_t)(want - shown);
	}
}

void layout_pane(struct rect pane, int label_w, struct layout_pane *out)
{
	memset(out, 0, sizeof *out);
	out->inner_x = 1;
	out->inner_w = pane.w > 2 ? pane.w - 2 : 0;
	out->bar_y = 1;
	out->list_y = 2;
	out->list_h = pane.h > LAYOUT_PANE_CHROME ? pane.h - LAYOUT_PANE_CHROME : 0;
	/* one space of margin on each side inside the border */
	int room = out->inner_w - 2;
	if (room < 0)
		room = 0;
	if (label_w > 0 && room - label_w - 1 >= 4) {
		out->label_w = label_w;
		out->bar_w = room - label_w - 1;
	} else {
		out->label_w = 0;
		out->bar_w = room;
	}
}

void layout_row(int inner_w, struct layout_row *out)
{
	/* " G title… !YYYY-MM-DD " */
	out->glyph_x = 1;
	out->title_x = 3;
	out->owner_x = out->owner_w = -1;
	out->date_w = 10;
	if (inner_w >= 24) {
		out->date_x = inner_w - 1 - 10;
		out->mark_x = out->date_x - 1;
		int right = out->mark_x - 1; /* the space before the mark */
		if (inner_w >= LAYOUT_OWNER_FROM) {
			out->owner_w = inner_w / 4;
			if (out->owner_w > 48)
				out->owner_w = 48;
			out->owner_x = right - out->owner_w;
			right = out->owner_x - 1;
		}
		out->title_w = right - out->title_x;
	} else {
		out->date_x = out->date_w = -1;
		out->mark_x = inner_w - 2;
		out->title_w = out->mark_x - 1 - out->title_x;
	}
	if (out->title_w < 0)
		out->title_w = 0;
	out->date_w = out->date_x >= 0 ? 10 : 0;
}

void layout_row_widen_date(struct layout_row *row, int date_w)
{
	if (row->date_x < 0 || date_w <= row->date_w)
		return;
	int extra = date_w - row->date_w, spare = row->title_w - LAYOUT_MIN_TITLE;
	if (extra > spare)
		extra = spare > 0 ? spare : 0;
	row->date_x -= extra;
	if (row->mark_x >= 0)
		row->mark_x -= extra;
	row->date_w += extra;
	if (row->owner_x >= 0)
		row->owner_x -= extra;
	row->title_w -= extra;
}

void layout_row_fit(int inner_w, int title_max, int owner_max, struct layout_row *out)
{
	layout_row(inner_w, out);
	if (out->owner_x < 0)
		return;
	int room = out->owner_x + out->owner_w - out->title_x; /* title, a space, owner */
	int title = title_max < room - 1 - 12 ? title_max : room - 1 - 12;
	if (owner_max < room - 1 - title) /* both whole: the title gets the rest */
		title = room - 1 - owner_max;
	out->title_w = title;
	out->owner_x = out->title_x + title + 1;
	out->owner_w = room - title - 1;
}

void layout_pane_meter(struct rect pane, struct layout_pane *out)
{
	memset(out, 0, sizeof *out);
	out->inner_w = pane.w; /* its first column is blank (the row's mark): the gap between two panes */
	out->bar_y = 0;
	out->list_y = 1;
	out->list_h = pane.h > LAYOUT_METER_CHROME ? pane.h - LAYOUT_METER_CHROME : 0;
}

void layout_row_meter(int inner_w, struct layout_row *out)
{
	if (inner_w >= LAYOUT_METER_WIDE) { /* room for the long date: as a box's row */
		layout_row(inner_w, out);
		return;
	}
	/* " G title… !12d" */
	out->glyph_x = 1;
	out->title_x = 3;
	out->owner_x = out->owner_w = -1;
	out->mark_x = -1; /* the short date carries its '!' */
	out->date_w = inner_w >= 16 ? LAYOUT_SHORT_DATE : 0;
	out->date_x = out->date_w ? inner_w - out->date_w : -1;
	out->title_w = (out->date_w ? out->date_x - 1 : inner_w) - out->title_x;
	if (out->title_w < 0)
		out->title_w = 0;
}

void layout_bar(const size_t *counts, size_t n, int width, int *cells)
{
	size_t total = 0, nonzero = 0;
	for (size_t i = 0; i < n; i++) {
		cells[i] = 0;
		total += counts[i];
		nonzero += counts[i] != 0;
	}
	if (total == 0 || width <= 0)
		return;
	/* 1. floors, remembering remainders (as numerators over total) */
	size_t rem[16];
	int given = 0;
	for (size_t i = 0; i < n && i < 16; i++) {
		unsigned long long scaled = (unsigned long long)counts[i] * (unsigned long long)width;
		cells[i] = (int)(scaled / total);
		rem[i] = (size_t)(scaled % total);
		given += cells[i];
	}
	/* 2. largest remainders, ties to the earlier segment */
	while (given < width) {
		size_t best = n;
		for (size_t i = 0; i < n && i < 16; i++)
			if (best == n || rem[i] > rem[best])
				best = i;
		cells[best]++;
		rem[best] = 0;
		given++;
	}
	/* 3. every non-zero count visible when there is room */
	if ((size_t)width < nonzero)
		return;
	for (size_t i = 0; i < n && i < 16; i++) {
		if (counts[i] == 0 || cells[i] > 0)
			continue;
		size_t most = n;
		for (size_t j = 0; j < n && j < 16; j++)
			if (most == n || cells[j] >= cells[most])
				most = j;
		cells[most]--;
		cells[i]++;
	}
}

int layout_marker(long num, long den, int width)
{
	if (width <= 0)
		return -1;
	if (den <= 0 || num <= 0)
		return 0;
	if (num >= den)
		return width - 1;
	long long m = (2LL * num * (width - 1) + den) / (2LL * den);
	return (int)m;
}

size_t layout_scroll(size_t top, size_t sel, size_t count, size_t visible)
{
	if (visible == 0 || count <= visible)
		return 0;
	if (sel >= count)
		sel = count - 1;
	if (sel < top)
		top = sel;
	else if (sel >= top + visible)
		top = sel - visible + 1;
	if (top > count - visible)
		top = count - visible;
	return top;
}

long layout_hit(const struct rect *r, size_t n, int x, int y)
{
	for (size_t i = 0; i < n; i++)
		if (r[i].h > 0 && r[i].w > 0 && x >= r[i].x && x < r[i].x + r[i].w && y >= r[i].y &&
		    y < r[i].y + r[i].h)
			return (long)i;
	return -1;
}

struct rect layout_center(struct rect area, int want_w, int want_h)
{
	int max_w = area.w >= want_w + 2 ? want_w : area.w - 2;
	int max_h = area.h >= want_h + 2 ? want_h : area.h - 2;
	if (max_w < 1)
		max_w = area.w;
	if (max_h < 1)
		max_h = area.h;
	struct rect r = { area.x + (area.w - max_w) / 2, area.y + (area.h - max_h) / 2, max_w, max_h };
	return r;
}
