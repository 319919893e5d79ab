/* share.c — an alignment's pairs shared out between threads for the work
 * that takes one pair at a time (the checks, the sentence pairs).  Each
 * share is a run of pairs with findings, sentence pairs and an arena of
 * its own; ty_shares_merge puts them back in the order of the pairs, so
 * that the result is the one a single thread makes. */
#include "internal.h"
#include "share.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Less text than this a share, and a thread costs more than it saves
 * (starting one and its ICU objects: about a millisecond): the default
 * (threads 0) makes no smaller share. */
#define MIN_SHARE_BYTES ((size_t)1 << 20)

static size_t side_bytes(const ty_doc *d, int first, int count) {
  size_t n = 0;
  for (int k = 0; first >= 0 && k < count; k++)
    n += d->cl[first + k].text_len;
  return n;
}

static size_t pair_bytes(const ty_alignment *al, const ty_pair *p) {
  return 1 + side_bytes(al->ja, p->ja, p->nja) +
         side_bytes(al->en, p->en, p->nen);
}

static size_t wanted_shares(int threads) {
  long n = threads > 0 ? threads : sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) n = 1;
  return n > TY_MAX_SHARES ? TY_MAX_SHARES : (size_t)n;
}

static void open_share(ty_share *sh, const ty_alignment *al, size_t lo) {
  memset(sh, 0, sizeof *sh);
  sh->view = *al;
  sh->view.sents = NULL;
  sh->view.nsents = sh->view.scap = 0;
  memset(&sh->view.findings, 0, sizeof sh->view.findings);
  memset(&sh->view.arena, 0, sizeof sh->view.arena);
  sh->lo = lo;
}

size_t ty_shares_split(const ty_alignment *al, int threads, ty_share_cut cut,
                       ty_share *sh) {
  size_t total = 0;
  for (size_t k = 0; k < al->npairs; k++)
    total += pair_bytes(al, &al->pairs[k]);
  size_t n = wanted_shares(threads);
  /* as many as asked for; one a core only where each gets enough text */
  while (threads <= 0 && n > 1 && total / n < MIN_SHARE_BYTES)
    n--;
  size_t made = 0, k = 0, acc = 0;
  for (size_t s = 0; s < n && k < al->npairs; s++) {
    open_share(&sh[made], al, k);
    size_t target = s + 1 == n ? SIZE_MAX : total / n * (s + 1);
    while (k < al->npairs && acc < target)
      acc += pair_bytes(al, &al->pairs[k++]);
    while (k < al->npairs && cut && !cut(al, k))
      acc += pair_bytes(al, &al->pairs[k++]);
    sh[made++].hi = k;
  }
  if (!made) open_share(&sh[made++], al, 0); /* no pairs: one empty share */
  return made;
}

typedef struct share_job {
  ty_share *sh;
  ty_share_fn fn;
  void *arg;
} share_job;

static void *run_job(void *arg) {
  share_job *j = arg;
  j->fn(j->sh, j->arg);
  return NULL;
}

void ty_shares_run(ty_share *sh, size_t n, ty_share_fn fn, void *arg) {
  pthread_t th[TY_MAX_SHARES];
  share_job jobs[TY_MAX_SHARES];
  int started[TY_MAX_SHARES] = {0};
  for (size_t i = 1; i < n; i++) {
    jobs[i] = (share_job){&sh[i], fn, arg};
    started[i] = pthread_create(&th[i], NULL, run_job, &jobs[i]) == 0;
  }
  fn(&sh[0], arg);
  /* a share whose thread did not start is done here, after the others:
   * the merge keeps the order of the pairs either way */
  for (size_t i = 1; i < n; i++) {
    if (started[i])
      pthread_join(th[i], NULL);
    else
      fn(&sh[i], arg);
  }
}

typedef struct chunks {
  size_t n, next, turn; /* chunks; the next to make; the next to write */
  ty_chunk_fn make;
  ty_chunk_write_fn write;
  void *arg;
  pthread_mutex_t lock;
  pthread_cond_t written;
} chunks;

/* Takes chunks until none is left: each made alone, then written in turn. */
static void *chunk_worker(void *arg) {
  chunks *q = arg;
  ty_buf out = {0};
  for (;;) {
    pthread_mutex_lock(&q->lock);
    size_t c = q->next < q->n ? q->next++ : SIZE_MAX;
    pthread_mutex_unlock(&q->lock);
    if (c == SIZE_MAX) break;
    ty_buf_clear(&out);
    q->make(c, &out, q->arg);
    pthread_mutex_lock(&q->lock);
    while (q->turn != c)
      pthread_cond_wait(&q->written, &q->lock);
    pthread_mutex_unlock(&q->lock);
    q->write(&out, q->arg);
    pthread_mutex_lock(&q->lock);
    q->turn++;
    pthread_cond_broadcast(&q->written);
    pthread_mutex_unlock(&q->lock);
  }
  ty_buf_free(&out);
  return NULL;
}

void ty_chunks_run(size_t n, int threads, ty_chunk_fn make,
                   ty_chunk_write_fn write, void *arg) {
  chunks q = {.n = n, .make = make, .write = write, .arg = arg};
  pthread_mutex_init(&q.lock, NULL);
  pthread_cond_init(&q.written, NULL);
  size_t want = wanted_shares(threads);
  if (want > n) want = n ? n : 1;
  pthread_t th[TY_MAX_SHARES];
  size_t started = 0;
  for (size_t i = 1; i < want; i++)
    if (pthread_create(&th[started], NULL, chunk_worker, &q) == 0) started++;
  chunk_worker(&q); /* the calling thread takes chunks too */
  for (size_t i = 0; i < started; i++)
    pthread_join(th[i], NULL);
  pthread_cond_destroy(&q.written);
  pthread_mutex_destroy(&q.lock);
}

static void merge_sents(ty_alignment *al, ty_share *sh) {
  ty_alignment *v = &sh->view;
  if (!v->nsents) return;
  size_t base = al->nsents;
  if (al->scap - al->nsents < v->nsents) {
    al->scap = al->nsents + v->nsents;
    al->sents = ty_xrealloc(al->sents, al->scap * sizeof *al->sents);
  }
  memcpy(al->sents + base, v->sents, v->nsents * sizeof *v->sents);
  al->nsents += v->nsents;
  for (size_t k = sh->lo; k < sh->hi; k++)
    if (al->pairs[k].nsent) al->pairs[k].sent_off += base;
}

static void merge_findings(ty_alignment *al, ty_share *sh) {
  ty_findings *f = &al->findings, *g = &sh->view.findings;
  sh->findings_base = f->n;
  if (!g->n) return;
  if (f->cap - f->n < g->n) {
    f->cap = f->n + g->n;
    f->v = ty_xrealloc(f->v, f->cap * sizeof *f->v);
  }
  memcpy(f->v + f->n, g->v, g->n * sizeof *g->v);
  f->n += g->n;
}

void ty_shares_merge(ty_alignment *al, ty_share *sh, size_t n) {
  for (size_t i = 0; i < n; i++) {
    merge_sents(al, &sh[i]);
    merge_findings(al, &sh[i]);
    ty_arena_adopt(&al->arena, &sh[i].view.arena);
    free(sh[i].view.sents);
    free(sh[i].view.findings.v);
    sh[i].view.sents = NULL;
    sh[i].view.findings.v = NULL;
  }
}
