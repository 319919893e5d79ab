/* test_render_xml.c — the TMX, XLIFF and HTML renderers over an alignment
 * built by hand.  Each output is read back with libxml2 (XML parser and
 * XPath; the HTML parser for the page) and compared with the alignment:
 * counts, ids, languages, texts, escaping, and characters XML cannot
 * carry.  TMX and XLIFF are also checked by `xmllint --noout` when it is
 * installed (Debian: libxml2-utils). */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "internal.h"
#include "render.h"
#include "render_support.h"

#define XLIFF_NS "urn:oasis:names:tc:xliff:document:2.0"
#define ITS_NS "http://www.w3.org/2005/11/its"

/* ---- the fixture ----------------------------------------------------------
 * pair  key     status      notes
 * 0     front-1 content     score 0.9
 * 1     1       matched     markup characters on both sides; two sentence
 *                           pairs, the second with no English
 * 2     2       missing-en  a U+0001 and a U+FFFE in the text
 * 3     3       missing-ja
 * 4     4       matched     a U+0001 in the English
 * 5     4       missing-en  a second clause numbered 4 (duplicate key)
 * 6     7 (a)   matched     a key that is not an NMTOKEN */

#define JA1 "情報共有 <b>太字</b> & \"引用\" 'x'"
#define JA1_S1 "情報共有 "
#define EN1 "Information sharing <script>alert(\"x\")</script> &amp;\nmore"
#define EN1_FLAT "Information sharing <script>alert(\"x\")</script> &amp; more"
#define JA2 "制御\x01文字と\xEF\xBF\xBE"
#define JA2_CLEAN "制御\xEF\xBF\xBD文字と\xEF\xBF\xBD"
#define EN4 "Paragraph 4 \x01 ctrl"
#define EN4_CLEAN "Paragraph 4 \xEF\xBF\xBD ctrl"

static char ja_name[] = "ja/t.txt", en_name[] = "en/t.txt";
static ty_clause ja_cl[6], en_cl[5];
static ty_doc ja_doc, en_doc;
static ty_pair pairs[7];
static ty_sentpair sents[2];
static ty_finding findings[7];
static ty_alignment al;

static int setup(void **state) {
  (void)state;
  clause(&ja_cl[0], "front-1", NULL, "日米サイバー対話", 1);
  clause(&ja_cl[1], "1", "(1)", JA1, 3);
  clause(&ja_cl[2], "2", "(2)", JA2, 5);
  clause(&ja_cl[3], "4", "(4)", "第４項の本文", 7);
  clause(&ja_cl[4], "4", "(4)", "重複した番号", 9);
  clause(&ja_cl[5], "7 (a)", "(a)", "項目ア", 11);
  clause(&en_cl[0], "front-1", NULL, "Japan-U.S. Cyber Dialogue", 1);
  clause(&en_cl[1], "1", "(1)", EN1, 3);
  en_cl[1].end_line = 4;
  clause(&en_cl[2], "3", "(3)", "An extra clause.", 6);
  clause(&en_cl[3], "4", "(4)", EN4, 8);
  clause(&en_cl[4], "7 (a)", "(a)", "Item a", 10);
  ja_doc = (ty_doc){.name = ja_name, .lang = TY_JA, .cl = ja_cl, .ncl = 6};
  en_doc = (ty_doc){.name = en_name, .lang = TY_EN, .cl = en_cl, .ncl = 5};

  pair(&pairs[0], TY_PAIR_CONTENT, 0, 0);
  pairs[0].score = 0.9;
  pair(&pairs[1], TY_PAIR_MATCHED, 1, 1);
  pairs[1].nsent = 2;
  pair(&pairs[2], TY_PAIR_MISSING_EN, 2, -1);
  pair(&pairs[3], TY_PAIR_MISSING_JA, -1, 2);
  pair(&pairs[4], TY_PAIR_MATCHED, 3, 3);
  pair(&pairs[5], TY_PAIR_MISSING_EN, 4, -1);
  pair(&pairs[6], TY_PAIR_MATCHED, 5, 4);
  size_t cut = strlen(JA1_S1);
  sents[0] = (ty_sentpair){ja_cl[1].text, cut, en_cl[1].text, 20, 3, 3};
  sents[1] = (ty_sentpair){
      ja_cl[1].text + cut, ja_cl[1].text_len - cut, NULL, 0, 3, 0};

  findings[0] = (ty_finding){TY_SEV_ERROR,         TY_MISSING_EN, "2", 5, 0,
                             "no English for (2)", 1.0,           0};
  findings[1] = (ty_finding){TY_SEV_WARNING,
                             TY_NUMBER_MISMATCH,
                             "4",
                             7,
                             8,
                             "4 only in Japanese",
                             1.0,
                             0};
  findings[2] = (ty_finding){TY_SEV_INFO, TY_PUNCTUATION,       "1", 3,
                             3,           "half-width <\"&\">", 1.0, 0};
  findings[3] = (ty_finding){TY_SEV_ERROR,          TY_MISSING_JA, "3", 0, 6,
                             "no Japanese for (3)", 1.0,           0};
  /* its line puts it on pair 5, though pair 4 comes first by key */
  findings[4] = (ty_finding){
      TY_SEV_ERROR, TY_DUPLICATE_NUMBER, "4", 9, 0, "(4) twice", 1.0, 0};
  findings[5] = (ty_finding){TY_SEV_INFO, TY_SUSPICIOUS_CHAR,
                             "",          0,
                             0,           "a control character \x01 somewhere",
                             1.0,         0};
  findings[6] = (ty_finding){TY_SEV_WARNING,
                             TY_GLOSSARY,
                             "7 (a)",
                             0,
                             0,
                             "サイバー not rendered as cyber",
                             1.0,
                             0};

  al = (ty_alignment){.ja = &ja_doc,
                      .en = &en_doc,
                      .pairs = pairs,
                      .npairs = 7,
                      .sents = sents,
                      .nsents = 2};
  al.findings = (ty_findings){findings, 7, 7};
  return 0;
}

typedef int (*renderer)(const ty_alignment *, const ty_render_options *,
                        FILE *);

/* Renders the fixture into a new string (caller frees). */
static char *render(renderer r, const ty_render_options *o, size_t *len) {
  char *out = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&out, &n);
  assert_non_null(f);
  assert_int_equal(r(&al, o, f), 0);
  assert_int_equal(fclose(f), 0);
  assert_int_equal(ty_utf8_validate(out, n), n);
  *len = n;
  return out;
}

/* ---- reading back ---------------------------------------------------------
 */

typedef struct doc {
  xmlDocPtr doc;
  xmlXPathContextPtr xp;
} doc;

static doc parse_xml(const char *s, size_t n) {
  doc d;
  d.doc = xmlReadMemory(s, (int)n, "out.xml", NULL, XML_PARSE_NONET);
  if (!d.doc) fail_msg("not well-formed:\n%s", s);
  d.xp = xmlXPathNewContext(d.doc);
  xmlXPathRegisterNs(d.xp, BAD_CAST "x", BAD_CAST XLIFF_NS);
  xmlXPathRegisterNs(d.xp, BAD_CAST "its", BAD_CAST ITS_NS);
  return d;
}

static doc parse_html(const char *s, size_t n) {
  doc d;
  d.doc = htmlReadMemory(s, (int)n, "out.html", "UTF-8",
                         HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_NONET);
  assert_non_null(d.doc);
  d.xp = xmlXPathNewContext(d.doc);
  return d;
}

static void doc_free(doc *d) {
  xmlXPathFreeContext(d->xp);
  xmlFreeDoc(d->doc);
}

static double number(doc *d, const char *expr) {
  xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, d->xp);
  if (!o) fail_msg("bad XPath %s", expr);
  double v = xmlXPathCastToNumber(o);
  xmlXPathFreeObject(o);
  return v;
}

/* The string value of an XPath expression, in a static buffer. */
static const char *string(doc *d, const char *expr) {
  static char buf[4096];
  xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, d->xp);
  if (!o) fail_msg("bad XPath %s", expr);
  xmlChar *s = xmlXPathCastToString(o);
  snprintf(buf, sizeof buf, "%s", (const char *)s);
  xmlFree(s);
  xmlXPathFreeObject(o);
  return buf;
}

static void want_number(doc *d, const char *expr, double want) {
  double got = number(d, expr);
  if (got != want) fail_msg("%s = %g, want %g", expr, got, want);
}

static void want_string(doc *d, const char *expr, const char *want) {
  const char *got = string(d, expr);
  if (strcmp(got, want) != 0) fail_msg("%s = '%s', want '%s'", expr, got, want);
}

/* Runs `xmllint --noout` over s; skips when xmllint is not installed. */
static void xmllint_ok(const char *s, size_t n) {
  if (system("command -v xmllint >/dev/null 2>&1") != 0) {
    print_message("xmllint not installed (libxml2-utils): not run\n");
    return;
  }
  char path[] = "/tmp/test_render_xml.XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, s, n), (ssize_t)n);
  close(fd);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "xmllint --noout %s", path);
  int rc = system(cmd);
  unlink(path);
  assert_int_equal(rc, 0);
}

/* ---- TMX ------------------------------------------------------------------
 */

static void test_tmx_reads_back(void **state) {
  (void)state;
  ty_render_options o = {0};
  size_t n;
  char *out = render(ty_render_tmx, &o, &n);
  xmllint_ok(out, n);
  doc d = parse_xml(out, n);
  want_string(&d, "string(/tmx/@version)", "1.4");
  want_string(&d, "string(/tmx/header/@creationtool)", "taiyaku");
  want_string(&d, "string(/tmx/header/@creationtoolversion)", TY_VERSION);
  want_string(&d, "string(/tmx/header/@segtype)", "paragraph");
  want_string(&d, "string(/tmx/header/@o-tmf)", "taiyaku");
  want_string(&d, "string(/tmx/header/@adminlang)", "en");
  want_string(&d, "string(/tmx/header/@srclang)", "ja");
  want_string(&d, "string(/tmx/header/@datatype)", "plaintext");
  /* hand-made clauses are no views into a text: a unit per clause pair;
   * two Japanese clauses have no counterpart */
  assert_non_null(strstr(string(&d, "string(/tmx/header/note)"),
                         "2 clause segments left out: no counterpart; a unit "
                         "per clause pair, labels left out"));
  /* one tu per pair with both sides, in order, tuid = key */
  want_number(&d, "count(/tmx/body/tu)", 4);
  static const char *const keys[] = {"front-1", "1", "4", "7 (a)"};
  for (int i = 0; i < 4; i++) {
    char expr[128];
    snprintf(expr, sizeof expr, "string(/tmx/body/tu[%d]/@tuid)", i + 1);
    want_string(&d, expr, keys[i]);
    snprintf(expr, sizeof expr, "count(/tmx/body/tu[%d]/tuv)", i + 1);
    want_number(&d, expr, 2);
    snprintf(expr, sizeof expr, "string(/tmx/body/tu[%d]/tuv[1]/@xml:lang)",
             i + 1);
    want_string(&d, expr, "ja");
    snprintf(expr, sizeof expr, "string(/tmx/body/tu[%d]/tuv[2]/@xml:lang)",
             i + 1);
    want_string(&d, expr, "en");
  }
  want_string(&d, "string(/tmx/body/tu[1]/prop[@type='x-status'])", "content");
  want_string(&d, "string(/tmx/body/tu[1]/prop[@type='x-score'])", "0.900");
  want_string(&d, "string(/tmx/body/tu[2]/prop[@type='x-status'])", "matched");
  /* markup characters are text; the line break inside (1) is joined */
  want_string(&d, "string(/tmx/body/tu[@tuid='1']/tuv[1]/seg)", JA1);
  want_string(&d, "string(/tmx/body/tu[@tuid='1']/tuv[2]/seg)", EN1_FLAT);
  assert_null(strstr(out, "<script>"));
  assert_non_null(strstr(out, "&lt;script&gt;"));
  assert_non_null(strstr(out, "&amp;amp;"));
  /* U+0001 replaced, not written through */
  want_string(&d, "string(/tmx/body/tu[@tuid='4']/tuv[2]/seg)", EN4_CLEAN);
  assert_null(memchr(out, '\x01', n));
  doc_free(&d);
  free(out);
}

static void test_tmx_sentences_and_english_source(void **state) {
  (void)state;
  ty_render_options o = {.sentences = 1, .source = TY_EN};
  size_t n;
  char *out = render(ty_render_tmx, &o, &n);
  xmllint_ok(out, n);
  doc d = parse_xml(out, n);
  want_string(&d, "string(/tmx/header/@segtype)", "sentence");
  want_string(&d, "string(/tmx/header/@srclang)", "en");
  assert_non_null(strstr(string(&d, "string(/tmx/header/note)"),
                         "1 clause segment left out"));
  /* (1) gives its one complete sentence pair; the others stay whole */
  want_number(&d, "count(/tmx/body/tu)", 4);
  want_string(&d, "string(/tmx/body/tu[2]/@tuid)", "1#1");
  /* the source language comes first */
  want_string(&d, "string(/tmx/body/tu[2]/tuv[1]/@xml:lang)", "en");
  want_string(&d, "string(/tmx/body/tu[2]/tuv[1]/seg)", "Information sharing");
  want_string(&d, "string(/tmx/body/tu[2]/tuv[2]/seg)", "情報共有");
  doc_free(&d);
  free(out);
}

/* TMX of two parsed documents, as text (caller frees). */
static char *tmx_of(const char *ja_text, const char *en_text,
                    const ty_render_options *o, size_t *len) {
  ty_error err = {0};
  ty_doc *ja = ty_doc_parse(ja_text, strlen(ja_text), "ja.txt", TY_JA, &err);
  ty_doc *en = ty_doc_parse(en_text, strlen(en_text), "en.txt", TY_EN, &err);
  assert_non_null(ja);
  assert_non_null(en);
  ty_alignment *a = ty_align(ja, en, NULL, &err);
  assert_non_null(a);
  char *out = NULL;
  FILE *f = open_memstream(&out, len);
  assert_int_equal(ty_render_tmx(a, o, f), 0);
  assert_int_equal(fclose(f), 0);
  ty_alignment_free(a);
  ty_doc_free(ja);
  ty_doc_free(en);
  return out;
}

static const char TM_JA[] =
    "1 第一の文。第二の文。\n\n(1) 見出し\n\n本文です。\n\n"
    "- a. 甲である。\n- b. 乙である。\n";
static const char TM_EN[] =
    "1 The first sentence. The second one.\n\n(1) Heading\n\n"
    "The body.\n\n- a. It is A.\n- b. It is\nB, wrapped.\n";

static void test_tmx_segments_as_the_document_has_them(void **state) {
  (void)state;
  ty_render_options o = {0};
  size_t n;
  char *out = tmx_of(TM_JA, TM_EN, &o, &n);
  xmllint_ok(out, n);
  doc d = parse_xml(out, n);
  /* a paragraph a unit: labels kept, a heading apart from its body, the
   * list items written without a blank line one unit, the target's
   * wrapped line joined */
  want_number(&d, "count(/tmx/body/tu)", 4);
  want_string(&d, "string(/tmx/body/tu[1]/tuv[1]/seg)",
              "1 第一の文。第二の文。");
  want_string(&d, "string(/tmx/body/tu[2]/tuv[1]/seg)", "(1) 見出し");
  want_string(&d, "string(/tmx/body/tu[2]/tuv[2]/seg)", "(1) Heading");
  want_string(&d, "string(/tmx/body/tu[3]/tuv[1]/seg)", "本文です。");
  want_string(&d, "string(/tmx/body/tu[3]/tuv[2]/seg)", "The body.");
  want_string(&d, "string(/tmx/body/tu[4]/tuv[1]/seg)",
              "- a. 甲である。\n- b. 乙である。");
  want_string(&d, "string(/tmx/body/tu[4]/tuv[2]/seg)",
              "- a. It is A.\n- b. It is B, wrapped.");
  /* ids unique: the heading's clause gives two units */
  want_string(&d, "string(/tmx/body/tu[2]/@tuid)", "1.1");
  want_string(&d, "string(/tmx/body/tu[3]/@tuid)", "1.1/2");
  doc_free(&d);
  free(out);
}

static void test_tmx_sentences_by_srx_rules(void **state) {
  (void)state;
  ty_render_options o = {.sentences = 1};
  size_t n;
  char *out = tmx_of(TM_JA, TM_EN, &o, &n);
  doc d = parse_xml(out, n);
  want_string(&d, "string(/tmx/header/@segtype)", "sentence");
  /* "- a." before a space is a segment of its own, as in OmegaT */
  want_string(&d, "string(/tmx/body/tu[1]/tuv[1]/seg)", "1 第一の文。");
  want_string(&d, "string(/tmx/body/tu[1]/tuv[2]/seg)",
              "1 The first sentence.");
  want_string(&d, "string(/tmx/body/tu[2]/tuv[1]/seg)", "第二の文。");
  want_string(&d, "string(/tmx/body/tu[@tuid='1.1.1#1']/tuv[1]/seg)", "- a.");
  want_string(&d, "string(/tmx/body/tu[@tuid='1.1.1#1']/tuv[2]/seg)", "- a.");
  want_string(&d, "string(/tmx/body/tu[@tuid='1.1.1#2']/tuv[1]/seg)",
              "甲である。");
  doc_free(&d);
  free(out);
}

static void test_srx_splits_like_a_cat_tool(void **state) {
  (void)state;
  ty_srx *x = ty_srx_new(TY_EN);
  ty_spans sp = {0};
  const char *s =
      "Dr. Smith met Mr. J. Doe, e.g. here. Then (2) No. 5 left!  Ok";
  ty_srx_split(x, s, strlen(s), &sp);
  assert_int_equal(sp.n, 3);
  assert_int_equal(sp.v[1].off,
                   strlen("Dr. Smith met Mr. J. Doe, e.g. here. "));
  ty_srx_free(x);
  x = ty_srx_new(TY_JA);
  sp.n = 0;
  const char *j = "終わる。（注）続く。」次。\n行。";
  ty_srx_split(x, j, strlen(j), &sp);
  assert_int_equal(sp.n, 4);
  free(sp.v);
  ty_srx_free(x);
}

/* ---- XLIFF ----------------------------------------------------------------
 */

static void test_xliff_reads_back(void **state) {
  (void)state;
  ty_render_options o = {0};
  size_t n;
  char *out = render(ty_render_xliff, &o, &n);
  xmllint_ok(out, n);
  doc d = parse_xml(out, n);
  want_string(&d, "string(/x:xliff/@version)", "2.1");
  want_string(&d, "string(/x:xliff/@srcLang)", "ja");
  want_string(&d, "string(/x:xliff/@trgLang)", "en");
  want_string(&d, "string(/x:xliff/@its:version)", "2.0");
  want_string(&d, "string(/x:xliff/x:file/@id)", "f1");
  want_string(&d, "string(/x:xliff/x:file/@original)", "ja/t.txt");
  /* every pair a unit, with unique NMTOKEN ids derived from the keys */
  want_number(&d, "count(//x:unit)", 7);
  static const char *const ids[] = {"front-1", "1",   "2",    "3",
                                    "4",       "4_2", "7__a_"};
  for (int i = 0; i < 7; i++) {
    char expr[128];
    snprintf(expr, sizeof expr, "string(//x:unit[%d]/@id)", i + 1);
    want_string(&d, expr, ids[i]);
  }
  want_string(&d, "string(//x:unit[7]/@name)", "7 (a)");
  /* both sides: translated; labels as written */
  want_string(&d, "string(//x:unit[@id='1']/x:segment/@state)", "translated");
  want_string(&d, "string(//x:unit[@id='1']/x:segment/x:source)", "(1) " JA1);
  want_string(&d, "string(//x:unit[@id='1']/x:segment/x:target)",
              "(1) " EN1_FLAT);
  /* no English: initial, no target; the text cleaned */
  want_string(&d, "string(//x:unit[@id='2']/x:segment/@state)", "initial");
  want_number(&d, "count(//x:unit[@id='2']/x:segment/x:target)", 0);
  want_string(&d, "string(//x:unit[@id='2']/x:segment/x:source)",
              "(2) " JA2_CLEAN);
  /* no Japanese: empty source, the text as target, not "translated", an
   * addition on the target side */
  want_string(&d, "string(//x:unit[@id='3']/x:segment/x:source)", "");
  want_string(&d, "string(//x:unit[@id='3']/x:segment/x:target)",
              "(3) An extra clause.");
  want_string(&d, "string(//x:unit[@id='3']/x:segment/@state)", "initial");
  want_string(&d,
              "string(//x:unit[@id='3']/its:locQualityIssues[@xml:id='lqi-3-t']"
              "/its:locQualityIssue/@locQualityIssueType)",
              "addition");
  want_string(&d, "string(//x:unit[@id='4']/x:segment/x:target)",
              "(4) " EN4_CLEAN);
  /* findings as standoff ITS issues on their side, no inline marks */
  want_number(&d, "count(//x:mrk)", 0);
  want_number(&d, "count(//its:locQualityIssue)", 6);
  want_string(&d,
              "string(//x:unit[@id='2']/its:locQualityIssues[@xml:id='lqi-2-s']"
              "/its:locQualityIssue/@locQualityIssueType)",
              "omission");
  want_string(&d,
              "string(//x:unit[@id='2']//its:locQualityIssue/"
              "@locQualityIssueSeverity)",
              "100");
  want_string(&d,
              "string(//x:unit[@id='4']/its:locQualityIssues[@xml:id='lqi-4-t']"
              "/its:locQualityIssue/@locQualityIssueType)",
              "numbers");
  /* a duplicate number is a duplication, in the Japanese (its line) */
  want_string(&d,
              "string(//x:unit[@id='4_2']/its:locQualityIssues[@xml:id="
              "'lqi-4_2-s']/its:locQualityIssue/@locQualityIssueType)",
              "duplication");
  want_string(&d,
              "string(//x:unit[@id='1']//its:locQualityIssue/"
              "@locQualityIssueComment)",
              "half-width <\"&\">");
  want_string(&d,
              "string(//x:unit[@id='7__a_']//its:locQualityIssue/"
              "@locQualityIssueType)",
              "terminology");
  /* and as unit notes */
  want_string(&d, "string(//x:unit[@id='4']/x:notes/x:note/@category)",
              "number-mismatch");
  /* the finding no pair holds is a file note, its control char cleaned */
  want_number(&d, "count(/x:xliff/x:file/x:notes/x:note)", 1);
  want_string(&d, "string(/x:xliff/x:file/x:notes/x:note)",
              "info: a control character \xEF\xBF\xBD somewhere "
              "(confidence 1.00)");
  assert_null(memchr(out, '\x01', n));
  assert_null(strstr(out, "<script>"));
  doc_free(&d);
  free(out);
}

static void test_xliff_english_source_and_segments(void **state) {
  (void)state;
  ty_render_options o = {.source = TY_EN, .sentences = 1};
  size_t n;
  char *out = render(ty_render_xliff, &o, &n);
  xmllint_ok(out, n);
  doc d = parse_xml(out, n);
  want_string(&d, "string(/x:xliff/@srcLang)", "en");
  want_string(&d, "string(/x:xliff/@trgLang)", "ja");
  want_string(&d, "string(/x:xliff/x:file/@original)", "en/t.txt");
  /* a missing English clause is now missing on the source side: the
   * Japanese-only text is an addition, on the target */
  want_string(&d, "string(//x:unit[@id='2']/x:segment/x:source)", "");
  want_string(&d,
              "string(//x:unit[@id='2']/its:locQualityIssues[@xml:id='lqi-2-t']"
              "/its:locQualityIssue/@locQualityIssueType)",
              "addition");
  want_string(&d, "string(//x:unit[@id='3']/x:segment/@state)", "initial");
  want_string(&d,
              "string(//x:unit[@id='3']/its:locQualityIssues[@xml:id='lqi-3-s']"
              "/its:locQualityIssue/@locQualityIssueType)",
              "omission");
  /* sentence pairs as segments; the unpaired one has an empty source */
  want_number(&d, "count(//x:unit[@id='1']/x:segment)", 2);
  want_string(&d, "string(//x:unit[@id='1']/x:segment[1]/x:source)",
              "Information sharing");
  want_string(&d, "string(//x:unit[@id='1']/x:segment[2]/x:source)", "");
  /* no source: not "translated" */
  want_string(&d, "string(//x:unit[@id='1']/x:segment[2]/@state)", "initial");
  doc_free(&d);
  free(out);
}

static void test_xliff_its_marks_never_nest(void **state) {
  (void)state;
  /* two findings on one side: one mrk referring to the standoff issues */
  findings[2].code = TY_NUMBER_MISMATCH;
  findings[6].key = "1";
  findings[6].ja_line = 3;
  findings[6].en_line = 3;
  ty_render_options o = {.its_marks = 1};
  size_t n;
  char *out = render(ty_render_xliff, &o, &n);
  xmllint_ok(out, n);
  doc d = parse_xml(out, n);
  want_number(&d, "count(//x:mrk//x:mrk)", 0);
  want_number(&d, "count(//x:unit[@id='1']//x:target/x:mrk)", 1);
  want_string(
      &d, "string(//x:unit[@id='1']//x:target/x:mrk/@its:locQualityIssuesRef)",
      "#its=lqi-1-t");
  want_number(&d,
              "count(//x:unit[@id='1']/its:locQualityIssues[@xml:id="
              "'lqi-1-t']/its:locQualityIssue)",
              2);
  /* one finding: its attributes on the mrk, no standoff */
  want_string(&d,
              "string(//x:unit[@id='4']//x:target/x:mrk/"
              "@its:locQualityIssueType)",
              "numbers");
  want_number(&d, "count(//x:unit[@id='4']/its:locQualityIssues)", 0);
  doc_free(&d);
  free(out);
}

static void test_xliff_ids_stay_unique(void **state) {
  (void)state;
  /* keys that clean to the same id, and one that is all Japanese */
  clause(&ja_cl[0], "前文", NULL, "前文", 1);
  clause(&ja_cl[5], "4 2", "(a)", "項目ア", 11);
  ty_render_options o = {0};
  size_t n;
  char *out = render(ty_render_xliff, &o, &n);
  xmllint_ok(out, n);
  doc d = parse_xml(out, n);
  want_string(&d, "string(//x:unit[1]/@id)", "__");
  want_string(&d, "string(//x:unit[1]/@name)", "前文");
  want_string(&d, "string(//x:unit[5]/@id)", "4");
  want_string(&d, "string(//x:unit[6]/@id)", "4_2");
  want_string(&d, "string(//x:unit[7]/@id)", "4_2_2");
  want_number(&d, "count(//x:unit[@id = preceding::x:unit/@id])", 0);
  doc_free(&d);
  free(out);
}

/* ---- HTML -----------------------------------------------------------------
 */

static void test_html_escapes_and_links(void **state) {
  (void)state;
  ty_render_options o = {0};
  size_t n;
  char *out = render(ty_render_html, &o, &n);
  /* the clause's <script> stays text */
  assert_null(strstr(out, "<script"));
  assert_non_null(strstr(out, "&lt;script&gt;alert(&quot;x&quot;)"));
  assert_non_null(strstr(out, "&amp;amp;"));
  assert_null(memchr(out, '\x01', n));
  /* standalone: nothing fetched */
  assert_null(strstr(out, " src="));
  assert_null(strstr(out, "<link"));
  doc d = parse_html(out, n);
  want_number(&d, "count(//script)", 0);
  /* a row per pair, id p-N, in order */
  want_number(&d, "count(//table//tr[starts-with(@id,'p-')])", 7);
  for (int i = 1; i <= 7; i++) {
    char expr[96];
    snprintf(expr, sizeof expr, "count(//tr[@id='p-%d'])", i);
    want_number(&d, expr, 1);
  }
  want_number(&d, "count(//td[@lang='ja'])", 7);
  want_number(&d, "count(//td[@lang='en'])", 7);
  want_string(&d, "string(//tr[@id='p-2']/td[@lang='en'])", "(1) " EN1_FLAT);
  /* status in words as well as colour */
  want_string(&d, "string(//tr[@id='p-3']/td[@class='st']/b)", "missing-en");
  want_string(&d, "string(//tr[@id='p-3']/@class)",
              "st-missing-en has-fx fx-error");
  want_string(&d, "string(//tr[@id='p-2']/@class)",
              "st-matched has-fx fx-info");
  want_string(&d, "string(//tr[@id='p-1']/@class)", "st-content");
  /* findings linked to their rows; the duplicate by line to pair 6 */
  want_number(&d, "count(//ol[@class='findings']/li)", 7);
  want_string(&d, "string(//li[@id='f-5']/a/@href)", "#p-6");
  want_string(&d, "string(//li[@id='f-7']/a/@href)", "#p-7");
  want_number(&d,
              "count(//ol[@class='findings']/li[not(contains(@class,'doc'))]"
              "[not(a[starts-with(@href,'#p-')])])",
              0);
  want_number(&d, "count(//li[contains(@class,'doc')])", 1);
  /* every link lands on an existing element */
  xmlXPathObjectPtr links = xmlXPathEvalExpression(BAD_CAST "//a/@href", d.xp);
  assert_non_null(links);
  assert_true(links->nodesetval && links->nodesetval->nodeNr >= 7 + 7);
  for (int i = 0; i < links->nodesetval->nodeNr; i++) {
    xmlChar *href = xmlNodeGetContent(links->nodesetval->nodeTab[i]);
    assert_int_equal(href[0], '#');
    char expr[96];
    snprintf(expr, sizeof expr, "count(//*[@id='%s'])", (char *)href + 1);
    want_number(&d, expr, 1);
    xmlFree(href);
  }
  xmlXPathFreeObject(links);
  /* summary and picture */
  want_number(&d, "count(//dl[@id='summary']/div)", 8);
  /* the overview: a mark per pair and a box per problem region (pairs 3
   * to 6, a side missing, a warning, an error: one region, as they are at
   * most 3 pairs apart); the strip a bucket per pair; the region drawn in
   * detail */
  want_number(
      &d, "count(//svg[@class='overview-map']//a[not(@class='region')])", 7);
  want_number(&d, "count(//svg[@class='overview-map']//a[@class='region'])", 1);
  want_number(&d, "count(//svg[@class='strip-map']//a[not(@class)])", 7);
  want_number(&d, "count(//figure[@class='zoom'])", 1);
  want_string(&d,
              "string(//svg[@class='overview-map']//a[@class='region']/"
              "@href)",
              "#zoom-1");
  doc_free(&d);
  free(out);
}

static void test_html_sentence_rows(void **state) {
  (void)state;
  ty_render_options o = {.sentences = 1};
  size_t n;
  char *out = render(ty_render_html, &o, &n);
  doc d = parse_html(out, n);
  /* sentence rows follow their pair and are not pair rows */
  want_number(&d, "count(//tr[starts-with(@id,'p-')])", 7);
  want_number(&d, "count(//tr[@class='sent'])", 2);
  want_string(&d, "string(//tr[@id='p-2']/following-sibling::tr[1]/td[1])",
              "#1");
  want_string(&d,
              "string(//tr[@id='p-2']/following-sibling::tr[1]/td[@lang='en'])",
              "Information sharing");
  want_string(&d, "string(//tr[@id='p-2']/following-sibling::tr[2]/td[2])",
              "unpaired sentence");
  want_string(&d, "string(//tr[@id='p-2']/following-sibling::tr[3]/@id)",
              "p-3");
  doc_free(&d);
  free(out);
}

static void test_empty_alignment(void **state) {
  (void)state;
  ja_doc.ncl = en_doc.ncl = 0;
  al.npairs = al.nsents = al.findings.n = 0;
  ty_render_options o = {0};
  size_t n;
  char *out = render(ty_render_tmx, &o, &n);
  doc d = parse_xml(out, n);
  want_number(&d, "count(/tmx/body/tu)", 0);
  doc_free(&d);
  free(out);
  out = render(ty_render_xliff, &o, &n);
  d = parse_xml(out, n);
  want_number(&d, "count(//x:unit)", 0);
  doc_free(&d);
  free(out);
  out = render(ty_render_html, &o, &n);
  d = parse_html(out, n);
  want_number(&d, "count(//tr[starts-with(@id,'p-')])", 0);
  want_string(&d, "normalize-space(//section[@id='findings']/p)",
              "No findings.");
  doc_free(&d);
  free(out);
}

/* Batch mode renders pairs in parallel: the same output from 4 threads. */
typedef struct job {
  renderer r;
  const char *want;
  int same;
} job;

static void *render_often(void *arg) {
  job *j = arg;
  ty_render_options o = {0};
  j->same = 1;
  for (int k = 0; k < 25; k++) {
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    if (!f || j->r(&al, &o, f) != 0) j->same = 0;
    if (f) fclose(f);
    if (!out || strcmp(out, j->want) != 0) j->same = 0;
    free(out);
  }
  return NULL;
}

static void test_threads_render_alike(void **state) {
  (void)state;
  static const renderer rs[] = {ty_render_tmx, ty_render_xliff, ty_render_html};
  ty_render_options o = {0};
  for (size_t i = 0; i < sizeof rs / sizeof *rs; i++) {
    size_t n;
    char *want = render(rs[i], &o, &n);
    pthread_t t[4];
    job jobs[4];
    for (int k = 0; k < 4; k++) {
      jobs[k] = (job){rs[i], want, 0};
      assert_int_equal(pthread_create(&t[k], NULL, render_often, &jobs[k]), 0);
    }
    for (int k = 0; k < 4; k++) {
      pthread_join(t[k], NULL);
      assert_true(jobs[k].same);
    }
    free(want);
  }
}

/* ---- errors ---------------------------------------------------------------
 */

static void test_write_error_is_reported(void **state) {
  (void)state;
  ty_render_options o = {0};
  static const renderer rs[] = {ty_render_html, ty_render_tmx, ty_render_xliff};
  for (size_t i = 0; i < sizeof rs / sizeof *rs; i++) {
    FILE *f = fopen("/dev/full", "w");
    if (!f) skip();
    setvbuf(f, NULL, _IONBF, 0);
    assert_int_equal(rs[i](&al, &o, f), -1);
    fclose(f);
  }
}

/* A key repeated 50,000 times numbers its repeats in order, skipping an
 * id already given out, one lookup per repeat (robust.sh's 100,000 "1."
 * lines took minutes when every repeat searched from 2). */
static void test_unique_names_count_per_base(void **state) {
  (void)state;
  ty_xml_ids seen = {0};
  ty_buf b = {0};
  ty_unique_name(&seen, "1/3", '/', &b);
  assert_string_equal(b.p, "1/3");
  for (unsigned i = 1; i <= 50000; i++) {
    ty_unique_name(&seen, "1", '/', &b);
    char want[32];
    unsigned n = i < 3 ? i : i + 1; /* 1/3 was taken first */
    if (n == 1)
      snprintf(want, sizeof want, "1");
    else
      snprintf(want, sizeof want, "1/%u", n);
    assert_string_equal(b.p, want);
  }
  ty_xml_unique_id(&seen, "第1条", &b);
  assert_string_equal(b.p, "_1_");
  ty_xml_unique_id(&seen, "第1条", &b);
  assert_string_equal(b.p, "_1__2");
  ty_buf_free(&b);
  ty_xml_ids_free(&seen);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup(test_tmx_reads_back, setup),
      cmocka_unit_test_setup(test_tmx_sentences_and_english_source, setup),
      cmocka_unit_test(test_tmx_segments_as_the_document_has_them),
      cmocka_unit_test(test_tmx_sentences_by_srx_rules),
      cmocka_unit_test(test_srx_splits_like_a_cat_tool),
      cmocka_unit_test_setup(test_xliff_reads_back, setup),
      cmocka_unit_test_setup(test_xliff_english_source_and_segments, setup),
      cmocka_unit_test_setup(test_xliff_ids_stay_unique, setup),
      cmocka_unit_test(test_unique_names_count_per_base),
      cmocka_unit_test_setup(test_xliff_its_marks_never_nest, setup),
      cmocka_unit_test_setup(test_html_escapes_and_links, setup),
      cmocka_unit_test_setup(test_html_sentence_rows, setup),
      cmocka_unit_test_setup(test_empty_alignment, setup),
      cmocka_unit_test_setup(test_threads_render_alike, setup),
      cmocka_unit_test_setup(test_write_error_is_reported, setup),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  xmlCleanupParser();
  return rc;
}
