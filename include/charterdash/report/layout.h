/* layout — where things go on the dashboard, in terminal cells.
 *
 * Pure arithmetic from sizes to rectangles and cell counts; nothing here
 * knows about curses, and every function is tested at 80x24, 40x10,
 * 200x60 and odd sizes. The UI draws into what these functions return.
 *
 * The screen, top to bottom:
 *   header   title line, 1 or 2 lines of dates, the overall bar line
 *   body     the grid of working-group panes (or one zoomed pane)
 *   footer   the key hints line, then the message line
 *
 * A pane is a box: a top border carrying the group's name and state, the
 * stacked progress bar line, the milestone list, a bottom border. The
 * roadmap's time bar is the header's: every group shares the window. A
 * pane the filter leaves empty can collapse to its top line. */
#ifndef CHARTERDASH_LAYOUT_H
#define CHARTERDASH_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

struct rect {
	int x, y, w, h;
};

/* Below this the dashboard shows only "terminal too small: need W x H". */
#define LAYOUT_MIN_WIDTH 32
#define LAYOUT_MIN_HEIGHT 10

#define LAYOUT_FOOTER_LINES 2
/* Lines of a pane that are not milestones: two borders and the bar. */
#define LAYOUT_PANE_CHROME 3
/* A meter pane (htop's meters, where boxes would cut milestone lines):
 * no border, one line with the name, bar, count and state, then the
 * milestones; its rows take the short date under LAYOUT_METER_WIDE
 * columns. */
#define LAYOUT_METER_CHROME 1
#define LAYOUT_METER_WIDE 60
#define LAYOUT_SHORT_DATE 5
/* A pane's wanted lines when the filter leaves it empty: a grid row of
 * such panes only is one line tall. */
#define LAYOUT_COLLAPSED (-1)
/* A milestone line gets an owner column from this inner width on. */
#define LAYOUT_OWNER_FROM 100
/* Milestone lines a pane keeps when the grid has to shrink panes. */
#define LAYOUT_PANE_MIN_LIST 2
/* Grid columns are never narrower than this (so 80 columns give 2). */
#define LAYOUT_PANE_MIN_WIDTH 40
#define LAYOUT_MAX_COLUMNS 3

bool layout_too_small(int width, int height);

/* The most grid columns a body `width` wide can have: 1 below 80 columns,
 * 2 below 120, else 3 (layout_grid may use fewer). */
int layout_columns(int width);

/* Lines of dates under the title: 2 when the terminal is at least 20 lines
 * tall, else 1 (the rest of the dates are then truncated away). */
int layout_header_info_lines(int height);

/* Packs `n` segments of the given widths on lines at most `width` wide,
 * `sep` columns between two segments on a line, in order, greedily, using
 * at most `max_lines` lines (what does not fit goes on the last line, to be
 * truncated by the caller). line_of[i] receives segment i's line. Returns
 * the lines used (at least 1 when n > 0). */
int layout_pack(const int *widths, size_t n, int width, int sep, int max_lines, int *line_of);

/* The three regions of a screen of width x height (not too small). */
struct layout_screen {
	struct rect header, body, footer;
};
void layout_screen(int width, int height, int header_lines, struct layout_screen *out);

/* The pane grid.
 *
 * In: the body rectangle, each pane's wanted milestone lines (list[i], 0
 * for an empty group: it still gets one line for a message;
 * LAYOUT_COLLAPSED for one the filter empties: a row of only those is
 * one line, in a row with others it is as tall as they), the focused pane, and the first visible grid row from the
 * previous layout (so the grid does not jump).
 *
 * Rows: each row is as tall as its tallest pane wants. When all rows do
 * not fit, rows shrink evenly (the tallest first) but keep at least
 * LAYOUT_PANE_MIN_LIST milestone lines; when even that does not fit, the
 * grid shows as many whole rows as fit, scrolled so that the focused pane's
 * row is visible, moving as little as possible from `first_row`. A row
 * never gets fewer lines than the body has (one pane of one line at 40x10).
 * Columns: from 1 to layout_columns(width), the count that leaves the
 * fewest panes off screen, then the fewest milestone lines cut, then the
 * fewest columns (the widest panes). They share the width, the first ones
 * one cell wider when it does not divide; the panes of a last row that is
 * not full share the whole width among them (wider titles, not a blank).
 *
 * Out: out[i] for each of the n panes: its rectangle, or h == 0 when it is
 * not on screen. */
struct layout_grid {
	int cols, rows;      /* grid size */
	int first_row;       /* first visible grid row */
	int visible_rows;
	bool more_above, more_below;
};
void layout_grid(struct rect body, const int *list, size_t n, size_t focus, int first_row,
                 struct rect *out, struct layout_grid *grid);
/* The same for panes of `chrome` lines besides their milestones
 * (LAYOUT_PANE_CHROME for boxes, LAYOUT_METER_CHROME for meters). */
void layout_grid_styled(struct rect body, const int *list, size_t n, size_t focus, int first_row, int chrome,
                        struct rect *out, struct layout_grid *grid);
/* The same with exactly `cols` columns. */
void layout_grid_cols(struct rect body, const int *list, size_t n, size_t focus, int first_row, int chrome, int cols,
                      struct rect *out, struct layout_grid *grid);
/* What a grid leaves out: panes off screen, and milestone lines cut. */
void layout_hidden(const int *list, size_t n, int chrome, const struct rect *out, size_t *panes, size_t *lines);

/* The lines inside a pane rectangle (relative to it). */
struct layout_pane {
	int inner_x, inner_w;  /* columns inside the side borders */
	int bar_y;             /* the progress bar line */
	int list_y, list_h;    /* the milestone lines */
	int bar_w, label_w;    /* bar cells, then a space and the label column */
};
/* label_w is the width of the label shown right of the bar ("12/100
 * 12%"); the bar shrinks to leave room. */
void layout_pane(struct rect pane, int label_w, struct layout_pane *out);

/* Columns of one milestone line inside a pane `inner_w` wide:
 *   glyph ' ' title ' ' [owner ' '] mark date
 * The date (10 columns) goes when the line is under 24 columns; the owner
 * column appears from LAYOUT_OWNER_FROM columns on (a pane of a wide
 * single column, or zoomed). -1 means hidden. */
struct layout_row {
	int glyph_x;
	int title_x, title_w;
	int owner_x, owner_w;
	int mark_x; /* the overdue mark '!' before the date (-1: none) */
	int date_x, date_w; /* date_w 10, or LAYOUT_SHORT_DATE ("!12d", "+3d") */
};
void layout_row(int inner_w, struct layout_row *out);
/* The same sized to the pane's longest title and owner (columns): with an
 * owner column, the title takes what it needs first (leaving the owner at
 * least 12 columns), the owner the rest, so both are whole when the line
 * has room for both. */
void layout_row_fit(int inner_w, int title_max, int owner_max, struct layout_row *out);
/* A meter pane's lines: its rectangle is all list but the first line; its
 * rows' first column (the mark of a match or someone else's change, blank
 * otherwise) is the gap to the pane on its left. */
void layout_pane_meter(struct rect pane, struct layout_pane *out);
/* A meter pane's milestone line: as layout_row from LAYOUT_METER_WIDE
 * columns on; narrower, the short date (LAYOUT_SHORT_DATE columns, from
 * 16 columns on) at the right edge, so that a pane of 40 columns keeps 31
 * for the title. */
void layout_row_meter(int inner_w, struct layout_row *out);
/* Widens the date column to `date_w` (a done row's "done 05-12, 3 d late")
 * by taking columns from the title, which keeps at least
 * LAYOUT_MIN_TITLE; no effect when the row shows no date. */
#define LAYOUT_MIN_TITLE 18
void layout_row_widen_date(struct layout_row *row, int date_w);

/* Splits `width` cells among n segments in proportion to counts (largest
 * remainder rounding). The rule:
 *   1. each segment gets floor(count * width / total) cells;
 *   2. the cells left over go one each to the segments with the largest
 *      remainders, ties to the earlier segment;
 *   3. a non-zero count that got no cell takes one from the segment with
 *      the most cells (ties: the later one), as long as there are at
 *      least as many cells as non-zero counts.
 * So the cells always add up to exactly `width` (0 everywhere when the
 * total is 0), and no non-zero count is invisible unless the bar is too
 * narrow to show them all. */
void layout_bar(const size_t *counts, size_t n, int width, int *cells);

/* The cell (0 .. width-1) of the "today" marker on a time bar for the
 * elapsed fraction num/den (den > 0, 0 <= num <= den), rounded to the
 * nearest: 0 at the start, width-1 at or after the deadline. Cells before
 * it are drawn elapsed. -1 when width <= 0. */
int layout_marker(long num, long den, int width);

/* The first visible item of a list of `count` items shown `visible` at a
 * time, so that `sel` is visible, moving as little as possible from `top`
 * and never leaving blank lines after the last item. */
size_t layout_scroll(size_t top, size_t sel, size_t count, size_t visible);

/* The index of the first of n rectangles (h > 0) holding cell (x, y), or -1. */
long layout_hit(const struct rect *r, size_t n, int x, int y);

/* A centred box for an overlay: at most want_w x want_h, at least 1 cell
 * of margin from the area's edges when there is room. */
struct rect layout_center(struct rect area, int want_w, int want_h);

#endif
