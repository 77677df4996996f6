#!/usr/bin/env python3
"""Recomputes a report's metrics from a --predictions file with scikit-learn.

Usage: check_predictions.py PREDICTIONS.csv REPORT.json
Exits 1 (and says which) when a figure differs from the report's.
"""
import csv
import json
import math
import sys

from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, mean_absolute_error,
                             mean_squared_error, precision_score, r2_score, recall_score,
                             roc_auc_score)


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


def main():
    rows = list(csv.DictReader(open(sys.argv[1], newline="")))
    report = json.load(open(sys.argv[2]))
    head = list(rows[0].keys())
    bad = 0
    for split in ("train", "val", "test"):
        got = [r for r in rows if r["split"] == split]
        want = report[split]
        if want is None:
            if got:
                print(f"{split}: {len(got)} rows but the report has none")
                bad += 1
            continue
        if len(got) != want["n"]:
            print(f"{split}: {len(got)} rows, report {want['n']}")
            bad += 1
        figures = {}
        if "output" in head:
            y = [float(r["target"]) for r in got]
            p = [float(r["output"]) for r in got]
            figures = {"mse": mean_squared_error(y, p), "mae": mean_absolute_error(y, p),
                       "r2": r2_score(y, p)}
        else:
            classes = [h[2:] for h in head if h.startswith("p_")]
            y = [r["target"] for r in got]
            pred = [r["predicted"] for r in got]
            prob = [[float(r["p_" + c]) for c in classes] for r in got]
            figures["accuracy"] = accuracy_score(y, pred)
            # Per class with sklearn; a class's figure is undefined (left out
            # of the mean) when its denominator is 0, as zero_division=nan.
            kw = dict(labels=classes, average=None, zero_division=0)
            per = {"precision": precision_score(y, pred, **kw),
                   "recall": recall_score(y, pred, **kw), "f1": f1_score(y, pred, **kw)}
            npred = [pred.count(c) for c in classes]
            ntrue = [y.count(c) for c in classes]
            defined = {"precision": [n > 0 for n in npred], "recall": [n > 0 for n in ntrue],
                       "f1": [a + b > 0 for a, b in zip(npred, ntrue)]}
            use = [1] if len(classes) == 2 else range(len(classes))
            for k in per:
                vals = [per[k][i] for i in use if defined[k][i]]
                figures[k] = float(sum(vals) / len(vals)) if vals else None
            if len(classes) == 2:
                pos = classes[1]
                figures["auc"] = (roc_auc_score([t == pos for t in y], [q[1] for q in prob])
                                  if len(set(y)) == 2 else None)
            else:
                present = [c for c in classes if 0 < y.count(c) < len(y)]
                aucs = [roc_auc_score([t == c for t in y], [q[classes.index(c)] for q in prob])
                        for c in present]
                figures["auc"] = sum(aucs) / len(aucs) if aucs else None
            cm = confusion_matrix(y, pred, labels=classes).tolist()
            if cm != want["confusion"]["matrix"] or classes != want["confusion"]["classes"]:
                print(f"{split}: confusion {cm}, report {want['confusion']}")
                bad += 1
        for k, v in figures.items():
            if not close(v, want[k]):
                print(f"{split}: {k} recomputed {v}, report {want[k]}")
                bad += 1
    print("predictions agree with the report" if bad == 0 else f"{bad} differences")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
