/* doc.c — the document lifecycle: create, read (dispatching on the file
 * kind), parse from memory, free, and print the outline. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

ty_doc *ty_doc_new(const char *name, ty_lang lang) {
  ty_doc *d = ty_xcalloc(1, sizeof *d);
  d->name = ty_xstrdup(name ? name : "-");
  d->lang = lang;
  d->text = "";
  return d;
}

void ty_doc_free(ty_doc *d) {
  if (!d) return;
  if (d->map) munmap(d->map, d->map_len);
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
  ty_doc *d = ty_doc_new(path, lang);
  if (ty_read_text(d, path, opt, err) != 0 || parse_loaded(d, err) != 0) {
    ty_doc_free(d);
    return NULL;
  }
  return d;
}

ty_doc *ty_doc_parse(const char *text, size_t len, const char *name,
                     ty_lang lang, ty_error *err) {
  ty_doc *d = ty_doc_new(name, lang);
  if (ty_read_buffer(d, text, len, NULL, err) != 0 ||
      parse_loaded(d, err) != 0) {
    ty_doc_free(d);
    return NULL;
  }
  return d;
}

size_t ty_doc_clause_count(const ty_doc *d) { return d->ncl; }

int ty_doc_write_outline(const ty_doc *d, FILE *out) {
  ty_buf flat = {0}, key = {0};
  for (size_t i = 0; i < d->ncl; i++) {
    const ty_clause *c = &d->cl[i];
    ty_buf_clear(&flat);
    ty_clause_flat_text(c, &flat);
    /* the start of the text: at most 40 characters, on one line */
    size_t cut = 0;
    int chars = 0;
    while (cut < flat.n && chars < 40 && flat.p[cut] != '\n') {
      int len;
      ty_utf8_decode(flat.p + cut, flat.n - cut, &len);
      cut += (size_t)len;
      chars++;
    }
    /* the key indented by depth, so the tree shows */
    ty_buf_clear(&key);
    for (int k = 1; k < c->depth; k++) ty_buf_puts(&key, "  ");
    ty_buf_puts(&key, c->key);
    fprintf(out, "%-20s %-14.*s %6d  %-12s %.*s%s\n", key.p,
            (int)(c->label ? c->label_len : 1), c->label ? c->label : "-",
            c->line, ty_kind_name(c->kind), (int)cut, flat.p ? flat.p : "",
            cut < flat.n ? "…" : "");
  }
  ty_buf_free(&flat);
  ty_buf_free(&key);
  return ferror(out) ? -1 : 0;
}
