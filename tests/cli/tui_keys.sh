# Help, panels, zoom, the neuron cursor, settings and saving from the keyboard.
. tests/tools/tui.sh
start 120 40 -- --gen moons --layers 8,8
wait_for "press space: forward pass" || finish
keys '?'
wait_for "step back one phase (rewind)" && ok "? opens the help"
keys Escape
wait_gone "step back one phase (rewind)" && ok "escape closes it at once"
keys Space l j
wait_for "Neuron 2 of hidden layer 2 (tanh)" && ok "l and j move the neuron cursor"
keys k h h
wait_for "Input 1" && ok "h reaches the input layer"
keys Tab Tab Tab Tab Tab Tab
wait_for "# nnstep's run in PyTorch" && ok "tab brings the code panel forward"
keys z
wait_for 'MISSING_POLICY = "error"' && ok "z zooms it"
keys i
wait_for "Input 1 (x1)" && ok "i brings the inspector into the zoom"
keys z l
wait_for "Neuron 1 of hidden layer 1" && ok "z returns to all panels"
keys ']'
wait_for "learning rate 0.1 → 0.3 (×3)" && ok "] raises the learning rate"
keys '['
wait_for "learning rate 0.3 → 0.1 (/3)" && ok "[ lowers it"
keys a
wait_for "hidden activation: relu (from the next batch" && ok "a changes the activation"
keys o
wait_for "optimizer: momentum" && ok "o changes the optimizer"
keys '{'
wait_for "Start again?" && ok "{ asks before making a new network"
keys y
wait_for "new network with batch size 16" && ok "y makes it"
wait_for "batch 1/14" && ok "with twice the batches"
keys s
wait_for "saved the model to nnstep-model.json" && ok "s saves a checkpoint"
expect "the file is there" test -s "$T/nnstep-model.json"
keys Y
wait_for "the key Y does nothing here: ? lists the keys" && ok "an unknown key says so"
keys q
wait_for "nnstep exited 0" && ok "q quits"
finish
