#!/usr/bin/env python3
"""errors_catalogue.py: docs/errors.md against the code that prints the messages.

  errors_catalogue.py list ROOT          the message templates found in src/ (for writing the docs)
  errors_catalogue.py check ROOT         every message in the code is documented, and every
                                         documented message can be produced by the code
  errors_catalogue.py examples ROOT BIN  runs every `console` example of the catalogue with BIN as
                                         `charterdash` and compares the output and exit status
                                         (--update rewrites the documented outputs instead: look
                                         at the diff before committing it)
  errors_catalogue.py match ROOT FILE    every line of FILE is (part of) a documented message

The code side. A message is the format string (or, for a "%s" format, the string literals
among the arguments) of a call to one of SINKS below: the located diagnostics (diag_add,
doc_error, ...), the usage errors, fprintf(stderr, ...), the dashboard's ui_error/ui_message,
and the snprintf calls that fill a reason (`why`) later printed inside a message. A conversion
(%s, %u, %zu...) is a hole. Literal arguments of the same call (`n == 1 ? "" : "s"`) and
literals assigned in the same function to a variable passed as an argument are what a hole may
hold besides a varying value.

The docs side. Templates are the ```message blocks of docs/errors.md and the first code span
of each bullet in its dashboard section; CAPITALS (FILE, LINE, ID...) stand for varying parts.
A template can be produced by the code when it reduces to nothing by repeatedly replacing a code
message whose holes are filled by CAPITALS, already reduced messages or the call's literals
(messages nest: "FILE: error: REASON" with REASON "no milestone with id 'ID'"). A code message
is documented when some template's reduction uses it.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

# name -> (index of the format argument, condition on the arguments or None)
SINKS = {
    "diag_add": (5, None),
    "doc_error": (3, None),
    "doc_warning": (3, None),
    "doc_report": (4, None),
    "add_error_at": (2, None),
    "add_error_at_mark": (2, None),
    "cli_usage_error": (1, None),
    "ui_error": (1, None),
    "ui_message": (1, None),
    "ui_prompt_error": (1, None),  # shown in place in the dashboard's form
    "fail": (1, None),  # patch.c: the reason a change cannot be made
    "fprintf": (1, lambda path, args: "stderr" in args[0]
                or (os.path.basename(path) == "diag.c" and args[0] == "out")),
    # reasons, printed later inside a message
    "snprintf": (2, lambda path, args: args[0] in REASON_BUFFERS
                 or (os.path.basename(path), args[0]) in REASON_BUFFERS_IN),
}
REASON_BUFFERS = {"why", "r->why", "p->why", "warning", "e->error", "ui->edit->error", "ui->read_only_why"}
REASON_BUFFERS_IN = {("ui_live.c", "first"), ("ui_dash.c", "banner"), ("merge.c", "p->message"),
                     ("merge_marks.c", "c->message"),
                     ("merge.c", "out->why")}
# Functions whose returned literals are reasons shown inside a message.
REASON_FUNCTIONS = {"ui_term_unusable", "ui_live_blocked"}
# Other ways to reach standard error: each use must be one of these, or the check fails
# (a message printed some new way would escape the catalogue).
OTHER_STDERR = re.compile(r"\b(fputs|fputc|putc|fwrite|perror|vfprintf|dprintf|psignal|warnx?|errx?)\s*\(")
KNOWN_STDERR = {("vfprintf", "fmt")}  # cli_usage_error's own format, passed on

CONVERSION = re.compile(r"%(%|[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|z|j|t|L)?[diouxXcsp])")
MARK = "\ue000"  # a reduced message inside a template
PLACEHOLDER = r"(?<![A-Z0-9_])[A-Z][A-Z0-9_]*(?![A-Z0-9_])"


# --- reading C ------------------------------------------------------------------

def strip_comments(text):
    """The source with comments blanked (newlines kept), string and char literals intact."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def past_literal(text, i):
    """The index just after the C string or character literal opening at i."""
    j = i + 1
    while text[j] != text[i]:
        j += 2 if text[j] == "\\" else 1
    return j + 1


def split_args(text, start):
    """Arguments of the call whose '(' is at start: (list of texts, index after ')')."""
    args, depth, i, cur = [], 0, start + 1, []
    while i < len(text):
        c = text[i]
        if c in "\"'":
            j = past_literal(text, i)
            cur.append(text[i:j])
            i = j
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append("".join(cur).strip())
                return args, i + 1
            depth -= 1
        elif c == "," and depth == 0:
            args.append("".join(cur).strip())
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    raise ValueError("unbalanced call at %d" % start)


LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')


def unescape(body):
    raw = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            raw += c.encode("utf-8")
            i += 1
            continue
        e = body[i + 1]
        if e == "x":
            m = re.match(r"[0-9a-fA-F]{1,2}", body[i + 2:])
            raw.append(int(m.group(0), 16))
            i += 2 + len(m.group(0))
            continue
        raw += {"n": b"\n", "t": b"\t", "r": b"\r", "0": b"\0"}.get(e, e.encode())
        i += 2
    return raw.decode("utf-8")


def literal_value(expr, macros):
    """The value of a (concatenated) string literal expression, or None."""
    parts, rest = [], expr.strip()
    while rest:
        m = LITERAL.match(rest)
        if m:
            parts.append(unescape(m.group(1)))
            rest = rest[m.end():].lstrip()
            continue
        m = re.match(r"[A-Z_][A-Z0-9_]*", rest)
        if m and m.group(0) in macros:
            parts.append(macros[m.group(0)])
            rest = rest[m.end():].lstrip()
            continue
        return None
    return "".join(parts) if parts else None


def literals_in(expr, macros):
    """String literals anywhere in an expression (ternary branches, ...)."""
    return [unescape(m.group(1)) for m in LITERAL.finditer(expr)]


def function_bodies(text):
    """(start, end) of each top-level brace block."""
    spans, depth, start, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        if c in "\"'":
            i = past_literal(text, i)
            continue
        if c == "{":
            if depth == 0:
                start = i
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
        i += 1
    return spans


def function_name(text, body_start):
    head = text[max(0, body_start - 400):body_start]
    m = re.search(r"\b([a-z_][a-z0-9_]*)\s*\([^;{}]*\)\s*$", head)
    return m.group(1) if m else None


def split_ternary(expr):
    """(condition, then, else) of a top-level `c ? a : b`, or None."""
    depth, marks, i = 0, [], 0
    while i < len(expr):
        c = expr[i]
        if c in "\"'":
            i = past_literal(expr, i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif depth == 0 and c == "?" and not marks:
            marks.append(i)
        elif depth == 0 and c == ":" and len(marks) == 1:
            marks.append(i)
        i += 1
    if len(marks) != 2:
        return None
    return expr[:marks[0]], expr[marks[0] + 1:marks[1]], expr[marks[1] + 1:]


class Message:
    """One message of the code: its format split into literal parts and holes."""

    def __init__(self, fmt, where, alternatives, commands):
        self.fmt = fmt[:-1] if fmt.endswith("\n") else fmt
        self.where = [where]
        self.alternatives = set(alternatives)
        self.commands = commands  # a hole may also hold a command's name ("charterdash %s: ")
        self.parts = []  # literal texts, with a hole between each two
        last = 0
        for m in CONVERSION.finditer(self.fmt):
            if m.group(1) == "%":
                continue
            self.parts.append(self.fmt[last:m.start()].replace("%%", "%"))
            last = m.end()
        self.parts.append(self.fmt[last:].replace("%%", "%"))
        self.literal = "".join(self.parts)

    def meaningful(self):
        """Has words of its own, or its holes take worded literals: else it only passes text on."""
        return bool(re.search(r"[A-Za-z]", self.literal)) or any(
            re.search(r"[A-Za-z]", a) for a in self.alternatives)

    def template(self):
        """As the docs would write it, with … for each hole."""
        return "…".join(self.parts)


def sources(top):
    """The .c and .h files under top (the layer folders included), sorted."""
    return sorted(os.path.join(d, f) for d, _, names in os.walk(top)
                  for f in names if f.endswith((".c", ".h")))


def code_messages(root):
    """{format text: Message}, and a list of problems (formats that are not literals)."""
    src = os.path.join(root, "src")
    macros = {}
    inc = os.path.join(root, "include", "charterdash")
    files = sources(src)
    for path in files + sources(inc):
        for m in re.finditer(r'^#define\s+([A-Z_][A-Z0-9_]*)\s+("(?:[^"\\]|\\.)*")\s*$',
                             open(path, encoding="utf-8").read(), re.M):
            macros[m.group(1)] = unescape(m.group(2)[1:-1])
    messages, problems = {}, []
    cli = open(os.path.join(src, "cli", "cli.c"), encoding="utf-8").read()
    commands = re.findall(r'\{\s*"([a-z-]+)",\s*cmd_', cli)

    def add(fmt, where, alternatives=()):
        m = messages.get(fmt)
        if m:
            m.where.append(where)
            m.alternatives |= set(alternatives)
        else:
            messages[fmt] = Message(fmt, where, alternatives, commands)

    call = re.compile(r"\b(%s)\s*\(" % "|".join(map(re.escape, SINKS)))
    for path in files:
        if not path.endswith(".c"):
            continue
        text = strip_comments(open(path, encoding="utf-8").read())
        bodies = function_bodies(text)
        rel = os.path.relpath(path, root)
        for m in call.finditer(text):
            name = m.group(1)
            line = text.count("\n", 0, m.start()) + 1
            where = "%s:%d" % (rel, line)
            body = next(((s, e) for s, e in bodies if s <= m.start() < e), None)
            if body is None:
                continue  # a prototype or the definition's head
            args, _ = split_args(text, m.end() - 1)
            index, condition = SINKS[name]
            if len(args) <= index or (condition and not condition(path, args)):
                continue
            if re.search(r"\b(const\s+char|char)\s*\*", args[index]):
                continue  # a declaration
            alternatives = []
            scope = text[body[0]:body[1]]
            for a in args[index + 1:]:
                alternatives += literals_in(a, macros)
                if re.fullmatch(r"[a-z_][a-z0-9_]*", a):  # a variable: literals assigned to it here
                    assign = r"(?m)^[ \t]*(?:[A-Za-z_][\w \t]*[\s*])?%s\s*=(?!=)([^;]*);" % re.escape(a)
                    for m2 in re.finditer(assign, scope):
                        alternatives += literals_in(m2.group(1), macros)
            fmt_expr = args[index]
            value = literal_value(fmt_expr, macros)
            if value is None:
                branches = split_ternary(fmt_expr)
                values = [literal_value(b, macros) for b in branches[1:]] if branches else [None]
                if None in values:
                    problems.append("%s: %s(): the format is not a string literal: %s" % (where, name, fmt_expr))
                for v in values:
                    if v is not None:
                        add(v, where, alternatives)
                continue
            if value == "%s" and any(re.search(r"[A-Za-z]", a) for a in alternatives):
                for a in alternatives:  # fail(p, "%s", "out of memory"): the literals are the messages
                    if a.strip():
                        add(a, where)
                continue
            add(value, where, alternatives)
        for m in OTHER_STDERR.finditer(text):
            if not any(s <= m.start() < e for s, e in bodies):
                continue
            args, _ = split_args(text, m.end() - 1)
            if "stderr" in args or (m.group(1) in ("perror", "warn", "warnx", "err", "errx", "psignal")) or (
                    m.group(1) == "dprintf" and args[0] == "2"):
                if (m.group(1), args[1] if len(args) > 1 else "") not in KNOWN_STDERR:
                    line = text.count("\n", 0, m.start()) + 1
                    problems.append("%s:%d: %s() prints to standard error outside the calls this check reads; "
                                    "use fprintf(stderr, \"...\") with a literal format" % (rel, line, m.group(1)))
        # reasons returned by functions
        for s, e in bodies:
            if function_name(text, s) in REASON_FUNCTIONS:
                for r in re.finditer(r"\breturn\s+(\"(?:[^\"\\]|\\.)*\")\s*;", text[s:e]):
                    line = text.count("\n", 0, s + r.start()) + 1
                    add(unescape(r.group(1)[1:-1]), "%s:%d" % (rel, line))
    return messages, problems


# --- reading the catalogue --------------------------------------------------------

class Entry:
    def __init__(self, title, line, section):
        self.title, self.line, self.section = title, line, section
        self.templates = []   # (text, line)
        self.files = {}       # name -> content
        self.examples = []    # (kind "console"/"text", [lines], line)
        self.shown = []       # dashboard bullets: (template, shown text, line)


FENCE = re.compile(r"^```(\S*)\s*(\S*)\s*$")


def read_catalogue(path):
    """Entries (### headings) with their templates, files and examples; the base files."""
    lines = open(path, encoding="utf-8").read().split("\n")
    entries, base_files = [], {}
    entry, section, i = None, "", 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("## "):
            section, entry = line[3:].strip(), None
        elif line.startswith("### "):
            entry = Entry(line[4:].strip(), i + 1, section)
            entries.append(entry)
        fence = FENCE.match(line)
        if fence and fence.group(1):
            start = i + 1
            j = start
            while not lines[j].startswith("```"):
                j += 1
            block = lines[start:j]
            lang, name = fence.groups()
            if name:
                (entry.files if entry else base_files)[name] = "\n".join(block) + "\n"
            elif lang == "message" and entry:
                entry.templates.append(("\n".join(block), start))
            elif lang in ("console", "text") and entry:
                entry.examples.append((lang, block, start))
            i = j + 1
            continue
        if entry and line.startswith("- `"):
            # - `TEMPLATE` — what to do: shows `WHAT IT SHOWS` (the dashboard's), or
            # - `TEMPLATE` (a variant the entry's examples print)
            template = re.match(r"- `([^`]+)`", line).group(1)
            entry.templates.append((template, i + 1))
            if ": shows `" in line:
                entry.shown.append((template, re.search(r": shows `([^`]+)`", line).group(1), i + 1))
        i += 1
    return entries, base_files


def template_regex(template):
    """A regex matching what a template stands for: CAPITALS match any text on one line."""
    out, last = [], 0
    for m in re.finditer(PLACEHOLDER, template):
        out.append(re.escape(template[last:m.start()]))
        out.append(r"[^\n]*?")
        last = m.end()
    out.append(re.escape(template[last:]))
    return "".join(out)


# --- reduction --------------------------------------------------------------------

def message_regex(msg):
    fill = [PLACEHOLDER, re.escape(MARK)]
    fill += [re.escape(a) for a in sorted(msg.alternatives | set(msg.commands), key=len, reverse=True) if a]
    hole = "(%s%s)" % ("|".join(fill), "|" if "" in msg.alternatives else "")
    return re.compile(hole.join(re.escape(p) for p in msg.parts))


def reduce_template(template, messages, compiled):
    """The messages (and the literals filling their holes) of one derivation of template, or None."""
    failed = set()

    def walk(t):
        t = re.sub(MARK + "+", MARK, t)
        if t == MARK:
            return []
        if t in failed:
            return None
        for msg in messages:
            rx = compiled[msg.fmt]
            for m in rx.finditer(t):
                if m.group(0) in ("", MARK) or re.fullmatch(PLACEHOLDER, m.group(0)):
                    continue
                rest = walk(t[:m.start()] + MARK + t[m.end():])
                if rest is not None:
                    return [(msg, m.groups())] + rest
        failed.add(t)
        return None

    return walk(template)


def check(root):
    messages, problems = code_messages(root)
    meaningful = sorted((m for m in messages.values() if m.meaningful()), key=lambda m: -len(m.literal))
    compiled = {m.fmt: message_regex(m) for m in meaningful}
    entries, _ = read_catalogue(os.path.join(root, "docs", "errors.md"))
    used, used_literals, errors = set(), set(), list(problems)
    seen_templates = {}
    for entry in entries:
        for template, line in entry.templates:
            if template in seen_templates:
                errors.append("docs/errors.md:%d: the template is also at line %d: %s"
                              % (line, seen_templates[template], template))
            seen_templates[template] = line
            derivation = reduce_template(template, meaningful, compiled)
            if derivation is None:
                errors.append("docs/errors.md:%d: the code cannot print this documented message "
                              "(changed or removed?):\n    %s" % (line, template.replace("\n", "\n    ")))
                continue
            for msg, fills in derivation:
                used.add(msg.fmt)
                used_literals.update(fills)
    # The same words can come from more than one place (the loader's "cannot open: %s" and
    # log's own): a message is documented when some template also reduces by starting with it.
    templates = list(seen_templates)
    for msg in meaningful:
        if msg.fmt in used:
            continue
        for template in templates:
            for m in compiled[msg.fmt].finditer(template):
                if m.group(0) in ("", MARK) or re.fullmatch(PLACEHOLDER, m.group(0)):
                    continue
                rest = reduce_template(template[:m.start()] + MARK + template[m.end():], meaningful, compiled)
                if rest is not None:
                    used.add(msg.fmt)
                    used_literals.update(m.groups())
                    break
            if msg.fmt in used:
                break
    for msg in meaningful:
        if msg.fmt not in used:
            errors.append("%s: this message is not in docs/errors.md:\n    %s"
                          % (", ".join(msg.where), msg.template().replace("\n", "\n    ")))
            continue
        for a in sorted(msg.alternatives):
            # worded literals a hole can hold are messages too ("is the disk full?")
            if len(a.split()) >= 3 and a not in used_literals and a not in messages:
                errors.append("%s: docs/errors.md never shows this text in\n    %s\n  :\n    %s"
                              % (", ".join(msg.where), msg.template(), a))
    for e in errors:
        print("errors catalogue: " + e, file=sys.stderr)
    print("errors catalogue: %d messages in the code (%d with words), %d documented templates; %s"
          % (len(messages), len(meaningful), len(seen_templates),
             "%d problem(s)" % len(errors) if errors else "they agree"))
    return 1 if errors else 0


def list_messages(root):
    messages, problems = code_messages(root)
    for m in sorted(messages.values(), key=lambda m: m.where[0]):
        flag = "" if m.meaningful() else "   (passes text on)"
        alts = " | " + " / ".join(repr(a) for a in sorted(m.alternatives)) if m.alternatives else ""
        print("%-22s %s%s%s" % (m.where[0], m.template().replace("\n", "\\n"), alts, flag))
    for p in problems:
        print("PROBLEM: " + p)
    return 1 if problems else 0


# --- examples -------------------------------------------------------------------

def run_examples(root, binary, update=False):
    doc = os.path.join(root, "docs", "errors.md")
    entries, base_files = read_catalogue(doc)
    bindir = tempfile.mkdtemp(prefix="charterdash-errors-bin.")
    # A copy, not a link: the checkout may sit where nobody cannot enter (/root is 0700).
    shutil.copy(os.path.abspath(binary), os.path.join(bindir, "charterdash"))
    os.chmod(os.path.join(bindir, "charterdash"), 0o755)
    # Root could write read-only files: the examples run as nobody, like a user would.
    as_nobody = os.geteuid() == 0 and shutil.which("setpriv") is not None
    if as_nobody:
        os.chmod(bindir, 0o711)
    failures, replaced, ran = [], {}, 0
    for entry in entries:
        scratch = tempfile.mkdtemp(prefix="charterdash-errors.")
        try:
            outputs = []
            for name, content in list(base_files.items()) + list(entry.files.items()):
                with open(os.path.join(scratch, name), "w", encoding="utf-8") as f:
                    f.write(content)
            if as_nobody:
                os.chmod(scratch, 0o755)
                for dirpath, dirs, files in os.walk(scratch):
                    for n in dirs + files:
                        os.chown(os.path.join(dirpath, n), 65534, 65534)
                os.chown(scratch, 65534, 65534)
            for kind, block, start in entry.examples:
                if kind != "console":
                    outputs.append("\n".join(l for l in block if not l.startswith("$ ")))
                    continue
                commands = parse_console(block)
                for k, (command, expected, status, offset) in enumerate(commands):
                    line = start + 1 + offset
                    env = {"PATH": bindir + ":/usr/bin:/bin", "LC_ALL": "C", "TERM": "xterm",
                           "HOME": scratch, "LOGNAME": "amina", "USER": "amina", "TZ": "UTC"}
                    argv = ["sh", "-c", command]
                    if as_nobody:
                        argv = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] + argv
                    p = subprocess.run(argv, cwd=scratch, env=env, stdin=subprocess.DEVNULL,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
                    ran += 1
                    got = p.stdout.decode("utf-8", "replace").rstrip("\n").split("\n")
                    got = [] if got == [""] else got
                    outputs.append("\n".join(got))
                    if update:
                        replaced[(start, k)] = (got, p.returncode)
                        continue
                    if got != expected:
                        failures.append("docs/errors.md:%d: `%s` printed\n%s\n  but the catalogue says\n%s"
                                        % (line, command, indent(got), indent(expected)))
                    if p.returncode != status:
                        failures.append("docs/errors.md:%d: `%s` exited with %d, the catalogue says %d"
                                        % (line, command, p.returncode, status))
            text = "\n".join(outputs)
            shown = {t for t, _, _ in entry.shown}
            for template, line in entry.templates:
                if template not in shown and not re.search(template_regex(template), text):
                    failures.append("docs/errors.md:%d: the example of this entry does not print the message:\n    %s"
                                    % (line, template.replace("\n", "\n    ")))
            for template, example, line in entry.shown:
                if not re.fullmatch(template_regex(template), example):
                    failures.append("docs/errors.md:%d: the example shown does not fit the message `%s`"
                                    % (line, template))
            if entry.templates and not entry.examples and not entry.shown:
                failures.append("docs/errors.md:%d: entry '%s' has no example" % (entry.line, entry.title))
        finally:
            subprocess.run(["chmod", "-R", "u+rwx", scratch])
            shutil.rmtree(scratch, ignore_errors=True)
    shutil.rmtree(bindir, ignore_errors=True)
    if update:
        rewrite(doc, replaced)
        print("errors catalogue: %d example outputs rewritten; review `git diff docs/errors.md`" % len(replaced))
        return 0
    for f in failures:
        print("errors catalogue: " + f, file=sys.stderr)
    print("errors catalogue: %d example commands run%s" % (ran, ", %d failure(s)" % len(failures) if failures else ", all as documented"))
    return 1 if failures else 0


EXIT_LINE = re.compile(r"^\(exit status (\d+)\)$")


def parse_console(block):
    """[(command, expected output lines, exit status, offset)] of a console block."""
    commands = []
    for n, line in enumerate(block):
        if line.startswith("$ "):
            commands.append([line[2:], [], 0, n])
        elif commands and EXIT_LINE.match(line):
            commands[-1][2] = int(EXIT_LINE.match(line).group(1))
        elif commands:
            commands[-1][1].append(line)
    return [tuple(c) for c in commands]


def rewrite(doc, replaced):
    lines = open(doc, encoding="utf-8").read().split("\n")
    out, i = [], 0
    starts = {s for s, _ in replaced}
    while i < len(lines):
        if i + 1 in starts and lines[i].startswith("```console"):
            out.append(lines[i])
            j = i + 1
            k = 0
            while not lines[j].startswith("```"):
                if lines[j].startswith("$ "):
                    got, status = replaced[(i + 1, k)]
                    out.append(lines[j])
                    out.extend(got)
                    if status:
                        out.append("(exit status %d)" % status)
                    k += 1
                j += 1
            i = j
            continue
        out.append(lines[i])
        i += 1
    open(doc, "w", encoding="utf-8").write("\n".join(out))


def indent(lines):
    return "\n".join("    | " + l for l in lines) if lines else "    (nothing)"


def match(root, path):
    """Every line of the file at path is a line of some documented message."""
    entries, _ = read_catalogue(os.path.join(root, "docs", "errors.md"))
    lines = {l for e in entries for t, _ in e.templates for l in t.split("\n")}
    regexes = [re.compile(template_regex(l)) for l in lines]
    text = open(path, encoding="utf-8", errors="replace").read()
    bad = 0
    for line in text.splitlines():
        if not any(r.fullmatch(line) for r in regexes):
            print("errors catalogue: not a documented message: %s" % line, file=sys.stderr)
            bad += 1
    return 1 if bad else 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "list":
        return list_messages(argv[2])
    if len(argv) >= 3 and argv[1] == "check":
        return check(argv[2])
    if len(argv) >= 4 and argv[1] == "examples":
        return run_examples(argv[2], argv[3], update="--update" in argv[4:])
    if len(argv) >= 4 and argv[1] == "match":
        return match(argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
