# The bad-input catalogue (tests/hostile/catalogue.txt): every hostile file gets
# its exact message as the whole of stderr, its exit status, and never a crash
# or a sanitizer report (the sanitizer build exits 98/99 on one, see
# tests/extra/sanitizers.sh, so a report never passes for "bad input").
cd "$(dirname "$0")/../hostile" || exit 1
N=$NNSTEP
# The big ones are made here rather than kept in the repository.
python3 -c "print('a,b'); print('1,' + 'x' * ((1 << 20) + 10))" > files/big-field.csv
python3 -c "print(','.join('c%d' % i for i in range(100000))); print(','.join('1' for i in range(100000)))" > files/wide.csv
python3 -c "print('[' + '[],' * 1200000 + '[]]')" > files/list-bomb.json
python3 -c "
print(','.join('c%d' % j for j in range(6)) + ',y')
for i in range(1000): print(','.join('v%d_%d' % (j, i) for j in range(6)) + ',%d' % (i % 2))" > files/one-hot-wide.csv
rm -f files/sparse-8g.json files/fifo.json files/escape.csv
truncate -s 8G files/sparse-8g.json
mkfifo files/fifo.json
ln -s /etc/passwd files/escape.csv
trap 'rm -f files/big-field.csv files/wide.csv files/list-bomb.json files/sparse-8g.json files/one-hot-wide.csv files/fifo.json files/escape.csv err.tmp fails.tmp' EXIT
tab=$(printf '\t')
grep -v '^#' catalogue.txt | while IFS="$tab" read -r kind file status msg; do
	case $kind in
	csv) set -- --headless --data "files/$file" ;;
	lesson) set -- --headless lesson "files/$file" ;;
	model) set -- --headless --load "files/$file" ;;
	save) case $file in /*) ;; *) file=files/$file ;; esac
		set -- --headless --gen xor --epochs 1 --save "$file" ;;
	same) set -- --headless --data "files/$file" --trace "files/$file" ;;
	esac
	$N "$@" >/dev/null 2>err.tmp
	got=$?
	text=$(sed 's/^nnstep: //' err.tmp)
	if [ "$got" -ne "$status" ] || [ "$text" != "$msg" ] || [ "$(wc -l < err.tmp)" -ne 1 ]; then
		echo "FAIL: $kind $file: status $got, stderr:"
		sed 's/^/      /' err.tmp | head -20
		echo "      expected $status: $msg"
		echo x >> fails.tmp
	else
		echo "ok: $kind $file"
	fi
done
if [ -f fails.tmp ]; then exit 1; fi
