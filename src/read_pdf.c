/* read_pdf.c — PDF. */
#include "internal.h"

int ty_read_pdf(const char *bytes, size_t len, const char *name,
                ty_office_text *t, ty_error *err) {
  return ty_error_set(err, TY_ERR_SYNTAX, name, 0, 0, "pdf: not yet");
}
