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
 * clause.
 *
 * This file holds the extractor (its ICU objects and English number
 * vocabulary), NFKC and the scanning helpers both languages share;
 * extract_ja.c and extract_en.c read the two languages. */
#include "extract.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

/* ---- the extractor and its ICU data ------------------------------------- */

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

const vocab_word *ty_extract_vocab_find(const ty_extractor *x, const char *w,
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
double ty_extract_spell_parse(ty_extractor *x, const char *s, size_t n,
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
      int known = ty_extract_vocab_find(x, w, (size_t)k) != NULL;
      vocab_word *e = vocab_add(x, w, (size_t)k);
      if (e) {
        size_t used = 0;
        /* each new word read alone once: ICU's parsing is not cheap */
        double alone =
            known ? -1 : ty_extract_spell_parse(x, w, (size_t)k, &used, 0);
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
    if (r->len) x->era_firsts |= 1ULL << (r->first & 63);
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
  for (uint64_t w; i + 8 <= n; i += 8) { /* ASCII eight bytes at a time */
    memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ULL) break;
  }
  while (i < n && (unsigned char)s[i] < 0x80)
    i++;
  if (i == n || !x->nfkc || n > INT32_MAX / 4) {
    ty_buf_put(out, s, n);
    return;
  }
  UErrorCode st = U_ZERO_ERROR;
  int32_t len = 0;
  grow16(&x->u16, &x->u16cap, (int32_t)n + 1);
  /* strictly first: well-formed text (all but a fuzzer's) is told so */
  u_strFromUTF8(x->u16, x->u16cap, &len, s, (int32_t)n, &st);
  int well_formed = U_SUCCESS(st);
  if (!well_formed) {
    st = U_ZERO_ERROR;
    u_strFromUTF8Lenient(x->u16, x->u16cap, &len, s, (int32_t)n, &st);
  }
  if (U_FAILURE(st)) {
    ty_buf_put(out, s, n);
    return;
  }
  const UChar *src = x->u16;
  int32_t m = len;
  /* Most text is already NFKC (English, or Japanese without full-width
   * forms): then it is its own form, when it is well-formed (ICU's lenient
   * conversion keeps no ill-formed bytes, so those still go through it). */
  int32_t yes = unorm2_spanQuickCheckYes(x->nfkc, x->u16, len, &st);
  if (yes == len && U_SUCCESS(st) && well_formed) {
    ty_buf_put(out, s, n);
    return;
  }
  if (yes < len) {
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

void ty_extract_add(ty_numbers *l, double v, ty_num_kind kind, unsigned flags,
                    size_t off, size_t len) {
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
size_t ty_extract_decimal(const char *s, size_t n, size_t i, double *v,
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

/* A section reference before the number at s[i]: "§" or a word
 * "Section(s)", "Chapter(s)", "Appendix", "Sec." (debian-faq: "see
 * Section 12.1, “…”", the Debian constitution: "see §4.1(3)"), or a
 * reference just before joined by "," "and" "or" "to" ("Sections 4.1 and
 * 4.2"), whose end is prev_ref. */
int ty_extract_ref_before(const char *s, size_t i, size_t prev_ref) {
  static const char *const words[] = {
      "section", "sections", "chapter", "chapters", "appendix", "sec", "sect"};
  /* the next component of a dotted reference: the 1 and 5 of "Section
   * 8.1.5" (debian-faq en.txt 8.1.3, read one component at a time) */
  if (prev_ref != (size_t)-1 && i == prev_ref + 1 && s[prev_ref] == '.')
    return 1;
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

/* A Roman numeral s[i..e) of I, V and X, at least two letters (II, IV,
 * XIV: Chapter III, World War II; NFKC makes Ⅲ "III" in Japanese too),
 * read by ICU; its value, or -1.  Single letters are words or initials,
 * and L C D M make words (DC, CD, MD) more often than numbers. */
double ty_extract_roman(ty_extractor *x, const char *s, size_t i, size_t e) {
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

/* A number at s[i] inside a printf conversion (%2$s, %.250s, %08x) of a
 * software message: an argument position or a width, not a number the
 * text states. */
int ty_extract_in_format(const char *s, size_t i) {
  size_t k = i;
  while (k > 0 && i - k < 8 &&
         (is_digit(s[k - 1]) || s[k - 1] == '.' || s[k - 1] == '$' ||
          s[k - 1] == '-' || s[k - 1] == '+' || s[k - 1] == '#' ||
          s[k - 1] == '*'))
    k--;
  return k > 0 && s[k - 1] == '%';
}

/* A number in parentheses, "(1)", inside a sentence enumerates; the other
 * language may enumerate differently or not at all. */
int ty_extract_enclosed(const char *s, size_t n, size_t a, size_t z) {
  return a > 0 && s[a - 1] == '(' && z < n && s[z] == ')' && z - a <= 2;
}

/* A month name at s[i..e) (case as ICU writes it); 1..12 or 0.  Short
 * names only count when `dated` (followed by a day or year). */
int ty_extract_month(const ty_extractor *x, const char *s, size_t i, size_t e,
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

int ty_extract_in_name(const char *s, size_t n, size_t i, size_t e) {
  return i > 0 && is_alpha(s[i - 1]) && e < n && is_alpha(s[e]);
}

size_t ty_extract_idiom(const char *s, size_t n, size_t i) {
  /* "24/7", around the clock (debian-faq en.txt 3.2.1 "designed to run
   * 24/7", ja 常時運用) */
  if (i > 0 && (is_alnum(s[i - 1]) || s[i - 1] == '/')) return 0;
  if (!starts(s, n, i, "24/7")) return 0;
  size_t e = i + 4;
  if (e < n && (is_alnum(s[e]) || s[e] == '/')) return 0;
  return e;
}

/* The variable an inequality before s[i] bounds ("x>=", "n > ", "x ≥ "):
 * its letter in lower case, or 0 ("k = 3" states a value). */
static char bound_variable(const char *s, size_t i) {
  size_t k = i;
  while (k > 0 && s[k - 1] == ' ')
    k--;
  if (k >= 3 && (unsigned char)s[k - 3] == 0xE2 &&
      (unsigned char)s[k - 2] == 0x89 &&
      ((unsigned char)s[k - 1] == 0xA4 || (unsigned char)s[k - 1] == 0xA5))
    k -= 3; /* ≤ ≥ */
  else if (k >= 1 && (s[k - 1] == '>' || s[k - 1] == '<'))
    k--;
  else if (k >= 2 && s[k - 1] == '=' && (s[k - 2] == '>' || s[k - 2] == '<'))
    k -= 2;
  else
    return 0;
  while (k > 0 && s[k - 1] == ' ')
    k--;
  if (k == 0 || !is_alpha(s[k - 1])) return 0;
  if (k >= 2 && (is_alnum(s[k - 2]) || s[k - 2] == '_')) return 0; /* a word */
  return lower(s[k - 1]);
}

/* The first family name in s with the variable v standing for a digit
 * between digits ("680x0", "80x86"), v replaced by digit d; -1 if none. */
static double family_member(const char *s, size_t n, char v, int d) {
  for (size_t p = 1; p + 1 < n; p++) {
    if (lower(s[p]) != v || !is_digit(s[p - 1]) || !is_digit(s[p + 1]))
      continue;
    size_t a = p, b = p + 1;
    while (a > 0 && is_digit(s[a - 1]))
      a--;
    while (b < n && is_digit(s[b]))
      b++;
    if ((a > 0 && is_alpha(s[a - 1])) || (b < n && is_alpha(s[b])) ||
        b - a > 12)
      continue;
    double m = 0;
    for (size_t t = a; t < b; t++)
      m = m * 10 + (t == p ? d : s[t] - '0');
    return m;
  }
  return -1;
}

/* Checked on debian-faq en.txt 4.1 ("a Motorola 680x0 processor for
 * x>=2"), whose Japanese says "680x0 プロセッサ (68020 以降)". */
int ty_extract_bound(const char *s, size_t n, size_t i, size_t e, double v,
                     ty_numbers *out) {
  char var = bound_variable(s, i);
  if (!var) return 0;
  ty_extract_add(out, v, TY_NUM_PLAIN, TY_NUM_OPTIONAL, i, e - i);
  if (v >= 0 && v <= 9 && v == (int)v) {
    double m = family_member(s, n, var, (int)v);
    if (m >= 0) ty_extract_add(out, m, TY_NUM_PLAIN, TY_NUM_OPTIONAL, i, e - i);
  }
  return 1;
}

/* A gloss: parentheses opened right after a Latin-script word (a space
 * between allowed) and holding Japanese, the number inside them.
 * Checked on debian-faq ja.txt 6.5.1, "NoRCBugs (RCバグ0)" for the
 * English "NoRCBugs". */
int ty_extract_in_gloss(const char *s, size_t n, size_t i) {
  /* no '(' among the 64 bytes before: no gloss (most numbers) */
  size_t from = i > 64 ? i - 64 : 0;
  if (!memchr(s + from, '(', i - from)) return 0;
  size_t k = i;
  int japanese = 0;
  while (k > 0 && i - k < 64 && s[k - 1] != '(') {
    unsigned char c = (unsigned char)s[k - 1];
    if (c == ')' || c == '\n') return 0;
    japanese |= c >= 0xE3 && c <= 0xE9; /* kana and kanji lead bytes */
    k--;
  }
  if (k == 0 || s[k - 1] != '(') return 0;
  for (size_t j = i; !japanese && j < n && j - i < 64 && s[j] != ')'; j++)
    japanese = (unsigned char)s[j] >= 0xE3 && (unsigned char)s[j] <= 0xE9;
  size_t w = k - 1;
  if (w > 0 && s[w - 1] == ' ') w--;
  return japanese && w >= 2 && is_alpha(s[w - 1]) && is_alpha(s[w - 2]);
}

void ty_extract_numbers(ty_extractor *x, const char *s, size_t n, ty_lang lang,
                        ty_numbers *out) {
  if (lang == TY_JA)
    ty_extract_ja(x, s, n, out);
  else
    ty_extract_en(x, s, n, out);
}
