# Continue mode trains between frames without blocking the keys; a run that
# diverges says so and can be stepped back; a signal restores the terminal.
. tests/tools/tui.sh
start 120 40 -- --gen moons --layers 8,8 --epochs 200
wait_for "press space: forward pass" || finish
keys c
wait_for "running 16 batches/frame" && ok "c starts training between frames"
keys +
wait_for "speed 5/7: 64 batches/frame" && ok "+ speeds it up while it runs"
wait_for "running 64 batches/frame" && ok "and the status bar names the speed"
wait_for "finished: 200 epochs" 100 && ok "it runs to the end of the epochs and stops"
wait_for "c or e trains on for 200 more" && ok "and says how to train on"
keys c
wait_for "training on: epochs 201 to 400" && ok "c after the end trains on for another --epochs"
wait_for "epoch 400/400" 150 && ok "the epoch counter goes on to 400"
keys r
wait_for "weights reset from seed 1 (the same numbers again)" && ok "r resets"
wait_for "epoch 1/200  batch 1/7" && ok "back at the start"
keys q
wait_for "nnstep exited 0" || finish
# Divergence: a huge learning rate on a linear network.
start 120 40 -- --gen moons --act linear --loss mse --out-act linear --lr 1e6
wait_for "press space: forward pass" || finish
keys e
wait_for "became NaN/Inf in the" && wait_for "DIVERGED: " && ok "divergence is shown, with its first place"
wait_for "press b to step back or r to reset" && ok "with what to do"
keys b
wait_gone "DIVERGED" && ok "b steps back to the last good state"
keys r
wait_for "epoch 1/100  batch 1/7" && ok "r resets"
# SIGTERM while running ends the program and restores the terminal.
keys c
pid=$(tm list-panes -F '#{pane_pid}')
sleep 0.2
pkill -TERM -P "$pid" -x nnstep
wait_for "nnstep exited 143" && ok "SIGTERM ends it with status 143"
screen | grep -q "Network" && { echo "FAIL: the screen was not restored"; fails=$((fails + 1)); }
# SIGINT (Ctrl-C) and SIGHUP end it too, with the terminal restored.
start 120 40 -- --gen moons
wait_for "press space: forward pass" || finish
keys C-c
wait_for "nnstep exited 130" && ok "Ctrl-C ends it with status 130"
screen | grep -q "Network" && { echo "FAIL: the screen was not restored after Ctrl-C"; fails=$((fails + 1)); }
start 120 40 -- --gen moons
wait_for "press space: forward pass" || finish
pid=$(tm list-panes -F '#{pane_pid}')
pkill -HUP -P "$pid" -x nnstep
wait_for "nnstep exited 129" && ok "SIGHUP ends it with status 129"
screen | grep -q "Network" && { echo "FAIL: the screen was not restored after SIGHUP"; fails=$((fails + 1)); }
# A crash (here a SIGSEGV sent from outside) restores the terminal too: the
# screen is back and the terminal is in its normal (echo, canonical) mode.
cat > "$T/crash.sh" <<EOS
env TERM=xterm-256color '$NNSTEP_BIN' --gen moons
echo "nnstep exited \$?"
stty -a | tr ' ' '\n' | grep -x -e echo -e icanon | tr '\n' ' '; echo
sleep 60
EOS
tm kill-server 2>/dev/null
NSTART=$((NSTART + 1))
SOCK=nnstep-test-$$-$NSTART
tm new-session -d -x 120 -y 40 -c "$T" "sh $T/crash.sh"
wait_for "press space: forward pass" || finish
pid=$(tm list-panes -F '#{pane_pid}')
pkill -SEGV -P "$pid" -x nnstep
wait_for "nnstep exited 139" && ok "a crash ends it with the crash's status (139)"
wait_for "icanon echo" && ok "and the terminal is back in its normal mode"
screen | grep -q "Network" && { echo "FAIL: the screen was not restored after a crash"; fails=$((fails + 1)); }
finish
