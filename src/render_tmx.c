/* render_tmx.c — TMX 1.4b, the translation-memory exchange format that
 * OmegaT, memoQ, Trados and Okapi load:
 *
 *   <tmx version="1.4">
 *     <header creationtool="taiyaku" ... segtype="paragraph" srclang="ja">
 *       <note>N paragraph segments left out: no counterpart</note>
 *     </header>
 *     <body>
 *       <tu tuid="ID">
 *         <prop type="x-key">KEY</prop>
 *         <prop type="x-status">matched</prop>
 *         <tuv xml:lang="ja"><seg>...</seg></tuv>
 *         <tuv xml:lang="en"><seg>...</seg></tuv>
 *       </tu>
 *
 * The units are the document's own segments (render_seg.c): a paragraph,
 * or with o->sentences an SRX sentence, source text exactly as written, so
 * that a CAT tool finds them; o->by_clause gives a unit per clause pair
 * instead.  A memory holds only text with its translation: what has no
 * counterpart is left out and counted in the header note.  No creation
 * date is written, so that a committed alignment changes only when its
 * content does. */
#include "internal.h"
#include "render.h"

#include <stdio.h>
#include <string.h>

static const char *lang_code(ty_lang l) {
  return l == TY_EN ? "en" : "ja";
}

/* One <tuv> of text s[0..n). */
static void put_tuv(ty_xml *x, ty_lang lang, const char *s, size_t n) {
  ty_xml_indent(x, 3);
  ty_xml_start(x, "tuv");
  ty_xml_attr(x, "xml:lang", lang_code(lang));
  ty_xml_start(x, "seg");
  ty_xml_text(x, s, n);
  ty_xml_end(x);
  ty_xml_end(x);
}

static void put_prop(ty_xml *x, const char *type, const char *v) {
  ty_xml_indent(x, 3);
  ty_xml_start(x, "prop");
  ty_xml_attr(x, "type", type);
  ty_xml_text(x, v, strlen(v));
  ty_xml_end(x);
}

/* One <tu> with its props: the unit's pair, its key and status. */
static void put_tu(ty_xml *x, const ty_tu *t, const ty_pair *p, const char *key,
                   ty_lang src) {
  ty_xml_indent(x, 2);
  ty_xml_start(x, "tu");
  ty_xml_attr(x, "tuid", t->id);
  put_prop(x, "x-key", key);
  put_prop(x, "x-status", ty_pair_status_name(p->status));
  if (p->status == TY_PAIR_CONTENT) {
    char score[32];
    snprintf(score, sizeof score, "%.3f", p->score);
    put_prop(x, "x-score", score);
  }
  if (t->split) put_prop(x, "x-split", "target cut at its punctuation");
  ty_lang tgt = src == TY_JA ? TY_EN : TY_JA;
  put_tuv(x, src, t->text[src], t->len[src]);
  put_tuv(x, tgt, t->text[tgt], t->len[tgt]);
  ty_xml_indent(x, 2);
  ty_xml_end(x);
}

static void put_header(ty_xml *x, ty_lang src, int sentences, const ty_tus *u) {
  ty_xml_indent(x, 1);
  ty_xml_start(x, "header");
  ty_xml_attr(x, "creationtool", "taiyaku");
  ty_xml_attr(x, "creationtoolversion", TY_VERSION);
  ty_xml_attr(x, "segtype", sentences ? "sentence" : "paragraph");
  ty_xml_attr(x, "o-tmf", "taiyaku");
  ty_xml_attr(x, "adminlang", "en");
  ty_xml_attr(x, "srclang", lang_code(src));
  ty_xml_attr(x, "datatype", "plaintext");
  ty_buf note = {0};
  ty_buf_printf(&note, "%zu %s %s left out: no counterpart", u->left_out,
                u->by_clause ? "clause"
                : sentences  ? "sentence"
                             : "paragraph",
                u->left_out == 1 ? "segment" : "segments");
  if (u->by_clause)
    ty_buf_printf(&note, "; a unit per clause pair, labels left out");
  ty_xml_indent(x, 2);
  ty_xml_start(x, "note");
  ty_xml_text(x, note.p, note.n);
  ty_xml_end(x);
  ty_xml_indent(x, 1);
  ty_xml_end(x);
  ty_buf_free(&note);
}

int ty_render_tmx(const ty_alignment *al, const ty_render_options *o, FILE *f) {
  ty_lang src = o->source == TY_EN ? TY_EN : TY_JA;
  unsigned how =
      (o->sentences ? TY_TU_SENTENCES : 0) | (o->by_clause ? TY_TU_CLAUSE : 0);
  ty_tus u;
  ty_tus_build(al, src, how, &u);
  ty_xml x;
  if (ty_xml_open(&x, f) != 0) {
    ty_tus_free(&u);
    return -1;
  }
  ty_xml_start(&x, "tmx");
  ty_xml_attr(&x, "version", "1.4");
  put_header(&x, src, o->sentences, &u);
  ty_xml_indent(&x, 1);
  ty_xml_start(&x, "body");
  for (size_t i = 0; i < u.n && !x.failed; i++) {
    const ty_tu *t = &u.v[i];
    put_tu(&x, t, &al->pairs[t->pair], ty_pair_key(al, &al->pairs[t->pair]),
           src);
  }
  ty_xml_indent(&x, 1);
  ty_xml_end(&x);
  ty_xml_indent(&x, 0);
  ty_xml_end(&x);
  ty_tus_free(&u);
  if (ty_xml_close(&x) != 0) return -1;
  return ferror(f) ? -1 : 0;
}
