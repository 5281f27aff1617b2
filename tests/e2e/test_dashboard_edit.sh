#!/bin/sh
# e2e: editing in the dashboard, driven by keys in tmux on a copy of the
# shipped charter: status keys give a one-line diff (checked with diff),
# Space cycles, the line editor edits a title with UTF-8 and survives a
# 10,000-character paste, a date that does not exist is refused in place,
# add and delete, undo and redo, notes in $EDITOR (temporary file beside
# the data file), the meeting mark and its list, read-only.
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_dashboard_edit
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

file="$tmp/charter.yaml"
orig="$tmp/orig.yaml"
cp "$data" "$orig"
cp "$data" "$file"

# same FILE: the data file equals FILE
same() {
	cmp -s "$1" "$file" || { fail "${2:-file}: differs from $(basename "$1"):"; diff "$1" "$file" | head -20; }
}

start 120 40 --today "$TODAY" charter.yaml
wait_for "Overall" || finish
file_order 5 # the keys below walk the milestones in the file's order
has "Space status" "the footer"
has "e edit" "the footer"

# --- status keys: saved at once, the status line changed and the completion date
# (today, the dashboard's --today) written right after it -----------------------------
keys j j j Space 4 # econ-customs-middle-corridor: in_progress -> done
wait_for "Saved: econ-customs-middle-corridor status 'in_progress'"
has "15/39  38%" "the header after the change"
diff "$orig" "$file" >"$tmp/diff.out"
printf '109c109,110\n<         status: in_progress\n---\n>         status: done\n>         completed: %s\n' "$TODAY" >"$tmp/diff.want"
cmp -s "$tmp/diff.want" "$tmp/diff.out" || { fail "the status key's diff:"; cat "$tmp/diff.out"; }
grep -q '"id":"econ-customs-middle-corridor","group":"economy","field":"status","old":"in_progress","new":"done"' \
	"$file.history" || fail "no history line for the status change"
keys Space 1 # done -> not_started (the status menu)
wait_for "status 'done'"
grep -q "^        status: not_started" "$file" || fail "Space 1 did not set not started"
keys Space 2
wait_for "status 'not_started'"
same "$orig" "status back to in_progress"
[ "$(wc -l <"$file.history")" -eq 3 ] || fail "expected 3 history lines, got $(wc -l <"$file.history")"

# --- undo and redo --------------------------------------------------------------
keys u
wait_for "Undone: status of econ-customs-middle-corridor"
grep -q "^        status: not_started" "$file" || fail "undo did not restore not_started"
keys C-r
wait_for "Redone: status of econ-customs-middle-corridor"
same "$orig" "after redo"
keys u u u
wait_for "Undone: status of econ-customs-middle-corridor"
keys u
wait_for "Nothing to undo"
same "$orig" "after undoing everything"
[ "$(wc -l <"$file.history")" -eq 8 ] || fail "undo and redo are not each a saved change in the history"

# --- the line editor: a title with UTF-8 ------------------------------------------
keys e
wait_for "Edit econ-customs-middle-corridor"
has "Streamline customs procedures for Middle Corridor trade" "the editor's text"
keys C-u
keys -l 'Zürich 中文 roadmap'
keys Left Left Left Left Left Left Left
keys -l 'new '
keys End BSpace C-w
keys -l 'plan'
keys Home Right Delete # Zürich -> Zrich
wait_for "Zrich 中文 new plan"
keys Enter
wait_for "Saved: econ-customs-middle-corridor title"
grep -q "title: Zrich 中文 new plan$" "$file" || fail "the title was not saved as typed: $(grep -n 'Zrich' "$file")"
[ "$(diff "$orig" "$file" | grep -c '^[<>]')" -eq 2 ] || fail "the title edit changed more than one line"

# a 10,000-character paste: no crash, no hang, Esc cancels and nothing is written
cp "$file" "$tmp/before-paste.yaml"
keys e
wait_for "Edit econ-customs-middle-corridor"
chunk=$(printf '%0100d' 0 | tr 0 x)
chunk="$chunk$chunk$chunk$chunk$chunk$chunk$chunk$chunk$chunk$chunk" # 1,000
i=0
while [ "$i" -lt 10 ]; do
	keys -l "$chunk"
	i=$((i + 1))
done
keys -l 'END'
wait_for "xxxEND"
has "‹" "the scrolled editor's left mark"
keys Home
wait_for "Zrich"
keys Escape
wait_for "Cancelled: nothing was written"
same "$tmp/before-paste.yaml" "after a cancelled paste"

# --- a date that does not exist is refused in place ---------------------------------
keys e Tab Tab
wait_for "YYYY-MM-DD"
keys C-u
keys -l '2026-02-30'
keys Enter
wait_for "February 2026 has 28"
has "Edit econ-customs-middle-corridor" "the editor stays open"
keys Escape
wait_gone "Edit econ-customs"
same "$tmp/before-paste.yaml" "after the refused date"

# --- add and delete ------------------------------------------------------------------
cp "$file" "$tmp/before-add.yaml"
keys a
wait_for "New milestone in Economy and Trade"
keys -l 'Joint e2e check'
keys Enter
wait_for "econ-joint-e2e-check"
has "A unique word" "the id step"
keys Enter
wait_for "Added econ-joint-e2e-check"
grep -q "id: econ-joint-e2e-check" "$file" || fail "the new milestone is not in the file"
keys Enter # the selection moved to it
wait_for "Milestone econ-joint-e2e-check"
has "Joint e2e check" "the new milestone's details"
has "History (newest first" "the detail view's history"
has "added 'Joint e2e check'" "the add in the milestone's history"
keys Escape
wait_gone "Milestone econ-joint"
keys D
wait_for "Delete 'Joint e2e check' (econ-joint-e2e-check)?"
keys n
wait_for "Not deleted"
grep -q "id: econ-joint-e2e-check" "$file" || fail "n deleted the milestone"
keys D
wait_for "Delete 'Joint e2e check'"
keys y
wait_for "Deleted econ-joint-e2e-check"
same "$tmp/before-add.yaml" "after add and delete"
keys u
wait_for "Undone: deleting of econ-joint-e2e-check"
grep -q "id: econ-joint-e2e-check" "$file" || fail "undoing the delete did not bring it back"
keys u
wait_for "Undone: adding of econ-joint-e2e-check"
same "$tmp/before-add.yaml" "after undoing add and delete"

# --- notes in $EDITOR ----------------------------------------------------------------
cat >"$tmp/fake-editor.sh" <<'EOF'
#!/bin/sh
# a stand-in for an editor: records where the file is, rewrites it
(cd "$(dirname "$2")" && pwd -P) >"$(dirname "$0")/editor-dir.txt"
printf '%s' "$1" >"$(dirname "$0")/editor-arg.txt"
printf 'Notes from the editor: é 中\n' >"$2"
EOF
chmod +x "$tmp/fake-editor.sh"
cmp -s "$file" "$tmp/before-add.yaml" || cp "$file" "$tmp/before-add.yaml"
T kill-server
new_server
# The editor with an argument: split on spaces, no shell; $VISUAL wins over
# $EDITOR (false would leave the notes unsaved)
cat >"$tmp/run-ed.sh" <<EOF
cd '$tmp'
env VISUAL='$tmp/fake-editor.sh --flag' EDITOR=false TERM=xterm-256color LANG=C.UTF-8 '$bin' --today $TODAY charter.yaml
echo "EXIT=\$?"
exec sleep 600
EOF
T new-session -d -x 120 -y 40 "sh '$tmp/run-ed.sh'"
wait_for "Overall"
file_order 5
keys j j j E
wait_for "Saved: econ-customs-middle-corridor notes"
grep -q "notes: 'Notes from the editor: é 中'\|notes: Notes from the editor: é 中\|notes: \"Notes from the editor: é 中\"" "$file" ||
	fail "the notes from \$EDITOR were not saved: $(grep -n 'editor' "$file")"
[ "$(cat "$tmp/editor-dir.txt" 2>/dev/null)" = "$(cd "$tmp" && pwd -P)" ] ||
	fail "the notes' temporary file was not beside the data file: $(cat "$tmp/editor-dir.txt" 2>/dev/null)"
[ "$(cat "$tmp/editor-arg.txt" 2>/dev/null)" = "--flag" ] || fail "\$EDITOR's argument was not passed"
ls -a "$tmp" | grep -q '\.notes\.' && fail "the temporary notes file was left behind"
has "Overall" "the screen after the editor"

# --- meeting mark and the changes since ----------------------------------------------
keys m
wait_for "Meeting started at"
grep -q '"id":"\*".*"field":"meeting"' "$file.history" || fail "m wrote no meeting mark"
keys w
wait_for "Changes since the meeting started"
has "0 changes since" "the empty list"
"$bin" set -q "$file" energy-civil-nuclear status=blocked || fail "set failed"
wait_for "* energy-civil-nuclear (Open a civil nuclear" 20 # its net change, as the minutes say it
has "1 change since" "the list after a change"
keys Escape
wait_gone "Changes since the meeting"
"$bin" minutes --since meeting "$file" >"$tmp/minutes.txt" 2>&1 || fail "minutes after m failed"
grep -q "energy-civil-nuclear" "$tmp/minutes.txt" || fail "minutes --since meeting lacks the change after m"

# --- read-only ----------------------------------------------------------------------------
cp "$file" "$tmp/before-ro.yaml"
start 100 30 --today "$TODAY" --read-only charter.yaml
wait_for "Overall"
has "read-only" "the header"
keys Space
wait_for "Read-only: started with --read-only; nothing was changed"
keys e
wait_for "Read-only"
lacks "Edit econ" "an editor in read-only mode"
keys a D u '?' # the help after them: they are done when it shows
wait_for "Help: keys"
keys Escape
wait_gone "Help: keys"
same "$tmp/before-ro.yaml" "after editing keys in read-only mode"
keys q
expect_exit 0 "read-only quit"
# a file the user cannot write (root can write anything: skipped there)
if [ "$(id -u)" != 0 ]; then
	chmod a-w "$file"
	start 100 30 --today "$TODAY" charter.yaml
	wait_for "read-only"
	keys Space
	wait_for "you cannot write"
	chmod u+w "$file"
fi
same "$tmp/before-ro.yaml" "the file at the end"
finish
