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

  space_measure.py CHARTER SCREEN --cut
      prints "cut N": the pane rows whose title is cut.

  space_measure.py CHARTER SCREEN --urgent TODAY N MIN
      exit status 1 unless every group shows its name whole (or its `short:`
      name) and its N most urgent open milestones in attention order, every
      overdue one among them, with at least MIN characters of each title (the
      whole of a shorter one).

  space_measure.py CHARTER SCREEN --timeline
      prints "blank N glyphs G labelled L" for the timeline's frame: N lines
      inside it that show nothing, G lines with milestone glyphs, L of them
      with a title beside the glyph (at least 12 of its characters).

  space_measure.py CHARTER SCREEN --owners
      exit status 1 unless every pane row whose title shows whole shows its
      milestone's owner whole on the same line.
"""
import datetime
import sys

import yaml

GLYPHS = "✓◐✗○"
BARS = "│┃"


def load(path):
    return yaml.safe_load(open(path, encoding="utf-8"))


def add_months(d, n):
    import calendar
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return datetime.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def as_date(v):
    return v if isinstance(v, datetime.date) else datetime.date.fromisoformat(str(v))


def urgent(d, today, n):
    """Per group: (name, short, [ids]) of its n most urgent open milestones
    in attention order (overdue, blocked, due soon, the rest; by due date,
    undated last, then file order), every overdue one included."""
    ch = d["charter"]
    deadline = as_date(ch["roadmap_deadline"]) if ch.get("roadmap_deadline") else \
        add_months(as_date(ch["signed"]), int(ch.get("roadmap_months", 3)))
    soon = int(ch.get("attention_days", 14))
    out = []
    for g in d.get("working_groups") or []:
        keyed = []
        for i, m in enumerate(g.get("milestones") or []):
            if m.get("status") == "done":
                continue
            due = deadline if "due" not in m else (as_date(m["due"]) if m["due"] else None)
            late = due is not None and due < today
            rank = 0 if late else 1 if m.get("status") == "blocked" else \
                2 if due is not None and (due - today).days <= soon else 3
            keyed.append(((rank, due is None, due or today, i), m["id"], late))
        keyed.sort()
        ids = [k[1] for k in keyed[:n]] + [k[1] for k in keyed[n:] if k[2]]
        out.append((g.get("name"), g.get("short"), ids))
    return out


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
    """The text after each pane row's status glyph: a glyph after the line's
    start, a space or a border, and before a space (boxes and meters)."""
    for line in lines:
        for i, ch in enumerate(line):
            if ch in GLYPHS and i + 1 < len(line) and line[i + 1] == " " and (i == 0 or line[i - 1] in " " + BARS):
                yield line[i + 2:]


def measure(titles, lines):
    shown = 0
    best = {}
    for frag in fragments(lines):
        k, tid = max((common(frag, t), i) for i, t in titles.items())
        shown += k
        best[tid] = max(best.get(tid, 0), k)
    blank = sum(1 for line in lines if not any(ch.isalnum() for ch in line))
    return shown, blank, best


def cut_rows(titles, lines):
    n = 0
    for frag in fragments(lines):
        k, tid = max((common(frag, t), i) for i, t in titles.items())
        if k and k < len(titles[tid]):
            n += 1
    return n


def owners_whole(d, titles, lines):
    owners = {m["id"]: str(m.get("owner") or "") for g in d.get("working_groups") or []
              for m in g.get("milestones") or []}
    bad = []
    for line in lines:
        for frag in fragments([line]):
            k, tid = max((common(frag, t), i) for i, t in titles.items())
            # the shared titles ("Constitute the working group ..."): any of theirs
            same = [i for i, t in titles.items() if t == titles[tid]]
            if k == len(titles[tid]) and not any(not owners[i] or owners[i] in frag[k:] for i in same):
                bad.append(tid)
    return bad


def timeline(titles, lines):
    top = next((i for i, l in enumerate(lines) if l[:1] in "\u250f+"), None)
    bottom = next((i for i, l in enumerate(lines) if i > (top or 0) and l[:1] in "\u2517+"), None)
    if top is None or bottom is None:
        return None
    inside = [l[1:-1] for l in lines[top + 1:bottom]]
    blank = sum(1 for l in inside if not l.strip())
    glyphs = [l for l in inside if any(g in l for g in GLYPHS)]
    labelled = 0
    for l in glyphs:
        words = l.replace("\u250a", " ")
        if any(t[:12] in words for t in titles.values() if len(t) >= 12):
            labelled += 1
    return blank, len(glyphs), labelled


def main():
    titles = titles_of(sys.argv[1])
    lines = open(sys.argv[2], encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    shown, blank, best = measure(titles, lines)
    mode = sys.argv[3] if len(sys.argv) > 3 else ""
    if mode == "--timeline":
        got = timeline(titles, lines)
        if got is None:
            print("no timeline frame")
            return 1
        print("blank %d glyphs %d labelled %d" % got)
        return 0
    if mode == "--cut":
        print("cut %d" % cut_rows(titles, lines))
        return 0
    if mode == "--owners":
        bad = owners_whole(load(sys.argv[1]), titles, lines)
        if bad:
            print("owners cut: " + " ".join(bad))
        return 1 if bad else 0
    if mode == "--urgent":
        today, n, least = datetime.date.fromisoformat(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
        problems = []
        screen = "\n".join(lines)
        for name, short, ids in urgent(load(sys.argv[1]), today, n):
            if name + " " not in screen and not (short and short + " " in screen):
                problems.append("group name not whole: " + name)
            for i in ids:
                if best.get(i, 0) < min(least, len(titles[i])):
                    problems.append("%s shows %d of its title" % (i, best.get(i, 0)))
        for p in problems:
            print(p)
        return 1 if problems else 0
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
