/* check_tokens.c — token-mismatch: the Latin-script tokens of a Japanese
 * clause (acronyms, names, paths, words glossed in brackets) that its
 * English counterpart does not hold, after what translators commonly do
 * to a token:
 *  - write an acronym where the English spells it out, or the other way
 *    round ("バグ追跡システム (BTS)" / "bug tracking system",
 *    "Linux Filesystem Hierarchy Standard (FHS、…)" / the words alone;
 *    developers-reference 7.1, 7.2.2, 5.14.4; debian-faq 4.3, 4.5);
 *  - give both, one in brackets after the other, where the English has
 *    one ("GPL (GNU General Public License)", "LMDE (Linux Mint Debian
 *    Edition)"; debian-faq 1.2, 3.2, 3.2.3);
 *  - join names with a slash the English writes in the plural
 *    ("CD/DVD/BD" / "CDs/DVDs/BDs", "Knoppix/LMDE"; debian-faq 3.2.1,
 *    9.1.2);
 *  - point to the Japanese mirror or page ("ftp.jp.debian.org" /
 *    "ftp.us.debian.org", "wiki.debian.org/ja/"; debian-faq 3.1.10,
 *    9.1.1, 15.1).
 * A token still missing is less sure evidence when the English document
 * states it elsewhere (the translator knows the term: "Debian プロジェクト"
 * for "the Project", Debian constitution 4.1(5).1), when it is an
 * ordinary lower-case word (English inflects or paraphrases it:
 * "凍結 (freeze)" / "frozen", debian-faq 6.1), or when it is a Japanese
 * address (debian.or.jp): those findings carry a confidence below
 * TY_CONFIDENCE_DEMOTE. */
#include "internal.h"

#include <string.h>

static int alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int upper(char c) {
  return c >= 'A' && c <= 'Z';
}
static int alnum(char c) {
  return alpha(c) || (c >= '0' && c <= '9');
}
static char lower(char c) {
  return upper(c) ? (char)(c - 'A' + 'a') : c;
}

/* An acronym: two to eight capitals, nothing else (NISC, FHS, BTS). */
static int acronym(const char *t, size_t k) {
  if (k < 2 || k > 8) return 0;
  for (size_t i = 0; i < k; i++)
    if (!upper(t[i])) return 0;
  return 1;
}

static int found_plain(const char *en, size_t n, const char *t, size_t k) {
  size_t stem;
  unsigned how = ty_token_match(t, k, &stem);
  return ty_find_word(en, n, t, stem, how);
}

/* found_plain in the document's text as read, without joining its lines
 * (a copy of the whole English document cost its size in memory). */
static int found_in_doc(const char *doc, size_t n, const char *t, size_t k) {
  size_t stem;
  unsigned how = ty_token_match(t, k, &stem);
  return ty_find_word(doc, n, t, stem, how | TY_FIND_LINES);
}

/* Whether en holds words whose initials spell the acronym a[0..k), three
 * letters or more ("bug tracking system" for BTS), words apart by one
 * space or hyphen. */
static int initials_in(const char *en, size_t n, const char *a, size_t k) {
  if (k < 3) return 0;
  for (size_t i = 0; i < n; i++) {
    if (!alpha(en[i]) || (i > 0 && alnum(en[i - 1]))) continue;
    size_t j = i, m = 0;
    while (m < k && j < n && lower(en[j]) == lower(a[m])) {
      m++;
      while (j < n && alpha(en[j]))
        j++;
      if (m == k) break;
      if (j + 1 < n && (en[j] == ' ' || en[j] == '-') && alpha(en[j + 1]))
        j++;
      else
        break;
    }
    if (m == k && (j >= n || !alnum(en[j]))) return 1;
  }
  return 0;
}

/* A token alone, or an acronym spelt out. */
static int found_simple(const char *en, size_t n, const char *t, size_t k) {
  return found_plain(en, n, t, k) ||
         (acronym(t, k) && initials_in(en, n, t, k));
}

/* "CD/DVD/BD", "Knoppix/LMDE": names joined by slashes (each part
 * capitalised, so not a path) are found part by part. */
static int found_parts(const char *en, size_t n, const char *t, size_t k) {
  if (!memchr(t, '/', k)) return 0;
  size_t a = 0;
  while (a < k) {
    size_t b = a;
    while (b < k && t[b] != '/')
      b++;
    if (b == a || !upper(t[a]) || !found_simple(en, n, t + a, b - a)) return 0;
    a = b + 1;
  }
  return 1;
}

/* ---- an acronym beside its words in the Japanese ---------------------- */

/* One "A (P…)" or "P (A…)" of the Japanese: offsets of the acronym and
 * of the phrase. */
typedef struct gloss {
  size_t a, an, p, pn;
} gloss;

/* The Latin run ending before ja[i] (letters, digits, spaces, joiners),
 * trimmed: *start and the length. */
static size_t run_before(const char *ja, size_t i, size_t *start) {
  size_t e = i;
  while (e > 0 && ja[e - 1] == ' ')
    e--;
  size_t s = e;
  while (s > 0 && (alnum(ja[s - 1]) || ja[s - 1] == ' ' || ja[s - 1] == '-' ||
                   ja[s - 1] == '/' || ja[s - 1] == '.'))
    s--;
  while (s < e && !alnum(ja[s]))
    s++;
  *start = s;
  return e - s;
}

/* The Latin run after ja[i] up to a closing bracket, a comma or 、. */
static size_t run_after(const char *ja, size_t n, size_t i, size_t *start) {
  while (i < n && ja[i] == ' ')
    i++;
  size_t e = i;
  while (e < n && (alnum(ja[e]) || ja[e] == ' ' || ja[e] == '-'))
    e++;
  if (e < n && ja[e] != ')' && ja[e] != ',' &&
      !(e + 2 < n && memcmp(ja + e, "\xE3\x80\x81", 3) == 0)) /* 、 */
    return 0;
  while (e > i && ja[e - 1] == ' ')
    e--;
  *start = i;
  return e - i;
}

static int phrase(const char *t, size_t k) {
  return k >= 3 && memchr(t, ' ', k) != NULL;
}

/* The glosses of the Japanese (NFKC: brackets are ASCII), at most `max`. */
static size_t find_glosses(const char *ja, size_t n, gloss *g, size_t max) {
  size_t ng = 0;
  for (size_t i = 0; i < n && ng < max; i++) {
    if (ja[i] != '(') continue;
    size_t xs, ys;
    size_t xn = run_before(ja, i, &xs), yn = run_after(ja, n, i + 1, &ys);
    if (!xn || !yn) continue;
    /* the acronym before: the last part of what precedes ("Knoppix/LMDE") */
    size_t ls = xs + xn;
    while (ls > xs && ja[ls - 1] != ' ' && ja[ls - 1] != '/')
      ls--;
    if (acronym(ja + ys, yn) && phrase(ja + xs, xn))
      g[ng++] = (gloss){ys, yn, xs, xn};
    else if (acronym(ja + ls, xs + xn - ls) && phrase(ja + ys, yn))
      g[ng++] = (gloss){ls, xs + xn - ls, ys, yn};
  }
  return ng;
}

/* Whether the token at ja[off..off+k) is (in) a gloss whose acronym or
 * phrase the English holds. */
static int found_glossed(const char *ja, const gloss *g, size_t ng,
                         const char *en, size_t n, size_t off, size_t k) {
  for (size_t i = 0; i < ng; i++) {
    int in_a = off >= g[i].a && off + k <= g[i].a + g[i].an;
    int in_p = off >= g[i].p && off + k <= g[i].p + g[i].pn;
    if (!in_a && !in_p) continue;
    if (found_simple(en, n, ja + g[i].a, g[i].an) ||
        ty_find_word(en, n, ja + g[i].p, g[i].pn, TY_FIND_FOLD))
      return 1;
  }
  return 0;
}

/* ---- localised addresses ------------------------------------------------ */

static int separator(char c) {
  return c == '.' || c == '/' || c == '-' || c == '@';
}

/* en holds t[0..k) with the component t[cs..ce) replaced by any two
 * letters ("ftp.jp.debian.org" as "ftp.us.debian.org"). */
static int found_replaced(const char *en, size_t n, const char *t, size_t k,
                          size_t cs, size_t ce) {
  for (size_t i = 0; i + k <= n; i++) {
    if (i > 0 && alnum(en[i - 1])) continue;
    size_t j = 0;
    while (j < cs && lower(en[i + j]) == lower(t[j]))
      j++;
    if (j < cs || !alpha(en[i + cs]) || !alpha(en[i + cs + 1])) continue;
    size_t h = i + cs + 2, m = ce;
    while (m < k && h < n && lower(en[h]) == lower(t[m])) {
      h++;
      m++;
    }
    if (m == k && (h >= n || !alnum(en[h]))) return 1;
  }
  return 0;
}

/* A token with a "jp" or "ja" component points to Japanese pages: found
 * when the English has the same with another country (or none); *local
 * set either way. */
static int found_localised(const char *en, size_t n, const char *t, size_t k,
                           int *local) {
  for (size_t cs = 0; cs + 2 <= k; cs++) {
    if ((cs > 0 && !separator(t[cs - 1])) ||
        (cs + 2 < k && !separator(t[cs + 2])))
      continue;
    char a = lower(t[cs]), b = lower(t[cs + 1]);
    if (!(a == 'j' && (b == 'p' || b == 'a'))) continue;
    *local = 1;
    if (found_replaced(en, n, t, k, cs, cs + 2)) return 1;
    /* without it: "wiki.debian.org/ja" as "wiki.debian.org" */
    ty_buf w = {0};
    ty_buf_put(&w, t, cs ? cs - 1 : 0);
    if (cs + 2 < k)
      ty_buf_put(&w, t + cs + (cs ? 2 : 3), k - cs - (cs ? 2 : 3));
    int ok = w.n && found_plain(en, n, w.p, w.n);
    ty_buf_free(&w);
    if (ok) return 1;
  }
  return 0;
}

/* ---- the check ------------------------------------------------------- */

/* An ordinary word: lower-case letters and hyphens only. */
static int plain_word(const char *t, size_t k) {
  for (size_t i = 0; i < k; i++)
    if (!((t[i] >= 'a' && t[i] <= 'z') || t[i] == '-')) return 0;
  return 1;
}

#define MAX_GLOSSES 32
#define CONF_WEAK 0.45

/* s[0..n) with line ends as spaces (a clause's lines, wrapped): s itself
 * when it has none, else a copy in out. */
static const char *flatten(const char *s, size_t n, ty_buf *out) {
  if (!n) return "";
  if (!memchr(s, '\n', n)) return s;
  ty_buf_clear(out);
  ty_buf_put(out, s, n);
  for (size_t i = 0; i < out->n; i++)
    if (out->p[i] == '\n') out->p[i] = ' ';
  return out->p;
}

size_t ty_tokens_missing(const char *ja_text, size_t jn, const char *en_text,
                         size_t n, const char *doc, size_t dn, ty_buf *msg,
                         double *confidence) {
  ty_buf jb = {0}, eb = {0}, tok = {0};
  const char *ja = flatten(ja_text, jn, &jb);
  ty_spans toks = {0};
  ty_extract_tokens(ja, jn, &toks);
  /* the English only when the Japanese has a token to look for */
  const char *en = toks.n ? flatten(en_text, n, &eb) : "";
  gloss g[MAX_GLOSSES];
  size_t ng = toks.n ? find_glosses(ja, jn, g, MAX_GLOSSES) : 0;
  size_t missing = 0;
  int strong = 0;
  for (size_t i = 0; i < toks.n; i++) {
    size_t off = toks.v[i].off, len = toks.v[i].len;
    /* a token the reader wrapped ("debian- private"): without the space */
    ty_buf_clear(&tok);
    for (size_t j = off; j < off + len; j++)
      if (ja[j] != ' ') ty_buf_put(&tok, ja + j, 1);
    const char *t = tok.p;
    size_t k = tok.n;
    int local = 0;
    if (found_simple(en, n, t, k) || found_parts(en, n, t, k) ||
        found_glossed(ja, g, ng, en, n, off, len) ||
        found_localised(en, n, t, k, &local))
      continue;
    if (missing++) ty_buf_puts(msg, ", ");
    ty_buf_put(msg, t, k);
    if (!local && !plain_word(t, k) && !(doc && found_in_doc(doc, dn, t, k)))
      strong = 1;
  }
  *confidence = strong ? 1.0 : CONF_WEAK;
  ty_spans_free(&toks);
  ty_buf_free(&jb);
  ty_buf_free(&eb);
  ty_buf_free(&tok);
  return missing;
}
