#!/bin/sh
# Nothing written over an input, and outputs replaced with care (issue 12):
# -o naming an input (itself, a hard link, a symlink) is refused with exit
# 2 before anything is read, in single and --batch mode; a replaced output
# keeps its mode and owner; -o on a symlink writes the file it points to;
# SIGINT, SIGTERM and SIGHUP leave no temporary file; numeric options are
# range-checked.
# Usage: TAIYAKU=build/taiyaku sh tests/cli/safety.sh
# Prints "safety: N passed, N failed" and exits 1 if any test failed.
set -u
. "$(dirname "$0")/lib/harness.sh"

# same FILE COPY: FILE still has the bytes of COPY.
same() {
  if cmp -s "$1" "$2"; then ok; else fail "$1 was changed"; fi
}

cd "$TMP" || exit 2
cp "$JA" j.txt
cp "$EN" en.txt
cp j.txt j.orig

# the command of the issue: the input replaced by JSON, exit 0
run 2 "$T" align --format json -o j.txt j.txt en.txt
same j.txt j.orig
has err 'j.txt: -o names the input j.txt'
run 2 "$T" check -o en.txt j.txt en.txt
same en.txt "$EN"
# through a hard link and a symlink, and in another spelling of the path
ln j.txt hard.txt
ln -s j.txt sym.txt
run 2 "$T" align --format json -o hard.txt j.txt en.txt
same j.txt j.orig
run 2 "$T" align --format json -o sym.txt j.txt en.txt
same j.txt j.orig
run 2 "$T" align --format json -o ./j.txt "$TMP/j.txt" en.txt
same j.txt j.orig
# nor the configuration or the dictionary
printf 'severity:\n  length-ratio: info\n' > cfg.yaml
cp cfg.yaml cfg.orig
run 2 "$T" align --config cfg.yaml -o cfg.yaml j.txt en.txt
same cfg.yaml cfg.orig
printf '法律\tlaw\n' > dict.tsv
run 2 "$T" align --dict dict.tsv -o dict.tsv j.txt en.txt
has dict.tsv '^法律	law$'
# "before reading anything": an unreadable input still gives the -o error
run 2 "$T" align -o j.txt j.txt missing.txt
has err 'refusing to write over'

# --batch -o at the ja folder: a .yaml input is not overwritten
mkdir -p b/ja b/en b/out
printf 'clauses:\n  - id: "1"\n    text: 第一条\n' > b/ja/law.yaml
printf 'clauses:\n  - id: "1"\n    text: Article 1\n' > b/en/law.yaml
cp b/ja/law.yaml yaml.orig
run 2 "$T" align --batch b/ja b/en -o b/ja --format yaml
same b/ja/law.yaml yaml.orig
run 2 "$T" align --batch b/ja b/en -o b/en --format md
has err 'names an input folder'
# ... nor through a symlink in the output folder
ln -s ../ja/law.yaml b/out/law.yaml
run 2 "$T" align --batch b/ja b/en -o b/out --format md,yaml
same b/ja/law.yaml yaml.orig
has err 'b/out/law.yaml: the output would replace an input'
test ! -e b/out/law.md && ok || fail "batch wrote b/out/law.md before refusing"
rm b/out/law.yaml
run 0 "$T" align --batch b/ja b/en -o b/out --format yaml
has b/out/law.yaml 'Article 1'

# a replaced output keeps its mode (and, as root, its owner)
echo old > out.json
chmod 600 out.json
run 0 "$T" align --format json -o out.json j.txt en.txt
[ "$(stat -c %a out.json)" = 600 ] && ok || fail "mode of out.json: $(stat -c %a out.json)"
has out.json '"taiyaku"'
if [ "$(id -u)" = 0 ]; then
  chown 65534:65534 out.json
  run 0 "$T" align --format json -o out.json j.txt en.txt
  [ "$(stat -c %u:%g out.json)" = 65534:65534 ] && ok \
    || fail "owner of out.json: $(stat -c %u:%g out.json)"
fi
# a new output gets the umask's mode
(umask 027 && "$T" align --format json -o new.json j.txt en.txt)
[ "$(stat -c %a new.json)" = 640 ] && ok || fail "mode of new.json: $(stat -c %a new.json)"

# -o on a symlink writes the file it points to; the link stays
mkdir -p sub
echo x > sub/real.json
ln -s sub/real.json link.json
ln -s sub/none.json dangling.json
run 0 "$T" align --format json -o link.json j.txt en.txt
[ -L link.json ] && ok || fail "link.json is no longer a symlink"
has sub/real.json '"taiyaku"'
run 0 "$T" align --format json -o dangling.json j.txt en.txt
[ -L dangling.json ] && ok || fail "dangling.json is no longer a symlink"
has sub/none.json '"taiyaku"'

# a signal while the output is written: the temporary file is removed.
# A pair big enough that rendering lasts a while.  When the temporary file
# appears (polled by Python every millisecond) the process is stopped; if
# the file is still there, the signal is sent and the process continued, so
# the signal is handled while the file exists.  A run that finished in
# between (the file renamed already) is retried.
python3 - <<'PY'
import random
random.seed(12)
with open("bigja.txt", "w") as ja, open("bigen.txt", "w") as en:
    for i in range(1, 60001):
        ja.write("%d. 第%d回の会合において両国は協力を確認した。\n" % (i, i))
        en.write("%d. At the meeting number %d both sides confirmed it.\n" % (i, i))
PY
for sig in INT TERM HUP; do
  mkdir -p "sig$sig"
  python3 - "$T" "$sig" "sig$sig" <<'PY' >"sig$sig.log" 2>&1
import os, signal, subprocess, sys, time
t, sig, d = sys.argv[1:4]
# under nohup SIGHUP comes ignored, and in a background job SIGINT, and a
# program keeps an ignored signal ignored: the child gets the default
# dispositions, as in a terminal
for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(s, signal.SIG_DFL)
def temporary():
    return any(n.startswith(".out.html.") for n in os.listdir(d))
seen = False
for attempt in range(5):
    p = subprocess.Popen([t, "align", "--format", "html", "--sentences", "-o",
                          d + "/out.html", "bigja.txt", "bigen.txt"],
                         stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while p.poll() is None and time.time() < deadline:
        if temporary():
            p.send_signal(signal.SIGSTOP)
            if temporary():
                seen = True
                p.send_signal(getattr(signal, "SIG" + sig))
            p.send_signal(signal.SIGCONT)
            break
        time.sleep(0.001)
    rc = p.wait()
    if seen:
        break
    for n in os.listdir(d):  # finished first: try again from nothing
        os.remove(os.path.join(d, n))
want = -getattr(signal, "SIG" + sig)
print("ok" if seen and rc == want else
      "temporary file %s, exit %d (wanted %d)" % ("seen" if seen else "never seen", rc, want))
PY
  n=$(ls -A "sig$sig" | wc -l)
  if [ "$(cat "sig$sig.log")" = ok ]; then ok; else fail "SIG$sig: $(cat "sig$sig.log")"; fi
  [ "$n" -eq 0 ] && ok || fail "SIG$sig left: $(ls -A "sig$sig")"
done

# numeric options: parsed whole and range-checked
# (before the fix this one wrote gigabytes: a time limit)
run 2 timeout 10 "$T" align -w 2147483647 j.txt en.txt
has err 'width: a whole number from 20 to 1000'
run 2 "$T" align -w 99999999999 j.txt en.txt
run 2 "$T" align -w 80x j.txt en.txt
run 2 "$T" align -w '' j.txt en.txt
run 0 "$T" align -w 1000 j.txt en.txt
run 2 "$T" align --batch -j 0 b/ja b/en -o b/out
run 2 "$T" align --batch -j 99999999999 b/ja b/en -o b/out
run 0 "$T" align --batch -j 2 b/ja b/en -o b/out
COLUMNS=99999999999 run 0 "$T" align j.txt en.txt

finish safety
