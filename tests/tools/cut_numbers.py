#!/usr/bin/env python3
"""Finds numbers cut at a panel's edge in captured screens (stdin).

A number that touches a frame character with a trailing point ("val 0.|")
or an exponent without its digits ("1.3e-|", "2.72e+3|" for e+305) reads as
another number. Prints each one with its screen heading; exits 1 if any.
"""
import re
import sys

FRAME = "│┐┘┤├┌└|"
CUT = re.compile(r"(?<![A-Za-z\d.])(-?\d+\.(?!\d)|-?\d+(?:\.\d+)?[eE][+-]?\d?)(?=[" +
                 re.escape(FRAME) + "])")


def main():
    heading = "?"
    bad = 0
    for line in sys.stdin.read().splitlines():
        if not line.startswith(("│", "|", "┌", "└", "+", " ")) and ": stop " in line:
            heading = line
        for m in CUT.finditer(line):
            print("%s: cut number %r in: %s" % (heading, m.group(1), line.strip()))
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
