# s in the terminal UI also writes --predictions FILE, with the numbers of now.
. tests/tools/tui.sh
start 100 30 -- --gen moons --predictions pred.csv
wait_for "press space: forward pass" || finish
keys e s
wait_for "saved the model to nnstep-model.json and the predictions to pred.csv" && ok "s saves the predictions too"
expect "the predictions file has a line per row" sh -c "[ \$(wc -l < '$T/pred.csv') -eq 301 ]"
expect "with its header" sh -c "head -1 '$T/pred.csv' | grep -qx 'row,split,target,predicted,p_0,p_1'"
keys q
finish
