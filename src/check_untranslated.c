/* check_untranslated.c — how surely a Japanese-side text that holds no
 * Japanese is English prose left untranslated, rather than what a
 * translator rightly keeps in English: names, copyright lines, package
 * and command names, paths, addresses, a licence's own text.
 *
 * The evidence is the text's prose words: words of letters only, written
 * lower-case (the, is, distributed), outside anything that looks like
 * code (a word with / @ _ = $ < > or a digit, a dotted name).  Names are
 * capitalised ("Copyright © 2019 - 2023 Holger Levsen", "Debian GNU/Linux
 * FAQ", "Developer's Reference Team <…>" have none), a command is mostly
 * code.  Checked on the front matter and the untranslated sections of
 * developers-reference ja.txt (5.12 Package Salvaging, 5.15, appendix
 * 1.2–1.8) and debian-faq ja.txt (front-2..10, 6, 11.5, 11.7, 12.2.2). */
#include "internal.h"

#include <string.h>

/* A word ends at a space; these around it are punctuation, not part of it
 * ("(see", "done.", "“APT”"). */
static int edge_punct(unsigned char c) {
  return c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' ||
         c == ']' || c == ',' || c == '.' || c == ';' || c == ':' || c == '!' ||
         c == '?' || c == '*' || c == '`';
}

/* Whether s[0..n) (one space-separated word, edge punctuation stripped)
 * is a prose word: ASCII letters with at most inner ' and -, the first
 * one lower-case.  Non-ASCII letters (Raphaël) make it a name. */
static int prose_word(const char *s, size_t n) {
  if (n == 0 || !(s[0] >= 'a' && s[0] <= 'z')) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c == '\'' || c == '-') && i + 1 < n) continue;
    return 0;
  }
  return 1;
}

size_t ty_prose_words(const char *s, size_t n) {
  size_t words = 0, i = 0;
  while (i < n) {
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t'))
      i++;
    size_t a = i;
    while (i < n && s[i] != ' ' && s[i] != '\n' && s[i] != '\t')
      i++;
    size_t b = i;
    while (a < b && edge_punct((unsigned char)s[a]))
      a++;
    while (b > a && edge_punct((unsigned char)s[b - 1]))
      b--;
    words += prose_word(s + a, b - a);
  }
  return words;
}

/* Whether s[0..n) holds w (lower-case ASCII) in either case. */
static int holds(const char *s, size_t n, const char *w) {
  size_t k = strlen(w);
  for (size_t i = 0; i + k <= n; i++) {
    size_t j = 0;
    while (j < k && (s[i + j] | 0x20) == w[j])
      j++;
    if (j == k) return 1;
  }
  return 0;
}

/* A licence or copyright notice: what the FSF and most licences ask a
 * translation to keep in the original (the English text is the binding
 * one).  It names a licence or a copyright and grants or disclaims
 * something: developers-reference front-10..12 (the GPL notice),
 * debian-faq front-8..10 ("Permission is granted to copy…"); not the
 * untranslated appendix 1.2.10 of developers-reference, which says what
 * "licensecheck" does. */
int ty_licence_notice(const char *s, size_t n) {
  static const char *const what[] = {"licen", "copyright",
                                     "permission is granted"};
  static const char *const grant[] = {"permission", "warranty", "distribut",
                                      "free software"};
  int names = 0, grants = 0;
  for (size_t i = 0; i < sizeof what / sizeof *what; i++)
    names |= holds(s, n, what[i]);
  for (size_t i = 0; i < sizeof grant / sizeof *grant; i++)
    grants |= holds(s, n, grant[i]);
  return names && grants;
}

#define PROSE_WORDS 3  /* a sentence's worth of lower-case words */
#define CONF_SHORT 0.4 /* one or two: a title, maybe a name */

/* A licence notice is no finding: keeping it in English is the rule, not
 * a translator's slip. */
double ty_untranslated_confidence(const char *s, size_t n) {
  size_t prose = ty_prose_words(s, n);
  if (prose == 0 || ty_licence_notice(s, n)) return 0;
  return prose < PROSE_WORDS ? CONF_SHORT : 1.0;
}
