# dashboard_lib.sh — helpers for the dashboard's end-to-end scripts
# (sourced, POSIX sh). The real program runs in a detached tmux session on
# a private server socket, at a fixed size, with TERM=xterm-256color,
# LANG=C.UTF-8 and a fixed --today; keys go in with send-keys and the
# screen comes back with capture-pane. Needs no terminal of its own.
#
# Set before sourcing: bin (absolute path), tmp (scratch dir), name.

TODAY=2026-11-26
root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/data/charter.yaml"
sessions=0
sock="cd-$name-$$-0"
failures=0
screen="$tmp/screen.txt"
# With several dashboards on one server (start_window), the one that
# capture, keys and the waits look at: target=NAME.
target=""

fail() {
	echo "$name: FAIL: $*"
	failures=$((failures + 1))
}

T() {
	tmux -L "$sock" -f /dev/null "$@"
}

cleanup() {
	T kill-server >/dev/null 2>&1
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock" # tmux 3.3a leaves it behind
}
trap cleanup EXIT INT TERM

# new_server: a fresh tmux server on a new private socket (reusing a socket
# right after kill-server races with the dying server).
new_server() {
	cleanup
	sessions=$((sessions + 1))
	sock="cd-$name-$$-$sessions"
}

# start W H ARGS...: the dashboard on its own in a fresh session. When it
# exits, the pane prints EXIT=<status> and records `stty -a` in
# $tmp/stty.out; $tmp/pid holds the dashboard's pid. CHARTERDASH_WRAPPER,
# when set, is a command line the binary runs under (valgrind ...).
start() {
	w=$1 h=$2
	shift 2
	new_server
	rm -f "$tmp/stty.out" "$tmp/pid"
	# each argument single-quoted for the pane's shell
	args=""
	for a in "$@"; do
		args="$args '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"
	done
	cat >"$tmp/run.sh" <<EOF
cd '$tmp'
sh -c 'echo \$\$ > "$tmp/pid"; exec env TERM=\${DASH_TERM:-xterm-256color} LANG=\${DASH_LANG:-C.UTF-8} ${CHARTERDASH_WRAPPER:-} "\$0" "\$@"' '$bin' $args
echo "EXIT=\$?"
stty -a > "$tmp/stty.out"
exec sleep 600
EOF
	T new-session -d -x "$w" -y "$h" -e "DASH_TERM=${DASH_TERM:-xterm-256color}" \
		-e "DASH_LANG=${DASH_LANG:-C.UTF-8}" -e "NO_COLOR=${NO_COLOR:-}" "sh '$tmp/run.sh'"
	T set-option -g window-size manual >/dev/null 2>&1
}

capture() {
	T capture-pane -p ${target:+-t "$target"} "$@" >"$screen"
}

# wait_for TEXT [TENTHS]: polls the screen until TEXT (fixed string) shows.
wait_for() {
	i=0
	while [ "$i" -lt "${2:-50}" ]; do
		capture
		grep -qF -- "$1" "$screen" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "timed out waiting for '$1'; the screen was:"
	cat "$screen"
	return 1
}

# wait_gone TEXT: polls until TEXT is no longer on screen.
wait_gone() {
	i=0
	while [ "$i" -lt "${2:-50}" ]; do
		capture
		grep -qF -- "$1" "$screen" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "'$1' still on screen:"
	cat "$screen"
	return 1
}

# wait_until CMD [ARG...]: captures the screen and runs CMD until it
# succeeds, for wait_tenths (default 50) tenths of a second at most: a wait
# on what is not one text (the cursor, reverse video, the terminal's modes).
# Returns CMD's last status; the caller still asserts what it expects.
wait_until() {
	i=0
	while :; do
		capture
		"$@" && return 0
		[ "$i" -lt "${wait_tenths:-50}" ] || return 1
		sleep 0.1
		i=$((i + 1))
	done
}

# idle [PID]: the dashboard ($tmp/pid unless PID) sleeps with no signal
# pending, so it has handled every resize so far and drawn what followed
# (Linux's /proc: a resize is a SIGWINCH, pending from the moment it is made).
idle() {
	p=${1:-$(cat "$tmp/pid")}
	[ "$(sed 's/.*) //' "/proc/$p/stat" | cut -d' ' -f1)" = S ] &&
		! grep -Eq '^(SigPnd|ShdPnd):.*[1-9a-f]' "/proc/$p/status"
}

# tty_is WHAT STTY_ARGS...: `stty STTY_ARGS` on the pane's terminal prints WHAT
tty_is() {
	want=$1
	shift
	[ "$(stty -F "$(T display-message -p ${target:+-t "$target"} '#{pane_tty}')" "$@" 2>/dev/null)" = "$want" ]
}

# wait_resized W H [PID]: after `resize W H`, until the pane's terminal has
# that size and the dashboard has taken it (idle): for sizes that show
# nothing to wait for (1x1).
wait_resized() {
	wait_until tty_is "$2 $1" size && wait_until idle ${3:-} ||
		fail "the dashboard did not take the size $1x$2"
}

# clock_past FILE: waits until the clock is past the second FILE was last
# written in, and past the time of its last history line (a history line's
# time has one-second resolution: the next change gets a later one). Then
# 100 ms more into the new second: time(), which stamps history lines, reads
# the kernel's coarse clock, which can still name the old second for a tick
# after date(1)'s precise one has moved on.
clock_past() {
	last=$(stat -c %Y "$1")
	stamp=$(tail -n 1 "$1" 2>/dev/null | sed -n 's/^{"time":"\([0-9-]*\)T\([0-9:]*\)Z".*/\1 \2/p')
	if [ -n "$stamp" ]; then
		line=$(date -u -d "$stamp" +%s 2>/dev/null) && [ "$line" -gt "$last" ] && last=$line
	fi
	until [ "$(date +%s%N)" -ge "$(( (last + 1) * 1000000000 + 100000000 ))" ]; do
		sleep 0.02
	done
}

# has TEXT [WHAT]: TEXT is on screen (polling a little: the terminal may
# still be receiving the last redraw when an earlier text showed up).
has() {
	i=0
	while [ "$i" -lt 30 ]; do
		grep -qF -- "$1" "$screen" && return 0
		sleep 0.1
		capture
		i=$((i + 1))
	done
	fail "${2:-screen} lacks '$1'; the screen was:"
	cat "$screen"
}

# lacks TEXT [WHAT]: TEXT is not on screen (polling until it is gone).
lacks() {
	i=0
	while [ "$i" -lt 30 ]; do
		grep -qF -- "$1" "$screen" || return 0
		sleep 0.1
		capture
		i=$((i + 1))
	done
	fail "${2:-screen} shows '$1'; the screen was:"
	cat "$screen"
}

keys() {
	T send-keys ${target:+-t "$target"} "$@"
}

# file_order PANES: every pane in file order with its first row selected
# (s: attention order -> file order, g: the first row, Tab: the next pane,
# wrapping back to the first), for scripts that walk the milestones by
# their place in the file. PANES: how many panes the charter has; WAIT:
# how long to wait for it (as wait_for's).
file_order() {
	k=0
	while [ "$k" -lt "$1" ]; do
		keys s
		# the message line says it (a narrow meter pane has no room to)
		wait_for "sorted by file order" ${2:-}
		keys g Tab
		k=$((k + 1))
	done
}

# quote ARG: ARG single-quoted for a shell.
quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# start_window NAME W H [VAR=VALUE...] -- ARGS...: one more dashboard on
# the current server (call new_server first), in its own session NAME at
# W x H, with extra environment such as LOGNAME=amina. Look at it with
# target=NAME. Exits print EXIT=. (One session each: tmux 3.3a crashes on
# new-window under window-size manual.)
start_window() {
	wname=$1 w=$2 h=$3
	shift 3
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $(quote "$1")"
		shift
	done
	[ $# -gt 0 ] && shift
	args=""
	for a in "$@"; do
		args="$args $(quote "$a")"
	done
	cat >"$tmp/run-$wname.sh" <<EOF
cd '$tmp'
env $envs TERM=xterm-256color LANG=C.UTF-8 '$bin' $args
echo "EXIT=\$?"
exec sleep 600
EOF
	T new-session -d -s "$wname" -x "$w" -y "$h" "sh '$tmp/run-$wname.sh'"
}

# resize W H
resize() {
	T resize-window -x "$1" -y "$2"
}

alt_screen() {
	T display-message -p '#{alternate_on}'
}

# After the program ended: status, no alternate screen, a sane tty.
expect_exit() {
	wait_for "EXIT=$1" 50 || return 1
	i=0
	while [ ! -s "$tmp/stty.out" ] && [ "$i" -lt 30 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ "$(alt_screen)" = 0 ] || fail "${2:-exit}: still on the alternate screen"
	grep -q '[^-]echo ' "$tmp/stty.out" || grep -q '^echo ' "$tmp/stty.out" ||
		fail "${2:-exit}: echo is off afterwards: $(cat "$tmp/stty.out")"
	grep -q '[^-]icanon' "$tmp/stty.out" || fail "${2:-exit}: icanon is off afterwards"
	lacks "Overall" "${2:-exit}: the screen after exit"
}

# settle: captures until the screen stops changing (a redraw may still be
# on its way to the terminal when the text waited for appeared).
settle() {
	i=0
	capture
	while [ "$i" -lt 30 ]; do
		sleep 0.1
		cp "$screen" "$tmp/screen.prev"
		capture
		cmp -s "$screen" "$tmp/screen.prev" && return 0
		i=$((i + 1))
	done
}

# Checks the dashboard's panes on the captured screen against
# `charterdash report`: every group shown with the same done/total,
# percent and state, in the same pane. Prints the groups it found.
check_against_report() {
	file=$1
	"$bin" report --today "$TODAY" "$file" >"$tmp/report.txt" || fail "report failed"
	settle
	python3 "$root/tests/e2e/dashboard_check.py" numbers "$tmp/report.txt" "$screen" --data "$file" ${2:-} ||
		fail "the screen does not agree with 'charterdash report' (see above)"
}

# Borders line up and no line is wider than the terminal.
check_alignment() {
	settle
	python3 "$root/tests/e2e/dashboard_check.py" align "$screen" "$1" ||
		fail "misaligned screen at width $1"
}

finish() {
	cleanup
	if [ "$failures" -eq 0 ]; then
		echo "$name: ok"
		exit 0
	fi
	echo "$name: $failures failure(s)"
	exit 1
}
