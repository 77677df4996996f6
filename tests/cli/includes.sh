#!/bin/sh
# The include rules hold for src/, and the check finds a broken one.
. "$(dirname "$0")/lib.sh"
top="$(dirname "$0")/../.."

check "the include rules hold" sh "$top/scripts/check-includes.sh" "$top/src"

# A tree that breaks each rule once.
mkdir -p "$T/src/engine" "$T/src/ui" "$T/src/cli" "$T/src/app" "$T/src/io"
printf '#include "ui/view.h"\n' >"$T/src/engine/a.c"
printf '#include "cli/headless.h"\n' >"$T/src/app/b.c"
printf '#include <curses.h>\n' >"$T/src/ui/view.c"
printf '#include "b.h"\n' >"$T/src/io/a.h"
printf '#include "a.h"\n' >"$T/src/io/b.h"
printf '#include "io/a.h"\n#include "ui/view.h"\n' >"$T/src/cli/main.c"
sh "$top/scripts/check-includes.sh" "$T/src" >"$T/out"
check "a broken tree fails" [ $? -eq 1 ]
cat "$T/out"
check "names the engine file including ui" grep -q "src/engine/a.c:1: includes ui/view.h" "$T/out"
check "names a front end's header" grep -q "src/app/b.c:1: includes cli/headless.h, a front end" "$T/out"
check "names curses outside the back end" grep -q "src/ui/view.c:1: includes curses" "$T/out"
check "names the circle" grep -q "include circle: io/a.h -> io/b.h -> io/a.h\|include circle: io/b.h -> io/a.h -> io/b.h" "$T/out"
check "front ends may include anything" sh -c '! grep -q "cli/main.c" "$1"' sh "$T/out"
finish
