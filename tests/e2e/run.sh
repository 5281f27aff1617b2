#!/bin/sh
# Runs every tests/e2e/test_*.sh against the built binary. Each script gets
# the binary's absolute path as $1 and a fresh scratch directory as $2, and
# exits non-zero on failure. Prints a closing tally.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
# The scripts get a copy of the binary in a directory every user can enter:
# some run it as nobody, and the checkout may sit under a 0700 home (/root).
bindir=$(mktemp -d "${TMPDIR:-/tmp}/charterdash-bin.XXXXXX")
trap 'rm -rf "$bindir"' EXIT
chmod 711 "$bindir"
cp "$bin" "$bindir/charterdash" && chmod 755 "$bindir/charterdash" || exit 1
bin=$bindir/charterdash
passed=0 failed=0 failed_names=""
for t in "$here"/test_*.sh; do
  [ -e "$t" ] || continue
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/charterdash-e2e.XXXXXX")
  if sh "$t" "$bin" "$scratch"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); failed_names="$failed_names $(basename "$t")"
    echo "FAILED: $(basename "$t")"
  fi
  rm -rf "$scratch"
done
echo "e2e: $passed passed, $failed failed"  # scripts
[ "$failed" -eq 0 ] || { echo "failed:$failed_names"; exit 1; }
