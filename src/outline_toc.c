/* outline_toc.c — tables of contents at the top of an outline, removed
 * before keys are written. */
#include "outline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A run of at least three short numbered clauses at the top of the
 * document, each repeated later by a clause of the same number whose title
 * starts like it (a TOC line may add a page or article range, or wrap), is
 * a table of contents: the clauses are removed (they are not clauses of
 * the document), with the unnumbered headings among them ("Appendix").
 * Runs before keys are written, so that a restart inside the table (the
 * appendix numbered from 1 again) leaves the scopes of the body alone. */

/* The title of a clause: the rest of its marker line, trimmed. */
static size_t title_of(const ty_clause *c, const char **t) {
  const char *s = c->text;
  size_t n = c->text_len;
  const char *nl = memchr(s, '\n', n);
  if (nl) n = (size_t)(nl - s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  while (n && (*s == ' ' || *s == '\t')) {
    s++;
    n--;
  }
  *t = s;
  return n;
}

/* The kind a table-of-contents line uses for a clause: a chapter listed
 * as "1. Title" (debian-faq: "1. 定義と概要" above "第1章定義と概要",
 * "1. Definitions and overview" above "Chapter 1. Definitions and
 * overview") and an appendix listed as "A. Title" number like lists. */
static int toc_kind(ty_kind k) {
  switch (k) {
  case TY_K_JA_CHAPTER:
  case TY_K_EN_CHAPTER: return TY_K_ARABIC;
  case TY_K_JA_APPENDIX:
  case TY_K_EN_APPENDIX: return TY_K_LATIN_UPPER;
  default: return (int)k;
  }
}

static int same_number(const ty_clause *a, const ty_clause *b) {
  if (toc_kind(a->kind) != toc_kind(b->kind) || a->ordinal != b->ordinal ||
      a->branch != b->branch)
    return 0;
  if (a->kind != TY_K_DOTTED) return 1;
  size_t na = a->label_len, nb = b->label_len;
  if (na && a->label[na - 1] == '.') na--;
  if (nb && b->label[nb - 1] == '.') nb--;
  return na == nb && memcmp(a->label, b->label, na) == 0;
}

/* The numbered clauses chained by number (kind as a table lists it,
 * ordinal, branch): next[i] is the next clause after i with i's number, or
 * -1, so that a table-of-contents line finds its repetition without a
 * scan of the whole document, and without sorting every clause first. */
static uint64_t number_hash(int kind, int ordinal, int branch) {
  uint64_t h = (uint64_t)(unsigned)kind * 0x9E3779B97F4A7C15u;
  h ^= (uint64_t)(unsigned)ordinal * 0xC2B2AE3D27D4EB4Fu;
  h ^= (uint64_t)(unsigned)branch * 0x165667B19E3779F9u;
  return h ^ (h >> 29);
}

static int same_key(const ty_clause *a, const ty_clause *b) {
  return toc_kind(a->kind) == toc_kind(b->kind) && a->ordinal == b->ordinal &&
         a->branch == b->branch;
}

/* next[] over the numbered clauses from `first` on (front matter is left
 * out: -1). */
static int *number_chains(const ty_doc *d, size_t first) {
  int *next = ty_xmalloc((d->ncl ? d->ncl : 1) * sizeof *next);
  size_t cap = 16;
  while (cap < 2 * d->ncl)
    cap *= 2;
  int *last = ty_xmalloc(cap * sizeof *last); /* 1 + the last clause */
  memset(last, 0, cap * sizeof *last);
  for (size_t i = 0; i < d->ncl; i++) {
    next[i] = -1;
    const ty_clause *c = &d->cl[i];
    if (i < first || (c->flags & TY_CL_FRONT)) continue;
    size_t h = (size_t)number_hash(toc_kind(c->kind), c->ordinal, c->branch) &
               (cap - 1);
    while (last[h] && !same_key(&d->cl[last[h] - 1], c))
      h = (h + 1) & (cap - 1);
    if (last[h]) next[last[h] - 1] = (int)i;
    last[h] = (int)i + 1;
  }
  free(last);
  return next;
}

static int toc_entry_recurs(const ty_doc *d, const int *next, size_t j) {
  const ty_clause *c = &d->cl[j];
  const char *t;
  size_t n = title_of(c, &t);
  if (!n && !is_suppl(c->kind)) return 0;
  /* the entries after clause j with its number */
  for (int k = next[j]; k >= 0; k = next[k]) {
    const ty_clause *o = &d->cl[k];
    if (!same_number(c, o)) continue;
    const char *u;
    size_t m = title_of(o, &u);
    if (memcmp(t, u, n < m ? n : m) == 0) return 1;
  }
  return 0;
}

/* "目次", "Contents", "Table of Contents": the label over a table of
 * contents. */
/* Whether t[0..n) is one of labels (ASCII case ignored). */
static int label_in(const char *t, size_t n, const char *const *labels,
                    size_t nlabels) {
  for (size_t i = 0; i < nlabels; i++)
    if (strlen(labels[i]) == n && strncasecmp(t, labels[i], n) == 0) return 1;
  return 0;
}

static int is_toc_label(const ty_clause *c) {
  static const char *const labels[] = {"contents", "table of contents",
                                       "\xE7\x9B\xAE\xE6\xAC\xA1",
                                       "\xE7\x9B\xAE\xE3\x80\x80\xE6\xAC\xA1"};
  if ((c->flags & (TY_CL_FRONT | TY_CL_HEADING)) != TY_CL_FRONT) return 0;
  const char *t;
  size_t n = title_of(c, &t);
  if (n != c->text_len) return 0;
  return label_in(t, n, labels, sizeof labels / sizeof *labels);
}

/* Whether the last line of c is "List of Tables", "表の一覧" or the like
 * (a clause's own text, or the paragraph a table-of-contents entry took
 * in): a list of tables, figures or examples follows, whose entries are
 * numbered like sections ("1.1. オプション") but name captions, not
 * clauses (DocBook's text output; issue #11, cause 3). */
static int ends_with_list_label(const ty_clause *c) {
  static const char *const labels[] = {
      "list of tables",
      "list of figures",
      "list of examples",
      "\xE8\xA1\xA8\xE3\x81\xAE\xE4\xB8\x80\xE8\xA6\xA7",  /* 表の一覧 */
      "\xE5\x9B\xB3\xE3\x81\xAE\xE4\xB8\x80\xE8\xA6\xA7",  /* 図の一覧 */
      "\xE4\xBE\x8B\xE3\x81\xAE\xE4\xB8\x80\xE8\xA6\xA7"}; /* 例の一覧 */
  const char *s = c->text;
  size_t z = c->text_len;
  while (z && (s[z - 1] == ' ' || s[z - 1] == '\n' || s[z - 1] == '\t'))
    z--;
  size_t a = z;
  while (a && s[a - 1] != '\n')
    a--;
  while (a < z && (s[a] == ' ' || s[a] == '\t'))
    a++;
  return label_in(s + a, z - a, labels, sizeof labels / sizeof *labels);
}

/* A long table-of-contents entry is its sub-entries (debian-faq: the
 * indented "    3.1.1. …" lines under "3. Debian ディストリビューションの選択"
 * stay in its text, being in the middle of a paragraph, and long titles
 * wrap): at least a quarter of its lines after the first start with a
 * number. */
static int lists_subentries(const ty_clause *c) {
  size_t lines = 0, numbered = 0;
  const char *s = c->text, *end = c->text + c->text_len;
  const char *nl = memchr(s, '\n', c->text_len);
  while (nl && nl < end) {
    s = nl + 1;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '*'))
      s++;
    lines++;
    if (s < end && *s >= '0' && *s <= '9') numbered++;
    nl = memchr(s, '\n', (size_t)(end - s));
  }
  return lines && 4 * numbered >= lines;
}

void ty_outline_drop_toc(ty_doc *d, cinfo *info) {
  size_t first = 0;
  while (first < d->ncl &&
         (d->cl[first].flags & (TY_CL_FRONT | TY_CL_HEADING)) == TY_CL_FRONT)
    first++;
  int *chain = number_chains(d, first);
  size_t end = first, numbered = 0;
  /* a table lists each section once: per depth, the last number */
  enum { TOC_DEPTHS = 64 };
  int last[TOC_DEPTHS] = {0}, last_branch[TOC_DEPTHS] = {0};
  int last_kind[TOC_DEPTHS] = {0};
  int in_list = 0; /* after a list label: its entries go with the table */
  while (end < d->ncl) {
    const ty_clause *c = &d->cl[end];
    if (c->text_len > 400 && !lists_subentries(c)) break;
    if (in_list && c->kind == TY_K_DOTTED) {
      /* a caption's number: no clause repeats it */
    } else if (c->flags & TY_CL_FRONT) {
      if (!(c->flags & TY_CL_HEADING)) break;
      /* a scope heading in the table ("Appendix"): numbers start again */
      for (int k = 0; k < TOC_DEPTHS; k++)
        last[k] = last_branch[k] = last_kind[k] = 0;
    } else if (toc_entry_recurs(d, chain, end)) {
      int dp = c->depth < TOC_DEPTHS ? c->depth : TOC_DEPTHS - 1;
      if (last_kind[dp] == (int)c->kind && c->ordinal == last[dp] &&
          c->branch == last_branch[dp])
        break; /* the same number twice in a row: not a table */
      last[dp] = c->ordinal;
      last_branch[dp] = c->branch;
      last_kind[dp] = (int)c->kind;
      for (int k = dp + 1; k < TOC_DEPTHS; k++)
        last[k] = last_branch[k] = last_kind[k] = 0;
      numbered++;
    } else {
      break;
    }
    if (numbered >= 3 && ends_with_list_label(c)) in_list = 1;
    end++;
  }
  free(chain);
  while (end > first && (d->cl[end - 1].flags & TY_CL_FRONT))
    end--;
  if (numbered < 3) return;
  /* the table's own label goes with it */
  if (first > 0 && is_toc_label(&d->cl[first - 1])) first--;
  size_t run = end - first;
  /* indices shift: fix parents of the clauses that remain */
  for (size_t i = end; i < d->ncl; i++) {
    ty_clause *c = &d->cl[i];
    if (c->parent >= (int)end)
      c->parent -= (int)run;
    else if (c->parent >= (int)first)
      c->parent = -1;
  }
  memmove(&d->cl[first], &d->cl[end], (d->ncl - end) * sizeof *d->cl);
  memmove(&info[first], &info[end], (d->ncl - end) * sizeof *info);
  d->ncl -= run;
  /* a clause placed under a heading of the table is at the top now */
  for (size_t i = first; i < d->ncl; i++) {
    ty_clause *c = &d->cl[i];
    if (!(c->flags & TY_CL_FRONT))
      c->depth = c->parent < 0 ? 1 : d->cl[c->parent].depth + 1;
  }
  /* scopes opened inside the table are gone: number them again */
  int last_old = 0, next = 0;
  for (size_t i = 0; i < d->ncl; i++) {
    int s = info[i].scope;
    if ((d->cl[i].flags & (TY_CL_FRONT | TY_CL_HEADING)) == TY_CL_FRONT) {
      info[i].scope = next ? next : 1; /* front matter has no scope */
      continue;
    }
    if (s != last_old) {
      last_old = s;
      next++;
    }
    info[i].scope = next;
  }
}
