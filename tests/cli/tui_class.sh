# The classroom in a real terminal: every theme at 80x24, 120x40 and 200x60,
# t cycling themes (remembered in the config file), slow motion showing the
# phases in turn, turbo, training past --epochs, the command box, a
# recording that parses as asciicast v2 and replays.
. tests/tools/tui.sh
ESC=$(printf '\033')
colours() { tm capture-pane -e -p -t 0; }

# Each theme at each size: the screen is whole and in the theme's colours
# (status bar background: dark 238, light 252, contrast white 231).
for th in dark:238 light:252 contrast:231; do
	name=${th%%:*}; bg=${th#*:}
	for size in 80x24 120x40 200x60; do
		start "${size%x*}" "${size#*x}" -- --theme "$name"
		if wait_for "press space: forward pass"; then
			if colours | grep -q "48;5;$bg"; then ok "$name at $size: drawn in its colours"
			else echo "FAIL: $name at $size: no status bar colour $bg"; fails=$((fails + 1)); fi
			screen | grep -q "needs at least" && { echo "FAIL: $name at $size: too small"; fails=$((fails + 1)); }
			keys e e e
			wait_for "epoch 3/100" && ok "$name at $size: it trains"
		fi
	done
done
# Contrast paints the background itself: black (16) behind the panels.
start 120 40 -- --theme contrast
wait_for "press space: forward pass"
colours | grep -q "48;5;16m" && ok "contrast: black background set" || { echo "FAIL: contrast background"; fails=$((fails + 1)); }

# t cycles the themes and the choice is remembered for the next start.
start 120 40 -- --gen moons
wait_for "press space: forward pass"
keys t
wait_for "theme: light" && ok "t switches to the light theme"
grep -q "^theme = light" "$XDG_CONFIG_HOME/nnstep/config" &&
    ok "the config file remembers it" || { echo "FAIL: config file"; cat "$XDG_CONFIG_HOME/nnstep/config"; fails=$((fails + 1)); }
keys t
wait_for "theme: contrast" && ok "t again: contrast"
keys t
wait_for "theme: dark" && ok "and back to dark"
keys t q
start 120 40 -- --gen moons
wait_for "press space: forward pass"
colours | grep -q "48;5;252" && ok "the next start is light, from the config file" ||
    { echo "FAIL: the remembered theme was not used"; fails=$((fails + 1)); }
keys q
rm -f "$XDG_CONFIG_HOME/nnstep/config"

# Slow motion: one phase a second, each named in turn.
rm -f "$XDG_CONFIG_HOME/nnstep/config"
start 120 40 -- --gen moons --speed slow --epochs 100000
wait_for "press space: forward pass"
keys c
wait_for "slow motion: 1 phase/s" && ok "the status bar names slow motion"
wait_for "FORWARD: every layer computes z = W x + b" 30 && ok "slow motion: forward"
wait_for "LOSS: the predictions are compared with the targets" 30 && ok "then loss"
wait_for "BACKWARD: the chain rule hands dL/dz and dL/dW back" 30 && ok "then backward"
wait_for "UPDATE: every weight moves against its gradient" 30 && ok "then update"
wait_for "FORWARD: every layer computes" 30 && wait_for "batch 2/7" && ok "then the next batch"
keys c
# The ladder: + climbs to turbo, which says how fast it goes.
keys + + + + + +
wait_for "speed 7/7: turbo: as fast as it goes" && ok "+ climbs the ladder to turbo"
keys +
wait_for "already the fastest speed" && ok "and stops there"
keys c
wait_for "fps" 30 && ok "turbo shows frames a second"
wait_for "rows/s" && ok "and rows a second"
keys c - - - - - - -
wait_for "already the slowest speed" && ok "- goes down to slow motion"
keys q
wait_for "nnstep exited 0"

# Training goes on past --epochs, with e and with c.
rm -f "$XDG_CONFIG_HOME/nnstep/config"
start 120 40 -- --gen moons --epochs 3
wait_for "press space: forward pass"
keys e e e
wait_for "finished: 3 epochs" && ok "three epochs end training"
keys e
wait_for "training on: epochs 4 to 6" && ok "e trains on"
wait_for "epoch 4/6" && ok "the epoch counter goes on"
keys c
wait_for "finished: 6 epochs" 50 && ok "c runs on to the new end"
keys c
# (the "training on" message may be gone by the next look: the end is what counts)
wait_for "finished: 9 epochs" 50 && wait_for "epoch 9/9" && ok "and c trains on again"
keys r
wait_for "epoch 1/3" && ok "r starts again with the original --epochs"

# P shows the command line of the settings in force (p predicts a number).
keys ']' P
wait_for "The command line of these settings" && ok "P opens the command box"
wait_for "--lr 0.3" && ok "with the learning rate changed by ]"
wait_for "--gen moons --layers 8,8" && ok "and the data and network"
keys x
wait_gone "The command line of these settings" && ok "any key closes it"
# V hides the validation points.
keys V
wait_for "validation points hidden in the data panel" && ok "V hides the validation points"
keys q
wait_for "nnstep exited 0"

# The neurons panel: a map per hidden neuron; Enter shows one large in the
# data panel, Enter again (or Esc) the regions.
rm -f "$XDG_CONFIG_HOME/nnstep/config"
start 120 40 -- --gen moons
wait_for "press space: forward pass"
keys e e BTab
wait_for "Neurons: what each one computes" && ok "Shift-Tab from the network reaches the neurons panel"
wait_for "h1 tanh" && ok "it shows the first hidden layer's maps"
keys l j
wait_for "h2 tanh" && ok "l moves it to the second hidden layer"
keys Enter
wait_for "Data: one neuron" && ok "Enter shows the selected map large in the data panel"
wait_for "neuron 2 of h2 (tanh)" && ok "named under the map"
keys Enter
wait_for "Data: decision regions" && ok "Enter again: the regions"
keys Enter Escape
wait_for "Data: decision regions" && ok "Esc too"
keys q
wait_for "nnstep exited 0"

# --record: asciicast v2, one event per changed frame, replayable.
start 100 30 -- --gen moons --record "$T/s.cast"
wait_for "press space: forward pass"
keys Space Space n e
wait_for "epoch 1/100  batch 7/7"
keys q
wait_for "nnstep exited 0"
cat > "$T/cast.py" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
h = json.loads(lines[0])
assert h["version"] == 2 and h["width"] == 100 and h["height"] == 30, h
last = 0
for l in lines[1:]:
    t, kind, data = json.loads(l)
    assert kind == "o" and isinstance(data, str) and t >= last, l[:80]
    last = t
assert len(lines) > 4, "too few events"
assert any("FORWARD" in json.loads(l)[2] for l in lines[1:])
print("cast ok:", len(lines) - 1, "events over", last, "s")
PY
if python3 "$T/cast.py" "$T/s.cast"; then ok "the recording parses as asciicast v2"
else echo "FAIL: the recording is not asciicast v2"; fails=$((fails + 1)); fi
if command -v asciinema >/dev/null 2>&1; then
	start 100 30 -- --version
	tm kill-server 2>/dev/null
	NSTART=$((NSTART + 1)); SOCK=nnstep-test-$$-$NSTART
	tm new-session -d -x 100 -y 30 "asciinema play -i 0.2 '$T/s.cast'; echo \$? > '$T/rc'; sleep 30"
	wait_for "epoch 1/100  batch 7/7" 100 && ok "asciinema replays it to the last screen"
	i=0; while [ ! -s "$T/rc" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	[ "$(cat "$T/rc" 2>/dev/null)" = 0 ] && ok "and ends with status 0" ||
	    { echo "FAIL: asciinema play failed"; fails=$((fails + 1)); }
fi
finish
