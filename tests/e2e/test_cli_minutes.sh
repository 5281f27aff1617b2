#!/bin/sh
# e2e: minutes that tell the result (issue 13). The minutes give the net
# effect per milestone and field between the meeting mark and now: a change
# made and reverted leaves nothing, and so does set-undo-redo-undo in the
# dashboard; a removed milestone is named by its title, an added one comes
# with its fields in one entry; everyone who made a change is named; and
# `minutes` without --since starts at the latest meeting mark.
# $1 = the binary (absolute), $2 = a scratch directory.
set -u
name=test_cli_minutes
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh" # fail, finish, and the tmux helpers
export LC_ALL=C.UTF-8 LOGNAME=facilitator
unset CHARTERDASH_FILE
run() { "$bin" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
ok() { [ "$rc" -eq 0 ] || fail "$1: exit $rc: $(cat "$tmp/err")"; }
out_has() { grep -q -e "$1" "$tmp/out" || { fail "$2: the minutes lack '$1'"; sed 's/^/  | /' "$tmp/out"; }; }
# (the changes: the minutes up to the state now and the agenda, which name milestones anyway)
out_lacks() { ! sed '/Current state (/q' "$tmp/out" | grep -q -e "$1" || { fail "$2: the minutes have '$1'"; sed 's/^/  | /' "$tmp/out"; }; }
changes() { sed -n 's/^Changes since .*: \([0-9]*\)$/\1/p' "$tmp/out"; }

cp "$data" "$tmp/charter.yaml"
cd "$tmp" || exit 1
run set --user early econ-roadmap owner='Trade co-chairs'
clock_past charter.yaml.history # history times have one-second resolution
run mark
ok "mark"

# Made and reverted, by two people: nothing.
run set --user amina conn-customs status=done
run set --user rashad conn-customs status=in_progress
# Changed twice: one entry, first old -> last new, both names.
run set --user amina sec-roadmap status=blocked
run set --user john sec-roadmap status=done
# Two fields, one of them changed back: only the other, and only its author.
run set --user amina energy-roadmap owner=Amina
run set --user john energy-roadmap notes='Draft circulated'
owner=$(sed -n '/- id: energy-roadmap$/,/- id:/s/^ *owner: //p' "$data")
run set --user amina energy-roadmap owner="$owner"
# Added with fields: one entry; removed: named by its title.
run add --user john --id energy-lng energy --title 'Joint LNG study' due=2027-03-01 owner=John
ok "add"
run set --user amina energy-lng status=in_progress
run rm --user amina sec-demining
ok "rm"
# Added and removed again: nothing at all.
run add --user john --id econ-tmp economy --title 'Temporary' due=2027-01-01
run rm --user john econ-tmp

run minutes --today 2026-12-02
ok "minutes without --since"
[ "$(changes)" = 4 ] || fail "expected 4 milestones changed, the minutes say '$(changes)'"
out_has "^## Meeting of 20[0-9-]* at [0-9:]* UTC, marked by facilitator$" "who marked the meeting"
out_has "^Changes since the meeting started: 4$" "how many milestones changed"
out_lacks "conn-customs" "a status changed and changed back"
out_lacks "econ-tmp\|Temporary" "a milestone added and removed again"
out_lacks "econ-roadmap" "a change before the meeting"
out_has "^- \*\*sec-roadmap\*\* (.*): status in progress → done — amina, john, " "first old -> last new"
out_has "^- \*\*energy-roadmap\*\* (.*): notes (none) → 'Draft circulated' — john, " "a field changed back leaves the other"
out_lacks "energy-roadmap.*owner" "an owner set and cleared"
out_has "^- \*\*energy-lng\*\* (Joint LNG study): added with due 2027-03-01, owner 'John', status in progress — john, amina, " \
	"an added milestone in one entry"
[ "$(grep -c 'energy-lng' "$tmp/out")" -eq 1 ] || fail "the added milestone has more than one entry"
title=$(sed -n '/- id: sec-demining$/{n;s/^ *title: //p}' "$data")
out_has "^- \*\*sec-demining\*\* ($title): removed — amina, " "a removed milestone named by its title"

# --since still works, and a later mark is where `minutes` starts.
run minutes --since 2000-01-01 --today 2026-12-02
out_has "econ-roadmap.*owner '.*' → 'Trade co-chairs' — early, " "--since a date"
clock_past charter.yaml.history
run mark
run set --user amina conn-customs owner='Customs WG'
run minutes --today 2026-12-02
[ "$(changes)" = 1 ] || fail "after a second mark: expected 1 change, got '$(changes)'"
out_has "conn-customs.*owner '.*' → 'Customs WG' — amina, " "since the latest mark"

# --- set, undo, redo, undo in the dashboard: nothing ------------------------------
clock_past charter.yaml.history
run mark
cp charter.yaml before.yaml
LOGNAME=amina start 120 40 --today "$TODAY" charter.yaml
wait_for "Overall" || finish
file_order 5
keys j j j Space 4 # econ-customs-middle-corridor: in_progress -> done
wait_for "Saved: econ-customs-middle-corridor status"
keys u
wait_for "Undone: status of econ-customs-middle-corridor"
keys C-r
wait_for "Redone: status of econ-customs-middle-corridor"
keys u
wait_for "Undone: status of econ-customs-middle-corridor"
keys q
cmp -s before.yaml charter.yaml || fail "set-undo-redo-undo did not leave the file as it was"
[ "$(grep -c econ-customs-middle-corridor charter.yaml.history)" -ge 4 ] ||
	fail "the dashboard's set, undo, redo and undo are not all in the history"
run minutes --today 2026-12-02
ok "minutes after set-undo-redo-undo"
[ "$(changes)" = 0 ] || fail "set-undo-redo-undo: expected no change, got '$(changes)'"
out_lacks "econ-customs-middle-corridor" "set-undo-redo-undo"
finish
