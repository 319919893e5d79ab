#!/bin/sh
# CLI tests for the language a source marks for a clause (#13: HTML lang
# and xml:lang kept per block): a Japanese licence page whose warranty
# disclaimer and copyright line are kept in English (<li lang="en">,
# <span lang="en-US">) and which names a project in English inside a
# Japanese sentence; `taiyaku outline` shows the marks in text and JSON.
# Usage: TAIYAKU=build/taiyaku sh tests/cli/lang.sh
# Prints "lang: N passed, N failed" and exits 1 if any test failed.
set -u
. "$(dirname "$0")/lib/harness.sh"
FX=$ROOT/tests/fixtures/formats

echo "== outline: the clauses marked in another language than the page's"
run 0 "$T" outline "$FX/lang.ja.html"
has "$TMP/out" '^3 +3\. +17 +arabic +THE SOFTWARE .*  \(lang en\)$'
has "$TMP/out" '^4 +4\. +18 +arabic +Copyright .*  \(lang en-US\)$'
# an English name inside a Japanese sentence leaves the clause Japanese
has "$TMP/out" '^1 +1\. +10 +arabic +本ソフトウェアは、The Example Project.*[^)]$'
if [ "$(grep -c '(lang ' "$TMP/out")" -eq 2 ]; then ok; else
  fail "outline: not exactly two clauses marked"; fi
run 0 "$T" outline "$FX/lang.en.html"
hasnt "$TMP/out" '\(lang '

echo "== outline --format json"
run 0 "$T" outline --format json "$FX/lang.ja.html"
py "j['lang'] == 'ja' and j['format'] == 'html'"
py "[(c['key'], c.get('lang')) for c in j['clauses'] if 'lang' in c] == [('3', 'en'), ('4', 'en-US')]"
py "[c['key'] for c in j['clauses']] == ['front-1', '1', '2', '2.1', '2.2', '3', '4', '5']"
py "j['clauses'][6]['text'].startswith('Copyright (C) 2017') and j['clauses'][6]['line'] == 18"
run 0 "$T" outline --format json "$JA"
py "j['lang'] is None and j['format'] == 'text' and all('lang' not in c for c in j['clauses'])"

finish lang
