/* render_srx.c — sentence segmentation as CAT tools do it, by SRX 2.0
 * style rules: an ordered list of (break or no-break, text before, text
 * after) regular expressions per language, the first rule that matches at
 * a position deciding it, the language's own rules cascading into the
 * rules for every language.  Translation memories are looked up segment
 * by segment, so a memory whose sentences were cut by other rules (ICU's,
 * as sentence.c does for alignment) matches little of the document.
 *
 * The rules are the widely used defaults (those OmegaT and Okapi ship, in
 * substance): Japanese breaks after 。．？！ unless a closing parenthesis
 * follows; every language breaks after . ? ! before white space ("- a."
 * is a segment of its own), except after "..." before a lower-case word;
 * English keeps common abbreviations and initials ("Dr.", "e.g.", " J.")
 * with what follows; a line break before indentation ends a segment.
 * `.` matches a line break too (OmegaT breaks "。\n- b." after the 。).
 * Checked against OmegaT 3.6's segments of
 * ja/cyber-dialogue-2017.txt and the e-Gov Constitution of Japan
 * (tests/cli/tm.sh).
 *
 * Patterns are ICU regular expressions run over a UTF-8 UText, so every
 * index is a byte offset into the caller's text. */
#include "internal.h"
#include "render.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uregex.h>
#include <unicode/utext.h>

typedef struct srx_rule_src {
  int brk;
  const char *before, *after;
} srx_rule_src;

static const srx_rule_src ja_rules[] = {
    {0, "[。．？！]", "[）)]"},
    {1, "[。．？！]", "."},
};

static const srx_rule_src en_rules[] = {
    {0, "etc\\.", "\\s+\\P{Lu}"},
    {0, "\\b(?:Dr|Mr|Mrs|Ms|Prof|St|Mt|resp|[Aa]pprox)\\.", "\\s"},
    {0, "(?i)\\b(?:e\\.g|i\\.e|fig|cf|vs?)\\.", "\\s"},
    {0, "U\\.K\\.", "\\s"},
    {0, "\\s[A-Z]\\.", "\\s"},
    {0, "[apAP]\\.?[mM]\\.", "\\s[a-z]"},
    {0, "\\bNo\\.", "\\s\\d"},
    {0, "\\bArt\\.", "\\s\\d"},
};

/* For every language, after its own. */
static const srx_rule_src all_rules[] = {
    {0, "\\.\\.\\.", "\\s+\\P{Lu}"},
    {1, "^\\s*\\p{Nd}+[\\p{Nd}.)\\]]+\\s+", "\\p{Lu}"},
    {1, "[.?!]+", "\\s"},
    {1, "\\n", " +"},
};

typedef struct srx_rule {
  int brk;
  URegularExpression *before, *after;
} srx_rule;

struct ty_srx {
  srx_rule r[24];
  size_t n;
  signed char *dec; /* per byte offset: 1 break, -1 no break, 0 open */
  size_t cap;
};

static URegularExpression *compile(const char *pat) {
  UErrorCode st = U_ZERO_ERROR;
  URegularExpression *re = uregex_openC(pat, UREGEX_DOTALL, NULL, &st);
  if (U_FAILURE(st)) {
    if (re) uregex_close(re);
    return NULL;
  }
  return re;
}

static void add_rules(ty_srx *x, const srx_rule_src *src, size_t n) {
  for (size_t i = 0; i < n && x->n < sizeof x->r / sizeof x->r[0]; i++) {
    URegularExpression *b = compile(src[i].before), *a = compile(src[i].after);
    if (!a || !b) { /* ICU without regex data: the rule is left out */
      if (a) uregex_close(a);
      if (b) uregex_close(b);
      continue;
    }
    x->r[x->n++] = (srx_rule){src[i].brk, b, a};
  }
}

ty_srx *ty_srx_new(ty_lang lang) {
  ty_srx *x = ty_xcalloc(1, sizeof *x);
  if (lang == TY_JA)
    add_rules(x, ja_rules, sizeof ja_rules / sizeof ja_rules[0]);
  else
    add_rules(x, en_rules, sizeof en_rules / sizeof en_rules[0]);
  add_rules(x, all_rules, sizeof all_rules / sizeof all_rules[0]);
  return x;
}

void ty_srx_free(ty_srx *x) {
  if (!x) return;
  for (size_t i = 0; i < x->n; i++) {
    uregex_close(x->r[i].before);
    uregex_close(x->r[i].after);
  }
  free(x->dec);
  free(x);
}

static int space_at(const char *s, size_t n, size_t i, int *len) {
  int32_t c = ty_utf8_decode(s + i, n - i, len);
  return ty_is_space(c) || c == '\n' || c == '\r';
}

/* Appends s[a..z) trimmed of white space, when anything is left. */
static void put_span(const char *s, size_t a, size_t z, ty_spans *out) {
  int len;
  while (a < z && space_at(s, z, a, &len))
    a += (size_t)len;
  while (z > a) {
    size_t k = z - 1;
    while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
      k--;
    if (!space_at(s, z, k, &len)) break;
    z = k;
  }
  if (a == z) return;
  if (out->n == out->cap) {
    out->cap = out->cap ? 2 * out->cap : 16;
    out->v = ty_xrealloc(out->v, out->cap * sizeof *out->v);
  }
  out->v[out->n++] = (ty_span){a, z - a};
}

/* Marks the positions rule r decides in the text of `ut` (n bytes). */
static void apply_rule(ty_srx *x, const srx_rule *r, UText *ut, size_t n) {
  UErrorCode st = U_ZERO_ERROR;
  uregex_setUText(r->before, ut, &st);
  uregex_setUText(r->after, ut, &st);
  if (U_FAILURE(st)) return;
  while (uregex_findNext(r->before, &st) && U_SUCCESS(st)) {
    int64_t e = uregex_end64(r->before, 0, &st);
    if (U_FAILURE(st)) return;
    if (e <= 0 || (size_t)e >= n || x->dec[e]) continue;
    UErrorCode st2 = U_ZERO_ERROR;
    if (uregex_lookingAt64(r->after, e, &st2) && U_SUCCESS(st2))
      x->dec[e] = r->brk ? 1 : -1;
  }
}

void ty_srx_split(ty_srx *x, const char *s, size_t n, ty_spans *out) {
  if (n == 0) return;
  if (x->cap < n + 1) {
    x->cap = n + 1;
    x->dec = ty_xrealloc(x->dec, x->cap);
  }
  memset(x->dec, 0, n + 1);
  UErrorCode st = U_ZERO_ERROR;
  UText *ut = utext_openUTF8(NULL, s, (int64_t)n, &st);
  if (U_SUCCESS(st))
    for (size_t i = 0; i < x->n; i++)
      apply_rule(x, &x->r[i], ut, n);
  if (ut) utext_close(ut);
  size_t a = 0;
  for (size_t i = 1; i < n; i++)
    if (x->dec[i] == 1) {
      put_span(s, a, i, out);
      a = i;
    }
  put_span(s, a, n, out);
}
