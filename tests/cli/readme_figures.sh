# The README's figures are measured, not remembered: each is recomputed and
# must appear in the README exactly as nnstep prints it now.
. tests/cli/lib.sh
cd "$(dirname "$0")/../.." || exit 1
check "README figures" python3 tests/tools/readme_figures.py "$NNSTEP" README.md datasets
finish
