#!/bin/sh
# The Debian Developer's Reference read from the HTML its packages ship
# (Sphinx, one page a language: developers-reference.html), in English and
# Japanese: every numbered section and every ordered-list item pairs by
# number, the pairs are the plain-text route's (tests/devref/run.sh), and
# there are fewer findings than on the plain text.
# Downloads developers-reference and developers-reference-ja with apt-get
# download (taiyaku itself never downloads anything); DEVREF_DEBS=DIR uses
# (or fills) DIR.  Without the packages the test is skipped, except under
# CI=true, where that fails it.
# Usage: TAIYAKU=build/taiyaku sh tests/devref/html.sh
# Prints "devref-html: N passed, N failed"; exits 1 if any test failed.
set -u
. "$(dirname "$0")/../cli/lib/harness.sh"
# stop: the closing line, and the exit status
stop() {
  finish devref-html
  exit $?
}

DEBS=${DEVREF_DEBS:-$TMP/debs}
mkdir -p "$DEBS"
if ! ls "$DEBS"/developers-reference_*.deb >/dev/null 2>&1 ||
   ! ls "$DEBS"/developers-reference-ja_*.deb >/dev/null 2>&1; then
  if ! (cd "$DEBS" && apt-get download developers-reference \
      developers-reference-ja >"$TMP/apt.log" 2>&1); then
    sed 's/^/  /' "$TMP/apt.log" | tail -3
    if [ "${CI:-}" = true ]; then
      fail "apt-get download developers-reference developers-reference-ja"
      stop
    fi
    echo "devref-html: packages not available (apt-get download failed); skipped"
    echo "devref-html: 0 passed, 0 failed"
    exit 0
  fi
fi
for deb in "$DEBS"/developers-reference_*.deb "$DEBS"/developers-reference-ja_*.deb; do
  dpkg-deb -x "$deb" "$TMP/x" || fail "dpkg-deb -x $deb"
done
DIR=$TMP/x/usr/share/developers-reference
EN=$DIR/developers-reference.html
JA=$DIR/ja/developers-reference.html
EN_TXT=$(find "$DIR" -path '*/developers-reference/developers-reference.txt*' | head -1)
JA_TXT=$(find "$DIR" -path '*/developers-reference/ja/developers-reference.txt*' | head -1)
if [ ! -f "$EN" ] || [ ! -f "$JA" ] || [ -z "$EN_TXT" ] || [ -z "$JA_TXT" ]; then
  fail "no single-page HTML or plain text in the packages"
  stop
fi
gzip -dcf "$EN_TXT" >"$TMP/en.txt"
gzip -dcf "$JA_TXT" >"$TMP/ja.txt"

"$T" align --format json "$JA" "$EN" >"$TMP/html.json" 2>"$TMP/err"
[ $? -eq 2 ] && { fail "taiyaku align on the HTML exited 2"; head -3 "$TMP/err" >&2; stop; }
ok
"$T" align --format json "$TMP/ja.txt" "$TMP/en.txt" >"$TMP/txt.json" 2>"$TMP/err"
[ $? -eq 2 ] && { fail "taiyaku align on the text exited 2"; head -3 "$TMP/err" >&2; stop; }
ok

python3 - "$TMP/html.json" "$TMP/txt.json" "$JA" "$EN" >"$TMP/report" 2>&1 <<'PY'
import json, sys
from html.parser import HTMLParser

class Numbered(HTMLParser):
    """Source lines of the numbered headings (a Sphinx section-number
    inside h1-h6) and of the items of ordered lists."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.heads, self.items, self.stack = [], [], []
        self.heading = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ('h1', 'h2', 'h3', 'h4', 'h5', 'h6'):
            self.heading = self.getpos()[0]
        if tag == 'span' and self.heading and 'section-number' in (a.get('class') or '').split():
            self.heads.append(self.heading)
            self.heading = None
        if tag in ('ol', 'ul'):
            self.stack.append(tag)
        if tag == 'li' and self.stack and self.stack[-1] == 'ol':
            self.items.append(self.getpos()[0])
    def handle_endtag(self, tag):
        if tag in ('h1', 'h2', 'h3', 'h4', 'h5', 'h6'):
            self.heading = None
        if tag in ('ol', 'ul') and self.stack:
            self.stack.pop()

def numbered(path):
    p = Numbered()
    p.feed(open(path, encoding='utf-8').read())
    return p.heads, p.items

h = json.load(open(sys.argv[1]))
t = json.load(open(sys.argv[2]))
jh, ji = numbered(sys.argv[3])
eh, ei = numbered(sys.argv[4])
matched = [p for p in h['pairs'] if p['status'] == 'matched']
mja = {p['ja']['line'] for p in matched}
men = {p['en']['line'] for p in matched}
hn, tn = len(h['findings']), len(t['findings'])
checks = [
    ('numbered headings, ja = en', len(jh) == len(eh) > 0),
    ('ordered-list items, ja = en', len(ji) == len(ei) > 0),
    ('every ja heading and item is in a pair matched by number, at its line',
     all(l in mja for l in jh + ji)),
    ('every en heading and item is in a pair matched by number, at its line',
     all(l in men for l in eh + ei)),
    ('matched pairs = numbered headings + items', len(matched) == len(jh) + len(ji)),
    ('no missing-en, no missing-ja',
     h['summary']['missing_en'] == 0 and h['summary']['missing_ja'] == 0),
    ('no duplicate-number, numbering-gap or numbering-order',
     not [f for f in h['findings'] if f['code'] in
          ('duplicate-number', 'numbering-gap', 'numbering-order')]),
    ('the pairs (key, status) of the plain-text route',
     [(p['key'], p['status']) for p in h['pairs']] ==
     [(p['key'], p['status']) for p in t['pairs']]),
    ('fewer findings than the plain-text route', hn < tn),
]
for name, good in checks:
    print(('ok   ' if good else 'FAIL ') + name)
def by_code(j):
    c = {}
    for f in j['findings']:
        c[f['code']] = c.get(f['code'], 0) + 1
    return ' '.join('%s %d' % kv for kv in sorted(c.items()))
print('count headings ja %d en %d; list items ja %d en %d; matched %d; '
      'pairs %d (text %d)' % (len(jh), len(eh), len(ji), len(ei),
                               len(matched), len(h['pairs']), len(t['pairs'])))
print('count findings: HTML %d, plain text %d' % (hn, tn))
print('count HTML: ' + by_code(h))
print('count text: ' + by_code(t))
PY
while read -r status rest; do
  case $status in
    ok) ok ;;
    FAIL) fail "$rest" ;;
    count) echo "devref-html: $rest" ;;
    *) echo "$status $rest" >&2; fail "python" ;;
  esac
done <"$TMP/report"
stop
