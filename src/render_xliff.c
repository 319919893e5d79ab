/* render_xliff.c — XLIFF 2.1 with the review findings as ITS 2.0
 * Localization Quality Issue annotations, for CAT tools:
 *
 *   <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"
 *          xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0"
 *          version="2.1" srcLang="ja" trgLang="en">
 *     <file id="f1" original="ja/NAME.txt">
 *       <notes>findings that belong to no pair</notes>
 *       <unit id="ID" name="KEY" xml:space="preserve">
 *         <notes><note category="CODE" priority="1..9">message</note></notes>
 *         <segment id="s1" state="translated|initial">
 *           <source>...</source>
 *           <target><mrk id="m1" type="its:generic"
 *             its:locQualityIssueType="numbers"
 *             its:locQualityIssueComment="..."
 *             its:locQualityIssueSeverity="50">...</mrk></target>
 *
 * One unit per pair, every pair included (this is the review format).
 * Unit ids are the keys made NMTOKEN-safe (anything but ASCII letters,
 * digits, '.', '-', '_' becomes '_') and unique (a repeat gets "_2",
 * "_3"...); `name` keeps the key as it was.  o->source picks the source
 * language (Japanese by default).
 *
 * A pair missing its target side: state "initial" with an empty target.
 * A pair missing its source side (text the original does not have): an
 * empty source and the text as target, state "translated", annotated as
 * an addition — so a CAT tool shows the extra text where a reviewer can
 * act on it rather than dropping it.
 *
 * With o->sentences, a pair with sentence pairs gets one segment per
 * sentence pair; findings are annotated on the first segment's target.
 * Each finding is also a unit note, which CAT tools show more readily
 * than ITS markup. */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define XLIFF_NS "urn:oasis:names:tc:xliff:document:2.0"
#define ITS_NS "http://www.w3.org/2005/11/its"

/* ---- unique NMTOKEN ids -------------------------------------------------- */

/* An open-addressing set of the ids already given out. */
typedef struct idset {
  char **v;
  size_t cap, n;
} idset;

static uint64_t hash(const char *s) {
  uint64_t h = 1469598103934665603u; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

static void idset_grow(idset *set) {
  size_t cap = set->cap ? set->cap * 2 : 64;
  char **v = ty_xcalloc(cap, sizeof *v);
  for (size_t i = 0; i < set->cap; i++) {
    if (!set->v[i]) continue;
    size_t j = hash(set->v[i]) & (cap - 1);
    while (v[j]) j = (j + 1) & (cap - 1);
    v[j] = set->v[i];
  }
  free(set->v);
  set->v = v;
  set->cap = cap;
}

/* Adds a copy of id; 0 when it was there already. */
static int idset_add(idset *set, const char *id) {
  if (2 * (set->n + 1) > set->cap) idset_grow(set);
  size_t j = hash(id) & (set->cap - 1);
  for (; set->v[j]; j = (j + 1) & (set->cap - 1))
    if (strcmp(set->v[j], id) == 0) return 0;
  set->v[j] = ty_xstrdup(id);
  set->n++;
  return 1;
}

static void idset_free(idset *set) {
  for (size_t i = 0; i < set->cap; i++) free(set->v[i]);
  free(set->v);
}

static int nmtoken_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

/* out := a unit id for `key` not given out before. */
static void unit_id(const char *key, idset *seen, ty_buf *out) {
  ty_buf_clear(out);
  for (const char *k = key; *k; k++) {
    /* one '_' per character, not per byte of a multi-byte one */
    if (((unsigned char)*k & 0xC0) == 0x80) continue;
    ty_buf_putc(out, nmtoken_char(*k) ? *k : '_');
  }
  if (!out->n) ty_buf_putc(out, 'u');
  if (idset_add(seen, out->p)) return;
  size_t base = out->n;
  for (unsigned n = 2;; n++) {
    out->n = base;
    ty_buf_printf(out, "_%u", n);
    if (idset_add(seen, out->p)) return;
  }
}

/* ---- findings as ITS Localization Quality Issues ------------------------- */

/* The ITS 2.0 issue type of a finding.  A missing side is an omission
 * when it is the target, an addition (the target has more) when it is
 * the source.  Section-numbering problems are problems of the document's
 * structure, which ITS files under "markup". */
static const char *its_type(ty_code code, ty_lang src) {
  switch (code) {
  case TY_MISSING_EN: return src == TY_JA ? "omission" : "addition";
  case TY_MISSING_JA: return src == TY_EN ? "omission" : "addition";
  case TY_EMPTY: return "omission";
  case TY_SENTENCE_UNPAIRED: return "omission";
  case TY_UNTRANSLATED: return "untranslated";
  case TY_NUMBER_MISMATCH: return "numbers";
  case TY_TOKEN_MISMATCH: return "inconsistency";
  case TY_GLOSSARY: return "terminology";
  case TY_LENGTH_RATIO: return "length";
  case TY_PUNCTUATION: return "typographical";
  case TY_SUSPICIOUS_CHAR: return "characters";
  case TY_STYLE_MISMATCH: return "formatting";
  case TY_DUPLICATE_NUMBER:
  case TY_NUMBERING_GAP:
  case TY_NUMBERING_ORDER:
  case TY_RENUMBERED: return "markup";
  case TY_CODE_COUNT: break;
  }
  return "other";
}

/* ITS severity is 0..100; XLIFF note priority 1 (highest) .. 10. */
static const char *its_severity(ty_severity s) {
  return s == TY_SEV_ERROR ? "100" : s == TY_SEV_WARNING ? "50" : "10";
}

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
  ty_xml_text(x, tmp->p, tmp->n);
  ty_xml_end(x);
}

/* ---- the document ------------------------------------------------------- */

typedef struct ctx {
  const ty_alignment *al;
  ty_lang src, trg;
  int sentences;
  ty_xml x;
  size_t *off;   /* findings of pair i: idx[off[i] .. off[i+1]) */
  size_t *idx;
  ty_buf src_text, trg_text, tmp;
} ctx;

/* Opens an mrk per finding of the pair (closed by the caller). */
static size_t open_marks(ctx *c, size_t pi) {
  size_t n = c->off[pi + 1] - c->off[pi];
  for (size_t k = 0; k < n; k++) {
    const ty_finding *f = &c->al->findings.v[c->idx[c->off[pi] + k]];
    char id[32];
    snprintf(id, sizeof id, "m%zu", k + 1);
    ty_xml_start(&c->x, "mrk");
    ty_xml_attr(&c->x, "id", id);
    ty_xml_attr(&c->x, "type", "its:generic");
    ty_xml_attr(&c->x, "its:locQualityIssueType", its_type(f->code, c->src));
    ty_xml_attr(&c->x, "its:locQualityIssueComment",
                f->message ? f->message : "");
    ty_xml_attr(&c->x, "its:locQualityIssueSeverity",
                its_severity(f->severity));
  }
  return n;
}

/* One segment; `marks` puts the pair's findings around the target. */
static void put_segment(ctx *c, size_t pi, size_t seg, const ty_buf *s,
                        const ty_buf *t, int marks) {
  char id[32];
  snprintf(id, sizeof id, "s%zu", seg);
  ty_xml_indent(&c->x, 3);
  ty_xml_start(&c->x, "segment");
  ty_xml_attr(&c->x, "id", id);
  ty_xml_attr(&c->x, "state", t->n ? "translated" : "initial");
  ty_xml_indent(&c->x, 4);
  ty_xml_start(&c->x, "source");
  ty_xml_text(&c->x, s->p, s->n);
  ty_xml_end(&c->x);
  ty_xml_indent(&c->x, 4);
  ty_xml_start(&c->x, "target");
  size_t open = marks ? open_marks(c, pi) : 0;
  ty_xml_text(&c->x, t->p, t->n);
  while (open--) ty_xml_end(&c->x);
  ty_xml_end(&c->x);
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

static void put_unit(ctx *c, size_t pi, idset *ids) {
  const ty_alignment *al = c->al;
  const ty_pair *p = &al->pairs[pi];
  const char *key = ty_pair_key(al, p);
  unit_id(key, ids, &c->tmp);
  ty_xml_indent(&c->x, 2);
  ty_xml_start(&c->x, "unit");
  ty_xml_attr(&c->x, "id", c->tmp.p);
  ty_xml_attr(&c->x, "name", key);
  ty_xml_attr(&c->x, "xml:space", "preserve");
  if (c->off[pi + 1] > c->off[pi]) {
    ty_xml_indent(&c->x, 3);
    ty_xml_start(&c->x, "notes");
    for (size_t k = c->off[pi]; k < c->off[pi + 1]; k++)
      put_note(&c->x, 4, &al->findings.v[c->idx[k]], &c->tmp);
    ty_xml_indent(&c->x, 3);
    ty_xml_end(&c->x);
  }
  int both = p->ja >= 0 && p->en >= 0;
  if (c->sentences && both && p->nsent) {
    for (size_t k = 0; k < p->nsent; k++) {
      const ty_sentpair *s = &al->sents[p->sent_off + k];
      int ja_src = c->src == TY_JA;
      flat_span(ja_src ? s->ja : s->en, ja_src ? s->ja_len : s->en_len,
                &c->src_text);
      flat_span(ja_src ? s->en : s->ja, ja_src ? s->en_len : s->ja_len,
                &c->trg_text);
      put_segment(c, pi, k + 1, &c->src_text, &c->trg_text, k == 0);
    }
  } else {
    ty_buf_clear(&c->src_text);
    ty_buf_clear(&c->trg_text);
    ty_pair_text(al, p, c->src, &c->src_text);
    ty_pair_text(al, p, c->trg, &c->trg_text);
    put_segment(c, pi, 1, &c->src_text, &c->trg_text, 1);
  }
  ty_xml_indent(&c->x, 2);
  ty_xml_end(&c->x);
}

int ty_render_xliff(const ty_alignment *al, const ty_render_options *o,
                    FILE *f) {
  ctx c = {.al = al};
  c.src = o->source == TY_EN ? TY_EN : TY_JA;
  c.trg = c.src == TY_JA ? TY_EN : TY_JA;
  c.sentences = o->sentences;

  /* group the findings by pair, in their order */
  size_t nf = al->findings.n;
  size_t *where = ty_finding_pairs(al);
  c.off = ty_xcalloc(al->npairs + 2, sizeof *c.off);
  c.idx = ty_xmalloc((nf ? nf : 1) * sizeof *c.idx);
  size_t unplaced = 0;
  for (size_t i = 0; i < nf; i++) {
    if (where[i] == SIZE_MAX) unplaced++;
    else c.off[where[i] + 2]++;
  }
  for (size_t i = 2; i < al->npairs + 2; i++) c.off[i] += c.off[i - 1];
  for (size_t i = 0; i < nf; i++)
    if (where[i] != SIZE_MAX) c.idx[c.off[where[i] + 1]++] = i;

  if (ty_xml_open(&c.x, f) != 0) {
    free(where);
    free(c.off);
    free(c.idx);
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
  if (unplaced) {
    ty_xml_indent(&c.x, 2);
    ty_xml_start(&c.x, "notes");
    for (size_t i = 0; i < nf; i++)
      if (where[i] == SIZE_MAX)
        put_note(&c.x, 3, &al->findings.v[i], &c.tmp);
    ty_xml_indent(&c.x, 2);
    ty_xml_end(&c.x);
  }
  idset ids = {0};
  for (size_t i = 0; i < al->npairs && !c.x.failed; i++) put_unit(&c, i, &ids);
  ty_xml_indent(&c.x, 1);
  ty_xml_end(&c.x);
  ty_xml_indent(&c.x, 0);
  ty_xml_end(&c.x);
  idset_free(&ids);
  free(where);
  free(c.off);
  free(c.idx);
  ty_buf_free(&c.src_text);
  ty_buf_free(&c.trg_text);
  ty_buf_free(&c.tmp);
  if (ty_xml_close(&c.x) != 0) return -1;
  return ferror(f) ? -1 : 0;
}
