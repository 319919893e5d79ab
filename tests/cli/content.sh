#!/bin/sh
# Golden tests of alignment by content: sentence pairs and sentence-unpaired
# on the bundled pair and a draft missing a sentence, --by paragraph on the
# bundled pair with the English numbering stripped, renumbered clauses of
# the Debian constitution (English v1.5 against the Japanese of v1.4),
# --by sentence with omissions, --dict, and bad options.
# Usage: TAIYAKU=build/taiyaku sh tests/cli/content.sh
# Prints "content: N passed, N failed" and exits 1 if any test failed.
set -u
. "$(dirname "$0")/lib/harness.sh"
DC=$ROOT/tests/fixtures/corpus/debian-constitution

# py EXPR: a Python expression over the JSON report in $TMP/out (j); F
# holds the findings as (code, key, ja_line, en_line, message) tuples and
# P the pairs as (status, ja key or None, en key or None, ja line, en line).
py() {
  if python3 - "$TMP/out" "$1" 2>"$TMP/pyerr" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
F = [(f["code"], f["key"], f["ja_line"], f["en_line"], f["message"])
     for f in j["findings"]]
P = [(p["status"], p["key"] if p["ja"] else None,
      p["key"] if not p["ja"] else None,
      p["ja"]["line"] if p["ja"] else 0, p["en"]["line"] if p["en"] else 0)
     for p in j["pairs"]]
ok = eval(sys.argv[2], {"j": j, "F": F, "P": P, "json": json})
if not ok:
    print("  findings:", [f for f in F if f[0] != "suspicious-char"][:8],
          file=sys.stderr)
sys.exit(0 if ok else 1)
PY
  then ok; else
    fail "json: $1"
    cat "$TMP/pyerr" >&2
  fi
}

echo "== the bundled pair: every sentence paired"
run 0 "$T" align --format json "$JA" "$EN"
py "not [f for f in F if f[0] in ('sentence-unpaired', 'length-ratio', 'renumbered')]"
py "all(s['ja'] and s['en'] for p in j['pairs'] for s in p.get('sentences', []))"
py "[len(p['sentences']) for p in j['pairs'] if p['key'] == '7.1'] == [5]"
py "j['summary']['missing_en'] == 0 and j['summary']['missing_ja'] == 0"
run 0 "$T" align --sentences "$JA" "$EN"
has "$TMP/out" "In particular, in May this year"
# structure only pairs the sentences when they are shown (7(1): "#3" is
# its third pair), and not otherwise (#12: the sentence programme was most
# of a structure-only run)
run 0 "$T" align --format json --no-checks --sentences "$JA" "$EN"
py "[len(p['sentences']) for p in j['pairs'] if p['key'] == '7.1'] == [5] and not F"
run 0 "$T" align --format json --no-checks "$JA" "$EN"
py "not [p for p in j['pairs'] if 'sentences' in p] and not F"

echo "== the NISC/AIS sentence of 7(1) removed"
sed 's/ In particular, in May this year, Japan[^.]*\(\.[^ ]*\)*[^.]*\.//' "$EN" >"$TMP/nisc.txt"
if cmp -s "$EN" "$TMP/nisc.txt"; then fail "the NISC sentence was not removed"; else ok; fi
run 0 "$T" check --format json "$JA" "$TMP/nisc.txt"
py "[(c, k, a) for c, k, a, b, m in F if c == 'sentence-unpaired'] == [('sentence-unpaired', '7.1', 25)]"
py "[m for c, k, a, b, m in F if c == 'sentence-unpaired'][0].startswith('ja sentence has no English counterpart: 特に、本年5月、日本の内閣サイバー')"
run 0 "$T" check "$JA" "$TMP/nisc.txt"
has "$TMP/out" "^$JA:25: warning: \[sentence-unpaired\] 7.1: ja sentence has no English counterpart: 特に、本年5月"
run 0 "$T" check --disable sentence-unpaired --format json "$JA" "$TMP/nisc.txt"
py "not [f for f in F if f[0] == 'sentence-unpaired']"

echo "== numbering stripped from the English, aligned --by paragraph"
sed -E 's/^(- )?([0-9]+|\([0-9]+\)|[a-d]\.) //' "$EN" >"$TMP/plain.txt"
run 0 "$T" align --format json "$JA" "$EN"
cp "$TMP/out" "$TMP/numbered.json"
run 0 "$T" align --by paragraph --format json "$JA" "$TMP/plain.txt"
py "j['summary']['missing_en'] == 0 and j['summary']['missing_ja'] == 0"
py "all(s == 'content' for s, a, b, x, y in P)"
# each paragraph pair lies in a clause pair of the numbered run: the
# clause holding the Japanese paragraph is paired with the one holding the
# English paragraph
py "(lambda n: all(n[max(k for k in n if k <= x)] == max(v for v in n.values() if v <= y) for s, a, b, x, y in P))({p['ja']['line']: p['en']['line'] for p in json.load(open('$TMP/numbered.json'))['pairs'] if p['ja'] and p['en']})"
# every paragraph of both files is in one pair
py "len(P) == j['ja']['clauses'] == j['en']['clauses']"
run 0 "$T" align --by paragraph --format md "$JA" "$TMP/plain.txt"
run 0 "$T" align --by paragraph --format tmx "$JA" "$TMP/plain.txt"
has "$TMP/out" "<tu"

echo "== Debian constitution: English v1.5 against the Japanese of v1.4"
run 1 "$T" check --format json "$DC/ja-v1.4.txt" "$DC/en-v1.5.txt"
py "[(c, k, m) for c, k, a, b, m in F if c == 'renumbered'] == [('renumbered', '6.2(5)', 'ja 6.2(5) corresponds to en 6.2(6) by content (paired by number)')]"
py "[(k, b) for c, k, a, b, m in F if c == 'missing-ja' and k.startswith('6.2')] == [('6.2(6)', 307), ('6.2(7)', 310)]"
# one cause, one finding: the sub-clauses of the new 6.2(7) are in its finding
py "[m for c, k, a, b, m in F if k == '6.2(7)'][0].endswith('2 findings of the same cause folded in: missing-ja 6.2(7).1, missing-ja 6.2(7).2')"
run 1 "$T" check "$DC/ja-v1.4.txt" "$DC/en-v1.5.txt"
has "$TMP/out" "ja-v1.4.txt:287: warning: \[renumbered\] 6.2\(5\): ja 6.2\(5\) corresponds to en 6.2\(6\) by content"
has "$TMP/out" "en-v1.5.txt:310: error: \[missing-ja\] 6.2\(7\): en 7. has no Japanese counterpart"
run 1 "$T" align --prefer content --format json "$DC/ja-v1.4.txt" "$DC/en-v1.5.txt"
py "[(p['status'], p['en']['line']) for p in j['pairs'] if p['ja'] and p['ja']['line'] == 287] == [('content', 307)]"
py "[(k, b) for c, k, a, b, m in F if c == 'missing-ja' and k.startswith('6.2')] == [('6.2(5)', 304), ('6.2(7)', 310)]"
# one cause, one finding: the sub-clauses of the new 6.2(7) are in its finding
py "[m for c, k, a, b, m in F if k == '6.2(7)'][0].endswith('2 findings of the same cause folded in: missing-ja 6.2(7).1, missing-ja 6.2(7).2')"
run 0 "$T" check --fail-on never --format json "$DC/ja-v1.7.txt" "$DC/en-v1.7.txt"
py "not [f for f in F if f[0] == 'renumbered']"
# a complete translation: sentences the translator split or joined (2(6),
# 2.1(2), 5.1(3), 6.2(4): one English sentence, two Japanese) are pairs,
# not omissions; only the Japanese list of versions in the front matter,
# longer than the English one, is left with a sentence or two
py "not [k for c, k, a, b, m in F if c in ('sentence-unpaired', 'length-ratio') and k != 'front-2']"

echo "== --by sentence: one sentence a line, omissions on both sides"
printf '%s\n' "ユーザのホーム領域のサイズ変更には認証が必要です。" \
  "ファイル %s を開けません" "新しいファイルを作成できません" \
  "-U, --username=NAME クラスタのスーパーユーザー(デフォルト\"%s\")" \
  "不明なファイルタイプ %s" >"$TMP/s-ja.txt"
printf '%s\n' "Authentication is required to resize a user's home area." \
  "cannot create new file" "unknown file type %s" \
  "Active Internet connections (servers and established)" >"$TMP/s-en.txt"
run 1 "$T" align --by sentence --format json "$TMP/s-ja.txt" "$TMP/s-en.txt"
py "[(x, y) for s, a, b, x, y in P if s == 'content'] == [(1, 1), (3, 2), (5, 3)]"
py "sorted((c, a, b) for c, k, a, b, m in F if c.startswith('missing')) == [('missing-en', 2, None), ('missing-en', 4, None), ('missing-ja', None, 4)]"
py "[m for c, k, a, b, m in F if c == 'missing-en'][0] == 'sentence 2 has no English counterpart'"
run 1 "$T" align --by sentence --format xliff "$TMP/s-ja.txt" "$TMP/s-en.txt"
has "$TMP/out" "cannot create new file"
: >"$TMP/empty.txt"
run 1 "$T" align --by sentence --format json "$TMP/empty.txt" "$TMP/s-en.txt"
py "j['summary']['missing_ja'] == 4 and j['summary']['pairs'] == 4"

echo "== --by on a structured document: the clause texts are the units"
# (Markdown list markers "1. " are no text of theirs, as a YAML line
# "clauses:" is no unit of its own)
FM=$ROOT/tests/fixtures/formats
run 0 "$T" align --by paragraph --format json "$FM/cyber.ja.md" "$FM/cyber.en.md"
py "j['summary']['pairs'] == j['summary']['content'] == 21 and not [p for p in j['pairs'] if p['ja']['text'][:3] in ('1. ', '2. ') or p['en']['text'][:3] in ('1. ', '2. ')]"

echo "== --dict"
printf '%s\n' "猫 [ねこ] /(n) cat/(P)/" "犬 [いぬ] /(n) dog/" "鳥	bird" >"$TMP/dict.txt"
run 0 "$T" align --dict "$TMP/dict.txt" --format json "$JA" "$EN"
py "j['summary']['missing_en'] == 0"
if command -v iconv >/dev/null 2>&1; then
  iconv -f UTF-8 -t EUC-JP "$TMP/dict.txt" >"$TMP/dict-euc.txt"
  run 0 "$T" align --dict "$TMP/dict-euc.txt" "$JA" "$EN"
fi
run 2 "$T" align --dict "$TMP/nonexistent" "$JA" "$EN"
has "$TMP/err" "^taiyaku: .*nonexistent: cannot open"
# an executable is no dictionary (issue 12): FILE:LINE:COL, exit 2, no output
run 2 "$T" align --dict "$T" "$JA" "$EN"
has "$TMP/err" "^taiyaku: .*taiyaku:1:5: not a dictionary"
if [ -s "$TMP/out" ]; then fail "output despite a bad --dict"; else ok; fi

echo "== bad options"
run 2 "$T" align --by chapter "$JA" "$EN"
has "$TMP/err" "^taiyaku: --by: number, paragraph or sentence$"
run 2 "$T" align --prefer both "$JA" "$EN"
has "$TMP/err" "^taiyaku: --prefer: number or content$"

finish content
