#!/bin/sh
# Install the Debian packages nnstep needs to build and test, if any are missing.
# Usage: scripts/deps.sh [build|test|bench]
set -e
want="build-essential pkg-config libncurses-dev libcsv-dev libjansson-dev check gettext"
case "${1:-build}" in
  test)  want="$want tmux valgrind clang clang-tidy libclang-rt-14-dev cppcheck python3 procps python3-sklearn python3-torch asciinema" ;;
  bench) want="$want libfann-dev python3 python3-torch" ;;
esac
missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "nnstep: installing missing packages:$missing"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || true
$sudo apt-get install -y -qq --no-install-recommends $missing
