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
 * A table of contents at the top is removed before keys are written (see
 * drop_toc); keys are written once the whole tree is known (assign_keys).
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Ranks of structural levels (0 is a list level on the style stack). */
enum {
  R_LIST = 0,
  R_TOP = 1, /* 附則, 別表; in manuals Chapter and Appendix */
  R_PART,
  R_CHAPTER,
  R_SECTION,
  R_SUBSECTION,
  R_DIVISION,
  R_ARTICLE,
  R_PARA /* a numbered paragraph of an article */
};

typedef struct level {
  ty_kind kind;
  ty_deco deco;
  int indent, right; /* left indent and right edge of the label */
  int npath;         /* dotted markers: path length */
  int last;          /* last ordinal seen at this level */
  int clause;        /* index of the clause that opened it */
  int rank;          /* R_LIST, or the rank of a structural level */
} level;

/* What the builder knows of a clause beyond ty_clause. */
typedef struct cinfo {
  int scope;           /* 1 for the first list, 2.. after restarts */
  int underlined;      /* reST: the marker line is underlined */
  const char *caption; /* statute: the caption line above it, or NULL */
  size_t caption_len;
} cinfo;

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

/* A reStructuredText adornment: at least three of one punctuation
 * character and nothing else ("=====", "*****", "-----"). */
static int is_adornment(const char *s, size_t n) {
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  if (n < 3 || !strchr("=*-~^\"'`#+_:.", s[0])) return 0;
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

static int is_article(ty_kind k) {
  return k == TY_K_JA_ARTICLE || k == TY_K_EN_ARTICLE;
}

static int is_suppl(ty_kind k) {
  return k == TY_K_JA_SUPPL || k == TY_K_EN_SUPPL;
}

static int is_appendix(ty_kind k) {
  return k == TY_K_JA_APPENDIX || k == TY_K_EN_APPENDIX;
}

/* The rank a kind has in a statute. */
static int statute_rank(ty_kind k) {
  switch (k) {
  case TY_K_JA_SUPPL:
  case TY_K_EN_SUPPL:
  case TY_K_JA_APPENDIX:
  case TY_K_EN_APPENDIX: return R_TOP;
  case TY_K_JA_PART:
  case TY_K_EN_PART: return R_PART;
  case TY_K_JA_CHAPTER:
  case TY_K_EN_CHAPTER: return R_CHAPTER;
  case TY_K_JA_SECTION:
  case TY_K_EN_SECTION: return R_SECTION;
  case TY_K_JA_SUBSECTION: return R_SUBSECTION;
  case TY_K_JA_DIVISION: return R_DIVISION;
  case TY_K_JA_ARTICLE:
  case TY_K_EN_ARTICLE: return R_ARTICLE;
  default: return R_LIST;
  }
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
           (m->ordinal > b->stack[l].last && !m->weak &&
            (m->deco != TY_D_BARE || m->bullet));
  return m->ordinal == 1 && (m->deco != TY_D_BARE || m->bullet);
}

static void grow_info(builder *b) {
  if (b->doc->ncl <= b->info_cap) return;
  size_t cap = b->info_cap ? b->info_cap : 64;
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

/* Ends the current clause's text at `end` (exclusive), trimming blanks. */
static void close_text(builder *b, int idx, const char *end) {
  if (idx < 0) return;
  ty_clause *c = &b->doc->cl[idx];
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
    else
      break;
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

/* ---- keys ----------------------------------------------------------------
 * A key is the path of ordinals from the top ("7.2.3"), branch numbers
 * written "10-2".  A dotted marker's key is its own path ("A.1" keeps the
 * letter), and so is an appendix's ("Appendix A" and 付録A are "A").  In a
 * document with dotted sections, levels below a section are written in
 * parentheses ("6.2(5)"), as such documents cite themselves, so that a
 * list item never collides with a subsection.  Clauses after a scope
 * restart are prefixed "s2:" and so on; front matter is "front-N".
 *
 * Statutes are keyed as they are cited.  An article is its own number
 * wherever its chapter is (第九条, Article 9: "9"; 第十条の二: "10-2").
 * Grouping headings get keys of their own kind, the path of the groups
 * they are in: "pt1", "ch2", "ch2-2" (第二章の二, Chapter II-2),
 * "ch2.sec1", "ch2.sec1.sub1", "ch2.sec1.sub1.div1" — never a bare
 * number.  Numbered paragraphs are "9.2" (○２, ２, (2)); the first
 * paragraph is the article's own text.  Items are cited 第七条第三号 in an
 * article of one paragraph and 第五条第一項第二号 in one of several, so
 * items are "7.3" in the one and "5.1.2" in the other (TY_CL_PARAS), then
 * "5.2.1" under paragraph 2; イロハ and the levels below add ordinals.
 * Supplementary provisions restart article numbers in a scope of their
 * own: "suppl", its articles "suppl:1", "suppl:1.2", its paragraphs (when
 * it has no articles) "suppl:1"; a second set is "suppl2".  Appended
 * tables are "table1". */

typedef struct keyctx {
  ty_doc *d;
  const cinfo *info; /* NULL: one scope */
  int dotted, statute;
} keyctx;

static int scope_of(const keyctx *x, size_t i) {
  return x->info ? x->info[i].scope : 1;
}

static void key_component(ty_buf *k, const ty_clause *c, int alpha) {
  if (alpha && c->ordinal >= 1 && c->ordinal <= 26)
    ty_buf_putc(k, (char)('A' + c->ordinal - 1));
  else
    ty_buf_printf(k, "%d", c->ordinal);
  if (c->branch) ty_buf_printf(k, "-%d", c->branch);
}

static int is_section_level(const keyctx *x, const ty_clause *c) {
  if (c->kind == TY_K_DOTTED) return 1;
  /* "Chapter 3" and "第3章" stand where another text writes "3." */
  if (x->dotted && (c->kind == TY_K_EN_CHAPTER || c->kind == TY_K_JA_CHAPTER ||
                    is_appendix(c->kind)))
    return 1;
  return x->dotted && c->depth == 1 && c->deco == TY_D_DOT &&
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

/* The prefix of a grouping heading's key. */
static const char *group_word(ty_kind k) {
  switch (statute_rank(k)) {
  case R_PART: return "pt";
  case R_CHAPTER: return "ch";
  case R_SECTION: return "sec";
  case R_SUBSECTION: return "sub";
  case R_DIVISION: return "div";
  default: return NULL;
  }
}

/* The nearest supplementary provisions above clause i, or -1. */
static int suppl_above(const ty_doc *d, size_t i) {
  for (int p = d->cl[i].parent; p >= 0; p = d->cl[p].parent)
    if (is_suppl(d->cl[p].kind)) return p;
  return -1;
}

static void statute_key(ty_buf *k, const ty_doc *d, size_t i, char **keys,
                        int *nsuppl) {
  const ty_clause *c = &d->cl[i];
  int p = c->parent;
  const char *word = group_word(c->kind);
  if (is_suppl(c->kind)) {
    if (++*nsuppl == 1)
      ty_buf_puts(k, "suppl");
    else
      ty_buf_printf(k, "suppl%d", *nsuppl);
  } else if (is_appendix(c->kind)) {
    ty_buf_puts(k, "table");
    key_component(k, c, 0);
  } else if (word) {
    if (p >= 0) ty_buf_printf(k, "%s.", keys[p]);
    ty_buf_puts(k, word);
    key_component(k, c, 0);
  } else if (is_article(c->kind)) {
    int s = suppl_above(d, i);
    if (s >= 0) ty_buf_printf(k, "%s:", keys[s]);
    key_component(k, c, 0);
  } else if (p < 0) {
    key_component(k, c, 0);
  } else {
    const ty_clause *pc = &d->cl[p];
    ty_buf_puts(k, keys[p]);
    if (is_suppl(pc->kind))
      ty_buf_putc(k, ':');
    else if (is_article(pc->kind) && (pc->flags & TY_CL_PARAS) &&
             c->kind != TY_K_ARABIC)
      ty_buf_puts(k, ".1.");
    else
      ty_buf_putc(k, '.');
    key_component(k, c, 0);
  }
}

static void assign_keys(const keyctx *x) {
  ty_doc *d = x->d;
  ty_buf k = {0};
  int front = 0, nsuppl = 0;
  char **keys = ty_xcalloc(d->ncl ? d->ncl : 1, sizeof *keys);
  /* an article with a numbered paragraph numbers its first one */
  if (x->statute)
    for (size_t i = 0; i < d->ncl; i++) {
      const ty_clause *c = &d->cl[i];
      if (c->kind == TY_K_ARABIC && c->parent >= 0 &&
          is_article(d->cl[c->parent].kind))
        d->cl[c->parent].flags |= TY_CL_PARAS;
    }
  for (size_t i = 0; i < d->ncl; i++) {
    ty_clause *c = &d->cl[i];
    ty_buf_clear(&k);
    if (c->flags & TY_CL_FRONT) {
      if (c->flags & TY_CL_HEADING)
        ty_buf_printf(&k, "s%d", scope_of(x, i));
      else
        ty_buf_printf(&k, "front-%d", ++front);
    } else if (x->statute) {
      statute_key(&k, d, i, keys, &nsuppl);
    } else {
      if (scope_of(x, i) > 1) ty_buf_printf(&k, "s%d:", scope_of(x, i));
      if (c->kind == TY_K_DOTTED || c->parent < 0) {
        if (c->kind == TY_K_DOTTED)
          dotted_key(&k, c);
        else
          key_component(&k, c,
                        is_appendix(c->kind) || (is_section_level(x, c) &&
                                                 c->kind == TY_K_LATIN_UPPER));
      } else {
        const ty_clause *p = &d->cl[c->parent];
        const char *pk = keys[c->parent];
        if (scope_of(x, (size_t)c->parent) > 1) {
          const char *colon = strchr(pk, ':');
          if (colon) pk = colon + 1;
        }
        ty_buf_puts(&k, pk);
        if (is_section_level(x, p) && !is_section_level(x, c)) {
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
 * A run of at least three short numbered clauses at the top of the
 * document, each repeated later by a clause of the same number whose title
 * starts like it (a TOC line may add a page or article range, or wrap), is
 * a table of contents: the clauses are removed (they are not clauses of
 * the document), with the unnumbered headings among them ("Appendix").
 * Runs before keys are written, so that a restart inside the table (the
 * appendix numbered from 1 again) leaves the scopes of the body alone. */

/* The title of a clause: the rest of its marker line, trimmed. */
static size_t title_of(const ty_clause *c, const char **t) {
  const char *s = c->text;
  size_t n = c->text_len;
  const char *nl = memchr(s, '\n', n);
  if (nl) n = (size_t)(nl - s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  while (n && (*s == ' ' || *s == '\t')) {
    s++;
    n--;
  }
  *t = s;
  return n;
}

/* The kind a table-of-contents line uses for a clause: a chapter listed
 * as "1. Title" (debian-faq: "1. 定義と概要" above "第1章定義と概要",
 * "1. Definitions and overview" above "Chapter 1. Definitions and
 * overview") and an appendix listed as "A. Title" number like lists. */
static int toc_kind(ty_kind k) {
  switch (k) {
  case TY_K_JA_CHAPTER:
  case TY_K_EN_CHAPTER: return TY_K_ARABIC;
  case TY_K_JA_APPENDIX:
  case TY_K_EN_APPENDIX: return TY_K_LATIN_UPPER;
  default: return (int)k;
  }
}

static int same_number(const ty_clause *a, const ty_clause *b) {
  if (toc_kind(a->kind) != toc_kind(b->kind) || a->ordinal != b->ordinal ||
      a->branch != b->branch)
    return 0;
  if (a->kind != TY_K_DOTTED) return 1;
  size_t na = a->label_len, nb = b->label_len;
  if (na && a->label[na - 1] == '.') na--;
  if (nb && b->label[nb - 1] == '.') nb--;
  return na == nb && memcmp(a->label, b->label, na) == 0;
}

/* The numbered clauses ordered by number (kind, ordinal, branch), then
 * by position: where a table-of-contents line looks for its repetition,
 * without scanning the whole document for each line. */
typedef struct nument {
  int kind, ordinal, branch, idx;
} nument;

static int nument_cmp(const void *x, const void *y) {
  const nument *a = x, *b = y;
  if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
  if (a->ordinal != b->ordinal) return a->ordinal < b->ordinal ? -1 : 1;
  if (a->branch != b->branch) return a->branch < b->branch ? -1 : 1;
  return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int toc_entry_recurs(const ty_doc *d, const nument *v, size_t nv,
                            size_t j) {
  const ty_clause *c = &d->cl[j];
  const char *t;
  size_t n = title_of(c, &t);
  if (!n && !is_suppl(c->kind)) return 0;
  /* the first entry after clause j in its number's group */
  nument key = {toc_kind(c->kind), c->ordinal, c->branch, (int)j};
  size_t lo = 0, hi = nv;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (nument_cmp(&v[mid], &key) <= 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t k = lo; k < nv && v[k].kind == key.kind &&
                      v[k].ordinal == key.ordinal && v[k].branch == key.branch;
       k++) {
    const ty_clause *o = &d->cl[v[k].idx];
    if (!same_number(c, o)) continue;
    const char *u;
    size_t m = title_of(o, &u);
    if (memcmp(t, u, n < m ? n : m) == 0) return 1;
  }
  return 0;
}

/* "目次", "Contents", "Table of Contents": the label over a table of
 * contents. */
static int is_toc_label(const ty_clause *c) {
  static const char *const labels[] = {"contents", "table of contents",
                                       "\xE7\x9B\xAE\xE6\xAC\xA1",
                                       "\xE7\x9B\xAE\xE3\x80\x80\xE6\xAC\xA1"};
  if ((c->flags & (TY_CL_FRONT | TY_CL_HEADING)) != TY_CL_FRONT) return 0;
  const char *t;
  size_t n = title_of(c, &t);
  if (n != c->text_len) return 0;
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
    if (strlen(labels[i]) == n && strncasecmp(t, labels[i], n) == 0) return 1;
  return 0;
}

/* A long table-of-contents entry is its sub-entries (debian-faq: the
 * indented "    3.1.1. …" lines under "3. Debian ディストリビューションの選択"
 * stay in its text, being in the middle of a paragraph, and long titles
 * wrap): at least a quarter of its lines after the first start with a
 * number. */
static int lists_subentries(const ty_clause *c) {
  size_t lines = 0, numbered = 0;
  const char *s = c->text, *end = c->text + c->text_len;
  const char *nl = memchr(s, '\n', c->text_len);
  while (nl && nl < end) {
    s = nl + 1;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '*'))
      s++;
    lines++;
    if (s < end && *s >= '0' && *s <= '9') numbered++;
    nl = memchr(s, '\n', (size_t)(end - s));
  }
  return lines && 4 * numbered >= lines;
}

static void drop_toc(builder *b) {
  ty_doc *d = b->doc;
  size_t first = 0;
  while (first < d->ncl &&
         (d->cl[first].flags & (TY_CL_FRONT | TY_CL_HEADING)) == TY_CL_FRONT)
    first++;
  nument *order = ty_xmalloc((d->ncl ? d->ncl : 1) * sizeof *order);
  size_t norder = 0;
  for (size_t i = first; i < d->ncl; i++) {
    const ty_clause *c = &d->cl[i];
    if (c->flags & TY_CL_FRONT) continue;
    nument e = {toc_kind(c->kind), c->ordinal, c->branch, (int)i};
    order[norder++] = e;
  }
  qsort(order, norder, sizeof *order, nument_cmp);
  size_t end = first, numbered = 0;
  /* a table lists each section once: per depth, the last number */
  enum { TOC_DEPTHS = 64 };
  int last[TOC_DEPTHS] = {0}, last_branch[TOC_DEPTHS] = {0};
  int last_kind[TOC_DEPTHS] = {0};
  while (end < d->ncl) {
    const ty_clause *c = &d->cl[end];
    if (c->text_len > 400 && !lists_subentries(c)) break;
    if (c->flags & TY_CL_FRONT) {
      if (!(c->flags & TY_CL_HEADING)) break;
      /* a scope heading in the table ("Appendix"): numbers start again */
      for (int k = 0; k < TOC_DEPTHS; k++)
        last[k] = last_branch[k] = last_kind[k] = 0;
    } else if (toc_entry_recurs(d, order, norder, end)) {
      int dp = c->depth < TOC_DEPTHS ? c->depth : TOC_DEPTHS - 1;
      if (last_kind[dp] == (int)c->kind && c->ordinal == last[dp] &&
          c->branch == last_branch[dp])
        break; /* the same number twice in a row: not a table */
      last[dp] = c->ordinal;
      last_branch[dp] = c->branch;
      last_kind[dp] = (int)c->kind;
      for (int k = dp + 1; k < TOC_DEPTHS; k++)
        last[k] = last_branch[k] = last_kind[k] = 0;
      numbered++;
    } else {
      break;
    }
    end++;
  }
  free(order);
  while (end > first && (d->cl[end - 1].flags & TY_CL_FRONT))
    end--;
  if (numbered < 3) return;
  /* the table's own label goes with it */
  if (first > 0 && is_toc_label(&d->cl[first - 1])) first--;
  size_t run = end - first;
  /* indices shift: fix parents of the clauses that remain */
  for (size_t i = end; i < d->ncl; i++) {
    ty_clause *c = &d->cl[i];
    if (c->parent >= (int)end)
      c->parent -= (int)run;
    else if (c->parent >= (int)first)
      c->parent = -1;
  }
  memmove(&d->cl[first], &d->cl[end], (d->ncl - end) * sizeof *d->cl);
  memmove(&b->info[first], &b->info[end], (d->ncl - end) * sizeof *b->info);
  d->ncl -= run;
  /* a clause placed under a heading of the table is at the top now */
  for (size_t i = first; i < d->ncl; i++) {
    ty_clause *c = &d->cl[i];
    if (!(c->flags & TY_CL_FRONT))
      c->depth = c->parent < 0 ? 1 : d->cl[c->parent].depth + 1;
  }
  /* scopes opened inside the table are gone: number them again */
  int last_old = 0, next = 0;
  for (size_t i = 0; i < d->ncl; i++) {
    int s = b->info[i].scope;
    if ((d->cl[i].flags & (TY_CL_FRONT | TY_CL_HEADING)) == TY_CL_FRONT) {
      b->info[i].scope = next ? next : 1; /* front matter has no scope */
      continue;
    }
    if (s != last_old) {
      last_old = s;
      next++;
    }
    b->info[i].scope = next;
  }
}

/* ---- sequence findings ----------------------------------------------------
 */

typedef struct keyent {
  const char *key;
  int idx;
} keyent;

static int keyent_cmp(const void *a, const void *b) {
  const keyent *x = a, *y = b;
  int r = strcmp(x->key, y->key);
  return r ? r : x->idx - y->idx;
}

enum { NCLASS = 3 + R_PARA + 1 };

/* Which numbers count as one sequence: dotted sections, appendix letters
 * and lists apart; each structural rank apart. */
static int seq_class(const ty_doc *d, const ty_clause *c, int statute) {
  if (statute && statute_rank(c->kind) != R_LIST)
    return 3 + statute_rank(c->kind);
  if (statute && c->kind == TY_K_ARABIC && c->parent >= 0 &&
      is_article(d->cl[c->parent].kind))
    return 3 + R_PARA; /* paragraphs apart from the items of the first */
  if (c->kind == TY_K_DOTTED) return 1;
  if (c->kind == TY_K_LATIN_UPPER || is_appendix(c->kind)) return 2;
  return 0;
}

/* The clause whose children a clause is numbered among: its parent, but
 * for an article the supplementary provisions it is in (articles are
 * numbered across chapters), -1 for the top. */
static int seq_parent(const ty_doc *d, size_t i, int statute) {
  if (statute && is_article(d->cl[i].kind)) return suppl_above(d, i);
  return d->cl[i].parent;
}

/* Whether the two clauses after clause i, siblings, are numbered one and
 * two less: the numbers count down from i (a sequence, not gaps and
 * disorder; one swap, 1 3 2 4, is not). */
static int counts_down(const ty_doc *d, size_t i) {
  const ty_clause *c = &d->cl[i];
  if (i + 2 >= d->ncl) return 0;
  for (int k = 1; k <= 2; k++) {
    const ty_clause *o = &d->cl[i + (size_t)k];
    if (o->parent != c->parent || o->kind != c->kind ||
        o->ordinal != c->ordinal - k)
      return 0;
  }
  return 1;
}

static void sequence_findings(ty_doc *d, const cinfo *info, int statute) {
  /* duplicates: the same key twice */
  keyent *v = ty_xmalloc((d->ncl ? d->ncl : 1) * sizeof *v);
  for (size_t i = 0; i < d->ncl; i++) {
    v[i].key = d->cl[i].key;
    v[i].idx = (int)i;
  }
  qsort(v, d->ncl, sizeof *v, keyent_cmp);
  for (size_t i = 1; i < d->ncl; i++) {
    if (strcmp(v[i].key, v[i - 1].key) != 0) continue;
    const ty_clause *a = &d->cl[v[i - 1].idx], *c = &d->cl[v[i].idx];
    if (c->flags & TY_CL_FRONT) continue;
    int line = c->line;
    ty_findings_add(&d->findings, &d->arena, TY_DUPLICATE_NUMBER, c->key,
                    d->lang == TY_JA ? line : 0, d->lang == TY_EN ? line : 0,
                    "%s: %.*s at line %d repeats the number of line %d",
                    d->lang == TY_JA ? "ja" : "en", (int)c->label_len, c->label,
                    line, a->line);
  }
  free(v);
  /* gaps and order among siblings: per parent and sequence class, the
   * last ordinal; the top-level sequences start again in a new scope */
  size_t nslots = NCLASS * (d->ncl + 1);
  int *last = ty_xcalloc(nslots, sizeof *last);
  int *last_line = ty_xcalloc(nslots, sizeof *last_line);
  unsigned char *down = ty_xcalloc(nslots, 1); /* the slot counts down */
  int top_scope = 1;
  for (size_t i = 0; i < d->ncl; i++) {
    const ty_clause *c = &d->cl[i];
    int scope = info ? info[i].scope : 1;
    if (scope != top_scope) {
      for (int k = 0; k < NCLASS; k++)
        last[NCLASS * d->ncl + k] = 0;
      top_scope = scope;
    }
    if (c->flags & TY_CL_FRONT) continue;
    int sp = seq_parent(d, i, statute);
    size_t slot = NCLASS * (sp < 0 ? d->ncl : (size_t)sp) +
                  (size_t)seq_class(d, c, statute);
    int prev = last[slot];
    /* an article's first paragraph carries no number */
    if (statute && prev == 0 && c->kind == TY_K_ARABIC && c->parent >= 0 &&
        is_article(d->cl[c->parent].kind) && c->ordinal > 1)
      prev = 1;
    int line = c->line;
    int ja = d->lang == TY_JA ? line : 0, en = d->lang == TY_EN ? line : 0;
    if (c->branch) {
      /* 第十条の二 follows 第十条: a peer, same ordinal */
      if (c->ordinal != prev && c->ordinal != prev + 1)
        ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_ORDER, c->key, ja,
                        en, "%.*s follows number %d", (int)c->label_len,
                        c->label, prev);
    } else if (is_suppl(c->kind)) {
      /* unnumbered: each set of supplementary provisions stands alone */
    } else if (c->ordinal > prev + 1 && !counts_down(d, i)) {
      if (prev + 1 == c->ordinal - 1)
        ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_GAP, c->key, ja,
                        en, "%.*s: number %d is missing before it",
                        (int)c->label_len, c->label, prev + 1);
      else
        ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_GAP, c->key, ja,
                        en, "%.*s: numbers %d to %d are missing before it",
                        (int)c->label_len, c->label, prev + 1, c->ordinal - 1);
    } else if (c->ordinal == prev - 1 && (down[slot] || counts_down(d, i))) {
      /* a step down that the next clause takes again (not one swap) */
      /* counting down: one finding where it starts, none per step */
      if (!down[slot])
        ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_ORDER, c->key, ja,
                        en, "%.*s: the numbers count down from %d (line %d)",
                        (int)c->label_len, c->label, prev, last_line[slot]);
      down[slot] = 1;
    } else if (c->ordinal < prev) {
      ty_findings_add(&d->findings, &d->arena, TY_NUMBERING_ORDER, c->key, ja,
                      en, "%.*s comes after number %d (line %d)",
                      (int)c->label_len, c->label, prev, last_line[slot]);
    }
    if (c->ordinal != prev - 1) down[slot] = 0;
    if (c->ordinal >= prev || down[slot]) {
      last[slot] = c->ordinal;
      last_line[slot] = line;
    }
  }
  free(last);
  free(last_line);
  free(down);
}

void ty_outline_keys(ty_doc *d, int statute) {
  int dotted = 0; /* as the scan decides it: any dotted marker */
  for (size_t i = 0; i < d->ncl; i++)
    dotted |= d->cl[i].kind == TY_K_DOTTED;
  keyctx x = {d, NULL, dotted, statute};
  assign_keys(&x);
}

void ty_outline_finish(ty_doc *d, int statute) {
  ty_outline_keys(d, statute);
  sequence_findings(d, NULL, statute);
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
static void detect_modes(builder *b, const char *s, size_t n) {
  int lines = 0, blank = 0, articles = 0, underlined = 0;
  size_t i = 0;
  while (i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n;
    if (lines > 0 && lines < 200 && is_blank(s + i, e - i)) blank = 1;
    lines++;
    ty_marker m;
    if (ty_number_parse(s + i, e - i, &m)) {
      if (is_article(m.kind)) articles++;
      size_t len, j = next_line(s, n, e, &len);
      if (j < n && is_adornment(s + j, len)) underlined++;
    }
    i = e + 1;
  }
  b->line_mode = !blank;
  b->statute = articles >= 1;
  b->rst = !b->statute && underlined >= 2;
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

void ty_outline_build(ty_doc *d) {
  builder b = {0};
  b.doc = d;
  b.cur = -1;
  b.scope = 1;
  const char *s = d->text;
  size_t n = d->len;
  detect_modes(&b, s, n);
  int lineno = 0, last_text = 0;
  int prev_blank = 1; /* the line before the first is a paragraph break */
  int front_open = 0; /* a front-matter paragraph is being filled */
  caption cap = {0};
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
    int prev_text = last_text;
    last_text = lineno;
    ty_marker m;
    /* a structured reader's verbatim line (pre, code) starts no clause */
    int verbatim = (size_t)lineno <= d->nverbatim && d->verbatim[lineno - 1];
    if (!verbatim && ty_number_parse(line, len, &m)) {
      if (m.kind == TY_K_DOTTED) m.deco = dotted_dress(line, &m);
      choose_reading(&b, &m);
      /* reST enumerated lists carry a dot or parentheses: a bare number
       * there starts a sentence ("* 7 日以上…") */
      int bare_in_rst = b.rst && m.deco == TY_D_BARE;
      /* "(2) of Article 4" wrapped to the start of a line cites a
       * paragraph; a paragraph itself starts with a capital */
      int citation = m.deco == TY_D_PAREN && is_paragraph(&b, &m) &&
                     m.text_off < len && line[m.text_off] >= 'a' &&
                     line[m.text_off] <= 'z';
      if (!bare_in_rst && !citation &&
          ((para_start && (!m.weak || (m.ordinal > 999 &&
                                       next_paragraph_continues(
                                           &b, s, n, (size_t)(line + len - s),
                                           m.ordinal)))) ||
           continues_sequence(&b, &m, line, len)) &&
          !(m.kind == TY_K_DOTTED && dotted_dress_differs(&b, &m))) {
        front_open = 0;
        if (first_paragraph(&b, &m, line)) continue;
        size_t alen, a = next_line(s, n, (size_t)(line + len - s), &alen);
        int underlined = b.rst && a < n && is_adornment(s + a, alen);
        const char *cut = line;
        int with_caption = b.statute && is_article(m.kind) && cap.line &&
                           cap.lineno == prev_text;
        if (with_caption) {
          cut = cap.line;
          if (cap.own_front) {
            d->ncl--;
            b.cur = cap.prev_cur;
          }
          if (b.cur >= 0) d->cl[b.cur].end_line = cap.prev_end_line;
        }
        start_clause(&b, &m, line, lineno, cut, underlined);
        if (with_caption) {
          b.info[b.cur].caption = cap.line;
          b.info[b.cur].caption_len = cap.len;
        }
        cap.line = NULL;
        continue;
      }
    }
    if (b.statute && is_caption(line, len)) {
      cap.line = line;
      cap.len = len;
      cap.lineno = lineno;
      cap.prev_cur = b.cur;
      cap.prev_end_line = b.cur >= 0 ? d->cl[b.cur].end_line : 0;
    }
    if (b.cur < 0 || (d->cl[b.cur].flags & TY_CL_FRONT &&
                      !(d->cl[b.cur].flags & TY_CL_HEADING) &&
                      (para_start || !front_open))) {
      /* front matter: one clause per paragraph */
      if (b.cur >= 0) close_text(&b, b.cur, line);
      ty_clause *c = new_clause(&b, line, lineno, 1);
      c->flags = TY_CL_FRONT;
      front_open = 1;
      if (cap.line == line) cap.own_front = 1;
    } else if (para_start) {
      b.para_count++;
      b.para_start = line;
      b.para_line = lineno;
      b.para_indent = display_indent(line, len);
      if (cap.line == line) cap.own_front = 0;
    } else if (cap.line == line) {
      cap.own_front = 0;
    }
    d->cl[b.cur].end_line = lineno;
  }
  close_text(&b, b.cur, s + n);
  /* views are final only now: a clause may be closed again by a restart */
  for (size_t k = 0; k < d->ncl; k++)
    fix_text(&b, (int)k);
  drop_toc(&b);
  keyctx x = {d, b.info, b.dotted, b.statute};
  assign_keys(&x);
  sequence_findings(d, b.info, b.statute);
  free(b.stack);
  free(b.info);
}
