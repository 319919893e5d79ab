/* share.h — an alignment's pairs shared out between threads (share.c),
 * for the stages that take one pair at a time: the checks (checks.c), the
 * sentence pairs (align.c) and the JSON of the pairs (render_json.c). */
#ifndef TY_SHARE_H
#define TY_SHARE_H

#include "internal.h"

#define TY_MAX_SHARES 4

/* A run of an alignment's pairs, [lo, hi), that one thread works on
 * through `view`: the alignment's documents and pairs (each pair written
 * by its share only), with findings, sentence pairs and an arena of its
 * own until ty_shares_merge. */
typedef struct ty_share {
  ty_alignment view;
  size_t lo, hi;
  size_t findings_base; /* where its findings start in al's, once merged */
} ty_share;

/* Whether a share may start at pair k (NULL: at any pair). */
typedef int (*ty_share_cut)(const ty_alignment *al, size_t k);
typedef void (*ty_share_fn)(ty_share *sh, void *arg);

/* Splits al's pairs into at most TY_MAX_SHARES shares of about equal text
 * (`threads` of ty_config; with 0, one a core where each gets 1 MiB), each
 * starting where `cut` allows; fills sh[] and returns how many (at least
 * 1). */
size_t ty_shares_split(const ty_alignment *al, int threads, ty_share_cut cut,
                       ty_share *sh);
/* Runs fn on every share, each on its own thread (the first on the
 * calling one), and returns when all are done. */
void ty_shares_run(ty_share *sh, size_t n, ty_share_fn fn, void *arg);
/* Appends the shares' sentence pairs, findings and arenas to al's, in the
 * order of the shares, and sets each share's findings_base. */
void ty_shares_merge(ty_alignment *al, ty_share *sh, size_t n);

/* Makes chunk c of n into out (cleared before each chunk). */
typedef void (*ty_chunk_fn)(size_t c, ty_buf *out, void *arg);
/* Writes the made chunk `out` (in the order of the chunks). */
typedef void (*ty_chunk_write_fn)(const ty_buf *out, void *arg);
/* Makes chunks 0..n-1 on up to `threads` threads (0: one a core, at most
 * TY_MAX_SHARES) and writes each as soon as the ones before it are: the
 * output is the one a single thread writes, and the memory a chunk a
 * thread. */
void ty_chunks_run(size_t n, int threads, ty_chunk_fn make,
                   ty_chunk_write_fn write, void *arg);

#endif
