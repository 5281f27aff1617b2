#!/bin/sh
# e2e: bash completion (completions/charterdash.bash) for the first word —
# commands and charter files, `--<Tab>` the dashboard's options — for the
# dashboard's own options, and for set/add/rm without a FILE (ids from
# ./charter.yaml or $CHARTERDASH_FILE, as the commands use them).
# $1 = the binary (absolute), $2 = a scratch directory.
set -u
bin=$1 tmp=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
failures=0
fail() { echo "test_cli_completion: FAIL: $*" >&2; failures=$((failures + 1)); }
command -v bash >/dev/null 2>&1 || { echo "test_cli_completion: skipped (no bash)"; exit 0; }
unset CHARTERDASH_FILE

mkdir -p "$tmp/cwd/sub" "$tmp/elsewhere"
cp "$root/data/charter.yaml" "$tmp/cwd/charter.yaml"
: >"$tmp/cwd/notes.txt"
: >"$tmp/cwd/other.yml"
cat >"$tmp/elsewhere/small.yaml" <<'EOF'
charter:
  title: Small
  signed: 2026-02-09
working_groups:
  - id: energy
    name: Energy
    milestones:
      - id: energy-lng
        title: Joint LNG study
        status: not_started
EOF
cat >"$tmp/complete.bash" <<'EOF'
source "$1"
bin=$2
complete_line() { # WORD...: the words of the line, the last one being completed
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	COMPREPLY=()
	_charterdash "$bin" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
	echo
}
echo "first|$(complete_line charterdash "")"
echo "first c|$(complete_line charterdash c)"
echo "dashes|$(complete_line charterdash --)"
echo "--th|$(complete_line charterdash --th)"
echo "dashboard files|$(complete_line charterdash --ascii "")"
echo "dashboard options|$(complete_line charterdash --ascii --r)"
echo "dashboard today|$(complete_line charterdash --today "")"
echo "set|$(complete_line charterdash set energy-r)"
echo "set ID|$(complete_line charterdash set energy-roadmap "")"
echo "set ID status|$(complete_line charterdash set energy-roadmap status = "")"
echo "add|$(complete_line charterdash add ener)"
echo "rm|$(complete_line charterdash rm sec-d)"
echo "rm ID|$(complete_line charterdash rm sec-demining "")"
echo "log --id|$(complete_line charterdash log --id sec-r)"
CHARTERDASH_FILE=../elsewhere/small.yaml
echo "env rm|$(complete_line charterdash rm energy-)"
echo "env set FILE|$(complete_line charterdash set charter.yaml energy-r)"
EOF
(cd "$tmp/cwd" && bash --norc --noprofile "$tmp/complete.bash" "$root/completions/charterdash.bash" "$bin") \
	>"$tmp/got" 2>"$tmp/err" || fail "completion script failed: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] || { fail "completion wrote to stderr:"; cat "$tmp/err" >&2; }
got() { sed -n "s/^$1|//p" "$tmp/got"; }
expect() { # SECTION WANT
	[ "$(got "$1")" = "$2" ] || fail "$1: got '$(got "$1")', want '$2'"
}
commands=$("$bin" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }')
expect "first" "$(printf '%s\n' $commands charter.yaml other.yml sub | sort | tr '\n' ' ')"
expect "first c" "charter.yaml check "
expect "dashes" "--ascii --follow --force --help --mouse --no-color --read-only --thin-cursor --today --version "
expect "--th" "--thin-cursor "
expect "dashboard files" "charter.yaml other.yml sub "
expect "dashboard options" "--read-only "
expect "dashboard today" "$(date +%Y-%m-%d) "
expect "set" "energy-roadmap "
expect "set ID" "completed= due= notes= owner= status= title= "
expect "set ID status" "blocked done in_progress not_started "
expect "add" "energy "
expect "rm" "sec-defence-sales sec-demining "
expect "rm ID" " " # nothing
expect "log --id" "sec-roadmap "
expect "env rm" "energy-lng "
expect "env set FILE" "energy-roadmap "

if [ "$failures" -ne 0 ]; then
	echo "test_cli_completion: $failures failure(s)" >&2
	exit 1
fi
echo "test_cli_completion: ok"
