# bash completion for nnstep. What may follow a word comes from nnstep's own
# option table (nnstep --complete WORD), so this file lists no names.
_nnstep()
{
	local cur prev words cword out names
	_init_completion || return

	out=$(command nnstep --complete "$prev" 2>/dev/null) || return
	case $out in
	FILE)
		_filedir
		return ;;
	LESSON)
		names=$(command nnstep --list-lessons 2>/dev/null | awk '{print $1}')
		COMPREPLY=($(compgen -W "$names" -- "$cur"))
		_filedir lesson
		return ;;
	VALUE)
		return ;;
	esac
	if [[ $out == *=* ]]; then
		compopt -o nospace
	elif [[ $out == *" --help"* && $cword -gt 1 ]]; then
		# no value expected: the options, and a command only as the first word
		[[ $cur == -* ]] || return
		out=$(printf '%s\n' $out | grep -- '^-')
	fi
	COMPREPLY=($(compgen -W "$out" -- "$cur"))
} &&
	complete -F _nnstep nnstep
