"""edit_oracle — checks edited charter files with an independent YAML
parser (PyYAML), for tests/test_patch.c and tests/e2e/test_edit_yaml.sh.

Reads JSON lines, one per edit:
  {"before": PATH, "after": PATH, "kind": "set"|"add"|"rm", "id": ID,
   "group": GROUP (add), "field": FIELD (set), "value": TEXT (set: "" clears;
   add: the title), "pyyaml": true}
and checks that AFTER reads as BEFORE with exactly that change: the edited
value reads back as the very string typed (never a bool, number or date,
except a due date), and every other value of the file is unchanged.
"pyyaml": false marks an input PyYAML may reject (it refuses some tabs
libyaml accepts, such as `key:<TAB>value`): if it does, it must reject the
result too; if it reads it, the result is checked as usual. Prints one line per failure; exit 1 if any.

Usage: python3 edit_oracle.py RECORDS.jsonl
"""
import copy
import datetime
import json
import sys

import yaml


def load(path):
    with open(path, "rb") as f:
        return yaml.safe_load(f.read())  # bytes: PyYAML honours a BOM


def normalise(doc):
    """Dates as text, and a null or missing milestones list as []."""
    if isinstance(doc, dict):
        return {k: normalise(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [normalise(v) for v in doc]
    if isinstance(doc, datetime.date):
        return doc.isoformat()
    return doc


def milestones_of(group):
    if group.get("milestones") is None:
        group["milestones"] = []
    return group["milestones"]


def find(doc, mid):
    for g in doc.get("working_groups") or []:
        for m in milestones_of(g):
            if m.get("id") == mid:
                return g, m
    return None, None


def expected_after(before, r):
    want = copy.deepcopy(before)
    for g in want.get("working_groups") or []:
        milestones_of(g)
    kind = r["kind"]
    if kind == "set":
        _, m = find(want, r["id"])
        if m is None:
            return None, "no milestone %r before the edit" % r["id"]
        if r["value"] == "":
            m.pop(r["field"], None)
        elif r["field"] == "due" and r["value"] == "~":
            m["due"] = None  # "no date yet": a YAML null, not the text "~"
        else:
            m[r["field"]] = r["value"]
    elif kind == "add":
        for g in want.get("working_groups") or []:
            if g.get("id") == r["group"]:
                milestones_of(g).append({"id": r["id"], "title": r["value"], "status": "not_started"})
                break
        else:
            return None, "no group %r" % r["group"]
    elif kind == "rm":
        g, m = find(want, r["id"])
        if m is None:
            return None, "no milestone %r before the edit" % r["id"]
        g["milestones"].remove(m)
    return want, None


def check(r):
    where = "%s -> %s (%s %s %s=%r)" % (r["before"], r["after"], r["kind"], r.get("id"),
                                       r.get("field", r.get("group")), r.get("value"))
    try:
        before = load(r["before"])
    except yaml.YAMLError as e:
        if r.get("pyyaml", True):
            return "%s: PyYAML cannot read the input: %s" % (where, str(e).replace("\n", " "))
        try:
            load(r["after"])
        except yaml.YAMLError:
            return None  # rejected before and after, as it should be
        return "%s: PyYAML rejects the input but reads the result" % where
    try:
        after = load(r["after"])
    except yaml.YAMLError as e:
        return "%s: PyYAML cannot read the result: %s" % (where, str(e).replace("\n", " "))
    # The raw value, before dates become text: only a due date may be a date.
    if r["kind"] == "set" and r["value"] != "":
        _, m = find(after, r["id"])
        got = None if m is None else m.get(r["field"])
        is_date = isinstance(got, datetime.date) and r["field"] == "due"
        no_date = got is None and r["field"] == "due" and r["value"] == "~"
        if not isinstance(got, str) and not is_date and not no_date:
            return "%s: %s reads back as %r, not the text typed" % (where, r["field"], got)
    before, after = normalise(before), normalise(after)
    want, problem = expected_after(before, r)
    if problem:
        return "%s: %s" % (where, problem)
    for g in after.get("working_groups") or []:
        milestones_of(g)
    if want != after:
        return "%s: PyYAML reads\n  %r\nexpected\n  %r" % (where, after, want)
    return None


def main():
    failures = 0
    count = 0
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            count += 1
            problem = check(json.loads(line))
            if problem:
                failures += 1
                print("edit_oracle: FAIL: " + problem)
    print("edit_oracle: %d edits checked, %d failed" % (count, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
