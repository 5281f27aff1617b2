#!/bin/sh
# e2e: the dashboard and its terminal: resizes 120x40 -> 80x24 -> 40x10 ->
# 20x5 (too small) -> 1x1 -> back; the terminal restored after q, SIGTERM,
# SIGHUP, SIGINT and a crash (SIGSEGV); Ctrl-Z and fg; TERM=dumb, no TERM
# and no terminal refused with a message; bad files reported without
# starting curses; no FILE; ASCII and monochrome fallbacks; several TERMs.
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_dashboard_terminal
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

# --- resizes ------------------------------------------------------------------
start 120 40 --today "$TODAY" "$data"
wait_for "Overall" || finish
check_against_report "$data"
file_order 5
keys l j # select something that is not first: energy-priority-projects

resize 80 24
wait_for "Next annual review 2027-02-09 (in 75 days)"
settle
[ "$(wc -l <"$screen")" -le 24 ] || fail "80x24: more than 24 lines"
check_against_report "$data" --some
check_alignment 80
has "Next annual review 2027-02-09 (in 75 days)" "80x24 header"
has "? help" "80x24 footer"

resize 40 10
wait_for "Roadmap closed 2026-05-09: 11 on time"
check_alignment 40
has "Energy" "40x10: the focused pane stays visible"
has "3/8  37%" "40x10 numbers"
has "Identify priority" "40x10: the selected milestone stays visible"

resize 20 5
wait_for "terminal too small:"
has "need 32 x 10" "20x5"
resize 1 1
wait_resized 1 1
resize 20 5
wait_for "need 32 x 10"

resize 120 40
wait_for "Roadmap phase closed 2026-05-09: 11 on time · 3 late (last 2026-06-02) · 1 open"
check_against_report "$data"
check_alignment 120
keys Enter # the selection survived every reflow
wait_for "Milestone energy-priority-projects"
keys Escape
wait_gone "Milestone energy"

# an overlay through a resize
keys '?'
wait_for "Help: keys"
resize 80 24
wait_for "Help: keys"
resize 120 40
keys q
wait_gone "Help: keys"
keys q
expect_exit 0 "quit after resizes"

# --- signals restore the terminal ----------------------------------------------
for sig in TERM:143 HUP:129 INT:130 SEGV:139; do
	s=${sig%%:*} code=${sig#*:}
	start 80 24 --today "$TODAY" "$data"
	wait_for "Overall" || continue
	keys j
	kill -"$s" "$(cat "$tmp/pid")"
	expect_exit "$code" "SIG$s"
done

# --- Ctrl-Z and fg ----------------------------------------------------------------
new_server
T new-session -d -x 100 -y 30 "env PS1='sh$ ' TERM=xterm-256color LANG=C.UTF-8 sh -i"
wait_for 'sh$'
keys -l "'$bin' --today $TODAY '$data'"
keys Enter
wait_for "Overall"
keys C-z
wait_for "Stopped"
[ "$(alt_screen)" = 0 ] || fail "Ctrl-Z: still on the alternate screen"
keys -l "stty -a | tr ' ;' '\n\n' | grep -c '^echo\$\|^icanon\$' | sed 's/^/tty flags: /'"
keys Enter
wait_for "tty flags: 2"
keys -l fg
keys Enter
wait_for "Overall"
[ "$(alt_screen)" = 1 ] || fail "fg: not back on the alternate screen"
keys j Enter # the second row in attention order
wait_for "Milestone econ-customs-middle-corridor"
keys Escape q
wait_for 'sh$ '

# --- refusals and errors, no terminal needed -----------------------------------------
TERM=dumb "$bin" --today "$TODAY" "$data" </dev/null >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "TERM=dumb: exit status is not 1"
grep -q "TERM=dumb" "$tmp/err" || fail "TERM=dumb: no clear message: $(cat "$tmp/err")"
grep -q "charterdash report" "$tmp/err" || fail "TERM=dumb: does not point to the report"
[ ! -s "$tmp/out" ] || fail "TERM=dumb: wrote to stdout"
env -u TERM "$bin" --today "$TODAY" "$data" </dev/null >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "no TERM: exit status is not 1"
grep -q "TERM is not set" "$tmp/err" || fail "no TERM: no clear message: $(cat "$tmp/err")"
TERM=xterm "$bin" --today "$TODAY" "$data" </dev/null >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "no tty: exit status is not 1"
grep -q "needs a terminal" "$tmp/err" || fail "no tty: no clear message: $(cat "$tmp/err")"

printf 'charter:\n  title: T\n  signed: 2026-02-30\nworking_groups: []\n' >"$tmp/bad.yaml"
TERM=xterm "$bin" "$tmp/bad.yaml" </dev/null >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "bad file: exit status is not 1"
grep -q "^$tmp/bad.yaml:3:11: error: " "$tmp/err" || fail "bad file: no located error: $(cat "$tmp/err")"
[ ! -s "$tmp/out" ] || fail "bad file: curses started (stdout not empty)"
TERM=xterm "$bin" "$tmp/missing.yaml" </dev/null >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "missing file: exit status is not 1"
grep -q "missing.yaml: error: cannot open" "$tmp/err" || fail "missing file: $(cat "$tmp/err")"
mkdir -p "$tmp/empty"
(cd "$tmp/empty" && TERM=xterm "$bin" </dev/null >"$tmp/out" 2>"$tmp/err")
[ $? -eq 2 ] || fail "no FILE: exit status is not 2"
grep -q "charterdash data/charter.yaml" "$tmp/err" || fail "no FILE: no hint: $(cat "$tmp/err")"
"$bin" --today 2026-02-30 "$data" </dev/null >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "bad --today: exit status is not 2"

# no FILE, ./charter.yaml present: it opens
cp "$data" "$tmp/charter.yaml"
start 80 24 --today "$TODAY"
wait_for "Overall"
keys q
expect_exit 0 "default file"

# --- ASCII and monochrome fallbacks ----------------------------------------------------
start 80 24 --today "$TODAY" --ascii "$data"
wait_for "Overall"
for g in "┌" "┏" "━" "█" "✓" "…"; do
	lacks "$g" "--ascii"
done
# 80x24: meters (no boxes); the focus is the '*' before the name
has "* Economy and Trade " "--ascii focus mark"
has "  Energy " "--ascii: an unfocused meter"
has "3/8  37%" "--ascii numbers"
check_against_report "$data" --some
keys q
expect_exit 0 "--ascii"

DASH_LANG=C start 80 24 --today "$TODAY" "$data"
wait_for "Overall"
lacks "┌" "LANG=C (automatic ASCII)"
lacks "▶" "LANG=C (automatic ASCII)"
has "* Economy and Trade " "LANG=C focus mark"
# UTF-8 data in an ASCII locale: transliterated, not one '?' per byte
has "United States-Azerbaijan Strategic" "LANG=C: the en dash transliterated"
lacks "States?" "LANG=C: a '?' for the en dash"
keys q
expect_exit 0 "LANG=C"

start 80 24 --today "$TODAY" "$data"
wait_for "Overall"
settle
capture -e
grep -q "38;5;" "$screen" || fail "xterm-256color: no colours"
keys q
expect_exit 0 "colour"
for how in env flag; do
	if [ "$how" = env ]; then
		NO_COLOR=1 start 80 24 --today "$TODAY" "$data"
	else
		start 80 24 --today "$TODAY" --no-color "$data"
	fi
	wait_for "Overall"
	settle
	capture -e
	if grep -q "$(printf '\033')\[[0-9;]*3[0-7]m\|38;5;\|48;5;" "$screen"; then
		fail "NO_COLOR ($how): colours on screen"
	fi
	grep -q "$(printf '\033')\[[0-9;]*7m" "$screen" || fail "NO_COLOR ($how): no reverse video for the selection"
	keys q
	expect_exit 0 "no colour ($how)"
done

# --- terminal types ----------------------------------------------------------------------
for term in xterm screen-256color tmux-256color linux vt100; do
	DASH_TERM=$term start 80 24 --today "$TODAY" "$data"
	wait_for "3/8  37%" || continue
	keys Tab Enter # energy's first row in attention order
	wait_for "Milestone energy-joint-projects"
	keys Escape q
	expect_exit 0 "TERM=$term"
done

finish
