/* dict.c — the EDICT or TSV dictionary given with --dict: Japanese
 * headwords with their English glosses, looked up in Japanese text so that
 * the glosses become anchors of the unit (engine.c). */
#include "engine.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>

struct ty_dict {
  /* open addressing: Japanese headword hash -> gloss anchors */
  uint32_t *key;   /* 0 = empty slot */
  uint32_t *first; /* into glosses */
  uint16_t *count;
  size_t cap;
  uint32_t *glosses;
  size_t ng, gcap;
  int maxlen; /* longest headword in code points */
};

void ty_dict_anchors(const ty_dict *d, const char *s, size_t n, seq *q) {
  size_t i = 0;
  while (i < n) {
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    if (!ty_is_japanese(c)) {
      i += (size_t)len;
      continue;
    }
    uint32_t h = 2166136261u;
    size_t k = i;
    for (int chars = 0; chars < d->maxlen && k < n; chars++) {
      int l2;
      int32_t c2 = ty_utf8_decode(s + k, n - k, &l2);
      if (!ty_is_japanese(c2)) break;
      for (int b = 0; b < l2; b++)
        h = fnv(h, (unsigned char)s[k + b]);
      k += (size_t)l2;
      uint32_t key = h | 1u;
      for (size_t slot = key & (d->cap - 1); d->key[slot];
           slot = (slot + 1) & (d->cap - 1)) {
        if (d->key[slot] != key) continue;
        for (uint32_t g = 0; g < d->count[slot]; g++)
          ty_seq_put_anchor(q, d->glosses[d->first[slot] + g]);
        break;
      }
    }
    i += (size_t)len;
  }
}

static int stopword(const char *w, size_t n) {
  static const char *const stop[] = {
      "the",   "and",    "for",  "with",   "that", "this",      "from",
      "into",  "not",    "are",  "was",    "one",  "something", "someone",
      "thing", "things", "etc",  "esp",    "used", "use",       "make",
      "get",   "being",  "have", "has",    "all",  "any",       "some",
      "such",  "other",  "way",  "person", "kind", "e.g",       "also"};
  for (size_t k = 0; k < sizeof stop / sizeof *stop; k++)
    if (strlen(stop[k]) == n && memcmp(stop[k], w, n) == 0) return 1;
  return 0;
}

typedef struct dict_entry {
  uint32_t key, first;
  uint16_t count;
} dict_entry;

/* The gloss words of one English text (letters, lower-cased, three or
 * more, no stop words, nothing in parentheses), hashed as ty_seq_add hashes
 * words, appended to d->glosses.  Returns how many. */
static uint16_t gloss_words(ty_dict *d, const char *s, size_t n) {
  uint16_t cnt = 0;
  int paren = 0;
  for (size_t i = 0; i < n;) {
    if (s[i] == '(') paren++;
    if (s[i] == ')' && paren) paren--;
    if (!is_alpha((unsigned char)s[i])) {
      i++;
      continue;
    }
    size_t b = i;
    char w[64];
    size_t wl = 0;
    uint32_t h = fnv(2166136261u, 'w'), hs = h;
    while (i < n &&
           (is_alpha((unsigned char)s[i]) || is_digit((unsigned char)s[i]))) {
      if (wl < sizeof w) w[wl++] = (char)(s[i] | 0x20);
      hs = h;
      h = fnv(h, (unsigned char)(s[i] | 0x20));
      i++;
    }
    if (wl >= 4 && wl < sizeof w && w[wl - 1] == 's' && w[wl - 2] != 's')
      h = hs;
    if (paren || i - b < 3 || stopword(w, wl) || cnt >= 8) continue;
    if (d->ng == d->gcap) {
      d->gcap = d->gcap ? d->gcap * 2 : 4096;
      d->glosses = ty_xrealloc(d->glosses, d->gcap * sizeof *d->glosses);
    }
    d->glosses[d->ng++] = h & ~7u;
    cnt++;
  }
  return cnt;
}

/* Headwords longer than this are left out: they seldom occur in running
 * text and would lengthen every lookup. */
#define DICT_MAX_CHARS 6

/* Adds the headword s[0..n) (Japanese characters only) with the
 * glosses of en[0..m). */
static void dict_add(ty_dict *d, dict_entry **v, size_t *nv, size_t *cap,
                     const char *s, size_t n, const char *en, size_t m) {
  uint32_t h = 2166136261u;
  int chars = 0;
  for (size_t i = 0; i < n;) {
    int len;
    if (!ty_is_japanese(ty_utf8_decode(s + i, n - i, &len))) return;
    for (int b = 0; b < len; b++)
      h = fnv(h, (unsigned char)s[i + (size_t)b]);
    i += (size_t)len;
    chars++;
  }
  if (chars < 1 || chars > DICT_MAX_CHARS) return;
  uint32_t first = (uint32_t)d->ng;
  uint16_t cnt = gloss_words(d, en, m);
  if (!cnt) return;
  if (*nv == *cap) {
    *cap = *cap ? *cap * 2 : 4096;
    *v = ty_xrealloc(*v, *cap * sizeof **v);
  }
  (*v)[(*nv)++] = (dict_entry){h | 1u, first, cnt};
  if (chars > d->maxlen) d->maxlen = chars;
}

/* Whether the bytes of a dictionary file are text: no NUL and no control
 * character but tab and line ends (an executable or an archive given as
 * --dict is refused where its first such byte stands). */
static int looks_like_text(const ty_buf *raw, const char *path, ty_error *err) {
  int line = 1, col = 1;
  for (size_t i = 0; i < raw->n; i++) {
    unsigned char c = (unsigned char)raw->p[i];
    if (c == '\n') {
      line++, col = 1;
      continue;
    }
    if (c < 0x20 && c != '\t' && c != '\r') {
      ty_error_set(
          err, TY_ERR_SYNTAX, path, line, col,
          "not a dictionary: control character 0x%02X (EDICT lines "
          "\"headword [reading] /gloss/\" or \"headword<TAB>gloss\" expected)",
          c);
      return 0;
    }
    if (c < 0x80 || c >= 0xC0) col++; /* columns in characters */
  }
  return 1;
}

/* The dictionary file as UTF-8 text in *text (EUC-JP converted); 0, or
 * -1 with err set. */
static int read_dict_text(const char *path, ty_buf *text, ty_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    ty_error_set(err, TY_ERR_IO, path, 0, 0, "cannot open: %s",
                 strerror(errno));
    return -1;
  }
  ty_buf raw = {0};
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
    ty_buf_put(&raw, chunk, got);
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    ty_buf_free(&raw);
    ty_error_set(err, TY_ERR_IO, path, 0, 0, "cannot read: %s",
                 strerror(errno));
    return -1;
  }
  if (!looks_like_text(&raw, path, err)) {
    ty_buf_free(&raw);
    return -1;
  }
  if (ty_utf8_validate(raw.p ? raw.p : "", raw.n) == raw.n) {
    *text = raw;
    return 0;
  }
  /* Debian's edict is EUC-JP */
  UErrorCode st = U_ZERO_ERROR;
  int32_t need =
      ucnv_convert("UTF-8", "EUC-JP", NULL, 0, raw.p, (int32_t)raw.n, &st);
  st = U_ZERO_ERROR;
  ty_buf_reserve(text, (size_t)need + 1);
  ucnv_convert("UTF-8", "EUC-JP", text->p, need + 1, raw.p, (int32_t)raw.n,
               &st);
  ty_buf_free(&raw);
  if (U_FAILURE(st)) {
    ty_buf_free(text);
    ty_error_set(err, TY_ERR_ENCODING, path, 0, 0,
                 "neither UTF-8 nor EUC-JP: %s", u_errorName(st));
    return -1;
  }
  text->n = (size_t)need;
  return 0;
}

/* The entries of every line of text (tab-separated or EDICT), in *v. */
static void parse_dict_lines(ty_dict *d, const ty_buf *text, dict_entry **v,
                             size_t *nv) {
  size_t vcap = 0;
  const char *s = text->p ? text->p : "";
  for (size_t i = 0; i < text->n;) {
    const char *nl = memchr(s + i, '\n', text->n - i);
    size_t e = nl ? (size_t)(nl - s) : text->n;
    const char *line = s + i;
    size_t n = e - i;
    const char *tab = memchr(line, '\t', n);
    const char *slash = memchr(line, '/', n);
    if (tab) {
      dict_add(d, v, nv, &vcap, line, (size_t)(tab - line), tab + 1,
               (size_t)(line + n - tab - 1));
    } else if (slash) {
      /* 漢字;漢字 [かな] /gloss/gloss/ */
      const char *hw = line, *end = memchr(line, ' ', n);
      if (!end || end > slash) end = slash;
      while (hw < end) {
        const char *semi = memchr(hw, ';', (size_t)(end - hw));
        const char *z = semi ? semi : end;
        dict_add(d, v, nv, &vcap, hw, (size_t)(z - hw), slash,
                 (size_t)(line + n - slash));
        hw = z + 1;
      }
    }
    i = e + 1;
  }
}

ty_dict *ty_dict_load(const char *path, ty_error *err) {
  ty_buf text = {0};
  if (read_dict_text(path, &text, err) != 0) return NULL;
  ty_dict *d = ty_xcalloc(1, sizeof *d);
  dict_entry *v = NULL;
  size_t nv = 0;
  parse_dict_lines(d, &text, &v, &nv);
  ty_buf_free(&text);
  if (!nv) {
    free(v);
    ty_dict_free(d);
    ty_error_set(
        err, TY_ERR_SYNTAX, path, 1, 1,
        "not a dictionary: no line is an entry (EDICT \"headword [reading] "
        "/gloss/\" or \"headword<TAB>gloss\", the headword in Japanese)");
    return NULL;
  }
  d->cap = 16;
  while (d->cap < nv * 2)
    d->cap *= 2;
  d->key = ty_xcalloc(d->cap, sizeof *d->key);
  d->first = ty_xcalloc(d->cap, sizeof *d->first);
  d->count = ty_xcalloc(d->cap, sizeof *d->count);
  for (size_t k = 0; k < nv; k++) {
    size_t slot = v[k].key & (d->cap - 1);
    while (d->key[slot] && d->key[slot] != v[k].key)
      slot = (slot + 1) & (d->cap - 1);
    if (d->key[slot]) continue; /* the first entry of a headword wins */
    d->key[slot] = v[k].key;
    d->first[slot] = v[k].first;
    d->count[slot] = v[k].count;
  }
  free(v);
  return d;
}

void ty_dict_free(ty_dict *d) {
  if (!d) return;
  free(d->key);
  free(d->first);
  free(d->count);
  free(d->glosses);
  free(d);
}
