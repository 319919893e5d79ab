/* outline.c — section markers into a clause tree by a style stack.
 *
 * Grammar of a plain-text clause file, as this stage reads it:
 *
 *   document   := front* clause*
 *   front      := paragraph                  (before the first marker)
 *   clause     := marker-line paragraph*     (unnumbered text continues it)
 *   paragraph  := non-blank lines up to a blank line (or every line, in a
 *                 file with no blank lines at all)
 *
 * A marker's *style* is its numeral kind, its decoration and its indent.
 * A style not on the stack opens a deeper level; a style already on the
 * stack closes back to its level.  A dotted marker (4.9.1) names its own
 * path.  A marker in the middle of a paragraph counts only when it
 * continues an open sequence (so a wrapped line starting "12 月" is text).
 * A list restarting at 1 after an unnumbered heading opens a new scope.
 * Keys are written once the whole tree is known (see assign_keys).
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct level {
  ty_kind kind;
  ty_deco deco;
  int indent, right; /* left indent and right edge of the label */
  int npath;         /* dotted markers: path length */
  int last;          /* last ordinal seen at this level */
  int clause;        /* index of the clause that opened it */
} level;

typedef struct builder {
  ty_doc *doc;
  level *stack;
  int depth, cap;
  int cur;          /* index of the clause being filled, -1 before any */
  int scope;        /* 1 for the first list, 2.. after restarts */
  int line_mode;    /* every line is a paragraph */
  int dotted;       /* the document uses dotted markers */
  int dotted_indent;
  /* the last paragraph of the current clause, for scope restarts */
  const char *para_start;
  int para_line, para_indent, para_count;
  int *scope_of;    /* per clause: its scope */
  size_t scope_cap;
} builder;

static int display_indent(const char *s, size_t n) {
  int cols = 0;
  size_t i = 0;
  while (i < n) {
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    if (c == '\t') cols = (cols / 8 + 1) * 8;
    else if (ty_is_space(c)) cols += ty_char_width(c);
    else break;
    i += (size_t)len;
  }
  return cols;
}

static int is_blank(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    if (!ty_is_space(c)) return 0;
    i += (size_t)len;
  }
  return 1;
}

static int same_style(const level *l, const ty_marker *m, ty_kind kind) {
  if (l->kind != kind || l->deco != m->deco) return 0;
  if (kind == TY_K_DOTTED) return l->npath == m->npath;
  /* right-aligned list numbers (" 9." / "10.") share a right edge */
  int right = m->indent + (int)m->label_len;
  return l->indent == m->indent || l->right == right;
}

/* The level (0-based) of an open style for this reading, or -1. */
static int find_level(const builder *b, const ty_marker *m, ty_kind kind) {
  for (int i = b->depth - 1; i >= 0; i--)
    if (same_style(&b->stack[i], m, kind)) return i;
  return -1;
}

/* Picks the reading of an ambiguous label (i: latin 9 or roman 1; イ:
 * iroha 1 or aiueo 2) that continues an open sequence or starts one. */
static void choose_reading(const builder *b, ty_marker *m) {
  if (m->alt_kind == TY_K_NONE) return;
  int lp = find_level(b, m, m->kind), la = find_level(b, m, m->alt_kind);
  int p_next = lp >= 0 && b->stack[lp].last + 1 == m->ordinal;
  int a_next = la >= 0 && b->stack[la].last + 1 == m->alt_ordinal;
  int swap = 0;
  if (a_next && !p_next) swap = 1;
  else if (!p_next && !a_next && lp < 0 && m->alt_ordinal == 1) swap = 1;
  if (swap) {
    ty_kind k = m->kind;
    int o = m->ordinal;
    m->kind = m->alt_kind;
    m->ordinal = m->alt_ordinal;
    m->alt_kind = k;
    m->alt_ordinal = o;
  }
}

/* A dotted marker's base: the level holding the first path component. */
static int dotted_base(const builder *b, const ty_marker *m) {
  for (int i = 0; i < b->depth; i++) {
    const level *l = &b->stack[i];
    if (l->kind == TY_K_DOTTED ||
        (l->deco == TY_D_DOT && l->indent == m->indent &&
         (l->kind == TY_K_ARABIC || l->kind == TY_K_LATIN_UPPER)))
      return i;
  }
  return -1;
}

/* A dotted marker's dress: "4.9.1." (TY_D_DOT) or "4.9.1" (TY_D_BARE). */
static ty_deco dotted_dress(const char *line, const ty_marker *m) {
  const char *end = line + m->label_off + m->label_len;
  if (m->label_len >= 1 && end[-1] == '.') return TY_D_DOT;
  if (m->label_len >= 3 && memcmp(end - 3, "\xEF\xBC\x8E", 3) == 0)
    return TY_D_DOT; /* full-width full stop */
  return TY_D_BARE;
}

/* A dotted marker dressed unlike the document's sections ("7.1 節" among
 * "7.1." headings, "1.1 を" under "1.") is a reference in the text. */
static int dotted_dress_differs(const builder *b, const ty_marker *m) {
  int base = dotted_base(b, m);
  return base >= 0 && b->stack[base].deco != m->deco;
}

/* Whether a marker found inside a paragraph continues an open sequence. */
static int continues_sequence(const builder *b, const ty_marker *m) {
  if (m->kind == TY_K_DOTTED) {
    int base = dotted_base(b, m);
    if (base < 0) return 0;
    int at = base + m->npath - 1;
    if (at > b->depth) return 0;
    if (at == b->depth) return m->path[m->npath - 1] == 1;
    return b->stack[at].last + 1 == m->path[m->npath - 1];
  }
  int l = find_level(b, m, m->kind);
  /* a dressed marker of an open list may skip ahead ("- d." after "- b."
   * when c was left out): a gap to report, not text to swallow */
  if (l >= 0)
    return b->stack[l].last + 1 == m->ordinal ||
           (m->ordinal > b->stack[l].last && !m->weak &&
            (m->deco != TY_D_BARE || m->bullet));
  return m->ordinal == 1 && (m->deco != TY_D_BARE || m->bullet);
}

static void grow_per_clause(builder *b) {
  if (b->doc->ncl <= b->scope_cap) return;
  size_t cap = b->scope_cap ? b->scope_cap : 64;
  while (cap < b->doc->ncl) cap *= 2;
  b->scope_of = ty_xrealloc(b->scope_of, cap * sizeof *b->scope_of);
  b->scope_cap = cap;
}

/* Ends the current clause's text at `end` (exclusive), trimming blanks. */
static void close_text(ty_doc *d, int idx, const char *end) {
  if (idx < 0) return;
  ty_clause *c = &d->cl[idx];
  const char *s = c->text;
  if (end < s) end = s;
  while (end > s && (end[-1] == '\n' || end[-1] == ' ' || end[-1] == '\t' ||
                     end[-1] == '\r'))
    end--;
  /* trailing ideographic spaces and NBSP */
  for (;;) {
    if (end - s >= 3 && (unsigned char)end[-3] == 0xE3 &&
        (unsigned char)end[-2] == 0x80 && (unsigned char)end[-1] == 0x80)
      end -= 3;
    else if (end - s >= 2 && (unsigned char)end[-2] == 0xC2 &&
             (unsigned char)end[-1] == 0xA0)
      end -= 2;
    else break;
  }
  c->text_len = (size_t)(end - s);
}

static ty_clause *new_clause(builder *b, const char *text, int line, int col) {
  ty_clause *c = ty_doc_add_clause(b->doc);
  c->text = text;
  c->line = c->end_line = line;
  c->col = col;
  b->cur = (int)(b->doc->ncl - 1);
  grow_per_clause(b);
  b->scope_of[b->cur] = b->scope;
  b->para_count = 1;
  b->para_start = NULL;
  return c;
}

static void push_level(builder *b, const ty_marker *m, int clause) {
  if (b->depth == b->cap) {
    b->cap = b->cap ? b->cap * 2 : 16;
    b->stack = ty_xrealloc(b->stack, (size_t)b->cap * sizeof *b->stack);
  }
  level *l = &b->stack[b->depth++];
  l->kind = m->kind;
  l->deco = m->deco;
  l->indent = m->indent;
  l->right = m->indent + (int)m->label_len;
  l->npath = m->npath;
  l->last = m->kind == TY_K_DOTTED ? m->path[m->npath - 1] : m->ordinal;
  l->clause = clause;
}

/* The last paragraph of the current clause looks like a heading over what
 * follows: it is not the clause's first paragraph and sits left of the
 * marker or is short and unpunctuated. */
static int heading_before(const builder *b, const ty_marker *m,
                          const char *line) {
  if (!b->para_start || b->para_count < 2) return 0;
  if (b->para_indent < m->indent) return 1;
  size_t n = (size_t)(line - b->para_start);
  return n < 120 && !memchr(b->para_start, '.', n) &&
         !strstr(b->para_start, "。");
}

/* Places a marker on the stack, setting the clause's depth and parent. */
static void place(builder *b, const ty_marker *m, ty_clause *c) {
  int idx = (int)(b->doc->ncl - 1);
  if (m->kind == TY_K_DOTTED) {
    int base = dotted_base(b, m);
    int target = (base < 0 ? 0 : base) + m->npath - 1;
    if (target > b->depth) target = b->depth;
    b->depth = target;
    c->parent = target > 0 ? b->stack[target - 1].clause : -1;
    push_level(b, m, idx);
    c->depth = b->depth;
    return;
  }
  int l = find_level(b, m, m->kind);
  if (l >= 0) {
    b->depth = l;
  } else if (b->dotted && m->deco == TY_D_DOT && m->indent == b->dotted_indent &&
             m->kind == TY_K_LATIN_UPPER) {
    /* "A." beside "9." and "9.3.": an appendix, a peer of the sections */
    int base = dotted_base(b, m);
    if (base >= 0) b->depth = base;
  }
  c->parent = b->depth > 0 ? b->stack[b->depth - 1].clause : -1;
  push_level(b, m, idx);
  c->depth = b->depth;
}

/* Handles a marker line: closes the current clause and opens a new one. */
static void start_clause(builder *b, ty_marker *m, const char *line,
                         int lineno) {
  ty_doc *d = b->doc;
  /* a list restarting at 1 after an unnumbered heading: a new scope */
  if (m->kind != TY_K_DOTTED && m->ordinal == 1) {
    int l = find_level(b, m, m->kind);
    if (l == 0 && b->stack[0].last >= 1 && heading_before(b, m, line)) {
      close_text(d, b->cur, b->para_start);
      b->scope++;
      b->depth = 0;
      ty_clause *h = new_clause(b, b->para_start, b->para_line,
                                b->para_indent + 1);
      h->flags = TY_CL_FRONT | TY_CL_HEADING;
      close_text(d, b->cur, line);
    }
  }
  close_text(d, b->cur, line);
  ty_clause *c = new_clause(b, line + m->text_off, lineno,
                            display_indent(line, m->label_off) + 1);
  c->label = line + m->label_off;
  c->label_len = m->label_len;
  c->kind = m->kind;
  c->deco = m->deco;
  c->ordinal = m->kind == TY_K_DOTTED ? m->path[m->npath - 1] : m->ordinal;
  c->branch = m->branch;
  place(b, m, c);
  if (m->kind == TY_K_DOTTED && !b->dotted) {
    b->dotted = 1;
    b->dotted_indent = m->indent;
  }
}

/* ---- keys ----------------------------------------------------------------
 * A key is the path of ordinals from the top ("7.2.3"), branch numbers
 * written "10-2".  A dotted marker's key is its own path ("A.1" keeps the
 * letter).  In a document with dotted sections, levels below a section are
 * written in parentheses ("6.2(5)"), as such documents cite themselves, so
 * that a list item never collides with a subsection.  Clauses after a
 * scope restart are prefixed "s2:" and so on; front matter is "front-N". */

static void key_component(ty_buf *k, const ty_clause *c, int alpha) {
  if (alpha && c->ordinal >= 1 && c->ordinal <= 26)
    ty_buf_putc(k, (char)('A' + c->ordinal - 1));
  else
    ty_buf_printf(k, "%d", c->ordinal);
  if (c->branch) ty_buf_printf(k, "-%d", c->branch);
}

static int is_section_level(const builder *b, const ty_clause *c) {
  if (c->kind == TY_K_DOTTED) return 1;
  return b->dotted && c->depth == 1 && c->deco == TY_D_DOT &&
         (c->kind == TY_K_ARABIC || c->kind == TY_K_LATIN_UPPER);
}

/* A dotted clause's own path, from its label: "A.1." -> "A.1". */
static void dotted_key(ty_buf *k, const ty_clause *c) {
  ty_marker m;
  if (!ty_number_parse(c->label, c->label_len, &m) || m.kind != TY_K_DOTTED)
    return;
  for (int j = 0; j < m.npath; j++) {
    if (j) ty_buf_putc(k, '.');
    if (j == 0 && m.path_alpha && m.path[0] >= 1 && m.path[0] <= 26)
      ty_buf_putc(k, (char)('A' + m.path[0] - 1));
    else
      ty_buf_printf(k, "%d", m.path[j]);
  }
}

static void assign_keys(builder *b) {
  ty_doc *d = b->doc;
  ty_buf k = {0};
  int front = 0;
  char **keys = ty_xcalloc(d->ncl ? d->ncl : 1, sizeof *keys);
  for (size_t i = 0; i < d->ncl; i++) {
    ty_clause *c = &d->cl[i];
    ty_buf_clear(&k);
    if (c->flags & TY_CL_FRONT) {
      if (c->flags & TY_CL_HEADING)
        ty_buf_printf(&k, "s%d", b->scope_of[i]);
      else
        ty_buf_printf(&k, "front-%d", ++front);
    } else {
      if (b->scope_of[i] > 1) ty_buf_printf(&k, "s%d:", b->scope_of[i]);
      if (c->kind == TY_K_DOTTED || c->parent < 0) {
        if (c->kind == TY_K_DOTTED) {
          dotted_key(&k, c);
        } else {
          key_component(&k, c, is_section_level(b, c) &&
                                    c->kind == TY_K_LATIN_UPPER);
        }
      } else {
        const ty_clause *p = &d->cl[c->parent];
        const char *pk = keys[c->parent];
        if (b->scope_of[c->parent] > 1) {
          const char *colon = strchr(pk, ':');
          if (colon) pk = colon + 1;
        }
        ty_buf_puts(&k, pk);
        if (is_section_level(b, p) && !is_section_level(b, c)) {
          ty_buf_putc(&k, '(');
          key_component(&k, c, 0);
          ty_buf_putc(&k, ')');
        } else {
          ty_buf_putc(&k, '.');
          key_component(&k, c, 0);
        }
      }
    }
    keys[i] = ty_arena_strndup(&d->arena, k.p ? k.p : "", k.n);
    c->key = keys[i];
  }
  free(keys);
  ty_buf_free(&k);
}

/* ---- tables of contents --------------------------------------------------
 * A run of at least three consecutive one-line clauses at the top of the
 * document, each of whose keys recurs later, is a table of contents: the
 * clauses are removed (they are not clauses of the document). */

typedef struct keyent {
  const char *key;
  int idx;
} keyent;

static int keyent_cmp(const void *a, const void *b) {
  const keyent *x = a, *y = b;
  int r = strcmp(x->key, y->key);
  return r ? r : x->idx - y->idx;
}

static keyent *sorted_keys(const ty_doc *d) {
  keyent *v = ty_xmalloc((d->ncl ? d->ncl : 1) * sizeof *v);
  for (size_t i = 0; i < d->ncl; i++) {
    v[i].key = d->cl[i].key;
    v[i].idx = (int)i;
  }
  qsort(v, d->ncl, sizeof *v, keyent_cmp);
  return v;
}

static int key_recurs_after(const keyent *v, size_t n, const char *key,
                            int after) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (strcmp(v[mid].key, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < n && strcmp(v[lo].key, key) == 0; lo++)
    if (v[lo].idx > after) return 1;
  return 0;
}

static void drop_toc(ty_doc *d) {
  if (d->ncl < 6) return;
  size_t first = 0;
  while (first < d->ncl && (d->cl[first].flags & TY_CL_FRONT)) first++;
  size_t end = first;
  keyent *v = sorted_keys(d);
  while (end < d->ncl) {
    const ty_clause *c = &d->cl[end];
    if (c->end_line != c->line) break;
    if (end > first && c->line > d->cl[end - 1].line + 2) break;
    if (!key_recurs_after(v, d->ncl, c->key, (int)end)) break;
    end++;
  }
  free(v);
  size_t run = end - first;
  if (run < 3) return;
  /* indices shift: fix parents of the clauses that remain */
  for (size_t i = end; i < d->ncl; i++) {
    ty_clause *c = &d->cl[i];
    if (c->parent >= (int)end) c->parent -= (int)run;
    else if (c->parent >= (int)first) c->parent = -1;
  }
  memmove(&d->cl[first], &d->cl[end], (d->ncl - end) * sizeof *d->cl);
  d->ncl -= run;
}

/* ---- sequence findings ---------------------------------------------------- */

static void sequence_findings(ty_doc *d) {
  /* duplicates: the same key twice */
  keyent *v = sorted_keys(d);
  for (size_t i = 1; i < d->ncl; i++) {
    if (strcmp(v[i].key, v[i - 1].key) != 0) continue;
    const ty_clause *a = &d->cl[v[i - 1].idx], *c = &d->cl[v[i].idx];
    if (c->flags & TY_CL_FRONT) continue;
    int line = c->line;
    ty_findings_add(&d->findings, &d->arena, TY_DUPLICATE_NUMBER, c->key,
                    d->lang == TY_JA ? line : 0, d->lang == TY_EN ? line : 0,
                    "%s: %.*s at line %d repeats the number of line %d",
                    d->lang == TY_JA ? "ja" : "en", (int)c->label_len,
                    c->label, line, a->line);
  }
  free(v);
  /* gaps and order among siblings: per parent and sequence class (dotted
   * sections, appendix letters and lists count apart), the last ordinal */
  size_t nslots = 3 * (d->ncl + 1);
  int *last = ty_xcalloc(nslots, sizeof *last);
  int *last_line = ty_xcalloc(nslots, sizeof *last_line);
  for (size_t i = 0; i < d->ncl; i++) {
    const ty_clause *c = &d->cl[i];
    if (c->flags & TY_CL_FRONT) {
      if (c->flags & TY_CL_HEADING) /* a new scope */
        for (int k = 0; k < 3; k++) last[3 * d->ncl + k] = 0;
      continue;
    }
    int cls = c->kind == TY_K_DOTTED ? 1 : c->kind == TY_K_LATIN_UPPER ? 2 : 0;
    size_t slot = 3 * (c->parent < 0 ? d->ncl : (size_t)c->parent) + (size_t)cls;
    int prev = last[slot];
    int line = c->line;
    int ja = d->lang == TY_JA ? line : 0, en = d->lang == TY_EN ? line : 0;
    if (c->branch) {
      /* 第十条の二 follows 第十条: a peer, same ordinal */
      if (c->ordinal != prev && c->ordinal != prev + 1)
        ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_ORDER, c->key,
                        ja, en, "%.*s follows number %d", (int)c->label_len,
                        c->label, prev);
    } else if (c->ordinal > prev + 1) {
      if (prev + 1 == c->ordinal - 1)
        ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_GAP, c->key, ja,
                        en, "%.*s: number %d is missing before it",
                        (int)c->label_len, c->label, prev + 1);
      else
        ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_GAP, c->key, ja,
                        en, "%.*s: numbers %d to %d are missing before it",
                        (int)c->label_len, c->label, prev + 1,
                        c->ordinal - 1);
    } else if (c->ordinal < prev) {
      ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_ORDER, c->key, ja,
                      en, "%.*s comes after number %d (line %d)",
                      (int)c->label_len, c->label, prev, last_line[slot]);
    }
    if (c->ordinal >= prev) {
      last[slot] = c->ordinal;
      last_line[slot] = line;
    }
  }
  free(last);
  free(last_line);
}

/* ---- the scan ------------------------------------------------------------- */

/* Whether the document separates paragraphs with blank lines (looked at
 * over its first 200 lines). */
static int uses_blank_lines(const char *s, size_t n) {
  int lines = 0;
  size_t i = 0;
  while (i < n && lines < 200) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n;
    if (lines > 0 && is_blank(s + i, e - i)) return 1;
    lines++;
    i = e + 1;
  }
  return 0;
}

void ty_outline_build(ty_doc *d) {
  builder b = {0};
  b.doc = d;
  b.cur = -1;
  b.scope = 1;
  const char *s = d->text;
  size_t n = d->len;
  b.line_mode = !uses_blank_lines(s, n);
  int lineno = 0;
  int prev_blank = 1; /* the line before the first is a paragraph break */
  int front_open = 0; /* a front-matter paragraph is being filled */
  size_t i = 0;
  while (i < n) {
    const char *line = s + i;
    const char *nl = memchr(line, '\n', n - i);
    size_t len = nl ? (size_t)(nl - line) : n - i;
    i += len + (nl ? 1 : 0);
    lineno++;
    if (is_blank(line, len)) {
      prev_blank = 1;
      front_open = 0;
      continue;
    }
    int para_start = prev_blank || b.line_mode;
    prev_blank = 0;
    ty_marker m;
    if (ty_number_parse(line, len, &m)) {
      if (m.kind == TY_K_DOTTED) m.deco = dotted_dress(line, &m);
      choose_reading(&b, &m);
      if (((para_start && !m.weak) || continues_sequence(&b, &m)) &&
          !(m.kind == TY_K_DOTTED && dotted_dress_differs(&b, &m))) {
        start_clause(&b, &m, line, lineno);
        front_open = 0;
        continue;
      }
    }
    if (b.cur < 0 || (d->cl[b.cur].flags & TY_CL_FRONT &&
                      !(d->cl[b.cur].flags & TY_CL_HEADING) &&
                      (para_start || !front_open))) {
      /* front matter: one clause per paragraph */
      if (b.cur >= 0) close_text(d, b.cur, line);
      ty_clause *c = new_clause(&b, line, lineno, 1);
      c->flags = TY_CL_FRONT;
      front_open = 1;
    } else if (para_start) {
      b.para_count++;
      b.para_start = line;
      b.para_line = lineno;
      b.para_indent = display_indent(line, len);
    }
    d->cl[b.cur].end_line = lineno;
  }
  close_text(d, b.cur, s + n);
  assign_keys(&b);
  drop_toc(d);
  sequence_findings(d);
  free(b.stack);
  free(b.scope_of);
}
