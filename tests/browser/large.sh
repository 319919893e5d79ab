#!/bin/sh
# The HTML page of a long document in headless Chromium: a genpairs pair
# of 1,200 clauses (tests/bench/genpairs.c) with clauses left out of the
# English (one alone, two together), a clause left out of the Japanese and
# a number changed, rendered as HTML and JSON and checked by run.sh with
# EXPECT_REGIONS: the overview boxes each problem region, and every
# problem pair is reachable from its region's detail.
#
# Usage: sh tests/browser/large.sh TAIYAKU GENPAIRS OUT_DIR
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$1 GEN=$2 OUT=$3
mkdir -p "$OUT/src"
"$GEN" 1200 "$OUT/src" >/dev/null
# English: line 200 alone, 610-611 together and 1000 left out; the second
# number of line 800 changed.  Japanese: line 400 left out.
awk 'NR == 200 || NR == 610 || NR == 611 || NR == 1000 { next }
     NR == 800 { n = 0; out = ""; s = $0
       while (match(s, /[0-9]+/)) {
         n++; out = out substr(s, 1, RSTART - 1)
         out = out (n == 2 ? "9999" : substr(s, RSTART, RLENGTH))
         s = substr(s, RSTART + RLENGTH) }
       $0 = out s }
     { print }' "$OUT/src/en.txt" >"$OUT/src/en-draft.txt"
awk 'NR != 400' "$OUT/src/ja.txt" >"$OUT/src/ja-draft.txt"
for f in html json; do
  "$T" align --format $f --fail-on never -o "$OUT/large.$f" \
    "$OUT/src/ja-draft.txt" "$OUT/src/en-draft.txt"
done
EXPECT_REGIONS=4 sh "$ROOT/tests/browser/run.sh" "$OUT/large.html" \
  "$OUT/large.json" "$OUT"
