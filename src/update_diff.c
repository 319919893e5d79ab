/* update_diff.c — word diffs of a clause's two versions.
 *
 * The texts are split at ICU word boundaries (UBRK_WORD over a UTF-8
 * UText, so boundaries are byte offsets and nothing is converted): an
 * English word, a run of spaces, a punctuation mark, and in Japanese the
 * words of ICU's dictionary (改正 | する | 法律), each a token.  The token
 * sequences are compared with Myers' greedy O((N+M)D) algorithm ("An
 * O(ND) difference algorithm and its variations", 1986) after the common
 * prefix and suffix are cut, which in a reworded clause leaves a few
 * tokens: a clause pair costs little more than reading it. */
#include "update.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

/* Past this many differences the middle is reported as rewritten whole:
 * the trace costs O(D^2) memory, and such a diff is not read word by word
 * anyway. */
#define MAX_D 2000

struct ty_worder {
  UBreakIterator *bi; /* NULL when ICU could not open one */
};

ty_worder *ty_worder_new(ty_lang lang) {
  ty_worder *w = ty_xcalloc(1, sizeof *w);
  UErrorCode st = U_ZERO_ERROR;
  w->bi = ubrk_open(UBRK_WORD, lang == TY_JA ? "ja" : "en", NULL, 0, &st);
  if (U_FAILURE(st)) {
    if (w->bi) ubrk_close(w->bi);
    w->bi = NULL;
  }
  return w;
}

void ty_worder_free(ty_worder *w) {
  if (!w) return;
  if (w->bi) ubrk_close(w->bi);
  free(w);
}

/* A token: a span of the text and the hash of its bytes. */
typedef struct token {
  size_t off, len;
  uint64_t h;
} token;

typedef struct tokens {
  token *v;
  size_t n, cap;
} tokens;

static uint64_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603u; /* FNV-1a */
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return h;
}

static void push(tokens *t, const char *s, size_t a, size_t z) {
  if (z <= a) return;
  if (t->n == t->cap) {
    t->cap = t->cap ? 2 * t->cap : 64;
    t->v = ty_xrealloc(t->v, t->cap * sizeof *t->v);
  }
  t->v[t->n++] = (token){a, z - a, hash_bytes(s + a, z - a)};
}

/* Splits s[0..n) into tokens at word boundaries (code points when there
 * is no iterator or ICU fails on the text). */
static void tokenize(ty_worder *w, const char *s, size_t n, tokens *out) {
  out->n = 0;
  UErrorCode st = U_ZERO_ERROR;
  UText *ut = NULL;
  if (w->bi && n < (size_t)INT32_MAX) {
    ut = utext_openUTF8(NULL, s, (int64_t)n, &st);
    if (U_SUCCESS(st)) ubrk_setUText(w->bi, ut, &st);
  }
  if (ut && U_SUCCESS(st)) {
    size_t prev = 0;
    for (int32_t b = ubrk_following(w->bi, 0); b != UBRK_DONE;
         b = ubrk_next(w->bi)) {
      push(out, s, prev, (size_t)b);
      prev = (size_t)b;
    }
    push(out, s, prev, n);
  } else {
    out->n = 0;
    for (size_t i = 0; i < n;) {
      int len;
      ty_utf8_decode(s + i, n - i, &len);
      push(out, s, i, i + (size_t)len);
      i += (size_t)len;
    }
  }
  if (ut) {
    /* detach the iterator from the UText before closing it */
    UErrorCode st2 = U_ZERO_ERROR;
    ubrk_setText(w->bi, NULL, 0, &st2);
    utext_close(ut);
  }
}

static int same(const char *a, const token *x, const char *b, const token *y) {
  return x->h == y->h && x->len == y->len &&
         memcmp(a + x->off, b + y->off, x->len) == 0;
}

/* Appends a piece, merged into the last one when of the same kind and
 * adjacent in its text. */
static void emit(ty_diffs *out, ty_diff_op op, size_t off, size_t len) {
  if (len == 0) return;
  if (out->n) {
    ty_diff *last = &out->v[out->n - 1];
    if (last->op == op && last->off + last->len == off) {
      last->len += len;
      return;
    }
  }
  if (out->n == out->cap) {
    out->cap = out->cap ? 2 * out->cap : 16;
    out->v = ty_xrealloc(out->v, out->cap * sizeof *out->v);
  }
  out->v[out->n++] = (ty_diff){op, off, len};
}

/* The part of a diff the edit script covers: tokens A[a0..a1) against
 * B[b0..b1), with the trace of Myers' V arrays for each D. */
typedef struct middle {
  const char *sa, *sb;
  const token *A, *B;
  size_t a0, a1, b0, b1;
} middle;

/* Span of tokens T[i..j) as (off, len). */
static void span(const token *T, size_t i, size_t j, size_t *off, size_t *len) {
  *off = T[i].off;
  *len = T[j - 1].off + T[j - 1].len - T[i].off;
}

static void emit_tokens(ty_diffs *out, ty_diff_op op, const token *T, size_t i,
                        size_t j) {
  if (j <= i) return;
  size_t off, len;
  span(T, i, j, &off, &len);
  emit(out, op, off, len);
}

/* Walks the trace back from (N, M) and emits the script in order. */
static void backtrack(const middle *m, long **trace, long d, ty_diffs *out) {
  long N = (long)(m->a1 - m->a0), M = (long)(m->b1 - m->b0);
  /* collect the steps backwards, then emit them forwards */
  typedef struct step {
    long x0, y0, x1, y1;
  } step;
  step *steps = ty_xmalloc((size_t)(d + 1) * sizeof *steps);
  long x = N, y = M;
  for (long k = d; k > 0; k--) {
    long *V = trace[k - 1], off = k - 1, diag = x - y;
    long prev;
    if (diag == -k || (diag != k && V[off + diag - 1] < V[off + diag + 1]))
      prev = diag + 1; /* came down: an insertion */
    else
      prev = diag - 1; /* came right: a deletion */
    long px = V[off + prev], py = px - prev;
    steps[k] = (step){px, py, x, y};
    x = px;
    y = py;
  }
  steps[0] = (step){0, 0, x, y};
  size_t a0 = m->a0, b0 = m->b0;
  emit_tokens(out, TY_DIFF_EQUAL, m->A, a0, a0 + (size_t)steps[0].x1);
  for (long k = 1; k <= d; k++) {
    step s = steps[k];
    long mx = s.x0, my = s.y0;
    if (s.x1 - s.x0 > s.y1 - s.y0) { /* deletion, then a snake */
      emit_tokens(out, TY_DIFF_DELETE, m->A, a0 + (size_t)mx,
                  a0 + (size_t)mx + 1);
      mx++;
    } else {
      emit_tokens(out, TY_DIFF_INSERT, m->B, b0 + (size_t)my,
                  b0 + (size_t)my + 1);
      my++;
    }
    emit_tokens(out, TY_DIFF_EQUAL, m->A, a0 + (size_t)mx, a0 + (size_t)s.x1);
  }
  free(steps);
}

/* Myers' forward search; 0 when the distance exceeds MAX_D. */
static int myers(const middle *m, ty_diffs *out) {
  long N = (long)(m->a1 - m->a0), M = (long)(m->b1 - m->b0);
  long maxd = N + M < MAX_D ? N + M : MAX_D;
  long **trace = ty_xcalloc((size_t)maxd + 1, sizeof *trace);
  int found = 0;
  long d;
  for (d = 0; d <= maxd && !found; d++) {
    /* V for this d, indexed k + d for k in [-d, d]; the step from the
     * previous V reads k-1 and k+1 there, offset d-1 */
    long *V = ty_xmalloc((size_t)(2 * d + 1) * sizeof *V);
    long *P = d ? trace[d - 1] : NULL;
    for (long k = -d; k <= d; k += 2) {
      long x;
      if (d == 0)
        x = 0;
      else if (k == -d || (k != d && P[k - 1 + d - 1] < P[k + 1 + d - 1]))
        x = P[k + 1 + d - 1];
      else
        x = P[k - 1 + d - 1] + 1;
      long y = x - k;
      while (x < N && y < M &&
             same(m->sa, &m->A[m->a0 + (size_t)x], m->sb,
                  &m->B[m->b0 + (size_t)y])) {
        x++;
        y++;
      }
      V[k + d] = x;
      if (x >= N && y >= M) found = 1;
    }
    trace[d] = V;
  }
  if (found) backtrack(m, trace, d - 1, out);
  for (long i = 0; i <= maxd; i++)
    free(trace[i]);
  free(trace);
  return found;
}

void ty_word_diff(ty_worder *w, const char *a, size_t na, const char *b,
                  size_t nb, ty_diffs *out) {
  tokens A = {0}, B = {0};
  tokenize(w, a, na, &A);
  tokenize(w, b, nb, &B);
  size_t pre = 0;
  while (pre < A.n && pre < B.n && same(a, &A.v[pre], b, &B.v[pre]))
    pre++;
  size_t suf = 0;
  while (suf < A.n - pre && suf < B.n - pre &&
         same(a, &A.v[A.n - 1 - suf], b, &B.v[B.n - 1 - suf]))
    suf++;
  emit_tokens(out, TY_DIFF_EQUAL, A.v, 0, pre);
  middle m = {a, b, A.v, B.v, pre, A.n - suf, pre, B.n - suf};
  if (!myers(&m, out)) {
    emit_tokens(out, TY_DIFF_DELETE, A.v, m.a0, m.a1);
    emit_tokens(out, TY_DIFF_INSERT, B.v, m.b0, m.b1);
  }
  emit_tokens(out, TY_DIFF_EQUAL, A.v, A.n - suf, A.n);
  free(A.v);
  free(B.v);
}
