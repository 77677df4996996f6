#!/usr/bin/env python3
"""english_words.py POT SCREENS: prints every English interface word (a word
of three or more letters of a msgid of the catalogue) found in SCREENS, the
text of Korean screens, and exits 1 when there is one. Symbols and names are
not interface words: activations, optimizers, losses, generators, metrics
named by their letters, file and option names (words joined by - _ = . /)."""
import re
import sys

NAMES = set("""
relu leaky sigmoid tanh elu linear softmax sgd adam momentum rmsprop mse mae
bce cce huber hinge xavier uniform zeros constant xor moons circles spiral blobs
churn nan inf rms auc nnstep keras pytorch torch hjkl max log exp csv json
yes no alpha""".split())


def msgids(path):
    ids, cur, inid = [], None, False
    for line in open(path, encoding="utf-8"):
        if line.startswith("msgid ") or line.startswith("msgid_plural "):
            cur = line.split(" ", 1)[1].strip()[1:-1]
            ids.append(cur)
            inid = True
        elif line.startswith('"') and inid:
            ids[-1] += line.strip()[1:-1]
        else:
            inid = False
    return ids


WRAPPED_GLOSS = re.compile(
    r"([\uac00-\ud7a3]\((?:[\uac00-\ud7a3]+, )?)([A-Za-z][A-Za-z ,-]*)"
    r"([^\S\n]*[\u2502|][^\n]*\n[^\n]*?[\u2502|][^\S\n]?)([A-Za-z][A-Za-z ,-]*)(\))")


def words_of(text):
    # Names written with joiners (02-activations, act=relu, best.json) are
    # names, not words of the interface.
    text = re.sub(r"\S*[A-Za-z][-_=./][A-Za-z0-9]\S*|\S*[0-9]-[A-Za-z]\S*", " ", text)
    # Commands quoted in a lesson (`nnstep check`) are names.
    text = re.sub(r"`[^`]*`", " ", text)
    # A lesson gives the English term in parentheses after the Korean one,
    # and a name cut at a panel's edge ends in an ellipsis.
    text = re.sub(r"[\uac00-\ud7a3]\(([\uac00-\ud7a3]+, )?[A-Za-z][A-Za-z ,-]*\)|[A-Za-z]+\u2026", " ", text)
    return re.findall(r"[A-Za-z]{3,}", text)


def main():
    catalogue = set()
    for m in msgids(sys.argv[1]):
        m = re.sub(r"%[-+ #0-9.*$]*[a-zA-Z]", " ", m.replace("\\n", " "))
        catalogue.update(w.lower() for w in words_of(m))
    catalogue -= NAMES
    found = {}
    # A gloss that the lesson panel wraps at its edge, 학습률(learning | rate).
    screens = re.sub(WRAPPED_GLOSS, lambda m: m.group(1) + " " * len(m.group(2))
                     + m.group(3) + " " * len(m.group(4)) + m.group(5),
                     open(sys.argv[2], encoding="utf-8").read())
    for n, line in enumerate(screens.splitlines(), 1):
        for w in words_of(line):
            if w.lower() in catalogue:
                found.setdefault(w, (n, line.rstrip()))
    for w, (n, line) in sorted(found.items()):
        print("%s (line %d): %s" % (w, n, line))
    sys.exit(1 if found else 0)


main()
