/* render_seg.c — translation units as a CAT tool segments the document,
 * for the TMX and XLIFF renderers.
 *
 * A CAT tool looks a memory up with the text of its own segments: for a
 * plain-text file, a paragraph (lines up to a blank line; OmegaT's
 * default) with its labels and inner line breaks as written, or, with
 * sentence segmentation, the SRX sentences of that paragraph
 * (render_srx.c).  A clause is not a paragraph: a heading and its body
 * are two paragraphs of one clause, and a run of list items written
 * without blank lines is one paragraph of several clauses.  So the units
 * are built from the paragraphs of both files: the paragraphs a clause
 * pair covers on one side are linked to those it covers on the other
 * (one to one when both sides have as many, else all to all), and each
 * connected group is a unit.  A file with no blank line at all (the
 * e-Gov statutes) is segmented a line a paragraph, as a CAT tool set to
 * break paragraphs on line breaks does.
 *
 * The source side is the document's text exactly (trimmed at both ends);
 * the target side has its wrapped lines joined (a line that starts a
 * clause starts a new line), as a translation is written into a segment.
 * A group that holds text of a clause with no counterpart is left out (a
 * memory entry would miss that text), and counted.  Documents whose
 * clauses are not views into their text (readers that rebuild the text)
 * fall back to one unit per clause pair, clause text without labels. */
#include "internal.h"
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct para {
  size_t a, z; /* bytes, trimmed */
} para;

typedef struct side {
  const ty_doc *d;
  para *p;
  size_t n;
  size_t *starts; /* byte offsets of the lines that start a clause */
  size_t nstarts;
} side;

static int blank_line(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    if (!ty_is_space(c) && c != '\r') return 0;
    i += (size_t)len;
  }
  return 1;
}

/* Offset of the start of the line holding byte i. */
static size_t line_start(const char *s, size_t i) {
  while (i > 0 && s[i - 1] != '\n')
    i--;
  return i;
}

static void push_para(side *sd, size_t a, size_t z, size_t *cap) {
  const char *s = sd->d->text;
  int len;
  while (a < z && ty_is_space(ty_utf8_decode(s + a, z - a, &len)))
    a += (size_t)len;
  while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t' || s[z - 1] == '\r' ||
                   s[z - 1] == '\n'))
    z--;
  if (a == z) return;
  if (sd->n == *cap) {
    *cap = *cap ? 2 * *cap : 64;
    sd->p = ty_xrealloc(sd->p, *cap * sizeof *sd->p);
  }
  sd->p[sd->n++] = (para){a, z};
}

/* The paragraphs of a document: blank-line separated, or lines when no
 * blank line separates two lines of text. */
static void find_paras(side *sd) {
  const char *s = sd->d->text;
  size_t n = sd->d->len, cap = 0;
  int by_line = 1, seen_text = 0, gap = 0;
  for (size_t i = 0; i < n;) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n;
    if (blank_line(s + i, e - i)) {
      gap = seen_text;
    } else {
      if (gap) by_line = 0;
      seen_text = 1;
    }
    i = e + 1;
  }
  size_t start = 0;
  int open = 0;
  for (size_t i = 0; i < n;) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n;
    int b = blank_line(s + i, e - i);
    if (by_line) {
      if (!b) push_para(sd, i, e, &cap);
    } else if (b && open) {
      push_para(sd, start, i, &cap);
      open = 0;
    } else if (!b && !open) {
      start = i;
      open = 1;
    }
    i = e + 1;
  }
  if (open) push_para(sd, start, n, &cap);
}

/* The byte range [a, z) of clauses first..first+count-1; 0 when a clause
 * is not a view into the document's text. */
static int clause_range(const ty_doc *d, int first, int count, size_t *a,
                        size_t *z) {
  const char *lo = d->text, *hi = d->text + d->len;
  for (int k = 0; k < count; k++) {
    const ty_clause *c = &d->cl[first + k];
    const char *s = c->label ? c->label : c->text;
    if (!s || !c->text) return 0;
    const char *e = c->text + c->text_len;
    if (s < lo || e > hi || e < s) return 0;
    if (k == 0) *a = (size_t)(s - lo);
    *z = (size_t)(e - lo);
  }
  return count > 0;
}

static int setup_side(side *sd, const ty_doc *d) {
  *sd = (side){.d = d};
  if (!d->text) return 0;
  sd->starts = ty_xmalloc((d->ncl + 1) * sizeof *sd->starts);
  for (size_t i = 0; i < d->ncl; i++) {
    size_t a, z;
    if (!clause_range(d, (int)i, 1, &a, &z)) return 0;
    sd->starts[sd->nstarts++] = line_start(d->text, a);
  }
  find_paras(sd);
  return 1;
}

static void free_side(side *sd) {
  free(sd->p);
  free(sd->starts);
}

/* Indices [*lo, *hi) of the paragraphs overlapping bytes [a, z). */
static void paras_in(const side *sd, size_t a, size_t z, size_t *lo,
                     size_t *hi) {
  size_t l = 0, h = sd->n;
  while (l < h) { /* first paragraph ending after a */
    size_t m = (l + h) / 2;
    if (sd->p[m].z <= a)
      l = m + 1;
    else
      h = m;
  }
  *lo = l;
  while (l < sd->n && sd->p[l].a < z)
    l++;
  *hi = l;
}

static size_t find_root(size_t *up, size_t i) {
  while (up[i] != i)
    i = up[i] = up[up[i]];
  return i;
}

static void join(size_t *up, size_t i, size_t j) {
  i = find_root(up, i);
  j = find_root(up, j);
  if (i < j)
    up[j] = i;
  else if (j < i)
    up[i] = j;
}

static int is_start(const side *sd, size_t off) {
  size_t l = 0, h = sd->nstarts;
  while (l < h) {
    size_t m = (l + h) / 2;
    if (sd->starts[m] < off)
      l = m + 1;
    else
      h = m;
  }
  return l < sd->nstarts && sd->starts[l] == off;
}

static int wants_space(int32_t c) {
  return !ty_is_japanese(c) && c < 0x3000;
}

static int32_t last_char(const char *s, size_t n) {
  size_t k = n - 1;
  while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
    k--;
  int len;
  return ty_utf8_decode(s + k, n - k, &len);
}

/* Paragraphs [lo, hi) of a side into out: exactly as written, or with
 * wrapped lines joined. */
static void para_text(const side *sd, const size_t *idx, size_t cnt, int exact,
                      ty_buf *out) {
  const char *s = sd->d->text;
  for (size_t k = 0; k < cnt; k++) {
    const para *p = &sd->p[idx[k]];
    if (k) ty_buf_puts(out, "\n\n");
    if (exact) {
      ty_buf_put(out, s + p->a, p->z - p->a);
      continue;
    }
    size_t first = out->n;
    for (size_t i = p->a; i < p->z;) {
      const char *nl = memchr(s + i, '\n', p->z - i);
      size_t e = nl ? (size_t)(nl - s) : p->z, a = i, z = e;
      int len;
      while (a < z && ty_is_space(ty_utf8_decode(s + a, z - a, &len)))
        a += (size_t)len;
      while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t' || s[z - 1] == '\r'))
        z--;
      if (a < z) {
        if (out->n > first) {
          if (is_start(sd, line_start(s, a)))
            ty_buf_putc(out, '\n');
          else if (wants_space(last_char(out->p, out->n)) ||
                   wants_space(ty_utf8_decode(s + a, z - a, &len)))
            ty_buf_putc(out, ' ');
        }
        ty_buf_put(out, s + a, z - a);
      }
      i = e + 1;
    }
  }
  if (!out->p) ty_buf_put(out, "", 0);
}

/* ---- units ------------------------------------------------------------- */

typedef struct builder {
  const ty_alignment *al;
  ty_lang src;
  ty_tus *out;
  ty_xml_ids ids; /* the unit ids given out */
  ty_buf id;
  ty_srx *srx[2]; /* with sentences */
  ty_spans ss, ts;
} builder;

/* `base` made unique ("KEY", then "KEY/2", "KEY/3" ...), in the arena. */
static const char *unique_id(builder *b, const char *base) {
  ty_unique_name(&b->ids, base, '/', &b->id);
  return ty_arena_strndup(&b->out->arena, b->id.p, b->id.n);
}

static void add_tu(builder *b, const char *id, size_t pair, const char *s,
                   size_t sn, const char *t, size_t tn) {
  ty_tus *u = b->out;
  if (u->n == u->cap) {
    u->cap = u->cap ? 2 * u->cap : 64;
    u->v = ty_xrealloc(u->v, u->cap * sizeof *u->v);
  }
  ty_tu *x = &u->v[u->n++];
  x->id = id;
  x->pair = pair;
  x->text[b->src] = ty_arena_strndup(&u->arena, s, sn);
  x->len[b->src] = sn;
  x->text[!b->src] = ty_arena_strndup(&u->arena, t, tn);
  x->len[!b->src] = tn;
  x->split = 0;
}

/* pre[i] := code points in sentences 0..i-1 of sp (over text s). */
static double *prefix_chars(const char *s, const ty_span *sp, size_t n) {
  double *pre = ty_xmalloc((n + 1) * sizeof *pre);
  pre[0] = 0;
  for (size_t i = 0; i < n; i++) {
    size_t c = 0;
    for (size_t j = sp[i].off; j < sp[i].off + sp[i].len; j++)
      c += ((unsigned char)s[j] & 0xC0) != 0x80;
    pre[i + 1] = pre[i] + (double)c;
  }
  return pre;
}

/* The beads a sentence alignment may use: (source, target) counts and
 * what each costs beyond the length mismatch. */
static const struct {
  int s, t;
  double cost;
} beads[] = {{1, 1, 0},   {1, 2, 0.5}, {2, 1, 0.5}, {1, 3, 1.5},
             {3, 1, 1.5}, {2, 2, 1},   {1, 0, 4},   {0, 1, 4}};
#define NBEADS (sizeof beads / sizeof beads[0])

/* Where target text may be cut between the translations of two source
 * sentences: after sentence or clause punctuation and its space
 * (English), after 。、； (Japanese). */
static int cut_point(const char *t, size_t i, size_t z, ty_lang lang) {
  if (lang == TY_EN)
    return i + 1 < z && strchr(",;:.?!", t[i]) && t[i + 1] == ' ';
  return i + 3 <= z &&
         (memcmp(t + i, "、", 3) == 0 || memcmp(t + i, "；", 3) == 0 ||
          memcmp(t + i, "。", 3) == 0);
}

/* Cuts target span sp into k pieces (k <= 3) whose lengths follow the
 * source sentences' (pre[0..k], cumulative code points), at cut points;
 * cut[0..k] are byte offsets into t.  0 when no such cut exists. */
static int split_target(const char *t, ty_span sp, const double *pre, size_t k,
                        ty_lang lang, size_t *cut) {
  size_t a = sp.off, z = sp.off + sp.len, prev = a;
  cut[0] = a;
  cut[k] = z;
  for (size_t q = 1; q < k; q++) {
    double want = (double)a + (double)(z - a) * (pre[q] - pre[0]) /
                                  (pre[k] - pre[0] + 1e-9);
    size_t best = 0;
    double bd = HUGE_VAL;
    for (size_t i = prev + 1; i + 1 < z; i++)
      if (cut_point(t, i, z, lang)) {
        size_t e = i + (lang == TY_EN ? 1 : 3);
        double d = fabs((double)e - want);
        if (d < bd) bd = d, best = e;
      }
    if (!best) return 0;
    while (best < z && t[best] == ' ')
      best++;
    cut[q] = prev = best;
  }
  for (size_t q = 0; q < k; q++)
    if (cut[q + 1] <= cut[q]) return 0;
  return 1;
}

/* Aligns the SRX sentences of a unit by length (Gale–Church in spirit,
 * the ratio taken from the unit itself, which is already known to be a
 * translation) and adds one unit per bead with both sides. */
static void align_sentences(builder *b, const char *id, size_t pair,
                            const char *s, const char *t) {
  size_t n = b->ss.n, m = b->ts.n;
  const ty_span *S = b->ss.v, *T = b->ts.v;
  double *ps = prefix_chars(s, S, n), *pt = prefix_chars(t, T, m);
  double ratio = (pt[m] + 1) / (ps[n] + 1);
  double *cost = ty_xmalloc((n + 1) * (m + 1) * sizeof *cost);
  unsigned char *how = ty_xmalloc((n + 1) * (m + 1));
  for (size_t i = 0; i <= n; i++)
    for (size_t j = 0; j <= m; j++) {
      double best = i || j ? HUGE_VAL : 0;
      unsigned char bh = 0;
      for (unsigned k = 0; k < NBEADS; k++) {
        size_t di = (size_t)beads[k].s, dj = (size_t)beads[k].t;
        if (di > i || dj > j || cost[(i - di) * (m + 1) + j - dj] == HUGE_VAL)
          continue;
        double ls = (ps[i] - ps[i - di]) * ratio, lt = pt[j] - pt[j - dj];
        double c = cost[(i - di) * (m + 1) + j - dj] + beads[k].cost +
                   fabs(log((lt + 1) / (ls + 1)));
        if (c < best) best = c, bh = (unsigned char)k;
      }
      cost[i * (m + 1) + j] = best;
      how[i * (m + 1) + j] = bh;
    }
  /* walk back, then emit in order */
  size_t nb = 0, i = n, j = m;
  size_t *path = ty_xmalloc((n + m + 1) * sizeof *path);
  while (i || j) {
    unsigned k = how[i * (m + 1) + j];
    path[nb++] = k;
    i -= (size_t)beads[k].s;
    j -= (size_t)beads[k].t;
  }
  size_t seq = 0;
  for (size_t q = nb; q-- > 0;) {
    unsigned k = (unsigned)path[q];
    size_t di = (size_t)beads[k].s, dj = (size_t)beads[k].t;
    size_t cut[4];
    ty_span whole = {0, 0};
    if (dj)
      whole =
          (ty_span){T[j].off, T[j + dj - 1].off + T[j + dj - 1].len - T[j].off};
    if (di > 1 && dj && dj <= di &&
        split_target(t, whole, ps + i, di, !b->src, cut)) {
      /* more source sentences than target ones: a unit each, the target
       * cut at its sentence or clause punctuation in proportion */
      for (size_t q2 = 0; q2 < di; q2++) {
        const char *sid = ty_arena_printf(&b->out->arena, "%s#%zu", id, ++seq);
        size_t te = cut[q2 + 1];
        while (te > cut[q2] && t[te - 1] == ' ')
          te--;
        add_tu(b, unique_id(b, sid), pair, s + S[i + q2].off, S[i + q2].len,
               t + cut[q2], te - cut[q2]);
        b->out->v[b->out->n - 1].split = 1;
      }
    } else if (di && dj) {
      size_t sa = S[i].off, sz = S[i + di - 1].off + S[i + di - 1].len;
      size_t ta = T[j].off, tz = T[j + dj - 1].off + T[j + dj - 1].len;
      const char *sid = ty_arena_printf(&b->out->arena, "%s#%zu", id, ++seq);
      add_tu(b, unique_id(b, sid), pair, s + sa, sz - sa, t + ta, tz - ta);
    } else {
      b->out->left_out += di;
    }
    i += di;
    j += dj;
  }
  free(path);
  free(how);
  free(cost);
  free(ps);
  free(pt);
}

/* One unit of source text s and target text t (NUL-terminated). */
static void emit(builder *b, const char *key, size_t pair, const char *s,
                 size_t sn, const char *t, size_t tn) {
  if (!b->srx[0]) {
    add_tu(b, unique_id(b, key), pair, s, sn, t, tn);
    return;
  }
  const char *id = unique_id(b, key);
  b->ss.n = b->ts.n = 0;
  ty_srx_split(b->srx[b->src], s, sn, &b->ss);
  ty_srx_split(b->srx[!b->src], t, tn, &b->ts);
  if (!b->ss.n) return;
  if (!b->ts.n) {
    b->out->left_out += b->ss.n;
    return;
  }
  align_sentences(b, id, pair, s, t);
}

/* Links the paragraphs each pair covers (nodes: ja paragraphs, then en
 * ones); marks those of pairs missing a side; first[] gets the first pair
 * that touched a node.  up/bad/first have one entry per node. */
static void link_pairs(const ty_alignment *al, const side *sd, size_t *up,
                       unsigned char *bad, size_t *first) {
  size_t base[2] = {0, sd[0].n};
  for (size_t pi = 0; pi < al->npairs; pi++) {
    const ty_pair *p = &al->pairs[pi];
    size_t lo[2] = {0, 0}, hi[2] = {0, 0};
    int has[2] = {p->ja >= 0 && p->nja > 0, p->en >= 0 && p->nen > 0};
    for (int k = 0; k < 2; k++) {
      size_t a, z;
      if (has[k] &&
          clause_range(sd[k].d, k ? p->en : p->ja, k ? p->nen : p->nja, &a, &z))
        paras_in(&sd[k], a, z, &lo[k], &hi[k]);
      for (size_t i = lo[k]; i < hi[k]; i++) {
        if (first[base[k] + i] == SIZE_MAX) first[base[k] + i] = pi;
        if (!has[!k]) bad[base[k] + i] = 1;
      }
    }
    if (!has[0] || !has[1] || lo[0] == hi[0] || lo[1] == hi[1]) continue;
    size_t nj = hi[0] - lo[0], ne = hi[1] - lo[1];
    if (nj == ne) {
      for (size_t i = 0; i < nj; i++)
        join(up, lo[0] + i, base[1] + lo[1] + i);
      continue;
    }
    for (size_t i = lo[0]; i < hi[0]; i++)
      join(up, i, base[1] + lo[1]);
    for (size_t i = lo[1]; i < hi[1]; i++)
      join(up, lo[0], base[1] + i);
  }
}

/* One unit per group of linked paragraphs, in source order. */
static void group_units(builder *b, side *sd) {
  size_t nn = sd[0].n + sd[1].n, base[2] = {0, sd[0].n};
  size_t *up = ty_xmalloc((nn + 1) * sizeof *up);
  size_t *first = ty_xmalloc((nn + 1) * sizeof *first);
  unsigned char *bad = ty_xcalloc(nn + 1, 1);
  for (size_t i = 0; i < nn; i++)
    up[i] = i, first[i] = SIZE_MAX;
  link_pairs(b->al, sd, up, bad, first);
  /* the members of each group, by side, in document order */
  size_t *gid = ty_xmalloc((nn + 1) * sizeof *gid), ng = 0;
  for (size_t i = 0; i < nn; i++)
    gid[i] = SIZE_MAX;
  int sk = b->src == TY_EN;
  for (size_t i = 0; i < sd[sk].n; i++) {
    size_t r = find_root(up, base[sk] + i);
    if (gid[r] == SIZE_MAX) gid[r] = ng++;
  }
  size_t *cnt[2], *off[2], *mem[2];
  for (int k = 0; k < 2; k++) {
    cnt[k] = ty_xcalloc(ng + 1, sizeof(size_t));
    off[k] = ty_xcalloc(ng + 1, sizeof(size_t));
    mem[k] = ty_xmalloc((sd[k].n + 1) * sizeof(size_t));
  }
  unsigned char *gbad = ty_xcalloc(ng + 1, 1);
  size_t *gfirst = ty_xmalloc((ng + 1) * sizeof *gfirst);
  for (size_t g = 0; g < ng; g++)
    gfirst[g] = SIZE_MAX;
  for (int k = 0; k < 2; k++)
    for (size_t i = 0; i < sd[k].n; i++) {
      size_t r = find_root(up, base[k] + i), g = gid[r];
      if (g == SIZE_MAX) continue;
      cnt[k][g]++;
      gbad[g] |= bad[base[k] + i];
      if (first[base[k] + i] < gfirst[g]) gfirst[g] = first[base[k] + i];
    }
  for (int k = 0; k < 2; k++) {
    for (size_t g = 1; g < ng; g++)
      off[k][g] = off[k][g - 1] + cnt[k][g - 1];
    size_t *fill = ty_xcalloc(ng + 1, sizeof(size_t));
    for (size_t i = 0; i < sd[k].n; i++) {
      size_t g = gid[find_root(up, base[k] + i)];
      if (g != SIZE_MAX) mem[k][off[k][g] + fill[g]++] = i;
    }
    free(fill);
  }
  ty_buf s = {0}, t = {0};
  for (size_t g = 0; g < ng; g++) {
    if (!cnt[0][g] || !cnt[1][g] || gbad[g] || gfirst[g] == SIZE_MAX) {
      b->out->left_out += cnt[sk][g];
      continue;
    }
    ty_buf_clear(&s);
    ty_buf_clear(&t);
    para_text(&sd[sk], mem[sk] + off[sk][g], cnt[sk][g], 1, &s);
    para_text(&sd[!sk], mem[!sk] + off[!sk][g], cnt[!sk][g], 0, &t);
    const ty_pair *p = &b->al->pairs[gfirst[g]];
    emit(b, ty_pair_key(b->al, p), gfirst[g], s.p, s.n, t.p, t.n);
  }
  ty_buf_free(&s);
  ty_buf_free(&t);
  for (int k = 0; k < 2; k++) {
    free(cnt[k]);
    free(off[k]);
    free(mem[k]);
  }
  free(gbad);
  free(gfirst);
  free(gid);
  free(bad);
  free(first);
  free(up);
}

/* A sentence span with its line breaks joined as in clause text. */
static void flat_span(const char *s, size_t n, ty_buf *out) {
  ty_clause c = {.text = s, .text_len = n};
  ty_buf_clear(out);
  ty_clause_flat_text(&c, out);
  if (!out->p) ty_buf_put(out, "", 0);
}

/* The clause form: a unit per pair with both sides, clause text without
 * labels; with sentences, a unit per sentence pair of the aligner. */
static void clause_units(builder *b, int sentences) {
  const ty_alignment *al = b->al;
  ty_buf x[2] = {{0}, {0}};
  for (size_t i = 0; i < al->npairs; i++) {
    const ty_pair *p = &al->pairs[i];
    if (p->ja < 0 || p->en < 0) {
      b->out->left_out += (size_t)(b->src == TY_JA ? p->nja : p->nen);
      continue;
    }
    const char *key = ty_pair_key(al, p);
    if (sentences && p->nsent) {
      for (size_t k = 0; k < p->nsent; k++) {
        const ty_sentpair *sp = &al->sents[p->sent_off + k];
        if (!sp->ja || !sp->en) {
          b->out->left_out += (b->src == TY_JA ? sp->ja : sp->en) != NULL;
          continue;
        }
        flat_span(sp->ja, sp->ja_len, &x[TY_JA]);
        flat_span(sp->en, sp->en_len, &x[TY_EN]);
        const char *id = ty_arena_printf(&b->out->arena, "%s#%zu", key, k + 1);
        add_tu(b, unique_id(b, id), i, x[b->src].p, x[b->src].n, x[!b->src].p,
               x[!b->src].n);
      }
      continue;
    }
    for (int k = 0; k < 2; k++) {
      ty_buf_clear(&x[k]);
      ty_pair_text(al, p, (ty_lang)k, &x[k]);
    }
    add_tu(b, unique_id(b, key), i, x[b->src].p, x[b->src].n, x[!b->src].p,
           x[!b->src].n);
  }
  ty_buf_free(&x[0]);
  ty_buf_free(&x[1]);
}

void ty_tus_build(const ty_alignment *al, ty_lang src, unsigned how,
                  ty_tus *out) {
  *out = (ty_tus){0};
  builder b = {.al = al, .src = src == TY_EN ? TY_EN : TY_JA, .out = out};
  side sd[2];
  int ok = setup_side(&sd[0], al->ja);
  ok = setup_side(&sd[1], al->en) && ok;
  if (!(how & TY_TU_CLAUSE) && ok) {
    if (how & TY_TU_SENTENCES) {
      b.srx[TY_JA] = ty_srx_new(TY_JA);
      b.srx[TY_EN] = ty_srx_new(TY_EN);
    }
    group_units(&b, sd);
  } else {
    out->by_clause = 1;
    clause_units(&b, (how & TY_TU_SENTENCES) != 0);
  }
  free_side(&sd[0]);
  free_side(&sd[1]);
  ty_srx_free(b.srx[0]);
  ty_srx_free(b.srx[1]);
  free(b.ss.v);
  free(b.ts.v);
  ty_xml_ids_free(&b.ids);
  ty_buf_free(&b.id);
}

void ty_tus_free(ty_tus *u) {
  free(u->v);
  ty_arena_free(&u->arena);
  *u = (ty_tus){0};
}

void ty_pair_doc_text(const ty_alignment *al, const ty_pair *p, ty_lang lang,
                      ty_buf *out) {
  const ty_doc *d = lang == TY_JA ? al->ja : al->en;
  int first = lang == TY_JA ? p->ja : p->en;
  int count = lang == TY_JA ? p->nja : p->nen;
  for (int k = 0; k < count && first >= 0; k++) {
    const ty_clause *c = &d->cl[first + k];
    if (k) ty_buf_putc(out, '\n');
    if (c->label && c->label_len) {
      ty_buf_put(out, c->label, c->label_len);
      /* the space the document puts after the label: "1 ", "第一条　" */
      const char *e = c->label + c->label_len;
      int len = 0;
      int32_t ch = c->text && c->text > e && c->text - e < 8
                       ? ty_utf8_decode(e, (size_t)(c->text - e), &len)
                       : ' ';
      if (c->text_len) {
        if (ch == 0x3000)
          ty_buf_put(out, e, (size_t)len);
        else
          ty_buf_putc(out, ' ');
      }
    }
    ty_clause_flat_text(c, out);
  }
  if (!out->p) ty_buf_put(out, "", 0);
}
