/* alignment.c — the alignment object: build (match, align, check), free,
 * summarise. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

ty_pair *ty_alignment_add_pair(ty_alignment *al) {
  if (al->npairs == al->cap) {
    al->cap = al->cap ? al->cap * 2 : 64;
    al->pairs = ty_xrealloc(al->pairs, al->cap * sizeof *al->pairs);
  }
  ty_pair *p = &al->pairs[al->npairs++];
  memset(p, 0, sizeof *p);
  p->ja = p->en = -1;
  return p;
}

static void copy_doc_findings(ty_alignment *al, const ty_doc *d) {
  for (size_t i = 0; i < d->findings.n; i++) {
    const ty_finding *f = &d->findings.v[i];
    ty_findings_add(&al->findings, &al->arena, f->code, f->key, f->ja_line,
                    f->en_line, "%s", f->message);
  }
}

ty_alignment *ty_align(ty_doc *ja, ty_doc *en, const ty_config *cfg,
                       ty_error *err) {
  (void)err;
  ty_alignment *al = ty_xcalloc(1, sizeof *al);
  al->ja = ja;
  al->en = en;
  ty_unit by = cfg ? cfg->by : TY_BY_NUMBER;
  if (by != TY_BY_NUMBER) {
    ty_doc_split_units(ja, by);
    ty_doc_split_units(en, by);
  }
  copy_doc_findings(al, ja);
  copy_doc_findings(al, en);
  if (by == TY_BY_NUMBER) ty_match(al);
  ty_align_content(al, cfg);
  if (!cfg || cfg->checks) ty_check_all(al, cfg);
  ty_findings_finish(al, cfg);
  return al;
}

void ty_alignment_free(ty_alignment *al) {
  if (!al) return;
  free(al->pairs);
  free(al->sents);
  free(al->findings.v);
  ty_arena_free(&al->arena);
  free(al);
}

void ty_alignment_summary(const ty_alignment *al, ty_summary *s) {
  memset(s, 0, sizeof *s);
  s->pairs = al->npairs;
  for (size_t i = 0; i < al->npairs; i++) {
    switch (al->pairs[i].status) {
    case TY_PAIR_MATCHED: s->matched++; break;
    case TY_PAIR_CONTENT: s->content++; break;
    case TY_PAIR_MISSING_EN: s->missing_en++; break;
    case TY_PAIR_MISSING_JA: s->missing_ja++; break;
    }
  }
  for (size_t i = 0; i < al->findings.n; i++) {
    switch (al->findings.v[i].severity) {
    case TY_SEV_ERROR: s->errors++; break;
    case TY_SEV_WARNING: s->warnings++; break;
    case TY_SEV_INFO: s->infos++; break;
    default: break;
    }
  }
}

ty_severity ty_alignment_worst(const ty_alignment *al) {
  ty_severity w = TY_SEV_OFF;
  for (size_t i = 0; i < al->findings.n; i++)
    if (al->findings.v[i].severity > w) w = al->findings.v[i].severity;
  return w;
}

/* Position of a finding for sorting: its line on the Japanese side, else
 * on the English side (after all Japanese lines). */
static int finding_cmp(const void *a, const void *b) {
  const ty_finding *x = a, *y = b;
  long kx = x->ja_line ? x->ja_line : 1000000000L + x->en_line;
  long ky = y->ja_line ? y->ja_line : 1000000000L + y->en_line;
  if (kx != ky) return kx < ky ? -1 : 1;
  if (x->en_line != y->en_line) return x->en_line < y->en_line ? -1 : 1;
  if (x->code != y->code) return (int)x->code - (int)y->code;
  int r = strcmp(x->key, y->key);
  return r ? r : strcmp(x->message, y->message);
}

void ty_findings_finish(ty_alignment *al, const ty_config *cfg) {
  size_t k = 0;
  for (size_t i = 0; i < al->findings.n; i++) {
    ty_finding f = al->findings.v[i];
    f.severity = cfg ? cfg->sev[f.code] : ty_code_default_severity(f.code);
    if (f.severity == TY_SEV_OFF) continue;
    al->findings.v[k++] = f;
  }
  al->findings.n = k;
  if (k > 1) qsort(al->findings.v, k, sizeof *al->findings.v, finding_cmp);
}
