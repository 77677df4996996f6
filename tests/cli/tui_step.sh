# Stepping through the phases, batches and back, then quitting cleanly.
. tests/tools/tui.sh
start 120 40 -- --gen moons --layers 8,8
wait_for "press space: forward pass" && ok "starts ready, on the first batch"
keys Space
wait_for "forward → z=Wx+b, a=f(z)" && ok "space runs the forward pass"
wait_for "z = w1×x1 + w2×x2 + b" && ok "the inspector writes z out"
keys Space
wait_for "loss: output vs target" && ok "then the loss"
keys Space
wait_for "← backward: dL/dz, dW" && ok "then the backward pass"
wait_for "dL/dz = dL/da × f'(z)" && ok "the inspector shows the chain rule"
keys Space
wait_for "update: W ← W - lr×dW" && ok "then the update"
keys n
wait_for "batch 2/7" && ok "n finishes the next batch"
keys b
wait_for "← backward: dL/dz, dW" && ok "b steps back one phase"
keys Left Left Left
wait_for "batch 1/7" && ok "left steps back too"
keys e
wait_for "epoch 1/100  batch 7/7" && ok "e finishes the epoch"
wait_for "val acc" && ok "the epoch end brings the validation figures"
keys q
wait_for "nnstep exited 0" && ok "q quits with status 0"
screen | grep -q "Network" && { echo "FAIL: the screen was not restored"; fails=$((fails + 1)); }
finish
