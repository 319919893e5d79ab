/* fuzz_md.c — the Markdown reader and its layout on arbitrary bytes,
 * the outline of what it read written out. */
#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static FILE *null;
  if (!null) null = fopen("/dev/null", "w");
  ty_error err = {0};
  ty_doc *d = ty_doc_parse((const char *)data, size, "fuzz.md", TY_JA, &err);
  if (d && null) ty_doc_write_outline(d, null);
  ty_doc_free(d);
  return 0;
}
