# The bad-input catalogue (tests/hostile/catalogue.txt): every hostile file gets
# its exact message and exit status, and never a crash.
cd "$(dirname "$0")/../hostile" || exit 1
N=$NNSTEP
fails=0
# The big ones are made here rather than kept in the repository.
python3 -c "print('a,b'); print('1,' + 'x' * ((1 << 20) + 10))" > files/big-field.csv
python3 -c "print(','.join('c%d' % i for i in range(100000))); print(','.join('1' for i in range(100000)))" > files/wide.csv
trap 'rm -f files/big-field.csv files/wide.csv' EXIT
tab=$(printf '\t')
grep -v '^#' catalogue.txt | while IFS="$tab" read -r kind file status msg; do
	case $kind in
	csv) set -- --headless --data "files/$file" ;;
	lesson) set -- --headless lesson "files/$file" ;;
	model) set -- --headless --load "files/$file" ;;
	esac
	$N "$@" >/dev/null 2>err.tmp
	got=$?
	text=$(head -1 err.tmp | sed 's/^nnstep: //')
	if [ "$got" -ne "$status" ] || [ "$text" != "$msg" ]; then
		echo "FAIL: $kind $file: status $got, message: $text"
		echo "      expected $status: $msg"
		echo x >> fails.tmp
	else
		echo "ok: $kind $file"
	fi
done
rm -f err.tmp
if [ -f fails.tmp ]; then rm -f fails.tmp; exit 1; fi
