#!/bin/sh
# Runs every built benchmark (bench/build/bench_*), one after the other.
# NNSTEP_BENCH_SECONDS sets the shortest timed run (default 0.5 s).
cd "$(dirname "$0")" || exit 1
status=0
echo "machine: $(nproc) CPUs, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p')"
for b in build/bench_*; do
	[ -x "$b" ] || continue
	echo
	echo "== $(basename "$b")"
	"./$b" || { echo "$(basename "$b") failed" >&2; status=1; }
done
exit $status
