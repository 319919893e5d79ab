/* utf8_inline.h — ty_utf8_decode's common cases inline, for the loops
 * that visit every character of a text (sentence.c, checks.c,
 * extract_ja.c). */
#ifndef TY_UTF8_INLINE_H
#define TY_UTF8_INLINE_H

#include "internal.h"

/* ty_utf8_decode with ASCII and well-formed three-byte sequences (kana,
 * kanji) decoded inline, for the loops over every character of a text
 * (a call a character was a twentieth of check's instructions). */
static inline int32_t ty_utf8_decode_inline(const char *s, size_t n, int *len) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] < 0x80) {
    *len = 1;
    return u[0];
  }
  if ((u[0] & 0xF0) == 0xE0 && n >= 3 && (u[1] & 0xC0) == 0x80 &&
      (u[2] & 0xC0) == 0x80 && (u[0] != 0xE0 || u[1] >= 0xA0) &&
      (u[0] != 0xED || u[1] < 0xA0)) {
    *len = 3;
    return (int32_t)((u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 |
                     (u[2] & 0x3Fu));
  }
  return ty_utf8_decode(s, n, len);
}

#endif
