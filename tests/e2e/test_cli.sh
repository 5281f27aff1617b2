#!/bin/sh
# e2e: the `check` and `report` commands of the built binary: exit codes,
# messages, and a report whose every number is recomputed from the YAML by
# an independent Python reading (PyYAML), besides the golden file.
# $1 = the binary (absolute), $2 = a scratch directory.
set -u
bin=$1 tmp=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=$root/data/charter.yaml
golden=$root/tests/golden/report-2026-11-26.txt
python=/usr/bin/python3
export LC_ALL=C # strerror texts in English, whatever the caller's locale

failures=0
fail() {
	echo "test_cli: FAIL: $*" >&2
	failures=$((failures + 1))
}

# run ARGS...: runs the binary; sets $rc, stdout in $tmp/out, stderr in $tmp/err.
run() {
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
expect_rc() { # WANT WHAT
	[ "$rc" -eq "$1" ] || { fail "$2: exit $rc, expected $1"; sed 's/^/  stderr: /' "$tmp/err" >&2; }
}
out_has() { grep -q -e "$1" "$tmp/out" || fail "$2: stdout lacks '$1'"; }
err_has() { grep -q -e "$1" "$tmp/err" || fail "$2: stderr lacks '$1'"; }
out_empty() { [ ! -s "$tmp/out" ] || fail "$1: stdout should be empty"; }
err_empty() { [ ! -s "$tmp/err" ] || { fail "$1: stderr should be empty"; sed 's/^/  stderr: /' "$tmp/err" >&2; }; }
lines() { wc -l <"$1" | tr -d ' '; }

if ! "$python" -c 'import yaml' 2>/dev/null; then
	echo "test_cli: needs $python with PyYAML (apt-get install python3-yaml)" >&2
	exit 1
fi

# The oracle: reads the charter with PyYAML and writes the report text
# charterdash should print, from the data model in the README and the
# rules of issue 11 (state by due dates). Mode "check" prints
# the expected `check` line instead.
cat >"$tmp/oracle.py" <<'PY'
import calendar, datetime, sys
from fractions import Fraction
import yaml

path, mode = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    doc = yaml.safe_load(f)
ch, groups = doc["charter"], doc["working_groups"] or []
milestones = [m for g in groups for m in (g.get("milestones") or [])]

def plural(n, word):
    return "%d %s%s" % (n, word, "" if n == 1 else "s")

if mode == "check":
    done = sum(m["status"] == "done" for m in milestones)
    print("%s: ok: %s, %s (%d done)" % (path, plural(len(groups), "working group"),
                                        plural(len(milestones), "milestone"), done))
    sys.exit(0)

today = datetime.date.fromisoformat(sys.argv[3])
only = sys.argv[4] if len(sys.argv) > 4 else None

def as_date(v):
    return v if isinstance(v, datetime.date) else datetime.date.fromisoformat(str(v))

def add_months(d, n):
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return datetime.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))

signed = as_date(ch["signed"])
if "roadmap_deadline" in ch:
    deadline = as_date(ch["roadmap_deadline"])
else:
    deadline = add_months(signed, int(ch.get("roadmap_months", 3)))
attention = int(ch.get("attention_days", 14))
if ch.get("reviews") is not None:
    reviews = [as_date(r) for r in ch["reviews"]]
else:
    reviews = [add_months(signed, 12 * k) for k in range(1, today.year - signed.year + 3)]
upcoming = [r for r in reviews if r >= today]

# issue 11: `due: ~` means no date yet; an absent due is the roadmap deadline
def dated(m):
    return "due" not in m or m["due"] is not None

def due(m):
    return as_date(m["due"]) if dated(m) and "due" in m else deadline

def days(n):
    if n == 0:
        return "due today"
    return "%s %s" % (plural(abs(n), "day"), "left" if n > 0 else "past")

def bar(done, total):
    cells = done * 30 // total
    return "[" + "#" * cells + "." * (30 - cells) + "]"

LABEL = {"not_started": "not started", "in_progress": "in progress", "blocked": "blocked", "done": "done"}

def is_late(m):
    return m["status"] != "done" and dated(m) and due(m) < today

def is_soon(m):
    return m["status"] != "done" and dated(m) and 0 <= (due(m) - today).days <= attention

KINDS = [("overdue", is_late),
         ("blocked", lambda m: not is_late(m) and m["status"] == "blocked"),
         ("due soon", lambda m: not is_late(m) and m["status"] != "blocked" and is_soon(m))]

def summary(ms):
    count = {k: sum(m["status"] == k for m in ms) for k in LABEL}
    late = [m for m in ms if is_late(m)]
    soon = [m for m in ms if is_soon(m)]
    total, done = len(ms), count["done"]
    # issue 11 replaced issue 2's elapsed-share rule with one by due dates
    if done == total:
        state = "done"
    elif late:
        state = "overdue"
    elif count["blocked"] or any(m["status"] == "not_started" for m in soon):
        state = "at risk"
    else:
        state = "on track"
    head = "%s %d/%d  %d%%  %s" % (bar(done, total), done, total, 100 * done // total, state)
    tail = ["  done %d, in progress %d, blocked %d, not started %d" % (
        done, count["in_progress"], count["blocked"], count["not_started"])]
    # issue 20: one bucket per milestone, overdue, else blocked, else due soon
    need = ["%d %s" % (sum(test(m) for m in ms), word) for word, test in KINDS if any(test(m) for m in ms)]
    if need:
        tail.append("  needs attention: " + ", ".join(need))
    return head, tail

def when(m):
    if not dated(m):
        return "no date yet"
    return "due %s, %s" % (due(m), days((due(m) - today).days))

# issue 20: lateness = completed - effective due, for done milestones with both
def lateness(m):
    if m["status"] != "done" or m.get("completed") is None or not dated(m):
        return None
    return (as_date(m["completed"]) - due(m)).days

def outcome(ms, sep):
    phase = [m for m in ms if dated(m) and due(m) <= deadline]
    late = [m for m in phase if lateness(m) is not None and lateness(m) > 0]
    on_time = sum(lateness(m) is not None and lateness(m) <= 0 for m in phase)
    undated = sum(m["status"] == "done" and m.get("completed") is None for m in phase)
    words = "%d on time%s%d late" % (on_time, sep, len(late))
    if late:
        words += " (last %s)" % max(as_date(m["completed"]) for m in late)
    words += "%s%d open" % (sep, sum(m["status"] != "done" for m in phase))
    if undated:
        words += "%s%d undated" % (sep, undated)
    return words, len(phase)

def delivery(ms):
    late = sorted(d for d in (lateness(m) for m in ms) if d is not None)
    if not late:
        return "no completion dates recorded"
    n = len(late)
    half = 2 * late[n // 2] if n % 2 else late[n // 2 - 1] + late[n // 2]
    h = abs(half)
    median = "median on the due date" if h == 0 else "median %d%s day%s %s" % (
        h // 2, ".5" if h % 2 else "", "" if h == 2 else "s", "early" if half < 0 else "late")
    return "%d done with a completion date, %d on time, %s" % (n, sum(d <= 0 for d in late), median)

phase = [m for m in milestones if dated(m) and due(m) <= deadline]
phase_done = sum(m["status"] == "done" for m in phase)
out = [ch["title"],
       "Signed %s; roadmap deadline %s (%s); today %s" % (signed, deadline, days((deadline - today).days), today)]
if deadline < today:
    out.append("Roadmap phase closed %s: %s" % (deadline, outcome(milestones, " \u00b7 ")[0]))
else:
    out.append("Roadmap phase to %s: %d/%d done (%s)" % (deadline, phase_done, len(phase),
                                                        days((deadline - today).days)))
if not upcoming:
    out.append("No review planned")
elif upcoming[0] == today:
    out.append("Next review %s (today)" % today)
else:
    out.append("Next review %s (in %s)" % (upcoming[0], plural((upcoming[0] - today).days, "day")))
if milestones:
    head, tail = summary(milestones)
    out += ["Overall " + head] + tail + ["  delivery: " + delivery(milestones)]
else:
    out.append("Overall: no milestones yet")
for g in groups:
    if only is not None and g["id"] != only:
        continue
    ms = g.get("milestones") or []
    out += ["", "%s (%s)" % (g["name"], g["id"])]
    if not ms:
        out.append("  no milestones yet")
        continue
    head, tail = summary(ms)
    out += ["  " + head] + tail
    words, in_phase = outcome(ms, ", ")
    out.append("  " + ("roadmap phase: %s; " % words if in_phase else "") + "delivery: " + delivery(ms))
    for word, test in KINDS:
        for m in ms:
            if test(m):
                out.append("  %s: %s  %s  (%s, %s)" % (word, m["id"], m["title"], when(m), LABEL[m["status"]]))
sys.stdout.write("\n".join(out) + "\n")
PY
oracle() { "$python" "$tmp/oracle.py" "$@"; }

# --- check -------------------------------------------------------------------
run check "$data"
expect_rc 0 "check data/charter.yaml"
err_empty "check data/charter.yaml"
[ "$(lines "$tmp/out")" = 1 ] || fail "check: expected one line, got $(lines "$tmp/out")"
oracle "$data" check >"$tmp/want" || fail "oracle check failed"
cmp -s "$tmp/out" "$tmp/want" || fail "check line: got '$(cat "$tmp/out")', want '$(cat "$tmp/want")'"

# Two errors at known places; the good files around it still get their line.
printf 'charter:\n  title: Bad\n  signed: 2026-02-30\nworking_groups:\n  - id: g\n    name: G\n    milestones:\n      - id: m1\n        title: M\n        status: finished\n' >"$tmp/bad.yaml"
cp "$data" "$tmp/good.yaml"
run check "$tmp/good.yaml" "$tmp/bad.yaml" "$data"
expect_rc 1 "check good bad good"
[ "$(grep -c ': ok: ' "$tmp/out")" = 2 ] || fail "check good bad good: expected 2 ok lines"
grep -q "^$tmp/good.yaml: ok: " "$tmp/out" || fail "check: no ok line for good.yaml"
grep -q "bad.yaml" "$tmp/out" && fail "check: bad.yaml reported on stdout"
[ "$(lines "$tmp/err")" = 2 ] || fail "check bad: expected 2 error lines, got $(lines "$tmp/err")"
grep -v -q -E "^$tmp/bad\.yaml:[0-9]+:[0-9]+: error: " "$tmp/err" && fail "check bad: a stderr line is not FILE:LINE:COL: error:"
err_has "^$tmp/bad.yaml:3:11: error: .*2026-02-30.*February 2026 has 28 days" "check bad date"
err_has "^$tmp/bad.yaml:10:17: error: status 'finished' is not one of: not_started, in_progress, blocked, done$" "check bad status"

run check "$tmp/missing.yaml"
expect_rc 1 "check missing file"
err_has "^$tmp/missing.yaml: error: cannot open: No such file or directory$" "check missing file"
out_empty "check missing file"

run check "$tmp"
expect_rc 1 "check directory"
err_has "^$tmp: error: " "check directory"
out_empty "check directory"

# --- usage errors: exit 2 -----------------------------------------------------
run
expect_rc 2 "no arguments"
err_has "usage: charterdash" "no arguments"
out_empty "no arguments"
run --bogus
expect_rc 2 "unknown top-level option"
out_empty "unknown top-level option"
run frobnicate "$data"
expect_rc 2 "unknown command"
err_has "unknown command 'frobnicate'" "unknown command"
mkdir "$tmp/empty"
(cd "$tmp/empty" && CHARTERDASH_FILE= "$bin" check >"$tmp/out" 2>"$tmp/err")
rc=$?
expect_rc 2 "check without files, and no ./charter.yaml"
err_has "no FILE given and no ./charter.yaml here" "check without files, and no ./charter.yaml"
run check --bogus "$data"
expect_rc 2 "check unknown option"
err_has "unknown option '--bogus'" "check unknown option"
out_empty "check unknown option"
run report --bogus "$data"
expect_rc 2 "report unknown option"
err_has "unknown option '--bogus'" "report unknown option"
(cd "$tmp/empty" && CHARTERDASH_FILE= "$bin" report >"$tmp/out" 2>"$tmp/err")
rc=$?
expect_rc 2 "report without a file"
run report "$data" "$data"
expect_rc 2 "report with two files"
run report "$data" --today
expect_rc 2 "report --today without a value"
out_empty "report --today without a value"

# --- help and version ---------------------------------------------------------
run --help
expect_rc 0 "--help"
out_has "^usage: charterdash" "--help"
out_has "^  check " "--help"
out_has "^  report " "--help"
err_empty "--help"
run -h
expect_rc 0 "-h"
run --version
expect_rc 0 "--version"
grep -q -E '^charterdash [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out" || fail "--version: got '$(cat "$tmp/out")'"
run report --help
expect_rc 0 "report --help"
out_has "^usage: charterdash report" "report --help"
out_has "--today" "report --help"
out_has "--group" "report --help"
run check --help
expect_rc 0 "check --help"
out_has "^usage: charterdash check" "check --help"

# --- report -------------------------------------------------------------------
run report --today 2026-11-26 "$data"
expect_rc 0 "report"
err_empty "report"
cp "$tmp/out" "$tmp/report.txt"
# Every number against the data, read independently.
oracle "$data" report 2026-11-26 >"$tmp/want" || fail "oracle report failed"
diff -u "$tmp/want" "$tmp/report.txt" >&2 || fail "report differs from the Python reading of the YAML"
diff -u "$golden" "$tmp/report.txt" >&2 || fail "report differs from $golden"

# Other days, against the oracle only: before signing, within the
# roadmap window, on the deadline, a day past it.
for day in 2026-01-15 2026-03-20 2026-05-09 2026-05-10 2027-03-01; do
	run report --today "$day" "$data"
	expect_rc 0 "report --today $day"
	oracle "$data" report "$day" >"$tmp/want"
	diff -u "$tmp/want" "$tmp/out" >&2 || fail "report --today $day differs from the Python reading"
done

run report --today 2026-11-26 --group energy "$data"
expect_rc 0 "report --group energy"
oracle "$data" report 2026-11-26 energy >"$tmp/want"
diff -u "$tmp/want" "$tmp/out" >&2 || fail "report --group energy differs from the Python reading"
grep -q '^Economy and Trade' "$tmp/out" && fail "report --group energy shows another group"
[ "$(grep -c '^Energy (energy)$' "$tmp/out")" = 1 ] || fail "report --group energy lacks the energy group"

run report --today 2026-11-26 --group nope "$data"
expect_rc 1 "report --group nope"
err_has "no working group with id 'nope'" "report --group nope"
out_empty "report --group nope"

run report --today 2026-02-30 "$data"
expect_rc 2 "report --today 2026-02-30"
err_has "2026-02-30.*not a valid date.*February 2026 has 28 days" "report --today 2026-02-30"
out_empty "report --today 2026-02-30"
run report --today 2026-2-3 "$data"
expect_rc 2 "report --today 2026-2-3"
err_has "YYYY-MM-DD" "report --today 2026-2-3"

run report --today 2026-11-26 "$tmp/missing.yaml"
expect_rc 1 "report missing file"
err_has "^$tmp/missing.yaml: error: cannot open: No such file or directory$" "report missing file"
out_empty "report missing file"

run report --today 2026-11-26 "$tmp"
expect_rc 1 "report directory"
err_has "^$tmp: error: " "report directory"
out_empty "report directory"

run report --today 2026-11-26 "$tmp/bad.yaml"
expect_rc 1 "report bad file"
err_has "^$tmp/bad.yaml:10:17: error: " "report bad file"
out_empty "report bad file"

# A FIFO is refused at once (opening it must not wait for a writer).
mkfifo "$tmp/fifo.yaml"
timeout 10 "$bin" check "$tmp/fifo.yaml" >"$tmp/out" 2>"$tmp/err"; rc=$?
expect_rc 1 "check FIFO"
err_has "^$tmp/fifo.yaml: error: is not a regular file$" "check FIFO"

# Control characters in titles never reach the terminal raw.
printf 'charter:\n  title: "A\\e[31mred\\nline"\n  signed: 2026-02-09\nworking_groups:\n  - id: g\n    name: "G\\ttab"\n    milestones:\n      - {id: m, title: "t\\e]0;x\\a", status: blocked, due: 2026-01-01}\n' >"$tmp/ctl.yaml"
run report --today 2026-11-26 "$tmp/ctl.yaml"
expect_rc 0 "report with control characters"
if LC_ALL=C grep -q "$(printf '[\033\007]')" "$tmp/out"; then fail "report with control characters: ESC or BEL in the output"; fi
out_has "^A.*red line$" "report with control characters"
out_has "^G tab (g)$" "report with control characters"

[ "$failures" -eq 0 ] || { echo "test_cli: $failures failure(s)" >&2; exit 1; }
echo "test_cli: ok"
