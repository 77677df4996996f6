#!/bin/sh
# Numbers are read and written in the C locale whatever LC_ALL says: under a
# comma-decimal locale, options with decimals work and every JSON file nnstep
# writes loads back (the comma locale is generated into a temporary folder).
. "$(dirname "$0")/lib.sh"

if ! command -v localedef >/dev/null 2>&1; then
	echo "skipped: localedef is missing, no comma-decimal locale can be made"
	exit 0
fi
mkdir -p "$T/loc"
if ! localedef -i de_DE -f UTF-8 "$T/loc/de_DE.UTF-8" >"$T/localedef.log" 2>&1 &&
    [ ! -d "$T/loc/de_DE.UTF-8" ]; then
	echo "skipped: localedef could not make de_DE.UTF-8:"; cat "$T/localedef.log"
	exit 0
fi
de() { LOCPATH="$T/loc" LC_ALL=de_DE.UTF-8 "$@"; }

# The locale really uses a comma (otherwise this test proves nothing).
check "the generated locale's decimal point is a comma" \
    sh -c 'LOCPATH="$1" LC_ALL=de_DE.UTF-8 locale -k decimal_point | grep -qx "decimal_point=\",\""' sh "$T/loc"

check "--lr 0.5 is accepted" de "$NNSTEP" --headless -q --gen xor --lr 0.5 --epochs 3
check "--noise 0.1 is accepted by gen" sh -c \
    'LOCPATH="$1" LC_ALL=de_DE.UTF-8 "$2" gen moons --samples 40 --noise 0.1 >"$3"' \
    sh "$T/loc" "$NNSTEP" "$T/moons.csv"
check "generated CSV has decimal points" grep -q '^[-0-9]*\.[0-9]' "$T/moons.csv"
check "a CSV with decimal points trains" de "$NNSTEP" --headless -q --data "$T/moons.csv" \
    --epochs 2 --lr 0.05 --l2 0.001 --dropout 0.1

check "--save, --report, --trace, --checkpoint write" de "$NNSTEP" --headless -q --gen moons \
    --samples 60 --epochs 3 --lr 0.01 --save "$T/m.json" --report "$T/r.json" \
    --trace "$T/t.jsonl" --checkpoint "$T/c.json"
for f in m.json r.json c.json; do
	check "$f is JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/$f"
done
check "every trace line is JSON" python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1]):
    json.loads(line); n += 1
assert n > 0' "$T/t.jsonl"
check "the trace keeps lr 0.01" grep -q '"lr": *0\.01' "$T/t.jsonl"
check "the saved model loads back and resumes" de "$NNSTEP" --headless -q --gen moons \
    --samples 60 --load "$T/m.json" --epochs 5 --save "$T/m2.json"
check "the checkpoint loads back" de "$NNSTEP" --headless -q --gen moons --samples 60 \
    --load "$T/c.json" --epochs 4
check "the resaved model is JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' \
    "$T/m2.json"
check "--compare with decimals" de "$NNSTEP" --headless -q --gen xor --epochs 2 \
    --compare lr=0.1,0.5 --report "$T/cmp.json"
check "compare report is JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' \
    "$T/cmp.json"
check "the screen prints decimal points" sh -c \
    'LOCPATH="$1" LC_ALL=de_DE.UTF-8 "$2" --headless -q --gen xor --epochs 2 --lr 0.5 --screen 100x30 |
    grep -q "0\.5"' sh "$T/loc" "$NNSTEP"
check "a lesson checks under the comma locale" de "$NNSTEP" lesson 1 --headless
finish
