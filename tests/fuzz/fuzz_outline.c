/* fuzz_outline.c — the plain-text reader and the outline on arbitrary
 * bytes: every clause's label and text are readable for their whole
 * length (in the document's text, or in its arena for captions and
 * underlined titles — the sanitizers catch a bad span), parents come
 * first, and flattening works. */
#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ty_error err = {0};
  ty_doc *d = ty_doc_parse((const char *)data, size, "fuzz.txt", TY_JA, &err);
  if (!d) return 0;
  ty_buf flat = {0};
  volatile unsigned sum = 0;
  for (size_t i = 0; i < d->ncl; i++) {
    const ty_clause *c = &d->cl[i];
    for (size_t k = 0; k < c->text_len; k++)
      sum += (unsigned char)c->text[k];
    for (size_t k = 0; c->label && k < c->label_len; k++)
      sum += (unsigned char)c->label[k];
    if (c->parent >= (int)i || !c->key) __builtin_trap();
    ty_buf_clear(&flat);
    ty_clause_flat_text(c, &flat);
  }
  ty_buf_free(&flat);
  ty_doc_free(d);
  return 0;
}
