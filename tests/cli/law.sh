#!/bin/sh
# CLI tests for statutes: the test law in plain text, e-Gov XML and
# English; the Constitution of Japan against its official translation.
# Usage: TAIYAKU=build/taiyaku sh tests/cli/law.sh
# Prints "law: N passed, N failed" and exits 1 if any test failed.
set -u
. "$(dirname "$0")/lib/harness.sh"
LAW=$ROOT/tests/fixtures/law
COJ=$ROOT/tests/fixtures/corpus/constitution-of-japan

echo "== the test law: plain text and e-Gov XML give the same keys"
run 0 "$T" outline "$LAW/ja.txt" && awk '!/^#/ {print $1}' "$TMP/out" >"$TMP/txt.keys"
run 0 "$T" outline "$LAW/ja.xml" && awk '!/^#/ {print $1}' "$TMP/out" >"$TMP/xml.keys"
if cmp -s "$TMP/txt.keys" "$TMP/xml.keys"; then ok; else
  fail "ja.txt and ja.xml keys differ"
  diff "$TMP/txt.keys" "$TMP/xml.keys" | head -10 >&2
fi
has "$TMP/out" '^ *5-2 +第五条の二 '
has "$TMP/out" '^ *suppl:2 +第二条 '

NUMBERED="['ch1', '1', '2', '2.1.1', '2.1.2', '2.1.2.1', '2.1.2.2', '2.1.3', '2.2', '3', 'ch2', 'ch2.sec1', '4', '4.2', '4.2.1', '4.2.2', '5', '5-2', 'ch2.sec2', '6', '7', 'suppl', 'suppl:1', 'suppl:2']"
for ja in ja.txt ja.xml; do
  echo "== the test law: $ja with the English, every clause paired"
  run 0 "$T" align --format json "$LAW/$ja" "$LAW/en.txt"
  py "[p['key'] for p in j['pairs'] if p['status']=='matched'] == $NUMBERED"
  py "j['summary']['missing_en'] == 0 and j['summary']['missing_ja'] == 0"
  py "not [f for f in j['findings'] if f['code'] in ('duplicate-number','numbering-gap','numbering-order')]"
  py "[p for p in j['pairs'] if p['key']=='5-2'][0]['en']['label'] == 'Article 5-2'"
  py "[p for p in j['pairs'] if p['key']=='1'][0]['ja']['text'].startswith('（目的）\n')"
  py "[p for p in j['pairs'] if p['key']=='1'][0]['en']['text'].startswith('(Purpose)\n')"
done

echo "== e-Gov XML errors"
printf '<Law>\n<LawBody>\n</Law>\n' >"$TMP/bad.xml"
run 2 "$T" outline "$TMP/bad.xml" && has "$TMP/err" "^taiyaku: $TMP/bad.xml:[0-9]+:[0-9]+: XML: "
printf '<?xml version="1.0"?>\n<tmx version="1.4"/>\n' >"$TMP/tmx.xml"
run 2 "$T" outline "$TMP/tmx.xml" && has "$TMP/err" 'not an e-Gov law document'

echo "== the Constitution of Japan"
run 1 "$T" align --format json "$COJ/ja.egov.txt" "$COJ/en.pg612.txt"
# all 103 articles but 37 and all 11 chapters by number
py "all(any(p['key']==str(a) and p['status']=='matched' for p in j['pairs']) for a in range(1,104) if a != 37)"
py "all(any(p['key']=='ch%d' % c and p['status']=='matched' for p in j['pairs']) for c in range(1,12))"
# article 7's ten items
py "[p['key'] for p in j['pairs'] if p['key'].startswith('7.') and p['status']=='matched'] == ['7.%d' % i for i in range(1,11)]"
# every numbered paragraph (○２ ↔ (2)) outside article 37
py "len([p for p in j['pairs'] if p['status']=='matched' and p['ja']['label'].startswith('○')]) == 55"
py "all(p['en']['label'].startswith('(') for p in j['pairs'] if p['status']=='matched' and p['ja']['label'].startswith('○'))"
# the English labels article 37 "Article 39": 37 is not matched by number
# (missing-en, or paired by content by the stage after the matcher), and
# ja 39 pairs with the Article 39 after 38
py "[p['status'] for p in j['pairs'] if p['key']=='37'][0] in ('missing-en', 'content')"
py "[p for p in j['pairs'] if p['key']=='37'][0]['ja']['line'] == 76"
py "[p for p in j['pairs'] if p['key']=='39'][0]['en']['line'] == 316"
# one cause, one finding: the repeated 39 (line 316), the gap before the
# first 39 and the order of 38 are folded into the finding of 37
py "not [f for f in j['findings'] if f['code'] in ('duplicate-number', 'numbering-gap', 'numbering-order')]"
py "'duplicate-number 39, numbering-gap 39, numbering-order 38' in [f['message'] for f in j['findings'] if f['key']=='37'][0]"
run 1 "$T" check "$COJ/ja.egov.txt" "$COJ/en.pg612.txt"
has "$TMP/out" 'ja.egov.txt:76: error: \[missing-en\] 37: .*folded in: duplicate-number 39'
run 1 "$T" check --format json "$COJ/ja.egov.txt" "$COJ/en.pg612.txt"

finish law
