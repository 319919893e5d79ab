/* charcount.c — the lengths the engine compares: a text's kanji, kana and
 * other characters (ty_count_chars), less the glosses a Japanese text adds
 * in brackets (ty_gloss_chars). */
#include "engine.h"

#include <stdint.h>
#include <string.h>

/* The characters (brackets included, spaces not) of the glosses in
 * s[0..n): a parenthesis of Latin text right after Japanese text,
 * "不安定版 (unstable)", "再指定 (reassign)", which restates the word
 * before it (debian-faq, developers-reference, the Debian constitution
 * write them so): it adds nothing to the length of the English the
 * Japanese stands for.  Its words stay anchors. */
static double gloss_scan(const char *s, size_t n) {
  double total = 0;
  int after_japanese = 0;
  for (size_t i = 0; i < n;) {
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    if (c == '(' || c == 0xFF08) {
      size_t k = i + (size_t)len, cnt = 1;
      int latin = 0, ok = after_japanese;
      while (ok && k < n) {
        int l2;
        int32_t d = ty_utf8_decode(s + k, n - k, &l2);
        k += (size_t)l2;
        if (d == ')' || d == 0xFF09) {
          cnt++;
          break;
        }
        if (d >= 0x80 || d == '\n' || cnt > 40) ok = 0;
        if (is_alpha(d)) latin = 1;
        if (d != ' ') cnt++;
      }
      if (ok && latin && k <= n) total += (double)cnt;
      after_japanese = 0;
      i += (size_t)len;
      continue;
    }
    if (!ty_is_space(c) && c != '\n')
      after_japanese = c >= 0x3041 && ty_is_japanese(c);
    i += (size_t)len;
  }
  return total;
}

double ty_gloss_chars(const char *s, size_t n) {
  if (!memchr(s, '(', n) && !memmem(s, n, "\xEF\xBC\x88", 3)) return 0;
  return gloss_scan(s, n);
}

/* How many of the eight bytes of w count as English characters, when all
 * are ASCII above the controls (else -1): those above the space.  Sets
 * *paren when one is '('.  (Bytes one at a time were a tenth of check's
 * instructions on gen/10000.) */
static int ascii_word_chars(uint64_t w, int *paren) {
  const uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
  uint64_t p = w ^ (ones * '(');
  if ((w & highs) || ((w - ones * 0x20) & ~w & highs)) return -1;
  *paren |= ((p - ones) & ~p & highs) != 0;
  /* a byte of 0x21..0x7F gets its high bit from adding 0x5F, no carry */
  return (int)((((w + ones * 0x5F) & highs) >> 7) * ones >> 56);
}

void ty_count_chars(const char *s, size_t n, charcount *acc) {
  size_t i = 0, k = 0, j = 0, o = 0;
  int bracket = 0; /* a ( or （ that may start a gloss */
  const unsigned char *u = (const unsigned char *)s;
  while (i < n) {
    unsigned char b = u[i];
    if (b < 0x80) {
      if (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, u + i, 8);
        int c8 = ascii_word_chars(w, &bracket);
        if (c8 >= 0) {
          o += (size_t)c8;
          i += 8;
          continue;
        }
      }
      o += b != ' ' && b != '\n' && b != '\t' && b != '\r';
      bracket |= b == '(';
      i++;
      continue;
    }
    int len;
    int32_t c;
    /* a well-formed three-byte sequence (kana, kanji) decoded here */
    if ((b & 0xF0) == 0xE0 && i + 2 < n && (u[i + 1] & 0xC0) == 0x80 &&
        (u[i + 2] & 0xC0) == 0x80 && (b != 0xE0 || u[i + 1] >= 0xA0) &&
        (b != 0xED || u[i + 1] < 0xA0)) {
      c = (int32_t)((b & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 |
                    (u[i + 2] & 0x3Fu));
      len = 3;
    } else {
      c = ty_utf8_decode(s + i, n - i, &len);
    }
    bracket |= c == 0xFF08;
    /* kana and the common Han block without asking ICU */
    if ((c >= 0x3041 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F))
      j++;
    else if ((c >= 0x4E00 && c <= 0x9FFF) || ty_is_japanese(c))
      k++;
    else if (!ty_is_space(c))
      o++;
    i += (size_t)len;
  }
  acc->kanji += (double)k;
  acc->kana += (double)j;
  acc->other += (double)o - (bracket ? gloss_scan(s, n) : 0);
}
