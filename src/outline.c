/* outline.c — section markers into a clause tree by a style stack.
 *
 * Grammar of a plain-text clause file, as this stage reads it:
 *
 *   document   := front* toc? clause*
 *   front      := paragraph                  (before the first marker)
 *   clause     := [caption] marker-line [adornment] paragraph*
 *   paragraph  := non-blank lines up to a blank line (or every line, in a
 *                 file with no blank lines at all)
 *
 * A marker's *style* is its numeral kind, its decoration and its indent.
 * A style not on the stack opens a deeper level; a style already on the
 * stack closes back to its level.  A dotted marker (4.9.1) names its own
 * path.  A marker in the middle of a paragraph counts only when it
 * continues an open sequence (so a wrapped line starting "12 月" is text).
 * A list restarting at 1 after an unnumbered heading opens a new scope.
 *
 * Some markers are *structural*: they carry a rank, close every level of
 * their rank or below (and every list), and lists never close past them.
 *  - Statutes (files with articles: 第N条, Article N): 附則 / Supplementary
 *    Provisions and 別表 / Appended Table (rank 1), 編 Part, 章 Chapter,
 *    節 Section, 款 Subsection, 目 Division (grouping levels), 条 Article,
 *    and the numbered paragraph (○２ ２ (2)) under an article.  Items
 *    (一 (i)), イロハ ((a)) and what is below them stay a style stack.  A
 *    caption line "（目的）" just above an article belongs to the article.
 *  - Manuals: Chapter N / 第N章 and Appendix A / 付録A (rank 1); in
 *    reStructuredText / Sphinx text (numbered titles underlined with ===,
 *    ***, ---) every underlined title, ranked by its path length, while
 *    numbered lines that are not underlined are lists under the title.
 *    A top-level title restarting at 1 (a numbered appendix) opens a new
 *    scope.
 * A table of contents at the top is removed before keys are written
 * (outline_toc.c); keys are written once the whole tree is known
 * (outline_keys.c), then the numbering findings (outline_sequence.c).
 */
#include "outline.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>

typedef struct level {
  ty_kind kind;
  ty_deco deco;
  int indent, right; /* left indent and right edge of the label */
  int npath;         /* dotted markers: path length */
  int last;          /* last ordinal seen at this level */
  int clause;        /* index of the clause that opened it */
  int rank;          /* R_LIST, or the rank of a structural level */
} level;

typedef struct builder {
  ty_doc *doc;
  level *stack;
  int depth, cap;
  int cur;       /* index of the clause being filled, -1 before any */
  int scope;     /* current scope */
  int line_mode; /* every line is a paragraph */
  int dotted;    /* the document uses dotted markers */
  int dotted_indent;
  int statute;  /* the document has articles */
  int rst;      /* the document underlines its numbered titles */
  int top_last; /* reST: last ordinal of a top-level title */
  /* the last paragraph of the current clause, for scope restarts */
  const char *para_start;
  int para_line, para_indent, para_count;
  cinfo *info; /* per clause */
  size_t info_cap;
} builder;

static int display_indent(const char *s, size_t n) {
  int cols = 0;
  size_t i = 0;
  while (i < n) {
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    if (c == '\t')
      cols = (cols / 8 + 1) * 8;
    else if (ty_is_space(c))
      cols += ty_char_width(c);
    else
      break;
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

/* The characters a reStructuredText adornment is made of. */
#define ADORNMENT "=*-~^\"'`#+_:."

/* A reStructuredText adornment: at least three of one punctuation
 * character and nothing else ("=====", "*****", "-----"). */
static int is_adornment(const char *s, size_t n) {
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  if (n < 3 || !strchr(ADORNMENT, s[0])) return 0;
  for (size_t i = 1; i < n; i++)
    if (s[i] != s[0]) return 0;
  return 1;
}

/* A statute caption: one short parenthesised phrase alone on its line,
 * "（目的）", "(Purpose)". */
static int is_caption(const char *s, size_t n) {
  size_t a = 0;
  while (a < n && (s[a] == ' ' || s[a] == '\t'))
    a++;
  if (n >= a + 3 && memcmp(s + a, "\xE3\x80\x80", 3) == 0) a += 3;
  while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  int open = 0, close = 0;
  if (n > a && s[a] == '(')
    open = 1;
  else if (n >= a + 3 && memcmp(s + a, "\xEF\xBC\x88", 3) == 0)
    open = 3;
  if (n > a && s[n - 1] == ')')
    close = 1;
  else if (n >= a + 3 && memcmp(s + n - 3, "\xEF\xBC\x89", 3) == 0)
    close = 3;
  if (!open || !close || n - a <= (size_t)(open + close) || n - a > 120)
    return 0;
  /* one phrase: no sentence ends and no nested parentheses inside */
  for (size_t i = a + (size_t)open; i < n - (size_t)close; i++)
    if (s[i] == '(' || s[i] == ')' || s[i] == '.') return 0;
  return !memmem(s + a + open, n - a - (size_t)(open + close), "\xE3\x80\x82",
                 3) &&
         !memmem(s + a + open, n - a - (size_t)(open + close), "\xEF\xBC\x88",
                 3);
}

static int same_style(const level *l, const ty_marker *m, ty_kind kind) {
  if (l->kind != kind || l->deco != m->deco) return 0;
  if (kind == TY_K_DOTTED) return l->npath == m->npath;
  /* right-aligned list numbers (" 9." / "10.") share a right edge */
  int right = m->indent + (int)m->label_len;
  return l->indent == m->indent || l->right == right;
}

/* The level (0-based) of an open list style for this reading, or -1.
 * Lists never close past a structural level. */
static int find_level(const builder *b, const ty_marker *m, ty_kind kind) {
  for (int i = b->depth - 1; i >= 0 && b->stack[i].rank == R_LIST; i--)
    if (same_style(&b->stack[i], m, kind)) return i;
  return -1;
}

/* The innermost open article level, or -1 (lists may be open above it). */
static int open_article(const builder *b) {
  for (int i = b->depth - 1; i >= 0; i--) {
    if (b->stack[i].rank == R_ARTICLE) return i;
    if (b->stack[i].rank != R_LIST && b->stack[i].rank != R_PARA) return -1;
  }
  return -1;
}

/* Whether an arabic marker under an article numbers a paragraph: ○２ and
 * ２ always; "(2)" unless it continues or opens a list inside an item
 * (the "(1)" below イ / (a)). */
static int is_paragraph(const builder *b, const ty_marker *m) {
  if (!b->statute || m->kind != TY_K_ARABIC) return 0;
  int art = open_article(b);
  if (art < 0) return 0;
  if (m->deco == TY_D_MARU || m->deco == TY_D_BARE) return 1;
  int l = find_level(b, m, m->kind);
  if (l >= 0 && b->stack[l].last + 1 == m->ordinal) return 0;
  return !(m->ordinal == 1 && b->stack[b->depth - 1].rank == R_LIST);
}

/* The rank a marker takes where it stands. */
static int marker_rank(const builder *b, const ty_marker *m, int underlined) {
  if (b->statute) {
    int r = statute_rank(m->kind);
    if (r == R_LIST && is_paragraph(b, m)) r = R_PARA;
    return r;
  }
  if (b->rst) {
    if (!underlined) return R_LIST;
    return m->kind == TY_K_DOTTED ? m->npath : R_TOP;
  }
  if (m->kind == TY_K_EN_CHAPTER || m->kind == TY_K_JA_CHAPTER ||
      is_appendix(m->kind))
    return R_TOP;
  return R_LIST;
}

/* Picks the reading of an ambiguous label (i: latin 9 or roman 1; イ:
 * iroha 1 or aiueo 2) that continues an open sequence or starts one. */
static void choose_reading(const builder *b, ty_marker *m) {
  if (m->alt_kind == TY_K_NONE) return;
  int lp = find_level(b, m, m->kind), la = find_level(b, m, m->alt_kind);
  int p_next = lp >= 0 && b->stack[lp].last + 1 == m->ordinal;
  int a_next = la >= 0 && b->stack[la].last + 1 == m->alt_ordinal;
  int swap = 0;
  if (a_next && !p_next)
    swap = 1;
  else if (!p_next && !a_next && lp < 0 && m->alt_ordinal == 1)
    swap = 1;
  if (swap) {
    ty_kind k = m->kind;
    int o = m->ordinal;
    m->kind = m->alt_kind;
    m->ordinal = m->alt_ordinal;
    m->alt_kind = k;
    m->alt_ordinal = o;
  }
}

/* A dotted marker's base: the level holding the first path component
 * (a section "2.", or a chapter "Chapter 2" / "第2章" over "2.1"). */
static int dotted_base(const builder *b, const ty_marker *m) {
  for (int i = 0; i < b->depth; i++) {
    const level *l = &b->stack[i];
    if (l->kind == TY_K_DOTTED || l->kind == TY_K_EN_CHAPTER ||
        l->kind == TY_K_JA_CHAPTER ||
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
  return base >= 0 && b->stack[base].deco != TY_D_WORD &&
         b->stack[base].deco != m->deco;
}

/* Whether a marker found inside a paragraph continues an open sequence.
 * In a statute a heading word (第二章, Chapter II, Article 5) and a
 * paragraph number ("(2) The ...", not "(2) of Article 7") start a clause
 * wherever they start a line: laws do not wrap their text onto them. */
static int continues_sequence(const builder *b, const ty_marker *m,
                              const char *line, size_t len) {
  if (b->statute && (m->deco == TY_D_WORD || is_paragraph(b, m)))
    return m->text_off >= len ||
           !(line[m->text_off] >= 'a' && line[m->text_off] <= 'z');
  /* a chapter or appendix heading (in an indented table of contents) that
   * starts or continues its own sequence */
  if (marker_rank(b, m, 0) != R_LIST) {
    if (m->ordinal == 1) return 1;
    for (int i = b->depth - 1; i >= 0; i--)
      if (b->stack[i].kind == m->kind)
        return b->stack[i].last + 1 == m->ordinal;
    return 0;
  }
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
           (m->ordinal > 999 && b->stack[l].last - 1 == m->ordinal) ||
           (m->ordinal > b->stack[l].last && !m->weak && m->deco != TY_D_BARE);
  return m->ordinal == 1 && m->deco != TY_D_BARE;
}

static void grow_info(builder *b) {
  if (b->doc->ncl <= b->info_cap) return;
  size_t cap = b->info_cap ? b->info_cap : 64;
  if (cap < b->doc->cap) cap = b->doc->cap; /* as many as reserved */
  while (cap < b->doc->ncl)
    cap *= 2;
  b->info = ty_xrealloc(b->info, cap * sizeof *b->info);
  b->info_cap = cap;
}

/* The text of a clause without the adornment lines under its titles
 * (reST), with its caption as a first paragraph (statutes): a copy in
 * the document's arena where either applies, the view itself otherwise.
 * Once per clause, after the scan. */
static void fix_text(builder *b, int idx) {
  ty_doc *d = b->doc;
  ty_clause *c = &d->cl[idx];
  const cinfo *in = &b->info[idx];
  const char *s = c->text;
  size_t n = c->text_len;
  int strip = 0;
  if (b->rst) {
    /* an adornment right under a non-blank line */
    size_t i = 0;
    int prev_text = in->underlined; /* the marker line itself */
    while (i < n && !strip) {
      const char *nl = memchr(s + i, '\n', n - i);
      size_t e = nl ? (size_t)(nl - s) : n;
      if (prev_text && is_adornment(s + i, e - i)) strip = 1;
      prev_text = !is_blank(s + i, e - i);
      i = e + 1;
    }
  }
  if (!strip && !in->caption) return;
  ty_buf t = {0};
  if (in->caption) {
    ty_buf_put(&t, in->caption, in->caption_len);
    ty_buf_puts(&t, "\n\n");
  }
  size_t i = 0;
  int prev_text = in->underlined;
  while (i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n;
    int adorn = strip && prev_text && is_adornment(s + i, e - i);
    if (!adorn) ty_buf_put(&t, s + i, e - i + (nl ? 1 : 0));
    prev_text = !adorn && !is_blank(s + i, e - i);
    i = e + 1;
  }
  /* the line break left before a dropped adornment at the end */
  while (t.n && (t.p[t.n - 1] == '\n' || t.p[t.n - 1] == ' '))
    t.n--;
  c->text = ty_arena_strndup(&d->arena, t.p ? t.p : "", t.n);
  c->text_len = t.n;
  ty_buf_free(&t);
}

/* A line with no letter and no digit in any script (">", a rule of
 * dashes): nothing to translate.  debian-faq ja.txt starts with a stray
 * ">" line that the English lacks. */
static int says_nothing(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    if (u_isalnum(c)) return 0;
    i += (size_t)len;
  }
  return 1;
}

/* The end of s[0..end) without trailing blanks. */
static const char *trim_end(const char *s, const char *end) {
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
    else
      return end;
  }
}

/* Ends the current clause's text at `end` (exclusive), trimming blanks;
 * front matter also loses the lines after it that say nothing. */
static void close_text(builder *b, int idx, const char *end) {
  if (idx < 0) return;
  ty_clause *c = &b->doc->cl[idx];
  const char *s = c->text;
  if (end < s) end = s;
  end = trim_end(s, end);
  while ((c->flags & (TY_CL_FRONT | TY_CL_HEADING)) == TY_CL_FRONT) {
    const char *nl = memrchr(s, '\n', (size_t)(end - s));
    if (!nl || !says_nothing(nl + 1, (size_t)(end - nl - 1))) break;
    end = trim_end(s, nl);
  }
  c->text_len = (size_t)(end - s);
}

static ty_clause *new_clause(builder *b, const char *text, int line, int col) {
  ty_clause *c = ty_doc_add_clause(b->doc);
  c->text = text;
  c->line = c->end_line = line;
  c->col = col;
  b->cur = (int)(b->doc->ncl - 1);
  grow_info(b);
  memset(&b->info[b->cur], 0, sizeof b->info[b->cur]);
  b->info[b->cur].scope = b->scope;
  b->para_count = 1;
  b->para_start = NULL;
  return c;
}

static void push_level(builder *b, const ty_marker *m, int clause, int rank) {
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
  l->rank = rank;
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
         !memmem(b->para_start, n, "。", 3);
}

/* Places a structural marker: it closes every list and every level of its
 * rank or below. */
static void place_ranked(builder *b, const ty_marker *m, ty_clause *c,
                         int rank) {
  int idx = (int)(b->doc->ncl - 1);
  while (b->depth > 0 && (b->stack[b->depth - 1].rank == R_LIST ||
                          b->stack[b->depth - 1].rank >= rank))
    b->depth--;
  c->parent = b->depth > 0 ? b->stack[b->depth - 1].clause : -1;
  push_level(b, m, idx, rank);
  c->depth = b->depth;
}

/* Places a list marker on the stack, setting the clause's depth and
 * parent. */
static void place(builder *b, const ty_marker *m, ty_clause *c) {
  int idx = (int)(b->doc->ncl - 1);
  if (m->kind == TY_K_DOTTED) {
    int base = dotted_base(b, m);
    int target = (base < 0 ? 0 : base) + m->npath - 1;
    if (target > b->depth) target = b->depth;
    b->depth = target;
    c->parent = target > 0 ? b->stack[target - 1].clause : -1;
    push_level(b, m, idx, R_LIST);
    c->depth = b->depth;
    return;
  }
  int l = find_level(b, m, m->kind);
  if (l >= 0) {
    b->depth = l;
  } else if (b->dotted && m->deco == TY_D_DOT &&
             m->indent == b->dotted_indent && m->kind == TY_K_LATIN_UPPER) {
    /* "A." beside "9." and "9.3.": an appendix, a peer of the sections */
    int base = dotted_base(b, m);
    if (base >= 0) b->depth = base;
  }
  c->parent = b->depth > 0 ? b->stack[b->depth - 1].clause : -1;
  push_level(b, m, idx, R_LIST);
  c->depth = b->depth;
}

/* Handles a marker line: closes the current clause at `cut` (the marker
 * line, or a caption above it) and opens a new one. */
static void start_clause(builder *b, ty_marker *m, const char *line, int lineno,
                         const char *cut, int underlined) {
  ty_doc *d = b->doc;
  int rank = marker_rank(b, m, underlined);
  /* a list restarting at 1 after an unnumbered heading: a new scope */
  if (rank == R_LIST && m->kind != TY_K_DOTTED && m->ordinal == 1) {
    int l = find_level(b, m, m->kind);
    if (l == 0 && b->stack[0].last >= 1 && heading_before(b, m, line)) {
      close_text(b, b->cur, b->para_start);
      b->scope++;
      b->depth = 0;
      ty_clause *h =
          new_clause(b, b->para_start, b->para_line, b->para_indent + 1);
      h->flags = TY_CL_FRONT | TY_CL_HEADING;
      close_text(b, b->cur, line);
    }
  }
  /* a numbered title restarting at 1 at the top (an appendix numbered
   * like the chapters): a new scope */
  if (b->rst && rank == R_TOP) {
    if (m->ordinal == 1 && b->top_last >= 1) b->scope++;
    b->top_last = m->ordinal;
  }
  close_text(b, b->cur, cut);
  ty_clause *c = new_clause(b, line + m->text_off, lineno,
                            display_indent(line, m->label_off) + 1);
  c->label = line + m->label_off;
  c->label_len = m->label_len;
  c->kind = m->kind;
  c->deco = m->deco;
  c->ordinal = m->kind == TY_K_DOTTED ? m->path[m->npath - 1] : m->ordinal;
  c->branch = m->branch;
  b->info[b->cur].underlined = underlined;
  if (rank != R_LIST)
    place_ranked(b, m, c, rank);
  else
    place(b, m, c);
  if (m->kind == TY_K_DOTTED && !b->dotted) {
    b->dotted = 1;
    b->dotted_indent = m->indent;
  }
  /* "Article 3 (1) The purpose ...": the first paragraph is numbered on
   * the article's own line; the "(1)" joins the label */
  ty_marker p;
  if (rank == R_ARTICLE) {
    size_t rest = (size_t)(c->text - line);
    const char *nl =
        memchr(c->text, '\n', (size_t)(d->text + d->len - c->text));
    size_t len =
        nl ? (size_t)(nl - c->text) : (size_t)(d->text + d->len - c->text);
    if (len && ty_number_parse(c->text, len, &p) && p.kind == TY_K_ARABIC &&
        p.deco == TY_D_PAREN && p.ordinal == 1 && p.label_off == 0) {
      c->label_len = rest + p.label_len - m->label_off;
      c->text += p.text_off;
      c->flags |= TY_CL_PARAS;
    }
  }
}

/* "(1)" alone under an article whose line has no text ("Article 3" then
 * "(1) The purpose"): the article's first paragraph, not a clause of its
 * own.  Returns 1 when the marker was taken so. */
static int first_paragraph(builder *b, const ty_marker *m, const char *line) {
  if (!b->statute || b->cur < 0 || b->depth == 0 || m->kind != TY_K_ARABIC ||
      m->deco != TY_D_PAREN || m->ordinal != 1 ||
      b->stack[b->depth - 1].rank != R_ARTICLE ||
      b->stack[b->depth - 1].clause != b->cur)
    return 0;
  ty_clause *c = &b->doc->cl[b->cur];
  if (c->flags & TY_CL_PARAS) return 0;
  for (const char *p = c->text; p < line; p++)
    if (*p != '\n' && *p != ' ' && *p != '\t') return 0;
  c->text = line + m->text_off;
  c->flags |= TY_CL_PARAS;
  return 1;
}

/* ---- the scan -------------------------------------------------------------
 */

/* The line after the one ending at s[i] (i at its '\n' or at n). */
static size_t next_line(const char *s, size_t n, size_t i, size_t *len) {
  if (i < n) i++;
  const char *nl = i < n ? memchr(s + i, '\n', n - i) : NULL;
  *len = nl ? (size_t)(nl - (s + i)) : n - i;
  return i;
}

/* Whether the document separates paragraphs with blank lines (looked at
 * over its first 200 lines), has articles (a statute), and underlines its
 * numbered titles (reStructuredText). */
static size_t detect_modes(builder *b, const char *s, size_t n) {
  size_t lines = 0;
  int blank = 0, articles = 0, underlined = 0;
  size_t i = 0;
  while (i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n;
    if (lines > 0 && lines < 200 && is_blank(s + i, e - i)) blank = 1;
    lines++;
    ty_marker m;
    if (ty_number_parse(s + i, e - i, &m)) {
      if (is_article(m.kind)) articles++;
      /* the line below measured only when it can be an adornment */
      if (e + 1 < n && strchr(ADORNMENT, s[e + 1])) {
        size_t len, j = next_line(s, n, e, &len);
        if (j < n && is_adornment(s + j, len)) underlined++;
      }
    }
    i = e + 1;
  }
  b->line_mode = !blank;
  b->statute = articles >= 1;
  b->rst = !b->statute && underlined >= 2;
  return lines;
}

/* Whether the paragraph after the line ending at s[i] starts with a bare
 * number next to `ordinal` (one more or one less): a weak marker (a bare
 * number past 999) followed by one is a sequence, counting up or down
 * (issue 12: 100000 down to 1 was front matter down to 1000). */
static int next_paragraph_continues(const builder *b, const char *s, size_t n,
                                    size_t i, int ordinal) {
  size_t len;
  size_t j = next_line(s, n, i, &len);
  if (!b->line_mode) {
    while (j < n && !is_blank(s + j, len))
      j = next_line(s, n, j + len, &len);
    while (j < n && is_blank(s + j, len))
      j = next_line(s, n, j + len, &len);
  }
  ty_marker m;
  if (j >= n || !ty_number_parse(s + j, len, &m)) return 0;
  /* a quantity ("6 月") is weak below 1000 too: no sequence */
  return m.kind == TY_K_ARABIC && m.deco == TY_D_BARE &&
         !(m.weak && m.ordinal <= 999) &&
         (m.ordinal == ordinal + 1 || m.ordinal == ordinal - 1);
}

/* A caption line seen just before: it goes to the article below it. */
typedef struct caption {
  const char *line;
  size_t len;
  int lineno;
  int prev_cur;      /* the clause being filled before it */
  int prev_end_line; /* that clause's last line before it */
  int own_front;     /* it opened a front-matter paragraph of its own */
} caption;

/* Where the scan is: the text, the line being read and what the lines
 * before it left open. */
typedef struct scan {
  const char *s;
  size_t n;
  int lineno, last_text;
  int prev_blank; /* the line before is a paragraph break */
  int front_open; /* a front-matter paragraph is being filled */
  caption cap;
} scan;

/* Whether marker m, read at the start of `line` (a paragraph's first line
 * when para_start), starts a clause there. */
static int marker_starts_clause(const builder *b, const scan *sc,
                                const ty_marker *m, const char *line,
                                size_t len, int para_start) {
  /* reST enumerated lists carry a dot or parentheses: a bare number
   * there starts a sentence ("* 7 日以上…") */
  int bare_in_rst = b->rst && m->deco == TY_D_BARE;
  /* "(2) of Article 4" wrapped to the start of a line cites a
   * paragraph; a paragraph itself starts with a capital */
  int citation = m->deco == TY_D_PAREN && is_paragraph(b, m) &&
                 m->text_off < len && line[m->text_off] >= 'a' &&
                 line[m->text_off] <= 'z';
  /* a bullet is the item's marker: a bare number after it starts the
   * item's text (debian-faq en.txt 11.6 "* 1 (single-user mode)", "* 2
   * through 5"; ja.txt 3.1.7 "* 6 月 10 日に"; developers-reference
   * ja.txt 5.11.1 "* 7 日以上"), as in every bulleted line of the corpus */
  if (bare_in_rst || citation || (m->bullet && m->deco == TY_D_BARE)) return 0;
  if (m->kind == TY_K_DOTTED && dotted_dress_differs(b, m)) return 0;
  if (para_start &&
      (!m->weak ||
       (m->ordinal > 999 &&
        next_paragraph_continues(b, sc->s, sc->n, (size_t)(line + len - sc->s),
                                 m->ordinal))))
    return 1;
  return continues_sequence(b, m, line, len);
}

/* Opens the clause of marker m at `line`, with the caption just above it
 * (a statute's article). */
static void open_marked_clause(builder *b, scan *sc, ty_marker *m,
                               const char *line, size_t len, int prev_text) {
  ty_doc *d = b->doc;
  caption *cap = &sc->cap;
  int underlined = 0;
  if (b->rst) {
    size_t alen,
        a = next_line(sc->s, sc->n, (size_t)(line + len - sc->s), &alen);
    underlined = a < sc->n && is_adornment(sc->s + a, alen);
  }
  const char *cut = line;
  int with_caption = b->statute && is_article(m->kind) && cap->line &&
                     cap->lineno == prev_text;
  if (with_caption) {
    cut = cap->line;
    if (cap->own_front) {
      d->ncl--;
      b->cur = cap->prev_cur;
    }
    if (b->cur >= 0) d->cl[b->cur].end_line = cap->prev_end_line;
  }
  start_clause(b, m, line, sc->lineno, cut, underlined);
  if (with_caption) {
    b->info[b->cur].caption = cap->line;
    b->info[b->cur].caption_len = cap->len;
  }
  cap->line = NULL;
}

/* A line that starts no clause: a caption to keep, front matter, or a
 * line of the current clause. */
static void text_line(builder *b, scan *sc, const char *line, size_t len,
                      int para_start) {
  ty_doc *d = b->doc;
  caption *cap = &sc->cap;
  if (b->statute && is_caption(line, len)) {
    cap->line = line;
    cap->len = len;
    cap->lineno = sc->lineno;
    cap->prev_cur = b->cur;
    cap->prev_end_line = b->cur >= 0 ? d->cl[b->cur].end_line : 0;
  }
  if (b->cur < 0 || (d->cl[b->cur].flags & TY_CL_FRONT &&
                     !(d->cl[b->cur].flags & TY_CL_HEADING) &&
                     (para_start || !sc->front_open))) {
    /* front matter: one clause per paragraph */
    if (b->cur >= 0) close_text(b, b->cur, line);
    ty_clause *c = new_clause(b, line, sc->lineno, 1);
    c->flags = TY_CL_FRONT;
    sc->front_open = 1;
    if (cap->line == line) cap->own_front = 1;
  } else if (para_start) {
    b->para_count++;
    b->para_start = line;
    b->para_line = sc->lineno;
    b->para_indent = display_indent(line, len);
    if (cap->line == line) cap->own_front = 0;
  } else if (cap->line == line) {
    cap->own_front = 0;
  }
  d->cl[b->cur].end_line = sc->lineno;
}

/* Whether the scan is in front matter (before the first marker). */
static int in_front(const builder *b) {
  const ty_doc *d = b->doc;
  return b->cur < 0 || ((d->cl[b->cur].flags & TY_CL_FRONT) &&
                        !(d->cl[b->cur].flags & TY_CL_HEADING));
}

/* Reads one line (without its '\n').  In front matter a line that says
 * nothing is a paragraph break, not a paragraph of its own. */
static void scan_line(builder *b, scan *sc, const char *line, size_t len) {
  ty_doc *d = b->doc;
  sc->lineno++;
  if (is_blank(line, len) || (in_front(b) && says_nothing(line, len))) {
    sc->prev_blank = 1;
    sc->front_open = 0;
    return;
  }
  int para_start = sc->prev_blank || b->line_mode;
  sc->prev_blank = 0;
  int prev_text = sc->last_text;
  sc->last_text = sc->lineno;
  ty_marker m;
  /* a structured reader's verbatim line (pre, code) starts no clause */
  int verbatim =
      (size_t)sc->lineno <= d->nverbatim && d->verbatim[sc->lineno - 1];
  if (!verbatim && ty_number_parse(line, len, &m)) {
    if (m.kind == TY_K_DOTTED) m.deco = dotted_dress(line, &m);
    choose_reading(b, &m);
    if (marker_starts_clause(b, sc, &m, line, len, para_start)) {
      sc->front_open = 0;
      if (!first_paragraph(b, &m, line))
        open_marked_clause(b, sc, &m, line, len, prev_text);
      return;
    }
  }
  text_line(b, sc, line, len, para_start);
}

/* The line that ends the text of a Project Gutenberg e-book; the licence
 * follows it ("End of Project Gutenberg's The Constitution of Japan,
 * 1946, by Japan" in constitution-of-japan/en.pg612.txt; "*** END OF THE
 * PROJECT GUTENBERG EBOOK …" in later e-books). */
static int ends_ebook(const char *s, size_t n) {
  /* every mark starts with E, e or *: other lines are not compared */
  if (n == 0 || (s[0] != 'E' && s[0] != 'e' && s[0] != '*')) return 0;
  static const char *const marks[] = {
      "End of Project Gutenberg", "End of the Project Gutenberg",
      "*** END OF THE PROJECT GUTENBERG", "*** END OF THIS PROJECT GUTENBERG"};
  for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
    size_t m = strlen(marks[k]);
    if (n >= m && strncasecmp(s, marks[k], m) == 0) return 1;
  }
  return 0;
}

void ty_outline_build(ty_doc *d) {
  builder b = {0};
  b.doc = d;
  b.cur = -1;
  b.scope = 1;
  scan sc = {0};
  sc.s = d->text;
  sc.n = d->len;
  sc.prev_blank = 1; /* the line before the first is a paragraph break */
  /* a clause starts on a line of its own (the heading of a scope restart
   * on the paragraph line above its list), so the lines bound the clauses:
   * one allocation, of which a document of long clauses touches little */
  ty_doc_reserve_clauses(d, d->ncl + detect_modes(&b, sc.s, sc.n) + 1);
  const char *end = sc.s + sc.n; /* where the text ends */
  size_t i = 0;
  while (i < sc.n) {
    const char *line = sc.s + i;
    const char *nl = memchr(line, '\n', sc.n - i);
    size_t len = nl ? (size_t)(nl - line) : sc.n - i;
    i += len + (nl ? 1 : 0);
    if (ends_ebook(line, len)) {
      end = line;
      break;
    }
    scan_line(&b, &sc, line, len);
  }
  close_text(&b, b.cur, end);
  /* views are final only now: a clause may be closed again by a restart */
  for (size_t k = 0; k < d->ncl; k++)
    fix_text(&b, (int)k);
  ty_outline_drop_toc(d, b.info);
  ty_outline_assign_keys(d, b.info, b.dotted, b.statute);
  ty_outline_sequence_findings(d, b.info, b.statute);
  free(b.stack);
  free(b.info);
}
