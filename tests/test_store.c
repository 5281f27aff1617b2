/* test_store — the edit transaction on real files: conflicts, no-ops,
 * dry runs, several edits as one transaction, the exact history line,
 * sidecar permissions, and an editor that saves the file (without taking
 * the lock) while a change is being written: the change is made again on
 * the editor's text, so neither is lost. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charterdash/store/history.h"
#include "charterdash/store/store.h"

static char dir[64], path[96];

static const char charter_text[] =
	"charter:\n  title: T\n  signed: 2026-02-09\nworking_groups:\n  - id: g\n    name: G\n    milestones:\n"
	"      - id: a   # keep\n        title: A\n        status: in_progress\n"
	"      - id: b\n        title: B\n        status: done\n        owner: Ann\n";

static void write_text(const char *name, const char *text, size_t len)
{
	FILE *f = fopen(name, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static char *read_text(const char *name, size_t *len)
{
	FILE *f = fopen(name, "rb");
	if (!f)
		return NULL;
	char *text = malloc(1 << 22);
	assert_non_null(text);
	*len = fread(text, 1, (1 << 22) - 1, f);
	text[*len] = '\0';
	fclose(f);
	return text;
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/test_store.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/c.yaml", dir);
	write_text(path, charter_text, sizeof charter_text - 1);
	chmod(path, 0640);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[96];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const struct store_options fixed = { .user = "amina", .host = "srv1", .now = 1795720800 };

static enum store_status apply(const struct edit *e, const struct store_options *opt, struct store_result *r)
{
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	store_result_init(r);
	enum store_status st = store_apply(path, e, opt, r, &diags);
	diag_fini(&diags);
	return st;
}

static void test_set_and_history(void **state)
{
	(void)state;
	struct edit e = { .kind = EDIT_SET, .milestone_id = "a", .field = FIELD_STATUS, .value = "done",
	                  .check_seen = true, .seen = "in_progress", .done_on = "2026-11-26" };
	struct store_result r;
	assert_int_equal(apply(&e, &fixed, &r), STORE_OK);
	assert_true(r.changed);
	assert_int_equal(r.attempts, 1);
	assert_string_equal(r.old_value, "in_progress");
	assert_true(r.completed_changed);
	assert_null(r.completed_old);
	assert_string_equal(r.completed_new, "2026-11-26");
	assert_memory_equal(r.old_text, charter_text, sizeof charter_text - 1);
	store_result_fini(&r);
	size_t n;
	char *text = read_text(path, &n);
	assert_non_null(strstr(text, "      - id: a   # keep\n        title: A\n        status: done\n"
	                             "        completed: 2026-11-26\n      - id: b"));
	free(text);

	/* one line: the status, and the completion date it wrote */
	char hist[128];
	snprintf(hist, sizeof hist, "%s.history", path);
	text = read_text(hist, &n);
	assert_non_null(text);
	assert_string_equal(text, "{\"time\":\"2026-11-26T19:20:00Z\",\"user\":\"amina\",\"host\":\"srv1\",\"id\":\"a\","
	                          "\"group\":\"g\",\"field\":\"status\",\"old\":\"in_progress\",\"new\":\"done\","
	                          "\"completed_old\":null,\"completed_new\":\"2026-11-26\"}\n");
	struct history h;
	char why[200];
	assert_true(history_load(&h, hist, why, sizeof why));
	assert_int_equal(h.count, 1);
	assert_true(h.entries[0].has_completed);
	assert_null(h.entries[0].completed_old);
	assert_string_equal(h.entries[0].completed_new, "2026-11-26");
	history_fini(&h);
	free(text);

	/* Lock and history: the data file's permissions, whatever the umask. */
	struct stat st, data;
	assert_int_equal(stat(hist, &st), 0);
	assert_int_equal(stat(path, &data), 0);
	assert_int_equal(st.st_mode & 0777, data.st_mode & 0666);
	char lock[128];
	snprintf(lock, sizeof lock, "%s/.c.yaml.lock", dir);
	assert_int_equal(stat(lock, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
}

static void test_conflict_force_noop_dry_run(void **state)
{
	(void)state;
	size_t n0, n;
	char *before = read_text(path, &n0);
	/* Someone changed the status meanwhile: refused, and it says to what. */
	struct edit e = { .kind = EDIT_SET, .milestone_id = "a", .field = FIELD_STATUS, .value = "blocked",
	                  .check_seen = true, .seen = "in_progress" };
	struct store_result r;
	assert_int_equal(apply(&e, &fixed, &r), STORE_CONFLICT);
	assert_string_equal(r.current, "done");
	store_result_fini(&r);
	/* A change to another field is no conflict; --expect of absence works. */
	struct edit owner = { .kind = EDIT_SET, .milestone_id = "a", .field = FIELD_OWNER, .value = "Bo",
	                      .check_seen = true, .seen = NULL };
	struct store_options dry = fixed;
	dry.dry_run = true;
	assert_int_equal(apply(&owner, &dry, &r), STORE_OK);
	assert_true(r.changed);
	assert_non_null(strstr(r.new_text, "        owner: Bo\n"));
	store_result_fini(&r);
	char *after = read_text(path, &n);
	assert_int_equal(n, n0);
	assert_memory_equal(after, before, n);
	free(after);
	/* Forced, then the same value again: nothing to change. */
	e.force = true;
	assert_int_equal(apply(&e, &fixed, &r), STORE_OK);
	assert_true(r.changed);
	store_result_fini(&r);
	e.force = false;
	e.seen = "blocked";
	assert_int_equal(apply(&e, &fixed, &r), STORE_OK);
	assert_false(r.changed);
	store_result_fini(&r);
	free(before);

	/* The history cannot be written: saved anyway, with a warning. */
	char hist[128], moved[140];
	snprintf(hist, sizeof hist, "%s.history", path);
	snprintf(moved, sizeof moved, "%s.moved", hist);
	assert_int_equal(rename(hist, moved), 0);
	assert_int_equal(symlink("nowhere", hist), 0);
	struct edit title = { .kind = EDIT_SET, .milestone_id = "b", .field = FIELD_TITLE, .value = "Bee" };
	assert_int_equal(apply(&title, &fixed, &r), STORE_OK);
	assert_true(r.changed);
	assert_non_null(strstr(r.warning, "the change is saved, but not in the history: cannot append to"));
	store_result_fini(&r);
	assert_int_equal(unlink(hist), 0);
	assert_int_equal(rename(moved, hist), 0);
	assert_int_equal(apply(&title, &fixed, &r), STORE_OK);
	assert_string_equal(r.warning, "");
	store_result_fini(&r);

	struct edit bad = { .kind = EDIT_SET, .milestone_id = "zz", .field = FIELD_STATUS, .value = "done" };
	assert_int_equal(apply(&bad, &fixed, &r), STORE_REFUSED);
	assert_non_null(strstr(r.why, "no milestone with id 'zz'"));
	store_result_fini(&r);
}

static void test_several_edits_one_transaction(void **state)
{
	(void)state;
	char hist[128];
	snprintf(hist, sizeof hist, "%s.history", path);
	size_t n0, n1, n;
	char *h0 = read_text(hist, &n0);
	char *before = read_text(path, &n);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	ino_t inode = st.st_ino;
	/* The third edit fails: nothing of the first two is written. */
	struct edit edits[3] = {
		{ .kind = EDIT_ADD, .group_id = "g", .milestone_id = "c", .value = "C" },
		{ .kind = EDIT_SET, .milestone_id = "c", .field = FIELD_OWNER, .value = "Zed" },
		{ .kind = EDIT_SET, .milestone_id = "a", .field = FIELD_STATUS, .value = "blocked",
		  .check_seen = true, .seen = "not_started" },
	};
	struct store_result r[3];
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	for (int i = 0; i < 3; i++)
		store_result_init(&r[i]);
	assert_int_equal(store_apply_all(path, edits, 3, &fixed, r, &diags), STORE_CONFLICT);
	assert_string_equal(r[0].why, "");
	assert_string_equal(r[1].why, "");
	assert_non_null(strstr(r[2].why, "changed meanwhile"));
	for (int i = 0; i < 3; i++)
		store_result_fini(&r[i]);
	size_t m;
	char *now = read_text(path, &m);
	assert_int_equal(m, n);
	assert_memory_equal(now, before, n);
	free(now);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_ino, inode);
	/* All three fine: one write, one history line each, the second one
	 * planned on the milestone the first added. */
	edits[2].seen = "blocked";
	edits[2].value = "done";
	for (int i = 0; i < 3; i++)
		store_result_init(&r[i]);
	assert_int_equal(store_apply_all(path, edits, 3, &fixed, r, &diags), STORE_OK);
	assert_true(r[0].changed && r[1].changed && r[2].changed);
	assert_int_equal(r[0].attempts, 1);
	assert_true(r[2].have_after);
	assert_false(r[0].have_after || r[1].have_after); /* dropped once used */
	assert_int_equal(r[2].after.milestone_count, 3);
	assert_string_equal(r[2].after.milestones[2].owner, "Zed");
	assert_string_equal(r[1].group, "g");
	for (int i = 0; i < 3; i++)
		store_result_fini(&r[i]);
	diag_fini(&diags);
	char *h1 = read_text(hist, &n1);
	assert_memory_equal(h1, h0, n0);
	assert_string_equal(h1 + n0,
	                    "{\"time\":\"2026-11-26T19:20:00Z\",\"user\":\"amina\",\"host\":\"srv1\",\"id\":\"c\","
	                    "\"group\":\"g\",\"field\":\"milestone\",\"old\":null,\"new\":\"C\"}\n"
	                    "{\"time\":\"2026-11-26T19:20:00Z\",\"user\":\"amina\",\"host\":\"srv1\",\"id\":\"c\","
	                    "\"group\":\"g\",\"field\":\"owner\",\"old\":null,\"new\":\"Zed\"}\n"
	                    "{\"time\":\"2026-11-26T19:20:00Z\",\"user\":\"amina\",\"host\":\"srv1\",\"id\":\"a\","
	                    "\"group\":\"g\",\"field\":\"status\",\"old\":\"blocked\",\"new\":\"done\","
	                    "\"completed_old\":null,\"completed_new\":\"2026-11-26\"}\n"); /* the date of `now` */
	free(h0);
	free(h1);
	free(before);
}

/* --- an editor saving the file during a change --------------------------- */

/* Saves the data file the way editors do (a new file renamed over it),
 * adding a comment line, the first `times` times it is called. */
struct editor {
	int times, saved;
};

static void editor_saves(void *arg)
{
	struct editor *ed = arg;
	if (ed->saved == ed->times)
		return;
	size_t n;
	char *text = read_text(path, &n);
	assert_non_null(text);
	char tmp[128], line[64];
	snprintf(tmp, sizeof tmp, "%s/editor.swp", dir);
	snprintf(line, sizeof line, "# editor save %d\n", ++ed->saved);
	FILE *f = fopen(tmp, "wb");
	assert_non_null(f);
	fwrite(text, 1, n, f);
	fputs(line, f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(rename(tmp, path), 0);
	free(text);
}

static void test_editor_saves_meanwhile(void **state)
{
	(void)state;
	struct editor ed = { .times = 1 };
	struct store_options opt = fixed;
	opt.before_rename = editor_saves;
	opt.before_rename_arg = &ed;
	struct edit e = { .kind = EDIT_SET, .milestone_id = "b", .field = FIELD_OWNER, .value = "Changed" };
	struct store_result r;
	/* Saved once during the change: it is made again on the editor's text. */
	assert_int_equal(apply(&e, &opt, &r), STORE_OK);
	assert_true(r.changed);
	assert_int_equal(r.attempts, 2);
	assert_non_null(strstr(r.old_text, "# editor save 1\n"));
	store_result_fini(&r);
	size_t n;
	char *text = read_text(path, &n);
	assert_non_null(strstr(text, "        owner: Changed\n"));
	assert_non_null(strstr(text, "# editor save 1\n"));
	free(text);

	/* Saved again every time: nothing is written over the editor's file. */
	ed = (struct editor){ .times = 5 };
	e.value = "Again";
	assert_int_equal(apply(&e, &opt, &r), STORE_IO);
	assert_int_equal(r.attempts, 3);
	assert_non_null(strstr(r.why, "kept changing on disk"));
	store_result_fini(&r);
	text = read_text(path, &n);
	assert_null(strstr(text, "Again"));
	assert_non_null(strstr(text, "# editor save 3\n"));
	free(text);
	char leftover[128];
	snprintf(leftover, sizeof leftover, "ls -A '%s' | grep -q 'charterdash-tmp'", dir);
	assert_int_not_equal(system(leftover), 0); /* no temporary file left */
}

/* --- temporaries: only a dead writer's own are ever removed ---------------- */

static void put_file(const char *name, const char *text)
{
	char full[160];
	snprintf(full, sizeof full, "%s/%s", dir, name);
	write_text(full, text, strlen(text));
}

static bool exists_in_dir(const char *name)
{
	char full[160];
	snprintf(full, sizeof full, "%s/%s", dir, name);
	return access(full, F_OK) == 0;
}

/* A user's .c.yaml.backup (the shape mkstemp used to give temporaries)
 * survives every save; a killed writer's temporary is removed, a live
 * one's (it holds an flock on it) is not. */
static void test_only_dead_writers_temporaries_go(void **state)
{
	(void)state;
	put_file(".c.yaml.backup", "precious\n");
	put_file(".c.yaml.v2copy", "precious\n");
	put_file(".c.yaml.Ab3dE9", "an rsync temporary\n");
	put_file(".c.yaml.charterdash-tmp.1.abc", "not our shape\n");
	put_file(".c.yaml.charterdash-tmp.4194999.Xy12Zq", "left by a killed writer\n");
	put_file(".c.yaml.charterdash-tmp.4194998.Live01", "a writer still at work\n");
	char live[160];
	snprintf(live, sizeof live, "%s/.c.yaml.charterdash-tmp.4194998.Live01", dir);
	int fd = open(live, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(flock(fd, LOCK_EX), 0);

	struct edit e = { .kind = EDIT_SET, .milestone_id = "b", .field = FIELD_OWNER, .value = "Temp test" };
	struct store_result r;
	assert_int_equal(apply(&e, &fixed, &r), STORE_OK);
	assert_true(r.changed);
	store_result_fini(&r);
	assert_true(exists_in_dir(".c.yaml.backup"));
	assert_true(exists_in_dir(".c.yaml.v2copy"));
	assert_true(exists_in_dir(".c.yaml.Ab3dE9"));
	assert_true(exists_in_dir(".c.yaml.charterdash-tmp.1.abc"));
	assert_false(exists_in_dir(".c.yaml.charterdash-tmp.4194999.Xy12Zq"));
	assert_true(exists_in_dir(".c.yaml.charterdash-tmp.4194998.Live01"));
	close(fd);
	char cmd[200];
	snprintf(cmd, sizeof cmd, "cd '%s' && rm -f .c.yaml.backup .c.yaml.v2copy .c.yaml.Ab3dE9 .c.yaml.charterdash-tmp.*",
	         dir);
	assert_int_equal(system(cmd), 0);
}

/* An editor saving in the last instant, after every check: seen in the
 * file the rename replaced, which is put back and the change made again
 * on it. Without that the editor's save was silently overwritten. */
static void test_editor_saves_at_the_rename(void **state)
{
	(void)state;
	struct editor ed = { .times = 1 };
	struct store_options opt = fixed;
	opt.at_rename = editor_saves;
	opt.at_rename_arg = &ed;
	struct edit e = { .kind = EDIT_SET, .milestone_id = "b", .field = FIELD_OWNER, .value = "Last instant" };
	struct store_result r;
	assert_int_equal(apply(&e, &opt, &r), STORE_OK);
	assert_true(r.changed);
	assert_int_equal(ed.saved, 1);
	assert_int_equal(r.attempts, 2);
	store_result_fini(&r);
	size_t n;
	char *text = read_text(path, &n);
	assert_non_null(strstr(text, "        owner: Last instant\n"));
	assert_non_null(strstr(text, "# editor save 1\n"));
	free(text);
	char leftover[128];
	snprintf(leftover, sizeof leftover, "ls -A '%s' | grep -q 'charterdash-tmp'", dir);
	assert_int_not_equal(system(leftover), 0);
}

/* A file nobody may write (0444) is refused whoever asks, root included,
 * unless the caller forces it; the forced change keeps the mode. */
static void test_read_only_file_refused(void **state)
{
	(void)state;
	size_t n0, n;
	char *before = read_text(path, &n0);
	assert_int_equal(chmod(path, 0444), 0);
	struct edit e = { .kind = EDIT_SET, .milestone_id = "a", .field = FIELD_NOTES, .value = "forced" };
	struct store_result r;
	assert_int_equal(apply(&e, &fixed, &r), STORE_REFUSED);
	assert_non_null(strstr(r.why, "is read-only for everyone (mode 0444); --force changes it anyway"));
	store_result_fini(&r);
	char *after = read_text(path, &n);
	assert_int_equal(n, n0);
	assert_memory_equal(after, before, n);
	free(after);
	/* a dry run writes nothing: no refusal */
	struct store_options opt = fixed;
	opt.dry_run = true;
	assert_int_equal(apply(&e, &opt, &r), STORE_OK);
	store_result_fini(&r);
	if (geteuid() == 0) { /* only root (or the owner) can force it */
		opt = fixed;
		opt.force_read_only = true;
		assert_int_equal(apply(&e, &opt, &r), STORE_OK);
		assert_true(r.changed);
		store_result_fini(&r);
		after = read_text(path, &n);
		assert_non_null(strstr(after, "notes: forced"));
		free(after);
		struct stat st;
		assert_int_equal(stat(path, &st), 0);
		assert_int_equal(st.st_mode & 0777, 0444);
	}
	assert_int_equal(chmod(path, 0640), 0);
	free(before);
}

/* A writer killed between its rename and its history line left its lines
 * in the journal (the lock file): they are appended once its change is
 * found in place (its temporary is gone), exactly once, and dropped when
 * its temporary still holds the new text (the rename never happened). */
static unsigned long long fnv1a(const char *text, size_t len)
{
	unsigned long long h = 14695981039346656037ull;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)text[i]) * 1099511628211ull;
	return h & 0xffffffffffffffffull;
}

static void put_journal(const char *temp, const char *text, const char *lines)
{
	char lock[128], j[1024];
	snprintf(lock, sizeof lock, "%s/.c.yaml.lock", dir);
	snprintf(j, sizeof j, "charterdash-journal 1\ntemp %s\nsize %zu\nfnv1a %016llx\n%s", temp, strlen(text),
	         fnv1a(text, strlen(text)), lines);
	write_text(lock, j, strlen(j));
}

static void test_journal_settles_a_killed_writers_lines(void **state)
{
	(void)state;
	char hist[128], lock[128];
	snprintf(hist, sizeof hist, "%s.history", path);
	snprintf(lock, sizeof lock, "%s/.c.yaml.lock", dir);
	unlink(hist);
	const char line[] = "{\"time\":\"2026-11-26T19:20:00Z\",\"user\":\"k\",\"host\":\"h\",\"id\":\"a\",\"group\":\"g\","
	                    "\"field\":\"owner\",\"old\":null,\"new\":\"Killed\"}\n";
	put_journal(".c.yaml.charterdash-tmp.4194999.Gone01", "the new text\n", line);
	store_settle_history(path);
	size_t n;
	char *text = read_text(hist, &n);
	assert_non_null(text);
	assert_string_equal(text, line);
	free(text);
	struct stat st;
	assert_int_equal(stat(lock, &st), 0);
	assert_int_equal(st.st_size, 0); /* settled */
	/* The same journal again (killed after appending, before emptying it):
	 * not appended twice. */
	put_journal(".c.yaml.charterdash-tmp.4194999.Gone01", "the new text\n", line);
	store_settle_history(path);
	text = read_text(hist, &n);
	assert_string_equal(text, line);
	free(text);
	/* Killed before the rename: the temporary still holds the new text. */
	put_file(".c.yaml.charterdash-tmp.4194999.Here01", "the new text\n");
	put_journal(".c.yaml.charterdash-tmp.4194999.Here01", "the new text\n",
	            "{\"time\":\"2026-11-26T19:20:00Z\",\"user\":\"k\",\"host\":\"h\",\"id\":\"a\",\"group\":\"g\","
	            "\"field\":\"owner\",\"old\":\"Killed\",\"new\":\"Never\"}\n");
	struct edit e = { .kind = EDIT_SET, .milestone_id = "b", .field = FIELD_TITLE, .value = "After kills" };
	struct store_result r;
	assert_int_equal(apply(&e, &fixed, &r), STORE_OK); /* a change settles it too */
	store_result_fini(&r);
	text = read_text(hist, &n);
	assert_null(strstr(text, "Never"));
	assert_non_null(strstr(text, "After kills"));
	assert_memory_equal(text, line, sizeof line - 1);
	free(text);
	assert_false(exists_in_dir(".c.yaml.charterdash-tmp.4194999.Here01")); /* then cleaned up */
	assert_int_equal(stat(lock, &st), 0);
	assert_int_equal(st.st_size, 0);
}

/* --- undo of a delete and of an add ---------------------------------------- */

static const char undo_text[] =
	"charter:\n  title: T\n  signed: 2026-02-09\nworking_groups:\n  - id: g\n    name: G\n    milestones:\n"
	"      - id: a\n        title: A\n        status: in_progress\n"
	"      # b is the one with a budget\n"
	"      - id: b   # keep me\n        title: 'B'\n        status: done\n        owner: \"Ann\"\n"
	"        x-budget: 5   # thousands\n        x-tags: [one, two]\n"
	"      - id: c\n        title: C\n        status: not_started\n        owner: Cy\n";

static void record_removal(struct undo *u, const struct store_result *r, const struct charter *before, const char *id)
{
	long m = charter_find_milestone(before, id);
	assert_true(m >= 0);
	const char *fields[FIELD_COUNT];
	char scratch[FIELD_COUNT][DATE_TEXT_SIZE];
	for (int f = 0; f < FIELD_COUNT; f++)
		fields[f] = milestone_field(&before->milestones[m], (enum field)f, scratch[f]);
	assert_true(undo_record_milestone(u, EDIT_REMOVE, id, "g", fields));
	assert_true(undo_attach_removed(u, r->old_text, r->old_len, &r->edit));
}

static enum store_status delete_b(struct undo *u)
{
	struct charter before;
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	assert_true(charter_load_file(&before, path, &diags));
	struct edit rm = { .kind = EDIT_REMOVE, .milestone_id = "b" };
	struct store_result r;
	enum store_status st = apply(&rm, &fixed, &r);
	if (st == STORE_OK)
		record_removal(u, &r, &before, "b");
	store_result_fini(&r);
	charter_fini(&before);
	diag_fini(&diags);
	return st;
}

static enum store_status run_plan(const struct undo_plan *plan)
{
	struct store_options opt = fixed;
	opt.restore = plan->has_restore ? &plan->restore : NULL;
	opt.expect_bytes = plan->expect_bytes;
	opt.expect_len = plan->expect_len;
	struct store_result r[UNDO_MAX_EDITS];
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	for (size_t i = 0; i < plan->count; i++)
		store_result_init(&r[i]);
	enum store_status st = store_apply_all(path, plan->edits, plan->count, &opt, r, &diags);
	for (size_t i = 0; i < plan->count; i++)
		store_result_fini(&r[i]);
	diag_fini(&diags);
	return st;
}

/* Undoing a delete puts back the exact bytes (comments, quoting, unknown
 * keys, lists) where they were, even after someone changed the file
 * elsewhere; when the lines around the place changed, it is a conflict
 * (the dashboard asks), and "anyway" re-creates it from its fields. It
 * used to come back as five fields at the end of the group. */
static void test_undo_delete_puts_the_bytes_back(void **state)
{
	(void)state;
	write_text(path, undo_text, sizeof undo_text - 1);
	struct undo u;
	undo_init(&u);
	assert_int_equal(delete_b(&u), STORE_OK);
	/* someone else changes c's status meanwhile (outside b's neighbourhood) */
	struct edit theirs = { .kind = EDIT_SET, .milestone_id = "c", .field = FIELD_STATUS, .value = "blocked" };
	struct store_result r;
	assert_int_equal(apply(&theirs, &fixed, &r), STORE_OK);
	store_result_fini(&r);
	struct undo_plan plan;
	undo_plan_undo(&u, &plan);
	assert_true(plan.has_restore);
	assert_int_equal(plan.count, 1);
	assert_int_equal(run_plan(&plan), STORE_OK);
	undo_done(&u);
	size_t n;
	char *text = read_text(path, &n);
	char expected[sizeof undo_text + 8];
	snprintf(expected, sizeof expected, "%s", undo_text);
	char *c_status = strstr(expected, "status: not_started");
	memcpy(c_status, "status: blocked\n        owner: Cy\n", sizeof "status: blocked\n        owner: Cy\n");
	assert_string_equal(text, expected);
	free(text);
	char hist[128];
	snprintf(hist, sizeof hist, "%s.history", path);
	text = read_text(hist, &n);
	assert_non_null(strstr(text, "\"id\":\"b\",\"group\":\"g\",\"field\":\"milestone\",\"old\":null,\"new\":\"B\"}\n"));
	free(text);

	/* Deleted again, then the line just above it changes: ask first. */
	undo_fini(&u);
	undo_init(&u);
	assert_int_equal(delete_b(&u), STORE_OK);
	struct edit above = { .kind = EDIT_SET, .milestone_id = "a", .field = FIELD_STATUS, .value = "done" };
	assert_int_equal(apply(&above, &fixed, &r), STORE_OK);
	store_result_fini(&r);
	undo_plan_undo(&u, &plan);
	struct store_options opt = fixed;
	opt.restore = &plan.restore;
	assert_int_equal(apply(&plan.edits[0], &opt, &r), STORE_CONFLICT);
	assert_non_null(strstr(r.why, "the lines around 'b' changed since it was deleted"));
	store_result_fini(&r);
	undo_answer_anyway(&u);
	undo_plan_undo(&u, &plan);
	assert_false(plan.has_restore);
	assert_int_equal(plan.count, 3); /* add, status done, owner */
	assert_int_equal(run_plan(&plan), STORE_OK);
	text = read_text(path, &n);
	assert_non_null(strstr(text, "      - id: b\n        title: B\n        status: done\n        owner: Ann\n"));
	free(text);
	undo_fini(&u);
}

/* Undoing an add removes the milestone only while it is as this session
 * created it: someone's change to it since is a conflict (the dashboard
 * asks: keep theirs / remove anyway). It used to go without a word. */
static void test_undo_add_asks_when_changed(void **state)
{
	(void)state;
	write_text(path, charter_text, sizeof charter_text - 1);
	struct undo u;
	undo_init(&u);
	struct edit add = { .kind = EDIT_ADD, .group_id = "g", .milestone_id = "n", .value = "New one" };
	struct store_result r;
	assert_int_equal(apply(&add, &fixed, &r), STORE_OK);
	long m = charter_find_milestone(&r.after, "n");
	assert_true(m >= 0);
	const char *fields[FIELD_COUNT] = { [FIELD_TITLE] = "New one", [FIELD_STATUS] = "not_started" };
	assert_true(undo_record_milestone(&u, EDIT_ADD, "n", "g", fields));
	const struct doc_node *node = doc_node(&r.after.doc, r.after.milestones[m].node);
	assert_true(undo_attach_created(&u, r.after.text + node->start, node->end - node->start));
	store_result_fini(&r);
	struct edit theirs = { .kind = EDIT_SET, .milestone_id = "n", .field = FIELD_OWNER, .value = "Someone" };
	assert_int_equal(apply(&theirs, &fixed, &r), STORE_OK);
	store_result_fini(&r);

	struct undo_plan plan;
	undo_plan_undo(&u, &plan);
	assert_non_null(plan.expect_bytes);
	struct store_options opt = fixed;
	opt.expect_bytes = plan.expect_bytes;
	opt.expect_len = plan.expect_len;
	assert_int_equal(apply(&plan.edits[0], &opt, &r), STORE_CONFLICT);
	assert_non_null(strstr(r.why, "'n' was changed by someone else since you added it"));
	store_result_fini(&r);
	size_t n;
	char *text = read_text(path, &n);
	assert_non_null(strstr(text, "owner: Someone"));
	free(text);
	/* their change undone by hand: the same bytes again, so no question */
	theirs.value = "";
	assert_int_equal(apply(&theirs, &fixed, &r), STORE_OK);
	store_result_fini(&r);
	assert_int_equal(run_plan(&plan), STORE_OK);
	text = read_text(path, &n);
	assert_null(strstr(text, "id: n"));
	free(text);
	undo_fini(&u);
}

/* A writer stuck holding the lock: a caller with lock_wait_ms gives up
 * with a clear reason and writes nothing, instead of waiting forever. */
static void test_lock_wait_gives_up(void **state)
{
	(void)state;
	char lock[128];
	snprintf(lock, sizeof lock, "%s/.c.yaml.lock", dir);
	int fd = open(lock, O_RDWR | O_CREAT, 0640);
	assert_true(fd >= 0);
	assert_int_equal(flock(fd, LOCK_EX), 0);

	size_t before_len, after_len;
	char *before = read_text(path, &before_len);
	struct edit e = { .kind = EDIT_SET, .milestone_id = "b", .field = FIELD_TITLE, .value = "Waited for" };
	struct store_options opt = fixed;
	opt.lock_wait_ms = 100;
	struct store_result r;
	assert_int_equal(apply(&e, &opt, &r), STORE_IO);
	assert_non_null(strstr(r.why, "still holds"));
	store_result_fini(&r);
	char *after = read_text(path, &after_len);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);

	/* Once the lock is free, the same change goes through. */
	close(fd);
	assert_int_equal(apply(&e, &opt, &r), STORE_OK);
	assert_true(r.changed);
	store_result_fini(&r);
	free(before);
	free(after);
}

/* A meeting mark is one history line, as permissive as the data file. */
static void test_mark_meeting(void **state)
{
	(void)state;
	char hist[128], when[24], why[256];
	snprintf(hist, sizeof hist, "%s.history", path);
	unlink(hist);
	assert_true(store_mark_meeting(path, "amina", "srv1", when, why, sizeof why));
	assert_int_equal(strlen(when), 20);
	size_t len;
	char *text = read_text(hist, &len);
	assert_non_null(text);
	char expected[256];
	snprintf(expected, sizeof expected,
	         "{\"time\":\"%s\",\"user\":\"amina\",\"host\":\"srv1\",\"id\":\"" MEETING_ID "\",\"group\":null,"
	         "\"field\":\"" MEETING_FIELD "\",\"old\":null,\"new\":null}\n", when);
	assert_string_equal(text, expected);
	struct stat st, data;
	assert_int_equal(stat(hist, &st), 0);
	assert_int_equal(stat(path, &data), 0);
	assert_int_equal(st.st_mode & 0777, data.st_mode & 0666);
	free(text);
	assert_false(store_mark_meeting("/nonexistent/c.yaml", NULL, NULL, when, why, sizeof why));
	assert_non_null(strstr(why, "cannot open"));
}

/* A model the caller holds is planned on only while the file is exactly
 * its text: a stale one must not hide a change made since. */
static void test_known_model(void **state)
{
	(void)state;
	write_text(path, charter_text, sizeof charter_text - 1);
	struct charter known;
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	assert_true(charter_load_file(&known, path, &diags));
	diag_fini(&diags);
	struct store_options opt = fixed;
	opt.known = &known;

	struct edit e = { .kind = EDIT_SET, .milestone_id = "a", .field = FIELD_TITLE, .value = "A2" };
	struct store_result r;
	assert_int_equal(apply(&e, &opt, &r), STORE_OK);
	assert_true(r.changed);
	assert_true(r.have_after);
	assert_memory_equal(r.old_text, charter_text, sizeof charter_text - 1);
	assert_int_equal(r.old_len, sizeof charter_text - 1);
	assert_string_equal(r.after.milestones[0].title, "A2");
	store_result_fini(&r);
	/* the caller's model is left as it was */
	assert_memory_equal(known.text, charter_text, sizeof charter_text - 1);
	assert_string_equal(known.milestones[0].title, "A");

	/* Now the file is ahead of `known` (as if another user saved): the
	 * change is planned on what the file holds, and the conflict check
	 * sees the file's value, not the stale model's. */
	e = (struct edit){ .kind = EDIT_SET, .milestone_id = "a", .field = FIELD_TITLE, .value = "A3",
	                   .check_seen = true, .seen = "A" };
	assert_int_equal(apply(&e, &opt, &r), STORE_CONFLICT);
	assert_string_equal(r.current, "A2");
	store_result_fini(&r);
	e = (struct edit){ .kind = EDIT_SET, .milestone_id = "b", .field = FIELD_OWNER, .value = "Bo" };
	assert_int_equal(apply(&e, &opt, &r), STORE_OK);
	store_result_fini(&r);
	size_t n;
	char *text = read_text(path, &n);
	assert_non_null(strstr(text, "title: A2\n"));
	assert_non_null(strstr(text, "owner: Bo\n"));
	free(text);
	charter_fini(&known);
}


/* A status change keeps `completed` true in the same save: written when
 * made done (not over one already there), removed when it leaves done,
 * exactly as given with completed_exact (undo, redo, set ... completed=),
 * in a flow mapping too; and undo puts back exactly what was there. */
static void test_status_writes_completed(void **state)
{
	(void)state;
	static const char text[] =
		"charter:\n  title: T\n  signed: 2026-02-09\nworking_groups:\n  - id: g\n    name: G\n    milestones:\n"
		"      - {id: f, title: F, status: blocked, owner: O}\n"
		"      - id: s\n        title: S\n        status: in_progress\n        completed: 2026-03-01\n";
	write_text(path, text, sizeof text - 1);
	struct store_result r;
	size_t n;
	struct edit done = { .kind = EDIT_SET, .milestone_id = "f", .field = FIELD_STATUS, .value = "done",
	                     .done_on = "2026-05-12" };
	assert_int_equal(apply(&done, &fixed, &r), STORE_OK);
	assert_non_null(strstr(r.new_text, "      - {id: f, title: F, status: done, completed: 2026-05-12, owner: O}\n"));
	/* the covering span: from the status to the date */
	assert_int_equal(r.edit.end - r.edit.start, strlen("blocked"));
	assert_string_equal(r.edit.text, "done, completed: 2026-05-12");
	store_result_fini(&r);
	/* a stale date on an open milestone is kept when it is made done */
	done.milestone_id = "s";
	assert_int_equal(apply(&done, &fixed, &r), STORE_OK);
	assert_false(r.completed_changed);
	assert_non_null(strstr(r.new_text, "        status: done\n        completed: 2026-03-01\n"));
	store_result_fini(&r);
	/* leaving done removes it */
	struct edit reopen = { .kind = EDIT_SET, .milestone_id = "f", .field = FIELD_STATUS, .value = "in_progress" };
	assert_int_equal(apply(&reopen, &fixed, &r), STORE_OK);
	assert_true(r.completed_changed);
	assert_string_equal(r.completed_old, "2026-05-12");
	assert_null(r.completed_new);
	assert_non_null(strstr(r.new_text, "      - {id: f, title: F, status: in_progress, owner: O}\n"));
	store_result_fini(&r);
	/* undo of that: done again, with exactly the date it had */
	struct undo u;
	undo_init(&u);
	assert_true(undo_record_set(&u, "f", FIELD_STATUS, "done", "in_progress"));
	assert_true(undo_record_completion(&u, "2026-05-12", NULL));
	struct undo_plan plan;
	undo_plan_undo(&u, &plan);
	assert_int_equal(plan.count, 1);
	assert_true(plan.edits[0].completed_exact);
	assert_string_equal(plan.edits[0].done_on, "2026-05-12");
	assert_int_equal(apply(&plan.edits[0], &fixed, &r), STORE_OK);
	assert_string_equal(r.completed_new, "2026-05-12");
	store_result_fini(&r);
	undo_done(&u);
	undo_plan_redo(&u, &plan);
	assert_true(plan.edits[0].completed_exact);
	assert_null(plan.edits[0].done_on);
	assert_int_equal(apply(&plan.edits[0], &fixed, &r), STORE_OK);
	assert_non_null(strstr(r.new_text, "      - {id: f, title: F, status: in_progress, owner: O}\n"));
	store_result_fini(&r);
	undo_fini(&u);
	/* back-dated with the status: that date, one line */
	struct edit dated = done;
	dated.milestone_id = "f";
	dated.done_on = "2026-04-30";
	dated.completed_exact = true;
	assert_int_equal(apply(&dated, &fixed, &r), STORE_OK);
	assert_non_null(strstr(r.new_text, "status: done, completed: 2026-04-30, owner"));
	store_result_fini(&r);
	char *now = read_text(path, &n);
	assert_non_null(strstr(now, "status: done, completed: 2026-04-30, owner"));
	free(now);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_and_history),
		cmocka_unit_test(test_conflict_force_noop_dry_run),
		cmocka_unit_test(test_several_edits_one_transaction),
		cmocka_unit_test(test_editor_saves_meanwhile),
		cmocka_unit_test(test_editor_saves_at_the_rename),
		cmocka_unit_test(test_lock_wait_gives_up),
		cmocka_unit_test(test_read_only_file_refused),
		cmocka_unit_test(test_only_dead_writers_temporaries_go),
		cmocka_unit_test(test_journal_settles_a_killed_writers_lines),
		cmocka_unit_test(test_mark_meeting),
		cmocka_unit_test(test_known_model),
		cmocka_unit_test(test_undo_delete_puts_the_bytes_back),
		cmocka_unit_test(test_undo_add_asks_when_changed),
		cmocka_unit_test(test_status_writes_completed),
	};
	mode_t old = umask(077); /* the sidecars' modes must not depend on it */
	int failed = cmocka_run_group_tests(tests, setup, teardown);
	umask(old);
	return failed;
}
