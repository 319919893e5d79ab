/* counter.c — the list markers a browser displays: CSS counter styles
 * (CSS Counter Styles Level 3, the predefined ones) and the HTML `type`
 * attribute of <ol>, turned into the marker text ("3.", "iv.", "十二、",
 * "ハ、") that the numbering stage reads as it reads a marker typed by
 * hand.  The numerals are numfmt.c's (those of Word's numbering too),
 * counted as CSS counts alphabetic systems (z, aa, ab). */
#include "internal.h"

#include <string.h>
#include <strings.h>

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

void ty_counter_marker(ty_buf *b, ty_counter_style s, long v) {
  /* the numbering systems of the styles, in the order of the enum */
  static const ty_numsys sys[] = {[TY_CS_DECIMAL] = TY_NS_DECIMAL,
                                  [TY_CS_DECIMAL_ZERO] = TY_NS_DECIMAL_ZERO,
                                  [TY_CS_LOWER_LATIN] = TY_NS_LOWER_LATIN,
                                  [TY_CS_UPPER_LATIN] = TY_NS_UPPER_LATIN,
                                  [TY_CS_LOWER_ROMAN] = TY_NS_LOWER_ROMAN,
                                  [TY_CS_UPPER_ROMAN] = TY_NS_UPPER_ROMAN,
                                  [TY_CS_CJK] = TY_NS_JPAN,
                                  [TY_CS_CJK_FORMAL] = TY_NS_JPANFIN,
                                  [TY_CS_CJK_DECIMAL] = TY_NS_HANIDEC,
                                  [TY_CS_KATAKANA] = TY_NS_KATAKANA,
                                  [TY_CS_KATAKANA_IROHA] = TY_NS_KATAKANA_IROHA,
                                  [TY_CS_HIRAGANA] = TY_NS_HIRAGANA,
                                  [TY_CS_HIRAGANA_IROHA] =
                                      TY_NS_HIRAGANA_IROHA};
  ty_buf_clear(b);
  if (s == TY_CS_NONE) return;
  if (s == TY_CS_BULLET) {
    ty_buf_putc(b, '-');
    return;
  }
  int cjk = s >= TY_CS_CJK && s <= TY_CS_HIRAGANA_IROHA;
  if (!ty_numfmt_put(NULL, sys[s], TY_NUM_ALPHABETIC, v, b)) {
    /* out of the style's range: CSS falls back to decimal */
    ty_numfmt_put(NULL, TY_NS_DECIMAL, TY_NUM_ALPHABETIC, v, b);
    cjk = 0;
  }
  /* the suffix: ". " for Latin styles, "、" for the CJK ones */
  ty_buf_puts(b, cjk ? "\xE3\x80\x81" : ".");
}
