/* batch.c — `align --batch JA_DIR EN_DIR -o OUT_DIR`: every ja/NAME.* with
 * en/NAME.*, each requested format per pair, pairs in parallel, progress
 * on a terminal, a summary table at the end.  A bad pair is reported and
 * the rest go on; the exit status is 2 if any pair failed. */
#include "cli.h"
#include "safe_write.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct job {
  char *name; /* NAME, the file name without its extension */
  char *ja, *en;
  /* results */
  int status; /* 0, 1, 2 */
  ty_summary sum;
  char error[2200];
} job;

typedef struct pool {
  job *jobs;
  size_t njobs, next, done;
  const cli_options *o;
  const ty_config *cfg;
  pthread_mutex_t lock;
  int progress;
} pool;

typedef struct entry {
  char *stem, *file;
} entry;

static int entry_cmp(const void *a, const void *b) {
  return strcmp(((const entry *)a)->stem, ((const entry *)b)->stem);
}

/* The regular files of a folder, by stem, sorted; -1 if unreadable. */
static int list_dir(const char *dir, entry **out, size_t *n) {
  DIR *d = opendir(dir);
  if (!d) return -1;
  size_t cap = 16;
  *out = cli_alloc(cap * sizeof **out);
  *n = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    char *path = cli_format("%s/%s", dir, de->d_name);
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
      free(path);
      continue;
    }
    if (*n == cap) *out = cli_realloc(*out, (cap *= 2) * sizeof **out);
    const char *dot = strrchr(de->d_name, '.');
    size_t stem = dot && dot != de->d_name ? (size_t)(dot - de->d_name)
                                           : strlen(de->d_name);
    (*out)[*n].stem = cli_strndup(de->d_name, stem);
    (*out)[*n].file = path;
    (*n)++;
  }
  closedir(d);
  qsort(*out, *n, sizeof **out, entry_cmp);
  return 0;
}

static void free_entries(entry *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(v[i].stem);
    free(v[i].file);
  }
  free(v);
}

static void run_job(job *j, const cli_options *o, const ty_config *cfg,
                    ty_context *ctx) {
  ty_error err = {0};
  ty_doc *ja = ty_doc_read(j->ja, TY_JA, &o->read, &err);
  ty_doc *en = ja ? ty_doc_read(j->en, TY_EN, &o->read, &err) : NULL;
  ty_alignment *al = en ? ty_context_align(ctx, ja, en, cfg, &err) : NULL;
  if (al) {
    ty_alignment_summary(al, &j->sum);
    j->status = cli_status(al, o);
    for (int k = 0; k < o->nformats && j->status != 2; k++) {
      char *out = cli_format("%s/%s.%s", o->output, j->name,
                             ty_format_extension(o->formats[k]));
      if (cli_write_atomic(out, al, o->formats[k], &o->render, &err) != 0)
        j->status = 2;
      free(out);
    }
  } else {
    j->status = 2;
  }
  if (j->status == 2) cli_format_error(&err, j->error, sizeof j->error);
  ty_alignment_free(al);
  ty_doc_free(en);
  ty_doc_free(ja);
}

/* Runs jobs until none is left, with one context (the ICU objects of the
 * aligner, opened once) for all of them. */
static void *worker(void *arg) {
  pool *p = arg;
  ty_context *ctx = ty_context_new();
  for (;;) {
    pthread_mutex_lock(&p->lock);
    if (p->next == p->njobs) {
      pthread_mutex_unlock(&p->lock);
      ty_context_free(ctx);
      return NULL;
    }
    job *j = &p->jobs[p->next++];
    pthread_mutex_unlock(&p->lock);
    run_job(j, p->o, p->cfg, ctx);
    pthread_mutex_lock(&p->lock);
    p->done++;
    if (p->progress)
      fprintf(stderr, "\r\033[K[%zu/%zu] %s", p->done, p->njobs, j->name);
    pthread_mutex_unlock(&p->lock);
  }
}

/* 2 (message printed) when an output of a job would replace a file of
 * either folder, the configuration or the dictionary (`inputs`); 0 when
 * none would.  Only the files' status is read. */
static int refuse_outputs_onto_inputs(const pool *p, cli_file_set *inputs) {
  const cli_options *o = p->o;
  cli_file_set_add(inputs, o->config_path ? o->config_path : "taiyaku.yaml");
  cli_file_set_add(inputs, o->dict_path);
  int status = 0;
  for (size_t n = 0; n < p->njobs && !status; n++) {
    for (int k = 0; k < o->nformats && !status; k++) {
      char *out = cli_format("%s/%s.%s", o->output, p->jobs[n].name,
                             ty_format_extension(o->formats[k]));
      if (cli_file_set_has(inputs, out))
        status = cli_fail(2,
                          "%s: the output would replace an input; "
                          "refusing to write over it (choose another -o)",
                          out);
      free(out);
    }
  }
  return status;
}

static int default_jobs(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > CLI_MAX_JOBS ? CLI_MAX_JOBS : (int)n;
}

/* Moves the files of ja and en that share a stem into p's jobs (their
 * strings then belong to the job); reports a file without a partner.
 * Returns 1 when one was reported and --fail-on counts errors, else 0. */
static int pair_files(entry *ja, size_t nja, entry *en, size_t nen,
                      const cli_options *o, pool *p) {
  int status = 0;
  size_t i = 0, k = 0;
  while (i < nja || k < nen) {
    int c = i == nja ? 1 : k == nen ? -1 : strcmp(ja[i].stem, en[k].stem);
    if (c == 0 && i + 1 < nja && strcmp(ja[i + 1].stem, ja[i].stem) == 0)
      c = -1;
    if (c < 0) {
      cli_fail(0, "%s: no English file named %s.*", ja[i].file, ja[i].stem);
      if (o->fail_on <= TY_SEV_ERROR) status = 1;
      i++;
    } else if (c > 0) {
      cli_fail(0, "%s: no Japanese file named %s.*", en[k].file, en[k].stem);
      if (o->fail_on <= TY_SEV_ERROR) status = 1;
      k++;
    } else {
      job *j = &p->jobs[p->njobs++];
      j->name = ja[i].stem;
      j->ja = ja[i].file;
      j->en = en[k].file;
      ja[i].stem = ja[i].file = en[k].file = NULL;
      i++;
      k++;
    }
  }
  return status;
}

/* Runs p's jobs on `jobs` threads, the calling one included. */
static void run_pool(pool *p, int jobs) {
  p->progress = isatty(STDERR_FILENO);
  pthread_mutex_init(&p->lock, NULL);
  /* libxml2 is set up before the workers start; the calling thread is a
   * worker too, and only threads that did start are joined. */
  ty_init();
  pthread_t *th = cli_alloc((size_t)jobs * sizeof *th);
  int started = 0;
  for (int t = 1; t < jobs; t++)
    if (pthread_create(&th[started], NULL, worker, p) == 0) started++;
  worker(p);
  for (int t = 0; t < started; t++)
    pthread_join(th[t], NULL);
  free(th);
  pthread_mutex_destroy(&p->lock);
  if (p->progress) fputs("\r\033[K", stderr);
}

static void free_jobs(pool *p) {
  for (size_t n = 0; n < p->njobs; n++) {
    free(p->jobs[n].name);
    free(p->jobs[n].ja);
    free(p->jobs[n].en);
  }
  free(p->jobs);
}

/* Prints a line per job, frees the jobs; the worst of status and theirs. */
static int print_jobs(pool *p, int status) {
  for (size_t n = 0; n < p->njobs; n++) {
    job *j = &p->jobs[n];
    if (j->status == 2) {
      cli_fail(0, "%s", j->error);
      printf("%-32s FAILED\n", j->name);
    } else {
      printf("%-32s %5zu pairs  %5zu matched  %4zu content  %4zu missing-en"
             "  %4zu missing-ja  %3zu errors  %3zu warnings  %3zu infos\n",
             j->name, j->sum.pairs, j->sum.matched, j->sum.content,
             j->sum.missing_en, j->sum.missing_ja, j->sum.errors,
             j->sum.warnings, j->sum.infos);
    }
    if (j->status > status) status = j->status;
  }
  free_jobs(p);
  return status;
}

int cli_batch(const char *ja_dir, const char *en_dir, const cli_options *o,
              const ty_config *cfg) {
  if (!o->output) return cli_fail(2, "--batch needs -o OUT_DIR");
  if (cli_same_file(o->output, ja_dir) || cli_same_file(o->output, en_dir))
    return cli_fail(2,
                    "%s: -o names an input folder; its files would be read "
                    "as inputs next time (choose another folder)",
                    o->output);
  if (mkdir(o->output, 0777) != 0 && errno != EEXIST)
    return cli_fail(2, "%s: %s", o->output, strerror(errno));
  entry *ja = NULL, *en = NULL;
  size_t nja = 0, nen = 0;
  if (list_dir(ja_dir, &ja, &nja) != 0)
    return cli_fail(2, "%s: %s", ja_dir, strerror(errno));
  if (list_dir(en_dir, &en, &nen) != 0) {
    free_entries(ja, nja);
    return cli_fail(2, "%s: %s", en_dir, strerror(errno));
  }
  cli_file_set inputs = {0};
  for (size_t n = 0; n < nja; n++)
    cli_file_set_add(&inputs, ja[n].file);
  for (size_t n = 0; n < nen; n++)
    cli_file_set_add(&inputs, en[n].file);
  pool p = {0};
  p.jobs = cli_calloc(nja + 1, sizeof *p.jobs);
  p.o = o;
  p.cfg = cfg;
  int status = pair_files(ja, nja, en, nen, o, &p);
  free_entries(ja, nja);
  free_entries(en, nen);
  int refused = refuse_outputs_onto_inputs(&p, &inputs);
  cli_file_set_free(&inputs);
  if (refused) {
    free_jobs(&p);
    return refused;
  }
  int jobs = o->jobs ? o->jobs : default_jobs();
  if ((size_t)jobs > p.njobs) jobs = p.njobs ? (int)p.njobs : 1;
  run_pool(&p, jobs);
  return cli_finish_stdout(print_jobs(&p, status));
}
