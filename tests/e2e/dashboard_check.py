#!/usr/bin/env python3
"""Checks a captured dashboard screen (tmux capture-pane -p).

  dashboard_check.py numbers REPORT SCREEN [--some] [--data FILE]
      every working group of `charterdash report` output REPORT appears on
      SCREEN in a pane whose border carries its name (maybe truncated with
      an ellipsis) and state, and whose bar line carries its "done/total
      NN%" exactly as the report prints it; the Overall line agrees too,
      its attention counts included ("3 overdue · 1 blocked").
      A meter pane (no box, at 80x24) carries its name (or the `short:` name
      of the data FILE), "done/total" (and "NN%" when it fits) and state on
      its one line. With --some, groups not on screen are allowed (a
      scrolled grid), but at least one must be there.
  dashboard_check.py align SCREEN WIDTH
      no line is wider than WIDTH columns, and every box (pane, overlay)
      has its vertical borders in one column from top to bottom, counting
      double-width characters as two columns.
"""
import re
import sys
import unicodedata

TOP_LEFT = "┌┏"
TOP_RIGHT = "┐┓"
BOTTOM_LEFT = "└┗"
BOTTOM_RIGHT = "┘┛"
VERTICAL = "│┃"


def char_width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells(line):
    """The line as display cells; a wide character's second cell is ''."""
    out = []
    for ch in line:
        w = char_width(ch)
        if w == 0 and out:
            out[-1] += ch
            continue
        out.append(ch)
        if w == 2:
            out.append("")
    return out


def isin(ch, chars):
    """ch is one of chars ('' -- a wide character's second cell -- never is)."""
    return ch != "" and ch in chars


def text_of(cs, start, end):
    return "".join(c for c in cs[max(0, start):end])


def parse_report(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    groups = []
    overall = None
    for i, line in enumerate(lines):
        m = re.match(r"^Overall \[[#.]*\] (\d+/\d+  \d+%)  (.*)$", line)
        if m:
            overall = (m.group(1), m.group(2), [])
            # the attention buckets, "needs attention: 1 overdue, 1 blocked" (none: no such line)
            if i + 2 < len(lines) and lines[i + 2].startswith("  needs attention: "):
                overall[2].extend(lines[i + 2][len("  needs attention: "):].split(", "))
        if i + 1 < len(lines) and not line.startswith(" ") and line.endswith(")"):
            nxt = lines[i + 1]
            m = re.match(r"^(.*) \(([^()]*)\)$", line)
            if not m:
                continue
            b = re.match(r"^  \[[#.]*\] (\d+/\d+  \d+%)  (.*)$", nxt)
            if b:
                groups.append((m.group(1), b.group(1), b.group(2)))
            elif nxt.strip() == "no milestones yet":
                groups.append((m.group(1), "0/0", "no milestones"))
    return overall, groups


def find_pane(rows, name):
    """(row, left col, right col) of the pane whose top border shows name."""
    candidates = [name]
    for k in range(len(name) - 1, 3, -1):
        candidates.append(name[:k].rstrip() + "…")
        candidates.append(name[:k] + "…")
        candidates.append(name[:k].rstrip() + "...")
    for r, cs in enumerate(rows):
        line = "".join(cs)
        if not any(c in line for c in TOP_LEFT + "+*"):
            continue
        for cand in candidates:
            # the name sits between spaces in the border: " Name "
            idx = line.find(" " + cand + " ")
            if idx < 0:
                continue
            # to display columns
            col = 0
            pos = 0
            for c_i, c in enumerate(cs):
                if pos >= idx:
                    col = c_i
                    break
                pos += len(c)
            left = col
            while left >= 0 and not isin(cs[left], TOP_LEFT + "+*"):
                left -= 1
            right = col + 1
            while right < len(cs) and not isin(cs[right], TOP_RIGHT + "+*"):
                right += 1
            if left >= 0 and right < len(cs):
                return r, left, right
    return None


def find_meter(rows, names):
    """The line of a meter pane showing one of names after its focus mark
    (or blank) and a space; names None: any meter with the focus mark."""
    for r, cs in enumerate(rows):
        line = "".join(cs)
        if names is None:
            if re.search(r"(^| )(\u25b6|\*) \S", line):
                return r
            continue
        for name in filter(None, names):
            for mark in ("\u25b6 ", "* ", "  "):
                at = line.find(mark + name + " ")
                if at >= 0 and (at == 0 or line[at - 1] == " "):
                    return r
    return None


def meter_line(rows, r, name, others):
    """The meter's own part of line r: from its name to the next meter's
    (another group's name, or short name, after two spaces)."""
    line = "".join(rows[r])
    start = line.find(name)
    ends = [line.find(" " + o + " ", start + len(name)) for o in others if o and o != name]
    ends = [e for e in ends if e > start]
    return line[start:min(ends)] if ends else line[start:]


def short_names(path):
    if not path:
        return {}
    import yaml
    d = yaml.safe_load(open(path, encoding="utf-8"))
    return {g.get("name"): g.get("short") for g in d.get("working_groups") or []}


def numbers(report, screen, some, data=None):
    overall, groups = parse_report(report)
    rows = [cells(l) for l in open(screen, encoding="utf-8").read().splitlines()]
    ok = True
    if overall:
        line = next((("".join(c)) for c in rows if "".join(c).startswith("Overall")), None)
        if not line or overall[0] not in line or overall[1] not in line:
            print("Overall line %r does not show %r" % (line, overall))
            ok = False
        else:  # the header's counts are the report's buckets, in order (a narrow header may cut the last)
            # after the state (three spaces) or a separator; the legend's "▒ 25 blocked" is a status count
            shown = re.findall(r"(?:   | \u00b7 | \| )(\d+ (?:overdue|blocked|due soon))", line)
            if shown != overall[2][:len(shown)] or (overall[2] and not shown):
                print("Overall line %r shows the buckets %r, the report %r" % (line, shown, overall[2]))
                ok = False
    found = 0
    shorts = short_names(data)
    for name, nums, state in groups:
        pane = find_pane(rows, name)
        meter = None if pane else find_meter(rows, [name, shorts.get(name)])
        if meter is not None:
            found += 1
            others = [g[0] for g in groups] + [v for v in shorts.values() if v]
            text = meter_line(rows, meter, name if name in "".join(rows[meter]) else shorts.get(name), others)
            count, _, percent = nums.partition("  ")
            if state not in text or " " + count + " " not in text + " ":
                print("group %r: meter %r lacks %r or %r" % (name, text, count, state))
                ok = False
            if "%" in text and percent and percent not in text:
                print("group %r: meter %r shows a percent other than %r" % (name, text, percent))
                ok = False
            continue
        if not pane:
            if not some:
                print("group %r is not on screen" % name)
                ok = False
            continue
        found += 1
        r, left, right = pane
        border = text_of(rows[r], left, right + 1)
        bar = text_of(rows[r + 1], left, right + 1) if r + 1 < len(rows) else ""
        if state not in border:
            print("group %r: border %r lacks state %r" % (name, border, state))
            ok = False
        if nums not in bar:
            print("group %r: bar line %r lacks %r" % (name, bar, nums))
            ok = False
    if found == 0:
        print("no group found on screen")
        ok = False
    print("groups checked: %d of %d" % (found, len(groups)))
    return ok


def align(screen, width):
    rows = [cells(l) for l in open(screen, encoding="utf-8").read().splitlines()]
    ok = True
    for r, cs in enumerate(rows):
        if len(cs) > width:
            print("line %d is %d columns wide: %r" % (r + 1, len(cs), "".join(cs)))
            ok = False
    boxes = 0
    for r, cs in enumerate(rows):
        for c, ch in enumerate(cs):
            if not isin(ch, TOP_LEFT):
                continue
            # its top-right corner on the same row
            c2 = c + 1
            while c2 < len(cs) and not isin(cs[c2], TOP_RIGHT):
                c2 += 1
            if c2 >= len(cs):
                print("row %d: box at column %d has no top-right corner" % (r + 1, c + 1))
                ok = False
                continue
            rr = r + 1
            while rr < len(rows):
                row = rows[rr]
                lc = row[c] if c < len(row) else " "
                rc = row[c2] if c2 < len(row) else " "
                if isin(lc, BOTTOM_LEFT):
                    if not isin(rc, BOTTOM_RIGHT):
                        print("row %d: bottom-right corner of the box from row %d is not at column %d: %r"
                              % (rr + 1, r + 1, c2 + 1, "".join(row)))
                        ok = False
                    break
                # an overlay may cover part of a pane: only judge rows that
                # are not covered at the left border
                if isin(lc, VERTICAL) and not isin(rc, VERTICAL):
                    covered = any(isin(ch2, VERTICAL + TOP_LEFT + BOTTOM_LEFT) for ch2 in row[c + 1:c2])
                    if not covered:
                        print("row %d: right border of the box from row %d is not at column %d: %r"
                              % (rr + 1, r + 1, c2 + 1, "".join(row)))
                        ok = False
                if not isin(lc, VERTICAL):
                    break
                rr += 1
            boxes += 1
    # meter panes (no boxes, 80x24 and 120x40): one of them has the focus mark
    meters = find_meter(rows, None) is not None
    if boxes == 0 and not meters:
        print("no box on screen")
        ok = False
    return ok


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "numbers":
        rest = sys.argv[4:]
        data = rest[rest.index("--data") + 1] if "--data" in rest[:-1] else None
        return 0 if numbers(sys.argv[2], sys.argv[3], "--some" in rest, data) else 1
    if len(sys.argv) == 4 and sys.argv[1] == "align":
        return 0 if align(sys.argv[2], int(sys.argv[3])) else 1
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
