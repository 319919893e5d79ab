/* counter.c — the list markers a browser displays: CSS counter styles
 * (CSS Counter Styles Level 3, the predefined ones) and the HTML `type`
 * attribute of <ol>, turned into the marker text ("3.", "iv.", "十二、",
 * "ハ、") that the numbering stage reads as it reads a marker typed by
 * hand.  Numerals that ICU knows as numbering systems (roman, jpan,
 * jpanfin, hanidec) are formatted by ICU; alphabetic systems (latin,
 * kana) are spelled from the symbol lists the CSS specification gives. */
#include "internal.h"

#include <string.h>
#include <strings.h>

#include <unicode/unum.h>
#include <unicode/ustring.h>

/* CSS `katakana`, `katakana-iroha`, `hiragana`, `hiragana-iroha`
 * symbols, in the specification's order (ヰ ヱ included, as browsers
 * count them). */
static const char *const katakana[] = {
    "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ",
    "ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ",
    "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ", "マ", "ミ", "ム", "メ", "モ", "ヤ",
    "ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ", "ヰ", "ヱ", "ヲ", "ン"};
static const char *const katakana_iroha[] = {
    "イ", "ロ", "ハ", "ニ", "ホ", "ヘ", "ト", "チ", "リ", "ヌ", "ル", "ヲ",
    "ワ", "カ", "ヨ", "タ", "レ", "ソ", "ツ", "ネ", "ナ", "ラ", "ム", "ウ",
    "ヰ", "ノ", "オ", "ク", "ヤ", "マ", "ケ", "フ", "コ", "エ", "テ", "ア",
    "サ", "キ", "ユ", "メ", "ミ", "シ", "ヱ", "ヒ", "モ", "セ", "ス"};
static const char *const hiragana[] = {
    "あ", "い", "う", "え", "お", "か", "き", "く", "け", "こ", "さ", "し",
    "す", "せ", "そ", "た", "ち", "つ", "て", "と", "な", "に", "ぬ", "ね",
    "の", "は", "ひ", "ふ", "へ", "ほ", "ま", "み", "む", "め", "も", "や",
    "ゆ", "よ", "ら", "り", "る", "れ", "ろ", "わ", "ゐ", "ゑ", "を", "ん"};
static const char *const hiragana_iroha[] = {
    "い", "ろ", "は", "に", "ほ", "へ", "と", "ち", "り", "ぬ", "る", "を",
    "わ", "か", "よ", "た", "れ", "そ", "つ", "ね", "な", "ら", "む", "う",
    "ゐ", "の", "お", "く", "や", "ま", "け", "ふ", "こ", "え", "て", "あ",
    "さ", "き", "ゆ", "め", "み", "し", "ゑ", "ひ", "も", "せ", "す"};
static const char *const lower_latin[] = {
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"};
static const char *const upper_latin[] = {
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
    "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z"};

#define N_OF(a) (int)(sizeof a / sizeof a[0])

typedef struct style {
  const char *name;
  ty_counter_style id;
} style;

static const style styles[] = {
    {"decimal", TY_CS_DECIMAL},
    {"decimal-leading-zero", TY_CS_DECIMAL_ZERO},
    {"lower-alpha", TY_CS_LOWER_LATIN},
    {"lower-latin", TY_CS_LOWER_LATIN},
    {"upper-alpha", TY_CS_UPPER_LATIN},
    {"upper-latin", TY_CS_UPPER_LATIN},
    {"lower-roman", TY_CS_LOWER_ROMAN},
    {"upper-roman", TY_CS_UPPER_ROMAN},
    {"cjk-ideographic", TY_CS_CJK},
    {"japanese-informal", TY_CS_CJK},
    {"trad-chinese-informal", TY_CS_CJK},
    {"simp-chinese-informal", TY_CS_CJK},
    {"japanese-formal", TY_CS_CJK_FORMAL},
    {"cjk-decimal", TY_CS_CJK_DECIMAL},
    {"katakana", TY_CS_KATAKANA},
    {"katakana-iroha", TY_CS_KATAKANA_IROHA},
    {"hiragana", TY_CS_HIRAGANA},
    {"hiragana-iroha", TY_CS_HIRAGANA_IROHA},
    {"disc", TY_CS_BULLET},
    {"circle", TY_CS_BULLET},
    {"square", TY_CS_BULLET},
    {"none", TY_CS_NONE},
};

int ty_counter_style_named(const char *s, size_t n, ty_counter_style *out) {
  for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++)
    if (strlen(styles[i].name) == n && strncasecmp(styles[i].name, s, n) == 0) {
      *out = styles[i].id;
      return 1;
    }
  return 0;
}

int ty_counter_style_of_type(const char *type, ty_counter_style *out) {
  /* the `type` attribute is case-sensitive: "a" and "A" differ */
  static const struct {
    const char *t;
    ty_counter_style id;
  } types[] = {{"1", TY_CS_DECIMAL},     {"a", TY_CS_LOWER_LATIN},
               {"A", TY_CS_UPPER_LATIN}, {"i", TY_CS_LOWER_ROMAN},
               {"I", TY_CS_UPPER_ROMAN}, {"disc", TY_CS_BULLET},
               {"circle", TY_CS_BULLET}, {"square", TY_CS_BULLET}};
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
    if (strcmp(type, types[i].t) == 0) {
      *out = types[i].id;
      return 1;
    }
  return 0;
}

/* Bijective base-N over `sym` (a..z, aa..; ア..ン, アア..), CSS's
 * alphabetic system. */
static void alphabetic(ty_buf *b, long v, const char *const *sym, int nsym) {
  int digits[32], nd = 0;
  while (v > 0 && nd < 32) {
    v--;
    digits[nd++] = (int)(v % nsym);
    v /= nsym;
  }
  while (nd > 0)
    ty_buf_puts(b, sym[digits[--nd]]);
}

/* v in the ICU numbering system of `locale` ("en@numbers=roman");
 * returns 0 when ICU cannot. */
static int icu_numeral(ty_buf *b, long v, const char *locale, int lower) {
  UErrorCode st = U_ZERO_ERROR;
  UNumberFormat *f =
      unum_open(UNUM_NUMBERING_SYSTEM, NULL, 0, locale, NULL, &st);
  if (U_FAILURE(st)) return 0;
  UChar u[64];
  int32_t n = unum_format(f, (int32_t)v, u, 64, NULL, &st);
  unum_close(f);
  if (U_FAILURE(st) || n <= 0 || n >= 64) return 0;
  char out[256];
  int32_t m = 0;
  st = U_ZERO_ERROR;
  u_strToUTF8(out, (int32_t)sizeof out, &m, u, n, &st);
  if (U_FAILURE(st) || m <= 0 || m >= (int32_t)sizeof out) return 0;
  for (int32_t i = 0; lower && i < m; i++)
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = (char)(out[i] - 'A' + 'a');
  ty_buf_put(b, out, (size_t)m);
  return 1;
}

void ty_counter_marker(ty_buf *b, ty_counter_style s, long v) {
  ty_buf_clear(b);
  int cjk = 0, ok = 1;
  switch (s) {
  case TY_CS_NONE: return;
  case TY_CS_BULLET: ty_buf_putc(b, '-'); return;
  case TY_CS_DECIMAL_ZERO:
    ty_buf_printf(b, v >= 0 && v < 10 ? "0%ld" : "%ld", v);
    break;
  case TY_CS_LOWER_LATIN:
  case TY_CS_UPPER_LATIN:
    if ((ok = v >= 1))
      alphabetic(b, v, s == TY_CS_LOWER_LATIN ? lower_latin : upper_latin, 26);
    break;
  case TY_CS_LOWER_ROMAN:
  case TY_CS_UPPER_ROMAN:
    ok = v >= 1 && v <= 3999 &&
         icu_numeral(b, v, "en@numbers=roman", s == TY_CS_LOWER_ROMAN);
    break;
  case TY_CS_CJK:
  case TY_CS_CJK_FORMAL:
  case TY_CS_CJK_DECIMAL:
    cjk = 1;
    ok = v >= 0 && v < 100000000 &&
         icu_numeral(b, v,
                     s == TY_CS_CJK          ? "ja@numbers=jpan"
                     : s == TY_CS_CJK_FORMAL ? "ja@numbers=jpanfin"
                                             : "ja@numbers=hanidec",
                     0);
    break;
  case TY_CS_KATAKANA:
  case TY_CS_KATAKANA_IROHA:
  case TY_CS_HIRAGANA:
  case TY_CS_HIRAGANA_IROHA:
    cjk = 1;
    if ((ok = v >= 1)) {
      if (s == TY_CS_KATAKANA) alphabetic(b, v, katakana, N_OF(katakana));
      if (s == TY_CS_KATAKANA_IROHA)
        alphabetic(b, v, katakana_iroha, N_OF(katakana_iroha));
      if (s == TY_CS_HIRAGANA) alphabetic(b, v, hiragana, N_OF(hiragana));
      if (s == TY_CS_HIRAGANA_IROHA)
        alphabetic(b, v, hiragana_iroha, N_OF(hiragana_iroha));
    }
    break;
  case TY_CS_DECIMAL:
  default: ty_buf_printf(b, "%ld", v); break;
  }
  if (!ok) {
    /* out of the style's range: CSS falls back to decimal */
    ty_buf_clear(b);
    ty_buf_printf(b, "%ld", v);
    cjk = 0;
  }
  /* the suffix: ". " for Latin styles, "、" for the CJK ones */
  ty_buf_puts(b, cjk ? "\xE3\x80\x81" : ".");
}
