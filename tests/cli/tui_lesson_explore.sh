# A lesson's keys told apart from the trainer's; exploring away from a stop
# is said on screen and space returns to the stop exactly; a failed check is
# a framed notice for the lesson's author, not a footer message.
. tests/tools/tui.sh
R=$(cd "$(dirname "$0")/../.." && pwd)
start 120 40 "NNSTEP_LESSONS=$R/lessons" -- lesson 01-neuron --lang en
wait_for "stop 1/" || finish
wait_for "space next stop  b previous stop  → one phase" && ok "the first screen tells the lesson's keys from the trainer's"
keys Space Space
wait_for "stop 3/" || finish
# The inspector's activation line at the stop, as the lesson left it.
wait_for "a = sigmoid(z) = " || finish
A=$(screen | grep -o "a = sigmoid(z) = [^│]*" | head -1 | sed 's/ *$//')
[ -n "$A" ] || { echo "FAIL: no inspector line at stop 3"; finish; }
keys Right Right n n
wait_for "exploring: space returns to the stop" && ok "stepping on says that the screen is exploring"
wait_gone "$A" && ok "the steps moved the training"
keys Space
wait_for "back at stop 3 as the lesson left it: space goes on" && ok "space returns to the stop"
wait_for "$A" && ok "with the stop's own numbers"
wait_gone "exploring:" && ok "and the status bar stops saying exploring"
screen | grep -q "stop 3/" && ok "still at stop 3"
keys Space
wait_for "stop 4/" && ok "the next space goes on"
keys q
wait_for "nnstep exited"
start 100 30 -- lesson "$R/tests/data/lessons/failing.lesson"
wait_for "For the lesson's author: a check failed" && ok "a failed check is a framed notice"
wait_for "line 6: expect FAILED: loss < 0.001" && ok "that names the line and the check"
screen | tail -1 | grep -q "expect FAILED" && { echo "FAIL: the check is glued onto the footer"; fails=$((fails + 1)); }
keys x
wait_gone "For the lesson's author" && ok "any key closes it"
wait_for "The lesson goes on after a failed check." && ok "and the lesson goes on"
keys q
wait_for "nnstep exited 0"
finish
