#!/bin/sh
# The XLSX workbook in the programs reviewers open it with: read back with
# openpyxl (Debian python3-openpyxl) every cell is a string and every key,
# status, label and text is the JSON's exactly ("(1)", "1.", "7.1", dates
# stay text); each finding links to its pair's row; LibreOffice headless
# (libreoffice-calc-nogui) converts the Pairs sheet to CSV with the same
# texts.  For the Debian constitution and the bundled text.
set -u
. "$(dirname "$0")/lib/harness.sh"
CORPUS=$ROOT/tests/fixtures/corpus
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # Debian's, with openpyxl

make_pair() { # NAME JA EN: NAME.xlsx and NAME.json
  "$T" align --fail-on never -f xlsx -o "$TMP/$1.xlsx" "$2" "$3" &&
    "$T" align --fail-on never -f json -o "$TMP/$1.json" "$2" "$3" && ok ||
    fail "$1: taiyaku align failed"
}
make_pair debian "$CORPUS/debian-constitution/ja-v1.7.txt" \
  "$CORPUS/debian-constitution/en-v1.7.txt"
make_pair cyber "$JA" "$EN"

echo "== openpyxl reads every cell back as the text it was"
for name in debian cyber; do
  if $PY - "$TMP/$name.xlsx" "$TMP/$name.json" >"$TMP/py" 2>&1 <<'EOP'
import json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
j = json.load(open(sys.argv[2]))
assert wb.sheetnames == ["Pairs", "Findings", "Summary"], wb.sheetnames
ws = wb["Pairs"]
assert ws.freeze_panes == "A2", ws.freeze_panes
rows = list(ws.iter_rows(values_only=False))
assert len(rows) == len(j["pairs"]) + 1, (len(rows), len(j["pairs"]))
for row in rows:
    for c in row:
        assert c.value is None or c.data_type == "s", (c.coordinate, c.value)
v = lambda c: "" if c.value is None else c.value
for p, row in zip(j["pairs"], rows[1:]):
    want = [p["key"], p["status"],
            (p["ja"] or {}).get("label") or "", (p["ja"] or {}).get("text", ""),
            (p["en"] or {}).get("label") or "", (p["en"] or {}).get("text", "")]
    got = [v(c) for c in row[:6]]
    assert got == want, (got, want)
    assert row[3].font.name == "Yu Gothic" and row[3].alignment.wrap_text
assert ws.column_dimensions["A"].width < ws.column_dimensions["D"].width
fs = wb["Findings"]
assert fs.max_row == len(j["findings"]) + 1, (fs.max_row, len(j["findings"]))
keys = {r + 2: p["key"] for r, p in enumerate(j["pairs"])}
links = 0
for row in fs.iter_rows(min_row=2):
    link = row[6].hyperlink
    if link is None:
        continue
    links += 1
    target = int(link.location.split("!A")[1])
    assert keys[target] == row[6].value, (link.location, row[6].value)
assert links, "findings link to their pairs"
EOP
  then ok; else fail "$name: openpyxl"; cat "$TMP/py" >&2; fi
done

echo "== LibreOffice headless keeps every label and text"
if ! command -v soffice >/dev/null 2>&1; then
  fail "soffice is not installed (scripts/deps.sh installs libreoffice-calc-nogui)"
else
  soffice -env:UserInstallation=file://$TMP/lo --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' \
    --outdir "$TMP/lo-out" "$TMP/debian.xlsx" "$TMP/cyber.xlsx" \
    >"$TMP/lo.log" 2>&1
  for name in debian cyber; do
    if $PY - "$TMP/lo-out/$name.csv" "$TMP/$name.json" >"$TMP/py" 2>&1 <<'EOP'
import csv, json, sys
j = json.load(open(sys.argv[2]))
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert len(rows) == len(j["pairs"]) + 1, (len(rows), len(j["pairs"]))
labels = 0
for p, row in zip(j["pairs"], rows[1:]):
    want = [p["key"], p["status"],
            (p["ja"] or {}).get("label") or "", (p["ja"] or {}).get("text", ""),
            (p["en"] or {}).get("label") or "", (p["en"] or {}).get("text", "")]
    assert row[:6] == want, (row[:6], want)
    labels += bool(want[2])
assert labels > 5
EOP
    then ok; else fail "$name: LibreOffice CSV differs"; cat "$TMP/py" "$TMP/lo.log" >&2; fi
  done
fi

finish xlsx
