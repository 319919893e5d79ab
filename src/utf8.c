/* utf8.c — small UTF-8 and character-class helpers over ICU properties. */
#include "internal.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

int32_t ty_utf8_decode(const char *s, size_t n, int *len) {
  const unsigned char *u = (const unsigned char *)s;
  unsigned c = u[0];
  if (c < 0x80) {
    *len = 1;
    return (int32_t)c;
  }
  int need;
  int32_t cp, min;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1; cp = c & 0x1F; min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2; cp = c & 0x0F; min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3; cp = c & 0x07; min = 0x10000;
  } else {
    *len = 1;
    return 0xFFFD;
  }
  if ((size_t)need >= n) {
    *len = 1;
    return 0xFFFD;
  }
  for (int i = 1; i <= need; i++) {
    if ((u[i] & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (u[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *len = 1;
    return 0xFFFD;
  }
  *len = need + 1;
  return cp;
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

size_t ty_utf8_validate(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    /* ASCII fast path, eight bytes at a time */
    while (i + 8 <= n) {
      uint64_t w;
      __builtin_memcpy(&w, u + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (u[i] < 0x80) {
      i++;
      continue;
    }
    int len;
    ty_utf8_decode(s + i, n - i, &len);
    if (len == 1) return i; /* a non-ASCII byte decoded alone is invalid */
    i += (size_t)len;
  }
  return n;
}

int ty_is_space(int32_t c) {
  if (c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000) return 1;
  if (c < 0x80) return 0;
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
  return U_SUCCESS(e) &&
         (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA);
}
