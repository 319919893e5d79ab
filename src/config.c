/* config.c — severities and glossary from taiyaku.yaml.
 *
 * The file, read with libyaml's event parser:
 *
 *   config   ::= empty | MAPPING { "severity": severity, "glossary": glossary }
 *   severity ::= empty | MAPPING { CODE: "error" | "warning" | "info" | "off" }
 *   glossary ::= empty | SEQUENCE of MAPPING { "ja": STR, "en": STR | [STR...]
 * }
 *
 * Anything else is an error naming the key or value and its position.  A
 * failed load leaves the configuration as it was. */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

/* The severity named `s` (including "off"), or -2. */
static int severity_from_name(const char *s) {
  static const ty_severity all[] = {TY_SEV_OFF, TY_SEV_INFO, TY_SEV_WARNING,
                                    TY_SEV_ERROR};
  for (size_t i = 0; i < sizeof all / sizeof *all; i++)
    if (strcmp(ty_severity_name(all[i]), s) == 0) return all[i];
  return -2;
}

ty_config *ty_config_new(void) {
  ty_config *cfg = ty_xcalloc(1, sizeof *cfg);
  for (int i = 0; i < TY_CODE_COUNT; i++)
    cfg->sev[i] = ty_code_default_severity((ty_code)i);
  cfg->checks = 1;
  return cfg;
}

void ty_config_set_severity(ty_config *cfg, ty_code code, ty_severity sev) {
  if (!cfg || (int)code < 0 || code >= TY_CODE_COUNT) return;
  cfg->sev[code] = sev;
}

void ty_config_free(ty_config *cfg) {
  if (!cfg) return;
  free(cfg->gloss);
  ty_arena_free(&cfg->arena);
  free(cfg);
}

/* ---- the loader ----------------------------------------------------- */

typedef struct loader {
  yaml_parser_t parser;
  yaml_event_t ev; /* the current event, valid after next() */
  int have_ev;
  ty_config *cfg;
  ty_severity sev[TY_CODE_COUNT]; /* committed only on success */
  const char *path;
  const char *text; /* the whole file, for positions of reader errors */
  size_t len;
  ty_error *err;
} loader;

static int fail_at(loader *l, yaml_mark_t m, const char *fmt, const char *arg) {
  return ty_error_set(l->err, TY_ERR_SYNTAX, l->path, (int)m.line + 1,
                      (int)m.column + 1, fmt, arg);
}

int ty_yaml_reader_error(ty_error *err, const char *path, const char *text,
                         size_t len, size_t offset, const char *problem) {
  /* libyaml's reader (bad UTF-8, control characters) gives only a byte
   * offset, for bad UTF-8 that of a byte after the sequence's start */
  size_t bad = ty_utf8_validate(text, len);
  int line, col;
  ty_utf8_line_col(text, len, bad < len ? bad : offset, &line, &col);
  return ty_error_set(err, bad < len ? TY_ERR_ENCODING : TY_ERR_SYNTAX, path,
                      line, col, "%s", bad < len ? "invalid UTF-8" : problem);
}

/* Advances to the next event; a libyaml error becomes the error record. */
static int next(loader *l) {
  if (l->have_ev) yaml_event_delete(&l->ev);
  l->have_ev = 0;
  if (!yaml_parser_parse(&l->parser, &l->ev)) {
    yaml_parser_t *p = &l->parser;
    yaml_mark_t m = p->problem ? p->problem_mark : p->context_mark;
    int line = (int)m.line + 1, col = (int)m.column + 1;
    if (p->error == YAML_READER_ERROR)
      return ty_yaml_reader_error(l->err, l->path, l->text, l->len,
                                  p->problem_offset, p->problem);
    return ty_error_set(l->err, TY_ERR_SYNTAX, l->path, line, col, "%s%s%s",
                        p->problem ? p->problem : "malformed YAML",
                        p->context ? " " : "", p->context ? p->context : "");
  }
  l->have_ev = 1;
  if (l->ev.type == YAML_ALIAS_EVENT)
    return fail_at(l, l->ev.start_mark, "aliases are not supported in %s",
                   "taiyaku.yaml");
  return 0;
}

/* Where a key of a mapping was first met. */
typedef struct key_seen {
  int seen;
  yaml_mark_t at;
} key_seen;

/* Notes the current key `key`; a key met twice is an error at the second
 * naming the first (libyaml lets the last win silently). */
static int note_key(loader *l, key_seen *k, const char *key) {
  yaml_mark_t m = l->ev.start_mark;
  if (k->seen)
    return ty_error_set(l->err, TY_ERR_SYNTAX, l->path, (int)m.line + 1,
                        (int)m.column + 1,
                        "duplicate key '%s' (first at %d:%d)", key,
                        (int)k->at.line + 1, (int)k->at.column + 1);
  k->seen = 1;
  k->at = m;
  return 0;
}

static const char *scalar(const loader *l) {
  return (const char *)l->ev.data.scalar.value;
}

/* An empty value (`key:` with nothing after it, `~`, `null`) stands for
 * "none". */
static int is_null(const loader *l) {
  if (l->ev.type != YAML_SCALAR_EVENT ||
      l->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return 0;
  const char *s = scalar(l);
  return !*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0;
}

static int load_severity(loader *l) {
  key_seen seen[TY_CODE_COUNT] = {{0}};
  if (is_null(l)) return 0;
  if (l->ev.type != YAML_MAPPING_START_EVENT)
    return fail_at(l, l->ev.start_mark,
                   "%s must map finding codes to severities", "severity");
  for (;;) {
    if (next(l)) return -1;
    if (l->ev.type == YAML_MAPPING_END_EVENT) return 0;
    if (l->ev.type != YAML_SCALAR_EVENT)
      return fail_at(l, l->ev.start_mark, "%s: expected a finding code",
                     "severity");
    int code = ty_code_from_name(scalar(l));
    if (code < 0)
      return fail_at(l, l->ev.start_mark, "unknown finding code '%s'",
                     scalar(l));
    if (note_key(l, &seen[code], scalar(l))) return -1;
    if (next(l)) return -1;
    if (l->ev.type != YAML_SCALAR_EVENT)
      return fail_at(l, l->ev.start_mark,
                     "a severity is one word: %s, warning, info or off",
                     "error");
    int sev = severity_from_name(scalar(l));
    if (sev == -2)
      return fail_at(l, l->ev.start_mark,
                     "unknown severity '%s' (error, warning, info or off)",
                     scalar(l));
    l->sev[code] = (ty_severity)sev;
  }
}

/* Copies the current scalar into the arena; "" is refused. */
static const char *gloss_string(loader *l, const char *key) {
  if (l->ev.type != YAML_SCALAR_EVENT || l->ev.data.scalar.length == 0) {
    fail_at(l, l->ev.start_mark, "glossary: %s needs a non-empty string", key);
    return NULL;
  }
  return ty_arena_strndup(&l->cfg->arena, scalar(l), l->ev.data.scalar.length);
}

static void add_gloss(ty_config *cfg, const char *ja, const char **en,
                      size_t nen) {
  /* capacity 8, 16, 32...: full exactly when ngloss reaches it (a failed
   * load only ever lowers ngloss, which keeps the array large enough) */
  size_t n = cfg->ngloss;
  if (n == 0 || (n >= 8 && (n & (n - 1)) == 0))
    cfg->gloss = ty_xrealloc(cfg->gloss, (cfg->ngloss ? cfg->ngloss * 2 : 8) *
                                             sizeof *cfg->gloss);
  ty_gloss *g = &cfg->gloss[cfg->ngloss++];
  g->ja = ja;
  g->nen = nen;
  g->en = ty_arena_alloc(&cfg->arena, nen * sizeof *en);
  memcpy(g->en, en, nen * sizeof *en);
}

static int load_entry(loader *l) {
  yaml_mark_t start = l->ev.start_mark;
  if (l->ev.type != YAML_MAPPING_START_EVENT)
    return fail_at(l, start, "%s: each entry must be a mapping {ja, en}",
                   "glossary");
  const char *ja = NULL;
  const char **en = NULL;
  size_t nen = 0;
  int rc = -1;
  key_seen seen[2] = {{0}}; /* en, ja */
  for (;;) {
    if (next(l)) goto out;
    if (l->ev.type == YAML_MAPPING_END_EVENT) break;
    if (l->ev.type != YAML_SCALAR_EVENT) {
      fail_at(l, l->ev.start_mark, "%s: expected ja or en", "glossary");
      goto out;
    }
    int is_ja = strcmp(scalar(l), "ja") == 0;
    if (!is_ja && strcmp(scalar(l), "en") != 0) {
      fail_at(l, l->ev.start_mark,
              "glossary: unknown key '%s' (expected ja or en)", scalar(l));
      goto out;
    }
    if (note_key(l, &seen[is_ja], scalar(l))) goto out;
    if (next(l)) goto out;
    if (is_ja) {
      if (!(ja = gloss_string(l, "ja"))) goto out;
    } else if (l->ev.type == YAML_SEQUENCE_START_EVENT) {
      nen = 0;
      for (;;) {
        if (next(l)) goto out;
        if (l->ev.type == YAML_SEQUENCE_END_EVENT) break;
        const char *s = gloss_string(l, "en");
        if (!s) goto out;
        en = ty_xrealloc(en, (nen + 1) * sizeof *en);
        en[nen++] = s;
      }
    } else {
      const char *s = gloss_string(l, "en");
      if (!s) goto out;
      en = ty_xrealloc(en, sizeof *en);
      en[0] = s;
      nen = 1;
    }
  }
  if (!ja) {
    fail_at(l, start, "glossary: an entry needs %s", "ja");
  } else if (nen == 0) {
    fail_at(l, start, "glossary: an entry needs %s", "en");
  } else {
    add_gloss(l->cfg, ja, en, nen);
    rc = 0;
  }
out:
  free(en);
  return rc;
}

static int load_glossary(loader *l) {
  if (is_null(l)) return 0;
  if (l->ev.type != YAML_SEQUENCE_START_EVENT)
    return fail_at(l, l->ev.start_mark, "%s must be a list of {ja, en}",
                   "glossary");
  for (;;) {
    if (next(l)) return -1;
    if (l->ev.type == YAML_SEQUENCE_END_EVENT) return 0;
    if (load_entry(l)) return -1;
  }
}

static int load_top(loader *l) {
  key_seen seen[2] = {{0}}; /* severity, glossary */
  if (next(l)) return -1;   /* stream start */
  if (next(l)) return -1;
  if (l->ev.type == YAML_STREAM_END_EVENT) return 0; /* an empty file */
  if (next(l)) return -1; /* past the document start */
  if (is_null(l)) {
    if (next(l)) return -1;
  } else if (l->ev.type != YAML_MAPPING_START_EVENT) {
    return fail_at(l, l->ev.start_mark,
                   "%s must be a mapping (severity, glossary)",
                   "the configuration");
  } else {
    for (;;) {
      if (next(l)) return -1;
      if (l->ev.type == YAML_MAPPING_END_EVENT) break;
      const char *key =
          l->ev.type == YAML_SCALAR_EVENT ? scalar(l) : "(not a string)";
      int which = strcmp(key, "severity") == 0   ? 1
                  : strcmp(key, "glossary") == 0 ? 2
                                                 : 0;
      if (!which)
        return fail_at(l, l->ev.start_mark,
                       "unknown key '%s' (expected severity or glossary)", key);
      if (note_key(l, &seen[which - 1], key)) return -1;
      if (next(l)) return -1;
      if ((which == 1 ? load_severity(l) : load_glossary(l)) != 0) return -1;
    }
    if (next(l)) return -1;
  }
  /* past the document end: only one document */
  if (next(l)) return -1;
  if (l->ev.type != YAML_STREAM_END_EVENT)
    return fail_at(l, l->ev.start_mark, "%s holds more than one document",
                   "the configuration");
  return 0;
}

/* Reads the whole file at `path` into b. */
static int read_config_text(const char *path, ty_buf *b, ty_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return ty_error_set(err, TY_ERR_IO, path, 0, 0, "%s", strerror(errno));
  char chunk[65536];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0 &&
         b->n <= TY_DEFAULT_MAX_INPUT)
    ty_buf_put(b, chunk, k);
  int bad = ferror(f);
  fclose(f);
  if (b->n > TY_DEFAULT_MAX_INPUT)
    return ty_error_set(err, TY_ERR_IO, path, 0, 0, "larger than %zu bytes",
                        TY_DEFAULT_MAX_INPUT);
  if (bad) return ty_error_set(err, TY_ERR_IO, path, 0, 0, "read error");
  return 0;
}

int ty_config_load(ty_config *cfg, const char *path, ty_error *err) {
  ty_buf text = {0};
  if (read_config_text(path, &text, err) != 0) {
    ty_buf_free(&text);
    return -1;
  }
  loader l = {0};
  l.text = text.p ? text.p : "";
  l.len = text.n;
  l.cfg = cfg;
  l.path = path;
  l.err = err;
  memcpy(l.sev, cfg->sev, sizeof l.sev);
  size_t ngloss = cfg->ngloss;
  if (!yaml_parser_initialize(&l.parser)) ty_oom();
  yaml_parser_set_input_string(&l.parser, (const unsigned char *)l.text, l.len);
  int rc = load_top(&l);
  if (l.have_ev) yaml_event_delete(&l.ev);
  yaml_parser_delete(&l.parser);
  ty_buf_free(&text);
  if (rc == 0)
    memcpy(cfg->sev, l.sev, sizeof l.sev);
  else
    cfg->ngloss = ngloss;
  return rc;
}

/* ---- options (taiyaku.h) ------------------------------------------- */

void ty_config_set_by(ty_config *cfg, ty_unit by) {
  cfg->by = by;
}

void ty_config_set_prefer_content(ty_config *cfg, int on) {
  cfg->prefer_content = on != 0;
}

void ty_config_set_checks(ty_config *cfg, int on) {
  cfg->checks = on != 0;
}

void ty_config_set_sentences(ty_config *cfg, int on) {
  cfg->sentences = on != 0;
}

void ty_config_set_dict(ty_config *cfg, const ty_dict *dict) {
  cfg->dict = dict;
}

void ty_config_set_min_confidence(ty_config *cfg, double min) {
  cfg->min_confidence = min;
}

void ty_config_set_threads(ty_config *cfg, int n) {
  cfg->threads = n < 0 ? 0 : n;
}
