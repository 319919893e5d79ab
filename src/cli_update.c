/* cli_update.c — `taiyaku update [OPTIONS] OLD NEW TRANSLATION`: what a
 * revision of the original asks of the translation of its old version.
 * Exit status: 0 when the translation is current, 1 when anything needs
 * work, 2 on trouble. */
#include "cli.h"
#include "safe_write.h"

#include <errno.h>
#include <getopt.h>
#include <string.h>

static int render_update(const void *up, ty_format fmt,
                         const ty_render_options *ro, FILE *f, ty_error *err) {
  return ty_update_render(up, fmt, ro, f, err);
}

/* Reads the three documents; 0, or 2 with the message printed. */
static int read_docs(char **paths, const cli_options *o, ty_doc **docs) {
  ty_lang src = o->render.source;
  ty_lang lang[3] = {src, src, src == TY_JA ? TY_EN : TY_JA};
  for (int i = 0; i < 3; i++) {
    ty_error err = {0};
    docs[i] = ty_doc_read(paths[i], lang[i], &o->read, &err);
    if (!docs[i]) return cli_report_error(&err);
  }
  return 0;
}

static int write_update(const ty_update *up, const cli_options *o) {
  ty_error err = {0};
  int r = o->output
              ? cli_write_atomic_with(o->output, render_update, up,
                                      o->formats[0], &o->render, &err)
              : ty_update_render(up, o->formats[0], &o->render, stdout, &err);
  if (r == 0) return cli_finish_stdout(ty_update_needs_work(up) ? 1 : 0);
  if (o->output || err.code == TY_ERR_USAGE) return cli_report_error(&err);
  return cli_fail(2, "write error on standard output: %s",
                  strerror(errno ? errno : EIO));
}

int cli_update(int argc, char **argv, const cli_options *o) {
  if (argc - optind != 3)
    return cli_fail(2, "usage: taiyaku update [OPTIONS] OLD NEW TRANSLATION");
  if (o->nformats != 1) return cli_fail(2, "update writes one format");
  ty_format fmt = o->formats[0];
  if (fmt != TY_FMT_TEXT && fmt != TY_FMT_MD && fmt != TY_FMT_HTML &&
      fmt != TY_FMT_JSON && fmt != TY_FMT_XLIFF && fmt != TY_FMT_XLIFF12)
    return cli_fail(2, "update writes text, md, html, json, xliff or xliff12");
  char **paths = argv + optind;
  for (int i = 0; i < 3; i++)
    if (cli_same_file(o->output, paths[i]))
      return cli_fail(2, "%s: the output would overwrite an input", o->output);
  ty_config *cfg = cli_load_config(o);
  if (!cfg) return 2;
  ty_dict *dict = NULL;
  ty_doc *docs[3] = {NULL, NULL, NULL};
  ty_update *up = NULL;
  ty_error err = {0};
  int status = 2;
  if (o->dict_path && !(dict = ty_dict_load(o->dict_path, &err))) {
    cli_report_error(&err);
    goto done;
  }
  ty_config_set_dict(cfg, dict);
  if (read_docs(paths, o, docs) != 0) goto done;
  up = ty_update_new(docs[0], docs[1], docs[2], cfg, &err);
  if (!up) {
    cli_report_error(&err);
    goto done;
  }
  status = write_update(up, o);
done:
  ty_update_free(up);
  for (int i = 0; i < 3; i++)
    ty_doc_free(docs[i]);
  ty_config_free(cfg);
  ty_dict_free(dict);
  return status;
}
