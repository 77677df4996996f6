# Runs side by side: each header names what its run computes. A key that
# would change the compared setting is refused with the reason; other keys
# change every run alike and say so.
. tests/tools/tui.sh
# headers_match: every "act=NAME" header sits over a network panel whose
# hidden layers are NAME.
headers_match() {
	screen | python3 -c '
import re, sys
rows = sys.stdin.read().splitlines()
bad = seen = 0
for i, row in enumerate(rows):
    for m in re.finditer(r"act=(\w+)", row):
        seen += 1
        col, name = m.start(), m.group(1)
        for below in rows[i + 1:i + 4]:
            h = [x for x in re.finditer(r"h1 (\w+)", below) if abs(x.start() - col) < 30]
            if h:
                if h[0].group(1) != name:
                    print("header act=%s over h1 %s" % (name, h[0].group(1)))
                    bad += 1
                break
        else:
            print("no network under act=%s" % name)
            bad += 1
sys.exit(1 if bad or seen < 2 else 0)'
}
check_headers() { # what
	if headers_match >"$T/hm" 2>&1; then ok "$1: each header names its network's activation"
	else echo "FAIL: $1:"; sed 's/^/    /' "$T/hm"; screen | sed 's/^/    | /'; fails=$((fails + 1)); fi
}
start 120 40 -- --gen moons --layers 8,8 --compare act=sigmoid,relu
wait_for "act=relu" || finish
check_headers "at the start"
keys e
wait_for "batch 7/7" || finish
# One loss scale for all runs: the same axis figures on every loss panel.
if screen | python3 -c '
import re, sys
rows = sys.stdin.read().splitlines()
top = [i for i, r in enumerate(rows) if "┌ Loss" in r][0]
axes = [re.findall(r"│([0-9.e+-]+) ", rows[k]) for k in range(top + 1, top + 12)]
axes = [a for a in axes if a]
ok = len(axes) >= 2 and all(len(a) == 2 and a[0] == a[1] for a in axes)
print(axes)
sys.exit(0 if ok else 1)' >"$T/axes"; then ok "the loss panels share one scale"
else echo "FAIL: the loss panels have scales of their own:"; cat "$T/axes"; fails=$((fails + 1)); fi
keys a
wait_for "the runs differ in act: a would make them alike" && ok "a is refused with the reason"
check_headers "after e, a"
keys ']'
wait_for "every run alike: learning rate 0.1 → 0.3" && ok "] changes every run and says so"
keys n
wait_for "batch 1/7" || finish
check_headers "after the next batch"
start 120 40 -- --gen moons --layers 8,8 --compare lr=0.1,0.5
wait_for "lr=0.5" || finish
keys ']'
wait_for "the runs differ in lr: [ and ] would make them alike" && ok "] is refused when comparing lr"
keys a
wait_for "every run alike: hidden activation: relu" && ok "a changes every run alike"
start 120 40 -- --gen moons --layers 8,8 --compare batch=16,32
wait_for "batch=32" || finish
keys '}'
wait_for "the runs differ in batch" && ok "} is refused when comparing batch sizes"
keys q
finish
