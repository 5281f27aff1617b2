#!/usr/bin/env python3
"""Generate a realistic charter file for benchmarks.

usage: gen.py MILESTONES GROUPS SEED > FILE

Like real files, not a repeated line: titles drawn from a vocabulary with
Azerbaijani and English words (UTF-8), comments between groups and after
values, plain / single / double-quoted titles, folded and literal notes,
optional owners and due dates, unknown keys."""
import random
import sys

VERBS = ["Adopt", "Draft", "Review", "Sign", "Launch", "Assess", "Agree", "Publish",
         "Fund", "Pilot", "Map", "Align", "Open", "Survey", "Certify"]
OBJECTS = ["roadmap", "customs procedure", "data centre plan", "port upgrade", "rail link",
           "grid interconnector", "demining survey", "R&D fund", "workforce programme",
           "cybersecurity framework", "pipeline study", "minerals transit plan",
           "tender", "memorandum", "feasibility study", "training course"]
PLACES = ["Bakı", "Gəncə", "Sumqayıt", "Naxçıvan", "Ələt", "Lənkəran", "Şəki",
          "Washington", "Houston", "the Caspian", "the Middle Corridor", "Quba"]
OWNERS = ["Co-chairs", "Ministry of Economy", "Ministry of Energy", "U.S. Department of State",
          "U.S. Department of Commerce", "ADY Azerbaijan Railways", "SOCAR", "ANAMA",
          "Ministry of Digital Development", "Əliyev Ə.", "Hüseynova L."]
STATUSES = ["not_started", "in_progress", "blocked", "done"]


def title(rng):
    t = f"{rng.choice(VERBS)} the {rng.choice(OBJECTS)} for {rng.choice(PLACES)}"
    if rng.random() < 0.1:
        t += f": phase {rng.randint(1, 9)}"
    return t


def scalar(rng, text):
    if ": " in text or rng.random() < 0.15:
        return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'
    if rng.random() < 0.1:
        return "'" + text.replace("'", "''") + "'"
    return text


def main():
    total, groups, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    out = sys.stdout
    out.write("# Generated benchmark charter: %d milestones in %d groups.\n" % (total, groups))
    out.write("charter:\n  title: Benchmark Strategic Partnership Charter\n")
    out.write("  signed: 2026-02-09   # Monday\n  roadmap_months: 3\n  place: Bakı\n\n")
    out.write("working_groups:\n")
    per = [total // groups + (1 if g < total % groups else 0) for g in range(groups)]
    n = 0
    for g in range(groups):
        out.write(f"\n  # Working group {g + 1} of {groups}\n")
        out.write(f"  - id: wg{g}\n    name: {scalar(rng, 'Working group ' + str(g) + ' — ' + rng.choice(PLACES))}\n")
        out.write(f"    leads: [{rng.choice(OWNERS)}, {rng.choice(OWNERS)}]\n")
        out.write("    milestones:\n")
        for _ in range(per[g]):
            out.write(f"      - id: m{n}\n")
            out.write(f"        title: {scalar(rng, title(rng))}\n")
            st = rng.choice(STATUSES)
            out.write(f"        status: {st}")
            out.write("  # checked at the last meeting\n" if rng.random() < 0.05 else "\n")
            if rng.random() < 0.8:
                out.write(f"        due: 2026-{rng.randint(3, 12):02d}-{rng.randint(1, 28):02d}\n")
            if rng.random() < 0.7:
                out.write(f"        owner: {scalar(rng, rng.choice(OWNERS))}\n")
            r = rng.random()
            if r < 0.05:
                out.write("        notes: >\n          Folded note about " + rng.choice(PLACES) +
                          "\n          continued on a second line.\n")
            elif r < 0.08:
                out.write("        notes: |\n          Literal note, line one.\n          Line two: " +
                          rng.choice(PLACES) + "\n")
            elif r < 0.3:
                out.write(f"        notes: {scalar(rng, 'Follow-up with ' + rng.choice(OWNERS))}\n")
            if rng.random() < 0.02:
                out.write(f"        x-tracker-ref: T-{rng.randint(1000, 9999)}\n")
            n += 1


main()
