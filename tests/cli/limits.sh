# Memory and time stay proportional to what was asked for: --history 0 keeps
# no snapshot of a large network, and a long narration parses in linear time.
. tests/cli/lib.sh
N=$NNSTEP
cd "$T" || exit 1
# 2-2048-2048-1: 4.2 million parameters, 33.6 MB a copy. Headless with
# --history 0 keeps the weights, their gradient, their transpose and the best
# epoch's weights (4 copies), and Adam's m and v besides (6): no snapshot, no
# copy of the last update (only the terminal UI shows it).
peak() { python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)' "$@"; }
params=$((2 * 2048 + 2048 + 2048 * 2048 + 2048 + 2048 + 1))
# (AddressSanitizer's shadow memory would count too: the sanitized pass skips this.)
if [ -z "$ASAN_OPTIONS" ]; then
base=$(peak $N --headless --quiet --gen xor --layers 4 --history 0 --epochs 1)
# copies of the parameters, in hundredths, above the baseline of a tiny net
copies() { echo $(( ($1 - base) * 100 / (params * 8) )); }
for opt in sgd adam; do
	rss=$(peak $N --headless --quiet --gen xor --layers 2048,2048 --history 0 --epochs 1 --optimizer $opt)
	c=$(copies "$rss")
	echo "$opt: peak $rss bytes, baseline $base, $c/100 copies of $params parameters"
	eval "c_$opt=$c"
done
check "--history 0 with SGD: at most 4.5 copies of the parameters" test "$c_sgd" -le 450
check "--history 0 with Adam: at most 6.5 copies (m and v besides)" test "$c_adam" -le 650
check "the copies are measured (at least the weights, gradient and transpose)" test "$c_sgd" -ge 300
# A parse that runs out of memory says so, with no position jansson never had.
python3 -c "print('[' + '[],' * 3000000 + '[]]')" > lists.json
(ulimit -v 80000; exec $N --headless --load lists.json) 2>oom.err
check "out of memory while parsing: status 1" test $? -eq 1
check "out of memory while parsing: said ($(head -1 oom.err))" grep -q "lists.json: out of memory (expected a JSON model" oom.err
check "out of memory while parsing: no line -1" sh -c '! grep -q -- "-1" oom.err'
fi
# 262,000 narration lines (a 1 MiB lesson) took minutes when each line
# copied the paragraph so far.
python3 -c "
print('title long narration')
for i in range(262000): print('> x')" > narration.lesson
start=$(date +%s)
$N --headless lesson narration.lesson >/dev/null
check "a 1 MiB narration plays" test $? -eq 0
check "in well under a minute" test $(($(date +%s) - start)) -lt 40
finish
