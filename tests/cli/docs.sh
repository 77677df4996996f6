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
# Keys: README's key table and nnstep(1)'s KEYS section name every key of
# the terminal UI's key table (nnstep --list-keys), and README's table no
# key that the table lacks.
"$NNSTEP" --list-keys >"$T/keys" || { echo "FAIL: --list-keys"; fails=$((fails + 1)); }
awk '/^\| key \| action \|/ { on = 1; next } on && /^\|---/ { next } on && /^\|/ {
	split($0, c, "|"); print c[2]; next } on { exit }' README.md |
    tr '/' ' ' | tr -s ' ' '\n' | sed 's/^\(..*\),$/\1/; /^$/d' >"$T/readme-keys"
sed -n '/^\.SH KEYS/,/^\.SH /p' man/nnstep.1 | grep -E '^\.BR? ' |
    sed 's/^\.BR\{0,1\} //; s/\\-/-/g; s/"[^"]*"/ /g; s/\\f[BRI]//g' |
    tr -s ' ' '\n' | sed 's/^\(..*\),$/\1/; /^$/d' >"$T/man-keys"
while read -r k; do
	case $k in
	Right) r="→" ;; Left) r="←" ;; Up) r="↑" ;; Down) r="↓" ;; *) r=$k ;;
	esac
	grep -qxF -- "$r" "$T/readme-keys" || { echo "FAIL: README's key table lacks $r"; fails=$((fails + 1)); }
	grep -qxF -- "$k" "$T/man-keys" || { echo "FAIL: nnstep(1) KEYS lacks $k"; fails=$((fails + 1)); }
done <"$T/keys"
# what README lists beyond the table: only the lesson and mouse keys
sed 's/^Right$/→/; s/^Left$/←/; s/^Up$/↑/; s/^Down$/↓/' "$T/keys" >"$T/keys-readme"
while read -r k; do
	case $k in mouse|click|1-4) continue ;; esac
	grep -qxF -- "$k" "$T/keys-readme" || { echo "FAIL: README lists the key $k, which the key table lacks"; fails=$((fails + 1)); }
done <"$T/readme-keys"
echo "ok: keys checked against the key table ($(wc -l <"$T/keys") codes)"
# Lesson directives: the list in lessons/README.md and in nnstep-lesson(5)
# names every word of LESSON_DIRECTIVES (src/lesson/lesson.h) and no other,
# and every directive that is played (OP) has its own entry in the man page.
sed -n '/^#define LESSON_DIRECTIVES(/,/^$/p' src/lesson/lesson.h |
    sed -n 's/.*\(OP\|PART\)([A-Z_]*, [a-z_]*, "\([^"]*\)".*/\1 \2/p' >"$T/directives"
cut -d' ' -f2 "$T/directives" | sort >"$T/dir-words"
sed -n '/^The directives, all of them:/,/^$/p' lessons/README.md | grep -o '`[^`]*`' | tr -d '`' |
    sort >"$T/readme-dirs"
sed -n '/^The directives, all of them:$/,/^\.\(PP\|SH\)/p' man/nnstep-lesson.5 |
    sed -n 's/^\.B //p' | sed 's/\\-/-/g' | tr -s ' ' '\n' | sed '/^$/d' | sort >"$T/man-dirs"
check "LESSON_DIRECTIVES has directives" test "$(wc -l <"$T/dir-words")" -ge 10
check "lessons/README.md lists every lesson directive and no other" \
    cmp -s "$T/dir-words" "$T/readme-dirs"
check "nnstep-lesson(5) lists every lesson directive and no other" \
    cmp -s "$T/dir-words" "$T/man-dirs"
awk 'prev == ".TP" { print } { prev = $0 }' man/nnstep-lesson.5 |
    sed 's/^\.B[IR]\{0,1\} "*//; s/^\\fB//; s/[ \\"].*//' | sort -u >"$T/man-entries"
while read -r kind w; do
	[ "$kind" = OP ] || continue
	grep -qxF -- "$w" "$T/man-entries" || { echo "FAIL: nnstep-lesson(5) has no entry for $w"; fails=$((fails + 1)); }
done <"$T/directives"
finish
