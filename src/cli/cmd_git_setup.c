/* charterdash git-setup — prepares a git repository for charter files:
 * .gitattributes (the field-level merge driver and diff for each charter
 * file found in the repository, a union merge for their histories),
 * .gitignore (the per-server lock and presence files) and the driver
 * entries in the repository's own config. Running it again changes
 * nothing. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* getopt_long, realpath */
#endif
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "charterdash/core/buf.h"
#include "charterdash/core/charter.h"
#include "charterdash/core/fsio.h"
#include "charterdash/core/strutil.h"
#include "charterdash/cli/cli.h"

#define MAX_DEPTH 8          /* directories below DIR searched for charters */
#define MAX_ATTRIBUTE_FILES 256

static const char *const ignores[] = { ".*.lock", ".*.presence/", ".*.charterdash-tmp.*" };
/* What earlier versions wrote: the driver for every YAML file of the
 * repository. Replaced by one line per charter file. */
static const char *const obsolete[] = { "*.yaml merge=charterdash diff=charterdash", "*.history merge=union" };

struct lines {
	char *v[2 * MAX_ATTRIBUTE_FILES];
	size_t n;
};

/* True when `text` has `line` as a whole line. */
static bool has_line(const char *text, size_t len, const char *line)
{
	size_t n = strlen(line);
	for (size_t i = 0; i + n <= len; i++) {
		bool starts = i == 0 || text[i - 1] == '\n';
		bool ends = i + n == len || text[i + n] == '\n' || text[i + n] == '\r';
		if (starts && ends && memcmp(text + i, line, n) == 0)
			return true;
	}
	return false;
}

/* `text` without the lines equal to one of `drop` (printed as removed). */
static void drop_lines(struct buf *out, const char *text, size_t len, const char *const *drop, size_t ndrop,
                       const char *path)
{
	for (size_t s = 0; s < len;) {
		const char *nl = memchr(text + s, '\n', len - s);
		size_t e = nl ? (size_t)(nl - text) + 1 : len, content = e - s - (nl != NULL);
		if (content > 0 && text[s + content - 1] == '\r')
			content--;
		size_t i = 0;
		while (i < ndrop && !(strlen(drop[i]) == content && memcmp(text + s, drop[i], content) == 0))
			i++;
		if (i < ndrop)
			printf("%s: removed %s\n", path, drop[i]);
		else
			buf_append(out, text + s, e - s);
		s = e;
	}
}

/* DIR/NAME as it is, "" when it does not exist; NULL (said) on an error. */
static char *read_text(const char *path, size_t *len)
{
	FILE *f = fopen(path, "r");
	if (!f && errno == ENOENT) {
		*len = 0;
		return strdup("");
	}
	char *text = f ? fsio_read_all(f, 0, (size_t)64 << 20, len) : NULL;
	if (!text)
		fprintf(stderr, "%s: error: cannot read: %s\n", path, strerror(errno));
	if (f)
		fclose(f);
	return text;
}

/* Gives DIR/NAME the lines it lacks, without the `drop` ones; creates the
 * file when missing and writes it only when something changed. */
static bool ensure_lines(const char *dir, const char *name, const char *const *lines, size_t count,
                         const char *const *drop, size_t ndrop)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	size_t len;
	char *text = read_text(path, &len);
	if (!text)
		return false;
	struct buf out;
	buf_init(&out);
	drop_lines(&out, text, len, drop, ndrop, path);
	for (size_t i = 0; i < count; i++)
		if (!has_line(out.data ? out.data : "", out.len, lines[i])) {
			if (out.len > 0 && out.data[out.len - 1] != '\n')
				buf_putc(&out, '\n');
			buf_puts(&out, lines[i]);
			buf_putc(&out, '\n');
			printf("%s: added %s\n", path, lines[i]);
		}
	bool same = out.len == len && (len == 0 || memcmp(out.data, text, len) == 0), ok = !out.failed;
	FILE *f = ok && !same ? fopen(path, "w") : NULL;
	if (ok && !same)
		ok = f && fwrite(out.data, 1, out.len, f) == out.len;
	if (f && fclose(f) != 0)
		ok = false;
	if (!ok)
		fprintf(stderr, "%s: error: cannot write: %s\n", path, out.failed ? strerror(ENOMEM) : strerror(errno));
	buf_fini(&out);
	free(text);
	return ok;
}

/* Runs `git -C DIR config --local KEY VALUE` (no shell). */
static bool git_config(const char *dir, const char *key, const char *value)
{
	char *argv[] = { "git", "-C", str_unconst(dir), "config", "--local", str_unconst(key), str_unconst(value), NULL };
	pid_t pid = fork();
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "charterdash git-setup: cannot run git: %s\n", strerror(errno));
		_exit(127);
	}
	int status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Where `charterdash` is found on PATH, in `out`; false when it is not. */
static bool on_path(char *out, size_t size)
{
	const char *path = getenv("PATH");
	for (const char *p = path ? path : ""; *p;) {
		size_t n = strcspn(p, ":");
		struct stat st;
		if (n > 0 && snprintf(out, size, "%.*s/charterdash", (int)n, p) < (int)size && stat(out, &st) == 0 &&
		    S_ISREG(st.st_mode) && access(out, X_OK) == 0)
			return true;
		p += n + (p[n] == ':');
	}
	return false;
}

/* How git should start charterdash: by name when it is on PATH (the
 * driver keeps working when the clone or the build moves); else by this
 * program's absolute path, quoted for git's shell. `said`: which, for the
 * user. */
static void program_for_git(const char *dir, char *out, size_t size, char *said, size_t said_size)
{
	char found[PATH_MAX], real[PATH_MAX];
	if (on_path(found, sizeof found)) {
		snprintf(out, size, "charterdash");
		snprintf(said, said_size, "%s: git runs `charterdash` from PATH (now %s)", dir, found);
		return;
	}
	if (!realpath("/proc/self/exe", real))
		snprintf(out, size, "charterdash");
	else if (strpbrk(real, " '\"\\$`"))
		snprintf(out, size, "\"%s\"", real);
	else
		snprintf(out, size, "%s", real);
	snprintf(said, said_size, "%s: charterdash is not on PATH: git runs %s (run git-setup again after installing)",
	         dir, out);
}

/* True when the file is a charter: YAML whose top level has working_groups
 * (errors in it or not). */
static bool is_charter(const char *path)
{
	size_t n = strlen(path);
	if (!(n > 5 && strcmp(path + n - 5, ".yaml") == 0) && !(n > 4 && strcmp(path + n - 4, ".yml") == 0))
		return false;
	struct diag_list diags;
	diag_init(&diags, 1);
	struct charter c = { 0 };
	charter_load_file(&c, path, &diags);
	bool yes = c.doc.root != DOC_NONE && doc_map_get(&c.doc, c.doc.root, "working_groups", NULL) != DOC_NONE;
	charter_fini(&c);
	diag_fini(&diags);
	return yes;
}

/* "/REL SUFFIX" with REL's glob characters escaped, the pattern in git's
 * C-style quotes when it holds a space, a tab or a quote. */
static char *attribute_line(const char *rel, const char *suffix)
{
	bool quote = strpbrk(rel, " \t\"") != NULL;
	struct buf b;
	buf_init(&b);
	buf_puts(&b, quote ? "\"/" : "/");
	for (const char *p = rel; *p; p++) {
		if (strchr("*?[\\", *p))
			buf_puts(&b, quote ? "\\\\" : "\\"); /* one backslash for the glob, doubled in quotes */
		if (quote && (*p == '"' || *p == '\\' || *p == '\t'))
			buf_putc(&b, '\\');
		buf_putc(&b, *p == '\t' && quote ? 't' : *p);
	}
	buf_puts(&b, quote ? "\"" : "");
	buf_puts(&b, suffix);
	size_t len;
	char *s = buf_take(&b, &len);
	buf_fini(&b);
	return s;
}

static void add_charter(struct lines *out, const char *rel)
{
	if (out->n + 2 > sizeof out->v / sizeof *out->v)
		return;
	char history[PATH_MAX + 16];
	snprintf(history, sizeof history, "%s.history", rel);
	out->v[out->n] = attribute_line(rel, " merge=charterdash diff=charterdash");
	out->v[out->n + 1] = attribute_line(history, " merge=union");
	if (out->v[out->n] && out->v[out->n + 1])
		out->n += 2;
	else
		free(out->v[out->n]), free(out->v[out->n + 1]);
}

/* The charter files under DIR (its hidden entries, .git among them,
 * skipped), as attribute lines for them and their histories. */
static void find_charters(const char *dir, const char *rel, int depth, struct lines *out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char path[PATH_MAX], sub[PATH_MAX];
		struct stat st;
		if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path ||
		    snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name) >= (int)sizeof sub ||
		    lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH)
			find_charters(path, sub, depth + 1, out);
		else if (S_ISREG(st.st_mode) && is_charter(path))
			add_charter(out, sub);
	}
	if (d)
		closedir(d);
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool write_attributes(const char *dir)
{
	struct lines found = { .n = 0 };
	find_charters(dir, "", 0, &found);
	qsort(found.v, found.n, sizeof *found.v, by_text);
	if (found.n == 0)
		fprintf(stderr, "%s: warning: no charter file found (a .yaml file with working_groups): "
		                "run git-setup again after adding one\n", dir);
	bool ok = ensure_lines(dir, ".gitattributes", (const char *const *)found.v, found.n, obsolete, 2);
	for (size_t i = 0; i < found.n; i++)
		free(found.v[i]);
	return ok;
}

int cmd_git_setup(int argc, char **argv)
{
	static const struct option longopts[] = { { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 } };
	int opt, status;
	for (bool first = true; (opt = cli_next_option("git-setup", argc, argv, "", longopts, first, &status)) >= 0;
	     first = false)
		;
	if (opt == CLI_OPTIONS_EXIT)
		return status;
	if (argc - optind > 1)
		return cli_usage_error("git-setup", "give at most one DIR");
	const char *dir = optind < argc ? argv[optind] : ".";
	char program[PATH_MAX + 8], driver[PATH_MAX + 64], textconv[PATH_MAX + 32], said[3 * PATH_MAX];
	program_for_git(dir, program, sizeof program, said, sizeof said);
	snprintf(driver, sizeof driver, "%s merge --marker-size %%L --path %%P %%O %%A %%B", program);
	snprintf(textconv, sizeof textconv, "%s diff --textconv", program);
	if (!git_config(dir, "merge.charterdash.name", "charterdash: field-level merge of charter files") ||
	    !git_config(dir, "merge.charterdash.driver", driver) ||
	    !git_config(dir, "diff.charterdash.textconv", textconv)) {
		fprintf(stderr, "%s: error: cannot set the merge driver in the repository's config "
		                "(is it a git repository? `git init` first)\n", dir);
		return EXIT_DATA;
	}
	printf("%s\n", said);
	if (!write_attributes(dir) || !ensure_lines(dir, ".gitignore", ignores, 3, NULL, 0))
		return EXIT_DATA;
	printf("%s: git merges charter files field by field and diffs them field by field\n", dir);
	return EXIT_OK;
}
