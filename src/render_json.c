/* render_json.c — JSON, version 1, as DESIGN.md fixes it: one pair or
 * finding a line so that diffs of committed alignments stay readable. */
#include "internal.h"

#include <string.h>

/* Writes s[0..n) as a JSON string literal. */
static void put_string(FILE *f, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  putc('"', f);
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    fwrite(s + run, 1, i - run, f);
    run = i + 1;
    switch (c) {
    case '"': fputs("\\\"", f); break;
    case '\\': fputs("\\\\", f); break;
    case '\n': fputs("\\n", f); break;
    case '\t': fputs("\\t", f); break;
    case '\r': fputs("\\r", f); break;
    default:
      fputs("\\u00", f);
      putc(hex[c >> 4], f);
      putc(hex[c & 15], f);
    }
  }
  fwrite(s + run, 1, n - run, f);
  putc('"', f);
}

static void put_cstr(FILE *f, const char *s) { put_string(f, s, strlen(s)); }

static void put_side(FILE *f, const ty_alignment *al, const ty_pair *p,
                     ty_lang side, ty_buf *tmp) {
  int idx = side == TY_JA ? p->ja : p->en;
  if (idx < 0) {
    fputs("null", f);
    return;
  }
  fputs("{\"label\":", f);
  ty_buf_clear(tmp);
  ty_pair_label(al, p, side, tmp);
  put_string(f, tmp->p, tmp->n);
  fprintf(f, ",\"line\":%d,\"text\":", ty_pair_line(al, p, side));
  ty_buf_clear(tmp);
  ty_pair_text(al, p, side, tmp);
  put_string(f, tmp->p, tmp->n);
  putc('}', f);
}

static void put_sentences(FILE *f, const ty_alignment *al, const ty_pair *p) {
  fputs(",\"sentences\":[", f);
  for (size_t k = 0; k < p->nsent; k++) {
    const ty_sentpair *s = &al->sents[p->sent_off + k];
    if (k) putc(',', f);
    fputs("{\"ja\":", f);
    if (s->ja) put_string(f, s->ja, s->ja_len);
    else fputs("null", f);
    fputs(",\"en\":", f);
    if (s->en) put_string(f, s->en, s->en_len);
    else fputs("null", f);
    putc('}', f);
  }
  putc(']', f);
}

static void put_doc(FILE *f, const char *name, const ty_doc *d) {
  fprintf(f, "  \"%s\": {\"path\": ", name);
  put_cstr(f, d->name);
  fprintf(f, ", \"clauses\": %zu},\n", d->ncl);
}

int ty_render_json(const ty_alignment *al, const ty_render_options *o,
                   FILE *f) {
  ty_buf tmp = {0};
  fputs("{\n  \"taiyaku\": 1,\n", f);
  put_doc(f, "ja", al->ja);
  put_doc(f, "en", al->en);
  fputs("  \"pairs\": [", f);
  for (size_t i = 0; i < al->npairs; i++) {
    const ty_pair *p = &al->pairs[i];
    fputs(i ? ",\n    " : "\n    ", f);
    fputs("{\"key\":", f);
    put_cstr(f, ty_pair_key(al, p));
    fprintf(f, ",\"status\":\"%s\"", ty_pair_status_name(p->status));
    if (p->status == TY_PAIR_CONTENT) fprintf(f, ",\"score\":%.3f", p->score);
    fputs(",\"ja\":", f);
    put_side(f, al, p, TY_JA, &tmp);
    fputs(",\"en\":", f);
    put_side(f, al, p, TY_EN, &tmp);
    if (p->nsent) put_sentences(f, al, p);
    putc('}', f);
  }
  fputs(al->npairs ? "\n  ],\n" : "],\n", f);
  fputs("  \"findings\": [", f);
  for (size_t i = 0; i < al->findings.n; i++) {
    const ty_finding *x = &al->findings.v[i];
    fputs(i ? ",\n    " : "\n    ", f);
    fprintf(f, "{\"severity\":\"%s\",\"code\":\"%s\",\"key\":",
            ty_severity_name(x->severity), ty_code_name(x->code));
    put_cstr(f, x->key);
    fputs(",\"ja_line\":", f);
    if (x->ja_line) fprintf(f, "%d", x->ja_line);
    else fputs("null", f);
    fputs(",\"en_line\":", f);
    if (x->en_line) fprintf(f, "%d", x->en_line);
    else fputs("null", f);
    fputs(",\"message\":", f);
    put_cstr(f, x->message);
    putc('}', f);
  }
  fputs(al->findings.n ? "\n  ],\n" : "],\n", f);
  ty_summary s;
  ty_alignment_summary(al, &s);
  fprintf(f,
          "  \"summary\": {\"pairs\": %zu, \"matched\": %zu, \"content\": %zu, "
          "\"missing_en\": %zu, \"missing_ja\": %zu, \"errors\": %zu, "
          "\"warnings\": %zu, \"infos\": %zu}\n}\n",
          s.pairs, s.matched, s.content, s.missing_en, s.missing_ja, s.errors,
          s.warnings, s.infos);
  ty_buf_free(&tmp);
  (void)o;
  return ferror(f) ? -1 : 0;
}
