/* pair_support.h — a two-document fixture the alignment and checks tests
 * share: parse a Japanese and an English text, align them, free all.
 * Include after cmocka.h and internal.h. */
#ifndef TY_PAIR_SUPPORT_H
#define TY_PAIR_SUPPORT_H

#include <string.h>

typedef struct fixture {
  ty_doc *ja, *en;
  ty_alignment *al;
} fixture;

/* Parses both texts and aligns them under cfg (NULL: defaults); the test
 * fails if any step does. */
static inline void open_pair(fixture *f, const char *ja, const char *en,
                             const ty_config *cfg) {
  ty_error err;
  f->ja = ty_doc_parse(ja, strlen(ja), "ja.txt", TY_JA, &err);
  f->en = ty_doc_parse(en, strlen(en), "en.txt", TY_EN, &err);
  assert_non_null(f->ja);
  assert_non_null(f->en);
  f->al = ty_align(f->ja, f->en, cfg, &err);
  assert_non_null(f->al);
}

static inline void close_pair(fixture *f) {
  ty_alignment_free(f->al);
  ty_doc_free(f->ja);
  ty_doc_free(f->en);
}

#endif
