# Ctrl-\ (SIGQUIT) ends the terminal UI like Ctrl-C: status 131, the screen
# and the terminal's modes restored, mouse reports off; a terminal lesson
# ended by it, and a headless lesson ended by SIGTERM or SIGINT, leave none of
# their files behind.
. tests/tools/tui.sh
mkdir "$T/tmp"
cat > "$T/quit.sh" <<EOS
trap true QUIT	# the shell outlives the Ctrl-\\ that ends nnstep
TMPDIR='$T/tmp' env TERM=xterm-256color '$NNSTEP_BIN' \$*
echo "nnstep exited \$?"
stty -a | tr ' ' '\n' | grep -x -e echo -e icanon | tr '\n' ' '; echo
sleep 60
EOS
run_quit() { # W H ARGS...: like start, with the modes printed after the exit
	w=$1; h=$2; shift 2
	[ "$NSTART" -gt 0 ] && tm kill-server 2>/dev/null
	NSTART=$((NSTART + 1))
	SOCK=nnstep-test-$$-$NSTART
	tm new-session -d -x "$w" -y "$h" -c "$T" "sh $T/quit.sh $*"
}
no_lesson_files() { [ -z "$(ls -A "$T/tmp")" ]; }
no_network() { ! screen | grep -q "Network"; }

run_quit 120 40 --gen moons
wait_for "press space: forward pass" || finish
keys 'C-\'
wait_for "nnstep exited 131" && ok "Ctrl-\\ ends it with status 131"
wait_for "icanon echo" && ok "the terminal is back in its normal mode"
expect "the screen is restored" no_network
# mouse reporting off: a click types nothing into the shell after the exit
mode=$(tm display -p -t 0 '#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}#{alternate_on}')
expect "mouse reports and the alternate screen are off ($mode)" test "$mode" = 0000

# a terminal lesson that saved a file
cat > "$T/saves.lesson" <<'EOL'
title saves
set gen xor
step epoch 1
save m.json
> saved
pause
> end
EOL
run_quit 100 30 lesson "$T/saves.lesson"
wait_for "saved" || finish
keys Space
sleep 0.5
expect "the lesson made its folder" test -n "$(ls -A "$T/tmp")"
keys 'C-\'
wait_for "nnstep exited 131" && ok "Ctrl-\\ ends a lesson with status 131"
expect "a terminal lesson ended by Ctrl-\\ leaves no files" no_lesson_files

# headless lessons stopped by SIGTERM and SIGINT clean up too
cat > "$T/long.lesson" <<'EOL'
title long
set gen moons
set samples 2000
set layers 128,128
step epoch 1
save m.json
step epoch 500
EOL
for sig in TERM:15 INT:2; do
	want=$((128 + ${sig#*:}))
	sig=${sig%:*}
	TMPDIR="$T/tmp" "$NNSTEP_BIN" --headless lesson "$T/long.lesson" >/dev/null 2>"$T/err" &
	pid=$!
	i=0
	while [ -z "$(ls -A "$T/tmp")" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	sleep 0.3
	kill -$sig $pid
	wait $pid
	st=$?
	expect "SIG$sig ends a headless lesson with status $want (got $st)" test $st -eq $want
	expect "and says so" grep -q "interrupted by signal" "$T/err"
	expect "a headless lesson ended by SIG$sig leaves no files" no_lesson_files
done
finish
