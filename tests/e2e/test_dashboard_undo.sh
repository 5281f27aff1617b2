#!/bin/sh
# e2e: undo in the dashboard never loses or overwrites data (issue 12).
#  - D, y, u on a milestone with comments, quoting and keys charterdash does
#    not model: the file is byte for byte what it was (it used to come back
#    as five fields at the end of the group);
#  - a, then someone else sets the new milestone's owner, u: undo asks
#    (t keeps it, m removes it anyway) instead of removing their change;
#  - D, y, someone changes the milestone just above, u: undo asks, and m
#    puts it back from its fields.
# $1 = absolute path of the binary, $2 = scratch directory.
set -u
name=test_dashboard_undo
bin=$1
tmp=$2
. "$(dirname "$0")/dashboard_lib.sh"

file="$tmp/c.yaml"
cat >"$file" <<'YAML'
charter:
  title: Undo
  signed: 2026-02-09
working_groups:
  - id: g
    name: Group
    milestones:
      - id: a
        title: Alpha
        status: in_progress
      # b is the one with a budget
      - id: b   # keep me
        title: 'Bravo'
        status: done
        owner: "Ann"
        x-budget: 5   # thousands
        x-tags: [one, two]
      - id: c
        title: Charlie
        status: not_started
YAML
cp "$file" "$tmp/orig.yaml"
same() {
	cmp -s "$1" "$file" || { fail "$2: differs from $(basename "$1"):"; diff "$1" "$file" | head -20; }
}

start 120 30 --today "$TODAY" c.yaml
wait_for "Overall" || finish
file_order 1 # a, b, c as in the file

# --- undo of a delete: the exact bytes, at their place ---------------------------
keys j # b
keys D
wait_for "Delete 'Bravo' (b)?"
keys y
wait_for "Deleted b"
grep -q "x-budget" "$file" && fail "the delete left b's lines"
keys u
wait_for "Undone: deleting of b"
same "$tmp/orig.yaml" "after undoing the delete"

# --- undo of an add that someone changed meanwhile: asked ---------------------------
keys a
wait_for "New milestone in Group"
keys -l 'New one'
keys Enter
wait_for "A unique word"
keys Enter
wait_for "Added "
id=$(sed -n 's/^ *- id: \(g-new[a-z-]*\).*/\1/p' "$file")
[ -n "$id" ] || fail "the added milestone is not in the file"
"$bin" set -q "$file" "$id" owner=Someone || fail "someone else's change to the new milestone"
keys u
wait_for "was changed by someone else since you added it"
has "m undo anyway" "undo's question"
keys t
wait_for "Not undone; nothing was written"
grep -q "owner: Someone" "$file" || fail "t removed the milestone with their change"
keys u
wait_for "m undo anyway"
keys m
wait_for "Undone: adding of $id"
grep -q "$id" "$file" && fail "m did not remove the added milestone"
same "$tmp/orig.yaml" "after removing the add anyway"

# --- undo of a delete whose neighbourhood changed: asked -----------------------------
keys k k k k j # b again
keys D
wait_for "Delete 'Bravo' (b)?"
keys y
wait_for "Deleted b"
"$bin" set -q "$file" a status=done || fail "someone else's change above the deleted milestone"
keys u
wait_for "the lines around 'b' changed since it was deleted"
has "m undo anyway" "undo's question"
keys m
wait_for "Undone: deleting of b"
grep -q "^      - id: b$" "$file" || fail "m did not put b back from its fields"
grep -q "^        owner: Ann$" "$file" || fail "b came back without its owner"
keys q
wait_for "EXIT=0"
finish
