/* read.c — the first stage: a file's bytes into UTF-8 text with LF line
 * ends and no BOM.
 *
 * The common case, a UTF-8 file without BOM or CR, is used as read (one
 * read(2) into a buffer of the file's size, no copy; not a mapping, whose
 * pages fault one by one and which dies of SIGBUS when the file is
 * truncated meanwhile).
 * Anything else becomes a malloc'd copy: cleaned UTF-8, or the output of
 * an ICU converter set to stop at the first illegal or unmapped sequence,
 * so that no byte is ever read as mojibake.  Other encodings are guessed
 * with ICU's detector only when the bytes are not UTF-8, and only among
 * the encodings Japanese documents use; a weak guess is refused. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

/* Detector guesses below this are not acted on (ICU reports 100 for a few
 * lines of real Shift_JIS or EUC-JP, and about 10 when it has no clue). */
#define MIN_CONFIDENCE 50
/* BOM-less UTF-16 never scores high in ICU; its NUL bytes already say
 * "not UTF-8", so a lower bar picks the byte order. */
#define MIN_CONFIDENCE_UTF16 30
/* How many bytes the detector and the control-byte test look at. */
#define SAMPLE 65536
#define MAX_GUESSES 3

typedef struct guess {
  const char *name; /* one of the static names below */
  int confidence;
} guess;

static const char *const japanese_charsets[] = {"Shift_JIS", "EUC-JP",
                                                "ISO-2022-JP", NULL};
static const char *const utf16_charsets[] = {"UTF-16LE", "UTF-16BE", NULL};

/* ---- positions ------------------------------------------------------ */

/* Line and column (1-based, column in characters) of the byte just after
 * the UTF-8 prefix s[0..n).  CRLF and lone CR count as one line break, as
 * they will after cleaning. */
static void position_after(const char *s, size_t n, int *line, int *col) {
  int ln = 1;
  size_t start = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n'))) {
      ln++;
      start = i + 1;
    }
  }
  int c = 1;
  for (size_t i = start; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
  *line = ln;
  *col = c;
}

/* ---- binary or text ------------------------------------------------- */

/* True when more than a quarter of the first bytes are control characters
 * that text does not use (TAB, LF, VT, FF, CR and ESC are text: ESC opens
 * ISO-2022-JP shifts). */
static int mostly_control(const char *s, size_t n) {
  size_t m = n < SAMPLE ? n : SAMPLE, ctl = 0;
  for (size_t i = 0; i < m; i++) {
    unsigned char c = (unsigned char)s[i];
    if ((c < 0x20 && !(c >= '\t' && c <= '\r') && c != 0x1B) || c == 0x7F)
      ctl++;
  }
  return m > 0 && ctl * 4 > m;
}

/* Whether s[0..n) holds ESC '$', an ISO-2022-JP shift to kanji.  memchr
 * for the rare ESC: glibc's memmem with a two-byte needle took a seventh
 * of a whole structure-only run on big files. */
static int has_kanji_shift(const char *s, size_t n) {
  const char *e = s, *end = s + n;
  while ((e = memchr(e, 0x1B, (size_t)(end - e))) != NULL) {
    if (++e < end && *e == '$') return 1;
  }
  return 0;
}

static int binary_error(ty_error *err, const char *name) {
  return ty_error_set(err, TY_ERR_ENCODING, name, 0, 0,
                      "binary file, not text");
}

/* ---- installing the text -------------------------------------------- */

/* Copies s[0..n) to dst (which may be s itself) without a leading UTF-8
 * BOM and with CRLF and lone CR turned into LF.  Returns the new length. */
static size_t clean_copy(char *dst, const char *s, size_t n) {
  size_t i = 0, o = 0;
  if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < n) {
    const char *cr = memchr(s + i, '\r', n - i);
    size_t run = cr ? (size_t)(cr - (s + i)) : n - i;
    memmove(dst + o, s + i, run);
    o += run;
    i += run;
    if (!cr) break;
    dst[o++] = '\n';
    i++;
    if (i < n && s[i] == '\n') i++;
  }
  return o;
}

/* Makes a malloc'd, cleaned copy of UTF-8 s[0..n) the document's text. */
static void install_copy(ty_doc *doc, const char *s, size_t n) {
  char *p = ty_xmalloc(n + 1);
  size_t len = clean_copy(p, s, n);
  p[len] = '\0';
  doc->owned = p;
  doc->text = p;
  doc->len = len;
}

/* Makes converter output (malloc'd UTF-8 in b) the document's text,
 * cleaned in place; refuses NULs and control-byte noise. */
static int install_converted(ty_doc *doc, ty_buf *b, const char *name,
                             ty_error *err) {
  if ((b->n && memchr(b->p, '\0', b->n)) || mostly_control(b->p, b->n)) {
    ty_buf_free(b);
    return binary_error(err, name);
  }
  if (b->n == 0) {
    ty_buf_free(b);
    return 0;
  }
  b->n = clean_copy(b->p, b->p, b->n);
  b->p[b->n] = '\0';
  doc->owned = b->p;
  doc->text = b->p;
  doc->len = b->n;
  return 0;
}

/* ---- ICU conversion ------------------------------------------------- */

typedef enum conv_result { CONV_OK, CONV_ILLEGAL, CONV_ICU } conv_result;

/* Appends UTF-16 u[0..n) to out as UTF-8. */
static int append_utf8(ty_buf *out, const UChar *u, int32_t n) {
  if (n == 0) return 0;
  ty_buf_reserve(out, (size_t)n * 3 + 1);
  UErrorCode e = U_ZERO_ERROR;
  int32_t len = 0;
  u_strToUTF8(out->p + out->n, (int32_t)(out->cap - out->n), &len, u, n, &e);
  if (U_FAILURE(e)) return -1;
  out->n += (size_t)len;
  return 0;
}

/* Converts s[0..n) from charset `cs` into UTF-8 appended to out, stopping
 * at the first illegal or unmapped sequence; then line and col tell where
 * (counted in the text decoded so far).  The text goes through a fixed
 * UTF-16 pivot so that memory stays proportional to the output. */
static conv_result convert(const char *cs, const char *s, size_t n, ty_buf *out,
                           int *line, int *col, UErrorCode *icu) {
  UErrorCode e = U_ZERO_ERROR;
  UConverter *cnv = ucnv_open(cs, &e);
  if (U_SUCCESS(e))
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &e);
  if (U_FAILURE(e)) {
    ucnv_close(cnv);
    *icu = e;
    return CONV_ICU;
  }
  enum { PIVOT = 16384 };
  UChar pivot[PIVOT];
  int32_t carry = 0; /* a lead surrogate held back from the last chunk */
  const char *src = s, *end = s + n;
  conv_result r = CONV_OK;
  for (;;) {
    UChar *t = pivot + carry;
    e = U_ZERO_ERROR;
    ucnv_toUnicode(cnv, &t, pivot + PIVOT, &src, end, NULL, 1, &e);
    int32_t got = (int32_t)(t - pivot);
    carry = 0;
    if (e == U_BUFFER_OVERFLOW_ERROR && got > 0 && U16_IS_LEAD(pivot[got - 1]))
      carry = 1;
    if (append_utf8(out, pivot, got - carry) != 0) {
      r = CONV_ILLEGAL;
      break;
    }
    if (carry) pivot[0] = pivot[got - 1];
    if (e == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(e)) r = CONV_ILLEGAL;
    break;
  }
  ucnv_close(cnv);
  if (r == CONV_ILLEGAL)
    position_after(out->p ? out->p : "", out->n, line, col);
  return r;
}

/* Converts with `cs` and installs the result; an illegal sequence is
 * reported as "invalid <shown>" at its line and column. */
static int convert_explicit(ty_doc *doc, const char *cs, const char *shown,
                            const char *s, size_t n, const char *name,
                            ty_error *err) {
  ty_buf out = {0};
  int line = 0, col = 0;
  UErrorCode icu = U_ZERO_ERROR;
  switch (convert(cs, s, n, &out, &line, &col, &icu)) {
  case CONV_OK: return install_converted(doc, &out, name, err);
  case CONV_ILLEGAL:
    ty_buf_free(&out);
    return ty_error_set(err, TY_ERR_ENCODING, name, line, col, "invalid %s",
                        shown);
  case CONV_ICU: break;
  }
  ty_buf_free(&out);
  return ty_error_set(err, TY_ERR_ENCODING, name, 0, 0,
                      "cannot open the %s converter: %s", shown,
                      u_errorName(icu));
}

/* ---- detection ------------------------------------------------------ */

/* Where the detector should look: from the line holding the first byte
 * that is not plain ASCII text, so that a long ASCII preamble does not
 * hide the evidence. */
static size_t sample_start(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (unsigned char)s[i] < 0x80 && s[i] != 0x1B && s[i] != 0)
    i++;
  size_t lo = i > 1024 ? i - 1024 : 0;
  while (i > lo && s[i - 1] != '\n')
    i--;
  return i;
}

/* Fills g with ICU's guesses for s[0..n) among `allowed`, best first.
 * Returns how many (0 when ICU fails or nothing fits). */
static int detect(const char *s, size_t n, const char *const *allowed,
                  guess *g) {
  /* an even start keeps UTF-16 code units whole */
  size_t from = sample_start(s, n) & ~(size_t)1;
  size_t len = n - from < SAMPLE ? n - from : SAMPLE;
  UErrorCode e = U_ZERO_ERROR;
  UCharsetDetector *det = ucsdet_open(&e);
  if (U_SUCCESS(e)) ucsdet_setText(det, s + from, (int32_t)len, &e);
  int32_t nm = 0;
  const UCharsetMatch **m =
      U_SUCCESS(e) ? ucsdet_detectAll(det, &nm, &e) : NULL;
  int ng = 0;
  for (int32_t i = 0; U_SUCCESS(e) && i < nm && ng < MAX_GUESSES; i++) {
    const char *cs = ucsdet_getName(m[i], &e);
    int conf = ucsdet_getConfidence(m[i], &e);
    if (U_FAILURE(e) || conf <= 0) break;
    for (int k = 0; allowed[k]; k++) {
      if (strcmp(cs, allowed[k]) == 0) {
        g[ng].name = allowed[k];
        g[ng].confidence = conf;
        ng++;
      }
    }
  }
  ucsdet_close(det);
  return U_SUCCESS(e) ? ng : 0;
}

/* The best guess when it is strong enough and ahead of the next. */
static const guess *decided(const guess *g, int ng, int min) {
  if (ng == 0 || g[0].confidence < min) return NULL;
  if (ng > 1 && g[1].confidence >= g[0].confidence) return NULL;
  return &g[0];
}

static void list_guesses(ty_buf *b, const guess *g, int ng) {
  for (int i = 0; i < ng; i++)
    ty_buf_printf(b, "%s%s %d%%", i ? ", " : "", g[i].name, g[i].confidence);
}

/* Counts, over all of s[0..n), the valid multi-byte UTF-8 sequences, the
 * runs of bytes that are not UTF-8 and those bytes. */
static void utf8_stats(const char *s, size_t n, size_t *multi, size_t *runs,
                       size_t *bytes) {
  size_t i = 0, mb = 0, nruns = 0, nbytes = 0;
  int in_bad = 0;
  while (i < n) {
    size_t ok = ty_utf8_validate(s + i, n - i);
    if (ok > 0) in_bad = 0;
    for (size_t j = i; j < i + ok; j++)
      if (((unsigned char)s[j] & 0xC0) == 0xC0) mb++;
    i += ok;
    if (i >= n) break;
    if (!in_bad) nruns++;
    in_bad = 1;
    nbytes++;
    i++;
  }
  *multi = mb;
  *runs = nruns;
  *bytes = nbytes;
}

/* Describes the invalid UTF-8 at s[at..n) into b: its bytes and what is
 * wrong with them, e.g. "bytes ED A0 80: a surrogate". */
static void describe_bad_utf8(ty_buf *b, const char *s, size_t n, size_t at) {
  const unsigned char *u = (const unsigned char *)s + at;
  size_t left = n - at;
  unsigned c = u[0];
  size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  size_t k = 1; /* the lead and the continuation bytes that follow it */
  while (k < need && k < left && (u[k] & 0xC0) == 0x80)
    k++;
  ty_buf_puts(b, k > 1 ? "bytes" : "byte");
  for (size_t i = 0; i < k; i++)
    ty_buf_printf(b, " %02X", u[i]);
  const char *why;
  if (c >= 0x80 && c < 0xC0)
    why = "a continuation byte without a lead byte";
  else if (c == 0xC0 || c == 0xC1 || (c == 0xE0 && k > 1 && u[1] < 0xA0) ||
           (c == 0xF0 && k > 1 && u[1] < 0x90))
    why = "an overlong form";
  else if (c == 0xED && k > 1 && u[1] >= 0xA0)
    why = "a UTF-16 surrogate";
  else if (c >= 0xF5 || (c == 0xF4 && k > 1 && u[1] >= 0x90))
    why = "beyond U+10FFFF";
  else if (k == left)
    why = "a sequence cut by the end of the file";
  else
    why = "a sequence cut short";
  ty_buf_printf(b, ": %s", why);
}

/* "FILE:LINE:COL: invalid UTF-8 (bytes ...: why)" for the bad byte at
 * bad_at of s[0..n) (s starts after any BOM), followed by `tail`. */
static int invalid_utf8(const char *s, size_t n, size_t bad_at,
                        const char *tail, const char *name, ty_error *err) {
  int line, col;
  position_after(s, bad_at, &line, &col);
  ty_buf msg = {0};
  ty_buf_puts(&msg, "invalid UTF-8 (");
  describe_bad_utf8(&msg, s, n, bad_at);
  ty_buf_printf(&msg, ")%s", tail ? tail : "");
  ty_error_set(err, TY_ERR_ENCODING, name, line, col, "%s", msg.p);
  ty_buf_free(&msg);
  return -1;
}

/* Bytes that are not UTF-8 (the first bad one at bad_at, after a BOM of
 * `skip` bytes), in auto mode: a UTF-8 file with a stray byte is reported
 * as such; otherwise a Japanese encoding is guessed and
 * converted, or the guesses are shown. */
static int guess_japanese(ty_doc *doc, const char *s, size_t n, size_t skip,
                          size_t bad_at, const char *name, ty_error *err) {
  size_t multi, runs, bytes;
  utf8_stats(s, n, &multi, &runs, &bytes);
  /* Shift_JIS and EUC-JP text has about as many non-UTF-8 runs as
   * accidental UTF-8 sequences; UTF-8 with a stray byte has far fewer.
   * A single byte in ASCII text is no evidence of another encoding. */
  if ((multi > 0 && runs * 4 <= multi) || (multi == 0 && bytes == 1))
    return invalid_utf8(s + skip, n - skip, bad_at - skip, NULL, name, err);
  guess g[MAX_GUESSES];
  int ng = detect(s, n, japanese_charsets, g);
  const guess *best = decided(g, ng, MIN_CONFIDENCE);
  ty_buf why = {0};
  if (best) {
    ty_buf out = {0};
    int line = 0, col = 0;
    UErrorCode icu = U_ZERO_ERROR;
    conv_result r = convert(best->name, s, n, &out, &line, &col, &icu);
    if (r == CONV_OK) return install_converted(doc, &out, name, err);
    ty_buf_free(&out);
    if (r == CONV_ILLEGAL)
      ty_buf_printf(&why, "; not %s at line %d, column %d", best->name, line,
                    col);
  }
  /* whatever the detector concluded, the position is that of the first
   * byte that is not UTF-8, in the file as it is */
  ty_buf msg = {0};
  if (ng == 0) {
    ty_buf_puts(&msg, "; not Shift_JIS, EUC-JP or ISO-2022-JP either");
  } else {
    ty_buf_puts(&msg, "; the encoding cannot be decided (best guesses: ");
    list_guesses(&msg, g, ng);
    if (why.n) ty_buf_put(&msg, why.p, why.n);
    ty_buf_putc(&msg, ')');
  }
  ty_buf_puts(&msg, "; use --encoding");
  invalid_utf8(s + skip, n - skip, bad_at - skip, msg.p, name, err);
  ty_buf_free(&msg);
  ty_buf_free(&why);
  return -1;
}

/* Which byte order BOM-less UTF-16 is in: where the NUL bytes of ASCII
 * characters fall. */
static const char *utf16_order(const char *s, size_t n) {
  size_t even = 0, odd = 0;
  size_t m = n < SAMPLE ? n : SAMPLE;
  for (size_t i = 0; i < m; i++)
    if (s[i] == 0) *(i & 1 ? &odd : &even) += 1;
  return even > odd ? "UTF-16BE" : "UTF-16LE";
}

/* ---- the decision --------------------------------------------------- */

static const char *encoding_charset(ty_encoding e) {
  switch (e) {
  case TY_ENC_SHIFT_JIS: return "Shift_JIS";
  case TY_ENC_EUC_JP: return "EUC-JP";
  case TY_ENC_ISO2022JP: return "ISO-2022-JP";
  default: return NULL;
  }
}

/* Turns s[0..n) into the document's text.  When `borrow` is set, s stays
 * valid as long as the document and may become its text unchanged. */
static int decode(ty_doc *doc, const char *s, size_t n, int borrow,
                  const ty_read_options *opt, const char *name, ty_error *err) {
  ty_encoding enc = opt ? opt->encoding : TY_ENC_AUTO;
  if (n == 0) return 0;
  const unsigned char *u = (const unsigned char *)s;
  int utf16_bom_le = n >= 2 && u[0] == 0xFF && u[1] == 0xFE;
  int utf16_bom_be = n >= 2 && u[0] == 0xFE && u[1] == 0xFF;

  if (enc == TY_ENC_UTF16 ||
      (enc == TY_ENC_AUTO && (utf16_bom_le || utf16_bom_be))) {
    if (utf16_bom_le || utf16_bom_be)
      return convert_explicit(doc, utf16_bom_le ? "UTF-16LE" : "UTF-16BE",
                              "UTF-16", s + 2, n - 2, name, err);
    return convert_explicit(doc, utf16_order(s, n), "UTF-16", s, n, name, err);
  }
  const char *cs = encoding_charset(enc);
  if (cs) return convert_explicit(doc, cs, cs, s, n, name, err);

  /* UTF-8, stated or presumed */
  int bom = n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
  if (memchr(s, '\0', n)) {
    if (enc == TY_ENC_AUTO && !bom) {
      guess g[MAX_GUESSES];
      int ng = detect(s, n, utf16_charsets, g);
      const guess *best = decided(g, ng, MIN_CONFIDENCE_UTF16);
      ty_buf out = {0};
      int line, col;
      UErrorCode icu = U_ZERO_ERROR;
      if (best && convert(best->name, s, n, &out, &line, &col, &icu) == CONV_OK)
        return install_converted(doc, &out, name, err);
      ty_buf_free(&out);
    }
    return binary_error(err, name);
  }
  if (mostly_control(s, n)) return binary_error(err, name);
  size_t skip = bom ? 3 : 0;
  size_t bad = skip + ty_utf8_validate(s + skip, n - skip);
  if (bad < n) {
    if (enc == TY_ENC_UTF8)
      return invalid_utf8(s + skip, n - skip, bad - skip, NULL, name, err);
    return guess_japanese(doc, s, n, skip, bad, name, err);
  }
  /* 7-bit ISO-2022-JP is valid UTF-8: its kanji shifts give it away */
  if (enc == TY_ENC_AUTO && has_kanji_shift(s, n)) {
    guess g[MAX_GUESSES];
    int ng = detect(s, n, japanese_charsets, g);
    const guess *best = decided(g, ng, MIN_CONFIDENCE);
    if (best && strcmp(best->name, "ISO-2022-JP") == 0)
      return convert_explicit(doc, best->name, best->name, s, n, name, err);
  }
  if (borrow && !bom && !memchr(s, '\r', n)) {
    doc->text = s;
    doc->len = n;
    return 0;
  }
  install_copy(doc, s, n);
  return 0;
}

/* ---- files ---------------------------------------------------------- */

/* Whether the first block of a file already shows it is no text, so that
 * an endless input (/dev/zero, /dev/urandom) is refused before it fills
 * memory: the tests decode() makes on its first SAMPLE bytes anyway (NUL
 * bytes that are not UTF-16, control-byte noise), and NUL bytes making
 * most of the block, which no text in any encoding has. */
static int binary_block(const char *s, size_t n, const ty_read_options *opt) {
  ty_encoding enc = opt ? opt->encoding : TY_ENC_AUTO;
  size_t nul = 0;
  for (size_t i = 0; i < n; i++)
    nul += s[i] == 0;
  if (nul * 4 > n * 3) return 1;
  if (enc != TY_ENC_AUTO && enc != TY_ENC_UTF8)
    return 0; /* a stated legacy encoding: its converter decides */
  if (nul == 0) return mostly_control(s, n);
  const unsigned char *u = (const unsigned char *)s;
  if (n >= 2 &&
      ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    return 0;
  guess g[MAX_GUESSES];
  int ng = detect(s, n, utf16_charsets, g);
  return enc == TY_ENC_UTF8 || !decided(g, ng, MIN_CONFIDENCE_UTF16);
}

static size_t max_input(const ty_read_options *opt) {
  return opt && opt->max_input ? opt->max_input : TY_DEFAULT_MAX_INPUT;
}

static int too_big(const ty_read_options *opt, const char *name,
                   ty_error *err) {
  return ty_error_set(err, TY_ERR_IO, name, 0, 0,
                      "larger than the input limit of %zu bytes (--max-input)",
                      max_input(opt));
}

/* Reads all of fd into b with read(2) (no mapping, so a file truncated
 * meanwhile is a short read, not SIGBUS).  `expect` is the size fstat
 * gave a regular file (0 for a stream).  The first block is sniffed for
 * binary content before more is read. */
static int read_all(int fd, size_t expect, ty_buf *b,
                    const ty_read_options *opt, const char *name,
                    ty_error *err) {
  size_t limit = max_input(opt), sniffed = 0;
  if (expect) { /* exactly the size: a doubling would waste address space */
    b->p = ty_xmalloc(expect + 2);
    b->cap = expect + 2;
  }
  for (;;) {
    if (b->cap - b->n < 2) ty_buf_reserve(b, b->n < 65536 ? 65536 : b->n);
    ssize_t k = read(fd, b->p + b->n, b->cap - b->n - 1);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0)
      return ty_error_set(err, TY_ERR_IO, name, 0, 0, "%s", strerror(errno));
    if (k == 0) break;
    b->n += (size_t)k;
    if (b->n > limit) return too_big(opt, name, err);
    if (!sniffed && (b->n >= SAMPLE || expect)) {
      sniffed = 1;
      if (binary_block(b->p, b->n < SAMPLE ? b->n : SAMPLE, opt))
        return binary_error(err, name);
    }
  }
  if (expect && b->n < expect)
    return ty_error_set(err, TY_ERR_IO, name, 0, 0,
                        "the file shrank from %zu to %zu bytes while it was "
                        "read",
                        expect, b->n);
  return 0;
}

/* Opens path for reading; "-" is standard input (*own = 0: not closed). */
static int open_input(const char *path, int *own) {
  *own = strcmp(path, "-") != 0;
  return *own ? open(path, O_RDONLY | O_CLOEXEC) : STDIN_FILENO;
}

int ty_read_text(ty_doc *doc, const char *path, const ty_read_options *opt,
                 ty_error *err) {
  int own;
  int fd = open_input(path, &own);
  if (fd < 0)
    return ty_error_set(err, TY_ERR_IO, path, 0, 0, "%s", strerror(errno));
  struct stat st;
  int rc = 0;
  if (fstat(fd, &st) != 0)
    rc = ty_error_set(err, TY_ERR_IO, path, 0, 0, "%s", strerror(errno));
  else if (S_ISDIR(st.st_mode))
    rc = ty_error_set(err, TY_ERR_IO, path, 0, 0, "is a directory");
  else if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max_input(opt))
    rc = too_big(opt, path, err);
  ty_buf b = {0};
  if (rc == 0)
    rc = read_all(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, &b, opt,
                  path, err);
  if (own) close(fd);
  if (rc == 0) rc = decode(doc, b.p ? b.p : "", b.n, 1, opt, path, err);
  if (rc == 0 && b.p && doc->text == b.p)
    doc->owned = b.p; /* clean UTF-8 as read: keep the buffer, no copy */
  else
    ty_buf_free(&b);
  return rc;
}

int ty_read_buffer(ty_doc *doc, const char *bytes, size_t len,
                   const ty_read_options *opt, ty_error *err) {
  return decode(doc, bytes ? bytes : "", bytes ? len : 0, 0, opt, doc->name,
                err);
}
