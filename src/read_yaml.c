/* read_yaml.c — clause files written as YAML, read with libyaml's event
 * parser into the same clause list the outline builds from plain text.
 *
 *   file    ::= MAPPING { "clauses": clauses, other keys ignored }
 *   clauses ::= empty | SEQUENCE of clause
 *   clause  ::= MAPPING { "id": STR, "text": STR, "clauses": clauses }
 *
 * An id is read with ty_number_parse ("(2)" -> 2, "c." -> 3, "第十条の二"
 * -> 10-2); the clauses are keyed by the outline's one scheme
 * (ty_outline_keys), as the same structure in a text file.  A clause with no id
 * is an unnumbered paragraph ("front-N").  Labels and texts point into the
 * document's text when the scalar is written there as it reads; quoted,
 * escaped and folded scalars are copied into the document's arena.
 *
 * The parser does not build a node tree, so aliases cannot multiply; they
 * are still counted and refused beyond a budget, and resolved only to
 * scalars. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#define MAX_ALIASES 100
#define MAX_DEPTH 32

typedef struct anchor {
  const char *name;
  const char *val; /* NULL: the anchor names a collection */
  size_t len;
} anchor;

/* What pass 1 learns about a clause that its key needs. */
typedef struct keyinfo {
  const char *own; /* an id that is not a section number, as written */
} keyinfo;

typedef struct reader {
  yaml_parser_t parser;
  yaml_event_t ev;
  int have_ev;
  ty_doc *doc;
  ty_error *err;
  int aliases;
  anchor *anchors;
  size_t nanchors, acap;
  keyinfo *ki; /* parallel to doc->cl */
  size_t kcap;
  size_t at_char, at_byte; /* a known (character, byte) offset pair */
} reader;

static int fail_at(reader *r, yaml_mark_t m, const char *fmt, const char *arg) {
  return ty_error_set(r->err, TY_ERR_SYNTAX, r->doc->name, (int)m.line + 1,
                      (int)m.column + 1, fmt, arg);
}

/* A key met twice in one mapping: an error at the second naming the
 * first (libyaml would let the last win silently). */
static int duplicate_key(reader *r, const char *key, yaml_mark_t first,
                         yaml_mark_t second) {
  return ty_error_set(r->err, TY_ERR_SYNTAX, r->doc->name, (int)second.line + 1,
                      (int)second.column + 1,
                      "duplicate key '%s' (first at %d:%d)", key,
                      (int)first.line + 1, (int)first.column + 1);
}

static void remember_anchor(reader *r, const char *name, const char *val,
                            size_t len) {
  if (r->nanchors == r->acap) {
    r->acap = r->acap ? r->acap * 2 : 16;
    r->anchors = ty_xrealloc(r->anchors, r->acap * sizeof *r->anchors);
  }
  anchor *a = &r->anchors[r->nanchors++];
  a->name = ty_arena_strndup(&r->doc->arena, name, strlen(name));
  a->val = val;
  a->len = len;
}

/* The latest anchor of that name (YAML lets a name be reused). */
static const anchor *find_anchor(const reader *r, const char *name) {
  for (size_t i = r->nanchors; i-- > 0;)
    if (strcmp(r->anchors[i].name, name) == 0) return &r->anchors[i];
  return NULL;
}

/* The byte offset of libyaml's mark index, which counts characters.
 * Marks mostly move forward, so the walk resumes from the last answer. */
static size_t byte_offset(reader *r, size_t index) {
  if (index < r->at_char) r->at_char = r->at_byte = 0;
  const char *s = r->doc->text;
  size_t n = r->doc->len;
  while (r->at_char < index && r->at_byte < n) {
    r->at_byte++;
    while (r->at_byte < n && ((unsigned char)s[r->at_byte] & 0xC0) == 0x80)
      r->at_byte++;
    r->at_char++;
  }
  return r->at_byte;
}

/* A scalar's value, as a view into the document's text when the bytes
 * there are the value itself, else as an arena copy. */
static const char *scalar_view(reader *r, size_t *len) {
  const yaml_event_t *e = &r->ev;
  const char *v = (const char *)e->data.scalar.value;
  size_t n = e->data.scalar.length;
  size_t at = byte_offset(r, e->start_mark.index);
  if (e->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
      e->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
    at++;
  *len = n;
  if (e->data.scalar.style != YAML_LITERAL_SCALAR_STYLE &&
      e->data.scalar.style != YAML_FOLDED_SCALAR_STYLE && at <= r->doc->len &&
      n <= r->doc->len - at && memcmp(r->doc->text + at, v, n) == 0)
    return r->doc->text + at;
  return ty_arena_strndup(&r->doc->arena, v, n);
}

/* Advances to the next event.  Anchored scalars are remembered; aliases
 * are counted against the budget. */
static int next(reader *r) {
  if (r->have_ev) yaml_event_delete(&r->ev);
  r->have_ev = 0;
  if (!yaml_parser_parse(&r->parser, &r->ev)) {
    yaml_parser_t *p = &r->parser;
    yaml_mark_t m = p->problem ? p->problem_mark : p->context_mark;
    if (p->error == YAML_READER_ERROR)
      return ty_yaml_reader_error(r->err, r->doc->name, r->doc->text,
                                  r->doc->len, p->problem_offset, p->problem);
    return ty_error_set(r->err, TY_ERR_SYNTAX, r->doc->name, (int)m.line + 1,
                        (int)m.column + 1, "%s%s%s",
                        p->problem ? p->problem : "malformed YAML",
                        p->context ? " " : "", p->context ? p->context : "");
  }
  r->have_ev = 1;
  const yaml_event_t *e = &r->ev;
  if (e->type == YAML_ALIAS_EVENT && ++r->aliases > MAX_ALIASES)
    return fail_at(r, e->start_mark, "more than %s aliases", "100");
  const yaml_char_t *name =
      e->type == YAML_SCALAR_EVENT           ? e->data.scalar.anchor
      : e->type == YAML_SEQUENCE_START_EVENT ? e->data.sequence_start.anchor
      : e->type == YAML_MAPPING_START_EVENT  ? e->data.mapping_start.anchor
                                             : NULL;
  if (name) {
    size_t len = 0;
    const char *val =
        e->type == YAML_SCALAR_EVENT ? scalar_view(r, &len) : NULL;
    remember_anchor(r, (const char *)name, val, len);
  }
  return 0;
}

/* Skips the node that starts at the current event. */
static int skip_node(reader *r) {
  int open = 0;
  do {
    switch (r->ev.type) {
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: open++; break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: open--; break;
    default: break;
    }
    if (open > 0 && next(r)) return -1;
  } while (open > 0);
  return 0;
}

/* The current event as a string: a scalar, or an alias to one. */
static int string_value(reader *r, const char *what, const char **s,
                        size_t *n) {
  if (r->ev.type == YAML_SCALAR_EVENT) {
    *s = scalar_view(r, n);
    return 0;
  }
  if (r->ev.type == YAML_ALIAS_EVENT) {
    const anchor *a = find_anchor(r, (const char *)r->ev.data.alias.anchor);
    if (a && a->val) {
      *s = a->val;
      *n = a->len;
      return 0;
    }
  }
  return fail_at(r, r->ev.start_mark, "%s must be a string", what);
}

static int is_null(const reader *r) {
  if (r->ev.type != YAML_SCALAR_EVENT ||
      r->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return 0;
  const char *s = (const char *)r->ev.data.scalar.value;
  return !*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0;
}

/* ---- clauses -------------------------------------------------------- */

static size_t add_clause(reader *r) {
  ty_doc_add_clause(r->doc);
  if (r->doc->ncl > r->kcap) {
    r->kcap = r->kcap ? r->kcap * 2 : 64;
    r->ki = ty_xrealloc(r->ki, r->kcap * sizeof *r->ki);
  }
  size_t i = r->doc->ncl - 1;
  r->ki[i].own = NULL;
  return i;
}

/* Takes the second reading of an ambiguous id (i: latin 9 or roman 1;
 * イ: iroha 1 or aiueo 2) when it continues the previous sibling, or
 * starts a list where the first reading would not. */
static void choose_reading(ty_marker *m, const ty_clause *prev) {
  if (m->alt_kind == TY_K_NONE) return;
  int p_next = prev && prev->kind == m->kind && prev->ordinal + 1 == m->ordinal;
  int a_next =
      prev && prev->kind == m->alt_kind && prev->ordinal + 1 == m->alt_ordinal;
  int p_open = prev && prev->kind == m->kind;
  if ((a_next && !p_next) ||
      (!p_next && !a_next && !p_open && m->alt_ordinal == 1)) {
    m->kind = m->alt_kind;
    m->ordinal = m->alt_ordinal;
  }
}

/* Fills clause i from its id. */
static void number_clause(reader *r, size_t i, int prev) {
  ty_clause *c = &r->doc->cl[i];
  keyinfo *k = &r->ki[i];
  ty_marker m;
  if (!ty_number_parse(c->label, c->label_len, &m)) {
    /* an id that is not a section number keys the clause as written */
    k->own = ty_arena_strndup(&r->doc->arena, c->label, c->label_len);
    return;
  }
  choose_reading(&m, prev >= 0 ? &r->doc->cl[prev] : NULL);
  c->kind = m.kind;
  c->deco = m.deco;
  c->branch = m.branch;
  /* the key itself is the outline's (assign_keys) */
  c->ordinal = m.kind == TY_K_DOTTED ? m.path[m.npath - 1] : m.ordinal;
}

static int parse_clauses(reader *r, int parent, int depth);

/* Parses one clause mapping (the current event starts it). */
static int parse_clause(reader *r, int parent, int depth, int prev) {
  yaml_mark_t start = r->ev.start_mark;
  if (r->ev.type != YAML_MAPPING_START_EVENT)
    return fail_at(r, start, "a clause must be a mapping (%s)",
                   "id, text, clauses");
  if (depth > MAX_DEPTH)
    return fail_at(r, start, "clauses nested more than %s deep", "32");
  size_t i = add_clause(r);
  /* no pointers into doc->cl across nested calls: it grows */
  ty_clause *c = &r->doc->cl[i];
  c->line = (int)start.line + 1;
  c->col = (int)start.column + 1;
  c->end_line = c->line;
  c->parent = parent;
  c->text = "";
  int has_id = 0;
  yaml_mark_t seen_at[3]; /* id, text, clauses */
  int seen = 0;
  for (;;) {
    if (next(r)) return -1;
    if (r->ev.type == YAML_MAPPING_END_EVENT) break;
    const char *key = r->ev.type == YAML_SCALAR_EVENT
                          ? (const char *)r->ev.data.scalar.value
                          : "";
    yaml_mark_t key_mark = r->ev.start_mark;
    int which = strcmp(key, "id") == 0        ? 0
                : strcmp(key, "text") == 0    ? 1
                : strcmp(key, "clauses") == 0 ? 2
                                              : -1;
    if (which >= 0 && (seen & 1 << which))
      return duplicate_key(r, key, seen_at[which], key_mark);
    if (which >= 0) {
      seen |= 1 << which;
      seen_at[which] = key_mark;
    }
    if (strcmp(key, "clauses") == 0) {
      if (next(r) || parse_clauses(r, (int)i, depth + 1)) return -1;
      continue;
    }
    int is_id = strcmp(key, "id") == 0;
    if (!is_id && strcmp(key, "text") != 0)
      return fail_at(r, key_mark,
                     "unknown key '%s' in a clause (expected id, text or "
                     "clauses)",
                     key);
    if (next(r)) return -1;
    const char *s = "";
    size_t n = 0;
    if (string_value(r, is_id ? "id" : "text", &s, &n)) return -1;
    c = &r->doc->cl[i];
    if (is_id) {
      c->label = s;
      c->label_len = n;
      has_id = n > 0;
    } else {
      while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
        n--;
      c->text = s;
      c->text_len = n;
      yaml_mark_t end = r->ev.end_mark;
      int last = (int)end.line + 1;
      if (end.column == 0 && last > c->line) last--;
      c->end_line = last > c->line ? last : c->line;
    }
  }
  c = &r->doc->cl[i];
  if (has_id) {
    number_clause(r, i, prev);
    r->doc->cl[i].depth = depth;
  } else {
    c->label = NULL;
    c->label_len = 0;
    c->flags |= TY_CL_FRONT;
  }
  return 0;
}

/* Parses a clause list (the current event starts it) under `parent`. */
static int parse_clauses(reader *r, int parent, int depth) {
  if (is_null(r)) return 0;
  if (r->ev.type != YAML_SEQUENCE_START_EVENT)
    return fail_at(r, r->ev.start_mark, "%s must be a list of clauses",
                   "clauses");
  int prev = -1;
  for (;;) {
    if (next(r)) return -1;
    if (r->ev.type == YAML_SEQUENCE_END_EVENT) return 0;
    size_t here = r->doc->ncl;
    if (parse_clause(r, parent, depth, prev)) return -1;
    prev = (int)here;
  }
}

/* ---- keys ----------------------------------------------------------- */

/* Keys as the outline gives the same structure in plain text
 * (ty_outline_keys: dotted sections and the chapters they stand in, levels
 * below a section in parentheses, statutes keyed as they are cited).  Two
 * things a text file cannot hold are settled here: a numbered clause
 * nested under an unnumbered one hangs from its nearest numbered
 * ancestor, and an id that is not a section number ("Annex") keys its
 * clause as written, its descendants under it. */
static void assign_keys(reader *r) {
  ty_doc *d = r->doc;
  /* a statute: articles and no dotted sections (which a law never has,
   * and which the statute scheme does not key) */
  int statute = 0, dotted = 0;
  /* keyed as if hung from the nearest numbered ancestor; the tree is
   * given back as read */
  int *tree = ty_xmalloc((d->ncl ? d->ncl : 1) * 2 * sizeof *tree);
  for (size_t i = 0; i < d->ncl; i++) {
    ty_clause *c = &d->cl[i];
    statute |= c->kind == TY_K_JA_ARTICLE || c->kind == TY_K_EN_ARTICLE;
    dotted |= c->kind == TY_K_DOTTED;
    tree[2 * i] = c->parent;
    tree[2 * i + 1] = c->depth;
    while (c->parent >= 0 && (d->cl[c->parent].flags & TY_CL_FRONT))
      c->parent = d->cl[c->parent].parent;
    if (!(c->flags & TY_CL_FRONT))
      c->depth = c->parent >= 0 ? d->cl[c->parent].depth + 1 : 1;
  }
  ty_outline_keys(d, statute && !dotted);
  const char **old = ty_xmalloc((d->ncl ? d->ncl : 1) * sizeof *old);
  for (size_t i = 0; i < d->ncl; i++)
    old[i] = d->cl[i].key;
  for (size_t i = 0; i < d->ncl; i++) {
    ty_clause *c = &d->cl[i];
    int p = c->parent;
    if (c->flags & TY_CL_FRONT) continue;
    if (c->kind == TY_K_NONE && r->ki[i].own) {
      c->key = p < 0 ? r->ki[i].own
                     : ty_arena_printf(&d->arena, "%s.%s", d->cl[p].key,
                                       r->ki[i].own);
    } else if (p >= 0 && d->cl[p].key != old[p]) {
      size_t n = strlen(old[p]);
      if (strncmp(old[i], old[p], n) == 0)
        c->key = ty_arena_printf(&d->arena, "%s%s", d->cl[p].key, old[i] + n);
    }
  }
  for (size_t i = 0; i < d->ncl; i++) {
    d->cl[i].parent = tree[2 * i];
    d->cl[i].depth = tree[2 * i + 1];
  }
  free(tree);
  free(old);
}

typedef struct keyent {
  const char *key;
  size_t idx;
} keyent;

static int by_key(const void *x, const void *y) {
  const keyent *a = x, *b = y;
  int c = strcmp(a->key, b->key);
  return c ? c : (a->idx > b->idx) - (a->idx < b->idx);
}

/* The same key twice is the duplicate-number finding, as in text files. */
static void duplicate_findings(ty_doc *d) {
  keyent *v = ty_xmalloc((d->ncl ? d->ncl : 1) * sizeof *v);
  for (size_t i = 0; i < d->ncl; i++) {
    v[i].key = d->cl[i].key;
    v[i].idx = i;
  }
  qsort(v, d->ncl, sizeof *v, by_key);
  for (size_t i = 1; i < d->ncl; i++) {
    const ty_clause *a = &d->cl[v[i - 1].idx], *c = &d->cl[v[i].idx];
    if ((c->flags & TY_CL_FRONT) || strcmp(a->key, c->key) != 0) continue;
    ty_findings_add(&d->findings, &d->arena, TY_DUPLICATE_NUMBER, c->key,
                    d->lang == TY_JA ? c->line : 0,
                    d->lang == TY_EN ? c->line : 0,
                    "%s: %.*s at line %d repeats the number of line %d",
                    d->lang == TY_JA ? "ja" : "en", (int)c->label_len, c->label,
                    c->line, a->line);
  }
  free(v);
}

/* ---- the file ------------------------------------------------------- */

/* A top-level key and where it stands. */
typedef struct top_key {
  const char *name;
  yaml_mark_t at;
} top_key;

static int by_name_then_place(const void *x, const void *y) {
  const top_key *a = x, *b = y;
  int c = strcmp(a->name, b->name);
  if (c) return c;
  return a->at.index < b->at.index ? -1 : a->at.index > b->at.index;
}

/* The top level's keys other than clauses: are ignored, but one written
 * twice is still an error (sorted, so a file of many keys stays fast). */
static int check_top_keys(reader *r, top_key *k, size_t n) {
  if (n < 2) return 0; /* k may be NULL: qsort must not see it */
  qsort(k, n, sizeof *k, by_name_then_place);
  for (size_t i = 1; i < n; i++)
    if (strcmp(k[i - 1].name, k[i].name) == 0)
      return duplicate_key(r, k[i].name, k[i - 1].at, k[i].at);
  return 0;
}

static int parse_file(reader *r) {
  if (next(r) || next(r)) return -1; /* the stream start, then a document */
  if (r->ev.type == YAML_STREAM_END_EVENT) return 0;
  yaml_mark_t doc_mark = r->ev.start_mark;
  if (next(r)) return -1;
  if (r->ev.type != YAML_MAPPING_START_EVENT)
    return fail_at(r, r->ev.start_mark,
                   "a clause file must be a mapping with a %s list",
                   "clauses:");
  int seen = 0;
  yaml_mark_t clauses_at = r->ev.start_mark;
  top_key *keys = NULL;
  size_t nkeys = 0, kcap = 0;
  int rc = 0;
  for (;;) {
    if ((rc = next(r)) != 0) break;
    if (r->ev.type == YAML_MAPPING_END_EVENT) break;
    yaml_mark_t key_at = r->ev.start_mark;
    int is_scalar = r->ev.type == YAML_SCALAR_EVENT;
    const char *name = is_scalar ? (const char *)r->ev.data.scalar.value : "";
    int is_clauses = is_scalar && strcmp(name, "clauses") == 0;
    if (is_scalar && !is_clauses) {
      if (nkeys == kcap)
        keys = ty_xrealloc(keys, (kcap = kcap ? kcap * 2 : 8) * sizeof *keys);
      keys[nkeys].name = ty_arena_strndup(&r->doc->arena, name, strlen(name));
      keys[nkeys++].at = key_at;
    }
    if (is_clauses && seen) {
      rc = duplicate_key(r, "clauses", clauses_at, key_at);
      break;
    }
    if ((rc = skip_node(r)) != 0 || (rc = next(r)) != 0) break;
    if (!is_clauses) {
      if ((rc = skip_node(r)) != 0) break;
      continue;
    }
    seen = 1;
    clauses_at = key_at;
    if ((rc = parse_clauses(r, -1, 1)) != 0) break;
  }
  if (rc == 0) rc = check_top_keys(r, keys, nkeys);
  free(keys);
  if (rc) return -1;
  if (!seen)
    return fail_at(r, doc_mark,
                   "a clause file must be a mapping with a %s list",
                   "clauses:");
  if (next(r) || next(r)) return -1; /* the document end, then the stream's */
  if (r->ev.type != YAML_STREAM_END_EVENT)
    return fail_at(r, r->ev.start_mark, "a clause file holds %s document",
                   "one");
  return 0;
}

int ty_read_yaml(ty_doc *doc, ty_error *err) {
  reader r = {0};
  r.doc = doc;
  r.err = err;
  if (!yaml_parser_initialize(&r.parser)) ty_oom();
  yaml_parser_set_input_string(&r.parser, (const unsigned char *)doc->text,
                               doc->len);
  int rc = parse_file(&r);
  if (r.have_ev) yaml_event_delete(&r.ev);
  yaml_parser_delete(&r.parser);
  if (rc == 0) {
    assign_keys(&r);
    duplicate_findings(doc);
  }
  free(r.ki);
  free(r.anchors);
  return rc;
}
