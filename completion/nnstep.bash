# bash completion for nnstep
_nnstep()
{
	local cur prev words cword
	_init_completion || return

	case $prev in
	--data|-d|--trace|--save|--load|--report|--checkpoint)
		_filedir
		return ;;
	--gen|-g)
		COMPREPLY=($(compgen -W "xor circles moons spiral blobs churn" -- "$cur"))
		return ;;
	gen)
		COMPREPLY=($(compgen -W "xor circles moons spiral blobs churn" -- "$cur"))
		return ;;
	lesson)
		local names
		names=$(nnstep --list-lessons 2>/dev/null | awk '{print $1}')
		COMPREPLY=($(compgen -W "$names" -- "$cur"))
		_filedir lesson
		return ;;
	--act|-a|--out-act)
		COMPREPLY=($(compgen -W "linear sigmoid tanh relu leaky_relu elu softmax" -- "$cur"))
		return ;;
	--loss)
		COMPREPLY=($(compgen -W "mse mae huber bce cce hinge" -- "$cur"))
		return ;;
	--optimizer|-o)
		COMPREPLY=($(compgen -W "sgd momentum rmsprop adam" -- "$cur"))
		return ;;
	--init)
		COMPREPLY=($(compgen -W "zeros constant uniform xavier he" -- "$cur"))
		return ;;
	--scale)
		COMPREPLY=($(compgen -W "standard minmax none" -- "$cur"))
		return ;;
	--missing)
		COMPREPLY=($(compgen -W "error drop mean" -- "$cur"))
		return ;;
	--task)
		COMPREPLY=($(compgen -W "classify regress auto" -- "$cur"))
		return ;;
	--shuffle)
		COMPREPLY=($(compgen -W "on off" -- "$cur"))
		return ;;
	--lang)
		COMPREPLY=($(compgen -W "en ko" -- "$cur"))
		return ;;
	--class-weight)
		COMPREPLY=($(compgen -W "auto none" -- "$cur"))
		return ;;
	--compare)
		COMPREPLY=($(compgen -W "act= optimizer= lr= init= batch= l2= dropout=" -- "$cur"))
		compopt -o nospace
		return ;;
	--target|-t|--split|--samples|--noise|--classes|--layers|-l|--alpha|--lr|-r|--batch|-b|\
	--epochs|-e|--bias-init|--seed|-s|--l2|--dropout|--threshold|--cost-fn|--cost-fp|\
	--early-stop|--reduce-lr|--history|--screen|--screen-every)
		return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(nnstep --help 2>/dev/null | grep -o -- '--[a-z0-9-]*' | sort -u)" -- "$cur"))
		return
	fi
	if [[ $cword -eq 1 ]]; then
		COMPREPLY=($(compgen -W "gen lesson check lr-find" -- "$cur"))
	fi
} &&
	complete -F _nnstep nnstep
