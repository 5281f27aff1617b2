#!/bin/sh
# The terminal goes away without a SIGHUP (a dropped link; a pty whose
# master closes while the dashboard is not its session leader): the
# dashboard must leave, not spin on failing reads.
# Usage: test_dashboard_hangup.sh BINARY SCRATCH_DIR
set -u
bin=$1
tmp=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
cp "$here/data/charter.yaml" "$tmp/charter.yaml"
/usr/bin/python3 - "$bin" "$tmp/charter.yaml" <<'EOF'
import os, subprocess, sys, time
binary, data = sys.argv[1], sys.argv[2]
master, slave = os.openpty()
env = dict(os.environ, TERM='xterm-256color', LANG='C.UTF-8')
p = subprocess.Popen([binary, '--today', '2026-11-26', data], stdin=slave, stdout=slave, stderr=slave, env=env)
os.close(slave)
os.set_blocking(master, False)
seen = b''
deadline = time.time() + 10
while b'Overall' not in seen and time.time() < deadline:  # the first frame is drawn
    try:
        seen += os.read(master, 65536)
    except BlockingIOError:
        time.sleep(0.05)
if b'Overall' not in seen:
    p.kill()
    sys.exit('test_dashboard_hangup: FAIL: no first frame')
os.close(master)
try:
    p.wait(timeout=10)
except subprocess.TimeoutExpired:
    p.kill()
    sys.exit('test_dashboard_hangup: FAIL: still running 10 s after its terminal went away')
EOF
[ $? -eq 0 ] || exit 1
# It left the way a hang-up does: no presence record behind it.
if [ -e "$tmp/.charter.yaml.presence" ] && [ -n "$(ls -A "$tmp/.charter.yaml.presence")" ]; then
	echo "test_dashboard_hangup: FAIL: a presence record was left behind" >&2
	exit 1
fi
echo "test_dashboard_hangup: ok"
