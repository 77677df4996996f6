# Helpers of the terminal tests tests/cli/tui_*.sh (sourced). Each test runs
# nnstep in a private tmux server, types keys and reads the screen back.
# $NNSTEP is the binary; the server is killed however the test ends.
NNSTEP_BIN=$(cd "$(dirname "$NNSTEP")" && pwd)/$(basename "$NNSTEP")
SOCK=nnstep-test-$$
NSTART=0
T=$(mktemp -d)
export LC_ALL=C.UTF-8
# Remembered settings (theme, speed) stay inside the test.
export XDG_CONFIG_HOME="$T/config"
fails=0

tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
tui_cleanup() {
	i=1
	while [ "$i" -le "$NSTART" ]; do
		tmux -L "nnstep-test-$$-$i" kill-server 2>/dev/null
		i=$((i + 1))
	done
	rm -rf "$T"
}
trap tui_cleanup EXIT
trap 'exit 1' INT TERM HUP

# start W H [VAR=VALUE...] -- ARGS...: runs nnstep ARGS in a W x H terminal
# with the environment given; its exit status is printed when it ends. Each
# start gets a server of its own (the one before is stopped).
start() {
	w=$1; h=$2; shift 2
	[ "$NSTART" -gt 0 ] && tm kill-server 2>/dev/null
	NSTART=$((NSTART + 1))
	SOCK=nnstep-test-$$-$NSTART
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs="$envs $1"; shift; done
	[ "$1" = "--" ] && shift
	tm new-session -d -x "$w" -y "$h" -c "$T" \
	    "env TERM=xterm-256color XDG_CONFIG_HOME='$XDG_CONFIG_HOME' $envs '$NNSTEP_BIN' $* ; echo \"nnstep exited \$?\"; sleep 60"
}

screen() { tm capture-pane -p -t 0; }
keys() { tm send-keys -t 0 "$@"; }

# wait_for TEXT [TENTHS]: polls the screen until it shows TEXT (default 5 s).
wait_for() {
	n=${2:-50}
	i=0
	while [ "$i" -lt "$n" ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "FAIL: the screen never showed: $1"
	screen | sed 's/^/    | /'
	fails=$((fails + 1))
	return 1
}

# wait_gone TEXT: polls until TEXT is no longer on the screen.
wait_gone() {
	i=0
	while [ "$i" -lt 50 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "FAIL: the screen still shows: $1"
	screen | sed 's/^/    | /'
	fails=$((fails + 1))
	return 1
}

ok() { echo "ok: $1"; }
# expect DESCRIPTION COMMAND...: ok when the command succeeds, a failure otherwise.
expect() {
	d=$1; shift
	if "$@"; then ok "$d"; else echo "FAIL: $d"; screen | sed 's/^/    | /'; fails=$((fails + 1)); fi
}

finish() {
	[ "$fails" -eq 0 ] || { echo "$fails failed"; exit 1; }
	exit 0
}
