/* fuzz_numbering.c — the section-marker recogniser on arbitrary bytes. */
#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ty_marker m;
  if (ty_number_parse((const char *)data, size, &m)) {
    /* offsets must stay inside the line */
    if (m.label_off + m.label_len > size || m.text_off > size) __builtin_trap();
  }
  size_t used;
  if (ty_kanji_number((const char *)data, size, &used) >= 0 && used > size)
    __builtin_trap();
  return 0;
}
