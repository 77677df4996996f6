#!/bin/sh
# Runs the whole test suite and ends with one line "N passed, N failed".
# NNSTEP_QUICK=1 skips the sanitizer and valgrind passes (for a fast local loop).
cd "$(dirname "$0")/.." || exit 2
pass=0
fail=0
failed_names=""

record() { # name status
	if [ "$2" -eq 0 ]; then pass=$((pass + 1)); echo "PASS: $1"
	else fail=$((fail + 1)); failed_names="$failed_names $1"; echo "FAIL: $1"; fi
}

echo "== unit tests"
build/unit-tests; record unit-tests $?

echo "== command-line and terminal tests"
for t in tests/cli/*.sh; do
	[ -f "$t" ] || continue
	[ "$(basename "$t")" = lib.sh ] && continue
	NNSTEP="$PWD/build/nnstep" sh "$t" >"build/$(basename "$t").log" 2>&1
	st=$?
	[ $st -ne 0 ] && sed 's/^/    /' "build/$(basename "$t").log" | tail -20
	record "cli/$(basename "$t" .sh)" $st
done

if [ -z "$NNSTEP_QUICK" ]; then
	for t in tests/extra/*.sh; do
		[ -f "$t" ] || continue
		sh "$t" >"build/$(basename "$t").log" 2>&1
		st=$?
		[ $st -ne 0 ] && sed 's/^/    /' "build/$(basename "$t").log" | tail -30
		record "extra/$(basename "$t" .sh)" $st
	done
fi

[ -n "$failed_names" ] && echo "failed:$failed_names"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
