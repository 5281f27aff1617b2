#!/bin/sh
# Runs every tests/e2e/test_*.sh against the built binary. Each script gets
# the binary's absolute path as $1 and a fresh scratch directory as $2, and
# exits non-zero on failure. Prints a closing tally.
#
# Scripts run side by side (tests/jobs.sh), E2E_JOBS at a time (default:
# the cores nproc reports); each one's output is kept and printed whole
# when it ends, so the outputs never interleave. A script that cannot
# share the machine (it measures time, or stresses it) says so with a line
# of its own:
#   # e2e-run: alone
# and runs after the others, by itself. A line `# e2e-run: slow` starts a
# script among the first, so that a long one does not end the run alone.
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

jobs_dir=$bindir jobs_max=${E2E_JOBS:-} jobs_times=${E2E_TIMES:-}
. "$here/../jobs.sh"

# marked WORD SCRIPT: the script has a line `# e2e-run: WORD ...`
marked() { grep -Eq "^# e2e-run: $1( |$)" "$2"; }
slow="" plain="" alone=""
for t in "$here"/test_*.sh; do
  [ -e "$t" ] || continue
  if marked alone "$t"; then alone="$alone $t"
  elif marked slow "$t"; then slow="$slow $t"
  else plain="$plain $t"; fi
done

run_one() { # SCRIPT: in a scratch directory of its own
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/charterdash-e2e.XXXXXX")
  sh "$1" "$bin" "$scratch"
  rc=$?
  rm -rf "$scratch"
  return "$rc"
}

for t in $slow $plain; do
  jobs_run "$(basename "$t")" run_one "$t"
done
jobs_wait
for t in $alone; do
  jobs_run "$(basename "$t")" run_one "$t"
  jobs_wait
done
echo "e2e: $jobs_passed passed, $jobs_failed failed"  # scripts
[ "$jobs_failed" -eq 0 ] || { echo "failed:$jobs_failed_names"; exit 1; }
