# tests/bench/align.sh — the content-alignment rows of `make bench`, sourced
# by tests/bench/run.sh after its own mocorpus tables (it uses run.sh's
# start_input, row, taiyaku_row, $DATA, $RES, $BIN, $MO_SIZES, $have_mo).
#
# For each mo/N set: `align --by sentence` with the dictionary of Debian's
# edict package (/usr/share/edict/edict, EUC-JP; skipped when it is not
# installed), scored against gold.tsv beside the plain row run.sh already
# prints, so the gain of --dict shows.  The dictionary is never needed at
# run time; the row measures what it adds.
EDICT=${BENCH_EDICT:-/usr/share/edict/edict}

if [ "$have_mo" = 1 ] && [ -f "$EDICT" ]; then
    for n in $(echo "$MO_SIZES" | tr , ' '); do
        dir=$DATA/mo/$n
        start_input "mo/$n (mocorpus) with --dict $EDICT" "mo-$n-dict" \
            "$(($(wc -c <"$dir/ja.txt") + $(wc -c <"$dir/en.txt")))" \
            "$(count_clauses "$dir/ja.txt" "$dir/en.txt")"
        out=$RES/mo-$n-sentence-dict.json
        rm -f "$out"
        taiyaku_row "taiyaku align --by sentence --dict" align --by sentence \
            --dict "$EDICT" --format json "$dir/ja.txt" "$dir/en.txt" -o "$out"
        if [ "$row_ok" = 1 ]; then
            echo
            "$BIN/score" "$dir/gold.tsv" "$out" | sed 's/^/    /'
        fi
    done
elif [ "$have_mo" = 1 ]; then
    echo
    echo "(no $EDICT: the --dict rows skipped; apt-get install edict to measure them)"
fi
