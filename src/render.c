/* render.c — the render driver: format names and the dispatch to one
 * render_<format>.c per output format. */
#include "internal.h"
#include "render.h"

#include <string.h>

static const char *const format_names[TY_FMT_COUNT] = {
    "text", "md",  "html",  "csv",     "tsv",  "json",
    "yaml", "tmx", "xliff", "xliff12", "xlsx", "docx"};
static const char *const format_ext[TY_FMT_COUNT] = {
    "txt",  "md",  "html", "csv",   "tsv",  "json",
    "yaml", "tmx", "xlf",  "xliff", "xlsx", "docx"};

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

int ty_render(const ty_alignment *al, ty_format fmt,
              const ty_render_options *opt, FILE *out, ty_error *err) {
  ty_init();
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
  case TY_FMT_XLIFF12: r = ty_render_xliff12(al, opt, out); break;
  case TY_FMT_XLSX: r = ty_render_xlsx(al, opt, out); break;
  case TY_FMT_DOCX: r = ty_render_docx(al, opt, out); break;
  default: return ty_error_set(err, TY_ERR_USAGE, NULL, 0, 0, "unknown format");
  }
  if (r != 0 || ferror(out))
    return ty_error_set(err, TY_ERR_IO, NULL, 0, 0, "write error");
  return 0;
}
