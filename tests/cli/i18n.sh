# The interface in Korean through gettext: the language follows --lang or
# the locale (with only C.UTF-8 installed), and a Korean lesson in a locale
# that is not UTF-8 says what to do. (tests/extra/i18n_complete.sh checks that
# the catalogue is complete and that no stop of a Korean lesson shows English.)
. tests/cli/lib.sh
cd "$(dirname "$0")/../.." || exit 1
N=$NNSTEP
unset LANGUAGE LC_ALL LC_MESSAGES

check "po/ko.po is a valid catalogue" msgfmt -c -o /dev/null po/ko.po
check "the build holds the compiled catalogue" test -s "$(dirname "$N")/locale/ko/LC_MESSAGES/nnstep.mo"

# --help and a headless run in Korean; English stays the default.
LANG=C.UTF-8 $N --lang ko --help >"$T/help" 2>&1
check "--lang ko --help is Korean" sh -c "grep -q '^사용법: nnstep' '$T/help' && grep -q '학습률 (기본값 0.1)' '$T/help'"
LANG=C.UTF-8 $N --help >"$T/help" 2>&1
check "--help is English by default" grep -q '^usage: nnstep' "$T/help"
LANG=C.UTF-8 $N --headless --lang ko --epochs 3 >"$T/out" 2>&1
check "a headless --lang ko run prints Korean lines" sh -c "grep -q '^에폭 3/3  손실 ' '$T/out' && grep -q '^3 에폭 뒤에 학습을 마쳤습니다' '$T/out' && grep -q '^  학습 손실 ' '$T/out'"
expect_status 2 "값은 쓸 수 없습니다 (기대한 값: xor, circles" -- env LANG=C.UTF-8 $N --headless --lang ko --gen nope
expect_status 2 "알 수 없는 옵션 --nope" -- env LANG=C.UTF-8 $N --nope --lang=ko

# The locale decides without --lang, as gettext has it. ko_KR.UTF-8 need
# not be installed: C.UTF-8 carries the characters.
LANG=ko_KR.UTF-8 $N --headless --epochs 1 >"$T/out" 2>&1
check "LANG=ko_KR.UTF-8 (not installed) gives Korean" grep -q '^에폭 1/1  손실' "$T/out"
LANG=C.UTF-8 LANGUAGE=ko $N --headless --epochs 1 >"$T/out" 2>&1
check "LANGUAGE=ko under C.UTF-8 gives Korean" grep -q '^에폭 1/1  손실' "$T/out"
LANG=en_US.UTF-8 LC_MESSAGES=ko_KR.UTF-8 $N --headless --epochs 1 >"$T/out" 2>&1
check "LC_MESSAGES=ko_KR.UTF-8 gives Korean" grep -q '^에폭 1/1  손실' "$T/out"
LANG=C LANGUAGE=ko $N --headless --epochs 1 >"$T/out" 2>&1
check "LANGUAGE is ignored under LANG=C, as gettext does" grep -q '^epoch 1/1  loss' "$T/out"
LANG=ko_KR.UTF-8 $N --headless --epochs 1 --lang en >"$T/out" 2>&1
check "--lang en wins over a Korean locale" grep -q '^epoch 1/1  loss' "$T/out"

# A Korean lesson speaks Korean without --lang; --lang en keeps English.
LANG=C.UTF-8 $N --headless --quiet lesson lessons/ko/01-neuron.lesson >"$T/out" 2>&1
check "a Korean lesson opened without --lang is Korean" grep -Eq '^강의 01-neuron: 확인 [0-9]+개 통과, 0개 실패$' "$T/out"

# Not UTF-8: a Korean lesson says, in English and romanized Korean, how to
# get a UTF-8 locale, instead of question marks.
expect_status 1 "LANG=C.UTF-8" -- env LC_ALL=C $N lesson 1 --lang ko
check "the UTF-8 message is also in romanized Korean" grep -q "lokeil-i piryohamnida" "$T/err"
check "and holds no byte outside ASCII" sh -c "! LC_ALL=C grep -q '[^ -~]' '$T/err'"
expect_status 1 "needs a UTF-8 locale" -- env LC_ALL=C $N lesson lessons/ko/01-neuron.lesson
# Error messages of the data readers, the lesson parser and the checkpoint
# loader are Korean too; the file:line:col prefix, quoted names and option
# names stay as they are, and the English texts do not change.
printf 'a,b,y\n1,2,0\n3,x,1\n' >"$T/bad.csv"
expect_status 1 'bad.csv:3:2: 숫자 열 "b"에 텍스트 "x"이(가) 있습니다 (숫자여야 합니다)' -- env LANG=C.UTF-8 $N --lang ko --headless --data "$T/bad.csv"
expect_status 1 'bad.csv:3:2: text "x" in numeric column "b" (expected a number)' -- env LANG=C.UTF-8 $N --headless --data "$T/bad.csv"
printf 'a,b,y\n1,2,0\n3,4\n' >"$T/short.csv"
expect_status 1 'short.csv:3:3: 행의 필드가 2개입니다 (헤더처럼 3개여야 합니다)' -- env LANG=C.UTF-8 $N --lang ko --headless --data "$T/short.csv"
printf 'title T\nsay hi\n' >"$T/bad.lesson"
expect_status 1 "bad.lesson:2:1: 알 수 없는 지시문 'say', 'save'을(를) 뜻했나요?" -- env LANG=C.UTF-8 $N lesson "$T/bad.lesson" --lang ko --headless
expect_status 1 "bad.lesson:2:1: unknown directive 'say', did you mean 'save'?" -- env LANG=C.UTF-8 $N lesson "$T/bad.lesson" --headless
printf 'title T\nstep\n' >"$T/bad2.lesson"
expect_status 1 'bad2.lesson:2:' -- env LANG=C.UTF-8 $N lesson "$T/bad2.lesson" --lang ko --headless
check "a lesson's missing word is named in Korean" grep -qF '무엇을 진행할지 없습니다 (phase, batch, epoch 중 하나여야 합니다)' "$T/err"
printf '{"format": 1' >"$T/bad.json"
expect_status 1 'bad.json: 1행 12열: ' -- env LANG=C.UTF-8 $N --lang ko --headless --load "$T/bad.json"
check "a broken checkpoint is named in Korean" grep -qF '(JSON 모델이어야 합니다)' "$T/err"
expect_status 1 'bad.json: line 1 column 12: ' -- env LANG=C.UTF-8 $N --headless --load "$T/bad.json"
# Every Korean lesson glosses the first use of each term of the glossary
# with the English term, and the check catches a lesson that does not.
check "the first use of each glossary term in a Korean lesson has the English term" python3 tests/tools/glossary_first.py lessons/ko/*.lesson
printf 'title T\n> *가중치*를 바꿉니다. 가중치(weight)는 수입니다.\n' >"$T/gloss.lesson"
check "a lesson whose first 가중치 lacks (weight) fails the check" sh -c "! python3 tests/tools/glossary_first.py '$T/gloss.lesson' >'$T/gl' && grep -q 'first use of 가중치 lacks (weight)' '$T/gl'"
finish
