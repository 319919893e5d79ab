#!/bin/sh
# The Word bilingual table (--format docx) in the programs that open it:
# python-docx (Debian python3-docx) reads one table row per pair, the key
# and each side's label and text exactly as the JSON has them, the
# Japanese column in a style with an East-Asian font; word/comments.xml
# holds one comment per finding, its text the finding's, anchored in the
# row of the finding's pair (a missing-en on the Japanese cell, a
# missing-ja on the English one).  LibreOffice headless (libreoffice-
# writer-nogui) converts it to PDF and to text, the text holding every
# line of every clause.  For the Debian constitution (v1.7 both sides,
# and ja v1.4 against en v1.5: missing-ja clauses), the Constitution of
# Japan (a missing-en) and the bundled text.
set -u
. "$(dirname "$0")/lib/harness.sh"
CORPUS=$ROOT/tests/fixtures/corpus
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # Debian's, with python-docx
DC=$CORPUS/debian-constitution
CJ=$CORPUS/constitution-of-japan

echo "== refusals"
run 2 "$T" align -f docx -o "$JA" "$JA" "$EN" && has "$TMP/err" 'refusing'
if command -v script >/dev/null 2>&1; then
  # a terminal on standard output: no zip archive on it
  for f in docx xlsx; do
    script -qec "'$T' align -f $f '$JA' '$EN'" /dev/null >"$TMP/tty" 2>&1
    if grep -q "format $f writes a binary file: give -o" "$TMP/tty" &&
      ! grep -q 'PK' "$TMP/tty"; then ok
    else fail "$f on a terminal was not refused"; fi
  done
fi

make_pair() { # NAME JA EN: NAME.docx and NAME.json
  "$T" align --fail-on never -f docx -o "$TMP/$1.docx" "$2" "$3" &&
    "$T" align --fail-on never -f json -o "$TMP/$1.json" "$2" "$3" && ok ||
    fail "$1: taiyaku align failed"
}
make_pair debian "$DC/ja-v1.7.txt" "$DC/en-v1.7.txt"
make_pair debian14 "$DC/ja-v1.4.txt" "$DC/en-v1.5.txt"
make_pair japan "$CJ/ja.egov.txt" "$CJ/en.pg612.txt"
make_pair cyber "$JA" "$EN"
# to a pipe too (not a terminal): the same members
"$T" align --fail-on never -f docx "$JA" "$EN" | cat >"$TMP/piped.docx"
if [ -s "$TMP/piped.docx" ] &&
  [ "$(unzip -Z1 "$TMP/piped.docx" 2>/dev/null)" = "$(unzip -Z1 "$TMP/cyber.docx")" ]
then ok; else fail "docx to a pipe is no archive like -o writes"; fi

echo "== python-docx reads a row per pair and a comment per finding"
for name in debian debian14 japan cyber; do
  if $PY - "$TMP/$name.docx" "$TMP/$name.json" >"$TMP/py" 2>&1 <<'EOP'; then
import json, sys, zipfile
import docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
j = json.load(open(sys.argv[2]))
assert len(d.tables) == 1, len(d.tables)
t = d.tables[0]
rows = t.rows
assert len(rows) == len(j["pairs"]) + 1, (len(rows), len(j["pairs"]))
assert [c.text for c in rows[0].cells] == ["key", "日本語", "English"]
ja_font = d.styles["Japanese"].element.rPr.rFonts.get(qn("w:eastAsia"))
assert ja_font == "Yu Mincho", ja_font

def side(cell):
    """(label, text) of a cell: its first Label run, and the text of the
    other runs, a line per paragraph."""
    labels = [r.text for p in cell.paragraphs for r in p.runs
              if r.style is not None and r.style.name == "Label"]
    text = "\n".join("".join(r.text for r in p.runs
                             if r.style is None or r.style.name != "Label")
                     for p in cell.paragraphs)
    return (labels[0].rstrip(" \u3000") if labels else ""), text

row_of = {}
for n, (p, row) in enumerate(zip(j["pairs"], rows[1:])):
    cells = row.cells
    assert cells[0].text == p["key"], (cells[0].text, p["key"])
    row_of[p["id"]] = n + 1
    for col, lang in ((1, "ja"), (2, "en")):
        want = ((p[lang] or {}).get("label") or "", (p[lang] or {}).get("text", ""))
        got = side(cells[col])
        assert got == want, (p["id"], lang, got, want)
    for para in cells[1].paragraphs:
        assert para.style.name == "Japanese", (p["id"], para.style.name)
    for para in cells[2].paragraphs:
        assert para.style.name == "English", (p["id"], para.style.name)

# the comments, and where each is anchored
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
from xml.etree import ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
comments = ET.fromstring(z.read("word/comments.xml")).findall(W + "comment")
assert len(comments) == len(j["findings"]), (len(comments), len(j["findings"]))
for c, f in zip(comments, j["findings"]):
    text = "".join(x.text or "" for x in c.find(W + "p").iter(W + "t"))
    want = "%s: [%s] %s%s" % (f["severity"], f["code"],
                              f["key"] + ": " if f["key"] else "", f["message"])
    # the JSON rounds to 3 places: 0.9996 is 1.0 there, "1.00" here
    if f["confidence"] < 1 or text.endswith(" (confidence 1.00)"):
        want += " (confidence %.2f)" % f["confidence"]
    assert text == want, (text, want)
body = ET.fromstring(z.read("word/document.xml")).find(W + "body")
anchor = {}  # comment id -> (row, column), or "summary"
for n, tr in enumerate(body.find(W + "tbl").findall(W + "tr")):
    for col, tc in enumerate(tr.findall(W + "tc")):
        for m in tc.iter(W + "commentRangeStart"):
            anchor[int(m.get(W + "id"))] = (n, col)
paras = body.findall(W + "p")
for m in paras[1].iter(W + "commentRangeStart"):
    anchor[int(m.get(W + "id"))] = "summary"
ends = {int(m.get(W + "id")) for m in body.iter(W + "commentRangeEnd")}
refs = {int(m.get(W + "id")) for m in body.iter(W + "commentReference")}
assert set(anchor) == ends == refs == set(range(len(comments))), "ranges"
for k, f in enumerate(j["findings"]):
    if f["pair"] is None:
        assert anchor[k] == "summary", (k, f, anchor[k])
        continue
    row, col = anchor[k]
    assert row == row_of[f["pair"]], (k, f, anchor[k])
    if f["code"] == "missing-en":
        assert col == 1, (k, f)
    if f["code"] == "missing-ja":
        assert col == 2, (k, f)
print(len(j["pairs"]), "rows,", len(comments), "comments")
EOP
    ok
    echo "$name: python-docx: $(cat "$TMP/py")"
  else
    fail "$name: python-docx"
    cat "$TMP/py" >&2
  fi
done
# the readings above only mean something with findings of both anchors
$PY -c "import json,sys; j=json.load(open(sys.argv[1])); c={f['code'] for f in j['findings']}; sys.exit(0 if 'missing-ja' in c else 1)" \
  "$TMP/debian14.json" && ok || fail "debian v1.4/v1.5 has no missing-ja finding"
$PY -c "import json,sys; j=json.load(open(sys.argv[1])); c={f['code'] for f in j['findings']}; sys.exit(0 if 'missing-en' in c else 1)" \
  "$TMP/japan.json" && ok || fail "the Constitution of Japan has no missing-en finding"

echo "== LibreOffice headless converts it to PDF and text"
if ! command -v soffice >/dev/null 2>&1; then
  fail "soffice is not installed (scripts/deps.sh installs libreoffice-writer-nogui)"
else
  lo() {
    soffice -env:UserInstallation="file://$TMP/lo" --headless "$@" \
      >>"$TMP/lo.log" 2>&1
  }
  lo --convert-to pdf --outdir "$TMP/pdf" "$TMP/debian.docx" "$TMP/japan.docx" ||
    fail "soffice pdf"
  lo --convert-to 'txt:Text (encoded):UTF8' --outdir "$TMP/txt" \
    "$TMP/debian.docx" "$TMP/japan.docx" || fail "soffice txt"
  for name in debian japan; do
    if head -c 5 "$TMP/pdf/$name.pdf" 2>/dev/null | grep -q '^%PDF-'; then ok
    else fail "$name: LibreOffice wrote no PDF"; cat "$TMP/lo.log" >&2; fi
    # the PDF read back by taiyaku's own PDF reader (poppler) has the pairs
    if "$T" outline --input-format pdf "$TMP/pdf/$name.pdf" >"$TMP/$name.outline" \
      2>"$TMP/err" && [ -s "$TMP/$name.outline" ]; then ok
    else fail "$name: the PDF LibreOffice wrote does not read"; cat "$TMP/err" >&2; fi
    if $PY - "$TMP/txt/$name.txt" "$TMP/$name.json" >"$TMP/py" 2>&1 <<'EOP'; then
import json, sys
text = open(sys.argv[1], encoding="utf-8-sig").read()
lines = set(text.splitlines())
j = json.load(open(sys.argv[2]))
missing = []
for p in j["pairs"]:
    for lang in ("ja", "en"):
        side = p[lang]
        if not side:
            continue
        for n, line in enumerate(side["text"].split("\n")):
            if n == 0 and side["label"]:
                ok = any(l.startswith(side["label"]) and l.endswith(line) for l in lines)
            else:
                ok = line in lines
            if not ok:
                missing.append((p["id"], lang, line))
assert not missing, missing[:5]
print(len(j["pairs"]), "pairs, every line in LibreOffice's text")
EOP
      ok
      echo "$name: LibreOffice: $(cat "$TMP/py")"
    else
      fail "$name: LibreOffice text"
      cat "$TMP/py" >&2
    fi
  done
fi

finish docx
