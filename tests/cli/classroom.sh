# Classroom features without a terminal: --print-command reproduces a run
# byte for byte, --screen-format ansi and html, themes, the config file.
. tests/cli/lib.sh

# --print-command: the printed line gives the same trace as the run.
same_trace() { # DESCRIPTION then the options of a headless run
	d=$1; shift
	$NNSTEP --headless --quiet "$@" --trace "$T/a.jsonl" >/dev/null 2>&1
	line=$($NNSTEP --headless "$@" --print-command)
	case "$line" in nnstep\ *) ;; *) echo "FAIL: $d: not a command: $line"; fails=$((fails + 1)); return ;; esac
	eval "set -- ${line#nnstep }"
	$NNSTEP "$@" --quiet --trace "$T/b.jsonl" >/dev/null 2>&1
	if [ -s "$T/a.jsonl" ] && cmp -s "$T/a.jsonl" "$T/b.jsonl"; then
		echo "ok: $d: $line"
	else
		echo "FAIL: $d: '$line' gives another trace"; fails=$((fails + 1))
	fi
}
same_trace "defaults" --epochs 2
same_trace "moons, two layers" --gen moons --layers 8,8 --act relu --lr 0.3 --epochs 3 --seed 7
same_trace "every training setting" --gen circles --samples 120 --noise 0.2 --layers 6,5 \
    --act tanh,relu --optimizer adam --lr 0.01 --batch 16 --epochs 4 --init he --l2 0.001 \
    --dropout 0.1 --split 0.6,0.2,0.2 --threshold 0.4 --early-stop 3,0.001 --reduce-lr 2,0.5 \
    --seed 42 --shuffle off --scale minmax
same_trace "a CSV file with a text target" --data datasets/iris.csv --target species --layers 5 \
    --epochs 2 --class-weight auto
line=$($NNSTEP --headless --gen moons --lr 0.05 --print-command)
check "--print-command writes out the settings" sh -c "echo '$line' | grep -q -- '--gen moons .*--lr 0.05 .*--seed 1'"
check "--print-command leaves out output files" sh -c "! $NNSTEP --headless --trace x.jsonl --save m.json --print-command | grep -q -e trace -e save"
check "--print-command without --headless prints the trainer's settings" sh -c \
    "$NNSTEP --print-command | grep -q -- '^nnstep --gen moons --layers 8,8 '"

# --screen-format: ansi carries colours, html is a page a browser reads.
$NNSTEP --headless --gen moons --layers 8,8 --epochs 5 --quiet --screen 120x40 >"$T/text" 2>&1
$NNSTEP --headless --gen moons --layers 8,8 --epochs 5 --quiet --screen 120x40 --screen-format ansi >"$T/ansi" 2>&1
check "ansi: 256-colour escapes" grep -q "$(printf '\033')\[0;38;5;" "$T/ansi"
check "ansi: the same text as the text format" sh -c \
    "sed 's/$(printf '\033')\[[0-9;]*m//g' '$T/ansi' | sed 's/ *\$//' | diff - '$T/text' >/dev/null"
$NNSTEP --headless --gen moons --layers 8,8 --epochs 5 --screen 120x40 --screen-format html \
    --theme light >"$T/page.html" 2>"$T/progress"
cat > "$T/pagecheck.py" <<'PY'
import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "img", "link", "hr", "input"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.spans, self.doctype = [], [], 0, False
    def handle_decl(self, d):
        self.doctype = d.lower() == "doctype html"
    def handle_starttag(self, t, a):
        if t == "span":
            self.spans += 1
            assert dict(a).get("style", "").strip(), "a span without a style"
        if t not in VOID:
            self.stack.append(t)
    def handle_endtag(self, t):
        assert self.stack and self.stack[-1] == t, "unbalanced </%s>" % t
        self.stack.pop()
    def handle_data(self, d):
        if self.stack and "pre" in self.stack:
            self.text.append(d)
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
p.close()
assert p.doctype, "no <!DOCTYPE html>"
assert not p.stack, "unclosed: %s" % p.stack
assert p.spans > 50, "too few coloured spans"
text = "".join(p.text)
want = open(sys.argv[2], encoding="utf-8").read()
lines = [l.rstrip() for l in text.split("\n")]
assert lines == want.rstrip("\n").split("\n"), "the page's text is not the screen"
print("page ok:", p.spans, "spans")
PY
tail -n 40 "$T/text" > "$T/screen"
check "html: a well-formed page whose text is the screen" python3 "$T/pagecheck.py" "$T/page.html" "$T/screen"
check "html: the progress lines go to standard error" grep -q "finished after 5 epochs" "$T/progress"
check "html: the light theme's page is light" grep -q "background: #ffffff" "$T/page.html"
expect_status 2 "--screen-format: 'pdf' is not allowed (expected text, ansi or html)" -- \
    $NNSTEP --headless --screen 80x24 --screen-format pdf
expect_status 2 "--theme: 'pink' is not allowed (expected dark, light or contrast)" -- \
    $NNSTEP --headless --theme pink
expect_status 2 "--speed: '3' is not allowed (expected slow, 1, 4, 16, 64, 256 or turbo)" -- \
    $NNSTEP --headless --speed 3

# The config file: read when options leave a setting unset, errors named.
mkdir -p "$T/config/nnstep"
printf '# remembered\ntheme = light\n\nspeed = slow\n' > "$T/config/nnstep/config"
$NNSTEP --headless --epochs 1 --quiet --screen 80x24 --screen-format html >"$T/p1.html" 2>/dev/null
check "config: theme = light is used" grep -q "background: #ffffff" "$T/p1.html"
$NNSTEP --headless --epochs 1 --quiet --screen 80x24 --screen-format html --theme dark >"$T/p2.html" 2>/dev/null
check "config: --theme on the command line wins" sh -c "! grep -q 'background: #ffffff' '$T/p2.html'"
$NNSTEP --headless --epochs 1 --quiet --screen 80x24 --screen-format html --no-config >"$T/p3.html" 2>/dev/null
check "config: --no-config ignores it" sh -c "! grep -q 'background: #ffffff' '$T/p3.html'"
printf 'theme = light\ncolour = blue\n' > "$T/config/nnstep/config"
expect_status 2 "config/nnstep/config:2: expected KEY = VALUE with KEY one of theme, speed, lang" -- \
    $NNSTEP --headless --epochs 1
printf 'speed = warp\n' > "$T/other"
expect_status 2 "other:1: --speed: 'warp' is not allowed" -- $NNSTEP --headless --config "$T/other"
expect_status 2 "nope: cannot read" -- $NNSTEP --headless --config "$T/nope"
finish
