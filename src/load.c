/* load.c — the reader dispatch: bytes from a file or memory (read.c), then
 * the reader for the file's kind (YAML, e-Gov XML, else the plain-text
 * outline). */
#include "internal.h"

#include <pthread.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_libraries(void) {
  xmlInitParser();
}

void ty_init(void) {
  pthread_once(&init_once, init_libraries);
}

static int has_suffix(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcasecmp(s + n - m, suf) == 0;
}

/* Parses the text already loaded into d according to the file's kind. */
static int parse_loaded(ty_doc *d, ty_error *err) {
  if (has_suffix(d->name, ".yaml") || has_suffix(d->name, ".yml"))
    return ty_read_yaml(d, err);
  if (has_suffix(d->name, ".xml")) return ty_read_egov(d, err);
  ty_outline_build(d);
  return 0;
}

ty_doc *ty_doc_read(const char *path, ty_lang lang, const ty_read_options *opt,
                    ty_error *err) {
  ty_init();
  ty_doc *d = ty_doc_new(path, lang);
  if (ty_read_text(d, path, opt, err) != 0 || parse_loaded(d, err) != 0) {
    ty_doc_free(d);
    return NULL;
  }
  return d;
}

ty_doc *ty_doc_parse(const char *text, size_t len, const char *name,
                     ty_lang lang, ty_error *err) {
  ty_init();
  ty_doc *d = ty_doc_new(name, lang);
  if (ty_read_buffer(d, text, len, NULL, err) != 0 ||
      parse_loaded(d, err) != 0) {
    ty_doc_free(d);
    return NULL;
  }
  return d;
}
