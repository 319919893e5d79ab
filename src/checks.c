/* checks.c — the checks of a pair's content: numbers, Latin tokens,
 * untranslated text, suspicious characters, punctuation, glossary.
 *
 * ty_check_all walks the pairs once; for each pair it flattens both sides
 * (and normalises them when a check asks), then runs every enabled check
 * of the table below over that pair.  Doing the per-pair work once keeps
 * `check` close to the speed of reading the files.  (Sentence pairing and
 * length ratios are align.c's.)
 *
 * Every finding carries the pair's key and the line of each side. */
#include "internal.h"
#include "share.h"
#include "utf8_inline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>

/* The state of one run over an alignment, and what is known of the pair
 * being checked. */
typedef struct run {
  ty_alignment *al;
  const ty_config *cfg;
  ty_extractor *x;
  USet *jis; /* Han characters of JIS X 0208/0213; NULL if ICU lacks them */
  unsigned char *jis_bits; /* the same for U+3400..U+9FFF */
  const ty_pair *p;
  const char *key;
  int line[2];    /* ty_pair_line per side */
  int present[2]; /* the side has a clause */
  ty_buf text[2]; /* flattened text per side */
  ty_buf norm[2]; /* its NFKC form, made on demand */
  int normed[2];
  ty_buf msg;         /* scratch for messages */
  ty_buf *gloss_norm; /* per glossary entry, see normalize_glossary */
  /* the clauses left in English met so far in a row (untranslated_ja) */
  size_t grp_n;
  const char *grp_key, *grp_last;
  int grp_line[2];
  double grp_conf;
  ty_buf grp_excerpt;
  /* every such group: its finding, clauses and last key (summarise) */
  struct place {
    size_t finding, n;
    const char *last;
  } * places;
  size_t nplaces, capplaces;
} run;

static const char *const side_name[2] = {"ja", "en"};

static void report(run *r, ty_code code, const char *msg) {
  ty_findings_add(&r->al->findings, &r->al->arena, code, r->key, r->line[TY_JA],
                  r->line[TY_EN], "%s", msg);
}

static const ty_buf *normalized(run *r, ty_lang side) {
  if (!r->normed[side]) {
    ty_nfkc(r->x, r->text[side].p, r->text[side].n, &r->norm[side]);
    r->normed[side] = 1;
  }
  return &r->norm[side];
}

/* Appends at most `max` characters of s[0..n) to out, with "…" when cut. */
static void put_excerpt(ty_buf *out, const char *s, size_t n, int max) {
  size_t i = 0;
  int chars = 0;
  while (i < n && chars < max && s[i] != '\n') {
    int len;
    ty_utf8_decode(s + i, n - i, &len);
    i += (size_t)len;
    chars++;
  }
  ty_buf_put(out, s, i);
  if (i < n) ty_buf_puts(out, "…");
}

/* ---- number-mismatch ---------------------------------------------------- */

static void put_value(ty_buf *out, double v) {
  if (fabs(v) < 1e15 && v == (double)(long long)v)
    ty_buf_printf(out, "%lld", (long long)v);
  else
    ty_buf_printf(out, "%g", v);
}

/* Pairs values of a and b: first stated with stated, then with optional
 * ones, then implicit years (本年, this year) with any stated year.
 * Marks paired entries in ua/ub. */
static void pair_numbers(const ty_numbers *a, const ty_numbers *b,
                         unsigned char *ua, unsigned char *ub) {
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < a->n; i++) {
      const ty_number *x = &a->v[i];
      if (ua[i] || (x->flags & TY_NUM_ANY)) continue;
      if (pass == 0 && (x->flags & TY_NUM_OPTIONAL)) continue;
      for (size_t j = 0; j < b->n; j++) {
        const ty_number *y = &b->v[j];
        if (ub[j] || (y->flags & TY_NUM_ANY)) continue;
        if (pass == 0 && (y->flags & TY_NUM_OPTIONAL)) continue;
        if (!ty_number_equal(x->value, y->value) &&
            !ty_number_equal(x->alt, y->value) &&
            !ty_number_equal(x->value, y->alt))
          continue;
        ua[i] = ub[j] = 1;
        break;
      }
    }
  for (int dir = 0; dir < 2; dir++) {
    const ty_numbers *p = dir ? b : a, *q = dir ? a : b;
    unsigned char *up = dir ? ub : ua, *uq = dir ? ua : ub;
    for (size_t i = 0; i < p->n; i++) {
      if (up[i] || !(p->v[i].flags & TY_NUM_ANY)) continue;
      for (size_t j = 0; j < q->n; j++)
        if (!uq[j] && q->v[j].kind == TY_NUM_YEAR &&
            !(q->v[j].flags & (TY_NUM_ANY | TY_NUM_OPTIONAL))) {
          up[i] = uq[j] = 1;
          break;
        }
    }
  }
}

/* Whether the value v is stated anywhere in l. */
static int states(const ty_numbers *l, double v) {
  for (size_t i = 0; i < l->n; i++)
    if (!(l->v[i].flags & TY_NUM_ANY) &&
        (ty_number_equal(l->v[i].value, v) || ty_number_equal(l->v[i].alt, v)))
      return 1;
  return 0;
}

/* Appends the unpaired stated values of l; returns how many.  *news
 * counts those the other side `o` does not state at all. */
static int put_unpaired(ty_buf *out, const ty_numbers *l,
                        const unsigned char *used, const ty_numbers *o,
                        int *news) {
  int k = 0;
  for (size_t i = 0; i < l->n; i++) {
    if (used[i] || (l->v[i].flags & TY_NUM_OPTIONAL)) continue;
    if (k++) ty_buf_puts(out, ", ");
    put_value(out, l->v[i].value);
    *news += !states(o, l->v[i].value);
  }
  return k;
}

/* References are checked against references: where one side refers to
 * a section by number and the other by title (debian-faq: "see Section
 * 12.1, “What other documentation exists…”" for 「Debian システム上の…」
 * を確認), the numbers are left alone. */
static void leave_lone_references(ty_numbers l[2]) {
  size_t refs[2] = {0, 0};
  for (int s = 0; s < 2; s++)
    for (size_t i = 0; i < l[s].n; i++)
      refs[s] += (l[s].v[i].flags & TY_NUM_REF) != 0;
  for (int s = 0; s < 2; s++)
    if (refs[s] && !refs[!s])
      for (size_t i = 0; i < l[s].n; i++)
        if (l[s].v[i].flags & TY_NUM_REF) l[s].v[i].flags |= TY_NUM_OPTIONAL;
}

/* After pairing, references left on one side only refer by number where
 * the other side refers by title, though that side has references of its
 * own (debian-faq 7.4: "section 5, see Section 12.1, “What other
 * documentation…”" beside 「5節で…「Debian システム上の…」を見て」):
 * left alone.  Left on both sides, they disagree and are reported. */
static void leave_unpaired_references(const ty_numbers l[2],
                                      unsigned char *u[2]) {
  size_t left[2] = {0, 0};
  for (int s = 0; s < 2; s++)
    for (size_t i = 0; i < l[s].n; i++)
      left[s] += !u[s][i] && (l[s].v[i].flags & TY_NUM_REF) &&
                 !(l[s].v[i].flags & TY_NUM_OPTIONAL);
  for (int s = 0; s < 2; s++)
    if (left[s] && !left[!s])
      for (size_t i = 0; i < l[s].n; i++)
        if (l[s].v[i].flags & TY_NUM_REF) u[s][i] = 1;
}

static void check_numbers(run *r) {
  ty_numbers l[2] = {{0}};
  for (int s = 0; s < 2; s++) {
    const ty_buf *t = normalized(r, (ty_lang)s);
    ty_extract_numbers(r->x, t->p, t->n, (ty_lang)s, &l[s]);
  }
  leave_lone_references(l);
  if (l[0].n + l[1].n) {
    unsigned char *u[2];
    for (int s = 0; s < 2; s++)
      u[s] = ty_xcalloc(l[s].n + 1, 1);
    pair_numbers(&l[0], &l[1], u[0], u[1]);
    leave_unpaired_references(l, u);
    ty_buf ja = {0}, en = {0};
    int news = 0;
    int nja = put_unpaired(&ja, &l[0], u[0], &l[1], &news);
    int nen = put_unpaired(&en, &l[1], u[1], &l[0], &news);
    /* The multisets differ; but when every value left over is one the
     * other side states too, only the number of mentions differs (the
     * Japanese repeats "Version 1.6" where the English says it once):
     * that is style, not a wrong number. */
    if (news) {
      ty_buf_clear(&r->msg);
      if (nja && nen)
        ty_buf_printf(&r->msg, "%s in ja, %s in en", ja.p, en.p);
      else if (nja)
        ty_buf_printf(&r->msg, "%s in ja, not in en", ja.p);
      else
        ty_buf_printf(&r->msg, "%s in en, not in ja", en.p);
      report(r, TY_NUMBER_MISMATCH, r->msg.p);
    }
    ty_buf_free(&ja);
    ty_buf_free(&en);
    free(u[0]);
    free(u[1]);
  }
  ty_numbers_free(&l[0]);
  ty_numbers_free(&l[1]);
}

/* ---- token-mismatch ----------------------------------------------------- */

/* See check_tokens.c; the whole English document says how sure a
 * missing token is. */
static void check_tokens(run *r) {
  const ty_buf *ja = normalized(r, TY_JA), *en = normalized(r, TY_EN);
  const ty_doc *d = r->al->en;
  double conf = 1;
  ty_buf_clear(&r->msg);
  if (!ty_tokens_missing(ja->p, ja->n, en->p, en->n, d ? d->text : NULL,
                         d ? d->len : 0, &r->msg, &conf))
    return;
  ty_buf_puts(&r->msg, " in ja, not in en");
  report(r, TY_TOKEN_MISMATCH, r->msg.p);
  ty_findings_set_confidence(&r->al->findings, conf);
}

/* ---- untranslated ------------------------------------------------------- */

static int is_hiragana(int32_t c) {
  return c >= 0x3041 && c <= 0x309F;
}

static int is_latin_letter(int32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if (c >= 0x3000) return 0;
  UErrorCode st = U_ZERO_ERROR;
  return u_isalpha(c) && uscript_getScript(c, &st) == USCRIPT_LATIN;
}

static int opens(int32_t c) {
  return c == '(' || c == 0xFF08 || c == '[' || c == 0x300C || c == 0x300E ||
         c == 0x201C || c == 0x3010;
}
static int closes(int32_t c) {
  return c == ')' || c == 0xFF09 || c == ']' || c == 0x300D || c == 0x300F ||
         c == 0x201D || c == 0x3011;
}

/* Share of Japanese among the letters of the English text (above ~30%
 * the text is Japanese), or a Japanese sentence outside brackets (ten or
 * more Japanese letters with particles: a name in brackets is no
 * sentence, nor is a bare name, which has no hiragana). */
#define JA_SHARE 0.3
#define SENTENCE_LETTERS 10
#define SENTENCE_KANA 3

static void untranslated_en(run *r) {
  const ty_buf *t = &r->text[TY_EN];
  const char *s = t->p;
  size_t n = t->n, i = 0;
  /* Kana and kanji take three or four bytes in UTF-8, led by E3..E9 or
   * F0: a text without such bytes has no Japanese (ASCII passed over
   * eight bytes at a time). */
  for (uint64_t w; i + 8 <= n; i += 8) {
    memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ULL) break;
  }
  while (i < n && (unsigned char)s[i] < 0xE3)
    i++;
  if (i == n) return;
  i = 0;
  size_t ja = 0, latin = 0, first_ja = n, sentence = n;
  int depth = 0, quoted = 0;
  size_t run_start = n, run_ja = 0, run_kana = 0;
  while (i < n) {
    int len = 1;
    int32_t c = ty_utf8_decode_inline(s + i, n - i, &len);
    if (c == '"') { /* ASCII quotes open and close alike */
      quoted = !quoted;
      run_start = n;
      run_ja = run_kana = 0;
      i++;
      continue;
    }
    if (c < 0x80 && c != '(' && c != ')' && c != '[' && c != ']') {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
        latin++;
        run_start = n;
        run_ja = run_kana = 0;
      }
      i++;
      continue;
    }
    if (ty_is_japanese(c)) {
      ja++;
      if (first_ja == n) first_ja = i;
      if (depth == 0 && !quoted) {
        if (run_start == n) run_start = i;
        run_ja++;
        run_kana += is_hiragana(c);
        if (sentence == n && run_ja >= SENTENCE_LETTERS &&
            run_kana >= SENTENCE_KANA)
          sentence = run_start;
      }
    } else if (is_latin_letter(c) || opens(c) || closes(c)) {
      latin += is_latin_letter(c);
      if (opens(c)) depth++;
      if (closes(c) && depth > 0) depth--;
      run_start = n;
      run_ja = run_kana = 0;
    }
    i += (size_t)len;
  }
  if (!ja) return;
  ty_buf_clear(&r->msg);
  if ((double)ja / (double)(ja + latin) > JA_SHARE) {
    ty_buf_printf(&r->msg,
                  "the English text is Japanese (%d%% of its letters): ",
                  (int)(100.0 * (double)ja / (double)(ja + latin) + 0.5));
    put_excerpt(&r->msg, s + first_ja, n - first_ja, 24);
  } else if (sentence < n) {
    ty_buf_puts(&r->msg, "Japanese sentence in the English text: ");
    put_excerpt(&r->msg, s + sentence, n - sentence, 24);
  } else {
    return;
  }
  report(r, TY_UNTRANSLATED, r->msg.p);
}

/* A Japanese text with no Japanese letter but English prose (see
 * check_untranslated.c for what counts): English left where the Japanese
 * should be.  Clauses left so one after the other (a whole section:
 * developers-reference 5.12 and its six sub-clauses, the appendix tools
 * 1.2.2-1.2.11) are one cause and one finding, at the first, with the
 * count and the last key.  Clauses between them that hold no Japanese
 * and no prose (a command, a name, a licence notice) neither join nor
 * end the group. */
#define ENGLISH_LETTERS 10

/* Appends a place left in English to r's list. */
static void add_place(run *r, struct place pc) {
  if (r->nplaces == r->capplaces) {
    r->capplaces = r->capplaces ? 2 * r->capplaces : 16;
    r->places = ty_xrealloc(r->places, r->capplaces * sizeof *r->places);
  }
  r->places[r->nplaces++] = pc;
}

static void flush_untranslated(run *r) {
  if (!r->grp_n) return;
  ty_buf_clear(&r->msg);
  ty_buf_puts(&r->msg, "the Japanese text has no Japanese: ");
  ty_buf_put(&r->msg, r->grp_excerpt.p, r->grp_excerpt.n);
  if (r->grp_n > 1)
    ty_buf_printf(&r->msg, " (%zu clauses in a row, to %s)", r->grp_n,
                  r->grp_last);
  ty_findings_add(&r->al->findings, &r->al->arena, TY_UNTRANSLATED, r->grp_key,
                  r->grp_line[TY_JA], r->grp_line[TY_EN], "%s", r->msg.p);
  ty_findings_set_confidence(&r->al->findings, r->grp_conf);
  add_place(r, (struct place){r->al->findings.n - 1, r->grp_n, r->grp_last});
  r->grp_n = 0;
}

/* One cause, one finding: a document left in English in several places
 * is a translation not finished (developers-reference ja.txt, a po4a
 * translation behind its source: 53 clauses in 25 places).  One error at
 * the first place names them all; each place keeps its own finding, at
 * most info, so the formats still mark it beside its clause. */
#define PLACES_NAMED 100 /* the list stays readable; the rest counted */

static void summarise_untranslated(run *r) {
  if (r->nplaces < 2) return;
  ty_findings *f = &r->al->findings;
  size_t clauses = 0;
  double conf = 0;
  ty_buf_clear(&r->msg);
  for (size_t i = 0; i < r->nplaces; i++) {
    ty_finding *x = &f->v[r->places[i].finding];
    x->named = 1;
    clauses += r->places[i].n;
    if (x->confidence > conf) conf = x->confidence;
    if (i == PLACES_NAMED) {
      ty_buf_printf(&r->msg, ", and %zu more", r->nplaces - i);
    } else if (i < PLACES_NAMED) {
      ty_buf_printf(&r->msg, "%s%s", i ? ", " : "", x->key);
      if (r->places[i].n > 1) ty_buf_printf(&r->msg, "..%s", r->places[i].last);
      ty_buf_printf(&r->msg, " (ja %d)", x->ja_line);
    }
  }
  const ty_finding first = f->v[r->places[0].finding];
  ty_findings_add(f, &r->al->arena, TY_UNTRANSLATED, first.key, first.ja_line,
                  first.en_line,
                  "%zu clauses in %zu places of the Japanese are still "
                  "English: %s",
                  clauses, r->nplaces, r->msg.p);
  ty_findings_set_confidence(f, conf);
}

static void untranslated_ja(run *r) {
  const ty_buf *t = &r->text[TY_JA];
  size_t latin = 0, i = 0;
  while (i < t->n) {
    int len;
    int32_t c = ty_utf8_decode(t->p + i, t->n - i, &len);
    if (ty_is_japanese(c)) {
      flush_untranslated(r);
      return;
    }
    i += (size_t)len;
    latin += is_latin_letter(c);
  }
  double conf =
      latin < ENGLISH_LETTERS ? 0 : ty_untranslated_confidence(t->p, t->n);
  if (conf <= 0) return;
  /* the Japanese source marks the text as in another language (<p
   * lang="en">, a licence or a quoted name kept so): deliberate, a note
   * that neither joins nor ends a group (indocx, #13) */
  const char *lang = ty_pair_lang(r->al, r->p, TY_JA);
  int ja = lang && (lang[0] | 0x20) == 'j' && (lang[1] | 0x20) == 'a' &&
           (!lang[2] || lang[2] == '-');
  if (lang && !ja) {
    ty_buf_clear(&r->msg);
    ty_buf_printf(&r->msg,
                  "marked lang=\"%s\" in the Japanese source, kept so on "
                  "purpose: ",
                  lang);
    put_excerpt(&r->msg, t->p, t->n, 40);
    report(r, TY_MARKED_LANGUAGE, r->msg.p);
    return;
  }
  if (r->grp_n++) {
    r->grp_last = r->key;
    if (conf > r->grp_conf) r->grp_conf = conf;
    return;
  }
  r->grp_key = r->grp_last = r->key;
  r->grp_line[TY_JA] = r->line[TY_JA];
  r->grp_line[TY_EN] = r->line[TY_EN];
  r->grp_conf = conf;
  ty_buf_clear(&r->grp_excerpt);
  put_excerpt(&r->grp_excerpt, t->p, t->n, 40);
}

static void check_untranslated(run *r) {
  if (r->present[TY_EN]) untranslated_en(r);
  if (r->present[TY_JA]) untranslated_ja(r);
}

/* ---- suspicious-char ---------------------------------------------------- */

/* Han characters of JIS X 0208 (with the NEC/IBM kanji of Windows-31J,
 * ibm-943) and of JIS X 0213 (IBM's Japanese host set ibm-16684 holds its
 * 2004 repertoire): what Japanese text can be written in.  A simplified
 * Chinese form (术 for 術) falls outside. */
static USet *open_jis(void) {
  static const char *const names[] = {"ibm-943_P15A-2003",
                                      "ibm-16684_P110-2003"};
  USet *all = uset_openEmpty();
  int found = 0;
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(names[i], &st);
    if (U_FAILURE(st)) continue;
    USet *s = uset_openEmpty();
    ucnv_getUnicodeSet(cv, s, UCNV_ROUNDTRIP_SET, &st);
    if (U_SUCCESS(st)) {
      uset_addAll(all, s);
      found = 1;
    }
    uset_close(s);
    ucnv_close(cv);
  }
  if (!found) {
    uset_close(all);
    return NULL;
  }
  uset_freeze(all);
  return all;
}

static int is_han(int32_t c) {
  if (c < 0x3400) return c == 0x3005 || c == 0x3007; /* 々 〇 */
  UErrorCode st = U_ZERO_ERROR;
  return uscript_getScript(c, &st) == USCRIPT_HAN;
}

/* The common Han blocks (Extension A and the unified ideographs) as a
 * bitmap of "Han and not in JIS", filled once: most characters of a
 * Japanese text are looked up here rather than in ICU. */
#define HAN_LO 0x3400
#define HAN_HI 0xA000

static unsigned char *jis_bitmap(const USet *jis) {
  unsigned char *b = ty_xcalloc((HAN_HI - HAN_LO) / 8, 1);
  for (int32_t c = HAN_LO; c < HAN_HI; c++)
    if (is_han(c) && !uset_contains(jis, c))
      b[(c - HAN_LO) >> 3] |= (unsigned char)(1u << (c & 7));
  return b;
}

/* Whether c is a Han character that JIS X 0208/0213 lacks. */
static int outside_jis(const run *r, int32_t c) {
  if (c >= HAN_LO && c < HAN_HI)
    return (r->jis_bits[(c - HAN_LO) >> 3] >> (c & 7)) & 1;
  return is_han(c) && !uset_contains(r->jis, c);
}

/* What makes a character suspicious (0: nothing), in the order of the
 * kinds below. */
enum { SUS_JIS = 1, SUS_REPLACEMENT, SUS_CONTROL, SUS_PRIVATE, SUS_KINDS };
static const char *const sus_name[SUS_KINDS] = {
    NULL, "Han character outside JIS X 0208/0213", "replacement character",
    "control character", "private-use character"};

static int suspicious_kind(const run *r, ty_lang side, int32_t c) {
  /* Kana, and U+00A0..U+33FF beyond: no control, private-use or Han */
  if (c >= 0xA0 && c < 0x3400 && c != 0x3005 && c != 0x3007) return 0;
  if (c >= HAN_LO && c < HAN_HI) /* no control or private use here */
    return side == TY_JA && r->jis && outside_jis(r, c) ? SUS_JIS : 0;
  if (c == 0xFFFD) return SUS_REPLACEMENT;
  if (u_charType(c) == U_CONTROL_CHAR) return SUS_CONTROL;
  if (u_charType(c) == U_PRIVATE_USE_CHAR) return SUS_PRIVATE;
  return side == TY_JA && r->jis && outside_jis(r, c) ? SUS_JIS : 0;
}

/* One kind of suspicious character in one side of a clause: the first
 * seen, how many times, how many distinct (counted up to 16). */
typedef struct sus_count {
  int32_t first;
  size_t times;
  int32_t distinct[16];
  int ndistinct;
} sus_count;

static void sus_note(sus_count *k, int32_t c) {
  if (!k->times++) k->first = c;
  for (int j = 0; j < k->ndistinct; j++)
    if (k->distinct[j] == c) return;
  if (k->ndistinct < 16) k->distinct[k->ndistinct++] = c;
}

/* One finding per kind and clause side, however often the characters
 * occur (5 MB without a line of Japanese once gave a line per
 * occurrence). */
static void sus_report(run *r, ty_lang side, int kind, const sus_count *k) {
  ty_buf_clear(&r->msg);
  int32_t c = k->first;
  if (kind == SUS_CONTROL || kind == SUS_REPLACEMENT) {
    ty_buf_printf(&r->msg, "%s U+%04X in %s", sus_name[kind], (unsigned)c,
                  side_name[side]);
  } else {
    char enc[4];
    int n = ty_utf8_encode(c, enc);
    ty_buf_printf(&r->msg, "%s %.*s (U+%04X) in %s", sus_name[kind], n, enc,
                  (unsigned)c, side_name[side]);
  }
  if (k->ndistinct > 1)
    ty_buf_printf(&r->msg, " (%s%d kinds, %zu times)",
                  k->ndistinct == 16 ? "16 or more " : "", k->ndistinct,
                  k->times);
  else if (k->times > 1)
    ty_buf_printf(&r->msg, " (%zu times)", k->times);
  report(r, TY_SUSPICIOUS_CHAR, r->msg.p);
}

static void check_chars_side(run *r, ty_lang side) {
  const ty_buf *t = &r->text[side];
  sus_count seen[SUS_KINDS];
  memset(seen, 0, sizeof seen);
  size_t i = 0;
  while (i < t->n) {
    unsigned char b = (unsigned char)t->p[i];
    if (b >= 0x20 && b < 0x7F) {
      i++;
      /* after a printable ASCII byte, eight more at a time: none at or
       * above 0x7F, none below 0x20 (the usual test for a byte below a
       * bound); not tried at each character of Japanese */
      while (i + 8 <= t->n) {
        uint64_t w;
        memcpy(&w, t->p + i, 8);
        const uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
        uint64_t del = w ^ (ones * 0x7F); /* zero where a byte is DEL */
        if ((w & highs) || ((w - ones * 0x20) & ~w & highs) ||
            ((del - ones) & ~del & highs))
          break;
        i += 8;
      }
      continue;
    }
    int len;
    int32_t c = ty_utf8_decode_inline(t->p + i, t->n - i, &len);
    i += (size_t)len;
    if (c == '\n' || c == '\t') continue;
    int kind = suspicious_kind(r, side, c);
    if (kind) sus_note(&seen[kind], c);
  }
  for (int kind = 1; kind < SUS_KINDS; kind++)
    if (seen[kind].times) sus_report(r, side, kind, &seen[kind]);
}

static void check_chars(run *r) {
  for (int s = 0; s < 2; s++)
    if (r->present[s]) check_chars_side(r, (ty_lang)s);
}

/* ---- punctuation -------------------------------------------------------- */

/* Bracket families; the half- and full-width parentheses are one family,
 * since texts mix them ("（CDPWG)" is balanced). */
enum { FAM_CORNER, FAM_WHITE_CORNER, FAM_PAREN, NFAM };
static const char *const family_name[NFAM] = {"「」", "『』", "()"};

typedef struct bracket_count {
  int depth, opened, closed;
  int early; /* a closing one came before its opening */
} bracket_count;

static void bracket_open(bracket_count *b) {
  b->depth++;
  b->opened++;
}

static void bracket_close(bracket_count *b) {
  b->closed++;
  if (b->depth == 0)
    b->early = 1;
  else
    b->depth--;
}

/* "a)", "1)", "iv)" opening an item inside a text close nothing: one to
 * three letters or digits after a space or the start. */
static int enumerator_before(const char *s, size_t i) {
  size_t k = i;
  while (k > 0 && i - k <= 3 &&
         (((s[k - 1] | 0x20) >= 'a' && (s[k - 1] | 0x20) <= 'z') ||
          (s[k - 1] >= '0' && s[k - 1] <= '9')))
    k--;
  if (k == i || i - k > 3) return 0;
  return k == 0 || s[k - 1] == ' ' || s[k - 1] == '\n';
}

/* A bracket named rather than used: ')' `)' "(" */
static int quoted_char(const char *s, size_t n, size_t i) {
  return i > 0 && i + 1 < n &&
         (s[i - 1] == '\'' || s[i - 1] == '`' || s[i - 1] == '"') &&
         (s[i + 1] == '\'' || s[i + 1] == '"');
}

/* Counts the brackets of s[0..n) byte by byte, without decoding: '(' ')'
 * and （） (EF BC 88/89) for parentheses, E3 80 8C..8F for 「」『』. */
static void count_brackets(const char *s, size_t n, bracket_count *c) {
  for (size_t i = 0; i < n; i++) {
    /* ASCII runs without parentheses are skipped by the C library (fast
     * on English) */
    if ((unsigned char)s[i] < 0x80 && s[i] != '(' && s[i] != ')') {
      i += strcspn(s + i, "()\xe3\xef");
      if (i >= n) break;
    }
    /* a well-formed three-byte sequence (kana, kanji) at once: its last
     * two bytes are no bracket's first */
    unsigned char b = (unsigned char)s[i];
    if (b >= 0xE0 && b < 0xF0 && b != 0xE3 && b != 0xEF && i + 2 < n &&
        ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
        ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    switch (b) {
    case '(':
      if (!quoted_char(s, n, i)) bracket_open(&c[FAM_PAREN]);
      break;
    case ')':
      if (!(c[FAM_PAREN].depth == 0 && enumerator_before(s, i)) &&
          !quoted_char(s, n, i))
        bracket_close(&c[FAM_PAREN]);
      break;
    case 0xEF:
      if (i + 2 < n && s[i + 1] == '\xbc' && s[i + 2] == '\x88')
        bracket_open(&c[FAM_PAREN]);
      else if (i + 2 < n && s[i + 1] == '\xbc' && s[i + 2] == '\x89')
        bracket_close(&c[FAM_PAREN]);
      break;
    case 0xE3:
      if (i + 2 < n && s[i + 1] == '\x80') {
        unsigned char k = (unsigned char)s[i + 2];
        if (k >= 0x8C && k <= 0x8F) {
          bracket_count *f = &c[k < 0x8E ? FAM_CORNER : FAM_WHITE_CORNER];
          if (k % 2 == 0)
            bracket_open(f);
          else
            bracket_close(f);
        }
      }
      /* the rest of a kana or a mark: no bracket starts there */
      if (i + 2 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
          ((unsigned char)s[i + 2] & 0xC0) == 0x80)
        i += 2;
      break;
    default: break;
    }
  }
}

static void report_brackets(run *r, ty_lang side, const bracket_count *c,
                            int f) {
  ty_buf_clear(&r->msg);
  if (c->opened == c->closed)
    ty_buf_printf(&r->msg, "unbalanced %s in %s: a closing one comes first",
                  family_name[f], side_name[side]);
  else
    ty_buf_printf(&r->msg, "unbalanced %s in %s: %d opening, %d closing",
                  family_name[f], side_name[side], c->opened, c->closed);
  report(r, TY_PUNCTUATION, r->msg.p);
}

/* Doubled spaces between words of the English (not indentation, and a
 * longer run counted once). */
static void check_doubled_spaces(run *r) {
  const ty_buf *t = &r->text[TY_EN];
  size_t doubled = 0, first = 0;
  for (size_t i = 1; i + 1 < t->n; i++) {
    const char *at = memmem(t->p + i, t->n - i, "  ", 2);
    if (!at) break;
    i = (size_t)(at - t->p);
    if (t->p[i - 1] != ' ' && t->p[i - 1] != '\n') {
      if (!doubled) first = i;
      doubled++;
    }
  }
  if (!doubled) return;
  size_t a = first;
  while (a > 0 && t->p[a - 1] != ' ' && t->p[a - 1] != '\n')
    a--;
  ty_buf_clear(&r->msg);
  ty_buf_printf(&r->msg,
                "doubled space in en (%zu time%s), first after \"%.*s\"",
                doubled, doubled == 1 ? "" : "s", (int)(first - a), t->p + a);
  report(r, TY_PUNCTUATION, r->msg.p);
}

static void check_punctuation(run *r) {
  bracket_count c[2][NFAM];
  memset(c, 0, sizeof c);
  for (int s = 0; s < 2; s++)
    if (r->present[s]) count_brackets(r->text[s].p, r->text[s].n, c[s]);
  for (int f = 0; f < NFAM; f++) {
    int off[2];
    for (int s = 0; s < 2; s++)
      off[s] = c[s][f].opened != c[s][f].closed || c[s][f].early;
    /* The same imbalance on both sides is the original's, kept by the
     * translation (a fragment, "expecting ')'"): not a fault of the
     * translation. */
    if (off[0] && off[1] &&
        c[0][f].opened - c[0][f].closed == c[1][f].opened - c[1][f].closed)
      continue;
    for (int s = 0; s < 2; s++)
      if (off[s]) report_brackets(r, (ty_lang)s, &c[s][f], f);
  }
  if (r->present[TY_EN]) check_doubled_spaces(r);
}

/* ---- glossary ----------------------------------------------------------- */

/* The glossary's terms and renderings in NFKC, made once per run, so that
 * ＮＩＳＣ in the file finds NISC in the text and the other way round.
 * gloss_norm[g] holds entry g's term, then its renderings, each ending
 * in a NUL. */
static void normalize_glossary(run *r) {
  r->gloss_norm = ty_xcalloc(r->cfg->ngloss, sizeof *r->gloss_norm);
  ty_buf one = {0};
  for (size_t g = 0; g < r->cfg->ngloss; g++) {
    const ty_gloss *e = &r->cfg->gloss[g];
    for (size_t k = 0; k <= e->nen; k++) {
      const char *w = k == 0 ? e->ja : e->en[k - 1];
      ty_nfkc(r->x, w ? w : "", w ? strlen(w) : 0, &one);
      ty_buf_put(&r->gloss_norm[g], one.p, one.n + 1);
    }
  }
  ty_buf_free(&one);
}

static void check_glossary(run *r) {
  if (!r->cfg || !r->cfg->ngloss) return;
  if (!r->gloss_norm) normalize_glossary(r);
  const ty_buf *ja = normalized(r, TY_JA), *en = normalized(r, TY_EN);
  for (size_t g = 0; g < r->cfg->ngloss; g++) {
    const ty_gloss *e = &r->cfg->gloss[g];
    const char *term = r->gloss_norm[g].p, *w = term + strlen(term) + 1;
    if (!*term || e->nen == 0 || !memmem(ja->p, ja->n, term, strlen(term)))
      continue;
    size_t k;
    for (k = 0; k < e->nen; k++, w += strlen(w) + 1)
      if (*w && ty_find_word(en->p, en->n, w, strlen(w), TY_FIND_FOLD)) break;
    if (k < e->nen) continue;
    ty_buf_clear(&r->msg);
    ty_buf_printf(&r->msg, "%s in ja, ", e->ja);
    for (k = 0; k < e->nen; k++)
      ty_buf_printf(&r->msg, "%s\"%s\"", k ? " or " : "", e->en[k]);
    ty_buf_puts(&r->msg, " not in en");
    report(r, TY_GLOSSARY, r->msg.p);
  }
}

/* ---- the table and the driver ------------------------------------------- */

typedef void (*check_fn)(run *r);

static const struct check {
  ty_code code;
  int both; /* needs both sides (compares them) */
  check_fn fn;
} checks[] = {
    {TY_NUMBER_MISMATCH, 1, check_numbers},
    {TY_TOKEN_MISMATCH, 1, check_tokens},
    {TY_UNTRANSLATED, 0, check_untranslated},
    {TY_SUSPICIOUS_CHAR, 0, check_chars},
    {TY_PUNCTUATION, 0, check_punctuation},
    {TY_GLOSSARY, 1, check_glossary},
};
#define NCHECKS (sizeof checks / sizeof *checks)

static int enabled(const ty_config *cfg, ty_code code) {
  return !cfg || cfg->sev[code] != TY_SEV_OFF;
}

/* What every share's run starts from. */
typedef struct check_plan {
  const ty_config *cfg;
  ty_context *ctx;
  int on[NCHECKS];
  int jis;   /* the suspicious-char check wants the context's JIS sets */
  run *runs; /* one a share, by its index */
  ty_share *shares;
} check_plan;

/* A share of the pairs may start at a pair whose Japanese holds Japanese
 * text: there a run of clauses left in English ends anyway
 * (untranslated_ja), so a share's run starts as the whole run would. */
static int starts_translated(const ty_alignment *al, size_t k) {
  const ty_pair *p = &al->pairs[k];
  if (p->ja < 0) return 0;
  const ty_clause *c = &al->ja->cl[p->ja];
  for (size_t i = 0; i < c->text_len;) {
    int len;
    if (ty_is_japanese(ty_utf8_decode(c->text + i, c->text_len - i, &len)))
      return 1;
    i += (size_t)len;
  }
  return 0;
}

static void check_share(ty_share *sh, void *arg) {
  check_plan *pl = arg;
  run *r = &pl->runs[sh - pl->shares];
  r->al = &sh->view;
  r->cfg = pl->cfg;
  r->x = sh->lo == 0 ? ty_context_extractor(pl->ctx) : ty_extractor_new();
  if (pl->jis) {
    r->jis = pl->ctx->jis;
    r->jis_bits = pl->ctx->jis_bits;
  }
  for (size_t i = sh->lo; i < sh->hi; i++) {
    r->p = &r->al->pairs[i];
    r->key = ty_pair_key(r->al, r->p);
    for (int s = 0; s < 2; s++) {
      ty_lang side = (ty_lang)s;
      r->present[s] = (s == TY_JA ? r->p->ja : r->p->en) >= 0;
      r->line[s] = ty_pair_line(r->al, r->p, side);
      ty_buf_clear(&r->text[s]);
      ty_pair_text(r->al, r->p, side, &r->text[s]);
      r->normed[s] = 0;
    }
    for (size_t c = 0; c < NCHECKS; c++) {
      if (!pl->on[c]) continue;
      if (checks[c].both && !(r->present[0] && r->present[1])) continue;
      checks[c].fn(r);
    }
  }
  flush_untranslated(r);
  if (sh->lo != 0) ty_extractor_free(r->x);
}

static void run_free(run *r) {
  free(r->places);
  ty_buf_free(&r->grp_excerpt);
  for (int s = 0; s < 2; s++) {
    ty_buf_free(&r->text[s]);
    ty_buf_free(&r->norm[s]);
  }
  ty_buf_free(&r->msg);
  for (size_t g = 0; r->gloss_norm && g < r->cfg->ngloss; g++)
    ty_buf_free(&r->gloss_norm[g]);
  free(r->gloss_norm);
}

/* The places left in English of every share, in al's findings once they
 * are merged, summarised as one run over the pairs would. */
static void summarise_shares(ty_alignment *al, check_plan *pl, size_t n) {
  run *all = &pl->runs[0];
  for (size_t k = 0; k < all->nplaces; k++)
    all->places[k].finding += pl->shares[0].findings_base;
  for (size_t i = 1; i < n; i++) {
    const run *r = &pl->runs[i];
    for (size_t k = 0; k < r->nplaces; k++) {
      struct place pc = r->places[k];
      pc.finding += pl->shares[i].findings_base;
      add_place(all, pc);
    }
  }
  all->al = al;
  summarise_untranslated(all);
}

/* Each pair is checked on its own: the pairs are shared out between
 * threads (ty_config_set_threads), the findings the same. */
void ty_check_all(ty_alignment *al, const ty_config *cfg, ty_context *ctx) {
  check_plan pl = {.cfg = cfg, .ctx = ctx};
  int any = 0;
  for (size_t c = 0; c < NCHECKS; c++)
    any |= pl.on[c] = enabled(cfg, checks[c].code);
  if (enabled(cfg, TY_STYLE_MISMATCH)) ty_check_style(al);
  if (!any) return;
  if (enabled(cfg, TY_SUSPICIOUS_CHAR)) {
    if (!ctx->jis_opened && (ctx->jis = open_jis()) != NULL)
      ctx->jis_bits = jis_bitmap(ctx->jis);
    ctx->jis_opened = 1;
    pl.jis = 1;
  }
  ty_share sh[TY_MAX_SHARES];
  run runs[TY_MAX_SHARES];
  memset(runs, 0, sizeof runs);
  pl.runs = runs;
  pl.shares = sh;
  size_t n = ty_shares_split(al, cfg ? cfg->threads : 0, starts_translated, sh);
  ty_shares_run(sh, n, check_share, &pl);
  ty_shares_merge(al, sh, n);
  summarise_shares(al, &pl, n);
  for (size_t i = 0; i < n; i++)
    run_free(&runs[i]);
}
