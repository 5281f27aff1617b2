/* ui_term — the terminal's lifecycle, signals, colour roles, glyphs and the
 * drawing primitives every screen uses.
 *
 * One way in (ui_term_start) and one way out (ui_term_end), used by quit,
 * by SIGINT/SIGTERM/SIGHUP (their handlers only set a flag: the loop
 * notices and leaves through the same path) and by errors. A crash
 * (SIGSEGV, SIGABRT, SIGBUS, SIGFPE) cannot run curses code safely, so its
 * handler writes a precomputed "leave full-screen mode" string with
 * write(2), restores the saved termios with tcsetattr(3), removes our
 * presence record with unlink(2)/rmdir(2) (all async-signal-safe), then
 * re-raises the signal. Quit and signals leave the presence records in
 * ui_close (ui_session.c), which orders the whole teardown. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "ui_term.h"
#include "ui_state.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "charterdash/core/fsio.h"
#include "charterdash/core/text.h"

/* --- glyphs ------------------------------------------------------------- */

const struct ui_glyphs ui_glyphs_utf8 = {
	.status = { [STATUS_NOT_STARTED] = "\xe2\x97\x8b",   /* ○ */
	            [STATUS_IN_PROGRESS] = "\xe2\x97\x90",   /* ◐ */
	            [STATUS_BLOCKED] = "\xe2\x9c\x97",       /* ✗ */
	            [STATUS_DONE] = "\xe2\x9c\x93" },        /* ✓ */
	.bar = { [STATUS_DONE] = "\xe2\x96\x88",             /* █ */
	         [STATUS_IN_PROGRESS] = "\xe2\x96\x93",      /* ▓ */
	         [STATUS_BLOCKED] = "\xe2\x96\x92",          /* ▒ */
	         [STATUS_NOT_STARTED] = "\xe2\x96\x91" },    /* ░ */
	.time_elapsed = "\xe2\x94\x81", /* ━ */
	.time_left = "\xe2\x94\x80",    /* ─ */
	.marker = "\xe2\x94\x83",       /* ┃ */
	.h = "\xe2\x94\x80", .v = "\xe2\x94\x82", .tl = "\xe2\x94\x8c", .tr = "\xe2\x94\x90",
	.bl = "\xe2\x94\x94", .br = "\xe2\x94\x98",
	.fh = "\xe2\x94\x81", .fv = "\xe2\x94\x83", .ftl = "\xe2\x94\x8f", .ftr = "\xe2\x94\x93",
	.fbl = "\xe2\x94\x97", .fbr = "\xe2\x94\x9b",
	.match = "\xe2\x96\xb8", /* ▸ */
	.changed = "\xe2\x80\xa2", /* • */
	.sep = " \xc2\xb7 ",
	.up = "\xe2\x86\x91", .down = "\xe2\x86\x93", .left = "\xe2\x86\x90", .right = "\xe2\x86\x92",
	.more_up = "\xe2\x96\xb2", .more_down = "\xe2\x96\xbc", .pane_focus = "\xe2\x96\xb6",
	.check_on = "[x]", .check_off = "[ ]", .radio_on = "(\xe2\x80\xa2)", .radio_off = "( )",
};

const struct ui_glyphs ui_glyphs_ascii = {
	.status = { [STATUS_NOT_STARTED] = "o", [STATUS_IN_PROGRESS] = ">", [STATUS_BLOCKED] = "x",
	            [STATUS_DONE] = "+" },
	.bar = { [STATUS_DONE] = "#", [STATUS_IN_PROGRESS] = "=", [STATUS_BLOCKED] = "x",
	         [STATUS_NOT_STARTED] = "." },
	.time_elapsed = "=", .time_left = "-", .marker = "|",
	.h = "-", .v = "|", .tl = "+", .tr = "+", .bl = "+", .br = "+",
	/* not '#' or '=': those are the progress bars' */
	.fh = "~", .fv = ":", .ftl = "*", .ftr = "*", .fbl = "*", .fbr = "*",
	.match = ">",
	.changed = "*",
	.sep = " | ",
	.up = "Up", .down = "Down", .left = "Left", .right = "Right",
	.more_up = "^", .more_down = "v", .pane_focus = "*", /* ">" is in progress */
	.check_on = "[x]", .check_off = "[ ]", .radio_on = "(*)", .radio_off = "( )",
};

/* --- signals ------------------------------------------------------------ */

static volatile sig_atomic_t quit_signal;
static volatile sig_atomic_t suspend_pending;

/* For the crash handler: prepared while curses is up, used without it. */
static int crash_fd = -1;
static struct termios crash_termios;
static bool crash_termios_ok;
static char crash_restore[256];
static size_t crash_restore_len;
static char crash_presence[4096], crash_presence_dir[4096];

static void on_quit_signal(int sig)
{
	quit_signal = sig;
}

static void on_tstp(int sig)
{
	(void)sig;
	suspend_pending = 1;
}

static void on_crash(int sig)
{
	int saved = errno;
	if (crash_fd >= 0) {
		if (crash_restore_len) {
			ssize_t r = write(crash_fd, crash_restore, crash_restore_len);
			(void)r;
		}
		if (crash_termios_ok)
			tcsetattr(crash_fd, TCSANOW, &crash_termios);
	}
	if (crash_presence[0]) {
		unlink(crash_presence);
		rmdir(crash_presence_dir); /* only when we were the last */
	}
	errno = saved;
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int quit_signals[] = { SIGINT, SIGTERM, SIGHUP };
static const int crash_signals[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL };
#define NQUIT (sizeof quit_signals / sizeof quit_signals[0])
#define NCRASH (sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction old_quit[NQUIT], old_crash[NCRASH], old_tstp;
static bool handlers_installed;

static void install_handlers(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a signal interrupts the blocking read */
	sa.sa_handler = on_quit_signal;
	for (size_t i = 0; i < NQUIT; i++)
		sigaction(quit_signals[i], &sa, &old_quit[i]);
	sa.sa_handler = on_tstp;
	sigaction(SIGTSTP, &sa, &old_tstp);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < NCRASH; i++)
		sigaction(crash_signals[i], &sa, &old_crash[i]);
	handlers_installed = true;
}

static void remove_handlers(void)
{
	if (!handlers_installed)
		return;
	for (size_t i = 0; i < NQUIT; i++)
		sigaction(quit_signals[i], &old_quit[i], NULL);
	for (size_t i = 0; i < NCRASH; i++)
		sigaction(crash_signals[i], &old_crash[i], NULL);
	sigaction(SIGTSTP, &old_tstp, NULL);
	handlers_installed = false;
}

int ui_term_quit_signal(void)
{
	return quit_signal;
}

bool ui_term_take_suspend(void)
{
	if (!suspend_pending)
		return false;
	suspend_pending = 0;
	return true;
}

/* What the crash handler writes: leave the alternate screen, show the
 * cursor, plain attributes, keypad off, bracketed paste off, mouse
 * reporting off. */
static void prepare_crash_restore(bool mouse)
{
	static const char *const caps[] = { "sgr0", "cnorm", "rmkx", "BD", "rmcup" };
	crash_restore_len = 0;
	for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
		char *s = tigetstr(caps[i]);
		if (!s || s == (char *)-1)
			continue;
		size_t n = strlen(s);
		if (crash_restore_len + n < sizeof crash_restore) {
			memcpy(crash_restore + crash_restore_len, s, n);
			crash_restore_len += n;
		}
	}
	if (mouse) {
		static const char off[] = "\033[?1006l\033[?1002l\033[?1000l";
		if (crash_restore_len + sizeof off - 1 < sizeof crash_restore) {
			memcpy(crash_restore + crash_restore_len, off, sizeof off - 1);
			crash_restore_len += sizeof off - 1;
		}
	}
	static const char nl[] = "\r\n";
	if (crash_restore_len + 2 < sizeof crash_restore) {
		memcpy(crash_restore + crash_restore_len, nl, 2);
		crash_restore_len += 2;
	}
}

/* --- colours ------------------------------------------------------------ */

struct role_colors {
	short fg256, bg256, fg8, bg8;
	attr_t attr;      /* added in every mode */
	attr_t mono;      /* without colours */
};

/* -1: the terminal's default colour. */
static const struct role_colors role_colors[ROLE_COUNT] = {
	[ROLE_NORMAL] = { -1, -1, -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TITLE] = { -1, -1, -1, -1, A_BOLD, A_BOLD },
	[ROLE_DIM] = { 245, -1, -1, -1, A_NORMAL, A_DIM },
	[ROLE_LABEL] = { 110, -1, COLOR_CYAN, -1, A_NORMAL, A_BOLD },
	[ROLE_DONE] = { 71, -1, COLOR_GREEN, -1, A_NORMAL, A_BOLD },
	[ROLE_PROGRESS] = { 75, -1, COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[ROLE_BLOCKED] = { 170, -1, COLOR_MAGENTA, -1, A_NORMAL, A_BOLD },
	[ROLE_NOT_STARTED] = { 245, -1, -1, -1, A_NORMAL, A_DIM },
	[ROLE_OVERDUE] = { 203, -1, COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_ON_TRACK] = { 71, -1, COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ROLE_AT_RISK] = { 214, -1, COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_BORDER] = { 240, -1, -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_FOCUS] = { 39, -1, COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[ROLE_SELECTED] = { -1, -1, -1, -1, A_REVERSE, A_REVERSE },
	[ROLE_MATCH] = { 16, 220, COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_UNDERLINE | A_BOLD },
	[ROLE_TIME_ELAPSED] = { 110, -1, COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[ROLE_TIME_LEFT] = { 240, -1, -1, -1, A_NORMAL, A_DIM },
	[ROLE_MARKER] = { 231, -1, COLOR_WHITE, -1, A_BOLD, A_BOLD },
	[ROLE_KEY] = { 39, -1, COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[ROLE_MESSAGE] = { -1, -1, -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_ERROR] = { 203, -1, COLOR_RED, -1, A_BOLD, A_BOLD },
	[ROLE_STATUSBAR] = { -1, -1, -1, -1, A_NORMAL, A_NORMAL },
};

static void setup_colors(struct ui *ui)
{
	struct ui_screen *scr = ui->scr;
	scr->colors = 0;
	if (!ui->opt.no_color && has_colors() && start_color() == OK) {
		use_default_colors();
		scr->colors = COLORS >= 256 ? 256 : COLORS >= 8 ? 8 : 0;
	}
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct role_colors *rc = &role_colors[r];
		if (scr->colors == 0) {
			scr->role[r] = rc->mono;
			continue;
		}
		short fg = scr->colors == 256 ? rc->fg256 : rc->fg8;
		short bg = scr->colors == 256 ? rc->bg256 : rc->bg8;
		attr_t a = rc->attr;
		if (scr->colors == 8 && (r == ROLE_DIM || r == ROLE_NOT_STARTED || r == ROLE_TIME_LEFT))
			a |= A_DIM; /* no grey in 8 colours */
		if (fg == -1 && bg == -1) {
			scr->role[r] = a;
			continue;
		}
		if (init_pair((short)r, fg, bg) == OK)
			scr->role[r] = a | (attr_t)COLOR_PAIR(r);
		else
			scr->role[r] = rc->mono;
	}
}

attr_t ui_attr(const struct ui *ui, enum ui_role role)
{
	return ui->scr->role[role];
}

enum ui_role ui_status_role(enum status s)
{
	switch (s) {
	case STATUS_DONE: return ROLE_DONE;
	case STATUS_IN_PROGRESS: return ROLE_PROGRESS;
	case STATUS_BLOCKED: return ROLE_BLOCKED;
	default: return ROLE_NOT_STARTED;
	}
}

/* --- lifecycle ---------------------------------------------------------- */

const char *ui_term_unusable(FILE *out, FILE *in)
{
	const char *term = getenv("TERM");
	if (!term || !*term)
		return "TERM is not set, so the terminal's capabilities are unknown";
	if (strcmp(term, "dumb") == 0)
		return "this terminal (TERM=dumb) cannot draw a full-screen dashboard";
	if (!isatty(fileno(out)) || !isatty(fileno(in)))
		return "the dashboard needs a terminal on its standard input and output";
	return NULL;
}

/* --- bracketed paste: asked of the terminal when its terminfo can (BE, BD,
 * PS, PE), after keypad(); its markers become keys (ui_paste.c takes them) */


static char *cap(const char *name)
{
	char *s = tigetstr(name);
	return s && s != (char *)-1 && *s ? s : NULL;
}

/* Straight to the terminal: putp() would sit in stdio's buffer until exit. */
static void emit(struct ui_screen *scr, const char *s)
{
	if (s) {
		fputs(s, scr->out);
		fflush(scr->out);
	}
}

static void paste_start(struct ui *ui)
{
	struct ui_screen *scr = ui->scr;
	char *be = cap("BE"), *bd = cap("BD"), *ps = cap("PS"), *pe = cap("PE");
	scr->paste_on = false;
	if (!be || !bd || !ps || !pe)
		return;
	/* the markers must not already mean a key, nor the codes one */
	int had_ps = key_defined(ps), had_pe = key_defined(pe);
	if ((had_ps && had_ps != UI_PASTE_BEGIN) || (had_pe && had_pe != UI_PASTE_END))
		return;
	if ((!had_ps && keybound(UI_PASTE_BEGIN, 0)) || (!had_pe && keybound(UI_PASTE_END, 0)))
		return;
	if ((!had_ps && define_key(ps, UI_PASTE_BEGIN) != OK) || (!had_pe && define_key(pe, UI_PASTE_END) != OK))
		return;
	emit(scr, be);
	scr->paste_on = true;
}

static void paste_pause(struct ui *ui)
{
	if (ui->scr && ui->scr->paste_on)
		emit(ui->scr, cap("BD"));
}

static void paste_resume(struct ui *ui)
{
	if (ui->scr && ui->scr->paste_on)
		emit(ui->scr, cap("BE"));
}

bool ui_term_start(struct ui *ui, FILE *out, FILE *in, bool own_signals)
{
	struct ui_screen *scr = calloc(1, sizeof *scr);
	if (!scr) {
		fprintf(stderr, "charterdash: out of memory\n");
		return false;
	}
	scr->out = out;
	scr->in = in;
	scr->click_pane = -1;
	scr->g = ui->opt.ascii ? &ui_glyphs_ascii : &ui_glyphs_utf8;
	ui->scr = scr;

	if (own_signals) {
		crash_fd = fileno(out);
		crash_termios_ok = tcgetattr(fileno(in), &crash_termios) == 0;
		/* our handlers first: ncurses then leaves SIGINT/SIGTSTP alone */
		install_handlers();
	}

	scr->sp = newterm(NULL, out, in);
	if (!scr->sp) {
		remove_handlers();
		const char *term = getenv("TERM");
		fprintf(stderr, "charterdash: cannot use the terminal type '%s'; try TERM=xterm-256color, "
		                "or 'charterdash report FILE' for a plain-text summary\n",
		        term ? term : "");
		free(scr);
		ui->scr = NULL;
		return false;
	}
	set_term(scr->sp);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25); /* Esc closes overlays at once */
	/* Home/End as terminals send them whatever TERM says (tmux and screen
	 * send \e[1~/\e[4~ under TERM=xterm, xterm's own \e[H/\e[F, rxvt
	 * \e[7~/\e[8~): an unknown sequence would arrive as Esc + letters */
	static const struct { const char *seq; int key; } extra_keys[] = {
		{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME }, { "\033[H", KEY_HOME }, { "\033OH", KEY_HOME },
		{ "\033[4~", KEY_END },  { "\033[8~", KEY_END },  { "\033[F", KEY_END },  { "\033OF", KEY_END },
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE }, { "\033[Z", KEY_BTAB },
	};
	for (size_t i = 0; i < sizeof extra_keys / sizeof extra_keys[0]; i++)
		if (key_defined(extra_keys[i].seq) == 0)
			define_key(extra_keys[i].seq, extra_keys[i].key);
	paste_start(ui);
	curs_set(0);
	setup_colors(ui);
	prepare_crash_restore(false);
	ui_term_mouse(ui, ui->opt.mouse);
	return true;
}

void ui_term_mouse(struct ui *ui, bool on)
{
	if (!ui->scr || !ui->scr->sp)
		return;
	mmask_t want = on ? (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED)
	                  : 0;
	mousemask(want, NULL);
	mouseinterval(on ? 200 : 0);
	ui->mouse = on;
	prepare_crash_restore(on);
}

void ui_term_presence(const char *record, const char *dir)
{
	crash_presence[0] = crash_presence_dir[0] = '\0';
	if (record && dir && strlen(record) < sizeof crash_presence && strlen(dir) < sizeof crash_presence_dir) {
		memcpy(crash_presence_dir, dir, strlen(dir) + 1);
		memcpy(crash_presence, record, strlen(record) + 1);
	}
}

void ui_term_drop_windows(struct ui_screen *scr)
{
	WINDOW **wins[] = { &scr->dialog, &scr->overlay, &scr->header, &scr->body, &scr->footer };
	for (size_t i = 0; i < sizeof wins / sizeof wins[0]; i++)
		if (*wins[i]) {
			delwin(*wins[i]);
			*wins[i] = NULL;
		}
}

void ui_term_end(struct ui *ui)
{
	struct ui_screen *scr = ui->scr;
	if (!scr)
		return;
	if (scr->sp) {
		if (ui->mouse)
			mousemask(0, NULL);
		ui_term_drop_windows(scr);
		/* a terminal without an alternate screen (linux, vt100) would
		 * keep the dashboard under the shell prompt: wipe it */
		char *rmcup = tigetstr((char *)"rmcup");
		if (!rmcup || rmcup == (char *)-1) {
			clear();
			refresh();
		}
		paste_pause(ui);
		curs_set(1);
		endwin();
		fflush(scr->out);
		delscreen(scr->sp);
		scr->sp = NULL;
	}
	remove_handlers();
	crash_fd = -1;
	free(scr->panes);
	free(scr);
	ui->scr = NULL;
}

void ui_term_pause(struct ui *ui)
{
	if (!ui->scr || !ui->scr->sp)
		return;
	if (ui->mouse)
		mousemask(0, NULL);
	paste_pause(ui);
	curs_set(1);
	endwin();
	fflush(ui->scr->out);
}

void ui_term_resume(struct ui *ui)
{
	if (!ui->scr || !ui->scr->sp)
		return;
	reset_prog_mode();
	paste_resume(ui);
	curs_set(0);
	if (ui->mouse)
		ui_term_mouse(ui, true);
	clearok(curscr, TRUE);
	ui->dirty = UI_DIRTY_ALL;
}

/* The child: argv with `input` on a pipe (fds) or the terminal's input. */
static int run_child(char **argv, const char *input, size_t len)
{
	int fds[2] = { -1, -1 };
	if (input && pipe(fds) != 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		if (input) {
			dup2(fds[0], STDIN_FILENO);
			close(fds[0]);
			close(fds[1]);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "charterdash: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (input) {
		close(fds[0]);
		/* a pager that quits early closes the pipe: no SIGPIPE for us */
		void (*old)(int) = signal(SIGPIPE, SIG_IGN);
		if (pid > 0)
			(void)fsio_write_all(fds[1], input, len);
		close(fds[1]);
		signal(SIGPIPE, old);
	}
	int status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	return pid < 0 ? -1 : status;
}

int ui_term_run(struct ui *ui, char **argv, const char *input, size_t len)
{
	ui_term_pause(ui);
	int status = run_child(argv, input, len);
	int saved = errno;
	/* a Ctrl-Z meant for the child reached us too (same process group):
	 * it is over now, do not stop again */
	(void)ui_term_take_suspend();
	ui_term_resume(ui);
	errno = saved;
	return status;
}

void ui_term_suspend(struct ui *ui)
{
	if (!ui->scr || !ui->scr->sp)
		return;
	ui_term_pause(ui);
	/* stop for real: the default action of SIGTSTP, then ours again */
	struct sigaction dfl, ours;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &ours);
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, &old);
	kill(0, SIGTSTP); /* the whole process group, as the shell expects */
	sigprocmask(SIG_SETMASK, &old, NULL);
	sigaction(SIGTSTP, &ours, NULL);
	suspend_pending = 0;
	/* back after `fg`: the terminal may have changed size meanwhile */
	ui_term_resume(ui);
}

/* --- drawing primitives ------------------------------------------------- */

#define PUT_MAX 1024

int ui_put_attr(struct ui *ui, WINDOW *w, int y, int x, const char *s, int cols, attr_t attr, bool ellipsis)
{
	if (!w || !s || cols <= 0)
		return 0;
	char cut[PUT_MAX * 4];
	const char *src = s;
	size_t len = strlen(s);
	if (ellipsis && text_width_n(s, len) > (size_t)cols) {
		text_truncate(cut, sizeof cut, s, (size_t)cols, ui->opt.ascii);
		src = cut;
		len = strlen(cut);
	}
	wchar_t wbuf[PUT_MAX + 1];
	size_t n = 0, width = 0, at = 0;
	bool bad_repl = !ui->opt.ascii;
	while (at < len && n < PUT_MAX) {
		struct text_char c = text_decode(src + at, len - at);
		if (width + (size_t)c.width > (size_t)cols)
			break;
		wchar_t wc = c.wc;
		if (c.bad)
			wc = bad_repl ? (wchar_t)0xFFFD : L'?';
		if (c.width == 0 && n == 0) { /* a combining mark with nothing to sit on */
			at += c.len;
			continue;
		}
		if (c.substitute) { /* outside UTF-8: the ASCII it stands for */
			for (const char *p = c.ascii; *p && n < PUT_MAX; p++)
				wbuf[n++] = (wchar_t)*p;
			width += (size_t)c.width;
			at += c.len;
			continue;
		}
		wbuf[n++] = wc;
		width += (size_t)c.width;
		at += c.len;
	}
	wbuf[n] = L'\0';
	wattrset(w, attr);
	mvwaddnwstr(w, y, x, wbuf, (int)n);
	wattrset(w, A_NORMAL);
	return (int)width;
}

int ui_put(struct ui *ui, WINDOW *w, int y, int x, const char *s, int cols, enum ui_role role, bool ellipsis)
{
	return ui_put_attr(ui, w, y, x, s, cols, ui_attr(ui, role), ellipsis);
}

void ui_fill(struct ui *ui, WINDOW *w, int y, int x, const char *glyph, int n, attr_t attr)
{
	if (n <= 0)
		return;
	char buf[PUT_MAX * 4];
	size_t gl = strlen(glyph), used = 0;
	int count = 0;
	while (count < n && count < PUT_MAX && used + gl < sizeof buf) {
		memcpy(buf + used, glyph, gl);
		used += gl;
		count++;
	}
	buf[used] = '\0';
	ui_put_attr(ui, w, y, x, buf, count, attr, false);
}

size_t ui_scroll_clamp(size_t *top, size_t lines, int height)
{
	size_t max = (long)lines > height ? (size_t)((long)lines - height) : 0;
	if (*top > max)
		*top = max;
	return max;
}

void ui_scroll_mark(struct ui *ui, WINDOW *w, struct rect r, size_t top, int height, size_t lines, bool arrow)
{
	size_t max = (long)lines > height ? (size_t)((long)lines - height) : 0;
	if (!max)
		return; /* it all fits: nothing to say */
	char pos[48];
	snprintf(pos, sizeof pos, arrow ? " %s %zu/%zu " : "%s %zu/%zu ", arrow && top < max ? ui->scr->g->more_down : "",
	         top + (size_t)height, lines);
	int pw = (int)text_width(pos);
	ui_put(ui, w, r.h - 1, r.w - 2 - pw, pos, pw, ROLE_FOCUS, false);
}

void ui_box(struct ui *ui, WINDOW *w, struct rect r, bool focus, const char *title)
{
	const struct ui_glyphs *g = ui->scr->g;
	attr_t a = ui_attr(ui, focus ? ROLE_FOCUS : ROLE_BORDER);
	const char *h = focus ? g->fh : g->h, *v = focus ? g->fv : g->v;
	if (r.w < 2 || r.h < 2)
		return;
	ui_put_attr(ui, w, r.y, r.x, focus ? g->ftl : g->tl, 1, a, false);
	ui_fill(ui, w, r.y, r.x + 1, h, r.w - 2, a);
	ui_put_attr(ui, w, r.y, r.x + r.w - 1, focus ? g->ftr : g->tr, 1, a, false);
	for (int y = r.y + 1; y < r.y + r.h - 1; y++) {
		ui_put_attr(ui, w, y, r.x, v, 1, a, false);
		ui_put_attr(ui, w, y, r.x + r.w - 1, v, 1, a, false);
	}
	ui_put_attr(ui, w, r.y + r.h - 1, r.x, focus ? g->fbl : g->bl, 1, a, false);
	ui_fill(ui, w, r.y + r.h - 1, r.x + 1, h, r.w - 2, a);
	ui_put_attr(ui, w, r.y + r.h - 1, r.x + r.w - 1, focus ? g->fbr : g->br, 1, a, false);
	if (title && r.w > 6) {
		int x = r.x + 2;
		ui_put_attr(ui, w, r.y, x, " ", 1, a, false);
		int tw = ui_put_attr(ui, w, r.y, x + 1, title, r.w - 6, a | A_BOLD, true);
		ui_put_attr(ui, w, r.y, x + 1 + tw, " ", 1, a, false);
	}
}
