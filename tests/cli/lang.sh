#!/bin/sh
# CLI tests for the language a source marks for a clause (#13: HTML lang
# and xml:lang kept per block): a Japanese licence page whose warranty
# disclaimer and copyright line are kept in English (<li lang="en">,
# <span lang="en-US">) and which names a project in English inside a
# Japanese sentence, quotes an English sentence (<q lang="en">) and
# leaves one sentence untranslated by mistake: `taiyaku outline` shows
# the marks in text and JSON, `align --format json` and the HTML
# side-by-side carry them on the clause's side, and the untranslated
# check leaves the marked clauses to an info (marked-language); the same
# page converted by LibreOffice to .docx and .odt keeps the marks.
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
has "$TMP/out" '^6 +6\. +20 +arabic +Free software .*  \(lang en\)$'
if [ "$(grep -c '(lang ' "$TMP/out")" -eq 3 ]; then ok; else
  fail "outline: not exactly three clauses marked"; fi
run 0 "$T" outline "$FX/lang.en.html"
hasnt "$TMP/out" '\(lang '

echo "== outline --format json"
run 0 "$T" outline --format json "$FX/lang.ja.html"
py "j['lang'] == 'ja' and j['format'] == 'html'"
py "[(c['key'], c.get('lang')) for c in j['clauses'] if 'lang' in c] == [('3', 'en'), ('4', 'en-US'), ('6', 'en')]"
py "[c['key'] for c in j['clauses']] == ['front-1', '1', '2', '2.1', '2.2', '3', '4', '5', '6', '7']"
py "j['clauses'][6]['text'].startswith('Copyright (C) 2017') and j['clauses'][6]['line'] == 18"
run 0 "$T" outline --format json "$JA"
py "j['lang'] is None and j['format'] == 'text' and all('lang' not in c for c in j['clauses'])"

echo "== align: the mark on the clause's side, in JSON and HTML"
run 1 "$T" align --format json "$FX/lang.ja.html" "$FX/lang.en.html"
py "{p['key']: p['ja'].get('lang') for p in j['pairs'] if p['ja'].get('lang')} == {'3': 'en', '4': 'en-US', '6': 'en'}"
py "all('lang' not in p['en'] for p in j['pairs'])"
echo "== untranslated: a clause the Japanese source marks English is no error"
py "[(f['severity'], f['code'], f['key']) for f in j['findings']] == [('info', 'marked-language', '4'), ('info', 'marked-language', '6'), ('error', 'untranslated', '7')]"
py "j['findings'][1]['message'].startswith('marked lang=' + chr(34) + 'en' + chr(34) + ' in the Japanese source')"
run 1 "$T" align --format html -o "$TMP/lang.html" "$FX/lang.ja.html" "$FX/lang.en.html"
has "$TMP/lang.html" '<td lang="en-US" data-h="Japanese"><span class="lbl">4\.</span> Copyright'
has "$TMP/lang.html" '<td lang="ja" data-h="Japanese"><span class="lbl">5\.</span>'
if [ "$(grep -o '<td lang="en[^"]*" data-h="Japanese">' "$TMP/lang.html" | wc -l)" -eq 3 ]; then ok; else
  fail "html: not exactly three Japanese cells marked"; fi
# the same text with no marks: the untranslated check as before
sed 's/ lang="en[^"]*"//' "$FX/lang.ja.html" >"$TMP/nolang.ja.html"
run 1 "$T" align --format json "$TMP/nolang.ja.html" "$FX/lang.en.html"
py "{'4', '6'} <= {f['key'] for f in j['findings'] if f['code'] == 'untranslated'}"
py "not [f for f in j['findings'] if f['code'] == 'marked-language']"

echo "== the page through LibreOffice (soffice --convert-to docx, odt): the marks kept"
# LibreOffice keeps lang as the character language: w:lang w:val on the
# runs, an automatic text style's fo:language on the spans
if ! command -v soffice >/dev/null 2>&1; then
  fail "soffice is not installed (scripts/deps.sh installs it)"
else
  lo() { soffice -env:UserInstallation="file://$TMP/lo" --headless "$@" >"$TMP/lo.log" 2>&1; }
  lo --convert-to docx:"MS Word 2007 XML" --outdir "$TMP/lo-out" "$FX/lang.ja.html" || fail "soffice docx"
  lo --convert-to odt --outdir "$TMP/lo-out" "$FX/lang.ja.html" || fail "soffice odt"
  for f in docx odt; do
    run 0 "$T" outline --format json "$TMP/lo-out/lang.ja.$f"
    py "j['format'] == '$f' and [(c['key'], c.get('lang')) for c in j['clauses'] if 'lang' in c] == [('3', 'en-US'), ('4', 'en-US'), ('6', 'en-US')]"
    run 1 "$T" align --format json "$TMP/lo-out/lang.ja.$f" "$FX/lang.en.html"
    py "[(f['code'], f['key']) for f in j['findings'] if f['code'] in ('untranslated', 'marked-language')] == [('marked-language', '4'), ('marked-language', '6'), ('untranslated', '7')]"
  done
fi

finish lang
