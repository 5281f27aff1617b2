/* libFuzzer target: the dashboard's keys on a headless screen. The input is
 * a script: two bytes of set-up, then actions (keys, resizes, mouse events,
 * ticks, changes by someone else). Whatever it holds: no crash, no
 * sanitizer finding, no leak; every file the dashboard wrote loads; no
 * temporary file is left beside the data file.
 *
 * The session runs the program's own steps (charterdash/ui/ui_session.h) on
 * newterm over /dev/null: keys go through ncurses' input queue and come
 * back through wget_wch as in the event loop. It edits a private copy of
 * data/charter.yaml or tests/fuzz/keys.yaml (flow style, anchors, unknown
 * keys, awkward text) in a directory made under $TMPDIR or FUZZ_SCRATCH
 * (the build directory), restored at the start of every input, so edits,
 * undo, add/delete and meeting marks run through the real save path.
 * $EDITOR is set to harmless programs, never an interactive editor. A key
 * that quits ends the session; the rest of the input runs in a new one.
 *
 * Input:
 *   byte 0   bit 0 --ascii, 1 --no-color, 2 --mouse, 3-4 TERM, 5-6 EDITOR,
 *            7 --read-only
 *   byte 1   bits 0-2 today, 3-5 the first screen size, 6 the charter
 *   then     0x00-0x7f  that character as a key (Esc, Tab, Enter, Ctrl-X...)
 *            0x80-0x9f  a function key (arrows, PgUp/PgDn, Home/End, ...)
 *            0xa0-0xaf  a non-ASCII character (wide, combining, RTL, ...)
 *            0xb0 a b c any character: (a<<16 | b<<8 | c) % 0x110000
 *            0xb1 h w   resize to 1 + (h & 0x7f) % 100 lines and
 *                       1 + (w + 256 * (h >> 7)) % 300 columns
 *            0xb2 k x y a mouse event of kind k at column x, line y
 *            0xb3       a tick of the event loop (the file watched...)
 *            0xb4 k m   someone else: k % 5 = 0 sets milestone m's status
 *                       to (k / 5) % 4, 1 writes the file cut at m/256 of its
 *                       length, 2 writes it back as it was, 3 marks a
 *                       meeting, 4 removes the file
 *            0xb5-0xff  the dashboard's keys, denser than in ASCII */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* mkdtemp, setenv */
#endif
#include <curses.h>
#include <dirent.h>
#include <errno.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "charterdash/store/store.h"
#include "charterdash/ui/ui_session.h"

#ifndef FUZZ_SCRATCH
#define FUZZ_SCRATCH "."
#endif
#ifndef FUZZ_SOURCE_DIR /* the repository, for the charters */
#define FUZZ_SOURCE_DIR "."
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Sessions one input may open (each quit opens the next). */
#define MAX_SESSIONS 8

static char dir[4096], path[4200], history[4300], scratch[4300];
/* The charters an input starts from (byte 1, bit 6), and the one it did. */
static char *charters[2];
static size_t charter_lens[2];
static char *original;
static size_t original_len;
static FILE *null_out, *null_in;

/* What the fuzzer itself last put in the file (NULL: removed it): any
 * other content was written by the dashboard and must load. */
static char *outside;
static size_t outside_len;
static bool outside_removed;
static bool outside_loads; /* a session can open on it */

static void die(const char *what)
{
	fprintf(stderr, "fuzz_keys: %s: %s\n", what, strerror(errno));
	abort();
}

static char *slurp(const char *file, size_t *len)
{
	FILE *f = fopen(file, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0, got;
	char *buf = malloc(cap + 1);
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *b = realloc(buf, 2 * cap + 1);
			if (!b)
				free(buf);
			buf = b;
			cap *= 2;
		}
	}
	fclose(f);
	if (!buf)
		abort();
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* As an editor saves: a new file renamed over the old one. */
static void put_file(const char *text, size_t len)
{
	FILE *f = fopen(scratch, "wb");
	if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0)
		die(scratch);
	if (rename(scratch, path) != 0)
		die(path);
	char *copy = malloc(len + 1); /* `text` may be `outside` itself */
	if (!copy)
		abort();
	memcpy(copy, text, len);
	copy[len] = '\0';
	free(outside);
	outside = copy;
	outside_len = len;
	outside_removed = false;
	struct charter c;
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	char *mine = malloc(len + 1); /* the charter takes it */
	if (!mine)
		abort();
	memcpy(mine, copy, len + 1);
	outside_loads = charter_load_text(&c, path, mine, len, &diags);
	charter_fini(&c);
	diag_fini(&diags);
}

static void remove_dir(void)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char p[4400];
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	/* every save fsyncs: TMPDIR may name a faster file system */
	const char *base = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/fuzz-keys.XXXXXX", base && *base ? base : FUZZ_SCRATCH);
	if (!mkdtemp(dir))
		die(dir);
	atexit(remove_dir);
	snprintf(path, sizeof path, "%s/charter.yaml", dir);
	snprintf(history, sizeof history, "%s.history", path);
	snprintf(scratch, sizeof scratch, "%s/outside.tmp", dir);
	static const char *const names[2] = { "data/charter.yaml", "tests/fuzz/keys.yaml" };
	for (int i = 0; i < 2; i++) {
		char p[4200];
		snprintf(p, sizeof p, "%s/%s", FUZZ_SOURCE_DIR, names[i]);
		if (!(charters[i] = slurp(p, &charter_lens[i])))
			die(p);
	}
	null_out = fopen("/dev/null", "w");
	null_in = fopen("/dev/null", "r");
	if (!null_out || !null_in)
		die("/dev/null");
	/* the history and presence records name someone */
	setenv("LOGNAME", "fuzz", 1);
	return 0;
}

/* --- the session ---------------------------------------------------------- */

struct run {
	struct ui *ui;
	struct ui_options opt;
	int h, w;
	int sessions;
};

static const char *const terms[] = { "xterm-256color", "xterm", "vt100", "linux" };
/* Never an interactive editor: unchanged notes, a failing editor, changed
 * notes (sed edits the file in place), and a blank EDITOR (refused). */
static const char *const editors[] = { "true", "false", "sed -i -e s/o/0/g -e $s/$/!/", " " };
static const struct date todays[] = {
	{ 2026, 2, 9 }, { 2026, 3, 20 }, { 2026, 5, 9 }, { 2026, 5, 10 },
	{ 2026, 11, 26 }, { 2025, 1, 1 }, { 2031, 12, 31 }, { 2026, 4, 1 },
};
static const int sizes[][2] = { { 24, 80 }, { 10, 32 }, { 40, 120 }, { 60, 200 },
                                { 9, 31 },  { 100, 300 }, { 1, 1 }, { 24, 40 } };

static bool open_session(struct run *r)
{
	/* the dashboard cannot save while the file does not load, so it is
	 * still the one put there: nothing to open (ui_open would say why) */
	if (r->sessions++ >= MAX_SESSIONS || outside_removed || !outside_loads)
		return false;
	r->ui = ui_open(path, &r->opt);
	if (!r->ui)
		abort();
	/* a terminal of this size: newterm reads it from the environment */
	char lines[16], cols[16];
	snprintf(lines, sizeof lines, "%d", r->h);
	snprintf(cols, sizeof cols, "%d", r->w);
	setenv("LINES", lines, 1);
	setenv("COLUMNS", cols, 1);
	if (!ui_open_screen(r->ui, null_out, null_in, false))
		abort(); /* TERM is one we know */
	wtimeout(stdscr, 0);
	ui_draw(r->ui);
	return true;
}

static void close_session(struct run *r)
{
	ui_close(r->ui);
	r->ui = NULL;
}

/* Reads the queued keys as the event loop does, and handles each; false
 * when the session is over and no new one opens. */
static bool pump(struct run *r)
{
	wint_t wch;
	int got;
	while (r->ui && (got = wget_wch(stdscr, &wch)) != ERR) {
		int key = got == KEY_CODE_YES ? UI_FN((int)wch) : (int)wch;
		if (ui_handle_key(r->ui, key) & UI_QUIT) {
			close_session(r);
			return open_session(r);
		}
		if (ui_needs_draw(r->ui))
			ui_draw(r->ui);
	}
	return r->ui != NULL;
}

/* --- actions -------------------------------------------------------------- */

static const int fn_keys[32] = {
	KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_PPAGE, KEY_NPAGE, KEY_HOME, KEY_END,
	KEY_ENTER, KEY_BACKSPACE, KEY_DC, KEY_BTAB, KEY_IC, KEY_F(1), KEY_F(5), KEY_F(12),
	KEY_RESIZE, KEY_MOUSE, KEY_SLEFT, KEY_SRIGHT, KEY_A1, KEY_B2, KEY_C3, KEY_EOL,
	KEY_UP, KEY_DOWN, KEY_PPAGE, KEY_NPAGE, KEY_HOME, KEY_END, KEY_ENTER, KEY_BACKSPACE,
};

static const wchar_t wide_chars[16] = {
	0x00E9,  /* é */
	0x0259,  /* ə, Azerbaijani */
	0x4E2D,  /* 中, two columns */
	0x1F600, /* an emoji, two columns, outside the BMP */
	0x0301,  /* a combining accent */
	0x200B,  /* zero width space */
	0x2028,  /* line separator */
	0x00A0,  /* no-break space */
	0xFEFF,  /* byte order mark */
	0x202E,  /* right-to-left override */
	0xFF21,  /* fullwidth A */
	0x0130,  /* İ */
	0x3000,  /* ideographic space */
	0x10FFFF,
	0x0085,  /* NEL, a C1 control */
	0xFFFD,
};

/* The dashboard's keys, so that bytes 0xb5-0xff mostly mean something. */
static const char dash_keys[] = "jkhlgGqz/nNfcs?1234 eEaDumwMyntw\r\t\x1b\x12\x0f\x15\x0b\x17\x01\x05";

static const mmask_t mouse_kinds[8] = {
	BUTTON1_CLICKED, BUTTON1_DOUBLE_CLICKED, BUTTON4_PRESSED, BUTTON1_PRESSED,
	BUTTON1_RELEASED, BUTTON3_CLICKED, BUTTON1_CLICKED, 0,
};

static void mouse(struct run *r, uint8_t kind, uint8_t x, uint8_t y)
{
	MEVENT ev;
	memset(&ev, 0, sizeof ev);
	ev.bstate = mouse_kinds[kind % 8];
#ifdef BUTTON5_PRESSED
	if (kind % 8 == 6)
		ev.bstate = BUTTON5_PRESSED;
#endif
	ev.x = x % (r->w + 2);
	ev.y = y % (r->h + 2);
	ungetmouse(&ev); /* refused while the mouse is off, as a terminal would send nothing */
}

static void someone_else(struct run *r, uint8_t k, uint8_t m)
{
	switch (k % 5) {
	case 0: {
		const struct charter *c = ui_charter(r->ui);
		if (!c->milestone_count || outside_removed)
			return;
		static const char *const statuses[] = { "not_started", "in_progress", "blocked", "done" };
		struct edit e = { .kind = EDIT_SET, .milestone_id = c->milestones[m % c->milestone_count].id,
		                  .field = FIELD_STATUS, .value = statuses[(k / 5) % 4] };
		struct store_options so = { .user = "amina", .host = "srv1", .lock_wait_ms = 1000 };
		struct store_result res;
		struct diag_list diags;
		store_result_init(&res);
		diag_init(&diags, DIAG_DEFAULT_LIMIT);
		if (store_apply(path, &e, &so, &res, &diags) == STORE_OK && res.changed) {
			free(outside);
			outside = slurp(path, &outside_len);
			outside_loads = true;
		}
		store_result_fini(&res);
		diag_fini(&diags);
		return;
	}
	case 1: {
		/* a half-saved hand edit */
		size_t cut = outside_removed ? original_len * m / 256 : outside_len * m / 256;
		put_file(outside_removed ? original : outside, cut);
		return;
	}
	case 2:
		put_file(original, original_len);
		return;
	case 3: {
		char when[24], why[300];
		if (!outside_removed)
			store_mark_meeting(path, "amina", "srv1", when, why, sizeof why);
		return;
	}
	default:
		unlink(path);
		free(outside);
		outside = NULL;
		outside_len = 0;
		outside_removed = true;
		return;
	}
}

/* --- what must hold after every input --------------------------------------- */

static void check_files(void)
{
	size_t len = 0;
	char *now = slurp(path, &len);
	if (!now && !outside_removed) {
		fprintf(stderr, "fuzz_keys: the data file is gone\n");
		abort();
	}
	bool ours = now && !outside_removed && len == outside_len && memcmp(now, outside, len) == 0;
	if (now && !ours) { /* the dashboard wrote it: it must load */
		struct charter c;
		struct diag_list diags;
		diag_init(&diags, DIAG_DEFAULT_LIMIT);
		if (!charter_load_text(&c, path, now, len, &diags)) {
			diag_print(&diags, stderr);
			fprintf(stderr, "fuzz_keys: the dashboard left a file that does not load\n");
			abort();
		}
		charter_fini(&c); /* the text went with it */
		diag_fini(&diags);
		now = NULL;
	}
	free(now);
	DIR *d = opendir(dir);
	if (!d)
		die(dir);
	struct dirent *e;
	while ((e = readdir(d))) {
		const char *n = e->d_name;
		if (!strcmp(n, ".") || !strcmp(n, "..") || !strcmp(n, "charter.yaml") ||
		    !strcmp(n, "charter.yaml.history") || !strcmp(n, ".charter.yaml.lock"))
			continue;
		fprintf(stderr, "fuzz_keys: left beside the data file: %s\n", n);
		abort();
	}
	closedir(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	/* every input starts from one of the charters and no history */
	original = charters[(data[1] >> 6) & 1];
	original_len = charter_lens[(data[1] >> 6) & 1];
	put_file(original, original_len);
	if (unlink(history) != 0 && errno != ENOENT)
		die(history);

	struct run r;
	memset(&r, 0, sizeof r);
	r.opt.ascii = data[0] & 1;
	r.opt.no_color = data[0] & 2;
	r.opt.mouse = data[0] & 4;
	r.opt.read_only = data[0] & 0x80;
	r.opt.today = todays[data[1] & 7];
	setenv("TERM", terms[(data[0] >> 3) & 3], 1);
	setenv("EDITOR", editors[(data[0] >> 5) & 3], 1);
	r.h = sizes[(data[1] >> 3) & 7][0];
	r.w = sizes[(data[1] >> 3) & 7][1];

	if (!open_session(&r))
		abort();
	bool going = pump(&r);
	for (size_t i = 2; going && i < size; i++) {
		uint8_t b = data[i];
		/* the bytes an action takes after its own; missing ones are 0 */
		uint8_t a1 = i + 1 < size ? data[i + 1] : 0, a2 = i + 2 < size ? data[i + 2] : 0,
		        a3 = i + 3 < size ? data[i + 3] : 0;
		if (b < 0x80) {
			unget_wch((wchar_t)b);
		} else if (b < 0xa0) {
			ungetch(fn_keys[b - 0x80]);
		} else if (b < 0xb0) {
			unget_wch(wide_chars[b - 0xa0]);
		} else if (b == 0xb0) {
			unsigned long cp = ((unsigned long)a1 << 16 | (unsigned long)a2 << 8 | a3) % 0x110000;
			if (cp >= 0xD800 && cp <= 0xDFFF) /* no terminal sends a lone surrogate */
				cp = 0xFFFD;
			unget_wch((wchar_t)cp);
			i += 3;
		} else if (b == 0xb1) {
			r.h = 1 + (a1 & 0x7f) % 100;
			r.w = 1 + (a2 | (a1 & 0x80) << 1) % 300;
			resizeterm(r.h, r.w); /* queues KEY_RESIZE, as SIGWINCH would */
			i += 2;
		} else if (b == 0xb2) {
			mouse(&r, a1, a2, a3);
			i += 3;
		} else if (b == 0xb3) {
			ui_tick(r.ui);
			if (ui_needs_draw(r.ui))
				ui_draw(r.ui);
		} else if (b == 0xb4) {
			someone_else(&r, a1, a2);
			i += 2;
		} else {
			unget_wch((wchar_t)(unsigned char)dash_keys[(b - 0xb5) % (sizeof dash_keys - 1)]);
		}
		going = pump(&r);
	}
	close_session(&r);
	check_files();
	return 0;
}
