/* charterdash set / add / rm — scripted changes through the edit transaction. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* getopt_long */
#endif
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charterdash/cli/cli.h"
#include "charterdash/core/diff.h"
#include "charterdash/store/store.h"
#include "charterdash/core/strict.h"

#define MAX_ASSIGNMENTS 16

struct edit_options {
	const char *command;
	bool dry_run, force, quiet;
	const char *user;
	const char *title; /* add */
	const char *id;    /* add */
	const char *expect[FIELD_COUNT];
	bool has_expect[FIELD_COUNT];
	struct date today; /* relative due dates count from here */
	bool today_set;
};

/* The FIELD=VALUE words of a command, checked. */
struct assignments {
	enum field fields[MAX_ASSIGNMENTS];
	const char *values[MAX_ASSIGNMENTS];
	char dates[MAX_ASSIGNMENTS][DATE_TEXT_SIZE]; /* a relative due date, resolved */
	int count;
};

/* The entries of `known` nearest to `word` as "'a', 'b' or 'c'" in out;
 * false (out "") when none is near. */
static bool nearest_words(const char *word, const char *const *known, size_t count, char *out, size_t size)
{
	const char *near[3];
	size_t n = strict_nearest(word, known, count, near, 3), used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, "%s'%s'", i == 0 ? "" : i + 1 < n ? ", " : " or ",
		                         near[i]);
	return n > 0;
}

/* "field=value" → field and value (pointing into arg). */
static bool split_assignment(const char *command, char *arg, enum field *field, const char **value)
{
	char *eq = strchr(arg, '=');
	if (!eq) {
		cli_usage_error(command, "'%s' is not FIELD=VALUE (fields: title, status, due, owner, notes, completed)", arg);
		return false;
	}
	*eq = '\0';
	if (!field_parse(arg, field)) {
		const char *names[FIELD_COUNT];
		for (int f = 0; f < FIELD_COUNT; f++)
			names[f] = field_name((enum field)f);
		const char *near = strict_suggest(arg, names, FIELD_COUNT);
		if (near)
			cli_usage_error(command, "unknown field '%s' (did you mean '%s'?)", arg, near);
		else
			cli_usage_error(command, "unknown field '%s' (fields: title, status, due, owner, notes, completed)", arg);
		return false;
	}
	*value = eq + 1;
	return true;
}

static int parse_options(int argc, char **argv, struct edit_options *o)
{
	static const struct option longopts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "force", no_argument, NULL, 'f' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "user", required_argument, NULL, 'u' },
		{ "expect", required_argument, NULL, 'e' },
		{ "title", required_argument, NULL, 't' },
		{ "id", required_argument, NULL, 'i' },
		{ "today", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt, status;
	for (bool first = true; (opt = cli_next_option(o->command, argc, argv, "nfqu:e:t:i:", longopts, first, &status)) >= 0;
	     first = false) {
		enum field f;
		const char *value;
		switch (opt) {
		case 'n': o->dry_run = true; break;
		case 'f': o->force = true; break;
		case 'q': o->quiet = true; break;
		case 'u': o->user = optarg; break;
		case 't': o->title = optarg; break;
		case 'i': o->id = optarg; break;
		case 'T':
			if (!cli_parse_today(optarg, &o->today))
				return EXIT_USAGE;
			o->today_set = true;
			break;
		case 'e':
			if (!split_assignment(o->command, optarg, &f, &value))
				return EXIT_USAGE;
			o->expect[f] = value;
			o->has_expect[f] = true;
			break;
		}
	}
	if (opt == CLI_OPTIONS_EXIT)
		return status == EXIT_OK ? -1 : status; /* -1: --help was shown */
	return EXIT_OK;
}

/* The nearest ids when the edit failed for an id the file does not have
 * (a milestone's, or for add a group's); "" otherwise. */
static void unknown_id_hint(const char *path, const struct edit *e, const char *why, char *out, size_t size)
{
	static const char no_group[] = "no working group with id", no_milestone[] = "no milestone with id";
	bool group = e->kind == EDIT_ADD;
	out[0] = '\0';
	if (strncmp(why, group ? no_group : no_milestone, group ? sizeof no_group - 1 : sizeof no_milestone - 1))
		return;
	struct charter c;
	struct diag_list diags;
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	if (charter_load_file(&c, path, &diags)) {
		size_t n = group ? c.group_count : c.milestone_count;
		const char **ids = malloc((n ? n : 1) * sizeof *ids);
		for (size_t i = 0; ids && i < n; i++)
			ids[i] = group ? c.groups[i].id : c.milestones[i].id;
		if (ids)
			nearest_words(group ? e->group_id : e->milestone_id, ids, n, out, size);
		free(ids);
	}
	charter_fini(&c);
	diag_fini(&diags);
}

/* Says why a transaction did not go through; returns the exit status. */
static int report_failure(const char *path, enum store_status st, const struct store_result *r,
                          const struct diag_list *diags, const char *hint)
{
	if (st == STORE_CONFLICT)
		fprintf(stderr, "%s: error: conflict: %s; run again with --force to overwrite it\n", path, r->why);
	else {
		if (st == STORE_INVALID)
			diag_print(diags, stderr);
		if (hint[0])
			fprintf(stderr, "%s: error: %s (did you mean %s?)\n", path, r->why, hint);
		else
			fprintf(stderr, "%s: error: %s\n", path, r->why);
	}
	return EXIT_DATA;
}

/* With --dry-run on stderr: stdout is then the diff alone, fit for patch(1). */
static void report_unchanged(const char *path, const struct edit *e, const struct edit_options *o)
{
	if (!o->quiet)
		fprintf(o->dry_run ? stderr : stdout, "%s: %s of '%s' is already %s%s%s; nothing to change\n", path,
		        field_name(e->field), e->milestone_id, *e->value ? "'" : "", *e->value ? e->value : "empty",
		        *e->value ? "'" : "");
}

static void report_change(const char *path, const struct edit *e, const struct store_result *r)
{
	if (e->kind == EDIT_SET && r->completed_changed)
		printf("%s: %s %s: %s -> %s, completed: %s -> %s\n", path, e->milestone_id, field_name(e->field),
		       r->old_value ? r->old_value : "(none)", e->value && *e->value ? e->value : "(none)",
		       r->completed_old ? r->completed_old : "(none)", r->completed_new ? r->completed_new : "(none)");
	else if (e->kind == EDIT_SET)
		printf("%s: %s %s: %s -> %s\n", path, e->milestone_id, field_name(e->field),
		       r->old_value ? r->old_value : "(none)", e->value && *e->value ? e->value : "(none)");
	else if (e->kind == EDIT_ADD)
		printf("%s: added %s to %s\n", path, e->milestone_id, e->group_id);
	else
		printf("%s: removed %s\n", path, e->milestone_id);
}

/* Runs the edits as one transaction (with --dry-run: prints the diff of
 * all of them, writing nothing) and reports it; returns an exit status.
 * `say` is how many of the edits get a line of their own on success. */
static int apply(const char *path, const struct edit *edits, int count, int say, const struct edit_options *o)
{
	struct store_options so = { .dry_run = o->dry_run, .user = o->user, .force_read_only = o->force };
	struct store_result r[1 + MAX_ASSIGNMENTS];
	struct diag_list diags;
	for (int i = 0; i < count; i++)
		store_result_init(&r[i]);
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	enum store_status st = store_apply_all(path, edits, (size_t)count, &so, r, &diags);
	if (r[0].warning[0])
		fprintf(stderr, "%s: warning: %s\n", path, r[0].warning);
	int status = EXIT_OK, last = -1;
	if (st != STORE_OK) {
		int failed = 0;
		while (failed < count - 1 && !r[failed].why[0])
			failed++;
		char hint[200];
		unknown_id_hint(path, &edits[failed], r[failed].why, hint, sizeof hint);
		status = report_failure(path, st, &r[failed], &diags, hint);
	}
	for (int i = 0; i < count && status == EXIT_OK; i++) {
		if (!r[i].changed)
			report_unchanged(path, &edits[i], o);
		else if (!o->quiet && !o->dry_run && i < say)
			report_change(path, &edits[i], &r[i]);
		last = r[i].changed ? i : last;
	}
	if (status == EXIT_OK && o->dry_run && last >= 0)
		diff_print_texts(stdout, path, r[0].old_text, r[0].old_len, r[last].new_text, r[last].new_len);
	for (int i = 0; i < count; i++)
		store_result_fini(&r[i]);
	diag_fini(&diags);
	return status;
}

/* A relative due or completion date (+1w, fri, eom) → the absolute date it
 * means, said on stderr before anything is saved; the absolute one is what
 * is stored. */
static bool resolve_date(const struct edit_options *o, enum field f, const char **value, char out[DATE_TEXT_SIZE])
{
	if (!**value || strcmp(*value, EDIT_NO_DATE) == 0 || (**value >= '0' && **value <= '9'))
		return true; /* empty, '~' (no date yet) or YYYY-MM-DD: edit_check_value's to judge */
	struct date today = o->today_set ? o->today : cli_local_today(), d;
	char why[128];
	if (!date_parse_relative(*value, today, &d, why, sizeof why)) {
		fprintf(stderr, "charterdash %s: error: %s '%s' is not a valid date: %s\n", o->command, field_name(f),
		        *value, why);
		return false;
	}
	date_format(d, out);
	if (!o->quiet)
		fprintf(stderr, "charterdash %s: %s %s is %s\n", o->command, field_name(f), *value, out);
	*value = out;
	return true;
}

/* Validates every FIELD=VALUE before anything is written, so a typo in the
 * third assignment does not leave the first two applied. */
static int collect(const struct edit_options *o, int argc, char **argv, int from, struct assignments *a)
{
	a->count = 0;
	for (int i = from; i < argc; i++) {
		int k = a->count;
		if (k == MAX_ASSIGNMENTS)
			return cli_usage_error(o->command, "at most %d FIELD=VALUE at once", MAX_ASSIGNMENTS);
		if (!split_assignment(o->command, argv[i], &a->fields[k], &a->values[k]))
			return EXIT_USAGE;
		if ((a->fields[k] == FIELD_DUE || a->fields[k] == FIELD_COMPLETED) &&
		    !resolve_date(o, a->fields[k], &a->values[k], a->dates[k]))
			return EXIT_DATA;
		char why[256];
		if (!edit_check_value(a->fields[k], a->values[k], why, sizeof why)) {
			fprintf(stderr, "charterdash %s: error: %s\n", o->command, why);
			return EXIT_DATA;
		}
		a->count++;
	}
	return EXIT_OK;
}

/* The edits of `set ID FIELD=VALUE...`, with --expect for their fields;
 * returns how many. A status change writes `completed` in the same save
 * (today, from --today), or exactly the completed=DATE given with it,
 * which is then no edit of its own. */
static int set_edits(struct edit *edits, const char *id, const enum field *fields, const char **values, int count,
                     const struct edit_options *o, char today[DATE_TEXT_SIZE])
{
	const char *completed = NULL;
	bool status_set = false, completed_set = false;
	for (int i = 0; i < count; i++) {
		status_set = status_set || fields[i] == FIELD_STATUS;
		if (fields[i] == FIELD_COMPLETED) {
			completed_set = true;
			completed = values[i];
		}
	}
	date_format(o->today_set ? o->today : cli_local_today(), today);
	int n = 0;
	for (int i = 0; i < count; i++) {
		if (fields[i] == FIELD_COMPLETED && status_set)
			continue; /* goes with the status */
		edits[n] = (struct edit){
			.kind = EDIT_SET, .milestone_id = id, .field = fields[i], .value = values[i],
			.check_seen = o->has_expect[fields[i]], .seen = o->expect[fields[i]], .force = o->force,
			.done_on = completed_set ? completed : today, .completed_exact = completed_set,
		};
		if (edits[n].check_seen && edits[n].seen && !*edits[n].seen)
			edits[n].seen = NULL; /* --expect owner= : expected absent */
		n++;
	}
	return n;
}

/* --expect only guards a field being set: anything else is a mistake. */
static int check_expectations(const char *command, const enum field *fields, int count, const struct edit_options *o)
{
	for (int f = 0; f < FIELD_COUNT; f++) {
		bool set = false;
		for (int i = 0; i < count; i++)
			set = set || fields[i] == (enum field)f;
		if (o->has_expect[f] && !set)
			return cli_usage_error(command, "--expect %s=... but %s is not changed here", field_name((enum field)f),
			                       field_name((enum field)f));
	}
	return EXIT_OK;
}

int cmd_set(int argc, char **argv)
{
	struct edit_options o = { .command = "set" };
	int status = parse_options(argc, argv, &o), next;
	if (status != EXIT_OK)
		return status < 0 ? EXIT_OK : status;
	const char *path = cli_file("set", argc, argv, optind, 1, &next);
	if (!path)
		return EXIT_USAGE;
	if (argc - next < 2)
		return cli_usage_error("set", "expected [FILE] ID FIELD=VALUE...");
	const char *id = argv[next];
	struct assignments a;
	if ((status = collect(&o, argc, argv, next + 1, &a)) != EXIT_OK ||
	    (status = check_expectations("set", a.fields, a.count, &o)) != EXIT_OK)
		return status;
	struct edit edits[MAX_ASSIGNMENTS];
	char today[DATE_TEXT_SIZE];
	int n = set_edits(edits, id, a.fields, a.values, a.count, &o, today);
	return apply(path, edits, n, n, &o);
}

/* add without --id: an id made from the group and the title (caller frees),
 * or NULL with the reason said and *status set. */
static char *propose_id(const char *path, const char *group, const char *title, int *status)
{
	struct charter c;
	struct diag_list diags;
	struct store_result r;
	char *proposed = NULL;
	store_result_init(&r);
	diag_init(&diags, DIAG_DEFAULT_LIMIT);
	enum store_status st = store_load(path, &c, &diags, r.why, sizeof r.why);
	if (st != STORE_OK) {
		*status = report_failure(path, st, &r, &diags, "");
	} else if (!(proposed = edit_propose_id(&c, group, title))) {
		fprintf(stderr, "charterdash add: error: out of memory\n");
		*status = EXIT_DATA;
	}
	charter_fini(&c);
	diag_fini(&diags);
	store_result_fini(&r);
	return proposed;
}

int cmd_add(int argc, char **argv)
{
	struct edit_options o = { .command = "add" };
	int status = parse_options(argc, argv, &o), next;
	if (status != EXIT_OK)
		return status < 0 ? EXIT_OK : status;
	const char *path = cli_file("add", argc, argv, optind, 1, &next);
	if (!path)
		return EXIT_USAGE;
	if (argc - next < 1)
		return cli_usage_error("add", "expected [FILE] GROUP-ID --title TITLE [FIELD=VALUE...]");
	if (!o.title)
		return cli_usage_error("add", "--title is required");
	const char *group = argv[next];
	struct assignments a;
	if ((status = collect(&o, argc, argv, next + 1, &a)) != EXIT_OK ||
	    (status = check_expectations("add", a.fields, 0, &o)) != EXIT_OK)
		return status;
	char *proposed = o.id ? NULL : propose_id(path, group, o.title, &status);
	if (!o.id && !proposed)
		return status;
	const char *id = o.id ? o.id : proposed;
	struct edit edits[1 + MAX_ASSIGNMENTS];
	edits[0] = (struct edit){ .kind = EDIT_ADD, .milestone_id = id, .group_id = group, .value = o.title };
	char today[DATE_TEXT_SIZE];
	int n = set_edits(edits + 1, id, a.fields, a.values, a.count, &o, today);
	status = apply(path, edits, 1 + n, 1, &o); /* "added" says it all */
	free(proposed);
	return status;
}

int cmd_rm(int argc, char **argv)
{
	struct edit_options o = { .command = "rm" };
	int status = parse_options(argc, argv, &o), next;
	if (status != EXIT_OK)
		return status < 0 ? EXIT_OK : status;
	const char *path = cli_file("rm", argc, argv, optind, 1, &next);
	if (!path)
		return EXIT_USAGE;
	if (argc - next != 1)
		return cli_usage_error("rm", "expected [FILE] ID");
	if ((status = check_expectations("rm", NULL, 0, &o)) != EXIT_OK)
		return status;
	struct edit e = { .kind = EDIT_REMOVE, .milestone_id = argv[next] };
	return apply(path, &e, 1, 1, &o);
}
