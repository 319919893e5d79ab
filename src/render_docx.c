/* render_docx.c — a Word bilingual table (対訳表), the form Japanese legal
 * translators deliver a translation in:
 *
 *   a title (the two files), a summary paragraph (the counts), then a
 *   table of three columns, key | 日本語 | English, a row per pair (the
 *   header row repeated on every page).  Each clause is set as its
 *   document writes it: its label as written ("第一条", "(1)", "7.1."), in
 *   the character style "Label", then its text, a paragraph per line.
 *   The Japanese column is in the paragraph style "Japanese" (East-Asian
 *   font Yu Mincho, language ja-JP); the English one in "English".
 *
 * Every finding is a Word comment (word/comments.xml, w:id = its index)
 * anchored on the cell of its clause on the side the problem is in
 * (ty_finding_side: a missing-en error on the Japanese cell, a wrong
 * number in the translation on the English one); a finding no pair holds
 * is anchored on the summary paragraph.  A cell of a missing side is
 * shaded.
 *
 * The package is ECMA-376 (WordprocessingML, transitional): content
 * types, package and document relationships, styles, comments and core
 * properties; the XML parts are written with libxml2's text writer
 * (render_xml.c) into memory and zipped with libzip (zip.c). */
#include "internal.h"
#include "render.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS                                                                   \
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define JA_FONT "Yu Mincho"
#define MISSING_FILL "F8CBAD"
#define HEADER_FILL "D9D9D9"
/* A4 portrait, 1.5 cm margins: 10,204 twips of text width */
#define COL_KEY 1304
#define COL_TEXT 4450

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/"
    "vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/comments.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
    "vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>\n";

static const char package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"" REL_NS "\">"
    "<Relationship Id=\"rId1\" Type=\"" R_NS "/officeDocument\" "
    "Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL_NS "/metadata/core-properties\" "
    "Target=\"docProps/core.xml\"/>"
    "</Relationships>\n";

static const char document_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"" REL_NS "\">"
    "<Relationship Id=\"rId1\" Type=\"" R_NS "/styles\" "
    "Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" R_NS "/comments\" "
    "Target=\"comments.xml\"/>"
    "</Relationships>\n";

/* Normal, Title, the two language styles, Label, the table grid and the
 * comment styles Word and LibreOffice look for. */
static const char styles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"" W_NS "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    "<w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"" JA_FONT
    "\" w:cs=\"Calibri\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"
    "<w:lang w:val=\"en-US\" w:eastAsia=\"ja-JP\"/>"
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
    "<w:spacing w:after=\"60\" w:line=\"264\" w:lineRule=\"auto\"/>"
    "</w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
    "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\">"
    "<w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:next w:val=\"Normal\"/><w:qFormat/>"
    "<w:pPr><w:spacing w:after=\"120\"/></w:pPr>"
    "<w:rPr><w:b/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr>"
    "</w:style>"
    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Japanese\">"
    "<w:name w:val=\"Japanese\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:rPr><w:rFonts w:eastAsia=\"" JA_FONT "\" w:hint=\"eastAsia\"/>"
    "<w:lang w:eastAsia=\"ja-JP\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"English\">"
    "<w:name w:val=\"English\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:rPr><w:lang w:val=\"en-US\"/></w:rPr></w:style>"
    "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"Label\">"
    "<w:name w:val=\"Label\"/><w:rPr><w:b/></w:rPr></w:style>"
    "<w:style w:type=\"table\" w:styleId=\"TableGrid\">"
    "<w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
    "</w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/>"
    "<w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"CommentText\">"
    "<w:name w:val=\"annotation text\"/><w:basedOn w:val=\"Normal\"/>"
    "</w:style>"
    "<w:style w:type=\"character\" w:styleId=\"CommentReference\">"
    "<w:name w:val=\"annotation reference\"/>"
    "<w:rPr><w:sz w:val=\"16\"/></w:rPr></w:style>"
    "</w:styles>\n";

typedef struct docx {
  const ty_alignment *al;
  ty_xml x;      /* word/document.xml */
  size_t *where; /* the pair of each finding, SIZE_MAX for none */
  size_t *off, *idx;
  ty_buf a;
} docx;

/* A part written in memory: open_memstream under the XML writer. */
typedef struct part {
  char *p;
  size_t n;
  FILE *f;
} part;

static int part_open(part *pt, ty_xml *x) {
  *pt = (part){0};
  pt->f = open_memstream(&pt->p, &pt->n);
  if (!pt->f) return -1;
  if (ty_xml_open(x, pt->f) == 0) return 0;
  fclose(pt->f);
  free(pt->p);
  *pt = (part){0};
  return -1;
}

static int part_close(part *pt, ty_xml *x) {
  int rc = ty_xml_close(x);
  if (fclose(pt->f) != 0) rc = -1;
  return rc;
}

static void w_val(ty_xml *x, const char *name, const char *val) {
  ty_xml_start(x, name);
  ty_xml_attr(x, "w:val", val);
  ty_xml_end(x);
}

/* <w:r>[<w:rPr><w:rStyle/></w:rPr>]<w:t>s[0..n)</w:t></w:r> */
static void run(ty_xml *x, const char *rstyle, const char *s, size_t n) {
  ty_xml_start(x, "w:r");
  if (rstyle) {
    ty_xml_start(x, "w:rPr");
    w_val(x, "w:rStyle", rstyle);
    ty_xml_end(x);
  }
  ty_xml_start(x, "w:t");
  ty_xml_attr(x, "xml:space", "preserve");
  ty_xml_text(x, s, n);
  ty_xml_end(x);
  ty_xml_end(x);
}

static void para_start(ty_xml *x, const char *pstyle) {
  ty_xml_start(x, "w:p");
  if (pstyle) {
    ty_xml_start(x, "w:pPr");
    w_val(x, "w:pStyle", pstyle);
    ty_xml_end(x);
  }
}

static void comment_mark(ty_xml *x, const char *what, size_t id) {
  char s[24];
  snprintf(s, sizeof s, "%zu", id);
  ty_xml_start(x, what);
  ty_xml_attr(x, "w:id", s);
  ty_xml_end(x);
}

/* The run after a commented range that shows the comment's mark. */
static void comment_reference(ty_xml *x, size_t id) {
  ty_xml_start(x, "w:r");
  ty_xml_start(x, "w:rPr");
  w_val(x, "w:rStyle", "CommentReference");
  ty_xml_end(x);
  comment_mark(x, "w:commentReference", id);
  ty_xml_end(x);
}

/* Whether finding k is anchored on the cell of pair i, side `side`. */
static int anchored(const docx *d, size_t k, ty_lang side) {
  return ty_finding_side(d->al, &d->al->findings.v[k], TY_JA) == side;
}

/* Opens (start) or closes the ranges of the comments of pair i on side
 * `side`; a close also writes their references. */
static void comment_ranges(docx *d, size_t i, ty_lang side, int start) {
  for (size_t j = d->off[i]; j < d->off[i + 1]; j++) {
    size_t k = d->idx[j];
    if (!anchored(d, k, side)) continue;
    comment_mark(&d->x, start ? "w:commentRangeStart" : "w:commentRangeEnd", k);
    if (!start) comment_reference(&d->x, k);
  }
}

/* The separator document d puts after clause c's label: U+3000 when it
 * writes one ("第一条　"), else a space.  Read only inside d's text. */
static const char *label_space(const ty_doc *d, const ty_clause *c) {
  uintptr_t lo = (uintptr_t)d->text, hi = lo + d->len;
  uintptr_t e = (uintptr_t)c->label + c->label_len;
  if (d->text && (uintptr_t)c->label >= lo && e + 3 <= hi &&
      memcmp(c->label + c->label_len, "\xE3\x80\x80", 3) == 0)
    return "\xE3\x80\x80";
  return " ";
}

/* The paragraphs of side `side` of pair i: a paragraph per line of each
 * clause's text, the clause's label leading its first line.  The comment
 * ranges enclose them all; an empty cell still gets its one paragraph. */
static void cell_paragraphs(docx *d, size_t i, ty_lang side) {
  const ty_pair *p = &d->al->pairs[i];
  const ty_doc *doc = side == TY_JA ? d->al->ja : d->al->en;
  const char *style = side == TY_JA ? "Japanese" : "English";
  int first = side == TY_JA ? p->ja : p->en;
  int count = first < 0 ? 0 : side == TY_JA ? p->nja : p->nen;
  para_start(&d->x, style);
  comment_ranges(d, i, side, 1);
  for (int k = 0; k < count; k++) {
    const ty_clause *c = &doc->cl[first + k];
    if (k) para_start(&d->x, style);
    ty_buf_clear(&d->a);
    if (c->label && c->label_len) {
      ty_buf_put(&d->a, c->label, c->label_len);
      if (c->text_len) ty_buf_puts(&d->a, label_space(doc, c));
      run(&d->x, "Label", d->a.p, d->a.n);
    }
    ty_buf_clear(&d->a);
    ty_clause_flat_text(c, &d->a);
    const char *s = d->a.p ? d->a.p : "", *end = s + d->a.n;
    for (;;) {
      const char *nl = memchr(s, '\n', (size_t)(end - s));
      run(&d->x, NULL, s, (size_t)((nl ? nl : end) - s));
      if (!nl) break;
      ty_xml_end(&d->x); /* w:p */
      para_start(&d->x, style);
      s = nl + 1;
    }
    if (k + 1 < count) ty_xml_end(&d->x);
  }
  comment_ranges(d, i, side, 0);
  ty_xml_end(&d->x);
}

static void cell_start(ty_xml *x, int width, const char *fill) {
  char w[16];
  snprintf(w, sizeof w, "%d", width);
  ty_xml_start(x, "w:tc");
  ty_xml_start(x, "w:tcPr");
  ty_xml_start(x, "w:tcW");
  ty_xml_attr(x, "w:w", w);
  ty_xml_attr(x, "w:type", "dxa");
  ty_xml_end(x);
  if (fill) {
    ty_xml_start(x, "w:shd");
    ty_xml_attr(x, "w:val", "clear");
    ty_xml_attr(x, "w:color", "auto");
    ty_xml_attr(x, "w:fill", fill);
    ty_xml_end(x);
  }
  ty_xml_end(x);
}

static void pair_row(docx *d, size_t i) {
  const ty_pair *p = &d->al->pairs[i];
  ty_xml *x = &d->x;
  ty_xml_start(x, "w:tr");
  cell_start(x, COL_KEY, NULL);
  para_start(x, NULL);
  const char *key = ty_pair_key(d->al, p);
  run(x, NULL, key, strlen(key));
  ty_xml_end(x);
  ty_xml_end(x);
  for (int side = 0; side < 2; side++) {
    ty_lang l = side ? TY_EN : TY_JA;
    cell_start(x, COL_TEXT, (side ? p->en : p->ja) < 0 ? MISSING_FILL : NULL);
    cell_paragraphs(d, i, l);
    ty_xml_end(x);
  }
  ty_xml_end(x);
}

static void header_row(ty_xml *x) {
  static const char *const names[3] = {"key", "日本語", "English"};
  ty_xml_start(x, "w:tr");
  ty_xml_start(x, "w:trPr");
  ty_xml_start(x, "w:tblHeader");
  ty_xml_end(x);
  ty_xml_end(x);
  for (int c = 0; c < 3; c++) {
    cell_start(x, c ? COL_TEXT : COL_KEY, HEADER_FILL);
    para_start(x, c == 1 ? "Japanese" : NULL);
    run(x, "Label", names[c], strlen(names[c]));
    ty_xml_end(x);
    ty_xml_end(x);
  }
  ty_xml_end(x);
}

static void table(docx *d) {
  ty_xml *x = &d->x;
  ty_xml_start(x, "w:tbl");
  ty_xml_start(x, "w:tblPr");
  w_val(x, "w:tblStyle", "TableGrid");
  ty_xml_start(x, "w:tblW");
  ty_xml_attr(x, "w:w", "0");
  ty_xml_attr(x, "w:type", "auto");
  ty_xml_end(x);
  ty_xml_start(x, "w:tblLayout");
  ty_xml_attr(x, "w:type", "fixed");
  ty_xml_end(x);
  ty_xml_end(x);
  ty_xml_start(x, "w:tblGrid");
  for (int c = 0; c < 3; c++) {
    char w[16];
    snprintf(w, sizeof w, "%d", c ? COL_TEXT : COL_KEY);
    ty_xml_start(x, "w:gridCol");
    ty_xml_attr(x, "w:w", w);
    ty_xml_end(x);
  }
  ty_xml_end(x);
  header_row(x);
  for (size_t i = 0; i < d->al->npairs; i++)
    pair_row(d, i);
  ty_xml_end(x);
}

/* The title, and the summary paragraph carrying the comments of the
 * findings no pair holds. */
static void heading(docx *d) {
  ty_xml *x = &d->x;
  para_start(x, "Title");
  ty_buf_clear(&d->a);
  ty_buf_printf(&d->a, "対訳表: %s / %s", d->al->ja->name, d->al->en->name);
  run(x, NULL, d->a.p, d->a.n);
  ty_xml_end(x);
  para_start(x, NULL);
  size_t nf = d->al->findings.n;
  for (size_t k = 0; k < nf; k++)
    if (d->where[k] == SIZE_MAX) comment_mark(x, "w:commentRangeStart", k);
  ty_buf_clear(&d->a);
  ty_summary_line(d->al, &d->a);
  run(x, NULL, d->a.p, d->a.n);
  for (size_t k = 0; k < nf; k++)
    if (d->where[k] == SIZE_MAX) {
      comment_mark(x, "w:commentRangeEnd", k);
      comment_reference(x, k);
    }
  ty_xml_end(x);
}

static void section(ty_xml *x) {
  ty_xml_start(x, "w:sectPr");
  ty_xml_start(x, "w:pgSz");
  ty_xml_attr(x, "w:w", "11906");
  ty_xml_attr(x, "w:h", "16838");
  ty_xml_end(x);
  ty_xml_start(x, "w:pgMar");
  static const char *const sides[] = {"w:top",   "w:right",  "w:bottom",
                                      "w:left",  "w:header", "w:footer",
                                      "w:gutter"};
  static const char *const twips[] = {"851", "851", "851", "851",
                                      "567", "567", "0"};
  for (int i = 0; i < 7; i++)
    ty_xml_attr(x, sides[i], twips[i]);
  ty_xml_end(x);
  ty_xml_end(x);
}

static int document_part(docx *d, part *pt) {
  if (part_open(pt, &d->x) != 0) return -1;
  ty_xml *x = &d->x;
  ty_xml_start(x, "w:document");
  ty_xml_attr(x, "xmlns:w", W_NS);
  ty_xml_attr(x, "xmlns:r", R_NS);
  ty_xml_start(x, "w:body");
  heading(d);
  table(d);
  para_start(x, NULL); /* Word wants a paragraph after a table */
  ty_xml_end(x);
  section(x);
  ty_xml_end(x);
  ty_xml_end(x);
  return part_close(pt, x);
}

/* word/comments.xml: a comment per finding, "severity: [code] key:
 * message", then where it is ("FILE:LINE"). */
static int comments_part(docx *d, part *pt) {
  ty_xml x;
  if (part_open(pt, &x) != 0) return -1;
  ty_xml_start(&x, "w:comments");
  ty_xml_attr(&x, "xmlns:w", W_NS);
  for (size_t k = 0; k < d->al->findings.n; k++) {
    const ty_finding *f = &d->al->findings.v[k];
    char id[24];
    snprintf(id, sizeof id, "%zu", k);
    ty_xml_start(&x, "w:comment");
    ty_xml_attr(&x, "w:id", id);
    ty_xml_attr(&x, "w:author", "taiyaku");
    ty_xml_attr(&x, "w:initials", "ty");
    for (int line = 0; line < 2; line++) {
      ty_buf_clear(&d->a);
      if (line) {
        ty_finding_location(d->al, f, &d->a);
      } else {
        ty_buf_printf(&d->a, "%s: ", ty_severity_name(f->severity));
        ty_finding_tail(f, &d->a);
      }
      para_start(&x, "CommentText");
      run(&x, NULL, d->a.p, d->a.n);
      ty_xml_end(&x);
    }
    ty_xml_end(&x);
  }
  ty_xml_end(&x);
  return part_close(pt, &x);
}

static int core_part(docx *d, part *pt) {
  ty_xml x;
  if (part_open(pt, &x) != 0) return -1;
  ty_xml_start(&x, "cp:coreProperties");
  ty_xml_attr(&x, "xmlns:cp",
              "http://schemas.openxmlformats.org/package/2006/metadata/"
              "core-properties");
  ty_xml_attr(&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  ty_xml_start(&x, "dc:title");
  ty_buf_clear(&d->a);
  ty_buf_printf(&d->a, "対訳表: %s / %s", d->al->ja->name, d->al->en->name);
  ty_xml_text(&x, d->a.p, d->a.n);
  ty_xml_end(&x);
  ty_xml_start(&x, "dc:creator");
  ty_xml_text(&x, "taiyaku", 7);
  ty_xml_end(&x);
  ty_xml_end(&x);
  return part_close(pt, &x);
}

/* Adds a part written by fn, then frees it. */
static int add_part(ty_zip_writer *zw, const char *name, docx *d,
                    int (*fn)(docx *, part *), ty_error *err) {
  part pt;
  int rc = fn(d, &pt);
  if (rc == 0) rc = ty_zip_add(zw, name, pt.p, pt.n, 0, err);
  free(pt.p);
  return rc;
}

static int add_const(ty_zip_writer *zw, const char *name, const char *s,
                     ty_error *err) {
  return ty_zip_add(zw, name, s, strlen(s), 0, err);
}

int ty_render_docx(const ty_alignment *al, const ty_render_options *o,
                   FILE *f) {
  (void)o;
  ty_error err = {0};
  ty_zip_writer *zw = ty_zip_create_temp(&err);
  if (!zw) return -1;
  docx d = {.al = al};
  d.where = ty_findings_by_pair(al, &d.off, &d.idx);
  int rc = add_const(zw, "[Content_Types].xml", content_types, &err);
  if (rc == 0) rc = add_const(zw, "_rels/.rels", package_rels, &err);
  if (rc == 0) rc = add_part(zw, "docProps/core.xml", &d, core_part, &err);
  if (rc == 0) rc = add_part(zw, "word/document.xml", &d, document_part, &err);
  if (rc == 0)
    rc = add_const(zw, "word/_rels/document.xml.rels", document_rels, &err);
  if (rc == 0) rc = add_const(zw, "word/styles.xml", styles, &err);
  if (rc == 0) rc = add_part(zw, "word/comments.xml", &d, comments_part, &err);
  if (rc == 0)
    rc = ty_zip_commit_to(zw, f, &err);
  else
    ty_zip_abandon(zw);
  free(d.where);
  free(d.off);
  free(d.idx);
  ty_buf_free(&d.a);
  return rc;
}
