#!/bin/sh
# e2e: git as the engine across servers, with real git and the merge driver
# that `charterdash git-setup` installs. Each scenario starts from a fresh
# shared repository and clones (one per person), changes the charter with
# charterdash, and merges with git; every result is checked as a whole
# document by PyYAML (yaml_expect.py: the base with exactly the expected
# edits) and, where git must stop, by its markers and `charterdash check`.
# $1 = the binary (absolute), $2 = a scratch directory.
set -u
bin=$1 tmp=$2
here=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C GIT_CONFIG_NOSYSTEM=1 HOME=$tmp # no user or system git settings
name=test_git_sync
. "$here/dashboard_lib.sh" # for the dashboard's banner in scenario 3
failures=0
fail() {
	echo "test_git_sync: FAIL [$scenario]: $*" >&2
	failures=$((failures + 1))
}
git_in() { # DIR ARGS...
	dir=$1
	shift
	git -C "$dir" "$@" >>"$tmp/git.log" 2>&1
}
done_on=2026-12-02
expect() { # FILE EDIT...: FILE is the scenario's base with these edits
	file=$1
	shift
	python3 "$here/yaml_expect.py" "$file" "$tmp/$scenario/base.yaml" "$@" || fail "$file is not as expected"
}
set_field() { # WHO ID FIELD=VALUE... (a milestone made done is completed on $done_on)
	who=$1
	shift
	"$bin" set -q --today "$done_on" --user "$who" "$tmp/$scenario/$who/charter.yaml" "$@" || fail "$who: set $*"
}

write_base() { # FILE
	cat >"$1" <<'YAML'
charter:
  title: Sync charter   # kept in git
  signed: 2026-02-09
working_groups:
  - id: energy
    name: Energy
    milestones:
      - id: energy-roadmap   # adopted first
        title: Adopt the roadmap
        status: in_progress
        owner: Ministry
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
        x-budget: 12
YAML
}

# A shared repository holding base.yaml (LF, or CRLF with "crlf") as
# charter.yaml, and a clone per person, each set up with git-setup.
fresh() { # SCENARIO [crlf] -- WHO...
	scenario=$1
	shift
	d=$tmp/$scenario
	mkdir -p "$d"
	write_base "$d/base.yaml"
	if [ "${1:-}" = crlf ]; then
		sed 's/$/\r/' "$d/base.yaml" >"$d/base.crlf" && mv "$d/base.crlf" "$d/base.yaml"
		shift
	fi
	git init -q --bare "$d/shared.git"
	git init -q "$d/seed"
	git_in "$d/seed" config user.name seed
	git_in "$d/seed" config user.email seed@example.org
	cp "$d/base.yaml" "$d/seed/charter.yaml"
	"$bin" git-setup "$d/seed" >>"$tmp/git.log" 2>&1 || fail "git-setup in the seed"
	git_in "$d/seed" add -A
	git_in "$d/seed" commit -q -m charter
	git_in "$d/seed" push -q "$d/shared.git" HEAD:main || fail "push the seed"
	for who in "$@"; do
		git clone -q -b main "$d/shared.git" "$d/$who" >>"$tmp/git.log" 2>&1 || fail "clone for $who"
		git_in "$d/$who" config user.name "$who"
		git_in "$d/$who" config user.email "$who@example.org"
		"$bin" git-setup "$d/$who" >>"$tmp/git.log" 2>&1 || fail "git-setup for $who"
	done
}
commit() { # WHO MESSAGE: everything, the history included
	git_in "$tmp/$scenario/$1" add -A && git_in "$tmp/$scenario/$1" commit -q -m "$2" || fail "$1 commits"
}
push() { # WHO
	git_in "$tmp/$scenario/$1" push -q origin HEAD:main || fail "$1 pushes"
}
pull() { # WHO [--rebase]: true when git merged without a conflict
	git_in "$tmp/$scenario/$1" pull -q --no-edit ${2:---no-rebase} origin main
}
no_markers() { # FILE
	grep -q '^<<<<<<<\|^=======\|^>>>>>>>' "$1" && fail "conflict markers left in $1"
}

# 1. Different fields of one milestone, on adjacent lines: git's own merge
# calls this a conflict; the driver merges it. The histories union.
fresh adjacent amina bob
set_field amina energy-roadmap status=done
commit amina "roadmap done"
push amina
set_field bob energy-roadmap owner="Elvin H."
commit bob "new owner"
pull bob || fail "the merge of two fields of one milestone conflicts"
f=$tmp/adjacent/bob/charter.yaml
no_markers "$f"
expect "$f" set:energy-roadmap:status:done set:energy-roadmap:completed:$done_on "set:energy-roadmap:owner:Elvin H."
grep -q '# adopted first' "$f" && grep -q '# kept in git' "$f" || fail "a comment was lost"
[ "$(grep -c '"id":"energy-roadmap"' "$f.history")" -eq 2 ] || fail "the histories did not union"
# git diff and git log -p show fields (the textconv git-setup installed)
git -C "$tmp/adjacent/amina" log -p -1 >"$tmp/log.txt" 2>&1
grep -q '^-Energy · Adopt the roadmap \[energy-roadmap\]: status in_progress$' "$tmp/log.txt" &&
	grep -q '^+Energy · Adopt the roadmap \[energy-roadmap\]: status done$' "$tmp/log.txt" ||
	fail "git log -p does not show the field change: $(head -c 600 "$tmp/log.txt")"

# 2. Both add a milestone to the same group: both kept, ours first.
fresh additions amina bob
"$bin" add -q --user amina --id energy-grid "$tmp/additions/amina/charter.yaml" energy --title "Grid link" ||
	fail "amina adds"
commit amina "grid link"
push amina
"$bin" add -q --user bob --id energy-h2 "$tmp/additions/bob/charter.yaml" energy --title "Hydrogen pilot" \
	owner=Bob || fail "bob adds"
commit bob "hydrogen"
pull bob || fail "two additions to one group conflict"
f=$tmp/additions/bob/charter.yaml
no_markers "$f"
expect "$f" 'add:energy:{"id": "energy-h2", "title": "Hydrogen pilot", "status": "not_started", "owner": "Bob"}' \
	'add:energy:{"id": "energy-grid", "title": "Grid link", "status": "not_started"}'

# 3. One field set two ways: a conflict around just that line, named on
# stderr; `check` and the loader refuse the file until it is resolved.
fresh twoways amina bob
set_field amina trade-fta status=done
commit amina done
push amina
set_field bob trade-fta status=in_progress
commit bob resumed
pull bob && fail "a field set two ways merged without a conflict"
f=$tmp/twoways/bob/charter.yaml
[ "$(grep -c '^<<<<<<< ours$' "$f")" -eq 1 ] || fail "expected one conflict"
sed -n '/^<<<<<<< ours$/,/^>>>>>>> theirs$/p' "$f" >"$tmp/conflict.txt"
printf '%s\n' '<<<<<<< ours' '        status: in_progress' '=======' '        status: done' '>>>>>>> theirs' |
	cmp -s - "$tmp/conflict.txt" || fail "the markers are not around just the status line: $(cat "$tmp/conflict.txt")"
grep -q "charter.yaml:[0-9]*:1: conflict: the status of 'trade-fta' is 'in_progress' here and 'done'" "$tmp/git.log" ||
	fail "the conflict is not named on stderr"
line=$(grep -n '^<<<<<<< ours$' "$f" | cut -d: -f1)
"$bin" check "$f" >"$tmp/out" 2>&1 && fail "check accepts a file with conflict markers"
grep -q "charter.yaml:$line:1: error: unresolved merge conflict" "$tmp/out" || fail "check: $(cat "$tmp/out")"
# a dashboard open on the file says so until the conflict is resolved
cp "$tmp/twoways/base.yaml" "$tmp/dash.yaml"
start 120 40 --today 2026-12-02 "$tmp/dash.yaml"
wait_for "Today 2026-12-02" 100
cp "$f" "$tmp/dash.yaml"
wait_for "dash.yaml:20:1: unresolved merge conflict" 30
# keep ours, and the file is whole again
sed -i '/^<<<<<<< ours$/d; /^=======$/,/^>>>>>>> theirs$/d' "$f"
# amina's completion date came with the merge (a field only she set): the
# status says in_progress, so check warns about it until someone removes it
expect "$f" set:trade-fta:status:in_progress set:trade-fta:completed:$done_on
cp "$f" "$tmp/dash.yaml"
wait_gone "unresolved merge conflict" 30
keys q

# 4. A removal against an edit: a conflict, the changed milestone shown.
fresh removal amina bob
"$bin" rm -q --user amina "$tmp/removal/amina/charter.yaml" energy-lng || fail "amina removes"
commit amina removed
push amina
set_field bob energy-lng status=in_progress
commit bob started
pull bob && fail "a removal against an edit merged without a conflict"
grep -q "conflict: milestone 'energy-lng' was changed here and removed on the other side" "$tmp/git.log" ||
	fail "the removal conflict is not named"
# a removal against an edit of another milestone merges
fresh removal2 amina bob
"$bin" rm -q --user amina "$tmp/removal2/amina/charter.yaml" energy-lng || fail "amina removes"
commit amina removed
push amina
set_field bob energy-roadmap status=done
commit bob done
pull bob || fail "a removal and an unrelated edit conflict"
expect "$tmp/removal2/bob/charter.yaml" rm:energy-lng set:energy-roadmap:status:done \
	set:energy-roadmap:completed:$done_on

# 5. Rebase instead of merge.
fresh rebase amina bob
set_field amina trade-fta owner="Trade council"
commit amina owner
push amina
set_field bob trade-fta status=in_progress notes="talks resumed"
commit bob status
pull bob --rebase || fail "a rebase over a change to another field conflicts"
expect "$tmp/rebase/bob/charter.yaml" "set:trade-fta:owner:Trade council" set:trade-fta:status:in_progress \
	"set:trade-fta:notes:talks resumed"
[ "$(git -C "$tmp/rebase/bob" rev-list --count HEAD)" -eq 3 ] || fail "the rebase did not make a linear history"

# 6. Three clones, each a different field of one milestone, in turn.
fresh three amina bob carol
set_field amina energy-lng status=done
commit amina a
push amina
set_field bob energy-lng owner=Bob
commit bob b
pull bob || fail "bob's merge conflicts"
push bob
set_field carol energy-lng due=2027-01-15
commit carol c
pull carol || fail "carol's merge conflicts"
expect "$tmp/three/carol/charter.yaml" set:energy-lng:status:done set:energy-lng:completed:$done_on \
	set:energy-lng:owner:Bob set:energy-lng:due:2027-01-15

# 7. CRLF files merge and stay CRLF.
fresh crlf crlf amina bob
set_field amina energy-roadmap status=done
commit amina a
push amina
set_field bob energy-roadmap owner=Bob
"$bin" add -q --user bob --id energy-h2 "$tmp/crlf/bob/charter.yaml" energy --title "Hydrogen" || fail "bob adds"
commit bob b
pull bob || fail "a CRLF merge conflicts"
f=$tmp/crlf/bob/charter.yaml
expect "$f" set:energy-roadmap:status:done set:energy-roadmap:completed:$done_on set:energy-roadmap:owner:Bob \
	'add:energy:{"id": "energy-h2", "title": "Hydrogen", "status": "not_started"}'
[ "$(grep -c "$(printf '\r')\$" "$f")" -eq "$(wc -l <"$f")" ] || fail "a line lost its CRLF ending"

# 8. git-setup is idempotent.
before=$(cat "$tmp/crlf/bob/.gitattributes" "$tmp/crlf/bob/.gitignore" | md5sum)
"$bin" git-setup "$tmp/crlf/bob" >/dev/null 2>&1 || fail "git-setup again"
[ "$(cat "$tmp/crlf/bob/.gitattributes" "$tmp/crlf/bob/.gitignore" | md5sum)" = "$before" ] ||
	fail "a second git-setup changed the files"
[ "$(git -C "$tmp/crlf/bob" config --get-all merge.charterdash.driver | wc -l)" -eq 1 ] ||
	fail "a second git-setup added a second driver entry"

scenario=done
[ "$failures" -eq 0 ] || { echo "test_git_sync: $failures failure(s); git log in $tmp/git.log" >&2; exit 1; }
echo "test_git_sync: ok"
