# jobs.sh — runs test commands side by side (sourced, POSIX sh; by
# tests/run-unit.sh and tests/e2e/run.sh). At most jobs_max at a time; each
# one's output goes to a file of its own and is printed whole when it ends,
# so outputs never interleave; a failing one is followed by "FAILED: NAME".
#
# Set before sourcing: jobs_dir (a private scratch directory) and jobs_max
# (default: the cores nproc reports); jobs_times=1 prints each one's seconds.
# Then: jobs_run NAME CMD [ARG...] for each (NAME without spaces), jobs_wait,
# and read jobs_passed, jobs_failed and jobs_failed_names.

jobs_max=${jobs_max:-$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
case "$jobs_max" in '' | *[!0-9]* | 0) jobs_max=1 ;; esac
jobs_running=0 jobs_count=0 jobs_passed=0 jobs_failed=0 jobs_failed_names=""

# Each finished job writes "STATUS SECONDS LOG NAME" to a FIFO this shell
# reads (held open read-write, so it never sees an end of file).
mkfifo "$jobs_dir/done" || exit 1
exec 3<>"$jobs_dir/done"

# jobs_run NAME CMD [ARG...]: starts CMD once a slot is free
jobs_run() {
	[ "$jobs_running" -lt "$jobs_max" ] || jobs_reap
	jobs_count=$((jobs_count + 1))
	_log=$jobs_dir/$jobs_count.log
	_name=$1
	shift
	(
		t0=$(date +%s)
		"$@" >"$_log" 2>&1 </dev/null 3>&-
		echo "$? $(($(date +%s) - t0)) $_log $_name" >&3
	) &
	jobs_running=$((jobs_running + 1))
}

# jobs_reap: waits for one job to end and prints its output
jobs_reap() {
	read -r _rc _secs _log _name <&3 || exit 1
	jobs_running=$((jobs_running - 1))
	cat "$_log"
	if [ "$_rc" -eq 0 ]; then
		jobs_passed=$((jobs_passed + 1))
		[ -z "${jobs_times:-}" ] || echo "($_name: ${_secs}s)"
	else
		jobs_failed=$((jobs_failed + 1))
		jobs_failed_names="$jobs_failed_names $_name"
		echo "FAILED: $_name (${_secs}s)"
	fi
}

jobs_wait() {
	while [ "$jobs_running" -gt 0 ]; do
		jobs_reap
	done
	wait
}
