#!/bin/sh
# e2e: `report --format ics` read back by a real iCalendar parser
# (python3-icalendar) and by hand: CRLF, lines of at most 75 octets that
# each hold whole UTF-8 characters, TEXT escaping, one all-day event per
# dated milestone on its effective due date, the roadmap deadline and the
# reviews up to the next one, UIDs that stay the same from export to export.
# Usage: test_ics.sh BINARY SCRATCH_DIR
set -u
bin=$1 tmp=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
python=/usr/bin/python3
failures=0
fail() { echo "test_ics: FAIL: $*" >&2; failures=$((failures + 1)); }
if ! "$python" -c 'import icalendar, yaml' 2>/dev/null; then
	echo "test_ics: needs $python with icalendar and PyYAML (apt-get install python3-icalendar python3-yaml)" >&2
	exit 1
fi

# A charter that exercises the escaping and the folding: long titles in
# several scripts, commas, semicolons, backslashes, line breaks, a control
# character, `due: ~` (no event) and an absent due (the deadline).
cat >"$tmp/ics.yaml" <<'EOF'
charter:
  title: "Charter, with; punctuation \\ and a very long title that must be folded somewhere"
  signed: 2024-02-29
  reviews: [2025-02-28, 2026-03-01, 2027-03-01, 2028-02-29]
working_groups:
  - id: g.1
    name: "Ənerji; qaz, elektrik"
    milestones:
      - id: m-1
        title: "Azərbaycan–ABŞ enerji yol xəritəsi: ölkələr arasında əməkdaşlıq, şəffaflıq və inkişaf üçün uzun başlıq"
        status: in_progress
        due: 2026-11-20
        owner: "İlham Əliyev; co-chairs, U.S. DoE"
        notes: "Line one\nline two, with \\backslash\\ and a bell \a here — and 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 emoji"
      - {id: m-2, title: Defaults to the deadline, status: done, completed: 2024-06-01}
      - {id: m-3, title: No date yet, status: not_started, due: ~}
  - id: g
    name: "1.m-4"
    milestones:
      - {id: m-4, title: "日本語のとても長いタイトルは七十五オクテットで折り返されなければなりません、文字の途中ではなく", status: blocked, due: 2027-01-15}
      - {id: m-5, title: Done early, status: done, due: 2026-10-01, completed: 2026-09-28}
      - {id: m-6, title: Done on the day, status: done, due: 2026-10-02, completed: 2026-10-02}
      - {id: m-7, title: Done without a date, status: done, due: 2026-10-03}
EOF

"$bin" report --format ics --today 2026-12-02 "$tmp/ics.yaml" >"$tmp/a.ics" || fail "report --format ics: exit $?"
"$bin" report --format ics --today 2027-06-01 "$tmp/ics.yaml" >"$tmp/b.ics" || fail "report --format ics (later): exit $?"
"$bin" report --format ics --today 2026-12-02 "$root/data/charter.yaml" >"$tmp/shipped.ics" || fail "shipped: exit $?"

"$python" - "$tmp/ics.yaml" "$tmp/a.ics" "$tmp/b.ics" "$root/data/charter.yaml" "$tmp/shipped.ics" <<'PY' || fail "ics read back"
import calendar, datetime, re, sys
import icalendar, yaml

def add_months(d, n):
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return datetime.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))

def clean(s):  # what the writer does to control characters in TEXT
    s = s.replace("\r\n", "\n")
    return re.sub("[\x00-\x08\x0b-\x1f\x7f-\x9f]", "\ufffd", s.replace("\t", " "))

problems = []
def raw_checks(name, data):
    if not data.endswith(b"\r\n") or b"\n" in data.replace(b"\r\n", b""):
        problems.append("%s: a line does not end in CRLF" % name)
    for i, line in enumerate(data.split(b"\r\n")[:-1], 1):
        if len(line) > 75:
            problems.append("%s:%d: %d octets" % (name, i, len(line)))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append("%s:%d: a UTF-8 character split by folding" % (name, i))

def escape(text):  # RFC 5545 TEXT
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")

def raw_property(data, uid, name):
    """The value of property `name` in the event `uid`, as written (unfolded)."""
    for event in data.decode("utf-8").replace("\r\n ", "").split("BEGIN:VEVENT")[1:]:
        lines = event.split("\r\n")
        if "UID:" + uid in lines:
            return next((l[len(name) + 1:] for l in lines if l.startswith(name + ":")), None)
    return None

def check(yaml_path, ics_path, today):
    data = open(ics_path, "rb").read()
    raw_checks(ics_path, data)
    cal = icalendar.Calendar.from_ical(data)
    doc = yaml.safe_load(open(yaml_path, encoding="utf-8"))
    ch = doc["charter"]
    signed = ch["signed"]
    deadline = ch.get("roadmap_deadline") or add_months(signed, int(ch.get("roadmap_months", 3)))
    if ch.get("reviews") is not None:
        reviews = list(ch["reviews"])
    else:
        reviews = [add_months(signed, 12 * k) for k in range(1, today.year - signed.year + 3)]
    nxt = [r for r in reviews if r >= today]
    reviews = [r for r in reviews if not nxt or r <= nxt[0]]
    want = {}
    for g in doc["working_groups"]:
        for m in g.get("milestones") or []:
            if "due" in m and m["due"] is None:
                continue
            day = m.get("due") or deadline
            # the title first (a month view's cell), then whether it is done or overdue (issue 20)
            mark = " (done)" if m["status"] == "done" else " (overdue)" if day < today else ""
            want[clean(m["title"]) + mark] = (day, m, g)
    events = [e for e in cal.walk("VEVENT")]
    uids = [str(e["UID"]) for e in events]
    if len(set(uids)) != len(uids):
        problems.append("%s: UIDs repeat" % ics_path)
    got, markers = {}, []
    for e in events:
        start = e.decoded("DTSTART")
        if type(start) is not datetime.date or "VALUE=DATE" not in e["DTSTART"].to_ical().decode() and \
                e["DTSTART"].params.get("VALUE") != "DATE":
            problems.append("%s: %s is not an all-day event" % (ics_path, e["UID"]))
        if e.decoded("DTEND") != start + datetime.timedelta(days=1):
            problems.append("%s: %s does not end the next day" % (ics_path, e["UID"]))
        summary = str(e["SUMMARY"])
        if summary in want:
            got[summary] = (start, e)
        else:
            markers.append((summary, start))
    if set(got) != set(want):
        problems.append("%s: milestone events %r, want %r" % (ics_path, sorted(got), sorted(want)))
    for s, (day, m, g) in want.items():
        if s in got:
            if got[s][0] != day:
                problems.append("%s: %s on %s, want %s" % (ics_path, s, got[s][0], day))
            desc = str(got[s][1]["DESCRIPTION"])
            # the group: its own category, and the description's first line
            if not desc.startswith("Working group: " + clean(g["name"]) + "\n"):
                problems.append("%s: %s: description %r does not start with the group" % (ics_path, s, desc))
            # read raw: python3-icalendar 4.0 splits a category at an escaped comma
            cats = raw_property(data, str(got[s][1]["UID"]), "CATEGORIES")
            if cats != escape(clean(g["name"])):
                problems.append("%s: %s: CATEGORIES:%s, want one category %r" % (ics_path, s, cats, g["name"]))
            # a done one: when it was done, and whether on time (completed - effective due)
            if m["status"] == "done":
                done = m.get("completed")
                late = (done - day).days if done else None
                words = "done (date not recorded)" if not done else \
                    "done %s, %d day%s late" % (done, late, "" if late == 1 else "s") if late > 0 else \
                    "done %s, on time" % done
                if "\nStatus: " + words + "\n" not in desc + "\n":
                    problems.append("%s: %s: %r lacks %r" % (ics_path, s, desc, words))
            if m.get("owner") and "Owner: " + clean(m["owner"]) not in desc:
                problems.append("%s: %s: owner missing from %r" % (ics_path, s, desc))
            if m.get("notes") and clean(m["notes"]) not in desc:
                problems.append("%s: %s: notes missing from %r" % (ics_path, s, desc))
    want_markers = [("Roadmap deadline: " + clean(ch["title"]), deadline)]
    label = "Review" if ch.get("reviews") is not None else "Annual review"
    want_markers += [("%s: %s" % (label, clean(ch["title"])), r) for r in reviews]
    if sorted(markers) != sorted(want_markers):
        problems.append("%s: deadline and review events %r, want %r" % (ics_path, markers, want_markers))
    return {(str(e["SUMMARY"]), e.decoded("DTSTART")): str(e["UID"]) for e in events}

a = check(sys.argv[1], sys.argv[2], datetime.date(2026, 12, 2))
b = check(sys.argv[1], sys.argv[3], datetime.date(2027, 6, 1))
for summary, uid in a.items():
    if summary in b and b[summary] != uid:
        problems.append("UID of %r changed between exports: %s, %s" % (summary, uid, b[summary]))
check(sys.argv[4], sys.argv[5], datetime.date(2026, 12, 2))
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY

# The escaping itself, as written: commas, semicolons and backslashes.
grep -q '^X-WR-CALNAME:Charter\\, with\\; punctuation \\\\ and' "$tmp/a.ics" || fail "TEXT escaping of the calendar name"
# --group limits the milestone events, not the deadline.
"$bin" report --format ics --group g --today 2026-12-02 "$tmp/ics.yaml" >"$tmp/g.ics"
[ "$(grep -c '^BEGIN:VEVENT' "$tmp/g.ics")" = 8 ] || fail "--group g: expected the deadline, 3 reviews and 4 milestones"
# The same input gives the same bytes.
"$bin" report --format ics --today 2026-12-02 "$tmp/ics.yaml" | cmp -s - "$tmp/a.ics" || fail "two exports differ"

if [ "$failures" -ne 0 ]; then
	echo "test_ics: $failures failure(s)" >&2
	exit 1
fi
echo "test_ics: ok"
