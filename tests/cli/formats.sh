#!/bin/sh
# CLI tests for the HTML and Markdown readers and the choice of format:
# the bundled pair written as Markdown, as pandoc's HTML of that Markdown
# and as a hand-written page with ordered lists in Japanese list styles
# gives the pairs and findings of the .txt; list markers as a browser
# shows them; tables, pre, page chrome; damaged files.
# Usage: TAIYAKU=build/taiyaku sh tests/cli/formats.sh
# Prints "formats: N passed, N failed" and exits 1 if any test failed.
set -u
. "$(dirname "$0")/lib/harness.sh"
FX=$ROOT/tests/fixtures/formats

# pairs and findings of an alignment, line numbers left out (they are
# each file's own): one line per pair (key, status) and per finding
# (severity, code, key, message without "line N")
summary() {
  python3 - "$1" <<'PY'
import json, re, sys
j = json.load(open(sys.argv[1]))
for p in j['pairs']:
    print('pair', p['key'], p['status'])
for f in j['findings']:
    print('finding', f['severity'], f['code'], f['key'],
          re.sub(r'line [0-9]+', 'line N', f['message']))
PY
}

run 1 "$T" align --format json --fail-on info "$JA" "$EN" && summary "$TMP/out" >"$TMP/txt.sum"
if ! command -v pandoc >/dev/null 2>&1; then
  fail "pandoc is not installed (scripts/deps.sh installs it)"
else
  for l in ja en; do
    pandoc -f commonmark -t html5 -s --metadata title=cyber --metadata lang=$l \
      "$FX/cyber.$l.md" -o "$TMP/pandoc.$l.html" 2>/dev/null || fail "pandoc $l"
  done
fi
for v in "$FX/cyber.ja.md $FX/cyber.en.md" \
         "$TMP/pandoc.ja.html $TMP/pandoc.en.html" \
         "$FX/cyber-lists.ja.html $FX/cyber-lists.en.html"; do
  set -- $v
  echo "== $(basename "$1") and $(basename "$2"): the pairs and findings of the .txt"
  run 1 "$T" align --format json --fail-on info "$1" "$2" && summary "$TMP/out" >"$TMP/v.sum"
  if cmp -s "$TMP/txt.sum" "$TMP/v.sum"; then ok; else
    fail "$(basename "$1"): pairs or findings differ from the .txt"
    diff "$TMP/txt.sum" "$TMP/v.sum" | head -10 >&2
  fi
  py "j['summary']['matched'] == 18"
done

echo "== Japanese list styles: the markers a browser shows, keyed as typed"
run 0 "$T" outline "$FX/cyber-lists.ja.html"
has "$TMP/out" '^# html, lang ja$'
has "$TMP/out" '^7 +七、 +22 +kanji '
has "$TMP/out" '^  7\.3 +ハ、 +33 +iroha '
has "$TMP/out" '^    7\.2\.4 +d\. +31 +latin-lower '
has "$TMP/out" '^8 +八、 +40 +kanji '
hasnt "$TMP/out" 'ホーム|報道発表|Copyright'
echo "== pandoc's HTML: source lines, start numbers"
run 0 "$T" outline "$TMP/pandoc.en.html"
has "$TMP/out" '^8 +8\. '
hasnt "$TMP/out" ' cyber$'

echo "== ol: start, value, reversed, type, inline list-style-type"
cat >"$TMP/lists.html" <<'EOF'
<!DOCTYPE html>
<html lang="en"><body>
<p>Front</p>
<ol start="4">
<li>four</li>
<li>five
  <ol type="i"><li>one</li><li value="4">four</li><li>five</li></ol>
</li>
<li>six
  <ol reversed><li>three</li><li>two</li><li>one</li></ol>
</li>
<li>seven
  <ol style="color: red; list-style-type: upper-roman"><li>one</li><li style="list-style-type: lower-alpha">two</li></ol>
</li>
<li>eight
  <ol style="list-style: katakana inside"><li>a</li><li>i</li><li>u</li></ol>
</li>
<li>nine
  <ol style="list-style-type: hiragana-iroha"><li>i</li><li>ro</li></ol>
</li>
<li>ten
  <ol type="A" start="26"><li>Z</li><li>AA</li></ol>
</li>
<li>eleven
  <ol style="list-style-type:cjk-ideographic" start="11"><li>eleven</li><li>twelve</li></ol>
</li>
</ol>
</body></html>
EOF
run 0 "$T" outline "$TMP/lists.html"
for want in '^4 +4\. .* four$' '^5 +5\. ' '^  5\.1 +i\. .* one$' '^  5\.4 +iv\. ' '^  5\.5 +v\. ' \
            '^  6\.3 +3\. .* three$' '^  6\.1 +1\. .* one$' '^  7\.1 +I\. ' '^    7\.1\.2 +b\. ' \
            '^  8\.1 +ア、' '^  8\.3 +ウ、' '^  10\.26 +Z\. ' '^  11\.11 +十一、' '^  11\.12 +十二、'; do
  has "$TMP/out" "$want"
done
# hiragana and AA. are no section numbers typed by hand either
run 0 "$T" align --format json "$TMP/lists.html" "$TMP/lists.html"
py "[p for p in j['pairs'] if p['key']=='9'][0]['ja']['text'] == 'nine\nい、 i\nろ、 ro'"
py "'AA. AA' in [p for p in j['pairs'] if p['key']=='10.26'][0]['ja']['text']"

echo "== tables: a row whose first cell is a number is a clause"
cat >"$TMP/table.html" <<'EOF'
<html><body>
<table>
<tr><th>No.</th><th>Item</th></tr>
<tr><td>1</td><td>Scope <b>of</b> work</td></tr>
<tr><td>2</td><td><p>Delivery</p></td></tr>
</table>
</body></html>
EOF
run 0 "$T" outline "$TMP/table.html"
has "$TMP/out" '^front-1 .* No\.[[:space:]]+Item$'
has "$TMP/out" '^1 +1 +4 .* Scope of work$'
has "$TMP/out" '^2 +2 +5 .* Delivery$'

echo "== pre is verbatim and starts no clause; chrome is dropped"
cat >"$TMP/pre.html" <<'EOF'
<html lang="en"><body>
<div class="navheader"><table><tr><td>2.1. Next section</td></tr></table></div>
<nav><ol><li>Contents</li></ol></nav>
<h2>1. Setup</h2>
<p>Run:</p>
<pre>
1. make
2.  make   check
</pre>
<h2>2. Use<a class="headerlink" href="#use">¶</a></h2>
<p>Text <code>a  b</code>.</p>
<div class="navfooter"><p>3. Last page</p></div>
<footer>4. Footer</footer>
</body></html>
EOF
run 0 "$T" outline "$TMP/pre.html"
has "$TMP/out" '^1 +1\. +4 '
has "$TMP/out" '^2 +2\. +10 .* Use…?$'
hasnt "$TMP/out" 'Next section|Contents|Last page|Footer|¶'
run 0 "$T" align --no-checks --format json "$TMP/pre.html" "$TMP/pre.html"
py "[p['key'] for p in j['pairs']] == ['1', '2']"
py "'2.  make   check' in j['pairs'][0]['ja']['text']"
py "'Text a  b.' in j['pairs'][1]['ja']['text']"

echo "== Markdown: headings, start numbers, code blocks"
cat >"$TMP/doc.md" <<'EOF'
# Guide

## 1. Scope

Text of one,
wrapped.

## 2. Terms

3. three
1. four (a browser shows 4)
1. five

Setext title 3.
---------------

```
1. not a clause
```

    2. nor this
EOF
run 0 "$T" outline "$TMP/doc.md"
has "$TMP/out" '^# markdown$'
has "$TMP/out" '^1 +1\. +3 '
has "$TMP/out" '^  2\.3 +3\. +10 '
has "$TMP/out" '^  2\.4 +4\. +11 '
has "$TMP/out" '^  2\.5 +5\. +12 '
hasnt "$TMP/out" 'not a clause|nor this'
run 0 "$T" align --no-checks --format json "$TMP/doc.md" "$TMP/doc.md"
py "[p for p in j['pairs'] if p['key']=='1'][0]['ja']['text'] == 'Scope\nText of one, wrapped.'"

echo "== the format: by content, by name, or --input-format"
cp "$FX/cyber-lists.en.html" "$TMP/page.txt"
run 0 "$T" outline "$TMP/page.txt" && has "$TMP/out" '^# html, lang en$'
run 0 "$T" outline --input-format text "$TMP/page.txt" && hasnt "$TMP/out" '^# '
cp "$FX/cyber.en.md" "$TMP/notes.txt"
run 0 "$T" outline --input-format markdown "$TMP/notes.txt" && has "$TMP/out" '^# markdown$'
run 0 "$T" outline "$TMP/notes.txt" && hasnt "$TMP/out" '^# '
run 2 "$T" outline --input-format rtf "$TMP/notes.txt" && has "$TMP/err" "input-format: unknown format 'rtf'"
printf '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>1. One</p><p>2. Two</p></body></html>\n' >"$TMP/page.xml"
run 0 "$T" outline "$TMP/page.xml" && has "$TMP/out" '^# html$' && has "$TMP/out" '^2 +2\. '

echo "== damaged files: exit 2, FILE:LINE:COL and what is wrong"
printf '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">\n<body><p>1. One</body></html>\n' >"$TMP/bad.xhtml"
run 2 "$T" outline "$TMP/bad.xhtml" && has "$TMP/err" "^taiyaku: $TMP/bad.xhtml:3:[0-9]+: XHTML: .*mismatch"
printf '<html><body><p>1. One</p>\n<p>2. Two <a href="x>y</a></p>\n<p>3. Three</p>\n' >"$TMP/cut.html"
run 2 "$T" align "$TMP/cut.html" "$TMP/cut.html" && has "$TMP/err" "^taiyaku: $TMP/cut.html:4:1: HTML: AttValue: .* expected \\(the file looks cut short"
hasnt "$TMP/out" '.'
printf '<html><body><p>1. One</p>\n<!-- a comment left open\n<p>2. Two</p>\n' >"$TMP/comment.html"
run 2 "$T" outline "$TMP/comment.html" && has "$TMP/err" "^taiyaku: $TMP/comment.html:[0-9]+:[0-9]+: HTML: Comment not terminated"
printf '# T\n\n1. One\n2. T\377wo\n' >"$TMP/bad.md"
run 2 "$T" outline "$TMP/bad.md" && has "$TMP/err" "^taiyaku: $TMP/bad.md:4:5: "

finish formats
