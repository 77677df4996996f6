# Numbers a learner can check: the cost threshold is the real minimum,
# undefined metrics are null (never 0), the report carries the confusion
# matrix of every split.
. tests/cli/lib.sh
N=$NNSTEP
# Python with scikit-learn and PyTorch (Debian's, not a private one first in PATH).
PY=python3; [ -x /usr/bin/python3 ] && PY=/usr/bin/python3
py() { python3 -c "import json,sys; r=json.load(open('$1')); sys.exit(not ($2))"; }

# The threshold chosen by cost on churn: calling nobody positive costs 36
# on the validation split (36 churners x 1), cheaper than any cut nnstep
# used to try (41).
$N gen churn --samples 3000 --seed 1 > "$T/churn.csv"
$N --headless --quiet --data "$T/churn.csv" --class-weight auto --cost-fn 1 --cost-fp 5 \
	--report "$T/cost.json" >"$T/cost.out"
check "cost threshold: validation cost 36 (5 x FP + 1 x FN)" py "$T/cost.json" \
	"(lambda c: 1 * c[1][0] + 5 * c[0][1])(r['val']['confusion']['matrix']) == 36"
check "cost threshold above every validation score: nothing predicted positive" py "$T/cost.json" \
	"r['val']['confusion']['matrix'][0][1] == 0 and r['val']['confusion']['matrix'][1][1] == 0"
check "precision with no positive prediction is null, with its reason" py "$T/cost.json" \
	"r['val']['precision'] is None and r['val']['undefined']['precision'] == 'nothing is predicted positive'"
check "headless summary says n/a, never 0" grep -q "precision n/a (nothing is predicted positive)" "$T/cost.out"
check "confusion matrix names the classes" py "$T/cost.json" \
	"r['test']['confusion']['classes'] == ['no', 'yes'] and sum(map(sum, r['test']['confusion']['matrix'])) == r['test']['n']"

# One class in a split: AUC is undefined (9 rows of a, 1 of b: the b row
# goes to training, the validation split holds only a).
printf 'x,y\n' > "$T/one.csv"
for i in 1 2 3 4 5 6 7 8 9; do echo "$i,a" >> "$T/one.csv"; done
echo "10,b" >> "$T/one.csv"
$N --headless --quiet --data "$T/one.csv" --split 0.8,0.2 --epochs 2 --report "$T/one.json" >"$T/one.out"
check "AUC of a split with one class is null, with its reason" py "$T/one.json" \
	"r['val']['auc'] is None and r['val']['undefined']['auc'] == 'the split has one class only' and r['val']['recall'] is None"
check "headless: auc n/a" grep -q "auc n/a (the split has one class only)" "$T/one.out"

# Integer labels are classes: spiral.csv (labels 0, 1, 2) trains as three
# classes with no flag and says so; --task regress keeps them numbers.
D=$(cd "$(dirname "$0")/../.." && pwd)/datasets
$N --headless --data "$D/spiral.csv" --epochs 1 >"$T/spiral.out"
check "spiral.csv: 3 classes from integer labels" grep -q 'target "label": 3 classes (integer labels; --task regress to treat as numbers)' "$T/spiral.out"
check "spiral.csv: softmax + cce over 3 outputs" grep -q "network 2-4-3, loss cce" "$T/spiral.out"
$N --headless --data "$D/blobs.csv" --epochs 1 >"$T/blobs.out"
check "blobs.csv: classes" grep -q "loss cce" "$T/blobs.out"
$N --headless --data "$D/spiral.csv" --task regress --epochs 1 >"$T/spiralr.out"
check "spiral.csv --task regress: one linear output" sh -c "grep -q 'network 2-4-1, loss mse' '$T/spiralr.out' && ! grep -q 'integer labels' '$T/spiralr.out'"

# --predictions: one line per data row of every split; the report's
# figures recomputed from it with scikit-learn agree to the last digit.
$N --headless --quiet --data "$T/churn.csv" --layers 8 --epochs 5 --cost-fn 10 --cost-fp 1 \
	--predictions "$T/churn.pred" --report "$T/churn.json" >/dev/null
check "predictions: churn (binary, threshold by cost) agrees with the report" \
	$PY tests/tools/check_predictions.py "$T/churn.pred" "$T/churn.json"
check "predictions: header" sh -c "head -1 '$T/churn.pred' | grep -qx 'row,split,target,predicted,p_no,p_yes'"
check "predictions: rows 1..3000 once each, in order" $PY -c "
import csv; r=[int(x['row']) for x in csv.DictReader(open('$T/churn.pred'))]; assert r == list(range(1, 3001))"
check "predictions: row is the data row of the file" $PY -c "
import csv
src = list(csv.DictReader(open('$T/churn.csv')))
pred = list(csv.DictReader(open('$T/churn.pred')))
assert all(src[int(p['row']) - 1]['churned'] == p['target'] for p in pred)"
$N --headless --quiet --data "$D/iris.csv" --layers 8 --epochs 20 --predictions "$T/iris.pred" \
	--report "$T/iris.json" >/dev/null
check "predictions: iris (3 classes) agrees with the report" \
	$PY tests/tools/check_predictions.py "$T/iris.pred" "$T/iris.json"
$N --headless --quiet --data "$T/one.csv" --split 0.8,0.2 --epochs 2 --predictions "$T/one.pred" \
	--report "$T/one.json" >/dev/null
check "predictions: a split with one class (undefined figures) agrees" \
	$PY tests/tools/check_predictions.py "$T/one.pred" "$T/one.json"
printf 'x,y\n' > "$T/reg.csv"; i=0; while [ $i -lt 40 ]; do echo "$i,$((i * 3)).5" >> "$T/reg.csv"; i=$((i + 1)); done
$N --headless --quiet --data "$T/reg.csv" --epochs 20 --predictions "$T/reg.pred" --report "$T/reg.json" >/dev/null
check "predictions: regression (output column) agrees with the report" \
	$PY tests/tools/check_predictions.py "$T/reg.pred" "$T/reg.json"
check "predictions: regression header" sh -c "head -1 '$T/reg.pred' | grep -qx 'row,split,target,predicted,output'"
$N --headless --quiet --gen moons --epochs 2 --predictions "$T/moons.pred" >/dev/null
$N gen moons > "$T/moons.csv"
check "predictions: generated rows are those of nnstep gen" $PY -c "
import csv
src = list(csv.DictReader(open('$T/moons.csv')))
pred = list(csv.DictReader(open('$T/moons.pred')))
assert len(src) == len(pred) and all(src[int(p['row']) - 1]['label'] == p['target'] for p in pred)"
expect_status 1 "cannot" -- $N --headless --quiet --epochs 1 --predictions /nonexistent/dir/p.csv

# An exploding loss (BCE from logits stays finite) is called out: printed,
# traced, in the report's warnings and on the screen; the exit status stays 0.
$N --headless --data "$D/breast_cancer.csv" --target diagnosis --scale none --lr 1e6 --epochs 3 \
	--report "$T/boom.json" --trace "$T/boom.jsonl" --screen 80x24 >"$T/boom.out"
check "exploding loss: exit 0" test $? -eq 0
check "exploding loss: one plain sentence naming the learning rate" grep -q \
	"^epoch 1: the training loss is exploding: 554551, 779783 times the untrained network's 0.711161; the learning rate 1e+06 is too large" "$T/boom.out"
check "exploding loss: report warnings" py "$T/boom.json" \
	"[(w['kind'], w['epoch']) for w in r['warnings']] == [('exploding_loss', 1)] and 'learning rate 1e+06' in r['warnings'][0]['text']"
check "exploding loss: traced" grep -q '"event":"exploding_loss","epoch":1' "$T/boom.jsonl"
check "exploding loss: on the screen" grep -q "exploding loss: lr 1e+06 too large" "$T/boom.out"
$N --headless --quiet --data "$D/breast_cancer.csv" --target diagnosis --epochs 20 --report "$T/calm.json" >/dev/null
check "a calm run has no warnings" py "$T/calm.json" "r['warnings'] == []"

# Validation and test losses are unweighted (class weights shape training
# only): recomputed as the plain mean BCE from the predictions file.
$N --headless --quiet --data "$T/churn.csv" --layers 8 --epochs 3 --class-weight auto \
	--predictions "$T/cw.pred" --report "$T/cw.json" >/dev/null
check "class weights: validation and test losses are the plain mean BCE" $PY -c "
import csv, json, math
r = json.load(open('$T/cw.json'))
rows = list(csv.DictReader(open('$T/cw.pred')))
for s in ('val', 'test'):
    l = [-math.log(float(x['p_yes']) if x['target'] == 'yes' else float(x['p_no'])) for x in rows if x['split'] == s]
    assert abs(sum(l) / len(l) - r[s]['loss']) < 1e-9, (s, sum(l) / len(l), r[s]['loss'])
t = [(-math.log(float(x['p_yes']) if x['target'] == 'yes' else float(x['p_no'])), x['target']) for x in rows if x['split'] == 'train']
assert abs(sum(l for l, _ in t) / len(t) - r['train']['loss']) > 1e-3   # training: weighted
"
# --reduce-lr P,F,M,D: D is the improvement that counts; a huge D means
# no epoch improves, so the rate is cut every P epochs.
$N --headless --gen moons --epochs 6 --reduce-lr 2,0.5,0,1e9 >"$T/rlr.out"
check "reduce-lr with a huge min delta cuts the rate every 2 epochs after the first" sh -c \
	"[ \$(grep -c 'learning rate' '$T/rlr.out') -eq 2 ] && grep -q 'learning rate 0.05 -> 0.025' '$T/rlr.out'"
expect_status 2 "--reduce-lr" -- $N --headless --reduce-lr 2,0.5,0,-1

# Resume means resume: 3 + 2 epochs with --split 0.6,0.2,0.2 --class-weight
# auto, the second run given neither option, equal 5 epochs bit for bit.
$N gen churn --samples 1000 --seed 1 > "$T/c.csv"
$N --headless --quiet --data "$T/c.csv" --split 0.6,0.2,0.2 --class-weight auto --epochs 5 \
	--report "$T/full.json" --save "$T/full.model" >/dev/null
$N --headless --quiet --data "$T/c.csv" --split 0.6,0.2,0.2 --class-weight auto --epochs 3 \
	--save "$T/m3.model" >/dev/null
$N --headless --quiet --data "$T/c.csv" --load "$T/m3.model" --epochs 2 --report "$T/res.json" \
	--save "$T/res.model" >/dev/null
check "resume: 3 + 2 epochs, split and class weights from the checkpoint, equal 5 epochs" $PY -c "
import json
a, b = json.load(open('$T/full.json')), json.load(open('$T/res.json'))
for s in ('train', 'val', 'test'):
    assert a[s] == b[s], (s, a[s], b[s])
m, n = json.load(open('$T/full.model')), json.load(open('$T/res.model'))
assert m['layers'] == n['layers'] and m['run'] == n['run'] and m['history'] == n['history']"
check "checkpoint records the split, its rows, class weights, scaling, missing policy, threshold" py "$T/m3.model" \
	"r['run']['split'] == [0.6, 0.2, 0.2] and [len(r['run']['rows'][k]) for k in ('train','val','test')] == [600, 200, 200] and r['run']['class_weight'] == 'auto' and len(r['run']['class_weights']) == 2 and r['run']['scale'] == 'standard' and r['run']['missing'] == 'error' and r['run']['threshold'] == 0.5"
expect_status 0 "--split 0.7,0.15,0.15 replaces the checkpoint's 0.6,0.2,0.2: the rows are split anew" -- \
	$N --headless --quiet --data "$T/c.csv" --load "$T/m3.model" --split 0.7,0.15,0.15 --epochs 1
expect_status 1 "--class-weight none contradicts the checkpoint's auto" -- \
	$N --headless --quiet --data "$T/c.csv" --load "$T/m3.model" --class-weight none --epochs 1
expect_status 1 "--scale minmax contradicts the checkpoint's standard" -- \
	$N --headless --quiet --data "$T/c.csv" --load "$T/m3.model" --scale minmax --epochs 1
expect_status 1 "--threshold 0.3 contradicts the checkpoint's 0.5" -- \
	$N --headless --quiet --data "$T/c.csv" --load "$T/m3.model" --threshold 0.3 --epochs 1
check "resume: repeating the same options is fine" sh -c "$N --headless --quiet --data $T/c.csv \
	--load $T/m3.model --split 0.6,0.2,0.2 --class-weight auto --epochs 1 >/dev/null"
head -501 "$T/c.csv" > "$T/c500.csv"
expect_status 1 "expected the data the model was trained on" -- \
	$N --headless --quiet --data "$T/c500.csv" --load "$T/m3.model" --epochs 1

# After early stopping restores the best weights, the report says which
# epoch its per-layer diagnostics describe.
$N --headless --quiet --gen moons --samples 100 --noise 0.3 --layers 64,64 --act relu --optimizer adam \
	--lr 0.005 --batch 8 --epochs 200 --early-stop 20 --report "$T/es.json" >/dev/null
check "report: diagnostics of epoch 33, weights of epoch 13" py "$T/es.json" \
	"r['diagnostics_epoch'] == 33 and r['weights_epoch'] == 13 and 'epoch 33' in r['diagnostics_note'] and 'epoch 13' in r['diagnostics_note']"
check "report: no note when the weights are the last epoch's" py "$T/calm.json" \
	"r['diagnostics_epoch'] == r['weights_epoch'] == 20 and 'diagnostics_note' not in r"
finish
