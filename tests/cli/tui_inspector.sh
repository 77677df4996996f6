# The inspector writes the chain rule out: for the selected sample each
# weight's share dL/dw = dL/dz x input, then the batch sum the update uses;
# every term when zoomed; a softmax output with all its logits; the class
# weight and the dropout mask where they enter; the sample's data row.
. tests/tools/tui.sh
check_inspector() { # what
	if screen | python3 tests/tools/inspector_check.py >"$T/check" 2>&1 &&
	    grep -q "share of w" "$T/check"; then
		ok "$1: every product in the inspector checks"
	else
		echo "FAIL: $1:"; sed 's/^/    /' "$T/check"; screen | sed 's/^/    | /'
		fails=$((fails + 1))
	fi
}
start 120 40 -- --gen moons --layers 8,8 --scale none
wait_for "press space: forward pass" || finish
keys Space Space Space
wait_for "This sample's share: dL/dw = dL/dz × x" && ok "the backward pass writes each share out"
wait_for "Batch gradient: the 32 samples' shares summed" && ok "then the batch sum"
check_inspector "hidden layer 1"
# data row 91 of `nnstep gen moons`: line 92 of its CSV holds the sample's x1.
wait_for "(data row 91)" && ok "the sample is named by its data row"
"$NNSTEP_BIN" gen moons >"$T/moons.csv"
keys h
wait_for "x1 = $(sed -n 92p "$T/moons.csv" | awk -F, '{ printf "%.5g", $1 }')" &&
    ok "and that row of the data file holds its x1"
keys l l i z
wait_for "dL/dw8 = " && ok "zoomed, every term of the 8 inputs is written"
check_inspector "hidden layer 2, zoomed"
keys z
start 120 40 -- --gen spiral --classes 3 --layers 8
wait_for "press space: forward pass" || finish
keys Space Space Space l i z
wait_for "with z of all 3 outputs = (" && ok "a softmax output shows every logit it depends on"
wait_for "dL/dz = (a - y)/n = (" && ok "and its dL/dz with a, y and n"
check_inspector "softmax output"
start 120 40 -- --gen churn --layers 8 --class-weight auto
wait_for "press space: forward pass" || finish
keys Space Space Space l i z
wait_for "dL/dz = w_c (a - y)/n = " && ok "with class weights the output names w_c"
check_inspector "class weights"
start 120 40 -- --gen moons --layers 8,8 --dropout 0.5
wait_for "press space: forward pass" || finish
keys Space Space Space i z
wait_for "(includes the dropout mask" && ok "with dropout dL/da says it includes the 1/(1-p) mask"
keys q
finish
