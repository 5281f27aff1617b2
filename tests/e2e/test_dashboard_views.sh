#!/bin/sh
# e2e: the agenda (A) and the timeline (T) in a real terminal at 80x24, in
# colour and then with --ascii --no-color (readable by glyphs and words
# alone): the agenda's sections on the shipped charter on 2026-12-02, Enter
# into a milestone and back; the timeline's lanes, markers, status line,
# zoom and the burn-up's "no history" note.
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_dashboard_views
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

TODAY=2026-12-02
cp "$data" "$tmp/charter.yaml"

for mode in colour plain; do
	if [ "$mode" = plain ]; then
		start 80 24 --ascii --no-color --today "$TODAY" "$tmp/charter.yaml"
	else
		start 80 24 --today "$TODAY" "$tmp/charter.yaml"
	fi
	wait_for "Overall" || finish

	# --- the agenda ----------------------------------------------------------
	keys A
	wait_for "Agenda for 2026-12-02"
	has "Overdue (3)" "$mode agenda"
	has "Security and Defence: Roadmap: adopt the security" "$mode agenda, the oldest overdue first"
	has "207 d late" "$mode agenda, days late"
	has "Blocked (1)" "$mode agenda"
	has "Connectivity: TRIPP" "$mode agenda, the blocked one"
	has "Due soon, the next 14 days (4)" "$mode agenda"
	has "Done recently, the last 14 days (0)" "$mode agenda"
	[ "$mode" = colour ] && check_alignment 80 # the checker reads box-drawing borders
	keys j j Enter # the third overdue one
	wait_for "Milestone conn-customs"
	keys Escape
	wait_for "Agenda for 2026-12-02"
	keys Escape
	wait_gone "Agenda for"

	# --- the timeline -----------------------------------------------------------
	keys T
	wait_for "Timeline by months"
	has "T today" "$mode timeline legend"
	has "D roadmap deadline" "$mode timeline legend"
	for lane in "Economy and" "Energy" "Connectivity" "Security and"; do
		has "$lane" "$mode timeline lane"
	done
	has "econ-ppp" "$mode timeline: the first milestone due from today"
	has "due 2026-12-04, 2 days left" "$mode timeline status line"
	[ "$mode" = colour ] && check_alignment 80
	capture
	axis=$(sed -n 7p "$screen")
	case "$axis" in
	*T*) ;;
	*) fail "$mode: today is not marked on the axis: '$axis'" ;;
	esac
	keys j # the next by due date
	wait_for "ai-data-centres"
	keys +
	wait_for "Timeline by weeks"
	keys - -
	wait_for "Timeline by quarters"
	has "R" "$mode: the review at quarters"
	keys b
	wait_for "Burn-up by quarters"
	# no history: the shipped completion dates draw the curve, bars up to today
	has "dots: due by then" "$mode: the burn-up's legend"
	lacks "no completion date" "$mode: every done milestone has its date"
	capture
	[ "$(grep -v '^Overall' "$screen" | grep -c -e "██" -e "##")" -ge 3 ] ||
		{ fail "$mode: the burn-up draws no bars without a history"; cat "$screen"; }
	keys b Enter
	wait_for "Milestone ai-data-centres"
	keys Escape Escape
	wait_gone "Timeline by"
	if [ "$mode" = plain ]; then
		capture
		grep -q '[┃┏━│─]' "$screen" && fail "plain: box-drawing characters with --ascii"
	fi
	keys q
	expect_exit 0 "$mode views"
done

finish
