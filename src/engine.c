/* engine.c — the alignment engine: units with their lengths and
 * anchors, the cost of a move, the banded programme, calibration.
 *
 * A dynamic programme of the Gale–Church family over two sequences of
 * units (sentences, clauses, paragraphs).  The cost of a move joining a ja
 * units with b en units is
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
#include "engine.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the cost model
 * ---------------------------------------------------------- */

#define ANCHOR_SHARED 3.0 /* per anchor both groups hold (at most 4) */
#define ANCHOR_WEAK 1.0   /* per weak anchor (punctuation, short loanword) */
#define NUMBER_MISSING 6  /* a number against other numbers */
#define NUMBER_UNSTATED 2 /* a number against none */

#define MAX_MISSING 12 /* half nats */
#define MAX_ANCHORS 4
#define MAX_GAIN ((ANCHOR_SHARED + ANCHOR_WEAK) * MAX_ANCHORS)

/* What a pairing that holds a ja unit with the one it continues
 * (ty_continues_before) costs less than other pairings of as many units:
 * a 2-1 of a sentence and its proviso costs 1.5 nats, not 3. */
#define CONTINUES_BONUS 1.5
/* And a 2-1 whose English sentence joins two clauses with a semicolon
 * ("Chroot builders use this package; see below.", developers-reference
 * 1.4.2, two Japanese sentences): 2 nats. */
#define SEMI_BONUS 1.0

/* A sentence alignment that puts a paragraph's start on one side against
 * the middle of a paragraph on the other (nats). */
#define PARA_MISMATCH 2.5

/* Fitted on developers-reference, debian-faq and the Debian constitution
 * (1.2-1.5 per kana, 2.6-2.9 per kanji). */
static const model default_model = {2.7, 1.4, 2.0};

/* ---- units: lengths and anchors ------------------------------------------ */

void ty_seq_free(seq *q) {
  free(q->ch);
  free(q->elen);
  free(q->aoff);
  free(q->pool);
  free(q->miss);
  free(q->nums);
  memset(q, 0, sizeof *q);
}

void ty_seq_put_anchor(seq *q, uint32_t h) {
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

/* Punctuation that both languages write alike in messages and lists
 * (after full-width forms are narrowed): weak anchors. */
static const unsigned char punct[128] = {
    [':'] = 1,  ['?'] = 1,  ['!'] = 1, ['('] = 1, [')'] = 1, ['['] = 1,
    [']'] = 1,  ['<'] = 1,  ['>'] = 1, ['='] = 1, ['/'] = 1, ['"'] = 1,
    ['\''] = 1, ['\\'] = 1, ['{'] = 1, ['}'] = 1, ['|'] = 1, ['*'] = 1,
    ['#'] = 1,  ['@'] = 1,  ['&'] = 1, ['_'] = 1, ['~'] = 1};

/* Room for one more unit in q. */
static void seq_reserve(seq *q) {
  if (q->n + 1 >= q->cap) {
    q->cap = q->cap ? q->cap * 2 : 64;
    q->ch = ty_xrealloc(q->ch, q->cap * sizeof *q->ch);
    q->elen = ty_xrealloc(q->elen, q->cap * sizeof *q->elen);
    q->aoff = ty_xrealloc(q->aoff, (q->cap + 1) * sizeof *q->aoff);
    q->miss = ty_xrealloc(q->miss, q->cap * sizeof *q->miss);
    q->nums = ty_xrealloc(q->nums, q->cap * sizeof *q->nums);
  }
  if (q->n == 0) q->aoff[0] = 0;
}

/* Reads the number at s[*i] (digits, with "," and "." between digits;
 * leading zeros ignored) and puts its anchor; its characters go to
 * ch->other. */
static void read_number(seq *q, const char *s, size_t n, size_t *i,
                        charcount *ch) {
  uint32_t h = fnv(2166136261u, 'n');
  int lead = 1;
  while (*i < n) {
    int len;
    int32_t c = narrow(ty_utf8_decode(s + *i, n - *i, &len));
    if (is_digit(c)) {
      if (!(lead && c == '0')) h = fnv(h, (unsigned char)c), lead = 0;
    } else if ((c == ',' || c == '.') && *i + (size_t)len < n) {
      int l2;
      int32_t d = narrow(ty_utf8_decode(s + *i + len, n - *i - len, &l2));
      if (!is_digit(d)) break;
      if (c == '.') h = fnv(h, '.'), lead = 0;
    } else {
      break;
    }
    *i += (size_t)len;
    ch->other++;
  }
  ty_seq_put_anchor(q, (h & ~7u) | A_REQUIRED | A_NUMBER);
}

/* Whether the word s[a..b) is part of a path, a host name, a file name
 * or an identifier: "." "/" "_" "@" or "://" joins it to a letter or digit
 * ("/etc/papersize", "httpredir.debian.org", "foo_VVV.deb"). */
static int in_identifier(const char *s, size_t n, size_t a, size_t b) {
  int before = a >= 2 && s[a - 1] && strchr("./_@", s[a - 1]) &&
               (is_alpha((unsigned char)s[a - 2]) ||
                is_digit((unsigned char)s[a - 2]) || s[a - 1] == '/');
  int after = b + 1 < n && s[b] && strchr("./_@:", s[b]) &&
              (s[b] == ':' ? b + 2 < n && s[b + 1] == '/' && s[b + 2] == '/'
                           : is_alpha((unsigned char)s[b + 1]) ||
                                 is_digit((unsigned char)s[b + 1]));
  return before || after;
}

/* Reads the Latin word or printf conversion (%s, %1$d, %-10.3lf) at
 * s[*i] and puts its anchor, required where a translation keeps it: in
 * Japanese text, where a Latin word is rare enough; in English, a word with
 * a digit or part of a path, host or identifier (in_identifier: a
 * Japanese sentence without "invoke-rc.d" or the URL of debian-faq 5.5 is
 * not the English one's); an English word of three letters or more puts
 * its consonant skeleton too.  (Words in capitals as well cost the
 * message benchmark's mo-clauses/1000 omission precision .91 -> .86.) */
static void read_latin(seq *q, const char *s, size_t n, size_t *i,
                       charcount *ch, ty_lang lang) {
  int len;
  int32_t c = narrow(ty_utf8_decode(s + *i, n - *i, &len));
  uint32_t h = fnv(2166136261u, c == '%' ? 'f' : 'w'), hs = h;
  size_t wl = 0;
  char word[32] = {0};
  int conv = c == '%';
  if (conv) {
    *i += (size_t)len;
    ch->other++;
    while (*i < n && strchr("0123456789$.-+# 'l", s[*i]) && s[*i] != ' ')
      (*i)++, ch->other++;
    if (*i >= n || !is_alpha((unsigned char)s[*i])) return;
  }
  size_t start = *i;
  int digits = 0;
  while (*i < n) {
    c = narrow(ty_utf8_decode(s + *i, n - *i, &len));
    if (!is_alpha(c) && !is_digit(c)) break;
    digits += is_digit(c);
    hs = h; /* the word without its last letter */
    h = fnv(h, (unsigned char)(c | 0x20));
    if (wl < sizeof word) word[wl] = (char)(c | 0x20);
    wl++;
    *i += (size_t)len;
    ch->other++;
    if (conv) break; /* a conversion is one letter after its flags */
  }
  /* a plural as its singular: cats, files -> cat, file */
  if (!conv && wl >= 4 && wl <= sizeof word && word[wl - 1] == 's' &&
      word[wl - 2] != 's')
    h = hs;
  int kept = conv || lang == TY_JA ||
             (wl >= 2 && (digits || in_identifier(s, n, start, *i)));
  if (conv || wl >= 2)
    ty_seq_put_anchor(q, (h & ~7u) | (kept ? A_REQUIRED : 0u));
  if (!conv && lang == TY_EN && wl >= 3 && wl <= sizeof word)
    ty_put_english_skeleton(q, word, wl);
}

/* Sorts v[0..n) by hash (above the flags), stably: the first occurrence
 * of an anchor keeps its place before the others.  A unit holds a few
 * dozen anchors, where insertion sort beats the rest; a clause that
 * swallowed thousands of lines (numbers read as text) is merge-sorted,
 * runs of 32 by insertion first, so that it costs n log n, not n². */
#define SORT_RUN 32
static void insertion_sort(uint32_t *v, size_t n) {
  for (size_t a = 1; a < n; a++) {
    uint32_t x = v[a];
    size_t b = a;
    for (; b > 0 && (v[b - 1] >> 3) > (x >> 3); b--)
      v[b] = v[b - 1];
    v[b] = x;
  }
}

static void sort_anchors(uint32_t *v, size_t n) {
  if (n <= SORT_RUN) {
    insertion_sort(v, n);
    return;
  }
  for (size_t k = 0; k < n; k += SORT_RUN)
    insertion_sort(v + k, n - k < SORT_RUN ? n - k : SORT_RUN);
  uint32_t *tmp = ty_xmalloc(n * sizeof *tmp), *src = v, *dst = tmp;
  for (size_t w = SORT_RUN; w < n; w *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * w) {
      size_t mid = lo + w < n ? lo + w : n,
             hi = lo + 2 * w < n ? lo + 2 * w : n;
      size_t i = lo, j = mid, o = lo;
      while (i < mid && j < hi)
        dst[o++] = (src[j] >> 3) < (src[i] >> 3) ? src[j++] : src[i++];
      while (i < mid)
        dst[o++] = src[i++];
      while (j < hi)
        dst[o++] = src[j++];
    }
    uint32_t *t = src;
    src = dst, dst = t;
  }
  if (src != v) memcpy(v, src, n * sizeof *v);
  free(tmp);
}

/* The anchors q->pool[start .. np) sorted by hash and made one entry per
 * anchor, required if any occurrence is. */
static void merge_anchors(seq *q, size_t start) {
  size_t cnt = q->np - start;
  if (cnt < 2) return;
  uint32_t *v = q->pool + start;
  sort_anchors(v, cnt);
  size_t w = 0;
  for (size_t k = 0; k < cnt; k++) {
    if (w && (v[w - 1] >> 3) == (v[k] >> 3))
      v[w - 1] |= v[k] & A_REQUIRED;
    else
      v[w++] = v[k];
  }
  q->np = start + w;
}

void ty_seq_add(seq *q, const char *s, size_t n, ty_lang lang,
                const ty_dict *dict) {
  seq_reserve(q);
  size_t start = q->np, i = 0;
  charcount ch = {0, 0, 0};
  while (i < n) {
    int len;
    int32_t c = narrow(ty_utf8_decode(s + i, n - i, &len));
    if (c == '\n' || ty_is_space(c)) {
      i += (size_t)len;
    } else if (is_digit(c)) {
      read_number(q, s, n, &i, &ch);
    } else if (is_alpha(c) || (c == '%' && i + 1 < n)) {
      read_latin(q, s, n, &i, &ch, lang);
    } else if (ty_is_katakana(c)) {
      ty_read_katakana(q, s, n, &i, &ch);
    } else {
      if (c > 0 && c < 0x80 && punct[c])
        ty_seq_put_anchor(q,
                          (fnv(fnv(2166136261u, 'p'), (unsigned char)c) & ~7u) |
                              A_REQUIRED | A_WEAK);
      if ((c >= 0x3041 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F))
        ch.kana++;
      else if (ty_is_japanese(c))
        ch.kanji++;
      else
        ch.other++;
      i += (size_t)len;
    }
  }
  if (lang == TY_JA) ch.other -= ty_gloss_chars(s, n);
  if (ch.other < 0) ch.other = 0;
  if (dict && lang == TY_JA) ty_dict_anchors(dict, s, n, q);
  merge_anchors(q, start);
  uint32_t miss = 0, nums = 0;
  for (size_t k = start; k < q->np; k++) {
    if (q->pool[k] & A_NUMBER)
      nums++;
    else
      miss += (uint32_t)miss_units[q->pool[k] & 3u];
  }
  q->miss[q->n] = miss, q->nums[q->n] = nums;
  q->ch[q->n] = ch;
  q->n++;
  q->aoff[q->n] = (uint32_t)q->np;
}

void ty_seq_scale(seq *q, const model *md) {
  for (size_t k = 0; k < q->n; k++)
    q->elen[k] = model_length(md, &q->ch[k]);
}

/* ---- the cost of a move ----------------------------------------------------
 */

/* What the anchors of ja unit x and en unit y say: anchors both hold
 * (strong, weak) and required anchors each one lacks. */
typedef struct terms {
  uint8_t shared, weak, miss_a, miss_b;
} terms;

static uint8_t cap8(int v) {
  return (uint8_t)(v > 255 ? 255 : v);
}

/* The terms of the anchors a[0..na) against b[0..nb), both sorted by
 * their hashes above the flags, one entry per anchor. */
static terms anchor_terms(const uint32_t *a, size_t na, const uint32_t *b,
                          size_t nb) {
  size_t i = 0, j = 0;
  int shared = 0, weak = 0, ma = 0, mb = 0;
  int has_a = 0, has_b = 0, lost_a = 0, lost_b = 0; /* numbers */
  while (i < na || j < nb) {
    uint32_t u = i < na ? a[i] >> 3 : UINT32_MAX,
             v = j < nb ? b[j] >> 3 : UINT32_MAX;
    if (i < na && j < nb && u == v) {
      if (a[i] & A_WEAK)
        weak++;
      else
        shared++;
      has_a |= (a[i] & A_NUMBER) != 0, has_b |= (b[j] & A_NUMBER) != 0;
      i++, j++;
    } else if (j >= nb || (i < na && u < v)) {
      if (a[i] & A_NUMBER)
        has_a = 1, lost_a++;
      else
        ma += miss_units[a[i] & 3u];
      i++;
    } else {
      if (b[j] & A_NUMBER)
        has_b = 1, lost_b++;
      else
        mb += miss_units[b[j] & 3u];
      j++;
    }
  }
  /* a number the other side lacks while stating numbers of its own is a
   * disagreement; where it states none, it may have spelt it out */
  ma += lost_a * (has_b ? NUMBER_MISSING : NUMBER_UNSTATED);
  mb += lost_b * (has_a ? NUMBER_MISSING : NUMBER_UNSTATED);
  return (terms){cap8(shared), cap8(weak), cap8(ma), cap8(mb)};
}

/* One side of a unit pair as sparse_terms counts it. */
typedef struct side_terms {
  int miss, lost, has; /* as anchor_terms' ma, lost_a, has_a */
} side_terms;

/* The index of the anchor with the hash of x in v[0..n) (sorted, one
 * entry per anchor), or -1. */
static long find_anchor(const uint32_t *v, size_t n, uint32_t x) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if ((v[mid] >> 3) < (x >> 3))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n && (v[lo] >> 3) == (x >> 3) ? (long)lo : -1;
}

/* anchor_terms for a unit pair one of whose units has many times the
 * anchors of the other: each anchor of the small unit s[0..ns) looked up
 * in the large one l[0..nl), whose unshared anchors are counted from its
 * totals (lmiss, lnums); `s_is_a`: s is the Japanese unit.  The same
 * terms as anchor_terms in ns log nl instead of ns + nl. */
static terms sparse_terms(const uint32_t *s, size_t ns, const uint32_t *l,
                          size_t nl, uint32_t lmiss, uint32_t lnums,
                          int s_is_a) {
  int shared = 0, weak = 0;
  side_terms ts = {0, 0, 0}, tl = {(int)lmiss, (int)lnums, lnums > 0};
  for (size_t i = 0; i < ns; i++) {
    long k = find_anchor(l, nl, s[i]);
    if (k < 0) {
      if (s[i] & A_NUMBER)
        ts.has = 1, ts.lost++;
      else
        ts.miss += miss_units[s[i] & 3u];
      continue;
    }
    uint32_t a = s_is_a ? s[i] : l[k], o = l[k];
    if (a & A_WEAK)
      weak++;
    else
      shared++;
    ts.has |= (s[i] & A_NUMBER) != 0;
    if (o & A_NUMBER)
      tl.lost--;
    else
      tl.miss -= miss_units[o & 3u];
  }
  side_terms ta = s_is_a ? ts : tl, tb = s_is_a ? tl : ts;
  ta.miss += ta.lost * (tb.has ? NUMBER_MISSING : NUMBER_UNSTATED);
  tb.miss += tb.lost * (ta.has ? NUMBER_MISSING : NUMBER_UNSTATED);
  return (terms){cap8(shared), cap8(weak), cap8(ta.miss), cap8(tb.miss)};
}

/* A unit this many times the anchors of the other is looked up into. */
#define SPARSE_RATIO 16

static terms unit_terms(const aligner *g, size_t x, size_t y) {
  /* a side with no anchors at all has no pool: no pointer arithmetic */
  const uint32_t *a = g->A->pool ? g->A->pool + g->A->aoff[x] : NULL;
  const uint32_t *b = g->B->pool ? g->B->pool + g->B->aoff[y] : NULL;
  size_t na = g->A->aoff[x + 1] - g->A->aoff[x],
         nb = g->B->aoff[y + 1] - g->B->aoff[y];
  if (nb > SPARSE_RATIO * (na + 1))
    return sparse_terms(a, na, b, nb, g->B->miss[y], g->B->nums[y], 1);
  if (na > SPARSE_RATIO * (nb + 1))
    return sparse_terms(b, nb, a, na, g->A->miss[x], g->A->nums[x], 0);
  return anchor_terms(a, na, b, nb);
}

#define GROUP_ANCHORS 512 /* anchors of a group of units looked at */

/* The anchors of units first .. first+cnt-1 of q, merged into buf (one
 * entry per anchor, required if any unit's is).  Returns how many. */
static size_t group_anchors(const seq *q, size_t first, size_t cnt,
                            uint32_t *buf) {
  size_t n = 0;
  for (size_t u = first; u < first + cnt && q->pool; u++)
    for (uint32_t k = q->aoff[u]; k < q->aoff[u + 1] && n < GROUP_ANCHORS;
         k++) {
      uint32_t x = q->pool[k];
      size_t p = n++;
      for (; p > 0 && (buf[p - 1] >> 3) > (x >> 3); p--)
        buf[p] = buf[p - 1];
      buf[p] = x;
    }
  size_t w = 0;
  for (size_t k = 0; k < n; k++) {
    if (w && (buf[w - 1] >> 3) == (buf[k] >> 3))
      buf[w - 1] |= buf[k] & A_REQUIRED;
    else
      buf[w++] = buf[k];
  }
  return w;
}

static int min_int(int a, int b) {
  return a < b ? a : b;
}

/* Anchor evidence for the move m, in nats (higher = better), from the
 * terms of its unit pairs in row-major order (ja unit i-a first, en unit
 * j-b first): 1-1 (x,y); 2-1 (x-1,y) (x,y); 1-2 (x,y-1) (x,y); 2-2
 * (x-1,y-1) (x-1,y) (x,y-1) (x,y); 3-1, 1-3, 4-1, 1-4 alike.  A group
 * lacks what each of its units lacks against the other group, and what
 * the other group's unit lacks against all of them (at most the least of
 * the pairs). */
static double anchor_gain(int m, const terms *t) {
  int shared = 0, weak = 0, missing = 0;
  int a = mv_a[m], b = mv_b[m], np = a * b;
  for (int k = 0; k < np; k++)
    shared += t[k].shared, weak += t[k].weak;
  if (m == M22) {
    missing =
        min_int(t[0].miss_a, t[1].miss_a) + min_int(t[2].miss_a, t[3].miss_a) +
        min_int(t[0].miss_b, t[2].miss_b) + min_int(t[1].miss_b, t[3].miss_b);
  } else if (b == 1) {
    int least = t[0].miss_b;
    for (int k = 0; k < np; k++)
      missing += t[k].miss_a, least = min_int(least, t[k].miss_b);
    missing += least;
  } else {
    int least = t[0].miss_a;
    for (int k = 0; k < np; k++)
      missing += t[k].miss_b, least = min_int(least, t[k].miss_a);
    missing += least;
  }
  if (shared > MAX_ANCHORS) shared = MAX_ANCHORS;
  if (missing > MAX_MISSING) missing = MAX_MISSING;
  if (weak > MAX_ANCHORS) weak = MAX_ANCHORS;
  return ANCHOR_SHARED * shared + ANCHOR_WEAK * weak - missing / 2.0;
}

/* Anchor evidence for a move of three units or more a side: what the
 * two groups hold together and what each lacks against the other whole
 * (a Japanese list of four sentences against one English sentence may
 * state the English numbers only all together). */
static double group_gain(const aligner *g, int m, size_t i, size_t j) {
  uint32_t ga[GROUP_ANCHORS], gb[GROUP_ANCHORS];
  size_t a = (size_t)mv_a[m], b = (size_t)mv_b[m];
  size_t na = group_anchors(g->A, i - a, a, ga),
         nb = group_anchors(g->B, j - b, b, gb);
  terms t = anchor_terms(ga, na, gb, nb);
  int shared = t.shared > MAX_ANCHORS ? MAX_ANCHORS : t.shared;
  int weak = t.weak > MAX_ANCHORS ? MAX_ANCHORS : t.weak;
  int missing = t.miss_a + t.miss_b;
  if (missing > MAX_MISSING) missing = MAX_MISSING;
  return ANCHOR_SHARED * shared + ANCHOR_WEAK * weak - missing / 2.0;
}

/* Anchor evidence for the move m ending at (i, j) from the terms t of
 * its unit pairs: anchor_gain, unless two of the pairs share anchors;
 * then the anchor one unit shares with two of the other side's may be one
 * and the same ("package" in both of two Japanese sentences and in the
 * English one), and counted once it is (group_gain), so that a sentence
 * whose counterpart was left out does not join its neighbour's pair on
 * the strength of what that pair holds already (a 2-1 in place of a 1-0;
 * developers-reference 7.3 with "Replace *package* ..." deleted, a miss of
 * plant.py). */
static double pair_gain(const aligner *g, int m, size_t i, size_t j,
                        const terms *t) {
  int np = mv_a[m] * mv_b[m], sharing = 0;
  for (int k = 0; k < np; k++)
    sharing += t[k].shared || t[k].weak;
  return sharing > 1 ? group_gain(g, m, i, j) : anchor_gain(m, t);
}

/* The prior and length part of the cost of move m ending at (i, j): ja
 * units i-a..i-1 with en units j-b..j-1. */
static double length_cost(const aligner *g, int m, size_t i, size_t j) {
  int a = mv_a[m], b = mv_b[m];
  if (!a || !b) return g->prior[m];
  double x = 0, y = 0;
  for (int k = 1; k <= a; k++)
    x += g->A->elen[i - (size_t)k];
  for (int k = 1; k <= b; k++)
    y += g->B->elen[j - (size_t)k];
  double mean = (x + y) / 2;
  if (mean < 1) mean = 1;
  double bonus = 0;
  for (int k = 1; k < a && g->cont_a; k++)
    if (g->cont_a[i - (size_t)k]) bonus += CONTINUES_BONUS;
  if (a == 2 && b == 1 && g->semi_b && g->semi_b[j - 1]) bonus += SEMI_BONUS;
  return g->prior[m] - bonus + (x - y) * (x - y) / (mean * g->md.s2 * 2);
}

/* Cost of the move m ending at (i, j). */
double ty_move_cost(const aligner *g, int m, size_t i, size_t j) {
  int a = mv_a[m], b = mv_b[m];
  if (!a || !b) return g->prior[m];
  if (a > 2 || b > 2) return length_cost(g, m, i, j) - group_gain(g, m, i, j);
  terms t[MAX_UNIT_PAIRS];
  int k = 0;
  for (int x = a; x >= 1; x--)
    for (int y = b; y >= 1; y--)
      t[k++] = unit_terms(g, i - (size_t)x, j - (size_t)y);
  return length_cost(g, m, i, j) - pair_gain(g, m, i, j, t);
}

/* Whether the content of a pairing speaks for it, beyond the cost of
 * leaving its units out: an anchor both groups hold, or lengths of 15
 * characters or more that agree. */
int ty_pair_evidence(const aligner *g, int m, size_t i, size_t j) {
  terms t[MAX_UNIT_PAIRS];
  int k = 0, a = mv_a[m], b = mv_b[m];
  for (int x = a; x >= 1; x--)
    for (int y = b; y >= 1; y--)
      t[k++] = unit_terms(g, i - (size_t)x, j - (size_t)y);
  for (int q = 0; q < k; q++)
    if (t[q].shared || t[q].weak) return 1;
  double la = 0, lb = 0;
  for (int q = 1; q <= a; q++)
    la += g->A->elen[i - (size_t)q];
  for (int q = 1; q <= b; q++)
    lb += g->B->elen[j - (size_t)q];
  return la >= 15 && lb >= 15 && length_cost(g, m, i, j) - g->prior[m] <= 2;
}

/* How sure a pairing is, 0..1: the logistic of what it saves over leaving
 * its units unpaired. */
double ty_pair_score(const aligner *g, int m, size_t i, size_t j) {
  double save = g->prior[M10] * (mv_a[m] + mv_b[m]) - ty_move_cost(g, m, i, j);
  return 1 / (1 + exp(-save));
}

/* ---- the banded programme ----------------------------------------------- */

#define RING 6 /* antidiagonals a move can reach back, and this one */
#define NO_MOVE 0xFF

/* The antidiagonals a move can reach back: their band [lo, hi], the cost
 * of each cell and the terms of its unit pair. */
typedef struct band {
  double *cost[RING];
  terms *tr[RING]; /* unit_terms(i-1, j-1) of each cell in the band */
  size_t lo[RING], hi[RING];
  int ring[RING]; /* ring[k]: the slot of antidiagonal d-k */
} band;

/* What a move of da ja and db en units from cell (pi, pj) costs for
 * the paragraphs it breaks: a pairing that starts where one side starts a
 * paragraph and the other does not; a pairing that holds a paragraph's
 * start on one side only (a paragraph whose counterpart was left out
 * joined the pairing before it: debian-faq 7.13, developers-reference
 * 4.9.1 and 6.6.2.3(1) as plant.py cuts them); two units left out that
 * run across a paragraph's start.  One left out where the paragraphs disagree
 * breaks nothing: it may end a paragraph (debian-faq 11.1 lost "この設定は…"
 * before one; charged to the cell before the omission, the 1-2 won) or
 * start one whose break went with it (plant.py cuts the break before a
 * sentence with it). */
static double para_cost(const aligner *g, size_t da, size_t db, size_t pi,
                        size_t pj) {
  size_t n = g->A->n, m = g->B->n;
  if (pi >= n || pj >= m) return 0;
  if (da && db) {
    /* and one that runs across a paragraph's start on one side only,
     * unless a sentence of the other side runs on past a display,
     * paragraphs and all (debian-faq 11.9: "…と仮定して" / list /
     * "ということはしないでください" against "Suppose … package." /
     * "Do not:" / list) */
    int in_a = 0, in_b = 0, open_a = 0, open_b = 0;
    for (size_t t = 0; t < da; t++)
      in_a |= t && g->para_a[pi + t], open_a |= g->open_a[pi + t];
    for (size_t t = 0; t < db; t++)
      in_b |= t && g->para_b[pj + t], open_b |= g->open_b[pj + t];
    int broken = in_a != in_b && !(in_a ? open_b : open_a);
    return (g->para_a[pi] != g->para_b[pj] ? PARA_MISMATCH : 0) +
           (broken ? PARA_MISMATCH : 0);
  }
  if ((da == 2 && g->para_a[pi + 1]) || (db == 2 && g->para_b[pj + 1]))
    return PARA_MISMATCH;
  return 0;
}

/* The best move into cell (i, j) of antidiagonal d = i + j and its cost
 * in *c (HUGE_VAL and NO_MOVE when none reaches it). */
static uint8_t best_move(const aligner *g, const band *bd, unsigned moves,
                         size_t i, size_t j, double *c) {
  uint8_t mv = NO_MOVE;
  *c = HUGE_VAL;
  for (int k = 0; k < NMOVES; k++) {
    if (!(moves & MOVE_BIT(k))) continue;
    size_t da = (size_t)mv_a[k], db = (size_t)mv_b[k];
    if (i < da || j < db) continue;
    /* the unit that must be paired may not be left out */
    if (!db && g->keep_a && (g->keep_a[i - 1] || (da == 2 && g->keep_a[i - 2])))
      continue;
    if (!da && g->keep_b && (g->keep_b[j - 1] || (db == 2 && g->keep_b[j - 2])))
      continue;
    size_t pi = i - da;
    int pr = bd->ring[da + db];
    if (pi < bd->lo[pr] || pi > bd->hi[pr]) continue;
    double pc = bd->cost[pr][pi - bd->lo[pr]];
    if (pc == HUGE_VAL) continue;
    double t = pc + length_cost(g, k, i, j);
    if (g->para_a) t += para_cost(g, da, db, pi, j - db);
    /* anchors gain MAX_GAIN at most: no need to weigh a move they
     * cannot make the best */
    if (da && db && t - MAX_GAIN >= *c) continue;
    if (da > 2 || db > 2) {
      t -= group_gain(g, k, i, j);
    } else if (da && db) {
      /* the terms of the move's unit pairs, from the band when there */
      terms tt[MAX_UNIT_PAIRS];
      int nt = 0;
      for (size_t x = da; x >= 1; x--)
        for (size_t y = db; y >= 1; y--) {
          size_t ci = i - x + 1;
          int cr = bd->ring[x + y - 2];
          tt[nt++] = ci >= bd->lo[cr] && ci <= bd->hi[cr]
                         ? bd->tr[cr][ci - bd->lo[cr]]
                         : unit_terms(g, i - x, j - y);
        }
      t -= nt > 1 ? pair_gain(g, k, i, j, tt) : anchor_gain(k, tt);
    }
    if (t < *c) *c = t, mv = (uint8_t)k;
  }
  return mv;
}

/* The moves from (0, 0) to (n, m), read back from the kept moves of each
 * antidiagonal (bp[off[d] + i - lo[d]]).  Returns them malloc'd, their
 * count in *nout. */
static uint8_t *trace_back(const uint8_t *bp, const size_t *lo,
                           const size_t *off, size_t n, size_t D,
                           size_t *nout) {
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
  *nout = cnt;
  return path;
}

uint8_t *ty_dp_align(const aligner *g, unsigned moves, size_t *nout,
                     double *total) {
  size_t n = g->A->n, m = g->B->n, D = n + m;
  size_t w0 = 8, wmax = 400, w = w0;
  if (D + 1 <= 2 * w0) w = w0 = wmax = D + 1; /* small: exact */
  band bd;
  memset(&bd, 0, sizeof bd);
  for (int r = 0; r < RING; r++) {
    bd.cost[r] = ty_xmalloc((2 * wmax + 3) * sizeof(double));
    bd.tr[r] = ty_xmalloc((2 * wmax + 3) * sizeof(terms));
  }
  size_t *lo = ty_xmalloc((D + 1) * sizeof *lo);
  size_t *off = ty_xmalloc((D + 2) * sizeof *off);
  size_t bpcap = (D + 1) * (2 * w0 + 3), bpn = 0;
  uint8_t *bp = ty_xmalloc(bpcap);
  double rate = D ? (double)n / (double)D : 0; /* ja advance per step */
  size_t best_i = 0;
  double last = HUGE_VAL;
  for (size_t d = 0; d <= D; d++) {
    size_t vlo = d > m ? d - m : 0, vhi = d < n ? d : n;
    double cen = d ? (double)best_i + rate : 0;
    size_t a = cen > (double)w ? (size_t)(cen - (double)w) : 0;
    size_t b = (size_t)(cen + (double)w + 1);
    if (d && a > best_i) a = best_i;
    if (d && b < best_i + 1) b = best_i + 1;
    /* within the diagonal, even when best_i is stale (a diagonal no
     * move reached leaves it where it was) */
    if (a < vlo) a = vlo;
    if (a > vhi) a = vhi;
    if (b > vhi) b = vhi;
    if (b < a) b = a;
    lo[d] = a;
    off[d] = bpn;
    int r = (int)(d % RING);
    for (int k = 0; k < RING; k++)
      bd.ring[k] = (r - k + RING) % RING;
    bd.lo[r] = a;
    bd.hi[r] = b;
    if (bpn + (b - a + 1) > bpcap) {
      bpcap = (bpn + (b - a + 1)) * 2;
      bp = ty_xrealloc(bp, bpcap);
    }
    double bestc = HUGE_VAL;
    for (size_t i = a; i <= b; i++) {
      size_t j = d - i;
      double c = 0;
      uint8_t mv = NO_MOVE;
      if (i && j) bd.tr[r][i - a] = unit_terms(g, i - 1, j - 1);
      if (d) mv = best_move(g, &bd, moves, i, j, &c);
      bd.cost[r][i - a] = c;
      bp[bpn + (i - a)] = mv;
      if (c < bestc) bestc = c, best_i = i;
      if (d == D) last = c;
    }
    bpn += b - a + 1;
    /* widen while the path runs along an edge that is not the border */
    size_t margin = w / 4;
    if (((best_i < a + margin && a > vlo) ||
         (best_i + margin > b && b < vhi)) &&
        w < wmax)
      w = w * 2 < wmax ? w * 2 : wmax;
    else if (w > w0)
      w--;
  }
  uint8_t *path = trace_back(bp, lo, off, n, D, nout);
  for (int r = 0; r < RING; r++) {
    free(bd.cost[r]);
    free(bd.tr[r]);
  }
  free(lo);
  free(off);
  free(bp);
  if (total) *total = D ? last : 0;
  return path;
}

/* ---- calibration ----------------------------------------------------------
 */

charcount ty_side_chars(const ty_alignment *al, const ty_pair *p,
                        ty_lang side) {
  const ty_doc *d = side == TY_JA ? al->ja : al->en;
  int first = side == TY_JA ? p->ja : p->en,
      cnt = side == TY_JA ? p->nja : p->nen;
  charcount t = {0, 0, 0};
  for (int k = 0; k < cnt && first >= 0; k++)
    ty_count_chars(d->cl[first + k].text, d->cl[first + k].text_len, &t);
  return t;
}

static int dbl_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

double ty_median(double *v, size_t n) {
  qsort(v, n, sizeof *v, dbl_cmp);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The samples of calibration: a matched pair's kanji, kana, and the
 * English characters that stand for them (its English less the Latin
 * text of its Japanese). */
typedef struct sample {
  double k, n, r;
} sample;

/* The median chi-square of the samples v[0..n) not `out` under md,
 * over 0.455 (the median of a chi-square with one degree of freedom):
 * s2.  With `mark`, marks as out the samples 10 medians away or more. */
static double fit_s2(const sample *v, size_t n, const model *md,
                     unsigned char *out, int mark, double *x2) {
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    double x = md->wk * v[i].k + md->wn * v[i].n, y = v[i].r;
    if (!out[i]) x2[m++] = (x - y) * (x - y) / ((x + y) / 2);
  }
  double med = m ? ty_median(x2, m) : 0;
  for (size_t i = 0; i < n && mark; i++) {
    double x = md->wk * v[i].k + md->wn * v[i].n, y = v[i].r;
    out[i] = (x - y) * (x - y) / ((x + y) / 2) > 10 * med;
  }
  return med / 0.455;
}

/* wk and wn by least squares over the samples v[0..n) not `out`; one
 * ratio for both when the two are not told apart (too few kana, or a
 * kanji weighing less than a kana, as in a short statute). */
static void fit_weights(const sample *v, size_t n, const unsigned char *out,
                        model *md) {
  double kk = 0, kn = 0, nn = 0, kr = 0, nr = 0, tr = 0, tj = 0;
  for (size_t i = 0; i < n; i++) {
    if (out[i]) continue;
    kk += v[i].k * v[i].k, kn += v[i].k * v[i].n, nn += v[i].n * v[i].n;
    kr += v[i].k * v[i].r, nr += v[i].n * v[i].r;
    tr += v[i].r, tj += v[i].k + v[i].n;
  }
  double det = kk * nn - kn * kn;
  if (det > 1e-6 * kk * nn && kk > 0 && nn > 0) {
    md->wk = (kr * nn - nr * kn) / det;
    md->wn = (nr * kk - kr * kn) / det;
    if (md->wk >= md->wn && md->wk <= 8 && md->wn >= 0.3) return;
  }
  md->wk = md->wn = tj > 0 ? tr / tj : default_model.wn;
}

/* The model fitted to the samples v[0..n), twice: the second time
 * without the samples the first fit puts 10 median chi-squares away. */
static void fit_model(const sample *v, size_t n, model *md, double *x2) {
  unsigned char *out = ty_xcalloc(n + 1, 1);
  fit_weights(v, n, out, md);
  fit_s2(v, n, md, out, 1, x2);
  fit_weights(v, n, out, md);
  md->s2 = fit_s2(v, n, md, out, 0, x2);
  free(out);
  if (md->wk > 10) md->wk = md->wn = 10;
  if (md->s2 < 1.0) md->s2 = 1.0;
  if (md->s2 > 10) md->s2 = 10;
}

/* The length model of this pair of documents: wk, wn and s2 from the
 * pairs numbers matched when there are 8 or more of them; else, with
 * `units` (--by), one ratio for kanji and kana alike from the totals of
 * both texts when each has 8 units or more; else the defaults. */
model ty_calibrate(const ty_alignment *al, int units) {
  model md = default_model;
  sample *v = ty_xmalloc((al->npairs + 1) * sizeof *v);
  double *x2 = ty_xmalloc((al->npairs + 1) * sizeof *x2);
  size_t n = 0;
  /* a few thousand pairs tell the model as well as all of them */
  size_t step = al->npairs / 4000 + 1;
  for (size_t k = 0; k < al->npairs; k += step) {
    const ty_pair *p = &al->pairs[k];
    if (p->status != TY_PAIR_MATCHED) continue;
    charcount j = ty_side_chars(al, p, TY_JA), e = ty_side_chars(al, p, TY_EN);
    sample s = {j.kanji, j.kana, e.other + e.kanji + e.kana - j.other};
    if (s.k + s.n < 5 || s.r < 10) continue;
    v[n++] = s;
  }
  if (n >= 8) {
    fit_model(v, n, &md, x2);
  } else if (units && al->ja->ncl >= 8 && al->en->ncl >= 8) {
    charcount j = {0, 0, 0}, e = {0, 0, 0};
    for (size_t k = 0; k < al->ja->ncl; k++)
      ty_count_chars(al->ja->cl[k].text, al->ja->cl[k].text_len, &j);
    for (size_t k = 0; k < al->en->ncl; k++)
      ty_count_chars(al->en->cl[k].text, al->en->cl[k].text_len, &e);
    double r = e.other + e.kanji + e.kana - j.other;
    if (j.kanji + j.kana > 0 && r > 0) md.wk = md.wn = r / (j.kanji + j.kana);
    if (md.wk > 10) md.wk = md.wn = 10;
  }
  free(v);
  free(x2);
  return md;
}
