/* test_ui_session — the dashboard without tmux: the session's own steps
 * (charterdash/ui/ui_session.h) on a newterm screen over /dev/null, driven by
 * key scripts; the tests look at the mode, the selection, the message
 * line, the screen (curscr, as drawn) and the file on disk. What needs a
 * real terminal (signals, the alternate screen, paste, timing) stays in
 * tests/e2e/test_dashboard*.sh. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* mkdtemp, setenv */
#endif
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charterdash/report/progress.h"
#include "charterdash/store/presence.h"
#include "charterdash/ui/ui_session.h"
#include "support.h"

static const char charter_text[] =
	"charter:\n"
	"  title: Session Test Charter\n"
	"  signed: 2026-02-09\n"
	"working_groups:\n"
	"  - id: econ\n"
	"    name: Economy\n"
	"    milestones:\n"
	"      - id: econ-1\n"
	"        title: Constitute the group\n"
	"        status: done\n"
	"        due: 2026-03-13\n"
	"      - id: econ-2\n"
	"        title: Adopt the roadmap\n"
	"        status: not_started\n"
	"        due: 2026-12-15\n"
	"  - id: energy\n"
	"    name: Energy\n"
	"    milestones:\n"
	"      - id: energy-1\n"
	"        title: Shortlist projects\n"
	"        status: in_progress\n"
	"        due: 2027-01-29\n";

/* What open_on writes as the charter: charter_text, or the shipped one. */
static const char *fixture_text = charter_text;

struct fixture {
	char dir[64];
	char path[96];
	FILE *out, *in;
	struct ui *ui;
};

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	static char buf[8192];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* A session on an 80x24 (or h x w) screen showing a fresh copy of the
 * charter, opened with `read_only`. */
static void open_on(struct fixture *fx, int h, int w, bool read_only, struct date today);
/* The same with the options `opt` (today, ascii and read_only as given). */
static void open_with(struct fixture *fx, int h, int w, const struct ui_options *opt);

static void open_at(struct fixture *fx, int h, int w, bool read_only)
{
	open_on(fx, h, w, read_only, D(2026, 11, 26));
}

/* The same on another day. */
static void open_on(struct fixture *fx, int h, int w, bool read_only, struct date today)
{
	struct ui_options opt = { .today = today, .ascii = true, .read_only = read_only };
	open_with(fx, h, w, &opt);
}

static void open_with(struct fixture *fx, int h, int w, const struct ui_options *opt)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(fx->dir, sizeof fx->dir, "%s/uisess-XXXXXX", tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	assert_non_null(mkdtemp(fx->dir));
	snprintf(fx->path, sizeof fx->path, "%s/charter.yaml", fx->dir);
	write_file(fx->path, fixture_text);
	char lines[16], cols[16];
	snprintf(lines, sizeof lines, "%d", h);
	snprintf(cols, sizeof cols, "%d", w);
	setenv("LINES", lines, 1); /* newterm takes the size from here */
	setenv("COLUMNS", cols, 1);
	setenv("TERM", "xterm-256color", 1);
	fx->ui = ui_open(fx->path, opt);
	assert_non_null(fx->ui);
	fx->out = fopen("/dev/null", "w");
	fx->in = fopen("/dev/null", "r");
	assert_non_null(fx->out);
	assert_non_null(fx->in);
	assert_true(ui_open_screen(fx->ui, fx->out, fx->in, false));
	ui_draw(fx->ui);
}

static int setup(void **state)
{
	static struct fixture fx;
	memset(&fx, 0, sizeof fx);
	open_at(&fx, 24, 80, false);
	*state = &fx;
	return 0;
}

static int setup_read_only(void **state)
{
	static struct fixture fx;
	memset(&fx, 0, sizeof fx);
	open_at(&fx, 24, 80, true);
	*state = &fx;
	return 0;
}

/* bob's dashboard following amina's (--follow amina). */
static int setup_follower(void **state)
{
	static struct fixture fx;
	memset(&fx, 0, sizeof fx);
	struct ui_options opt = { .today = D(2026, 11, 26), .ascii = true, .follow = true, .follow_user = "amina" };
	open_with(&fx, 24, 80, &opt);
	*state = &fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	ui_close(fx->ui);
	fclose(fx->out);
	fclose(fx->in);
	/* the file, its history, lock and presence records */
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	assert_int_equal(system(cmd), 0);
	return 0;
}

/* One key as the event loop handles it, then the draw it asks for. */
static unsigned key(struct fixture *fx, int k)
{
	unsigned flags = ui_handle_key(fx->ui, k);
	if (!(flags & UI_QUIT) && ui_needs_draw(fx->ui))
		ui_draw(fx->ui);
	return flags;
}

/* Each character of `s` as a key. */
static void type(struct fixture *fx, const char *s)
{
	for (; *s; s++)
		key(fx, (unsigned char)*s);
}

static const char *message(struct fixture *fx, bool *is_error)
{
	return ui_message_text(fx->ui, is_error);
}

/* The screen, into a failing test's log with CD_TEST_SCREEN=1. */
static void dump_screen(void)
{
	if (!getenv("CD_TEST_SCREEN"))
		return;
	char row[512];
	for (int y = 0; y < LINES; y++)
		if (mvwinnstr(curscr, y, 0, row, COLS < 511 ? COLS : 511) != ERR)
			fprintf(stderr, "|%s|\n", row);
}

/* True when `text` shows anywhere on the screen as last drawn. */
static bool on_screen(const char *text)
{
	char row[512];
	for (int y = 0; y < LINES; y++) {
		if (mvwinnstr(curscr, y, 0, row, COLS < 511 ? COLS : 511) == ERR)
			continue;
		if (strstr(row, text))
			return true;
	}
	dump_screen();
	return false;
}

static const char *selected_id(struct fixture *fx)
{
	long m = ui_selected(fx->ui);
	return m >= 0 ? ui_charter(fx->ui)->milestones[m].id : "";
}

/* --- tests ---------------------------------------------------------------- */

static void opens_on_the_dashboard(void **state)
{
	struct fixture *fx = *state;
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	/* attention order: the open milestone before the done one */
	assert_string_equal(selected_id(fx), "econ-2");
	assert_string_equal(message(fx, NULL), "");
	assert_true(on_screen("Session Test Charter"));
	assert_true(on_screen("q quit"));
}

static void moves_and_opens_the_detail(void **state)
{
	struct fixture *fx = *state;
	key(fx, 'j');
	assert_string_equal(selected_id(fx), "econ-1");
	key(fx, UI_FN(KEY_RIGHT));
	assert_string_equal(selected_id(fx), "energy-1");
	key(fx, '\r');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_DETAIL);
	assert_true(on_screen("Milestone energy-1"));
	key(fx, UI_ESC);
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
}

/* The help is generated from the requests: the footer word and help line
 * of a key come from the same declaration. */
static void help_lists_the_keys(void **state)
{
	struct fixture *fx = *state;
	key(fx, '?');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_HELP);
	assert_true(on_screen("Help: keys"));
	assert_true(on_screen("previous milestone (into the pane above at the top)"));
	assert_true(on_screen("Up k              previous milestone"));
	assert_true(on_screen("Up/Down scroll  Esc back")); /* the footer, from the same requests */
	/* the scroll requests move the help; the measure step keeps it full */
	key(fx, UI_FN(KEY_END));
	assert_true(on_screen("also here:"));
	key(fx, UI_FN(KEY_HOME));
	assert_true(on_screen("Dashboard"));
	key(fx, '?');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
}

/* At 80 columns the help wraps its long lines (never cuts them), scrolls
 * to its very end, and `/` finds text in it; n goes on to the next match. */
static void help_wraps_scrolls_and_searches(void **state)
{
	struct fixture *fx = *state;
	key(fx, '?');
	key(fx, UI_FN(KEY_END));
	/* the legend's last line, wrapped: its end on a line of its own */
	assert_true(on_screen("in the header: who else has this file open in"));
	assert_true(on_screen("  charterdash "));
	assert_true(on_screen("(the reason when you try)")); /* the line before, wrapped too */
	key(fx, UI_FN(KEY_HOME));
	type(fx, "/burn");
	assert_int_equal(ui_mode(fx->ui), UI_MODE_SEARCH);
	assert_true(on_screen("Help: keys")); /* the help stays under its search */
	assert_true(on_screen("burn-up: done over time"));
	key(fx, '\r');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_HELP);
	assert_non_null(strstr(message(fx, NULL), "n next, N previous match of \"burn\" in the help"));
	type(fx, "/zzzq");
	key(fx, '\r');
	bool err = false;
	assert_string_equal(message(fx, &err), "No match for \"zzzq\"");
	assert_true(err);
	assert_int_equal(ui_mode(fx->ui), UI_MODE_HELP);
	key(fx, UI_ESC);
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	assert_false(on_screen("match")); /* the panes' search untouched */
}

/* The help screen's words for the states are the rules of progress.h, and
 * README.md's "In the dashboard" table says exactly the same, row for row. */
static void help_states_match_readme(void **state)
{
	struct fixture *fx = *state;
	key(fx, '?');
	key(fx, UI_FN(KEY_END));
	char line[160];
	for (size_t i = 0; i < progress_rule_count; i++) {
		snprintf(line, sizeof line, "%-17s %s", progress_rules[i].word, progress_rules[i].meaning);
		assert_true(on_screen(line));
	}
	key(fx, UI_ESC);

	FILE *f = fopen("README.md", "r"); /* the unit tests run from the checkout's top */
	assert_non_null(f);
	bool in_table = false;
	size_t rows = 0, matched = 0;
	char text[512];
	while (fgets(text, sizeof text, f)) {
		if (strstr(text, "| In the dashboard | means |")) {
			in_table = true;
			continue;
		}
		if (!in_table || strstr(text, "| --- |"))
			continue;
		if (strncmp(text, "  | ", 4) != 0)
			break;
		rows++;
		for (size_t i = 0; i < progress_rule_count; i++) {
			snprintf(line, sizeof line, "  | %s | %s |\n", progress_rules[i].word, progress_rules[i].meaning);
			matched += !strcmp(text, line);
		}
	}
	fclose(f);
	assert_true(in_table);
	assert_int_equal(rows, progress_rule_count);
	assert_int_equal(matched, progress_rule_count);
}

static void status_key_saves_and_u_undoes(void **state)
{
	struct fixture *fx = *state;
	/* econ-2, not started: first in attention order */
	key(fx, ' ');
	key(fx, '3');
	bool err = true;
	assert_non_null(strstr(message(fx, &err), "Saved: econ-2 status"));
	assert_false(err);
	assert_non_null(strstr(read_file(fx->path), "title: Adopt the roadmap\n        status: blocked\n"));
	assert_string_equal(selected_id(fx), "econ-2");
	key(fx, 'u');
	assert_non_null(strstr(read_file(fx->path), "title: Adopt the roadmap\n        status: not_started\n"));
}

/* An undo that cannot be made says why in its own words, from the save's
 * reason (not from the text of the message line). */
static void undo_refused_says_why(void **state)
{
	struct fixture *fx = *state;
	key(fx, ' ');
	key(fx, 'b'); /* econ-2 blocked */
	char *text = strdup(read_file(fx->path));
	assert_non_null(text);
	char *at = strstr(text, "status: blocked");
	assert_non_null(at);
	memcpy(at, "status: done   ", 15); /* someone else: done */
	write_file(fx->path, text);
	free(text);
	key(fx, 'u');
	bool err = false;
	const char *msg = message(fx, &err);
	assert_true(err);
	assert_int_equal(strncmp(msg, "Not undone: ", 12), 0);
	assert_null(strstr(msg, "Not saved"));
	assert_non_null(strstr(msg, "changed meanwhile"));
}

/* The line editor: its requests, typed text, 127 as Backspace; Ctrl-B is
 * not a key of the editor (it was, undocumented). */
static void edit_dialog_types_and_saves(void **state)
{
	struct fixture *fx = *state;
	key(fx, 'e');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_EDIT);
	assert_true(on_screen("Edit econ-2"));
	key(fx, UI_CTRL('u'));
	type(fx, "Form the groupx");
	key(fx, 127);
	key(fx, UI_CTRL('b'));
	type(fx, "s");
	key(fx, '\r');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	assert_non_null(strstr(read_file(fx->path), "title: Form the groups\n"));
}

/* e: a relative date is shown as the absolute one before it is saved;
 * the owner and the due date saved by one Enter are one undo step. */
static void edit_relative_date_and_one_undo(void **state)
{
	struct fixture *fx = *state;
	/* econ-2, due 2026-12-15, no owner: first in attention order */
	key(fx, 'e');
	key(fx, '\t'); /* the owner */
	type(fx, "amina");
	key(fx, '\t'); /* the due date */
	key(fx, UI_CTRL('u'));
	type(fx, "+2w");
	key(fx, '\r');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_EDIT); /* shown, not saved yet */
	assert_true(on_screen("due '+2w' is 2026-12-10: Enter saves it"));
	assert_true(on_screen("2026-12-10"));
	assert_string_equal(read_file(fx->path), charter_text);
	key(fx, '\r');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	const char *text = read_file(fx->path);
	assert_non_null(strstr(text, "due: 2026-12-10\n"));
	assert_non_null(strstr(text, "owner: amina"));
	key(fx, 'u');
	assert_string_equal(read_file(fx->path), charter_text);
	assert_non_null(strstr(message(fx, NULL), "Undone: owner and 1 more of econ-2"));
	key(fx, UI_CTRL('r'));
	assert_non_null(strstr(read_file(fx->path), "due: 2026-12-10\n"));
	assert_non_null(strstr(read_file(fx->path), "owner: amina"));
}

/* e on a done milestone offers its completion date (a relative one shown
 * first), written right after its status; an open one's form has none. */
static void edit_completion_date(void **state)
{
	struct fixture *fx = *state;
	key(fx, 'e'); /* econ-2, open */
	assert_false(on_screen("Completed"));
	key(fx, UI_ESC);
	key(fx, 'j'); /* econ-1, done, no completion date */
	assert_string_equal(selected_id(fx), "econ-1");
	key(fx, 'e');
	assert_true(on_screen("Completed"));
	for (int i = 0; i < 4; i++)
		key(fx, '\t');
	type(fx, "-3d");
	key(fx, '\r');
	assert_true(on_screen("completed '-3d' is 2026-11-23: Enter saves it"));
	assert_string_equal(read_file(fx->path), charter_text);
	key(fx, '\r');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	assert_non_null(strstr(read_file(fx->path), "status: done\n        completed: 2026-11-23\n        due: 2026-03-13\n"));
	key(fx, 'u');
	assert_string_equal(read_file(fx->path), charter_text);
}

/* a: title, then Enter takes the proposed id (the group's prefix) and
 * Enter adds it with `due: ~` (no date yet: never overdue); one u removes
 * it whole. */
static void add_asks_due_and_owner(void **state)
{
	struct fixture *fx = *state;
	key(fx, 'a');
	assert_true(on_screen("New milestone in Economy"));
	type(fx, "Grid study");
	key(fx, '\r');
	assert_true(on_screen("econ-grid-study"));
	key(fx, '\r');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	const char *text = read_file(fx->path);
	assert_non_null(strstr(text, "- id: econ-grid-study\n        title: Grid study\n"));
	assert_non_null(strstr(text, "due: ~\n"));
	assert_string_equal(selected_id(fx), "econ-grid-study");
	assert_false(on_screen("!")); /* nothing overdue at 2026-11-26 */
	key(fx, 'u');
	assert_string_equal(read_file(fx->path), charter_text);
	/* Tab to the due date (relative, shown first) and the owner */
	key(fx, 'a');
	type(fx, "Grid study");
	key(fx, '\t');
	key(fx, '\t');
	type(fx, "+7d");
	key(fx, '\t');
	type(fx, "amina");
	key(fx, '\r');
	assert_true(on_screen("due '+7d' is 2026-12-03: Enter saves it"));
	assert_int_equal(ui_mode(fx->ui), UI_MODE_EDIT);
	key(fx, '\r');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	text = read_file(fx->path);
	assert_non_null(strstr(text, "due: 2026-12-03\n"));
	assert_non_null(strstr(text, "owner: amina\n"));
	assert_non_null(strstr(message(fx, NULL), "Added econ-grid-study (u undoes)"));
	key(fx, 'u');
	assert_string_equal(read_file(fx->path), charter_text);
}

static void edit_cancel_writes_nothing(void **state)
{
	struct fixture *fx = *state;
	key(fx, 'e');
	type(fx, " more");
	key(fx, UI_ESC);
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	assert_string_equal(message(fx, NULL), "Cancelled: nothing was written");
	assert_string_equal(read_file(fx->path), charter_text);
}

/* A question takes only its answers: Y and q (dead branches once) do
 * nothing, n keeps the milestone, y deletes it. */
static void delete_asks_first(void **state)
{
	struct fixture *fx = *state;
	key(fx, 'D');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_CONFIRM);
	assert_true(on_screen("Delete?"));
	key(fx, 'Y');
	key(fx, 'q');
	key(fx, 'm');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_CONFIRM);
	key(fx, 'n');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	assert_string_equal(message(fx, NULL), "Not deleted");
	assert_string_equal(read_file(fx->path), charter_text);
	key(fx, 'D');
	key(fx, 'y');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	assert_null(strstr(read_file(fx->path), "econ-2"));
	assert_string_equal(selected_id(fx), "econ-1");
}

/* Changed on disk meanwhile: the question is theirs or mine; y (the
 * delete's answer) does nothing here, t keeps theirs. */
static void conflict_keeps_theirs(void **state)
{
	struct fixture *fx = *state;
	const char *at = strstr(charter_text, "status: done");
	assert_non_null(at);
	char theirs[sizeof charter_text + 8];
	snprintf(theirs, sizeof theirs, "%.*sstatus: blocked%s", (int)(at - charter_text), charter_text,
	         at + strlen("status: done"));
	write_file(fx->path, theirs);
	key(fx, 'j'); /* econ-1, after the open econ-2 */
	key(fx, ' ');
	key(fx, '2'); /* the dashboard still shows econ-1 done */
	assert_int_equal(ui_mode(fx->ui), UI_MODE_CONFIRM);
	assert_true(on_screen("Changed meanwhile"));
	key(fx, 'y');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_CONFIRM);
	key(fx, 't');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	assert_string_equal(read_file(fx->path), theirs);
	assert_non_null(strstr(message(fx, NULL), "Kept their value of econ-1"));
}

static void search_without_match_is_an_error(void **state)
{
	struct fixture *fx = *state;
	key(fx, '/');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_SEARCH);
	type(fx, "roadmap");
	assert_string_equal(selected_id(fx), "econ-2");
	key(fx, '\r');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	key(fx, '/');
	type(fx, "zzz");
	key(fx, '\r');
	bool err = false;
	assert_string_equal(message(fx, &err), "No match for \"zzz\"");
	assert_true(err);
}

static void filter_menu_toggles(void **state)
{
	struct fixture *fx = *state;
	key(fx, 'f');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_FILTER);
	key(fx, ' '); /* the first status off: not started */
	assert_true(on_screen("[ ] o not started"));
	key(fx, UI_ESC);
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	assert_true(on_screen("1 of 2 shown"));
	key(fx, 'j'); /* econ-2 is hidden: nothing below econ-1 but the next pane */
	assert_string_equal(selected_id(fx), "energy-1");
	key(fx, 'c');
	assert_string_equal(message(fx, NULL), "Filter and search cleared");
}

static void read_only_refuses_edits(void **state)
{
	struct fixture *fx = *state;
	key(fx, ' ');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN); /* no menu: nothing it offers works */
	bool err = false;
	assert_non_null(strstr(message(fx, &err), "Read-only: started with --read-only"));
	assert_true(err);
	key(fx, 'e');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	assert_string_equal(read_file(fx->path), charter_text);
	/* the next key that says nothing new clears the message */
	key(fx, 'j');
	assert_string_equal(message(fx, NULL), "");
}

/* H hides the done milestones (the status filter's "done") and shows
 * them again. */
static void hide_done_toggles(void **state)
{
	struct fixture *fx = *state;
	key(fx, 'H');
	assert_string_equal(message(fx, NULL), "Done milestones hidden (H shows them)");
	assert_true(on_screen("1 of 2 shown"));
	assert_true(on_screen("Filter: not started, in progress, blocked"));
	key(fx, 'j'); /* econ-1 (done) is gone: down leads into energy */
	assert_string_equal(selected_id(fx), "energy-1");
	key(fx, 'H');
	assert_string_equal(message(fx, NULL), "Done milestones shown (H hides them)");
	assert_false(on_screen("1 of 2 shown"));
}

/* A: the agenda across groups; its cursor is the milestone the status
 * keys and Enter act on; Esc goes back to the dashboard. */
static void agenda_lists_and_sets_status(void **state)
{
	struct fixture *fx = *state;
	key(fx, ' ');
	key(fx, '3'); /* econ-2 blocked */
	key(fx, 'A');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_AGENDA);
	assert_true(on_screen("Agenda for 2026-11-26"));
	assert_true(on_screen("Overdue (0)"));
	assert_true(on_screen("Blocked (1)"));
	assert_true(on_screen("Economy: Adopt the roadmap"));
	key(fx, '\r');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_DETAIL);
	assert_true(on_screen("Milestone econ-2"));
	key(fx, UI_ESC);
	assert_int_equal(ui_mode(fx->ui), UI_MODE_AGENDA);
	key(fx, '2'); /* a digit alone writes nothing here either */
	assert_non_null(strstr(read_file(fx->path), "title: Adopt the roadmap\n        status: blocked\n"));
	key(fx, ' ');
	key(fx, '2'); /* in progress: off the agenda */
	assert_non_null(strstr(message(fx, NULL), "Saved: econ-2 status"));
	assert_non_null(strstr(read_file(fx->path), "title: Adopt the roadmap\n        status: in_progress\n"));
	assert_true(on_screen("Blocked (0)"));
	key(fx, ' '); /* nothing under the cursor now */
	assert_string_equal(message(fx, NULL), "Nothing on the agenda");
	key(fx, UI_ESC);
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
}

/* T: the timeline; the cursor walks the milestones by due date and the
 * status line names the one under it; + and - zoom; b shows that there is
 * no history to draw a burn-up from; Enter opens the details. */
static void timeline_walks_and_zooms(void **state)
{
	struct fixture *fx = *state;
	key(fx, 'T');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_TIMELINE);
	assert_true(on_screen("Timeline by months"));
	assert_true(on_screen("Economy")); /* a lane per group */
	assert_true(on_screen("Energy"));
	/* the first milestone due on or after today (2026-11-26) */
	assert_true(on_screen("econ-2 | due 2026-12-15, 19 days left | not started | Adopt the"));
	key(fx, 'j');
	assert_true(on_screen("energy-1 | due 2027-01-29"));
	key(fx, 'k');
	key(fx, 'k');
	assert_true(on_screen("econ-1 | due 2026-03-13"));
	key(fx, '+');
	assert_string_equal(message(fx, NULL), "Timeline by weeks");
	key(fx, '+'); /* weeks is the closest */
	assert_true(on_screen("Timeline by weeks"));
	key(fx, '-');
	key(fx, '-');
	assert_string_equal(message(fx, NULL), "Timeline by quarters");
	assert_true(on_screen("Q1 27"));
	key(fx, 'b');
	assert_true(on_screen("Burn-up by quarters"));
	assert_true(on_screen("1 done milestone has no completion date"));
	key(fx, 'b');
	key(fx, '\r');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_DETAIL);
	assert_true(on_screen("Milestone econ-1"));
	key(fx, UI_ESC);
	key(fx, UI_ESC);
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	assert_string_equal(selected_id(fx), "econ-1"); /* the dashboard follows */
}

/* Before the roadmap deadline the header shows the phase's progress and
 * the one time bar; after it, the phase's outcome and no time bar. */
static void header_follows_the_roadmap_phase(void **state)
{
	struct fixture *fx = *state;
	/* econ-1, done, has no completion date: neither on time nor late */
	assert_true(on_screen("Roadmap closed 2026-05-09: 0 on time | 0 late | 0 open | 1 undated"));
	assert_false(on_screen("d left"));
	ui_close(fx->ui);
	fclose(fx->out);
	fclose(fx->in);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	assert_int_equal(system(cmd), 0);
	open_on(fx, 24, 80, false, D(2026, 4, 20));
	assert_true(on_screen("Roadmap deadline 2026-05-09: 1/1 done (19 days left)"));
	assert_true(on_screen("=|-")); /* the time bar: elapsed, today, left (ASCII) */
	assert_true(on_screen(" 19 d left"));
}

/* Too small: only q and Ctrl-C count; a resize back shows the dashboard. */
static void too_small_takes_only_quit(void **state)
{
	struct fixture *fx = *state;
	resizeterm(6, 20);
	key(fx, UI_FN(KEY_RESIZE));
	assert_true(on_screen("terminal too small:"));
	assert_int_equal(key(fx, 'j'), 0);
	assert_string_equal(selected_id(fx), "econ-2");
	resizeterm(24, 80);
	key(fx, UI_FN(KEY_RESIZE));
	assert_true(on_screen("q quit"));
	resizeterm(6, 20);
	key(fx, UI_FN(KEY_RESIZE));
	assert_true(key(fx, 'q') & UI_QUIT);
}

/* A count before a move moves that far and writes nothing: 3j, 2k, 2G. */
static void digits_are_counts(void **state)
{
	struct fixture *fx = *state;
	type(fx, "3j"); /* econ-2 -> econ-1 (attention order) -> energy-1, then no further */
	assert_string_equal(selected_id(fx), "energy-1");
	assert_string_equal(read_file(fx->path), charter_text);
	type(fx, "2k");
	assert_string_equal(selected_id(fx), "econ-2");
	type(fx, "2G");
	assert_string_equal(selected_id(fx), "econ-1");
	/* a count is for the next key only: 4 then q is just quit's key */
	type(fx, "4");
	assert_true(on_screen("4_"));
	type(fx, "c");
	type(fx, "j");
	assert_string_equal(selected_id(fx), "energy-1");
	assert_string_equal(read_file(fx->path), charter_text);
}

/* Space opens the menu (its keys in the footer); Esc writes nothing; the
 * letters choose as the digits do. */
static void status_menu_two_keys(void **state)
{
	struct fixture *fx = *state;
	key(fx, ' ');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_STATUS);
	assert_true(on_screen("1 not started  2 in progress  3 blocked  4 done  Esc cancel"));
	assert_true(on_screen("Status of econ-2 (now not started)"));
	key(fx, 'j'); /* not an answer: nothing moves, nothing is written */
	assert_int_equal(ui_mode(fx->ui), UI_MODE_STATUS);
	key(fx, UI_ESC);
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	assert_string_equal(read_file(fx->path), charter_text);
	assert_string_equal(selected_id(fx), "econ-2");
	key(fx, ' ');
	key(fx, 'i');
	assert_non_null(strstr(read_file(fx->path), "title: Adopt the roadmap\n        status: in_progress\n"));
}

/* The last saved change stays on the message line after other keys, until
 * the next change replaces it. */
static void saved_change_stays_in_view(void **state)
{
	struct fixture *fx = *state;
	key(fx, ' '); /* econ-2, first in attention order */
	key(fx, 'd');
	key(fx, 'k');
	key(fx, 'j');
	key(fx, 'l');
	assert_true(on_screen("Saved: econ-2 status 'not_started' -> 'done' (u undoes)"));
	key(fx, 'h');
	key(fx, 'u');
	assert_true(on_screen("Undone: status of econ-2"));
	key(fx, 'j');
	assert_true(on_screen("Undone: status of econ-2"));
}

/* Going to another pane keeps the row, not the row last used there. */
static void pane_change_keeps_the_row(void **state)
{
	struct fixture *fx = *state;
	key(fx, 'l');
	assert_string_equal(selected_id(fx), "energy-1");
	key(fx, 'h');
	key(fx, 'j');
	assert_string_equal(selected_id(fx), "econ-1");
	key(fx, 'l'); /* energy has one row: the nearest */
	assert_string_equal(selected_id(fx), "energy-1");
	key(fx, 'h'); /* back on row 1 of econ, not on the econ-1 it left */
	assert_string_equal(selected_id(fx), "econ-2");
}

/* The minutes overlay wraps its lines at 80 columns, never cuts them: a
 * change's line keeps its end (who and when) on the next line. */
static void minutes_overlay_wraps(void **state)
{
	struct fixture *fx = *state;
	key(fx, 'm');
	type(fx, " d"); /* econ-2 done */
	key(fx, 'w');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_CHANGES);
	char hist[128];
	snprintf(hist, sizeof hist, "%s.history", fx->path);
	const char *text = read_file(hist);
	const char *last = strstr(text, "\"id\":\"econ-2\"") ? strstr(text, "\"time\":\"") : NULL;
	while (last && strstr(last + 1, "\"time\":\""))
		last = strstr(last + 1, "\"time\":\"");
	assert_non_null(last);
	char when[24] = "     "; /* the continuation line, indented: "     2026-12-07 19:02" */
	memcpy(when + 5, last + 8, 16);
	when[15] = ' '; /* the minutes write the time without the T */
	when[21] = '\0';
	assert_true(on_screen("econ-2 (Adopt the roadmap): status not started")); /* (the arrow is UTF-8) */
	assert_true(on_screen(when));
}

/* At 80 columns the footer ranks the agenda and the timeline with moving,
 * status, help and quit; during a meeting (after m) the minutes too. */
static void footer_ranks_the_views(void **state)
{
	struct fixture *fx = *state;
	const char *want[] = { "Up/Down move", "Space status", "A agenda", "T timeline", "? help", "q quit" };
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_true(on_screen(want[i]));
	assert_false(on_screen("w minutes"));
	key(fx, 'm');
	assert_true(on_screen("w minutes"));
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_true(on_screen(want[i]));
}

/* --read-only: the footer offers no key that would only say no. */
static void read_only_footer_shows_what_works(void **state)
{
	(void)state;
	assert_true(on_screen("q quit"));
	assert_false(on_screen(" status"));
	assert_false(on_screen(" edit"));
	assert_false(on_screen(" undo"));
}

/* --read-only: the agenda's footer offers no key that writes either. */
static void read_only_agenda_offers_no_status(void **state)
{
	struct fixture *fx = *state;
	key(fx, 'A');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_AGENDA);
	assert_true(on_screen("Enter details"));
	assert_false(on_screen("Space status"));
	assert_false(on_screen(" status"));
}

/* The search prompt is the line editor: its keys move and delete in the
 * text (Left, Ctrl-A, Ctrl-K ...), and Bksp on nothing leaves. */
static void search_prompt_edits_its_line(void **state)
{
	struct fixture *fx = *state;
	key(fx, '/');
	type(fx, "rodmap");
	assert_true(on_screen("/rodmap"));
	for (int i = 0; i < 4; i++)
		key(fx, UI_FN(KEY_LEFT));
	key(fx, 'a');
	assert_true(on_screen("/roadmap"));
	assert_true(on_screen("1 match"));
	key(fx, UI_CTRL('a'));
	key(fx, UI_CTRL('k'));
	assert_int_equal(ui_mode(fx->ui), UI_MODE_SEARCH);
	assert_false(on_screen("/roadmap"));
	key(fx, UI_FN(KEY_BACKSPACE));
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
}

/* amina, the leader, shows `view` on econ-2 (her presence record). */
static void leader_shows(struct presence *lead, const char *view)
{
	struct presence_focus f = { .zoom = false };
	snprintf(f.view, sizeof f.view, "%s", view);
	snprintf(f.group, sizeof f.group, "econ");
	snprintf(f.milestone, sizeof f.milestone, "econ-2");
	assert_true(presence_publish(lead, &f));
}

/* A follower's navigation keys in a mirrored view never ask to stop
 * following (j in the agenda, Esc on the detail); any other key asks, in
 * a question of its own with y/n answers, on a short screen too. */
static void follower_navigates_without_asking(void **state)
{
	struct fixture *fx = *state;
	struct presence lead;
	assert_true(presence_join(&lead, fx->path, "amina", "srv1", 0644));
	leader_shows(&lead, "agenda");
	ui_tick(fx->ui);
	ui_draw(fx->ui);
	assert_int_equal(ui_mode(fx->ui), UI_MODE_AGENDA);
	key(fx, 'j');
	key(fx, 'k');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_AGENDA);
	assert_false(on_screen("Stop following"));
	key(fx, UI_ESC); /* leaves the agenda, on our own */
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	leader_shows(&lead, "detail");
	ui_tick(fx->ui);
	ui_draw(fx->ui);
	assert_int_equal(ui_mode(fx->ui), UI_MODE_DETAIL);
	key(fx, 'j');
	key(fx, UI_ESC);
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	key(fx, 'e'); /* not navigation: asks */
	assert_int_equal(ui_mode(fx->ui), UI_MODE_CONFIRM);
	assert_true(on_screen("Stop following?"));
	assert_true(on_screen("y stops following"));
	assert_false(on_screen("Changed meanwhile"));
	resizeterm(11, 44);
	key(fx, UI_FN(KEY_RESIZE));
	assert_true(on_screen("y/n: You are following amina"));
	key(fx, 'n');
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	assert_string_equal(message(fx, NULL), "Still following amina");
	presence_leave(&lead);
}

/* F1 is help and F10 quits, as in htop. */
static void function_keys_help_and_quit(void **state)
{
	struct fixture *fx = *state;
	key(fx, UI_FN(KEY_F(1)));
	assert_int_equal(ui_mode(fx->ui), UI_MODE_HELP);
	bool listed = false; /* the help names them: "? F1  this help", "q F10  quit" */
	for (int page = 0; page < 10 && !listed; page++, key(fx, UI_FN(KEY_NPAGE)))
		listed = on_screen("? F1  ") && on_screen("q F10  ");
	assert_true(listed);
	key(fx, UI_FN(KEY_F(1)));
	assert_int_equal(ui_mode(fx->ui), UI_MODE_MAIN);
	assert_true(key(fx, UI_FN(KEY_F(10))) & UI_QUIT);
}

/* --- selection and scrolling on the shipped charter ---------------------- */

/* data/charter.yaml, whole (malloc'd). */
static char *shipped_charter(void)
{
	FILE *f = fopen("data/charter.yaml", "r");
	assert_non_null(f);
	size_t cap = 1 << 16;
	char *buf = malloc(cap);
	assert_non_null(buf);
	size_t n = fread(buf, 1, cap - 1, f);
	assert_true(n > 0 && n < cap - 1);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* The first characters of a title up to its first non-ASCII one (the
 * screen is read back byte-wise), at most 10. */
static void title_start(const char *title, char *out)
{
	size_t n = 0;
	while (title[n] && (unsigned char)title[n] < 0x80 && n < 10)
		n++;
	memcpy(out, title, n);
	out[n] = '\0';
}

/* Every pane on screen but the focused one shows its first rows: its list
 * from the top, and (on the dashboard itself) its first title drawn. */
static void unfocused_panes_at_their_top(struct fixture *fx, const char *after)
{
	const struct charter *c = ui_charter(fx->ui);
	for (size_t p = 0; p < c->group_count; p++) {
		size_t top;
		long first;
		bool focused;
		if (!ui_pane_shown(fx->ui, p, &top, &first, &focused) || focused)
			continue;
		if (top != 0) {
			dump_screen();
			fail_msg("after %s: pane %zu (%s) scrolled to row %zu", after, p, c->groups[p].id, top);
		}
		char start[16];
		title_start(first >= 0 && c->milestones[first].title ? c->milestones[first].title : "", start);
		if (ui_mode(fx->ui) == UI_MODE_MAIN && strlen(start) >= 6 && !on_screen(start))
			fail_msg("after %s: pane %zu does not show its first row '%s'", after, p, start);
	}
}

/* 200 random meeting keys (status changes, moves, pane changes, sorts,
 * filters, hide-done, undo), the same on every run (a fixed seed); after
 * every key each unfocused pane shows its first rows. */
static void random_meeting_at(int h, int w)
{
	static const char *const actions[] = {
		"j", "j", "k", "h", "l", "\t", "\x01", "g", "G", "\x02", "\x03", " 4", " 2", " 3", " 1",
		" d", "s", "H", "u", "u", "3j", "fjj q", "c", "2l", "m", "z", "z",
	};
	struct fixture fx;
	memset(&fx, 0, sizeof fx);
	char *text = shipped_charter();
	fixture_text = text;
	open_on(&fx, h, w, false, D(2026, 12, 7));
	fixture_text = charter_text;
	unsigned seed = 21u;
	for (int done = 0; done < 200;) {
		seed = seed * 1103515245u + 12345u;
		const char *a = actions[(seed >> 16) % (sizeof actions / sizeof actions[0])];
		for (const char *k = a; *k && done < 200; k++, done++) {
			int code = *k == '\x01' ? UI_FN(KEY_BTAB)
			         : *k == '\x02' ? UI_FN(KEY_NPAGE) : *k == '\x03' ? UI_FN(KEY_PPAGE) : (unsigned char)*k;
			key(&fx, code);
			char what[64];
			snprintf(what, sizeof what, "key %d ('%s' of action '%s')", done + 1, k, a);
			unfocused_panes_at_their_top(&fx, what);
		}
		if (ui_mode(fx.ui) != UI_MODE_MAIN) /* a menu left open: back to the panes */
			key(&fx, UI_ESC);
	}
	teardown(&(void *){ &fx });
	free(text);
}

static void random_meeting_keys_80x24(void **state)
{
	(void)state;
	random_meeting_at(24, 80);
}

static void random_meeting_keys_120x40(void **state)
{
	(void)state;
	random_meeting_at(40, 120);
}

/* The sequence: Shift-Tab (to Security and Defence), Space 4 (its
 * overdue roadmap done), Tab (to Economy and Trade): the selection stays on
 * the row, the next overdue milestone moves up into it, the message says
 * where the done one went, and both panes show their open work. */
static void status_change_keeps_the_row(void **state)
{
	(void)state;
	struct fixture fx;
	memset(&fx, 0, sizeof fx);
	char *text = shipped_charter();
	fixture_text = text;
	open_on(&fx, 24, 80, false, D(2026, 12, 7));
	fixture_text = charter_text;
	key(&fx, UI_FN(KEY_BTAB));
	assert_string_equal(selected_id(&fx), "sec-roadmap");
	type(&fx, " 4");
	assert_string_equal(selected_id(&fx), "sec-defence-sales");
	assert_non_null(strstr(message(&fx, NULL), "sec-roadmap status 'in_progress' -> 'done' (u undoes); now row 8 of 8"));
	key(&fx, '\t');
	assert_string_equal(selected_id(&fx), "econ-ppp");
	assert_true(on_screen("Framework for potential sales"));
	assert_true(on_screen("Launch a public"));
	teardown(&(void *){ &fx });
	free(text);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("LOGNAME", "tester", 1); /* the history and presence name someone */
	setenv("EDITOR", "true", 1);    /* never an interactive editor */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(opens_on_the_dashboard, setup, teardown),
		cmocka_unit_test_setup_teardown(moves_and_opens_the_detail, setup, teardown),
		cmocka_unit_test_setup_teardown(help_lists_the_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(help_wraps_scrolls_and_searches, setup, teardown),
		cmocka_unit_test_setup_teardown(help_states_match_readme, setup, teardown),
		cmocka_unit_test_setup_teardown(status_key_saves_and_u_undoes, setup, teardown),
		cmocka_unit_test_setup_teardown(undo_refused_says_why, setup, teardown),
		cmocka_unit_test_setup_teardown(edit_dialog_types_and_saves, setup, teardown),
		cmocka_unit_test_setup_teardown(edit_cancel_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(edit_relative_date_and_one_undo, setup, teardown),
		cmocka_unit_test_setup_teardown(edit_completion_date, setup, teardown),
		cmocka_unit_test_setup_teardown(add_asks_due_and_owner, setup, teardown),
		cmocka_unit_test_setup_teardown(delete_asks_first, setup, teardown),
		cmocka_unit_test_setup_teardown(conflict_keeps_theirs, setup, teardown),
		cmocka_unit_test_setup_teardown(search_without_match_is_an_error, setup, teardown),
		cmocka_unit_test_setup_teardown(filter_menu_toggles, setup, teardown),
		cmocka_unit_test_setup_teardown(read_only_refuses_edits, setup_read_only, teardown),
		cmocka_unit_test_setup_teardown(hide_done_toggles, setup, teardown),
		cmocka_unit_test_setup_teardown(agenda_lists_and_sets_status, setup, teardown),
		cmocka_unit_test_setup_teardown(timeline_walks_and_zooms, setup, teardown),
		cmocka_unit_test_setup_teardown(header_follows_the_roadmap_phase, setup, teardown),
		cmocka_unit_test_setup_teardown(too_small_takes_only_quit, setup, teardown),
		cmocka_unit_test_setup_teardown(digits_are_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(status_menu_two_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(saved_change_stays_in_view, setup, teardown),
		cmocka_unit_test_setup_teardown(pane_change_keeps_the_row, setup, teardown),
		cmocka_unit_test_setup_teardown(read_only_footer_shows_what_works, setup_read_only, teardown),
		cmocka_unit_test_setup_teardown(read_only_agenda_offers_no_status, setup_read_only, teardown),
		cmocka_unit_test_setup_teardown(follower_navigates_without_asking, setup_follower, teardown),
		cmocka_unit_test_setup_teardown(function_keys_help_and_quit, setup, teardown),
		cmocka_unit_test_setup_teardown(search_prompt_edits_its_line, setup, teardown),
		cmocka_unit_test_setup_teardown(footer_ranks_the_views, setup, teardown),
		cmocka_unit_test_setup_teardown(minutes_overlay_wraps, setup, teardown),
		cmocka_unit_test(random_meeting_keys_80x24),
		cmocka_unit_test(random_meeting_keys_120x40),
		cmocka_unit_test(status_change_keeps_the_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
