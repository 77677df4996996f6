# A lesson played as a person plays it: in a real terminal under tmux, keys
# sent, the screen read back. Space goes from stop to stop, b back exactly,
# a question waits for 1-4 and explains, a failed check is shown and the
# lesson goes on; Korean text on the screen; q quits.
. tests/tools/tui.sh
R=$(cd "$(dirname "$0")/../.." && pwd)
L="NNSTEP_LESSONS=$R/lessons"
start 120 40 "$L" -- lesson 01-neuron --lang en
wait_for "stop 1/9  The neuron: weighted sum, bias, activation" && ok "title and progress in the status bar"
wait_for "A neural network is built from one small part" && ok "the narration of the first stop"
keys Space
wait_for "stop 2/9" && wait_for "A neuron does three things." && ok "space: the next stop"
keys Space
wait_for "z = 0.574 × (-1.08) + 0.0578 × (-1.42) + 0 = -0.700" && ok "the narration shows the numbers of the session"
wait_for "= 0.574×(-1.08) + 0.0578×(-1.42) + 0" && ok "the same numbers as the inspector"
keys Space
wait_for "stop 4/9" && wait_for "Is it right?" && ok "a question opens"
keys 3
wait_for "Not quite: the answer is 2." && ok "a wrong answer is told"
wait_for "and the target is 1." && ok "and explained"
keys Space
wait_for "stop 5/9" && wait_for "After the update w1 = 0.513." && ok "space goes on after the answer"
keys b
wait_for "stop 4/9" && wait_for "Is it right?" && ok "b returns to the previous stop: the question, open again"
keys b
wait_for "stop 3/9" && wait_for "a = sigmoid(-0.700) = 0.332" && ok "b again: the pause before, exactly"
keys b
wait_for "stop 2/9" && wait_for "A neuron does three things." && ok "and b again to the one before"
keys Space Space
wait_for "stop 4/9" && wait_for "Is it right?" && ok "going forward asks the question again"
keys 2
wait_for "✓ Right." && ok "the right answer is told"
keys Space Space Space
wait_for "stop 7/9" && wait_for "what does a sigmoid neuron output?" && ok "the second question"
keys 2 Space
wait_for "stop 8/9" && wait_for "For z = 2, what does a sigmoid neuron output?" && ok "a number question"
keys -l 0.881
keys Enter
wait_for "✓ Right: 0.881." && ok "answered"
keys Space
wait_for "stop 9/9" && wait_for "In short: a neuron computes" && ok "to the end"
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

# Number questions: typed, checked against the measured number within its
# tolerance, then the worked answer.
start 100 30 -- lesson "$R/tests/data/lessons/number.lesson"
wait_for "What is z = w1·x1 + w2·x2 + b for sample 1?" && ok "a number question opens"
wait_for "enter answer" && wait_for "your answer:" && ok "it asks for a number"
keys -l -- "-0.71"
wait_for "your answer: -0.71" && ok "the number typed is shown"
keys BSpace 0 0
wait_for "your answer: -0.700" && ok "backspace erases"
keys x
wait_for "your answer: -0.700" && ok "a letter is not typed"
keys Enter
wait_for "✓ Right: -0.700." && ok "within half a unit of the last digit shown: right"
wait_for "z = 0.574 × (-1.08) + 0.0578 × (-1.42) + 0 = -0.700." && ok "the worked answer with the numbers"
keys Space
wait_for "And a = sigmoid(z)?" && ok "space: the next question"
keys -l 0.35
keys Enter
wait_for "✗ Not quite: it is 0.33." && ok "outside the tolerance (0.005): wrong, with the right number"
keys Space
wait_for "How many inputs" && keys Enter && wait_for "How many inputs" && ok "enter with nothing typed does not answer"
keys 2 Enter
wait_for "✓ Right: 2." && ok "a written answer"
keys Space
wait_for "What will w1 be after the update?" && ok "a prediction"
wait_for "BACKWARD" && ok "asked before the update runs"
keys -l 0.5127
keys Enter
wait_for "✓ Right: 0.513." && ok "the weight the update then makes"
keys q
wait_for "nnstep exited 0" && ok "q quits"

start 100 30 -- lesson "$R/tests/data/lessons/failing.lesson"
wait_for "line 6: expect FAILED: loss < 0.001" && ok "a failed check is shown"
wait_for "The lesson goes on after a failed check." && ok "and the lesson goes on"
keys q
wait_for "nnstep exited 0" && ok "q quits"
finish
