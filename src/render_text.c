/* render_text.c — the terminal format: the two texts side by side in
 * columns, then the findings and a summary line.
 *
 * A row of the table:
 *
 *   M KEY   JA-COLUMN            | EN-COLUMN
 *
 * M is the status mark of the pair, shown on its first line only:
 *   =  matched by section number
 *   ~  paired by content
 *   +  missing-en: only the Japanese side exists
 *   -  missing-ja: only the English side exists
 * Each column starts with the label of its side ("(1) 情報共有…") and is
 * wrapped at ICU line-break opportunities (Japanese rules), counting East
 * Asian wide characters as two columns; a segment longer than the column
 * is cut between characters.  Sentence pairs (o->sentences) follow their
 * pair as sub-rows with no mark and "#N" in the key column.  Paragraph
 * breaks inside a clause start a new line.
 *
 * The findings are written in the compiler format
 * "FILE:LINE: severity: [code] key: message" and are not wrapped, so that
 * editors and grep can use them as they are. */
#include "internal.h"
#include "render.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

/* Narrower tables cannot hold a wide character per column beside the
 * gutter; widths below this are raised to it. */
#define MIN_WIDTH 20

#define SGR_RESET "\033[0m"
#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"
#define SGR_RED "\033[31m"
#define SGR_GREEN "\033[32m"
#define SGR_YELLOW "\033[33m"
#define SGR_CYAN "\033[36m"

/* ---- wrapping ------------------------------------------------------------ */

/* One display line of a cell: bytes [off, off+len) of the row buffer. */
typedef struct span {
  size_t off, len;
  int width;
} span;

typedef struct spans {
  span *v;
  size_t n, cap;
} spans;

enum { CELL_KEY, CELL_JA, CELL_EN, NCELLS };

/* Everything one rendering reuses from row to row, so that 100,000 pairs
 * cost no allocation after the first few rows. */
typedef struct table {
  FILE *f;
  int color;
  int width[NCELLS];
  UBreakIterator *bi; /* NULL when ICU could not open one: cut by width */
  UText ut;
  ty_buf row;               /* the texts of the cells being printed */
  size_t start[NCELLS];     /* where each cell's text starts in row */
  size_t label_end[NCELLS]; /* end of its label (bold when coloured) */
  spans lines[NCELLS];      /* its wrapped lines */
} table;

/* Control characters are shown as a space, one column wide: a clause must
 * not move the cursor or start an escape sequence on the reader's
 * terminal.  C1 controls (U+0080..U+009F) count too. */
static int is_control(int32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

static int display_width(int32_t c) {
  return is_control(c) ? 1 : ty_char_width(c);
}

static int text_width(const char *s, size_t n) {
  int w = 0;
  for (size_t i = 0; i < n;) {
    if ((unsigned char)s[i] < 0x80) { /* ASCII, controls included: 1 */
      w++;
      i++;
      continue;
    }
    int len;
    w += display_width(ty_utf8_decode(s + i, n - i, &len));
    i += (size_t)len;
  }
  return w;
}

static void push_line(spans *out, const char *base, size_t a, size_t z) {
  while (z > a && base[z - 1] == ' ')
    z--;
  if (out->n == out->cap) {
    out->cap = out->cap ? out->cap * 2 : 16;
    out->v = ty_xrealloc(out->v, out->cap * sizeof *out->v);
  }
  out->v[out->n++] = (span){a, z - a, text_width(base + a, z - a)};
}

/* Wraps one paragraph base[a, z) (no '\n' inside) into lines of at most
 * `width` columns, appending them to `out`. */
static void wrap_paragraph(table *t, const char *base, size_t a, size_t z,
                           int width, spans *out) {
  size_t first = out->n;
  size_t line = a; /* start of the line being filled */
  int lw = 0;      /* its width so far, trailing spaces included */
  UErrorCode e = U_ZERO_ERROR;
  if (t->bi) {
    utext_openUTF8(&t->ut, base + a, (int64_t)(z - a), &e);
    ubrk_setUText(t->bi, &t->ut, &e);
  }
  /* Boundaries of UTF-8 text opened as a UText are byte offsets, so no
   * UTF-16 copy or index map is needed.  Without a break iterator the
   * whole paragraph is one segment, cut between characters below. */
  int use_icu = t->bi && U_SUCCESS(e);
  int32_t prev = 0;
  int32_t b = use_icu ? ubrk_following(t->bi, 0) : (int32_t)(z - a);
  while (b != UBRK_DONE && (size_t)prev < z - a) {
    size_t ss = a + (size_t)prev, se = a + (size_t)b;
    size_t st = se;
    while (st > ss && base[st - 1] == ' ')
      st--;
    int trimmed = text_width(base + ss, st - ss);
    int full = trimmed + (int)(se - st);
    if (lw + trimmed <= width) {
      lw += full;
    } else {
      if (line < ss) {
        push_line(out, base, line, ss);
        line = ss;
        lw = 0;
      }
      if (trimmed <= width) {
        lw = full;
      } else {
        /* a segment wider than the column: cut it between characters,
         * always taking at least one so that the loop moves on */
        for (size_t k = ss; k < se;) {
          int len;
          int cw = display_width(ty_utf8_decode(base + k, se - k, &len));
          if (lw > 0 && lw + cw > width) {
            push_line(out, base, line, k);
            while (k < se && base[k] == ' ')
              k++;
            line = k;
            lw = 0;
            continue;
          }
          lw += cw;
          k += (size_t)len;
        }
      }
    }
    prev = b;
    b = use_icu ? ubrk_next(t->bi) : UBRK_DONE;
  }
  if (line < z || out->n == first) push_line(out, base, line, z);
}

/* Wraps cell `c` (its text is row[start[c] ..] up to the next cell). */
static void wrap_cell(table *t, int c, size_t end) {
  spans *out = &t->lines[c];
  out->n = 0;
  const char *base = t->row.p;
  size_t i = t->start[c];
  if (i == end) return;
  for (;;) {
    const char *nl = memchr(base + i, '\n', end - i);
    size_t pe = nl ? (size_t)(nl - base) : end;
    wrap_paragraph(t, base, i, pe, t->width[c], out);
    if (!nl) break;
    i = pe + 1;
  }
}

/* ---- printing ------------------------------------------------------------ */

/* Writes s[0..n) with control characters replaced by spaces. */
static void put_visible(FILE *f, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    size_t clen = 0;
    if (c < 0x20 || c == 0x7F)
      clen = 1;
    else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] <= 0x9F)
      clen = 2; /* U+0080..U+009F */
    if (!clen) {
      i++;
      continue;
    }
    fwrite(s + run, 1, i - run, f);
    putc(' ', f);
    i += clen;
    run = i;
  }
  fwrite(s + run, 1, n - run, f);
}

static void put_spaces(FILE *f, int n) {
  while (n-- > 0)
    putc(' ', f);
}

/* Writes line `r` of cell `c` padded to its column (when `pad`), the part
 * inside the label in bold when colour is on. */
static void put_cell_line(table *t, int c, size_t r, int pad, const char *sgr) {
  int w = 0;
  if (r < t->lines[c].n) {
    const span *l = &t->lines[c].v[r];
    const char *s = t->row.p + l->off;
    size_t bold = 0;
    if (t->color && l->off < t->label_end[c]) {
      bold = t->label_end[c] - l->off;
      if (bold > l->len) bold = l->len;
    }
    if (bold) {
      fputs(SGR_BOLD, t->f);
      put_visible(t->f, s, bold);
      fputs(SGR_RESET, t->f);
    }
    if (sgr && t->color) fputs(sgr, t->f);
    put_visible(t->f, s + bold, l->len - bold);
    if (sgr && t->color) fputs(SGR_RESET, t->f);
    w = l->width;
  }
  if (pad) put_spaces(t->f, t->width[c] - w);
}

static const char *mark_color(char mark) {
  switch (mark) {
  case '=': return SGR_GREEN;
  case '~': return SGR_YELLOW;
  case '+':
  case '-': return SGR_RED;
  }
  return NULL;
}

/* Wraps the cells held in t->row and prints them as rows. */
static void print_rows(table *t, char mark) {
  for (int c = 0; c < NCELLS; c++)
    wrap_cell(t, c, c + 1 < NCELLS ? t->start[c + 1] : t->row.n);
  size_t rows = 1;
  for (int c = 0; c < NCELLS; c++)
    if (t->lines[c].n > rows) rows = t->lines[c].n;
  for (size_t r = 0; r < rows; r++) {
    const char *mc = r == 0 ? mark_color(mark) : NULL;
    if (mc && t->color)
      fprintf(t->f, "%s%c%s ", mc, mark, SGR_RESET);
    else
      fprintf(t->f, "%c ", r == 0 ? mark : ' ');
    put_cell_line(t, CELL_KEY, r, 1, SGR_DIM);
    putc(' ', t->f);
    put_cell_line(t, CELL_JA, r, 1, NULL);
    /* no trailing blanks when the English column is empty */
    if (r < t->lines[CELL_EN].n && t->lines[CELL_EN].v[r].len) {
      fputs(" | ", t->f);
      put_cell_line(t, CELL_EN, r, 0, NULL);
    } else {
      fputs(" |", t->f);
    }
    putc('\n', t->f);
  }
}

/* Cell `c` of the row starts here; its text is appended to t->row next. */
static void begin_cell(table *t, int c) {
  t->start[c] = t->row.n;
  t->label_end[c] = t->row.n;
}

static void text_cell(table *t, int c, const char *s, size_t n) {
  begin_cell(t, c);
  ty_buf_put(&t->row, s, n);
}

/* The label of one side, a space, its text. */
static void pair_cell(table *t, const ty_alignment *al, const ty_pair *p,
                      ty_lang side, int c) {
  begin_cell(t, c);
  ty_pair_label(al, p, side, &t->row);
  t->label_end[c] = t->row.n;
  if (t->label_end[c] > t->start[c]) ty_buf_putc(&t->row, ' ');
  size_t before = t->row.n;
  ty_pair_text(al, p, side, &t->row);
  if (t->row.n == before && t->label_end[c] > t->start[c])
    t->row.p[--t->row.n] = '\0';
}

/* A sentence span flattened like a clause's text: its line breaks joined. */
static void sentence_cell(table *t, int c, const char *s, size_t n) {
  begin_cell(t, c);
  if (!s) return;
  ty_clause one = {0};
  one.text = s;
  one.text_len = n;
  ty_clause_flat_text(&one, &t->row);
}

static char status_mark(ty_pair_status s) {
  switch (s) {
  case TY_PAIR_MATCHED: return '=';
  case TY_PAIR_CONTENT: return '~';
  case TY_PAIR_MISSING_EN: return '+';
  case TY_PAIR_MISSING_JA: return '-';
  }
  return '?';
}

static void print_pair(table *t, const ty_alignment *al, const ty_pair *p,
                       int sentences) {
  const char *key = ty_pair_key(al, p);
  ty_buf_clear(&t->row);
  text_cell(t, CELL_KEY, key, strlen(key));
  pair_cell(t, al, p, TY_JA, CELL_JA);
  pair_cell(t, al, p, TY_EN, CELL_EN);
  print_rows(t, status_mark(p->status));
  if (!sentences) return;
  for (size_t k = 0; k < p->nsent; k++) {
    const ty_sentpair *s = &al->sents[p->sent_off + k];
    char num[32];
    int n = snprintf(num, sizeof num, "#%zu", k + 1);
    ty_buf_clear(&t->row);
    text_cell(t, CELL_KEY, num, (size_t)n);
    sentence_cell(t, CELL_JA, s->ja, s->ja_len);
    sentence_cell(t, CELL_EN, s->en, s->en_len);
    print_rows(t, ' ');
  }
}

/* The file names over the columns and a rule under them. */
static void print_header(table *t, const ty_alignment *al) {
  ty_buf_clear(&t->row);
  text_cell(t, CELL_KEY, "", 0);
  text_cell(t, CELL_JA, al->ja->name, strlen(al->ja->name));
  text_cell(t, CELL_EN, al->en->name, strlen(al->en->name));
  print_rows(t, ' ');
  for (int i = 0; i < t->width[CELL_KEY] + 3 + t->width[CELL_JA] + 1; i++)
    putc('-', t->f);
  putc('+', t->f);
  for (int i = 0; i < t->width[CELL_EN] + 1; i++)
    putc('-', t->f);
  putc('\n', t->f);
}

/* Column widths for a total of `total`: the key column as wide as the
 * widest key (or sentence number "#N") but at most a sixth of the line,
 * the rest shared evenly between the two texts after the gutter
 * ("M " + key + " ") and " | ". */
static void layout(table *t, const ty_alignment *al, int total, int sentences) {
  int key_w = 1;
  for (size_t i = 0; i < al->npairs; i++) {
    const ty_pair *p = &al->pairs[i];
    const char *k = ty_pair_key(al, p);
    int w = text_width(k, strlen(k));
    if (sentences && p->nsent) {
      char num[32];
      int n = snprintf(num, sizeof num, "#%zu", p->nsent);
      if (n > w) w = n;
    }
    if (w > key_w) key_w = w;
  }
  if (key_w > total / 6) key_w = total / 6;
  int rest = total - key_w - 6;
  t->width[CELL_KEY] = key_w;
  t->width[CELL_JA] = rest / 2;
  t->width[CELL_EN] = rest - rest / 2;
}

static void print_findings(const ty_alignment *al, FILE *f, int color,
                           ty_buf *tmp) {
  for (size_t i = 0; i < al->findings.n; i++) {
    const ty_finding *x = &al->findings.v[i];
    ty_buf_clear(tmp);
    if (!color) {
      ty_finding_line(al, x, tmp);
      put_visible(f, tmp->p, tmp->n);
      putc('\n', f);
      continue;
    }
    const char *sgr = x->severity == TY_SEV_ERROR     ? SGR_BOLD SGR_RED
                      : x->severity == TY_SEV_WARNING ? SGR_YELLOW
                                                      : SGR_CYAN;
    ty_finding_location(al, x, tmp);
    fputs(SGR_BOLD, f);
    put_visible(f, tmp->p, tmp->n);
    fprintf(f, ":%s %s%s:%s ", SGR_RESET, sgr, ty_severity_name(x->severity),
            SGR_RESET);
    ty_buf_clear(tmp);
    ty_finding_tail(x, tmp);
    put_visible(f, tmp->p, tmp->n);
    putc('\n', f);
  }
  ty_buf_clear(tmp);
  ty_summary_line(al, tmp);
  if (color) fputs(SGR_BOLD, f);
  fwrite(tmp->p, 1, tmp->n, f);
  if (color) fputs(SGR_RESET, f);
  putc('\n', f);
}

int ty_render_text(const ty_alignment *al, const ty_render_options *o,
                   FILE *f) {
  table t = {0};
  t.f = f;
  t.color = o->color;
  if (!o->findings_only) {
    int total = o->width > 0 ? o->width : 100;
    if (total < MIN_WIDTH) total = MIN_WIDTH;
    layout(&t, al, total, o->sentences);
    UErrorCode e = U_ZERO_ERROR;
    t.bi = ubrk_open(UBRK_LINE, "ja", NULL, 0, &e);
    if (U_FAILURE(e)) t.bi = NULL;
    UText init = UTEXT_INITIALIZER;
    t.ut = init;
    print_header(&t, al);
    for (size_t i = 0; i < al->npairs && !ferror(f); i++)
      print_pair(&t, al, &al->pairs[i], o->sentences);
    putc('\n', f);
    if (t.bi) ubrk_close(t.bi);
    utext_close(&t.ut);
  }
  print_findings(al, f, o->color, &t.row);
  for (int c = 0; c < NCELLS; c++)
    free(t.lines[c].v);
  ty_buf_free(&t.row);
  return ferror(f) ? -1 : 0;
}
