/* cli.h — what the command-line files (main.c, cli.c, batch.c) share. */
#ifndef TY_CLI_H
#define TY_CLI_H

#include "taiyaku.h"

#include <stddef.h>

#define CLI_MAX_DISABLE 64

typedef struct cli_options {
  ty_format formats[TY_FMT_COUNT];
  int nformats;
  const char *output; /* file, or folder with --batch; NULL = stdout */
  const char *config_path;
  int fail_on; /* lowest severity that makes the exit status 1 */
  const char *disable[CLI_MAX_DISABLE];
  int ndisable;
  int no_checks;
  int batch;
  int jobs;
  ty_unit by;            /* --by */
  int prefer_content;    /* --prefer content */
  const char *dict_path; /* --dict */
  double min_confidence; /* --min-confidence, 0 = every finding */
  ty_read_options read;
  ty_render_options render;
} cli_options;

/* malloc, calloc, realloc, strdup, strndup that never return NULL: out
 * of memory prints "taiyaku: out of memory" and exits with status 2. */
void *cli_alloc(size_t n);
void *cli_calloc(size_t n, size_t size);
void *cli_realloc(void *p, size_t n);
char *cli_strdup(const char *s);
char *cli_strndup(const char *s, size_t n);
/* A new string formatted as by printf (cli_alloc'd; the caller frees). */
char *cli_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "taiyaku: message" on stderr, on one line (control characters
 * escaped); returns `status`. */
int cli_fail(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints a library error as "taiyaku: FILE:LINE:COL: message"; returns 2. */
int cli_report_error(const ty_error *err);
/* Formats a library error as "FILE:LINE:COL: message" (FILE quoted by
 * cli_quote_path) into buf; returns what snprintf returns. */
int cli_format_error(const ty_error *err, char *buf, size_t size);
/* `path` itself, or when it holds a control character, a quote or a
 * backslash, "path" with those escaped (\n, \xHH), written into buf. */
const char *cli_quote_path(const char *path, char *buf, size_t size);
/* Flushes stdout; a failed write (a full disk, a closed pipe) gives 2. */
int cli_finish_stdout(int status);
/* The configuration: defaults, then --config or ./taiyaku.yaml, then
 * --disable and --no-checks.  NULL (message printed) on failure. */
ty_config *cli_load_config(const cli_options *o);
/* Writes `al` in `fmt` to `path` through a temporary file in the same
 * folder renamed into place, so a failed or interrupted run leaves the
 * previous file intact.  Returns 0, or -1 with err filled. */
int cli_write_atomic(const char *path, const ty_alignment *al, ty_format fmt,
                     const ty_render_options *ro, ty_error *err);
/* Renders `what` (an alignment, an update) in `fmt` to f; 0 or -1. */
typedef int (*cli_render_fn)(const void *what, ty_format fmt,
                             const ty_render_options *ro, FILE *f,
                             ty_error *err);
/* cli_write_atomic for anything `render` writes. */
int cli_write_atomic_with(const char *path, cli_render_fn render,
                          const void *what, ty_format fmt,
                          const ty_render_options *ro, ty_error *err);
/* `summary REPORT.json...`: JSON reports merged into one table and exit
 * status (cli_summary.c). */
int cli_summary(int argc, char **argv, const cli_options *o);
/* `update OLD NEW TRANSLATION` (cli_update.c). */
int cli_update(int argc, char **argv, const cli_options *o);
/* Exit status for an alignment under --fail-on. */
int cli_status(const ty_alignment *al, const cli_options *o);
/* `align`/`check` on one pair of files. */
int cli_align_pair(const char *ja, const char *en, const cli_options *o,
                   const ty_config *cfg);
/* `align --batch`: every ja/NAME.* with en/NAME.* into the output folder. */
int cli_batch(const char *ja_dir, const char *en_dir, const cli_options *o,
              const ty_config *cfg);

/* 2 (message printed) when -o, outside --batch, is one of the input
 * files ja, en, the configuration or the dictionary (the same file, also
 * through a link), or when ja and en are both "-" (standard input); 0
 * otherwise.  Reads nothing but the files' status. */
int cli_refuse_output_onto_inputs(const cli_options *o, const char *ja,
                                  const char *en);

/* The limits of --width: narrower tables cannot show a pair; wider ones
 * only pad lines (a width is spent on every line of the table). */
#define CLI_MIN_WIDTH 20
#define CLI_MAX_WIDTH 1000

/* Parses the value `s` of `option` as a decimal integer in [lo, hi] into
 * *out.  Returns 0, or 2 with a message naming the option and range. */
int cli_parse_int(const char *option, const char *s, long lo, long hi,
                  int *out);

/* The largest --max-input (1 TiB). */
#define CLI_MAX_SIZE (1ULL << 40)
/* Parses a size ("500000", "64K", "10M", "2G"; powers of 1024) into *out.
 * Returns 0, or 2 with a message naming the option and range. */
int cli_parse_size(const char *option, const char *s, size_t *out);

#endif
