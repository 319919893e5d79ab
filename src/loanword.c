/* loanword.c — loanwords as anchors: a katakana word and an English word
 * compared by their consonant skeletons (ファイル f-r, file f-r;
 * ディレクトリ d-r-k-t-r, directory d-r-k-t-r), for ty_seq_add (engine.c). */
#include "engine.h"

/* The consonant of each katakana U+30A1..U+30FA, '0' for none (vowels,
 * small kana, ッ). */
static const char kana_consonant[] =
    "0000000000kgkgkgkgkgsssgsssssstdtg0tstdtdnnnnnhbphbpfbphbphbpmmmmm"
    "000000rrrrr0w000nbkkbbbb";

static int is_vowel(int c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* Adds the skeleton hash of sk[0..n) as an anchor: weak with two
 * consonants, none with fewer. */
static void put_skeleton(seq *q, const char *sk, size_t n) {
  if (n < 2) return;
  uint32_t h = fnv(2166136261u, 'k');
  for (size_t k = 0; k < n; k++)
    h = fnv(h, (unsigned char)sk[k]);
  ty_seq_put_anchor(q, (h & ~7u) | (n < 3 ? A_WEAK : 0u));
}

/* The consonant skeleton of the lower-cased English word w[0..n), spelt
 * as katakana would write its sounds. */
static size_t english_skeleton(const char *w, size_t n, char *sk, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < cap; i++) {
    int c = w[i], next = i + 1 < n ? w[i + 1] : 0, prev = i ? w[i - 1] : 0;
    int out = 0;
    if (is_vowel(c)) continue;
    if (c == 'p' && next == 'h')
      out = 'f', i++;
    else if ((c == 't' || c == 's') && next == 'h')
      out = 's', i++;
    else if (c == 'c' && next == 'h')
      out = 't', i++;
    else if (c == 'c' && next == 'k')
      out = 'k', i++;
    else if ((c == 't' || c == 's') && next == 'i' && i + 2 < n &&
             w[i + 2] == 'o')
      out = 's';
    else if (c == 'c')
      out = (next == 'e' || next == 'i' || next == 'y') ? 's' : 'k';
    else if (c == 'q')
      out = 'k';
    else if (c == 'x') {
      if (k + 1 < cap) sk[k++] = 'k';
      out = 's';
    } else if (c == 'l')
      out = 'r';
    else if (c == 'v')
      out = 'b';
    else if (c == 'z')
      out = 's';
    else if (c == 'j')
      out = 'g';
    else if (c == 'r' && is_vowel(prev) && !is_vowel(next))
      continue;
    else if (c == 'w' && !is_vowel(next))
      continue;
    else if (c == 'h' && i)
      continue;
    else
      out = c;
    if (k && sk[k - 1] == out) continue;
    sk[k++] = (char)out;
  }
  return k;
}

void ty_put_english_skeleton(seq *q, const char *word, size_t wl) {
  char sk[32];
  put_skeleton(q, sk, english_skeleton(word, wl, sk, sizeof sk));
}

int ty_is_katakana(int32_t c) {
  return c >= 0x30A1 && c <= 0x30FC && c != 0x30FB;
}

void ty_read_katakana(seq *q, const char *s, size_t n, size_t *i,
                      charcount *ch) {
  char sk[32];
  size_t k = 0, kana = 0;
  while (*i < n) {
    int len;
    int32_t c = ty_utf8_decode(s + *i, n - *i, &len);
    if (!ty_is_katakana(c)) break;
    int cons = c <= 0x30FA ? kana_consonant[c - 0x30A1] : '0';
    if (cons != '0' && k < sizeof sk && !(k && sk[k - 1] == cons))
      sk[k++] = (char)cons;
    kana++;
    ch->kana++;
    *i += (size_t)len;
  }
  if (kana >= 3) put_skeleton(q, sk, k);
}
