# Numbers a learner can check: the cost threshold is the real minimum,
# undefined metrics are null (never 0), the report carries the confusion
# matrix of every split.
. tests/cli/lib.sh
N=$NNSTEP
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
finish
