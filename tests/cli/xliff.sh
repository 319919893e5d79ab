#!/bin/sh
# XLIFF in the tools that read it, for the bundled text, the Constitution
# of Japan and the Debian constitution.  XLIFF 1.2: valid against the
# OASIS 1.2 transitional schema (tests/schemas, offline), translate-
# toolkit's pocount counts one unit per pair, OmegaT 3.6 loads one segment
# per pair.  XLIFF 2.1: valid against the OASIS core and ITS module
# schemas, with and without --its-marks.  Both: npm's xliff (installed by
# `make cli` into build/node) reads every pair with no target lost.
set -u
. "$(dirname "$0")/lib/harness.sh"
CORPUS=$ROOT/tests/fixtures/corpus
SCHEMAS=$ROOT/tests/schemas
export XML_CATALOG_FILES=$SCHEMAS/catalog.xml
export NODE_PATH=${NODE_PATH:-$ROOT/build/node/node_modules}
READ_JS=$(dirname "$0")/lib/xliff_read.js

# npm_reads NAME FILE 12|21 PAIRS: npm's xliff reads PAIRS units and as
# many targets as the file has, none of them empty
npm_reads() {
  got=$(node "$READ_JS" "$2" "$3" 2>&1)
  want_t=$(grep -c '<target' "$2")
  echo "$1: npm xliff $got ($4 pairs, $want_t targets written)"
  if [ "$got" = "{\"units\":$4,\"targets\":$want_t,\"empty\":0}" ]; then ok
  else fail "$1: npm xliff read $got"; fi
}

# valid21 NAME FILE: valid XLIFF 2.1 core + ITS module
valid21() {
  if xmllint --noout --nonet --schema "$SCHEMAS/xliff21-its.xsd" "$2" \
    2>"$TMP/$1.xsd"; then ok; else
    fail "$1: not valid XLIFF 2.1"
    head -5 "$TMP/$1.xsd" >&2
  fi
}

pairs_of() {
  "$T" align --fail-on never -f json "$1" "$2" |
    python3 -c 'import json,sys; print(len(json.load(sys.stdin)["pairs"]))'
}

# omegat_segments FILE: the segments OmegaT counts in FILE (a source file)
omegat_segments() {
  d=$TMP/omegat-$(basename "$1")
  mkdir -p "$d/source" "$d/tm" "$d/target" "$d/omegat" "$d/glossary" \
    "$d/dictionary"
  cat >"$d/omegat.project" <<EOP
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat><project version="1.0">
  <source_dir>__DEFAULT__</source_dir><target_dir>__DEFAULT__</target_dir>
  <tm_dir>__DEFAULT__</tm_dir><glossary_dir>__DEFAULT__</glossary_dir>
  <glossary_file>__DEFAULT__</glossary_file>
  <dictionary_dir>__DEFAULT__</dictionary_dir>
  <source_lang>JA</source_lang><target_lang>EN</target_lang>
  <source_tok>org.omegat.tokenizer.LuceneJapaneseTokenizer</source_tok>
  <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
  <sentence_seg>false</sentence_seg>
  <support_default_translations>true</support_default_translations>
  <remove_tags>false</remove_tags>
</project></omegat>
EOP
  cp "$1" "$d/source/"
  JAVA_TOOL_OPTIONS="-Duser.home=$TMP/home -Djava.awt.headless=true" \
    omegat "$d" --mode=console-translate >"$d.log" 2>&1
  awk -F'\t' '/^Total:/ {gsub(/ /, "", $2); print $2; exit}' \
    "$d/omegat/project_stats.txt" 2>/dev/null
}

# check12 NAME JA EN
check12() {
  name=$1 ja=$2 en=$3
  out=$TMP/$name.xlf
  if ! "$T" align --fail-on never -f xliff12 -o "$out" "$ja" "$en"; then
    fail "$name: taiyaku align -f xliff12 failed"
    return
  fi
  n=$(pairs_of "$ja" "$en")
  if xmllint --noout --nonet \
    --schema "$SCHEMAS/xliff12/xliff-core-1.2-transitional.xsd" "$out" \
    2>"$TMP/$name.xsd"; then ok; else
    fail "$name: not valid XLIFF 1.2"
    head -5 "$TMP/$name.xsd" >&2
  fi
  # the CSV's ninth column: Total Message
  units=$(pocount --csv "$out" 2>/dev/null | awk -F, 'NR == 2 {print $9}' | tr -d ' ')
  echo "$name: $n pairs, pocount $units units"
  if [ "$units" = "$n" ]; then ok; else fail "$name: pocount $units, pairs $n"; fi
  segs=$(omegat_segments "$out")
  echo "$name: OmegaT loads $segs segments"
  if [ "$segs" = "$n" ]; then ok; else fail "$name: OmegaT $segs, pairs $n"; fi
  npm_reads "$name-1.2" "$out" 12 "$n"
  "$T" align --fail-on never -f xliff -o "$TMP/$name.21.xlf" "$ja" "$en" &&
    valid21 "$name-2.1" "$TMP/$name.21.xlf" &&
    npm_reads "$name-2.1" "$TMP/$name.21.xlf" 21 "$n"
  "$T" align --fail-on never --its-marks -f xliff -o "$TMP/$name.21m.xlf" \
    "$ja" "$en" && valid21 "$name-2.1-marks" "$TMP/$name.21m.xlf"
}

if [ ! -f "$NODE_PATH/xliff/package.json" ]; then
  fail "npm xliff is not installed in $NODE_PATH (make cli installs it)"
fi

echo "== XLIFF 1.2 and 2.1: schemas, translate-toolkit, OmegaT, npm xliff"
check12 cyber "$JA" "$EN"
check12 constitution "$CORPUS/constitution-of-japan/ja.egov.txt" \
  "$CORPUS/constitution-of-japan/en.pg612.txt"
check12 debian "$CORPUS/debian-constitution/ja-v1.7.txt" \
  "$CORPUS/debian-constitution/en-v1.7.txt"

echo "== XLIFF 1.2: findings as notes and ITS issues on their side"
run 1 "$T" align -f xliff12 "$CORPUS/constitution-of-japan/ja.egov.txt" \
  "$CORPUS/constitution-of-japan/en.pg612.txt"
cp "$TMP/out" "$TMP/c.xlf"
python3 - "$TMP/c.xlf" >"$TMP/py" 2>&1 <<'EOP' && ok || { fail "xliff12 findings"; cat "$TMP/py" >&2; }
import sys
import xml.etree.ElementTree as ET
ns = {"x": "urn:oasis:names:tc:xliff:document:1.2",
      "its": "http://www.w3.org/2005/11/its"}
root = ET.parse(sys.argv[1]).getroot()
units = root.findall(".//x:trans-unit", ns)
missing = [u for u in units if u.find("x:target", ns) is None]
extra = [u for u in units if u.find("x:source", ns).text is None]
assert extra, "the English-only preface line has an empty source"
for u in units:
    notes = u.findall("x:note", ns)
    issues = u.findall("its:locQualityIssues/its:locQualityIssue", ns)
    assert len(notes) == len(issues), u.get("id")
    t = u.find("x:target", ns)
    if t is not None and notes and any(n.get("priority") in ("1", "5") for n in notes):
        assert t.get("state") == "needs-review-translation", u.get("id")
    if u.find("x:source", ns).text is None:
        assert t is not None and t.get("state") != "translated", u.get("id")
        assert any(i.get("locQualityIssueType") == "addition" for i in issues)
for u in missing:
    types = [i.get("locQualityIssueType") for i in
             u.findall("its:locQualityIssues/its:locQualityIssue", ns)]
    assert "omission" in types, (u.get("id"), types)
# labels as the document has them
src = [u.find("x:source", ns).text or "" for u in units]
assert any(s.startswith("第一条　") for s in src), src[:12]
EOP

echo "== XLIFF 2.1: issue types, sides and states (Debian en v1.5 / ja v1.4)"
run 1 "$T" align -f xliff "$CORPUS/debian-constitution/ja-v1.4.txt" \
  "$CORPUS/debian-constitution/en-v1.5.txt"
cp "$TMP/out" "$TMP/d.xlf"
valid21 debian-1.4-1.5 "$TMP/d.xlf"
python3 - "$TMP/d.xlf" >"$TMP/py" 2>&1 <<'EOP' && ok || { fail "xliff 2.1 issues"; cat "$TMP/py" >&2; }
import sys
import xml.etree.ElementTree as ET
X = "{urn:oasis:names:tc:xliff:document:2.0}"
I = "{http://www.w3.org/2005/11/its}"
root = ET.parse(sys.argv[1]).getroot()
extra = 0
additions = set()  # the units that carry an addition issue
folded = []  # English-only units whose finding is their parent's (group.c)
for u in root.iter(X + "unit"):
    seg = u.find(X + "segment")
    src = seg.find(X + "source").text
    tgt = seg.find(X + "target")
    lqi = {q.get("{http://www.w3.org/XML/1998/namespace}id"): q
           for q in u.findall(I + "locQualityIssues")}
    notes = u.findall(X + "notes/" + X + "note")
    issues = sum(len(q) for q in lqi.values())
    assert issues == len(notes), u.get("id")
    assert not u.findall(".//" + X + "mrk"), "no inline marks by default"
    if not src:  # English only: an addition, on the target, not translated
        extra += 1
        assert seg.get("state") == "initial", u.get("id")
        if "lqi-%s-t" % u.get("id") in lqi:
            types = [i.get("locQualityIssueType")
                     for i in lqi["lqi-%s-t" % u.get("id")]]
            assert "addition" in types, types
            additions.add(u.get("id"))
        else:  # a sub-clause of a missing clause: folded into its finding
            folded.append(u.get("id"))
    if tgt is None:
        assert seg.get("state") == "initial"
    for q in lqi.values():
        for i in q:
            assert i.get("locQualityIssueType") != "markup", u.get("id")
assert extra == 5, extra  # 6.2(6), 6.2(7), its two items, a version note
for f in folded:
    assert any(f.startswith(a + ".") for a in additions), (f, additions)
assert len(additions) == 3, additions
EOP

finish xliff
