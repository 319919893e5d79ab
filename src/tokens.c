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

void ty_extract_tokens(const char *s, size_t n, ty_spans *out) {
  size_t i = 0;
  while (i < n) {
    if (!is_alnum(s[i])) {
      i++;
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

unsigned ty_token_match(const char *t, size_t n, size_t *stem) {
  int upper = 0, digits = 0;
  for (size_t i = 0; i < n; i++) {
    upper += t[i] >= 'A' && t[i] <= 'Z';
    digits += !is_alpha(t[i]);
  }
  *stem = n;
  if (upper >= 2) return TY_FIND_PLURAL;    /* NISC, IoT: exactly */
  if (digits || n < 4) return TY_FIND_FOLD; /* G7, e-Gov */
  /* An ordinary word glossed in brackets, 方針 (policy): the English may
   * inflect it (policies, Developers, delegated). */
  if (t[n - 1] == 'y' || t[n - 1] == 'e') *stem = n - 1;
  return TY_FIND_FOLD | TY_FIND_PREFIX;
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
  if (k == 0 || k > n) return 0;
  for (size_t i = find_char(hay, 0, n, w[0], fold); i + k <= n;
       i = find_char(hay, i + 1, n, w[0], fold)) {
    size_t j = 1, h = i + 1;
    while (j < k && h < n) {
      if (fold ? lower(hay[h]) == lower(w[j]) : hay[h] == w[j]) {
        j++;
        h++;
      } else if (hay[h] == ' ' && h + 1 < n && joiner(w[j - 1]) &&
                 (fold ? lower(hay[h + 1]) == lower(w[j])
                       : hay[h + 1] == w[j])) {
        h++; /* "ftp-" / "master" joined as "ftp- master" */
      } else if (hay[h] == ' ' && h + 1 < n && joiner(w[j]) &&
                 hay[h + 1] == w[j]) {
        h++; /* "/usr/share" / "/common-licenses" */
      } else {
        break;
      }
    }
    if (j < k) continue;
    /* Whole words only where the word itself starts or ends with a letter
     * or digit: "AIS" is not in "daisy"; but an acronym may take a plural
     * s (URLs, NGOs). */
    size_t end = h;
    if ((how & TY_FIND_PLURAL) && end < n && hay[end] == 's') end++;
    if ((is_alnum(w[0]) && i > 0 && is_alnum(hay[i - 1])) ||
        (!(how & TY_FIND_PREFIX) && is_alnum(w[k - 1]) && end < n &&
         is_alnum(hay[end])))
      continue;
    return 1;
  }
  return 0;
}
