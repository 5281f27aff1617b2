#!/bin/sh
# e2e-run: slow (tests/e2e/run.sh starts it among the first)
# e2e: set/add/rm through the command line over the corpus in
# tests/data/patch (plus CRLF, CR-only, BOM and no-final-newline variants
# made here). Every result is read by PyYAML (tests/e2e/edit_oracle.py) and
# compared with the original as a whole document (key order and value types
# included): the edited value reads back exactly as typed and nothing else
# changed. Comments in multi-line flow lists stay on their lines. Every
# --dry-run diff applies with patch(1) and git apply, writes nothing, and
# gives byte for byte the file the real change then writes. A status change
# is exactly one changed line for git. Then exit codes, messages and the
# history's JSON lines.
# $1 = the binary (absolute), $2 = a scratch directory.
set -u
bin=$1 tmp=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=$root/tests/data/patch
python=/usr/bin/python3
export LC_ALL=C

failures=0
fail() {
	echo "test_edit_yaml: FAIL: $*" >&2
	failures=$((failures + 1))
}
run() { # ARGS...: sets $rc; stdout in $tmp/out, stderr in $tmp/err
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
expect_rc() { # WANT WHAT
	[ "$rc" -eq "$1" ] || { fail "$2: exit $rc, expected $1"; sed 's/^/  stderr: /' "$tmp/err" >&2; }
}
err_has() { grep -q -e "$1" "$tmp/err" || { fail "$2: stderr lacks '$1'"; sed 's/^/  stderr: /' "$tmp/err" >&2; }; }
same_file() { cmp -s "$1" "$2" || fail "$3: the file changed"; }

if ! "$python" -c 'import yaml' 2>/dev/null; then
	echo "test_edit_yaml: needs $python with PyYAML (apt-get install python3-yaml)" >&2
	exit 1
fi

# --- the corpus and its variants ---------------------------------------------
mkdir -p "$tmp/corpus"
cp "$corpus"/*.yaml "$tmp/corpus/"
sed 's/$/\r/' "$corpus/block.yaml" >"$tmp/corpus/block-crlf.yaml"
sed 's/$/\r/' "$corpus/flow.yaml" >"$tmp/corpus/flow-crlf.yaml"
tr '\n' '\r' <"$corpus/block.yaml" >"$tmp/corpus/block-cr.yaml"
tr '\n' '\r' <"$corpus/keep.yaml" >"$tmp/corpus/keep-cr.yaml"
{ printf '\357\273\277'; cat "$corpus/utf8.yaml"; } >"$tmp/corpus/utf8-bom.yaml"
{ printf '\357\273\277'; sed 's/$/\r/' "$corpus/block.yaml"; } >"$tmp/corpus/block-bom-crlf.yaml"
printf '%s' "$(cat "$corpus/block.yaml")" >"$tmp/corpus/block-nofinal.yaml"
printf '%s' "$(cat "$corpus/flow.yaml")" >"$tmp/corpus/flow-nofinal.yaml"
printf '%s' "$(cat "$corpus/utf8.yaml")" >"$tmp/corpus/utf8-nofinal.yaml"
for f in "$tmp"/corpus/*.yaml; do
	run check "$f"
	expect_rc 0 "corpus file $(basename "$f") loads"
done

# --- generated edits, each checked every way ----------------------------------
# The driver runs each edit on a fresh copy: --dry-run first (nothing
# written, the diff applies and predicts the result), then for real; then
# seeded random chains of edits on one copy per file. It writes one oracle
# record per edit.
cat >"$tmp/driver.py" <<'PY'
import json, os, random, re, shutil, subprocess, sys

binary, corpus, work = sys.argv[1], sys.argv[2], sys.argv[3]
VALUES = ["yes", "no", "on", "off", "Y", "null", "~", "true", "a: b", "a #b", "*star", "&amp", "!bang",
          "-", "- dash", "'", '"', "it's \"both\"", "2026", "2026-02-09", "1.5", "0x1F", "1:30", " lead",
          "trail ", "tab\there", "sep\u2028x", "bell\x07", "c1\x85x", "why?", "a, b", "[x]", "{y}", "%p",
          "@a", "`b", "|", ">", "#", "a:", "<<", "=", "back\\slash", "\ufeffbom", "two\nlines",
          "Azərbaycan — ümumi 🚀", "plain words"]
TODAY = "2026-06-15"  # the completion date a status change to done writes
NEXT = {"not_started": "in_progress", "in_progress": "blocked", "blocked": "done", "done": "not_started"}
failures = []
records = open(os.path.join(work, "records.jsonl"), "w", encoding="utf-8")
counter = [0]


def run(args, cwd):
    return subprocess.run([binary] + args, cwd=cwd, capture_output=True)


def model(path):
    out = subprocess.run([binary, "report", "--format", "json", path], capture_output=True, check=True)
    return json.loads(out.stdout)["groups"]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def one(name, kind, args, rec):
    """Runs one edit on a copy of corpus file `name`, every way."""
    counter[0] += 1
    d = os.path.join(work, "e%d" % counter[0])
    os.makedirs(os.path.join(d, "p"))
    shutil.copy(os.path.join(corpus, name), os.path.join(d, "f.yaml"))
    before = read(os.path.join(d, "f.yaml"))
    where = "%s: %s %s" % (name, kind, args)
    opts = args[:2] if args[:1] == ["--today"] else []
    args = args[len(opts):]
    dry = run([kind] + opts + ["--dry-run", "f.yaml"] + args, d)
    if dry.returncode != 0:
        failures.append("%s: --dry-run exit %d: %s" % (where, dry.returncode, dry.stderr.decode()))
        return
    if read(os.path.join(d, "f.yaml")) != before or os.path.exists(os.path.join(d, "f.yaml.history")):
        failures.append("%s: --dry-run wrote something" % where)
    real = run([kind] + opts + ["f.yaml"] + args, d)
    if real.returncode != 0:
        failures.append("%s: exit %d: %s" % (where, real.returncode, real.stderr.decode()))
        return
    after = read(os.path.join(d, "f.yaml"))
    if dry.stdout:
        with open(os.path.join(d, "diff"), "wb") as f:
            f.write(dry.stdout)
        shutil.copy(os.path.join(corpus, name), os.path.join(d, "p", "f.yaml"))
        check = subprocess.run(["git", "apply", "--check", os.path.join(d, "diff")], cwd=os.path.join(d, "p"),
                               capture_output=True)
        if check.returncode != 0:
            failures.append("%s: git apply --check refuses the diff: %s" % (where, check.stderr.decode()))
        applied = subprocess.run(["patch", "-p1", "--quiet", "-i", os.path.join(d, "diff")],
                                 cwd=os.path.join(d, "p"), capture_output=True)
        if applied.returncode != 0 or read(os.path.join(d, "p", "f.yaml")) != after:
            failures.append("%s: the --dry-run diff does not give the written file:\n%s" % (where, dry.stdout.decode()))
    elif after != before:
        failures.append("%s: --dry-run printed no diff but the file changed" % where)
    if kind == "set" and args[-1].startswith("status="):
        # the status line, and at most the completion date's own line
        diff = subprocess.run(["git", "diff", "--no-index", "-U0", os.path.join(corpus, name),
                               os.path.join(d, "f.yaml")], capture_output=True).stdout.decode("utf-8", "replace")
        changed = [l for l in diff.split("\n") if l[:1] and l[0] in "+-" and l[:3] not in ("+++", "---")]
        extra = [l for l in changed if "status" not in l]
        if (sum(1 for l in changed if "status" in l) != 2 or len(extra) > 1 or
                any(not re.fullmatch(r"[+-]\s*completed: \d{4}-\d\d-\d\d\r?", l) for l in extra)):
            failures.append("%s: a status change is not its line and a completion date: %r" % (where, changed))
    rec.update({"before": os.path.join(corpus, name), "after": os.path.join(d, "f.yaml"),
                "pyyaml": b"\t" not in before})
    records.write(json.dumps(rec) + "\n")


for name in sorted(os.listdir(corpus)):
    groups = model(os.path.join(corpus, name))
    k = 0
    for g in groups:
        for m in g["milestones"]:
            mid = m["id"]
            one(name, "set", ["--today", TODAY, mid, "status=" + NEXT[m["status"]]],
                {"kind": "set", "id": mid, "field": "status", "value": NEXT[m["status"]], "today": TODAY})
            for field in ("title", "owner", "notes"):
                for _ in range(2):
                    v = VALUES[k % len(VALUES)]
                    k += 1
                    one(name, "set", [mid, field + "=" + v], {"kind": "set", "id": mid, "field": field, "value": v})
            for field, v in (("due", "2026-07-31"), ("owner", ""), ("notes", ""), ("due", "")):
                one(name, "set", [mid, field + "=" + v], {"kind": "set", "id": mid, "field": field, "value": v})
            one(name, "rm", [mid], {"kind": "rm", "id": mid})
        v = VALUES[k % len(VALUES)]
        k += 1
        one(name, "add", [g["id"], "--id", "new-" + g["id"], "--title", v],
            {"kind": "add", "id": "new-" + g["id"], "group": g["id"], "value": v})

# Chains: random set/add/rm in a row on one copy of each file (seeded),
# each step checked by the oracle against the step before.
MULTILINE = ["line\n\nthree\n", " lead\nx", "a\n b", "x\n\n", "#c\nd", "- a\n- b", "|\n>"]
rng = random.Random(7)
for name in sorted(os.listdir(corpus)):
    d = os.path.join(work, "chain-" + name)
    os.makedirs(d)
    path = os.path.join(d, "f.yaml")
    shutil.copy(os.path.join(corpus, name), path)
    for step in range(12):
        groups = model(path)
        ms = [m["id"] for g in groups for m in g["milestones"]]
        prev = os.path.join(d, "%d.yaml" % step)
        shutil.copy(path, prev)
        op = rng.choice(["set"] * 4 + ["add", "rm"]) if ms else "add"
        if op == "rm":
            mid = rng.choice(ms)
            args, rec = ["rm", path, mid], {"kind": "rm", "id": mid}
        elif op == "add":
            g, v = rng.choice(groups)["id"], rng.choice(VALUES[:20])
            args = ["add", path, g, "--id", "c%d" % step, "--title", v]
            rec = {"kind": "add", "id": "c%d" % step, "group": g, "value": v}
        else:
            mid, field = rng.choice(ms), rng.choice(["title", "owner", "notes", "notes", "due"])
            v = "2026-01-31" if field == "due" else rng.choice(VALUES + MULTILINE)
            args, rec = ["set", path, mid, field + "=" + v], {"kind": "set", "id": mid, "field": field, "value": v}
        done = subprocess.run([binary] + args, capture_output=True)
        if done.returncode != 0:
            failures.append("chain %s step %d: %s: exit %d: %s" % (name, step, args[2:], done.returncode,
                                                                   done.stderr.decode()))
            shutil.copy(prev, path)
            continue
        after = os.path.join(d, "%d.after.yaml" % step)
        shutil.copy(path, after)
        rec.update({"before": prev, "after": after, "pyyaml": b"\t" not in read(prev)})
        records.write(json.dumps(rec) + "\n")
        counter[0] += 1
records.close()
for f in failures:
    print("driver: FAIL: " + f)
print("driver: %d edits run, %d failed" % (counter[0], len(failures)))
sys.exit(1 if failures else 0)
PY
mkdir -p "$tmp/runs"
"$python" "$tmp/driver.py" "$bin" "$tmp/corpus" "$tmp/runs" >"$tmp/driver.out" 2>&1 ||
	{ fail "generated edits"; cat "$tmp/driver.out" >&2; }
"$python" "$here/edit_oracle.py" "$tmp/runs/records.jsonl" >"$tmp/oracle.out" 2>&1 ||
	{ fail "PyYAML reading of the results"; cat "$tmp/oracle.out" >&2; }
tail -n 1 "$tmp/driver.out" | grep -q ' 0 failed' || fail "driver summary: $(tail -n 1 "$tmp/driver.out")"
[ "$(cat "$tmp/runs/records.jsonl" | wc -l)" -gt 300 ] || fail "too few edits were checked"

# --- comments in a multi-line flow list stay on their lines --------------------
# (issue 12, item 7; PyYAML cannot see comments, so these compare the text)
flow_case() { # NAME SED-SCRIPT ARGS...: the edit gives the original edited by SED-SCRIPT
	name=$1 script=$2
	shift 2
	cp "$corpus/keep.yaml" "$tmp/fc.yaml"
	sed "$script" "$corpus/keep.yaml" >"$tmp/fc.want"
	run "$@"
	expect_rc 0 "$name"
	cmp -s "$tmp/fc.yaml" "$tmp/fc.want" || { fail "$name: the file is not as expected"; diff "$tmp/fc.want" "$tmp/fc.yaml" >&2; }
}
flow_case "rm of a middle item takes its own line and comment" '/# second$/d' rm "$tmp/fc.yaml" fl-2
flow_case "rm of the first item" '/# first$/d' rm "$tmp/fc.yaml" fl-1
flow_case "rm of the last item: the comma before it goes, the comment stays" \
	'/fl-3/,/# its owner$/d; s/^\(      {id: fl-2, title: Two, status: blocked}\),/\1/' rm "$tmp/fc.yaml" fl-3
flow_case "clearing the last key of a multi-line flow mapping" \
	's/status: not_started,/status: not_started/; s/owner: Ana}/}/' set "$tmp/fc.yaml" fl-3 owner=
flow_case "a status inside a multi-line flow mapping, with its completion date" \
	's/status: not_started,/status: done, completed: 2026-06-15,/' set --today 2026-06-15 "$tmp/fc.yaml" fl-3 status=done

# --- exit codes and messages ---------------------------------------------------
f=$tmp/c.yaml
cp "$corpus/block.yaml" "$f"
cp "$f" "$tmp/orig.yaml"
run set "$f" no-such-id status=done
expect_rc 1 "unknown id"
err_has "no milestone with id 'no-such-id'" "unknown id"
run set "$f" energy-lng status=finished
expect_rc 1 "bad status"
err_has "status 'finished' is not one of: not_started, in_progress, blocked, done" "bad status"
run set "$f" energy-lng due=2026-02-30
expect_rc 1 "bad date"
err_has "due '2026-02-30' is not a valid date: February 2026 has 28 days" "bad date"
run set "$f" energy-lng status=done due=2026-13-01
expect_rc 1 "a bad value among good ones"
err_has "there is no month 13" "a bad value among good ones"
run set "$f" energy-lng title=
expect_rc 1 "empty title"
err_has "title cannot be empty" "empty title"
run add "$f" no-such-group --title X
expect_rc 1 "unknown group"
err_has "no working group with id 'no-such-group'" "unknown group"
run add "$f" energy --id energy-lng --title X
expect_rc 1 "duplicate id"
run rm "$f" no-such-id
expect_rc 1 "rm unknown id"
same_file "$f" "$tmp/orig.yaml" "refused changes"
[ ! -e "$f.history" ] || fail "refused changes wrote history"

for args in "set" "set $f" "set $f energy-lng" "set $f energy-lng status" "set $f energy-lng colour=red" \
	"set --bogus $f energy-lng status=done" "set --expect $f energy-lng status=done" \
	"set --expect owner=x $f energy-lng status=done" "rm $f" "rm $f a b" "add $f energy" "add"; do
	# shellcheck disable=SC2086 # word splitting wanted
	run $args
	expect_rc 2 "usage error: $args"
	grep -q "Try 'charterdash" "$tmp/err" || fail "usage error without a hint: $args"
done
same_file "$f" "$tmp/orig.yaml" "usage errors"

# --expect: a conflict is refused (exit 1) and --force overrides it.
run set --expect status=done "$f" energy-lng status=blocked
expect_rc 1 "conflict"
err_has "conflict: the status of 'energy-lng' was changed meanwhile: it is now 'in_progress'" "conflict"
same_file "$f" "$tmp/orig.yaml" "conflict"
run set --expect status=done --force "$f" energy-lng status=blocked
expect_rc 0 "--force"
grep -q '^        status: blocked$' "$f" || fail "--force did not write the status"
run set --expect status=blocked --expect owner= "$f" energy-lng status=done owner=Ann
expect_rc 0 "--expect that holds (owner absent)"
run set --expect owner= "$f" energy-lng owner=Bob
expect_rc 1 "--expect owner absent, but it is set"
# Several FIELD=VALUE are one transaction: one failing, none is written.
cp "$f" "$tmp/before-all.yaml"
cp "$f.history" "$tmp/before-all.history"
run set --expect owner=Bob "$f" energy-lng status=blocked owner=Zed
expect_rc 1 "a conflict in the second of two changes"
same_file "$f" "$tmp/before-all.yaml" "a conflict in the second of two changes"
same_file "$f.history" "$tmp/before-all.history" "a conflict in the second of two changes (history)"
run set "$f" energy-lng status=done
expect_rc 0 "setting the value it already has"
grep -q "already 'done'; nothing to change" "$tmp/out" || fail "no-op change not reported"

# --dry-run with several FIELD=VALUE (and add with fields): one diff that
# applies and gives exactly what the real change writes.
mkdir -p "$tmp/multi/a" "$tmp/multi/b"
for cmd in "set f.yaml energy-grid status=done owner=yes title=2026 notes=x" \
	"add f.yaml security --id sec-new --title New owner=Ann due=2026-10-01"; do
	cp "$corpus/block.yaml" "$tmp/multi/a/f.yaml"
	cp "$corpus/block.yaml" "$tmp/multi/b/f.yaml"
	verb=${cmd%% *}
	# shellcheck disable=SC2086 # word splitting wanted
	(cd "$tmp/multi/a" && "$bin" $verb --dry-run ${cmd#* } >../diff 2>../err) || fail "$cmd --dry-run"
	cmp -s "$tmp/multi/a/f.yaml" "$corpus/block.yaml" || fail "$cmd --dry-run wrote the file"
	(cd "$tmp/multi/a" && patch -p1 --quiet -i ../diff) || fail "$cmd: the diff does not apply"
	# shellcheck disable=SC2086
	(cd "$tmp/multi/b" && "$bin" $cmd >/dev/null 2>&1) || fail "$cmd"
	cmp -s "$tmp/multi/a/f.yaml" "$tmp/multi/b/f.yaml" || fail "$cmd: the --dry-run diff differs from the change"
	[ "$(grep -c '^@@' "$tmp/multi/diff")" -eq 1 ] || fail "$cmd: not one hunk"
done

# An anchored value is shared: refused with a clear message.
cat >"$tmp/anchor.yaml" <<'EOF'
charter: {title: T, signed: 2026-02-09}
working_groups:
  - id: g
    name: G
    milestones:
      - {id: a, title: A, status: done, owner: &lead Secretariat}
      - {id: b, title: B, status: done, owner: *lead}
EOF
cp "$tmp/anchor.yaml" "$tmp/anchor.orig"
run set "$tmp/anchor.yaml" a owner=Other
expect_rc 1 "anchored value"
err_has "the owner is shared with other places through an anchor (&); change it in the file itself" "anchored value"
same_file "$tmp/anchor.yaml" "$tmp/anchor.orig" "anchored value"
run set "$tmp/anchor.yaml" b owner=Other
expect_rc 0 "an alias is one place"

# --- the history ----------------------------------------------------------------
LOGNAME=tester run set "$f" sec-roadmap 'notes=two "quoted"
lines' owner=ü
expect_rc 0 "set for the history"
run set --user 'Amina Q' "$f" sec-training status=done
run add "$f" trade --id trade-1 --title 'New: one' due=2026-09-01
run rm "$f" trade-1
"$python" - "$f.history" <<'PY' >"$tmp/hist.out" 2>&1 || { fail "history lines"; cat "$tmp/hist.out" >&2; }
import json, re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
entries = [json.loads(l) for l in lines]
keys = {"time", "user", "host", "id", "group", "field", "old", "new"}
for e in entries:
    # a status change to or from done says what became of `completed`
    if e["field"] == "status" and "done" in (e["old"], e["new"]) and "completed_new" in e:
        assert set(e) == keys | {"completed_old", "completed_new"}, e
        assert (e["completed_old"] is None) == (e["new"] == "done"), e
    else:
        assert set(e) == keys, e
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", e["time"]), e
    assert e["host"], e
got = [(e["user"], e["id"], e["field"], e["old"], e["new"]) for e in entries]
want = [(None, "energy-lng", "status", "in_progress", "blocked"),
        (None, "energy-lng", "status", "blocked", "done"),
        (None, "energy-lng", "owner", None, "Ann"),
        (None, "b", "owner", "Secretariat", "Other"),
        ("tester", "sec-roadmap", "notes", None, 'two "quoted"\nlines'),
        ("tester", "sec-roadmap", "owner", None, "ü"),
        ("Amina Q", "sec-training", "status", "in_progress", "done"),
        (None, "trade-1", "milestone", None, "New: one"),
        (None, "trade-1", "due", None, "2026-09-01"),
        (None, "trade-1", "milestone", "New: one", None)]
# The anchor file has its own history; its line is not here.
want = [w for w in want if w[1] != "b"]
assert len(got) == len(want), got
for g, w in zip(got, want):
    assert w[0] is None or g[0] == w[0], (g, w)
    assert g[1:] == w[1:], (g, w)
print("history: %d lines ok" % len(entries))
PY
run check "$f"
expect_rc 0 "the edited file still loads"

[ "$failures" -eq 0 ] || { echo "test_edit_yaml: $failures failure(s)" >&2; exit 1; }
echo "test_edit_yaml: ok ($(tail -n 1 "$tmp/driver.out" | sed 's/^driver: //'))"
