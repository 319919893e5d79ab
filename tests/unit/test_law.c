/* test_law.c — statutes: grouping keys, articles across chapters,
 * paragraphs and items, captions, branch numbers, supplementary
 * provisions, appended tables; the e-Gov XML reader against the plain
 * text of the same law; the Constitution of Japan against its official
 * translation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "outline_support.h"

/* The fixtures sit beside this file's directory whatever the cwd of the
 * run, as long as it was compiled from the repository root or by path. */
static const char *fixture(const char *name) {
  static char path[1024];
  const char *here = __FILE__;
  const char *slash = strrchr(here, '/');
  int dir = slash ? (int)(slash - here) : 0;
  snprintf(path, sizeof path, "%.*s%s../fixtures/%s", dir, here,
           slash ? "/" : "", name);
  return path;
}

static ty_doc *load(const char *name, ty_lang lang) {
  ty_error err = {0};
  ty_doc *d = ty_doc_read(fixture(name), lang, NULL, &err);
  if (!d) fail_msg("%s: %s", name, err.message);
  return d;
}

/* Findings of a code on one key. */
static int count_on(const ty_doc *d, ty_code code, const char *key) {
  int n = 0;
  for (size_t i = 0; i < d->findings.n; i++)
    n +=
        d->findings.v[i].code == code && strcmp(d->findings.v[i].key, key) == 0;
  return n;
}

static const ty_clause *by_key(const ty_doc *d, const char *key) {
  for (size_t i = 0; i < d->ncl; i++)
    if (strcmp(d->cl[i].key, key) == 0) return &d->cl[i];
  return NULL;
}

/* A flattened clause text in a static buffer. */
static const char *flat(const ty_clause *c) {
  static char out[4096];
  ty_buf b = {0};
  ty_clause_flat_text(c, &b);
  snprintf(out, sizeof out, "%s", b.p ? b.p : "");
  ty_buf_free(&b);
  return out;
}

/* The number matcher alone over two documents (the content stage after it
 * is another module's). */
typedef struct matched {
  ty_alignment al;
  int numbered, missing_en, missing_ja;
} matched;

static void match(matched *m, ty_doc *ja, ty_doc *en) {
  memset(m, 0, sizeof *m);
  m->al.ja = ja;
  m->al.en = en;
  ty_match(&m->al);
  for (size_t i = 0; i < m->al.npairs; i++) {
    const ty_pair *p = &m->al.pairs[i];
    m->numbered += p->status == TY_PAIR_MATCHED;
    m->missing_en +=
        p->status == TY_PAIR_MISSING_EN && !(ja->cl[p->ja].flags & TY_CL_FRONT);
    m->missing_ja +=
        p->status == TY_PAIR_MISSING_JA && !(en->cl[p->en].flags & TY_CL_FRONT);
  }
}

static void match_free(matched *m) {
  free(m->al.pairs);
  free(m->al.sents);
  free(m->al.findings.v);
  ty_arena_free(&m->al.arena);
}

/* The pair holding the Japanese clause of `key`, or NULL. */
static const ty_pair *pair_of(const matched *m, const char *key) {
  for (size_t i = 0; i < m->al.npairs; i++) {
    const ty_pair *p = &m->al.pairs[i];
    if (p->ja >= 0 && strcmp(m->al.ja->cl[p->ja].key, key) == 0) return p;
  }
  return NULL;
}

/* ---- numbering forms laws use ------------------------------------------ */

static void test_law_numbering_forms(void **s) {
  (void)s;
  ty_marker m;
  const char *spaced = "附　則";
  assert_int_equal(ty_number_parse(spaced, strlen(spaced), &m), 1);
  assert_int_equal(m.kind, TY_K_JA_SUPPL);
  assert_int_equal(m.label_len, strlen(spaced));
  const char *branch = "第二章の二　雑則";
  assert_int_equal(ty_number_parse(branch, strlen(branch), &m), 1);
  assert_int_equal(m.kind, TY_K_JA_CHAPTER);
  assert_int_equal(m.ordinal, 2);
  assert_int_equal(m.branch, 2);
  const char *en = "Chapter II-2 Miscellaneous Provisions";
  assert_int_equal(ty_number_parse(en, strlen(en), &m), 1);
  assert_int_equal(m.kind, TY_K_EN_CHAPTER);
  assert_int_equal(m.ordinal, 2);
  assert_int_equal(m.branch, 2);
  /* a range in a table of contents takes no branch */
  const char *range = "第四条―第二十条の二";
  assert_int_equal(ty_number_parse(range, strlen(range), &m), 1);
  assert_int_equal(m.ordinal, 4);
  assert_int_equal(m.branch, 0);
  /* citations in running text are no markers */
  const char *cite = "paragraph (1) of Article 7 applies";
  assert_int_equal(ty_number_parse(cite, strlen(cite), &m), 0);
  const char *cite2 = "Article 7, paragraph (1) applies";
  assert_int_equal(ty_number_parse(cite2, strlen(cite2), &m), 0);
}

/* ---- statute keys ---------------------------------------------------------
 */

static void test_law_articles_numbered_across_chapters(void **s) {
  (void)s;
  ty_doc *d = parse("第一章　総則\n第一条　a\n第二条　b\n第二章　雑則\n"
                    "第三条　c\n",
                    TY_JA);
  char got[512];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "ch1 1 2 ch2 3");
  /* article 3 under chapter 2 is no gap */
  assert_int_equal(count_code(d, TY_NUMBERING_GAP), 0);
  assert_int_equal(d->cl[4].parent, 3);
  ty_doc_free(d);
}

static void test_law_grouping_keys_nest(void **s) {
  (void)s;
  assert_keys("第一編　総則\n第一章　通則\n第一節　目的\n第一款　x\n第一目　y\n"
              "第一条　a\n第二章の二　z\n第二条　b\n第二編　各則\n第一章　w\n"
              "第三条　c\n",
              "pt1 pt1.ch1 pt1.ch1.sec1 pt1.ch1.sec1.sub1 "
              "pt1.ch1.sec1.sub1.div1 1 pt1.ch2-2 2 pt2 pt2.ch1 3");
}

static void test_law_paragraphs_and_items(void **s) {
  (void)s;
  /* one paragraph: items are cited 第七条第三号 */
  assert_keys("第七条　x\n一　a\n二　b\n三　c\n第八条　y\n", "7 7.1 7.2 7.3 8");
  /* several: the first paragraph's items are under paragraph 1 */
  assert_keys("第五条　x\n一　a\nイ　aa\nロ　ab\n二　b\n○２　y\n一　c\n３　z\n",
              "5 5.1.1 5.1.1.1 5.1.1.2 5.1.2 5.2 5.2.1 5.3");
  ty_doc *d = parse("第一条　x\n○２　y\n○３　z\n", TY_JA);
  assert_int_equal(count_code(d, TY_NUMBERING_GAP), 0);
  ty_doc_free(d);
}

static void test_law_english_paragraphs(void **s) {
  (void)s;
  const char *inline_one = "Article 5  (1) X\n(i) a\n(a) aa\n(b) ab\n(ii) b\n"
                           "(2) Y\n(i) c\n(3) Z\nArticle 6  W\n";
  ty_doc *d = parse(inline_one, TY_EN);
  char got[512];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "5 5.1.1 5.1.1.1 5.1.1.2 5.1.2 5.2 5.2.1 5.3 6");
  assert_int_equal((int)d->cl[0].label_len, (int)strlen("Article 5  (1)"));
  assert_string_equal(flat(&d->cl[0]), "X");
  ty_doc_free(d);
  /* "(1)" on its own line under an article with no text */
  d = parse("Article 5\n(1) X\n(i) a\n(2) Y\nArticle 6  W\n", TY_EN);
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "5 5.1.1 5.2 6");
  assert_string_equal(flat(&d->cl[0]), "X");
  ty_doc_free(d);
  /* a list numbered (1) inside a subitem is not a paragraph */
  assert_keys("Article 5  (1) X\n(i) a\n(a) aa\n(1) deep\n(2) deeper\n"
              "(2) Y\n",
              "5 5.1.1 5.1.1.1 5.1.1.1.1 5.1.1.1.2 5.2");
  /* a citation wrapped to the start of a line stays text */
  d = parse("Article 5  X applies as in paragraph\n(2) of Article 4.\n"
            "Article 6  Y\n",
            TY_EN);
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "5 6");
  ty_doc_free(d);
}

static void test_law_captions_belong_to_articles(void **s) {
  (void)s;
  ty_doc *d = parse("第一章　総則\n（目的）\n第一条　この法律は、x。\n"
                    "（定義）\n第二条　y\n一　a\n（経過措置）\n第三条　z\n",
                    TY_JA);
  const ty_clause *ch = by_key(d, "ch1"), *a1 = by_key(d, "1"),
                  *i1 = by_key(d, "2.1"), *a3 = by_key(d, "3");
  assert_non_null(a1);
  assert_string_equal(flat(ch), "総則");
  assert_string_equal(flat(a1), "（目的）\nこの法律は、x。");
  assert_int_equal(a1->line, 3);
  assert_int_equal(ch->end_line, 1);
  /* the caption leaves the item above it */
  assert_string_equal(flat(i1), "a");
  assert_string_equal(flat(a3), "（経過措置）\nz");
  ty_doc_free(d);
  /* before the first article: no front-matter paragraph of its own */
  d = parse("（趣旨）\n第一条　a\n第二条　b\n", TY_JA);
  char got[256];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "1 2");
  assert_string_equal(flat(&d->cl[0]), "（趣旨）\na");
  ty_doc_free(d);
  d = parse("(Purpose)\nArticle 1  A\n\n(Definitions)\nArticle 2  B\n", TY_EN);
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "1 2");
  assert_string_equal(flat(&d->cl[1]), "(Definitions)\nB");
  ty_doc_free(d);
}

static void test_law_branch_articles_are_peers(void **s) {
  (void)s;
  assert_keys("第十条　a\n第十条の二　b\n○２　c\n第十一条　d\n",
              "10 10-2 10-2.2 11");
  ty_doc *d =
      parse("Article 10  A\nArticle 10-2  B\n(2) C\nArticle 11  D\n", TY_EN);
  char got[256];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "10 10-2 10-2.2 11");
  assert_int_equal(count_code(d, TY_NUMBERING_ORDER), 0);
  assert_int_equal(count_on(d, TY_NUMBERING_GAP, "10-2.2"), 0);
  assert_int_equal(count_on(d, TY_NUMBERING_GAP, "11"), 0);
  ty_doc_free(d);
}

static void test_law_supplementary_provisions_restart(void **s) {
  (void)s;
  ty_doc *d =
      parse("第一条　a\n第二条　b\n附　則\n第一条　c\n○２　d\n第二条　e\n"
            "附　則　（令和十年法律第一号）\n"
            "この法律は、公布の日から施行する。\n"
            "別表第一\n別表第二\n",
            TY_JA);
  char got[512];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "1 2 suppl suppl:1 suppl:1.2 suppl:2 suppl2 "
                           "table1 table2");
  assert_int_equal(count_code(d, TY_DUPLICATE_NUMBER), 0);
  assert_int_equal(count_code(d, TY_NUMBERING_ORDER), 0);
  ty_doc_free(d);
  /* supplementary provisions made of numbered paragraphs */
  assert_keys("第一条　a\n第二条　b\n附　則\n１　c\n２　d\n",
              "1 2 suppl suppl:1 suppl:2");
  d = parse(
      "Article 1  A\nArticle 2  B\nSupplementary Provisions\n(1) C\n(2) D\n"
      "Appended Table 1\n",
      TY_EN);
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "1 2 suppl suppl:1 suppl:2 table1");
  ty_doc_free(d);
}

static void test_law_table_of_contents_dropped(void **s) {
  (void)s;
  ty_doc *d = parse("目次\n　第一章　総則（第一条・第二条）\n"
                    "　第二章　雑則（第三条）\n　附則\n"
                    "第一章　総則\n第一条　a\n第二条　b\n第二章　雑則\n"
                    "第三条　c\n附　則\nこの法律は、x。\n",
                    TY_JA);
  char got[512];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "ch1 1 2 ch2 3 suppl"); /* 目次 went with it */
  assert_int_equal(by_key(d, "ch1")->line, 5);
  assert_int_equal(by_key(d, "ch1")->depth, 1);
  assert_int_equal(count_code(d, TY_DUPLICATE_NUMBER), 0);
  ty_doc_free(d);
}

/* ---- the e-Gov XML reader ----------------------------------------------- */

static void test_law_xml_gives_the_plain_text_keys(void **s) {
  (void)s;
  ty_doc *txt = load("law/ja.txt", TY_JA), *xml = load("law/ja.xml", TY_JA);
  char kt[4096], kx[4096];
  keys_of(txt, kt, sizeof kt);
  keys_of(xml, kx, sizeof kx);
  assert_string_equal(kx, kt);
  assert_int_equal(xml->ncl, txt->ncl);
  for (size_t i = 0; i < txt->ncl; i++) {
    const ty_clause *a = &txt->cl[i], *b = &xml->cl[i];
    assert_int_equal(a->parent, b->parent);
    assert_int_equal(a->depth, b->depth);
    /* the label as written, the same text (front matter too) */
    assert_int_equal(a->label_len, b->label_len);
    if (a->label_len) assert_memory_equal(a->label, b->label, a->label_len);
    char ta[4096];
    snprintf(ta, sizeof ta, "%s", flat(a));
    assert_string_equal(flat(b), ta);
  }
  const ty_clause *b52 = by_key(xml, "5-2");
  assert_non_null(b52);
  assert_int_equal((int)b52->label_len, (int)strlen("第五条の二"));
  assert_memory_equal(b52->label, "第五条の二", b52->label_len);
  assert_int_equal(b52->line, 139); /* its ArticleTitle */
  assert_int_equal(xml->findings.n, 0);
  ty_doc_free(txt);
  ty_doc_free(xml);
}

static void test_law_test_law_pairs_every_clause(void **s) {
  (void)s;
  const char *ja_forms[] = {"law/ja.txt", "law/ja.xml"};
  for (int f = 0; f < 2; f++) {
    ty_doc *ja = load(ja_forms[f], TY_JA), *en = load("law/en.txt", TY_EN);
    matched m;
    match(&m, ja, en);
    assert_int_equal(m.missing_en, 0);
    assert_int_equal(m.missing_ja, 0);
    /* 3 chapters and sections, 8 articles and 2 of the supplementary
     * provisions, 2 paragraphs, 7 items and subitems, the provisions */
    assert_int_equal(m.numbered, 24);
    assert_int_equal(ja->findings.n, 0);
    assert_int_equal(en->findings.n, 0);
    match_free(&m);
    ty_doc_free(ja);
    ty_doc_free(en);
  }
}

static void test_law_xml_errors(void **s) {
  (void)s;
  ty_error err = {0};
  const char *bad = "<Law>\n<LawBody>\n</Law>\n";
  assert_null(ty_doc_parse(bad, strlen(bad), "bad.xml", TY_JA, &err));
  assert_int_equal(err.code, TY_ERR_SYNTAX);
  assert_true(err.line >= 3); /* where the parser saw the end */
  memset(&err, 0, sizeof err);
  const char *other = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>\n";
  assert_null(ty_doc_parse(other, strlen(other), "o.xml", TY_JA, &err));
  assert_non_null(strstr(err.message, "<tmx>"));
  /* a preamble is front matter; Num "10_2" a branch; a lone unnumbered
   * paragraph of supplementary provisions is their text */
  const char *x =
      "<Law><LawNum>N</LawNum><LawBody><LawTitle>T</LawTitle>"
      "<Preamble><Paragraph Num=\"1\"><ParagraphNum/><ParagraphSentence>"
      "<Sentence>前文。</Sentence></ParagraphSentence></Paragraph></Preamble>"
      "<MainProvision><Article Num=\"10_2\"><ArticleTitle>第十条の二"
      "</ArticleTitle><Paragraph Num=\"1\"><ParagraphNum/><ParagraphSentence>"
      "<Sentence>a</Sentence><Sentence>b</Sentence></ParagraphSentence>"
      "</Paragraph></Article></MainProvision>"
      "<SupplProvision><SupplProvisionLabel>附　則</SupplProvisionLabel>"
      "<Paragraph Num=\"1\"><ParagraphNum/><ParagraphSentence><Sentence>"
      "<Ruby>施行<Rt>しこう</Rt></Ruby>する。</Sentence></ParagraphSentence>"
      "</Paragraph></SupplProvision>"
      "<AppdxTable Num=\"1\"><AppdxTableTitle>別表第一</AppdxTableTitle>"
      "<TableStruct><Table><TableRow><TableColumn>x</TableColumn></TableRow>"
      "</Table></TableStruct></AppdxTable></LawBody></Law>";
  ty_doc *d = parse_as(x, "x.xml", TY_JA);
  char got[256];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "front-1 front-2 front-3 10-2 suppl table1");
  assert_string_equal(flat(by_key(d, "10-2")), "ab");
  assert_string_equal(flat(by_key(d, "suppl")), "施行する。");
  assert_string_equal(flat(by_key(d, "table1")), "x");
  ty_doc_free(d);
}

/* ---- the Constitution of Japan ------------------------------------------ */

static void test_law_constitution_of_japan(void **s) {
  (void)s;
  ty_doc *ja = load("corpus/constitution-of-japan/ja.egov.txt", TY_JA);
  ty_doc *en = load("corpus/constitution-of-japan/en.pg612.txt", TY_EN);
  matched m;
  match(&m, ja, en);
  char key[16];
  /* every article but 37 (the English labels it a second 39) by number */
  for (int a = 1; a <= 103; a++) {
    snprintf(key, sizeof key, "%d", a);
    const ty_pair *p = pair_of(&m, key);
    assert_non_null(p);
    assert_int_equal(p->status, a == 37 ? TY_PAIR_MISSING_EN : TY_PAIR_MATCHED);
  }
  for (int c = 1; c <= 11; c++) {
    snprintf(key, sizeof key, "ch%d", c);
    const ty_pair *p = pair_of(&m, key);
    assert_non_null(p);
    assert_int_equal(p->status, TY_PAIR_MATCHED);
  }
  for (int i = 1; i <= 10; i++) {
    snprintf(key, sizeof key, "7.%d", i);
    const ty_pair *p = pair_of(&m, key);
    assert_non_null(p);
    assert_int_equal(p->status, TY_PAIR_MATCHED);
  }
  /* every numbered paragraph (○２ ↔ (2)) */
  int paras = 0;
  for (size_t i = 0; i < ja->ncl; i++) {
    const ty_clause *c = &ja->cl[i];
    if (c->kind != TY_K_ARABIC || c->deco != TY_D_MARU) continue;
    const ty_pair *p = pair_of(&m, c->key);
    if (c->parent >= 0 && strcmp(ja->cl[c->parent].key, "37") == 0) {
      assert_int_equal(p->status, TY_PAIR_MISSING_EN);
      continue;
    }
    assert_int_equal(p->status, TY_PAIR_MATCHED);
    assert_int_equal(en->cl[p->en].kind, TY_K_ARABIC);
    assert_int_equal(en->cl[p->en].deco, TY_D_PAREN);
    paras++;
  }
  assert_int_equal(paras, 55);
  /* ja 39 pairs with the English Article 39 after 38 */
  assert_int_equal(en->cl[pair_of(&m, "39")->en].line, 316);
  assert_int_equal(ja->cl[pair_of(&m, "37")->ja].line, 76);
  assert_int_equal(m.missing_ja, 3); /* the first "39" and its (2), (3) */
  /* the duplicate, with its line and the line it repeats */
  int dup = 0;
  for (size_t i = 0; i < en->findings.n; i++) {
    const ty_finding *f = &en->findings.v[i];
    if (f->code != TY_DUPLICATE_NUMBER) continue;
    dup++;
    assert_string_equal(f->key, "39");
    assert_int_equal(f->en_line, 316);
    assert_non_null(strstr(f->message, "line 295"));
  }
  assert_int_equal(dup, 1);
  assert_int_equal(count_code(ja, TY_NUMBERING_GAP), 0);
  assert_int_equal(count_code(ja, TY_DUPLICATE_NUMBER), 0);
  match_free(&m);
  ty_doc_free(ja);
  ty_doc_free(en);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_law_numbering_forms),
      cmocka_unit_test(test_law_articles_numbered_across_chapters),
      cmocka_unit_test(test_law_grouping_keys_nest),
      cmocka_unit_test(test_law_paragraphs_and_items),
      cmocka_unit_test(test_law_english_paragraphs),
      cmocka_unit_test(test_law_captions_belong_to_articles),
      cmocka_unit_test(test_law_branch_articles_are_peers),
      cmocka_unit_test(test_law_supplementary_provisions_restart),
      cmocka_unit_test(test_law_table_of_contents_dropped),
      cmocka_unit_test(test_law_xml_gives_the_plain_text_keys),
      cmocka_unit_test(test_law_test_law_pairs_every_clause),
      cmocka_unit_test(test_law_xml_errors),
      cmocka_unit_test(test_law_constitution_of_japan),
  };
  return cmocka_run_group_tests_name("law", tests, NULL, NULL);
}
