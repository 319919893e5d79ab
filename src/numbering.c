/* numbering.c — recognising a section marker at the start of a line.
 *
 * Grammar of what this stage accepts (after fold: full-width ASCII forms
 * read as their ASCII counterparts, through ICU's NFKC mapping):
 *
 *   line    := space* [ '#'+ space+ | bullet space* ] marker tail
 *   bullet  := '-' | '*' | '•' | '・'       ('-', '*' and '•' need a space)
 *   marker  := dotted | paren | number deco | circled | maru
 *            | 第 numeral [unit] [の numeral]* | 附 space* 則 | 付録 X
 *            | 別表 [第] N
 *            | Word [.] space number [-branch] ['.'] | § space* number
 *   dotted  := (digits | letter) ('.' digits)+ ['.']
 *   paren   := '(' inner ')'
 *   number  := digits | kanji numeral | letter | roman | kana | Ⅳ
 *   deco    := '.' | ')' | '、' | (nothing)
 *   tail    := space | end of line | (text, after forms that close
 *              themselves: parentheses, circled numbers, 第N条, full-width
 *              '．' '）' and '、', English words and their number)
 *
 * Most lines are prose: the first byte rejects them before any decoding,
 * and the ASCII path never calls ICU.  Nothing here allocates.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <uchar.h>

#include <unicode/uchar.h>

/* Bytes a marker line can start with: whitespace, '#', bullets, '(',
 * digits, letters, and the UTF-8 lead bytes of NBSP/§ (C2), circled and
 * roman numerals (E2), ideographic space, 〇, kana (E3), CJK (E4-E9) and
 * full-width forms (EF). */
static const unsigned char may_start[256] = {
    ['\t'] = 1, [' '] = 1,  ['#'] = 1,  ['('] = 1,  ['*'] = 1,  ['-'] = 1,
    ['0'] = 1,  ['1'] = 1,  ['2'] = 1,  ['3'] = 1,  ['4'] = 1,  ['5'] = 1,
    ['6'] = 1,  ['7'] = 1,  ['8'] = 1,  ['9'] = 1,  ['A'] = 1,  ['B'] = 1,
    ['C'] = 1,  ['D'] = 1,  ['E'] = 1,  ['F'] = 1,  ['G'] = 1,  ['H'] = 1,
    ['I'] = 1,  ['J'] = 1,  ['K'] = 1,  ['L'] = 1,  ['M'] = 1,  ['N'] = 1,
    ['O'] = 1,  ['P'] = 1,  ['Q'] = 1,  ['R'] = 1,  ['S'] = 1,  ['T'] = 1,
    ['U'] = 1,  ['V'] = 1,  ['W'] = 1,  ['X'] = 1,  ['Y'] = 1,  ['Z'] = 1,
    ['a'] = 1,  ['b'] = 1,  ['c'] = 1,  ['d'] = 1,  ['e'] = 1,  ['f'] = 1,
    ['g'] = 1,  ['h'] = 1,  ['i'] = 1,  ['j'] = 1,  ['k'] = 1,  ['l'] = 1,
    ['m'] = 1,  ['n'] = 1,  ['o'] = 1,  ['p'] = 1,  ['q'] = 1,  ['r'] = 1,
    ['s'] = 1,  ['t'] = 1,  ['u'] = 1,  ['v'] = 1,  ['w'] = 1,  ['x'] = 1,
    ['y'] = 1,  ['z'] = 1,  [0xC2] = 1, [0xE2] = 1, [0xE3] = 1, [0xE4] = 1,
    [0xE5] = 1, [0xE6] = 1, [0xE7] = 1, [0xE8] = 1, [0xE9] = 1, [0xEF] = 1,
};

/* Kana in the two orders lists are numbered in.  No ICU property gives
 * either order, so they are spelled out. */
static const char16_t aiueo[] =
    u"アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモ"
    u"ヤユヨラリルレロワヲン";
static const char16_t iroha[] =
    u"イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテ"
    u"アサキユメミシヱヒモセスン";

/* Japanese particles and conjunctions that show a 第N条 at the start of a
 * line is a reference in running text ("第一条の規定により"), not a
 * heading. */
static const char16_t particles[] = u"のにをはがでともへや及並又若";

/* The code point at s[i], -1 at the end; ASCII without decoding. */
static int32_t get(const char *s, size_t n, size_t i, int *len) {
  if (i >= n) {
    *len = 0;
    return -1;
  }
  unsigned char b = (unsigned char)s[i];
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  return ty_utf8_decode(s + i, n - i, len);
}

/* Like get, with the full-width forms of ASCII (１ Ａ （ ． ） ＃ …) read as
 * ASCII, as NFKC maps them: U+FF01..FF5E to U+0021..007E one to one
 * (their <wide> decompositions), so by subtraction; asking ICU for each
 * took a twentieth of a structure-only run (gen/100000). */
static int32_t getf(const char *s, size_t n, size_t i, int *len) {
  int32_t c = get(s, n, i, len);
  if (c < 0xFF01 || c > 0xFF5E) return c;
  return c - 0xFEE0;
}

static int is_space(int32_t c) {
  if (c == ' ' || c == '\t') return 1;
  return c >= 0x80 && ty_is_space(c);
}

static int is_digit(int32_t c) {
  return c >= '0' && c <= '9';
}
static int is_lower(int32_t c) {
  return c >= 'a' && c <= 'z';
}
static int is_upper(int32_t c) {
  return c >= 'A' && c <= 'Z';
}
static int is_alpha(int32_t c) {
  return is_lower(c) || is_upper(c);
}

static int in_list(const char16_t *list, int32_t c) {
  for (int i = 0; list[i]; i++)
    if (list[i] == c) return i + 1;
  return 0;
}

/* Whether the line ends at i or a space follows. */
static int ends_here(const char *s, size_t n, size_t i) {
  int len;
  int32_t c = get(s, n, i, &len);
  return c < 0 || is_space(c);
}

static size_t skip_space(const char *s, size_t n, size_t i) {
  int len;
  int32_t c;
  while ((c = get(s, n, i, &len)) >= 0 && is_space(c))
    i += (size_t)len;
  return i;
}

/* ---- numerals ---------------------------------------------------------- */

/* Decimal digits (ASCII or any Nd, full-width included) at s[i]; the value
 * in *v (saturating), the end returned, i itself when there are none. */
static size_t read_digits(const char *s, size_t n, size_t i, long long *v) {
  long long x = 0;
  int len;
  int32_t c;
  while ((c = get(s, n, i, &len)) >= 0) {
    int d = c < 0x80 ? (is_digit(c) ? c - '0' : -1) : u_charDigitValue(c);
    if (d < 0) break;
    if (x < 100000000LL) x = x * 10 + d;
    i += (size_t)len;
  }
  *v = x;
  return i;
}

/* The value of a single letter read as a roman numeral, or 0. */
static int roman_letter(int32_t c) {
  switch (c | 0x20) {
  case 'i': return 1;
  case 'v': return 5;
  case 'x': return 10;
  case 'l': return 50;
  case 'c': return 100;
  case 'd': return 500;
  case 'm': return 1000;
  default: return 0;
  }
}

/* Value of a roman numeral in canonical form (upper or lower case, not
 * mixed), or 0.  Canonical means the value written back gives the same
 * letters, and values stop at 399: "mix", "dim" and "civil" are words. */
static int roman_value(const char *s, size_t n) {
  static const char *const ones[] = {"",  "i",  "ii",  "iii",  "iv",
                                     "v", "vi", "vii", "viii", "ix"};
  static const char *const tens[] = {"",  "x",  "xx",  "xxx",  "xl",
                                     "l", "lx", "lxx", "lxxx", "xc"};
  static const char *const hundreds[] = {"", "c", "cc", "ccc"};
  if (n == 0 || n > 12) return 0;
  int upper = is_upper((unsigned char)s[0]);
  char low[13];
  for (size_t i = 0; i < n; i++) {
    if (is_upper((unsigned char)s[i]) != upper) return 0;
    low[i] = (char)(s[i] | 0x20);
  }
  low[n] = 0;
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    int a = roman_letter(low[i]), b = i + 1 < n ? roman_letter(low[i + 1]) : 0;
    if (!a) return 0;
    v += a < b ? -a : a;
  }
  if (v <= 0 || v > 399) return 0;
  char canon[16];
  snprintf(canon, sizeof canon, "%s%s%s", hundreds[v / 100], tens[v / 10 % 10],
           ones[v % 10]);
  return strcmp(canon, low) == 0 ? v : 0;
}

/* How a Han or other numeric character takes part in a kanji numeral. */
enum { NUM_NONE, NUM_DIGIT, NUM_SMALL, NUM_BIG };

static int numeral_class(int32_t c, long long *v) {
  if (c < 0x80) {
    if (!is_digit(c)) return NUM_NONE;
    *v = c - '0';
    return NUM_DIGIT;
  }
  int8_t t = u_charType(c);
  /* ① and Ⅳ have numeric values too; they are markers of their own */
  if (t != U_DECIMAL_DIGIT_NUMBER && t != U_OTHER_LETTER && c != 0x3007)
    return NUM_NONE;
  double d = u_getNumericValue(c);
  if (d == U_NO_NUMERIC_VALUE || d < 0) return NUM_NONE;
  if (d <= 9 && d == (int)d) {
    *v = (long long)d;
    return NUM_DIGIT;
  }
  if (d == 10 || d == 100 || d == 1000) {
    *v = (long long)d;
    return NUM_SMALL;
  }
  if (d == 1e4 || d == 1e8 || d == 1e12) {
    *v = (long long)d;
    return NUM_BIG;
  }
  return NUM_NONE;
}

long long ty_kanji_number(const char *s, size_t n, size_t *used) {
  long long total = 0, section = 0, cur = -1;
  size_t i = 0;
  int any = 0;
  while (i < n) {
    int len;
    int32_t c = get(s, n, i, &len);
    long long v;
    int cls = numeral_class(c, &v);
    if (cls == NUM_NONE) break;
    /* stay far from overflow: no document numbers its clauses this high */
    if (total > 1000000000000000LL || section > 1000000000000000LL ||
        cur > 100000000000000LL)
      break;
    if (cls == NUM_DIGIT) {
      /* 二〇一七: digit after digit is positional notation */
      cur = cur < 0 ? v : cur * 10 + v;
    } else if (cls == NUM_SMALL) {
      section += (cur < 0 ? 1 : cur) * v;
      cur = -1;
    } else {
      long long below = section + (cur < 0 ? 0 : cur);
      if (below > 1000000000000000LL / v) break;
      total += (below ? below : 1) * v;
      section = 0;
      cur = -1;
    }
    any = 1;
    i += (size_t)len;
  }
  if (!any) return -1;
  *used = i;
  return total + section + (cur < 0 ? 0 : cur);
}

/* A kanji numeral that can start a marker: its first character a digit
 * or 十 百 千 (so 万一 and 億 are left alone). */
static size_t read_kanji(const char *s, size_t n, size_t i, long long *v) {
  int len;
  long long first;
  int cls = numeral_class(get(s, n, i, &len), &first);
  if (cls != NUM_DIGIT && cls != NUM_SMALL) return i;
  size_t used;
  long long x = ty_kanji_number(s + i, n - i, &used);
  /* ordinals are ints; no document numbers a clause this high */
  if (x < 0 || x > 99999999) return i;
  *v = x;
  return i + used;
}

/* ---- the number inside a marker ---------------------------------------- */

typedef struct reading {
  ty_kind kind, alt_kind;
  int ordinal, alt_ordinal;
} reading;

/* A kana read in both orders: the smaller ordinal first (イ is iroha 1
 * before it is aiueo 2; ウ aiueo 3 before iroha 24). */
static int read_kana(int32_t c, reading *r) {
  int ai = in_list(aiueo, c), ir = in_list(iroha, c);
  if (!ai && !ir) return 0;
  if (ir && (!ai || ir <= ai)) {
    r->kind = TY_K_IROHA;
    r->ordinal = ir;
    r->alt_kind = ai ? TY_K_AIUEO : TY_K_NONE;
    r->alt_ordinal = ai;
  } else {
    r->kind = TY_K_AIUEO;
    r->ordinal = ai;
    r->alt_kind = ir ? TY_K_IROHA : TY_K_NONE;
    r->alt_ordinal = ir;
  }
  return 1;
}

/* A run of ASCII letters: one letter is latin with a roman second reading
 * (i = 9 or 1), several must be a roman numeral. */
static size_t read_letters(const char *s, size_t n, size_t i, reading *r) {
  size_t j = i;
  while (j < n && j - i < 13 && is_alpha((unsigned char)s[j]))
    j++;
  if (j == i || (j < n && is_alpha((unsigned char)s[j]))) return i;
  int32_t c = (unsigned char)s[i];
  if (j - i == 1) {
    int up = is_upper(c);
    r->kind = up ? TY_K_LATIN_UPPER : TY_K_LATIN_LOWER;
    r->ordinal = (c | 0x20) - 'a' + 1;
    int rv = roman_letter(c);
    r->alt_kind = rv ? (up ? TY_K_ROMAN_UPPER : TY_K_ROMAN_LOWER) : TY_K_NONE;
    r->alt_ordinal = rv;
    return j;
  }
  int v = roman_value(s + i, j - i);
  if (!v) return i;
  r->kind = is_upper(c) ? TY_K_ROMAN_UPPER : TY_K_ROMAN_LOWER;
  r->ordinal = v;
  return j;
}

/* Reads the number of a marker at s[i] (without its decoration): digits,
 * a kanji numeral, letters, a kana or a roman numeral character.  Returns
 * the end, or i when there is none. */
static size_t read_number(const char *s, size_t n, size_t i, reading *r) {
  int len;
  int32_t c = getf(s, n, i, &len);
  memset(r, 0, sizeof *r);
  if (c < 0) return i;
  if (c < 0x80) {
    if (is_digit(c)) {
      long long v;
      size_t j = read_digits(s, n, i, &v);
      r->kind = TY_K_ARABIC;
      r->ordinal = (int)v;
      return j;
    }
    if (len == 1) return read_letters(s, n, i, r);
    /* a full-width letter (Ａ．): one only, read like its ASCII form */
    int l2;
    if (!is_alpha(c) || is_alpha(getf(s, n, i + (size_t)len, &l2))) return i;
    char ascii = (char)c;
    if (read_letters(&ascii, 1, 0, r) == 0) return i;
    return i + (size_t)len;
  }
  if (c >= 0x2160 && c <= 0x217F) {
    r->kind = c < 0x2170 ? TY_K_ROMAN_UPPER : TY_K_ROMAN_LOWER;
    r->ordinal = (int)u_getNumericValue(c);
    return i + (size_t)len;
  }
  if (c >= 0x30A1 && c <= 0x30FA) {
    /* a kana counts alone: アメリカ is a word */
    int l2;
    int32_t next = get(s, n, i + (size_t)len, &l2);
    if (next >= 0x30A1 && next <= 0x30FC) return i;
    return read_kana(c, r) ? i + (size_t)len : i;
  }
  long long v;
  if (u_charDigitValue(c) >= 0) {
    /* digits of another script read like ASCII ones */
    r->kind = TY_K_ARABIC;
    size_t j = read_digits(s, n, i, &v);
    r->ordinal = (int)v;
    return j;
  }
  size_t j = read_kanji(s, n, i, &v);
  if (j > i) {
    r->kind = TY_K_KANJI;
    r->ordinal = (int)v;
  }
  return j;
}

/* ---- the forms --------------------------------------------------------- */

/* What a form parser found: where the label ends, and whether text may
 * follow it directly (forms that close themselves) or only after a space. */
typedef struct found {
  size_t end;
  int tight;
} found;

static void set_reading(ty_marker *m, const reading *r) {
  m->kind = r->kind;
  m->ordinal = r->ordinal;
  m->alt_kind = r->alt_kind;
  m->alt_ordinal = r->alt_ordinal;
}

/* "(1)", "（一）", "(iv)", "（ア）". */
static int parse_paren(const char *s, size_t n, size_t i, ty_marker *m,
                       found *f) {
  int len;
  if (getf(s, n, i, &len) != '(') return 0;
  reading r;
  size_t j = read_number(s, n, i + (size_t)len, &r);
  if (j == i + (size_t)len) return 0;
  if (getf(s, n, j, &len) != ')') return 0;
  set_reading(m, &r);
  m->deco = TY_D_PAREN;
  f->end = j + (size_t)len;
  f->tight = 1;
  return 1;
}

/* The decoration after a bare number: '.', ')', '、' or nothing.  Text may
 * follow the full-width ones and '、' directly ("１．目的", "一、本法"). */
static int parse_deco(const char *s, size_t n, size_t i, ty_marker *m,
                      found *f) {
  int len;
  int32_t c = getf(s, n, i, &len);
  f->end = i;
  f->tight = 0;
  if (c < 0 || is_space(c)) {
    m->deco = TY_D_BARE;
    return 1;
  }
  if (c == '.' || c == ')') {
    m->deco = c == '.' ? TY_D_DOT : TY_D_CLOSE;
    f->end = i + (size_t)len;
    if (len > 1) {
      int l2;
      int32_t next = getf(s, n, f->end, &l2);
      f->tight = !is_digit(next);
    }
    return 1;
  }
  if (c == 0x3001) {
    m->deco = TY_D_COMMA;
    f->end = i + (size_t)len;
    f->tight = 1;
    return 1;
  }
  return 0;
}

/* "4.9.1", "4.9.1.", "A.1", "A.0.2": at least two components; a first
 * component may be one letter, or a number of at most 999 (2017.12.31 is
 * a date); the later ones have up to seven digits, so that a list of
 * numbered items keeps its numbers past 999 ("A.1000" after "A.999", as
 * in tests/bench's unmatched sets), while a decimal with more digits
 * (3.14159265) stays text. */
#define MAX_DOTTED_TAIL 9999999

static int parse_dotted(const char *s, size_t n, size_t i, ty_marker *m,
                        found *f) {
  int len;
  int32_t c = getf(s, n, i, &len);
  size_t j = i;
  int np = 0, alpha = 0;
  if (is_alpha(c)) {
    m->path[np++] = (c | 0x20) - 'a' + 1;
    alpha = 1;
    j += (size_t)len;
  } else {
    long long v;
    size_t k = read_digits(s, n, j, &v);
    if (k == j || v > 999) return 0;
    m->path[np++] = (int)v;
    j = k;
  }
  for (;;) {
    if (getf(s, n, j, &len) != '.') break;
    size_t k0 = j + (size_t)len;
    long long v;
    size_t k = read_digits(s, n, k0, &v);
    if (k == k0) break;
    if (v > MAX_DOTTED_TAIL || np == TY_MAX_PATH) return 0;
    m->path[np++] = (int)v;
    j = k;
  }
  if (np < 2) return 0;
  if (getf(s, n, j, &len) == '.') j += (size_t)len;
  m->kind = TY_K_DOTTED;
  m->deco = TY_D_DOT;
  m->npath = np;
  m->path_alpha = alpha;
  m->ordinal = m->path[np - 1];
  f->end = j;
  f->tight = 0;
  return 1;
}

/* ①..㊿ (circled), ⑴..⒇ (parenthesised), ⒈..⒛ (with a full stop), and the
 * same dress on letters (⒜ ⓐ Ⓐ) and ideographs (㈠). */
static int parse_circled(int32_t c, ty_marker *m) {
  if ((c >= 0x2460 && c <= 0x2473) || (c >= 0x3251 && c <= 0x325F) ||
      (c >= 0x32B1 && c <= 0x32BF)) {
    m->kind = TY_K_CIRCLED;
    m->deco = TY_D_CIRCLE;
  } else if (c >= 0x2474 && c <= 0x2487) {
    m->kind = TY_K_CIRCLED;
    m->deco = TY_D_PAREN;
  } else if (c >= 0x2488 && c <= 0x249B) {
    m->kind = TY_K_CIRCLED;
    m->deco = TY_D_DOT;
  } else if (c >= 0x3220 && c <= 0x3229) {
    m->kind = TY_K_KANJI;
    m->deco = TY_D_PAREN;
  } else if (c >= 0x249C && c <= 0x24B5) {
    m->kind = TY_K_LATIN_LOWER;
    m->deco = TY_D_PAREN;
    m->ordinal = c - 0x249C + 1;
    return 1;
  } else if (c >= 0x24B6 && c <= 0x24CF) {
    m->kind = TY_K_LATIN_UPPER;
    m->deco = TY_D_CIRCLE;
    m->ordinal = c - 0x24B6 + 1;
    return 1;
  } else if (c >= 0x24D0 && c <= 0x24E9) {
    m->kind = TY_K_LATIN_LOWER;
    m->deco = TY_D_CIRCLE;
    m->ordinal = c - 0x24D0 + 1;
    return 1;
  } else {
    return 0;
  }
  m->ordinal = (int)u_getNumericValue(c);
  return 1;
}

/* Whether what follows a Japanese word form lets it be a heading. */
static int ja_tail_ok(int32_t c) {
  if (c < 0 || is_space(c)) return 1;
  if (c < 0x80) return !is_alpha(c) && !is_digit(c) && c != ',';
  return !in_list(particles, c) && u_charDigitValue(c) < 0;
}

/* Units after 第N, and the kind each gives. */
static ty_kind dai_unit(int32_t c) {
  switch (c) {
  case 0x6761: return TY_K_JA_ARTICLE;    /* 条 */
  case 0x9805: return TY_K_JA_PARAGRAPH;  /* 項 */
  case 0x53F7: return TY_K_JA_ITEM;       /* 号 */
  case 0x7AE0: return TY_K_JA_CHAPTER;    /* 章 */
  case 0x7BC0: return TY_K_JA_SECTION;    /* 節 */
  case 0x7DE8: return TY_K_JA_PART;       /* 編 */
  case 0x6B3E: return TY_K_JA_SUBSECTION; /* 款 */
  case 0x76EE: return TY_K_JA_DIVISION;   /* 目 */
  default: return TY_K_NONE;
  }
}

/* A chapter-like heading run on into its title ("第1章はじめに"): after
 * 章 節 編 a particle may start the title, unless the rest reads as a
 * sentence ("第3章では…を説明する。").  Articles keep the strict rule. */
static int grouping_title(const char *s, size_t n, size_t j, ty_kind unit) {
  if (unit != TY_K_JA_CHAPTER && unit != TY_K_JA_SECTION &&
      unit != TY_K_JA_PART)
    return 0;
  int len;
  int32_t c = get(s, n, j, &len);
  if (!in_list(particles, c)) return 0;
  int chars = 0;
  while ((c = get(s, n, j, &len)) >= 0) {
    if (c == 0x3002 || c == 0x3001 || c == '.' || c == ',') return 0;
    if (++chars > 30) return 0;
    j += (size_t)len;
  }
  return 1;
}

/* "第N", "第N条", "第十条の二" (branch 2; later "の三" kept in the label). */
static int parse_dai(const char *s, size_t n, size_t i, ty_marker *m,
                     found *f) {
  int len;
  get(s, n, i, &len); /* 第 */
  size_t j = i + (size_t)len;
  /* "第 1 章" (manuals' text output; issue #11) is "第1章"; spaced, a
   * unit must follow */
  size_t after_dai = j;
  while (j < n && s[j] == ' ')
    j++;
  int spaced = j > after_dai;
  long long v;
  size_t k = read_kanji(s, n, j, &v);
  if (k == j) return 0;
  m->ordinal = (int)v;
  m->deco = TY_D_WORD;
  j = k;
  while (j < n && s[j] == ' ')
    j++;
  ty_kind unit = dai_unit(get(s, n, j, &len));
  if (unit == TY_K_NONE) {
    if (spaced) return 0;
    /* 第一 alone: a heading only when a space or the end follows (第三者,
     * 第5会期 are words) */
    m->kind = TY_K_JA_DAI;
    f->end = k;
    f->tight = 0;
    return 1;
  }
  m->kind = unit;
  j += (size_t)len;
  /* の + numeral: a branch number; a TOC range (第四条―第二十条の二) stops
   * at the dash and takes no branch */
  while (get(s, n, j, &len) == 0x306E) {
    size_t b0 = j + (size_t)len;
    long long bv;
    size_t b = read_kanji(s, n, b0, &bv);
    if (b == b0) break;
    if (!m->branch) m->branch = (int)bv;
    j = b;
  }
  if (!ja_tail_ok(get(s, n, j, &len)) && !grouping_title(s, n, j, unit))
    return 0;
  f->end = j;
  f->tight = 1;
  return 1;
}

/* Whether s[i..] starts with the UTF-16 word w (BMP only); its end in *end. */
static int has_word16(const char *s, size_t n, size_t i, const char16_t *w,
                      size_t *end) {
  for (; *w; w++) {
    int len;
    if (get(s, n, i, &len) != *w) return 0;
    i += (size_t)len;
  }
  *end = i;
  return 1;
}

/* 附則, 付録A / 付録１, 別表 / 別表第一. */
static int parse_ja_word(const char *s, size_t n, size_t i, ty_marker *m,
                         found *f) {
  size_t j;
  int len;
  m->deco = TY_D_WORD;
  /* 附則, also spaced out as e-Gov writes it: 附　則 */
  size_t after;
  if (has_word16(s, n, i, u"附", &after) &&
      has_word16(s, n, skip_space(s, n, after), u"則", &j)) {
    int32_t c = getf(s, n, j, &len);
    if (!(c < 0 || is_space(c) || c == '(')) return 0;
    m->kind = TY_K_JA_SUPPL;
    m->ordinal = 1;
    f->end = j;
    f->tight = 1;
    return 1;
  }
  int table = 0;
  if (has_word16(s, n, i, u"別表", &j)) {
    table = 1;
    size_t k;
    if (has_word16(s, n, j, u"第", &k)) j = k;
  } else if (!has_word16(s, n, i, u"付録", &j)) {
    return 0;
  }
  m->kind = TY_K_JA_APPENDIX;
  int32_t c = getf(s, n, j, &len);
  if (is_upper(c)) {
    m->ordinal = c - 'A' + 1;
    j += (size_t)len;
  } else {
    long long v;
    size_t k = read_kanji(s, n, j, &v);
    if (k == j && !table) return 0;
    m->ordinal = k == j ? 1 : (int)v;
    j = k;
  }
  if (!ja_tail_ok(getf(s, n, j, &len))) return 0;
  f->end = j;
  f->tight = 1;
  return 1;
}

/* English words that name a level, as they start a line. */
static const struct {
  const char *w, *w2; /* the word (lower case) and a second one, or NULL */
  ty_kind kind;
  unsigned char abbrev; /* written with a full stop: Art. 3 */
  unsigned char nonum;  /* stands alone: Supplementary Provisions */
} words[] = {
    {"article", NULL, TY_K_EN_ARTICLE, 0, 0},
    {"art", NULL, TY_K_EN_ARTICLE, 1, 0},
    {"section", NULL, TY_K_EN_SECTION, 0, 0},
    {"sec", NULL, TY_K_EN_SECTION, 1, 0},
    {"chapter", NULL, TY_K_EN_CHAPTER, 0, 0},
    {"part", NULL, TY_K_EN_PART, 0, 0},
    {"paragraph", NULL, TY_K_EN_PARAGRAPH, 0, 0},
    {"item", NULL, TY_K_EN_ITEM, 0, 0},
    {"appendix", NULL, TY_K_EN_APPENDIX, 0, 0},
    {"annex", NULL, TY_K_EN_APPENDIX, 0, 0},
    {"schedule", NULL, TY_K_EN_APPENDIX, 0, 0},
    {"appended", "table", TY_K_EN_APPENDIX, 0, 0},
    {"supplementary", "provisions", TY_K_EN_SUPPL, 0, 1},
};

/* Whether s[i..i+k) is the lower-case word w written Capitalised or in
 * capitals (not in lower case: "part of the" is prose). */
static int word_is(const char *s, size_t i, size_t k, const char *w) {
  if (strlen(w) != k || !is_upper((unsigned char)s[i])) return 0;
  int caps = k > 1 && is_upper((unsigned char)s[i + 1]);
  for (size_t j = 0; j < k; j++) {
    int32_t c = (unsigned char)s[i + j];
    if ((c | 0x20) != w[j]) return 0;
    if (j > 0 && is_upper(c) != caps) return 0;
  }
  return 1;
}

static size_t word_end(const char *s, size_t n, size_t i) {
  while (i < n && is_alpha((unsigned char)s[i]))
    i++;
  return i;
}

/* Reads the number after an English word: 10, IV, A, (iii).  Letters
 * count as roman numerals except after Appendix-like words. */
static size_t read_word_number(const char *s, size_t n, size_t i, ty_kind kind,
                               int *ordinal) {
  int len;
  size_t j = i;
  int paren = getf(s, n, j, &len) == '(';
  if (paren) j += (size_t)len;
  reading r;
  size_t k = read_number(s, n, j, &r);
  if (k == j) return i;
  if (r.kind == TY_K_LATIN_LOWER || r.kind == TY_K_LATIN_UPPER) {
    if (kind != TY_K_EN_APPENDIX && r.alt_ordinal && r.alt_ordinal <= 10)
      r.ordinal = r.alt_ordinal;
  } else if (r.kind != TY_K_ARABIC && r.kind != TY_K_ROMAN_UPPER &&
             r.kind != TY_K_ROMAN_LOWER) {
    return i;
  }
  if (paren) {
    if (getf(s, n, k, &len) != ')') return i;
    k += (size_t)len;
  }
  *ordinal = r.ordinal;
  return k;
}

/* Whether a lower-case word follows after spaces: "Article 3 of the Act"
 * is wrapped prose, not a heading. */
static int prose_follows(const char *s, size_t n, size_t i) {
  size_t j = skip_space(s, n, i);
  return j > i && j < n && is_lower((unsigned char)s[j]);
}

/* The end of an English word marker: after the number an optional
 * branch "-2" and full stop; then a space, the end, or text after the
 * full stop, but not "Article 3, paragraph 2" (a reference) nor
 * "Section 2.1". */
static int word_tail(const char *s, size_t n, size_t j, ty_marker *m,
                     found *f) {
  int len;
  int32_t c = getf(s, n, j, &len);
  if (c == '-' && m->kind != TY_K_EN_SUPPL) {
    long long b;
    size_t k = read_digits(s, n, j + (size_t)len, &b);
    if (k > j + (size_t)len) {
      m->branch = (int)b;
      j = k;
      c = getf(s, n, j, &len);
    }
  }
  int stop = c == '.';
  if (stop) {
    j += (size_t)len;
    c = getf(s, n, j, &len);
  }
  if (c >= 0 && !is_space(c)) {
    if (c < 0x80 && (is_alpha(c) || is_digit(c) || c == ',' || c == ';' ||
                     c == '(' || c == '-'))
      return 0;
    if (!stop && c < 0x80 && c != ':') return 0;
  }
  if (!stop && prose_follows(s, n, j)) return 0;
  f->end = j;
  f->tight = 1;
  return 1;
}

/* "Article 10", "Art. 3", "CHAPTER I.", "Item (iii)", "Appendix A",
 * "Supplementary Provisions". */
static int parse_en_word(const char *s, size_t n, size_t i, ty_marker *m,
                         found *f) {
  size_t e = word_end(s, n, i);
  size_t k = e - i;
  if (k < 3 || k > 13) return 0;
  for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
    if (!word_is(s, i, k, words[w].w)) continue;
    size_t j = e;
    if (words[w].abbrev) {
      if (j >= n || s[j] != '.') return 0;
      j++;
    }
    if (words[w].w2) {
      size_t a = skip_space(s, n, j);
      if (a == j) return 0;
      size_t b = word_end(s, n, a);
      if (!word_is(s, a, b - a, words[w].w2)) return 0;
      j = b;
    }
    m->kind = words[w].kind;
    m->deco = TY_D_WORD;
    if (words[w].nonum) {
      m->ordinal = 1;
      int len;
      int32_t c = getf(s, n, j, &len);
      if (!(c < 0 || is_space(c) || c == '(')) return 0;
      f->end = j;
      f->tight = 1;
      return 1;
    }
    size_t a = skip_space(s, n, j);
    if (a == j) return 0;
    size_t b = read_word_number(s, n, a, m->kind, &m->ordinal);
    if (b == a) return 0;
    return word_tail(s, n, b, m, f);
  }
  return 0;
}

/* "§ 2", "§2". */
static int parse_section_sign(const char *s, size_t n, size_t i, ty_marker *m,
                              found *f) {
  size_t a = skip_space(s, n, i + 2);
  m->kind = TY_K_EN_SECTION;
  m->deco = TY_D_WORD;
  size_t b = read_word_number(s, n, a, m->kind, &m->ordinal);
  if (b == a) return 0;
  return word_tail(s, n, b, m, f);
}

/* Counter words after a number that make it a quantity (a weak marker,
 * one only where it continues a sequence), not a marker: a
 * wrapped line or a bullet starting "6 月 10 日に" or "5 日後に"
 * (debian-faq ja.txt 3.1.7), "1 つの" (developers-reference ja.txt 6.8.8),
 * "2 週間".  The counter must end a word: followed by kana, a space,
 * punctuation or one of 後 間 前 以 内 目 (so "1 日米" and "2 人権" stay
 * markers). */
static const char16_t counters[] = u"月日年つ個人回週時分秒件名歳枚倍";
static const char16_t after_counter[] = u"後間前以内目";

static int counter_follows(const char *s, size_t n, size_t j) {
  int len, l2;
  size_t a = skip_space(s, n, j);
  int32_t c = get(s, n, a, &len);
  if (c < 0x80 || !in_list(counters, c)) return 0;
  int32_t d = get(s, n, a + (size_t)len, &l2);
  return d < 0x3400 || in_list(after_counter, d);
}

static int parse_ascii(const char *s, size_t n, size_t i, int32_t c,
                       ty_marker *m, found *f) {
  if (c == '(') return parse_paren(s, n, i, m, f);
  if (is_upper(c) && (unsigned char)s[i] < 0x80 && i + 1 < n &&
      is_alpha((unsigned char)s[i + 1]) && parse_en_word(s, n, i, m, f))
    return 1;
  if (is_digit(c) || is_alpha(c)) {
    if (parse_dotted(s, n, i, m, f)) return 1;
    memset(m->path, 0, sizeof m->path);
    reading r;
    size_t j = read_number(s, n, i, &r);
    if (j == i) return 0;
    set_reading(m, &r);
    if (!parse_deco(s, n, j, m, f)) return 0;
    if (m->deco == TY_D_BARE) {
      /* a bare letter or roman numeral is a word ("a lot", "I think"); a
       * bare number past 999 is more often a year or a quantity ("2017
       * was"): weak, a marker only where it continues a sequence */
      if (r.kind != TY_K_ARABIC) return 0;
      m->weak = r.ordinal > 999 || counter_follows(s, n, j);
    }
    return 1;
  }
  return 0;
}

/* A marker starting with a character outside ASCII. */
static int parse_wide(const char *s, size_t n, size_t i, int32_t c, int len,
                      ty_marker *m, found *f) {
  if (parse_circled(c, m)) {
    f->end = i + (size_t)len;
    f->tight = 1;
    return 1;
  }
  if (c == 0xA7) return parse_section_sign(s, n, i, m, f);
  if (c == 0x7B2C) return parse_dai(s, n, i, m, f); /* 第 */
  if (c == 0x9644 || c == 0x4ED8 || c == 0x5225)    /* 附 付 別 */
    return parse_ja_word(s, n, i, m, f);
  if (c == 0x25CB || c == 0x3007) { /* ○２, 〇２ */
    long long v;
    size_t a = i + (size_t)len, b = read_digits(s, n, a, &v);
    if (b > a) {
      m->kind = TY_K_ARABIC;
      m->deco = TY_D_MARU;
      m->ordinal = (int)v;
      f->end = b;
      f->tight = 0;
      return 1;
    }
  }
  reading r;
  size_t j = read_number(s, n, i, &r);
  if (j == i) return 0;
  set_reading(m, &r);
  return parse_deco(s, n, j, m, f);
}

int ty_number_parse(const char *line, size_t len, ty_marker *m) {
  memset(m, 0, sizeof *m);
  if (len == 0 || !may_start[(unsigned char)line[0]]) return 0;
  const char *s = line;
  size_t n = len, i = 0;
  int l;
  int32_t c;
  int indent = 0;
  for (;;) {
    c = get(s, n, i, &l);
    if (c == ' ')
      indent++;
    else if (c == '\t')
      indent = (indent / 8 + 1) * 8;
    else if (c == 0xA0)
      indent++;
    else if (c == 0x3000)
      indent += 2;
    else if (c >= 0x80 && ty_is_space(c))
      indent += ty_char_width(c);
    else
      break;
    i += (size_t)l;
  }
  if (c < 0 || !may_start[(unsigned char)s[i]]) return 0;
  m->indent = indent;
  c = getf(s, n, i, &l);
  if (c == '#') {
    size_t j = i;
    int h = 0;
    while (getf(s, n, j, &l) == '#') {
      h++;
      j += (size_t)l;
    }
    if (h > 6 || !ends_here(s, n, j)) return 0;
    m->heading = h;
    i = skip_space(s, n, j);
  } else if (c == '-' || c == '*' || c == 0x2022) {
    if (!ends_here(s, n, i + (size_t)l)) return 0;
    m->bullet = 1;
    i = skip_space(s, n, i + (size_t)l);
  } else if (c == 0x30FB) { /* ・ */
    m->bullet = 1;
    i = skip_space(s, n, i + (size_t)l);
  }
  c = getf(s, n, i, &l);
  if (c < 0) return 0;
  found f;
  int ok = c < 0x80 ? parse_ascii(s, n, i, c, m, &f)
                    : parse_wide(s, n, i, c, l, m, &f);
  if (!ok || (!f.tight && !ends_here(s, n, f.end))) {
    memset(m, 0, sizeof *m);
    return 0;
  }
  m->label_off = i;
  m->label_len = f.end - i;
  m->text_off = skip_space(s, n, f.end);
  return 1;
}

const char *ty_kind_name(ty_kind k) {
  static const char *const names[TY_K_COUNT] = {
      [TY_K_NONE] = "none",
      [TY_K_ARABIC] = "arabic",
      [TY_K_KANJI] = "kanji",
      [TY_K_CIRCLED] = "circled",
      [TY_K_LATIN_LOWER] = "latin-lower",
      [TY_K_LATIN_UPPER] = "latin-upper",
      [TY_K_ROMAN_LOWER] = "roman-lower",
      [TY_K_ROMAN_UPPER] = "roman-upper",
      [TY_K_IROHA] = "iroha",
      [TY_K_AIUEO] = "aiueo",
      [TY_K_DOTTED] = "dotted",
      [TY_K_JA_DAI] = "ja-dai",
      [TY_K_JA_PART] = "ja-part",
      [TY_K_JA_CHAPTER] = "ja-chapter",
      [TY_K_JA_SECTION] = "ja-section",
      [TY_K_JA_SUBSECTION] = "ja-subsection",
      [TY_K_JA_DIVISION] = "ja-division",
      [TY_K_JA_ARTICLE] = "ja-article",
      [TY_K_JA_PARAGRAPH] = "ja-paragraph",
      [TY_K_JA_ITEM] = "ja-item",
      [TY_K_JA_APPENDIX] = "ja-appendix",
      [TY_K_JA_SUPPL] = "ja-suppl",
      [TY_K_EN_PART] = "en-part",
      [TY_K_EN_CHAPTER] = "en-chapter",
      [TY_K_EN_SECTION] = "en-section",
      [TY_K_EN_ARTICLE] = "en-article",
      [TY_K_EN_PARAGRAPH] = "en-paragraph",
      [TY_K_EN_ITEM] = "en-item",
      [TY_K_EN_APPENDIX] = "en-appendix",
      [TY_K_EN_SUPPL] = "en-suppl",
  };
  if ((int)k < 0 || k >= TY_K_COUNT) return "unknown";
  return names[k];
}
