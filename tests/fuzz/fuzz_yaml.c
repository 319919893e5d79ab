/* fuzz_yaml.c — the YAML clause-file reader on arbitrary bytes. */
#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ty_error err = {0};
  ty_doc *d = ty_doc_parse((const char *)data, size, "fuzz.yaml", TY_EN, &err);
  ty_doc_free(d);
  return 0;
}
