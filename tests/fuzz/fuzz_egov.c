/* fuzz_egov.c — the e-Gov law XML reader (read_egov.c) on arbitrary bytes,
 * then the outline it finishes through and the outline printer.  Seeds:
 * the test statute (tests/fixtures/law/ja.xml) and entity cases; the
 * dictionary fuzz_egov.dict holds the element names of the schema. */
#include "internal.h"

#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ty_error err = {0};
  ty_doc *d = ty_doc_parse((const char *)data, size, "law.xml", TY_JA, &err);
  if (d) {
    FILE *out = fopen("/dev/null", "w");
    if (out) {
      ty_doc_write_outline(d, out);
      fclose(out);
    }
  }
  ty_doc_free(d);
  return 0;
}
