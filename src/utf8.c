/* utf8.c — small UTF-8 and character-class helpers over ICU properties. */
#include "internal.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

int32_t ty_utf8_decode(const char *s, size_t n, int *len) {
  const unsigned char *u = (const unsigned char *)s;
  unsigned c = u[0];
  if (c < 0x80) {
    *len = 1;
    return (int32_t)c;
  }
  /* Japanese text is mostly three-byte sequences: test them first. */
  if ((c & 0xF0) == 0xE0 && n >= 3 && (u[1] & 0xC0) == 0x80 &&
      (u[2] & 0xC0) == 0x80) {
    int32_t cp =
        (int32_t)((c & 0x0F) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu));
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
      *len = 3;
      return cp;
    }
  } else if (c >= 0xC2 && c <= 0xDF && n >= 2 && (u[1] & 0xC0) == 0x80) {
    *len = 2;
    return (int32_t)((c & 0x1F) << 6 | (u[1] & 0x3Fu));
  } else if (c >= 0xF0 && c <= 0xF4 && n >= 4 && (u[1] & 0xC0) == 0x80 &&
             (u[2] & 0xC0) == 0x80 && (u[3] & 0xC0) == 0x80) {
    int32_t cp = (int32_t)((c & 0x07) << 18 | (u[1] & 0x3Fu) << 12 |
                           (u[2] & 0x3Fu) << 6 | (u[3] & 0x3Fu));
    if (cp >= 0x10000 && cp <= 0x10FFFF) {
      *len = 4;
      return cp;
    }
  }
  *len = 1;
  return 0xFFFD;
}

int ty_utf8_encode(int32_t c, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (c < 0x80) {
    o[0] = (unsigned char)c;
    return 1;
  }
  if (c < 0x800) {
    o[0] = (unsigned char)(0xC0 | (c >> 6));
    o[1] = (unsigned char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (c >> 12));
    o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (c & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (c >> 18));
  o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (c & 0x3F));
  return 4;
}

/* Sixteen bytes of ASCII at u: two words with no high bit. */
static int ascii16(const unsigned char *u) {
  uint64_t a, b;
  memcpy(&a, u, 8);
  memcpy(&b, u + 8, 8);
  return !((a | b) & 0x8080808080808080ULL);
}

/* Five three-byte sequences at a time (15 bytes of kana and kanji), as
 * the compiler's vector extension: leads E1..EC or EE..EF (E0 and ED,
 * which restrict their second byte, go the byte-wise way), then two
 * continuation bytes each.  Validation was a sixth of a structure-only
 * run (gen/100000) at one sequence a step. */
typedef unsigned char bytes16 __attribute__((vector_size(16)));

static const bytes16 wide_mask = {0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0,
                                  0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0,
                                  0xF0, 0xC0, 0xC0, 0};
static const bytes16 wide_bits = {0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80,
                                  0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80,
                                  0xE0, 0x80, 0x80, 0};
static const bytes16 wide_leads = {0xFF, 0,    0, 0xFF, 0,    0, 0xFF, 0,
                                   0,    0xFF, 0, 0,    0xFF, 0, 0,    0};

/* Whether the 16 bytes at u start with five such sequences. */
static int five_wide(const unsigned char *u) {
  bytes16 x;
  memcpy(&x, u, sizeof x);
  bytes16 bad = (bytes16)((x & wide_mask) != wide_bits) |
                ((bytes16)((x == 0xE0) | (x == 0xED)) & wide_leads);
  uint64_t w[2];
  memcpy(w, &bad, sizeof w);
  return (w[0] | w[1]) == 0;
}

size_t ty_utf8_validate(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    unsigned c = u[i];
    if (c < 0x80) {
      i++;
      while (i + 16 <= n && ascii16(u + i))
        i += 16;
      continue;
    }
    /* A run of three-byte sequences (kana, kanji, full-width forms):
     * E0 needs a second byte of A0 or more (no overlong forms), ED one
     * below A0 (no surrogates). */
    if ((c & 0xF0) == 0xE0) {
      while (i + 16 <= n && five_wide(u + i))
        i += 15;
      if (i >= n || ((c = u[i]) & 0xF0) != 0xE0) continue;
      do {
        if (i + 2 >= n) return i;
        /* both continuation bytes tested at once */
        unsigned w = (unsigned)u[i + 1] | (unsigned)u[i + 2] << 8;
        if ((w & 0xC0C0u) != 0x8080u || (c == 0xE0 && u[i + 1] < 0xA0) ||
            (c == 0xED && u[i + 1] >= 0xA0))
          return i;
        i += 3;
      } while (i < n && ((c = u[i]) & 0xF0) == 0xE0);
      continue;
    }
    int len;
    ty_utf8_decode(s + i, n - i, &len);
    if (len == 1) return i; /* a non-ASCII byte decoded alone is invalid */
    i += (size_t)len;
  }
  return n;
}

/* Whether u[0] is not a character of its own for the count: a blank or
 * the continuation of a sequence. */
static int uncounted(unsigned char u) {
  return u == ' ' || u == '\t' || u == '\n' || (u & 0xC0) == 0x80;
}

size_t ty_utf8_count_nonblank(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t skipped = 0, i = 0;
  /* sixteen bytes a step, each lane of acc counting up to 255 of them */
  while (i + 16 <= n) {
    bytes16 acc = {0};
    for (int k = 0; k < 255 && i + 16 <= n; k++, i += 16) {
      bytes16 x;
      memcpy(&x, u + i, sizeof x);
      acc -= (bytes16)((x == ' ') | (x == '\t') | (x == '\n') |
                       ((x & 0xC0) == 0x80));
    }
    for (int k = 0; k < 16; k++)
      skipped += acc[k];
  }
  for (; i < n; i++)
    skipped += (size_t)uncounted(u[i]);
  return n - skipped;
}

int ty_is_space(int32_t c) {
  if (c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000) return 1;
  /* Every space separator (Zs) lies in U+1680..U+3000 but NBSP, tested
   * above: kana, kanji and Latin text never reach ICU. */
  if (c < 0x1680 || c > 0x3000) return 0;
  return u_charType(c) == U_SPACE_SEPARATOR;
}

int ty_char_width(int32_t c) {
  if (c < 0x20) return 0;
  if (c < 0x7F) return 1;
  int8_t t = u_charType(c);
  if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_FORMAT_CHAR)
    return 0;
  int w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (w == U_EA_WIDE || w == U_EA_FULLWIDTH) ? 2 : 1;
}

int ty_is_japanese(int32_t c) {
  if (c < 0x3000) return 0;
  UErrorCode e = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(c, &e);
  return U_SUCCESS(e) && (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
                          sc == USCRIPT_KATAKANA);
}

void ty_utf8_line_col(const char *s, size_t n, size_t at, int *line, int *col) {
  int ln = 1, c = 1;
  for (size_t i = 0; i < at && i < n; i++) {
    if (s[i] == '\n') {
      ln++;
      c = 1;
    } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
      c++;
    }
  }
  *line = ln;
  *col = c;
}
