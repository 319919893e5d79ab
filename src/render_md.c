/* render_md.c — a Markdown (GitHub-flavoured) table, one row per pair:
 *
 *   | key | 日本語 | English | status |
 *
 * each text preceded by its label in bold, then "## Findings" as a list
 * and the summary line.  With o->sentences, the sentence pairs of a pair
 * follow it as rows keyed "#1", "#2"… with the status "sentence".
 *
 * Everything taken from the documents is escaped so that it reads as the
 * text it is: '|' cannot end a cell, Markdown punctuation (\ * _ ` [ ] ~)
 * cannot start emphasis, code or links, and < > & become entities so that
 * a clause cannot inject HTML.  Paragraph breaks become <br>; other
 * control characters become spaces. */
#include "internal.h"
#include "render.h"

#include <string.h>

/* Writes s[0..n) escaped for a table cell or a list item. */
static void put_escaped(FILE *f, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *rep;
    char two[3] = {'\\', (char)c, '\0'};
    switch (c) {
    case '|':
    case '\\':
    case '*':
    case '_':
    case '`':
    case '[':
    case ']':
    case '~': rep = two; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '&': rep = "&amp;"; break;
    case '\n': rep = "<br>"; break;
    default:
      if (c >= 0x20 && c != 0x7F) continue;
      rep = " ";
    }
    fwrite(s + run, 1, i - run, f);
    fputs(rep, f);
    run = i + 1;
  }
  fwrite(s + run, 1, n - run, f);
}

static void put_escaped_cstr(FILE *f, const char *s) {
  put_escaped(f, s, strlen(s));
}

/* A cell with one side of a pair: **label** text; empty when missing. */
static void put_side(FILE *f, const ty_alignment *al, const ty_pair *p,
                     ty_lang side, ty_buf *tmp) {
  ty_buf_clear(tmp);
  ty_pair_label(al, p, side, tmp);
  if (tmp->n) {
    fputs("**", f);
    put_escaped(f, tmp->p, tmp->n);
    fputs("** ", f);
  }
  ty_buf_clear(tmp);
  ty_pair_text(al, p, side, tmp);
  put_escaped(f, tmp->p, tmp->n);
}

/* A cell with a sentence span, its line breaks joined like a clause's. */
static void put_sentence(FILE *f, const char *s, size_t n, ty_buf *tmp) {
  if (!s) return;
  ty_clause one = {0};
  one.text = s;
  one.text_len = n;
  ty_buf_clear(tmp);
  ty_clause_flat_text(&one, tmp);
  put_escaped(f, tmp->p, tmp->n);
}

static void put_pair(FILE *f, const ty_alignment *al, const ty_pair *p,
                     int sentences, ty_buf *tmp) {
  fputs("| ", f);
  put_escaped_cstr(f, ty_pair_key(al, p));
  fputs(" | ", f);
  put_side(f, al, p, TY_JA, tmp);
  fputs(" | ", f);
  put_side(f, al, p, TY_EN, tmp);
  fprintf(f, " | %s", ty_pair_status_name(p->status));
  if (p->status == TY_PAIR_CONTENT) fprintf(f, " (%.2f)", p->score);
  fputs(" |\n", f);
  if (!sentences) return;
  for (size_t k = 0; k < p->nsent; k++) {
    const ty_sentpair *s = &al->sents[p->sent_off + k];
    fprintf(f, "| #%zu | ", k + 1);
    put_sentence(f, s->ja, s->ja_len, tmp);
    fputs(" | ", f);
    put_sentence(f, s->en, s->en_len, tmp);
    fputs(" | sentence |\n", f);
  }
}

int ty_render_md(const ty_alignment *al, const ty_render_options *o, FILE *f) {
  ty_buf tmp = {0};
  fputs("# ", f);
  put_escaped_cstr(f, al->ja->name);
  fputs(" ↔ ", f);
  put_escaped_cstr(f, al->en->name);
  fputs("\n\n| key | 日本語 | English | status |\n"
        "| --- | --- | --- | --- |\n",
        f);
  for (size_t i = 0; i < al->npairs && !ferror(f); i++)
    put_pair(f, al, &al->pairs[i], o->sentences, &tmp);
  fputs("\n## Findings\n\n", f);
  for (size_t i = 0; i < al->findings.n; i++) {
    ty_buf_clear(&tmp);
    ty_finding_line(al, &al->findings.v[i], &tmp);
    fputs("- ", f);
    put_escaped(f, tmp.p, tmp.n);
    putc('\n', f);
  }
  if (!al->findings.n) fputs("None.\n", f);
  ty_buf_clear(&tmp);
  ty_summary_line(al, &tmp);
  putc('\n', f);
  put_escaped(f, tmp.p, tmp.n);
  putc('\n', f);
  ty_buf_free(&tmp);
  return ferror(f) ? -1 : 0;
}
