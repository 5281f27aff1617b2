#!/bin/sh
# test_dashboard_cursor — where the selection and the terminal's cursor show.
# The default cursor reverses the whole selected row and draws the focused
# pane with a heavy border; --thin-cursor reverses only the row's first two
# cells (mark column and status glyph) and keeps every border light, so a
# move rewrites a few cells. The terminal's own cursor shows only while
# typing (search, line editor) and then sits where the typing goes.
# Usage: test_dashboard_cursor.sh BINARY SCRATCH_DIR
set -u
bin=$1 tmp=$2 name=test_dashboard_cursor
. "$(dirname "$0")/dashboard_lib.sh"
cp "$data" "$tmp/charter.yaml"

# reversed CAPTURE_E ROW_TEXT: prints the columns (0-based) of the line
# holding ROW_TEXT that are drawn in reverse video, as "first-last" runs
reversed() {
	python3 - "$1" "$2" <<'EOF'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
line = next((l for l in lines if sys.argv[2] in re.sub(r"\x1b\[[0-9;]*m", "", l)), None)
if line is None:
    print("missing")
    sys.exit(0)
rev, col, cols = False, 0, []
for tok in re.findall(r"\x1b\[[0-9;]*m|.", line):
    if tok.startswith("\x1b["):
        codes = [int(c) if c else 0 for c in tok[2:-1].split(";")]
        i = 0
        while i < len(codes):  # skip the arguments of 38/48;5;N and 38/48;2;R;G;B
            c = codes[i]
            if c in (38, 48):
                i += 3 if i + 1 < len(codes) and codes[i + 1] == 5 else 5
                continue
            if c == 0 or c == 27:
                rev = False
            elif c == 7:
                rev = True
            i += 1
        continue
    if rev:
        cols.append(col)
    col += 1
runs, start = [], None
for i, c in enumerate(cols):
    if start is None:
        start = c
    if i + 1 == len(cols) or cols[i + 1] != c + 1:
        runs.append("%d-%d" % (start, c))
        start = None
print(" ".join(runs) or "none")
EOF
}

cursor() {
	T display-message -p ${target:+-t "$target"} '#{cursor_flag} #{cursor_x} #{cursor_y}'
}

rows_are() { # SELECTED_TEXT OTHER_TEXT EXPECTED_RUN
	capture -e
	[ "$(reversed "$screen" "$1")" = "$3" ] && [ "$(reversed "$screen" "$2")" = none ]
}

# cursor_at FLAG [X]: the terminal's cursor shows (1) or not (0), at column X
cursor_at() {
	set -- "$1" "${2:-}" $(cursor)
	[ "$3" = "$1" ] && { [ -z "$2" ] || [ "$4" = "$2" ]; }
}

check_rows() { # MODE SELECTED_TEXT OTHER_TEXT EXPECTED_RUN
	wait_until rows_are "$2" "$3" "$4" # the move drawn, or a failure below
	capture -e
	got=$(reversed "$screen" "$2")
	[ "$got" = "$4" ] || fail "$1: the row '$2' is reversed at '$got', expected '$4'"
	got=$(reversed "$screen" "$3")
	[ "$got" = "none" ] || fail "$1: the unselected row '$3' is reversed at '$got'"
}

# --- the default: the whole row, a heavy border on the focused pane -------
start 120 40 --today "$TODAY" "$tmp/charter.yaml"
wait_for "Today $TODAY"
file_order 5
keys j
# one column of meters at 120x40 (every title whole): econ's rows span
# columns 0-118 (the last cell of the screen is never written), and the focused pane's line has the focus mark
check_rows default "Identify priority tra" "Roadmap: adopt the ec" "0-118"
capture
grep -q "▶ Economy and Trade" "$screen" || fail "default: the focused pane has no focus mark"
set -- $(cursor)
[ "$1" = 0 ] || fail "default: the terminal's cursor shows while browsing ($*)"

# typing: the cursor follows the text, in the editor and the search line
keys e
wait_for "Edit econ-priority-projects"
capture
set -- $(cursor)
[ "$1" = 1 ] || fail "editor: the cursor is hidden"
line=$(sed -n "$(($3 + 1))p" "$screen")
case "$line" in
*"Identify priority trade and investment projects"*) ;;
*) fail "editor: the cursor is on line $3, not the line being edited: '$line'" ;;
esac
# (the title's end on that line: the column after it; box glyphs are one wide)
before=${line%%Identify priority trade and investment projects*}
end_x=$(($(python3 -c 'import sys; print(len(sys.argv[1]))' "$before") + 47))
keys End
wait_until cursor_at 1 "$end_x" || fail "editor: End left the cursor at ($(cursor)), not after the text at $end_x"
keys Left Left
wait_until cursor_at 1 $((end_x - 2))
set -- $(cursor)
[ "$2" -eq $((end_x - 2)) ] || fail "editor: two Lefts moved the cursor from $end_x to $2"
keys Escape
wait_gone "Edit econ-priority-projects"
wait_until cursor_at 0
set -- $(cursor)
[ "$1" = 0 ] || fail "the cursor still shows after the editor closed"
keys /
keys -l road
wait_for "/road"
set -- $(cursor)
[ "$1 $2 $3" = "1 5 39" ] || fail "search: the cursor is at ($*), expected visible after '/road' on the last line"
keys Escape
wait_gone "/road"
wait_until cursor_at 0
set -- $(cursor)
[ "$1" = 0 ] || fail "the cursor still shows after the search closed"
keys q
wait_for "EXIT=0"

# --- --thin-cursor: two cells, light borders ------------------------------
start 120 40 --thin-cursor --today "$TODAY" "$tmp/charter.yaml"
wait_for "Today $TODAY"
file_order 5
keys j
check_rows thin "Identify priority tra" "Roadmap: adopt the ec" "0-1"
keys j
check_rows thin "Roadmap: adopt the ec" "Identify priority tra" "0-1"
capture
grep -q "┏\|┗" "$screen" && fail "thin: a heavy border is drawn"
grep -q "▶ Economy and Trade" "$screen" || fail "thin: the focused pane lost its name"
keys l g j
# energy's pane now holds the cursor (its second row); econ shows none
check_rows thin "Identify priority energy" "Roadmap: adopt the ec" "0-1"
set -- $(cursor)
[ "$1" = 0 ] || fail "thin: the terminal's cursor shows while browsing ($*)"
keys q
wait_for "EXIT=0"

finish
