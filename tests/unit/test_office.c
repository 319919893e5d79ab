/* test_office.c — the office readers' parts: Word's number formats and
 * counters (wordnum.c), the zip helper's limits (zip.c), and DOCX read
 * from memory into clauses keyed as typed text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void assert_format(ty_wnum *w, const char *fmt, int v,
                          const char *want) {
  ty_buf b = {0};
  ty_wnum_format(w, fmt, v, &b);
  assert_non_null(b.p);
  assert_string_equal(b.p, want);
  ty_buf_free(&b);
}

static void test_wordnum_formats_as_word_shows(void **state) {
  ty_wnum *w = ty_wnum_load(NULL, 0);
  assert_format(w, "decimal", 12, "12");
  assert_format(w, "decimalZero", 7, "07");
  assert_format(w, "decimalFullWidth", 12, "１２");
  assert_format(w, "upperRoman", 14, "XIV");
  assert_format(w, "lowerRoman", 4, "iv");
  assert_format(w, "lowerLetter", 3, "c");
  assert_format(w, "upperLetter", 28, "BB"); /* Word repeats the letter */
  assert_format(w, "japaneseCounting", 11, "十一");
  assert_format(w, "japaneseCounting", 20, "二十");
  assert_format(w, "japaneseLegal", 3, "参");
  assert_format(w, "ideographDigital", 10, "一〇");
  assert_format(w, "ideographTraditional", 2, "乙");
  assert_format(w, "ideographZodiac", 12, "亥");
  assert_format(w, "irohaFullWidth", 3, "ハ");
  assert_format(w, "iroha", 48, "イ"); /* 47 kana, then round again */
  assert_format(w, "aiueoFullWidth", 6, "カ");
  assert_format(w, "decimalEnclosedCircle", 3, "③");
  assert_format(w, "decimalEnclosedCircle", 21, "㉑");
  assert_format(w, "decimalEnclosedCircle", 51, "51");
  assert_format(w, "decimalEnclosedParen", 2, "⑵");
  assert_format(w, "decimalEnclosedFullstop", 1, "⒈");
  assert_format(w, "chicago", 5, "5"); /* unknown to us: decimal */
  ty_wnum_free(w);
}

static const char NUMBERING[] =
    "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/"
    "wordprocessingml/2006/main\">"
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%1.%2.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt "
    "w:val=\"lowerLetter\"/>"
    "<w:lvlRestart w:val=\"1\"/><w:lvlText w:val=\"(%3)\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride>"
    "</w:num></w:numbering>";

/* The labels of a run of (numId, ilvl) paragraphs, joined by '|'. */
static void assert_labels(ty_wnum *w, const int (*p)[2], int n,
                          const char *want) {
  ty_buf b = {0};
  for (int i = 0; i < n; i++) {
    if (i) ty_buf_putc(&b, '|');
    ty_wnum_next(w, p[i][0], p[i][1], &b);
  }
  assert_string_equal(b.p, want);
  ty_buf_free(&b);
}

static void test_wordnum_counters_levels_restarts_and_overrides(void **state) {
  ty_wnum *w = ty_wnum_load(NUMBERING, sizeof NUMBERING - 1);
  /* %1.%2. shows the level above; levels below restart; an instance of
   * the same abstract numbering continues it; (%3) restarts only after
   * level 1 (lvlRestart 1), not after level 2; a start override begins
   * the list again at 5 */
  static const int paras[][2] = {{1, 0}, {1, 1}, {1, 2}, {1, 1}, {1, 2},
                                 {2, 0}, {2, 1}, {3, 0}, {3, 1}};
  assert_labels(w, paras, 9, "1. |1.1. |(a) |1.2. |(b) |2. |2.1. |5. |5.1. ");
  ty_buf b = {0};
  assert_int_equal(ty_wnum_next(w, 9, 0, &b), 0); /* no such numbering */
  assert_int_equal(ty_wnum_next(w, 1, 12, &b), 0);
  ty_buf_free(&b);
  ty_wnum_free(w);
}

static void test_wordnum_damaged_part_gives_no_numbers(void **state) {
  ty_wnum *w = ty_wnum_load("<w:numbering", 12);
  ty_buf b = {0};
  assert_int_equal(ty_wnum_next(w, 1, 0, &b), 0);
  assert_null(b.p);
  ty_wnum_free(w);
}

/* ---- zip ---------------------------------------------------------------- */

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *p = malloc((size_t)len + 1);
  assert_int_equal(fread(p, 1, (size_t)len, f), (size_t)len);
  fclose(f);
  *n = (size_t)len;
  return p;
}

/* An archive written with the zip helper: two members, one of `big`
 * bytes of zeros (deflated to almost nothing). */
static char *make_zip(size_t big, size_t *n) {
  char path[] = "/tmp/test_office_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  ty_error err = {0};
  ty_zip_writer *zw = ty_zip_create(path, &err);
  assert_non_null(zw);
  assert_int_equal(ty_zip_add(zw, "mimetype", "text/plain", 10, 1, &err), 0);
  char *zeros = calloc(1, big ? big : 1);
  assert_int_equal(ty_zip_add(zw, "big.xml", zeros, big, 0, &err), 0);
  free(zeros);
  assert_int_equal(ty_zip_commit(zw, &err), 0);
  char *bytes = slurp(path, n);
  unlink(path);
  return bytes;
}

static int count_bytes(void *ctx, const char *p, size_t n) {
  *(size_t *)ctx += n;
  return 0;
}

static void test_zip_members_read_within_a_limit(void **state) {
  size_t n;
  char *bytes = make_zip(3 << 20, &n);
  assert_true(n < 100000); /* the zeros deflate */
  ty_error err = {0};
  ty_zip *z = ty_zip_open(bytes, n, "t.zip", &err);
  assert_non_null(z);
  ty_buf b = {0};
  assert_int_equal(ty_zip_read(z, "mimetype", 100, &b, &err), 0);
  assert_string_equal(b.p, "text/plain");
  assert_int_equal(ty_zip_read(z, "absent", 100, &b, &err), 1);
  /* past the limit: refused, whether read whole or streamed */
  assert_int_equal(ty_zip_read(z, "big.xml", 1 << 20, &b, &err), -1);
  assert_non_null(strstr(err.message, "past the limit"));
  size_t seen = 0;
  assert_int_equal(
      ty_zip_stream(z, "big.xml", 1 << 20, count_bytes, &seen, &err), -1);
  assert_non_null(strstr(err.message, "zip bomb"));
  seen = 0;
  assert_int_equal(
      ty_zip_stream(z, "big.xml", 4 << 20, count_bytes, &seen, &err), 0);
  assert_int_equal(seen, 3 << 20);
  ty_buf_free(&b);
  ty_zip_close(z);
  /* cut anywhere: refused when opened */
  for (size_t cut = 0; cut < n; cut += n / 7 + 1) {
    ty_zip *t = ty_zip_open(bytes, cut, "cut.zip", &err);
    assert_null(t);
    assert_non_null(strstr(err.message, "zip archive"));
  }
  free(bytes);
}

/* ---- a DOCX from memory ------------------------------------------------- */

static void test_office_sniff_by_content(void **state) {
  assert_int_equal(ty_office_sniff("PK\003\004rest", 8), 'z');
  assert_int_equal(ty_office_sniff("%PDF-1.7", 8), 'p');
  assert_int_equal(ty_office_sniff("1 text", 6), 0);
  assert_int_equal(ty_office_sniff("PK", 2), 0);
}

/* ---- languages ----------------------------------------------------------- */

/* A document read from an archive of the members name[i] = text[i] (a
 * NULL name ends them). */
static ty_doc *read_archive(const char *const *names, const char *const *texts,
                            ty_lang lang) {
  char path[] = "/tmp/test_office_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  ty_error err = {0};
  ty_zip_writer *zw = ty_zip_create(path, &err);
  assert_non_null(zw);
  for (int i = 0; names[i]; i++)
    assert_int_equal(
        ty_zip_add(zw, names[i], texts[i], strlen(texts[i]), i == 0, &err), 0);
  assert_int_equal(ty_zip_commit(zw, &err), 0);
  size_t n;
  char *bytes = slurp(path, &n);
  unlink(path);
  ty_doc *d = ty_doc_new("lang.zip", lang);
  assert_int_equal(ty_read_office(d, bytes, n, &err), 0);
  free(bytes);
  return d;
}

/* The language each clause is marked in ("-" for none), space-separated. */
static void langs_of(const ty_doc *d, char *out, size_t cap) {
  out[0] = '\0';
  for (size_t i = 0; i < d->ncl; i++) {
    if (i) strncat(out, " ", cap - strlen(out) - 1);
    strncat(out, d->cl[i].lang ? d->cl[i].lang : "-", cap - strlen(out) - 1);
  }
}

static void test_docx_run_languages_mark_clauses(void **state) {
  (void)state;
  static const char *const names[] = {"[Content_Types].xml", "_rels/.rels",
                                      "word/document.xml", NULL};
  static const char *const texts[] = {
      "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats."
      "org/package/2006/content-types\"/>",
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
      "openxmlformats.org/package/2006/relationships\"><Relationship "
      "Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
      "2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
      "</Relationships>",
      "<?xml version=\"1.0\"?>"
      "<w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
      "main\">"
      "<w:body>"
      /* Japanese characters take w:eastAsia, however w:val reads */
      "<w:p><w:r><w:rPr><w:lang w:val=\"en-US\" w:eastAsia=\"ja-JP\"/>"
      "</w:rPr><w:t>1. 日本語の条項です。</w:t></w:r></w:p>"
      "<w:p><w:r><w:rPr><w:lang w:val=\"en-GB\"/></w:rPr><w:t>"
      "2. Kept in English.</w:t></w:r></w:p>"
      /* a name in English inside a Japanese sentence */
      "<w:p><w:r><w:rPr></w:rPr><w:t>3. </w:t></w:r><w:r><w:rPr>"
      "<w:lang w:val=\"en-US\"/></w:rPr><w:t>Debian</w:t></w:r><w:r>"
      "<w:rPr></w:rPr><w:t>は自由なオペレーティングシステムを作る団体です。</"
      "w:t></w:r>"
      "</w:p>"
      /* a table row: its cells together */
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr></w:rPr><w:t>4.</w:t>"
      "</w:r></w:p></w:tc><w:tc><w:p><w:r><w:rPr>"
      "<w:lang w:val=\"en-US\"/></w:rPr><w:t>Licensed under the GPL."
      "</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
      /* not the text's: the paragraph mark's language, a change's old one */
      "<w:p><w:pPr><w:rPr><w:lang w:val=\"fr-FR\"/></w:rPr></w:pPr>"
      "<w:r><w:rPr><w:rPrChange><w:rPr><w:lang w:val=\"de-DE\"/>"
      "</w:rPr></w:rPrChange></w:rPr><w:t>5. Reste.</w:t></w:r>"
      "</w:p>"
      "</w:body></w:document>"};
  ty_doc *d = read_archive(names, texts, TY_JA);
  char langs[128];
  langs_of(d, langs, sizeof langs);
  assert_string_equal(langs, "- en-GB - en-US -");
  ty_doc_free(d);
  /* on the English side, English marks nothing, Japanese does */
  d = read_archive(names, texts, TY_EN);
  langs_of(d, langs, sizeof langs);
  assert_string_equal(langs, "ja-JP - - - -");
  ty_doc_free(d);
}

static void test_odt_automatic_styles_mark_clauses(void **state) {
  (void)state;
  static const char *const names[] = {"mimetype", "content.xml", NULL};
  static const char *const texts[] = {
      "application/vnd.oasis.opendocument.text",
      "<?xml version=\"1.0\"?><office:document-content "
      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
      "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:"
      "1.0\"><office:automatic-styles>"
      "<style:style style:name=\"P1\" style:family=\"paragraph\">"
      "<style:text-properties fo:language=\"en\" fo:country=\"US\"/>"
      "</style:style>"
      "<style:style style:name=\"T1\" style:family=\"text\">"
      "<style:text-properties fo:language=\"en\" fo:country=\"GB\"/>"
      "</style:style>"
      "<style:style style:name=\"T2\" style:family=\"text\">"
      "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
      "<style:style style:name=\"T3\" style:family=\"text\">"
      "<style:text-properties style:language-asian=\"ja\" "
      "style:country-asian=\"JP\"/></style:style>"
      "</office:automatic-styles><office:body><office:text>"
      "<text:p>1. 日本語の条項です。</text:p>"
      "<text:p text:style-name=\"P1\">2. Kept in English.</text:p>"
      "<text:p>3. <text:span text:style-name=\"T1\">Copyright the "
      "<text:span text:style-name=\"T2\">Free Software</text:span> "
      "Foundation</text:span></text:p>"
      "<text:p>4. <text:span text:style-name=\"T1\">Debian</text:span>"
      "は自由なオペレーティングシステムを作る団体です。</text:p>"
      "<text:p text:style-name=\"P1\">5. <text:span "
      "text:style-name=\"T3\">日本語の文です。</text:span></text:p>"
      "</office:text></office:body></office:document-content>"};
  ty_doc *d = read_archive(names, texts, TY_JA);
  char langs[128];
  langs_of(d, langs, sizeof langs);
  /* a paragraph's style, a span's (inherited by the span inside it), a
   * name in a Japanese sentence, Japanese characters by the Asian slot */
  assert_string_equal(langs, "- en-US en-GB - -");
  ty_doc_free(d);
}

/* The language of most of a paragraph, as the readers chose it before the
 * paragraph's bytes could spare counting its text: the unmarked
 * characters (all but the blanks, less the marked) against each tally. */
static const char *para_lang_by_counting(const ty_office_langs *c,
                                         const char *text, size_t n) {
  size_t all = 0;
  for (size_t i = 0; i < n; i++)
    all += text[i] != ' ' && text[i] != '\n' &&
           ((unsigned char)text[i] & 0xC0) != 0x80;
  size_t most = all > c->marked ? all - c->marked : 0;
  const char *best = NULL;
  for (int i = 0; i < c->n; i++)
    if (c->v[i].chars > most) {
      most = c->v[i].chars;
      best = c->v[i].lang;
    }
  return best;
}

/* Paragraphs and table rows of runs marked in up to eleven languages (a
 * row's tallies keep eight), some unmarked, some with a number written
 * before them: ty_office_para_lang, which counts the text only when the
 * unmarked characters could outnumber a language, gives the language the
 * count gives. */
static void test_office_para_lang_as_counting_the_text(void **state) {
  (void)state;
  static const char *const pieces[] = {
      "日本語の",    "Kept in ", "  ", "第1条 ",
      "\t",          "１２３",   "é",  "\xF0\xA0\x80\x8B",
      "(3)",         "国際",     "a",  "",
      "平和と安定 ", "GPL"};
  static const char *const tags[] = {"en", "ja", "fr", "de", "zh", "ko",
                                     "es", "it", "pt", "ru", "nl"};
  ty_arena arena = {0};
  ty_office_text t = {0};
  t.arena = &arena;
  srand(12);
  for (int round = 0; round < 4000; round++) {
    ty_office_langs row = {0};
    ty_buf rowtext = {0};
    int cells = round % 3 ? 1 : 1 + rand() % 4;
    int nlangs = 1 + rand() % 11;
    for (int cell = 0; cell < cells; cell++) {
      ty_office_langs c = {0};
      ty_buf text = {0};
      int runs = rand() % 6;
      for (int r = 0; r < runs; r++) {
        const char *slot[2] = {NULL, NULL};
        for (int j = 0; j < 2; j++)
          if (rand() % 3)
            slot[j] = ty_office_lang(&t, tags[rand() % nlangs], NULL);
        ty_buf run = {0};
        for (int k = rand() % 5; k >= 0; k--)
          ty_buf_puts(&run, pieces[rand() % (sizeof pieces / sizeof *pieces)]);
        ty_office_chars(&text, run.p ? run.p : "", run.n);
        if (slot[0] || slot[1])
          ty_office_count(&t, &c, slot, run.p ? run.p : "", run.n);
        ty_buf_free(&run);
      }
      const char *s = text.p ? text.p : "";
      if (cells > 1) {
        ty_office_langs_merge(&row, &c);
        ty_office_cell(&rowtext, s, text.n);
      } else {
        const char *want = para_lang_by_counting(&c, s, text.n);
        assert_ptr_equal(ty_office_para_lang(&c, s, text.n), want);
        assert_int_equal(c.n, 0);
      }
      ty_buf_free(&text);
    }
    if (cells > 1) {
      const char *s = rowtext.p ? rowtext.p : "";
      const char *want = para_lang_by_counting(&row, s, rowtext.n);
      assert_ptr_equal(ty_office_para_lang(&row, s, rowtext.n), want);
    }
    ty_buf_free(&rowtext);
  }
  /* a cell in nine languages: the row's tallies keep eight, and the
   * ninth's many characters are unmarked in the row */
  ty_office_langs cell = {0}, row = {0};
  ty_buf text = {0};
  for (int i = 0; i < 9; i++) {
    const char *run = i < 8 ? "a" : "日本語日本語日本語";
    const char *slot[2] = {ty_office_lang(&t, tags[i], NULL),
                           ty_office_lang(&t, tags[i], NULL)};
    ty_office_chars(&text, run, strlen(run));
    ty_office_count(&t, &cell, slot, run, strlen(run));
  }
  ty_office_langs_merge(&row, &cell);
  assert_null(ty_office_para_lang(&row, text.p, text.n));
  ty_buf_free(&text);
  free(t.tags);
  free(t.japanese);
  ty_arena_free(&arena);
}

/* A tag is interned once, however it is spelt to ty_office_lang (with a
 * country or as one string), and one too long is kept cut to 63 bytes,
 * found again as the same tag. */
static void test_office_lang_tags_interned_once(void **state) {
  (void)state;
  ty_arena arena = {0};
  ty_office_text t = {0};
  t.arena = &arena;
  const char *us = ty_office_lang(&t, "en", "US");
  assert_string_equal(us, "en-US");
  assert_ptr_equal(ty_office_lang(&t, "en-US", NULL), us);
  assert_ptr_equal(ty_office_lang(&t, "en-US", ""), us);
  assert_ptr_not_equal(ty_office_lang(&t, "en", NULL), us);
  assert_null(ty_office_lang(&t, "zxx", NULL));
  assert_null(ty_office_lang(&t, "", "US"));
  char lang[80];
  memset(lang, 'a', sizeof lang - 1);
  lang[sizeof lang - 1] = '\0';
  const char *cut = ty_office_lang(&t, lang, NULL);
  assert_int_equal(strlen(cut), 63);
  assert_ptr_equal(ty_office_lang(&t, lang, NULL), cut);
  lang[63] = '\0';
  assert_ptr_equal(ty_office_lang(&t, lang, NULL), cut);
  assert_int_equal(t.ntags, 3);
  free(t.tags);
  free(t.japanese);
  ty_arena_free(&arena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_wordnum_formats_as_word_shows),
      cmocka_unit_test(test_wordnum_counters_levels_restarts_and_overrides),
      cmocka_unit_test(test_wordnum_damaged_part_gives_no_numbers),
      cmocka_unit_test(test_zip_members_read_within_a_limit),
      cmocka_unit_test(test_office_sniff_by_content),
      cmocka_unit_test(test_docx_run_languages_mark_clauses),
      cmocka_unit_test(test_odt_automatic_styles_mark_clauses),
      cmocka_unit_test(test_office_para_lang_as_counting_the_text),
      cmocka_unit_test(test_office_lang_tags_interned_once),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
