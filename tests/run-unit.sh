#!/bin/sh
# Runs each cmocka test binary given; with VALGRIND=1 under valgrind
# (any leak or invalid access fails the run). Prints a closing tally.
# They run side by side (tests/jobs.sh), UNIT_JOBS at a time (default: the
# cores nproc reports), each one's output printed whole when it ends.
set -u
jobs_dir=$(mktemp -d "${TMPDIR:-/tmp}/charterdash-unit.XXXXXX") || exit 1
trap 'rm -rf "$jobs_dir"' EXIT
jobs_max=${UNIT_JOBS:-}
. "$(dirname "$0")/jobs.sh"

run_one() { # BINARY
  if [ "${VALGRIND:-0}" = 1 ]; then
    valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
      --errors-for-leak-kinds=definite,indirect,possible "$1"
  else
    "$1"
  fi
}

for bin in "$@"; do
  jobs_run "$bin" run_one "$bin"
done
jobs_wait
echo "unit: $jobs_passed passed, $jobs_failed failed"  # cmocka programs
[ "$jobs_failed" -eq 0 ] || { echo "failed:$jobs_failed_names"; exit 1; }
