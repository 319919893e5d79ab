/* read_office.c — DOCX, ODT and PDF files into the clause model.
 *
 * Each format's reader (read_docx.c, read_odt.c, read_pdf.c) writes the
 * text as its producer shows it — Word's and LibreOffice's automatic
 * numbers written out where they stand, table rows a line, a blank line
 * between paragraphs — and notes for every line where it is in the file.
 * That text is then built into clauses by the outline, exactly as a text
 * file typed the same way would be (one key scheme), and the clauses' and
 * per-file findings' lines are turned into the file's positions: the
 * paragraph number in a DOCX or ODT, page * 1000 + line on the page in a
 * PDF. */
#include "internal.h"
#include "utf8_inline.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlerror.h>

int ty_office_sniff(const char *bytes, size_t n) {
  if (n >= 4 && memcmp(bytes, "PK\003\004", 4) == 0) return 'z';
  /* an archive with nothing in it, or a spanned one: still a zip */
  if (n >= 4 && memcmp(bytes, "PK\005\006", 4) == 0) return 'z';
  if (n >= 5 && memcmp(bytes, "%PDF-", 5) == 0) return 'p';
  return 0;
}

/* Makes room for the languages of n lines (NULL until set). */
static void grow_langs(ty_office_text *t, size_t n) {
  t->langs = ty_xgrow_zeroed(t->langs, &t->lcap, n, sizeof *t->langs);
}

/* A line at position pos, in language lang (NULL: the document's). */
static void push_pos(ty_office_text *t, int pos, const char *lang) {
  if (t->npos == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 256;
    t->pos = ty_xrealloc(t->pos, t->cap * sizeof *t->pos);
  }
  if (lang) {
    grow_langs(t, t->npos + 1);
    t->langs[t->npos] = lang;
  }
  t->pos[t->npos++] = pos;
}

/* Whether the interned tag is lang[-country] as ty_office_lang writes it
 * (country NULL or "" for none): compared in place, not printed first,
 * for every run of a DOCX names its w:lang (issue 12's bench file). */
static int is_tag(const char *tag, const char *lang, size_t nlang,
                  const char *country) {
  if (strncmp(tag, lang, nlang) != 0) return 0;
  if (!country || !*country) return tag[nlang] == '\0';
  return tag[nlang] == '-' && strcmp(tag + nlang + 1, country) == 0;
}

const char *ty_office_lang(ty_office_text *t, const char *lang,
                           const char *country) {
  if (!lang || !*lang || strcmp(lang, "zxx") == 0 || strcmp(lang, "none") == 0)
    return NULL;
  char tag[64];
  size_t nlang = strlen(lang);
  size_t ncountry = country && *country ? strlen(country) + 1 : 0;
  /* a tag that fits is found as it stands; a longer one is cut to 63
   * bytes, and that is the tag kept */
  if (nlang + ncountry < sizeof tag) {
    for (size_t i = 0; i < t->ntags; i++)
      if (is_tag(t->tags[i], lang, nlang, country)) return t->tags[i];
  }
  snprintf(tag, sizeof tag, "%s%s%s", lang, ncountry ? "-" : "",
           ncountry ? country : "");
  for (size_t i = 0; i < t->ntags; i++)
    if (strcmp(t->tags[i], tag) == 0) return t->tags[i];
  if (t->ntags % 8 == 0)
    t->tags = ty_xrealloc(t->tags, (t->ntags + 8) * sizeof *t->tags);
  return t->tags[t->ntags++] = ty_arena_strndup(t->arena, tag, strlen(tag));
}

/* n characters (`bytes` bytes of the text) under lang. */
static void count_as(ty_office_langs *c, const char *lang, size_t n,
                     size_t bytes) {
  if (!n) return;
  c->marked += n;
  c->marked_bytes += bytes;
  int i = 0;
  while (i < c->n && c->v[i].lang != lang)
    i++;
  if (i == c->n) {
    if (c->n == (int)(sizeof c->v / sizeof c->v[0])) return;
    c->v[c->n++] = (struct ty_lang_tally){lang, 0};
  }
  c->v[i].chars += n;
}

/* Whether the character c is Japanese (ty_is_japanese), ICU asked once a
 * document for each character of U+3000..U+FFFF, where kana and kanji
 * are: a tenth of reading issue 12's bench file was ICU's answers. */
static int japanese(ty_office_text *t, int32_t c) {
  if (c < 0x3000) return 0;
  if (c > 0xFFFF) return ty_is_japanese(c);
  if (!t->japanese) t->japanese = ty_xcalloc(0x10000 - 0x3000, 1);
  unsigned char *m = &t->japanese[c - 0x3000];
  if (!*m) *m = (unsigned char)(1 + ty_is_japanese(c));
  return *m - 1;
}

void ty_office_count(ty_office_text *t, ty_office_langs *c,
                     const char *const slot[2], const char *s, size_t n) {
  size_t k[2] = {0, 0}, bytes[2] = {0, 0}, ascii = 0;
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    /* ASCII, most of a Latin run, is never Japanese: no decoding, no ICU */
    if (u[i] < 0x80) {
      ascii += u[i] != ' ' && u[i] != '\t' && u[i] != '\n';
      i++;
      continue;
    }
    int len;
    int32_t ch = ty_utf8_decode_inline(s + i, n - i, &len);
    int j = japanese(t, ch);
    k[j]++;
    bytes[j] += (size_t)len;
    i += (size_t)len;
  }
  k[0] += ascii;
  bytes[0] += ascii;
  for (int j = 0; j < 2; j++)
    if (slot[j]) count_as(c, slot[j], k[j], bytes[j]);
}

void ty_office_langs_merge(ty_office_langs *into, ty_office_langs *from) {
  size_t carried = 0, bytes = into->marked_bytes;
  for (int i = 0; i < from->n; i++) {
    count_as(into, from->v[i].lang, from->v[i].chars, 0);
    carried += from->v[i].chars;
  }
  /* from's marked bytes hold for into only when none of its characters
   * were left out of its tallies (a ninth language) */
  into->marked_bytes =
      bytes + (carried == from->marked ? from->marked_bytes : 0);
  from->n = 0;
  from->marked = from->marked_bytes = 0;
}

const char *ty_office_para_lang(ty_office_langs *c, const char *text,
                                size_t n) {
  if (!c->n) return NULL;
  size_t top = 0;
  for (int i = 0; i < c->n; i++)
    if (c->v[i].chars > top) top = c->v[i].chars;
  /* The characters no run marked each take a byte or more of the text
   * the marked ones do not: when a language has more characters than
   * those bytes, the unmarked cannot outnumber it and the text is not
   * counted (a paragraph all of whose runs say their language; the count
   * was a tenth of reading issue 12's bench file). */
  size_t most = 0;
  if (top <= (n > c->marked_bytes ? n - c->marked_bytes : 0)) {
    size_t all = 0;
    for (size_t i = 0; i < n; i++)
      all += text[i] != ' ' && text[i] != '\n' &&
             ((unsigned char)text[i] & 0xC0) != 0x80;
    most = all > c->marked ? all - c->marked : 0;
  }
  const char *best = NULL;
  for (int i = 0; i < c->n; i++)
    if (c->v[i].chars > most) {
      most = c->v[i].chars;
      best = c->v[i].lang;
    }
  c->n = 0;
  c->marked = c->marked_bytes = 0;
  return best;
}

void ty_office_reserve(ty_office_text *t, size_t xml_size) {
  if (xml_size > TY_ZIP_MEMBER_LIMIT) return;
  ty_buf_reserve(&t->text, xml_size);
  /* Written once from start to end: in pages of 2 MB where the kernel
   * has them (transparent huge pages on request), the first write of each
   * 4 kB page was a page fault, a quarter of the reader's time on a
   * 20 MB .docx (issue 13).  Advice only: its failure changes nothing. */
  uintptr_t from = ((uintptr_t)t->text.p + t->text.n + 4095) & ~(uintptr_t)4095;
  uintptr_t to = ((uintptr_t)t->text.p + t->text.cap) & ~(uintptr_t)4095;
  if (to > from + ((size_t)2 << 20))
    (void)madvise((void *)from, to - from, MADV_HUGEPAGE);
}

void ty_office_chars(ty_buf *b, const char *s, size_t n) {
  size_t at = b->n;
  ty_buf_put(b, s, n);
  /* most runs have neither: two fast scans, not a test of every byte */
  if (!memchr(s, '\t', n) && !memchr(s, '\n', n)) return;
  for (char *c = b->p + at; c < b->p + b->n; c++)
    if (*c == '\t' || *c == '\n') *c = ' ';
}

void ty_office_para(ty_office_text *t, const char *s, size_t n, int pos) {
  /* trim, and keep no blank line inside: it would split the paragraph */
  while (n && (*s == ' ' || *s == '\n'))
    s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
    n--;
  if (!n) return;
  if (t->text.n) {
    ty_buf_puts(&t->text, "\n\n");
    push_pos(t, pos, NULL);
  }
  push_pos(t, pos, t->lang);
  while (n) {
    const char *nl = memchr(s, '\n', n);
    size_t k = nl ? (size_t)(nl - s) : n;
    ty_buf_put(&t->text, s, k);
    s += k;
    n -= k;
    if (!n) break;
    /* one line break however many: a blank line would end the paragraph */
    while (n && (*s == '\n' || *s == ' '))
      s++, n--;
    ty_buf_putc(&t->text, '\n');
    push_pos(t, pos, t->lang);
  }
}

/* ---- what the SAX walks share ------------------------------------------ */

int ty_office_enter(ty_office_walk *w) {
  w->depth++;
  return w->skip_at != 0;
}

void ty_office_skip(ty_office_walk *w) {
  w->skip_at = w->depth;
}

int ty_office_leave(ty_office_walk *w) {
  int d = w->depth--;
  if (!w->skip_at) return 0;
  if (d == w->skip_at) w->skip_at = 0;
  return 1;
}

void ty_office_xml_error(void *ctx, const xmlError *e) {
  ty_office_walk *w = ctx;
  if (w->errmsg[0] || !e || e->level < XML_ERR_ERROR) return;
  snprintf(w->errmsg, sizeof w->errmsg, "%s", e->message ? e->message : "");
  size_t k = strlen(w->errmsg);
  while (k && w->errmsg[k - 1] == '\n')
    w->errmsg[--k] = '\0';
  w->errline = e->line;
  w->errcol = e->int2;
}

int ty_office_xml_failed(const ty_office_walk *w, ty_error *err,
                         const char *file, const char *part) {
  return ty_error_set(err, TY_ERR_SYNTAX, file, 0, 0, "%s:%d:%d: %s", part,
                      w->errline, w->errcol,
                      w->errmsg[0] ? w->errmsg : "malformed XML");
}

const char *ty_office_attr(const unsigned char **attrs, int n, const char *ns,
                           const char *name, char *buf, size_t cap) {
  for (int i = 0; i < n; i++) {
    const unsigned char **a = attrs + 5 * i;
    if (strcmp((const char *)a[0], name) != 0) continue;
    if (ns && !(a[2] && strcmp((const char *)a[2], ns) == 0)) continue;
    size_t len = (size_t)(a[4] - a[3]);
    if (len >= cap) len = cap - 1;
    memcpy(buf, a[3], len);
    buf[len] = '\0';
    return buf;
  }
  return NULL;
}

int ty_office_iattr(const unsigned char **attrs, int n, const char *ns,
                    const char *name, int dflt) {
  char b[32];
  const char *v = ty_office_attr(attrs, n, ns, name, b, sizeof b);
  return v ? atoi(v) : dflt;
}

void ty_office_cell(ty_buf *row, const char *s, size_t n) {
  if (row->n && n) ty_buf_putc(row, ' ');
  ty_buf_put(row, s, n);
}

void ty_office_line(ty_buf *b, const char *s, size_t n) {
  if (b->n) ty_buf_putc(b, '\n');
  ty_buf_put(b, s, n);
}

/* ---- positions ---------------------------------------------------------- */

static int map_line(const ty_office_text *t, int line) {
  if (line <= 0) return line;
  if ((size_t)line > t->npos) return t->npos ? t->pos[t->npos - 1] : 0;
  return t->pos[line - 1];
}

/* A per-file finding's message names lines of the extracted text ("at
 * line 12 repeats the number of line 8"): the file's positions instead. */
static const char *map_message(ty_doc *d, const ty_office_text *t,
                               const char *msg) {
  if (!strstr(msg, "line ")) return msg;
  ty_buf b = {0};
  const char *p = msg;
  const char *q;
  while ((q = strstr(p, "line ")) != NULL) {
    q += 5;
    ty_buf_put(&b, p, (size_t)(q - p));
    char *end;
    long v = strtol(q, &end, 10);
    if (end > q && v > 0 && v < 1000000000) {
      ty_buf_printf(&b, "%d", map_line(t, (int)v));
      q = end;
    }
    p = q;
  }
  ty_buf_puts(&b, p);
  const char *out = ty_arena_strndup(&d->arena, b.p, b.n);
  ty_buf_free(&b);
  return out;
}

static void map_positions(ty_doc *d, const ty_office_text *t) {
  for (size_t i = 0; i < d->ncl; i++) {
    ty_clause *c = &d->cl[i];
    c->line = map_line(t, c->line);
    c->end_line = map_line(t, c->end_line);
  }
  for (size_t i = 0; i < d->findings.n; i++) {
    ty_finding *f = &d->findings.v[i];
    f->ja_line = map_line(t, f->ja_line);
    f->en_line = map_line(t, f->en_line);
    f->message = map_message(d, t, f->message);
  }
}

/* Which reader an archive wants: an ODF package names its type in a
 * `mimetype` member, an OOXML one lists its parts in [Content_Types].xml. */
static int read_archive(const char *bytes, size_t len, const char *name,
                        ty_office_text *t, ty_error *err) {
  ty_zip *z = ty_zip_open(bytes, len, name, err);
  if (!z) return -1;
  int rc;
  if (ty_zip_has(z, "[Content_Types].xml"))
    rc = ty_read_docx(z, name, t, err);
  else if (ty_zip_has(z, "mimetype") || ty_zip_has(z, "content.xml"))
    rc = ty_read_odt(z, name, t, err);
  else
    rc = ty_error_set(err, TY_ERR_SYNTAX, name, 0, 0,
                      "a zip archive that is neither a Word (.docx) nor an "
                      "OpenDocument (.odt) file");
  ty_zip_close(z);
  return rc;
}

int ty_read_office(ty_doc *d, const char *bytes, size_t len, ty_error *err) {
  ty_office_text t = {0};
  t.arena = &d->arena;
  int kind = ty_office_sniff(bytes, len);
  int rc = kind == 'p'   ? ty_read_pdf(bytes, len, d->name, &t, err)
           : kind == 'z' ? read_archive(bytes, len, d->name, &t, err)
                         : ty_error_set(err, TY_ERR_SYNTAX, d->name, 0, 0,
                                        "neither a zip archive nor a PDF");
  if (rc == 0) {
    ty_buf_putc(&t.text, '\n');
    t.text.p = ty_xrealloc(t.text.p, t.text.n + 1); /* reserved for more */
    free(d->owned);
    d->owned = t.text.p;
    d->text = t.text.p;
    d->len = t.text.n;
    t.text.p = NULL;
    ty_outline_build(d);
    if (t.langs) {
      grow_langs(&t, t.npos);
      ty_doc_mark_langs(d, t.langs, t.npos);
    }
    map_positions(d, &t);
    if (t.revisions)
      ty_findings_add(&d->findings, &d->arena, TY_REVISIONS, "",
                      d->lang == TY_JA ? 1 : 0, d->lang == TY_EN ? 1 : 0,
                      "%s: the file has tracked changes, read as if accepted",
                      d->lang == TY_JA ? "ja" : "en");
  }
  ty_buf_free(&t.text);
  free(t.pos);
  free(t.langs);
  free(t.tags);
  free(t.japanese);
  return rc;
}

int ty_read_office_file(ty_doc *d, const char *path, ty_error *err) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 1; /* the text reader says why */
  struct stat st;
  char head[8];
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 5 ||
      pread(fd, head, sizeof head, 0) < 5 || !ty_office_sniff(head, 5)) {
    close(fd);
    return 1;
  }
  /* mapped, not read: the archive is only looked at where libzip reads */
  size_t n = (size_t)st.st_size;
  void *map = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
  int e = errno;
  close(fd);
  if (map == MAP_FAILED)
    return ty_error_set(err, TY_ERR_IO, path, 0, 0, "%s", strerror(e));
  int rc = ty_read_office(d, map, n, err);
  munmap(map, n);
  return rc;
}
