# shellcheck shell=sh
# tests/bench/plant.sh — the planted-omission table of `make bench`, sourced
# by tests/bench/run.sh at its end (it uses run.sh's $TAIYAKU, $ROOT, $RES).
#
# ../shared/bench/plant.py (issue 11) over the five faithful pairs of
# ../shared/corpus/ (Debian constitution v1.7, social contract, Constitution
# of Japan, debian-faq, developers-reference): the clean run's flagged
# clauses per 100 matched, and the clause-level precision and recall of the
# omissions it plants (any warning or error; omission findings alone),
# each beside the figures of taiyaku 0.1.0 that ../shared/bench/README.md
# gives for the pair.  Then the targets of issue 11, each met or not.
# Environment:
#   BENCH_SHARED       where shared/ is (default: ../shared beside the tree)
#   BENCH_PLANT_SEEDS  seeds of plant.py (default 5, as the issue counts)
SHARED=${BENCH_SHARED:-$ROOT/../shared}
PLANT=$SHARED/bench/plant.py
PC=$SHARED/corpus

echo
echo "#### Omissions planted into the faithful pairs (plant.py, issue 11)"
echo
if [ ! -f "$PLANT" ] || [ ! -d "$PC" ]; then
    echo "(no $PLANT or $PC: the plant.py table skipped)"
else
    out=$RES/plant.json
    if python3 "$PLANT" --bin "$TAIYAKU" --seeds "${BENCH_PLANT_SEEDS:-5}" --json \
        "$PC/debian-constitution/ja-v1.7.txt" "$PC/debian-constitution/en-v1.7.txt" \
        "$PC/debian-social-contract/ja.txt" "$PC/debian-social-contract/en.txt" \
        "$PC/constitution-of-japan/ja.egov.txt" "$PC/constitution-of-japan/en.pg612.txt" \
        "$PC/debian-faq/ja.txt" "$PC/debian-faq/en.txt" \
        "$PC/developers-reference/ja.txt" "$PC/developers-reference/en.txt" \
        >"$out" 2>"$RES/plant.err"; then
        python3 - "$out" "$SHARED/bench/README.md" "${BENCH_PLANT_SEEDS:-5}" <<'EOF'
import json, re, sys

rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
# the 0.1.0 table of the README: | pair | matched | flags | P / R | P / R |
old = {}
for l in open(sys.argv[2], encoding="utf-8"):
    c = [x.strip() for x in l.strip().strip("|").split("|")]
    if len(c) == 5 and re.match(r"^\d+$", c[1]):
        old[c[0]] = c[1:]
names = ["Debian constitution v1.7", "social contract", "Constitution of Japan",
         "debian-faq", "developers-reference", "all"]


def pr(tp, fp, fn):
    return (tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)


print("%s seeds, a sentence cut from 10%% of the matched clauses; in brackets"
      " taiyaku 0.1.0 (../shared/bench/README.md)." % sys.argv[3])
print()
print("| pair | matched | clean flags /100 | any finding P / R | omission findings P / R |")
print("|---|--:|--:|---|---|")
for name, r in zip(names, rows):
    p, q = pr(r["tp"], r["fp"], r["fn"])
    op, oq = pr(r["otp"], r["ofp"], r["ofn"])
    per100 = 100.0 * r["clean_flagged"] / r["matched"] if r["matched"] else 0.0
    o = old.get(name)
    print("| %s | %d%s | %.1f%s | %.2f / %.2f%s | %.2f / %.2f%s |" % (
        name, r["matched"], " (%s)" % o[0] if o else "",
        per100, " (%s)" % o[1] if o else "",
        p, q, " (%s)" % o[2] if o else "",
        op, oq, " (%s)" % o[3] if o else ""))
print()
print("#### Targets (issue 11)")
print()
tot = rows[-1]
per = [100.0 * r["clean_flagged"] / r["matched"] for r in rows[:-1] if r["matched"]]
allper = 100.0 * tot["clean_flagged"] / tot["matched"] if tot["matched"] else 0.0
op, oq = pr(tot["otp"], tot["ofp"], tot["ofn"])


def target(text, met):
    print("- %s: %s" % ("met" if met else "NOT met", text))


target("clean run at most 3 flagged per 100 matched over the five pairs: %.1f" % allper,
       allper <= 3)
target("no pair over 5 per 100: worst %.1f" % max(per), max(per) <= 5)
target("omission findings P and R at least 0.90: P %.2f R %.2f" % (op, oq),
       op >= 0.9 and oq >= 0.9)
EOF
    else
        echo "FAILED: plant.py (exit $?): $(head -c 300 "$RES/plant.err")"
    fi
fi
