/* evidence.c — what the words and numbers of sentences say about their
 * pairing beyond the cost of a move: a sentence left unpaired that the
 * pairing beside it states (ty_join_evidence), required anchors the other
 * side states elsewhere (ty_seq_relax), a Japanese sentence that continues
 * the one before (ty_continues_before).  For align.c's sentence pairs. */
#include "engine.h"

#include <string.h>

/* Whether anchor h (flags aside) is among those of units first ..
 * first+cnt-1 of q (each unit's sorted). */
static int group_has(const seq *q, size_t first, size_t cnt, uint32_t h) {
  for (size_t u = first; u < first + cnt && q->pool; u++) {
    size_t lo = q->aoff[u], hi = q->aoff[u + 1];
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      uint32_t v = q->pool[mid] >> 3;
      if (v == h) return 1;
      if (v < h)
        lo = mid + 1;
      else
        hi = mid;
    }
  }
  return 0;
}

void ty_seq_relax(seq *q, const seq *other) {
  if (!other->n || !q->pool) return;
  for (size_t u = 0; u < q->n; u++)
    for (uint32_t k = q->aoff[u]; k < q->aoff[u + 1]; k++) {
      uint32_t a = q->pool[k];
      if ((a & (A_REQUIRED | A_NUMBER)) != A_REQUIRED ||
          !group_has(other, 0, other->n, a >> 3))
        continue;
      q->pool[k] = a & ~A_REQUIRED;
      /* the unit's miss units, as ty_seq_add counted them */
      q->miss[u] -= (uint32_t)(miss_units[a & 3u] - miss_units[a & 2u]);
    }
}

int ty_join_evidence(const seq *U, size_t u, int required, size_t s0, size_t ns,
                     const seq *O, size_t o0, size_t no) {
  int in = 0, out = 0;
  for (uint32_t k = U->aoff[u]; U->pool && k < U->aoff[u + 1]; k++) {
    uint32_t a = U->pool[k], h = a >> 3;
    if ((a & A_WEAK) || (required && !(a & A_REQUIRED))) continue;
    int other = group_has(O, o0, no, h), own = group_has(U, s0, ns, h);
    if (other && !own)
      in++;
    else if (!other && !own)
      out++;
  }
  return in >= 2 && in >= 2 * out;
}

int ty_continues_before(const char *s, size_t n) {
  static const char *const lead[] = {"ただし", "但し", "なぜなら", "何故なら"};
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t'))
    i++;
  for (size_t k = 0; k < sizeof lead / sizeof *lead; k++) {
    size_t l = strlen(lead[k]);
    if (n - i >= l && memcmp(s + i, lead[k], l) == 0) return 1;
  }
  return 0;
}
