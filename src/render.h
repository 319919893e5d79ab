/* render.h — what the renderers (render.c, render_*.c) share: the XML
 * writer, the text helpers and each format's entry point.  Only the
 * formats layer and the dispatch include it. */
#ifndef TY_RENDER_H
#define TY_RENDER_H

#include "internal.h"

/* An XML document streamed to a FILE* through libxml2's text writer, for
 * the TMX and XLIFF renderers.  After the first failed libxml2 call the
 * others do nothing and ty_xml_close returns -1. (render_xml.c) */
typedef struct ty_xml {
  struct _xmlTextWriter *w;
  int failed;
  ty_buf tmp;
  void (*saved_handler)(void); /* libxml2's error handler, restored */
  void *saved_ctx;
} ty_xml;

/* Starts a UTF-8 document on f.  Returns 0, or -1 (nothing to close). */
int ty_xml_open(ty_xml *x, FILE *f);
void ty_xml_start(ty_xml *x, const char *name);
void ty_xml_end(ty_xml *x);
/* An attribute or text content from s[0..n); characters XML 1.0 cannot
 * carry (C0 controls but tab/LF/CR, U+FFFE, U+FFFF, bytes that are not
 * UTF-8) become U+FFFD.  ty_xml_attr takes a NUL-terminated value. */
void ty_xml_attr(ty_xml *x, const char *name, const char *value);
void ty_xml_text(ty_xml *x, const char *s, size_t n);
/* A line break and 2*depth spaces between elements (not inside text). */
void ty_xml_indent(ty_xml *x, int depth);
/* Ends the document and releases the writer (f stays open, flushed).
 * Returns 0, or -1 when any write failed. */
int ty_xml_close(ty_xml *x);

/* SRX-style sentence segmentation, as CAT tools segment (render_srx.c):
 * a rule set per language, owned by the caller (ty_srx_free). */
typedef struct ty_srx ty_srx;
ty_srx *ty_srx_new(ty_lang lang);
void ty_srx_free(ty_srx *x);
/* Appends the segments of s[0..n) to out as spans into s, trimmed. */
void ty_srx_split(ty_srx *x, const char *s, size_t n, ty_spans *out);

/* Translation units for the TMX and XLIFF renderers (render_seg.c): the
 * source text as a CAT tool segments the document (paragraphs with their
 * labels, or SRX sentences), the target text beside it. */
typedef struct ty_tu {
  const char *id;      /* unique within the set: key, "KEY/2", "KEY#N" */
  size_t pair;         /* the first pair the unit holds text of */
  const char *text[2]; /* per ty_lang, NUL-terminated, in the arena */
  size_t len[2];
  int split; /* the target is part of a sentence, cut at a comma */
} ty_tu;

typedef struct ty_tus {
  ty_tu *v;
  size_t n, cap;
  size_t left_out; /* source segments left out: no counterpart */
  int by_clause;   /* one unit per clause pair (asked, or text not mapped) */
  ty_arena arena;
} ty_tus;

#define TY_TU_SENTENCES 1u /* SRX sentences instead of paragraphs */
#define TY_TU_CLAUSE 2u    /* a unit per clause pair, labels left out */

/* Fills `out` (ty_tus_free) with the units of al, source language src. */
void ty_tus_build(const ty_alignment *al, ty_lang src, unsigned how,
                  ty_tus *out);
void ty_tus_free(ty_tus *u);

/* What the XLIFF renderers share (render_xml.c). */
typedef struct ty_id_slot ty_id_slot;
/* The ids given out so far (a hash table; zero-initialise, free with
 * ty_xml_ids_free). */
typedef struct ty_xml_ids {
  ty_id_slot *v;
  size_t cap, n;
} ty_xml_ids;
/* out := `base` the first time it is asked for, then base SEP 2, base SEP 3
 * ... (skipping any given out already), in time linear in the number of
 * ids: each base remembers the next number to try. */
void ty_unique_name(ty_xml_ids *seen, const char *base, char sep, ty_buf *out);
/* out := an NMTOKEN id for `key` (anything but ASCII letters, digits,
 * '.', '-', '_' becomes '_'; "u" when nothing is left) not given out
 * before in `seen` ("_2", "_3" ... on a repeat). */
void ty_xml_unique_id(ty_xml_ids *seen, const char *key, ty_buf *out);
void ty_xml_ids_free(ty_xml_ids *set);
/* The side a finding's problem is in: the side that alone has the text
 * (missing-en: ja), the side whose line a structural finding names, else
 * the target (a translation problem). */
ty_lang ty_finding_side(const ty_alignment *al, const ty_finding *f,
                        ty_lang src);
/* The ITS 2.0 Localization Quality Issue type of a finding, for source
 * language src (missing text on the target is an omission, text only the
 * target has an addition). */
const char *ty_its_issue_type(const ty_alignment *al, const ty_finding *f,
                              ty_lang src);
/* A unique id per pair (ty_pair_ids_free): its key, "KEY/2", "KEY/3" ...
 * for a key seen before (the Constitution has two front-2); an id that is
 * its key is the key itself, not a copy. */
const char **ty_pair_ids(const ty_alignment *al);
void ty_pair_ids_free(const ty_alignment *al, const char **ids);
/* ITS severity 0..100 of a severity. */
const char *ty_its_severity(ty_severity s);
/* ty_finding_pairs (returned, caller frees) plus the findings grouped by
 * pair: those of pair i are (*idx)[(*off)[i] .. (*off)[i+1]) (both new). */
size_t *ty_findings_by_pair(const ty_alignment *al, size_t **off, size_t **idx);
/* One side of a pair as its document writes it: each clause's label and
 * the space after it, then its text with wrapped lines joined; clauses
 * joined by '\n'.  Empty for a missing side. (render_seg.c) */
void ty_pair_doc_text(const ty_alignment *al, const ty_pair *p, ty_lang side,
                      ty_buf *out);
int ty_render_xliff12(const ty_alignment *al, const ty_render_options *o,
                      FILE *f);
int ty_render_xlsx(const ty_alignment *al, const ty_render_options *o, FILE *f);
/* A Word bilingual table, findings as comments (render_docx.c). */
int ty_render_docx(const ty_alignment *al, const ty_render_options *o, FILE *f);

/* What the HTML pages share (render_html_page.c).  ty_html_text writes
 * s[0..n) escaped as HTML text, safe in an attribute too; characters HTML
 * should not carry (controls but tab and line feed, U+FFFE, U+FFFF, bytes
 * that are not UTF-8) become U+FFFD; a line feed becomes <br> when `br`,
 * else a space.  ty_html_head writes the doctype, <html lang>, the head
 * (charset, viewport, generator, <title>, <style>) and opens <body>; the
 * title is a NULL-terminated list whose even entries are strings from the
 * input (escaped) and odd ones the page's own HTML between them. */
void ty_html_text(FILE *f, const char *s, size_t n, int br);
void ty_html_cstr(FILE *f, const char *s);
void ty_html_head(FILE *f, const char *lang, const char *const *title,
                  const char *style);
/* The alignment picture (render_html_map.c): ty_html_picture writes the
 * overview (a dot plot with the problem regions boxed) and the strip of
 * pairs in document order; ty_html_regions a detail per problem region.
 * The findings of pair i are idx[off[i] .. off[i+1]). */
void ty_html_picture(FILE *f, const ty_alignment *al, const size_t *off,
                     const size_t *idx);
void ty_html_regions(FILE *f, const ty_alignment *al, const size_t *off,
                     const size_t *idx);

int ty_render_text(const ty_alignment *al, const ty_render_options *o, FILE *f);
int ty_render_md(const ty_alignment *al, const ty_render_options *o, FILE *f);
int ty_render_csv(const ty_alignment *al, const ty_render_options *o, FILE *f,
                  char sep);
int ty_render_json(const ty_alignment *al, const ty_render_options *o, FILE *f);
int ty_render_yaml(const ty_alignment *al, const ty_render_options *o, FILE *f);
int ty_render_html(const ty_alignment *al, const ty_render_options *o, FILE *f);
int ty_render_tmx(const ty_alignment *al, const ty_render_options *o, FILE *f);
int ty_render_xliff(const ty_alignment *al, const ty_render_options *o,
                    FILE *f);

#endif
