# Output targets: devices, FIFOs and symbolic links, an output that is an
# input, closed, full and broken standard output, killed saves.
. tests/cli/lib.sh
N=$NNSTEP
ROOT=$PWD
cd "$T" || exit 1
C="--headless --quiet --gen xor --epochs 2"
cp "$ROOT/datasets/xor.csv" data.csv

# a target that exists and is not a regular file is refused before training
expect_status 1 "/dev/full: cannot save: it is not a regular file (expected a file or a new name)" -- $N $C --save /dev/full
check "/dev/full is still a device" test -c /dev/full
mkfifo fifo
expect_status 1 "fifo: cannot save: it is not a regular file" -- $N $C --report fifo
check "the FIFO is still a FIFO" test -p fifo
mkdir folder
expect_status 1 "folder: cannot save: it is not a regular file" -- $N $C --checkpoint folder
# a symbolic link is written through: the link stays, its target is replaced
# atomically and keeps its mode
echo old > real.json
chmod 640 real.json
ln -s real.json link.json
$N $C --save link.json >/dev/null
check "the link is still a link" test -L link.json
check "its target holds the model" grep -q '"format":"nnstep-model"' real.json
check "its target keeps its mode" test "$(stat -c %a real.json)" = 640
check "no temporary file is left" test "$(ls -a | grep -c '^\.real\|tmp')" -eq 0
# a dangling link gets its target created
ln -s made.json dangling.json
$N $C --save dangling.json >/dev/null
check "a dangling link's target is created" grep -q nnstep-model made.json

# an output that is one of the inputs is refused, whatever name it has
cp data.csv before.csv
expect_status 1 "data.csv: --trace would overwrite the --data file (expected another name for the output)" -- $N --headless --data data.csv --trace data.csv
ln -s data.csv alias.csv
expect_status 1 "alias.csv: --report would overwrite the --data file" -- $N --headless --data data.csv --report alias.csv
ln data.csv hard.csv
expect_status 1 "hard.csv: --save would overwrite the --data file" -- $N --headless --data data.csv --save hard.csv
expect_status 1 "data.csv: --predictions would overwrite the --data file" -- $N --headless --data data.csv --predictions data.csv
expect_status 1 "data.csv: --record would overwrite the --data file" -- $N --data data.csv --record data.csv
$N $C --save m.json >/dev/null
cp m.json m-before.json
expect_status 1 "m.json: --save would overwrite the --load file" -- $N $C --load m.json --save m.json
expect_status 1 "m.json: --checkpoint would overwrite the --load file" -- $N $C --load m.json --checkpoint m.json
check "the data file is intact" cmp -s data.csv before.csv
check "the model file is intact" cmp -s m.json m-before.json
# the trace is opened only once the inputs are good: a typo keeps the old one
$N $C --trace t.jsonl >/dev/null
cp t.jsonl t-before.jsonl
expect_status 1 "nosuch.csv" -- $N --headless --data nosuch.csv --trace t.jsonl
check "a bad --data leaves the old trace" cmp -s t.jsonl t-before.jsonl

# stdout closed: the trace must not receive the epoch lines
$N --headless --gen xor --epochs 3 --trace closed.jsonl >&-
check "closed stdout: exit 0" test $? -eq 0
check "closed stdout: the trace holds only JSON" sh -c "! grep -qv '^{' closed.jsonl"
# a reader that goes away stops the printing, not the training and its files
$N --headless --gen xor --epochs 50 --save piped.json --report piped-report.json | head -1 >/dev/null
check "| head -1: the model is saved" grep -q nnstep-model piped.json
check "| head -1: the report is written" test -s piped-report.json
sh -c "$N --headless --gen xor --epochs 50 --save piped2.json; echo \$? > piped2.rc" | head -1 >/dev/null
check "| head -1: exit status 0" test "$(cat piped2.rc)" = 0
# a full stdout is a write error: status 1 and a message
for args in "--headless --gen xor --epochs 2" "--headless --gen xor --epochs 1 --screen 80x24" \
    "--help" "--headless lesson $ROOT/lessons/en/01-neuron.lesson" "--list-lessons"; do
	# shellcheck disable=SC2086
	(cd "$ROOT" && $N $args >/dev/full 2>"$T/full.err")
	st=$?
	if [ $st -eq 1 ] && grep -q "cannot write the standard output" full.err; then
		echo "ok: $args >/dev/full -> 1"
	else
		echo "FAIL: $args >/dev/full exited $st"; cat full.err; fails=$((fails + 1))
	fi
done

# killed saves: no temporary file left, the old file intact or the new one whole
$N --headless --quiet --gen xor --layers 1024,1024 --epochs 1 --save big.json >/dev/null
cp big.json big-old.json
for d in 0.05 0.1 0.15 0.2 0.25 0.3; do
	$N --headless --quiet --gen xor --layers 1024,1024 --epochs 1 --seed 2 --save big.json >/dev/null &
	pid=$!
	sleep $d
	kill -TERM $pid 2>/dev/null
	wait $pid
done
check "killed saves leave no temporary file" test "$(ls -a | grep -c '^\.big')" -eq 0
check "after killed saves the model is whole" python3 -c "import json; json.load(open('big.json'))"
finish
