/* update.c — what a revision of the original asks of its translation.
 *
 * OLD and NEW are matched as two versions of one document
 * (ty_version_match), TRANSLATION is aligned with OLD by the alignment
 * pipeline (ty_align), and every clause gets a status, the translation of
 * its OLD clause and, where its text changed, a word diff (ty_word_diff).
 * The entries come in the order of NEW; a clause of OLD that is gone comes
 * after the entry of the OLD clause before it. */
#include "update.h"

#include <stdlib.h>
#include <string.h>

const char *ty_change_name(ty_change c) {
  switch (c) {
  case TY_CHANGE_UNCHANGED: return "unchanged";
  case TY_CHANGE_CHANGED: return "changed";
  case TY_CHANGE_NEW: return "new";
  case TY_CHANGE_RENUMBERED: return "renumbered";
  case TY_CHANGE_DELETED: return "deleted";
  }
  return "?";
}

/* The compared text of each clause: flattened, runs of spaces and tabs
 * made one space, trimmed; in `arena`. */
static void version_text(const ty_doc *d, ty_arena *arena, ty_version_text *t) {
  t->s = ty_xmalloc((d->ncl + 1) * sizeof *t->s);
  t->len = ty_xmalloc((d->ncl + 1) * sizeof *t->len);
  ty_buf flat = {0};
  for (size_t i = 0; i < d->ncl; i++) {
    ty_buf_clear(&flat);
    ty_clause_flat_text(&d->cl[i], &flat);
    char *out = ty_arena_alloc(arena, flat.n + 1);
    size_t k = 0;
    for (size_t j = 0; j < flat.n; j++) {
      char c = flat.p[j] == '\t' ? ' ' : flat.p[j];
      if (c == ' ' && (k == 0 || out[k - 1] == ' ' || out[k - 1] == '\n'))
        continue;
      if (c == '\n' && k && out[k - 1] == ' ') k--;
      out[k++] = c;
    }
    while (k && (out[k - 1] == ' ' || out[k - 1] == '\n'))
      k--;
    out[k] = '\0';
    t->s[i] = out;
    t->len[i] = k;
  }
  ty_buf_free(&flat);
}

static void version_text_free(ty_version_text *t) {
  free(t->s);
  free(t->len);
}

static const char *label_of(ty_arena *a, const ty_clause *c) {
  return c->label ? ty_arena_strndup(a, c->label, c->label_len) : "";
}

static void side_of_clause(ty_update *up, ty_update_side *s, const ty_doc *d,
                           const ty_version_text *t, int i) {
  s->present = 1;
  s->key = d->cl[i].key;
  s->label = label_of(&up->arena, &d->cl[i]);
  s->line = d->cl[i].line;
  s->text = t->s[i];
  s->len = t->len[i];
}

/* The translation beside OLD clause i: the other side of the alignment
 * pair that holds it (absent when that side is missing). */
static void side_of_translation(ty_update *up, ty_update_side *s,
                                const int *pair_of, int i) {
  if (i < 0 || pair_of[i] < 0) return;
  const ty_alignment *al = up->al;
  const ty_pair *p = &al->pairs[pair_of[i]];
  ty_lang side = up->trans->lang;
  int first = side == TY_JA ? p->ja : p->en;
  if (first < 0) return;
  ty_buf b = {0};
  ty_pair_text(al, p, side, &b);
  s->present = 1;
  s->key = up->trans->cl[first].key;
  s->label = label_of(&up->arena, &up->trans->cl[first]);
  s->line = up->trans->cl[first].line;
  s->text = ty_arena_strndup(&up->arena, b.p, b.n);
  s->len = b.n;
  ty_buf_free(&b);
}

/* For each OLD clause, the alignment pair it is in (-1 when none). */
static int *pairs_of_old(const ty_update *up) {
  size_t n = up->old->ncl;
  int *pair_of = ty_xmalloc((n + 1) * sizeof *pair_of);
  for (size_t i = 0; i < n; i++)
    pair_of[i] = -1;
  ty_lang src = up->old->lang;
  for (size_t k = 0; k < up->al->npairs; k++) {
    const ty_pair *p = &up->al->pairs[k];
    int first = src == TY_JA ? p->ja : p->en;
    int count = src == TY_JA ? p->nja : p->nen;
    for (int c = 0; c < count && first >= 0; c++)
      pair_of[first + c] = (int)k;
  }
  return pair_of;
}

static int same_label(const ty_update_side *a, const ty_update_side *b) {
  return strcmp(a->label, b->label) == 0;
}

/* The status of a paired entry, from its two texts and labels. */
static ty_change paired_status(const ty_update_entry *e) {
  int same_text = e->old.len == e->new_.len &&
                  memcmp(e->old.text, e->new_.text, e->old.len) == 0;
  if (same_text)
    return same_label(&e->old, &e->new_) ? TY_CHANGE_UNCHANGED
                                         : TY_CHANGE_RENUMBERED;
  if (ty_is_deleted_text(e->new_.text, e->new_.len) &&
      !ty_is_deleted_text(e->old.text, e->old.len))
    return TY_CHANGE_DELETED;
  return TY_CHANGE_CHANGED;
}

static ty_update_entry *add_entry(ty_update *up, size_t *cap) {
  if (up->n == *cap) {
    *cap = *cap ? 2 * *cap : 64;
    up->v = ty_xrealloc(up->v, *cap * sizeof *up->v);
  }
  ty_update_entry *e = &up->v[up->n++];
  memset(e, 0, sizeof *e);
  e->old_cl = e->new_cl = -1;
  return e;
}

/* Builds the entries from the partners (old -> new). */
typedef struct build {
  ty_update *up;
  const ty_version_text *ot, *nt;
  const int *partner, *pair_of;
  ty_worder *words;
  size_t cap;
} build;

static void entry_for(build *b, int i, int j) {
  ty_update *up = b->up;
  ty_update_entry *e = add_entry(up, &b->cap);
  e->old_cl = i;
  e->new_cl = j;
  if (i >= 0) side_of_clause(up, &e->old, up->old, b->ot, i);
  if (j >= 0) side_of_clause(up, &e->new_, up->new_, b->nt, j);
  side_of_translation(up, &e->trans, b->pair_of, i);
  if (i < 0)
    e->status = TY_CHANGE_NEW;
  else if (j < 0)
    e->status = TY_CHANGE_DELETED;
  else
    e->status = paired_status(e);
  if (e->status == TY_CHANGE_CHANGED) {
    e->diff_off = up->diffs.n;
    ty_word_diff(b->words, e->old.text, e->old.len, e->new_.text, e->new_.len,
                 &up->diffs);
    e->ndiff = up->diffs.n - e->diff_off;
  }
}

static void build_entries(build *b) {
  ty_update *up = b->up;
  size_t no = up->old->ncl, nn = up->new_->ncl;
  /* back[j]: the old clause of new j; gone[]: old clauses with no
   * partner, listed after the new entry of the paired old clause before
   * them (head[j + 1]; head[0] before everything) */
  int *back = ty_xmalloc((nn + 1) * sizeof *back);
  int *head = ty_xmalloc((nn + 2) * sizeof *head);
  int *next = ty_xmalloc((no + 1) * sizeof *next);
  int *tail = ty_xmalloc((nn + 2) * sizeof *tail);
  for (size_t j = 0; j < nn; j++)
    back[j] = -1;
  for (size_t j = 0; j < nn + 2; j++)
    head[j] = tail[j] = -1;
  int after = 0;
  for (size_t i = 0; i < no; i++) {
    if (b->partner[i] >= 0) {
      back[b->partner[i]] = (int)i;
      after = b->partner[i] + 1;
      continue;
    }
    next[i] = -1;
    if (tail[after] >= 0)
      next[tail[after]] = (int)i;
    else
      head[after] = (int)i;
    tail[after] = (int)i;
  }
  for (int i = head[0]; i >= 0; i = next[i])
    entry_for(b, i, -1);
  for (size_t j = 0; j < nn; j++) {
    entry_for(b, back[j], (int)j);
    for (int i = head[j + 1]; i >= 0; i = next[i])
      entry_for(b, i, -1);
  }
  free(back);
  free(head);
  free(next);
  free(tail);
}

ty_update *ty_update_new(ty_doc *old_doc, ty_doc *new_doc, ty_doc *translation,
                         const ty_config *cfg, ty_error *err) {
  if (old_doc->lang != new_doc->lang || translation->lang == old_doc->lang) {
    ty_error_set(err, TY_ERR_USAGE, NULL, 0, 0,
                 "the two versions must be in one language and the "
                 "translation in the other");
    return NULL;
  }
  ty_config *defaults = cfg ? NULL : ty_config_new();
  /* only the pairs are used: no checks, clauses by number */
  ty_config local = cfg ? *cfg : *defaults;
  local.checks = 0;
  local.by = TY_BY_NUMBER;
  ty_alignment *al = old_doc->lang == TY_JA
                         ? ty_align(old_doc, translation, &local, err)
                         : ty_align(translation, old_doc, &local, err);
  ty_config_free(defaults);
  if (!al) return NULL;
  ty_update *up = ty_xcalloc(1, sizeof *up);
  up->old = old_doc;
  up->new_ = new_doc;
  up->trans = translation;
  up->al = al;
  ty_version_text ot, nt;
  version_text(old_doc, &up->arena, &ot);
  version_text(new_doc, &up->arena, &nt);
  int *partner = ty_xmalloc((old_doc->ncl + 1) * sizeof *partner);
  ty_version_match(old_doc, &ot, new_doc, &nt, partner);
  int *pair_of = pairs_of_old(up);
  build b = {up, &ot, &nt, partner, pair_of, ty_worder_new(old_doc->lang), 0};
  build_entries(&b);
  ty_worder_free(b.words);
  free(pair_of);
  free(partner);
  version_text_free(&ot);
  version_text_free(&nt);
  return up;
}

void ty_update_free(ty_update *up) {
  if (!up) return;
  ty_alignment_free(up->al);
  free(up->v);
  free(up->diffs.v);
  ty_arena_free(&up->arena);
  free(up);
}

void ty_update_get_summary(const ty_update *up, ty_update_summary *s) {
  memset(s, 0, sizeof *s);
  s->entries = up->n;
  for (size_t k = 0; k < up->n; k++) {
    const ty_update_entry *e = &up->v[k];
    switch (e->status) {
    case TY_CHANGE_UNCHANGED: s->unchanged++; break;
    case TY_CHANGE_CHANGED: s->changed++; break;
    case TY_CHANGE_NEW: s->new_++; break;
    case TY_CHANGE_RENUMBERED: s->renumbered++; break;
    case TY_CHANGE_DELETED: s->deleted++; break;
    }
    if (e->old.present && !e->trans.present && e->status != TY_CHANGE_DELETED)
      s->untranslated++;
  }
}

int ty_update_needs_work(const ty_update *up) {
  ty_update_summary s;
  ty_update_get_summary(up, &s);
  return s.unchanged != s.entries || s.untranslated != 0;
}
