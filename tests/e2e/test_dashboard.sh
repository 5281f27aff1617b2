#!/bin/sh
# e2e: the dashboard on the shipped charter at 120x40, driven by keys as a
# person would: every group's numbers equal `charterdash report`, the
# header, the detail view, moving between panes, help, search with its
# count, the three filters, the three sort orders, zoom, and a clean quit.
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_dashboard
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

python=/usr/bin/python3
[ -x "$python" ] || python=python3

start 120 40 --today "$TODAY" "$data"
wait_for "Overall" || finish

# --- what is on the screen ----------------------------------------------------
check_against_report "$data"
check_alignment 120
has "United States–Azerbaijan Strategic Partnership Charter"
has "Today 2026-11-26"
has "Signed 2026-02-09"
has "Roadmap phase closed 2026-05-09: 11 on time · 3 late (last 2026-06-02) · 1 open"
has "Next annual review 2027-02-09 (in 75 days)"
has "14/39  35%  overdue   3 overdue · 1 blocked · 1 due soon" "the header's attention buckets (sec-defence-sales, blocked and late, is overdue only)"
lacks "201d past" "the panes (the time bar is the header's, and only before the deadline)"
has "!  6 d late" "the overdue milestone's mark"
has "in 8 d" "an open milestone's due date in days"
has "done on time" "a done milestone done on time"
for hint in "Enter details" "/ search" "f filter" "z zoom" "A agenda" "T timeline" "? help" "q quit"; do
	has "$hint" "the footer"
done
# attention order: in each pane the overdue, blocked and due-soon work
# first, done last; the first row of the first group is selected
settle
capture -e
grep "Launch a public–priva" "$screen" | head -n 1 | grep -q "$(printf '\033')\[[0-9;]*7m" ||
	fail "the first milestone in attention order is not shown selected"
capture
# (one column of meters at 120x40: every title whole)
first_rows=$(grep -oE '^(┃ | )[✗◐○✓] [^ ]* [^ ]*' "$screen" | head -n 3 | sed -E 's/^(┃ | )[^ ]* //' | tr '\n' '|')
[ "$first_rows" = "Launch a|Streamline customs|Publish a|" ] ||
	fail "economy's first rows are not in attention order: $first_rows"
grep -qE '^(┃ | )✓ Constitute the working group and hold its first meeting ' "$screen" ||
	fail "the done milestones are not listed"
row_of() { grep -n -- "$1" "$screen" | head -n 1 | cut -d: -f1; }
[ "$(row_of 'Roadmap: adopt the se')" -lt "$(row_of 'Expand counter-terr')" ] ||
	fail "security's overdue roadmap is not above its open work"
keys Enter
wait_for "Milestone econ-ppp"
keys Escape
wait_gone "Milestone econ-ppp"

# --- detail view (the panes in file order from here) ------------------------------
file_order 5
keys Enter
wait_for "Milestone econ-constitute"
has "Constitute the working group and hold its first meeting" "detail"
has "✓ done" "detail status"
has "2026-03-13, 258 days past" "detail due"
has "Co-chairs (Commerce / Ministry of Economy)" "detail owner"
# on track since issue 11: nothing of economy is overdue or blocked, and the
# only milestone due within 14 days (econ-ppp) is in progress; issue 2's
# elapsed-share rule called it at risk
has "Economy and Trade (economy): 3/8  37%, on track" "detail group"
has "Esc back" "detail footer"
check_alignment 120
keys Escape
wait_gone "Milestone econ-constitute"
keys j j Enter
wait_for "Milestone econ-roadmap"
has "(the roadmap deadline: no due date of its own)" "default due date"
has "Adopted about two weeks after the deadline" "notes"
keys q
wait_gone "Milestone econ-roadmap"

# --- moving between panes ---------------------------------------------------------
keys l g Enter # the same row of energy (a pane change keeps the row), then its first
wait_for "Milestone energy-constitute"
keys Escape Tab g Enter
wait_for "Milestone conn-constitute"
keys Escape BTab BTab 3 G Enter
wait_for "Milestone econ-roadmap" # back in economy, its third row
keys Escape G Enter
wait_for "Milestone econ-annual-meeting"
has "This group hosts the secretariat" "folded notes"
keys Escape j Enter # past the bottom: into the pane below (one column at 120)
wait_for "Milestone energy-constitute"
keys Escape k Enter # and back up: the last row of the first screen above (6 of 8)
wait_for "Milestone econ-ppp"
keys Escape g
wait_gone "Milestone"

# --- help ---------------------------------------------------------------------------
keys '?'
wait_for "Help: keys"
has "search titles, owners and notes in all groups" "help (from the key table)"
has "zoom the pane to the whole screen and back" "help"
has "PgUp PgDn" "help"
keys End
wait_for "What you see"
has "overdue: past its due date and not done" "help legend"
keys Escape
wait_gone "Help: keys"

# --- search -------------------------------------------------------------------------
want=$("$python" -c '
import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
ms = [m for g in d["working_groups"] for m in (g.get("milestones") or [])]
print(sum(1 for m in ms if any("roadmap" in str(m.get(k) or "").lower() for k in ("title", "owner", "notes"))))
' "$data")
keys /
keys -l RoadMap
wait_for "/RoadMap  $want matches"
keys Enter
wait_for "$want matches: n next, N previous"
wait_for "/RoadMap: 1 of $want"
keys n
wait_for "/RoadMap: 2 of $want"
keys N N
wait_for "/RoadMap: $want of $want" # wrapped
settle
capture -e
grep -q "$(printf '\033')\[[0-9;]*m[Rr]oadmap" "$screen" || fail "matches are not highlighted"
keys Escape
wait_for "Search cleared"
lacks "/RoadMap:"
keys / ; keys -l zzzz-nothing ; keys Enter
wait_for "No match for \"zzzz-nothing\""
keys Escape

# --- filter: status -------------------------------------------------------------------
keys f
wait_for "Show milestones that are"
has "[x] ○ not started" "filter menu"
keys Space j Space j j Space # leave only "blocked"
wait_for "[ ] ✓ done"
keys Escape
wait_gone "Show milestones that are"
wait_for "Filter: blocked (c clears)"
has "none match the filter" "an empty filtered pane"
has "1 of 7 shown" "connectivity's share"
has "TRIPP: agree the mult" "the blocked milestone"
lacks "Constitute the workin" "a blocked-only view"
# the panes left with nothing collapse to one line (economy and energy, the
# first grid row), the others keep the group's own numbers
has "Economy and Trade · none match the filter" "a collapsed pane"
[ "$(grep -c 'none match the filter' "$screen")" -eq 3 ] || fail "not three collapsed panes"
check_against_report "$data" --some
keys c
wait_for "Filter and search cleared"
lacks "Filter:"

# --- filter: overdue only ---------------------------------------------------------------
keys f
wait_for "overdue (past due, not done)"
keys j j j j Space
wait_for "[x] overdue"
keys Escape
wait_gone "Show milestones that are"
wait_for "Filter: overdue (c clears)"
has "Harmonise customs pro" "overdue filter"
has "Roadmap: adopt the se" "overdue filter"
has "Framework for potenti" "overdue filter"
lacks "Constitute the workin" "overdue filter"
keys c
wait_for "Filter and search cleared"

# --- filter: owner ----------------------------------------------------------------------
owner=$("$python" -c '
import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
print(sorted({m["owner"] for g in d["working_groups"] for m in (g.get("milestones") or []) if m.get("owner")})[0])
' "$data")
keys f
wait_for "any owner"
keys j j j j j j Space
wait_for "(•) Charter"
keys Escape
wait_gone "Show milestones that are"
wait_for "Filter: owner $(echo "$owner" | cut -c 1-30)"
keys c
wait_for "Filter and search cleared"

# --- sort (zoomed, to see every row) ------------------------------------------------------
keys h h h h h # the search moved the focus: back to the first pane
keys z
wait_for "zoomed (z)"
has "Constitute the working group and hold its first meeting" "zoom shows whole titles"
lacks "Energy" "zoom shows one pane"
keys s
wait_for "sorted by due date"
settle
dates=$(grep '^┃' "$screen" | grep -o '[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]')
[ "$(echo "$dates" | wc -l)" -eq 8 ] || fail "zoomed pane does not show its 8 dates: $dates"
[ "$dates" = "$(echo "$dates" | sort)" ] || fail "not sorted by due date: $dates"
has "by due date" "the pane's border"
keys s
wait_for "sorted by status"
settle
glyphs=$(grep '^┃ [✗◐○✓] ' "$screen" | cut -c 5-7 | tr -d '\n')
# blocked, in progress, not started, done: economy has no blocked one
case "$glyphs" in
◐◐○○○✓✓✓) ;;
*) fail "not sorted by status: $glyphs" ;;
esac
keys s
wait_for "sorted by attention"
settle
glyphs=$(grep '^┃ [✗◐○✓] ' "$screen" | cut -c 5-7 | tr -d '\n')
# due soon (econ-ppp, 8 days), the rest by due date, done last
case "$glyphs" in
◐◐○○○✓✓✓) ;;
*) fail "not in attention order: $glyphs" ;;
esac
lacks "┗━ by" "the border of a pane in the default order"
keys s
wait_for "sorted by file order"
keys z
wait_gone "zoomed (z)"
wait_for "Energy"
check_against_report "$data"

# --- quit ---------------------------------------------------------------------------------
keys q
expect_exit 0 "q"

finish
