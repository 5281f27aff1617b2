#!/bin/sh
# e2e: the mouse, off by default (text selection keeps working) and on with
# --mouse or M: a click focuses a pane and selects the milestone under it, a
# double click opens its details, the wheel scrolls. Clicks are typed into
# the pane as the SGR (1006) reports a terminal sends.
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_dashboard_mouse
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

# click X Y [release]: 1-based cell, as terminals report them
click() {
	keys -l "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' "$1" "$2" "$1" "$2")"
}
wheel() { # wheel X Y up|down
	b=64
	[ "$3" = down ] && b=65
	keys -l "$(printf '\033[<%d;%d;%dM' "$b" "$1" "$2")"
}

# At 120x40 the panes are one column of meters (every title whole), each a
# line with its name and 6 milestone lines: economy from line 5 (four
# header lines: the roadmap outcome leaves no room for the review beside
# it), energy from 12, connectivity from 19.
start 120 40 --today "$TODAY" --mouse "$data"
wait_for "Overall" || finish
file_order 5 # rows in the file's order
click 30 21 # connectivity, second milestone
wait_for "▶ Connectivity" # the click taken: past the double-click interval
keys Enter
wait_for "Milestone conn-priority-projects"
keys Escape
wait_gone "Milestone conn"
click 90 15
click 90 15 # a double click on energy's third milestone
wait_for "Milestone energy-roadmap"
keys Escape
wait_gone "Milestone energy"
wheel 10 8 down # the wheel over economy: three rows down, focus follows
wait_for "▶ Economy"
keys Enter
wait_for "Milestone econ-customs-middle-corridor"
keys Escape
keys M
wait_for "Mouse off"
keys q
expect_exit 0 "mouse"

# off by default (a terminal then sends no reports); M turns it on and off
start 120 40 --today "$TODAY" "$data"
wait_for "Overall" || finish
file_order 5
keys M
wait_for "Mouse on"
click 30 21
click 30 21
wait_for "Milestone conn-priority-projects"
keys Escape M
wait_for "Mouse off"
keys q
expect_exit 0 "M"

finish
