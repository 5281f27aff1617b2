#!/bin/sh
# Regenerates the dashboard's pictures from real runs: the program in a
# detached tmux session at a fixed size and a fixed --today, keys sent as a
# person would press them, the screen captured with its colours (PNG, via
# scripts/ansi2png.py) and as plain text.
# Usage: scripts/screenshots.sh BINARY OUTDIR   (make screenshots)
# Most pictures are of 2026-11-26; the attention, agenda, timeline and
# burn-up pictures of 2026-12-02 (the README opens with the attention one).
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
# Run from the repository with a relative path, so pictures show
# data/charter.yaml wherever they are made.
data=data/charter.yaml
today=2026-11-26
sock="cd-shots-$$"
python=/usr/bin/python3
[ -x "$python" ] || python=python3
mkdir -p "$out"
trap 'tmux -L "$sock" kill-server >/dev/null 2>&1' EXIT

# shot NAME COLS ROWS WAIT-FOR-TEXT KEYS...
shot() {
	name=$1 cols=$2 rows=$3 want=$4
	shift 4
	tmux -L "$sock" kill-server >/dev/null 2>&1 || true
	sock="cd-shots-$$-$name"
	tmux -L "$sock" -f /dev/null new-session -d -x "$cols" -y "$rows" \
		"cd '$root' && env TERM=xterm-256color LANG=C.UTF-8 '$bin' --today $today '$data'; sleep 60"
	wait_text "Overall"
	for k in "$@"; do
		case $k in
		text:*) tmux -L "$sock" send-keys -l "${k#text:}" ;;
		*) tmux -L "$sock" send-keys "$k" ;;
		esac
	done
	wait_text "$want"
	sleep 0.3
	tmux -L "$sock" capture-pane -p >"$out/$name.txt"
	tmux -L "$sock" capture-pane -e -p >"$out/$name.ans"
	"$python" "$here/ansi2png.py" "$out/$name.ans" "$out/$name.png" "$cols" "$rows"
	rm -f "$out/$name.ans"
	echo "screenshots: $out/$name.png ($cols x $rows) and $name.txt"
}

wait_text() {
	i=0
	while [ $i -lt 50 ]; do
		tmux -L "$sock" capture-pane -p | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "screenshots: '$1' never showed up" >&2
	exit 1
}

# what needs attention today (the README's first picture): the shipped
# charter on 2026-12-02, its overdue work first in each pane; the agenda and
# the timeline of that day
today=2026-12-02
shot attention 120 40 "q quit"
shot attention-80x24 80 24 "q quit"
shot agenda 100 30 "Agenda for 2026-12-02" A
shot timeline 100 30 "Timeline by months" T
shot timeline-80x24 80 24 "Timeline by months" T
shot burnup 100 30 "Burn-up by months" T b
today=2026-11-26
shot main 120 40 "q quit"
shot main-80x24 80 24 "q quit"
shot zoom 120 40 "zoomed (z)" l l z
shot detail 100 30 "Milestone econ-ppp" Enter
shot search 120 40 "/roadmap: 2 of 6" / text:roadmap Enter n
shot filter 120 40 "Filter: overdue" f j j j j Space
shot help 100 34 "Help: keys" '?'
shot meeting 120 40 "Status of econ-customs-middle-corridor" j Space
