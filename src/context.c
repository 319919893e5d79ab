/* context.c — what one thread reuses from one alignment to the next: the
 * ICU objects that take longest to open (sentence break iterators with
 * their abbreviation rules, the spell-out and Roman number formatters and
 * calendars of the number extractor, the JIS character set built from two
 * converters), each opened the first time a stage asks for it. */
#include "internal.h"

#include <stdlib.h>
#include <unicode/uset.h>

ty_context *ty_context_new(void) {
  return ty_xcalloc(1, sizeof(ty_context));
}

void ty_context_free(ty_context *ctx) {
  if (!ctx) return;
  ty_segmenter_free(ctx->sg);
  ty_extractor_free(ctx->x);
  if (ctx->jis) uset_close(ctx->jis);
  free(ctx->jis_bits);
  free(ctx);
}

ty_segmenter *ty_context_segmenter(ty_context *ctx) {
  if (!ctx->sg) ctx->sg = ty_segmenter_new();
  return ctx->sg;
}

ty_extractor *ty_context_extractor(ty_context *ctx) {
  if (!ctx->x) ctx->x = ty_extractor_new();
  return ctx->x;
}
