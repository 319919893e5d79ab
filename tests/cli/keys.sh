#!/bin/sh
# One key scheme: the same clauses are keyed the same from a .txt, a .yaml
# and an e-Gov .xml (read_yaml and read_egov key through the outline's
# ty_outline_keys).  The statute of tests/fixtures/law in the three forms
# (the YAML written here from the text's outline: its labels, nested as the
# outline nests them), and a dotted document whose chapters stand for
# sections in .txt and .yaml; --by paragraph on a .yaml pairs its clause texts.
. "$(dirname "$0")/lib/harness.sh"
LAW=$ROOT/tests/fixtures/law

# the keys column of `taiyaku outline` (its "#" heading line left out)
keys() { awk '!/^#/ {print $1}' "$TMP/out"; }

# ---- the statute: text, e-Gov XML, YAML ---------------------------------
run 0 "$T" outline "$LAW/ja.txt" && keys >"$TMP/txt.keys"
run 0 "$T" outline "$LAW/ja.xml" && keys >"$TMP/xml.keys"
# YAML from the text's outline: depth from the key's indent, the label as id
"$T" outline "$LAW/ja.txt" >"$TMP/out0"
python3 - "$TMP/out0" >"$TMP/law.yaml" <<'PY'
import sys
rows = []
for line in open(sys.argv[1], encoding='utf-8'):
    if line.startswith('#'):
        continue
    ind = len(line) - len(line.lstrip(' '))
    f = [x for x in line.rstrip('\n').split(' ') if x]
    rows.append((ind // 2, f[0], f[1]))
print('clauses:')
for depth, key, label in rows:
    pad = '  ' * (2 * depth + 1)
    if key.startswith('front-'):
        print(pad + '- text: "' + key + '"')
    else:
        print(pad + '- id: "' + label + '"')
        print(pad + '  clauses:')
PY
run 0 "$T" outline "$TMP/law.yaml" && keys >"$TMP/yaml.keys"
for k in xml yaml; do
  if cmp -s "$TMP/txt.keys" "$TMP/$k.keys"; then ok; else
    fail "law: ja.txt and ja.$k keys differ"
    diff "$TMP/txt.keys" "$TMP/$k.keys" | head -10 >&2
  fi
done
grep -qx '2.1.2.1' "$TMP/yaml.keys" && grep -qx 'ch2.sec1' "$TMP/yaml.keys" &&
  grep -qx 'suppl:1' "$TMP/yaml.keys" && ok || fail "law.yaml: statute keys"

# ---- a dotted document with chapters: (1) under a chapter is "2(1)" -----
cat >"$TMP/doc.txt" <<'TXT'
Chapter 1 General

1.1 Purpose of this guide.

1.2 Scope of this guide.

Chapter 2 Terms

(1) A first term used here.

(2) A second term used here.

2.1 Other terms.

(1) Its first item.
TXT
cat >"$TMP/doc.yaml" <<'YML'
clauses:
  - id: Chapter 1
    text: General
    clauses:
      - {id: "1.1", text: Purpose of this guide.}
      - {id: "1.2", text: Scope of this guide.}
  - id: Chapter 2
    text: Terms
    clauses:
      - {id: "(1)", text: A first term used here.}
      - {id: "(2)", text: A second term used here.}
      - id: "2.1"
        text: Other terms.
        clauses:
          - {id: "(1)", text: Its first item.}
YML
run 0 "$T" outline "$TMP/doc.txt" && keys >"$TMP/doc-txt.keys"
run 0 "$T" outline "$TMP/doc.yaml" && keys >"$TMP/doc-yaml.keys"
if cmp -s "$TMP/doc-txt.keys" "$TMP/doc-yaml.keys"; then ok; else
  fail "dotted: doc.txt and doc.yaml keys differ"
  diff "$TMP/doc-txt.keys" "$TMP/doc-yaml.keys" | head -10 >&2
fi
grep -qx '2(1)' "$TMP/doc-yaml.keys" && grep -qx '2.1(1)' "$TMP/doc-yaml.keys" &&
  ok || fail "doc.yaml: $(tr '\n' ' ' <"$TMP/doc-yaml.keys")"
# the two forms pair every clause by number (both sides are English, so
# untranslated is off)
run 0 "$T" check --disable untranslated "$TMP/doc.yaml" "$TMP/doc.txt" &&
  has "$TMP/out" '^8 pairs: 8 matched, 0 content, 0 missing-en, 0 missing-ja; 0 errors'
# --by works on clauses, not on the file's lines: a YAML file's units are
# its clause texts (no "clauses:" or "id:" line becomes a unit)
run 0 "$T" align --by paragraph --disable untranslated --format json \
  "$TMP/doc.yaml" "$TMP/doc.txt"
if python3 - "$TMP/out" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
ja = [p["ja"]["text"] for p in j["pairs"] if p["ja"]]
ok = (len(j["pairs"]) == 8 and ja[0] == "General" and ja[-1] == "Its first item."
      and not any("clauses" in t or "id:" in t for t in ja))
sys.exit(0 if ok else 1)
PY
then ok; else fail "--by paragraph on doc.yaml: units are not its clause texts"; fi

finish keys
