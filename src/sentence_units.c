/* sentence_units.c — what the layout of a clause's sentences says to the
 * sentence aligner (align.c): where paragraphs start, which sentences
 * end none (a display cut them), which are the halves of a sentence a
 * display cut in two or a lead-in whose counterpart runs around a
 * display. */
#include "engine.h"

#include <string.h>

/* Whether a sentence that follows the text gap[0..n) after the sentence
 * before it starts a paragraph: a blank line in the gap, or a list item
 * ("* ", "- ", "・") starting a line. */
int ty_starts_paragraph(const char *gap, size_t n, const char *at, size_t len) {
  const char *nl = memchr(gap, '\n', n);
  if (!nl) return 0;
  for (const char *q = nl + 1; q < gap + n; q++) {
    if (*q == '\n') return 1;
    if (*q != ' ' && *q != '\t' && *q != '\r') break;
  }
  if (len >= 2 && (at[0] == '*' || at[0] == '-') && at[1] == ' ') return 1;
  return len >= 3 && memcmp(at, "\xE3\x83\xBB", 3) == 0;
}

/* Whether the text s[0..n) ends a sentence: its last character, closing
 * brackets and quotes aside, is a full stop, ! ? or a colon (a colon
 * introduces what follows: a display after it stands alone). */
int ty_ends_sentence(const char *s, size_t n) {
  while (n > 0) {
    size_t k = n - 1;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
      k--;
    int len;
    int32_t c = ty_utf8_decode(s + k, n - k, &len);
    if (c == ')' || c == '"' || c == '\'' || c == 0x300D || c == 0x300F ||
        c == 0xFF09 || c == 0x201D || c == 0x2019 || c == ' ') {
      n = k;
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x3002 ||
           c == 0xFF0E || c == 0xFF01 || c == 0xFF1F || c == 0xFF1A;
  }
  return 0;
}

/* Whether the text s[0..n) cannot start a sentence of its language, so
 * that it continues the one before: text that starts with , . ; ) and
 * Japanese that starts with hiragana or 、 。 (a particle: "を実行するこ
 * とで", "のようなエントリ").  An English small letter is no sign: the
 * messages of a catalog start so (mocorpus --clauses lost link precision,
 * .926 to .885). */
static int continues_sentence(const char *s, size_t n, ty_lang lang) {
  if (!n) return 0;
  int len;
  int32_t c = ty_utf8_decode(s, n, &len);
  if (c == ',' || c == '.' || c == ';' || c == ')') return 1;
  if (lang == TY_EN) return 0;
  return (c >= 0x3041 && c <= 0x3096) || c == 0x3001 || c == 0x3002;
}

/* Whether sentence k of u is the start or the end of a sentence that a
 * display cut in two, not a sentence of its own (cut_at: k is the end):
 * after an unfinished sentence ending a paragraph and a paragraph of its own
 * that ends no sentence either (a command, a path), a paragraph that starts as
 * no sentence starts and ends one (debian-faq 2.5 and 7.14 write "sources.list
 * に / deb cdrom:[...] / のようなエントリがある場合に…" and "an entry like /
 * deb cdrom:[...] / ."; the Japanese continuation was an unpaired sentence).
 * Left unpaired, it is no omission.  (Joining the three as one unit
 * instead cost mocorpus --clauses link precision: a catalog's messages
 * end without full stops.) */
static int cut_at(const sents *u, size_t k, ty_lang lang) {
  if (k < 2 || k >= u->n) return 0;
  const sent *a = &u->v[k - 2], *d = &u->v[k - 1], *c = &u->v[k];
  return d->para && c->para && a->clause == c->clause &&
         d->clause == c->clause && !ty_ends_sentence(a->s, a->n) &&
         !ty_ends_sentence(d->s, d->n) &&
         continues_sentence(c->s, c->n, lang) && ty_ends_sentence(c->s, c->n);
}

int ty_continues_display(const sents *u, size_t k, ty_lang lang) {
  return cut_at(u, k, lang) || cut_at(u, k + 2, lang);
}

/* Whether sentence k of u, left unpaired before a pairing whose other
 * side starts at sentence ok of o, introduces a display that the other
 * side's sentence before it runs on into: k ends with a colon or no
 * sentence at all, and sentence ok-1 of o ends no sentence before the
 * paragraph at ok (debian-faq 10.4: "Therefore you can remove unwanted
 * kernel image packages using this command:" / "dpkg --purge …" against
 * "…確認します。したがって、コマンド" / "dpkg --purge …" / "を使って…削除
 * できます"; the Japanese says it around the display).  Left unpaired, it
 * is no omission. */
int ty_leads_into_display(const sents *u, size_t k, const sents *o, size_t ok) {
  const sent *x = &u->v[k];
  size_t n = x->n;
  while (n > 0 && x->s[n - 1] == ' ')
    n--;
  int colon = (n >= 1 && x->s[n - 1] == ':') ||
              (n >= 3 && memcmp(x->s + n - 3, "\xEF\xBC\x9A", 3) == 0);
  if (!colon && ty_ends_sentence(x->s, x->n)) return 0;
  if (ok == 0 || ok >= o->n || !o->v[ok].para) return 0;
  return !ty_ends_sentence(o->v[ok - 1].s, o->v[ok - 1].n);
}
