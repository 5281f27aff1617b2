#!/bin/sh
# log, mark and minutes after a scripted sequence of changes.
# Usage: test_minutes.sh BINARY SCRATCH_DIR
set -u
bin=$1
tmp=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
name=test_minutes
. "$here/tests/e2e/dashboard_lib.sh" # clock_past (its fail is replaced below)
failures=0
fail() { echo "test_minutes: FAIL: $*" >&2; failures=$((failures + 1)); }
run() { "$bin" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
expect_rc() { [ "$rc" -eq "$1" ] || { fail "$2: exit $rc, expected $1"; sed 's/^/  stderr: /' "$tmp/err" >&2; }; }
out_has() { grep -q -e "$1" "$tmp/out" || { fail "$2: stdout lacks '$1'"; sed 's/^/  stdout: /' "$tmp/out" >&2; }; }
err_has() { grep -q -e "$1" "$tmp/err" || fail "$2: stderr lacks '$1'"; }

cp "$here/data/charter.yaml" "$tmp/charter.yaml"
f=$tmp/charter.yaml

run minutes --since meeting "$f"
expect_rc 1 "minutes before any mark"
err_has "no meeting has been marked" "minutes before any mark"
run minutes "$f"
expect_rc 1 "minutes without --since (= since the latest mark) before any mark"
err_has "no meeting has been marked" "minutes without --since before any mark"
run minutes --since yesterday "$f"
expect_rc 2 "minutes --since yesterday"
run minutes --since 2026-11-01 --format html "$f"
expect_rc 2 "minutes --format html"

# A change before the meeting is not in its minutes.
run set --user early "$f" econ-roadmap owner="Trade co-chairs"
expect_rc 0 "set before the meeting"
clock_past "$f.history" # history times have one-second resolution
run mark "$f"
expect_rc 0 "mark"
out_has "meeting started at" "mark"
run set --user amina "$f" conn-customs status=done
expect_rc 0 "set 1"
run set --user amina "$f" sec-roadmap status=done
expect_rc 0 "set 2"
run set --user john "$f" energy-civil-nuclear due=2027-01-15
expect_rc 0 "set 3"
run add --user john --id energy-lng "$f" energy --title "Joint LNG study"
expect_rc 0 "add"

run log "$f"
expect_rc 0 "log"
[ "$(wc -l <"$tmp/out")" -eq 6 ] || fail "log: expected 6 lines (5 changes and the mark), got $(wc -l <"$tmp/out")"
out_has "early@.*econ-roadmap owner: .* -> 'Trade co-chairs'" "log"
out_has "meeting started" "log"
out_has "amina@.*conn-customs status: 'in_progress' -> 'done'" "log"
out_has "john@.*energy-lng added 'Joint LNG study'" "log"
run log --id sec-roadmap "$f"
[ "$(wc -l <"$tmp/out")" -eq 1 ] || fail "log --id: expected 1 line"
out_has "sec-roadmap status" "log --id"
run log --since 2999-01-01 "$f"
expect_rc 0 "log --since the future"
[ ! -s "$tmp/out" ] || fail "log --since the future printed something"

run minutes --since meeting --today 2026-11-26 "$f"
expect_rc 0 "minutes"
out_has "^# Minutes: United States–Azerbaijan Strategic Partnership Charter$" "minutes"
out_has "^## Meeting of 20[0-9-]* at [0-9][0-9]:[0-9][0-9] UTC, marked by .*$" "the minutes' heading: the meeting's date, time and who marked it"
out_has "^Changes since the meeting started: 4$" "minutes"
if sed '/Current state (/q' "$tmp/out" | grep -q "econ-roadmap"; then fail "minutes: a change from before the meeting is listed"; fi
# Grouped by working group in file order: Energy, Connectivity, Security.
order=$(grep '^## ' "$tmp/out" | tr '\n' '|')
[ "$order" = "## Meeting of $(sed -n 's/^## Meeting of //p' "$tmp/out")|## Energy|## Connectivity|## Security and Defence|## Current state (2026-11-26)|## Agenda (due soon: within 14 days)|" ] ||
	fail "minutes: sections in the wrong order: $order"
# in words: statuses as the dashboard names them, dates as dates, times without the T
out_has "^- \*\*conn-customs\*\* (Harmonise customs procedures at Caspian ports): status in progress → done — amina, 20[0-9-]* [0-9][0-9]:[0-9][0-9]$" "minutes"
out_has "energy-civil-nuclear.*due 20[0-9-]* → 2027-01-15 — john" "minutes"
out_has "energy-lng.*added — john" "minutes"
# `due: ~` in words (the dashboard's add dialog writes it), and a due removed: the deadline
printf '%s\n' '{"time":"2099-01-01T09:30:00Z","user":"rashad","host":"h","id":"energy-joint-projects","group":"energy","field":"due","old":"2026-12-18","new":"~"}' \
	'{"time":"2099-01-01T09:31:00Z","user":"rashad","host":"h","id":"energy-roadmap","group":"energy","field":"due","old":"2026-05-09","new":null}' >>"$f.history"
run minutes --since meeting --today 2026-11-26 "$f"
out_has "^- \*\*energy-joint-projects\*\* (.*): due 2026-12-18 → no date yet — rashad, 2099-01-01 09:30$" "no date yet in words"
out_has "^- \*\*energy-roadmap\*\* (.*): due 2026-05-09 → the roadmap deadline — rashad, 2099-01-01 09:31$" "a due removed"
if grep -q "'~'\|\\~\|in_progress\|not_started" "$tmp/out"; then fail "minutes: YAML words left"; grep -n "'~'\|\\~\|in_progress\|not_started" "$tmp/out" >&2; fi
# The state table agrees with report.
"$bin" report --today 2026-11-26 --format json "$f" >"$tmp/report.json"
/usr/bin/python3 - "$tmp/report.json" "$tmp/out" <<'EOF' || fail "minutes: state table differs from report --format json"
import json, sys
report = json.load(open(sys.argv[1]))
lines = [l for l in open(sys.argv[2]) if l.startswith('| ') and not l.startswith('| Working group')]
assert len(lines) == len(report['groups']), (len(lines), len(report['groups']))
for line, g in zip(lines, report['groups']):
    cells = [c.strip() for c in line.strip().strip('|').split('|')]
    assert cells[0] == g['name'], (cells, g['name'])
    assert cells[1] == '%d/%d' % (g['done'], g['total']), (cells, g)
    assert cells[2] == ('%d%%' % g['percent'] if g['percent'] is not None else '-'), (cells, g)
    assert cells[3] == g['state'].replace('_', ' '), (cells, g)
EOF

run minutes --since meeting --format text --today 2026-11-26 "$f"
expect_rc 0 "minutes --format text"
out_has "^Energy$" "minutes text"
out_has "^  \* conn-customs" "minutes text"
out_has "^  Security and Defence: 3/8  37%  overdue$" "minutes text"

[ "$failures" -eq 0 ] || { echo "test_minutes: $failures failure(s)" >&2; exit 1; }
echo "test_minutes: ok"
