/* render_tmx.c — TMX 1.4b, the translation-memory exchange format that
 * OmegaT, memoQ, Trados and Okapi load:
 *
 *   <tmx version="1.4">
 *     <header creationtool="taiyaku" ... segtype="paragraph" srclang="ja">
 *       <note>N unmatched clauses left out: ...</note>
 *     </header>
 *     <body>
 *       <tu tuid="KEY">
 *         <prop type="x-status">matched</prop>
 *         <tuv xml:lang="ja"><seg>...</seg></tuv>
 *         <tuv xml:lang="en"><seg>...</seg></tuv>
 *       </tu>
 *
 * A translation memory holds only text with its translation, so pairs
 * missing a side are left out and counted in the header note.  With
 * o->sentences and sentence pairs present, the memory is of sentences
 * (segtype "sentence"): a clause pair with sentence pairs gives one tu per
 * sentence pair that has both sides (tuid "KEY#N"), a clause pair without
 * them one tu of the whole clause; unpaired sentences are counted in the
 * note too.  No creation date is written, so that a committed alignment
 * changes only when its content does. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static const char *lang_code(ty_lang l) { return l == TY_EN ? "en" : "ja"; }

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

/* One <tu> with its props; ja/en are the two texts. */
static void put_tu(ty_xml *x, const char *tuid, const ty_pair *p,
                   ty_lang src, const ty_buf *ja, const ty_buf *en) {
  ty_xml_indent(x, 2);
  ty_xml_start(x, "tu");
  ty_xml_attr(x, "tuid", tuid);
  ty_xml_indent(x, 3);
  ty_xml_start(x, "prop");
  ty_xml_attr(x, "type", "x-status");
  const char *st = ty_pair_status_name(p->status);
  ty_xml_text(x, st, strlen(st));
  ty_xml_end(x);
  if (p->status == TY_PAIR_CONTENT) {
    char score[32];
    int n = snprintf(score, sizeof score, "%.3f", p->score);
    ty_xml_indent(x, 3);
    ty_xml_start(x, "prop");
    ty_xml_attr(x, "type", "x-score");
    ty_xml_text(x, score, (size_t)n);
    ty_xml_end(x);
  }
  const ty_buf *first = src == TY_JA ? ja : en, *second = src == TY_JA ? en : ja;
  put_tuv(x, src, first->p, first->n);
  put_tuv(x, src == TY_JA ? TY_EN : TY_JA, second->p, second->n);
  ty_xml_indent(x, 2);
  ty_xml_end(x);
}

/* A sentence span with its line breaks joined as in clause text. */
static void flat_span(const char *s, size_t n, ty_buf *out) {
  ty_clause c = {.text = s, .text_len = n};
  ty_buf_clear(out);
  ty_clause_flat_text(&c, out);
  if (!out->p) ty_buf_put(out, "", 0);
}

static int has_sentences(const ty_alignment *al) {
  for (size_t i = 0; i < al->npairs; i++)
    if (al->pairs[i].nsent && al->pairs[i].ja >= 0 && al->pairs[i].en >= 0)
      return 1;
  return 0;
}

static const char *plural(size_t n) { return n == 1 ? "" : "s"; }

int ty_render_tmx(const ty_alignment *al, const ty_render_options *o,
                  FILE *f) {
  int sentences = o->sentences && has_sentences(al);
  ty_lang src = o->source == TY_EN ? TY_EN : TY_JA;
  size_t left_ja = 0, left_en = 0, unpaired = 0;
  for (size_t i = 0; i < al->npairs; i++) {
    const ty_pair *p = &al->pairs[i];
    if (p->status == TY_PAIR_MISSING_EN) left_ja += (size_t)p->nja;
    if (p->status == TY_PAIR_MISSING_JA) left_en += (size_t)p->nen;
    if (sentences && p->ja >= 0 && p->en >= 0)
      for (size_t k = 0; k < p->nsent; k++) {
        const ty_sentpair *s = &al->sents[p->sent_off + k];
        unpaired += !s->ja || !s->en;
      }
  }

  ty_xml x;
  if (ty_xml_open(&x, f) != 0) return -1;
  ty_xml_start(&x, "tmx");
  ty_xml_attr(&x, "version", "1.4");
  ty_xml_indent(&x, 1);
  ty_xml_start(&x, "header");
  ty_xml_attr(&x, "creationtool", "taiyaku");
  ty_xml_attr(&x, "creationtoolversion", TY_VERSION);
  ty_xml_attr(&x, "segtype", sentences ? "sentence" : "paragraph");
  ty_xml_attr(&x, "o-tmf", "taiyaku");
  ty_xml_attr(&x, "adminlang", "en");
  ty_xml_attr(&x, "srclang", lang_code(src));
  ty_xml_attr(&x, "datatype", "plaintext");
  ty_buf note = {0};
  ty_buf_printf(&note,
                "%zu unmatched clause%s left out: %zu Japanese with no "
                "English, %zu English with no Japanese",
                left_ja + left_en, plural(left_ja + left_en), left_ja,
                left_en);
  if (sentences)
    ty_buf_printf(&note, "; %zu unpaired sentence%s left out", unpaired,
                  plural(unpaired));
  ty_xml_indent(&x, 2);
  ty_xml_start(&x, "note");
  ty_xml_text(&x, note.p, note.n);
  ty_xml_end(&x);
  ty_xml_indent(&x, 1);
  ty_xml_end(&x);

  ty_xml_indent(&x, 1);
  ty_xml_start(&x, "body");
  ty_buf ja = {0}, en = {0}, tuid = {0};
  for (size_t i = 0; i < al->npairs && !x.failed; i++) {
    const ty_pair *p = &al->pairs[i];
    if (p->ja < 0 || p->en < 0) continue;
    const char *key = ty_pair_key(al, p);
    if (sentences && p->nsent) {
      for (size_t k = 0; k < p->nsent; k++) {
        const ty_sentpair *s = &al->sents[p->sent_off + k];
        if (!s->ja || !s->en) continue;
        flat_span(s->ja, s->ja_len, &ja);
        flat_span(s->en, s->en_len, &en);
        ty_buf_clear(&tuid);
        ty_buf_printf(&tuid, "%s#%zu", key, k + 1);
        put_tu(&x, tuid.p, p, src, &ja, &en);
      }
      continue;
    }
    ty_buf_clear(&ja);
    ty_buf_clear(&en);
    ty_pair_text(al, p, TY_JA, &ja);
    ty_pair_text(al, p, TY_EN, &en);
    put_tu(&x, key, p, src, &ja, &en);
  }
  ty_xml_indent(&x, 1);
  ty_xml_end(&x);
  ty_xml_indent(&x, 0);
  ty_xml_end(&x);
  ty_buf_free(&ja);
  ty_buf_free(&en);
  ty_buf_free(&tuid);
  ty_buf_free(&note);
  if (ty_xml_close(&x) != 0) return -1;
  return ferror(f) ? -1 : 0;
}
