#!/bin/sh
# Builds each named harness with libFuzzer, AddressSanitizer and UBSan (clang)
# and runs it for $FUZZ_SECONDS seconds on a copy of its seed corpus. A crash
# or hang is saved under tests/fuzz/regress/NAME/, which `make test` replays.
set -e
cd "$(dirname "$0")/.."
secs=${FUZZ_SECONDS:-60}
out=build-fuzz
flags="-g -O1 -std=c11 -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED -D_DEFAULT_SOURCE -DNNSTEP_VERSION=\"fuzz\" -DNNSTEP_SHAREDIR=\"/nonexistent\" -ffp-contract=off -Isrc -fsanitize=address,undefined"
mkdir -p $out
objs=""
for f in $(ls src/*/*.c | grep -v src/cli/main.c); do
	o=$out/$(echo "$f" | tr / _ | sed 's/\.c$/.o/')
	if [ ! -f "$o" ] || [ "$f" -nt "$o" ]; then
		clang $flags -fsanitize=fuzzer-no-link $(pkg-config --cflags ncursesw jansson | sed 's/-D_XOPEN_SOURCE=[0-9]*//; s/-D_DEFAULT_SOURCE//') -c "$f" -o "$o"
	fi
	objs="$objs $o"
done
rm -f $out/libnnstep.a
ar rcs $out/libnnstep.a $objs
status=0
for name in "$@"; do
	clang $flags -fsanitize=fuzzer tests/fuzz/fuzz_$name.c $out/libnnstep.a -o $out/fuzz-$name \
		$(pkg-config --libs ncursesw jansson) -lcsv -lm
	mkdir -p $out/corpus-$name tests/fuzz/regress/$name
	cp tests/fuzz/corpus/$name/* $out/corpus-$name/ 2>/dev/null || true
	echo "fuzzing $name for $secs s"
	if ! $out/fuzz-$name -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix=tests/fuzz/regress/$name/ $out/corpus-$name >$out/fuzz-$name.log 2>&1; then
		echo "fuzz $name: found a problem (see $out/fuzz-$name.log and tests/fuzz/regress/$name/)"
		tail -30 $out/fuzz-$name.log
		status=1
	fi
	grep -E "^#[0-9]+.*(DONE|pulse)" $out/fuzz-$name.log | tail -1
done
exit $status
