#!/bin/sh
# e2e-run: slow (tests/e2e/run.sh starts it among the first)
# e2e: the edit transaction under concurrency and SIGKILL.
#  1. 4 writers x 250 random `set` changes (statuses and owners of the
#     milestones each one owns) on one file at the same time: every
#     writer's last value is in the file, the file loads, and the history
#     holds exactly one line per change that changed something, in each
#     writer's order, each line's old value being the previous line's new
#     value for that field (so no change was lost or overwritten).
#  2. A writer killed with SIGKILL at random moments, 200 times, on a
#     ~650 kB file: after each kill the file loads and equals the before or
#     the after state byte for byte, and in the end the history has one
#     line per change saved (none lost to a kill after the rename). A writer killed between creating its
#     temporary file and the rename leaves that file
#     (.NAME.charterdash-tmp.PID.XXXXXX) behind; the next writer removes it
#     under the lock (its flock is free: the writer is dead), so at most one
#     is ever there and none after a normal change.
#  3. 6 writers x 40 changes (each to its own milestone) while another
#     loop deletes the lock file every millisecond (what `git clean -X`
#     does with the .gitignore advice): every change reported saved is in
#     the file at the end, and the history lists exactly those.
#  4. An editor saves the file at the last instant before a save's rename
#     (tests/e2e/failio.c's FAILIO_SWAP_IN, deterministic): the change is
#     made again on the editor's text, and both are in the file.
#  5. A writer killed (SIGKILL, failio.c's FAILIO_KILL) just after its
#     rename, before its history line: `log` and the next change still list
#     the change, exactly once; one killed just before the rename leaves no
#     line for a change that was never saved.
# $1 = the binary (absolute), $2 = a scratch directory.
set -u
bin=$1 tmp=$2
python=/usr/bin/python3
export LC_ALL=C

failures=0
fail() {
	echo "test_concurrency: FAIL: $*" >&2
	failures=$((failures + 1))
}
if ! "$python" -c 'import yaml' 2>/dev/null; then
	echo "test_concurrency: needs $python with PyYAML (apt-get install python3-yaml)" >&2
	exit 1
fi
started=$(date +%s)

# --- 1. four writers at once ---------------------------------------------------
f=$tmp/c.yaml
{
	printf 'charter:\n  title: Concurrency\n  signed: 2026-02-09\nworking_groups:\n'
	for w in 1 2 3 4; do
		printf '  - id: g%s\n    name: Writer %s\n    milestones:\n' "$w" "$w"
		for m in 0 1 2 3 4 5 6 7 8 9; do
			printf '      - id: w%s-m%s   # owned by writer %s\n        title: M%s\n        status: not_started\n' \
				"$w" "$m" "$w" "$m"
		done
	done
} >"$f"
for w in 1 2 3 4; do
	awk -v w="$w" 'BEGIN {
		srand(1000 + w)
		split("not_started in_progress blocked done", st, " ")
		for (i = 0; i < 250; i++) {
			m = int(rand() * 10)
			if (rand() < 0.6)
				print "w" w "-m" m, "status=" st[1 + int(rand() * 4)]
			else
				print "w" w "-m" m, "owner=Owner " int(rand() * 3)
		}
	}' >"$tmp/w$w.cmds"
done
t0=$(date +%s)
for w in 1 2 3 4; do
	(
		while read -r id assignment; do
			"$bin" set --user "writer$w" "$f" "$id" "$assignment" >>"$tmp/w$w.out" 2>>"$tmp/w$w.err" ||
				echo "$id $assignment" >>"$tmp/w$w.failed"
		done <"$tmp/w$w.cmds"
	) &
done
wait
t1=$(date +%s)
for w in 1 2 3 4; do
	[ ! -e "$tmp/w$w.failed" ] || fail "writer $w: $(wc -l <"$tmp/w$w.failed") changes failed: $(head -n 3 "$tmp/w$w.err")"
done
"$bin" check "$f" >/dev/null || fail "the file does not load after the writers"
ls -A "$tmp" | grep -q '^\.c\.yaml\.charterdash-tmp\.' && fail "temporary files left: $(ls -A "$tmp")"

"$python" - "$f" "$tmp" <<'PY' >"$tmp/writers.out" 2>&1 || { fail "writers' results"; cat "$tmp/writers.out" >&2; }
import json, sys
import yaml
path, tmp = sys.argv[1], sys.argv[2]
doc = yaml.safe_load(open(path, "rb"))
now = {m["id"]: m for g in doc["working_groups"] for m in g["milestones"]}
history = [json.loads(l) for l in open(path + ".history", encoding="utf-8")]
changes = noops = 0
for w in range(1, 5):
    cmds = [l.split(" ", 1) for l in open("%s/w%d.cmds" % (tmp, w)).read().splitlines()]
    outs = open("%s/w%d.out" % (tmp, w)).read().splitlines()
    assert len(cmds) == len(outs) == 250, (w, len(cmds), len(outs))
    made, last = [], {}
    for (mid, assignment), out in zip(cmds, outs):
        field, value = assignment.split("=", 1)
        last[(mid, field)] = value
        if "nothing to change" in out:
            noops += 1
        else:
            made.append((mid, field, value))
    for (mid, field), value in last.items():
        assert now[mid].get(field) == value, ("last value lost", w, mid, field, value, now[mid])
    logged = [(h["id"], h["field"], h["new"]) for h in history if h["user"] == "writer%d" % w]
    assert logged == made, ("history of writer %d differs from its changes" % w)
    changes += len(made)
assert len(history) == changes == 1000 - noops, (len(history), changes, noops)
# Each line's old value is the value the line before left: nothing lost.
value = {}
for h in history:
    key = (h["id"], h["field"])
    before = value.get(key, "not_started" if h["field"] == "status" else None)
    assert h["old"] == before, ("lost update", h, before)
    value[key] = h["new"]
print("writers: %d changes, %d no-ops, %d history lines" % (changes, noops, len(history)))
PY

# --- 2. SIGKILL at random moments -----------------------------------------------
"$python" - "$bin" "$tmp/kill" <<'PY' >"$tmp/kill.out" 2>&1 || { fail "killed writers"; cat "$tmp/kill.out" >&2; }
import glob, os, random, re, subprocess, sys, time
binary, work = sys.argv[1], sys.argv[2]
os.makedirs(work)
path = os.path.join(work, "big.yaml")
random.seed(4)
statuses = ["not_started", "in_progress", "blocked", "done"]
lines = ["charter:\n  title: Big\n  signed: 2026-02-09\nworking_groups:\n"]
for g in range(8):
    lines.append("  - id: g%d\n    name: Group %d\n    milestones:\n" % (g, g))
    for m in range(600):
        lines.append("      - id: g%d-m%d   # a comment\n        title: Milestone %d — Azərbaycan\n"
                     "        status: %s\n        owner: Owner %d\n" % (g, m, m, random.choice(statuses), m % 7))
with open(path, "w", encoding="utf-8") as f:
    f.write("".join(lines))

def read():
    with open(path, "rb") as f:
        return f.read()

def temps():
    return glob.glob(os.path.join(work, ".big.yaml.charterdash-tmp.*"))

def set_status(status):
    return [binary, "set", "-q", path, "g4-m300", "status=" + status]

# The two states: the file toggles between them; an unkilled run's time
# (the median of three) sets the range of the random kill moments.
times = []
for status in ("done", "blocked", "done", "blocked"):
    t = time.monotonic()
    subprocess.run(set_status(status), check=True)
    times.append(time.monotonic() - t)
    if status == "done":
        state_a = read()
duration = sorted(times[1:])[1]
state_b = read()
assert state_a != state_b
current, other = state_b, state_a
outcome = {"before": 0, "after": 0, "stray temp": 0, "finished": 0}
for i in range(200):
    p = subprocess.Popen(set_status("done" if current is state_b else "blocked"))
    time.sleep(random.uniform(0, 1.3 * duration))
    p.kill()
    if p.wait() == 0:
        outcome["finished"] += 1
    data = read()
    if data == current:
        outcome["before"] += 1
    elif data == other:
        outcome["after"] += 1
        current, other = other, current
    else:
        sys.exit("kill %d: the file is neither the before nor the after state (%d bytes)" % (i, len(data)))
    if subprocess.run([binary, "check", path], capture_output=True).returncode != 0:
        sys.exit("kill %d: the file does not load" % i)
    left = temps()
    if len(left) > 1:
        sys.exit("kill %d: %d temporary files left: stale ones were not removed" % (i, len(left)))
    outcome["stray temp"] += len(left)
subprocess.run(set_status("not_started"), check=True)
# Every saved change has its history line, exactly once: the 4 toggles
# above, each kill that left the after state, and the last change.
logged = sum(1 for l in open(path + ".history", encoding="utf-8") if '"g4-m300"' in l)
if logged != 4 + outcome["after"] + 1:
    sys.exit("the history lists %d changes, %d were saved" % (logged, 4 + outcome["after"] + 1))
if temps():
    sys.exit("temporary files left after a normal change: %s" % temps())
if subprocess.run([binary, "check", path], capture_output=True).returncode != 0:
    sys.exit("the file does not load at the end")
print("kills: one run takes %.0f ms; after 200 kills the file was %d x before, %d x after; "
      "%d kills left a temporary file; %d runs finished first" %
      (duration * 1000, outcome["before"], outcome["after"], outcome["stray temp"], outcome["finished"]))
PY
# --- 3. the lock file deleted while writers hold it -----------------------------
"$python" - "$bin" "$tmp/unlock" <<'PY' >"$tmp/unlock.out" 2>&1 || { fail "lock file deleted"; cat "$tmp/unlock.out" >&2; }
import json, os, subprocess, sys, threading, time
import yaml
binary, work = sys.argv[1], sys.argv[2]
os.makedirs(work)
path = os.path.join(work, "c.yaml")
lock = os.path.join(work, ".c.yaml.lock")
WRITERS, CHANGES = 6, 40
with open(path, "w") as f:
    f.write("charter:\n  title: Unlocked\n  signed: 2026-02-09\nworking_groups:\n")
    for w in range(WRITERS):
        f.write("  - id: g%d\n    name: Writer %d\n    milestones:\n" % (w, w))
        for m in range(CHANGES):
            f.write("      - id: w%d-m%d\n        title: M%d\n        status: not_started\n" % (w, m, m))
saved = {}
stop = threading.Event()

def writer(w):
    for m in range(CHANGES):
        mid, value = "w%d-m%d" % (w, m), "Owner %d-%d" % (w, m)
        p = subprocess.run([binary, "set", "-q", "--user", "u%d" % w, path, mid, "owner=" + value],
                           capture_output=True)
        if p.returncode == 0:
            saved[mid] = value

def deleter():
    while not stop.is_set():
        try:
            os.unlink(lock)
        except FileNotFoundError:
            pass
        time.sleep(0.001)

threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
d = threading.Thread(target=deleter)
d.start()
for t in threads:
    t.start()
for t in threads:
    t.join()
stop.set()
d.join()
doc = yaml.safe_load(open(path, "rb"))
now = {m["id"]: m for g in doc["working_groups"] for m in g["milestones"]}
lost = sorted(mid for mid, value in saved.items() if now[mid].get("owner") != value)
history = [json.loads(l) for l in open(path + ".history", encoding="utf-8")]
logged = {h["id"]: h["new"] for h in history if h.get("field") == "owner"}
if lost:
    sys.exit("%d of %d changes reported saved are not in the file: %s" % (len(lost), len(saved), lost[:5]))
if logged != saved:
    sys.exit("the history lists %d changes, %d were reported saved" % (len(logged), len(saved)))
print("lock deleted every ms: %d of %d changes saved, none lost" % (len(saved), WRITERS * CHANGES))
PY
# --- 4. an editor's save just before the rename ---------------------------------
here=$(cd "$(dirname "$0")" && pwd)
shim=$tmp/failio.so
if ${CC:-cc} -shared -fPIC -o "$shim" "$here/failio.c" -ldl 2>"$tmp/cc.err"; then
	d=$tmp/swap
	mkdir "$d"
	printf 'charter:\n  title: T\n  signed: 2026-02-09\nworking_groups:\n  - id: g\n    name: G\n    milestones:\n      - id: a\n        title: A\n        status: not_started\n' >"$d/c.yaml"
	{ cat "$d/c.yaml"; echo '# a hand edit saved at the last instant'; } >"$d/editor.swp"
	LD_PRELOAD=$shim FAILIO_MATCH=.c.yaml.charterdash-tmp. FAILIO_SWAP_IN=$d/editor.swp \
		"$bin" set -q "$d/c.yaml" a owner=Lastmoment 2>"$tmp/swap.err" || fail "set with a late editor's save: $(cat "$tmp/swap.err")"
	[ ! -e "$d/editor.swp" ] || fail "the shim did not play the editor"
	grep -q '^# a hand edit saved at the last instant$' "$d/c.yaml" || fail "the editor's save was overwritten"
	grep -q '^        owner: Lastmoment$' "$d/c.yaml" || fail "the change is not in the file after a late editor's save"
	[ "$(grep -c Lastmoment "$d/c.yaml.history")" -eq 1 ] || fail "a late editor's save: not one history line"
	ls -A "$d" | grep -q charterdash-tmp && fail "a late editor's save left a temporary file: $(ls -A "$d")"

	# --- 5. killed between the rename and the history line -------------------
	d=$tmp/killed
	mkdir "$d"
	printf 'charter:\n  title: T\n  signed: 2026-02-09\nworking_groups:\n  - id: g\n    name: G\n    milestones:\n      - id: a\n        title: A\n        status: not_started\n' >"$d/c.yaml"
	"$bin" set -q "$d/c.yaml" a status=in_progress || fail "the first change before the kills"
	LD_PRELOAD=$shim FAILIO_MATCH=.c.yaml.charterdash-tmp. FAILIO_KILL=after-rename \
		"$bin" set -q "$d/c.yaml" a owner=Killedafter 2>/dev/null
	rc=$?
	[ "$rc" -eq 137 ] || fail "the writer was not killed after its rename (exit $rc)"
	grep -q '^        owner: Killedafter$' "$d/c.yaml" || fail "the change killed after its rename is not saved"
	"$bin" log "$d/c.yaml" >"$tmp/killed.log" 2>&1 || fail "log after a kill: $(cat "$tmp/killed.log")"
	grep -q Killedafter "$tmp/killed.log" || fail "log misses a change saved just before its writer was killed"
	"$bin" set -q "$d/c.yaml" a status=done || fail "a change after the kill"
	[ "$(grep -c Killedafter "$d/c.yaml.history")" -eq 1 ] ||
		fail "the killed writer's change is not in the history exactly once: $(cat "$d/c.yaml.history")"
	LD_PRELOAD=$shim FAILIO_MATCH=.c.yaml.charterdash-tmp. FAILIO_KILL=before-rename \
		"$bin" set -q "$d/c.yaml" a owner=Neversaved 2>/dev/null
	rc=$?
	[ "$rc" -eq 137 ] || fail "the writer was not killed before its rename (exit $rc)"
	grep -q Neversaved "$d/c.yaml" && fail "a change killed before its rename is in the file"
	"$bin" log "$d/c.yaml" >"$tmp/killed.log" 2>&1 || fail "log after a kill: $(cat "$tmp/killed.log")"
	"$bin" set -q "$d/c.yaml" a status=blocked || fail "a change after the second kill"
	grep -q Neversaved "$d/c.yaml.history" "$tmp/killed.log" && fail "the history lists a change that was never saved"
	[ "$(wc -l <"$d/c.yaml.history")" -eq 4 ] || fail "the history is not the 4 saved changes: $(cat "$d/c.yaml.history")"
	ls -A "$d" | grep -q charterdash-tmp && fail "the killed writers' temporaries were not removed: $(ls -A "$d")"
else
	fail "cannot build the failio shim: $(cat "$tmp/cc.err")"
fi
ended=$(date +%s)

[ "$failures" -eq 0 ] || { echo "test_concurrency: $failures failure(s)" >&2; exit 1; }
echo "test_concurrency: ok ($(cat "$tmp/writers.out") in $((t1 - t0)) s; $(cat "$tmp/kill.out"); $(cat "$tmp/unlock.out"); $((ended - started)) s in all)"
