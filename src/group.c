/* group.c — one cause, one finding.  After the clauses are paired, the
 * findings a missing or renumbered clause causes are folded into that
 * clause's own missing-en/missing-ja finding, which says how many it took
 * in and which:
 *  - the missing-* findings of its sub-clauses, on either side (the
 *    sub-clauses of the clause its content pairs it with included);
 *  - a second missing-* finding of the same pair (ja 5 pairs with en 6 by
 *    content: "5 has no English", "6 has no Japanese");
 *  - where its content pairs it with a clause of another number B, the
 *    numbering findings that number causes on B's side: a gap or an order
 *    finding at B or at the sibling after B, and a repetition of B's
 *    number (duplicate-number).
 * Checked on the Constitution of Japan (constitution-of-japan/ja.egov.txt
 * against en.pg612.txt, whose Article 37 is labelled "Article 39."): nine
 * findings (37, 37.2, 37.3 missing-en; 39.2, 39.3 missing-ja; numbering-gap
 * 39, numbering-order 38, duplicate-number 39 on the English side) become
 * one. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static int is_missing(ty_code c) {
  return c == TY_MISSING_EN || c == TY_MISSING_JA;
}

static int is_numbering(ty_code c) {
  return c == TY_NUMBERING_GAP || c == TY_NUMBERING_ORDER ||
         c == TY_DUPLICATE_NUMBER;
}

/* The side a finding is about: a missing-en finding is about a Japanese
 * clause; a per-file finding about the side whose line it has. */
static int side_of(const ty_finding *f) {
  if (f->code == TY_MISSING_EN) return TY_JA;
  if (f->code == TY_MISSING_JA) return TY_EN;
  return f->ja_line > 0 ? TY_JA : TY_EN;
}

/* A renumbered clause the content pairing found: the key of the clause B
 * on side `side` a root finding pairs with, and the root. */
typedef struct renumbered {
  const char *key;
  int side;
  size_t root; /* index of the root finding */
} renumbered;

static int renumbered_cmp(const void *a, const void *b) {
  const renumbered *x = a, *y = b;
  if (x->side != y->side) return x->side - y->side;
  return strcmp(x->key, y->key);
}

typedef struct grouping {
  ty_alignment *al;
  const ty_doc *d[2];
  long *clause;       /* per finding: its clause on its side, or -1 */
  size_t *pair_of[2]; /* per clause: 1 + its pair, 0 for none */
  size_t *missing_of; /* per pair: 1 + its first missing-* finding */
  size_t *into;       /* per finding: 1 + the finding it folds into */
  renumbered *ren;    /* sorted by side and key */
  size_t nren;
  size_t *near[2]; /* per clause: 1 + the root of a renumbered clause B
                      when it is B or the sibling after B */
} grouping;

static void index_pairs(grouping *g) {
  ty_alignment *al = g->al;
  for (int s = 0; s < 2; s++)
    g->pair_of[s] = ty_xcalloc(g->d[s]->ncl + 1, sizeof *g->pair_of[s]);
  for (size_t k = 0; k < al->npairs; k++) {
    const ty_pair *p = &al->pairs[k];
    for (int t = 0; p->ja >= 0 && t < p->nja; t++)
      g->pair_of[TY_JA][p->ja + t] = k + 1;
    for (int t = 0; p->en >= 0 && t < p->nen; t++)
      g->pair_of[TY_EN][p->en + t] = k + 1;
  }
  g->missing_of = ty_xcalloc(al->npairs + 1, sizeof *g->missing_of);
  for (size_t i = 0; i < al->findings.n; i++) {
    const ty_finding *f = &al->findings.v[i];
    int s = side_of(f);
    g->clause[i] =
        ty_doc_clause_at(g->d[s], s == TY_JA ? f->ja_line : f->en_line, f->key);
    if (!is_missing(f->code) || g->clause[i] < 0) continue;
    size_t p = g->pair_of[s][g->clause[i]];
    if (p && !g->missing_of[p - 1]) g->missing_of[p - 1] = i + 1;
  }
}

/* The missing-* finding a missing-* finding folds into, or 0: that of an
 * ancestor's pair, else another of its own pair. */
static size_t missing_root(const grouping *g, size_t i) {
  const ty_finding *f = &g->al->findings.v[i];
  int s = side_of(f);
  const ty_doc *d = g->d[s];
  for (int p = d->cl[g->clause[i]].parent; p >= 0; p = d->cl[p].parent) {
    size_t pair = g->pair_of[s][p];
    if (pair && g->missing_of[pair - 1]) return g->missing_of[pair - 1];
  }
  size_t own = g->pair_of[s][g->clause[i]];
  size_t m = own ? g->missing_of[own - 1] : 0;
  return m != i + 1 ? m : 0;
}

/* The sibling after clause c of d, or -1. */
static long next_sibling(const ty_doc *d, long c) {
  for (size_t j = (size_t)c + 1; j < d->ncl; j++) {
    if (d->cl[j].parent == d->cl[c].parent) return (long)j;
    if (d->cl[j].depth < d->cl[c].depth) break;
  }
  return -1;
}

/* Records, for each root finding whose pair joins its clause with a
 * clause B of another number, B and the sibling after it. */
static void find_renumbered(grouping *g) {
  ty_alignment *al = g->al;
  g->ren = ty_xmalloc((al->findings.n + 1) * sizeof *g->ren);
  for (int s = 0; s < 2; s++)
    g->near[s] = ty_xcalloc(g->d[s]->ncl + 1, sizeof *g->near[s]);
  for (size_t i = 0; i < al->findings.n; i++) {
    const ty_finding *f = &al->findings.v[i];
    if (!is_missing(f->code) || g->clause[i] < 0 || g->into[i]) continue;
    int s = side_of(f), o = !s;
    const ty_pair *p = &al->pairs[g->pair_of[s][g->clause[i]] - 1];
    long b = o == TY_JA ? p->ja : p->en;
    if (p->status != TY_PAIR_CONTENT || b < 0) continue;
    const ty_clause *bc = &g->d[o]->cl[b];
    if (strcmp(bc->key, f->key) == 0) continue;
    long next = next_sibling(g->d[o], b);
    g->ren[g->nren++] = (renumbered){bc->key, o, i};
    g->near[o][b] = i + 1;
    if (next >= 0) g->near[o][next] = i + 1;
  }
  qsort(g->ren, g->nren, sizeof *g->ren, renumbered_cmp);
}

/* The root a numbering finding folds into, or 0. */
static size_t numbering_root(const grouping *g, size_t i) {
  const ty_finding *f = &g->al->findings.v[i];
  int s = side_of(f);
  if (f->code == TY_DUPLICATE_NUMBER) {
    renumbered key = {f->key, s, 0};
    const renumbered *r =
        bsearch(&key, g->ren, g->nren, sizeof *g->ren, renumbered_cmp);
    if (r) return r->root + 1;
  }
  return g->clause[i] < 0 ? 0 : g->near[s][g->clause[i]];
}

/* Appends to each root's message what it took in; drops the rest. */
static void fold(grouping *g) {
  ty_alignment *al = g->al;
  size_t n = al->findings.n;
  size_t *count = ty_xcalloc(n + 1, sizeof *count);
  ty_buf *list = ty_xcalloc(n + 1, sizeof *list);
  for (size_t i = 0; i < n; i++) {
    size_t r = g->into[i];
    if (!r) continue;
    /* a chain ends at its root; a cycle (crossed pairings) keeps i */
    for (size_t steps = 0; r && g->into[r - 1] && steps < n; steps++)
      r = g->into[r - 1];
    if (g->into[r - 1] || r == i + 1) {
      g->into[i] = 0;
      continue;
    }
    g->into[i] = r;
    const ty_finding *f = &al->findings.v[i];
    if (count[r - 1]++ < 8)
      ty_buf_printf(&list[r - 1], "%s%s %s", count[r - 1] > 1 ? ", " : "",
                    ty_code_name(f->code), f->key);
    else if (count[r - 1] == 9)
      ty_buf_puts(&list[r - 1], ", ...");
  }
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (g->into[i]) continue;
    ty_finding f = al->findings.v[i];
    if (count[i])
      f.message = ty_arena_printf(&al->arena,
                                  "%s; %zu finding%s of the same cause "
                                  "folded in: %s",
                                  f.message, count[i], count[i] > 1 ? "s" : "",
                                  list[i].p);
    al->findings.v[k++] = f;
  }
  al->findings.n = k;
  for (size_t i = 0; i < n; i++)
    ty_buf_free(&list[i]);
  free(list);
  free(count);
}

void ty_group_findings(ty_alignment *al) {
  size_t n = al->findings.n;
  if (!n) return;
  grouping g = {al, {al->ja, al->en}, NULL, {NULL, NULL}, NULL, NULL, NULL,
                0,  {NULL, NULL}};
  g.clause = ty_xmalloc(n * sizeof *g.clause);
  g.into = ty_xcalloc(n, sizeof *g.into);
  index_pairs(&g);
  for (size_t i = 0; i < n; i++)
    if (is_missing(al->findings.v[i].code) && g.clause[i] >= 0)
      g.into[i] = missing_root(&g, i);
  find_renumbered(&g);
  for (size_t i = 0; i < n; i++)
    if (is_numbering(al->findings.v[i].code)) g.into[i] = numbering_root(&g, i);
  fold(&g);
  free(g.clause);
  free(g.into);
  free(g.pair_of[0]);
  free(g.pair_of[1]);
  free(g.missing_of);
  free(g.ren);
  free(g.near[0]);
  free(g.near[1]);
}
