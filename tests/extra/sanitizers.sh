# The whole suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer.
# Any report fails the run: ASan exits 99 and UBSan 98, statuses nnstep never
# uses, and the tests look for reports in stderr as well.
set -e
cd "$(dirname "$0")/../.."
# cli/fuzz_replay runs the harnesses of the build it tests: make them too.
replays=$(for f in tests/fuzz/fuzz_*.c; do n=$(basename "$f" .c); echo "build-san/fuzz-replay-${n#fuzz_}"; done)
# (and the message catalogues beside the binary, for the tests in Korean)
mos=$(for f in po/*.po; do l=$(basename "$f" .po); echo "build-san/locale/$l/LC_MESSAGES/nnstep.mo"; done)
make --no-print-directory -s SAN=1 build-san/nnstep build-san/unit-tests $replays $mos
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=98
build-san/unit-tests
fail=0
for t in tests/cli/*.sh; do
	[ "$(basename "$t")" = lib.sh ] && continue
	if NNSTEP="$PWD/build-san/nnstep" sh "$t" >"build-san/$(basename "$t").log" 2>&1; then
		echo "sanitized cli/$(basename "$t" .sh): ok"
	else
		echo "sanitized cli/$(basename "$t" .sh): FAILED"; tail -20 "build-san/$(basename "$t").log"; fail=1
	fi
	if grep -q "runtime error:\|ERROR: AddressSanitizer\|ERROR: LeakSanitizer" "build-san/$(basename "$t").log"; then
		echo "sanitizer report in cli/$(basename "$t" .sh)"; grep -m5 "runtime error:\|Sanitizer" "build-san/$(basename "$t").log"; fail=1
	fi
done
exit $fail
