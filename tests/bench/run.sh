#!/bin/sh
# tests/bench/run.sh TAIYAKU_BINARY — the `make bench` driver.
#
# Builds the benchmark tools (mocorpus, genpairs, peakrss, score) into
# build/bench/ with cc -O2 and generates the inputs into build/bench-data/,
# kept between runs (a set is made again only when its .done stamp is
# missing; delete build/bench-data to start afresh):
#   gen/N          genpairs N: synthetic clause files with nested numbering
#   mo/N           mocorpus: gettext sentences, one a line, 5% en and 2% ja
#                  lines deleted, gold.tsv (../shared/bench/README.md)
#   mo-clauses/N   mocorpus --clauses: the same sentences in numbered clauses
# N from BENCH_SIZES (default 1000,10000,100000); the mo sets need Japanese
# catalogs under /usr/share/locale/ja/LC_MESSAGES and are skipped without.
#
# Then one table per input, a row per command: bytes of ja.txt + en.txt;
# wall seconds, best of BENCH_REPEAT (default 3) runs; MB/s (10^6 bytes);
# peak RSS in MiB, the largest over the runs (tests/bench/peakrss.c); wall
# time as a multiple of `wc -l` and of `wc -m` (LC_ALL=C.UTF-8) over the same
# two files, measured in this run. A command that fails (exit above 0; above
# 1 for taiyaku, whose 1 means findings) or a missing binary prints FAILED
# with the reason, and the run goes on. Sentence alignments of mo/N are scored
# against gold.tsv (tests/bench/score.c). Outputs and stderr of each command
# are kept in build/bench/results/.
#
# To add a row, call `row NAME CMD...` (or `taiyaku_row NAME ARGS...`) in
# bench_input; to add an input, call bench_input with its directory.
set -u
case ${1:-} in
'') echo "usage: tests/bench/run.sh TAIYAKU_BINARY" >&2; exit 2 ;;
/*) TAIYAKU=$1 ;;
*) TAIYAKU=$PWD/$1 ;;
esac
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
BIN=$ROOT/build/bench
DATA=$ROOT/build/bench-data
RES=$BIN/results
SIZES=${BENCH_SIZES:-1000,10000,100000}
REPEAT=${BENCH_REPEAT:-3}
MODIR=/usr/share/locale/ja/LC_MESSAGES
mkdir -p "$BIN" "$DATA" "$RES" || exit 2

# ---- tools ----
for tool in mocorpus genpairs peakrss score; do
    src=tests/bench/$tool.c
    if [ ! -x "$BIN/$tool" ] || [ "$src" -nt "$BIN/$tool" ]; then
        ${CC:-cc} -O2 -o "$BIN/$tool" "$src" -lm || { echo "bench: cannot build $tool" >&2; exit 2; }
    fi
done

# ---- data ----
have_mo=0
ls "$MODIR"/*.mo >/dev/null 2>&1 && have_mo=1
for n in $(echo "$SIZES" | tr , ' '); do
    if [ ! -f "$DATA/gen/$n/.done" ]; then
        mkdir -p "$DATA/gen" && "$BIN/genpairs" "$n" "$DATA/gen/$n" &&
            touch "$DATA/gen/$n/.done" || { echo "bench: genpairs $n failed" >&2; exit 2; }
    fi
    [ $have_mo = 1 ] || continue
    for kind in mo mo-clauses; do
        [ -f "$DATA/$kind/$n/.done" ] && continue
        flag=
        [ $kind = mo-clauses ] && flag=--clauses
        "$BIN/mocorpus" $flag --out "$DATA/$kind" --sizes "$n" >/dev/null &&
            touch "$DATA/$kind/$n/.done" || { echo "bench: mocorpus $flag $n failed" >&2; exit 2; }
    done
done

# ---- measuring ----
# calc EXPR VAR=VALUE...: an awk expression over the given variables.
calc() {
    expr=$1
    shift
    awk "$@" "BEGIN { print ($expr) }"
}

FMT="%-40s %11s %9s %9s %9s %8s %8s\n"
ROW_OK=0      # the highest exit status that still counts as success
row_ok=0      # did the last row succeed
wc_l= wc_m=   # best wall times of the rows "wc -l" and "wc -m" of this input

# row NAME CMD...: runs CMD REPEAT times under peakrss and prints its row.
row() {
    name=$1
    shift
    best= peak=0 i=0 row_ok=0
    err=$RES/$slug-$(printf '%s' "$name" | tr -c 'A-Za-z0-9' '-').err
    while [ $i -lt "$REPEAT" ]; do
        i=$((i + 1))
        m=$("$BIN/peakrss" "$@" 2>"$err") || { printf "$FMT" "$name" FAILED "(peakrss)" "" "" "" ""; return; }
        st=${m%% *} rest=${m#* }
        secs=${rest%% *} kib=${rest#* }
        if [ "$st" -gt $ROW_OK ]; then
            printf '%-40s FAILED (exit %s)%s\n' "$name" "$st" \
                "$(head -n 1 "$err" | sed 's/^./: &/' | cut -c1-120)"
            return
        fi
        best=$(calc '(a == "" || b < a) ? b : a' -v a="$best" -v b="$secs")
        peak=$(calc '(b > a) ? b : a' -v a="$peak" -v b="$kib")
    done
    row_ok=1
    case $name in # the baselines of this input
    "wc -l") wc_l=$best ;;
    "wc -m") wc_m=$best ;;
    esac
    printf "$FMT" "$name" "$bytes" "$(calc 'sprintf("%.4f", s)' -v s="$best")" \
        "$(calc 's > 0 ? sprintf("%.1f", b / 1e6 / s) : "-"' -v s="$best" -v b="$bytes")" \
        "$(calc 'sprintf("%.1f", k / 1024)' -v k="$peak")" \
        "$(ratio "$wc_l")" "$(ratio "$wc_m")"
}

ratio() {
    if [ -n "$1" ]; then
        calc 'b > 0 ? sprintf("%.1f", s / b) : "-"' -v s="$best" -v b="$1"
    else
        echo -
    fi
}

# taiyaku_row NAME ARGS...: a row for "$TAIYAKU ARGS...", exit 1 allowed.
taiyaku_row() {
    name=$1
    shift
    if [ ! -x "$TAIYAKU" ]; then
        printf '%-40s FAILED (no binary at %s)\n' "$name" "$TAIYAKU"
        row_ok=0
        return
    fi
    ROW_OK=1
    row "$name" "$TAIYAKU" "$@"
    ROW_OK=0
}

# bench_input KIND/N: the table of one input directory under build/bench-data.
bench_input() {
    dir=$DATA/$1
    slug=$(echo "$1" | tr / -)
    ja=$dir/ja.txt en=$dir/en.txt
    bytes=$(($(wc -c <"$ja") + $(wc -c <"$en")))
    echo
    echo "== $1: ja $(wc -l <"$ja") lines, en $(wc -l <"$en") lines"
    printf "$FMT" command bytes "wall s" "MB/s" "peak MiB" "x wc -l" "x wc -m"
    wc_l= wc_m=
    row "wc -l" wc -l "$ja" "$en"
    row "wc -m" env LC_ALL=C.UTF-8 wc -m "$ja" "$en"
    taiyaku_row "taiyaku align --format json" align --format json "$ja" "$en" -o /dev/null
    case $1 in
    mo/*)
        out=$RES/$slug-sentence.json
        rm -f "$out"
        taiyaku_row "taiyaku align --by sentence" align --by sentence --format json "$ja" "$en" -o "$out"
        if [ $row_ok = 1 ]; then
            "$BIN/score" "$dir/gold.tsv" "$out" | sed 's/^/    /'
        fi
        ;;
    esac
}

echo "taiyaku benchmark: $TAIYAKU, best of $REPEAT, $(date -u '+%Y-%m-%d %H:%M UTC')"
for n in $(echo "$SIZES" | tr , ' '); do
    bench_input gen/$n
done
if [ $have_mo = 1 ]; then
    for n in $(echo "$SIZES" | tr , ' '); do
        bench_input mo/$n
        bench_input mo-clauses/$n
    done
else
    echo
    echo "(no catalogs under $MODIR: mocorpus inputs skipped)"
fi
exit 0
