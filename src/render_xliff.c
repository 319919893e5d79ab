/* render_xliff.c — XLIFF 2.1 with the review findings as ITS 2.0
 * Localization Quality Issues (the XLIFF 2.1 ITS module), for CAT tools:
 *
 *   <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"
 *          xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0"
 *          version="2.1" srcLang="ja" trgLang="en">
 *     <file id="f1" original="ja/NAME.txt">
 *       <notes>findings that belong to no pair</notes>
 *       <unit id="ID" name="KEY" xml:space="preserve">
 *         <its:locQualityIssues xml:id="lqi-ID-t">
 *           <its:locQualityIssue locQualityIssueType="numbers" .../>
 *         <notes><note category="CODE" priority="1..9">message</note></notes>
 *         <segment id="s1" state="translated|initial">
 *           <source>LABEL TEXT</source>
 *           <target>LABEL TEXT</target>
 *
 * One unit per pair, every pair (the review format); texts with their
 * labels, as the document writes them.  The findings of a unit are ITS
 * standoff its:locQualityIssues, one per side their problems are in
 * (ty_finding_side; xml:id "lqi-ID-s" for the source, "-t" for the
 * target), and notes.  Inline markup is left out by default: XLIFF 2
 * readers such as npm's xliff drop a target holding an <mrk>.  With
 * o->its_marks, the side's text is also wrapped in one mrk: the issue's
 * attributes on it when there is one, a reference "#its=lqi-ID-t" to the
 * standoff when there are several, as ITS 2.0 wants for overlapping
 * issues — never mrk inside mrk.  Issue types: ty_its_issue_type.  Unit ids are
 * the keys made NMTOKEN-safe and unique; `name` keeps the key.  o->source picks
 * the source language (Japanese by default).
 *
 * States say what is known: both sides, "translated"; no target text,
 * "initial" and no <target>; no source text (the translation has more),
 * "initial" with the text as target and an empty source, so that a CAT
 * tool shows the extra text where a reviewer can act on it.
 *
 * With o->sentences, a pair with sentence pairs gets one segment per
 * sentence pair; findings are marked on the first segment.  Each finding
 * is also a unit note, which CAT tools show more readily than ITS. */
#include "internal.h"
#include "render.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the document ------------------------------------------------------- */

#define XLIFF_NS "urn:oasis:names:tc:xliff:document:2.0"
#define ITS_NS "http://www.w3.org/2005/11/its"

typedef struct ctx {
  const ty_alignment *al;
  ty_lang src, trg;
  int sentences;
  int marks; /* o->its_marks: issues also marked inline */
  ty_xml x;
  size_t *off; /* findings of pair i: idx[off[i] .. off[i+1]) */
  size_t *idx;
  ty_buf src_text, trg_text, tmp, id;
  size_t nside[2]; /* findings of the current pair: 0 source, 1 target */
} ctx;

static const char *note_priority(ty_severity s) {
  return s == TY_SEV_ERROR ? "1" : s == TY_SEV_WARNING ? "5" : "9";
}

static void put_note(ty_xml *x, int depth, const ty_finding *f, ty_buf *tmp) {
  ty_xml_indent(x, depth);
  ty_xml_start(x, "note");
  ty_xml_attr(x, "category", ty_code_name(f->code));
  ty_xml_attr(x, "priority", note_priority(f->severity));
  ty_buf_clear(tmp);
  ty_buf_printf(tmp, "%s: ", ty_severity_name(f->severity));
  if (f->key && *f->key) ty_buf_printf(tmp, "%s: ", f->key);
  ty_buf_puts(tmp, f->message ? f->message : "");
  ty_buf_printf(tmp, " (confidence %.2f)", f->confidence);
  ty_xml_text(x, tmp->p, tmp->n);
  ty_xml_end(x);
}

/* 0 when finding f is on the source side, 1 on the target side. */
static int side_of(const ctx *c, const ty_finding *f) {
  return ty_finding_side(c->al, f, c->src) == c->src ? 0 : 1;
}

static void issue_attrs(ctx *c, const ty_finding *f, const char *prefix) {
  char name[64];
  snprintf(name, sizeof name, "%slocQualityIssueType", prefix);
  ty_xml_attr(&c->x, name, ty_its_issue_type(c->al, f, c->src));
  snprintf(name, sizeof name, "%slocQualityIssueComment", prefix);
  ty_xml_attr(&c->x, name, f->message ? f->message : "");
  snprintf(name, sizeof name, "%slocQualityIssueSeverity", prefix);
  ty_xml_attr(&c->x, name, ty_its_severity(f->severity));
}

/* The standoff issues of one side of pair pi, when it has two or more. */
static void put_standoff(ctx *c, size_t pi, int side) {
  if (!c->nside[side] || (c->marks && c->nside[side] < 2)) return;
  ty_buf_clear(&c->tmp);
  ty_buf_printf(&c->tmp, "lqi-%s-%c", c->id.p, side ? 't' : 's');
  ty_xml_indent(&c->x, 3);
  ty_xml_start(&c->x, "its:locQualityIssues");
  ty_xml_attr(&c->x, "xml:id", c->tmp.p);
  for (size_t k = c->off[pi]; k < c->off[pi + 1]; k++) {
    const ty_finding *f = &c->al->findings.v[c->idx[k]];
    if (side_of(c, f) != side) continue;
    ty_xml_indent(&c->x, 4);
    ty_xml_start(&c->x, "its:locQualityIssue");
    issue_attrs(c, f, "");
    ty_xml_end(&c->x);
  }
  ty_xml_indent(&c->x, 3);
  ty_xml_end(&c->x);
}

/* Text s of one side, in one mrk carrying that side's issues. */
static void put_marked(ctx *c, size_t pi, int side, const ty_buf *s,
                       int marks) {
  if (!c->marks || !marks || !c->nside[side] || !s->n) {
    ty_xml_text(&c->x, s->p, s->n);
    return;
  }
  ty_xml_start(&c->x, "mrk");
  ty_xml_attr(&c->x, "id", side ? "m2" : "m1");
  ty_xml_attr(&c->x, "type", "its:generic");
  if (c->nside[side] == 1) {
    for (size_t k = c->off[pi]; k < c->off[pi + 1]; k++) {
      const ty_finding *f = &c->al->findings.v[c->idx[k]];
      if (side_of(c, f) == side) issue_attrs(c, f, "its:");
    }
  } else {
    char ref[200];
    snprintf(ref, sizeof ref, "#its=lqi-%s-%c", c->id.p, side ? 't' : 's');
    ty_xml_attr(&c->x, "its:locQualityIssuesRef", ref);
  }
  ty_xml_text(&c->x, s->p, s->n);
  ty_xml_end(&c->x);
}

/* One segment; `marks`: the pair's findings go on this one. */
static void put_segment(ctx *c, size_t pi, size_t seg, const ty_buf *s,
                        const ty_buf *t, int has_t, int marks) {
  char id[32];
  snprintf(id, sizeof id, "s%zu", seg);
  ty_xml_indent(&c->x, 3);
  ty_xml_start(&c->x, "segment");
  ty_xml_attr(&c->x, "id", id);
  ty_xml_attr(&c->x, "state", s->n && t->n ? "translated" : "initial");
  ty_xml_indent(&c->x, 4);
  ty_xml_start(&c->x, "source");
  put_marked(c, pi, 0, s, marks);
  ty_xml_end(&c->x);
  if (has_t) {
    ty_xml_indent(&c->x, 4);
    ty_xml_start(&c->x, "target");
    put_marked(c, pi, 1, t, marks);
    ty_xml_end(&c->x);
  }
  ty_xml_indent(&c->x, 3);
  ty_xml_end(&c->x);
}

/* buf := a sentence span with its line breaks joined as in clause text. */
static void flat_span(const char *s, size_t n, ty_buf *out) {
  ty_buf_clear(out);
  if (!s) return;
  ty_clause cl = {.text = s, .text_len = n};
  ty_clause_flat_text(&cl, out);
}

static void put_sentences(ctx *c, size_t pi) {
  const ty_pair *p = &c->al->pairs[pi];
  for (size_t k = 0; k < p->nsent; k++) {
    const ty_sentpair *s = &c->al->sents[p->sent_off + k];
    int ja_src = c->src == TY_JA;
    flat_span(ja_src ? s->ja : s->en, ja_src ? s->ja_len : s->en_len,
              &c->src_text);
    flat_span(ja_src ? s->en : s->ja, ja_src ? s->en_len : s->ja_len,
              &c->trg_text);
    put_segment(c, pi, k + 1, &c->src_text, &c->trg_text, 1, k == 0);
  }
}

static void put_unit(ctx *c, size_t pi, ty_xml_ids *ids) {
  const ty_alignment *al = c->al;
  const ty_pair *p = &al->pairs[pi];
  const char *key = ty_pair_key(al, p);
  ty_xml_unique_id(ids, key, &c->id);
  c->nside[0] = c->nside[1] = 0;
  for (size_t k = c->off[pi]; k < c->off[pi + 1]; k++)
    c->nside[side_of(c, &al->findings.v[c->idx[k]])]++;
  ty_xml_indent(&c->x, 2);
  ty_xml_start(&c->x, "unit");
  ty_xml_attr(&c->x, "id", c->id.p);
  ty_xml_attr(&c->x, "name", key);
  ty_xml_attr(&c->x, "xml:space", "preserve");
  put_standoff(c, pi, 0);
  put_standoff(c, pi, 1);
  if (c->off[pi + 1] > c->off[pi]) {
    ty_xml_indent(&c->x, 3);
    ty_xml_start(&c->x, "notes");
    for (size_t k = c->off[pi]; k < c->off[pi + 1]; k++)
      put_note(&c->x, 4, &al->findings.v[c->idx[k]], &c->tmp);
    ty_xml_indent(&c->x, 3);
    ty_xml_end(&c->x);
  }
  int has_t = (c->trg == TY_JA ? p->ja : p->en) >= 0;
  if (c->sentences && p->ja >= 0 && p->en >= 0 && p->nsent) {
    put_sentences(c, pi);
  } else {
    ty_buf_clear(&c->src_text);
    ty_buf_clear(&c->trg_text);
    ty_pair_doc_text(al, p, c->src, &c->src_text);
    ty_pair_doc_text(al, p, c->trg, &c->trg_text);
    put_segment(c, pi, 1, &c->src_text, &c->trg_text, has_t, 1);
  }
  ty_xml_indent(&c->x, 2);
  ty_xml_end(&c->x);
}

static void free_ctx(ctx *c, size_t *where) {
  free(where);
  free(c->off);
  free(c->idx);
  ty_buf_free(&c->src_text);
  ty_buf_free(&c->trg_text);
  ty_buf_free(&c->tmp);
  ty_buf_free(&c->id);
}

int ty_render_xliff(const ty_alignment *al, const ty_render_options *o,
                    FILE *f) {
  ctx c = {.al = al};
  c.src = o->source == TY_EN ? TY_EN : TY_JA;
  c.trg = c.src == TY_JA ? TY_EN : TY_JA;
  c.sentences = o->sentences;
  c.marks = o->its_marks;
  size_t *where = ty_findings_by_pair(al, &c.off, &c.idx);
  if (ty_xml_open(&c.x, f) != 0) {
    free_ctx(&c, where);
    return -1;
  }
  ty_xml_start(&c.x, "xliff");
  ty_xml_attr(&c.x, "xmlns", XLIFF_NS);
  ty_xml_attr(&c.x, "xmlns:its", ITS_NS);
  ty_xml_attr(&c.x, "its:version", "2.0");
  ty_xml_attr(&c.x, "version", "2.1");
  ty_xml_attr(&c.x, "srcLang", c.src == TY_JA ? "ja" : "en");
  ty_xml_attr(&c.x, "trgLang", c.trg == TY_JA ? "ja" : "en");
  ty_xml_indent(&c.x, 1);
  ty_xml_start(&c.x, "file");
  ty_xml_attr(&c.x, "id", "f1");
  ty_xml_attr(&c.x, "original", (c.src == TY_JA ? al->ja : al->en)->name);
  size_t unplaced = 0;
  for (size_t i = 0; i < al->findings.n; i++)
    unplaced += where[i] == SIZE_MAX;
  if (unplaced) {
    ty_xml_indent(&c.x, 2);
    ty_xml_start(&c.x, "notes");
    for (size_t i = 0; i < al->findings.n; i++)
      if (where[i] == SIZE_MAX) put_note(&c.x, 3, &al->findings.v[i], &c.tmp);
    ty_xml_indent(&c.x, 2);
    ty_xml_end(&c.x);
  }
  ty_xml_ids ids = {0};
  for (size_t i = 0; i < al->npairs && !c.x.failed; i++)
    put_unit(&c, i, &ids);
  ty_xml_indent(&c.x, 1);
  ty_xml_end(&c.x);
  ty_xml_indent(&c.x, 0);
  ty_xml_end(&c.x);
  ty_xml_ids_free(&ids);
  free_ctx(&c, where);
  if (ty_xml_close(&c.x) != 0) return -1;
  return ferror(f) ? -1 : 0;
}
