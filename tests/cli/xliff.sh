#!/bin/sh
# XLIFF 1.2 in the tools that read it: valid against the OASIS 1.2
# transitional schema (tests/schemas, offline), translate-toolkit's
# pocount counts one unit per pair, OmegaT 3.6 loads one segment per pair;
# for the bundled text, the Constitution of Japan and the Debian
# constitution.
set -u
. "$(dirname "$0")/lib/harness.sh"
CORPUS=$ROOT/tests/fixtures/corpus
SCHEMAS=$ROOT/tests/schemas
export XML_CATALOG_FILES=$SCHEMAS/catalog.xml

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
}

echo "== XLIFF 1.2: schema, translate-toolkit, OmegaT"
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

finish xliff
