/* render_xml.c — the XML layer under the TMX and XLIFF renderers: a
 * libxml2 text writer streaming to a FILE*, which turns every string it is
 * given into characters XML 1.0 can carry, so that a control character in
 * a clause file cannot make the output unreadable to the tools that load
 * it.  Errors are sticky: the renderers write on and check once at the end.
 *
 * Indentation is written by hand (ty_xml_indent) rather than by the
 * writer's own indenting, which would put line breaks inside mixed content
 * such as an XLIFF <target> holding an <mrk>. */
#include "internal.h"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <pthread.h>
#include <string.h>

/* libxml2 2.9 sets up its globals (encoding handlers among them) on first
 * use, which is not safe when batch mode renders in several threads at
 * once; doing it once here before any writer exists is. */
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void init_libxml(void) { xmlInitParser(); }

/* The Char production of XML 1.0. */
static int xml_char(int32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* x->tmp := s[0..n) with what XML cannot carry replaced by U+FFFD. */
static const xmlChar *clean(ty_xml *x, const char *s, size_t n) {
  ty_buf_clear(&x->tmp);
  size_t run = 0, i = 0;
  while (i < n) {
    unsigned char b = (unsigned char)s[i];
    if (b >= 0x20 && b < 0x80) {
      i++;
      continue;
    }
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    /* a decoded U+FFFD of length 1 is a byte that is not UTF-8 */
    int bad = !xml_char(c) || (c == 0xFFFD && len == 1);
    if (bad) {
      ty_buf_put(&x->tmp, s + run, i - run);
      ty_buf_puts(&x->tmp, "\xEF\xBF\xBD");
      run = i + (size_t)len;
    }
    i += (size_t)len;
  }
  ty_buf_put(&x->tmp, s + run, n - run);
  return (const xmlChar *)x->tmp.p;
}

/* libxml2 reports a failed write on stderr as well as in its return
 * value; the library never prints, so the report is dropped while a
 * document is written (the failure itself still reaches the caller). */
static void quiet(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

static void check(ty_xml *x, int rc) {
  if (rc < 0) x->failed = 1;
}

int ty_xml_open(ty_xml *x, FILE *f) {
  pthread_once(&init_once, init_libxml);
  x->failed = 0;
  x->tmp = (ty_buf){0};
  /* the handler is per thread in libxml2, so parallel renders keep theirs */
  x->saved_handler = (void (*)(void))xmlGenericError;
  x->saved_ctx = xmlGenericErrorContext;
  xmlSetGenericErrorFunc(NULL, quiet);
  xmlOutputBufferPtr out = xmlOutputBufferCreateFile(f, NULL);
  if (out) x->w = xmlNewTextWriter(out); /* owns `out` from here on */
  if (!out || !x->w) {
    if (out) xmlOutputBufferClose(out);
    xmlSetGenericErrorFunc(x->saved_ctx, (xmlGenericErrorFunc)x->saved_handler);
    return -1;
  }
  check(x, xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL));
  return 0;
}

void ty_xml_start(ty_xml *x, const char *name) {
  if (!x->failed)
    check(x, xmlTextWriterStartElement(x->w, (const xmlChar *)name));
}

void ty_xml_end(ty_xml *x) {
  if (!x->failed) check(x, xmlTextWriterEndElement(x->w));
}

void ty_xml_attr(ty_xml *x, const char *name, const char *value) {
  if (x->failed) return;
  const xmlChar *v = clean(x, value, strlen(value));
  check(x, xmlTextWriterWriteAttribute(x->w, (const xmlChar *)name, v));
}

void ty_xml_text(ty_xml *x, const char *s, size_t n) {
  if (x->failed || n == 0) return;
  check(x, xmlTextWriterWriteString(x->w, clean(x, s, n)));
}

void ty_xml_indent(ty_xml *x, int depth) {
  static const char spaces[] = "\n                                ";
  int n = 1 + 2 * depth;
  if (n > (int)sizeof spaces - 1) n = (int)sizeof spaces - 1;
  if (!x->failed)
    check(x, xmlTextWriterWriteRawLen(x->w, (const xmlChar *)spaces, n));
}

int ty_xml_close(ty_xml *x) {
  if (!x->failed) check(x, xmlTextWriterEndDocument(x->w));
  /* frees the output buffer too, flushing it into the FILE* */
  xmlFreeTextWriter(x->w);
  x->w = NULL;
  ty_buf_free(&x->tmp);
  xmlSetGenericErrorFunc(x->saved_ctx, (xmlGenericErrorFunc)x->saved_handler);
  return x->failed ? -1 : 0;
}
