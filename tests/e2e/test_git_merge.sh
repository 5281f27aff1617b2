#!/bin/sh
# e2e: the git workflow. Two clones of a repository holding a charter and
# its history (with `*.history merge=union` in .gitattributes) each change a
# different milestone with `charterdash set` and commit; `git merge` then
# succeeds without a conflict, the merged file loads with both changes, and
# the history holds both lines.
# $1 = the binary (absolute), $2 = a scratch directory.
set -u
bin=$1 tmp=$2
export LC_ALL=C GIT_CONFIG_NOSYSTEM=1 HOME=$tmp # no user or system git settings
failures=0
fail() {
	echo "test_git_merge: FAIL: $*" >&2
	failures=$((failures + 1))
}
git_in() { # DIR ARGS...
	dir=$1
	shift
	git -C "$dir" "$@" >>"$tmp/git.log" 2>&1
}
identity() { # DIR NAME
	git_in "$1" config user.name "$2" && git_in "$1" config user.email "$2@example.org"
}

git init -q --bare "$tmp/shared.git" || { echo "test_git_merge: git init failed" >&2; exit 1; }
git init -q "$tmp/seed"
identity "$tmp/seed" seed
cat >"$tmp/seed/charter.yaml" <<'EOF'
charter:
  title: Merge charter
  signed: 2026-02-09
working_groups:
  - id: energy
    name: Energy
    milestones:
      - id: energy-roadmap   # adopted first
        title: Adopt the roadmap
        status: in_progress
      - id: energy-lng
        title: LNG study
        status: not_started
  - id: trade
    name: Trade
    milestones:
      - id: trade-fta
        title: Free-trade talks
        status: blocked
        owner: Ministry
EOF
printf '*.history merge=union\n' >"$tmp/seed/.gitattributes"
"$bin" set -q --user seed "$tmp/seed/charter.yaml" energy-lng owner=Secretariat || fail "seed change"
git_in "$tmp/seed" add charter.yaml charter.yaml.history .gitattributes
git_in "$tmp/seed" commit -q -m "charter"
git_in "$tmp/seed" push -q "$tmp/shared.git" HEAD:main || fail "push seed"

for who in amina bob; do
	git clone -q -b main "$tmp/shared.git" "$tmp/$who" >>"$tmp/git.log" 2>&1 || fail "clone $who"
	identity "$tmp/$who" "$who"
done
"$bin" set -q --user amina "$tmp/amina/charter.yaml" energy-roadmap status=done || fail "amina's change"
git_in "$tmp/amina" commit -q -a -m "energy roadmap done"
"$bin" set -q --user bob "$tmp/bob/charter.yaml" trade-fta status=in_progress owner='Trade council' ||
	fail "bob's change"
git_in "$tmp/bob" commit -q -a -m "trade talks resumed"

git_in "$tmp/amina" push -q origin HEAD:main || fail "amina pushes"
git_in "$tmp/bob" fetch -q origin || fail "bob fetches"
if ! git_in "$tmp/bob" merge -q --no-edit origin/main; then
	fail "git merge reports a conflict: $(git -C "$tmp/bob" status --short | tr '\n' ' ')"
fi
[ -z "$(git -C "$tmp/bob" diff --name-only --diff-filter=U)" ] || fail "unmerged paths after the merge"
grep -q '^<<<<<<<\|^>>>>>>>' "$tmp/bob/charter.yaml" "$tmp/bob/charter.yaml.history" && fail "conflict markers left"

merged=$tmp/bob/charter.yaml
"$bin" check "$merged" >"$tmp/out" 2>&1 || { fail "the merged file does not load"; cat "$tmp/out" >&2; }
grep -q '^        status: done$' "$merged" || fail "amina's status is missing"
grep -q "^        status: in_progress$" "$merged" && grep -q "^        owner: Trade council$" "$merged" ||
	fail "bob's changes are missing"
grep -q '# adopted first' "$merged" || fail "a comment was lost in the merge"
h=$merged.history
[ "$(wc -l <"$h")" -eq 4 ] || fail "the merged history has $(wc -l <"$h") lines, expected 4"
grep -q '"user":"amina".*"id":"energy-roadmap".*"field":"status".*"new":"done"' "$h" || fail "amina's history line"
grep -q '"user":"bob".*"id":"trade-fta".*"field":"status"' "$h" || fail "bob's status line"
grep -q '"user":"bob".*"id":"trade-fta".*"field":"owner".*"new":"Trade council"' "$h" || fail "bob's owner line"
# git shows amina's status line and the completion date written with it.
[ "$(git -C "$tmp/bob" diff --numstat HEAD~1 HEAD -- charter.yaml | cut -f1,2)" = "$(printf '2\t1')" ] ||
	fail "the merge brought more than amina's two lines: $(git -C "$tmp/bob" diff --numstat HEAD~1 HEAD)"
git -C "$tmp/bob" diff HEAD~1 HEAD -- charter.yaml | grep -q '^+        completed: [0-9-]*$' ||
	fail "amina's completion date is not in the merge"

[ "$failures" -eq 0 ] || { echo "test_git_merge: $failures failure(s); git log in $tmp/git.log" >&2; exit 1; }
echo "test_git_merge: ok"
