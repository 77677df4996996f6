# Every stop of every lesson at 80x24 (a projector's big font): the lines
# the stop is about are in view (the inspector's z and a lines once the
# forward pass has run, every layer's gradient bar, the decision region with
# its legend), and the narration box stays in one place from stop to stop.
. tests/cli/lib.sh
cd "$(dirname "$0")/../.." || exit 1
cat > "$T/fit.py" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
name = sys.argv[2]
parts = re.split(r"^lesson \S+: stop (\d+)/(\d+)\n", text, flags=re.M)
bad = 0
tops = set()
for k in range(1, len(parts) - 2, 3):
    stop = parts[k]
    screen = parts[k + 2].split("\n")[:24]
    def fail(why):
        global bad
        bad += 1
        print("FAIL: %s stop %s: %s" % (name, stop, why))
        print("\n".join("    | " + l for l in screen))
    body = "\n".join(screen)
    if "Question" in body:
        continue
    # The narration box: its top row is the same at every stop.
    for i, l in enumerate(screen):
        if re.match(r"^┌ .* \d+/\d+ ─┐$", l):
            tops.add(i)
    # A neuron with many inputs ("24 more terms") must at least show its z
    # summed up; otherwise a = f(z) must be in view too.
    if "Forward  z =" in body:
        if "more terms" in body:
            if not re.search(r"= -?[0-9.e+-]+ +│", body):
                fail("the inspector's z total is cut off")
        elif not re.search(r"│\s+a = ", body):
            fail("the inspector's a = f(z) line is cut off")
    if "Gradient flow" in body and re.search(r"│h1 ", body) and not re.search(r"│out ", body):
        fail("not every layer's gradient bar is in view")
    if "Data: decision regions" in body:
        top = [i for i, l in enumerate(screen) if "Data: decision regions" in l]
        leg = [i for i, l in enumerate(screen) if re.search(r"│(p|top) ", l)]
        if not top or not leg or leg[0] - top[0] - 1 < 6:
            fail("the decision region (6 rows at least) or its legend is cut off")
if len(tops) > 1:
    bad += 1
    print("FAIL: %s: the narration box moves between stops (rows %s)" % (name, sorted(tops)))
print("%s: %d stops checked, %d problems" % (name, len(parts) // 3, bad))
sys.exit(1 if bad else 0)
PY
for f in lessons/en/*.lesson lessons/ko/*.lesson; do
	[ -f "$f" ] || continue
	n=$(basename "$f" .lesson)
	LC_ALL=C.UTF-8 $NNSTEP --headless --screen 80x24 lesson "$f" >"$T/out" 2>&1
	check "$f at 80x24" python3 "$T/fit.py" "$T/out" "$n"
done
finish
