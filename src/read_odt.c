/* read_odt.c — OpenDocument text (.odt). */
#include "internal.h"

int ty_read_odt(ty_zip *z, const char *name, ty_office_text *t,
                ty_error *err) {
  return ty_error_set(err, TY_ERR_SYNTAX, name, 0, 0, "odt: not yet");
}
