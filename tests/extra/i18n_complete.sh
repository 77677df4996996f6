#!/bin/sh
# The Korean catalogue is whole: po/ko.po has no untranslated or fuzzy entry
# and covers every string of the sources (a fresh xgettext run), and every
# stop of every Korean lesson, at 80x24 and 120x40, shows no English word of
# the interface (symbols and names aside) and no character cut in half.
cd "$(dirname "$0")/../.." || exit 2
N=$PWD/build/nnstep
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
unset LANGUAGE LC_ALL LC_MESSAGES
check() { # DESCRIPTION then a command that must succeed
	d=$1; shift
	if "$@"; then echo "ok: $d"; else echo "FAIL: $d"; fails=$((fails + 1)); fi
}

msgfmt -c --statistics -o /dev/null po/ko.po 2>"$T/stats"
check "po/ko.po is complete: $(cat "$T/stats")" sh -c "grep -q 'translated messages' '$T/stats' && ! grep -Eq 'untranslated|fuzzy' '$T/stats'"
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ -o "$T/fresh.pot" src/*/*.c src/*/*.h 2>/dev/null
msgmerge --quiet --no-fuzzy-matching po/ko.po "$T/fresh.pot" -o "$T/ko.po"
msgfmt -c --statistics -o /dev/null "$T/ko.po" 2>"$T/stats"
check "po/ko.po covers every string of the sources: $(cat "$T/stats")" sh -c "! grep -Eq 'untranslated|fuzzy' '$T/stats'"

for f in lessons/ko/*.lesson; do
	for size in 80x24 120x40; do
		LANG=C.UTF-8 $N --headless --quiet --screen $size lesson "$f" >"$T/screens" 2>&1
		if python3 tests/tools/english_words.py "$T/fresh.pot" "$T/screens" >"$T/words"; then
			echo "ok: $(basename "$f") at $size: no English interface word"
		else
			echo "FAIL: $(basename "$f") at $size shows English:"; sed 's/^/    /' "$T/words"
			fails=$((fails + 1))
		fi
		check "$(basename "$f") at $size: whole characters only" sh -c "! grep -q \"\$(printf '\\357\\277\\275')\" '$T/screens'"
	done
done
[ "$fails" -eq 0 ] || { echo "$fails failed"; exit 1; }
