/* outline_support.h — helpers the outline and statute tests share:
 * parse a text, list its keys, count its per-file findings.  Include after
 * cmocka.h and internal.h. */
#ifndef TY_OUTLINE_SUPPORT_H
#define TY_OUTLINE_SUPPORT_H

#include <string.h>

/* A document parsed from `text` under `name`; the test fails if it is not. */
static inline ty_doc *parse_as(const char *text, const char *name,
                               ty_lang lang) {
  ty_error err = {0};
  ty_doc *d = ty_doc_parse(text, strlen(text), name, lang, &err);
  assert_non_null(d);
  return d;
}

static inline ty_doc *parse(const char *text, ty_lang lang) {
  return parse_as(text, "t.txt", lang);
}

/* The keys of a document, space-separated. */
static inline void keys_of(const ty_doc *d, char *out, size_t cap) {
  out[0] = '\0';
  for (size_t i = 0; i < d->ncl; i++) {
    if (i) strncat(out, " ", cap - strlen(out) - 1);
    strncat(out, d->cl[i].key, cap - strlen(out) - 1);
  }
}

/* Asserts that the Japanese text `text` has exactly the keys `want`. */
static inline void assert_keys(const char *text, const char *want) {
  ty_doc *d = parse(text, TY_JA);
  char got[4096];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, want);
  ty_doc_free(d);
}

/* How many per-file findings of `code` a document has. */
static inline int count_code(const ty_doc *d, ty_code code) {
  int n = 0;
  for (size_t i = 0; i < d->findings.n; i++)
    n += d->findings.v[i].code == code;
  return n;
}

#endif
