#!/bin/sh
# Translation memories in a CAT tool: OmegaT 3.6 (Debian omegat), headless,
# given taiyaku's TMX in tm/auto/ and the real source file in source/,
# pre-translates the segments whose text the memory has.  We want >= 95%
# of the segments of the bundled Japanese text and of the Constitution of
# Japan, with paragraph and with sentence segmentation.  The Constitution
# (e-Gov text) has no blank lines, so its project breaks paragraphs on line
# breaks (the text filter's segmentOn=BREAKS), as a translator sets it.
set -u
. "$(dirname "$0")/lib/harness.sh"
CON=$ROOT/tests/fixtures/corpus/constitution-of-japan

if ! command -v omegat >/dev/null 2>&1; then
  fail "omegat is not installed (scripts/deps.sh installs it)"
  finish tm
  exit 1
fi

# project DIR SENTSEG(true|false) SOURCE TMX [BREAKS]: an OmegaT project
project() {
  d=$1
  mkdir -p "$d/source" "$d/tm/auto" "$d/target" "$d/omegat" "$d/glossary" \
    "$d/dictionary"
  cat >"$d/omegat.project" <<EOP
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>JA</source_lang>
    <target_lang>EN</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneJapaneseTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>$2</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
EOP
  cp "$3" "$d/source/"
  cp "$4" "$d/tm/auto/"
  if [ -n "${5:-}" ]; then
    cat >"$d/omegat/filters.xml" <<'EOP'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<filters removeTags="true" removeSpacesNonseg="true" preserveSpaces="false" ignoreFileContext="false">
  <filter className="org.omegat.filters2.text.TextFilter" enabled="true">
    <files sourceFilenameMask="*.txt" targetFilenamePattern="${filename}"/>
    <option name="segmentOn" value="BREAKS"/>
  </filter>
</filters>
EOP
  fi
}

# coverage NAME SENTSEG JA EN [BREAKS]: OmegaT pre-translates >= 95%
coverage() {
  name=$1 seg=$2 ja=$3 en=$4
  opt=""
  [ "$seg" = true ] && opt=--sentences
  d=$TMP/$name
  if ! "$T" align $opt --fail-on never -f tmx -o "$TMP/$name.tmx" "$ja" "$en"; then
    fail "$name: taiyaku align failed"
    return
  fi
  xmllint --noout "$TMP/$name.tmx" && ok || fail "$name: TMX not well-formed"
  project "$d" "$seg" "$ja" "$TMP/$name.tmx" "${5:-}"
  JAVA_TOOL_OPTIONS="-Duser.home=$TMP/home -Djava.awt.headless=true" \
    omegat "$d" --mode=console-translate >"$TMP/$name.log" 2>&1
  stats=$d/omegat/project_stats.txt
  if [ ! -s "$stats" ] || [ ! -s "$d/target/$(basename "$ja")" ]; then
    fail "$name: OmegaT wrote no statistics or no target"
    tail -5 "$TMP/$name.log" >&2
    return
  fi
  total=$(awk -F'\t' '/^Total:/ {gsub(/ /, "", $2); print $2; exit}' "$stats")
  left=$(awk -F'\t' '/^Remaining:/ {gsub(/ /, "", $2); print $2; exit}' "$stats")
  echo "$name: OmegaT pre-translated $((total - left)) of $total segments"
  if [ "$total" -gt 0 ] && [ $(((total - left) * 100)) -ge $((total * 95)) ]; then
    ok
  else
    fail "$name: $((total - left)) of $total segments pre-translated (< 95%)"
  fi
}

echo "== OmegaT console-translate with taiyaku's TMX"
coverage cyber-paragraph false "$JA" "$EN"
coverage cyber-sentence true "$JA" "$EN"
coverage constitution-paragraph false "$CON/ja.egov.txt" "$CON/en.pg612.txt" breaks
coverage constitution-sentence true "$CON/ja.egov.txt" "$CON/en.pg612.txt" breaks

echo "== the clause form, for memories of whole clauses"
run 0 "$T" align --segments clause -f tmx "$JA" "$EN" &&
  has "$TMP/out" 'a unit per clause pair, labels left out' &&
  hasnt "$TMP/out" '<seg>1 2017'
run 2 "$T" align --segments nosuch -f tmx "$JA" "$EN" &&
  has "$TMP/err" '^taiyaku: --segments: document or clause'

finish tm
