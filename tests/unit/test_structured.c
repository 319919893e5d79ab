/* test_structured.c — the readers of structured documents: list markers
 * as a browser shows them (counter.c, numfmt.c), the choice of format
 * (format.c), and HTML / Markdown read into clauses keyed as the same text
 * typed by hand (read_html.c, read_md.c, layout.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "internal.h"

#include <string.h>

static void test_counter_markers_as_browsers_show_them(void **state) {
  (void)state;
  static const struct {
    ty_counter_style s;
    long v;
    const char *want;
  } t[] = {
      {TY_CS_DECIMAL, 7, "7."},
      {TY_CS_DECIMAL, 0, "0."},
      {TY_CS_DECIMAL, -2, "-2."},
      {TY_CS_DECIMAL_ZERO, 3, "03."},
      {TY_CS_LOWER_LATIN, 1, "a."},
      {TY_CS_LOWER_LATIN, 26, "z."},
      {TY_CS_LOWER_LATIN, 27, "aa."},
      {TY_CS_UPPER_LATIN, 28, "AB."},
      {TY_CS_LOWER_LATIN, 0, "0."}, /* out of range: decimal */
      {TY_CS_LOWER_ROMAN, 4, "iv."},
      {TY_CS_UPPER_ROMAN, 1999, "MCMXCIX."},
      {TY_CS_UPPER_ROMAN, 4000, "4000."},
      {TY_CS_CJK, 1, "一、"},
      {TY_CS_CJK, 10, "十、"},
      {TY_CS_CJK, 12, "十二、"},
      {TY_CS_CJK, 105, "百五、"},
      {TY_CS_CJK_DECIMAL, 105, "一〇五、"},
      {TY_CS_CJK_FORMAL, 2, "弐、"},
      {TY_CS_KATAKANA, 1, "ア、"},
      {TY_CS_KATAKANA, 45, "ヰ、"},
      {TY_CS_KATAKANA, 48, "ン、"},
      {TY_CS_KATAKANA_IROHA, 3, "ハ、"},
      {TY_CS_KATAKANA_IROHA, 47, "ス、"},
      {TY_CS_KATAKANA_IROHA, 48, "イイ、"},
      {TY_CS_HIRAGANA, 2, "い、"},
      {TY_CS_HIRAGANA_IROHA, 2, "ろ、"},
      {TY_CS_BULLET, 5, "-"},
      {TY_CS_NONE, 5, ""},
  };
  ty_buf b = {0};
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
    ty_counter_marker(&b, t[i].s, t[i].v);
    assert_string_equal(b.n ? b.p : "", t[i].want);
  }
  ty_buf_free(&b);
}

/* cjk-decimal is digits, not a quantity: no grouping separator (ICU's
 * numbering-system format wrote 一,〇〇〇 before numfmt.c). */
static void test_counter_cjk_decimal_is_not_grouped(void **state) {
  (void)state;
  ty_buf b = {0};
  ty_counter_marker(&b, TY_CS_CJK_DECIMAL, 1000);
  assert_string_equal(b.p, "一〇〇〇、");
  ty_counter_marker(&b, TY_CS_CJK_DECIMAL, 12345);
  assert_string_equal(b.p, "一二三四五、");
  ty_buf_free(&b);
}

/* One module writes the numerals of CSS and of Word: the same symbols,
 * counted past the last one as each producer counts. */
static void test_numfmt_counts_past_the_last_symbol_as_told(void **state) {
  (void)state;
  static const struct {
    ty_numsys sys;
    ty_numseq seq;
    long v;
    const char *want;
  } t[] = {
      {TY_NS_LOWER_LATIN, TY_NUM_ALPHABETIC, 28, "ab"},
      {TY_NS_LOWER_LATIN, TY_NUM_REPEATED, 28, "bb"},
      {TY_NS_LOWER_LATIN, TY_NUM_CYCLIC, 28, "b"},
      {TY_NS_KATAKANA_IROHA, TY_NUM_ALPHABETIC, 48, "イイ"},
      {TY_NS_KATAKANA_IROHA, TY_NUM_CYCLIC, 48, "イ"},
      {TY_NS_KATAKANA, TY_NUM_CYCLIC, 45, "ヰ"},
      {TY_NS_AIUEO, TY_NUM_CYCLIC, 45, "ヲ"},
      {TY_NS_JPAN, TY_NUM_ALPHABETIC, 10, "十"},
      {TY_NS_FULLWIDE, TY_NUM_ALPHABETIC, 1000, "１０００"},
      {TY_NS_CIRCLED, TY_NUM_ALPHABETIC, 36, "㊱"},
  };
  ty_numfmt nf = {0};
  ty_buf a = {0}, b = {0};
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
    ty_buf_clear(&a);
    ty_buf_clear(&b);
    assert_int_equal(ty_numfmt_put(&nf, t[i].sys, t[i].seq, t[i].v, &a), 1);
    assert_int_equal(ty_numfmt_put(NULL, t[i].sys, t[i].seq, t[i].v, &b), 1);
    assert_string_equal(a.p, t[i].want);
    assert_string_equal(b.p, t[i].want);
  }
  ty_buf_clear(&a);
  assert_int_equal(ty_numfmt_put(&nf, TY_NS_UPPER_ROMAN, 0, 4000, &a), 0);
  assert_int_equal(ty_numfmt_put(&nf, TY_NS_HIRAGANA, 0, 0, &a), 0);
  assert_int_equal(ty_numfmt_put(&nf, TY_NS_PAREN, 0, 21, &a), 0);
  assert_int_equal((int)a.n, 0);
  ty_numfmt_close(&nf);
  ty_buf_free(&a);
  ty_buf_free(&b);
}

static void test_counter_style_names_and_types(void **state) {
  (void)state;
  ty_counter_style s;
  assert_true(ty_counter_style_named("KATAKANA-IROHA", 14, &s));
  assert_int_equal(s, TY_CS_KATAKANA_IROHA);
  assert_true(ty_counter_style_named("lower-alpha;", 11, &s));
  assert_int_equal(s, TY_CS_LOWER_LATIN);
  assert_false(ty_counter_style_named("ethiopic-numeric", 16, &s));
  assert_true(ty_counter_style_of_type("A", &s));
  assert_int_equal(s, TY_CS_UPPER_LATIN);
  assert_true(ty_counter_style_of_type("i", &s));
  assert_int_equal(s, TY_CS_LOWER_ROMAN);
  assert_false(ty_counter_style_of_type("x", &s));
}

static void test_format_sniffed_by_content_then_name(void **state) {
  (void)state;
  static const char odt[] = "PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                            "\0\0\0\0\0\0\x08\0\0\0mimetypeapplication/vnd";
  static const char docx[] = "PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                             "\0\0\0\0\0\0\x13\0\0\0[Content_Types].xml";
  assert_int_equal(ty_format_sniff_bytes("a", odt, sizeof odt - 1), TY_IN_ODT);
  assert_int_equal(ty_format_sniff_bytes("a", docx, sizeof docx - 1),
                   TY_IN_DOCX);
  assert_int_equal(ty_format_sniff_bytes("a", "%PDF-1.7\n", 9), TY_IN_PDF);
  assert_int_equal(ty_format_sniff_bytes("a.pdf", "1 text", 6), TY_IN_AUTO);
#define TEXT(name, s) ty_format_sniff_text(name, s, strlen(s))
  assert_int_equal(TEXT("a.txt", "\n <!DOCTYPE HTML>\n<p>1"), TY_IN_HTML);
  assert_int_equal(TEXT("a.txt", "<!-- x --><html lang=ja>"), TY_IN_HTML);
  assert_int_equal(TEXT("a.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n"
                                 "<html xmlns=\"x\">"),
                   TY_IN_HTML);
  assert_int_equal(TEXT("law", "<?xml version=\"1.0\"?><Law Era=\"x\">"),
                   TY_IN_EGOV);
  assert_int_equal(TEXT("a.md", "# 1. Title"), TY_IN_MARKDOWN);
  assert_int_equal(TEXT("a.MARKDOWN", "1. x"), TY_IN_MARKDOWN);
  assert_int_equal(TEXT("a.yml", "clauses: []"), TY_IN_YAML);
  assert_int_equal(TEXT("a.htm", "1. x"), TY_IN_HTML);
  assert_int_equal(TEXT("a.txt", "1. <html>"), TY_IN_TEXT);
#undef TEXT
  assert_int_equal(ty_input_format_parse("md"), TY_IN_MARKDOWN);
  assert_int_equal(ty_input_format_parse("XHTML"), TY_IN_HTML);
  assert_int_equal(ty_input_format_parse("pdf"), TY_IN_PDF);
  assert_int_equal(ty_input_format_parse("rtf"), -1);
  assert_string_equal(ty_input_format_name(TY_IN_MARKDOWN), "markdown");
}

/* The keys of a document parsed from memory, space-separated. */
static void keys_of(const char *text, const char *name, char *out, size_t cap) {
  ty_error err = {0};
  ty_doc *d = ty_doc_parse(text, strlen(text), name, TY_JA, &err);
  assert_non_null(d);
  out[0] = '\0';
  for (size_t i = 0; i < d->ncl; i++) {
    if (i) strncat(out, " ", cap - strlen(out) - 1);
    strncat(out, d->cl[i].key, cap - strlen(out) - 1);
  }
  ty_doc_free(d);
}

static void test_html_lists_keyed_as_typed_text(void **state) {
  (void)state;
  char html[512], typed[512];
  keys_of("<html><body><p>前文</p>"
          "<ol style='list-style-type: cjk-ideographic'><li>一つ目</li>"
          "<li>二つ目<ol style='list-style-type:katakana-iroha'>"
          "<li>い</li><li>ろ</li></ol></li>"
          "<li value=5>五つ目</li></ol></body></html>",
          "a.html", html, sizeof html);
  keys_of("前文\n\n一、 一つ目\n\n二、 二つ目\n\n   イ、 い\n\n   ロ、 ろ\n\n"
          "五、 五つ目\n",
          "a.txt", typed, sizeof typed);
  assert_string_equal(html, typed);
  assert_string_equal(html, "front-1 1 2 2.1 2.2 5");
}

static void test_html_positions_are_source_lines(void **state) {
  (void)state;
  const char *s = "<html>\n<body>\n<ol>\n<li>one</li><li>two</li>\n"
                  "<li>three\n<p>more</p></li>\n</ol>\n</body></html>\n";
  ty_error err = {0};
  ty_doc *d = ty_doc_parse(s, strlen(s), "a.html", TY_EN, &err);
  assert_non_null(d);
  assert_int_equal(d->ncl, 3);
  assert_int_equal(d->cl[0].line, 4);
  assert_int_equal(d->cl[1].line, 4);
  assert_int_equal(d->cl[2].line, 5);
  assert_int_equal(d->cl[2].end_line, 6);
  ty_doc_free(d);
}

static void test_html_damaged_is_refused_with_position(void **state) {
  (void)state;
  const char *s = "<p>1. One</p>\n<p title=\"2. Two</p>\n<p>3. Three</p>\n";
  ty_error err = {0};
  assert_null(ty_doc_parse(s, strlen(s), "cut.html", TY_EN, &err));
  assert_int_equal(err.code, TY_ERR_SYNTAX);
  assert_int_equal(err.line, 4);
  assert_non_null(strstr(err.message, "cut short"));
  const char *x = "<?xml version=\"1.0\"?>\n<html><body><p>x</body></html>";
  assert_null(ty_doc_parse(x, strlen(x), "a.xhtml", TY_EN, &err));
  assert_int_equal(err.line, 2);
  assert_true(err.column > 0);
  assert_non_null(strstr(err.message, "XHTML: "));
}

static void test_markdown_lists_show_their_start_numbers(void **state) {
  (void)state;
  char md[512];
  keys_of("Intro\n\n3. three\n1. four\n\n   ```\n   5. code\n   ```\n"
          "1. five\n   1) a\n   1) b\n",
          "a.md", md, sizeof md);
  assert_string_equal(md, "front-1 3 4 5 5.1 5.2");
}

/* Regression: a list restarting at 1 under an unnumbered heading opens a
 * scope even when a "。" comes later in the document (the heading test
 * looked past the heading; seen on the Debian Social Contract, ja). */
static void test_html_restart_under_heading_is_a_scope(void **state) {
  (void)state;
  char keys[256];
  keys_of(
      "<h2>社会契約</h2><ol><li>一つ目。</li><li>二つ目。</li></ol>"
      "<h2>ガイドライン (DFSG)</h2><ol><li>再配布。</li><li>ソース。</li></ol>",
      "a.html", keys, sizeof keys);
  assert_string_equal(keys, "front-1 1 2 s2 s2:1 s2:2");
}

/* The language each clause is marked in, space-separated ("-" where the
 * source marks none other than the document's). */
static void langs_of(const char *text, const char *name, ty_lang lang,
                     char *out, size_t cap) {
  ty_error err = {0};
  ty_doc *d = ty_doc_parse(text, strlen(text), name, lang, &err);
  assert_non_null(d);
  out[0] = '\0';
  for (size_t i = 0; i < d->ncl; i++) {
    if (i) strncat(out, " ", cap - strlen(out) - 1);
    strncat(out, d->cl[i].lang ? d->cl[i].lang : "-", cap - strlen(out) - 1);
  }
  ty_doc_free(d);
}

static void test_html_lang_marks_clauses_in_another_language(void **state) {
  (void)state;
  char langs[256];
  langs_of("<html lang='ja'><body><ol>"
           "<li>日本語の条項です。</li>"
           "<li lang='en'>Provided as is, without warranty.</li>"
           "<li><span lang='en-US'>Copyright the Free Software "
           "Foundation</span>。</li>"
           "<li><span lang='en'>Debian</span>は自由なオペレーティング"
           "システムを作る団体です。</li>"
           "<li xml:lang='en'>Kept in English.</li>"
           "<li><div lang='en'><p lang='ja'>内側が勝つ。</p></div></li>"
           "<li lang='ja-JP'>同じ言語。</li>"
           "</ol></body></html>",
           "a.html", TY_JA, langs, sizeof langs);
  /* the block's own lang, an inline one over most of the text (as
   * written), not one over a little of it, xml:lang, the innermost, the
   * document's language with a region */
  assert_string_equal(langs, "- en en-US - en - -");
}

static void test_html_lang_is_against_the_documents_own(void **state) {
  (void)state;
  char langs[128];
  /* no root lang: the side the document is read as */
  langs_of("<p>1. One.</p><p lang='ja'>2. 二。</p>", "a.html", TY_EN, langs,
           sizeof langs);
  assert_string_equal(langs, "- ja");
  /* a root lang says what the document's language is, even on the side
   * of the other language */
  langs_of("<html lang='en'><p>1. One.</p><p lang='en-GB'>2. Two.</p></html>",
           "a.html", TY_JA, langs, sizeof langs);
  assert_string_equal(langs, "- -");
  /* lang="" is an unknown language: the document's */
  langs_of("<html lang='ja'><body lang='en'><p>1. One.</p>"
           "<p lang=''>2. Two.</p></body></html>",
           "a.html", TY_JA, langs, sizeof langs);
  assert_string_equal(langs, "en -");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_counter_markers_as_browsers_show_them),
      cmocka_unit_test(test_counter_cjk_decimal_is_not_grouped),
      cmocka_unit_test(test_numfmt_counts_past_the_last_symbol_as_told),
      cmocka_unit_test(test_counter_style_names_and_types),
      cmocka_unit_test(test_format_sniffed_by_content_then_name),
      cmocka_unit_test(test_html_lists_keyed_as_typed_text),
      cmocka_unit_test(test_html_positions_are_source_lines),
      cmocka_unit_test(test_html_damaged_is_refused_with_position),
      cmocka_unit_test(test_markdown_lists_show_their_start_numbers),
      cmocka_unit_test(test_html_restart_under_heading_is_a_scope),
      cmocka_unit_test(test_html_lang_marks_clauses_in_another_language),
      cmocka_unit_test(test_html_lang_is_against_the_documents_own),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
