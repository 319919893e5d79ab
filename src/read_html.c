/* read_html.c — HTML and XHTML documents, read with libxml2 (its HTML
 * parser, or its XML parser for a document that declares itself XML) and
 * laid out as the text the outline reads (layout.c):
 *
 *   h1–h6, p, div, dt, dd, blockquote, caption ...
 *                    a block each, with the numbers they show ("2.1.",
 *                    Sphinx's section-number spans included);
 *   ol > li          a block starting with the marker a browser displays
 *                    (counter.c): start, value, reversed, type, the
 *                    list-style-type of an inline style (or of the
 *                    docutils classes arabic, loweralpha ... whose
 *                    stylesheet sets it); indented by nesting;
 *   ul > li          a block starting "- ";
 *   tr               a block, its cells' text set apart by tabs (a row
 *                    whose first cell is a number is then a clause);
 *   pre              verbatim;
 *   br               a line break inside the block.
 * Page chrome is dropped: head, script, style, nav, header, footer, the
 * ARIA roles navigation, banner, contentinfo and search, DocBook's
 * navheader/navfooter, docutils/Sphinx headerlink anchors ("¶"), and
 * elements marked hidden.  Checked on the Debian Developer's Reference
 * (Sphinx) in English and Japanese, on pandoc's HTML and on hand-written
 * lists (tests/fixtures/html).  A clause's line is its element's source
 * line. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* Deeper than this the elements are read for their text only (libxml2's
 * own limit is 256 for XML). */
#define MAX_DEPTH 200

typedef struct hreader {
  ty_doc *d;
  ty_layout lay;
  ty_buf mark;
  int lists;  /* ordered lists around */
  int in_row; /* inside a table row: blocks run on as cell text */
  int raw;    /* inside code: spaces kept */
} hreader;

static int is(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE &&
         strcasecmp((const char *)n->name, name) == 0;
}

static int is_any(const xmlNode *n, const char *const *names) {
  for (; *names; names++)
    if (is(n, *names)) return 1;
  return 0;
}

static int line_of(const xmlNode *n) {
  long l = xmlGetLineNo(n);
  return l > 0 && l < 0x7fffffff ? (int)l : 0;
}

/* Whether the space-separated attribute value has the token `t`. */
static int has_token(const xmlNode *n, const char *attr, const char *t) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
  if (!v) return 0;
  int found = 0;
  size_t tl = strlen(t);
  for (const char *p = (const char *)v; *p && !found;) {
    while (*p == ' ' || *p == '\t' || *p == '\n')
      p++;
    size_t k = strcspn(p, " \t\n");
    found = k == tl && strncasecmp(p, t, tl) == 0;
    p += k;
  }
  xmlFree(v);
  return found;
}

static int is_chrome(const xmlNode *n) {
  static const char *const drop[] = {
      "head",     "script", "style",  "noscript", "template",
      "nav",      "header", "footer", "button",   "select",
      "textarea", "iframe", "object", "svg",      NULL};
  static const char *const roles[] = {"navigation", "banner", "contentinfo",
                                      "search", NULL};
  static const char *const classes[] = {"navheader", "navfooter", "headerlink",
                                        NULL};
  if (is_any(n, drop)) return 1;
  if (xmlHasProp(n, (const xmlChar *)"hidden")) return 1;
  for (const char *const *r = roles; *r; r++)
    if (has_token(n, "role", *r)) return 1;
  for (const char *const *c = classes; *c; c++)
    if (has_token(n, "class", *c)) return 1;
  return 0;
}

static int is_block(const xmlNode *n) {
  static const char *const blocks[] = {
      "p",          "div",     "h1",         "h2",      "h3",       "h4",
      "h5",         "h6",      "blockquote", "section", "article",  "main",
      "aside",      "address", "dl",         "dt",      "dd",       "figure",
      "figcaption", "caption", "center",     "form",    "fieldset", "legend",
      "details",    "summary", "hr",         "body",    "html",     "table",
      "thead",      "tbody",   "tfoot",      "li",      "td",       "th",
      NULL};
  return is_any(n, blocks);
}

static void walk(hreader *r, const xmlNode *n, int depth);

/* The language n marks for its content, xml:lang over lang as HTML
 * says, as the layout keeps it; `dflt` when it marks none (lang=""
 * marks an unknown language: the document's, here). */
static const char *lang_of(hreader *r, const xmlNode *n, const char *dflt) {
  xmlChar *v = xmlGetNsProp(n, (const xmlChar *)"lang", XML_XML_NAMESPACE);
  /* libxml2's HTML parser keeps the prefix in the name */
  if (!v) v = xmlGetNoNsProp(n, (const xmlChar *)"xml:lang");
  if (!v) v = xmlGetNoNsProp(n, (const xmlChar *)"lang");
  if (!v) return dflt;
  const char *s = (const char *)v;
  const char *g = ty_layout_lang(&r->lay, r->d, s, strcspn(s, "\n"));
  xmlFree(v);
  return g;
}

static int is_heading(const xmlNode *n) {
  static const char *const h[] = {"h1", "h2", "h3", "h4", "h5", "h6", NULL};
  return is_any(n, h);
}

/* The pre-pass: every heading outside the page chrome counted for the
 * layout (iterative, so that depth costs no stack). */
static void count_headings(hreader *r, const xmlNode *top) {
  const xmlNode *n = top;
  while (n) {
    int skip = n->type != XML_ELEMENT_NODE || is_chrome(n);
    if (!skip && is_heading(n)) {
      xmlChar *t = xmlNodeGetContent(n);
      if (t)
        ty_layout_heading_seen(&r->lay, (const char *)t,
                               strlen((const char *)t));
      xmlFree(t);
      skip = 1;
    }
    if (!skip && n->children) {
      n = n->children;
      continue;
    }
    while (n && n != top && !n->next)
      n = n->parent;
    if (!n || n == top) break;
    n = n->next;
  }
}

/* Text of n's subtree, for a tree too deep to walk. */
static void flat_text(hreader *r, const xmlNode *n) {
  xmlChar *t = xmlNodeGetContent(n);
  if (t)
    ty_layout_text(&r->lay, (const char *)t, strlen((const char *)t),
                   line_of(n));
  xmlFree(t);
}

/* The list-style-type of an inline style attribute ("list-style-type:
 * lower-alpha", "list-style: katakana inside"). */
static int style_attr(const xmlNode *n, ty_counter_style *cs) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)"style");
  if (!v) return 0;
  int found = 0;
  const char *p = (const char *)v;
  while (!found && (p = strcasestr(p, "list-style")) != NULL) {
    p += strlen("list-style");
    if (strncasecmp(p, "-type", 5) == 0) p += 5;
    while (*p == ' ')
      p++;
    if (*p != ':') continue;
    p++;
    /* each word of the value until ';' */
    while (*p && *p != ';' && !found) {
      while (*p == ' ' || *p == '\t')
        p++;
      size_t k = strcspn(p, " \t;!");
      found = k && ty_counter_style_named(p, k, cs);
      p += k;
      if (*p == '!') p += strcspn(p, ";");
    }
  }
  xmlFree(v);
  return found;
}

/* The style the element asks for: inline CSS over `type` over the
 * docutils class; *cs unchanged when it asks for none. */
static void element_style(const xmlNode *n, ty_counter_style *cs) {
  static const struct {
    const char *cls;
    ty_counter_style id;
  } docutils[] = {{"arabic", TY_CS_DECIMAL},
                  {"loweralpha", TY_CS_LOWER_LATIN},
                  {"upperalpha", TY_CS_UPPER_LATIN},
                  {"lowerroman", TY_CS_LOWER_ROMAN},
                  {"upperroman", TY_CS_UPPER_ROMAN}};
  if (style_attr(n, cs)) return;
  xmlChar *t = xmlGetProp(n, (const xmlChar *)"type");
  int typed = t && ty_counter_style_of_type((const char *)t, cs);
  xmlFree(t);
  if (typed) return;
  for (size_t i = 0; i < sizeof docutils / sizeof docutils[0]; i++)
    if (has_token(n, "class", docutils[i].cls)) {
      *cs = docutils[i].id;
      return;
    }
}

static int int_attr(const xmlNode *n, const char *name, long *v) {
  xmlChar *s = xmlGetProp(n, (const xmlChar *)name);
  if (!s) return 0;
  char *end;
  long x = strtol((const char *)s, &end, 10);
  int ok = end != (const char *)s && x > -100000000 && x < 100000000;
  if (ok) *v = x;
  xmlFree(s);
  return ok;
}

/* An ol, ul or menu: each li a block starting with its marker. */
static void list(hreader *r, const xmlNode *n, int depth) {
  int ordered = is(n, "ol");
  ty_counter_style cs = ordered ? TY_CS_DECIMAL : TY_CS_BULLET;
  element_style(n, &cs);
  int reversed = ordered && xmlHasProp(n, (const xmlChar *)"reversed");
  long items = 0, v = 1;
  for (const xmlNode *c = n->children; c; c = c->next)
    items += is(c, "li");
  if (reversed) v = items;
  if (ordered) int_attr(n, "start", &v);
  ty_layout_flush(&r->lay, 0);
  /* an ordered list is a level of numbers of its own, indented below
   * the one it is in; a bulleted list's items stand where the text
   * around them does, so that markers typed in them ("- a.") line up
   * with those typed in the paragraphs beside them ("b."); under titles
   * every ordered list is indented */
  int saved = r->lay.indent;
  if (ordered) r->lay.indent = 3 * (r->lists++ + ty_layout_titled(&r->lay));
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (!is(c, "li")) {
      walk(r, c, depth + 1);
      continue;
    }
    if (is_chrome(c)) continue;
    if (ordered) int_attr(c, "value", &v);
    ty_counter_style item = cs;
    element_style(c, &item);
    ty_counter_marker(&r->mark, item, v);
    if (r->mark.n)
      ty_layout_marker(&r->lay, r->mark.p, line_of(c));
    else
      ty_layout_flush(&r->lay, 0);
    walk(r, c, depth + 1);
    ty_layout_flush(&r->lay, 0);
    v += reversed ? -1 : 1;
  }
  if (ordered) r->lists--;
  r->lay.indent = saved;
}

/* A table row: its cells' text on one line, set apart by tabs. */
static void row(hreader *r, const xmlNode *n, int depth) {
  ty_layout_flush(&r->lay, 1);
  r->in_row++;
  int first = 1;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (!is(c, "td") && !is(c, "th")) continue;
    if (!first) ty_layout_raw(&r->lay, "\t", 1, line_of(c));
    first = 0;
    walk(r, c, depth + 1);
  }
  r->in_row--;
  ty_layout_flush(&r->lay, 1);
}

static void element(hreader *r, const xmlNode *n, int depth) {
  if (is_chrome(n)) return;
  if (depth > MAX_DEPTH) {
    flat_text(r, n);
    return;
  }
  if (is(n, "br")) {
    if (r->in_row)
      ty_layout_text(&r->lay, " ", 1, 0);
    else
      ty_layout_break(&r->lay);
  } else if (is(n, "pre") && !r->in_row) {
    xmlChar *t = xmlNodeGetContent(n);
    const char *saved = r->lay.lang;
    r->lay.lang = lang_of(r, n, saved);
    if (t)
      ty_layout_verbatim(&r->lay, (const char *)t, strlen((const char *)t),
                         line_of(n));
    r->lay.lang = saved;
    xmlFree(t);
  } else if (is(n, "tr") && !r->in_row) {
    row(r, n, depth);
  } else if ((is(n, "ol") || is(n, "ul") || is(n, "menu")) && !r->in_row) {
    list(r, n, depth);
  } else if (is_heading(n) && !r->in_row) {
    ty_layout_flush(&r->lay, 1);
    walk(r, n, depth);
    ty_layout_title(&r->lay);
  } else if (is_block(n) || is(n, "pre") || is(n, "ol") || is(n, "ul")) {
    if (r->in_row) {
      ty_layout_text(&r->lay, " ", 1, 0);
      walk(r, n, depth);
      ty_layout_text(&r->lay, " ", 1, 0);
    } else {
      ty_layout_flush(&r->lay, 1);
      walk(r, n, depth);
      ty_layout_flush(&r->lay, 1);
    }
  } else if (is(n, "code") || is(n, "kbd") || is(n, "samp") || is(n, "tt")) {
    r->raw++;
    walk(r, n, depth);
    r->raw--;
  } else {
    walk(r, n, depth);
  }
}

static void walk(hreader *r, const xmlNode *n, int depth) {
  /* n's content is in the language it marks, else in its parent's */
  const char *saved = r->lay.lang;
  if (n->type == XML_ELEMENT_NODE) r->lay.lang = lang_of(r, n, saved);
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      const char *t = (const char *)c->content;
      if (!t) continue;
      int line = line_of(c);
      if (!line) line = line_of(n);
      if (r->raw)
        ty_layout_raw(&r->lay, t, strlen(t), line);
      else
        ty_layout_text(&r->lay, t, strlen(t), line);
    } else if (c->type == XML_ELEMENT_NODE) {
      element(r, c, depth + 1);
    }
  }
  r->lay.lang = saved;
}

/* Whether the text declares itself XML (an XML declaration first). */
static int is_xml(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
    i++;
  return n - i >= 5 && memcmp(s + i, "<?xml", 5) == 0;
}

/* The first error libxml2 reports, and whether it is one that loses
 * text (see is_damage). */
typedef struct first_error {
  int set, line, col, code;
  char msg[256];
} first_error;

/* libxml2's HTML parser recovers from what browsers recover from; these
 * are the errors after which the rest of the file is swallowed (a
 * comment, a quoted attribute value or a start tag left open — a file cut
 * short): the document is refused rather than read in part. */
static int is_damage(int code) {
  return code == XML_ERR_COMMENT_NOT_FINISHED ||
         code == XML_ERR_ATTRIBUTE_NOT_FINISHED || code == XML_ERR_GT_REQUIRED;
}

static void on_error(void *ctx, xmlErrorPtr e) {
  first_error *f = ctx;
  if (f->set || !e) return;
  if (f->code == -1 && !is_damage(e->code)) return;
  f->set = 1;
  f->line = e->line;
  f->col = e->int2;
  f->code = e->code;
  snprintf(f->msg, sizeof f->msg, "%s", e->message ? e->message : "error");
  size_t k = strlen(f->msg);
  while (k && (f->msg[k - 1] == '\n' || f->msg[k - 1] == ' '))
    f->msg[--k] = '\0';
}

/* Parses the text into *out (NULL for a document with nothing in it) as
 * XML when it declares itself XML, else as HTML.  Returns 0, or -1 with
 * err filled when XHTML is not well-formed or HTML is damaged
 * (is_damage). */
static int parse(ty_doc *d, xmlDocPtr *out, ty_error *err) {
  int xml = is_xml(d->text, d->len);
  /* code -1: keep only damage (HTML); 0: the first error (XML) */
  first_error f = {0, 0, 0, xml ? 0 : -1, ""};
  xmlSetStructuredErrorFunc(&f, on_error);
  xmlDocPtr x;
  if (xml)
    x = xmlReadMemory(d->text, (int)d->len, d->name, "UTF-8",
                      XML_PARSE_NONET | XML_PARSE_NOERROR |
                          XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES |
                          XML_PARSE_IGNORE_ENC);
  else
    x = htmlReadMemory(d->text, (int)d->len, d->name, "UTF-8",
                       HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                           HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
  xmlSetStructuredErrorFunc(NULL, NULL);
  *out = x;
  if ((xml && x) || (!xml && !f.set)) return 0;
  xmlFreeDoc(x);
  *out = NULL;
  if (!f.set) snprintf(f.msg, sizeof f.msg, "not well-formed");
  return ty_error_set(err, TY_ERR_SYNTAX, d->name, f.line, f.col, "%s: %s%s",
                      xml ? "XHTML" : "HTML", f.msg,
                      xml ? "" : " (the file looks cut short or damaged)");
}

int ty_read_html(ty_doc *d, ty_error *err) {
  if (d->len > (size_t)0x7fffffff)
    return ty_error_set(err, TY_ERR_SYNTAX, d->name, 0, 0,
                        "HTML document too large");
  xmlDocPtr x = NULL;
  if (d->len && parse(d, &x, err) != 0) return -1;
  const xmlNode *root = x ? xmlDocGetRootElement(x) : NULL;
  xmlChar *lang = root ? xmlGetProp(root, (const xmlChar *)"lang") : NULL;
  if (!lang && root)
    lang = xmlGetNsProp(root, (const xmlChar *)"lang", XML_XML_NAMESPACE);
  if (lang && *lang)
    d->declared_lang = ty_arena_strndup(&d->arena, (const char *)lang,
                                        strcspn((const char *)lang, "\n"));
  xmlFree(lang);
  hreader r = {0};
  r.d = d;
  /* an empty file is an empty document, as in plain text */
  for (const xmlNode *c = x ? x->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) count_headings(&r, c);
  for (const xmlNode *c = x ? x->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) element(&r, c, 0);
  ty_layout_finish(&r.lay, d);
  ty_layout_free(&r.lay);
  ty_buf_free(&r.mark);
  xmlFreeDoc(x);
  return 0;
}
