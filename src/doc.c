/* doc.c — the clause model: a document and its clauses (create, add,
 * free, count) and a clause's text flattened to lines. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

ty_doc *ty_doc_new(const char *name, ty_lang lang) {
  ty_doc *d = ty_xcalloc(1, sizeof *d);
  d->name = ty_xstrdup(name ? name : "-");
  d->lang = lang;
  d->text = "";
  return d;
}

void ty_doc_free(ty_doc *d) {
  if (!d) return;
  free(d->owned);
  free(d->cl);
  free(d->findings.v);
  ty_arena_free(&d->arena);
  free(d->name);
  free(d);
}

ty_clause *ty_doc_add_clause(ty_doc *d) {
  if (d->ncl == d->cap) {
    d->cap = d->cap ? d->cap * 2 : 64;
    d->cl = ty_xrealloc(d->cl, d->cap * sizeof *d->cl);
  }
  ty_clause *c = &d->cl[d->ncl++];
  memset(c, 0, sizeof *c);
  c->parent = -1;
  c->key = "";
  return c;
}

void ty_doc_reserve_clauses(ty_doc *d, size_t n) {
  if (n <= d->cap) return;
  d->cap = n;
  d->cl = ty_xrealloc(d->cl, d->cap * sizeof *d->cl);
}

size_t ty_doc_clause_count(const ty_doc *d) {
  return d->ncl;
}

/* Latin letters, digits and Latin punctuation want a space when two lines
 * are joined; Japanese characters do not. */
static int wants_space(int32_t c) {
  return !ty_is_japanese(c) && c < 0x3000;
}

void ty_clause_flat_text(const ty_clause *c, ty_buf *out) {
  const char *s = c->text;
  size_t n = c->text_len, i = 0;
  int32_t prev = 0;
  while (i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n;
    /* strip the line's leading and trailing spaces */
    size_t a = i, z = e;
    while (a < z) {
      int len;
      int32_t ch = ty_utf8_decode(s + a, z - a, &len);
      if (!ty_is_space(ch)) break;
      a += (size_t)len;
    }
    while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t'))
      z--;
    if (a == z) {
      /* a blank line: a paragraph break */
      if (out->n && out->p[out->n - 1] != '\n' && prev) {
        ty_buf_putc(out, '\n');
        prev = 0;
      }
    } else {
      if (prev) {
        int len;
        int32_t first = ty_utf8_decode(s + a, z - a, &len);
        if (wants_space(prev) || wants_space(first)) ty_buf_putc(out, ' ');
      }
      ty_buf_put(out, s + a, z - a);
      /* remember the last character of this line */
      size_t k = z - 1;
      while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
      int len;
      prev = ty_utf8_decode(s + k, z - k, &len);
    }
    i = e + 1;
  }
}

long ty_doc_clause_at(const ty_doc *d, int line, const char *key) {
  size_t lo = 0, hi = d->ncl;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->cl[mid].line < line)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (; lo < d->ncl && d->cl[lo].line == line; lo++)
    if (strcmp(d->cl[lo].key, key) == 0) return (long)lo;
  return -1;
}
