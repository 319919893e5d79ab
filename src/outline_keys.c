/* outline_keys.c — the keys of an outline's clauses (the one key scheme
 * every reader finishes through). */
#include "outline.h"

#include <stdlib.h>
#include <string.h>

/* A key is the path of ordinals from the top ("7.2.3"), branch numbers
 * written "10-2".  A dotted marker's key is its own path ("A.1" keeps the
 * letter), and so is an appendix's ("Appendix A" and 付録A are "A").  In a
 * document with dotted sections, levels below a section are written in
 * parentheses ("6.2(5)"), as such documents cite themselves, so that a
 * list item never collides with a subsection.  Clauses after a scope
 * restart are prefixed "s2:" and so on; front matter is "front-N".
 *
 * Statutes are keyed as they are cited.  An article is its own number
 * wherever its chapter is (第九条, Article 9: "9"; 第十条の二: "10-2").
 * Grouping headings get keys of their own kind, the path of the groups
 * they are in: "pt1", "ch2", "ch2-2" (第二章の二, Chapter II-2),
 * "ch2.sec1", "ch2.sec1.sub1", "ch2.sec1.sub1.div1" — never a bare
 * number.  Numbered paragraphs are "9.2" (○２, ２, (2)); the first
 * paragraph is the article's own text.  Items are cited 第七条第三号 in an
 * article of one paragraph and 第五条第一項第二号 in one of several, so
 * items are "7.3" in the one and "5.1.2" in the other (TY_CL_PARAS), then
 * "5.2.1" under paragraph 2; イロハ and the levels below add ordinals.
 * Supplementary provisions restart article numbers in a scope of their
 * own: "suppl", its articles "suppl:1", "suppl:1.2", its paragraphs (when
 * it has no articles) "suppl:1"; a second set is "suppl2".  Appended
 * tables are "table1". */

typedef struct keyctx {
  ty_doc *d;
  const cinfo *info; /* NULL: one scope */
  int dotted, statute;
} keyctx;

static int scope_of(const keyctx *x, size_t i) {
  return x->info ? x->info[i].scope : 1;
}

/* Appends v in decimal: keys are written for every clause, and printf
 * for each number was a tenth of a structure-only run (gen/100000). */
static void put_int(ty_buf *k, int v) {
  char tmp[16];
  size_t i = sizeof tmp;
  unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
  do
    tmp[--i] = (char)('0' + u % 10);
  while ((u /= 10) != 0);
  if (v < 0) tmp[--i] = '-';
  ty_buf_put(k, tmp + i, sizeof tmp - i);
}

static void key_component(ty_buf *k, const ty_clause *c, int alpha) {
  if (alpha && c->ordinal >= 1 && c->ordinal <= 26)
    ty_buf_putc(k, (char)('A' + c->ordinal - 1));
  else
    put_int(k, c->ordinal);
  if (c->branch) {
    ty_buf_putc(k, '-');
    put_int(k, c->branch);
  }
}

static int is_section_level(const keyctx *x, const ty_clause *c) {
  if (c->kind == TY_K_DOTTED) return 1;
  /* "Chapter 3" and "第3章" stand where another text writes "3." */
  if (x->dotted && (c->kind == TY_K_EN_CHAPTER || c->kind == TY_K_JA_CHAPTER ||
                    is_appendix(c->kind)))
    return 1;
  return x->dotted && c->depth == 1 && c->deco == TY_D_DOT &&
         (c->kind == TY_K_ARABIC || c->kind == TY_K_LATIN_UPPER);
}

/* A dotted clause's own path, from its label: "A.1." -> "A.1". */
static void dotted_key(ty_buf *k, const ty_clause *c) {
  ty_marker m;
  if (!ty_number_parse(c->label, c->label_len, &m) || m.kind != TY_K_DOTTED)
    return;
  for (int j = 0; j < m.npath; j++) {
    if (j) ty_buf_putc(k, '.');
    if (j == 0 && m.path_alpha && m.path[0] >= 1 && m.path[0] <= 26)
      ty_buf_putc(k, (char)('A' + m.path[0] - 1));
    else
      put_int(k, m.path[j]);
  }
}

/* The prefix of a grouping heading's key. */
static const char *group_word(ty_kind k) {
  switch (statute_rank(k)) {
  case R_PART: return "pt";
  case R_CHAPTER: return "ch";
  case R_SECTION: return "sec";
  case R_SUBSECTION: return "sub";
  case R_DIVISION: return "div";
  default: return NULL;
  }
}

static void statute_key(ty_buf *k, const ty_doc *d, size_t i, char **keys,
                        int *nsuppl) {
  const ty_clause *c = &d->cl[i];
  int p = c->parent;
  const char *word = group_word(c->kind);
  if (is_suppl(c->kind)) {
    if (++*nsuppl == 1)
      ty_buf_puts(k, "suppl");
    else
      ty_buf_printf(k, "suppl%d", *nsuppl);
  } else if (is_appendix(c->kind)) {
    ty_buf_puts(k, "table");
    key_component(k, c, 0);
  } else if (word) {
    if (p >= 0) ty_buf_printf(k, "%s.", keys[p]);
    ty_buf_puts(k, word);
    key_component(k, c, 0);
  } else if (is_article(c->kind)) {
    int s = suppl_above(d, i);
    if (s >= 0) ty_buf_printf(k, "%s:", keys[s]);
    key_component(k, c, 0);
  } else if (p < 0) {
    key_component(k, c, 0);
  } else {
    const ty_clause *pc = &d->cl[p];
    ty_buf_puts(k, keys[p]);
    if (is_suppl(pc->kind))
      ty_buf_putc(k, ':');
    else if (is_article(pc->kind) && (pc->flags & TY_CL_PARAS) &&
             c->kind != TY_K_ARABIC)
      ty_buf_puts(k, ".1.");
    else
      ty_buf_putc(k, '.');
    key_component(k, c, 0);
  }
}

static void assign_keys(const keyctx *x) {
  ty_doc *d = x->d;
  ty_buf k = {0};
  int front = 0, nsuppl = 0;
  char **keys = ty_xcalloc(d->ncl ? d->ncl : 1, sizeof *keys);
  /* an article with a numbered paragraph numbers its first one */
  if (x->statute)
    for (size_t i = 0; i < d->ncl; i++) {
      const ty_clause *c = &d->cl[i];
      if (c->kind == TY_K_ARABIC && c->parent >= 0 &&
          is_article(d->cl[c->parent].kind))
        d->cl[c->parent].flags |= TY_CL_PARAS;
    }
  for (size_t i = 0; i < d->ncl; i++) {
    ty_clause *c = &d->cl[i];
    ty_buf_clear(&k);
    if (c->flags & TY_CL_FRONT) {
      if (c->flags & TY_CL_HEADING) {
        ty_buf_printf(&k, "s%d", scope_of(x, i));
      } else {
        ty_buf_puts(&k, "front-");
        put_int(&k, ++front);
      }
    } else if (x->statute) {
      statute_key(&k, d, i, keys, &nsuppl);
    } else {
      if (scope_of(x, i) > 1) ty_buf_printf(&k, "s%d:", scope_of(x, i));
      if (c->kind == TY_K_DOTTED || c->parent < 0) {
        if (c->kind == TY_K_DOTTED)
          dotted_key(&k, c);
        else
          key_component(&k, c,
                        is_appendix(c->kind) || (is_section_level(x, c) &&
                                                 c->kind == TY_K_LATIN_UPPER));
      } else {
        const ty_clause *p = &d->cl[c->parent];
        const char *pk = keys[c->parent];
        if (scope_of(x, (size_t)c->parent) > 1) {
          const char *colon = strchr(pk, ':');
          if (colon) pk = colon + 1;
        }
        ty_buf_puts(&k, pk);
        if (is_section_level(x, p) && !is_section_level(x, c)) {
          ty_buf_putc(&k, '(');
          key_component(&k, c, 0);
          ty_buf_putc(&k, ')');
        } else {
          ty_buf_putc(&k, '.');
          key_component(&k, c, 0);
        }
      }
    }
    keys[i] = ty_arena_strndup(&d->arena, k.p ? k.p : "", k.n);
    c->key = keys[i];
  }
  free(keys);
  ty_buf_free(&k);
}

void ty_outline_assign_keys(ty_doc *d, const cinfo *info, int dotted,
                            int statute) {
  keyctx x = {d, info, dotted, statute};
  assign_keys(&x);
}

void ty_outline_keys(ty_doc *d, int statute) {
  int dotted = 0; /* as the scan decides it: any dotted marker */
  for (size_t i = 0; i < d->ncl; i++)
    dotted |= d->cl[i].kind == TY_K_DOTTED;
  ty_outline_assign_keys(d, NULL, dotted, statute);
}

void ty_outline_finish(ty_doc *d, int statute) {
  ty_outline_keys(d, statute);
  ty_outline_sequence_findings(d, NULL, statute);
}
