# Shared helpers of the command-line tests (sourced; $NNSTEP is the binary).
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# Remembered settings (theme, speed) stay inside the test.
export XDG_CONFIG_HOME="$T/config"
fails=0

# expect_status STATUS MESSAGE-SUBSTRING -- COMMAND...: exit status and stderr.
expect_status() {
	want=$1; msg=$2; shift 3
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "FAIL: $* exited $got, expected $want"; cat "$T/err"; fails=$((fails + 1)); return
	fi
	if ! grep -qF -- "$msg" "$T/err"; then
		echo "FAIL: $*: stderr lacks: $msg"; cat "$T/err"; fails=$((fails + 1)); return
	fi
	if grep -q "runtime error:\|Sanitizer" "$T/err"; then
		echo "FAIL: $*: sanitizer report"; cat "$T/err"; fails=$((fails + 1)); return
	fi
	echo "ok: $* -> $got: $(head -1 "$T/err")"
}

check() { # DESCRIPTION then a command that must succeed
	d=$1; shift
	if "$@"; then echo "ok: $d"; else echo "FAIL: $d"; fails=$((fails + 1)); fi
}

finish() { [ "$fails" -eq 0 ] || { echo "$fails failed"; exit 1; }; }
