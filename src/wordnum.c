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
 * list).  Numerals are written with ICU's numbering systems where one
 * exists (jpan, jpanfin, hanidec, fullwide, roman) and from the
 * published sequences otherwise (iroha, aiueo, 甲乙丙, enclosed digits). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

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
  UNumberFormat *fmt[8]; /* opened on first use, by system */
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
  for (int i = 0; i < 8; i++)
    if (w->fmt[i]) unum_close(w->fmt[i]);
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

static void format_value(ty_wnum *w, const char *f, int v, ty_buf *out);

static const char *const IROHA[] = {
    "イ", "ロ", "ハ", "ニ", "ホ", "ヘ", "ト", "チ", "リ", "ヌ", "ル", "ヲ",
    "ワ", "カ", "ヨ", "タ", "レ", "ソ", "ツ", "ネ", "ナ", "ラ", "ム", "ウ",
    "ヰ", "ノ", "オ", "ク", "ヤ", "マ", "ケ", "フ", "コ", "エ", "テ", "ア",
    "サ", "キ", "ユ", "メ", "ミ", "シ", "ヱ", "ヒ", "モ", "セ", "ス"};
static const char *const AIUEO[] = {
    "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ",
    "ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ",
    "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ", "マ", "ミ", "ム", "メ", "モ", "ヤ",
    "ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ", "ヲ", "ン"};
static const char *const STEMS[] = {"甲", "乙", "丙", "丁", "戊",
                                    "己", "庚", "辛", "壬", "癸"};
static const char *const ZODIAC[] = {"子", "丑", "寅", "卯", "辰", "巳",
                                     "午", "未", "申", "酉", "戌", "亥"};
#define COUNT(a) (int)(sizeof a / sizeof *a)

/* ICU's numbering systems by the index of w->fmt they are cached in. */
static const char *const SYSTEMS[] = {
    "ja@numbers=jpan",     "ja@numbers=jpanfin",  "ja@numbers=hanidec",
    "en@numbers=fullwide", "en@numbers=roman",    "en@numbers=romanlow",
    "zh@numbers=hans",     "zh_Hant@numbers=hant"};

static int icu_format(ty_wnum *w, int sys, int v, ty_buf *out) {
  UErrorCode st = U_ZERO_ERROR;
  if (!w->fmt[sys]) {
    w->fmt[sys] = unum_open(UNUM_DEFAULT, NULL, 0, SYSTEMS[sys], NULL, &st);
    if (U_FAILURE(st)) {
      w->fmt[sys] = NULL;
      return -1;
    }
    unum_setAttribute(w->fmt[sys], UNUM_GROUPING_USED, 0);
  }
  UChar u[64];
  char s[256];
  int32_t n = unum_format(w->fmt[sys], v, u, 64, NULL, &st);
  int32_t m = 0;
  if (U_SUCCESS(st)) u_strToUTF8(s, sizeof s, &m, u, n, &st);
  if (U_FAILURE(st)) return -1;
  ty_buf_put(out, s, (size_t)m);
  return 0;
}

static void put_cp(ty_buf *out, int32_t c) {
  char b[4];
  ty_buf_put(out, b, (size_t)ty_utf8_encode(c, b));
}

/* Enclosed digits: the code point of value v, 0 past the set. */
static int32_t enclosed(const char *fmt, int v) {
  if (strcmp(fmt, "decimalEnclosedCircle") == 0 ||
      strcmp(fmt, "decimalEnclosedCircleChinese") == 0) {
    if (v >= 1 && v <= 20) return 0x2460 + v - 1;
    if (v >= 21 && v <= 35) return 0x3251 + v - 21;
    if (v >= 36 && v <= 50) return 0x32B1 + v - 36;
  }
  if (strcmp(fmt, "decimalEnclosedFullstop") == 0 && v >= 1 && v <= 20)
    return 0x2488 + v - 1;
  if (strcmp(fmt, "decimalEnclosedParen") == 0 && v >= 1 && v <= 20)
    return 0x2474 + v - 1;
  if (strcmp(fmt, "ideographEnclosedCircle") == 0 && v >= 1 && v <= 10)
    return 0x3280 + v - 1;
  return 0;
}

static int system_of(const char *f) {
  static const char *const names[][2] = {
      {"japaneseCounting", "0"},  {"japaneseLegal", "1"},
      {"ideographDigital", "2"},  {"japaneseDigitalTenThousand", "2"},
      {"decimalFullWidth", "3"},  {"decimalFullWidth2", "3"},
      {"upperRoman", "4"},        {"lowerRoman", "5"},
      {"chineseCounting", "6"},   {"chineseCountingThousand", "6"},
      {"taiwaneseCounting", "7"}, {"taiwaneseCountingThousand", "7"}};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strcmp(f, names[i][0]) == 0) return names[i][1][0] - '0';
  return -1;
}

void ty_wnum_format(ty_wnum *w, const char *fmt, int v, ty_buf *out) {
  format_value(w, fmt, v, out);
}

/* Appends value v written in Word's format `fmt`. */
static void format_value(ty_wnum *w, const char *f, int v, ty_buf *out) {
  int sys = system_of(f);
  int32_t cp = enclosed(f, v);
  if (sys >= 0 && v > 0 && icu_format(w, sys, v, out) == 0) return;
  if (cp) {
    put_cp(out, cp);
  } else if (v > 0 &&
             (strcmp(f, "lowerLetter") == 0 || strcmp(f, "upperLetter") == 0)) {
    char c = (char)((f[0] == 'l' ? 'a' : 'A') + (v - 1) % 26);
    for (int k = 0; k <= (v - 1) / 26 && k < 50; k++)
      ty_buf_putc(out, c);
  } else if (v > 0 &&
             (strcmp(f, "irohaFullWidth") == 0 || strcmp(f, "iroha") == 0)) {
    /* Word shows iroha and aiueo in half-width kana (ｲ ﾛ ﾊ); the label is
     * written full-width, the form the numbering parser reads as iroha */
    ty_buf_puts(out, IROHA[(v - 1) % COUNT(IROHA)]);
  } else if (v > 0 &&
             (strcmp(f, "aiueoFullWidth") == 0 || strcmp(f, "aiueo") == 0)) {
    ty_buf_puts(out, AIUEO[(v - 1) % COUNT(AIUEO)]);
  } else if (v > 0 && strcmp(f, "ideographTraditional") == 0) {
    ty_buf_puts(out, STEMS[(v - 1) % COUNT(STEMS)]);
  } else if (v > 0 && strcmp(f, "ideographZodiac") == 0) {
    ty_buf_puts(out, ZODIAC[(v - 1) % COUNT(ZODIAC)]);
  } else if (strcmp(f, "decimalZero") == 0) {
    ty_buf_printf(out, "%02d", v);
  } else if (strcmp(f, "none") != 0) {
    ty_buf_printf(out, "%d", v);
  }
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
