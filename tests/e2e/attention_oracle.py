#!/usr/bin/python3
"""attention_oracle — issue 11's rules recomputed from the YAML with PyYAML,
independently of the C code, for `report --format json` and `agenda --format json`.

  attention_oracle.py generate DIR SEED   writes DIR/charter-SEED.yaml and its .history
  attention_oracle.py report FILE TODAY < report.json
  attention_oracle.py agenda FILE TODAY DAYS < agenda.json   (DAYS "" = attention_days)
  attention_oracle.py check BINARY FILE TODAY...   runs both, at each date and several --days

Exits 1 and prints every difference when the JSON disagrees with the rules:
  effective due = `due`, else the roadmap deadline; `due: ~` = no date yet;
  overdue = not done, dated, due < today; due soon = not done, dated,
  today <= due <= today + attention_days; the attention bucket (issue 20 §4,
  one rule for every count and the agenda's sections) = overdue, else
  blocked (not done), else due soon; roadmap phase = dated and due <=
  deadline; state: done / overdue / at risk (blocked, or not started and due
  soon) / on track; next review = first of charter.reviews (or the
  anniversaries of signing) on or after today.
Issue 20's record: lateness = completed - effective due, in days, for a done
  milestone with `completed` and a date; the roadmap phase's outcome: on time
  (lateness <= 0), late, undated (done, no `completed`), open (not done);
  delivery over milestones with a lateness: how many, how many on time, the
  median; "done recently" = done now with `completed` in the window, or for
  one without it, its last change to done in the history.
"""
import calendar
import datetime
import json
import random
import statistics
import subprocess
import sys

import yaml


def add_months(d, n):
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return datetime.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


class Model:
    def __init__(self, path, today):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        ch = doc["charter"]
        self.today = today
        self.signed = ch["signed"]
        if ch.get("roadmap_deadline") is not None:
            self.deadline = ch["roadmap_deadline"]
        else:
            self.deadline = add_months(self.signed, int(ch.get("roadmap_months", 3)))
        self.attention = int(ch.get("attention_days", 14))
        if ch.get("reviews") is not None:
            reviews = list(ch["reviews"])
        else:
            reviews = [add_months(self.signed, 12 * k) for k in range(1, today.year - self.signed.year + 3)]
        later = [r for r in reviews if r >= today]
        self.next_review = later[0] if later else None
        self.groups = doc["working_groups"] or []
        self.milestones = []  # (group, milestone), file order
        for g in self.groups:
            for m in g.get("milestones") or []:
                self.milestones.append((g, m))

    def dated(self, m):
        return not ("due" in m and m["due"] is None)

    def due(self, m):
        return m["due"] if "due" in m and m["due"] is not None else self.deadline

    def overdue(self, m):
        return m["status"] != "done" and self.dated(m) and self.due(m) < self.today

    def within(self, m, days):
        return (m["status"] != "done" and self.dated(m)
                and 0 <= (self.due(m) - self.today).days <= days)

    def bucket(self, m, days=None):
        """The one attention rule: overdue, else blocked, else due soon; None."""
        if self.overdue(m):
            return "overdue"
        if m["status"] == "blocked":
            return "blocked"
        return "due_soon" if self.within(m, self.attention if days is None else days) else None

    def late_days(self, m):
        if m["status"] != "done" or m.get("completed") is None or not self.dated(m):
            return None
        return (m["completed"] - self.due(m)).days

    def delivery(self, ms):
        late = [d for d in (self.late_days(m) for m in ms) if d is not None]
        median = None
        if late:
            median = statistics.median(late)
            median = int(median) if median == int(median) else float(median)
        return {"done_with_date": len(late), "on_time": sum(d <= 0 for d in late), "median_late_days": median}

    def numbers(self, ms):
        counts = {k: sum(m["status"] == k for m in ms) for k in ("not_started", "in_progress", "blocked", "done")}
        total, done = len(ms), counts["done"]
        phase = [m for m in ms if self.dated(m) and self.due(m) <= self.deadline]
        soon = [m for m in ms if self.within(m, self.attention)]
        if not total:
            state = None
        elif done == total:
            state = "done"
        elif any(self.overdue(m) for m in ms):
            state = "overdue"
        elif counts["blocked"] or any(m["status"] == "not_started" for m in soon):
            state = "at_risk"
        else:
            state = "on_track"
        return {
            "done": done, "total": total, "percent": 100 * done // total if total else None, "state": state,
            **{k: sum(self.bucket(m) == k for m in ms) for k in ("blocked", "overdue", "due_soon")},
            "roadmap": {"done": sum(m["status"] == "done" for m in phase), "total": len(phase),
                        "on_time": sum(self.late_days(m) is not None and self.late_days(m) <= 0 for m in phase),
                        "late": sum(self.late_days(m) is not None and self.late_days(m) > 0 for m in phase),
                        "open": sum(m["status"] != "done" for m in phase),
                        "undated": sum(m["status"] == "done" and m.get("completed") is None for m in phase)},
            "delivery": self.delivery(ms),
        }, counts

    def report(self):
        head, _ = self.numbers([m for _, m in self.milestones])
        out = {"charter": {"signed": str(self.signed), "deadline": str(self.deadline), "today": str(self.today),
                           "days_left": (self.deadline - self.today).days,
                           "next_review": str(self.next_review) if self.next_review else None, **head},
               "groups": []}
        for g in self.groups:
            ms = g.get("milestones") or []
            nums, counts = self.numbers(ms)
            out["groups"].append({"id": g["id"], **nums, "counts": counts, "milestones": [
                {"id": m["id"], "status": m["status"], "due": str(self.due(m)) if self.dated(m) else None,
                 "completed": str(m["completed"]) if m.get("completed") is not None else None,
                 "late_days": self.late_days(m),
                 "overdue": self.overdue(m), "due_soon": self.bucket(m) == "due_soon",
                 "attention": self.bucket(m)} for m in ms]})
        return out

    def item(self, g, m):
        return {"id": m["id"], "group": g["id"], "title": m["title"], "status": m["status"],
                "due": str(self.due(m)) if self.dated(m) else None, "owner": m.get("owner"),
                "days": (self.due(m) - self.today).days if self.dated(m) else None}

    def agenda(self, days, history):
        def by_due(pair):
            i, (g, m) = pair
            return (0, self.due(m), i) if self.dated(m) else (1, datetime.date.max, i)
        indexed = list(enumerate(self.milestones))
        overdue = [p for p in indexed if self.bucket(p[1][1], days) == "overdue"]
        blocked = [p for p in indexed if self.bucket(p[1][1], days) == "blocked"]
        soon = [p for p in indexed if self.bucket(p[1][1], days) == "due_soon"]
        out = {"today": str(self.today), "days": days}
        for key, items in (("overdue", overdue), ("blocked", blocked), ("due_soon", soon)):
            out[key] = [self.item(g, m) for _, (g, m) in sorted(items, key=by_due)]
        first = str(self.today - datetime.timedelta(days=days))
        index = {m["id"]: i for i, (_, m) in enumerate(self.milestones)}
        last = {}
        for i, (_, m) in enumerate(self.milestones):  # the file's record first
            if m["status"] == "done" and m.get("completed") is not None:
                if first <= str(m["completed"]) <= str(self.today):
                    last[i] = str(m["completed"])
        for e in history:  # the history only for a done one without a date
            if e.get("field") != "status" or e.get("new") != "done" or e.get("id") not in index:
                continue
            day = e["time"][:10]
            i = index[e["id"]]
            m = self.milestones[i][1]
            if first <= day <= str(self.today) and m["status"] == "done" and m.get("completed") is None:
                if i not in last or e["time"] >= last[i]:
                    last[i] = e["time"]
        # newest first as text (a date sorts before that day's times), then file order
        recent = sorted(sorted(last.items()), key=lambda kv: kv[1], reverse=True)
        out["done_recently"] = [dict(self.item(*self.milestones[i]), done_at=t) for i, t in recent]
        return out


def generate(directory, seed):
    """A charter nobody has seen: random dates, statuses and keys."""
    rnd = random.Random(seed)
    signed = datetime.date(2025, 1, 1) + datetime.timedelta(days=rnd.randrange(800))
    if rnd.random() < 0.15:
        signed = datetime.date(2024, 2, 29)
    lines = ["charter:", "  title: Generated charter %d" % seed, "  signed: %s" % signed]
    if rnd.random() < 0.3:
        lines.append("  roadmap_deadline: %s" % (signed + datetime.timedelta(days=rnd.randrange(0, 200))))
    elif rnd.random() < 0.5:
        lines.append("  roadmap_months: %d" % rnd.randrange(1, 13))
    if rnd.random() < 0.5:
        lines.append("  attention_days: %d" % rnd.choice([1, 3, 7, 14, 30, 90]))
    if rnd.random() < 0.4:
        r, reviews = signed, []
        for _ in range(rnd.randrange(0, 5)):
            r = r + datetime.timedelta(days=rnd.randrange(1, 400))
            reviews.append(str(r))
        lines.append("  reviews: [%s]" % ", ".join(reviews))
    lines.append("working_groups:")
    history = []
    n = 0
    for gi in range(rnd.randrange(1, 6)):
        lines += ["  - id: g%d" % gi, "    name: Group %d" % gi]
        count = rnd.choice([0, 1, 3, 6, 10])
        if count or rnd.random() < 0.5:
            lines.append("    milestones:" + ("" if count else " []"))
        for _ in range(count):
            n += 1
            mid = "g%d-m%d" % (gi, n)
            status = rnd.choice(["not_started", "in_progress", "blocked", "done"])
            lines += ["      - id: %s" % mid, "        title: Milestone %d of group %d" % (n, gi),
                      "        status: %s" % status]
            kind = rnd.random()
            if kind < 0.1:
                lines.append("        due: ~")
            elif kind < 0.15:
                lines.append("        due: null")
            elif kind < 0.2:
                lines.append("        due:")
            elif kind < 0.85:
                lines.append("        due: %s" % (signed + datetime.timedelta(days=rnd.randrange(-30, 700))))
            if rnd.random() < 0.5:
                lines.append("        owner: Owner %d" % rnd.randrange(5))
            # a completion date: most done ones, a few open ones (a stale one
            # that check warns about); never before signing
            if rnd.random() < (0.7 if status == "done" else 0.05):
                lines.append("        completed: %s" % (signed + datetime.timedelta(days=rnd.randrange(0, 700))))
            for _ in range(rnd.choice([0, 0, 1, 2])):
                t = datetime.datetime(2025, 1, 1) + datetime.timedelta(seconds=rnd.randrange(3 * 365 * 86400))
                history.append({"time": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "user": "u", "host": "h", "id": mid,
                                "group": "g%d" % gi, "field": "status", "old": "in_progress",
                                "new": rnd.choice(["done", "done", "blocked"])})
    history.append({"time": "2026-01-01T00:00:00Z", "user": "u", "host": "h", "id": "*", "group": None,
                    "field": "meeting", "old": None, "new": None})
    rnd.shuffle(history)  # merged histories need not be in time order
    path = "%s/charter-%d.yaml" % (directory, seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(path + ".history", "w", encoding="utf-8") as f:
        for e in history:
            f.write(json.dumps(e) + "\n")
    print(path)


def diff(got, want, where, problems):
    if isinstance(want, dict):
        if not isinstance(got, dict):
            problems.append("%s: got %r, want an object" % (where, got))
            return
        for k, v in want.items():
            if k not in got:
                problems.append("%s.%s: missing" % (where, k))
            else:
                diff(got[k], v, "%s.%s" % (where, k), problems)
    elif isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            problems.append("%s: got %d items, want %d: %r" % (where, len(got) if isinstance(got, list) else -1,
                                                               len(want), [w.get("id") for w in want
                                                                           if isinstance(w, dict)]))
            return
        for i, (g, w) in enumerate(zip(got, want)):
            diff(g, w, "%s[%d]" % (where, i), problems)
    elif got != want or type(got) is not type(want):
        problems.append("%s: got %r, want %r" % (where, got, want))


def read_history(path):
    try:
        with open(path + ".history", encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except FileNotFoundError:
        return []


def compare(mode, path, today, got, days=None):
    model = Model(path, today)
    problems = []
    if mode == "report":
        diff(got, model.report(), "report", problems)
    else:
        want = model.agenda(model.attention if days is None else days, read_history(path))
        if list(got) != list(want):
            problems.append("agenda keys %r, want %r" % (list(got), list(want)))
        diff(got, want, "agenda", problems)
    return ["%s %s %s%s: %s" % (mode, path, today, "" if days is None else " --days %d" % days, p)
            for p in problems[:20]]


def run_json(binary, args):
    out = subprocess.run([binary] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if out.returncode != 0:
        raise SystemExit("%s %s: exit %d: %s" % (binary, " ".join(args), out.returncode, out.stderr.decode()))
    return json.loads(out.stdout.decode("utf-8"))


BUCKETS = ("overdue", "blocked", "due_soon")


def same_numbers(path, d, report):
    """The report's own sums: each group's buckets add up to its milestones
    needing attention, and the groups' to the charter's."""
    problems = []
    for g in report["groups"]:
        need = sum(m["attention"] is not None for m in g["milestones"])
        if sum(g[k] for k in BUCKETS) != need:
            problems.append("%s %s: group %s buckets add up to %d, %d need attention"
                            % (path, d, g["id"], sum(g[k] for k in BUCKETS), need))
    for k in BUCKETS:
        if sum(g[k] for g in report["groups"]) != report["charter"][k]:
            problems.append("%s %s: groups' %s do not add up to the charter's" % (path, d, k))
    return problems


def check(binary, path, dates):
    problems = []
    for d in dates:
        today = datetime.date.fromisoformat(d)
        got = run_json(binary, ["report", "--format", "json", "--today", d, path])
        problems += compare("report", path, today, got)
        problems += same_numbers(path, d, got)
        for days in (None, 0, 7, 30):
            extra = [] if days is None else ["--days", str(days)]
            agenda = run_json(binary, ["agenda", "--format", "json", "--today", d] + extra + [path])
            problems += compare("agenda", path, today, agenda, days)
            if days is None:  # the agenda's sections are the report's buckets
                problems += ["%s %s: report %s %d, agenda %d" % (path, d, k, got["charter"][k], len(agenda[k]))
                             for k in BUCKETS if got["charter"][k] != len(agenda[k])]
    return problems


def main():
    mode = sys.argv[1]
    if mode == "generate":
        generate(sys.argv[2], int(sys.argv[3]))
        return 0
    if mode == "check":
        problems = check(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        path, today = sys.argv[2], datetime.date.fromisoformat(sys.argv[3])
        days = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[4] else None
        problems = compare(mode, path, today, json.load(sys.stdin), days)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
