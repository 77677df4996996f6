#!/bin/sh
# Static analysis: `make lint` (cppcheck, then clang-tidy with the checks of
# .clang-tidy). Passes when neither finds anything; otherwise prints what
# they said, then the findings alone, one a line.
cd "$(dirname "$0")/../.." || exit 2
for tool in cppcheck clang-tidy; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "lint: $tool is not installed (make deps-test installs it)"
		exit 1
	fi
done
out=$(make --no-print-directory lint 2>&1) && exit 0
printf '%s\n' "$out"
echo "== findings"
printf '%s\n' "$out" | grep -E '^[^ ]+:[0-9]+:[0-9]+: (error|warning|style|portability|performance):' |
    sort -u
exit 1
