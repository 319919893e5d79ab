/* outline_sequence.c — numbering findings over an outline's keyed
 * clauses: a number repeated, numbers missing, numbers out of order. */
#include "outline.h"

#include <stdlib.h>
#include <string.h>

typedef struct keyent {
  const char *key;
  int idx;
} keyent;

static int keyent_cmp(const void *a, const void *b) {
  const keyent *x = a, *y = b;
  int r = strcmp(x->key, y->key);
  return r ? r : x->idx - y->idx;
}

enum { NCLASS = 3 + R_PARA + 1 };

/* Which numbers count as one sequence: dotted sections, appendix letters
 * and lists apart; each structural rank apart. */
static int seq_class(const ty_doc *d, const ty_clause *c, int statute) {
  if (statute && statute_rank(c->kind) != R_LIST)
    return 3 + statute_rank(c->kind);
  if (statute && c->kind == TY_K_ARABIC && c->parent >= 0 &&
      is_article(d->cl[c->parent].kind))
    return 3 + R_PARA; /* paragraphs apart from the items of the first */
  if (c->kind == TY_K_DOTTED) return 1;
  if (c->kind == TY_K_LATIN_UPPER || is_appendix(c->kind)) return 2;
  return 0;
}

/* The clause whose children a clause is numbered among: its parent, but
 * for an article the supplementary provisions it is in (articles are
 * numbered across chapters), -1 for the top. */
static int seq_parent(const ty_doc *d, size_t i, int statute) {
  if (statute && is_article(d->cl[i].kind)) return suppl_above(d, i);
  return d->cl[i].parent;
}

/* Whether the two clauses after clause i, siblings, are numbered one and
 * two less: the numbers count down from i (a sequence, not gaps and
 * disorder; one swap, 1 3 2 4, is not). */
static int counts_down(const ty_doc *d, size_t i) {
  const ty_clause *c = &d->cl[i];
  if (i + 2 >= d->ncl) return 0;
  for (int k = 1; k <= 2; k++) {
    const ty_clause *o = &d->cl[i + (size_t)k];
    if (o->parent != c->parent || o->kind != c->kind ||
        o->ordinal != c->ordinal - k)
      return 0;
  }
  return 1;
}

void ty_outline_sequence_findings(ty_doc *d, const cinfo *info, int statute) {
  /* duplicates: the same key twice */
  keyent *v = ty_xmalloc((d->ncl ? d->ncl : 1) * sizeof *v);
  for (size_t i = 0; i < d->ncl; i++) {
    v[i].key = d->cl[i].key;
    v[i].idx = (int)i;
  }
  qsort(v, d->ncl, sizeof *v, keyent_cmp);
  for (size_t i = 1; i < d->ncl; i++) {
    if (strcmp(v[i].key, v[i - 1].key) != 0) continue;
    const ty_clause *a = &d->cl[v[i - 1].idx], *c = &d->cl[v[i].idx];
    if (c->flags & TY_CL_FRONT) continue;
    int line = c->line;
    ty_findings_add(&d->findings, &d->arena, TY_DUPLICATE_NUMBER, c->key,
                    d->lang == TY_JA ? line : 0, d->lang == TY_EN ? line : 0,
                    "%s: %.*s at line %d repeats the number of line %d",
                    d->lang == TY_JA ? "ja" : "en", (int)c->label_len, c->label,
                    line, a->line);
  }
  free(v);
  /* gaps and order among siblings: per parent and sequence class, the
   * last ordinal; the top-level sequences start again in a new scope */
  size_t nslots = NCLASS * (d->ncl + 1);
  int *last = ty_xcalloc(nslots, sizeof *last);
  int *last_line = ty_xcalloc(nslots, sizeof *last_line);
  unsigned char *down = ty_xcalloc(nslots, 1); /* the slot counts down */
  int top_scope = 1;
  for (size_t i = 0; i < d->ncl; i++) {
    const ty_clause *c = &d->cl[i];
    int scope = info ? info[i].scope : 1;
    if (scope != top_scope) {
      for (int k = 0; k < NCLASS; k++)
        last[NCLASS * d->ncl + k] = 0;
      top_scope = scope;
    }
    if (c->flags & TY_CL_FRONT) continue;
    int sp = seq_parent(d, i, statute);
    size_t slot = NCLASS * (sp < 0 ? d->ncl : (size_t)sp) +
                  (size_t)seq_class(d, c, statute);
    int prev = last[slot];
    /* an article's first paragraph carries no number */
    if (statute && prev == 0 && c->kind == TY_K_ARABIC && c->parent >= 0 &&
        is_article(d->cl[c->parent].kind) && c->ordinal > 1)
      prev = 1;
    int line = c->line;
    int ja = d->lang == TY_JA ? line : 0, en = d->lang == TY_EN ? line : 0;
    if (c->branch) {
      /* 第十条の二 follows 第十条: a peer, same ordinal */
      if (c->ordinal != prev && c->ordinal != prev + 1)
        ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_ORDER, c->key, ja,
                        en, "%.*s follows number %d", (int)c->label_len,
                        c->label, prev);
    } else if (is_suppl(c->kind)) {
      /* unnumbered: each set of supplementary provisions stands alone */
    } else if (c->ordinal > prev + 1 && !counts_down(d, i)) {
      if (prev + 1 == c->ordinal - 1)
        ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_GAP, c->key, ja,
                        en, "%.*s: number %d is missing before it",
                        (int)c->label_len, c->label, prev + 1);
      else
        ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_GAP, c->key, ja,
                        en, "%.*s: numbers %d to %d are missing before it",
                        (int)c->label_len, c->label, prev + 1, c->ordinal - 1);
    } else if (c->ordinal == prev - 1 && (down[slot] || counts_down(d, i))) {
      /* a step down that the next clause takes again (not one swap) */
      /* counting down: one finding where it starts, none per step */
      if (!down[slot])
        ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_ORDER, c->key, ja,
                        en, "%.*s: the numbers count down from %d (line %d)",
                        (int)c->label_len, c->label, prev, last_line[slot]);
      down[slot] = 1;
    } else if (c->ordinal < prev) {
      ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_ORDER, c->key, ja,
                      en, "%.*s comes after number %d (line %d)",
                      (int)c->label_len, c->label, prev, last_line[slot]);
    }
    if (c->ordinal != prev - 1) down[slot] = 0;
    if (c->ordinal >= prev || down[slot]) {
      last[slot] = c->ordinal;
      last_line[slot] = line;
    }
  }
  free(last);
  free(last_line);
  free(down);
}
