/* match.c — the two clause trees joined on canonical keys.
 *
 * Pairs come out in document order: Japanese order, with each English
 * clause that has no Japanese counterpart placed after the English clause
 * before it.  Where a key occurs twice on the English side, the occurrence
 * after the last matched English clause is taken, so a duplicated number
 * leaves the out-of-place clause unpaired rather than shifting the rest.
 * Front matter (front-N) pairs in order, as content.  Nothing is merged
 * and nothing is dropped: every clause of both sides is in exactly one
 * pair. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
  const char *key;
  int idx;
} entry;

static int entry_cmp(const void *a, const void *b) {
  const entry *x = a, *y = b;
  int r = strcmp(x->key, y->key);
  return r ? r : x->idx - y->idx;
}

/* First index in v[0..n) whose key is >= key. */
static size_t lower_bound(const entry *v, size_t n, const char *key) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(v[mid].key, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* The English clause for `key`: the first unused one at or after `from`,
 * else the first unused one; -1 when none. */
static int find_en(const entry *v, size_t n, const char *key,
                   const unsigned char *used, int from) {
  size_t lo = lower_bound(v, n, key);
  int fallback = -1;
  for (size_t i = lo; i < n && strcmp(v[i].key, key) == 0; i++) {
    if (used[v[i].idx]) continue;
    if (v[i].idx >= from) return v[i].idx;
    if (fallback < 0) fallback = v[i].idx;
  }
  return fallback;
}

static int has_child(const ty_doc *d, size_t i) {
  return i + 1 < d->ncl && d->cl[i + 1].parent == (int)i;
}

static void add(ty_alignment *al, ty_pair_status st, int ja, int en) {
  ty_pair *p = ty_alignment_add_pair(al);
  p->status = st;
  p->ja = ja;
  p->en = en;
  p->nja = ja >= 0;
  p->nen = en >= 0;
  p->score = st == TY_PAIR_MATCHED ? 1.0 : 0.0;
}

static void missing(ty_alignment *al, ty_lang side, int idx) {
  const ty_doc *d = side == TY_JA ? al->ja : al->en;
  const ty_clause *c = &d->cl[idx];
  if (side == TY_JA) {
    add(al, TY_PAIR_MISSING_EN, idx, -1);
    ty_findings_add(&al->findings, &al->arena, TY_MISSING_EN, c->key, c->line,
                    0, "%s %.*s has no English counterpart",
                    (c->flags & TY_CL_FRONT) ? "unnumbered paragraph" : "ja",
                    (int)(c->label ? c->label_len : strlen(c->key)),
                    c->label ? c->label : c->key);
  } else {
    add(al, TY_PAIR_MISSING_JA, -1, idx);
    ty_findings_add(&al->findings, &al->arena, TY_MISSING_JA, c->key, 0,
                    c->line, "%s %.*s has no Japanese counterpart",
                    (c->flags & TY_CL_FRONT) ? "unnumbered paragraph" : "en",
                    (int)(c->label ? c->label_len : strlen(c->key)),
                    c->label ? c->label : c->key);
  }
}

static void empty_findings(ty_alignment *al, ty_lang side) {
  const ty_doc *d = side == TY_JA ? al->ja : al->en;
  for (size_t i = 0; i < d->ncl; i++) {
    const ty_clause *c = &d->cl[i];
    if (c->text_len || !c->label || has_child(d, i)) continue;
    ty_findings_add(&al->findings, &al->arena, TY_EMPTY, c->key,
                    side == TY_JA ? c->line : 0, side == TY_EN ? c->line : 0,
                    "%s %.*s has no text", side == TY_JA ? "ja" : "en",
                    (int)c->label_len, c->label);
  }
}

void ty_match(ty_alignment *al) {
  const ty_doc *ja = al->ja, *en = al->en;
  entry *v = ty_xmalloc((en->ncl ? en->ncl : 1) * sizeof *v);
  for (size_t i = 0; i < en->ncl; i++) {
    v[i].key = en->cl[i].key;
    v[i].idx = (int)i;
  }
  qsort(v, en->ncl, sizeof *v, entry_cmp);
  unsigned char *used = ty_xcalloc(en->ncl ? en->ncl : 1, 1);
  int *partner = ty_xmalloc((ja->ncl ? ja->ncl : 1) * sizeof *partner);
  /* first pass: decide partners, walking both sides forward */
  int from = 0;
  for (size_t i = 0; i < ja->ncl; i++) {
    int e = find_en(v, en->ncl, ja->cl[i].key, used, from);
    partner[i] = e;
    if (e >= 0) {
      used[e] = 1;
      if (e >= from) from = e + 1;
    }
  }
  /* second pass: emit in order */
  int j = 0;
  for (size_t i = 0; i < ja->ncl; i++) {
    int e = partner[i];
    if (e < 0) {
      missing(al, TY_JA, (int)i);
      continue;
    }
    for (; j < e; j++)
      if (!used[j]) missing(al, TY_EN, j);
    if (e >= j) j = e + 1;
    int front = (ja->cl[i].flags & TY_CL_FRONT) &&
                !(ja->cl[i].flags & TY_CL_HEADING);
    add(al, front ? TY_PAIR_CONTENT : TY_PAIR_MATCHED, (int)i, e);
  }
  for (; j < (int)en->ncl; j++)
    if (!used[j]) missing(al, TY_EN, j);
  free(v);
  free(used);
  free(partner);
  empty_findings(al, TY_JA);
  empty_findings(al, TY_EN);
}
