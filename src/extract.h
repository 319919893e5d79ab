/* extract.h — what the number extractors share: the extractor's ICU data
 * and vocabulary, the scanning helpers both languages use.  Private to
 * extract.c (the extractor, NFKC, the shared helpers), extract_ja.c and
 * extract_en.c. */
#ifndef TY_EXTRACT_H
#define TY_EXTRACT_H

#include "internal.h"

#include <string.h>
#include <unicode/ucal.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>

#define WORD_MAX 24
#define VOCAB_SLOTS 256 /* power of two, well above the ~70 words */
#define MAX_ERAS 8

/* A word of ICU's English spell-out: "twenty", "fifth", "million". */
typedef struct vocab_word {
  char w[WORD_MAX]; /* lower case */
  size_t len;       /* 0 marks an empty slot */
  double value;     /* the word read alone, or -1 ("hundred") */
  double scale;     /* 1e3 for "thousand" etc. (after digits, after "a") */
  int ordinal;      /* ends ordinals and never appears in cardinals */
  int in_cardinal;
} vocab_word;

typedef struct era {
  char name[16]; /* UTF-8: "令和" */
  size_t len;
  int32_t first; /* its first character, to skip the others quickly */
  int index;     /* UCAL_ERA value */
} era;

struct ty_extractor {
  const UNormalizer2 *nfkc; /* ICU's own instance: never closed */
  UNumberFormat *spell;     /* NULL when ICU lacks English spell-out */
  UNumberFormat *roman;     /* Roman numerals; NULL when ICU lacks them */
  vocab_word vocab[VOCAB_SLOTS];
  size_t nvocab;
  uint32_t vocab_lengths[26]; /* per first letter, bit n: a word of n letters */
  char month[12][WORD_MAX];   /* "January" */
  char month_short[12][WORD_MAX]; /* "Jan" */
  size_t month_len[12], month_short_len[12];
  UCalendar *jcal, *gcal; /* NULL when ICU lacks them */
  era eras[MAX_ERAS];
  int neras;
  /* bit c % 64 for each era's first character c */
  uint64_t era_firsts;
  UChar *u16; /* scratch for conversions */
  int32_t u16cap;
  UChar *n16;
  int32_t n16cap;
};

static inline int is_digit(char c) {
  return c >= '0' && c <= '9';
}
static inline int is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline int is_alnum(char c) {
  return is_digit(c) || is_alpha(c);
}
static inline char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static inline int starts(const char *s, size_t n, size_t i, const char *w) {
  for (size_t k = 0; w[k]; k++)
    if (i + k >= n || s[i + k] != w[k]) return 0;
  return 1;
}

/* Case-insensitive ASCII prefix test, ending at a word boundary. */
static inline int starts_word(const char *s, size_t n, size_t i,
                              const char *w) {
  size_t k = strlen(w);
  if (i + k > n) return 0;
  for (size_t j = 0; j < k; j++)
    if (lower(s[i + j]) != w[j]) return 0;
  return i + k == n || !is_alpha(s[i + k]);
}

static inline size_t skip_spaces(const char *s, size_t n, size_t i) {
  while (i < n && s[i] == ' ')
    i++;
  return i;
}

/* The vocabulary entry of the lower-case word w[0..n), or NULL. */
const vocab_word *ty_extract_vocab_find(const ty_extractor *x, const char *w,
                                        size_t n);
/* Reads ASCII text with ICU's spell-out rules; the value, or -1.  *used
 * receives the characters consumed. */
double ty_extract_spell_parse(ty_extractor *x, const char *s, size_t n,
                              size_t *used, int lenient);
/* Appends a number to l (a 1 outside a date made optional). */
void ty_extract_add(ty_numbers *l, double v, ty_num_kind kind, unsigned flags,
                    size_t off, size_t len);
/* Reads an ASCII decimal at s[i] into *v (*plain: digits only); returns
 * the end. */
size_t ty_extract_decimal(const char *s, size_t n, size_t i, double *v,
                          int *plain);
/* Whether a section reference stands before the number at s[i]
 * (prev_ref: the end of a reference just read, or (size_t)-1). */
int ty_extract_ref_before(const char *s, size_t i, size_t prev_ref);
/* The value of a Roman numeral s[i..e), or -1. */
double ty_extract_roman(ty_extractor *x, const char *s, size_t i, size_t e);
/* Whether the number at s[i] is inside a printf conversion. */
int ty_extract_in_format(const char *s, size_t i);
/* Whether the number s[a..z) is an enumerator in parentheses, "(1)". */
int ty_extract_enclosed(const char *s, size_t n, size_t a, size_t z);
/* The month (1..12) named by s[i..e), or 0; short names only when dated. */
int ty_extract_month(const ty_extractor *x, const char *s, size_t i, size_t e,
                     int dated);

/* Whether the digits s[i..e) are inside a name between letters: a
 * numeronym (I18n, L10n, a11y, k8s) or an identifier (m68k), which states
 * no number. */
int ty_extract_in_name(const char *s, size_t n, size_t i, size_t e);
/* The end of a number idiom at s[i] that states no number ("24/7"), or 0. */
size_t ty_extract_idiom(const char *s, size_t n, size_t i);
/* The number at s[i..e) bounding a one-letter variable, "x>=2" (a
 * condition written as a formula): adds it, optional, and the member of
 * the family it names ("680x0 ... for x>=2": 68020), optional, to out.
 * Returns 0 (nothing added) when s[i..e) is no such bound. */
int ty_extract_bound(const char *s, size_t n, size_t i, size_t e, double v,
                     ty_numbers *out);
/* Whether the number at s[i] is inside a gloss the translator added to a
 * Latin-script name: "NoRCBugs (RCバグ0)". */
int ty_extract_in_gloss(const char *s, size_t n, size_t i);

/* The numbers of Japanese text s[0..n) (NFKC), appended to out. */
void ty_extract_ja(ty_extractor *x, const char *s, size_t n, ty_numbers *out);
/* The numbers of English text s[0..n), appended to out. */
void ty_extract_en(ty_extractor *x, const char *s, size_t n, ty_numbers *out);

#endif
