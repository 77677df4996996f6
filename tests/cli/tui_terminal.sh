# Terminal sizes, resizing, the ASCII fallback, no colours, several runs.
. tests/tools/tui.sh
start 120 40 -- --gen moons
wait_for "press space: forward pass" || finish
tm resize-window -t 0 -x 60 -y 20
wait_for "nnstep needs at least 80x24 (now 60x20)" && ok "too small says so"
keys Space
tm resize-window -t 0 -x 80 -y 24
wait_for "press space: forward pass" && ok "back to 80x24 it redraws (keys were ignored meanwhile)"
narrow() { [ "$(screen | wc -L)" -le 80 ]; }	# display columns, not bytes
expect "nothing wider than 80 columns" narrow
keys q
wait_for "nnstep exited 0" || finish
# A locale without UTF-8 gets ASCII only; NO_COLOR gets no colours.
start 100 30 LC_ALL=C NO_COLOR=1 -- --gen moons
wait_for "press space: forward pass" || finish
keys Space Space Space
wait_for "backward: dL/dz, dW" || finish
if screen | LC_ALL=C grep -q '[^ -~]'; then
	echo "FAIL: non-ASCII characters on an ASCII screen"; screen | sed 's/^/    | /'; fails=$((fails + 1))
else ok "LC_ALL=C draws ASCII only"; fi
tm capture-pane -e -p -t 0 | grep -q '38;5;\|\[3[0-7]m\|\[3[0-7];' &&
	{ echo "FAIL: colours with NO_COLOR"; fails=$((fails + 1)); } || ok "NO_COLOR draws no colours"
keys q
wait_for "nnstep exited 0" || finish
start 100 30 -- --gen moons --ascii --no-color
wait_for "press space: forward pass" || finish
screen | LC_ALL=C grep -q '[^ -~]' && { echo "FAIL: --ascii"; fails=$((fails + 1)); } || ok "--ascii"
keys q
# Colours when allowed.
start 100 30 -- --gen moons
wait_for "press space: forward pass" || finish
coloured() { tm capture-pane -e -p -t 0 | grep -q '38;5;'; }
expect "256 colours otherwise" coloured
keys q
# Several runs side by side, stepping together.
start 120 40 -- --gen moons --compare act=tanh,relu
wait_for "act=tanh" && wait_for "act=relu" && ok "--compare shows both runs"
keys n n
wait_for "batch 2/7" && ok "they step together"
expect "each with its own loss" test "$(screen | grep -c 'loss 0\.')" -ge 1
keys q
wait_for "nnstep exited 0" && ok "and quit"
# A terminal that cannot place the cursor is refused with advice.
start 100 30 TERM=dumb -- --gen moons
wait_for "nnstep exited 1" && ok "TERM=dumb fails with status 1"
shows() { screen | grep -q -- "$1"; }
expect "and points to --headless" shows "use --headless"
# Bad settings are reported before the terminal is touched.
start 100 30 -- --data /nonexistent.csv
wait_for "nnstep exited 1" && ok "a missing file fails with status 1"
expect "naming the file" shows "nonexistent.csv"
finish
