#!/bin/sh
# e2e: keys that cannot misfire in a meeting (issue 13): a count before a
# move (3j) moves and leaves the file byte for byte unchanged; a status is
# Space and then its choice (Esc writes nothing); the saved change stays in
# view; the invalid-file banner always shows the file's current first
# error (the stale-banner sequence), in full at 120 columns.
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_dashboard_meeting
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

file="$tmp/charter.yaml"
orig="$tmp/orig.yaml"
cp "$data" "$orig"
cp "$data" "$file"

start 120 40 --today "$TODAY" charter.yaml
wait_for "Overall" || finish
has "Space status" "the footer"
file_order 5 # the keys below walk the milestones in the file's order

# --- 3j: a count, never a status -----------------------------------------------------
keys 3 j Enter
wait_for "Milestone econ-customs-middle-corridor"
keys Escape 2 k 4 G 1 0 k Enter # the detail after them: they are done when it shows
wait_for "Milestone econ-constitute"
keys Escape
wait_gone "Milestone econ-constitute"
cmp -s "$orig" "$file" || fail "a count before a move changed the file"
[ -e "$file.history" ] && fail "a count before a move wrote a history line"

# --- Space, then the choice; Esc writes nothing ----------------------------------------
keys Space
wait_for "Status of econ-constitute (now done)"
has "1 not started  2 in progress  3 blocked  4 done  Esc cancel" "the status menu's footer"
keys Escape
wait_for "Status not changed"
cmp -s "$orig" "$file" || fail "Esc in the status menu changed the file"
keys 3 j Space b
wait_for "Saved: econ-customs-middle-corridor status 'in_progress' → 'blocked' (u undoes)"
keys j k l # (the focus shows where the moves are: done when it is back)
wait_for "▶ Energy"
keys h
wait_for "▶ Economy"
has "Saved: econ-customs-middle-corridor status 'in_progress' → 'blocked'" "the last change, after moves"
keys u
wait_for "Undone: status of econ-customs-middle-corridor"
cmp -s "$orig" "$file" || fail "undo did not restore the file"

# --- someone else's change names the title and every field changed ------------------------
LOGNAME=amina "$bin" set -q "$file" econ-customs-middle-corridor status=blocked notes="Waiting for the customs codes" \
	|| fail "amina's set failed"
wait_for "amina changed Streamline customs procedures for Middle… — status blocked, notes" 30
cp "$orig" "$file"
wait_for "14/39" 30

# --- the banner follows the file's current first error ---------------------------------
sed '0,/status: done/s//status: dnoe/' "$orig" >"$tmp/bad1.yaml"
cp "$tmp/bad1.yaml" "$file"
wait_for "charter.yaml:90:17: status 'dnoe' is not one of" 30
# fix that line, break a later one: the banner must move on
sed '0,/status: blocked/s//status: blokced/' "$orig" >"$tmp/bad2.yaml"
cp "$tmp/bad2.yaml" "$file"
wait_for "charter.yaml:233:17: status 'blokced' is not one of" 30
lacks ":90:17:" "the banner after the first error was fixed"
has "charter.yaml:233:17: status 'blokced' is not one of: not_started, in_progress, blocked, done (file on disk invalid)" \
	"the banner whole at 120 columns, in its shorter form"
cp "$orig" "$file"
wait_gone "file on disk invalid" 30

# --- CHARTERDASH_FILE names the dashboard's file too, as the commands' -------------------
keys q
expect_exit 0 "quit before CHARTERDASH_FILE"
cp "$orig" "$tmp/other.yaml"
CHARTERDASH_WRAPPER="CHARTERDASH_FILE=$tmp/other.yaml" start 120 40 --today "$TODAY"
wait_for "Overall"
keys m
wait_for "Meeting started at"
[ -s "$tmp/other.yaml.history" ] || fail "the dashboard did not open \$CHARTERDASH_FILE"

# --- the minutes (w): net changes, saved beside the file (s), in $PAGER (p) ---------------
keys q
expect_exit 0 "quit before the minutes"
printf '#!/bin/sh\ncat >"%s/paged.txt"\n' "$tmp" >"$tmp/pager.sh"
chmod +x "$tmp/pager.sh"
CHARTERDASH_WRAPPER="PAGER=$tmp/pager.sh" start 120 40 --today "$TODAY" charter.yaml
wait_for "Overall"
file_order 5
keys m
wait_for "Meeting started at"
keys 3 j Space b
wait_for "'blocked' (u undoes)"
keys u
wait_for "Undone: status of econ-customs-middle-corridor"
keys w
wait_for "Changes since the meeting started"
has ": 0 changes since (net: a change undone is none)" "the minutes of a change made and reverted"
lacks "* econ-customs-middle-corridor" "the minutes of a change made and reverted"
has "Agenda (due soon: within 14 days)" "the minutes' agenda"
LOGNAME=amina "$bin" set -q "$file" energy-civil-nuclear status=blocked || fail "amina's set failed"
wait_for "* energy-civil-nuclear (Open a civil nuclear" 30
has ": 1 change since" "the minutes after amina's change"
keys s
minutes="$tmp/charter.yaml.minutes-$TODAY.md"
wait_for "Minutes saved to"
[ -f "$minutes" ] || fail "s saved no $minutes"
grep -q "^- \*\*energy-civil-nuclear\*\* (Open a civil nuclear" "$minutes" || fail "the saved minutes lack the change"
grep -q "^## Agenda" "$minutes" || fail "the saved minutes lack the agenda"
[ "$(stat -c %a "$minutes")" = "$(stat -c %a "$file.history")" ] || fail "the minutes' mode is not the history's"
keys p
# (the list was on screen before p: the pager's file says when it ran)
wait_until grep -qs "energy-civil-nuclear (Open a civil nuclear" "$tmp/paged.txt" || fail "p gave the pager no minutes"
wait_for "Changes since the meeting started" 30
keys Escape q
expect_exit 0 "quit"
finish
