/* read_pdf.c — PDF with a text layer, through poppler-glib.
 *
 * Each page's text comes in poppler's reading order (its text flows and
 * blocks) with a box for every character, so lines have positions.  Then:
 *  - lines a page repeats are dropped: among each page's first and last
 *    two lines, a line found (digits aside, so page numbers match) at the
 *    same end of at least half the pages, two at least; a line that is
 *    only a page number ("3", "- 3 -", "3 / 12", "Page 3") at either end;
 *  - a new paragraph starts where the gap above a line is more than 1.3
 *    times the line's height, where the line before stopped short of the
 *    page's text width, or where the line starts left of the one before
 *    (a hanging list label); otherwise lines are one paragraph, wrapped;
 *  - a line ending in a hyphen is joined to the next without it when the
 *    joined word occurs elsewhere in the document (or the hyphen is a
 *    soft one); a real compound (whole-of-government) keeps it;
 *  - spaces poppler puts between Japanese characters and their neighbours
 *    (LibreOffice's spacing between Asian and Latin text) are dropped, but
 *    for the one after a line's leading marker.
 * Checked on the bundled pair as LibreOffice 7.4 prints it (A4, with and
 * without a header and a page-number footer).  A PDF with no text at all
 * (a scan) and an encrypted one are refused.  Positions: page * 1000 +
 * the line's number on its page. */
#include "internal.h"

#include <ctype.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

/* ---- poppler-glib, opened on the first PDF ------------------------------ */

/* poppler-glib is opened with dlopen when a PDF is read, not linked: it
 * brings 44 libraries (cairo, glib, NSS, ...) whose loading cost every
 * run 26 ms before main, 7% of a structure-only run on gen/100000 and
 * most of a small pair's (measured 2026-12-02, 2-core VM).  The Makefile
 * names the library the headers are of (TY_POPPLER_SONAME). */
#ifndef TY_POPPLER_SONAME
#define TY_POPPLER_SONAME "libpoppler-glib.so.8"
#endif

static struct poppler_api {
  GBytes *(*bytes_new_static)(gconstpointer, gsize);
  void (*bytes_unref)(GBytes *);
  PopplerDocument *(*document_new_from_bytes)(GBytes *, const char *,
                                              GError **);
  GQuark (*error_quark)(void);
  void (*error_free)(GError *);
  int (*document_get_n_pages)(PopplerDocument *);
  PopplerPage *(*document_get_page)(PopplerDocument *, int);
  void (*object_unref)(gpointer);
  char *(*page_get_text)(PopplerPage *);
  gboolean (*page_get_text_layout)(PopplerPage *, PopplerRectangle **, guint *);
  glong (*utf8_strlen)(const gchar *, gssize);
  void (*free)(gpointer);
} api;
static char api_error[256]; /* why poppler-glib could not be opened */
static pthread_once_t api_once = PTHREAD_ONCE_INIT;

static void open_api(void) {
  void *h = dlopen(TY_POPPLER_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char *why = dlerror();
    snprintf(api_error, sizeof api_error, "%s", why ? why : TY_POPPLER_SONAME);
    return;
  }
  /* POSIX's way of storing a function dlsym found (dlsym(3)) */
  const char *missing = NULL;
#define LOAD(field, sym)                                                       \
  if (!missing && !(*(void **)&api.field = dlsym(h, sym))) missing = sym
  LOAD(bytes_new_static, "g_bytes_new_static");
  LOAD(bytes_unref, "g_bytes_unref");
  LOAD(document_new_from_bytes, "poppler_document_new_from_bytes");
  LOAD(error_quark, "poppler_error_quark");
  LOAD(error_free, "g_error_free");
  LOAD(document_get_n_pages, "poppler_document_get_n_pages");
  LOAD(document_get_page, "poppler_document_get_page");
  LOAD(object_unref, "g_object_unref");
  LOAD(page_get_text, "poppler_page_get_text");
  LOAD(page_get_text_layout, "poppler_page_get_text_layout");
  LOAD(utf8_strlen, "g_utf8_strlen");
  LOAD(free, "g_free");
#undef LOAD
  if (missing) {
    snprintf(api_error, sizeof api_error, "%s lacks %s", TY_POPPLER_SONAME,
             missing);
    api.free = NULL; /* the mark of a usable api */
  }
}

typedef struct pline {
  size_t off, len; /* in the text buffer */
  double x1, y1, x2, y2;
  int page, no; /* 0-based page, 1-based line on it */
  int drop;
} pline;

typedef struct pdf {
  ty_buf text; /* every line, each followed by '\n' */
  pline *l;
  size_t n, cap;
  int pages;
} pdf;

static void add_line(pdf *p, const char *s, size_t len,
                     const PopplerRectangle *r, size_t nr, int page, int no) {
  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 256;
    p->l = ty_xrealloc(p->l, p->cap * sizeof *p->l);
  }
  pline *l = &p->l[p->n++];
  memset(l, 0, sizeof *l);
  l->off = p->text.n;
  /* trimmed, and a character poppler left undecoded is not text */
  while (len && (*s == ' ' || *s == '\t'))
    s++, len--, r++, nr = nr ? nr - 1 : 0;
  while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
    len--;
  ty_buf_put(&p->text, s, len);
  ty_buf_putc(&p->text, '\n');
  l->len = len;
  l->page = page;
  l->no = no;
  l->x1 = l->y1 = 1e9;
  for (size_t i = 0; i < nr; i++) {
    if (r[i].x1 < l->x1) l->x1 = r[i].x1;
    if (r[i].y1 < l->y1) l->y1 = r[i].y1;
    if (r[i].x2 > l->x2) l->x2 = r[i].x2;
    if (r[i].y2 > l->y2) l->y2 = r[i].y2;
  }
}

/* Splits a page's text into lines with their boxes (one box a character
 * of the text, as poppler_page_get_text_layout promises; without them
 * the lines have no geometry). */
static void read_page(pdf *p, PopplerPage *pg, int page) {
  char *t = api.page_get_text(pg);
  PopplerRectangle *r = NULL;
  guint nr = 0;
  if (!api.page_get_text_layout(pg, &r, &nr)) nr = 0;
  const char *s = t ? t : "";
  size_t ci = 0; /* character index of s */
  int no = 0;
  while (*s) {
    const char *e = strchr(s, '\n');
    size_t len = e ? (size_t)(e - s) : strlen(s);
    size_t chars = (size_t)api.utf8_strlen(s, (gssize)len);
    no++;
    size_t have = ci < nr ? nr - ci : 0;
    add_line(p, s, len, r + (ci < nr ? ci : 0), chars < have ? chars : have,
             page, no);
    ci += chars + 1;
    s += len + (e ? 1 : 0);
  }
  api.free(r);
  api.free(t);
}

/* ---- page furniture ----------------------------------------------------- */

/* The line with digits written '#' and spaces squeezed, for comparing the
 * headers and footers of different pages. */
static void shape(const char *s, size_t n, ty_buf *out) {
  ty_buf_clear(out);
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (isdigit((unsigned char)c)) {
      if (!out->n || out->p[out->n - 1] != '#') ty_buf_putc(out, '#');
    } else if (c != ' ') {
      ty_buf_putc(out, c);
    }
  }
  ty_buf_putc(out, '\0');
}

static int page_number_only(const char *s) {
  static const char *const forms[] = {"#",   "-#-",     "#/#", "Page#", "page#",
                                      "p.#", "#ページ", "—#—", "–#–"};
  for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
    if (strcmp(s, forms[i]) == 0) return 1;
  return 0;
}

/* Marks each line among the first or last two with text of its page:
 * edge[i] is 1 at the top, 2 at the bottom, 0 elsewhere. */
static void find_edges(const pdf *p, int *edge) {
  size_t start = 0;
  while (start < p->n) {
    size_t end = start;
    while (end < p->n && p->l[end].page == p->l[start].page)
      end++;
    int seen = 0;
    for (size_t i = start; i < end && seen < 2; i++)
      if (p->l[i].len) edge[i] = 1, seen++;
    seen = 0;
    for (size_t i = end; i-- > start && seen < 2;)
      if (p->l[i].len && !edge[i])
        edge[i] = 2, seen++;
      else if (p->l[i].len)
        seen++;
    start = end;
  }
}

static void drop_furniture(pdf *p) {
  int *edge = ty_xcalloc(p->n ? p->n : 1, sizeof *edge);
  find_edges(p, edge);
  size_t ne = 0;
  size_t *at = ty_xmalloc((p->n ? p->n : 1) * sizeof *at);
  char **shapes = ty_xmalloc((p->n ? p->n : 1) * sizeof *shapes);
  ty_buf b = {0};
  for (size_t i = 0; i < p->n; i++) {
    if (!edge[i]) continue;
    shape(p->text.p + p->l[i].off, p->l[i].len, &b);
    at[ne] = i;
    shapes[ne++] = ty_xstrdup(b.p);
  }
  for (size_t e = 0; e < ne; e++) {
    pline *l = &p->l[at[e]];
    if (page_number_only(shapes[e])) {
      l->drop = 1;
      continue;
    }
    /* pages with the same line at the same end */
    int pages = 0, last = -1;
    for (size_t k = 0; k < ne && p->pages >= 2; k++) {
      const pline *m = &p->l[at[k]];
      if (m->page == last || edge[at[k]] != edge[at[e]] ||
          strcmp(shapes[e], shapes[k]) != 0)
        continue;
      pages++;
      last = m->page;
    }
    if (pages >= 2 && pages * 2 >= p->pages) l->drop = 1;
  }
  for (size_t e = 0; e < ne; e++)
    free(shapes[e]);
  free(shapes);
  free(at);
  free(edge);
  ty_buf_free(&b);
}

/* ---- words, for undoing hyphenation ---------------------------------- */

typedef struct words {
  const char *base;
  ty_span *v;
  size_t n;
} words;

static int word_cmp(const char *a, size_t na, const char *b, size_t nb) {
  size_t n = na < nb ? na : nb;
  for (size_t i = 0; i < n; i++) {
    int c = tolower((unsigned char)a[i]) - tolower((unsigned char)b[i]);
    if (c) return c;
  }
  return (na > nb) - (na < nb);
}

static int by_word(const void *x, const void *y, void *base) {
  const ty_span *a = x, *b = y;
  const char *s = base;
  return word_cmp(s + a->off, a->len, s + b->off, b->len);
}

/* The Latin words of the document, sorted for lookup. */
static void collect_words(words *w, const char *s, size_t n) {
  w->base = s;
  size_t cap = 0;
  for (size_t i = 0; i < n;) {
    if (!isalpha((unsigned char)s[i])) {
      i++;
      continue;
    }
    size_t j = i;
    while (j < n && isalpha((unsigned char)s[j]))
      j++;
    if (w->n == cap) {
      cap = cap ? cap * 2 : 1024;
      w->v = ty_xrealloc(w->v, cap * sizeof *w->v);
    }
    w->v[w->n].off = i;
    w->v[w->n++].len = j - i;
    i = j;
  }
  if (w->n) qsort_r(w->v, w->n, sizeof *w->v, by_word, (void *)s);
}

static int has_word(const words *w, const char *s, size_t n) {
  size_t lo = 0, hi = w->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = word_cmp(w->base + w->v[mid].off, w->v[mid].len, s, n);
    if (c == 0) return 1;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

/* ---- paragraphs --------------------------------------------------------- */

static int is_ja(int32_t c) {
  return ty_is_japanese(c) || (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFF00 && c <= 0xFFEF) || c == 0x30FC;
}

/* Appends line l to paragraph b: with nothing between them across a
 * Japanese character or an undone hyphen, else with a space. */
static void join_line(ty_buf *b, const char *s, size_t n, const words *w) {
  if (b->n) {
    int len;
    int32_t next = ty_utf8_decode(s, n, &len);
    size_t i = b->n;
    while (i > 0 && ((unsigned char)b->p[i - 1] & 0xC0) == 0x80)
      i--;
    int32_t prev = ty_utf8_decode(b->p + i - 1, b->n - i + 1, &len);
    if (prev == 0xAD) {
      b->n -= 2; /* a soft hyphen */
    } else if (prev == '-' && b->n >= 2 &&
               isalpha((unsigned char)b->p[b->n - 2]) &&
               isalpha((unsigned char)s[0])) {
      size_t a = b->n - 1, k = 0;
      while (a > 0 && isalpha((unsigned char)b->p[a - 1]))
        a--;
      while (k < n && isalpha((unsigned char)s[k]))
        k++;
      ty_buf joined = {0};
      ty_buf_put(&joined, b->p + a, b->n - 1 - a);
      ty_buf_put(&joined, s, k);
      if (has_word(w, joined.p, joined.n)) b->n--;
      ty_buf_free(&joined);
    } else if (!is_ja(prev) && !is_ja(next)) {
      ty_buf_putc(b, ' ');
    }
  }
  ty_buf_put(b, s, n);
}

/* Drops the spaces next to Japanese characters, but for those of a
 * leading section marker. */
static void drop_ja_spaces(ty_buf *b) {
  ty_marker m;
  size_t keep = 0;
  if (b->n && ty_number_parse(b->p, b->n, &m) && !m.weak) keep = m.text_off;
  size_t o = keep;
  int32_t prev = 0;
  for (size_t i = keep; i < b->n;) {
    int len;
    int32_t c = ty_utf8_decode(b->p + i, b->n - i, &len);
    if (c == ' ' && i + 1 < b->n) {
      int l2;
      int32_t next = ty_utf8_decode(b->p + i + 1, b->n - i - 1, &l2);
      if ((is_ja(prev) && next != ' ') ||
          (is_ja(next) && prev && prev != ' ')) {
        i++;
        continue;
      }
    }
    memmove(b->p + o, b->p + i, (size_t)len);
    o += (size_t)len;
    i += (size_t)len;
    prev = c;
  }
  b->n = o;
}

/* What a page's lines tell about its layout: the text's left and right
 * edges and the line pitch (the lower quartile of the distances between
 * successive lines, so that paragraph gaps do not count). */
typedef struct layout {
  double left, right, pitch;
} layout;

static int by_double(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return (a > b) - (a < b);
}

static void page_layout(const pdf *p, size_t from, layout *g) {
  g->left = 1e9;
  g->right = g->pitch = 0;
  double *d = ty_xmalloc((p->n - from + 1) * sizeof *d);
  size_t nd = 0;
  const pline *prev = NULL;
  for (size_t i = from; i < p->n && p->l[i].page == p->l[from].page; i++) {
    const pline *l = &p->l[i];
    if (l->drop || !l->len || l->x2 <= 0) continue;
    if (l->x1 < g->left) g->left = l->x1;
    if (l->x2 > g->right) g->right = l->x2;
    if (prev && l->y1 - prev->y1 > 0.5 * (prev->y2 - prev->y1))
      d[nd++] = l->y1 - prev->y1;
    prev = l;
  }
  if (nd) {
    qsort(d, nd, sizeof *d, by_double);
    g->pitch = d[nd / 4];
  }
  free(d);
}

/* Whether line c starts a new paragraph after line p (kept lines). */
static int breaks(const pline *p, const pline *c, const layout *g) {
  if (!p || c->x2 <= 0 || p->x2 <= 0) return 1;
  int short_line = p->x2 < g->right - 0.15 * (g->right - g->left);
  if (c->page != p->page) return short_line;
  double gap = c->y1 - p->y1;
  return (g->pitch > 0 && gap > 1.3 * g->pitch) || short_line ||
         c->x1 < p->x1 - 2;
}

static void emit(ty_office_text *t, ty_buf *par, int pos) {
  drop_ja_spaces(par);
  ty_office_para(t, par->p ? par->p : "", par->n, pos);
  ty_buf_clear(par);
}

static void paragraphs(pdf *p, ty_office_text *t) {
  words w = {0};
  collect_words(&w, p->text.p ? p->text.p : "", p->text.n);
  ty_buf par = {0};
  const pline *prev = NULL;
  int pos = 0, page = -1;
  layout g = {0};
  for (size_t i = 0; i < p->n; i++) {
    const pline *l = &p->l[i];
    if (l->page != page) {
      page = l->page;
      page_layout(p, i, &g);
    }
    if (l->drop || !l->len) continue;
    if (breaks(prev, l, &g) && par.n) emit(t, &par, pos);
    if (!par.n) pos = (l->page + 1) * 1000 + (l->no < 999 ? l->no : 999);
    join_line(&par, p->text.p + l->off, l->len, &w);
    prev = l;
  }
  if (par.n) emit(t, &par, pos);
  ty_buf_free(&par);
  free(w.v);
}

/* ---- the document ------------------------------------------------------- */

int ty_read_pdf(const char *bytes, size_t len, const char *name,
                ty_office_text *t, ty_error *err) {
  pthread_once(&api_once, open_api);
  if (!api.free)
    return ty_error_set(err, TY_ERR_IO, name, 0, 0,
                        "reading a PDF needs poppler-glib: %s", api_error);
  GBytes *gb = api.bytes_new_static(bytes, len);
  GError *ge = NULL;
  PopplerDocument *doc = api.document_new_from_bytes(gb, NULL, &ge);
  api.bytes_unref(gb);
  if (!doc) {
    int enc = ge && ge->domain == api.error_quark() &&
              ge->code == POPPLER_ERROR_ENCRYPTED;
    int rc = ty_error_set(err, TY_ERR_SYNTAX, name, 0, 0, "%s%s%s",
                          enc ? "a password-protected PDF; taiyaku does not "
                                "open encrypted files"
                              : "not a readable PDF",
                          enc ? "" : ": ",
                          enc                 ? ""
                          : ge && ge->message ? ge->message
                                              : "damaged");
    if (ge) api.error_free(ge);
    return rc;
  }
  pdf p = {0};
  p.pages = api.document_get_n_pages(doc);
  for (int i = 0; i < p.pages; i++) {
    PopplerPage *pg = api.document_get_page(doc, i);
    if (!pg) continue;
    read_page(&p, pg, i);
    api.object_unref(pg);
  }
  api.object_unref(doc);
  int rc = 0;
  size_t chars = 0;
  for (size_t i = 0; i < p.n; i++)
    chars += p.l[i].len;
  if (chars == 0) {
    rc = ty_error_set(err, TY_ERR_SYNTAX, name, 0, 0,
                      "no text in %d page%s: a scanned PDF? (taiyaku reads a "
                      "PDF's text layer; run OCR first)",
                      p.pages, p.pages == 1 ? "" : "s");
  } else {
    drop_furniture(&p);
    paragraphs(&p, t);
  }
  ty_buf_free(&p.text);
  free(p.l);
  return rc;
}
