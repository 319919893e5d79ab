#!/bin/sh
# The HTML page's summary agrees with its findings: per code, the count in
# the summary is the number of findings of that code in the JSON, and the
# pair counts are the JSON summary's (the Constitution of Japan: three
# [missing-en] findings of renumbered articles, paired by content, so no
# pair lacks its English).
set -u
. "$(dirname "$0")/lib/harness.sh"
CON=$ROOT/tests/fixtures/corpus/constitution-of-japan
for name in constitution cyber; do
  if [ $name = cyber ]; then ja=$JA en=$EN; else
    ja=$CON/ja.egov.txt en=$CON/en.pg612.txt; fi
  "$T" align --fail-on never -f html -o "$TMP/$name.html" "$ja" "$en" &&
    "$T" align --fail-on never -f json -o "$TMP/$name.json" "$ja" "$en" ||
    fail "$name: taiyaku align failed"
  if python3 - "$TMP/$name.html" "$TMP/$name.json" >"$TMP/py" 2>&1 <<'EOP'
import collections, json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
j = json.load(open(sys.argv[2], encoding="utf-8"))
want = collections.Counter(f["code"] for f in j["findings"])
got = {m.group(1): int(m.group(2)) for m in
       re.finditer(r"<dt>\[([a-z-]+)\]</dt><dd>(\d+)</dd>", html)}
assert got == dict(want), (got, dict(want))
counts = dict(re.findall(r"<dt>([a-zA-Z ]+)</dt><dd>(\d+)</dd>", html))
s = j["summary"]
assert int(counts["pairs with no English"]) == s["missing_en"], counts
assert int(counts["pairs with no Japanese"]) == s["missing_ja"], counts
assert int(counts["errors"]) == s["errors"], counts
# every finding shows its confidence
assert html.count('class="conf"') == len(j["findings"])
EOP
  then ok; else fail "$name: HTML summary disagrees"; cat "$TMP/py" >&2; fi
done
finish html
