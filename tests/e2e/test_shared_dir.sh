#!/bin/sh
# e2e: a charter in a directory others can write to, or read by users who
# may not change it. A reader cannot hold the lock (it opens for those who
# may write the data file only), so writers never wait on one; the lock
# and history are made with the umask and the data file's group; in a
# shared (sticky, world-writable) directory a lock or history planted by a
# user who may not change the charter is not used. Needs root (to act as
# nobody with setpriv): as anyone else, the checks that need a second user
# are said to be left out, and the umask checks still run.
# $1 = the binary (absolute), $2 = a scratch directory.
set -u
bin=$1 tmp=$2
export LC_ALL=C
failures=0
fail() {
	echo "test_shared_dir: FAIL: $*" >&2
	failures=$((failures + 1))
}
charter() { # FILE
	printf 'charter:\n  title: Shared\n  signed: 2026-02-09\nworking_groups:\n  - id: g\n    name: G\n    milestones:\n      - id: a\n        title: A\n        status: not_started\n' >"$1"
}
chmod 755 "$tmp"

# 1. The umask and the data file's group: a 0664 file under umask 027 gets a
# lock 0640 (its writers' bits only, less the umask) and a history 0640.
d=$tmp/umask
mkdir "$d"
charter "$d/c.yaml"
chmod 664 "$d/c.yaml"
group=$(id -gn)
if [ "$(id -u)" -eq 0 ] && getent group nogroup >/dev/null 2>&1; then
	chgrp nogroup "$d/c.yaml" && group=nogroup
fi
(umask 027 && "$bin" set -q "$d/c.yaml" a status=done) || fail "a change under umask 027"
for f in .c.yaml.lock:640 c.yaml.history:640; do
	[ "$(stat -c %G:%a "$d/${f%:*}")" = "$group:${f#*:}" ] ||
		fail "${f%:*} is $(stat -c %G:%a "$d/${f%:*}"), not $group:${f#*:} (the umask and the data file's group)"
done

if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1 || ! command -v flock >/dev/null 2>&1 ||
	! id nobody >/dev/null 2>&1; then
	echo "test_shared_dir: ok (not root: the checks with a second user left out)"
	[ "$failures" -eq 0 ] || exit 1
	exit 0
fi
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }

# 2. A reader holding the lock: a 0644 file's lock is 0600, so nobody (who
# may read the charter, not change it) cannot open it to hold it, and
# root's change does not wait.
d=$tmp/reader
mkdir "$d" && chmod 755 "$d"
charter "$d/c.yaml"
chmod 644 "$d/c.yaml"
"$bin" set -q "$d/c.yaml" a status=in_progress || fail "the first change"
[ "$(stat -c %a "$d/.c.yaml.lock")" = 600 ] || fail "the lock of a 0644 file is $(stat -c %a "$d/.c.yaml.lock"), not 600"
# (setpriv, sh and sleep are one process: $holder is the one to stop)
mkdir "$tmp/marks" && chmod 777 "$tmp/marks"
as_nobody sh -c 'exec 9<"$1" || exit 0; flock -x 9 && : >"$2" && exec sleep 20' sh "$d/.c.yaml.lock" "$tmp/marks/held" \
	2>/dev/null &
holder=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do # until the holder holds or gave up
	[ -e "$tmp/marks/held" ] && break
	kill -0 "$holder" 2>/dev/null || break
	sleep 0.2
done
[ -e "$tmp/marks/held" ] && fail "nobody, who may only read the charter, holds its lock"
timeout 10 "$bin" set -q "$d/c.yaml" a status=done >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "a change while a reader tries to hold the lock: exit $rc ($(cat "$tmp/err"))"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

# 3. A shared (sticky, world-writable) directory: a history planted by
# nobody is not written to (the change is saved, with a warning).
d=$tmp/sticky
mkdir "$d" && chmod 1777 "$d"
charter "$d/c.yaml"
chmod 644 "$d/c.yaml"
as_nobody sh -c "umask 0; : >'$d/c.yaml.history'"
"$bin" set -q "$d/c.yaml" a status=done >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "a change beside a planted history: exit $rc"
[ -s "$d/c.yaml.history" ] && fail "the change was logged in a history nobody planted"
grep -q "the change is saved, but not in the history: cannot append to $d/c.yaml.history: not a regular file of someone who may change the charter, in a shared directory, so not used" "$tmp/err" ||
	fail "no word of the planted history: $(cat "$tmp/err")"
grep -q 'status: done' "$d/c.yaml" || fail "the change beside a planted history was not saved"

# 4. The same directory, a lock planted by nobody: not used (nobody could
# hold it); the change is refused with the reason.
d=$tmp/sticky2
mkdir "$d" && chmod 1777 "$d"
charter "$d/c.yaml"
chmod 644 "$d/c.yaml"
cp "$d/c.yaml" "$tmp/orig.yaml"
as_nobody sh -c "umask 0; : >'$d/.c.yaml.lock'"
timeout 10 "$bin" set -q "$d/c.yaml" a status=done >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "a change beside a planted lock: exit $rc"
grep -q "the lock file $d/.c.yaml.lock is not a regular file of someone who may change the charter" "$tmp/err" ||
	fail "no word of the planted lock: $(cat "$tmp/err")"
cmp -s "$d/c.yaml" "$tmp/orig.yaml" || fail "the file changed under a planted lock"

# 5. A group member's lock and history in a world-writable directory are
# used: nobody, in the file's group, may change a 0664 file.
d=$tmp/group
mkdir "$d" && chmod 777 "$d"
charter "$d/c.yaml"
chgrp nogroup "$d/c.yaml" && chmod 664 "$d/c.yaml"
as_nobody sh -c "umask 002; '$bin' set -q '$d/c.yaml' a owner=Nobody" || fail "nobody's change as a group member"
"$bin" set -q "$d/c.yaml" a status=done >"$tmp/out" 2>"$tmp/err" || fail "root's change after nobody's: $(cat "$tmp/err")"
[ -s "$tmp/err" ] && fail "root's change after a group member's: $(cat "$tmp/err")"
[ "$(wc -l <"$d/c.yaml.history")" -eq 2 ] || fail "the history is not both changes"

[ "$failures" -eq 0 ] || { echo "test_shared_dir: $failures failure(s)" >&2; exit 1; }
echo "test_shared_dir: ok"
