# Learning by doing in the terminal UI: the selected weight's gradient
# check, its chain rule path by path and the batch's tug of war in the
# inspector; the learning-rate panel and the LR range test (g); the sanity
# checks panel (K).
. tests/tools/tui.sh
start 120 40 -- --gen moons --layers 8,8
wait_for "moons" && ok "starts"
keys Space Space Space
wait_for "BACKWARD" && keys i z
wait_for "backprop dL/dw1 = 0.046966  central difference 0.046966" && ok "the gradient check beside backprop"
wait_for "relative error" && ok "with its relative error"
wait_for "The chain rule, path by path" && ok "the path view"
wait_for "sum of 8 paths = -0.000198363 = x1 × dL/dz = -0.000198363" && ok "8 paths add up to backprop"
wait_for "The batch as a tug of war" && ok "the tug of war"
keys x
wait_for "weight w2 of the selected neuron (of 2)" && ok "x selects the next weight"
wait_for "backprop dL/dw2 = -0.145948" && ok "and the inspector follows"
keys X X
wait_for "weight w2 of the selected neuron (of 2)" && ok "X goes back (and wraps)"
keys z g
wait_for "LR range test (100 batches from a copy): suggested lr 0.811" && ok "g runs the range test"
keys z
wait_for "this step: loss 0.936 → 0.8294 at lr 0.1" && ok "the loss at this step's lr, on the line"
wait_for "LR range test: 100 batches, lr 1e-05 to 10, suggested 0.811" && ok "the range test in the panel"
wait_for "BACKWARD" && ok "the run itself has not moved"
keys z K
wait_for "sanity checks: 0 of 7 failed" && ok "K runs the sanity checks"
keys z
wait_for "ok   init_loss 0.939" && ok "each check with its verdict"
wait_for "ok   symmetry 0" && ok "to the last"
keys q
wait_for "nnstep exited 0" && ok "q quits"

# p: predict the next phase's number, scored; space then runs the phase.
start 120 40 -- --gen moons --layers 8,8
wait_for "moons" && keys p
wait_for "Predict: z of neuron 1 of layer 1 for sample 1, after the forward pass." && ok "p asks for the next number"
wait_for "ready  FORWARD" && ok "before the phase has run"
keys -l 0.1
keys Enter
wait_for "✗ Not quite: it is 0.0464." && ok "a wrong prediction, with the number"
wait_for "score this session: 0 of 1" && ok "scored"
keys Space
wait_for "= 0.0125 + 0.034 + 0 = 0.046438" && ok "space runs the phase: the inspector shows it"
keys p
wait_for "Predict: the loss of sample 1" && ok "the next phase's number: the loss"
keys -l 0.788
keys Enter
wait_for "score this session:" && ok "answered"
keys Space

# f: branch from here into two runs that differ in the learning rate.
keys n n f
wait_for "Branch from here" && ok "f asks what to branch"
keys -l "0.1,1"
keys Enter
wait_for "2 branches from here (lr=0.1,1), from the same weights, batch and random state" && ok "two runs from here"
wait_for "lr=1  batch loss" && ok "side by side"
keys f
wait_for "already 2 runs side by side" && ok "only from one run"
keys q
wait_for "nnstep exited 0" && ok "q quits"

# E: set a weight by hand; the batch starts again with it.
start 120 40 -- --gen moons --layers 8,8
wait_for "moons" && keys Space i E
wait_for "Set weight w1 of neuron 1 of layer 1 (now 0.314365)" && ok "E asks for the weight"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace 2
keys Enter
wait_for "set to 2: the batch starts again with it" && ok "set"
keys Space
wait_for "= 2×0.0397 + 0.0317×1.07 + 0" && ok "the forward pass uses it"
keys B
wait_for "Set the bias of neuron 1 of layer 1 (now 0)" && ok "B asks for the bias"
keys BSpace
keys -l "x"
keys Enter
wait_for "'x' is not a number: nothing changed" && ok "a bad number changes nothing"
keys q
wait_for "nnstep exited 0" && ok "q quits"

start 100 30 -- --gen moons --layers 8,8 --init zeros
wait_for "moons" && keys K
wait_for "sanity checks: 3 of 7 failed" && ok "zero init: three checks fail"
keys z
wait_for "fail symmetry 1" && ok "symmetry fails"
keys q
wait_for "nnstep exited 0" && ok "q quits"

# The data panel edits the training points: A adds one of the paint class
# at the cursor (hjkl move it), C changes the class, D removes the nearest,
# a click adds or removes; training goes on with the new rows.
start 120 40 -- --gen moons --layers 8,8
wait_for "moons" && keys n n
wait_for "batch 2/7" && keys Tab Tab Tab A
wait_for "added a point of class 0 at (-0.04, -0.16); 211 training points (epoch 1, batch 1: rewind starts here)" && ok "A adds a point at the cursor, the epoch starts again"
keys l l l k k
wait_for "cursor at (0.28, 0.04): A adds, D removes, C class" && ok "hjkl move the cursor"
keys C A
wait_for "added a point of class 1 at (0.28, 0.04); 212 training points" && ok "C changes the class"
keys D
wait_for "removed a point of class 1 at (0.28, 0.04); 211 training points" && ok "D removes the nearest"
keys b
wait_for "batch 1/7" && ok "no rewind past the edit"
keys e
wait_for "epoch 1/100  batch 7/7" && ok "training goes on: 211 rows in 7 batches"
keys e
wait_for "epoch 2/100  batch 7/7" && ok "and on"
keys q
wait_for "nnstep exited 0" && ok "q quits"
finish
