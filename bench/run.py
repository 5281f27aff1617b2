#!/usr/bin/env python3
"""make bench: charterdash against the YAML parse floor and against peers.

usage: bench/run.py BINARY SCRATCH_DIR RESULTS_MD [--quick]

Generates charters (bench/gen.py) into SCRATCH_DIR (never committed),
builds the bare libyaml event scan (bench/scan.c), and measures, each as a
ratio within the same run with every command of a table run in turn, round
after round (so that noise from other work on the machine falls on all of
them alike), the median of several rounds:

  - wall time, CPU time (user+sys) and peak RSS of each command, run
    through /usr/bin/time -f '%e %U %S %M';
  - the dashboard's first frame: the dashboard started in tmux at 120x40
    with `q` already typed, so it loads, draws its first frame, reads the
    `q` and exits; timed inside the pane by /usr/bin/time;
  - the instructions of one keystroke (callgrind, instrumentation switched
    on after the first frame, minus a run that only quits);
  - the bytes written to the terminal per keystroke and while idle (tmux
    pipe-pane);
  - taskwarrior and calcurse on the same items, with a throwaway HOME;
  - the merge driver against two loads of the file (--parts=merge: only
    that, written into RESULTS_MD's merge section).

The ratios of the command-line table at 10k and 100k (each command's best
round against the scan's, or scan + copy+fsync, of the same run) are compared with the ones
committed in bench/ratios.json: one more than 10% above its committed value
fails the run (exit 1), naming the figure; a run without a regression writes
its ratios there, to be committed with RESULTS.md.

--quick: fewer rounds and no 100k callgrind runs (for trying the harness).
"""
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = "2026-05-01"
SIZES = [(1000, 5), (10000, 50), (100000, 200)]
CALCURSE_TIMEOUT = 60  # seconds: calcurse reads 100k todos in quadratic time
TMUX = ["tmux", "-L", "charterdash-bench", "-f", "/dev/null"]


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), capture_output=True, text=True, **kw).stdout.strip()


class Run:
    """One command run: wall seconds, CPU seconds, peak RSS in KiB."""

    def __init__(self, wall, cpu, rss):
        self.wall, self.cpu, self.rss = wall, cpu, rss


TIME_OUT = "/tmp/charterdash-bench-time.%d" % os.getpid()


def run_once(argv, stdout=subprocess.DEVNULL, env=None, cwd=None):
    """Through /usr/bin/time: a child forked from this Python process would
    report Python's own memory as its peak (Linux keeps the larger of the
    two across exec); one forked from time(1) starts small."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-o", TIME_OUT, "-f", "%e %U %S %M"] + argv, stdout=stdout,
                       stderr=subprocess.PIPE, env=env, cwd=cwd)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit("bench: %s failed (%d): %s" % (" ".join(argv), p.returncode,
                                                       p.stderr.decode(errors="replace")[:500]))
    _, user, system, rss = open(TIME_OUT).read().split()[-4:]
    return Run(wall, float(user) + float(system), int(rss))


def rounds(cases, n):
    """cases: list of (name, argv, setup or None, env or None). Runs them in
    turn, n rounds; returns name -> list of Run."""
    out = {name: [] for name, *_ in cases}
    for _ in range(n):
        for name, argv, setup, env in cases:
            if setup:
                setup()
            out[name].append(run_once(argv, env=env))
    return out


def med(runs, attr):
    return statistics.median(getattr(r, attr) for r in runs)


def fmt_s(x):
    return "%.3f" % x


def ratio(a, b, fmt="%.2f"):
    """a / b, or '-' when b rounds to nothing (time(1) counts CPU in 10 ms)."""
    return fmt % (a / b) if b > 0 else "-"


# --- the machine ------------------------------------------------------------

def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1048576)
    def version(cmd):
        try:
            return sh(cmd).splitlines()[0]
        except (IndexError, OSError):
            return "not installed"
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "nproc": sh("nproc"),
        "cpu": cpu,
        "memory": mem,
        "kernel": platform.release(),
        "cc": version("cc --version"),
        "clang": version("clang --version 2>/dev/null || echo not installed"),
        "libyaml": sh("dpkg-query -W -f='${Version}' libyaml-0-2 2>/dev/null") or "?",
        "ncurses": sh("dpkg-query -W -f='${Version}' libncursesw6 2>/dev/null") or "?",
        "taskwarrior": version("task --version 2>/dev/null || echo not installed"),
        "calcurse": version("calcurse --version 2>/dev/null || echo not installed"),
        "valgrind": version("valgrind --version 2>/dev/null || echo not installed"),
        "tmux": version("tmux -V 2>/dev/null || echo not installed"),
    }


def load():
    return open("/proc/loadavg").read().split()[:3]


# --- files --------------------------------------------------------------------

def generate(scratch):
    files = {}
    for n, groups in SIZES:
        path = os.path.join(scratch, "charter-%d.yaml" % n)
        if not os.path.exists(path):
            with open(path, "w") as f:
                subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen.py"), str(n), str(groups), "1"],
                               stdout=f, check=True)
        files[n] = path
    return files


def milestone_status(path, mid):
    """The status of milestone `mid` in a generated file."""
    with open(path, encoding="utf-8") as f:
        found = False
        for line in f:
            if line.strip() == "- id: %s" % mid:
                found = True
            elif found and line.strip().startswith("status:"):
                return line.split(":", 1)[1].split("#")[0].strip()
    raise SystemExit("bench: no milestone %s in %s" % (mid, path))


# --- tmux -----------------------------------------------------------------------

def tmux(*args, check=True):
    return subprocess.run(TMUX + list(args), capture_output=True, text=True, check=check).stdout


def tmux_kill():
    subprocess.run(TMUX + ["kill-server"], capture_output=True)


def tmux_start(command, width=120, height=40):
    tmux_kill()
    for _ in range(50):  # a server just killed may still be going away
        r = subprocess.run(TMUX + ["new-session", "-d", "-x", str(width), "-y", str(height), "-s", "b",
                                   command + "; " + " ".join(TMUX) + " wait-for -S done"], capture_output=True)
        if r.returncode == 0:
            return
        time.sleep(0.1)
    raise SystemExit("bench: tmux would not start: %s" % r.stderr.decode(errors="replace"))


def tmux_wait_done(timeout=600):
    subprocess.run(TMUX + ["wait-for", "done"], timeout=timeout)


def tmux_wait_text(text, timeout=120):
    """Waits for any of `text` (a string or a tuple) on the screen."""
    texts = (text,) if isinstance(text, str) else text
    end = time.time() + timeout
    while time.time() < end:
        screen = tmux("capture-pane", "-p", "-t", "b", check=False)
        if any(t in screen for t in texts):
            return True
        time.sleep(0.05)
    return False


def pane_env():
    return "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color HOME=%s" % os.environ.get("HOME", "/tmp")


def first_frame(binary, path, scratch):
    """Program's own wall and CPU time from start, through its first frame,
    to exit on an already typed `q`."""
    timing = os.path.join(scratch, "frame.time")
    tmux_start("%s /usr/bin/time -o %s -f '%%e %%U %%S %%M' %s --today %s %s" %
               (pane_env(), timing, binary, TODAY, path))
    tmux("send-keys", "-t", "b", "q")
    tmux_wait_done()
    wall, user, system, rss = open(timing).read().split()[-4:]
    return Run(float(wall), float(user) + float(system), int(rss))


def settle(log, quiet=0.3, timeout=30):
    """Waits until the pane's output log stops growing; returns its size."""
    end = time.time() + timeout
    size = os.path.getsize(log)
    still = time.time()
    while time.time() < end:
        time.sleep(0.05)
        now = os.path.getsize(log)
        if now != size:
            size, still = now, time.time()
        elif time.time() - still >= quiet:
            break
    return size


def terminal_bytes(argv_text, marker, keys, scratch, idle=3.0):
    """Bytes written to the terminal: for the first frame, per key of each
    group in `keys` (name -> list of tmux key names), and while idle."""
    log = os.path.join(scratch, "pane.out")
    open(log, "w").close()
    tmux_start(pane_env() + " " + argv_text)
    tmux("pipe-pane", "-o", "-t", "b", "cat >> %s" % log)
    if not tmux_wait_text(marker):
        raise SystemExit("bench: no '%s' on the screen of: %s" % (marker, argv_text))
    result = {"first frame": settle(log)}
    before = settle(log)
    time.sleep(idle)
    result["idle %.0f s" % idle] = os.path.getsize(log) - before
    for name, seq in keys:
        # a saved change reloads the file: at 100k nothing shows for a second
        quiet = 3.0 if name.startswith("status") else 0.15
        before = settle(log)
        for k in seq:
            tmux("send-keys", "-t", "b", k)
            settle(log, quiet=quiet)
        after = settle(log, quiet=max(quiet, 0.3))
        result[name] = (after - before) / len(seq)
    tmux_kill()
    return result


def valgrind_pid(marker):
    """The process valgrind runs, found by its command line."""
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            argv = open("/proc/%s/cmdline" % pid, "rb").read().split(b"\0")
        except OSError:
            continue
        if argv and b"valgrind" in os.path.basename(argv[0]) and any(marker.encode() in a for a in argv):
            return pid
    raise SystemExit("bench: valgrind's process not found")


def callgrind_keys(binary, path, keys, scratch, marker, n_items):
    """Instructions per key: callgrind instruments nothing until the first
    frame is up, then everything; minus a run that only quits."""
    out = os.path.join(scratch, "callgrind.out")
    log = os.path.join(scratch, "callgrind.log")

    def one(seq, name):
        for f in (out, log):
            if os.path.exists(f):
                os.remove(f)
        tmux_start("%s valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=%s --log-file=%s %s --today %s %s"
                   % (pane_env(), out, log, binary, TODAY, path))
        if not tmux_wait_text(marker, timeout=600):
            raise SystemExit("bench: the dashboard did not start under callgrind")
        time.sleep(0.5)
        pid = valgrind_pid(out)
        subprocess.run(["callgrind_control", "-i", "on", pid], capture_output=True, check=True)
        for k in seq:
            tmux("send-keys", "-t", "b", k)
            time.sleep(0.25)
        tmux("send-keys", "-t", "b", "q")
        tmux_wait_done()
        text = open(log).read()
        m = re.search(r"Collected : ([0-9]+)", text)
        # kept for callgrind_annotate: which function the keys cost in
        keep = os.path.join(scratch, "callgrind-%d-%s.out" % (n_items, re.sub(r"[^a-z]+", "-", name).strip("-")))
        shutil.copyfile(out, keep)
        return int(m.group(1))

    base = one([], "quit")
    result = {"quit only": base}
    for name, seq in keys:
        result[name] = (one(seq, name) - base) / len(seq)
    tmux_kill()
    return result


# --- peers ------------------------------------------------------------------

def taskwarrior_setup(scratch, n, src):
    home = os.path.join(scratch, "task-%d" % n)
    pristine = os.path.join(home, "pristine")
    if not os.path.exists(os.path.join(pristine, "pending.data")):
        shutil.rmtree(home, ignore_errors=True)
        os.makedirs(pristine)
        tasks = []
        rng = random.Random(1)
        group = None
        with open(src, encoding="utf-8") as f:  # the same items as the charter
            for line in f:
                s = line.strip()
                if s.startswith("- id: wg"):
                    group = s.split(":", 1)[1].strip()
                elif line.startswith("        title:"):  # a milestone's
                    title = s.split(":", 1)[1].strip().strip("\"'")
                    t = {"description": title, "status": "pending", "project": group,
                         "entry": "20260209T090000Z", "uuid": "%08x-0000-4000-8000-%012x" % (len(tasks), len(tasks))}
                    if rng.random() < 0.8:
                        t["due"] = "2026%02d%02dT000000Z" % (rng.randint(3, 12), rng.randint(1, 28))
                    tasks.append(t)
        with open(os.path.join(home, "tasks.json"), "w") as f:
            json.dump(tasks, f)
        with open(os.path.join(home, ".taskrc"), "w") as f:
            f.write("data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\ngc=on\n" % pristine)
        env = dict(os.environ, HOME=home, TASKRC=os.path.join(home, ".taskrc"))
        subprocess.run(["task", "import", os.path.join(home, "tasks.json")], env=env, capture_output=True, check=True)
    work = os.path.join(home, "work")
    with open(os.path.join(home, ".taskrc.work"), "w") as f:
        f.write("data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\n" % work)
    env = dict(os.environ, HOME=home, TASKRC=os.path.join(home, ".taskrc.work"))

    def fresh():
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(pristine, work)
    fresh()
    return env, fresh


def calcurse_setup(scratch, n, src):
    home = os.path.join(scratch, "calcurse-%d" % n)
    data = os.path.join(home, "data")
    if not os.path.exists(os.path.join(data, "todo")):
        shutil.rmtree(home, ignore_errors=True)
        os.makedirs(data)
        rng = random.Random(1)
        with open(src, encoding="utf-8") as f, open(os.path.join(data, "todo"), "w", encoding="utf-8") as out:
            for line in f:
                s = line.strip()
                if line.startswith("        title:"):  # a milestone's
                    out.write("[%d] %s\n" % (rng.randint(1, 9), s.split(":", 1)[1].strip().strip("\"'")))
        open(os.path.join(data, "apts"), "w").close()
        open(os.path.join(data, "conf"), "w").close()
    return home, data


# --- the ratios kept from run to run --------------------------------------------

RATIOS = os.path.join(ROOT, "bench", "ratios.json")
TOLERANCE = 0.10


def best(runs, key):
    return min(getattr(r, key) for r in runs)


def figures_of(table, sizes):
    """The ratios to keep, by name, of each command's best round: other work
    on the machine only ever adds time, and it falls unevenly on commands
    that need more memory than the scan, so medians at a load of 10 moved
    by 40% from run to run while the best rounds held. 1k is left out: its
    commands take a few ms, mostly process start and the timer's steps; CPU
    only at 100k (it comes in 10 ms steps, a third of a command at 10k)."""
    out = {}
    for n, t in table.items():
        if n < 10000:
            continue
        k = "%dk" % (n // 1000)
        for how in ("wall", "cpu") if n >= 100000 else ("wall",):
            scan = best(t["scan"], how)
            floor = scan + best(t["copy+fsync"], how)
            rep = best(t["report --format json"], how)
            if scan > 0:
                out["%s check / scan (%s)" % (k, how)] = best(t["check"], how) / scan
                out["%s report --format json / scan (%s)" % (k, how)] = rep / scan
                out["%s set (status) / (scan + copy+fsync) (%s)" % (k, how)] = best(t["set (status)"], how) / floor
            if rep > 0:
                out["%s dashboard first frame / report (%s)" % (k, how)] = best(t["dashboard first frame"], how) / rep
        out["%s report peak RSS / file" % k] = max(x.rss for x in t["report --format json"]) * 1024 / sizes[n]
    return out


def regressions(now, committed):
    """(name, now, committed) of each figure more than TOLERANCE above its
    committed value."""
    return [(k, v, committed[k]) for k, v in sorted(now.items())
            if k in committed and committed[k] > 0 and v > committed[k] * (1 + TOLERANCE)]


# --- the report ---------------------------------------------------------------

# --- the merge (git's driver) -------------------------------------------------

def merge_sides(path, n, scratch):
    """OURS and THEIRS of the generated charter: ours sets three statuses;
    theirs sets three owners, removes a milestone, moves one to the last
    group and adds one: the day's work of two servers, spread over the file."""
    text = open(path, encoding="utf-8").read()

    def block(t, mid):
        i = t.index("      - id: %s\n" % mid)
        j = t.find("      - id: ", i + 1)
        k = t.find("\n  - id: ", i)  # the next group
        ends = [e for e in (j, k + 1 if k >= 0 else -1) if e > 0]
        return i, min(ends) if ends else len(t)

    def set_field(t, mid, key, value):
        i, j = block(t, mid)
        b = t[i:j]
        m = re.search(r"\n        %s: [^\n]*" % key, b)
        b = (b[:m.start()] + "\n        %s: %s" % (key, value) + b[m.end():]) if m else \
            b.replace("\n", "\n        %s: %s\n" % (key, value), 1)
        return t[:i] + b + t[j:]
    ours = text
    for k in (1, n // 3, n - 7):
        ours = set_field(ours, "m%d" % k, "status", "blocked")
    theirs = text
    for k in (2, n // 2, n - 3):
        theirs = set_field(theirs, "m%d" % k, "owner", "Merge bench")
    i, j = block(theirs, "m%d" % (n // 4))
    theirs = theirs[:i] + theirs[j:]
    i, j = block(theirs, "m5")
    moved, theirs = theirs[i:j], theirs[:i] + theirs[j:]
    k, _ = block(theirs, "m%d" % (n - 2))
    theirs = theirs[:k] + moved + "      - id: bench-new\n        title: Added by the merge bench\n" \
        "        status: not_started\n" + theirs[k:]
    paths = {}
    for side, t in (("ours", ours), ("theirs", theirs)):
        paths[side] = os.path.join(scratch, "merge-%d.%s.yaml" % (n, side))
        with open(paths[side], "w", encoding="utf-8") as f:
            f.write(t)
    return paths


def merge_bench(binary, scratch, files, n_rounds):
    """charterdash merge BASE OURS THEIRS (on a fresh copy of OURS each round)
    against `charterdash check BASE`, a load of the file; returns n -> runs."""
    out = {}
    for n, path in files.items():
        print("bench: %d milestones: merge vs check" % n, file=sys.stderr)
        sides = merge_sides(path, n, scratch)
        target = os.path.join(scratch, "merge-%d.result.yaml" % n)

        def fresh(src=sides["ours"], target=target):
            shutil.copyfile(src, target)
        cases = [("check", [binary, "check", path], None, None),
                 ("merge", [binary, "merge", path, target, sides["theirs"]], fresh, None)]
        out[n] = rounds(cases, n_rounds)
        fresh()
        p = subprocess.run([binary, "merge", path, target, sides["theirs"]], capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit("bench: the merge at %d conflicts or fails (%d): %s" % (n, p.returncode, p.stderr[:500]))
    return out


def merge_section(merges, sizes, n_rounds):
    lines = ["## Merge (git's driver)", "",
             "Medians of %d rounds. `charterdash merge BASE OURS THEIRS` on the generated file: ours sets" % n_rounds,
             "three statuses, theirs sets three owners, removes a milestone, moves one to another group",
             "and adds one (bench/run.py merge_sides), OURS a fresh copy each round; against `charterdash",
             "check BASE`, one load of the file. Target: merge <= 2 x (two loads). On a shared machine",
             "read the CPU ratio: wall time there is mostly waiting for a core.", "",
             "| milestones | bytes | check wall | check CPU | merge wall | merge CPU | merge RSS KiB "
             "| merge / (2 x check), wall | CPU |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n in sorted(merges):
        t = merges[n]
        cw, mw = med(t["check"], "wall"), med(t["merge"], "wall")
        cc, mc = med(t["check"], "cpu"), med(t["merge"], "cpu")
        lines.append("| %d | %d | %s | %s | %s | %s | %d | %s | %s |" % (
            n, sizes[n], fmt_s(cw), fmt_s(cc), fmt_s(mw), fmt_s(mc), med(t["merge"], "rss"),
            ratio(mw, 2 * cw), ratio(mc, 2 * cc)))
    lines.append("")
    return lines


def splice_section(results, section):
    """RESULTS_MD with its merge section replaced by (or ended with) `section`."""
    text = open(results).read() if os.path.exists(results) else ""
    start = text.find("\n" + section[0] + "\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + "\n".join(section)
    else:
        end = text.find("\n## ", start + 1)
        text = text[:start + 1] + "\n".join(section) + ("\n" + text[end + 1:] if end >= 0 else "")
    with open(results, "w") as f:
        f.write(text.rstrip("\n") + "\n")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quick = "--quick" in sys.argv
    parts = {"cli", "peers", "tty", "keys", "merge"}
    for a in sys.argv[1:]:
        if a.startswith("--parts="):
            parts = set(a[len("--parts="):].split(","))
    if len(args) != 3:
        raise SystemExit(__doc__)
    binary, scratch, results = os.path.abspath(args[0]), os.path.abspath(args[1]), args[2]
    os.makedirs(scratch, exist_ok=True)
    n_rounds = 3 if quick else 7
    lines = []
    say = lines.append
    started = time.time()
    info = machine()
    load_start = load()
    print("bench: machine load at start %s" % " ".join(load_start), file=sys.stderr)

    scan = os.path.join(scratch, "scan")
    yaml_flags = sh("pkg-config --cflags --libs yaml-0.1") or "-lyaml"
    subprocess.run("cc -O2 -o %s %s %s" % (scan, os.path.join(ROOT, "bench", "scan.c"), yaml_flags),
                   shell=True, check=True)
    files = generate(scratch)
    sizes = {n: os.path.getsize(p) for n, p in files.items()}
    merges = merge_bench(binary, scratch, files, n_rounds) if "merge" in parts else {}
    if parts == {"merge"}:  # --parts=merge: only the merge section of RESULTS_MD is written again
        splice_section(results, merge_section(merges, sizes, n_rounds))
        return

    # --- command-line tools, against the floor ---
    table = {}
    for n, path in (files.items() if "cli" in parts else ()):
        print("bench: %d milestones: check, report, set vs scan" % n, file=sys.stderr)
        mid = "m%d" % (n // 2)
        old = milestone_status(path, mid)
        new = "done" if old != "done" else "in_progress"
        setdir = os.path.join(scratch, "set")
        target = os.path.join(setdir, "charter.yaml")

        def fresh_copy():
            shutil.rmtree(setdir, ignore_errors=True)
            os.makedirs(setdir)
            shutil.copyfile(path, target)
        copy_to = os.path.join(scratch, "copy.yaml")
        cases = [
            ("scan", [scan, path], None, None),
            ("copy+fsync", ["dd", "if=" + path, "of=" + copy_to, "bs=1M", "conv=fsync", "status=none"], None, None),
            ("check", [binary, "check", path], None, None),
            ("report --format json", [binary, "report", "--format", "json", "--today", TODAY, path], None, None),
            ("set (status)", [binary, "set", "-q", "-u", "bench", target, mid, "status=" + new], fresh_copy, None),
        ]
        table[n] = rounds(cases, n_rounds)
        ff = []
        for _ in range(n_rounds):
            ff.append(first_frame(binary, path, scratch))
            table[n]["report --format json"].append(
                run_once([binary, "report", "--format", "json", "--today", TODAY, path]))
        table[n]["dashboard first frame"] = ff

    # --- peers ---
    peers = {}
    calcurse_slow = []
    have_task = shutil.which("task") is not None
    have_calcurse = shutil.which("calcurse") is not None
    for n in ((10000, 100000) if "peers" in parts else ()):
        path = files[n]
        cases = [("scan", [scan, path], None, None),
                 ("charterdash report", [binary, "report", "--today", TODAY, path], None, None)]
        if have_task:
            print("bench: taskwarrior with %d tasks (the import is slow)" % n, file=sys.stderr)
            env, fresh = taskwarrior_setup(scratch, n, path)
            cases.append(("task summary", ["task", "summary"], None, env))
            cases.append(("task %d done" % (n // 2), ["task", str(n // 2), "done"], fresh, env))
        if have_calcurse and n <= 10000:
            home, data = calcurse_setup(scratch, n, path)
            cases.append(("calcurse -t", ["calcurse", "-D", data, "-t"], None, dict(os.environ, HOME=home)))
        mid = "m%d" % (n // 2)
        old = milestone_status(path, mid)
        new = "done" if old != "done" else "in_progress"
        setdir = os.path.join(scratch, "set")
        target = os.path.join(setdir, "charter.yaml")

        def fresh_copy(path=path, setdir=setdir, target=target):
            shutil.rmtree(setdir, ignore_errors=True)
            os.makedirs(setdir)
            shutil.copyfile(path, target)
        cases.append(("charterdash set", [binary, "set", "-q", "-u", "bench", target, mid, "status=" + new],
                      fresh_copy, None))
        peers[n] = rounds(cases, max(3, n_rounds - 2))
        if have_calcurse and n > 10000:
            # calcurse reads its todo list in quadratic time: one round
            print("bench: calcurse -t with %d todos (slow: one round)" % n, file=sys.stderr)
            home, data = calcurse_setup(scratch, n, path)
            try:
                peers[n]["calcurse -t (1 round)"] = [run_once(["timeout", str(CALCURSE_TIMEOUT), "calcurse", "-D",
                                                               data, "-t"], env=dict(os.environ, HOME=home))]
            except SystemExit:
                calcurse_slow.append("`calcurse -t` with %d todos did not finish in %d s" % (n, CALCURSE_TIMEOUT))

    # --- terminal bytes ---
    print("bench: terminal bytes", file=sys.stderr)
    status_keys_present = bool(re.search(r"STATUS_MENU", open(os.path.join(ROOT, "src", "ui", "ui_requests.c")).read()))
    tbytes = {}
    for n in ((1000, 100000) if "tty" in parts else ()):
        work = os.path.join(scratch, "tty")
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        shutil.copyfile(files[n], os.path.join(work, "charter.yaml"))
        keys = [("move (j)", ["j"] * 10), ("move (k)", ["k"] * 5), ("pane (l, h)", ["l", "h"] * 2),
                ("open detail (Enter)", ["Enter", "Escape"][:1]), ("close detail (Esc)", ["Escape"])]
        if status_keys_present:
            keys += [("status change (Space 1..4)", ["Space", "2", "Space", "3", "Space", "4", "Space", "1"])]
        path = os.path.join(work, "charter.yaml")
        tbytes[n] = terminal_bytes("%s --today %s %s" % (binary, TODAY, path), "Today " + TODAY, keys, scratch)
        # the same keys with the cursor for slow links (a file of its own:
        # the status keys above changed the first)
        shutil.copyfile(files[n], path)
        tbytes["%d, --thin-cursor" % n] = terminal_bytes("%s --thin-cursor --today %s %s" % (binary, TODAY, path),
                                                         "Today " + TODAY, keys, scratch)
    cal = {}
    if have_calcurse and "tty" in parts:
        for n in (10000, 100000):
            home, data = calcurse_setup(scratch, n, files[n])
            # the first frame as seen on the screen; then calcurse's todo
            # panel (Tab twice from the calendar) and cursor moves in it
            t0 = time.perf_counter()
            log = os.path.join(scratch, "pane.out")
            open(log, "w").close()
            tmux_start("%s HOME=%s calcurse -D %s" % (pane_env(), home, data))
            tmux("pipe-pane", "-o", "-t", "b", "cat >> %s" % log)
            shown = tmux_wait_text(("TODO", "ToDo"), timeout=CALCURSE_TIMEOUT)
            frame = time.perf_counter() - t0
            if not shown:
                tmux_kill()
                cal[n] = {"first frame": "nothing on the screen after %d s" % CALCURSE_TIMEOUT}
                continue
            first = settle(log)
            before = settle(log)
            time.sleep(3)
            idle = os.path.getsize(log) - before
            tmux("send-keys", "-t", "b", "Tab")
            tmux("send-keys", "-t", "b", "Tab")
            before = settle(log)
            for _ in range(10):
                tmux("send-keys", "-t", "b", "j")
                settle(log, quiet=0.15)
            per_move = (settle(log) - before) / 10
            tmux_kill()
            cal[n] = {"first frame (s, to the screen)": "%.2f" % frame, "first frame bytes": first,
                      "idle 3 s": idle, "move (j)": per_move}

    # --- instructions per key ---
    print("bench: callgrind, instructions per key", file=sys.stderr)
    icount = {}
    for n in ((1000,) if quick else (1000, 100000)) if "keys" in parts else ():
        # Search and a saved status change cost whole seconds under callgrind
        # at 100k (each typed letter searches everything; each change loads
        # the file twice): one of each there keeps make bench short.
        keys = [("move (j)", ["j"] * 10), ("open+close detail (Enter, Esc)", ["Enter", "Escape"] * 3),
                ("sort (s; file order, due, status)", ["s"] * 3),
                ("search (/ B Esc)", ["/", "B", "Escape"]),
                ("filter (f Space Esc c)", ["f", "Space", "Escape", "c"])]
        if status_keys_present:
            keys += [("status change (Space 2), saved", ["Space", "2"])]
        work = os.path.join(scratch, "cg")
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        shutil.copyfile(files[n], os.path.join(work, "charter.yaml"))
        icount[n] = callgrind_keys(binary, os.path.join(work, "charter.yaml"), keys, scratch, "Today " + TODAY, n)

    # this machine's instruction rate, to turn instruction counts into time
    rate = None
    if "keys" in parts and "cli" in parts:
        cg = os.path.join(scratch, "callgrind-report.out")
        r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + cg, binary, "report",
                            "--format", "json", "--today", TODAY, files[10000]], capture_output=True, text=True)
        m = re.search(r"Collected : ([0-9]+)", r.stderr)
        if m:
            rate = int(m.group(1)) / med(table[10000]["report --format json"], "cpu")

    load_end = load()
    elapsed = time.time() - started

    # --- write it up ---
    say("# charterdash benchmarks")
    say("")
    say("Written by `make bench` (bench/run.py) on %s; the run took %.0f s." % (info["date"], elapsed))
    say("Load average at start %s, at end %s (the machine is shared: other" % (" ".join(load_start), " ".join(load_end)))
    say("work running at the same time slows every command of a table alike,")
    say("because each table runs its commands in turn, round after round).")
    say("")
    say("## Machine")
    say("")
    for k in ("nproc", "cpu", "memory", "kernel", "cc", "clang", "libyaml", "ncurses", "taskwarrior", "calcurse",
              "valgrind", "tmux"):
        say("- %s: %s" % (k, info[k]))
    say("")
    say("## Files")
    say("")
    say("`python3 bench/gen.py N GROUPS 1 > %s/charter-N.yaml`" % os.path.relpath(scratch, ROOT))
    say("")
    say("| milestones | groups | bytes |")
    say("|---:|---:|---:|")
    for n, g in SIZES:
        say("| %d | %d | %d |" % (n, g, sizes[n]))
    say("")
    say("## Command line: time and memory against the floor")
    say("")
    say("Medians of %d rounds. wall/CPU in seconds; RSS = peak resident set in KiB (what" % n_rounds)
    say("`/usr/bin/time -f '%e %M'` prints; read here with wait4). Ratios are to `scan` (the bare")
    say("libyaml event scan, bench/scan.c) of the same file in the same run; `set` is compared with")
    say("scan + copy+fsync (`dd if=FILE of=COPY bs=1M conv=fsync`). `set` runs on a fresh copy each round.")
    say("Commands: `scan FILE`, `charterdash check FILE`, `charterdash report --format json --today %s FILE`," % TODAY)
    say("`charterdash set -q -u bench COPY m<N/2> status=<other>`, and the dashboard")
    say("`charterdash --today %s FILE` in tmux at 120x40 with `q` typed ahead: load, first frame, quit." % TODAY)
    say("")
    for n in table:
        t = table[n]
        scan_w, scan_c = med(t["scan"], "wall"), med(t["scan"], "cpu")
        floor_w = scan_w + med(t["copy+fsync"], "wall")
        floor_c = scan_c + med(t["copy+fsync"], "cpu")
        rep_w, rep_c = med(t["report --format json"], "wall"), med(t["report --format json"], "cpu")
        say("### %d milestones (%d bytes)" % (n, sizes[n]))
        say("")
        say("| command | wall | CPU | RSS KiB | RSS / file | wall / scan | CPU / scan |")
        say("|---|---:|---:|---:|---:|---:|---:|")
        for name, runs in t.items():
            w, c, r = med(runs, "wall"), med(runs, "cpu"), max(x.rss for x in runs)
            say("| %s | %s | %s | %d | %.2f | %s | %s |" % (name, fmt_s(w), fmt_s(c), r, r * 1024 / sizes[n],
                                                       ratio(w, scan_w), ratio(c, scan_c)))
        set_w, set_c = med(t["set (status)"], "wall"), med(t["set (status)"], "cpu")
        ff_w, ff_c = med(t["dashboard first frame"], "wall"), med(t["dashboard first frame"], "cpu")
        say("")
        say("- report / scan: wall %s, CPU %s (target <= 1.5)" % (ratio(rep_w, scan_w), ratio(rep_c, scan_c)))
        say("- report peak RSS / file size: %.2f (target <= 3)" %
            (max(x.rss for x in t["report --format json"]) * 1024 / sizes[n]))
        say("- set / (scan + copy+fsync): wall %s, CPU %s (target <= 2)" % (ratio(set_w, floor_w),
                                                                             ratio(set_c, floor_c)))
        say("- dashboard first frame / report: wall %s, CPU %s (target <= 1.2)" % (ratio(ff_w, rep_w),
                                                                                   ratio(ff_c, rep_c)))
        say("")
    figures = figures_of(table, sizes)
    committed = json.load(open(RATIOS)) if os.path.exists(RATIOS) else {}
    worse = regressions(figures, committed)
    if figures:
        say("### Ratios against the committed figures (bench/ratios.json)")
        say("")
        say("Each command's best round (fastest) of the table above; a ratio more than %d%% above its" %
            round(TOLERANCE * 100))
        say("committed value fails `make bench`.")
        say("")
        say("| figure | committed | this run | change |")
        say("|---|---:|---:|---:|")
        for k, v in sorted(figures.items()):
            old = committed.get(k)
            say("| %s | %s | %.2f | %s |" % (k, "%.2f" % old if old else "-", v,
                                             "%+.0f%%" % (100 * (v / old - 1)) if old else "-"))
        say("")
        for k, v, old in worse:
            say("- **regression**: %s is %.2f against %.2f committed (%+.0f%%)" % (k, v, old, 100 * (v / old - 1)))
        if worse:
            say("")
    say("## Peers on the same items")
    say("")
    say("taskwarrior: the charter's milestones imported with `task import` (title, project = group, due),")
    say("in a throwaway HOME; `task summary`, `task ID done` (on a fresh copy of the data each round).")
    say("calcurse: the titles as a todo file (`[priority] title`), `calcurse -D DIR -t`.")
    say("`charterdash report` here is the text report.")
    say("")
    for n in peers:
        t = peers[n]
        say("### %d items" % n)
        say("")
        say("| command | wall | CPU | RSS KiB |")
        say("|---|---:|---:|---:|")
        for name, runs in t.items():
            say("| %s | %s | %s | %d |" % (name, fmt_s(med(runs, "wall")), fmt_s(med(runs, "cpu")),
                                          max(x.rss for x in runs)))
        say("")
        rep = med(t["charterdash report"], "wall")
        rep_c = med(t["charterdash report"], "cpu")
        if "task summary" in t:
            say("- task summary / charterdash report: wall %sx, CPU %sx (target at 10k >= 2.5x)" %
                (ratio(med(t["task summary"], "wall"), rep, "%.1f"), ratio(med(t["task summary"], "cpu"), rep_c, "%.1f")))
            done = [k for k in t if k.startswith("task ") and k.endswith(" done")][0]
            say("- task ID done / charterdash set: wall %sx, CPU %sx (target at 10k >= 2x)" %
                (ratio(med(t[done], "wall"), med(t["charterdash set"], "wall"), "%.1f"),
                 ratio(med(t[done], "cpu"), med(t["charterdash set"], "cpu"), "%.1f")))
        for name in ("calcurse -t", "calcurse -t (1 round)"):
            if name in t:
                say("- calcurse -t / charterdash report: %sx" % ratio(med(t[name], "wall"), rep, "%.1f"))
        say("")
    for line in calcurse_slow:
        say("- " + line)
    say("")
    say("## Terminal output (bytes, tmux pipe-pane, 120x40)")
    say("")
    say("Per key, after the screen settled; idle = written during 3 s with no key.")
    if not status_keys_present:
        say("The status menu (Space, then 1-4) is not in src/ui/ui_requests.c (the bindings) yet: not measured.")
    say("")
    for n in tbytes:
        say("- charterdash, %s milestones: %s" % (n, ", ".join("%s %.0f" % kv for kv in tbytes[n].items())))
    for n in cal:
        if cal[n]:
            say("- calcurse, %d todos: %s" % (n, ", ".join("%s %s" % (k, v if isinstance(v, str) else "%.0f" % v)
                                                            for k, v in cal[n].items())))
    say("")
    say("## Instructions per key (callgrind)")
    say("")
    say("`valgrind --tool=callgrind --instr-atstart=no charterdash --today %s FILE` in tmux; after the" % TODAY)
    say("first frame `callgrind_control -i on PID`, the keys one by one, then `q`; per key =")
    say("(instructions - those of a run that only quits) / keys. Target: 100k <= 1.5x 1k.")
    say("")
    ns = sorted(icount) or [0]
    icount.setdefault(0, {})
    say("| key | " + " | ".join("%d" % n for n in ns) + (" | 100k / 1k |" if len(ns) > 1 else " |"))
    say("|---|" + "---:|" * len(ns) + ("---:|" if len(ns) > 1 else ""))
    for name in icount[ns[0]]:
        vals = [icount[n][name] for n in ns]
        row = "| %s | " % name + " | ".join("%.0f" % v for v in vals)
        if len(ns) > 1:
            row += " | %s" % ratio(vals[-1], vals[0])
        say(row + " |")
    say("")
    if rate:
        say("This machine runs about %.0f million instructions per CPU second (report --format json of" % (rate / 1e6))
        say("10k milestones: callgrind's count / the median CPU time above); at that rate 50 ms is about")
        say("%.0f million instructions." % (rate * 0.05 / 1e6))
        say("")
    notes = os.path.join(ROOT, "bench", "NOTES.md")  # the reading of the figures, by hand
    if os.path.exists(notes):
        say(open(notes, encoding="utf-8").read().rstrip("\n"))
    lines.extend(merge_section(merges, sizes, n_rounds) if merges else [])
    with open(results, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    for k, v, old in worse:
        print("bench: regression: %s is %.2f against %.2f committed in bench/ratios.json (%+.0f%%, over %d%%)" %
              (k, v, old, 100 * (v / old - 1), round(TOLERANCE * 100)), file=sys.stderr)
    if worse:
        sys.exit(1)
    if figures:
        with open(RATIOS, "w") as f:
            json.dump({k: round(v, 3) for k, v in sorted(figures.items())}, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
