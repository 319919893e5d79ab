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

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The English keys, grouped: every distinct key is a group whose members
 * are its clause indices in ascending order.  Two cursors per group only
 * move forward, so finding partners costs linear time even when every
 * clause has the same number. */
typedef struct keyindex {
  size_t nslot; /* hash slots, a power of two */
  int *slot;    /* group + 1 of each slot, 0 when empty */
  const char **gkey;
  size_t *start; /* members of group g: member[start[g] .. start[g+1]) */
  int *member;
  size_t *head;  /* first member not yet used */
  size_t *ahead; /* first member not yet used at or after `from` */
} keyindex;

static size_t hash_key(const char *k) {
  uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
  for (; *k; k++)
    h = (h ^ (unsigned char)*k) * 0x100000001b3ULL;
  return (size_t)(h ^ (h >> 29));
}

/* Group of `key`, or -1 when no English clause has it. */
static int find_group(const keyindex *x, const char *key) {
  size_t mask = x->nslot - 1;
  for (size_t h = hash_key(key) & mask;; h = (h + 1) & mask) {
    int g = x->slot[h] - 1;
    if (g < 0) return -1;
    if (strcmp(x->gkey[g], key) == 0) return g;
  }
}

static void index_build(keyindex *x, const ty_doc *en) {
  size_t n = en->ncl;
  x->nslot = 16;
  while (x->nslot < 2 * n)
    x->nslot *= 2;
  x->slot = ty_xcalloc(x->nslot, sizeof *x->slot);
  x->gkey = ty_xmalloc((n ? n : 1) * sizeof *x->gkey);
  int *group = ty_xmalloc((n ? n : 1) * sizeof *group);
  size_t ng = 0, mask = x->nslot - 1;
  for (size_t i = 0; i < n; i++) {
    const char *key = en->cl[i].key;
    size_t h = hash_key(key) & mask;
    int g;
    while ((g = x->slot[h] - 1) >= 0 && strcmp(x->gkey[g], key) != 0)
      h = (h + 1) & mask;
    if (g < 0) {
      g = (int)ng++;
      x->gkey[g] = key;
      x->slot[h] = g + 1;
    }
    group[i] = g;
  }
  x->start = ty_xcalloc(ng + 1, sizeof *x->start);
  for (size_t i = 0; i < n; i++)
    x->start[group[i] + 1]++;
  for (size_t g = 0; g < ng; g++)
    x->start[g + 1] += x->start[g];
  x->head = ty_xmalloc((ng ? ng : 1) * sizeof *x->head);
  x->ahead = ty_xmalloc((ng ? ng : 1) * sizeof *x->ahead);
  for (size_t g = 0; g < ng; g++)
    x->head[g] = x->ahead[g] = x->start[g];
  x->member = ty_xmalloc((n ? n : 1) * sizeof *x->member);
  for (size_t i = 0; i < n; i++)
    x->member[x->ahead[group[i]]++] = (int)i;
  for (size_t g = 0; g < ng; g++)
    x->ahead[g] = x->start[g];
  free(group);
}

static void index_free(keyindex *x) {
  free(x->slot);
  free(x->gkey);
  free(x->start);
  free(x->member);
  free(x->head);
  free(x->ahead);
}

/* The English clause for `key`: the first unused one at or after `from`,
 * else the first unused one; -1 when none.  `from` never decreases from
 * one call to the next and a used clause stays used, so the cursors skip
 * what they pass for good. */
static int find_en(keyindex *x, const char *key, const unsigned char *used,
                   int from) {
  int g = find_group(x, key);
  if (g < 0) return -1;
  size_t end = x->start[g + 1];
  while (x->head[g] < end && used[x->member[x->head[g]]])
    x->head[g]++;
  while (x->ahead[g] < end &&
         (used[x->member[x->ahead[g]]] || x->member[x->ahead[g]] < from))
    x->ahead[g]++;
  if (x->ahead[g] < end) return x->member[x->ahead[g]];
  return x->head[g] < end ? x->member[x->head[g]] : -1;
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
  /* a clause is in one pair at most */
  ty_alignment_reserve_pairs(al, al->npairs + ja->ncl + en->ncl);
  keyindex x;
  index_build(&x, en);
  unsigned char *used = ty_xcalloc(en->ncl ? en->ncl : 1, 1);
  int *partner = ty_xmalloc((ja->ncl ? ja->ncl : 1) * sizeof *partner);
  /* first pass: decide partners, walking both sides forward */
  int from = 0;
  for (size_t i = 0; i < ja->ncl; i++) {
    int e = find_en(&x, ja->cl[i].key, used, from);
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
    int front =
        (ja->cl[i].flags & TY_CL_FRONT) && !(ja->cl[i].flags & TY_CL_HEADING);
    add(al, front ? TY_PAIR_CONTENT : TY_PAIR_MATCHED, (int)i, e);
  }
  for (; j < (int)en->ncl; j++)
    if (!used[j]) missing(al, TY_EN, j);
  index_free(&x);
  free(used);
  free(partner);
  empty_findings(al, TY_JA);
  empty_findings(al, TY_EN);
}
