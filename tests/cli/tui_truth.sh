# The screen tells the truth: what is drawn about the batch on screen is
# labelled with the settings it was computed with; a change waits, shown as
# pending, for the next batch; reset uses the settings on screen.
. tests/tools/tui.sh
check_inspector() { # what
	if screen | python3 tests/tools/inspector_check.py >"$T/check" 2>&1; then
		ok "$1: every f(z) and product in the inspector checks"
	else
		echo "FAIL: $1:"; sed 's/^/    /' "$T/check"; screen | sed 's/^/    | /'
		fails=$((fails + 1))
	fi
}

start 120 40 -- --gen moons --layers 8,8 --act sigmoid
wait_for "press space: forward pass" || finish
keys Space Space Space Space
wait_for "update: W ← W - lr×dW" || finish
check_inspector "after the update"
# Rule 4: a gradient-panel figure is shortened to fit, not cut to a marker.
dz_whole() { screen | grep -E '││h1 ' | grep -qE 'dz -?[0-9][0-9.e+-]* *│$'; }
expect "the h1 dz figure is shortened to fit, not cut (dz 3e-05)" dz_whole
keys a
wait_for "next batch: tanh" && ok "a after the update is pending for the next batch"
wait_for "Neuron 1 of hidden layer 1 (sigmoid)" && ok "the inspector still names sigmoid"
wait_for "2-8-8-1 sigmoid" && ok "and so does the status bar"
check_inspector "after a"
keys o
wait_for "next batch: tanh momentum" && ok "o is pending too"
wait_for "Update  sgd, lr 0.1" && ok "the update line names the optimizer it used"
keys ']'
wait_for "next batch: tanh momentum lr 0.3" && ok "] is pending too"
wait_for "lr 0.1  sgd" && ok "the status bar names the settings in force"
check_inspector "after a, o, ]"
keys o o o
wait_for "next batch: tanh lr 0.3" && ok "cycling back to sgd drops it from the pending list"
keys n
wait_for "batch 2/7" || finish
wait_for "Neuron 1 of hidden layer 1 (tanh)" && ok "the next batch is computed with tanh"
wait_gone "next batch:" && ok "and nothing is pending any more"
wait_for "lr 0.3  sgd" && ok "with the new learning rate"
check_inspector "the next batch"
# In the middle of a batch: the change waits; the rest of the batch keeps the old one.
keys Space
wait_for "forward → z=Wx+b, a=f(z)" || finish
keys a
wait_for "next batch: relu" && ok "a in the middle of a batch is pending"
keys Space Space
wait_for "← backward: dL/dz, dW" || finish
wait_for "Neuron 1 of hidden layer 1 (tanh)" && ok "the backward pass of the batch is tanh's"
check_inspector "a in the middle of a batch"
# Reset after rewind: back before the change, the screen shows tanh; r keeps it.
keys b
wait_gone "next batch:" && ok "stepping back drops the change waiting"
keys r
wait_for "weights reset from seed 1 (the same numbers again): tanh, sgd, lr 0.3" &&
    ok "r names the settings it starts with"
keys Space
wait_for "Neuron 1 of hidden layer 1 (tanh)" && ok "and uses them"
keys n
wait_for "batch 1/7" || finish
keys a
wait_for "next batch: relu" || finish
keys n
wait_for "Neuron 1 of hidden layer 1 (relu)" || finish
keys b b b b
wait_for "Neuron 1 of hidden layer 1 (tanh)" && ok "rewind before the change shows tanh again"
keys r
wait_for "weights reset from seed 1 (the same numbers again): tanh, sgd, lr 0.3" &&
    ok "r after the rewind uses tanh, the setting on screen"
keys Space
wait_for "Neuron 1 of hidden layer 1 (tanh)" && ok "and the new start computes with tanh"
keys q
wait_for "nnstep exited 0"
# Rule 11: without options the terminal UI trains what --help says it does.
start 120 40 --
wait_for " nnstep  moons  2-8-8-1 tanh" && ok "no options: moons on 2-8-8-1, the defaults --help states"
keys q
wait_for "nnstep exited 0"
finish
