#!/bin/sh
# test_confined — charterdash writes nowhere but beside the data file (no
# temporary file in /tmp or $TMPDIR, no cache or state in $HOME) and runs no
# shell: $EDITOR is started with execvp and an argument vector. Every
# command that changes or reads the charter, and a dashboard session that
# edits it and opens $EDITOR, run under strace; each path opened for
# writing, created, renamed, linked or removed must lie in the data file's
# directory, and the only programs started are charterdash and the editor.
# Usage: test_confined.sh BINARY SCRATCH_DIR
set -u
bin=$1 tmp=$2 name=test_confined
. "$(dirname "$0")/dashboard_lib.sh"

# LeakSanitizer cannot run under ptrace: in the sanitized suite (make
# check-sanitize) the traced runs check no leaks, which the other tests do
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

d=$tmp/shared
mkdir "$d" "$tmp/home"
cp "$data" "$d/charter.yaml"
calls=open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,unlink,unlinkat,truncate

# writes TRACE WHAT: fails for every path written outside $d
writes() {
	python3 - "$1" "$d" "$2" <<'EOF' || fail "$2 wrote outside the data file's directory"
import os, re, sys
trace, home, what = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3]
bad, seen = [], 0
for line in open(trace, errors="replace"):
    m = re.match(r"(?:\d+\s+)?(\w+)\((.*)\)\s+=\s+(-?\d+)", line)
    if not m:
        continue
    call, args, result = m.groups()
    if call == "execve":
        continue  # what runs is checked on its own
    paths = re.findall(r'"((?:[^"\\]|\\.)*)"', args)
    if call in ("open", "openat", "creat"):
        if call != "creat" and not re.search(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC", args):
            continue  # reading is fine
        paths = paths[:1]
    for p in paths:
        if p in ("/dev/null", "/dev/tty") or p.startswith("/dev/pts/"):
            continue
        seen += 1
        full = os.path.realpath(p if p.startswith("/") else os.path.join(home, p))
        if not (full == home or full.startswith(home + "/")):
            bad.append("%s(%s) = %s" % (call, p, result))
for b in bad:
    print("  %s: %s" % (what, b))
if not seen:
    print("  %s: the trace shows no write at all (is strace tracing?)" % what)
sys.exit(1 if bad or not seen else 0)
EOF
}

# run WHAT ARGS...: the command in $d under strace, TMPDIR and HOME set
run() {
	what=$1
	shift
	(cd "$d" && HOME="$tmp/home" TMPDIR=/tmp strace -f -qq -e trace=$calls -o "$tmp/trace" "$bin" "$@" \
		>/dev/null 2>"$tmp/err") || { fail "$what: exit $?: $(cat "$tmp/err")"; return; }
	writes "$tmp/trace" "$what"
}

run "set" set -q charter.yaml energy-priority-projects status=done
run "set two fields" set -q charter.yaml energy-priority-projects status=in_progress owner=Someone
run "add" add -q --id grid-study charter.yaml energy --title "Grid study"
run "rm" rm -q charter.yaml grid-study
run "mark" mark charter.yaml
run "merge" merge charter.yaml charter.yaml charter.yaml
# read-only commands still create nothing (a trace without writes is fine
# here: the check that strace saw something ran above)
for cmd in "check charter.yaml" "report charter.yaml" "ids charter.yaml" "log charter.yaml" \
	"minutes --since 2026-01-01 charter.yaml" "diff charter.yaml charter.yaml" "diff --textconv charter.yaml"; do
	# shellcheck disable=SC2086 # the command's words
	(cd "$d" && HOME="$tmp/home" TMPDIR=/tmp strace -f -qq -e trace=$calls -o "$tmp/trace" "$bin" $cmd \
		>/dev/null 2>"$tmp/err") || fail "$cmd: $(cat "$tmp/err")"
	grep -E 'O_WRONLY|O_RDWR|O_CREAT|^[0-9 ]*(mkdir|rename|link|unlink|creat)' "$tmp/trace" |
		grep -v '"/dev/null"' >"$tmp/w" && { fail "${cmd%% *} wrote something:"; cat "$tmp/w"; }
done
[ -z "$(ls -A "$tmp/home")" ] || fail "files appeared in HOME: $(ls -A "$tmp/home")"

# the dashboard: a status, a title in the line editor, undo, the meeting
# mark, the notes in $EDITOR, then quit (presence and lock files come and
# go beside the file)
editor=/bin/true
export EDITOR="$editor"
CHARTERDASH_WRAPPER="strace -f -qq -e trace=$calls,execve -o $tmp/dash.trace" \
	start 120 40 --today "$TODAY" "$d/charter.yaml"
wait_for "Today $TODAY" 100
file_order 5 100 # econ-priority-projects second
keys j Space 3
wait_for "Saved:" 100
keys e C-u
keys -l "Renamed by the test"
keys Enter
wait_for "Saved: econ-priority-projects title" 100
keys u
wait_for "Undone:" 100
keys m
wait_for "Meeting started" 100
keys E
wait_for "Notes unchanged" 100
keys q
wait_for "EXIT=0" 100
writes "$tmp/dash.trace" "the dashboard"
# the programs started: the dashboard itself, then the editor, by path
python3 - "$tmp/dash.trace" "$bin" "$editor" <<'EOF' || fail "the dashboard started other programs"
import re, sys
progs = [m.group(1) for m in (re.match(r'(?:\d+\s+)?execve\("([^"]*)"', l) for l in open(sys.argv[1])) if m]
want = [sys.argv[2], sys.argv[3]]
if [p for p in progs if p not in want] or sys.argv[3] not in progs:
    print("  started: %s; expected only %s" % (progs, want))
    sys.exit(1)
EOF

# An EDITOR with shell syntax: through a shell it would create
# $tmp/pwned; as an argument vector it names a program that does not exist.
EDITOR="true;touch $tmp/pwned" start 120 40 --today "$TODAY" "$d/charter.yaml"
wait_for "Today $TODAY" 100
keys E
wait_for "did not finish cleanly" 100
keys q
wait_for "EXIT=0" 100
[ ! -e "$tmp/pwned" ] || fail "EDITOR went through a shell: $tmp/pwned was created"

# and nothing in the source could start one
if grep -nE '(^|[^_a-z])(system|popen|execl|execle|execlp)[[:space:]]*[(]|"/bin/sh"' "$root"/src/*.c "$root"/src/*/*.c; then
	fail "the lines above could run a shell"
fi

finish
