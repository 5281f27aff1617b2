#!/bin/sh
# Make sure what a make target needs is there: checked with pkg-config,
# PATH and python3 first (any system); when something lacks, on Debian the
# packages that provide it. Usage: scripts/ensure-deps.sh build|test|bench|
# screenshots|fuzz. As root it installs the missing packages (apt-get
# update first); otherwise it stops and prints the one command to run.
set -eu

build_pkgs="make gcc pkg-config libncurses-dev libyaml-dev"
# CC=clang (CI builds with it too): its compiler as well
case ${CC:-cc} in clang*) build_pkgs="$build_pkgs clang" ;; esac
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
  *) echo "usage: $0 build|test|bench|screenshots|fuzz" >&2; exit 2 ;;
esac

# First ask the machine itself (pkg-config for the libraries, PATH for the
# programs, python3 for its modules): a system that has everything needs
# nothing more, whatever its package manager. Only what is lacking sends
# us to Debian's package database.
lack=""
need_cmd() { for c; do command -v "$c" >/dev/null 2>&1 || lack="$lack $c"; done; }
need_lib() {
  pc=${PKG_CONFIG:-pkg-config}
  for m; do "$pc" --exists "$m" 2>/dev/null || lack="$lack $m(pkg-config)"; done
}
# the python the tests and scripts run (they prefer /usr/bin/python3)
py=/usr/bin/python3
[ -x "$py" ] || py=python3
need_py() { for m; do "$py" -c "import $m" >/dev/null 2>&1 || lack="$lack python3:$m"; done; }
need_utf8() { locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' || lack="$lack C.UTF-8(locale)"; }
cc_cmd=${CC:-cc}
need_cmd make "${cc_cmd%% *}" "${PKG_CONFIG:-pkg-config}"
need_lib ncursesw yaml-0.1
case "${1:-build}" in
  test) need_lib cmocka; need_cmd tmux python3 valgrind strace git; need_py yaml; need_utf8 ;;
  screenshots) need_cmd tmux python3; need_py PIL
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || lack="$lack DejaVu-fonts" ;;
  fuzz) need_cmd clang
    printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return (int)(d[0] + n) * 0; }\n' |
      clang -x c -fsanitize=fuzzer -o /dev/null - >/dev/null 2>&1 || lack="$lack libFuzzer(clang-rt)" ;;
  bench) need_cmd tmux python3 valgrind task calcurse; need_utf8
    [ -x /usr/bin/time ] || lack="$lack /usr/bin/time" ;;
esac
[ -z "$lack" ] && exit 0

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "charterdash: missing:$lack (install them with your package manager)" >&2
  exit 1
fi

missing=""
for pkg in $want; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in
    *" installed") ;;
    *) missing="$missing $pkg" ;;
  esac
done

if [ -z "$missing" ]; then # all of Debian's packages are in, yet something lacks
  echo "charterdash: missing:$lack (its Debian packages are installed: look at PATH and PKG_CONFIG_PATH)" >&2
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
