#!/bin/sh
# e2e: following the facilitator (issue 13). amina marks the meeting and
# moves around; bob and carol run `charterdash --follow` (carol without a
# USER: whoever marked the latest meeting) under their own LOGNAMEs and
# show amina's pane, milestone and screen within a second, read-only;
# amina's header says "2 following"; a key other than navigation asks bob
# whether to stop following, and n keeps following. --follow zed, with
# nobody of that name here, says so and names who is (issue 21).
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_dashboard_follow
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

file="$tmp/charter.yaml"
cp "$data" "$file"
cp "$data" "$tmp/orig.yaml"
W=120 H=40

new_server
start_window amina "$W" "$H" "LOGNAME=amina" -- --today "$TODAY" charter.yaml
target=amina
wait_for "Overall" || finish
file_order 5 # the keys below walk the milestones in the file's order
keys m
wait_for "Meeting started at"
start_window bob "$W" "$H" "LOGNAME=bob" -- --today "$TODAY" --follow amina charter.yaml
start_window carol "$W" "$H" "LOGNAME=carol" -- --today "$TODAY" --follow charter.yaml
for u in bob carol; do
	target=$u
	wait_for "following amina" 30
	has "read-only" "$u's header"
done
target=amina
wait_for "2 following" 40

# amina goes to Connectivity's TRIPP milestone and opens it: both follow
keys l l 4 j Enter
wait_for "Milestone conn-tripp"
for u in bob carol; do
	target=$u
	wait_for "Milestone conn-tripp" 15 # within a second or so: ticks are 400 ms
done
target=amina
keys Escape z
for u in bob carol; do
	target=$u
	wait_gone "Milestone conn-tripp" 15
	wait_for "zoomed (z)" 15
done
target=amina
keys z w
for u in bob carol; do
	target=$u
	wait_for "Changes since the meeting started" 15
done
target=amina
keys Escape

# a follower's navigation is its own; anything else asks first
target=bob
wait_gone "Changes since the meeting started" 15
keys j l # (l, navigation too, moves the focus: both keys are done when it shows)
wait_for "▶ Artificial Intelligence"
lacks "Stop following" "bob after a navigation key"
keys e
wait_for "You are following amina. Stop following"
has "y stops following · n keeps following" "the question's keys"
keys n
wait_for "Still following amina"
keys Space
wait_for "Stop following"
keys y
wait_for "Stopped following amina"
lacks "· following amina" "bob's header after stopping"
target=amina
wait_for "1 following" 40

# --follow NAME with nobody of that name here: says so and names who is
start_window dave "$W" "$H" "LOGNAME=dave" -- --today "$TODAY" --follow zed charter.yaml
target=dave
wait_for "zed is not here (here: " 30
has "Nobody named zed has this file open; here: " "dave's message line"
has "amina@" "who is here"
lacks "following zed" "dave's header"
keys q
wait_for "EXIT=0" 30

cmp -s "$tmp/orig.yaml" "$file" || fail "following wrote to the file"
for u in amina bob carol; do
	target=$u
	keys q
	wait_for "EXIT=0" 30
done
finish
