#!/bin/sh
# CLI tests for the Word, OpenDocument and PDF readers: the bundled pair
# written by real producers (LibreOffice from HTML with ordered lists,
# pandoc from Markdown) reads as the .txt does; numbers that exist only
# as Word or LibreOffice list numbering are keyed as the same text typed
# by hand; damaged files are refused with exit 2.
# Usage: TAIYAKU=build/taiyaku sh tests/cli/office.sh
# Prints "office: N passed, N failed" and exits 1 if any test failed.
set -u
. "$(dirname "$0")/lib/harness.sh"
FIX=$ROOT/tests/fixtures/office
OFF=$ROOT/tests/office

# outline_as FILE TXT: FILE's outline is TXT's but for the line column
# (a paragraph or page position against a line of the .txt).
outline_as() {
  run 0 "$T" outline "$1" && awk '{$3=""; print}' "$TMP/out" >"$TMP/a.outline"
  run 0 "$T" outline "$2" && awk '{$3=""; print}' "$TMP/out" >"$TMP/b.outline"
  if cmp -s "$TMP/a.outline" "$TMP/b.outline"; then ok; else
    fail "$1 is not keyed as $2"
    diff "$TMP/a.outline" "$TMP/b.outline" | head -10 >&2
  fi
}

# same_as JA EN: the pair aligns as the bundled .txt pair does.
same_as() {
  run 0 "$T" align --format json "$1" "$2" && cp "$TMP/out" "$TMP/office.json"
  if python3 "$OFF/same_alignment.py" "$TMP/txt.json" "$TMP/office.json" >"$TMP/diff"; then
    ok
  else
    fail "$1 $2: not the pairs and findings of the .txt pair"
    head -10 "$TMP/diff" >&2
  fi
}

run 0 "$T" align --format json "$JA" "$EN" && cp "$TMP/out" "$TMP/txt.json"

echo "== Word numbering only (第%1条, (%2), %3., iroha, circled, restarts)"
(cd "$FIX/wordnum" && python3 -m zipfile -c "$TMP/wordnum.docx" '[Content_Types].xml' _rels word)
outline_as "$TMP/wordnum.docx" "$FIX/wordnum.txt"
run 0 "$T" outline "$TMP/wordnum.docx"
has "$TMP/out" '^  2 +第二条 +10 '          # the paragraph's number
has "$TMP/out" '^    4\.1 +① +17 '           # a start override begins again
hasnt "$TMP/out" '削除'                       # w:del dropped, w:ins kept
"$T" check "$TMP/wordnum.docx" "$TMP/wordnum.docx" >"$TMP/out" 2>"$TMP/err"
has "$TMP/out" '\[revisions\].*tracked changes'

echo "== producers: LibreOffice (HTML, flat ODF) and pandoc (Markdown)"
for l in ja en; do
  python3 "$OFF/clauses2doc.py" html "$ROOT/$l/cyber-dialogue-2017.txt" >"$TMP/$l.html"
  python3 "$OFF/clauses2doc.py" md "$ROOT/$l/cyber-dialogue-2017.txt" >"$TMP/$l.md"
  pandoc -f markdown-smart -o "$TMP/$l.pandoc.docx" "$TMP/$l.md" || fail "pandoc $l"
done
cp "$FIX/jalists.fodt" "$TMP/"
lo() { soffice -env:UserInstallation="file://$TMP/lo" --headless "$@" >"$TMP/lo.log" 2>&1; }
lo --convert-to docx:"MS Word 2007 XML" --outdir "$TMP/docx" "$TMP/ja.html" "$TMP/en.html" "$TMP/jalists.fodt" \
  || fail "soffice docx"
lo --convert-to odt --outdir "$TMP/odt" "$TMP/ja.html" "$TMP/en.html" "$TMP/jalists.fodt" \
  || fail "soffice odt"
lo --convert-to pdf --outdir "$TMP/pdf" "$TMP/odt/ja.odt" "$TMP/odt/en.odt" || fail "soffice pdf"

echo "== the bundled pair from each producer: the pairs and findings of the .txt"
same_as "$TMP/docx/ja.docx" "$TMP/docx/en.docx"
same_as "$TMP/odt/ja.odt" "$TMP/odt/en.odt"
same_as "$TMP/ja.pandoc.docx" "$TMP/en.pandoc.docx"
same_as "$TMP/odt/ja.odt" "$TMP/docx/en.docx"

echo "== Japanese list formats from LibreOffice (.odt and .docx) keyed as typed"
outline_as "$TMP/odt/jalists.odt" "$FIX/jalists.txt"
outline_as "$TMP/docx/jalists.docx" "$FIX/jalists.txt"

echo "== damaged containers: exit 2 and a message"
head -c 3000 "$TMP/docx/ja.docx" >"$TMP/truncated.docx"
run 2 "$T" outline "$TMP/truncated.docx"
has "$TMP/err" 'truncated\.docx: .*(truncated|damaged)'
python3 - "$TMP/bomb.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    with z.open('word/document.xml', 'w', force_zip64=True) as f:
        block = b'\0' * (1 << 20)
        for _ in range(300):
            f.write(block)
PY
run 2 "$T" outline "$TMP/bomb.docx"
has "$TMP/err" 'bomb\.docx: word/document\.xml inflates .*past the limit'
printf 'PK\003\004' >"$TMP/magic.docx"
run 2 "$T" outline "$TMP/magic.docx"
python3 -c "import zipfile; zipfile.ZipFile('$TMP/other.zip','w').writestr('a.txt','x')"
run 2 "$T" outline "$TMP/other.zip"
has "$TMP/err" 'neither a Word'
python3 - "$FIX/wordnum" "$TMP" <<'PY'
import sys, zipfile
src, tmp = sys.argv[1], sys.argv[2]
doc = open(src + '/word/document.xml', encoding='utf-8').read()
for name, body in (('nodoc', None), ('badxml', doc.replace('</w:body>', ''))):
    with zipfile.ZipFile('%s/%s.docx' % (tmp, name), 'w') as z:
        for m in ('[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels'):
            z.write(src + '/' + m, m)
        if body is not None:
            z.writestr('word/document.xml', body)
PY
run 2 "$T" outline "$TMP/nodoc.docx"
has "$TMP/err" 'nodoc\.docx: no word/document\.xml'
run 2 "$T" outline "$TMP/badxml.docx"
has "$TMP/err" 'badxml\.docx: word/document\.xml:[0-9]+:[0-9]+: .*mismatch'

finish office
