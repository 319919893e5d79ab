/* check_style.c — style-mismatch: items of one list written in different
 * styles within one file ("- a." beside "b.", "a." beside "(b)"), which a
 * reviewer wants to know of though the outline reads them as one list. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Whether a plain-text clause's marker has a bullet ("- ", "* ", "・")
 * before it on its line. */
static int has_bullet(const ty_doc *d, const ty_clause *c) {
  if (!c->label || c->label < d->text || c->label >= d->text + d->len) return 0;
  const char *s = c->label;
  while (s > d->text && s[-1] != '\n')
    s--;
  for (; s < c->label; s++)
    if (*s == '-' || *s == '*' ||
        (c->label - s >= 3 && memcmp(s, "\xE3\x83\xBB", 3) == 0)) /* ・ */
      return 1;
  return 0;
}

static void check_doc(ty_alignment *al, const ty_doc *d) {
  /* the previous sibling of each parent (index n stands for the top) */
  int *prev = ty_xmalloc((d->ncl + 1) * sizeof *prev);
  for (size_t i = 0; i <= d->ncl; i++)
    prev[i] = -1;
  for (size_t i = 0; i < d->ncl; i++) {
    const ty_clause *c = &d->cl[i];
    if (!c->label) continue;
    size_t slot = c->parent < 0 ? d->ncl : (size_t)c->parent;
    int p = prev[slot];
    prev[slot] = (int)i;
    if (p < 0 || d->cl[p].kind != c->kind) continue;
    const ty_clause *q = &d->cl[p];
    int bq = has_bullet(d, q), bc = has_bullet(d, c);
    if (bq == bc && q->deco == c->deco) continue;
    int line = c->line;
    ty_findings_add(&al->findings, &al->arena, TY_STYLE_MISMATCH, c->key,
                    d->lang == TY_JA ? line : 0, d->lang == TY_EN ? line : 0,
                    "%s %.*s is written%s unlike %s%.*s on line %d",
                    d->lang == TY_JA ? "ja" : "en", (int)c->label_len, c->label,
                    bq != bc ? (bc ? " with a bullet" : " without a bullet")
                             : "",
                    bq ? "- " : "", (int)q->label_len, q->label, q->line);
  }
  free(prev);
}

void ty_check_style(ty_alignment *al) {
  check_doc(al, al->ja);
  check_doc(al, al->en);
}
