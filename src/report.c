/* report.c — how a document was understood, one clause a line
 * (`taiyaku outline`). */
#include "internal.h"

#include <stdio.h>

int ty_doc_write_outline(const ty_doc *d, FILE *out) {
  ty_buf flat = {0}, key = {0};
  /* how a structured document was read */
  if (d->format != TY_IN_TEXT && d->format != TY_IN_AUTO)
    fprintf(out, "# %s%s%s\n", ty_input_format_name(d->format),
            d->declared_lang ? ", lang " : "",
            d->declared_lang ? d->declared_lang : "");
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
    for (int k = 1; k < c->depth; k++)
      ty_buf_puts(&key, "  ");
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
