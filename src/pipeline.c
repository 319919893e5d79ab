/* pipeline.c — ty_align, the driver: documents in, an alignment out, by
 * way of match, content alignment and the checks, in that order. */
#include "internal.h"

static void copy_doc_findings(ty_alignment *al, const ty_doc *d) {
  for (size_t i = 0; i < d->findings.n; i++) {
    const ty_finding *f = &d->findings.v[i];
    ty_findings_add(&al->findings, &al->arena, f->code, f->key, f->ja_line,
                    f->en_line, "%s", f->message);
    ty_findings_set_confidence(&al->findings, f->confidence);
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
