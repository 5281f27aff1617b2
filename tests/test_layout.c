/* test_layout — the pane grid, bars, markers and scroll windows at 80x24,
 * 40x10, 200x60 and odd sizes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/report/layout.h"

static void test_columns_and_minimum(void **state)
{
	(void)state;
	assert_int_equal(layout_columns(1), 1);
	assert_int_equal(layout_columns(40), 1);
	assert_int_equal(layout_columns(79), 1);
	assert_int_equal(layout_columns(80), 2);
	assert_int_equal(layout_columns(119), 2);
	assert_int_equal(layout_columns(120), 3);
	assert_int_equal(layout_columns(200), 3);
	assert_int_equal(layout_columns(1000), 3);

	assert_false(layout_too_small(80, 24));
	assert_false(layout_too_small(40, 10));
	assert_false(layout_too_small(LAYOUT_MIN_WIDTH, LAYOUT_MIN_HEIGHT));
	assert_true(layout_too_small(LAYOUT_MIN_WIDTH - 1, 40));
	assert_true(layout_too_small(120, LAYOUT_MIN_HEIGHT - 1));
	assert_true(layout_too_small(20, 5));
	assert_true(layout_too_small(1, 1));
	assert_true(layout_too_small(0, 0));

	assert_int_equal(layout_header_info_lines(24), 2);
	assert_int_equal(layout_header_info_lines(19), 1);
	assert_int_equal(layout_header_info_lines(10), 1);
}

static void test_pack(void **state)
{
	(void)state;
	int w[] = { 17, 34, 35 }, line[3];
	assert_int_equal(layout_pack(w, 3, 120, 3, 2, line), 1);
	assert_int_equal(line[2], 0);
	assert_int_equal(layout_pack(w, 3, 80, 3, 2, line), 2);
	assert_int_equal(line[0], 0);
	assert_int_equal(line[1], 0);
	assert_int_equal(line[2], 1);
	assert_int_equal(layout_pack(w, 3, 40, 3, 2, line), 2);
	assert_int_equal(line[1], 1);
	assert_int_equal(line[2], 1); /* no third line: the rest goes on the last */
	assert_int_equal(layout_pack(w, 3, 40, 3, 1, line), 1);
	assert_int_equal(line[2], 0);
	assert_int_equal(layout_pack(w, 0, 40, 3, 1, line), 0);
}

static void test_screen(void **state)
{
	(void)state;
	struct layout_screen s;
	layout_screen(80, 24, 4, &s);
	assert_int_equal(s.header.h, 4);
	assert_int_equal(s.body.y, 4);
	assert_int_equal(s.body.h, 18);
	assert_int_equal(s.footer.y, 22);
	assert_int_equal(s.footer.h, 2);
	layout_screen(40, 10, 3, &s);
	assert_int_equal(s.body.h, 5);
	assert_int_equal(s.footer.y, 8);
	layout_screen(200, 60, 3, &s);
	assert_int_equal(s.body.h, 55);
	assert_int_equal(s.body.w, 200);
}

/* Checks what every grid must satisfy: visible panes inside the body, no
 * overlap, the focused pane visible, column widths adding up. */
static void check_grid(struct rect body, const int *list, size_t n, size_t focus, const struct rect *r,
                       const struct layout_grid *g)
{
	assert_true(r[focus].h > 0);
	int visible = 0;
	for (size_t i = 0; i < n; i++) {
		if (r[i].h == 0)
			continue;
		visible++;
		/* never taller than the tallest pane of its row wants */
		int row_want = 0;
		size_t row0 = i - i % (size_t)g->cols;
		for (size_t j = row0; j < row0 + (size_t)g->cols && j < n; j++)
			if (LAYOUT_PANE_CHROME + (list[j] > 0 ? list[j] : 1) > row_want)
				row_want = LAYOUT_PANE_CHROME + (list[j] > 0 ? list[j] : 1);
		assert_true(r[i].h <= row_want);
		assert_true(r[i].x >= body.x && r[i].x + r[i].w <= body.x + body.w);
		assert_true(r[i].y >= body.y && r[i].y + r[i].h <= body.y + body.h);
		for (size_t j = i + 1; j < n; j++) {
			if (r[j].h == 0)
				continue;
			bool apart = r[i].x + r[i].w <= r[j].x || r[j].x + r[j].w <= r[i].x ||
			             r[i].y + r[i].h <= r[j].y || r[j].y + r[j].h <= r[i].y;
			assert_true(apart);
		}
	}
	assert_true(visible >= 1);
	/* one full row of columns adds up to the body width */
	size_t first = (size_t)g->first_row * (size_t)g->cols;
	if (first + (size_t)g->cols <= n) {
		int sum = 0;
		for (int c = 0; c < g->cols; c++)
			sum += r[first + (size_t)c].w;
		assert_int_equal(sum, body.w);
	}
}

/* The shipped charter at 120x40: two columns of 60 show every milestone
 * (three of 40 would too, with titles cut 20 columns shorter). */
static void test_grid_120x40_all_fit(void **state)
{
	(void)state;
	struct layout_screen s;
	layout_screen(120, 40, 3, &s);
	int list[] = { 8, 8, 7, 8, 8 };
	struct rect r[5];
	struct layout_grid g;
	layout_grid(s.body, list, 5, 0, 0, r, &g);
	assert_int_equal(g.cols, 2);
	assert_int_equal(g.rows, 3);
	assert_int_equal(g.visible_rows, 3);
	assert_false(g.more_below);
	for (int i = 0; i < 5; i++) {
		/* the last row's single pane takes the whole width */
		assert_int_equal(r[i].w, i == 4 ? 120 : 60);
		assert_int_equal(r[i].h, 11); /* chrome 3 + 8 milestones */
	}
	assert_int_equal(r[4].x, s.body.x);
	assert_int_equal(r[2].y, s.body.y + 11);
	check_grid(s.body, list, 5, 0, r, &g);
}

/* Panes the filter empties: a row of only those is one line; next to a
 * pane with rows they keep the row's height. */
static void test_grid_collapses_filtered_rows(void **state)
{
	(void)state;
	struct rect body = { 0, 3, 80, 19 }, r[5];
	int list[] = { LAYOUT_COLLAPSED, LAYOUT_COLLAPSED, 2, LAYOUT_COLLAPSED, LAYOUT_COLLAPSED };
	struct layout_grid g;
	layout_grid(body, list, 5, 0, 0, r, &g);
	assert_int_equal(g.cols, 1); /* everything fits in one column of 80 */
	assert_int_equal(r[0].h, 1);
	assert_int_equal(r[1].h, 1);
	assert_int_equal(r[1].y, 4);
	assert_int_equal(r[2].h, 5);
	assert_int_equal(r[3].y, r[2].y + 5);
	assert_int_equal(r[4].h, 1);
	/* two columns: the collapsed pane beside a full one is as tall */
	struct rect wide = { 0, 3, 80, 6 };
	layout_grid(wide, list, 5, 0, 0, r, &g);
	assert_int_equal(g.cols, 2);
	assert_int_equal(r[2].h, r[3].h);
	assert_int_equal(r[0].h, 1);
	/* an empty group (0, no milestones at all) keeps its message line */
	int empty[] = { 0 };
	layout_grid(body, empty, 1, 0, 0, r, &g);
	assert_int_equal(r[0].h, LAYOUT_PANE_CHROME + 1);
}

static void test_grid_80x24_shrinks_evenly(void **state)
{
	(void)state;
	struct layout_screen s;
	layout_screen(80, 24, 4, &s);
	int list[] = { 8, 8, 7, 8, 8 };
	struct rect r[5];
	struct layout_grid g;
	layout_grid(s.body, list, 5, 4, 0, r, &g);
	assert_int_equal(g.cols, 2);
	assert_int_equal(g.rows, 3);
	assert_int_equal(g.visible_rows, 3);
	for (int i = 0; i < 5; i++) {
		assert_int_equal(r[i].h, 6);
		assert_int_equal(r[i].w, i == 4 ? 80 : 40);
	}
	check_grid(s.body, list, 5, 4, r, &g);
	/* one more line goes to the first row */
	layout_screen(80, 25, 4, &s);
	layout_grid(s.body, list, 5, 0, 0, r, &g);
	assert_int_equal(r[0].h, 7);
	assert_int_equal(r[2].h, 6);
}

/* The shipped charter's five groups at 80x24 as meters (one line of
 * chrome): two columns, every milestone row of a 40-column pane keeps 31
 * title columns, and meters cut fewer lines than boxes. */
static void test_grid_80x24_meters(void **state)
{
	(void)state;
	struct layout_screen s;
	layout_screen(80, 24, 4, &s);
	int list[] = { 8, 8, 7, 8, 8 };
	struct rect r[5];
	struct layout_grid g;
	size_t panes, lines, mpanes, mlines;
	layout_grid(s.body, list, 5, 0, 0, r, &g);
	layout_hidden(list, 5, LAYOUT_PANE_CHROME, r, &panes, &lines);
	layout_grid_styled(s.body, list, 5, 0, 0, LAYOUT_METER_CHROME, r, &g);
	layout_hidden(list, 5, LAYOUT_METER_CHROME, r, &mpanes, &mlines);
	assert_int_equal(g.cols, 2);
	assert_int_equal(panes + mpanes, 0);
	assert_int_equal(lines, 24);  /* boxes: 3 of each pane's rows */
	assert_int_equal(mlines, 14); /* meters: 5 */
	struct layout_pane lp;
	layout_pane_meter(r[0], &lp);
	assert_int_equal(lp.list_y, 1);
	assert_int_equal(lp.list_h, 5);
	assert_int_equal(lp.inner_w, 40);
	struct layout_row row;
	layout_row_meter(lp.inner_w, &row);
	assert_int_equal(row.glyph_x, 1);
	assert_int_equal(row.title_x, 3);
	assert_int_equal(row.title_w, 31);
	assert_int_equal(row.date_w, LAYOUT_SHORT_DATE);
	assert_int_equal(row.date_x, 35);
	assert_int_equal(row.mark_x, -1);
	/* a wide meter rows as a box's, with the long date */
	layout_row_meter(120, &row);
	assert_int_equal(row.date_w, 10);
	assert_true(row.owner_x > 0);
}

static void test_grid_40x10_scrolls_one_pane(void **state)
{
	(void)state;
	struct layout_screen s;
	layout_screen(40, 10, 3, &s);
	int list[] = { 8, 8, 7, 8, 8 };
	struct rect r[5];
	struct layout_grid g;
	layout_grid(s.body, list, 5, 3, 0, r, &g);
	assert_int_equal(g.cols, 1);
	assert_int_equal(g.visible_rows, 1);
	assert_int_equal(g.first_row, 3);
	assert_true(g.more_above);
	assert_true(g.more_below);
	assert_int_equal(r[3].h, 5); /* the whole body: one milestone line */
	assert_int_equal(r[3].w, 40);
	assert_int_equal(r[0].h, 0);
	check_grid(s.body, list, 5, 3, r, &g);
}

static void test_grid_200x60_fifty_groups(void **state)
{
	(void)state;
	struct layout_screen s;
	layout_screen(200, 60, 4, &s);
	int list[50];
	for (int i = 0; i < 50; i++)
		list[i] = i % 5; /* including empty groups */
	struct rect r[50];
	struct layout_grid g;
	layout_grid(s.body, list, 50, 0, 0, r, &g);
	assert_int_equal(g.cols, 3);
	assert_int_equal(g.rows, 17);
	assert_int_equal(g.first_row, 0);
	assert_true(g.more_below);
	check_grid(s.body, list, 50, 0, r, &g);
	assert_int_equal(r[0].w + r[1].w + r[2].w, 200);
	assert_int_equal(r[0].w, 67); /* 200 = 67 + 67 + 66 */
	assert_int_equal(r[2].w, 66);

	/* focus the last pane: the grid scrolls to the end, keeps it in view */
	int first = g.first_row;
	layout_grid(s.body, list, 50, 49, first, r, &g);
	assert_int_equal(g.first_row + g.visible_rows, 17);
	assert_false(g.more_below);
	check_grid(s.body, list, 50, 49, r, &g);

	/* moving back up one row does not jump: the window moves only when needed */
	int last_first = g.first_row;
	layout_grid(s.body, list, 50, 40, last_first, r, &g);
	assert_int_equal(g.first_row, last_first);
}

static void test_grid_odd_sizes(void **state)
{
	(void)state;
	int sizes[][2] = { { 32, 10 }, { 33, 11 }, { 81, 25 }, { 121, 41 }, { 199, 59 }, { 97, 13 }, { 41, 200 } };
	int list[17];
	for (int i = 0; i < 17; i++)
		list[i] = (i * 7) % 11;
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		for (size_t n = 1; n <= 17; n += 4) {
			for (size_t focus = 0; focus < n; focus++) {
				struct layout_screen s;
				layout_screen(sizes[k][0], sizes[k][1], layout_header_info_lines(sizes[k][1]) + 2, &s);
				struct rect r[17];
				struct layout_grid g;
				layout_grid(s.body, list, n, focus, (int)focus / 2, r, &g);
				check_grid(s.body, list, n, focus, r, &g);
			}
		}
	}
}

static void test_grid_prefers_wide_panes_when_all_fit(void **state)
{
	(void)state;
	/* 200x60, five groups of 8: one column of 200 shows everything, with
	 * whole titles and the owners */
	struct layout_screen s;
	layout_screen(200, 60, 3, &s);
	int list[] = { 8, 8, 7, 8, 8 };
	struct rect r[5];
	struct layout_grid g;
	layout_grid(s.body, list, 5, 0, 0, r, &g);
	assert_int_equal(g.cols, 1);
	assert_int_equal(r[0].w, 200);
	assert_int_equal(r[4].h, 11);
	assert_false(g.more_below);
	/* two lines shorter: two columns of 100 lose nothing */
	layout_screen(200, 58, 3, &s);
	layout_grid(s.body, list, 5, 0, 0, r, &g);
	assert_int_equal(g.cols, 2);
	assert_int_equal(r[0].w, 100);
	/* 120x40: two columns of 60 */
	layout_screen(120, 40, 3, &s);
	layout_grid(s.body, list, 5, 0, 0, r, &g);
	assert_int_equal(g.cols, 2);
	/* when all panes fit in one column, one column */
	int small[] = { 1, 1, 1 };
	layout_grid(s.body, small, 3, 0, 0, r, &g);
	assert_int_equal(g.cols, 1);
	assert_int_equal(r[2].w, 120);
}

static void test_grid_single_group_uses_width(void **state)
{
	(void)state;
	struct rect body = { 0, 4, 200, 50 }, r[1];
	int list[] = { 3 };
	struct layout_grid g;
	layout_grid(body, list, 1, 0, 0, r, &g);
	assert_int_equal(g.cols, 1);
	assert_int_equal(r[0].w, 200);
	assert_int_equal(r[0].h, 6);
	/* no groups at all */
	layout_grid(body, list, 0, 0, 0, r, &g);
	assert_int_equal(g.rows, 0);
}

static void test_pane_and_row(void **state)
{
	(void)state;
	struct layout_pane p;
	layout_pane((struct rect){ 0, 0, 40, 12 }, 8, &p);
	assert_int_equal(p.inner_w, 38);
	assert_int_equal(p.list_y, 2);
	assert_int_equal(p.list_h, 9);
	assert_int_equal(p.label_w, 8);
	assert_int_equal(p.bar_w, 38 - 2 - 8 - 1);
	layout_pane((struct rect){ 0, 0, 10, 5 }, 8, &p); /* too narrow for a label */
	assert_int_equal(p.label_w, 0);
	assert_int_equal(p.bar_w, 6);
	assert_int_equal(p.list_h, 2);

	struct layout_row row;
	layout_row(38, &row);
	assert_int_equal(row.glyph_x, 1);
	assert_int_equal(row.title_x, 3);
	assert_int_equal(row.date_x, 27);
	assert_int_equal(row.mark_x, 26);
	assert_int_equal(row.title_w, 22);
	assert_int_equal(row.owner_x, -1);
	assert_int_equal(row.date_x + 10 + 1, 38);
	layout_row(20, &row); /* no room for the date */
	assert_int_equal(row.date_x, -1);
	assert_int_equal(row.title_x + row.title_w + 1, row.mark_x);
	layout_row(198, &row); /* zoomed at 200 columns: an owner column */
	assert_true(row.owner_x > row.title_x + row.title_w);
	assert_int_equal(row.owner_x + row.owner_w + 1, row.mark_x);
	assert_int_equal(row.owner_w, 48);
	layout_row(3, &row);
	assert_int_equal(row.title_w, 0);
}

static int sum(const int *v, size_t n)
{
	int s = 0;
	for (size_t i = 0; i < n; i++)
		s += v[i];
	return s;
}

static void test_bar_largest_remainder(void **state)
{
	(void)state;
	int cells[4];
	size_t econ[] = { 3, 2, 0, 3 }; /* done, in progress, blocked, not started */
	layout_bar(econ, 4, 25, cells);
	assert_int_equal(cells[0], 10);
	assert_int_equal(cells[1], 6);
	assert_int_equal(cells[2], 0);
	assert_int_equal(cells[3], 9);

	size_t tiny[] = { 1, 0, 0, 99 };
	layout_bar(tiny, 4, 10, cells);
	assert_int_equal(cells[0], 1); /* visible although 0.1 of a cell */
	assert_int_equal(cells[3], 9);

	size_t even[] = { 1, 1, 1, 1 };
	layout_bar(even, 4, 2, cells); /* too narrow to show all four */
	assert_int_equal(sum(cells, 4), 2);
	assert_int_equal(cells[0], 1);
	assert_int_equal(cells[1], 1);
	layout_bar(even, 4, 6, cells);
	assert_int_equal(cells[0], 2);
	assert_int_equal(cells[1], 2);
	assert_int_equal(cells[2], 1);
	assert_int_equal(cells[3], 1);

	size_t none[] = { 0, 0, 0, 0 };
	layout_bar(none, 4, 30, cells);
	assert_int_equal(sum(cells, 4), 0);
	layout_bar(econ, 4, 0, cells);
	assert_int_equal(sum(cells, 4), 0);

	size_t all_done[] = { 7, 0, 0, 0 };
	layout_bar(all_done, 4, 30, cells);
	assert_int_equal(cells[0], 30);
}

static void test_bar_always_fills(void **state)
{
	(void)state;
	srand(42);
	for (int iter = 0; iter < 5000; iter++) {
		size_t counts[4];
		size_t nonzero = 0;
		for (int i = 0; i < 4; i++) {
			counts[i] = (size_t)(rand() % 4 == 0 ? 0 : rand() % (iter % 3 == 0 ? 5 : 1000));
			nonzero += counts[i] != 0;
		}
		int width = rand() % 200;
		int cells[4];
		layout_bar(counts, 4, width, cells);
		size_t total = counts[0] + counts[1] + counts[2] + counts[3];
		assert_int_equal(sum(cells, 4), total ? width : 0);
		for (int i = 0; i < 4; i++) {
			assert_true(cells[i] >= 0);
			if (counts[i] == 0)
				assert_int_equal(cells[i], 0);
			else if ((size_t)width >= nonzero)
				assert_true(cells[i] >= 1);
			/* never more than one cell away from the exact share, except
			 * for the cells lent to tiny segments (at most 3 here) */
			double exact = total ? (double)counts[i] * width / (double)total : 0;
			assert_true(cells[i] <= exact + 1.0 + 0.0001);
			assert_true(cells[i] >= exact - 1.0 - 3.0);
		}
	}
}

static void test_marker(void **state)
{
	(void)state;
	assert_int_equal(layout_marker(0, 89, 20), 0);
	assert_int_equal(layout_marker(89, 89, 20), 19); /* at the deadline: full */
	assert_int_equal(layout_marker(200, 89, 20), 19);
	assert_int_equal(layout_marker(5, 10, 21), 10);
	assert_int_equal(layout_marker(1, 3, 10), 3); /* 3.0 */
	assert_int_equal(layout_marker(1, 2, 10), 5); /* 4.5 rounds up */
	assert_int_equal(layout_marker(3, 5, 1), 0);
	assert_int_equal(layout_marker(3, 5, 0), -1);
	assert_int_equal(layout_marker(3, 0, 10), 0);
}

static void test_scroll(void **state)
{
	(void)state;
	assert_int_equal(layout_scroll(0, 3, 8, 5), 0);
	assert_int_equal(layout_scroll(0, 5, 8, 5), 1);
	assert_int_equal(layout_scroll(0, 7, 8, 5), 3);
	assert_int_equal(layout_scroll(3, 4, 8, 5), 3); /* visible: stays */
	assert_int_equal(layout_scroll(3, 1, 8, 5), 1);
	assert_int_equal(layout_scroll(6, 7, 8, 5), 3); /* no blank lines at the end */
	assert_int_equal(layout_scroll(4, 2, 3, 5), 0); /* everything fits */
	assert_int_equal(layout_scroll(0, 100, 8, 5), 3);
	assert_int_equal(layout_scroll(2, 0, 8, 0), 0);
	assert_int_equal(layout_scroll(0, 1, 8, 1), 1);
}

static void test_hit_and_center(void **state)
{
	(void)state;
	struct rect r[] = { { 0, 4, 40, 6 }, { 40, 4, 40, 6 }, { 0, 10, 40, 0 } };
	assert_int_equal(layout_hit(r, 3, 0, 4), 0);
	assert_int_equal(layout_hit(r, 3, 39, 9), 0);
	assert_int_equal(layout_hit(r, 3, 40, 9), 1);
	assert_int_equal(layout_hit(r, 3, 0, 10), -1); /* hidden pane */
	assert_int_equal(layout_hit(r, 3, 80, 4), -1);

	struct rect area = { 0, 3, 80, 19 };
	struct rect c = layout_center(area, 60, 30);
	assert_int_equal(c.w, 60);
	assert_int_equal(c.h, 17);
	assert_int_equal(c.x, 10);
	assert_int_equal(c.y, 4);
	c = layout_center((struct rect){ 0, 0, 20, 5 }, 60, 30);
	assert_int_equal(c.w, 18);
	assert_int_equal(c.h, 3);
}

/* A done row's wider date column comes out of the title, which keeps at
 * least LAYOUT_MIN_TITLE columns; a row too narrow for a date is left be. */
static void test_row_widen_date(void **state)
{
	(void)state;
	struct layout_row r;
	layout_row(60, &r);
	int title = r.title_w, end = r.date_x + r.date_w;
	layout_row_widen_date(&r, 24);
	assert_int_equal(r.date_w, 24);
	assert_int_equal(r.date_x + r.date_w, end); /* still ends where it did */
	assert_int_equal(r.mark_x, r.date_x - 1);
	assert_int_equal(r.title_w, title - 14);
	layout_row(36, &r); /* a pane at 80 columns: the title gives what it can spare */
	layout_row_widen_date(&r, 24);
	assert_int_equal(r.title_w, LAYOUT_MIN_TITLE);
	assert_int_equal(r.date_w, 10 + 20 - LAYOUT_MIN_TITLE);
	layout_row(20, &r);
	layout_row_widen_date(&r, 24);
	assert_int_equal(r.date_x, -1);
	layout_row(60, &r);
	layout_row_widen_date(&r, 8); /* narrower than it is: no change */
	assert_int_equal(r.date_w, 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns_and_minimum),
		cmocka_unit_test(test_row_widen_date),
		cmocka_unit_test(test_pack),
		cmocka_unit_test(test_screen),
		cmocka_unit_test(test_grid_120x40_all_fit),
		cmocka_unit_test(test_grid_collapses_filtered_rows),
		cmocka_unit_test(test_grid_80x24_shrinks_evenly),
		cmocka_unit_test(test_grid_80x24_meters),
		cmocka_unit_test(test_grid_40x10_scrolls_one_pane),
		cmocka_unit_test(test_grid_200x60_fifty_groups),
		cmocka_unit_test(test_grid_odd_sizes),
		cmocka_unit_test(test_grid_prefers_wide_panes_when_all_fit),
		cmocka_unit_test(test_grid_single_group_uses_width),
		cmocka_unit_test(test_pane_and_row),
		cmocka_unit_test(test_bar_largest_remainder),
		cmocka_unit_test(test_bar_always_fills),
		cmocka_unit_test(test_marker),
		cmocka_unit_test(test_scroll),
		cmocka_unit_test(test_hit_and_center),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
