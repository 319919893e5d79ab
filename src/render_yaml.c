/* render_yaml.c — YAML through libyaml's emitter: the same data as the
 * JSON output, keys in the same order, block style, UTF-8 as it is.
 *
 * Strings that a YAML reader would take for something else (a key "1" is
 * an integer, "7.2" a float, "no" a boolean in YAML 1.1, "" or "~" null)
 * are emitted quoted; other strings plain where libyaml allows it, texts
 * with line breaks as literal blocks.  Long lines are not folded, so that
 * a changed clause changes one line of a committed alignment. */
#include "internal.h"
#include "render.h"

#include <string.h>
#include <strings.h>
#include <yaml.h>

typedef struct emit {
  yaml_emitter_t e;
  int failed;
} emit;

static int write_handler(void *data, unsigned char *buffer, size_t size) {
  return fwrite(buffer, 1, size, (FILE *)data) == size;
}

/* Emits an event that its initialiser built (`made`: libyaml refuses to
 * build one when out of memory).  After a failure the rest is skipped and
 * the caller reports the error once. */
static void ev(emit *m, int made, yaml_event_t *event) {
  if (!made) {
    m->failed = 1;
    return;
  }
  if (m->failed) {
    yaml_event_delete(event);
    return;
  }
  if (!yaml_emitter_emit(&m->e, event)) m->failed = 1;
}

/* True when a plain scalar `s` would be resolved as a string by YAML 1.1
 * and 1.2 readers.  Conservative: anything starting like a number is not
 * left plain. */
static int plain_is_string(const char *s, size_t n) {
  /* YAML 1.1 also gives "=" (value) and "<<" (merge) tags of their own */
  static const char *const words[] = {
      "~", "null", "true", "false", "yes",   "no",   "on", "off",
      "y", "n",    ".inf", "-.inf", "+.inf", ".nan", "=",  "<<"};
  if (n == 0) return 0;
  unsigned char c0 = (unsigned char)s[0];
  unsigned char c1 = n > 1 ? (unsigned char)s[1] : 0;
  if (c0 >= '0' && c0 <= '9') return 0;
  if (c0 && strchr("+-.", c0) && ((c1 >= '0' && c1 <= '9') || c1 == '.'))
    return 0;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (strlen(words[i]) == n && strncasecmp(s, words[i], n) == 0) return 0;
  return 1;
}

static void str_n(emit *m, const char *s, size_t n) {
  yaml_event_t event;
  yaml_scalar_style_t style =
      memchr(s, '\n', n) ? YAML_LITERAL_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE;
  /* plain_implicit 0 makes libyaml quote the scalar */
  int made =
      yaml_scalar_event_initialize(&event, NULL, NULL, (yaml_char_t *)s, (int)n,
                                   plain_is_string(s, n), 1, style);
  ev(m, made, &event);
}

static void str(emit *m, const char *s) {
  str_n(m, s, strlen(s));
}

/* A plain scalar that YAML resolves by its form: a number or null. */
static void raw(emit *m, const char *s) {
  yaml_event_t event;
  int made = yaml_scalar_event_initialize(&event, NULL, NULL, (yaml_char_t *)s,
                                          (int)strlen(s), 1, 0,
                                          YAML_PLAIN_SCALAR_STYLE);
  ev(m, made, &event);
}

static void num(emit *m, long long v) {
  char b[24];
  snprintf(b, sizeof b, "%lld", v);
  raw(m, b);
}

static void line_or_null(emit *m, int line) {
  if (line)
    num(m, line);
  else
    raw(m, "null");
}

static void map_start(emit *m) {
  yaml_event_t event;
  int made = yaml_mapping_start_event_initialize(&event, NULL, NULL, 1,
                                                 YAML_BLOCK_MAPPING_STYLE);
  ev(m, made, &event);
}

static void map_end(emit *m) {
  yaml_event_t event;
  ev(m, yaml_mapping_end_event_initialize(&event), &event);
}

static void seq_start(emit *m) {
  yaml_event_t event;
  int made = yaml_sequence_start_event_initialize(&event, NULL, NULL, 1,
                                                  YAML_BLOCK_SEQUENCE_STYLE);
  ev(m, made, &event);
}

static void seq_end(emit *m) {
  yaml_event_t event;
  ev(m, yaml_sequence_end_event_initialize(&event), &event);
}

static void put_doc(emit *m, const char *name, const ty_doc *d) {
  str(m, name);
  map_start(m);
  str(m, "path");
  str(m, d->name);
  str(m, "clauses");
  num(m, (long long)d->ncl);
  map_end(m);
}

static void put_side(emit *m, const ty_alignment *al, const ty_pair *p,
                     ty_lang side, ty_buf *tmp) {
  if ((side == TY_JA ? p->ja : p->en) < 0) {
    raw(m, "null");
    return;
  }
  map_start(m);
  str(m, "label");
  ty_buf_clear(tmp);
  ty_pair_label(al, p, side, tmp);
  str_n(m, tmp->p, tmp->n);
  str(m, "line");
  num(m, ty_pair_line(al, p, side));
  str(m, "text");
  ty_buf_clear(tmp);
  ty_pair_text(al, p, side, tmp);
  str_n(m, tmp->p, tmp->n);
  map_end(m);
}

static void put_span(emit *m, const char *s, size_t n) {
  if (s)
    str_n(m, s, n);
  else
    raw(m, "null");
}

static void put_pair(emit *m, const ty_alignment *al, const ty_pair *p,
                     const char *id, ty_buf *tmp) {
  map_start(m);
  str(m, "id");
  str(m, id);
  str(m, "key");
  str(m, ty_pair_key(al, p));
  str(m, "status");
  str(m, ty_pair_status_name(p->status));
  if (p->status == TY_PAIR_CONTENT) {
    char b[32];
    snprintf(b, sizeof b, "%.3f", p->score);
    str(m, "score");
    raw(m, b);
  }
  str(m, "ja");
  put_side(m, al, p, TY_JA, tmp);
  str(m, "en");
  put_side(m, al, p, TY_EN, tmp);
  if (p->nsent) {
    str(m, "sentences");
    seq_start(m);
    for (size_t k = 0; k < p->nsent; k++) {
      const ty_sentpair *s = &al->sents[p->sent_off + k];
      map_start(m);
      str(m, "ja");
      put_span(m, s->ja, s->ja_len);
      str(m, "en");
      put_span(m, s->en, s->en_len);
      map_end(m);
    }
    seq_end(m);
  }
  map_end(m);
}

static void put_finding(emit *m, const ty_finding *x, const char *pair) {
  map_start(m);
  str(m, "severity");
  str(m, ty_severity_name(x->severity));
  str(m, "code");
  str(m, ty_code_name(x->code));
  str(m, "key");
  str(m, x->key);
  str(m, "ja_line");
  line_or_null(m, x->ja_line);
  str(m, "en_line");
  line_or_null(m, x->en_line);
  str(m, "message");
  str(m, x->message);
  str(m, "confidence");
  char conf[16];
  snprintf(conf, sizeof conf, "%.2f", x->confidence);
  raw(m, conf);
  str(m, "pair");
  if (pair)
    str(m, pair);
  else
    raw(m, "null");
  map_end(m);
}

static void put_summary(emit *m, const ty_alignment *al) {
  ty_summary s;
  ty_alignment_summary(al, &s);
  const struct {
    const char *name;
    size_t n;
  } v[] = {{"pairs", s.pairs},           {"matched", s.matched},
           {"content", s.content},       {"missing_en", s.missing_en},
           {"missing_ja", s.missing_ja}, {"errors", s.errors},
           {"warnings", s.warnings},     {"infos", s.infos}};
  str(m, "summary");
  map_start(m);
  for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
    str(m, v[i].name);
    num(m, (long long)v[i].n);
  }
  map_end(m);
}

int ty_render_yaml(const ty_alignment *al, const ty_render_options *o,
                   FILE *f) {
  emit m = {0};
  if (!yaml_emitter_initialize(&m.e)) return -1;
  yaml_emitter_set_output(&m.e, write_handler, f);
  yaml_emitter_set_unicode(&m.e, 1);
  yaml_emitter_set_width(&m.e, -1);
  yaml_emitter_set_indent(&m.e, 2);

  yaml_event_t event;
  ev(&m, yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING),
     &event);
  ev(&m, yaml_document_start_event_initialize(&event, NULL, NULL, NULL, 1),
     &event);
  map_start(&m);
  str(&m, "taiyaku");
  num(&m, 1);
  put_doc(&m, "ja", al->ja);
  put_doc(&m, "en", al->en);

  ty_buf tmp = {0};
  const char **ids = ty_pair_ids(al);
  size_t *where = ty_finding_pairs(al);
  str(&m, "pairs");
  seq_start(&m);
  for (size_t i = 0; i < al->npairs && !m.failed; i++)
    put_pair(&m, al, &al->pairs[i], ids[i], &tmp);
  seq_end(&m);
  ty_buf_free(&tmp);

  str(&m, "findings");
  seq_start(&m);
  for (size_t i = 0; i < al->findings.n && !m.failed; i++)
    put_finding(&m, &al->findings.v[i],
                where[i] == SIZE_MAX ? NULL : ids[where[i]]);
  seq_end(&m);
  ty_pair_ids_free(al, ids);
  free(where);
  put_summary(&m, al);
  map_end(&m);

  ev(&m, yaml_document_end_event_initialize(&event, 1), &event);
  ev(&m, yaml_stream_end_event_initialize(&event), &event);
  if (!m.failed && !yaml_emitter_flush(&m.e)) m.failed = 1;
  yaml_emitter_delete(&m.e);
  (void)o;
  return m.failed || ferror(f) ? -1 : 0;
}
