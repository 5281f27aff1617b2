/* Runs a fuzz target without libFuzzer: every file in the directories
 * given (default: the target's committed corpus, FUZZ_CORPUS) goes through
 * LLVMFuzzerTestOneInput, in name order. A crash, an abort or a sanitizer
 * finding fails the run as it would under the fuzzer: this keeps the seeds,
 * and every crash found and committed beside them, regression tests of
 * make test, built by the project's compiler and flags. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "charterdash/core/charter.h"

#ifndef FUZZ_CORPUS
#error "FUZZ_CORPUS: the directory of the target's committed inputs"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Optional, as for libFuzzer. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

/* Runs every regular file in `dir`; the count, or -1 when one cannot be read. */
static long replay_dir(const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	if (n < 0) {
		perror(dir);
		return -1;
	}
	long count = 0;
	for (int i = 0; i < n; i++) {
		char path[4096];
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
		free(names[i]);
		if (count < 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		size_t size = 0;
		struct diag_list diags;
		diag_init(&diags, 1);
		char *data = charter_read_file(path, &size, &diags); /* any bytes; the project's one reader */
		if (!data) {
			diag_print(&diags, stderr);
			count = -1;
		} else {
			LLVMFuzzerTestOneInput((const uint8_t *)data, size);
			free(data);
			count++;
		}
		diag_fini(&diags);
	}
	free(names);
	return count;
}

int main(int argc, char **argv)
{
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	static char *fallback[] = { FUZZ_CORPUS };
	char **dirs = argc > 1 ? argv + 1 : fallback;
	int ndirs = argc > 1 ? argc - 1 : 1;
	for (int i = 0; i < ndirs; i++) {
		long n = replay_dir(dirs[i]);
		if (n <= 0) {
			fprintf(stderr, "%s: %s: %s\n", argv[0], dirs[i], n == 0 ? "no inputs" : "unreadable");
			return 1;
		}
		printf("%s: %ld inputs from %s\n", argv[0], n, dirs[i]);
	}
	return 0;
}
