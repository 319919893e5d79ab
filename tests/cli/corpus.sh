#!/bin/sh
# A corpus run as the README shows it (issue 12): pairs are independent, so
# GNU parallel (local jobs here; --sshlogin spreads them over hosts) runs
# `taiyaku check --format json` once a pair, and `taiyaku summary` merges
# the reports into one table and one exit status.
# Usage: TAIYAKU=build/taiyaku sh tests/cli/corpus.sh
# Prints "corpus: N passed, N failed" and exits 1 if any test failed.
set -u
. "$(dirname "$0")/lib/harness.sh"
cd "$TMP" || exit 2
if ! command -v parallel >/dev/null 2>&1; then
  fail "GNU parallel is not installed (scripts/deps.sh installs it)"
  finish corpus
  exit 1
fi

C=$ROOT/tests/fixtures/corpus
mkdir -p ja en reports
cp "$JA" ja/cyber.txt
cp "$EN" en/cyber.txt
cp "$C/debian-social-contract/ja.txt" ja/social-contract.txt
cp "$C/debian-social-contract/en.txt" en/social-contract.txt
cp "$C/debian-constitution/ja-v1.7.txt" ja/constitution.txt
cp "$C/debian-constitution/en-v1.7.txt" en/constitution.txt
# a draft with item 7(2)c left out: an error finding
sed '/^- c\. /d' "$EN" > en/draft.txt
cp "$JA" ja/draft.txt

# the README's command: exit 1 (findings) is a result, not a failure
run 0 sh -c "ls ja | parallel --will-cite -j 2 --halt never \
  '\"$T\" check --format json -o reports/{.}.json ja/{} en/{}; [ \$? -le 1 ]'"
[ "$(ls reports | wc -l)" -eq 4 ] && ok || fail "reports: $(ls reports)"

run 1 "$T" summary reports/*.json
has out '^reports/draft.json +[0-9]+ pairs .* 1 errors'
has out '^total \(4 reports\) '
# the total is the sum of the rows, as each report's own summary says
python3 - reports/*.json <<'PY' > want.txt
import json, sys
keys = ["pairs", "matched", "content", "missing_en", "missing_ja", "errors", "warnings", "infos"]
tot = [sum(json.load(open(f))["summary"][k] for f in sys.argv[1:]) for k in keys]
print(" ".join(map(str, tot)))
PY
got=$(grep '^total' out | sed 's/^total ([^)]*) *//' | grep -oE '[0-9]+' | tr '\n' ' ' | sed 's/ $//')
[ "$got" = "$(cat want.txt)" ] && ok || fail "total $got, wanted $(cat want.txt)"

# exit status: --fail-on as for check; never: 0
run 0 "$T" summary --fail-on never reports/*.json
run 0 "$T" summary reports/cyber.json reports/social-contract.json
run 1 "$T" summary --fail-on info reports/cyber.json
# JSON for programs
run 1 "$T" summary --format json reports/*.json
py 'j["total"]["reports"] == 4 and j["total"]["failed"] == 0 and len(j["reports"]) == 4'
py 'sum(r["errors"] for r in j["reports"]) == j["total"]["errors"] >= 1'
# an unreadable or foreign report: 2, the others still counted
printf '{"taiyaku":1,' > reports/broken.json
echo '{"something": "else"}' > reports/other.json
run 2 "$T" summary reports/*.json
has err '^taiyaku: reports/broken.json:1:[0-9]+: '
has err '^taiyaku: reports/other.json: not a taiyaku report'
has out '^total \(4 reports, some unreadable\)'
run 2 "$T" summary reports/missing.json
run 2 "$T" summary

finish corpus
