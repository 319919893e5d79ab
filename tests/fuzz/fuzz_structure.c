/* fuzz_structure.c — the whole pipeline on clause files that look like
 * real ones.  Bytes of raw input rarely spell a numbered outline, so this
 * target reads its input as instructions and writes a Japanese and an
 * English document from them:
 *
 *   input   ::= options clause*
 *   options ::= byte: format (low 4 bits), no checks (0x10), sentence
 *               pairs (0x20), --by paragraph (0x40), --prefer content (0x80)
 *   clause  ::= 4 bytes:
 *     style  — the numbering family (第N条 / N. / （N） / 一 / イ / a. /
 *              ① / N.N.) and a depth step (up, same, down);
 *     step   — the next ordinal: mostly +1, sometimes a gap, a repeat,
 *              a step back or counting down;
 *     edit   — what the English side does: the same, left out, an extra
 *              clause, renumbered, merged into the previous one, left in
 *              Japanese, a number changed;
 *     text   — which sentence pair the clause holds (numbers, dates,
 *              acronyms, quotes: what the checks read).
 *
 * Every path of matching, content alignment, checks and rendering is
 * reached within seconds; the byte-level target (fuzz_pipeline) keeps
 * covering what no generator writes. */
#include "internal.h"
#include "render.h"

#include <stdio.h>
#include <string.h>

static const char *const texts[][2] = {
    {"日米両国は、2017年7月21日に東京で会合した。",
     "Japan and the United States met in Tokyo on July 21, 2017."},
    {"内閣サイバーセキュリティセンター（NISC）が参加した。",
     "The National center of Incident readiness and Strategy for "
     "Cybersecurity (NISC) took part."},
    {"第5回会合は、3日間開催された。", "The fifth meeting lasted three days."},
    {"本条の規定は、令和3年4月1日から施行する。",
     "This Article comes into force on April 1, 2021."},
    {"費用は、1,250万円とする。", "The cost is 12.5 million yen."},
    {"「情報共有」に関する作業部会を設置する。",
     "A working group on \"information sharing\" is set up."},
    {"", ""},
    {"前項の場合において、委員会は、これを公表する。\n二文目である。",
     "In the case of the preceding paragraph, the Committee publishes "
     "it.\nA second sentence."},
    {"ISO/IEC 27001及びNIST SP 800-53を参照する。",
     "See ISO/IEC 27001 and NIST SP 800-53."},
    {"この法律は、公布の日から起算して六月を経過した日から施行する。",
     "This Act comes into force six months after its promulgation."},
};
#define NTEXTS (sizeof texts / sizeof *texts)

static const char *const kanji_digits[] = {"",   "一", "二", "三", "四",
                                           "五", "六", "七", "八", "九"};
static const char *const iroha[] = {"イ", "ロ", "ハ", "ニ", "ホ", "ヘ",
                                    "ト", "チ", "リ", "ヌ", "ル", "ヲ"};
static const char *const circled[] = {"①", "②", "③", "④", "⑤",
                                      "⑥", "⑦", "⑧", "⑨", "⑩"};

/* Kanji numeral for 1..9999 (十, 百, 千 positional, as statutes write). */
static void put_kanji(ty_buf *b, int n) {
  static const char *const units[] = {"千", "百", "十", ""};
  static const int div[] = {1000, 100, 10, 1};
  for (int i = 0; i < 4; i++) {
    int d = n / div[i] % 10;
    if (!d) continue;
    if (d > 1 || i == 3) ty_buf_puts(b, kanji_digits[d]);
    ty_buf_puts(b, units[i]);
  }
}

enum { STYLES = 8 };

/* Writes one marker of `style` for ordinal n (>= 1) at `parent`'s
 * ordinal (the dotted style) to ja or en. */
static void put_marker(ty_buf *b, int style, int n, int parent, int en) {
  switch (style) {
  case 0:
    if (en)
      ty_buf_printf(b, "Article %d ", n);
    else {
      ty_buf_puts(b, "第");
      put_kanji(b, n);
      ty_buf_puts(b, "条　");
    }
    break;
  case 1: ty_buf_printf(b, "%d. ", n); break;
  case 2: ty_buf_printf(b, en ? "(%d) " : "（%d）", n); break;
  case 3:
    if (en)
      ty_buf_printf(b, "(%d) ", n);
    else {
      put_kanji(b, n);
      ty_buf_puts(b, "　");
    }
    break;
  case 4:
    if (en)
      ty_buf_printf(b, "(%c) ", 'a' + (n - 1) % 26);
    else
      ty_buf_printf(b, "%s　", iroha[(n - 1) % 12]);
    break;
  case 5: ty_buf_printf(b, "%c. ", 'a' + (n - 1) % 26); break;
  case 6:
    if (en)
      ty_buf_printf(b, "(%d) ", n);
    else
      ty_buf_puts(b, circled[(n - 1) % 10]);
    break;
  default: ty_buf_printf(b, "%d.%d. ", parent, n); break;
  }
}

typedef struct gen {
  ty_buf ja, en;
  int ord[STYLES]; /* the last ordinal written in each style */
  int style;       /* the current style */
} gen;

/* Appends one clause from its four instruction bytes. */
static void clause(gen *g, const uint8_t *c) {
  int style = c[0] % STYLES, depth_step = c[0] / STYLES % 3;
  if (depth_step != 1) g->style = style; /* a new level or a sibling */
  int *o = &g->ord[g->style];
  switch (c[1] % 16) {
  case 0: *o += 2; break;                  /* a gap */
  case 1: break;                           /* the same number again */
  case 2: *o = *o > 1 ? *o - 1 : 1; break; /* a step back */
  case 3: *o = 1; break;                   /* a restart */
  case 4: *o = 1200 - *o % 1200; break;    /* counting down from 1000 up */
  default: *o += 1; break;
  }
  if (*o < 1) *o = 1;
  int n = *o, parent = g->ord[1] ? g->ord[1] : 1;
  const char *const *t = texts[c[3] % NTEXTS];
  put_marker(&g->ja, g->style, n, parent, 0);
  ty_buf_printf(&g->ja, "%s\n", t[0]);
  switch (c[2] % 12) {
  case 0: return; /* left out of the English */
  case 1:         /* an extra English clause before this one */
    put_marker(&g->en, g->style, n + 50, parent, 1);
    ty_buf_printf(&g->en, "%s\n", texts[(c[3] + 1) % NTEXTS][1]);
    break;
  case 2: n += 1; break; /* renumbered */
  case 3:                /* merged into the previous English clause */
    if (g->en.n) g->en.p[--g->en.n] = '\0';
    ty_buf_printf(&g->en, " %s\n", t[1]);
    return;
  case 4: /* left untranslated */
    put_marker(&g->en, g->style, n, parent, 1);
    ty_buf_printf(&g->en, "%s\n", t[0]);
    return;
  case 5: /* a number changed */
    put_marker(&g->en, g->style, n, parent, 1);
    ty_buf_printf(&g->en, "%s 1999.\n", t[1]);
    return;
  case 6: ty_buf_puts(&g->en, "\n"); break; /* a blank line before */
  default: break;
  }
  put_marker(&g->en, g->style, n, parent, 1);
  ty_buf_printf(&g->en, "%s\n", t[1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  unsigned opt = data[0];
  gen g = {0};
  ty_buf_puts(&g.ja, "共同声明\n\n");
  ty_buf_puts(&g.en, "Joint Statement\n\n");
  for (size_t i = 1; i + 4 <= size; i += 4)
    clause(&g, data + i);
  ty_error err = {0};
  ty_doc *ja = ty_doc_parse(g.ja.p, g.ja.n, "ja.txt", TY_JA, &err);
  ty_doc *en = ty_doc_parse(g.en.p, g.en.n, "en.txt", TY_EN, &err);
  if (ja && en) {
    ty_config *cfg = ty_config_new();
    ty_config_set_checks(cfg, !(opt & 0x10));
    if (opt & 0x40) ty_config_set_by(cfg, TY_BY_PARAGRAPH);
    ty_config_set_prefer_content(cfg, (opt & 0x80) != 0);
    /* one context for every input, as a --batch worker keeps one: the
       ICU objects are opened once, not per input */
    static ty_context *ctx;
    if (!ctx) ctx = ty_context_new();
    ty_alignment *al = ty_context_align(ctx, ja, en, cfg, &err);
    if (al) {
      ty_render_options o = {0};
      o.sentences = (opt & 0x20) != 0;
      o.width = 40;
      FILE *out = fopen("/dev/null", "w");
      if (out) {
        ty_render(al, (ty_format)((opt & 0x0F) % TY_FMT_COUNT), &o, out, &err);
        fclose(out);
      }
      ty_alignment_free(al);
    }
    ty_config_free(cfg);
  }
  ty_doc_free(ja);
  ty_doc_free(en);
  ty_buf_free(&g.ja);
  ty_buf_free(&g.en);
  return 0;
}
