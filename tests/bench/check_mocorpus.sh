#!/bin/sh
# Checks tests/bench/mocorpus.c against the reference script: both build the
# sentence-alignment benchmark for sizes 1000 and 10000 and every output file
# must be byte-identical. Then checks that --clauses regroups exactly those
# sentences: clause files rebuilt from the sentence files and the clause
# gold.tsv (a clause's sentences one a line) must equal the ones mocorpus wrote, with 3..8 pairs a clause.
# Skips (exit 0, with a message) when the reference or its inputs are absent.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REF=${MO_CORPUS_PY:-$ROOT/../shared/bench/mo_corpus.py}
MODIR=/usr/share/locale/ja/LC_MESSAGES
SIZES=1000,10000
BIN=${BENCH_BUILD:-$ROOT/build/bench}

if [ ! -f "$REF" ]; then
    echo "check_mocorpus: skipped, no reference script at $REF"
    exit 0
fi
for tool in python3 msgunfmt; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "check_mocorpus: skipped, the reference needs $tool"
        exit 0
    fi
done
if ! ls "$MODIR"/*.mo >/dev/null 2>&1; then
    echo "check_mocorpus: skipped, no catalogs under $MODIR"
    exit 0
fi

mkdir -p "$BIN"
${CC:-cc} -O2 -o "$BIN/mocorpus" "$ROOT/tests/bench/mocorpus.c" -lm
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

"$BIN/mocorpus" --out "$TMP/ours" --sizes $SIZES >"$TMP/ours.out"
python3 "$REF" --out "$TMP/ref" --sizes $SIZES >"$TMP/ref.out"
status=0
same() {
    if cmp "$1" "$2"; then :; else status=1; fi
}
same "$TMP/ours.out" "$TMP/ref.out"
same "$TMP/ours/corpus.json" "$TMP/ref/corpus.json"
for n in $(echo $SIZES | tr , ' '); do
    for f in ja.txt en.txt gold.tsv meta.json; do
        same "$TMP/ours/$n/$f" "$TMP/ref/$n/$f"
    done
done

"$BIN/mocorpus" --clauses --out "$TMP/clauses" --sizes $SIZES >/dev/null
for n in $(echo $SIZES | tr , ' '); do
    s=$TMP/ours/$n c=$TMP/clauses/$n x=$TMP/expect-$n
    mkdir -p "$x"
    LC_ALL=C awk -F '\t' -v s="$s" -v c="$c" -v x="$x" '
    function fail(msg) { print "check_mocorpus: " c ": " msg > "/dev/stderr"; bad = 1; exit 1 }
    BEGIN {
        while ((getline l < (s "/ja.txt")) > 0) ja[nj++] = l
        while ((getline l < (s "/en.txt")) > 0) en[ne++] = l
        getline g < (s "/gold.tsv")
        getline h < (c "/gold.tsv")
        if (h != "kind\tclause\tja\ten") fail("bad gold header")
        while ((getline g < (s "/gold.tsv")) > 0) {
            if ((getline h < (c "/gold.tsv")) <= 0) fail("clause gold too short")
            split(g, a, "\t"); n = split(h, b, "\t")
            if (n != 4 || a[1] != b[1]) fail("row differs: " h)
            k = b[2] + 0
            if (k != last && k != last + 1) fail("clause out of order: " h)
            last = k; size[k]++
            if (a[2] != "-") {
                if (b[3] != cj[k] + 0) fail("ja index: " h)
                J[k] = (cj[k]++ ? J[k] "\n" : k " ") ja[a[2]]
            } else if (b[3] != "-") fail("ja index: " h)
            if (a[3] != "-") {
                if (b[4] != ce[k] + 0) fail("en index: " h)
                E[k] = (ce[k]++ ? E[k] "\n" : k " ") en[a[3]]
            } else if (b[4] != "-") fail("en index: " h)
        }
        if ((getline h < (c "/gold.tsv")) > 0) fail("clause gold too long")
        for (k = 1; k <= last; k++) {
            if (size[k] < 3 || size[k] > 8) fail("clause " k " holds " size[k] " pairs")
            if (k in J) print J[k] > (x "/ja.txt")
            if (k in E) print E[k] > (x "/en.txt")
        }
    }' || status=1
    # blank lines (the paragraph breaks inside a clause) aside
    grep -v '^$' "$c/ja.txt" >"$x/ja.lines" || true
    grep -v '^$' "$c/en.txt" >"$x/en.lines" || true
    same "$x/ja.txt" "$x/ja.lines"
    same "$x/en.txt" "$x/en.lines"
done

if [ $status -eq 0 ]; then
    echo "check_mocorpus: ok, sizes $SIZES byte-identical to $(basename "$REF"); clauses regroup them"
else
    echo "check_mocorpus: FAILED" >&2
fi
exit $status
