/* tokens.c — the Latin-script tokens a clause states (acronyms, codes,
 * names, paths: NISC, IoT, G7, e-Gov, /usr/share/doc) and the search for
 * one in the other language's text, which the token and glossary checks
 * share. */
#include "internal.h"

#include <string.h>

static int is_digit(char c) {
  return c >= '0' && c <= '9';
}
static int is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int is_alnum(char c) {
  return is_digit(c) || is_alpha(c);
}
static char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* ---- Latin-script tokens ------------------------------------------------ */

/* Characters that join a token's parts: e-Gov, U.S., R&D, Society5.0. */
static int joiner(char c) {
  return c == '-' || c == '.' || c == '&' || c == '/' || c == '_' || c == '+';
}

/* Where the first eight bytes from s[i] on that hold an ASCII byte start
 * (i itself when those from i do), or the last few bytes of s[0..n): runs
 * of Japanese passed over eight bytes at a time. */
static size_t skip_non_ascii(const char *s, size_t i, size_t n) {
  const uint64_t highs = 0x8080808080808080ULL;
  for (uint64_t w; i + 8 <= n; i += 8) {
    memcpy(&w, s + i, 8);
    if ((w & highs) != highs) break;
  }
  return i;
}

void ty_extract_tokens(const char *s, size_t n, ty_spans *out) {
  size_t i = 0;
  while (i < n) {
    if (!is_alnum(s[i])) {
      size_t j = skip_non_ascii(s, i, n);
      i = j > i ? j : i + 1;
      continue;
    }
    size_t a = i;
    int letters = 0;
    while (i < n) {
      if (is_alnum(s[i])) {
        letters += is_alpha(s[i]);
        i++;
      } else if (joiner(s[i]) && i + 1 < n && is_alnum(s[i + 1])) {
        i++;
      } else if (s[i] == '-' && i + 2 < n && s[i + 1] == ' ' &&
                 is_alnum(s[i + 2]) && i - a >= 2) {
        /* wrapped at a hyphen and the lines joined with a space
         * ("debian-" / "private", developers-reference ja.txt 4.2): the
         * span keeps the space, the token check drops it.  Not at a
         * slash: "http://ftp.jp.debian.org/debian/ unstable" is a URL
         * and a word (debian-faq ja.txt 3.1.10). */
        i += 2;
      } else {
        break;
      }
    }
    /* Numbers are the number check's (Roman ones too: III, XIV); single
     * letters are labels and initials (ドナルド・J・トランプ); after a '%'
     * is a conversion or an escape of a software message (%li, %0A). */
    if (letters == 0 || (letters == 1 && i - a == 1)) continue;
    if (a > 0 && s[a - 1] == '%') continue;
    size_t r = a;
    while (r < i && (s[r] == 'I' || s[r] == 'V' || s[r] == 'X'))
      r++;
    if (r == i) continue;
    size_t k;
    for (k = 0; k < out->n; k++)
      if (out->v[k].len == i - a &&
          memcmp(s + out->v[k].off, s + a, i - a) == 0)
        break;
    if (k < out->n) continue;
    if (out->n == out->cap) {
      out->cap = out->cap ? out->cap * 2 : 8;
      out->v = ty_xrealloc(out->v, out->cap * sizeof *out->v);
    }
    out->v[out->n].off = a;
    out->v[out->n].len = i - a;
    out->n++;
  }
}

/* Whether t[0..n) is written with capitals inside it, as acronyms and
 * names of that kind are (NISC, IoT, GitHub): then its case is part of
 * it.  "Build-Dependencies", "Blu-Ray" are words capitalised; the English
 * may write them "build-dependencies", "Blu-ray" (debian-faq 7.13, 9). */
static int inner_capitals(const char *t, size_t n) {
  for (size_t i = 1; i < n; i++)
    if (t[i] >= 'A' && t[i] <= 'Z' && is_alpha(t[i - 1])) return 1;
  return 0;
}

unsigned ty_token_match(const char *t, size_t n, size_t *stem) {
  int digits = 0;
  for (size_t i = 0; i < n; i++)
    digits += is_digit(t[i]);
  *stem = n;
  if (inner_capitals(t, n)) return TY_FIND_PLURAL; /* NISC, IoT: exactly */
  if (digits || n < 4) return TY_FIND_FOLD;        /* G7, e-Gov */
  /* An ordinary word glossed in brackets, 方針 (policy): the English may
   * inflect it (policies, Developers, delegated, auto-builders; a plural
   * the other way: "Conflicts" for "conflict with", developers-reference
   * 5.9.3). */
  if (t[n - 1] == 'y' || t[n - 1] == 'e') *stem = n - 1;
  if (t[n - 1] == 's' && t[n - 2] != 's' && n >= 5) *stem = n - 1;
  return TY_FIND_FOLD | TY_FIND_PREFIX;
}

/* The length of an English ending an acronym may take, "s", "es", "ed"
 * (URLs, OSes, NMUed: debian-faq 1.4, developers-reference 6.3.3), at
 * hay[0..n) before a word's end; 0 for none. */
static size_t acronym_ending(const char *hay, size_t n) {
  static const char *const ends[] = {"es", "ed", "s"};
  for (size_t e = 0; e < 3; e++) {
    size_t k = strlen(ends[e]);
    if (k <= n && memcmp(hay, ends[e], k) == 0 && (k == n || !is_alnum(hay[k])))
      return k;
  }
  return 0;
}

/* Index of the first c (either case when `fold`) in hay[i..n), or n. */
static size_t find_char(const char *hay, size_t i, size_t n, char c, int fold) {
  const char *a = memchr(hay + i, c, n - i);
  if (fold && is_alpha(c)) {
    char other = (char)(c ^ 0x20);
    const char *b = memchr(hay + i, other, (a ? (size_t)(a - hay) : n) - i);
    if (b) a = b;
  }
  return a ? (size_t)(a - hay) : n;
}

int ty_find_word(const char *hay, size_t n, const char *w, size_t k,
                 unsigned how) {
  int fold = (how & TY_FIND_FOLD) != 0;
  /* the space a wrapped token was joined with; a line end too when the
   * text's lines are not joined */
  char gap = how & TY_FIND_LINES ? '\n' : ' ';
  if (k == 0 || k > n) return 0;
  for (size_t i = find_char(hay, 0, n, w[0], fold); i + k <= n;
       i = find_char(hay, i + 1, n, w[0], fold)) {
    size_t j = 1, h = i + 1;
    while (j < k && h < n) {
      int space = hay[h] == ' ' || hay[h] == gap;
      if (fold ? lower(hay[h]) == lower(w[j]) : hay[h] == w[j]) {
        j++;
        h++;
      } else if (space && h + 1 < n && joiner(w[j - 1]) &&
                 (fold ? lower(hay[h + 1]) == lower(w[j])
                       : hay[h + 1] == w[j])) {
        h++; /* "ftp-" / "master" joined as "ftp- master" */
      } else if (space && h + 1 < n && joiner(w[j]) && hay[h + 1] == w[j]) {
        h++; /* "/usr/share" / "/common-licenses" */
      } else {
        break;
      }
    }
    if (j < k) continue;
    /* Whole words only where the word itself starts or ends with a letter
     * or digit: "AIS" is not in "daisy"; but an acronym may take an
     * ending (URLs, NGOs, OSes). */
    size_t end = h;
    if (how & TY_FIND_PLURAL) end += acronym_ending(hay + end, n - end);
    if ((is_alnum(w[0]) && i > 0 && is_alnum(hay[i - 1])) ||
        (!(how & TY_FIND_PREFIX) && is_alnum(w[k - 1]) && end < n &&
         is_alnum(hay[end])))
      continue;
    return 1;
  }
  return 0;
}
