#!/bin/sh
# e2e: how the dashboard uses the screen on the shipped charter on
# 2026-12-02, measured at 80x24, 120x40 and 200x60 by
# tests/e2e/space_measure.py (the characters of milestone titles shown, the
# lines that show nothing, the pane rows whose title is cut), against the
# goals of issue 21:
#   80x24   every group shows its name whole (or its `short:` name), bar,
#           count and state, and at least its 3 most urgent open milestones
#           with 30 title characters each, every overdue one included;
#   120x40  no blank row while any title is cut;
#   200x60  owners whole where the row has room, titles before owners.
#
# Issue 11's figures (main at 303e430): 80x24 titles 210 blank 1, 120x40
# titles 819 blank 14, 200x60 titles 2074 blank 23.
# Before issue 21 (main at dae0fc2, boxes everywhere; the same measures):
# 80x24 titles 402 blank 1 cut 12, 3 rows a pane with 21 title characters,
# "Artificial Intelligenc…"; 120x40 titles 1708 blank 6 cut 29; 200x60
# titles 2074 blank 7 cut 0, owners cut on 10 rows.
# After: 80x24 titles 875 blank 1 cut 20, meters (no boxes) in two
# columns, 5 rows a pane with 30 title characters and the short name "AI
# and Digital"; 120x40 titles 1634 blank 1 (the message line) cut 0, one
# column of meters, every title whole, 6 of each pane's 8 rows; 200x60
# titles 2074 blank 7 cut 0, boxes, titles and owners whole.
# The timeline (--timeline: blank rows inside its frame, rows with glyphs,
# rows with a title beside the glyph): before 80x24 blank 7 glyphs 5
# labelled 0, 120x40 blank 24 glyphs 5 labelled 0; after 80x24 blank 2
# glyphs 10 (two rows a lane), 120x40 blank 0 glyphs 29 labelled 29.
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_dashboard_space
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

TODAY=2026-12-02
measure="$root/tests/e2e/space_measure.py"

# at_least SIZE WHAT GOT MIN / at_most SIZE WHAT GOT MAX
at_least() { [ "$3" -ge "$4" ] || fail "$1: $2 is $3, expected at least $4"; }
at_most() { [ "$3" -le "$4" ] || fail "$1: $2 is $3, expected at most $4"; }

# size W H: the dashboard at W x H, measured; sets titles, blank, cut
size() {
	start "$1" "$2" --today "$TODAY" "$data"
	wait_for "Overall" || return 1
	settle
	set -- "$1" "$2" $(python3 "$measure" "$data" "$screen") $(python3 "$measure" "$data" "$screen" --cut)
	[ "$3" = titles ] && [ "$5" = blank ] && [ "$7" = cut ] || { fail "$1x$2: no measure: $*"; return 1; }
	titles=$4 blank=$6 cut=$8
	echo "$1x$2: titles $titles blank $blank cut $cut"
	check_alignment "$1"
}

# timeline W H: the timeline's frame measured; sets tl_blank, tl_glyphs, tl_labelled
timeline() {
	keys T
	wait_for "Timeline by months" || return 1
	settle
	set -- $(python3 "$measure" "$data" "$screen" --timeline)
	[ "$1" = blank ] || { fail "no timeline measure: $*"; return 1; }
	tl_blank=$2 tl_glyphs=$4 tl_labelled=$6
	echo "timeline: blank $tl_blank rows with milestones $tl_glyphs labelled $tl_labelled"
}

size 80 24
timeline && at_most "80x24 timeline" "the blank rows inside the frame" "$tl_blank" 2 # before: 7
keys -
wait_for "Timeline by quarters"
grep '┼' "$screen" | grep -q 'R' || fail "80x24 quarters: the axis does not reach the review at the span's end"
keys Escape
wait_gone "Timeline by"
at_least 80x24 "the title text shown" "$titles" 603 # half as much again as before (402)
python3 "$measure" "$data" "$screen" --urgent "$TODAY" 3 30 ||
	fail "80x24: a group's name or its most urgent open milestones are not there whole enough (see above)"
python3 "$measure" "$data" "$screen" --shows conn-customs sec-roadmap sec-defence-sales ||
	fail "80x24: an overdue milestone is not on the first screen"
check_against_report "$data"
keys q

size 120 40
# a labelled Gantt: a row per milestone (before: 5 lanes, 5 rows of 25, no titles)
timeline && at_least "120x40 timeline" "the rows with titles beside their glyphs" "$tl_labelled" 20
keys Escape
wait_gone "Timeline by"
# the one line that shows nothing is the empty message line
[ "$cut" -eq 0 ] || at_most 120x40 "the empty lines while $cut titles are cut" "$blank" 1
has "Roadmap: adopt the security and defence implementation roadmap" "120x40: the longest titles whole"
check_against_report "$data"
keys q

size 200 60
at_least 200x60 "the title text shown" "$titles" 2074 # every title was whole already: it stays so
[ "$cut" -eq 0 ] || fail "200x60: $cut titles cut"
python3 "$measure" "$data" "$screen" --owners || fail "200x60: an owner is cut on a row with room"
has "Customs sub-group (U.S. CBP / State Customs Committee)" "200x60: the longest owners whole"
keys q

finish
