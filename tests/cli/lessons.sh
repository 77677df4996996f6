# Lessons: every lesson of both languages replays headless with all its checks
# passing; English and Korean lessons share their directives; every bad lesson
# is refused with its exact message before anything runs; a failing check
# gives FILE:LINE and exit 1; finding and listing lessons.
. tests/cli/lib.sh
cd "$(dirname "$0")/../.." || exit 1
N=$NNSTEP
export NNSTEP_LESSONS="$PWD/lessons"
export TMPDIR="$T"

if ! $N --list-lessons >/dev/null 2>"$T/err"; then
	echo "FAIL: $N cannot list lessons: $(head -1 "$T/err")"
	echo "(the program must be linked with the lesson commands of src/lesson/front.h)"
	exit 1
fi

# Every lesson, both languages: all checks pass.
for lang in en ko; do
	for f in lessons/$lang/*.lesson; do
		name=$(basename "$f" .lesson)
		$N --headless --quiet --lang $lang lesson "$name" >"$T/out" 2>"$T/err"
		rc=$?
		# The summary line is in the lesson's language.
		if [ $lang = en ]; then want="^lesson $name: [1-9][0-9]* expects passed, 0 failed$"
		else want="^강의 $name: 확인 [1-9][0-9]*개 통과, 0개 실패$"; fi
		if [ $rc -eq 0 ] && grep -Eq "$want" "$T/out"; then
			echo "ok: $lang/$name: $(cat "$T/out")"
		else
			echo "FAIL: $lang/$name (exit $rc)"; cat "$T/out" "$T/err"; fails=$((fails + 1))
		fi
	done
done

# The same lessons in both languages, with the same directives: only text
# lines (title, >, ask, -, explain) and comments may differ.
directives() { grep -Ev '^[[:space:]]*(>|#|title |ask |- |-$|explain )' "$1" | grep -v '^[[:space:]]*$'; }
check "en and ko hold the same lessons" sh -c "[ \"\$(ls lessons/en)\" = \"\$(ls lessons/ko)\" ]"
for f in lessons/en/*.lesson; do
	b=$(basename "$f")
	directives "$f" >"$T/en.d"
	directives "lessons/ko/$b" >"$T/ko.d"
	check "$b: English and Korean directives are identical" cmp -s "$T/en.d" "$T/ko.d"
done

# Bad lessons: exit 1, exactly the expected first message; parse errors before
# anything runs (nothing on stdout).
for f in tests/data/lessons/bad/*.lesson; do
	want=$(cat "${f%.lesson}.err")
	$N --headless lesson "$f" >"$T/out" 2>"$T/err"
	rc=$?
	got=$(head -1 "$T/err")
	if [ $rc -ne 1 ] || [ "$got" != "$want" ]; then
		echo "FAIL: $f (exit $rc)"; echo "  want: $want"; echo "  got:  $got"; fails=$((fails + 1))
		continue
	fi
	case $f in
	*/runtime_*) echo "ok: $f -> $got" ;;
	*) check "$f -> $got (and nothing ran)" sh -c "! test -s '$T/out'" ;;
	esac
done

# A lesson too large to read.
{ echo "title Big"; i=0; while [ $i -lt 1100 ]; do printf '# %01020d\n' 0; i=$((i + 1)); done; } >"$T/big.lesson"
expect_status 1 "big.lesson:1:1: lesson is too large (expected at most 1048576 bytes)" -- $N --headless lesson "$T/big.lesson"

# A failing check: FILE:LINE on stderr, the lesson goes on, exit 1.
F=tests/data/lessons/failing.lesson
expect_status 1 "$F:6: expect FAILED: loss < 0.001 (actual " -- $N --headless lesson $F
check "failing check: the summary counts it" grep -qx "lesson failing: 2 expects passed, 1 failed" "$T/out"
check "failing check: passes are listed" grep -q "^$F:5: expect ok: epoch == 3 (actual 3)$" "$T/out"
$N --headless --quiet lesson $F >"$T/out" 2>/dev/null
check "--quiet prints only the summary" sh -c "[ \"\$(cat '$T/out')\" = 'lesson failing: 2 expects passed, 1 failed' ]"

# Finding lessons: by name, by its part after the number, by number; a file.
for arg in 01-neuron neuron 1; do
	$N --headless --quiet lesson $arg >"$T/out" 2>&1
	check "lesson $arg finds 01-neuron" grep -q "^lesson 01-neuron: " "$T/out"
done
$N --headless --quiet lesson lessons/ko/03-layers.lesson >"$T/out" 2>&1
check "a lesson file by path (a Korean one speaks Korean)" grep -q "^강의 03-layers: " "$T/out"
$N --headless --quiet --lang en lesson lessons/ko/03-layers.lesson >"$T/out" 2>&1
check "--lang en keeps the interface English" grep -q "^lesson 03-layers: " "$T/out"
expect_status 2 "no lesson 'nosuch' in $NNSTEP_LESSONS/en (see nnstep --list-lessons)" -- $N --headless --lang en lesson nosuch
expect_status 2 "./nosuch.lesson: no such lesson file" -- $N --headless lesson ./nosuch.lesson

# --list-lessons: curriculum order, titles in the chosen language, the
# language from the locale by default.
$N --list-lessons --lang en >"$T/en.list"
nles=$(ls lessons/en/*.lesson | wc -l)
last=$(basename "$(ls lessons/en/*.lesson | tail -1)" .lesson)
check "every English lesson listed ($nles)" sh -c "[ \$(wc -l <'$T/en.list') -eq $nles ]"
check "listed in curriculum order" sh -c "head -1 '$T/en.list' | grep -q '^01-neuron  *The neuron' && tail -1 '$T/en.list' | grep -q '^$last  '"
LANG=ko_KR.UTF-8 LC_ALL= LC_MESSAGES= $N --list-lessons >"$T/ko.list"
check "Korean titles from LANG=ko_KR.UTF-8" grep -q '^01-neuron  *뉴런: 가중합, 편향, 활성화 함수$' "$T/ko.list"
LANG=C LC_ALL= LC_MESSAGES= $N --list-lessons --lang ko >"$T/ko2.list"
check "--lang ko wins over the locale" cmp -s "$T/ko.list" "$T/ko2.list"

# The installed layout: the lessons beside the program, data above them.
mkdir -p "$T/inst/bin" "$T/inst/share/nnstep"
cp "$N" "$T/inst/bin/nnstep"
cp -R lessons "$T/inst/share/nnstep/lessons"
cp -R datasets "$T/inst/share/nnstep/datasets"
(cd "$T" && env -u NNSTEP_LESSONS "$T/inst/bin/nnstep" --headless --quiet lesson 10-scaling) >"$T/out" 2>&1
check "installed: a lesson with a data file replays" grep -q "^lesson 10-scaling: [0-9]* expects passed, 0 failed$" "$T/out"

# The screen of every stop, drawn as the terminal UI draws it.
$N --headless --quiet --screen 120x40 --lang en lesson 01-neuron >"$T/screens" 2>&1
sed -n '/^lesson 01-neuron: stop 3\/9$/,/\f/p' "$T/screens" >"$T/stop3"
check "screen at a stop: title and progress" grep -q "stop 3/9  The neuron: weighted sum, bias, activation" "$T/stop3"
check "screen at a stop: the narration with its numbers" grep -q "z = 0.574 × (-1.08) + 0.0578 × (-1.42) + 0 = -0.700" "$T/stop3"
check "screen at a stop: the inspector shows the same numbers" grep -q "= 0.574×(-1.08) + 0.0578×(-1.42) + 0" "$T/stop3"
sed -n '/^lesson 01-neuron: stop 4\/9$/,/\f/p' "$T/screens" >"$T/stop4"
check "screen at a question: the question and its choices" sh -c "grep -q 'Is it right?' '$T/stop4' && grep -q '2  No  *│' '$T/stop4'"
check "one screen per stop" sh -c "[ \$(grep -c '^lesson 01-neuron: stop [0-9]/9$' '$T/screens') -eq 9 ]"
$N --headless --quiet --screen 100x30 --lang ko lesson 02-activations >"$T/screens" 2>&1
check "screen of a Korean lesson" grep -q "활성화 함수: 시그모이드, tanh, ReLU, leaky ReLU" "$T/screens"

# The lesson's private folder is gone afterwards.
check "no lesson files left behind" sh -c "! ls '$T' | grep -q nnstep-lesson"

# The example of the manual page is a lesson that passes.
sed -n '/^\.EX/,/^\.EE/p' man/nnstep-lesson.5 | sed '1d;$d' | sed 's/\\-/-/g; s/\\(md\\&/·/g' >"$T/example.lesson"
$N --headless --quiet lesson "$T/example.lesson" >"$T/out" 2>&1
check "the manual's example passes" grep -q "^lesson example: 2 expects passed, 0 failed$" "$T/out"
if command -v man >/dev/null 2>&1; then
	check "nnstep-lesson.5 renders cleanly" sh -c "MANWIDTH=80 man --warnings -l man/nnstep-lesson.5 2>&1 >/dev/null | (! grep .)"
fi
# The language reference names every directive and quantity.
for w in title set reset step run pause focus select highlight compare expect ask answer explain save load threshold \
	loss batch_loss train_loss val_loss accuracy val_accuracy precision recall f1 auc baseline_accuracy \
	dead_fraction saturated_fraction grad_rms dz_rms update_ratio grad_ratio weight bias grad slope \
	phase epoch step lr diverged stopped_early best_epoch; do
	check "README and man page document $w" sh -c "grep -q -- '$w' lessons/README.md && grep -q -- '$w' man/nnstep-lesson.5"
done
finish
