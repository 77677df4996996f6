# The same options and seed give byte-identical traces; another seed does not.
. tests/cli/lib.sh
N=$NNSTEP
C="--headless --quiet --gen moons --layers 8,8 --act relu --optimizer adam --lr 0.01 --batch 16 --epochs 3 --dropout 0.2"
$N $C --seed 5 --trace "$T/a" >/dev/null || exit 1
$N $C --seed 5 --trace "$T/b" >/dev/null || exit 1
$N $C --seed 6 --trace "$T/c" >/dev/null || exit 1
check "same seed, same trace" cmp -s "$T/a" "$T/b"
check "other seed, other trace" sh -c "! cmp -s '$T/a' '$T/c'"
check "trace has one batch line per batch (3 epochs x 14 batches)" test "$(grep -c '"event":"batch"' "$T/a")" -eq 42
check "first batch line has the keys" sh -c "head -1 '$T/a' | grep -q '^{\"event\":\"batch\",\"epoch\":1,\"batch\":0,\"samples\":\[' && head -1 '$T/a' | grep -q '\"loss\":' && head -1 '$T/a' | grep -q '\"dW\":\[\['"
check "trace numbers use %.17g" sh -c "grep -Eq '[0-9]\.[0-9]{15,}' '$T/a'"
finish
