# nnstep code --framework pytorch|keras: a complete script for the same run.
# The PyTorch script is run (python3-torch) on a small data set and its test
# accuracy must be close to nnstep's; the split it makes must be nnstep's;
# the Keras script must compile.
. tests/cli/lib.sh
N=$NNSTEP
PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
D=$(cd "$(dirname "$0")/../.." && pwd)/datasets
RUN="--data $D/iris.csv --layers 8 --epochs 40 --optimizer adam --lr 0.01"

$N code --framework pytorch $RUN > "$T/iris_torch.py"
check "code: exit 0 and a script" grep -q "^import torch" "$T/iris_torch.py"
$N --headless $RUN --predictions "$T/iris.pred" > "$T/iris.out"
acc=$(sed -n 's/^  test .* accuracy \([0-9.]*\) .*/\1/p' "$T/iris.out")
if $PY -c "import torch" 2>/dev/null; then
	$PY "$T/iris_torch.py" > "$T/torch.out" 2>"$T/torch.err"
	check "pytorch script runs" test $? -eq 0
	got=$(sed -n 's/^test accuracy \([0-9.]*\)$/\1/p' "$T/torch.out")
	check "pytorch script prints 'test accuracy X' close to nnstep's ($acc): $got" \
		$PY -c "import sys; sys.exit(not (abs(float('$got') - float('$acc')) <= 0.1))"
else
	echo "FAIL: python3-torch is missing (scripts/deps.sh test installs it)"; fails=$((fails + 1))
fi
# The script's split (nnstep's splitmix64 split in Python) is nnstep's.
check "the script splits the rows as nnstep does" $PY -c "
import csv
src = open('$T/iris_torch.py').read().split('# ---- The network')[0]
env = {}
exec(src, env)
pred = list(csv.DictReader(open('$T/iris.pred')))
for name in ('train', 'val', 'test'):
    mine = sorted(int(i) + 1 for i in env[name])
    theirs = sorted(int(p['row']) for p in pred if p['split'] == name)
    assert mine == theirs, (name, mine[:5], theirs[:5])
"
# Class weights reach the loss; --bias-init leaves the output bias at 0.
$N gen churn --samples 400 --seed 1 > "$T/churn.csv"
$N code --data "$T/churn.csv" --class-weight auto --bias-init 0.1 --l2 0.001 --epochs 2 > "$T/churn_torch.py"
check "binary class weights: pos_weight=" grep -q "pos_weight=torch.tensor(\[W\[1\] / W\[0\]\])" "$T/churn_torch.py"
check "--bias-init: hidden layers only" grep -q "for m in linears\[:-1\]:   # --bias-init" "$T/churn_torch.py"
check "L2 on the weights only" grep -q '"params": \[m.bias for m in linears\], "weight_decay": 0.0' "$T/churn_torch.py"
if $PY -c "import torch" 2>/dev/null; then
	check "churn script (text columns, class weights) runs" sh -c "$PY '$T/churn_torch.py' | grep -q '^test accuracy '"
fi
$N code --data "$D/iris.csv" --class-weight 1,2,3 --epochs 1 > "$T/iris_w.py"
check "several classes: weight=" grep -q "nn.CrossEntropyLoss(weight=torch.tensor(W)" "$T/iris_w.py"
$N code --framework keras --data "$T/churn.csv" --class-weight auto --act leaky_relu --dropout 0.2 \
	--early-stop 5 --reduce-lr 3 --epochs 2 > "$T/churn_keras.py"
check "keras script compiles" $PY -m py_compile "$T/churn_keras.py"
check "keras: class_weight=" grep -q "class_weight=None if CLASS_WEIGHT is None else dict(enumerate(W))" "$T/churn_keras.py"
check "keras: prints the test accuracy" grep -q 'print(f"{EVAL} accuracy' "$T/churn_keras.py"
printf 'x,y\n' > "$T/reg.csv"; i=0; while [ $i -lt 40 ]; do echo "$i,$((i * 3)).5" >> "$T/reg.csv"; i=$((i + 1)); done
$N code --data "$T/reg.csv" --epochs 2 > "$T/reg.py"
check "regression: prints the test loss" grep -q 'print(f"{EVAL} loss' "$T/reg.py"
check "regression script compiles" $PY -m py_compile "$T/reg.py"
expect_status 2 "--framework: 'tensorflow' is not allowed (expected pytorch or keras)" -- $N code --framework tensorflow
finish
