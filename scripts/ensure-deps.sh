#!/bin/sh
# Make sure the Debian packages a make target needs are installed.
# Usage: scripts/ensure-deps.sh build|test|bench|screenshots|fuzz
# As root it installs what is missing (apt-get update first); otherwise it
# stops and prints the one command the user has to run.
set -eu

build_pkgs="make gcc pkg-config libncurses-dev libyaml-dev"
test_pkgs="$build_pkgs libcmocka-dev tmux python3 python3-yaml python3-icalendar valgrind locales strace git"
# make screenshots: the dashboard in tmux, rendered to PNG with Pillow
screenshot_pkgs="$build_pkgs tmux python3 python3-pil fonts-dejavu-core"
# make bench: the harness (tmux, valgrind's callgrind, GNU time) and the
# peers it compares against (taskwarrior, calcurse)
bench_pkgs="$build_pkgs tmux python3 valgrind time locales taskwarrior calcurse"

# make fuzz: libFuzzer with ASan/UBSan (clang's runtimes)
fuzz_pkgs="$build_pkgs clang libclang-rt-dev"

case "${1:-build}" in
  build) want=$build_pkgs ;;
  test)  want=$test_pkgs ;;
  screenshots) want=$screenshot_pkgs ;;
  fuzz) want=$fuzz_pkgs ;;
  bench) want=$bench_pkgs ;;
  *) echo "usage: $0 build|test|bench|screenshots" >&2; exit 2 ;;
esac

missing=""
for pkg in $want; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in
    *" installed") ;;
    *) missing="$missing $pkg" ;;
  esac
done

[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "charterdash: missing packages:$missing (install them with your package manager)" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "charterdash: missing packages:$missing" >&2
  echo "run: sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "charterdash: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends $missing >&2
