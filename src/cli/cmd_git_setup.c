/* charterdash git-setup — prepares a git repository for charter files:
 * .gitattributes (the field-level merge driver and diff for *.yaml, a
 * union merge for histories), .gitignore (the per-server lock and presence
 * files) and the driver entries in the repository's own config. Running
 * it again changes nothing. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* getopt_long, realpath */
#endif
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "charterdash/core/charter.h"
#include "charterdash/core/strutil.h"
#include "charterdash/cli/cli.h"
#include "charterdash/store/store.h"

static const char *const attributes[] = { "*.yaml merge=charterdash diff=charterdash", "*.history merge=union" };
static const char *const ignores[] = { ".*.lock", ".*.presence/", ".*.charterdash-tmp.*" };

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

/* Appends the lines DIR/NAME lacks; creates the file when missing. */
static bool ensure_lines(const char *dir, const char *name, const char *const *lines, size_t count)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "a+");
	if (!f) {
		fprintf(stderr, "%s: error: cannot open: %s\n", path, strerror(errno));
		return false;
	}
	char *text = NULL;
	size_t len = 0, cap = 0, got;
	char chunk[4096];
	rewind(f);
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		char *grown = len + got + 1 > cap ? realloc(text, cap = 2 * (len + got + 1)) : text;
		if (!grown)
			break;
		text = grown;
		memcpy(text + len, chunk, got);
		len += got;
	}
	bool need_newline = len > 0 && text[len - 1] != '\n';
	for (size_t i = 0; i < count; i++)
		if (!has_line(text, len, lines[i])) {
			fprintf(f, "%s%s\n", need_newline ? "\n" : "", lines[i]);
			need_newline = false;
			printf("%s: added %s\n", path, lines[i]);
		}
	free(text);
	bool ok = fclose(f) == 0;
	if (!ok)
		fprintf(stderr, "%s: error: cannot write: %s\n", path, strerror(errno));
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

/* How git should start this charterdash: by its absolute path (quoted for
 * git's shell), so the driver works whatever git's PATH is; by name when
 * the path cannot be found. */
static void program_for_git(char *out, size_t size)
{
	char real[PATH_MAX];
	if (!realpath("/proc/self/exe", real))
		snprintf(out, size, "charterdash");
	else if (strpbrk(real, " '\"\\$`"))
		snprintf(out, size, "\"%s\"", real);
	else
		snprintf(out, size, "%s", real);
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
	char program[PATH_MAX + 8], driver[PATH_MAX + 64], textconv[PATH_MAX + 32];
	program_for_git(program, sizeof program);
	snprintf(driver, sizeof driver, "%s merge --marker-size %%L --path %%P %%O %%A %%B", program);
	snprintf(textconv, sizeof textconv, "%s diff --textconv", program);
	if (!git_config(dir, "merge.charterdash.name", "charterdash: field-level merge of charter files") ||
	    !git_config(dir, "merge.charterdash.driver", driver) ||
	    !git_config(dir, "diff.charterdash.textconv", textconv)) {
		fprintf(stderr, "%s: error: cannot set the merge driver in the repository's config "
		                "(is it a git repository? `git init` first)\n", dir);
		return EXIT_DATA;
	}
	if (!ensure_lines(dir, ".gitattributes", attributes, 2) || !ensure_lines(dir, ".gitignore", ignores, 3))
		return EXIT_DATA;
	printf("%s: git merges charter files field by field and diffs them field by field\n", dir);
	return EXIT_OK;
}
