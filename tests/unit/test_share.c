/* test_share.c — the pairs of an alignment shared out between threads
 * (share.c): shares cover the pairs in order and start only where they
 * may, an alignment made on 2, 3 or 4 threads is the one a single
 * thread makes, findings, sentence pairs and summaries included, and
 * chunks made on threads are written in their order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "share.h"
#include "pair_support.h"

/* English left in three places (developers-reference's kind): the
 * untranslated check keeps a run of clauses across pairs. */
static const char places_ja[] =
    "1 はじめに。\n\n2 Applying to Become a Member\n\n3 メンバーになる。\n\n"
    "4 Package salvaging is the process by which one attempts to save a "
    "package.\n\n5 A package becomes eligible for salvaging when it has "
    "been neglected.\n\n6 パッケージを引き取る。まず確認する。\n\n"
    "7 diffoscope provides in-depth comparison of files, archives, and "
    "directories.\n";
static const char places_en[] =
    "1 Introduction.\n\n2 Applying to Become a Member\n\n3 Becoming a "
    "member.\n\n4 Package salvaging is the process by which one attempts to "
    "save a package.\n\n5 A package becomes eligible for salvaging when it "
    "has been neglected.\n\n6 Salvage the package. Check it first.\n\n"
    "7 diffoscope provides in-depth comparison of files, archives, and "
    "directories.\n";

/* A share may start at a pair whose ja key is odd. */
static int odd_key(const ty_alignment *al, size_t k) {
  return atoi(ty_pair_key(al, &al->pairs[k])) % 2 == 1;
}

static void test_shares_cover_the_pairs_in_order(void **state) {
  (void)state;
  fixture f;
  open_pair(&f, places_ja, places_en, NULL);
  assert_int_equal(f.al->npairs, 7);
  ty_share sh[TY_MAX_SHARES];
  for (int threads = 1; threads <= TY_MAX_SHARES; threads++) {
    size_t n = ty_shares_split(f.al, threads, NULL, sh);
    assert_int_equal(n, (size_t)threads);
    size_t next = 0;
    for (size_t i = 0; i < n; i++) {
      assert_int_equal(sh[i].lo, next);
      assert_true(sh[i].hi > sh[i].lo);
      assert_int_equal(sh[i].view.findings.n, 0);
      assert_int_equal(sh[i].view.nsents, 0);
      next = sh[i].hi;
    }
    assert_int_equal(next, 7);
    ty_shares_merge(f.al, sh, n);
  }
  close_pair(&f);
}

static void test_shares_start_where_the_cut_allows(void **state) {
  (void)state;
  fixture f;
  open_pair(&f, places_ja, places_en, NULL);
  ty_share sh[TY_MAX_SHARES];
  size_t n = ty_shares_split(f.al, 4, odd_key, sh);
  assert_true(n >= 2);
  for (size_t i = 1; i < n; i++)
    assert_true(odd_key(f.al, sh[i].lo));
  assert_int_equal(sh[n - 1].hi, 7);
  ty_shares_merge(f.al, sh, n);
  close_pair(&f);
}

/* The JSON (sentence pairs and findings) of ja and en on `threads`. */
static char *json_on(const char *ja, const char *en, int threads) {
  ty_config *cfg = ty_config_new();
  ty_config_set_threads(cfg, threads);
  fixture f;
  open_pair(&f, ja, en, cfg);
  char *json = NULL;
  size_t n = 0;
  FILE *out = open_memstream(&json, &n);
  ty_render_options ro = {0};
  ro.sentences = 1;
  ty_error err = {0};
  assert_int_equal(ty_render(f.al, TY_FMT_JSON, &ro, out, &err), 0);
  fclose(out);
  close_pair(&f);
  ty_config_free(cfg);
  return json;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char *s = NULL;
  size_t n = 0;
  FILE *out = open_memstream(&s, &n);
  int c;
  while ((c = fgetc(f)) != EOF)
    fputc(c, out);
  fclose(out);
  fclose(f);
  return s;
}

static void test_threads_give_the_same_alignment(void **state) {
  (void)state;
  static const char *const files[][2] = {
      {"tests/fixtures/corpus/constitution-of-japan/ja.egov.txt",
       "tests/fixtures/corpus/constitution-of-japan/en.pg612.txt"},
      {"tests/fixtures/corpus/debian-constitution/ja-v1.7.txt",
       "tests/fixtures/corpus/debian-constitution/en-v1.7.txt"},
      {"tests/fixtures/corpus/debian-social-contract/ja.txt",
       "tests/fixtures/corpus/debian-social-contract/en.txt"},
  };
  size_t nf = sizeof files / sizeof *files;
  for (size_t i = 0; i <= nf; i++) {
    char *ja = i < nf ? slurp(files[i][0]) : strdup(places_ja);
    char *en = i < nf ? slurp(files[i][1]) : strdup(places_en);
    char *one = json_on(ja, en, 1);
    assert_true(strlen(one) > 1000);
    for (int threads = 2; threads <= TY_MAX_SHARES; threads++) {
      char *many = json_on(ja, en, threads);
      assert_string_equal(many, one);
      free(many);
    }
    if (i == nf) /* the three places summarised as one cause */
      assert_non_null(strstr(one, "4 clauses in 3 places of the Japanese"));
    free(one);
    free(ja);
    free(en);
  }
}

/* Chunk c is its number, c % 7 + 1 times, and a newline. */
static void make_numbers(size_t c, ty_buf *out, void *arg) {
  (void)arg;
  for (size_t k = 0; k <= c % 7; k++)
    ty_buf_printf(out, "%zu ", c);
  ty_buf_putc(out, '\n');
}

static void append_chunk(const ty_buf *out, void *arg) {
  ty_buf_put(arg, out->p, out->n);
}

static void test_chunks_are_written_in_order(void **state) {
  (void)state;
  ty_buf want = {0};
  for (size_t c = 0; c < 500; c++)
    make_numbers(c, &want, NULL);
  for (int threads = 1; threads <= TY_MAX_SHARES; threads++) {
    ty_buf got = {0};
    ty_chunks_run(500, threads, make_numbers, append_chunk, &got);
    assert_int_equal(got.n, want.n);
    assert_memory_equal(got.p, want.p, want.n);
    ty_buf_free(&got);
  }
  ty_buf got = {0};
  ty_chunks_run(0, 4, make_numbers, append_chunk, &got);
  assert_int_equal(got.n, 0);
  ty_buf_free(&want);
}

/* 5,000 pairs: the JSON renderer's chunks (2,048 pairs) on threads give
 * every pair once, in order. */
static void test_json_of_many_pairs_keeps_their_order(void **state) {
  (void)state;
  ty_buf ja = {0}, en = {0};
  for (int i = 1; i <= 5000; i++) {
    ty_buf_printf(&ja, "%d 第%d項の本文。\n", i, i);
    ty_buf_printf(&en, "%d The text of item %d.\n", i, i);
  }
  ty_config *cfg = ty_config_new();
  ty_config_set_checks(cfg, 0);
  fixture f;
  open_pair(&f, ja.p, en.p, cfg);
  char *json = NULL;
  size_t n = 0;
  FILE *out = open_memstream(&json, &n);
  ty_render_options ro = {0};
  ty_error err = {0};
  assert_int_equal(ty_render(f.al, TY_FMT_JSON, &ro, out, &err), 0);
  fclose(out);
  const char *at = json;
  char want[64];
  for (int i = 1; i <= 5000; i++) {
    snprintf(want, sizeof want, "{\"id\":\"%d\",\"key\":\"%d\"", i, i);
    const char *next = strstr(at, want);
    assert_non_null(next);
    at = next + 1;
  }
  assert_non_null(strstr(at, "\"summary\": {\"pairs\": 5000"));
  free(json);
  close_pair(&f);
  ty_config_free(cfg);
  ty_buf_free(&ja);
  ty_buf_free(&en);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_shares_cover_the_pairs_in_order),
      cmocka_unit_test(test_shares_start_where_the_cut_allows),
      cmocka_unit_test(test_threads_give_the_same_alignment),
      cmocka_unit_test(test_chunks_are_written_in_order),
      cmocka_unit_test(test_json_of_many_pairs_keeps_their_order),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
