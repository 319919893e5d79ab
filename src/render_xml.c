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
#include "render.h"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* libxml2 2.9 sets up its globals (encoding handlers among them) on first
 * use, which is not safe when batch mode renders in several threads at
 * once; doing it once here before any writer exists is. */
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void init_libxml(void) {
  xmlInitParser();
}

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

/* ---- what the XLIFF renderers share ---------------------------------------
 */

static uint64_t hash_id(const char *s) {
  uint64_t h = 1469598103934665603u; /* FNV-1a */
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

struct ty_id_slot {
  char *id;
  unsigned next; /* the number to try first for this base */
};

/* The slot of s: where it is, or the empty one where it would go. */
static size_t id_slot(const ty_xml_ids *set, const char *s) {
  size_t j = hash_id(s) & (set->cap - 1);
  while (set->v[j].id && strcmp(set->v[j].id, s) != 0)
    j = (j + 1) & (set->cap - 1);
  return j;
}

/* Room for one more id without a rehash. */
static void ids_reserve(ty_xml_ids *set) {
  if (2 * (set->n + 2) <= set->cap) return;
  size_t cap = set->cap ? set->cap * 2 : 64;
  ty_xml_ids grown = {ty_xcalloc(cap, sizeof *grown.v), cap, set->n};
  for (size_t i = 0; i < set->cap; i++)
    if (set->v[i].id) grown.v[id_slot(&grown, set->v[i].id)] = set->v[i];
  free(set->v);
  *set = grown;
}

/* Stores s at its empty slot j. */
static void ids_put(ty_xml_ids *set, size_t j, const char *s) {
  set->v[j].id = ty_xstrdup(s);
  set->v[j].next = 2;
  set->n++;
}

void ty_unique_name(ty_xml_ids *seen, const char *base, char sep, ty_buf *out) {
  ids_reserve(seen); /* one id is added below: slot h stays valid */
  size_t h = id_slot(seen, base);
  ty_buf_clear(out);
  if (!seen->v[h].id) {
    ids_put(seen, h, base);
    ty_buf_puts(out, base);
    if (!out->p) ty_buf_put(out, "", 0);
    return;
  }
  for (unsigned k = seen->v[h].next;; k++) {
    ty_buf_clear(out);
    ty_buf_printf(out, "%s%c%u", base, sep, k);
    size_t j = id_slot(seen, out->p);
    if (!seen->v[j].id) {
      ids_put(seen, j, out->p);
      seen->v[h].next = k + 1;
      return;
    }
  }
}

void ty_xml_ids_free(ty_xml_ids *set) {
  for (size_t i = 0; i < set->cap; i++)
    free(set->v[i].id);
  free(set->v);
  *set = (ty_xml_ids){0};
}

static int nmtoken_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

void ty_xml_unique_id(ty_xml_ids *seen, const char *key, ty_buf *out) {
  ty_buf name = {0};
  for (const char *k = key; *k; k++) {
    /* one '_' per character, not per byte of a multi-byte one */
    if (((unsigned char)*k & 0xC0) == 0x80) continue;
    ty_buf_putc(&name, nmtoken_char(*k) ? *k : '_');
  }
  if (!name.n) ty_buf_putc(&name, 'u');
  ty_unique_name(seen, name.p, '_', out);
  ty_buf_free(&name);
}

ty_lang ty_finding_side(const ty_alignment *al, const ty_finding *f,
                        ty_lang src) {
  (void)al;
  ty_lang trg = src == TY_JA ? TY_EN : TY_JA;
  switch (f->code) {
  case TY_MISSING_EN: return TY_JA; /* only the Japanese has the text */
  case TY_MISSING_JA: return TY_EN;
  case TY_DUPLICATE_NUMBER:
  case TY_NUMBERING_GAP:
  case TY_NUMBERING_ORDER:
  case TY_STYLE_MISMATCH:
  case TY_SUSPICIOUS_CHAR:
  case TY_PUNCTUATION:
  case TY_EMPTY:
  case TY_REVISIONS:
    /* the side whose line it names, when it names one */
    if (f->ja_line && !f->en_line) return TY_JA;
    if (f->en_line && !f->ja_line) return TY_EN;
    return trg;
  default: return trg; /* a translation problem */
  }
}

const char *ty_its_issue_type(const ty_alignment *al, const ty_finding *f,
                              ty_lang src) {
  ty_lang side = ty_finding_side(al, f, src);
  switch (f->code) {
  /* text on one side only: the target omits it, or adds it */
  case TY_MISSING_EN:
  case TY_MISSING_JA:
  case TY_SENTENCE_UNPAIRED:
    if (f->code == TY_SENTENCE_UNPAIRED && f->ja_line && f->en_line)
      return "omission";
    return side == src ? "omission" : "addition";
  case TY_EMPTY: return side == src ? "omission" : "untranslated";
  case TY_UNTRANSLATED: return "untranslated";
  case TY_NUMBER_MISMATCH: return "numbers";
  case TY_TOKEN_MISMATCH: return "inconsistent-entities";
  case TY_GLOSSARY: return "terminology";
  case TY_LENGTH_RATIO: return "length";
  case TY_PUNCTUATION: return "typographical";
  case TY_SUSPICIOUS_CHAR: return "characters";
  case TY_STYLE_MISMATCH: return "formatting";
  case TY_DUPLICATE_NUMBER: return "duplication";
  case TY_NUMBERING_GAP:
  case TY_NUMBERING_ORDER:
  case TY_RENUMBERED: return "inconsistency";
  default: return "other";
  }
}

const char *ty_its_severity(ty_severity s) {
  return s == TY_SEV_ERROR ? "100" : s == TY_SEV_WARNING ? "50" : "10";
}

size_t *ty_findings_by_pair(const ty_alignment *al, size_t **off,
                            size_t **idx) {
  size_t nf = al->findings.n;
  size_t *where = ty_finding_pairs(al);
  size_t *o = ty_xcalloc(al->npairs + 2, sizeof *o);
  size_t *x = ty_xmalloc((nf ? nf : 1) * sizeof *x);
  for (size_t i = 0; i < nf; i++)
    if (where[i] != SIZE_MAX) o[where[i] + 2]++;
  for (size_t i = 2; i < al->npairs + 2; i++)
    o[i] += o[i - 1];
  for (size_t i = 0; i < nf; i++)
    if (where[i] != SIZE_MAX) x[o[where[i] + 1]++] = i;
  *off = o;
  *idx = x;
  return where;
}

const char **ty_pair_ids(const ty_alignment *al) {
  const char **ids = ty_xmalloc((al->npairs + 1) * sizeof *ids);
  ty_xml_ids seen = {0};
  ty_buf b = {0};
  /* the n-th pair of a key is KEY/n; a real key of that form moves on */
  for (size_t i = 0; i < al->npairs; i++) {
    const char *key = ty_pair_key(al, &al->pairs[i]);
    ty_unique_name(&seen, key, '/', &b);
    /* most ids are their key: borrowed, not copied */
    ids[i] = strcmp(b.p, key) == 0 ? key : ty_xstrdup(b.p);
  }
  ty_buf_free(&b);
  ty_xml_ids_free(&seen);
  return ids;
}

void ty_pair_ids_free(const ty_alignment *al, const char **ids) {
  for (size_t i = 0; ids && i < al->npairs; i++)
    if (ids[i] != ty_pair_key(al, &al->pairs[i])) free((char *)ids[i]);
  free(ids);
}
