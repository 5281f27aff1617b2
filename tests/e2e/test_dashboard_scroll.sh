#!/bin/sh
# e2e: a status change in a meeting never hides the open work (issue 21).
# On the shipped charter at 80x24, in the default attention order:
# Shift-Tab (to Security and Defence), Space 4 (its overdue roadmap done),
# Tab (to Economy and Trade). The done milestone goes to the bottom of its
# pane, the selection stays on the row (the next overdue milestone moves
# up into it), the message line says where the done one went, and after
# the Tab both panes show their first rows: the overdue "Framework for
# potential sales" is on screen. (Before: both panes showed only their ✓
# rows under "▲ 5 more".)
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_dashboard_scroll
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

file="$tmp/charter.yaml"
cp "$data" "$file"

start 80 24 --today 2026-12-07 charter.yaml
wait_for "Overall" || finish
keys BTab
keys Space
wait_for "Status of sec-roadmap" || finish
keys 4
wait_for "now row 8 of 8" || finish
has "Saved: sec-roadmap status 'in_progress' → 'done' (u undoes); now row 8 of 8" "the message line"
has "Framework for potential sales" "Security and Defence, its selection on the next row"
keys Tab
wait_for "▶ Economy and Trade" # the focus moved (the meter's focus mark at 80x24): the Tab is done
has "Framework for potential sales" "Security and Defence after the Tab"
has "Launch a public" "Economy and Trade's first row"
lacks "▲" "a pane scrolled away from its top"
keys q
finish
