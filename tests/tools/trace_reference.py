#!/usr/bin/env python3
"""An independent re-computation of nnstep's numbers from its trace.

For every batch line of a trace of the built-in XOR data, recompute the
forward pass, the batch-mean loss and the gradients from W and b with plain
Python (no code shared with nnstep), then check loss, dW, db and, for plain
SGD, W_after = W - lr * dW. Usage: trace_reference.py TRACE HIDDEN_ACT LOSS LR L2
"""
import json, math, sys

X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
Y = [0.0, 1.0, 1.0, 0.0]

def act(name, z):
    if name == "tanh": return math.tanh(z)
    if name == "sigmoid": return 1 / (1 + math.exp(-z))
    if name == "relu": return z if z > 0 else 0.0
    if name == "leaky_relu": return z if z > 0 else 0.01 * z
    if name == "elu": return z if z > 0 else math.expm1(z)
    return z

def dact(name, z):
    if name == "tanh": return 1 - math.tanh(z) ** 2
    if name == "sigmoid":
        s = 1 / (1 + math.exp(-z)); return s * (1 - s)
    if name == "relu": return 1.0 if z > 0 else 0.0
    if name == "leaky_relu": return 1.0 if z > 0 else 0.01
    if name == "elu": return 1.0 if z > 0 else math.exp(z)
    return 1.0

def close(a, b, tol=1e-9):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))

def main():
    path, hidden, loss, lr, l2 = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
    out_act = "sigmoid" if loss == "bce" else "linear"
    checked = 0
    for line in open(path):
        ev = json.loads(line)
        if ev["event"] != "batch":
            continue
        layers = ev["layers"]
        n = len(ev["samples"])
        acts = [hidden] * (len(layers) - 1) + [out_act]
        total = 0.0
        gW = [[[0.0] * len(L["W"][0]) for _ in L["W"]] for L in layers]
        gb = [[0.0] * len(L["b"]) for L in layers]
        for i in ev["samples"]:
            a, zs, as_ = X[i], [], [X[i]]
            for L, f in zip(layers, acts):
                z = [sum(w * x for w, x in zip(row, a)) + b for row, b in zip(L["W"], L["b"])]
                a = [act(f, v) for v in z]
                zs.append(z); as_.append(a)
            p, y = a[0], Y[i]
            if loss == "bce":
                total += -(y * math.log(p) + (1 - y) * math.log(1 - p))
                dz = [(p - y) / n]
            else:
                total += (p - y) ** 2
                dz = [2 * (p - y) / n * dact(out_act, zs[-1][0])]
            for l in range(len(layers) - 1, -1, -1):
                inp = as_[l]
                for j, d in enumerate(dz):
                    gb[l][j] += d
                    for k, x in enumerate(inp):
                        gW[l][j][k] += d * x
                if l > 0:
                    da = [sum(dz[j] * layers[l]["W"][j][k] for j in range(len(dz))) for k in range(len(inp))]
                    dz = [da[k] * dact(acts[l - 1], zs[l - 1][k]) for k in range(len(inp))]
        if not close(total / n, ev["loss"]):
            sys.exit("batch %d: loss %r, reference %r" % (checked, ev["loss"], total / n))
        for l, L in enumerate(layers):
            for j, row in enumerate(L["W"]):
                for k, w in enumerate(row):
                    want = gW[l][j][k] + l2 * w
                    if not close(want, L["dW"][j][k], 1e-8):
                        sys.exit("batch %d layer %d dW[%d][%d] %r, reference %r" % (checked, l + 1, j, k, L["dW"][j][k], want))
                    if lr > 0 and not close(L["W_after"][j][k], w - lr * L["dW"][j][k], 1e-12):
                        sys.exit("batch %d layer %d W_after[%d][%d] is not W - lr*dW" % (checked, l + 1, j, k))
                if not close(gb[l][j], L["db"][j], 1e-8):
                    sys.exit("batch %d layer %d db[%d] %r, reference %r" % (checked, l + 1, j, L["db"][j], gb[l][j]))
        checked += 1
    if checked == 0:
        sys.exit("no batch lines in the trace")
    print("%d batches agree with the reference" % checked)

main()
