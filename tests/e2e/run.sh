#!/bin/sh
# Runs every tests/e2e/test_*.sh against the built binary. Each script gets
# the binary's absolute path as $1 and a fresh scratch directory as $2, and
# exits non-zero on failure. Prints a closing tally.
#
# Scripts run side by side, E2E_JOBS at a time (default: the cores nproc
# reports); each one's output is kept and printed whole when it ends, so
# the outputs never interleave. A script that cannot share the machine
# (it measures time, or stresses it) says so with a line of its own:
#   # e2e-run: alone
# and runs after the others, by itself. A line `# e2e-run: slow` starts a
# script among the first, so that a long one does not end the run alone.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
# test_install reuses the objects of the build that made the binary
CHARTERDASH_BUILD=$(dirname "$bin")
export CHARTERDASH_BUILD
# The scripts get a copy of the binary in a directory every user can enter:
# some run it as nobody, and the checkout may sit under a 0700 home (/root).
bindir=$(mktemp -d "${TMPDIR:-/tmp}/charterdash-bin.XXXXXX")
trap 'rm -rf "$bindir"' EXIT
chmod 711 "$bindir"
cp "$bin" "$bindir/charterdash" && chmod 755 "$bindir/charterdash" || exit 1
bin=$bindir/charterdash

jobs=${E2E_JOBS:-$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
case "$jobs" in '' | *[!0-9]* | 0) jobs=1 ;; esac

# marked WORD SCRIPT: the script has a line `# e2e-run: WORD ...`
marked() { grep -Eq "^# e2e-run: $1( |$)" "$2"; }
slow="" plain="" alone=""
for t in "$here"/test_*.sh; do
  [ -e "$t" ] || continue
  if marked alone "$t"; then alone="$alone $t"
  elif marked slow "$t"; then slow="$slow $t"
  else plain="$plain $t"; fi
done

# Each finished script writes "STATUS SECONDS NAME" to a FIFO that this
# shell reads: it prints the script's output whole and starts the next one.
done_fifo=$bindir/done
mkfifo "$done_fifo" || exit 1
exec 3<>"$done_fifo"
running=0 passed=0 failed=0 failed_names=""

start_one() { # SCRIPT
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/charterdash-e2e.XXXXXX")
  log=$bindir/$(basename "$1").log
  (
    t0=$(date +%s)
    sh "$1" "$bin" "$scratch" >"$log" 2>&1 </dev/null 3>&-
    rc=$?
    rm -rf "$scratch"
    echo "$rc $(($(date +%s) - t0)) $(basename "$1")" >&3
  ) &
  running=$((running + 1))
}

reap_one() {
  read -r rc secs tname <&3 || exit 1
  running=$((running - 1))
  cat "$bindir/$tname.log"
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    [ -z "${E2E_TIMES:-}" ] || echo "($tname: ${secs}s)"
  else
    failed=$((failed + 1)); failed_names="$failed_names $tname"
    echo "FAILED: $tname (${secs}s)"
  fi
}

for t in $slow $plain; do
  [ "$running" -lt "$jobs" ] || reap_one
  start_one "$t"
done
while [ "$running" -gt 0 ]; do reap_one; done
for t in $alone; do
  start_one "$t"
  reap_one
done
wait
echo "e2e: $passed passed, $failed failed"  # scripts
[ "$failed" -eq 0 ] || { echo "failed:$failed_names"; exit 1; }
