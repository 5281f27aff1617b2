#!/bin/sh
# Runs each cmocka test binary given; with VALGRIND=1 under valgrind
# (any leak or invalid access fails the run). Prints a closing tally.
set -u
passed=0 failed=0 failed_names=""
for bin in "$@"; do
  if [ "${VALGRIND:-0}" = 1 ]; then
    valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
      --errors-for-leak-kinds=definite,indirect,possible "$bin"
  else
    "$bin"
  fi
  if [ $? -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); failed_names="$failed_names $bin"; fi
done
echo "unit: $passed passed, $failed failed"  # cmocka programs
[ "$failed" -eq 0 ] || { echo "failed:$failed_names"; exit 1; }
