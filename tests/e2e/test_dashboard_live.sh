#!/bin/sh
# e2e, the meeting case: three dashboards in tmux (users amina, bob and
# carol) on one copy of the file, and a script (dave) running `charterdash
# set`. Each dashboard shows the others' changes within about a second,
# nobody's change is lost, `diff` shows one line per change and the
# history has each; presence lists the others; a conflict asks "keep
# theirs / use mine"; an invalid hand edit shows a banner and blocks
# writes until it is fixed.
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_dashboard_live
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

file="$tmp/charter.yaml"
orig="$tmp/orig.yaml"
cp "$data" "$orig"
cp "$data" "$file"
W=160 H=40
everyone="amina bob carol"

new_server
for u in $everyone; do
	start_window "$u" "$W" "$H" "LOGNAME=$u" -- --today "$TODAY" charter.yaml
done
for u in $everyone; do
	target="$u"
	wait_for "Overall" || finish
	file_order 5 # the keys below walk the milestones in the file's order
done

# --- presence: each header names the other two ---------------------------------
for u in $everyone; do
	target="$u"
	for o in $everyone; do
		[ "$o" = "$u" ] && continue
		wait_for "$o@" 60 # the list is re-read every 2 s
	done
	lacks "$u@" "$u's own header"
	has "also here:" "$u's header"
done

# --- four changes at the same time -------------------------------------------------
# (each opens its milestone's details and closes them: the moves are done)
target=amina
keys j j j Enter # econ-customs-middle-corridor (in progress)
target=bob
keys l j j j Enter # energy-joint-projects (in progress)
target=carol
keys l l j j j j Enter # conn-tripp (blocked)
for u in amina:econ-customs-middle-corridor bob:energy-joint-projects carol:conn-tripp; do
	target=${u%%:*}
	wait_for "Milestone ${u#*:}"
	keys Escape
	wait_gone "Milestone ${u#*:}"
done
for u in $everyone; do
	target="$u"
	keys Space 4
done
LOGNAME=dave "$bin" set -q --today "$TODAY" "$file" sec-roadmap status=done || fail "the script's set failed"
for u in $everyone; do
	target="$u"
	wait_for "18/39" 20 # 14 done before, four more, seen within ~2 s
done
# nobody's change is lost, each is its status line and its completion date
for id in econ-customs-middle-corridor energy-joint-projects conn-tripp sec-roadmap; do
	grep -A3 "id: $id\$" "$file" | grep -q "status: done" || fail "$id is not done in the file"
	grep -A4 "id: $id\$" "$file" | grep -q "completed: $TODAY" || fail "$id has no completion date"
done
[ "$(diff "$orig" "$file" | grep -c '^>')" -eq 8 ] || { fail "the diff is not 8 lines:"; diff "$orig" "$file"; }
[ "$(diff "$orig" "$file" | grep -c '^<')" -eq 4 ] || fail "the diff removes other than 4 lines"
for who in amina bob carol dave; do
	grep -q "\"user\":\"$who\".*\"field\":\"status\".*\"new\":\"done\"" "$file.history" ||
		fail "no history line for $who's change"
done
[ "$(wc -l <"$file.history")" -eq 4 ] || fail "the history has $(wc -l <"$file.history") lines, not 4"

# someone else's change is marked: "changed by NAME N s ago" in the details
target=amina
keys l Enter # the same row of energy (a pane change keeps the row): bob's milestone
wait_for "Milestone energy-joint-projects"
has "changed by bob" "amina's detail of bob's change"
keys Escape
wait_gone "Milestone energy-joint"
# dave's scripted change is marked on bob's screen too (the message line
# names only the last change bob saw, and the four land in any order)
target=bob
keys l l l k Enter # from energy to security at the same row, up to sec-roadmap
wait_for "Milestone sec-roadmap"
has "changed by dave" "bob's detail of dave's scripted change"
keys Escape
wait_gone "Milestone sec-roadmap"
keys h h h j # back to energy at the same row, down to energy-joint-projects

# --- a conflict: the editor's value is stale, then "use mine" / "keep theirs" ------
target=carol
keys e # carol edits conn-tripp's title...
wait_for "Edit conn-tripp"
LOGNAME=dave "$bin" set -q "$file" conn-tripp title="Dave's title" || fail "set title failed"
keys C-u
keys -l "Carol's title"
keys Enter
wait_for "dave changed title of conn-tripp to 'Dave's title'"
has "t keep theirs" "the conflict dialog"
keys m
wait_for "Saved: conn-tripp title"
grep -Eq "title: \"?Carol's title" "$file" || fail "use mine did not save carol's title"
keys e
wait_for "Edit conn-tripp"
LOGNAME=dave "$bin" set -q "$file" conn-tripp title="Dave again" || fail "set title failed"
keys C-u
keys -l "Carol again"
keys Enter
wait_for "changed title of conn-tripp to 'Dave again'"
keys t
wait_for "Kept their value"
grep -Eq "title: \"?Dave again" "$file" || fail "keep theirs did not keep dave's title"
for u in $everyone; do
	target="$u"
	wait_for "18/39" 20
done

# --- an invalid hand edit: banner everywhere, no writes, fixed: banner gone -----------
cp "$file" "$tmp/good.yaml"
sed 's/^        status: not_started$/        status: finished/' "$tmp/good.yaml" >"$tmp/bad.yaml"
cp "$tmp/bad.yaml" "$file" # a hand edit in place, as an editor saving over it
for u in $everyone; do
	target="$u"
	wait_for "file on disk invalid" 20
	has "charter.yaml:" "$u's banner (the error's location)"
	has "18/39" "$u's last good state"
done
target=bob
keys Space 1
wait_for "Not saved: the file on disk is invalid"
cmp -s "$tmp/bad.yaml" "$file" || fail "a write happened while the file was invalid"
cp "$tmp/good.yaml" "$file"
for u in $everyone; do
	target="$u"
	wait_gone "file on disk invalid" 20
done
target=bob
keys Space 1
wait_for "Saved: energy-joint-projects status 'done'"

# --- leaving: quit, SIGTERM and a crash remove the presence records -------------------
# pid_of USER: the dashboard's pid, from its presence record USER@HOST.PID
pid_of() {
	ls "$tmp/.charter.yaml.presence" 2>/dev/null | sed -n "s/^$1@.*\.\([0-9]*\)\$/\1/p" | head -n 1
}
target=amina
keys q
wait_for "EXIT=0"
target=carol
wait_gone "amina@" 60
bobpid=$(pid_of bob)
[ -n "$bobpid" ] && kill -TERM "$bobpid"
target=bob
wait_for "EXIT=143"
carolpid=$(pid_of carol)
[ -n "$carolpid" ] && kill -SEGV "$carolpid" # the crash handler removes the record too
target=carol
wait_for "EXIT=139"
[ -e "$tmp/.charter.yaml.presence" ] && fail "presence records left: $(ls -a "$tmp/.charter.yaml.presence")"
finish
