/* report.c — how a document was understood, one clause a line
 * (`taiyaku outline`). */
#include "internal.h"

#include <stdio.h>
#include <string.h>

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
    fprintf(out, "%-20s %-14.*s %6d  %-12s %.*s%s%s%s%s\n", key.p,
            (int)(c->label ? c->label_len : 1), c->label ? c->label : "-",
            c->line, ty_kind_name(c->kind), (int)cut, flat.p ? flat.p : "",
            cut < flat.n ? "…" : "", c->lang ? "  (lang " : "",
            c->lang ? c->lang : "", c->lang ? ")" : "");
  }
  ty_buf_free(&flat);
  ty_buf_free(&key);
  return ferror(out) ? -1 : 0;
}

/* Writes s[0..n) as a JSON string literal. */
static void json_string(FILE *out, const char *s, size_t n) {
  fputc('"', out);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\')
      fprintf(out, "\\%c", c);
    else if (c == '\n')
      fputs("\\n", out);
    else if (c == '\t')
      fputs("\\t", out);
    else if (c < 0x20)
      fprintf(out, "\\u%04x", c);
    else
      fputc(c, out);
  }
  fputc('"', out);
}

static void json_cstr(FILE *out, const char *s) {
  if (s)
    json_string(out, s, strlen(s));
  else
    fputs("null", out);
}

int ty_doc_write_outline_json(const ty_doc *d, FILE *out) {
  ty_buf flat = {0};
  fputs("{\"taiyaku\": 1, \"path\": ", out);
  json_cstr(out, d->name);
  fputs(", \"format\": ", out);
  json_cstr(out, ty_input_format_name(d->format));
  fputs(", \"lang\": ", out);
  json_cstr(out, d->declared_lang);
  fputs(",\n \"clauses\": [", out);
  for (size_t i = 0; i < d->ncl; i++) {
    const ty_clause *c = &d->cl[i];
    fputs(i ? ",\n  {\"key\": " : "\n  {\"key\": ", out);
    json_cstr(out, c->key);
    fputs(", \"label\": ", out);
    json_string(out, c->label ? c->label : "", c->label ? c->label_len : 0);
    fprintf(out, ", \"line\": %d, \"depth\": %d, \"kind\": ", c->line,
            c->depth);
    json_cstr(out, ty_kind_name(c->kind));
    if (c->lang) {
      fputs(", \"lang\": ", out);
      json_cstr(out, c->lang);
    }
    fputs(", \"text\": ", out);
    ty_buf_clear(&flat);
    ty_clause_flat_text(c, &flat);
    json_string(out, flat.p ? flat.p : "", flat.n);
    fputc('}', out);
  }
  fputs("\n]}\n", out);
  ty_buf_free(&flat);
  return ferror(out) ? -1 : 0;
}
