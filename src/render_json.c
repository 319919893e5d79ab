/* render_json.c — JSON, version 1, as DESIGN.md fixes it: one pair or
 * finding a line so that diffs of committed alignments stay readable. */
#include "internal.h"
#include "share.h"
#include "render.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Output goes through a buffer of our own: a renderer of 100,000 pairs
 * makes millions of small writes, and stdio's per-call cost (locking,
 * a 4 KiB buffer) dominated the whole run. */
#define OUT_CAP 65536

typedef struct jout {
  FILE *f;
  ty_buf *sink; /* when set, the output goes there, not to f */
  size_t n;
  char p[OUT_CAP];
} jout;

static void out(jout *o, const char *s, size_t n) {
  if (o->sink)
    ty_buf_put(o->sink, s, n);
  else
    fwrite(s, 1, n, o->f);
}

static void flush(jout *o) {
  if (o->n) out(o, o->p, o->n);
  o->n = 0;
}

static void put(jout *o, const char *s, size_t n) {
  if (OUT_CAP - o->n < n) {
    flush(o);
    if (n >= OUT_CAP) {
      out(o, s, n);
      return;
    }
  }
  memcpy(o->p + o->n, s, n);
  o->n += n;
}

static void putch(jout *o, char c) {
  if (o->n == OUT_CAP) flush(o);
  o->p[o->n++] = c;
}

static void puts_(jout *o, const char *s) {
  put(o, s, strlen(s));
}

static void putf(jout *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void putf(jout *o, const char *fmt, ...) {
  char tmp[512];
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (k > 0) put(o, tmp, (size_t)k < sizeof tmp ? (size_t)k : sizeof tmp - 1);
}

static void put_int(jout *o, int v) {
  char tmp[16];
  size_t k = sizeof tmp;
  unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
  do
    tmp[--k] = (char)('0' + u % 10);
  while ((u /= 10) != 0);
  if (v < 0) tmp[--k] = '-';
  put(o, tmp + k, sizeof tmp - k);
}

/* Sixteen bytes at a time, as the compiler's vector extension (SSE2 on
 * x86-64, NEON on arm64, plain code elsewhere): the JSON of gen/100000 is
 * 96 MB of text, and eight bytes a step took a seventh of the run. */
typedef unsigned char bytes16 __attribute__((vector_size(16)));

/* Whether any of the 16 bytes at s is a control byte, quote or backslash. */
static int needs_escape16(const unsigned char *s) {
  bytes16 x;
  memcpy(&x, s, sizeof x);
  bytes16 bad = (bytes16)((x < 0x20) | (x == '"') | (x == '\\'));
  uint64_t w[2];
  memcpy(w, &bad, sizeof w);
  return (w[0] | w[1]) != 0;
}

/* Length of the prefix of s[0..n) that a JSON string carries as it is:
 * no control byte, quote or backslash. */
static size_t plain_run(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i + 16 <= n && !needs_escape16(s + i))
    i += 16;
  while (i < n && s[i] >= 0x20 && s[i] != '"' && s[i] != '\\')
    i++;
  return i;
}

/* Writes s[0..n) as a JSON string literal. */
static void put_string(jout *o, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *u = (const unsigned char *)s;
  putch(o, '"');
  size_t i = 0;
  for (;;) {
    size_t run = plain_run(u + i, n - i);
    put(o, s + i, run);
    i += run;
    if (i == n) break;
    unsigned char c = u[i++];
    switch (c) {
    case '"': put(o, "\\\"", 2); break;
    case '\\': put(o, "\\\\", 2); break;
    case '\n': put(o, "\\n", 2); break;
    case '\t': put(o, "\\t", 2); break;
    case '\r': put(o, "\\r", 2); break;
    default: {
      char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      put(o, e, 6);
    }
    }
  }
  putch(o, '"');
}

static void put_cstr(jout *o, const char *s) {
  put_string(o, s, strlen(s));
}

static void put_side(jout *o, const ty_alignment *al, const ty_pair *p,
                     ty_lang side, ty_buf *tmp) {
  int idx = side == TY_JA ? p->ja : p->en;
  if (idx < 0) {
    puts_(o, "null");
    return;
  }
  puts_(o, "{\"label\":");
  ty_buf_clear(tmp);
  ty_pair_label(al, p, side, tmp);
  put_string(o, tmp->p, tmp->n);
  puts_(o, ",\"line\":");
  put_int(o, ty_pair_line(al, p, side));
  const char *lang = ty_pair_lang(al, p, side);
  if (lang) {
    puts_(o, ",\"lang\":");
    put_cstr(o, lang);
  }
  puts_(o, ",\"text\":");
  size_t n;
  const char *text = ty_pair_text_view(al, p, side, tmp, &n);
  put_string(o, text, n);
  putch(o, '}');
}

static void put_sentences(jout *o, const ty_alignment *al, const ty_pair *p) {
  puts_(o, ",\"sentences\":[");
  for (size_t k = 0; k < p->nsent; k++) {
    const ty_sentpair *s = &al->sents[p->sent_off + k];
    if (k) putch(o, ',');
    puts_(o, "{\"ja\":");
    if (s->ja)
      put_string(o, s->ja, s->ja_len);
    else
      puts_(o, "null");
    puts_(o, ",\"en\":");
    if (s->en)
      put_string(o, s->en, s->en_len);
    else
      puts_(o, "null");
    putch(o, '}');
  }
  putch(o, ']');
}

static void put_doc(jout *o, const char *name, const ty_doc *d) {
  putf(o, "  \"%s\": {\"path\": ", name);
  put_cstr(o, d->name);
  putf(o, ", \"clauses\": %zu},\n", d->ncl);
}

static void put_line(jout *o, int line) {
  if (line)
    put_int(o, line);
  else
    puts_(o, "null");
}

/* Pair i, with the separator before it. */
static void put_pair(jout *o, const ty_alignment *al, const char **ids,
                     size_t i, ty_buf *tmp) {
  const ty_pair *p = &al->pairs[i];
  puts_(o, i ? ",\n    " : "\n    ");
  puts_(o, "{\"id\":");
  put_cstr(o, ids[i]);
  puts_(o, ",\"key\":");
  put_cstr(o, ty_pair_key(al, p));
  puts_(o, ",\"status\":\"");
  puts_(o, ty_pair_status_name(p->status));
  putch(o, '"');
  if (p->status == TY_PAIR_CONTENT) putf(o, ",\"score\":%.3f", p->score);
  puts_(o, ",\"ja\":");
  put_side(o, al, p, TY_JA, tmp);
  puts_(o, ",\"en\":");
  put_side(o, al, p, TY_EN, tmp);
  if (p->nsent) put_sentences(o, al, p);
  putch(o, '}');
}

/* The pairs of a large alignment are formatted in chunks on several
 * threads and written in order (ty_chunks_run): on gen/100000 they are
 * 96 MB of JSON, a quarter of a structure-only run. */
#define CHUNK_PAIRS 2048

typedef struct pair_chunks {
  const ty_alignment *al;
  const char **ids;
  FILE *f;
} pair_chunks;

static void make_pair_chunk(size_t c, ty_buf *out, void *arg) {
  const pair_chunks *pc = arg;
  jout *o = ty_xmalloc(sizeof *o);
  o->f = NULL;
  o->sink = out;
  o->n = 0;
  ty_buf tmp = {0};
  size_t end = (c + 1) * CHUNK_PAIRS;
  if (end > pc->al->npairs) end = pc->al->npairs;
  for (size_t i = c * CHUNK_PAIRS; i < end; i++)
    put_pair(o, pc->al, pc->ids, i, &tmp);
  flush(o);
  free(o);
  ty_buf_free(&tmp);
}

static void write_pair_chunk(const ty_buf *out, void *arg) {
  const pair_chunks *pc = arg;
  if (out->n) fwrite(out->p, 1, out->n, pc->f);
}

static void put_pairs(jout *o, const ty_alignment *al, const char **ids,
                      ty_buf *tmp) {
  size_t chunks = (al->npairs + CHUNK_PAIRS - 1) / CHUNK_PAIRS;
  if (chunks < 2) {
    for (size_t i = 0; i < al->npairs; i++)
      put_pair(o, al, ids, i, tmp);
    return;
  }
  flush(o);
  pair_chunks pc = {al, ids, o->f};
  ty_chunks_run(chunks, 0, make_pair_chunk, write_pair_chunk, &pc);
}

int ty_render_json(const ty_alignment *al, const ty_render_options *opt,
                   FILE *f) {
  jout *o = ty_xmalloc(sizeof *o);
  o->f = f;
  o->sink = NULL;
  o->n = 0;
  ty_buf tmp = {0};
  const char **ids = ty_pair_ids(al);
  size_t *where = ty_finding_pairs(al);
  puts_(o, "{\n  \"taiyaku\": 1,\n");
  put_doc(o, "ja", al->ja);
  put_doc(o, "en", al->en);
  puts_(o, "  \"pairs\": [");
  put_pairs(o, al, ids, &tmp);
  puts_(o, al->npairs ? "\n  ],\n" : "],\n");
  puts_(o, "  \"findings\": [");
  for (size_t i = 0; i < al->findings.n; i++) {
    const ty_finding *x = &al->findings.v[i];
    puts_(o, i ? ",\n    " : "\n    ");
    putf(o, "{\"severity\":\"%s\",\"code\":\"%s\",\"key\":",
         ty_severity_name(x->severity), ty_code_name(x->code));
    put_cstr(o, x->key);
    puts_(o, ",\"ja_line\":");
    put_line(o, x->ja_line);
    puts_(o, ",\"en_line\":");
    put_line(o, x->en_line);
    puts_(o, ",\"message\":");
    put_cstr(o, x->message);
    putf(o, ",\"confidence\":%.2f", x->confidence);
    puts_(o, ",\"pair\":");
    if (where[i] == SIZE_MAX)
      puts_(o, "null");
    else
      put_cstr(o, ids[where[i]]);
    putch(o, '}');
  }
  puts_(o, al->findings.n ? "\n  ],\n" : "],\n");
  ty_summary s;
  ty_alignment_summary(al, &s);
  putf(o,
       "  \"summary\": {\"pairs\": %zu, \"matched\": %zu, \"content\": %zu, "
       "\"missing_en\": %zu, \"missing_ja\": %zu, \"errors\": %zu, "
       "\"warnings\": %zu, \"infos\": %zu}\n}\n",
       s.pairs, s.matched, s.content, s.missing_en, s.missing_ja, s.errors,
       s.warnings, s.infos);
  flush(o);
  free(o);
  ty_buf_free(&tmp);
  ty_pair_ids_free(al, ids);
  free(where);
  (void)opt;
  return ferror(f) ? -1 : 0;
}
