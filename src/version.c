/* version.c — the library's version, for programs that compare the
 * library they run against with the header they were built with. */
#include "internal.h"

int ty_version(void) {
  return TY_VERSION_NUMBER;
}

const char *ty_version_string(void) {
  return TY_VERSION;
}
