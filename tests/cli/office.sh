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
  run 0 "$T" outline "$1" && awk '!/^# /{$3=""; print}' "$TMP/out" >"$TMP/a.outline"
  run 0 "$T" outline "$2" && awk '!/^# /{$3=""; print}' "$TMP/out" >"$TMP/b.outline"
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
  "$FIX/pages.html" \
  || fail "soffice docx"
lo --convert-to odt --outdir "$TMP/odt" "$TMP/ja.html" "$TMP/en.html" "$TMP/jalists.fodt" \
  || fail "soffice odt"
for l in ja en; do
  python3 "$OFF/add_page_furniture.py" "$TMP/odt/$l.odt" "$TMP/odt/$l-hf.odt" "日米サイバー対話 / Cyber Dialogue"
done
lo --convert-to pdf --outdir "$TMP/pdf" "$TMP/odt/ja.odt" "$TMP/odt/en.odt" "$TMP/odt/ja-hf.odt" \
  "$TMP/odt/en-hf.odt" || fail "soffice pdf"
lo --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' \
  --outdir "$TMP/enc" "$TMP/odt/en.odt" || fail "soffice encrypted pdf"

echo "== the bundled pair from each producer: the pairs and findings of the .txt"
same_as "$TMP/docx/ja.docx" "$TMP/docx/en.docx"
same_as "$TMP/odt/ja.odt" "$TMP/odt/en.odt"
same_as "$TMP/ja.pandoc.docx" "$TMP/en.pandoc.docx"
same_as "$TMP/odt/ja.odt" "$TMP/docx/en.docx"
same_as "$TMP/pdf/ja.pdf" "$TMP/pdf/en.pdf"
echo "== PDF pages with a header and a page-number footer: dropped"
run 0 "$T" outline "$TMP/pdf/en-hf.pdf"
hasnt "$TMP/out" '/ Cyber Dialogue|^front-[0-9]+ +- +[0-9]+ +none +[0-9]+$'
has "$TMP/out" '^    7\.2\.2 +b\. +2[0-9]{3} '   # page 2, its line
same_as "$TMP/pdf/ja-hf.pdf" "$TMP/pdf/en-hf.pdf"

echo "== Japanese list formats from LibreOffice (.odt and .docx) keyed as typed"
outline_as "$TMP/odt/jalists.odt" "$FIX/jalists.txt"
outline_as "$TMP/docx/jalists.docx" "$FIX/jalists.txt"

echo "== DOCX pages where the file marks them: page * 1000 + paragraph on the page"
# LibreOffice writes a page break as w:br w:type="page" ending the paragraph before
run 0 "$T" outline "$TMP/docx/pages.docx"
has "$TMP/out" '^1 +第一条 +1001 '
has "$TMP/out" '^3 +第三条 +2001 '
has "$TMP/out" '^4 +第四条 +2002 '
has "$TMP/out" '^5 +第五条 +3001 '
# Word's w:lastRenderedPageBreak, a page break before the text (one page,
# however many marks), w:pageBreakBefore, and one off (w:val="0")
python3 - "$FIX/wordnum" "$TMP/marks.docx" <<'PY'
import sys, zipfile
src, out = sys.argv[1], sys.argv[2]
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
def p(text, before='', ppr=''):
    return ('<w:p><w:pPr>%s</w:pPr><w:r>%s<w:t>%s</w:t></w:r></w:p>' % (ppr, before, text))
body = ''.join([
    p('1. one'),
    p('2. two', ppr='', before='') .replace('</w:t></w:r>', '</w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t> more</w:t></w:r>'),
    p('3. three'),
    p('4. four', before='<w:br w:type="page"/>').replace('<w:r><w:br', '<w:r><w:lastRenderedPageBreak/><w:br'),
    p('5. five', ppr='<w:pageBreakBefore/>'),
    p('6. six', ppr='<w:pageBreakBefore w:val="0"/>'),
])
doc = '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, body)
with zipfile.ZipFile(out, 'w') as z:
    for m in ('[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels'):
        z.write(src + '/' + m, m)
    z.writestr('word/document.xml', doc)
PY
run 0 "$T" outline "$TMP/marks.docx"
has "$TMP/out" '^2 +2\. +1002 '   # the page turns inside it: it starts on page 1
has "$TMP/out" '^3 +3\. +2001 '
has "$TMP/out" '^4 +4\. +3001 '   # two marks before its text: one page
has "$TMP/out" '^5 +5\. +4001 '
has "$TMP/out" '^6 +6\. +4002 '
# a file that marks no pages keeps paragraph numbers (wordnum.docx above)

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

echo "== PDF: hyphenation undone where the word occurs unbroken, compounds kept"
python3 "$OFF/mkpdf.py" "$TMP/hyphen.pdf" <"$FIX/hyphen.spec"
run 1 "$T" align --format json "$TMP/hyphen.pdf" "$TMP/hyphen.pdf"  # the same text twice: untranslated
py "[p['key'] for p in j['pairs']] == ['1', '2', '3']"
py "'the cybersecurity of the network' in j['pairs'][0]['ja']['text']"
py "'well-established and well-known methods' in j['pairs'][0]['ja']['text']"
py "j['pairs'][0]['ja']['text'].endswith('public network applies.')"
py "j['pairs'][2]['ja']['text'].endswith('the whole-of-government effort.')"
py "not [p for p in j['pairs'] if 'Test Report' in p['ja']['text'] or 'Page' in p['ja']['text']]"
py "j['pairs'][2]['ja']['line'] == 2002"

echo "== PDFs without text, encrypted, damaged: exit 2 and a message"
run 2 "$T" outline "$TMP/enc/en.pdf"
has "$TMP/err" 'en\.pdf: a password-protected PDF'
python3 - "$TMP/scan.pdf" <<'PY'
import sys, zlib
# one page holding an 8x8 grey image and no text: what a scanner writes
img = zlib.compress(bytes(range(0, 256, 4)))
objs = [b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R '
        b'/Resources << /XObject << /Im1 5 0 R >> >> >>']
content = b'q 200 0 0 200 0 0 cm /Im1 Do Q'
objs.append(b'<< /Length %d >>\nstream\n%s\nendstream' % (len(content), content))
objs.append(b'<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray '
            b'/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream' % (len(img), img))
out = bytearray(b'%PDF-1.4\n')
offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(out))
    out += b'%d 0 obj\n%s\nendobj\n' % (i, o)
xref = len(out)
out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
for o in offs:
    out += b'%010d 00000 n \n' % o
out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref)
open(sys.argv[1], 'wb').write(out)
PY
run 2 "$T" outline "$TMP/scan.pdf"
has "$TMP/err" 'scan\.pdf: no text in 1 page: a scanned PDF'
printf '%%PDF-1.4\ngarbage\n' >"$TMP/garbage.pdf"
run 2 "$T" outline "$TMP/garbage.pdf"
has "$TMP/err" 'garbage\.pdf: not a readable PDF'

finish office
