#!/bin/sh
# e2e: issue 11's and issue 20's numbers — every number of `report --format json` and every
# list of `agenda --format json` equals an independent recomputation of the
# rules from the YAML (tests/e2e/attention_oracle.py, PyYAML), on the
# shipped charter and on generated charters nobody has seen, at several
# dates around their deadlines, reviews and due dates.
# Usage: test_attention.sh BINARY SCRATCH_DIR
set -u
bin=$1 tmp=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
python=/usr/bin/python3
failures=0
fail() { echo "test_attention: FAIL: $*" >&2; failures=$((failures + 1)); }
if ! "$python" -c 'import yaml' 2>/dev/null; then
	echo "test_attention: needs $python with PyYAML (apt-get install python3-yaml)" >&2
	exit 1
fi
oracle() { "$python" "$here/attention_oracle.py" "$@"; }

check() { # FILE TODAY...: report and agenda (default, 0, 7 and 30 days) at each date
	f=$1
	shift
	oracle check "$bin" "$f" "$@" >&2 || fail "report/agenda of $f differ from the oracle"
}

# The shipped charter, with a history, on the issue's date and around it;
# two done milestones lose their completion date (the history says when),
# one gets a recent one.
"$python" - "$root/data/charter.yaml" "$tmp/shipped.yaml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for mid in ("econ-constitute", "energy-roadmap"):
    text, n = re.subn(r"(- id: %s\n(?:        .*\n)*?)        completed: .*\n" % mid, r"\1", text, count=1)
    assert n == 1, mid
text, n = re.subn(r"(- id: conn-roadmap\n(?:        .*\n)*?        completed: )\S+", r"\g<1>2026-11-29", text, count=1)
assert n == 1
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
printf '%s\n' \
	'{"time":"2026-11-28T10:00:00Z","user":"a","host":"h","id":"energy-roadmap","group":"energy","field":"status","old":"in_progress","new":"done"}' \
	'{"time":"2026-11-30T10:00:00Z","user":"a","host":"h","id":"energy-roadmap","group":"energy","field":"status","old":"in_progress","new":"done"}' \
	'{"time":"2026-11-25T10:00:00Z","user":"a","host":"h","id":"energy-roadmap","group":"energy","field":"status","old":"in_progress","new":"done"}' \
	'{"time":"2026-12-01T09:00:00Z","user":"a","host":"h","id":"econ-constitute","group":"economy","field":"status","old":"in_progress","new":"done"}' \
	'{"time":"2026-10-01T09:00:00Z","user":"a","host":"h","id":"conn-customs","group":"connectivity","field":"status","old":"in_progress","new":"done"}' \
	>"$tmp/shipped.yaml.history"
check "$tmp/shipped.yaml" 2026-02-01 2026-05-09 2026-05-10 2026-11-20 2026-12-02 2027-02-09 2027-02-10
"$bin" agenda --format json --today 2026-12-02 "$tmp/shipped.yaml" >"$tmp/agenda.json"
"$python" - "$tmp/agenda.json" <<'PY' || fail "shipped agenda on 2026-12-02"
import json, sys
a = json.load(open(sys.argv[1]))
assert [m["id"] for m in a["overdue"]] == ["sec-roadmap", "sec-defence-sales", "conn-customs"], a["overdue"]
assert [m["id"] for m in a["done_recently"]] == ["econ-constitute", "energy-roadmap", "conn-roadmap"], a["done_recently"]
# done twice (history lines out of time order): the later change counts
assert a["done_recently"][1]["done_at"] == "2026-11-30T10:00:00Z", a["done_recently"]
# the file's completion date, not a history line
assert a["done_recently"][2]["done_at"] == "2026-11-29", a["done_recently"]
PY

# Generated charters, each at dates chosen from its own calendar.
for seed in 1 2 3 4 5 6 7 8 9 10 11 12; do
	f=$(oracle generate "$tmp" "$seed") || { fail "generate $seed"; continue; }
	"$bin" check "$f" >/dev/null 2>"$tmp/err" || { fail "generated charter $seed does not load"; cat "$tmp/err" >&2; continue; }
	dates=$("$python" - "$f" <<'PY'
import datetime, sys, yaml
ch = yaml.safe_load(open(sys.argv[1]))["charter"]
s = ch["signed"]
days = [-1, 0, 45, 89, 90, 91, 200, 365, 366, 500, 730]
print(" ".join(str(s + datetime.timedelta(days=d)) for d in days) + " 2026-12-02")
PY
)
	# shellcheck disable=SC2086 # a list of dates
	check "$f" $dates
done

# Usage errors of agenda.
"$bin" agenda --days -1 "$tmp/shipped.yaml" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "agenda --days -1: exit status"
grep -q "days '-1' should be a whole number of days from 0 to 3660" "$tmp/err" || fail "agenda --days -1: message"
"$bin" agenda --format csv "$tmp/shipped.yaml" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "agenda --format csv: exit status"
grep -q "unknown format 'csv'; use text, markdown or json" "$tmp/err" || fail "agenda --format csv: message"
"$bin" agenda >/dev/null 2>&1
[ $? -eq 2 ] || fail "agenda without a file: exit status"
# The text and Markdown forms hold the same milestones as the JSON.
for fmt in text markdown; do
	"$bin" agenda --format "$fmt" --today 2026-12-02 "$tmp/shipped.yaml" >"$tmp/agenda.$fmt" || fail "agenda --format $fmt"
	for id in sec-roadmap sec-defence-sales conn-customs conn-tripp econ-ppp econ-constitute energy-roadmap; do
		grep -q -- "$id" "$tmp/agenda.$fmt" || fail "agenda --format $fmt lacks $id"
	done
done

# Whatever the file holds, no format lets a terminal code through, JSON
# stays valid, and Markdown escapes what would change the list.
printf '%s\n' 'charter:' '  title: "Red \e[31malert\e[0m"' '  signed: 2026-11-01' 'working_groups:' \
	'  - id: g' '    name: "Tab\there, LS\u2028, RLO\u202e"' '    milestones:' \
	'      - id: m' '        title: "\e]0;pwned\a *bold* [link](x) | pipe\nnext line"' \
	'        status: blocked' '        owner: "\x01\x7f\u0085"' >"$tmp/hostile.yaml"
for fmt in text markdown json; do
	"$bin" agenda --format "$fmt" --today 2026-12-02 "$tmp/hostile.yaml" >"$tmp/hostile.$fmt" ||
		fail "agenda --format $fmt of the hostile file"
	"$python" - "$tmp/hostile.$fmt" "$fmt" <<'PY' || fail "agenda --format $fmt lets control characters through"
import json, re, sys
text = open(sys.argv[1], "rb").read().decode("utf-8")
if sys.argv[2] == "json":
    json.loads(text)
assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text), repr(text)
if sys.argv[2] == "markdown":
    assert "\\*bold\\*" in text and "\\[link\\]" in text, text
    assert len([l for l in text.splitlines() if l.startswith("- ")]) == 1, text
PY
done

if [ "$failures" -ne 0 ]; then
	echo "test_attention: $failures failure(s)" >&2
	exit 1
fi
echo "test_attention: ok"
