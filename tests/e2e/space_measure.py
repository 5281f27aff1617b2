#!/usr/bin/env python3
"""space_measure.py CHARTER SCREEN: how a captured dashboard uses its space.

Prints "titles N blank M": N is the number of characters of milestone titles
the screen shows (each pane row's title, as far as it agrees with a title of
CHARTER: a truncated title counts up to its ellipsis), M the number of
screen lines that show nothing (no letter or digit: empty lines, and lines
of empty pane rows and borders only).

  space_measure.py CHARTER SCREEN --shows ID...
      exit status 1 unless each milestone ID's title shows (at least its
      first 12 characters).
"""
import sys

import yaml

GLYPHS = "✓◐✗○"
BARS = "│┃"


def titles_of(path):
    d = yaml.safe_load(open(path, encoding="utf-8"))
    out = {}
    for g in d.get("working_groups") or []:
        for m in g.get("milestones") or []:
            out[m["id"]] = str(m.get("title") or "")
    return out


def common(a, b):
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def fragments(lines):
    """The text after each pane row's status glyph, per cell."""
    for line in lines:
        cell = ""
        for ch in line + "│":
            if ch in BARS:
                if len(cell) > 3 and cell[0] == " " and cell[1] in GLYPHS and cell[2] == " ":
                    yield cell[3:]
                cell = ""
            else:
                cell += ch


def measure(titles, lines):
    shown = 0
    best = {}
    for frag in fragments(lines):
        k, tid = max((common(frag, t), i) for i, t in titles.items())
        shown += k
        best[tid] = max(best.get(tid, 0), k)
    blank = sum(1 for line in lines if not any(ch.isalnum() for ch in line))
    return shown, blank, best


def main():
    titles = titles_of(sys.argv[1])
    lines = open(sys.argv[2], encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    shown, blank, best = measure(titles, lines)
    if len(sys.argv) > 3 and sys.argv[3] == "--shows":
        missing = [i for i in sys.argv[4:] if best.get(i, 0) < min(12, len(titles.get(i, "")))]
        # a title shown for another milestone of the same title does not count
        # as this one; the shipped charter's overdue titles are all distinct
        if missing:
            print("not on screen: " + " ".join(missing))
            return 1
        return 0
    print("titles %d blank %d" % (shown, blank))
    return 0


if __name__ == "__main__":
    sys.exit(main())
