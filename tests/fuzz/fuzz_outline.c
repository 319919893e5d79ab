/* fuzz_outline.c — the plain-text reader and the outline on arbitrary
 * bytes: every clause's text must lie inside the document. */
#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ty_error err = {0};
  ty_doc *d = ty_doc_parse((const char *)data, size, "fuzz.txt", TY_JA, &err);
  if (!d) return 0;
  for (size_t i = 0; i < d->ncl; i++) {
    const ty_clause *c = &d->cl[i];
    if (c->text < d->text || c->text + c->text_len > d->text + d->len)
      __builtin_trap();
    if (c->parent >= (int)i) __builtin_trap();
  }
  ty_doc_free(d);
  return 0;
}
