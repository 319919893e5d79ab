/* fuzz_docx.c — the DOCX and ODT readers on arbitrary bytes: a zip
 * archive (libzip) holding WordprocessingML or OpenDocument XML. */
#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ty_error err = {0};
  ty_doc *d = ty_doc_parse((const char *)data, size, "fuzz.docx", TY_JA, &err);
  ty_doc_free(d);
  return 0;
}
