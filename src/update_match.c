/* update_match.c — which clause of NEW each clause of OLD became.
 *
 * Two versions of one document keep most clauses word for word, and a
 * clause whose text is unique in both and the same is the same clause,
 * whatever its number now (an article moved down by an insertion keeps
 * its identity).  Those pairs, reduced to the longest run that keeps the
 * order of both documents (patience diff's anchors), cut the documents
 * into small gaps.  Inside a gap, in this order:
 *   1. the same key and alike texts: a clause reworded in place;
 *   2. the most alike text nearby: a clause moved and reworded, or a
 *      heading repeated under another number;
 *   3. the same key whatever the texts: a clause rewritten in place, or
 *      replaced by 削除 (the caller tells the two apart).
 * What is left is new in NEW or gone from OLD.  A 第十条の二 inserted
 * between 第十条 and 第十一条 has a key of its own (10-2), so it is new
 * unless its text came from somewhere.
 *
 * Texts are compared by the Dice coefficient of their code-point bigrams
 * (language-neutral: Japanese has no spaces to split words at).  Checked
 * on the Debian constitution v1.5 -> v1.7 (English and Japanese): the
 * reworded clauses score 0.85 and above against their old text and
 * below 0.5 against their neighbours. */
#include "update.h"

#include <stdlib.h>
#include <string.h>

#define ALIKE_KEY 0.5     /* same key: alike enough to be one clause */
#define ALIKE_CONTENT 0.6 /* other key: alike enough to be one clause */
#define WINDOW 64         /* content step: old clauses tried per new one */

/* ---- an interning table of byte strings ---------------------------------- */

typedef struct strtab {
  size_t nslot; /* a power of two */
  int *slot;    /* id + 1, 0 when empty */
  const char **s;
  size_t *len;
  uint64_t *h;
  size_t n;
} strtab;

static uint64_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603u; /* FNV-1a */
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return h ^ (h >> 31);
}

static void strtab_init(strtab *t, size_t most) {
  t->nslot = 16;
  while (t->nslot < 2 * most)
    t->nslot *= 2;
  t->slot = ty_xcalloc(t->nslot, sizeof *t->slot);
  size_t cap = most ? most : 1;
  t->s = ty_xmalloc(cap * sizeof *t->s);
  t->len = ty_xmalloc(cap * sizeof *t->len);
  t->h = ty_xmalloc(cap * sizeof *t->h);
  t->n = 0;
}

static void strtab_free(strtab *t) {
  free(t->slot);
  free(t->s);
  free(t->len);
  free(t->h);
}

/* The id of s[0..n), added when new (at most `most` strings in all). */
static int strtab_id(strtab *t, const char *s, size_t n) {
  uint64_t h = hash_bytes(s, n);
  size_t mask = t->nslot - 1;
  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    int id = t->slot[i] - 1;
    if (id < 0) {
      id = (int)t->n++;
      t->s[id] = s;
      t->len[id] = n;
      t->h[id] = h;
      t->slot[i] = id + 1;
      return id;
    }
    if (t->h[id] == h && t->len[id] == n && memcmp(t->s[id], s, n) == 0)
      return id;
  }
}

/* ---- likeness of two texts ---------------------------------------------- */

/* The sorted code-point bigrams of a text (a lone code point counts as
 * one), made on first use. */
typedef struct grams {
  uint64_t *v;
  size_t n;
  int made;
} grams;

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static void make_grams(grams *g, const char *s, size_t n) {
  g->made = 1;
  g->v = ty_xmalloc((n + 1) * sizeof *g->v);
  g->n = 0;
  int32_t prev = -1;
  for (size_t i = 0; i < n;) {
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    if (prev >= 0)
      g->v[g->n++] = ((uint64_t)(uint32_t)prev << 32) | (uint32_t)c;
    prev = c;
    i += (size_t)len;
  }
  if (g->n == 0 && prev >= 0) g->v[g->n++] = (uint32_t)prev;
  qsort(g->v, g->n, sizeof *g->v, cmp_u64);
}

/* Dice coefficient of two bigram multisets: 1 for the same text. */
static double dice(const grams *a, const grams *b) {
  if (a->n + b->n == 0) return 1;
  size_t i = 0, j = 0, common = 0;
  while (i < a->n && j < b->n) {
    if (a->v[i] == b->v[j]) {
      common++;
      i++;
      j++;
    } else if (a->v[i] < b->v[j]) {
      i++;
    } else {
      j++;
    }
  }
  return 2.0 * (double)common / (double)(a->n + b->n);
}

/* ---- the matcher ----------------------------------------------------------
 */

typedef struct matcher {
  const ty_doc *od, *nd;
  const ty_version_text *ot, *nt;
  int *partner;     /* old -> new */
  int *back;        /* new -> old */
  int *okey, *nkey; /* key ids */
  size_t *gstart;
  int *gmember;
  size_t *gcur; /* old clauses by key id */
  grams *og, *ng;
} matcher;

static double likeness(matcher *m, int i, int j) {
  if (!m->og[i].made) make_grams(&m->og[i], m->ot->s[i], m->ot->len[i]);
  if (!m->ng[j].made) make_grams(&m->ng[j], m->nt->s[j], m->nt->len[j]);
  return dice(&m->og[i], &m->ng[j]);
}

static void link(matcher *m, int i, int j) {
  m->partner[i] = j;
  m->back[j] = i;
}

/* Key ids for both documents, and the old clauses grouped by key id in
 * document order. */
static void index_keys(matcher *m) {
  size_t no = m->od->ncl, nn = m->nd->ncl;
  strtab t;
  strtab_init(&t, no + nn);
  m->okey = ty_xmalloc((no + 1) * sizeof *m->okey);
  m->nkey = ty_xmalloc((nn + 1) * sizeof *m->nkey);
  for (size_t i = 0; i < no; i++)
    m->okey[i] = strtab_id(&t, m->od->cl[i].key, strlen(m->od->cl[i].key));
  for (size_t j = 0; j < nn; j++)
    m->nkey[j] = strtab_id(&t, m->nd->cl[j].key, strlen(m->nd->cl[j].key));
  size_t ng = t.n;
  m->gstart = ty_xcalloc(ng + 1, sizeof *m->gstart);
  m->gcur = ty_xmalloc((ng + 1) * sizeof *m->gcur);
  m->gmember = ty_xmalloc((no + 1) * sizeof *m->gmember);
  for (size_t i = 0; i < no; i++)
    m->gstart[m->okey[i] + 1]++;
  for (size_t g = 0; g < ng; g++)
    m->gstart[g + 1] += m->gstart[g];
  for (size_t g = 0; g <= ng; g++)
    m->gcur[g] = m->gstart[g];
  for (size_t i = 0; i < no; i++)
    m->gmember[m->gcur[m->okey[i]]++] = (int)i;
  for (size_t g = 0; g <= ng; g++)
    m->gcur[g] = m->gstart[g];
  strtab_free(&t);
}

/* Pairs of unique identical texts, reduced to a longest increasing run
 * (patience sorting, O(k log k)); linked. */
static void anchor(matcher *m) {
  size_t no = m->od->ncl, nn = m->nd->ncl;
  strtab t;
  strtab_init(&t, no + nn);
  int *cold = ty_xcalloc(no + nn + 1, sizeof *cold);
  int *cnew = ty_xcalloc(no + nn + 1, sizeof *cnew);
  int *where = ty_xmalloc((no + nn + 1) * sizeof *where);
  for (size_t i = 0; i < no; i++) {
    int id = strtab_id(&t, m->ot->s[i], m->ot->len[i]);
    cold[id]++;
    where[id] = (int)i;
  }
  /* candidates in new order: (old index, new index) */
  int *ci = ty_xmalloc((nn + 1) * sizeof *ci),
      *cj = ty_xmalloc((nn + 1) * sizeof *cj);
  int *nid = ty_xmalloc((nn + 1) * sizeof *nid);
  for (size_t j = 0; j < nn; j++) {
    nid[j] = strtab_id(&t, m->nt->s[j], m->nt->len[j]);
    cnew[nid[j]]++;
  }
  size_t k = 0;
  for (size_t j = 0; j < nn; j++)
    if (cold[nid[j]] == 1 && cnew[nid[j]] == 1) {
      ci[k] = where[nid[j]];
      cj[k++] = (int)j;
    }
  /* tails[l]: candidate ending the best run of length l+1; prev links */
  int *tails = ty_xmalloc((k + 1) * sizeof *tails),
      *prev = ty_xmalloc((k + 1) * sizeof *prev);
  size_t runs = 0;
  for (size_t c = 0; c < k; c++) {
    size_t lo = 0, hi = runs;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (ci[tails[mid]] < ci[c])
        lo = mid + 1;
      else
        hi = mid;
    }
    prev[c] = lo ? tails[lo - 1] : -1;
    tails[lo] = (int)c;
    if (lo == runs) runs++;
  }
  for (int c = runs ? tails[runs - 1] : -1; c >= 0; c = prev[c])
    link(m, ci[c], cj[c]);
  free(tails);
  free(prev);
  free(ci);
  free(cj);
  free(nid);
  free(cold);
  free(cnew);
  free(where);
  strtab_free(&t);
}

/* Step 1 (min = ALIKE_KEY) or 3 (min = -1): each unpaired new clause of
 * the gap with the first unpaired old clause of the gap with its key. */
static void by_key(matcher *m, size_t a0, size_t a1, size_t b0, size_t b1,
                   double min) {
  for (size_t j = b0; j < b1; j++) {
    if (m->back[j] >= 0) continue;
    int g = m->nkey[j];
    size_t end = m->gstart[g + 1];
    /* members before the gap belong to earlier gaps: skip them for good */
    while (m->gcur[g] < end && (size_t)m->gmember[m->gcur[g]] < a0)
      m->gcur[g]++;
    for (size_t x = m->gcur[g], tries = 0; x < end && tries < WINDOW;
         x++, tries++) {
      int i = m->gmember[x];
      if ((size_t)i >= a1) break;
      if (m->partner[i] >= 0) continue;
      if (min < 0 || likeness(m, i, (int)j) >= min) {
        link(m, i, (int)j);
        break;
      }
    }
  }
}

/* Step 2: each unpaired new clause with the most alike unpaired old
 * clause within WINDOW of its place in the gap. */
static void by_content(matcher *m, size_t a0, size_t a1, size_t b0, size_t b1) {
  if (a1 == a0) return;
  for (size_t j = b0; j < b1; j++) {
    if (m->back[j] >= 0) continue;
    size_t at = a0 + (j - b0) * (a1 - a0) / (b1 - b0);
    size_t lo = at > a0 + WINDOW / 2 ? at - WINDOW / 2 : a0;
    size_t hi = lo + WINDOW < a1 ? lo + WINDOW : a1;
    int best = -1;
    double bs = ALIKE_CONTENT;
    for (size_t i = lo; i < hi; i++) {
      if (m->partner[i] >= 0) continue;
      double s = likeness(m, (int)i, (int)j);
      if (s >= bs) {
        bs = s;
        best = (int)i;
      }
      if (s >= 1) break;
    }
    if (best >= 0) link(m, best, (int)j);
  }
}

static void fill_gap(matcher *m, size_t a0, size_t a1, size_t b0, size_t b1) {
  if (a1 == a0 || b1 == b0) return;
  by_key(m, a0, a1, b0, b1, ALIKE_KEY);
  by_content(m, a0, a1, b0, b1);
  by_key(m, a0, a1, b0, b1, -1);
}

void ty_version_match(const ty_doc *old, const ty_version_text *ot,
                      const ty_doc *new_, const ty_version_text *nt,
                      int *partner) {
  size_t no = old->ncl, nn = new_->ncl;
  matcher m = {old,  new_, ot,   nt,   partner, NULL, NULL,
               NULL, NULL, NULL, NULL, NULL,    NULL};
  m.back = ty_xmalloc((nn + 1) * sizeof *m.back);
  for (size_t i = 0; i < no; i++)
    partner[i] = -1;
  for (size_t j = 0; j < nn; j++)
    m.back[j] = -1;
  m.og = ty_xcalloc(no + 1, sizeof *m.og);
  m.ng = ty_xcalloc(nn + 1, sizeof *m.ng);
  index_keys(&m);
  anchor(&m);
  /* the gaps between consecutive anchors, in order */
  size_t a0 = 0, b0 = 0;
  for (size_t j = 0; j <= nn; j++) {
    if (j < nn && m.back[j] < 0) continue;
    size_t a1 = j < nn ? (size_t)m.back[j] : no;
    fill_gap(&m, a0, a1, b0, j);
    if (j < nn) {
      a0 = a1 + 1;
      b0 = j + 1;
    }
  }
  for (size_t i = 0; i < no; i++)
    free(m.og[i].v);
  for (size_t j = 0; j < nn; j++)
    free(m.ng[j].v);
  free(m.og);
  free(m.ng);
  free(m.okey);
  free(m.nkey);
  free(m.gstart);
  free(m.gmember);
  free(m.gcur);
  free(m.back);
}

int ty_is_deleted_text(const char *s, size_t n) {
  static const char *const words[] = {"削除",     "（削除）",   "(削除)",
                                      "deleted",  "(deleted)",  "[deleted]",
                                      "repealed", "(repealed)", "[repealed]"};
  while (n && (s[n - 1] == ' ' || s[n - 1] == '.'))
    n--;
  while (n && s[0] == ' ') {
    s++;
    n--;
  }
  for (size_t k = 0; k < sizeof words / sizeof *words; k++)
    if (strlen(words[k]) == n && strncasecmp(s, words[k], n) == 0) return 1;
  return 0;
}
