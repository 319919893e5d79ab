#!/bin/sh
# Tests tests/bench/score.c on a hand-made gold/alignment pair (testdata/
# score: 7 drawn pairs, the alignment gets 2 of 4 links and 2 of 3 omissions
# right, flags 2 lines wrongly and leaves one English line unmentioned; its
# JSON has escapes, braces inside strings, nested "line" keys and extra keys
# to skip) and on malformed alignments, which must be refused with status 2.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${BENCH_BUILD:-$ROOT/build/bench}
DATA=$ROOT/tests/bench/testdata/score
mkdir -p "$BIN"
${CC:-cc} -O2 -o "$BIN/score" "$ROOT/tests/bench/score.c"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
status=0

"$BIN/score" "$DATA/gold.tsv" "$DATA/align.json" >"$TMP/out"
if ! cmp -s "$TMP/out" "$DATA/expected.txt"; then
    echo "check_score: scores differ from testdata/score/expected.txt:" >&2
    diff "$DATA/expected.txt" "$TMP/out" >&2 || true
    status=1
fi

refuse() { # NAME JSON: score must exit 2
    printf '%s\n' "$2" >"$TMP/bad.json"
    rc=0
    "$BIN/score" "$DATA/gold.tsv" "$TMP/bad.json" >/dev/null 2>"$TMP/err" || rc=$?
    if [ $rc -ne 2 ]; then
        echo "check_score: $1: exit $rc, expected 2" >&2
        status=1
    fi
}
refuse "status against sides" '{"pairs":[{"status":"matched","ja":{"line":1},"en":null}]}'
refuse "line beyond gold" '{"pairs":[{"status":"content","ja":{"line":7},"en":{"line":1}}]}'
refuse "line zero" '{"pairs":[{"status":"missing-en","ja":{"line":0},"en":null}]}'
refuse "side without line" '{"pairs":[{"status":"missing-ja","ja":null,"en":{"text":"x"}}]}'
refuse "truncated" '{"pairs":[{"status":"content","ja":{"line":1},"en":{"line":1}}'
refuse "no pairs" '{"summary":{}}'
refuse "unterminated string" '{"pairs":[{"status":"content'

# --clauses (testdata/score-clauses): two clauses, one English sentence
# left out and flagged, a \u escape, and a 2-2 entry that predicts four
# links of which two are right
C=$ROOT/tests/bench/testdata/score-clauses
"$BIN/score" --clauses "$C/gold.tsv" "$C/align.json" "$C/ja.txt" "$C/en.txt" >"$TMP/cout"
if ! cmp -s "$TMP/cout" "$C/expected.txt"; then
    echo "check_score: --clauses scores differ from testdata/score-clauses/expected.txt:" >&2
    diff "$C/expected.txt" "$TMP/cout" >&2 || true
    status=1
fi

[ $status -eq 0 ] && echo "check_score: ok"
exit $status
