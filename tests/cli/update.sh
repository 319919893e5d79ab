#!/bin/sh
# CLI tests of `taiyaku update OLD NEW TRANSLATION`: the Debian
# constitution English v1.5 -> v1.7 with the Japanese v1.5, the test
# statute in two versions (e-Gov XML and text), every output format, the
# exit status and bad input.
# Usage: TAIYAKU=build/taiyaku sh tests/cli/update.sh
# Prints "update: N passed, N failed" and exits 1 if any test failed.
set -u
. "$(dirname "$0")/lib/harness.sh"
DC=$ROOT/tests/fixtures/corpus/debian-constitution
UP=$ROOT/tests/fixtures/update

echo "== Debian constitution: English v1.5 -> v1.7, Japanese v1.5 beside"
run 1 "$T" update --source en -f json "$DC/en-v1.5.txt" "$DC/en-v1.7.txt" "$DC/ja-v1.5.txt"
cp "$TMP/out" "$TMP/dc.json"
# the clauses whose text changed, read off diff(1) by hand
py "[e['key'] for e in j['update'] if e['status']=='changed'] == ['front-1', 'front-2', '2(3)', '2.1(2)', '6.1(7)', '6.1(8)', '6.3(2)', '7.1(2)', '7.2', '7.3', 'A.6(3).2']"
# every clause that said Chairman now says Chair, and is changed
py "all(e['status']=='changed' for e in j['update'] if e['old'] and 'Chairman' in e['old']['text'])"
py "len([e for e in j['update'] if e['old'] and 'Chairman' in e['old']['text']]) == 8"
py "all('Chairman' in ''.join(d['text'] for d in e['diff'] if d['op']=='delete') for e in j['update'] if e['old'] and 'Chairman' in e['old']['text'])"
# A.0 is the first A.1 of v1.5 (the Proposal clause, numbered A.1 twice
# there) under its new number: the same text, the label to change
py "[(e['status'], e['old_key'], e['translation']['label']) for e in j['update'] if e['key']=='A.0'] == [('renumbered', 'A.1', 'A.1.')]"
py "[e for e in j['update'] if e['key']=='A.0'][0]['translation']['text'].startswith('提案')"
# nothing unchanged is flagged: every entry not unchanged has a line of
# en-v1.7 that difflib finds changed, and every changed line is in one
cat >"$TMP/lines.py" <<'EOF'
import difflib, json, sys
j = json.load(open(sys.argv[1]))
old = open(sys.argv[2], encoding='utf-8').read().split('\n')
new = open(sys.argv[3], encoding='utf-8').read().split('\n')
changed = set()
for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
    if tag != 'equal':
        changed.update(range(j1 + 1, max(j2, j1 + 1) + 1))
starts = sorted(e['new']['line'] for e in j['update'] if e['new'])
def span(line):
    later = [s for s in starts if s > line]
    return range(line, later[0] if later else len(new) + 1)
flagged = [e for e in j['update'] if e['status'] != 'unchanged' and e['new']]
bad = [e['key'] for e in flagged if not changed & set(span(e['new']['line']))]
owned = set()
for e in flagged:
    owned |= set(span(e['new']['line']))
missed = sorted(l for l in changed if l not in owned and new[l - 1].strip())
unchanged_differ = [e['key'] for e in j['update'] if e['status'] == 'unchanged' and e['old']['text'] != e['new']['text']]
print(bad, missed, unchanged_differ)
sys.exit(0 if not bad and not missed and not unchanged_differ else 1)
EOF
if python3 "$TMP/lines.py" "$TMP/dc.json" "$DC/en-v1.5.txt" "$DC/en-v1.7.txt" >"$TMP/lines.out"; then ok; else
  fail "flagged clauses and changed lines disagree: $(cat "$TMP/lines.out")"
fi
# beside each listed clause, its Japanese v1.5 text (front-2, the version
# history, sits inside section 1 in the Japanese: no counterpart)
py "all(e['translation'] and e['translation']['text'] for e in j['update'] if e['status']!='unchanged' and e['key']!='front-2')"
py "[e for e in j['update'] if e['key']=='2(3)'][0]['translation']['text'] == '技術委員会 (Technical Committee) およびその議長'"
py "j['summary']['changed'] == 11 and j['summary']['renumbered'] == 1 and j['summary']['new'] == 0 and j['summary']['deleted'] == 0"

echo "== Debian constitution: which of the listed clauses the translators changed in Japanese v1.7"
run 1 "$T" update --source ja -f json "$DC/ja-v1.5.txt" "$DC/ja-v1.7.txt" "$DC/en-v1.5.txt"
cp "$TMP/out" "$TMP/ja.json"
cat >"$TMP/really.py" <<'EOF'
import json, sys
en = json.load(open(sys.argv[1]))
ja = json.load(open(sys.argv[2]))
by_line = {e['old']['line']: e for e in ja['update'] if e['old']}
listed = [e for e in en['update'] if e['status'] != 'unchanged']
beside = [e for e in listed if e['translation']]
touched = [e['key'] for e in beside if by_line[e['translation']['line']]['status'] != 'unchanged']
print(len(listed), len(beside), touched)
sys.exit(0 if (len(listed), len(beside), touched) == (12, 11, ['front-1', 'A.0', 'A.6(3).2']) else 1)
EOF
if python3 "$TMP/really.py" "$TMP/dc.json" "$TMP/ja.json" >"$TMP/really.out"; then ok; else
  fail "ja v1.7 against the work list: $(cat "$TMP/really.out")"
fi

for ext in txt xml; do
  echo "== the test statute, $ext: reworded, inserted, deleted, added, moved down"
  run 1 "$T" update -f json "$UP/old.$ext" "$UP/new.$ext" "$UP/en-old.txt"
  py "[(e['key'], e['old_key'], e['status']) for e in j['update'] if e['status']!='unchanged'] == [('front-1', 'front-1', 'changed'), ('3', '3', 'changed'), ('4.3', None, 'new'), ('5', '5', 'deleted'), ('7', None, 'new'), ('8', '7', 'renumbered'), ('9', '8', 'renumbered'), ('9', '9', 'deleted'), ('10-2', None, 'new')]"
  # 第九条's second paragraph moved with it: its label ２ stays, nothing to do
  py "[(e['old_key'], e['status']) for e in j['update'] if e['key']=='9.2'] == [('8.2', 'unchanged')]"
  py "[e['new']['label'] for e in j['update'] if e['key']=='10-2'] == ['第十条の二']"
  py "[e['translation']['label'] for e in j['update'] if e['key']=='5'] == ['Article 5']"
  py "[e['new'] for e in j['update'] if e['key']=='9' and e['status']=='deleted'] == [None]"
  py "[d['op'] for d in [e for e in j['update'] if e['key']=='3'][0]['diff']].count('insert') == 2"
  py "[[d['text'] for d in e['diff'] if d['op']=='insert'] for e in j['update'] if e['key']=='3'] == [['及び地方公共団体', '講じ']]"
  py "j['summary'] == {'entries': 27, 'unchanged': 18, 'changed': 2, 'new': 3, 'renumbered': 2, 'deleted': 2, 'untranslated': 0, 'needs_work': True}"
done
echo "== the text and the XML of one version give the same update"
run 1 "$T" update -f json "$UP/old.txt" "$UP/new.xml" "$UP/en-old.txt"
py "[(e['key'], e['status']) for e in j['update'] if e['status']!='unchanged'] == [('front-1', 'changed'), ('3', 'changed'), ('4.3', 'new'), ('5', 'deleted'), ('7', 'new'), ('8', 'renumbered'), ('9', 'renumbered'), ('9', 'deleted'), ('10-2', 'new')]"

echo "== current translation: exit 0"
run 0 "$T" update -f json "$UP/old.txt" "$UP/old.xml" "$UP/en-old.txt"
py "j['summary']['unchanged'] == j['summary']['entries'] and not j['summary']['needs_work']"
run 0 "$T" update "$UP/old.txt" "$UP/old.txt" "$UP/en-old.txt"
has "$TMP/out" '^24 entries: 24 unchanged, 0 changed'

echo "== text and Markdown: the work list with the translation"
run 1 "$T" update --color never "$UP/old.txt" "$UP/new.txt" "$UP/en-old.txt"
has "$TMP/out" 'new.txt:12: changed 3$'
has "$TMP/out" '^    国\{\+及び地方公共団体\+\}は、'
has "$TMP/out" '^  .*en-old.txt:16: Article 3 The State must'
has "$TMP/out" 'renumbered 8 \(was 7, .*old.txt:22\)'
has "$TMP/out" 'old.txt:26: deleted 9$'
has "$TMP/out" '^    申請を受けた図書館は、.* -> 削除$'
hasnt "$TMP/out" ' unchanged [0-9]'
has "$TMP/out" '^27 entries: 18 unchanged, 2 changed, 3 new, 2 renumbered, 2 deleted; 0 without a translation$'
run 1 "$T" update -f md "$UP/old.txt" "$UP/new.txt" "$UP/en-old.txt"
has "$TMP/out" '^\| 3 \|  \| changed \| 国\*\*及び地方公共団体\*\*は、'
has "$TMP/out" '^\| 9 \| 8 \| renumbered \| '

echo "== HTML: the diff highlighted, the translation beside"
run 1 "$T" update -f html --source en "$DC/en-v1.5.txt" "$DC/en-v1.7.txt" "$DC/ja-v1.5.txt"
has "$TMP/out" '<tr class="changed" id="u[0-9]+"><td>2\(3\)</td>.*<del>Chairman</del><ins>Chair</ins>;</td><td lang="ja">.*およびその議長</td></tr>'
if xmllint --html --noout "$TMP/out" 2>"$TMP/lint"; then ok; else fail "html: $(head -3 "$TMP/lint")"; fi

echo "== XLIFF 2.1 and 1.2: final, needs review, empty"
run 1 "$T" update -f xliff "$UP/old.xml" "$UP/new.xml" "$UP/en-old.txt"
cp "$TMP/out" "$TMP/u2.xlf"
cat >"$TMP/xlf.py" <<'EOF'
import sys
import xml.etree.ElementTree as ET
t = ET.parse(sys.argv[1])
ns = {'x': t.getroot().tag[1:].split('}')[0]}
def v2():
    out = {}
    for u in t.iterfind('.//x:unit', ns):
        s = u.find('x:segment', ns)
        out[u.get('name')] = (s.get('state'), s.get('subState'), s.findtext('x:target', '', ns))
    return out
def v12():
    out = {}
    for u in t.iterfind('.//x:trans-unit', ns):
        tg = u.find('x:target', ns)
        out[u.get('resname')] = (tg.get('state'), u.get('approved'), tg.text or '')
    return out
got = v2() if t.getroot().get('version') == '2.1' else v12()
print(repr(got))
EOF
python3 "$TMP/xlf.py" "$TMP/u2.xlf" >"$TMP/u2.py" 2>&1
xl() {
  if python3 -c "import sys; g=eval(open('$1').read()); sys.exit(0 if ($2) else 1)" 2>/dev/null; then ok; else fail "xliff: $2"; fi
}
xl "$TMP/u2.py" "g['1'] == ('final', None, '(Purpose)\nThe purpose of this Act is to provide for the interlibrary loan of materials and thereby to contribute to the advancement of learning.')"
xl "$TMP/u2.py" "g['3'] == ('initial', 'taiyaku:needs-review', 'The State must endeavor to take the measures necessary for the smooth implementation of interlibrary loans.')"
xl "$TMP/u2.py" "g['10-2'] == ('initial', None, '') and g['4.3'] == ('initial', None, '')"
xl "$TMP/u2.py" "g['8'][:2] == ('translated', 'taiyaku:renumbered') and g['5'][:2] == ('initial', 'taiyaku:deleted')"
xl "$TMP/u2.py" "len(g) == 26 and sum(1 for s in g.values() if s[0] == 'final') == 18"
has "$TMP/u2.xlf" '<note>deleted from .*old.xml: 9 \(line [0-9]+\); remove .*en-old.txt line 37 from the translation</note>'
run 1 "$T" update -f xliff12 "$UP/old.xml" "$UP/new.xml" "$UP/en-old.txt"
cp "$TMP/out" "$TMP/u12.xlf"
python3 "$TMP/xlf.py" "$TMP/u12.xlf" >"$TMP/u12.py" 2>&1
xl "$TMP/u12.py" "g['1'][:2] == ('final', 'yes') and g['3'] == ('needs-review-translation', None, 'The State must endeavor to take the measures necessary for the smooth implementation of interlibrary loans.')"
xl "$TMP/u12.py" "g['10-2'] == ('needs-translation', None, '') and g['8'][0] == 'translated'"
xl "$TMP/u12.py" "len(g) == 26 and sum(1 for s in g.values() if s[0] == 'final') == 18"

echo "== XLIFF 2.1 and 1.2 valid against the OASIS schemas (tests/schemas)"
S=$ROOT/tests/schemas
for src in "en $DC/en-v1.5.txt $DC/en-v1.7.txt $DC/ja-v1.5.txt" \
  "ja $UP/old.xml $UP/new.xml $UP/en-old.txt"; do
  set -- $src
  for f in "xliff:xliff21/xliff_core_2.0.xsd" "xliff12:xliff12/xliff-core-1.2-transitional.xsd"; do
    run 1 "$T" update --source "$1" -f "${f%%:*}" "$2" "$3" "$4"
    if XML_CATALOG_FILES=$S/catalog.xml xmllint --noout --nonet --schema "$S/${f#*:}" \
      "$TMP/out" 2>"$TMP/xsd"; then ok; else
      fail "${f%%:*} of $2: $(head -3 "$TMP/xsd")"
    fi
  done
done

echo "== -o writes atomically and never over an input"
run 1 "$T" update -f json -o "$TMP/u.json" "$UP/old.txt" "$UP/new.txt" "$UP/en-old.txt"
cp "$TMP/u.json" "$TMP/out" && py "j['summary']['entries'] == 27"
cp "$UP/new.txt" "$TMP/new.txt"
run 2 "$T" update -o "$TMP/new.txt" "$UP/old.txt" "$TMP/new.txt" "$UP/en-old.txt"
has "$TMP/err" 'would overwrite an input'
if cmp -s "$UP/new.txt" "$TMP/new.txt"; then ok; else fail "an input was overwritten"; fi

echo "== trouble: exit 2 with a message"
run 2 "$T" update "$UP/old.txt" "$UP/new.txt"
has "$TMP/err" '^taiyaku: usage: taiyaku update'
run 2 "$T" update "$UP/old.txt" "$TMP/none.txt" "$UP/en-old.txt"
has "$TMP/err" "^taiyaku: $TMP/none.txt: "
run 2 "$T" update -f csv "$UP/old.txt" "$UP/new.txt" "$UP/en-old.txt"
has "$TMP/err" 'update writes text, md, html, json, xliff or xliff12'
printf '<Law>\n<LawBody>\n</Law>\n' >"$TMP/bad.xml"
run 2 "$T" update "$UP/old.txt" "$TMP/bad.xml" "$UP/en-old.txt"
has "$TMP/err" "^taiyaku: $TMP/bad.xml:[0-9]+:[0-9]+: "
hasnt "$TMP/out" '.'

finish update
