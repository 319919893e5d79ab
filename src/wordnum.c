/* wordnum.c — Word's automatic numbering: the definitions of a DOCX's
 * word/numbering.xml and the counters that turn a paragraph's (numId,
 * ilvl) into the label Word shows ("第三条", "(2)", "4.1.", "ハ").
 *
 * An abstract numbering holds up to nine levels (start, format, lvlText
 * with %1..%9 standing for the levels' current values, suffix, restart);
 * a numbering instance (w:num) points at one and may override levels or
 * their start.  Instances of one abstract numbering share its counters,
 * as in Word; an instance with a start override restarts those levels
 * the first time a paragraph uses it (how pandoc and Word begin a new
 * list).  The numerals are numfmt.c's, the module that writes the CSS
 * counter styles of HTML lists too. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#define NLVL 9
#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

typedef struct wlvl {
  int start;
  char fmt[40];
  char *text;  /* lvlText, NULL when none */
  int restart; /* lvlRestart: -1 by default (after any higher level) */
  int lgl;     /* isLgl: every level shown in decimal */
  char *pstyle;
} wlvl;

typedef struct wabs {
  int id;
  wlvl lv[NLVL];
  int count[NLVL];
  int started[NLVL];
} wabs;

typedef struct wnum {
  int id;
  int abs;         /* index into abs[], -1 when unknown */
  int start[NLVL]; /* start override, -1 when none */
  wlvl *lv[NLVL];  /* a replaced level, NULL when none */
  int used;
} wnum;

struct ty_wnum {
  wabs *abs;
  size_t nabs;
  wnum *num;
  size_t nnum;
  ty_numfmt nf;
};

/* ---- reading numbering.xml -------------------------------------------- */

static int is_w(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
         strcmp((const char *)n->ns->href, W_NS) == 0 &&
         strcmp((const char *)n->name, name) == 0;
}

static xmlNode *child(const xmlNode *n, const char *name) {
  for (xmlNode *c = n->children; c; c = c->next)
    if (is_w(c, name)) return c;
  return NULL;
}

/* The w:val of a child element, or NULL (xmlFree the result). */
static char *val(const xmlNode *n, const char *name) {
  xmlNode *c = name ? child(n, name) : (xmlNode *)n;
  if (!c) return NULL;
  return (char *)xmlGetNsProp(c, (const xmlChar *)"val", (const xmlChar *)W_NS);
}

static int ival(const xmlNode *n, const char *name, int dflt) {
  char *v = val(n, name);
  int r = v ? atoi(v) : dflt;
  xmlFree(v);
  return r;
}

static int iattr(const xmlNode *n, const char *attr, int dflt) {
  char *v =
      (char *)xmlGetNsProp(n, (const xmlChar *)attr, (const xmlChar *)W_NS);
  int r = v ? atoi(v) : dflt;
  xmlFree(v);
  return r;
}

static void read_lvl(const xmlNode *n, wlvl *l) {
  l->start = ival(n, "start", 1);
  char *f = val(n, "numFmt");
  snprintf(l->fmt, sizeof l->fmt, "%s", f ? f : "decimal");
  xmlFree(f);
  char *t = val(n, "lvlText");
  free(l->text);
  l->text = t ? ty_xstrdup(t) : NULL;
  xmlFree(t);
  l->restart = ival(n, "lvlRestart", -1);
  xmlNode *lg = child(n, "isLgl");
  l->lgl =
      lg ? ival(lg, NULL, 1) != 0 ||
               !xmlHasNsProp(lg, (const xmlChar *)"val", (const xmlChar *)W_NS)
         : 0;
  char *ps = val(n, "pStyle");
  free(l->pstyle);
  l->pstyle = ps ? ty_xstrdup(ps) : NULL;
  xmlFree(ps);
}

static void read_abstract(ty_wnum *w, const xmlNode *n) {
  w->abs = ty_xrealloc(w->abs, (w->nabs + 1) * sizeof *w->abs);
  wabs *a = &w->abs[w->nabs++];
  memset(a, 0, sizeof *a);
  a->id = iattr(n, "abstractNumId", -1);
  for (int i = 0; i < NLVL; i++) {
    a->lv[i].start = 1;
    snprintf(a->lv[i].fmt, sizeof a->lv[i].fmt, "decimal");
    a->lv[i].restart = -1;
  }
  for (xmlNode *c = n->children; c; c = c->next) {
    int il = is_w(c, "lvl") ? iattr(c, "ilvl", -1) : -1;
    if (il >= 0 && il < NLVL) read_lvl(c, &a->lv[il]);
  }
}

static void read_num(ty_wnum *w, const xmlNode *n) {
  w->num = ty_xrealloc(w->num, (w->nnum + 1) * sizeof *w->num);
  wnum *u = &w->num[w->nnum++];
  memset(u, 0, sizeof *u);
  u->id = iattr(n, "numId", -1);
  u->abs = ival(n, "abstractNumId", -1); /* an id until resolved */
  for (int i = 0; i < NLVL; i++)
    u->start[i] = -1;
  for (xmlNode *c = n->children; c; c = c->next) {
    int il = is_w(c, "lvlOverride") ? iattr(c, "ilvl", -1) : -1;
    if (il < 0 || il >= NLVL) continue;
    xmlNode *so = child(c, "startOverride");
    if (so) u->start[il] = ival(so, NULL, 1);
    xmlNode *lv = child(c, "lvl");
    if (lv) {
      u->lv[il] = ty_xcalloc(1, sizeof *u->lv[il]);
      read_lvl(lv, u->lv[il]);
      if (u->start[il] < 0 && child(lv, "start"))
        u->start[il] = u->lv[il]->start;
    }
  }
}

ty_wnum *ty_wnum_load(const char *xml, size_t n) {
  ty_wnum *w = ty_xcalloc(1, sizeof *w);
  if (!xml) return w;
  xmlDoc *doc =
      xmlReadMemory(xml, (int)n, "numbering.xml", NULL,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
  for (xmlNode *c = root ? root->children : NULL; c; c = c->next) {
    if (is_w(c, "abstractNum"))
      read_abstract(w, c);
    else if (is_w(c, "num"))
      read_num(w, c);
  }
  xmlFreeDoc(doc);
  for (size_t i = 0; i < w->nnum; i++) {
    int id = w->num[i].abs;
    w->num[i].abs = -1;
    for (size_t k = 0; k < w->nabs; k++)
      if (w->abs[k].id == id) w->num[i].abs = (int)k;
  }
  return w;
}

void ty_wnum_free(ty_wnum *w) {
  if (!w) return;
  for (size_t i = 0; i < w->nabs; i++)
    for (int l = 0; l < NLVL; l++) {
      free(w->abs[i].lv[l].text);
      free(w->abs[i].lv[l].pstyle);
    }
  for (size_t i = 0; i < w->nnum; i++)
    for (int l = 0; l < NLVL; l++)
      if (w->num[i].lv[l]) {
        free(w->num[i].lv[l]->text);
        free(w->num[i].lv[l]->pstyle);
        free(w->num[i].lv[l]);
      }
  ty_numfmt_close(&w->nf);
  free(w->abs);
  free(w->num);
  free(w);
}

static wnum *find_num(const ty_wnum *w, int id) {
  for (size_t i = 0; i < w->nnum; i++)
    if (w->num[i].id == id) return &w->num[i];
  return NULL;
}

int ty_wnum_style_level(const ty_wnum *w, int num_id, const char *style) {
  const wnum *u = find_num(w, num_id);
  if (!u || u->abs < 0 || !style) return -1;
  for (int l = 0; l < NLVL; l++) {
    const char *ps = u->lv[l] ? u->lv[l]->pstyle : w->abs[u->abs].lv[l].pstyle;
    if (ps && strcmp(ps, style) == 0) return l;
  }
  return -1;
}

/* ---- numerals ----------------------------------------------------------- */

/* Word's number formats (ST_NumberFormat) in their numbering systems.
 * Word counts letters as a, .., z, aa, .., zz and runs its kana and
 * stems round; it shows iroha and aiueo in half-width kana (ｲ ﾛ ﾊ), the
 * label is written full-width, the form the numbering parser reads. */
static const struct {
  const char *name;
  ty_numsys sys;
  ty_numseq seq;
} FORMATS[] = {
    {"decimal", TY_NS_DECIMAL, TY_NUM_ALPHABETIC},
    {"japaneseCounting", TY_NS_JPAN, TY_NUM_ALPHABETIC},
    {"japaneseLegal", TY_NS_JPANFIN, TY_NUM_ALPHABETIC},
    {"ideographDigital", TY_NS_HANIDEC, TY_NUM_ALPHABETIC},
    {"japaneseDigitalTenThousand", TY_NS_HANIDEC, TY_NUM_ALPHABETIC},
    {"decimalFullWidth", TY_NS_FULLWIDE, TY_NUM_ALPHABETIC},
    {"decimalFullWidth2", TY_NS_FULLWIDE, TY_NUM_ALPHABETIC},
    {"upperRoman", TY_NS_UPPER_ROMAN, TY_NUM_ALPHABETIC},
    {"lowerRoman", TY_NS_LOWER_ROMAN, TY_NUM_ALPHABETIC},
    {"chineseCounting", TY_NS_HANS, TY_NUM_ALPHABETIC},
    {"chineseCountingThousand", TY_NS_HANS, TY_NUM_ALPHABETIC},
    {"taiwaneseCounting", TY_NS_HANT, TY_NUM_ALPHABETIC},
    {"taiwaneseCountingThousand", TY_NS_HANT, TY_NUM_ALPHABETIC},
    {"decimalEnclosedCircle", TY_NS_CIRCLED, TY_NUM_ALPHABETIC},
    {"decimalEnclosedCircleChinese", TY_NS_CIRCLED, TY_NUM_ALPHABETIC},
    {"decimalEnclosedFullstop", TY_NS_FULLSTOP, TY_NUM_ALPHABETIC},
    {"decimalEnclosedParen", TY_NS_PAREN, TY_NUM_ALPHABETIC},
    {"ideographEnclosedCircle", TY_NS_IDEOGRAPH_CIRCLED, TY_NUM_ALPHABETIC},
    {"lowerLetter", TY_NS_LOWER_LATIN, TY_NUM_REPEATED},
    {"upperLetter", TY_NS_UPPER_LATIN, TY_NUM_REPEATED},
    {"irohaFullWidth", TY_NS_KATAKANA_IROHA, TY_NUM_CYCLIC},
    {"iroha", TY_NS_KATAKANA_IROHA, TY_NUM_CYCLIC},
    {"aiueoFullWidth", TY_NS_AIUEO, TY_NUM_CYCLIC},
    {"aiueo", TY_NS_AIUEO, TY_NUM_CYCLIC},
    {"ideographTraditional", TY_NS_STEMS, TY_NUM_CYCLIC},
    {"ideographZodiac", TY_NS_ZODIAC, TY_NUM_CYCLIC},
    {"decimalZero", TY_NS_DECIMAL_ZERO, TY_NUM_ALPHABETIC},
};

/* Appends value v written in Word's format `f` (decimal when the format
 * has no numeral for it; nothing for "none"). */
static void format_value(ty_wnum *w, const char *f, int v, ty_buf *out) {
  if (strcmp(f, "none") == 0) return;
  for (size_t i = 0; i < sizeof FORMATS / sizeof *FORMATS; i++)
    if (strcmp(f, FORMATS[i].name) == 0) {
      if (ty_numfmt_put(&w->nf, FORMATS[i].sys, FORMATS[i].seq, v, out)) return;
      break;
    }
  ty_numfmt_put(NULL, TY_NS_DECIMAL, TY_NUM_ALPHABETIC, v, out);
}

void ty_wnum_format(ty_wnum *w, const char *fmt, int v, ty_buf *out) {
  format_value(w, fmt, v, out);
}

/* ---- counting ----------------------------------------------------------- */

static const wlvl *level(const ty_wnum *w, const wnum *u, int l) {
  return u->lv[l] ? u->lv[l] : &w->abs[u->abs].lv[l];
}

/* Where level l of instance u starts: its override, else the level's. */
static int start_of(const ty_wnum *w, const wnum *u, int l) {
  return u->start[l] >= 0 ? u->start[l] : level(w, u, l)->start;
}

int ty_wnum_next(ty_wnum *w, int num_id, int ilvl, ty_buf *out) {
  wnum *u = find_num(w, num_id);
  if (!u || u->abs < 0 || ilvl < 0 || ilvl >= NLVL) return 0;
  wabs *a = &w->abs[u->abs];
  if (!u->used) {
    u->used = 1;
    for (int l = 0; l < NLVL; l++)
      if (u->start[l] >= 0) a->started[l] = 0;
  }
  const wlvl *lv = level(w, u, ilvl);
  if (!a->started[ilvl]) {
    a->count[ilvl] = start_of(w, u, ilvl);
    a->started[ilvl] = 1;
  } else {
    a->count[ilvl]++;
  }
  /* the levels below restart, unless lvlRestart says otherwise */
  for (int l = ilvl + 1; l < NLVL; l++) {
    int r = level(w, u, l)->restart;
    if (r != 0 && (r < 0 || ilvl <= r - 1)) a->started[l] = 0;
  }
  if (strcmp(lv->fmt, "bullet") == 0) {
    ty_buf_puts(out, "- ");
    return 1;
  }
  if (!lv->text || !lv->text[0] || strcmp(lv->fmt, "none") == 0) return 0;
  size_t before = out->n;
  for (const char *p = lv->text; *p; p++) {
    if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
      int l = p[1] - '1';
      const wlvl *ref = level(w, u, l);
      int v = a->started[l] ? a->count[l] : start_of(w, u, l);
      format_value(w, lv->lgl ? "decimal" : ref->fmt, v, out);
      p++;
    } else {
      ty_buf_putc(out, *p);
    }
  }
  if (out->n == before) return 0;
  /* the suffix as a space even when Word puts nothing (LibreOffice's
   * exports, where the indent separates them): "一号の" would read as
   * one word, and a number is a label, not the start of its text */
  ty_buf_putc(out, ' ');
  return 1;
}
