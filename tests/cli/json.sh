#!/bin/sh
# The JSON (and YAML) output against the shipped schema,
# doc/taiyaku.schema.json, with Debian's python3-jsonschema: every pair of
# the corpus, with and without --sentences; pair ids unique, findings
# pointing at existing pairs; YAML the same data as JSON.
set -u
. "$(dirname "$0")/lib/harness.sh"
CORPUS=$ROOT/tests/fixtures/corpus
SCHEMA=$ROOT/doc/taiyaku.schema.json
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # Debian's, with jsonschema

# validate NAME JA EN [OPTION]
validate() {
  name=$1 ja=$2 en=$3
  shift 3
  if ! "$T" align --fail-on never "$@" -f json -o "$TMP/$name.json" "$ja" "$en" ||
     ! "$T" align --fail-on never "$@" -f yaml -o "$TMP/$name.yaml" "$ja" "$en"; then
    fail "$name: taiyaku align failed"
    return
  fi
  if $PY - "$SCHEMA" "$TMP/$name.json" "$TMP/$name.yaml" >"$TMP/py" 2>&1 <<'EOP'
import json, sys
import jsonschema, yaml
schema = json.load(open(sys.argv[1]))
j = json.load(open(sys.argv[2]))
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.validate(j, schema, cls=jsonschema.Draft202012Validator)
ids = [p["id"] for p in j["pairs"]]
assert len(ids) == len(set(ids)), "pair ids repeat"
for f in j["findings"]:
    assert f["pair"] is None or f["pair"] in ids, f
y = yaml.safe_load(open(sys.argv[3]))
assert y == j, "YAML and JSON differ"
print(len(ids), "pairs,", len(j["findings"]), "findings")
EOP
  then ok; echo "$name: valid ($(cat "$TMP/py"))"
  else fail "$name: not valid against the schema"; head -20 "$TMP/py" >&2; fi
}

validate cyber "$JA" "$EN"
validate cyber-sentences "$JA" "$EN" --sentences
validate constitution "$CORPUS/constitution-of-japan/ja.egov.txt" \
  "$CORPUS/constitution-of-japan/en.pg612.txt" --sentences
for v in 1.4 1.5 1.7; do
  en=1.7
  [ "$v" = 1.7 ] || en=1.5
  validate debian-$v "$CORPUS/debian-constitution/ja-v$v.txt" \
    "$CORPUS/debian-constitution/en-v$en.txt" --sentences
done
validate social-contract "$CORPUS/debian-social-contract/ja.txt" \
  "$CORPUS/debian-social-contract/en.txt" --sentences
law=$ROOT/tests/fixtures/law
[ -f "$law/ja.txt" ] && validate test-law "$law/ja.txt" "$law/en.txt"

# the Constitution has two front matter pairs keyed front-2
"$T" align --fail-on never -f json -o "$TMP/c.json" \
  "$CORPUS/constitution-of-japan/ja.egov.txt" \
  "$CORPUS/constitution-of-japan/en.pg612.txt"
cp "$TMP/c.json" "$TMP/out"
py "[p['id'] for p in j['pairs'] if p['key'] == 'front-2'] == ['front-2', 'front-2/2']"

finish json
