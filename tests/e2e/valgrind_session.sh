#!/bin/sh
# The dashboard under valgrind (make check-valgrind): one representative
# session in tmux on a copy of the shipped charter -- start, move, detail,
# help, search, filter, a status change, a title edit (typed and pasted),
# add and delete, undo and redo, a conflict with a change from outside,
# zoom, sort, a meeting mark and its list, the mouse on and off, resizes
# down to "too small" and back, quit -- with the binary run through
# CHARTERDASH_WRAPPER. Any invalid access, or a definite or indirect leak
# not in tests/valgrind/ncurses.supp (ncurses' own), fails.
# Not part of make test (valgrind makes it ~20x slower): $1 = the binary.
set -u
name=valgrind_session
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/charterdash-vg.XXXXXX")
. "$(dirname "$0")/dashboard_lib.sh"
trap 'cleanup; rm -rf "$tmp"' EXIT INT TERM

command -v valgrind >/dev/null 2>&1 || { echo "$name: valgrind is not installed"; exit 1; }
log="$tmp/valgrind.log"
CHARTERDASH_WRAPPER="valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
--show-leak-kinds=definite,indirect --error-exitcode=99 --track-fds=no \
--suppressions=$root/tests/valgrind/ncurses.supp --log-file=$log"
export CHARTERDASH_WRAPPER

cp "$data" "$tmp/charter.yaml"
start 100 30 --today "$TODAY" charter.yaml
# under valgrind everything is slower: wait up to 30 s for each screen
wait_for "Overall" 300 || finish
file_order 5 300 # the keys below walk the milestones in the file's order
keys j j l g # energy at the same row, then its first: energy-constitute
keys Enter
wait_for "Milestone energy-constitute" 300
keys Escape '?'
wait_for "Help: keys" 300
keys q
wait_gone "Help: keys" 300
keys Space 3
wait_for "Saved: energy-constitute status 'done'" 300
keys e
wait_for "Edit energy-constitute" 300
keys C-u ; keys -l 'Constitute the group'
printf '\033[1m (valgrind)\033[0m' >"$tmp/paste.txt" # pasted, with escape sequences
T load-buffer "$tmp/paste.txt"
T paste-buffer -p
wait_for "Constitute the group (valgrind)" 300
keys Enter
wait_for "Saved: energy-constitute title" 300
grep -q "title: Constitute the group (valgrind)$" "$tmp/charter.yaml" || fail "the pasted title was not saved"
keys a
wait_for "New milestone in Energy" 300
keys -l 'Checked under valgrind'
keys Enter
wait_for "energy-checked-under-valgrind" 300
keys Enter
wait_for "Added energy-checked-under-valgrind" 300
keys D
wait_for "Delete 'Checked under valgrind'" 300
keys y
wait_for "Deleted energy-checked-under-valgrind" 300
keys u
wait_for "Undone: deleting of energy-checked-under-valgrind" 300
keys C-r
wait_for "Redone: deleting of energy-checked-under-valgrind" 300
keys u
wait_for "Undone: deleting of energy-checked" 300
keys u
wait_for "Undone: adding of energy-checked" 300
keys u
wait_for "Undone: title of energy-constitute" 300
keys u
wait_for "Undone: status of energy-constitute" 300
cmp -s "$data" "$tmp/charter.yaml" || fail "undoing everything did not restore the file: $(diff "$data" "$tmp/charter.yaml")"
# a change from outside while editing: the conflict dialog, "use mine"
keys e
wait_for "Edit energy-constitute" 300
LOGNAME=dave "$bin" set -q "$tmp/charter.yaml" energy-constitute title="Dave's title" || fail "set failed"
keys C-u ; keys -l 'Mine'
keys Enter
wait_for "changed title of energy-constitute to 'Dave's title'" 300
keys m
wait_for "Saved: energy-constitute title" 300
keys z s
wait_for "sorted by" 300
keys z m
wait_for "Meeting started at" 300
keys w
wait_for "Changes since the meeting started" 300
keys Escape M
wait_for "Mouse on" 300
keys M
wait_for "Mouse off" 300
keys / ; keys -l corridor ; keys Enter
wait_for "matches: n next" 300
keys n Escape
wait_for "Search cleared" 300
keys f
wait_for "Show milestones that are" 300
keys Space
keys Escape
wait_for "Filter: " 300
keys c
wait_for "Filter and search cleared" 300
resize 40 10
wait_for "Roadmap closed 2026-05-09" 300
resize 20 5
wait_for "need 32 x 10" 300
resize 1 1
wait_tenths=300 wait_resized 1 1
resize 120 40
wait_for "Roadmap phase closed 2026-05-09" 300
keys q
wait_for "EXIT=" 600
expect_exit 0 "quit under valgrind"
grep -q "ERROR SUMMARY: 0 errors" "$log" || fail "valgrind found errors:"
grep -q "ERROR SUMMARY" "$log" || fail "valgrind left no summary (did it run?)"
if [ "$failures" -ne 0 ]; then
	cat "$log"
fi
finish
