/* sentence.c — sentence segmentation with ICU's sentence break iterator.
 *
 * One iterator per language is opened once (ja, and en with the CLDR
 * abbreviation suppressions, so "U.S. Government" stays one sentence) and
 * reused.  A line break inside a paragraph is a wrapped line, not a
 * sentence end: each paragraph (text between blank lines; a list item
 * starts one too) is copied into UTF-16 with its single line breaks
 * turned into spaces, each unit's byte offset noted, before it is
 * segmented: ICU's iterators read UTF-16 directly, where a UTF-8 UText
 * cost more than the break rules themselves (callgrind, gen/10000). */
#include "internal.h"
#include "utf8_inline.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utf16.h>

struct ty_segmenter {
  UBreakIterator *bi[2]; /* per ty_lang; NULL when ICU could not open it */
  UChar *u;              /* the paragraph being segmented, lines joined */
  int32_t *at;           /* the byte offset of each unit of u, and its end */
  int32_t ascii;         /* but of the first `ascii` units: their own */
  size_t cap;            /* units u and at have room for */
};

ty_segmenter *ty_segmenter_new(void) {
  ty_segmenter *sg = ty_xcalloc(1, sizeof *sg);
  static const char *const locale[2] = {"ja", "en@ss=standard"};
  for (int i = 0; i < 2; i++) {
    UErrorCode st = U_ZERO_ERROR;
    sg->bi[i] = ubrk_open(UBRK_SENTENCE, locale[i], NULL, 0, &st);
    if (U_FAILURE(st)) {
      if (sg->bi[i]) ubrk_close(sg->bi[i]);
      sg->bi[i] = NULL;
    }
  }
  return sg;
}

void ty_segmenter_free(ty_segmenter *sg) {
  if (!sg) return;
  for (int i = 0; i < 2; i++)
    if (sg->bi[i]) ubrk_close(sg->bi[i]);
  free(sg->u);
  free(sg->at);
  free(sg);
}

/* Whether the bytes s[0..n) are all white space (ASCII or Zs). */
static int blank(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    int len;
    if (!ty_is_space(ty_utf8_decode(s + i, n - i, &len)) && s[i] != '\r')
      return 0;
    i += (size_t)len;
  }
  return 1;
}

/* Appends s[a..z) to out with surrounding white space trimmed, when
 * anything is left; `base` is added to the offsets. */
static void put_trimmed(const char *s, size_t a, size_t z, size_t base,
                        ty_spans *out) {
  while (a < z) {
    int len;
    int32_t c = ty_utf8_decode(s + a, z - a, &len);
    if (!ty_is_space(c) && c != '\n' && c != '\r') break;
    a += (size_t)len;
  }
  while (z > a) {
    size_t k = z - 1;
    while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
      k--;
    int len;
    int32_t c = ty_utf8_decode(s + k, z - k, &len);
    if (!ty_is_space(c) && c != '\n' && c != '\r') break;
    z = k;
  }
  if (a == z) return;
  if (out->n == out->cap) {
    out->cap = out->cap ? out->cap * 2 : 16;
    out->v = ty_xrealloc(out->v, out->cap * sizeof *out->v);
  }
  out->v[out->n].off = base + a;
  out->v[out->n].len = z - a;
  out->n++;
}

/* Whether a break after s[0..z) follows an abbreviation ICU's
 * suppression list lacks: initials and dotted forms (J. U.S. p.m. e.g.)
 * and a few words that stand before a number or a name (No. 5, Art. 3). */
static int abbreviation_before(const char *s, size_t z) {
  while (z > 0 && (s[z - 1] == ' ' || s[z - 1] == '\n'))
    z--;
  if (z < 2 || s[z - 1] != '.') return 0;
  size_t a = z - 1;
  while (a > 0 && ((s[a - 1] >= 'A' && s[a - 1] <= 'Z') ||
                   (s[a - 1] >= 'a' && s[a - 1] <= 'z') || s[a - 1] == '.'))
    a--;
  if (a > 0 && (unsigned char)s[a - 1] >= 0x80) return 0;
  /* every letter of the word followed by a dot: J.  U.S.  p.m.  e.g. */
  int dotted = (z - a) % 2 == 0;
  for (size_t k = a; dotted && k < z; k += 2)
    dotted = s[k] != '.' && s[k + 1] == '.';
  if (dotted) return 1;
  static const char *const words[] = {"No",  "Nos", "no", "Art", "Sec", "Vol",
                                      "Fig", "cf",  "vs", "St",  "Para"};
  for (size_t k = 0; k < sizeof words / sizeof *words; k++)
    if (strlen(words[k]) == z - 1 - a &&
        memcmp(s + a, words[k], z - 1 - a) == 0)
      return 1;
  return 0;
}

/* Whether a break of ICU's after s[0..z) in Japanese text only follows an
 * ellipsis written "..." inside a sentence: the text after it starts with
 * kana or kanji ("Knoppix/LMDE/Ubuntu/... を使っていますが", debian-faq
 * 3.2.1 and 3.2.3).  A Japanese sentence ends with 。, ！ or ？; ICU takes
 * the ASCII full stops for one. */
static int ellipsis_inside(const char *s, size_t z, size_t n) {
  size_t e = z;
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n'))
    e--;
  if (e < 3 || memcmp(s + e - 3, "...", 3) != 0) return 0;
  size_t k = z;
  while (k < n && (s[k] == ' ' || s[k] == '\n'))
    k++;
  if (k >= n) return 0;
  int len;
  int32_t c = ty_utf8_decode(s + k, n - k, &len);
  return (c >= 0x3041 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF);
}

/* Whether a break of ICU's after s[0..z) in Japanese text falls inside a
 * sentence that quotes a question or an exclamation: ? ! ？ ！ and a
 * closing bracket, then kana or kanji with no space between
 * ("(「Debian は英語以外の言語をどのようにサポートしていますか?」参照)
 * パッケージを…", debian-faq 12.1; "「…か？」と聞いた"). */
static int quote_inside(const char *s, size_t z, size_t n) {
  static const int32_t close[] = {0x300D, 0x300F, 0xFF09, ')'};
  size_t k = z;
  int closed = 0;
  while (k > 0) {
    size_t b = k - 1;
    while (b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80)
      b--;
    int len;
    int32_t c = ty_utf8_decode(s + b, k - b, &len);
    int is_close = 0;
    for (size_t i = 0; i < sizeof close / sizeof *close; i++)
      is_close |= c == close[i];
    if (!is_close) {
      if (!closed || !(c == '?' || c == '!' || c == 0xFF1F || c == 0xFF01))
        return 0;
      break;
    }
    closed = 1;
    k = b;
  }
  if (z >= n) return 0;
  int len;
  int32_t c = ty_utf8_decode(s + z, n - z, &len);
  return (c >= 0x3041 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF);
}

/* Where the opening brackets and spaces that end s[a..z) begin. */
static size_t openers_start(const char *s, size_t a, size_t z) {
  static const int32_t open[] = {'(',    '[',    '{',    0x300C, 0x300E,
                                 0xFF08, 0x3010, 0x3014, 0x3008, 0x300A,
                                 0xFF3B, 0xFF5B, 0x201C, 0x2018};
  size_t end = z;
  while (z > a) {
    size_t k = z - 1;
    while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
      k--;
    int len;
    int32_t c = ty_utf8_decode(s + k, z - k, &len);
    int opener = 0;
    for (size_t i = 0; i < sizeof open / sizeof *open; i++)
      opener |= c == open[i];
    if (!opener && !ty_is_space(c)) break;
    z = k;
  }
  return z > a ? z : end;
}

/* s[0..n) into sg->u as UTF-16, line breaks as spaces, each unit's byte
 * offset kept for byte_at (an ill-formed byte a U+FFFD of its own);
 * returns the units. */
static int32_t to_utf16(ty_segmenter *sg, const char *s, size_t n) {
  if (n + 1 > sg->cap) {
    sg->cap = n + 1 > 2 * sg->cap ? n + 1 : 2 * sg->cap;
    sg->u = ty_xrealloc(sg->u, sg->cap * sizeof *sg->u);
    sg->at = ty_xrealloc(sg->at, sg->cap * sizeof *sg->at);
  }
  UChar *u = sg->u;
  int32_t *at = sg->at, m;
  /* the ASCII before any other byte (all of most English): unit k is byte
   * k there, and sg->at is left unwritten */
  size_t i = 0;
  for (; i < n && (unsigned char)s[i] < 0x80; i++)
    u[i] = s[i] == '\n' || s[i] == '\r' ? ' ' : (UChar)s[i];
  sg->ascii = m = (int32_t)i;
  while (i < n) {
    unsigned char b = (unsigned char)s[i];
    at[m] = (int32_t)i;
    if (b < 0x80) {
      u[m++] = b == '\n' || b == '\r' ? ' ' : b;
      i++;
      continue;
    }
    int len;
    int32_t c = ty_utf8_decode_inline(s + i, n - i, &len);
    if (c > 0xFFFF) {
      u[m++] = U16_LEAD(c);
      at[m] = (int32_t)i;
      u[m++] = U16_TRAIL(c);
    } else {
      u[m++] = (UChar)c;
    }
    i += (size_t)len;
  }
  at[m] = (int32_t)n;
  return m;
}

/* The byte offset of unit k of the text to_utf16 made. */
static int32_t byte_at(const ty_segmenter *sg, int32_t k) {
  return k < sg->ascii ? k : sg->at[k];
}

/* Segments one paragraph s[0..n) (no blank line inside). */
static void segment_paragraph(ty_segmenter *sg, const char *s, size_t n,
                              size_t base, ty_lang lang, ty_spans *out) {
  UBreakIterator *bi = sg->bi[lang == TY_EN];
  if (!bi || n >= INT32_MAX) {
    put_trimmed(s, 0, n, base, out);
    return;
  }
  int32_t m = to_utf16(sg, s, n);
  UErrorCode st = U_ZERO_ERROR;
  ubrk_setText(bi, sg->u, m, &st);
  if (U_FAILURE(st)) {
    put_trimmed(s, 0, n, base, out);
    return;
  }
  int32_t a = byte_at(sg, ubrk_first(bi));
  for (int32_t b = ubrk_next(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
    int32_t z = byte_at(sg, b);
    if ((size_t)z < n && abbreviation_before(s, (size_t)z)) continue;
    /* a full stop with no space after it is inside a token (a path such
     * as "../foo.deb", debian-faq 7.14) */
    if ((size_t)z < n && z > 0 && strchr(".!?", s[z - 1]) &&
        (unsigned char)s[z] > ' ' && (unsigned char)s[z] < 0x80)
      continue;
    if ((size_t)z < n && lang == TY_JA &&
        (ellipsis_inside(s, (size_t)z, n) || quote_inside(s, (size_t)z, n)))
      continue;
    /* ICU keeps an opening bracket after a full stop with the sentence
     * before ("。（注）"): it opens the next one */
    if ((size_t)z < n) z = (int32_t)openers_start(s, (size_t)a, (size_t)z);
    put_trimmed(s, (size_t)a, (size_t)z, base, out);
    a = z;
  }
  /* the iterator keeps pointing into sg->u until the next call sets new
   * text, which it does */
}

/* Whether the line s[0..n) is a list item: "- ", "* " or "・" after
 * spaces. */
static int bullet(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t'))
    i++;
  if (i + 1 < n && (s[i] == '-' || s[i] == '*') && s[i + 1] == ' ') return 1;
  return n - i >= 3 && memcmp(s + i, "\xE3\x83\xBB", 3) == 0;
}

void ty_sentences(ty_segmenter *sg, const char *s, size_t n, ty_lang lang,
                  ty_spans *out) {
  size_t start = 0, i = 0;
  while (i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n;
    if (blank(s + i, e - i)) {
      if (i > start)
        segment_paragraph(sg, s + start, i - start, start, lang, out);
      start = e + 1;
    } else if (i > start && bullet(s + i, e - i)) {
      /* a list item starts afresh ("。\n- b." would stay joined: ICU
       * does not end a sentence before a hyphen) */
      segment_paragraph(sg, s + start, i - start, start, lang, out);
      start = i;
    }
    i = e + 1;
  }
  if (start < n) segment_paragraph(sg, s + start, n - start, start, lang, out);
}
