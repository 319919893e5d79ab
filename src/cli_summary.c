/* cli_summary.c — `taiyaku summary REPORT.json...`: the JSON reports of
 * many pairs (each written by `taiyaku check --format json -o ...`, one a
 * pair, by GNU parallel, a Slurm job array or anything else that runs
 * pairs apart) merged into one table, with totals and one exit status:
 * 2 when a report cannot be read, else 1 when any pair has findings at
 * or above --fail-on, else 0.  Reports are read with Jansson. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* The counts of one report's "summary", in table order. */
enum {
  PAIRS,
  MATCHED,
  CONTENT,
  MISSING_EN,
  MISSING_JA,
  ERRORS,
  WARNINGS,
  INFOS,
  NCOUNTS
};
static const char *const count_names[NCOUNTS] = {
    "pairs",      "matched", "content",  "missing_en",
    "missing_ja", "errors",  "warnings", "infos"};

typedef struct report {
  char *ja, *en; /* the paths the report names */
  unsigned long long n[NCOUNTS];
} report;

/* Reads the report at `path` into r; prints the reason and returns 2 when
 * it is not a taiyaku JSON report (version 1). */
static int read_report(const char *path, report *r) {
  json_error_t je;
  json_t *j = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
  char q[1100];
  const char *shown = cli_quote_path(path, q, sizeof q);
  if (!j) {
    if (je.line > 0)
      return cli_fail(2, "%s:%d:%d: %s", shown, je.line, je.column, je.text);
    return cli_fail(2, "%s: %s", shown, je.text);
  }
  json_t *v = json_object_get(j, "taiyaku");
  json_t *sum = json_object_get(j, "summary");
  int bad =
      !json_is_integer(v) || json_integer_value(v) != 1 || !json_is_object(sum);
  for (int k = 0; k < NCOUNTS && !bad; k++) {
    json_t *c = json_object_get(sum, count_names[k]);
    bad = !json_is_integer(c) || json_integer_value(c) < 0;
    if (!bad) r->n[k] = (unsigned long long)json_integer_value(c);
  }
  if (bad) {
    json_decref(j);
    return cli_fail(2,
                    "%s: not a taiyaku report (taiyaku --format json, "
                    "version 1, with its summary)",
                    shown);
  }
  const char *ja =
      json_string_value(json_object_get(json_object_get(j, "ja"), "path"));
  const char *en =
      json_string_value(json_object_get(json_object_get(j, "en"), "path"));
  r->ja = cli_strdup(ja ? ja : "");
  r->en = cli_strdup(en ? en : "");
  json_decref(j);
  return 0;
}

/* Whether counts n hold a finding at or above fail_on. */
static int fails(const unsigned long long *n, int fail_on) {
  return (fail_on <= TY_SEV_ERROR && n[ERRORS]) ||
         (fail_on <= TY_SEV_WARNING && n[WARNINGS]) ||
         (fail_on <= TY_SEV_INFO && n[INFOS]);
}

static void put_row(const char *name, const unsigned long long *n) {
  printf("%-32s %6llu pairs %6llu matched %5llu content %5llu missing-en"
         " %5llu missing-ja %4llu errors %4llu warnings %4llu infos\n",
         name, n[PAIRS], n[MATCHED], n[CONTENT], n[MISSING_EN], n[MISSING_JA],
         n[ERRORS], n[WARNINGS], n[INFOS]);
}

/* The table as JSON: {"reports":[{"file","ja","en",counts...}],
 * "total":{counts...,"reports","failed"}}. */
static void put_json(char **files, const report *r, const int *ok, int n,
                     const unsigned long long *total, int failed) {
  json_t *all = json_array();
  for (int i = 0; i < n; i++) {
    if (!ok[i]) continue;
    json_t *o = json_pack("{s:s, s:s, s:s}", "file", files[i], "ja", r[i].ja,
                          "en", r[i].en);
    for (int k = 0; k < NCOUNTS; k++)
      json_object_set_new(o, count_names[k],
                          json_integer((json_int_t)r[i].n[k]));
    json_array_append_new(all, o);
  }
  json_t *t = json_pack("{s:i, s:i}", "reports", n, "failed", failed);
  for (int k = 0; k < NCOUNTS; k++)
    json_object_set_new(t, count_names[k], json_integer((json_int_t)total[k]));
  json_t *doc = json_pack("{s:i, s:o, s:o}", "taiyaku_summary", 1, "reports",
                          all, "total", t);
  json_dumpf(doc, stdout, JSON_INDENT(1));
  putchar('\n');
  json_decref(doc);
}

int cli_summary(int argc, char **argv, const cli_options *o) {
  int n = argc - optind;
  if (n < 1)
    return cli_fail(2, "usage: taiyaku summary [--fail-on SEV] [--format "
                       "text|json] REPORT.json...");
  int json = o->nformats == 1 && o->formats[0] == TY_FMT_JSON;
  if (!json && !(o->nformats == 1 && o->formats[0] == TY_FMT_TEXT))
    return cli_fail(2, "summary: --format text or json");
  report *r = cli_calloc((size_t)n, sizeof *r);
  int *ok = cli_calloc((size_t)n, sizeof *ok);
  unsigned long long total[NCOUNTS] = {0};
  int status = 0, failed = 0;
  for (int i = 0; i < n; i++) {
    if (read_report(argv[optind + i], &r[i]) != 0) {
      status = 2;
      failed++;
      continue;
    }
    ok[i] = 1;
    for (int k = 0; k < NCOUNTS; k++)
      total[k] += r[i].n[k];
    if (fails(r[i].n, o->fail_on) && status < 1) status = 1;
  }
  if (json) {
    put_json(argv + optind, r, ok, n, total, failed);
  } else {
    for (int i = 0; i < n; i++) {
      char q[1100];
      if (ok[i]) put_row(cli_quote_path(argv[optind + i], q, sizeof q), r[i].n);
    }
    char name[64];
    snprintf(name, sizeof name, "total (%d reports%s)", n - failed,
             failed ? ", some unreadable" : "");
    put_row(name, total);
  }
  for (int i = 0; i < n; i++) {
    free(r[i].ja);
    free(r[i].en);
  }
  free(r);
  free(ok);
  return cli_finish_stdout(status);
}
