# Memory and time stay proportional to what was asked for: --history 0 keeps
# no snapshot of a large network, and a long narration parses in linear time.
. tests/cli/lib.sh
N=$NNSTEP
cd "$T" || exit 1
# 2-2048-2048-1: 4.2 million parameters, 33.6 MB a copy.
peak() { python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)' "$@"; }
params=$((2 * 2048 + 2048 + 2048 * 2048 + 2048 + 2048 + 1))
# (AddressSanitizer's shadow memory would count too: the sanitized pass skips this.)
if [ -z "$ASAN_OPTIONS" ]; then
rss=$(peak $N --headless --quiet --gen xor --layers 2048,2048 --history 0 --epochs 1)
echo "peak $rss bytes for $params parameters"
check "--history 0: at most about 6 copies of the parameters" test "$rss" -le $((params * 8 * 6 + 40000000))
rss=$(peak $N --headless --quiet --gen xor --layers 2048,2048 --history 0 --epochs 1 --optimizer adam)
check "--history 0 with Adam: at most about 8 copies" test "$rss" -le $((params * 8 * 8 + 40000000))
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
