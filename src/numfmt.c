/* numfmt.c — a number written in a numbering system: the numerals of the
 * list markers a browser shows (CSS counter styles, counter.c) and of the
 * automatic numbers of Word and LibreOffice (wordnum.c), from one set of
 * rules.  The systems ICU knows (roman, jpan, jpanfin, hanidec,
 * fullwide, hans, hant) are written by ICU, without grouping; the
 * alphabetic ones (Latin letters, kana in gojūon and iroha order, the
 * heavenly stems, the earthly branches) from their symbol lists, counted
 * the way the caller's producer counts; enclosed digits by code point. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/unum.h>
#include <unicode/ustring.h>

/* The kana in CSS's order (CSS Counter Styles 3, `katakana`, ...; ヰ ヱ
 * included, as browsers count them). */
static const char *const KATAKANA[] = {
    "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ",
    "ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ",
    "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ", "マ", "ミ", "ム", "メ", "モ", "ヤ",
    "ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ", "ヰ", "ヱ", "ヲ", "ン"};
/* Word's aiueo: the same without ヰ and ヱ. */
static const char *const AIUEO[] = {
    "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ",
    "ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ",
    "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ", "マ", "ミ", "ム", "メ", "モ", "ヤ",
    "ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ", "ヲ", "ン"};
static const char *const KATAKANA_IROHA[] = {
    "イ", "ロ", "ハ", "ニ", "ホ", "ヘ", "ト", "チ", "リ", "ヌ", "ル", "ヲ",
    "ワ", "カ", "ヨ", "タ", "レ", "ソ", "ツ", "ネ", "ナ", "ラ", "ム", "ウ",
    "ヰ", "ノ", "オ", "ク", "ヤ", "マ", "ケ", "フ", "コ", "エ", "テ", "ア",
    "サ", "キ", "ユ", "メ", "ミ", "シ", "ヱ", "ヒ", "モ", "セ", "ス"};
static const char *const HIRAGANA[] = {
    "あ", "い", "う", "え", "お", "か", "き", "く", "け", "こ", "さ", "し",
    "す", "せ", "そ", "た", "ち", "つ", "て", "と", "な", "に", "ぬ", "ね",
    "の", "は", "ひ", "ふ", "へ", "ほ", "ま", "み", "む", "め", "も", "や",
    "ゆ", "よ", "ら", "り", "る", "れ", "ろ", "わ", "ゐ", "ゑ", "を", "ん"};
static const char *const HIRAGANA_IROHA[] = {
    "い", "ろ", "は", "に", "ほ", "へ", "と", "ち", "り", "ぬ", "る", "を",
    "わ", "か", "よ", "た", "れ", "そ", "つ", "ね", "な", "ら", "む", "う",
    "ゐ", "の", "お", "く", "や", "ま", "け", "ふ", "こ", "え", "て", "あ",
    "さ", "き", "ゆ", "め", "み", "し", "ゑ", "ひ", "も", "せ", "す"};
static const char *const LOWER_LATIN[] = {
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"};
static const char *const UPPER_LATIN[] = {
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
    "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z"};
static const char *const STEMS[] = {"甲", "乙", "丙", "丁", "戊",
                                    "己", "庚", "辛", "壬", "癸"};
static const char *const ZODIAC[] = {"子", "丑", "寅", "卯", "辰", "巳",
                                     "午", "未", "申", "酉", "戌", "亥"};

#define COUNT(a) (int)(sizeof a / sizeof *a)

typedef struct symbols {
  const char *const *sym;
  int n;
} symbols;

static const symbols SYMBOLS[] = {
    [TY_NS_LOWER_LATIN] = {LOWER_LATIN, COUNT(LOWER_LATIN)},
    [TY_NS_UPPER_LATIN] = {UPPER_LATIN, COUNT(UPPER_LATIN)},
    [TY_NS_KATAKANA] = {KATAKANA, COUNT(KATAKANA)},
    [TY_NS_AIUEO] = {AIUEO, COUNT(AIUEO)},
    [TY_NS_KATAKANA_IROHA] = {KATAKANA_IROHA, COUNT(KATAKANA_IROHA)},
    [TY_NS_HIRAGANA] = {HIRAGANA, COUNT(HIRAGANA)},
    [TY_NS_HIRAGANA_IROHA] = {HIRAGANA_IROHA, COUNT(HIRAGANA_IROHA)},
    [TY_NS_STEMS] = {STEMS, COUNT(STEMS)},
    [TY_NS_ZODIAC] = {ZODIAC, COUNT(ZODIAC)},
};

/* The ICU locales of the systems ICU writes, with the values it is asked
 * for (roman stops at 3999; the CJK ones at a hundred million). */
static const struct {
  ty_numsys sys;
  const char *locale;
  long min, max;
} ICU_SYSTEMS[TY_NUMFMT_ICU] = {
    {TY_NS_JPAN, "ja@numbers=jpan", 0, 99999999},
    {TY_NS_JPANFIN, "ja@numbers=jpanfin", 0, 99999999},
    {TY_NS_HANIDEC, "ja@numbers=hanidec", 0, 99999999},
    {TY_NS_FULLWIDE, "en@numbers=fullwide", 0, 99999999},
    {TY_NS_UPPER_ROMAN, "en@numbers=roman", 1, 3999},
    {TY_NS_LOWER_ROMAN, "en@numbers=romanlow", 1, 3999},
    {TY_NS_HANS, "zh@numbers=hans", 0, 99999999},
    {TY_NS_HANT, "zh_Hant@numbers=hant", 0, 99999999},
};

static int icu_index(ty_numsys sys) {
  for (int i = 0; i < TY_NUMFMT_ICU; i++)
    if (ICU_SYSTEMS[i].sys == sys) return i;
  return -1;
}

void ty_numfmt_close(ty_numfmt *f) {
  for (int i = 0; i < TY_NUMFMT_ICU; i++)
    if (f->icu[i]) unum_close(f->icu[i]);
  memset(f, 0, sizeof *f);
}

static UNumberFormat *icu_open(int i) {
  UErrorCode st = U_ZERO_ERROR;
  UNumberFormat *u =
      unum_open(UNUM_DEFAULT, NULL, 0, ICU_SYSTEMS[i].locale, NULL, &st);
  if (U_FAILURE(st)) return NULL;
  /* 一〇〇〇, not 一,〇〇〇: a list number is not a quantity */
  unum_setAttribute(u, UNUM_GROUPING_USED, 0);
  return u;
}

static int icu_put(ty_numfmt *f, int i, long v, ty_buf *out) {
  if (v < ICU_SYSTEMS[i].min || v > ICU_SYSTEMS[i].max) return 0;
  UNumberFormat *u = f ? f->icu[i] : NULL;
  if (!u && !(u = icu_open(i))) return 0;
  if (f) f->icu[i] = u;
  UErrorCode st = U_ZERO_ERROR;
  UChar w[64];
  char s[256];
  int32_t n = unum_format(u, (int32_t)v, w, 64, NULL, &st);
  int32_t m = 0;
  if (U_SUCCESS(st) && n < 64) u_strToUTF8(s, (int32_t)sizeof s, &m, w, n, &st);
  if (!f) unum_close(u);
  if (U_FAILURE(st) || n >= 64 || m <= 0) return 0;
  ty_buf_put(out, s, (size_t)m);
  return 1;
}

/* v (from 1) over a symbol list, counted as seq says. */
static void symbolic(const symbols *s, ty_numseq seq, long v, ty_buf *out) {
  if (seq == TY_NUM_CYCLIC) {
    ty_buf_puts(out, s->sym[(v - 1) % s->n]);
  } else if (seq == TY_NUM_REPEATED) {
    for (long k = 0; k <= (v - 1) / s->n && k < 50; k++)
      ty_buf_puts(out, s->sym[(v - 1) % s->n]);
  } else { /* bijective base n: z, aa, ab */
    int digits[32], nd = 0;
    while (v > 0 && nd < 32) {
      v--;
      digits[nd++] = (int)(v % s->n);
      v /= s->n;
    }
    while (nd > 0)
      ty_buf_puts(out, s->sym[digits[--nd]]);
  }
}

/* The code point of v among enclosed digits, 0 past the set. */
static int32_t enclosed(ty_numsys sys, long v) {
  switch (sys) {
  case TY_NS_CIRCLED:
    if (v >= 1 && v <= 20) return (int32_t)(0x2460 + v - 1);
    if (v >= 21 && v <= 35) return (int32_t)(0x3251 + v - 21);
    if (v >= 36 && v <= 50) return (int32_t)(0x32B1 + v - 36);
    return 0;
  case TY_NS_FULLSTOP: return v >= 1 && v <= 20 ? (int32_t)(0x2488 + v - 1) : 0;
  case TY_NS_PAREN: return v >= 1 && v <= 20 ? (int32_t)(0x2474 + v - 1) : 0;
  case TY_NS_IDEOGRAPH_CIRCLED:
    return v >= 1 && v <= 10 ? (int32_t)(0x3280 + v - 1) : 0;
  default: return 0;
  }
}

int ty_numfmt_put(ty_numfmt *f, ty_numsys sys, ty_numseq seq, long v,
                  ty_buf *out) {
  int i = icu_index(sys);
  if (i >= 0) return icu_put(f, i, v, out);
  int32_t cp = enclosed(sys, v);
  if (cp) {
    char b[4];
    ty_buf_put(out, b, (size_t)ty_utf8_encode(cp, b));
    return 1;
  }
  switch (sys) {
  case TY_NS_DECIMAL: ty_buf_printf(out, "%ld", v); return 1;
  case TY_NS_DECIMAL_ZERO: ty_buf_printf(out, "%02ld", v); return 1;
  case TY_NS_LOWER_LATIN:
  case TY_NS_UPPER_LATIN:
  case TY_NS_KATAKANA:
  case TY_NS_AIUEO:
  case TY_NS_KATAKANA_IROHA:
  case TY_NS_HIRAGANA:
  case TY_NS_HIRAGANA_IROHA:
  case TY_NS_STEMS:
  case TY_NS_ZODIAC:
    if (v < 1) return 0;
    symbolic(&SYMBOLS[sys], seq, v, out);
    return 1;
  default: return 0;
  }
}
