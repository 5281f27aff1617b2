/* ui_main — `charterdash [OPTIONS] [FILE]`: the options and the event loop
 * over the session's steps (charterdash/ui/ui_session.h, src/ui/ui_session.c).
 * It offers no services to the screens (those are in ui_state.c). */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* struct option, for cli_next_option */
#endif
#include "charterdash/ui/ui_session.h"
#include "ui_paste.h"
#include "ui_state.h"
#include "ui_term.h"

#include <getopt.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charterdash/cli/cli.h"

void ui_print_usage(FILE *out)
{
	/* no line here starts with two spaces and a lower-case word: that is
	 * how the command list above is read by scripts */
	fprintf(out, "\nDashboard: charterdash " CLI_DASHBOARD_OPTIONS " [FILE]\n"
	             "    shows FILE (default $CHARTERDASH_FILE, else ./" CLI_DEFAULT_FILE ") full screen; q quits, ? lists the keys.\n"
	             "    Keys Space then 1-4, e, a, D, u, Ctrl-R edit it; --read-only: look, never write;\n"
	             "    --follow [USER]: read-only, showing what USER's dashboard shows (default:\n"
	             "    whoever marked the latest meeting).\n"
	             "    --force: edit even a file nobody may write (mode 0444; root or its owner).\n"
	             "    NO_COLOR set or --no-color: no colours. --ascii (automatic outside UTF-8\n"
	             "    locales): ASCII characters only. --mouse: clicks and the wheel (or press M).\n"
	             "    --thin-cursor: mark the selected row at its left edge instead of reversing\n"
	             "    it all (half the bytes per move, for slow links).\n");
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

/* `--follow amina`: the word after --follow is its USER unless it names
 * a file (an existing one, or *.yaml / *.yml); taken out of argv's way. */
static const char *follow_user_after(int argc, char **argv)
{
	if (optind >= argc || argv[optind][0] == '-')
		return NULL;
	const char *w = argv[optind];
	size_t n = strlen(w);
	bool yaml = (n > 5 && !strcmp(w + n - 5, ".yaml")) || (n > 4 && !strcmp(w + n - 4, ".yml"));
	if (yaml || strchr(w, '/') || access(w, F_OK) == 0)
		return NULL;
	optind++;
	return w;
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
		{ "follow", optional_argument, NULL, 'F' },
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

	int o, status = EXIT_OK;
	for (bool first = true; (o = cli_next_option(NULL, argc, argv, "", longopts, first, &status)) >= 0;
	     first = false) {
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
		case 'F':
			opt->follow = true;
			opt->follow_user = optarg ? optarg : follow_user_after(argc, argv);
			break;
		case 'h':
			cli_print_usage(stdout);
			ui_print_usage(stdout);
			return EXIT_OK;
		}
	}
	if (o == CLI_OPTIONS_EXIT)
		return status;
	const char *file = optind < argc ? argv[optind] : NULL;
	if (file && access(file, F_OK) != 0 && !strchr(file, '/') && !strchr(file, '.')) {
		/* "charterdash chek": a typo of a command rather than a file */
		fprintf(stderr, "charterdash: unknown command '%s' (and no file of that name)\n", file);
		cli_print_usage(stderr);
		return EXIT_USAGE;
	}
	if (argc - optind > 1)
		return cli_usage_error(NULL, "give one FILE (got '%s' too)", argv[optind + 1]);
	const char *env = getenv("CHARTERDASH_FILE");
	if (!file && env && *env)
		file = cli_default_file(); /* as every command: the variable names the file */
	if (!file) {
		if (access(CLI_DEFAULT_FILE, F_OK) != 0) {
			fprintf(stderr, "charterdash: no FILE given and no ./" CLI_DEFAULT_FILE " here.\n"
			                "usage: charterdash " CLI_DASHBOARD_OPTIONS " FILE\n"
			                "Name the charter file to show, e.g.: charterdash data/charter.yaml\n"
			                "(or run it in a directory holding " CLI_DEFAULT_FILE "); 'charterdash --help' "
			                "lists the commands.\n");
			return EXIT_USAGE;
		}
		file = CLI_DEFAULT_FILE;
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
