# The trace's numbers agree with an independent recomputation in Python.
set -e
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
$NNSTEP --headless --quiet --layers 3,2 --act tanh --loss bce --lr 0.5 --batch 3 --epochs 4 --trace "$t/a.jsonl"
python3 tests/tools/trace_reference.py "$t/a.jsonl" tanh bce 0.5 0
$NNSTEP --headless --quiet --layers 5 --act sigmoid --loss mse --lr 0.2 --l2 0.01 --batch 2 --epochs 3 --trace "$t/b.jsonl"
python3 tests/tools/trace_reference.py "$t/b.jsonl" sigmoid mse 0.2 0.01
$NNSTEP --headless --quiet --layers 4,4,4 --act elu --loss mse --lr 0.1 --batch 0 --epochs 3 --seed 7 --trace "$t/c.jsonl"
python3 tests/tools/trace_reference.py "$t/c.jsonl" elu mse 0.1 0
