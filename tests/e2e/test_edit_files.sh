#!/bin/sh
# e2e: what a change does to the files around it. The mode (and, for root,
# the owner) of the data file is kept; the lock and history files are never
# more permissive than it; a symlinked data file is written through to its
# target; a directory or FIFO is refused without hanging; a symlink planted
# at the lock's name is not followed; the file is replaced by rename, never
# rewritten in place; leftover temporary files of killed writers are
# removed, nothing else; a read-only file is refused, and a group-shared
# file's lock and history work for the whole group (checked as an
# unprivileged user when run as root).
# $1 = the binary (absolute), $2 = a scratch directory.
set -u
bin=$1 tmp=$2
export LC_ALL=C
failures=0
fail() {
	echo "test_edit_files: FAIL: $*" >&2
	failures=$((failures + 1))
}
run() { # ARGS...: sets $rc; stdout in $tmp/out, stderr in $tmp/err
	timeout 10 "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
expect_rc() { # WANT WHAT
	[ "$rc" -eq "$1" ] || { fail "$2: exit $rc, expected $1"; sed 's/^/  stderr: /' "$tmp/err" >&2; }
}
err_has() { grep -q -e "$1" "$tmp/err" || { fail "$2: stderr lacks '$1'"; sed 's/^/  stderr: /' "$tmp/err" >&2; }; }
mode() { stat -c %a "$1"; }
# True when mode $1 grants nothing that mode $2 does not.
within() { [ $((0$1 & ~0$2)) -eq 0 ]; }

charter() { # FILE
	cat >"$1" <<'EOF'
charter:
  title: Files
  signed: 2026-02-09
working_groups:
  - id: g
    name: G
    milestones:
      - id: a
        title: A
        status: not_started
EOF
}

# Modes are the data file's, whatever the umask; lock and history within them.
for m in 600 640 664 644; do
	d=$tmp/mode$m
	mkdir "$d"
	charter "$d/c.yaml"
	chmod "$m" "$d/c.yaml"
	(umask 000 && "$bin" set -q "$d/c.yaml" a status=done) || fail "set on a $m file"
	[ "$(mode "$d/c.yaml")" = "$m" ] || fail "a $m file became $(mode "$d/c.yaml")"
	for side in "$d/.c.yaml.lock" "$d/c.yaml.history"; do
		[ -e "$side" ] || { fail "$side was not created"; continue; }
		within "$(mode "$side")" "$m" || fail "$(basename "$side") is $(mode "$side"), more than the data file's $m"
	done
done

# The file is replaced by a rename (a new inode), never truncated in place.
d=$tmp/inode
mkdir "$d"
charter "$d/c.yaml"
before=$(stat -c %i "$d/c.yaml")
run set "$d/c.yaml" a status=blocked
expect_rc 0 "set for the inode check"
[ "$(stat -c %i "$d/c.yaml")" != "$before" ] || fail "the file was rewritten in place"

# A symlinked data file: the target changes, the link stays a link, and the
# lock and history live beside the target.
d=$tmp/link
mkdir -p "$d/real" "$d/elsewhere"
charter "$d/real/c.yaml"
chmod 640 "$d/real/c.yaml"
ln -s ../real/c.yaml "$d/elsewhere/link.yaml"
run set "$d/elsewhere/link.yaml" a status=done title=Linked
expect_rc 0 "set through a symlink"
[ -L "$d/elsewhere/link.yaml" ] || fail "the symlink was replaced by a file"
[ "$(readlink "$d/elsewhere/link.yaml")" = "../real/c.yaml" ] || fail "the symlink points elsewhere now"
grep -q '^        title: Linked$' "$d/real/c.yaml" || fail "the target was not changed"
[ "$(mode "$d/real/c.yaml")" = 640 ] || fail "the target's mode changed"
[ -e "$d/real/c.yaml.history" ] && [ -e "$d/real/.c.yaml.lock" ] || fail "history and lock are not beside the target"
[ -z "$(ls -A "$d/elsewhere" | grep -v '^link.yaml$')" ] || fail "files appeared beside the link: $(ls -A "$d/elsewhere")"

# A directory or a FIFO is refused, at once.
d=$tmp/odd
mkdir -p "$d/dir.yaml"
mkfifo "$d/fifo.yaml"
run set "$d/dir.yaml" a status=done
expect_rc 1 "a directory"
err_has "is a directory" "a directory"
run set "$d/fifo.yaml" a status=done
expect_rc 1 "a FIFO"
err_has "not a regular file" "a FIFO"
run set --dry-run "$d/fifo.yaml" a status=done
expect_rc 1 "a FIFO with --dry-run"
[ -z "$(ls -A "$d" | grep -v '^dir.yaml$\|^fifo.yaml$')" ] || fail "files appeared beside odd files: $(ls -A "$d")"

# A symlink planted at the lock's name is not followed.
d=$tmp/planted
mkdir "$d"
charter "$d/c.yaml"
cp "$d/c.yaml" "$d/orig.yaml"
printf 'precious\n' >"$d/precious"
chmod 600 "$d/precious"
ln -s precious "$d/.c.yaml.lock"
ln -s nothing-here "$d/dangling"
run set "$d/c.yaml" a status=done
expect_rc 1 "a symlink at the lock's name"
err_has "is a symbolic link; not following it" "a symlink at the lock's name"
cmp -s "$d/c.yaml" "$d/orig.yaml" || fail "the data file changed despite the planted lock"
[ "$(cat "$d/precious")" = precious ] && [ "$(mode "$d/precious")" = 600 ] || fail "the lock symlink's target was touched"
rm "$d/.c.yaml.lock"
ln -s nothing-here "$d/.c.yaml.lock"
run set "$d/c.yaml" a status=done
expect_rc 1 "a dangling symlink at the lock's name"
[ ! -e "$d/nothing-here" ] || fail "a dangling lock symlink made a file appear at its target"

# A history that cannot be written: the change is saved, with a warning.
d=$tmp/nohistory
mkdir -p "$d/c.yaml.history"
charter "$d/c.yaml"
run set "$d/c.yaml" a status=done
expect_rc 0 "a history that cannot be written"
err_has "warning: the change is saved, but not in the history: cannot append to .*c.yaml.history" \
	"a history that cannot be written"
grep -q '^        status: done$' "$d/c.yaml" || fail "the change was not saved without a history"

# Leftovers of killed writers (.NAME.charterdash-tmp.PID.XXXXXX regular
# files whose flock is free) go, nothing else: not a user's .c.yaml.backup.
d=$tmp/stale
mkdir "$d"
charter "$d/c.yaml"
printf 'half-writ' >"$d/.c.yaml.charterdash-tmp.4194999.Ab12Z9"
printf 'mine\n' >"$d/.c.yaml.notes"
printf 'mine\n' >"$d/.c.yaml.backup"
printf 'mine\n' >"$d/.c.yaml.Ab12Z9"
printf 'mine\n' >"$d/.c.yaml.charterdash-tmp.4194999.Ab12Z"
printf 'mine\n' >"$d/.other.yaml.charterdash-tmp.4194999.Ab12Z9"
mkdir "$d/.c.yaml.charterdash-tmp.4194999.Dir123"
ln -s c.yaml "$d/.c.yaml.charterdash-tmp.4194999.Lnk123"
run set "$d/c.yaml" a status=done
expect_rc 0 "set with leftovers around"
[ ! -e "$d/.c.yaml.charterdash-tmp.4194999.Ab12Z9" ] || fail "a killed writer's temporary file was not removed"
for keep in .c.yaml.notes .c.yaml.backup .c.yaml.Ab12Z9 .c.yaml.charterdash-tmp.4194999.Ab12Z \
	.other.yaml.charterdash-tmp.4194999.Ab12Z9 .c.yaml.charterdash-tmp.4194999.Dir123 \
	.c.yaml.charterdash-tmp.4194999.Lnk123; do
	[ -e "$d/$keep" ] || [ -L "$d/$keep" ] || fail "$keep was removed"
done
printf 'half-writ' >"$d/.c.yaml.charterdash-tmp.4194999.Zz99zz"
run set --dry-run "$d/c.yaml" a status=blocked
[ -e "$d/.c.yaml.charterdash-tmp.4194999.Zz99zz" ] || fail "--dry-run removed a file (it takes no lock)"

# Ownership and read-only files, where we can switch users.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
	chmod 711 "$tmp" # mktemp made it 0700: let nobody reach the files below
	d=$tmp/owned
	mkdir "$d"
	charter "$d/c.yaml"
	chown nobody "$d/c.yaml"
	chmod 640 "$d/c.yaml"
	run set "$d/c.yaml" a status=done
	expect_rc 0 "root changes another user's file"
	[ "$(stat -c %U:%a "$d/c.yaml")" = nobody:640 ] || fail "owner or mode not kept: $(stat -c %U:%a "$d/c.yaml")"

	# A file shared by a group: whoever changes it first creates the lock
	# and history with its group, the history with its mode and the lock
	# with its writers' bits (both less the umask: a group shares with
	# umask 002), so the others in the group can lock and log too.
	d=$tmp/shared
	mkdir "$d"
	chmod 777 "$d"
	charter "$d/c.yaml"
	chgrp nogroup "$d/c.yaml"
	chmod 664 "$d/c.yaml"
	(umask 002 && "$bin" set -q "$d/c.yaml" a status=in_progress) || fail "root's change to a shared file"
	for side in .c.yaml.lock:660 c.yaml.history:664; do
		[ "$(stat -c %G:%a "$d/${side%:*}")" = "nogroup:${side#*:}" ] ||
			fail "${side%:*} is $(stat -c %G:%a "$d/${side%:*}"), not nogroup:${side#*:}"
	done
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$bin" set -q "$d/c.yaml" a owner=Nobody \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	expect_rc 0 "a group member's change to a shared file"
	[ ! -s "$tmp/err" ] || fail "a group member's change: $(cat "$tmp/err")"
	[ "$(wc -l <"$d/c.yaml.history")" -eq 2 ] || fail "the group member's change is not in the history"

	d=$tmp/readonly
	mkdir "$d"
	charter "$d/c.yaml"
	chmod 444 "$d/c.yaml"
	chown -R nobody "$d"
	cp "$d/c.yaml" "$tmp/ro-orig.yaml"
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$bin" set "$d/c.yaml" a status=done \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	expect_rc 1 "a read-only file"
	err_has "c.yaml is read-only for everyone (mode 0444); --force changes it anyway" "a read-only file"
	cmp -s "$d/c.yaml" "$tmp/ro-orig.yaml" || fail "a read-only file was replaced"
	# root too: the mode says nobody writes it (it used to be replaced)
	run set "$d/c.yaml" a status=done
	expect_rc 1 "root and a read-only file"
	err_has "c.yaml is read-only for everyone (mode 0444); --force changes it anyway" "root and a read-only file"
	cmp -s "$d/c.yaml" "$tmp/ro-orig.yaml" || fail "root replaced a read-only file"
	run rm --force "$d/c.yaml" a
	expect_rc 0 "root's rm --force of a read-only file"
	grep -q 'id: a$' "$d/c.yaml" && fail "rm --force did not change the read-only file"
	[ "$(stat -c %U:%a "$d/c.yaml")" = nobody:444 ] || fail "--force did not keep owner and mode: $(stat -c %U:%a "$d/c.yaml")"

	d=$tmp/lockeddir
	mkdir "$d"
	charter "$d/c.yaml"
	chown nobody "$d/c.yaml"
	chmod 755 "$d" # the directory is root's: no temporary file can be made
	touch "$d/.c.yaml.lock" && chown nobody "$d/.c.yaml.lock"
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$bin" set "$d/c.yaml" a status=done \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	expect_rc 1 "a directory the user cannot write"
	err_has "cannot create a temporary file" "a directory the user cannot write"
	[ -z "$(ls -A "$d" | grep -v '^c.yaml$\|^.c.yaml.lock$')" ] || fail "a failed write left files: $(ls -A "$d")"
else
	echo "test_edit_files: note: not root; ownership and read-only checks skipped" >&2
fi

[ "$failures" -eq 0 ] || { echo "test_edit_files: $failures failure(s)" >&2; exit 1; }
echo "test_edit_files: ok"
