/* ui_main — `charterdash [OPTIONS] [FILE]`: options, the session's steps
 * (charterdash/ui_session.h: open, one key, a tick, draw, close), the event
 * loop over them, the mode stack, layout and drawing order, the message line. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* getopt_long */
#endif
#include "ui_internal.h"

#include <getopt.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charterdash/cli.h"
#include "charterdash/store.h"

#define DEFAULT_FILE "charter.yaml"

void ui_print_usage(FILE *out)
{
	/* no line here starts with two spaces and a lower-case word: that is
	 * how the command list above is read by scripts */
	fprintf(out, "\nDashboard: charterdash [--today YYYY-MM-DD] [--mouse] [--no-color] [--ascii] [--thin-cursor] [--read-only] [--force] [FILE]\n"
	             "    shows FILE (default ./" DEFAULT_FILE ") full screen; q quits, ? lists the keys.\n"
	             "    Keys 1-4, Space, e, a, D, u, Ctrl-R edit it; --read-only: look, never write;\n"
	             "    --force: edit even a file nobody may write (mode 0444; root or its owner).\n"
	             "    NO_COLOR set or --no-color: no colours. --ascii (automatic outside UTF-8\n"
	             "    locales): ASCII characters only. --mouse: clicks and the wheel (or press M).\n"
	             "    --thin-cursor: mark the selected row at its left edge instead of reversing\n"
	             "    it all (half the bytes per move, for slow links).\n");
}

/* --- messages, modes ---------------------------------------------------- */

static void set_message(struct ui *ui, enum ui_message_kind kind, const char *fmt, va_list ap)
	DIAG_PRINTF(3, 0);
static void set_message(struct ui *ui, enum ui_message_kind kind, const char *fmt, va_list ap)
{
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	/* one line: newlines from error texts would break the footer */
	for (char *p = ui->message; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	ui->message_kind = kind;
	ui->message_serial++;
	ui->dirty |= UI_DIRTY_FOOTER;
}

void ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(ui, UI_MSG_INFO, fmt, ap);
	va_end(ap);
}

void ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(ui, UI_MSG_ERROR, fmt, ap);
	va_end(ap);
	if (ui->scr && ui->scr->sp)
		beep();
}

enum ui_mode ui_mode(const struct ui *ui)
{
	return ui->depth ? ui->modes[ui->depth - 1] : UI_MODE_MAIN;
}

void ui_push(struct ui *ui, enum ui_mode mode)
{
	if (ui->depth < sizeof ui->modes / sizeof ui->modes[0])
		ui->modes[ui->depth++] = mode;
	ui->dirty |= UI_DIRTY_LAYOUT;
}

void ui_pop(struct ui *ui)
{
	if (ui->depth > 1)
		ui->depth--;
	ui->dirty |= UI_DIRTY_LAYOUT;
}

long ui_selected(const struct ui *ui)
{
	return view_selected(&ui->view);
}

bool ui_replace_charter(struct ui *ui, struct charter *fresh)
{
	struct charter old = ui->charter;
	ui->charter = *fresh;
	memset(fresh, 0, sizeof *fresh);
	if (!view_rebind(&ui->view, &ui->charter)) {
		/* out of memory: the view may be partial; keep the old model */
		charter_fini(&ui->charter);
		ui->charter = old;
		view_rebind(&ui->view, &ui->charter);
		ui_error(ui, "Out of memory: the new version of the file was not loaded");
		return false;
	}
	charter_fini(&old);
	free(ui->owners);
	ui->owners = NULL;
	ui->owner_count = 0;
	ui->dirty |= UI_DIRTY_ALL;
	return true;
}

/* --- layout and drawing ------------------------------------------------- */


static bool is_dialog(enum ui_mode m)
{
	return m == UI_MODE_EDIT || m == UI_MODE_CONFIRM;
}

static bool is_panel(enum ui_mode m)
{
	return m == UI_MODE_DETAIL || m == UI_MODE_HELP || m == UI_MODE_FILTER || m == UI_MODE_CHANGES;
}

enum ui_mode ui_panel_mode(const struct ui *ui)
{
	for (size_t i = ui->depth; i-- > 0;) {
		if (is_panel(ui->modes[i]))
			return ui->modes[i];
		if (!is_dialog(ui->modes[i]))
			break;
	}
	return UI_MODE_MAIN;
}

enum ui_mode ui_dialog_mode(const struct ui *ui)
{
	enum ui_mode m = ui_mode(ui);
	return is_dialog(m) ? m : UI_MODE_MAIN;
}

struct rect ui_overlay_rect(struct ui *ui)
{
	switch (ui_panel_mode(ui)) {
	case UI_MODE_DETAIL:
		return ui->scr->regions.body;
	case UI_MODE_HELP:
		return ui_help_rect(ui);
	case UI_MODE_FILTER:
		return ui_filter_rect(ui);
	case UI_MODE_CHANGES:
		return ui_changes_rect(ui);
	default:
		return (struct rect){ 0, 0, 0, 0 };
	}
}

static void drop_windows(struct ui_screen *scr)
{
	WINDOW **wins[] = { &scr->dialog, &scr->overlay, &scr->header, &scr->body, &scr->footer };
	for (size_t i = 0; i < sizeof wins / sizeof wins[0]; i++)
		if (*wins[i]) {
			delwin(*wins[i]);
			*wins[i] = NULL;
		}
}

static WINDOW *window_for(struct rect r)
{
	if (r.w <= 0 || r.h <= 0) /* newwin(0, ...) would mean "to the edge" */
		return NULL;
	WINDOW *w = newwin(r.h, r.w, r.y, r.x);
	if (w) /* a hidden cursor stays where the last write left it (see ui_draw) */
		leaveok(w, TRUE);
	return w;
}

void ui_relayout(struct ui *ui)
{
	struct ui_screen *scr = ui->scr;
	int h, w;
	getmaxyx(stdscr, h, w);
	scr->w = w;
	scr->h = h;
	drop_windows(scr);
	ui->dirty = UI_DIRTY_ALL & ~UI_DIRTY_LAYOUT;
	scr->too_small = layout_too_small(w, h);
	if (scr->too_small)
		return;
	scr->header_lines = ui_dash_header_lines(ui, w, h);
	layout_screen(w, h, scr->header_lines, &scr->regions);
	scr->header = window_for(scr->regions.header);
	scr->body = window_for(scr->regions.body);
	scr->footer = window_for(scr->regions.footer);
	if (!scr->header || !scr->body || !scr->footer) {
		drop_windows(scr);
		scr->too_small = true;
		return;
	}
	ui_dash_layout(ui);
	if (ui_panel_mode(ui) != UI_MODE_MAIN) {
		scr->overlay_rect = ui_overlay_rect(ui);
		scr->overlay = window_for(scr->overlay_rect);
	}
	enum ui_mode dialog = ui_dialog_mode(ui);
	if (dialog != UI_MODE_MAIN) {
		scr->dialog_rect = dialog == UI_MODE_EDIT ? ui_prompt_rect(ui) : ui_confirm_rect(ui);
		scr->dialog = window_for(scr->dialog_rect);
	}
}

void ui_draw(struct ui *ui)
{
	struct ui_screen *scr = ui->scr;
	if (ui->dirty & UI_DIRTY_LAYOUT)
		ui_relayout(ui);
	if (scr->too_small) {
		curs_set(0);
		ui_dash_draw_too_small(ui);
		wnoutrefresh(stdscr);
		doupdate();
		ui->dirty = 0;
		return;
	}
	/* stdscr is never drawn on here: this only settles it, so that reading
	 * a key (which refreshes a changed stdscr) cannot blank the screen */
	leaveok(stdscr, TRUE);
	wnoutrefresh(stdscr);
	enum ui_mode mode = ui_mode(ui), panel = ui_panel_mode(ui);
	unsigned d = ui->dirty;
	if (d & UI_DIRTY_HEADER) {
		ui_dash_draw_header(ui);
		wnoutrefresh(scr->header);
	}
	if (d & UI_DIRTY_BODY) {
		ui_dash_draw_body(ui);
		wnoutrefresh(scr->body);
	}
	if (scr->overlay && (d & (UI_DIRTY_OVERLAY | UI_DIRTY_BODY | UI_DIRTY_HEADER))) {
		if (panel == UI_MODE_DETAIL)
			ui_detail_draw(ui);
		else if (panel == UI_MODE_HELP)
			ui_help_draw(ui);
		else if (panel == UI_MODE_FILTER)
			ui_filter_draw(ui);
		else if (panel == UI_MODE_CHANGES)
			ui_changes_draw(ui);
		touchwin(scr->overlay);
		wnoutrefresh(scr->overlay);
	}
	if (d & (UI_DIRTY_FOOTER | UI_DIRTY_BODY)) {
		ui_dash_draw_footer(ui);
		wnoutrefresh(scr->footer);
	}
	/* the dialog goes last, over everything: its cursor is the one shown */
	if (scr->dialog && d) {
		if (mode == UI_MODE_EDIT)
			ui_prompt_draw(ui);
		else
			ui_confirm_draw(ui);
		touchwin(scr->dialog);
		wnoutrefresh(scr->dialog);
	}
	/* The cursor shows only while typing, and the window typed in goes
	 * last: the last window refreshed places it. Hidden, it is not parked
	 * anywhere (every window is leaveok), which saves a move per key. */
	WINDOW *typing = mode == UI_MODE_EDIT ? scr->dialog : mode == UI_MODE_SEARCH ? scr->footer : NULL;
	if (typing) {
		leaveok(typing, FALSE);
		wnoutrefresh(typing);
		leaveok(typing, TRUE);
	}
	curs_set(typing ? 1 : 0);
	doupdate();
	ui->dirty = 0;
}

/* --- one key, one tick: the steps the loop and other drivers share ---- */

static void apply_flags(struct ui *ui, unsigned flags)
{
	if (flags & UI_RELAYOUT)
		ui->dirty |= UI_DIRTY_LAYOUT;
	if (flags & UI_REDRAW) {
		if (ui_dialog_mode(ui) != UI_MODE_MAIN)
			ui->dirty |= UI_DIRTY_DIALOG | UI_DIRTY_FOOTER;
		else if (ui_panel_mode(ui) != UI_MODE_MAIN)
			ui->dirty |= UI_DIRTY_OVERLAY | UI_DIRTY_FOOTER;
		else
			ui->dirty |= UI_DIRTY_BODY | UI_DIRTY_FOOTER;
	}
}

unsigned ui_handle_key(struct ui *ui, int key)
{
	if (key == UI_FN(KEY_RESIZE)) {
		/* what was drawn for the old size may have wrapped or scrolled
		 * on the new one: repaint everything once */
		clearok(curscr, TRUE);
		ui->dirty |= UI_DIRTY_LAYOUT;
		return UI_HANDLED | UI_RELAYOUT;
	}
	/* too small, only q and Ctrl-C count; a paste still goes to the editor
	 * it was meant for (its q is text, not quit) */
	if (ui->scr->too_small && !ui_paste_wants(ui, key))
		return key == 'q' || key == UI_CTRL('c') ? UI_QUIT : 0;
	unsigned before = ui->message_serial;
	unsigned flags = ui_dispatch(ui, key);
	if (flags & UI_QUIT)
		return flags;
	/* a message lasts until the next key that says nothing new */
	if (ui->message[0] && before == ui->message_serial && flags) {
		ui->message[0] = '\0';
		ui->dirty |= UI_DIRTY_FOOTER;
	}
	apply_flags(ui, flags);
	return flags;
}

void ui_tick(struct ui *ui)
{
	if (ui->on_tick)
		apply_flags(ui, ui->on_tick(ui));
}

/* --- the loop ----------------------------------------------------------- */

/* True when the terminal is gone: a dropped link that sent no SIGHUP
 * leaves reads failing at once, forever, and the loop would spin. A hang-up
 * or error on the input, or input that keeps polling readable while no key
 * ever arrives (end of file), means nobody is there any more. */
static bool input_gone(struct ui *ui, int *empty_reads)
{
	struct pollfd pfd = { .fd = fileno(ui->scr->in), .events = POLLIN };
	if (poll(&pfd, 1, 0) < 0)
		return false;
	if (pfd.revents & (POLLHUP | POLLERR | POLLNVAL))
		return true;
	*empty_reads = pfd.revents & POLLIN ? *empty_reads + 1 : 0;
	return *empty_reads >= 20;
}

/* Returns the signal that ended the loop, or 0 on quit. */
static int run(struct ui *ui)
{
	int empty_reads = 0;
	ui->dirty = UI_DIRTY_ALL;
	/* A signal that lands between the flag check and the read would not
	 * interrupt it: the read gives up now and then so the flags are seen
	 * within UI_TICK_MS. Nothing is drawn on these ticks. */
	wtimeout(stdscr, UI_TICK_MS);
	struct timespec last_tick;
	clock_gettime(CLOCK_MONOTONIC, &last_tick);
	for (;;) {
		int sig = ui_term_quit_signal();
		if (sig)
			return sig;
		if (ui_term_take_suspend())
			ui_term_suspend(ui);
		if (ui->dirty)
			ui_draw(ui);
		wint_t wch;
		int r = wget_wch(stdscr, &wch);
		/* ticks also come while keys keep arriving (holding a key down
		 * must not hide others' changes) */
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		long ms = (long)(now.tv_sec - last_tick.tv_sec) * 1000 + (now.tv_nsec - last_tick.tv_nsec) / 1000000;
		if (r == ERR || ms >= UI_TICK_MS) {
			last_tick = now;
			ui_tick(ui);
		}
		if (r == ERR) { /* a signal, or a quiet tick: nothing is redrawn unless it changed something */
			if (input_gone(ui, &empty_reads))
				return SIGHUP; /* leave as a hang-up would: terminal restored, presence removed */
			continue;
		}
		empty_reads = 0;
		int key = r == KEY_CODE_YES ? UI_FN((int)wch) : (int)wch;
		if (key == UI_ESC && ui_paste_drop_sequence(ui))
			continue;
		if (ui_handle_key(ui, key) & UI_QUIT)
			return 0;
	}
}

/* --- options and start -------------------------------------------------- */

/* Read-only: asked for, or the file or its directory (the lock, the new
 * version and the history go there) cannot be written by this user. */
static void check_writable(struct ui *ui)
{
	ui->read_only_why[0] = '\0';
	if (ui->opt.read_only) {
		snprintf(ui->read_only_why, sizeof ui->read_only_why, "started with --read-only");
		return;
	}
	char *real = store_real_path(ui->path);
	const char *file = real ? real : ui->path;
	char dir[4096];
	const char *slash = strrchr(file, '/');
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == file)
		snprintf(dir, sizeof dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - file), file);
	struct stat st;
	bool known = stat(file, &st) == 0, nobody_writes = known && (st.st_mode & 0222) == 0;
	if (nobody_writes && !ui->opt.force)
		snprintf(ui->read_only_why, sizeof ui->read_only_why,
		         "%.180s is read-only for everyone (start with --force to edit it anyway)", file);
	else if (access(file, W_OK) != 0 && !(nobody_writes && st.st_uid == geteuid()))
		snprintf(ui->read_only_why, sizeof ui->read_only_why, "you cannot write %.230s", file);
	else if (access(dir, W_OK | X_OK) != 0)
		snprintf(ui->read_only_why, sizeof ui->read_only_why,
		         "you cannot create files in %.180s (its lock and new version go there)", dir);
	free(real);
}

static void ui_fini(struct ui *ui)
{
	ui_live_fini(ui);
	ui_edit_fini(ui);
	view_fini(&ui->view);
	charter_fini(&ui->charter);
	free(ui->path);
	free(ui->query_before);
	free(ui->owners);
}

/* --- a session ---------------------------------------------------------- */

struct ui *ui_open(const char *path, const struct ui_options *opt)
{
	struct ui *ui = calloc(1, sizeof *ui);
	if (!ui) {
		fprintf(stderr, "charterdash: out of memory\n");
		return NULL;
	}
	ui->opt = *opt;
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	if (!charter_load_file(&ui->charter, path, &diags)) {
		diag_print(&diags, stderr);
		diag_fini(&diags);
		charter_fini(&ui->charter);
		free(ui);
		return NULL;
	}
	if (diags.warnings && diags.count) {
		char first[400];
		diag_format(&diags.items[0], first, sizeof first);
		ui_message(ui, "%zu warning%s: %s", diags.warnings, diags.warnings == 1 ? "" : "s", first);
	}
	diag_fini(&diags);
	ui->modes[0] = UI_MODE_MAIN;
	ui->depth = 1;
	ui->path = strdup(path);
	if (!ui->path || !view_init(&ui->view, &ui->charter, ui->opt.today) || !ui_edit_init(ui)) {
		fprintf(stderr, "charterdash: out of memory\n");
		ui_fini(ui);
		free(ui);
		return NULL;
	}
	check_writable(ui);
	return ui;
}

bool ui_open_screen(struct ui *ui, FILE *out, FILE *in, bool own_signals)
{
	if (!ui_term_start(ui, out, in, own_signals))
		return false;
	ui_live_start(ui);
	ui->on_tick = ui_live_tick;
	ui->dirty = UI_DIRTY_ALL;
	return true;
}

void ui_close(struct ui *ui)
{
	if (!ui)
		return;
	ui_term_end(ui); /* nothing to do without a screen */
	ui_fini(ui);
	free(ui);
}

/* --- options and start -------------------------------------------------- */

static int usage_error(const char *fmt, ...) DIAG_PRINTF(1, 2);
static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "charterdash: ");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: charterdash [--today YYYY-MM-DD] [--mouse] [--no-color] [--ascii] [--thin-cursor] [--read-only] [--force] [FILE]\n"
	                "Try 'charterdash --help'.\n");
	return EXIT_USAGE;
}

/* The options and the file of `charterdash [OPTIONS] [FILE]`: EXIT_OK with
 * *path set (into argv, or the default file), or the exit status to leave
 * with (EXIT_OK too after --help: *path is then NULL). */
static int parse_options(int argc, char **argv, struct ui_options *opt, const char **path)
{
	static const struct option longopts[] = {
		{ "today", required_argument, NULL, 't' },
		{ "mouse", no_argument, NULL, 'm' },
		{ "no-color", no_argument, NULL, 'C' },
		{ "no-colour", no_argument, NULL, 'C' },
		{ "ascii", no_argument, NULL, 'a' },
		{ "read-only", no_argument, NULL, 'r' },
		{ "force", no_argument, NULL, 'f' },
		{ "thin-cursor", no_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	*path = NULL;
	memset(opt, 0, sizeof *opt);
	opt->today = cli_local_today();
	const char *nc = getenv("NO_COLOR");
	opt->no_color = nc && *nc;
	const char *codeset = nl_langinfo(CODESET);
	opt->ascii = !codeset || strcmp(codeset, "UTF-8") != 0;

	int o;
	optind = 0;
	opterr = 0;
	while ((o = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) { /* ':': a missing value is ':' */
		switch (o) {
		case 't':
			if (!cli_parse_today(optarg, &opt->today))
				return EXIT_USAGE;
			break;
		case 'm': opt->mouse = true; break;
		case 'C': opt->no_color = true; break;
		case 'a': opt->ascii = true; break;
		case 'r': opt->read_only = true; break;
		case 'f': opt->force = true; break;
		case 'T': opt->thin_cursor = true; break;
		case 'h':
			cli_print_usage(stdout);
			ui_print_usage(stdout);
			return EXIT_OK;
		default: {
			char name[64];
			bool given = cli_option_name(argv, longopts, name, sizeof name);
			if (o == ':')
				return usage_error("option '%s' needs a value", name);
			if (given)
				return usage_error("option '%s' takes no value", name);
			return usage_error("unknown option '%s'", name);
		}
		}
	}
	const char *file = optind < argc ? argv[optind] : NULL;
	if (file && access(file, F_OK) != 0 && !strchr(file, '/') && !strchr(file, '.')) {
		/* "charterdash chek": a typo of a command rather than a file */
		fprintf(stderr, "charterdash: unknown command '%s' (and no file of that name)\n", file);
		cli_print_usage(stderr);
		return EXIT_USAGE;
	}
	if (argc - optind > 1)
		return usage_error("give one FILE (got '%s' too)", argv[optind + 1]);
	if (!file) {
		if (access(DEFAULT_FILE, F_OK) != 0) {
			fprintf(stderr, "charterdash: no FILE given and no ./" DEFAULT_FILE " here.\n"
			                "usage: charterdash [--today YYYY-MM-DD] [--mouse] [--no-color] [--ascii] [--thin-cursor] [--read-only] [--force] FILE\n"
			                "Name the charter file to show, e.g.: charterdash data/charter.yaml\n"
			                "(or run it in a directory holding " DEFAULT_FILE "); 'charterdash --help' "
			                "lists the commands.\n");
			return EXIT_USAGE;
		}
		file = DEFAULT_FILE;
	}
	*path = file;
	return EXIT_OK;
}

int ui_main(int argc, char **argv)
{
	struct ui_options opt;
	const char *path;
	int status = parse_options(argc, argv, &opt, &path);
	if (status != EXIT_OK || !path)
		return status;
	struct ui *ui = ui_open(path, &opt);
	if (!ui)
		return EXIT_DATA;
	const char *why = ui_term_unusable(stdout, stdin);
	if (why) {
		fprintf(stderr, "charterdash: %s.\nFor a plain-text summary use: charterdash report %s\n", why, path);
		ui_close(ui);
		return EXIT_DATA;
	}
	if (!ui_open_screen(ui, stdout, stdin, true)) {
		ui_close(ui);
		return EXIT_DATA;
	}
	int sig = run(ui);
	ui_close(ui);
	if (sig) { /* die of the signal that asked, now that the terminal is back */
		signal(sig, SIG_DFL);
		raise(sig);
		status = 128 + sig;
	}
	return status;
}
