/* test_memory.c — what memory the pipeline spends per finding and per
 * string: arena strings packed without rounding, aligned allocations still
 * aligned after them, per-file findings shared with the alignment rather
 * than copied (issue 12: 200,000 lines of "1." took 157x the input). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "internal.h"

#include "pair_support.h"

#include <stdlib.h>

static void test_arena_strings_are_packed(void **state) {
  (void)state;
  ty_arena a = {0};
  char *x = ty_arena_strndup(&a, "1", 1);
  char *y = ty_arena_strndup(&a, "2", 1);
  char *z = ty_arena_printf(&a, "%d", 3);
  assert_ptr_equal(y, x + 2);
  assert_ptr_equal(z, y + 2);
  assert_string_equal(x, "1");
  assert_string_equal(z, "3");
  ty_arena_free(&a);
}

static void test_arena_alloc_after_a_string_is_aligned(void **state) {
  (void)state;
  ty_arena a = {0};
  for (size_t n = 0; n < 40; n++) {
    ty_arena_strndup(&a, "abcdefghijklmnopqrstuvwxyz0123456789ABCD", n);
    void *p = ty_arena_alloc(&a, 24);
    assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
    memset(p, 0xAB, 24);
  }
  ty_arena_free(&a);
}

static void test_arena_string_filling_a_chunk_starts_another(void **state) {
  (void)state;
  ty_arena a = {0};
  char big[70000];
  memset(big, 'x', sizeof big);
  /* fill most of a 64 KiB chunk, then ask for more than is left */
  char *p = ty_arena_strndup(&a, big, 65000);
  char *q = ty_arena_strndup(&a, big, 1000);
  char *r = ty_arena_strndup(&a, big, sizeof big);
  assert_int_equal(strlen(p), 65000);
  assert_int_equal(strlen(q), 1000);
  assert_int_equal(strlen(r), sizeof big);
  ty_arena_free(&a);
}

/* a finding whose message is longer than the one-pass buffer */
static void test_long_finding_message_is_whole(void **state) {
  (void)state;
  ty_arena a = {0};
  ty_findings f = {0};
  char word[1000];
  memset(word, 'w', sizeof word - 1);
  word[sizeof word - 1] = '\0';
  ty_findings_add(&f, &a, TY_EMPTY, "1", 1, 0, "%s!", word);
  ty_findings_add(&f, &a, TY_EMPTY, "2", 2, 0, "short %d", 7);
  assert_int_equal(strlen(f.v[0].message), sizeof word);
  assert_int_equal(f.v[0].message[sizeof word - 1], '!');
  assert_string_equal(f.v[1].message, "short 7");
  free(f.v);
  ty_arena_free(&a);
}

/* duplicate-number is a per-file finding: the alignment lists it with the
 * document's own message, not a copy of it */
static void test_align_shares_the_documents_findings(void **state) {
  (void)state;
  fixture f;
  open_pair(&f, "1. 甲\n1. 乙\n2. 丙\n", "1. A\n2. B\n", NULL);
  assert_int_equal(f.ja->findings.n, 1);
  const ty_finding *d = &f.ja->findings.v[0];
  size_t hits = 0;
  for (size_t i = 0; i < f.al->findings.n; i++) {
    const ty_finding *x = &f.al->findings.v[i];
    if (x->code != TY_DUPLICATE_NUMBER) continue;
    hits++;
    assert_ptr_equal(x->message, d->message);
    assert_ptr_equal(x->key, d->key);
    assert_int_equal(x->ja_line, d->ja_line);
  }
  assert_int_equal(hits, 1);
  close_pair(&f);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_arena_strings_are_packed),
      cmocka_unit_test(test_arena_alloc_after_a_string_is_aligned),
      cmocka_unit_test(test_arena_string_filling_a_chunk_starts_another),
      cmocka_unit_test(test_long_finding_message_is_whole),
      cmocka_unit_test(test_align_shares_the_documents_findings),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
