# Bad option values name the option, the value and what is allowed; exit 2.
. tests/cli/lib.sh
N=$NNSTEP
expect_status 2 "--lr: '-1' is not allowed (expected a positive number" -- $N --headless --lr -1
expect_status 2 "--act: 'softplus' is not allowed (expected linear, sigmoid, tanh, relu, leaky_relu or elu" -- $N --headless --act softplus
expect_status 2 "--loss: 'xent' is not allowed (expected mse, mae, huber, bce, cce, hinge" -- $N --headless --loss xent
expect_status 2 "--optimizer: 'adamw' is not allowed (expected sgd, momentum, rmsprop or adam)" -- $N --headless --optimizer adamw
expect_status 2 "--layers: '16,,8' is not allowed" -- $N --headless --layers 16,,8
expect_status 2 "--layers: '0.5' is not allowed" -- $N --headless --layers 0.5
expect_status 2 "--batch: 'x' is not allowed (expected a whole number" -- $N --headless --batch x
expect_status 2 "--epochs: '0' is not allowed" -- $N --headless --epochs 0
expect_status 2 "--init: 'glorious' is not allowed (expected zeros, constant[:V], uniform[:R], xavier or he)" -- $N --headless --init glorious
expect_status 2 "--dropout: '1' is not allowed (expected a probability from 0 to below 1)" -- $N --headless --dropout 1
expect_status 2 "--shuffle: 'maybe' is not allowed (expected on or off)" -- $N --headless --shuffle maybe
expect_status 2 "--seed: '-3' is not allowed" -- $N --headless --seed -3
expect_status 2 "--l2: 'nan' is not allowed" -- $N --headless --l2 nan
expect_status 2 "--split: '0.5,0.2' is not allowed" -- $N --headless --split 0.5,0.2
expect_status 2 "--compare: 'act=relu' is not allowed (expected two to four values" -- $N --headless --compare act=relu
expect_status 2 "--compare: 'colour=red,blue' is not allowed" -- $N --headless --compare colour=red,blue
expect_status 2 "--screen: '120x40cols' is not allowed (expected WIDTHxHEIGHT" -- $N --headless --screen 120x40cols
expect_status 2 "unknown option --frobnicate" -- $N --headless --frobnicate
expect_status 2 "--lr needs a value" -- $N --headless --lr
expect_status 2 "--cost-fn and --cost-fp go together" -- $N --headless --cost-fn 5
expect_status 1 "loss cce needs a softmax output layer" -- $N --headless --loss cce --out-act sigmoid
# --help lists every option with its default; --version prints the version.
$N --help >"$T/help"
for o in layers act out-act loss optimizer lr batch epochs init bias-init seed l2 dropout shuffle trace save load headless; do
	check "--help lists --$o" grep -q -- "--$o" "$T/help"
done
check "--help states defaults" grep -q "default 0.1" "$T/help"
# The defaults --help states are the ones a run uses (the terminal UI's are
# checked on screen in tui_truth.sh: moons, 2-8-8-1).
check "--help states the data default" grep -q "default: moons in the terminal UI, XOR headless" "$T/help"
check "--help states the layers default" grep -q "default 8,8 in the terminal UI, 4 headless" "$T/help"
check "a headless run without options trains XOR on 2-4-1, as --help says" \
    sh -c "$N --headless --epochs 1 | grep -q '^nnstep: xor, 4 training rows, network 2-4-1,'"
check "--version" sh -c "$N --version | grep -Eq '^nnstep [0-9]+\.[0-9]+\.[0-9]+$'"
# short forms and --opt=value
check "short options and --opt=value" sh -c "$N -H -l 3 -a relu -e 2 --lr=0.2 -q >/dev/null"
finish
