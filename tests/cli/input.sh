#!/bin/sh
# Reading inputs safely (issue 12): endless or binary inputs refused from
# their first block, a size limit (--max-input), "-" for standard input,
# and a file truncated while it is read giving an error, not SIGBUS.
# Usage: TAIYAKU=build/taiyaku sh tests/cli/input.sh
# Prints "input: N passed, N failed" and exits 1 if any test failed.
set -u
. "$(dirname "$0")/lib/harness.sh"
cd "$TMP" || exit 2

# endless devices: refused at once (before: memory grew until killed)
run 2 timeout 10 "$T" outline /dev/zero
has err '/dev/zero: binary file, not text'
run 2 timeout 10 "$T" outline /dev/urandom
has err '/dev/urandom: binary file, not text'
run 2 timeout 10 "$T" check /dev/zero "$EN"
run 2 timeout 10 "$T" outline --encoding utf-16 /dev/zero
# an endless text stream stops at the limit
run 2 timeout 20 sh -c "yes '1. a' | \"$T\" outline --max-input 1M -"
has err '^taiyaku: -: larger than the input limit of 1048576 bytes'
# a regular file over the limit is refused before it is read
head -n 24 "$JA" > small.txt
run 2 "$T" outline --max-input 2K small.txt
has err 'small.txt: larger than the input limit of 2048 bytes'
run 0 "$T" outline --max-input 3K small.txt
for bad in 0 -1 1x 2T 99999999999999999999 ''; do
  run 2 "$T" outline --max-input "$bad" small.txt
done
has err 'max-input: a size from 1 byte to 1024G'
# UTF-16 without a BOM still reads (its NUL bytes are not "binary")
run 0 "$T" outline "$ROOT/tests/fixtures/read/seed.utf16le.txt"

# "-" is standard input, on either side; not on both
"$T" check --format json "$JA" "$EN" > want.json
run 0 sh -c "\"$T\" check --format json - \"$EN\" < \"$JA\""
py 'j["summary"]["matched"] > 0'
sed 's/"path": "[^"]*"/"path": ""/g' want.json > want.norm
sed 's/"path": "[^"]*"/"path": ""/g' out > got.norm
cmp -s want.norm got.norm && ok || fail "check - EN differs from check JA EN"
run 0 sh -c "\"$T\" check \"$JA\" - < \"$EN\""
run 0 sh -c "\"$T\" outline - < \"$JA\""
has out '^7 +7 '
run 2 sh -c "\"$T\" check - - < \"$JA\""
has err 'standard input can be one input, not both'

# a file truncated while it is read: an error or a complete read, never a
# signal (before: SIGBUS, exit 135, when the mapping lost its pages)
python3 - "$T" <<'PY' > trunc.log 2>&1
import os, subprocess, sys, time
t = sys.argv[1]
line = "1. " + "あ" * 300 + "\n"
bad = []
path = os.path.abspath("big.txt")
for attempt in range(6):
    with open(path, "w") as f:
        f.write(line * 60000)  # about 54 MB
    p = subprocess.Popen([t, "outline", path], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    # truncate as soon as the file is open (or mapped), a little later
    # each attempt
    fds = "/proc/%d/fd" % p.pid
    deadline = time.time() + 20
    while time.time() < deadline and p.poll() is None:
        try:
            if any(os.readlink(os.path.join(fds, n)) == path
                   for n in os.listdir(fds)) or path in open("/proc/%d/maps" % p.pid).read():
                break
        except OSError:
            pass
    time.sleep(0.001 * attempt)
    os.truncate(path, 4096)
    err = p.communicate()[1].decode()
    if p.returncode < 0 or p.returncode not in (0, 2):
        bad.append("exit %d" % p.returncode)
    elif p.returncode == 2 and "shrank" not in err and "invalid" not in err:
        bad.append("exit 2 without the reason: " + err.strip())
print("ok" if not bad else "; ".join(bad))
PY
[ "$(cat trunc.log)" = ok ] && ok || fail "truncated while read: $(cat trunc.log)"

finish input
