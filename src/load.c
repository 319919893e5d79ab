/* load.c — the reader dispatch: bytes from a file or memory (read.c), then
 * the reader for the file's format (format.c: chosen by content, then
 * name, or forced), else the plain-text outline. */
#include "internal.h"

#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_libraries(void) {
  xmlInitParser();
}

void ty_init(void) {
  pthread_once(&init_once, init_libraries);
}

/* Parses the text already loaded into d as format f (TY_IN_AUTO: chosen
 * by its content and name, format.c). */
static int parse_loaded(ty_doc *d, ty_input_format f, ty_error *err) {
  if (f == TY_IN_AUTO) f = ty_format_sniff_text(d->name, d->text, d->len);
  d->format = f;
  switch (f) {
  case TY_IN_YAML: return ty_read_yaml(d, err);
  case TY_IN_EGOV: return ty_read_egov(d, err);
  case TY_IN_HTML: return ty_read_html(d, err);
  case TY_IN_MARKDOWN: return ty_read_md(d, err);
  case TY_IN_DOCX:
  case TY_IN_ODT:
  case TY_IN_PDF: /* read from the file's bytes (read_office.c), not text */
    return ty_error_set(err, TY_ERR_USAGE, d->name, 0, 0,
                        "%s input is read from a file, not from text",
                        ty_input_format_name(f));
  default: ty_outline_build(d); return 0;
  }
}

/* The format the first bytes of the file show when they are not text
 * (a zip, a PDF), or TY_IN_AUTO. */
static ty_input_format sniff_file(const char *path) {
  char head[4096];
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return TY_IN_AUTO;
  ssize_t n = read(fd, head, sizeof head);
  close(fd);
  return n > 0 ? ty_format_sniff_bytes(path, head, (size_t)n) : TY_IN_AUTO;
}

ty_doc *ty_doc_read(const char *path, ty_lang lang, const ty_read_options *opt,
                    ty_error *err) {
  ty_init();
  ty_doc *d = ty_doc_new(path, lang);
  ty_input_format f = opt ? opt->format : TY_IN_AUTO;
  if (f == TY_IN_AUTO && strcmp(path, "-") != 0) f = sniff_file(path);
  if (f == TY_IN_DOCX || f == TY_IN_ODT || f == TY_IN_PDF) {
    d->format = f;
    int rc = ty_read_office_file(d, path, err); /* read_office.c */
    if (rc == 1)
      ty_error_set(err, TY_ERR_SYNTAX, path, 0, 0,
                   "not a %s file (neither a zip archive nor a PDF)",
                   ty_input_format_name(f));
    if (rc == 0) return d;
    ty_doc_free(d);
    return NULL;
  }
  if (ty_read_text(d, path, opt, err) != 0 || parse_loaded(d, f, err) != 0) {
    ty_doc_free(d);
    return NULL;
  }
  return d;
}

/* One side of ty_doc_read_pair, run on a thread of its own. */
typedef struct side_read {
  const char *path;
  ty_lang lang;
  const ty_read_options *opt;
  ty_doc *doc;
  ty_error err;
} side_read;

static void *read_side(void *arg) {
  side_read *r = arg;
  r->doc = ty_doc_read(r->path, r->lang, r->opt, &r->err);
  return NULL;
}

int ty_doc_read_pair(const char *ja_path, const char *en_path,
                     const ty_read_options *opt, ty_doc **ja, ty_doc **en,
                     ty_error *err) {
  ty_init();
  side_read r = {ja_path, TY_JA, opt, NULL, {0}};
  pthread_t th;
  /* the Japanese on a second thread while this one reads the English:
   * reading and outlining one document touches nothing the other does */
  int threaded = pthread_create(&th, NULL, read_side, &r) == 0;
  if (!threaded) read_side(&r);
  ty_error en_err = {0};
  *en = ty_doc_read(en_path, TY_EN, opt, &en_err);
  if (threaded) pthread_join(th, NULL);
  *ja = r.doc;
  if (*ja && *en) return 0;
  /* the error a reading of ja, then en, would have stopped at */
  *err = *ja ? en_err : r.err;
  ty_doc_free(*ja);
  ty_doc_free(*en);
  *ja = *en = NULL;
  return -1;
}

ty_doc *ty_doc_parse(const char *text, size_t len, const char *name,
                     ty_lang lang, ty_error *err) {
  ty_init();
  ty_doc *d = ty_doc_new(name, lang);
  if (ty_office_sniff(text, len)
          ? ty_read_office(d, text, len, err) != 0
          : (ty_read_buffer(d, text, len, NULL, err) != 0 ||
             parse_loaded(d, TY_IN_AUTO, err) != 0)) {
    ty_doc_free(d);
    return NULL;
  }
  return d;
}
