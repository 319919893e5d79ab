/* cli.c — the command-line plumbing shared by single and batch runs:
 * messages, configuration, atomic output, exit status. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_fail(int status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("taiyaku: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  return status;
}

int cli_report_error(const ty_error *err) {
  if (err->file[0] && err->line)
    return cli_fail(2, "%s:%d:%d: %s", err->file, err->line, err->column,
                    err->message);
  if (err->file[0]) return cli_fail(2, "%s: %s", err->file, err->message);
  return cli_fail(2, "%s", err->message);
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
    char *copy = ty_xstrdup(o->disable[i]), *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
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
  if (o->no_checks) cfg->checks = 0;
  cfg->min_confidence = o->min_confidence;
  return cfg;
}

static int render_alignment(const void *al, ty_format fmt,
                            const ty_render_options *ro, FILE *f, ty_error *err) {
  return ty_render(al, fmt, ro, f, err);
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
    if (r != 0 && (!err->message[0] || err->code != TY_ERR_IO || !err->file[0]))
      ty_error_set(err, TY_ERR_IO, path, 0, 0, "cannot write: %s",
                   strerror(errno ? errno : EIO));
    return r;
  }
  const char *slash = strrchr(path, '/');
  ty_buf tmp = {0};
  if (slash) ty_buf_put(&tmp, path, (size_t)(slash - path + 1));
  ty_buf_printf(&tmp, ".%s.XXXXXX", slash ? slash + 1 : path);
  int fd = mkstemp(tmp.p);
  if (fd < 0) {
    ty_error_set(err, TY_ERR_IO, path, 0, 0, "cannot create a temporary file: %s",
                 strerror(errno));
    ty_buf_free(&tmp);
    return -1;
  }
  /* mkstemp makes 0600; outputs are ordinary files */
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  FILE *f = fdopen(fd, "wb");
  int r = f ? render(what, fmt, ro, f, err) : -1;
  if (f) {
    if (fflush(f) != 0 || ferror(f)) r = -1;
    if (fclose(f) != 0) r = -1;
  } else {
    close(fd);
  }
  if (r == 0 && rename(tmp.p, path) != 0) r = -1;
  if (r != 0) {
    if (!err->message[0] || err->code != TY_ERR_IO || !err->file[0])
      ty_error_set(err, TY_ERR_IO, path, 0, 0, "cannot write: %s",
                   strerror(errno ? errno : EIO));
    unlink(tmp.p);
  }
  ty_buf_free(&tmp);
  return r;
}

int cli_status(const ty_alignment *al, const cli_options *o) {
  return (int)ty_alignment_worst(al) >= o->fail_on ? 1 : 0;
}

int cli_align_pair(const char *ja_path, const char *en_path,
                   const cli_options *o, const ty_config *cfg) {
  ty_error err = {0};
  ty_doc *ja = ty_doc_read(ja_path, TY_JA, &o->read, &err);
  if (!ja) return cli_report_error(&err);
  ty_doc *en = ty_doc_read(en_path, TY_EN, &o->read, &err);
  if (!en) {
    ty_doc_free(ja);
    return cli_report_error(&err);
  }
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
  int r = o->output ? cli_write_atomic(o->output, al, o->formats[0], &o->render, &err)
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
