# Known answer: XOR with a 2-4-1 tanh network, sgd lr 0.5, seed 1: loss below
# 0.05 by epoch 200 and every point classified right.
. tests/cli/lib.sh
$NNSTEP --headless --layers 4 --act tanh --optimizer sgd --lr 0.5 --epochs 200 --seed 1 >"$T/out" || exit 1
cat "$T/out" | tail -4
check "epoch 200 loss below 0.05" awk '/^epoch 200\/200/ { if ($4 < 0.05) ok = 1 } END { exit !ok }' "$T/out"
check "accuracy 1" grep -q "accuracy 1.0000" "$T/out"
check "first epoch loss is the untrained ~0.7" awk '/^epoch 1\/200/ { if ($4 > 0.6) ok = 1 } END { exit !ok }' "$T/out"
finish
