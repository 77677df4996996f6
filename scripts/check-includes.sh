#!/bin/sh
# check-includes.sh [SRC]: the include rules of nnstep, checked (make test).
#
#   util <- data <- engine <- io <- app <- lesson
#                      engine, io, app <- ui
#   front ends <- everything
#
# A file of a layer includes only the layers listed for it below. The front
# ends (the command line, the terminal UI's main loop, the lesson player's
# screens) may include anything, and no other file includes their headers.
# Only the ncurses back end (ui/tty.c) includes curses. No header includes
# itself again through others (no include circles). Prints each broken rule
# with the file and line, and exits 1 if there is one.
src=${1:-src}

allowed() { # layer -> the layers it may include
	case $1 in
	util) echo "util" ;;
	data) echo "util data" ;;
	engine) echo "util data engine" ;;
	io) echo "util data engine io" ;;
	app) echo "util data engine io app" ;;
	ui) echo "util data engine io app ui" ;;
	lesson) echo "util data engine io app lesson" ;;
	*) echo "" ;;
	esac
}

# The front ends: their files, and the headers only they may include.
front_file() {
	case $1 in
	cli/*|ui/tui.c|ui/tui.h|lesson/tuiplay.c|lesson/lessonmain.c|lesson/front.h) return 0 ;;
	esac
	return 1
}
front_header() {
	case $1 in
	cli/*.h|ui/tui.h|lesson/front.h) return 0 ;;
	esac
	return 1
}
curses_ok() { [ "$1" = ui/tty.c ]; }

bad=0
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT
for path in "$src"/*/*.c "$src"/*/*.h; do
	[ -f "$path" ] || continue
	f=${path#"$src"/}
	layer=${f%%/*}
	ok=" $(allowed "$layer") "
	n=0
	while IFS= read -r line; do
		n=$((n + 1))
		case $line in
		'#include "'*)
			inc=${line#\#include \"}
			inc=${inc%%\"*}
			case $inc in
			*/*) target=$inc ;;
			*) target=$layer/$inc ;;
			esac
			tlayer=${target%%/*}
			case $target in *.h) echo "$f $target" >>"$edges" ;; esac
			if front_header "$target" && ! front_file "$f"; then
				echo "$src/$f:$n: includes $inc, a front end's header (only the front ends may)"
				bad=1
			elif ! front_file "$f" && [ "${ok#* "$tlayer" }" = "$ok" ]; then
				echo "$src/$f:$n: includes $inc: $layer may include only$(printf ' %s' $(allowed "$layer"))"
				bad=1
			fi ;;
		'#include <'*curses*)
			if ! curses_ok "$f"; then
				echo "$src/$f:$n: includes curses: only the ncurses back end (ui/tty.c) may"
				bad=1
			fi ;;
		esac
	done <"$path"
done

# Include circles among the headers: a depth-first walk of header -> header.
circles=$(awk '
	$1 ~ /\.h$/ { to[$1] = to[$1] " " $2; node[$1] = 1 }
	function walk(h,   list, k, n, i) {
		state[h] = 1
		stack[++depth] = h
		n = split(to[h], list, " ")
		for (k = 1; k <= n; k++) {
			if (state[list[k]] == 1) {
				path = ""
				for (i = 1; i <= depth; i++)
					if (path != "" || stack[i] == list[k])
						path = path stack[i] " -> "
				print path list[k]
			} else if (state[list[k]] == 0) {
				walk(list[k])
			}
		}
		depth--
		state[h] = 2
	}
	END { for (h in node) if (state[h] == 0) walk(h) }' "$edges")
if [ -n "$circles" ]; then
	echo "$circles" | sed "s|^|$src/: include circle: |"
	bad=1
fi
exit $bad
