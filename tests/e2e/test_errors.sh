#!/bin/sh
# e2e: bad input beyond YAML, and the catalogue of messages.
#   - docs/errors.md agrees with the code both ways, and each of its console
#     examples prints exactly what it shows (tests/e2e/errors_catalogue.py);
#   - unknown options, missing option values, a bad --today, ids with
#     spaces, a missing file, a directory, a file the user cannot read: the
#     exact message, the exit status, and nothing written or left behind;
#   - a full disk (a small tmpfs, when mount is allowed) and injected write,
#     fsync, close and rename failures (an LD_PRELOAD shim built from
#     tests/e2e/failio.c, which works everywhere): a clear message, exit 1,
#     the file byte for byte as it was, no temporary file, the lock free and
#     the history untouched; then the same change goes through;
#   - the dashboard says so on a failed save, and writes nothing.
# Every message these print must be one of docs/errors.md.
# $1 = the binary (absolute), $2 = a scratch directory.
set -u
name=test_errors
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh" # fail, finish, and the tmux helpers
here=$root/tests/e2e
catalogue="python3 $here/errors_catalogue.py"
export LC_ALL=C # strerror texts in English
export LOGNAME=amina
seen=$tmp/seen-messages # every stderr the checks below got, for the catalogue

if ! python3 -c 'import yaml' 2>/dev/null; then
	echo "$name: needs python3 with PyYAML (apt-get install python3-yaml)" >&2
	exit 1
fi

# --- the catalogue ---------------------------------------------------------------

$catalogue check "$root" || fail "docs/errors.md and the code disagree (see above)"
$catalogue examples "$root" "$bin" || fail "examples in docs/errors.md do not print what they show (see above)"

# --- helpers ---------------------------------------------------------------------

charter() { # FILE
	cat >"$1" <<'EOF'
charter:
  title: Errors
  signed: 2026-02-09
working_groups:
  - id: energy
    name: Energy
    milestones:
      - id: energy-roadmap
        title: Adopt the energy roadmap
        status: in_progress
      - id: energy-lng
        title: Joint LNG study
        status: not_started
EOF
}

# case DIR: a fresh directory holding charter.yaml; later runs happen in it.
case_dir() {
	d=$tmp/$1
	mkdir -p "$d"
	charter "$d/charter.yaml"
}
# in DIR ARGS...: runs the binary in DIR; $rc, $tmp/out, $tmp/err.
in_dir() {
	dir=$1
	shift
	(cd "$dir" && exec timeout 20 "$bin" "$@") >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	cat "$tmp/err" >>"$seen"
}
as_nobody() { # DIR ARGS...
	dir=$1
	shift
	(cd "$dir" && exec timeout 20 setpriv --reuid=nobody --regid=nogroup --clear-groups "$bin" "$@") \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	cat "$tmp/err" >>"$seen"
}
# expect STATUS WHAT LINE...: the exit status and the exact standard error.
expect() {
	want_rc=$1 what=$2
	shift 2
	[ "$rc" -eq "$want_rc" ] || fail "$what: exit status $rc, expected $want_rc"
	printf '%s\n' "$@" >"$tmp/want"
	cmp -s "$tmp/want" "$tmp/err" || {
		fail "$what: standard error differs (- expected, + got):"
		diff -u "$tmp/want" "$tmp/err" | tail -n +3
	}
}
# snap DIR: remember what DIR holds; untouched DIR WHAT: it still holds
# exactly that, every file byte for byte (nothing new, nothing left over).
snap() {
	rm -rf "$1.snap"
	cp -a "$1" "$1.snap"
}
untouched() {
	diff -r "$1.snap" "$1" >"$tmp/diff" 2>&1 || {
		fail "$2: the directory changed:"
		sed 's/^/  /' "$tmp/diff"
	}
}
# message_line: the dashboard's message line (the screen's last) joins the
# messages checked against the catalogue at the end.
message_line() {
	tail -n 1 "$screen" | sed 's/ *$//' >>"$seen"
}
# lock_free DIR WHAT: nobody holds the lock (a failed save let it go).
lock_free() {
	[ ! -e "$1/.charter.yaml.lock" ] || flock -n "$1/.charter.yaml.lock" true ||
		fail "$2: the lock is still held"
}

usage_line='usage: charterdash [--today YYYY-MM-DD] [--mouse] [--no-color] [--ascii] [--thin-cursor] [--read-only] [--force] [--follow [USER]] [FILE]'

# --- options -----------------------------------------------------------------------

case_dir options
snap "$d"
in_dir "$d" set -zn charter.yaml energy-lng status=done
expect 2 "an unknown short option in a cluster" "charterdash set: unknown option '-z'" "Try 'charterdash set --help'."
in_dir "$d" set --dry-run -nz charter.yaml energy-lng status=done
expect 2 "an unknown short option after a long one" "charterdash set: unknown option '-z'" \
	"Try 'charterdash set --help'."
in_dir "$d" rm --bogus=1 charter.yaml energy-lng
expect 2 "an unknown long option" "charterdash rm: unknown option '--bogus'" "Try 'charterdash rm --help'."
in_dir "$d" check --strict=yes charter.yaml
expect 2 "a value for an option that takes none" "charterdash check: option '--strict' takes no value" \
	"Try 'charterdash check --help'."
in_dir "$d" report charter.yaml --format
expect 2 "--format without its value" "charterdash report: option '--format' needs a value" \
	"Try 'charterdash report --help'."
in_dir "$d" set charter.yaml energy-lng status=done -u
expect 2 "-u without its value" "charterdash set: option '-u' needs a value" "Try 'charterdash set --help'."
in_dir "$d" minutes charter.yaml --since
expect 2 "--since without its value" "charterdash minutes: option '--since' needs a value" \
	"Try 'charterdash minutes --help'."
in_dir "$d" -xh charter.yaml
expect 2 "the dashboard: an unknown option before -h" "charterdash: unknown option '-x'" "$usage_line" \
	"Try 'charterdash --help'."
in_dir "$d" charter.yaml --today
expect 2 "the dashboard: --today without its value" "charterdash: option '--today' needs a value" \
	"$usage_line" "Try 'charterdash --help'."
in_dir "$d" --ascii=no charter.yaml
expect 2 "the dashboard: a value for --ascii" "charterdash: option '--ascii' takes no value" "$usage_line" \
	"Try 'charterdash --help'."
# a bad --today
in_dir "$d" report --today 2026-02-29 charter.yaml
expect 2 "--today 2026-02-29" "charterdash: --today '2026-02-29' is not a valid date: February 2026 has 28 days"
in_dir "$d" report --today= charter.yaml
expect 2 "an empty --today" "charterdash: --today '' is not a valid date: expected a date in the form YYYY-MM-DD"
in_dir "$d" minutes --since 2026-01-01 --today 2026-1-5 charter.yaml
expect 2 "--today 2026-1-5" "charterdash: --today '2026-1-5' is not a valid date: expected a date in the form YYYY-MM-DD"
in_dir "$d" --today 2026-00-10 charter.yaml
expect 2 "the dashboard's --today" "charterdash: --today '2026-00-10' is not a valid date: there is no month 00"
[ ! -s "$tmp/out" ] || fail "usage errors printed on standard output: $(cat "$tmp/out")"
untouched "$d" "usage errors"

# --- ids with spaces ----------------------------------------------------------------

case_dir ids
in_dir "$d" set charter.yaml energy-lng status=blocked # the lock and history exist from now on
[ "$rc" -eq 0 ] || fail "a first change: exit $rc: $(cat "$tmp/err")"
snap "$d"
in_dir "$d" set charter.yaml 'energy lng' status=done
expect 1 "set, an id with a space" "charter.yaml: error: no milestone with id 'energy lng' (did you mean 'energy-lng'?)"
in_dir "$d" rm charter.yaml 'energy lng'
expect 1 "rm, an id with a space" "charter.yaml: error: no milestone with id 'energy lng' (did you mean 'energy-lng'?)"
in_dir "$d" rm charter.yaml energy lng
expect 2 "rm, an id split in two" "charterdash rm: expected [FILE] ID" "Try 'charterdash rm --help'."
in_dir "$d" set charter.yaml energy lng status=done
expect 2 "set, an id split in two" \
	"charterdash set: 'lng' is not FIELD=VALUE (fields: title, status, due, owner, notes, completed)" \
	"Try 'charterdash set --help'."
in_dir "$d" add --id 'energy grid' charter.yaml energy --title 'Grid study'
expect 1 "add --id with a space" \
	"charter.yaml: error: id 'energy grid' contains whitespace; ids are single words such as econ-roadmap"
in_dir "$d" add --id "$(printf 'energy\342\200\203grid')" charter.yaml energy --title 'Grid study'
expect 1 "add --id with an em space" \
	"charter.yaml: error: id 'energy$(printf '\342\200\203')grid' contains whitespace; ids are single words such as econ-roadmap"
in_dir "$d" set --expect 'status=not started' charter.yaml energy-lng status=done
expect 1 "a status with a space in --expect" \
	"charter.yaml: error: conflict: the status of 'energy-lng' was changed meanwhile: it is now 'blocked'; run again with --force to overwrite it"
lock_free "$d" "ids with spaces"
untouched "$d" "ids with spaces"

# --- a missing file, a directory, a file that cannot be read -------------------------

d=$tmp/missing
mkdir "$d"
snap "$d"
for cmd in check report ids log "minutes --since 2026-01-01" ""; do
	# shellcheck disable=SC2086 # the command's words
	in_dir "$d" $cmd nope.yaml
	expect 1 "${cmd:-the dashboard} on a missing file" "nope.yaml: error: cannot open: No such file or directory"
done
for cmd in "set nope.yaml energy-lng status=done" "rm nope.yaml energy-lng" "mark nope.yaml" \
	"add nope.yaml energy --title Grid"; do
	# shellcheck disable=SC2086
	in_dir "$d" $cmd
	expect 1 "${cmd%% *} on a missing file" "nope.yaml: error: cannot open nope.yaml: No such file or directory"
done
untouched "$d" "commands on a missing file"

d=$tmp/directory
mkdir -p "$d/charter.yaml"
snap "$d"
for cmd in check report ids log "minutes --since 2026-01-01" ""; do
	# shellcheck disable=SC2086
	in_dir "$d" $cmd charter.yaml
	expect 1 "${cmd:-the dashboard} on a directory" "charter.yaml: error: is a directory, not a charter file"
done
for cmd in "set charter.yaml energy-lng status=done" "rm charter.yaml energy-lng" "mark charter.yaml" \
	"add --id grid charter.yaml energy --title Grid"; do
	# shellcheck disable=SC2086
	in_dir "$d" $cmd
	expect 1 "${cmd%% *} on a directory" "charter.yaml: error: charter.yaml is a directory, not a charter file"
done
untouched "$d" "commands on a directory"

# Root reads everything: as root the unreadable file is tried as nobody (as
# test_edit_files.sh does); anyone else is refused it as they are.
case_dir unreadable
snap "$d" # while the file can still be copied
chmod 200 "$d/charter.yaml" # the user may write it, not read it
runner=in_dir
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1 ||
		fail "running as root without setpriv or a user nobody: the unreadable file would be read"
	chmod 711 "$tmp"
	chown -R nobody "$d"
	runner=as_nobody
fi
for cmd in check report ids "minutes --since 2026-01-01" ""; do
	# shellcheck disable=SC2086
	$runner "$d" $cmd charter.yaml
	expect 1 "${cmd:-the dashboard} on an unreadable file" "charter.yaml: error: cannot open: Permission denied"
done
for cmd in "set charter.yaml energy-lng status=done" "rm charter.yaml energy-lng" "mark charter.yaml" \
	"add charter.yaml energy --title Grid"; do
	# shellcheck disable=SC2086
	$runner "$d" $cmd
	expect 1 "${cmd%% *} on an unreadable file" "charter.yaml: error: cannot read charter.yaml: Permission denied"
done
[ "$(stat -c %a "$d/charter.yaml")" = 200 ] || fail "an unreadable file's mode changed"
chmod 600 "$d/charter.yaml" # to compare it
untouched "$d" "commands on an unreadable file" # and no lock left that nobody could open

# --- failed writes --------------------------------------------------------------------

# save_fails DIR WHAT MESSAGE [ENV...]: `set` must fail with MESSAGE, leaving
# DIR as it was and the lock free; then the same change goes through and
# adds exactly one history line.
save_fails() {
	dir=$1 what=$2 message=$3
	shift 3
	snap "$dir"
	(cd "$dir" && exec env "$@" timeout 20 "$bin" set charter.yaml energy-lng status=done) \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	cat "$tmp/err" >>"$seen"
	expect 1 "$what" "charter.yaml: error: $message"
	[ ! -s "$tmp/out" ] || fail "$what: printed a success: $(cat "$tmp/out")"
	untouched "$dir" "$what"
	lock_free "$dir" "$what"
}
then_saves() { # DIR WHAT
	lines=$(wc -l <"$1/charter.yaml.history")
	in_dir "$1" set -q charter.yaml energy-lng status=done
	[ "$rc" -eq 0 ] || fail "$2: the change failed once there was room: $(cat "$tmp/err")"
	grep -q '^        status: done$' "$1/charter.yaml" || fail "$2: the change was not saved afterwards"
	[ "$(wc -l <"$1/charter.yaml.history")" -eq $((lines + 1)) ] || fail "$2: the history did not grow by one line"
	in_dir "$1" set -q charter.yaml energy-lng status=not_started # back, for the next case
}

# Injected failures: no mount needed, so they always run.
shim=$tmp/failio.so
${CC:-cc} -shared -fPIC -o "$shim" "$here/failio.c" -ldl 2>"$tmp/cc.err" ||
	{ fail "cannot build the failio shim:"; cat "$tmp/cc.err"; }
case_dir injected
in_dir "$d" set -q charter.yaml energy-lng status=blocked # the lock and history exist
in_dir "$d" set -q charter.yaml energy-lng status=not_started
for spec in write:ENOSPC fsync:EIO close:EIO; do
	case $spec in *ENOSPC) reason="No space left on device" ;; *) reason="Input/output error" ;; esac
	save_fails "$d" "$spec" "cannot write the new version of charter.yaml: $reason; the file is unchanged" \
		LD_PRELOAD="$shim" FAILIO=$spec
done
save_fails "$d" "rename:EIO" "cannot replace charter.yaml: Input/output error; the file is unchanged" \
	LD_PRELOAD="$shim" FAILIO=rename:EIO
# The shim must really have been in the way: without it the same change works.
then_saves "$d" "after the injected failures"

# The dashboard's message for a saved change, without UTF-8: an ASCII arrow
# (it once took the glyph set's name of the Right key: "'a' Right 'b'").
case_dir ascii
start 120 30 --ascii --today "$TODAY" "$d/charter.yaml"
wait_for "Joint LNG study" && keys j Space 4
wait_for "Saved: energy-lng status 'not_started' -> 'done' (u undoes)" && message_line
keys q
wait_for "EXIT=0"

# A real full disk: a small tmpfs holding the data file, filled up.
mnt=$tmp/full
mkdir "$mnt"
if mount -t tmpfs -o size=256k,mode=755 charterdash-e2e "$mnt" 2>"$tmp/mount.err"; then
	trap 'cleanup; umount "$mnt" 2>/dev/null' EXIT INT TERM
	charter "$mnt/charter.yaml"
	in_dir "$mnt" set -q charter.yaml energy-lng status=blocked
	in_dir "$mnt" set -q charter.yaml energy-lng status=not_started
	dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null # until the disk is full
	save_fails "$mnt" "a full disk" \
		"cannot write the new version of charter.yaml: No space left on device; the file is unchanged"

	# The dashboard on the full disk: an error on the message line, nothing written.
	snap "$mnt"
	start 200 30 --today "$TODAY" "$mnt/charter.yaml"
	wait_for "Joint LNG study" && keys j Space 4
	wait_for "Not saved: cannot write the new version of $mnt/charter.yaml: No space left on device; the file is unchanged" &&
		message_line
	keys q
	wait_for "EXIT=0" # gone, its presence record too
	untouched "$mnt" "the dashboard on a full disk"

	rm "$mnt/filler"
	then_saves "$mnt" "after making room"
	umount "$mnt" || fail "cannot unmount the test's tmpfs"
	trap cleanup EXIT INT TERM
else
	# Not allowed here (no root, a container): the injected failures above
	# stand in for it, and the dashboard gets one of them instead.
	echo "$name: note: cannot mount a tmpfs ($(cat "$tmp/mount.err")); the full disk is injected" >&2
	charter "$mnt/charter.yaml"
	in_dir "$mnt" set -q charter.yaml energy-lng status=blocked
	in_dir "$mnt" set -q charter.yaml energy-lng status=not_started
	cat >"$tmp/failing" <<EOF
#!/bin/sh
LD_PRELOAD='$shim' FAILIO=write:ENOSPC exec '$bin' "\$@"
EOF
	chmod +x "$tmp/failing"
	snap "$mnt"
	real_bin=$bin bin=$tmp/failing
	start 200 30 --today "$TODAY" "$mnt/charter.yaml"
	wait_for "Joint LNG study" && keys j Space 4
	wait_for "Not saved: cannot write the new version of $mnt/charter.yaml: No space left on device; the file is unchanged" &&
		message_line
	keys q
	wait_for "EXIT=0"
	bin=$real_bin
	untouched "$mnt" "the dashboard on a failing disk"
fi

# --- every message above is in the catalogue -------------------------------------------
$catalogue match "$root" "$seen" || fail "messages printed above are not in docs/errors.md"

finish
