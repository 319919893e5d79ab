/* test_render_office.c — the XLSX workbook and the DOCX bilingual table
 * over a small alignment built by hand, opened again as the archives
 * they are (the library's zip reader) and their parts parsed by libxml2:
 * every cell text stays text, the labels as written, a row per pair, a
 * comment per finding anchored on the side its problem is in, a package
 * whose parts are all declared and related. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "render.h"
#include "render_support.h"

/* ---- the fixture ----------------------------------------------------------
 * front-1  content     a title
 * 1        matched     第一条　(label and U+3000 as written) / Article 1
 * 2        missing-en
 * 3        missing-ja  its text ends in a terminal escape sequence
 * 7.1      matched     (1) / 1., the English over two lines with a date */

static const char ja_article[] = "第一条\xE3\x80\x80この法律は、目的とする。";
#define JA_ARTICLE_TEXT "この法律は、目的とする。"
#define EN3 "An extra clause.\033[2J"
#define EN71 "July 21, 2017\n\nthe second paragraph"
#define EN71_FLAT "July 21, 2017\nthe second paragraph"

static char ja_name[] = "ja/t.txt", en_name[] = "en/t.txt";
static ty_clause ja_cl[4], en_cl[4];
static ty_doc ja_doc, en_doc;
static ty_pair pairs[5];
static ty_finding findings[4];
static ty_alignment al;

static int setup(void **state) {
  (void)state;
  clause(&ja_cl[0], "front-1", NULL, "法律の題名", 1);
  clause(&ja_cl[1], "1", "第一条", JA_ARTICLE_TEXT, 3);
  /* label and text inside one line, as the reader leaves them */
  ja_cl[1].label = ja_article;
  ja_cl[1].text = ja_article + strlen("第一条\xE3\x80\x80");
  clause(&ja_cl[2], "2", "(2)", "第二の項", 5);
  clause(&ja_cl[3], "7.1", "(1)", "七の一", 7);
  clause(&en_cl[0], "front-1", NULL, "The Title of the Act", 1);
  clause(&en_cl[1], "1", "Article 1", "This Act aims.", 3);
  clause(&en_cl[2], "3", "(3)", EN3, 6);
  clause(&en_cl[3], "7.1", "1.", EN71, 8);
  ja_doc = (ty_doc){.name = ja_name, .lang = TY_JA, .cl = ja_cl, .ncl = 4};
  /* the text clause 1 is read from (the separator after its label) */
  ja_doc.text = ja_article;
  ja_doc.len = strlen(ja_article);
  en_doc = (ty_doc){.name = en_name, .lang = TY_EN, .cl = en_cl, .ncl = 4};
  pair(&pairs[0], TY_PAIR_CONTENT, 0, 0);
  pair(&pairs[1], TY_PAIR_MATCHED, 1, 1);
  pair(&pairs[2], TY_PAIR_MISSING_EN, 2, -1);
  pair(&pairs[3], TY_PAIR_MISSING_JA, -1, 2);
  pair(&pairs[4], TY_PAIR_MATCHED, 3, 3);
  finding(&findings[0], TY_SEV_ERROR, TY_MISSING_EN, "2", 5, 0,
          "no English for (2)");
  finding(&findings[1], TY_SEV_ERROR, TY_MISSING_JA, "3", 0, 6,
          "no Japanese for (3)");
  finding(&findings[2], TY_SEV_WARNING, TY_NUMBER_MISMATCH, "7.1", 7, 8,
          "21 only in English");
  finding(&findings[3], TY_SEV_INFO, TY_SUSPICIOUS_CHAR, "", 0, 0,
          "a control character");
  al =
      (ty_alignment){.ja = &ja_doc, .en = &en_doc, .pairs = pairs, .npairs = 5};
  al.findings = (ty_findings){findings, 4, 4};
  return 0;
}

typedef int (*renderer)(const ty_alignment *, const ty_render_options *,
                        FILE *);

/* The archive r writes for the fixture, opened (free with close_archive). */
typedef struct archive {
  char *bytes;
  size_t n;
  ty_zip *z;
} archive;

static void open_archive(archive *a, renderer r) {
  FILE *f = open_memstream(&a->bytes, &a->n);
  assert_non_null(f);
  ty_render_options o = {0};
  assert_int_equal(r(&al, &o, f), 0);
  assert_int_equal(fclose(f), 0);
  ty_error err = {0};
  a->z = ty_zip_open(a->bytes, a->n, "out", &err);
  assert_non_null(a->z);
}

static void close_archive(archive *a) {
  ty_zip_close(a->z);
  free(a->bytes);
}

/* A member parsed by libxml2 (xmlFreeDoc). */
static xmlDocPtr part(archive *a, const char *member) {
  ty_buf b = {0};
  ty_error err = {0};
  assert_int_equal(ty_zip_read(a->z, member, (size_t)1 << 24, &b, &err), 0);
  xmlDocPtr d = xmlReadMemory(b.p, (int)b.n, member, NULL, XML_PARSE_NONET);
  ty_buf_free(&b);
  assert_non_null(d);
  return d;
}

static xmlXPathObjectPtr eval(xmlDocPtr d, const char *expr) {
  xmlXPathContextPtr c = xmlXPathNewContext(d);
  xmlXPathRegisterNs(
      c, BAD_CAST "w",
      BAD_CAST "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
  xmlXPathRegisterNs(
      c, BAD_CAST "s",
      BAD_CAST "http://schemas.openxmlformats.org/spreadsheetml/2006/main");
  xmlXPathRegisterNs(
      c, BAD_CAST "ct",
      BAD_CAST "http://schemas.openxmlformats.org/package/2006/content-types");
  xmlXPathRegisterNs(
      c, BAD_CAST "rel",
      BAD_CAST "http://schemas.openxmlformats.org/package/2006/relationships");
  xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, c);
  xmlXPathFreeContext(c);
  assert_non_null(o);
  return o;
}

static double number(xmlDocPtr d, const char *expr) {
  xmlXPathObjectPtr o = eval(d, expr);
  double v = xmlXPathCastToNumber(o);
  xmlXPathFreeObject(o);
  return v;
}

/* string(expr), in buf */
static const char *string(xmlDocPtr d, const char *expr, char *buf, size_t n) {
  xmlXPathObjectPtr o = eval(d, expr);
  xmlChar *s = xmlXPathCastToString(o);
  snprintf(buf, n, "%s", (const char *)s);
  xmlFree(s);
  xmlXPathFreeObject(o);
  return buf;
}

/* ---- XLSX ---------------------------------------------------------------- */

static void test_render_xlsx_cells_stay_text(void **state) {
  (void)state;
  archive a;
  open_archive(&a, ty_render_xlsx);
  xmlDocPtr sheet = part(&a, "xl/worksheets/sheet1.xml");
  /* a header row and a row per pair, every cell with a value a shared
   * string (an empty one has none) */
  assert_int_equal((int)number(sheet, "count(//s:row)"), 6);
  assert_true(number(sheet, "count(//s:c)") > 0);
  assert_int_equal((int)number(sheet, "count(//s:c[s:v][not(@t='s')])"), 0);
  char buf[256];
  assert_string_equal(string(sheet, "//s:pane/@state", buf, sizeof buf),
                      "frozen");
  xmlFreeDoc(sheet);
  xmlDocPtr strings = part(&a, "xl/sharedStrings.xml");
  static const char *const kept[] = {"(1)",    "1.",      "7.1",
                                     "第一条", EN71_FLAT, "(3)"};
  for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
    char expr[200];
    snprintf(expr, sizeof expr, "count(//s:si[s:t='%s'])", kept[i]);
    assert_int_equal((int)number(strings, expr), 1);
  }
  xmlFreeDoc(strings);
  /* the text format "@" and the Japanese font */
  xmlDocPtr st = part(&a, "xl/styles.xml");
  assert_true(number(st, "count(//s:numFmt[@formatCode='@'])") +
                  number(st, "count(//s:xf[@numFmtId='49'])") >=
              1);
  assert_int_equal((int)number(st, "count(//s:font/s:name[@val='Yu Gothic'])"),
                   1);
  xmlFreeDoc(st);
  close_archive(&a);
}

static void test_render_xlsx_findings_link_to_their_pair_rows(void **state) {
  (void)state;
  archive a;
  open_archive(&a, ty_render_xlsx);
  xmlDocPtr f = part(&a, "xl/worksheets/sheet2.xml");
  assert_int_equal((int)number(f, "count(//s:row)"), 5);
  /* missing-en of pair 2 (row 4 of Pairs), missing-ja of 3 (row 5), the
   * number of 7.1 (row 6); the whole-file finding has no pair */
  char buf[64];
  assert_string_equal(
      string(f, "//s:hyperlink[@ref='G2']/@location", buf, sizeof buf),
      "Pairs!A4");
  assert_string_equal(
      string(f, "//s:hyperlink[@ref='G3']/@location", buf, sizeof buf),
      "Pairs!A5");
  assert_string_equal(
      string(f, "//s:hyperlink[@ref='G4']/@location", buf, sizeof buf),
      "Pairs!A6");
  assert_int_equal((int)number(f, "count(//s:hyperlink)"), 3);
  xmlFreeDoc(f);
  close_archive(&a);
}

/* ---- DOCX ---------------------------------------------------------------- */

static void test_render_docx_a_row_per_pair(void **state) {
  (void)state;
  archive a;
  open_archive(&a, ty_render_docx);
  xmlDocPtr d = part(&a, "word/document.xml");
  assert_int_equal((int)number(d, "count(//w:tbl)"), 1);
  assert_int_equal((int)number(d, "count(//w:tbl/w:tr)"), 6);
  assert_int_equal((int)number(d, "count(//w:tr[1]/w:trPr/w:tblHeader)"), 1);
  char buf[256];
  static const char *const keys[] = {"front-1", "1", "2", "3", "7.1"};
  for (int i = 0; i < 5; i++) {
    char expr[80];
    snprintf(expr, sizeof expr, "string(//w:tr[%d]/w:tc[1])", i + 2);
    assert_string_equal(string(d, expr, buf, sizeof buf), keys[i]);
  }
  /* the missing sides are shaded, the others not */
  assert_int_equal((int)number(d, "count(//w:tr[4]/w:tc[3]//w:shd)"), 1);
  assert_int_equal((int)number(d, "count(//w:tr[5]/w:tc[2]//w:shd)"), 1);
  assert_int_equal((int)number(d, "count(//w:tr[3]//w:shd)"), 0);
  /* the Japanese column in the Japanese style, whose East-Asian font is set */
  assert_int_equal(
      (int)number(d, "count(//w:tr[position()>1]/w:tc[2]/w:p[not(w:pPr/"
                     "w:pStyle/@w:val='Japanese')])"),
      0);
  xmlFreeDoc(d);
  xmlDocPtr st = part(&a, "word/styles.xml");
  assert_string_equal(string(st,
                             "//w:style[@w:styleId='Japanese']/w:rPr/"
                             "w:rFonts/@w:eastAsia",
                             buf, sizeof buf),
                      "Yu Mincho");
  xmlFreeDoc(st);
  close_archive(&a);
}

static void test_render_docx_labels_and_lines_as_written(void **state) {
  (void)state;
  archive a;
  open_archive(&a, ty_render_docx);
  xmlDocPtr d = part(&a, "word/document.xml");
  char buf[256];
  /* the label with the ideographic space the document writes after it */
  assert_string_equal(string(d,
                             "//w:tr[3]/w:tc[2]//w:r[w:rPr/w:rStyle/"
                             "@w:val='Label']/w:t",
                             buf, sizeof buf),
                      "第一条\xE3\x80\x80");
  assert_string_equal(string(d, "//w:tr[3]/w:tc[2]", buf, sizeof buf),
                      "第一条\xE3\x80\x80" JA_ARTICLE_TEXT);
  assert_string_equal(string(d,
                             "//w:tr[3]/w:tc[3]//w:r[w:rPr/w:rStyle/"
                             "@w:val='Label']/w:t",
                             buf, sizeof buf),
                      "Article 1 ");
  /* a paragraph of the text a paragraph of the cell, the label first */
  assert_int_equal((int)number(d, "count(//w:tr[6]/w:tc[3]/w:p)"), 2);
  assert_string_equal(string(d, "//w:tr[6]/w:tc[3]/w:p[1]", buf, sizeof buf),
                      "1. July 21, 2017");
  assert_string_equal(string(d, "//w:tr[6]/w:tc[3]/w:p[2]", buf, sizeof buf),
                      "the second paragraph");
  assert_string_equal(string(d, "//w:tr[6]/w:tc[2]", buf, sizeof buf),
                      "(1) 七の一");
  /* a control character becomes U+FFFD: the part stays XML */
  assert_string_equal(string(d, "//w:tr[5]/w:tc[3]", buf, sizeof buf),
                      "(3) An extra clause.\xEF\xBF\xBD[2J");
  xmlFreeDoc(d);
  close_archive(&a);
}

/* Where comment `id` is anchored: "ROW/COL" of the table, "summary" or "". */
static const char *anchor(xmlDocPtr d, int id, char *buf, size_t n) {
  char expr[200];
  snprintf(expr, sizeof expr,
           "count(/w:document/w:body/w:p[2]/w:commentRangeStart[@w:id='%d'])",
           id);
  if (number(d, expr) == 1) return snprintf(buf, n, "summary"), buf;
  for (int row = 1; row <= 6; row++)
    for (int col = 1; col <= 3; col++) {
      snprintf(expr, sizeof expr,
               "count(//w:tr[%d]/w:tc[%d]//w:commentRangeStart[@w:id='%d'])",
               row, col, id);
      if (number(d, expr) == 1) return snprintf(buf, n, "%d/%d", row, col), buf;
    }
  return "";
}

static void test_render_docx_a_comment_per_finding_on_its_side(void **state) {
  (void)state;
  archive a;
  open_archive(&a, ty_render_docx);
  xmlDocPtr c = part(&a, "word/comments.xml");
  assert_int_equal((int)number(c, "count(//w:comment)"), 4);
  char buf[256];
  assert_string_equal(
      string(c, "//w:comment[@w:id='0']/w:p[1]", buf, sizeof buf),
      "error: [missing-en] 2: no English for (2)");
  assert_string_equal(
      string(c, "//w:comment[@w:id='0']/w:p[2]", buf, sizeof buf),
      "ja/t.txt:5");
  assert_string_equal(
      string(c, "//w:comment[@w:id='3']/w:p[1]", buf, sizeof buf),
      "info: [suspicious-char] a control character");
  xmlFreeDoc(c);
  xmlDocPtr d = part(&a, "word/document.xml");
  /* missing-en on the Japanese cell of 2, missing-ja on the English cell
   * of 3, the number in the translation on the English cell of 7.1, the
   * whole-file finding on the summary */
  assert_string_equal(anchor(d, 0, buf, sizeof buf), "4/2");
  assert_string_equal(anchor(d, 1, buf, sizeof buf), "5/3");
  assert_string_equal(anchor(d, 2, buf, sizeof buf), "6/3");
  assert_string_equal(anchor(d, 3, buf, sizeof buf), "summary");
  /* every range is closed and referenced once */
  assert_int_equal((int)number(d, "count(//w:commentRangeEnd)"), 4);
  assert_int_equal((int)number(d, "count(//w:commentReference)"), 4);
  xmlFreeDoc(d);
  close_archive(&a);
}

static void test_render_docx_package_declares_every_part(void **state) {
  (void)state;
  archive a;
  open_archive(&a, ty_render_docx);
  xmlDocPtr ct = part(&a, "[Content_Types].xml");
  static const char *const parts[] = {"word/document.xml", "word/styles.xml",
                                      "word/comments.xml", "docProps/core.xml"};
  char expr[200];
  for (int i = 0; i < 4; i++) {
    assert_true(ty_zip_has(a.z, parts[i]));
    snprintf(expr, sizeof expr, "count(//ct:Override[@PartName='/%s'])",
             parts[i]);
    assert_int_equal((int)number(ct, expr), 1);
  }
  xmlFreeDoc(ct);
  /* every relationship's target is a member */
  static const char *const rels[][2] = {
      {"_rels/.rels", ""}, {"word/_rels/document.xml.rels", "word/"}};
  for (int i = 0; i < 2; i++) {
    xmlDocPtr r = part(&a, rels[i][0]);
    int n = (int)number(r, "count(//rel:Relationship)");
    assert_true(n >= 2);
    for (int k = 1; k <= n; k++) {
      char target[200], member[256];
      snprintf(expr, sizeof expr, "string(//rel:Relationship[%d]/@Target)", k);
      string(r, expr, target, sizeof target);
      snprintf(member, sizeof member, "%s%s", rels[i][1], target);
      assert_true(ty_zip_has(a.z, member));
    }
    xmlFreeDoc(r);
  }
  close_archive(&a);
}

static void test_render_office_write_error_is_reported(void **state) {
  (void)state;
  FILE *f = fopen("/dev/full", "w");
  if (!f) skip();
  setvbuf(f, NULL, _IONBF, 0);
  ty_render_options o = {0};
  assert_int_equal(ty_render_docx(&al, &o, f), -1);
  clearerr(f);
  assert_int_equal(ty_render_xlsx(&al, &o, f), -1);
  fclose(f);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup(test_render_xlsx_cells_stay_text, setup),
      cmocka_unit_test_setup(test_render_xlsx_findings_link_to_their_pair_rows,
                             setup),
      cmocka_unit_test_setup(test_render_docx_a_row_per_pair, setup),
      cmocka_unit_test_setup(test_render_docx_labels_and_lines_as_written,
                             setup),
      cmocka_unit_test_setup(test_render_docx_a_comment_per_finding_on_its_side,
                             setup),
      cmocka_unit_test_setup(test_render_docx_package_declares_every_part,
                             setup),
      cmocka_unit_test_setup(test_render_office_write_error_is_reported, setup),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
