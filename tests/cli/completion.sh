#!/bin/sh
# Bash completion takes its names from nnstep's own option table.
. "$(dirname "$0")/lib.sh"

if ! command -v bash >/dev/null 2>&1; then
	echo "skipped: no bash"; exit 0
fi
mkdir -p "$T/bin"
ln -s "$NNSTEP" "$T/bin/nnstep"
# complete WORDS...: the candidates for the last word, one a line.
complete_words() {
	PATH="$T/bin:$PATH" bash -c '
		_init_completion() { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]};
			words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; }
		_filedir() { COMPREPLY=(FILES); }
		compopt() { :; }
		complete() { :; }
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_nnstep
		printf "%s\n" "${COMPREPLY[@]}"' sh "$(dirname "$0")/../../completion/nnstep.bash" "$@"
}
check "--act offers the hidden activations" sh -c '[ "$(echo $1)" = "linear sigmoid tanh relu leaky_relu elu" ]' \
    sh "$(complete_words nnstep --act '')"
check "--optimizer m completes to momentum" sh -c '[ "$1" = momentum ]' sh \
    "$(complete_words nnstep --optimizer m)"
check "--out-act offers softmax" sh -c 'echo "$1" | grep -qx softmax' sh \
    "$(complete_words nnstep --out-act '')"
check "--save completes files" sh -c '[ "$1" = FILES ]' sh "$(complete_words nnstep --save '')"
check "--lr offers nothing" sh -c '[ -z "$1" ]' sh "$(complete_words nnstep --lr '')"
check "gen offers the generators" sh -c 'echo "$1" | grep -qx spiral' sh \
    "$(complete_words nnstep gen '')"
check "--comp completes to --compare" sh -c '[ "$1" = --compare ]' sh \
    "$(complete_words nnstep --comp)"
check "--compare offers keys" sh -c 'echo "$1" | grep -qx "lr="' sh \
    "$(complete_words nnstep --compare '')"
check "the first word may be a command" sh -c '[ "$1" = lesson ]' sh "$(complete_words nnstep les)"
check "--complete is not in --help" sh -c '! "$1" --help | grep -q -- --complete' sh "$NNSTEP"
# every option of --help is offered
"$NNSTEP" --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u >"$T/help"
complete_words nnstep --headless - | sort -u >"$T/offered"
check "every option in --help is offered" sh -c 'comm -23 "$1" "$2" | grep -q . && exit 1 || exit 0' sh \
    "$T/help" "$T/offered"
finish
