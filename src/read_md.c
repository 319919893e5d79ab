/* read_md.c — CommonMark documents, parsed with libcmark and laid out as
 * the text the outline reads (layout.c):
 *
 *   heading (ATX or Setext)   a block, its text as written ("2.1 Scope");
 *   paragraph                 a block, soft line breaks joined;
 *   ordered list item         a block starting with the number the list
 *                             displays (its start number, then +1 each,
 *                             whatever the source wrote: "1. 1. 1." shows
 *                             1 2 3) and its delimiter ("3." or "3)"),
 *                             indented by nesting;
 *   bullet list item          a block starting "- ";
 *   code block, HTML block    verbatim;
 *   block quote               its blocks.
 * A clause's line is its node's source line (cmark keeps them). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include <cmark.h>

/* Deeper than this a node is read for its text only. */
#define MAX_DEPTH 200

typedef struct mreader {
  ty_layout lay;
  int lists; /* ordered lists around */
  const char *text;
  size_t len;
  size_t *line_at; /* byte offset of each source line */
  size_t nlines;
} mreader;

static void index_lines(mreader *r) {
  size_t cap = 64;
  r->line_at = ty_xmalloc(cap * sizeof *r->line_at);
  r->line_at[r->nlines++] = 0;
  for (size_t i = 0; i < r->len; i++)
    if (r->text[i] == '\n') {
      if (r->nlines == cap) {
        cap *= 2;
        r->line_at = ty_xrealloc(r->line_at, cap * sizeof *r->line_at);
      }
      r->line_at[r->nlines++] = i + 1;
    }
}

/* Whether source line `line` opens a code fence (``` or ~~~). */
static int is_fence(const mreader *r, int line) {
  if (line < 1 || (size_t)line > r->nlines) return 0;
  size_t i = r->line_at[line - 1];
  while (i < r->len && r->text[i] == ' ')
    i++;
  return r->len - i >= 3 && (memcmp(r->text + i, "```", 3) == 0 ||
                             memcmp(r->text + i, "~~~", 3) == 0);
}

static void block(mreader *r, cmark_node *n, int depth);

/* The literal text under n, iteratively (for a tree too deep). */
static void flat_text(mreader *r, cmark_node *n) {
  cmark_iter *it = cmark_iter_new(n);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *c = cmark_iter_get_node(it);
    const char *lit =
        ev == CMARK_EVENT_ENTER ? cmark_node_get_literal(c) : NULL;
    if (lit && cmark_node_get_type(c) != CMARK_NODE_HTML_INLINE)
      ty_layout_text(&r->lay, lit, strlen(lit), cmark_node_get_start_line(c));
  }
  cmark_iter_free(it);
}

static void inlines(mreader *r, cmark_node *n, int depth) {
  for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
    const char *lit = cmark_node_get_literal(c);
    int line = cmark_node_get_start_line(c);
    switch (cmark_node_get_type(c)) {
    case CMARK_NODE_TEXT:
      if (lit) ty_layout_text(&r->lay, lit, strlen(lit), line);
      break;
    case CMARK_NODE_CODE:
      if (lit) ty_layout_raw(&r->lay, lit, strlen(lit), line);
      break;
    case CMARK_NODE_SOFTBREAK: ty_layout_text(&r->lay, "\n", 1, line); break;
    case CMARK_NODE_LINEBREAK: ty_layout_break(&r->lay); break;
    case CMARK_NODE_HTML_INLINE:
      /* tags are markup, not text; <br> is a line break */
      if (lit && strncmp(lit, "<br", 3) == 0) ty_layout_break(&r->lay);
      break;
    default:
      if (depth > MAX_DEPTH)
        flat_text(r, c);
      else
        inlines(r, c, depth + 1);
    }
  }
}

static void list(mreader *r, cmark_node *n, int depth) {
  int ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
  long v = cmark_node_get_list_start(n);
  int paren = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM;
  ty_layout_flush(&r->lay, 0);
  /* an ordered list is a level of numbers of its own, indented below
   * the one it is in; a bulleted list's items stand where the text
   * around them does, so that markers typed in them ("- a.") line up
   * with those typed in the paragraphs beside them ("b."); under titles
   * every ordered list is indented */
  int saved = r->lay.indent;
  if (ordered) r->lay.indent = 3 * (r->lists++ + ty_layout_titled(&r->lay));
  char mark[32];
  for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
    if (ordered)
      snprintf(mark, sizeof mark, "%ld%c", v++, paren ? ')' : '.');
    else
      snprintf(mark, sizeof mark, "-");
    ty_layout_marker(&r->lay, mark, cmark_node_get_start_line(c));
    for (cmark_node *b = cmark_node_first_child(c); b; b = cmark_node_next(b))
      block(r, b, depth + 1);
    ty_layout_flush(&r->lay, 0);
  }
  if (ordered) r->lists--;
  r->lay.indent = saved;
}

static void block(mreader *r, cmark_node *n, int depth) {
  int line = cmark_node_get_start_line(n);
  const char *lit = cmark_node_get_literal(n);
  if (depth > MAX_DEPTH) {
    ty_layout_flush(&r->lay, 1);
    flat_text(r, n);
    ty_layout_flush(&r->lay, 1);
    return;
  }
  switch (cmark_node_get_type(n)) {
  case CMARK_NODE_PARAGRAPH:
    ty_layout_flush(&r->lay, 1);
    inlines(r, n, depth);
    ty_layout_flush(&r->lay, 1);
    break;
  case CMARK_NODE_HEADING:
    ty_layout_flush(&r->lay, 1);
    inlines(r, n, depth);
    ty_layout_title(&r->lay);
    break;
  case CMARK_NODE_LIST: list(r, n, depth); break;
  case CMARK_NODE_CODE_BLOCK:
  case CMARK_NODE_HTML_BLOCK:
    /* a fenced block's text starts on the line after its fence */
    if (lit)
      ty_layout_verbatim(&r->lay, lit, strlen(lit),
                         is_fence(r, line) ? line + 1 : line);
    break;
  case CMARK_NODE_THEMATIC_BREAK: ty_layout_flush(&r->lay, 1); break;
  default:
    for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c))
      block(r, c, depth + 1);
  }
}

/* The pre-pass: every heading's text counted for the layout. */
static void count_headings(mreader *r, cmark_node *doc) {
  ty_buf t = {0};
  cmark_node *heading = NULL;
  cmark_iter *it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *c = cmark_iter_get_node(it);
    if (cmark_node_get_type(c) == CMARK_NODE_HEADING) {
      if (ev == CMARK_EVENT_ENTER) {
        heading = c;
        ty_buf_clear(&t);
      } else {
        ty_layout_heading_seen(&r->lay, t.p ? t.p : "", t.n);
        heading = NULL;
      }
    } else if (heading && ev == CMARK_EVENT_ENTER) {
      const char *lit = cmark_node_get_literal(c);
      if (lit) ty_buf_puts(&t, lit);
    }
  }
  cmark_iter_free(it);
  ty_buf_free(&t);
}

int ty_read_md(ty_doc *d, ty_error *err) {
  cmark_node *doc = cmark_parse_document(d->text, d->len, CMARK_OPT_DEFAULT);
  if (!doc) ty_oom();
  mreader r = {0};
  r.text = d->text;
  r.len = d->len;
  index_lines(&r);
  count_headings(&r, doc);
  block(&r, doc, 0);
  free(r.line_at);
  cmark_node_free(doc);
  ty_layout_finish(&r.lay, d);
  ty_layout_free(&r.lay);
  return 0;
}
