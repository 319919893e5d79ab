/* engine.h — the alignment engine shared by align.c, dict.c, engine.c,
 * evidence.c, loanword.c and sentence_units.c:
 * units with their lengths and anchors, the cost of a move, the banded
 * programme and the length model.  Private to those files. */
#ifndef TY_ENGINE_H
#define TY_ENGINE_H

#include "internal.h"

#include <stddef.h>
#include <stdint.h>

/* ---- moves ----------------------------------------------------------------
 */

/* A move joins mv_a[m] ja units with mv_b[m] en units. */
enum { M11, M10, M01, M21, M12, M22, M31, M13, M41, M14, M20, M02, NMOVES };
static const int mv_a[NMOVES] = {1, 1, 0, 2, 1, 2, 3, 1, 4, 1, 2, 0};
static const int mv_b[NMOVES] = {1, 0, 1, 1, 2, 2, 1, 3, 1, 4, 0, 2};
#define MAX_UNIT_PAIRS 4 /* mv_a[m] * mv_b[m] at most */
#define MOVE_BIT(m) (1u << (m))
#define MOVES_RUN                                                              \
  (MOVE_BIT(M11) | MOVE_BIT(M10) | MOVE_BIT(M01) | MOVE_BIT(M21) |             \
   MOVE_BIT(M12))
/* Sentences of real prose: a translator splits one sentence in up to four
 * (English to Japanese mostly) or joins as many; a
 * passage left out may be two sentences (a quoted title ending in "?" is
 * one of its own). */
#define MOVES_SENT                                                             \
  (MOVES_RUN | MOVE_BIT(M22) | MOVE_BIT(M31) | MOVE_BIT(M13) | MOVE_BIT(M41) | \
   MOVE_BIT(M14) | MOVE_BIT(M20) | MOVE_BIT(M02))

/* Costs in nats, relative to a 1-1.  Gale and Church's move frequencies
 * (1-1 .89, 2-1 .089, 1-0 .0099, 2-2 .011) give 2.3 for a 2-1 and 4.5 for
 * a 1-0.  Prose merges and splits sentences more than it leaves them
 * out (a 3-1 a few times rarer than a 2-1, a 4-1 rarer still); files of
 * one sentence a line (message catalogs, tests/bench) hardly ever merge,
 * and lose lines more often. */
static const double prior_prose[NMOVES] = {0.0, 3.5, 3.5, 3.0, 3.0, 4.5,
                                           3.5, 3.5, 4.5, 4.5, 4.5, 4.5};
static const double prior_lines[NMOVES] = {0.0, 3.0, 3.0, 3.5, 3.5, 5.0,
                                           6.0, 6.0, 7.0, 7.0, 6.0, 6.0};

/* The characters of a text, spaces and line breaks left out: kanji,
 * kana, and the rest (Latin letters, digits, punctuation). */
typedef struct charcount {
  double kanji, kana, other;
} charcount;

/* The length model: English characters per kanji (wk) and per kana (wn)
 * (a kanji says about twice what a kana does), and the variance of the
 * difference per character (in English characters). */
typedef struct model {
  double wk, wn, s2;
} model;

/* The length of t in English characters. */
static inline double model_length(const model *md, const charcount *t) {
  return t->other + md->wk * t->kanji + md->wn * t->kana;
}

/* ---- units ------------------------------------------------------------------
 */

/* A sequence of units (sentences, clauses, paragraphs) of one language.
 * Anchors are 32-bit hashes whose low three bits are flags (A_REQUIRED,
 * A_WEAK, A_NUMBER); two anchors are the same when their hashes agree
 * above them. */
typedef struct seq {
  size_t n, cap;
  charcount *ch;  /* the characters of each unit */
  double *elen;   /* their length in English characters (ty_seq_scale) */
  uint32_t *aoff; /* anchors of unit k: pool[aoff[k] .. aoff[k+1]) */
  uint32_t *pool;
  size_t np, pcap;
  /* per unit: the miss units of its anchors that are no numbers, and how
   * many numbers it holds (what anchor_terms counts of a side that
   * shares none) */
  uint32_t *miss, *nums;
} seq;

/* One step of the FNV-1a hash that anchors are made of. */
static inline uint32_t fnv(uint32_t h, unsigned char c) {
  return (h ^ c) * 16777619u;
}
static inline int is_alpha(int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline int is_digit(int32_t c) {
  return c >= '0' && c <= '9';
}

/* What a required anchor one side lacks costs, in half nats, by its
 * flags (bit 0 required, bit 1 weak): a conversion or a Latin word more
 * than a punctuation mark; numbers are weighed apart. */
static const int miss_units[4] = {0, 3, 0, 2};
/* Anchor flags, the low three bits of an anchor's hash. */
#define A_REQUIRED 1u /* its absence on the other side costs */
#define A_WEAK 2u     /* sharing it gains ANCHOR_WEAK, not ANCHOR_SHARED */
#define A_NUMBER 4u   /* a number */

/* Loanwords (loanword.c): whether c is a katakana letter; reads the
 * katakana word at s[*i] (its kana counted in ch) and puts its consonant
 * skeleton, a word of three kana or more; puts the skeleton of the
 * lower-cased English word w[0..n) as katakana would spell it. */
int ty_is_katakana(int32_t c);
void ty_read_katakana(seq *q, const char *s, size_t n, size_t *i,
                      charcount *ch);
void ty_put_english_skeleton(seq *q, const char *w, size_t n);

/* Appends one unit, the text s[0..n) of language lang, to q; with a
 * dictionary, the glosses of Japanese words are anchors too. */
void ty_seq_add(seq *q, const char *s, size_t n, ty_lang lang,
                const ty_dict *dict);
/* Appends the anchor h to the unit being added. */
void ty_seq_put_anchor(seq *q, uint32_t h);
/* Sets the lengths of q's units in English characters by the model. */
void ty_seq_scale(seq *q, const model *md);
void ty_seq_free(seq *q);
/* The characters of s[0..n) added to *acc. */
void ty_count_chars(const char *s, size_t n, charcount *acc);
/* The characters of the glosses in s[0..n): a bracket of Latin text right
 * after Japanese text, "不安定版 (unstable)", which restates the word before
 * it; 0 without decoding when s has no bracket. (charcount.c) */
double ty_gloss_chars(const char *s, size_t n);

/* Adds the glosses of every dictionary headword found in the Japanese
 * text s[0..n) as optional anchors of the unit being added (dict.c). */
void ty_dict_anchors(const ty_dict *d, const char *s, size_t n, seq *q);

/* Makes the required anchors of q that are no numbers optional where a
 * unit of `other` holds them: a word the other side states somewhere is
 * no sign that a unit's counterpart is missing (a translator moves a path
 * past a display: debian-faq 9.4 writes /etc/logrotate.d/dpkg after the
 * listing, the English before it). */
void ty_seq_relax(seq *q, const seq *other);
/* Whether unit u of U, left unpaired, belongs to the pairing of U's units
 * s0 .. s0+ns-1 with O's units o0 .. o0+no-1 beside it: of the words and
 * numbers u states (with `required`, its required anchors only: Japanese,
 * whose Latin words and numbers are; else every strong one), two or more
 * and at least twice as many as stand on neither side are on O's side and
 * not on U's (a translator who wrote one English sentence as eight; the
 * Debian constitution's version history). */
int ty_join_evidence(const seq *U, size_t u, int required, size_t s0, size_t ns,
                     const seq *O, size_t o0, size_t no);

/* Whether the Japanese sentence s[0..n) opens with a connective that
 * makes it part of the sentence before, which English writes as one
 * sentence: a proviso (ただし, 但し: "unless", "provided that", "at
 * intervals of"; the Debian constitution 5.1(3), 6.2(4), the Constitution
 * of Japan 44, 45, 57) or a reason (なぜなら, 何故ならば: "since",
 * developers-reference 5.10.3.3) (evidence.c). */
int ty_continues_before(const char *s, size_t n);

/* ---- the sentences of a clause pair (sentence_units.c) -------------- */

/* One sentence of a side of a clause pair, as align.c collects them. */
typedef struct sent {
  const char *s;
  size_t n;
  int line;
  int clause;         /* which clause of its pair side it comes from */
  unsigned char para; /* it starts a paragraph (or its clause) */
} sent;

/* The sentences of one side. */
typedef struct sents {
  sent *v;
  size_t n, cap;
} sents;

/* Whether a sentence that follows the text gap[0..n) after the sentence
 * before it starts a paragraph: a blank line in the gap, or a list item
 * ("* ", "- ", "・") starting a line (the sentence is at[0..len)). */
int ty_starts_paragraph(const char *gap, size_t n, const char *at, size_t len);
/* Whether the text s[0..n) ends a sentence: its last character, closing
 * brackets and quotes aside, is a full stop, ! ? or a colon. */
int ty_ends_sentence(const char *s, size_t n);
/* Whether sentence k of u is the start or the end of a sentence that a
 * display cut in two, not a sentence of its own. */
int ty_continues_display(const sents *u, size_t k, ty_lang lang);
/* Whether sentence k of u, left unpaired before a pairing whose other
 * side starts at sentence ok of o, introduces a display that the other
 * side's sentence before it runs on into. */
int ty_leads_into_display(const sents *u, size_t k, const sents *o, size_t ok);

/* ---- the programme ------------------------------------------------------- */

typedef struct aligner {
  model md;
  const double *prior; /* prior_prose or prior_lines */
  const seq *A, *B;
  /* units that may not be left out (1-0, 0-1), by index; NULL: none.
   * They cost the best alignment without an omission. */
  const unsigned char *keep_a, *keep_b;
  /* units that start a paragraph, by index; NULL: no paragraphs known.
   * A pairing that starts where one side is at a paragraph's start and
   * the other is not costs PARA_MISMATCH: translators keep paragraphs. */
  const unsigned char *para_a, *para_b;
  /* units that end no sentence (a display cut them: "…と仮定して" before
   * a list), by index, with para_a/para_b. */
  const unsigned char *open_a, *open_b;
  /* ja units that continue the sentence before them (ty_continues_before),
   * by index; NULL: none.  A pairing that holds one with the unit before
   * it costs CONTINUES_BONUS less. */
  const unsigned char *cont_a;
  /* en units that hold a semicolon between two clauses, by index; NULL:
   * none.  A 2-1 with one costs SEMI_BONUS less: a translator writes the
   * two clauses as two sentences. */
  const unsigned char *semi_b;
} aligner;

/* Cost of the move m ending at (i, j): ja units i-a..i-1 with en units
 * j-b..j-1 (nats, lower = better). */
double ty_move_cost(const aligner *g, int m, size_t i, size_t j);
/* Whether the content of that pairing speaks for it beyond its place. */
int ty_pair_evidence(const aligner *g, int m, size_t i, size_t j);
/* How sure that pairing is, 0..1. */
double ty_pair_score(const aligner *g, int m, size_t i, size_t j);
/* Aligns g->A with g->B using the moves in `moves` (MOVE_BIT set), in a
 * band, linear in the units.  Returns the moves from the start, malloc'd
 * (caller frees), their count in *nout, and with `total` the cost of the
 * whole alignment. */
uint8_t *ty_dp_align(const aligner *g, unsigned moves, size_t *nout,
                     double *total);

/* ---- the length model
 * -------------------------------------------------------- */

/* The characters of one side of a pair. */
charcount ty_side_chars(const ty_alignment *al, const ty_pair *p, ty_lang side);
/* The median of v[0..n), n > 0 (v is sorted). */
double ty_median(double *v, size_t n);
/* The length model of this pair of documents: from the pairs numbers
 * matched when there are 8 or more; else, with `units` (--by), one ratio
 * from the totals of both texts; else the defaults. */
model ty_calibrate(const ty_alignment *al, int units);

/* Whether a blank line stands between two lines of text; without one,
 * every line is a paragraph (and, for sentences, one sentence) (units.c). */
int ty_has_paragraphs(const char *t, size_t n);

#endif
