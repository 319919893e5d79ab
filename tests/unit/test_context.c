/* test_context.c — a context (ty_context_align) reused over several pairs
 * and settings gives the alignment a fresh ty_align gives: the ICU objects
 * it keeps carry nothing from one pair to the next. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taiyaku.h"

/* The JSON of aligning ja and en (paths) with `by`, through ctx when not
 * NULL, else ty_align; malloc'd. */
static char *aligned_json(ty_context *ctx, const char *ja_path,
                          const char *en_path, ty_unit by) {
  ty_error err = {0};
  ty_doc *ja = ty_doc_read(ja_path, TY_JA, NULL, &err);
  ty_doc *en = ty_doc_read(en_path, TY_EN, NULL, &err);
  assert_non_null(ja);
  assert_non_null(en);
  ty_config *cfg = ty_config_new();
  ty_config_set_by(cfg, by);
  ty_alignment *al = ctx ? ty_context_align(ctx, ja, en, cfg, &err)
                         : ty_align(ja, en, cfg, &err);
  assert_non_null(al);
  char *json = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&json, &n);
  ty_render_options ro = {0};
  ro.sentences = 1;
  assert_int_equal(ty_render(al, TY_FMT_JSON, &ro, f, &err), 0);
  fclose(f);
  ty_alignment_free(al);
  ty_doc_free(en);
  ty_doc_free(ja);
  ty_config_free(cfg);
  return json;
}

static void test_context_reused_aligns_as_a_fresh_one(void **state) {
  (void)state;
  static const struct {
    const char *ja, *en;
    ty_unit by;
  } runs[] = {
      {"ja/cyber-dialogue-2017.txt", "en/cyber-dialogue-2017.txt",
       TY_BY_NUMBER},
      {"tests/fixtures/corpus/debian-social-contract/ja.txt",
       "tests/fixtures/corpus/debian-social-contract/en.txt", TY_BY_NUMBER},
      {"ja/cyber-dialogue-2017.txt", "en/cyber-dialogue-2017.txt",
       TY_BY_SENTENCE},
      {"tests/fixtures/corpus/debian-social-contract/ja.txt",
       "tests/fixtures/corpus/debian-social-contract/en.txt", TY_BY_PARAGRAPH},
      {"ja/cyber-dialogue-2017.txt", "en/cyber-dialogue-2017.txt",
       TY_BY_NUMBER},
  };
  ty_context *ctx = ty_context_new();
  for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
    char *fresh = aligned_json(NULL, runs[i].ja, runs[i].en, runs[i].by);
    char *reused = aligned_json(ctx, runs[i].ja, runs[i].en, runs[i].by);
    assert_true(strlen(fresh) > 100);
    assert_string_equal(reused, fresh);
    free(fresh);
    free(reused);
  }
  ty_context_free(ctx);
  ty_context_free(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_context_reused_aligns_as_a_fresh_one),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
