/* test_render_json.c — the JSON output, version 1, exactly as DESIGN.md
 * fixes it: keys, statuses, null sides, escaping, findings, summary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Aligns two texts (checks off; sentence pairs when `sentences`) and
 * renders them as JSON; caller frees. */
static char *render_with(const char *ja_text, const char *en_text,
                         int sentences) {
  ty_error err = {0};
  ty_doc *ja = ty_doc_parse(ja_text, strlen(ja_text), "ja.txt", TY_JA, &err);
  ty_doc *en = ty_doc_parse(en_text, strlen(en_text), "en.txt", TY_EN, &err);
  assert_non_null(ja);
  assert_non_null(en);
  ty_config *cfg = ty_config_new();
  cfg->checks = 0;
  ty_config_set_sentences(cfg, sentences);
  ty_alignment *al = ty_align(ja, en, cfg, &err);
  assert_non_null(al);
  char *out = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&out, &n);
  assert_int_equal(ty_render(al, TY_FMT_JSON, NULL, f, &err), 0);
  fclose(f);
  ty_alignment_free(al);
  ty_config_free(cfg);
  ty_doc_free(ja);
  ty_doc_free(en);
  return out;
}

static char *render(const char *ja_text, const char *en_text) {
  return render_with(ja_text, en_text, 0);
}

static void test_json_exact_document(void **s) {
  (void)s;
  char *out = render("1 一\n2 二\n", "1 one\n3 \"three\"\\\t\x01\n");
  const char *want =
      "{\n"
      "  \"taiyaku\": 1,\n"
      "  \"ja\": {\"path\": \"ja.txt\", \"clauses\": 2},\n"
      "  \"en\": {\"path\": \"en.txt\", \"clauses\": 2},\n"
      "  \"pairs\": [\n"
      "    "
      "{\"id\":\"1\",\"key\":\"1\",\"status\":\"matched\",\"ja\":{\"label\":"
      "\"1\",\"line\":1,"
      "\"text\":\"一\"},\"en\":{\"label\":\"1\",\"line\":1,\"text\":\"one\"}},"
      "\n"
      "    "
      "{\"id\":\"2\",\"key\":\"2\",\"status\":\"missing-en\",\"ja\":{\"label\":"
      "\"2\",\"line\":2,"
      "\"text\":\"二\"},\"en\":null},\n"
      "    "
      "{\"id\":\"3\",\"key\":\"3\",\"status\":\"missing-ja\",\"ja\":null,"
      "\"en\":{\"label\":\"3\","
      "\"line\":2,\"text\":\"\\\"three\\\"\\\\\\t\\u0001\"}}\n"
      "  ],\n"
      "  \"findings\": [\n"
      "    "
      "{\"severity\":\"error\",\"code\":\"missing-en\",\"key\":\"2\",\"ja_"
      "line\":2,"
      "\"en_line\":null,\"message\":\"ja 2 has no English "
      "counterpart\",\"confidence\":1.00,"
      "\"pair\":\"2\"},\n"
      "    "
      "{\"severity\":\"error\",\"code\":\"missing-ja\",\"key\":\"3\",\"ja_"
      "line\":null,"
      "\"en_line\":2,\"message\":\"en 3 has no Japanese "
      "counterpart\",\"confidence\":1.00,"
      "\"pair\":\"3\"},\n"
      "    {\"severity\":\"warning\",\"code\":\"numbering-gap\",\"key\":\"3\","
      "\"ja_line\":null,\"en_line\":2,\"message\":\"3: number 2 is missing "
      "before it\",\"confidence\":1.00,"
      "\"pair\":\"3\"}\n"
      "  ],\n"
      "  \"summary\": {\"pairs\": 3, \"matched\": 1, \"content\": 0, "
      "\"missing_en\": 1, "
      "\"missing_ja\": 1, \"errors\": 2, \"warnings\": 1, \"infos\": 0}\n"
      "}\n";
  assert_string_equal(out, want);
  free(out);
}

static void test_json_empty_alignment(void **s) {
  (void)s;
  char *out = render("", "");
  assert_non_null(strstr(out, "\"pairs\": [],\n"));
  assert_non_null(strstr(out, "\"findings\": [],\n"));
  assert_non_null(strstr(out, "\"summary\": {\"pairs\": 0,"));
  free(out);
}

/* --no-checks is structure only: the in-clause sentence programme runs
 * only when the sentence pairs are asked for (--sentences), #12 */
static void test_json_no_checks_sentences_only_when_asked(void **s) {
  (void)s;
  const char *ja = "1 一つ目の文です。二つ目の文です。\n";
  const char *en = "1 This is the first. This is the second.\n";
  char *out = render_with(ja, en, 0);
  assert_null(strstr(out, "\"sentences\""));
  free(out);
  out = render_with(ja, en, 1);
  assert_non_null(strstr(out, "\"sentences\":[{\"ja\":\"一つ目の文です。\""));
  free(out);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_json_exact_document),
      cmocka_unit_test(test_json_empty_alignment),
      cmocka_unit_test(test_json_no_checks_sentences_only_when_asked),
  };
  return cmocka_run_group_tests_name("render_json", tests, NULL, NULL);
}
