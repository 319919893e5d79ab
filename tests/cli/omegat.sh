#!/bin/sh
# The XLIFF 1.2 of `taiyaku update` in OmegaT (Debian's omegat, installed
# by scripts/deps.sh), headless: an OmegaT project with the update of the
# test statute as its source file, run in console-translate mode.
#
# OmegaT 3.6's XLIFF filter treats <source> as intact and takes the text
# of each <target> as the segment to work on (it expects tools to fill the
# target), so it sees one segment per unit whose target has text: the
# unchanged, changed, renumbered and deleted clauses, not the new ones
# (empty targets).  The test checks that OmegaT loads the file without an
# error, counts those segments, and writes the translated file back with
# the unchanged clauses' translations in place and still final.
# Usage: TAIYAKU=build/taiyaku sh tests/cli/omegat.sh
# Prints "omegat: N passed, N failed" and exits 1 if any test failed.
set -u
. "$(dirname "$0")/lib/harness.sh"
UP=$ROOT/tests/fixtures/update
JAR=/usr/share/omegat/OmegaT.jar
if ! [ -f "$JAR" ] || ! command -v java >/dev/null 2>&1; then
  fail "OmegaT is not installed ($JAR, java): run scripts/deps.sh"
  finish omegat
  exit 1
fi

P=$TMP/project
mkdir -p "$P/source" "$P/target" "$P/tm" "$P/glossary" "$P/dictionary" "$P/omegat"
cat >"$P/omegat.project" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>source</source_dir>
        <source_dir_excludes/>
        <target_dir>target</target_dir>
        <tm_dir>tm</tm_dir>
        <glossary_dir>glossary</glossary_dir>
        <glossary_file>glossary/glossary.txt</glossary_file>
        <dictionary_dir>dictionary</dictionary_dir>
        <source_lang>ja</source_lang>
        <target_lang>en</target_lang>
        <source_tok>org.omegat.tokenizer.LuceneJapaneseTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
XML

echo "== the update of the test statute as an OmegaT source file"
run 1 "$T" update -f xliff12 -o "$P/source/law.xlf" "$UP/old.xml" "$UP/new.xml" "$UP/en-old.txt"
run 1 "$T" update -f json "$UP/old.xml" "$UP/new.xml" "$UP/en-old.txt"
cp "$TMP/out" "$TMP/update.json"

echo "== OmegaT console-translate"
run 0 java -Djava.awt.headless=true -jar "$JAR" --mode=console-translate \
  --config-dir="$TMP/config" --disable-project-locking --no-team --quiet "$P"
cat "$TMP/out" "$TMP/err" >"$TMP/log"
hasnt "$TMP/log" 'Exception|ERROR|Error'
has "$P/omegat/project_stats.txt" '^Total:[[:space:]]+23[[:space:]]'
[ -f "$P/target/law.xlf" ] && ok || fail "OmegaT wrote no target/law.xlf"

echo "== the translated file: unchanged clauses still carry their translation"
cat >"$TMP/check.py" <<'PY'
import json, sys
import xml.etree.ElementTree as ET
up = json.load(open(sys.argv[1]))
root = ET.parse(sys.argv[2]).getroot()
ns = {'x': 'urn:oasis:names:tc:xliff:document:1.2'}
units = {u.get('resname'): u for u in root.iterfind('.//x:trans-unit', ns)}
bad = []
final = 0
for e in up['update']:
    if not e['new']:
        continue
    u = units[e['key']]
    t = u.find('x:target', ns)
    if e['status'] == 'unchanged':
        final += 1
        if t.get('state') != 'final' or (t.text or '') != e['translation']['text']:
            bad.append(e['key'])
    elif e['status'] == 'changed' and t.get('state') != 'needs-review-translation':
        bad.append(e['key'])
print(final, bad)
sys.exit(0 if final == 18 and not bad and len(units) == 26 else 1)
PY
if python3 "$TMP/check.py" "$TMP/update.json" "$P/target/law.xlf" >"$TMP/check.out"; then ok; else
  fail "OmegaT's target file: $(cat "$TMP/check.out")"
fi

finish omegat
