/* units.c — documents without usable numbering (--by paragraph,
 * --by sentence) split into units: paragraphs between blank lines, or the
 * sentences of each paragraph. */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

static void add_unit(ty_doc *d, const char *s, size_t n, int line,
                     int end_line) {
  ty_clause *c = ty_doc_add_clause(d);
  c->key = ty_arena_printf(&d->arena, "%zu", d->ncl);
  c->text = s;
  c->text_len = n;
  c->line = line;
  c->end_line = end_line;
  c->col = 1;
  c->flags = TY_CL_FRONT;
}

static int blank_line(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    if (!ty_is_space(c) && c != '\r') return 0;
    i += (size_t)len;
  }
  return 1;
}

int ty_has_paragraphs(const char *t, size_t n) {
  int seen = 0, gap = 0;
  for (size_t i = 0; i < n;) {
    const char *nl = memchr(t + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - t) : n;
    if (blank_line(t + i, e - i))
      gap = seen;
    else if (gap)
      return 1;
    else
      seen = 1;
    i = e + 1;
  }
  return 0;
}

/* A structured document (YAML, XML, HTML, ...) split by the texts of its
 * clauses, not its bytes (a YAML line "clauses:" is no unit): each clause
 * text a paragraph, or its sentences. */
static void split_clause_texts(ty_doc *d, ty_unit by, ty_context *ctx) {
  size_t n = d->ncl;
  ty_clause *old = ty_xmalloc((n + 1) * sizeof *old);
  if (n) memcpy(old, d->cl, n * sizeof *old);
  d->ncl = 0;
  d->findings.n = 0;
  ty_segmenter *sg = by == TY_BY_SENTENCE ? ty_context_segmenter(ctx) : NULL;
  ty_spans sp = {0};
  for (size_t k = 0; k < n; k++) {
    const ty_clause *c = &old[k];
    if (!c->text_len) continue;
    if (!sg) {
      add_unit(d, c->text, c->text_len, c->line, c->end_line);
      continue;
    }
    sp.n = 0;
    ty_sentences(sg, c->text, c->text_len, d->lang, &sp);
    int l = c->line;
    const char *q = c->text;
    for (size_t s = 0; s < sp.n; s++) {
      const char *at = c->text + sp.v[s].off;
      for (; q < at; q++)
        l += *q == '\n';
      add_unit(d, at, sp.v[s].len, l, l);
    }
  }
  ty_spans_free(&sp);
  free(old);
}

void ty_doc_split_units(ty_doc *d, ty_unit by, ty_context *ctx) {
  if (d->format != TY_IN_TEXT) {
    split_clause_texts(d, by, ctx);
    return;
  }
  d->ncl = 0;
  d->findings.n = 0;
  const char *t = d->text;
  size_t n = d->len;
  int paragraphs = ty_has_paragraphs(t, n);
  ty_segmenter *sg =
      by == TY_BY_SENTENCE && paragraphs ? ty_context_segmenter(ctx) : NULL;
  ty_spans sp = {0};
  size_t i = 0, ps = 0, pe = 0;
  int line = 1, pline = 0, open = 0;
  for (;;) {
    int end = i >= n;
    const char *nl = end ? NULL : memchr(t + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - t) : n;
    int blank = end || blank_line(t + i, e - i);
    if (!blank && !open) ps = i, pline = line, open = 1;
    if (!blank) pe = e;
    if (open && (blank || !paragraphs)) {
      while (pe > ps && t[pe - 1] == '\r')
        pe--;
      if (!sg) {
        add_unit(d, t + ps, pe - ps, pline, blank ? line - 1 : line);
      } else {
        sp.n = 0;
        ty_sentences(sg, t + ps, pe - ps, d->lang, &sp);
        int l = pline;
        const char *q = t + ps;
        for (size_t k = 0; k < sp.n; k++) {
          const char *at = t + ps + sp.v[k].off;
          for (; q < at; q++)
            l += *q == '\n';
          add_unit(d, at, sp.v[k].len, l, l);
        }
      }
      open = 0;
    }
    if (end) break;
    i = e + 1;
    line++;
  }
  ty_spans_free(&sp);
}
