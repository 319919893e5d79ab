/* render_xlsx.c — an Excel workbook (libxlsxwriter) for reviewers who work
 * in a spreadsheet:
 *
 *   Pairs     key | status | ja label | Japanese | en label | English |
 *             ja line | en line | findings      (a row per pair)
 *   Findings  severity | code | key | ja line | en line | message | pair
 *             (the pair cell links to the pair's row)
 *   Summary   the counts, one a row
 *
 * Every cell is written as a string, in a text-formatted cell ("@"), so
 * that no spreadsheet retypes it: label (1) stays "(1)", not -1; "1." and
 * "7.1" stay text, "July 21, 2017" is no date, a clause starting with "="
 * is no formula.  Texts wrap, columns are as wide as their content (up to
 * a limit), the header row is frozen, the status and severity cells are
 * coloured, and the Japanese cells are set in a Japanese font.
 *
 * libxlsxwriter writes to a file name, so the workbook is written to a
 * temporary file and copied to `f`. */
#include "internal.h"
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define JA_FONT "Yu Gothic"
#define MAX_WIDTH 70.0

enum {
  C_KEY,
  C_STATUS,
  C_JA_LABEL,
  C_JA,
  C_EN_LABEL,
  C_EN,
  C_JA_LINE,
  C_EN_LINE,
  C_FINDINGS,
  NCOLS
};

typedef struct book {
  lxw_workbook *wb;
  lxw_format *head, *text, *ja, *status[4], *sev[3], *link;
  double width[NCOLS + 1];
  ty_buf a, b;
} book;

/* Display width of s in columns, its longest line. */
static double text_width(const char *s, size_t n) {
  double best = 0, w = 0;
  for (size_t i = 0; i < n;) {
    int len;
    int32_t c = ty_utf8_decode(s + i, n - i, &len);
    if (c == '\n')
      w = 0;
    else
      w += ty_char_width(c);
    if (w > best) best = w;
    i += (size_t)len;
  }
  return best;
}

static void cell(book *bk, lxw_worksheet *ws, lxw_row_t r, int col,
                 const char *s, size_t n, lxw_format *fmt) {
  ty_buf_clear(&bk->b);
  ty_buf_put(&bk->b, s, n);
  worksheet_write_string(ws, r, (lxw_col_t)col, bk->b.p ? bk->b.p : "", fmt);
  double w = text_width(s, n) + 2;
  if (w > bk->width[col]) bk->width[col] = w;
}

static void cells(book *bk, lxw_worksheet *ws, lxw_row_t r, int col,
                  const char *s, lxw_format *fmt) {
  cell(bk, ws, r, col, s, strlen(s), fmt);
}

static lxw_format *text_format(lxw_workbook *wb, lxw_color_t bg) {
  lxw_format *f = workbook_add_format(wb);
  format_set_num_format(f, "@");
  format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  if (bg) format_set_bg_color(f, bg);
  return f;
}

static void make_formats(book *bk) {
  bk->head = text_format(bk->wb, 0xD9D9D9);
  format_set_bold(bk->head);
  bk->text = text_format(bk->wb, 0);
  bk->ja = text_format(bk->wb, 0);
  format_set_font_name(bk->ja, JA_FONT);
  static const lxw_color_t status_bg[4] = {0xE2EFDA, 0xDDEBF7, 0xF8CBAD,
                                           0xFCE4D6};
  for (int i = 0; i < 4; i++)
    bk->status[i] = text_format(bk->wb, status_bg[i]);
  static const lxw_color_t sev_bg[3] = {0xDDEBF7, 0xFFF2CC, 0xF8CBAD};
  for (int i = 0; i < 3; i++)
    bk->sev[i] = text_format(bk->wb, sev_bg[i]);
  bk->link = text_format(bk->wb, 0);
  format_set_underline(bk->link, LXW_UNDERLINE_SINGLE);
  format_set_font_color(bk->link, LXW_COLOR_BLUE);
}

static void header(book *bk, lxw_worksheet *ws, const char *const *names,
                   int n) {
  for (int i = 0; i < n; i++)
    cells(bk, ws, 0, i, names[i], bk->head);
  worksheet_freeze_panes(ws, 1, 0);
}

static void set_widths(book *bk, lxw_worksheet *ws, int n) {
  for (int i = 0; i < n; i++) {
    double w = bk->width[i] > MAX_WIDTH ? MAX_WIDTH : bk->width[i];
    worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, w < 6 ? 6 : w, NULL);
    bk->width[i] = 0;
  }
}

static void line_cell(book *bk, lxw_worksheet *ws, lxw_row_t r, int col,
                      int line) {
  char s[24] = "";
  if (line) snprintf(s, sizeof s, "%d", line);
  cells(bk, ws, r, col, s, bk->text);
}

static void pairs_sheet(book *bk, const ty_alignment *al, const size_t *off,
                        const size_t *idx) {
  static const char *const names[NCOLS] = {"key",      "status",   "ja label",
                                           "Japanese", "en label", "English",
                                           "ja line",  "en line",  "findings"};
  lxw_worksheet *ws = workbook_add_worksheet(bk->wb, "Pairs");
  header(bk, ws, names, NCOLS);
  for (size_t i = 0; i < al->npairs; i++) {
    const ty_pair *p = &al->pairs[i];
    lxw_row_t r = (lxw_row_t)(i + 1);
    cells(bk, ws, r, C_KEY, ty_pair_key(al, p), bk->text);
    cells(bk, ws, r, C_STATUS, ty_pair_status_name(p->status),
          bk->status[p->status]);
    for (int side = 0; side < 2; side++) {
      ty_lang l = side ? TY_EN : TY_JA;
      lxw_format *fmt = side ? bk->text : bk->ja;
      ty_buf_clear(&bk->a);
      ty_pair_label(al, p, l, &bk->a);
      cell(bk, ws, r, side ? C_EN_LABEL : C_JA_LABEL, bk->a.p, bk->a.n, fmt);
      ty_buf_clear(&bk->a);
      ty_pair_text(al, p, l, &bk->a);
      cell(bk, ws, r, side ? C_EN : C_JA, bk->a.p, bk->a.n, fmt);
      line_cell(bk, ws, r, side ? C_EN_LINE : C_JA_LINE,
                ty_pair_line(al, p, l));
    }
    ty_buf_clear(&bk->a);
    for (size_t k = off[i]; k < off[i + 1]; k++)
      ty_buf_printf(&bk->a, "%s%s", k > off[i] ? "; " : "",
                    ty_code_name(al->findings.v[idx[k]].code));
    cell(bk, ws, r, C_FINDINGS, bk->a.p ? bk->a.p : "", bk->a.n, bk->text);
  }
  set_widths(bk, ws, NCOLS);
}

static void findings_sheet(book *bk, const ty_alignment *al,
                           const size_t *where) {
  static const char *const names[7] = {"severity", "code",    "key", "ja line",
                                       "en line",  "message", "pair"};
  lxw_worksheet *ws = workbook_add_worksheet(bk->wb, "Findings");
  header(bk, ws, names, 7);
  for (size_t i = 0; i < al->findings.n; i++) {
    const ty_finding *f = &al->findings.v[i];
    lxw_row_t r = (lxw_row_t)(i + 1);
    cells(bk, ws, r, 0, ty_severity_name(f->severity), bk->sev[f->severity]);
    cells(bk, ws, r, 1, ty_code_name(f->code), bk->text);
    cells(bk, ws, r, 2, f->key ? f->key : "", bk->text);
    line_cell(bk, ws, r, 3, f->ja_line);
    line_cell(bk, ws, r, 4, f->en_line);
    cells(bk, ws, r, 5, f->message ? f->message : "", bk->text);
    if (where[i] == SIZE_MAX) continue;
    /* a link to the pair's row, shown as the pair's key */
    char url[64];
    snprintf(url, sizeof url, "internal:Pairs!A%zu", where[i] + 2);
    worksheet_write_url(ws, r, 6, url, bk->link);
    cells(bk, ws, r, 6, ty_pair_key(al, &al->pairs[where[i]]), bk->link);
  }
  set_widths(bk, ws, 7);
}

static void summary_sheet(book *bk, const ty_alignment *al) {
  lxw_worksheet *ws = workbook_add_worksheet(bk->wb, "Summary");
  ty_buf_clear(&bk->a);
  ty_summary_line(al, &bk->a);
  cells(bk, ws, 0, 0, "summary", bk->head);
  cell(bk, ws, 1, 0, bk->a.p ? bk->a.p : "", bk->a.n, bk->text);
  cells(bk, ws, 2, 0, al->ja->name, bk->ja);
  cells(bk, ws, 3, 0, al->en->name, bk->text);
  set_widths(bk, ws, 1);
}

/* Copies the file at path to f. */
static int copy_to(const char *path, FILE *f) {
  FILE *in = fopen(path, "rb");
  if (!in) return -1;
  char buf[65536];
  size_t n;
  int rc = 0;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0)
    if (fwrite(buf, 1, n, f) != n) rc = -1;
  if (ferror(in)) rc = -1;
  fclose(in);
  return rc;
}

int ty_render_xlsx(const ty_alignment *al, const ty_render_options *o,
                   FILE *f) {
  (void)o;
  const char *dir = getenv("TMPDIR");
  char path[4096];
  snprintf(path, sizeof path, "%s/taiyaku-XXXXXX.xlsx",
           dir && *dir ? dir : "/tmp");
  int fd = mkstemps(path, 5);
  if (fd < 0) return -1;
  close(fd);
  book bk = {0};
  bk.wb = workbook_new(path);
  if (!bk.wb) {
    unlink(path);
    return -1;
  }
  make_formats(&bk);
  size_t *off, *idx;
  size_t *where = ty_findings_by_pair(al, &off, &idx);
  pairs_sheet(&bk, al, off, idx);
  findings_sheet(&bk, al, where);
  summary_sheet(&bk, al);
  free(where);
  free(off);
  free(idx);
  ty_buf_free(&bk.a);
  ty_buf_free(&bk.b);
  int rc = workbook_close(bk.wb) == LXW_NO_ERROR ? copy_to(path, f) : -1;
  unlink(path);
  return rc;
}
