/* read_odt.c — OpenDocument text (.odt) documents.
 *
 * styles.xml (named list styles, the outline style) and then content.xml
 * (its automatic list styles come before the body) are streamed through
 * libxml2's SAX2 parser.  Every text:p and text:h of office:text is a
 * paragraph; the first paragraph of a text:list-item shows the number
 * its list style gives that level (style:num-format, num-prefix,
 * num-suffix, text:display-levels, text:start-value, an item's own
 * start value; text:continue-list and text:continue-numbering carry the
 * counters on); a heading outside a list is numbered by the outline
 * style.  A table row is one line of its cells; a note's body follows
 * the paragraph that cites it; tracked changes (text:tracked-changes,
 * where deleted text is kept) and annotations are not text.  Positions:
 * the paragraph's number, counting every text:p and text:h of the body
 * from 1.  Language: the automatic styles of content.xml (a paragraph's,
 * a span's: direct formatting) mark their text with fo:language and
 * fo:country (style:language-asian for Japanese characters); named
 * styles and defaults do not (LibreOffice 7.4 writes its locale there,
 * en-US and zh-CN on this machine for a Japanese page, and an automatic
 * text style fo:language="en" fo:country="US" on the spans its HTML
 * marked lang="en"). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define STYLE_NS "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define XML_NS "http://www.w3.org/XML/1998/namespace"
#define FO_NS "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define MAX_SPANS 8
#define NLEV 10
#define MAX_NEST 4
#define MAX_LISTS 32

typedef struct olevel {
  char fmt[40]; /* a Word format name (decimal, lowerLetter, ...); "" none */
  char prefix[32], suffix[32];
  int display, start, bullet, set;
} olevel;

typedef struct lstyle {
  char *name;
  olevel lv[NLEV];
} lstyle;

/* The counters of a list (shared by the lists that continue it). */
typedef struct lstate {
  char *id, *style;
  int count[NLEV], started[NLEV];
} lstate;

typedef struct opara {
  ty_buf text;
  int pos;
  const char *lang[2]; /* its automatic style's languages (see on_chars) */
  ty_office_langs langs;
} opara;

/* An automatic style that marks a language: [0] fo:language, [1]
 * style:language-asian. */
typedef struct lang_style {
  char *name;
  const char *lang[2];
} lang_style;

typedef struct odt {
  ty_office_walk w; /* first: libxml2's error handler is given the odt */
  const char *name;
  ty_office_text *t;
  ty_wnum *fmt; /* for the numerals only */
  lstyle *ls;
  size_t nls;
  lstyle *cur_style; /* the list style being read */
  lstate *st;
  size_t nst;
  int outline[NLEV], outline_started[NLEV];
  /* the open lists: their state, style and whether the current item is
   * still to be numbered (its start value, -1 when none) */
  int list_state[MAX_LISTS];
  const char *list_style[MAX_LISTS];
  int item_pending[MAX_LISTS], item_start[MAX_LISTS], item_header[MAX_LISTS];
  int nlists;
  int in_body;
  opara p[MAX_NEST];
  int np, para_no;
  int rows, row_pos;
  ty_buf row;
  int in_note;        /* depth of text:note-body nesting */
  ty_buf note, notes; /* the note being read; notes to show after */
  ty_buf label;
  int in_auto; /* in content.xml's office:automatic-styles */
  int content; /* walking content.xml */
  lang_style *lst;
  size_t nlst;
  lang_style cur;                 /* the automatic style being read */
  const char *span[MAX_SPANS][2]; /* the open spans' languages */
  int nspan;
  ty_office_langs row_langs;
} odt;

static int is(const xmlChar *uri, const char *ns) {
  return uri && strcmp((const char *)uri, ns) == 0;
}

/* ---- list styles --------------------------------------------------------- */

/* ODF's style:num-format as a Word format name (wordnum.c writes both);
 * LibreOffice writes its Japanese sequences by their first members. */
static void word_format(const char *f, char *out, size_t cap) {
  static const char *const map[][2] = {
      {"1", "decimal"},
      {"a", "lowerLetter"},
      {"A", "upperLetter"},
      {"i", "lowerRoman"},
      {"I", "upperRoman"},
      {"１, ２, ３, ...", "decimalFullWidth"},
      {"一, 二, 三, ...", "japaneseCounting"},
      {"壱, 弐, 参, ...", "japaneseLegal"},
      {"イ, ロ, ハ, ...", "irohaFullWidth"},
      {"ｲ, ﾛ, ﾊ, ...", "iroha"},
      {"ア, イ, ウ, ...", "aiueoFullWidth"},
      {"ｱ, ｲ, ｳ, ...", "aiueo"},
      {"①, ②, ③, ...", "decimalEnclosedCircle"},
      {"甲, 乙, 丙, ...", "ideographTraditional"},
      {"子, 丑, 寅, ...", "ideographZodiac"},
      {"〇, 一, 二, ...", "ideographDigital"}};
  for (size_t i = 0; i < sizeof map / sizeof *map; i++)
    if (strcmp(f, map[i][0]) == 0) {
      snprintf(out, cap, "%s", map[i][1]);
      return;
    }
  snprintf(out, cap, "%s", *f ? "decimal" : "");
}

static lstyle *find_lstyle(odt *x, const char *name) {
  for (size_t i = 0; name && i < x->nls; i++)
    if (strcmp(x->ls[i].name, name) == 0) return &x->ls[i];
  return NULL;
}

static void start_lstyle(odt *x, const char *name) {
  x->ls = ty_xrealloc(x->ls, (x->nls + 1) * sizeof *x->ls);
  lstyle *s = &x->ls[x->nls++];
  memset(s, 0, sizeof *s);
  s->name = ty_xstrdup(name);
  x->cur_style = s;
}

static void read_level(odt *x, const xmlChar **a, int n, int bullet) {
  int l = ty_office_iattr(a, n, TEXT_NS, "level", 0) - 1;
  if (!x->cur_style || l < 0 || l >= NLEV) return;
  olevel *v = &x->cur_style->lv[l];
  char b[64];
  const char *f = ty_office_attr(a, n, STYLE_NS, "num-format", b, sizeof b);
  word_format(f ? f : "", v->fmt, sizeof v->fmt);
  if (!ty_office_attr(a, n, STYLE_NS, "num-prefix", v->prefix,
                      sizeof v->prefix))
    v->prefix[0] = '\0';
  if (!ty_office_attr(a, n, STYLE_NS, "num-suffix", v->suffix,
                      sizeof v->suffix))
    v->suffix[0] = '\0';
  v->display = ty_office_iattr(a, n, TEXT_NS, "display-levels", 1);
  v->start = ty_office_iattr(a, n, TEXT_NS, "start-value", 1);
  v->bullet = bullet;
  v->set = 1;
}

/* ---- numbers ------------------------------------------------------------ */

static const olevel *level_of(odt *x, const char *style, int l) {
  const lstyle *s = find_lstyle(x, style);
  return s && s->lv[l].set ? &s->lv[l] : NULL;
}

/* Writes the label of level l (0-based) from counters c under style. */
static void put_label(odt *x, const char *style, int l, const int *c,
                      ty_buf *out) {
  const olevel *v = level_of(x, style, l);
  if (!v) return;
  if (v->bullet) {
    ty_buf_puts(out, "- ");
    return;
  }
  if (!v->fmt[0]) return;
  ty_buf_puts(out, v->prefix);
  int from = l - (v->display > 1 ? v->display - 1 : 0);
  for (int k = from < 0 ? 0 : from; k <= l; k++) {
    const olevel *u = level_of(x, style, k);
    if (k < l) {
      ty_wnum_format(x->fmt, u && u->fmt[0] ? u->fmt : "decimal", c[k], out);
      ty_buf_putc(out, '.');
    } else {
      ty_wnum_format(x->fmt, v->fmt, c[k], out);
    }
  }
  ty_buf_puts(out, v->suffix);
  ty_buf_putc(out, ' ');
}

/* Counts the item at list level l (0-based) of state s. */
static void count(int *c, int *started, int l, int start) {
  c[l] = started[l] ? c[l] + 1 : start;
  started[l] = 1;
  for (int k = l + 1; k < NLEV; k++)
    started[k] = 0;
}

/* The label of a paragraph that starts a list item, or of a heading. */
static void para_label(odt *x, int heading_level, ty_buf *out) {
  int li = x->nlists - 1;
  if (li >= 0 && x->item_pending[li]) {
    x->item_pending[li] = 0;
    if (x->item_header[li]) return;
    int l = li < NLEV ? li : NLEV - 1;
    lstate *s = &x->st[x->list_state[0]];
    const olevel *v = level_of(x, x->list_style[li], l);
    int start = x->item_start[li] >= 0 ? x->item_start[li] : v ? v->start : 1;
    count(s->count, s->started, l, start);
    for (int k = 0; k < l; k++)
      if (!s->started[k]) {
        const olevel *u = level_of(x, x->list_style[li], k);
        s->count[k] = u ? u->start : 1;
      }
    put_label(x, x->list_style[li], l, s->count, out);
  } else if (li < 0 && heading_level > 0 && heading_level <= NLEV) {
    int l = heading_level - 1;
    const olevel *v = level_of(x, "\001outline", l);
    if (!v || !v->fmt[0]) return;
    count(x->outline, x->outline_started, l, v->start);
    put_label(x, "\001outline", l, x->outline, out);
  }
}

/* A top-level list's counters: those of the list it continues, else new. */
static int list_state_for(odt *x, const xmlChar **a, int n, const char *style) {
  char id[128], cont[128], b[16];
  const char *c =
      ty_office_attr(a, n, TEXT_NS, "continue-list", cont, sizeof cont);
  const char *cn =
      ty_office_attr(a, n, TEXT_NS, "continue-numbering", b, sizeof b);
  for (size_t i = x->nst; i-- > 0;) {
    if (c && x->st[i].id && strcmp(x->st[i].id, c) == 0) return (int)i;
    if (!c && cn && strcmp(cn, "true") == 0 && style &&
        strcmp(x->st[i].style, style) == 0)
      return (int)i;
  }
  x->st = ty_xrealloc(x->st, (x->nst + 1) * sizeof *x->st);
  lstate *s = &x->st[x->nst];
  memset(s, 0, sizeof *s);
  const char *i = ty_office_attr(a, n, XML_NS, "id", id, sizeof id);
  s->id = i ? ty_xstrdup(i) : NULL;
  s->style = ty_xstrdup(style ? style : "");
  return (int)x->nst++;
}

/* ---- the SAX walk ------------------------------------------------------- */

static ty_buf *sink(odt *x) {
  if (x->in_note && !x->np) return &x->note;
  return x->np ? &x->p[x->np - 1].text : NULL;
}

static void put_char(odt *x, char c) {
  ty_buf *b = sink(x);
  if (b) ty_buf_putc(b, c);
}

static void flush_notes(odt *x, int pos) {
  const char *s = x->notes.p;
  for (size_t i = 0; i < x->notes.n;) {
    const char *e = memchr(s + i, '\001', x->notes.n - i);
    size_t k = e ? (size_t)(e - s) : x->notes.n;
    ty_office_para(x->t, s + i, k - i, pos);
    i = k + 1;
  }
  ty_buf_clear(&x->notes);
}

static void start_para(odt *x, int heading_level) {
  if (!x->in_note) x->para_no++;
  if (x->np == MAX_NEST) {
    x->np--;
    return;
  }
  opara *p = &x->p[x->np++];
  ty_buf_clear(&p->text);
  p->pos = x->para_no;
  p->lang[0] = p->lang[1] = NULL;
  p->langs.n = 0;
  p->langs.marked = p->langs.marked_bytes = 0;
  if (!x->in_note) para_label(x, heading_level, &p->text);
}

static void end_para(odt *x) {
  opara *p = &x->p[--x->np];
  const char *s = p->text.p ? p->text.p : "";
  size_t n = p->text.n;
  /* a cell's characters count for its row's language */
  if (x->rows && !x->in_note && x->np == 0)
    ty_office_langs_merge(&x->row_langs, &p->langs);
  x->t->lang = ty_office_para_lang(&p->langs, s, n);
  if (x->in_note) {
    ty_office_line(&x->note, s, n);
  } else if (x->np > 0) {
    ty_office_para(x->t, s, n, p->pos); /* a frame's paragraph */
  } else if (x->rows) {
    ty_office_cell(&x->row, s, n);
  } else {
    ty_office_para(x->t, s, n, p->pos);
    x->t->lang = NULL;
    flush_notes(x, p->pos);
  }
  x->t->lang = NULL;
}

/* ---- languages ---------------------------------------------------------- */

static const lang_style *find_lang_style(const odt *x, const xmlChar **a,
                                         int n) {
  char b[128];
  const char *name = ty_office_attr(a, n, TEXT_NS, "style-name", b, sizeof b);
  for (size_t i = 0; name && i < x->nlst; i++)
    if (strcmp(x->lst[i].name, name) == 0) return &x->lst[i];
  return NULL;
}

/* An element of office:automatic-styles: a style:style, its
 * style:text-properties. */
static void auto_style(odt *x, const char *n, const xmlChar **a, int na) {
  char b[128], c[16];
  if (strcmp(n, "style") == 0) {
    free(x->cur.name);
    const char *name = ty_office_attr(a, na, STYLE_NS, "name", b, sizeof b);
    x->cur.name = name ? ty_xstrdup(name) : NULL;
    x->cur.lang[0] = x->cur.lang[1] = NULL;
  } else if (strcmp(n, "text-properties") == 0 && x->cur.name) {
    const char *l = ty_office_attr(a, na, FO_NS, "language", b, sizeof b);
    const char *k = ty_office_attr(a, na, FO_NS, "country", c, sizeof c);
    if (l) x->cur.lang[0] = ty_office_lang(x->t, l, k);
    l = ty_office_attr(a, na, STYLE_NS, "language-asian", b, sizeof b);
    k = ty_office_attr(a, na, STYLE_NS, "country-asian", c, sizeof c);
    if (l) x->cur.lang[1] = ty_office_lang(x->t, l, k);
  }
}

static void end_auto_style(odt *x) {
  if (x->cur.name && (x->cur.lang[0] || x->cur.lang[1])) {
    x->lst = ty_xrealloc(x->lst, (x->nlst + 1) * sizeof *x->lst);
    x->lst[x->nlst++] = x->cur;
  } else {
    free(x->cur.name);
  }
  x->cur.name = NULL;
}

/* The languages the text read now is marked in: the innermost span's,
 * else its paragraph's, slot by slot. */
static const char *const *text_lang(odt *x) {
  if (x->nspan)
    return x->span[(x->nspan < MAX_SPANS ? x->nspan : MAX_SPANS) - 1];
  return x->np ? x->p[x->np - 1].lang : NULL;
}

static void open_span(odt *x, const xmlChar **a, int n) {
  const char *const *outer = text_lang(x);
  const lang_style *s = find_lang_style(x, a, n);
  if (x->nspan < MAX_SPANS)
    for (int k = 0; k < 2; k++)
      x->span[x->nspan][k] = s && s->lang[k] ? s->lang[k]
                             : outer         ? outer[k]
                                             : NULL;
  x->nspan++;
}

static void start_list(odt *x, const xmlChar **a, int n) {
  char b[128];
  const char *style = ty_office_attr(a, n, TEXT_NS, "style-name", b, sizeof b);
  int li = x->nlists;
  if (li == MAX_LISTS) return;
  const lstyle *s = find_lstyle(x, style);
  x->list_style[li] = s ? s->name : li ? x->list_style[li - 1] : NULL;
  x->list_state[li] =
      li ? x->list_state[0] : list_state_for(x, a, n, x->list_style[li]);
  x->item_pending[li] = 0;
  x->nlists++;
}

/* Elements whose content is not the document's text as it stands. */
static int ignored(odt *x, const xmlChar *uri, const char *n) {
  if (is(uri, TEXT_NS) && strcmp(n, "tracked-changes") == 0) {
    x->t->revisions = 1;
    return 1;
  }
  if (is(uri, TEXT_NS) && strcmp(n, "changed-region") == 0) return 1;
  if (is(uri, OFFICE_NS) && strcmp(n, "annotation") == 0) return 1;
  if (is(uri, TEXT_NS) &&
      (strcmp(n, "note-citation") == 0 || strcmp(n, "number") == 0 ||
       strcmp(n, "sequence-decls") == 0))
    return 1;
  return is(uri, TABLE_NS) && strcmp(n, "covered-table-cell") == 0;
}

static void on_style(odt *x, const char *n, const xmlChar **a, int na) {
  char b[128];
  if (strcmp(n, "list-style") == 0) {
    const char *name = ty_office_attr(a, na, STYLE_NS, "name", b, sizeof b);
    if (name) start_lstyle(x, name);
  } else if (strcmp(n, "outline-style") == 0) {
    start_lstyle(x, "\001outline");
  } else if (strcmp(n, "list-level-style-number") == 0 ||
             strcmp(n, "outline-level-style") == 0) {
    read_level(x, a, na, 0);
  } else if (strcmp(n, "list-level-style-bullet") == 0) {
    read_level(x, a, na, 1);
  }
}

static void on_text(odt *x, const char *n, const xmlChar **a, int na) {
  if (strcmp(n, "p") == 0 || strcmp(n, "h") == 0) {
    char b[16];
    const char *hdr =
        ty_office_attr(a, na, TEXT_NS, "is-list-header", b, sizeof b);
    int lev = n[0] == 'h' && !(hdr && strcmp(hdr, "true") == 0)
                  ? ty_office_iattr(a, na, TEXT_NS, "outline-level", 1)
                  : 0;
    start_para(x, lev);
    const lang_style *s = find_lang_style(x, a, na);
    if (s && x->np) memcpy(x->p[x->np - 1].lang, s->lang, sizeof s->lang);
  } else if (strcmp(n, "span") == 0) {
    open_span(x, a, na);
  } else if (strcmp(n, "list") == 0) {
    start_list(x, a, na);
  } else if ((strcmp(n, "list-item") == 0 || strcmp(n, "list-header") == 0) &&
             x->nlists) {
    int li = x->nlists - 1;
    x->item_pending[li] = 1;
    x->item_header[li] = n[5] == 'h';
    x->item_start[li] = ty_office_iattr(a, na, TEXT_NS, "start-value", -1);
  } else if (strcmp(n, "s") == 0) {
    int c = ty_office_iattr(a, na, TEXT_NS, "c", 1);
    for (int i = 0; i < c && i < 64; i++)
      put_char(x, ' ');
  } else if (strcmp(n, "tab") == 0) {
    put_char(x, ' ');
  } else if (strcmp(n, "line-break") == 0) {
    put_char(x, '\n');
  } else if (strcmp(n, "note-body") == 0) {
    x->in_note++;
    ty_buf_clear(&x->note);
  }
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
                     const xmlChar *uri, int nns, const xmlChar **ns, int nattr,
                     int ndef, const xmlChar **attrs) {
  odt *x = ctx;
  if (ty_office_enter(&x->w)) return;
  const char *n = (const char *)local;
  if (ignored(x, uri, n)) {
    ty_office_skip(&x->w);
    return;
  }
  if (is(uri, OFFICE_NS) && strcmp(n, "text") == 0) x->in_body++;
  if (is(uri, OFFICE_NS) && strcmp(n, "automatic-styles") == 0)
    x->in_auto = x->content;
  if (x->in_auto && is(uri, STYLE_NS))
    auto_style(x, n, attrs, nattr);
  else if (is(uri, TEXT_NS) && !x->in_body)
    on_style(x, n, attrs, nattr);
  else if (is(uri, TEXT_NS))
    on_text(x, n, attrs, nattr);
  else if (x->in_body && is(uri, TABLE_NS) && strcmp(n, "table-row") == 0 &&
           x->rows++ == 0) {
    ty_buf_clear(&x->row);
    x->row_pos = x->para_no + 1;
  }
}

static void end_row(odt *x) {
  if (x->in_note) {
    ty_office_line(&x->note, x->row.p ? x->row.p : "", x->row.n);
  } else {
    x->t->lang = ty_office_para_lang(&x->row_langs, x->row.p, x->row.n);
    ty_office_para(x->t, x->row.p ? x->row.p : "", x->row.n, x->row_pos);
    x->t->lang = NULL;
    flush_notes(x, x->row_pos);
  }
  ty_buf_clear(&x->row);
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix,
                   const xmlChar *uri) {
  odt *x = ctx;
  if (ty_office_leave(&x->w)) return;
  const char *n = (const char *)local;
  if (is(uri, OFFICE_NS) && strcmp(n, "text") == 0 && x->in_body) {
    x->in_body--;
  } else if (is(uri, OFFICE_NS) && strcmp(n, "automatic-styles") == 0) {
    x->in_auto = 0;
  } else if (x->in_auto && is(uri, STYLE_NS) && strcmp(n, "style") == 0) {
    end_auto_style(x);
  } else if (is(uri, TEXT_NS) && x->in_body && strcmp(n, "span") == 0) {
    if (x->nspan) x->nspan--;
  } else if (is(uri, TEXT_NS) && !x->in_body) {
    if (strcmp(n, "list-style") == 0 || strcmp(n, "outline-style") == 0)
      x->cur_style = NULL;
  } else if (is(uri, TEXT_NS) && (strcmp(n, "p") == 0 || strcmp(n, "h") == 0)) {
    if (x->np) end_para(x);
  } else if (is(uri, TEXT_NS) && strcmp(n, "list") == 0) {
    if (x->nlists) x->nlists--;
  } else if (is(uri, TEXT_NS) && strcmp(n, "note-body") == 0 && x->in_note) {
    if (--x->in_note == 0 && x->note.n) {
      if (x->notes.n) ty_buf_putc(&x->notes, '\001');
      ty_buf_put(&x->notes, x->note.p, x->note.n);
    }
  } else if (is(uri, TABLE_NS) && strcmp(n, "table-row") == 0 && x->rows &&
             --x->rows == 0) {
    end_row(x);
  }
}

static void on_chars(void *ctx, const xmlChar *s, int len) {
  odt *x = ctx;
  if (x->w.skip_at || !x->in_body) return;
  ty_buf *b = sink(x);
  if (!b) return;
  ty_office_chars(b, (const char *)s, (size_t)len);
  const char *const *lang = text_lang(x);
  if (x->np && lang && (lang[0] || lang[1]))
    ty_office_count(x->t, &x->p[x->np - 1].langs, lang, (const char *)s,
                    (size_t)len);
}

static int walk(odt *x, ty_zip *z, const char *part, int required,
                ty_error *err) {
  ty_buf b = {0};
  int rc = ty_zip_read(z, part, TY_ZIP_MEMBER_LIMIT, &b, err);
  if (rc == 1 && required)
    rc = ty_error_set(err, TY_ERR_SYNTAX, x->name, 0, 0,
                      "no %s: not an OpenDocument text", part);
  if (rc == 0 && required) ty_office_reserve(x->t, b.n);
  if (rc == 0) {
    xmlSAXHandler h;
    memset(&h, 0, sizeof h);
    h.initialized = XML_SAX2_MAGIC;
    h.startElementNs = on_start;
    h.endElementNs = on_end;
    h.characters = on_chars;
    h.serror = (xmlStructuredErrorFunc)ty_office_xml_error;
    x->w.depth = x->w.skip_at = x->in_body = x->np = x->rows = x->nlists = 0;
    x->in_note = x->in_auto = x->nspan = 0;
    x->content = required;
    if (xmlSAXUserParseMemory(&h, x, b.p ? b.p : "", (int)b.n) != 0 ||
        x->w.errmsg[0])
      rc = ty_office_xml_failed(&x->w, err, x->name, part);
  }
  ty_buf_free(&b);
  return rc < 0 ? -1 : 0;
}

int ty_read_odt(ty_zip *z, const char *name, ty_office_text *t, ty_error *err) {
  odt x = {0};
  x.name = name;
  x.t = t;
  x.fmt = ty_wnum_load(NULL, 0);
  int rc = walk(&x, z, "styles.xml", 0, err);
  if (rc == 0) rc = walk(&x, z, "content.xml", 1, err);
  for (size_t i = 0; i < x.nls; i++)
    free(x.ls[i].name);
  for (size_t i = 0; i < x.nlst; i++)
    free(x.lst[i].name);
  free(x.lst);
  free(x.cur.name);
  for (size_t i = 0; i < x.nst; i++) {
    free(x.st[i].id);
    free(x.st[i].style);
  }
  for (int i = 0; i < MAX_NEST; i++)
    ty_buf_free(&x.p[i].text);
  free(x.ls);
  free(x.st);
  ty_buf_free(&x.row);
  ty_buf_free(&x.note);
  ty_buf_free(&x.notes);
  ty_buf_free(&x.label);
  ty_wnum_free(x.fmt);
  return rc;
}
