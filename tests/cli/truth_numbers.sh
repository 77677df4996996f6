# A number is shown whole or not at all: no number cut at a panel's edge on
# any stop of any lesson (both languages) at 80x24, 100x30 and 120x40, nor on
# trainer screens (one run, four runs side by side, a diverging run); huge
# losses print in exponent form headless.
. tests/cli/lib.sh
N=$NNSTEP
for sz in 80x24 100x30 120x40; do
	for f in lessons/en/*.lesson lessons/ko/*.lesson; do
		lang=$(basename "$(dirname "$f")")
		$N --headless --quiet --screen "$sz" --lang "$lang" lesson "$f" >>"$T/lessons-$sz" 2>&1
	done
	check "lessons at $sz: every stop drawn" sh -c "[ \$(grep -c ': stop [0-9]*/[0-9]*\$' '$T/lessons-$sz') -ge 100 ]"
	check "lessons at $sz: no number cut at a panel's edge" sh -c \
	    "python3 tests/tools/cut_numbers.py <'$T/lessons-$sz'"
	{
		$N --headless --quiet --gen moons --layers 8,8 --epochs 2 --screen "$sz" --screen-every 7
		$N --headless --quiet --gen moons --layers 16,16 --epochs 1 --screen "$sz" --screen-every 5 \
		    --compare act=sigmoid,tanh,relu,elu
		$N --headless --quiet --gen moons --loss mse --act tanh --lr 0.8 --epochs 45 --screen "$sz" \
		    --screen-every 40
	} >"$T/trainer-$sz" 2>&1
	check "trainer at $sz: no number cut at a panel's edge" sh -c \
	    "python3 tests/tools/cut_numbers.py <'$T/trainer-$sz'"
done
# A diverging MSE run: the losses reach 1e+300 and print as 6.061001e+301.
$N --headless --gen moons --loss mse --act tanh --lr 0.8 --epochs 46 >"$T/div" 2>&1
check "a huge loss prints in exponent form" grep -q "^epoch 46/46  loss [0-9.]*e+30[0-9]  val_loss" "$T/div"
check "and no epoch line is long" sh -c "! awk '/^epoch [0-9]*\/[0-9]*  loss/ && length(\$0) > 120' '$T/div' | grep ."
# The decision-region legend names which glyph is which class, all of them.
$N --headless --quiet --gen spiral --classes 3 --epochs 1 --screen 120x40 >"$T/spiral" 2>&1
check "the legend names the glyph of each of three classes" grep -q "train/val  o/O 0  x/X 1  +/# 2 (V)" "$T/spiral"
$N --headless --quiet --gen blobs --classes 6 --epochs 1 --screen 120x40 >"$T/blobs" 2>&1
check "with six classes it says how many it leaves out" grep -q "\*/@ 3  +2 more (V)" "$T/blobs"
# The confusion matrix: all ten classes of the digits, each count right under
# its header; where columns or rows are left out, it says how many.
$N --headless --quiet --data datasets/digits.csv --layers 16 --epochs 3 --screen 120x40 >"$T/digits" 2>&1
cat >"$T/aligned.py" <<'PY'
import re, sys
rows = sys.stdin.read().splitlines()
head = [i for i, r in enumerate(rows) if "true\\pred" in r][0]
at = rows[head].index("true\\pred")
ends = [m.end() for m in re.finditer(r"[^\s│|]+", rows[head][at:])][1:]
if len(ends) != 10:
    sys.exit("%d columns: %r" % (len(ends), rows[head]))
for r in rows[head + 1:head + 4]:
    got = [m.end() for m in re.finditer(r"\d+", r[at:])][1:11]
    if got != ends:
        sys.exit("misaligned: %r under %r" % (r[at:], rows[head][at:]))
PY
check "a 10-class confusion matrix shows every column, aligned" sh -c "python3 '$T/aligned.py' <'$T/digits'"
check "and says how many rows it leaves out" grep -q "+[0-9] more rows" "$T/digits"
finish
