#!/bin/sh
# e2e: report --format json|csv|markdown|text, check --strict, ids, --help of
# every command and the bash completion.
# JSON and CSV are read back with python3's json and csv modules and
# compared with the model recomputed independently from the YAML (PyYAML);
# text and Markdown are compared with golden files checked by hand.
# $1 = the binary (absolute), $2 = a scratch directory.
set -u
bin=$1 tmp=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shipped=$root/data/charter.yaml
fixture=$root/tests/data/report-formats.yaml
golden=$root/tests/golden
python=/usr/bin/python3
today=2026-11-26
export LC_ALL=C.UTF-8

failures=0
fail() {
	echo "test_report_formats: FAIL: $*" >&2
	failures=$((failures + 1))
}
run() { # ARGS...: $rc, stdout in $tmp/out, stderr in $tmp/err
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
expect_rc() { # WANT WHAT
	[ "$rc" -eq "$1" ] || { fail "$2: exit $rc, expected $1"; sed 's/^/  stderr: /' "$tmp/err" >&2; }
}

if ! "$python" -c 'import yaml' 2>/dev/null; then
	echo "test_report_formats: needs $python with PyYAML (apt-get install python3-yaml)" >&2
	exit 1
fi

# A file with control characters and invalid-looking text in its values, to
# show that no format lets a terminal code through (report text is not
# checked: its writer is src/report/report.c, see the note at the end).
printf '%s\n' 'charter:' '  title: "Red \e[31malert\e[0m and a bell \a"' '  signed: 2026-08-31' \
	'working_groups:' '  - id: g' '    name: "Tab\there, NEL\x85, LS\u2028"' '    milestones:' \
	'      - id: m' '        title: "\e]0;pwned\a, \"quoted\", back\\slash, CR\r, LF\n"' \
	'        status: done' '        owner: "\x01\x1f\x7f"' >"$tmp/hostile.yaml"

# --- the oracle: the model from the YAML, as the JSON report should hold it ---
cat >"$tmp/oracle.py" <<'PY'
import calendar, csv, datetime, io, json, re, sys
from fractions import Fraction
import yaml

def model(path, today, only=None):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    ch, groups = doc["charter"], doc["working_groups"] or []
    def as_date(v):
        return v if isinstance(v, datetime.date) else datetime.date.fromisoformat(str(v))
    def add_months(d, n):
        y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
        return datetime.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))
    signed = as_date(ch["signed"])
    deadline = (as_date(ch["roadmap_deadline"]) if "roadmap_deadline" in ch
                else add_months(signed, int(ch.get("roadmap_months", 3))))
    attention = int(ch.get("attention_days", 14))
    if ch.get("reviews") is not None:
        reviews = [as_date(r) for r in ch["reviews"]]
    else:
        reviews = [add_months(signed, 12 * k) for k in range(1, today.year - signed.year + 3)]
    upcoming = [r for r in reviews if r >= today]
    # issue 11: `due: ~` is "no date yet"; an absent due is the deadline
    def dated(m):
        return "due" not in m or m["due"] is not None
    def due(m):
        return as_date(m["due"]) if "due" in m and m["due"] is not None else deadline
    def late(m):
        return m["status"] != "done" and dated(m) and due(m) < today
    def soon(m):
        return m["status"] != "done" and dated(m) and 0 <= (due(m) - today).days <= attention
    def bucket(m):  # issue 20: one attention bucket, overdue, else blocked, else due soon
        if late(m):
            return "overdue"
        if m["status"] == "blocked":
            return "blocked"
        return "due_soon" if soon(m) else None
    def late_days(m):  # issue 20: completed - effective due, when both are known
        if m["status"] != "done" or m.get("completed") is None or not dated(m):
            return None
        return (as_date(m["completed"]) - due(m)).days
    def delivery(ms):
        late = sorted(d for d in map(late_days, ms) if d is not None)
        n = len(late)
        median = None if not n else late[n // 2] if n % 2 else (late[n // 2 - 1] + late[n // 2]) / 2
        if median is not None and median == int(median):
            median = int(median)
        return {"done_with_date": n, "on_time": sum(d <= 0 for d in late), "median_late_days": median}
    def numbers(ms):
        total = len(ms)
        counts = {k: sum(m["status"] == k for m in ms)
                  for k in ("not_started", "in_progress", "blocked", "done")}
        done = counts["done"]
        phase = [m for m in ms if dated(m) and due(m) <= deadline]
        extra = {**{k: sum(bucket(m) == k for m in ms) for k in ("blocked", "overdue", "due_soon")},
                 "roadmap": {"done": sum(m["status"] == "done" for m in phase), "total": len(phase),
                             "on_time": sum(late_days(m) is not None and late_days(m) <= 0 for m in phase),
                             "late": sum(late_days(m) is not None and late_days(m) > 0 for m in phase),
                             "open": sum(m["status"] != "done" for m in phase),
                             "undated": sum(m["status"] == "done" and m.get("completed") is None for m in phase)},
                 "delivery": delivery(ms)}
        if not total:
            return {"done": 0, "total": 0, "percent": None, "state": None, **extra}, counts
        # issue 11 replaced the elapsed-share rule with one by due dates
        if done == total:
            state = "done"
        elif any(late(m) for m in ms):
            state = "overdue"
        elif counts["blocked"] or any(m["status"] == "not_started" and soon(m) for m in ms):
            state = "at_risk"
        else:
            state = "on_track"
        return {"done": done, "total": total, "percent": 100 * done // total, "state": state, **extra}, counts
    everything = [m for g in groups for m in (g.get("milestones") or [])]
    head, _ = numbers(everything)
    out = {"charter": dict(title=ch["title"], signed=str(signed), deadline=str(deadline),
                           today=str(today), days_left=(deadline - today).days,
                           next_review=str(upcoming[0]) if upcoming else None, **head),
           "groups": []}
    for g in groups:
        if only is not None and g["id"] != only:
            continue
        ms = g.get("milestones") or []
        nums, counts = numbers(ms)
        out["groups"].append(dict(id=g["id"], name=g["name"], **nums, counts=counts, milestones=[
            dict(id=m["id"], title=m["title"], status=m["status"], due=str(due(m)) if dated(m) else None,
                 owner=m.get("owner"),
                 completed=str(as_date(m["completed"])) if m.get("completed") is not None else None,
                 late_days=late_days(m), overdue=late(m), due_soon=bucket(m) == "due_soon",
                 attention=bucket(m)) for m in ms]))
    return out

mode, path, today = sys.argv[1], sys.argv[2], datetime.date.fromisoformat(sys.argv[3])
only = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
want = model(path, today, only)
data = sys.stdin.buffer.read()
problems = []
if mode == "json":
    got = json.loads(data.decode("utf-8"))  # strict: rejects raw control characters
    if list(got) != ["charter", "groups"]:
        problems.append("top-level keys %r" % list(got))
    if got != want:
        for key in ("charter",):
            if got.get(key) != want[key]:
                problems.append("charter: got %r, want %r" % (got.get(key), want[key]))
        for gg, wg in zip(got.get("groups", []), want["groups"]):
            if gg != wg:
                problems.append("group %s: got %r, want %r" % (wg["id"], gg, wg))
        if len(got.get("groups", [])) != len(want["groups"]):
            problems.append("%d groups, want %d" % (len(got.get("groups", [])), len(want["groups"])))
    for g in got.get("groups", []):
        keys = list(g)
        if keys != ["id", "name", "done", "total", "percent", "state", "blocked", "overdue", "due_soon",
                    "roadmap", "delivery", "counts", "milestones"]:
            problems.append("group keys %r" % keys)
        for m in g["milestones"]:
            if list(m) != ["id", "title", "status", "due", "owner", "completed", "late_days", "overdue", "due_soon",
                           "attention"]:
                problems.append("milestone keys %r" % list(m))
elif mode == "csv":
    text = data.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    header = ["group_id", "group_name", "milestone_id", "title", "status", "due", "owner", "overdue"]
    if not rows or rows[0] != header:
        problems.append("header %r" % (rows[:1],))
    # Control characters other than tab, CR and LF are data a spreadsheet
    # cannot use and a terminal would act on: the writer puts U+FFFD instead.
    def clean(v):
        return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "\ufffd", v)
    expected = [[clean(v) for v in (g["id"], g["name"], m["id"], m["title"], m["status"], m["due"] or "",
                                    m["owner"] or "", "true" if m["overdue"] else "false")]
                for g in want["groups"] for m in g["milestones"]]
    if len(rows) - 1 != len(expected):
        problems.append("%d rows, want %d (one per milestone)" % (len(rows) - 1, len(expected)))
    for got_row, want_row in zip(rows[1:], expected):
        if got_row != want_row:
            problems.append("row %r, want %r" % (got_row, want_row))
    # RFC 4180: every record ends in CRLF; fields are quoted only when needed.
    if not text.endswith("\r\n") or text.count("\r\n") < len(rows):
        problems.append("records do not all end in CRLF")
    if '"group_id"' in text or ',"true"' in text:
        problems.append("fields quoted that need no quotes")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
oracle() { "$python" "$tmp/oracle.py" "$@"; }

# --- JSON and CSV, read back and checked against the model ------------------
for file in "$shipped" "$fixture" "$tmp/hostile.yaml"; do
	for d in 2026-02-01 2026-05-09 "$today" 2027-06-01; do
		for fmt in json csv; do
			run report --format "$fmt" --today "$d" "$file"
			expect_rc 0 "report --format $fmt --today $d $(basename "$file")"
			oracle "$fmt" "$file" "$d" <"$tmp/out" >"$tmp/why" 2>&1 ||
				{ fail "$fmt of $(basename "$file") at $d does not match the model:"; tail -n 5 "$tmp/why" | sed 's/^/  /' >&2; }
		done
	done
done
for group in economy security; do
	for fmt in json csv; do
		run report --format "$fmt" --group "$group" --today "$today" "$shipped"
		expect_rc 0 "report --format $fmt --group $group"
		oracle "$fmt" "$shipped" "$today" "$group" <"$tmp/out" >"$tmp/why" 2>&1 ||
			{ fail "$fmt --group $group does not match the model:"; tail -n 5 "$tmp/why" | sed 's/^/  /' >&2; }
	done
done
# jq, when present, is a second independent reader.
if command -v jq >/dev/null 2>&1; then
	run report --format json --today "$today" "$shipped"
	n=$(jq '[.groups[].milestones[]] | length' "$tmp/out")
	m=$("$bin" ids "$shipped" | wc -l | tr -d ' ')
	[ "$n" = "$m" ] || fail "jq counts $n milestones, ids lists $m"
fi

# --- no terminal codes in any format, whatever the file holds --------------
for fmt in markdown json csv; do
	run report --format "$fmt" --today "$today" "$tmp/hostile.yaml"
	expect_rc 0 "report --format $fmt of the hostile file"
	# Valid UTF-8, and no C0 (but tab, CR, LF), DEL or C1 character.
	"$python" -c '
import re, sys
text = sys.stdin.buffer.read().decode("utf-8")
sys.exit(1 if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text) else 0)' <"$tmp/out" ||
		fail "report --format $fmt is not valid UTF-8 or lets a control character through"
done

# --- golden files: text and Markdown, checked by hand ------------------------
check_golden() { # GOLDEN ARGS...
	g=$1
	shift
	run report --today "$today" "$@"
	expect_rc 0 "report $*"
	cmp -s "$tmp/out" "$golden/$g" || { fail "report $* differs from tests/golden/$g:"; diff -u "$golden/$g" "$tmp/out" >&2; }
}
check_golden report-formats.txt "$fixture"
check_golden report-formats.txt --format text "$fixture"
check_golden report-formats.md --format markdown "$fixture"
check_golden report-formats-energy.md --format markdown --group energy "$fixture"
check_golden report-formats.md --format=markdown "$fixture"

# Every number in the Markdown summary table is the JSON's.
run report --format json --today "$today" "$fixture"
cp "$tmp/out" "$tmp/fixture.json"
run report --format markdown --today "$today" "$fixture"
"$python" - "$tmp/fixture.json" "$tmp/out" <<'PY' || fail "markdown summary table disagrees with json"
import json, re, sys
groups = json.load(open(sys.argv[1]))["groups"]
rows = [l for l in open(sys.argv[2], encoding="utf-8") if re.match(r"\| .* \| \d+/\d+ \|", l)]
assert len(rows) == len(groups), (len(rows), len(groups))
for g, row in zip(groups, rows):
    cells = [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]
    assert cells[1] == "%d/%d" % (g["done"], g["total"]), (cells, g)
    if g["percent"] is not None:
        assert cells[2].endswith(" %d%%" % g["percent"]), (cells, g)
        assert cells[3] == g["state"].replace("_", " "), (cells, g)
    # the attention buckets (issue 20): overdue, blocked, due soon, one each
    for col, key in ((4, "overdue"), (5, "blocked"), (6, "due_soon")):
        assert int(cells[col]) == g[key] == sum(m["attention"] == key for m in g["milestones"]), (cells, g)
PY

# --- exit codes ------------------------------------------------------------------
run report --format bogus "$shipped"
expect_rc 2 "report --format bogus"
grep -q "unknown format 'bogus'" "$tmp/err" || fail "report --format bogus: message"
[ ! -s "$tmp/out" ] || fail "report --format bogus: stdout not empty"
run report "$shipped" --format
expect_rc 2 "report --format without a value"
grep -q "option '--format' needs a value" "$tmp/err" || fail "report --format without a value: message"
run report --format JSON "$shipped"
expect_rc 2 "report --format JSON (formats are lower case)"
run report --format json --group nope "$shipped"
expect_rc 1 "report --group nope"
grep -q "no working group with id 'nope'" "$tmp/err" || fail "report --group nope: message"
[ ! -s "$tmp/out" ] || fail "report --group nope: stdout not empty"
run report --format csv --today 2026-02-30 "$shipped"
expect_rc 2 "report --today 2026-02-30"
printf 'charter:\n  title: T\n  signed: 2026-01-01\nworking_groups:\n  - id: g\n    name: G\n    milestones:\n      - {id: m, title: M, status: finished}\n' >"$tmp/bad.yaml"
run report --format json "$tmp/bad.yaml"
expect_rc 1 "report --format json of an invalid file"
grep -q "^$tmp/bad.yaml:8:35: error: status 'finished'" "$tmp/err" || fail "invalid file: located error"
[ ! -s "$tmp/out" ] || fail "report of an invalid file: stdout not empty"
if [ -w /dev/full ]; then
	"$bin" report --format json "$shipped" >/dev/full 2>"$tmp/err"
	rc=$?
	expect_rc 1 "report to a full disk"
fi

# --- check --strict: unknown keys, exact places ---------------------------------
cat >"$tmp/typos.yaml" <<'EOF'
charter:
  title: Typos
  signd: 2026-02-09
  signed: 2026-02-09
  annual_meetings: yearly
working_groups:
  - id: g
    name: G
    colour: blue
    x-budget: 10
    milestones:
      - id: m1
        title: One
        status: done
        onwer: Someone
      - id: m2
        title: Two
        status: done
        leads: [A]
EOF
run check --strict "$tmp/typos.yaml"
expect_rc 0 "check --strict with warnings only"
cat >"$tmp/want" <<EOF
$tmp/typos.yaml:3:3: warning: unknown key 'signd' in the charter (did you mean 'signed'?)
$tmp/typos.yaml:9:5: warning: unknown key 'colour' in working group 'g' (known keys: id, name, short, leads, description, milestones)
$tmp/typos.yaml:15:9: warning: unknown key 'onwer' in milestone 'm1' (did you mean 'owner'?)
$tmp/typos.yaml:19:9: warning: unknown key 'leads' in milestone 'm2' ('leads' belongs in a working group; check the indentation)
EOF
cmp -s "$tmp/err" "$tmp/want" || { fail "check --strict warnings:"; diff -u "$tmp/want" "$tmp/err" >&2; }
grep -q "^$tmp/typos.yaml: ok: 1 working group, 2 milestones (2 done); 4 warnings$" "$tmp/out" ||
	fail "check --strict summary: $(cat "$tmp/out")"
run check "$tmp/typos.yaml"
expect_rc 0 "check without --strict"
[ ! -s "$tmp/err" ] || fail "check without --strict warns"

# A typo that loses a required key: the error and the warning, in file order.
printf 'charter: {title: T, signed: 2026-01-01}\nworking_groups:\n  - id: g\n    name: G\n    milestones:\n      - id: m\n        title: M\n        stauts: done\n' >"$tmp/stauts.yaml"
run check --strict "$tmp/stauts.yaml"
expect_rc 1 "check --strict with an error"
printf '%s\n' "$tmp/stauts.yaml:6:9: error: milestone 'm' has no 'status' (it is required)" \
	"$tmp/stauts.yaml:8:9: warning: unknown key 'stauts' in milestone 'm' (did you mean 'status'?)" >"$tmp/want"
cmp -s "$tmp/err" "$tmp/want" || { fail "check --strict error and warning:"; diff -u "$tmp/want" "$tmp/err" >&2; }
run check --strict "$shipped" "$fixture"
expect_rc 0 "check --strict of the shipped files"
[ ! -s "$tmp/err" ] || { fail "check --strict warns about the shipped files:"; cat "$tmp/err" >&2; }

# --- ids ----------------------------------------------------------------------------
run ids "$shipped"
expect_rc 0 "ids"
"$python" -c '
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
for g in doc["working_groups"]:
    for m in g.get("milestones") or []:
        print(m["id"])' "$shipped" >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" || fail "ids differs from the milestone ids in the YAML"
run ids --groups "$fixture"
printf 'trade_and_ports\nenergy\nempty\nfinished\n' >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" || fail "ids --groups: $(cat "$tmp/out")"
run ids "$tmp/stauts.yaml"
expect_rc 1 "ids of a file with errors"
[ "$(cat "$tmp/out")" = m ] || fail "ids of a file with errors still lists what it read"
run ids
expect_rc 2 "ids without a file"

# --- --help for every command ---------------------------------------------------
commands=$("$bin" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }')
for c in check report ids; do
	echo "$commands" | grep -qx "$c" || fail "--help does not list $c"
done
for c in $commands; do
	for h in -h --help; do
		run "$c" "$h"
		expect_rc 0 "$c $h"
		head -n 1 "$tmp/out" | grep -q "^usage: charterdash $c" || fail "$c $h: no usage line"
		grep -q "^Examples\?:" "$tmp/out" || fail "$c $h: no example"
	done
done
run report --help
grep -q -- "--format text|markdown|json|csv" "$tmp/out" || fail "report --help does not show the formats"

# --- bash completion ------------------------------------------------------------------
if command -v bash >/dev/null 2>&1; then
	mkdir -p "$tmp/cwd/sub"
	cp "$shipped" "$tmp/cwd/charter.yaml"
	: >"$tmp/cwd/notes.txt"
	: >"$tmp/cwd/other.yml"
	cat >"$tmp/complete.bash" <<'EOF'
source "$1"
bin=$2
# complete WORD...: the words of the line, the last one being completed.
complete_line() {
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	COMPREPLY=()
	_charterdash "$bin" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	printf '%s\n' "${COMPREPLY[@]}" | sort
}
echo "== commands"; complete_line charterdash ""
echo "== re"; complete_line charterdash re
echo "== report options"; complete_line charterdash report --
echo "== formats"; complete_line charterdash report --format ""
echo "== format=j"; complete_line charterdash report --format = j
echo "== files"; complete_line charterdash report --today 2026-11-26 ""
echo "== groups"; complete_line charterdash report charter.yaml --group ""
echo "== set ids"; complete_line charterdash set charter.yaml ""
echo "== rm ids"; complete_line charterdash rm charter.yaml energy-c
echo "== set fields"; complete_line charterdash set charter.yaml energy-roadmap ""
echo "== set status"; complete_line charterdash set charter.yaml energy-roadmap status = ""
echo "== check options"; complete_line charterdash check --
echo "== agenda options"; complete_line charterdash agenda --
echo "== agenda formats"; complete_line charterdash agenda --format ""
echo "== agenda files"; complete_line charterdash agenda --days 7 ""
EOF
	(cd "$tmp/cwd" && bash --norc --noprofile "$tmp/complete.bash" "$root/completions/charterdash.bash" "$bin") \
		>"$tmp/got" 2>"$tmp/err" || fail "completion script failed: $(cat "$tmp/err")"
	[ ! -s "$tmp/err" ] || { fail "completion wrote to stderr:"; cat "$tmp/err" >&2; }
	section() { awk -v s="== $1" '$0 == s { on = 1; next } /^== / { on = 0 } on' "$tmp/got"; }
	for c in check report agenda ids; do
		section commands | grep -qx "$c" || fail "completion does not offer subcommand $c"
	done
	[ "$(section re)" = report ] || fail "completion of 're': $(section re)"
	for o in --format --group --today --help; do
		section "report options" | grep -qx -- "$o" || fail "completion does not offer report $o"
	done
	[ "$(section formats | tr '\n' ' ')" = "csv ics json markdown text " ] || fail "completion of --format: $(section formats)"
	for o in --days --format --today --help; do
		section "agenda options" | grep -qx -- "$o" || fail "completion does not offer agenda $o"
	done
	[ "$(section "agenda formats" | tr '\n' ' ')" = "json markdown text " ] ||
		fail "completion of agenda --format: $(section "agenda formats")"
	[ "$(section "agenda files" | tr '\n' ' ')" = "charter.yaml other.yml sub " ] ||
		fail "agenda file completion: $(section "agenda files" | tr '\n' ' ')"
	[ "$(section format=j)" = json ] || fail "completion of --format=j: $(section format=j)"
	[ "$(section files | tr '\n' ' ')" = "charter.yaml other.yml sub " ] || fail "file completion: $(section files | tr '\n' ' ')"
	"$bin" ids --groups "$shipped" | sort >"$tmp/want"
	section groups | cmp -s - "$tmp/want" || fail "completion of --group: $(section groups | tr '\n' ' ')"
	"$bin" ids "$shipped" | sort >"$tmp/want"
	section "set ids" | cmp -s - "$tmp/want" || fail "completion of set FILE ID"
	[ "$(section "rm ids" | tr '\n' ' ')" = "energy-civil-nuclear energy-constitute energy-critical-minerals " ] ||
		fail "completion of rm FILE energy-c: $(section "rm ids" | tr '\n' ' ')"
	[ "$(section "set fields" | tr '\n' ' ')" = "completed= due= notes= owner= status= title= " ] ||
		fail "completion of set fields: $(section "set fields" | tr '\n' ' ')"
	[ "$(section "set status" | tr '\n' ' ')" = "blocked done in_progress not_started " ] ||
		fail "completion of status=: $(section "set status" | tr '\n' ' ')"
	section "check options" | grep -qx -- --strict || fail "completion does not offer check --strict"
fi

# --- the man page ------------------------------------------------------------------------
if command -v groff >/dev/null 2>&1; then
	groff -man -Tutf8 -ww -z "$root/docs/charterdash.1" 2>"$tmp/err" || fail "groff failed on the man page"
	[ ! -s "$tmp/err" ] || { fail "groff warns about the man page:"; cat "$tmp/err" >&2; }
fi

# Note: report --format text prints titles as they are (src/report/report.c), so a
# control character in a title reaches the terminal there; the other formats
# are checked above.

[ "$failures" -eq 0 ] || { echo "test_report_formats: $failures failure(s)" >&2; exit 1; }
echo "test_report_formats: ok"
