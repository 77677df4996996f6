# The man page and the README name every option --help lists, and the man
# page renders without warnings.
. tests/cli/lib.sh
cd "$(dirname "$0")/../.." || exit 1
for o in $($NNSTEP --help | grep -o -- '--[a-z0-9-]*' | sort -u); do
	check "man page lists $o" grep -q -- "$(echo "$o" | sed 's/-/\\\\-/g')" man/nnstep.1
done
if command -v man >/dev/null 2>&1; then
	check "nnstep.1 renders cleanly" sh -c "MANWIDTH=80 man --warnings -l man/nnstep.1 2>&1 >/dev/null | (! grep .)"
fi
finish
