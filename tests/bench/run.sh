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
    if ! ${CC:-cc} -O2 -o "$BIN/$tool" "tests/bench/$tool.c" -lm; then
        echo "bench: cannot build $tool" >&2
        exit 2
    fi
done

# ---- data ----
have_mo=0
ls "$MODIR"/*.mo >/dev/null 2>&1 && have_mo=1
for n in $(echo "$SIZES" | tr , ' '); do
    if [ ! -f "$DATA/gen/$n/.done" ]; then
        if ! { mkdir -p "$DATA/gen" && "$BIN/genpairs" "$n" "$DATA/gen/$n"; }; then
            echo "bench: genpairs $n failed" >&2
            exit 2
        fi
        touch "$DATA/gen/$n/.done"
    fi
    [ $have_mo = 1 ] || continue
    for kind in mo mo-clauses; do
        [ -f "$DATA/$kind/$n/.done" ] && continue
        flag=
        [ $kind = mo-clauses ] && flag=--clauses
        if ! "$BIN/mocorpus" $flag --out "$DATA/$kind" --sizes "$n" >/dev/null; then
            echo "bench: mocorpus $flag $n failed" >&2
            exit 2
        fi
        touch "$DATA/$kind/$n/.done"
    done
done

# ---- measuring ----
# calc EXPR VAR=VALUE...: an awk expression over the given variables.
calc() {
    expr=$1
    shift
    awk "$@" "BEGIN { print ($expr) }"
}

# cols NAME BYTES SECS MB/S MIB XWCL XWCM: one line of a table.
cols() {
    printf '%-40s %11s %9s %9s %9s %8s %8s\n' "$@"
}

# failed NAME REASON [DETAIL]: the line of a row that could not be measured.
failed() {
    printf '%-40s FAILED (%s)%s\n' "$1" "$2" "${3:+: $3}"
    row_ok=0
}

ROW_OK=0      # the highest exit status that still counts as success
row_ok=0      # did the last row succeed
wc_l='' wc_m=''   # best wall times of the rows "wc -l" and "wc -m" of this input

# row NAME CMD...: runs CMD REPEAT times under peakrss and prints its row.
row() {
    name=$1
    shift
    best='' peak=0 i=0 row_ok=0
    err=$RES/$slug-$(printf '%s' "$name" | tr -c 'A-Za-z0-9' '-').err
    while [ $i -lt "$REPEAT" ]; do
        i=$((i + 1))
        if ! m=$("$BIN/peakrss" "$@" 2>"$err"); then
            failed "$name" "peakrss could not measure"
            return
        fi
        st=${m%% *} rest=${m#* }
        secs=${rest%% *} kib=${rest#* }
        if [ "$st" -gt $ROW_OK ]; then
            failed "$name" "exit $st" "$(head -n 1 "$err" | cut -c1-120)"
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
    cols "$name" "$bytes" "$(calc 'sprintf("%.4f", s)' -v s="$best")" \
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
        failed "$name" "no binary at $TAIYAKU"
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
    cols command bytes "wall s" "MB/s" "peak MiB" "x wc -l" "x wc -m"
    wc_l='' wc_m=''
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
    bench_input "gen/$n"
done
if [ $have_mo = 1 ]; then
    for n in $(echo "$SIZES" | tr , ' '); do
        bench_input "mo/$n"
        bench_input "mo-clauses/$n"
    done
else
    echo
    echo "(no catalogs under $MODIR: mocorpus inputs skipped)"
fi
exit 0
