#!/bin/sh
# e2e-run: slow (tests/e2e/run.sh starts it among the first)
# e2e: the dashboard on every terminal it may meet. The matrix TERM =
# xterm-256color, xterm, screen-256color, tmux-256color, linux, vt100, dumb,
# unset; LANG = C.UTF-8, C; NO_COLOR set, unset; sizes 1x1, 20x5, 40x10,
# 80x24, 300x100 -- all 160 cells.
#
# One tmux session per (TERM, LANG, NO_COLOR); its pane runs the dashboard
# five times in a row. Run k starts at the size the previous run ended at,
# is resized to size k while running, checked there, and quits there with
# q. So every cell is reached by a live resize, checked, and left. A cell
# passes when:
#   - the process is alive, then exits 0 on q with nothing on stderr, the
#     alternate screen left and the tty sane (echo, icanon);
#   - the screen has no raw escape sequences or control characters, no
#     U+FFFD, and only ASCII under LANG=C;
#   - it is readable: at 80x24 and 300x100 the title and all five working
#     groups with their numbers and states (as `charterdash report` has
#     them); at 40x10 the header, the focused pane and its numbers; at 20x5
#     "terminal too small: need 32 x 10 (now 20 x 5)"; at 1x1 nothing fits
#     (the message needs 19 columns), so the one cell stays blank;
#   - colour codes are on screen (capture-pane -e) exactly when NO_COLOR is
#     unset and TERM has colours (at 1x1 only their absence is checked).
# TERM=dumb and no TERM: at every size and in both locales the dashboard
# refuses at once, exit 1, a clear message on stderr naming
# `charterdash report`, nothing written to the terminal, tty sane.
#
# Sessions run in parallel (MATRIX_JOBS, default 6): they mostly wait.
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_terminal_matrix
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

TERMS="xterm-256color xterm screen-256color tmux-256color linux vt100 dumb unset"
LANGS="C.UTF-8 C"
COLOURS="unset set"
# run k ends at size k; run 0 starts at the last one
SIZES="80x24 20x5 300x100 1x1 40x10"
JOBS=${MATRIX_JOBS:-6}

ESC=$(printf '\033')
FFFD=$(printf '\357\277\275')
report="$tmp/report.txt"
"$bin" report --today "$TODAY" "$data" >"$report" || { fail "report failed"; finish; }

size_at() { # size_at K: the K-th size (0-based)
	at=$1
	set -- $SIZES
	shift "$at"
	echo "$1"
}

# The pane's script: the dashboard five times, run k once go.k exists,
# its status, stderr and `stty -a` kept per run.
write_runner() { # DIR TERM LANG COLOUR
	# env: every -u before the first assignment
	unset_vars="-u LC_ALL -u LC_CTYPE -u LC_MESSAGES" set_vars="LANG=$3"
	if [ "$2" = unset ]; then unset_vars="$unset_vars -u TERM"; else set_vars="$set_vars TERM=$2"; fi
	if [ "$4" = set ]; then set_vars="$set_vars NO_COLOR=1"; else unset_vars="$unset_vars -u NO_COLOR"; fi
	cat >"$1/run.sh" <<EOF
cd '$1'
for k in 0 1 2 3 4; do
	i=0 # a minute at most: the test may have died
	while [ ! -e go.\$k ]; do
		sleep 0.02
		i=\$((i + 1))
		[ \$i -lt 3000 ] || exit 1
	done
	sh -c 'echo \$\$ > pid.'\$k'; exec env $unset_vars $set_vars "\$0" "\$@"' \
		'$bin' --today $TODAY charter.yaml 2>err.\$k
	echo \$? >exit.tmp.\$k
	stty -a >stty.\$k
	mv exit.tmp.\$k exit.\$k
done
exec sleep 600
EOF
}

# wait_file FILE [TENTHS]
wait_file() {
	i=0
	while [ ! -e "$1" ] && [ "$i" -lt "${2:-50}" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -e "$1" ]
}

# curses_up PID: the dashboard PID has put its terminal in curses' modes
# (no icanon) and waits for a key
curses_up() {
	stty -F "$(T display-message -p -t "$target" '#{pane_tty}')" -a 2>/dev/null | grep -q -- '-icanon' &&
		idle "$1"
}

# The checks every screen passes, whatever its size.
check_clean() { # WHAT LANG
	if grep -q "[[:cntrl:]]" "$screen" || grep -qE '\^\[|\[\??[0-9][0-9;]*[A-Za-z@~]|\]0;' "$screen"; then
		fail "$1: raw escape sequences or control characters on screen:"
		cat -v "$screen"
	fi
	if grep -q "$FFFD" "$screen"; then
		fail "$1: U+FFFD on screen:"
		cat "$screen"
	fi
	if [ "$2" = C ] && LC_ALL=C grep -q '[^ -~]' "$screen"; then
		fail "$1: not ASCII under LANG=C:"
		LC_ALL=C grep -n '[^ -~]' "$screen" | cat -v
	fi
}

# Colour codes in the capture-pane -e of the screen.
has_colour() {
	T capture-pane -p -e -t "$target" >"$tmp/colour.txt"
	grep -qE "$ESC\\[([0-9]*;)*(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;5;[0-9]+|48;5;[0-9]+|38;2;|48;2;)[;m]" "$tmp/colour.txt"
}

check_screen() { # SIZE WHAT LANG COLOURED
	case $1 in
	80x24 | 300x100)
		wait_for "Overall" || return
		settle
		has "United States" "$2: the title"
		has "Azerbaijan Strategic Partnership Charter" "$2: the title"
		python3 "$root/tests/e2e/dashboard_check.py" numbers "$report" "$screen" --data "$data" >"$tmp/check.out" 2>&1 ||
			{ fail "$2: the groups do not agree with 'charterdash report':"; cat "$tmp/check.out" "$screen"; }
		;;
	40x10)
		wait_for "Roadmap closed 2026-05-09: 11 on time" || return
		has "Economy and Trade" "$2: the focused pane"
		has "3/8 on track" "$2: the focused pane's numbers (a meter: the percent where it fits)"
		has "groups 1-1 of 5" "$2: the pane count"
		;;
	20x5)
		wait_for "terminal too small:" || return
		has "need 32 x 10" "$2"
		has "(now 20 x 5)" "$2"
		;;
	1x1)
		wait_resized 1 1 "$(cat "$dir/pid.$k")"
		capture
		[ -z "$(tr -d ' \n' <"$screen")" ] || { fail "$2: the 1x1 screen is not blank:"; cat -v "$screen"; }
		;;
	esac
	check_clean "$2" "$3"
	if [ "$4" = yes ] && [ "$1" != 1x1 ]; then
		has_colour || { fail "$2: no colour codes on screen:"; cat -v "$tmp/colour.txt" | head -5; }
	elif [ "$4" = no ]; then
		! has_colour || { fail "$2: colour codes on screen:"; cat -v "$tmp/colour.txt" | head -5; }
	fi
}

sane_tty() { # STTY-FILE WHAT
	grep -q '[^-]echo ' "$1" || grep -q '^echo ' "$1" || fail "$2: echo is off afterwards: $(cat "$1")"
	grep -q '[^-]icanon' "$1" || fail "$2: icanon is off afterwards"
	[ "$(T display-message -p -t "$target" '#{alternate_on}')" = 0 ] || fail "$2: still on the alternate screen"
}

# One (TERM, LANG, NO_COLOR) session: five runs, one per size.
run_combo() { # TERM LANG COLOUR
	dir="$tmp/$1-$2-$3"
	mkdir -p "$dir"
	# a copy each: dashboards on one file list each other in the header
	cp "$data" "$dir/charter.yaml"
	write_runner "$dir" "$1" "$2" "$3"
	case $1 in
	dumb | unset) real=no ;;
	*) real=yes ;;
	esac
	coloured=no
	if [ "$real" = yes ] && [ "$3" = unset ] && [ "$1" != vt100 ]; then
		coloured=yes
	fi
	target=$(echo "m-$1-$2-$3" | tr . _) # a dot would name a pane
	last=$(size_at 4)
	# a server per session: tmux 3.3a may crash creating a session on a
	# server under window-size manual
	sock="cd-$name-$$-$target"
	T new-session -d -s "$target" -x "${last%x*}" -y "${last#*x}" "sh '$dir/run.sh'"
	T set-option -g window-size manual >/dev/null 2>&1
	k=0
	for size in $SIZES; do
		what="TERM=$1 LANG=$2 NO_COLOR $3, $size"
		if [ "$real" = no ]; then
			T resize-window -t "$target" -x "${size%x*}" -y "${size#*x}"
			: >"$dir/go.$k"
			wait_file "$dir/exit.$k" || { fail "$what: did not exit"; return; }
			[ "$(cat "$dir/exit.$k")" = 1 ] || fail "$what: exit status $(cat "$dir/exit.$k"), not 1"
			if [ "$1" = dumb ]; then
				grep -q "^charterdash: this terminal (TERM=dumb) cannot draw" "$dir/err.$k" ||
					fail "$what: no clear message: $(cat "$dir/err.$k")"
			else
				grep -q "^charterdash: TERM is not set" "$dir/err.$k" ||
					fail "$what: no clear message: $(cat "$dir/err.$k")"
			fi
			grep -q "charterdash report charter.yaml" "$dir/err.$k" || fail "$what: does not point to the report"
			capture
			[ -z "$(tr -d ' \n' <"$screen")" ] || { fail "$what: wrote to the terminal:"; cat -v "$screen"; }
			sane_tty "$dir/stty.$k" "$what"
			k=$((k + 1))
			continue
		fi
		: >"$dir/go.$k"
		wait_file "$dir/pid.$k" || { fail "$what: did not start"; return; }
		# up: its first screen at the previous size, or, when nothing
		# fits, its terminal in curses' modes and waiting for a key
		prev=$(size_at $(((k + 4) % 5)))
		case $prev in
		1x1) wait_until curses_up "$(cat "$dir/pid.$k")" || fail "$what: did not take the terminal" ;;
		20x5) wait_for "need 32 x 10" ;;
		*) wait_for "Overall" ;;
		esac
		T resize-window -t "$target" -x "${size%x*}" -y "${size#*x}"
		check_screen "$size" "$what" "$2" "$coloured"
		kill -0 "$(cat "$dir/pid.$k")" 2>/dev/null || fail "$what: the dashboard died"
		keys q
		wait_file "$dir/exit.$k" || { fail "$what: q did not quit"; return; }
		[ "$(cat "$dir/exit.$k")" = 0 ] || fail "$what: exit status $(cat "$dir/exit.$k") after q"
		[ ! -s "$dir/err.$k" ] || fail "$what: wrote to stderr: $(cat "$dir/err.$k")"
		sane_tty "$dir/stty.$k" "$what"
		capture
		lacks "Overall" "$what: the screen after q"
		lacks "too small" "$what: the screen after q"
		k=$((k + 1))
	done
}

# Job J of JOBS: every JOBS-th combination.
run_job() {
	tmp="$tmp/job$1"
	screen="$tmp/screen.txt"
	mkdir -p "$tmp"
	n=0
	for term in $TERMS; do
		for lang in $LANGS; do
			for colour in $COLOURS; do
				if [ $((n % JOBS)) -eq "$1" ]; then
					run_combo "$term" "$lang" "$colour"
					cleanup
				fi
				n=$((n + 1))
			done
		done
	done
	[ "$failures" -eq 0 ]
}

# interrupted: no session of ours outlives the test
kill_all() {
	for s in "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/cd-$name-$$-"*; do
		[ -e "$s" ] || continue
		tmux -S "$s" kill-server >/dev/null 2>&1
		rm -f "$s"
	done
}
trap kill_all EXIT INT TERM

pids=""
j=0
while [ "$j" -lt "$JOBS" ]; do
	run_job "$j" &
	pids="$pids $!"
	j=$((j + 1))
done
for p in $pids; do
	wait "$p" || failures=$((failures + 1))
done
finish
