/* outline_sequence.c — numbering findings over an outline's keyed
 * clauses: a number repeated, numbers missing, numbers out of order. */
#include "outline.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a of a key, for the duplicate test. */
static size_t hash_key(const char *k) {
  size_t h = (size_t)1469598103934665603u;
  for (; *k; k++)
    h = (h ^ (unsigned char)*k) * (size_t)1099511628211u;
  return h;
}

/* A clause whose key an earlier clause has: reported against the last
 * clause before it with that key. */
typedef struct dup {
  const char *key;
  int first, idx;
} dup;

static int dup_cmp(const void *a, const void *b) {
  const dup *x = a, *y = b;
  int r = strcmp(x->key, y->key);
  return r ? r : x->idx - y->idx;
}

/* The repeated keys of d, in key order, then by position (the order the
 * findings come in).  One hash table over the keys instead of sorting
 * them all: only the repeats are sorted.  Returns how many, *out malloc'd. */
static size_t find_dups(const ty_doc *d, dup **out) {
  size_t cap = 16;
  while (cap < 2 * d->ncl)
    cap *= 2;
  int *slot = ty_xmalloc(cap * sizeof *slot); /* 1 + the last clause */
  memset(slot, 0, cap * sizeof *slot);
  dup *v = NULL;
  size_t n = 0, vcap = 0;
  for (size_t i = 0; i < d->ncl; i++) {
    const char *key = d->cl[i].key;
    size_t h = hash_key(key) & (cap - 1);
    while (slot[h] && strcmp(d->cl[slot[h] - 1].key, key) != 0)
      h = (h + 1) & (cap - 1);
    if (slot[h]) {
      if (n == vcap) {
        vcap = vcap ? 2 * vcap : 16;
        v = ty_xrealloc(v, vcap * sizeof *v);
      }
      v[n++] = (dup){key, slot[h] - 1, (int)i};
    }
    slot[h] = (int)i + 1;
  }
  free(slot);
  if (n > 1) qsort(v, n, sizeof *v, dup_cmp);
  *out = v;
  return n;
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

/* Where the numbers of one parent's children of one class stand: the
 * last ordinal, its line, whether they count down. */
typedef struct seqslot {
  int last, last_line;
  int down;
} seqslot;

/* The slots of the parents that have numbered children, NCLASS a parent,
 * made as the parents are met: an array of NCLASS slots for every clause
 * (12 of 100,000 clauses) was megabytes of mostly untouched memory. */
typedef struct slots {
  size_t *group; /* per parent (ncl for the top): 1 + its group, or 0 */
  seqslot *v;
  size_t n, cap; /* groups */
} slots;

static seqslot *slot_of(slots *sl, size_t parent, int cls) {
  if (!sl->group[parent]) {
    if (sl->n == sl->cap) {
      sl->cap = sl->cap ? 2 * sl->cap : 64;
      sl->v = ty_xrealloc(sl->v, sl->cap * NCLASS * sizeof *sl->v);
    }
    memset(&sl->v[NCLASS * sl->n], 0, NCLASS * sizeof *sl->v);
    sl->group[parent] = ++sl->n;
  }
  return &sl->v[NCLASS * (sl->group[parent] - 1) + (size_t)cls];
}

void ty_outline_sequence_findings(ty_doc *d, const cinfo *info, int statute) {
  /* duplicates: the same key twice */
  dup *v;
  size_t ndup = find_dups(d, &v);
  for (size_t k = 0; k < ndup; k++) {
    const ty_clause *a = &d->cl[v[k].first], *c = &d->cl[v[k].idx];
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
  slots sl = {ty_xcalloc(d->ncl + 1, sizeof *sl.group), NULL, 0, 0};
  int top_scope = 1;
  for (size_t i = 0; i < d->ncl; i++) {
    const ty_clause *c = &d->cl[i];
    int scope = info ? info[i].scope : 1;
    if (scope != top_scope) {
      if (sl.group[d->ncl])
        for (int k = 0; k < NCLASS; k++)
          sl.v[NCLASS * (sl.group[d->ncl] - 1) + (size_t)k].last = 0;
      top_scope = scope;
    }
    if (c->flags & TY_CL_FRONT) continue;
    int sp = seq_parent(d, i, statute);
    seqslot *slot =
        slot_of(&sl, sp < 0 ? d->ncl : (size_t)sp, seq_class(d, c, statute));
    int prev = slot->last;
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
    } else if (c->ordinal == prev - 1 && (slot->down || counts_down(d, i))) {
      /* a step down that the next clause takes again (not one swap) */
      /* counting down: one finding where it starts, none per step */
      if (!slot->down)
        ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_ORDER, c->key, ja,
                        en, "%.*s: the numbers count down from %d (line %d)",
                        (int)c->label_len, c->label, prev, slot->last_line);
      slot->down = 1;
    } else if (c->ordinal < prev) {
      ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_ORDER, c->key, ja,
                      en, "%.*s comes after number %d (line %d)",
                      (int)c->label_len, c->label, prev, slot->last_line);
    }
    if (c->ordinal != prev - 1) slot->down = 0;
    if (c->ordinal >= prev || slot->down) {
      slot->last = c->ordinal;
      slot->last_line = line;
    }
  }
  free(sl.group);
  free(sl.v);
}
