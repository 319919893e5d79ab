/* codes.c — the finding codes: their names and default severities, and
 * the finding list every stage appends to. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static const struct code_info {
  const char *name;
  ty_severity sev;
} codes[TY_CODE_COUNT] = {
    [TY_MISSING_EN] = {"missing-en", TY_SEV_ERROR},
    [TY_MISSING_JA] = {"missing-ja", TY_SEV_ERROR},
    [TY_DUPLICATE_NUMBER] = {"duplicate-number", TY_SEV_ERROR},
    [TY_EMPTY] = {"empty", TY_SEV_ERROR},
    [TY_UNTRANSLATED] = {"untranslated", TY_SEV_ERROR},
    [TY_NUMBERING_GAP] = {"numbering-gap", TY_SEV_WARNING},
    [TY_NUMBERING_ORDER] = {"numbering-order", TY_SEV_WARNING},
    [TY_NUMBER_MISMATCH] = {"number-mismatch", TY_SEV_WARNING},
    [TY_TOKEN_MISMATCH] = {"token-mismatch", TY_SEV_WARNING},
    [TY_SENTENCE_UNPAIRED] = {"sentence-unpaired", TY_SEV_WARNING},
    [TY_LENGTH_RATIO] = {"length-ratio", TY_SEV_WARNING},
    [TY_GLOSSARY] = {"glossary", TY_SEV_WARNING},
    [TY_RENUMBERED] = {"renumbered", TY_SEV_WARNING},
    [TY_STYLE_MISMATCH] = {"style-mismatch", TY_SEV_INFO},
    [TY_SUSPICIOUS_CHAR] = {"suspicious-char", TY_SEV_INFO},
    [TY_PUNCTUATION] = {"punctuation", TY_SEV_INFO},
    [TY_REVISIONS] = {"revisions", TY_SEV_INFO},
    [TY_MARKED_LANGUAGE] = {"marked-language", TY_SEV_INFO},
};

const char *ty_code_name(ty_code code) {
  if ((int)code < 0 || code >= TY_CODE_COUNT) return NULL;
  return codes[code].name;
}

int ty_code_from_name(const char *name) {
  if (!name) return -1;
  for (int i = 0; i < TY_CODE_COUNT; i++)
    if (strcmp(codes[i].name, name) == 0) return i;
  return -1;
}

ty_severity ty_code_default_severity(ty_code code) {
  if ((int)code < 0 || code >= TY_CODE_COUNT) return TY_SEV_OFF;
  return codes[code].sev;
}

const char *ty_severity_name(ty_severity sev) {
  switch (sev) {
  case TY_SEV_OFF: return "off";
  case TY_SEV_INFO: return "info";
  case TY_SEV_WARNING: return "warning";
  case TY_SEV_ERROR: return "error";
  }
  return "unknown";
}

void ty_findings_add(ty_findings *f, ty_arena *arena, ty_code code,
                     const char *key, int ja_line, int en_line, const char *fmt,
                     ...) {
  if (f->n == f->cap) {
    f->cap = f->cap ? f->cap * 2 : 16;
    f->v = ty_xrealloc(f->v, f->cap * sizeof *f->v);
  }
  /* one formatting pass for the usual short message; exact length in the
   * arena either way */
  char small[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0, small[0] = '\0';
  char *msg;
  if ((size_t)n < sizeof small) {
    msg = ty_arena_strndup(arena, small, (size_t)n);
  } else {
    msg = ty_arena_alloc(arena, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  ty_finding *x = &f->v[f->n++];
  x->severity = ty_code_default_severity(code);
  x->code = code;
  x->key = key ? key : "";
  x->ja_line = ja_line;
  x->en_line = en_line;
  x->message = msg;
  x->confidence = 1.0;
  x->named = 0;
}

void ty_findings_set_confidence(ty_findings *f, double confidence) {
  if (!f->n) return;
  if (!(confidence >= 0)) confidence = 0; /* NaN too */
  if (confidence > 1) confidence = 1;
  f->v[f->n - 1].confidence = confidence;
}
