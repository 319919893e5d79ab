/* read_docx.c — Word (.docx, OOXML WordprocessingML) documents.
 *
 * The main part (found through _rels/.rels, normally word/document.xml)
 * is streamed through libxml2's SAX2 parser: every w:p is a paragraph,
 * shown with the number Word computes for it (wordnum.c) from its own
 * w:numPr or its style's (styles.xml, through w:basedOn; the default
 * paragraph style too); a table row (w:tr) is one line of its cells;
 * footnotes and endnotes (footnotes.xml, endnotes.xml) follow the
 * paragraph that refers to them.  Tracked changes read as accepted:
 * w:del and w:moveFrom are dropped, w:ins and w:moveTo kept, and the
 * file is noted as having revisions.  Comments, field instructions,
 * deleted text, the old properties of a change (w:pPrChange) and
 * mc:Fallback copies are not text.  Positions: the paragraph's number in
 * the document, counting every w:p of the main part from 1; in a file
 * that marks its pages (Word's w:lastRenderedPageBreak, the page breaks
 * w:br w:type="page" and w:pageBreakBefore), page * 1000 + the
 * paragraph's number on its page, as a PDF's page * 1000 + line.
 *
 * Language: a run's own w:lang (w:eastAsia for its Japanese characters,
 * w:val for the others) marks its text; the languages of the document's
 * defaults and styles do not, being the producer's locale, not the
 * text's (LibreOffice 7.4 writes en-US and zh-CN there on this machine
 * for a Japanese page, and w:lang w:val="en-US" on exactly the runs its
 * HTML marked lang="en"; Word tags runs by the keyboard language only
 * where it differs from the defaults).  A footnote's text is read in the
 * document's language. */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define MAX_NEST 4 /* paragraphs inside text boxes inside paragraphs */
#define MAX_REFS 64
#define NSLOT 128 /* the element table's slots: a power of two */

/* The WordprocessingML elements the walk tells apart.  Those from E_DEL
 * on are not text of the document as it stands (E_DEL and E_MOVEFROM:
 * tracked deletions). */
enum el {
  E_OTHER,
  E_P,
  E_PPR,
  E_PSTYLE,
  E_NUMPR,
  E_NUMID,
  E_ILVL,
  E_T,
  E_TAB,
  E_PTAB,
  E_BR,
  E_CR,
  E_NOBREAKHYPHEN,
  E_LASTPAGEBREAK,
  E_PAGEBREAKBEFORE,
  E_INS,
  E_MOVETO,
  E_FOOTNOTEREF,
  E_ENDNOTEREF,
  E_TR,
  E_FOOTNOTE,
  E_ENDNOTE,
  E_R,
  E_RPR,
  E_LANG,
  E_DEL,
  E_MOVEFROM,
  E_INSTRTEXT,
  E_DELTEXT,
  E_PPRCHANGE,
  E_RPRCHANGE,
  E_NUMBERINGCHANGE,
  E_SECTPR,
  E_COMMENTREF,
  E_TBLPRCHANGE,
  E_TRPRCHANGE,
  E_TCPRCHANGE,
  E_COUNT
};

static const char *const el_names[E_COUNT] = {
    [E_P] = "p",
    [E_PPR] = "pPr",
    [E_PSTYLE] = "pStyle",
    [E_NUMPR] = "numPr",
    [E_NUMID] = "numId",
    [E_ILVL] = "ilvl",
    [E_T] = "t",
    [E_TAB] = "tab",
    [E_PTAB] = "ptab",
    [E_BR] = "br",
    [E_CR] = "cr",
    [E_NOBREAKHYPHEN] = "noBreakHyphen",
    [E_LASTPAGEBREAK] = "lastRenderedPageBreak",
    [E_PAGEBREAKBEFORE] = "pageBreakBefore",
    [E_INS] = "ins",
    [E_MOVETO] = "moveTo",
    [E_FOOTNOTEREF] = "footnoteReference",
    [E_ENDNOTEREF] = "endnoteReference",
    [E_TR] = "tr",
    [E_FOOTNOTE] = "footnote",
    [E_ENDNOTE] = "endnote",
    [E_DEL] = "del",
    [E_MOVEFROM] = "moveFrom",
    [E_INSTRTEXT] = "instrText",
    [E_DELTEXT] = "delText",
    [E_PPRCHANGE] = "pPrChange",
    [E_RPRCHANGE] = "rPrChange",
    [E_NUMBERINGCHANGE] = "numberingChange",
    [E_SECTPR] = "sectPr",
    [E_COMMENTREF] = "commentReference",
    [E_TBLPRCHANGE] = "tblPrChange",
    [E_TRPRCHANGE] = "trPrChange",
    [E_TCPRCHANGE] = "tcPrChange",
    [E_R] = "r",
    [E_RPR] = "rPr",
    [E_LANG] = "lang",
};

/* Element names as libxml2 interns them in the parser's dictionary (the
 * local names SAX2 passes are those very strings): telling an element
 * apart is a pointer comparison.  A run of strcmp per element was 8% of
 * reading a 20 MB file (issue 13). */
typedef struct names {
  const xmlChar *w_ns, *mc_ns, *fallback;
  struct {
    const xmlChar *name;
    int id;
  } slot[NSLOT];
} names;

typedef struct pstyle {
  char *id, *based;
  int num_id, ilvl; /* -1 when the style does not say */
} pstyle;

typedef struct note {
  int key; /* id * 2 + (1 for an endnote) */
  char *text;
} note;

/* A paragraph being read. */
typedef struct para {
  ty_buf text;
  char style[128];
  int num_id, ilvl; /* direct numbering; num_id -1 when none */
  int pos;
  int labeled; /* its number is already written at the start of text */
  ty_office_langs langs;
} para;

typedef struct docx {
  ty_office_walk w; /* first: libxml2's error handler is given the docx */
  const char *name, *part;
  ty_office_text *t;
  ty_wnum *num;
  pstyle *st;
  size_t nst;
  const char *default_style;
  note *notes;
  size_t nnotes;
  /* the parse */
  int in_t, in_ppr, in_numpr, in_rpr;
  const char *run_lang[2]; /* the run's own w:val and w:eastAsia */
  ty_office_langs row_langs;
  para p[MAX_NEST];
  int np; /* open paragraphs */
  int para_no;
  /* pages, where the file says them: Word's w:lastRenderedPageBreak,
   * page breaks (w:br w:type="page", w:pageBreakBefore) */
  int paged;      /* the file marks pages */
  int page;       /* the page of the last paragraph begun, from 1 */
  int page_para;  /* its number on that page */
  int page_due;   /* a mark after text: the next paragraph starts a page */
  int page_fresh; /* the last paragraph begun starts its page */
  int page_text;  /* it has text already */
  int *page_pos;  /* page_pos[n - 1]: page * 1000 + number on the page */
  size_t npage_pos;
  int rows; /* open table rows */
  ty_buf row;
  int row_pos, cells;
  int refs[MAX_REFS], nrefs; /* notes referred to, shown after */
  int note_mode, note_key;   /* reading footnotes.xml / endnotes.xml */
  ty_buf note_text;
  ty_buf label;
  xmlSAXHandler sax;
  xmlParserCtxtPtr ctxt; /* the part being streamed */
  names nm;              /* in ctxt's dictionary */
  ty_error *err;
} docx;

/* ---- small helpers ------------------------------------------------------ */

static const pstyle *find_style(const docx *x, const char *id) {
  for (size_t i = 0; id && i < x->nst; i++)
    if (strcmp(x->st[i].id, id) == 0) return &x->st[i];
  return NULL;
}

static const char *find_note(const docx *x, int key) {
  for (size_t i = 0; i < x->nnotes; i++)
    if (x->notes[i].key == key) return x->notes[i].text;
  return NULL;
}

/* ---- styles.xml and the relationships (small: read as trees) ----------- */

static xmlDoc *parse_part(ty_zip *z, const char *member, ty_buf *b,
                          ty_error *err, int *rc) {
  *rc = ty_zip_read(z, member, TY_ZIP_MEMBER_LIMIT, b, err);
  if (*rc != 0) return NULL;
  return xmlReadMemory(b->p, (int)b->n, member, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR |
                           XML_PARSE_NOWARNING);
}

static int is_el(const xmlNode *n, const char *ns, const char *name) {
  return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
         strcmp((const char *)n->ns->href, ns) == 0 &&
         strcmp((const char *)n->name, name) == 0;
}

static xmlNode *wchild(const xmlNode *n, const char *name) {
  for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
    if (is_el(c, W_NS, name)) return c;
  return NULL;
}

static char *wval(const xmlNode *n) {
  char *v =
      n ? (char *)xmlGetNsProp(n, (const xmlChar *)"val", (const xmlChar *)W_NS)
        : NULL;
  char *r = v ? ty_xstrdup(v) : NULL;
  xmlFree(v);
  return r;
}

static int wint(const xmlNode *n, int dflt) {
  char *v = wval(n);
  int r = v ? atoi(v) : dflt;
  free(v);
  return r;
}

static void read_styles(docx *x, xmlDoc *doc) {
  xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
  for (xmlNode *s = root ? root->children : NULL; s; s = s->next) {
    if (!is_el(s, W_NS, "style")) continue;
    xmlChar *type =
        xmlGetNsProp(s, (const xmlChar *)"type", (const xmlChar *)W_NS);
    xmlChar *id =
        xmlGetNsProp(s, (const xmlChar *)"styleId", (const xmlChar *)W_NS);
    xmlChar *dflt =
        xmlGetNsProp(s, (const xmlChar *)"default", (const xmlChar *)W_NS);
    if (type && id && strcmp((const char *)type, "paragraph") == 0) {
      x->st = ty_xrealloc(x->st, (x->nst + 1) * sizeof *x->st);
      pstyle *p = &x->st[x->nst++];
      p->id = ty_xstrdup((const char *)id);
      p->based = wval(wchild(s, "basedOn"));
      xmlNode *np = wchild(wchild(s, "pPr"), "numPr");
      p->num_id =
          np && wchild(np, "numId") ? wint(wchild(np, "numId"), -1) : -1;
      p->ilvl = np && wchild(np, "ilvl") ? wint(wchild(np, "ilvl"), -1) : -1;
      if (dflt && (strcmp((const char *)dflt, "1") == 0 ||
                   strcmp((const char *)dflt, "true") == 0))
        x->default_style = p->id;
    }
    xmlFree(type);
    xmlFree(id);
    xmlFree(dflt);
  }
}

/* The target of the first relationship whose type ends in `type`, as a
 * member name (resolved against `dir`), or NULL. */
static char *rel_target(xmlDoc *rels, const char *type, const char *dir) {
  xmlNode *root = rels ? xmlDocGetRootElement(rels) : NULL;
  for (xmlNode *r = root ? root->children : NULL; r; r = r->next) {
    if (!is_el(r, REL_NS, "Relationship")) continue;
    xmlChar *ty = xmlGetProp(r, (const xmlChar *)"Type");
    xmlChar *tg = xmlGetProp(r, (const xmlChar *)"Target");
    size_t n = ty ? strlen((const char *)ty) : 0, m = strlen(type);
    char *out = NULL;
    if (tg && n >= m && strcmp((const char *)ty + n - m, type) == 0) {
      const char *t = (const char *)tg;
      ty_buf b = {0};
      if (t[0] == '/')
        t++;
      else
        ty_buf_puts(&b, dir);
      ty_buf_puts(&b, t);
      out = b.p;
    }
    xmlFree(ty);
    xmlFree(tg);
    if (out) return out;
  }
  return NULL;
}

/* ---- the SAX walk ------------------------------------------------------- */

static ty_buf *sink(docx *x) {
  return x->np ? &x->p[x->np - 1].text : NULL;
}

static void put_char(docx *x, char c) {
  ty_buf *b = sink(x);
  if (b) ty_buf_putc(b, c);
}

/* The numbering a paragraph shows: its own w:numPr, else its style's. */
static void para_label(docx *x, const para *p, ty_buf *out) {
  int num_id = p->num_id, ilvl = p->ilvl;
  const char *sid = p->style[0] ? p->style : x->default_style;
  if (num_id < 0) {
    ilvl = -1;
    for (const pstyle *s = find_style(x, sid); s && num_id < 0;) {
      num_id = s->num_id;
      if (ilvl < 0) ilvl = s->ilvl;
      const pstyle *b = find_style(x, s->based);
      s = b != s ? b : NULL;
    }
    if (num_id >= 0 && ilvl < 0)
      ilvl = ty_wnum_style_level(x->num, num_id, sid);
  }
  if (num_id > 0) ty_wnum_next(x->num, num_id, ilvl < 0 ? 0 : ilvl, out);
}

static void flush_notes(docx *x, int pos) {
  for (int i = 0; i < x->nrefs; i++) {
    const char *s = find_note(x, x->refs[i]);
    if (s) ty_office_para(x->t, s, strlen(s), pos);
  }
  x->nrefs = 0;
}

static void end_para(docx *x) {
  para *p = &x->p[--x->np];
  if (!p->labeled) { /* no w:pPr: numbered by the default style, if at all */
    ty_buf_clear(&x->label);
    para_label(x, p, &x->label);
    ty_buf_put(&x->label, p->text.p ? p->text.p : "", p->text.n);
    ty_buf tmp = p->text;
    p->text = x->label;
    x->label = tmp;
  }
  const char *s = p->text.p ? p->text.p : "";
  size_t n = p->text.n;
  /* a cell's characters count for its row's language */
  if (x->rows && !x->note_mode && x->np == 0)
    ty_office_langs_merge(&x->row_langs, &p->langs);
  x->t->lang = ty_office_para_lang(&p->langs, s, n);
  if (x->np > 0) {
    /* a text box's paragraph: its own paragraph, where it is anchored */
    if (!x->note_mode) ty_office_para(x->t, s, n, p->pos);
  } else if (x->note_mode) {
    ty_office_line(&x->note_text, s, n);
  } else if (x->rows) {
    ty_office_cell(&x->row, s, n);
  } else {
    ty_office_para(x->t, s, n, p->pos);
    x->t->lang = NULL;
    flush_notes(x, p->pos);
  }
  x->t->lang = NULL;
  ty_buf_clear(&p->text);
}

static size_t slot_of(const xmlChar *name) {
  return ((uintptr_t)name >> 3) & (NSLOT - 1);
}

/* Interns the names the walk looks for in the dictionary of ctxt. */
static void intern_names(names *nm, xmlDictPtr dict) {
  memset(nm, 0, sizeof *nm);
  nm->w_ns = xmlDictLookup(dict, (const xmlChar *)W_NS, -1);
  nm->mc_ns = xmlDictLookup(dict, (const xmlChar *)MC_NS, -1);
  nm->fallback = xmlDictLookup(dict, (const xmlChar *)"Fallback", -1);
  for (int id = E_OTHER + 1; id < E_COUNT; id++) {
    const xmlChar *n = xmlDictLookup(dict, (const xmlChar *)el_names[id], -1);
    if (!n) ty_oom();
    size_t h = slot_of(n);
    while (nm->slot[h].name)
      h = (h + 1) & (NSLOT - 1);
    nm->slot[h].name = n;
    nm->slot[h].id = id;
  }
}

/* Which of the elements the walk tells apart (local, uri) is. */
static int element(const names *nm, const xmlChar *local, const xmlChar *uri) {
  if (uri != nm->w_ns) return E_OTHER;
  for (size_t h = slot_of(local); nm->slot[h].name; h = (h + 1) & (NSLOT - 1))
    if (nm->slot[h].name == local) return nm->slot[h].id;
  return E_OTHER;
}

/* Notes the page position of paragraph x->para_no. */
static void page_note(docx *x) {
  if ((size_t)x->para_no > x->npage_pos) {
    x->page_pos = ty_xrealloc(x->page_pos,
                              ((size_t)x->para_no + 255) * sizeof *x->page_pos);
    x->npage_pos = (size_t)x->para_no + 255;
  }
  x->page_pos[x->para_no - 1] =
      x->page * 1000 + (x->page_para < 999 ? x->page_para : 999);
}

/* A page mark: before the paragraph's text it starts on the new page
 * (once, however many marks say so), after it the next one does. */
static void page_mark(docx *x) {
  if (x->note_mode || x->para_no == 0) return;
  x->paged = 1;
  if (x->page_text) {
    x->page_due = 1;
  } else if (!x->page_fresh) {
    x->page++;
    x->page_para = 1;
    x->page_fresh = 1;
    page_note(x);
  }
}

static void start_para(docx *x) {
  if (!x->note_mode) {
    x->para_no++;
    x->page_fresh = x->page_due;
    if (x->page_due) x->page++, x->page_para = 0;
    x->page_due = x->page_text = 0;
    x->page_para++;
    page_note(x);
  }
  if (x->np == MAX_NEST) {
    x->np--; /* deeper text boxes run into their paragraph */
    return;
  }
  para *p = &x->p[x->np++];
  ty_buf_clear(&p->text);
  p->style[0] = '\0';
  p->num_id = -1;
  p->ilvl = 0;
  p->pos = x->para_no;
  p->labeled = 0;
  p->langs.n = 0;
  p->langs.marked = p->langs.marked_bytes = 0;
}

/* A run's own w:lang: w:val for its Latin (and other) characters,
 * w:eastAsia for its Japanese ones. */
static void run_lang(docx *x, const xmlChar **attrs, int n) {
  char b[64];
  const char *v = ty_office_attr(attrs, n, NULL, "val", b, sizeof b);
  x->run_lang[0] = ty_office_lang(x->t, v, NULL);
  v = ty_office_attr(attrs, n, NULL, "eastAsia", b, sizeof b);
  x->run_lang[1] = ty_office_lang(x->t, v, NULL);
}

/* A toggle property (w:pageBreakBefore): on unless w:val says off. */
static int on(const xmlChar **attrs, int n) {
  char b[8];
  const char *v = ty_office_attr(attrs, n, NULL, "val", b, sizeof b);
  return !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 ||
                 strcmp(v, "off") == 0);
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
                     const xmlChar *uri, int nns, const xmlChar **ns, int nattr,
                     int ndef, const xmlChar **attrs) {
  docx *x = ctx;
  if (ty_office_enter(&x->w)) return;
  if (uri == x->nm.mc_ns && local == x->nm.fallback) {
    ty_office_skip(&x->w);
    return;
  }
  int e = element(&x->nm, local, uri);
  if (e >= E_DEL) {
    if (e == E_DEL || e == E_MOVEFROM) x->t->revisions = 1;
    ty_office_skip(&x->w);
    return;
  }
  para *p = x->np ? &x->p[x->np - 1] : NULL;
  if (x->in_ppr && p && e != E_P && e != E_PPR) {
    if (e == E_PSTYLE)
      ty_office_attr(attrs, nattr, NULL, "val", p->style, sizeof p->style);
    else if (e == E_NUMPR)
      x->in_numpr = 1;
    else if (x->in_numpr && e == E_NUMID)
      p->num_id = ty_office_iattr(attrs, nattr, NULL, "val", -1);
    else if (x->in_numpr && e == E_ILVL)
      p->ilvl = ty_office_iattr(attrs, nattr, NULL, "val", 0);
    else if (e == E_PAGEBREAKBEFORE && !x->in_numpr && x->np == 1 &&
             on(attrs, nattr))
      page_mark(x);
    return;
  }
  char b[32];
  const char *type;
  switch (e) {
  case E_P: start_para(x); break;
  case E_PPR: x->in_ppr = 1; break;
  case E_R: x->run_lang[0] = x->run_lang[1] = NULL; break;
  case E_RPR: x->in_rpr = 1; break;
  case E_LANG:
    if (x->in_rpr) run_lang(x, attrs, nattr);
    break;
  case E_T: x->in_t = 1; break;
  case E_TAB:
  case E_PTAB: put_char(x, ' '); break;
  case E_LASTPAGEBREAK: page_mark(x); break;
  case E_BR:
  case E_CR:
    type = ty_office_attr(attrs, nattr, NULL, "type", b, sizeof b);
    if (type && strcmp(type, "page") == 0) page_mark(x);
    put_char(x, type && strcmp(type, "textWrapping") != 0 ? ' ' : '\n');
    break;
  case E_NOBREAKHYPHEN: put_char(x, '-'); break;
  case E_INS:
  case E_MOVETO: x->t->revisions = 1; break;
  case E_FOOTNOTEREF:
  case E_ENDNOTEREF:
    if (!x->note_mode && x->nrefs < MAX_REFS)
      x->refs[x->nrefs++] = ty_office_iattr(attrs, nattr, NULL, "id", -1) * 2 +
                            (e == E_ENDNOTEREF);
    break;
  case E_TR:
    if (x->rows++ == 0) {
      ty_buf_clear(&x->row);
      x->row_pos = x->para_no + 1;
    }
    break;
  case E_FOOTNOTE:
  case E_ENDNOTE:
    if (!x->note_mode) break;
    type = ty_office_attr(attrs, nattr, NULL, "type", b, sizeof b);
    if (type && strcmp(type, "normal") != 0) {
      ty_office_skip(&x->w); /* separators */
      break;
    }
    x->note_key =
        ty_office_iattr(attrs, nattr, NULL, "id", -1) * 2 + (e == E_ENDNOTE);
    ty_buf_clear(&x->note_text);
    break;
  default: break;
  }
}

static void end_row(docx *x) {
  if (!x->note_mode) {
    x->t->lang = ty_office_para_lang(&x->row_langs, x->row.p, x->row.n);
    ty_office_para(x->t, x->row.p ? x->row.p : "", x->row.n, x->row_pos);
    x->t->lang = NULL;
    flush_notes(x, x->row_pos);
  } else {
    ty_office_line(&x->note_text, x->row.p ? x->row.p : "", x->row.n);
  }
  ty_buf_clear(&x->row);
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix,
                   const xmlChar *uri) {
  docx *x = ctx;
  if (ty_office_leave(&x->w)) return;
  para *p;
  switch (element(&x->nm, local, uri)) {
  case E_P:
    if (x->np) end_para(x);
    break;
  case E_PPR:
    x->in_ppr = x->in_numpr = 0;
    /* w:pPr comes first: the number goes before the text, no copy later */
    p = x->np ? &x->p[x->np - 1] : NULL;
    if (p && !p->labeled && !p->text.n) {
      para_label(x, p, &p->text);
      p->labeled = 1;
    }
    break;
  case E_NUMPR: x->in_numpr = 0; break;
  case E_RPR: x->in_rpr = 0; break;
  case E_T: x->in_t = 0; break;
  case E_TR:
    if (x->rows && --x->rows == 0) end_row(x);
    break;
  case E_FOOTNOTE:
  case E_ENDNOTE:
    if (!x->note_mode) break;
    x->notes = ty_xrealloc(x->notes, (x->nnotes + 1) * sizeof *x->notes);
    x->notes[x->nnotes].key = x->note_key;
    x->notes[x->nnotes++].text =
        ty_xstrdup(x->note_text.p ? x->note_text.p : "");
    break;
  default: break;
  }
}

static void on_chars(void *ctx, const xmlChar *s, int len) {
  docx *x = ctx;
  if (x->w.skip_at || !x->in_t) return;
  ty_buf *b = sink(x);
  if (!b) return;
  ty_office_chars(b, (const char *)s, (size_t)len);
  if (len > 0) x->page_text = 1;
  if (x->run_lang[0] || x->run_lang[1])
    ty_office_count(x->t, &x->p[x->np - 1].langs, x->run_lang, (const char *)s,
                    (size_t)len);
}

static int parse_failed(docx *x, ty_error *err) {
  return ty_office_xml_failed(&x->w, err, x->name, x->part);
}

static int feed(void *ctx, const char *p, size_t n) {
  docx *x = ctx;
  if (!x->ctxt) {
    x->ctxt = xmlCreatePushParserCtxt(&x->sax, x, NULL, 0, x->part);
    if (!x->ctxt) ty_oom();
    xmlCtxtUseOptions(x->ctxt, XML_PARSE_NONET);
    intern_names(&x->nm, x->ctxt->dict);
  }
  xmlParseChunk(x->ctxt, p, (int)n, 0);
  return x->w.errmsg[0] ? parse_failed(x, x->err) : 0;
}

/* Streams one XML part of the archive through the walk.  Returns 0, 1
 * when the archive has no such part, -1 with err filled. */
static int walk(docx *x, ty_zip *z, const char *part, ty_error *err) {
  memset(&x->sax, 0, sizeof x->sax);
  x->sax.initialized = XML_SAX2_MAGIC;
  x->sax.startElementNs = on_start;
  x->sax.endElementNs = on_end;
  x->sax.characters = on_chars;
  x->sax.serror = (xmlStructuredErrorFunc)ty_office_xml_error;
  x->part = part;
  x->err = err;
  x->w.depth = x->w.skip_at = x->in_t = x->in_ppr = x->in_numpr = 0;
  x->np = x->rows = 0;
  x->ctxt = NULL;
  if (!x->note_mode) ty_office_reserve(x->t, ty_zip_size(z, part));
  int rc = ty_zip_stream(z, part, TY_ZIP_MEMBER_LIMIT, feed, x, err);
  if (rc == 0 && !x->ctxt) feed(x, "", 0);
  if (rc == 0) {
    xmlParseChunk(x->ctxt, NULL, 0, 1);
    if (x->w.errmsg[0] || !x->ctxt->wellFormed) rc = parse_failed(x, err);
  }
  if (x->ctxt) xmlFreeParserCtxt(x->ctxt);
  x->ctxt = NULL;
  return rc;
}

/* ---- the document ------------------------------------------------------- */

static int read_notes(docx *x, ty_zip *z, xmlDoc *rels, const char *type,
                      ty_error *err) {
  char *member = rel_target(rels, type, "word/");
  x->note_mode = 1;
  int rc = member ? walk(x, z, member, err) : 1;
  x->note_mode = 0;
  free(member);
  return rc < 0 ? -1 : 0;
}

/* Styles, numbering and notes, as the main part's relationships name them. */
static int read_support(docx *x, ty_zip *z, const char *main, ty_error *err) {
  ty_buf b = {0};
  int rc = 0;
  const char *slash = strrchr(main, '/');
  char dir[256];
  snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - main + 1) : 0, main);
  char relname[512];
  snprintf(relname, sizeof relname, "%s_rels/%s.rels", dir,
           slash ? slash + 1 : main);
  xmlDoc *rels = parse_part(z, relname, &b, err, &rc);
  if (rc < 0) {
    ty_buf_free(&b);
    return -1;
  }
  char *sty = rel_target(rels, "/styles", dir);
  xmlDoc *sd = sty ? parse_part(z, sty, &b, err, &rc) : NULL;
  read_styles(x, sd);
  xmlFreeDoc(sd);
  free(sty);
  char *num = rc >= 0 ? rel_target(rels, "/numbering", dir) : NULL;
  if (num && (rc = ty_zip_read(z, num, TY_ZIP_MEMBER_LIMIT, &b, err)) == 0)
    x->num = ty_wnum_load(b.p, b.n);
  free(num);
  if (rc >= 0) rc = read_notes(x, z, rels, "/footnotes", err);
  if (rc >= 0) rc = read_notes(x, z, rels, "/endnotes", err);
  xmlFreeDoc(rels);
  ty_buf_free(&b);
  return rc < 0 ? -1 : 0;
}

static void docx_free(docx *x) {
  for (size_t i = 0; i < x->nst; i++) {
    free(x->st[i].id);
    free(x->st[i].based);
  }
  for (size_t i = 0; i < x->nnotes; i++)
    free(x->notes[i].text);
  for (int i = 0; i < MAX_NEST; i++)
    ty_buf_free(&x->p[i].text);
  free(x->st);
  free(x->notes);
  ty_buf_free(&x->row);
  ty_buf_free(&x->note_text);
  ty_buf_free(&x->label);
  ty_wnum_free(x->num);
  free(x->page_pos);
}

int ty_read_docx(ty_zip *z, const char *name, ty_office_text *t,
                 ty_error *err) {
  docx x = {0};
  x.name = name;
  x.t = t;
  x.page = 1;
  ty_buf b = {0};
  int rc = 0;
  xmlDoc *pkg = parse_part(z, "_rels/.rels", &b, err, &rc);
  char *main = rc >= 0 ? rel_target(pkg, "/officeDocument", "") : NULL;
  xmlFreeDoc(pkg);
  if (rc >= 0 && !main) main = ty_xstrdup("word/document.xml");
  if (rc >= 0) rc = read_support(&x, z, main, err);
  if (!x.num) x.num = ty_wnum_load(NULL, 0);
  if (rc >= 0 && (rc = walk(&x, z, main, err)) == 1)
    rc = ty_error_set(err, TY_ERR_SYNTAX, name, 0, 0,
                      "no %s: not a Word document", main);
  if (rc == 0 && x.paged) /* paragraph numbers as page and paragraph */
    for (size_t i = 0; i < t->npos; i++)
      if (t->pos[i] >= 1 && (size_t)t->pos[i] <= x.npage_pos)
        t->pos[i] = x.page_pos[t->pos[i] - 1];
  free(main);
  ty_buf_free(&b);
  docx_free(&x);
  return rc < 0 ? -1 : 0;
}
