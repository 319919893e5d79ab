/* extract.c — what a clause states that a translation must keep: numbers
 * (digits, kanji numerals, 万/億/兆, dates, era years, English number
 * words, ordinals and month names); the Latin-script tokens are
 * tokens.c's.
 *
 * The checks compare what the two sides state, so both extractors aim at
 * the same values from the two languages:
 *
 *   2017年7月21日        -> 2017 (year), 7 (month), 21 (day)
 *   July 21, 2017        -> 7 (month), 21 (day), 2017 (year)
 *   令和元年5月1日        -> 2019 (year, through ICU's Japanese calendar), 5, 1
 *   3億5000万 / 350 million -> 350000000
 *   第五回 / fifth       -> 5 (the English word is optional, see below)
 *
 * A value one language states where the other often does not is marked
 * TY_NUM_OPTIONAL: it matches a value on the other side but is never
 * reported as missing there.  English number words, ordinals and adverbs
 * ("one of", "the first", "twice"), month names outside a date ("in
 * May"), a 1 outside a date ("a", "month-long"), a kanji digit counting
 * things (三つ: "three", "both") and an enumerator "(1)" are optional;
 * "本年" or "this year" is an implicit year that matches any year
 * (TY_NUM_ANY); "2以上" may also match 1 ("more than one").  Numbers in
 * printf conversions of software messages (%2$s) are not stated at all.
 *
 * ICU supplies what it knows: NFKC, the spell-out rules that read English
 * number words (and give the vocabulary of such words), Roman numerals,
 * the month names, the era names and the Japanese calendar, numeric values
 * of kanji.  All ICU objects are opened once per extractor, not per
 * clause. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucal.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

/* ---- the extractor and its ICU data ------------------------------------- */

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
  UChar *u16; /* scratch for conversions */
  int32_t u16cap;
  UChar *n16;
  int32_t n16cap;
};

static int is_digit(char c) {
  return c >= '0' && c <= '9';
}
static int is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int is_alnum(char c) {
  return is_digit(c) || is_alpha(c);
}
static char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static unsigned word_hash(const char *w, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)w[i]) * 16777619u;
  return h;
}

/* The slot holding the lower-case word w[0..n), or the empty slot where
 * it would go. */
static size_t vocab_slot(const ty_extractor *x, const char *w, size_t n) {
  size_t h = word_hash(w, n) & (VOCAB_SLOTS - 1);
  while (x->vocab[h].len &&
         (x->vocab[h].len != n || memcmp(x->vocab[h].w, w, n) != 0))
    h = (h + 1) & (VOCAB_SLOTS - 1);
  return h;
}

static const vocab_word *vocab_find(const ty_extractor *x, const char *w,
                                    size_t n) {
  if (n == 0 || n >= WORD_MAX) return NULL;
  /* Most words are ruled out by their first letter and length alone. */
  if (w[0] < 'a' || w[0] > 'z' || !(x->vocab_lengths[w[0] - 'a'] >> n & 1))
    return NULL;
  const vocab_word *e = &x->vocab[vocab_slot(x, w, n)];
  return e->len ? e : NULL;
}

/* The entry of a word, added if new; NULL when it cannot be held (the
 * table stays at most half full, so probing always ends). */
static vocab_word *vocab_add(ty_extractor *x, const char *w, size_t n) {
  if (n == 0 || n >= WORD_MAX) return NULL;
  vocab_word *e = &x->vocab[vocab_slot(x, w, n)];
  if (e->len) return e;
  if (x->nvocab >= VOCAB_SLOTS / 2) return NULL;
  x->nvocab++;
  if (w[0] >= 'a' && w[0] <= 'z') x->vocab_lengths[w[0] - 'a'] |= 1u << n;
  memcpy(e->w, w, n);
  e->len = n;
  e->value = -1;
  return e;
}

/* Reads ASCII text with ICU's spell-out rules; the value, or -1.  *used
 * receives the characters consumed. */
static double spell_parse(ty_extractor *x, const char *s, size_t n,
                          size_t *used, int lenient) {
  UChar u[128];
  if (!x->spell || n == 0 || n > 127) return -1;
  /* Lower case, so that ICU's strict parsing reads "Fifth": lenient
   * parsing would also, but goes through collation and is far slower. */
  for (size_t i = 0; i < n; i++)
    u[i] = (UChar)(unsigned char)lower(s[i]);
  UErrorCode st = U_ZERO_ERROR;
  int32_t pos = 0;
  if (lenient) unum_setAttribute(x->spell, UNUM_LENIENT_PARSE, 1);
  double v = unum_parseDouble(x->spell, u, (int32_t)n, &pos, &st);
  if (lenient) unum_setAttribute(x->spell, UNUM_LENIENT_PARSE, 0);
  if (U_FAILURE(st) || pos <= 0) return -1;
  *used = (size_t)pos;
  return v;
}

/* Formats v with the rule set `rules` and adds each word of the result to
 * the vocabulary; `scale` marks the last word as a multiplier. */
static void vocab_learn(ty_extractor *x, const UChar *rules, double v,
                        int ordinal, int scale) {
  UErrorCode st = U_ZERO_ERROR;
  unum_setTextAttribute(x->spell, UNUM_DEFAULT_RULESET, rules, -1, &st);
  UChar u[128];
  int32_t n = unum_formatDouble(x->spell, v, u, 128, NULL, &st);
  if (U_FAILURE(st) || n <= 0 || n >= 128) return;
  char w[128];
  int32_t k = 0;
  for (int32_t i = 0; i <= n; i++) {
    UChar c = i < n ? u[i] : ' ';
    if (c == ' ' || c == '-') {
      if (k == 0) continue;
      int known = vocab_find(x, w, (size_t)k) != NULL;
      vocab_word *e = vocab_add(x, w, (size_t)k);
      if (e) {
        size_t used = 0;
        /* each new word read alone once: ICU's parsing is not cheap */
        double alone = known ? -1 : spell_parse(x, w, (size_t)k, &used, 0);
        if (alone >= 0 && used == (size_t)k) e->value = alone;
        if (!ordinal) {
          e->in_cardinal = 1;
          e->ordinal = 0;
        } else if (i == n && !e->in_cardinal) {
          e->ordinal = 1;
        }
        if (scale && i == n) e->scale = v;
      }
      k = 0;
    } else if (c < 0x80 && k < 127) {
      w[k++] = lower((char)c);
    } else {
      k = 127; /* a non-ASCII word: spoils the word, never matches */
    }
  }
}

static void open_spellout(ty_extractor *x) {
  UErrorCode st = U_ZERO_ERROR;
  x->spell = unum_open(UNUM_SPELLOUT, NULL, 0, "en", NULL, &st);
  if (U_FAILURE(st)) {
    x->spell = NULL;
    return;
  }
  UChar card[32], ord[32];
  u_uastrcpy(card, "%spellout-cardinal");
  u_uastrcpy(ord, "%spellout-ordinal");
  /* 0..100 give every word below a hundred; the powers of ten give the
   * multipliers.  Cardinals first, so that "twenty" of "twenty-first" is
   * known as a cardinal; the formatter is left on cardinals. */
  static const double scales[] = {100, 1e3, 1e6, 1e9, 1e12};
  for (int v = 0; v <= 100; v++)
    vocab_learn(x, card, v, 0, 0);
  for (size_t i = 0; i < sizeof scales / sizeof *scales; i++)
    vocab_learn(x, card, scales[i], 0, 1);
  for (int v = 0; v <= 100; v++)
    vocab_learn(x, ord, v, 1, 0);
  for (size_t i = 0; i < sizeof scales / sizeof *scales; i++)
    vocab_learn(x, ord, scales[i], 1, 0);
  st = U_ZERO_ERROR;
  unum_setTextAttribute(x->spell, UNUM_DEFAULT_RULESET, card, -1, &st);
}

static void u16_to_utf8(const UChar *u, int32_t n, char *out, size_t cap) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t len = 0;
  u_strToUTF8(out, (int32_t)cap - 1, &len, u, n, &st);
  if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING) len = 0;
  out[len] = '\0';
}

static void open_dates(ty_extractor *x) {
  UErrorCode st = U_ZERO_ERROR;
  UDateFormat *en =
      udat_open(UDAT_NONE, UDAT_LONG, "en", NULL, 0, NULL, 0, &st);
  if (U_SUCCESS(st)) {
    UChar u[64];
    for (int i = 0; i < 12; i++) {
      st = U_ZERO_ERROR;
      int32_t n = udat_getSymbols(en, UDAT_MONTHS, i, u, 64, &st);
      if (U_SUCCESS(st)) u16_to_utf8(u, n, x->month[i], WORD_MAX);
      st = U_ZERO_ERROR;
      n = udat_getSymbols(en, UDAT_SHORT_MONTHS, i, u, 64, &st);
      if (U_SUCCESS(st)) u16_to_utf8(u, n, x->month_short[i], WORD_MAX);
      x->month_len[i] = strlen(x->month[i]);
      x->month_short_len[i] = strlen(x->month_short[i]);
    }
    udat_close(en);
  }

  st = U_ZERO_ERROR;
  const char *jloc = "ja_JP@calendar=japanese";
  x->jcal = ucal_open(NULL, 0, jloc, UCAL_DEFAULT, &st);
  if (U_FAILURE(st)) x->jcal = NULL;
  st = U_ZERO_ERROR;
  x->gcal = ucal_open(NULL, 0, "en@calendar=gregorian", UCAL_DEFAULT, &st);
  if (U_FAILURE(st)) x->gcal = NULL;
  st = U_ZERO_ERROR;
  UDateFormat *ja =
      udat_open(UDAT_NONE, UDAT_LONG, jloc, NULL, 0, NULL, 0, &st);
  if (U_FAILURE(st) || !x->jcal || !x->gcal) {
    if (U_SUCCESS(st)) udat_close(ja);
    return;
  }
  /* The eras since the Gregorian calendar came to Japan (Meiji and later):
   * years of earlier eras are lunisolar and do not convert this way.  ICU
   * lists eras oldest first, so walk back from the newest. */
  int count = udat_countSymbols(ja, UDAT_ERAS);
  for (int i = count - 1; i >= 0 && x->neras < MAX_ERAS; i--) {
    UErrorCode e = U_ZERO_ERROR;
    ucal_clear(x->jcal);
    ucal_set(x->jcal, UCAL_ERA, i);
    ucal_set(x->jcal, UCAL_YEAR, 1);
    ucal_setMillis(x->gcal, ucal_getMillis(x->jcal, &e), &e);
    if (U_FAILURE(e) || ucal_get(x->gcal, UCAL_YEAR, &e) < 1868) break;
    UChar u[32];
    e = U_ZERO_ERROR;
    int32_t n = udat_getSymbols(ja, UDAT_ERAS, i, u, 32, &e);
    era *r = &x->eras[x->neras];
    u16_to_utf8(u, U_SUCCESS(e) ? n : 0, r->name, sizeof r->name);
    r->len = strlen(r->name);
    int flen;
    r->first = r->len ? ty_utf8_decode(r->name, r->len, &flen) : 0;
    r->index = i;
    if (r->len) x->neras++;
  }
  udat_close(ja);
}

ty_extractor *ty_extractor_new(void) {
  ty_extractor *x = ty_xcalloc(1, sizeof *x);
  UErrorCode st = U_ZERO_ERROR;
  x->nfkc = unorm2_getNFKCInstance(&st);
  if (U_FAILURE(st)) x->nfkc = NULL;
  open_spellout(x);
  open_dates(x);
  st = U_ZERO_ERROR;
  x->roman =
      unum_open(UNUM_NUMBERING_SYSTEM, NULL, 0, "en@numbers=roman", NULL, &st);
  if (U_FAILURE(st)) x->roman = NULL;
  return x;
}

void ty_extractor_free(ty_extractor *x) {
  if (!x) return;
  if (x->spell) unum_close(x->spell);
  if (x->roman) unum_close(x->roman);
  if (x->jcal) ucal_close(x->jcal);
  if (x->gcal) ucal_close(x->gcal);
  free(x->u16);
  free(x->n16);
  free(x);
}

/* ---- NFKC --------------------------------------------------------------- */

static void grow16(UChar **p, int32_t *cap, int32_t need) {
  if (*cap >= need) return;
  *cap = need + need / 2 + 64;
  *p = ty_xrealloc(*p, (size_t)*cap * sizeof **p);
}

void ty_nfkc(ty_extractor *x, const char *s, size_t n, ty_buf *out) {
  ty_buf_clear(out);
  size_t i = 0;
  while (i < n && (unsigned char)s[i] < 0x80)
    i++;
  if (i == n || !x->nfkc || n > INT32_MAX / 4) {
    ty_buf_put(out, s, n);
    return;
  }
  UErrorCode st = U_ZERO_ERROR;
  int32_t len = 0;
  grow16(&x->u16, &x->u16cap, (int32_t)n + 1);
  u_strFromUTF8Lenient(x->u16, x->u16cap, &len, s, (int32_t)n, &st);
  if (U_FAILURE(st)) {
    ty_buf_put(out, s, n);
    return;
  }
  const UChar *src = x->u16;
  int32_t m = len;
  /* Most text is already NFKC (English, or Japanese without full-width
   * forms): then the conversion back is all that is needed. */
  if (unorm2_spanQuickCheckYes(x->nfkc, x->u16, len, &st) < len) {
    /* NFKC can expand (㍻ -> 平成, ﷺ -> 18 characters); retry once. */
    grow16(&x->n16, &x->n16cap, len * 2 + 16);
    st = U_ZERO_ERROR;
    m = unorm2_normalize(x->nfkc, x->u16, len, x->n16, x->n16cap, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR) {
      grow16(&x->n16, &x->n16cap, m + 1);
      st = U_ZERO_ERROR;
      m = unorm2_normalize(x->nfkc, x->u16, len, x->n16, x->n16cap, &st);
    }
    if (U_FAILURE(st)) {
      ty_buf_put(out, s, n);
      return;
    }
    src = x->n16;
  }
  ty_buf_reserve(out, (size_t)m * 3);
  st = U_ZERO_ERROR;
  int32_t got = 0;
  u_strToUTF8(out->p, (int32_t)(out->cap - 1), &got, src, m, &st);
  if (U_FAILURE(st)) {
    ty_buf_put(out, s, n);
    return;
  }
  out->n = (size_t)got;
  out->p[out->n] = '\0';
}

/* ---- lists -------------------------------------------------------------- */

static void add_number(ty_numbers *l, double v, ty_num_kind kind,
                       unsigned flags, size_t off, size_t len) {
  /* A 1 outside a date is "a", "one", "single", "month-long" (1カ月近く),
   * "pairwise" (1対1) or nothing in the other language: it may match,
   * it is never missed. */
  if (v == 1 && (kind == TY_NUM_PLAIN || kind == TY_NUM_ORDINAL))
    flags |= TY_NUM_OPTIONAL;
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 16;
    l->v = ty_xrealloc(l->v, l->cap * sizeof *l->v);
  }
  ty_number *e = &l->v[l->n++];
  e->value = v;
  e->alt = v;
  e->kind = kind;
  e->flags = flags;
  e->off = off;
  e->len = len;
}

void ty_numbers_free(ty_numbers *l) {
  free(l->v);
  l->v = NULL;
  l->n = l->cap = 0;
}

void ty_spans_free(ty_spans *l) {
  free(l->v);
  l->v = NULL;
  l->n = l->cap = 0;
}

int ty_number_equal(double a, double b) {
  return fabs(a - b) <= 1e-9 * fmax(1.0, fabs(a));
}

/* ---- shared scanning helpers -------------------------------------------- */

/* Reads an ASCII decimal at s[i]: digits, thousands groups ("1,000") and a
 * fraction ("3.5").  A dotted path (4.9.1) is read one component at a
 * time, so both languages give the same values.  Returns the end. */
static size_t read_decimal(const char *s, size_t n, size_t i, double *v,
                           int *plain) {
  /* Digits and their count after the point: the value is one exact
   * division, and no strtod, whose decimal point follows the locale. */
  double mant = 0, scale = 1;
  size_t a = i;
  *plain = 1;
  for (; i < n && is_digit(s[i]); i++)
    mant = mant * 10 + (s[i] - '0');
  size_t lead = i - a;
  /* Groups of exactly three after a first group of one to three. */
  while (lead <= 3 && i + 3 < n && s[i] == ',' && is_digit(s[i + 1]) &&
         is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
         (i + 4 == n || !is_digit(s[i + 4]))) {
    for (size_t j = i + 1; j <= i + 3; j++)
      mant = mant * 10 + (s[j] - '0');
    i += 4;
    *plain = 0;
  }
  /* A point after a dotted component (the 9 of 4.9.1) is no fraction. */
  int dotted = a >= 2 && s[a - 1] == '.' && is_digit(s[a - 2]);
  if (!dotted && i + 1 < n && s[i] == '.' && is_digit(s[i + 1])) {
    size_t f = i + 1;
    while (f < n && is_digit(s[f]))
      f++;
    if (!(f + 1 < n && s[f] == '.' && is_digit(s[f + 1]))) {
      for (size_t j = i + 1; j < f; j++) {
        mant = mant * 10 + (s[j] - '0');
        scale *= 10;
      }
      i = f;
      *plain = 0;
    }
  }
  *v = mant / scale;
  return i;
}

static int starts(const char *s, size_t n, size_t i, const char *w) {
  for (size_t k = 0; w[k]; k++)
    if (i + k >= n || s[i + k] != w[k]) return 0;
  return 1;
}

/* Case-insensitive ASCII prefix test, ending at a word boundary. */
static int starts_word(const char *s, size_t n, size_t i, const char *w) {
  size_t k = strlen(w);
  if (i + k > n) return 0;
  for (size_t j = 0; j < k; j++)
    if (lower(s[i + j]) != w[j]) return 0;
  return i + k == n || !is_alpha(s[i + k]);
}

/* A section reference before the number at s[i]: "§" or a word
 * "Section(s)", "Chapter(s)", "Appendix", "Sec." (debian-faq: "see
 * Section 12.1, “…”", the Debian constitution: "see §4.1(3)"), or a
 * reference just before joined by "," "and" "or" "to" ("Sections 4.1 and
 * 4.2"), whose end is prev_ref. */
static int ref_before(const char *s, size_t i, size_t prev_ref) {
  static const char *const words[] = {
      "section", "sections", "chapter", "chapters", "appendix", "sec", "sect"};
  size_t k = i;
  while (k > 0 && s[k - 1] == ' ')
    k--;
  if (k >= 2 && (unsigned char)s[k - 2] == 0xC2 &&
      (unsigned char)s[k - 1] == 0xA7)
    return 1; /* § */
  if (prev_ref != (size_t)-1 && prev_ref <= k && k - prev_ref <= 6) {
    size_t a = prev_ref;
    while (a < k && (s[a] == ',' || s[a] == ' '))
      a++;
    if (a == k || ((k - a == 3 && memcmp(s + a, "and", 3) == 0) ||
                   (k - a == 2 && (memcmp(s + a, "or", 2) == 0 ||
                                   memcmp(s + a, "to", 2) == 0))))
      return 1;
  }
  if (k > 0 && s[k - 1] == '.') k--; /* Sec. */
  size_t e = k;
  while (k > 0 && is_alpha(s[k - 1]))
    k--;
  if (e - k < 3 || e - k > 8) return 0;
  char w[9];
  for (size_t j = 0; j < e - k; j++)
    w[j] = lower(s[k + j]);
  w[e - k] = '\0';
  for (size_t j = 0; j < sizeof words / sizeof *words; j++)
    if (strcmp(w, words[j]) == 0) return 1;
  return 0;
}

static size_t skip_spaces(const char *s, size_t n, size_t i) {
  while (i < n && s[i] == ' ')
    i++;
  return i;
}

/* A Roman numeral s[i..e) of I, V and X, at least two letters (II, IV,
 * XIV: Chapter III, World War II; NFKC makes Ⅲ "III" in Japanese too),
 * read by ICU; its value, or -1.  Single letters are words or initials,
 * and L C D M make words (DC, CD, MD) more often than numbers. */
static double roman_at(ty_extractor *x, const char *s, size_t i, size_t e) {
  if (!x->roman || e - i < 2 || e - i > 8) return -1;
  UChar u[8];
  for (size_t k = i; k < e; k++) {
    if (s[k] != 'I' && s[k] != 'V' && s[k] != 'X') return -1;
    u[k - i] = (UChar)s[k];
  }
  UErrorCode st = U_ZERO_ERROR;
  int32_t pos = 0;
  double v = unum_parseDouble(x->roman, u, (int32_t)(e - i), &pos, &st);
  return U_SUCCESS(st) && pos == (int32_t)(e - i) ? v : -1;
}

/* ---- Japanese ----------------------------------------------------------- */

/* The numerals of Japanese running text (digits, multipliers, the formal
 * 壱弐参拾), in code point order.  Their values come from ICU; this list
 * only says which Han characters serve as numerals in Japanese (ICU gives
 * values to 両, 京 and others that do not). */
static const int32_t ja_numerals[] = {
    0x3007 /* 〇 */, 0x4E00 /* 一 */, 0x4E03 /* 七 */, 0x4E07 /* 万 */,
    0x4E09 /* 三 */, 0x4E5D /* 九 */, 0x4E8C /* 二 */, 0x4E94 /* 五 */,
    0x5104 /* 億 */, 0x5146 /* 兆 */, 0x516B /* 八 */, 0x516D /* 六 */,
    0x5341 /* 十 */, 0x5343 /* 千 */, 0x53C2 /* 参 */, 0x56DB /* 四 */,
    0x58F1 /* 壱 */, 0x5F10 /* 弐 */, 0x62FE /* 拾 */, 0x767E /* 百 */,
    0x96F6 /* 零 */};

/* Value of the kanji numeral c, or -1 for other characters. */
static double numeral_value(int32_t c) {
  if (c != 0x3007 && (c < 0x4E00 || c > 0x96F6)) return -1; /* kana */
  size_t lo = 0, hi = sizeof ja_numerals / sizeof *ja_numerals;
  while (lo < hi) { /* binary search: every kanji of a text comes here */
    size_t mid = (lo + hi) / 2;
    if (ja_numerals[mid] < c)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == sizeof ja_numerals / sizeof *ja_numerals || ja_numerals[lo] != c)
    return -1;
  double v = u_getNumericValue(c);
  return v == U_NO_NUMERIC_VALUE ? -1 : v;
}

/* Value of a kanji numeral at s[i] (byte length in *len), or -1. */
static double kanji_value(const char *s, size_t n, size_t i, int *len) {
  unsigned char b = (unsigned char)s[i];
  if (b < 0xE3 || b > 0xE9) return -1;
  return numeral_value(ty_utf8_decode(s + i, n - i, len));
}

/* What follows a numeral in Japanese and makes it a quantity: units,
 * counters, dates.  Nouns that only happen to begin with such a character
 * stay out (一方, 一部, 一層: 方 部 層 are not here; 十分 "enough" is why
 * 分 is not; 一時 "temporary" is why 時 is not). */
static const char *const ja_counters[] = {
    "年", "月", "日", "回", "条", "項", "号", "章", "節", "款", "編", "人",
    "名", "件", "か所", "カ所", "ヶ所", "箇所", "か国", "カ国", "ヶ国", "箇国",
    "か月", "カ月", "ヶ月", "箇月", "%", "パーセント", "度", "歳", "倍", "割",
    "つ", "個", "社", "隻", "台", "枚", "冊", "点", "円", "ドル", "週", "時間",
    "世紀", "期", "種", "段階", "周年", "代", "分の",
    /* after a run that stopped before a multiplier out of order */
    "万", "億", "兆"};

static size_t counter_at(const char *s, size_t n, size_t i) {
  if (i >= n) return 0;
  for (size_t k = 0; k < sizeof ja_counters / sizeof *ja_counters; k++)
    if (ja_counters[k][0] == s[i] && starts(s, n, i, ja_counters[k]))
      return strlen(ja_counters[k]);
  return 0;
}

/* The code point ending just before s[i], or 0 at the start. */
static int32_t prev_char(const char *s, size_t i) {
  if (i == 0) return 0;
  size_t k = i - 1;
  while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
    k--;
  int len;
  return ty_utf8_decode(s + k, i - k, &len);
}

typedef struct ja_numeral {
  double value;
  size_t end;
  int ascii;     /* holds an ASCII digit */
  int zero_only; /* only 〇: the 〇〇 placeholder */
} ja_numeral;

/* Reads a run of digits and kanji numerals at s[i]: positional (二〇一七,
 * 2017), multiplicative (二千十七, 百三) and mixed with 万/億/兆 (3億5000万).
 * Returns 0 when s[i] starts no numeral. */
static int read_ja_numeral(const char *s, size_t n, size_t i, ja_numeral *r) {
  double total = 0, section = 0, cur = -1;
  memset(r, 0, sizeof *r);
  r->zero_only = 1;
  size_t start = i;
  double last_big = 0;
  while (i < n) {
    if (is_digit(s[i])) {
      if (cur >= 0) break; /* "二3": two numbers side by side */
      int plain;
      i = read_decimal(s, n, i, &cur, &plain);
      r->ascii = 1;
      r->zero_only = 0;
      continue;
    }
    int len;
    double v = kanji_value(s, n, i, &len);
    if (v < 0) break;
    if (v < 10) {
      /* "3四半期": a kanji digit does not continue ASCII digits */
      if (cur >= 0 && i > 0 && is_digit(s[i - 1])) break;
      cur = (cur < 0 ? 0 : cur) * 10 + v;
      if (v != 0) r->zero_only = 0;
    } else if (v < 1e4) {
      section += (cur < 0 ? 1 : cur) * v;
      cur = -1;
      r->zero_only = 0;
    } else {
      double part = section + (cur < 0 ? 0 : cur);
      /* 万 with nothing before it is a word (万全, 万人), not 10000;
       * the run ends before it. */
      if (part == 0 || (last_big && v >= last_big)) {
        if (i == start) return 0;
        break;
      }
      total += part * v;
      section = 0;
      cur = -1;
      last_big = v;
      r->zero_only = 0;
    }
    i += (size_t)len;
  }
  if (i == start) return 0;
  r->value = total + section + (cur < 0 ? 0 : cur);
  r->end = i;
  return 1;
}

/* A number at s[i] inside a printf conversion (%2$s, %.250s, %08x) of a
 * software message: an argument position or a width, not a number the
 * text states. */
static int in_format(const char *s, size_t i) {
  size_t k = i;
  while (k > 0 && i - k < 8 &&
         (is_digit(s[k - 1]) || s[k - 1] == '.' || s[k - 1] == '$' ||
          s[k - 1] == '-' || s[k - 1] == '+' || s[k - 1] == '#' ||
          s[k - 1] == '*'))
    k--;
  return k > 0 && s[k - 1] == '%';
}

/* A duration and a half after a numeral ending at s[i]: 3年半, 1時間半,
 * 2か月半 (not 2020年半ば, "mid-2020"). */
static int and_a_half(const char *s, size_t n, size_t i) {
  static const char *const units[] = {"年半",   "か月半", "カ月半", "ヶ月半",
                                      "箇月半", "時間半", "日半",   "週間半"};
  for (size_t k = 0; k < sizeof units / sizeof *units; k++)
    if (starts(s, n, i, units[k]))
      return !starts(s, n, i + strlen(units[k]), "ば");
  return 0;
}

/* A number in parentheses, "(1)", inside a sentence enumerates; the other
 * language may enumerate differently or not at all. */
static int enclosed(const char *s, size_t n, size_t a, size_t z) {
  return a > 0 && s[a - 1] == '(' && z < n && s[z] == ')' && z - a <= 2;
}

/* Gregorian year of year `y` of the era at index `e`, or -1. */
static int era_year(ty_extractor *x, int e, int y) {
  UErrorCode st = U_ZERO_ERROR;
  ucal_clear(x->jcal);
  ucal_set(x->jcal, UCAL_ERA, e);
  ucal_set(x->jcal, UCAL_YEAR, y);
  /* Mid-year: the year of an era's first or last (partial) year is the
   * same on any day, but this keeps clear of era boundaries. */
  ucal_set(x->jcal, UCAL_MONTH, UCAL_JULY);
  ucal_set(x->jcal, UCAL_DATE, 1);
  ucal_setMillis(x->gcal, ucal_getMillis(x->jcal, &st), &st);
  int g = ucal_get(x->gcal, UCAL_YEAR, &st);
  return U_SUCCESS(st) ? g : -1;
}

/* An era year at s[i] ("令和元年", "平成31年", "昭和六十四年"), whose first
 * character is c: stores the Gregorian year and returns the end, or 0. */
static size_t read_era(ty_extractor *x, const char *s, size_t n, size_t i,
                       int32_t c, int *year) {
  for (int k = 0; k < x->neras; k++) {
    const era *r = &x->eras[k];
    if (c != r->first || !starts(s, n, i, r->name)) continue;
    size_t j = i + r->len;
    int y;
    if (starts(s, n, j, "元")) { /* the first year of an era */
      y = 1;
      j += strlen("元");
    } else {
      ja_numeral num;
      if (!read_ja_numeral(s, n, j, &num) || num.value < 1 || num.value > 99)
        return 0;
      y = (int)num.value;
      j = num.end;
    }
    if (!starts(s, n, j, "年")) return 0;
    int g = era_year(x, r->index, y);
    if (g < 0) return 0;
    *year = g;
    return j;
  }
  return 0;
}

/* Words that stand for a year the reader knows (本年, 昨年...): the
 * English may give it.  c (of byte length len) is the character at s[i];
 * returns the byte length of the word, or 0. */
static int implicit_year_at(const char *s, size_t n, size_t i, int32_t c,
                            int len) {
  if (c != 0x672C /* 本 */ && c != 0x4ECA /* 今 */ && c != 0x540C /* 同 */ &&
      c != 0x6628 /* 昨 */ && c != 0x524D /* 前 */ && c != 0x7FCC /* 翌 */)
    return 0;
  return starts(s, n, i + (size_t)len, "年") ? len + (int)strlen("年") : 0;
}

/* Before a numeral, these make it vague (数十年 "decades", 何百). */
static int vague_before(int32_t c) {
  return c == 0x6570 /* 数 */ || c == 0x4F55 /* 何 */ || c == 0x5E7E /* 幾 */;
}

static int month_at(const ty_extractor *x, const char *s, size_t i, size_t e,
                    int dated);

static void extract_ja(ty_extractor *x, const char *s, size_t n,
                       ty_numbers *out) {
  size_t i = 0;
  size_t prev_ref = (size_t)-1; /* end of a reference just read */
  while (i < n) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80 && !is_digit(s[i])) {
      if (is_alpha(s[i]) && (i == 0 || !is_alpha(s[i - 1]))) {
        size_t e = i;
        while (e < n && is_alpha(s[e]))
          e++;
        double v = roman_at(x, s, i, e);
        /* an English date left as it is ("in June 2018", both sides of
         * developers-reference 4.12): its month as the English reads it */
        size_t a = skip_spaces(s, n, e);
        int dated = a < n && is_digit(s[a]);
        int m = v > 0 ? 0 : month_at(x, s, i, e, dated);
        if (v > 0)
          add_number(out, v, TY_NUM_PLAIN, 0, i, e - i);
        else if (m)
          add_number(out, m, TY_NUM_MONTH, dated ? 0 : TY_NUM_OPTIONAL, i,
                     e - i);
        i = e;
      } else {
        i++;
      }
      continue;
    }
    if (b >= 0x80) {
      int len;
      int32_t c = ty_utf8_decode(s + i, n - i, &len);
      if (numeral_value(c) < 0) {
        int year, implicit;
        size_t e = x->neras ? read_era(x, s, n, i, c, &year) : 0;
        if (e) {
          add_number(out, year, TY_NUM_YEAR, 0, i, e - i);
          i = e + strlen("年");
        } else if ((implicit = implicit_year_at(s, n, i, c, len)) > 0) {
          add_number(out, 0, TY_NUM_YEAR, TY_NUM_OPTIONAL | TY_NUM_ANY, i,
                     (size_t)implicit);
          i += (size_t)implicit;
        } else {
          i += (size_t)len;
        }
        continue;
      }
    }
    ja_numeral r;
    if (!read_ja_numeral(s, n, i, &r)) { /* 万 alone */
      int len;
      ty_utf8_decode(s + i, n - i, &len);
      i += (size_t)len;
      continue;
    }
    int32_t before = prev_char(s, i);
    size_t unit = counter_at(s, n, r.end);
    int dai = before == 0x7B2C; /* 第 */
    int counts;
    if (r.ascii)
      counts = !in_format(s, i);
    else if (r.zero_only || vague_before(before))
      counts = 0;
    else if (dai)
      counts = !starts(s, n, r.end, "者"); /* 第三者: a third party */
    else
      counts = unit > 0;
    if (counts) {
      double v = r.value;
      ty_num_kind kind = TY_NUM_PLAIN;
      unsigned flags = 0;
      if (starts(s, n, r.end, "年") && v >= 1000 &&
          !starts(s, n, r.end, "年間"))
        kind = TY_NUM_YEAR;
      else if (starts(s, n, r.end, "月") && v >= 1 && v <= 12)
        kind = TY_NUM_MONTH;
      else if (starts(s, n, r.end, "日") && v >= 1 && v <= 31 &&
               before == 0x6708 /* 月 */)
        kind = TY_NUM_DAY;
      else if (starts(s, n, r.end, "%") || starts(s, n, r.end, "パーセント"))
        kind = TY_NUM_PERCENT;
      else if (starts(s, n, r.end, "割")) {
        v *= 10; /* 3割 is 30 percent */
        kind = TY_NUM_PERCENT;
      } else if (dai)
        kind = TY_NUM_ORDINAL;
      if (v < 1000 && and_a_half(s, n, r.end)) v += 0.5;
      /* A kanji digit counting things (三つ, 五か国, 三分の二) is as often
       * "three", "both" or "two-thirds" in English as a figure. */
      if (!r.ascii && !dai && v < 10 && kind == TY_NUM_PLAIN)
        flags |= TY_NUM_OPTIONAL;
      if (enclosed(s, n, i, r.end)) flags |= TY_NUM_OPTIONAL;
      /* 4.1節, 3章, §4.1, 第3章 in prose: a reference */
      size_t unit_at = skip_spaces(s, n, r.end); /* "9.1 節" */
      if (starts(s, n, unit_at, "節") || starts(s, n, unit_at, "章") ||
          (r.ascii && ref_before(s, i, prev_ref)))
        flags |= TY_NUM_REF;
      /* 16進, 8進: "hexadecimal", "octal" */
      if (starts(s, n, r.end, "進")) flags |= TY_NUM_OPTIONAL;
      add_number(out, v, kind, flags, i, r.end - i);
      prev_ref = (flags & TY_NUM_REF) ? r.end : (size_t)-1;
      /* 2以上, 2回以上: "two or more", but also "more than one(ce)";
       * 3以下: "3 or less", "fewer than 4". */
      size_t after = r.end + (starts(s, n, r.end + unit, "以") ? unit : 0);
      if (starts(s, n, after, "以上"))
        out->v[out->n - 1].alt = v - 1;
      else if (starts(s, n, after, "以下"))
        out->v[out->n - 1].alt = v + 1;
    }
    i = r.end;
  }
}

/* ---- English ------------------------------------------------------------ */

/* A month name at s[i..e) (case as ICU writes it); 1..12 or 0.  Short
 * names only count when `dated` (followed by a day or year). */
static int month_at(const ty_extractor *x, const char *s, size_t i, size_t e,
                    int dated) {
  size_t k = e - i;
  for (int m = 0; m < 12; m++) {
    if (x->month_len[m] == k && memcmp(s + i, x->month[m], k) == 0)
      return m + 1;
    if (dated && x->month_short_len[m] == k &&
        memcmp(s + i, x->month_short[m], k) == 0)
      return m + 1;
  }
  /* "Sept" is the common four-letter September. */
  if (dated && k == 4 && memcmp(s + i, "Sept", 4) == 0) return 9;
  return 0;
}

/* English phrases for a year the reader knows. */
static const char *const en_implicit_years[] = {
    "this year", "last year",          "next year",        "the same year",
    "that year", "the following year", "the previous year"};

/* Reads number words starting at the word s[i..e): a single word from the
 * vocabulary, or a phrase ("twenty-one", "one hundred and five") read by
 * ICU.  Returns the end, or 0. */
static size_t read_words(ty_extractor *x, const char *s, size_t n, size_t i,
                         size_t e, double *v, int *ordinal) {
  char w[WORD_MAX];
  size_t k = e - i;
  if (k >= WORD_MAX) return 0;
  for (size_t j = 0; j < k; j++)
    w[j] = lower(s[i + j]);
  const vocab_word *first = vocab_find(x, w, k);
  if (!first) return 0;
  /* Extend over following vocabulary words joined by a space or hyphen
   * (and "and" inside a phrase). */
  size_t end = e, j = e;
  const vocab_word *last = first;
  int words = 1;
  int multiplier = first->value < 0; /* "hundred", "million" */
  while (j < n && (s[j] == ' ' || s[j] == '-')) {
    size_t a = j + 1;
    if (s[j] == ' ' && starts_word(s, n, a, "and")) a += 4;
    size_t b = a;
    while (b < n && is_alpha(s[b]))
      b++;
    if (b == a || b - a >= WORD_MAX) break;
    for (size_t t = 0; t < b - a; t++)
      w[t] = lower(s[a + t]);
    const vocab_word *next = vocab_find(x, w, b - a);
    if (!next || last->ordinal) break;
    last = next;
    end = j = b;
    words++;
    multiplier |= next->value < 0;
  }
  if (words == 1) {
    /* "a million", "a hundred": the article is the one */
    int article = i >= 2 && s[i - 1] == ' ' && lower(s[i - 2]) == 'a' &&
                  (i == 2 || !is_alpha(s[i - 3]));
    if (first->value < 0 && !(article && first->scale > 0)) return 0;
    *v = first->value < 0 ? first->scale : first->value;
    *ordinal = first->ordinal;
    return e;
  }
  size_t used = 0;
  double pv = spell_parse(x, s + i, end - i, &used, 0);
  /* Strict parsing reads "twenty one" as the year 2001 (ICU's year rules):
   * past a thousand without a multiplier word, ask the lenient parser,
   * slower but rarely needed. */
  if (pv >= 1000 && !multiplier) pv = spell_parse(x, s + i, end - i, &used, 1);
  /* ICU may stop early ("one and two" reads as one): keep what it read
   * when that ends a word, else fall back to the first word. */
  size_t stop = i + used;
  if (pv < 0 || stop <= i || (stop < n && is_alpha(s[stop]))) {
    if (first->value < 0) return 0;
    *v = first->value;
    *ordinal = first->ordinal;
    return e;
  }
  while (stop > i && !is_alpha(s[stop - 1]))
    stop--;
  *v = pv;
  *ordinal = stop == end && last->ordinal;
  return stop;
}

static void extract_en(ty_extractor *x, const char *s, size_t n,
                       ty_numbers *out) {
  size_t i = 0;
  size_t last_num_end = (size_t)-1; /* end of the last 1-2 digit number */
  size_t last_month = (size_t)-1;   /* index in out of a month just read */
  size_t last_month_end = 0;
  size_t prev_ref = (size_t)-1; /* end of a reference just read */
  while (i < n) {
    char c = s[i];
    if (is_digit(c)) {
      double v;
      int plain;
      size_t e = read_decimal(s, n, i, &v, &plain);
      if (in_format(s, i)) {
        i = e;
        continue;
      }
      size_t digits = e - i;
      ty_num_kind kind = TY_NUM_PLAIN;
      size_t j = e;
      if ((starts_word(s, n, j, "st") || starts_word(s, n, j, "nd") ||
           starts_word(s, n, j, "rd") || starts_word(s, n, j, "th"))) {
        kind = TY_NUM_ORDINAL;
        j += 2;
      } else if (j < n && s[j] == '%') {
        kind = TY_NUM_PERCENT;
        j++;
      } else {
        size_t a = skip_spaces(s, n, j);
        if (a > j && (starts_word(s, n, a, "percent") ||
                      starts_word(s, n, a, "per cent"))) {
          kind = TY_NUM_PERCENT;
          j = a + (starts_word(s, n, a, "percent") ? 7 : 8);
        } else if (a > j) {
          size_t b = a;
          while (b < n && is_alpha(s[b]))
            b++;
          char w[WORD_MAX];
          if (b > a && b - a < WORD_MAX) {
            for (size_t t = 0; t < b - a; t++)
              w[t] = lower(s[a + t]);
            const vocab_word *sc = vocab_find(x, w, b - a);
            if (sc && sc->scale > 0) { /* "3.5 million" */
              v *= sc->scale;
              j = b;
            }
          }
        }
      }
      if (kind == TY_NUM_PLAIN && plain && digits == 4 && v >= 1000 &&
          v <= 2999)
        kind = TY_NUM_YEAR;
      /* A day beside a month name: "July 21", "21 July". */
      if (plain && digits <= 2 && v >= 1 && v <= 31 &&
          (kind == TY_NUM_PLAIN || kind == TY_NUM_ORDINAL) &&
          last_month != (size_t)-1 && skip_spaces(s, n, last_month_end) == i)
        kind = TY_NUM_DAY;
      unsigned flags = enclosed(s, n, i, e) ? TY_NUM_OPTIONAL : 0;
      if (ref_before(s, i, prev_ref)) flags |= TY_NUM_REF;
      add_number(out, v, kind, flags, i, j - i);
      prev_ref = (flags & TY_NUM_REF) ? j : (size_t)-1;
      last_num_end = (plain && digits <= 2) ? j : (size_t)-1;
      last_month = (size_t)-1;
      i = j;
      continue;
    }
    if (!is_alpha(c)) {
      i++;
      continue;
    }
    size_t e = i;
    while (e < n && is_alpha(s[e]))
      e++;
    if (i > 0 && is_alnum(s[i - 1])) { /* inside a token ("G7x") */
      i = e;
      continue;
    }
    double roman = roman_at(x, s, i, e);
    if (roman > 0) { /* Chapter III: a reference */
      add_number(out, roman, TY_NUM_PLAIN,
                 ref_before(s, i, prev_ref) ? TY_NUM_REF : 0, i, e - i);
      i = e;
      last_num_end = (size_t)-1;
      last_month = (size_t)-1;
      continue;
    }
    /* Month names: capitalised, as ICU writes them. */
    if (c >= 'A' && c <= 'Z') {
      size_t a = e;
      if (a < n && s[a] == '.') a++;
      a = skip_spaces(s, n, a);
      int dated_after = a < n && is_digit(s[a]);
      int dated_before =
          last_num_end != (size_t)-1 && skip_spaces(s, n, last_num_end) == i;
      int m = month_at(x, s, i, e, dated_after || dated_before);
      if (m) {
        if (dated_before && out->n && out->v[out->n - 1].value <= 31)
          out->v[out->n - 1].kind = TY_NUM_DAY;
        add_number(out, m, TY_NUM_MONTH,
                   (dated_after || dated_before) ? 0 : TY_NUM_OPTIONAL, i,
                   e - i);
        last_month = out->n - 1;
        last_month_end = (e < n && s[e] == '.') ? e + 1 : e;
        last_num_end = (size_t)-1;
        i = e;
        continue;
      }
    }
    int implicit = 0;
    /* the phrases start with "this", "last", "next", "the", "that" */
    char l = lower(c);
    int may = (e - i == 3 || e - i == 4) && (l == 't' || l == 'l' || l == 'n');
    for (size_t k = 0; may && k < sizeof en_implicit_years / sizeof(char *);
         k++) {
      const char *p = en_implicit_years[k];
      if (starts_word(s, n, i, p)) {
        add_number(out, 0, TY_NUM_YEAR, TY_NUM_OPTIONAL | TY_NUM_ANY, i,
                   strlen(p));
        i += strlen(p);
        implicit = 1;
        break;
      }
    }
    if (implicit) continue;
    double v;
    int ordinal;
    size_t w = read_words(x, s, n, i, e, &v, &ordinal);
    /* Adverbs of how often, which spell-out rules do not have. */
    static const char *const times[] = {"once", "twice", "thrice"};
    for (int k = 0; !w && (l == 'o' || l == 't') && k < 3; k++)
      if (e - i == strlen(times[k]) && starts_word(s, n, i, times[k])) {
        v = k + 1;
        ordinal = 0;
        w = e;
      }
    if (w) {
      add_number(out, v, ordinal ? TY_NUM_ORDINAL : TY_NUM_PLAIN,
                 TY_NUM_OPTIONAL, i, w - i);
      i = w;
    } else {
      i = e;
    }
    last_num_end = (size_t)-1;
    last_month = (size_t)-1;
  }
}

void ty_extract_numbers(ty_extractor *x, const char *s, size_t n, ty_lang lang,
                        ty_numbers *out) {
  if (lang == TY_JA)
    extract_ja(x, s, n, out);
  else
    extract_en(x, s, n, out);
}
