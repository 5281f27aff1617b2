#!/bin/sh
# e2e: one set of numbers (issue 20 §4). On the shipped charter and on
# generated charters nobody has seen, at several dates, every view counts
# what needs attention by the same rule (overdue, else blocked, else due
# soon): the dashboard's header, its agenda view (A), the minutes, the text,
# Markdown and JSON reports and `agenda --format json` give the same three
# numbers. Then a meeting changes statuses, from the dashboard's keys and
# from another terminal, and the views still agree.
# Usage: test_numbers.sh BINARY SCRATCH_DIR
set -u
name=test_numbers
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"
python=/usr/bin/python3
export LC_ALL=C.UTF-8 LOGNAME=facilitator
unset CHARTERDASH_FILE
if ! "$python" -c 'import yaml' 2>/dev/null; then
	echo "$name: needs $python with PyYAML (apt-get install python3-yaml)" >&2
	exit 1
fi

# The numbers of one view, one line each: "VIEW overdue blocked due_soon".
# numbers VIEW FILE: from the output in FILE (the parsing is the view's).
numbers() {
	"$python" - "$1" "$2" <<'PY'
import json, re, sys
view, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
KEYS = ("overdue", "blocked", "due soon")
def words(s):  # "1 overdue, 2 due soon" (or with the header's separators) -> the three counts
    found = dict((w, int(n)) for n, w in re.findall(r"(\d+) (overdue|blocked|due soon)", s or ""))
    return [found.get(k, 0) for k in KEYS]
if view in ("json", "agenda"):
    d = json.loads(text)
    n = [d["charter"][k] for k in ("overdue", "blocked", "due_soon")] if view == "json" else \
        [len(d[k]) for k in ("overdue", "blocked", "due_soon")]
elif view == "text":  # the Overall block's "needs attention:" line, when there is one
    m = re.search(r"^Overall .*\n  done .*\n(  needs attention: (.*)\n)?", text, re.M)
    n = words(m.group(2) if m else None)
elif view == "markdown":
    m = re.search(r"^\*\*Overall:\*\* .*$", text, re.M)
    n = words(m.group(0).split("Needs attention:")[1] if m and "Needs attention:" in m.group(0) else None)
elif view == "minutes":  # the agenda at the end: "### Overdue (3)"
    n = [int(re.search(r"^### %s \((\d+)\)$" % t, text, re.M).group(1)) for t in ("Overdue", "Blocked", "Due soon")]
elif view == "header":  # after the state, before the legend's status counts
    line = next(l for l in text.splitlines() if l.startswith("Overall"))
    n = words(" ".join(re.findall(r"(?:   | \u00b7 | \| )(\d+ (?:overdue|blocked|due soon))", line)))
elif view == "agenda-view":
    n = [int(re.search(r"%s \((\d+)\)" % t, text).group(1))
         for t in ("Overdue", "Blocked", r"Due soon, the next \d+ days")]
print(view, *n)
PY
}

# agree FILE TODAY: every view of FILE on TODAY gives the JSON report's numbers.
agree() {
	f=$1 d=$2
	: >"$tmp/numbers"
	"$bin" report --format json --today "$d" "$f" >"$tmp/v.json" && numbers json "$tmp/v.json" >>"$tmp/numbers"
	"$bin" report --today "$d" "$f" >"$tmp/v.txt" && numbers text "$tmp/v.txt" >>"$tmp/numbers"
	"$bin" report --format markdown --today "$d" "$f" >"$tmp/v.md" && numbers markdown "$tmp/v.md" >>"$tmp/numbers"
	"$bin" agenda --format json --today "$d" "$f" >"$tmp/v.agenda" && numbers agenda "$tmp/v.agenda" >>"$tmp/numbers"
	"$bin" minutes --since meeting --today "$d" "$f" >"$tmp/v.minutes" && numbers minutes "$tmp/v.minutes" >>"$tmp/numbers"
	if [ "${3:-}" != running ]; then
		start 200 120 --today "$d" "$f"
		wait_for "Overall" || return
	fi
	settle
	numbers header "$screen" >>"$tmp/numbers"
	keys A
	wait_for "Agenda for" || return
	settle
	numbers agenda-view "$screen" >>"$tmp/numbers"
	keys Escape
	wait_gone "Agenda for"
	want=$(sed -n 's/^json //p' "$tmp/numbers")
	[ "$(grep -c . "$tmp/numbers")" -eq 7 ] || fail "$f on $d: a view gave no numbers: $(cat "$tmp/numbers")"
	if grep -v " $want\$" "$tmp/numbers" >"$tmp/differ"; then
		fail "$f on $d: views disagree with the JSON report ($want):"
		sed 's/^/  /' "$tmp/differ"
	fi
}

# The shipped charter, with a meeting marked, before and after the issue's day.
cp "$data" "$tmp/shipped.yaml"
"$bin" mark "$tmp/shipped.yaml" >/dev/null || fail "mark"
for d in 2026-11-26 2026-12-02 2027-01-20 2026-12-07; do
	agree "$tmp/shipped.yaml" "$d"
done
# on 2026-12-07 sec-defence-sales is blocked and past its date: overdue only
grep -qx "header 4 1 4" "$tmp/numbers" || fail "the shipped charter on 2026-12-07: $(cat "$tmp/numbers")"

# Generated charters (their histories hold a meeting mark), at dates from their own calendars.
for seed in 3 7 11 19; do
	f=$("$python" "$root/tests/e2e/attention_oracle.py" generate "$tmp" "$seed") || { fail "generate $seed"; continue; }
	for d in $("$python" - "$f" <<'PY'
import datetime, sys, yaml
s = yaml.safe_load(open(sys.argv[1]))["charter"]["signed"]
print(" ".join(str(s + datetime.timedelta(days=k)) for k in (40, 120, 400)))
PY
	); do
		agree "$f" "$d"
	done
done

# --- a meeting: statuses change from the keys and from another terminal ------
cp "$data" "$tmp/meeting.yaml"
start 200 120 --today 2026-12-07 "$tmp/meeting.yaml"
wait_for "Overall" || finish
keys m
wait_for "Meeting started at"
# the late, blocked milestone done from the dashboard (search, then the status menu)
keys / 'Framework for potential sales' Enter
wait_for "1 match"
keys Space d
wait_for "Saved: sec-defence-sales status"
# from another terminal: a due-soon one blocked, a done roadmap milestone reopened (late)
"$bin" set -q --user amina "$tmp/meeting.yaml" ai-data-centres status=blocked || fail "set ai-data-centres"
"$bin" set -q --user amina "$tmp/meeting.yaml" econ-roadmap status=in_progress || fail "set econ-roadmap"
wait_for "4 overdue · 2 blocked · 3 due soon" 50
agree "$tmp/meeting.yaml" 2026-12-07 running
keys q
finish
