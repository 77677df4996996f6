# A lesson played as a person plays it: in a real terminal under tmux, keys
# sent, the screen read back. Space goes from stop to stop, b back exactly,
# a question waits for 1-4 and explains, a failed check is shown and the
# lesson goes on; Korean text on the screen; q quits.
. tests/tools/tui.sh
R=$(cd "$(dirname "$0")/../.." && pwd)
L="NNSTEP_LESSONS=$R/lessons"
start 120 40 "$L" -- lesson 01-neuron --lang en
wait_for "Lesson 1/8 The neuron: weighted sum, bias, activation" && ok "title and progress in the status bar"
wait_for "A neural network is built from one small part" && ok "the narration of the first stop"
keys Space
wait_for "Lesson 2/8" && wait_for "A neuron does three things." && ok "space: the next stop"
keys Space
wait_for "z = 0.574 × (-1.08) + 0.0578 × (-1.42) + 0 = -0.700" && ok "the narration shows the numbers of the session"
wait_for "= 0.574×(-1.08) + 0.0578×(-1.42) + 0" && ok "the same numbers as the inspector"
keys Space
wait_for "Lesson 4/8" && wait_for "Is it right?" && ok "a question opens"
keys 3
wait_for "Not quite: the answer is 2." && ok "a wrong answer is told"
wait_for "and the target is 1." && ok "and explained"
keys Space
wait_for "Lesson 5/8" && wait_for "After the update w1 = 0.513." && ok "space goes on after the answer"
keys b
wait_for "Lesson 4/8" && wait_for "Is it right?" && ok "b returns to the previous stop: the question, open again"
keys b
wait_for "Lesson 3/8" && wait_for "a = sigmoid(-0.700) = 0.332" && ok "b again: the pause before, exactly"
keys b
wait_for "Lesson 2/8" && wait_for "A neuron does three things." && ok "and b again to the one before"
keys Space Space
wait_for "Lesson 4/8" && wait_for "Is it right?" && ok "going forward asks the question again"
keys 2
wait_for "✓ Right." && ok "the right answer is told"
keys Space Space Space
wait_for "Lesson 7/8" && wait_for "what does a sigmoid neuron output?" && ok "the second question"
keys 2 Space
wait_for "Lesson 8/8" && wait_for "In short: a neuron computes" && ok "to the end"
wait_for "end of the lesson" && ok "the end is shown"
keys q
wait_for "nnstep exited 0" && ok "q quits"

start 120 40 "$L" -- lesson 05-backprop --lang ko
wait_for "역전파: 연쇄 법칙이 책임을 뒤로 넘긴다" && ok "Korean title"
wait_for "다시 XOR입니다." && ok "Korean narration, wrapped by display width"
keys Space
wait_for "손실은 0.6997입니다." && ok "Korean narration with shown values"
keys q
wait_for "nnstep exited 0" && ok "q quits"

start 100 30 -- lesson "$R/tests/data/lessons/failing.lesson"
wait_for "line 6: expect FAILED: loss < 0.001" && ok "a failed check is shown"
wait_for "The lesson goes on after a failed check." && ok "and the lesson goes on"
keys q
wait_for "nnstep exited 0" && ok "q quits"
finish
