/* read_egov.c — Japanese statutes in the e-Gov law XML format, read with
 * libxml2 into the clause list the outline builds from the plain text of
 * the same law, keyed alike (ty_outline_finish, statute scheme).
 *
 *   Law          ::= LawNum? LawBody
 *   LawBody      ::= LawTitle? TOC? Preamble? MainProvision
 *                    SupplProvision* AppdxTable*
 *   MainProvision, group
 *                ::= (Part | Chapter | Section | Subsection | Division
 *                    | Article | Paragraph)*
 *   group        ::= Part | Chapter | ... each with its <Name>Title
 *                    ("第二章　貸借の手続") and Num ("2", "2_2")
 *   Article      ::= ArticleCaption? ArticleTitle Paragraph+
 *   Paragraph    ::= ParagraphCaption? ParagraphNum ParagraphSentence
 *                    (Item | TableStruct | ...)*
 *   Item         ::= ItemTitle ItemSentence Subitem1*
 *   SubitemN     ::= SubitemNTitle SubitemNSentence Subitem(N+1)*
 *   Sentence     ::= text with Ruby, Sup, Sub ... (their text counts)
 *
 * What becomes a clause, as the plain text has it:
 *  - LawNum, LawTitle and each Preamble paragraph: front matter, in
 *    that order as in e-Gov's plain text (the table of contents is left
 *    out with its label, as the outline drops them);
 *  - each group, labelled by the title's marker ("第二章") with the rest
 *    of the title as its text;
 *  - each Article, labelled by its ArticleTitle as written ("第五条の二"),
 *    its text the caption, a blank line and the sentences of its first
 *    paragraph; the first paragraph's items are the article's children;
 *  - each later Paragraph (ParagraphNum "２"), each Item and SubitemN;
 *  - SupplProvision (label SupplProvisionLabel, "附　則"): its articles,
 *    or its numbered paragraphs, are its children; an unnumbered single
 *    paragraph is its text;
 *  - AppdxTable: label AppdxTableTitle ("別表第一"), text the table's.
 * Ordinals come from Num ("10_2" is 10, branch 2); kinds and dress from
 * the titles as the numbering stage reads them.  Lines are the title
 * elements' (xmlGetLineNo).  All strings live in the document's arena. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

typedef struct reader {
  ty_doc *doc;
  ty_buf tmp;
  /* every clause's text as read; place_texts lays them out in document
   * order in one buffer, so that a span over consecutive clauses (a
   * content pair joining two) stays inside it, as in a plain-text
   * document */
  ty_buf texts;
  size_t *off; /* per clause: its text's offset in `texts` */
  size_t noff;
} reader;

static int is(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE &&
         strcmp((const char *)n->name, name) == 0;
}

/* The first element child named `name`, or NULL. */
static xmlNode *child(const xmlNode *n, const char *name) {
  for (xmlNode *c = n->children; c; c = c->next)
    if (is(c, name)) return c;
  return NULL;
}

/* The internal general entity a reference names, or NULL (an external
 * or undeclared one). */
static const xmlEntity *internal_entity(const xmlNode *ref) {
  const xmlEntity *e = xmlGetDocEntity(ref->doc, ref->name);
  return e && e->etype == XML_INTERNAL_GENERAL_ENTITY ? e : NULL;
}

/* Appends the text content of n (Ruby, Sup and the like included) to b,
 * the line breaks and indentation of the XML file left out.  A reference
 * to an internal entity ("&int;") stands for the entity's text, as if
 * written out (check_entities has refused the others). */
static void put_text(ty_buf *b, const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      for (const xmlChar *p = c->content; p && *p; p++)
        if (*p != '\n' && *p != '\r' && *p != '\t') ty_buf_putc(b, (char)*p);
    } else if (c->type == XML_ELEMENT_NODE && !is(c, "Rt")) {
      /* a ruby reading is not part of the sentence */
      put_text(b, c);
    } else if (c->type == XML_ENTITY_REF_NODE && internal_entity(c)) {
      put_text(b, (const xmlNode *)internal_entity(c));
    }
  }
}

/* The sentences under n (a ParagraphSentence, ItemSentence ...): Sentence
 * elements run on; Columns are set apart by an ideographic space, as the
 * plain text writes them. */
static void put_sentences(ty_buf *b, const xmlNode *n) {
  int first = 1;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (is(c, "Sentence")) {
      put_text(b, c);
    } else if (is(c, "Column")) {
      if (!first) ty_buf_puts(b, "\xE3\x80\x80");
      put_sentences(b, c);
      first = 0;
    }
  }
}

/* Trims ASCII and ideographic spaces at both ends of s[0..*n). */
static const char *trim(const char *s, size_t *n) {
  for (;;) {
    if (*n && (s[0] == ' ')) {
      s++;
      (*n)--;
    } else if (*n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) {
      s += 3;
      *n -= 3;
    } else {
      break;
    }
  }
  for (;;) {
    if (*n && s[*n - 1] == ' ')
      (*n)--;
    else if (*n >= 3 && memcmp(s + *n - 3, "\xE3\x80\x80", 3) == 0)
      *n -= 3;
    else
      break;
  }
  return s;
}

static int line_of(const xmlNode *n) {
  long l = xmlGetLineNo(n);
  return l > 0 && l < 0x7fffffff ? (int)l : 0;
}

/* Reads Num: "10_2" -> ordinal 10, branch 2 (a further "_3" stays out of
 * the key, as in the outline). */
static void read_num(const xmlNode *n, ty_clause *c) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)"Num");
  if (!v) return;
  char *end;
  long o = strtol((const char *)v, &end, 10);
  c->ordinal = o > 0 && o < 100000000 ? (int)o : 0;
  if (*end == '_') {
    long br = strtol(end + 1, NULL, 10);
    c->branch = br > 0 && br < 100000000 ? (int)br : 0;
  }
  xmlFree(v);
}

static void set_text(reader *r, ty_clause *c, const char *s, size_t n);

static ty_clause *add(reader *r, int parent, const xmlNode *at) {
  ty_doc *d = r->doc;
  ty_clause *c = ty_doc_add_clause(d);
  c->parent = parent;
  c->depth = parent < 0 ? 1 : d->cl[parent].depth + 1;
  c->line = c->end_line = line_of(at);
  c->col = 1;
  set_text(r, c, "", 0);
  return c;
}

static int index_of(const reader *r, const ty_clause *c) {
  return (int)(c - r->doc->cl);
}

/* Records a clause's text; the views are set by place_texts. */
static void set_text(reader *r, ty_clause *c, const char *s, size_t n) {
  size_t idx = (size_t)(c - r->doc->cl);
  if (idx >= r->noff) {
    size_t cap = r->noff ? r->noff : 64;
    while (cap <= idx)
      cap *= 2;
    r->off = ty_xrealloc(r->off, cap * sizeof *r->off);
    r->noff = cap;
  }
  r->off[idx] = r->texts.n;
  ty_buf_put(&r->texts, s, n);
  ty_buf_putc(&r->texts, '\n');
  c->text_len = n;
}

/* Copies the texts into the document's arena in document order (a
 * parent's text is recorded after its children's) and points the clauses
 * at them. */
static void place_texts(reader *r) {
  ty_doc *d = r->doc;
  ty_buf ordered = {0};
  for (size_t i = 0; i < d->ncl; i++) {
    size_t from = r->off[i];
    r->off[i] = ordered.n;
    ty_buf_put(&ordered, r->texts.p + from, d->cl[i].text_len);
    ty_buf_putc(&ordered, '\n');
  }
  char *base =
      ty_arena_strndup(&d->arena, ordered.p ? ordered.p : "", ordered.n);
  for (size_t i = 0; i < d->ncl; i++)
    d->cl[i].text = base + r->off[i];
  ty_buf_free(&ordered);
}

/* A front-matter paragraph from an element's text. */
static void front(reader *r, const xmlNode *n) {
  ty_buf_clear(&r->tmp);
  put_text(&r->tmp, n);
  size_t len = r->tmp.n;
  const char *s = trim(r->tmp.p ? r->tmp.p : "", &len);
  if (!len) return;
  ty_clause *c = add(r, -1, n);
  c->depth = 0;
  c->flags = TY_CL_FRONT;
  set_text(r, c, s, len);
}

/* Sets a clause's label, kind and dress from a title as written
 * ("第二章　総則", "２", "イ", "（１）"); the rest of the title goes to
 * `rest` (NULL to drop it). */
static void title(reader *r, ty_clause *c, const xmlNode *t, ty_kind kind,
                  ty_buf *rest) {
  ty_buf_clear(&r->tmp);
  if (t) put_text(&r->tmp, t);
  size_t n = r->tmp.n;
  const char *s = trim(r->tmp.p ? r->tmp.p : "", &n);
  ty_marker m;
  size_t lab = n, text = n;
  if (n && ty_number_parse(s, n, &m)) {
    lab = m.label_off + m.label_len;
    text = m.text_off;
    c->kind = m.kind;
    c->deco = m.deco;
    if (!c->ordinal) c->ordinal = m.ordinal;
  }
  if (kind != TY_K_NONE) c->kind = kind;
  c->label = ty_arena_strndup(&r->doc->arena, s, lab);
  c->label_len = lab;
  if (rest && text < n) ty_buf_put(rest, s + text, n - text);
  if (t) c->line = c->end_line = line_of(t);
}

static void items(reader *r, const xmlNode *n, int parent);

/* An Item or SubitemN element under clause `parent`. */
static void item(reader *r, const xmlNode *n, int parent, const char *name) {
  char tname[32], sname[32];
  snprintf(tname, sizeof tname, "%sTitle", name);
  snprintf(sname, sizeof sname, "%sSentence", name);
  ty_clause *c = add(r, parent, n);
  read_num(n, c);
  title(r, c, child(n, tname), TY_K_NONE, NULL);
  ty_buf t = {0};
  const xmlNode *sent = child(n, sname);
  if (sent) put_sentences(&t, sent);
  set_text(r, c, t.p ? t.p : "", t.n);
  ty_buf_free(&t);
  items(r, n, index_of(r, c));
}

/* The items (or the next level of subitems) inside n. */
static void items(reader *r, const xmlNode *n, int parent) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const char *name = (const char *)c->name;
    if (strcmp(name, "Item") == 0 ||
        (strncmp(name, "Subitem", 7) == 0 && strstr(name, "Title") == NULL &&
         strstr(name, "Sentence") == NULL))
      item(r, c, parent, name);
  }
}

/* A Paragraph with a number of its own (ParagraphNum "２", or "１" among
 * the numbered paragraphs of supplementary provisions). */
static void paragraph(reader *r, const xmlNode *n, int parent) {
  ty_clause *c = add(r, parent, n);
  read_num(n, c);
  title(r, c, child(n, "ParagraphNum"), TY_K_NONE, NULL);
  ty_buf t = {0};
  const xmlNode *cap = child(n, "ParagraphCaption");
  if (cap) {
    put_text(&t, cap);
    ty_buf_puts(&t, "\n\n");
  }
  const xmlNode *sent = child(n, "ParagraphSentence");
  if (sent) put_sentences(&t, sent);
  set_text(r, c, t.p ? t.p : "", t.n);
  ty_buf_free(&t);
  items(r, n, index_of(r, c));
}

/* Whether a Paragraph carries a number as written (an empty ParagraphNum
 * is the unnumbered first paragraph). */
static int numbered(reader *r, const xmlNode *p) {
  const xmlNode *num = child(p, "ParagraphNum");
  if (!num) return 0;
  ty_buf_clear(&r->tmp);
  put_text(&r->tmp, num);
  size_t n = r->tmp.n;
  trim(r->tmp.p ? r->tmp.p : "", &n);
  return n > 0;
}

/* The first paragraph's text (caption first) into `t`, its items under
 * `parent`; later paragraphs as clauses. */
static void paragraphs(reader *r, const xmlNode *n, int parent, ty_buf *t) {
  int first = 1;
  for (const xmlNode *p = n->children; p; p = p->next) {
    if (!is(p, "Paragraph")) continue;
    if (first && !numbered(r, p)) {
      const xmlNode *sent = child(p, "ParagraphSentence");
      if (sent) put_sentences(t, sent);
      items(r, p, parent);
    } else {
      paragraph(r, p, parent);
    }
    first = 0;
  }
}

static void article(reader *r, const xmlNode *n, int parent) {
  ty_clause *c = add(r, parent, n);
  read_num(n, c);
  title(r, c, child(n, "ArticleTitle"), TY_K_JA_ARTICLE, NULL);
  int idx = index_of(r, c);
  ty_buf t = {0};
  const xmlNode *cap = child(n, "ArticleCaption");
  if (cap) {
    put_text(&t, cap);
    ty_buf_puts(&t, "\n\n");
  }
  paragraphs(r, n, idx, &t);
  /* the clause array may have moved while the children were added */
  set_text(r, &r->doc->cl[idx], t.p ? t.p : "", t.n);
  ty_buf_free(&t);
}

static const struct {
  const char *elem, *title;
  ty_kind kind;
} groups[] = {
    {"Part", "PartTitle", TY_K_JA_PART},
    {"Chapter", "ChapterTitle", TY_K_JA_CHAPTER},
    {"Section", "SectionTitle", TY_K_JA_SECTION},
    {"Subsection", "SubsectionTitle", TY_K_JA_SUBSECTION},
    {"Division", "DivisionTitle", TY_K_JA_DIVISION},
};

/* The provisions inside a MainProvision, group or SupplProvision. */
static void provisions(reader *r, const xmlNode *n, int parent) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is(c, "Article")) {
      article(r, c, parent);
      continue;
    }
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
      if (!is(c, groups[g].elem)) continue;
      ty_clause *h = add(r, parent, c);
      read_num(c, h);
      ty_buf rest = {0};
      title(r, h, child(c, groups[g].title), groups[g].kind, &rest);
      set_text(r, h, rest.p ? rest.p : "", rest.n);
      ty_buf_free(&rest);
      provisions(r, c, index_of(r, h));
    }
  }
}

/* A SupplProvision: articles, or paragraphs (numbered ones as clauses, a
 * lone unnumbered one as its text). */
static void suppl(reader *r, const xmlNode *n) {
  ty_clause *c = add(r, -1, n);
  c->ordinal = 1; /* unnumbered: each set stands alone */
  title(r, c, child(n, "SupplProvisionLabel"), TY_K_JA_SUPPL, NULL);
  int idx = index_of(r, c);
  provisions(r, n, idx);
  ty_buf t = {0};
  paragraphs(r, n, idx, &t);
  set_text(r, &r->doc->cl[idx], t.p ? t.p : "", t.n);
  ty_buf_free(&t);
}

static void appdx_table(reader *r, const xmlNode *n) {
  ty_clause *c = add(r, -1, n);
  read_num(n, c);
  if (!c->ordinal) c->ordinal = 1;
  title(r, c, child(n, "AppdxTableTitle"), TY_K_JA_APPENDIX, NULL);
  ty_buf t = {0};
  for (const xmlNode *k = n->children; k; k = k->next)
    if (k->type == XML_ELEMENT_NODE && !is(k, "AppdxTableTitle") &&
        !is(k, "RelatedArticleNum"))
      put_text(&t, k);
  size_t len = t.n;
  const char *s = trim(t.p ? t.p : "", &len);
  set_text(r, c, s, len);
  ty_buf_free(&t);
}

static void law_body(reader *r, const xmlNode *body) {
  for (const xmlNode *c = body->children; c; c = c->next) {
    if (is(c, "LawTitle")) {
      front(r, c);
    } else if (is(c, "Preamble")) {
      for (const xmlNode *p = c->children; p; p = p->next)
        if (is(p, "Paragraph")) front(r, p);
    } else if (is(c, "MainProvision")) {
      provisions(r, c, -1);
      ty_buf t = {0};
      paragraphs(r, c, -1, &t);
      ty_buf_free(&t);
    } else if (is(c, "SupplProvision")) {
      suppl(r, c);
    } else if (is(c, "AppdxTable")) {
      appdx_table(r, c);
    }
  }
}

/* Bounds on entity references: how deep they nest and how many nodes
 * their expansions visit in all (libxml2 refuses loops and the classic
 * "billion laughs" itself; these keep put_text's walk bounded whatever
 * libxml2 lets through). */
#define MAX_ENTITY_DEPTH 16
#define MAX_ENTITY_NODES 1000000

/* Checks every entity reference under n: an external or undeclared one is
 * an error at its line (no file or network is ever read).  Returns 0, or
 * -1 with err filled. */
static int check_entities(const ty_doc *d, const xmlNode *n, int depth,
                          size_t *visited, ty_error *err) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (++*visited > MAX_ENTITY_NODES || depth > MAX_ENTITY_DEPTH)
      return ty_error_set(err, TY_ERR_SYNTAX, d->name, line_of(c), 0,
                          "XML: entities expand too much");
    if (c->type == XML_ENTITY_REF_NODE) {
      const xmlEntity *e = internal_entity(c);
      if (!e)
        return ty_error_set(err, TY_ERR_SYNTAX, d->name, line_of(c), 0,
                            "XML: the external entity &%s; is not read "
                            "(only internal entities are expanded)",
                            (const char *)c->name);
      if (check_entities(d, (const xmlNode *)e, depth + 1, visited, err))
        return -1;
    } else if (c->type == XML_ELEMENT_NODE &&
               check_entities(d, c, depth, visited, err)) {
      return -1;
    }
  }
  return 0;
}

int ty_read_egov(ty_doc *d, ty_error *err) {
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) ty_oom();
  /* no network, no entity substitution by the parser (internal entities
   * are expanded as text by put_text; external ones are refused), no
   * messages on stderr */
  int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
             XML_PARSE_BIG_LINES;
  if (d->len > (size_t)0x7fffffff) {
    xmlFreeParserCtxt(ctxt);
    return ty_error_set(err, TY_ERR_SYNTAX, d->name, 0, 0,
                        "XML document too large");
  }
  xmlDocPtr x =
      xmlCtxtReadMemory(ctxt, d->text, (int)d->len, d->name, "UTF-8", opts);
  if (!x) {
    const xmlError *e = &ctxt->lastError;
    char msg[256];
    snprintf(msg, sizeof msg, "%s",
             e->message ? e->message : "not well-formed");
    size_t k = strlen(msg);
    while (k && (msg[k - 1] == '\n' || msg[k - 1] == ' '))
      msg[--k] = '\0';
    int line = e->line, col = e->int2;
    xmlFreeParserCtxt(ctxt);
    return ty_error_set(err, TY_ERR_SYNTAX, d->name, line, col, "XML: %s", msg);
  }
  xmlFreeParserCtxt(ctxt);
  const xmlNode *root = xmlDocGetRootElement(x);
  if (!is(root, "Law")) {
    int line = root ? line_of(root) : 1;
    ty_error_set(err, TY_ERR_SYNTAX, d->name, line, 1,
                 "not an e-Gov law document: the root element is <%s>, "
                 "not <Law>",
                 root ? (const char *)root->name : "");
    xmlFreeDoc(x);
    return -1;
  }
  size_t visited = 0;
  if (check_entities(d, root, 0, &visited, err)) {
    xmlFreeDoc(x);
    return -1;
  }
  reader r = {d, {0}, {0}, NULL, 0};
  const xmlNode *num = child(root, "LawNum");
  if (num) front(&r, num);
  const xmlNode *body = child(root, "LawBody");
  if (body) law_body(&r, body);
  place_texts(&r);
  ty_buf_free(&r.tmp);
  ty_buf_free(&r.texts);
  free(r.off);
  xmlFreeDoc(x);
  ty_outline_finish(d, 1);
  return 0;
}
