# Every seed and every input that once crashed or hung a fuzz harness runs
# cleanly through the normal build.
cd "$(dirname "$0")/../.."
bin=$(dirname "$NNSTEP")
fail=0
for f in tests/fuzz/fuzz_*.c; do
	name=$(basename "$f" .c); name=${name#fuzz_}
	[ -x "$bin/fuzz-replay-$name" ] || { echo "missing $bin/fuzz-replay-$name"; fail=1; continue; }
	if timeout 300 "$bin/fuzz-replay-$name" tests/fuzz/corpus/$name tests/fuzz/regress/$name; then
		echo "ok: $name"
	else
		echo "FAIL: $name"; fail=1
	fi
done
exit $fail
