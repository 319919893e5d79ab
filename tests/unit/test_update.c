/* test_update.c — the update stage: word diffs by ICU word boundaries
 * (Japanese by word, English by word, long and equal texts), version
 * matching (moved down, 削除, の二, a key reused for other text, repeated
 * headings), statuses and the translation beside each entry. */
/* cmocka.h needs these first; the blank lines keep include sorting from
 * reordering the groups */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "update.h"

#include "outline_support.h"

/* The diff of a -> b written as "=same -old +new " pieces. */
static void diff_string(ty_lang lang, const char *a, const char *b, char *out,
                        size_t cap) {
  ty_worder *w = ty_worder_new(lang);
  ty_diffs d = {0};
  ty_word_diff(w, a, strlen(a), b, strlen(b), &d);
  out[0] = '\0';
  for (size_t k = 0; k < d.n; k++) {
    const char *s = d.v[k].op == TY_DIFF_INSERT ? b : a;
    char piece[512];
    snprintf(piece, sizeof piece, "%c%.*s|", "=-+"[d.v[k].op], (int)d.v[k].len,
             s + d.v[k].off);
    strncat(out, piece, cap - strlen(out) - 1);
  }
  free(d.v);
  ty_worder_free(w);
}

static void test_update_diff_english_by_word(void **state) {
  (void)state;
  char got[1024];
  diff_string(TY_EN, "The Chairman has a casting vote.",
              "The Chair has a casting vote.", got, sizeof got);
  assert_string_equal(got, "=The |-Chairman|+Chair|= has a casting vote.|");
}

static void test_update_diff_japanese_by_word(void **state) {
  (void)state;
  char got[1024];
  /* ICU's dictionary splits 講ずる|よう|努め: the change is words, not
   * the characters that happen to differ */
  diff_string(TY_JA, "国は、施策を講ずるよう努めなければならない。",
              "国及び地方公共団体は、施策を講じなければならない。", got,
              sizeof got);
  assert_string_equal(got, "=国|+及び地方公共団体|=は、施策を|-講ずるよう努め|"
                           "+講じ|=なければならない。|");
}

static void test_update_diff_equal_and_empty(void **state) {
  (void)state;
  char got[1024];
  diff_string(TY_EN, "same text", "same text", got, sizeof got);
  assert_string_equal(got, "=same text|");
  diff_string(TY_EN, "", "new words", got, sizeof got);
  assert_string_equal(got, "+new words|");
  diff_string(TY_EN, "old words", "", got, sizeof got);
  assert_string_equal(got, "-old words|");
}

/* Pieces put back together give both texts, however long (past the bound
 * on D the middle is one deletion and one insertion). */
static void test_update_diff_rebuilds_both_texts(void **state) {
  (void)state;
  ty_buf a = {0}, b = {0};
  for (int i = 0; i < 3000; i++) {
    ty_buf_printf(&a, "w%d ", i);
    ty_buf_printf(&b, "w%d ", i % 7 ? i : -i);
  }
  ty_worder *w = ty_worder_new(TY_EN);
  ty_diffs d = {0};
  ty_word_diff(w, a.p, a.n, b.p, b.n, &d);
  ty_buf ra = {0}, rb = {0};
  for (size_t k = 0; k < d.n; k++) {
    if (d.v[k].op != TY_DIFF_INSERT)
      ty_buf_put(&ra, a.p + d.v[k].off, d.v[k].len);
    if (d.v[k].op == TY_DIFF_EQUAL)
      ty_buf_put(&rb, a.p + d.v[k].off, d.v[k].len);
    if (d.v[k].op == TY_DIFF_INSERT)
      ty_buf_put(&rb, b.p + d.v[k].off, d.v[k].len);
  }
  assert_int_equal(ra.n, a.n);
  assert_memory_equal(ra.p, a.p, a.n);
  assert_int_equal(rb.n, b.n);
  assert_memory_equal(rb.p, b.p, b.n);
  ty_buf_free(&a);
  ty_buf_free(&b);
  ty_buf_free(&ra);
  ty_buf_free(&rb);
  free(d.v);
  ty_worder_free(w);
}

static void test_update_deleted_marks(void **state) {
  (void)state;
  assert_true(ty_is_deleted_text("削除", strlen("削除")));
  assert_true(ty_is_deleted_text("（削除）", strlen("（削除）")));
  assert_true(ty_is_deleted_text("Deleted.", 8));
  assert_true(ty_is_deleted_text("[Repealed]", 10));
  assert_false(ty_is_deleted_text("削除する", strlen("削除する")));
  assert_false(ty_is_deleted_text("", 0));
}

/* Entries of an update as "key<old_key:status" (old_key left out when
 * the same), space-separated. */
static void statuses(const char *old_text, const char *new_text,
                     const char *trans_text, ty_lang src, char *out,
                     size_t cap) {
  ty_lang tl = src == TY_JA ? TY_EN : TY_JA;
  ty_doc *o = parse_as(old_text, "old.txt", src);
  ty_doc *n = parse_as(new_text, "new.txt", src);
  ty_doc *t = parse_as(trans_text, "trans.txt", tl);
  ty_error err = {0};
  ty_update *up = ty_update_new(o, n, t, NULL, &err);
  assert_non_null(up);
  out[0] = '\0';
  for (size_t k = 0; k < up->n; k++) {
    const ty_update_entry *e = &up->v[k];
    char piece[128];
    const char *key = e->new_.present ? e->new_.key : e->old.key;
    if (e->old.present && strcmp(e->old.key, key))
      snprintf(piece, sizeof piece, "%s<%s:%s ", key, e->old.key,
               ty_change_name(e->status));
    else
      snprintf(piece, sizeof piece, "%s:%s ", key, ty_change_name(e->status));
    strncat(out, piece, cap - strlen(out) - 1);
  }
  ty_update_free(up);
  ty_doc_free(o);
  ty_doc_free(n);
  ty_doc_free(t);
}

static const char law_en[] =
    "Article 1 One.\nArticle 2 Two.\nArticle 3 Three.\n"
    "Article 4 Four.\n";

static void test_update_article_moved_down_keeps_identity(void **state) {
  (void)state;
  char got[1024];
  statuses("第一条　甲は乙とする。\n第二条　丙は丁とする。\n第三条　戊は己とす"
           "る。\n",
           "第一条　甲は乙とする。\n第二条　新たに加える規定とする。\n"
           "第三条　丙は丁とする。\n第四条　戊は己とする。\n",
           law_en, TY_JA, got, sizeof got);
  assert_string_equal(got, "1:unchanged 2:new 3<2:renumbered 4<3:renumbered ");
}

static void test_update_deleted_article_and_branch_insertion(void **state) {
  (void)state;
  char got[1024];
  statuses("第一条　甲は乙とする。\n第二条　丙は丁とする。\n第三条　戊は己とす"
           "る。\n",
           "第一条　甲は乙とする。\n第二条　削除\n第三条　戊は己とする。\n"
           "第三条の二　庚は辛とする。\n",
           law_en, TY_JA, got, sizeof got);
  assert_string_equal(got, "1:unchanged 2:deleted 3:unchanged 3-2:new ");
}

/* A clause reworded in place stays itself; one that is gone is listed
 * after the clause before it. */
static void test_update_reworded_and_gone(void **state) {
  (void)state;
  char got[1024];
  statuses("1. The Chairman decides.\n2. The Secretary counts.\n"
           "3. The Leader appoints.\n",
           "1. The Chair decides.\n2. The Leader appoints.\n",
           "1. 議長が決める。\n2. 書記が数える。\n3. リーダが任命する。\n",
           TY_EN, got, sizeof got);
  assert_string_equal(got, "1:changed 2:deleted 2<3:renumbered ");
}

/* Headings repeated under several numbers ("Powers") are not unique, so
 * they are paired by key inside the gaps the unique texts leave. */
static void test_update_repeated_headings_pair_by_key(void **state) {
  (void)state;
  char got[1024];
  statuses("1. Leader\n1.1. Powers\nThe Leader may appoint.\n"
           "2. Secretary\n2.1. Powers\nThe Secretary may count.\n",
           "1. Leader\n1.1. Powers\nThe Leader may appoint Delegates.\n"
           "2. Secretary\n2.1. Powers\nThe Secretary may count.\n",
           "1. リーダ\n1.1. 権限\nリーダは任命できる。\n"
           "2. 書記\n2.1. 権限\n書記は数えられる。\n",
           TY_EN, got, sizeof got);
  assert_string_equal(got,
                      "1:unchanged 1.1:changed 2:unchanged 2.1:unchanged ");
}

static void test_update_translation_beside_each_entry(void **state) {
  (void)state;
  ty_doc *o = parse_as("1. The Chairman decides.\n2. The Secretary counts.\n",
                       "old.txt", TY_EN);
  ty_doc *n =
      parse_as("1. The Chair decides.\n2. The Secretary counts.\n3. New.\n",
               "new.txt", TY_EN);
  ty_doc *t =
      parse_as("1. 議長が決める。\n2. 書記が数える。\n", "ja.txt", TY_JA);
  ty_error err = {0};
  ty_update *up = ty_update_new(o, n, t, NULL, &err);
  assert_non_null(up);
  assert_int_equal(up->n, 3);
  assert_string_equal(up->v[0].trans.text, "議長が決める。");
  assert_string_equal(up->v[1].trans.text, "書記が数える。");
  assert_false(up->v[2].trans.present);
  assert_true(ty_update_needs_work(up));
  ty_update_summary s;
  ty_update_get_summary(up, &s);
  assert_int_equal(s.changed, 1);
  assert_int_equal(s.new_, 1);
  assert_int_equal(s.unchanged, 1);
  ty_update_free(up);
  /* two documents in one language are refused */
  assert_null(ty_update_new(o, n, n, NULL, &err));
  assert_int_equal(err.code, TY_ERR_USAGE);
  ty_doc_free(o);
  ty_doc_free(n);
  ty_doc_free(t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_update_diff_english_by_word),
      cmocka_unit_test(test_update_diff_japanese_by_word),
      cmocka_unit_test(test_update_diff_equal_and_empty),
      cmocka_unit_test(test_update_diff_rebuilds_both_texts),
      cmocka_unit_test(test_update_deleted_marks),
      cmocka_unit_test(test_update_article_moved_down_keeps_identity),
      cmocka_unit_test(test_update_deleted_article_and_branch_insertion),
      cmocka_unit_test(test_update_reworded_and_gone),
      cmocka_unit_test(test_update_repeated_headings_pair_by_key),
      cmocka_unit_test(test_update_translation_beside_each_entry),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
