#!/usr/bin/env python3
"""glossary_first.py [--fix] LESSON...: in each Korean lesson, the first use
of every term of po/GLOSSARY.ko.md ("Terms fixed by the course") in the text
a learner reads (narration, questions, choices, explanations; not the title
or comments) is followed by the English term in parentheses, e.g.
가중치(weight). Prints each first use without it and exits 1 when there is
one; --fix inserts the English term there."""
import re
import sys

GLOSSARY = "po/GLOSSARY.ko.md"
# The gloss a lesson writes where the table's Korean holds one already.
GLOSS = {"편향": "바이어스, bias", "확률적 경사 하강법": "SGD"}
PROSE = re.compile(r"^(> ?|ask |- |explain )")


def terms():
    out, on = [], False
    for line in open(GLOSSARY, encoding="utf-8"):
        if line.startswith("## "):
            on = line.startswith("## Terms fixed by the course")
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not on or len(cells) < 2 or cells[0] in ("English", "") or cells[0].startswith("-"):
            continue
        ko = re.sub(r"\(.*\)", "", cells[1]).strip()
        en = re.sub(r"\s*\(.*\)", "", cells[0]).split(",")[0].strip()
        out.append((ko, GLOSS.get(ko, en)))
    # Longer terms first: 확률적 경사 하강법 holds 경사 하강법.
    return sorted(out, key=lambda t: -len(t[0]))


def prose(lines):
    """The learner's text joined by spaces, and for each of its characters
    the (line, column) it comes from; {values} and `code` blanked."""
    text, where = [], []
    for n, line in enumerate(lines):
        m = PROSE.match(line)
        if not m:
            continue
        body = line.rstrip("\n")
        for c in range(m.end(), len(body)):
            text.append(body[c])
            where.append((n, c))
        text.append(" ")
        where.append((n, len(body)))
    s = "".join(text)
    s = re.sub(r"\{[^}]*\}|`[^`]*`", lambda m: "\0" * len(m.group()), s)
    return s, where


def first_uses(s, ts):
    """(term, english, end) of each term's first use; end is just past the
    term (inside an emphasis, *가중치(weight)*)."""
    out = []
    for ko, en in ts:
        pat = r"\s+".join(re.escape(w) for w in ko.split())
        m = re.search(pat, s)
        if m:
            end = m.end()
            out.append((ko, en, end))
    return out


def main():
    fix = sys.argv[1:2] == ["--fix"]
    files = sys.argv[2:] if fix else sys.argv[1:]
    ts = terms()
    bad = 0
    for f in files:
        lines = open(f, encoding="utf-8").readlines()
        s, where = prose(lines)
        inserts = []
        for ko, en, end in first_uses(s, ts):
            if s[end:end + 1] == "(":
                continue
            n, c = where[end] if end < len(where) else where[-1]
            if fix:
                inserts.append((n, c, "(%s)" % en))
            else:
                print("%s:%d: first use of %s lacks (%s)" % (f, n + 1, ko, en))
                bad += 1
        if fix and inserts:
            # A use at a line's end goes before its line break.
            for n, c, g in sorted(set(inserts), reverse=True):
                body = lines[n].rstrip("\n")
                lines[n] = body[:c] + g + body[c:] + "\n"
            open(f, "w", encoding="utf-8").writelines(lines)
    sys.exit(1 if bad else 0)


main()
