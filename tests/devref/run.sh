#!/bin/sh
# The Debian Developer's Reference in English and Japanese (Sphinx plain
# text: a bulleted table of contents, numbered titles underlined with
# *** === --- ~~~ """, numbered lists inside sections, an appendix
# numbered from 1 again).  Downloads the Debian packages
# developers-reference and developers-reference-ja with apt-get (the test
# needs them; taiyaku itself never downloads anything), extracts the text
# with dpkg-deb, aligns the two and checks that every numbered section and
# list item pairs by number, none taken from the table of contents.
# Usage: TAIYAKU=build/taiyaku sh tests/devref/run.sh
# DEVREF_DEBS=DIR uses the .deb files already in DIR.
# Prints "devref: N passed, N failed"; exits 1 if any test failed.  When
# the packages cannot be had it fails under CI=true, and elsewhere prints
# SKIP and "0 passed, 0 failed, 1 skipped" and exits 0.
set -u
. "$(dirname "$0")/../cli/lib/harness.sh"

DEBS=${DEBS:-${DEVREF_DEBS:-$TMP/debs}}
mkdir -p "$DEBS"
if ! ls "$DEBS"/developers-reference_*.deb >/dev/null 2>&1 ||
   ! ls "$DEBS"/developers-reference-ja_*.deb >/dev/null 2>&1; then
  if ! (cd "$DEBS" && apt-get download developers-reference \
      developers-reference-ja >"$TMP/apt.log" 2>&1); then
    sed 's/^/  /' "$TMP/apt.log" | tail -3
    # a skip is not a pass: counted on its own, and a failure in CI, where
    # the packages must be had
    if [ "${CI:-}" = true ]; then
      echo "devref: packages not available (apt-get download failed) under CI=true" >&2
      echo "devref: 0 passed, 1 failed"
      exit 1
    fi
    echo "devref: SKIP: packages not available (apt-get download failed)"
    echo "devref: 0 passed, 0 failed, 1 skipped"
    exit 0
  fi
fi
for deb in "$DEBS"/developers-reference_*.deb "$DEBS"/developers-reference-ja_*.deb; do
  dpkg-deb -x "$deb" "$TMP/x" || { fail "dpkg-deb -x $deb"; }
done
EN_GZ=$(find "$TMP/x" -path '*/developers-reference/developers-reference.txt*' | head -1)
JA_GZ=$(find "$TMP/x" -path '*/developers-reference/ja/developers-reference.txt*' | head -1)
if [ -z "$EN_GZ" ] || [ -z "$JA_GZ" ]; then
  fail "no plain text in the packages"
  echo "devref: $passed passed, $failed failed"
  exit 1
fi
for pair in "en:$EN_GZ" "ja:$JA_GZ"; do
  lang=${pair%%:*}
  f=${pair#*:}
  case $f in *.gz) gzip -dc "$f" >"$TMP/$lang.txt" ;; *) cp "$f" "$TMP/$lang.txt" ;; esac
done

"$T" align --format json "$TMP/ja.txt" "$TMP/en.txt" >"$TMP/al.json" 2>"$TMP/err"
st=$?
if [ "$st" -eq 2 ]; then
  fail "taiyaku align exited 2"
  head -3 "$TMP/err" >&2
  echo "devref: $passed passed, $failed failed"
  exit 1
fi
ok

# The checks and the counts, in Python over the JSON and the texts.
python3 - "$TMP/al.json" "$TMP/ja.txt" "$TMP/en.txt" >"$TMP/report" 2>&1 <<'PY'
import json, re, sys
j = json.load(open(sys.argv[1]))
title = re.compile(r'^([0-9]+\.)+ ')
adorn = re.compile(r'^([*=\-~^"])\1{2,}$')
def numbered(path):
    """Lines of the underlined numbered titles and of the numbered list
    items (not underlined, outside the table of contents)."""
    lines = open(path, encoding='utf-8').read().split('\n')
    heads, items = [], []
    for i, l in enumerate(lines):
        if not title.match(l):
            continue
        if i + 1 < len(lines) and adorn.match(lines[i + 1]):
            heads.append(i + 1)
        else:
            items.append(i + 1)
    return heads, items
jh, ji = numbered(sys.argv[2])
eh, ei = numbered(sys.argv[3])
pairs = j['pairs']
matched = [p for p in pairs if p['status'] == 'matched']
mja = {p['ja']['line'] for p in matched}
men = {p['en']['line'] for p in matched}
front = [p for p in pairs if p['key'].startswith('front-')]
untranslated = [f for f in j['findings'] if f['code'] == 'untranslated']
checks = [
    ('numbered titles, ja = en', len(jh) == len(eh)),
    ('numbered list items, ja = en', len(ji) == len(ei)),
    ('every ja title and item is in a pair matched by number',
     all(l in mja for l in jh + ji)),
    ('every en title and item is in a pair matched by number',
     all(l in men for l in eh + ei)),
    ('matched pairs = numbered titles + list items',
     len(matched) == len(jh) + len(ji)),
    ('no missing-en, no missing-ja',
     j['summary']['missing_en'] == 0 and j['summary']['missing_ja'] == 0),
    ('no table-of-contents line matched (every matched line is a body line)',
     min(mja) > 0 and all(p['ja']['line'] >= min(jh) for p in matched)),
    ('no duplicate-number', not [f for f in j['findings']
                                 if f['code'] == 'duplicate-number']),
]
for name, good in checks:
    print(('ok   ' if good else 'FAIL ') + name)
print('count titles ja %d en %d; list items ja %d en %d; matched %d '
      '(= %d numbered); front matter pairs %d; untranslated %d'
      % (len(jh), len(eh), len(ji), len(ei), len(matched),
         len(jh) + len(ji), len(front), len(untranslated)))
PY
while read -r status rest; do
  case $status in
    ok) ok ;;
    FAIL) fail "$rest" ;;
    count) echo "devref: $rest" ;;
    *) echo "$status $rest" >&2; fail "python" ;;
  esac
done <"$TMP/report"

finish devref
