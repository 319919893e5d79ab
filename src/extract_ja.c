/* extract_ja.c — the numbers of Japanese text: digits and kanji numerals
 * (positional, multiplicative, with 万/億/兆), counters and units, dates,
 * era years through ICU's Japanese calendar, implicit years (本年). */
#include "extract.h"
#include "utf8_inline.h"

#include <unicode/uchar.h>

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
  return numeral_value(ty_utf8_decode_inline(s + i, n - i, len));
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
      i = ty_extract_decimal(s, n, i, &cur, &plain);
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
  /* every character of a text comes here: most start no era's name */
  if (!(x->era_firsts >> (c & 63) & 1)) return 0;
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

/* A word of ASCII letters at s[i] in Japanese text: a Roman numeral, or an
 * English month name left as it is ("in June 2018", both sides of
 * developers-reference 4.12), as the English extractor reads it.  Returns
 * the end of the word. */
static size_t latin_word(ty_extractor *x, const char *s, size_t n, size_t i,
                         ty_numbers *out) {
  size_t e = i;
  while (e < n && is_alpha(s[e]))
    e++;
  double v = ty_extract_roman(x, s, i, e);
  size_t a = skip_spaces(s, n, e);
  int dated = a < n && is_digit(s[a]);
  int m = v > 0 ? 0 : ty_extract_month(x, s, i, e, dated);
  if (v > 0)
    ty_extract_add(out, v, TY_NUM_PLAIN, 0, i, e - i);
  else if (m)
    ty_extract_add(out, m, TY_NUM_MONTH, dated ? 0 : TY_NUM_OPTIONAL, i, e - i);
  return e;
}

/* A character c (of byte length len) at s[i] that is no numeral: an era
 * year or an implicit year starting there is added.  Returns where the
 * scan goes on. */
static size_t era_or_implicit_year(ty_extractor *x, const char *s, size_t n,
                                   size_t i, int32_t c, int len,
                                   ty_numbers *out) {
  int year, implicit;
  size_t e = x->neras ? read_era(x, s, n, i, c, &year) : 0;
  if (e) {
    ty_extract_add(out, year, TY_NUM_YEAR, 0, i, e - i);
    return e + strlen("年");
  }
  if ((implicit = implicit_year_at(s, n, i, c, len)) > 0) {
    ty_extract_add(out, 0, TY_NUM_YEAR, TY_NUM_OPTIONAL | TY_NUM_ANY, i,
                   (size_t)implicit);
    return i + (size_t)implicit;
  }
  return i + (size_t)len;
}

/* An hour after 午前/午後 (午後三時, "3 p.m."): 時 alone is no counter
 * (一時, "temporary"). */
static int time_of_day(const char *s, size_t n, size_t i, const ja_numeral *r) {
  return i >= 6 &&
         (memcmp(s + i - 6, "午後", 6) == 0 ||
          memcmp(s + i - 6, "午前", 6) == 0) &&
         starts(s, n, r->end, "時");
}

/* Whether the numeral r read at s[i] states a number: ASCII digits
 * (outside printf conversions), a kanji numeral after 第 or before a
 * counter, never a 〇〇 placeholder or a vague 数十. */
static int numeral_counts(const char *s, size_t n, size_t i,
                          const ja_numeral *r) {
  int32_t before = prev_char(s, i);
  if (r->ascii)
    return !ty_extract_in_format(s, i) && !ty_extract_in_name(s, n, i, r->end);
  if (r->zero_only || vague_before(before)) return 0;
  if (before == 0x7B2C /* 第 */)
    return !starts(s, n, r->end, "者"); /* 第三者: a third party */
  return counter_at(s, n, r->end) > 0 || time_of_day(s, n, i, r);
}

/* The kind of the number r at s[i] by what follows it (年 月 日 % 割) or
 * stands before it (第); *v is scaled for 割. */
static ty_num_kind numeral_kind(const char *s, size_t n, size_t i,
                                const ja_numeral *r, double *v) {
  int32_t before = prev_char(s, i);
  if (starts(s, n, r->end, "年") && *v >= 1000 && !starts(s, n, r->end, "年間"))
    return TY_NUM_YEAR;
  if (starts(s, n, r->end, "月") && *v >= 1 && *v <= 12) return TY_NUM_MONTH;
  if (starts(s, n, r->end, "日") && *v >= 1 && *v <= 31 &&
      before == 0x6708 /* 月 */)
    return TY_NUM_DAY;
  if (starts(s, n, r->end, "%") || starts(s, n, r->end, "パーセント"))
    return TY_NUM_PERCENT;
  if (starts(s, n, r->end, "割")) {
    *v *= 10; /* 3割 is 30 percent */
    return TY_NUM_PERCENT;
  }
  if (before == 0x7B2C /* 第 */) return TY_NUM_ORDINAL;
  return TY_NUM_PLAIN;
}

/* Adds the number r read at s[i]; *prev_ref is the end of a reference
 * just read (kept for the next number). */
static void add_numeral(const char *s, size_t n, size_t i, const ja_numeral *r,
                        size_t *prev_ref, ty_numbers *out) {
  int dai = prev_char(s, i) == 0x7B2C; /* 第 */
  size_t unit = counter_at(s, n, r->end);
  double v = r->value;
  ty_num_kind kind = numeral_kind(s, n, i, r, &v);
  unsigned flags = 0;
  if (v < 1000 && and_a_half(s, n, r->end)) v += 0.5;
  /* A kanji digit counting things (三つ, 五か国, 三分の二) is as often
   * "three", "both" or "two-thirds" in English as a figure. */
  if (!r->ascii && !dai && v < 10 && kind == TY_NUM_PLAIN &&
      !time_of_day(s, n, i, r))
    flags |= TY_NUM_OPTIONAL;
  if (ty_extract_enclosed(s, n, i, r->end) || ty_extract_in_gloss(s, n, i))
    flags |= TY_NUM_OPTIONAL;
  /* 4.1節, 3章, §4.1, 第3章 in prose: a reference */
  size_t unit_at = skip_spaces(s, n, r->end); /* "9.1 節" */
  if (starts(s, n, unit_at, "節") || starts(s, n, unit_at, "章") ||
      (r->ascii && ty_extract_ref_before(s, i, *prev_ref)))
    flags |= TY_NUM_REF;
  /* 16進, 8進: "hexadecimal", "octal" */
  if (starts(s, n, r->end, "進")) flags |= TY_NUM_OPTIONAL;
  ty_extract_add(out, v, kind, flags, i, r->end - i);
  *prev_ref = (flags & TY_NUM_REF) ? r->end : (size_t)-1;
  /* 2以上, 2回以上: "two or more", but also "more than one(ce)";
   * 3以下: "3 or less", "fewer than 4". */
  size_t after = r->end + (starts(s, n, r->end + unit, "以") ? unit : 0);
  if (starts(s, n, after, "以上"))
    out->v[out->n - 1].alt = v - 1;
  else if (starts(s, n, after, "以下"))
    out->v[out->n - 1].alt = v + 1;
}

void ty_extract_ja(ty_extractor *x, const char *s, size_t n, ty_numbers *out) {
  size_t i = 0;
  size_t prev_ref = (size_t)-1; /* end of a reference just read */
  while (i < n) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80 && !is_digit(s[i])) {
      if (is_alpha(s[i]) && (i == 0 || !is_alpha(s[i - 1])))
        i = latin_word(x, s, n, i, out);
      else
        i++;
      continue;
    }
    if (b >= 0x80) {
      int len;
      int32_t c = ty_utf8_decode_inline(s + i, n - i, &len);
      if (numeral_value(c) < 0) {
        i = era_or_implicit_year(x, s, n, i, c, len, out);
        continue;
      }
    }
    size_t idiom = ty_extract_idiom(s, n, i);
    if (idiom) {
      i = idiom;
      continue;
    }
    ja_numeral r;
    if (!read_ja_numeral(s, n, i, &r)) { /* 万 alone */
      int len;
      ty_utf8_decode_inline(s + i, n - i, &len);
      i += (size_t)len;
      continue;
    }
    if (r.ascii && ty_extract_bound(s, n, i, r.end, r.value, out))
      ; /* x>=2: the same as in English */
    else if (numeral_counts(s, n, i, &r))
      add_numeral(s, n, i, &r, &prev_ref, out);
    i = r.end;
  }
}
