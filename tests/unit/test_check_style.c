/* test_check_style.c — style-mismatch: list items of one file written in
 * different styles are reported once, where the style changes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "internal.h"

/* The style-mismatch findings of aligning ja_text with itself in English
 * clothing: counts them and returns the key of the first. */
static int mismatches(const char *ja_text, const char *en_text, char *first_key,
                      size_t cap) {
  ty_error err = {0};
  ty_doc *ja = ty_doc_parse(ja_text, strlen(ja_text), "ja.txt", TY_JA, &err);
  ty_doc *en = ty_doc_parse(en_text, strlen(en_text), "en.txt", TY_EN, &err);
  assert_non_null(ja);
  assert_non_null(en);
  ty_alignment *al = ty_align(ja, en, NULL, &err);
  int n = 0;
  first_key[0] = '\0';
  for (size_t i = 0; i < al->findings.n; i++) {
    if (al->findings.v[i].code != TY_STYLE_MISMATCH) continue;
    if (!n++) snprintf(first_key, cap, "%s", al->findings.v[i].key);
  }
  ty_alignment_free(al);
  ty_doc_free(ja);
  ty_doc_free(en);
  return n;
}

static void test_style_bullet_on_some_items_only(void **s) {
  (void)s;
  char key[64];
  int n =
      mismatches("(3) 見出し\n\n- a. 一つ目。\n\nb. 二つ目。\n\nc. 三つ目。\n",
                 "(3) Heading\n\n- a. One.\n\n- b. Two.\n\n- c. Three.\n", key,
                 sizeof key);
  assert_int_equal(n, 1);
  assert_string_equal(key, "3.2");
}

static void test_style_uniform_lists_are_quiet(void **s) {
  (void)s;
  char key[64];
  assert_int_equal(mismatches("1 本文。\n(1) 一。\n(2) 二。\n",
                              "1 Text.\n(1) One.\n(2) Two.\n", key, sizeof key),
                   0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_style_bullet_on_some_items_only),
      cmocka_unit_test(test_style_uniform_lists_are_quiet),
  };
  return cmocka_run_group_tests_name("check_style", tests, NULL, NULL);
}
