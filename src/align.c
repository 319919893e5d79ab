/* align.c — alignment by content: sentence pairs inside clause pairs,
 * clause runs that numbers could not pair, renumbered translations, and
 * whole documents split into paragraphs or sentences (--by).
 *
 * One engine serves all of them: a dynamic programme of the Gale–Church
 * family over two sequences of units (sentences, clauses, paragraphs).
 * The cost of a move joining a ja units with b en units is
 *
 *   cost = prior(move) + delta^2 / 2 - anchors
 *
 * where delta compares the lengths in English characters (a Japanese
 * character counts 1/c, c the document's ratio), with variance s2 per
 * character; c and s2 are estimated from the pairs numbers matched, or
 * from the totals of both texts with --by, else defaults.  Anchors are
 * what both groups hold: numbers, Latin words, printf conversions (%s,
 * %1$d), katakana loanwords by consonant skeleton (ファイル ~ file),
 * punctuation that both languages write alike (weak), dictionary glosses
 * (--dict); a number, a Latin word or a conversion one side states and
 * the other lacks costs.  A unit left out (1-0, 0-1) costs its prior.
 *
 * The programme runs over antidiagonals (i + j constant) inside a band
 * centred on the best cell of the previous antidiagonal, so it follows the
 * path through omissions on either side; the band widens while the best
 * cell comes near its edge.  Time and memory are linear in the number of
 * units for a given band; a band as wide as the input makes it exact,
 * which it is for the few sentences of a clause. */
#include "internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>

/* ---- the moves and the cost model ---------------------------------------- */

enum { M11, M10, M01, M21, M12, M22, NMOVES };
static const int mv_a[NMOVES] = {1, 1, 0, 2, 1, 2};
static const int mv_b[NMOVES] = {1, 0, 1, 1, 2, 2};
#define MOVE_BIT(m) (1u << (m))
#define MOVES_RUN                                                              \
  (MOVE_BIT(M11) | MOVE_BIT(M10) | MOVE_BIT(M01) | MOVE_BIT(M21) |            \
   MOVE_BIT(M12))
#define MOVES_SENT (MOVES_RUN | MOVE_BIT(M22))

/* Costs in nats, relative to a 1-1.  Gale and Church's move frequencies
 * (1-1 .89, 2-1 .089, 1-0 .0099, 2-2 .011) give 2.3 for a 2-1 and 4.5 for
 * a 1-0.  Prose merges and splits sentences more than it leaves them
 * out; files of one sentence a line (message catalogs, tests/bench) hardly
 * ever merge, and lose lines more often. */
static const double prior_prose[NMOVES] = {0.0, 3.5, 3.5, 2.3, 2.3, 4.5};
static const double prior_lines[NMOVES] = {0.0, 3.0, 3.0, 3.5, 3.5, 5.0};
/* Lines inside one clause pair: a few to a side, so a lost line is far
 * likelier than two lines translated as one (tests/bench mo-clauses). */
static const double prior_clause_lines[NMOVES] = {0.0, 2.5, 2.5, 6.0, 6.0, 6.0};
#define ANCHOR_SHARED 3.0  /* per anchor both groups hold (at most 4) */
#define ANCHOR_WEAK 1.0    /* per weak anchor (punctuation, short loanword) */
/* What a required anchor one side lacks costs, in half nats, by its
 * flags (bit 0 required, bit 1 weak): a conversion or a Latin word more
 * than a punctuation mark; numbers are weighed apart. */
static const int miss_units[4] = {0, 3, 0, 2};
#define NUMBER_MISSING 6  /* a number against other numbers */
#define NUMBER_UNSTATED 2 /* a number against none */

/* Anchor flags, the low three bits of an anchor's hash. */
#define A_REQUIRED 1u /* its absence on the other side costs */
#define A_WEAK 2u     /* sharing it gains ANCHOR_WEAK, not ANCHOR_SHARED */
#define A_NUMBER 4u   /* a number */
#define MAX_MISSING 12 /* half nats */
#define MAX_ANCHORS 4

/* The length model: Japanese characters per English character and the
 * variance of the difference per character (in English characters). */
typedef struct model {
  double c, s2;
} model;

static const model default_model = {0.55, 2.0};

/* ---- units: lengths and anchors ------------------------------------------ */

/* Anchors are 32-bit hashes whose low three bits are flags (A_REQUIRED,
 * A_WEAK, A_NUMBER); two anchors are the same when their hashes agree
 * above them. */
typedef struct seq {
  size_t n, cap;
  double *len;    /* characters, spaces and Japanese ones left out */
  double *jlen;   /* Japanese characters (kana, kanji) */
  double *elen;   /* len + jlen / c: in English characters (seq_scale) */
  uint32_t *aoff; /* anchors of unit k: pool[aoff[k] .. aoff[k+1]) */
  uint32_t *pool;
  size_t np, pcap;
} seq;

struct ty_dict {
  /* open addressing: Japanese headword hash -> gloss anchors */
  uint32_t *key;   /* 0 = empty slot */
  uint32_t *first; /* into glosses */
  uint16_t *count;
  size_t cap;
  uint32_t *glosses;
  size_t ng, gcap;
  int maxlen; /* longest headword in code points */
};

static uint32_t fnv(uint32_t h, unsigned char c) {
  return (h ^ c) * 16777619u;
}

static void seq_free(seq *q) {
  free(q->len);
  free(q->jlen);
  free(q->elen);
  free(q->aoff);
  free(q->pool);
  memset(q, 0, sizeof *q);
}

static void pool_put(seq *q, uint32_t h) {
  if (q->np == q->pcap) {
    q->pcap = q->pcap ? q->pcap * 2 : 256;
    q->pool = ty_xrealloc(q->pool, q->pcap * sizeof *q->pool);
  }
  q->pool[q->np++] = h;
}

/* A full-width ASCII form (Ａ, １, ％) as ASCII; other code points as
 * they are. */
static int32_t narrow(int32_t c) {
  return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
}

static int is_alpha(int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int is_digit(int32_t c) { return c >= '0' && c <= '9'; }

/* Looks the Japanese text s[0..n) up in the dictionary at every position
 * and adds the glosses of each headword found as optional anchors. */
static void dict_anchors(const ty_dict *d, const char *s, size_t n, seq *q) {
  size_t i = 0;
  while (i < n) {
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    if (!ty_is_japanese(c)) {
      i += (size_t)len;
      continue;
    }
    uint32_t h = 2166136261u;
    size_t k = i;
    for (int chars = 0; chars < d->maxlen && k < n; chars++) {
      int l2;
      int32_t c2 = ty_utf8_decode(s + k, n - k, &l2);
      if (!ty_is_japanese(c2)) break;
      for (int b = 0; b < l2; b++) h = fnv(h, (unsigned char)s[k + b]);
      k += (size_t)l2;
      uint32_t key = h | 1u;
      for (size_t slot = key & (d->cap - 1); d->key[slot];
           slot = (slot + 1) & (d->cap - 1)) {
        if (d->key[slot] != key) continue;
        for (uint32_t g = 0; g < d->count[slot]; g++)
          pool_put(q, d->glosses[d->first[slot] + g]);
        break;
      }
    }
    i += (size_t)len;
  }
}

/* Loanwords: a katakana word and an English word compared by their
 * consonant skeletons (ファイル f-r, file f-r; ディレクトリ d-r-k-t-r,
 * directory d-r-k-t-r).  The consonant of each katakana U+30A1..U+30FA,
 * '0' for none (vowels, small kana, ッ). */
static const char kana_consonant[] =
    "0000000000kgkgkgkgkgsssgsssssstdtg0tstdtdnnnnnhbphbpfbphbphbpmmmmm"
    "000000rrrrr0w000nbkkbbbb";

static int is_vowel(int c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* Adds the skeleton hash of sk[0..n) as an anchor: weak with two
 * consonants, none with fewer. */
static void put_skeleton(seq *q, const char *sk, size_t n) {
  if (n < 2) return;
  uint32_t h = fnv(2166136261u, 'k');
  for (size_t k = 0; k < n; k++) h = fnv(h, (unsigned char)sk[k]);
  pool_put(q, (h & ~7u) | (n < 3 ? A_WEAK : 0u));
}

/* The consonant skeleton of the lower-cased English word w[0..n), spelt
 * as katakana would write its sounds. */
static size_t english_skeleton(const char *w, size_t n, char *sk, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < cap; i++) {
    int c = w[i], next = i + 1 < n ? w[i + 1] : 0, prev = i ? w[i - 1] : 0;
    int out = 0;
    if (is_vowel(c)) continue;
    if (c == 'p' && next == 'h') out = 'f', i++;
    else if ((c == 't' || c == 's') && next == 'h') out = 's', i++;
    else if (c == 'c' && next == 'h') out = 't', i++;
    else if (c == 'c' && next == 'k') out = 'k', i++;
    else if ((c == 't' || c == 's') && next == 'i' && i + 2 < n && w[i + 2] == 'o') out = 's';
    else if (c == 'c') out = (next == 'e' || next == 'i' || next == 'y') ? 's' : 'k';
    else if (c == 'q') out = 'k';
    else if (c == 'x') {
      if (k + 1 < cap) sk[k++] = 'k';
      out = 's';
    } else if (c == 'l') out = 'r';
    else if (c == 'v') out = 'b';
    else if (c == 'z') out = 's';
    else if (c == 'j') out = 'g';
    else if (c == 'r' && is_vowel(prev) && !is_vowel(next)) continue;
    else if (c == 'w' && !is_vowel(next)) continue;
    else if (c == 'h' && i) continue;
    else out = c;
    if (k && sk[k - 1] == out) continue;
    sk[k++] = (char)out;
  }
  return k;
}

/* Punctuation that both languages write alike in messages and lists
 * (after full-width forms are narrowed): weak anchors. */
static const unsigned char punct[128] = {
    [':'] = 1, ['?'] = 1, ['!'] = 1, ['('] = 1, [')'] = 1, ['['] = 1,
    [']'] = 1, ['<'] = 1, ['>'] = 1, ['='] = 1, ['/'] = 1, ['"'] = 1,
    ['\''] = 1, ['\\'] = 1, ['{'] = 1, ['}'] = 1, ['|'] = 1, ['*'] = 1,
    ['#'] = 1, ['@'] = 1, ['&'] = 1, ['_'] = 1, ['~'] = 1};


/* Appends one unit, the text s[0..n) of language lang, to q. */
static void seq_add(seq *q, const char *s, size_t n, ty_lang lang,
                    const ty_dict *dict) {
  if (q->n + 1 >= q->cap) {
    q->cap = q->cap ? q->cap * 2 : 64;
    q->len = ty_xrealloc(q->len, q->cap * sizeof *q->len);
    q->jlen = ty_xrealloc(q->jlen, q->cap * sizeof *q->jlen);
    q->elen = ty_xrealloc(q->elen, q->cap * sizeof *q->elen);
    q->aoff = ty_xrealloc(q->aoff, (q->cap + 1) * sizeof *q->aoff);
  }
  if (q->n == 0) q->aoff[0] = 0;
  size_t start = q->np, i = 0;
  double chars = 0, jchars = 0;
  while (i < n) {
    int len;
    int32_t c = narrow(ty_utf8_decode(s + i, n - i, &len));
    if (c == '\n' || ty_is_space(c)) {
      i += (size_t)len;
      continue;
    }
    if (is_digit(c)) {
      /* a number: digits, with "," and "." between digits */
      uint32_t h = fnv(2166136261u, 'n');
      int lead = 1;
      while (i < n) {
        c = narrow(ty_utf8_decode(s + i, n - i, &len));
        if (is_digit(c)) {
          if (!(lead && c == '0')) h = fnv(h, (unsigned char)c), lead = 0;
        } else if ((c == ',' || c == '.') && i + (size_t)len < n) {
          int l2;
          int32_t d = narrow(ty_utf8_decode(s + i + len, n - i - len, &l2));
          if (!is_digit(d)) break;
          if (c == '.') h = fnv(h, '.'), lead = 0;
        } else {
          break;
        }
        i += (size_t)len;
        chars++;
      }
      pool_put(q, (h & ~7u) | A_REQUIRED | A_NUMBER);
      continue;
    }
    if (is_alpha(c) || (c == '%' && i + 1 < n)) {
      /* a Latin word, or a printf conversion (%s, %1$d, %-10.3lf) */
      uint32_t h = fnv(2166136261u, c == '%' ? 'f' : 'w'), hs = h;
      size_t wl = 0;
      char word[32] = {0};
      int conv = c == '%';
      if (conv) {
        i += (size_t)len;
        chars++;
        while (i < n && strchr("0123456789$.-+# 'l", s[i]) && s[i] != ' ')
          i++, chars++;
        if (i >= n || !is_alpha((unsigned char)s[i])) continue;
      }
      while (i < n) {
        c = narrow(ty_utf8_decode(s + i, n - i, &len));
        if (!is_alpha(c) && !is_digit(c)) break;
        hs = h; /* the word without its last letter */
        h = fnv(h, (unsigned char)(c | 0x20));
        if (wl < sizeof word) word[wl] = (char)(c | 0x20);
        wl++;
        i += (size_t)len;
        chars++;
        if (conv) break; /* a conversion is one letter after its flags */
      }
      /* a plural as its singular: cats, files -> cat, file */
      if (!conv && wl >= 4 && wl <= sizeof word && word[wl - 1] == 's' &&
          word[wl - 2] != 's')
        h = hs;
      if (conv || wl >= 2) pool_put(q, (h & ~7u) | (conv || lang == TY_JA ? A_REQUIRED : 0u));
      if (!conv && lang == TY_EN && wl >= 3 && wl <= sizeof word) {
        char sk[32];
        put_skeleton(q, sk, english_skeleton(word, wl, sk, sizeof sk));
      }
      continue;
    }
    if (c >= 0x30A1 && c <= 0x30FC && c != 0x30FB) {
      /* a katakana word: its consonant skeleton */
      char sk[32];
      size_t k = 0, kana = 0;
      while (i < n) {
        c = ty_utf8_decode(s + i, n - i, &len);
        if (c < 0x30A1 || c > 0x30FC || c == 0x30FB) break;
        int cons = c <= 0x30FA ? kana_consonant[c - 0x30A1] : '0';
        if (cons != '0' && k < sizeof sk && !(k && sk[k - 1] == cons))
          sk[k++] = (char)cons;
        kana++;
        jchars++;
        i += (size_t)len;
      }
      if (kana >= 3) put_skeleton(q, sk, k);
      continue;
    }
    if (c > 0 && c < 0x80 && punct[c])
      pool_put(q, (fnv(fnv(2166136261u, 'p'), (unsigned char)c) & ~7u) | A_REQUIRED | A_WEAK);
    if (ty_is_japanese(c)) jchars++;
    else chars++;
    i += (size_t)len;
  }
  if (dict && lang == TY_JA) dict_anchors(dict, s, n, q);
  /* one entry per anchor, required if any occurrence is */
  size_t cnt = q->np - start;
  if (cnt > 1) {
    uint32_t *v = q->pool + start;
    /* a unit holds a few dozen anchors: insertion sort beats qsort */
    for (size_t a = 1; a < cnt; a++) {
      uint32_t x = v[a];
      size_t b = a;
      for (; b > 0 && (v[b - 1] >> 3) > (x >> 3); b--) v[b] = v[b - 1];
      v[b] = x;
    }
    size_t w = 0;
    for (size_t k = 0; k < cnt; k++) {
      if (w && (v[w - 1] >> 3) == (v[k] >> 3)) v[w - 1] |= v[k] & A_REQUIRED;
      else v[w++] = v[k];
    }
    q->np = start + w;
  }
  q->len[q->n] = chars;
  q->jlen[q->n] = jchars;
  q->n++;
  q->aoff[q->n] = (uint32_t)q->np;
}

/* Sets the lengths of q's units in English characters for the ratio c. */
static void seq_scale(seq *q, double c) {
  for (size_t k = 0; k < q->n; k++) q->elen[k] = q->len[k] + q->jlen[k] / c;
}

/* Characters of s[0..n), spaces and line breaks left out, added to
 * *jp (Japanese ones) and *other (the rest). */
static void count_chars(const char *s, size_t n, double *jp, double *other) {
  size_t i = 0, j = 0, o = 0;
  while (i < n) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
      o += b != ' ' && b != '\n' && b != '\t' && b != '\r';
      i++;
      continue;
    }
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    /* kana and the common Han blocks without asking ICU */
    if ((c >= 0x3041 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF)) j++;
    else if (ty_is_japanese(c)) j++;
    else if (!ty_is_space(c)) o++;
    i += (size_t)len;
  }
  *jp += (double)j;
  *other += (double)o;
}

/* ---- the cost of a move ---------------------------------------------------- */

typedef struct aligner {
  model md;
  const double *prior; /* prior_prose or prior_lines */
  const seq *A, *B;
} aligner;

/* What the anchors of ja unit x and en unit y say: anchors both hold
 * (strong, weak) and required anchors each one lacks. */
typedef struct terms {
  uint8_t shared, weak, miss_a, miss_b;
} terms;

static uint8_t cap8(int v) { return (uint8_t)(v > 255 ? 255 : v); }

static terms unit_terms(const aligner *g, size_t x, size_t y) {
  /* a side with no anchors at all has no pool: no pointer arithmetic */
  const uint32_t *a = g->A->pool ? g->A->pool + g->A->aoff[x] : NULL;
  const uint32_t *b = g->B->pool ? g->B->pool + g->B->aoff[y] : NULL;
  size_t na = g->A->aoff[x + 1] - g->A->aoff[x];
  size_t nb = g->B->aoff[y + 1] - g->B->aoff[y];
  size_t i = 0, j = 0;
  int shared = 0, weak = 0, ma = 0, mb = 0;
  int has_a = 0, has_b = 0, lost_a = 0, lost_b = 0; /* numbers */
  while (i < na || j < nb) {
    uint32_t u = i < na ? a[i] >> 3 : UINT32_MAX, v = j < nb ? b[j] >> 3 : UINT32_MAX;
    if (i < na && j < nb && u == v) {
      if (a[i] & A_WEAK) weak++;
      else shared++;
      has_a |= (a[i] & A_NUMBER) != 0, has_b |= (b[j] & A_NUMBER) != 0;
      i++, j++;
    } else if (j >= nb || (i < na && u < v)) {
      if (a[i] & A_NUMBER) has_a = 1, lost_a++;
      else ma += miss_units[a[i] & 3u];
      i++;
    } else {
      if (b[j] & A_NUMBER) has_b = 1, lost_b++;
      else mb += miss_units[b[j] & 3u];
      j++;
    }
  }
  /* a number the other side lacks while stating numbers of its own is a
   * disagreement; where it states none, it may have spelt it out */
  ma += lost_a * (has_b ? NUMBER_MISSING : NUMBER_UNSTATED);
  mb += lost_b * (has_a ? NUMBER_MISSING : NUMBER_UNSTATED);
  return (terms){cap8(shared), cap8(weak), cap8(ma), cap8(mb)};
}

static int min_int(int a, int b) { return a < b ? a : b; }

/* Anchor evidence for the move m, in nats (higher = better), from the
 * terms of its unit pairs in row-major order: 1-1 (x,y); 2-1 (x-1,y)
 * (x,y); 1-2 (x,y-1) (x,y); 2-2 (x-1,y-1) (x-1,y) (x,y-1) (x,y).  A group
 * lacks what each of its units lacks against the other group, and what
 * the other group's unit lacks against all of them (at most the least of
 * the pairs). */
static double anchor_gain(int m, const terms *t) {
  int shared = 0, weak = 0, missing;
  int np = mv_a[m] * mv_b[m];
  for (int k = 0; k < np; k++) shared += t[k].shared, weak += t[k].weak;
  switch (m) {
  case M21: missing = t[0].miss_a + t[1].miss_a + min_int(t[0].miss_b, t[1].miss_b); break;
  case M12: missing = min_int(t[0].miss_a, t[1].miss_a) + t[0].miss_b + t[1].miss_b; break;
  case M22:
    missing = min_int(t[0].miss_a, t[1].miss_a) + min_int(t[2].miss_a, t[3].miss_a) +
              min_int(t[0].miss_b, t[2].miss_b) + min_int(t[1].miss_b, t[3].miss_b);
    break;
  default: missing = t[0].miss_a + t[0].miss_b; break;
  }
  if (shared > MAX_ANCHORS) shared = MAX_ANCHORS;
  if (missing > MAX_MISSING) missing = MAX_MISSING;
  if (weak > MAX_ANCHORS) weak = MAX_ANCHORS;
  return ANCHOR_SHARED * shared + ANCHOR_WEAK * weak - missing / 2.0;
}

/* The prior and length part of the cost of move m ending at (i, j): ja
 * units i-a..i-1 with en units j-b..j-1. */
static double length_cost(const aligner *g, int m, size_t i, size_t j) {
  int a = mv_a[m], b = mv_b[m];
  if (!a || !b) return g->prior[m];
  double x = g->A->elen[i - 1], y = g->B->elen[j - 1];
  if (a == 2) x += g->A->elen[i - 2];
  if (b == 2) y += g->B->elen[j - 2];
  double mean = (x + y) / 2;
  if (mean < 1) mean = 1;
  return g->prior[m] + (x - y) * (x - y) / (mean * g->md.s2 * 2);
}

/* Cost of the move m ending at (i, j). */
static double move_cost(const aligner *g, int m, size_t i, size_t j) {
  int a = mv_a[m], b = mv_b[m];
  if (!a || !b) return g->prior[m];
  terms t[4];
  int k = 0;
  for (int x = a; x >= 1; x--)
    for (int y = b; y >= 1; y--) t[k++] = unit_terms(g, i - (size_t)x, j - (size_t)y);
  return length_cost(g, m, i, j) - anchor_gain(m, t);
}

/* Whether the content of a pairing speaks for it, beyond the cost of
 * leaving its units out: an anchor both groups hold, or lengths of 15
 * characters or more that agree. */
static int evidence(const aligner *g, int m, size_t i, size_t j) {
  terms t[4];
  int k = 0, a = mv_a[m], b = mv_b[m];
  for (int x = a; x >= 1; x--)
    for (int y = b; y >= 1; y--) t[k++] = unit_terms(g, i - (size_t)x, j - (size_t)y);
  for (int q = 0; q < k; q++)
    if (t[q].shared || t[q].weak) return 1;
  double la = 0, lb = 0;
  for (int q = 1; q <= a; q++) la += g->A->elen[i - (size_t)q];
  for (int q = 1; q <= b; q++) lb += g->B->elen[j - (size_t)q];
  return la >= 15 && lb >= 15 && length_cost(g, m, i, j) - g->prior[m] <= 2;
}

/* How sure a pairing is, 0..1: the logistic of what it saves over leaving
 * its units unpaired. */
static double pair_score(const aligner *g, int m, size_t i, size_t j) {
  double save = g->prior[M10] * (mv_a[m] + mv_b[m]) - move_cost(g, m, i, j);
  return 1 / (1 + exp(-save));
}

/* ---- the banded programme ----------------------------------------------- */

#define RING 5 /* antidiagonals a move can reach back */
#define NO_MOVE 0xFF

/* Aligns A with B using the moves in `moves`.  Returns the moves from the
 * start, malloc'd (caller frees), their count in *nout. */
static uint8_t *dp_align(const aligner *g, unsigned moves, size_t *nout) {
  size_t n = g->A->n, m = g->B->n, D = n + m;
  size_t w0 = 8, wmax = 400, w = w0;
  if (D + 1 <= 2 * w0) w = w0 = wmax = D + 1; /* small: exact */
  double *cost[RING];
  terms *tr[RING]; /* unit_terms(i-1, j-1) of each cell in the band */
  for (int r = 0; r < RING; r++) {
    cost[r] = ty_xmalloc((2 * wmax + 3) * sizeof(double));
    tr[r] = ty_xmalloc((2 * wmax + 3) * sizeof(terms));
  }
  size_t lo_r[RING] = {0}, hi_r[RING] = {0};
  size_t *lo = ty_xmalloc((D + 1) * sizeof *lo);
  size_t *off = ty_xmalloc((D + 2) * sizeof *off);
  size_t bpcap = (D + 1) * (2 * w0 + 3), bpn = 0;
  uint8_t *bp = ty_xmalloc(bpcap);
  double rate = D ? (double)n / (double)D : 0; /* ja advance per step */
  size_t best_i = 0;
  for (size_t d = 0; d <= D; d++) {
    size_t vlo = d > m ? d - m : 0, vhi = d < n ? d : n;
    double cen = d ? (double)best_i + rate : 0;
    size_t a = cen > (double)w ? (size_t)(cen - (double)w) : 0;
    size_t b = (size_t)(cen + (double)w + 1);
    if (d && a > best_i) a = best_i;
    if (d && b < best_i + 1) b = best_i + 1;
    if (a < vlo) a = vlo;
    if (b > vhi) b = vhi;
    if (a > b) a = b;
    lo[d] = a;
    off[d] = bpn;
    int r = (int)(d % RING), ring[RING];
    for (int k = 0; k < RING; k++) ring[k] = (r - k + RING) % RING; /* d-k */
    lo_r[r] = a;
    hi_r[r] = b;
    if (bpn + (b - a + 1) > bpcap) {
      bpcap = (bpn + (b - a + 1)) * 2;
      bp = ty_xrealloc(bp, bpcap);
    }
    double bestc = HUGE_VAL;
    for (size_t i = a; i <= b; i++) {
      size_t j = d - i;
      double c = d == 0 ? 0 : HUGE_VAL;
      uint8_t mv = NO_MOVE;
      if (i && j) tr[r][i - a] = unit_terms(g, i - 1, j - 1);
      for (int k = 0; k < NMOVES && d; k++) {
        if (!(moves & MOVE_BIT(k))) continue;
        size_t da = (size_t)mv_a[k], db = (size_t)mv_b[k];
        if (i < da || j < db) continue;
        size_t pi = i - da;
        int pr = ring[da + db];
        if (pi < lo_r[pr] || pi > hi_r[pr]) continue;
        double pc = cost[pr][pi - lo_r[pr]];
        if (pc == HUGE_VAL) continue;
        double t = pc + length_cost(g, k, i, j);
        if (da && db) {
          /* the terms of the move's unit pairs, from the band when there */
          terms tt[4];
          int nt = 0;
          for (size_t x = da; x >= 1; x--)
            for (size_t y = db; y >= 1; y--) {
              size_t ci = i - x + 1;
              int cr = ring[x + y - 2];
              tt[nt++] = ci >= lo_r[cr] && ci <= hi_r[cr]
                            ? tr[cr][ci - lo_r[cr]]
                            : unit_terms(g, i - x, j - y);
            }
          t -= anchor_gain(k, tt);
        }
        if (t < c) c = t, mv = (uint8_t)k;
      }
      cost[r][i - a] = c;
      bp[bpn + (i - a)] = mv;
      if (c < bestc) bestc = c, best_i = i;
    }
    bpn += b - a + 1;
    /* widen while the path runs along an edge that is not the border */
    size_t margin = w / 4;
    if (((best_i < a + margin && a > vlo) || (best_i + margin > b && b < vhi)) &&
        w < wmax)
      w = w * 2 < wmax ? w * 2 : wmax;
    else if (w > w0)
      w--;
  }
  /* back from (n, m) */
  size_t cnt = 0, cap = 64;
  uint8_t *path = ty_xmalloc(cap);
  size_t i = n, d = D;
  while (d > 0) {
    uint8_t mv = bp[off[d] + (i - lo[d])];
    if (mv == NO_MOVE) break; /* unreachable: cannot happen, see the band */
    if (cnt == cap) path = ty_xrealloc(path, cap *= 2);
    path[cnt++] = mv;
    i -= (size_t)mv_a[mv];
    d -= (size_t)(mv_a[mv] + mv_b[mv]);
  }
  for (size_t k = 0; k < cnt / 2; k++) {
    uint8_t t = path[k];
    path[k] = path[cnt - 1 - k];
    path[cnt - 1 - k] = t;
  }
  for (int r = 0; r < RING; r++) {
    free(cost[r]);
    free(tr[r]);
  }
  free(lo);
  free(off);
  free(bp);
  *nout = cnt;
  return path;
}

/* ---- calibration ---------------------------------------------------------- */

/* The characters of one side of a pair: Japanese ones in *jp, the rest
 * in *other. */
static void side_chars(const ty_alignment *al, const ty_pair *p, ty_lang side,
                       double *jp, double *other) {
  const ty_doc *d = side == TY_JA ? al->ja : al->en;
  int first = side == TY_JA ? p->ja : p->en, cnt = side == TY_JA ? p->nja : p->nen;
  *jp = *other = 0;
  for (int k = 0; k < cnt && first >= 0; k++)
    count_chars(d->cl[first + k].text, d->cl[first + k].text_len, jp, other);
}

static int dbl_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *v, size_t n) {
  qsort(v, n, sizeof *v, dbl_cmp);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The length model of this pair of documents: c and s2 from the pairs
 * numbers matched when there are 8 or more of them; else, with `units`
 * (--by), c from the totals of both texts when each has 8 units or more;
 * else the defaults. */
static model calibrate(const ty_alignment *al, int units) {
  model md = default_model;
  double *v = ty_xmalloc((al->npairs + 1) * sizeof *v);
  double *jp = ty_xmalloc((al->npairs + 1) * sizeof *jp);
  double *rest = ty_xmalloc((al->npairs + 1) * sizeof *rest);
  size_t n = 0;
  double tj = 0, te = 0;
  /* a few thousand pairs tell c and s2 as well as all of them */
  size_t step = al->npairs / 4000 + 1;
  for (size_t k = 0; k < al->npairs; k += step) {
    const ty_pair *p = &al->pairs[k];
    if (p->status != TY_PAIR_MATCHED) continue;
    double ej, eo;
    side_chars(al, p, TY_JA, &jp[n], &rest[n]);
    side_chars(al, p, TY_EN, &ej, &eo);
    /* the English that stands for the Japanese characters */
    rest[n] = ej + eo - rest[n];
    if (jp[n] < 5 || rest[n] < 10) continue;
    tj += jp[n], te += rest[n];
    n++;
  }
  if (n >= 8) {
    md.c = tj / te;
    for (size_t k = 0; k < n; k++) {
      double x = jp[k] / md.c, y = rest[k];
      v[k] = (x - y) * (x - y) / ((x + y) / 2);
    }
    /* the median of a chi-square with one degree of freedom is 0.455 */
    md.s2 = median(v, n) / 0.455;
    if (md.s2 < 0.3) md.s2 = 0.3;
    if (md.s2 > 10) md.s2 = 10;
  } else if (units && al->ja->ncl >= 8 && al->en->ncl >= 8) {
    double jo = 0, ej = 0, eo = 0;
    tj = 0;
    for (size_t k = 0; k < al->ja->ncl; k++)
      count_chars(al->ja->cl[k].text, al->ja->cl[k].text_len, &tj, &jo);
    for (size_t k = 0; k < al->en->ncl; k++)
      count_chars(al->en->cl[k].text, al->en->cl[k].text_len, &ej, &eo);
    if (tj > 0 && ej + eo - jo > 0) md.c = tj / (ej + eo - jo);
  }
  if (md.c < 0.1) md.c = 0.1;
  free(v);
  free(jp);
  free(rest);
  return md;
}

/* ---- findings ------------------------------------------------------------- */

/* Appends at most 40 characters of s[0..n) on one line, "…" when cut. */
static void put_excerpt(ty_buf *out, const char *s, size_t n) {
  size_t i = 0;
  int chars = 0;
  while (i < n && chars < 40) {
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    if (c == '\n') ty_buf_putc(out, ' ');
    else ty_buf_put(out, s + i, (size_t)len);
    i += (size_t)len;
    chars++;
  }
  if (i < n) ty_buf_puts(out, "…");
}

/* The clause of d at `line` with `key`, or -1 (clauses are in line
 * order). */
static long find_clause(const ty_doc *d, int line, const char *key) {
  size_t lo = 0, hi = d->ncl;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->cl[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < d->ncl && d->cl[lo].line == line; lo++)
    if (strcmp(d->cl[lo].key, key) == 0) return (long)lo;
  return -1;
}

/* Appends a missing pair for clause idx of `side`; with `finding`, its
 * missing-en/missing-ja finding too. */
static void add_missing(ty_alignment *al, ty_lang side, int idx, int finding,
                        const char *noun) {
  const ty_doc *d = side == TY_JA ? al->ja : al->en;
  const ty_clause *c = &d->cl[idx];
  ty_pair *p = ty_alignment_add_pair(al);
  p->status = side == TY_JA ? TY_PAIR_MISSING_EN : TY_PAIR_MISSING_JA;
  if (side == TY_JA) p->ja = idx, p->nja = 1;
  else p->en = idx, p->nen = 1;
  if (!finding) return;
  ty_findings_add(&al->findings, &al->arena,
                  side == TY_JA ? TY_MISSING_EN : TY_MISSING_JA, c->key,
                  side == TY_JA ? c->line : 0, side == TY_EN ? c->line : 0,
                  "%s %.*s has no %s counterpart",
                  c->label ? (side == TY_JA ? "ja" : "en") : noun,
                  (int)(c->label ? c->label_len : strlen(c->key)),
                  c->label ? c->label : c->key,
                  side == TY_JA ? "English" : "Japanese");
}

/* The clause of the other side that a content pair joins clause `idx` of
 * `side` with (its first), or -1. */
static int content_partner(const ty_alignment *al, ty_lang side, long idx) {
  for (size_t k = 0; k < al->npairs; k++) {
    const ty_pair *p = &al->pairs[k];
    if (p->status != TY_PAIR_CONTENT) continue;
    int first = side == TY_JA ? p->ja : p->en;
    int count = side == TY_JA ? p->nja : p->nen;
    if (first >= 0 && idx >= first && idx < first + count)
      return side == TY_JA ? p->en : p->ja;
  }
  return -1;
}

/* Whether some clause of d has the key (a duplicated number elsewhere is
 * already a duplicate-number finding). */
static int has_key(const ty_doc *d, const char *key) {
  for (size_t i = 0; i < d->ncl; i++)
    if (strcmp(d->cl[i].key, key) == 0) return 1;
  return 0;
}

/* Settles the missing-en/missing-ja findings of the clauses flagged in
 * drop_ja/drop_en, now paired by content: an unnumbered clause's finding
 * is dropped; a numbered clause whose number the other side lacks keeps
 * it, saying which clause its content pairs it with. */
static void drop_missing(ty_alignment *al, const unsigned char *drop_ja,
                         const unsigned char *drop_en) {
  size_t k = 0;
  for (size_t i = 0; i < al->findings.n; i++) {
    ty_finding f = al->findings.v[i];
    ty_lang side = f.code == TY_MISSING_EN ? TY_JA : TY_EN;
    long c = -1;
    if (f.code == TY_MISSING_EN || f.code == TY_MISSING_JA) {
      const ty_doc *d = side == TY_JA ? al->ja : al->en;
      c = find_clause(d, side == TY_JA ? f.ja_line : f.en_line, f.key);
      if (c >= 0 && !(side == TY_JA ? drop_ja : drop_en)[c]) c = -1;
      const ty_doc *od = side == TY_JA ? al->en : al->ja;
      if (c >= 0 && d->cl[c].label && !has_key(od, f.key)) {
        int o = content_partner(al, side, c);
        if (o >= 0) {
          const ty_clause *me = &d->cl[c], *other = &od->cl[o];
          f.message = ty_arena_printf(
              &al->arena,
              "%s %.*s has no %s clause of its number; by content it pairs "
              "with %s %.*s (line %d)",
              side == TY_JA ? "ja" : "en", (int)me->label_len, me->label,
              side == TY_JA ? "English" : "Japanese",
              side == TY_JA ? "en" : "ja",
              (int)(other->label ? other->label_len : strlen(other->key)),
              other->label ? other->label : other->key, other->line);
          if (side == TY_JA) f.en_line = other->line;
          else f.ja_line = other->line;
        }
        c = -1; /* kept */
      }
    }
    if (c < 0) al->findings.v[k++] = f;
  }
  al->findings.n = k;
}

/* ---- sentence pairs inside clause pairs ----------------------------------- */

typedef struct sent {
  const char *s;
  size_t n;
  int line;
  int clause; /* which clause of its pair side it comes from */
} sent;

typedef struct sents {
  sent *v;
  size_t n, cap;
} sents;

typedef struct stage {
  ty_alignment *al;
  const ty_config *cfg;
  const ty_dict *dict;
  model md;
  int units;           /* --by paragraph or sentence */
  const double *prior; /* of the units aligned */
  ty_segmenter *sg;
  ty_spans spans;
  sents side[2];
  sents lines[2]; /* a pair side's lines (line_side) */
  seq q[2];
  ty_buf msg;
} stage;

/* An aligner over st->q with the stage's model and priors. */
static aligner stage_aligner(stage *st) {
  seq_scale(&st->q[TY_JA], st->md.c);
  seq_scale(&st->q[TY_EN], st->md.c);
  return (aligner){.md = st->md, .prior = st->prior, .A = &st->q[TY_JA], .B = &st->q[TY_EN]};
}

static void collect_sentences(stage *st, const ty_pair *p, ty_lang lang) {
  const ty_doc *d = lang == TY_JA ? st->al->ja : st->al->en;
  int first = lang == TY_JA ? p->ja : p->en, cnt = lang == TY_JA ? p->nja : p->nen;
  sents *out = &st->side[lang];
  out->n = 0;
  for (int k = 0; k < cnt; k++) {
    const ty_clause *c = &d->cl[first + k];
    st->spans.n = 0;
    ty_sentences(st->sg, c->text, c->text_len, lang, &st->spans);
    const char *prev = c->text;
    int line = c->line;
    for (size_t s = 0; s < st->spans.n; s++) {
      const char *at = c->text + st->spans.v[s].off;
      for (; prev < at; prev++) line += *prev == '\n';
      if (out->n == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 16;
        out->v = ty_xrealloc(out->v, out->cap * sizeof *out->v);
      }
      out->v[out->n++] = (sent){at, st->spans.v[s].len, line, k};
    }
  }
}

static int has_paragraphs(const char *t, size_t n);

/* The non-blank lines of a pair side, each one unit, into st->lines[lang];
 * returns how many of them hold more than one of the side's ICU sentences
 * (st->side[lang], collected first). */
static size_t collect_lines(stage *st, const ty_pair *p, ty_lang lang) {
  const ty_doc *d = lang == TY_JA ? st->al->ja : st->al->en;
  int first = lang == TY_JA ? p->ja : p->en, cnt = lang == TY_JA ? p->nja : p->nen;
  sents *out = &st->lines[lang];
  const sents *icu = &st->side[lang];
  size_t several = 0, si = 0;
  out->n = 0;
  for (int k = 0; k < cnt; k++) {
    const ty_clause *c = &d->cl[first + k];
    int line = c->line;
    for (size_t i = 0; i < c->text_len;) {
      const char *nl = memchr(c->text + i, '\n', c->text_len - i);
      size_t e = nl ? (size_t)(nl - c->text) : c->text_len, a = i, z = e;
      while (a < z && (c->text[a] == ' ' || c->text[a] == '\t')) a++;
      while (z > a && (c->text[z - 1] == ' ' || c->text[z - 1] == '\t' ||
                       c->text[z - 1] == '\r'))
        z--;
      if (z > a) {
        if (out->n == out->cap) {
          out->cap = out->cap ? out->cap * 2 : 16;
          out->v = ty_xrealloc(out->v, out->cap * sizeof *out->v);
        }
        out->v[out->n++] = (sent){c->text + a, z - a, line, k};
        /* ICU sentences starting inside this line */
        int starts = 0;
        while (si < icu->n && (icu->v[si].clause < k ||
                               (icu->v[si].clause == k && icu->v[si].s < c->text + z))) {
          if (icu->v[si].clause == k && icu->v[si].s >= c->text + a) starts++;
          si++;
        }
        several += starts > 1;
      }
      i = e + 1;
      line++;
    }
  }
  return several;
}

/* Whether a pair side is written a sentence a line, as message catalogs
 * and the sentence benchmark are: two lines or more, split by a blank
 * line at least once (so its breaks are the writer's), and at most one
 * line in four holding more than one ICU sentence.  Such a side is aligned
 * by its lines, as `--by sentence` aligns a file of one sentence a line. */
static int line_side(stage *st, const ty_pair *p, ty_lang lang) {
  const ty_doc *d = lang == TY_JA ? st->al->ja : st->al->en;
  int first = lang == TY_JA ? p->ja : p->en, cnt = lang == TY_JA ? p->nja : p->nen;
  size_t several = collect_lines(st, p, lang);
  if (st->lines[lang].n < 2) return 0;
  int para = 0;
  for (int k = 0; k < cnt && !para; k++)
    para = has_paragraphs(d->cl[first + k].text, d->cl[first + k].text_len);
  return para && several * 4 <= st->lines[lang].n;
}

static ty_sentpair *add_sentpair(ty_alignment *al) {
  if (al->nsents == al->scap) {
    al->scap = al->scap ? al->scap * 2 : 256;
    al->sents = ty_xrealloc(al->sents, al->scap * sizeof *al->sents);
  }
  ty_sentpair *s = &al->sents[al->nsents++];
  memset(s, 0, sizeof *s);
  return s;
}

/* Sets one side of a sentence pair to sentences v[k .. k+cnt): a view of
 * the text when they stand in one clause; joined into the arena when a
 * content pair's clauses (which need not lie side by side) divide them. */
static void span_side(ty_alignment *al, ty_sentpair *sp, ty_lang lang,
                      const sent *v, size_t k, int cnt) {
  if (!cnt) return;
  const sent *last = &v[k + (size_t)cnt - 1];
  const char *s = v[k].s;
  size_t n;
  if (last->clause == v[k].clause) {
    n = (size_t)(last->s + last->n - s);
  } else {
    ty_buf b = {0};
    for (int t = 0; t < cnt; t++) {
      if (t) ty_buf_putc(&b, ' ');
      ty_buf_put(&b, v[k + (size_t)t].s, v[k + (size_t)t].n);
    }
    n = b.n;
    s = ty_arena_strndup(&al->arena, b.p, b.n);
    ty_buf_free(&b);
  }
  if (lang == TY_JA) sp->ja = s, sp->ja_len = n, sp->ja_line = v[k].line;
  else sp->en = s, sp->en_len = n, sp->en_line = v[k].line;
}

static void report_unpaired(stage *st, const ty_pair *p, ty_lang lang,
                            const sent *s) {
  if (!st->cfg || st->cfg->checks) {
    ty_alignment *al = st->al;
    ty_buf_clear(&st->msg);
    put_excerpt(&st->msg, s->s, s->n);
    ty_findings_add(&al->findings, &al->arena, TY_SENTENCE_UNPAIRED,
                    ty_pair_key(al, p),
                    lang == TY_JA ? s->line : ty_pair_line(al, p, TY_JA),
                    lang == TY_EN ? s->line : ty_pair_line(al, p, TY_EN),
                    "%s sentence has no %s counterpart: %s",
                    lang == TY_JA ? "ja" : "en",
                    lang == TY_JA ? "English" : "Japanese", st->msg.p);
  }
}

/* Whether as many sentences on each side pair one to one by their lengths
 * alone, each pair within DIAGONAL_DELTA of the model: the common case,
 * which needs no programme.  (What lengths cannot tell, the programme
 * does, anchors included.) */
#define DIAGONAL_DELTA 1.5 /* nats of length cost per pair */
static int diagonal_holds(const stage *st, const sents *J, const sents *E) {
  for (size_t k = 0; k < J->n; k++) {
    double jp = 0, x = 0, y = 0;
    count_chars(J->v[k].s, J->v[k].n, &jp, &x);
    x += jp / st->md.c;
    jp = 0;
    count_chars(E->v[k].s, E->v[k].n, &jp, &y);
    y += jp / st->md.c;
    double mean = (x + y) / 2;
    if (mean < 1) mean = 1;
    if ((x - y) * (x - y) / (mean * st->md.s2 * 2) > DIAGONAL_DELTA) return 0;
  }
  return 1;
}

static void align_sentences(stage *st, ty_pair *p) {
  ty_alignment *al = st->al;
  collect_sentences(st, p, TY_JA);
  collect_sentences(st, p, TY_EN);
  const sents *J = &st->side[TY_JA], *E = &st->side[TY_EN];
  p->sent_off = al->nsents;
  p->nsent = 0;
  if (!J->n || !E->n) return;
  /* a sentence a line on both sides: the lines are the units */
  const double *prior = st->prior;
  unsigned moves = MOVES_SENT;
  int by_line = line_side(st, p, TY_JA);
  if (line_side(st, p, TY_EN) && by_line) {
    J = &st->lines[TY_JA], E = &st->lines[TY_EN];
    st->prior = prior_clause_lines;
    moves = MOVES_RUN;
  } else {
    by_line = 0;
  }
  /* one sentence a side: the clause pair says it all */
  if (J->n == 1 && E->n == 1) return;
  if (J->n == E->n && diagonal_holds(st, J, E)) {
    for (size_t k = 0; k < J->n; k++) {
      ty_sentpair *sp = add_sentpair(al);
      span_side(al, sp, TY_JA, J->v, k, 1);
      span_side(al, sp, TY_EN, E->v, k, 1);
    }
    p->nsent = J->n;
    return;
  }
  for (int s = 0; s < 2; s++) {
    seq *q = &st->q[s];
    q->n = q->np = 0;
    const sents *u = s == TY_JA ? J : E;
    for (size_t k = 0; k < u->n; k++)
      seq_add(q, u->v[k].s, u->v[k].n, (ty_lang)s, st->dict);
  }
  aligner g = stage_aligner(st);
  st->prior = prior;
  size_t nmv;
  uint8_t *path = dp_align(&g, moves, &nmv);
  size_t i = 0, j = 0;
  for (size_t k = 0; k < nmv; k++) {
    int m = path[k];
    ty_sentpair *sp = add_sentpair(al);
    span_side(al, sp, TY_JA, J->v, i, mv_a[m]);
    span_side(al, sp, TY_EN, E->v, j, mv_b[m]);
    if (!mv_b[m]) report_unpaired(st, p, TY_JA, &J->v[i]);
    if (!mv_a[m]) report_unpaired(st, p, TY_EN, &E->v[j]);
    i += (size_t)mv_a[m];
    j += (size_t)mv_b[m];
  }
  p->nsent = nmv;
  free(path);
}

/* Whether a side of a pair may hold more than one sentence: a blank line,
 * a line starting a list item, or a sentence end (。！？ . ! ?) with text
 * after it.  Most clauses are one sentence; this spares them ICU. */
static int may_hold_several(const ty_alignment *al, const ty_pair *p,
                            ty_lang side) {
  const ty_doc *d = side == TY_JA ? al->ja : al->en;
  int first = side == TY_JA ? p->ja : p->en, cnt = side == TY_JA ? p->nja : p->nen;
  if (cnt > 1) return 1;
  const unsigned char *s = (const unsigned char *)d->cl[first].text;
  size_t n = d->cl[first].text_len;
  int end = 0; /* a sentence end seen, not yet followed by text */
  for (size_t i = 0; i < n; i++) {
    unsigned char c = s[i];
    if (c == '\n') {
      size_t k = i + 1;
      while (k < n && (s[k] == ' ' || s[k] == '\t')) k++;
      if (k < n && (s[k] == '\n' || s[k] == '-' || s[k] == '*' || s[k] == 0xE3))
        return 1;
      continue;
    }
    if (c == '.' || c == '!' || c == '?') {
      end = 1;
      continue;
    }
    /* 。 E3 80 82, ！ EF BC 81, ？ EF BC 9F */
    if (i + 2 < n && ((c == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x82) ||
                      (c == 0xEF && s[i + 1] == 0xBC &&
                       (s[i + 2] == 0x81 || s[i + 2] == 0x9F)))) {
      end = 1;
      i += 2;
      continue;
    }
    if (!end || c == ' ' || c == ')' || c == '"' || c == '\'') continue;
    /* closing brackets after a sentence end: 」 』 】 ） */
    if (i + 2 < n && ((c == 0xE3 && s[i + 1] == 0x80 &&
                       (s[i + 2] == 0x8D || s[i + 2] == 0x8F || s[i + 2] == 0x91)) ||
                      (c == 0xEF && s[i + 1] == 0xBC && s[i + 2] == 0x89))) {
      i += 2;
      continue;
    }
    return 1;
  }
  return 0;
}

static void sentence_stage(stage *st) {
  for (size_t k = 0; k < st->al->npairs; k++) {
    ty_pair *p = &st->al->pairs[k];
    if (p->ja < 0 || p->en < 0) continue;
    if (!may_hold_several(st->al, p, TY_JA) && !may_hold_several(st->al, p, TY_EN))
      continue;
    align_sentences(st, p);
  }
}

/* ---- length-ratio ------------------------------------------------------- */

/* Clauses whose log length ratio lies more than 3.5 robust z-scores
 * (median and MAD) from the document's own; only clauses of 40 or more
 * characters, only with 8 or more matched pairs to judge from. */
static void length_ratio_stage(stage *st) {
  ty_alignment *al = st->al;
  if (st->cfg && !st->cfg->checks) return;
  size_t n = 0;
  double *r = ty_xmalloc((al->npairs + 1) * sizeof *r);
  double *lj = ty_xmalloc((al->npairs + 1) * sizeof *lj);
  double *le = ty_xmalloc((al->npairs + 1) * sizeof *le);
  for (size_t k = 0; k < al->npairs; k++) {
    const ty_pair *p = &al->pairs[k];
    lj[k] = le[k] = 0;
    if (p->status != TY_PAIR_MATCHED) continue;
    double jp, other, ej, eo;
    side_chars(al, p, TY_JA, &jp, &other);
    side_chars(al, p, TY_EN, &ej, &eo);
    /* both in English characters */
    lj[k] = jp / st->md.c + other;
    le[k] = ej / st->md.c + eo;
    if (lj[k] > 0 && le[k] > 0) r[n++] = log(lj[k] / le[k]);
  }
  if (n >= 8) {
    double med = median(r, n);
    for (size_t k = 0; k < n; k++) r[k] = fabs(r[k] - med);
    double mad = median(r, n);
    if (mad < 0.05) mad = 0.05;
    for (size_t k = 0; k < al->npairs; k++) {
      const ty_pair *p = &al->pairs[k];
      if (lj[k] <= 0 || le[k] <= 0) continue;
      if (lj[k] < 40 && le[k] < 40) continue;
      double z = 0.6745 * (log(lj[k] / le[k]) - med) / mad;
      if (fabs(z) <= 3.5) continue;
      ty_findings_add(&al->findings, &al->arena, TY_LENGTH_RATIO,
                      ty_pair_key(al, p), ty_pair_line(al, p, TY_JA),
                      ty_pair_line(al, p, TY_EN),
                      "ja as long as %.0f English characters, en %.0f: ratio "
                      "%.2f where this document's is %.2f (the %s looks %s)",
                      lj[k], le[k], lj[k] / le[k], exp(med),
                      z > 0 ? "English" : "Japanese",
                      "truncated, or the other side padded");
    }
  }
  free(r);
  free(lj);
  free(le);
}

/* ---- runs that numbers left unpaired --------------------------------------- */

/* A content pair must save this much over leaving its clauses unpaired
 * (score 0.8), and have evidence of its own, to replace two missing
 * clauses. */
#define GOOD_SCORE 0.8

static void seq_clause(stage *st, ty_lang lang, int idx) {
  const ty_doc *d = lang == TY_JA ? st->al->ja : st->al->en;
  const ty_clause *c = &d->cl[idx];
  size_t skip = 0;
  if (st->units) {
    /* numbering ignored: a section marker is no anchor */
    const char *nl = memchr(c->text, '\n', c->text_len);
    ty_marker m;
    if (ty_number_parse(c->text, nl ? (size_t)(nl - c->text) : c->text_len, &m))
      skip = m.text_off;
  }
  seq_add(&st->q[lang], c->text + skip, c->text_len - skip, lang, st->dict);
}

/* What runs_stage knows of each clause: it was missing before (it has
 * its finding), it is paired now. */
typedef struct runmarks {
  unsigned char *was[2], *paired[2];
} runmarks;

/* Aligns the clauses of one run (ja[0..nj), en[0..ne), in order) and
 * appends the resulting pairs.  `before`/`after`: pairs (or the start of
 * the documents) hold the run in on that side; a pairing between two
 * pairs needs no evidence of its own but its place. */
static void align_run(stage *st, const int *ja, size_t nj, const int *en,
                      size_t ne, int before, int after, runmarks *rm) {
  ty_alignment *al = st->al;
  st->q[0].n = st->q[0].np = st->q[1].n = st->q[1].np = 0;
  for (size_t k = 0; k < nj; k++) seq_clause(st, TY_JA, ja[k]);
  for (size_t k = 0; k < ne; k++) seq_clause(st, TY_EN, en[k]);
  aligner g = stage_aligner(st);
  size_t nmv;
  uint8_t *path = dp_align(&g, MOVES_RUN, &nmv);
  size_t i = 0, j = 0;
  int held = before; /* the move before this one is a pair */
  for (size_t k = 0; k < nmv; k++) {
    int m = path[k], a = mv_a[m], b = mv_b[m];
    double score = a && b ? pair_score(&g, m, i + (size_t)a, j + (size_t)b) : 0;
    int adjacent = (a < 2 || ja[i + 1] == ja[i] + 1) &&
                   (b < 2 || en[j + 1] == en[j] + 1);
    int next = k + 1 < nmv ? mv_a[path[k + 1]] && mv_b[path[k + 1]] : after;
    int good = a && b && score >= GOOD_SCORE && adjacent &&
               ((held && next) || evidence(&g, m, i + (size_t)a, j + (size_t)b));
    held = good;
    if (good) {
      ty_pair *p = ty_alignment_add_pair(al);
      p->status = TY_PAIR_CONTENT;
      p->ja = ja[i], p->nja = a;
      p->en = en[j], p->nen = b;
      p->score = score;
      for (int t = 0; t < a; t++) rm->paired[TY_JA][ja[i] + t] = 1;
      for (int t = 0; t < b; t++) rm->paired[TY_EN][en[j] + t] = 1;
    } else {
      for (int t = 0; t < a; t++) {
        int c = ja[i + (size_t)t];
        add_missing(al, TY_JA, c, !rm->was[TY_JA][c], "unnumbered paragraph");
      }
      for (int t = 0; t < b; t++) {
        int c = en[j + (size_t)t];
        add_missing(al, TY_EN, c, !rm->was[TY_EN][c], "unnumbered paragraph");
      }
    }
    i += (size_t)a;
    j += (size_t)b;
  }
  free(path);
}

static int int_cmp(const void *a, const void *b) {
  return *(const int *)a - *(const int *)b;
}

/* Whether a pair is open to the runs stage: missing on a side, or front
 * matter paired by position. */
static int loose(const ty_alignment *al, const ty_pair *p) {
  if (p->status == TY_PAIR_MISSING_EN || p->status == TY_PAIR_MISSING_JA)
    return 1;
  return p->status == TY_PAIR_CONTENT && (al->ja->cl[p->ja].flags & TY_CL_FRONT);
}

/* Every run of pairs between two number matches (missing clauses, front
 * matter) aligned by content.  The missing-en/missing-ja findings of the
 * clauses it pairs are dropped; front matter that match had paired by
 * position and content leaves unpaired gets them. */
static void runs_stage(stage *st) {
  ty_alignment *al = st->al;
  ty_pair *old = al->pairs;
  size_t nold = al->npairs;
  al->pairs = NULL;
  al->npairs = al->cap = 0;
  runmarks rm;
  size_t ncl[2] = {al->ja->ncl, al->en->ncl};
  for (int s = 0; s < 2; s++) {
    rm.was[s] = ty_xcalloc(ncl[s] + 1, 1);
    rm.paired[s] = ty_xcalloc(ncl[s] + 1, 1);
  }
  for (size_t k = 0; k < nold; k++) {
    if (old[k].status == TY_PAIR_MISSING_EN) rm.was[TY_JA][old[k].ja] = 1;
    if (old[k].status == TY_PAIR_MISSING_JA) rm.was[TY_EN][old[k].en] = 1;
  }
  int *ja = ty_xmalloc((ncl[0] + 1) * sizeof *ja);
  int *en = ty_xmalloc((ncl[1] + 1) * sizeof *en);
  for (size_t k = 0; k < nold;) {
    if (!loose(al, &old[k])) {
      *ty_alignment_add_pair(al) = old[k++];
      continue;
    }
    size_t e = k, nj = 0, ne = 0;
    for (; e < nold && loose(al, &old[e]); e++) {
      for (int t = 0; t < old[e].nja; t++) ja[nj++] = old[e].ja + t;
      for (int t = 0; t < old[e].nen; t++) en[ne++] = old[e].en + t;
    }
    if (nj && ne) {
      qsort(ja, nj, sizeof *ja, int_cmp);
      qsort(en, ne, sizeof *en, int_cmp);
      align_run(st, ja, nj, en, ne, 1, e < nold, &rm);
    } else {
      for (size_t t = k; t < e; t++) *ty_alignment_add_pair(al) = old[t];
    }
    k = e;
  }
  for (int s = 0; s < 2; s++)
    for (size_t c = 0; c < ncl[s]; c++) rm.was[s][c] &= rm.paired[s][c];
  drop_missing(al, rm.was[TY_JA], rm.was[TY_EN]);
  for (int s = 0; s < 2; s++) {
    free(rm.was[s]);
    free(rm.paired[s]);
  }
  free(ja);
  free(en);
  free(old);
}

/* ---- renumbered translations ----------------------------------------------- */

/* A content partner must beat the number partner by this much (nats). */
#define RENUMBER_MARGIN 1.0

/* Pairs rebuilt from a partner per Japanese clause, in document order as
 * match makes them; the missing findings made anew. */
static void rebuild_pairs(stage *st, const int *partner, const unsigned char *content,
                          const ty_pair_status *status, aligner *g) {
  ty_alignment *al = st->al;
  size_t k = 0;
  for (size_t i = 0; i < al->findings.n; i++) {
    ty_code c = al->findings.v[i].code;
    if (c != TY_MISSING_EN && c != TY_MISSING_JA) al->findings.v[k++] = al->findings.v[i];
  }
  al->findings.n = k;
  unsigned char *used = ty_xcalloc(al->en->ncl + 1, 1);
  for (size_t i = 0; i < al->ja->ncl; i++)
    if (partner[i] >= 0) used[partner[i]] = 1;
  al->npairs = 0;
  int j = 0;
  for (size_t i = 0; i < al->ja->ncl; i++) {
    int e = partner[i];
    if (e < 0) {
      add_missing(al, TY_JA, (int)i, 1, "unnumbered paragraph");
      continue;
    }
    for (; j < e; j++)
      if (!used[j]) add_missing(al, TY_EN, j, 1, "unnumbered paragraph");
    if (e >= j) j = e + 1;
    ty_pair *p = ty_alignment_add_pair(al);
    p->ja = (int)i, p->nja = 1, p->en = e, p->nen = 1;
    p->status = content[i] ? TY_PAIR_CONTENT : status[i];
    p->score = content[i] ? pair_score(g, M11, i + 1, (size_t)e + 1)
               : p->status == TY_PAIR_MATCHED ? 1.0 : 0.0;
  }
  for (; j < (int)al->en->ncl; j++)
    if (!used[j]) add_missing(al, TY_EN, j, 1, "unnumbered paragraph");
  free(used);
}

/* Number-matched clauses whose content sits with a neighbour of their
 * partner (a translation made from an earlier version, renumbered since):
 * `renumbered` for each, and with `prefer` the content pairing instead.
 * Only looked for when numbers left something unpaired. */
static void renumber_stage(stage *st, int prefer) {
  ty_alignment *al = st->al;
  size_t nj = al->ja->ncl, ne = al->en->ncl, missing = 0;
  for (size_t k = 0; k < al->npairs; k++)
    missing += al->pairs[k].status == TY_PAIR_MISSING_EN ||
               al->pairs[k].status == TY_PAIR_MISSING_JA;
  if (!missing || !nj || !ne) return;
  int *np = ty_xmalloc(nj * sizeof *np), *cp = ty_xmalloc(nj * sizeof *cp);
  int *holder = ty_xmalloc(ne * sizeof *holder); /* en -> ja by number */
  ty_pair_status *status = ty_xmalloc(nj * sizeof *status);
  unsigned char *content = ty_xcalloc(nj, 1), *taken = ty_xcalloc(ne, 1);
  for (size_t i = 0; i < nj; i++) np[i] = cp[i] = -1;
  for (size_t e = 0; e < ne; e++) holder[e] = -1;
  for (size_t k = 0; k < al->npairs; k++) {
    const ty_pair *p = &al->pairs[k];
    if (p->ja >= 0 && p->en >= 0) {
      np[p->ja] = p->en, status[p->ja] = p->status;
      holder[p->en] = p->ja;
    }
  }
  st->q[0].n = st->q[0].np = st->q[1].n = st->q[1].np = 0;
  for (size_t i = 0; i < nj; i++) seq_clause(st, TY_JA, (int)i);
  for (size_t i = 0; i < ne; i++) seq_clause(st, TY_EN, (int)i);
  aligner g = stage_aligner(st);
  size_t nmv;
  uint8_t *path = dp_align(&g, MOVE_BIT(M11) | MOVE_BIT(M10) | MOVE_BIT(M01), &nmv);
  size_t i = 0, j = 0;
  for (size_t k = 0; k < nmv; k++) {
    if (path[k] == M11) cp[i] = (int)j;
    i += (size_t)mv_a[path[k]];
    j += (size_t)mv_b[path[k]];
  }
  free(path);
  int any = 0;
  for (i = 0; i < nj; i++) {
    int n = np[i], c = cp[i];
    if (n < 0 || c < 0 || c == n || abs(c - n) > 3) continue;
    if (al->ja->cl[i].flags & TY_CL_FRONT) continue;
    /* the neighbour is unpaired, or its own partner moved on too */
    int h = holder[c];
    if (h >= 0 && (cp[h] < 0 || cp[h] == np[h])) continue;
    double cc = move_cost(&g, M11, i + 1, (size_t)c + 1);
    double nc = move_cost(&g, M11, i + 1, (size_t)n + 1);
    if (nc - cc < RENUMBER_MARGIN || pair_score(&g, M11, i + 1, (size_t)c + 1) < GOOD_SCORE)
      continue;
    const ty_clause *a = &al->ja->cl[i], *b = &al->en->cl[c];
    ty_findings_add(&al->findings, &al->arena, TY_RENUMBERED, a->key, a->line,
                    b->line, "ja %s corresponds to en %s by content%s", a->key,
                    b->key, prefer ? "" : " (paired by number)");
    content[i] = 1;
    taken[c] = 1;
    any = 1;
  }
  if (prefer && any) {
    for (i = 0; i < nj; i++) {
      if (content[i]) np[i] = cp[i];
      else if (np[i] >= 0 && taken[np[i]]) np[i] = -1;
    }
    rebuild_pairs(st, np, content, status, &g);
  }
  free(np);
  free(cp);
  free(holder);
  free(status);
  free(content);
  free(taken);
}

/* ---- documents without usable numbering ----------------------------------- */

static void add_unit(ty_doc *d, const char *s, size_t n, int line, int end_line) {
  ty_clause *c = ty_doc_add_clause(d);
  c->key = ty_arena_printf(&d->arena, "%zu", d->ncl);
  c->text = s;
  c->text_len = n;
  c->line = line;
  c->end_line = end_line;
  c->col = 1;
  c->flags = TY_CL_FRONT;
}

static int blank_line(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    if (!ty_is_space(c) && c != '\r') return 0;
    i += (size_t)len;
  }
  return 1;
}

/* Whether a blank line stands between two lines of text; without one,
 * every line is a paragraph (and, for sentences, one sentence). */
static int has_paragraphs(const char *t, size_t n) {
  int seen = 0, gap = 0;
  for (size_t i = 0; i < n;) {
    const char *nl = memchr(t + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - t) : n;
    if (blank_line(t + i, e - i)) gap = seen;
    else if (gap) return 1;
    else seen = 1;
    i = e + 1;
  }
  return 0;
}

void ty_doc_split_units(ty_doc *d, ty_unit by) {
  d->ncl = 0;
  d->findings.n = 0;
  const char *t = d->text;
  size_t n = d->len;
  int paragraphs = has_paragraphs(t, n);
  ty_segmenter *sg = by == TY_BY_SENTENCE && paragraphs ? ty_segmenter_new() : NULL;
  ty_spans sp = {0};
  size_t i = 0, ps = 0, pe = 0;
  int line = 1, pline = 0, open = 0;
  for (;;) {
    int end = i >= n;
    const char *nl = end ? NULL : memchr(t + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - t) : n;
    int blank = end || blank_line(t + i, e - i);
    if (!blank && !open) ps = i, pline = line, open = 1;
    if (!blank) pe = e;
    if (open && (blank || !paragraphs)) {
      while (pe > ps && t[pe - 1] == '\r') pe--;
      if (!sg) {
        add_unit(d, t + ps, pe - ps, pline, blank ? line - 1 : line);
      } else {
        sp.n = 0;
        ty_sentences(sg, t + ps, pe - ps, d->lang, &sp);
        int l = pline;
        const char *q = t + ps;
        for (size_t k = 0; k < sp.n; k++) {
          const char *at = t + ps + sp.v[k].off;
          for (; q < at; q++) l += *q == '\n';
          add_unit(d, at, sp.v[k].len, l, l);
        }
      }
      open = 0;
    }
    if (end) break;
    i = e + 1;
    line++;
  }
  ty_spans_free(&sp);
  ty_segmenter_free(sg);
}

/* Both documents split into units, aligned as one run. */
static void units_stage(stage *st, ty_unit by) {
  ty_alignment *al = st->al;
  const char *noun = by == TY_BY_SENTENCE ? "sentence" : "paragraph";
  size_t nj = al->ja->ncl, ne = al->en->ncl;
  st->q[0].n = st->q[0].np = st->q[1].n = st->q[1].np = 0;
  for (size_t i = 0; i < nj; i++) seq_clause(st, TY_JA, (int)i);
  for (size_t i = 0; i < ne; i++) seq_clause(st, TY_EN, (int)i);
  aligner g = stage_aligner(st);
  size_t nmv;
  uint8_t *path = dp_align(&g, MOVES_RUN, &nmv);
  size_t i = 0, j = 0;
  for (size_t k = 0; k < nmv; k++) {
    int m = path[k], a = mv_a[m], b = mv_b[m];
    if (a && b) {
      ty_pair *p = ty_alignment_add_pair(al);
      p->status = TY_PAIR_CONTENT;
      p->ja = (int)i, p->nja = a;
      p->en = (int)j, p->nen = b;
      p->score = pair_score(&g, m, i + (size_t)a, j + (size_t)b);
    } else if (a) {
      add_missing(al, TY_JA, (int)i, 1, noun);
    } else {
      add_missing(al, TY_EN, (int)j, 1, noun);
    }
    i += (size_t)a;
    j += (size_t)b;
  }
  free(path);
}

/* ---- dictionary anchors (--dict) ------------------------------------------- */

static int stopword(const char *w, size_t n) {
  static const char *const stop[] = {
      "the", "and", "for", "with", "that", "this", "from", "into", "not",
      "are", "was", "one", "something", "someone", "thing", "things", "etc",
      "esp", "used", "use", "make", "get", "being", "have", "has", "all",
      "any", "some", "such", "other", "way", "person", "kind", "e.g", "also"};
  for (size_t k = 0; k < sizeof stop / sizeof *stop; k++)
    if (strlen(stop[k]) == n && memcmp(stop[k], w, n) == 0) return 1;
  return 0;
}

typedef struct dict_entry {
  uint32_t key, first;
  uint16_t count;
} dict_entry;

/* The gloss words of one English text (letters, lower-cased, three or
 * more, no stop words, nothing in parentheses), hashed as seq_add hashes
 * words, appended to d->glosses.  Returns how many. */
static uint16_t gloss_words(ty_dict *d, const char *s, size_t n) {
  uint16_t cnt = 0;
  int paren = 0;
  for (size_t i = 0; i < n;) {
    if (s[i] == '(') paren++;
    if (s[i] == ')' && paren) paren--;
    if (!is_alpha((unsigned char)s[i])) {
      i++;
      continue;
    }
    size_t b = i;
    char w[64];
    size_t wl = 0;
    uint32_t h = fnv(2166136261u, 'w'), hs = h;
    while (i < n && (is_alpha((unsigned char)s[i]) || is_digit((unsigned char)s[i]))) {
      if (wl < sizeof w) w[wl++] = (char)(s[i] | 0x20);
      hs = h;
      h = fnv(h, (unsigned char)(s[i] | 0x20));
      i++;
    }
    if (wl >= 4 && wl < sizeof w && w[wl - 1] == 's' && w[wl - 2] != 's') h = hs;
    if (paren || i - b < 3 || stopword(w, wl) || cnt >= 8) continue;
    if (d->ng == d->gcap) {
      d->gcap = d->gcap ? d->gcap * 2 : 4096;
      d->glosses = ty_xrealloc(d->glosses, d->gcap * sizeof *d->glosses);
    }
    d->glosses[d->ng++] = h & ~7u;
    cnt++;
  }
  return cnt;
}

/* Headwords longer than this are left out: they seldom occur in running
 * text and would lengthen every lookup. */
#define DICT_MAX_CHARS 6

/* Adds the headword s[0..n) (Japanese characters only) with the
 * glosses of en[0..m). */
static void dict_add(ty_dict *d, dict_entry **v, size_t *nv, size_t *cap,
                     const char *s, size_t n, const char *en, size_t m) {
  uint32_t h = 2166136261u;
  int chars = 0;
  for (size_t i = 0; i < n;) {
    int len;
    if (!ty_is_japanese(ty_utf8_decode(s + i, n - i, &len))) return;
    for (int b = 0; b < len; b++) h = fnv(h, (unsigned char)s[i + (size_t)b]);
    i += (size_t)len;
    chars++;
  }
  if (chars < 1 || chars > DICT_MAX_CHARS) return;
  uint32_t first = (uint32_t)d->ng;
  uint16_t cnt = gloss_words(d, en, m);
  if (!cnt) return;
  if (*nv == *cap) {
    *cap = *cap ? *cap * 2 : 4096;
    *v = ty_xrealloc(*v, *cap * sizeof **v);
  }
  (*v)[(*nv)++] = (dict_entry){h | 1u, first, cnt};
  if (chars > d->maxlen) d->maxlen = chars;
}

ty_dict *ty_dict_load(const char *path, ty_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    ty_error_set(err, TY_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
    return NULL;
  }
  ty_buf raw = {0};
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) ty_buf_put(&raw, chunk, got);
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    ty_buf_free(&raw);
    ty_error_set(err, TY_ERR_IO, path, 0, 0, "cannot read: %s", strerror(errno));
    return NULL;
  }
  ty_buf text = {0};
  if (ty_utf8_validate(raw.p ? raw.p : "", raw.n) == raw.n) {
    text = raw;
  } else {
    /* Debian's edict is EUC-JP */
    UErrorCode st = U_ZERO_ERROR;
    int32_t need = ucnv_convert("UTF-8", "EUC-JP", NULL, 0, raw.p, (int32_t)raw.n, &st);
    st = U_ZERO_ERROR;
    ty_buf_reserve(&text, (size_t)need + 1);
    ucnv_convert("UTF-8", "EUC-JP", text.p, need + 1, raw.p, (int32_t)raw.n, &st);
    ty_buf_free(&raw);
    if (U_FAILURE(st)) {
      ty_buf_free(&text);
      ty_error_set(err, TY_ERR_ENCODING, path, 0, 0,
                   "neither UTF-8 nor EUC-JP: %s", u_errorName(st));
      return NULL;
    }
    text.n = (size_t)need;
  }
  ty_dict *d = ty_xcalloc(1, sizeof *d);
  dict_entry *v = NULL;
  size_t nv = 0, vcap = 0;
  const char *s = text.p ? text.p : "";
  for (size_t i = 0; i < text.n;) {
    const char *nl = memchr(s + i, '\n', text.n - i);
    size_t e = nl ? (size_t)(nl - s) : text.n;
    const char *line = s + i;
    size_t n = e - i;
    const char *tab = memchr(line, '\t', n);
    const char *slash = memchr(line, '/', n);
    if (tab) {
      dict_add(d, &v, &nv, &vcap, line, (size_t)(tab - line), tab + 1,
               (size_t)(line + n - tab - 1));
    } else if (slash) {
      /* 漢字;漢字 [かな] /gloss/gloss/ */
      const char *hw = line, *end = memchr(line, ' ', n);
      if (!end || end > slash) end = slash;
      while (hw < end) {
        const char *semi = memchr(hw, ';', (size_t)(end - hw));
        const char *z = semi ? semi : end;
        dict_add(d, &v, &nv, &vcap, hw, (size_t)(z - hw), slash,
                 (size_t)(line + n - slash));
        hw = z + 1;
      }
    }
    i = e + 1;
  }
  ty_buf_free(&text);
  d->cap = 16;
  while (d->cap < nv * 2) d->cap *= 2;
  d->key = ty_xcalloc(d->cap, sizeof *d->key);
  d->first = ty_xcalloc(d->cap, sizeof *d->first);
  d->count = ty_xcalloc(d->cap, sizeof *d->count);
  for (size_t k = 0; k < nv; k++) {
    size_t slot = v[k].key & (d->cap - 1);
    while (d->key[slot] && d->key[slot] != v[k].key) slot = (slot + 1) & (d->cap - 1);
    if (d->key[slot]) continue; /* the first entry of a headword wins */
    d->key[slot] = v[k].key;
    d->first[slot] = v[k].first;
    d->count[slot] = v[k].count;
  }
  free(v);
  return d;
}

void ty_dict_free(ty_dict *d) {
  if (!d) return;
  free(d->key);
  free(d->first);
  free(d->count);
  free(d->glosses);
  free(d);
}

/* ---- the stage -------------------------------------------------------------- */

void ty_align_content(ty_alignment *al, const ty_config *cfg) {
  stage st;
  memset(&st, 0, sizeof st);
  st.al = al;
  st.cfg = cfg;
  st.dict = cfg ? cfg->dict : NULL;
  ty_unit by = cfg ? cfg->by : TY_BY_NUMBER;
  st.units = by != TY_BY_NUMBER;
  st.prior = by == TY_BY_SENTENCE && !has_paragraphs(al->ja->text, al->ja->len) &&
                     !has_paragraphs(al->en->text, al->en->len)
                 ? prior_lines
                 : prior_prose;
  st.md = calibrate(al, st.units);
  if (by != TY_BY_NUMBER) {
    units_stage(&st, by);
  } else {
    renumber_stage(&st, cfg && cfg->prefer_content);
    runs_stage(&st);
  }
  /* structure only (--no-checks): no sentence pairs, no length ratios */
  int checks = !cfg || cfg->checks;
  if (by != TY_BY_SENTENCE && checks) {
    st.sg = ty_segmenter_new();
    st.prior = prior_prose;
    sentence_stage(&st);
  }
  if (by == TY_BY_NUMBER && checks) length_ratio_stage(&st);
  ty_segmenter_free(st.sg);
  ty_spans_free(&st.spans);
  for (int s = 0; s < 2; s++) {
    free(st.side[s].v);
    free(st.lines[s].v);
    seq_free(&st.q[s]);
  }
  ty_buf_free(&st.msg);
}
