/* zip.c — ZIP containers (DOCX, ODT, XLSX) over libzip: members read from
 * an archive in memory with a size limit, and archives written to a file.
 *
 * A member is inflated in chunks and refused as soon as it passes the
 * caller's limit, whatever its header claims, so a zip bomb costs at most
 * the limit.  An archive whose central directory is missing or damaged (a
 * truncated download) is refused when it is opened; a member whose data
 * ends early or fails its CRC is refused when it is read. */
#include "internal.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

struct ty_zip {
  zip_t *za;
  const char *name; /* the file, for messages */
};

/* libzip's message for an error code, without a zip_error_t to keep. */
static const char *zip_message(int code, char *buf, size_t n) {
  zip_error_t e;
  zip_error_init_with_code(&e, code);
  snprintf(buf, n, "%s", zip_error_strerror(&e));
  zip_error_fini(&e);
  return buf;
}

ty_zip *ty_zip_open(const char *bytes, size_t len, const char *name,
                    ty_error *err) {
  /* the end-of-directory record alone is 22 bytes; libzip would take
   * nothing at all for an empty archive */
  if (len < 22) {
    ty_error_set(err, TY_ERR_SYNTAX, name, 0, 0,
                 "not a complete zip archive (truncated: %zu bytes)", len);
    return NULL;
  }
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
  if (!src) ty_oom();
  zip_t *za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
  if (!za) {
    zip_source_free(src);
    int code = zip_error_code_zip(&ze);
    zip_error_fini(&ze);
    char m[256];
    if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_EOF)
      ty_error_set(err, TY_ERR_SYNTAX, name, 0, 0,
                   "not a complete zip archive (truncated or damaged: %s)",
                   zip_message(code, m, sizeof m));
    else
      ty_error_set(err, TY_ERR_SYNTAX, name, 0, 0, "unreadable zip archive: %s",
                   zip_message(code, m, sizeof m));
    return NULL;
  }
  zip_error_fini(&ze);
  ty_zip *z = ty_xcalloc(1, sizeof *z);
  z->za = za;
  z->name = name;
  return z;
}

int ty_zip_has(const ty_zip *z, const char *member) {
  return zip_name_locate(z->za, member, 0) >= 0;
}

size_t ty_zip_size(const ty_zip *z, const char *member) {
  zip_int64_t idx = zip_name_locate(z->za, member, 0);
  zip_stat_t st;
  if (idx < 0 || zip_stat_index(z->za, (zip_uint64_t)idx, 0, &st) != 0 ||
      !(st.valid & ZIP_STAT_SIZE))
    return 0;
  return (size_t)st.size;
}

/* Opens a member for reading into *f, its directory entry in *st.
 * Returns 0; 1 when there is no such member; -1 with err filled when the
 * directory says it inflates past `limit` or it cannot be opened. */
static int open_member(ty_zip *z, const char *member, size_t limit,
                       zip_file_t **f, zip_stat_t *st, ty_error *err) {
  zip_int64_t idx = zip_name_locate(z->za, member, 0);
  if (idx < 0) return 1;
  if (zip_stat_index(z->za, (zip_uint64_t)idx, 0, st) != 0) st->valid = 0;
  if ((st->valid & ZIP_STAT_SIZE) && st->size > limit)
    return ty_error_set(err, TY_ERR_SYNTAX, z->name, 0, 0,
                        "%s inflates to %llu bytes, past the limit of %zu "
                        "(a zip bomb?)",
                        member, (unsigned long long)st->size, limit);
  *f = zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
  if (!*f)
    return ty_error_set(err, TY_ERR_SYNTAX, z->name, 0, 0, "%s: %s", member,
                        zip_strerror(z->za));
  return 0;
}

int ty_zip_read(ty_zip *z, const char *member, size_t limit, ty_buf *out,
                ty_error *err) {
  zip_stat_t st;
  zip_file_t *f = NULL;
  int rc = open_member(z, member, limit, &f, &st, err);
  if (rc != 0) return rc;
  ty_buf_clear(out);
  if ((st.valid & ZIP_STAT_SIZE) && st.size < limit)
    ty_buf_reserve(out, (size_t)st.size + 1); /* one allocation, no copies */
  for (;;) {
    if (out->cap - out->n < 4096) ty_buf_reserve(out, 65536);
    zip_int64_t k = zip_fread(f, out->p + out->n, out->cap - out->n - 1);
    if (k < 0) {
      ty_error_set(err, TY_ERR_SYNTAX, z->name, 0, 0,
                   "%s is damaged (truncated archive?): %s", member,
                   zip_file_strerror(f));
      zip_fclose(f);
      return -1;
    }
    if (k == 0) break;
    out->n += (size_t)k;
    if (out->n > limit) {
      zip_fclose(f);
      return ty_error_set(err, TY_ERR_SYNTAX, z->name, 0, 0,
                          "%s inflates past the limit of %zu bytes (a zip "
                          "bomb?)",
                          member, limit);
    }
  }
  out->p[out->n] = '\0';
  if (zip_fclose(f) != 0)
    return ty_error_set(err, TY_ERR_SYNTAX, z->name, 0, 0,
                        "%s is damaged (CRC or length mismatch)", member);
  return 0;
}

/* ---- streaming: inflate on one thread, consume on the caller's ------- */

#define SLOTS 4
#define CHUNK ((size_t)512 << 10)

/* The chunks between the inflating thread and the consumer: a ring of
 * SLOTS buffers, filled in order and emptied in order. */
typedef struct pipe {
  pthread_mutex_t lock;
  pthread_cond_t filled, emptied;
  char *buf[SLOTS];
  size_t len[SLOTS];
  int head, count; /* next slot to consume, slots filled */
  int done;        /* the producer has finished (end, error or limit) */
  int stop;        /* the consumer wants no more */
  zip_file_t *f;
  size_t limit, total;
  int error; /* 0, 1 damaged data, 2 past the limit */
  char message[200];
} pipe_t;

static void *produce(void *arg) {
  pipe_t *p = arg;
  for (int slot = 0;; slot = (slot + 1) % SLOTS) {
    pthread_mutex_lock(&p->lock);
    while (p->count == SLOTS && !p->stop)
      pthread_cond_wait(&p->emptied, &p->lock);
    int stop = p->stop;
    pthread_mutex_unlock(&p->lock);
    if (stop) break;
    zip_int64_t k = zip_fread(p->f, p->buf[slot], CHUNK);
    if (k <= 0) {
      if (k < 0) {
        p->error = 1;
        snprintf(p->message, sizeof p->message, "%s", zip_file_strerror(p->f));
      }
      break;
    }
    if ((p->total += (size_t)k) > p->limit) {
      p->error = 2;
      break;
    }
    pthread_mutex_lock(&p->lock);
    p->len[slot] = (size_t)k;
    p->count++;
    pthread_cond_signal(&p->filled);
    pthread_mutex_unlock(&p->lock);
  }
  pthread_mutex_lock(&p->lock);
  p->done = 1;
  pthread_cond_signal(&p->filled);
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

/* Without a second thread: inflate a chunk, consume it, and so on. */
static int consume_inline(pipe_t *p, int (*fn)(void *, const char *, size_t),
                          void *ctx) {
  for (;;) {
    zip_int64_t k = zip_fread(p->f, p->buf[0], CHUNK);
    if (k < 0) {
      p->error = 1;
      snprintf(p->message, sizeof p->message, "%s", zip_file_strerror(p->f));
    } else if (k > 0 && (p->total += (size_t)k) > p->limit) {
      p->error = 2;
    } else if (k > 0) {
      if (fn(ctx, p->buf[0], (size_t)k) != 0) return p->stop = 1, -1;
      continue;
    }
    return 0;
  }
}

int ty_zip_stream(ty_zip *z, const char *member, size_t limit,
                  int (*fn)(void *ctx, const char *p, size_t n), void *ctx,
                  ty_error *err) {
  pipe_t p;
  memset(&p, 0, sizeof p);
  zip_stat_t st;
  int opened = open_member(z, member, limit, &p.f, &st, err);
  if (opened != 0) return opened;
  p.limit = limit;
  pthread_mutex_init(&p.lock, NULL);
  pthread_cond_init(&p.filled, NULL);
  pthread_cond_init(&p.emptied, NULL);
  for (int i = 0; i < SLOTS; i++)
    p.buf[i] = ty_xmalloc(CHUNK);
  pthread_t th;
  int threaded = pthread_create(&th, NULL, produce, &p) == 0;
  int rc = threaded ? 0 : consume_inline(&p, fn, ctx);
  while (threaded) {
    pthread_mutex_lock(&p.lock);
    while (p.count == 0 && !p.done)
      pthread_cond_wait(&p.filled, &p.lock);
    if (p.count == 0) {
      pthread_mutex_unlock(&p.lock);
      break;
    }
    int slot = p.head;
    pthread_mutex_unlock(&p.lock);
    if (rc == 0 && fn(ctx, p.buf[slot], p.len[slot]) != 0) rc = -1;
    pthread_mutex_lock(&p.lock);
    p.head = (p.head + 1) % SLOTS;
    p.count--;
    if (rc) p.stop = 1;
    pthread_cond_signal(&p.emptied);
    pthread_mutex_unlock(&p.lock);
  }
  if (threaded) pthread_join(th, NULL);
  if (rc == 0 && p.error == 1)
    rc = ty_error_set(err, TY_ERR_SYNTAX, z->name, 0, 0,
                      "%s is damaged (truncated archive?): %s", member,
                      p.message);
  else if (rc == 0 && p.error == 2)
    rc = ty_error_set(err, TY_ERR_SYNTAX, z->name, 0, 0,
                      "%s inflates past the limit of %zu bytes (a zip bomb?)",
                      member, limit);
  if (zip_fclose(p.f) != 0 && rc == 0 && !p.stop)
    rc = ty_error_set(err, TY_ERR_SYNTAX, z->name, 0, 0,
                      "%s is damaged (CRC or length mismatch)", member);
  for (int i = 0; i < SLOTS; i++)
    free(p.buf[i]);
  pthread_cond_destroy(&p.filled);
  pthread_cond_destroy(&p.emptied);
  pthread_mutex_destroy(&p.lock);
  return rc;
}

void ty_zip_close(ty_zip *z) {
  if (!z) return;
  zip_discard(z->za);
  free(z);
}

/* ---- writing ------------------------------------------------------------ */

struct ty_zip_writer {
  zip_t *za;
  const char *path;
  char *temp; /* ty_zip_create_temp's file, removed when done */
};

ty_zip_writer *ty_zip_create(const char *path, ty_error *err) {
  int code = 0;
  zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (!za) {
    char m[256];
    ty_error_set(err, TY_ERR_IO, path, 0, 0, "%s",
                 zip_message(code, m, sizeof m));
    return NULL;
  }
  ty_zip_writer *w = ty_xcalloc(1, sizeof *w);
  w->za = za;
  w->path = path;
  return w;
}

int ty_zip_add(ty_zip_writer *w, const char *member, const char *data, size_t n,
               int stored, ty_error *err) {
  /* libzip reads the data when the archive is committed: keep a copy */
  char *copy = ty_xmalloc(n ? n : 1);
  memcpy(copy, data, n);
  zip_source_t *src = zip_source_buffer(w->za, copy, n, 1);
  if (!src) {
    free(copy);
    ty_oom();
  }
  zip_int64_t idx = zip_file_add(w->za, member, src, ZIP_FL_ENC_UTF_8);
  if (idx < 0) {
    zip_source_free(src);
    return ty_error_set(err, TY_ERR_IO, w->path, 0, 0, "%s: %s", member,
                        zip_strerror(w->za));
  }
  if (stored &&
      zip_set_file_compression(w->za, (zip_uint64_t)idx, ZIP_CM_STORE, 0) != 0)
    return ty_error_set(err, TY_ERR_IO, w->path, 0, 0, "%s: %s", member,
                        zip_strerror(w->za));
  return 0;
}

int ty_zip_commit(ty_zip_writer *w, ty_error *err) {
  int rc = 0;
  if (zip_close(w->za) != 0) {
    rc = ty_error_set(err, TY_ERR_IO, w->path, 0, 0, "%s", zip_strerror(w->za));
    zip_discard(w->za);
  }
  free(w);
  return rc;
}

void ty_zip_abandon(ty_zip_writer *w) {
  if (!w) return;
  zip_discard(w->za);
  if (w->temp) unlink(w->temp);
  free(w->temp);
  free(w);
}

/* ---- writing to a stream, through a temporary file ---------------------- */

ty_zip_writer *ty_zip_create_temp(ty_error *err) {
  const char *dir = getenv("TMPDIR");
  ty_buf path = {0};
  ty_buf_printf(&path, "%s/taiyaku-XXXXXX.zip", dir && *dir ? dir : "/tmp");
  int fd = mkstemps(path.p, 4);
  if (fd < 0) {
    ty_error_set(err, TY_ERR_IO, path.p, 0, 0,
                 "cannot create a temporary file: %s", strerror(errno));
    ty_buf_free(&path);
    return NULL;
  }
  close(fd);
  ty_zip_writer *w = ty_zip_create(path.p, err);
  if (!w) {
    unlink(path.p);
    ty_buf_free(&path);
    return NULL;
  }
  w->temp = path.p; /* owned from here on; w->path points at it */
  w->path = w->temp;
  return w;
}

/* Appends the file at path to f: 0, or -1. */
static int copy_file(const char *path, FILE *f) {
  FILE *in = fopen(path, "rb");
  if (!in) return -1;
  char buf[65536];
  size_t n;
  int rc = 0;
  while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
    if (fwrite(buf, 1, n, f) != n) rc = -1;
  if (ferror(in)) rc = -1;
  fclose(in);
  return rc;
}

int ty_zip_commit_to(ty_zip_writer *w, FILE *f, ty_error *err) {
  char *temp = w->temp;
  w->temp = NULL;
  int rc = ty_zip_commit(w, err);
  if (rc == 0 && copy_file(temp, f) != 0)
    rc = ty_error_set(err, TY_ERR_IO, NULL, 0, 0, "write error: %s",
                      strerror(errno ? errno : EIO));
  unlink(temp);
  free(temp);
  return rc;
}
