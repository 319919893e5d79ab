/* render.c — the render driver and what every output format shares:
 * flattened clause text, pair accessors, names. */
#include "internal.h"

#include <string.h>

static const char *const format_names[TY_FMT_COUNT] = {
    "text", "md", "html", "csv", "tsv", "json", "yaml", "tmx", "xliff"};
static const char *const format_ext[TY_FMT_COUNT] = {
    "txt", "md", "html", "csv", "tsv", "json", "yaml", "tmx", "xlf"};

const char *ty_format_name(ty_format f) {
  return f >= 0 && f < TY_FMT_COUNT ? format_names[f] : NULL;
}

const char *ty_format_extension(ty_format f) {
  return f >= 0 && f < TY_FMT_COUNT ? format_ext[f] : NULL;
}

int ty_format_from_name(const char *name) {
  for (int i = 0; i < TY_FMT_COUNT; i++)
    if (strcmp(name, format_names[i]) == 0) return i;
  if (strcmp(name, "markdown") == 0) return TY_FMT_MD;
  if (strcmp(name, "xlf") == 0 || strcmp(name, "xliff2") == 0)
    return TY_FMT_XLIFF;
  return -1;
}

const char *ty_pair_status_name(ty_pair_status s) {
  switch (s) {
  case TY_PAIR_MATCHED: return "matched";
  case TY_PAIR_CONTENT: return "content";
  case TY_PAIR_MISSING_EN: return "missing-en";
  case TY_PAIR_MISSING_JA: return "missing-ja";
  }
  return "?";
}

/* Latin letters, digits and Latin punctuation want a space when two lines
 * are joined; Japanese characters do not. */
static int wants_space(int32_t c) { return !ty_is_japanese(c) && c < 0x3000; }

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
    while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t')) z--;
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
      while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
      int len;
      prev = ty_utf8_decode(s + k, z - k, &len);
    }
    i = e + 1;
  }
}

void ty_pair_text(const ty_alignment *al, const ty_pair *p, ty_lang side,
                  ty_buf *out) {
  const ty_doc *d = side == TY_JA ? al->ja : al->en;
  int first = side == TY_JA ? p->ja : p->en;
  int count = side == TY_JA ? p->nja : p->nen;
  for (int k = 0; k < count && first >= 0; k++) {
    if (k) ty_buf_putc(out, '\n');
    ty_clause_flat_text(&d->cl[first + k], out);
  }
  if (!out->p) ty_buf_put(out, "", 0);
}

void ty_pair_label(const ty_alignment *al, const ty_pair *p, ty_lang side,
                   ty_buf *out) {
  const ty_doc *d = side == TY_JA ? al->ja : al->en;
  int first = side == TY_JA ? p->ja : p->en;
  if (first >= 0 && d->cl[first].label)
    ty_buf_put(out, d->cl[first].label, d->cl[first].label_len);
  else
    ty_buf_put(out, "", 0);
}

const char *ty_pair_key(const ty_alignment *al, const ty_pair *p) {
  if (p->ja >= 0) return al->ja->cl[p->ja].key;
  if (p->en >= 0) return al->en->cl[p->en].key;
  return "";
}

int ty_pair_line(const ty_alignment *al, const ty_pair *p, ty_lang side) {
  int i = side == TY_JA ? p->ja : p->en;
  if (i < 0) return 0;
  return (side == TY_JA ? al->ja : al->en)->cl[i].line;
}

int ty_render(const ty_alignment *al, ty_format fmt,
              const ty_render_options *opt, FILE *out, ty_error *err) {
  ty_render_options defaults = {0};
  if (!opt) opt = &defaults;
  int r;
  switch (fmt) {
  case TY_FMT_TEXT: r = ty_render_text(al, opt, out); break;
  case TY_FMT_MD: r = ty_render_md(al, opt, out); break;
  case TY_FMT_HTML: r = ty_render_html(al, opt, out); break;
  case TY_FMT_CSV: r = ty_render_csv(al, opt, out, ','); break;
  case TY_FMT_TSV: r = ty_render_csv(al, opt, out, '\t'); break;
  case TY_FMT_JSON: r = ty_render_json(al, opt, out); break;
  case TY_FMT_YAML: r = ty_render_yaml(al, opt, out); break;
  case TY_FMT_TMX: r = ty_render_tmx(al, opt, out); break;
  case TY_FMT_XLIFF: r = ty_render_xliff(al, opt, out); break;
  default:
    return ty_error_set(err, TY_ERR_USAGE, NULL, 0, 0, "unknown format");
  }
  if (r != 0 || ferror(out))
    return ty_error_set(err, TY_ERR_IO, NULL, 0, 0, "write error");
  return 0;
}
