#!/bin/sh
# e2e: the command line's conventions (issue 13):
#   - every command works on ./charter.yaml when FILE is left out, on
#     $CHARTERDASH_FILE when that is set, and still on a FILE given first;
#   - `set`/`add` take relative due dates, say the absolute date on stderr
#     before saving and store that date;
#   - a mistyped milestone id, group id or field gets "did you mean".
# $1 = the binary (absolute), $2 = a scratch directory.
set -u
bin=$1 tmp=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
export LC_ALL=C LOGNAME=amina
unset CHARTERDASH_FILE
failures=0
fail() { echo "test_cli_file: FAIL: $*" >&2; failures=$((failures + 1)); }
run() { "$bin" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
expect_rc() { [ "$rc" -eq "$1" ] || { fail "$2: exit $rc, expected $1"; sed 's/^/  stderr: /' "$tmp/err" >&2; }; }
out_has() { grep -q -e "$1" "$tmp/out" || { fail "$2: stdout lacks '$1'"; sed 's/^/  stdout: /' "$tmp/out" >&2; }; }
err_has() { grep -q -e "$1" "$tmp/err" || { fail "$2: stderr lacks '$1'"; sed 's/^/  stderr: /' "$tmp/err" >&2; }; }
err_lacks() { ! grep -q -e "$1" "$tmp/err" || fail "$2: stderr has '$1'"; }
due_of() { # FILE ID: the due line of milestone ID
	sed -n "/- id: $2\$/,/- id:/p" "$1" | sed -n 's/^ *due: //p'
}

mkdir "$tmp/meeting" "$tmp/other"
cp "$here/data/charter.yaml" "$tmp/meeting/charter.yaml"
cp "$here/data/charter.yaml" "$tmp/other/elsewhere.yaml"
cd "$tmp/meeting" || exit 1

# --- FILE left out: ./charter.yaml --------------------------------------------
run check
expect_rc 0 "check, no FILE"
out_has "^charter.yaml: ok: 5 working groups" "check, no FILE"
run report --today 2026-12-02
expect_rc 0 "report, no FILE"
out_has "^Overall" "report, no FILE"
run ids --groups
expect_rc 0 "ids, no FILE"
[ "$(head -1 "$tmp/out")" = economy ] || fail "ids, no FILE: first group is not economy"
run set econ-ppp status=blocked
expect_rc 0 "set ID FIELD=VALUE, no FILE"
out_has "^charter.yaml: econ-ppp status: " "set, no FILE"
grep -q "status: blocked" charter.yaml || fail "set, no FILE: ./charter.yaml not changed"
run add --id econ-extra economy --title 'Extra study' owner=Amina
expect_rc 0 "add GROUP, no FILE"
grep -q "id: econ-extra" charter.yaml || fail "add, no FILE: ./charter.yaml not changed"
run rm econ-extra
expect_rc 0 "rm ID, no FILE"
! grep -q "id: econ-extra" charter.yaml || fail "rm, no FILE: the milestone is still there"
run mark
expect_rc 0 "mark, no FILE"
run log --id econ-ppp
expect_rc 0 "log, no FILE"
out_has "econ-ppp status: .* -> 'blocked'" "log, no FILE"
run minutes
expect_rc 0 "minutes, no FILE"

# --- the explicit forms keep working, FILE first ----------------------------------
other=$tmp/other/elsewhere.yaml
run set "$other" econ-ppp owner=Rashad
expect_rc 0 "set FILE ID FIELD=VALUE"
grep -q "owner: Rashad" "$other" || fail "set FILE: the named file not changed"
! grep -q "owner: Rashad" charter.yaml || fail "set FILE: ./charter.yaml changed instead"
run set "$other" econ-ppp
expect_rc 2 "set FILE ID without FIELD=VALUE"
err_has "expected \[FILE\] ID FIELD=VALUE" "set FILE ID without FIELD=VALUE"
cp charter.yaml "$tmp/kept"
run add charter.yaml --title 'No group'
expect_rc 2 "add FILE without GROUP-ID"
err_has "expected \[FILE\] GROUP-ID --title" "add FILE without GROUP-ID"
run rm charter.yaml
expect_rc 2 "rm FILE without ID"
cmp -s charter.yaml "$tmp/kept" || fail "a FILE without its operand changed the file"
run report "$other" "$other"
expect_rc 2 "report FILE FILE"
err_has "give one FILE at most" "report FILE FILE"

# --- CHARTERDASH_FILE overrides ./charter.yaml ------------------------------------
CHARTERDASH_FILE=$other run set econ-ppp notes='from the environment'
expect_rc 0 "set with CHARTERDASH_FILE"
grep -q "notes: from the environment" "$other" || fail "CHARTERDASH_FILE: its file not changed"
! grep -q "from the environment" charter.yaml || fail "CHARTERDASH_FILE: ./charter.yaml changed"
CHARTERDASH_FILE=$tmp/none.yaml run check
expect_rc 1 "CHARTERDASH_FILE naming no file"
err_has "none.yaml: error: cannot open" "CHARTERDASH_FILE naming no file"
cd "$tmp/other" || exit 1
run report
expect_rc 2 "no FILE and no ./charter.yaml"
err_has "no FILE given and no ./charter.yaml here" "no FILE and no ./charter.yaml"
cd "$tmp/meeting" || exit 1

# --- relative due dates ---------------------------------------------------------
run set --today 2026-12-02 econ-ppp due=+1w
expect_rc 0 "set due=+1w"
err_has "^charterdash set: due +1w is 2026-12-09$" "set due=+1w says the date"
[ "$(due_of charter.yaml econ-ppp)" = 2026-12-09 ] || fail "due=+1w: stored '$(due_of charter.yaml econ-ppp)'"
run set --today 2027-01-31 econ-ppp due=+1m
err_has "due +1m is 2027-02-28" "+1m from 01-31 is clamped"
run set --today 2026-12-02 econ-ppp due=friday
err_has "due friday is 2026-12-04" "due=friday"
[ "$(due_of charter.yaml econ-ppp)" = 2026-12-04 ] || fail "due=friday: stored '$(due_of charter.yaml econ-ppp)'"
run set --today 2026-12-02 econ-ppp due=wed
err_has "due wed is 2026-12-09" "due=wed on a Wednesday is next week's"
run set --today 2026-12-02 econ-ppp due=eom
[ "$(due_of charter.yaml econ-ppp)" = 2026-12-31 ] || fail "due=eom: stored '$(due_of charter.yaml econ-ppp)'"
run add --today 2026-12-02 --id econ-dated economy --title 'Dated study' due=tomorrow
expect_rc 0 "add due=tomorrow"
err_has "^charterdash add: due tomorrow is 2026-12-03$" "add due=tomorrow says the date"
[ "$(due_of charter.yaml econ-dated)" = 2026-12-03 ] || fail "add due=tomorrow: stored '$(due_of charter.yaml econ-dated)'"
tail -1 charter.yaml.history | grep -q '"new":"2026-12-03"' || fail "the history does not hold the absolute date"
run set --today 2026-12-02 --quiet econ-ppp due=+2d
[ ! -s "$tmp/err" ] || fail "--quiet still says the date"
run set econ-ppp due=2027-01-15
err_lacks "due .* is" "an absolute date is not echoed"
# '~' is no date yet (README, man page), not a relative date to resolve
run set --today 2026-12-02 econ-ppp "due=~"
expect_rc 0 "set due='~'"
err_lacks "not a valid date" "due='~' is refused as a relative date"
grep -A4 "id: econ-ppp" charter.yaml | grep -q "^ *due: ~$" || fail "due='~' does not write due: ~"
run add --today 2026-12-02 --id econ-undated economy --title 'Undated study' "due=~"
expect_rc 0 "add due='~'"
grep -A4 "id: econ-undated" charter.yaml | grep -q "^ *due: ~$" || fail "add due='~' does not write due: ~"

cp charter.yaml "$tmp/before"
run set econ-ppp due=+1y
expect_rc 1 "due=+1y"
err_has "due '+1y' is not a valid date: expected YYYY-MM-DD, +Nd" "due=+1y"
cmp -s charter.yaml "$tmp/before" || fail "a bad relative date changed the file"
run set --today 2026-12-02 --dry-run econ-ppp due=+3d
out_has "^+ *due: 2026-12-05" "--dry-run shows the absolute date in the diff"

# --- did you mean ---------------------------------------------------------------
run set econ-pp status=done
expect_rc 1 "mistyped id"
err_has "no milestone with id 'econ-pp' (did you mean 'econ-ppp'?)" "mistyped id"
run rm ECON-PPP
err_has "(did you mean 'econ-ppp'?)" "id in the wrong case"
run set conn-roadmp status=done
err_has "(did you mean 'conn-roadmap'?)" "set conn-roadmp"
run set zzz-nothing-alike status=done
err_has "no milestone with id 'zzz-nothing-alike'$" "no near id: no suggestion"
run add enrgy --title 'Rail study'
err_has "no working group with id 'enrgy' (did you mean 'energy'?)" "mistyped group"
run set econ-ppp onwer=Amina
expect_rc 2 "mistyped field"
err_has "unknown field 'onwer' (did you mean 'owner'?)" "mistyped field"
cmp -s charter.yaml "$tmp/before" || fail "the mistyped commands changed the file"

if [ "$failures" -ne 0 ]; then
	echo "test_cli_file: $failures failure(s)" >&2
	exit 1
fi
echo "test_cli_file: ok"
