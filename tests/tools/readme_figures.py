#!/usr/bin/env python3
"""Every figure the README quotes, measured: runs nnstep and checks that the
README says exactly what it prints (rounded as the README rounds it).

Usage: readme_figures.py NNSTEP README.md DATASETS_DIR
Prints ok/FAIL per figure; exits 1 when one is off.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

NN, README, DATA = sys.argv[1], sys.argv[2], sys.argv[3]
TEXT = re.sub(r"\s+", " ", open(README, encoding="utf-8").read())
TMP = tempfile.mkdtemp()
fails = 0


def run(*args, status=0):
    p = subprocess.run([NN, *args], capture_output=True, text=True)
    if p.returncode != status:
        raise SystemExit(f"FAIL: {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p.stdout, p.stderr


def report(*args):
    path = os.path.join(TMP, "r.json")
    run("--headless", "--quiet", *args, "--report", path)
    return json.load(open(path))


def says(what, text):
    global fails
    if re.sub(r"\s+", " ", text) in TEXT:
        print(f"ok: {what}: README says \"{text}\"")
    else:
        print(f"FAIL: {what}: README does not say \"{text}\"")
        fails += 1


def epochs(out):
    return {int(m.group(1)): m.group(0) for m in re.finditer(r"^epoch (\d+)/\d+ .*$", out, re.M)}


def loss_of(line, key="loss"):
    return float(re.search(rf" {key} ([0-9.]+)", line).group(1))


# XOR, and the headless example block
out, _ = run("--headless", "--layers", "4", "--act", "tanh", "--optimizer", "sgd", "--lr", "0.5",
             "--epochs", "200", "--seed", "1")
e = epochs(out)
says("xor", f"the loss falls from {loss_of(e[1]):.2f} to {loss_of(e[200]):.2g} by epoch 200 and "
     "all four points are right")
for line in (out.splitlines()[0], re.sub(r"\(.*\)", "(0.0 ms)", e[1]),
             re.sub(r"\(.*\)", "(0.0 ms)", e[200]),
             [x for x in out.splitlines() if x.startswith("  train")][0]):
    says("xor example output", line)

# vanishing gradients
path = os.path.join(TMP, "v.json")
run("--headless", "--quiet", "--gen", "moons", "--layers", "16,16,16,16,16,16", "--compare",
    "act=sigmoid,relu", "--epochs", "1", "--report", path)
runs = {r["value"]: r["grad_ratio"] for r in json.load(open(path))["runs"]}
ratio = runs["relu"] / runs["sigmoid"]
says("vanishing", f"is {runs['sigmoid']:.2g} with sigmoid and {runs['relu']:.2g} with relu, "
     f"about {float(f'{ratio:.2g}'):.0f} times smaller")

# dead ReLU
r = report("--gen", "moons", "--layers", "16,16", "--act", "relu", "--bias-init", "-1", "--epochs", "20")
d = [l["dead_fraction"] for l in r["layers"]]
says("dead relu", f"ends with {d[0] * 100:.0f}% of the first hidden layer and {d[1] * 100:.0f}% of "
     "the second dead")
r = report("--gen", "moons", "--layers", "16,16", "--act", "leaky_relu", "--bias-init", "-1",
           "--epochs", "20")
if any(l["dead_fraction"] for l in r["layers"]):
    print("FAIL: leaky_relu has a dead unit")
    fails += 1
says("dead relu, leaky", "the same run with `--act leaky_relu` has no dead unit")

# divergence
_, err = run("--headless", "--quiet", "--data", f"{DATA}/breast_cancer.csv", "--target", "diagnosis",
             "--scale", "none", "--act", "relu", "--loss", "mse", "--lr", "100", status=3)
m = re.search(r"(training diverged at epoch \d+, batch \d+: .*; stopped with the last good state)",
              err)
epoch = re.search(r"epoch (\d+)", err).group(1)
says("divergence", f"diverges in epoch {epoch}: `{m.group(1)}`")

# overfitting and early stopping
out, _ = run("--headless", "--gen", "moons", "--samples", "100", "--noise", "0.3", "--layers", "64,64",
             "--act", "relu", "--optimizer", "adam", "--lr", "0.005", "--batch", "8", "--epochs", "200",
             "--early-stop", "20")
e = epochs(out)
last = max(e)
best = min(e, key=lambda k: loss_of(e[k], "val_loss"))
says("overfitting", f"the training loss falls from {loss_of(e[1]):.2f} to {loss_of(e[last]):.2g} by "
     f"epoch {last} while the validation loss, lowest at epoch {best} "
     f"({loss_of(e[best], 'val_loss'):.2f}), rises to {loss_of(e[last], 'val_loss'):.2f}; at epoch "
     f"{last} early stopping fires and restores the weights of epoch {best}")

# exploding loss
out, _ = run("--headless", "--quiet", "--data", f"{DATA}/breast_cancer.csv", "--target", "diagnosis",
             "--scale", "none", "--lr", "1e6", "--epochs", "1")
says("exploding loss", re.search(r"^(epoch 1: the training loss is exploding: .*)$", out, re.M).group(1))

# data and evaluation
bc = ["--data", f"{DATA}/breast_cancer.csv", "--target", "diagnosis", "--layers", "16", "--act", "relu",
      "--optimizer", "adam", "--lr", "0.001", "--epochs", "100"]
a = report(*bc)["test"]
b = report(*bc, "--scale", "none")["test"]
says("breast cancer", f"with standard scaling, test accuracy {a['accuracy']:.3f} and AUC "
     f"{a['auc']:.3f}; with `--scale none`, test accuracy {b['accuracy']:.3f} and AUC {b['auc']:.3f}")
r = report("--data", f"{DATA}/iris.csv", "--layers", "8")
says("iris", f"(4-8-3, softmax + cce, tanh, sgd, 100 epochs): test accuracy {r['test']['accuracy']:.3f}")
churn = ["--gen", "churn", "--layers", "16", "--act", "relu", "--optimizer", "adam", "--lr", "0.01",
         "--epochs", "30"]
r = report(*churn)
says("churn", f"baseline accuracy {r['baseline_accuracy']:.3f} (\"nobody churns\"), and the model's "
     f"test accuracy {r['test']['accuracy']:.3f} with a recall of only {r['test']['recall']:.2f}")
r = report(*churn, "--class-weight", "auto", "--cost-fn", "10", "--cost-fp", "1")
says("churn by cost", f"the chosen threshold is {r['threshold']:.3g} and the test recall "
     f"{r['test']['recall']:.2f}, at an accuracy of {r['test']['accuracy']:.2f}")

# nnstep code's example run, nnstep's side
r = report("--data", f"{DATA}/iris.csv", "--layers", "8", "--epochs", "40", "--optimizer", "adam",
           "--lr", "0.01")
says("code example", f"within 0.1 of nnstep's {r['test']['accuracy']:.4f}")

print(f"{fails} figures off" if fails else "every figure agrees")
sys.exit(1 if fails else 0)
