#!/bin/sh
# e2e: `make install` / `make uninstall` with DESTDIR and PREFIX put the
# binary and the shipped charter where packagers expect, and take them away.
# Builds in its own BUILD directory under the scratch dir so the caller's
# build is left alone. $1 = the binary (unused), $2 = a scratch directory.
set -u
tmp=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dest=$tmp/root
failures=0
fail() {
	echo "test_install: FAIL: $*" >&2
	failures=$((failures + 1))
}

# A make started from `make test` would inherit its variables (BUILD, CC,
# DESTDIR...) and jobserver through MAKEFLAGS: start afresh.
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -C "$root" \
		BUILD="$tmp/build" "$@" >"$tmp/make.log" 2>&1 || { cat "$tmp/make.log" >&2; return 1; }
}
files_under() { (cd "$1" && find . -type f | sort); }

# `make e2e` names its build (CHARTERDASH_BUILD) and how it compiled and
# linked (CHARTERDASH_CC, _CFLAGS, _LDFLAGS): its objects, copied with their
# times, leave make only the archive and the link to do, the same way,
# instead of compiling everything again. Run alone, the script builds all.
if [ -n "${CHARTERDASH_BUILD:-}" ] && [ -d "$CHARTERDASH_BUILD/obj" ]; then
	mkdir -p "$tmp/build" && cp -Rp "$CHARTERDASH_BUILD/obj" "$tmp/build/" ||
		fail "cannot copy the objects of $CHARTERDASH_BUILD"
	# (make takes CC, CFLAGS and LDFLAGS from the environment)
	CC=${CHARTERDASH_CC:-cc} CFLAGS=${CHARTERDASH_CFLAGS:-} LDFLAGS=${CHARTERDASH_LDFLAGS:-}
	export CC CFLAGS LDFLAGS
fi

mk install DESTDIR="$dest" PREFIX=/usr || fail "make install exited non-zero"
if [ -n "${CHARTERDASH_BUILD:-}" ] && grep -q -- ' -c -o ' "$tmp/make.log"; then
	fail "make install compiled again instead of reusing $CHARTERDASH_BUILD's objects:"
	cat "$tmp/make.log" >&2
fi
bin=$dest/usr/bin/charterdash
share=$dest/usr/share/charterdash/charter.yaml
[ -x "$bin" ] || fail "no executable $bin"
[ -f "$share" ] || fail "no $share"
cmp -s "$share" "$root/data/charter.yaml" || fail "installed charter differs from data/charter.yaml"
[ "$(stat -c %a "$bin")" = 755 ] || fail "binary mode $(stat -c %a "$bin"), want 755"
[ "$(stat -c %a "$share")" = 644 ] || fail "charter mode $(stat -c %a "$share"), want 644"
# Exactly these files, nothing under /usr/local or elsewhere.
printf '%s\n' ./usr/bin/charterdash ./usr/share/bash-completion/completions/charterdash \
	./usr/share/charterdash/charter.yaml ./usr/share/man/man1/charterdash.1 >"$tmp/want"
files_under "$dest" >"$tmp/got"
diff -u "$tmp/want" "$tmp/got" >&2 || fail "installed files differ from the expected ones"
[ -x "$tmp/build/charterdash" ] || fail "the build did not go to BUILD=$tmp/build"

# The installed program works on the installed charter.
"$bin" --version | grep -q -E '^charterdash [0-9]' || fail "installed binary: --version"
"$bin" check "$share" >"$tmp/out" 2>&1 || { fail "installed binary cannot check the installed charter"; cat "$tmp/out" >&2; }

mk uninstall DESTDIR="$dest" PREFIX=/usr || fail "make uninstall exited non-zero"
[ -e "$bin" ] && fail "uninstall left $bin"
[ -e "$share" ] && fail "uninstall left $share"
[ -d "$dest/usr/share/charterdash" ] && fail "uninstall left the empty share/charterdash directory"
[ -z "$(files_under "$dest")" ] || fail "uninstall left files: $(files_under "$dest")"

# The default PREFIX is /usr/local.
mk install DESTDIR="$tmp/root2" || fail "make install (default PREFIX) exited non-zero"
[ -x "$tmp/root2/usr/local/bin/charterdash" ] || fail "default PREFIX: no usr/local/bin/charterdash"
[ -f "$tmp/root2/usr/local/share/charterdash/charter.yaml" ] || fail "default PREFIX: no usr/local/share/charterdash/charter.yaml"
mk uninstall DESTDIR="$tmp/root2" || fail "make uninstall (default PREFIX) exited non-zero"
[ -z "$(files_under "$tmp/root2")" ] || fail "default PREFIX: uninstall left files"

[ "$failures" -eq 0 ] || { echo "test_install: $failures failure(s)" >&2; exit 1; }
echo "test_install: ok"
