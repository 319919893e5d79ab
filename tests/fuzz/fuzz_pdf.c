/* fuzz_pdf.c — the PDF reader (poppler-glib, then line and paragraph
 * assembly) on arbitrary bytes after a "%PDF-" header. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* the header makes every input a PDF to the dispatch */
  char *buf = malloc(size + 5);
  if (!buf) return 0;
  memcpy(buf, "%PDF-", 5);
  memcpy(buf + 5, data, size);
  ty_error err = {0};
  ty_doc *d = ty_doc_parse(buf, size + 5, "fuzz.pdf", TY_EN, &err);
  ty_doc_free(d);
  free(buf);
  return 0;
}
