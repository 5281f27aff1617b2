#!/usr/bin/env python3
"""Whole-document check of a charter file with PyYAML, independent of
charterdash: FILE must parse to BASE with exactly the listed edits applied.

usage: yaml_expect.py FILE BASE EDIT...
  set:ID:FIELD:VALUE      a milestone field ('' removes the key)
  add:GROUP:JSON          a milestone (a JSON object) at the end of GROUP's list
  rm:ID                   a milestone removed
  group:ID:KEY:VALUE      a working group's key
Exit 0 when equal; else prints the first difference and exits 1."""
import json
import sys

import yaml


def milestone(doc, mid):
    for g in doc["working_groups"]:
        for m in g.get("milestones") or []:
            if m.get("id") == mid:
                return g, m
    raise SystemExit(f"yaml_expect: no milestone {mid} in the base")


def apply(doc, edit):
    kind, _, rest = edit.partition(":")
    if kind == "set":
        mid, field, value = rest.split(":", 2)
        _, m = milestone(doc, mid)
        if value == "":
            m.pop(field, None)
        else:
            m[field] = value
    elif kind == "add":
        gid, obj = rest.split(":", 1)
        group = next(g for g in doc["working_groups"] if g["id"] == gid)
        group.setdefault("milestones", []).append(json.loads(obj))
    elif kind == "rm":
        g, m = milestone(doc, rest)
        g["milestones"].remove(m)
    elif kind == "group":
        gid, key, value = rest.split(":", 2)
        next(g for g in doc["working_groups"] if g["id"] == gid)[key] = value
    else:
        raise SystemExit(f"yaml_expect: unknown edit {edit}")


def normal(node):
    """Dates as text, so a loaded date equals the string given in an edit."""
    if isinstance(node, dict):
        return {k: normal(v) for k, v in node.items()}
    if isinstance(node, list):
        return [normal(v) for v in node]
    return node if isinstance(node, (str, int, float, bool, type(None))) else str(node)


def main():
    path, base, edits = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(base, encoding="utf-8") as f:
        want = normal(yaml.safe_load(f))
    for e in edits:
        apply(want, e)
    with open(path, encoding="utf-8") as f:
        got = normal(yaml.safe_load(f))
    if got != want:
        print(f"yaml_expect: {path} differs from the expected document", file=sys.stderr)
        print("  got:  " + json.dumps(got, sort_keys=True)[:2000], file=sys.stderr)
        print("  want: " + json.dumps(want, sort_keys=True)[:2000], file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
