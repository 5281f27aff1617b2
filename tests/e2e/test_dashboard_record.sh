#!/bin/sh
# e2e: issue 20's scripted meeting on a copy of the shipped charter, in
# tmux: the late security roadmap is marked done, the connectivity roadmap
# reopened and closed again, a completion back-dated from the command line
# while the dashboard is open. The roadmap outcome's "on time" count never
# moves, the open roadmap moves to late, the file holds each completion
# date right after its status (one history line per change), and the
# header, the detail view, the text, Markdown and JSON reports and the
# PyYAML oracle all say the same afterwards.
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_dashboard_record
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

file="$tmp/charter.yaml"
cp "$data" "$file"

# select WORDS: the milestone whose title holds WORDS (one match), search cleared
select_title() {
	keys /
	keys -l "$1"
	keys Enter
	wait_for "1 match" || return
	keys Escape
	wait_for "Search cleared"
}
# completed_of ID: its completion date in the file ("" when it has none)
completed_of() {
	python3 -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
m = [m for g in d["working_groups"] for m in g.get("milestones") or [] if m["id"] == sys.argv[2]][0]
print(m.get("completed") or "")' "$file" "$1"
}

start 120 40 --today "$TODAY" charter.yaml
wait_for "Overall" || finish
has "Roadmap phase closed 2026-05-09: 11 on time · 3 late (last 2026-06-02) · 1 open" "the outcome before"

# 1. the open roadmap, long past its due date, is done today: late, not on time
select_title "the security and defence implementation"
keys Space 4
wait_for "Saved: sec-roadmap status 'in_progress'"
wait_for "11 on time · 4 late (last $TODAY) · 0 open" || fail "the outcome after closing the late roadmap"
grep -A3 'id: sec-roadmap$' "$file" | grep -q "^        status: done$" || fail "sec-roadmap is not done in the file"
grep -A3 'id: sec-roadmap$' "$file" | grep -A1 "status: done" | grep -q "^        completed: $TODAY$" ||
	fail "sec-roadmap's completion date is not right after its status"

# 2. a late roadmap reopened: its date goes, it is open again; closed again
#    today, it is late (from today), never on time
select_title "the connectivity implementation"
keys Space 2
wait_for "Saved: conn-roadmap status 'done'"
wait_for "11 on time · 3 late (last $TODAY) · 1 open" || fail "the outcome after reopening"
[ -z "$(completed_of conn-roadmap)" ] || fail "reopened, conn-roadmap keeps completed $(completed_of conn-roadmap)"
select_title "the connectivity implementation" # the selection kept its row, not the milestone
keys Space 4
wait_for "Saved: conn-roadmap status 'in_progress'"
wait_for "11 on time · 4 late (last $TODAY) · 0 open" || fail "the outcome after closing it again"
[ "$(completed_of conn-roadmap)" = "$TODAY" ] || fail "conn-roadmap completed $(completed_of conn-roadmap)"

# 3. back-dated from the command line while the dashboard is open: still late
"$bin" set -q "$file" sec-roadmap completed=2026-07-15 || fail "set completed"
select_title "the security and defence implementation"
keys Enter
wait_for "Milestone sec-roadmap"
wait_for "done 2026-07-15, 67 days late" # the detail view follows the file
has "Due       2026-05-09" "the detail view's due date beside it"
keys Escape
wait_gone "Milestone sec-roadmap"
has "11 on time · 4 late (last $TODAY) · 0 open" "the outcome after the back-dating"

# every view says the same
"$bin" report --today "$TODAY" "$file" >"$tmp/report.txt" || fail "report"
grep -q "^Roadmap phase closed 2026-05-09: 11 on time · 4 late (last $TODAY) · 0 open$" "$tmp/report.txt" ||
	fail "the text report's outcome: $(sed -n 3p "$tmp/report.txt")"
"$bin" report --format markdown --today "$TODAY" "$file" | grep -q "^Roadmap phase closed 2026-05-09: 11 on time · 4 late (last $TODAY) · 0 open\.  $" ||
	fail "the Markdown report's outcome"
"$bin" report --format json --today "$TODAY" "$file" >"$tmp/report.json" || fail "json"
python3 - "$tmp/report.json" <<'PY' || fail "the JSON report's outcome"
import json, sys
r = json.load(open(sys.argv[1]))["charter"]["roadmap"]
assert (r["on_time"], r["late"], r["open"], r["undated"], r["done"], r["total"]) == (11, 4, 0, 0, 15, 15), r
PY
python3 "$root/tests/e2e/attention_oracle.py" check "$bin" "$file" "$TODAY" 2026-12-07 >&2 || fail "the oracle disagrees"
# one history line per change, each saying what became of `completed`
python3 - "$file.history" <<'PY' || fail "history lines"
import json, sys
e = [json.loads(l) for l in open(sys.argv[1])]
got = [(x["id"], x["old"], x["new"], x.get("completed_old"), x.get("completed_new")) for x in e]
today = "2026-11-26"
assert got == [("sec-roadmap", "in_progress", "done", None, today),
               ("conn-roadmap", "done", "in_progress", "2026-06-02", None),
               ("conn-roadmap", "in_progress", "done", None, today),
               ("sec-roadmap", "2026-11-26", "2026-07-15", None, None)], got
PY
keys q
expect_exit 0 "quit"
finish
