#!/usr/bin/env python3
"""Instruction counts (callgrind) of report and set, inclusive, per function.

usage: bench/profile.py BINARY SCRATCH_DIR [SIZE ...]

For each size (default 10000 100000) generates the bench charter
(bench/gen.py N GROUPS 1, as make bench does), then runs under
`valgrind --tool=callgrind`:
  - report --format json --today 2026-05-01 FILE
  - set -q -u bench COPY m<N/2> status=<other>   (on a fresh copy)
and the bare libyaml scan (bench/scan.c) of the same file, and prints a
Markdown table of the inclusive instruction counts of the functions that
matter, with each total as a multiple of the scan's. Instruction counts do
not depend on the machine's load: this is the before/after measure of a
change (bench/NOTES.md quotes it); seconds are make bench's.
"""
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GROUPS = {1000: 5, 10000: 50, 100000: 200}
TODAY = "2026-05-01"
# The rows of the table, in call order; a function missing from a profile
# (renamed, inlined, not called) shows as '-'.
FUNCTIONS = ["cmd_report", "cmd_set", "charter_load_file", "charter_load_text", "charter_load_spliced",
             "merge3_report_markers", "doc_parse", "yaml_parser_parse", "load_model", "doc_reparse",
             "report_write", "report_pass_init", "store_apply_all", "store_plan", "apply_and_load",
             "patch_verify_splice", "replace_file"]


def callgrind(argv, out):
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + argv,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out],
                          capture_output=True, text=True, check=True).stdout
    total, incl = 0, {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \([ \d.]+%\)\s+(\S+)", line)
        if not m:
            continue
        count = int(m.group(1).replace(",", ""))
        where = m.group(2)
        if where == "PROGRAM":
            total = count
            continue
        name = re.sub(r"'\d+$", "", where.split(":")[-1])
        incl[name] = max(incl.get(name, 0), count)  # a recursive function's outermost call
    return total, incl


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    binary, scratch = os.path.abspath(sys.argv[1]), sys.argv[2]
    sizes = [int(a) for a in sys.argv[3:]] or [10000, 100000]
    os.makedirs(scratch, exist_ok=True)
    scan = os.path.join(scratch, "scan")
    yaml_flags = subprocess.run("pkg-config --cflags --libs yaml-0.1", shell=True, capture_output=True,
                                text=True).stdout.strip() or "-lyaml"
    subprocess.run("cc -O2 -o %s %s %s" % (scan, os.path.join(ROOT, "bench", "scan.c"), yaml_flags),
                   shell=True, check=True)
    columns = []
    for n in sizes:
        path = os.path.join(scratch, "charter-%d.yaml" % n)
        if not os.path.exists(path):
            with open(path, "w") as f:
                subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen.py"), str(n),
                                str(GROUPS.get(n, max(1, n // 500))), "1"], stdout=f, check=True)
        copy = os.path.join(scratch, "set", "charter.yaml")
        shutil.rmtree(os.path.dirname(copy), ignore_errors=True)
        os.makedirs(os.path.dirname(copy))
        shutil.copyfile(path, copy)
        scan_total, _ = callgrind([scan, path], os.path.join(scratch, "cg-scan-%d.out" % n))
        rep = callgrind([binary, "report", "--format", "json", "--today", TODAY, path],
                        os.path.join(scratch, "cg-report-%d.out" % n))
        sett = callgrind([binary, "set", "-q", "-u", "bench", copy, "m%d" % (n // 2), "status=blocked"],
                         os.path.join(scratch, "cg-set-%d.out" % n))
        columns.append((n, scan_total, rep, sett))
    head = "| function |"
    rule = "|---|"
    for n, _, _, _ in columns:
        head += " report %dk | set %dk |" % (n // 1000, n // 1000)
        rule += "---:|---:|"
    print(head)
    print(rule)
    row = "| total (scan = 1.00) |"
    for n, scan_total, rep, sett in columns:
        row += " %s (%.2f) | %s (%.2f) |" % ("{:,}".format(rep[0]), rep[0] / scan_total,
                                             "{:,}".format(sett[0]), sett[0] / scan_total)
    print(row)
    print("| bare scan |" + "".join(" %s | |" % "{:,}".format(c[1]) for c in columns))
    for name in FUNCTIONS:
        cells = []
        for _, _, rep, sett in columns:
            cells += ["{:,}".format(rep[1][name]) if name in rep[1] else "-",
                      "{:,}".format(sett[1][name]) if name in sett[1] else "-"]
        if any(c != "-" for c in cells):
            print("| `%s` | %s |" % (name, " | ".join(cells)))


if __name__ == "__main__":
    main()
