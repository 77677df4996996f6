# Data and evaluation from the command line: real datasets reach their stated
# figures, reports hold their keys, bad CSV files are refused with FILE:LINE:COL.
. tests/cli/lib.sh
N=$NNSTEP
D=$(cd "$(dirname "$0")/../.." && pwd)/datasets
py() { python3 -c "import json,sys; r=json.load(open('$1')); sys.exit(not ($2))"; }
# breast cancer: standardised reaches test accuracy >= 0.95 and AUC >= 0.98; unscaled is worse.
$N --headless --quiet --data "$D/breast_cancer.csv" --target diagnosis --scale standard --layers 16 --act relu --optimizer adam --lr 0.001 --epochs 100 --report "$T/bc.json" >/dev/null
$N --headless --quiet --data "$D/breast_cancer.csv" --target diagnosis --scale none --layers 16 --act relu --optimizer adam --lr 0.001 --epochs 100 --report "$T/bcn.json" >/dev/null
check "breast cancer, standardised: test accuracy >= 0.95, AUC >= 0.98" py "$T/bc.json" "r['test']['accuracy'] >= 0.95 and r['test']['auc'] >= 0.98"
check "breast cancer, unscaled: lower test AUC" py "$T/bcn.json" "r['test']['auc'] < json.load(open('$T/bc.json'))['test']['auc'] - 0.02"
# iris: 4-8-3 softmax reaches test accuracy >= 0.93.
$N --headless --data "$D/iris.csv" --layers 8 --epochs 100 --report "$T/iris.json" >"$T/iris.out"
check "iris uses softmax + cce over 3 classes" grep -q "network 4-8-3, loss cce" "$T/iris.out"
check "iris: test accuracy >= 0.93" py "$T/iris.json" "r['test']['accuracy'] >= 0.93"
# churn: the report shows the baseline next to recall and the cost-chosen threshold.
$N --headless --gen churn --layers 16 --act relu --optimizer adam --lr 0.01 --epochs 30 --class-weight auto --cost-fn 10 --cost-fp 1 --report "$T/churn.json" >"$T/churn.out"
check "churn: baseline accuracy 0.92" py "$T/churn.json" "abs(r['baseline_accuracy'] - 0.92) < 0.01"
check "churn: a threshold chosen by cost" py "$T/churn.json" "r['threshold'] != 0.5 and 0 < r['threshold'] < 1"
check "churn: report keys" py "$T/churn.json" "all(k in r[s] for s in ('train','val','test') for k in ('loss','accuracy','precision','recall','f1','auc'))"
check "churn: threshold line printed" grep -q "minimises 10 x false negatives + 1 x false positives" "$T/churn.out"
# regression: mse, mae, r2
printf 'x,y\n' > "$T/reg.csv"; i=0; while [ $i -lt 60 ]; do echo "$i,$((i * 2 + 1))" >> "$T/reg.csv"; i=$((i + 1)); done
$N --headless --quiet --data "$T/reg.csv" --layers 8 --act relu --optimizer adam --lr 0.01 --epochs 200 --report "$T/reg.json" >"$T/reg.out"
check "regression report has mse, mae, r2" py "$T/reg.json" "all(k in r['test'] for k in ('mse','mae','r2')) and r['test']['r2'] > 0.9"
# generators: deterministic, shipped files match
$N gen moons --samples 300 --seed 1 > "$T/m1.csv"
check "gen moons --seed 1 equals datasets/moons.csv" cmp -s "$T/m1.csv" "$D/moons.csv"
$N gen moons --samples 300 --seed 2 > "$T/m2.csv"
check "another seed, another set" sh -c "! cmp -s '$T/m1.csv' '$T/m2.csv'"
expect_status 2 "unknown generator" -- $N gen wobble
# target by index, split 1
$N --headless --quiet --data "$D/iris.csv" --target 5 --split 1 --epochs 1 --report "$T/i5.json" >/dev/null
check "--target 5 --split 1 keeps all 150 rows for training" py "$T/i5.json" "r['train']['n'] == 150 and r['val'] is None"
# bad CSV files
printf 'a,b\n1,2\n3\n' > "$T/ragged.csv"
expect_status 1 "ragged.csv:3:2: row has 1 field (expected 2, as in the header)" -- $N --headless --data "$T/ragged.csv"
printf 'a,b\n1,2\nx,3\n' > "$T/text.csv"
expect_status 1 "text.csv:3:1: text \"x\" in numeric column \"a\" (expected a number)" -- $N --headless --data "$T/text.csv"
printf 'a,b\n1,\n2,3\n' > "$T/miss.csv"
expect_status 1 "miss.csv:2:2: missing value in column \"b\"" -- $N --headless --data "$T/miss.csv"
: > "$T/empty.csv"
expect_status 1 "empty.csv:1:1: empty file (expected a header row)" -- $N --headless --data "$T/empty.csv"
expect_status 1 "nothere.csv:1:1: cannot read" -- $N --headless --data "$T/nothere.csv"
expect_status 1 "no column \"nope\"" -- $N --headless --data "$D/iris.csv" --target nope
# picture inputs: the handwritten digits, --image checked against the columns
check "digits.csv: 1797 rows of 64 pixels and the digit" sh -c "[ \$(wc -l < '$D/digits.csv') -eq 1798 ] && head -1 '$D/digits.csv' | grep -q '^r0c0,.*,r7c7,digit\$'"
expect_status 1 "--image 8x9 needs 72 feature columns, but the data has 64" -- $N --headless --data "$D/digits.csv" --image 8x9
expect_status 2 "--image: '0x8' is not allowed (expected HEIGHTxWIDTH" -- $N --headless --data "$D/digits.csv" --image 0x8
expect_status 2 "--image: '8x8x' is not allowed" -- $N --headless --data "$D/digits.csv" --image 8x8x
$N --headless --quiet --data "$D/digits.csv" --image 8x8 --task classify --layers 32 --act relu --optimizer adam --lr 0.01 --epochs 5 --report "$T/dig.json" >/dev/null
check "digits: 10 classes, test accuracy above 0.9 after 5 epochs" py "$T/dig.json" "r['test']['accuracy'] > 0.9 and r['baseline_accuracy'] < 0.11"
finish
