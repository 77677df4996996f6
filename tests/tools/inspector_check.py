#!/usr/bin/env python3
"""Checks the arithmetic the inspector panel prints, to the digits printed.

Reads a captured screen (tmux capture-pane -p) on stdin, takes the text of
the "Inspector" box and checks:
  a = f(z) ... = f(Z) = A        A is f of Z for the activation named
  dL/dz = dL/da x f'(z) = D x F = P   P is D times F, and F is f'(z) of the
                                      activation named at the a = line
  sgd, lr R ... w1 W->W' (dD)     D is -R times the printed dL/dw1
Every printed number stands for an interval (its last digit, half up and
down); a check passes when the true result can lie in the printed interval.
Prints one line per check; exits 1 if any fails or if no f(z) line was seen.
"""
import math
import re
import sys

NUM = r"-?\d+(?:\.\d+)?(?:e[+-]?\d+)?"


def interval(text):
    """The interval of values that print as text."""
    m = re.fullmatch(r"(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?", text)
    if not m:
        raise ValueError(text)
    digits = len(m.group(3) or "")
    exp = int(m.group(4) or 0)
    half = 0.5 * 10.0 ** (exp - digits)
    v = float(text)
    return v - half, v + half


def alpha_of(name):
    return 1.0 if name == "elu" else 0.01


def f(name, z):
    if name == "sigmoid":
        return 1.0 / (1.0 + math.exp(-z))
    if name == "tanh":
        return math.tanh(z)
    if name == "relu":
        return max(0.0, z)
    if name == "leaky_relu":
        return z if z > 0 else alpha_of(name) * z
    if name == "elu":
        return z if z > 0 else math.expm1(z)
    if name == "linear":
        return z
    raise ValueError(name)


def fprime_from_a(name, a):
    """f'(z) from the activation's output (all are monotone in a)."""
    if name == "sigmoid":
        return a * (1.0 - a)
    if name == "tanh":
        return 1.0 - a * a
    if name in ("relu",):
        return 1.0 if a > 0 else 0.0
    if name == "leaky_relu":
        return 1.0 if a > 0 else alpha_of(name)
    if name == "elu":
        return 1.0 if a > 0 else a + 1.0
    if name == "linear":
        return 1.0
    raise ValueError(name)


def image(fn, lo, hi, samples=64):
    """The range of fn over [lo, hi] (fine sampling; fn is smooth here)."""
    vals = [fn(lo + (hi - lo) * k / samples) for k in range(samples + 1)]
    return min(vals), max(vals)


def overlap(a, b, slack=1e-12):
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def product(x, y):
    c = [x[0] * y[0], x[0] * y[1], x[1] * y[0], x[1] * y[1]]
    return min(c), max(c)


def inspector_text(lines):
    out = []
    for i, line in enumerate(lines):
        at = line.find("┌ Inspector")
        if at < 0:
            at = line.find("+ Inspector")
        if at < 0:
            continue
        end = line.find("┐", at)
        if end < 0:
            end = line.find("+", at + 2)
        for row in lines[i + 1:]:
            if row[at:at + 1] in ("└", "+"):
                break
            out.append(row[at + 1:end])
        break
    return out


def main():
    lines = sys.stdin.read().splitlines()
    text = inspector_text(lines)
    fails = 0
    seen_f = 0
    act = None
    lr = None
    sgd = False
    grads = {}
    neuron = 1
    for row in text:
        m = re.search(r"Neuron (\d+) of", row)
        if m:
            neuron = int(m.group(1))
        # A softmax output: every logit, then its own probability.
        m = re.search(r"with z of all \d+ outputs = \(([^)]*)\) = (" + NUM + r")", row)
        if m:
            zs = [float(v) for v in m.group(1).split(",")]
            top = max(zs)
            want = math.exp(zs[neuron - 1] - top) / sum(math.exp(v - top) for v in zs)
            lo, hi = interval(m.group(2))
            # the logits are rounded to 4 digits: allow for that
            ok = lo - 1e-3 <= want <= hi + 1e-3
            seen_f += 1
            print("%s: softmax_%d(%s) = %s" % ("ok" if ok else "WRONG", neuron, m.group(1),
                                                m.group(2)))
            fails += not ok
        m = re.search(r"a = (\w+)\(z\).* = \1\((" + NUM + r")\) = (" + NUM + r")", row)
        if m:
            act = m.group(1)
            z, a = interval(m.group(2)), interval(m.group(3))
            got = image(lambda v: f(act, v), *z)
            ok = overlap(got, a)
            seen_f += 1
            print("%s: %s(%s) = %s" % ("ok" if ok else "WRONG", act, m.group(2), m.group(3)))
            fails += not ok
            a_val = a
        m = re.search(r"dL/dz = dL/da [×x*] f'\(z\) = (" + NUM + r") [×x*] (" + NUM +
                      r") = (" + NUM + r")", row)
        if m:
            d, fp, p = (interval(m.group(k)) for k in (1, 2, 3))
            ok = overlap(product(d, fp), p)
            print("%s: %s x %s = %s" % ("ok" if ok else "WRONG", m.group(1), m.group(2),
                                         m.group(3)))
            fails += not ok
            if act is not None:
                want = image(lambda v: fprime_from_a(act, v), *a_val)
                ok = overlap(want, fp)
                print("%s: %s'(z) = %s for a = %s" % ("ok" if ok else "WRONG", act,
                                                       m.group(2), a_val))
                fails += not ok
        # This sample's share of a weight's gradient: dL/dz x input.
        for k, d, xv, p in re.findall(r"dL/dw(\d+) = (" + NUM + r") [×x*] \(?(" + NUM +
                                      r")\)? = (" + NUM + r")", row):
            ok = overlap(product(interval(d), interval(xv)), interval(p))
            print("%s: share of w%s: %s x %s = %s" % ("ok" if ok else "WRONG", k, d, xv, p))
            fails += not ok
        # The output's dL/dz of a fused loss: [w_c x] (a - y)/n.
        m = re.search(r"dL/dz = (?:w_c )?\(a - y\)/n = (?:(" + NUM + r") [×x*] )?\((" + NUM +
                      r") - (" + NUM + r")\)/(\d+) = (" + NUM + r")", row)
        if m:
            wc = interval(m.group(1)) if m.group(1) else (1.0, 1.0)
            a, y, n = interval(m.group(2)), interval(m.group(3)), int(m.group(4))
            diff = (a[0] - y[1], a[1] - y[0])
            want = product(wc, (diff[0] / n, diff[1] / n))
            ok = overlap(want, interval(m.group(5)))
            print("%s: (a - y)/n = %s" % ("ok" if ok else "WRONG", m.group(0)))
            fails += not ok
        for k, g in re.findall(r"dL/dw(\d+)=(" + NUM + r")", row):
            grads[int(k)] = g
        m = re.search(r"Update +(\w+), lr (" + NUM + r"):", row)
        if m:
            sgd = m.group(1) == "sgd"
            lr = m.group(2)
        if sgd and lr is not None:
            for k, delta in re.findall(r"w(\d+) " + NUM + r"(?:→|->)" + NUM + r" \(Δ(" + NUM +
                                       r")\)", row):
                if int(k) not in grads:
                    continue
                want = product(interval(lr), interval(grads[int(k)]))
                want = (-want[1], -want[0])
                ok = overlap(want, interval(delta))
                print("%s: sgd step of w%s: -%s x %s = %s" % ("ok" if ok else "WRONG", k, lr,
                                                            grads[int(k)], delta))
                fails += not ok
    if seen_f == 0:
        print("WRONG: no a = f(z) line in the inspector")
        fails += 1
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
