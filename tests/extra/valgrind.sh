# Headless training runs (and a lesson replay, when lessons exist) under
# valgrind memcheck: no errors and no leaks, definite, indirect or possible.
cd "$(dirname "$0")/../.."
V="valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --show-leak-kinds=definite,indirect,possible"
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail=0
run() {
	if $V "$@" >"$t/out" 2>"$t/err"; then echo "valgrind ok: $*"
	else st=$?; [ $st -eq 9 ] && { echo "valgrind FAILED: $*"; cat "$t/err"; fail=1; } || \
		{ grep -q "==" "$t/err" && { echo "valgrind report: $*"; cat "$t/err"; fail=1; } || echo "valgrind ok (status $st): $*"; }
	fi
}
run build/nnstep --headless --quiet --gen moons --layers 8,8 --act relu --optimizer adam --epochs 3 --early-stop 2 --trace "$t/tr" --save "$t/m.json" --report "$t/r.json"
run build/nnstep --headless --quiet --gen moons --load "$t/m.json" --epochs 2
run build/nnstep --headless --quiet --gen churn --samples 400 --compare optimizer=sgd,adam --epochs 2
run build/nnstep --headless --quiet --data datasets/iris.csv --layers 8 --epochs 2 --screen 100x30
run build/nnstep --headless --data datasets/breast_cancer.csv --scale none --act relu --loss mse --lr 100 --epochs 10
run build/nnstep --headless --data /nonexistent.csv
run build/nnstep --headless --lr -1
run build/nnstep --headless --load tests/hostile/files/epoch-ahead.json
run build/nnstep --headless --load tests/hostile/files/csv-model.json
ln -s real.json "$t/link.json"
run build/nnstep --headless --quiet --gen xor --epochs 2 --save "$t/link.json" --predictions "$t/p.csv"
run build/nnstep --headless --quiet --data datasets/xor.csv --trace datasets/xor.csv
if ls lessons/en/*.lesson >/dev/null 2>&1; then
	run build/nnstep --headless lesson "$(ls lessons/en/*.lesson | head -1)"
fi
exit $fail
