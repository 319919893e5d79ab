/* fuzz_pipeline.c — the whole pipeline through every renderer.  The first
 * byte chooses the format and options; the rest is split at the first NUL
 * into the Japanese and the English document. */
#include "internal.h"
#include "render.h"

#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  unsigned sel = data[0];
  const char *text = (const char *)data + 1;
  size_t n = size - 1;
  const char *nul = memchr(text, '\0', n);
  size_t nja = nul ? (size_t)(nul - text) : n / 2;
  size_t en_off = nul ? nja + 1 : nja;
  ty_error err = {0};
  ty_doc *ja =
      ty_doc_parse(text, nja, sel & 0x80 ? "ja.yaml" : "ja.txt", TY_JA, &err);
  ty_doc *en = ty_doc_parse(text + en_off, n - en_off, "en.txt", TY_EN, &err);
  if (ja && en) {
    ty_config *cfg = ty_config_new();
    if (sel & 0x40) cfg->checks = 0;
    /* one context for every input, as a --batch worker keeps one: the
       ICU objects are opened once, not per input */
    static ty_context *ctx;
    if (!ctx) ctx = ty_context_new();
    ty_alignment *al = ty_context_align(ctx, ja, en, cfg, &err);
    if (al) {
      ty_render_options o = {0};
      o.sentences = (sel >> 4) & 1;
      o.width = 20 + (sel & 0x20);
      o.bom = sel & 1;
      FILE *out = fopen("/dev/null", "w");
      if (out) {
        ty_render(al, (ty_format)((sel & 0x0F) % TY_FMT_COUNT), &o, out, &err);
        fclose(out);
      }
      ty_alignment_free(al);
    }
    ty_config_free(cfg);
  }
  ty_doc_free(ja);
  ty_doc_free(en);
  return 0;
}
