/* arena.c — memory: the out-of-memory policy, a bump arena, a growable
 * buffer and error records. */
#include "internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

void ty_oom(void) {
  fputs("taiyaku: out of memory\n", stderr);
  abort();
}

/* Blocks from this size up are backed by transparent huge pages where the
 * kernel offers them on request (THP "madvise", Debian's default).  A
 * page fault costs microseconds in a virtual machine: reading an 83 MB
 * pair into 4 KiB pages spent most of a structure-only run's wall time
 * faulting (read(2) into a fresh buffer: 2.3 s for 42 MB, 0.22 s with
 * huge pages, tests/bench on a 2-core VM). */
#define HUGE_FROM ((size_t)4 << 20)

static void advise_huge(void *p, size_t n) {
#ifdef MADV_HUGEPAGE
  if (n < HUGE_FROM) return;
  uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
  uintptr_t lo = (uintptr_t)p & ~(page - 1);
  uintptr_t hi = ((uintptr_t)p + n + page - 1) & ~(page - 1);
  /* only a hint: the bytes are unchanged, and a failure leaves 4 KiB pages */
  (void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#else
  (void)p, (void)n;
#endif
}

void *ty_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) ty_oom();
  advise_huge(p, n);
  return p;
}

void *ty_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) ty_oom();
  advise_huge(q, n);
  return q;
}

void *ty_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) ty_oom();
  if (n && size && n <= SIZE_MAX / size) advise_huge(p, n * size);
  return p;
}

void *ty_xgrow_zeroed(void *p, size_t *cap, size_t n, size_t size) {
  if (*cap >= n) return p;
  size_t c = *cap ? *cap : 256;
  while (c < n)
    c *= 2;
  char *q = ty_xrealloc(p, c * size);
  memset(q + *cap * size, 0, (c - *cap) * size);
  *cap = c;
  return q;
}

char *ty_xstrdup(const char *s) {
  size_t n = strlen(s);
  char *p = ty_xmalloc(n + 1);
  memcpy(p, s, n + 1);
  return p;
}

struct ty_arena_chunk {
  ty_arena_chunk *next;
  size_t used, cap;
  max_align_t data[];
};

#define ARENA_CHUNK 65536
#define ALIGN_UP(x, a) (((x) + (a)-1) & ~((size_t)(a)-1))

/* n bytes at an offset that is a multiple of `align` (a power of two up to
 * _Alignof(max_align_t)).  Strings ask for 1: rounding each of a million
 * finding messages up to 32 bytes cost a third of their memory. */
static void *arena_take(ty_arena *a, size_t n, size_t align) {
  ty_arena_chunk *c = a->head;
  size_t at = c ? ALIGN_UP(c->used, align) : 0;
  if (!c || at > c->cap || c->cap - at < n) {
    /* chunks double up to HUGE_FROM, where they get huge pages: a big
     * document's strings fault in 2 MiB at a time, a small one's stay in
     * 64 KiB */
    size_t cap = !c                        ? ARENA_CHUNK
                 : c->cap >= HUGE_FROM / 2 ? HUGE_FROM
                                           : c->cap * 2;
    if (cap < ARENA_CHUNK) cap = ARENA_CHUNK;
    if (n > cap) cap = n;
    c = ty_xmalloc(sizeof *c + cap);
    c->used = 0;
    c->cap = cap;
    c->next = a->head;
    a->head = c;
    at = 0;
  }
  c->used = at + n;
  return (char *)c->data + at;
}

void *ty_arena_alloc(ty_arena *a, size_t n) {
  return arena_take(a, n, _Alignof(max_align_t));
}

char *ty_arena_strndup(ty_arena *a, const char *s, size_t n) {
  char *p = arena_take(a, n + 1, 1);
  if (n) memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *ty_arena_printf(ty_arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  char *p = arena_take(a, (size_t)n + 1, 1);
  va_start(ap, fmt);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return p;
}

void ty_arena_adopt(ty_arena *to, ty_arena *from) {
  ty_arena_chunk *tail = from->head;
  if (!tail) return;
  while (tail->next)
    tail = tail->next;
  tail->next = to->head;
  to->head = from->head;
  from->head = NULL;
}

void ty_arena_free(ty_arena *a) {
  ty_arena_chunk *c = a->head;
  while (c) {
    ty_arena_chunk *next = c->next;
    free(c);
    c = next;
  }
  a->head = NULL;
}

void ty_buf_reserve(ty_buf *b, size_t extra) {
  if (b->cap - b->n > extra) return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap - b->n <= extra)
    cap *= 2;
  b->p = ty_xrealloc(b->p, cap);
  b->cap = cap;
}

void ty_buf_put(ty_buf *b, const char *s, size_t n) {
  ty_buf_reserve(b, n);
  if (n) memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
}

void ty_buf_puts(ty_buf *b, const char *s) {
  ty_buf_put(b, s, strlen(s));
}

void ty_buf_putc(ty_buf *b, char c) {
  ty_buf_put(b, &c, 1);
}

void ty_buf_printf(ty_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n <= 0) return;
  ty_buf_reserve(b, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->n += (size_t)n;
}

void ty_buf_clear(ty_buf *b) {
  b->n = 0;
  if (b->p) b->p[0] = '\0';
}

void ty_buf_free(ty_buf *b) {
  free(b->p);
  b->p = NULL;
  b->n = b->cap = 0;
}

int ty_error_set(ty_error *err, ty_status_code code, const char *file, int line,
                 int column, const char *fmt, ...) {
  if (!err) return -1;
  err->code = code;
  snprintf(err->file, sizeof err->file, "%s", file ? file : "");
  err->line = line;
  err->column = column;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  return -1;
}
