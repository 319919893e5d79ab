/* layout.c — the plain text a structured document (HTML, Markdown) reads
 * as, laid out block by block for the outline, which then builds and
 * keys its clauses as it does for a text file.
 *
 * A reader hands over what the structure says: each block (paragraph,
 * heading, list item, table row) becomes one line, its inline line
 * breaks joined as a browser joins them; a list item starts with the
 * marker the list displays ("3.", "c.", "iv.", "三、", "ハ、") or "- " in
 * an unnumbered list, and its lines are indented by its nesting, so that
 * the outline's style stack sees the nesting the source has; blocks are
 * separated by a blank line.  A verbatim block (pre, a code block) keeps
 * its lines but continues the paragraph before it, its blank lines left
 * out, and its lines are marked for the outline, which starts no clause
 * on them ("1. make" in a shell session).
 *
 * Positions: blocks are padded with blank lines to start on their source
 * line where the source leaves room, so that a line in the laid-out text
 * is the source line; where it does not (several blocks on one source
 * line), a map from laid-out line to source line puts the clauses'
 * lines and the outline's findings back where the source has them. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Makes room for the languages of n laid-out lines (NULL until set):
 * none is kept until a line has one. */
static void grow_langs(ty_layout *l, size_t n) {
  l->langs = ty_xgrow_zeroed(l->langs, &l->lcap, n, sizeof *l->langs);
}

/* Records that laid-out line nlines+1 comes from source line `src` and
 * is in language `lang` (NULL: the document's). */
static void map_line(ty_layout *l, int src, const char *lang) {
  if (l->nlines == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 256;
    l->src = ty_xrealloc(l->src, l->cap * sizeof *l->src);
  }
  if (lang) {
    grow_langs(l, l->nlines + 1);
    l->langs[l->nlines] = lang;
  }
  l->src[l->nlines++] = src;
}

/* Counts the characters of s[0..len) as the current block's text in the
 * language the reader marks now (characters, not bytes: a Japanese one
 * is three). */
static void tally(ty_layout *l, const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    n += ((unsigned char)s[i] & 0xC0) != 0x80;
  for (int i = 0; i < l->ntally; i++)
    if (l->tally[i].lang == l->lang) {
      l->tally[i].chars += n;
      return;
    }
  if (l->ntally == (int)(sizeof l->tally / sizeof l->tally[0])) return;
  l->tally[l->ntally].lang = l->lang;
  l->tally[l->ntally++].chars = n;
}

/* The language of most of the current block's text (NULL: the
 * document's); the tally starts again. */
static const char *block_lang(ty_layout *l) {
  const char *best = NULL;
  size_t most = 0;
  for (int i = 0; i < l->ntally; i++)
    if (l->tally[i].chars > most) {
      most = l->tally[i].chars;
      best = l->tally[i].lang;
    }
  l->ntally = 0;
  return best;
}

/* Marks the last laid-out line verbatim. */
static void mark_verbatim(ty_layout *l) {
  if (l->vcap < l->nlines) {
    size_t cap = l->vcap ? l->vcap : 256;
    while (cap < l->nlines)
      cap *= 2;
    l->verbatim = ty_xrealloc(l->verbatim, cap);
    memset(l->verbatim + l->vcap, 0, cap - l->vcap);
    l->vcap = cap;
  }
  l->verbatim[l->nlines - 1] = 1;
}

static void put_line(ty_layout *l, const char *s, size_t n, int src,
                     const char *lang) {
  ty_buf_put(&l->text, s, n);
  ty_buf_putc(&l->text, '\n');
  map_line(l, src, lang);
}

static int last_src(const ty_layout *l) {
  return l->nlines ? l->src[l->nlines - 1] : 1;
}

/* Blank lines before a block at source line `src`: one, or as many as
 * bring the block to line `src`. */
static void open_block(ty_layout *l, int src) {
  if (src < last_src(l)) src = last_src(l);
  if (l->nlines) put_line(l, "", 0, last_src(l), NULL);
  while ((int)l->nlines + 1 < src)
    put_line(l, "", 0, (int)l->nlines + 1, NULL);
}

static void put_indent(ty_layout *l, int indent) {
  for (int i = 0; i < indent; i++)
    ty_buf_putc(&l->text, ' ');
}

/* Whether the code point ending at s[0..n) / starting at s is Japanese. */
static int japanese_before(const char *s, size_t n) {
  size_t i = n;
  while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
    i--;
  if (i == n) return 0;
  int len;
  return ty_is_japanese(ty_utf8_decode(s + i, n - i, &len));
}

static int japanese_at(const char *s, size_t n) {
  int len;
  return n > 0 && ty_is_japanese(ty_utf8_decode(s, n, &len));
}

static int is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

void ty_layout_text(ty_layout *l, const char *s, size_t n, int src) {
  ty_buf *p = &l->para;
  size_t i = 0;
  while (i < n) {
    if (!is_ws(s[i])) {
      size_t j = i;
      while (j < n && !is_ws(s[j]))
        j++;
      if (!l->para_line) l->para_line = src > 0 ? src : last_src(l);
      ty_buf_put(p, s + i, j - i);
      tally(l, s + i, j - i);
      i = j;
      continue;
    }
    int newline = 0;
    while (i < n && is_ws(s[i]))
      newline |= s[i++] == '\n';
    /* a line break between Japanese characters is no space (the spaces
     * a text export inserts between them are the noise to avoid); one
     * at the start of a paragraph or line is none either */
    if (!p->n || p->p[p->n - 1] == ' ' || p->p[p->n - 1] == '\n') continue;
    if (!(newline && japanese_before(p->p, p->n) &&
          (i == n || japanese_at(s + i, n - i))))
      ty_buf_putc(p, ' ');
  }
}

void ty_layout_raw(ty_layout *l, const char *s, size_t n, int src) {
  if (!n) return;
  if (!l->para_line) l->para_line = src > 0 ? src : last_src(l);
  tally(l, s, n);
  for (size_t i = 0; i < n; i++)
    ty_buf_putc(&l->para, s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
}

void ty_layout_break(ty_layout *l) {
  ty_buf *p = &l->para;
  while (p->n && p->p[p->n - 1] == ' ')
    p->n--;
  if (p->n && p->p[p->n - 1] != '\n') ty_buf_putc(p, '\n');
}

void ty_layout_marker(ty_layout *l, const char *marker, int src) {
  ty_layout_flush(l, 0);
  ty_buf_clear(&l->mark);
  ty_buf_puts(&l->mark, marker);
  l->mark_line = src;
}

void ty_layout_flush(ty_layout *l, int keep_marker) {
  ty_buf *p = &l->para;
  while (p->n && (p->p[p->n - 1] == ' ' || p->p[p->n - 1] == '\n'))
    p->n--;
  if (!p->n && (!l->mark.n || keep_marker)) return;
  const char *lang = block_lang(l);
  int src = l->mark.n && l->mark_line ? l->mark_line : l->para_line;
  open_block(l, src ? src : last_src(l));
  /* a marker alone (<li></li>) may come before any text was kept */
  const char *t = p->p ? p->p : "";
  size_t i = 0;
  int first = 1;
  do {
    const char *nl = memchr(t + i, '\n', p->n - i);
    size_t e = nl ? (size_t)(nl - t) : p->n;
    put_indent(l, l->indent);
    if (first && l->mark.n) {
      ty_buf_put(&l->text, l->mark.p, l->mark.n);
      if (e > i) ty_buf_putc(&l->text, ' ');
    }
    put_line(l, t + i, e - i, src ? src : last_src(l), lang);
    first = 0;
    i = e + 1;
  } while (i < p->n);
  ty_buf_clear(p);
  ty_buf_clear(&l->mark);
  l->para_line = l->mark_line = 0;
}

void ty_layout_verbatim(ty_layout *l, const char *s, size_t n, int src) {
  ty_layout_flush(l, 0);
  if (src < last_src(l)) src = last_src(l);
  size_t i = 0;
  int k = 0;
  while (i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n;
    size_t len = e - i;
    if (len && s[i + len - 1] == '\r') len--;
    int blank = 1;
    for (size_t j = i; j < i + len; j++)
      if (!is_ws(s[j])) blank = 0;
    if (!blank) {
      put_indent(l, l->indent);
      put_line(l, s + i, len, src + k, l->lang);
      mark_verbatim(l);
    }
    k++;
    i = e + 1;
  }
}

void ty_layout_heading_seen(ty_layout *l, const char *s, size_t n) {
  while (n && is_ws(*s)) {
    s++;
    n--;
  }
  const char *nl = memchr(s, '\n', n);
  ty_marker m;
  if (!ty_number_parse(s, nl ? (size_t)(nl - s) : n, &m)) return;
  if (m.deco == TY_D_BARE)
    l->bare_titles++;
  else
    l->dressed_titles++;
}

void ty_layout_title(ty_layout *l) {
  size_t before = l->nlines;
  ty_layout_flush(l, 1);
  /* a numbered title underlined, as reStructuredText writes it, when the
   * document's numbered titles all carry a dot or brackets: the outline
   * then ranks titles above the lists under them and reads a bare number
   * in running text as a number, not a clause ("7 日以上", "2 weeks") */
  if (l->nlines > before && ty_layout_titled(l))
    put_line(l, "====", 4, last_src(l), NULL);
}

int ty_layout_titled(const ty_layout *l) {
  return l->dressed_titles >= 2 && !l->bare_titles;
}

static int mapped(const ty_layout *l, int line) {
  if (line <= 0) return line;
  if ((size_t)line > l->nlines) return last_src(l);
  return l->src[line - 1];
}

void ty_layout_finish(ty_layout *l, ty_doc *d) {
  ty_layout_flush(l, 0);
  d->text = ty_arena_strndup(&d->arena, l->text.p ? l->text.p : "", l->text.n);
  d->len = l->text.n;
  d->verbatim = l->verbatim;
  d->nverbatim = l->vcap < l->nlines ? l->vcap : l->nlines;
  ty_outline_build(d);
  d->verbatim = NULL;
  d->nverbatim = 0;
  if (l->langs) {
    grow_langs(l, l->nlines);
    ty_doc_mark_langs(d, l->langs, l->nlines);
  }
  for (size_t i = 0; i < d->ncl; i++) {
    d->cl[i].line = mapped(l, d->cl[i].line);
    d->cl[i].end_line = mapped(l, d->cl[i].end_line);
  }
  for (size_t i = 0; i < d->findings.n; i++) {
    d->findings.v[i].ja_line = mapped(l, d->findings.v[i].ja_line);
    d->findings.v[i].en_line = mapped(l, d->findings.v[i].en_line);
  }
}

void ty_layout_free(ty_layout *l) {
  ty_buf_free(&l->text);
  ty_buf_free(&l->para);
  ty_buf_free(&l->mark);
  free(l->src);
  free(l->verbatim);
  free(l->langs);
  free(l->tags);
  memset(l, 0, sizeof *l);
}

const char *ty_layout_lang(ty_layout *l, ty_doc *d, const char *s, size_t n) {
  while (n && is_ws(*s))
    s++, n--;
  while (n && is_ws(s[n - 1]))
    n--;
  if (!n) return NULL;
  for (size_t i = 0; i < l->ntags; i++)
    if (strncmp(l->tags[i], s, n) == 0 && !l->tags[i][n]) return l->tags[i];
  if (l->ntags % 8 == 0)
    l->tags = ty_xrealloc(l->tags, (l->ntags + 8) * sizeof *l->tags);
  return l->tags[l->ntags++] = ty_arena_strndup(&d->arena, s, n);
}

/* Whether two language tags have the same primary subtag ("en-US" and
 * "en"). */
static int same_language(const char *a, const char *b) {
  size_t i = 0;
  for (;; i++) {
    int ea = !a[i] || a[i] == '-' || a[i] == '_';
    int eb = !b[i] || b[i] == '-' || b[i] == '_';
    if (ea || eb) return ea && eb;
    if ((a[i] | 0x20) != (b[i] | 0x20)) return 0;
  }
}

/* Characters of each line of d->text (n lines) that are not blanks. */
static size_t *line_weights(const ty_doc *d, size_t n) {
  size_t *w = ty_xcalloc(n ? n : 1, sizeof *w);
  const char *s = d->text, *end = d->text + d->len;
  for (size_t line = 0; line < n && s < end; line++) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    const char *e = nl ? nl : end;
    w[line] = ty_utf8_count_nonblank(s, (size_t)(e - s));
    s = nl ? nl + 1 : end;
  }
  return w;
}

void ty_doc_mark_langs(ty_doc *d, const char *const *lang, size_t n) {
  const char *own = d->declared_lang   ? d->declared_lang
                    : d->lang == TY_JA ? "ja"
                                       : "en";
  size_t *w = line_weights(d, n);
  for (size_t i = 0; i < d->ncl; i++) {
    ty_clause *c = &d->cl[i];
    struct ty_lang_tally t[8];
    int nt = 0;
    for (int k = c->line; k <= c->end_line && k >= 1 && (size_t)k <= n; k++) {
      const char *g = lang[k - 1];
      int j = 0;
      while (j < nt && t[j].lang != g)
        j++;
      if (j == nt && nt == 8) continue;
      if (j == nt) t[nt++] = (struct ty_lang_tally){g, 0};
      t[j].chars += w[k - 1];
    }
    const char *best = NULL;
    size_t most = 0;
    for (int j = 0; j < nt; j++)
      if (t[j].chars > most) {
        most = t[j].chars;
        best = t[j].lang;
      }
    if (best && !same_language(best, own)) c->lang = best;
  }
  free(w);
}
