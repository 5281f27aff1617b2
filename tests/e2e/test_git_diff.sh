#!/bin/sh
# e2e: what `charterdash git-setup` installs, seen through real git: the
# attributes name the charter files only, the driver is charterdash on PATH
# when it is there (else this binary's path, said), running it again changes
# nothing, and `git diff` shows every kind of change to the shipped charter
# (fields, comments, unknown keys, group lines, layout) through the textconv.
# $1 = the binary (absolute), $2 = a scratch directory.
set -u
bin=$1 tmp=$2
here=$(cd "$(dirname "$0")" && pwd)
charter=$here/../../data/charter.yaml
export LC_ALL=C.UTF-8 GIT_CONFIG_NOSYSTEM=1 HOME=$tmp GIT_PAGER=cat
failures=0
fail() {
	echo "test_git_diff: FAIL: $*" >&2
	failures=$((failures + 1))
}

# git alone on PATH (no charterdash), and charterdash's own directory.
mkdir -p "$tmp/gitonly" && ln -s "$(command -v git)" "$tmp/gitonly/git"
bindir=$(dirname "$bin")

r=$tmp/repo
git init -q "$r" && git -C "$r" config user.name t && git -C "$r" config user.email t@example.org
cp "$charter" "$r/charter.yaml"
mkdir "$r/sub" && cp "$charter" "$r/sub/second charter.yaml"
printf 'name: not a charter\n' >"$r/other.yaml"
printf '*.yaml merge=charterdash diff=charterdash\n*.history merge=union\n*.png binary\n' >"$r/.gitattributes"

# 1. Not on PATH: the absolute path, and git-setup says so.
PATH=$tmp/gitonly "$bin" git-setup "$r" >"$tmp/out1" 2>&1 || fail "git-setup: $(cat "$tmp/out1")"
grep -q "charterdash is not on PATH: git runs $bin " "$tmp/out1" || fail "no word of the path chosen: $(cat "$tmp/out1")"
[ "$(git -C "$r" config diff.charterdash.textconv)" = "$bin diff --textconv" ] || fail "textconv is not $bin"

# 2. On PATH: by name, said; the driver line replaced, not added twice.
PATH=$bindir:$tmp/gitonly "$bin" git-setup "$r" >"$tmp/out2" 2>&1 || fail "git-setup on PATH: $(cat "$tmp/out2")"
grep -q "git runs \`charterdash\` from PATH (now $bin)" "$tmp/out2" || fail "no word of PATH: $(cat "$tmp/out2")"
[ "$(git -C "$r" config --get-all merge.charterdash.driver)" = \
	"charterdash merge --marker-size %L --path %P %O %A %B" ] || fail "driver: $(git -C "$r" config --get-all merge.charterdash.driver)"
[ "$(git -C "$r" config diff.charterdash.textconv)" = "charterdash diff --textconv" ] || fail "textconv not by name"

# 3. The attributes: the charter files (and their histories), not every YAML file;
# the old *.yaml lines gone, the user's line kept.
for f in charter.yaml "sub/second charter.yaml"; do
	[ "$(git -C "$r" check-attr diff -- "$f" | sed 's/.*: //')" = charterdash ] || fail "$f has no diff driver"
	[ "$(git -C "$r" check-attr merge -- "$f" | sed 's/.*: //')" = charterdash ] || fail "$f has no merge driver"
	[ "$(git -C "$r" check-attr merge -- "$f.history" | sed 's/.*: //')" = union ] || fail "$f.history is not union"
done
[ "$(git -C "$r" check-attr diff -- other.yaml | sed 's/.*: //')" = unspecified ] || fail "other.yaml has the driver"
grep -q '^\*\.yaml' "$r/.gitattributes" && fail "the *.yaml line stayed: $(cat "$r/.gitattributes")"
grep -q '^\*\.png binary$' "$r/.gitattributes" || fail "the user's attribute line was lost"

# 4. Idempotent: a third run writes nothing.
sum=$(cat "$r/.gitattributes" "$r/.gitignore" | md5sum)
PATH=$bindir:$tmp/gitonly "$bin" git-setup "$r" >"$tmp/out3" 2>&1 || fail "git-setup again"
[ "$(cat "$r/.gitattributes" "$r/.gitignore" | md5sum)" = "$sum" ] || fail "a second run changed the files"
grep -q 'added\|removed' "$tmp/out3" && fail "a second run changed something: $(cat "$tmp/out3")"

git -C "$r" add -A && git -C "$r" commit -q -m charter || fail "commit"

# 5. Every kind of line: each edit alone, then `git diff` must show the old
# line removed and the new one added (textconv on: PATH has charterdash).
export PATH="$bindir:$PATH"
check_edit() { # WHAT OLD NEW [MINUS PLUS]: replace line OLD by NEW; the diff shows MINUS/PLUS
	# (default OLD/NEW; MINUS NONE: an added line only)
	what=$1 old=$2 new=$3 minus=${4:-$2} plus=${5:-$3}
	OLD=$old NEW=$new python3 -c '
import os, sys
p = sys.argv[1]; t = open(p, encoding="utf-8").read()
old, new = os.environ["OLD"] + "\n", os.environ["NEW"] + "\n"
assert t.count(old) == 1, "line not found once: " + old
open(p, "w", encoding="utf-8").write(t.replace(old, new))' "$r/charter.yaml" || { fail "$what: cannot edit"; return; }
	git -C "$r" diff -- charter.yaml >"$tmp/diff" 2>&1
	{ [ "$minus" = NONE ] && ! grep -q '^-[^-]' "$tmp/diff" || grep -qF -x -- "-$minus" "$tmp/diff"; } &&
		grep -qF -x -- "+$plus" "$tmp/diff" ||
		fail "$what: git diff does not show it: $(head -c 1500 "$tmp/diff")"
	git -C "$r" checkout -q -- charter.yaml
}
ms='Economy and Trade · Roadmap: adopt the economy and trade implementation roadmap [econ-roadmap]:'
ma='Economy and Trade · First annual intergovernmental meeting under the charter [econ-annual-meeting]:'
check_edit "a charter field" '  place: Baku  # Bakı' '  place: Baku City  # Bakı'
check_edit "a comment at the top" '# Source' '# Sources'
check_edit "a comment in the charter" '  # filing date, so the signing date is Monday 2026-02-09.' \
	'  # filing date, so the signing date is Monday, 2026-02-09.'
check_edit "a key charterdash does not model" \
	'  annual_meetings: The two governments meet at least once a year within the charter framework.' \
	'  annual_meetings: The two governments meet at least twice a year within the charter framework.'
check_edit "a group name" '    name: Energy' '    name: Energy and Climate'
check_edit "a group lead" '      - U.S. Department of Commerce' '      - U.S. Department of Commerce (ITA)'
check_edit "a line of a group description" \
	'      Corridor, backed by public–private partnerships and investment.' \
	'      Corridor, backed by public–private partnerships.'
# a status, the way the dashboard and `set` change it
"$bin" set -q "$r/charter.yaml" econ-roadmap status=in_progress || fail "set a status"
git -C "$r" diff -- charter.yaml >"$tmp/diff" 2>&1
grep -qF -x -- "-$ms status done" "$tmp/diff" && grep -qF -x -- "+$ms status in_progress" "$tmp/diff" ||
	fail "a status change: git diff does not show it: $(head -c 1500 "$tmp/diff")"
git -C "$r" checkout -q -- charter.yaml && rm -f "$r/charter.yaml.history"
check_edit "a milestone title" \
	'        title: "Roadmap: adopt the economy and trade implementation roadmap"' \
	"        title: 'Roadmap: adopt the economy and trade implementation roadmap'" \
	"$ms title \"Roadmap: adopt the economy and trade implementation roadmap\"" \
	"$ms title 'Roadmap: adopt the economy and trade implementation roadmap'"
check_edit "a milestone due" '        due: 2027-02-09' '        due: 2027-03-09' "$ma due 2027-02-09" "$ma due 2027-03-09"
check_edit "a milestone owner" \
	'        owner: Charter coordinators (State Department / Ministry of Foreign Affairs)' \
	'        owner: Charter coordinators' \
	"$ma owner Charter coordinators (State Department / Ministry of Foreign Affairs)" "$ma owner Charter coordinators"
check_edit "a comment in a milestone" \
	'        # no `due`: defaults to the roadmap deadline (2026-05-09)' \
	'        # no `due`: the roadmap deadline (2026-05-09)' \
	"$ms         # no \`due\`: defaults to the roadmap deadline (2026-05-09)" \
	"$ms         # no \`due\`: the roadmap deadline (2026-05-09)"
check_edit "a line of block notes" \
	'          This group hosts the secretariat for the first meeting, expected' \
	'          This group hosts the secretariat for the meeting, expected' \
	"$ma           This group hosts the secretariat for the first meeting, expected" \
	"$ma           This group hosts the secretariat for the meeting, expected"
check_edit "an unknown key in a milestone" \
	'        notes: Adopted about two weeks after the deadline, following a second drafting round.' \
	'        notes: Adopted about two weeks after the deadline, following a second drafting round.
        risk: low' \
	NONE "$ms         risk: low"
check_edit "a comment after a field" \
	'        notes: Adopted about two weeks after the deadline, following a second drafting round.' \
	'        notes: Adopted about two weeks after the deadline, following a second drafting round.  # late' \
	"$ms notes Adopted about two weeks after the deadline, following a second drafting round." \
	"$ms         notes: Adopted about two weeks after the deadline, following a second drafting round.  # late"
check_edit "a milestone id" '      - id: econ-roadmap' '      - id: econ-roadmap-2026' \
	"$ms title \"Roadmap: adopt the economy and trade implementation roadmap\"" \
	"${ms%\[econ-roadmap\]:}[econ-roadmap-2026]: title \"Roadmap: adopt the economy and trade implementation roadmap\""
check_edit "trailing space" '  roadmap_months: 3' '  roadmap_months: 3 '

# 6. A file with conflict markers is shown as its raw lines.
printf '<<<<<<< ours\n        status: done\n=======\n        status: blocked\n>>>>>>> theirs\n' >"$tmp/markers"
sed '/^        status: in_progress$/{
r '"$tmp/markers"'
d
}' "$charter" >"$tmp/conflicted.yaml"
grep -q '^<<<<<<< ours$' "$tmp/conflicted.yaml" || fail "no markers in the conflicted copy"
"$bin" diff --textconv "$tmp/conflicted.yaml" >"$tmp/raw" 2>"$tmp/raw.err" || fail "textconv of a conflicted file failed"
cmp -s "$tmp/raw" "$tmp/conflicted.yaml" || fail "a conflicted file is not shown as its raw lines"

[ "$failures" -eq 0 ] || { echo "test_git_diff: $failures failure(s)" >&2; exit 1; }
