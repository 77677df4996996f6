# The Korean interface in a real terminal under tmux: a Korean lesson without
# --lang at 80x24 and 120x40, the help screen, the trainer with --lang ko, and
# a locale that is not UTF-8.
. tests/tools/tui.sh
R=$(cd "$(dirname "$0")/../.." && pwd)
L="NNSTEP_LESSONS=$R/lessons"

for size in "80 24" "120 40"; do
	start $size "$L" -- lesson "$R/lessons/ko/01-neuron.lesson"
	wait_for "신경망은 작은 부품 하나를" && ok "$size: the narration"
	wait_for "스페이스 다음" && wait_for "들여다보기" && ok "$size: the hint bar in Korean"
	wait_for "┌ 신경망 " && wait_for "┌ 뉴런 들여다보기 " && ok "$size: panel titles in Korean"
	wait_for "에폭 1/1000" && ok "$size: the status bar in Korean"
	keys Space Space Space
	wait_for "1-3 중 하나를 눌러 답하세요" && ok "$size: a question asks in Korean"
	keys 3
	wait_for "아쉽습니다: 답은 2번입니다." && ok "$size: the feedback in Korean"
	wait_for "스페이스: 계속" && ok "$size: and how to go on"
	keys q
	wait_for "nnstep exited 0" && ok "$size: q quits"
done

start 80 24 -- --lang ko
wait_for "준비" && wait_for "┌ 신경망 " && ok "the trainer with --lang ko"
keys '?'
wait_for "┌ 키 " && wait_for "다음 단계: 순전파, 손실, 역전파, 갱신" && ok "the help screen in Korean"
keys Escape q
wait_for "nnstep exited 0" && ok "q quits"

start 80 24 LC_ALL=C LANG=C "$L" -- lesson 1 --lang ko
wait_for "Korean text needs a UTF-8 locale" && ok "not UTF-8: says so in English"
wait_for "hangugeo hwamyeon-eun UTF-8 lokeil-i piryohamnida." && ok "and in romanized Korean"
wait_for "LANG=C.UTF-8 nnstep" && ok "with the way out"
wait_for "nnstep exited 1" && ok "and exits 1, without drawing question marks"
finish
