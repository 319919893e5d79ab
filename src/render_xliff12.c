/* render_xliff12.c — XLIFF 1.2 (transitional), the version most CAT tools
 * and converters read best (OmegaT 3.6, translate-toolkit, memoQ):
 *
 *   <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"
 *          xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0">
 *     <file original="NAME" source-language="ja" target-language="en"
 *           datatype="plaintext" tool-id="taiyaku">
 *       <header><tool tool-id="taiyaku" .../><note>...</note></header>
 *       <body>
 *         <trans-unit id="ID" resname="KEY" xml:space="preserve">
 *           <source>LABEL TEXT</source>
 *           <target state="translated">LABEL TEXT</target>
 *           <note from="taiyaku" priority="1" annotates="target">...</note>
 *           <its:locQualityIssues xml:id="lqi-ID">
 *             <its:locQualityIssue locQualityIssueType="numbers" .../>
 *
 * One trans-unit per pair, every pair (the review format: pocount counts
 * the pairs).  The findings are notes, which every 1.2 reader shows, and
 * ITS 2.0 quality issues where XLIFF 1.2 takes foreign markup: a standoff
 * its:locQualityIssues at the end of the trans-unit (elements of another
 * namespace are allowed there), referenced from the <source> or <target>
 * the problems are in (both take foreign attributes).
 *
 * States say what is known: a pair with both sides is "translated", or
 * "needs-review-translation" when a warning or an error is on it; a pair
 * with no target text has no <target>; one with no source text (the
 * translation has more) has an empty source and its target marked
 * "needs-review-translation". */
#include "internal.h"
#include "render.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XLIFF12_NS "urn:oasis:names:tc:xliff:document:1.2"

typedef struct ctx12 {
  const ty_alignment *al;
  ty_lang src, trg;
  ty_xml x;
  size_t *off, *idx; /* findings of pair i: idx[off[i] .. off[i+1]) */
  ty_buf s, t, tmp, id;
} ctx12;

static const char *priority(ty_severity s) {
  return s == TY_SEV_ERROR ? "1" : s == TY_SEV_WARNING ? "5" : "9";
}

static void put_note(ctx12 *c, int depth, const ty_finding *f,
                     const char *annotates) {
  ty_xml_indent(&c->x, depth);
  ty_xml_start(&c->x, "note");
  ty_xml_attr(&c->x, "from", "taiyaku");
  ty_xml_attr(&c->x, "priority", priority(f->severity));
  if (annotates) ty_xml_attr(&c->x, "annotates", annotates);
  ty_buf_clear(&c->tmp);
  ty_buf_printf(&c->tmp, "%s: [%s] ", ty_severity_name(f->severity),
                ty_code_name(f->code));
  if (f->key && *f->key) ty_buf_printf(&c->tmp, "%s: ", f->key);
  ty_buf_puts(&c->tmp, f->message ? f->message : "");
  ty_buf_printf(&c->tmp, " (confidence %.2f)", f->confidence);
  ty_xml_text(&c->x, c->tmp.p, c->tmp.n);
  ty_xml_end(&c->x);
}

/* The standoff issues of a pair, after its notes. */
static void put_issues(ctx12 *c, size_t pi, const char *lqi) {
  ty_xml_indent(&c->x, 4);
  ty_xml_start(&c->x, "its:locQualityIssues");
  ty_xml_attr(&c->x, "xml:id", lqi);
  for (size_t k = c->off[pi]; k < c->off[pi + 1]; k++) {
    const ty_finding *f = &c->al->findings.v[c->idx[k]];
    ty_xml_indent(&c->x, 5);
    ty_xml_start(&c->x, "its:locQualityIssue");
    ty_xml_attr(&c->x, "locQualityIssueType",
                ty_its_issue_type(c->al, f, c->src));
    ty_xml_attr(&c->x, "locQualityIssueComment", f->message ? f->message : "");
    ty_xml_attr(&c->x, "locQualityIssueSeverity", ty_its_severity(f->severity));
    ty_xml_end(&c->x);
  }
  ty_xml_indent(&c->x, 4);
  ty_xml_end(&c->x);
}

static void put_unit(ctx12 *c, size_t pi, ty_xml_ids *ids) {
  const ty_alignment *al = c->al;
  const ty_pair *p = &al->pairs[pi];
  const char *key = ty_pair_key(al, p);
  ty_xml_unique_id(ids, key, &c->id);
  int has_s = (c->src == TY_JA ? p->ja : p->en) >= 0;
  int has_t = (c->trg == TY_JA ? p->ja : p->en) >= 0;
  size_t nf = c->off[pi + 1] - c->off[pi];
  int on_side[2] = {0, 0}, review = !has_s;
  for (size_t k = c->off[pi]; k < c->off[pi + 1]; k++) {
    const ty_finding *f = &al->findings.v[c->idx[k]];
    on_side[ty_finding_side(al, f, c->src) == c->src ? 0 : 1] = 1;
    review |= f->severity >= TY_SEV_WARNING;
  }
  char lqi[160];
  snprintf(lqi, sizeof lqi, "#lqi-%s", c->id.p);
  ty_xml_indent(&c->x, 3);
  ty_xml_start(&c->x, "trans-unit");
  ty_xml_attr(&c->x, "id", c->id.p);
  ty_xml_attr(&c->x, "resname", key);
  ty_xml_attr(&c->x, "xml:space", "preserve");
  ty_buf_clear(&c->s);
  ty_buf_clear(&c->t);
  ty_pair_doc_text(al, p, c->src, &c->s);
  ty_pair_doc_text(al, p, c->trg, &c->t);
  ty_xml_indent(&c->x, 4);
  ty_xml_start(&c->x, "source");
  if (nf && (on_side[0] || !has_t))
    ty_xml_attr(&c->x, "its:locQualityIssuesRef", lqi);
  ty_xml_text(&c->x, c->s.p, c->s.n);
  ty_xml_end(&c->x);
  if (has_t) {
    ty_xml_indent(&c->x, 4);
    ty_xml_start(&c->x, "target");
    ty_xml_attr(&c->x, "state",
                review ? "needs-review-translation" : "translated");
    if (nf && on_side[1]) ty_xml_attr(&c->x, "its:locQualityIssuesRef", lqi);
    ty_xml_text(&c->x, c->t.p, c->t.n);
    ty_xml_end(&c->x);
  }
  for (size_t k = c->off[pi]; k < c->off[pi + 1]; k++) {
    const ty_finding *f = &al->findings.v[c->idx[k]];
    int src_side = ty_finding_side(al, f, c->src) == c->src;
    put_note(c, 4, f, src_side || !has_t ? "source" : "target");
  }
  if (nf) put_issues(c, pi, lqi + 1);
  ty_xml_indent(&c->x, 3);
  ty_xml_end(&c->x);
}

static void put_header(ctx12 *c, const size_t *where) {
  ty_xml_indent(&c->x, 2);
  ty_xml_start(&c->x, "header");
  ty_xml_indent(&c->x, 3);
  ty_xml_start(&c->x, "tool");
  ty_xml_attr(&c->x, "tool-id", "taiyaku");
  ty_xml_attr(&c->x, "tool-name", "taiyaku");
  ty_xml_attr(&c->x, "tool-version", TY_VERSION);
  ty_xml_end(&c->x);
  for (size_t i = 0; i < c->al->findings.n; i++)
    if (where[i] == SIZE_MAX) put_note(c, 3, &c->al->findings.v[i], NULL);
  ty_xml_indent(&c->x, 2);
  ty_xml_end(&c->x);
}

int ty_render_xliff12(const ty_alignment *al, const ty_render_options *o,
                      FILE *f) {
  ctx12 c = {.al = al};
  c.src = o->source == TY_EN ? TY_EN : TY_JA;
  c.trg = c.src == TY_JA ? TY_EN : TY_JA;
  size_t *where = ty_findings_by_pair(al, &c.off, &c.idx);
  if (ty_xml_open(&c.x, f) != 0) {
    free(where);
    free(c.off);
    free(c.idx);
    return -1;
  }
  ty_xml_start(&c.x, "xliff");
  ty_xml_attr(&c.x, "version", "1.2");
  ty_xml_attr(&c.x, "xmlns", XLIFF12_NS);
  ty_xml_attr(&c.x, "xmlns:its", "http://www.w3.org/2005/11/its");
  ty_xml_attr(&c.x, "its:version", "2.0");
  ty_xml_indent(&c.x, 1);
  ty_xml_start(&c.x, "file");
  ty_xml_attr(&c.x, "original", (c.src == TY_JA ? al->ja : al->en)->name);
  ty_xml_attr(&c.x, "source-language", c.src == TY_JA ? "ja" : "en");
  ty_xml_attr(&c.x, "target-language", c.trg == TY_JA ? "ja" : "en");
  ty_xml_attr(&c.x, "datatype", "plaintext");
  ty_xml_attr(&c.x, "tool-id", "taiyaku");
  put_header(&c, where);
  ty_xml_indent(&c.x, 2);
  ty_xml_start(&c.x, "body");
  ty_xml_ids ids = {0};
  for (size_t i = 0; i < al->npairs && !c.x.failed; i++)
    put_unit(&c, i, &ids);
  ty_xml_indent(&c.x, 2);
  ty_xml_end(&c.x);
  ty_xml_indent(&c.x, 1);
  ty_xml_end(&c.x);
  ty_xml_indent(&c.x, 0);
  ty_xml_end(&c.x);
  ty_xml_ids_free(&ids);
  free(where);
  free(c.off);
  free(c.idx);
  ty_buf_free(&c.s);
  ty_buf_free(&c.t);
  ty_buf_free(&c.tmp);
  ty_buf_free(&c.id);
  if (ty_xml_close(&c.x) != 0) return -1;
  return ferror(f) ? -1 : 0;
}
