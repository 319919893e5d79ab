/* cli.c — the command-line plumbing shared by single and batch runs:
 * messages, memory, configuration, atomic output, exit status.  It uses
 * only the public header, taiyaku.h. */
#include "cli.h"
#include "safe_write.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void *need(void *p) {
  if (!p) {
    fputs("taiyaku: out of memory\n", stderr);
    exit(2);
  }
  return p;
}

void *cli_alloc(size_t n) {
  return need(malloc(n ? n : 1));
}

void *cli_calloc(size_t n, size_t size) {
  return need(calloc(n ? n : 1, size ? size : 1));
}

void *cli_realloc(void *p, size_t n) {
  return need(realloc(p, n ? n : 1));
}

char *cli_strdup(const char *s) {
  return need(strdup(s));
}

char *cli_strndup(const char *s, size_t n) {
  return need(strndup(s, n));
}

char *cli_format(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *p = cli_alloc(n > 0 ? (size_t)n + 1 : 1);
  va_start(ap, fmt);
  vsnprintf(p, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
  va_end(ap);
  return p;
}

/* Whether s holds a byte that would break a one-line message or its
 * FILE:LINE:COL reading: a control character, a quote or a backslash. */
static int odd_path(const char *s) {
  for (; *s; s++)
    if ((unsigned char)*s < 0x20 || *s == 0x7F || *s == '"' || *s == '\\')
      return 1;
  return 0;
}

/* Writes s to f with control characters as C escapes (\n, \t, \xHH). */
static void put_escaped(FILE *f, const char *s, int quote) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '\n')
      fputs("\\n", f);
    else if (c == '\t')
      fputs("\\t", f);
    else if (c == '\r')
      fputs("\\r", f);
    else if (c < 0x20 || c == 0x7F)
      fprintf(f, "\\x%02X", c);
    else if (quote && (c == '"' || c == '\\'))
      fprintf(f, "\\%c", c);
    else
      fputc(c, f);
  }
}

int cli_fail(int status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *msg = NULL;
  int n = vasprintf(&msg, fmt, ap);
  va_end(ap);
  if (n < 0) {
    fputs("taiyaku: out of memory\n", stderr);
    exit(2);
  }
  /* one message, one line: a newline inside (a path's) cannot split it */
  fputs("taiyaku: ", stderr);
  put_escaped(stderr, msg, 0);
  fputc('\n', stderr);
  free(msg);
  return status;
}

const char *cli_quote_path(const char *path, char *buf, size_t size) {
  if (!odd_path(path)) return path;
  FILE *f = fmemopen(buf, size, "w");
  if (!f) return path;
  fputc('"', f);
  put_escaped(f, path, 1);
  fputc('"', f);
  fclose(f);
  buf[size - 1] = '\0';
  return buf;
}

int cli_format_error(const ty_error *err, char *buf, size_t size) {
  char q[1100];
  const char *file = cli_quote_path(err->file, q, sizeof q);
  if (err->file[0] && err->line)
    return snprintf(buf, size, "%s:%d:%d: %s", file, err->line, err->column,
                    err->message);
  if (err->file[0]) return snprintf(buf, size, "%s: %s", file, err->message);
  return snprintf(buf, size, "%s", err->message);
}

int cli_report_error(const ty_error *err) {
  char msg[2200];
  cli_format_error(err, msg, sizeof msg);
  return cli_fail(2, "%s", msg);
}

int cli_finish_stdout(int status) {
  if (fflush(stdout) != 0 || ferror(stdout))
    return cli_fail(2, "write error on standard output: %s", strerror(errno));
  return status;
}

ty_config *cli_load_config(const cli_options *o) {
  ty_config *cfg = ty_config_new();
  ty_error err = {0};
  const char *path = o->config_path;
  if (!path && access("taiyaku.yaml", F_OK) == 0) path = "taiyaku.yaml";
  if (path && ty_config_load(cfg, path, &err) != 0) {
    cli_report_error(&err);
    ty_config_free(cfg);
    return NULL;
  }
  for (int i = 0; i < o->ndisable; i++) {
    char *copy = cli_strdup(o->disable[i]), *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t;
         t = strtok_r(NULL, ",", &save)) {
      int code = ty_code_from_name(t);
      if (code < 0) {
        cli_fail(2, "--disable: unknown finding code '%s'", t);
        free(copy);
        ty_config_free(cfg);
        return NULL;
      }
      ty_config_set_severity(cfg, (ty_code)code, TY_SEV_OFF);
    }
    free(copy);
  }
  if (o->no_checks) ty_config_set_checks(cfg, 0);
  /* --batch runs pairs in parallel; one pair, its checks (-j) */
  ty_config_set_threads(cfg, o->batch ? 1 : o->jobs);
  if (o->render.sentences) ty_config_set_sentences(cfg, 1);
  ty_config_set_min_confidence(cfg, o->min_confidence);
  return cfg;
}

static int render_alignment(const void *al, ty_format fmt,
                            const ty_render_options *ro, FILE *f,
                            ty_error *err) {
  return ty_render(al, fmt, ro, f, err);
}

/* Fills err as an I/O error on `path`; returns -1. */
static int io_error(ty_error *err, const char *path, const char *what) {
  err->code = TY_ERR_IO;
  snprintf(err->file, sizeof err->file, "%s", path);
  err->line = err->column = 0;
  snprintf(err->message, sizeof err->message, "%s: %s", what,
           strerror(errno ? errno : EIO));
  return -1;
}

/* Whether err already names the file a write failed on. */
static int has_io_error(const ty_error *err) {
  return err->message[0] && err->code == TY_ERR_IO && err->file[0];
}

int cli_write_atomic(const char *path, const ty_alignment *al, ty_format fmt,
                     const ty_render_options *ro, ty_error *err) {
  return cli_write_atomic_with(path, render_alignment, al, fmt, ro, err);
}

int cli_write_atomic_with(const char *path, cli_render_fn render,
                          const void *what, ty_format fmt,
                          const ty_render_options *ro, ty_error *err) {
  /* A device or a pipe (-o /dev/null, -o /dev/stdout) is written in place:
   * a rename would replace it with a regular file. */
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    FILE *f = fopen(path, "wb");
    int r = f ? render(what, fmt, ro, f, err) : -1;
    if (f && fclose(f) != 0) r = -1;
    if (r != 0 && !has_io_error(err)) io_error(err, path, "cannot write");
    return r;
  }
  cli_atomic a;
  if (cli_atomic_open(&a, path) != 0)
    return io_error(err, path, "cannot create a temporary file");
  FILE *f = fdopen(a.fd, "wb");
  int r = f ? render(what, fmt, ro, f, err) : -1;
  if (f) {
    if (fflush(f) != 0 || ferror(f)) r = -1;
    if (fclose(f) != 0) r = -1;
  } else {
    close(a.fd);
  }
  if (cli_atomic_finish(&a, r == 0) != 0) {
    if (r == 0 || !has_io_error(err)) io_error(err, path, "cannot write");
    r = -1;
  }
  return r;
}

int cli_status(const ty_alignment *al, const cli_options *o) {
  return (int)ty_alignment_worst(al) >= o->fail_on ? 1 : 0;
}

int cli_align_pair(const char *ja_path, const char *en_path,
                   const cli_options *o, const ty_config *cfg) {
  ty_error err = {0};
  ty_doc *ja, *en;
  if (ty_doc_read_pair(ja_path, en_path, &o->read, &ja, &en, &err) != 0)
    return cli_report_error(&err);
  int status = 2;
  ty_alignment *al = ty_align(ja, en, cfg, &err);
  if (!al) {
    cli_report_error(&err);
    goto done;
  }
  if (o->nformats != 1 && !o->batch) {
    status = cli_fail(2, "several formats need --batch");
    goto done;
  }
  int r = o->output
              ? cli_write_atomic(o->output, al, o->formats[0], &o->render, &err)
              : ty_render(al, o->formats[0], &o->render, stdout, &err);
  if (r != 0) {
    status = o->output ? cli_report_error(&err)
                       : cli_fail(2, "write error on standard output: %s",
                                  strerror(errno ? errno : EIO));
    goto done;
  }
  status = cli_finish_stdout(cli_status(al, o));
done:
  ty_alignment_free(al);
  ty_doc_free(en);
  ty_doc_free(ja);
  return status;
}

int cli_refuse_output_onto_inputs(const cli_options *o, const char *ja,
                                  const char *en) {
  if (o->batch) return 0;
  if (strcmp(ja, "-") == 0 && strcmp(en, "-") == 0)
    return cli_fail(2, "-: standard input can be one input, not both");
  /* a zip archive (xlsx, docx) is of no use on a terminal */
  for (int i = 0; !o->output && i < o->nformats; i++)
    if ((o->formats[i] == TY_FMT_XLSX || o->formats[i] == TY_FMT_DOCX) &&
        isatty(STDOUT_FILENO))
      return cli_fail(2,
                      "--format %s writes a binary file: give -o FILE or "
                      "redirect the output",
                      ty_format_name(o->formats[i]));
  if (!o->output) return 0;
  const char *config = o->config_path ? o->config_path : "taiyaku.yaml";
  const char *inputs[] = {ja, en, config, o->dict_path};
  for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
    if (inputs[i] && strcmp(inputs[i], "-") != 0 &&
        cli_same_file(o->output, inputs[i]))
      return cli_fail(2, "%s: -o names the input %s; refusing to write over it",
                      o->output, inputs[i]);
  return 0;
}

int cli_parse_int(const char *option, const char *s, long lo, long hi,
                  int *out) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (end == s || *end || errno == ERANGE || v < lo || v > hi)
    return cli_fail(2, "%s: a whole number from %ld to %ld, not '%s'", option,
                    lo, hi, s);
  *out = (int)v;
  return 0;
}

int cli_parse_size(const char *option, const char *s, size_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  unsigned shift = 0;
  if (*end == 'K' || *end == 'k')
    shift = 10;
  else if (*end == 'M' || *end == 'm')
    shift = 20;
  else if (*end == 'G' || *end == 'g')
    shift = 30;
  if (shift) end++;
  if (end == s || *end || s[0] == '-' || errno == ERANGE || v == 0 ||
      v > (CLI_MAX_SIZE >> shift))
    return cli_fail(2,
                    "%s: a size from 1 byte to %lluG (suffix K, M or G), "
                    "not '%s'",
                    option, CLI_MAX_SIZE >> 30, s);
  *out = (size_t)(v << shift);
  return 0;
}
