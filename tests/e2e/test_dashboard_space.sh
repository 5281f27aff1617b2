#!/bin/sh
# e2e: how the dashboard uses the screen on the shipped charter on
# 2026-12-02 (issue 11): at 80x24, 120x40 and 200x60 it counts the
# characters of milestone titles shown and the lines that show nothing
# (tests/e2e/space_measure.py), and requires what the attention order, the
# time bar moved to the header and the wider grid gave: more title text,
# fewer empty lines, and at 80x24 every overdue milestone on the first
# screen.
#
# Before (main at 303e430, the same measure): 80x24 titles 210 blank 1,
# 120x40 titles 819 blank 14, 200x60 titles 2074 blank 23; no overdue
# milestone on the first 80x24 screen (each pane showed its two first,
# done, milestones).
# After: 80x24 titles 402 blank 1, 120x40 titles 1708 blank 6, 200x60
# titles 2074 blank 7 (every title whole at 200x60, before and after; the
# owners now show there too).
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

# size W H TITLES_BEFORE BLANK_BEFORE: measured, then compared with before
size() {
	start "$1" "$2" --today "$TODAY" "$data"
	wait_for "Overall" || return
	settle
	set -- "$1" "$2" "$3" "$4" $(python3 "$measure" "$data" "$screen")
	[ "$5" = titles ] && [ "$7" = blank ] || { fail "$1x$2: no measure: $*"; return; }
	echo "$1x$2: titles $6 blank $8 (before: titles $3 blank $4)"
	if [ "$3" -lt 2074 ]; then
		at_least "$1x$2" "the title text shown" "$6" $(($3 * 3 / 2))
	else # every title was whole already: it stays so
		at_least "$1x$2" "the title text shown" "$6" "$3"
	fi
	[ "$4" -gt 1 ] && at_most "$1x$2" "the empty lines" "$8" $(($4 / 2))
	at_most "$1x$2" "the empty lines" "$8" "$4"
	check_alignment "$1"
}

size 80 24 210 1
python3 "$measure" "$data" "$screen" --shows conn-customs sec-roadmap sec-defence-sales ||
	fail "80x24: an overdue milestone is not on the first screen"
keys q
size 120 40 819 14
has "Roadmap: adopt the security and defence implementation roadmap" "120x40: the last row's wide pane"
keys q
size 200 60 2074 23
has "Customs sub-group" "200x60: the owners"
keys q

finish
