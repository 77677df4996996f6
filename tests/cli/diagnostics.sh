# What a learner should see, headless: vanishing gradients, dead ReLU,
# divergence, early stopping, and --compare agreeing with separate runs.
. tests/cli/lib.sh
N=$NNSTEP
json() { python3 -c "import json,sys; r=json.load(open('$1')); print($2)"; }
# Vanishing gradients: six sigmoid layers on moons vs relu, same seed and init.
$N --headless --quiet --gen moons --layers 16,16,16,16,16,16 --act sigmoid --epochs 1 --report "$T/sig.json" >/dev/null
$N --headless --quiet --gen moons --layers 16,16,16,16,16,16 --act relu --epochs 1 --report "$T/relu.json" >/dev/null
rs=$(json "$T/sig.json" "r['grad_ratio']"); rr=$(json "$T/relu.json" "r['grad_ratio']")
echo "grad_ratio sigmoid $rs relu $rr"
check "sigmoid's gradient ratio is at least 100x smaller than relu's" python3 -c "import sys; sys.exit(not ($rs * 100 <= $rr))"
# Dead ReLU: a negative bias init kills at least 30% of a hidden layer; leaky_relu has none.
$N --headless --quiet --gen moons --layers 16,16 --act relu --bias-init -1 --epochs 20 --report "$T/dead.json" >/dev/null
$N --headless --quiet --gen moons --layers 16,16 --act leaky_relu --bias-init -1 --epochs 20 --report "$T/leaky.json" >/dev/null
check "relu with bias -1: a hidden layer >= 30% dead" python3 -c "import json,sys; r=json.load(open('$T/dead.json')); sys.exit(not max(l['dead_fraction'] for l in r['layers']) >= 0.3)"
check "leaky_relu: no dead units" python3 -c "import json,sys; r=json.load(open('$T/leaky.json')); sys.exit(not all(l['dead_fraction'] == 0 for l in r['layers']))"
# Divergence: unscaled breast cancer data, a huge learning rate: status 3, the place named, no NaN printed.
D=$(dirname "$0")/../../datasets/breast_cancer.csv
[ -f "$D" ] || D=/work/shared/datasets/breast_cancer.csv
$N --headless --data "$D" --scale none --layers 16 --act relu --loss mse --lr 100 --epochs 20 --report "$T/div.json" >"$T/out" 2>"$T/err"
st=$?
cat "$T/err"
check "diverged run exits 3" test $st -eq 3
check "message names the first bad place" grep -q "training diverged at epoch [0-9]*, batch [0-9]*: the loss became NaN or infinite in the loss phase" "$T/err"
check "no NaN printed" sh -c "! grep -qi nan '$T/out'"
check "report names the divergence" python3 -c "import json,sys; d=json.load(open('$T/div.json'))['diverged']; sys.exit(not (d['phase']=='loss' and d['quantity']=='loss'))"
# Early stopping restores the best epoch: a big network on a small noisy set overfits.
$N --headless --gen moons --samples 60 --noise 0.35 --layers 128,128 --act relu --optimizer adam --lr 0.01 --batch 8 --epochs 300 --early-stop 10 --checkpoint "$T/best.json" --save "$T/final.json" --trace "$T/es.jsonl" >"$T/es" 2>&1
grep -E "early stop|restoring" "$T/es"
check "early stopping fired" grep -q "validation loss has not improved for 10 epochs; restoring weights of epoch" "$T/es"
check "best checkpoint equals the restored final weights" python3 -c "
import json,sys
a=json.load(open('$T/best.json')); b=json.load(open('$T/final.json'))
sys.exit(not all(x['W']==y['W'] and x['b']==y['b'] for x,y in zip(a['layers'],b['layers'])))"
check "trace records the callback" grep -q '"event":"early_stop"' "$T/es.jsonl"
# Compare: the table's numbers equal those of separate runs.
$N --headless --gen moons --compare act=sigmoid,relu --layers 8,8 --epochs 2 >"$T/cmp"
$N --headless --gen moons --act relu --layers 8,8 --epochs 2 >"$T/one"
l1=$(awk '/^epoch 2\/2/ {print $4}' "$T/one")
l2=$(awk '/act=relu/ && NF > 6 {v=$2} END {print v}' "$T/cmp")
echo "separate $l1 compared $l2"
check "compare row equals the separate run" test "$l1" = "$l2"
$N --headless --quiet --gen moons --compare act=sigmoid,relu --layers 8,8 --epochs 2 --report "$T/cmp.json" >/dev/null
$N --headless --quiet --gen moons --act relu --layers 8,8 --epochs 2 --report "$T/one.json" >/dev/null
check "compare report: one report per run, with its setting" python3 -c "
import json,sys
r=json.load(open('$T/cmp.json')); one=json.load(open('$T/one.json'))
runs=r['runs']
ok=len(runs)==2 and [x['value'] for x in runs]==['sigmoid','relu'] and all(x['setting']=='act' for x in runs)
ok=ok and runs[1]['val']==one['val'] and runs[1]['layers']==one['layers'] and runs[1]['grad_ratio']==one['grad_ratio']
sys.exit(not ok)"
finish
