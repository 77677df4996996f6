# The interface in Korean through gettext: the catalogue, choosing the
# language, and a Korean lesson in a locale that is not UTF-8.
. tests/cli/lib.sh
cd "$(dirname "$0")/../.." || exit 1

check "po/ko.po is a valid catalogue" msgfmt -c -o /dev/null po/ko.po

# Only C.UTF-8 and C need to exist: a Korean lesson under C says what to do.
expect_status 1 "LANG=C.UTF-8" -- env -u LANGUAGE LC_ALL=C $NNSTEP lesson 1 --lang ko
check "the UTF-8 message is also in romanized Korean" grep -q "lokeil" "$T/err"
expect_status 1 "needs a UTF-8 locale" -- env -u LANGUAGE LC_ALL=C $NNSTEP lesson lessons/ko/01-neuron.lesson
finish
