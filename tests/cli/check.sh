# nnstep check: the sanity checks with their verdicts, the JSON report and
# the exit status; nnstep lr-find: the line along the gradient, the range
# test and its suggestion.
. "$(dirname "$0")/lib.sh"

verdict() { # REPORT NAME: the verdict of one check in a report
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print([c['verdict'] for c in d['checks'] if c['name']==sys.argv[2]][0])" "$1" "$2"
}

# A healthy network: nothing fails, exit 0.
"$NNSTEP" check --gen moons --layers 8,8 --report "$T/ok.json" >"$T/out" 2>"$T/err"
check "a healthy network: exit 0" [ $? -eq 0 ]
check "every check is printed" [ "$(grep -cE '^(init_loss|gradient_check|update_ratio|overfit_tiny|dead_units|saturated_units|symmetry) +(ok|warn|fail) ' "$T/out")" -eq 7 ]
check "and none fails" grep -q "0 of 7 checks failed" "$T/out"
check "the report has every key of every check" python3 -c "
import json, math, sys
d = json.load(open('$T/ok.json'))
names = [c['name'] for c in d['checks']]
assert names == ['init_loss', 'gradient_check', 'update_ratio', 'overfit_tiny', 'dead_units', 'saturated_units', 'symmetry'], names
for c in d['checks']:
    assert set(c) >= {'name', 'verdict', 'value', 'expected', 'text'}, c
    assert c['verdict'] in ('ok', 'warn', 'fail') and c['text'], c
g = d['checks'][1]
assert g['verdict'] == 'ok' and g['value'] < 1e-7 and g['expected'] == 1e-7, g
i = d['checks'][0]
assert abs(i['expected'] - math.log(2)) < 1e-15 and abs(i['value'] - math.log(2)) < 0.5, i
"
check "init_loss ok" [ "$(verdict "$T/ok.json" init_loss)" = ok ]
check "update_ratio ok" [ "$(verdict "$T/ok.json" update_ratio)" = ok ]
check "overfit_tiny ok" [ "$(verdict "$T/ok.json" overfit_tiny)" = ok ]
check "symmetry ok" [ "$(verdict "$T/ok.json" symmetry)" = ok ]

# Zero initialisation: every hidden unit is the same; exit 4.
"$NNSTEP" check --gen moons --layers 8,8 --init zeros --report "$T/zeros.json" >"$T/out" 2>&1
check "--init zeros: exit 4" [ $? -eq 4 ]
check "--init zeros: symmetry fails" [ "$(verdict "$T/zeros.json" symmetry)" = fail ]
check "--init zeros: all 16 units have a twin" grep -q "16 of 16 hidden units have an identical twin" "$T/out"
check "--init zeros: the loss at init is exactly ln 2" python3 -c "
import json, math
d = json.load(open('$T/zeros.json'))
assert abs(d['checks'][0]['value'] - math.log(2)) < 1e-12, d['checks'][0]"

# A learning rate of 50: the first update is as large as the weights.
"$NNSTEP" check --gen moons --layers 8,8 --lr 50 --report "$T/lr.json" >"$T/out" 2>&1
check "--lr 50: exit 4" [ $? -eq 4 ]
check "--lr 50: update_ratio fails" [ "$(verdict "$T/lr.json" update_ratio)" = fail ]
check "--lr 50: it says the learning rate is too high" grep -q "update_ratio .*far too high" "$T/out"
check "--lr 50: the gradient is still right" [ "$(verdict "$T/lr.json" gradient_check)" = ok ]

expect_status 2 "unknown option --bogus" -- "$NNSTEP" check --bogus
expect_status 1 "no-such.csv" -- "$NNSTEP" check --data "$T/no-such.csv"
expect_status 1 "cannot save" -- "$NNSTEP" check --report "$T/no/such/dir/r.json"

# lr-find on moons: a suggestion between 1e-3 and 3, the points of the range
# test, and this step's lr marked on the line.
"$NNSTEP" lr-find --gen moons --report "$T/find.json" >"$T/out" 2>"$T/err"
check "lr-find: exit 0" [ $? -eq 0 ]
check "lr-find: the lr of this step is marked on the line" grep -q "alpha 0.1 .*this step's lr" "$T/out"
check "lr-find: a suggestion between 1e-3 and 3" python3 -c "
import json
d = json.load(open('$T/find.json'))
assert 1e-3 <= d['suggested_lr'] <= 3, d['suggested_lr']
p = d['points']
assert 20 <= len(p) <= 100 and all(len(x) == 2 for x in p), len(p)
assert all(b[0] > a[0] for a, b in zip(p, p[1:])), 'lr grows'
assert p[0][0] == 1e-05
assert len(d['line']) == 25 and d['lr'] == 0.1
"
check "lr-find: the suggestion is printed" grep -q "^suggested lr: " "$T/out"
"$NNSTEP" lr-find --gen moons --layers 8,8 --act relu --report "$T/find2.json" >/dev/null 2>&1
check "lr-find, a ReLU net: a suggestion between 1e-3 and 3" python3 -c "
import json
d = json.load(open('$T/find2.json'))
assert 1e-3 <= d['suggested_lr'] <= 3, d['suggested_lr']"
finish
