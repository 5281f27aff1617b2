#!/bin/sh
# Hostile files given to `charterdash check` end in a clean, located error:
# exit status 1 (not a crash, not a timeout) and FILE:LINE:COL: error: on
# stderr. The big inputs are generated here, never committed.
# Usage: test_hostile.sh BINARY SCRATCH_DIR
set -u
bin=$1
dir=$2
failures=0

# expect NAME FILE PATTERN: exit 1 within 20 s, and a stderr line that
# starts with FILE:LINE:COL: error: and matches PATTERN (grep -E).
expect() {
	name=$1 file=$2 pattern=$3
	start=$(date +%s)
	timeout 20 "$bin" check "$file" >"$dir/out" 2>"$dir/err"
	rc=$?
	secs=$(( $(date +%s) - start ))
	if [ "$rc" -ne 1 ]; then
		echo "FAIL $name: exit status $rc (1 expected; >=124 is a timeout or a crash)"
		head -c 400 "$dir/err"
		failures=$((failures + 1))
		return
	fi
	if ! grep -Eq "^$(printf '%s' "$file" | sed 's/[].[*^$\\/]/\\&/g'):[0-9]+:[0-9]+: error: " "$dir/err"; then
		echo "FAIL $name: no FILE:LINE:COL: error: line on stderr"
		head -c 400 "$dir/err"
		failures=$((failures + 1))
		return
	fi
	if ! grep -Eq "$pattern" "$dir/err"; then
		echo "FAIL $name: stderr does not match /$pattern/"
		head -c 400 "$dir/err"
		failures=$((failures + 1))
		return
	fi
	echo "ok $name (${secs}s)"
}

# A 50 MB single line: the value of `charter` is one huge word.
python3 - "$dir/long_line.yaml" <<'EOF'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('charter: ' + 'x' * 50_000_000 + '\nworking_groups: []\n')
EOF
expect "50 MB single line" "$dir/long_line.yaml" ':1:10: error: the charter should be a mapping'

# The same line inside a quote that never closes: located at the quote.
python3 - "$dir/long_quote.yaml" <<'EOF'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('charter:\n  title: "' + 'x' * 50_000_000)
EOF
expect "50 MB unclosed quote" "$dir/long_quote.yaml" ':2:10: error: unclosed quote'

# A flood of tiny values (a 24 MB line of 12 million one-letter items):
# stopped after a million nodes instead of building all of them.
python3 - "$dir/dense.yaml" <<'EOF'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('charter: [' + ','.join(['a'] * 12_000_000) + ']\n')
EOF
expect "12 million tiny values" "$dir/dense.yaml" 'values averaging under 4 bytes each'

# 200,000-deep flow nesting, and block nesting.
python3 - "$dir/deep.yaml" "$dir/deep_block.yaml" <<'EOF'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('[' * 200_000 + ']' * 200_000 + '\n')
with open(sys.argv[2], 'w') as f:
    f.write('- ' * 200_000 + 'x\n')
EOF
expect "200k-deep [[[[" "$dir/deep.yaml" ':1:257: error: nesting is deeper'
expect "200k-deep - - - -" "$dir/deep_block.yaml" ':1:513: error: nesting is deeper'

# Billion laughs: 9^40 items if aliases were expanded.
python3 - "$dir/bomb.yaml" <<'EOF'
import sys
lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
for i in range(1, 40):
    lines.append('a%d: &a%d [%s]' % (i, i, ', '.join(['*a%d' % (i - 1)] * 9)))
lines.append('charter: *a39')
with open(sys.argv[1], 'w') as f:
    f.write('\n'.join(lines) + '\n')
EOF
expect "alias bomb" "$dir/bomb.yaml" ':41:10: error: the charter is an alias to a list or mapping'

# Random bytes (seeded, so a failure can be replayed).
for seed in 1 2 3; do
	python3 - "$dir/random$seed.yaml" "$seed" <<'EOF'
import random, sys
r = random.Random(int(sys.argv[2]))
with open(sys.argv[1], 'wb') as f:
    f.write(bytes(r.randrange(256) for _ in range(1_000_000)))
EOF
	expect "random bytes, seed $seed" "$dir/random$seed.yaml" 'error: '
done

# Encodings and bytes a YAML file may not hold.
printf 'charter:\n  title: a\377\n' >"$dir/bad_utf8.yaml"
expect "invalid UTF-8" "$dir/bad_utf8.yaml" ':2:11: error: the file is not valid UTF-8 \(byte 0xFF\)'
printf 'charter:\n  title: a\000b\n' >"$dir/nul.yaml"
expect "NUL byte" "$dir/nul.yaml" ':2:11: error: control character U\+0000'
printf '\377\376c\000h\000' >"$dir/utf16.yaml"
expect "UTF-16 BOM" "$dir/utf16.yaml" ':1:1: error: the file is UTF-16 or UTF-32 encoded'

# Larger than any source the loader takes (512 MiB): refused before it is
# read. The file is sparse; with memory capped at 256 MB, reading it first
# would end in "out of memory" instead of this message. (ASan reserves
# terabytes of address space, so a sanitized binary gets its allocator's
# own cap instead of ulimit's.)
truncate -s 600M "$dir/big.yaml"
if grep -q __asan_init "$bin"; then
	(export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}max_allocation_size_mb=256:allocator_may_return_null=1"
	 timeout 20 "$bin" check "$dir/big.yaml") >"$dir/out" 2>"$dir/err"
else
	(ulimit -v 262144 && timeout 20 "$bin" check "$dir/big.yaml") >"$dir/out" 2>"$dir/err"
fi
rc=$?
if [ "$rc" -ne 1 ] || [ "$(cat "$dir/err")" != "$dir/big.yaml: error: file is larger than 512 MiB; charterdash cannot read it" ]; then
	echo "FAIL 600 MB file: exit $rc, stderr: $(head -c 300 "$dir/err")"
	failures=$((failures + 1))
else
	echo "ok 600 MB file refused before reading"
fi
rm -f "$dir/big.yaml"

[ "$failures" -eq 0 ]
