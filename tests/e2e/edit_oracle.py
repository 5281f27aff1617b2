"""edit_oracle — checks edited charter files with an independent YAML
parser (PyYAML), for tests/test_patch.c and tests/e2e/test_edit_yaml.sh.

Reads JSON lines, one per edit:
  {"before": PATH, "after": PATH, "kind": "set"|"add"|"rm", "id": ID,
   "group": GROUP (add), "field": FIELD (set), "value": TEXT (set: "" clears;
   add: the title), "pyyaml": true}
and checks that AFTER reads as BEFORE with exactly that change, comparing
the whole documents: every key in its order, every value with its type (a
"1" that turned into 1 counts). The edited value reads back as the very
string typed (never a bool, number or date, except a due or completion date); a new key
or milestone comes last; a list emptied by rm may read as null.
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


def canonical(node):
    """The document as nested tuples that keep what == on dicts would not:
    key order, and each scalar's type (1, 1.0, True and "1" all differ)."""
    if isinstance(node, dict):
        return ("map", [(canonical(k), canonical(v)) for k, v in node.items()])
    if isinstance(node, list):
        return ("seq", [canonical(v) for v in node])
    return (type(node).__name__, node)


def groups_of(doc):
    groups = doc.get("working_groups") if isinstance(doc, dict) else None
    return groups if isinstance(groups, list) else []


def find(doc, mid):
    for g in groups_of(doc):
        for m in g.get("milestones") or []:
            if isinstance(m, dict) and m.get("id") == mid:
                return g, m
    return None, None


def expected_after(before, after, r):
    """BEFORE with exactly the change of record r, in PyYAML's terms: a new
    key goes last in its mapping, a new milestone last in its list."""
    want = copy.deepcopy(before)
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
            if r["field"] == "status" and "today" in r:
                # the same save keeps `completed` true: written (right after
                # the status) when it becomes done without one, gone when it
                # leaves done
                was = m.get("status")
                if r["value"] == "done" and was != "done" and "completed" not in m:
                    items = list(m.items())
                    m.clear()
                    for k, v in items:
                        m[k] = v
                        if k == "status":
                            m["completed"] = datetime.date.fromisoformat(r["today"])
                elif was == "done" and r["value"] != "done":
                    m.pop("completed", None)
            if r["field"] == "completed" and "completed" not in m and "status" in m:
                # a new completion date goes right after the status
                items = list(m.items())
                m.clear()
                for k, v in items:
                    m[k] = v
                    if k == "status":
                        m["completed"] = r["value"]
            m[r["field"]] = r["value"]
            _, got = find(after, r["id"])
            date = None if got is None else got.get(r["field"])
            if r["field"] in ("due", "completed") and isinstance(date, datetime.date) and date.isoformat() == r["value"]:
                m[r["field"]] = date  # a date written plain reads as a date
    elif kind == "add":
        for g in groups_of(want):
            if g.get("id") == r["group"]:
                new = {"id": r["id"], "title": r["value"], "status": "not_started"}
                if g.get("milestones") is None:
                    g["milestones"] = [new]  # in place of a null, or last
                else:
                    g["milestones"].append(new)
                break
        else:
            return None, "no group %r" % r["group"]
    elif kind == "rm":
        g, m = find(want, r["id"])
        if m is None:
            return None, "no milestone %r before the edit" % r["id"]
        g["milestones"].remove(m)
        if not g["milestones"]:  # an emptied block list reads as null
            for h in groups_of(after):
                if h.get("id") == g.get("id") and h.get("milestones") is None:
                    g["milestones"] = None
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
    # Only a due date may read back as something else than the text typed.
    if r["kind"] == "set" and r["value"] != "":
        _, m = find(after, r["id"])
        got = None if m is None else m.get(r["field"])
        is_date = isinstance(got, datetime.date) and r["field"] in ("due", "completed")
        no_date = got is None and r["field"] == "due" and r["value"] == "~"
        if not isinstance(got, str) and not is_date and not no_date:
            return "%s: %s reads back as %r, not the text typed" % (where, r["field"], got)
    want, problem = expected_after(before, after, r)
    if problem:
        return "%s: %s" % (where, problem)
    # The whole document: every key in its order, every value with its type.
    if canonical(want) != canonical(after):
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
