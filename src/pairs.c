/* pairs.c — the alignment model: its pairs and findings, and every
 * accessor the later stages (align, checks, renderers) read it through:
 * a pair's key, label, line and text, the pair a finding belongs to,
 * counts, and the final severity pass over the findings. */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

ty_pair *ty_alignment_add_pair(ty_alignment *al) {
  if (al->npairs == al->cap) {
    al->cap = al->cap ? al->cap * 2 : 64;
    al->pairs = ty_xrealloc(al->pairs, al->cap * sizeof *al->pairs);
  }
  ty_pair *p = &al->pairs[al->npairs++];
  memset(p, 0, sizeof *p);
  p->ja = p->en = -1;
  return p;
}

void ty_alignment_reserve_pairs(ty_alignment *al, size_t n) {
  if (n <= al->cap) return;
  al->cap = n;
  al->pairs = ty_xrealloc(al->pairs, al->cap * sizeof *al->pairs);
}

void ty_alignment_free(ty_alignment *al) {
  if (!al) return;
  free(al->pairs);
  free(al->sents);
  free(al->findings.v);
  ty_arena_free(&al->arena);
  free(al);
}

void ty_alignment_summary(const ty_alignment *al, ty_summary *s) {
  memset(s, 0, sizeof *s);
  s->pairs = al->npairs;
  for (size_t i = 0; i < al->npairs; i++) {
    switch (al->pairs[i].status) {
    case TY_PAIR_MATCHED: s->matched++; break;
    case TY_PAIR_CONTENT: s->content++; break;
    case TY_PAIR_MISSING_EN: s->missing_en++; break;
    case TY_PAIR_MISSING_JA: s->missing_ja++; break;
    }
  }
  for (size_t i = 0; i < al->findings.n; i++) {
    switch (al->findings.v[i].severity) {
    case TY_SEV_ERROR: s->errors++; break;
    case TY_SEV_WARNING: s->warnings++; break;
    case TY_SEV_INFO: s->infos++; break;
    default: break;
    }
  }
}

ty_severity ty_alignment_worst(const ty_alignment *al) {
  ty_severity w = TY_SEV_OFF;
  for (size_t i = 0; i < al->findings.n; i++)
    if (al->findings.v[i].severity > w) w = al->findings.v[i].severity;
  return w;
}

/* Position of a finding for sorting: its line on the Japanese side, else
 * on the English side (after all Japanese lines). */
static int finding_cmp(const void *a, const void *b) {
  const ty_finding *x = a, *y = b;
  long kx = x->ja_line ? x->ja_line : 1000000000L + x->en_line;
  long ky = y->ja_line ? y->ja_line : 1000000000L + y->en_line;
  if (kx != ky) return kx < ky ? -1 : 1;
  if (x->en_line != y->en_line) return x->en_line < y->en_line ? -1 : 1;
  if (x->code != y->code) return (int)x->code - (int)y->code;
  int r = strcmp(x->key, y->key);
  return r ? r : strcmp(x->message, y->message);
}

void ty_findings_finish(ty_alignment *al, const ty_config *cfg) {
  size_t k = 0;
  for (size_t i = 0; i < al->findings.n; i++) {
    ty_finding f = al->findings.v[i];
    f.severity = cfg ? cfg->sev[f.code] : ty_code_default_severity(f.code);
    if (f.severity == TY_SEV_OFF) continue;
    if (cfg && f.confidence < cfg->min_confidence) continue;
    /* the severity follows the confidence: an unsure finding is info, and
     * so is a place a document-wide finding names */
    if (f.confidence < TY_CONFIDENCE_DEMOTE || f.named)
      f.severity = TY_SEV_INFO;
    al->findings.v[k++] = f;
  }
  al->findings.n = k;
  if (k > 1) qsort(al->findings.v, k, sizeof *al->findings.v, finding_cmp);
}

const char *ty_pair_status_name(ty_pair_status s) {
  switch (s) {
  case TY_PAIR_MATCHED: return "matched";
  case TY_PAIR_CONTENT: return "content";
  case TY_PAIR_MISSING_EN: return "missing-en";
  case TY_PAIR_MISSING_JA: return "missing-ja";
  }
  return "?";
}

void ty_pair_text(const ty_alignment *al, const ty_pair *p, ty_lang side,
                  ty_buf *out) {
  const ty_doc *d = side == TY_JA ? al->ja : al->en;
  int first = side == TY_JA ? p->ja : p->en;
  int count = side == TY_JA ? p->nja : p->nen;
  for (int k = 0; k < count && first >= 0; k++) {
    if (k) ty_buf_putc(out, '\n');
    ty_clause_flat_text(&d->cl[first + k], out);
  }
  if (!out->p) ty_buf_put(out, "", 0);
}

const char *ty_pair_text_view(const ty_alignment *al, const ty_pair *p,
                              ty_lang side, ty_buf *tmp, size_t *len) {
  const ty_doc *d = side == TY_JA ? al->ja : al->en;
  int first = side == TY_JA ? p->ja : p->en;
  int count = side == TY_JA ? p->nja : p->nen;
  if (first >= 0 && count == 1) {
    /* one line with no blank at either end flattens to itself */
    const ty_clause *c = &d->cl[first];
    const char *s = c->text;
    size_t n = c->text_len;
    int lead;
    if (n && !memchr(s, '\n', n) && s[n - 1] != ' ' && s[n - 1] != '\t' &&
        !ty_is_space(ty_utf8_decode(s, n, &lead))) {
      *len = n;
      return s;
    }
  }
  ty_buf_clear(tmp);
  ty_pair_text(al, p, side, tmp);
  *len = tmp->n;
  return tmp->p;
}

void ty_pair_label(const ty_alignment *al, const ty_pair *p, ty_lang side,
                   ty_buf *out) {
  const ty_doc *d = side == TY_JA ? al->ja : al->en;
  int first = side == TY_JA ? p->ja : p->en;
  if (first >= 0 && d->cl[first].label)
    ty_buf_put(out, d->cl[first].label, d->cl[first].label_len);
  else
    ty_buf_put(out, "", 0);
}

const char *ty_pair_key(const ty_alignment *al, const ty_pair *p) {
  if (p->ja >= 0) return al->ja->cl[p->ja].key;
  if (p->en >= 0) return al->en->cl[p->en].key;
  return "";
}

int ty_pair_line(const ty_alignment *al, const ty_pair *p, ty_lang side) {
  int i = side == TY_JA ? p->ja : p->en;
  if (i < 0) return 0;
  return (side == TY_JA ? al->ja : al->en)->cl[i].line;
}

/* ---- which pair holds a finding ---------------------------------------- */

typedef struct keyed {
  const char *key;
  size_t pair;
} keyed;

static int keyed_cmp(const void *a, const void *b) {
  const keyed *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  if (c) return c;
  return (x->pair > y->pair) - (x->pair < y->pair);
}

/* map[line] := 1 + the first pair whose clauses on this side span line. */
static size_t *line_map(const ty_alignment *al, ty_lang side, int *nlines) {
  const ty_doc *d = side == TY_JA ? al->ja : al->en;
  int max = 0;
  for (size_t i = 0; i < d->ncl; i++) {
    if (d->cl[i].line > max) max = d->cl[i].line;
    if (d->cl[i].end_line > max) max = d->cl[i].end_line;
  }
  size_t *map = ty_xcalloc((size_t)max + 1, sizeof *map);
  for (size_t i = 0; i < al->npairs; i++) {
    const ty_pair *p = &al->pairs[i];
    int first = side == TY_JA ? p->ja : p->en;
    int count = side == TY_JA ? p->nja : p->nen;
    for (int k = 0; first >= 0 && k < count; k++) {
      const ty_clause *c = &d->cl[first + k];
      int end = c->end_line > c->line ? c->end_line : c->line;
      for (int l = c->line; l <= end; l++)
        if (l >= 0 && !map[l]) map[l] = i + 1;
    }
  }
  *nlines = max;
  return map;
}

size_t *ty_finding_pairs(const ty_alignment *al) {
  size_t nf = al->findings.n;
  size_t *out = ty_xmalloc((nf ? nf : 1) * sizeof *out);
  if (nf == 0) return out; /* no maps or sorted keys for nothing */
  int nja, nen;
  size_t *ja_at = line_map(al, TY_JA, &nja);
  size_t *en_at = line_map(al, TY_EN, &nen);
  keyed *keys = ty_xmalloc((al->npairs ? al->npairs : 1) * sizeof *keys);
  for (size_t i = 0; i < al->npairs; i++)
    keys[i] = (keyed){ty_pair_key(al, &al->pairs[i]), i};
  qsort(keys, al->npairs, sizeof *keys, keyed_cmp);
  for (size_t i = 0; i < nf; i++) {
    const ty_finding *f = &al->findings.v[i];
    size_t at = 0;
    if (f->ja_line > 0 && f->ja_line <= nja) at = ja_at[f->ja_line];
    if (!at && f->en_line > 0 && f->en_line <= nen) at = en_at[f->en_line];
    if (!at && f->key && *f->key) {
      /* the first pair of that key: lower bound by binary search */
      size_t lo = 0, hi = al->npairs;
      while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(keys[mid].key, f->key) < 0)
          lo = mid + 1;
        else
          hi = mid;
      }
      if (lo < al->npairs && strcmp(keys[lo].key, f->key) == 0)
        at = keys[lo].pair + 1;
    }
    out[i] = at ? at - 1 : SIZE_MAX;
  }
  free(keys);
  free(ja_at);
  free(en_at);
  return out;
}

/* ---- the public walk (taiyaku.h) ---------------------------------------- */

size_t ty_alignment_pair_count(const ty_alignment *al) {
  return al->npairs;
}

const ty_pair *ty_alignment_pair(const ty_alignment *al, size_t i) {
  return i < al->npairs ? &al->pairs[i] : NULL;
}

ty_pair_status ty_pair_get_status(const ty_pair *p) {
  return p->status;
}

double ty_pair_get_score(const ty_pair *p) {
  return p->score;
}

const char *ty_pair_side_key(const ty_alignment *al, const ty_pair *p,
                             ty_lang side) {
  int i = side == TY_JA ? p->ja : p->en;
  return i < 0 ? "" : (side == TY_JA ? al->ja : al->en)->cl[i].key;
}

int ty_pair_clause_count(const ty_pair *p, ty_lang side) {
  int i = side == TY_JA ? p->ja : p->en;
  return i < 0 ? 0 : side == TY_JA ? p->nja : p->nen;
}

char *ty_pair_label_dup(const ty_alignment *al, const ty_pair *p,
                        ty_lang side) {
  ty_buf b = {0};
  ty_pair_label(al, p, side, &b);
  return b.p ? b.p : ty_xstrdup("");
}

char *ty_pair_text_dup(const ty_alignment *al, const ty_pair *p, ty_lang side) {
  ty_buf b = {0};
  ty_pair_text(al, p, side, &b);
  return b.p ? b.p : ty_xstrdup("");
}

size_t ty_pair_sentence_count(const ty_alignment *al, const ty_pair *p) {
  (void)al;
  return p->nsent;
}

const ty_sentpair *ty_pair_sentence(const ty_alignment *al, const ty_pair *p,
                                    size_t k) {
  return k < p->nsent ? &al->sents[p->sent_off + k] : NULL;
}

const char *ty_sentpair_text(const ty_sentpair *s, ty_lang side, size_t *len) {
  const char *t = side == TY_JA ? s->ja : s->en;
  *len = t ? (side == TY_JA ? s->ja_len : s->en_len) : 0;
  return t;
}

int ty_sentpair_line(const ty_sentpair *s, ty_lang side) {
  return side == TY_JA ? s->ja_line : s->en_line;
}

size_t ty_alignment_finding_count(const ty_alignment *al) {
  return al->findings.n;
}

const ty_finding *ty_alignment_finding(const ty_alignment *al, size_t i) {
  return i < al->findings.n ? &al->findings.v[i] : NULL;
}

ty_code ty_finding_get_code(const ty_finding *f) {
  return f->code;
}

ty_severity ty_finding_get_severity(const ty_finding *f) {
  return f->severity;
}

const char *ty_finding_get_key(const ty_finding *f) {
  return f->key;
}

int ty_finding_get_line(const ty_finding *f, ty_lang side) {
  return side == TY_JA ? f->ja_line : f->en_line;
}

const char *ty_finding_get_message(const ty_finding *f) {
  return f->message;
}

double ty_finding_get_confidence(const ty_finding *f) {
  return f->confidence;
}

const char *ty_pair_lang(const ty_alignment *al, const ty_pair *p,
                         ty_lang side) {
  const ty_doc *d = side == TY_JA ? al->ja : al->en;
  int first = side == TY_JA ? p->ja : p->en;
  int n = side == TY_JA ? p->nja : p->nen;
  if (first < 0 || n < 1) return NULL;
  const char *lang = d->cl[first].lang;
  for (int k = 1; k < n && lang; k++) {
    const char *o = d->cl[first + k].lang;
    if (!o || strcmp(o, lang) != 0) return NULL;
  }
  return lang;
}
