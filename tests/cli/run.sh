#!/bin/sh
# CLI tests: every exit status and error message, the bundled pair, drafts
# with known faults, restyled numbering, and the third-party corpus.
# Usage: TAIYAKU=build/taiyaku sh tests/cli/run.sh
# Prints "N passed, N failed" and exits 1 if any test failed.
set -u
. "$(dirname "$0")/lib/harness.sh"
FIX=$ROOT/tests/fixtures
CORPUS=$FIX/corpus

# keys of the pairs with a status, as a sorted space-separated string
keys_with() {
  python3 -c "import json; j=json.load(open('$TMP/out')); print(' '.join(sorted(p['key'] for p in j['pairs'] if p['status']=='$1')))"
}

echo "== usage and exit statuses"
run 0 "$T" --version && has "$TMP/out" '^taiyaku [0-9]'
run 0 "$T" --help && has "$TMP/out" 'taiyaku\(1\)'
run 2 "$T"
run 2 "$T" frobnicate a b && has "$TMP/err" "^taiyaku: unknown command 'frobnicate'"
run 2 "$T" align "$JA" && has "$TMP/err" '^usage:'
run 2 "$T" align --format nosuch "$JA" "$EN" && has "$TMP/err" "^taiyaku: unknown format 'nosuch'"
run 2 "$T" align --fail-on sometimes "$JA" "$EN" && has "$TMP/err" '^taiyaku: --fail-on'
run 2 "$T" check --disable no-such-code "$JA" "$EN" && has "$TMP/err" "unknown finding code 'no-such-code'"
run 2 "$T" align "$TMP/nosuch.txt" "$EN" && has "$TMP/err" "^taiyaku: $TMP/nosuch.txt: .*No such file"
run 2 "$T" align "$TMP" "$EN" && has "$TMP/err" "^taiyaku: $TMP: .*directory"
printf 'abc\n1 ok\n2 bad \377 byte\n' >"$TMP/bad.txt"
run 2 "$T" align "$TMP/bad.txt" "$EN" && has "$TMP/err" "^taiyaku: $TMP/bad.txt:3:7: invalid UTF-8 \\(byte [0-9A-F]{2}: "
head -c 3000 /bin/sh >"$TMP/binary.txt"
run 2 "$T" align "$TMP/binary.txt" "$EN" && has "$TMP/err" "^taiyaku: $TMP/binary.txt: "
: >"$TMP/empty.txt"
run 0 "$T" outline "$TMP/empty.txt" && hasnt "$TMP/out" '.'
run 0 "$T" align --format json "$JA" "$EN" -o "$TMP/o.json" && has "$TMP/o.json" '"taiyaku": 1'
run 2 "$T" align --format json "$JA" "$EN" -o "$TMP/nodir/o.json" && has "$TMP/err" "nodir/o.json"
if [ -w /dev/full ]; then
  "$T" align --format json "$JA" "$EN" >/dev/full 2>"$TMP/err"
  if [ $? -eq 2 ]; then ok; else fail "write to /dev/full did not exit 2"; fi
  has "$TMP/err" '^taiyaku: write error'
fi

echo "== the bundled pair"
run 0 "$T" align --format json "$JA" "$EN"
py "j['summary']['matched'] == 18 and j['summary']['missing_en'] == 0 and j['summary']['missing_ja'] == 0"
py "j['summary']['errors'] == 0"
py "[p['key'] for p in j['pairs'] if p['status']=='matched'] == ['1','2','3','4','5','6','7','7.1','7.2','7.2.1','7.2.2','7.2.3','7.2.4','7.3','7.3.1','7.3.2','7.3.3','8']"
py "all(p['ja'] and p['en'] for p in j['pairs'] if p['status']=='content') and len([p for p in j['pairs'] if p['status']=='content']) == 3"
py "[p for p in j['pairs'] if p['key']=='7.1'][0]['ja']['text'].startswith('情報共有\n日米両国は')"
cp "$TMP/out" "$TMP/original.json"
run 0 "$T" align "$JA" "$EN" --width 80 --color never
has "$TMP/out" '7\.2\.3'
run 0 "$T" outline "$JA" && has "$TMP/out" '^ *7\.2\.3 '

# pairs as (key, status, ja line, en line), to compare two runs
shape() {
  python3 -c "import json; j=json.load(open('$1')); print('\n'.join('%s %s %s %s' % (p['key'], p['status'], (p['ja'] or {}).get('line'), (p['en'] or {}).get('line')) for p in j['pairs']))"
}

echo "== drafts with faults"
# one item left out: 7(2)c
grep -v '^- c\. ' "$EN" >"$TMP/omit.txt"
run 1 "$T" check "$JA" "$TMP/omit.txt"
has "$TMP/out" 'error: \[missing-en\] 7\.2\.3'
has "$TMP/out" "^$JA:[0-9]+: error: \[missing-en\]"
# one item added after 7(2)d
sed '/^- d\. /a - e. An item the Japanese does not have.' "$EN" >"$TMP/add.txt"
run 1 "$T" align --format json "$JA" "$TMP/add.txt"
py "[p['key'] for p in j['pairs'] if p['status']=='missing-ja'] == ['7.2.5']"
py "[f for f in j['findings'] if f['code']=='missing-ja'][0]['en_line'] > 0"
# two items merged into one: c's text appended to b, c removed
awk '/^- b\. /{b=$0; next} /^- c\. /{sub(/^- c\. /,""); print b " " $0; next} {print}' "$EN" >"$TMP/merge.txt"
run 1 "$T" align --format json "$JA" "$TMP/merge.txt"
py "[(f['code'], f['key']) for f in j['findings'] if f['severity']=='error'] == [('missing-en','7.2.3')]"
# one item's text lost
sed 's/^- d\. .*/- d./' "$EN" >"$TMP/lost.txt"
run 1 "$T" align --format json "$JA" "$TMP/lost.txt"
py "[(f['code'], f['key']) for f in j['findings'] if f['severity']=='error'] == [('empty','7.2.4')]"
py "[f['en_line'] for f in j['findings'] if f['code']=='empty'][0] > 0"
run 0 "$T" check --fail-on never "$JA" "$TMP/lost.txt"

echo "== restyled numbering matches like the original"
# English as 1. / (1) / (a); Japanese as ministries write it: 一　/（１）/ア　
sed -e 's/^\([1-8]\) /\1. /' -e 's/^\(- \)\{0,1\}\([a-d]\)\. /(\2) /' "$EN" >"$TMP/en-restyled.txt"
python3 - "$JA" "$TMP/ja-restyled.txt" <<'PY'
import re, sys
kanji = "〇一二三四五六七八九"
aiueo = "アイウエオ"
out = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^([1-8]) ", line)
    if m:
        line = kanji[int(m.group(1))] + "\u3000" + line[2:]
    m = re.match(r"^\((\d)\) ", line)
    if m:
        line = "（" + chr(0xFF10 + int(m.group(1))) + "）" + line[4:]
    m = re.match(r"^(?:- )?([a-d])\. ", line)
    if m:
        line = aiueo["abcd".index(m.group(1))] + "\u3000" + line[m.end():]
    out.append(line)
open(sys.argv[2], "w", encoding="utf-8").write("".join(out))
PY
run 0 "$T" align --format json "$TMP/ja-restyled.txt" "$TMP/en-restyled.txt"
shape "$TMP/out" >"$TMP/restyled.shape"
shape "$TMP/original.json" >"$TMP/original.shape"
if cmp -s "$TMP/restyled.shape" "$TMP/original.shape"; then ok; else
  fail "restyled pair aligns differently"
  diff "$TMP/original.shape" "$TMP/restyled.shape" | head -10 >&2
fi

echo "== CRLF and a BOM change nothing"
printf '\357\273\277' >"$TMP/ja-crlf.txt"
sed 's/$/\r/' "$JA" >>"$TMP/ja-crlf.txt"
sed 's/$/\r/' "$EN" >"$TMP/en-crlf.txt"
run 0 "$T" align --format json "$TMP/ja-crlf.txt" "$TMP/en-crlf.txt"
shape "$TMP/out" >"$TMP/crlf.shape"
if cmp -s "$TMP/crlf.shape" "$TMP/original.shape"; then ok; else fail "CRLF+BOM aligns differently"; fi
py "[p for p in j['pairs'] if p['key']=='1'][0]['ja']['text'] == [p for p in json.load(open('$TMP/original.json'))['pairs'] if p['key']=='1'][0]['ja']['text']"

echo "== third-party corpus"
DC=$CORPUS/debian-constitution
run 0 "$T" align --format json "$DC/ja-v1.7.txt" "$DC/en-v1.7.txt"
py "j['summary']['missing_en'] == 0 and j['summary']['missing_ja'] == 0 and j['summary']['matched'] > 100"
py "not [f for f in j['findings'] if f['code']=='duplicate-number']"
run 1 "$T" align --format json "$DC/ja-v1.4.txt" "$DC/en-v1.5.txt"
py "[p['key'] for p in j['pairs'] if p['status']=='missing-ja' and not p['key'].startswith('front')] == ['6.2(6)', '6.2(7)', '6.2(7).1', '6.2(7).2']"
py "all(f['en_line'] for f in j['findings'] if f['code']=='missing-ja')"
py "j['summary']['missing_en'] == 0"
SC=$CORPUS/debian-social-contract
run 0 "$T" align --format json "$SC/ja.txt" "$SC/en.txt"
py "len([p for p in j['pairs'] if p['status']=='matched' and p['key'] not in ('s2',)]) == 15"
py "not [f for f in j['findings'] if f['code']=='duplicate-number']"

CJ=$CORPUS/constitution-of-japan
run 1 "$T" align --format json "$CJ/ja.egov.txt" "$CJ/en.pg612.txt"
py "[(f['key'], f['ja_line'], f['en_line']) for f in j['findings'] if f['code']=='missing-en' and f['key']=='37'] == [('37', 76, 295)]"
# the English labels Article 37 "Article 39.": the duplicate 39 it causes is
# folded into the one finding of that cause (group.c)
py "not [f for f in j['findings'] if f['code']=='duplicate-number'] and [f for f in j['findings'] if f['code']=='missing-en' and f['key']=='37' and 'duplicate-number 39' in f['message']]"
py "len([p for p in j['pairs'] if p['status']=='matched' and p['key'].isdigit()]) == 102"

finish cli
