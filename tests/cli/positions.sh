#!/bin/sh
# Errors at their real place (issue 12): decoding errors name LINE:COL
# whatever the encoding detector concluded, configuration errors too, a
# path with a newline stays on one quoted line; duplicate YAML keys are
# errors naming both places; e-Gov XML expands internal entities and
# refuses external ones.
# Usage: TAIYAKU=build/taiyaku sh tests/cli/positions.sh
# Prints "positions: N passed, N failed" and exits 1 if any test failed.
set -u
. "$(dirname "$0")/lib/harness.sh"
cd "$TMP" || exit 2

# auto-detected non-UTF-8 (before: "cannot decide the encoding", no place)
printf '1. ok\n2. caf\351 au lait\n' > latin1.txt
printf '1. ok\n2. \223quoted\224 text\n' > cp1252.txt
printf '1. ok\n2. a\355\240\200b\n' > surrogate.txt
printf '1. ok\n2. a\300\257b\n' > overlong.txt
printf '1. ok\n2. 日本\350\252' > cut.txt
for f in latin1:2:7 cp1252:2:4 surrogate:2:5 overlong:2:5 cut:2:6; do
  name=${f%%:*}
  run 2 "$T" outline "$name.txt"
  has err "^taiyaku: $name.txt:${f#*:}: invalid UTF-8 \\((byte|bytes) "
done
has err 'a sequence cut by the end of the file'

# the configuration: invalid UTF-8 at 2:9 (before: 1:1)
printf 'severity:\n  length\351: info\n' > bad.yaml
run 2 "$T" check --config bad.yaml "$JA" "$EN"
has err '^taiyaku: bad.yaml:2:9: invalid UTF-8$'
printf 'severity:\n  length-ratio: info\n  length-ratio: off\n' > dup.yaml
run 2 "$T" check --config dup.yaml "$JA" "$EN"
has err "^taiyaku: dup.yaml:3:3: duplicate key 'length-ratio' \\(first at 2:3\\)$"

# a clause file with a key twice (before: the last one won)
printf 'clauses:\n  - id: "1"\n    text: 第一条\n    text: 第二条\n' > twice.yaml
run 2 "$T" outline twice.yaml
has err "^taiyaku: twice.yaml:4:5: duplicate key 'text' \\(first at 3:5\\)$"

# a newline in a path: one message, the path quoted
nl=$(printf 'new\nline.txt')
cp latin1.txt "$nl"
run 2 "$T" outline "$nl"
[ "$(wc -l < err)" -eq 1 ] && ok || fail "the message took $(wc -l < err) lines"
has err '^taiyaku: "new\\nline.txt":2:7: invalid UTF-8'
run 2 "$T" outline "$(printf 'no\nsuch')"
has err '^taiyaku: "no\\nsuch": No such file'

# e-Gov XML: &int; is its text (before: dropped, 法&int;律 -> 法律)
cat > int.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE Law [
<!ENTITY int "令和">
<!ENTITY two "&int;と&int;">
]>
<Law><LawNum>法&int;律</LawNum><LawBody><LawTitle>題&two;</LawTitle>
<MainProvision><Article Num="1"><ArticleTitle>第一条</ArticleTitle>
<Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence>法&int;律の&amp;本文</Sentence>
</ParagraphSentence></Paragraph></Article></MainProvision></LawBody></Law>
XML
run 0 "$T" outline int.xml
has out '法令和律'
has out '題令和と令和'
has out '^1 .*法令和律の&本文'
# external entities are never read
printf 'secret\n' > secret.txt
cat > ext.xml <<XML
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE Law [
<!ENTITY ext SYSTEM "file://$TMP/secret.txt">
]>
<Law><LawNum>法&ext;律</LawNum><LawBody><LawTitle>題</LawTitle></LawBody></Law>
XML
run 2 "$T" outline ext.xml
has err '^taiyaku: ext.xml:5:.*external entity &ext; is not read'
hasnt out secret

finish positions
