# harness.sh — what every CLI test script shares; source it first:
#   . "$(dirname "$0")/lib/harness.sh"
# Sets T (the binary: $TAIYAKU, else the script's first argument, else
# build/taiyaku; made absolute, since scripts cd into $TMP), ROOT, JA, EN
# (the bundled pair) and TMP (removed on exit); counts results; `finish
# NAME` prints "NAME: N passed, N failed" and gives the exit status.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=${TAIYAKU:-${1:-build/taiyaku}}
case $T in /*) ;; *) T=$PWD/$T ;; esac
JA=$ROOT/ja/cyber-dialogue-2017.txt
EN=$ROOT/en/cyber-dialogue-2017.txt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL: $*" >&2
}

# run STATUS CMD...: runs CMD, stdout to $TMP/out, stderr to $TMP/err, and
# checks the exit status.
run() {
  want=$1
  shift
  "$@" >"$TMP/out" 2>"$TMP/err"
  got=$?
  if [ "$got" -ne "$want" ]; then
    fail "exit $got, wanted $want: $*"
    sed 's/^/  stderr: /' "$TMP/err" | head -5 >&2
    return 1
  fi
  ok
}

# has FILE REGEX / hasnt FILE REGEX: FILE has (no) line matching REGEX.
has() {
  if grep -Eq -- "$2" "$1"; then ok; else fail "$1 lacks /$2/"; fi
}
hasnt() {
  if grep -Eq -- "$2" "$1"; then fail "$1 has /$2/"; else ok; fi
}

# py EXPR: a Python expression over the JSON in $TMP/out (bound to j);
# the test passes when it is true.
py() {
  if python3 -c "import json,sys; j=json.load(open('$TMP/out')); sys.exit(0 if ($1) else 1)" 2>"$TMP/pyerr"; then
    ok
  else
    fail "json: $1"
    head -3 "$TMP/pyerr" >&2
  fi
}

# finish NAME: the closing line and the exit status.
finish() {
  echo "$1: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
