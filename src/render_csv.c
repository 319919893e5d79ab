/* render_csv.c — CSV (RFC 4180) and TSV for spreadsheets: one record per
 * pair, with the header
 *
 *   key,status,ja_label,ja_line,ja_text,en_label,en_line,en_text,findings
 *
 * `findings` holds the codes of the findings whose key is the pair's key,
 * each code once, ';'-separated.  A missing side has empty label, line and
 * text.  Paragraph breaks inside a text are kept as line feeds.
 *
 * CSV: a field holding ',' '"' CR or LF is quoted and its quotes doubled;
 * records end with CRLF, as RFC 4180 says.
 * TSV: fields cannot be quoted, so a tab in a field becomes a space and
 * line breaks and backslashes are escaped as \n, \r and \\ (the
 * convention of PostgreSQL's and MySQL's text formats); records end with
 * LF.
 * Both: a key, label or text that begins with = + - @, a tab or a CR gets a
 * leading ' so that a spreadsheet shows it as text and never evaluates it
 * as a formula (the OWASP advice on CSV injection). */
#include "internal.h"
#include "render.h"

#include <stdlib.h>
#include <string.h>

typedef struct out {
  FILE *f;
  char sep;
} out;

static void put_csv_field(FILE *f, const char *s, size_t n, const char *pre) {
  int quote = 0;
  for (size_t i = 0; i < n && !quote; i++)
    quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
  if (!quote) {
    fputs(pre, f);
    fwrite(s, 1, n, f);
    return;
  }
  putc('"', f);
  fputs(pre, f);
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '"') continue;
    fwrite(s + run, 1, i + 1 - run, f);
    run = i; /* the quote is written again: doubled */
  }
  fwrite(s + run, 1, n - run, f);
  putc('"', f);
}

static void put_tsv_field(FILE *f, const char *s, size_t n, const char *pre) {
  fputs(pre, f);
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    const char *esc;
    switch (s[i]) {
    case '\t': esc = " "; break;
    case '\n': esc = "\\n"; break;
    case '\r': esc = "\\r"; break;
    case '\\': esc = "\\\\"; break;
    default: continue;
    }
    fwrite(s + run, 1, i - run, f);
    fputs(esc, f);
    run = i + 1;
  }
  fwrite(s + run, 1, n - run, f);
}

/* Writes one field, preceded by the separator unless it is the first.
 * `guard`: the field came from a document, so it is kept from being read
 * as a formula. */
static void field(const out *o, int first, const char *s, size_t n, int guard) {
  const char *pre = guard && n && strchr("=+-@\t\r", s[0]) ? "'" : "";
  if (!first) putc(o->sep, o->f);
  if (o->sep == ',')
    put_csv_field(o->f, s, n, pre);
  else
    put_tsv_field(o->f, s, n, pre);
}

static void end_record(const out *o) {
  fputs(o->sep == ',' ? "\r\n" : "\n", o->f);
}

/* The findings sorted by key (then position), so that each pair finds its
 * own by binary search: 100,000 pairs against thousands of findings stay
 * fast. */
typedef struct keyed {
  const char *key;
  ty_code code;
  size_t pos;
} keyed;

static int cmp_keyed(const void *a, const void *b) {
  const keyed *x = a, *y = b;
  int r = strcmp(x->key, y->key);
  return r ? r : (x->pos > y->pos) - (x->pos < y->pos);
}

static void findings_field(const out *o, const keyed *v, size_t n,
                           const char *key, ty_buf *tmp) {
  ty_buf_clear(tmp);
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(v[mid].key, key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  unsigned long seen = 0; /* one bit per code: each code listed once */
  for (size_t i = lo; *key && i < n && strcmp(v[i].key, key) == 0; i++) {
    if (seen & (1ul << v[i].code)) continue;
    seen |= 1ul << v[i].code;
    if (tmp->n) ty_buf_putc(tmp, ';');
    ty_buf_puts(tmp, ty_code_name(v[i].code));
  }
  field(o, 0, tmp->p ? tmp->p : "", tmp->n, 0);
}

static void side_fields(const out *o, const ty_alignment *al, const ty_pair *p,
                        ty_lang side, ty_buf *tmp) {
  ty_buf_clear(tmp);
  ty_pair_label(al, p, side, tmp);
  field(o, 0, tmp->p, tmp->n, 1);
  int line = ty_pair_line(al, p, side);
  char num[24];
  int n = line ? snprintf(num, sizeof num, "%d", line) : 0;
  field(o, 0, num, (size_t)n, 0);
  ty_buf_clear(tmp);
  ty_pair_text(al, p, side, tmp);
  field(o, 0, tmp->p, tmp->n, 1);
}

int ty_render_csv(const ty_alignment *al, const ty_render_options *opt, FILE *f,
                  char sep) {
  out o = {f, sep};
  size_t nf = al->findings.n;
  keyed *byk = ty_xmalloc(nf * sizeof *byk);
  for (size_t i = 0; i < nf; i++)
    byk[i] = (keyed){al->findings.v[i].key, al->findings.v[i].code, i};
  qsort(byk, nf, sizeof *byk, cmp_keyed);

  if (opt->bom) fputs("\xEF\xBB\xBF", f);
  static const char *const header[] = {"key",     "status",  "ja_label",
                                       "ja_line", "ja_text", "en_label",
                                       "en_line", "en_text", "findings"};
  for (size_t i = 0; i < sizeof header / sizeof *header; i++)
    field(&o, i == 0, header[i], strlen(header[i]), 0);
  end_record(&o);

  ty_buf tmp = {0};
  for (size_t i = 0; i < al->npairs && !ferror(f); i++) {
    const ty_pair *p = &al->pairs[i];
    const char *key = ty_pair_key(al, p);
    const char *st = ty_pair_status_name(p->status);
    /* the key is made from the documents' markers: guarded like a text */
    field(&o, 1, key, strlen(key), 1);
    field(&o, 0, st, strlen(st), 0);
    side_fields(&o, al, p, TY_JA, &tmp);
    side_fields(&o, al, p, TY_EN, &tmp);
    findings_field(&o, byk, nf, key, &tmp);
    end_record(&o);
  }
  ty_buf_free(&tmp);
  free(byk);
  return ferror(f) ? -1 : 0;
}
