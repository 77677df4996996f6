# Checkpoints: round trip, resume bit for bit, atomic save, bad files refused.
. tests/cli/lib.sh
N=$NNSTEP
cd "$T" || exit 1
C="--headless --quiet --gen moons --layers 8,8 --act relu --optimizer adam --lr 0.01 --dropout 0.2"
$N $C --epochs 10 --save full.json >/dev/null || exit 1
$N $C --epochs 4 --save a.json >/dev/null || exit 1
$N $C --load a.json --epochs 6 --save b.json >/dev/null || exit 1
check "stop after 4 + resume for 6 equals 10 uninterrupted" cmp -s full.json b.json
$N $C --load a.json --epochs 0 --save a2.json >/dev/null || exit 1
check "save, load, save again gives the same file" cmp -s a.json a2.json
check "format and version" grep -q '^{"format":"nnstep-model","version":1,"inputs":2,"loss":"bce"' a.json
check "no temporary file left" sh -c "! ls | grep -q tmp"
# an unwritable target keeps the old file and fails with status 1; as root
# (CI) the save runs as an unprivileged user, for whom the folder is read-only
cp a.json keep.json
mkdir ro && cp a.json ro/x.json && chmod 555 ro && chmod 755 "$T"
as_user=
[ "$(id -u)" -eq 0 ] && as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
expect_status 1 "ro/x.json: cannot save: Permission denied" -- $as_user $N $C --epochs 1 --save ro/x.json
check "the old file is kept after a failed save" cmp -s ro/x.json keep.json
check "a failed save leaves no temporary file" sh -c "[ \"\$(ls -a ro | wc -l)\" -eq 3 ]"
# bad files: each with its own message, status 1
printf '{"format":"nnstep-model","version":1,"inputs":2,"loss":"bce","layers":[' > trunc.json
expect_status 1 "trunc.json: line 1 column" -- $N $C --load trunc.json
sed 's/"version":1/"version":2/' a.json > v2.json
expect_status 1 "v2.json: unsupported version (expected \"version\":1)" -- $N $C --load v2.json
sed 's/"format":"nnstep-model"/"format":"other"/' a.json > fmt.json
expect_status 1 "fmt.json: not an nnstep model" -- $N $C --load fmt.json
python3 - <<'PY'
import json
m = json.load(open("a.json"))
m["layers"][0]["W"] = m["layers"][0]["W"][:-1]
json.dump(m, open("rows.json", "w"))
m = json.load(open("a.json"))
m["layers"][1]["W"][0] = m["layers"][1]["W"][0][:-1]
json.dump(m, open("cols.json", "w"))
m = json.load(open("a.json"))
m["layers"][0]["activation"] = "swish"
json.dump(m, open("act.json", "w"))
m = json.load(open("a.json"))
m["inputs"] = 3
m["layers"][0]["W"] = [r + [0.0] for r in m["layers"][0]["W"]]
del m["preprocessing"]
json.dump(m, open("inputs.json", "w"))
PY
expect_status 1 "rows.json: layer 1: W must have 8 rows (one per unit)" -- $N $C --load rows.json
expect_status 1 "cols.json: layer 2: W row 1 must have 8 numbers (one per input)" -- $N $C --load cols.json
expect_status 1 "act.json: layer 1: unknown activation" -- $N $C --load act.json
sed 's/\[0\.[0-9]*,/[NaN,/' a.json > nan.json
expect_status 1 "nan.json: line" -- $N $C --load nan.json
expect_status 1 "inputs.json: the model has 3 inputs but the data has 2" -- $N $C --load inputs.json
expect_status 1 "missing.json: cannot read" -- $N $C --load missing.json
# A model applied to new data keeps its own scaler: it is not fit again.
D=$(cd "$(dirname "$0")/../.." 2>/dev/null && pwd)/datasets/iris.csv
[ -f "$D" ] || D=/work/main/datasets/iris.csv
$N --headless --quiet --data "$D" --layers 8 --epochs 5 --save iris.json >/dev/null || exit 1
head -1 "$D" > few.csv; sed -n '2,11p;52,61p;102,111p' "$D" >> few.csv
$N --headless --quiet --data few.csv --split 1 --load iris.json --epochs 0 --save iris2.json >/dev/null || exit 1
check "the scaler of the model is used on new data, not fit again" python3 -c "
import json,sys
a=json.load(open('iris.json'))['preprocessing']; b=json.load(open('iris2.json'))['preprocessing']
sys.exit(not (a['offset']==b['offset'] and a['scale_by']==b['scale_by'] and a['classes']==b['classes']))"
# options the loaded model overrides are named in one line
$N --headless --quiet --gen moons --optimizer adam --load a.json --epochs 1 --lr 0.5 --layers 3 >/dev/null 2>notice.txt
check "a notice names --layers and --lr" grep -qx "nnstep: note: a.json sets its own --layers and --lr: the values given on the command line are not used" notice.txt
$N --headless --quiet --gen moons --optimizer adam --load a.json --epochs 1 >/dev/null 2>notice.txt
check "no notice when nothing is overridden" test ! -s notice.txt
# a model trained on other data, loaded without it, says what it needs
$N --headless --quiet --data "$OLDPWD/datasets/iris.csv" --epochs 1 --save iris.json >/dev/null
expect_status 1 "iris.json: the model needs the data it was trained on (target column \"species\", 4 inputs; expected --data FILE or --gen NAME)" -- $N --headless --load iris.json
finish
