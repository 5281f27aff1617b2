#!/bin/sh
# e2e-run: slow (tests/e2e/run.sh starts it among the first)
# e2e: the dashboard under a resize storm and under pastes.
#   - 50 resizes in a tight loop (well within a second; sizes from 1x1 to
#     300x100): the screen is right at the final size (numbers as the
#     report has them, borders aligned) and keys still work; again with the
#     dashboard in a small pane of a split window, resized pane by pane.
#   - 10,000 characters pasted (tmux paste-buffer -p: bracketed paste, as
#     a terminal's paste arrives) into the line editor: the editor keeps up
#     and scrolls, Enter saves, and the title reads back exactly through
#     `charterdash report --format json`; the file still checks.
#   - a paste holding control characters and terminal escape sequences
#     (colours, a window title, Esc, bell, tab, a line break, digits that
#     are status keys outside the editor): the editor stays open, only text
#     reaches the field (tabs and line breaks as spaces), nothing else in
#     the file changes; the search prompt takes a paste as text; a paste on
#     the main view runs no commands and says it was ignored.
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_terminal_stress
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

file="$tmp/charter.yaml"
cp "$data" "$file"

# storm W H...: one resize-window per pair, as fast as tmux takes them
# (50 take about 0.4 s here); counts them in $resizes.
storm() {
	resizes=0
	while [ $# -ge 2 ]; do
		T resize-window -x "$1" -y "$2"
		resizes=$((resizes + 1))
		shift 2
	done
}
# 49 sizes from 1x1 to 300x100, the final one comes after them
SIZES="1 1 300 100 20 5 80 24 1 1 40 10 33 11 2 2 200 50 31 9
100 30 1 1 120 40 32 10 5 80 80 5 1 1 250 90 60 20 1 1
7 7 90 30 1 1 20 5 300 100 1 1 44 12 10 3 1 1 150 45
1 100 300 1 1 1 32 9 31 10 64 20 1 1 3 3 280 70 1 1
81 25 79 23 1 1 40 10 1 2 2 1 300 100 1 1 36 12"

# --- a resize storm ------------------------------------------------------------------
start 80 24 --today "$TODAY" charter.yaml
wait_for "Overall" || finish
file_order 5
keys l j Enter # energy-priority-projects (seen before the storm: keys are
wait_for "Milestone energy-priority-projects" # dropped while too small)
keys Escape
wait_gone "Milestone energy-priority"
storm $SIZES 100 30
[ "$resizes" -eq 50 ] || fail "the storm was $resizes resizes, not 50"
kill -0 "$(cat "$tmp/pid")" || fail "the storm killed the dashboard"
wait_for "Next annual review 2027-02-09 (in 75 days)"
check_against_report "$file"
check_alignment 100
[ "$(wc -l <"$screen")" -le 30 ] || fail "after the storm: more than 30 lines"
keys Enter
wait_for "Milestone energy-priority-projects"
keys Escape
wait_gone "Milestone energy-priority"
keys q
expect_exit 0 "quit after the storm"

# --- the same in a small pane ------------------------------------------------------------
start 80 24 --today "$TODAY" charter.yaml
wait_for "Overall" || finish
target=%0 # the dashboard; a shell beside it takes the rest of the window
T split-window -h -l 44 -t %0 "exec sleep 600"
T select-pane -t %0
wait_for "Roadmap closed 2026-05-09"
file_order 5
keys l j Enter
wait_for "Milestone energy-priority-pr"
keys Escape
wait_gone "Milestone energy-priority"
storm $SIZES
[ "$resizes" -eq 49 ] || fail "the storm was $resizes resizes, not 49"
for s in 1 20 3 60 2 34 1 35; do # and the pane itself, down to one column
	T resize-pane -t %0 -x "$s"
done
T resize-window -x 80 -y 12
T resize-pane -t %0 -x 36
kill -0 "$(cat "$tmp/pid")" || fail "the storm killed the dashboard in a small pane"
[ "$(T display-message -p -t %0 '#{pane_width}x#{pane_height}')" = 36x12 ] ||
	fail "the pane is $(T display-message -p -t %0 '#{pane_width}x#{pane_height}'), not 36x12"
wait_for "Roadmap closed 2026-05-09"
wait_for "Energy"
has "3/8  37%" "the small pane's focused group"
check_alignment 36
[ "$(wc -l <"$screen")" -le 12 ] || fail "small pane: more than 12 lines"
keys Enter
wait_for "Milestone energy-priority-pr"
has "Identify priority energy" "the detail view in a small pane"
keys Escape q
wait_for "EXIT=0"
target=""

# --- 10,000 characters pasted into the line editor -----------------------------------------
# printable ASCII with YAML's troublemakers (quotes, backslashes, ': ', ' #'),
# a few non-ASCII characters, no leading or trailing space
python3 -c '
import random, sys
random.seed(7)
alphabet = [chr(c) for c in range(33, 127)] + [" "] * 12 + ["é", "ş", "ə", "中", "—"]
s = "".join(random.choice(alphabet) for _ in range(9995))
sys.stdout.write("<" + s.replace("\n", " ") + "END>")' >"$tmp/long.txt"
[ "$(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read()))' "$tmp/long.txt")" = 10000 ] ||
	fail "the long text is not 10,000 characters"
cp "$file" "$tmp/before.yaml"
start 100 30 --today "$TODAY" charter.yaml
wait_for "Overall" || finish
file_order 5 # econ-constitute first
keys e
wait_for "Edit econ-constitute"
keys C-u
T load-buffer "$tmp/long.txt"
T paste-buffer -p
wait_for "END>" 100 # the cursor at the end: the text scrolled to its tail
has "‹" "the scrolled editor's left mark"
keys Home # still responsive: back to the start
wait_for "<$(head -c 20 "$tmp/long.txt" | cut -c 2-10)"
keys Enter
wait_for "Saved: econ-constitute title"
kill -0 "$(cat "$tmp/pid")" || fail "the dashboard died saving a 10,000-character title"
keys Enter # the detail view wraps the long title
wait_for "Milestone econ-constitute"
keys Escape q
expect_exit 0 "quit after the long paste"
"$bin" report --format json --today "$TODAY" "$file" >"$tmp/report.json" || fail "report after the long title"
python3 - "$tmp/report.json" "$tmp/long.txt" <<'EOF' || fail "the long title does not read back exactly"
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
want = open(sys.argv[2], encoding="utf-8").read()
got = [m["title"] for g in report["groups"] for m in g["milestones"] if m["id"] == "econ-constitute"][0]
if got != want:
    print("title: %d characters, want %d; first difference at %d" % (len(got), len(want),
          next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))))
    sys.exit(1)
EOF
"$bin" check "$file" >"$tmp/check.out" 2>&1 || fail "the file does not check after the long title: $(cat "$tmp/check.out")"
[ "$(diff "$tmp/before.yaml" "$file" | grep -c '^[<>]')" -eq 2 ] || fail "the long title changed more than one line"
[ "$(grep -c '"field":"title"' "$file.history")" -eq 1 ] || fail "expected one history line for the title"

# --- control characters and escape sequences in a paste -----------------------------------------
cp "$data" "$file"
rm -f "$file.history"
# Esc[31m / Esc[0m: colours; Esc]0;...BEL: a window title; Esc(B: a
# character set; EscP...Esc-backslash: a device control string; BEL, SOH,
# a lone Esc, DEL, a tab, a line break; "3" and "m" are commands outside
printf 'abc\033[31mred\033[0m\007 bell\001x\ttab\033]0;title\007end\033(B 3m\033P1$r\033\\\033\177\nline2' >"$tmp/ctl.txt"
start 100 30 --today "$TODAY" charter.yaml
wait_for "Overall" || finish
file_order 5 # econ-constitute first
keys e
wait_for "Edit econ-constitute"
keys C-u
T load-buffer "$tmp/ctl.txt"
T paste-buffer -p
wait_for "line2"
has "Edit econ-constitute" "the editor after pasting control characters"
has "abcred bellx tabend 3m line2" "the pasted text in the editor"
keys Enter
wait_for "Saved: econ-constitute title"
keys q
expect_exit 0 "quit after pasting control characters"
grep -q "^        title: abcred bellx tabend 3m line2$" "$file" ||
	fail "the title is not the pasted text without its controls: $(grep -n 'abc' "$file" | cat -v)"
if LC_ALL=C grep -q '[[:cntrl:]]' "$file"; then
	fail "control characters reached the file:"
	LC_ALL=C grep -n '[[:cntrl:]]' "$file" | cat -v
fi
[ "$(diff "$data" "$file" | grep -c '^[<>]')" -eq 2 ] || { fail "the paste changed more than the title:"; diff "$data" "$file"; }
[ "$(wc -l <"$file.history")" -eq 1 ] || { fail "the paste made more than one change:"; cat "$file.history"; }

# pasted on the main view: nothing runs (3 would set a status, m mark a meeting, q quit)
cp "$data" "$file"
rm -f "$file.history"
start 100 30 --today "$TODAY" charter.yaml
wait_for "Overall" || finish
T load-buffer "$tmp/ctl.txt"
T paste-buffer -p
printf 'q3m D y' >"$tmp/keys.txt"
T load-buffer "$tmp/keys.txt"
T paste-buffer -p
wait_for "Pasted text is ignored here"
kill -0 "$(cat "$tmp/pid")" || fail "a paste on the main view quit the dashboard"
# the search prompt takes a paste as text
keys /
printf 'corri\033[1mdor' >"$tmp/search.txt"
T load-buffer "$tmp/search.txt"
T paste-buffer -p
keys Enter
wait_for "matches: n next"
keys q
expect_exit 0 "quit after pasting on the main view"
cmp -s "$data" "$file" || { fail "a paste on the main view changed the file:"; diff "$data" "$file"; }
[ ! -e "$file.history" ] || { fail "a paste on the main view made changes:"; cat "$file.history"; }

# --- a terminal without bracketed paste ------------------------------------------------
# screen-256color has no paste marks: a paste arrives as plain keys. The
# escape sequences in it (colour, window title, SS3) are still dropped as
# sequences, so their Esc does not cancel the editor and the text after it
# does not run as commands; a lone Esc still cancels.
cp "$data" "$file"
rm -f "$file.history"
DASH_TERM=screen-256color start 100 30 --today "$TODAY" charter.yaml
wait_for "Overall" || finish
file_order 5 # econ-constitute first
keys e
wait_for "Edit econ-constitute"
keys C-u
keys -l "$(printf 'red\033[31m 3m \033]0;title\007do\033OPne\033[0m')" # \eOP: F1 as SS3
wait_for "red 3m done"
has "Edit econ-constitute" "the editor after escape sequences typed without paste marks"
keys Enter
wait_for "Saved: econ-constitute title"
keys e
wait_for "Edit econ-constitute"
keys Escape
wait_for "Cancelled: nothing was written"
keys q
expect_exit 0 "quit on screen-256color"
grep -q "^        title: red 3m done$" "$file" || fail "the title is not the text without its sequences: $(grep -n 'red' "$file" | cat -v)"
[ "$(wc -l <"$file.history")" -eq 1 ] || { fail "the sequences made more than one change:"; cat "$file.history"; }

# --- a paste into the editor while the terminal is too small ------------------------------
# its q is text for the editor, not quit
cp "$data" "$file"
rm -f "$file.history"
start 100 30 --today "$TODAY" charter.yaml
wait_for "Overall" || finish
file_order 5 # econ-constitute first
keys e
wait_for "Edit econ-constitute"
keys C-u
T resize-window -x 20 -y 5
wait_for "too small"
printf 'a quick note' >"$tmp/note.txt"
T load-buffer "$tmp/note.txt"
T paste-buffer -p
T resize-window -x 100 -y 30
wait_for "a quick note" # the paste taken (or the exit shows)
kill -0 "$(cat "$tmp/pid")" || fail "a paste while too small quit the dashboard"
keys Enter
wait_for "Saved: econ-constitute title"
keys q
expect_exit 0 "quit after the paste while too small"
grep -q "^        title: a quick note$" "$file" || fail "the paste made while too small was not saved"

finish
